//! SPARQL over the store: bundled or user queries, the W3C results formats
//! and a plain table for people.

use crate::quad::vocab::PREFIXES;
use anyhow::{anyhow, bail, Context, Result};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use regex::Regex;
use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/bundled_queries.rs"));

/// Output formats of `oewg-kg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// W3C SPARQL 1.1 Query Results CSV.
    Csv,
    /// W3C SPARQL 1.1 Query Results TSV.
    Tsv,
    /// W3C SPARQL 1.1 Query Results JSON.
    Json,
    /// W3C SPARQL Query Results XML.
    Xml,
    /// Turtle (CONSTRUCT and DESCRIBE; also their default).
    Ttl,
    /// N-Triples (CONSTRUCT and DESCRIBE).
    Nt,
    /// N-Quads (CONSTRUCT and DESCRIBE).
    Nq,
    /// TriG (CONSTRUCT and DESCRIBE).
    Trig,
    /// Compact JSON-LD (CONSTRUCT and DESCRIBE).
    Jsonld,
    /// RDF/XML (CONSTRUCT and DESCRIBE).
    Rdfxml,
}

impl ResultFormat {
    /// The RDF format for a graph answer: `None` for the results formats;
    /// the table stands for Turtle.
    pub fn graph_format(self) -> Option<super::export::ExportFormat> {
        use super::export::ExportFormat as E;
        Some(match self {
            ResultFormat::Table | ResultFormat::Ttl => E::Ttl,
            ResultFormat::Nt => E::Nt,
            ResultFormat::Nq => E::Nq,
            ResultFormat::Trig => E::Trig,
            ResultFormat::Jsonld => E::Jsonld,
            ResultFormat::Rdfxml => E::Rdfxml,
            _ => return None,
        })
    }
}

/// A query's text and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct QueryText {
    pub origin: String,
    pub text: String,
}

/// The question a query answers: its first comment line.
pub fn question(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.starts_with('#') || l.is_empty())
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
}

/// Resolves a QUERY argument: an existing `.rq` path, else a bundled name.
pub fn load(arg: &str) -> Result<QueryText> {
    let path = Path::new(arg);
    if path.extension().is_some_and(|e| e == "rq") || path.is_file() {
        let text = crate::input::read_text(path).map_err(|e| anyhow!("{e}"))?;
        return Ok(QueryText {
            origin: path.display().to_string(),
            text,
        });
    }
    match BUNDLED.iter().find(|(n, _)| *n == arg) {
        Some((n, t)) => Ok(QueryText {
            origin: format!("bundled query {n}"),
            text: t.to_string(),
        }),
        None => bail!(
            "no bundled query named {arg:?} and no file {arg}; `oewg-kg query --list` shows the bundled ones"
        ),
    }
}

static LINE_COL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d+):(\d+)").unwrap());

/// The evaluator with the contract's prefixes predeclared and the default
/// graph as the union of all named graphs.
fn evaluate<'a>(store: &'a Store, q: &QueryText) -> Result<QueryResults<'a>> {
    let mut evaluator = SparqlEvaluator::new();
    for (p, ns) in PREFIXES {
        evaluator = evaluator.with_prefix(p, ns).expect("valid prefix IRI");
    }
    let mut prepared = evaluator.parse_query(&q.text).map_err(|e| {
        let msg = e.to_string();
        match LINE_COL.captures(&msg) {
            Some(c) => anyhow!(
                "{}: SPARQL syntax error at line {}, column {}: {}",
                q.origin,
                &c[1],
                &c[2],
                msg.split_once(": ").map(|x| x.1).unwrap_or(&msg)
            ),
            None => anyhow!("{}: SPARQL syntax error: {msg}", q.origin),
        }
    })?;
    prepared.dataset_mut().set_default_graph_as_union();
    prepared
        .on_store(store)
        .execute()
        .with_context(|| format!("{}: evaluation failed", q.origin))
}

/// Runs a query and writes its results.
pub fn run(store: &Store, q: &QueryText, format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    let results = evaluate(store, q)?;
    let rformat = match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    let graph_format = format.graph_format();
    let is_graph = matches!(results, QueryResults::Graph(_));
    if !is_graph && format != ResultFormat::Table && rformat.is_none() {
        bail!(
            "{}: --format {} is for CONSTRUCT and DESCRIBE; a SELECT or ASK answers as table, csv, tsv, json or xml",
            q.origin,
            clap::ValueEnum::to_possible_value(&format)
                .map(|v| v.get_name().to_string())
                .unwrap_or_default()
        );
    }
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let rows: Vec<_> = solutions
                .collect::<Result<Vec<_>, _>>()
                .with_context(|| format!("{}: evaluation failed", q.origin))?;
            match rformat {
                None => super::table::write(out, &vars, &rows)?,
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(out, vars)?;
                    for r in &rows {
                        w.serialize(r)?;
                    }
                    w.finish()?;
                }
            }
        }
        QueryResults::Boolean(b) => match rformat {
            None => writeln!(out, "{b}")?,
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?;
            }
        },
        QueryResults::Graph(triples) => {
            let Some(f) = graph_format else {
                bail!(
                    "{}: a CONSTRUCT or DESCRIBE answers with a graph; choose --format ttl, nt, nq, trig, jsonld or rdfxml",
                    q.origin
                );
            };
            let triples = triples
                .collect::<Result<Vec<_>, _>>()
                .with_context(|| format!("{}: evaluation failed", q.origin))?;
            super::export::write_graph(triples, f, out)?;
        }
    }
    Ok(())
}

/// Runs a SELECT query and returns its rows as strings (IRIs and literal
/// values), for callers that build on query answers.
/// A SELECT answer: variable names and rows of optional terms.
pub type Rows = (Vec<String>, Vec<Vec<Option<oxigraph::model::Term>>>);

pub fn select(store: &Store, q: &QueryText) -> Result<Rows> {
    match evaluate(store, q)? {
        QueryResults::Solutions(s) => {
            let vars: Vec<String> = s
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let mut rows = Vec::new();
            for sol in s {
                let sol = sol.with_context(|| format!("{}: evaluation failed", q.origin))?;
                rows.push(vars.iter().map(|v| sol.get(v.as_str()).cloned()).collect());
            }
            Ok((vars, rows))
        }
        _ => bail!("{}: expected a SELECT query", q.origin),
    }
}

/// Runs a CONSTRUCT or DESCRIBE query and returns its triples.
pub fn construct(store: &Store, q: &QueryText) -> Result<Vec<oxigraph::model::Triple>> {
    match evaluate(store, q)? {
        QueryResults::Graph(g) => g
            .collect::<Result<Vec<_>, _>>()
            .with_context(|| format!("{}: evaluation failed", q.origin)),
        _ => bail!("{}: expected a CONSTRUCT or DESCRIBE query", q.origin),
    }
}
