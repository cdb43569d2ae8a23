//! Inputs: nothing skipped in silence, nothing misread.

use super::common::{bin, build_with, run, stderr};
use super::{assert_refused, build, query_file, report_folder, REPORT};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

/// Rows of a query, as CSV lines without the header.
fn rows(store: &Path, text: &str) -> Vec<String> {
    let q = query_file(store.parent().unwrap(), "rows", text);
    let o = run(&[
        "query",
        &q,
        "--store",
        &store.display().to_string(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    super::common::stdout(&o)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn odd_entries_of_a_folder_are_skipped_with_a_warning_naming_each_or_refused_with_strict() {
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "good", REPORT);
    symlink(input.join("gone.txt"), input.join("dangling.txt")).unwrap();
    symlink(input.join("loop.txt"), input.join("loop.txt")).unwrap();
    mkfifo(&input.join("pipe.txt"));
    fs::write(input.join("latin1.txt"), b"caf\xe9\n").unwrap();
    let store = d.path().join("store");
    let warnings = build(&[&input], &store, &[]);
    for (name, why) in [
        ("dangling.txt", "symbolic link to"),
        ("loop.txt", "loop of symbolic links"),
        ("pipe.txt", "named pipe"),
        ("latin1.txt", "not valid UTF-8"),
    ] {
        let line = warnings
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no warning for {name}: {warnings}"));
        assert!(
            line.starts_with("warning: skipped") && line.contains(why),
            "{line}"
        );
    }
    assert_refused(
        &build_with(&[&input], &d.path().join("s2"), &["--strict"]),
        "dangling.txt",
    );
}

#[test]
fn a_pipe_a_link_to_nothing_or_a_loop_given_directly_is_named_for_what_it_is() {
    let d = tempfile::tempdir().unwrap();
    let store = d.path().join("store");
    let fifo = d.path().join("pipe.txt");
    mkfifo(&fifo);
    assert_refused(&build_with(&[&fifo], &store, &[]), "named pipe (FIFO)");
    let dangling = d.path().join("dangling.txt");
    symlink(d.path().join("gone.txt"), &dangling).unwrap();
    assert_refused(&build_with(&[&dangling], &store, &[]), "symbolic link to");
    let looped = d.path().join("loop.txt");
    symlink(&looped, &looped).unwrap();
    assert_refused(
        &build_with(&[&looped], &store, &[]),
        "loop of symbolic links",
    );
    assert_refused(
        &build_with(&[Path::new("/dev/null")], &store, &[]),
        "device",
    );
}

#[test]
fn a_catalog_that_cannot_be_read_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "a", REPORT);
    symlink(input.join("missing.csv"), input.join("catalog.csv")).unwrap();
    assert_refused(
        &build_with(&[&input], &d.path().join("s"), &[]),
        "catalog.csv",
    );
    fs::remove_file(input.join("catalog.csv")).unwrap();
    fs::create_dir(input.join("catalog.csv")).unwrap();
    assert_refused(
        &build_with(&[&input], &d.path().join("s"), &[]),
        "catalog.csv is a folder",
    );
}

#[test]
fn conflicting_catalog_rows_invalid_dates_and_bad_rows_name_their_lines() {
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "a", REPORT);
    let catalog = input.join("catalog.csv");
    let store = d.path().join("s");
    // A multi-line title first, so line numbers must count physical lines.
    fs::write(
        &catalog,
        "file,title,date\na.txt,\"A title\nover two lines\",2021-03\na.txt,Another title,2021-03\n",
    )
    .unwrap();
    assert_refused(
        &build_with(&[&input], &store, &[]),
        "line 4: a.txt is described differently on line 2",
    );
    fs::write(
        &catalog,
        "file,title,date\na.txt,\"Two\nlines\",2021-13-45\n",
    )
    .unwrap();
    assert_refused(
        &build_with(&[&input], &store, &[]),
        "catalog.csv: line 2: date \"2021-13-45\" is not a date",
    );
    // The same row twice is no conflict.
    fs::write(
        &catalog,
        "file,title,date\na.txt,T,2021-03\na.txt,T,2021-03\n",
    )
    .unwrap();
    build(&[&input], &store, &[]);
}

