//! A wish about a paragraph is a request to edit it: "Peru wanted
//! paragraph 15 to refer explicitly to the fund" proposes an edit of
//! paragraph 15, as "proposed to …" would. A wish about anything else
//! stays a position. Every sentence here is invented for the test.

mod common;

use common::{code, extract, policy_positions};
use oewg_kg::fact::{Action, Polarity};

/// (proposer, first paragraph, action) of every proposal in `text`.
fn proposals(text: &str) -> Vec<(String, u32, Action)> {
    extract("summary", text, "2024-03-01")
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect()
}

#[test]
fn a_wish_about_a_named_paragraph_is_an_edit_proposal() {
    let text = "Meeting summary\n\nPeru wanted paragraph 15 to refer explicitly to the voluntary fund. Chile wanted OP 4 moved before OP 2. Ghana wished paragraph 9 to be deleted.\n";
    let made = proposals(text);
    assert_eq!(
        made,
        [
            ("PER".to_string(), 15, Action::InsertText),
            ("CHL".to_string(), 4, Action::Move),
            ("GHA".to_string(), 9, Action::DeleteParagraph)
        ]
    );
}

#[test]
fn a_wish_about_a_policy_stays_a_position() {
    let text = "Meeting summary\n\nPeru wanted a legally binding instrument.\n";
    let f = extract("summary", text, "2024-03-01");
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
    let on_treaty = policy_positions(&f, "legally-binding-instrument");
    assert_eq!(on_treaty, [("PER".to_string(), Polarity::Support)]);
}

#[test]
fn a_wish_about_the_paragraph_under_discussion_edits_it() {
    let text = "Meeting summary\n\nParagraph 6 was discussed first. Austria wanted the paragraph shortened.\n";
    let made = proposals(text);
    assert_eq!(made, [("AUT".to_string(), 6, Action::Amend)]);
}

#[test]
fn a_wish_for_quoted_wording_with_an_action_edits_the_paragraph() {
    let text = "Meeting summary\n\nParagraph 12 (threats): Bhutan wants \"phishing\" back in 12(b) after it vanished from rev.1. Nepal and Laos back that. Togo wanted the word \"voluntary\" dropped from paragraph 20.\n";
    let made = proposals(text);
    assert_eq!(
        made,
        [
            ("BTN".to_string(), 12, Action::InsertText),
            ("TGO".to_string(), 20, Action::DeleteText)
        ]
    );
    let backing = common::reactions("summary", text, "2024-03-01");
    assert_eq!(
        backing,
        [
            ("LAO".to_string(), Polarity::Support, "BTN".to_string(), 12),
            ("NPL".to_string(), Polarity::Support, "BTN".to_string(), 12)
        ]
    );
}

#[test]
fn a_wish_for_quoted_wording_without_an_action_stays_a_position() {
    let text =
        "Meeting summary\n\nPeru wanted \"a legally binding instrument\" as soon as possible.\n";
    let f = extract("summary", text, "2024-03-01");
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
}

#[test]
fn wanting_quoted_words_changed_to_others_replaces_them() {
    let text = "Notes\n\nPara 8 (chapeau): Nepal wants \"shall\" changed to \"should\" in the second sentence.\n";
    let f = extract("notes", text, "2025-07-09");
    let got: Vec<_> = f
        .proposals
        .iter()
        .map(|p| {
            (
                code(&p.proposer),
                p.targets[0],
                p.action,
                p.removed.clone(),
                p.added.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(
            "NPL".to_string(),
            8,
            Action::ReplaceText,
            Some("shall".to_string()),
            Some("should".to_string())
        )]
    );
}
