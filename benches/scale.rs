//! Builds of generated corpora side by side with oxigraph's own bulk
//! loader, in one run: for each size, extraction MB/s per core, quads/s,
//! end-to-end wall and peak RSS of `oewg-kg build`, oxigraph's bulk load of
//! the same quads from an N-Quads file (the `oxigraph` crate, same machine,
//! same run; the N-Quads are written by a second, untimed build of the
//! same corpus as it loads them: `OEWG_KG_NQUADS`) and the ratio of the two, a rebuild after adding one report,
//! and every bundled query on the store; then the bundled queries on the
//! seeds copied N times.
//!
//! `cargo bench --bench scale -- [--sizes 10MB,100MB,1GB] [--copies 400]
//! [--seed 7] [--work DIR] [--query-timeout SECS] [--no-queries]
//! [--extraction-only]` (default 10MB,100MB,
//! 400 copies, 300 s; the work folder, default `target/scale-bench`, keeps
//! corpora and stores; `OEWG_KG_BIN` names another binary to measure).

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;
#[path = "../examples/gen_corpus/text.rs"]
mod text;

use oewg_kg::input;
use oewg_kg::pipeline::{self, Batching, Item};
use oewg_kg::reference::Reference;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The binary measured: `$OEWG_KG_BIN`, else the one cargo built.
fn oewg_kg_bin() -> PathBuf {
    std::env::var_os("OEWG_KG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_oewg-kg")))
}

struct Options {
    sizes: Vec<String>,
    copies: usize,
    seed: u64,
    work: PathBuf,
    query_timeout: u64,
    /// Time the bundled queries (`--no-queries` skips them).
    queries: bool,
    /// Only the extraction figure of each corpus, no builds or queries
    /// (`--extraction-only`: for profiling the extractor).
    extraction_only: bool,
}

fn options() -> Options {
    let mut o = Options {
        sizes: vec!["10MB".into(), "100MB".into()],
        copies: 400,
        seed: 7,
        work: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/scale-bench"),
        query_timeout: 300,
        queries: true,
        extraction_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => o.sizes = it.next().unwrap().split(',').map(String::from).collect(),
            "--copies" => o.copies = it.next().unwrap().parse().unwrap(),
            "--seed" => o.seed = it.next().unwrap().parse().unwrap(),
            "--work" => o.work = it.next().unwrap().into(),
            "--query-timeout" => o.query_timeout = it.next().unwrap().parse().unwrap(),
            "--no-queries" => o.queries = false,
            "--extraction-only" => o.extraction_only = true,
            "--oxigraph-load" => {
                // The child that measures oxigraph alone (its own peak RSS).
                let (nq, db) = (it.next().unwrap(), it.next().unwrap());
                oxigraph_load(Path::new(&nq), Path::new(&db));
                std::process::exit(0);
            }
            _ => {} // cargo bench passes --bench
        }
    }
    o
}

fn main() {
    let o = options();
    fs::create_dir_all(&o.work).unwrap();
    for size in &o.sizes {
        let bytes = parse_size(size);
        let dir = o.work.join(format!("corpus-{size}-seed{}", o.seed));
        if !dir.join("catalog.csv").is_file() {
            let _ = fs::remove_dir_all(&dir);
            corpus::generate(&dir, bytes, o.seed).unwrap();
        }
        println!(
            "\n## generated corpus {size} (seed {}): {}",
            o.seed,
            dir.display()
        );
        corpus_figures(&o, &dir, size);
    }
    if o.copies > 0 && !o.extraction_only {
        let dir = o.work.join(format!("seeds-x{}", o.copies));
        if !dir.join("catalog.csv").is_file() {
            copy_seeds(&dir, o.copies);
        }
        let store = o.work.join(format!("store-seeds-x{}", o.copies));
        let run = build(&dir, &store, &["--full"]);
        println!(
            "\n## seeds copied {} times: {:.1} MB, build {:.1} s, {} quads",
            o.copies,
            dir_bytes(&dir) as f64 / 1e6,
            run.wall,
            quads_of(&store)
        );
        queries(&store, o.query_timeout);
    }
}

