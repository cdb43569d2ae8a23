//! `oewg-kg eval`: precision, recall and F1 of the extractor on an
//! annotated folder.

use crate::output::evaluate;
use crate::{input, reference::Reference};
use anyhow::{anyhow, bail, Result};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Score the extractor against a gold annotation.
///
/// Extracts the reports of DIR (no store is touched) and compares edit
/// proposals (proposer, paragraph, action), their supporters and opponents,
/// and stances on policy proposals and bodies with the gold CSV. Prints a
/// Markdown table; --details lists every miss and every spurious fact.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of .txt reports (with catalog.csv if any).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Gold annotation [default: DIR/gold.csv].
    #[arg(long, value_name = "FILE")]
    pub gold: Option<PathBuf>,
    /// List misses and spurious facts.
    #[arg(long)]
    pub details: bool,
    /// Exit with an error when any relation's F1 is below this.
    #[arg(long, value_name = "F1")]
    pub min_f1: Option<f64>,
}

pub fn run(args: Args) -> Result<()> {
    let gold_path = args
        .gold
        .clone()
        .unwrap_or_else(|| args.dir.join("gold.csv"));
    let gold = evaluate::read_gold(&gold_path)?;
    let reference = Reference::load()?;
    let sources = input::collect(std::slice::from_ref(&args.dir)).map_err(|e| anyhow!("{e}"))?;
    let files: BTreeSet<String> = sources.iter().map(|s| s.stem.clone()).collect();
    let facts = crate::extract_all(sources, &reference);
    let predicted = evaluate::predicted(&facts);
    let scores = evaluate::score(&gold, &predicted, &files);
    let mut out = std::io::stdout().lock();
    evaluate::write_table(&mut out, &scores)?;
    if args.details {
        evaluate::write_details(&mut out, &gold, &predicted, &files)?;
    }
    if let Some(min) = args.min_f1 {
        let low: Vec<String> = scores
            .iter()
            .filter(|(_, s)| s.f1() < min)
            .map(|(r, s)| format!("{r} {:.2}", s.f1()))
            .collect();
        if !low.is_empty() {
            bail!("F1 below {min} for {}", low.join(", "));
        }
    }
    Ok(())
}
