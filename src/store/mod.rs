//! The on-disk store: an oxigraph RocksDB database inside a folder that also
//! holds a small manifest.
//!
//! A build never writes into the store users query. It loads everything into
//! a staging folder beside it and swaps the folders only once the load has
//! committed, so a failed or interrupted build leaves the previous store as
//! it was (a stale staging folder is removed by the next build).

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
/// complete store.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub sources: Vec<String>,
    pub quads: usize,
}

/// The store folder: `--store`, else `$OEWG_KG_STORE`, else `./oewg-store`.
pub fn resolve(store: Option<&Path>) -> PathBuf {
    store
        .map(Path::to_owned)
        .or_else(|| std::env::var_os(STORE_ENV).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_STORE))
}

fn staging_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    dir.with_file_name(format!(".{name}.building"))
}

fn retired_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    dir.with_file_name(format!(".{name}.previous"))
}

/// True when `dir` is a store this tool wrote (so it may be replaced).
fn is_store(dir: &Path) -> bool {
    dir.join(MANIFEST).is_file() && dir.join(DB_DIR).is_dir()
}

/// Builds a new store at `dir` from `quads`, replacing the old one only
/// after the new one is complete. `progress` is called with the number of
/// quads loaded so far.
pub fn replace(
    dir: &Path,
    quads: Vec<Quad>,
    sources: Vec<String>,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Manifest> {
    if dir.exists() && !is_store(dir) {
        let empty = dir.is_dir()
            && fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
        if !empty {
            bail!(
                "{} exists and is not an oewg-kg store; choose another --store folder",
                dir.display()
            );
        }
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    let staging = staging_path(dir);
    if staging.exists() {
        fs::remove_dir_all(&staging).with_context(|| {
            format!(
                "cannot remove the stale staging folder {}",
                staging.display()
            )
        })?;
    }
    fs::create_dir_all(&staging).with_context(|| format!("cannot create {}", staging.display()))?;
    let manifest = Manifest {
        tool: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
        sources,
        quads: quads.len(),
    };
    {
        let store = Store::open(staging.join(DB_DIR))
            .with_context(|| format!("cannot open a store in {}", staging.display()))?;
        let mut loader = store.bulk_loader().on_progress(progress);
        loader
            .load_quads(quads)
            .context("loading the graph into the store failed")?;
        loader.commit().context("committing the store failed")?;
        store.flush().context("flushing the store failed")?;
    }
    fs::write(
        staging.join(MANIFEST),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )
    .with_context(|| format!("cannot write {}", staging.join(MANIFEST).display()))?;
    // Swap: old → retired, staging → dir, drop retired.
    let retired = retired_path(dir);
    if retired.exists() {
        fs::remove_dir_all(&retired)
            .with_context(|| format!("cannot remove {}", retired.display()))?;
    }
    if dir.exists() {
        fs::rename(dir, &retired)
            .with_context(|| format!("cannot move the previous store {} aside", dir.display()))?;
    }
    if let Err(e) = fs::rename(&staging, dir) {
        // Put the previous store back before reporting.
        if retired.exists() {
            let _ = fs::rename(&retired, dir);
        }
        return Err(e).with_context(|| format!("cannot move the new store into {}", dir.display()));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired)
            .with_context(|| format!("cannot remove the previous store {}", retired.display()))?;
    }
    Ok(manifest)
}

/// Opens an existing store for reading.
pub fn open(dir: &Path) -> Result<(Store, Manifest)> {
    if !is_store(dir) {
        bail!(
            "no oewg-kg store at {}; run `oewg-kg build --store {}` first",
            dir.display(),
            dir.display()
        );
    }
    let manifest: Manifest = serde_json::from_str(
        &fs::read_to_string(dir.join(MANIFEST))
            .with_context(|| format!("cannot read {}", dir.join(MANIFEST).display()))?,
    )
    .with_context(|| format!("{} is damaged", dir.join(MANIFEST).display()))?;
    let store = Store::open_read_only(dir.join(DB_DIR))
        .with_context(|| format!("cannot open the store at {}", dir.display()))?;
    Ok((store, manifest))
}
