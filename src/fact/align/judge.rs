//! Judging one edit proposal's outcome from the aligned later text, by
//! fixed rules per action (see [`judge`]). An outcome is left out whenever
//! the text does not decide.

use super::words::{contains_phrase, content, content_coverage, coverage, words};
use super::{Alignment, Fates, Outcome, OwnTexts, Proposed, QuotedDrafts, Version};
use crate::fact::proposals::Action;
use crate::reference::Reference;

/// An outcome, the word diff it rests on, and one sentence saying why.
pub(super) type Judged = (Outcome, String, String);

/// Share of the words of `part` that are new relative to `base` and appear
/// in `target` (by six-letter stems). `None` when `part` adds no word.
fn new_words_present(part: &str, base: &str, target: &str) -> Option<f64> {
    let base_c: Vec<String> = content(&words(base));
    let target_c: Vec<String> = content(&words(target));
    let new: Vec<String> = content(&words(part))
        .into_iter()
        .filter(|w| !base_c.contains(w))
        .collect();
    if new.is_empty() {
        return None;
    }
    let present = new.iter().filter(|w| target_c.contains(w)).count();
    Some(present as f64 / new.len() as f64)
}

/// Adopted from 80% done, not adopted up to 20%, partly in between.
fn grade(share_done: f64) -> Outcome {
    if share_done >= 0.8 {
        Outcome::Adopted
    } else if share_done <= 0.2 {
        Outcome::NotAdopted
    } else {
        Outcome::PartlyAdopted
    }
}

/// Judges one proposal. Rules, per action, against the later text of the
/// targeted paragraph(s):
///
/// * `DeleteParagraph`: no counterpart → adopted; counterpart keeping at
///   least 80% of the draft's words → not adopted; otherwise partly.
/// * `DeleteText` (removed words known): share of the removed words gone.
/// * `InsertText` (added words known): share of the words new to the draft
///   that appear in the later text.
/// * `ReplaceText`: both of the above, averaged.
/// * `Amend` with proposed wording: as `InsertText`, and adopted only if the
///   wording appears nearly verbatim (else at best partly).
/// * `AddParagraph` with its text: adopted if some later paragraph carries
///   at least 60% of it, else not adopted.
/// * `Move`, `Reorder`, and anything whose draft text, later text or
///   changed words are unknown: no outcome.
pub(super) fn judge(
    p: &Proposed,
    drafts: &QuotedDrafts,
    own: &OwnTexts,
    fates: &Fates,
    reference: &Reference,
) -> Option<Judged> {
    let doc = &p.document.as_deref()?.to_owned();
    let (later_doc, later) = super::later_version(reference, doc, own)?;
    if p.action == Action::AddParagraph {
        return judge_new_paragraph(p.added.as_ref()?, later_doc, later);
    }
    if p.targets.len() != 1 {
        return None;
    }
    let n = p.targets[0];
    let draft = &drafts.get(&(doc.clone(), n))?.text;
    let fate = Fate::of((doc, n), later_doc, later, fates);
    match p.action {
        Action::DeleteParagraph => Some(fate.deleted_paragraph()),
        Action::DeleteText => fate.deleted_text(p.removed.as_ref()?),
        Action::InsertText => fate.inserted(p.added.as_ref()?, draft),
        Action::ReplaceText => fate.replaced(p.removed.as_ref()?, p.added.as_ref()?, draft),
        Action::Amend => fate.amended(p.added.as_ref()?, draft),
        Action::Move | Action::Reorder | Action::AddParagraph => None,
    }
}

/// A proposed new paragraph: adopted if some later paragraph carries at
/// least 60% of it.
fn judge_new_paragraph(added: &str, later_doc: &str, later: &[Version]) -> Option<Judged> {
    let best = later
        .iter()
        .map(|l| (coverage(added, &l.text), l))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    let outcome = if best.0 >= 0.6 {
        Outcome::Adopted
    } else {
        Outcome::NotAdopted
    };
    let reason = format!(
        "the proposed paragraph's best match in {later_doc} is paragraph {} with {:.0}% of its words",
        best.1.number,
        best.0 * 100.0
    );
    Some((outcome, String::new(), reason))
}