#[test]
fn a_catalog_saved_by_a_spreadsheet_is_read_right() {
    // Byte-order mark, CRLF line ends, cells padded after the commas.
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "a", REPORT);
    fs::write(
        input.join("catalog.csv"),
        "\u{feff}file, title, date\r\na.txt, A spreadsheet title, 2021-03-09\r\n",
    )
    .unwrap();
    let store = d.path().join("s");
    build(&[&input], &store, &[]);
    let got = rows(
        &store,
        "SELECT ?t ?d WHERE { ?s a oewg:SourceText ; dcterms:title ?t ; dcterms:date ?d }",
    );
    assert_eq!(got, ["A spreadsheet title,2021-03-09"]);
}

#[test]
fn an_empty_catalog_is_no_catalog() {
    let d = tempfile::tempdir().unwrap();
    let input = report_folder(d.path(), "a", REPORT);
    fs::write(input.join("catalog.csv"), "").unwrap();
    build(&[&input], &d.path().join("s"), &[]);
}

#[test]
fn lone_cr_line_ends_build_the_same_graph_as_lf() {
    let d = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(
        super::common::root().join("seeds/2021-03-08-oewg-third-session-first-meeting.txt"),
    )
    .unwrap();
    let lf = report_folder(&d.path().join("lf"), "r", &text);
    let cr = report_folder(
        &d.path().join("cr"),
        "r",
        &text.replace("\r\n", "\n").replace('\n', "\r"),
    );
    let (s1, s2) = (d.path().join("s1"), d.path().join("s2"));
    build(&[&lf], &s1, &[]);
    build(&[&cr], &s2, &[]);
    // Selectors quote the text around each sentence verbatim, line ends
    // included: those are the only bytes that may differ.
    let export = |s: &Path| {
        String::from_utf8(super::common::export_nq(s))
            .unwrap()
            .replace("\\r", "\\n")
    };
    let (a, b) = (export(&s1), export(&s2));
    let differ: Vec<(&str, &str)> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).collect();
    assert!(
        differ.is_empty() && a.len() == b.len(),
        "{:?}",
        &differ[..differ.len().min(3)]
    );
}

#[test]
fn a_text_with_no_visible_character_is_empty() {
    let d = tempfile::tempdir().unwrap();
    let blank = d.path().join("blank.txt");
    fs::write(&blank, "\u{200b}\u{200b}\n\u{feff}\u{2060} \u{00ad}\n").unwrap();
    assert_refused(
        &build_with(&[&blank], &d.path().join("s"), &[]),
        "blank.txt is empty",
    );
}

#[test]
fn pathological_texts_build_in_bounded_time() {
    // Not a speed measurement (that is benches/pathological.rs): a CPU-time
    // cap some thirty times what these take, which a quadratic step would
    // blow through (a 2 MB one-line file used to take minutes).
    let d = tempfile::tempdir().unwrap();
    let clause = "Iran proposed to delete paragraph 12, supported by China, while the OEWG established by resolution 75/240 noted it, ";
    let run_on = clause.repeat(2_000_000 / clause.len()) + ".";
    let paragraph = "12. The OEWG established by General Assembly resolution 73/27 met.\nIran supported the proposal of China.\n";
    let repeated = paragraph.repeat(2_000_000 / paragraph.len());
    for (stem, text) in [("run-on", run_on), ("repeated", repeated)] {
        let input = report_folder(d.path(), stem, &text);
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -t 60; exec \"{}\" build \"{}\" --store \"{}\" --quiet",
                bin(),
                input.display(),
                d.path().join(format!("store-{stem}")).display()
            ))
            .output()
            .unwrap();
        assert!(o.status.success(), "{stem}: {:?} {}", o.status, stderr(&o));
    }
}
