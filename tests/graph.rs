//! Pictures: every view renders with Graphviz without a warning, the SVG is
//! well-formed XML holding the expected labels, the same store gives the
//! same DOT bytes, and the node/edge tables are consistent.

mod common;

use common::{assert_labels, graph, parse, render, run, stderr};
use std::process::Command;

#[test]
fn every_view_renders_cleanly_with_its_labels() {
    let (_d, store) = common::seed_store();
    let svg = render(&graph(&store, &["alignment"]));
    assert_labels(
        &svg,
        &["Iran", "China", "European Union", "backs ×5", "Legend"],
    );
    let svg = render(&graph(&store, &["proposals"]));
    assert_labels(
        &svg,
        &[
            "Iran: DeleteParagraph",
            "First Draft ¶7",
            "proposal adopted",
        ],
    );
    let svg = render(&graph(&store, &["framework"]));
    assert_labels(
        &svg,
        &[
            "Resolution A/RES/75/240",
            "Resolution A/RES/73/27",
            "Group of Governmental",
            "establishes",
        ],
    );
    let svg = render(&graph(
        &store,
        &[
            "around",
            "https://w3id.org/oewg-kg/id/state/IRN",
            "--depth",
            "1",
        ],
    ));
    assert_labels(&svg, &["Iran", "New legally binding"]);
    let q = common::root().join("tests/construct-chairs.rq");
    let svg = render(&graph(&store, &["--construct", &q.display().to_string()]));
    assert_labels(&svg, &["Jürg Lauber", "chairs"]);
}

#[test]
fn clusters_and_limits_keep_the_picture_valid() {
    let (_d, store) = common::seed_store();
    for cluster in ["class", "source"] {
        let svg = render(&graph(&store, &["proposals", "--cluster", cluster]));
        assert!(svg.contains("cluster_"), "{cluster} clusters drawn");
    }
    let dot = String::from_utf8(graph(&store, &["alignment", "--limit", "8"])).unwrap();
    let nodes = dot
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric) && !l.contains("->"))
        .count();
    assert_eq!(nodes, 8, "--limit keeps eight nodes");
    render(dot.as_bytes());
}

#[test]
fn the_same_store_gives_the_same_dot_bytes() {
    let (_d, a) = common::seed_store();
    let (_e, b) = common::seed_store();
    for view in ["alignment", "proposals", "framework"] {
        assert_eq!(graph(&a, &[view]), graph(&b, &[view]), "{view}");
    }
}

#[test]
fn svg_format_runs_graphviz_and_names_the_package_when_it_is_missing() {
    let (_d, store) = common::seed_store();
    let svg = String::from_utf8(graph(&store, &["framework", "--format", "svg"])).unwrap();
    parse(&svg);
    let empty = tempfile::tempdir().unwrap();
    let o = Command::new(common::bin())
        .args([
            "graph",
            "framework",
            "--format",
            "svg",
            "--store",
            &store.display().to_string(),
        ])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("graphviz"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn csv_tables_follow_gephi_conventions_and_agree_with_each_other() {
    let (d, store) = common::seed_store();
    let prefix = d.path().join("alignment");
    graph(
        &store,
        &[
            "alignment",
            "--format",
            "csv",
            "-o",
            &prefix.display().to_string(),
        ],
    );
    let mut nodes = csv::Reader::from_path(d.path().join("alignment-nodes.csv")).unwrap();
    assert_eq!(
        nodes.headers().unwrap().iter().take(3).collect::<Vec<_>>(),
        ["Id", "Label", "Type"]
    );
    let ids: std::collections::BTreeSet<String> =
        nodes.records().map(|r| r.unwrap()[0].to_string()).collect();
    let mut edges = csv::Reader::from_path(d.path().join("alignment-edges.csv")).unwrap();
    assert_eq!(
        edges.headers().unwrap().iter().collect::<Vec<_>>(),
        ["Source", "Target", "Type", "Weight", "Label"]
    );
    let mut n = 0;
    for r in edges.records() {
        let r = r.unwrap();
        assert!(
            ids.contains(&r[0]) && ids.contains(&r[1]),
            "edge ends are nodes"
        );
        assert!(r[3].parse::<u32>().unwrap() >= 1);
        n += 1;
    }
    assert!(n > 20 && ids.len() > 20);
}

#[test]
fn unknown_views_and_bad_iris_are_refused() {
    let (_d, store) = common::seed_store();
    let s = store.display().to_string();
    let o = run(&["graph", "galaxy", "--store", &s]);
    assert!(!o.status.success() && stderr(&o).contains("galaxy"));
    let o = run(&["graph", "around", "not an iri", "--store", &s]);
    assert!(!o.status.success() && stderr(&o).contains("not an IRI"));
}
