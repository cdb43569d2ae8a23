//! Queries: bounded, streamed, honest about datasets, clear about errors.

use super::common::{bin, run, seed_store, stderr, stdout};
use super::{assert_refused, build, query_file, report_folder};
use std::path::Path;
use std::process::{Command, Stdio};

fn query(store: &Path, q: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["query", q, "--store"];
    let s = store.display().to_string();
    args.push(&s);
    args.extend(extra);
    run(&args)
}

const CROSS_PRODUCT: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

#[test]
fn a_runaway_query_is_stopped_at_its_timeout_with_a_clear_error() {
    let (d, store) = seed_store();
    let q = query_file(
        d.path(),
        "cross",
        &format!("{CROSS_PRODUCT} ORDER BY ?a ?d ?g"),
    );
    let o = query(&store, &q, &["--timeout", "1"]);
    assert_refused(&o, "stopped after 1 s (--timeout 1)");
}

#[test]
fn a_query_that_needs_too_much_memory_is_stopped_before_the_machine_runs_out() {
    let (d, store) = seed_store();
    // A sort of the cross product is built in memory, out of the timeout's reach.
    let q = query_file(
        d.path(),
        "sorted",
        &format!("{CROSS_PRODUCT} ORDER BY ?a ?d ?g"),
    );
    let o = query(
        &store,
        &q,
        &["--timeout", "0", "--max-memory", "300", "--format", "csv"],
    );
    assert_refused(&o, "needed more than 300 MB of memory (--max-memory 300)");
}

#[test]
fn rows_are_printed_as_they_come_and_a_row_limit_stops_the_rest() {
    let (d, store) = seed_store();
    let q = query_file(d.path(), "cross", CROSS_PRODUCT);
    // Streamed: the rows found before the timeout are out already.
    let o = query(&store, &q, &["--timeout", "1", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).lines().count() > 1000,
        "rows streamed before the stop"
    );
    let o = query(&store, &q, &["--max-rows", "10", "--format", "tsv"]);
    assert_refused(&o, "more than 10 rows");
    assert_eq!(stdout(&o).lines().count(), 11, "header and ten rows");
}

#[test]
fn deeply_nested_queries_get_a_one_line_error_not_an_abort() {
    let (d, store) = seed_store();
    let n = 3485;
    let parens = format!(
        "SELECT * WHERE {{ FILTER({}1{}) }}",
        "(".repeat(n),
        ")".repeat(n)
    );
    let groups = format!("SELECT * WHERE {}{}", "{".repeat(n), "}".repeat(n));
    let unions = format!(
        "SELECT * WHERE {{ {} }}",
        vec!["{ ?s a oewg:State }"; 3994].join(" UNION ")
    );
    let path = format!(
        "SELECT * WHERE {{ ?s {} ?o }}",
        vec!["rdfs:label"; 3218].join("/")
    );
    for (name, text) in [
        ("parens", parens),
        ("groups", groups),
        ("unions", unions),
        ("path", path),
    ] {
        let o = query(&store, &query_file(d.path(), name, &text), &[]);
        assert_refused(&o, "the limit is");
    }
    // Within the limit, nesting works.
    let fine = format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ {} }}",
        vec!["{ ?s a oewg:State }"; 200].join(" UNION ")
    );
    let o = query(
        &store,
        &query_file(d.path(), "fine", &fine),
        &["--format", "csv"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_server_refuses_a_deeply_nested_query_and_stays_up() {
    use super::serve_support::{agent, get, serve, text};
    let s = serve(&[]);
    let deep = format!(
        "SELECT * WHERE {{ FILTER({}1{}) }}",
        "(".repeat(3485),
        ")".repeat(3485)
    );
    let r = agent()
        .post(&format!("{}/sparql", s.base))
        .header("Content-Type", "application/sparql-query")
        .send(deep.as_bytes())
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(text(r).contains("the limit is 256"));
    let fine = super::serve_support::enc("ASK { ?s a oewg:State }");
    let r = get(
        &format!("{}/sparql?query={fine}", s.base),
        "application/sparql-results+json",
    );
    assert_eq!(r.status(), 200, "still serving");
}

#[test]
fn from_and_from_named_give_exactly_the_dataset_the_query_names() {
    let (d, store) = seed_store();
    let ontology = "https://w3id.org/oewg-kg/graph/ontology";
    let count = |text: &str| -> usize {
        let o = query(
            &store,
            &query_file(d.path(), "count", text),
            &["--format", "csv"],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().nth(1).unwrap().trim().parse().unwrap()
    };
    let in_graph = count(&format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}"
    ));
    let union = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let from = count(&format!(
        "SELECT (COUNT(*) AS ?n) FROM <{ontology}> WHERE {{ ?s ?p ?o }}"
    ));
    assert!(in_graph > 0 && in_graph < union);
    assert_eq!(from, in_graph, "FROM gives that graph, not the union");
    let named = count(&format!(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{ontology}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    ));
    assert_eq!(named, 1, "FROM NAMED gives just that graph");
}

#[test]
fn syntax_errors_name_the_place_and_say_what_is_wrong_in_plain_words() {
    let (d, store) = seed_store();
    let cases = [
        ("SELEKT ?s WHERE { ?s ?p ?o }", "line 1, column 1: unknown keyword SELEKT; did you mean SELECT?"),
        ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "SPARQL Update is not accepted by query: the store is read-only"),
        ("PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }", "SPARQL Update is not accepted by query: the store is read-only (DELETE at line 2, column 1)"),
        ("SELECT ?s WHERE {\n  ?s a oewg:State\n  FILTR(?s)\n}", "line 3, column 3: unknown keyword FILTR; did you mean FILTER?"),
        ("SELECT ?s WHERE { ?s a oewg:State } LIMT 3", "line 1, column 37: unknown keyword LIMT"),
    ];
    for (i, (text, needle)) in cases.iter().enumerate() {
        let o = query(&store, &query_file(d.path(), &format!("bad{i}"), text), &[]);
        assert_refused(&o, needle);
        assert!(stderr(&o).contains(&format!("bad{i}.rq")));
    }
}

#[test]
fn control_characters_from_reports_are_escaped_in_the_table() {
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "esc", super::REPORT);
    std::fs::write(
        input.join("catalog.csv"),
        "file,title,date\nesc.txt,\"Title \u{1b}[2J\u{1b}]0;owned\u{7} end\",2021-03\n",
    )
    .unwrap();
    let store = d.path().join("store");
    build(&[&input], &store, &[]);
    let q = query_file(
        d.path(),
        "titles",
        "SELECT ?t WHERE { ?s a oewg:SourceText ; dcterms:title ?t }",
    );
    let o = query(&store, &q, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("Title \\u{1b}[2J\\u{1b}]0;owned\\u{7} end"),
        "{out}"
    );
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    let (_d, store) = seed_store();
    for args in [
        vec!["stats"],
        vec!["export", "--format", "nt"],
        vec!["query", "states-named-most", "--format", "csv"],
    ] {
        let mut child = Command::new(bin())
            .args(&args)
            .arg("--store")
            .arg(&store)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the first row is written.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(stderr(&o), "", "{args:?}: quiet on a closed pipe");
        assert!(o.status.success(), "{args:?}");
    }
}
