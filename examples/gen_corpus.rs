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

#[path = "gen_corpus/text.rs"]
mod text;

use oewg_kg::reference::Reference;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use text::Writer;

struct Args {
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
    let mut seed = 7;
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--size" => size = Some(parse_size(&value()?).ok_or("--size: say 10MB, 1GB …")?),
            "--seed" => seed = value()?.parse().map_err(|_| "--seed: a number")?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                return Err(
                    "usage: gen_corpus --size 100MB [--seed 7] --out DIR\n\
                     Writes reports (.txt) and their catalog.csv into DIR, which must \
                     not exist or be empty."
                        .into(),
                )
            }
            other => return Err(format!("unknown argument {other}; see --help")),
        }
    }
    Ok(Args {
        size: size.ok_or("--size is required; see --help")?,
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
    if let Err(e) = generate(&args) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(1);
    }
}

/// Writes the corpus: the final reports first, then reports of random
/// genres until the size is reached.
fn generate(args: &Args) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", args.out.display());
    if args.out.exists() && fs::read_dir(&args.out).map_err(io)?.next().is_some() {
        return Err(format!("{} is not empty", args.out.display()));
    }
    fs::create_dir_all(&args.out).map_err(io)?;
    let reference = Reference::load().map_err(|e| format!("reference data: {e:?}"))?;
    let mut catalog = fs::File::create(args.out.join("catalog.csv")).map_err(io)?;
    writeln!(catalog, "file,title,date,publisher,kind,document,source").map_err(io)?;
    let mut w = Writer::new(&reference, args.seed);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let mut written = 0u64;
    let mut reports = w.final_reports();
    let mut n = 0usize;
    while written < args.size {
        let report = match reports.pop() {
            Some(r) => r,
            None => {
                n += 1;
                match rng.random_range(0..100) {
                    0..40 => w.meeting_report(&mut rng, n),
                    40..60 => w.session_summary(&mut rng, n),
                    60..85 => w.statement(&mut rng, n),
                    _ => w.press_release(&mut rng, n),
                }
            }
        };
        let file = format!("{}.txt", report.stem);
        fs::write(args.out.join(&file), &report.text).map_err(io)?;
        writeln!(
            catalog,
            "{file},{},{},{},{},{},",
            csv_cell(&report.title),
            report.date,
            csv_cell(report.publisher),
            report.kind,
            report.document.unwrap_or("")
        )
        .map_err(io)?;
        written += report.text.len() as u64;
    }
    eprintln!(
        "wrote {} reports, {:.1} MB, into {}",
        n + 2,
        written as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
