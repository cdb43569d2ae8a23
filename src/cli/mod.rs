//! The command line: one module per subcommand, each with its usage text
//! beside its code (clap derive doc comments are the help text).

mod build;
mod diff;
mod eval;
mod export;
mod graph;
pub mod load;
mod push;
mod query;
mod serve;
mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Build a knowledge graph of UN cyber-diplomacy negotiations (OEWG, GGE,
/// PoA) from plain-text reports, and ask it questions in SPARQL.
///
/// Typical use: `oewg-kg build` (reads seeds/), then `oewg-kg query --list`
/// and `oewg-kg query who-supports-whom`.
#[derive(Debug, Parser)]
#[command(name = "oewg-kg", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the store lives; shared by every command that reads or writes it.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// Store folder [default: $OEWG_KG_STORE, else ./oewg-store].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

impl StoreArg {
    pub fn path(&self) -> PathBuf {
        crate::store::resolve(self.store.as_deref())
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(build::Args),
    Query(query::Args),
    Export(export::Args),
    Stats(stats::Args),
    Eval(eval::Args),
    Diff(diff::Args),
    Graph(graph::Args),
    Serve(serve::Args),
    Push(push::Args),
    Load(load::Args),
}

/// Process-wide settings a command needs before any thread is started
/// (call from the main thread, before [`run`]).
pub fn prepare(cli: &Cli) {
    if let Command::Query(_) = cli.command {
        query::tune_allocator();
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(a) => build::run(a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Graph(a) => graph::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Push(a) => push::run(a),
        Command::Load(a) => load::run(a),
    }
}
