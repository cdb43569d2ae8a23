//! Sending named graphs to a remote store with the SPARQL 1.1 Graph Store
//! HTTP Protocol: one `PUT ?graph=IRI` per graph, which replaces that graph
//! there and leaves every other graph alone — so one source can be
//! refreshed without touching the rest of a shared store.
//!
//! The body is N-Triples (UTF-8): every store parses it, and it avoids the
//! Turtle escapes (`\/` in prefixed names) some stores mishandle. HTTP Basic
//! and Digest authentication are answered as the store asks; connection
//! failures and 5xx answers are retried.

use anyhow::{anyhow, bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Triple};
use oxigraph::store::Store;
use std::time::Duration;
use ureq::http::Response;
use ureq::Body;

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct Remote {
    /// The SPARQL query endpoint (read before and after, for the summary).
    pub sparql: String,
    /// The Graph Store Protocol endpoint (written).
    pub graph_store: String,
    /// `(user, password)` for Basic or Digest authentication.
    pub auth: Option<(String, String)>,
    /// Attempts per request (connection errors and 5xx are retried).
    pub attempts: u32,
}

/// What happened to one graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Pushed {
    pub graph: String,
    /// Triples the remote graph held before (`None`: it could not say).
    pub before: Option<usize>,
    pub sent: usize,
    /// Triples the remote graph holds afterwards.
    pub after: Option<usize>,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(300)))
        .build()
        .into()
}

/// The triples of one named graph as N-Triples, sorted.
pub fn ntriples(store: &Store, graph: &NamedNode) -> Result<(usize, Vec<u8>)> {
    let mut triples: Vec<Triple> = store
        .quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        )
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()
        .context("reading the store failed")?;
    triples.sort_by_cached_key(|t| t.to_string());
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for t in &triples {
        w.serialize_triple(t)?;
    }
    Ok((triples.len(), w.finish()?))
}

/// The `Authorization` header answering a 401 challenge.
fn authorization(
    challenge: &str,
    auth: &(String, String),
    method: &str,
    url: &str,
    body: &[u8],
) -> Result<String> {
    let (user, pass) = auth;
    if challenge
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("basic")
    {
        use base64::Engine;
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
        return Ok(format!("Basic {token}"));
    }
    let uri = url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".into());
    let mut prompt = digest_auth::parse(challenge)
        .map_err(|e| anyhow!("the store's authentication challenge is not understood: {e}"))?;
    let ctx = digest_auth::AuthContext::new_with_method(
        user.as_str(),
        pass.as_str(),
        uri,
        Some(body),
        digest_auth::HttpMethod(method.to_string().into()),
    );
    Ok(prompt
        .respond(&ctx)
        .map_err(|e| anyhow!("cannot answer the store's authentication challenge: {e}"))?
        .to_header_string())
}

/// One HTTP request with retries and authentication: connection errors and
/// 5xx answers are retried with growing pauses; a 401 is answered once
/// with the credentials.
fn send(
    remote: &Remote,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Response<Body>> {
    let agent = agent();
    // Some stores (Virtuoso) answer 401 and close the connection before
    // reading a body; ask for the challenge with a bodiless HEAD first.
    let mut authz: Option<String> = match body.is_empty() {
        true => None,
        false => challenge(&agent, remote, method, url, body)?,
    };
    let mut last_error = String::new();
    let mut attempt = 0;
    while attempt < remote.attempts.max(1) {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(300 << attempt.min(5)));
        }
        attempt += 1;
        let mut req = ureq::http::Request::builder().method(method).uri(url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(a) = &authz {
            req = req.header("Authorization", a.as_str());
        }
        let req = req
            .body(body.to_vec())
            .map_err(|e| anyhow!("{url} is not a usable URL: {e}"))?;
        match agent.run(req) {
            Err(e) => last_error = format!("cannot reach {url}: {e}"),
            Ok(resp) if resp.status().as_u16() == 401 && authz.is_none() => {
                authz = Some(answer_401(&resp, remote, method, url, body)?);
                attempt -= 1; // answering the challenge is not a retry
            }
            Ok(resp) if resp.status().is_server_error() => {
                last_error = format!("{url} failed with HTTP {}", resp.status());
            }
            Ok(resp) => return Ok(resp),
        }
    }
    bail!("{last_error} (after {} attempts)", remote.attempts.max(1))
}

