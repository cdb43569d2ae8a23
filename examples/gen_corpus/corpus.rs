//! Writing a corpus: reports of random genres until the size is reached,
//! with their `catalog.csv`. Shared by the example and `benches/scale.rs`.

use crate::text::{Report, Writer};
use oewg_kg::reference::Reference;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fs;
use std::io::Write;
use std::path::Path;

/// Writes the corpus: the final reports first, then reports of random
/// genres until the size is reached.
pub fn generate(out: &Path, size: u64, seed: u64) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", out.display());
    if out.exists() && fs::read_dir(out).map_err(io)?.next().is_some() {
        return Err(format!("{} is not empty", out.display()));
    }
    fs::create_dir_all(out).map_err(io)?;
    let reference = Reference::load().map_err(|e| format!("reference data: {e:?}"))?;
    let mut catalog = fs::File::create(out.join("catalog.csv")).map_err(io)?;
    writeln!(catalog, "file,title,date,publisher,kind,document,source").map_err(io)?;
    let mut files = 0usize;
    let mut w = Writer::new(&reference, seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut written = 0u64;
    let mut reports = w.final_reports();
    let mut n = 0usize;
    while written < size {
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
        written += write(out, &mut catalog, &report).map_err(io)?;
        files += 1;
    }
    eprintln!(
        "wrote {files} reports, {:.1} MB, into {}",
        written as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// One more meeting report (`n` numbers it), added to an existing corpus:
/// how a collection grows between two builds.
pub fn add_one(out: &Path, seed: u64, n: usize) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", out.display());
    let reference = Reference::load().map_err(|e| format!("reference data: {e:?}"))?;
    let w = Writer::new(&reference, seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ n as u64);
    let report = w.meeting_report(&mut rng, n);
    let mut catalog = fs::OpenOptions::new()
        .append(true)
        .open(out.join("catalog.csv"))
        .map_err(io)?;
    write(out, &mut catalog, &report).map_err(io)?;
    Ok(())
}

/// Writes a report and its catalog row; returns its size.
fn write(out: &Path, catalog: &mut fs::File, report: &Report) -> std::io::Result<u64> {
    let file = format!("{}.txt", report.stem);
    fs::write(out.join(&file), &report.text)?;
    writeln!(
        catalog,
        "{file},{},{},{},{},{},",
        csv_cell(&report.title),
        report.date,
        csv_cell(report.publisher),
        report.kind,
        report.document.unwrap_or("")
    )?;
    Ok(report.text.len() as u64)
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
