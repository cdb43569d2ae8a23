//! `build` end to end: sources streamed into oxigraph's bulk loader on a
//! loader thread while the next batch is extracted, the corpus-wide graphs
//! added last, the version published whole.
//!
//! A rebuild starts from a copy of the version in force when that version
//! kept its [`State`] and was written by the same program and reference
//! data: unchanged sources (same content hash) keep their graphs and
//! records, changed ones have their graph replaced, removed ones dropped,
//! and the alignment and VoID graphs are made again from all records. The
//! copy is a new version like any other, so a failed or killed rebuild
//! leaves the store in force as it was.

use super::{corpus_chunks, fixed_quads, stream, tallies, Batching, Item, SourceRecord, State};
use crate::input::{self, FolderCheck};
use crate::quad::{iri, void};
use crate::reference::Reference;
use crate::store::{self, BuildLock, Manifest, Published, Stage};
use anyhow::{anyhow, bail, Context, Result};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex};

/// How to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Refuse a folder's unreadable `.txt` entry instead of skipping it.
    pub strict: bool,
    /// Ignore the store in force and read every source again.
    pub full: bool,
    /// Compact the new version before it is published (`Store::optimize`):
    /// the bulk loader leaves many overlapping files, and every string a
    /// query reads back looks in each; compacted, queries that read many
    /// strings run about twice as fast, for about a fifth more build time.
    pub compact: bool,
    pub batching: Batching,
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub published: Published,
    /// Warnings about inputs (skipped entries).
    pub warnings: Vec<String>,
    pub extracted: usize,
    pub reused: usize,
    pub removed: usize,
    pub proposals: u64,
    pub stances: u64,
}

/// Progress: a source was read (with its size in bytes), or `n` quads were
/// loaded so far.
pub enum Tick {
    Source { bytes: u64, reused: bool },
    Loaded(u64),
}

/// Builds the locked store from `inputs`.
pub fn run(
    lock: &BuildLock,
    inputs: &[PathBuf],
    settings: Settings,
    progress: &(dyn Fn(Tick) + Sync),
) -> Result<Report> {
    let reference = Reference::load()?;
    let pending = input::plan(inputs).map_err(|e| anyhow!("{e}"))?;
    if let Some(p) = pending
        .iter()
        .find(|p| !iri::is_source_graph(iri::source_graph(&p.stem).as_str()))
    {
        bail!(
            "{}: the file name {} is taken by a graph of the tool itself; rename the file",
            p.path.display(),
            p.stem
        );
    }
    let fingerprint = super::fingerprint();
    let previous = (!settings.full)
        .then(|| store::current_state(lock.dir()))
        .flatten()
        .and_then(|(version, bytes)| Some((version, State::from_bytes(&bytes)?)))
        .filter(|(_, state)| state.fingerprint == fingerprint);
    let stage = Stage::new(lock, previous.as_ref().map(|(v, _)| v.as_path()))?;
    let filled = std::thread::scope(|scope| -> Result<Filled> {
        let (tx, rx) = sync_channel::<Vec<Quad>>(2);
        // The loader's progress hook must be 'static: it counts into an
        // atomic that the producer reports with each source.
        let loaded = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&loaded);
        let loader = scope.spawn(|| -> Result<()> {
            let mut loader = stage
                .loader()
                .on_progress(move |n| counter.store(n, Ordering::Relaxed));
            let mut tee = Tee::from_env()?;
            loader
                .load_quads(rx.into_iter().flatten().inspect(|q| tee.write(q)))
                .context("loading the graph into the store failed")?;
            tee.finish()?;
            loader.commit().context("committing the store failed")
        });
        let mut fill = Fill {
            store: stage.store(),
            tx,
            previous: previous.map(|(_, s)| s),
            reference: &reference,
            loaded,
        };
        let filled = fill.run(lock.dir(), &pending, settings, progress);
        drop(fill);
        let loaded = loader
            .join()
            .map_err(|_| anyhow!("the loader thread panicked"))?;
        // A loader failure is the cause of a failed send: report it first.
        loaded?;
        filled
    })?;
    let Filled {
        mut state,
        quads,
        counts,
    } = filled;
    state.fingerprint = fingerprint;
    let manifest = Manifest {
        tool: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
        sources: state.sources.iter().map(|r| r.path.clone()).collect(),
        quads: quads as usize,
    };
    if settings.compact {
        stage
            .store()
            .optimize()
            .context("compacting the new store failed")?;
    }
    let published = stage.publish(manifest, Some(&|w| state.write(w)))?;
    Ok(Report {
        published,
        warnings: counts.warnings,
        extracted: counts.extracted,
        reused: counts.reused,
        removed: counts.removed,
        proposals: state.sources.iter().map(|r| r.proposals).sum(),
        stances: state.sources.iter().map(|r| r.stances).sum(),
    })
}

