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

const PER_CLASS: &str = "SELECT ?class (COUNT(DISTINCT ?s) AS ?resources) WHERE {
  GRAPH ?g { ?s a ?class } FILTER(STRSTARTS(STR(?class), STR(oewg:)))
  FILTER(?g != <https://w3id.org/oewg-kg/graph/ontology>)
} GROUP BY ?class ORDER BY ?class";

const PER_GRAPH: &str = "SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
} GROUP BY ?graph ORDER BY ?graph";

pub fn run(args: Args) -> Result<()> {
    let (store, manifest) = store::open(&args.store.path())?;
    let mut out = std::io::stdout().lock();
    for (name, text) in [
        ("resources per class", PER_CLASS),
        ("triples per graph", PER_GRAPH),
    ] {
        if args.format == ResultFormat::Table {
            use std::io::Write;
            writeln!(out, "# {name}")?;
        }
        let q = QueryText {
            origin: format!("stats ({name})"),
            text: text.to_string(),
        };
        query::run(&store, &q, args.format, &mut out)?;
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
    Ok(())
}
