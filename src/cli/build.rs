//! `oewg-kg build`: read reports, extract, and replace the store.

use super::StoreArg;
use crate::{input, reference::Reference, store};
use anyhow::{anyhow, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;

/// Build the graph from reports and replace the store with it.
///
/// Reads every `.txt` file of the given folders (and any `.txt` files given
/// directly), with metadata from a `catalog.csv` beside them, extracts
/// states, groups, persons, bodies, resolutions, documents, paragraphs,
/// citations, proposals and stances, and writes one named graph per file
/// plus the reference and ontology graphs. The previous store is replaced
/// only when the new one is complete: a failed build leaves it untouched.
///
/// One build at a time writes a store: a second build into the same store
/// fails at once naming the first (or waits for it with --wait). Queries
/// running meanwhile read the old store until the new one is published.
/// A .txt entry of a folder that cannot be read as UTF-8 text is skipped
/// with a warning (an error with --strict).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files (.txt) or folders of them.
    #[arg(value_name = "INPUT", default_value = "seeds")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
    /// Print nothing but errors and warnings.
    #[arg(long, short)]
    pub quiet: bool,
    /// When another build is writing the store, wait for it instead of
    /// failing.
    #[arg(long)]
    pub wait: bool,
    /// Refuse, rather than skip with a warning, a .txt entry of a folder
    /// that is not a readable UTF-8 text file.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: Args) -> Result<()> {
    let dir = args.store.path();
    let quiet = args.quiet;
    // Locked before the inputs are read: the build that holds the lock is
    // the one whose inputs end up in the store.
    let lock = store::lock(&dir, args.wait, |holder| {
        if !quiet {
            eprintln!("waiting for another build ({holder}) to finish");
        }
    })?;
    let reference = Reference::load()?;
    let collected = input::gather(&args.inputs, args.strict).map_err(|e| anyhow!("{e}"))?;
    for w in &collected.warnings {
        eprintln!("warning: {w}");
    }
    let sources = collected.sources;
    let names: Vec<String> = sources
        .iter()
        .map(|s| s.path.display().to_string())
        .collect();
    let bar = progress(quiet, sources.len(), "extracting", "{msg}");
    let gazetteer = crate::mention::Gazetteer::new(&reference);
    let mut facts = Vec::with_capacity(sources.len());
    for s in sources {
        bar.set_message(s.stem.clone());
        facts.push(crate::fact::SourceFacts::extract(s, &reference, &gazetteer));
        bar.inc(1);
    }
    bar.finish_and_clear();
    let mut quads = crate::graph_quads(&facts, &reference)?;
    // RDF added with `oewg-kg load` survives the rebuild.
    let loaded = super::load::carried_over(&dir)?;
    if !loaded.is_empty() {
        quads.extend(loaded);
        crate::quad::void::refresh(&mut quads);
    }
    let load_bar = progress(quiet, quads.len(), "loading", "quads");
    let lb = load_bar.clone();
    let published = store::publish(&lock, quads, names, move |n| lb.set_position(n))?;
    drop(lock);
    load_bar.finish_and_clear();
    for w in &published.warnings {
        eprintln!("warning: {w}");
    }
    let manifest = published.manifest;
    if !args.quiet {
        let proposals: usize = facts.iter().map(|f| f.proposals.len()).sum();
        let stances: usize = facts.iter().map(|f| f.stances.len()).sum();
        eprintln!(
            "built {} from {} source{}: {} quads, {} edit proposals, {} stances",
            dir.display(),
            manifest.sources.len(),
            if manifest.sources.len() == 1 { "" } else { "s" },
            manifest.quads,
            proposals,
            stances
        );
    }
    Ok(())
}

/// A progress bar on stderr (hidden with --quiet): `what` follows the count.
fn progress(quiet: bool, len: usize, prefix: &'static str, what: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    b.set_style(
        ProgressStyle::with_template(&format!(
            "{{prefix:>9}} [{{bar:30}}] {{pos}}/{{len}} {what}"
        ))
        .expect("valid template")
        .progress_chars("=> "),
    );
    b.set_prefix(prefix);
    b
}
