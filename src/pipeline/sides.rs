//! Stance agreement, counted once per build: for every two actors with a
//! code (states and groups), on how many targets (policy proposals, bodies,
//! edit proposals) both took the same side. Like the voting agreement it
//! looks across sources, so it runs on the records: pairing every two
//! actors that took a side on a same target in a query handles millions of
//! rows on a corpus of ten thousand reports (1.7 M at 100 MB); here they
//! are handled once in memory, and one node per pair is stored.

use super::agreement::Grid;
use super::SourceRecord;
use crate::mention::Entity;
use crate::quad::{iri, terms, StanceAgreement};
use crate::reference::Reference;
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One side an actor with a code takes on a target, as a source's graph
/// states it (`oewg:supports` or `oewg:opposes`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Side {
    /// The target's IRI, as the first 64 bits of its SHA-256: most targets
    /// are edit proposals, whose IRIs are long, and every record keeps its
    /// sides until the end of the build. Two of a million targets share a
    /// key with a probability of about 3 in 10⁸.
    pub target: u64,
    pub opposes: bool,
    /// The actor's IRI (a code can name both a state and a group: NAM).
    pub actor: String,
}

/// [`actors`], made once per reference ([`Reference::derived`]): made
/// for every source, it was 2% of extraction.
pub struct Actors(pub HashMap<String, Entity>);

impl Actors {
    pub fn new(reference: &Reference) -> Self {
        Self(actors(reference))
    }
}

/// The states and groups (the actors with a code), by IRI.
pub fn actors(reference: &Reference) -> HashMap<String, Entity> {
    let states = reference
        .states
        .iter()
        .map(|s| Entity::State(s.code.clone()));
    let groups = reference
        .groups
        .iter()
        .map(|g| Entity::Group(g.code.clone()));
    states
        .chain(groups)
        .map(|e| (iri::entity(&e).into_string(), e))
        .collect()
}

/// The code of a state or group.
fn code(e: &Entity) -> &str {
    match e {
        Entity::State(c) | Entity::Group(c) => c,
        _ => "",
    }
}

impl Side {
    /// The sides among `quads` (one source's graph) of the `actors`,
    /// sorted, each once.
    pub fn of(quads: &[&Quad], actors: &HashMap<String, Entity>) -> Vec<Side> {
        let (supports, opposes) = (terms::o("supports"), terms::o("opposes"));
        let mut out = BTreeSet::new();
        for q in quads {
            let opposes = if q.predicate == opposes {
                true
            } else if q.predicate == supports {
                false
            } else {
                continue;
            };
            let NamedOrBlankNode::NamedNode(actor) = &q.subject else {
                continue;
            };
            if !actors.contains_key(actor.as_str()) {
                continue;
            }
            let target = match &q.object {
                Term::NamedNode(n) => n.as_str().to_owned(),
                t => t.to_string(),
            };
            out.insert(Side {
                target: key(&target),
                opposes,
                actor: actor.as_str().to_owned(),
            });
        }
        out.into_iter().collect()
    }
}

/// The first 64 bits of `iri`'s SHA-256: the same on every machine and in
/// every version, unlike a `Hasher`'s.
fn key(iri: &str) -> u64 {
    let digest = Sha256::digest(iri.as_bytes());
    u64::from_be_bytes(digest[..8].try_into().expect("a SHA-256 has 32 bytes"))
}

/// An actor by code, then IRI: pairs are ordered by code.
type Actor<'a> = (&'a str, &'a str);

