//! Nothing lost, nothing wrong. The promises the tool keeps when builds
//! overlap or are killed, when queries run away, when outputs land on
//! something unexpected and when inputs are odd, each a test:
//!
//! * the store (`robustness/store.rs`): one build at a time, the loser told
//!   who holds the lock; a kill at any step of publishing leaves the old or
//!   the new store; readers racing builds never fail; only marked folders
//!   are deleted; a `--store` link stays a link; a failed build leaves no
//!   staging folder;
//! * queries (`robustness/queries.rs`): a timeout that stops evaluation, a
//!   row limit, a memory limit, rows streamed as they come, nesting that gets an error
//!   instead of an abort (on the command line and in the server),
//!   `FROM`/`FROM NAMED` honoured, syntax errors in
//!   plain words, control characters escaped, quiet on a closed pipe;
//! * output files (`robustness/outputs.rs`): never written through a planted
//!   link, links and modes kept, pipes and devices written directly, folders
//!   refused, nothing left behind on failure;
//! * inputs (`robustness/inputs.rs`): nothing skipped in silence, catalogs
//!   read right or refused with the line, lone CR a line end, invisible text
//!   empty, pathological texts built in bounded time.

mod common;

#[path = "common/serve.rs"]
mod serve_support;

#[path = "robustness/inputs.rs"]
mod inputs;
#[path = "robustness/outputs.rs"]
mod outputs;
#[path = "robustness/queries.rs"]
mod queries;
#[path = "robustness/store.rs"]
mod store;

use std::path::{Path, PathBuf};
use std::process::Output;

/// A folder with one invented report `stem.txt`.
pub fn report_folder(parent: &Path, stem: &str, text: &str) -> PathBuf {
    let dir = parent.join(format!("in-{stem}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{stem}.txt")), text).unwrap();
    dir
}

/// A short invented meeting report with a proposal and a stance.
pub const REPORT: &str = "Meeting of the working group\n\
    Iran proposed to delete paragraph 12 of the First Draft. China supported the proposal of Iran.\n\
    Australia opposed the deletion.\n";

/// Asserts a refused command: exit 1, one line on stderr naming `needle`.
pub fn assert_refused(o: &Output, needle: &str) {
    let err = common::stderr(o);
    assert_eq!(o.status.code(), Some(1), "exit 1 expected: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line on stderr, got: {err}");
    assert!(err.contains(needle), "stderr should name {needle:?}: {err}");
    assert!(!err.contains("panicked"), "no panic: {err}");
}

/// Builds `inputs` into `store` (asserting success) and returns stderr.
pub fn build(inputs: &[&Path], store: &Path, extra: &[&str]) -> String {
    let o = common::build_with(inputs, store, extra);
    assert!(o.status.success(), "build failed: {}", common::stderr(&o));
    common::stderr(&o)
}

/// The file stems of the sources a store holds, sorted.
pub fn sources(store: &Path) -> Vec<String> {
    let o = common::run(&[
        "query",
        "--store",
        &store.display().to_string(),
        "--format",
        "csv",
        &query_file(
            store.parent().unwrap(),
            "sources",
            "SELECT ?s WHERE { ?s a oewg:SourceText } ORDER BY ?s",
        ),
    ]);
    assert!(o.status.success(), "query failed: {}", common::stderr(&o));
    common::stdout(&o)
        .lines()
        .skip(1)
        .map(|l| l.rsplit('/').next().unwrap().trim().to_string())
        .collect()
}

/// Writes a query file and returns its path.
pub fn query_file(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(format!("{name}.rq"));
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}
