//! Starting `oewg-kg serve` on a free loopback port for a test, and the
//! HTTP helpers the server tests share.
#![allow(dead_code)]

use super::common;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use ureq::http::Response;
use ureq::Body;

/// The seed store, built once for this test binary.
pub fn store() -> &'static PathBuf {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = common::root().join(concat!("target/test-stores/", env!("CARGO_CRATE_NAME")));
        let _ = std::fs::remove_dir_all(&dir);
        common::build(&[&common::root().join("seeds")], &dir);
        dir
    })
}

/// A running server, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(extra: &[&str]) -> Server {
    let mut child = Command::new(common::bin())
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(store())
        .args(extra)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("oewg-kg serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("serve announces its address: {line}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, base: addr }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

pub fn get(url: &str, accept: &str) -> Response<Body> {
    agent().get(url).header("Accept", accept).call().unwrap()
}

pub fn text(mut r: Response<Body>) -> String {
    r.body_mut().read_to_string().unwrap()
}

pub fn header(r: &Response<Body>, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Rows of a CSV answer, header excluded, sorted.
pub fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let mut rdr = csv::Reader::from_reader(body.as_bytes());
    let mut rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    rows.sort();
    rows
}

/// Rows `oewg-kg query NAME --format csv` gives on the test store, sorted.
pub fn local_rows(name: &str) -> Vec<Vec<String>> {
    let o = common::run(&[
        "query",
        name,
        "--store",
        &store().display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success());
    csv_rows(&common::stdout(&o))
}
