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

/// How many opening blocks may hold the title, and how far after the genre
/// word the speaker may be named ("Statement by / Mr. X / First Counselor /
/// Permanent Mission of Ruritania").
const TITLE_BLOCKS: usize = 6;
const TITLE_REACH: usize = 300;
/// Words a title may put before its genre word ("EU", "Joint", "National").
const MAX_LEAD_WORDS: usize = 3;
/// A title line is short.
const MAX_TITLE: usize = 400;

impl<'a> Extractor<'a> {
    /// The actor a title says is speaking, when the text opens with one (a
    /// genre word such as "Statement", then a state or group named soon
    /// after; "on behalf of" gives the group, voiced by the speaker).
    pub(super) fn author_of(&self, segments: &Segments) -> Option<Holder> {
        let text = self.text;
        let title = segments
            .blocks
            .iter()
            .take(TITLE_BLOCKS)
            .filter(|b| !matches!(b.kind, BlockKind::Quote { .. }));
        for block in title {
            let genre = self
                .finder
                .find(text, block.span, &[CueKind::AuthoredGenre]);
            // A title names its genre up front and is short: "Statement by
            // …", "EU Statement – …", not "delegations made comments on …".
            let Some(first) = genre.first() else {
                continue;
            };
            let lead = &text[block.span.start..first.span.start];
            if lead.split_whitespace().count() > MAX_LEAD_WORDS
                || block.span.of(text).len() > MAX_TITLE
            {
                continue;
            }
            let mut end = (first.span.start + TITLE_REACH).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            return self.title_actors(Span::new(first.span.start, end));
        }
        None
    }

    fn title_actors(&self, span: Span) -> Option<Holder> {
        let actors = self.actors_in(span, &[]);
        let Some(first) = actors.first() else {
            return self.title_demonym(span);
        };
        // "on behalf of" counts on the title's own line: a first sentence
        // "X aligns itself with the statement made on behalf of ASEAN" is
        // not the title.
        let line_end = self.text[first.span.end..span.end]
            .find('\n')
            .map_or(span.end, |i| first.span.end + i);
        let behalf = self
            .apply_on_behalf(
                Span::new(span.start, line_end),
                &[],
                vec![Holder::own(first.entity.clone())],
            )
            .into_iter()
            .next()?;
        Some(behalf)
    }

    /// The state whose demonym the title uses first ("the Russian
    /// interagency delegation").
    fn title_demonym(&self, span: Span) -> Option<Holder> {
        let title = span.of(self.text);
        self.demonyms
            .iter()
            .filter(|(d, _)| d.chars().count() >= 4)
            .filter_map(|(d, e)| {
                title.match_indices(d.as_str()).find_map(|(at, _)| {
                    let before = title[..at].chars().next_back();
                    let after = title[at + d.len()..].chars().next();
                    let word = !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric);
                    word.then_some((at, e))
                })
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, e)| Holder::own(e.clone()))
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
