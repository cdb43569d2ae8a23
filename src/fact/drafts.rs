//! Which draft an edit proposal is about, when the discourse did not say.
//!
//! A proposal with a paragraph number must point at a paragraph node, and a
//! paragraph belongs to a document. Reports often name the draft once ("On
//! Rev.2 of the draft report:") or never ("we propose to delete paragraph
//! 12"). A proposal without a document takes the draft the text named last
//! before it (or first after it); a text that names none discusses an
//! unnamed draft of the body and year it is about, which gets a key from
//! those two, so reports on the same session meet on one node.

use super::EditProposal;
use crate::mention::{AdHoc, Entity, Mentions};
use crate::reference::Reference;
use std::collections::BTreeMap;

/// Gives every proposal with target paragraphs a document, minting the
/// unnamed draft in `ad_hoc` when needed.
pub fn assign(
    proposals: &mut [EditProposal],
    mentions: &Mentions,
    reference: &Reference,
    date: Option<&str>,
    ad_hoc: &mut BTreeMap<Entity, AdHoc>,
) {
    let is_draft = |d: &str| {
        reference.document(d).is_some_and(|doc| doc.is_draft())
            || mentions
                .ad_hoc
                .contains_key(&Entity::Document(d.to_string()))
    };
    let drafts: Vec<(usize, String)> = mentions
        .items
        .iter()
        .filter_map(|m| match &m.entity {
            Entity::Document(d) if is_draft(d) => Some((m.span.start, d.clone())),
            _ => None,
        })
        .collect();
    for p in proposals.iter_mut() {
        if p.document.is_some() || p.targets.is_empty() {
            continue;
        }
        let named = drafts
            .iter()
            .rev()
            .find(|(at, _)| *at <= p.evidence.start)
            .or_else(|| drafts.first())
            .map(|(_, d)| d.clone());
        p.document = Some(named.unwrap_or_else(|| unnamed(mentions, reference, date, ad_hoc)));
    }
}

/// The unnamed draft of the body the text is about (the body it names most,
/// the earliest named on a tie) in the text's year.
fn unnamed(
    mentions: &Mentions,
    reference: &Reference,
    date: Option<&str>,
    ad_hoc: &mut BTreeMap<Entity, AdHoc>,
) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, m) in mentions.items.iter().enumerate() {
        if let Entity::Body(b) = &m.entity {
            let e = counts.entry(b.as_str()).or_insert((0, i));
            e.0 += 1;
        }
    }
    let body = counts
        .iter()
        .max_by(|a, b| {
            (a.1 .0, std::cmp::Reverse(a.1 .1)).cmp(&(b.1 .0, std::cmp::Reverse(b.1 .1)))
        })
        .map(|(b, _)| b.to_string());
    let year = date.filter(|d| d.len() >= 4).map(|d| d[..4].to_string());
    let mut parts: Vec<String> = Vec::new();
    parts.extend(body.clone());
    parts.extend(year.clone());
    parts.push("draft-under-discussion".into());
    let slug = parts.join("-");
    let body_name = body
        .as_deref()
        .and_then(|b| reference.bodies.iter().find(|x| x.slug == b))
        .map(|b| b.name.clone());
    let label = match (body_name, year) {
        (Some(b), Some(y)) => format!("Draft under discussion in the {b}, {y}"),
        (Some(b), None) => format!("Draft under discussion in the {b}"),
        (None, Some(y)) => format!("Draft under discussion, {y}"),
        (None, None) => "Draft under discussion".to_string(),
    };
    ad_hoc
        .entry(Entity::Document(slug.clone()))
        .or_insert(AdHoc {
            label,
            symbol: None,
        });
    slug
}
