//! The graph as other linked-data software meets it: a real SPARQL client
//! (Python SPARQLWrapper) against `serve`, a real browser (headless Debian
//! Chromium) on the state and query pages, and a real store (Virtuoso from
//! Debian) receiving `push`.
//!
//! These need programs outside Cargo, so they are `#[ignore]`d in a plain
//! `cargo test` (listed there as ignored, never passed silently); `.ci/run`
//! installs the programs and runs them with `--ignored`, and then a missing
//! program is a failure that says what to install.

mod common;
#[path = "common/serve.rs"]
mod serve_support;

use serve_support::*;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn python() -> PathBuf {
    let p = std::env::var_os("OEWG_KG_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join("target/ci-venv/bin/python"));
    assert!(
        p.exists(),
        "NOT RUN: no Python with SPARQLWrapper at {} (set OEWG_KG_PYTHON or run .ci/run)",
        p.display()
    );
    p
}

fn program(name: &str, package: &str) -> PathBuf {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join(name))
        .find(|p| p.exists());
    found.unwrap_or_else(|| panic!("NOT RUN: `{name}` is missing (apt-get install {package})"))
}

#[test]
#[ignore = "needs Python SPARQLWrapper; .ci/run runs it"]
fn sparqlwrapper_gets_the_same_rows_from_serve_as_query() {
    let py = python();
    let s = serve(&[]);
    for name in [
        "who-supports-whom",
        "chairs",
        "policy-support-counts",
        "group-membership",
    ] {
        let o = Command::new(&py)
            .arg(common::root().join("tests/clients/sparqlwrapper_rows.py"))
            .arg(format!("{}/sparql", s.base))
            .arg(common::root().join(format!("queries/{name}.rq")))
            .output()
            .unwrap();
        assert!(o.status.success(), "SPARQLWrapper: {}", common::stderr(&o));
        let rows = csv_rows(&common::stdout(&o));
        let expected = local_rows(name);
        assert!(!expected.is_empty(), "{name} has rows");
        assert_eq!(rows, expected, "{name}: SPARQLWrapper and `query` agree");
    }
}

/// Runs headless Chromium on a URL: the DOM after scripts ran, or a
/// screenshot when `screenshot` is given.
fn chromium(url: &str, screenshot: Option<&Path>) -> String {
    let bin = program("chromium", "chromium");
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1280,1100",
        "--virtual-time-budget=20000",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()));
    match screenshot {
        Some(p) => cmd.arg(format!("--screenshot={}", p.display())),
        None => cmd.arg("--dump-dom"),
    };
    let o = cmd.arg(url).stderr(Stdio::null()).output().unwrap();
    assert!(o.status.success(), "chromium failed on {url}");
    common::stdout(&o)
}

