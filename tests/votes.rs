//! Recorded votes end to end: `seeds/` and the invented vote fixtures of
//! `tests/fixtures-votes/` are built into one store, and the answers of the
//! bundled vote queries and the `graph votes` picture are asserted on it.

mod common;

use common::{assert_labels, build, graph, query_rows, render, root, run, stderr};
use std::path::PathBuf;

fn seeds_and_votes() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(
        &[&root().join("seeds"), &root().join("tests/fixtures-votes")],
        &store,
    );
    (dir, store)
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn how_each_state_voted_on_each_text() {
    let (_d, store) = seeds_and_votes();
    let rows = query_rows(&store, "votes-per-resolution");
    // 10 + 4 + 6 + 3 + 15 + 8 + 5 named votes in the fixtures; the seeds
    // report none.
    assert_eq!(rows.len(), 51, "{rows:#?}");
    let plenary = "2022-12-07-general-assembly-plenary";
    let committee = "First Committee of the General Assembly";
    for expected in [
        row(&[
            "Resolution A/RES/77/37",
            "General Assembly of the United Nations",
            "2022-12-07",
            "Democratic People's Republic of Korea",
            "No",
            plenary,
        ]),
        row(&[
            "A/C.1/78/L.11",
            committee,
            "2023-11-01",
            "Iran",
            "Yes",
            "2023-11-01-first-committee-oewg-mandate",
        ]),
        row(&[
            "A/C.1/77/L.23",
            committee,
            "2022-11-03",
            "Canada",
            "No",
            "2022-11-03-first-committee-cluster-five",
        ]),
        row(&[
            "draft on countering the use of ICTs for criminal purposes",
            "General Assembly of the United Nations",
            "2022-12-07",
            "France",
            "No",
            plenary,
        ]),
    ] {
        assert!(rows.contains(&expected), "missing {expected:?}");
    }
    // The paragraph vote names no state: it has no rows.
    assert!(!rows.iter().any(|r| r[0].contains("paragraph")));
}

#[test]
fn which_states_vote_together() {
    let (_d, store) = seeds_and_votes();
    let rows = query_rows(&store, "voting-agreement");
    assert_eq!(
        rows[0],
        row(&["China", "Russian Federation", "5", "5", "100"])
    );
    assert_eq!(
        rows[1],
        row(&["Iran", "Syrian Arab Republic", "5", "5", "100"])
    );
    for expected in [
        row(&["China", "Iran", "5", "4", "80"]),
        row(&["Canada", "Japan", "2", "2", "100"]),
        row(&["Canada", "China", "1", "0", "0"]),
    ] {
        assert!(rows.contains(&expected), "missing {expected:?}");
    }
}

#[test]
fn who_voted_against_the_programme_of_action() {
    let (_d, store) = seeds_and_votes();
    let rows = query_rows(&store, "votes-against-poa");
    let who: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let draft = "A/C.1/77/L.73";
    let resolution = "Resolution A/RES/77/37";
    assert_eq!(
        who,
        [
            ("Belarus", draft),
            ("Belarus", resolution),
            ("China", draft),
            ("China", resolution),
            ("Democratic People's Republic of Korea", resolution),
            ("Iran", draft),
            ("Iran", resolution),
            ("Nicaragua", draft),
            ("Russian Federation", draft),
            ("Russian Federation", resolution),
            ("Syrian Arab Republic", draft),
            ("Syrian Arab Republic", resolution),
        ]
    );
}

#[test]
fn totals_are_kept_as_stated_and_mismatches_flagged() {
    let (_d, store) = seeds_and_votes();
    let q = root().join("tests/vote-totals.rq");
    let rows = query_rows(&store, &q.display().to_string());
    assert!(rows.contains(&row(&["A/C.1/78/L.11", "102", "52", "28", "true"])));
    assert!(rows.contains(&row(&["A/C.1/79/L.12", "161", "3", "2", "false"])));
    assert!(rows.contains(&row(&["A/C.1/78/L.60/Rev.1", "161", "8", "9", "false"])));
}

