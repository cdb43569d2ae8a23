//! RDF exports of the whole store in the standard formats.

use crate::quad::vocab::PREFIXES;
use anyhow::{bail, Context, Result};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Triple};
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
    /// JSON-LD, compact with the context of ontology/context.jsonld inlined
    /// (named graphs kept)
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

/// Which part of the store to export.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only this named graph.
    pub graph: Option<NamedNode>,
    /// Quad formats: also write every triple into the default graph, so
    /// tools that query the default graph (pyoxigraph, rdflib, Jena) get the
    /// union without a switch.
    pub union: bool,
}

/// Writes the whole store (see [`write_selected`]).
pub fn write(store: &Store, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    write_selected(store, format, &Selection::default(), out)
}

/// Writes the selected part of the store. Output order is the store's index
/// order for quad formats and sorted for triple formats, so the same store
/// gives the same bytes.
pub fn write_selected(
    store: &Store,
    format: ExportFormat,
    sel: &Selection,
    out: &mut dyn Write,
) -> Result<()> {
    let graph = sel
        .graph
        .as_ref()
        .map(|g| GraphNameRef::NamedNode(g.as_ref()));
    let rdf = format.rdf();
    if rdf.supports_datasets() && !sel.union && format != ExportFormat::Jsonld {
        return stream_quads(store, graph, sel, format, out);
    }
    let mut quads: Vec<Quad> = store
        .quads_for_pattern(None, None, None, graph)
        .collect::<Result<_, _>>()
        .context("reading the store failed")?;
    if let (Some(g), true) = (&sel.graph, quads.is_empty()) {
        bail!(
            "the store has no graph {}; `oewg-kg stats` lists its graphs",
            g.as_str()
        );
    }
    if rdf.supports_datasets() && sel.union {
        let union: BTreeMap<String, Triple> = quads
            .iter()
            .map(|q| {
                let t = Triple::from(q.clone());
                (t.to_string(), t)
            })
            .collect();
        quads.extend(
            union
                .into_values()
                .map(|t| t.in_graph(GraphName::DefaultGraph)),
        );
    }
    write_quads(&quads, format, out)
}

/// N-Quads or TriG of the store (or one graph) written as the store reads
/// them, in its index order: a store of any size is exported without
/// holding it in memory.
fn stream_quads(
    store: &Store,
    graph: Option<GraphNameRef<'_>>,
    sel: &Selection,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let mut quads = store.quads_for_pattern(None, None, None, graph).peekable();
    if let (Some(g), None) = (&sel.graph, quads.peek()) {
        bail!(
            "the store has no graph {}; `oewg-kg stats` lists its graphs",
            g.as_str()
        );
    }
    let mut ser = RdfSerializer::from_format(format.rdf());
    if format != ExportFormat::Nq {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(p, ns).context("invalid prefix")?;
        }
    }
    let mut w = ser.for_writer(out);
    for q in quads {
        w.serialize_quad(&q.context("reading the store failed")?)?;
    }
    w.finish().context("writing the RDF failed")?;
    Ok(())
}

/// Writes quads in `format`: quad formats keep their graphs (JSON-LD
/// compact), triple formats merge them, each triple once, sorted.
pub fn write_quads(quads: &[Quad], format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    if format == ExportFormat::Jsonld {
        return super::jsonld::write(quads, out);
    }
    let rdf = format.rdf();
    let mut ser = RdfSerializer::from_format(rdf);
    if !matches!(format, ExportFormat::Nq | ExportFormat::Nt) {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(p, ns).context("invalid prefix")?;
        }
    }
    let mut w = ser.for_writer(out);
    if rdf.supports_datasets() {
        for q in quads {
            w.serialize_quad(q)?;
        }
    } else {
        // The same triple may stand in several graphs; write it once.
        let mut triples: BTreeMap<String, Triple> = BTreeMap::new();
        for q in quads {
            let t = Triple::from(q.clone());
            triples.insert(t.to_string(), t);
        }
        for t in triples.values() {
            w.serialize_triple(t)?;
        }
    }
    w.finish().context("writing the RDF failed")?;
    Ok(())
}

/// Writes triples (a CONSTRUCT's answer) in any export format; quad
/// formats put them in the default graph.
pub fn write_graph(triples: Vec<Triple>, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    let quads: Vec<Quad> = triples
        .into_iter()
        .map(|t| t.in_graph(GraphName::DefaultGraph))
        .collect();
    write_quads(&quads, format, out)
}
