//! Properties that hold for any text, checked on generated ones: it builds
//! (extraction and mapping never fail or panic), its graph exports and
//! parses back to the same quads, and every quote sits at its recorded
//! code-point offsets in the text.
//!
//! Texts are stitched from fragments the extractor reacts to (names, cue
//! words, paragraph numbers, quotes), line ends of every convention,
//! invisible characters and arbitrary Unicode, so the rules are exercised
//! rather than skipped. 48 cases per property keep the suite fast.

use oewg_kg::input::SourceText;
use oewg_kg::mention::Gazetteer;
use oewg_kg::output::export::{self, ExportFormat};
use oewg_kg::output::query::{self, QueryText};
use oewg_kg::reference::Reference;
use oxigraph::io::RdfParser;
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Dataset, Term};
use oxigraph::store::Store;
use proptest::prelude::*;
use std::sync::LazyLock;

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::load().unwrap());
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(&REFERENCE));

const FRAGMENTS: &[&str] = &[
    "Iran",
    "China",
    "the Russian Federation",
    "Australia",
    "the European Union",
    "Egypt",
    "proposed",
    "supported",
    "opposed",
    "welcomed",
    "called for",
    "to delete",
    "to replace",
    "to insert",
    "paragraph",
    "paragraphs",
    "12",
    "3",
    "and",
    "the",
    "of",
    "the First Draft",
    "the OEWG",
    "established by",
    "resolution 75/240",
    "Chair of the OEWG",
    "Ambassador",
    "a legally binding instrument",
    "with the words",
    "’",
    "‘",
    "“",
    "”",
    "\"",
    ". ",
    ", ",
    "; ",
    ":",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "12. ",
    "- ",
    "A. ",
    "(",
    ")",
    "\u{200b}",
    "\u{feff}",
    "é",
    "…",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..120).prop_map(|v| v.concat())
}

fn store_of(text: &str) -> (Store, Vec<oxigraph::model::Quad>) {
    // In memory: the on-disk store is exercised by the other tests.
    let source = SourceText::in_memory("generated", text, "2021-03");
    let facts = oewg_kg::fact::SourceFacts::extract(source, &REFERENCE, &GAZETTEER);
    let quads = oewg_kg::graph_quads(&[facts], &REFERENCE).expect("every text maps to quads");
    let store = Store::new().unwrap();
    store.extend(quads.clone()).unwrap();
    (store, quads)
}

const EVIDENCE: &str = "SELECT ?exact ?start ?end WHERE {
  ?x oewg:quote ?quote ; oewg:evidence ?ev .
  ?ev oa:hasSelector ?qs, ?ps .
  ?qs oa:exact ?exact . ?ps oa:start ?start ; oa:end ?end .
}";

fn literal(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        other => panic!("expected a literal, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_builds_exports_and_parses_back(text in text()) {
        let (store, quads) = store_of(&text);
        // What the store holds (it stores integer subtypes as xsd:integer).
        let mut original: Dataset = store.iter().map(Result::unwrap).collect();
        prop_assert_eq!(original.len(), quads.iter().collect::<std::collections::HashSet<_>>().len());
        original.canonicalize(CanonicalizationAlgorithm::Unstable);
        for format in [ExportFormat::Nq, ExportFormat::Trig] {
            let mut bytes = Vec::new();
            export::write(&store, format, &mut bytes).unwrap();
            let mut parsed: Dataset = RdfParser::from_format(format.rdf())
                .for_slice(&bytes)
                .collect::<Result<Dataset, _>>()
                .expect("the export parses");
            parsed.canonicalize(CanonicalizationAlgorithm::Unstable);
            prop_assert!(parsed == original, "{:?} export differs from the graph", format);
        }
    }

    #[test]
    fn every_quote_sits_at_its_code_point_offsets(text in text()) {
        let (store, _) = store_of(&text);
        let q = QueryText { origin: "evidence".into(), text: EVIDENCE.into() };
        let (_, rows) = query::select(&store, &q).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for row in rows {
            let exact = literal(&row[0]);
            let start: usize = literal(&row[1]).parse().unwrap();
            let end: usize = literal(&row[2]).parse().unwrap();
            prop_assert!(start < end && end <= chars.len());
            let at: String = chars[start..end].iter().collect();
            prop_assert_eq!(at, exact);
        }
    }
}
