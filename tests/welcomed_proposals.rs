//! A proposal named as the object of a welcome ("We welcome the proposal
//! by Mexico to add … to paragraph 19") is a proposal whoever welcomes it:
//! a first-person cue ("we welcome") is the author's position, and an
//! author that is no state (a civil-society submission) still leaves the
//! proposal on the record. Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Polarity, StanceTarget};

fn proposals(text: &str) -> Vec<(String, Vec<u32>)> {
    let f = extract("statement", text, "2026-03-02");
    let mut v: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone()))
        .collect();
    v.sort();
    v
}

#[test]
fn a_first_person_welcome_backs_the_proposal_it_names() {
    let text = "Statement by the delegation of Mongolia\n\n\
        We welcome the suggestion of Nepal to insert a new paragraph after paragraph 40 on gender.\n";
    let f = extract("statement", text, "2026-03-02");
    assert_eq!(proposals(text), [("NPL".to_string(), vec![40])]);
    let backers: Vec<(String, Polarity)> = f
        .stances
        .iter()
        .filter(|s| s.target == StanceTarget::Edit(0))
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    assert_eq!(backers, [("MNG".to_string(), Polarity::Support)]);
}

#[test]
fn a_welcome_by_no_state_still_records_the_proposal() {
    let text = "Written input of the Open Networks Forum on the zero draft\n\n\
        We welcome the proposal by Mexico to add, at the end of paragraph 19, the words \"and of persons with disabilities\".\n";
    assert_eq!(proposals(text), [("MEX".to_string(), vec![19])]);
}

#[test]
fn without_its_paragraph_a_welcomed_proposal_is_not_guessed() {
    let text = "Written input of the Open Networks Forum on the zero draft\n\n\
        On paragraph 47, the text is acceptable.\n\n\
        We welcome the proposal by Mexico to keep the existing accreditation modalities.\n";
    assert_eq!(proposals(text), []);
}

#[test]
fn a_proposal_noun_names_its_proposer_after_it_whoever_speaks() {
    let text = "Statement by the delegation of Mongolia\n\n\
        Regarding paragraph 9, we have heard the proposal of Chile to merge paragraphs 9 and 10.\n\n\
        On paragraph 22, we note the proposal made yesterday by the delegation of Fiji to add a reference to \"small island developing States\".\n";
    assert_eq!(
        proposals(text),
        [
            ("CHL".to_string(), vec![9, 10]),
            ("FJI".to_string(), vec![22])
        ]
    );
}

#[test]
fn a_request_of_a_state_for_a_separate_vote_is_no_edit() {
    let text = "First Committee, afternoon meeting\n\n\
        At the request of Japan, a separate recorded vote was first taken on operative paragraph 5.\n";
    assert_eq!(proposals(text), []);
}
