//! "The Working Group" after an Open-ended Working Group was named.
//!
//! Statements name the OEWG once in their title and then say "the Working
//! Group", "this Working Group" or "our Working Group". On its own the
//! phrase is ambiguous (two OEWGs, many working groups), so it is not a
//! gazetteer alias; after a mention of one OEWG it is that OEWG, the last
//! one named before it. Only the capitalised name counts: "thematic working
//! groups" are something else.

use super::{Entity, Mention, MentionKind};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// "the Working Group", "our Open-ended Working Group on …". Its word
/// boundaries are ASCII (every one sits next to an ASCII letter): Unicode
/// ones made the whole-text search fall back to the regex crate's slowest
/// engine on any text with a non-ASCII character.
static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[Tt]he|[Tt]his|[Oo]ur) (?:Open-ended |Open-Ended )?Working Group(?-u:\b)(?:\s+on(?-u:\b))?",
    )
    .unwrap()
});

/// Bodies whose short name is "the Working Group".
fn is_oewg(slug: &str) -> bool {
    slug.starts_with("oewg-")
}

/// Mentions of the last-named OEWG for each "the Working Group" that no
/// mention already covers. `items` need not be sorted.
pub(super) fn find(text: &str, items: &[Mention]) -> Vec<Mention> {
    let mut named: Vec<(usize, &Entity)> = items
        .iter()
        .filter(|m| matches!(&m.entity, Entity::Body(b) if is_oewg(b)))
        .map(|m| (m.span.end, &m.entity))
        .collect();
    named.sort_by_key(|x| x.0);
    let mut out = Vec::new();
    for m in SHORT.find_iter(text) {
        // "the Working Group on X" names a group of its own.
        if m.as_str().ends_with("on") {
            continue;
        }
        let span = Span::new(m.start(), m.end());
        if items
            .iter()
            .any(|x| x.span.start < span.end && span.start < x.span.end)
        {
            continue;
        }
        let last = named.partition_point(|x| x.0 <= span.start);
        let Some((_, entity)) = last.checked_sub(1).map(|i| named[i]) else {
            continue;
        };
        out.push(Mention {
            span,
            entity: entity.clone(),
            kind: MentionKind::Name,
            alternatives: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oewg(at: usize, len: usize, slug: &str) -> Mention {
        Mention {
            span: Span::new(at, at + len),
            entity: Entity::Body(slug.into()),
            kind: MentionKind::Name,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn the_working_group_is_the_last_oewg_named() {
        let text = "OEWG A met. OEWG B met. We thank the Working Group.";
        let items = [oewg(0, 6, "oewg-a"), oewg(12, 6, "oewg-b")];
        let got = find(text, &items);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].entity, Entity::Body("oewg-b".into()));
        assert_eq!(got[0].span.of(text), "the Working Group");
    }

    #[test]
    fn nothing_before_a_named_oewg_and_no_lower_case_or_other_groups() {
        let items = [oewg(60, 4, "oewg-a")];
        let text = "The Working Group on Data met, working groups met, and the OEWG.";
        assert!(find(text, &items).is_empty());
        let text = "OEWG. The thematic working groups met; the Working Group on Data too.";
        assert!(find(text, &[oewg(0, 4, "oewg-a")]).is_empty());
    }
}