/// The `Authorization` header for a request to `url`, when a HEAD request
/// there is answered with a 401 challenge; `None` when it is not.
fn challenge(
    agent: &ureq::Agent,
    remote: &Remote,
    method: &str,
    url: &str,
    body: &[u8],
) -> Result<Option<String>> {
    let Ok(resp) = agent.head(url).call() else {
        return Ok(None);
    };
    if resp.status().as_u16() != 401 {
        return Ok(None);
    }
    answer_401(&resp, remote, method, url, body).map(Some)
}

/// Answers a 401 with the credentials, or says they are needed.
fn answer_401(
    resp: &Response<Body>,
    remote: &Remote,
    method: &str,
    url: &str,
    body: &[u8],
) -> Result<String> {
    let Some(cred) = &remote.auth else {
        bail!("{url} asks for credentials (HTTP 401); give --auth user:password");
    };
    let challenge = resp
        .headers()
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("Basic");
    authorization(challenge, cred, method, url, body)
}

/// URL with a query parameter appended.
fn with_param(url: &str, key: &str, value: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    let enc: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
    format!("{url}{sep}{key}={enc}")
}

/// Counts the triples of a remote graph; `None` when the endpoint cannot
/// say (the summary then says "unknown" rather than failing the push).
pub fn remote_count(remote: &Remote, graph: &str) -> Option<usize> {
    let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}");
    let url = with_param(&remote.sparql, "query", &q);
    let mut resp = send(
        remote,
        "GET",
        &url,
        &[("Accept", "application/sparql-results+json")],
        &[],
    )
    .ok()?;
    if !resp.status().is_success() {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&resp.body_mut().read_to_string().ok()?).ok()?;
    json["results"]["bindings"][0]["n"]["value"]
        .as_str()?
        .parse()
        .ok()
}

/// Replaces one graph in the remote store.
pub fn put_graph(remote: &Remote, graph: &str, ntriples: &[u8]) -> Result<()> {
    let url = with_param(&remote.graph_store, "graph", graph);
    // Virtuoso names the parameter graph-uri; sending both is harmless.
    let url = with_param(&url, "graph-uri", graph);
    let mut resp = send(
        remote,
        "PUT",
        &url,
        &[("Content-Type", "application/n-triples; charset=utf-8")],
        ntriples,
    )?;
    let status = resp.status();
    if status.is_success() {
        return Ok(());
    }
    let body = resp.body_mut().read_to_string().unwrap_or_default();
    let detail: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(300)
        .collect();
    bail!(
        "the store at {} refused graph {graph}: HTTP {status}{}{detail}",
        remote.graph_store,
        if detail.is_empty() { "" } else { ": " }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_encoded_and_appended() {
        assert_eq!(
            with_param("http://h/store", "graph", "https://w3id.org/a b"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fa+b"
        );
        assert_eq!(with_param("http://h/s?x=1", "g", "y"), "http://h/s?x=1&g=y");
    }

    #[test]
    fn an_unreachable_store_is_named_after_the_retries() {
        let remote = Remote {
            sparql: "http://127.0.0.1:9/sparql".into(),
            graph_store: "http://127.0.0.1:9/store".into(),
            auth: None,
            attempts: 2,
        };
        let e = put_graph(&remote, "https://example.org/g", b"").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("cannot reach http://127.0.0.1:9/store"),
            "{msg}"
        );
        assert!(msg.contains("after 2 attempts"), "{msg}");
    }
}
