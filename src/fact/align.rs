//! Corpus facts: alignment of draft paragraphs with their counterparts in
//! the later version, and the outcome of each edit proposal judged from the
//! aligned text.
//!
//! This is the one stage that looks across sources: a meeting report quotes
//! a First Draft paragraph, the final report holds the adopted text. Numbers
//! shift between versions, so pairs are found by word overlap (longest
//! common subsequence of normalised words), which survives renumbering; a
//! draft paragraph may align with two later ones (a split) and two drafts
//! with one later paragraph (a merge).
//!
//! Outcomes follow fixed, documented rules (see [`judge`]) and are left out
//! whenever the text does not decide.

use super::proposals::{Action, EditProposal};
use super::SourceFacts;
use crate::reference::Reference;
use std::collections::BTreeMap;

/// Minimum share of the shorter side's words in the common subsequence for
/// two paragraphs to be versions of each other.
pub const ALIGN_MIN_COVERAGE: f64 = 0.5;
/// ... and the minimum number of words in common.
pub const ALIGN_MIN_WORDS: usize = 8;

/// A draft paragraph with its text, as some source quoted it.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub document: String,
    pub number: u32,
    pub text: String,
    pub section: Option<String>,
}

/// One aligned pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub from: (String, u32),
    pub to: (String, u32),
    /// Dice coefficient of the common subsequence: 2·LCS / (|a| + |b|).
    pub similarity: f64,
    /// Share of the draft's words found in the later paragraph.
    pub coverage: f64,
    /// Word-level difference, `[-removed-]{+added+}`.
    pub diff: String,
}

/// What became of an edit proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Adopted,
    PartlyAdopted,
    NotAdopted,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Adopted => "Adopted",
            Outcome::PartlyAdopted => "PartlyAdopted",
            Outcome::NotAdopted => "NotAdopted",
        }
    }
}

/// The judged outcome of one proposal, with the evidence used.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Source stem and index of the proposal in that source.
    pub source: String,
    pub proposal: usize,
    pub outcome: Outcome,
    /// The word diff between draft and later text the judgement rests on.
    pub diff: String,
    /// One sentence saying why.
    pub reason: String,
}

/// Everything the corpus says across sources.
#[derive(Debug, Clone, Default)]
pub struct CorpusFacts {
    pub alignments: Vec<Alignment>,
    /// Draft paragraphs with text and no counterpart in the later version.
    pub dropped: Vec<(String, u32)>,
    pub judgements: Vec<Judgement>,
}

/// Lower-case words without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words compared by their first six letters, so "primarily" meets
/// "primary" and "responsible" meets "responsibility".
fn stem(w: &str) -> String {
    w.chars().take(6).collect()
}

const STOPWORDS: [&str; 24] = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "by", "with", "that", "this",
    "is", "are", "be", "as", "at", "its", "their", "it", "from", "which",
];

fn content(ws: &[String]) -> Vec<String> {
    ws.iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(w))
        .collect()
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Share of `part`'s words that appear, in order, in `whole`.
pub fn coverage(part: &str, whole: &str) -> f64 {
    let p = words(part);
    if p.is_empty() {
        return 0.0;
    }
    lcs(&p, &words(whole)) as f64 / p.len() as f64
}

/// Share of `part`'s content words (stopwords dropped, six-letter stems)
/// found in order in `whole`.
pub fn content_coverage(part: &str, whole: &str) -> f64 {
    let p = content(&words(part));
    if p.is_empty() {
        return coverage(part, whole);
    }
    lcs(&p, &content(&words(whole))) as f64 / p.len() as f64
}

/// True when `phrase` occurs as a contiguous run of words in `text`.
fn contains_phrase(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.windows(phrase.len()).any(|w| w == phrase)
}

/// Which words of `a` a longest common subsequence with `b` uses.
fn matched(a: &[String], b: &[String]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut used = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            used[i] = true;
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    used
}

/// Word-level difference of two texts: runs of deleted words in
/// `[-…-]`, runs of inserted words in `{+…+}`, unchanged words as they are.
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b);
    let mut parts: Vec<String> = Vec::new();
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                parts.push(a[old_index..old_index + len].join(" "))
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => parts.push(format!(
                "[-{}-]",
                a[old_index..old_index + old_len].join(" ")
            )),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => parts.push(format!(
                "{{+{}+}}",
                b[new_index..new_index + new_len].join(" ")
            )),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                parts.push(format!(
                    "[-{}-]",
                    a[old_index..old_index + old_len].join(" ")
                ));
                parts.push(format!(
                    "{{+{}+}}",
                    b[new_index..new_index + new_len].join(" ")
                ));
            }
        }
    }
    parts.join(" ")
}

