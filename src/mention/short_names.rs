//! "The Working Group" after an Open-ended Working Group was named.
//!
//! Statements name the OEWG once in their title and then say "the Working
//! Group", "this Working Group" or "our Working Group". On its own the
//! phrase is ambiguous (two OEWGs, many working groups), so it is not a
//! gazetteer alias; after a mention of one OEWG it is that OEWG, the last
//! one named before it. Only the capitalised name counts: "thematic working
//! groups" are something else.
//!
//! A group's statement likewise names it once ("the African Group") and
//! then says "the Group": that group, the last one named as a group before
//! it (not "the African Union"), unless
//! a Group of Governmental Experts was named since (then "the Group" is
//! most likely the GGE, no holder of positions).

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

/// "the Group", "The Group's": capitalised, and not "the Group of …".
static GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[Tt]he Group(?-u:\b)").unwrap());

/// Mentions of the last-named OEWG for each "the Working Group", and of
/// the last-named group of states for each "the Group", that no mention
/// already covers. `items` need not be sorted.
pub(super) fn find(text: &str, items: &[Mention]) -> Vec<Mention> {
    // Where each candidate referent's name ends; `None` for a name that
    // makes the short one ambiguous.
    let oewgs: Vec<(usize, Option<&Entity>)> = items
        .iter()
        .filter(|m| matches!(&m.entity, Entity::Body(b) if is_oewg(b)))
        .map(|m| (m.span.end, Some(&m.entity)))
        .collect();
    // "the Working Group on X" names a group of its own.
    let short = SHORT
        .find_iter(text)
        .filter(|m| !m.as_str().ends_with("on"))
        .map(|m| Span::new(m.start(), m.end()));
    let mut out = last_named(short, items, oewgs);
    if text.contains("he Group") {
        let groups: Vec<(usize, Option<&Entity>)> = items
            .iter()
            .filter_map(|m| match &m.entity {
                // Named as a group ("the African Group", "Group of 77"):
                // the African Union or ASEAN is not "the Group".
                Entity::Group(_) if m.span.of(text).to_lowercase().contains("group") => {
                    Some((m.span.end, Some(&m.entity)))
                }
                Entity::Body(b) if b.starts_with("gge") => Some((m.span.end, None)),
                _ => None,
            })
            .collect();
        let short = GROUP
            .find_iter(text)
            .filter(|m| !text[m.end()..].trim_start().starts_with("of "))
            .map(|m| Span::new(m.start(), m.end()));
        out.extend(last_named(short, items, groups));
    }
    out
}

/// A mention of the referent named last before each span that no mention
/// already covers (none when that referent is `None`).
fn last_named(
    spans: impl Iterator<Item = Span>,
    items: &[Mention],
    mut named: Vec<(usize, Option<&Entity>)>,
) -> Vec<Mention> {
    named.sort_by_key(|x| x.0);
    spans
        .filter(|span| {
            !items
                .iter()
                .any(|x| x.span.start < span.end && span.start < x.span.end)
        })
        .filter_map(|span| {
            let last = named.partition_point(|x| x.0 <= span.start);
            let (_, entity) = named[last.checked_sub(1)?];
            Some(Mention {
                span,
                entity: entity?.clone(),
                kind: MentionKind::Name,
                alternatives: Vec::new(),
            })
        })
        .collect()
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

    fn mention(at: usize, len: usize, entity: Entity) -> Mention {
        Mention {
            span: Span::new(at, at + len),
            entity,
            kind: MentionKind::Name,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn the_group_is_the_last_group_of_states_named_unless_a_gge_came_since() {
        let text = "The Arab Group met. The Group supports the fund.";
        let items = [mention(4, 10, Entity::Group("ARAB-GROUP".into()))];
        let got = find(text, &items);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].entity, Entity::Group("ARAB-GROUP".into()));
        assert_eq!(got[0].span.of(text), "The Group");
        let text = "The Arab Group met. The GGE met. The Group adopted a report.";
        let items = [
            mention(4, 10, Entity::Group("ARAB-GROUP".into())),
            mention(24, 3, Entity::Body("gge-2019-2021".into())),
        ];
        assert!(find(text, &items).is_empty());
        let text = "The Arab Group met. The Group of 77 spoke.";
        assert!(find(text, &items[..1]).is_empty());
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
