//! Institutional facts a text states outright: which resolution established
//! a body ("the OEWG established by General Assembly resolution 73/27",
//! "resolution 75/240 established an Open-ended Working Group …") and who
//! chairs it ("the Chair of OEWG, Ambassador Lauber").

use super::{ChairFact, EstablishedFact};
use crate::mention::{Entity, Mention, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{Segments, Span};
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

/// Occurrences of cue phrases in `s`, at word boundaries, as absolute spans.
fn cue_spans(text: &str, span: Span, cues: &[&str]) -> Vec<(Span, String)> {
    let s = span.of(text);
    let mut out = Vec::new();
    for cue in cues {
        let mut from = 0;
        while let Some(i) = s[from..].find(cue) {
            let start = from + i;
            let end = start + cue.len();
            let before_ok = !s[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after_ok = !s[end..].chars().next().is_some_and(char::is_alphanumeric);
            if before_ok && after_ok {
                out.push((
                    Span::new(span.start + start, span.start + end),
                    cue.to_string(),
                ));
            }
            from = end;
        }
    }
    // Prefer the longest cue at a position ("established by" over "established").
    out.sort_by_key(|(sp, _)| (sp.start, std::cmp::Reverse(sp.end)));
    out.dedup_by_key(|(sp, _)| sp.start);
    out
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
pub fn established(
    text: &str,
    segments: &Segments,
    mentions: &mut Mentions,
    reference: &Reference,
) -> Vec<EstablishedFact> {
    let cues = reference.cues.words(CueKind::Established);
    let mut out = Vec::new();
    for (_, sentence) in segments.sentences() {
        for (cue, _) in cue_spans(text, sentence, &cues) {
            let idx: Vec<usize> = (0..mentions.items.len())
                .filter(|&i| sentence.contains(mentions.items[i].span))
                .collect();
            // Body … established by … resolution R
            let body_before = idx
                .iter()
                .rev()
                .find(|&&i| mentions.items[i].span.end <= cue.start && is_body(&mentions.items[i]))
                .copied();
            let res_after = idx
                .iter()
                .find(|&&i| {
                    mentions.items[i].span.start >= cue.end && is_resolution(&mentions.items[i])
                })
                .copied();
            if let (Some(b), Some(r)) = (body_before, res_after) {
                let gap = &text[mentions.items[b].span.end..cue.start];
                let reach = mentions.items[r].span.start - cue.end;
                let cue_text = cue.of(text);
                if BODY_GAP.is_match(gap)
                    && reach <= MAX_CUE_TO_RESOLUTION
                    && cue_text.contains(' ')
                {
                    out.push(link(mentions, b, r, sentence, reference));
                    continue;
                }
            }
            // Resolution R (, which) established (the) Body
            let res_before = idx
                .iter()
                .rev()
                .find(|&&i| {
                    mentions.items[i].span.end <= cue.start && is_resolution(&mentions.items[i])
                })
                .copied();
            let body_after = idx
                .iter()
                .find(|&&i| mentions.items[i].span.start >= cue.end && is_body(&mentions.items[i]))
                .copied();
            if let (Some(r), Some(b)) = (res_before, body_after) {
                let before = cue.start - mentions.items[r].span.end;
                let after = mentions.items[b].span.start - cue.end;
                let between = &text[cue.end..mentions.items[b].span.start];
                if before <= MAX_RESOLUTION_TO_CUE
                    && after <= MAX_CUE_TO_BODY
                    && between
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
pub fn chairs(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
) -> Vec<ChairFact> {
    const NEAR: usize = 40;
    let cues = reference.cues.words(CueKind::Chair);
    let mut out = Vec::new();
    for (_, sentence) in segments.sentences() {
        let inside: Vec<&Mention> = mentions.within(sentence).collect();
        for (cue, _) in cue_spans(text, sentence, &cues) {
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
        let e = established(text, &segs, &mut m, &r);
        let c = chairs(text, &segs, &m, &r);
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
