//! `oewg-kg diff`: draft paragraphs against their final versions.

use super::StoreArg;
use crate::output::diff;
use crate::store;
use anyhow::Result;
use std::io::{IsTerminal, Write};

/// Show how each quoted draft paragraph changed in the later version.
///
/// Prints every aligned pair (draft → later paragraph, with the similarity
/// score) with the word-level changes marked — red and struck out for
/// deleted words, green and underlined for inserted ones on a terminal,
/// `[-deleted-]` and `{+inserted+}` when piped — followed by the proposals
/// that targeted the draft paragraph and their judged outcomes. Draft
/// paragraphs with no counterpart are listed as dropped.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// When to colour: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

pub fn run(args: Args) -> Result<()> {
    let (store, _) = store::open(&args.store.path())?;
    let stdout = std::io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut buf = Vec::new();
    diff::write(&store, &mut buf, color)?;
    stdout.lock().write_all(&buf)?;
    Ok(())
}
