//! The dataset's description in VoID and DCAT (`graph/void`): what a
//! crawler, a data catalogue or a federated query planner reads before
//! the data itself. Everything in it is counted from the quads, so the
//! same inputs give the same description.

use super::iri;
use super::vocab::{DCAT, DCTERMS, OEWG, RDF, RDFS, SD, VOID, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

mod ids;

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

/// What one named graph adds to the dataset's description, counted while
/// its quads pass by, so a build never holds the whole dataset to describe
/// it, and a rebuild can reuse the tallies of the graphs it keeps.
///
/// Triples and subjects minted for one source ([`iri::is_minted_per_source`])
/// are counted in that source's graph only: no other graph states them
/// (the alignment graph adds outcomes to proposals, counted as triples; a
/// subject minted per source counts as a subject, and a class member, only
/// in its source's graph).
/// Every other triple, subject and class member may recur in many graphs
/// (a paragraph every report quotes), so it is remembered by a 64-bit
/// content hash and counted once across graphs: the counts are exact as
/// long as no two of them share a hash (with a million of them, a chance
/// of about 3 in 10^8).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphTally {
    /// The graph's IRI (empty for the default graph).
    pub graph: String,
    pub quads: u64,
    owned_triples: u64,
    owned_subjects: u64,
    /// Per `oewg:` class, members minted for this source.
    owned_members: BTreeMap<String, u64>,
    /// Sorted, without repeats.
    shared_triples: Vec<u64>,
    shared_subjects: Vec<u64>,
    shared_members: BTreeMap<String, Vec<u64>>,
    /// Hashes of the predicates (a corpus has a few dozen; every source
    /// uses most of them, so names would weigh more than the rest).
    properties: Vec<u64>,
}

/// A 64-bit content hash of terms (SHA-256 cut short: stable across
/// builds and compilers, so tallies kept in the store stay comparable).
fn hash64(parts: &[&str]) -> u64 {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let d = h.finalize();
    u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
}

fn subject_str(s: &NamedOrBlankNode) -> (&str, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => ("<", n.as_str()),
        NamedOrBlankNode::BlankNode(b) => ("_:", b.as_str()),
    }
}

/// The hash a tally remembers a triple by.
pub fn triple_hash(q: &Quad) -> u64 {
    let (sk, s) = subject_str(&q.subject);
    hash_of_triple(sk, s, q.predicate.as_str(), &q.object)
}

