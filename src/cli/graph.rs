//! `oewg-kg graph`: pictures of the negotiation.

use super::StoreArg;
use crate::output::file;
use crate::output::graph::{self, Clustering, View, ViewGraph};
use crate::output::query;
use crate::store;
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::PathBuf;

/// Draw a view of the graph with Graphviz, or export it as node/edge tables
///
/// VIEW is one of:
///   alignment   states and groups, linked by how often one backs the other's
///               proposals (green), opposes them (red) or takes the same side
///               (blue); line width grows with the count
///   proposals   actor → edit proposal → draft paragraph; supporters and
///               opponents as green and red edges; proposals coloured by
///               outcome (green adopted, yellow partly, red not)
///   framework   resolutions → bodies → documents, and draft versions
///   votes       states placed by how often they vote alike in recorded
///               votes (each linked to its closest partners; width = votes
///               cast alike); voting blocs drawn as clusters
///   around IRI  the neighbourhood of any resource (--depth links out)
/// or give --construct FILE.rq to draw any SPARQL CONSTRUCT.
///
/// The graph is assembled with petgraph from SPARQL answers and written as
/// DOT; the same store gives the same bytes.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// alignment, proposals, framework, votes, or around.
    #[arg(value_name = "VIEW", required_unless_present = "construct")]
    pub view: Option<String>,
    /// The resource IRI, for the `around` view.
    #[arg(value_name = "IRI")]
    pub iri: Option<String>,
    #[command(flatten)]
    pub store: StoreArg,
    /// dot (Graphviz source), svg (rendered with Graphviz `dot`, nodes
    /// linking to their IRIs), csv (PREFIX-nodes.csv and PREFIX-edges.csv),
    /// graphml (yEd, Cytoscape, networkx) or gexf (Gephi).
    #[arg(long, short, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Output file (for csv: the prefix of the two tables) [default:
    /// standard output; for csv: the view name].
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Draw a SPARQL CONSTRUCT query's triples instead of a named view.
    #[arg(long, value_name = "FILE.rq", conflicts_with = "view")]
    pub construct: Option<String>,
    /// Links to follow from the resource, for `around`.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Keep only the N nodes with the heaviest links.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Group nodes into boxes by class or by source text.
    #[arg(long, value_enum, default_value_t = Clustering::None)]
    pub cluster: Clustering,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Svg,
    Csv,
    /// GraphML (yEd, Cytoscape, networkx).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
}

pub fn run(args: Args) -> Result<()> {
    let construct = args.construct.as_deref().map(query::load).transpose()?;
    let (store, _) = store::open(&args.store.path())?;
    let (mut view, name): (ViewGraph, String) = match (&construct, args.view.as_deref()) {
        (Some(q), _) => (graph::construct(&store, q)?, "construct".into()),
        (None, Some("alignment")) => (graph::build(&store, View::Alignment)?, "alignment".into()),
        (None, Some("proposals")) => (graph::build(&store, View::Proposals)?, "proposals".into()),
        (None, Some("framework")) => (graph::build(&store, View::Framework)?, "framework".into()),
        (None, Some("votes")) => (graph::build(&store, View::Votes)?, "votes".into()),
        (None, Some("around")) => {
            let Some(iri) = args.iri.as_deref() else {
                bail!("the around view needs an IRI, e.g. `oewg-kg graph around https://w3id.org/oewg-kg/id/state/IRN`");
            };
            (
                graph::around(&store, iri, args.depth.max(1), args.limit.unwrap_or(80))?,
                "around".into(),
            )
        }
        (None, Some(other)) => {
            bail!("unknown view {other:?}; choose alignment, proposals, framework, votes or around IRI")
        }
        (None, None) => bail!("give a VIEW or --construct FILE.rq"),
    };
    if let Some(n) = args.limit {
        view.limit(n);
    }
    match args.format {
        GraphFormat::Csv => {
            let prefix = args.output.clone().unwrap_or_else(|| PathBuf::from(&name));
            let path = |suffix: &str| {
                let mut p = prefix.clone().into_os_string();
                p.push(suffix);
                PathBuf::from(p)
            };
            let (np, ep) = (path("-nodes.csv"), path("-edges.csv"));
            let (mut nodes, mut edges) = (Vec::new(), Vec::new());
            graph::write_csv(&view, &mut nodes, &mut edges)?;
            file::write_file(&np, &nodes)?;
            file::write_file(&ep, &edges)?;
            eprintln!(
                "wrote {} ({} nodes) and {} ({} edges)",
                np.display(),
                view.nodes.len(),
                ep.display(),
                view.edges.len()
            );
            Ok(())
        }
        GraphFormat::Dot | GraphFormat::Svg | GraphFormat::Graphml | GraphFormat::Gexf => {
            let mut bytes = Vec::new();
            match args.format {
                GraphFormat::Graphml => graph::write_graphml(&view, &mut bytes)?,
                GraphFormat::Gexf => graph::write_gexf(&view, &mut bytes)?,
                _ => graph::write_dot(&view, args.cluster, &mut bytes)?,
            }
            if args.format == GraphFormat::Svg {
                let mut svg = Vec::new();
                graph::write_svg(&bytes, &mut svg)?;
                bytes = svg;
            }
            match &args.output {
                Some(p) => {
                    file::write_file(p, &bytes).with_context(|| format!("writing {}", p.display()))
                }
                None => {
                    std::io::stdout().lock().write_all(&bytes)?;
                    Ok(())
                }
            }
        }
    }
}
