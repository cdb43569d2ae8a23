//! A change reported as done, with who asked for it after it: "was
//! deleted from paragraph 8 at the request of Cuba", "was added … at the
//! initiative of Chile and Ghana". Without an action word the phrase is
//! procedure ("At the request of Japan, a separate vote was taken"). Every
//! sentence here is invented for the test.

mod common;

use oewg_kg::fact::Action;

fn edits(text: &str) -> Vec<(String, Vec<u32>, Action)> {
    common::proposals("report", text, "2026-05-11")
}

#[test]
fn the_proposer_of_a_change_done_may_follow_it() {
    let got = edits(
        "Report on the second reading\n\n\
         The sentence on regional cooperation was deleted from paragraph 8 at the request of Cuba. \
         A reference to the private sector was added to paragraph 9 at the initiative of Chile and Ghana.\n",
    );
    assert_eq!(
        got,
        [
            ("CHL".to_string(), vec![9], Action::InsertText),
            ("CUB".to_string(), vec![8], Action::DeleteText),
            ("GHA".to_string(), vec![9], Action::InsertText),
        ]
    );
}

#[test]
fn a_request_without_an_action_is_procedure() {
    let got = edits(
        "Report on the second reading\n\nAt the request of Japan, a separate recorded vote was taken on operative paragraph 5.\n",
    );
    assert_eq!(got, []);
}
