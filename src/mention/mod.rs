//! Mentions: spans of a text that name an entity of the reference data
//! (states, groups, persons, bodies, documents, policy proposals) or cite a
//! resolution or UN document by symbol.
//!
//! Known entities always resolve to their reference identity; only persons
//! and document symbols the reference data lacks become new entities, and
//! they carry the label or symbol they were read with.

mod citations;
mod clauses;
mod dating;
mod drafts;
mod gazetteer;
mod handles;
mod mission_codes;
mod persons;
mod short_names;
mod speakers;
pub use persons::slug;

pub use citations::{find_citations, symbol_slug, Citation};
pub use clauses::Clauses;
pub use dating::infer_date;
pub use drafts::SUBJECT_STOPS;
pub use gazetteer::Gazetteer;

use crate::input::SourceText;
use crate::reference::Reference;
use crate::segment::{Normalized, Span};
use std::collections::BTreeMap;

/// The entity a mention resolves to, by its stable key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    /// ISO 3166-1 alpha-3.
    State(String),
    /// Group code.
    Group(String),
    /// Person slug.
    Person(String),
    /// Body slug.
    Body(String),
    /// Resolution key `70-237`, `43-78-H`.
    Resolution(String),
    /// Document slug.
    Document(String),
    /// Policy-proposal slug.
    Policy(String),
}

impl Entity {
    /// True for states and groups: the actors that hold stances.
    pub fn is_actor(&self) -> bool {
        matches!(
            self,
            Entity::State(_) | Entity::Group(_) | Entity::Person(_)
        )
    }
    pub fn is_state_or_group(&self) -> bool {
        matches!(self, Entity::State(_) | Entity::Group(_))
    }

    /// The key the entity is known by: a code for states and groups
    /// (`IRN`, `EU`), otherwise its slug or resolution key.
    pub fn key(&self) -> &str {
        match self {
            Entity::State(k)
            | Entity::Group(k)
            | Entity::Person(k)
            | Entity::Body(k)
            | Entity::Document(k)
            | Entity::Policy(k)
            | Entity::Resolution(k) => k,
        }
    }
}

/// How the mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name or alias of the gazetteer.
    Name,
    /// A demonym with a head word ("the Chinese delegation").
    Demonym,
    /// A person introduced by a title ("Ambassador Jürg Lauber").
    Titled,
    /// A citation by symbol or number ("resolution 70/237", "A/70/174").
    Citation,
    /// A person's name standing for the state they were introduced as
    /// speaking for ("Mensah added …" after "Ghana's delegate, Ms. Ama
    /// Mensah").
    Speaker,
    /// Who takes part, standing for a policy about their taking part
    /// ("NGOs should be allowed to speak"; `clauses`).
    Clause,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub entity: Entity,
    pub kind: MentionKind,
    /// Other entities the same words could name ("OEWG" before and after
    /// 2021); `entity` is the one in force at the text's date, and context
    /// (a founding resolution next to it) may pick another.
    pub alternatives: Vec<Entity>,
}

/// An entity the reference data does not know, with what the text said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdHoc {
    pub label: String,
    pub symbol: Option<String>,
}

/// All mentions of one text, sorted by position, non-overlapping.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub items: Vec<Mention>,
    pub ad_hoc: BTreeMap<Entity, AdHoc>,
}

impl Mentions {
    /// Finds every mention in a source.
    pub fn find(source: &SourceText, reference: &Reference, gazetteer: &Gazetteer) -> Self {
        let text = &source.text;
        let date = source
            .date()
            .or_else(|| infer_date(text))
            .unwrap_or_default();
        let normalized = Normalized::new(text);
        let mut items = gazetteer.find_in(&normalized, &date);
        let mut ad_hoc = BTreeMap::new();
        for c in find_citations(text, reference) {
            if let Some(sym) = &c.unknown_symbol {
                ad_hoc.insert(
                    c.entity.clone(),
                    AdHoc {
                        label: sym.clone(),
                        symbol: Some(sym.clone()),
                    },
                );
            }
            items.push(Mention {
                span: c.span,
                entity: c.entity,
                kind: MentionKind::Citation,
                alternatives: Vec::new(),
            });
        }
        let mut bodies: Vec<(Span, String)> = items
            .iter()
            .filter_map(|m| match &m.entity {
                Entity::Body(b) => Some((m.span, b.clone())),
                _ => None,
            })
            .collect();
        bodies.sort_by_key(|(s, _)| (s.end, s.start));
        let setting = drafts::Setting {
            bodies,
            year: (date.len() >= 4).then(|| date[..4].to_string()),
            finished: reference
                .documents
                .iter()
                .filter(|d| d.kind != "draft")
                .map(|d| d.slug.clone())
                .collect(),
        };
        for (m, adhoc) in drafts::find_drafts_in(&normalized, text, &setting, &items) {
            ad_hoc.insert(m.entity.clone(), adhoc);
            items.push(m);
        }
        for (m, adhoc) in persons::find_titled(text, reference, &items) {
            if let Some(a) = adhoc {
                ad_hoc.insert(m.entity.clone(), a);
            }
            items.push(m);
        }
        let short = short_names::find(text, &items);
        items.extend(short);
        let speakers = speakers::find(text, &items);
        items.extend(speakers);
        items.extend(handles::find(text, gazetteer, &date));
        items.extend(mission_codes::find(text, reference, gazetteer, &date));
        // Keep the leftmost-longest of overlapping mentions.
        items.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<Mention> = Vec::with_capacity(items.len());
        for m in items {
            if kept.last().is_some_and(|k| m.span.start < k.span.end) {
                continue;
            }
            kept.push(m);
        }
        // A dated text resolves names by its date; an undated one by the
        // sense it names elsewhere.
        if date.is_empty() {
            one_sense_per_text(&mut kept);
        }
        Self {
            items: kept,
            ad_hoc,
        }
    }

    /// Mentions inside a span, in order.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &Mention> + '_ {
        self.items[self.range_within(span)].iter()
    }

    /// Indices of the mentions inside a span. Mentions are sorted and do
    /// not overlap, so they form one run found by binary search: per-sentence
    /// work stays proportional to the sentence, not to the file.
    pub fn range_within(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.items.partition_point(|m| m.span.start < span.start);
        let len = self.items[start..].partition_point(|m| m.span.end <= span.end);
        start..start + len
    }
}

/// An ambiguous name ("the OEWG") means what the same text names without
/// ambiguity ("the OEWG 2021-2025" in its title): a report keeps to one
/// sense of a name. Only when the text names exactly one of the senses.
fn one_sense_per_text(items: &mut [Mention]) {
    let certain: std::collections::BTreeSet<Entity> = items
        .iter()
        .filter(|m| m.alternatives.is_empty())
        .map(|m| m.entity.clone())
        .collect();
    for m in items.iter_mut().filter(|m| !m.alternatives.is_empty()) {
        let named: Vec<&Entity> = std::iter::once(&m.entity)
            .chain(&m.alternatives)
            .filter(|e| certain.contains(e))
            .collect();
        if let [only] = named.as_slice() {
            if **only != m.entity {
                let chosen = (*only).clone();
                let old = std::mem::replace(&mut m.entity, chosen.clone());
                m.alternatives.retain(|e| *e != chosen);
                m.alternatives.push(old);
            }
        }
    }
}
