//! "Chile has noted Norway's proposal to merge paragraphs 3 and 4": a
//! possessive before a proposal noun names its proposer, not the clause's
//! subject; and "welcomes coordination with it" welcomes the coordination,
//! not what "it" stands for. Every sentence here is invented for the test.

mod common;

use common::{proposals, reactions};
use oewg_kg::fact::Action;

#[test]
fn a_possessive_before_a_proposal_noun_is_its_proposer() {
    let got = proposals(
        "notes",
        "Notes\n\n7. Chile has noted Norway's proposal to merge operative paragraphs 3 and 4 and will revert after consultations.\n",
        "2027-10-14",
    );
    assert_eq!(got, [("NOR".to_string(), vec![3, 4], Action::Amend)]);
}

#[test]
fn a_pronoun_a_noun_governs_is_not_the_cues_object() {
    let got = reactions(
        "notes",
        "Notes\n\nPeru proposed to merge paragraphs 3 and 4. The African Group welcomes coordination with it.\n",
        "2027-10-14",
    );
    assert!(got.is_empty(), "{got:?}");
}
