//! Pictures of the negotiation: views assembled from SPARQL answers into a
//! petgraph graph, written as Graphviz DOT (through `petgraph::dot`), as SVG
//! (through the `dot` program) or as Gephi/Cytoscape node and edge tables.

mod agreement;
mod exchange;
mod render;
mod views;

pub use exchange::{write_gexf, write_graphml};
pub use render::{write_csv, write_dot, write_svg, Clustering};
pub use views::{around, build, construct, View};

use std::collections::BTreeMap;

/// A node of a view, keyed by IRI.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub iri: String,
    pub label: String,
    /// Local name of its `oewg:` class ("State", "EditProposal", …).
    pub class: String,
    /// Source graph it comes from (for clustering by source).
    pub source: Option<String>,
    /// For edit proposals: the judged outcome's local name.
    pub outcome: Option<String>,
}

/// An edge, aggregated: parallel edges of one relation add their weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub source: String,
    pub target: String,
    /// Relation name ("supports", "opposes", "establishedBy", …).
    pub relation: String,
    pub weight: u32,
}

/// A view before rendering: nodes and aggregated edges in sorted maps, so
/// the same store always gives the same picture.
#[derive(Debug, Clone, Default)]
pub struct ViewGraph {
    pub title: String,
    /// Graphviz layout engine (`dot` for flows, `fdp` for networks of peers).
    pub layout: &'static str,
    pub nodes: BTreeMap<String, Node>,
    pub edges: BTreeMap<(String, String, String), Edge>,
    /// Cluster names by node IRI, drawn when no `--cluster` is asked for
    /// (the voting blocs of the votes view).
    pub blocs: BTreeMap<String, String>,
}

impl ViewGraph {
    pub fn node(&mut self, n: Node) {
        self.nodes.entry(n.iri.clone()).or_insert(n);
    }

    /// Adds an edge or adds `weight` to an existing one.
    pub fn edge(&mut self, source: &str, target: &str, relation: &str, weight: u32) {
        self.edges
            .entry((source.to_string(), target.to_string(), relation.to_string()))
            .and_modify(|e| e.weight += weight)
            .or_insert(Edge {
                source: source.to_string(),
                target: target.to_string(),
                relation: relation.to_string(),
                weight,
            });
    }

    /// Drops edges whose ends are not nodes.
    pub fn prune(&mut self) {
        let nodes = &self.nodes;
        self.edges
            .retain(|_, e| nodes.contains_key(&e.source) && nodes.contains_key(&e.target));
    }

    /// Keeps the `limit` nodes with the heaviest weighted degree (ties by
    /// IRI), and the edges among them.
    pub fn limit(&mut self, limit: usize) {
        if self.nodes.len() <= limit {
            return;
        }
        let mut degree: BTreeMap<&str, u32> = self.nodes.keys().map(|k| (k.as_str(), 0)).collect();
        for e in self.edges.values() {
            *degree.entry(&e.source).or_default() += e.weight;
            *degree.entry(&e.target).or_default() += e.weight;
        }
        let mut ranked: Vec<(&str, u32)> = degree.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let keep: std::collections::BTreeSet<String> = ranked
            .into_iter()
            .take(limit)
            .map(|(k, _)| k.to_string())
            .collect();
        self.nodes.retain(|k, _| keep.contains(k));
        self.prune();
    }

    /// The petgraph graph of the view, nodes in IRI order.
    pub fn to_petgraph(&self) -> petgraph::Graph<Node, Edge> {
        let mut g = petgraph::Graph::new();
        let mut index = BTreeMap::new();
        for (iri, n) in &self.nodes {
            index.insert(iri.clone(), g.add_node(n.clone()));
        }
        for e in self.edges.values() {
            if let (Some(&a), Some(&b)) = (index.get(&e.source), index.get(&e.target)) {
                g.add_edge(a, b, e.clone());
            }
        }
        g
    }
}

// `petgraph::dot::Dot` needs `Display` weights even when labels come from
// the attribute getters.
impl std::fmt::Display for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

impl std::fmt::Display for Edge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.relation)
    }
}
