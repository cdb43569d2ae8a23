//! Stakeholder participation is mostly argued without its name: who
//! should be let in ("academia and industry", "NGOs", "companies,
//! researchers and civil society") and what they should be able to do
//! (take part, speak, attend). `ontology/reference/policy_clauses.csv`
//! makes such a list a mention of the policy, so the usual cues and rules
//! read the position. Every sentence here is invented for the test.

mod common;

use common::{extract, policy_positions};
use oewg_kg::fact::Polarity::{Opposition, Support};

const SLUG: &str = "multistakeholder-participation";

fn positions(text: &str) -> Vec<(String, oewg_kg::fact::Polarity)> {
    let mut v = policy_positions(&extract("notes", text, "2026-03-03"), SLUG);
    v.sort();
    v.dedup();
    v
}

#[test]
fn letting_named_stakeholders_take_part_backs_their_participation() {
    let text = "Fiji argued that academia and industry should be allowed to take part in every thematic group. Peru pushed for NGOs to attend the plenary without a veto by any single State.";
    assert_eq!(
        positions(text),
        [("FJI".to_string(), Support), ("PER".to_string(), Support)]
    );
}

#[test]
fn keeping_them_out_opposes_it() {
    let text = "Chad said that civil society must not be allowed to speak in the plenary.";
    assert_eq!(positions(text), [("TCD".to_string(), Opposition)]);
}

#[test]
fn stakeholders_doing_something_else_are_no_position() {
    let text = "Nepal noted that industry has invested heavily in cloud services. Researchers published a study on ransomware, Ghana said.";
    assert_eq!(positions(text), []);
}
