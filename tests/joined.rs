//! Joining others in what they ask ("Chile joined Peru and Ghana in
//! calling for …", "We join Nepal and Oman, who asked that …"): the actors
//! joined make the proposal, and the subject takes the cue's position on
//! it. Every sentence here is invented for the test.

mod common;

use common::{code, extract, policy_positions};
use oewg_kg::fact::{Action, Polarity, SourceFacts};

/// (proposer, first target, action) of every proposal.
fn proposals(f: &SourceFacts) -> Vec<(String, u32, Action)> {
    f.proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect()
}

/// (holder, polarity, proposer) of every stance on an edit.
fn edit_stances(f: &SourceFacts) -> Vec<(String, Polarity, String)> {
    common::edit_stances(f)
        .into_iter()
        .map(|(holder, _, polarity, proposer, _)| (holder, polarity, proposer))
        .collect()
}

#[test]
fn the_actors_joined_in_calling_for_a_paragraph_propose_it_and_the_subject_backs_it() {
    let text = "Session summary\n\nChile joined Peru and Ghana in calling for a new paragraph after paragraph 22 on submarine cables.\n";
    let f = extract("summary", text, "2024-03-01");
    assert_eq!(
        proposals(&f),
        [
            ("PER".to_string(), 22, Action::AddParagraph),
            ("GHA".to_string(), 22, Action::AddParagraph)
        ]
    );
    assert_eq!(
        edit_stances(&f),
        [
            ("CHL".to_string(), Polarity::Support, "PER".to_string()),
            ("CHL".to_string(), Polarity::Support, "GHA".to_string())
        ]
    );
}

#[test]
fn a_relative_clause_after_the_actors_joined_states_their_request() {
    let text =
        "Statement by Nepal\n\nWe join Oman and Fiji, who asked that paragraph 8 be deleted.\n";
    let f = extract("statement", text, "2024-03-01");
    assert_eq!(
        proposals(&f),
        [
            ("OMN".to_string(), 8, Action::DeleteParagraph),
            ("FJI".to_string(), 8, Action::DeleteParagraph)
        ]
    );
    assert!(edit_stances(&f)
        .iter()
        .all(|s| s.0 == "NPL" && s.1 == Polarity::Support));
    assert_eq!(edit_stances(&f).len(), 2);
}

#[test]
fn joining_a_call_for_a_policy_backs_the_policy_for_everyone_named() {
    let text =
        "Session summary\n\nKenya joined Brazil in calling for a legally binding instrument.\n";
    let f = extract("summary", text, "2024-03-01");
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
    let mut backers: Vec<String> = policy_positions(&f, "legally-binding-instrument")
        .into_iter()
        .filter(|s| s.1 == Polarity::Support)
        .map(|s| s.0)
        .collect();
    backers.sort();
    assert_eq!(backers, ["BRA", "KEN"]);
}

#[test]
fn a_plain_join_still_copies_the_earlier_position() {
    // No request after the actor joined: the joined actor's latest
    // proposal is what the subject backs, and nothing new is proposed.
    let text = "Session summary\n\nPeru proposed to delete paragraph 5. Chile joined Peru.\n";
    let f = extract("summary", text, "2024-03-01");
    assert_eq!(
        proposals(&f),
        [("PER".to_string(), 5, Action::DeleteParagraph)]
    );
    assert_eq!(
        edit_stances(&f),
        [("CHL".to_string(), Polarity::Support, "PER".to_string())]
    );
}

#[test]
fn a_relative_clause_with_its_own_subject_is_that_subject_s_position() {
    // "which we can support": the speaker's position, not Kenya's.
    let text = "Statement by Ireland\n\nWe thank Kenya for its proposal to delete paragraph 9, which we can support.\n";
    let f = extract("statement", text, "2024-03-01");
    assert_eq!(
        proposals(&f),
        [("KEN".to_string(), 9, Action::DeleteParagraph)]
    );
    assert_eq!(
        edit_stances(&f),
        [("IRL".to_string(), Polarity::Support, "KEN".to_string())]
    );
}

#[test]
fn a_first_person_subject_after_and_opens_a_clause_of_its_own() {
    // ", and we would ask …": the author's own request, on its own
    // paragraph, not a second paragraph of the request joined.
    let text = "Statement by Nepal\n\nWe join Oman, who asked that paragraph 4 be shortened, and we would ask that paragraph 6 be shortened as well.\n";
    let f = extract("statement", text, "2024-03-01");
    let mut made: Vec<(String, Vec<u32>)> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone()))
        .collect();
    made.sort();
    assert_eq!(
        made,
        [("NPL".to_string(), vec![6]), ("OMN".to_string(), vec![4])]
    );
}

#[test]
fn a_request_that_others_supported_is_theirs_to_back() {
    // "…, a request that X and Y supported": the relative clause's own
    // subjects back the request; "sought a new sentence" proposes one.
    let text = "Session summary\n\nOn paragraph 7, Jordan asked that \"ransomware\" be inserted in the list of threats, a request that Peru and Chile supported. Qatar sought a new sentence on water infrastructure in paragraph 7.\n";
    let f = extract("summary", text, "2024-03-01");
    let mut made: Vec<String> = f.proposals.iter().map(|p| code(&p.proposer)).collect();
    made.sort();
    assert_eq!(made, ["JOR", "QAT"]);
    let mut backing = edit_stances(&f);
    backing.sort();
    assert_eq!(
        backing,
        [
            ("CHL".to_string(), Polarity::Support, "JOR".to_string()),
            ("PER".to_string(), Polarity::Support, "JOR".to_string())
        ]
    );
}

#[test]
fn the_paragraph_named_before_joining_is_the_one_the_request_is_about() {
    let text = "Session summary\n\nOn PP 3, Chile proposed to add a reference to the final report.\nOn OP 4, which describes the groups, Oman joined Fiji and Palau in asking that the words \"for small States\" be inserted after \"capacity-building\".\n";
    let f = extract("summary", text, "2025-10-14");
    assert_eq!(
        proposals(&f),
        [
            ("CHL".to_string(), 3, Action::InsertText),
            ("FJI".to_string(), 4, Action::InsertText),
            ("PLW".to_string(), 4, Action::InsertText)
        ]
    );
}
