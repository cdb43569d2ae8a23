//! Specification of the provenance check: every date, sponsor and vote total
//! in `resolutions.csv` agrees with `tests/reference/resolution_facts.csv`,
//! the checked-in extract of what the cited pages say, and every cited page
//! has its extract rows.
//!
//! The check is a function returning its findings so that a deliberately
//! corrupted copy of the data can show that it fails: a check that cannot
//! fail proves nothing.

use super::bar;
use super::record::{facts, is_url, resolutions, FactRow, ResolutionRow};
use std::collections::{BTreeMap, BTreeSet};

/// The fields an extract row can confirm, read from either side.
const FIELDS: [&str; 6] = [
    "date",
    "without_vote",
    "yes",
    "no",
    "abstain",
    "main_sponsor",
];

fn fact_field<'a>(f: &'a FactRow, field: &str) -> &'a str {
    match field {
        "date" => &f.date,
        "without_vote" => &f.without_vote,
        "yes" => &f.yes,
        "no" => &f.no,
        "abstain" => &f.abstain,
        _ => &f.main_sponsor,
    }
}

fn row_field<'a>(r: &'a ResolutionRow, field: &str) -> &'a str {
    match field {
        "date" => &r.date,
        "without_vote" => &r.without_vote,
        "yes" => &r.yes,
        "no" => &r.no,
        "abstain" => &r.abstain,
        _ => &r.main_sponsor,
    }
}

/// Every way `rows` and the extract `facts` disagree, one sentence each:
/// an extract row for an unknown symbol or without URL and statement, a
/// page saying something else than the row, a cited page without extract
/// rows (or the reverse), and a fact no extract row confirms.
pub(super) fn disagreements(rows: &[ResolutionRow], facts: &[FactRow]) -> Vec<String> {
    let mut out = Vec::new();
    let by_symbol: BTreeMap<&str, &ResolutionRow> =
        rows.iter().map(|r| (r.symbol.as_str(), r)).collect();
    for f in facts {
        let Some(r) = by_symbol.get(f.symbol.as_str()) else {
            out.push(format!(
                "extract names {} which resolutions.csv lacks",
                f.symbol
            ));
            continue;
        };
        if !is_url(&f.url) || f.statement.is_empty() {
            out.push(format!(
                "{}: extract row needs a URL and a statement",
                f.symbol
            ));
        }
        for field in FIELDS {
            let (said, ours) = (fact_field(f, field), row_field(r, field));
            if !said.is_empty() && said != ours {
                out.push(format!(
                    "{} {field}: {} says {said:?}, resolutions.csv has {ours:?}",
                    f.symbol, f.url
                ));
            }
        }
    }
    for r in rows {
        let mine: Vec<&FactRow> = facts.iter().filter(|f| f.symbol == r.symbol).collect();
        let cited: BTreeSet<&str> = bar(&r.source).into_iter().collect();
        let extracted: BTreeSet<&str> = mine.iter().map(|f| f.url.as_str()).collect();
        if cited != extracted {
            out.push(format!(
                "{}: cited pages {cited:?} and extract {extracted:?} differ",
                r.key
            ));
        }
        for field in FIELDS {
            let ours = row_field(r, field);
            if !ours.is_empty() && !mine.iter().any(|f| fact_field(f, field) == ours) {
                out.push(format!(
                    "{} {field} {ours:?} is confirmed by no source",
                    r.key
                ));
            }
        }
    }
    out
}

#[test]
fn every_resolution_fact_agrees_with_the_checked_in_extract_of_its_source() {
    let found = disagreements(&resolutions(), &facts());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_date_typed_differently_from_its_source_is_caught() {
    let mut rows = resolutions();
    let r = rows.iter_mut().find(|r| r.key == "60-45").unwrap();
    // One day off (8 December 2005 is right): a slip made reading by eye.
    r.date = "2005-12-09".into();
    let found = disagreements(&rows, &facts());
    assert!(
        found.iter().any(|d| d.starts_with("60-45 date")),
        "{found:?}"
    );
}

#[test]
fn a_fact_whose_page_was_never_extracted_is_caught() {
    let rows = resolutions();
    let facts: Vec<FactRow> = facts()
        .into_iter()
        .filter(|f| f.symbol != "A/RES/73/187")
        .collect();
    let found = disagreements(&rows, &facts);
    for expected in ["73-187: cited pages", "73-187 date", "73-187 main_sponsor"] {
        assert!(
            found.iter().any(|d| d.starts_with(expected)),
            "{expected}: {found:?}"
        );
    }
}

#[test]
fn dates_recalled_by_later_resolutions_are_recorded() {
    let rows = resolutions();
    let date = |key: &str| {
        rows.iter()
            .find(|r| r.key == key)
            .map(|r| r.date.clone())
            .unwrap_or_else(|| panic!("resolution {key}"))
    };
    // The first text on the item, the one that founded the first GGE, and
    // the first on the cybercrime track.
    assert_eq!(date("53-70"), "1998-12-04");
    assert_eq!(date("58-32"), "2003-12-08");
    assert_eq!(date("73-187"), "2018-12-17");
}
