//! Chronologies, digests and year-in-review entries write in the present
//! tense and pack several clauses under one fronted paragraph: "On
//! paragraph 14, Peru asks to …; Laos asks to delete …", "Fiji tables a
//! new paragraph", "Iran dissociates from paragraph 42". Every sentence
//! here is invented for the test.

mod common;

use oewg_kg::fact::Action;

/// `(proposer, paragraphs, action)` of every edit proposal.
fn edits(text: &str) -> Vec<(String, Vec<u32>, Action)> {
    common::proposals("chronology", text, "2027-12-20")
}

#[test]
fn a_fronted_paragraph_holds_for_every_clause_of_its_sentence() {
    let got = edits(
        "Year in review\n\nMarch 2027. Fiji tables a new paragraph after paragraph 50.\n\n\
         May 2027. On paragraph 14, Peru asks for a reference to the Charter; Laos asks to delete the last sentence.\n",
    );
    let who: Vec<(&str, &[u32])> = got.iter().map(|e| (e.0.as_str(), e.1.as_slice())).collect();
    assert_eq!(
        who,
        [("FJI", &[50][..]), ("LAO", &[14][..]), ("PER", &[14][..])]
    );
    assert_eq!(got[0].2, Action::AddParagraph);
    assert_eq!(got[1].2, Action::DeleteText);
}

#[test]
fn dissociating_from_a_paragraph_without_the_reflexive_is_a_proposal_on_it() {
    let got = edits("Year in review\n\nJuly 2027. Iran and Syria dissociate from paragraph 42.\n");
    let who: Vec<(&str, &[u32])> = got.iter().map(|e| (e.0.as_str(), e.1.as_slice())).collect();
    assert_eq!(who, [("IRN", &[42][..]), ("SYR", &[42][..])]);
}
