//! Persons who speak for a state, and their later mentions.
//!
//! Press reports introduce a speaker once with the state they represent
//! ("Ghana's delegate, Ms. Ama Mensah, said …", "Mr. Ito, the
//! representative of Japan, …", "the Chilean envoy, Mr. Rojas, …") and then
//! name them alone ("Mensah added …"). Each later mention of the name is a
//! mention of that state (`MentionKind::Speaker`), so the discourse reader
//! finds the holder of what they say without knowing about persons.

use super::{Entity, Mention, MentionKind};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Between a state (or "the Kenyan delegate") and the person it introduces:
/// "Ghana's delegate, Ms. ", "The Philippines' ambassador, ", ", ".
static STATE_THEN_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:['’]s?\s+(?:[\p{L}\-]+\s+){0,4}?[\p{L}\-]+)?\s*,\s*(?:[\p{Lu}][\p{L}.]*\s+)?$")
        .unwrap()
});
/// Between a person and the state after it: ", the representative of ",
/// ", Permanent Representative of ", " of ", " (".
static PERSON_THEN_STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:the\s+)?(?:[\p{L}\-]+\s+){0,4}?(?:of|for)\s+(?:the\s+)?|\s+of\s+(?:the\s+)?|\s*\(\s*)$")
        .unwrap()
});
/// How far apart the state and the person may stand.
const REACH: usize = 80;

/// A state's mentions for the later mentions of its speakers' names.
/// `items` are all other mentions (any order).
pub(super) fn find(text: &str, items: &[Mention]) -> Vec<Mention> {
    let mut sorted: Vec<&Mention> = items.iter().collect();
    sorted.sort_by_key(|m| (m.span.start, m.span.end));
    let mut speakers: Vec<(String, Entity, usize)> = Vec::new();
    for (i, p) in sorted.iter().enumerate() {
        if p.kind != MentionKind::Titled || !matches!(p.entity, Entity::Person(_)) {
            continue;
        }
        let Some(state) = state_of(text, &sorted, i) else {
            continue;
        };
        let Some(surname) = p.span.of(text).split_whitespace().last() else {
            continue;
        };
        if surname.chars().count() >= 3 {
            speakers.push((surname.to_string(), state, p.span.end));
        }
    }
    let mut out = Vec::new();
    for (surname, state, from) in speakers {
        let re = Regex::new(&format!(r"\b{}\b", regex::escape(&surname))).expect("escaped name");
        for m in re.find_iter(&text[from..]) {
            let span = Span::new(from + m.start(), from + m.end());
            let covered = sorted
                .iter()
                .any(|x| x.span.start < span.end && span.start < x.span.end);
            if !covered {
                out.push(Mention {
                    span,
                    entity: state.clone(),
                    kind: MentionKind::Speaker,
                    alternatives: Vec::new(),
                });
            }
        }
    }
    out
}

/// The state a titled person is introduced with, right before or after
/// them in the same stretch of text.
fn state_of(text: &str, sorted: &[&Mention], i: usize) -> Option<Entity> {
    let p = sorted[i];
    let is_state = |m: &Mention| matches!(m.entity, Entity::State(_));
    if let Some(s) = sorted[..i].iter().rev().find(|m| is_state(m)) {
        let gap = &text[s.span.end..p.span.start];
        if gap.len() <= REACH && STATE_THEN_PERSON.is_match(gap) {
            return Some(s.entity.clone());
        }
    }
    if let Some(s) = sorted[i + 1..].iter().find(|m| is_state(m)) {
        let gap = &text[p.span.end..s.span.start];
        if gap.len() <= REACH && PERSON_THEN_STATE.is_match(gap) {
            return Some(s.entity.clone());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, words: &str, entity: Entity, kind: MentionKind) -> Mention {
        let at = text.find(words).unwrap();
        Mention {
            span: Span::new(at, at + words.len()),
            entity,
            kind,
            alternatives: Vec::new(),
        }
    }

    fn states_named(text: &str, state: &str, person: &str) -> Vec<String> {
        let items = [
            m(text, state, Entity::State("GHA".into()), MentionKind::Name),
            m(
                text,
                person,
                Entity::Person("p".into()),
                MentionKind::Titled,
            ),
        ];
        find(text, &items)
            .iter()
            .map(|x| x.span.of(text).to_string())
            .collect()
    }

    #[test]
    fn a_speaker_introduced_with_a_state_stands_for_it_later() {
        let t = "Ghana's delegate, Ms. Ama Mensah, spoke. Mensah added more. Later Mensah left.";
        assert_eq!(states_named(t, "Ghana", "Ama Mensah"), ["Mensah", "Mensah"]);
        let t = "Mr. Kofi Boateng, the representative of Ghana, spoke. Boateng added more.";
        assert_eq!(states_named(t, "Ghana", "Kofi Boateng"), ["Boateng"]);
    }

    #[test]
    fn a_person_merely_near_a_state_is_no_speaker() {
        let t = "Ghana hosted a workshop chaired by Ms. Ama Mensah. Mensah opened it.";
        assert!(states_named(t, "Ghana", "Ama Mensah").is_empty());
    }
}
