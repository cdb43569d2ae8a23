//! HTML pages. Written with maud, whose templates escape every inserted
//! string, so text from sources and the store can never become markup.

use super::resource::{Description, Evidence, Fact, INCOMING_SHOWN};
use super::{local_path, BASE};
use crate::quad::vocab::PREFIXES;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use oxigraph::model::Term;

/// The frame every page shares: title, navigation, the bundled style sheet.
pub fn layout(title: &str, head_links: &[(String, &str)], body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · oewg-kg" }
                link rel="stylesheet" href="/assets/style.css";
                @for (href, media) in head_links {
                    link rel="alternate" type=(media) href=(href);
                }
            }
            body {
                nav {
                    a href="/" { "oewg-kg" }
                    a href="/query" { "SPARQL query" }
                    a href="/sources" { "Sources" }
                    a href="/.well-known/void" { "VoID" }
                }
                main { (body) }
            }
        }
    }
}

/// A prefixed name for a well-known IRI (`oewg:supports`), else the IRI.
pub fn short(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    match iri.strip_prefix(BASE) {
        Some(rest) => rest.to_string(),
        None => iri.to_string(),
    }
}

/// A link to an IRI: local resources to their page, others out.
fn iri_link(iri: &str, label: Option<&str>) -> Markup {
    let text = label.map(str::to_string).unwrap_or_else(|| short(iri));
    let href = local_path(iri).unwrap_or_else(|| iri.to_string());
    html! { a href=(href) title=(iri) { (text) } }
}

/// Literals longer than this (a source's full text) are cut on pages.
const LONG: usize = 600;

fn term(t: &Term, d: &Description) -> Markup {
    match t {
        Term::NamedNode(n) => iri_link(n.as_str(), d.label_of(n.as_str())),
        Term::Literal(l) if l.value().chars().count() > LONG => html! {
            span.literal { (l.value().chars().take(LONG).collect::<String>()) "…" }
            " " small { "(" (l.value().chars().count()) " characters; ask /data or /source for all)" }
        },
        Term::Literal(l) => html! {
            span.literal { (l.value()) }
            @if let Some(lang) = l.language() { " " small { "@" (lang) } }
            @else if l.datatype().as_str() != crate::quad::vocab::XSD.to_string() + "string" {
                " " small { (short(l.datatype().as_str())) }
            }
        },
        other => html! { code { (other.to_string()) } },
    }
}

fn evidence_block(e: &Evidence) -> Markup {
    let href = format!("/source/{}", super::percent_encode(&e.source_stem));
    html! {
        figure.evidence {
            blockquote { (e.before) mark { (e.quote) } (e.after) }
            figcaption {
                "From " a href=(href) { (e.source_stem) }
                ", characters " (e.start) "–" (e.end) " (Web Annotation text position)"
            }
        }
    }
}

fn facts_table(facts: &[Fact], d: &Description, incoming: bool) -> Markup {
    html! {
        table.facts {
            thead { tr {
                @if incoming { th { "subject" } th { "property" } }
                @else { th { "property" } th { "value" } th { "graph" } }
            } }
            tbody {
                @for f in facts {
                    tr {
                        @if incoming {
                            td { (term(&f.other, d)) }
                            td { (iri_link(&f.predicate, None)) }
                        } @else {
                            td { (iri_link(&f.predicate, None)) }
                            td { (term(&f.other, d)) }
                            td.graph { @if let Some(g) = &f.graph { (iri_link(g, None)) } }
                        }
                    }
                }
            }
        }
    }
}

fn section_table(title: &str, rows: &[Vec<String>], d: &Description) -> Markup {
    html! {
        h2 { (title) " (" (rows.len()) ")" }
        table.facts {
            tbody {
                @for r in rows {
                    tr {
                        td { (iri_link(&r[0], d.label_of(&r[0]).or(r.get(1).map(String::as_str)))) }
                        @for cell in r.iter().skip(2) { td { (cell) } }
                    }
                }
            }
        }
    }
}

