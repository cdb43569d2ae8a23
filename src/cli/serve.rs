//! `oewg-kg serve`: the graph as a read-only linked-data server.

use super::StoreArg;
use crate::server::{self, AppState, QueryLimits};
use anyhow::Result;
use std::net::SocketAddr;
use std::time::Duration;

/// Serve the graph over HTTP, read-only.
///
/// Routes:
///   /sparql              SPARQL 1.1 Protocol (GET, POST form, POST
///                        application/sparql-query); results and graphs in
///                        the format the Accept header asks for
///   /rdf-graphs?graph=I  Graph Store Protocol reads (also ?default)
///   /graph/NAME          a named graph by its own path
///   /id/...              every resource IRI https://w3id.org/oewg-kg/id/...:
///                        303 to /page/... (HTML) or /data/... (RDF)
///   /query               a query page with the bundled queries
///   /source/STEM         the source texts the evidence offsets point into
///   /.well-known/void    the VoID/DCAT description
///
/// Updates (SPARQL Update, LOAD, PUT) and SERVICE are refused. The store is
/// opened read-only; restart the server after `oewg-kg build`.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Address to listen on; loopback unless you choose otherwise (port 0
    /// picks a free port).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
    /// Longest a query may run, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Most rows (SELECT) or triples (CONSTRUCT) an answer may have.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_results: usize,
}

pub fn run(args: Args) -> Result<()> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!(
            "--timeout must be a positive number of seconds, not {}",
            args.timeout
        );
    }
    let limits = QueryLimits {
        timeout: Duration::from_secs_f64(args.timeout),
        max_results: args.max_results,
    };
    let state = AppState::open(&args.store.path(), limits)?;
    server::run(state, args.bind)
}