/// A copy of every quad sent to the loader, as N-Quads, in the file
/// `$OEWG_KG_NQUADS` names (the benchmark loads exactly these quads with
/// oxigraph's own loader; exporting a 1 GB corpus's store instead reads
/// every term back from RocksDB, an hour). A quad several sources state
/// comes once per source, as the loader receives it. Without the variable
/// nothing is written.
struct Tee {
    out: Option<(PathBuf, QuadWriter)>,
    failed: Option<std::io::Error>,
}

type QuadWriter = oxigraph::io::WriterQuadSerializer<std::io::BufWriter<std::fs::File>>;

impl Tee {
    fn from_env() -> Result<Self> {
        let out = match std::env::var_os("OEWG_KG_NQUADS") {
            None => None,
            Some(path) => {
                let path = PathBuf::from(path);
                let file = std::fs::File::create(&path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
                let w = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NQuads)
                    .for_writer(std::io::BufWriter::new(file));
                Some((path, w))
            }
        };
        Ok(Self { out, failed: None })
    }

    fn write(&mut self, q: &Quad) {
        if let (Some((_, w)), None) = (&mut self.out, &self.failed) {
            self.failed = w.serialize_quad(q).err();
        }
    }

    fn finish(self) -> Result<()> {
        let Some((path, w)) = self.out else {
            return Ok(());
        };
        let written = match self.failed {
            Some(e) => Err(e),
            None => w.finish().and_then(|mut b| std::io::Write::flush(&mut b)),
        };
        written.with_context(|| format!("cannot write {}", path.display()))
    }
}

/// What happened to the sources, for the report.
#[derive(Default)]
struct Counts {
    warnings: Vec<String>,
    extracted: usize,
    reused: usize,
    removed: usize,
}

/// A filled stage: the state to keep (without fingerprint), the number of
/// quads in the store, the counts.
struct Filled {
    state: State,
    quads: u64,
    counts: Counts,
}

/// The producer side of a build: everything but the loading.
struct Fill<'a> {
    store: &'a Store,
    tx: SyncSender<Vec<Quad>>,
    /// The state of the version the stage copied (incremental), if any.
    previous: Option<State>,
    reference: &'a Reference,
    /// Quads the loader has loaded so far.
    loaded: Arc<AtomicU64>,
}

