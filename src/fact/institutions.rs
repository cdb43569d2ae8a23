//! Institutional facts a text states outright: which resolution established
//! a body ("the OEWG established by General Assembly resolution 73/27",
//! "resolution 75/240 established an Open-ended Working Group …") and who
//! chairs it ("the Chair of OEWG, Ambassador Lauber").

use super::{ChairFact, EstablishedFact};
use crate::mention::{Entity, Mention, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{Segments, Span};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// What may stand between a body and "established by …": punctuation and a
/// relative clause's auxiliary, nothing that could introduce another noun.
static BODY_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,()]*(?:(?:which|that)\s+)?(?:(?:was|were|has been|had been|is)\s+)?$")
        .unwrap()
});
/// Between the cue and the resolution: "General Assembly", "the UNGA" …
const MAX_CUE_TO_RESOLUTION: usize = 60;
/// Between a resolution and "which established": ", " / " ".
const MAX_RESOLUTION_TO_CUE: usize = 12;
/// Between "established" and the body: " an ", " the ".
const MAX_CUE_TO_BODY: usize = 8;

/// Every occurrence of some cue phrases in a text, at word boundaries,
/// found in one pass of an automaton over all of them and looked up per
/// sentence by binary search (searching each sentence for each cue costs a
/// searcher per sentence; searching the text once per cue costs a pass per
/// cue).
struct CueIndex {
    /// Sorted by start; at each start only the longest cue ("established
    /// by" over "established").
    hits: Vec<Span>,
}

/// The automaton of both cue kinds' phrases (established, then chair),
/// made once per build (`Reference::derived`): one pass over a text finds
/// the cues of both readers.
struct CueAutomaton {
    automaton: Option<AhoCorasick>,
    /// Patterns `[0, established)` are `established` cues, the rest chair
    /// cues.
    established: usize,
}

impl CueAutomaton {
    fn new(reference: &Reference) -> Self {
        let words = |kind| -> Vec<&str> {
            reference
                .cues
                .words(kind)
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect()
        };
        let mut cues = words(CueKind::Established);
        let established = cues.len();
        cues.extend(words(CueKind::Chair));
        Self {
            automaton: AhoCorasick::new(cues).ok(),
            established,
        }
    }
}

/// The cues of both institutional readers in one text.
pub struct InstitutionCues {
    established: CueIndex,
    chairs: CueIndex,
}

impl InstitutionCues {
    /// Every cue of `text`, in one pass of the automaton over it.
    pub fn new(text: &str, reference: &Reference) -> Self {
        let cues = reference.derived(CueAutomaton::new);
        let (mut established, mut chairs) = (Vec::new(), Vec::new());
        if let Some(ac) = &cues.automaton {
            // Each phrase's occurrences as `str::match_indices` gives them: an
            // occurrence overlapping the previous one of the same phrase is
            // skipped.
            let mut last_end = vec![0usize; ac.patterns_len()];
            for m in ac.find_overlapping_iter(text) {
                let (start, end) = (m.start(), m.end());
                let last = &mut last_end[m.pattern().as_usize()];
                if start < *last {
                    continue;
                }
                *last = end;
                let before_ok = !text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after_ok = !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if before_ok && after_ok {
                    let hits = if m.pattern().as_usize() < cues.established {
                        &mut established
                    } else {
                        &mut chairs
                    };
                    hits.push(Span::new(start, end));
                }
            }
        }
        Self {
            established: CueIndex::new(established),
            chairs: CueIndex::new(chairs),
        }
    }
}

impl CueIndex {
    fn new(mut hits: Vec<Span>) -> Self {
        hits.sort_by_key(|sp| (sp.start, std::cmp::Reverse(sp.end)));
        hits.dedup_by_key(|sp| sp.start);
        Self { hits }
    }

    /// The cues wholly inside `span`, in order.
    fn within(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let from = self.hits.partition_point(|h| h.start < span.start);
        self.hits[from..]
            .iter()
            .take_while(move |h| h.start < span.end)
            .filter(move |h| h.end <= span.end)
            .copied()
    }
}

fn is_body(m: &Mention) -> bool {
    matches!(m.entity, Entity::Body(_))
}
fn is_resolution(m: &Mention) -> bool {
    matches!(m.entity, Entity::Resolution(_))
}

