//! A proposal its proposer withdraws is no proposal: the report's
//! reader wants what is on the table. Every sentence here is invented for
//! the test.

mod common;

use common::{code, extract};

fn proposers(text: &str) -> Vec<(String, u32)> {
    let f = extract("summary", text, "2024-03-01");
    f.proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0]))
        .collect()
}

#[test]
fn a_proposal_withdrawn_in_its_own_sentence_is_dropped() {
    let text = "Meeting summary\n\nGhana had circulated a proposal to move paragraph 19 to the end of the section, but withdrew it after consultations. Peru proposed to delete paragraph 20.\n";
    assert_eq!(proposers(text), [("PER".to_string(), 20)]);
}

#[test]
fn a_proposal_withdrawn_in_the_next_sentence_is_dropped() {
    let text = "Meeting summary\n\nNepal proposed to move paragraph 37 to the section on capacity-building. This proposal was later withdrawn. Chile proposed to delete paragraph 38.\n";
    assert_eq!(proposers(text), [("CHL".to_string(), 38)]);
}

#[test]
fn another_states_withdrawal_leaves_the_proposal_standing() {
    let text = "Meeting summary\n\nNepal proposed to move paragraph 37 to the end. Bhutan withdrew its own amendment to paragraph 12.\n";
    assert!(proposers(text).contains(&("NPL".to_string(), 37)));
}

#[test]
fn asking_that_a_paragraph_be_withdrawn_is_a_proposal() {
    let text = "Meeting summary\n\nNepal asked that paragraph 37 be withdrawn from the draft.\n";
    assert_eq!(proposers(text), [("NPL".to_string(), 37)]);
}
