//! The quads of a graph while it is being mapped: each distinct term stored
//! once, each quad four numbers into that table.
//!
//! A source states the same things many times (its graph IRI in every
//! quad, a subject in a run of quads, `rdf:type` and a few predicates
//! everywhere). Carried as four owned strings each, the quads were built
//! in full, moved about as the list grew, sorted by string comparison and
//! the repeats dropped again (a fifth of extraction). Here a quad costs
//! sixteen bytes; the quads are sorted and deduplicated as numbers, and
//! oxigraph's `Quad`s are built only for the distinct ones, each term
//! moved into its last quad rather than cloned. The ids are not ranked by
//! the terms' text first (that sort was 6% of extraction): the store keeps
//! a set, and the order of first additions is the same for the same
//! facts, on any thread.

use indexmap::IndexSet;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxBuildHasher;

use super::void::GraphTally;

/// Subject, predicate, object and graph, as ids of [`Bag`]'s terms.
type Ids = [u32; 4];

/// Below this many quads a bag is never compacted.
const COMPACT_FROM: usize = 1 << 16;

/// Interned terms and the quads over them, duplicates and all until
/// [`Bag::into_distinct`]: sorting once and dropping the repeats costs less
/// than looking every quad up in a set. A text that states the same thing
/// a thousand times is compacted as it goes, so the repeats never pile up.
#[derive(Default)]
pub(super) struct Bag {
    terms: IndexSet<Term, FxBuildHasher>,
    quads: Vec<Ids>,
    /// The subject looked up last: a subject gets its quads in a run, so
    /// most look-ups need neither a copy of it nor a hash.
    last_subject: Option<u32>,
}

impl Bag {
    /// The id of `t`, a new one the first time.
    pub fn term(&mut self, t: Term) -> u32 {
        let (id, _) = self.terms.insert_full(t);
        u32::try_from(id).expect("fewer than 2^32 terms in one graph")
    }

    /// The id of subject `s`.
    pub fn subject(&mut self, s: &NamedNode) -> u32 {
        if let Some(id) = self.last_subject {
            if matches!(&self.terms[id as usize], Term::NamedNode(n) if n == s) {
                return id;
            }
        }
        let id = self.term(s.clone().into());
        self.last_subject = Some(id);
        id
    }

    /// Adds the quad of ids `q` (subject, predicate, object, graph).
    pub fn add(&mut self, q: Ids) {
        if self.quads.len() >= COMPACT_FROM && self.quads.len() == self.quads.capacity() {
            self.quads.sort_unstable();
            self.quads.dedup();
            // Room for as many again as were distinct.
            self.quads.reserve(self.quads.len());
        }
        self.quads.push(q);
    }

    /// The distinct quads, in the order of their terms' first additions
    /// (subject, predicate, object, graph): the same for the same
    /// additions, so a source maps to the same list on any thread.
    pub fn into_distinct(mut self) -> Vec<Quad> {
        self.dedup();
        build(self.terms, &self.quads)
    }

    /// [`Bag::into_distinct`], with whether each quad is in graph `own`,
    /// and the tallies of graphs `own` and `other` counted from the ids
    /// (see `void::ids`) before the quads are built.
    pub fn into_tallied(mut self, own: u32, other: u32) -> Tallied {
        self.dedup();
        let terms = self.terms.as_slice();
        let tallies = [own, other].map(|g| GraphTally::of_ids(terms, g, &self.quads));
        let in_own = self.quads.iter().map(|q| q[3] == own).collect();
        Tallied {
            quads: build(self.terms, &self.quads),
            in_own,
            tallies,
        }
    }

    /// Sorts the quads and drops the repeats.
    fn dedup(&mut self) {
        self.quads.sort_unstable();
        self.quads.dedup();
    }
}

/// A graph's distinct quads with their tallies ([`Bag::into_tallied`]).
pub(super) struct Tallied {
    pub quads: Vec<Quad>,
    /// Whether each quad is in the graph tallied first.
    pub in_own: Vec<bool>,
    /// The tallies of the two graphs, in the order asked.
    pub tallies: [GraphTally; 2],
}

