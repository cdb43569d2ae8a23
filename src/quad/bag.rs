//! The quads of a graph while it is being mapped: each distinct term stored
//! once, each quad four numbers into that table.
//!
//! A source states the same things many times (its graph IRI in every
//! quad, a subject in a run of quads, `rdf:type` and a few predicates
//! everywhere). Carried as four owned strings each, the quads were built
//! in full, moved about as the list grew, sorted by string comparison and
//! the repeats dropped again (a fifth of extraction). Here a quad costs
//! sixteen bytes; the terms are ranked once, the quads sorted and
//! deduplicated as numbers, and oxigraph's `Quad`s are built only for the
//! distinct ones, each term moved into its last quad rather than cloned.

use super::offsets::term_order;
use indexmap::IndexSet;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxBuildHasher;

/// Subject, predicate, object and graph, as ids of [`Bag`]'s terms.
type Ids = [u32; 4];

/// Below this many quads a bag is never compacted.
const COMPACT_FROM: usize = 1 << 16;

/// Interned terms and the quads over them, duplicates and all until
/// [`Bag::into_sorted`]: sorting once and dropping the repeats costs less
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

    /// The distinct quads, by subject, predicate, object and graph in
    /// [`term_order`], whatever order they were added in.
    pub fn into_sorted(self) -> Vec<Quad> {
        let Self {
            terms, mut quads, ..
        } = self;
        let terms: Vec<Term> = terms.into_iter().collect();
        // Ids renumbered in term order: sorting the numbers sorts the quads.
        let mut by_rank: Vec<u32> = (0..terms.len() as u32).collect();
        by_rank.sort_unstable_by(|&a, &b| term_order(&terms[a as usize], &terms[b as usize]));
        let mut rank = vec![0u32; terms.len()];
        for (r, &id) in by_rank.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        for q in &mut quads {
            for id in q.iter_mut() {
                *id = rank[*id as usize];
            }
        }
        quads.sort_unstable();
        quads.dedup();
        let mut terms: Vec<Option<Term>> = {
            let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
            by_rank
                .iter()
                .map(|&id| slots[id as usize].take())
                .collect()
        };
        let mut uses = vec![0u32; terms.len()];
        for id in quads.iter().flatten() {
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
        quads
            .iter()
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
        bag.into_sorted()
    }

    #[test]
    fn quads_come_out_once_each_in_one_order_whatever_they_arrived_in() {
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
        let reversed: Vec<Quad> = quads.iter().rev().cloned().collect();
        assert_eq!(one, bag_of(&reversed));
        assert_eq!(
            one,
            [
                Quad::new(n("a"), n("b"), n("p"), g.clone()),
                Quad::new(n("a"), n("p"), n("o"), g.clone()),
                Quad::new(n("a"), n("p"), n("o"), h),
                Quad::new(
                    n("a"),
                    n("p"),
                    Literal::new_language_tagged_literal("x", "en").unwrap(),
                    g.clone(),
                ),
                Quad::new(n("b"), n("p"), Literal::new_simple_literal("x"), g),
            ],
            "subject, predicate, object (IRIs before literals), graph"
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
        let quads = bag.into_sorted();
        assert_eq!(quads.len(), 700);
        assert!(quads.windows(2).all(|w| w[0] != w[1]));
    }
}