/// What became of a draft paragraph in the later document.
struct Fate {
    /// No later paragraph corresponds to it.
    dropped: bool,
    /// The text of the later paragraph(s) it aligned with.
    later_text: String,
    /// The highest share of its words a later paragraph kept.
    kept: f64,
    diff: String,
    /// "it became X paragraph 12", for the reasons.
    where_: String,
}

impl Fate {
    fn of(draft: (&str, u32), later_doc: &str, later: &[Version], fates: &Fates) -> Self {
        let aligned: &[&Alignment] = fates.aligned(draft.0, draft.1);
        let later_text: String = aligned
            .iter()
            .filter_map(|a| later.iter().find(|l| l.number == a.to.1))
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        let where_ = if aligned.is_empty() {
            format!("no paragraph of {later_doc} corresponds to it")
        } else {
            format!(
                "it became {later_doc} paragraph {}",
                aligned
                    .iter()
                    .map(|a| a.to.1.to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        };
        Fate {
            dropped: fates.is_dropped(draft.0, draft.1),
            later_text,
            kept: aligned.iter().map(|a| a.coverage).fold(0.0, f64::max),
            diff: aligned.first().map(|a| a.diff.clone()).unwrap_or_default(),
            where_,
        }
    }

    fn judged(&self, outcome: Outcome, reason: String) -> Judged {
        (outcome, self.diff.clone(), reason)
    }

    fn deleted_paragraph(&self) -> Judged {
        let where_ = &self.where_;
        if self.dropped {
            return self.judged(
                Outcome::Adopted,
                format!("the paragraph was dropped: {where_}"),
            );
        }
        let outcome = if self.kept >= 0.8 {
            Outcome::NotAdopted
        } else {
            Outcome::PartlyAdopted
        };
        self.judged(
            outcome,
            format!("{where_}, keeping {:.0}% of its words", self.kept * 100.0),
        )
    }

    fn deleted_text(&self, removed: &str) -> Option<Judged> {
        let where_ = &self.where_;
        if self.dropped {
            return Some(self.judged(
                Outcome::Adopted,
                format!("the whole paragraph was dropped: {where_}"),
            ));
        }
        let still = content_coverage(removed, &self.later_text);
        Some(self.judged(
            grade(1.0 - still),
            format!(
                "{where_}; {:.0}% of the words to delete are still there",
                still * 100.0
            ),
        ))
    }

    fn inserted(&self, added: &str, draft: &str) -> Option<Judged> {
        let where_ = &self.where_;
        if self.dropped {
            return Some(self.judged(
                Outcome::NotAdopted,
                format!("the paragraph was dropped: {where_}"),
            ));
        }
        let share = new_words_present(added, draft, &self.later_text)?;
        Some(self.judged(
            grade(share),
            format!("{where_}; {:.0}% of the new words are in it", share * 100.0),
        ))
    }

    fn replaced(&self, removed: &str, added: &str, draft: &str) -> Option<Judged> {
        if self.dropped {
            return None;
        }
        let gone = 1.0 - content_coverage(removed, &self.later_text);
        let came = new_words_present(added, draft, &self.later_text).unwrap_or(gone);
        let share = (gone + came) / 2.0;
        Some(self.judged(
            grade(share),
            format!(
                "{}; the old words are {:.0}% gone and the new ones {:.0}% present",
                self.where_,
                gone * 100.0,
                came * 100.0
            ),
        ))
    }

    fn amended(&self, added: &str, draft: &str) -> Option<Judged> {
        if self.dropped {
            return None;
        }
        let share = new_words_present(added, draft, &self.later_text)?;
        let verbatim = contains_phrase(&words(&self.later_text), &words(added));
        let outcome = match grade(share) {
            Outcome::Adopted if !verbatim => Outcome::PartlyAdopted,
            o => o,
        };
        Some(self.judged(
            outcome,
            format!(
                "{}; {:.0}% of the proposed new words are in it",
                self.where_,
                share * 100.0
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_words_are_judged_by_stems() {
        let share = new_words_present(
            "While States are primarily responsible",
            "While States are ultimately responsible",
            "While States bear primary responsibility",
        );
        assert_eq!(share, Some(1.0));
        assert_eq!(
            new_words_present("the same words", "the same words", "x"),
            None
        );
    }
}
