//! Voting agreement, counted once per build: for every two states, on how
//! many texts both voted and on how many they voted alike. Like alignment,
//! it looks across sources, so it runs on the records; a query pairing
//! every two voters of every text would handle a million rows on a corpus
//! of ten thousand reports (about 40 voters a text), this handles them once
//! in memory and stores one node per pair (at most 193 × 192 / 2).

use super::SourceRecord;
use crate::mention::Entity;
use crate::quad::{iri, terms, VotingAgreement};
use crate::reference::Reference;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One state's vote on one text as a source's graph states it (IRIs): the
/// text is the recorded vote's `oewg:votedOn` (one entry per text), or the
/// recorded vote itself when it names none.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CastVote {
    pub text: String,
    pub voter: String,
    pub cast: String,
}

impl CastVote {
    /// The votes among `quads` (one source's graph): every `oewg:Vote`
    /// with its recorded vote, voter and cast, sorted, each once.
    pub fn of(quads: &[&Quad]) -> Vec<CastVote> {
        let wanted = ["inRecordedVote", "voter", "voteCast", "votedOn"].map(terms::o);
        let vote: Term = terms::o("Vote").into();
        let mut votes: BTreeSet<&str> = BTreeSet::new();
        // (property, subject IRI) -> objects
        let mut values: HashMap<(usize, String), Vec<String>> = HashMap::new();
        for q in quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            if q.predicate.as_ref() == rdf::TYPE && q.object == vote {
                votes.insert(s.as_str());
            } else if let Some(i) = wanted.iter().position(|p| *p == q.predicate) {
                values
                    .entry((i, s.as_str().to_owned()))
                    .or_default()
                    .push(term_str(&q.object));
            }
        }
        let empty = Vec::new();
        let of = |i: usize, s: &str| values.get(&(i, s.to_owned())).unwrap_or(&empty);
        let mut out = BTreeSet::new();
        for v in votes {
            for rv in of(0, v) {
                let texts = match of(3, rv).as_slice() {
                    [] => std::slice::from_ref(rv),
                    on => on,
                };
                for (voter, cast) in of(1, v)
                    .iter()
                    .flat_map(|a| of(2, v).iter().map(move |c| (a, c)))
                {
                    for text in texts {
                        out.insert(CastVote {
                            text: text.clone(),
                            voter: voter.clone(),
                            cast: cast.clone(),
                        });
                    }
                }
            }
        }
        out.into_iter().collect()
    }
}

/// An IRI as itself, any other term in N-Triples form.
fn term_str(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        t => t.to_string(),
    }
}

/// Every pair of states (by code, the first code before the second) that
/// voted on a same text, from the votes of all `records`: the texts both
/// voted on, and those on which they voted alike (every report of the
/// first state's vote on the text agrees with every report of the
/// second's). Voters the reference data does not know as states are left
/// out.
pub fn agreements(records: &[SourceRecord], reference: &Reference) -> Vec<VotingAgreement> {
    let codes: HashMap<String, &str> = reference
        .states
        .iter()
        .map(|s| {
            let iri = iri::entity(&Entity::State(s.code.clone()));
            (iri.into_string(), s.code.as_str())
        })
        .collect();
    let mut texts: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for v in records.iter().flat_map(|r| &r.votes) {
        if let Some(code) = codes.get(&v.voter) {
            texts
                .entry(&v.text)
                .or_default()
                .entry(code)
                .or_default()
                .insert(&v.cast);
        }
    }
    // Every voter by its place in code order, so a pair is a cell of a
    // grid rather than a map entry (a text with 190 voters makes 18 k
    // pairs; a map of string pairs spent a build's seconds on them).
    let voters: BTreeSet<&str> = texts.values().flat_map(|v| v.keys().copied()).collect();
    let voters: Vec<&str> = voters.into_iter().collect();
    let place = |code: &str| voters.binary_search(&code).expect("a voter of a text");
    let mut pairs: Grid<(u32, u32)> = Grid::new(voters.len());
    for casts in texts.values() {
        let casts: Vec<(usize, &BTreeSet<&str>)> =
            casts.iter().map(|(c, v)| (place(c), v)).collect();
        for (i, (a, casts_a)) in casts.iter().enumerate() {
            for (b, casts_b) in &casts[i + 1..] {
                let alike = casts_a.len() == 1 && casts_a == casts_b;
                let e = pairs.cell(*a, *b);
                e.0 += 1;
                e.1 += u32::from(alike);
            }
        }
    }
    pairs
        .counted(|&(shared, _)| shared > 0)
        .map(|(a, b, &(shared, same))| VotingAgreement {
            first: voters[a].to_owned(),
            second: voters[b].to_owned(),
            shared,
            same,
        })
        .collect()
}

/// A count for every two of `n` things, `(i, j)` with `i < j`: what the
/// agreement counts add to once per text or target and pair.
pub(super) struct Grid<T> {
    n: usize,
    cells: Vec<T>,
}

impl<T: Default + Clone> Grid<T> {
    pub(super) fn new(n: usize) -> Self {
        Self {
            n,
            cells: vec![T::default(); n * n],
        }
    }

