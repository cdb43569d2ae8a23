//! RDF exports of the whole store in the standard formats.

use crate::quad::vocab::PREFIXES;
use anyhow::{Context, Result};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::Triple;
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::io::Write;

/// Export formats. Quad formats (nq, trig, jsonld) keep the named graphs;
/// triple formats (nt, ttl, rdfxml) merge them into one graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// N-Quads
    Nq,
    /// N-Triples
    Nt,
    /// Turtle
    Ttl,
    /// TriG
    Trig,
    /// JSON-LD 1.0 (named graphs kept)
    Jsonld,
    /// RDF/XML
    Rdfxml,
}

impl ExportFormat {
    pub fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Nq => RdfFormat::NQuads,
            ExportFormat::Nt => RdfFormat::NTriples,
            ExportFormat::Ttl => RdfFormat::Turtle,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
        }
    }
}

/// Writes the whole store. Output order is the store's index order for quad
/// formats and sorted for triple formats, so the same store gives the same
/// bytes.
pub fn write(store: &Store, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    let rdf = format.rdf();
    let mut ser = RdfSerializer::from_format(rdf);
    if !matches!(format, ExportFormat::Nq | ExportFormat::Nt) {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(p, ns).context("invalid prefix")?;
        }
    }
    let mut w = ser.for_writer(out);
    if rdf.supports_datasets() {
        for q in store.iter() {
            w.serialize_quad(&q.context("reading the store failed")?)?;
        }
    } else {
        // The same triple may stand in several graphs; write it once.
        let mut triples: BTreeMap<String, Triple> = BTreeMap::new();
        for q in store.iter() {
            let t = Triple::from(q.context("reading the store failed")?);
            triples.insert(t.to_string(), t);
        }
        for t in triples.values() {
            w.serialize_triple(t)?;
        }
    }
    w.finish().context("writing the export failed")?;
    Ok(())
}
