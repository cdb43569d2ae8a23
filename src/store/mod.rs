//! The on-disk store: a folder of immutable versions (each an oxigraph
//! RocksDB database with a small manifest) and a link naming the one in
//! force.
//!
//! Nothing is lost, nothing is mixed:
//! * a build holds the store's lock ([`lock`]) from before it reads its
//!   inputs until it has published, so two builds never write at once;
//! * it loads into a new version folder and publishes it with one atomic
//!   rename ([`versions`]), so a failed, full-disk or killed build leaves the
//!   previous store as it was, and a reader sees the old store or the new,
//!   never the manifest of one with the database of the other;
//! * only folders carrying this tool's marker are ever deleted, and only
//!   when no reader holds them; a failure to delete one after publishing is
//!   a warning, because the new store is in force.
//!
//! Stores written by earlier versions of the tool (`DIR/db` and
//! `DIR/manifest.json` directly) are still read, and replaced by the first
//! build.

mod lock;
mod stage;
mod versions;

pub use lock::{BuildLock, LOCK_FILE};
pub use stage::{current_state, Stage, StateWriter, STATE};
pub use versions::pause;

use anyhow::{bail, Context, Result};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// Store folder used when `--store` is not given.
pub const DEFAULT_STORE: &str = "oewg-store";
/// Environment variable that overrides [`DEFAULT_STORE`].
pub const STORE_ENV: &str = "OEWG_KG_STORE";
const DB_DIR: &str = "db";
const MANIFEST: &str = "manifest.json";

/// What a store was built from; written last, so its presence marks a
/// complete version.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub sources: Vec<String>,
    pub quads: usize,
}

/// A published store, and what could not be tidied up afterwards.
#[derive(Debug)]
pub struct Published {
    pub manifest: Manifest,
    /// Leftovers that could not be removed (the new store is in force).
    pub warnings: Vec<String>,
}

/// The store folder: `--store`, else `$OEWG_KG_STORE`, else `./oewg-store`.
pub fn resolve(store: Option<&Path>) -> PathBuf {
    store
        .map(Path::to_owned)
        .or_else(|| std::env::var_os(STORE_ENV).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_STORE))
}

/// A store of the first layout: database and manifest directly in `dir`.
fn is_legacy(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file() && dir.join(DB_DIR).is_dir()
}

/// Refuses a `dir` that exists and is not a store of this tool (or empty),
/// so a mistyped `--store` never touches someone's folder.
fn check_ours(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(m) if !m.is_dir() => bail!(
            "{} exists and is not a folder; choose another --store",
            dir.display()
        ),
        Ok(_) => {
            let empty = fs::read_dir(dir)
                .with_context(|| format!("cannot read the folder {}", dir.display()))?
                .next()
                .is_none();
            if empty || versions::is_marked_store(dir) || is_legacy(dir) {
                Ok(())
            } else {
                bail!(
                    "{} exists and is not an oewg-kg store; choose another --store folder",
                    dir.display()
                )
            }
        }
        Err(_) if dir.is_symlink() => bail!(
            "{} is a symbolic link to a folder that does not exist; create the folder or choose another --store",
            dir.display()
        ),
        Err(_) => Ok(()),
    }
}

/// Takes the build lock of the store at `dir`, creating the folder when it
/// does not exist. Fails at once when another build holds the lock, or
/// waits for it with `wait` (`on_wait` is told whom it waits for).
pub fn lock(dir: &Path, wait: bool, on_wait: impl FnOnce(&str)) -> Result<BuildLock> {
    check_ours(dir)?;
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let lock = BuildLock::acquire(dir, wait, on_wait)?;
    versions::mark_store(dir)?;
    pause("locked");
    Ok(lock)
}

/// Loads `quads` into a new version of the locked store and publishes it.
/// `progress` is called with the number of quads loaded so far.
pub fn publish(
    lock: &BuildLock,
    quads: Vec<Quad>,
    sources: Vec<String>,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Published> {
    let manifest = Manifest {
        tool: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
        sources,
        quads: quads.len(),
    };
    let stage = Stage::new(lock, None)?;
    let mut loader = stage.loader().on_progress(progress);
    loader
        .load_quads(quads)
        .context("loading the graph into the store failed")?;
    loader.commit().context("committing the store failed")?;
    stage.publish(manifest, None)
}

/// Builds the store at `dir` from `quads` in one call: takes the lock
/// (failing if another build holds it), publishes, releases.
pub fn replace(
    dir: &Path,
    quads: Vec<Quad>,
    sources: Vec<String>,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Manifest> {
    let lock = lock(dir, false, |_| {})?;
    Ok(publish(&lock, quads, sources, progress)?.manifest)
}

/// After the first build into a store of the first layout, its database and
/// manifest are no longer in force; removes them (only when the manifest is
/// this tool's).
fn remove_legacy(dir: &Path) -> Vec<String> {
    if !is_legacy(dir) || read_manifest(dir).is_err() {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    if let Err(e) = fs::remove_dir_all(dir.join(DB_DIR)) {
        warnings.push(format!(
            "cannot remove the old database {}: {e}",
            dir.join(DB_DIR).display()
        ));
    } else if let Err(e) = fs::remove_file(dir.join(MANIFEST)) {
        warnings.push(format!(
            "cannot remove {}: {e}",
            dir.join(MANIFEST).display()
        ));
    }
    warnings
}

fn read_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let m: Manifest =
        serde_json::from_str(&text).with_context(|| format!("{} is damaged", path.display()))?;
    if m.tool != env!("CARGO_PKG_NAME") {
        bail!("{} was not written by oewg-kg", path.display());
    }
    Ok(m)
}

/// A store opened for reading. Dereferences to the oxigraph [`Store`]; while
/// it (or a clone) lives, the version it reads is not deleted by a build.
#[derive(Clone)]
pub struct OpenStore {
    store: Store,
    _guard: Option<std::sync::Arc<versions::ReadGuard>>,
}

impl std::ops::Deref for OpenStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// Opens the store in force at `dir` for reading.
pub fn open(dir: &Path) -> Result<(OpenStore, Manifest)> {
    let missing = || {
        anyhow::anyhow!(
            "no oewg-kg store at {}; run `oewg-kg build --store {}` first",
            dir.display(),
            dir.display()
        )
    };
    // A build may publish and delete between reading `current` and locking
    // the version it names: then `current` has moved on; read it again.
    for _ in 0..200 {
        let Some(version) = versions::current(dir)? else {
            if is_legacy(dir) {
                return open_at(dir, None);
            }
            return Err(missing());
        };
        if let Some(guard) = versions::lock_for_reading(&version) {
            return open_at(&version, Some(guard));
        }
        if !version.exists() && versions::current(dir)?.as_deref() == Some(version.as_path()) {
            bail!(
                "the store at {} is damaged: its version {} is missing; build it again",
                dir.display(),
                version.display()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    bail!(
        "the store at {} kept changing while it was being opened; try again",
        dir.display()
    )
}

fn open_at(dir: &Path, guard: Option<versions::ReadGuard>) -> Result<(OpenStore, Manifest)> {
    let manifest = read_manifest(dir)?;
    let store = Store::open_read_only(dir.join(DB_DIR))
        .with_context(|| format!("cannot open the store at {}", dir.display()))?;
    Ok((
        OpenStore {
            store,
            _guard: guard.map(std::sync::Arc::new),
        },
        manifest,
    ))
}
