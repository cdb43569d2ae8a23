//! Short reports of backing after a proposal: "A and B spoke in favour.",
//! "C and D spoke in its favour", also after a first cue that names no
//! holder ("The proposal drew wide support: …") and beside "no delegation
//! objected". Every sentence here is invented for the test.

mod common;

use common::{edit_stances, extract};
use oewg_kg::fact::Polarity;

/// (holder, polarity, proposer) of every stance on an edit, sorted.
fn backing(text: &str) -> Vec<(String, Polarity, String)> {
    let f = extract("summary", text, "2024-03-01");
    let mut s: Vec<(String, Polarity, String)> = edit_stances(&f)
        .into_iter()
        .map(|(h, _, p, proposer, _)| (h, p, proposer))
        .collect();
    s.sort();
    s
}

#[test]
fn spoke_in_favour_backs_the_proposal_just_made() {
    let got = backing("Meeting summary\n\nOn paragraph 2, Fiji proposed adding \"small island States\" after \"developing countries\". Palau and Tonga spoke in favour.\n");
    assert_eq!(
        got,
        [
            ("PLW".to_string(), Polarity::Support, "FJI".to_string()),
            ("TON".to_string(), Polarity::Support, "FJI".to_string())
        ]
    );
}

#[test]
fn a_cue_without_holders_gives_way_to_the_next_and_no_delegation_is_nobody() {
    let got = backing("Meeting summary\n\nOn paragraph 3, Peru proposed to delete the last sentence. The proposal drew wide support: Chile and Oman spoke in its favour, and no delegation objected.\n");
    assert_eq!(
        got,
        [
            ("CHL".to_string(), Polarity::Support, "PER".to_string()),
            ("OMN".to_string(), Polarity::Support, "PER".to_string())
        ]
    );
}

#[test]
fn a_linking_adverb_before_the_second_verb_still_opens_its_clause() {
    // ", and therefore did not support it": the second verb is the
    // subject's position on the proposal, not part of its request.
    let got = backing("Meeting summary\n\nOn paragraph 4, Peru proposed to delete the second sentence. Chile asked for more time to consult capitals, and therefore did not support the proposal.\n");
    assert_eq!(
        got,
        [("CHL".to_string(), Polarity::Opposition, "PER".to_string())]
    );
}
