//! Input: finding the `.txt` reports, reading them as UTF-8 and attaching the
//! metadata of `catalog.csv`.
//!
//! Every failure here names the file (and line, where there is one): the
//! user's next step is to open that file. Nothing is skipped in silence: a
//! path given on the command line that is not a readable UTF-8 text file is
//! an error; a `.txt` entry of a folder that is not one (a dangling link, a
//! FIFO, an unreadable or non-UTF-8 file) is skipped with a warning naming
//! it, or refused with `--strict`.

mod catalog;
mod kind;

pub use catalog::{is_valid_date, CatalogEntry, CATALOG_FILE};
pub use kind::Kind;

pub mod rdf;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Why the inputs could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("input {0} does not exist")]
    NotFound(PathBuf),
    #[error("{path} is not a .txt file")]
    NotTxt { path: PathBuf },
    #[error("{path} is {why}")]
    NotText { path: PathBuf, why: String },
    #[error(
        "{path}: line {line} is not valid UTF-8 (byte offset {offset}); save the file as UTF-8"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{0} is empty (no visible character); a report needs some text")]
    Empty(PathBuf),
    #[error("folder {0} holds no readable .txt file")]
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

/// Characters that take no room on the page: zero-width spaces and joiners,
/// direction marks, the byte-order mark, the soft hyphen, and other format
/// controls (Unicode category Cf) that turn up in converted documents.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// True when a text has at least one character that shows.
pub fn has_visible_text(text: &str) -> bool {
    text.chars().any(|c| !is_invisible(c))
}

/// Reads a file that must be UTF-8, naming the line of the first bad byte.
fn read_utf8(path: &Path) -> Result<String, InputError> {
    let bytes = fs::read(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        // Line ends as the segmenter counts them: LF, CRLF or a lone CR.
        let line = before
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n')))
            .count()
            + 1;
        InputError::NotUtf8 {
            path: path.to_owned(),
            line,
            offset,
        }
    })
}

/// Reads one file as a UTF-8 report: it must be a regular file, valid UTF-8
/// and hold at least one visible character.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    match Kind::of(path) {
        Kind::File => {}
        Kind::Missing => return Err(InputError::NotFound(path.to_owned())),
        other => {
            return Err(InputError::NotText {
                why: other.why_not_text(path),
                path: path.to_owned(),
            })
        }
    }
    let text = read_utf8(path)?;
    if !has_visible_text(&text) {
        return Err(InputError::Empty(path.to_owned()));
    }
    Ok(text)
}

