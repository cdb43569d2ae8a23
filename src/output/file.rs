//! Output files (`-o`), written whole or not at all, and never through
//! something planted in the way.
//!
//! A regular file is replaced atomically: the text goes to a temporary file
//! created with `O_CREAT|O_EXCL` (so a symbolic link or file someone placed
//! at that name is never followed or reused) in the target's own folder,
//! takes the target's mode (and owner, where allowed), is flushed to disk and
//! renamed over the target; on any failure the temporary is removed. A
//! target that is a symbolic link to a regular file is resolved first, so
//! the link stays a link. Pipes, sockets and character devices (a terminal,
//! `/dev/null`, `/dev/stdout`) cannot be replaced and are written directly;
//! folders and block devices are refused.

use anyhow::{bail, Context, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Where the output goes.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A pipe or device, written as it is.
    Direct(BufWriter<File>),
    /// A temporary file renamed over `target` on commit.
    Replace {
        file: BufWriter<File>,
        temp: PathBuf,
        target: PathBuf,
    },
}

/// An output being written; [`Output::commit`] makes it visible. Dropped
/// without a commit, a temporary file is removed and the target untouched.
pub struct Output {
    sink: Option<Sink>,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Self {
        Self {
            sink: Some(Sink::Stdout(BufWriter::new(io::stdout().lock()))),
        }
    }

    /// Opens the output for `path` (`-` and `/dev/stdout` mean standard
    /// output).
    pub fn create(path: &Path) -> Result<Self> {
        if path == Path::new("-") || path == Path::new("/dev/stdout") {
            return Ok(Self::stdout());
        }
        let sink = match fs::metadata(path) {
            Ok(m) if m.is_file() => {
                let target = fs::canonicalize(path)
                    .with_context(|| format!("cannot resolve {}", path.display()))?;
                replace(&target, Some(&m))?
            }
            Ok(m) if m.is_dir() => bail!(
                "{} is a folder; give a file name for the output",
                path.display()
            ),
            Ok(m) if m.file_type().is_block_device() => bail!(
                "{} is a block device; refusing to write over it",
                path.display()
            ),
            Ok(_) => {
                // A pipe, socket or character device: nothing to replace.
                let f = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write to {}", path.display()))?;
                Sink::Direct(BufWriter::new(f))
            }
            Err(_) if path.is_symlink() => bail!(
                "{} is a symbolic link to nothing (or a loop of links); refusing to follow it",
                path.display()
            ),
            Err(e) if e.kind() == io::ErrorKind::NotFound => replace(path, None)?,
            Err(e) => return Err(e).with_context(|| format!("cannot write {}", path.display())),
        };
        Ok(Self { sink: Some(sink) })
    }

    /// Finishes the output: flushes it and, for a replaced file, syncs it
    /// and renames it over the target.
    pub fn commit(mut self) -> Result<()> {
        match self.sink.take() {
            Some(Sink::Stdout(mut s)) => s.flush()?,
            Some(Sink::Direct(mut f)) => f.flush()?,
            Some(Sink::Replace { file, temp, target }) => {
                let done = file
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .and_then(|()| fs::rename(&temp, &target));
                if let Err(e) = done {
                    let _ = fs::remove_file(&temp);
                    return Err(e).with_context(|| format!("cannot write {}", target.display()));
                }
            }
            None => {}
        }
        Ok(())
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self.sink.as_mut().expect("output used after commit") {
            Sink::Stdout(s) => s,
            Sink::Direct(f) => f,
            Sink::Replace { file, .. } => file,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Some(Sink::Replace { temp, .. }) = &self.sink {
            let _ = fs::remove_file(temp);
        }
    }
}

/// Creates the temporary file for replacing `target`, with the old file's
/// mode and owner when there is one.
fn replace(target: &Path, old: Option<&fs::Metadata>) -> Result<Sink> {
    let name = target
        .file_name()
        .with_context(|| format!("{} names no file", target.display()))?
        .to_string_lossy()
        .into_owned();
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mode = old.map(|m| m.permissions().mode() & 0o7777);
    for n in 0..1000 {
        let temp = folder.join(format!(".{name}.{}.{n}.partial", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        if let Some(mode) = mode {
            options.mode(mode);
        }
        let file = match options.open(&temp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("cannot write in {}", folder.display()))
            }
        };
        if let (Some(mode), Some(m)) = (mode, old) {
            // The umask may have narrowed the mode at creation; the owner
            // can only be kept by a privileged user.
            let _ = std::os::unix::fs::fchown(&file, Some(m.uid()), Some(m.gid()));
            if let Err(e) = file.set_permissions(fs::Permissions::from_mode(mode)) {
                let _ = fs::remove_file(&temp);
                return Err(e).with_context(|| format!("cannot write {}", temp.display()));
            }
        }
        return Ok(Sink::Replace {
            file: BufWriter::new(file),
            temp,
            target: target.to_owned(),
        });
    }
    bail!(
        "cannot create a temporary file in {} (too many leftovers named .{name}.*.partial)",
        folder.display()
    )
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut out = Output::create(path)?;
    out.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    out.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_link_stays_a_link() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.txt");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = d.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(link.is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let leftovers: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 2, "no temporary left behind");
    }

    #[test]
    fn an_uncommitted_output_leaves_the_target_and_no_temporary() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out.nq");
        fs::write(&target, "old").unwrap();
        {
            let mut out = Output::create(&target).unwrap();
            out.write_all(b"half").unwrap();
        }
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_planted_temporary_name_is_never_written_through() {
        let d = tempfile::tempdir().unwrap();
        let victim = d.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let target = d.path().join("out.nq");
        let planted = d
            .path()
            .join(format!(".out.nq.{}.0.partial", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_file(&target, b"export").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&target).unwrap(), "export");
    }
}