/// The quads of `ids`, each term moved into its last quad rather than
/// cloned.
fn build(terms: IndexSet<Term, FxBuildHasher>, ids: &[Ids]) -> Vec<Quad> {
    let mut terms: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    let mut uses = vec![0u32; terms.len()];
    for id in ids.iter().flatten() {
        uses[*id as usize] += 1;
    }
    let mut take = |id: u32| -> Term {
        let i = id as usize;
        uses[i] -= 1;
        if uses[i] == 0 {
            terms[i].take()
        } else {
            terms[i].clone()
        }
        .expect("a term is taken at its last use")
    };
    ids.iter()
        .map(|&[s, p, o, g]| {
            Quad::new(
                subject(take(s)),
                predicate(take(p)),
                take(o),
                graph(take(g)),
            )
        })
        .collect()
}

fn subject(t: Term) -> NamedOrBlankNode {
    match t {
        Term::NamedNode(n) => n.into(),
        Term::BlankNode(b) => b.into(),
        _ => unreachable!("subjects are added as IRIs"),
    }
}

fn predicate(t: Term) -> NamedNode {
    match t {
        Term::NamedNode(n) => n,
        _ => unreachable!("predicates are added as IRIs"),
    }
}

fn graph(t: Term) -> GraphName {
    match t {
        Term::NamedNode(n) => n.into(),
        Term::BlankNode(b) => b.into(),
        _ => unreachable!("graphs are added as IRIs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn n(s: &str) -> NamedNode {
        NamedNode::new(format!("https://example.org/{s}")).unwrap()
    }

    fn bag_of(quads: &[Quad]) -> Vec<Quad> {
        let mut bag = Bag::default();
        for q in quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                panic!("named subjects only")
            };
            let GraphName::NamedNode(g) = &q.graph_name else {
                panic!("named graphs only")
            };
            let ids = [
                bag.subject(s),
                bag.term(q.predicate.clone().into()),
                bag.term(q.object.clone()),
                bag.term(g.clone().into()),
            ];
            bag.add(ids);
        }
        bag.into_distinct()
    }

    #[test]
    fn quads_come_out_once_each_the_same_for_the_same_additions() {
        let (g, h) = (GraphName::from(n("g")), GraphName::from(n("h")));
        let quads = vec![
            Quad::new(n("b"), n("p"), Literal::new_simple_literal("x"), g.clone()),
            Quad::new(n("a"), n("p"), n("o"), h.clone()),
            Quad::new(n("a"), n("p"), n("o"), g.clone()),
            Quad::new(
                n("a"),
                n("p"),
                Literal::new_language_tagged_literal("x", "en").unwrap(),
                g.clone(),
            ),
            Quad::new(n("a"), n("p"), n("o"), g.clone()),
            Quad::new(n("a"), n("b"), n("p"), g.clone()),
        ];
        let one = bag_of(&quads);
        assert_eq!(one, bag_of(&quads), "the same additions, the same list");
        assert_eq!(one.len(), 5, "the repeated quad once");
        let set = |q: &[Quad]| q.iter().cloned().collect::<std::collections::HashSet<_>>();
        let reversed: Vec<Quad> = quads.iter().rev().cloned().collect();
        assert_eq!(set(&one), set(&quads));
        assert_eq!(set(&bag_of(&reversed)), set(&one), "whatever the order");
        assert_eq!(
            one[0],
            Quad::new(n("b"), n("p"), Literal::new_simple_literal("x"), g),
            "in the order of the terms' first additions"
        );
    }

    #[test]
    fn a_bag_compacted_on_the_way_holds_the_same_quads() {
        let g = n("g");
        let mut bag = Bag::default();
        let (p, gid) = (bag.term(n("p").into()), bag.term(g.clone().into()));
        for k in 0..3 * COMPACT_FROM {
            let s = bag.subject(&n(&format!("s{}", k % 100)));
            let o = bag.term(Literal::from(k as u64 % 7).into());
            bag.add([s, p, o, gid]);
        }
        assert!(bag.quads.len() < 3 * COMPACT_FROM, "compacted");
        let quads = bag.into_distinct();
        assert_eq!(quads.len(), 700);
        assert!(quads.windows(2).all(|w| w[0] != w[1]));
    }
}