/// Reads `catalog.csv` of a folder, if it exists, checking that every row
/// names a file that is there.
pub fn read_catalog(dir: &Path) -> Result<BTreeMap<String, CatalogEntry>, InputError> {
    catalog::read(dir)
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

/// The reports found, and what was skipped (one line each, naming it).
#[derive(Debug, Default)]
pub struct Collected {
    pub sources: Vec<SourceText>,
    pub warnings: Vec<String>,
}

/// Expands the inputs (files and folders) into the reports they name, sorted
/// by file stem so that the same inputs always give the same order. Any
/// entry that cannot be read is an error.
pub fn collect(inputs: &[PathBuf]) -> Result<Vec<SourceText>, InputError> {
    gather(inputs, true).map(|c| c.sources)
}

/// Like [`collect`], but a `.txt` entry of a folder that is not a readable
/// UTF-8 text is skipped with a warning unless `strict`.
pub fn gather(inputs: &[PathBuf], strict: bool) -> Result<Collected, InputError> {
    let pending = plan(inputs)?;
    let mut folders = FolderCheck::default();
    let mut out = Collected::default();
    for p in pending {
        match p.read(strict)? {
            Ok(source) => {
                folders.note(&p, true);
                out.sources.push(source);
            }
            Err(warning) => {
                folders.note(&p, false);
                out.warnings.push(warning);
            }
        }
    }
    folders.check()?;
    Ok(out)
}

/// A report the inputs name, not read yet: a build reads each when it gets
/// to it, so a corpus never has to fit in memory.
#[derive(Debug, Clone)]
pub struct Pending {
    pub stem: String,
    pub path: PathBuf,
    pub meta: CatalogEntry,
    /// Found in a folder (rather than given by name): skipped with a
    /// warning, not refused, when it is no readable text.
    pub in_folder: bool,
    /// Its size on disk (for progress and batching; 0 when unknown).
    pub bytes: u64,
}

impl Pending {
    /// Reads the report. `Ok(Err(warning))` when it was skipped: a folder's
    /// entry that is no readable UTF-8 text, without `strict`.
    pub fn read(&self, strict: bool) -> Result<Result<SourceText, String>, InputError> {
        match read_text(&self.path) {
            Ok(text) => Ok(Ok(SourceText {
                stem: self.stem.clone(),
                path: self.path.clone(),
                text,
                meta: self.meta.clone(),
            })),
            Err(e) if self.in_folder && !strict => Ok(Err(format!("skipped {e}"))),
            Err(e) => Err(e),
        }
    }
}

/// The reports the inputs name, sorted by file stem so that the same
/// inputs always give the same order, checked (catalogs, kinds, unique
/// stems) but not read.
pub fn plan(inputs: &[PathBuf]) -> Result<Vec<Pending>, InputError> {
    let mut files: Vec<(PathBuf, CatalogEntry, bool)> = Vec::new();
    for input in inputs {
        files.extend(expand(input)?);
    }
    let mut by_stem: BTreeMap<String, Pending> = BTreeMap::new();
    for (path, meta, in_folder) in files {
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
        let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        by_stem.insert(
            stem.clone(),
            Pending {
                stem,
                path,
                meta,
                in_folder,
                bytes,
            },
        );
    }
    Ok(by_stem.into_values().collect())
}

/// Texts read per folder: a folder all of whose texts were skipped is an
/// error, not an empty build.
#[derive(Debug, Default)]
pub struct FolderCheck {
    read: BTreeMap<PathBuf, usize>,
}

impl FolderCheck {
    /// Records whether `p` was read (`ok`) or skipped.
    pub fn note(&mut self, p: &Pending, ok: bool) {
        let n = self
            .read
            .entry(p.path.parent().map(Path::to_owned).unwrap_or_default())
            .or_insert(0);
        *n += usize::from(ok);
    }
    /// The error for a folder none of whose texts could be read.
    pub fn check(&self) -> Result<(), InputError> {
        match self.read.iter().find(|(_, &n)| n == 0) {
            Some((folder, _)) => Err(InputError::NoText(folder.clone())),
            None => Ok(()),
        }
    }
}

/// One input as the files it names, each with its catalog row and whether
/// it was found in a folder (rather than given by name).
fn expand(input: &Path) -> Result<Vec<(PathBuf, CatalogEntry, bool)>, InputError> {
    match Kind::of(input) {
        Kind::Folder => {
            let catalog = read_catalog(input)?;
            let found = folder_entries(input)?;
            if found.is_empty() {
                return Err(InputError::NoText(input.to_owned()));
            }
            Ok(found
                .into_iter()
                .map(|p| {
                    let meta = meta_for(&catalog, &p);
                    (p, meta, true)
                })
                .collect())
        }
        Kind::File if !is_txt(input) => Err(InputError::NotTxt {
            path: input.to_owned(),
        }),
        Kind::File => {
            let dir = match input.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let catalog = read_catalog(dir)?;
            Ok(vec![(input.to_owned(), meta_for(&catalog, input), false)])
        }
        Kind::Missing => Err(InputError::NotFound(input.to_owned())),
        other => Err(InputError::NotText {
            why: other.why_not_text(input),
            path: input.to_owned(),
        }),
    }
}

/// The `.txt` entries of a folder, sorted (whatever they are: reading them
/// tells what is wrong with each).
fn folder_entries(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let io = |source| InputError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if is_txt(&p) {
            found.push(p);
        }
    }
    found.sort();
    Ok(found)
}

fn meta_for(catalog: &BTreeMap<String, CatalogEntry>, path: &Path) -> CatalogEntry {
    let name = file_name(path);
    catalog.get(&name).cloned().unwrap_or_else(|| CatalogEntry {
        file: name,
        ..Default::default()
    })
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
