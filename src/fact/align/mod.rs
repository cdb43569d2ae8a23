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
//! Outcomes follow fixed, documented rules (see `judge.rs`) and are left out
//! whenever the text does not decide.

mod judge;
mod words;

pub use words::{content_coverage, coverage, word_diff, words};

use super::{Action, SourceFacts};
use crate::reference::Reference;
use judge::judge;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use words::{lcs, matched};

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

/// The document a draft's text ends up in: follow `next` until a document
/// whose own text is in the corpus.
fn later_version<'a>(
    reference: &Reference,
    draft: &str,
    texts: &'a OwnTexts,
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

/// Documents whose own text is in the corpus, with their paragraphs.
type OwnTexts = BTreeMap<String, Vec<Version>>;
/// Draft paragraphs quoted by some source, by document and number.
type QuotedDrafts = BTreeMap<(String, u32), Version>;

/// A numbered paragraph with its text, as one source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphText {
    /// Shared, like the text and the section: a build keeps one copy of
    /// each however many sources name it.
    pub document: Arc<str>,
    pub number: u32,
    pub text: Arc<str>,
    pub section: Option<Arc<str>>,
    /// Quoted from a draft by a report, rather than the document's own text.
    pub quoted: bool,
}

/// An edit proposal as the judge reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposed {
    /// Shared between sources, like a paragraph's.
    pub document: Option<Arc<str>>,
    pub targets: Vec<u32>,
    pub action: Action,
    pub removed: Option<String>,
    pub added: Option<String>,
}

/// What the corpus-wide step needs of one source: its paragraphs with text
/// and its edit proposals (in the source's order). A build keeps this, not
/// the source's text or other facts, until every source is read, and keeps
/// it in the store so a rebuild need not read unchanged sources again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDrafts {
    pub stem: String,
    pub paragraphs: Vec<ParagraphText>,
    pub proposals: Vec<Proposed>,
}

impl SourceDrafts {
    pub fn of(f: &SourceFacts) -> Self {
        Self {
            stem: f.source.stem.clone(),
            paragraphs: f
                .paragraphs
                .iter()
                .filter_map(|p| {
                    Some(ParagraphText {
                        document: Arc::from(p.document.as_str()),
                        number: p.number,
                        text: Arc::from(p.text.as_deref()?),
                        section: p.section.as_deref().map(Arc::from),
                        quoted: p.quoted,
                    })
                })
                .collect(),
            proposals: f
                .proposals
                .iter()
                .map(|p| Proposed {
                    document: p.document.as_deref().map(Arc::from),
                    targets: p.targets.clone(),
                    action: p.action,
                    removed: p.removed.clone(),
                    added: p.added.clone(),
                })
                .collect(),
        }
    }
}

/// Aligns every quoted draft paragraph and judges every proposal.
pub fn corpus(facts: &[SourceFacts], reference: &Reference) -> CorpusFacts {
    let sources: Vec<SourceDrafts> = facts.iter().map(SourceDrafts::of).collect();
    corpus_of(&sources.iter().collect::<Vec<_>>(), reference)
}

/// [`corpus`] from what each source keeps; `sources` in stem order.
pub fn corpus_of(sources: &[&SourceDrafts], reference: &Reference) -> CorpusFacts {
    let mut judgements = Vec::new();
    let mut out = corpus_each(sources, reference, |j| judgements.push(j));
    out.judgements = judgements;
    out
}

