//! The views: each is a few SPARQL queries whose answers become nodes and
//! aggregated edges of a [`ViewGraph`].

use super::{agreement, Node, ViewGraph};
use crate::output::query::{self, QueryText};
use anyhow::{bail, Result};
use oxigraph::model::Term;
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// The named views of `oewg-kg graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// States and groups, linked by how often one backs the other's proposals
    /// or both take the same side.
    Alignment,
    /// Actor → edit proposal → draft paragraph, with supporters and opponents.
    Proposals,
    /// Resolutions → bodies → documents, and versions of documents.
    Framework,
    /// States placed by how often they vote alike in recorded votes, with
    /// voting blocs as clusters.
    Votes,
}

fn run(store: &Store, name: &str, text: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let q = QueryText {
        origin: format!("graph view ({name})"),
        text: text.to_string(),
    };
    Ok(query::select(store, &q)?.1)
}

fn iri(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn num(t: &Option<Term>) -> u32 {
    match t {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(1),
        _ => 1,
    }
}

static PARAGRAPH_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(.*?)(?: of the .*)?, paragraph (\d+)$").unwrap()
});
static PROPOSAL_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(.*?): (\w+) \((.*?)(?: of the [^)]*\)?)?(?: paragraphs? ([\d, ]+))?\)?$")
        .unwrap()
});

/// Labels short enough for a picture: "First Draft ¶12", "Iran: DeleteText
/// (First Draft ¶3)". The full label stays in the CSV tables' tooltips.
fn short_label(label: &str) -> String {
    if let Some(c) = PARAGRAPH_LABEL.captures(label) {
        return format!("{} ¶{}", &c[1], &c[2]);
    }
    if let Some(c) = PROPOSAL_LABEL.captures(label) {
        let place = match c.get(4) {
            Some(n) => format!("{} ¶{}", &c[3], n.as_str().replace(' ', "")),
            None => c[3].to_string(),
        };
        return format!("{}: {} ({})", &c[1], &c[2], place.trim());
    }
    label.to_string()
}

