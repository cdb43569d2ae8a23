//! Social-media handles of missions and delegations.
//!
//! Threads by journalists and analysts name states by their missions'
//! handles: "@NepalMissionUN backed it", "@Chile_UN wants it kept". A
//! handle whose leading words (split at capitals, digits and underscores)
//! are a state's or group's name, as the gazetteer knows it, is a mention
//! of that state; the words after the name ("Mission", "UN", "NY") say
//! which office and are not looked at, so no list of them is kept. Other
//! handles (a journalist's own, "@lena_dipl") are no mention.

use super::gazetteer::Gazetteer;
use super::{Mention, MentionKind};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A handle: "@" after a space or the start, then a word.
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(\[])@([A-Za-z][A-Za-z0-9_]{1,30})").unwrap());

/// The handle's words: "IndiaUNNewYork" → India, UN, New, York; "USUN" →
/// US, UN; "Chile_UN" → Chile, UN.
fn words(handle: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in handle.split(['_', '-']).filter(|p| !p.is_empty()) {
        let chars: Vec<char> = part.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let boundary = !cur.is_empty()
                && ((c.is_uppercase()
                    && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()))
                    || (c.is_uppercase() && next_lower && prev.is_some_and(char::is_uppercase))
                    || (c.is_ascii_digit() != prev.is_some_and(|p| p.is_ascii_digit())));
            if boundary {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    // An all-capital word ending in "UN" is a code and its office: "USUN".
    out.into_iter()
        .flat_map(|w| match w.strip_suffix("UN") {
            Some(code) if code.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) => {
                vec![code.to_string(), "UN".to_string()]
            }
            _ => vec![w],
        })
        .collect()
}

/// The mentions of states and groups that handles in `text` stand for.
pub fn find(text: &str, gazetteer: &Gazetteer, date: &str) -> Vec<Mention> {
    if !text.contains('@') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in HANDLE.captures_iter(text) {
        let name = c.get(1).expect("group");
        let ws = words(name.as_str());
        // The longest run of leading words that is one actor's whole name.
        let found = (1..=ws.len().min(5)).rev().find_map(|n| {
            let phrase = ws[..n].join(" ");
            let ms = gazetteer.find(&phrase, date);
            match ms.as_slice() {
                [m] if m.span.start == 0
                    && m.span.end == phrase.len()
                    && m.entity.is_state_or_group() =>
                {
                    Some(m.entity.clone())
                }
                _ => None,
            }
        });
        if let Some(entity) = found {
            out.push(Mention {
                span: Span::new(name.start() - 1, name.end()),
                entity,
                kind: MentionKind::Name,
                alternatives: Vec::new(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_splits_at_capitals_underscores_and_an_office_code() {
        assert_eq!(words("IndiaUNNewYork"), ["India", "UN", "New", "York"]);
        assert_eq!(words("Chile_UN"), ["Chile", "UN"]);
        assert_eq!(words("USUN"), ["US", "UN"]);
        assert_eq!(words("NZMissionUN"), ["NZ", "Mission", "UN"]);
        assert_eq!(words("lena_dipl"), ["lena", "dipl"]);
    }
}
