//! Build time on inputs shaped to find quadratic steps: a 10 MB run-on
//! sentence (a PDF converted without full stops), 10 MB of one repeated
//! paragraph (one long press release), 10 MB of one-word lines, and 10 MB of
//! a paragraph with a fact in every clause (the densest case). Each is
//! one source, taken through the whole build: extraction, mapping to quads
//! and loading into an on-disk store. Every stage must stay linear, so each
//! finishes in seconds, not hours.
//!
//! `cargo bench --bench pathological -- [MEGABYTES]` (default 10). The
//! texts are invented here, from words the extractor reacts to.

use oewg_kg::input::SourceText;
use oewg_kg::reference::Reference;
use std::time::Instant;

/// Clauses full of mentions and cue words, so every rule has work to do.
const CLAUSES: [&str; 8] = [
    "the delegation of Iran proposed to delete paragraph 12 of the First Draft",
    "supported by China and the Russian Federation",
    "while Australia opposed the deletion and the European Union called for a legally binding instrument",
    "the OEWG established by General Assembly resolution 75/240 noted the proposal",
    "resolution 73/27 established the Open-ended Working Group",
    "the Chair of the OEWG, Ambassador Jürg Lauber, took note",
    "Egypt supported the proposal of Cuba to replace the text",
    "and several States welcomed the programme of action",
];

/// Makes a text of (at least) the given number of bytes.
type MakeText = fn(usize) -> String;

/// Repeats `unit` until the text reaches `bytes`.
fn fill(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn run_on_sentence(bytes: usize) -> String {
    let mut s = fill(&(CLAUSES.join(", ") + ", "), bytes);
    s.push('.');
    s
}

/// A two-line paragraph of ordinary meeting-report prose (one proposal,
/// two stances), as a long press release repeats itself.
fn repeated_paragraph(bytes: usize) -> String {
    fill(
        "During the second meeting, delegations exchanged views on the section on capacity-building and on the further development of the rules, norms and principles of responsible behaviour of States, as well as on regular institutional dialogue under the auspices of the United Nations.\n\
         Egypt proposed to delete paragraph 12 of the First Draft, noting that its content was already reflected elsewhere in the text, and Cuba supported the proposal while other delegations preferred to retain it.\n",
        bytes,
    )
}

/// The same shape with a fact in every clause: the densest text the
/// extractor can meet, to show that cost follows the number of facts.
fn dense_paragraph(bytes: usize) -> String {
    let paragraph = format!(
        "12. {}.\nIn response, {}; {}.\n",
        CLAUSES[3], CLAUSES[0], CLAUSES[1]
    );
    fill(&paragraph, bytes)
}

fn one_word_lines(bytes: usize) -> String {
    let words: Vec<String> = CLAUSES
        .iter()
        .flat_map(|c| c.split_whitespace())
        .map(|w| format!("{w}\n"))
        .collect();
    fill(&words.concat(), bytes)
}

/// CPU seconds this process has used so far, all threads (user + system):
/// a figure less sensitive than wall time to other work on the machine.
fn cpu_seconds() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

fn main() {
    let megabytes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10);
    let bytes = megabytes * 1_000_000;
    let reference = Reference::load().expect("reference data");
    let cases: [(&str, MakeText); 4] = [
        ("run-on sentence", run_on_sentence),
        ("repeated paragraph", repeated_paragraph),
        ("one-word lines", one_word_lines),
        ("dense repeated paragraph", dense_paragraph),
    ];
    for (name, make) in cases {
        let text = make(bytes);
        let source = SourceText::in_memory("pathological", &text, "2021-03");
        let cpu = cpu_seconds();
        let t = Instant::now();
        let facts = oewg_kg::extract_all(vec![source], &reference);
        let extract = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let quads = oewg_kg::graph_quads(&facts, &reference).expect("quads");
        let map = t.elapsed().as_secs_f64();
        let n = quads.len();
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        oewg_kg::store::replace(&dir.path().join("store"), quads, vec![], |_| {}).expect("store");
        let load = t.elapsed().as_secs_f64();
        println!(
            "{name}: {:.1} MB, build {:.2} s wall, {:.2} s CPU (extract {extract:.2} s, map {map:.2} s, load {load:.2} s; {n} quads, {} stances)",
            text.len() as f64 / 1e6,
            extract + map + load,
            cpu_seconds() - cpu,
            facts[0].stances.len()
        );
    }
}
