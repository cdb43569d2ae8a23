//! A draft's sponsors back what the draft is about. Reports name them
//! without naming the body or proposal again ("Peru was among the 40
//! co-sponsors", "Introducing the draft, the representative of Chad
//! said …"): the draft's topic is what the sentences naming the draft
//! describe, else what the block, section or title is about. Those asked
//! to act on a draft's sponsors, those not among them and the sponsors of
//! an amendment take no position. Every sentence here is invented for the
//! test.

mod common;

use oewg_kg::fact::Polarity;

fn on_the_poa(text: &str) -> Vec<(String, Polarity)> {
    common::on_the_poa("report", text, "2025-11-04")
}

fn backers(codes: &[&str]) -> Vec<(String, Polarity)> {
    codes
        .iter()
        .map(|c| (c.to_string(), Polarity::Support))
        .collect()
}

#[test]
fn a_draft_described_elsewhere_lends_its_topic_to_its_sponsors() {
    let text = "First Committee, morning meeting\n\n\
        The Committee turned to draft resolution A/C.1/81/L.40, which would establish a programme of action on ICT security.\n\n\
        Introducing the draft, the representative of Mongolia said it answered the needs of small delegations. \
        Nepal, Chile and Ghana were among the 61 co-sponsors. \
        Bhutan and Fiji said they would co-sponsor the text in its revised form.\n";
    assert_eq!(
        on_the_poa(text),
        backers(&["BTN", "CHL", "FJI", "GHA", "MNG", "NPL"])
    );
}

#[test]
fn a_sponsor_named_after_the_word_or_in_brackets_backs_the_draft() {
    let text = "Vote on a programme of action\n\n\
        Main sponsor Peru thanked delegations. Chad (co-author) said it would seek consensus next year.\n";
    assert_eq!(on_the_poa(text), backers(&["PER", "TCD"]));
}

#[test]
fn those_who_address_the_sponsors_or_are_not_among_them_take_no_position() {
    let text = "Vote on a programme of action\n\n\
        The representative of Iran urged the sponsors to reconsider the timing. \
        Cuba, which was not a co-sponsor, asked for more time.\n";
    assert_eq!(on_the_poa(text), []);
}

#[test]
fn an_amendment_and_its_sponsor_are_not_the_draft() {
    let text = "Vote on a programme of action\n\n\
        Before the vote on the draft as a whole, the Committee voted on an amendment (document A/C.1/81/L.88) submitted by Iran. \
        Syria introduced draft amendments to the preamble.\n";
    assert_eq!(on_the_poa(text), []);
}

#[test]
fn a_draft_named_by_its_symbol_without_a_description_has_no_topic() {
    // The block is about the PoA, but L.51 is never said to be.
    let text = "Vote on a programme of action\n\n\
        The programme of action was discussed at length. Draft resolution A/C.1/81/L.51 was introduced by Belarus on behalf of its sponsors, who included Laos and Nicaragua.\n";
    assert_eq!(on_the_poa(text), []);
}

#[test]
fn a_sentence_naming_two_bodies_says_which_draft_of_neither() {
    let text = "Vote on a programme of action\n\n\
        Peru, Chile and Chad were among the sponsors; the report mentions the OEWG and the programme of action.\n";
    assert_eq!(on_the_poa(text), []);
}
