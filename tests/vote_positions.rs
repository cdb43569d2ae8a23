//! A recorded vote as a position: a yes or no on a text about one
//! recurring body or proposal backs or opposes it, but a vote on an
//! amendment to that text does not (the amendment may strengthen or weaken
//! it); a vote on an amendment or an edit proposal is a position on that
//! edit. Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Polarity, StanceTarget};

/// `(state, polarity)` of every position on the Programme of Action.
fn on_the_poa(text: &str) -> Vec<(String, Polarity)> {
    let f = extract("press-release", text, "2024-11-04");
    let poa = StanceTarget::Body("poa".into());
    let mut v: Vec<_> = f
        .stances
        .iter()
        .filter(|s| s.target == poa)
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    v.sort();
    v
}

const DRAFT: &str = "The Committee approved draft resolution A/C.1/79/L.60 on the Programme of Action by a recorded vote of 150 in favour to 3 against (Laos, Nauru, Oman), with 9 abstentions.\n";

#[test]
fn a_vote_on_the_text_about_a_body_is_a_position_on_the_body() {
    assert_eq!(
        on_the_poa(DRAFT),
        [
            ("LAO".to_string(), Polarity::Opposition),
            ("NRU".to_string(), Polarity::Opposition),
            ("OMN".to_string(), Polarity::Opposition)
        ]
    );
}

#[test]
fn a_vote_on_an_amendment_to_that_text_is_no_position_on_the_body() {
    let text = format!(
        "{DRAFT}\nEarlier, the Committee took up an amendment (A/C.1/79/L.91) to the draft on the Programme of Action tabled by Palau. The amendment was rejected by a recorded vote of 12 in favour to 120 against, with 20 abstentions. Those voting in favour included Palau, Tonga and Fiji. Those voting against included Peru and Chile.\n"
    );
    let got = on_the_poa(&text);
    assert!(
        !got.iter()
            .any(|(s, _)| ["PLW", "TON", "FJI", "PER", "CHL"].contains(&s.as_str())),
        "{got:?}"
    );
    assert_eq!(got.len(), 3, "{got:?}");
}

/// The edit positions `(holder, polarity, proposer, paragraph)` of a text.
fn on_edits(text: &str) -> Vec<(String, Polarity, String, u32)> {
    common::reactions("press-release", text, "2025-10-30")
}

#[test]
fn a_vote_on_an_amendment_backs_or_opposes_the_edit_it_makes() {
    let text = "Introducing the amendment (A/C.1/90/L.77), the representative of Palau said it would delete operative paragraph 4 of draft A/C.1/90/L.12. The amendment was rejected by a recorded vote of 3 in favour to 150 against, with 8 abstentions.\nIn favour: Palau, Tonga, Fiji.\nAgainst: Peru, Chile.\nAbstaining: Nepal.\n";
    let s = |h: &str, p| (h.to_string(), p, "PLW".to_string(), 4);
    assert_eq!(
        on_edits(text),
        [
            s("CHL", Polarity::Opposition),
            s("FJI", Polarity::Support),
            s("PER", Polarity::Opposition),
            s("TON", Polarity::Support),
        ]
    );
}

#[test]
fn a_vote_on_a_proposal_to_delete_a_paragraph_is_a_position_on_it() {
    let text = "A proposal by Chad to delete paragraph 3 of article 9 was defeated on Friday.\n\nThe proposal was rejected by 90 votes against to 12 in favour, with 30 abstentions. Among those in favour of the deletion were Chad, Mali and Niger. Those voting against included Peru and Norway.\n";
    let got = on_edits(text);
    let s = |h: &str, p| (h.to_string(), p, "TCD".to_string(), 3);
    assert_eq!(
        got,
        [
            s("MLI", Polarity::Support),
            s("NER", Polarity::Support),
            s("NOR", Polarity::Opposition),
            s("PER", Polarity::Opposition),
        ]
    );
}

#[test]
fn a_vote_on_the_draft_after_an_edit_is_no_position_on_the_edit() {
    let text = "Peru proposed to delete paragraph 6. The draft resolution was then approved by a recorded vote of 160 in favour to 2 against (Laos, Nauru), with 4 abstentions.\n";
    assert_eq!(on_edits(text), []);
}

#[test]
fn a_vote_to_retain_a_paragraph_is_the_deletions_vote_the_other_way_round() {
    let text = "PRESS RELEASE: Committee keeps paragraph on stakeholders\n\nNauru had proposed to delete operative paragraph 7 and asked for a recorded vote on its retention. The Committee decided to retain operative paragraph 7 by a recorded vote of 140 in favour to 4 against, with 9 abstentions. The following delegations voted against retention: Nauru, Laos, Oman and Qatar.\n";
    let s = |h: &str, p| (h.to_string(), p, "NRU".to_string(), 7);
    assert_eq!(
        on_edits(text),
        [
            s("LAO", Polarity::Support),
            s("OMN", Polarity::Support),
            s("QAT", Polarity::Support),
        ]
    );
}

#[test]
fn a_draft_described_elsewhere_gives_its_vote_a_topic() {
    // The vote's own sentences name no body; the sentence that introduced
    // the draft says what it does.
    let text = "Ministry report\n\n2. The draft resolutions\nNauru, together with Palau and other sponsors, introduced draft resolution A/C.1/81/L.40, which would set the Programme of Action in motion next year.\nThe draft was approved by a recorded vote of 140 in favour to 4 against, with 10 abstentions. Among those voting against were Laos and Oman.\n";
    // (Nauru introduced it: its sponsor backs it.)
    assert_eq!(
        on_the_poa(text),
        [
            ("LAO".to_string(), Polarity::Opposition),
            ("NRU".to_string(), Polarity::Support),
            ("OMN".to_string(), Polarity::Opposition)
        ]
    );
}

#[test]
fn a_resolution_cited_as_a_mandate_is_not_the_voted_text() {
    // "established by resolution 73/27" cites the group's mandate; the vote
    // is on the new draft, adopted as resolution 75/240.
    let text = "The President: Draft resolution I would convene a new open-ended working group, in continuation of the group established by resolution 73/27. A recorded vote has been requested.\nIn favour: Laos, Oman.\nAgainst: Peru.\nDraft resolution I was adopted by 2 votes to 1 (resolution 75/240).\n";
    let f = extract("record", text, "2020-12-31");
    let on: Vec<String> = f
        .votes
        .iter()
        .flat_map(|v| v.on.iter().map(|t| code(t.text())))
        .collect();
    assert!(!on.iter().any(|e| e.contains("73")), "{on:?}");
}

/// A memo names a draft by its short symbol alone and says what it is
/// about in another paragraph; the vote's own paragraph opens its lists
/// with the side ("Against included …").
#[test]
fn a_short_symbol_described_elsewhere_gives_its_vote_a_topic() {
    let memo = "Briefing memo\n\n\
        SUMMARY: L.41 (PoA, France/Egypt) went through comfortably.\n\n\
        1. L.41. Recorded vote 150-9-12. Against included Laos and Oman. Fiji voted yes.\n";
    assert_eq!(
        on_the_poa(memo),
        [
            ("FJI".to_string(), Polarity::Support),
            ("LAO".to_string(), Polarity::Opposition),
            ("OMN".to_string(), Polarity::Opposition)
        ]
    );
}
