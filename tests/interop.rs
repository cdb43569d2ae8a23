//! Exports other tools read as meant: self-contained queries, a union
//! default graph on request, one named graph alone, compact JSON-LD that
//! reads back to the same dataset, evidence as Web Annotations, labels on
//! every resource, an OWL 2 datatype for years, a VoID description, loaded
//! RDF kept across builds, GraphML and GEXF, and DOT nodes that link.
//! (.ci/run re-checks the same exports with rdflib, pyoxigraph, pyld,
//! pySHACL, HermiT and networkx.)

mod common;

use common::{run, stderr, stdout};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::Dataset;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::path::Path;
use std::sync::OnceLock;

fn store() -> &'static Path {
    static STORE: OnceLock<std::path::PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = common::root().join("target/test-stores/interop");
        let _ = std::fs::remove_dir_all(&dir);
        common::build(&[&common::root().join("seeds")], &dir);
        dir
    })
}

fn oewg(args: &[&str]) -> std::process::Output {
    let s = store().display().to_string();
    let mut a = args.to_vec();
    a.extend(["--store", &s]);
    run(&a)
}

fn export(args: &[&str]) -> Vec<u8> {
    let mut a = vec!["export"];
    a.extend_from_slice(args);
    let o = oewg(&a);
    assert!(o.status.success(), "export {args:?}: {}", stderr(&o));
    o.stdout
}

fn bundled() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(common::root().join("queries"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Rows of a query on a plain store: no predeclared prefixes, the default
/// graph as the file says (no union switch).
fn plain_rows(store: &Store, text: &str) -> usize {
    let q = SparqlEvaluator::new().parse_query(text).unwrap();
    match q.on_store(store).execute().unwrap() {
        QueryResults::Solutions(s) => s.count(),
        _ => panic!("a SELECT"),
    }
}

/// An ASK query's answer, through `oewg-kg query`.
fn ask(text: &str) -> bool {
    let o = oewg(&["query", &write_query(text), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).contains("\"boolean\":true")
}

fn write_query(text: &str) -> String {
    let dir = common::root().join("target/test-stores/interop-queries");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("q{}.rq", oewg_hash(text)));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn oewg_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[test]
fn bundled_queries_declare_their_own_prefixes() {
    for (name, text) in bundled() {
        let _ = SparqlEvaluator::new()
            .parse_query(&text)
            .unwrap_or_else(|e| panic!("{name}.rq needs predeclared prefixes: {e}"));
    }
}

#[test]
fn a_union_export_answers_the_bundled_queries_without_a_switch() {
    let nq = export(&["--format", "nq", "--union"]);
    let plain = Store::new().unwrap();
    plain.load_from_slice(RdfFormat::NQuads, &nq).unwrap();
    let mut nonempty = 0;
    for (name, text) in bundled() {
        let expected = common::query_rows(store(), &name).len();
        assert_eq!(plain_rows(&plain, &text), expected, "{name}");
        nonempty += usize::from(expected > 0);
    }
    assert!(nonempty >= 15, "most bundled queries have answers");
    let without = Store::new().unwrap();
    without
        .load_from_slice(RdfFormat::NQuads, &export(&["--format", "nq"]))
        .unwrap();
    assert_eq!(
        plain_rows(&without, &bundled()[0].1),
        0,
        "without --union the default graph is empty"
    );
}

#[test]
fn one_named_graph_exports_alone_and_an_unknown_one_is_refused() {
    let g = "https://w3id.org/oewg-kg/graph/reference";
    let nq = String::from_utf8(export(&["--format", "nq", "--graph", g])).unwrap();
    assert!(nq.lines().count() > 1000);
    assert!(nq.lines().all(|l| l.ends_with(&format!("<{g}> ."))));
    let o = oewg(&[
        "export",
        "--format",
        "nq",
        "--graph",
        "https://example.org/none",
    ]);
    assert!(!o.status.success());
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("no graph https://example.org/none"));
}

fn dataset(format: RdfFormat, bytes: &[u8]) -> Dataset {
    let mut d = Dataset::new();
    for q in RdfParser::from_format(format).for_slice(bytes) {
        d.insert(&q.unwrap());
    }
    d.canonicalize(CanonicalizationAlgorithm::Unstable);
    d
}

#[test]
fn json_ld_is_compact_and_reads_back_to_the_same_dataset() {
    let bytes = export(&["--format", "jsonld"]);
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert!(doc["@context"]["supports"]["@id"] == "oewg:supports");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains("\"http://www.w3.org/2000/01/rdf-schema#label\":"));
    assert!(text.contains("\"@type\": \"State\"") || text.contains("\"State\""));
    let published: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("ontology/context.jsonld")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        published["@context"], doc["@context"],
        "the published context"
    );
    let from_jsonld = dataset(
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        &bytes,
    );
    let from_nq = dataset(RdfFormat::NQuads, &export(&["--format", "nq"]));
    assert_eq!(from_jsonld.len(), from_nq.len());
    assert!(
        from_jsonld == from_nq,
        "JSON-LD and N-Quads hold the same dataset"
    );
}

#[test]
fn every_stance_and_proposal_has_a_web_annotation_and_every_resource_a_label() {
    assert!(!ask(
        "PREFIX oewg: <https://w3id.org/oewg-kg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
         ASK { ?x a ?c . VALUES ?c { oewg:Stance oewg:EditProposal }
               FILTER NOT EXISTS { ?a a oa:Annotation ; oa:hasBody ?x ; oa:hasTarget ?t ;
                                      oa:motivatedBy oa:describing . ?x oewg:evidence ?t } }"
    ));
    assert!(!ask(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         ASK { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && STRSTARTS(STR(?s), 'https://w3id.org/oewg-kg/id/'))
               FILTER NOT EXISTS { ?s rdfs:label ?l } }"
    ));
    assert!(ask(
        "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX org: <http://www.w3.org/ns/org#>
         ASK { ?src dcterms:publisher ?p . ?p a org:Organization }"
    ));
}

