//! Input: finding the `.txt` reports, reading them as UTF-8 and attaching the
//! metadata of `catalog.csv`.
//!
//! Every failure here names the file (and line, where there is one): the
//! user's next step is to open that file.

pub mod rdf;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The catalog file looked for beside the reports.
pub const CATALOG_FILE: &str = "catalog.csv";

/// Why the inputs could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("input {0} does not exist")]
    NotFound(PathBuf),
    #[error("{path} is not a .txt file")]
    NotTxt { path: PathBuf },
    #[error(
        "{path}: line {line} is not valid UTF-8 (byte offset {offset}); save the file as UTF-8"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{0} is empty; a report needs some text")]
    Empty(PathBuf),
    #[error("folder {0} holds no .txt file")]
    NoText(PathBuf),
    #[error("{path}: line {line}: {message}")]
    Catalog {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path}: line {line} names {file}, which is not in {dir}")]
    CatalogMissingFile {
        path: PathBuf,
        line: u64,
        file: String,
        dir: PathBuf,
    },
    #[error(
        "two inputs share the file stem {stem} ({first} and {second}); source IRIs must be unique"
    )]
    DuplicateStem {
        stem: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One row of `catalog.csv`. Only `file` is required.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
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

/// A report read from disk.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// File name without `.txt`: the `id:source/{stem}` and graph name.
    pub stem: String,
    pub path: PathBuf,
    pub text: String,
    pub meta: CatalogEntry,
}

impl SourceText {
    /// A source held in memory (tests, benchmarks, callers embedding the
    /// library): `stem` names it, `date` (ISO) dates it.
    pub fn in_memory(stem: &str, text: &str, date: &str) -> Self {
        Self {
            stem: stem.into(),
            path: format!("{stem}.txt").into(),
            text: text.into(),
            meta: CatalogEntry {
                file: format!("{stem}.txt"),
                date: Some(date.into()),
                ..Default::default()
            },
        }
    }

    /// The year of the text, from the catalog date or, failing that, a
    /// leading `YYYY` in the file name.
    pub fn date(&self) -> Option<String> {
        if let Some(d) = self.meta.date.as_ref().filter(|d| !d.is_empty()) {
            return Some(d.clone());
        }
        let digits: String = self.stem.chars().take(4).collect();
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
    }
}

/// Reads one file as a UTF-8 report.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = fs::read(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        InputError::NotUtf8 {
            path: path.to_owned(),
            line,
            offset,
        }
    })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty(path.to_owned()));
    }
    Ok(text)
}

/// Reads `catalog.csv` of a folder, if it exists, checking that every row
/// names a file that is there.
pub fn read_catalog(dir: &Path) -> Result<BTreeMap<String, CatalogEntry>, InputError> {
    let path = dir.join(CATALOG_FILE);
    let mut out = BTreeMap::new();
    if !path.is_file() {
        return Ok(out);
    }
    let text = read_text(&path)?;
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    for row in rdr.deserialize::<CatalogEntry>() {
        let entry = row.map_err(|e| InputError::Catalog {
            path: path.clone(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            message: e.to_string(),
        })?;
        let line = out.len() as u64 + 2;
        if !dir.join(&entry.file).is_file() {
            return Err(InputError::CatalogMissingFile {
                path: path.clone(),
                line,
                file: entry.file,
                dir: dir.to_owned(),
            });
        }
        out.insert(entry.file.clone(), entry);
    }
    Ok(out)
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

/// Expands the inputs (files and folders) into the reports they name, sorted
/// by file stem so that the same inputs always give the same order.
pub fn collect(inputs: &[PathBuf]) -> Result<Vec<SourceText>, InputError> {
    let mut files: Vec<(PathBuf, CatalogEntry)> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let catalog = read_catalog(input)?;
            let mut found: Vec<PathBuf> = fs::read_dir(input)
                .map_err(|source| InputError::Io {
                    path: input.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && is_txt(p))
                .collect();
            if found.is_empty() {
                return Err(InputError::NoText(input.clone()));
            }
            found.sort();
            for p in found {
                let name = file_name(&p);
                let meta = catalog.get(&name).cloned().unwrap_or_else(|| CatalogEntry {
                    file: name.clone(),
                    ..Default::default()
                });
                files.push((p, meta));
            }
        } else if input.is_file() {
            if !is_txt(input) {
                return Err(InputError::NotTxt {
                    path: input.clone(),
                });
            }
            let dir = input.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let catalog = read_catalog(dir)?;
            let name = file_name(input);
            let meta = catalog.get(&name).cloned().unwrap_or_else(|| CatalogEntry {
                file: name.clone(),
                ..Default::default()
            });
            files.push((input.clone(), meta));
        } else {
            return Err(InputError::NotFound(input.clone()));
        }
    }
    let mut by_stem: BTreeMap<String, SourceText> = BTreeMap::new();
    for (path, meta) in files {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(prev) = by_stem.get(&stem) {
            if prev.path == path {
                continue;
            }
            return Err(InputError::DuplicateStem {
                stem,
                first: prev.path.clone(),
                second: path,
            });
        }
        let text = read_text(&path)?;
        by_stem.insert(
            stem.clone(),
            SourceText {
                stem,
                path,
                text,
                meta,
            },
        );
    }
    Ok(by_stem.into_values().collect())
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn rejects_non_utf8_naming_the_line() {
        let d = dir();
        let p = d.path().join("bad.txt");
        fs::write(&p, b"fine line\nbad \xff byte\n").unwrap();
        let err = read_text(&p).unwrap_err().to_string();
        assert!(err.contains("bad.txt") && err.contains("line 2"), "{err}");
    }

    #[test]
    fn rejects_empty_and_blank_files() {
        let d = dir();
        let p = d.path().join("empty.txt");
        fs::write(&p, " \n\n").unwrap();
        assert!(matches!(read_text(&p), Err(InputError::Empty(_))));
    }

    #[test]
    fn folder_without_txt_is_an_error() {
        let d = dir();
        fs::write(d.path().join("notes.md"), "x").unwrap();
        let err = collect(&[d.path().to_owned()]).unwrap_err();
        assert!(matches!(err, InputError::NoText(_)));
    }

    #[test]
    fn catalog_row_naming_a_missing_file_is_an_error_with_its_line() {
        let d = dir();
        fs::write(d.path().join("a.txt"), "Some text.").unwrap();
        fs::write(
            d.path().join(CATALOG_FILE),
            "file,title\na.txt,A\nmissing.txt,M\n",
        )
        .unwrap();
        let err = collect(&[d.path().to_owned()]).unwrap_err().to_string();
        assert!(
            err.contains("line 3") && err.contains("missing.txt"),
            "{err}"
        );
    }

    #[test]
    fn files_without_catalog_rows_still_build_and_order_is_by_stem() {
        let d = dir();
        fs::write(d.path().join("b.txt"), "B text.").unwrap();
        fs::write(d.path().join("a.txt"), "A text.").unwrap();
        let got = collect(&[d.path().to_owned()]).unwrap();
        let stems: Vec<_> = got.iter().map(|s| s.stem.as_str()).collect();
        assert_eq!(stems, ["a", "b"]);
        assert_eq!(got[0].meta.title, None);
    }

    #[test]
    fn date_falls_back_to_the_file_name_year() {
        let s = SourceText {
            stem: "2024-07-x".into(),
            path: "x".into(),
            text: String::new(),
            meta: CatalogEntry::default(),
        };
        assert_eq!(s.date().as_deref(), Some("2024"));
    }
}
