//! `oewg-kg load`: add external RDF to the store.

use super::StoreArg;
use crate::quad::iri;
use crate::store;
use anyhow::{bail, Context, Result};
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::path::{Path, PathBuf};

/// Add RDF files to the store, each in its own named graph.
///
/// Each FILE (.ttl, .nt, .nq, .trig, .rdf/.owl, .jsonld) becomes the graph
/// https://w3id.org/oewg-kg/graph/loaded/{file stem} (or --graph IRI when
/// one file is given); loading a file again replaces its graph. Loaded
/// graphs are kept when `oewg-kg build` rebuilds the store, so the graph
/// can be enriched with Wikidata extracts or a team's own annotations and
/// queried together with the reports. The store is replaced only when
/// every file has parsed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// RDF files to add.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The named graph to load into (one FILE only).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    #[command(flatten)]
    pub store: StoreArg,
}

fn graph_for(file: &Path, explicit: Option<&str>) -> Result<NamedNode> {
    if let Some(g) = explicit {
        return NamedNode::new(g).with_context(|| format!("--graph {g:?} is not an IRI"));
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    Ok(iri::loaded_graph(&stem))
}

pub fn run(args: Args) -> Result<()> {
    if args.graph.is_some() && args.files.len() > 1 {
        bail!("--graph names one graph; load one FILE with it, or leave it out");
    }
    let mut added = Vec::new();
    let mut graphs = Vec::new();
    for f in &args.files {
        let g = graph_for(f, args.graph.as_deref())?;
        let quads = crate::input::rdf::read(f, &g)?;
        eprintln!("{}: {} triples into {g}", f.display(), quads.len());
        graphs.push(GraphName::NamedNode(g));
        added.extend(quads);
    }
    let dir = args.store.path();
    // Load adds to a store: there must be one. Locked before reading, so
    // no build or load in between is lost.
    drop(store::open(&dir)?);
    let lock = store::lock(&dir, false, |_| {})?;
    let (store, manifest) = store::open(&dir)?;
    let mut quads: Vec<Quad> = store
        .iter()
        .filter(|q| q.as_ref().map_or(true, |q| !graphs.contains(&q.graph_name)))
        .collect::<Result<_, _>>()
        .context("reading the store failed")?;
    drop(store);
    quads.extend(added);
    crate::quad::void::refresh(&mut quads);
    let published = store::publish(&lock, quads, manifest.sources, |_| {})?;
    for w in &published.warnings {
        eprintln!("warning: {w}");
    }
    Ok(())
}