impl Fill<'_> {
    fn send(&self, quads: Vec<Quad>) -> Result<()> {
        self.tx
            .send(quads)
            .map_err(|_| anyhow!("loading the graph into the store failed"))
    }

    fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<()> {
        self.store
            .remove_named_graph(graph)
            .with_context(|| format!("cannot remove the graph {graph} from the new store"))
    }

    /// Fills the stage.
    fn run(
        &mut self,
        dir: &Path,
        pending: &[input::Pending],
        settings: Settings,
        progress: &(dyn Fn(Tick) + Sync),
    ) -> Result<Filled> {
        let previous = self.previous.take();
        let fixed = match &previous {
            Some(previous) => previous.fixed.clone(),
            None => {
                let mut quads = fixed_quads(self.reference)?;
                // RDF added with `oewg-kg load` survives the rebuild.
                quads.extend(carried_over(dir)?);
                let t = tallies(&quads);
                self.send(quads)?;
                t
            }
        };
        let (before, old) = match previous {
            Some(s) => (
                Some((s.corpus, s.void)),
                s.sources.into_iter().map(|r| (r.stem.clone(), r)).collect(),
            ),
            None => (None, BTreeMap::new()),
        };
        // Each unchanged source's record moves out of `old` into the new
        // state (a copy would hold every record twice).
        let old = Mutex::new(old);
        let (records, reused, mut counts) = self.sources(pending, settings, progress, &old)?;
        let old = old.into_inner().unwrap_or_else(|e| e.into_inner());
        let kept: BTreeSet<&str> = records.iter().map(|r| r.stem.as_str()).collect();
        for stem in old.keys().filter(|s| !kept.contains(s.as_str())) {
            self.remove_graph(iri::source_graph(stem).as_ref())?;
            counts.removed += 1;
        }
        let corpus = self.corpus(&records, before.as_ref().map(|(c, _)| c))?;
        let gone = stale_shared(&old, &records, &reused);
        self.remove_hashed(iri::shared_graph(), &gone)?;
        let all: Vec<&void::GraphTally> = fixed
            .iter()
            .chain(records.iter().flat_map(|r| [&r.tally, &r.shared]))
            .chain([&corpus])
            .collect();
        let description = void::describe(&all);
        let quads = (void::quads_in(&all) + description.len()) as u64;
        let void = void::GraphTally::of(&iri::void_graph().into(), &description);
        self.replace(
            iri::void_graph(),
            description,
            before.as_ref().map(|(_, v)| v),
            &void,
        )?;
        Ok(Filled {
            state: State {
                fingerprint: String::new(),
                fixed,
                corpus,
                void,
                sources: records,
            },
            quads,
            counts,
        })
    }

    /// Streams the sources: fresh ones loaded (replacing their old graph),
    /// unchanged ones kept. Returns the records in stem order, the stems
    /// reused, the counts.
    fn sources(
        &self,
        pending: &[input::Pending],
        settings: Settings,
        progress: &(dyn Fn(Tick) + Sync),
        old: &Mutex<BTreeMap<String, SourceRecord>>,
    ) -> Result<(Vec<SourceRecord>, BTreeSet<String>, Counts)> {
        let mut counts = Counts::default();
        let mut records = Vec::with_capacity(pending.len());
        let mut folders = FolderCheck::default();
        let mut reused: BTreeSet<String> = BTreeSet::new();
        let mut texts: HashSet<Arc<str>> = HashSet::new();
        let lock = || old.lock().unwrap_or_else(|e| e.into_inner());
        let reuse = |stem: &str, hash: &str| {
            let mut old = lock();
            if old.get(stem).is_some_and(|r| r.hash == hash) {
                old.remove(stem)
            } else {
                None
            }
        };
        let batching = settings.batching;
        stream(
            pending,
            self.reference,
            settings.strict,
            batching,
            &reuse,
            &mut |p, item| {
                folders.note(p, !matches!(item, Item::Skipped(_)));
                progress(Tick::Loaded(self.loaded.load(Ordering::Relaxed)));
                let bytes = p.bytes;
                match item {
                    Item::Fresh(m) => {
                        progress(Tick::Source {
                            bytes,
                            reused: false,
                        });
                        if lock().contains_key(&p.stem) {
                            self.remove_graph(iri::source_graph(&p.stem).as_ref())?;
                        }
                        counts.extracted += 1;
                        records.push(interned(m.record, &mut texts));
                        self.send(m.quads)?;
                    }
                    Item::Reused(r) => {
                        progress(Tick::Source {
                            bytes,
                            reused: true,
                        });
                        counts.reused += 1;
                        reused.insert(r.stem.clone());
                        records.push(interned(r, &mut texts));
                    }
                    Item::Skipped(w) => counts.warnings.push(w),
                }
                Ok(())
            },
        )?;
        folders.check().map_err(|e| anyhow!("{e}"))?;
        Ok((records, reused, counts))
    }

    /// The alignment graph made again from the records. A rebuild (with
    /// the tally `before` of the graph in the copy) changes only the
    /// triples that differ: adding one report changes a few outcomes, not
    /// the hundred thousand others.
    fn corpus(
        &self,
        records: &[SourceRecord],
        before: Option<&void::GraphTally>,
    ) -> Result<void::GraphTally> {
        let graph = GraphName::from(iri::corpus_graph());
        let mut tally = void::GraphTally::of(&graph, &[]);
        let mut written = Written::default();
        corpus_chunks(records, self.reference, &mut |quads| {
            tally.merge(void::GraphTally::of(&graph, &quads));
            self.send(written.note(fresh(quads, before)))
        })?;
        self.remove_gone(iri::corpus_graph(), before, &tally, &written)?;
        Ok(tally)
    }

    /// Writes `quads`, the whole of `graph` now, whose tally is `now`: all
    /// of them into a fresh store; into a copy whose `graph` had the tally
    /// `before`, only the triples it lacks, and the ones no longer there
    /// removed. Clearing and loading the graph again would rewrite every
    /// triple for the few that changed.
    fn replace(
        &self,
        graph: NamedNode,
        quads: Vec<Quad>,
        before: Option<&void::GraphTally>,
        now: &void::GraphTally,
    ) -> Result<()> {
        let mut written = Written::default();
        self.send(written.note(fresh(quads, before)))?;
        self.remove_gone(graph, before, now, &written)
    }

    /// Removes from `graph` the triples its tally `before` counted and its
    /// tally `now` does not, looking first beside the triples `written`.
    fn remove_gone(
        &self,
        graph: NamedNode,
        before: Option<&void::GraphTally>,
        now: &void::GraphTally,
        written: &Written,
    ) -> Result<()> {
        let Some(before) = before else {
            return Ok(());
        };
        let has = |h: &u64| now.shared_triples().binary_search(h).is_ok();
        let mut gone: BTreeSet<u64> = before
            .shared_triples()
            .iter()
            .filter(|h| !has(h))
            .copied()
            .collect();
        if let Some(keys) = &written.keys {
            let graph = GraphName::from(graph.clone());
            for (s, p) in keys {
                let pattern = (Some(s.as_ref()), Some(p.as_ref()), Some(graph.as_ref()));
                self.remove_stale(pattern, &mut gone)?;
            }
        }
        self.remove_hashed(graph, &gone)
    }

    /// Removes from `graph` of the copied store the triples whose hashes
    /// are in `gone` (reading the whole graph).
    fn remove_hashed(&self, graph: NamedNode, gone: &BTreeSet<u64>) -> Result<()> {
        if gone.is_empty() {
            return Ok(());
        }
        let graph = GraphName::from(graph);
        self.remove_stale((None, None, Some(graph.as_ref())), &mut gone.clone())
    }

    /// Removes the triples of `pattern` (subject, predicate, graph) whose
    /// hashes are in `gone`, and takes their hashes out of `gone`.
    fn remove_stale(&self, pattern: Pattern<'_>, gone: &mut BTreeSet<u64>) -> Result<()> {
        let (subject, predicate, graph) = pattern;
        let graph = graph.expect("a graph");
        let stale: Vec<Quad> = self
            .store
            .quads_for_pattern(subject, predicate, None, Some(graph))
            .filter(|q| {
                q.as_ref()
                    .map_or(true, |q| gone.contains(&void::triple_hash(q)))
            })
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading the graph {graph} of the copied store failed"))?;
        for q in &stale {
            gone.remove(&void::triple_hash(q));
            self.store
                .remove(q)
                .with_context(|| format!("cannot remove a triple of {graph} from the new store"))?;
        }
        Ok(())
    }
}

