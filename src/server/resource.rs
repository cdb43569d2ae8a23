//! What a resource page shows, read from the store with SPARQL: the
//! resource's facts both ways, the labels of everything they name, the
//! evidence behind a stance or proposal, and an actor's proposals, stances
//! and votes.

use crate::output::query::{self, QueryText};
use crate::quad::vocab::ID;
use oxigraph::model::Term;
use oxigraph::store::Store;
use std::collections::BTreeMap;

/// One row of a SELECT: its optional terms in variable order.
type Row = Vec<Option<Term>>;

fn select(store: &Store, what: &str, text: String) -> anyhow::Result<Vec<Row>> {
    let q = QueryText {
        origin: format!("resource page ({what})"),
        text,
    };
    Ok(query::select(store, &q)?.1)
}

/// The value of a cell as a string: an IRI or a literal's lexical form.
pub fn value(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A fact about the resource: predicate, the other end, and the graph it
/// stands in.
#[derive(Debug, Clone)]
pub struct Fact {
    pub predicate: String,
    pub other: Term,
    pub graph: Option<String>,
}

/// The quoted sentence behind a stance or proposal, in its paragraph of
/// the source text (code-point offsets as the selectors give them).
#[derive(Debug, Clone)]
pub struct Evidence {
    pub source_stem: String,
    pub before: String,
    pub quote: String,
    pub after: String,
    pub start: usize,
    pub end: usize,
}

/// Everything a resource page shows.
#[derive(Debug, Default)]
pub struct Description {
    pub iri: String,
    pub label: Option<String>,
    pub types: Vec<String>,
    pub outgoing: Vec<Fact>,
    pub incoming: Vec<Fact>,
    pub labels: BTreeMap<String, String>,
    pub evidence: Vec<Evidence>,
    /// For actors: (section title, rows of [link IRI, text cells…]).
    pub sections: Vec<(String, Vec<Vec<String>>)>,
}

impl Description {
    pub fn label_of(&self, iri: &str) -> Option<&str> {
        self.labels.get(iri).map(String::as_str)
    }
}

/// How many incoming links a page lists (a state is named by hundreds).
pub const INCOMING_SHOWN: usize = 300;

/// Reads the description of `iri`; `None` when the store says nothing
/// about it. `texts` finds a source text by its stem.
pub fn describe(
    store: &Store,
    iri: &str,
    texts: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Option<Description>> {
    let i = format!("<{iri}>");
    let mut d = Description {
        iri: iri.to_string(),
        ..Default::default()
    };
    for r in select(
        store,
        "outgoing",
        format!("SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {i} ?p ?o }} }} ORDER BY ?p ?o ?g"),
    )? {
        let Some(other) = r[1].clone() else { continue };
        d.outgoing.push(Fact {
            predicate: value(&r[0]),
            other,
            graph: r[2].as_ref().map(|g| value(&Some(g.clone()))),
        });
    }
    for r in select(
        store,
        "incoming",
        format!(
            "SELECT DISTINCT ?p ?s WHERE {{ ?s ?p {i} }} ORDER BY ?p ?s LIMIT {}",
            INCOMING_SHOWN + 1
        ),
    )? {
        let Some(other) = r[1].clone() else { continue };
        d.incoming.push(Fact {
            predicate: value(&r[0]),
            other,
            graph: None,
        });
    }
    if d.outgoing.is_empty() && d.incoming.is_empty() {
        return Ok(None);
    }
    d.types = d
        .outgoing
        .iter()
        .filter(|f| f.predicate.ends_with("22-rdf-syntax-ns#type"))
        .map(|f| value(&Some(f.other.clone())))
        .collect();
    d.types.dedup();
    d.evidence = evidence(store, &i, texts)?;
    if d.types.iter().any(|t| t.ends_with("#Actor")) {
        d.sections = actor_sections(store, &i)?;
    }
    let mut named: Vec<String> = vec![iri.to_string()];
    for f in d.outgoing.iter().chain(&d.incoming) {
        named.push(f.predicate.clone());
        if let Term::NamedNode(n) = &f.other {
            named.push(n.as_str().to_string());
        }
    }
    d.labels = labels(store, named)?;
    d.label = d.labels.get(iri).cloned();
    Ok(Some(d))
}

/// `rdfs:label`s of the given IRIs (one label each, the smallest).
pub fn labels(store: &Store, mut iris: Vec<String>) -> anyhow::Result<BTreeMap<String, String>> {
    iris.sort();
    iris.dedup();
    let mut out = BTreeMap::new();
    for chunk in iris.chunks(300) {
        let values: String = chunk.iter().map(|i| format!("<{i}> ")).collect();
        for r in select(
            store,
            "labels",
            format!(
                "SELECT ?n (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?n {{ {values} }} ?n rdfs:label ?l }} GROUP BY ?n"
            ),
        )? {
            out.insert(value(&r[0]), value(&r[1]));
        }
    }
    Ok(out)
}

/// The evidence of a stance or proposal: each quoted span with the rest of
/// its paragraph (the text between blank lines around it).
fn evidence(
    store: &Store,
    i: &str,
    texts: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Vec<Evidence>> {
    let rows = select(
        store,
        "evidence",
        format!(
            "SELECT DISTINCT ?src ?start ?end WHERE {{
               {{ {i} oewg:evidence ?t }} UNION {{ ?ann oa:hasBody {i} ; oa:hasTarget ?t }}
               ?t oa:hasSource ?src ; oa:hasSelector ?sel .
               ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
             }} ORDER BY ?src ?start"
        ),
    )?;
    let mut out = Vec::new();
    for r in rows {
        let src = value(&r[0]);
        let Some(stem) = src.strip_prefix(&format!("{ID}source/")) else {
            continue;
        };
        let (Ok(start), Ok(end)) = (value(&r[1]).parse(), value(&r[2]).parse()) else {
            continue;
        };
        let stem = super::percent_decode(stem);
        if let Some(text) = texts(&stem) {
            if let Some(e) = in_paragraph(&text, &stem, start, end) {
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Most characters of context shown on each side of a quote.
const CONTEXT: usize = 500;

/// Cuts the paragraph around code points `start..end` of `text` into the
/// text before the quote, the quote and the text after it. A paragraph is
/// what blank lines bound, or a line when a text has no blank lines; the
/// context is cut to [`CONTEXT`] characters a side at a word.
pub fn in_paragraph(text: &str, stem: &str, start: usize, end: usize) -> Option<Evidence> {
    let byte = |cp: usize| text.char_indices().nth(cp).map(|(b, _)| b);
    let (s, e) = (byte(start)?, byte(end).unwrap_or(text.len()));
    if s > e {
        return None;
    }
    let bounds = |sep: &str| {
        (
            text[..s].rfind(sep).map_or(0, |p| p + sep.len()),
            text[e..].find(sep).map_or(text.len(), |p| e + p),
        )
    };
    let (mut from, mut to) = bounds("\n\n");
    if text[from..s].chars().count() > CONTEXT || text[e..to].chars().count() > CONTEXT {
        (from, to) = bounds("\n");
    }
    Some(Evidence {
        source_stem: stem.to_string(),
        before: clip_start(&text[from..s]),
        quote: text[s..e].to_string(),
        after: clip_end(&text[e..to]),
        start,
        end,
    })
}

/// The last [`CONTEXT`] characters, from a word start, after "…".
fn clip_start(t: &str) -> String {
    let n = t.chars().count();
    if n <= CONTEXT {
        return t.to_string();
    }
    let tail: String = t.chars().skip(n - CONTEXT).collect();
    let word = tail.find(' ').map_or(0, |i| i + 1);
    format!("…{}", &tail[word..])
}

/// The first [`CONTEXT`] characters, to a word end, before "…".
fn clip_end(t: &str) -> String {
    if t.chars().count() <= CONTEXT {
        return t.to_string();
    }
    let head: String = t.chars().take(CONTEXT).collect();
    let word = head.rfind(' ').unwrap_or(head.len());
    format!("{}…", &head[..word])
}

/// An actor's proposals, stances and votes.
fn actor_sections(store: &Store, i: &str) -> anyhow::Result<Vec<(String, Vec<Vec<String>>)>> {
    let specs = [
        (
            "Edit proposals",
            format!(
                "SELECT ?p ?label ?outcome WHERE {{ ?p oewg:proposedBy {i} ; rdfs:label ?label .
                   OPTIONAL {{ ?p oewg:outcome ?o . BIND(STRAFTER(STR(?o), '#') AS ?outcome) }} }}
                 ORDER BY ?label ?p"
            ),
        ),
        (
            "Stances",
            format!(
                "SELECT ?s ?label ?quote WHERE {{ ?s oewg:actor {i} ; rdfs:label ?label .
                   OPTIONAL {{ ?s oewg:quote ?quote }} }} ORDER BY ?label ?s"
            ),
        ),
        (
            "Votes",
            format!(
                "SELECT ?v ?cast ?on WHERE {{ ?v oewg:voter {i} ; oewg:voteCast ?c .
                   BIND(STRAFTER(STR(?c), '#') AS ?cast)
                   OPTIONAL {{ ?v oewg:inRecordedVote/oewg:votedOn/rdfs:label ?on }} }}
                 ORDER BY ?on ?v"
            ),
        ),
    ];
    let mut out = Vec::new();
    for (title, q) in specs {
        let rows: Vec<Vec<String>> = select(store, title, q)?
            .iter()
            .map(|r| r.iter().map(value).collect())
            .collect();
        if !rows.is_empty() {
            out.push((title.to_string(), rows));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_is_cut_out_of_its_paragraph_by_code_points() {
        let text = "Heading\n\nÉtats first. Ruritania backs it. Last.\n\nNext paragraph.";
        let start = text.chars().position(|c| c == 'R').unwrap();
        let end = start + "Ruritania backs it.".chars().count();
        let e = in_paragraph(text, "t", start, end).unwrap();
        assert_eq!(e.before, "États first. ");
        assert_eq!(e.quote, "Ruritania backs it.");
        assert_eq!(e.after, " Last.");
    }

    #[test]
    fn a_text_without_blank_lines_gives_the_quotes_line_and_long_context_is_cut() {
        let long = "word ".repeat(300);
        let text = format!("{long}\nBefore. Ruritania backs it. After.\n{long}");
        let start = text.find('R').unwrap();
        let e = in_paragraph(&text, "t", start, start + 19).unwrap();
        assert_eq!(
            (e.before.as_str(), e.after.as_str()),
            ("Before. ", " After.")
        );
        let one_line = format!("{long}Ruritania backs it.");
        let start = one_line.find('R').unwrap();
        let e = in_paragraph(&one_line, "t", start, start + 19).unwrap();
        assert!(e.before.starts_with('…') && e.before.chars().count() <= CONTEXT + 1);
    }

    #[test]
    fn offsets_past_the_text_give_nothing() {
        assert!(in_paragraph("short", "t", 10, 12).is_none());
    }
}
