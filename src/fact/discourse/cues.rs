//! Finding the cue words of `ontology/cues.csv` in a span of text.
//!
//! Every rule of the discourse reader keys on a cue class, never on a
//! literal phrase, so this is the one place that matches words: one
//! Aho-Corasick automaton over every clause cue, read at word boundaries and
//! leftmost-longest within a family of kinds.

use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A cue found in the text.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub(super) span: Span,
    pub(super) kind: CueKind,
    pub(super) value: String,
}

impl Hit {
    /// "should be" only proposes with an action word ("should be deleted").
    pub(super) fn cue_is_weak(&self, text: &str) -> bool {
        let s = self.span.of(text).to_lowercase();
        s == "should be" || s == "language" || s == "changes"
    }
}

/// Finds cues of every kind at word boundaries, leftmost-longest.
pub(super) struct CueFinder {
    automaton: AhoCorasick,
    cues: Vec<(CueKind, String, String)>,
}

/// Every kind the automaton knows.
const CLAUSE_CUES: [CueKind; 17] = [
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
    CueKind::FirstPerson,
    CueKind::AuthoredGenre,
    CueKind::ModifierHead,
    CueKind::Good,
    CueKind::Bad,
];

/// The family matched together to decide what a clause is.
pub(super) const STANCE_FAMILY: [CueKind; 8] = [
    CueKind::ProposalVerb,
    CueKind::Action,
    CueKind::Support,
    CueKind::Oppose,
    CueKind::Negation,
    CueKind::Hedge,
    CueKind::OnBehalf,
    CueKind::DraftQuote,
];

impl CueFinder {
    pub(super) fn new(reference: &Reference) -> Self {
        let mut cues = Vec::new();
        for kind in CLAUSE_CUES {
            for c in reference.cues.of(kind) {
                cues.push((kind, c.cue.clone(), c.value.clone()));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
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
    pub(super) fn find(&self, text: &str, span: Span, family: &[CueKind]) -> Vec<Hit> {
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
