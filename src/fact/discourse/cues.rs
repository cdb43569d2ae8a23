//! Finding the cue words of `ontology/cues.csv` in a span of text.
//!
//! Every rule of the discourse reader keys on a cue class, never on a
//! literal phrase, so this is the one place that matches words: every
//! clause cue, looked up where a word starts (`segment::Phrases`), read at
//! word boundaries and leftmost-longest within a family of kinds.

use crate::reference::{CueKind, Reference};
use crate::segment::{Found, Phrases, Span};

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
    phrases: Phrases,
    cues: Vec<(CueKind, String, String)>,
}

/// Every kind the automaton knows.
const CLAUSE_CUES: [CueKind; 19] = [
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
    CueKind::QuestionLabel,
    CueKind::IntervieweeRole,
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
        let phrases = Phrases::new(cues.iter().map(|c| c.1.as_str()));
        Self { phrases, cues }
    }
}

/// A [`CueFinder`] for one source, remembering the cues of the stretch of
/// text it last searched: the reader asks for the cues of the same sentence
/// a dozen times (each clause, each family), and one pass over a stretch
/// answers them all. The answers are exactly those of searching each span
/// on its own (an occurrence inside a span is one inside the stretch; one
/// at the span's start inside a word is looked up on its own).
pub(super) struct Cues {
    finder: std::sync::Arc<CueFinder>,
    stretch: std::cell::RefCell<Stretch>,
}

/// The stretch searched last, and what was found in it.
#[derive(Default)]
struct Stretch {
    /// Which text (its address and length): one reader reads one text.
    text: (usize, usize),
    span: Span,
    /// Cues that start a word, by start, longest first.
    raw: Vec<Found>,
}

/// How far a stretch reaches beyond the span asked for: ahead, so the
/// following sentences are answered from it; behind, so a look back to the
/// start of a sentence is too.
const AHEAD: usize = 64 * 1024;
const BEHIND: usize = 4 * 1024;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary at or after `i`.
pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Cues {
    /// The words of every cue of `kind`.
    pub(super) fn cues_of(&self, kind: CueKind) -> Vec<&str> {
        self.finder
            .cues
            .iter()
            .filter(|c| c.0 == kind)
            .map(|c| c.1.as_str())
            .collect()
    }

    pub(super) fn new(finder: std::sync::Arc<CueFinder>) -> Self {
        Self {
            finder,
            stretch: Default::default(),
        }
    }

    /// Hits of one kind family inside `span`, non-overlapping within the
    /// family, leftmost-longest. Families: clause cues (proposal, action,
    /// support, oppose, negation, hedge, on-behalf) are matched together so
    /// "not in a position to subscribe" beats "not"; objects, text units,
    /// anaphors and back-references are matched on their own. A cue at the
    /// edge of `span` needs no boundary beyond it.
    pub(super) fn find(&self, text: &str, span: Span, family: &[CueKind]) -> Vec<Hit> {
        let mut stretch = self.stretch.borrow_mut();
        let id = (text.as_ptr() as usize, text.len());
        if stretch.text != id || !stretch.span.contains(span) {
            let region = Span::new(
                floor_boundary(text, span.start.saturating_sub(BEHIND)),
                ceil_boundary(text, span.end.max(span.start + AHEAD)),
            );
            *stretch = Stretch {
                text: id,
                span: region,
                raw: self.finder.phrases.find(text, region),
            };
        }
        // A span may start inside a word: a cue there counts as well.
        let mut inside = Vec::new();
        if text[..span.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            self.finder
                .phrases
                .at(text, span.start, span.end, &mut inside);
        }
        let raw = &stretch.raw;
        let from = raw.partition_point(|r| r.start < span.start);
        let ahead = raw[from..].iter().take_while(|r| r.start < span.end);
        let mut out: Vec<Hit> = Vec::new();
        for &Found { start, end, phrase } in inside.iter().chain(ahead) {
            let (kind, _, value) = &self.finder.cues[phrase];
            if end > span.end || !family.contains(kind) {
                continue;
            }
            // Every cue found starts a word (or the span).
            let after = (end < span.end)
                .then(|| text[end..].chars().next())
                .flatten();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if out.last().is_some_and(|l| start < l.span.end) {
                continue;
            }
            out.push(Hit {
                span: Span::new(start, end),
                kind: *kind,
                value: value.clone(),
            });
        }
        out
    }
}