#[test]
fn the_ontology_uses_owl2_datatypes_and_declares_what_the_data_uses() {
    let ttl = std::fs::read_to_string(common::root().join("ontology/oewg.ttl")).unwrap();
    assert!(
        !ttl.contains("rdfs:range xsd:gYear"),
        "xsd:gYear is outside the OWL 2 datatype map"
    );
    for term in [
        "prov:wasAttributedTo",
        "oa:hasBody",
        "oa:hasTarget",
        "oa:Annotation",
    ] {
        assert!(ttl.contains(&format!("\n{term} ")), "{term} declared");
    }
    assert!(!ask(
        "ASK { ?s ?p ?o FILTER(isLiteral(?o) && DATATYPE(?o) = <http://www.w3.org/2001/XMLSchema#gYear> && ?p != <http://purl.org/dc/terms/date>) }"
    ));
}

#[test]
fn the_void_description_counts_the_data() {
    let ttl = String::from_utf8(export(&[
        "--format",
        "nt",
        "--graph",
        "https://w3id.org/oewg-kg/graph/void",
    ]))
    .unwrap();
    assert!(ttl.contains("<https://w3id.org/oewg-kg/id/dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset>"));
    assert!(ttl.contains("<http://www.w3.org/ns/dcat#Dataset>"));
    assert!(ttl.contains("<http://www.w3.org/ns/sparql-service-description#name> <https://w3id.org/oewg-kg/graph/reference>"));
}

#[test]
fn loaded_rdf_gets_its_graph_and_survives_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("store");
    common::build(
        &[&common::root().join("seeds/2021-03-oewg-final-report.txt")],
        &s,
    );
    let extra = dir.path().join("ruritania.ttl");
    std::fs::write(
        &extra,
        "<https://w3id.org/oewg-kg/id/state/IRN> <http://example.org/capital> \"Tehran\" .\n",
    )
    .unwrap();
    let sd = s.display().to_string();
    let o = run(&["load", &extra.display().to_string(), "--store", &sd]);
    assert!(o.status.success(), "{}", stderr(&o));
    let capital = |store: &str| {
        let q = write_query("SELECT ?c WHERE { GRAPH <https://w3id.org/oewg-kg/graph/loaded/ruritania> { ?s <http://example.org/capital> ?c } }");
        let o = run(&["query", &q, "--store", store, "--format", "csv"]);
        stdout(&o).contains("Tehran")
    };
    assert!(capital(&sd));
    common::build(
        &[&common::root().join("seeds/2021-03-oewg-final-report.txt")],
        &s,
    );
    assert!(capital(&sd), "kept across build");
    let bad = dir.path().join("bad.ttl");
    std::fs::write(&bad, "<http://a> <http://b> .\n").unwrap();
    let o = run(&["load", &bad.display().to_string(), "--store", &sd]);
    assert!(!o.status.success());
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.ttl"));
    assert!(capital(&sd), "a failed load leaves the store as it was");
}

#[test]
fn graphml_gexf_and_linked_dot_carry_every_node() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p").display().to_string();
    let o = oewg(&["graph", "proposals", "--format", "csv", "-o", &prefix]);
    assert!(o.status.success(), "{}", stderr(&o));
    let nodes = std::fs::read_to_string(format!("{prefix}-nodes.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    for (fmt, tag) in [("graphml", "node"), ("gexf", "node")] {
        let o = oewg(&["graph", "proposals", "--format", fmt]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = stdout(&o);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let n = doc.descendants().filter(|e| e.has_tag_name(tag)).count();
        assert_eq!(n, nodes, "{fmt} has the view's nodes");
    }
    let dot = stdout(&oewg(&["graph", "proposals", "--format", "dot"]));
    assert!(
        dot.contains("URL = \"https://w3id.org/oewg-kg/id/"),
        "nodes link to their IRIs"
    );
}

#[test]
fn queries_come_from_stdin_or_the_command_line_and_construct_in_any_format() {
    let s = store().display().to_string();
    let o = run(&[
        "query",
        "-e",
        "SELECT ?s WHERE { ?s a oewg:State } ORDER BY ?s LIMIT 2",
        "--store",
        &s,
        "--format",
        "csv",
    ]);
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stderr(&o));
    let mut child = std::process::Command::new(common::bin())
        .args(["query", "-", "--store", &s, "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"SELECT ?s WHERE { ?s a oewg:Group } LIMIT 3")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);
    let construct = "CONSTRUCT { ?s a oewg:Group } WHERE { ?s a oewg:Group }";
    for (fmt, parse) in [
        ("nt", RdfFormat::NTriples),
        ("nq", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("rdfxml", RdfFormat::RdfXml),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("ttl", RdfFormat::Turtle),
    ] {
        let o = run(&["query", "-e", construct, "--store", &s, "--format", fmt]);
        assert!(o.status.success(), "{fmt}: {}", stderr(&o));
        assert!(
            dataset(parse, &o.stdout).len() >= 20,
            "{fmt} holds the groups"
        );
    }
    let o = run(&["query", "-e", construct, "--store", &s, "--format", "csv"]);
    assert!(!o.status.success() && stderr(&o).contains("choose --format ttl"));
    let o = run(&[
        "query",
        "-e",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
        "--store",
        &s,
        "--format",
        "nt",
    ]);
    assert!(!o.status.success() && stderr(&o).contains("--format nt is for CONSTRUCT"));
}
