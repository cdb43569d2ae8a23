//! Builds of any size: the same graph whatever the number of threads, the
//! order of the inputs, the batching or a compaction; rebuilds that read only what
//! changed and end with the graph a full build gives; an interrupted
//! rebuild that leaves the store in force as it was; and the generated
//! benchmark corpus, deterministic and read by the extractor in every
//! genre.

mod common;

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;
#[path = "../examples/gen_corpus/text.rs"]
mod text;

use common::{bin, build_with, export_nq as export, root, run, stderr};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn build_ok(inputs: &[&Path], store: &Path, extra: &[&str]) {
    let o = build_with(inputs, store, extra);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
}

/// The invented development sets and the seeds, as folders.
fn corpora() -> Vec<PathBuf> {
    ["seeds", "tests/fixtures", "tests/fixtures-votes"]
        .iter()
        .map(|p| root().join(p))
        .collect()
}

/// Every report of `folders`, given one by one, in reverse stem order.
fn files_reversed(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = folders
        .iter()
        .flat_map(|f| fs::read_dir(f).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.reverse();
    files
}

#[test]
fn the_graph_is_the_same_whatever_the_threads_the_batches_the_order_of_the_files_or_compaction() {
    let d = tempfile::tempdir().unwrap();
    let folders = corpora();
    let refs: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
    let one = d.path().join("one");
    build_ok(&refs, &one, &["--jobs", "1"]);
    let expected = export(&one);
    let files = files_reversed(&folders);
    let file_refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let many = d.path().join("many");
    build_ok(&file_refs, &many, &["--jobs", "4", "--batch-sources", "2"]);
    assert!(
        expected == export(&many),
        "4 threads, batches of 2, files reversed"
    );
    let env = d.path().join("env");
    let o = Command::new(bin())
        .args(["build", "--quiet", "--compact", "--store"])
        .arg(&env)
        .args(&refs)
        .env("RAYON_NUM_THREADS", "3")
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(expected == export(&env), "RAYON_NUM_THREADS=3, compacted");
}

/// Copies the seeds into `dir` (with their catalog).
fn copy_seeds(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    for e in fs::read_dir(root().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
}

#[test]
fn a_rebuild_reads_only_what_changed_and_gives_the_graph_a_full_build_gives() {
    let d = tempfile::tempdir().unwrap();
    let seeds = d.path().join("seeds");
    copy_seeds(&seeds);
    let votes = root().join("tests/fixtures-votes");
    let store = d.path().join("store");
    build_ok(&[&seeds, &votes], &store, &[]);
    // A changed report, a removed one, and a report removed with its
    // paragraphs (the shared graph keeps only what remaining reports say).
    let analysis = seeds.join("2021-03-oewg-final-report-analysis.txt");
    let text = fs::read_to_string(&analysis).unwrap();
    fs::write(&analysis, text.replace("Iran", "Cuba")).unwrap();
    fs::remove_file(seeds.join("2021-03-08-oewg-third-session-first-meeting.txt")).unwrap();
    let catalog = fs::read_to_string(seeds.join("catalog.csv")).unwrap();
    let kept: Vec<&str> = catalog
        .lines()
        .filter(|l| !l.starts_with("2021-03-08-oewg-third-session-first-meeting"))
        .collect();
    fs::write(seeds.join("catalog.csv"), kept.join("\n") + "\n").unwrap();
    let o = run(&[
        "build",
        &seeds.display().to_string(),
        &votes.display().to_string(),
        "--store",
        &store.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 source read again, 7 unchanged, 1 removed"),
        "{}",
        stderr(&o)
    );
    let full = d.path().join("full");
    build_ok(&[&seeds, &votes], &full, &[]);
    assert!(export(&store) == export(&full), "incremental = full");
    // Nothing changed: nothing is read again, and the graph stays.
    let o = build_with(&[&seeds, &votes], &store, &["--jobs", "2"]);
    assert!(o.status.success());
    assert!(export(&store) == export(&full));
}

#[test]
fn a_rebuild_killed_before_publishing_leaves_the_store_in_force_and_the_next_succeeds() {
    let d = tempfile::tempdir().unwrap();
    let seeds = d.path().join("seeds");
    copy_seeds(&seeds);
    let store = d.path().join("store");
    build_ok(&[&seeds], &store, &[]);
    let before = export(&store);
    let report = seeds.join("2024-07-oewg-third-annual-progress-report.txt");
    let text = fs::read_to_string(&report).unwrap();
    fs::write(&report, format!("{text}\nAustria supported the PoA.\n")).unwrap();
    for step in ["loaded", "manifest", "linked"] {
        let mut child = Command::new(bin())
            .arg("build")
            .arg(&seeds)
            .arg("--store")
            .arg(&store)
            .env("OEWG_KG_PAUSE_AT", step)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let lines = BufReader::new(child.stderr.take().unwrap()).lines();
        assert!(
            lines
                .map_while(Result::ok)
                .any(|l| l.contains(&format!("paused at {step}"))),
            "paused at {step}"
        );
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(export(&store) == before, "killed at {step}: the old graph");
    }
    build_ok(&[&seeds], &store, &[]);
    let after = export(&store);
    assert!(after != before);
    let full = d.path().join("full");
    build_ok(&[&seeds], &full, &["--full"]);
    assert!(
        after == export(&full),
        "the rebuild after the kills = a full build"
    );
}

#[test]
fn the_generated_corpus_is_the_same_for_a_seed_and_the_extractor_reads_every_genre() {
    let d = tempfile::tempdir().unwrap();
    let (a, b, c) = (d.path().join("a"), d.path().join("b"), d.path().join("c"));
    corpus::generate(&a, 300_000, 7).unwrap();
    corpus::generate(&b, 300_000, 7).unwrap();
    corpus::generate(&c, 300_000, 8).unwrap();
    let read = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    assert!(read(&a) == read(&b), "same seed, same corpus");
    assert!(read(&a) != read(&c), "another seed, another corpus");
    let store = d.path().join("store");
    build_ok(&[&a], &store, &[]);
    let count = |query: &str| -> usize {
        let q = d.path().join("q.rq");
        fs::write(&q, format!("PREFIX oewg: <https://w3id.org/oewg-kg/ontology#> SELECT (COUNT(*) AS ?n) WHERE {{ {query} }}")).unwrap();
        let rows = common::query_rows(&store, &q.display().to_string());
        rows[0][0].parse().unwrap()
    };
    assert!(
        count("?e a oewg:EditProposal") > 100,
        "meeting reports and statements"
    );
    assert!(
        count("?e oewg:outcome ?o") > 10,
        "outcomes against the final reports"
    );
    assert!(count("?s a oewg:Stance ; oewg:on ?t . ?t a oewg:PolicyProposal") > 20);
    assert!(count("?s a oewg:Stance ; oewg:on ?t . ?t a oewg:Body") > 10);
    assert!(count("?v a oewg:RecordedVote") > 3, "press releases");
    assert!(count("?v a oewg:Vote") > 20);
    // A report added to the corpus is the only one read again.
    corpus::add_one(&a, 7, 1_000_000).unwrap();
    let o = run(&[
        "build",
        &a.display().to_string(),
        "--store",
        &store.display().to_string(),
    ]);
    assert!(stderr(&o).contains("1 source read again"), "{}", stderr(&o));
}
