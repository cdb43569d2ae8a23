//! SPARQL over the store: bundled or user queries, the W3C results formats
//! and a plain table for people, within [`Limits`] (a timeout that cancels
//! the evaluation, a row limit) and with rows streamed as they come.

use super::query_check;
use crate::quad::vocab::PREFIXES;
use anyhow::{anyhow, bail, Result};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// Default of `query --timeout`, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 60;
/// Default of `query --max-rows`.
pub const DEFAULT_MAX_ROWS: u64 = 1_000_000;

/// Bounds on one query, the same for the command line and any server: a
/// query that runs too long is cancelled, one that answers too much is cut
/// off with an error, so no question can hold the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Evaluation is cancelled after this long (`None`: no limit).
    pub timeout: Option<Duration>,
    /// At most this many rows or triples (`None`: no limit).
    pub max_rows: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Some(Duration::from_secs(DEFAULT_TIMEOUT_SECS)),
            max_rows: Some(DEFAULT_MAX_ROWS),
        }
    }
}

/// Cancels an evaluation through oxigraph's cancellation token once its
/// time is up; stops watching when dropped.
struct Watchdog {
    token: CancellationToken,
    timeout: Option<Duration>,
    _stop: Option<mpsc::Sender<()>>,
}

impl Watchdog {
    fn start(timeout: Option<Duration>) -> Self {
        let token = CancellationToken::new();
        let stop = timeout.map(|t| {
            let (tx, rx) = mpsc::channel::<()>();
            let token = token.clone();
            std::thread::spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(t) {
                    token.cancel();
                }
            });
            tx
        });
        Self {
            token,
            timeout,
            _stop: stop,
        }
    }

    /// The error to report for a failed evaluation: a timeout says so.
    fn error(&self, origin: &str, e: impl Into<anyhow::Error>) -> anyhow::Error {
        match self.timeout.filter(|_| self.token.is_cancelled()) {
            Some(t) => anyhow!(
                "{origin}: stopped after {} s (--timeout {}); narrow the query, add LIMIT, or raise --timeout (0 = no limit)",
                t.as_secs_f64(),
                t.as_secs_f64()
            ),
            None => e.into().context(format!("{origin}: evaluation failed")),
        }
    }
}

fn too_many(origin: &str, max: u64) -> anyhow::Error {
    anyhow!(
        "{origin}: more than {max} rows; add LIMIT to the query or raise --max-rows (0 = no limit)"
    )
}

/// The evaluator with the contract's prefixes predeclared. The default
/// graph is the union of all named graphs unless the query names its own
/// dataset (`FROM`, `FROM NAMED`), which it then gets exactly.
fn evaluate<'a>(
    store: &'a Store,
    q: &QueryText,
    limits: &Limits,
) -> Result<(QueryResults<'a>, Watchdog)> {
    query_check::check_nesting(&q.origin, &q.text)?;
    let dog = Watchdog::start(limits.timeout);
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(dog.token.clone());
    for (p, ns) in PREFIXES {
        evaluator = evaluator.with_prefix(p, ns).expect("valid prefix IRI");
    }
    let mut prepared = evaluator.parse_query(&q.text).map_err(|e| {
        let predeclared: Vec<&str> = PREFIXES.iter().map(|(p, _)| *p).collect();
        query_check::syntax_error(&q.origin, &q.text, &e.to_string(), &predeclared)
    })?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|e| dog.error(&q.origin, e))?;
    Ok((results, dog))
}

/// Flushes the output at most every 100 ms, so rows show as they come
/// without a system call per row.
struct Paced<'w> {
    inner: &'w mut dyn Write,
    last: Instant,
}

