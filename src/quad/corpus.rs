//! The alignment graph (`graph/alignment`): what the corpus says across
//! sources — draft paragraphs aligned with their later versions, dropped
//! paragraphs, and the outcome of each edit proposal.

use super::terms::{label, o};
use super::{iri, Sink};
use crate::fact::align::{CorpusFacts, Judgement};
use crate::mention::Entity;
use oxigraph::model::{NamedNode, Quad};

/// A decimal to three places in the canonical form the store keeps
/// (`1`, `0.5`, `0.941`), so a quad reads back as it was written.
fn decimal(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.into()
    }
}

/// The corpus graph: alignments of draft paragraphs with their later
/// versions, dropped paragraphs, and the outcome of each edit proposal.
///
/// `proposal_iri(stem, i)` is the IRI of the `i`th edit proposal of the
/// source `stem` (see [`super::edit_proposal_iris`]); the caller keeps them
/// from mapping each source, so this needs no source's facts.
pub fn corpus(
    c: &CorpusFacts,
    proposal_iri: impl Fn(&str, usize) -> Option<NamedNode>,
) -> Vec<Quad> {
    let mut quads = alignments(c);
    quads.extend(outcomes(&c.judgements, proposal_iri));
    quads
}

/// The alignments and dropped paragraphs of the corpus graph.
pub fn alignments(c: &CorpusFacts) -> Vec<Quad> {
    let mut g = Sink::new(iri::corpus_graph());
    for a in &c.alignments {
        let from = iri::paragraph(&a.from.0, a.from.1);
        let to = iri::paragraph(&a.to.0, a.to.1);
        let id = iri::alignment(&from, &to);
        g.add(&from, o("alignedWith"), to.clone());
        g.types(&id, &["Alignment"]);
        g.str(
            &id,
            label(),
            &format!("{} p{} → {} p{}", a.from.0, a.from.1, a.to.0, a.to.1),
        );
        g.add(&id, o("alignedFrom"), from);
        g.add(&id, o("alignedTo"), to);
        g.typed(&id, o("similarity"), &decimal(a.similarity), "decimal");
        g.str(&id, o("wordDiff"), &a.diff);
    }
    for (doc, n) in &c.dropped {
        g.typed(&iri::paragraph(doc, *n), o("dropped"), "true", "boolean");
    }
    g.into_distinct()
}

/// The outcomes of `judgements` in the corpus graph (a part of it: a big
/// corpus's outcomes are mapped and loaded a chunk at a time).
pub fn outcomes(
    judgements: &[Judgement],
    proposal_iri: impl Fn(&str, usize) -> Option<NamedNode>,
) -> Vec<Quad> {
    let mut g = Sink::new(iri::corpus_graph());
    for j in judgements {
        let Some(id) = proposal_iri(&j.source, j.proposal) else {
            continue;
        };
        g.add(&id, o("outcome"), o(j.outcome.name()));
        g.str(&id, o("outcomeReason"), &j.reason);
        if !j.diff.is_empty() {
            g.str(&id, o("wordDiff"), &j.diff);
        }
    }
    g.into_distinct()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_the_store_keeps_them() {
        assert_eq!(decimal(1.0), "1");
        assert_eq!(decimal(0.5), "0.5");
        assert_eq!(decimal(0.9414), "0.941");
        assert_eq!(decimal(0.0), "0");
    }
}

/// Two states' voting record across the corpus (codes, the first before
/// the second): texts both voted on, and on how many they voted alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VotingAgreement {
    pub first: String,
    pub second: String,
    pub shared: u32,
    pub same: u32,
}

/// The voting agreement of every pair of states, in the corpus graph: one
/// `oewg:VotingAgreement` node per pair.
pub fn agreements(pairs: &[VotingAgreement]) -> Vec<Quad> {
    let mut g = Sink::new(iri::corpus_graph());
    for p in pairs {
        let id = iri::voting_agreement(&p.first, &p.second);
        g.types(&id, &["VotingAgreement"]);
        g.str(
            &id,
            label(),
            &format!("Voting agreement of {} and {}", p.first, p.second),
        );
        let state = |code: &str| iri::entity(&Entity::State(code.to_owned()));
        g.add(&id, o("firstState"), state(&p.first));
        g.add(&id, o("secondState"), state(&p.second));
        g.typed(&id, o("sharedVotes"), &p.shared.to_string(), "integer");
        g.typed(&id, o("sameVotes"), &p.same.to_string(), "integer");
    }
    g.into_distinct()
}

/// Two actors' agreement in stances across the corpus (states or groups,
/// the first's code before the second's): the targets on which both took
/// the same side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceAgreement {
    pub first: Entity,
    pub second: Entity,
    pub shared: u32,
}

/// The stance agreement of every pair of actors that took a same side, in
/// the corpus graph: one `oewg:StanceAgreement` node per pair.
pub fn stance_agreements(pairs: &[StanceAgreement]) -> Vec<Quad> {
    let mut g = Sink::new(iri::corpus_graph());
    for p in pairs {
        let (first, second) = (iri::entity(&p.first), iri::entity(&p.second));
        let id = iri::stance_agreement(&first, &second);
        g.types(&id, &["StanceAgreement"]);
        // "group NAM", "state NAM": one code can name both.
        let name = |e: &Entity| match e {
            Entity::State(c) => format!("state {c}"),
            Entity::Group(c) => format!("group {c}"),
            other => format!("{other:?}"),
        };
        g.str(
            &id,
            label(),
            &format!(
                "Stance agreement of {} and {}",
                name(&p.first),
                name(&p.second)
            ),
        );
        g.add(&id, o("firstActor"), first);
        g.add(&id, o("secondActor"), second);
        g.typed(&id, o("sharedSides"), &p.shared.to_string(), "integer");
    }
    g.into_distinct()
}
