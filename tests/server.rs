//! `oewg-kg serve` as an HTTP client meets it: every route, content
//! negotiation, the SPARQL 1.1 Protocol in each of its forms, Graph Store
//! reads, refusals with a clear 4xx, escaping, and 404s instead of crashes.
//! Each test starts its own server on a free loopback port.

mod common;

#[path = "common/serve.rs"]
mod serve_support;

use serve_support::*;

const WHO: &str = "who-supports-whom";

fn bundled(name: &str) -> String {
    std::fs::read_to_string(common::root().join(format!("queries/{name}.rq"))).unwrap()
}

#[test]
fn the_sparql_protocol_answers_get_post_form_and_direct_post_alike() {
    let s = serve(&[]);
    let q = bundled(WHO);
    let expected = local_rows(WHO);
    assert!(!expected.is_empty());
    let by_get = get(&format!("{}/sparql?query={}", s.base, enc(&q)), "text/csv");
    assert_eq!(by_get.status(), 200);
    assert!(header(&by_get, "content-type").starts_with("text/csv"));
    assert_eq!(csv_rows(&text(by_get)), expected);
    let by_form = agent()
        .post(&format!("{}/sparql", s.base))
        .header("Accept", "text/csv")
        .send_form([("query", q.as_str())])
        .unwrap();
    assert_eq!(csv_rows(&text(by_form)), expected);
    let direct = agent()
        .post(&format!("{}/sparql", s.base))
        .header("Accept", "text/csv")
        .header("Content-Type", "application/sparql-query")
        .send(q.as_bytes())
        .unwrap();
    assert_eq!(csv_rows(&text(direct)), expected);
}

#[test]
fn results_and_graphs_come_in_the_format_asked_for() {
    let s = serve(&[]);
    let select = enc("SELECT ?s WHERE { ?s a oewg:State } LIMIT 2");
    for (accept, ctype, marker) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?s",
        ),
    ] {
        let r = get(&format!("{}/sparql?query={select}", s.base), accept);
        assert_eq!(r.status(), 200, "{accept}");
        assert!(header(&r, "content-type").starts_with(ctype), "{accept}");
        assert!(text(r).contains(marker), "{accept}");
    }
    let construct = enc("CONSTRUCT { ?s a oewg:State } WHERE { ?s a oewg:State } LIMIT 3");
    for (accept, marker) in [
        ("text/turtle", "oewg:State"),
        (
            "application/n-triples",
            "<https://w3id.org/oewg-kg/ontology#State> .",
        ),
        ("application/ld+json", "\"@id\""),
        ("application/rdf+xml", "<rdf:RDF"),
    ] {
        let r = get(&format!("{}/sparql?query={construct}", s.base), accept);
        assert_eq!(r.status(), 200, "{accept}");
        assert!(header(&r, "content-type").starts_with(accept), "{accept}");
        assert!(text(r).contains(marker), "{accept}");
    }
    let refused = get(&format!("{}/sparql?query={select}", s.base), "image/png");
    assert_eq!(refused.status(), 406);
}

