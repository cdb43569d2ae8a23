//! Versioned store folders and the pointer that publishes one of them.
//!
//! A store folder `DIR` holds complete, immutable versions `DIR/v-…/` (each
//! with `db/`, `manifest.json`, a marker file and a readers' lock) and the
//! symbolic link `DIR/current` naming the version in force. A build writes a
//! new version beside the old one and publishes it with one `rename(2)` of a
//! fresh link over `current`: a reader resolves `current` once and sees the
//! old version or the new one, never a mixture, and a kill at any instant
//! leaves `current` pointing at a complete version. `DIR` itself is never
//! renamed, so a `--store` that is a symbolic link stays one.
//!
//! Readers hold a shared lock on their version's `readers.lock`; a build
//! deletes an old version only when it can take that lock exclusively, and
//! only a folder that carries the marker this module writes first.

use anyhow::{Context, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The link naming the version in force.
pub const CURRENT: &str = "current";
/// Marks a folder as a store version this tool created (and may delete).
pub const VERSION_MARKER: &str = "oewg-kg-version";
/// Marks a store folder as this tool's.
pub const STORE_MARKER: &str = "oewg-kg-store";
/// Shared-locked by readers of a version, exclusively by its deleter.
pub const READERS_LOCK: &str = "readers.lock";
const VERSION_PREFIX: &str = "v-";
const LINK_PREFIX: &str = "current.new-";

/// Test hook: `OEWG_KG_PAUSE_AT=STEP` makes a build announce `paused at
/// STEP` on stderr and sleep there, so a test can kill it at that instant.
/// Steps, in order: `locked`, `loaded`, `manifest`, `linked`, `published`.
pub fn pause(step: &str) {
    if std::env::var("OEWG_KG_PAUSE_AT").is_ok_and(|s| s == step) {
        eprintln!("paused at {step}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

/// Writes the store marker into a store folder (idempotent).
pub fn mark_store(dir: &Path) -> Result<()> {
    let path = dir.join(STORE_MARKER);
    if !path.is_file() {
        fs::write(
            &path,
            "This folder is an oewg-kg store: versions v-*/ and the link `current`.\n",
        )
        .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// True when `dir` carries the store marker.
pub fn is_marked_store(dir: &Path) -> bool {
    dir.join(STORE_MARKER).is_file()
}

/// Creates a new, empty version folder with its marker and readers' lock.
pub fn create(dir: &Path) -> Result<PathBuf> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0);
    let path = dir.join(format!("{VERSION_PREFIX}{stamp}-{}", std::process::id()));
    fs::create_dir(&path).with_context(|| format!("cannot create {}", path.display()))?;
    fs::write(
        path.join(VERSION_MARKER),
        "A version of an oewg-kg store; deleted by a later build once unused.\n",
    )
    .and_then(|()| File::create(path.join(READERS_LOCK)).map(drop))
    .with_context(|| format!("cannot write into {}", path.display()))?;
    Ok(path)
}

/// Makes the version folder `version` (inside `dir`) the one in force, in a
/// single atomic rename of a new link over `current`.
pub fn publish(dir: &Path, version: &Path) -> Result<()> {
    sync_dir(version)?;
    let name = version.file_name().context("a version folder has a name")?;
    let link = dir.join(format!("{LINK_PREFIX}{}", std::process::id()));
    let _ = fs::remove_file(&link);
    std::os::unix::fs::symlink(name, &link)
        .with_context(|| format!("cannot create the link {}", link.display()))?;
    pause("linked");
    if let Err(e) = fs::rename(&link, dir.join(CURRENT)) {
        let _ = fs::remove_file(&link);
        return Err(e)
            .with_context(|| format!("cannot publish the new store in {}", dir.display()));
    }
    sync_dir(dir)
}

/// Flushes a folder's entries to disk, so a published link survives a crash.
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot flush {}", dir.display()))
}

/// The version folder `current` names, if there is a link.
pub fn current(dir: &Path) -> Result<Option<PathBuf>> {
    match fs::read_link(dir.join(CURRENT)) {
        Ok(target) => {
            let is_plain_name = target.components().count() == 1
                && target
                    .to_str()
                    .is_some_and(|t| t.starts_with(VERSION_PREFIX));
            if !is_plain_name {
                anyhow::bail!(
                    "{} is damaged: {} points at {}, not at a version folder",
                    dir.display(),
                    CURRENT,
                    target.display()
                );
            }
            Ok(Some(dir.join(target)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", dir.join(CURRENT).display())),
    }
}

/// A shared lock on a version, held while it is read.
#[derive(Debug)]
pub struct ReadGuard {
    _file: File,
}

/// Takes a shared lock on `version`; `None` when the version is gone or
/// being deleted (the caller resolves `current` again).
pub fn lock_for_reading(version: &Path) -> Option<ReadGuard> {
    let file = File::open(version.join(READERS_LOCK)).ok()?;
    file.try_lock_shared().ok()?;
    // Deleted while we waited for the lock: the marker is gone.
    version
        .join(VERSION_MARKER)
        .is_file()
        .then_some(ReadGuard { _file: file })
}

/// Deletes `version` if it is one of ours and nobody reads it. Returns
/// whether it was deleted.
fn delete_if_unused(version: &Path) -> Result<bool> {
    if !version.join(VERSION_MARKER).is_file() {
        return Ok(false);
    }
    let Ok(file) = File::open(version.join(READERS_LOCK)) else {
        // A build killed before it made the lock file: nobody can read it.
        fs::remove_dir_all(version)
            .with_context(|| format!("cannot remove {}", version.display()))?;
        return Ok(true);
    };
    if file.try_lock().is_err() {
        return Ok(false);
    }
    fs::remove_dir_all(version).with_context(|| format!("cannot remove {}", version.display()))?;
    Ok(true)
}

/// Removes what earlier builds left behind: versions other than `keep` that
/// nobody reads, and links of killed builds. Never touches an entry without
/// this module's naming and marker. Problems are returned as warnings: the
/// store in force is fine either way.
pub fn clean(dir: &Path, keep: Option<&Path>) -> Vec<String> {
    let mut warnings = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return warnings;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        if name.starts_with(LINK_PREFIX) && path.is_symlink() {
            if let Err(e) = fs::remove_file(&path) {
                warnings.push(format!("cannot remove {}: {e}", path.display()));
            }
        } else if name.starts_with(VERSION_PREFIX)
            && Some(path.as_path()) != keep
            && !path.is_symlink()
            && path.is_dir()
        {
            if let Err(e) = delete_if_unused(&path) {
                warnings.push(format!("{e:#}"));
            }
        }
    }
    warnings
}

/// Writes `bytes` to `path` and flushes it to disk.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    write_synced_with(path, &|w| w.write_all(bytes))
}

/// Creates `path`, lets `write` fill it (buffered) and flushes it to disk.
pub fn write_synced_with(
    path: &Path,
    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = std::io::BufWriter::new(f);
    write(&mut w)
        .and_then(|()| w.flush())
        .and_then(|()| w.get_ref().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishing_moves_the_link_and_cleaning_spares_the_current_and_foreign_folders() {
        let d = tempfile::tempdir().unwrap();
        let v1 = create(d.path()).unwrap();
        publish(d.path(), &v1).unwrap();
        assert_eq!(current(d.path()).unwrap().as_deref(), Some(v1.as_path()));
        std::thread::sleep(std::time::Duration::from_millis(2));
        let v2 = create(d.path()).unwrap();
        publish(d.path(), &v2).unwrap();
        assert_eq!(current(d.path()).unwrap().as_deref(), Some(v2.as_path()));
        // A folder named like a version but without the marker is not ours.
        let foreign = d.path().join("v-foreign");
        fs::create_dir(&foreign).unwrap();
        assert!(clean(d.path(), Some(&v2)).is_empty());
        assert!(!v1.exists() && v2.exists() && foreign.exists());
    }

    #[test]
    fn a_version_being_read_is_not_deleted() {
        let d = tempfile::tempdir().unwrap();
        let v1 = create(d.path()).unwrap();
        let guard = lock_for_reading(&v1).expect("readable");
        clean(d.path(), None);
        assert!(v1.exists(), "kept while read");
        drop(guard);
        clean(d.path(), None);
        assert!(!v1.exists(), "deleted once unused");
        assert!(lock_for_reading(&v1).is_none());
    }
}