/// [`triple_hash`] of a subject given as its kind (`<` or `_:`) and text.
fn hash_of_triple(sk: &str, s: &str, p: &str, o: &Term) -> u64 {
    let object = match o {
        Term::NamedNode(n) => return hash64(&[sk, s, p, "<", n.as_str()]),
        Term::BlankNode(b) => return hash64(&[sk, s, p, "_:", b.as_str()]),
        Term::Literal(l) => l,
        #[allow(unreachable_patterns)]
        other => return hash64(&[sk, s, p, "t", &other.to_string()]),
    };
    let (kind, extra) = match object.language() {
        Some(lang) => ("@", lang),
        None => ("^", object.datatype().as_str()),
    };
    hash64(&[sk, s, p, kind, extra, object.value()])
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

impl GraphTally {
    /// Adds `other`, a part of the same graph counted separately (its
    /// triples are counted once with this part's).
    pub fn merge(&mut self, other: GraphTally) {
        // Both sorted: merged in one pass.
        let union = |a: &mut Vec<u64>, b: Vec<u64>| {
            let mut out = Vec::with_capacity(a.len() + b.len());
            let (mut i, mut j) = (0, 0);
            while i < a.len() || j < b.len() {
                let next = match (a.get(i), b.get(j)) {
                    (Some(&x), Some(&y)) if x <= y => {
                        i += 1;
                        j += usize::from(x == y);
                        x
                    }
                    (_, Some(&y)) => {
                        j += 1;
                        y
                    }
                    (Some(&x), None) => {
                        i += 1;
                        x
                    }
                    (None, None) => break,
                };
                out.push(next);
            }
            *a = out;
        };
        self.owned_triples += other.owned_triples;
        self.owned_subjects += other.owned_subjects;
        for (c, n) in other.owned_members {
            *self.owned_members.entry(c).or_default() += n;
        }
        union(&mut self.shared_triples, other.shared_triples);
        union(&mut self.shared_subjects, other.shared_subjects);
        union(&mut self.properties, other.properties);
        for (c, v) in other.shared_members {
            union(self.shared_members.entry(c).or_default(), v);
        }
        self.quads = self.owned_triples + self.shared_triples.len() as u64;
    }

    /// The hashes of the triples not minted for one source, sorted.
    pub fn shared_triples(&self) -> &[u64] {
        &self.shared_triples
    }

    /// Counts the quads of one graph (`quads` may hold each quad once or
    /// more; repeats count once).
    pub fn of<'a>(graph: &GraphName, quads: impl IntoIterator<Item = &'a Quad>) -> Self {
        let mut seen: HashSet<&Quad> = HashSet::default();
        Self::of_distinct(graph, quads.into_iter().filter(move |q| seen.insert(*q)))
    }

    /// [`GraphTally::of`] for quads known to be distinct (a source's
    /// mapping is deduplicated): no set to drop repeats, which hashed every
    /// quad of the corpus once more.
    pub fn of_distinct<'a>(graph: &GraphName, quads: impl IntoIterator<Item = &'a Quad>) -> Self {
        let name = match graph {
            GraphName::NamedNode(g) => g.as_str().to_string(),
            GraphName::BlankNode(b) => format!("_:{}", b.as_str()),
            GraphName::DefaultGraph => String::new(),
        };
        let per_source = iri::is_source_graph(&name);
        let rdf_type = n(RDF, "type");
        let mut owned_subjects: HashSet<&str> = HashSet::default();
        let mut predicates: HashSet<&str> = HashSet::default();
        let mut t = GraphTally {
            graph: name,
            ..Default::default()
        };
        let (mut triples, mut subjects) = (Vec::new(), Vec::new());
        let mut members: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for q in quads {
            t.quads += 1;
            if predicates.insert(q.predicate.as_str()) {
                t.properties.push(hash64(&[q.predicate.as_str()]));
            }
            let (sk, s) = subject_str(&q.subject);
            let owned = per_source && sk == "<" && iri::is_minted_per_source(s);
            let class = match &q.object {
                Term::NamedNode(c) if q.predicate == rdf_type && c.as_str().starts_with(OEWG) => {
                    Some(c.as_str())
                }
                _ => None,
            };
            if owned {
                t.owned_triples += 1;
                if owned_subjects.insert(s) {
                    t.owned_subjects += 1;
                }
                if let Some(c) = class {
                    *t.owned_members.entry(c.to_string()).or_default() += 1;
                }
            } else if sk == "<" && iri::is_minted_per_source(s) {
                // About a subject of some source's own (an outcome in the
                // alignment graph): the subject is counted in that graph.
                triples.push(triple_hash(q));
            } else {
                triples.push(triple_hash(q));
                let sh = hash64(&[sk, s]);
                subjects.push(sh);
                if let Some(c) = class {
                    members.entry(c.to_string()).or_default().push(sh);
                }
            }
        }
        t.finish_shared(triples, subjects, members);
        t
    }

    /// Sorts what was tallied of the shared graph into the tally; the same
    /// for quads and for term ids (`ids`).
    fn finish_shared(
        &mut self,
        triples: Vec<u64>,
        subjects: Vec<u64>,
        members: BTreeMap<String, Vec<u64>>,
    ) {
        self.properties.sort_unstable();
        self.shared_triples = sorted(triples);
        self.shared_subjects = sorted(subjects);
        self.shared_members = members.into_iter().map(|(c, v)| (c, sorted(v))).collect();
    }
}

/// The description of a dataset made of `quads`.
pub fn description(quads: &[Quad]) -> Vec<Quad> {
    let mut by_graph: rustc_hash::FxHashMap<&GraphName, Vec<&Quad>> = Default::default();
    for q in quads {
        by_graph.entry(&q.graph_name).or_default().push(q);
    }
    let tallies: Vec<GraphTally> = by_graph
        .into_iter()
        .map(|(g, qs)| GraphTally::of(g, qs))
        .collect();
    describe(&tallies.iter().collect::<Vec<_>>())
}

