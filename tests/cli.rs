//! The command line as users meet it: help, bundled queries, exports that
//! round-trip, deterministic builds, and bad input that is refused with one
//! sentence naming the culprit while the existing store stays intact.

mod common;

use common::{run, stderr, stdout};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Dataset, GraphName, Quad};
use std::fs;
use std::path::Path;

fn export(store: &Path, format: &str) -> Vec<u8> {
    let o = run(&[
        "export",
        "--store",
        &store.display().to_string(),
        "--format",
        format,
    ]);
    assert!(o.status.success(), "export {format}: {}", stderr(&o));
    o.stdout
}

/// Asserts a failed command: non-zero exit, one line on stderr that
/// mentions `needle`.
fn assert_refused(o: &std::process::Output, needle: &str) {
    assert!(!o.status.success(), "expected failure, got success");
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line on stderr, got: {err}");
    assert!(err.contains(needle), "stderr should name {needle:?}: {err}");
    assert!(!err.contains("panicked"), "no panic: {err}");
}

#[test]
fn every_command_has_help() {
    for cmd in ["build", "query", "export", "stats", "eval", "diff", "graph"] {
        let o = run(&[cmd, "--help"]);
        assert!(o.status.success());
        let h = stdout(&o);
        assert!(h.contains("--store") || cmd == "eval", "{cmd} help: {h}");
        assert!(h.lines().count() > 5, "{cmd} help is substantial");
    }
}

#[test]
fn query_list_shows_every_bundled_query_with_its_question() {
    let o = run(&["query", "--list"]);
    assert!(o.status.success());
    let listing = stdout(&o);
    let files: Vec<String> = fs::read_dir(common::root().join("queries"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rq")
                .to_string()
        })
        .collect();
    assert!(files.len() >= 10, "at least ten bundled queries");
    for f in &files {
        let line = listing
            .lines()
            .find(|l| l.starts_with(f.as_str()))
            .unwrap_or_else(|| panic!("{f} listed"));
        assert!(
            line.trim_end().ends_with('?'),
            "{f} states a question: {line}"
        );
    }
}

#[test]
fn bundled_queries_all_run_on_the_seed_graph() {
    // The seeds hold no per-state votes; the invented vote fixtures do, so
    // every bundled query has something to answer.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    common::build(
        &[
            &common::root().join("seeds"),
            &common::root().join("tests/fixtures-votes"),
        ],
        &store,
    );
    for e in fs::read_dir(common::root().join("queries")).unwrap() {
        let name = e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rq")
            .to_string();
        for format in ["table", "json", "xml", "tsv"] {
            let o = run(&[
                "query",
                &name,
                "--store",
                &store.display().to_string(),
                "--format",
                format,
            ]);
            assert!(o.status.success(), "{name} ({format}): {}", stderr(&o));
        }
        // No seed text has a group position voiced by a member; the
        // fixtures do (tests/extraction.rs covers it).
        if name != "group-voices" {
            let rows = common::query_rows(&store, &name);
            assert!(
                !rows.is_empty(),
                "bundled query {name} answers something on the seeds"
            );
        }
    }
}

fn store_dataset(store: &Path) -> Dataset {
    let nq = export(store, "nq");
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&nq)
        .collect::<Result<Dataset, _>>()
        .unwrap()
}

#[test]
fn every_export_format_parses_back_to_an_isomorphic_graph() {
    let (_d, store) = common::seed_store();
    let mut quads = store_dataset(&store);
    assert!(quads.len() > 1000);
    quads.canonicalize(CanonicalizationAlgorithm::Unstable);
    let mut merged: Dataset = quads
        .iter()
        .map(|q| {
            Quad::new(
                q.subject.into_owned(),
                q.predicate.into_owned(),
                q.object.into_owned(),
                GraphName::DefaultGraph,
            )
        })
        .collect();
    merged.canonicalize(CanonicalizationAlgorithm::Unstable);
    for (name, format) in [
        ("nq", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("nt", RdfFormat::NTriples),
        ("ttl", RdfFormat::Turtle),
        ("rdfxml", RdfFormat::RdfXml),
    ] {
        let bytes = export(&store, name);
        let mut parsed: Dataset = RdfParser::from_format(format)
            .for_slice(&bytes)
            .collect::<Result<Dataset, _>>()
            .unwrap_or_else(|e| panic!("{name} parses: {e}"));
        parsed.canonicalize(CanonicalizationAlgorithm::Unstable);
        let expected = if format.supports_datasets() {
            &quads
        } else {
            &merged
        };
        assert_eq!(parsed.len(), expected.len(), "{name}: same number of quads");
        assert!(&parsed == expected, "{name}: isomorphic to the store");
    }
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let (_d, a) = common::seed_store();
    let (_e, b) = common::seed_store();
    for format in ["nq", "ttl"] {
        assert_eq!(
            export(&a, format),
            export(&b, format),
            "{format} export is deterministic"
        );
    }
}

#[test]
fn rebuilding_replaces_the_graph_instead_of_adding_to_it() {
    let (_d, store) = common::seed_store();
    let first = export(&store, "nq");
    common::build(&[&common::root().join("seeds")], &store);
    assert_eq!(first, export(&store, "nq"));
}

#[test]
fn a_file_without_catalog_metadata_builds_with_its_file_name_as_title() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("2023-05-notes.txt"),
        "Brazil and Kenya called for a voluntary fund.\n",
    )
    .unwrap();
    let store = d.path().join("store");
    common::build(&[d.path()], &store);
    let rows = common::query_rows(
        &store,
        &write_query(d.path(), "SELECT ?t WHERE { <https://w3id.org/oewg-kg/id/source/2023-05-notes> dcterms:title ?t }"),
    );
    assert_eq!(rows, [["2023-05-notes"]]);
}

