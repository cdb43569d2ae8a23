//! Who holds a position voiced for others or counted by a vague subject:
//! every state "on behalf of" lists, voiced by the speaker; a state
//! coordinated with the speaker after the phrase holds it in its own name;
//! "several delegations objected, among them A and B" is A's and B's
//! position. Every sentence here is invented for the test.

mod common;

use common::{code, edit_stances as on_edits, extract};
use oewg_kg::fact::Polarity;

const NOTE: &str = "\
Summary of the informal meeting on the zero draft

On paragraph 25, Bhutan proposed to delete the words \"where possible\". Peru, speaking also on behalf of Chile, Uruguay and Paraguay, expressed strong opposition.

On paragraph 30, Ghana proposed to add a reference to regional organizations. Fiji, on behalf of the Pacific Islands Forum, and Nepal supported the proposal.

On paragraph 31, speaking for the Arab Group, Jordan proposed to delete the second sentence.
";

/// `(proposer, voiced by, first paragraph)` of every proposal in `text`.
fn proposers(text: &str) -> Vec<(String, Option<String>, u32)> {
    extract("summary", text, "2024-03-01")
        .proposals
        .iter()
        .map(|p| {
            (
                code(&p.proposer),
                p.voiced_by.as_ref().map(code),
                p.targets[0],
            )
        })
        .collect()
}

#[test]
fn every_state_listed_after_on_behalf_of_holds_the_position_the_speaker_voices() {
    let f = extract("note", NOTE, "2024-03-01");
    let s = on_edits(&f);
    assert!(s.contains(&("PER".into(), None, Polarity::Opposition, "BTN".into(), 25)));
    for c in ["CHL", "URY", "PRY"] {
        let want = (
            c.into(),
            Some("PER".into()),
            Polarity::Opposition,
            "BTN".into(),
            25,
        );
        assert!(s.contains(&want), "{c}: {s:?}");
    }
    // None of them proposed anything: they oppose Bhutan's proposal.
    let proposers: Vec<String> = f.proposals.iter().map(|p| code(&p.proposer)).collect();
    assert_eq!(proposers, ["BTN", "GHA", "ARAB-GROUP"]);
}

#[test]
fn a_state_after_the_phrase_speaks_for_itself() {
    let f = extract("note", NOTE, "2024-03-01");
    let s = on_edits(&f);
    assert!(s.contains(&(
        "PIF".into(),
        Some("FJI".into()),
        Polarity::Support,
        "GHA".into(),
        30
    )));
    assert!(
        s.contains(&("NPL".into(), None, Polarity::Support, "GHA".into(), 30)),
        "{s:?}"
    );
}

#[test]
fn a_fronted_phrase_names_the_group_and_then_its_speaker() {
    let f = extract("note", NOTE, "2024-03-01");
    let p = f
        .proposals
        .iter()
        .find(|p| p.targets == [31])
        .expect("paragraph 31");
    assert_eq!(code(&p.proposer), "ARAB-GROUP");
    assert_eq!(p.voiced_by.as_ref().map(code), Some("JOR".into()));
}

#[test]
fn a_vague_subject_holds_nothing_the_states_it_counts_hold_the_position() {
    let text = "Summary\n\nOn paragraph 34, Bhutan proposed to delete the second sentence. Several delegations objected to the deletion, among them Chile and Peru.\n";
    let f = extract("note", text, "2024-03-01");
    let s = on_edits(&f);
    for c in ["CHL", "PER"] {
        let want = (c.into(), None, Polarity::Opposition, "BTN".into(), 34);
        assert!(s.contains(&want), "{c}: {s:?}");
    }
}

#[test]
fn the_speaker_for_a_group_is_the_actor_right_before_on_behalf_of() {
    // A passive "echoed by" is about its subject, the proposal by Laos;
    // Viet Nam voices ASEAN's support, Malaysia speaks for itself.
    let text = "Meeting summary\n\nThe proposal by Laos to merge paragraphs 4 and 5 was echoed by Malaysia and by Viet Nam on behalf of ASEAN.\n";
    let f = extract("summary", text, "2024-03-01");
    let made: Vec<(String, Vec<u32>)> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone()))
        .collect();
    assert_eq!(made, [("LAO".to_string(), vec![4, 5])]);
    let mut s = on_edits(&f);
    s.sort();
    assert_eq!(
        s,
        [
            (
                "ASEAN".into(),
                Some("VNM".into()),
                Polarity::Support,
                "LAO".into(),
                4
            ),
            ("MYS".into(), None, Polarity::Support, "LAO".into(), 4),
        ]
    );
}

#[test]
fn a_group_speaking_through_a_state_holds_what_the_state_voices() {
    let text = "Meeting summary\n\nOn paragraph 3, the African Group, speaking through Ghana, proposed inserting \"and regional organizations\" after \"States\".\n";
    assert_eq!(
        proposers(text),
        [("AFRICAN-GROUP".to_string(), Some("GHA".to_string()), 3)]
    );
}

#[test]
fn through_a_body_is_no_voice() {
    let text = "Meeting summary\n\nPeru proposed, through the Chair, to delete paragraph 4.\n";
    assert_eq!(proposers(text), [("PER".to_string(), None, 4)]);
}

#[test]
fn a_through_before_on_behalf_of_does_not_hide_it() {
    let text = "Meeting summary\n\nHaving gone through the text, Ghana, on behalf of the African Group, proposed to delete paragraph 5.\n";
    assert_eq!(
        proposers(text),
        [("AFRICAN-GROUP".to_string(), Some("GHA".to_string()), 5)]
    );
}
