//! Compact JSON-LD: short keys (`label`, `supports`), `@type` with class
//! names (`State`), IRIs as `id:state/IRN`, named graphs as `@graph`
//! objects — what a web developer or a JSON-LD processor expects, instead
//! of expanded JSON-LD whose every key is a full IRI.
//!
//! The `@context` is derived from the ontology (every `oewg:` class and
//! property gets a term; object properties are `@id`-typed, integer and
//! boolean properties typed) plus the reused vocabulary's common terms. It
//! is published as `ontology/context.jsonld` (a test keeps the file equal
//! to [`context`]) and inlined in every export, so the file needs no
//! network to be read.

use crate::quad::vocab::*;
use crate::reference::files;
use anyhow::{Context as _, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::Write;

/// How a term's values are written.
#[derive(Debug, Clone, PartialEq)]
enum Coercion {
    /// Plain strings (or value objects for other datatypes).
    None,
    /// IRIs, written as (compact) strings.
    Id,
    /// Literals of this datatype, written as bare strings.
    Datatype(String),
}

/// Reused terms with short names: (term, IRI, coercion).
const REUSED: &[(&str, &str, &str)] = &[
    ("label", "http://www.w3.org/2000/01/rdf-schema#label", ""),
    (
        "comment",
        "http://www.w3.org/2000/01/rdf-schema#comment",
        "",
    ),
    (
        "altLabel",
        "http://www.w3.org/2004/02/skos/core#altLabel",
        "",
    ),
    ("sameAs", "http://www.w3.org/2002/07/owl#sameAs", "@id"),
    ("hasMember", "http://www.w3.org/ns/org#hasMember", "@id"),
    ("isPartOf", "http://purl.org/dc/terms/isPartOf", "@id"),
    ("title", "http://purl.org/dc/terms/title", ""),
    ("publisher", "http://purl.org/dc/terms/publisher", ""),
    (
        "wasDerivedFrom",
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        "@id",
    ),
    (
        "wasAttributedTo",
        "http://www.w3.org/ns/prov#wasAttributedTo",
        "@id",
    ),
    ("hasBody", "http://www.w3.org/ns/oa#hasBody", "@id"),
    ("hasTarget", "http://www.w3.org/ns/oa#hasTarget", "@id"),
    ("hasSource", "http://www.w3.org/ns/oa#hasSource", "@id"),
    ("hasSelector", "http://www.w3.org/ns/oa#hasSelector", "@id"),
    ("motivatedBy", "http://www.w3.org/ns/oa#motivatedBy", "@id"),
    ("exact", "http://www.w3.org/ns/oa#exact", ""),
    ("prefix", "http://www.w3.org/ns/oa#prefix", ""),
    ("suffix", "http://www.w3.org/ns/oa#suffix", ""),
    (
        "start",
        "http://www.w3.org/ns/oa#start",
        "http://www.w3.org/2001/XMLSchema#integer",
    ),
    (
        "end",
        "http://www.w3.org/ns/oa#end",
        "http://www.w3.org/2001/XMLSchema#integer",
    ),
];

/// Prefixes of the context, longest namespace first when compacting.
fn prefixes() -> Vec<(&'static str, &'static str)> {
    let mut p: Vec<(&str, &str)> = PREFIXES.to_vec();
    p.extend([
        ("id", ID),
        ("graph", GRAPH),
        ("dcat", DCAT),
        ("sd", SD),
        ("vann", "http://purl.org/vocab/vann/"),
    ]);
    p
}

/// The term table: IRI → (term, coercion), from the ontology and
/// [`REUSED`].
fn terms() -> Result<BTreeMap<String, (String, Coercion)>> {
    let mut kinds: BTreeMap<String, (bool, bool, Option<String>)> = BTreeMap::new();
    let parser = RdfParser::from_format(RdfFormat::Turtle);
    for t in parser.for_slice(files::ONTOLOGY_TTL.as_bytes()) {
        let t = t.context("ontology/oewg.ttl does not parse")?;
        let NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        if !s.as_str().starts_with(OEWG) {
            continue;
        }
        let e = kinds.entry(s.as_str().to_string()).or_default();
        match (t.predicate.as_str(), &t.object) {
            (p, Term::NamedNode(o)) if p == format!("{RDF}type") => {
                e.0 |= o.as_str() == format!("{OWL}ObjectProperty");
                e.1 |= o.as_str().ends_with("Property");
            }
            (p, Term::NamedNode(o)) if p == format!("{RDFS}range") => {
                e.2 = Some(o.as_str().to_string());
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for (term, iri, c) in REUSED {
        let c = match *c {
            "" => Coercion::None,
            "@id" => Coercion::Id,
            dt => Coercion::Datatype(dt.to_string()),
        };
        out.insert(iri.to_string(), (term.to_string(), c));
    }
    let taken: Vec<String> = out.values().map(|(t, _)| t.clone()).collect();
    for (iri, (object, property, range)) in kinds {
        let local = iri.trim_start_matches(OEWG).to_string();
        if taken.contains(&local) || prefixes().iter().any(|(p, _)| *p == local) {
            continue;
        }
        let c = match range.as_deref() {
            _ if object => Coercion::Id,
            Some(r)
                if property
                    && (r.ends_with("#integer")
                        || r.ends_with("#boolean")
                        || r.ends_with("#decimal")) =>
            {
                Coercion::Datatype(r.to_string())
            }
            _ => Coercion::None,
        };
        out.insert(iri, (local, c));
    }
    Ok(out)
}

fn compact_with(prefixes: &[(&str, &str)], iri: &str) -> String {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns) && iri.len() > ns.len())
        .max_by_key(|(_, ns)| ns.len())
        .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
        .unwrap_or_else(|| iri.to_string())
}

/// The `@context` object.
pub fn context() -> Result<Value> {
    let prefixes = prefixes();
    let mut ctx = Map::new();
    for (p, ns) in &prefixes {
        ctx.insert(p.to_string(), json!(ns));
    }
    for (iri, (term, c)) in terms()? {
        let id = compact_with(&prefixes, &iri);
        let v = match c {
            Coercion::None => json!(id),
            Coercion::Id => json!({"@id": id, "@type": "@id"}),
            Coercion::Datatype(dt) => json!({"@id": id, "@type": compact_with(&prefixes, &dt)}),
        };
        ctx.insert(term, v);
    }
    Ok(json!({ "@context": Value::Object(ctx) }))
}

/// `ontology/context.jsonld` as it should read.
pub fn context_file() -> Result<String> {
    Ok(serde_json::to_string_pretty(&context()?)? + "\n")
}

struct Compactor {
    prefixes: Vec<(&'static str, &'static str)>,
    terms: BTreeMap<String, (String, Coercion)>,
}

impl Compactor {
    fn iri(&self, iri: &str) -> String {
        compact_with(&self.prefixes, iri)
    }

    fn node_id(&self, n: &NamedOrBlankNode) -> String {
        match n {
            NamedOrBlankNode::NamedNode(n) => self.iri(n.as_str()),
            NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        }
    }

    /// A class or vocabulary IRI as `@type` writes it: a term if there is one.
    fn vocab(&self, iri: &str) -> String {
        self.terms
            .get(iri)
            .map(|(t, _)| t.clone())
            .unwrap_or_else(|| self.iri(iri))
    }

    fn value(&self, coercion: &Coercion, o: &Term) -> Value {
        match o {
            Term::NamedNode(n) if *coercion == Coercion::Id => json!(self.iri(n.as_str())),
            Term::NamedNode(n) => json!({"@id": self.iri(n.as_str())}),
            Term::BlankNode(b) if *coercion == Coercion::Id => json!(format!("_:{}", b.as_str())),
            Term::BlankNode(b) => json!({"@id": format!("_:{}", b.as_str())}),
            Term::Literal(l) => {
                let dt = l.datatype().as_str();
                if let Some(lang) = l.language() {
                    json!({"@value": l.value(), "@language": lang})
                } else if matches!(coercion, Coercion::Datatype(d) if d == dt) {
                    json!(l.value())
                } else if dt == format!("{XSD}string") {
                    if *coercion == Coercion::None {
                        json!(l.value())
                    } else {
                        json!({"@value": l.value()})
                    }
                } else {
                    json!({"@value": l.value(), "@type": self.iri(dt)})
                }
            }
            #[allow(unreachable_patterns)]
            other => json!(other.to_string()),
        }
    }

    /// Node objects of one graph, by subject, keys and values sorted.
    fn nodes(&self, quads: &[&Quad]) -> Vec<Value> {
        let mut by_subject: BTreeMap<String, BTreeMap<String, Vec<Value>>> = BTreeMap::new();
        for q in quads {
            let node = by_subject.entry(self.node_id(&q.subject)).or_default();
            let p = q.predicate.as_str();
            if p == format!("{RDF}type") {
                if let Term::NamedNode(c) = &q.object {
                    node.entry("@type".into())
                        .or_default()
                        .push(json!(self.vocab(c.as_str())));
                    continue;
                }
            }
            let (key, coercion) = match self.terms.get(p) {
                Some((t, c)) => (t.clone(), c.clone()),
                None => (self.iri(p), Coercion::None),
            };
            node.entry(key)
                .or_default()
                .push(self.value(&coercion, &q.object));
        }
        by_subject
            .into_iter()
            .map(|(id, props)| {
                let mut obj = Map::new();
                obj.insert("@id".into(), json!(id));
                for (k, mut vs) in props {
                    vs.sort_by_key(|v| v.to_string());
                    vs.dedup();
                    let v = if vs.len() == 1 {
                        vs.remove(0)
                    } else {
                        Value::Array(vs)
                    };
                    obj.insert(k, v);
                }
                Value::Object(obj)
            })
            .collect()
    }
}

/// Writes quads as one compact JSON-LD document with the context inlined:
/// default-graph nodes first, then one `{"@id": graph, "@graph": [...]}`
/// per named graph, everything sorted so the same quads give the same
/// bytes.
pub fn write(quads: &[Quad], out: &mut dyn Write) -> Result<()> {
    let c = Compactor {
        prefixes: prefixes(),
        terms: terms()?,
    };
    let mut graphs: BTreeMap<Option<String>, Vec<&Quad>> = BTreeMap::new();
    for q in quads {
        let key = match &q.graph_name {
            GraphName::DefaultGraph => None,
            GraphName::NamedNode(n) => Some(c.iri(n.as_str())),
            GraphName::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        };
        graphs.entry(key).or_default().push(q);
    }
    let mut top: Vec<Value> = Vec::new();
    for (g, qs) in &graphs {
        match g {
            None => top.extend(c.nodes(qs)),
            Some(id) => top.push(json!({"@id": id, "@graph": c.nodes(qs)})),
        }
    }
    let doc = json!({
        "@context": context()?["@context"].clone(),
        "@graph": top,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn n(s: &str) -> NamedNode {
        NamedNode::new(s).unwrap()
    }

    #[test]
    fn keys_are_short_types_are_class_names_and_iris_compact() {
        let iran = n("https://w3id.org/oewg-kg/id/state/IRN");
        let g = n("https://w3id.org/oewg-kg/graph/reference");
        let quads = vec![
            Quad::new(
                iran.clone(),
                n(&format!("{RDF}type")),
                n(&format!("{OEWG}State")),
                g.clone(),
            ),
            Quad::new(
                iran.clone(),
                n(&format!("{RDFS}label")),
                Literal::from("Iran"),
                g.clone(),
            ),
            Quad::new(
                iran.clone(),
                n(&format!("{OWL}sameAs")),
                n("http://www.wikidata.org/entity/Q794"),
                g.clone(),
            ),
            Quad::new(
                iran.clone(),
                n(&format!("{OEWG}supports")),
                n("https://w3id.org/oewg-kg/id/proposal/x"),
                g.clone(),
            ),
        ];
        let mut out = Vec::new();
        write(&quads, &mut out).unwrap();
        let doc: Value = serde_json::from_slice(&out).unwrap();
        let node = &doc["@graph"][0]["@graph"][0];
        assert_eq!(doc["@graph"][0]["@id"], "graph:reference");
        assert_eq!(node["@id"], "id:state/IRN");
        assert_eq!(node["@type"], "State");
        assert_eq!(node["label"], "Iran");
        assert_eq!(node["sameAs"], "wd:Q794");
        assert_eq!(node["supports"], "id:proposal/x");
        assert_eq!(doc["@context"]["supports"]["@type"], "@id");
    }

    #[test]
    fn typed_literals_keep_their_datatype() {
        let s = n("https://w3id.org/oewg-kg/id/document/d/p1");
        let quads = vec![
            Quad::new(
                s.clone(),
                n(&format!("{OEWG}number")),
                Literal::new_typed_literal("1", n(&format!("{XSD}integer"))),
                GraphName::DefaultGraph,
            ),
            Quad::new(
                s.clone(),
                n(&format!("{OEWG}year")),
                Literal::new_typed_literal("2021", n(&format!("{XSD}gYear"))),
                GraphName::DefaultGraph,
            ),
        ];
        let mut out = Vec::new();
        write(&quads, &mut out).unwrap();
        let doc: Value = serde_json::from_slice(&out).unwrap();
        let node = &doc["@graph"][0];
        assert_eq!(node["number"], "1", "coerced by the context");
        assert_eq!(node["year"]["@type"], "xsd:gYear");
    }

    #[test]
    fn the_published_context_file_is_the_generated_one() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/context.jsonld");
        if std::env::var_os("OEWG_KG_BLESS").is_some() {
            std::fs::write(path, context_file().unwrap()).unwrap();
        }
        let file = std::fs::read_to_string(path).expect("ontology/context.jsonld exists");
        assert_eq!(
            file,
            context_file().unwrap(),
            "ontology/context.jsonld is stale: rerun this test with OEWG_KG_BLESS=1"
        );
    }
}
