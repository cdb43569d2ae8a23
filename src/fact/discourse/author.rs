//! The author of a first-person text.
//!
//! National statements and explanations of vote name their speaker once, in
//! the title ("Statement by the representative of Ruritania at …", "EU
//! Statement – …", "Remarks on behalf of the African Group"), and then say
//! "we", "our delegation", "we cannot accept paragraph 12". Every position
//! such a text states without naming another holder is its author's.

use super::context::Holder;
use super::Extractor;
use crate::reference::CueKind;
use crate::segment::{BlockKind, Segments, Span};

/// How many opening blocks may hold the title.
const TITLE_BLOCKS: usize = 3;

impl<'a> Extractor<'a> {
    /// The actor a title line says is speaking, when the text opens with one
    /// (a genre word such as "Statement" and a state or group in the same
    /// line; "on behalf of" gives the group, voiced by the speaker).
    pub(super) fn author_of(&self, segments: &Segments) -> Option<Holder> {
        let text = self.text;
        for block in segments.blocks.iter().take(TITLE_BLOCKS) {
            if matches!(block.kind, BlockKind::Quote { .. }) {
                continue;
            }
            let genre = self
                .finder
                .find(text, block.span, &[CueKind::AuthoredGenre]);
            if genre.is_empty() {
                continue;
            }
            let holders = self.title_actors(block.span);
            if holders.is_some() {
                return holders;
            }
        }
        None
    }

    fn title_actors(&self, span: Span) -> Option<Holder> {
        let actors = self.actors_in(span, &[]);
        let first = actors.first()?;
        let behalf = self
            .apply_on_behalf(span, &[], vec![Holder::own(first.entity.clone())])
            .into_iter()
            .next()?;
        Some(behalf)
    }

    /// Whether the clause before `cue` speaks in the first person, or names
    /// no actor at all (in an authored text the author holds it).
    pub(super) fn is_first_person(&self, clause: Span, cue_start: usize) -> bool {
        let before = Span::new(clause.start, cue_start);
        !self
            .finder
            .find(self.text, before, &[CueKind::FirstPerson])
            .is_empty()
            || self.actors_in(clause, &[]).is_empty()
    }
}