/// Labels, classes, source graphs and outcomes of the given nodes.
fn describe(store: &Store, g: &mut ViewGraph, iris: &BTreeSet<String>) -> Result<()> {
    for chunk in iris.iter().collect::<Vec<_>>().chunks(200) {
        let values: String = chunk.iter().map(|i| format!("<{i}> ")).collect();
        let rows = run(
            store,
            "describe",
            &format!(
                "SELECT ?n ?label ?class ?g ?outcome WHERE {{
                   VALUES ?n {{ {values} }}
                   OPTIONAL {{ ?n rdfs:label ?label }}
                   OPTIONAL {{ GRAPH ?g {{ ?n a ?class }}
                     FILTER(STRSTARTS(STR(?class), STR(oewg:)) && ?class != oewg:Actor && ?class != oewg:Proposal) }}
                   OPTIONAL {{ ?n oewg:outcome ?o BIND(STRAFTER(STR(?o), \"#\") AS ?outcome) }}
                 }}"
            ),
        )?;
        let mut best: BTreeMap<String, Node> = BTreeMap::new();
        for r in rows {
            let Some(n) = iri(&r[0]) else { continue };
            let label = match &r[1] {
                Some(Term::Literal(l)) => short_label(l.value()),
                _ => n.rsplit(['/', '#']).next().unwrap_or(&n).to_string(),
            };
            let class = iri(&r[2])
                .map(|c| c.rsplit('#').next().unwrap_or("").to_string())
                .unwrap_or_else(|| "Other".into());
            let source = iri(&r[3]).map(|s| s.rsplit('/').next().unwrap_or("").to_string());
            let outcome = match &r[4] {
                Some(Term::Literal(l)) => Some(l.value().to_string()),
                _ => None,
            };
            let node = Node {
                iri: n.clone(),
                label,
                class,
                source,
                outcome,
            };
            // Several rows per node (a type asserted in two graphs): prefer a
            // known class, then the smallest (class, source) — deterministic.
            let key = |x: &Node| (x.class == "Other", x.class.clone(), x.source.clone());
            let replace = best.get(&n).is_none_or(|old| key(&node) < key(old));
            if replace {
                best.insert(n, node);
            }
        }
        for (_, n) in best {
            g.node(n);
        }
    }
    Ok(())
}

fn finish(store: &Store, mut g: ViewGraph) -> Result<ViewGraph> {
    let iris: BTreeSet<String> = g
        .edges
        .values()
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .collect();
    describe(store, &mut g, &iris)?;
    g.prune();
    Ok(g)
}

/// Builds a named view.
pub fn build(store: &Store, view: View) -> Result<ViewGraph> {
    let mut g = ViewGraph::default();
    match view {
        View::Alignment => {
            g.title = "Who lines up with whom".into();
            g.layout = "fdp";
            for (rel, q) in [
                ("backs", "SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?w) WHERE {
                    ?a oewg:supports ?e ; oewg:code ?ac . ?e a oewg:EditProposal ; oewg:proposedBy ?b . ?b oewg:code ?bc .
                    FILTER(?a != ?b) } GROUP BY ?a ?b"),
                ("opposes", "SELECT ?a ?b (COUNT(DISTINCT ?e) AS ?w) WHERE {
                    ?a oewg:opposes ?e ; oewg:code ?ac . ?e a oewg:EditProposal ; oewg:proposedBy ?b . ?b oewg:code ?bc .
                    FILTER(?a != ?b) } GROUP BY ?a ?b"),
                ("sides with", "SELECT ?a ?b (COUNT(DISTINCT ?t) AS ?w) WHERE {
                    { ?a oewg:supports ?t . ?b oewg:supports ?t } UNION { ?a oewg:opposes ?t . ?b oewg:opposes ?t }
                    ?a oewg:code ?ac . ?b oewg:code ?bc . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"),
            ] {
                for r in run(store, rel, q)? {
                    if let (Some(a), Some(b)) = (iri(&r[0]), iri(&r[1])) {
                        g.edge(&a, &b, rel, num(&r[2]));
                    }
                }
            }
        }
        View::Proposals => {
            g.title = "Edit proposals: who proposed, who backed, who objected".into();
            for (rel, q, rev) in [
                (
                    "proposes",
                    "SELECT ?a ?e WHERE { ?e a oewg:EditProposal ; oewg:proposedBy ?a }",
                    false,
                ),
                (
                    "targets",
                    "SELECT ?e ?p WHERE { ?e a oewg:EditProposal ; oewg:targets ?p }",
                    false,
                ),
                (
                    "supports",
                    "SELECT ?a ?e WHERE { ?e a oewg:EditProposal . ?a oewg:supports ?e }",
                    false,
                ),
                (
                    "opposes",
                    "SELECT ?a ?e WHERE { ?e a oewg:EditProposal . ?a oewg:opposes ?e }",
                    false,
                ),
            ] {
                for r in run(store, rel, q)? {
                    if let (Some(a), Some(b)) = (iri(&r[0]), iri(&r[1])) {
                        if rev {
                            g.edge(&b, &a, rel, 1);
                        } else {
                            g.edge(&a, &b, rel, 1);
                        }
                    }
                }
            }
        }
        View::Framework => {
            // Citations are left to `around` and `--construct`: drawn here,
            // they run back against the flow and bury it.
            g.title = "Resolutions, bodies and documents".into();
            for (rel, q) in [
                ("establishes", "SELECT DISTINCT ?r ?b WHERE { ?b a oewg:Body ; oewg:establishedBy ?r }"),
                ("produces", "SELECT DISTINCT ?b ?d WHERE { ?d a oewg:Document ; prov:wasAttributedTo ?b . ?b a oewg:Body }"),
                ("next version", "SELECT DISTINCT ?earlier ?later WHERE { ?later oewg:laterVersionOf ?earlier }"),
            ] {
                for r in run(store, rel, q)? {
                    if let (Some(a), Some(b)) = (iri(&r[0]), iri(&r[1])) {
                        let w = if r.len() > 2 { num(&r[2]) } else { 1 };
                        g.edge(&a, &b, rel, w);
                    }
                }
            }
        }
        View::Votes => return votes(store),
    }
    finish(store, g)
}

/// The votes view: each state linked to its closest voting partners (edge
/// width: votes cast alike), blocs of states that vote alike as clusters.
fn votes(store: &Store) -> Result<ViewGraph> {
    let mut g = ViewGraph {
        title: "Who votes with whom".into(),
        layout: "fdp",
        ..Default::default()
    };
    let rows: Vec<(String, String, String)> = run(
        store,
        "votes",
        // A state's vote on a text, however many sources report it (a vote
        // whose text no source names stands for itself).
        "SELECT DISTINCT ?text ?s ?c WHERE { ?v a oewg:Vote ; oewg:inRecordedVote ?rv ; oewg:voter ?s ; oewg:voteCast ?c . OPTIONAL { ?rv oewg:votedOn ?on } BIND(COALESCE(?on, ?rv) AS ?text) }",
    )?
    .iter()
    .filter_map(|r| Some((iri(&r[0])?, iri(&r[1])?, iri(&r[2])?)))
    .collect();
    let pairs = agreement::pairs(&rows);
    for ((a, b), w) in agreement::partner_edges(&pairs) {
        g.edge(&a, &b, "votes with", w);
    }
    let blocs = agreement::blocs(&pairs);
    // Every state that voted is drawn, with or without close partners.
    let states: BTreeSet<String> = rows.iter().map(|r| r.1.clone()).collect();
    if states.is_empty() {
        bail!("the store holds no recorded votes (oewg:Vote) to draw; build it from reports that give votes");
    }
    describe(store, &mut g, &states)?;
    let sizes = blocs
        .values()
        .fold(BTreeMap::new(), |mut m: BTreeMap<usize, usize>, b| {
            *m.entry(*b).or_default() += 1;
            m
        });
    g.blocs = blocs
        .into_iter()
        .map(|(s, b)| (s, format!("Voting bloc {b} ({} states)", sizes[&b])))
        .collect();
    g.prune();
    Ok(g)
}

/// Predicates left out of neighbourhoods: types become colours, and the
/// evidence machinery would bury the picture.
const SKIP: [&str; 6] = [
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2002/07/owl#sameAs",
    "https://w3id.org/oewg-kg/ontology#evidence",
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://www.w3.org/2000/01/rdf-schema#domain",
    "http://www.w3.org/2000/01/rdf-schema#range",
];

fn local(p: &str) -> String {
    p.rsplit(['#', '/']).next().unwrap_or(p).to_string()
}

/// The neighbourhood of a resource, `depth` links out, at most `cap` nodes.
pub fn around(store: &Store, start: &str, depth: usize, cap: usize) -> Result<ViewGraph> {
    if oxigraph::model::NamedNode::new(start).is_err() {
        bail!("{start:?} is not an IRI; give a full IRI such as https://w3id.org/oewg-kg/id/state/IRN");
    }
    let mut g = ViewGraph {
        title: format!("Around {}", start.rsplit('/').next().unwrap_or(start)),
        ..Default::default()
    };
    let mut seen: BTreeSet<String> = BTreeSet::from([start.to_string()]);
    let mut frontier = vec![start.to_string()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for x in &frontier {
            let rows = run(
                store,
                "around",
                &format!(
                    "SELECT DISTINCT ?s ?p ?o WHERE {{
                       {{ BIND(<{x}> AS ?s) ?s ?p ?o }} UNION {{ BIND(<{x}> AS ?o) ?s ?p ?o }}
                       FILTER(isIRI(?s) && isIRI(?o)) }} ORDER BY ?s ?p ?o"
                ),
            )?;
            for r in rows {
                let (Some(s), Some(p), Some(o)) = (iri(&r[0]), iri(&r[1]), iri(&r[2])) else {
                    continue;
                };
                // Ontology terms as objects only where they carry meaning
                // (the action, stance or outcome of a proposal).
                let vocab_object = o.starts_with(crate::quad::vocab::OEWG);
                let meaningful = ["#action", "#stance", "#outcome"]
                    .iter()
                    .any(|x| p.ends_with(x));
                // A stance's link back to its actor duplicates the actor's
                // supports/opposes edge; follow it only from the stance.
                let stance_echo = p.ends_with("#actor") && &o == x;
                if SKIP.contains(&p.as_str()) || (vocab_object && !meaningful) || stance_echo {
                    continue;
                }
                for n in [&s, &o] {
                    if seen.len() < cap && seen.insert(n.clone()) {
                        next.push(n.clone());
                    }
                }
                if seen.contains(&s) && seen.contains(&o) {
                    g.edge(&s, &o, &local(&p), 1);
                }
            }
        }
        frontier = next;
    }
    if g.edges.is_empty() {
        bail!("nothing in the store links to or from {start}");
    }
    finish(store, g)
}

/// A picture of any CONSTRUCT query: IRI-to-IRI triples become edges
/// labelled with the predicate's local name.
pub fn construct(store: &Store, q: &QueryText) -> Result<ViewGraph> {
    let triples = query::construct(store, q)?;
    let mut g = ViewGraph {
        title: q.origin.clone(),
        ..Default::default()
    };
    for t in triples {
        if let (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) =
            (&t.subject, &t.object)
        {
            g.edge(s.as_str(), o.as_str(), &local(t.predicate.as_str()), 1);
        }
    }
    if g.edges.is_empty() {
        bail!(
            "{}: the CONSTRUCT gives no triple between two IRIs to draw",
            q.origin
        );
    }
    finish(store, g)
}
