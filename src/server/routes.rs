//! The router: one small handler per route. Anything that reads the store
//! runs on a blocking thread; the async threads only move bytes.

use super::sparql::{self, ProtocolError, QueryRequest};
use super::{conneg, local_path, pages, percent_encode, resource, AppState, BASE};
use crate::output::graph;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use maud::Markup;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, Triple};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/query", get(query_page))
        .route("/sparql", get(sparql_endpoint).post(sparql_endpoint))
        .route(
            "/rdf-graphs",
            get(graph_store)
                .put(read_only)
                .post(read_only)
                .delete(read_only),
        )
        .route("/graph/{*name}", get(named_graph))
        .route("/ontology", get(ontology))
        .route("/ontology/context.jsonld", get(jsonld_context))
        .route("/id/{*rest}", get(see_other))
        .route("/page/{*rest}", get(page))
        .route("/data/{*rest}", get(data))
        .route("/source/{stem}", get(source))
        .route("/sources", get(source_list))
        .route("/.well-known/void", get(void))
        .route("/assets/{file}", get(asset))
        .fallback(fallback)
        .with_state(state)
}

type Reply = Result<Response, ProtocolError>;

/// The request's query string as ordered key/value pairs.
fn params(raw: &Option<String>) -> Vec<(String, String)> {
    raw.as_deref()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn accept(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok())
}

fn html(markup: Markup) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

fn page_of(title: &str, body: Markup) -> Response {
    html(pages::layout(title, &[], body))
}

fn bytes(media: &str, body: Vec<u8>) -> Response {
    let ct = if media.starts_with("text/") || media.ends_with("json") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_string()
    };
    ([(header::CONTENT_TYPE, ct)], body).into_response()
}

/// Runs store work on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ProtocolError> + Send + 'static,
) -> Result<T, ProtocolError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ProtocolError::Internal(format!("the request failed: {e}")))?
}

fn internal(e: impl std::fmt::Display) -> ProtocolError {
    ProtocolError::Internal(format!("reading the store failed: {e}"))
}

async fn index(State(st): State<AppState>) -> Reply {
    let store = st.store.clone();
    let (classes, sources) = blocking(move || {
        let q = |text: &str| {
            crate::output::query::select(
                &store,
                &crate::output::query::QueryText {
                    origin: "start page".into(),
                    text: text.into(),
                },
            )
            .map_err(internal)
        };
        let row = |r: &Vec<Option<oxigraph::model::Term>>| {
            (resource::value(&r[0]), resource::value(&r[1]))
        };
        let classes = q("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(oewg:))) } GROUP BY ?c ORDER BY DESC(?n) ?c")?;
        let sources = q("SELECT ?s (MIN(STR(?l)) AS ?label) WHERE { ?s a oewg:SourceText ; rdfs:label ?l } GROUP BY ?s ORDER BY ?s")?;
        Ok((
            classes.1.iter().map(row).collect::<Vec<_>>(),
            sources.1.iter().map(row).collect::<Vec<_>>(),
        ))
    })
    .await?;
    Ok(page_of(
        "Start",
        pages::index(&classes, &sources, "/id/state/IRN"),
    ))
}

async fn query_page() -> Response {
    page_of(
        "SPARQL query",
        pages::query_page(crate::output::query::BUNDLED),
    )
}

/// Reads a SPARQL Protocol request: GET with `query`, POST form with
/// `query` (or `update`, refused), POST `application/sparql-query`.
fn protocol_request(
    method: &Method,
    headers: &HeaderMap,
    url: &[(String, String)],
    body: &Bytes,
) -> Result<Option<QueryRequest>, ProtocolError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let mut pairs: Vec<(String, String)> = url.to_vec();
    let mut query = None;
    if method == Method::POST {
        match ctype.as_deref() {
            Some("application/x-www-form-urlencoded") => {
                pairs.extend(form_urlencoded::parse(body).into_owned());
            }
            Some("application/sparql-query") => {
                query = Some(String::from_utf8(body.to_vec()).map_err(|_| {
                    ProtocolError::BadRequest("the query is not valid UTF-8".into())
                })?);
            }
            Some("application/sparql-update") => return Err(sparql::refuse_update()),
            other => {
                return Err(ProtocolError::Unsupported(format!(
                    "a SPARQL query is POSTed as application/x-www-form-urlencoded or application/sparql-query, not {}",
                    other.unwrap_or("(no content type)")
                )))
            }
        }
    }
    if param(&pairs, "update").is_some() {
        return Err(sparql::refuse_update());
    }
    let query = query.or_else(|| param(&pairs, "query").map(str::to_string));
    let all = |k: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .collect()
    };
    Ok(query.map(|query| QueryRequest {
        query,
        default_graphs: all("default-graph-uri"),
        named_graphs: all("named-graph-uri"),
    }))
}

