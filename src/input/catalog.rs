//! `catalog.csv`: the metadata of the reports of one folder.
//!
//! A catalog is read whole or refused: a catalog that is there but cannot be
//! read, a row naming a file that is not there, two rows describing one file
//! differently, or a date that is no date are errors naming the line,
//! because a catalog read in part silently drops titles and dates. Spreadsheet
//! habits are read right: a byte-order mark, CRLF line ends, padded cells.

use super::{kind::Kind, InputError};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The catalog file looked for beside the reports.
pub const CATALOG_FILE: &str = "catalog.csv";

/// One row of `catalog.csv`. Only `file` is required.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
pub struct CatalogEntry {
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    /// ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// "report", "meeting-report", "analysis", "news", …
    #[serde(default)]
    pub kind: Option<String>,
    /// Slug of the document the file is a copy of (reference `documents.csv`).
    #[serde(default)]
    pub document: Option<String>,
    /// Where the text was taken from (a URL).
    #[serde(default)]
    pub source: Option<String>,
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` naming a real month and day.
pub fn is_valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&num(m)),
        [y, m, day] => {
            if !(digits(y, 4) && digits(m, 2) && digits(day, 2)) {
                return false;
            }
            let (year, month, day) = (num(y), num(m), num(day));
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        _ => false,
    }
}

/// Reads `catalog.csv` of a folder, if there is one: file name → (row, line).
pub fn read(dir: &Path) -> Result<BTreeMap<String, CatalogEntry>, InputError> {
    let path = dir.join(CATALOG_FILE);
    let mut out: BTreeMap<String, (CatalogEntry, u64)> = BTreeMap::new();
    match Kind::of(&path) {
        Kind::Missing => return Ok(BTreeMap::new()),
        Kind::File => {}
        other => {
            return Err(InputError::NotText {
                why: other.why_not_text(&path),
                path,
            })
        }
    }
    let text = super::read_utf8(&path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let error = |line: u64, message: String| InputError::Catalog {
        path: path.clone(),
        line,
        message,
    };
    let headers = rdr.headers().map_err(|e| error(1, e.to_string()))?.clone();
    for record in rdr.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            error(line, e.to_string())
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let mut entry: CatalogEntry = record
            .deserialize(Some(&headers))
            .map_err(|e| error(line, e.to_string()))?;
        blank_to_none(&mut entry);
        if let Some(d) = entry.date.as_deref().filter(|d| !is_valid_date(d)) {
            return Err(error(
                line,
                format!("date {d:?} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
            ));
        }
        if Kind::of(&dir.join(&entry.file)) == Kind::Missing {
            return Err(InputError::CatalogMissingFile {
                path: path.clone(),
                line,
                file: entry.file,
                dir: dir.to_owned(),
            });
        }
        match out.get(&entry.file) {
            Some((first, _)) if *first == entry => {}
            Some((_, first_line)) => {
                return Err(error(
                    line,
                    format!(
                        "{} is described differently on line {first_line}; keep one row per file",
                        entry.file
                    ),
                ))
            }
            None => {
                out.insert(entry.file.clone(), (entry, line));
            }
        }
    }
    Ok(out.into_iter().map(|(k, (e, _))| (k, e)).collect())
}

/// Empty cells mean "not given".
fn blank_to_none(e: &mut CatalogEntry) {
    for field in [
        &mut e.title,
        &mut e.date,
        &mut e.publisher,
        &mut e.kind,
        &mut e.document,
        &mut e.source,
    ] {
        if field.as_deref().is_some_and(str::is_empty) {
            *field = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_name_real_days() {
        for ok in ["2021", "2021-03", "2021-03-12", "2024-02-29"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in [
            "2021-13-45",
            "2023-02-29",
            "2021-00",
            "21-03-12",
            "March 2021",
            "2021-3-1",
        ] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }
}