/// Picks, among a body mention's readings, the one the reference data says
/// the resolution established ("OEWG … established pursuant to 75/240" is
/// the 2021-2025 group even in a text dated 2021-03).
fn disambiguate(body: &mut Mention, resolution: &Entity, reference: &Reference) {
    let Entity::Resolution(key) = resolution else {
        return;
    };
    let founded_by = |e: &Entity| match e {
        Entity::Body(slug) => reference
            .body(slug)
            .is_some_and(|b| b.established_by.iter().any(|r| r == key)),
        _ => false,
    };
    if founded_by(&body.entity) {
        return;
    }
    if let Some(alt) = body.alternatives.iter().find(|e| founded_by(e)).cloned() {
        let old = std::mem::replace(&mut body.entity, alt);
        body.alternatives.retain(|e| e != &body.entity);
        body.alternatives.push(old);
    }
}

/// The fact that mention `b` (a body) was established by mention `r` (a
/// resolution), after re-reading `b` in the light of `r`.
fn link(
    mentions: &mut Mentions,
    b: usize,
    r: usize,
    sentence: Span,
    reference: &Reference,
) -> EstablishedFact {
    let res = mentions.items[r].entity.clone();
    disambiguate(&mut mentions.items[b], &res, reference);
    EstablishedFact {
        body: mentions.items[b].entity.clone(),
        resolution: res,
        span: sentence,
    }
}

/// Establishment facts. Ambiguous body mentions are re-read in the light of
/// the resolution next to them, which is why `mentions` is mutable.
///
/// Every search is bounded: the sentence's mentions are found by binary
/// search, and around each cue only the mentions within the distances above
/// are looked at, so a long file or a run-on sentence costs linear time.
pub fn established(
    text: &str,
    segments: &Segments,
    mentions: &mut Mentions,
    reference: &Reference,
    cues: &InstitutionCues,
) -> Vec<EstablishedFact> {
    let cues = &cues.established;
    let mut out = Vec::new();
    for (_, sentence) in segments.sentences() {
        let range = mentions.range_within(sentence);
        for cue in cues.within(sentence) {
            let (body_before, res_after, res_before, body_after) = {
                let all = &mentions.items;
                let items = &all[range.clone()];
                // Mentions [..before) end before the cue, [after..) start after it.
                let before = range.start + items.partition_point(|m| m.span.end <= cue.start);
                let after = range.start + items.partition_point(|m| m.span.start < cue.end);
                let ahead = |limit: usize, pick: fn(&Mention) -> bool| {
                    (after..range.end)
                        .take_while(|&i| all[i].span.start - cue.end <= limit)
                        .find(|&i| pick(&all[i]))
                };
                let behind = |limit: usize, pick: fn(&Mention) -> bool| {
                    (range.start..before)
                        .rev()
                        .take_while(|&i| cue.start - all[i].span.end <= limit)
                        .find(|&i| pick(&all[i]))
                };
                // Only the mention right before the cue can be the body of
                // "Body established by": any other would leave a name in the
                // gap, which BODY_GAP refuses.
                let body_before =
                    (before > range.start && is_body(&all[before - 1])).then(|| before - 1);
                (
                    body_before,
                    ahead(MAX_CUE_TO_RESOLUTION, is_resolution),
                    behind(MAX_RESOLUTION_TO_CUE, is_resolution),
                    ahead(MAX_CUE_TO_BODY, is_body),
                )
            };
            // Body … established by … resolution R
            if let (Some(b), Some(r)) = (body_before, res_after) {
                let gap = &text[mentions.items[b].span.end..cue.start];
                if BODY_GAP.is_match(gap) && cue.of(text).contains(' ') {
                    out.push(link(mentions, b, r, sentence, reference));
                    continue;
                }
            }
            // Resolution R (, which) established (the) Body
            if let (Some(r), Some(b)) = (res_before, body_after) {
                let between = &text[cue.end..mentions.items[b].span.start];
                if between
                    .split_whitespace()
                    .all(|w| matches!(w, "an" | "a" | "the"))
                {
                    out.push(link(mentions, b, r, sentence, reference));
                }
            }
        }
    }
    out
}