/// A subject, predicate and graph to read triples of (any when `None`).
type Pattern<'a> = (
    Option<NamedOrBlankNodeRef<'a>>,
    Option<NamedNodeRef<'a>>,
    Option<GraphNameRef<'a>>,
);

/// Most subject and predicate pairs [`Written`] remembers.
const WRITTEN_KEYS: usize = 10_000;

/// The subject and predicate of each triple written into a graph of a
/// copied store. A count or outcome that changed is a new triple beside
/// the old one it replaces: looking there finds the old one without
/// reading the whole graph (the dataset description, 55 k triples at
/// 100 MB, was read back for a dozen changed counts). `None` once there
/// were too many to be worth it.
struct Written {
    keys: Option<HashSet<(NamedOrBlankNode, NamedNode)>>,
}

impl Default for Written {
    fn default() -> Self {
        Self {
            keys: Some(HashSet::new()),
        }
    }
}

impl Written {
    /// Notes the triples of `quads` and hands them back.
    fn note(&mut self, quads: Vec<Quad>) -> Vec<Quad> {
        if let Some(keys) = &mut self.keys {
            keys.extend(
                quads
                    .iter()
                    .map(|q| (q.subject.clone(), q.predicate.clone())),
            );
            if keys.len() > WRITTEN_KEYS {
                self.keys = None;
            }
        }
        quads
    }
}

