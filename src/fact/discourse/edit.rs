//! The edit itself: which actions a clause names (delete a paragraph or
//! text, insert, replace, move …), which quoted words it removes or adds,
//! and recording proposals without duplicates.

use super::context::{At, Context, Holder};
use super::cues::Hit;
use super::refs::{inside_any, paragraph_refs, subparagraph_refs, unquote};
use super::Extractor;
use crate::fact::proposals::{Action, EditProposal};
use crate::mention::Entity;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Where a reason starts inside a clause.
static REASON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:as|because|since|given that)\s").unwrap());

/// A pronoun that can stand for the paragraph under discussion.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:it|them)\b").unwrap());

impl<'a> Extractor<'a> {
    /// The edit actions named in a clause, most specific first.
    ///
    /// A deletion is of a paragraph when the nearest thing it applies to is a
    /// paragraph ("asked that paragraph 7 be deleted"), of text when that is a
    /// sentence, phrase, word or quotation. A second action counts only when
    /// coordinated ("deleted …, and that the word … be replaced"), not in
    /// passing ("does not have added value").
    pub(super) fn actions(
        &self,
        clause: Span,
        quotes: &[Span],
        from: usize,
        paras: &[u32],
    ) -> Vec<Action> {
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
        // Action words in a reason ("amend it, as … and add other
        // principles") are the speaker's argument, not further edits.
        if let Some(first) = hits.first() {
            let rest = Span::new(first.span.end, clause.end);
            if let Some(m) = REASON.find(rest.of(text)) {
                let cut = rest.start + m.start();
                hits.retain(|h| h.span.start < cut);
            }
        }
        let objects = self.deletion_objects(clause, quotes);
        let mut out: Vec<Action> = Vec::new();
        let mut last_end: Option<usize> = None;
        for h in &hits {
            // "refer to 'A' rather than 'B'": a replacing link between two
            // wordings joins the action before it without a coordinator.
            let joins = h.value == "ReplaceText" && last_end.is_some();
            if !joins && last_end.is_some_and(|prev| !coordinated(&text[prev..h.span.start])) {
                continue;
            }
            let Some(a) = action_of(text, h, &objects, paras) else {
                continue;
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

    /// "Mexico took note of a suggestion by Pakistan to add … in paragraph
    /// 16": a hedge takes no position, but the proposal it names by its
    /// proposer and paragraph is one all the same (recorded, no stance).
    pub(super) fn hedged_proposals(&mut self, at: At, ctx: &Context, hedge: &Hit) {
        let (clause, _, quotes) = at;
        let paras: Vec<u32> = paragraph_refs(clause.of(self.text))
            .iter()
            .map(|r| r.0)
            .collect();
        if paras.is_empty() {
            return;
        }
        let subjects: Vec<Entity> = self
            .actors_in(clause, quotes)
            .into_iter()
            .filter(|m| m.span.end <= hedge.span.start)
            .map(|m| m.entity.clone())
            .collect();
        let subjects: Vec<&Entity> = subjects.iter().collect();
        self.proposers_edits(at, ctx, hedge, &subjects, &paras, true);
    }

    /// Things a deletion may apply to: (span, is text rather than
    /// paragraph). "from the paragraph", "of this paragraph" name the
    /// container, not the object.
    fn deletion_objects(&self, clause: Span, quotes: &[Span]) -> Vec<(Span, bool)> {
        let text = self.text;
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
        // "that it be deleted": the pronoun stands for the paragraph under
        // discussion.
        for m in PRONOUN.find_iter(clause.of(text)) {
            objects.push((
                Span::new(clause.start + m.start(), clause.start + m.end()),
                false,
            ));
        }
        objects
    }
    /// Finds this proposer's proposals on these paragraphs, or records one.
    pub(super) fn find_or_make(
        &mut self,
        proposer: Entity,
        paras: &[u32],
        actions: &[Action],
        at: At,
        ctx: &Context,
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
        let holder = Holder::own(proposer);
        self.make_proposals(&holder, paras, actions, at, ctx)
    }

    /// Records one proposal per action for a proposer, with the quoted
    /// wording each action refers to; returns their indices.
    pub(super) fn make_proposals(
        &mut self,
        h: &Holder,
        paras: &[u32],
        actions: &[Action],
        (clause, sentence, quotes): At,
        ctx: &Context,
    ) -> Vec<usize> {
        let mut made = Vec::new();
        for &action in actions {
            let (removed, added) = self.quoted_texts(clause, quotes, action);
            made.push(
                self.push_proposal(EditProposal {
                    proposer: h.actor.clone(),
                    voiced_by: h.voiced_by.clone(),
                    document: ctx.document.clone(),
                    targets: paras.to_vec(),
                    subparagraphs: subparagraph_refs(clause.of(self.text))
                        .into_iter()
                        .filter(|(n, _)| paras.contains(n))
                        .collect(),
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
                }),
            );
        }
        made
    }

    /// Records a proposal unless the same one is already recorded; its index.
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
        let mut qs: Vec<Span> = quotes
            .iter()
            .copied()
            .filter(|q| clause.contains(*q) && !unquote(text, *q).is_empty())
            .collect();
        // The wording follows the proposal word: "Kenya called it
        // “useful”, and Peru asked that it be updated" quotes an
        // evaluation, not new text.
        if let Some(lead) = self
            .finder
            .find(text, clause, &[CueKind::ProposalVerb])
            .into_iter()
            .find(|h| !inside_any(quotes, h.span))
        {
            qs.retain(|q| q.start >= lead.span.end);
        }
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
            let Some(first) = qs.first() else {
                return (None, None);
            };
            return match action {
                Action::DeleteText => (get(first), None),
                Action::ReplaceText => (get(first), qs.get(1).and_then(get)),
                Action::InsertText | Action::AddParagraph | Action::Amend => (None, get(first)),
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
}

/// What opens a further edit of its own: "…, and to add", "and also
/// replace", "; delete".
static NEXT_EDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:[,;]\s*)?\b(?:and|as well as)\s+(?:(?:to|also|further)\s+)?|;\s*)$")
        .unwrap()
});

