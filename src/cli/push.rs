//! `oewg-kg push`: send the graph to a shared store.

use super::StoreArg;
use crate::output::push::{self, Pushed, Remote};
use crate::quad::iri;
use crate::store;
use anyhow::{bail, Result};
use oxigraph::model::NamedNode;

/// Replace the named graphs in a remote store with this store's.
///
/// Each named graph (every source's, plus the ontology, reference,
/// alignment and VoID graphs) is sent with an HTTP PUT of the SPARQL 1.1
/// Graph Store Protocol, which replaces that graph in the remote store and
/// leaves its other graphs alone. With --source only those sources' graphs
/// are sent: this is how one report is refreshed in a shared store.
///
/// URL is the remote SPARQL query endpoint, read before and after for the
/// summary; --graph-store gives the Graph Store endpoint when it differs:
///   oxigraph serve   URL http://host:7878/query   --graph-store http://host:7878/store
///   Fuseki           URL http://host:3030/ds/sparql --graph-store http://host:3030/ds/data
///   Virtuoso         URL http://host:8890/sparql  --graph-store http://host:8890/sparql-graph-crud-auth --auth dba:PASSWORD
///   GraphDB          URL http://host:7200/repositories/R --graph-store http://host:7200/repositories/R/rdf-graphs/service
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The remote SPARQL query endpoint.
    #[arg(value_name = "URL")]
    pub url: String,
    /// The remote Graph Store Protocol endpoint [default: URL].
    #[arg(long, value_name = "URL")]
    pub graph_store: Option<String>,
    /// Credentials for HTTP Basic or Digest authentication.
    #[arg(long, value_name = "USER:PASSWORD")]
    pub auth: Option<String>,
    /// Push only these sources' graphs (file stems).
    #[arg(long, value_name = "STEM", num_args = 1..)]
    pub source: Vec<String>,
    /// Attempts per request before giving up.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
    #[command(flatten)]
    pub store: StoreArg,
}

/// The graphs to send: the sources asked for, or every named graph.
fn graphs(store: &oxigraph::store::Store, sources: &[String]) -> Result<Vec<NamedNode>> {
    let all: Vec<NamedNode> = store
        .named_graphs()
        .filter_map(|g| match g {
            Ok(oxigraph::model::NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    if sources.is_empty() {
        return Ok(all);
    }
    sources
        .iter()
        .map(|stem| {
            let g = iri::source_graph(stem);
            if all.contains(&g) {
                Ok(g)
            } else {
                bail!("the store has no source {stem:?}; `oewg-kg stats` lists its graphs")
            }
        })
        .collect()
}

fn describe(p: &Pushed) -> String {
    let count = |n: Option<usize>| n.map_or("unknown".to_string(), |n| n.to_string());
    let change = match p.before {
        Some(0) => "new".to_string(),
        Some(b) if Some(b) == p.after => "same size".to_string(),
        Some(b) => format!("replaced {b} triples"),
        None => "replaced".to_string(),
    };
    format!(
        "{}  sent {}  remote now {}  ({change})",
        p.graph,
        p.sent,
        count(p.after)
    )
}

pub fn run(args: Args) -> Result<()> {
    let auth = match &args.auth {
        Some(a) => match a.split_once(':') {
            Some((u, p)) => Some((u.to_string(), p.to_string())),
            None => bail!("--auth takes USER:PASSWORD, with a colon"),
        },
        None => None,
    };
    let remote = Remote {
        sparql: args.url.clone(),
        graph_store: args.graph_store.clone().unwrap_or_else(|| args.url.clone()),
        auth,
        attempts: args.retries.max(1),
    };
    let (store, _) = store::open(&args.store.path())?;
    let graphs = graphs(&store, &args.source)?;
    let mut total = 0;
    for g in &graphs {
        let before = push::remote_count(&remote, g.as_str());
        let (sent, body) = push::ntriples(&store, g)?;
        push::put_graph(&remote, g.as_str(), &body)?;
        let after = push::remote_count(&remote, g.as_str());
        total += sent;
        println!(
            "{}",
            describe(&Pushed {
                graph: g.as_str().to_string(),
                before,
                sent,
                after
            })
        );
    }
    eprintln!(
        "pushed {} graph{} ({total} triples) to {}",
        graphs.len(),
        if graphs.len() == 1 { "" } else { "s" },
        remote.graph_store
    );
    Ok(())
}
