//! `oewg-kg stats`: how much the store holds, per class and per graph.

use super::StoreArg;
use crate::output::query::{self, QueryText, ResultFormat};
use crate::store;
use anyhow::Result;

/// Count the resources of each class and the triples of each named graph.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ResultFormat::Table)]
    pub format: ResultFormat,
}

/// Resources per class, outside the ontology graph (whose IRI comes from
/// `quad::iri`, like every other).
fn per_class() -> String {
    format!(
        "SELECT ?class (COUNT(DISTINCT ?s) AS ?resources) WHERE {{
  GRAPH ?g {{ ?s a ?class }} FILTER(STRSTARTS(STR(?class), STR(oewg:)))
  FILTER(?g != <{}>)
}} GROUP BY ?class ORDER BY ?class",
        crate::quad::iri::ontology_graph().as_str()
    )
}

const PER_GRAPH: &str = "SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
} GROUP BY ?graph ORDER BY ?graph";

pub fn run(args: Args) -> Result<()> {
    let (store, manifest) = store::open(&args.store.path())?;
    let mut out = crate::output::file::Output::stdout();
    for (name, text) in [
        ("resources per class", per_class()),
        ("triples per graph", PER_GRAPH.to_string()),
    ] {
        if args.format == ResultFormat::Table {
            use std::io::Write;
            writeln!(out, "# {name}")?;
        }
        let q = QueryText {
            origin: format!("stats ({name})"),
            text,
        };
        query::run(&store, &q, args.format, &mut out, &Default::default())?;
        if args.format == ResultFormat::Table {
            use std::io::Write;
            writeln!(out)?;
        }
    }
    if args.format == ResultFormat::Table {
        use std::io::Write;
        writeln!(
            out,
            "{} quads from {} sources",
            manifest.quads,
            manifest.sources.len()
        )?;
    }
    out.commit()
}