/// Every figure for one corpus.
fn corpus_figures(o: &Options, dir: &Path, size: &str) {
    let mb = dir_bytes(dir) as f64 / 1e6;
    let (cpu, wall, threads) = extraction(dir);
    println!(
        "extraction (read, extract, map; no loading): {mb:.1} MB in {wall:.1} s wall, {cpu:.1} s CPU on {threads} threads: {:.2} MB/s per core",
        mb / cpu
    );
    if o.extraction_only {
        return;
    }
    let store = o.work.join(format!("store-{size}"));
    let full = build(dir, &store, &["--full"]);
    let quads = quads_of(&store);
    println!(
        "oewg-kg build: {:.1} s wall, {:.0} quads/s ({quads} quads), peak RSS {:.2} GB",
        full.wall,
        quads as f64 / full.wall,
        full.rss_gb
    );
    corpus::add_one(dir, o.seed, 9_000_000).unwrap();
    let inc = build(dir, &store, &[]);
    println!(
        "rebuild after adding one report: {:.1} s = {:.1}% of the full build",
        inc.wall,
        100.0 * inc.wall / full.wall
    );
    remove_added(dir);
    let back = build(dir, &store, &[]);
    println!(
        "rebuild after removing it again: {:.1} s = {:.1}% of the full build",
        back.wall,
        100.0 * back.wall / full.wall
    );
    if o.queries {
        queries(&store, o.query_timeout);
    }
    // oxigraph last, once our store is deleted: a 1 GB corpus's store, its
    // N-Quads and oxigraph's database would not fit on the disk together.
    let _ = fs::remove_dir_all(&store);
    let nq = nquads_of_build(o, dir, size);
    let db = o.work.join(format!("oxigraph-{size}"));
    let _ = fs::remove_dir_all(&db);
    let ox = measure(
        Command::new(std::env::current_exe().unwrap())
            .arg("--oxigraph-load")
            .arg(&nq)
            .arg(&db),
    );
    let _ = fs::remove_dir_all(&db);
    let nq_lines = line_count(&nq);
    let _ = fs::remove_file(&nq);
    println!(
        "oxigraph bulk load of the same quads from N-Quads ({nq_lines} lines written by the build, {quads} distinct quads): {:.1} s wall, peak RSS {:.2} GB; build / oxigraph = {:.2}",
        ox.wall,
        ox.rss_gb,
        full.wall / ox.wall
    );
}

/// The quads of a full build of `dir` as N-Quads, for oxigraph's own
/// loader: a second, untimed full build writes them as its loader thread
/// receives them (`OEWG_KG_NQUADS`). A build is deterministic, so these
/// are exactly the quads of the measured one (the corpus is back as it
/// was after the rebuilds); the measured build does not pay for writing
/// them (17 GB at 1 GB), and no big store is read back (an export of the
/// 1 GB store took an hour).
fn nquads_of_build(o: &Options, dir: &Path, size: &str) -> PathBuf {
    let nq = o.work.join(format!("build-{size}.nq"));
    let scratch = o.work.join(format!("store-{size}-nquads"));
    let _ = fs::remove_dir_all(&scratch);
    measure(build_command(dir, &scratch, &["--full"]).env("OEWG_KG_NQUADS", &nq));
    let _ = fs::remove_dir_all(&scratch);
    nq
}

/// Extraction and mapping alone, on the build's thread pool: CPU seconds
/// (all threads), wall seconds, threads.
fn extraction(dir: &Path) -> (f64, f64, usize) {
    let reference = Reference::load().unwrap();
    let pending = input::plan(&[dir.to_owned()]).unwrap();
    let t = Instant::now();
    let cpu = cpu_seconds();
    let mut quads = 0usize;
    pipeline::stream(
        &pending,
        &reference,
        false,
        Batching::default(),
        &|_, _| None,
        &mut |_, item| {
            if let Item::Fresh(m) = item {
                quads += m.quads.len();
            }
            Ok(())
        },
    )
    .unwrap();
    assert!(quads > 0);
    (
        cpu_seconds() - cpu,
        t.elapsed().as_secs_f64(),
        rayon::current_num_threads(),
    )
}

