//! Facts: typed statements read from one source, each carrying the span of
//! text it came from. This is the last stage that looks at text; the quad
//! stage only maps these structs to RDF.

pub mod align;
mod discourse;
mod drafts;
mod institutions;
mod paragraphs;
pub mod pattern;
pub mod proposals;
mod vote_stances;
pub mod votes;

pub use proposals::{Action, EditProposal, Polarity, Stance, StanceTarget};
pub use votes::{Cast, RecordedVote, StateVote, VotedText};

use crate::input::SourceText;
use crate::mention::{AdHoc, Entity, Mentions};
use crate::reference::Reference;
use crate::segment::{Segments, Span};
use std::collections::{BTreeMap, BTreeSet};

/// A paragraph of a document: numbered in a document's own text, or a draft
/// paragraph quoted (or merely targeted) by a meeting report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphFact {
    pub document: String,
    pub number: u32,
    /// The text as this source gives it (without the leading number).
    pub text: Option<String>,
    pub section: Option<String>,
    /// Only known for a document's own text.
    pub recommendation: Option<bool>,
    /// True when a report quotes the paragraph rather than being its document.
    pub quoted: bool,
    pub span: Option<Span>,
}

/// Where a citation stands: a numbered paragraph or the source as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Citer {
    Paragraph { document: String, number: u32 },
    Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationFact {
    pub from: Citer,
    pub to: Entity,
    pub span: Span,
}

/// "Person chairs body", as a text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChairFact {
    pub person: Entity,
    pub body: Entity,
    pub span: Span,
}

/// "Body established by resolution", as a text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstablishedFact {
    pub body: Entity,
    pub resolution: Entity,
    pub span: Span,
}

/// Text the discourse reader takes in at once. Its context (draft and
/// paragraph under discussion, earlier proposals, each actor's latest
/// positions) looks back over what it has read, so its cost grows with the
/// square of one reading. Reports are far shorter (the longest seed is
/// 40 KB); a longer text (a whole PDF converted, a press release repeated)
/// is read in windows of this size, cut at a heading where one is near, so
/// its cost grows linearly.
const DISCOURSE_WINDOW: usize = 256 * 1024;
/// Opening blocks every window sees (without their sentences), so the
/// title that names a first-person text's author is read in each.
const TITLE_BLOCKS: usize = 6;

/// Edit proposals and stances, read window by window; stances keep pointing
/// at their proposals.
fn discourse_in_windows(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
    skip: &[Span],
) -> (Vec<EditProposal>, Vec<Stance>) {
    if text.len() <= DISCOURSE_WINDOW {
        return discourse::extract(text, segments, mentions, reference, paragraphs, skip);
    }
    let (mut proposals, mut stances) = (Vec::new(), Vec::new());
    for range in segments.windows(DISCOURSE_WINDOW) {
        let part = segments.window(range, TITLE_BLOCKS);
        let (p, s) = discourse::extract(text, &part, mentions, reference, paragraphs, skip);
        let base = proposals.len();
        proposals.extend(p);
        stances.extend(s.into_iter().map(|mut s| {
            if let StanceTarget::Edit(i) = &mut s.target {
                *i += base;
            }
            s
        }));
    }
    (proposals, stances)
}

/// Everything read from one source.
#[derive(Debug, Clone)]
pub struct SourceFacts {
    pub source: SourceText,
    /// The document this source is the text of, if any.
    pub document: Option<String>,
    pub paragraphs: Vec<ParagraphFact>,
    pub citations: Vec<CitationFact>,
    pub mentioned: BTreeSet<Entity>,
    pub ad_hoc: BTreeMap<Entity, AdHoc>,
    pub chairs: Vec<ChairFact>,
    pub established: Vec<EstablishedFact>,
    pub proposals: Vec<EditProposal>,
    pub stances: Vec<Stance>,
    pub votes: Vec<RecordedVote>,
}

impl SourceFacts {
    /// Runs the whole extraction for one source.
    pub fn extract(
        source: SourceText,
        reference: &Reference,
        gazetteer: &crate::mention::Gazetteer,
    ) -> Self {
        let text = source.text.as_str();
        let segments = Segments::new(text, reference);
        let mut mentions = Mentions::find(&source, reference, gazetteer);
        let cues = institutions::InstitutionCues::new(text, reference);
        let established =
            institutions::established(text, &segments, &mut mentions, reference, &cues);
        let chairs = institutions::chairs(&segments, &mentions, &cues);
        let (document, mut ad_hoc) =
            paragraphs::document_of(&source, &segments, &mentions, reference);
        let mut paragraphs = Vec::new();
        if let Some(doc) = &document {
            paragraphs.extend(paragraphs::numbered(text, &segments, doc));
        }
        paragraphs.extend(paragraphs::quoted_drafts(
            text, &segments, &mentions, reference,
        ));
        let citations = paragraphs::citations(&segments, &mentions, document.as_deref(), text);
        let date = source.date().or_else(|| crate::mention::infer_date(text));
        let (votes, voted_texts) =
            votes::extract(text, &segments, &mentions, reference, date.as_deref());
        // A vote's sentences ("retained by 139 votes to 10 (A, B …)") are
        // the record of a vote, not positions for the discourse reader.
        let vote_spans: Vec<Span> = votes.iter().flat_map(|v| v.evidence.clone()).collect();
        let (mut proposals, stances) = discourse_in_windows(
            text,
            &segments,
            &mentions,
            reference,
            &paragraphs,
            &vote_spans,
        );
        drafts::assign(
            &mut proposals,
            &mentions,
            reference,
            date.as_deref(),
            &mut ad_hoc,
        );
        add_targeted_paragraphs(&proposals, &mut paragraphs);
        let mut stances = stances;
        stances.extend(vote_stances::from_votes(
            text,
            &votes,
            &segments,
            &mentions,
            reference,
            &voted_texts,
        ));
        stances.extend(vote_stances::on_edits(text, &votes, &proposals));
        ad_hoc.extend(mentions.ad_hoc.clone());
        for (e, a) in voted_texts {
            ad_hoc.entry(e).or_insert(a);
        }
        let mut mentioned: BTreeSet<Entity> =
            mentions.items.iter().map(|m| m.entity.clone()).collect();
        for p in &proposals {
            mentioned.insert(p.proposer.clone());
        }
        for s in &stances {
            mentioned.insert(s.actor.clone());
        }
        for t in votes.iter().flat_map(|v| &v.on) {
            mentioned.insert(t.text().clone());
        }
        Self {
            source,
            document,
            paragraphs,
            citations,
            mentioned,
            ad_hoc,
            chairs,
            established,
            proposals,
            stances,
            votes,
        }
    }
}

/// Draft paragraphs a proposal targets exist even when no source quotes
/// them.
fn add_targeted_paragraphs(proposals: &[EditProposal], paragraphs: &mut Vec<ParagraphFact>) {
    // A set, not a scan per target: a long text has thousands of both.
    let mut have: BTreeSet<(String, u32)> = paragraphs
        .iter()
        .map(|q| (q.document.clone(), q.number))
        .collect();
    for p in proposals {
        let Some(doc) = &p.document else { continue };
        for &n in &p.targets {
            if have.insert((doc.clone(), n)) {
                paragraphs.push(ParagraphFact {
                    document: doc.clone(),
                    number: n,
                    text: None,
                    section: None,
                    recommendation: None,
                    quoted: true,
                    span: None,
                });
            }
        }
    }
}
