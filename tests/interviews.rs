//! Interviews and press encounters: a transcript labels its questions
//! ("Q:", "Journalist:") and introduces who answers before the first one;
//! the answers' "we" is that speaker's state, and "it" in an answer is what
//! the question just named. Every sentence here is invented for the test.

mod common;

use common::{code, extract, policy_positions};
use oewg_kg::fact::{Action, Polarity};

const INTRO: &str = "\"Tools, not talk\": an interview\n\nWe spoke to Nepal's head of delegation after the session.\n\n";

#[test]
fn the_answers_speak_for_the_state_introduced_before_the_first_question() {
    let text = format!(
        "{INTRO}Q: What did you ask for on paragraph 9?\n\nA: We proposed to delete the last sentence of paragraph 9. Bhutan supported us.\n\nQ: And the voluntary fund?\n\nA: We support the voluntary fund and we pledged to it.\n"
    );
    let f = extract("interview", &text, "2025-07-20");
    let made: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect();
    assert_eq!(made, [("NPL".to_string(), 9, Action::DeleteText)]);
    assert_eq!(
        policy_positions(&f, "voluntary-fund"),
        [("NPL".to_string(), Polarity::Support)]
    );
}

#[test]
fn it_in_an_answer_is_what_the_question_named() {
    let text = format!(
        "{INTRO}Q: Laos proposed deleting paragraph 4. Your view?\n\nA: We would rather keep paragraph 4 as drafted.\n\nQ: What about the Programme of Action?\n\nA: We support it.\n"
    );
    let f = extract("interview", &text, "2025-07-20");
    let on_poa: Vec<_> = f
        .stances
        .iter()
        .filter(|s| s.target == oewg_kg::fact::StanceTarget::Body("poa".into()))
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    assert_eq!(on_poa, [("NPL".to_string(), Polarity::Support)]);
    let reactions = common::reactions("interview", &text, "2025-07-20");
    assert_eq!(
        reactions,
        [(
            "NPL".to_string(),
            Polarity::Opposition,
            "LAO".to_string(),
            4
        )]
    );
}

#[test]
fn without_question_labels_a_text_has_no_interviewee() {
    let text = "Session notes\n\nWe spoke to Nepal's head of delegation after the session. We support the voluntary fund.\n";
    let f = extract("notes", text, "2025-07-20");
    assert!(policy_positions(&f, "voluntary-fund").is_empty());
}

#[test]
fn after_a_plain_sentence_naming_a_body_it_is_still_the_proposal() {
    // Not a question: "it" is the deletion under discussion, not the PoA.
    let text = "Session notes\n\nParagraph 12: Nepal proposed to delete the last sentence. The sentence mentions the Programme of Action. Fiji supported it.\n";
    let reactions = common::reactions("notes", text, "2025-07-20");
    assert_eq!(
        reactions,
        [("FJI".to_string(), Polarity::Support, "NPL".to_string(), 12)]
    );
}
