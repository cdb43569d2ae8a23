//! `oewg-kg export`: the whole graph in a standard RDF format.

use super::StoreArg;
use crate::output::export::{self, ExportFormat};
use crate::output::file::Output;
use crate::store;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Export the whole graph for other linked-data tools.
///
/// Quad formats (nq, trig, jsonld) keep one named graph per source plus the
/// reference, ontology, alignment and VoID graphs (with --union also their
/// union as the default graph); triple formats (nt, ttl, rdfxml) merge
/// them. JSON-LD is compact, with the context of ontology/context.jsonld.
/// With -o the file is written completely or not at all: a regular file is
/// replaced in one step (keeping its mode; a symbolic link to it stays a
/// link), a pipe or device is written directly, a folder is refused.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// RDF format.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Export only this named graph (e.g.
    /// https://w3id.org/oewg-kg/graph/reference).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Quad formats: also put every triple in the default graph, so tools
    /// that query the default graph answer the bundled queries unchanged.
    #[arg(long)]
    pub union: bool,
}

pub fn run(args: Args) -> Result<()> {
    let graph = match &args.graph {
        Some(g) => Some(
            oxigraph::model::NamedNode::new(g)
                .map_err(|e| anyhow::anyhow!("--graph {g:?} is not an IRI: {e}"))?,
        ),
        None => None,
    };
    let selection = export::Selection {
        graph,
        union: args.union,
    };
    let (store, _) = store::open(&args.store.path())?;
    let mut out = match &args.output {
        Some(path) => Output::create(path)?,
        None => Output::stdout(),
    };
    // Streamed: an error drops `out`, which removes the temporary file.
    let written = export::write_selected(&store, args.format, &selection, &mut out)
        .and_then(|()| out.commit());
    match &args.output {
        Some(path) => written.with_context(|| format!("cannot write {}", path.display())),
        None => written,
    }
}
