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
//!
//! The modules follow one sentence through: `cues` finds cue words, `refs`
//! paragraph references and quotes, `clauses` cuts the sentence and picks
//! each clause's lead cue, `actors` finds who holds a position, `stance`
//! and `proposal` read the two kinds of clause (with `objects` for what a
//! position is about, `edit` for actions and quoted wording, `retention`
//! for keeping or rejecting the draft's text, `joined` for joining others'
//! requests and `later` for positions later cues take on what a clause
//! proposed), `context` carries the discourse state, and `finish` tidies
//! the result.

mod actors;
mod author;
mod brackets;
mod clauses;
mod context;
mod cues;
mod edit;
mod finish;
mod joined;
mod later;
mod matrix;
mod notation;
mod objects;
mod proposal;
mod refs;
mod retention;
mod rules;
mod stance;
mod tables;
mod tokens;

use super::proposals::{Action, EditProposal, Stance, StanceTarget};
use super::ParagraphFact;
use crate::mention::{Entity, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{heading_title, BlockKind, Segments, Span};
use context::{tracing, Context, Holder, Produced};
use cues::{CueFinder, Cues, Hit, STANCE_FAMILY};
use refs::{inside_any, paragraph_refs, quote_spans, unquote, PARAGRAPH_HEADING};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// "The sentence would then read: ‘…’": wording for the previous proposal.
static WOULD_READ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:would (?:then |now )?read|would then be|to read as follows)\b").unwrap()
});

/// "wanted paragraph 14 to …", "wished OP 4 moved", "wanted the paragraph
/// merged with OP4": a paragraph right after a wish is what the wish
/// would change; "wants a new paragraph after 63" asks for one. So is quoted wording with an action word after it
/// ("wants 'ransomware' back in 14(c)", "wanted the word 'voluntary'
/// dropped").
static WISHED_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:that\s+)?(?:(?:the|this|that)\s+paragraph\b|an?\s+(?:additional\s+|new\s+)(?:sub-?)?(?:paragraph|para)\b|(?:the\s+)?(?:(?:operative|preambular)\s+)?(?:paragraphs?|paras?\.?|op|pp)\s*\d)").unwrap()
});
static WISHED_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s+(?:the\s+(?:words?|phrase|term|reference\s+to)\s+)?["“‘]"#).unwrap()
});

/// "so did Kenya", "as did Chile", "and neither did Fiji", "nor could
/// Peru": a clause whose verb is elided, opened by a pro-form.
static ELLIPSIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:and\s+)?(?:so|as|neither|nor)\s+(?:did|does|do|had|has|have|was|were|is|are|could|would|can)\s+").unwrap()
});

/// A paragraph a sentence opens with as its topic: "On paragraph 14,",
/// "Regarding operative paragraph 3,", "As for OP 7,".
static FRONTED_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:on|regarding|concerning|as\s+(?:for|regards|to)|with\s+(?:regard|respect)\s+to|turning\s+to)\s+(?:the\s+)?(?:(?:operative|preambular)\s+)?(?:paragraphs?|paras?\.?|op|pp)\s*\d[^,;:]{0,30},").unwrap()
});

/// Between a draft's name and its subject: "L.52 on a", "L.7, entitled
/// the", "draft resolution establishing the".
static DRAFT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:on|for|concerning|about|establishing|entitled|regarding|titled)\s+(?:(?:the|a|an)\s+)?$").unwrap()
});

/// A word of preference right before the draft's own wording: "preferred
/// the original wording", "wanted to keep the existing text".
static PREFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:prefer\w*|favou?r\w*|defend\w*|want\w*|insist\w* on|support\w*|back\w*|keep\w*|retain\w*|maintain\w*)\s*$").unwrap()
});

