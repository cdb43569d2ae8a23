//! Throughput of the pipeline on a synthetic corpus: the five seed reports
//! copied N times under new names (so every copy is its own source and
//! graph). Measures extraction (text → facts), mapping (facts → quads) and
//! loading into an on-disk store, and prints one line per stage.
//!
//! `cargo bench --bench pipeline -- [COPIES]` (default 40 copies = 200
//! reports). Figures are wall-clock on the machine at hand; see README.

use oewg_kg::input::{self, SourceText};
use oewg_kg::reference::Reference;
use std::time::Instant;

fn main() {
    let copies: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(40);
    let reference = Reference::load().expect("reference data");
    let seeds =
        input::collect(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")])
            .expect("seeds read");
    let mut corpus: Vec<SourceText> = Vec::new();
    for i in 0..copies {
        for s in &seeds {
            let mut c = s.clone();
            c.stem = format!("{}-copy{i:04}", s.stem);
            corpus.push(c);
        }
    }
    let bytes: usize = corpus.iter().map(|s| s.text.len()).sum();
    let n = corpus.len();

    let t = Instant::now();
    let facts = oewg_kg::extract_all(corpus, &reference);
    let extract = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let quads = oewg_kg::graph_quads(&facts, &reference).expect("quads");
    let map = t.elapsed().as_secs_f64();
    let nquads = quads.len();

    let dir = tempfile::tempdir().expect("temp dir");
    let t = Instant::now();
    oewg_kg::store::replace(&dir.path().join("store"), quads, vec![], |_| {}).expect("store");
    let load = t.elapsed().as_secs_f64();

    println!("corpus: {n} reports, {:.1} MB", bytes as f64 / 1e6);
    println!(
        "extract: {extract:.2} s ({:.0} reports/s, {:.2} MB/s)",
        n as f64 / extract,
        bytes as f64 / 1e6 / extract
    );
    println!(
        "map to quads: {map:.2} s ({nquads} quads, {:.0} quads/s)",
        nquads as f64 / map
    );
    println!(
        "load into store: {load:.2} s ({:.0} quads/s)",
        nquads as f64 / load
    );
}
