//! Edit proposals and stances, read sentence by sentence with a small
//! discourse context.
//!
//! Every rule keys on a cue class from `ontology/cues.csv` (proposal verbs,
//! action words, support/oppose phrases, negations, back-references,
//! anaphors, "on behalf of") and on mentions; none names a sentence or a
//! file. The context carries what reports leave implicit:
//!
//! * the draft and the paragraph(s) under discussion, from "Paragraph 12" /
//!   "Paragraphs 16-18" headings and from explicit "paragraph 17 of the
//!   First Draft" references, so "this paragraph" resolves;
//! * the proposals and stances of the previous sentence, so "This edit was
//!   supported by Iran", "Kenya agreed." and "Neither could Japan." attach to
//!   them;
//! * the last speaker, so "The delegation suggested …" and "They also …"
//!   have a subject;
//! * each actor's latest position, so "Switzerland aligned itself with the
//!   EU" copies the EU's.
//!
//! A clause's first cue decides what it is: a support/oppose/agree cue makes
//! a stance; a proposal verb or action word with an edit object (a paragraph,
//! a sentence, quoted words …) makes an edit proposal; a proposal verb whose
//! object is a recurring policy ("called for a legally binding instrument")
//! makes a stance for that policy. A negation just before a support cue
//! ("did not support", "could not go along with") turns it into opposition.

use super::proposals::{Action, EditProposal, Polarity, Stance, StanceTarget};
use super::ParagraphFact;
use crate::mention::{Entity, Mention, MentionKind, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{heading_title, BlockKind, Segments, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A cue found in the text.
#[derive(Debug, Clone)]
struct Hit {
    span: Span,
    kind: CueKind,
    value: String,
}

/// Finds cues of every kind at word boundaries, leftmost-longest.
struct CueFinder {
    automaton: AhoCorasick,
    cues: Vec<(CueKind, String, String)>,
}

const CLAUSE_CUES: [CueKind; 12] = [
    CueKind::ProposalVerb,
    CueKind::Action,
    CueKind::Support,
    CueKind::Oppose,
    CueKind::Negation,
    CueKind::OnBehalf,
    CueKind::BackReference,
    CueKind::Hedge,
    CueKind::EditObject,
    CueKind::TextUnit,
    CueKind::Anaphor,
    CueKind::DraftQuote,
];

impl CueFinder {
    fn new(reference: &Reference) -> Self {
        let mut cues = Vec::new();
        for kind in CLAUSE_CUES {
            for c in reference.cues.of(kind) {
                cues.push((kind, c.cue.clone(), c.value.clone()));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(cues.iter().map(|c| c.1.as_str()))
            .expect("cue patterns compile");
        Self { automaton, cues }
    }

    /// Hits of one kind family inside `span`, non-overlapping within the
    /// family, leftmost-longest. Families: clause cues (proposal, action,
    /// support, oppose, negation, hedge, on-behalf) are matched together so
    /// "not in a position to subscribe" beats "not"; objects, text units,
    /// anaphors and back-references are matched on their own.
    fn find(&self, text: &str, span: Span, family: &[CueKind]) -> Vec<Hit> {
        let s = span.of(text);
        let mut all: Vec<Hit> = Vec::new();
        for m in self.automaton.find_overlapping_iter(s) {
            let (kind, _, value) = &self.cues[m.pattern().as_usize()];
            if !family.contains(kind) {
                continue;
            }
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            all.push(Hit {
                span: Span::new(span.start + m.start(), span.start + m.end()),
                kind: *kind,
                value: value.clone(),
            });
        }
        all.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        let mut out: Vec<Hit> = Vec::new();
        for h in all {
            if out.last().is_some_and(|l| h.span.start < l.span.end) {
                continue;
            }
            out.push(h);
        }
        out
    }
}

const STANCE_FAMILY: [CueKind; 8] = [
    CueKind::ProposalVerb,
    CueKind::Action,
    CueKind::Support,
    CueKind::Oppose,
    CueKind::Negation,
    CueKind::Hedge,
    CueKind::OnBehalf,
    CueKind::DraftQuote,
];

static PARAGRAPH_REFS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:paragraphs?|paras?\.?|par\.)\s+(\d{1,3})((?:\s*(?:,|and|to|through|-|–)\s*\d{1,3}\b)*)",
    )
    .unwrap()
});
static MORE_NUMBERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(,|and|to|through|-|–)\s*(\d{1,3})").unwrap());
static PARAGRAPH_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^paragraphs?\s+\d").unwrap());
/// "this paragraph", "the same paragraph", "these paragraphs", "the sentence" …
static CONTEXT_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:this|that|the|these|those|same|entire|whole|first|second|third|last|final)\s+(?:same\s+)?(?:paragraphs?|sentences?|phrase|words?|wording|text|part|rest|reference|references)\b")
        .unwrap()
});
static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?(?:also\s+)?$").unwrap()
});
/// An action word alone proposes only as a request: "to add", "be deleted",
/// "should be moved", "is better placed".
static REQUEST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:to|be|should|would|must|shall|could|is|are)\s+(?:\w+\s+)?$").unwrap()
});
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+)(?:(?:and|or|as well as)\s+)?(?:the\s+)?(?:delegations?\s+of\s+)?(?:the\s+)?$").unwrap()
});
static LIST_GAP_POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+)(?:(?:and|or|as well as)\s+)?(?:(?:a|an|the)\s+)?$").unwrap()
});
static SUBORDINATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s+(?:as|because|since|so that|given that|which)\s").unwrap());
static AND_NEW_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s+and\s+(?:the\s+)?").unwrap());
/// Between a cue and the actor it is about: "backed Iran", "sided with the EU".
static LEAD_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:(?:with|behind)\s+)?(?:the\s+)?$").unwrap());
static NOUN_CONTENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:is\s+that|that)\b").unwrap());
/// "proposal to delete …": `to` right before an action word.
static TO_VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+to\s+").unwrap());
static COMPLEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:to|of|for|that|on|by)\s").unwrap());
static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bby\b").unwrap());
static THAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bthat\b").unwrap());
/// Clause boundaries: semicolons, contrasts, and participial reasons
/// (", arguing that …", ", noting …"), whose words are the speaker's reasons,
/// not new positions.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r";|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|,\s+(?:arguing|noting|saying|stressing|explaining|recalling|citing|warning|underlining|adding|claiming|insisting)\b").unwrap()
});

/// Numbers named by paragraph references in `s` ("paragraphs 16-18" → 16,
/// 17, 18; "paragraphs 3 and 4" → 3, 4), with the end of each reference.
fn paragraph_refs(s: &str) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    for c in PARAGRAPH_REFS.captures_iter(s) {
        let m = c.get(0).unwrap();
        let Ok(first) = c[1].parse::<u32>() else {
            continue;
        };
        let mut nums = vec![first];
        let mut prev = first;
        for mc in MORE_NUMBERS.captures_iter(&c[2]) {
            let Ok(n) = mc[2].parse::<u32>() else {
                continue;
            };
            let range = matches!(&mc[1], "-" | "–" | "to" | "through");
            if range && n > prev && n - prev <= 30 {
                nums.extend(prev + 1..=n);
            } else {
                nums.push(n);
            }
            prev = n;
        }
        for n in nums {
            out.push((n, m.start(), m.end()));
        }
    }
    out
}

