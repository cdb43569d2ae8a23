//! A hedge ("took note of", "sought clarification on", "did not take a
//! position on") is no position, but the proposal it names is still on
//! the table: the reader wants to know that Kenya proposed it, and that
//! the hedger took no side. Every sentence here is invented for the test.

mod common;

use common::{code, edit_stances, extract};

fn proposals(text: &str) -> (Vec<(String, u32)>, usize) {
    let f = extract("summary", text, "2024-03-01");
    let props = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0]))
        .collect();
    (props, edit_stances(&f).len())
}

#[test]
fn a_proposal_only_taken_note_of_is_recorded_without_a_stance() {
    let text = "Meeting summary\n\nPeru took note of a suggestion by Kenya to add a reference to capacity-building in paragraph 14 without expressing a view on it.\n";
    assert_eq!(proposals(text), (vec![("KEN".to_string(), 14)], 0));
}

#[test]
fn a_hedge_on_a_possessive_proposal_records_it() {
    let text = "Meeting summary\n\nNepal sought clarification on Ghana's proposal to delete paragraph 31.\n";
    assert_eq!(proposals(text), (vec![("GHA".to_string(), 31)], 0));
}

#[test]
fn a_hedge_that_names_no_proposer_makes_no_proposal() {
    let text =
        "Meeting summary\n\nNepal made no proposal on paragraph 31 and reserved its position.\n";
    assert_eq!(proposals(text), (vec![], 0));
}

#[test]
fn a_move_targets_the_paragraph_moved() {
    let text = "Meeting summary\n\nOman took note of the proposal by Chile to move paragraph 9 after paragraph 11.\n";
    assert_eq!(proposals(text), (vec![("CHL".to_string(), 9)], 0));
}

#[test]
fn not_opposing_or_having_no_objection_is_no_position() {
    let text = "Meeting summary\n\nGhana proposed to delete paragraph 12. Qatar did not oppose the proposal. Oman had no objection to it.\n";
    assert_eq!(proposals(text), (vec![("GHA".to_string(), 12)], 0));
}

#[test]
fn doubt_about_a_delegations_suggestion_opposes_its_edit() {
    let text = "Statement by Chile\n\nWe are less convinced by the suggestion of the delegation of Nepal to delete the last sentence of paragraph 7.\n";
    let f = extract("summary", text, "2024-03-01");
    assert_eq!(proposals(text).0, [("NPL".to_string(), 7)]);
    let stances = edit_stances(&f);
    assert_eq!(stances.len(), 1, "{stances:?}");
    assert_eq!(stances[0].2, oewg_kg::fact::Polarity::Opposition);
    assert_eq!(stances[0].3, "NPL");
}