async fn sparql_endpoint(
    State(st): State<AppState>,
    method: Method,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Reply {
    let url = params(&raw);
    let Some(req) = protocol_request(&method, &headers, &url, &body)? else {
        // A person opening the endpoint in a browser gets the query page.
        if conneg::choose(accept(&headers), &["text/html"]).is_some()
            && accept(&headers).is_some_and(|a| a.contains("text/html"))
        {
            return Ok(Redirect::to("/query").into_response());
        }
        return Err(ProtocolError::BadRequest(
            "give a SPARQL query in the `query` parameter (SPARQL 1.1 Protocol)".into(),
        ));
    };
    let answer = sparql::evaluate_within_limits((*st.store).clone(), req, st.limits).await?;
    let format = param(&url, "format").or_else(|| param(&url, "output"));
    let (media, out) = sparql::serialize(&answer, format, accept(&headers))?;
    Ok(bytes(media, out))
}

/// The RDF format a request asks for (`?format=` over `Accept`); Turtle
/// when it accepts anything.
fn rdf_media(format: Option<&str>, headers: &HeaderMap) -> Result<&'static str, ProtocolError> {
    Ok(
        conneg::negotiate(format, accept(headers), &conneg::RDF_MEDIA)
            .map_err(ProtocolError::NotAcceptable)?
            .unwrap_or("text/turtle"),
    )
}

/// Triples or quads of one graph (`None`: every graph, for the union
/// default graph) in the negotiated RDF format.
async fn graph_document(st: AppState, graph: Option<NamedNode>, media: &'static str) -> Reply {
    let store = st.store.clone();
    let body = blocking(move || {
        let gname = graph.as_ref().map(|g| GraphNameRef::NamedNode(g.as_ref()));
        let quads: Vec<Quad> = store
            .quads_for_pattern(None, None, None, gname)
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        if quads.is_empty() {
            return Err(ProtocolError::NotFound(match &graph {
                Some(g) => format!("the store has no graph {g}"),
                None => "the store is empty".into(),
            }));
        }
        let mut out = Vec::new();
        crate::output::export::write_quads(&quads, conneg::rdf_format(media), &mut out)
            .map_err(internal)?;
        Ok(out)
    })
    .await?;
    Ok(bytes(media, body))
}

/// Graph Store Protocol, indirect identification: `?graph=IRI` or
/// `?default` (the union of all graphs).
async fn graph_store(
    State(st): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let p = params(&raw);
    let graph = match (param(&p, "graph"), param(&p, "default")) {
        (Some(g), None) => Some(NamedNode::new(g).map_err(|e| {
            ProtocolError::BadRequest(format!("graph {g:?} is not an absolute IRI: {e}"))
        })?),
        (None, Some(_)) => None,
        _ => {
            return Err(ProtocolError::BadRequest(
                "give either ?graph=IRI or ?default (SPARQL 1.1 Graph Store Protocol)".into(),
            ))
        }
    };
    let media = rdf_media(param(&p, "format"), &headers)?;
    graph_document(st, graph, media).await
}

async fn read_only() -> Response {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        [(header::ALLOW, "GET, HEAD")],
        "this Graph Store is read-only; `oewg-kg push` sends graphs to a writable store\n",
    )
        .into_response()
}

/// Graph Store Protocol, direct identification: a named graph IRI's own
/// path.
async fn named_graph(
    State(st): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let iri = format!("{BASE}graph/{}", percent_encode_path(&name));
    let graph = NamedNode::new(&iri)
        .map_err(|_| ProtocolError::NotFound(format!("no graph named {name:?}")))?;
    let media = rdf_media(param(&params(&raw), "format"), &headers)?;
    graph_document(st, Some(graph), media).await
}

/// The ontology IRI: its graph as RDF, or the page of the ontology.
async fn ontology(State(st): State<AppState>, headers: HeaderMap, raw: RawQuery) -> Reply {
    let mut offers = vec!["text/html"];
    offers.extend(conneg::RDF_MEDIA);
    let p = params(&raw.0);
    let format = param(&p, "format");
    match conneg::negotiate(format, accept(&headers), &offers)
        .map_err(ProtocolError::NotAcceptable)?
    {
        Some("text/html") => Ok(Redirect::to("/page/ontology").into_response()),
        _ => {
            let g = crate::quad::iri::ontology_graph();
            graph_document(st, Some(g), rdf_media(format, &headers)?).await
        }
    }
}