    /// The count of `i` and `j` (`i < j`).
    pub(super) fn cell(&mut self, i: usize, j: usize) -> &mut T {
        debug_assert!(i < j && j < self.n);
        &mut self.cells[i * self.n + j]
    }

    /// The pairs whose count passes `keep`, in the order of `i`, then `j`.
    pub(super) fn counted<'a>(
        &'a self,
        keep: impl Fn(&T) -> bool + 'a,
    ) -> impl Iterator<Item = (usize, usize, &'a T)> + 'a {
        (0..self.n)
            .flat_map(move |i| (i + 1..self.n).map(move |j| (i, j)))
            .map(|(i, j)| (i, j, &self.cells[i * self.n + j]))
            .filter(move |(_, _, c)| keep(c))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode};

    const ID: &str = "https://w3id.org/oewg-kg/id/";

    /// The quads of state `code`'s vote `cast` in recorded vote `rv` (on
    /// `on`, when given).
    fn vote(rv: &str, on: Option<&str>, code: &str, cast: &str) -> Vec<Quad> {
        let node = |s: String| NamedNode::new_unchecked(s);
        let (rv, v) = (
            node(format!("{ID}vote/{rv}")),
            node(format!("{ID}vote/{rv}/{code}")),
        );
        let g = GraphName::DefaultGraph;
        let mut quads = vec![
            Quad::new(v.clone(), rdf::TYPE, terms::o("Vote"), g.clone()),
            Quad::new(v.clone(), terms::o("inRecordedVote"), rv.clone(), g.clone()),
            Quad::new(
                v.clone(),
                terms::o("voter"),
                iri::entity(&Entity::State(code.into())),
                g.clone(),
            ),
            Quad::new(v, terms::o("voteCast"), terms::o(cast), g.clone()),
        ];
        if let Some(on) = on {
            quads.push(Quad::new(
                rv,
                terms::o("votedOn"),
                node(format!("{ID}resolution/{on}")),
                g,
            ));
        }
        quads
    }

    /// A source's record whose votes are those of `quads` (and nothing
    /// else).
    pub(in crate::pipeline) fn record(quads: &[Quad]) -> SourceRecord {
        let refs: Vec<&Quad> = quads.iter().collect();
        SourceRecord {
            stem: "s".into(),
            path: "s.txt".into(),
            hash: String::new(),
            bytes: 0,
            proposals: 0,
            stances: 0,
            drafts: crate::fact::align::SourceDrafts {
                stem: "s".into(),
                paragraphs: Vec::new(),
                proposals: Vec::new(),
            },
            proposal_iris: Default::default(),
            tally: Default::default(),
            shared: Default::default(),
            votes: CastVote::of(&refs),
            sides: Vec::new(),
        }
    }

    fn pairs(sources: &[Vec<Quad>]) -> Vec<(String, String, u32, u32)> {
        let records: Vec<SourceRecord> = sources.iter().map(|q| record(q)).collect();
        agreements(&records, &Reference::load().unwrap())
            .into_iter()
            .map(|p| (p.first, p.second, p.shared, p.same))
            .collect()
    }

    /// France's and China's votes in recorded vote `rv` (on `on`).
    fn both(rv: &str, on: Option<&str>, france: &str, china: &str) -> Vec<Quad> {
        [vote(rv, on, "FRA", france), vote(rv, on, "CHN", china)].concat()
    }

    #[test]
    fn two_states_share_the_texts_both_voted_on_and_agree_where_they_voted_alike() {
        let one_source = [
            both("a", Some("r1"), "Yes", "Yes"),
            both("b", Some("r2"), "No", "Yes"),
        ]
        .concat();
        assert_eq!(pairs(&[one_source]), [("CHN".into(), "FRA".into(), 2, 1)]);
    }

    #[test]
    fn a_vote_two_sources_report_counts_once() {
        let (a, b) = (
            both("a", Some("r1"), "Yes", "Yes"),
            both("b", Some("r1"), "Yes", "Yes"),
        );
        assert_eq!(pairs(&[a, b]), [("CHN".into(), "FRA".into(), 1, 1)]);
    }

    #[test]
    fn reports_that_disagree_on_a_states_vote_are_never_alike() {
        let (a, b) = (
            both("a", Some("r1"), "Yes", "Yes"),
            both("b", Some("r1"), "Abstain", "Yes"),
        );
        assert_eq!(pairs(&[a, b]), [("CHN".into(), "FRA".into(), 1, 0)]);
    }

    #[test]
    fn a_recorded_vote_that_names_no_text_is_its_own_text() {
        let (a, b) = (both("a", None, "No", "No"), both("b", None, "No", "No"));
        assert_eq!(pairs(&[a, b]), [("CHN".into(), "FRA".into(), 2, 2)]);
    }

    #[test]
    fn voters_the_reference_data_does_not_know_as_states_are_left_out() {
        let a = [
            vote("a", Some("r1"), "FRA", "No"),
            vote("a", Some("r1"), "XXX", "No"),
        ]
        .concat();
        assert!(pairs(&[a]).is_empty());
    }
}
