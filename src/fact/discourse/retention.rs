//! Keeping and rejecting a draft's text: "Retain [Oman].", "paragraph 7
//! should remain", "Support for retaining the paragraph: Chile, Peru."
//! oppose the deletions of it; "keep paragraph 36 as drafted", "preferred
//! the original wording" oppose every change to it; "We cannot accept
//! paragraph 12" with no proposal on it asks for a change of it.

use super::context::{At, Context, Holder, Produced};
use super::cues::Hit;
use super::refs::{paragraph_refs, CONTEXT_OBJECT};
use super::stance::Position;
use super::Extractor;
use crate::fact::proposals::{Action, Polarity, StanceTarget};
use crate::reference::CueKind;
use crate::segment::Span;

/// A cue that keeps the draft's text: "retain" (as against deleting it),
/// "unchanged" ("as drafted") or "original" ("preferred the original
/// wording"): against any change.
pub(super) fn keeps(cue: &Hit) -> bool {
    matches!(cue.value.as_str(), "retain" | "unchanged" | "original")
}

impl<'a> Extractor<'a> {
    /// The retention cue a clause is about: its own lead ("Retain [Oman].")
    /// or one a support cue leads to ("Support for retaining the
    /// paragraph: …", "argued in favour of retaining it").
    pub(super) fn backed_retention<'h>(&self, hits: &'h [Hit], main: usize) -> Option<&'h Hit> {
        let cue = &hits[main];
        if keeps(cue) {
            return Some(cue);
        }
        let next = hits.get(main + 1)?;
        let between = &self.text[cue.span.end..next.span.start];
        (cue.kind == CueKind::Support
            && keeps(next)
            && between.split_whitespace().count() <= 2
            && !between.contains([',', ';', ':']))
        .then_some(next)
    }

    /// What keeping is about: "paragraph 7 should remain" opposes deleting
    /// it ("as drafted", "the original wording": every change to it); "the
    /// OEWG should remain the single negotiating mechanism" supports the
    /// body named, which wins unless the clause names a paragraph or the
    /// text.
    pub(super) fn retained_or_kept(&self, clause: Span, cue: &Hit, ctx: &Context) -> Vec<Position> {
        let kept: Vec<Position> = self
            .policy_objects(clause, cue, true)
            .into_iter()
            .map(|t| (Polarity::Support, t))
            .collect();
        // "Belarus said the Mechanism should remain intergovernmental": a
        // body or policy is what is kept, not the paragraph under
        // discussion, unless the clause names a paragraph or the text.
        let clause_text = clause.of(self.text);
        let names_text =
            !paragraph_refs(clause_text).is_empty() || CONTEXT_OBJECT.is_match(clause_text);
        if !kept.is_empty() && !names_text {
            return kept;
        }
        let edits = self.retained(clause, ctx, cue.value != "retain");
        if !edits.is_empty() {
            return edits;
        }
        kept
    }

    /// The proposals keeping the text opposes: its deletions; every
    /// change, when the text is kept as it stands ("preferred the original
    /// wording", "keep paragraph 36 as drafted").
    fn retained(&self, clause: Span, ctx: &Context, unchanged: bool) -> Vec<Position> {
        let refs: Vec<u32> = paragraph_refs(clause.of(self.text))
            .into_iter()
            .map(|r| r.0)
            .collect();
        let paras = if refs.is_empty() {
            ctx.paragraphs.clone()
        } else {
            refs
        };
        let deletions: &[Action] = if unchanged {
            &[]
        } else {
            &[Action::DeleteParagraph, Action::DeleteText]
        };
        self.proposals_on(&paras, ctx, deletions)
            .into_iter()
            .map(|i| (Polarity::Opposition, StanceTarget::Edit(i)))
            .collect()
    }

    /// "We cannot accept paragraph 12", "Kenya objected to paragraph 4 as
    /// drafted": rejecting a paragraph that nobody proposed to change is a
    /// request to change it (`Amend`).
    pub(super) fn rejected_paragraphs(
        &mut self,
        at: At,
        cue: &Hit,
        holders: &[Holder],
        ctx: &mut Context,
        out: &mut Produced,
    ) {
        let text = self.text;
        let (clause, _, quotes) = at;
        let rest = &text[cue.span.end..clause.end];
        let refs = paragraph_refs(rest);
        let Some(first) = refs.first() else { return };
        let gap = rest[..first.1].trim();
        let direct = gap.is_empty() || gap == "the" || gap == "to" || gap == "to the";
        // "We object to the words ‘…’ in paragraph 5 and request their
        // deletion": the request says what the change is.
        let requested = !self
            .finder
            .find(
                text,
                Span::new(cue.span.end, clause.end),
                &[CueKind::Action],
            )
            .is_empty();
        if !direct && !requested {
            return;
        }
        let paras: Vec<u32> = refs
            .iter()
            .filter(|r| r.1 == first.1)
            .map(|r| r.0)
            .collect();
        let actions = if requested {
            self.actions(clause, quotes, cue.span.end, &paras)
        } else {
            vec![Action::Amend]
        };
        for h in holders {
            let made = self.make_proposals(h, &paras, &actions, at, ctx);
            out.proposals.extend(made);
        }
        ctx.set_paragraphs(paras);
    }
}
