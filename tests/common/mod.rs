//! Helpers shared by the integration tests: run the real binary, build the
//! seeds into a temporary store once per test.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_oewg-kg")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .output()
        .expect("the oewg-kg binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Builds `inputs` into `store` and asserts success.
pub fn build(inputs: &[&Path], store: &Path) {
    let mut args: Vec<String> = vec!["build".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend([
        "--store".into(),
        store.display().to_string(),
        "--quiet".into(),
    ]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&refs);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
}

/// A temporary store built from `seeds/`.
pub fn seed_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(&[&root().join("seeds")], &store);
    (dir, store)
}

/// Runs a query and returns its CSV rows (header excluded), cells trimmed.
pub fn query_rows(store: &Path, query: &str) -> Vec<Vec<String>> {
    let o = run(&[
        "query",
        query,
        "--store",
        &store.display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "query {query} failed: {}", stderr(&o));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    rdr.records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}
