//! Specification of the Wikidata links: every QID given to a group, body,
//! person or resolution agrees with `tests/reference/wikidata_facts.csv`,
//! the checked-in extract of what the page each row cites says of it.
//!
//! A QID is an identifier that looks right whatever its digits, so it is
//! held to the same rule as resolution dates: no QID without a cited page
//! that names it, and a check that can be shown to fail on a corrupted copy.
//! States are left out: their items live in `states.csv` and are checked
//! against `sources.csv` in `record.rs`.

use super::bar;
use super::record::{is_url, persons, provenance, resolutions};
use serde::Deserialize;
use std::path::PathBuf;

/// An entity that may carry a Wikidata item, with the pages its row cites.
#[derive(Debug, Clone)]
struct Linked {
    kind: String,
    key: String,
    qid: String,
    cited: Vec<String>,
}

/// A row of the extract: what the page at `url` says `kind`/`key` is on
/// Wikidata.
#[derive(Debug, Clone, Deserialize)]
struct QidFact {
    kind: String,
    key: String,
    qid: String,
    url: String,
    statement: String,
}

fn linked() -> Vec<Linked> {
    let cited = |s: &str| bar(s).into_iter().map(String::from).collect();
    let from_sources = provenance()
        .into_iter()
        .filter(|p| p.kind != "state")
        .map(|p| Linked {
            cited: cited(&p.source),
            kind: p.kind,
            key: p.key,
            qid: p.qid,
        });
    let from_persons = persons().into_iter().map(|p| Linked {
        kind: "person".into(),
        cited: cited(&p.source),
        key: p.slug,
        qid: p.wikidata,
    });
    let from_resolutions = resolutions().into_iter().map(|r| Linked {
        kind: "resolution".into(),
        cited: cited(&r.source),
        key: r.key,
        qid: r.wikidata,
    });
    from_sources
        .chain(from_persons)
        .chain(from_resolutions)
        .collect()
}

fn facts() -> Vec<QidFact> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/wikidata_facts.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    super::parse_rows("wikidata_facts.csv", &text)
}

/// Every way the entities and the extract disagree, one sentence each: an
/// extract row for an unknown entity, without URL and statement, with a
/// QID the entity does not carry, or from a page the entity does not cite;
/// and an entity whose QID no extract row confirms.
fn disagreements(items: &[Linked], facts: &[QidFact]) -> Vec<String> {
    let mut out = Vec::new();
    for f in facts {
        let who = format!("{} {}", f.kind, f.key);
        let Some(item) = items.iter().find(|i| i.kind == f.kind && i.key == f.key) else {
            out.push(format!("extract names {who}, which no reference row has"));
            continue;
        };
        if !is_url(&f.url) || f.statement.is_empty() {
            out.push(format!("{who}: extract row needs a URL and a statement"));
        }
        if !f.statement.contains(&f.qid) {
            out.push(format!("{who}: the statement does not quote {}", f.qid));
        }
        if f.qid != item.qid {
            out.push(format!(
                "{who}: {} says {}, the reference data has {:?}",
                f.url, f.qid, item.qid
            ));
        }
        if !item.cited.contains(&f.url) {
            out.push(format!("{who}: {} is not among the row's sources", f.url));
        }
    }
    for item in items.iter().filter(|i| !i.qid.is_empty()) {
        let confirmed = facts
            .iter()
            .any(|f| f.kind == item.kind && f.key == item.key && f.qid == item.qid);
        if !confirmed {
            out.push(format!(
                "{} {}: {} is confirmed by no extract row",
                item.kind, item.key, item.qid
            ));
        }
    }
    out
}

#[test]
fn every_wikidata_item_agrees_with_the_checked_in_extract_of_its_source() {
    let found = disagreements(&linked(), &facts());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_qid_one_digit_off_is_caught() {
    let mut items = linked();
    let eu = items
        .iter_mut()
        .find(|i| i.kind == "group" && i.key == "EU")
        .unwrap();
    // Q459 is a different item; the European Union is Q458.
    eu.qid = "Q459".into();
    let found = disagreements(&items, &facts());
    assert!(
        found.iter().any(|d| d.starts_with("group EU: https://")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|d| d == "group EU: Q459 is confirmed by no extract row"),
        "{found:?}"
    );
}

#[test]
fn a_qid_whose_page_was_never_extracted_is_caught() {
    let facts: Vec<QidFact> = facts()
        .into_iter()
        .filter(|f| !(f.kind == "body" && f.key == "unga"))
        .collect();
    let found = disagreements(&linked(), &facts);
    assert_eq!(found, ["body unga: Q47423 is confirmed by no extract row"]);
}

#[test]
fn an_extract_row_from_a_page_the_entity_does_not_cite_is_caught() {
    let mut facts = facts();
    let au = facts
        .iter_mut()
        .find(|f| f.kind == "group" && f.key == "AU")
        .unwrap();
    au.url = "https://example.org/not-cited".into();
    let found = disagreements(&linked(), &facts);
    assert!(
        found
            .iter()
            .any(|d| d.starts_with("group AU: https://example.org/not-cited is not among")),
        "{found:?}"
    );
}

/// The links checked so far stay: a QID dropped from the data is noticed.
#[test]
fn the_confirmed_links_are_all_present() {
    let with_qid = linked().iter().filter(|i| !i.qid.is_empty()).count();
    assert!(with_qid >= 21, "only {with_qid} linked entities");
}
