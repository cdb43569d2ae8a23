//! Specification of the provenance check: every date, sponsor and vote total
//! in `resolutions.csv` agrees with `tests/reference/resolution_facts.csv`,
//! the checked-in extract of what the cited pages say, and every cited page
//! has its extract rows.
//!
//! The check is a function returning its findings so that a deliberately
//! corrupted copy of the data can show that it fails: a check that cannot
//! fail proves nothing.

use super::record::{is_url, resolutions, ResolutionRow};
use super::{bar, parse_rows};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// What a page can say of a resolution: the fields `resolutions.csv` and
/// its extract share, so that one can be checked against the other.
/// Flattened into both rows; the csv crate then types cells by their look
/// (`119` as a number), hence `text` on every field.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct Claims {
    #[serde(deserialize_with = "text")]
    pub(super) date: String,
    #[serde(deserialize_with = "text")]
    pub(super) without_vote: String,
    #[serde(deserialize_with = "text")]
    pub(super) yes: String,
    #[serde(deserialize_with = "text")]
    pub(super) no: String,
    #[serde(deserialize_with = "text")]
    pub(super) abstain: String,
    #[serde(deserialize_with = "text")]
    pub(super) main_sponsor: String,
}

/// A cell as the text it was written as, whatever type it looks like.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Cell;
    impl serde::de::Visitor<'_> for Cell {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a CSV cell")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    d.deserialize_any(Cell)
}

impl Claims {
    /// Each field by its column name.
    pub(super) fn fields(&self) -> [(&'static str, &str); 6] {
        [
            ("date", &self.date),
            ("without_vote", &self.without_vote),
            ("yes", &self.yes),
            ("no", &self.no),
            ("abstain", &self.abstain),
            ("main_sponsor", &self.main_sponsor),
        ]
    }
}

/// A row of the extract: what the page at `url` says of `symbol`.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct FactRow {
    pub(super) symbol: String,
    #[serde(flatten)]
    pub(super) claims: Claims,
    pub(super) url: String,
    pub(super) statement: String,
}

pub(super) fn facts() -> Vec<FactRow> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/resolution_facts.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    parse_rows("resolution_facts.csv", &text)
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
        for ((field, said), (_, ours)) in f.claims.fields().into_iter().zip(r.claims.fields()) {
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
        for (i, (field, ours)) in r.claims.fields().into_iter().enumerate() {
            if !ours.is_empty() && !mine.iter().any(|f| f.claims.fields()[i].1 == ours) {
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
    r.claims.date = "2005-12-09".into();
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
            .map(|r| r.claims.date.clone())
            .unwrap_or_else(|| panic!("resolution {key}"))
    };
    // The first text on the item, the one that founded the first GGE, and
    // the first on the cybercrime track.
    assert_eq!(date("53-70"), "1998-12-04");
    assert_eq!(date("58-32"), "2003-12-08");
    assert_eq!(date("73-187"), "2018-12-17");
    // Annual texts the later preamble recalls with their dates.
    assert_eq!(date("63-37"), "2008-12-02");
    assert_eq!(date("64-25"), "2009-12-02");
    assert_eq!(date("69-28"), "2014-12-02");
    assert_eq!(date("71-28"), "2016-12-05");
}