/// Cells of the table with id `answer` in a DOM dump, tags stripped.
fn answer_table(dom: &str) -> Vec<Vec<String>> {
    let start = dom
        .find("<table id=\"answer\"")
        .expect("the answer table is rendered");
    let table = &dom[start..start + dom[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    let cell = regex::Regex::new(r"(?s)<td>(.*?)</td>").unwrap();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    let mut rows: Vec<Vec<String>> = body
        .split("<tr>")
        .skip(1)
        .map(|tr| {
            cell.captures_iter(tr)
                .map(|c| tag.replace_all(&c[1], "").replace("&amp;", "&"))
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

#[test]
#[ignore = "needs Debian's chromium; .ci/run runs it"]
fn chromium_shows_a_state_page_and_runs_a_bundled_query() {
    let s = serve(&[]);
    let state = chromium(&format!("{}/id/state/IRN", s.base), None);
    assert!(state.contains("<h1>Iran"), "the state page opens");
    assert!(state.contains("Edit proposals (") && state.contains("Stances ("));
    let q = "SELECT ?s ?quote WHERE { ?s oewg:actor <https://w3id.org/oewg-kg/id/state/IRN> ; oewg:quote ?quote } ORDER BY ?s LIMIT 1";
    let r = agent()
        .post(&format!("{}/sparql", s.base))
        .header("Accept", "text/csv")
        .send_form([("query", q)])
        .unwrap();
    let row = csv_rows(&text(r)).remove(0);
    let escaped = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    assert!(
        state.contains(&escaped(&row[1])),
        "the state page quotes its stances"
    );
    let stance = row[0].strip_prefix("https://w3id.org/oewg-kg/").unwrap();
    let stance_page = chromium(&format!("{}/{stance}", s.base), None);
    assert!(
        stance_page.contains(&format!("<mark>{}</mark>", escaped(&row[1]))),
        "the stance page highlights its quote in its paragraph"
    );
    let name = "who-supports-whom";
    let url = format!("{}/query?run={name}", s.base);
    let dom = chromium(&url, None);
    assert_eq!(
        answer_table(&dom),
        local_rows(name),
        "the page's table is the query's answer"
    );
    assert!(
        dom.contains("rows</span>") || dom.contains(" rows"),
        "status line counts rows"
    );
    // Screenshots go to target/ (or docs/, to be committed, with
    // OEWG_KG_BLESS=1).
    let dir = match std::env::var_os("OEWG_KG_BLESS") {
        Some(_) => common::root().join("docs"),
        None => common::root().join("target/screenshots"),
    };
    std::fs::create_dir_all(&dir).unwrap();
    for (file, page) in [
        ("serve-query.png", url.clone()),
        ("serve-state-page.png", format!("{}/id/state/IRN", s.base)),
    ] {
        let shot = dir.join(file);
        chromium(&page, Some(&shot));
        let png = std::fs::read(&shot).unwrap();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "a real screenshot of {page}"
        );
    }
}

/// A Virtuoso server on free loopback ports in a temporary folder,
/// stopped when dropped.
struct Virtuoso {
    child: Child,
    http: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn virtuoso() -> Virtuoso {
    let bin = program("virtuoso-t", "virtuoso-opensource");
    let dir = tempfile::tempdir().unwrap();
    let (sql, http) = (free_port(), free_port());
    let d = dir.path().display();
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/v.db\nErrorLogFile = {d}/v.log\nLockFile = {d}/v.lck\n\
         TransactionFile = {d}/v.trx\nxa_persistent_file = {d}/v.pxa\n\
         [TempDatabase]\nDatabaseFile = {d}/v-temp.db\nTransactionFile = {d}/v-temp.trx\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nNumberOfBuffers = 10000\n\
         MaxDirtyBuffers = 6000\nDirsAllowed = .\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerThreads = 4\nCharset = UTF-8\n\
         [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 60\n"
    );
    std::fs::write(dir.path().join("virtuoso.ini"), ini).unwrap();
    let child = Command::new(bin)
        .args(["+foreground", "+configfile", "virtuoso.ini"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let v = Virtuoso {
        child,
        http,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let url = format!("http://127.0.0.1:{http}/sparql?query=ASK%7B%7D");
        if agent().get(&url).call().is_ok_and(|r| r.status() == 200) {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "Virtuoso did not come up on port {http}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn remote_rows(endpoint: &str, name: &str) -> Vec<Vec<String>> {
    let q = std::fs::read_to_string(common::root().join(format!("queries/{name}.rq"))).unwrap();
    let r = agent()
        .post(endpoint)
        .header("Accept", "text/csv")
        .send_form([("query", q.as_str())])
        .unwrap();
    assert_eq!(r.status(), 200, "{name} runs on the remote store");
    csv_rows(&text(r))
}

#[test]
#[ignore = "needs Debian's virtuoso-opensource; .ci/run runs it"]
fn push_to_virtuoso_then_the_bundled_queries_give_the_same_rows_there() {
    let v = virtuoso();
    let endpoint = format!("http://127.0.0.1:{}/sparql", v.http);
    let gsp = format!("http://127.0.0.1:{}/sparql-graph-crud-auth", v.http);
    let s = store().display().to_string();
    let push = |extra: &[&str]| {
        let mut args = vec!["push", &endpoint, "--graph-store", &gsp, "--store", &s];
        args.extend_from_slice(extra);
        common::run(&args)
    };
    let refused = push(&[]);
    assert!(!refused.status.success(), "no credentials, no push");
    assert!(
        common::stderr(&refused).contains("--auth"),
        "{}",
        common::stderr(&refused)
    );
    let o = push(&["--auth", "dba:dba"]);
    assert!(o.status.success(), "push: {}", common::stderr(&o));
    let summary = common::stdout(&o);
    assert!(
        summary.contains("graph/reference") && summary.contains("(new)"),
        "{summary}"
    );
    // Every bundled query, except the two whose GROUP_CONCAT order SPARQL
    // leaves to the store.
    let mut compared = 0;
    for e in std::fs::read_dir(common::root().join("queries")).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if std::fs::read_to_string(&path)
            .unwrap()
            .contains("GROUP_CONCAT")
        {
            continue;
        }
        assert_eq!(
            remote_rows(&endpoint, &name),
            local_rows(&name),
            "{name} after push"
        );
        compared += 1;
    }
    assert!(compared >= 15, "compared {compared} bundled queries");
    let again = push(&["--auth", "dba:dba", "--source", "2021-03-oewg-final-report"]);
    assert!(again.status.success(), "{}", common::stderr(&again));
    let line = common::stdout(&again);
    assert_eq!(line.lines().count(), 1, "one graph replaced: {line}");
    assert!(line.contains("same size"), "{line}");
    assert_eq!(
        remote_rows(&endpoint, "who-supports-whom"),
        local_rows("who-supports-whom")
    );
}
