//! The SPARQL 1.1 Protocol endpoint (read-only): a query arrives by GET,
//! by POST form or by POST `application/sparql-query`; it runs against the
//! union default graph (or the request's `default-graph-uri` and
//! `named-graph-uri`) within the server's limits, and its answer is
//! serialised in the format the client negotiated.

use super::conneg;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, QuerySolution,
    SparqlEvaluator, Variable,
};
use oxigraph::store::Store;
use std::time::Duration;

/// How long a query may run and how big its answer may be. The CLI's
/// `query` bounds the same two things; the server's values are its own
/// (`serve --timeout`, `--max-results`), applied by
/// [`evaluate_within_limits`].
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    pub timeout: Duration,
    /// Rows of a SELECT, or triples of a CONSTRUCT/DESCRIBE.
    pub max_results: usize,
}

impl Default for QueryLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_results: 100_000,
        }
    }
}

/// A query as the protocol delivers it.
#[derive(Debug, Clone, Default)]
pub struct QueryRequest {
    pub query: String,
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
}

/// What went wrong, with the HTTP status it deserves; the message is one
/// sentence for the client.
#[derive(Debug, Clone, PartialEq)]
pub enum ProtocolError {
    BadRequest(String),
    Forbidden(String),
    NotFound(String),
    NotAcceptable(String),
    Unsupported(String),
    Timeout(String),
    Internal(String),
}

impl IntoResponse for ProtocolError {
    fn into_response(self) -> Response {
        let (status, msg) = match self {
            ProtocolError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ProtocolError::Forbidden(m) => (StatusCode::FORBIDDEN, m),
            ProtocolError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ProtocolError::NotAcceptable(m) => (StatusCode::NOT_ACCEPTABLE, m),
            ProtocolError::Unsupported(m) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, m),
            ProtocolError::Timeout(m) => (StatusCode::SERVICE_UNAVAILABLE, m),
            ProtocolError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        (
            status,
            [("content-type", "text/plain; charset=utf-8")],
            msg + "\n",
        )
            .into_response()
    }
}

/// A complete answer, held in memory so that limits are checked before
/// the first byte is sent.
#[derive(Debug)]
pub enum Answer {
    Solutions(Vec<Variable>, Vec<QuerySolution>),
    Boolean(bool),
    Graph(Vec<Triple>),
}

const READ_ONLY: &str = "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, …) is refused; rebuild the store with `oewg-kg build` or `oewg-kg load`";

/// Refuses SPARQL Update, whichever way it was sent.
pub fn refuse_update() -> ProtocolError {
    ProtocolError::Forbidden(READ_ONLY.into())
}

fn graph_iris(iris: &[String], what: &str) -> Result<Vec<NamedNode>, ProtocolError> {
    iris.iter()
        .map(|i| {
            NamedNode::new(i).map_err(|e| {
                ProtocolError::BadRequest(format!("{what} {i:?} is not an absolute IRI: {e}"))
            })
        })
        .collect()
}

/// The evaluator: the contract's prefixes predeclared (as `oewg-kg query`
/// does), no SERVICE handler, cancelled through `token`.
fn evaluator(token: CancellationToken) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token);
    for (p, ns) in crate::quad::vocab::PREFIXES {
        evaluator = evaluator.with_prefix(p, ns).expect("valid prefix IRI");
    }
    evaluator
}