/// The reader of one source: what it reads from, and what it has recorded.
struct Extractor<'a> {
    text: &'a str,
    mentions: &'a Mentions,
    /// The cue automaton, compiled once per build (`Reference::derived`)
    /// and shared by sources, with this reader's memory of what it found.
    finder: Cues,
    /// The drafts of the reference data, the bodies a position can be
    /// about and the states' demonyms: the same for every source, made
    /// once per build (`Reference::derived`) instead of copied for each.
    fixed: std::sync::Arc<Fixed>,
    /// Drafts this text names that the reference data does not know
    /// (descriptions and draft symbols).
    ad_hoc_drafts: BTreeSet<String>,
    proposals: Vec<EditProposal>,
    stances: Vec<Stance>,
    /// Quoted draft paragraph texts, to resolve "the second sentence" and
    /// "only part … should be kept".
    draft_texts: BTreeMap<(String, u32), String>,
    /// The speaker of a first-person text, named in its title.
    authors: Vec<Holder>,
    /// The declarative stance rules (`ontology/stance-rules.csv`).
    rules: std::sync::Arc<rules::Rules>,
    /// Sentences another reader owns (recorded votes), read for nothing.
    skip: &'a [Span],
    /// The rows of the text's proposal tables (`tables`).
    table_rows: Vec<tables::Row>,
    /// The rows of the text's position matrices (`matrix`).
    position_rows: Vec<matrix::PositionRow>,
    /// Each draft's topic, for its sponsors and opponents (`rules`): the
    /// subject named right after it ("L.52 on a Programme of Action"), else
    /// the one body or policy of the sentences that name it and no other
    /// draft ("L.40, which would establish a programme of action"); `None`
    /// when those name several.
    draft_topics: BTreeMap<String, Option<StanceTarget>>,
}

/// What every source's reader needs from the reference data alone.
struct Fixed {
    /// The reference data's drafts.
    drafts: BTreeSet<String>,
    /// Bodies a position can be about (`position_target` in bodies.csv).
    position_bodies: BTreeSet<String>,
    /// Demonyms of states ("Russian"), for titles that name the speaker
    /// only so ("the Russian interagency delegation").
    demonyms: Vec<(String, Entity)>,
}

impl Fixed {
    fn new(reference: &Reference) -> Self {
        Self {
            drafts: reference
                .documents
                .iter()
                .filter(|d| d.is_draft())
                .map(|d| d.slug.clone())
                .collect(),
            position_bodies: reference
                .bodies
                .iter()
                .filter(|b| b.is_position_target())
                .map(|b| b.slug.clone())
                .collect(),
            demonyms: reference
                .states
                .iter()
                .flat_map(|s| {
                    s.demonyms
                        .iter()
                        .map(move |d| (d.clone(), Entity::State(s.code.clone())))
                })
                .collect(),
        }
    }
}

/// Reads edit proposals and stances from a segmented, mention-tagged text.
pub fn extract(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
    skip: &[Span],
) -> (Vec<EditProposal>, Vec<Stance>) {
    // A document's own numbered text proposes what its brackets and
    // footnotes attribute; a numbered note or report ("3. On paragraph 18,
    // Ghana proposed …") is also read as prose, which finds nothing in a
    // draft's own wording (it names no speaker).
    let notes = notation::read(text, mentions, reference);
    let (proposals, stances) = if notes.taken.is_empty() {
        read_prose(text, segments, mentions, reference, paragraphs, skip, &[])
    } else {
        // The sentences holding notation brackets are the notation's.
        let mut skip = skip.to_vec();
        skip.extend(notes.taken.iter().copied());
        read_prose(
            text,
            segments,
            mentions,
            reference,
            paragraphs,
            &skip,
            &notes.taken,
        )
    };
    let mut all = (notes.proposals, notes.stances);
    append(&mut all, (proposals, stances));
    all
}

/// Appends one reader's proposals and stances to another's; the appended
/// stances keep pointing at their own proposals.
fn append(
    into: &mut (Vec<EditProposal>, Vec<Stance>),
    (proposals, stances): (Vec<EditProposal>, Vec<Stance>),
) {
    let offset = into.0.len();
    into.0.extend(proposals);
    into.1.extend(stances.into_iter().map(|mut s| {
        if let StanceTarget::Edit(i) = &mut s.target {
            *i += offset;
        }
        s
    }));
}