fn write_query(dir: &Path, text: &str) -> String {
    let p = dir.join("q.rq");
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Runs a failing command against a good store and checks the store is
/// untouched.
fn refused_and_store_intact(args: &[&str], store: &Path, needle: &str) {
    let before = export(store, "nq");
    let o = run(args);
    assert_refused(&o, needle);
    assert_eq!(before, export(store, "nq"), "store intact after: {args:?}");
}

#[test]
fn bad_input_is_refused_and_the_store_left_intact() {
    let (d, store) = common::seed_store();
    let s = store.display().to_string();
    let dir = d.path();

    let bad = dir.join("latin1.txt");
    fs::write(&bad, b"Iran proposed \xe9 deletion.\nSecond line.\n").unwrap();
    refused_and_store_intact(
        &["build", &bad.display().to_string(), "--store", &s],
        &store,
        "latin1.txt",
    );
    assert!(stderr(&run(&["build", &bad.display().to_string(), "--store", &s])).contains("line 1"));

    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    refused_and_store_intact(
        &["build", &empty.display().to_string(), "--store", &s],
        &store,
        "empty.txt",
    );

    let no_txt = dir.join("notes");
    fs::create_dir(&no_txt).unwrap();
    fs::write(no_txt.join("readme.md"), "x").unwrap();
    refused_and_store_intact(
        &["build", &no_txt.display().to_string(), "--store", &s],
        &store,
        "notes",
    );

    let cat = dir.join("cat");
    fs::create_dir(&cat).unwrap();
    fs::write(cat.join("a.txt"), "Some report text.").unwrap();
    fs::write(
        cat.join("catalog.csv"),
        "file,title\na.txt,A\nghost.txt,Ghost\n",
    )
    .unwrap();
    refused_and_store_intact(
        &["build", &cat.display().to_string(), "--store", &s],
        &store,
        "ghost.txt",
    );

    let missing = dir.join("nowhere.txt");
    refused_and_store_intact(
        &["build", &missing.display().to_string(), "--store", &s],
        &store,
        "nowhere.txt",
    );
}

#[test]
fn malformed_query_names_file_line_and_column() {
    let (d, store) = common::seed_store();
    let q = d.path().join("broken.rq");
    fs::write(
        &q,
        "# a question?\nSELECT ?x WHERE {\n  ?x a oewg:State \n  FILTER(\n}\n",
    )
    .unwrap();
    let o = run(&[
        "query",
        &q.display().to_string(),
        "--store",
        &store.display().to_string(),
    ]);
    assert_refused(&o, "broken.rq");
    let err = stderr(&o);
    assert!(err.contains("line ") && err.contains("column "), "{err}");
}

#[test]
fn unknown_names_and_formats_are_refused() {
    let (_d, store) = common::seed_store();
    let s = store.display().to_string();
    assert_refused(
        &run(&["query", "no-such-query", "--store", &s]),
        "no-such-query",
    );
    let o = run(&["export", "--store", &s, "--format", "yaml"]);
    assert_refused(&o, "yaml");
    assert!(
        stderr(&o).contains("ttl"),
        "the valid formats are named: {}",
        stderr(&o)
    );
}

#[test]
fn a_missing_store_is_reported_not_created() {
    let d = tempfile::tempdir().unwrap();
    let store = d.path().join("absent");
    let o = run(&[
        "query",
        "states-per-source",
        "--store",
        &store.display().to_string(),
    ]);
    assert_refused(&o, "absent");
    assert!(!store.exists(), "querying never creates a store");
    assert_refused(
        &run(&[
            "export",
            "--format",
            "nt",
            "--store",
            &store.display().to_string(),
        ]),
        "absent",
    );
}

#[test]
fn a_folder_that_is_not_a_store_is_never_replaced() {
    let d = tempfile::tempdir().unwrap();
    let precious = d.path().join("precious");
    fs::create_dir(&precious).unwrap();
    fs::write(precious.join("thesis.txt"), "do not delete").unwrap();
    let o = run(&["build", "seeds", "--store", &precious.display().to_string()]);
    assert_refused(&o, "precious");
    assert!(precious.join("thesis.txt").exists());
}

#[test]
fn stats_counts_classes_and_graphs() {
    let (_d, store) = common::seed_store();
    let o = run(&[
        "stats",
        "--store",
        &store.display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("https://w3id.org/oewg-kg/ontology#State,195"),
        "{out}"
    );
    assert!(
        out.contains("https://w3id.org/oewg-kg/graph/reference"),
        "{out}"
    );
    assert!(
        out.contains("https://w3id.org/oewg-kg/graph/2021-03-oewg-final-report,"),
        "{out}"
    );
}