/// Re-encodes a decoded path so that it matches the IRI minted for it.
fn percent_encode_path(path: &str) -> String {
    path.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

fn iri_of(rest: &str) -> String {
    format!("{BASE}{}", percent_encode_path(rest))
}

async fn exists(st: &AppState, iri: &str) -> Result<bool, ProtocolError> {
    let Ok(node) = NamedNode::new(iri) else {
        return Ok(false);
    };
    let store = st.store.clone();
    blocking(move || {
        let as_subject = store
            .quads_for_pattern(Some(node.as_ref().into()), None, None, None)
            .next()
            .is_some();
        Ok(as_subject
            || store
                .quads_for_pattern(None, None, Some(node.as_ref().into()), None)
                .next()
                .is_some())
    })
    .await
}

/// `/id/…`: 303 See Other to the page (browsers), the data (RDF clients) or
/// the text (a source asked for as text/plain), as Pubby and LodView do.
async fn see_other(
    State(st): State<AppState>,
    Path(rest): Path<String>,
    headers: HeaderMap,
) -> Reply {
    let path = format!("id/{rest}");
    let iri = iri_of(&path);
    if !exists(&st, &iri).await? {
        return Err(ProtocolError::NotFound(format!(
            "the graph says nothing about {iri}"
        )));
    }
    let mut offers = vec!["text/html"];
    offers.extend(conneg::RDF_MEDIA);
    let source_stem = rest
        .strip_prefix("source/")
        .filter(|s| st.text(s).is_some());
    if source_stem.is_some() {
        offers.push("text/plain");
    }
    let target = match conneg::choose(accept(&headers), &offers) {
        Some("text/html") => format!("/page/{}", percent_encode_path(&path)),
        Some("text/plain") => format!("/source/{}", percent_encode(source_stem.unwrap_or(""))),
        _ => format!("/data/{}", percent_encode_path(&path)),
    };
    Ok((
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, target),
            (header::VARY, "Accept".to_string()),
        ],
    )
        .into_response())
}

