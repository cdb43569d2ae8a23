//! A dissociation from adopted text ("we dissociate ourselves from
//! paragraph 15(c)") is the formal record that a state wanted that text
//! out: a `DeleteText` proposal on the paragraph, whatever the size of
//! what it dissociates from. Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::Action;

fn proposals(text: &str) -> Vec<(String, u32, Action)> {
    let f = extract("explanation", text, "2024-07-12");
    let mut v: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect();
    v.sort();
    v
}

#[test]
fn a_dissociation_is_a_deletion_of_the_text() {
    let text = "Statement by the delegation of Chile\n\nFirst, we dissociate ourselves from paragraph 15(c). Peru and Fiji dissociated themselves from the last sentence of paragraph 40. Oman disassociates itself from paragraph 41.";
    assert_eq!(
        proposals(text),
        [
            ("CHL".to_string(), 15, Action::DeleteText),
            ("FJI".to_string(), 40, Action::DeleteText),
            ("OMN".to_string(), 41, Action::DeleteText),
            ("PER".to_string(), 40, Action::DeleteText),
        ]
    );
}

#[test]
fn freeing_oneself_from_a_paragraph_is_no_proposal() {
    let text = "Kenya said the group had to free itself from paragraph 7 and its old wording.";
    assert_eq!(proposals(text), []);
}
