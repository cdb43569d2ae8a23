//! The dataset's description in VoID and DCAT (`graph/void`): what a
//! crawler, a data catalogue or a federated query planner reads before
//! the data itself. Everything in it is counted from the quads, so the
//! same inputs give the same description.

use super::iri;
use super::vocab::{DCAT, DCTERMS, OEWG, RDF, RDFS, SD, VOID, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeMap;

fn n(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

struct Out {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Out {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p, o.into(), self.graph.clone()));
    }
    fn text(&mut self, s: &NamedNode, p: NamedNode, v: &str) {
        self.add(s, p, Literal::new_simple_literal(v));
    }
    fn count(&mut self, s: &NamedNode, p: &str, v: usize) {
        self.add(
            s,
            n(VOID, p),
            Literal::new_typed_literal(v.to_string(), n(XSD, "integer")),
        );
    }
}

/// Vocabularies the data uses (`void:vocabulary`).
const VOCABULARIES: [&str; 7] = [
    "https://w3id.org/oewg-kg/ontology#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/ns/org#",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/2004/02/skos/core#",
    "http://www.w3.org/2002/07/owl#",
];

/// The description of a dataset made of `quads`.
pub fn description(quads: &[Quad]) -> Vec<Quad> {
    let mut out = Out {
        graph: iri::void_graph().into(),
        quads: Vec::new(),
    };
    let ds = iri::dataset();
    let a = n(RDF, "type");
    out.add(&ds, a.clone(), n(VOID, "Dataset"));
    out.add(&ds, a.clone(), n(DCAT, "Dataset"));
    let title = "oewg-kg: UN negotiations on ICT security as a knowledge graph";
    out.text(&ds, n(RDFS, "label"), title);
    out.text(&ds, n(DCTERMS, "title"), title);
    out.text(&ds, n(DCTERMS, "description"), "States, groups, bodies, resolutions, documents, paragraphs, edit proposals and stances read from reports of the GGEs, the OEWGs and the Programme of Action, each position with the sentence it was read from.");
    for k in ["cyber diplomacy", "OEWG", "ICT security", "United Nations"] {
        out.text(&ds, n(DCAT, "keyword"), k);
    }
    out.text(&ds, n(VOID, "uriSpace"), super::vocab::ID);
    out.add(
        &ds,
        n(VOID, "exampleResource"),
        iri::entity(&crate::mention::Entity::State("IRN".into())),
    );
    for v in VOCABULARIES {
        out.add(&ds, n(VOID, "vocabulary"), NamedNode::new_unchecked(v));
    }
    let triples: HashSet<(&NamedOrBlankNode, &NamedNode, &Term)> = quads
        .iter()
        .map(|q| (&q.subject, &q.predicate, &q.object))
        .collect();
    out.count(&ds, "triples", triples.len());
    let subjects: HashSet<&NamedOrBlankNode> = triples.iter().map(|t| t.0).collect();
    out.count(&ds, "distinctSubjects", subjects.len());
    let properties: HashSet<&NamedNode> = triples.iter().map(|t| t.1).collect();
    out.count(&ds, "properties", properties.len());
    // Named graphs as subsets.
    let mut per_graph: BTreeMap<&str, usize> = BTreeMap::new();
    for q in quads {
        if let GraphName::NamedNode(g) = &q.graph_name {
            *per_graph.entry(g.as_str()).or_default() += 1;
        }
    }
    for (g, count) in &per_graph {
        let name = g.rsplit('/').next().unwrap_or(g);
        let part = iri::dataset_part("graph", name);
        out.add(&ds, n(VOID, "subset"), part.clone());
        out.add(&part, a.clone(), n(VOID, "Dataset"));
        out.text(&part, n(RDFS, "label"), &format!("Named graph {name}"));
        out.add(&part, n(SD, "name"), NamedNode::new_unchecked(*g));
        out.count(&part, "triples", *count);
    }
    // Class partitions for the project's classes.
    let mut per_class: BTreeMap<&str, HashSet<&NamedOrBlankNode>> = BTreeMap::new();
    for (s, p, o) in &triples {
        if p.as_str() == a.as_str() {
            if let Term::NamedNode(c) = o {
                if c.as_str().starts_with(OEWG) {
                    per_class.entry(c.as_str()).or_default().insert(s);
                }
            }
        }
    }
    out.count(&ds, "classes", per_class.len());
    for (class, members) in &per_class {
        let local = class.trim_start_matches(OEWG);
        let part = iri::dataset_part("class", local);
        out.add(&ds, n(VOID, "classPartition"), part.clone());
        out.text(
            &part,
            n(RDFS, "label"),
            &format!("Resources of class {local}"),
        );
        out.add(&part, n(VOID, "class"), NamedNode::new_unchecked(*class));
        out.count(&part, "entities", members.len());
    }
    out.quads
}

/// Replaces the description among `quads` with a fresh one (after loaded
/// graphs were added or replaced).
pub fn refresh(quads: &mut Vec<Quad>) {
    let void: GraphName = iri::void_graph().into();
    quads.retain(|q| q.graph_name != void);
    let d = description(quads);
    quads.extend(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_come_from_the_quads() {
        let g = NamedNode::new_unchecked("https://w3id.org/oewg-kg/graph/x");
        let s = iri::entity(&crate::mention::Entity::State("IRN".into()));
        let quads = vec![
            Quad::new(s.clone(), n(RDF, "type"), n(OEWG, "State"), g.clone()),
            Quad::new(
                s.clone(),
                n(RDFS, "label"),
                Literal::from("Iran"),
                g.clone(),
            ),
        ];
        let d = description(&quads);
        let text: Vec<String> = d.iter().map(|q| q.to_string()).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("void#triples> \"2\"^^"));
        assert!(has(
            "dataset/graph/x> <http://www.w3.org/ns/sparql-service-description#name>"
        ));
        assert!(has("void#entities> \"1\"^^"));
        assert_eq!(d, description(&quads), "deterministic");
    }
}
