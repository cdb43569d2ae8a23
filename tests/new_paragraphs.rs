//! A new paragraph is placed after or before an existing one; that one is
//! the proposal's target, however it is written. Every sentence here is
//! invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::Action;

fn proposals(text: &str) -> Vec<(String, Vec<u32>, Action)> {
    extract("notes", text, "2025-07-09")
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone(), p.action))
        .collect()
}

#[test]
fn a_new_paragraph_after_a_bare_number_targets_that_paragraph() {
    let text = "Running notes\n\nPara 31 (the future mechanism): Bhutan proposes a new paragraph after 31 on decision-making. Nepal proposed a new paragraph following OP 7.\n";
    assert_eq!(
        proposals(text),
        [
            ("BTN".to_string(), vec![31], Action::AddParagraph),
            ("NPL".to_string(), vec![7], Action::AddParagraph)
        ]
    );
}

#[test]
fn a_new_paragraph_placed_nowhere_has_no_target() {
    let text = "Running notes\n\nBhutan proposed a new paragraph on decision-making, which it said was overdue after 10 years of talks on paragraph 31.\n";
    assert_eq!(
        proposals(text),
        [("BTN".to_string(), vec![], Action::AddParagraph)]
    );
}

#[test]
fn asking_that_a_new_paragraph_be_dropped_opposes_it() {
    let text = "Session report\n\nA new paragraph after OP 7 on gender was tabled by Peru. Oman asked that it be dropped, while Fiji spoke in favour.\n";
    assert_eq!(
        proposals(text),
        [("PER".to_string(), vec![7], Action::AddParagraph)]
    );
    assert_eq!(
        common::reactions("notes", text, "2025-07-09"),
        [
            (
                "FJI".to_string(),
                oewg_kg::fact::Polarity::Support,
                "PER".to_string(),
                7
            ),
            (
                "OMN".to_string(),
                oewg_kg::fact::Polarity::Opposition,
                "PER".to_string(),
                7
            )
        ]
    );
}

#[test]
fn asking_that_a_paragraph_under_discussion_be_dropped_still_proposes_it() {
    let text =
        "Session report\n\nParagraph 9 speaks of sanctions. Oman asked that it be dropped.\n";
    assert_eq!(
        proposals(text),
        [("OMN".to_string(), vec![9], Action::DeleteParagraph)]
    );
}

#[test]
fn a_new_sub_paragraph_adds_a_paragraph_under_its_parent() {
    let text = "Running notes\n\nTogo proposed a new sub-paragraph 12(e) on regional points of contact. Mali asked for a new subparagraph 4 (c).\n";
    assert_eq!(
        proposals(text),
        [
            ("TGO".to_string(), vec![12], Action::AddParagraph),
            ("MLI".to_string(), vec![4], Action::AddParagraph)
        ]
    );
}
