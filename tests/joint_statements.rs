//! Joint statements: one delegation reads a text for a list of states, and
//! every "we" in it is each signatory's position. Every sentence here is
//! invented for the test.

mod common;

use common::{code, extract, policy_positions};
use oewg_kg::fact::Polarity::{self, Support};

fn on(text: &str, slug: &str) -> Vec<(String, Polarity)> {
    let f = extract("joint-statement", text, "2025-03-24");
    let mut v = policy_positions(&f, slug);
    v.sort();
    v.dedup();
    v
}

fn supports(codes: &[&str]) -> Vec<(String, Polarity)> {
    codes.iter().map(|c| (c.to_string(), Support)).collect()
}

#[test]
fn every_signatory_holds_the_statements_positions() {
    let text = "Joint statement on capacity-building\nDelivered by Peru at the second session of the Global Mechanism\n\nMr. Chair,\n\nI have the honour to speak on behalf of Nepal, Peru, Senegal and Tonga.\n\nWe strongly support the voluntary fund and call for its early replenishment.";
    assert_eq!(
        on(text, "voluntary-fund"),
        supports(&["NPL", "PER", "SEN", "TON"])
    );
    // The speaker voices the others' positions.
    let f = extract("joint-statement", text, "2025-03-24");
    let nepal = f.stances.iter().find(|s| code(&s.actor) == "NPL").unwrap();
    assert_eq!(nepal.voiced_by.as_ref().map(code).as_deref(), Some("PER"));
}

#[test]
fn the_following_states_may_introduce_the_list() {
    let text = "Joint explanation of position\nDelivered by Mongolia\n\nThis statement is made on behalf of the following States: Bhutan, Mongolia and Nepal.\n\nWe support the voluntary fund.";
    assert_eq!(on(text, "voluntary-fund"), supports(&["BTN", "MNG", "NPL"]));
}

#[test]
fn a_group_named_first_keeps_the_voice() {
    let text = "Statement on behalf of the Pacific Islands Forum\n\nI speak on behalf of the members of the Pacific Islands Forum: Fiji, Samoa and Tonga.\n\nWe support the voluntary fund.";
    assert_eq!(on(text, "voluntary-fund"), supports(&["PIF"]));
}

#[test]
fn aligning_with_a_joint_statement_makes_no_signatory() {
    let text = "Statement by the delegation of Chile\n\nChile aligns itself with the statement delivered by Peru on behalf of Nepal, Peru and Tonga.\n\nWe support the voluntary fund.";
    assert_eq!(on(text, "voluntary-fund"), supports(&["CHL"]));
}
