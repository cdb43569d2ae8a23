//! Helpers shared by the integration tests: run the real binary, build the
//! seeds into a temporary store once per test.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_oewg-kg")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(root())
        .output()
        .expect("the oewg-kg binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `build` of `inputs` into `store`, quietly, with `extra` options.
pub fn build_with(inputs: &[&Path], store: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["build".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend([
        "--store".into(),
        store.display().to_string(),
        "--quiet".into(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&refs)
}

/// Builds `inputs` into `store` and asserts success.
pub fn build(inputs: &[&Path], store: &Path) {
    let o = build_with(inputs, store, &[]);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
}

/// The N-Quads export of a store (asserting it succeeds).
pub fn export_nq(store: &Path) -> Vec<u8> {
    let o = run(&[
        "export",
        "--format",
        "nq",
        "--store",
        &store.display().to_string(),
    ]);
    assert!(o.status.success(), "export failed: {}", stderr(&o));
    o.stdout
}

/// A temporary store built from `seeds/`.
pub fn seed_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(&[&root().join("seeds")], &store);
    (dir, store)
}

/// Runs a query and returns its CSV rows (header excluded), cells trimmed.
pub fn query_rows(store: &Path, query: &str) -> Vec<Vec<String>> {
    let o = run(&[
        "query",
        query,
        "--store",
        &store.display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "query {query} failed: {}", stderr(&o));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    rdr.records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

// ------------------------------------------------------------- pictures

/// Runs `oewg-kg graph ARGS --store STORE` and returns its output.
pub fn graph(store: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let mut a = vec!["graph"];
    a.extend_from_slice(args);
    let s = store.display().to_string();
    a.extend_from_slice(&["--store", &s]);
    let o = run(&a);
    assert!(o.status.success(), "graph {args:?}: {}", stderr(&o));
    o.stdout
}

/// Runs Graphviz on DOT and returns the SVG; fails on any warning.
pub fn render(dot: &[u8]) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (apt-get install graphviz)");
    child.stdin.take().unwrap().write_all(dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "Graphviz failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(warnings.trim().is_empty(), "Graphviz warned: {warnings}");
    String::from_utf8(out.stdout).unwrap()
}

/// Parses SVG as XML (Graphviz writes a DOCTYPE, which roxmltree accepts
/// only when asked).
pub fn parse(svg: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(svg, opts).expect("the SVG is well-formed XML")
}

pub fn svg_texts(svg: &str) -> Vec<String> {
    let doc = parse(svg);
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

pub fn assert_labels(svg: &str, expected: &[&str]) {
    let texts = svg_texts(svg).join("\n");
    for e in expected {
        assert!(texts.contains(e), "label {e:?} in the picture");
    }
}

/// Extracts the facts of an in-memory text, as a build would.
pub fn extract(stem: &str, text: &str, date: &str) -> oewg_kg::fact::SourceFacts {
    let r = oewg_kg::reference::Reference::load().unwrap();
    let g = oewg_kg::mention::Gazetteer::new(&r);
    oewg_kg::fact::SourceFacts::extract(
        oewg_kg::input::SourceText::in_memory(stem, text, date),
        &r,
        &g,
    )
}

/// `(proposer, paragraphs, action)` of every edit proposal of `text`,
/// sorted by proposer and paragraphs, each once.
#[allow(dead_code)]
pub fn proposals(
    stem: &str,
    text: &str,
    date: &str,
) -> Vec<(String, Vec<u32>, oewg_kg::fact::Action)> {
    let f = extract(stem, text, date);
    let mut v: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone(), p.action))
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v.dedup();
    v
}

/// `(holder, polarity)` of every stance on the Programme of Action, sorted,
/// each once.
pub fn on_the_poa(stem: &str, text: &str, date: &str) -> Vec<(String, oewg_kg::fact::Polarity)> {
    let f = extract(stem, text, date);
    let mut v: Vec<_> = f
        .stances
        .iter()
        .filter(|s| s.target == oewg_kg::fact::StanceTarget::Body("poa".into()))
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// A state's or group's code; other entities by their debug form.
pub fn code(e: &oewg_kg::mention::Entity) -> String {
    match e {
        oewg_kg::mention::Entity::State(c) | oewg_kg::mention::Entity::Group(c) => c.clone(),
        other => format!("{other:?}"),
    }
}

/// `(holder, voiced by, polarity, proposer, first paragraph)` of every
/// stance on an edit proposal.
pub type EditStance = (String, Option<String>, oewg_kg::fact::Polarity, String, u32);

/// Every stance on an edit proposal, as [`EditStance`]s.
pub fn edit_stances(f: &oewg_kg::fact::SourceFacts) -> Vec<EditStance> {
    f.stances
        .iter()
        .filter_map(|s| match s.target {
            oewg_kg::fact::StanceTarget::Edit(i) => Some((
                code(&s.actor),
                s.voiced_by.as_ref().map(code),
                s.polarity,
                code(&f.proposals[i].proposer),
                f.proposals[i].targets[0],
            )),
            _ => None,
        })
        .collect()
}

/// `(holder, polarity, proposer, first paragraph)` of every edit stance of
/// `text`, sorted, each once.
#[allow(dead_code)]
pub fn reactions(
    stem: &str,
    text: &str,
    date: &str,
) -> Vec<(String, oewg_kg::fact::Polarity, String, u32)> {
    let f = extract(stem, text, date);
    let mut v: Vec<_> = edit_stances(&f)
        .into_iter()
        .map(|(h, _, p, by, n)| (h, p, by, n))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// `(holder, polarity)` of every stance on the policy `slug`, in the order
/// they were taken.
pub fn policy_positions(
    f: &oewg_kg::fact::SourceFacts,
    slug: &str,
) -> Vec<(String, oewg_kg::fact::Polarity)> {
    let target = oewg_kg::fact::StanceTarget::Policy(slug.into());
    f.stances
        .iter()
        .filter(|s| s.target == target)
        .map(|s| (code(&s.actor), s.polarity))
        .collect()
}