/// Of `quads`, those a graph with the tally `before` lacks (all of them
/// when there is no such graph).
fn fresh(quads: Vec<Quad>, before: Option<&void::GraphTally>) -> Vec<Quad> {
    match before {
        None => quads,
        Some(before) => quads
            .into_iter()
            .filter(|q| {
                let h = void::triple_hash(q);
                before.shared_triples().binary_search(&h).is_err()
            })
            .collect(),
    }
}

/// `record` with its paragraph texts, document names and sections shared
/// with the records before it (many reports quote the same paragraph).
fn interned(mut record: SourceRecord, texts: &mut HashSet<Arc<str>>) -> SourceRecord {
    let mut share = |s: &mut Arc<str>| match texts.get(&**s) {
        Some(t) => *s = Arc::clone(t),
        None => {
            texts.insert(Arc::clone(s));
        }
    };
    for p in &mut record.drafts.paragraphs {
        share(&mut p.text);
        share(&mut p.document);
        if let Some(s) = &mut p.section {
            share(s);
        }
    }
    for p in record.drafts.proposals.iter_mut() {
        if let Some(d) = &mut p.document {
            share(d);
        }
    }
    record
}

/// The shared graph's triples that only sources now changed or gone
/// stated. The others stay: a kept source, or a changed one read again,
/// states them still.
fn stale_shared(
    old: &BTreeMap<String, SourceRecord>,
    records: &[SourceRecord],
    reused: &BTreeSet<String>,
) -> BTreeSet<u64> {
    let mut gone: BTreeSet<u64> = old
        .values()
        .filter(|r| !reused.contains(&r.stem))
        .flat_map(|r| r.shared.shared_triples().iter().copied())
        .collect();
    for r in records {
        for h in r.shared.shared_triples() {
            gone.remove(h);
        }
    }
    gone
}

/// The loaded graphs of the store at `dir`, to carry into a rebuilt store
/// (empty when there is no store yet).
pub fn carried_over(dir: &Path) -> Result<Vec<Quad>> {
    let Ok((store, _)) = store::open(dir) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for g in store.named_graphs() {
        let g = g.context("reading the store failed")?;
        if let NamedOrBlankNode::NamedNode(g) = g {
            if iri::is_loaded_graph(g.as_str()) {
                let graph = GraphName::NamedNode(g.clone());
                for q in store.quads_for_pattern(None, None, None, Some(graph.as_ref())) {
                    out.push(q.context("reading the store failed")?);
                }
            }
        }
    }
    Ok(out)
}
