//! "Peru proposes to delete paragraph 12 and to add a new paragraph after
//! paragraph 15": coordinated edits, each with its own paragraph, are as
//! many proposals, each with its own action. A paragraph fronted before the
//! first action is every edit's. Every sentence here is invented for the
//! test.

mod common;

use oewg_kg::fact::Action;

fn edits(text: &str) -> Vec<(String, Vec<u32>, Action)> {
    common::proposals("statement", text, "2027-05-04")
}

#[test]
fn each_coordinated_edit_keeps_its_own_paragraph_and_action() {
    let got = edits(
        "Session notes\n\n\
         Peru proposes to delete paragraph 12 and to add a new paragraph after paragraph 15.\n\n\
         Ghana asked to replace \"shall\" with \"should\" in paragraph 8, and to delete paragraph 9.\n",
    );
    assert_eq!(
        got,
        [
            ("GHA".to_string(), vec![8], Action::ReplaceText),
            ("GHA".to_string(), vec![9], Action::DeleteParagraph),
            ("PER".to_string(), vec![12], Action::DeleteParagraph),
            ("PER".to_string(), vec![15], Action::AddParagraph),
        ]
    );
}

#[test]
fn a_paragraph_named_before_the_actions_is_every_edits() {
    let got = edits(
        "Session notes\n\n\
         On paragraph 14, Togo proposed to delete the last sentence and to add a reference to paragraph 3.\n",
    );
    assert!(!got.is_empty());
    assert!(got.iter().all(|e| e.1.contains(&14)), "{got:?}");
}
