//! The pipeline strung together for a corpus of any size: sources are
//! read, extracted and mapped to quads a batch at a time on every core
//! (rayon), handed on in stem order, and forgotten except for a compact
//! [`SourceRecord`]; the corpus-wide steps (alignment and outcomes, the
//! dataset description) then run on the records. Memory grows with the
//! records, not with the texts, facts or quads.
//!
//! Each source's extraction and mapping depends on that source alone, and
//! the corpus-wide steps see the records in stem order whatever order the
//! batches finished in, so the graph is the same for any number of threads
//! and any order of the inputs.

mod agreement;
pub mod build;
mod record;
mod sides;

pub use record::{content_hash, fingerprint, Packed, SourceRecord, State};

use crate::fact::align::{self, SourceDrafts};
use crate::fact::SourceFacts;
use crate::input::Pending;
use crate::mention::Gazetteer;
use crate::quad::{self, void::GraphTally};
use crate::reference::Reference;
use anyhow::{Context, Result};
use oxigraph::model::{GraphName, NamedNode, Quad};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One source's quads (each once) and what the build keeps of it.
pub struct Mapped {
    pub quads: Vec<Quad>,
    pub record: SourceRecord,
}

/// Maps one source's facts to its graph and its record; `hash` is the
/// [`content_hash`] of its text.
pub fn map_facts(facts: &SourceFacts, reference: &Reference, hash: String) -> Mapped {
    let quad::SourceGraph {
        quads,
        in_own,
        tally,
        shared,
        proposal_iris,
    } = quad::source_and_proposals(facts, reference);
    let stem = &facts.source.stem;
    // Each once (`quad::source_and_proposals`), and tallied there from
    // the terms' ids.
    debug_assert!(quads.windows(2).all(|w| w[0] != w[1]));
    let own: Vec<&Quad> = quads
        .iter()
        .zip(&in_own)
        .filter_map(|(q, &own)| own.then_some(q))
        .collect();
    #[cfg(debug_assertions)]
    check_tallies(stem, &quads, &in_own, [&tally, &shared]);
    let votes = agreement::CastVote::of(&own);
    let sides = sides::Side::of(&own, &reference.derived(sides::Actors::new).0);
    let record = SourceRecord {
        stem: stem.clone(),
        path: facts.source.path.display().to_string(),
        hash,
        bytes: facts.source.text.len() as u64,
        proposals: facts.proposals.len() as u64,
        stances: facts.stances.len() as u64,
        drafts: SourceDrafts::of(facts),
        proposal_iris: proposal_iris.iter().map(NamedNode::as_str).collect(),
        tally,
        votes,
        sides,
        shared,
    };
    Mapped { quads, record }
}

/// In tests, that the tallies counted from ids are those of the quads.
#[cfg(any(test, debug_assertions))]
fn check_tallies(stem: &str, quads: &[Quad], in_own: &[bool], tallies: [&GraphTally; 2]) {
    use crate::quad::iri;
    let graphs: [GraphName; 2] = [iri::source_graph(stem).into(), iri::shared_graph().into()];
    for (i, graph) in graphs.iter().enumerate() {
        let part: Vec<&Quad> = quads
            .iter()
            .zip(in_own)
            .filter_map(|(q, &own)| (own == (i == 0)).then_some(q))
            .collect();
        assert!(part.iter().all(|q| q.graph_name == *graph));
        assert_eq!(*tallies[i], GraphTally::of_distinct(graph, part));
    }
}

/// The graphs every build holds whatever its sources: the ontology and
/// the reference data.
pub fn fixed_quads(reference: &Reference) -> Result<Vec<Quad>> {
    let mut quads = quad::ontology().context("ontology/oewg.ttl or shapes.ttl does not parse")?;
    quads.extend(quad::reference(reference));
    Ok(quads)
}

/// The alignment graph (alignments, dropped paragraphs, outcomes, voting
/// and stance agreement) from the records of every source, in stem order.
pub fn corpus_quads(records: &[SourceRecord], reference: &Reference) -> Vec<Quad> {
    let mut quads = Vec::new();
    corpus_chunks(records, reference, &mut |q| {
        quads.extend(q);
        Ok(())
    })
    .expect("collecting cannot fail");
    quads
}

/// Outcomes mapped and handed on this many judgements at a time.
const OUTCOME_CHUNK: usize = 20_000;

/// [`corpus_quads`] handed to `sink` a chunk at a time: the outcomes of a
/// big corpus (a million proposals, each with its reason and word diff)
/// are never all in memory at once.
pub fn corpus_chunks(
    records: &[SourceRecord],
    reference: &Reference,
    sink: &mut dyn FnMut(Vec<Quad>) -> Result<()>,
) -> Result<()> {
    let drafts: Vec<&SourceDrafts> = records.iter().map(|r| &r.drafts).collect();
    let iris: BTreeMap<&str, &Packed> = records
        .iter()
        .map(|r| (r.stem.as_str(), &r.proposal_iris))
        .collect();
    let iri = |stem: &str, i: usize| Some(NamedNode::new_unchecked(iris.get(stem)?.get(i)?));
    let mut chunk = Vec::with_capacity(OUTCOME_CHUNK);
    let mut failed = Ok(());
    let corpus = align::corpus_each(&drafts, reference, |j| {
        chunk.push(j);
        if chunk.len() == OUTCOME_CHUNK && failed.is_ok() {
            failed = sink(quad::outcomes(&chunk, iri));
            chunk.clear();
        }
    });
    failed?;
    sink(quad::outcomes(&chunk, iri))?;
    sink(quad::agreements(&agreement::agreements(records, reference)))?;
    sink(quad::stance_agreements(&sides::agreements(
        records, reference,
    )))?;
    sink(quad::alignments(&corpus))
}