/// The document a draft's text ends up in: follow `next` until a document
/// whose own text is in the corpus.
fn later_version<'a>(
    reference: &Reference,
    draft: &str,
    texts: &'a BTreeMap<String, Vec<Version>>,
) -> Option<(&'a String, &'a Vec<Version>)> {
    let mut cur = reference.document(draft)?.next.clone();
    for _ in 0..8 {
        if cur.is_empty() {
            return None;
        }
        if let Some(kv) = texts.get_key_value(&cur) {
            return Some(kv);
        }
        cur = reference.document(&cur)?.next.clone();
    }
    None
}

/// Aligns every quoted draft paragraph and judges every proposal.
pub fn corpus(facts: &[SourceFacts], reference: &Reference) -> CorpusFacts {
    // Documents whose own text is in the corpus.
    let mut own: BTreeMap<String, Vec<Version>> = BTreeMap::new();
    // Draft paragraphs quoted somewhere (first wording wins: sources are
    // processed in stem order).
    let mut drafts: BTreeMap<(String, u32), Version> = BTreeMap::new();
    for f in facts {
        for p in &f.paragraphs {
            let Some(text) = &p.text else { continue };
            let v = Version {
                document: p.document.clone(),
                number: p.number,
                text: text.clone(),
                section: p.section.clone(),
            };
            if p.quoted {
                drafts.entry((p.document.clone(), p.number)).or_insert(v);
            } else {
                // Two copies of the same document: the first source (by
                // stem) gives the text.
                let paras = own.entry(p.document.clone()).or_default();
                if !paras.iter().any(|q| q.number == v.number) {
                    paras.push(v);
                }
            }
        }
    }
    let mut out = CorpusFacts::default();
    for ((doc, n), draft) in &drafts {
        let Some((later_doc, later)) = later_version(reference, doc, &own) else {
            continue;
        };
        let dw = words(&draft.text);
        let mut scored: Vec<(f64, f64, &Version)> = later
            .iter()
            .filter_map(|l| {
                let lw = words(&l.text);
                let common = lcs(&dw, &lw);
                let shorter = dw.len().min(lw.len()).max(1);
                let cov_short = common as f64 / shorter as f64;
                (common >= ALIGN_MIN_WORDS && cov_short >= ALIGN_MIN_COVERAGE).then(|| {
                    let sim = 2.0 * common as f64 / (dw.len() + lw.len()) as f64;
                    (sim, common as f64 / dw.len().max(1) as f64, l)
                })
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.number.cmp(&b.2.number)));
        if scored.is_empty() {
            out.dropped.push((doc.clone(), *n));
            continue;
        }
        // The best match always; another only as the rest of a split, when it
        // carries draft words the earlier matches do not (a later paragraph
        // that merely restates the same words, like a recommendation echoing
        // a conclusion, is not a counterpart).
        let mut covered = vec![false; dw.len()];
        for (k, (sim, cov, l)) in scored.into_iter().enumerate() {
            let used = matched(&dw, &words(&l.text));
            let fresh = used
                .iter()
                .zip(&covered)
                .filter(|(u, c)| **u && !**c)
                .count();
            if k > 0 && (fresh as f64) < 0.25 * dw.len() as f64 {
                continue;
            }
            for (c, u) in covered.iter_mut().zip(&used) {
                *c |= *u;
            }
            out.alignments.push(Alignment {
                from: (doc.clone(), *n),
                to: (later_doc.clone(), l.number),
                similarity: (sim * 1000.0).round() / 1000.0,
                coverage: (cov * 1000.0).round() / 1000.0,
                diff: word_diff(&draft.text, &l.text),
            });
        }
    }
    for f in facts {
        for (i, p) in f.proposals.iter().enumerate() {
            if let Some(j) = judge(p, &drafts, &own, &out, reference) {
                out.judgements.push(Judgement {
                    source: f.source.stem.clone(),
                    proposal: i,
                    outcome: j.0,
                    diff: j.1,
                    reason: j.2,
                });
            }
        }
    }
    out
}

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
fn judge(
    p: &EditProposal,
    drafts: &BTreeMap<(String, u32), Version>,
    own: &BTreeMap<String, Vec<Version>>,
    corpus: &CorpusFacts,
    reference: &Reference,
) -> Option<(Outcome, String, String)> {
    let doc = p.document.as_ref()?;
    let (later_doc, later) = later_version(reference, doc, own)?;
    if p.action == Action::AddParagraph {
        let added = p.added.as_ref()?;
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
        return Some((outcome, String::new(), reason));
    }
    if p.targets.len() != 1 {
        return None;
    }
    let n = p.targets[0];
    let draft = drafts.get(&(doc.clone(), n))?;
    let aligned: Vec<&Alignment> = corpus
        .alignments
        .iter()
        .filter(|a| a.from == (doc.clone(), n))
        .collect();
    let dropped = corpus.dropped.contains(&(doc.clone(), n));
    let later_text: String = aligned
        .iter()
        .filter_map(|a| later.iter().find(|l| l.number == a.to.1))
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let diff = aligned.first().map(|a| a.diff.clone()).unwrap_or_default();
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
    match p.action {
        Action::DeleteParagraph => {
            if dropped {
                return Some((
                    Outcome::Adopted,
                    diff,
                    format!("the paragraph was dropped: {where_}"),
                ));
            }
            let kept = aligned.iter().map(|a| a.coverage).fold(0.0, f64::max);
            let outcome = if kept >= 0.8 {
                Outcome::NotAdopted
            } else {
                Outcome::PartlyAdopted
            };
            Some((
                outcome,
                diff,
                format!("{where_}, keeping {:.0}% of its words", kept * 100.0),
            ))
        }
        Action::DeleteText => {
            let removed = p.removed.as_ref()?;
            if dropped {
                return Some((
                    Outcome::Adopted,
                    diff,
                    format!("the whole paragraph was dropped: {where_}"),
                ));
            }
            let still = content_coverage(removed, &later_text);
            Some((
                grade(1.0 - still),
                diff,
                format!(
                    "{where_}; {:.0}% of the words to delete are still there",
                    still * 100.0
                ),
            ))
        }
        Action::InsertText => {
            let added = p.added.as_ref()?;
            if dropped {
                return Some((
                    Outcome::NotAdopted,
                    diff,
                    format!("the paragraph was dropped: {where_}"),
                ));
            }
            let share = new_words_present(added, &draft.text, &later_text)?;
            Some((
                grade(share),
                diff,
                format!("{where_}; {:.0}% of the new words are in it", share * 100.0),
            ))
        }
        Action::ReplaceText => {
            let (removed, added) = (p.removed.as_ref()?, p.added.as_ref()?);
            if dropped {
                return None;
            }
            let gone = 1.0 - content_coverage(removed, &later_text);
            let came = new_words_present(added, &draft.text, &later_text).unwrap_or(gone);
            let share = (gone + came) / 2.0;
            Some((
                grade(share),
                diff,
                format!(
                    "{where_}; the old words are {:.0}% gone and the new ones {:.0}% present",
                    gone * 100.0,
                    came * 100.0
                ),
            ))
        }
        Action::Amend => {
            let added = p.added.as_ref()?;
            if dropped {
                return None;
            }
            let share = new_words_present(added, &draft.text, &later_text)?;
            let verbatim = contains_phrase(&words(&later_text), &words(added));
            let outcome = match grade(share) {
                Outcome::Adopted if !verbatim => Outcome::PartlyAdopted,
                o => o,
            };
            Some((
                outcome,
                diff,
                format!(
                    "{where_}; {:.0}% of the proposed new words are in it",
                    share * 100.0
                ),
            ))
        }
        Action::Move | Action::Reorder | Action::AddParagraph => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_removed_and_added_words() {
        let d = word_diff(
            "the growing exploitation of ICTs",
            "the growing use of ICTs",
        );
        assert!(
            d.contains("[-exploitation-]") && d.contains("{+use+}"),
            "{d}"
        );
    }

    #[test]
    fn coverage_counts_words_in_order() {
        assert_eq!(
            coverage("state sovereignty", "a threat to State sovereignty"),
            1.0
        );
        assert_eq!(
            coverage(
                "for the common good",
                "expanding opportunities for cooperation"
            ),
            0.25
        );
    }

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
