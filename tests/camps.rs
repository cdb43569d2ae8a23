//! Positions on recurring proposals as analytical pieces and policy briefs
//! phrase them: a relative clause after the state that holds them, verbs in
//! the present tense, "lined up behind". Every sentence here is invented
//! for the test.

mod common;

use common::{extract, policy_positions};
use oewg_kg::fact::Polarity::{self, Opposition, Support};

fn on(text: &str, slug: &str) -> Vec<(String, Polarity)> {
    let f = extract("policy-brief", text, "2025-02-10");
    let mut v = policy_positions(&f, slug);
    v.sort();
    v.dedup();
    v
}

#[test]
fn a_relative_clause_after_a_state_is_that_states_position() {
    assert_eq!(
        on(
            "The bluntest reply came from Latvia, which rejected a new treaty outright.",
            "legally-binding-instrument"
        ),
        [("LVA".to_string(), Opposition)]
    );
}

#[test]
fn a_relative_clause_with_its_own_subject_is_not() {
    assert_eq!(
        on(
            "The bluntest reply came from Latvia, which the Chair said rejected a new treaty.",
            "legally-binding-instrument"
        ),
        []
    );
}

#[test]
fn present_tense_backing_and_lining_up_behind_are_support() {
    let text = "Laos and Fiji back the voluntary fund for capacity-building. Senegal now champions a standing body with a capacity-building stream, and Togo has lined up behind it.";
    assert_eq!(
        on(text, "voluntary-fund"),
        [("FJI".to_string(), Support), ("LAO".to_string(), Support)]
    );
    assert_eq!(
        on(text, "permanent-mechanism"),
        [("SEN".to_string(), Support), ("TGO".to_string(), Support)]
    );
}

#[test]
fn seeing_merit_backs_and_questioning_the_need_opposes() {
    let text = "Nepal sees merit in a voluntary fund. Chile does not see merit in a voluntary fund. Oman questioned the need for a legally binding instrument.";
    assert_eq!(
        on(text, "voluntary-fund"),
        [
            ("CHL".to_string(), Opposition),
            ("NPL".to_string(), Support)
        ]
    );
    assert_eq!(
        on(text, "legally-binding-instrument"),
        [("OMN".to_string(), Opposition)]
    );
}

#[test]
fn early_co_sponsors_back_the_text_but_states_invited_to_join_them_do_not() {
    let text = "Chad and Peru were early co-sponsors of the PoA resolution. Mali has invited Niger and Togo to consider joining the co-sponsors of future texts on the programme of action.";
    let f = extract("policy-brief", text, "2023-05-10");
    let mut got: Vec<_> = f
        .stances
        .iter()
        .filter(|s| s.target == oewg_kg::fact::StanceTarget::Body("poa".into()))
        .map(|s| (common::code(&s.actor), s.polarity))
        .collect();
    got.sort();
    got.dedup();
    assert_eq!(
        got,
        [("PER".to_string(), Support), ("TCD".to_string(), Support)]
    );
}

#[test]
fn echoing_in_a_later_clause_copies_the_clause_before() {
    let text = "Nepal and Fiji back the voluntary fund. Oman dismisses a legally binding instrument as premature, and Qatar has echoed that phrase.";
    assert_eq!(
        on(text, "legally-binding-instrument"),
        [
            ("OMN".to_string(), Opposition),
            ("QAT".to_string(), Opposition)
        ]
    );
    assert_eq!(
        on(text, "voluntary-fund"),
        [("FJI".to_string(), Support), ("NPL".to_string(), Support)]
    );
}

#[test]
fn pledging_money_to_a_fund_backs_it() {
    let text = "Norway pledged funds to the voluntary fund. The Japanese delegation announced a new contribution to the voluntary fund.";
    assert_eq!(
        on(text, "voluntary-fund"),
        [("JPN".to_string(), Support), ("NOR".to_string(), Support)]
    );
}

#[test]
fn siding_with_or_pushing_back_on_a_state_in_the_present_tense() {
    let text = "Fiji calls for a voluntary fund. Samoa sides with Fiji. Oman pushes back on Fiji.";
    assert_eq!(
        on(text, "voluntary-fund"),
        [
            ("FJI".to_string(), Support),
            ("OMN".to_string(), Opposition),
            ("WSM".to_string(), Support)
        ]
    );
}

#[test]
fn being_of_the_same_mind_as_a_state_copies_its_position() {
    let text = "Fiji calls for a voluntary fund. Samoa was of the same mind as Fiji.";
    assert_eq!(
        on(text, "voluntary-fund"),
        [("FJI".to_string(), Support), ("WSM".to_string(), Support)]
    );
}