/// Quoted stretches (‘…’, “…”, '…'): draft wording, where cue words mean
/// nothing. A closing ’ followed by a letter is an apostrophe.
fn quote_spans(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        match open {
            None => {
                let opens = match c {
                    '‘' | '“' => true,
                    // A typo'd opening ’ ("the word ’exploitation’").
                    '’' => {
                        prev.is_none_or(char::is_whitespace)
                            && next.is_some_and(char::is_alphabetic)
                    }
                    '\'' | '"' => {
                        !prev.is_some_and(char::is_alphanumeric)
                            && next.is_some_and(|n| !n.is_whitespace())
                    }
                    _ => false,
                };
                if opens {
                    open = Some((pos, c));
                }
            }
            Some((start, oc)) => {
                let closes = match (oc, c) {
                    ('‘', '’') | ('’', '’') | ('\'', '\'') | ('‘', '\'') => {
                        !next.is_some_and(char::is_alphabetic)
                    }
                    ('“', '”') | ('"', '"') => true,
                    _ => false,
                };
                if closes {
                    out.push(Span::new(
                        span.start + start,
                        span.start + pos + c.len_utf8(),
                    ));
                    open = None;
                }
            }
        }
    }
    out
}

fn inside_any(spans: &[Span], x: Span) -> bool {
    spans.iter().any(|q| q.start <= x.start && x.end <= q.end)
}

/// The inner text of a quote span.
fn unquote(text: &str, q: Span) -> String {
    let s = q.of(text);
    let mut it = s.chars();
    it.next();
    it.next_back();
    it.as_str()
        .trim()
        .trim_end_matches([',', '.'])
        .trim()
        .to_string()
}

/// The discourse state carried from sentence to sentence.
#[derive(Debug, Default)]
struct Context {
    document: Option<String>,
    paragraphs: Vec<u32>,
    section: Option<String>,
    last_holders: Vec<Holder>,
    /// Sentences since `last_holders` was set.
    holders_age: usize,
    /// Policies named in the current section, latest last.
    section_policies: Vec<StanceTarget>,
    /// Proposals made or referred to in the previous sentence.
    prev_proposals: Vec<usize>,
    /// Stances taken in the previous sentence.
    prev_stances: Vec<(Polarity, StanceTarget)>,
    /// Policies and bodies named in the previous sentence.
    prev_policies: Vec<StanceTarget>,
    /// Each actor's latest positions.
    latest: BTreeMap<Entity, Vec<(Polarity, StanceTarget)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    actor: Entity,
    voiced_by: Option<Entity>,
}

/// What one clause produced.
#[derive(Debug, Default)]
struct Produced {
    proposals: Vec<usize>,
    stances: Vec<(Polarity, StanceTarget)>,
}

struct Extractor<'a> {
    text: &'a str,
    mentions: &'a Mentions,
    finder: CueFinder,
    drafts: BTreeSet<String>,
    /// Bodies a position can be about (`position_target` in bodies.csv).
    position_bodies: BTreeSet<String>,
    proposals: Vec<EditProposal>,
    stances: Vec<Stance>,
    /// Quoted draft paragraph texts, to resolve "the second sentence" and
    /// "only part … should be kept".
    draft_texts: BTreeMap<(String, u32), String>,
}

static ORDINAL_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(first|second|third|fourth|fifth|last|final)\s+sentence\b").unwrap()
});
static KEEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:kept|retained|keep|retain)\b").unwrap());
static WOULD_READ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:would (?:then |now )?read|would then be|to read as follows)\b").unwrap()
});

/// Reads edit proposals and stances from a segmented, mention-tagged text.
pub fn extract(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
) -> (Vec<EditProposal>, Vec<Stance>) {
    // A document's own numbered text proposes nothing.
    if paragraphs.iter().filter(|p| !p.quoted).count() >= 5 {
        return (Vec::new(), Vec::new());
    }
    let drafts = reference
        .documents
        .iter()
        .filter(|d| d.is_draft())
        .map(|d| d.slug.clone())
        .collect();
    let position_bodies = reference
        .bodies
        .iter()
        .filter(|b| b.is_position_target())
        .map(|b| b.slug.clone())
        .collect();
    let mut ex = Extractor {
        text,
        mentions,
        finder: CueFinder::new(reference),
        drafts,
        position_bodies,
        proposals: Vec::new(),
        stances: Vec::new(),
        draft_texts: paragraphs
            .iter()
            .filter(|p| p.quoted)
            .filter_map(|p| p.text.clone().map(|t| ((p.document.clone(), p.number), t)))
            .collect(),
    };
    let mut ctx = Context::default();
    for block in &segments.blocks {
        match block.kind {
            BlockKind::Heading => {
                let h = block.span.of(text);
                if PARAGRAPH_HEADING.is_match(h) {
                    ctx.paragraphs = paragraph_refs(h).into_iter().map(|x| x.0).collect();
                } else {
                    ctx.paragraphs.clear();
                    ctx.section = Some(heading_title(h).to_string());
                }
                ctx.prev_proposals.clear();
                ctx.prev_stances.clear();
                ctx.prev_policies.clear();
                ctx.section_policies.clear();
                continue;
            }
            BlockKind::Quote { .. } => continue,
            _ => {}
        }
        for &sentence in &block.sentences {
            ex.sentence(sentence, &mut ctx);
        }
    }
    ex.finish()
}

