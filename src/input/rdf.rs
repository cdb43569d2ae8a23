//! External RDF files that `oewg-kg load` adds to the store (Wikidata
//! extracts, a team's own annotations, another project's vocabulary).
//!
//! Each file becomes one named graph under `graph/loaded/`; its own named
//! graphs, if any, are folded into it, so that a later load of the same
//! file replaces exactly what the earlier one added. Blank nodes are
//! renamed in parse order so the same file gives the same quads.

use anyhow::{anyhow, bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;
use std::path::Path;

/// The RDF format of a file, from its extension.
pub fn format_of(path: &Path) -> Result<RdfFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let format = match ext.as_str() {
        "owl" | "xml" => Some(RdfFormat::RdfXml),
        "json" => RdfFormat::from_extension("jsonld"),
        other => RdfFormat::from_extension(other),
    };
    format.ok_or_else(|| {
        anyhow!(
            "{}: unknown RDF format; name the file .ttl, .nt, .nq, .trig, .rdf, .owl or .jsonld",
            path.display()
        )
    })
}

/// Reads `path` into quads of `graph`. A syntax error names the file, line
/// and column.
pub fn read(path: &Path, graph: &NamedNode) -> Result<Vec<Quad>> {
    let format = format_of(path)?;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let base = format!(
        "file:///{}",
        path.display().to_string().trim_start_matches('/')
    );
    let parser = RdfParser::from_format(format)
        .with_base_iri(&base)
        .map_err(|e| anyhow!("{}: {e}", path.display()))?;
    let mut names: BTreeMap<String, BlankNode> = BTreeMap::new();
    let key = crate::quad::iri::digest(&[graph.as_str()]);
    let mut rename = |b: &BlankNode| -> BlankNode {
        let n = names.len();
        names
            .entry(b.as_str().to_string())
            .or_insert_with(|| BlankNode::new_unchecked(format!("l{key}x{n}")))
            .clone()
    };
    let mut out = Vec::new();
    for q in parser.for_slice(&bytes) {
        let mut q = q.map_err(|e| anyhow!("{}: {e}", path.display()))?;
        if let NamedOrBlankNode::BlankNode(b) = &q.subject {
            q.subject = rename(b).into();
        }
        if let Term::BlankNode(b) = &q.object {
            q.object = rename(b).into();
        }
        q.graph_name = GraphName::NamedNode(graph.clone());
        out.push(q);
    }
    if out.is_empty() {
        bail!("{} holds no triples", path.display());
    }
    out.sort_by_key(|q| q.to_string());
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> NamedNode {
        NamedNode::new("https://w3id.org/oewg-kg/graph/loaded/x").unwrap()
    }

    #[test]
    fn triples_land_in_the_given_graph_with_stable_blank_nodes() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("extra.ttl");
        std::fs::write(&f, "<http://a> <http://b> [ <http://c> \"d\" ] .\n").unwrap();
        let a = read(&f, &graph()).unwrap();
        assert_eq!(a.len(), 2);
        assert!(a
            .iter()
            .all(|q| q.graph_name == GraphName::NamedNode(graph())));
        assert_eq!(a, read(&f, &graph()).unwrap(), "same file, same quads");
    }

    #[test]
    fn a_syntax_error_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("bad.ttl");
        std::fs::write(
            &f,
            "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n",
        )
        .unwrap();
        let e = read(&f, &graph()).unwrap_err().to_string();
        assert!(e.contains("bad.ttl") && e.contains('2'), "{e}");
        assert!(format_of(Path::new("x.docx")).is_err());
    }
}
