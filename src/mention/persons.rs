//! Persons introduced by a title ("Ambassador Jürg Lauber", "Ms Izumi
//! Nakamitsu"). Names the reference data knows resolve to their slug; others
//! become new persons keyed by a slug of their name.

use super::{AdHoc, Entity, Mention, MentionKind};
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// A title cue followed by a capitalised name (`None` without title cues),
/// compiled once per build.
struct TitledName(Option<Regex>);

impl TitledName {
    fn new(reference: &Reference) -> Self {
        let titles: Vec<String> = reference
            .cues
            .words(CueKind::PersonTitle)
            .into_iter()
            .map(regex::escape)
            .collect();
        if titles.is_empty() {
            return Self(None);
        }
        let name = r"[\p{Lu}][\p{L}’'\-]+";
        Self(Some(
            Regex::new(&format!(
                r"\b(?:{})\s+(?P<name>{name}(?:\s+(?:(?:de|da|del|van|von|der|bin)\s+)?{name}){{0,3}})",
                titles.join("|")
            ))
            .expect("person regex"),
        ))
    }
}

/// Finds titled persons not already covered by `existing` mentions.
pub fn find_titled(
    text: &str,
    reference: &Reference,
    existing: &[Mention],
) -> Vec<(Mention, Option<AdHoc>)> {
    let titled = reference.derived(TitledName::new);
    let Some(re) = titled.0.as_ref() else {
        return Vec::new();
    };
    // Other mentions by start, with the furthest end reached so far: one
    // binary search tells whether a name overlaps any of them.
    let mut others: Vec<Span> = existing
        .iter()
        .filter(|m| !matches!(m.entity, Entity::Person(_)))
        .map(|m| m.span)
        .collect();
    others.sort();
    let furthest: Vec<usize> = others
        .iter()
        .scan(0, |end, s| {
            *end = (*end).max(s.end);
            Some(*end)
        })
        .collect();
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let n = c.name("name").unwrap();
        let span = Span::new(n.start(), n.end());
        let before = others.partition_point(|m| m.start < span.end);
        if before > 0 && furthest[before - 1] > span.start {
            continue;
        }
        let full = n.as_str();
        let known = reference
            .persons
            .iter()
            .find(|p| p.name == full || p.aliases.iter().any(|a| a == full));
        let (entity, adhoc) = match known {
            Some(p) => (Entity::Person(p.slug.clone()), None),
            None => (
                Entity::Person(slug(full)),
                Some(AdHoc {
                    label: full.to_string(),
                    symbol: None,
                }),
            ),
        };
        out.push((
            Mention {
                span,
                entity,
                kind: MentionKind::Titled,
                alternatives: Vec::new(),
            },
            adhoc,
        ));
    }
    out
}

/// A lower-case ASCII slug: "Jürg Lauber" → "jurg-lauber", "A/70/174" →
/// "a-70-174". Used for every key minted from a name or symbol.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for ch in name.nfd().filter(|c| c.is_ascii()) {
        if ch.is_ascii_alphanumeric() {
            s.push(ch.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_accents() {
        assert_eq!(slug("Jürg Lauber"), "jurg-lauber");
        assert_eq!(
            slug("Guilherme de Aguiar Patriota"),
            "guilherme-de-aguiar-patriota"
        );
    }

    #[test]
    fn titled_unknown_person_becomes_new_and_known_resolves() {
        let r = Reference::load().unwrap();
        let t = "opened by Ambassador Jürg Lauber and by Ms Ana Pereira of Brazil.";
        let got: Vec<_> = find_titled(t, &r, &[])
            .into_iter()
            .map(|(m, a)| (m.entity, a.map(|a| a.label)))
            .collect();
        assert_eq!(
            got,
            [
                (Entity::Person("jurg-lauber".into()), None),
                (
                    Entity::Person("ana-pereira".into()),
                    Some("Ana Pereira".into())
                ),
            ]
        );
    }
}