/// Parses the request's query and applies its dataset: the protocol's
/// `default-graph-uri`/`named-graph-uri`, else the query's own FROM
/// clauses, else the union of all named graphs as the default graph.
fn prepare(
    req: &QueryRequest,
    token: CancellationToken,
) -> Result<PreparedSparqlQuery, ProtocolError> {
    // Thousands of nested levels would overflow the worker's stack.
    crate::output::query_check::check_nesting("the query", &req.query)
        .map_err(|e| ProtocolError::BadRequest(e.to_string()))?;
    let mut prepared = match evaluator(token.clone()).parse_query(&req.query) {
        Ok(p) => p,
        Err(e) => {
            if evaluator(token).parse_update(&req.query).is_ok() {
                return Err(refuse_update());
            }
            return Err(ProtocolError::BadRequest(format!(
                "SPARQL syntax error: {e}"
            )));
        }
    };
    let defaults = graph_iris(&req.default_graphs, "default-graph-uri")?;
    let named = graph_iris(&req.named_graphs, "named-graph-uri")?;
    if defaults.is_empty() && named.is_empty() {
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        return Ok(prepared);
    }
    prepared
        .dataset_mut()
        .set_default_graph(defaults.into_iter().map(GraphName::from).collect());
    if !named.is_empty() {
        prepared
            .dataset_mut()
            .set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
    }
    Ok(prepared)
}

fn evaluation_error(e: QueryEvaluationError) -> ProtocolError {
    match e {
        QueryEvaluationError::Service(_)
        | QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_) => ProtocolError::Forbidden(
            "SERVICE (federated query) is refused: this endpoint answers from its own store only"
                .into(),
        ),
        QueryEvaluationError::Cancelled => ProtocolError::Timeout(
            "the query was stopped: it ran longer than the server's time limit".into(),
        ),
        other => ProtocolError::BadRequest(format!("query evaluation failed: {other}")),
    }
}

fn too_large(limit: usize, what: &str) -> ProtocolError {
    ProtocolError::BadRequest(format!(
        "the answer has more than {limit} {what}, this server's limit; add a LIMIT or narrow the query"
    ))
}

/// Evaluates a query to a complete answer, stopping at `max_results` and
/// when `token` is cancelled (blocking: run it off the async threads).
pub fn evaluate(
    store: &Store,
    req: &QueryRequest,
    max_results: usize,
    token: CancellationToken,
) -> Result<Answer, ProtocolError> {
    let results = prepare(req, token)?
        .on_store(store)
        .execute()
        .map_err(evaluation_error)?;
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                if rows.len() == max_results {
                    return Err(too_large(max_results, "rows"));
                }
                rows.push(s.map_err(evaluation_error)?);
            }
            Ok(Answer::Solutions(vars, rows))
        }
        QueryResults::Boolean(b) => Ok(Answer::Boolean(b)),
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            for t in triples {
                if out.len() == max_results {
                    return Err(too_large(max_results, "triples"));
                }
                out.push(t.map_err(evaluation_error)?);
            }
            Ok(Answer::Graph(out))
        }
    }
}

/// Runs a query within the server's limits: evaluation on a blocking
/// thread, cancelled when it outlives `limits.timeout`.
pub async fn evaluate_within_limits(
    store: Store,
    req: QueryRequest,
    limits: QueryLimits,
) -> Result<Answer, ProtocolError> {
    let token = CancellationToken::new();
    let worker_token = token.clone();
    let task = tokio::task::spawn_blocking(move || {
        evaluate(&store, &req, limits.max_results, worker_token)
    });
    match tokio::time::timeout(limits.timeout, task).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(join)) => Err(ProtocolError::Internal(format!(
            "the query could not be evaluated: {join}"
        ))),
        Err(_) => {
            token.cancel();
            Err(ProtocolError::Timeout(format!(
                "the query was stopped after {} s, this server's time limit",
                limits.timeout.as_secs_f32()
            )))
        }
    }
}