/// Tallies of a set of quads, one per graph, in graph order.
pub fn tallies(quads: &[Quad]) -> Vec<GraphTally> {
    let mut by_graph: BTreeMap<String, (GraphName, Vec<&Quad>)> = BTreeMap::new();
    for q in quads {
        by_graph
            .entry(q.graph_name.to_string())
            .or_insert_with(|| (q.graph_name.clone(), Vec::new()))
            .1
            .push(q);
    }
    by_graph
        .into_values()
        .map(|(g, qs)| GraphTally::of(&g, qs))
        .collect()
}

/// What became of one source of a streamed build.
pub enum Item {
    /// Read, extracted and mapped.
    Fresh(Mapped),
    /// Unchanged since the build whose record this is: its graph is in the
    /// store already.
    Reused(SourceRecord),
    /// Not a readable text (a folder's entry, without `--strict`): the
    /// warning naming it.
    Skipped(String),
}

/// How sources are grouped for the thread pool.
#[derive(Debug, Clone, Copy)]
pub struct Batching {
    /// A batch closes once its files reach this many bytes...
    pub bytes: u64,
    /// ... or this many sources.
    pub sources: usize,
}

impl Default for Batching {
    /// About 4 MB of text at a time: enough work for every core (hundreds
    /// of reports), little enough that a batch's texts, facts and quads
    /// (some 300 k quads) stay around 100 MB.
    fn default() -> Self {
        Self {
            bytes: 4 << 20,
            sources: 512,
        }
    }
}

/// Reads, hashes, extracts and maps `pending` on the current rayon pool,
/// a batch at a time, and hands each source to `sink` in stem order.
/// `reuse(stem, hash)` gives the record of a source the store already
/// holds unchanged; such a source is not extracted again. A source that
/// cannot be read (given by name, or with `strict`) stops the stream with
/// its error.
pub fn stream(
    pending: &[Pending],
    reference: &Reference,
    strict: bool,
    batching: Batching,
    reuse: &(dyn Fn(&str, &str) -> Option<SourceRecord> + Sync),
    sink: &mut dyn FnMut(&Pending, Item) -> Result<()>,
) -> Result<()> {
    let gazetteer = reference.derived(Gazetteer::new);
    let mut start = 0;
    while start < pending.len() {
        let end = batch_end(pending, start, batching);
        let batch = &pending[start..end];
        let items: Vec<Result<Item>> = batch
            .par_iter()
            .map(|p| process(p, reference, &gazetteer, strict, reuse))
            .collect();
        for (p, item) in batch.iter().zip(items) {
            sink(p, item?)?;
        }
        start = end;
        release_freed_memory();
    }
    Ok(())
}

/// Hands the memory the batches freed back to the system once malloc holds
/// more than [`HELD_FREE`] bytes of it: glibc keeps what a thread freed in
/// that thread's arena, where the small records a build keeps end up
/// scattered among the batch's texts, facts and quads. Trimming after
/// every batch (at 100 MB the build's mean RSS was 621 MB with it, 670 MB
/// without; the peak the same) made the next batch fault every page in
/// again: a fifth of extraction's CPU went to page faults, `brk` and the
/// trim itself. Below the bound the freed memory is what the next batch
/// reuses.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    // SAFETY: `mallinfo2` and `malloc_trim` only walk glibc's own heaps;
    // no pointer of ours is involved.
    unsafe {
        if libc::mallinfo2().fordblks > HELD_FREE {
            libc::malloc_trim(0);
        }
    }
}

/// Free memory malloc may keep for the next batches (see
/// [`release_freed_memory`]): after a batch of 4 MB of text it holds about
/// 170 MB (the 10 MB and 100 MB generated corpora, one or two threads).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HELD_FREE: usize = 256 << 20;

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

/// Where the batch starting at `start` ends.
fn batch_end(pending: &[Pending], start: usize, batching: Batching) -> usize {
    let mut bytes = 0;
    let mut end = start;
    while end < pending.len()
        && (end == start || (bytes < batching.bytes && end - start < batching.sources))
    {
        bytes += pending[end].bytes;
        end += 1;
    }
    end
}

fn process(
    p: &Pending,
    reference: &Reference,
    gazetteer: &Gazetteer,
    strict: bool,
    reuse: &(dyn Fn(&str, &str) -> Option<SourceRecord> + Sync),
) -> Result<Item> {
    let source = match p.read(strict).map_err(|e| anyhow::anyhow!("{e}"))? {
        Ok(s) => s,
        Err(warning) => return Ok(Item::Skipped(warning)),
    };
    let hash = content_hash(&source);
    if let Some(mut record) = reuse(&source.stem, &hash) {
        record.path = p.path.display().to_string();
        return Ok(Item::Reused(record));
    }
    let facts = SourceFacts::extract(source, reference, gazetteer);
    Ok(Item::Fresh(map_facts(&facts, reference, hash)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tallies `quad::source_and_proposals` counts from the terms' ids
    /// are those counted from the quads, on every seed.
    #[test]
    fn tallies_from_ids_are_those_of_the_quads() {
        let reference = Reference::load().unwrap();
        let gazetteer = Gazetteer::new(&reference);
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let sources = crate::input::collect(&[seeds]).unwrap();
        assert!(sources.len() >= 5);
        for source in sources {
            let stem = source.stem.clone();
            let facts = SourceFacts::extract(source, &reference, &gazetteer);
            let g = quad::source_and_proposals(&facts, &reference);
            assert!(g.in_own.iter().any(|&o| o) && g.in_own.iter().any(|&o| !o));
            check_tallies(&stem, &g.quads, &g.in_own, [&g.tally, &g.shared]);
        }
    }
}