/// The bracket, footnote, clause and rule readers; `taken` are brackets
/// the notation reader read.
fn read_prose(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
    skip: &[Span],
    taken: &[Span],
) -> (Vec<EditProposal>, Vec<Stance>) {
    if paragraphs.iter().filter(|p| !p.quoted).count() >= 5 {
        let mut all = brackets::attributed(text, segments, mentions, reference, paragraphs, taken);
        // Not the footnotes: each belongs to the paragraph that marks it,
        // which the bracket reader knows.
        let mut outside = skip.to_vec();
        outside.extend(
            segments
                .blocks
                .iter()
                .map(|b| b.span)
                .filter(|b| brackets::is_footnote(b.of(text))),
        );
        append(
            &mut all,
            prose(text, segments, mentions, reference, paragraphs, &outside),
        );
        return all;
    }
    prose(text, segments, mentions, reference, paragraphs, skip)
}

/// The clause and rule readers over every sentence outside quotes.
fn prose(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
    skip: &[Span],
) -> (Vec<EditProposal>, Vec<Stance>) {
    let mut ex = Extractor::new(text, segments, mentions, reference, paragraphs, skip);
    let mut ctx = Context::default();
    let title = segments
        .blocks
        .first()
        .map(|b| ex.target_set(b.span))
        .unwrap_or_default();
    for block in &segments.blocks {
        match block.kind {
            BlockKind::Heading => {
                let h = block.span.of(text);
                if PARAGRAPH_HEADING.is_match(h) {
                    ctx.set_paragraphs(paragraph_refs(h).into_iter().map(|x| x.0).collect());
                } else {
                    ctx.paragraphs.clear();
                    ctx.section = Some(heading_title(h).to_string());
                    ctx.section_targets = ex.target_set(block.span);
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
        // What "the draft" of this block is about: its one target, else
        // the section's so far, else the title's (as a vote's topic,
        // `vote_stances`).
        let here = ex.target_set(block.span);
        ctx.section_targets.extend(here.iter().cloned());
        ctx.section_targets.sort();
        ctx.section_targets.dedup();
        ctx.draft_topic = crate::fact::vote_stances::single(&here)
            .or_else(|| crate::fact::vote_stances::single(&ctx.section_targets))
            .or_else(|| crate::fact::vote_stances::single(&title));
        ctx.entry = ex.entry_speakers(block.body);
        for &sentence in &block.sentences {
            ex.sentence(sentence, &mut ctx);
        }
    }
    let sentences: Vec<Span> = segments.sentences().map(|(_, s)| s).collect();
    ex.finish(&sentences)
}

impl<'a> Extractor<'a> {
    /// A reader for one source (or one window of it).
    fn new(
        text: &'a str,
        segments: &Segments,
        mentions: &'a Mentions,
        reference: &Reference,
        paragraphs: &[ParagraphFact],
        skip: &'a [Span],
    ) -> Self {
        let ad_hoc_drafts = mentions
            .ad_hoc
            .keys()
            .filter_map(|e| match e {
                Entity::Document(d) => Some(d.clone()),
                _ => None,
            })
            .collect();
        let mut ex = Self {
            text,
            mentions,
            finder: Cues::new(reference.derived(CueFinder::new)),
            fixed: reference.derived(Fixed::new),
            ad_hoc_drafts,
            proposals: Vec::new(),
            stances: Vec::new(),
            draft_texts: paragraphs
                .iter()
                .filter(|p| p.quoted)
                .filter_map(|p| p.text.clone().map(|t| ((p.document.clone(), p.number), t)))
                .collect(),
            authors: Vec::new(),
            rules: reference.derived(rules::compile),
            skip,
            table_rows: tables::rows(text, reference)
                .into_iter()
                .chain(tables::entry_rows(text, reference))
                .collect(),
            position_rows: matrix::rows(text, reference),
            draft_topics: BTreeMap::new(),
        };
        ex.authors = ex.authors_of(segments);
        ex.draft_topics = ex.draft_topics(segments);
        ex
    }

    /// See `draft_topics`: a draft described as about several things has
    /// none (`None`, so that no block's topic stands in for it).
    fn draft_topics(&self, segments: &Segments) -> BTreeMap<String, Option<StanceTarget>> {
        // (subjects, descriptions): "L.52 on a Programme of Action" names
        // its subject; a sentence naming one draft describes it.
        type Found = (Vec<StanceTarget>, Vec<StanceTarget>);
        let mut described: BTreeMap<String, Found> = BTreeMap::new();
        for (_, sentence) in segments.sentences() {
            let drafts: Vec<&crate::mention::Mention> = self
                .mentions
                .within(sentence)
                .filter(|m| matches!(&m.entity, Entity::Document(d) if self.is_draft(d)))
                .collect();
            let targets = self.targets_in(sentence);
            for m in &drafts {
                let Entity::Document(d) = &m.entity else {
                    continue;
                };
                let found = described.entry(d.clone()).or_default();
                if let Some(t) = targets.iter().find(|t| {
                    t.0.start >= m.span.end
                        && DRAFT_SUBJECT.is_match(&self.text[m.span.end..t.0.start])
                }) {
                    found.0.push(t.1.clone());
                }
                if drafts.iter().all(|o| o.entity == m.entity) {
                    found.1.extend(targets.iter().map(|t| t.1.clone()));
                }
            }
        }
        if tracing() {
            eprintln!("DRAFT TOPICS {described:?}");
        }
        described
            .into_iter()
            .filter(|(_, (subjects, found))| !subjects.is_empty() || !found.is_empty())
            .map(|(d, (mut subjects, mut found))| {
                let pick = if subjects.is_empty() {
                    &mut found
                } else {
                    &mut subjects
                };
                pick.sort();
                pick.dedup();
                (d, crate::fact::vote_stances::single(pick))
            })
            .collect()
    }

    /// Whether document `d` is a draft: the reference data's, or one this
    /// text names that the reference data does not know.
    fn is_draft(&self, d: &str) -> bool {
        self.fixed.drafts.contains(d) || self.ad_hoc_drafts.contains(d)
    }

    /// Reads one sentence: the draft it names, its clauses, and what it
    /// leaves for the next sentence.
    fn sentence(&mut self, sentence: Span, ctx: &mut Context) {
        ctx.holders_age += 1;
        ctx.paragraphs_age += 1;
        if self
            .skip
            .iter()
            .any(|v| v.start < sentence.end && sentence.start < v.end)
        {
            return;
        }
        if let Some(row) = self
            .table_rows
            .iter()
            .find(|r| r.line.start < sentence.end && sentence.start < r.line.end)
            .cloned()
        {
            if self.table_row(&row, ctx) {
                return;
            }
        }
        if let Some(row) = self
            .position_rows
            .iter()
            .find(|r| r.line.start < sentence.end && sentence.start < r.line.end)
            .cloned()
        {
            self.position_row(&row, ctx);
            return;
        }
        // A draft named with a paragraph number, or alone, sets the draft.
        for m in self.mentions.within(sentence) {
            if let Entity::Document(d) = &m.entity {
                if self.is_draft(d) {
                    if ctx.document.is_none() {
                        ctx.document = Some(d.clone());
                    }
                    if m.span.of(self.text).contains(|c: char| c.is_ascii_digit()) {
                        ctx.last_draft = Some(d.clone());
                    }
                }
            }
        }
        let quotes = quote_spans(self.text, sentence);
        if self.completes_wording(sentence, &quotes, ctx) {
            return;
        }
        // "On paragraph 14, Peru asks to name the Charter; Laos asks to
        // delete the reference": a fronted paragraph is every clause's.
        if let Some(m) = FRONTED_PARAGRAPH.find(sentence.of(self.text)) {
            let named: Vec<u32> = paragraph_refs(m.as_str())
                .into_iter()
                .map(|x| x.0)
                .collect();
            if !named.is_empty() {
                ctx.set_paragraphs(named);
            }
        }
        let mut produced_here = Produced::default();
        for clause in self.clauses(sentence, &quotes) {
            let p = self.clause(clause, sentence, &quotes, ctx, &produced_here);
            produced_here.proposals.extend(p.proposals);
            produced_here.stances.extend(p.stances);
        }
        self.rule_stances(sentence, &quotes, ctx, &mut produced_here);
        let named: Vec<StanceTarget> = self.targets_in(sentence).into_iter().map(|x| x.1).collect();
        let names_a_target = !named.is_empty();
        if !named.is_empty() || ctx.policies_age >= 1 {
            ctx.prev_policies = named;
            ctx.policies_age = 0;
        } else {
            ctx.policies_age += 1;
        }
        for t in &ctx.prev_policies {
            if matches!(t, StanceTarget::Policy(_)) && !ctx.section_policies.contains(t) {
                ctx.section_policies.push(t.clone());
            }
        }
        // "Kenya and Chile turned to paragraph 31." puts the paragraph under
        // discussion for a later "They wanted it reworded."
        // Whether the sentence names a paragraph, read once for both uses.
        let mut names_a_paragraph = None;
        if produced_here.proposals.is_empty() {
            let named: Vec<u32> = paragraph_refs(sentence.of(self.text))
                .into_iter()
                .map(|x| x.0)
                .collect();
            names_a_paragraph = Some(!named.is_empty());
            if !named.is_empty() {
                ctx.set_paragraphs(named);
            }
        }
        if !produced_here.proposals.is_empty() || !produced_here.stances.is_empty() {
            ctx.prev_proposals = produced_here.proposals;
            ctx.prev_stances = produced_here.stances;
        } else if names_a_target
            || !self.actors_in(sentence, &quotes).is_empty()
            || names_a_paragraph
                .unwrap_or_else(|| !paragraph_refs(sentence.of(self.text)).is_empty())
        {
            ctx.prev_proposals.clear();
            ctx.prev_stances.clear();
        } else {
            // "That suggestion found little favour." names nobody and
            // takes no position: what was just proposed stays what a bare
            // "Belarus objected." in the next sentence is about (positions
            // on policies do not carry over: "Other delegates stressed
            // implementation. …, a point echoed by Chile" is not about them).
            ctx.prev_stances
                .retain(|t| matches!(t.1, StanceTarget::Edit(_)));
        }
    }

    /// "The sentence would then read: ‘…’" completes the previous
    /// proposals' new wording; true when the sentence was that.
    fn completes_wording(&mut self, sentence: Span, quotes: &[Span], ctx: &Context) -> bool {
        let text = self.text;
        if !WOULD_READ.is_match(sentence.of(text)) || !self.actors_in(sentence, quotes).is_empty() {
            return false;
        }
        let Some(q) = quotes.first() else {
            return false;
        };
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
        true
    }

    /// Whether the clause's lead cue is a wish about a paragraph, read as
    /// a request to edit it ("Peru wanted paragraph 15 to refer to the
    /// fund"), not as a position on what the paragraph names.
    /// "Mali supported the change; so did Niger", "…, as did Chile",
    /// "Peru did not back it, and neither did Fiji": the actors after the
    /// elided verb take the position just stated. True when the clause was
    /// such an ellipsis.
    #[allow(clippy::too_many_arguments)]
    fn ellipsis(
        &mut self,
        clause: Span,
        sentence: Span,
        quotes: &[Span],
        actors: &[&crate::mention::Mention],
        ctx: &mut Context,
        earlier: &Produced,
        out: &mut Produced,
    ) -> bool {
        let Some(m) = ELLIPSIS.find(clause.of(self.text)) else {
            return false;
        };
        let from = clause.start + m.end();
        let holders: Vec<Holder> = actors
            .iter()
            .filter(|a| a.span.start >= from)
            .map(|a| Holder::own(a.entity.clone()))
            .collect();
        // The position just stated, before the proposal it was about
        // ("… could not go along with this change. Neither could Japan.").
        let positions = if !earlier.stances.is_empty() {
            earlier.stances.clone()
        } else if !ctx.prev_stances.is_empty() {
            ctx.prev_stances.clone()
        } else {
            self.previous_positions(earlier, ctx)
        };
        if holders.is_empty() || positions.is_empty() {
            return false;
        }
        let holders = self.apply_on_behalf(clause, quotes, holders);
        self.record_stances(&holders, &positions, sentence, ctx, out);
        ctx.set_speakers(holders);
        true
    }

    /// Whether the clause's lead cue is a wish about a paragraph, read as
    /// a request to edit it ("Peru wanted paragraph 15 to refer to the
    /// fund"), not as a position on what the paragraph names.
    fn wishes_edit(&self, clause: Span, hits: &[Hit], main: usize) -> bool {
        let cue = &hits[main];
        let after = &self.text[cue.span.end..clause.end];
        let acted = hits[main + 1..].iter().any(|h| h.kind == CueKind::Action);
        cue.value == "wish"
            && (WISHED_PARAGRAPH.is_match(after) || WISHED_WORDING.is_match(after) && acted)
    }

    /// The keeping cue after a wish ("wanted the paragraph kept as
    /// drafted", "wanted OP 3 left untouched"), which leads the clause
    /// instead: a wish to keep the text is no request to edit it, it opposes
    /// the changes proposed to it.
    fn kept_after_wish(hits: &[Hit], main: usize) -> Option<usize> {
        if hits[main].value != "wish" {
            return None;
        }
        (main + 1..hits.len()).find(|&i| {
            hits[i].kind == CueKind::Oppose
                && matches!(hits[i].value.as_str(), "unchanged" | "retain")
        })
    }

    /// Reads one clause: a stance, a proposal, or only who speaks.
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
            // "For: Chile, Peru." labels a line; "for:" inside a clause
            // is no position.
            .filter(|h| {
                h.value != "label"
                    || text[clause.start..h.span.start]
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
            })
            // "preferred the original wording" keeps the text; "could live
            // with the current text" takes no side.
            .filter(|h| {
                h.value != "original" || PREFERENCE.is_match(&text[clause.start..h.span.start])
            })
            .collect();
        let mut out = Produced::default();
        if tracing() {
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
        // "Nor did Brazil support the deletion" has a verb of its own.
        let elided = !hits.iter().any(|h| {
            matches!(
                h.kind,
                CueKind::Support | CueKind::Oppose | CueKind::ProposalVerb | CueKind::Action
            )
        });
        if elided && self.ellipsis(clause, sentence, quotes, &actors, ctx, earlier, &mut out) {
            return out;
        }
        let lead = if hits.iter().any(|h| h.kind == CueKind::Hedge) {
            None
        } else {
            self.lead_cue(clause, &hits)
        };
        let at = (clause, sentence, quotes);
        let Some(main) = lead else {
            if let Some(hedge) = hits.iter().find(|h| h.kind == CueKind::Hedge) {
                self.hedged_proposals(at, ctx, hedge);
            }
            self.note_speakers(clause, quotes, ctx, &actors);
            return out;
        };
        let main = Self::kept_after_wish(&hits, main).unwrap_or(main);
        match hits[main].kind {
            CueKind::Support | CueKind::Oppose if !self.wishes_edit(clause, &hits, main) => {
                self.stance_clause(at, ctx, &hits, main, earlier, &mut out);
            }
            _ => {
                self.proposal_clause(at, ctx, &hits, main, &mut out);
            }
        }
        if tracing() {
            for &i in &out.proposals {
                eprintln!("  PROPOSAL {:?}", self.proposals[i]);
            }
            for st in &out.stances {
                eprintln!("  STANCE {:?} holders {:?}", st, ctx.last_holders);
            }
        }
        out
    }
}