impl<'a> Extractor<'a> {
    fn actors_in(&self, span: Span, quotes: &[Span]) -> Vec<&'a Mention> {
        self.mentions
            .within(span)
            .filter(|m| m.entity.is_state_or_group() && !inside_any(quotes, m.span))
            .collect()
    }

    fn targets_in(&self, span: Span, _quotes: &[Span]) -> Vec<(Span, StanceTarget)> {
        self.mentions
            .within(span)
            .filter_map(|m| match &m.entity {
                Entity::Policy(p) => Some((m.span, StanceTarget::Policy(p.clone()))),
                Entity::Body(b) if self.position_bodies.contains(b) => {
                    Some((m.span, StanceTarget::Body(b.clone())))
                }
                _ => None,
            })
            .collect()
    }

    fn sentence(&mut self, sentence: Span, ctx: &mut Context) {
        let text = self.text;
        ctx.holders_age += 1;
        // A draft named with a paragraph number, or alone, sets the draft.
        for m in self.mentions.within(sentence) {
            if let Entity::Document(d) = &m.entity {
                if self.drafts.contains(d) && ctx.document.is_none() {
                    ctx.document = Some(d.clone());
                }
            }
        }
        let quotes = quote_spans(text, sentence);
        // "The sentence would then read: ‘…’" completes the previous proposal.
        if WOULD_READ.is_match(sentence.of(text)) && self.actors_in(sentence, &quotes).is_empty() {
            if let Some(q) = quotes.first() {
                let wording = unquote(text, *q);
                for &i in &ctx.prev_proposals {
                    let p = &mut self.proposals[i];
                    if p.added.is_none()
                        && matches!(
                            p.action,
                            Action::InsertText | Action::Amend | Action::ReplaceText
                        )
                    {
                        p.added = Some(wording.clone());
                    }
                }
                return;
            }
        }
        // Clauses.
        let s = sentence.of(text);
        let mut clauses = Vec::new();
        let mut start = 0;
        for m in CLAUSE_BREAK.find_iter(s) {
            if quotes
                .iter()
                .any(|q| q.start <= sentence.start + m.start() && sentence.start + m.end() <= q.end)
            {
                continue;
            }
            clauses.push(Span::new(
                sentence.start + start,
                sentence.start + m.start(),
            ));
            start = m.end();
        }
        clauses.push(Span::new(sentence.start + start, sentence.end));
        // ", and Kazakhstan backed it": a new subject starts a new clause.
        let mut split: Vec<Span> = Vec::new();
        for c in clauses {
            let mut from = c.start;
            for m in AND_NEW_SUBJECT.find_iter(c.of(text)) {
                let at = c.start + m.end();
                let starts_actor = self
                    .actors_in(Span::new(at, c.end), &quotes)
                    .first()
                    .is_some_and(|a| a.span.start <= at + 4);
                // Only after a complete clause: "A, B, and C expressed …" is a list.
                let head = Span::new(from, c.start + m.start());
                let complete = self
                    .finder
                    .find(text, head, &STANCE_FAMILY)
                    .iter()
                    .any(|h| {
                        matches!(
                            h.kind,
                            CueKind::Support
                                | CueKind::Oppose
                                | CueKind::ProposalVerb
                                | CueKind::Hedge
                        )
                    });
                if starts_actor
                    && complete
                    && !inside_any(&quotes, Span::new(c.start + m.start(), at))
                {
                    split.push(Span::new(from, c.start + m.start()));
                    from = at;
                }
            }
            split.push(Span::new(from, c.end));
        }
        let clauses = split;
        let mut produced_here = Produced::default();
        for clause in clauses {
            let p = self.clause(clause, sentence, &quotes, ctx, &produced_here);
            produced_here.proposals.extend(p.proposals);
            produced_here.stances.extend(p.stances);
        }
        ctx.prev_policies = self
            .targets_in(sentence, &quotes)
            .into_iter()
            .map(|x| x.1)
            .collect();
        for t in &ctx.prev_policies {
            if matches!(t, StanceTarget::Policy(_)) && !ctx.section_policies.contains(t) {
                ctx.section_policies.push(t.clone());
            }
        }
        if !produced_here.proposals.is_empty() || !produced_here.stances.is_empty() {
            ctx.prev_proposals = produced_here.proposals;
            ctx.prev_stances = produced_here.stances;
        } else {
            ctx.prev_proposals.clear();
            ctx.prev_stances.clear();
        }
    }

    /// Resolves who holds the clause's position.
    fn holders(
        &self,
        clause: Span,
        cue: &Hit,
        quotes: &[Span],
        ctx: &Context,
        after_cue: bool,
    ) -> Vec<Holder> {
        let text = self.text;
        let actors = self.actors_in(clause, quotes);
        let passive = self.is_passive(clause, cue)
            || text[cue.span.end..clause.end]
                .trim_start()
                .starts_with("by ")
            || after_cue;
        let mut picked: Vec<&Mention> = Vec::new();
        if passive {
            let rest = Span::new(cue.span.end, clause.end);
            let from = if after_cue {
                Some(cue.span.end)
            } else {
                BY.find(rest.of(text)).map(|m| rest.start + m.end())
            };
            if let Some(from) = from {
                // Up to the next position cue ("introduced by China … and opposed by …").
                let stop = self
                    .finder
                    .find(
                        text,
                        Span::new(from, clause.end),
                        &[CueKind::Support, CueKind::Oppose, CueKind::ProposalVerb],
                    )
                    .first()
                    .map(|h| h.span.start)
                    .unwrap_or(clause.end);
                picked = actors
                    .iter()
                    .copied()
                    .filter(|m| {
                        m.span.start >= from
                            && m.span.end <= stop
                            && !self.is_object_proposer(m, clause)
                    })
                    .collect();
            }
        }
        if picked.is_empty() && !after_cue {
            // Subjects before the cue; a "by X" before the cue is an agent
            // ("the third opinion, voiced by the Netherlands, … was to include").
            picked = actors
                .iter()
                .copied()
                .filter(|m| {
                    m.span.end <= cue.span.start
                        && (!self.after_preposition(m, clause) || self.after_by(m, clause))
                        && !(self.is_object_proposer(m, clause)
                            && self.text[m.span.end..cue.span.start].contains(" to "))
                })
                .collect();
        }
        if picked.is_empty() {
            // "(EU, US, Netherlands …)" after the cue, or ", Egypt highlighted."
            let after: Vec<&Mention> = actors
                .iter()
                .copied()
                .filter(|m| m.span.start >= cue.span.end)
                .collect();
            if let Some(first) = after.first() {
                let before_first = &text[cue.span.end..first.span.start];
                let tail = &text[after.last().unwrap().span.end..clause.end];
                let in_parens = before_first.trim_end().ends_with('(');
                let reporting = before_first.trim_end().ends_with(',')
                    && tail
                        .trim()
                        .trim_end_matches(['.', '!'])
                        .split_whitespace()
                        .count()
                        <= 2;
                if in_parens || reporting {
                    picked = after;
                }
            }
        }
        let mut holders: Vec<Holder> = picked
            .into_iter()
            .map(|m| Holder {
                actor: m.entity.clone(),
                voiced_by: None,
            })
            .collect();
        if holders.is_empty() {
            // Pronouns ("it", "they") only as the clause's first word, and "it"
            // only for a single speaker; the speaker must be recent.
            let anaphors = self.finder.find(
                text,
                Span::new(clause.start, cue.span.start),
                &[CueKind::Anaphor],
            );
            let usable = anaphors.iter().any(|a| {
                let word = a.span.of(text).to_lowercase();
                let lead = text[clause.start..a.span.start].trim().to_lowercase();
                let initial =
                    lead.is_empty() || lead.ends_with("that") || lead.ends_with("therefore");
                match word.as_str() {
                    "it" | "he" | "she" => {
                        initial && ctx.last_holders.len() == 1 && ctx.holders_age <= 1
                    }
                    "they" => initial && ctx.holders_age <= 1,
                    _ => true,
                }
            });
            if usable && ctx.holders_age <= 2 {
                holders = ctx.last_holders.clone();
            }
        }
        self.apply_on_behalf(clause, quotes, holders)
    }

    /// "Suriname, on behalf of CARICOM" / "speaking for the Arab Group, Egypt":
    /// the group holds the position, the member voices it.
    fn apply_on_behalf(&self, clause: Span, quotes: &[Span], holders: Vec<Holder>) -> Vec<Holder> {
        let hits = self.finder.find(self.text, clause, &[CueKind::OnBehalf]);
        let Some(hit) = hits.first() else {
            return holders;
        };
        let actors = self.actors_in(clause, quotes);
        let group = actors
            .iter()
            .find(|m| m.span.start >= hit.span.end && m.span.start - hit.span.end <= 6);
        let Some(group) = group else { return holders };
        let speaker = actors
            .iter()
            .find(|m| {
                m.entity != group.entity
                    && (m.span.end <= hit.span.start || m.span.start > group.span.end)
            })
            .map(|m| m.entity.clone());
        let mut out = vec![Holder {
            actor: group.entity.clone(),
            voiced_by: speaker.clone(),
        }];
        for h in holders {
            if Some(&h.actor) != speaker.as_ref() && h.actor != group.entity {
                out.push(h);
            }
        }
        out
    }

    /// "the proposal of X", "by X" (active), "X’s suggestion": X proposed.
    fn is_object_proposer(&self, m: &Mention, clause: Span) -> bool {
        let text = self.text;
        let after = &text[m.span.end..clause.end];
        let lower = after.to_lowercase();
        after.starts_with("’s")
            || after.starts_with("'s")
            || [
                " proposal",
                " amendment",
                " suggestion",
                " request",
                " edit",
                " position",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
            || after.starts_with('’') && m.kind == MentionKind::Name && after[3..].starts_with(' ')
    }

    /// Actors after "of", "by", "with", "to", "from", "than": objects, not subjects.
    /// The policies and bodies a cue is about: the first named after it (before
    /// it when `backward`, as in "the catalogue found favour with …") and any
    /// coordinated with that one ("a monitoring mechanism and a national
    /// survey"). A body after "that" is the subject of a new clause ("disagreed
    /// that the next OEWG should …"), not the object.
    fn policy_objects(&self, clause: Span, cue: &Hit, backward: bool) -> Vec<StanceTarget> {
        let text = self.text;
        let named = self.targets_in(clause, &[]);
        let chosen = if backward {
            named
                .iter()
                .rfind(|(sp, _)| sp.end <= cue.span.start)
                .cloned()
        } else {
            named
                .iter()
                .find(|(sp, t)| {
                    sp.start >= cue.span.end
                        && (matches!(t, StanceTarget::Policy(_))
                            || !THAT.is_match(&text[cue.span.end..sp.start]))
                })
                .cloned()
        };
        let Some((span, first)) = chosen else {
            return Vec::new();
        };
        let mut out = vec![first];
        let mut end = span.end;
        for (sp, t) in named.iter().filter(|(sp, _)| sp.start >= span.end) {
            let gap = &text[end..sp.start];
            if gap.len() <= 12 && LIST_GAP_POLICY.is_match(gap) {
                out.push(t.clone());
                end = sp.end;
            } else {
                break;
            }
        }
        out
    }

    /// "was supported", "were criticised": an auxiliary right before a
    /// participle cue. ("there is no need" is not passive.)
    fn is_passive(&self, clause: Span, cue: &Hit) -> bool {
        let first = cue
            .span
            .of(self.text)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let participle = first.ends_with("ed") || first.ends_with("en") || first.ends_with("wn");
        participle && PASSIVE_BEFORE.is_match(&self.text[clause.start..cue.span.start])
    }

    fn after_by(&self, m: &Mention, clause: Span) -> bool {
        let head = self.list_head(m, clause);
        let before = self.text[clause.start..head].trim_end();
        let before = before
            .strip_suffix("the")
            .map(str::trim_end)
            .unwrap_or(before);
        before.ends_with(" by")
    }

    fn after_preposition(&self, m: &Mention, clause: Span) -> bool {
        let before = self.text[clause.start..m.span.start].trim_end();
        let before = before
            .strip_suffix("the")
            .map(str::trim_end)
            .unwrap_or(before);
        // "the delegations of Greece", "the representative of Kenya": subjects.
        let lower = before.to_lowercase();
        if [
            "delegation of",
            "delegations of",
            "representative of",
            "representatives of",
            "government of",
        ]
        .iter()
        .any(|p| lower.ends_with(p))
        {
            return false;
        }
        // A list continues the status of its first member: "changes by China and Cuba".
        let list_start = self.list_head(m, clause);
        if list_start != m.span.start {
            let head = self
                .mentions
                .within(clause)
                .find(|x| x.span.start == list_start)
                .cloned();
            if let Some(h) = head {
                return self.after_preposition(&h, clause);
            }
        }
        ["of", "by", "with", "to", "from", "than"]
            .iter()
            .any(|p| before.ends_with(&format!(" {p}")) || before == *p)
    }

    /// Start of the coordinated list ("China, Cuba and Belarus") a mention
    /// belongs to.
    fn list_head(&self, m: &Mention, clause: Span) -> usize {
        let actors: Vec<&Mention> = self
            .mentions
            .within(clause)
            .filter(|x| x.entity.is_state_or_group())
            .collect();
        let Some(mut i) = actors.iter().position(|x| x.span == m.span) else {
            return m.span.start;
        };
        while i > 0 {
            let gap = &self.text[actors[i - 1].span.end..actors[i].span.start];
            if LIST_GAP.is_match(gap) {
                i -= 1;
            } else {
                break;
            }
        }
        actors[i].span.start
    }

    fn clause(
        &mut self,
        clause: Span,
        sentence: Span,
        quotes: &[Span],
        ctx: &mut Context,
        earlier: &Produced,
    ) -> Produced {
        let text = self.text;
        let hits: Vec<Hit> = self
            .finder
            .find(text, clause, &STANCE_FAMILY)
            .into_iter()
            .filter(|h| !inside_any(quotes, h.span))
            .collect();
        let mut out = Produced::default();
        if std::env::var_os("OEWG_KG_TRACE").is_some() {
            eprintln!(
                "CLAUSE {:?}\n  hits {:?}",
                clause.of(text),
                hits.iter()
                    .map(|h| (h.span.of(text), h.kind))
                    .collect::<Vec<_>>()
            );
        }
        // Remember who speaks, even in clauses without positions.
        let actors = self.actors_in(clause, quotes);
        if hits.iter().any(|h| h.kind == CueKind::Hedge) {
            self.note_speakers(clause, quotes, ctx, &actors, &hits);
            return out;
        }
        // A position or proposal verb leads; a proposal noun ("this edit",
        // "China’s amendments") leads only without one; an action word only
        // alone ("the section … precedes … – a point introduced by China").
        let main = hits
            .iter()
            .enumerate()
            .position(|(k, h)| {
                // "preferred to keep the original text", "insisted on
                // retaining": the position word decides, not the verb before it.
                let next_is_stance = hits.get(k + 1).is_some_and(|n| {
                    matches!(n.kind, CueKind::Support | CueKind::Oppose)
                        && text[h.span.end..n.span.start].trim().len() <= 2
                });
                // "its proposal to delete …", "Iran’s proposal is that …": a
                // proposal noun that introduces its content leads.
                let after = &text[h.span.end..clause.end];
                let introduces = h.value == "noun"
                    && (NOUN_CONTENT.is_match(after)
                        || TO_VERB.find(after).is_some_and(|m| {
                            hits.iter().any(|a| {
                                a.kind == CueKind::Action && a.span.start == h.span.end + m.end()
                            })
                        }));
                matches!(h.kind, CueKind::Support | CueKind::Oppose)
                    || (h.kind == CueKind::ProposalVerb
                        && (h.value != "noun" || introduces)
                        && !next_is_stance)
            })
            .or_else(|| hits.iter().position(|h| h.kind == CueKind::ProposalVerb))
            .or_else(|| hits.iter().position(|h| h.kind == CueKind::Action));
        let Some(main) = main else {
            self.note_speakers(clause, quotes, ctx, &actors, &hits);
            return out;
        };
        let cue = hits[main].clone();
        match cue.kind {
            CueKind::Support | CueKind::Oppose => {
                let negated = main > 0
                    && hits[main - 1].kind == CueKind::Negation
                    && cue.span.start - hits[main - 1].span.end <= 12;
                let base = if cue.kind == CueKind::Support {
                    Polarity::Support
                } else {
                    Polarity::Opposition
                };
                let polarity = match (base, negated) {
                    (Polarity::Support, true) => Polarity::Opposition,
                    (p, _) => p,
                };
                self.stance_clause(
                    clause, sentence, quotes, ctx, &cue, polarity, negated, earlier, &mut out,
                );
            }
            _ => {
                self.proposal_clause(clause, sentence, quotes, ctx, &hits, main, &mut out);
            }
        }
        if std::env::var_os("OEWG_KG_TRACE").is_some() {
            for &i in &out.proposals {
                eprintln!("  PROPOSAL {:?}", self.proposals[i]);
            }
            for st in &out.stances {
                eprintln!("  STANCE {:?} holders {:?}", st, ctx.last_holders);
            }
        }
        out
    }

    /// Updates the last speaker from a clause without a position.
    fn note_speakers(
        &self,
        clause: Span,
        quotes: &[Span],
        ctx: &mut Context,
        actors: &[&Mention],
        hits: &[Hit],
    ) {
        let _ = (quotes, hits);
        let subjects: Vec<Holder> = actors
            .iter()
            .filter(|m| !self.after_preposition(m, clause))
            .map(|m| Holder {
                actor: m.entity.clone(),
                voiced_by: None,
            })
            .collect();
        if !subjects.is_empty() {
            ctx.last_holders = self.apply_on_behalf(clause, quotes, subjects);
            ctx.holders_age = 0;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn stance_clause(
        &mut self,
        clause: Span,
        sentence: Span,
        quotes: &[Span],
        ctx: &mut Context,
        cue: &Hit,
        polarity: Polarity,
        negated: bool,
        earlier: &Produced,
        out: &mut Produced,
    ) {
        let text = self.text;
        let after_cue = cue.value == "after";
        let holders = self.holders(clause, cue, quotes, ctx, after_cue);
        if std::env::var_os("OEWG_KG_TRACE").is_some() {
            eprintln!(
                "  holders {:?}",
                holders.iter().map(|h| &h.actor).collect::<Vec<_>>()
            );
        }
        if holders.is_empty() {
            return;
        }
        let actors = self.actors_in(clause, quotes);
        let holder_entities: Vec<&Entity> = holders.iter().map(|h| &h.actor).collect();
        let mut targets: Vec<(Polarity, StanceTarget)> = Vec::new();
        // An actor right after the cue is the one agreed or disagreed with:
        // "Kenya concurred with Ghana", "Venezuela backed Iran".
        let referent = actors
            .iter()
            .find(|m| {
                m.span.start >= cue.span.end
                    && !holder_entities.contains(&&m.entity)
                    && (cue.value == "agree" || LEAD_IN.is_match(&text[cue.span.end..m.span.start]))
                    && (cue.value == "agree" || !self.is_object_proposer(m, clause))
                    && m.kind != MentionKind::Demonym
            })
            .copied();
        if cue.value == "retain" {
            // Keeping the draft's text opposes deleting it.
            let refs: Vec<u32> = paragraph_refs(clause.of(text))
                .into_iter()
                .map(|r| r.0)
                .collect();
            let paras = if refs.is_empty() {
                ctx.paragraphs.clone()
            } else {
                refs
            };
            for i in self.proposals_on(&paras, ctx, &[Action::DeleteParagraph, Action::DeleteText])
            {
                targets.push((Polarity::Opposition, StanceTarget::Edit(i)));
            }
        } else if cue.value == "agree" || referent.is_some() {
            // Y's latest positions; a bare "X agreed.": the previous sentence's.
            let copied: Vec<(Polarity, StanceTarget)> = match referent {
                Some(r) => {
                    let mut v = ctx.latest.get(&r.entity).cloned().unwrap_or_default();
                    // Y's own latest proposals count as positions of Y.
                    for (i, p) in self.proposals.iter().enumerate().rev() {
                        if p.proposer == r.entity {
                            v.push((Polarity::Support, StanceTarget::Edit(i)));
                            break;
                        }
                    }
                    v
                }
                None => self.previous_positions(earlier, ctx),
            };
            // Agreeing copies a position; backing or opposing an actor applies
            // the cue's own polarity to what they proposed.
            for (p, t) in copied {
                let p = if cue.value == "agree" {
                    if negated {
                        flip(p)
                    } else {
                        p
                    }
                } else if p == Polarity::Support {
                    polarity
                } else {
                    flip(polarity)
                };
                targets.push((p, t));
            }
        } else {
            // Whose proposal? "the proposal of X", "X’s suggestion", "changes by X",
            // "China’s edits … were supported by Iran", "the Kenyan insertion".
            let proposers: Vec<&Mention> = actors
                .iter()
                .copied()
                .filter(|m| !holder_entities.contains(&&m.entity))
                .filter(|m| {
                    self.is_object_proposer(m, clause)
                        || self.after_preposition(m, clause)
                        || m.kind == MentionKind::Demonym
                })
                .collect();
            let refs = paragraph_refs(clause.of(text));
            let explicit: Vec<u32> = refs.iter().map(|r| r.0).collect();
            let has_context_object = CONTEXT_OBJECT.is_match(clause.of(text));
            let paras = if explicit.is_empty() {
                ctx.paragraphs.clone()
            } else {
                explicit.clone()
            };
            if !proposers.is_empty()
                && (has_context_object
                    || !explicit.is_empty()
                    || self.mentions_proposal_noun(clause))
            {
                let actions = self.actions(clause, quotes, cue.span.end, &paras);
                for pm in &proposers {
                    let found = self.find_or_make(
                        pm.entity.clone(),
                        &paras,
                        &actions,
                        sentence,
                        ctx,
                        quotes,
                        clause,
                    );
                    for i in found {
                        targets.push((polarity, StanceTarget::Edit(i)));
                    }
                }
            }
            // "objected to it", "rejected this": the pronoun right after the cue
            // is the object, whatever the rest of the clause names.
            let immediate = self
                .backrefs(Span::new(cue.span.end, clause.end))
                .first()
                .is_some_and(|b| text[cue.span.end..b.span.start].trim().len() <= 3);
            if targets.is_empty() && !immediate {
                // A policy or body named after the cue (before it, when passive
                // or for "… should be the sole forum").
                let backward = self.is_passive(clause, cue) || after_cue || cue.value == "before";
                for t in self.policy_objects(clause, cue, backward) {
                    targets.push((polarity, t));
                }
            }
            if targets.is_empty() {
                // "the deletion of paragraph 18", "removing the paragraph": the
                // proposals on those paragraphs, of that kind.
                let acts: Vec<Action> = self
                    .finder
                    .find(
                        text,
                        Span::new(cue.span.end, clause.end),
                        &[CueKind::Action],
                    )
                    .iter()
                    .filter_map(|h| match h.value.as_str() {
                        "Delete" => Some(vec![Action::DeleteParagraph, Action::DeleteText]),
                        v => Action::parse(v).map(|a| vec![a]),
                    })
                    .flatten()
                    .collect();
                if !acts.is_empty() && (!explicit.is_empty() || has_context_object) {
                    for i in self.proposals_on(&paras, ctx, &acts) {
                        targets.push((polarity, StanceTarget::Edit(i)));
                    }
                }
            }
            if targets.is_empty() {
                // "This edit was supported by Iran", "the Iranian proposal …",
                // and bare "The United Kingdom objected strongly."
                let backrefs = self.backrefs(clause);
                let tail = &text[cue.span.end..clause.end];
                let bare = tail.split_whitespace().count() <= 2
                    && self
                        .mentions
                        .within(Span::new(cue.span.end, clause.end))
                        .next()
                        .is_none();
                let refers_back = !backrefs.is_empty() || bare;
                let earlier_policies: Vec<StanceTarget> = earlier
                    .stances
                    .iter()
                    .filter(|(_, t)| !matches!(t, StanceTarget::Edit(_)))
                    .map(|(_, t)| t.clone())
                    .collect();
                if !earlier.proposals.is_empty() {
                    targets.extend(
                        earlier
                            .proposals
                            .iter()
                            .map(|&i| (polarity, StanceTarget::Edit(i))),
                    );
                } else if refers_back && !earlier_policies.is_empty() {
                    // "Switzerland championed X, while Belarus rejected it".
                    targets.extend(earlier_policies.into_iter().map(|t| (polarity, t)));
                } else if refers_back && !ctx.prev_proposals.is_empty() {
                    targets.extend(
                        ctx.prev_proposals
                            .iter()
                            .map(|&i| (polarity, StanceTarget::Edit(i))),
                    );
                    // Backing a proposal backs the policy its author backed with it.
                    for (p, t) in &ctx.prev_stances {
                        if matches!(t, StanceTarget::Policy(_)) && *p == Polarity::Support {
                            targets.push((polarity, t.clone()));
                        }
                    }
                } else if refers_back && !backrefs.is_empty() {
                    // "the deletion", "it": the proposals on the paragraph under
                    // discussion, else the policies under discussion.
                    let on_para = self.proposals_on(&ctx.paragraphs, ctx, &[]);
                    if !on_para.is_empty() {
                        targets.extend(
                            on_para
                                .into_iter()
                                .map(|i| (polarity, StanceTarget::Edit(i))),
                        );
                    } else {
                        targets.extend(ctx.section_policies.iter().map(|t| (polarity, t.clone())));
                    }
                }
            }
        }
        if targets.is_empty() {
            {
                ctx.last_holders = holders;
                ctx.holders_age = 0;
            }
            return;
        }
        for h in &holders {
            for (p, t) in &targets {
                if let StanceTarget::Edit(i) = t {
                    if self.proposals[*i].proposer == h.actor {
                        continue;
                    }
                }
                self.push_stance(h, *p, t.clone(), sentence, ctx);
                out.stances.push((*p, t.clone()));
            }
        }
        for (_, t) in &targets {
            if let StanceTarget::Edit(i) = t {
                out.proposals.push(*i);
            }
        }
        {
            ctx.last_holders = holders;
            ctx.holders_age = 0;
        }
    }

    /// Back-references in a span ("this", "the proposal", "it"), but not a
    /// noun with its own complement ("the proposal to create a repository").
    fn backrefs(&self, span: Span) -> Vec<Hit> {
        self.finder
            .find(self.text, span, &[CueKind::BackReference])
            .into_iter()
            .filter(|b| !COMPLEMENT.is_match(&self.text[b.span.end..span.end]))
            .collect()
    }

    /// The previous sentence's proposals (backed) or, failing those, its
    /// positions.
    fn previous_positions(
        &self,
        earlier: &Produced,
        ctx: &Context,
    ) -> Vec<(Polarity, StanceTarget)> {
        let v: Vec<(Polarity, StanceTarget)> = earlier
            .proposals
            .iter()
            .chain(ctx.prev_proposals.iter())
            .map(|&i| (Polarity::Support, StanceTarget::Edit(i)))
            .collect();
        if v.is_empty() {
            ctx.prev_stances.clone()
        } else {
            v
        }
    }

    /// Proposals of the current draft on these paragraphs (of these actions,
    /// when given), the latest of each proposer.
    fn proposals_on(&self, paras: &[u32], ctx: &Context, actions: &[Action]) -> Vec<usize> {
        if paras.is_empty() {
            return Vec::new();
        }
        let mut seen: Vec<&Entity> = Vec::new();
        let mut out = Vec::new();
        for (i, p) in self.proposals.iter().enumerate().rev() {
            if p.document == ctx.document
                && p.targets.iter().any(|t| paras.contains(t))
                && (actions.is_empty() || actions.contains(&p.action))
                && !seen.contains(&&p.proposer)
            {
                seen.push(&p.proposer);
                out.push(i);
            }
        }
        out.reverse();
        out
    }

    fn mentions_proposal_noun(&self, clause: Span) -> bool {
        let s = clause.of(self.text).to_lowercase();
        [
            "proposal",
            "suggestion",
            "amendment",
            "edit",
            "change",
            "request",
            "idea",
            "deletion",
            "insertion",
            "statement",
            "position",
            "argument",
        ]
        .iter()
        .any(|w| s.contains(w))
    }

    fn push_stance(
        &mut self,
        h: &Holder,
        polarity: Polarity,
        target: StanceTarget,
        evidence: Span,
        ctx: &mut Context,
    ) {
        let s = Stance {
            actor: h.actor.clone(),
            voiced_by: h.voiced_by.clone(),
            polarity,
            target: target.clone(),
            evidence,
        };
        if !self.stances.contains(&s) {
            self.stances.push(s);
        }
        let latest = ctx.latest.entry(h.actor.clone()).or_default();
        latest.retain(|(_, t)| t != &target);
        latest.push((polarity, target));
    }

    /// The edit actions named in a clause, most specific first.
    ///
    /// A deletion is of a paragraph when the nearest thing it applies to is a
    /// paragraph ("asked that paragraph 7 be deleted"), of text when that is a
    /// sentence, phrase, word or quotation. A second action counts only when
    /// coordinated ("deleted …, and that the word … be replaced"), not in
    /// passing ("does not have added value").
    fn actions(&self, clause: Span, quotes: &[Span], from: usize, paras: &[u32]) -> Vec<Action> {
        let text = self.text;
        let find = |span: Span| -> Vec<Hit> {
            self.finder
                .find(text, span, &[CueKind::Action])
                .into_iter()
                .filter(|h| !inside_any(quotes, h.span))
                .collect()
        };
        let mut hits = find(Span::new(from.min(clause.end), clause.end));
        if hits.is_empty() {
            hits = find(clause);
        }
        if hits.iter().any(|h| h.value == "AddParagraph") {
            return vec![Action::AddParagraph];
        }
        // Things a deletion may apply to: (span, is text rather than paragraph).
        // "from the paragraph", "of this paragraph" name the container, not
        // the object.
        let units = self.finder.find(text, clause, &[CueKind::TextUnit]);
        let mut objects: Vec<(Span, bool)> = units.iter().map(|u| (u.span, true)).collect();
        objects.extend(
            quotes
                .iter()
                .filter(|q| clause.contains(**q))
                .map(|q| (*q, true)),
        );
        let lower = clause.of(text).to_lowercase();
        for (k, w) in lower.match_indices("paragraph") {
            let before = lower[..k].trim_end();
            let before = before
                .strip_suffix("this")
                .or_else(|| before.strip_suffix("the"))
                .or_else(|| before.strip_suffix("that"))
                .unwrap_or(before)
                .trim_end();
            if ["from", "of", "in", "to"]
                .iter()
                .any(|p| before.ends_with(p))
            {
                continue;
            }
            objects.push((
                Span::new(clause.start + k, clause.start + k + w.len()),
                false,
            ));
        }
        let distance = |o: &Span, h: &Hit| {
            if o.end <= h.span.start {
                h.span.start - o.end
            } else {
                o.start.saturating_sub(h.span.end)
            }
        };
        let mut out: Vec<Action> = Vec::new();
        let mut last_end: Option<usize> = None;
        for h in &hits {
            if let Some(prev) = last_end {
                let between = text[prev..h.span.start].to_lowercase();
                if !(between.contains(", and")
                    || between.contains(" and that")
                    || between.contains(" as well as")
                    || between.contains(" also "))
                {
                    continue;
                }
            }
            let a = match h.value.as_str() {
                "Delete" => {
                    let nearest = objects
                        .iter()
                        .min_by_key(|(o, _)| distance(o, h))
                        .map(|(_, is_text)| *is_text);
                    match nearest {
                        Some(false) => Action::DeleteParagraph,
                        Some(true) => Action::DeleteText,
                        None if !paras.is_empty() => Action::DeleteParagraph,
                        None => Action::DeleteText,
                    }
                }
                v => match Action::parse(v) {
                    Some(a) => a,
                    None => continue,
                },
            };
            if a != Action::Amend {
                last_end = Some(h.span.end);
            }
            if !out.contains(&a) {
                out.push(a);
            }
        }
        if out.contains(&Action::ReplaceText) {
            out.retain(|a| !matches!(a, Action::InsertText));
        }
        let specific: Vec<Action> = out
            .iter()
            .copied()
            .filter(|a| *a != Action::Amend)
            .collect();
        if !specific.is_empty() {
            specific
        } else {
            vec![Action::Amend]
        }
    }

    /// Finds this proposer's proposals on these paragraphs, or records one.
    #[allow(clippy::too_many_arguments)]
    fn find_or_make(
        &mut self,
        proposer: Entity,
        paras: &[u32],
        actions: &[Action],
        sentence: Span,
        ctx: &Context,
        quotes: &[Span],
        clause: Span,
    ) -> Vec<usize> {
        let existing: Vec<usize> = self
            .proposals
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.proposer == proposer
                    && p.document == ctx.document
                    && !paras.is_empty()
                    && p.targets.iter().any(|t| paras.contains(t))
            })
            .map(|(i, _)| i)
            .collect();
        if !existing.is_empty() {
            return existing;
        }
        let holder = Holder {
            actor: proposer,
            voiced_by: None,
        };
        self.make_proposals(&holder, paras, actions, sentence, ctx, quotes, clause)
    }

    /// Records one proposal per action for a proposer, with the quoted
    /// wording each action refers to; returns their indices.
    #[allow(clippy::too_many_arguments)]
    fn make_proposals(
        &mut self,
        h: &Holder,
        paras: &[u32],
        actions: &[Action],
        sentence: Span,
        ctx: &Context,
        quotes: &[Span],
        clause: Span,
    ) -> Vec<usize> {
        let mut made = Vec::new();
        for &action in actions {
            let (removed, added) = self.quoted_texts(clause, quotes, action);
            made.push(self.push_proposal(EditProposal {
                proposer: h.actor.clone(),
                voiced_by: h.voiced_by.clone(),
                document: ctx.document.clone(),
                targets: paras.to_vec(),
                section: if paras.is_empty() {
                    ctx.section.clone()
                } else {
                    None
                },
                action,
                removed,
                added,
                kept: None,
                evidence: sentence,
            }));
        }
        made
    }

    fn push_proposal(&mut self, p: EditProposal) -> usize {
        if let Some(i) = self.proposals.iter().position(|q| q == &p) {
            return i;
        }
        self.proposals.push(p);
        self.proposals.len() - 1
    }

    /// Removed and added text from quotes: "replace ‘A’ with ‘B’", "delete
    /// ‘A’", "add ‘B’", "to read ‘B’".
    fn quoted_texts(
        &self,
        clause: Span,
        quotes: &[Span],
        action: Action,
    ) -> (Option<String>, Option<String>) {
        let text = self.text;
        let qs: Vec<Span> = quotes
            .iter()
            .copied()
            .filter(|q| clause.contains(*q) && !unquote(text, *q).is_empty())
            .collect();
        if qs.is_empty() {
            return (None, None);
        }
        // The action word this text belongs to: quotes are read relative to it
        // ("the phrase ‘A’ be deleted …, and that the word ‘B’ be replaced
        // with the word ‘C’").
        let value = match action {
            Action::DeleteText | Action::DeleteParagraph => "Delete",
            other => other.name(),
        };
        let cue = self
            .finder
            .find(text, clause, &[CueKind::Action])
            .into_iter()
            .find(|h| h.value == value && !inside_any(quotes, h.span));
        let get = |q: &Span| Some(unquote(text, *q));
        let Some(cue) = cue else {
            return match action {
                Action::DeleteText => (get(&qs[0]), None),
                Action::ReplaceText => (get(&qs[0]), qs.get(1).and_then(get)),
                Action::InsertText | Action::AddParagraph | Action::Amend => (None, get(&qs[0])),
                _ => (None, None),
            };
        };
        let before = qs.iter().rfind(|q| q.end <= cue.span.start);
        let after = qs.iter().find(|q| q.start >= cue.span.end);
        let nearest = match (before, after) {
            (Some(b), Some(a)) => {
                if cue.span.start - b.end <= a.start - cue.span.end {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (b, a) => b.or(a),
        };
        match action {
            Action::DeleteText => (nearest.and_then(get), None),
            Action::ReplaceText => {
                // "‘A’ be replaced with ‘B’" or "replace ‘A’ with ‘B’".
                let after_all: Vec<&Span> = qs.iter().filter(|q| q.start >= cue.span.end).collect();
                match before {
                    Some(b) if cue.span.start - b.end <= 12 => {
                        (get(b), after_all.first().and_then(|q| get(q)))
                    }
                    _ => (
                        after_all.first().and_then(|q| get(q)),
                        after_all.get(1).and_then(|q| get(q)),
                    ),
                }
            }
            // "‘X’ is added after ‘Y’": the quote just before the cue; "add
            // ‘X’ before ‘Y’", "to read ‘X’": the first after it.
            Action::InsertText | Action::AddParagraph | Action::Amend => match before {
                Some(b) if cue.span.start - b.end <= 12 => (None, get(b)),
                _ => (None, after.or(before).and_then(get)),
            },
            _ => (None, None),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn proposal_clause(
        &mut self,
        clause: Span,
        sentence: Span,
        quotes: &[Span],
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        out: &mut Produced,
    ) {
        let text = self.text;
        let cue = &hits[main];
        let holders = self.holders(clause, cue, quotes, ctx, false);
        if holders.is_empty() {
            return;
        }
        let named = self.targets_in(clause, quotes);
        // Paragraphs named in a reason ("…, as it duplicates paragraph 29") are
        // not targets.
        let mut refs = paragraph_refs(clause.of(text));
        if let Some(cut) = SUBORDINATE.find(clause.of(text)) {
            if refs.iter().any(|r| r.2 <= cut.start()) {
                refs.retain(|r| r.1 < cut.start());
            }
        }
        let explicit: Vec<(u32, usize, usize)> = refs;
        let has_object = !self
            .finder
            .find(text, clause, &[CueKind::EditObject])
            .is_empty()
            || quotes.iter().any(|q| clause.contains(*q))
            || !explicit.is_empty();
        if cue.kind == CueKind::Action
            && !REQUEST_BEFORE.is_match(&text[clause.start..cue.span.start])
        {
            self.note_speakers(clause, quotes, ctx, &self.actors_in(clause, quotes), hits);
            return;
        }
        let only_action = hits
            .iter()
            .all(|h| !matches!(h.kind, CueKind::ProposalVerb) || h.cue_is_weak(text));
        let _ = &named;
        let policy_after: Vec<StanceTarget> = self.policy_objects(clause, cue, false);
        let action_named = hits.iter().any(|h| h.kind == CueKind::Action);
        let has_object = has_object
            && (action_named
                || policy_after.is_empty()
                || !explicit.is_empty()
                || CONTEXT_OBJECT.is_match(clause.of(text))
                || quotes.iter().any(|q| clause.contains(*q)));
        // Calling for a policy is supporting it.
        let support_policy = |ex: &mut Self, ctx: &mut Context, out: &mut Produced| {
            for h in &holders {
                for t in &policy_after {
                    ex.push_stance(h, Polarity::Support, t.clone(), sentence, ctx);
                    out.stances.push((Polarity::Support, t.clone()));
                }
            }
        };
        if !has_object {
            if !policy_after.is_empty() && !only_action {
                support_policy(self, ctx, out);
                let proposers: Vec<Entity> = holders.iter().map(|h| h.actor.clone()).collect();
                self.later_positions(
                    clause,
                    sentence,
                    quotes,
                    ctx,
                    hits,
                    main,
                    &proposers,
                    &policy_after,
                    out,
                );
            }
            if matches!(cue.kind, CueKind::Action) && !policy_after.is_empty() {
                support_policy(self, ctx, out);
            }
            {
                ctx.last_holders = holders;
                ctx.holders_age = 0;
            }
            return;
        }
        // Which draft and paragraphs.
        let mut document = ctx.document.clone();
        for (_, _, end) in &explicit {
            let tail = &text[clause.start + end..clause.end];
            if let Some(m) = self
                .mentions
                .within(Span::new(clause.start + end, clause.end))
                .next()
            {
                if let Entity::Document(d) = &m.entity {
                    if self.drafts.contains(d)
                        && tail.trim_start().starts_with("of")
                        && m.span.start - (clause.start + end) <= 12
                    {
                        document = Some(d.clone());
                    }
                }
            }
        }
        let actions = self.actions(
            clause,
            quotes,
            clause.start,
            &explicit.iter().map(|x| x.0).collect::<Vec<_>>(),
        );
        let mut paras: Vec<u32> = explicit.iter().map(|x| x.0).collect();
        paras.dedup();
        if actions == [Action::AddParagraph]
            && !text[clause.start..clause.end].contains("after paragraph")
            && !text[clause.start..clause.end].contains("before paragraph")
        {
            paras.clear();
        }
        if paras.is_empty()
            && actions != [Action::AddParagraph]
            && (CONTEXT_OBJECT.is_match(clause.of(text))
                || quotes.iter().any(|q| clause.contains(*q)))
        {
            paras = ctx.paragraphs.clone();
        }
        if explicit.len() == 1 || (!explicit.is_empty() && paras.len() == explicit.len()) {
            ctx.paragraphs = paras.clone();
            if document.is_some() {
                ctx.document = document.clone();
            }
        }
        // Proposers: the holders, and "as proposed by X".
        let holder_entities: Vec<Entity> = holders.iter().map(|h| h.actor.clone()).collect();
        let others: Vec<Entity> = self
            .actors_in(clause, quotes)
            .into_iter()
            .filter(|m| m.span.start > cue.span.end && !holder_entities.contains(&m.entity))
            .filter(|m| self.after_preposition(m, clause) || self.is_object_proposer(m, clause))
            .filter(|m| {
                text[clause.start..m.span.start].contains("proposed by")
                    || text[clause.start..m.span.start].contains("suggested by")
            })
            .map(|m| m.entity.clone())
            .collect();
        let saved_doc = ctx.document.clone();
        ctx.document = document;
        for h in &holders {
            let made = self.make_proposals(h, &paras, &actions, sentence, ctx, quotes, clause);
            out.proposals.extend(made);
        }
        for o in others {
            let made = self.find_or_make(o, &paras, &actions, sentence, ctx, quotes, clause);
            // "as proposed by Russia": the same change, so the same wording.
            if let Some(model) = out.proposals.first().map(|&i| self.proposals[i].clone()) {
                for &i in &made {
                    let p = &mut self.proposals[i];
                    if p.evidence == model.evidence && p.action == model.action {
                        p.removed = p.removed.clone().or(model.removed.clone());
                        p.added = p.added.clone().or(model.added.clone());
                    }
                }
            }
            for h in &holders {
                for &i in &made {
                    self.push_stance(h, Polarity::Support, StanceTarget::Edit(i), sentence, ctx);
                    out.stances.push((Polarity::Support, StanceTarget::Edit(i)));
                }
            }
        }
        ctx.document = saved_doc.or(ctx.document.clone());
        // Inserting wording about a policy supports it (a body named in the
        // wording — "within the new OEWG" — is not a position on the body).
        if actions
            .iter()
            .any(|a| matches!(a, Action::InsertText | Action::AddParagraph))
        {
            for h in &holders {
                for t in policy_after
                    .iter()
                    .filter(|t| matches!(t, StanceTarget::Policy(_)))
                {
                    self.push_stance(h, Polarity::Support, t.clone(), sentence, ctx);
                    out.stances.push((Polarity::Support, t.clone()));
                }
            }
        }
        // Later cues in the same clause: "… introduced by China … and opposed by X".
        let made: Vec<StanceTarget> = out
            .proposals
            .iter()
            .map(|&i| StanceTarget::Edit(i))
            .collect();
        self.later_positions(
            clause,
            sentence,
            quotes,
            ctx,
            hits,
            main,
            &holder_entities,
            &made,
            out,
        );
        {
            ctx.last_holders = holders;
            ctx.holders_age = 0;
        }
    }

    /// Positions later in a proposal clause about what it proposed: "… a
    /// point introduced by China and opposed by New Zealand", "… the idea of
    /// a central repository, which found favour with New Zealand".
    #[allow(clippy::too_many_arguments)]
    fn later_positions(
        &mut self,
        clause: Span,
        sentence: Span,
        quotes: &[Span],
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        proposers: &[Entity],
        targets: &[StanceTarget],
        out: &mut Produced,
    ) {
        let text = self.text;
        for h in hits.iter().skip(main + 1) {
            let by_after = text[h.span.end..clause.end].trim_start().starts_with("by ");
            if !matches!(h.kind, CueKind::Support | CueKind::Oppose)
                || !(by_after || h.value == "after")
            {
                continue;
            }
            let polarity = if h.kind == CueKind::Support {
                Polarity::Support
            } else {
                Polarity::Opposition
            };
            let later = self.holders(
                Span::new(h.span.start, clause.end),
                h,
                quotes,
                ctx,
                h.value == "after",
            );
            for lh in &later {
                if proposers.contains(&lh.actor) {
                    continue;
                }
                for t in targets {
                    self.push_stance(lh, polarity, t.clone(), sentence, ctx);
                    out.stances.push((polarity, t.clone()));
                }
            }
        }
    }

    /// Fills in what a deletion removes when the text says it by reference:
    /// "the second sentence of this paragraph" is that sentence of the quoted
    /// draft; "only part … should be kept in order to read: ‘X’" removes the
    /// rest of the paragraph (X is kept).
    fn complete_removed_text(&mut self) {
        let text = self.text;
        for p in &mut self.proposals {
            if p.action != Action::DeleteText || p.targets.len() != 1 {
                continue;
            }
            let Some(doc) = &p.document else { continue };
            let Some(draft) = self.draft_texts.get(&(doc.clone(), p.targets[0])) else {
                continue;
            };
            let evidence = p.evidence.of(text);
            if let Some(kept) = p.removed.clone().filter(|_| KEEP.is_match(evidence)) {
                let k = kept.trim_end_matches('.');
                if let Some(pos) = draft.find(k) {
                    let rest = format!("{} {}", &draft[..pos], &draft[pos + k.len()..]);
                    let rest = rest
                        .trim()
                        .trim_start_matches(['.', ',', ' '])
                        .trim()
                        .to_string();
                    p.kept = Some(kept);
                    p.removed = (!rest.is_empty()).then_some(rest);
                }
                continue;
            }
            if p.removed.is_none() {
                if let Some(c) = ORDINAL_SENTENCE.captures(evidence) {
                    let sents = crate::segment::split_sentences(draft, Span::new(0, draft.len()));
                    let pick = match c[1].to_lowercase().as_str() {
                        "first" => sents.first(),
                        "second" => sents.get(1),
                        "third" => sents.get(2),
                        "fourth" => sents.get(3),
                        "fifth" => sents.get(4),
                        _ => sents.last(),
                    };
                    p.removed = pick.map(|s| s.of(draft).to_string());
                }
            }
        }
    }

    /// Drops vague "minor changes"/"edits" (Amend, no quoted text) when the
    /// same proposer's specific edits of the same paragraphs follow.
    fn finish(mut self) -> (Vec<EditProposal>, Vec<Stance>) {
        self.complete_removed_text();
        let n = self.proposals.len();
        let mut keep = vec![true; n];
        for (i, p) in self.proposals.iter().enumerate() {
            if p.action != Action::Amend || p.added.is_some() || p.targets.is_empty() {
                continue;
            }
            let superseded = self.proposals.iter().enumerate().any(|(j, q)| {
                j > i
                    && q.proposer == p.proposer
                    && q.document == p.document
                    && q.targets == p.targets
                    && q.action != Action::Amend
                    && q.evidence.start >= p.evidence.start
            });
            let supported = self
                .stances
                .iter()
                .any(|s| s.target == StanceTarget::Edit(i));
            if superseded && !supported {
                keep[i] = false;
            }
        }
        let mut remap = vec![usize::MAX; n];
        let mut proposals = Vec::new();
        for (i, p) in self.proposals.drain(..).enumerate() {
            if keep[i] {
                remap[i] = proposals.len();
                proposals.push(p);
            }
        }
        let stances = self
            .stances
            .into_iter()
            .filter_map(|mut s| {
                if let StanceTarget::Edit(i) = s.target {
                    if remap[i] == usize::MAX {
                        return None;
                    }
                    s.target = StanceTarget::Edit(remap[i]);
                }
                Some(s)
            })
            .collect();
        (proposals, stances)
    }
}

impl Hit {
    /// "should be" only proposes with an action word ("should be deleted").
    fn cue_is_weak(&self, text: &str) -> bool {
        let s = self.span.of(text).to_lowercase();
        s == "should be" || s == "language" || s == "changes"
    }
}

fn flip(p: Polarity) -> Polarity {
    match p {
        Polarity::Support => Polarity::Opposition,
        Polarity::Opposition => Polarity::Support,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_ranges_and_lists() {
        let nums = |s: &str| {
            paragraph_refs(s)
                .into_iter()
                .map(|x| x.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(nums("amendments to paragraphs 16-18 of"), [16, 17, 18]);
        assert_eq!(nums("paragraphs 3 and 4 be swapped"), [3, 4]);
        assert_eq!(nums("paragraphs 23 to 25"), [23, 24, 25]);
        assert_eq!(nums("in para. 26"), [26]);
        assert!(nums("the paragraph").is_empty());
    }

    #[test]
    fn quotes_are_not_apostrophes() {
        let t = "Iran’s proposal is that ‘the phrase’ be deleted and ’exploitation’ kept.";
        let qs: Vec<_> = quote_spans(t, Span::new(0, t.len()))
            .iter()
            .map(|q| q.of(t).to_string())
            .collect();
        // A typo'd opening ’ still opens a quote; the possessive never does.
        assert_eq!(qs, ["‘the phrase’", "’exploitation’"]);
    }
}