fn link_header(links: &[(String, &str, &str)]) -> HeaderValue {
    let v = links
        .iter()
        .map(|(href, rel, media)| format!("<{href}>; rel=\"{rel}\"; type=\"{media}\""))
        .collect::<Vec<_>>()
        .join(", ");
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The HTML page of a resource, with a picture of its neighbourhood.
async fn page(State(st): State<AppState>, Path(rest): Path<String>) -> Reply {
    let iri = iri_of(&rest);
    let state = st.clone();
    let lookup = iri.clone();
    let found = blocking(move || {
        let texts = |stem: &str| state.text(stem);
        let d = resource::describe(&state.store, &lookup, &texts).map_err(internal)?;
        let svg = d.as_ref().and_then(|_| neighbourhood(&state, &lookup));
        Ok(d.map(|d| (d, svg)))
    })
    .await?;
    let Some((d, svg)) = found else {
        return Ok((
            StatusCode::NOT_FOUND,
            page_of("Not found", pages::not_found(&iri)),
        )
            .into_response());
    };
    let data_href = format!("/data/{}", percent_encode_path(&rest));
    let links: Vec<(String, &str, &str)> = conneg::RDF_MEDIA
        .iter()
        .map(|m| {
            (
                format!("{data_href}?format={}", super::format_name(m)),
                "alternate",
                *m,
            )
        })
        .collect();
    let title = d.label.clone().unwrap_or_else(|| pages::short(&iri));
    let head: Vec<(String, &str)> = links.iter().map(|(h, _, m)| (h.clone(), *m)).collect();
    let mut resp = html(pages::layout(
        &title,
        &head,
        pages::resource(&d, &data_href, svg.as_deref()),
    ));
    resp.headers_mut().insert(header::LINK, link_header(&links));
    Ok(resp)
}

/// A small SVG of the resource's neighbourhood, links pointing at local
/// pages; `None` when there is nothing to draw or Graphviz is missing.
fn neighbourhood(st: &AppState, iri: &str) -> Option<String> {
    let view = graph::around(&st.store, iri, 1, 25).ok()?;
    let mut dot = Vec::new();
    graph::write_dot(&view, graph::Clustering::None, &mut dot).ok()?;
    let mut svg = Vec::new();
    graph::write_svg(&dot, &mut svg).ok()?;
    let svg = String::from_utf8(svg).ok()?;
    // Drop the XML prologue and DOCTYPE: the SVG goes inline into HTML.
    let start = svg.find("<svg")?;
    Some(svg[start..].replace(&format!("\"{BASE}"), "\"/"))
}

/// The RDF description of a resource: what it says and what points at it.
async fn data(
    State(st): State<AppState>,
    Path(rest): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let iri = iri_of(&rest);
    let p = params(&raw);
    let media = rdf_media(param(&p, "format"), &headers)?;
    let req = QueryRequest {
        query: format!("CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}"),
        ..Default::default()
    };
    let answer = sparql::evaluate_within_limits((*st.store).clone(), req, st.limits).await?;
    let sparql::Answer::Graph(triples) = answer else {
        return Err(ProtocolError::Internal("a CONSTRUCT gave no graph".into()));
    };
    if triples.is_empty() {
        return Err(ProtocolError::NotFound(format!(
            "the graph says nothing about {iri}"
        )));
    }
    let mut out = Vec::new();
    crate::output::export::write_graph(triples, conneg::rdf_format(media), &mut out)
        .map_err(internal)?;
    let mut resp = bytes(media, out);
    let page_href = format!("/page/{}", percent_encode_path(&rest));
    resp.headers_mut().insert(
        header::LINK,
        link_header(&[(page_href, "alternate", "text/html")]),
    );
    Ok(resp)
}

/// A source text: plain text for programs (what the selectors' offsets
/// count), an escaped HTML page with line anchors for browsers.
async fn source(
    State(st): State<AppState>,
    Path(stem): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Reply {
    let Some(text) = st.text(&stem) else {
        return Err(ProtocolError::NotFound(format!(
            "no source text {stem:?} in this store"
        )));
    };
    let p = params(&raw);
    let offers = ["text/plain", "text/html"];
    let media = conneg::negotiate(param(&p, "format"), accept(&headers), &offers)
        .map_err(ProtocolError::NotAcceptable)?
        .unwrap_or("text/plain");
    if media == "text/html" {
        return Ok(page_of(&stem, pages::source_text(&stem, &text)));
    }
    Ok(bytes("text/plain", text.into_bytes()))
}

async fn source_list(State(st): State<AppState>) -> Reply {
    let stems = blocking(move || Ok(st.stems())).await?;
    Ok(page_of("Source texts", pages::sources(&stems)))
}

/// The VoID description: the store's `graph/void`, plus where this
/// server's endpoint is.
async fn void(State(st): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Reply {
    let p = params(&raw);
    let media = rdf_media(param(&p, "format"), &headers)?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost")
        .to_string();
    let store = st.store.clone();
    let out = blocking(move || {
        let g = crate::quad::iri::void_graph();
        let mut triples: Vec<Triple> = store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .map(|q| q.map(Triple::from))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        let endpoint = NamedNode::new(format!("http://{host}/sparql"))
            .map_err(|e| ProtocolError::BadRequest(format!("bad Host header: {e}")))?;
        triples.push(Triple::new(
            crate::quad::iri::dataset(),
            NamedNodeRef::new_unchecked("http://rdfs.org/ns/void#sparqlEndpoint"),
            endpoint,
        ));
        let mut out = Vec::new();
        crate::output::export::write_graph(triples, conneg::rdf_format(media), &mut out)
            .map_err(internal)?;
        Ok(out)
    })
    .await?;
    Ok(bytes(media, out))
}

/// The published JSON-LD context (`ontology/context.jsonld`).
async fn jsonld_context() -> Response {
    bytes("application/ld+json", CONTEXT.as_bytes().to_vec())
}

const CONTEXT: &str = include_str!("../../ontology/context.jsonld");
const STYLE: &str = include_str!("assets/style.css");
const QUERY_JS: &str = include_str!("assets/query.js");

async fn asset(Path(file): Path<String>) -> Reply {
    let (media, body) = match file.as_str() {
        "style.css" => ("text/css", STYLE),
        "query.js" => ("text/javascript", QUERY_JS),
        _ => return Err(ProtocolError::NotFound(format!("no asset {file:?}"))),
    };
    Ok(bytes(media, body.as_bytes().to_vec()))
}

async fn fallback(uri: axum::http::Uri) -> Response {
    let path = uri.path().to_string();
    let known = local_path(BASE).unwrap_or_default();
    let _ = known;
    (
        StatusCode::NOT_FOUND,
        page_of("Not found", pages::not_found(&path)),
    )
        .into_response()
}
