//! `oewg-kg export`: the whole graph in a standard RDF format.

use super::StoreArg;
use crate::output::export::{self, ExportFormat};
use crate::store;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

/// Export the whole graph for other linked-data tools.
///
/// Quad formats (nq, trig, jsonld) keep one named graph per source plus the
/// reference and ontology graphs; triple formats (nt, ttl, rdfxml) merge
/// them. With -o the file is written completely or not at all.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// RDF format.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let (store, _) = store::open(&args.store.path())?;
    let mut buf = Vec::new();
    export::write(&store, args.format, &mut buf)?;
    match &args.output {
        Some(path) => write_atomically(path, &buf),
        None => {
            std::io::stdout().lock().write_all(&buf)?;
            Ok(())
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_file_name(format!(
        ".{}.partial",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}