/// Serialises an answer in the negotiated format: results formats for
/// SELECT and ASK, RDF formats for CONSTRUCT and DESCRIBE. Returns the
/// media type and the bytes.
pub fn serialize(
    answer: &Answer,
    format: Option<&str>,
    accept: Option<&str>,
) -> Result<(&'static str, Vec<u8>), ProtocolError> {
    let offers: &[&'static str] = match answer {
        Answer::Graph(_) => &conneg::RDF_MEDIA,
        _ => &conneg::RESULTS_MEDIA,
    };
    let media = conneg::negotiate(format, accept, offers)
        .map_err(ProtocolError::NotAcceptable)?
        .ok_or_else(|| {
            ProtocolError::NotAcceptable(format!(
                "none of the formats asked for in Accept is offered; this answer comes as {}",
                offers.join(", ")
            ))
        })?;
    let mut out = Vec::new();
    let fail = |e: std::io::Error| ProtocolError::Internal(format!("serialisation failed: {e}"));
    match answer {
        Answer::Solutions(vars, rows) => {
            let ser = oxigraph::sparql::results::QueryResultsSerializer::from_format(
                conneg::results_format(media),
            );
            let mut w = ser
                .serialize_solutions_to_writer(&mut out, vars.clone())
                .map_err(fail)?;
            for r in rows {
                w.serialize(r).map_err(fail)?;
            }
            w.finish().map_err(fail)?;
        }
        Answer::Boolean(b) => {
            oxigraph::sparql::results::QueryResultsSerializer::from_format(conneg::results_format(
                media,
            ))
            .serialize_boolean_to_writer(&mut out, *b)
            .map_err(fail)?;
        }
        Answer::Graph(triples) => {
            crate::output::export::write_graph(triples.clone(), conneg::rdf_format(media), &mut out)
                .map_err(|e| ProtocolError::Internal(format!("serialisation failed: {e}")))?
        }
    }
    Ok((media, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, Quad};

    fn store() -> Store {
        let s = Store::new().unwrap();
        let g = NamedNode::new("https://example.org/g").unwrap();
        for i in 0..5 {
            s.insert(&Quad::new(
                NamedNode::new(format!("https://example.org/s{i}")).unwrap(),
                NamedNode::new("https://example.org/p").unwrap(),
                Literal::from(i),
                g.clone(),
            ))
            .unwrap();
        }
        s
    }

    fn ask(q: &str, max: usize) -> Result<Answer, ProtocolError> {
        let req = QueryRequest {
            query: q.into(),
            ..Default::default()
        };
        evaluate(&store(), &req, max, CancellationToken::new())
    }

    #[test]
    fn the_default_graph_is_the_union_of_the_named_graphs() {
        match ask("SELECT ?s WHERE { ?s ?p ?o }", 10).unwrap() {
            Answer::Solutions(_, rows) => assert_eq!(rows.len(), 5),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_answer_over_the_limit_is_refused_not_cut() {
        let e = ask("SELECT ?s WHERE { ?s ?p ?o }", 4).unwrap_err();
        assert!(matches!(&e, ProtocolError::BadRequest(m) if m.contains("more than 4 rows")));
        assert!(ask("SELECT ?s WHERE { ?s ?p ?o } LIMIT 4", 4).is_ok());
    }

    #[test]
    fn updates_and_service_calls_are_refused() {
        for u in [
            "INSERT DATA { <http://a> <http://b> <http://c> }",
            "LOAD <http://example.org/data.ttl>",
            "CLEAR ALL",
        ] {
            assert_eq!(ask(u, 10).unwrap_err(), refuse_update(), "{u}");
        }
        let e = ask(
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            10,
        )
        .unwrap_err();
        assert!(matches!(&e, ProtocolError::Forbidden(m) if m.contains("SERVICE")));
    }

    #[test]
    fn a_cancelled_query_reports_the_time_limit() {
        let token = CancellationToken::new();
        token.cancel();
        let req = QueryRequest {
            query: "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }".into(),
            ..Default::default()
        };
        let e = evaluate(&store(), &req, 1000, token).unwrap_err();
        assert!(matches!(e, ProtocolError::Timeout(_)), "{e:?}");
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let e = ask("SELECT ?s WHERE {\n ?s ?p }", 10).unwrap_err();
        assert!(
            matches!(&e, ProtocolError::BadRequest(m) if m.contains("syntax error") && m.contains("2:")),
            "{e:?}"
        );
    }
}
