//! oewg-kg: a knowledge graph of UN cyber-diplomacy negotiations.
//!
//! The crate is one pipeline; each stage is a module and data flows one way:
//!
//! ```text
//! input ─▶ segment ─▶ mention ─▶ fact ─▶ quad ─▶ store ─▶ output
//! files    blocks,    states,    proposals, RDF    oxigraph  queries,
//!          sentences  bodies,    stances,   quads  on disk   exports,
//!          (spans)    citations  citations                   graphs
//! ```
//!
//! `reference` (the gazetteer and cue tables from `ontology/`) is read by
//! the middle stages; `cli` wires the stages to commands. See
//! `ARCHITECTURE.md` for the invariants.

pub mod cli;
pub mod fact;
pub mod input;
pub mod mention;
pub mod output;
pub mod pipeline;
pub mod quad;
pub mod reference;
pub mod segment;
pub mod server;
pub mod store;

use anyhow::Result;
use oxigraph::model::Quad;

/// Reads sources into facts (the extraction half of the pipeline).
pub fn extract_all(
    sources: Vec<input::SourceText>,
    reference: &reference::Reference,
) -> Vec<fact::SourceFacts> {
    let gazetteer = mention::Gazetteer::new(reference);
    sources
        .into_iter()
        .map(|s| fact::SourceFacts::extract(s, reference, &gazetteer))
        .collect()
}

/// Every quad of the graph: ontology, reference data and one graph per
/// source, the alignment graph and the dataset description, from facts
/// held in memory (tests, benchmarks, `eval`). `oewg-kg build` streams the
/// same steps through [`pipeline`] instead.
pub fn graph_quads(
    facts: &[fact::SourceFacts],
    reference: &reference::Reference,
) -> Result<Vec<Quad>> {
    let mut quads = pipeline::fixed_quads(reference)?;
    let mut records = Vec::with_capacity(facts.len());
    for f in facts {
        let mapped = pipeline::map_facts(f, reference, String::new());
        quads.extend(mapped.quads);
        records.push(mapped.record);
    }
    quads.extend(pipeline::corpus_quads(&records, reference));
    let description = quad::void::description(&quads);
    quads.extend(description);
    Ok(quads)
}
