//! `oewg-kg serve`: the graph on the web, read-only.
//!
//! Every resource IRI `https://w3id.org/oewg-kg/X` is answered under the
//! local path `/X` the way linked-data publishers (Pubby, LodView) do it:
//! `/id/…` redirects (303) to an HTML page `/page/id/…` or an RDF document
//! `/data/id/…` by content negotiation, and both point at each other with
//! `Link` headers. Beside them: the SPARQL 1.1 Protocol at `/sparql`, Graph
//! Store Protocol reads at `/rdf-graphs` and `/graph/…`, a query page, the
//! source texts at `/source/{stem}` (what `oa:hasSource` points at) and the
//! VoID description at `/.well-known/void`.
//!
//! Modules by concern: `conneg` (Accept), `sparql` (the protocol and the
//! query limits), `resource` (what a page shows, read with SPARQL), `pages`
//! (HTML), `routes` (the router and handlers).

mod conneg;
mod pages;
mod resource;
mod routes;
pub mod sparql;

pub use sparql::QueryLimits;

use anyhow::{Context, Result};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::net::SocketAddr;

/// The namespace every resource, graph and term of the project lives in.
pub const BASE: &str = "https://w3id.org/oewg-kg/";

/// What every handler reads: the store (the version it was opened on stays
/// in place while the server runs) and the limits.
#[derive(Clone)]
pub struct AppState {
    pub store: crate::store::OpenStore,
    pub limits: QueryLimits,
}

impl AppState {
    /// Opens the store at `dir` read-only.
    pub fn open(dir: &std::path::Path, limits: QueryLimits) -> Result<Self> {
        let (store, _) = crate::store::open(dir)?;
        Ok(Self { store, limits })
    }

    /// The text of the source with this file stem (`oewg:fullText`).
    pub fn text(&self, stem: &str) -> Option<String> {
        let full_text = crate::quad::iri::term("fullText");
        let source = crate::quad::iri::source(stem);
        let quad = self
            .store
            .quads_for_pattern(
                Some(source.as_ref().into()),
                Some(full_text.as_ref()),
                None,
                None,
            )
            .next()?
            .ok()?;
        match quad.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        }
    }

    /// File stems of the sources whose text the store holds, sorted.
    pub fn stems(&self) -> Vec<String> {
        let full_text = crate::quad::iri::term("fullText");
        let prefix = format!("{}source/", crate::quad::vocab::ID);
        let mut stems: Vec<String> = self
            .store
            .quads_for_pattern(None, Some(full_text.as_ref()), None, None)
            .filter_map(Result::ok)
            .filter_map(|q| match q.subject {
                NamedOrBlankNode::NamedNode(n) => {
                    n.as_str().strip_prefix(&prefix).map(percent_decode)
                }
                _ => None,
            })
            .collect();
        stems.sort();
        stems.dedup();
        stems
    }
}

/// The local path of a project IRI (`https://w3id.org/oewg-kg/id/state/IRN`
/// → `/id/state/IRN`); `None` for IRIs outside the project.
pub fn local_path(iri: &str) -> Option<String> {
    iri.strip_prefix(BASE).map(|rest| format!("/{rest}"))
}

/// Percent-encodes a path segment (as `quad::iri` does for IRIs).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid escapes and bytes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The short name of an RDF media type, as `?format=` takes it.
pub fn format_name(media: &str) -> &'static str {
    match media {
        "text/turtle" => "ttl",
        "application/n-triples" => "nt",
        "application/ld+json" => "jsonld",
        "application/rdf+xml" => "rdfxml",
        "application/trig" => "trig",
        "application/n-quads" => "nq",
        _ => "ttl",
    }
}

/// Serves the store until Ctrl-C. Binding a non-loopback address is the
/// caller's explicit choice; the default is loopback.
pub fn run(state: AppState, bind: SocketAddr) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .with_context(|| format!("cannot listen on {bind}"))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!("warning: serving on {addr}, reachable from other machines");
        }
        eprintln!("serving http://{addr}/ (SPARQL endpoint http://{addr}/sparql); Ctrl-C stops");
        axum::serve(listener, routes::router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped with an error")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_iris_map_to_local_paths_and_others_do_not() {
        assert_eq!(
            local_path("https://w3id.org/oewg-kg/id/state/IRN").as_deref(),
            Some("/id/state/IRN")
        );
        assert_eq!(local_path("http://www.wikidata.org/entity/Q794"), None);
    }

    #[test]
    fn percent_encoding_round_trips() {
        for s in ["my report", "ü/x%", "plain-stem_1.0"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("100%"), "100%");
    }
}
