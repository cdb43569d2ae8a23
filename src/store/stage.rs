//! A version being built: a new folder beside the one in force, filled
//! while the build runs and published in one step, or deleted if the build
//! fails. A rebuild may start from the version in force: its database is
//! copied as a RocksDB checkpoint (hard links to the immutable table files,
//! so the copy is cheap and the old version stays untouched), and only what
//! changed is removed from and loaded into the copy.

use super::{versions, BuildLock, Manifest, Published, DB_DIR, MANIFEST};
use anyhow::{Context, Result};
use oxigraph::store::{BulkLoader, Store};
use std::fs;
use std::path::{Path, PathBuf};

/// Where a build keeps what it needs to rebuild incrementally.
pub const STATE: &str = "state.bin";

/// Quads a bulk loader holds in memory, in MB (oxigraph's rough measure):
/// with the default (2 GB per thread) a big build would hold gigabytes.
const LOADER_MEMORY_MB: usize = 512;

/// Writes a build's state into the file it is given.
pub type StateWriter<'a> = &'a dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>;

/// A version folder being filled.
pub struct Stage {
    dir: PathBuf,
    version: PathBuf,
    store: Option<Store>,
    warnings: Vec<String>,
}

impl Stage {
    /// A new version of the locked store, empty or (with `from`) starting
    /// as a copy of the version `from`.
    pub fn new(lock: &BuildLock, from: Option<&Path>) -> Result<Self> {
        let dir = lock.dir().to_owned();
        let before = versions::current(&dir).ok().flatten();
        // Leftovers of killed builds first: they may hold the disk space
        // needed.
        let warnings = versions::clean(&dir, before.as_deref());
        let version = versions::create(&dir)?;
        let mut stage = Self {
            dir,
            version,
            store: None,
            warnings,
        };
        let db = stage.version.join(DB_DIR);
        if let Some(from) = from {
            let old = Store::open_read_only(from.join(DB_DIR))
                .with_context(|| format!("cannot open the store at {}", from.display()))?;
            old.backup(&db)
                .with_context(|| format!("cannot copy the store into {}", db.display()))?;
        }
        stage.store = Some(
            Store::open(&db)
                .with_context(|| format!("cannot open a store in {}", stage.version.display()))?,
        );
        Ok(stage)
    }

    /// The database being filled.
    pub fn store(&self) -> &Store {
        self.store.as_ref().expect("open until published")
    }

    /// A bulk loader for this version. Like oxigraph's own load, it
    /// writes each batch as sorted table files and hands them all to
    /// RocksDB at `commit`. Handed over batch by batch instead (without
    /// atomicity), they made RocksDB compact the growing store during the
    /// whole load: a tenth of the build's CPU at 100 MB, more the bigger
    /// the store. Either way the version is published whole or not at all.
    pub fn loader(&self) -> BulkLoader<'_> {
        self.store()
            .bulk_loader()
            .with_max_memory_size_in_megabytes(LOADER_MEMORY_MB)
    }

    /// Flushes the database, writes the state (`state` writes it into
    /// the file it is given) and the manifest, and makes this version the
    /// one in force.
    pub fn publish(mut self, manifest: Manifest, state: Option<StateWriter>) -> Result<Published> {
        let store = self.store.take().expect("open until published");
        store.flush().context("flushing the store failed")?;
        drop(store);
        super::pause("loaded");
        if let Some(write) = state {
            versions::write_synced_with(&self.version.join(STATE), write)?;
        }
        versions::write_synced(
            &self.version.join(MANIFEST),
            (serde_json::to_string_pretty(&manifest)? + "\n").as_bytes(),
        )?;
        super::pause("manifest");
        versions::publish(&self.dir, &self.version)?;
        super::pause("published");
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.extend(versions::clean(&self.dir, Some(&self.version)));
        warnings.extend(super::remove_legacy(&self.dir));
        // Published: nothing for `drop` to delete.
        self.version = PathBuf::new();
        Ok(Published { manifest, warnings })
    }
}

impl Drop for Stage {
    /// A stage dropped unpublished (an error, a panic) leaves nothing.
    fn drop(&mut self) {
        self.store.take();
        if !self.version.as_os_str().is_empty() {
            let _ = fs::remove_dir_all(&self.version);
        }
    }
}

/// The version in force at `dir` and the state its build kept, if any.
pub fn current_state(dir: &Path) -> Option<(PathBuf, Vec<u8>)> {
    let version = versions::current(dir).ok().flatten()?;
    let bytes = fs::read(version.join(STATE)).ok()?;
    version.join(MANIFEST).is_file().then_some((version, bytes))
}