#[test]
fn the_votes_picture_places_blocs_as_clusters() {
    let (_d, store) = seeds_and_votes();
    let dot = graph(&store, &["votes"]);
    assert_eq!(dot, graph(&store, &["votes"]), "same store, same bytes");
    let svg = render(&dot);
    assert_labels(
        &svg,
        &[
            "China",
            "Canada",
            "Voting bloc 1 (7 states)",
            "Voting bloc 2 (5 states)",
            "Voting bloc 3 (5 states)",
            "votes with",
            "Legend",
        ],
    );
    // Other groupings still work on this view.
    render(&graph(&store, &["votes", "--cluster", "class"]));
    // A store without votes has nothing to draw, and says so.
    let (_e, seeds) = common::seed_store();
    let o = run(&["graph", "votes", "--store", &seeds.display().to_string()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no recorded votes"), "{}", stderr(&o));
}

/// Every vote a source reports, and every state's vote in it, points back
/// at the sentence it was read from: each evidence target's quote is
/// verbatim at its offsets, and each quote is one of them.
#[test]
fn every_reported_vote_quotes_its_sentence_at_its_offsets() {
    let (d, store) = seeds_and_votes();
    let q = d.path().join("vote-evidence.rq");
    std::fs::write(
        &q,
        "SELECT ?x ?file ?exact ?start ?end ?quoted WHERE {
           GRAPH ?g { ?x a ?class } FILTER(?class IN (oewg:RecordedVote, oewg:Vote))
           FILTER(?g != <https://w3id.org/oewg-kg/graph/reference>)
           OPTIONAL {
             ?x prov:wasDerivedFrom ?src ; oewg:evidence ?ev .
             ?ev oa:hasSource ?src ; oa:hasSelector ?qs, ?ps .
             ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
             ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
             BIND(EXISTS { ?x oewg:quote ?exact } AS ?quoted)
           }
           BIND(STRAFTER(STR(?src), \"/id/source/\") AS ?file)
         }",
    )
    .unwrap();
    let rows = query_rows(&store, &q.display().to_string());
    assert!(rows.len() > 60, "votes exist: {}", rows.len());
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for r in &rows {
        assert!(!r[1].is_empty(), "{} has evidence", r[0]);
        let path = root()
            .join("tests/fixtures-votes")
            .join(format!("{}.txt", r[1]));
        let text: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
        let (start, end): (usize, usize) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        let at: String = text[start..end].iter().collect();
        assert_eq!(norm(&at), r[2], "{} at {start}..{end}", r[0]);
        assert_eq!(r[5], "true", "{}: the quote is the evidence", r[0]);
    }
}

/// A store built from invented texts written into a temporary folder, each
/// `(file stem, text)`; a stem starting with a date dates its text.
fn store_of(texts: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("texts");
    std::fs::create_dir(&input).unwrap();
    for (stem, text) in texts {
        std::fs::write(input.join(format!("{stem}.txt")), text).unwrap();
    }
    let store = dir.path().join("store");
    build(&[&input], &store);
    (dir, store)
}

/// Two sources report one recorded vote: the summary of the meeting and a
/// delegation's notes a day later.
const ONE_VOTE_TWICE: [(&str, &str); 2] = [
    (
        "2024-11-06-committee-summary",
        "First Committee, 6 November 2024\n\nThe Committee approved draft resolution A/C.1/79/L.40 by a recorded vote of 150 in favour to 3 against (Belarus, Nicaragua, Syria), with 2 abstentions (Chile, India).\n",
    ),
    (
        "2024-11-07-delegation-notes",
        "Notes on the First Committee, 7 November 2024\n\nOn 6 November the First Committee approved draft A/C.1/79/L.40 by 150 votes to 3, with 2 abstentions. Belarus, Nicaragua and Syria voted against; Chile and India abstained.\n",
    ),
];

#[test]
fn a_vote_two_sources_report_counts_once_in_the_agreement() {
    let (_d, store) = store_of(&ONE_VOTE_TWICE);
    // Both sources are kept: each reports the vote with its evidence.
    let per_source = query_rows(&store, "votes-per-resolution");
    assert_eq!(per_source.len(), 10, "{per_source:#?}");
    let rows = query_rows(&store, "voting-agreement");
    for expected in [
        row(&["Belarus", "Nicaragua", "1", "1", "100"]),
        row(&["Chile", "India", "1", "1", "100"]),
        row(&["Belarus", "Chile", "1", "0", "0"]),
    ] {
        assert!(
            rows.contains(&expected),
            "missing {expected:?} in {rows:#?}"
        );
    }
    assert_eq!(rows.len(), 10, "one row per pair of the five states");
}

#[test]
fn the_votes_picture_counts_a_vote_two_sources_report_once() {
    let (d, store) = store_of(&ONE_VOTE_TWICE);
    let prefix = d.path().join("votes");
    let o = run(&[
        "graph",
        "votes",
        "--format",
        "csv",
        "-o",
        &prefix.display().to_string(),
        "--store",
        &store.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let edges = std::fs::read_to_string(d.path().join("votes-edges.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(edges.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let weight = header
        .iter()
        .position(|h| h == "Weight")
        .expect("a weight column");
    let weights: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap()[weight].to_string())
        .collect();
    assert!(!weights.is_empty());
    assert!(weights.iter().all(|w| w == "1"), "one shared vote: {edges}");
}

#[test]
fn a_proposal_and_a_vote_on_a_described_draft_meet_on_one_node() {
    let (_d, store) = store_of(&[(
        "2024-11-05-committee-notes",
        "First Committee, 5 November 2024\n\nGhana proposed to delete operative paragraph 3 of the draft resolution on a fund for cyber capacity in small States.\n\nThe First Committee then approved the draft resolution on a fund for cyber capacity in small States by 160 votes to 4, with 6 abstentions.\n",
    )]);
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("meet.rq");
    std::fs::write(
        &q,
        "SELECT DISTINCT ?label WHERE {
           ?rv a oewg:RecordedVote ; oewg:votedOn ?draft .
           ?p a oewg:EditProposal ; oewg:targets/dcterms:isPartOf ?draft .
           ?draft rdfs:label ?label
         }",
    )
    .unwrap();
    let rows = query_rows(&store, &q.display().to_string());
    assert_eq!(
        rows,
        [row(&[
            "draft resolution on a fund for cyber capacity in small States"
        ])]
    );
}