/// Every pair of actors whose codes differ (the first code before the
/// second) that took the same side on at least one target, from the sides
/// of all `records`, with the number of such targets: a target both
/// supported and both opposed (in different sources) counts once, a side
/// many sources report once.
pub fn agreements(records: &[SourceRecord], reference: &Reference) -> Vec<StanceAgreement> {
    let actors = actors(reference);
    // Each target's actors for and against, by code (then IRI).
    let mut targets: BTreeMap<u64, [BTreeSet<Actor>; 2]> = BTreeMap::new();
    for s in records.iter().flat_map(|r| &r.sides) {
        if let Some(e) = actors.get(&s.actor) {
            targets.entry(s.target).or_default()[usize::from(s.opposes)]
                .insert((code(e), &s.actor));
        }
    }
    // Every actor by its place in (code, IRI) order: a pair is a cell of a
    // grid, counted once per target (beside the count, one more than the
    // last target that counted it: two actors who both support and both
    // oppose a target agree on it once).
    let all: BTreeSet<Actor> = targets.values().flatten().flatten().copied().collect();
    let all: Vec<Actor> = all.into_iter().collect();
    let place = |a: &Actor| all.binary_search(a).expect("an actor of a target");
    let mut pairs: Grid<(u32, usize)> = Grid::new(all.len());
    for (t, sides) in targets.values().enumerate() {
        for side in sides {
            let side: Vec<(usize, &str)> = side.iter().map(|a| (place(a), a.0)).collect();
            for (i, (a, code_a)) in side.iter().enumerate() {
                for (b, code_b) in &side[i + 1..] {
                    let cell = pairs.cell(*a, *b);
                    if code_a < code_b && cell.1 != t + 1 {
                        *cell = (cell.0 + 1, t + 1);
                    }
                }
            }
        }
    }
    pairs
        .counted(|&(shared, _)| shared > 0)
        .map(|(a, b, &(shared, _))| StanceAgreement {
            first: actors[all[a].1].clone(),
            second: actors[all[b].1].clone(),
            shared,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode};

    const ID: &str = "https://w3id.org/oewg-kg/id/";

    /// The quad of `actor` taking a side on `target` (a policy proposal's
    /// slug).
    fn side(actor: Entity, opposes: bool, target: &str) -> Quad {
        let verb = if opposes { "opposes" } else { "supports" };
        Quad::new(
            iri::entity(&actor),
            terms::o(verb),
            NamedNode::new_unchecked(format!("{ID}proposal/{target}")),
            GraphName::DefaultGraph,
        )
    }

    fn state(code: &str) -> Entity {
        Entity::State(code.into())
    }

    fn pairs(sources: &[Vec<Quad>]) -> Vec<(String, String, u32)> {
        let reference = Reference::load().unwrap();
        let actors = actors(&reference);
        let records: Vec<SourceRecord> = sources
            .iter()
            .map(|quads| {
                let refs: Vec<&Quad> = quads.iter().collect();
                let mut r = super::super::agreement::tests::record(&[]);
                r.sides = Side::of(&refs, &actors);
                r
            })
            .collect();
        agreements(&records, &reference)
            .into_iter()
            .map(|p| {
                (
                    code(&p.first).to_owned(),
                    code(&p.second).to_owned(),
                    p.shared,
                )
            })
            .collect()
    }

    #[test]
    fn two_actors_agree_on_the_targets_where_both_took_the_same_side() {
        let one_source = vec![
            side(state("FRA"), false, "poa"),
            side(state("CHN"), false, "poa"),
            side(state("FRA"), true, "treaty"),
            side(state("CHN"), true, "treaty"),
            side(state("FRA"), false, "fund"),
            side(state("CHN"), true, "fund"),
        ];
        assert_eq!(pairs(&[one_source]), [("CHN".into(), "FRA".into(), 2)]);
    }

    #[test]
    fn a_side_many_sources_report_counts_once() {
        let a = vec![
            side(state("FRA"), false, "poa"),
            side(state("CHN"), false, "poa"),
        ];
        assert_eq!(pairs(&[a.clone(), a]), [("CHN".into(), "FRA".into(), 1)]);
    }

    #[test]
    fn a_target_both_supported_and_both_opposed_counts_once() {
        let (a, b) = (
            vec![
                side(state("FRA"), false, "poa"),
                side(state("CHN"), false, "poa"),
            ],
            vec![
                side(state("FRA"), true, "poa"),
                side(state("CHN"), true, "poa"),
            ],
        );
        assert_eq!(pairs(&[a, b]), [("CHN".into(), "FRA".into(), 1)]);
    }

    #[test]
    fn groups_pair_with_states_and_actors_without_a_code_are_left_out() {
        let a = vec![
            side(Entity::Group("EU".into()), true, "treaty"),
            side(state("RUS"), true, "treaty"),
            side(Entity::Person("jane-doe".into()), true, "treaty"),
        ];
        assert_eq!(pairs(&[a]), [("EU".into(), "RUS".into(), 1)]);
    }

    #[test]
    fn a_state_and_a_group_of_one_code_are_two_actors_never_paired() {
        let a = [
            side(Entity::Group("NAM".into()), true, "treaty"),
            side(state("NAM"), true, "treaty"),
            side(state("RUS"), true, "treaty"),
        ];
        let pairs: Vec<(String, String)> = {
            let reference = Reference::load().unwrap();
            let refs: Vec<&Quad> = a.iter().collect();
            let mut r = super::super::agreement::tests::record(&[]);
            r.sides = Side::of(&refs, &actors(&reference));
            agreements(&[r], &reference)
                .into_iter()
                .map(|p| {
                    (
                        iri::entity(&p.first).into_string(),
                        iri::entity(&p.second).into_string(),
                    )
                })
                .collect()
        };
        assert_eq!(
            pairs,
            [
                (format!("{ID}group/NAM"), format!("{ID}state/RUS")),
                (format!("{ID}state/NAM"), format!("{ID}state/RUS")),
            ]
        );
    }

    #[test]
    fn keys_of_targets_are_stable() {
        assert_eq!(key("a"), 0xca97_8112_ca1b_bdca);
    }
}
