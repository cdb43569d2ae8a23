//! What a path names, told apart before anything is opened: a FIFO blocks
//! the reader that opens it, and "does not exist" is the wrong thing to say
//! about a dangling link or a loop of links.

use std::fs;
use std::path::Path;

/// The kinds of thing a path can name, as far as reading reports goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Missing,
    /// A symbolic link whose target does not exist.
    Dangling,
    /// Symbolic links that lead back to themselves.
    Loop,
    Fifo,
    Socket,
    Device,
    /// `stat` failed for another reason (the message says why).
    Unreachable,
}

impl Kind {
    /// Classifies `path`, following symbolic links.
    pub fn of(path: &Path) -> Self {
        use std::os::unix::fs::FileTypeExt;
        match fs::metadata(path) {
            Ok(m) => {
                let t = m.file_type();
                if t.is_file() {
                    Kind::File
                } else if t.is_dir() {
                    Kind::Folder
                } else if t.is_fifo() {
                    Kind::Fifo
                } else if t.is_socket() {
                    Kind::Socket
                } else {
                    Kind::Device
                }
            }
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Kind::Loop,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if path.is_symlink() {
                    Kind::Dangling
                } else {
                    Kind::Missing
                }
            }
            Err(_) => Kind::Unreachable,
        }
    }

    /// Why a path of this kind is not a report, completing "X is …".
    pub fn why_not_text(self, path: &Path) -> String {
        match self {
            Kind::File => "a file".into(),
            Kind::Folder => "a folder, not a text file".into(),
            Kind::Missing => "missing".into(),
            Kind::Dangling => match fs::read_link(path) {
                Ok(t) => format!("a symbolic link to {}, which does not exist", t.display()),
                Err(_) => "a symbolic link to nothing".into(),
            },
            Kind::Loop => "a loop of symbolic links".into(),
            Kind::Fifo => {
                "a named pipe (FIFO), not a text file; copy its text into a .txt file".into()
            }
            Kind::Socket => "a socket, not a text file".into(),
            Kind::Device => "a device, not a text file".into(),
            Kind::Unreachable => match fs::metadata(path) {
                Err(e) => format!("unreachable ({e})"),
                Ok(_) => "unreachable".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_pipes_and_folders_are_told_apart() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        fs::write(p.join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(p.join("gone.txt"), p.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink(p.join("loop.txt"), p.join("loop.txt")).unwrap();
        let fifo = p.join("pipe.txt");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        assert_eq!(Kind::of(&p.join("a.txt")), Kind::File);
        assert_eq!(Kind::of(p), Kind::Folder);
        assert_eq!(Kind::of(&p.join("none.txt")), Kind::Missing);
        assert_eq!(Kind::of(&p.join("dangling.txt")), Kind::Dangling);
        assert_eq!(Kind::of(&p.join("loop.txt")), Kind::Loop);
        assert_eq!(Kind::of(&fifo), Kind::Fifo);
        assert_eq!(Kind::of(Path::new("/dev/null")), Kind::Device);
        assert!(Kind::Dangling
            .why_not_text(&p.join("dangling.txt"))
            .contains("gone.txt"));
    }
}