impl Extractor<'_> {
    /// "to delete paragraph 12 and to add a new paragraph after paragraph
    /// 15": coordinated edits, each with its own paragraphs, are as many
    /// proposals. The parts of the clause (each from its coordinator) and
    /// their paragraphs; `None` unless there are two or more, every part
    /// names a paragraph, and none is named before the first action (a
    /// fronted "On paragraph 12, …" is every edit's).
    pub(super) fn coordinated_edits(
        &self,
        clause: Span,
        quotes: &[Span],
        refs: &[(u32, usize, usize)],
    ) -> Option<Vec<(Span, Vec<u32>)>> {
        let text = self.text;
        let hits: Vec<Hit> = self
            .finder
            .find(text, clause, &[CueKind::Action])
            .into_iter()
            .filter(|h| !inside_any(quotes, h.span))
            .collect();
        let first = hits.first()?;
        let at = |r: &(u32, usize, usize)| clause.start + r.1;
        if refs.len() < 2 || refs.iter().any(|r| at(r) < first.span.start) {
            return None;
        }
        let mut cuts = vec![clause.start];
        let mut prev_end = first.span.end;
        for h in &hits[1..] {
            // Overlapping cues ("delete" inside a longer one) have nothing
            // between them.
            if h.span.start < prev_end {
                continue;
            }
            let between = &text[prev_end..h.span.start];
            let opened = *cuts.last().expect("one cut");
            if let Some(m) = NEXT_EDIT.find(between) {
                let cut = prev_end + m.start();
                if refs.iter().any(|r| at(r) >= opened && at(r) < cut) {
                    cuts.push(cut);
                }
            }
            prev_end = h.span.end;
        }
        if cuts.len() < 2 {
            return None;
        }
        cuts.push(clause.end);
        let parts: Vec<(Span, Vec<u32>)> = cuts
            .windows(2)
            .map(|w| {
                let nums = refs
                    .iter()
                    .filter(|r| at(r) >= w[0] && at(r) < w[1])
                    .map(|r| r.0)
                    .collect();
                (Span::new(w[0], w[1]), nums)
            })
            .collect();
        parts
            .iter()
            .all(|(_, nums): &(Span, Vec<u32>)| !nums.is_empty())
            .then_some(parts)
    }
}

/// Whether the words between two action cues coordinate them ("…, and",
/// "and that", "as well as", "also").
fn coordinated(between: &str) -> bool {
    let between = between.to_lowercase();
    between.contains(", and")
        || between.contains(" and that")
        || between.contains(" as well as")
        || between.contains(" also ")
}

/// The action an action cue names; a deletion is of a paragraph or of text
/// by the nearest object (with no object, by whether paragraphs are named).
fn action_of(text: &str, h: &Hit, objects: &[(Span, bool)], paras: &[u32]) -> Option<Action> {
    if h.value != "Delete" {
        return Action::parse(&h.value);
    }
    let distance = |o: &Span| {
        if o.end <= h.span.start {
            h.span.start - o.end
        } else {
            o.start.saturating_sub(h.span.end)
        }
    };
    // "Paragraph 8: delete the last sentence": a paragraph before a colon
    // or dash labels the entry; what the deletion takes comes after it.
    let label =
        |o: &Span| o.end <= h.span.start && text[o.end..h.span.start].contains([':', '—', '–']);
    let nearest = objects
        .iter()
        .filter(|(o, _)| !label(o))
        .min_by_key(|(o, _)| distance(o))
        .map(|(_, is_text)| *is_text);
    Some(match nearest {
        Some(false) => Action::DeleteParagraph,
        Some(true) => Action::DeleteText,
        None if !paras.is_empty() => Action::DeleteParagraph,
        None => Action::DeleteText,
    })
}
