//! The store: locked while built, published in one step, read safely.

use super::common::{bin, run, stderr};
use super::{assert_refused, build, report_folder, sources, REPORT};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Starts a build that stops at `step` (the store's test hook) and returns
/// once it has said so.
fn paused_build(input: &Path, store: &Path, step: &str, extra: &[&str]) -> Child {
    let mut child = Command::new(bin())
        .arg("build")
        .arg(input)
        .arg("--store")
        .arg(store)
        .args(extra)
        .env("OEWG_KG_PAUSE_AT", step)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.contains(&format!("paused at {step}")) => break,
            Some(_) => {}
            None => panic!("the build ended before pausing at {step}"),
        }
    }
    child
}

/// A temporary folder with a store path and one invented report folder per
/// name.
fn setup<const N: usize>(names: [&str; N]) -> (tempfile::TempDir, PathBuf, [PathBuf; N]) {
    let d = tempfile::tempdir().unwrap();
    let store = d.path().join("store");
    let inputs = names.map(|n| report_folder(d.path(), n, REPORT));
    (d, store, inputs)
}

fn kill(mut child: Child) {
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_second_build_fails_at_once_naming_the_build_that_holds_the_lock() {
    let (_d, store, [a, b]) = setup(["first", "second"]);
    build(&[&a], &store, &[]);
    let holder = paused_build(&b, &store, "locked", &["--quiet"]);
    let o = run(&[
        "build",
        &a.display().to_string(),
        "--store",
        &store.display().to_string(),
    ]);
    assert_refused(&o, &format!("pid {}", holder.id()));
    assert!(stderr(&o).contains("--wait"));
    kill(holder);
    assert_eq!(sources(&store), ["first"], "the old store is intact");
}

#[test]
fn with_wait_a_second_build_waits_for_the_first_and_then_runs() {
    let (_d, store, [a, b]) = setup(["first", "second"]);
    let holder = paused_build(&a, &store, "locked", &[]);
    let waiter = Command::new(bin())
        .args(["build", &b.display().to_string(), "--store"])
        .arg(&store)
        .arg("--wait")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    kill(holder);
    let o = waiter.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("waiting for another build"));
    assert_eq!(sources(&store), ["second"]);
}

#[test]
fn a_kill_at_any_step_of_a_build_leaves_the_old_or_the_new_store() {
    let (_d, store, [old, new]) = setup(["old", "new"]);
    for (step, expected) in [
        ("locked", "old"),
        ("loaded", "old"),
        ("manifest", "old"),
        ("linked", "old"),
        ("published", "new"),
    ] {
        build(&[&old], &store, &[]);
        kill(paused_build(&new, &store, step, &["--quiet"]));
        assert_eq!(sources(&store), [expected], "killed at {step}");
    }
    // The next build clears what the killed ones left.
    build(&[&new], &store, &[]);
    let versions: Vec<String> = fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("v-") || n.starts_with("current."))
        .collect();
    assert_eq!(versions.len(), 1, "one version left: {versions:?}");
}

#[test]
fn queries_racing_repeated_builds_never_fail() {
    let (_d, store, [a, b]) = setup(["a", "b"]);
    build(&[&a], &store, &[]);
    let builder = {
        let (store, a, b) = (store.clone(), a.clone(), b.clone());
        std::thread::spawn(move || {
            for i in 0..6 {
                build(&[if i % 2 == 0 { &b } else { &a }], &store, &[]);
            }
        })
    };
    let mut queries = 0;
    while !builder.is_finished() || queries < 20 {
        let got = sources(&store);
        assert!(got == ["a"] || got == ["b"], "{got:?}");
        queries += 1;
    }
    builder.join().unwrap();
}

#[test]
fn only_folders_the_tool_marked_are_ever_deleted() {
    let (d, store, [a]) = setup(["a"]);
    build(&[&a], &store, &[]);
    // Look-alikes of the tool's names, and the old layout's staging names.
    fs::create_dir(store.join("v-1-2")).unwrap();
    fs::write(store.join("v-1-2/notes.txt"), "mine").unwrap();
    fs::create_dir(d.path().join(".store.previous")).unwrap();
    fs::create_dir(d.path().join(".store.building")).unwrap();
    build(&[&a], &store, &[]);
    assert!(store.join("v-1-2/notes.txt").exists());
    assert!(d.path().join(".store.previous").exists());
    assert!(d.path().join(".store.building").exists());
}

#[test]
fn a_store_given_as_a_symbolic_link_stays_one() {
    let d = tempfile::tempdir().unwrap();
    let real = d.path().join("real-store");
    let link = d.path().join("store");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let a = report_folder(d.path(), "a", REPORT);
    build(&[&a], &link, &[]);
    build(&[&a], &link, &[]);
    assert!(link.is_symlink(), "the link was replaced");
    assert_eq!(sources(&real), ["a"]);
}

#[test]
fn a_build_that_runs_out_of_space_leaves_no_staging_folder_and_the_old_store() {
    let (d, store, [a, b]) = setup(["a", "b"]);
    build(&[&a], &store, &[]);
    // Everything in the store folder and beside it.
    let entries = || {
        let mut names: Vec<_> = [d.path(), store.as_path()]
            .iter()
            .flat_map(|dir| fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()))
            .collect();
        names.sort();
        names
    };
    let before = entries();
    // A file-size limit makes every write past 64 KiB fail, as a full disk.
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 128; trap '' XFSZ; exec \"{}\" build \"{}\" --store \"{}\" --quiet",
            bin(),
            b.display(),
            store.display()
        ))
        .output()
        .unwrap();
    assert!(!o.status.success(), "the build cannot succeed");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(before, entries(), "no new folder left behind");
    assert_eq!(sources(&store), ["a"]);
}

#[test]
fn a_version_in_use_by_a_reader_is_kept_and_the_build_still_succeeds() {
    let (_d, store, [a]) = setup(["a"]);
    build(&[&a], &store, &[]);
    let (reader, _) = oewg_kg::store::open(&store).unwrap();
    let first = fs::read_link(store.join("current")).unwrap();
    build(&[&a], &store, &[]);
    assert!(store.join(&first).exists(), "kept while read");
    drop(reader);
    build(&[&a], &store, &[]);
    assert!(!store.join(&first).exists(), "removed by a later build");
}

#[test]
fn a_store_of_the_first_layout_is_read_and_replaced_in_place() {
    let (_d, store, [a]) = setup(["a"]);
    build(&[&a], &store, &[]);
    // Turn it into the first layout: db/ and manifest.json at the top.
    let version = store.join(fs::read_link(store.join("current")).unwrap());
    fs::rename(version.join("db"), store.join("db")).unwrap();
    fs::rename(version.join("manifest.json"), store.join("manifest.json")).unwrap();
    fs::remove_file(store.join("current")).unwrap();
    fs::remove_dir_all(&version).unwrap();
    assert_eq!(sources(&store), ["a"]);
    build(&[&a], &store, &[]);
    assert_eq!(sources(&store), ["a"]);
    assert!(!store.join("db").exists() && !store.join("manifest.json").exists());
}
