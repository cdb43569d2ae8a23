//! Redline notation: compilations and annotated drafts write proposals into
//! the draft in square brackets, opened by what the proposal does and
//! closed by who asked for it; marks after a proposal say who backed or
//! opposed it, or that it was taken back. Every sentence here is invented
//! for the test.

mod common;

use common::{code, edit_stances, extract};
use oewg_kg::fact::{Action, Polarity};

fn proposals(text: &str) -> Vec<(String, u32, Action)> {
    let mut v: Vec<_> = extract("redline", text, "2024-05-02")
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect();
    v.sort();
    v
}

const KEY: &str = "Annotated draft, Section B\n\nKey: [add: text (State)] insertion; [del text - State] deletion; [+ State] support; [retain - State] objection.\n\n";

#[test]
fn a_bracket_opened_by_an_action_is_its_proposers_edit_on_the_paragraph_it_sits_in() {
    let text = format!(
        "{KEY}12. States noted the value of regional exchanges [add: on a voluntary basis (Nepal, Bhutan)].\n\n13. States welcomed the [del \"global\" - Oman] directory.\n"
    );
    assert_eq!(
        proposals(&text),
        [
            ("BTN".to_string(), 12, Action::InsertText),
            ("NPL".to_string(), 12, Action::InsertText),
            ("OMN".to_string(), 13, Action::DeleteText),
        ]
    );
}

#[test]
fn a_bracket_naming_a_paragraph_targets_that_paragraph() {
    let text = format!(
        "{KEY}PP 4: Recalling earlier resolutions\nOP 2: Encourages States to share views\n[alt OP2: \"Invites States to share views\" (Chad)]\n[new after OP2: \"Requests a report\" (Mali)]\n[del 5 (Laos)]\n[merge 6 and 7 (Peru)]\n"
    );
    assert_eq!(
        proposals(&text),
        [
            ("LAO".to_string(), 5, Action::DeleteParagraph),
            ("MLI".to_string(), 2, Action::AddParagraph),
            ("PER".to_string(), 6, Action::Amend),
            ("TCD".to_string(), 2, Action::ReplaceText),
        ]
    );
}

#[test]
fn marks_after_a_proposal_back_or_oppose_it() {
    let text = format!(
        "{KEY}20. States reaffirmed the framework [add: in full (Ghana)] [+ Togo, Benin] [retain - Laos].\n"
    );
    let f = extract("redline", &text, "2024-05-02");
    let mut got: Vec<_> = edit_stances(&f)
        .into_iter()
        .map(|(h, _, p, by, n)| (h, p, by, n))
        .collect();
    got.sort();
    let s = |h: &str, p| (h.to_string(), p, "GHA".to_string(), 20);
    assert_eq!(
        got,
        [
            s("BEN", Polarity::Support),
            s("LAO", Polarity::Opposition),
            s("TGO", Polarity::Support),
        ]
    );
}

#[test]
fn a_withdrawn_or_superseded_proposal_proposes_nothing() {
    let text = format!(
        "{KEY}30. States discussed capacity-building [del \"capacity\" - Chad] [withdrawn, 3 May] [add: \"and training\" (Mali)] [superseded] [add: \"and joint training\" (Mali, Niger)] [+ Peru]\n"
    );
    assert_eq!(
        proposals(&text),
        [
            ("MLI".to_string(), 30, Action::InsertText),
            ("NER".to_string(), 30, Action::InsertText),
        ]
    );
}

#[test]
fn a_bracket_without_an_action_word_is_not_notation() {
    // A Chair's bracketed alternative names its proposers but opens with
    // no action: the bracket reader's insertion, not the notation's.
    let text = "Revised draft\n\n1. States [should] [could (Cuba)] consider the matter.\n2. Text.\n3. Text.\n4. Text.\n5. Text.\n\nIn a note, Fiji said the draft [sic] was long.\n";
    let got = proposals(text);
    assert_eq!(
        got,
        [("CUB".to_string(), 1, Action::ReplaceText)],
        "{got:?}"
    );
}
