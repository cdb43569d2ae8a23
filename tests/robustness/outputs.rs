//! Output files: written whole or not at all, never through a planted link.

use super::assert_refused;
use super::common::{bin, run, seed_store, stderr, stdout};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

fn export_to(store: &Path, target: &Path) -> std::process::Output {
    run(&[
        "export",
        "--format",
        "nt",
        "--store",
        &store.display().to_string(),
        "-o",
        &target.display().to_string(),
    ])
}

#[test]
fn a_link_planted_at_the_temporary_name_is_never_written_through() {
    let (d, store) = seed_store();
    let victim = d.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    let target = d.path().join("out.nt");
    // The name the temporary file used to have.
    std::os::unix::fs::symlink(&victim, d.path().join(".out.nt.partial")).unwrap();
    let o = export_to(&store, &target);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(fs::read_to_string(&target)
        .unwrap()
        .contains("<https://w3id.org/oewg-kg/"));
}

#[test]
fn a_target_link_stays_a_link_and_a_private_file_stays_private() {
    let (d, store) = seed_store();
    let real = d.path().join("real.nt");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    let link = d.path().join("link.nt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = export_to(&store, &link);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(link.is_symlink(), "the link was replaced by a file");
    assert!(fs::read_to_string(&real).unwrap().len() > 1000);
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "mode kept");
}

#[test]
fn pipes_and_standard_output_are_written_directly() {
    let (d, store) = seed_store();
    let o = export_to(&store, Path::new("/dev/stdout"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("<https://w3id.org/oewg-kg/"),
        "output not swallowed"
    );
    let fifo = d.path().join("pipe.nt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = export_to(&store, &fifo);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(reader
        .join()
        .unwrap()
        .contains("<https://w3id.org/oewg-kg/"));
    assert!(!fifo.is_file(), "still a pipe");
}

#[test]
fn a_folder_or_a_dangling_link_as_target_is_refused() {
    let (d, store) = seed_store();
    assert_refused(&export_to(&store, d.path()), "is a folder");
    let dangling = d.path().join("dangling.nt");
    std::os::unix::fs::symlink(d.path().join("nowhere/x.nt"), &dangling).unwrap();
    assert_refused(&export_to(&store, &dangling), "symbolic link");
    assert!(!d.path().join("nowhere").exists());
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary() {
    let (d, store) = seed_store();
    let out = d.path().join("out");
    fs::create_dir(&out).unwrap();
    let target = out.join("graph.nt");
    fs::write(&target, "old").unwrap();
    // A file-size limit makes the write fail half-way, as a full disk.
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 64; trap '' XFSZ; exec \"{}\" export --format nt --store \"{}\" -o \"{}\"",
            bin(),
            store.display(),
            target.display()
        ))
        .output()
        .unwrap();
    assert_refused(&o, "graph.nt");
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1, "no temporary left");
}
