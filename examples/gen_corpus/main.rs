//! A generated corpus for benchmarks: reports of every genre the extractor
//! reads, in the proportions a collection of a negotiation's record has,
//! to any size, the same bytes for the same seed.
//!
//! `cargo run --release --example gen_corpus -- --size 100MB --seed 7 --out DIR`
//!
//! Genres: meeting reports that quote draft paragraphs and record edit
//! proposals on them with supporters and opponents; press releases with
//! recorded votes and the states named on each side; national statements
//! in the first person; session summaries with stances on the Programme of
//! Action, a legally binding instrument and the other recurring proposals
//! and bodies; and the final reports whose paragraphs the drafts' aligned
//! with. Names come from the reference data (`ontology/reference/*.csv`);
//! every sentence is one of the templates below, filled in by the seeded
//! generator. Unlike copies of the seeds, the corpus names many drafts
//! (revisions of each year's annual progress report, each with its own
//! paragraphs) and paragraph numbers, so its graph grows with it.

mod corpus;
mod text;

use std::path::PathBuf;

struct Args {
    /// Add one report to an existing corpus instead.
    add_one: bool,
    size: u64,
    seed: u64,
    out: PathBuf,
}

/// `10MB`, `1GB`, `500kB` or a number of bytes.
fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: f64 = digits.parse().ok()?;
    let unit = match s[digits.len()..].to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        _ => return None,
    };
    Some((n * unit) as u64)
}

fn args() -> Result<Args, String> {
    let mut size = None;
    let mut add_one = false;
    let mut seed = 7;
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--size" => size = Some(parse_size(&value()?).ok_or("--size: say 10MB, 1GB …")?),
            "--seed" => seed = value()?.parse().map_err(|_| "--seed: a number")?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--add-one" => add_one = true,
            "-h" | "--help" => {
                return Err("usage: gen_corpus --size 100MB [--seed 7] --out DIR\n\
                     \x20      gen_corpus --add-one [--seed 7] --out DIR\n\
                     Writes reports (.txt) and their catalog.csv into DIR, which must \
                     not exist or be empty; --add-one adds one meeting report to the \
                     corpus in DIR."
                    .into())
            }
            other => return Err(format!("unknown argument {other}; see --help")),
        }
    }
    Ok(Args {
        add_one,
        size: if add_one {
            0
        } else {
            size.ok_or("--size is required; see --help")?
        },
        seed,
        out: out.ok_or("--out is required; see --help")?,
    })
}

fn main() {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let done = if args.add_one {
        let n = std::fs::read_dir(&args.out).map_or(0, |d| d.count());
        corpus::add_one(&args.out, args.seed, 1_000_000 + n)
    } else {
        corpus::generate(&args.out, args.size, args.seed)
    };
    if let Err(e) = done {
        eprintln!("gen_corpus: {e}");
        std::process::exit(1);
    }
}