/// Counts across graphs: the minted-per-source ones summed, the others
/// merged.
///
/// The shared lists are each sorted: they are merged (smallest first, by
/// a heap of one cursor per list) and counted as they pass, never copied
/// into one list (for a 1 GB corpus that copy would weigh hundreds of MB).
fn distinct(owned: u64, shared: Vec<&[u64]>) -> usize {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut heap: BinaryHeap<Reverse<(u64, usize, usize)>> = shared
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.first().map(|&h| Reverse((h, i, 0))))
        .collect();
    let mut count = 0;
    let mut last = None;
    while let Some(Reverse((h, i, at))) = heap.pop() {
        if last != Some(h) {
            count += 1;
            last = Some(h);
        }
        if let Some(&next) = shared[i].get(at + 1) {
            heap.push(Reverse((next, i, at + 1)));
        }
    }
    owned as usize + count
}

/// Quads per named graph. A graph may come in parts (the shared graph,
/// one part per source): its triples are counted once.
fn per_graph<'a>(tallies: &[&'a GraphTally]) -> BTreeMap<&'a str, usize> {
    let mut parts: BTreeMap<&str, Vec<&GraphTally>> = BTreeMap::new();
    for t in tallies.iter().filter(|t| t.graph.starts_with("http")) {
        parts.entry(t.graph.as_str()).or_default().push(t);
    }
    parts
        .into_iter()
        .map(|(g, ts)| {
            let owned = ts.iter().map(|t| t.owned_triples).sum();
            let shared = ts.iter().map(|t| t.shared_triples.as_slice()).collect();
            (g, distinct(owned, shared))
        })
        .collect()
}

/// The number of quads in the named graphs `tallies` counted.
pub fn quads_in(tallies: &[&GraphTally]) -> usize {
    per_graph(tallies).values().sum()
}

/// The description of a dataset made of the graphs `tallies` counted.
pub fn describe(tallies: &[&GraphTally]) -> Vec<Quad> {
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
    let triples = distinct(
        tallies.iter().map(|t| t.owned_triples).sum(),
        tallies
            .iter()
            .map(|t| t.shared_triples.as_slice())
            .collect(),
    );
    out.count(&ds, "triples", triples);
    let subjects = distinct(
        tallies.iter().map(|t| t.owned_subjects).sum(),
        tallies
            .iter()
            .map(|t| t.shared_subjects.as_slice())
            .collect(),
    );
    out.count(&ds, "distinctSubjects", subjects);
    let properties = distinct(0, tallies.iter().map(|t| t.properties.as_slice()).collect());
    out.count(&ds, "properties", properties);
    let per_graph = per_graph(tallies);
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
    let classes: BTreeSet<&str> = tallies
        .iter()
        .flat_map(|t| t.owned_members.keys().chain(t.shared_members.keys()))
        .map(String::as_str)
        .collect();
    let per_class: BTreeMap<&str, usize> = classes
        .into_iter()
        .map(|c| {
            let owned = tallies.iter().filter_map(|t| t.owned_members.get(c)).sum();
            let shared = tallies
                .iter()
                .filter_map(|t| t.shared_members.get(c).map(Vec::as_slice))
                .collect();
            (c, distinct(owned, shared))
        })
        .collect();
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
        out.count(&part, "entities", *members);
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
    fn a_graph_counted_in_parts_counts_each_triple_once() {
        let g: GraphName = NamedNode::new_unchecked("https://w3id.org/oewg-kg/graph/shared").into();
        let s = iri::entity(&crate::mention::Entity::State("IRN".into()));
        let q = |o: &str| Quad::new(s.clone(), n(RDFS, "label"), Literal::from(o), g.clone());
        let (a, b, c) = (q("a"), q("b"), q("c"));
        let mut parts = GraphTally::of(&g, [&a, &b]);
        parts.merge(GraphTally::of(&g, [&b, &c]));
        assert_eq!(parts, GraphTally::of(&g, [&a, &b, &c]));
    }

    #[test]
    fn sorted_lists_are_counted_once_across_lists() {
        assert_eq!(distinct(2, vec![&[1, 3, 5], &[], &[2, 3], &[5, 9]]), 2 + 5);
        assert_eq!(distinct(0, vec![]), 0);
    }

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
