//! `oewg-kg export`: the whole graph in a standard RDF format.

use super::StoreArg;
use crate::output::export::{self, ExportFormat};
use crate::store;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

/// Export the whole graph for other linked-data tools.
///
/// Quad formats (nq, trig, jsonld) keep one named graph per source plus the
/// reference, ontology, alignment and VoID graphs (with --union also their
/// union as the default graph); triple formats (nt, ttl, rdfxml) merge
/// them. JSON-LD is compact, with the context of ontology/context.jsonld. With -o the file is written completely or not at all.
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
    let mut buf = Vec::new();
    export::write_selected(&store, args.format, &selection, &mut buf)?;
    match &args.output {
        Some(path) => write_atomically(path, &buf),
        None => {
            std::io::stdout().lock().write_all(&buf)?;
            Ok(())
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_file_name(format!(
        ".{}.partial",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}