impl Write for Paced<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        if self.last.elapsed() >= Duration::from_millis(100) {
            self.inner.flush()?;
            self.last = Instant::now();
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Runs a query and writes its results: CSV, TSV, JSON and XML are
/// streamed row by row; the table, and a CONSTRUCT's graph, are laid out
/// once all rows are in.
pub fn run(
    store: &Store,
    q: &QueryText,
    format: ResultFormat,
    out: &mut dyn Write,
    limits: &Limits,
) -> Result<()> {
    let (results, dog) = evaluate(store, q, limits)?;
    let over = |n: u64| limits.max_rows.is_some_and(|m| n > m);
    let max = limits.max_rows.unwrap_or(0);
    let mut out = Paced {
        inner: out,
        last: Instant::now(),
    };
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
            write_solutions(solutions, rformat, &mut out, limits, &dog, &q.origin)?
        }
        QueryResults::Boolean(b) => match rformat {
            None => writeln!(out, "{b}")?,
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut out, b)?;
            }
        },
        QueryResults::Graph(triples) => {
            let Some(f) = graph_format else {
                bail!(
                    "{}: a CONSTRUCT or DESCRIBE answers with a graph; choose --format ttl, nt, nq, trig, jsonld or rdfxml",
                    q.origin
                );
            };
            // Collected (within the row limit): some formats lay out the
            // whole graph at once.
            let mut all = Vec::new();
            for t in triples {
                all.push(t.map_err(|e| dog.error(&q.origin, e))?);
                if over(all.len() as u64) {
                    return Err(too_many(&q.origin, max));
                }
            }
            super::export::write_graph(all, f, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes SELECT rows: streamed in a results format, laid out as a table
/// once all are in; either way no more than the row limit.
fn write_solutions(
    solutions: oxigraph::sparql::QuerySolutionIter<'_>,
    rformat: Option<QueryResultsFormat>,
    out: &mut dyn Write,
    limits: &Limits,
    dog: &Watchdog,
    origin: &str,
) -> Result<()> {
    let over = |n: usize| limits.max_rows.is_some_and(|m| n as u64 > m);
    let max = limits.max_rows.unwrap_or(0);
    let vars = solutions.variables().to_vec();
    let Some(f) = rformat else {
        let mut rows = Vec::new();
        for s in solutions {
            rows.push(s.map_err(|e| dog.error(origin, e))?);
            if over(rows.len()) {
                return Err(too_many(origin, max));
            }
        }
        return Ok(super::table::write(out, &vars, &rows)?);
    };
    let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(out, vars)?;
    for (n, s) in solutions.enumerate() {
        if over(n + 1) {
            return Err(too_many(origin, max));
        }
        w.serialize(&s.map_err(|e| dog.error(origin, e))?)?;
    }
    w.finish()?;
    Ok(())
}

/// A SELECT answer: variable names and rows of optional terms.
pub type Rows = (Vec<String>, Vec<Vec<Option<oxigraph::model::Term>>>);

/// Runs a SELECT query (with the default [`Limits`]) and returns its rows,
/// for callers that build on query answers.
pub fn select(store: &Store, q: &QueryText) -> Result<Rows> {
    let limits = Limits::default();
    let (results, dog) = evaluate(store, q, &limits)?;
    match results {
        QueryResults::Solutions(s) => {
            let vars: Vec<String> = s
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let mut rows = Vec::new();
            for sol in s {
                let sol = sol.map_err(|e| dog.error(&q.origin, e))?;
                rows.push(vars.iter().map(|v| sol.get(v.as_str()).cloned()).collect());
                if rows.len() as u64 > DEFAULT_MAX_ROWS {
                    return Err(too_many(&q.origin, DEFAULT_MAX_ROWS));
                }
            }
            Ok((vars, rows))
        }
        _ => bail!("{}: expected a SELECT query", q.origin),
    }
}

/// Runs a CONSTRUCT or DESCRIBE query (with the default [`Limits`]) and
/// returns its triples.
pub fn construct(store: &Store, q: &QueryText) -> Result<Vec<oxigraph::model::Triple>> {
    let limits = Limits::default();
    let (results, dog) = evaluate(store, q, &limits)?;
    match results {
        QueryResults::Graph(g) => {
            let mut out = Vec::new();
            for t in g {
                out.push(t.map_err(|e| dog.error(&q.origin, e))?);
                if out.len() as u64 > DEFAULT_MAX_ROWS {
                    return Err(too_many(&q.origin, DEFAULT_MAX_ROWS));
                }
            }
            Ok(out)
        }
        _ => bail!("{}: expected a CONSTRUCT or DESCRIBE query", q.origin),
    }
}
