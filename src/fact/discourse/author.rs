//! The author of a first-person text.
//!
//! National statements and explanations of vote name their speaker once, in
//! the title ("Statement by the representative of Ruritania at …", "EU
//! Statement – …", "Remarks on behalf of the African Group"), and then say
//! "we", "our delegation", "we cannot accept paragraph 12". Every position
//! such a text states without naming another holder is its author's. A
//! joint statement has several authors: the states it lists near the top
//! ("on behalf of Peru, Chile and Fiji"), each holding every "we".

use super::context::Holder;
use super::cues::Hit;
use super::Extractor;
use crate::mention::Entity;
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
/// How many opening blocks may list a joint statement's signatories, and
/// how long the lead before the list may be ("the following States:").
const SIGNATORY_BLOCKS: usize = 10;
const MAX_LIST_LEAD: usize = 40;

impl<'a> Extractor<'a> {
    /// Who holds the positions a first-person text states: the signatories
    /// of a joint statement, else the actor its title names.
    pub(super) fn authors_of(&self, segments: &Segments) -> Vec<Holder> {
        let speaker = self
            .author_of(segments)
            .or_else(|| self.interviewee(segments));
        match self.signatories(segments, speaker.as_ref()) {
            Some(joint) => joint,
            None => speaker.into_iter().collect(),
        }
    }

    /// A joint statement lists its signatories near the top ("I have the
    /// honour to speak on behalf of Peru, Chile and Fiji", "on behalf of
    /// the following States: …"): each holds the text's "we", voiced by the
    /// title's speaker. Only a list of two or more states counts; a group
    /// named first keeps the voice ("on behalf of the members of ASEAN:
    /// …"), and a line that names an actor before the cue ("Chile aligns
    /// itself with the statement made by Peru on behalf of …") or backs
    /// another's statement names no signatory.
    fn signatories(&self, segments: &Segments, speaker: Option<&Holder>) -> Option<Vec<Holder>> {
        let text = self.text;
        let blocks = segments
            .blocks
            .iter()
            .take(SIGNATORY_BLOCKS)
            .filter(|b| !matches!(b.kind, BlockKind::Quote { .. }));
        for block in blocks {
            let hits = self
                .finder
                .find(text, block.span, &[CueKind::OnBehalf, CueKind::Support]);
            for (k, hit) in hits.iter().enumerate() {
                // "I speak on behalf of …" names none before the cue; "the
                // statement made by Peru on behalf of …" is someone else's.
                let before = Span::new(block.span.start, hit.span.start);
                if hit.kind != CueKind::OnBehalf
                    || !hit.value.is_empty()
                    || hits[..k].iter().any(|h| h.kind == CueKind::Support)
                    || !self.actors_in(before, &[]).is_empty()
                {
                    continue;
                }
                let listed = self.listed_after(Span::new(hit.span.end, block.span.end));
                if listed.len() < 2 || !listed.iter().all(|e| matches!(e, Entity::State(_))) {
                    continue;
                }
                let voice = speaker.map(|h| h.voiced_by.clone().unwrap_or(h.actor.clone()));
                let holders = listed
                    .into_iter()
                    .map(|actor| Holder {
                        voiced_by: voice.clone().filter(|v| *v != actor),
                        actor,
                    })
                    .collect();
                return Some(holders);
            }
        }
        None
    }

    /// The actors listed from the start of `span`: after a short lead
    /// ("the following States:"), the list "on behalf of" names
    /// (`represented`: names joined by commas and a final "and").
    fn listed_after(&self, span: Span) -> Vec<Entity> {
        let actors = self.actors_in(span, &[]);
        let Some(first) = actors.first() else {
            return Vec::new();
        };
        let lead = &self.text[span.start..first.span.start];
        if lead.len() > MAX_LIST_LEAD || lead.contains(['.', ';']) {
            return Vec::new();
        }
        let mut listed = self.represented(first, &actors).0;
        listed.dedup();
        listed
    }

    /// The actor a title says is speaking, when the text opens with one (a
    /// genre word such as "Statement", then a state or group named soon
    /// after; "on behalf of" gives the group, voiced by the speaker).
    fn author_of(&self, segments: &Segments) -> Option<Holder> {
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

    /// The state an interview's answers speak for. A transcript labels its
    /// questions ("Q:", "Journalist:", `question-label` rows of
    /// `cues.csv`) and introduces who answers before the first of them:
    /// "Costa Rica's head of delegation", "the Permanent Representative of
    /// Nepal" (an `interviewee-role` word next to the state). The answers'
    /// "we" is that state's.
    fn interviewee(&self, segments: &Segments) -> Option<Holder> {
        let text = self.text;
        let labels = self.finder.cues_of(CueKind::QuestionLabel);
        let is_question = |b: &&crate::segment::Block| {
            let line = b.span.of(text);
            line.split_once(':')
                .is_some_and(|(head, _)| labels.iter().any(|l| head.trim().eq_ignore_ascii_case(l)))
        };
        let questions: Vec<usize> = segments
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| is_question(b))
            .map(|(i, _)| i)
            .collect();
        let first = *questions.first()?;
        if questions.len() < 2 {
            return None;
        }
        let opening = Span::new(0, segments.blocks[first].span.start);
        let roles = self.finder.find(text, opening, &[CueKind::IntervieweeRole]);
        self.actors_in(opening, &[])
            .into_iter()
            .filter(|m| m.entity.is_state_or_group())
            .find(|m| {
                roles.iter().any(|r| {
                    let (a, b) = if r.span.start >= m.span.end {
                        (m.span.end, r.span.start)
                    } else if m.span.start >= r.span.end {
                        (r.span.end, m.span.start)
                    } else {
                        return false;
                    };
                    // "Costa Rica's Ambassador", "Representative of Nepal".
                    let gap = text[a..b].trim();
                    gap.len() <= 12 && !gap.contains(['.', ';', ','])
                })
            })
            .map(|m| Holder::own(m.entity.clone()))
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
        self.fixed
            .demonyms
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

    /// Whether the clause before `cue` (or the cue itself, "we welcome")
    /// speaks in the first person, or names no actor at all (in an
    /// authored text the author holds it).
    pub(super) fn is_first_person(&self, clause: Span, cue: Span) -> bool {
        // A cue may hold its own subject ("we welcome", "we urge").
        let opens_cue = |h: &Hit| h.span.start == cue.start && h.span.end <= cue.end;
        let before = Span::new(clause.start, cue.end);
        self.finder
            .find(self.text, before, &[CueKind::FirstPerson])
            .iter()
            .any(|h| h.span.end <= cue.start || opens_cue(h))
            || self.actors_in(clause, &[]).is_empty()
    }
}