/// The page of one resource.
pub fn resource(d: &Description, data_href: &str, neighbourhood: Option<&str>) -> Markup {
    let title = d.label.clone().unwrap_or_else(|| short(&d.iri));
    let alternates: Vec<(String, &str)> = super::conneg::RDF_MEDIA
        .iter()
        .map(|m| (format!("{data_href}?format={}", super::format_name(m)), *m))
        .collect();
    html! {
        h1 { (title) }
        p.iri { code { (d.iri) } }
        p.types {
            @for t in &d.types { span.type { (iri_link(t, None)) } " " }
        }
        p.data {
            "Data: "
            @for (href, media) in &alternates {
                a href=(href) type=(media) { (super::format_name(media)) } " "
            }
        }
        @if !d.evidence.is_empty() {
            h2 { "Evidence" }
            @for e in &d.evidence { (evidence_block(e)) }
        }
        @for (title, rows) in &d.sections { (section_table(title, rows, d)) }
        h2 { "Facts" }
        (facts_table(&d.outgoing, d, false))
        @if !d.incoming.is_empty() {
            h2 { "Referred to by" }
            @if d.incoming.len() > INCOMING_SHOWN {
                p { "The first " (INCOMING_SHOWN) " links; ask the SPARQL endpoint for all." }
            }
            (facts_table(&d.incoming[..d.incoming.len().min(INCOMING_SHOWN)], d, true))
        }
        @if let Some(svg) = neighbourhood {
            h2 { "Neighbourhood" }
            div.picture { (PreEscaped(svg)) }
        }
    }
}

/// The query page: a form posting to `/sparql`, the bundled queries to pick
/// from, and a table the bundled script fills with the answer.
pub fn query_page(bundled: &[(&str, &str)]) -> Markup {
    let first = bundled.first().map(|(_, t)| *t).unwrap_or("");
    html! {
        h1 { "SPARQL query" }
        p {
            "The default graph is the union of all named graphs; the prefixes "
            @for (p, _) in PREFIXES { code { (p) ":" } " " }
            "are predeclared. Programs send queries to " code { "/sparql" }
            " (SPARQL 1.1 Protocol)."
        }
        form #query-form method="post" action="/sparql" {
            label for="bundled" { "Bundled query: " }
            select #bundled name="bundled" {
                @for (name, text) in bundled {
                    option value=(name) data-query=(text) {
                        (name) " — " (crate::output::query::question(text).unwrap_or(""))
                    }
                }
            }
            textarea #query name="query" rows="14" spellcheck="false" { (first) }
            button #run type="submit" { "Run" }
            span #status role="status" {}
        }
        div #results {}
        script src="/assets/query.js" {}
    }
}

/// The start page: what the graph holds and where to go.
pub fn index(classes: &[(String, String)], sources: &[(String, String)], example: &str) -> Markup {
    html! {
        h1 { "oewg-kg" }
        p {
            "A knowledge graph of the UN talks on ICT security. Every resource IRI "
            code { (BASE) "id/…" } " is answered here under " code { "/id/…" }
            ": HTML for browsers, RDF by content negotiation. Try "
            a href=(example) { (example) } "."
        }
        h2 { "Classes" }
        table.facts { tbody {
            @for (class, count) in classes {
                tr { td { (iri_link(class, None)) } td.num { (count) } }
            }
        } }
        h2 { "Source texts" }
        ul {
            @for (iri, label) in sources { li { (iri_link(iri, Some(label))) } }
        }
    }
}

/// A source text, escaped, with its line numbers.
pub fn source_text(stem: &str, text: &str) -> Markup {
    html! {
        h1 { (stem) }
        p { a href=(format!("/source/{}?format=txt", super::percent_encode(stem))) { "Plain text" }
            " · offsets of the evidence selectors count code points of this text" }
        pre.source {
            @for (n, line) in text.split('\n').enumerate() {
                span id=(format!("L{}", n + 1)) { (line) "\n" }
            }
        }
    }
}

/// The list of sources.
pub fn sources(stems: &[String]) -> Markup {
    html! {
        h1 { "Source texts" }
        ul { @for s in stems {
            li { a href=(format!("/source/{}", super::percent_encode(s))) { (s) } }
        } }
    }
}

/// A 404 page for an IRI the store knows nothing about.
pub fn not_found(what: &str) -> Markup {
    html! {
        h1 { "Not found" }
        p { "The graph says nothing about " code { (what) } "." }
    }
}
