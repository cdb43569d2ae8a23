//! `oewg-kg query`: run a bundled or user SPARQL query.

use super::StoreArg;
use crate::output::file::Output;
use crate::output::query::{self, Limits, ResultFormat, BUNDLED};
use crate::store;
use anyhow::{bail, Result};
use std::io::Write;
use std::time::Duration;

/// Ask the graph a SPARQL question.
///
/// QUERY is a `.rq` file, the name of a bundled query (`--list` shows
/// them with their questions), or `-` for a query on standard input; `-e`
/// gives the query on the command line. CONSTRUCT and DESCRIBE answer in
/// any RDF format (--format ttl, nt, nq, trig, jsonld, rdfxml). The default
/// graph is the union of all named graphs (unless the query names its own
/// dataset with FROM or FROM NAMED), and the prefixes oewg:, rdfs:, owl:,
/// xsd:, dcterms:, prov:, org:, skos:, void:, oa: and wd: are predeclared.
///
/// The store is read-only: SPARQL Update is refused. Rows are printed as
/// they come (csv, tsv, json, xml); a query is stopped, with an error, after
/// --timeout seconds, after --max-rows rows, or when it needs more than
/// --max-memory MB.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A .rq file, a bundled query name, or - for standard input.
    #[arg(value_name = "QUERY", required_unless_present_any = ["list", "expression"])]
    pub query: Option<String>,
    /// The query itself, e.g. -e 'SELECT * WHERE { ?s a oewg:State } LIMIT 3'.
    #[arg(
        short = 'e',
        long = "expression",
        value_name = "SPARQL",
        conflicts_with = "query"
    )]
    pub expression: Option<String>,
    #[command(flatten)]
    pub store: StoreArg,
    /// Output format (csv, tsv, json and xml are the W3C results formats).
    #[arg(long, short, value_enum, default_value_t = ResultFormat::Table)]
    pub format: ResultFormat,
    /// List the bundled queries with the question each answers.
    #[arg(long)]
    pub list: bool,
    /// Stop the query after this many seconds (0 = no limit).
    #[arg(long, value_name = "SECS", default_value_t = query::DEFAULT_TIMEOUT_SECS as f64)]
    pub timeout: f64,
    /// Stop with an error after this many rows (0 = no limit).
    #[arg(long, value_name = "N", default_value_t = query::DEFAULT_MAX_ROWS)]
    pub max_rows: u64,
    /// Stop with an error when the query needs more than this many MB of
    /// memory (0 = no limit).
    #[arg(long, value_name = "MB", default_value_t = 4096)]
    pub max_memory: u64,
}

pub fn run(args: Args) -> Result<()> {
    if args.list {
        let mut out = Output::stdout();
        let width = BUNDLED.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        for (name, text) in BUNDLED {
            writeln!(
                out,
                "{name:width$}  {}",
                query::question(text).unwrap_or("(no question comment)")
            )?;
        }
        return out.commit();
    }
    let q = match (args.expression, args.query.as_deref()) {
        (Some(text), _) => query::QueryText {
            origin: "the -e query".into(),
            text,
        },
        (None, Some("-")) => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| anyhow::anyhow!("cannot read the query from standard input: {e}"))?;
            query::QueryText {
                origin: "the query on standard input".into(),
                text,
            }
        }
        (None, Some(q)) => query::load(q)?,
        (None, None) => {
            bail!("give a QUERY (a .rq file, a bundled name or -), -e SPARQL, or --list")
        }
    };
    if !(args.timeout >= 0.0 && args.timeout.is_finite()) {
        bail!("--timeout takes a number of seconds, 0 or more");
    }
    let limits = Limits {
        timeout: (args.timeout > 0.0).then(|| Duration::from_secs_f64(args.timeout)),
        max_rows: (args.max_rows > 0).then_some(args.max_rows),
    };
    guard(&q.origin, limits.timeout, args.max_memory);
    let (store, _) = store::open(&args.store.path())?;
    let mut out = Output::stdout();
    query::run(&store, &q, args.format, &mut out, &limits)?;
    out.commit()
}

/// Sets glibc's allocator up for one query, before any thread but the main
/// one exists: every thread on the main arena (`M_ARENA_MAX` 1) and the
/// heap grown 64 MB at a time (`M_TOP_PAD`). The query runs on a worker
/// thread, whose own arena glibc grows by `mprotect` a few pages at a
/// time while RocksDB fills its block cache and the evaluator its hash
/// tables: 5-7% of a profile in `mprotect` and page faults. One query is
/// one thread of work, so one arena costs no contention; `build` and
/// `serve`, which allocate on many threads, keep glibc's defaults.
/// proposals-by-actor at 100 MB: 48,517 `mprotect` calls to 63 (strace),
/// median of 6 alternating runs (load 2.8) 3.36 to 2.60 s wall, system
/// CPU 0.45 to 0.31 s; the same bytes out.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc's parameters; it is called from
    // the main thread before any other thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
    }
}

/// Watches the query from outside: the evaluation is cancelled at the
/// timeout, but should some step not heed the cancellation (a sort of rows
/// built in memory), the process ends two seconds later all the same; and
/// it ends as soon as it holds more than `max_memory_mb` of memory, before
/// the machine runs out.
fn guard(origin: &str, timeout: Option<Duration>, max_memory_mb: u64) {
    if timeout.is_none() && max_memory_mb == 0 {
        return;
    }
    let origin = origin.to_string();
    let started = std::time::Instant::now();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(50));
        if let Some(t) = timeout.filter(|t| started.elapsed() > *t + Duration::from_secs(2)) {
            let secs = t.as_secs_f64();
            eprintln!("error: {origin}: stopped after {secs} s (--timeout {secs}); narrow the query, add LIMIT, or raise --timeout (0 = no limit)");
            std::process::exit(1);
        }
        if max_memory_mb > 0 && resident_mb().is_some_and(|mb| mb > max_memory_mb) {
            eprintln!("error: {origin}: stopped when it needed more than {max_memory_mb} MB of memory (--max-memory {max_memory_mb}); narrow the query or add LIMIT");
            std::process::exit(1);
        }
    });
}

/// This process's resident memory, in MB (Linux `/proc/self/statm`).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1 << 20))
}