#[test]
fn updates_service_and_bad_queries_get_a_clear_4xx() {
    let s = serve(&[]);
    let update = agent()
        .post(&format!("{}/sparql", s.base))
        .header("Content-Type", "application/sparql-update")
        .send("CLEAR ALL".as_bytes())
        .unwrap();
    assert_eq!(update.status(), 403);
    assert!(text(update).contains("read-only"));
    let form_update = agent()
        .post(&format!("{}/sparql", s.base))
        .send_form([("update", "LOAD <http://example.org/x.ttl>")])
        .unwrap();
    assert_eq!(form_update.status(), 403);
    let load_as_query = get(
        &format!(
            "{}/sparql?query={}",
            s.base,
            enc("LOAD <http://example.org/x.ttl>")
        ),
        "*/*",
    );
    assert_eq!(load_as_query.status(), 403);
    let service = get(
        &format!(
            "{}/sparql?query={}",
            s.base,
            enc("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        ),
        "*/*",
    );
    assert_eq!(service.status(), 403);
    assert!(text(service).contains("SERVICE"));
    let syntax = get(
        &format!("{}/sparql?query={}", s.base, enc("SELECT ?x WHERE {")),
        "*/*",
    );
    assert_eq!(syntax.status(), 400);
    assert!(text(syntax).contains("SPARQL syntax error"));
    let put = agent()
        .put(&format!("{}/rdf-graphs?default", s.base))
        .send("".as_bytes())
        .unwrap();
    assert_eq!(put.status(), 405);
}

#[test]
fn the_servers_limits_stop_big_answers() {
    let s = serve(&["--max-results", "10"]);
    let q = enc("SELECT ?s WHERE { ?s a oewg:State }");
    let r = get(&format!("{}/sparql?query={q}", s.base), "text/csv");
    assert_eq!(r.status(), 400);
    assert!(text(r).contains("more than 10 rows"));
    let ok = get(
        &format!(
            "{}/sparql?query={}",
            s.base,
            enc("SELECT ?s WHERE { ?s a oewg:State } LIMIT 10")
        ),
        "text/csv",
    );
    assert_eq!(ok.status(), 200);
}

#[test]
fn a_query_past_the_time_limit_is_stopped_with_503() {
    let s = serve(&["--timeout", "0.2"]);
    let q = enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    let started = std::time::Instant::now();
    let r = get(&format!("{}/sparql?query={q}", s.base), "text/csv");
    assert_eq!(r.status(), 503);
    assert!(text(r).contains("time limit"));
    assert!(
        started.elapsed().as_secs() < 10,
        "answered at the limit, not at the end"
    );
    let ok = get(
        &format!("{}/sparql?query={}", s.base, enc("ASK { ?s ?p ?o }")),
        "*/*",
    );
    assert_eq!(ok.status(), 200, "the server still answers");
}

#[test]
fn resource_iris_redirect_by_content_negotiation_like_pubby() {
    let s = serve(&[]);
    let iri = format!("{}/id/state/IRN", s.base);
    let browser = get(&iri, "text/html,application/xhtml+xml,*/*;q=0.8");
    assert_eq!(browser.status(), 303);
    assert_eq!(header(&browser, "location"), "/page/id/state/IRN");
    assert_eq!(header(&browser, "vary"), "Accept");
    let rdf = get(&iri, "text/turtle");
    assert_eq!(rdf.status(), 303);
    assert_eq!(header(&rdf, "location"), "/data/id/state/IRN");
    let data = get(&format!("{}/data/id/state/IRN", s.base), "text/turtle");
    assert_eq!(data.status(), 200);
    assert!(header(&data, "link")
        .contains("</page/id/state/IRN>; rel=\"alternate\"; type=\"text/html\""));
    let ttl = text(data);
    assert!(
        ttl.contains("owl:sameAs wd:Q794") || ttl.contains("<http://www.wikidata.org/entity/Q794>"),
        "{ttl}"
    );
    let jsonld = get(
        &format!("{}/data/id/state/IRN?format=jsonld", s.base),
        "*/*",
    );
    assert!(header(&jsonld, "content-type").starts_with("application/ld+json"));
    let page = get(&format!("{}/page/id/state/IRN", s.base), "text/html");
    assert_eq!(page.status(), 200);
    assert!(header(&page, "link").contains("type=\"text/turtle\""));
}

#[test]
fn a_state_page_shows_its_proposals_stances_quotes_and_neighbourhood() {
    let s = serve(&[]);
    let page = text(get(&format!("{}/page/id/state/IRN", s.base), "text/html"));
    assert!(page.contains("<h1>Iran"), "title is the label");
    assert!(page.contains("Edit proposals ("));
    assert!(page.contains("Stances ("));
    assert!(page.contains("<svg"), "a neighbourhood picture");
    assert!(
        page.contains("href=\"/id/"),
        "the picture links to local pages"
    );
    assert!(
        !page.contains("https://w3id.org/oewg-kg/id/state/IRN\" "),
        "links stay local"
    );
}

#[test]
fn a_stance_page_shows_the_quote_highlighted_in_its_paragraph() {
    let s = serve(&[]);
    let q = enc("SELECT ?s ?q WHERE { ?s a oewg:Stance ; oewg:quote ?q } ORDER BY ?s LIMIT 1");
    let rows = csv_rows(&text(get(
        &format!("{}/sparql?query={q}", s.base),
        "text/csv",
    )));
    let (stance, quote) = (&rows[0][0], &rows[0][1]);
    let path = stance.strip_prefix("https://w3id.org/oewg-kg/").unwrap();
    let page = text(get(&format!("{}/page/{path}", s.base), "text/html"));
    let escaped = quote
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    assert!(
        page.contains(&format!("<mark>{escaped}</mark>")),
        "quote highlighted: {quote}"
    );
    assert!(page.contains("href=\"/source/"), "links to its source text");
}

#[test]
fn source_texts_resolve_as_text_and_escaped_html() {
    let s = serve(&[]);
    let stem = "2021-03-oewg-final-report";
    let plain = get(&format!("{}/source/{stem}", s.base), "*/*");
    assert_eq!(plain.status(), 200);
    assert!(header(&plain, "content-type").starts_with("text/plain"));
    let body = text(plain);
    let on_disk =
        std::fs::read_to_string(common::root().join(format!("seeds/{stem}.txt"))).unwrap();
    assert_eq!(body, on_disk, "the very text the offsets count in");
    let redirect = get(&format!("{}/id/source/{stem}", s.base), "text/plain");
    assert_eq!(header(&redirect, "location"), format!("/source/{stem}"));
    let html = text(get(&format!("{}/source/{stem}", s.base), "text/html"));
    assert!(html.contains("<pre class=\"source\">"));
    let sources = text(get(&format!("{}/sources", s.base), "text/html"));
    assert!(sources.contains(stem));
}

#[test]
fn user_text_is_escaped_and_unknown_things_are_404s() {
    let s = serve(&[]);
    for path in [
        "/id/state/XXX",
        "/page/id/state/%3Cscript%3E",
        "/data/id/nothing",
        "/source/..%2F..%2Fetc%2Fpasswd",
        "/graph/nope",
        "/assets/nope.js",
        "/no/such/route",
    ] {
        let r = get(&format!("{}{path}", s.base), "text/html");
        assert_eq!(r.status(), 404, "{path}");
        assert!(
            !text(r).contains("<script>"),
            "{path} escapes what it echoes"
        );
    }
}

#[test]
fn graph_store_reads_give_one_named_graph_or_the_union() {
    let s = serve(&[]);
    let g = enc("https://w3id.org/oewg-kg/graph/reference");
    let r = get(
        &format!("{}/rdf-graphs?graph={g}", s.base),
        "application/n-triples",
    );
    assert_eq!(r.status(), 200);
    let nt = text(r);
    assert!(nt.contains("<https://w3id.org/oewg-kg/id/state/IRN>"));
    let direct = text(get(
        &format!("{}/graph/reference", s.base),
        "application/n-triples",
    ));
    assert_eq!(direct, nt, "direct and indirect identification agree");
    let union = get(
        &format!("{}/rdf-graphs?default", s.base),
        "application/n-quads",
    );
    assert!(text(union).contains("<https://w3id.org/oewg-kg/graph/ontology> ."));
    let missing = get(
        &format!(
            "{}/rdf-graphs?graph={}",
            s.base,
            enc("https://example.org/none")
        ),
        "*/*",
    );
    assert_eq!(missing.status(), 404);
}

#[test]
fn the_start_query_void_and_asset_routes_are_served_from_the_binary() {
    let s = serve(&[]);
    let index = text(get(&format!("{}/", s.base), "text/html"));
    assert!(index.contains("/id/state/IRN") && index.contains("Source texts"));
    let query = text(get(&format!("{}/query", s.base), "text/html"));
    assert!(query.contains(&format!("value=\"{WHO}\"")));
    assert!(query.contains("src=\"/assets/query.js\""));
    assert!(
        !query.contains("src=\"http") && !query.contains("href=\"http"),
        "no external assets"
    );
    let js = get(&format!("{}/assets/query.js", s.base), "*/*");
    assert!(header(&js, "content-type").starts_with("text/javascript"));
    let css = get(&format!("{}/assets/style.css", s.base), "*/*");
    assert_eq!(css.status(), 200);
    let void = get(&format!("{}/.well-known/void", s.base), "text/turtle");
    let v = text(void);
    assert!(
        v.contains("void:Dataset") && v.contains("void:sparqlEndpoint"),
        "{v}"
    );
    assert!(v.contains(&format!("{}/sparql", s.base)));
    let browser_at_endpoint = get(&format!("{}/sparql", s.base), "text/html");
    assert_eq!(browser_at_endpoint.status(), 303);
    let ontology = get(&format!("{}/ontology", s.base), "text/turtle");
    assert!(text(ontology).contains("owl:Ontology"));
}

#[test]
fn serve_refuses_a_missing_store_and_a_busy_port_in_one_line() {
    let o = common::run(&["serve", "--store", "/nonexistent/store"]);
    assert!(!o.status.success());
    assert_eq!(common::stderr(&o).lines().count(), 1);
    assert!(common::stderr(&o).contains("no oewg-kg store"));
    let s = serve(&[]);
    let bind = s.base.trim_start_matches("http://").to_string();
    let o = common::run(&[
        "serve",
        "--store",
        &store().display().to_string(),
        "--bind",
        &bind,
    ]);
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("cannot listen on"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn serve_push_and_load_have_help() {
    for cmd in ["serve", "push", "load"] {
        let o = common::run(&[cmd, "--help"]);
        assert!(o.status.success());
        let h = common::stdout(&o);
        assert!(
            h.contains("--store") && h.lines().count() > 8,
            "{cmd} help: {h}"
        );
    }
}
