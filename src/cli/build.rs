//! `oewg-kg build`: read reports, extract, and replace the store.

use super::StoreArg;
use crate::pipeline::build::{self, Settings, Tick};
use crate::store;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Build the graph from reports and replace the store with it.
///
/// Reads every `.txt` file of the given folders (and any `.txt` files given
/// directly), with metadata from a `catalog.csv` beside them, extracts
/// states, groups, persons, bodies, resolutions, documents, paragraphs,
/// citations, proposals and stances, and writes one named graph per file
/// plus the reference and ontology graphs. The previous store is replaced
/// only when the new one is complete: a failed build leaves it untouched.
///
/// Sources are read a batch at a time on every core (--jobs) and their
/// quads loaded as they come, so a corpus need not fit in memory. A
/// rebuild re-reads only the sources whose text or catalog row changed
/// (by content hash), drops the removed ones and redoes the cross-source
/// steps; --full reads everything again.
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
    /// Print nothing but errors and warnings (no progress bar).
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
    /// Threads that extract (default: every core, or $RAYON_NUM_THREADS).
    /// The graph is the same whatever the number.
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Read every source again instead of reusing the unchanged ones of
    /// the store in force.
    #[arg(long)]
    pub full: bool,
    /// Compact the store before publishing it: queries that read many
    /// names and quotations run about twice as fast, and the build takes
    /// about a fifth longer (the same graph either way).
    #[arg(long)]
    pub compact: bool,
    /// Sources per batch at most (tests: many small batches).
    #[arg(long, hide = true, value_name = "N")]
    pub batch_sources: Option<usize>,
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
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs.filter(|&n| n > 0) {
        pool = pool.num_threads(n);
    }
    let pool = pool.build()?;
    let mut settings = Settings {
        strict: args.strict,
        full: args.full,
        compact: args.compact,
        ..Default::default()
    };
    if let Some(n) = args.batch_sources.filter(|&n| n > 0) {
        settings.batching.sources = n;
    }
    let bar = Progress::new(quiet);
    let report = pool.install(|| build::run(&lock, &args.inputs, settings, &|t| bar.tick(t)))?;
    drop(lock);
    bar.finish();
    for w in report.warnings.iter().chain(&report.published.warnings) {
        eprintln!("warning: {w}");
    }
    let manifest = &report.published.manifest;
    if !quiet {
        let n = manifest.sources.len();
        eprintln!(
            "built {} from {n} source{}: {} quads, {} edit proposals, {} stances",
            dir.display(),
            if n == 1 { "" } else { "s" },
            manifest.quads,
            report.proposals,
            report.stances
        );
        if report.reused > 0 || report.removed > 0 {
            eprintln!(
                "{} source{} read again, {} unchanged, {} removed",
                report.extracted,
                if report.extracted == 1 { "" } else { "s" },
                report.reused,
                report.removed
            );
        }
    }
    Ok(())
}

/// The build's progress on stderr: sources read (with sources/s and MB/s)
/// and quads loaded. Hidden with --quiet and when stderr is no terminal.
struct Progress {
    bar: ProgressBar,
    sources: AtomicU64,
    bytes: AtomicU64,
    loaded: AtomicU64,
    started: std::time::Instant,
}

impl Progress {
    fn new(quiet: bool) -> Self {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template("{spinner} {elapsed:>4} {msg}")
                    .expect("valid template"),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(200));
            b
        };
        Self {
            bar,
            sources: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            loaded: AtomicU64::new(0),
            started: std::time::Instant::now(),
        }
    }

    fn tick(&self, t: Tick) {
        match t {
            Tick::Source { bytes, .. } => {
                let n = self.sources.fetch_add(1, Ordering::Relaxed) + 1;
                let b = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
                let secs = self.started.elapsed().as_secs_f64().max(1e-3);
                self.bar.set_message(format!(
                    "{n} sources ({:.0}/s), {:.1} MB ({:.1} MB/s), {} quads loaded",
                    n as f64 / secs,
                    b as f64 / 1e6,
                    b as f64 / 1e6 / secs,
                    self.loaded.load(Ordering::Relaxed)
                ));
            }
            Tick::Loaded(q) => self.loaded.store(q, Ordering::Relaxed),
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
