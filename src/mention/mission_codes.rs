//! Delegations named by country code in diplomatic cables and memos.
//!
//! A mission reporting home writes "IR DEL proposed deleting …", "RU and CN
//! DELs opposed", "USDEL supported": the ISO 3166-1 alpha-2 code of the
//! state (the reference's `iso2` column) or a short name the gazetteer
//! knows ("UK"), fused with or followed by "DEL". Only the code before
//! "DEL" is read: two capitals alone ("IT", "NO", "IN") are words or
//! abbreviations far more often than states.

use super::gazetteer::Gazetteer;
use super::{Mention, MentionKind};
use crate::mention::Entity;
use crate::reference::Reference;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Codes, in a list or alone, then "DEL", "DELS" or "DELEGATION(S)".
static DELEGATIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([A-Z]{2}(?:\s*,\s*[A-Z]{2})*(?:\s*,?\s+(?:and|AND|&)\s+[A-Z]{2})?)\s?(?:DEL[Ss]?|Dels?|DELEGATIONS?)\b",
    )
    .unwrap()
});

/// One code of a list.
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[A-Z]{2}\b").unwrap());

/// The state mentions that delegation codes in `text` stand for.
pub fn find(text: &str, reference: &Reference, gazetteer: &Gazetteer, date: &str) -> Vec<Mention> {
    if !text.contains("DEL") && !text.contains("Del") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in DELEGATIONS.captures_iter(text) {
        let list = c.get(1).expect("group");
        for code in CODE.find_iter(list.as_str()) {
            if let Some(entity) = state_of(code.as_str(), reference, gazetteer, date) {
                out.push(Mention {
                    span: Span::new(list.start() + code.start(), list.start() + code.end()),
                    entity,
                    kind: MentionKind::Name,
                    alternatives: Vec::new(),
                });
            }
        }
    }
    out
}

/// The state whose ISO code, or whose short name, `code` is.
fn state_of(
    code: &str,
    reference: &Reference,
    gazetteer: &Gazetteer,
    date: &str,
) -> Option<Entity> {
    if let Some(s) = reference.states.iter().find(|s| s.iso2 == code) {
        return Some(Entity::State(s.code.clone()));
    }
    match gazetteer.find(code, date).as_slice() {
        [m] if m.span == Span::new(0, code.len()) && matches!(m.entity, Entity::State(_)) => {
            Some(m.entity.clone())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        let r = Reference::load().unwrap();
        let g = Gazetteer::new(&r);
        find(text, &r, &g, "2025-07-09")
            .into_iter()
            .map(|m| match m.entity {
                Entity::State(c) => c,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_code_before_del_is_that_states_delegation() {
        assert_eq!(
            codes("2. PARA 8. CH DEL proposed deleting the last sentence."),
            ["CHE"]
        );
        assert_eq!(
            codes("ZA and KR DELs supported; NO DEL opposed."),
            ["ZAF", "KOR", "NOR"]
        );
        assert_eq!(
            codes("Supported by PE, CL and UY DELS."),
            ["PER", "CHL", "URY"]
        );
        assert_eq!(codes("USDEL and UK DEL took note."), ["USA", "GBR"]);
    }

    #[test]
    fn two_capitals_without_del_are_no_state() {
        assert!(codes("IT experts met; NO decision IN the plenary.").is_empty());
        assert!(codes("The DEL key; AB DEL is no state.").is_empty());
    }
}