/// [`corpus_of`], handing each judgement to `on_judgement` as it is made
/// instead of keeping them (a big corpus judges a million proposals); the
/// result holds the alignments and dropped paragraphs only.
pub fn corpus_each(
    sources: &[&SourceDrafts],
    reference: &Reference,
    mut on_judgement: impl FnMut(Judgement),
) -> CorpusFacts {
    let (own, drafts) = versions(sources);
    let mut out = CorpusFacts::default();
    // Each draft paragraph is aligned on its own, so on every core (the
    // step that kept one core busy at the end of a build), and the results
    // are taken in key order.
    let keyed: Vec<(&(String, u32), &Version)> = drafts.iter().collect();
    let aligned: Vec<Option<Vec<Alignment>>> = keyed
        .par_iter()
        .map(|((doc, _), draft)| {
            let (later_doc, later) = later_version(reference, doc, &own)?;
            Some(align(draft, later_doc, later))
        })
        .collect();
    for (((doc, n), _), alignments) in keyed.into_iter().zip(aligned) {
        let Some(alignments) = alignments else {
            continue;
        };
        if alignments.is_empty() {
            out.dropped.push((doc.clone(), *n));
        }
        out.alignments.extend(alignments);
    }
    // Each proposal looks up its paragraph's fate: indexed once, not
    // scanned per proposal (a corpus has thousands of both).
    let fates = Fates::index(&out);
    for s in sources {
        for (i, p) in s.proposals.iter().enumerate() {
            if let Some(j) = judge(p, &drafts, &own, &fates, reference) {
                on_judgement(Judgement {
                    source: s.stem.clone(),
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

/// The alignments of each draft paragraph, and the dropped ones, by key.
pub(crate) struct Fates<'a> {
    aligned: BTreeMap<(String, u32), Vec<&'a Alignment>>,
    dropped: BTreeSet<(String, u32)>,
}

impl<'a> Fates<'a> {
    fn index(c: &'a CorpusFacts) -> Self {
        let mut aligned: BTreeMap<(String, u32), Vec<&Alignment>> = BTreeMap::new();
        for a in &c.alignments {
            aligned.entry(a.from.clone()).or_default().push(a);
        }
        let dropped = c.dropped.iter().cloned().collect();
        Self { aligned, dropped }
    }
    fn aligned(&self, doc: &str, n: u32) -> &[&'a Alignment] {
        self.aligned
            .get(&(doc.to_string(), n))
            .map_or(&[], Vec::as_slice)
    }
    fn is_dropped(&self, doc: &str, n: u32) -> bool {
        self.dropped.contains(&(doc.to_string(), n))
    }
}

/// Documents whose own text is in the corpus, by paragraph; and draft
/// paragraphs quoted somewhere (first wording wins: sources are processed
/// in stem order).
fn versions(sources: &[&SourceDrafts]) -> (OwnTexts, QuotedDrafts) {
    let mut own: BTreeMap<String, Vec<Version>> = BTreeMap::new();
    let mut own_seen: BTreeSet<(String, u32)> = BTreeSet::new();
    let mut drafts: BTreeMap<(String, u32), Version> = BTreeMap::new();
    for p in sources.iter().flat_map(|s| &s.paragraphs) {
        let v = Version {
            document: p.document.to_string(),
            number: p.number,
            text: p.text.to_string(),
            section: p.section.as_deref().map(str::to_owned),
        };
        if p.quoted {
            drafts
                .entry((p.document.to_string(), p.number))
                .or_insert(v);
        } else if own_seen.insert((p.document.to_string(), p.number)) {
            // Two copies of the same document: the first source (by stem)
            // gives the text.
            own.entry(p.document.to_string()).or_default().push(v);
        }
    }
    (own, drafts)
}

/// A draft paragraph's counterparts in the later document, best first;
/// none when it was dropped.
///
/// The best match always; another only as the rest of a split, when it
/// carries draft words the earlier matches do not (a later paragraph that
/// merely restates the same words, like a recommendation echoing a
/// conclusion, is not a counterpart).
fn align(draft: &Version, later_doc: &str, later: &[Version]) -> Vec<Alignment> {
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
    let mut out = Vec::new();
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
        out.push(Alignment {
            from: (draft.document.clone(), draft.number),
            to: (later_doc.to_string(), l.number),
            similarity: (sim * 1000.0).round() / 1000.0,
            coverage: (cov * 1000.0).round() / 1000.0,
            diff: word_diff(&draft.text, &l.text),
        });
    }
    out
}
