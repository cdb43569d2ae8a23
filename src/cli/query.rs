//! `oewg-kg query`: run a bundled or user SPARQL query.

use super::StoreArg;
use crate::output::query::{self, ResultFormat, BUNDLED};
use crate::store;
use anyhow::{bail, Result};
use std::io::Write;

/// Ask the graph a SPARQL question.
///
/// QUERY is a `.rq` file, the name of a bundled query (`--list` shows
/// them with their questions), or `-` for a query on standard input; `-e`
/// gives the query on the command line. CONSTRUCT and DESCRIBE answer in
/// any RDF format (--format ttl, nt, nq, trig, jsonld, rdfxml). The default graph is the union of all named
/// graphs, and the prefixes oewg:, rdfs:, owl:, xsd:, dcterms:, prov:, org:,
/// skos:, void:, oa: and wd: are predeclared.
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
    let (store, _) = store::open(&args.store.path())?;
    let mut buf = Vec::new();
    query::run(&store, &q, args.format, &mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
