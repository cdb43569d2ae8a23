//! The build lock: one writer per store at a time.
//!
//! Two builds that load into one store at once used to share a staging
//! folder and could leave a database that no longer opens. Now every build
//! takes an exclusive lock on `DIR/lock` (an OS file lock through
//! `std::fs::File::try_lock`, released by the kernel when the process ends,
//! however it ends) before it reads a single input, and keeps it until the
//! new store is published. The winner writes who it is into the file, so the
//! loser's message can name the holder.

use anyhow::{bail, Context, Result};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The lock file inside the store folder.
pub const LOCK_FILE: &str = "lock";

/// Held for the whole build; dropping it releases the lock.
#[derive(Debug)]
pub struct BuildLock {
    file: File,
    dir: PathBuf,
}

impl BuildLock {
    /// Takes the lock of store folder `dir` (which must exist). Without
    /// `wait`, fails at once when another build holds it, naming that build;
    /// with `wait`, blocks until it is free (`on_wait` is told whom it waits
    /// for).
    pub fn acquire(dir: &Path, wait: bool, on_wait: impl FnOnce(&str)) -> Result<Self> {
        let path = dir.join(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = holder(&mut file);
                if !wait {
                    bail!(
                        "another build ({holder}) is writing the store {}; wait for it to finish, or pass --wait",
                        dir.display()
                    );
                }
                on_wait(&holder);
                file.lock()
                    .with_context(|| format!("cannot lock {}", path.display()))?;
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", path.display()))
            }
        }
        let mut lock = Self {
            file,
            dir: dir.to_owned(),
        };
        lock.write_holder()
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(lock)
    }

    /// The store folder this lock guards.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_holder(&mut self) -> std::io::Result<()> {
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let command: Vec<String> = std::env::args().collect();
        self.file.set_len(0)?;
        self.file.seek(SeekFrom::Start(0))?;
        writeln!(
            self.file,
            "pid {}\nsince {since}\ncommand {}",
            std::process::id(),
            command.join(" ")
        )?;
        self.file.flush()
    }
}

/// "pid 1234, `oewg-kg build seeds`, running for 12 s", from what the holder
/// wrote (or a plain "pid unknown" when it has not written yet).
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.take(4096).read_to_string(&mut text);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
    };
    let Some(pid) = field("pid ") else {
        return "process unknown".into();
    };
    let mut out = format!("pid {pid}");
    if let Some(cmd) = field("command ").filter(|c| !c.is_empty()) {
        out.push_str(&format!(", `{cmd}`"));
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    if let Some(since) = field("since ").and_then(|s| s.parse::<u64>().ok()) {
        out.push_str(&format!(", running for {} s", now.saturating_sub(since)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_fails_at_once_naming_the_first_holder() {
        let d = tempfile::tempdir().unwrap();
        let first = BuildLock::acquire(d.path(), false, |_| {}).unwrap();
        let err = BuildLock::acquire(d.path(), false, |_| {})
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("pid {}", std::process::id())) && err.contains("--wait"),
            "{err}"
        );
        drop(first);
        BuildLock::acquire(d.path(), false, |_| {}).expect("free again once dropped");
    }
}
