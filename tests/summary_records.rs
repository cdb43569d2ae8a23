//! A summary record names each speaker once, by title and country, and
//! then says "his delegation", "her delegation": those are the speaker's
//! state. Every sentence here is invented for the test.

mod common;

use common::{code, extract, reactions};
use oewg_kg::fact::{Action, Polarity};

const RECORD: &str = "\
Summary record of the 4th meeting

2. Mr. Soto (Peru) proposed inserting the words \u{201c}as appropriate\u{201d} at the end of paragraph 34.

3. Ms. Tamm (Estonia) said that she was not in a position to accept that insertion. Her delegation instead proposed adding, at the end of paragraph 34, a reference to \u{201c}due diligence\u{201d}.
";

#[test]
fn her_delegation_is_the_speakers_state() {
    let f = extract("record", RECORD, "2024-07-20");
    let mut got: Vec<(String, u32, Action)> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("EST".to_string(), 34, Action::InsertText),
            ("PER".to_string(), 34, Action::InsertText),
        ]
    );
}

#[test]
fn not_being_in_a_position_to_accept_opposes() {
    assert_eq!(
        reactions("record", RECORD, "2024-07-20"),
        [(
            "EST".to_string(),
            Polarity::Opposition,
            "PER".to_string(),
            34
        )]
    );
}
