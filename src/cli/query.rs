//! `oewg-kg query`: run a bundled or user SPARQL query.

use super::StoreArg;
use crate::output::query::{self, ResultFormat, BUNDLED};
use crate::store;
use anyhow::{bail, Result};
use std::io::Write;

/// Ask the graph a SPARQL question.
///
/// QUERY is a `.rq` file or the name of a bundled query (`--list` shows
/// them with their questions). The default graph is the union of all named
/// graphs, and the prefixes oewg:, rdfs:, owl:, xsd:, dcterms:, prov:, org:,
/// skos:, void:, oa: and wd: are predeclared.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A .rq file or a bundled query name.
    #[arg(value_name = "QUERY", required_unless_present = "list")]
    pub query: Option<String>,
    #[command(flatten)]
    pub store: StoreArg,
    /// Output format (csv, tsv, json and xml are the W3C results formats).
    #[arg(long, short, value_enum, default_value_t = ResultFormat::Table)]
    pub format: ResultFormat,
    /// List the bundled queries with the question each answers.
    #[arg(long)]
    pub list: bool,
}

pub fn run(args: Args) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.list {
        let width = BUNDLED.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
        for (name, text) in BUNDLED {
            writeln!(
                out,
                "{name:width$}  {}",
                query::question(text).unwrap_or("(no question comment)")
            )?;
        }
        return Ok(());
    }
    let Some(q) = args.query.as_deref() else {
        bail!("give a QUERY (a .rq file or a bundled name) or --list");
    };
    // Parse before opening the store, so a bad query is reported as such.
    let q = query::load(q)?;
    let (store, _) = store::open(&args.store.path())?;
    let mut buf = Vec::new();
    query::run(&store, &q, args.format, &mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
