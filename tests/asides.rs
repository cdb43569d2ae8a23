//! A relative aside after the subject ("Iran, which said …, proposed …")
//! is the subject's own clause: its position is the subject's, and the
//! verb after it still leads the main clause. Every sentence here is
//! invented for the test.

mod common;

use common::{code, extract, policy_positions};
use oewg_kg::fact::Polarity;

#[test]
fn the_verb_after_an_aside_leads_and_the_aside_keeps_its_position() {
    let text = "Meeting summary\n\nOn paragraph 14, Cuba, which said that it did not support a legally binding instrument, proposed to delete the second sentence of paragraph 14.\n";
    let f = extract("summary", text, "2024-03-01");
    let proposals: Vec<(String, u32)> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0]))
        .collect();
    assert_eq!(proposals, [("CUB".to_string(), 14)]);
    let on_treaty = policy_positions(&f, "legally-binding-instrument");
    assert_eq!(on_treaty, [("CUB".to_string(), Polarity::Opposition)]);
}

#[test]
fn an_aside_after_an_object_is_left_whole() {
    // "who asked …" belongs to Nepal and Oman, not to the speaker: not
    // split (the subject does not stand alone before it).
    let text =
        "Meeting summary\n\nPeru joined Nepal and Oman, who asked that paragraph 8 be deleted.\n";
    let f = extract("summary", text, "2024-03-01");
    assert!(
        f.proposals.iter().all(|p| code(&p.proposer) != "PER"),
        "{:?}",
        f.proposals
    );
}