/// Chair facts: a chair cue with a body and a person right beside it.
pub fn chairs(segments: &Segments, mentions: &Mentions, cues: &InstitutionCues) -> Vec<ChairFact> {
    const NEAR: usize = 40;
    let cues = &cues.chairs;
    let mut out = Vec::new();
    for (_, sentence) in segments.sentences() {
        let in_sentence = &mentions.items[mentions.range_within(sentence)];
        for cue in cues.within(sentence) {
            // Only mentions within NEAR of the cue matter.
            let from = in_sentence.partition_point(|m| m.span.end + NEAR < cue.start);
            let to = in_sentence.partition_point(|m| m.span.start <= cue.end + NEAR);
            let inside: Vec<&Mention> = in_sentence[from..to.max(from)].iter().collect();
            // A cue inside a mention ("Chair’s Summary") is part of a name.
            if inside
                .iter()
                .any(|m| m.span.start <= cue.start && cue.end <= m.span.end)
            {
                continue;
            }
            let distance = |m: &Mention| {
                if m.span.start >= cue.end {
                    m.span.start - cue.end
                } else {
                    cue.start.saturating_sub(m.span.end)
                }
            };
            let body = inside
                .iter()
                .filter(|m| matches!(m.entity, Entity::Body(_)) && distance(m) <= NEAR)
                .min_by_key(|m| distance(m));
            let person = inside
                .iter()
                .filter(|m| matches!(m.entity, Entity::Person(_)) && distance(m) <= NEAR)
                .min_by_key(|m| distance(m));
            if let (Some(b), Some(p)) = (body, person) {
                // No other actor between the cue and the person.
                let (lo, hi) = if p.span.start > cue.end {
                    (cue.end, p.span.start)
                } else {
                    (p.span.end, cue.start)
                };
                let blocked = inside
                    .iter()
                    .any(|m| m.span.start >= lo && m.span.end <= hi && m.entity.is_actor());
                if !blocked {
                    out.push(ChairFact {
                        person: p.entity.clone(),
                        body: b.entity.clone(),
                        span: sentence,
                    });
                }
            }
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SourceText;
    use crate::mention::Gazetteer;

    fn facts(text: &str, date: &str) -> (Vec<EstablishedFact>, Vec<ChairFact>) {
        let r = Reference::load().unwrap();
        let g = Gazetteer::new(&r);
        let src = SourceText::in_memory("t", text, date);
        let segs = Segments::new(text, &r);
        let mut m = Mentions::find(&src, &r, &g);
        let cues = InstitutionCues::new(text, &r);
        let e = established(text, &segs, &mut m, &r, &cues);
        let c = chairs(&segs, &m, &cues);
        (e, c)
    }

    fn pair(e: &EstablishedFact) -> (String, String) {
        (format!("{:?}", e.body), format!("{:?}", e.resolution))
    }

    #[test]
    fn body_established_by_resolution_in_either_order() {
        let (e, _) = facts(
            "The OEWG established by General Assembly resolution 73/27 met.",
            "2021-03",
        );
        assert_eq!(
            e.iter().map(pair).collect::<Vec<_>>(),
            [(
                "Body(\"oewg-2019-2021\")".into(),
                "Resolution(\"73-27\")".into()
            )]
        );
        let (e, _) = facts("Resolution 75/240 established an Open-ended Working Group on security of and in the use of information and communications technologies 2021-2025.", "2021-03");
        assert_eq!(
            e.iter().map(pair).collect::<Vec<_>>(),
            [(
                "Body(\"oewg-2021-2025\")".into(),
                "Resolution(\"75-240\")".into()
            )]
        );
    }

    #[test]
    fn an_ambiguous_name_is_read_in_the_light_of_its_founding_resolution() {
        // In March 2021 "the Open-Ended Working Group" alone is the old group,
        // but the one established pursuant to 75/240 is the new one.
        let (e, _) = facts("States noted the Open-Ended Working Group established pursuant to General Assembly resolution 75/240.", "2021-03");
        assert_eq!(pair(&e[0]).0, "Body(\"oewg-2021-2025\")");
    }

    #[test]
    fn citing_a_resolution_near_a_body_is_not_establishing() {
        let (e, _) = facts(
            "The OEWG noted General Assembly resolution 73/266 and the GGE reports.",
            "2021-03",
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn chair_named_beside_the_body() {
        let (_, c) = facts(
            "A seminar featured the Chair of OEWG, Ambassador Lauber, as a guest.",
            "2021-03",
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].person, Entity::Person("jurg-lauber".into()));
        assert_eq!(c[0].body, Entity::Body("oewg-2019-2021".into()));
    }

    #[test]
    fn opening_a_session_does_not_make_a_chair() {
        let (_, c) = facts(
            "The session of the OEWG was opened by Ambassador Jürg Lauber.",
            "2021-03",
        );
        assert!(c.is_empty(), "{c:?}");
    }
}