/// oxigraph's own bulk loader on an N-Quads file, as its documentation
/// shows it.
fn oxigraph_load(nq: &Path, db: &Path) {
    let store = Store::open(db).unwrap();
    let mut loader = store.bulk_loader();
    loader
        .load_from_reader(
            RdfParser::from_format(RdfFormat::NQuads),
            fs::File::open(nq).unwrap(),
        )
        .unwrap();
    loader.commit().unwrap();
    store.flush().unwrap();
}

struct Run {
    wall: f64,
    rss_gb: f64,
}

/// `oewg-kg build DIR --store STORE -q EXTRA`, measured.
fn build(dir: &Path, store: &Path, extra: &[&str]) -> Run {
    measure(&mut build_command(dir, store, extra))
}

fn build_command(dir: &Path, store: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(oewg_kg_bin());
    c.arg("build")
        .arg(dir)
        .arg("--store")
        .arg(store)
        .arg("-q")
        .args(extra);
    c
}

fn line_count(path: &Path) -> usize {
    use std::io::BufRead;
    std::io::BufReader::new(fs::File::open(path).unwrap())
        .split(b'\n')
        .count()
}

/// Wall time and peak RSS of a child process.
#[allow(clippy::zombie_processes)] // waited for with wait4, for its rusage
fn measure(cmd: &mut Command) -> Run {
    let t = Instant::now();
    let child = cmd.stdout(Stdio::null()).spawn().unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `usage` is a valid out-pointer.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0 && status == 0, "{cmd:?} failed");
    Run {
        wall: t.elapsed().as_secs_f64(),
        rss_gb: usage.ru_maxrss as f64 * 1024.0 / 1e9,
    }
}

fn cpu_seconds() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid out-pointer.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// Every bundled query on `store`: seconds and rows.
fn queries(store: &Path, timeout: u64) {
    let mut names: Vec<String> =
        fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("queries"))
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                (p.extension()? == "rq")
                    .then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
            })
            .collect();
    names.sort();
    println!("| query | seconds | rows |\n|---|---:|---:|");
    for q in names {
        let t = Instant::now();
        let o = Command::new(oewg_kg_bin())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "query",
                &q,
                "--format",
                "tsv",
                "--timeout",
                &timeout.to_string(),
                "--store",
            ])
            .arg(store)
            .output()
            .unwrap();
        let secs = t.elapsed().as_secs_f64();
        let rows = if o.status.success() {
            (o.stdout
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                .saturating_sub(1))
            .to_string()
        } else {
            format!("failed: {}", String::from_utf8_lossy(&o.stderr).trim())
        };
        println!("| {q} | {secs:.2} | {rows} |");
    }
}

fn quads_of(store: &Path) -> usize {
    let m = fs::read_to_string(store.join("current/manifest.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&m).unwrap();
    v["quads"].as_u64().unwrap() as usize
}

fn dir_bytes(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| fs::metadata(p).unwrap().len())
        .sum()
}

/// Removes the report [`corpus::add_one`] added (the last catalog row).
fn remove_added(dir: &Path) {
    let catalog = dir.join("catalog.csv");
    let text = fs::read_to_string(&catalog).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let last = lines.pop().unwrap();
    let file = last.split(',').next().unwrap();
    fs::remove_file(dir.join(file)).unwrap();
    fs::write(&catalog, lines.join("\n") + "\n").unwrap();
}

/// The seeds copied `n` times under new names, with catalog rows.
fn copy_seeds(dir: &Path, n: usize) {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    fs::create_dir_all(dir).unwrap();
    let catalog = fs::read_to_string(seeds.join("catalog.csv")).unwrap();
    let mut lines = catalog.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.collect();
    for i in 0..n {
        for row in &rows {
            let (file, rest) = row.split_once(',').unwrap();
            let copy = file.replace(".txt", &format!("-copy{i:04}.txt"));
            fs::copy(seeds.join(file), dir.join(&copy)).unwrap();
            out.push_str(&format!("{copy},{rest}\n"));
        }
    }
    fs::write(dir.join("catalog.csv"), out).unwrap();
}

fn parse_size(s: &str) -> u64 {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: f64 = digits.parse().unwrap();
    let unit = match &s[digits.len()..] {
        "kB" | "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        _ => 1.0,
    };
    (n * unit) as u64
}
