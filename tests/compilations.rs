//! A compilation of proposals lists them under paragraph headings, one
//! imperative entry per proposal with its proposers in a closing bracket,
//! and notes who backs or objects to each. Every sentence here is invented
//! for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Action, Polarity, SourceFacts, StanceTarget};

const COMPILATION: &str = "\
Compilation of proposals on the zero draft of the annual report
Section B: Norms

Paragraph 21
- Replace \"all States\" with \"States\" [Ecuador].
- Delete the second sentence [Belize, Guyana].
- Retain the second sentence [Norway].

Paragraph 22
- Insert \"where feasible\" after \"cooperate\" [Tunisia, supported by Jordan and Oman].
- Replace \"shall\" with \"should\" [Laos]. Opposed: Denmark.

Paragraph 23
- Delete [Nepal].
- Add new para 23 bis: \"States recalled the value of regional dialogue.\" [Mongolia]
";

fn read(text: &str) -> SourceFacts {
    extract("compilation", text, "2024-03-01")
}

/// `(proposer, paragraphs, action)` of every proposal.
fn edits(f: &SourceFacts) -> Vec<(String, Vec<u32>, Action)> {
    f.proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone(), p.action))
        .collect()
}

/// `(actor, polarity, proposer)` of every stance on an edit.
fn edit_stances(f: &SourceFacts) -> Vec<(String, Polarity, String)> {
    f.stances
        .iter()
        .filter_map(|s| match s.target {
            StanceTarget::Edit(i) => {
                Some((code(&s.actor), s.polarity, code(&f.proposals[i].proposer)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn an_entry_is_the_proposal_of_those_its_closing_bracket_names() {
    let e = edits(&read(COMPILATION));
    for want in [
        ("ECU", 21, Action::ReplaceText),
        ("BLZ", 21, Action::DeleteText),
        ("GUY", 21, Action::DeleteText),
        ("TUN", 22, Action::InsertText),
        ("LAO", 22, Action::ReplaceText),
    ] {
        assert!(
            e.contains(&(want.0.into(), vec![want.1], want.2)),
            "{want:?} in {e:?}"
        );
    }
}

#[test]
fn those_a_label_says_support_the_entry_rather_than_make_it() {
    let f = read(COMPILATION);
    let s = edit_stances(&f);
    for c in ["JOR", "OMN"] {
        assert!(
            s.contains(&(c.into(), Polarity::Support, "TUN".into())),
            "{s:?}"
        );
        assert!(!edits(&f).iter().any(|e| e.0 == c));
    }
}

#[test]
fn retain_and_opposed_entries_object_to_the_proposals_just_listed() {
    let s = edit_stances(&read(COMPILATION));
    for p in ["BLZ", "GUY"] {
        assert!(
            s.contains(&("NOR".into(), Polarity::Opposition, p.into())),
            "{s:?}"
        );
    }
    assert!(
        s.contains(&("DNK".into(), Polarity::Opposition, "LAO".into())),
        "{s:?}"
    );
}

#[test]
fn a_bare_delete_removes_the_headings_paragraph_and_a_bis_paragraph_follows_its_anchor() {
    let e = edits(&read(COMPILATION));
    assert!(
        e.contains(&("NPL".into(), vec![23], Action::DeleteParagraph)),
        "{e:?}"
    );
    assert!(
        e.contains(&("MNG".into(), vec![23], Action::AddParagraph)),
        "{e:?}"
    );
}

#[test]
fn a_bracket_that_names_no_actor_is_no_label() {
    let f = read("Paragraph 4\n- Replace \"may\" with \"should\" [see the Chair's note].\n");
    assert!(f.proposals.is_empty(), "{:?}", edits(&f));
}

#[test]
fn operative_and_preambular_headings_name_the_paragraph_of_their_entries() {
    let f = read(
        "Compilation of amendments to the draft resolution\n\nOP4 (a)\n- Insert \"and training\" after \"capacity-building\" [Malawi].\n\nPP2\n- Zambia: replace \"Recalling\" with \"Recalling also\".\n",
    );
    let e = edits(&f);
    assert!(
        e.contains(&("MWI".into(), vec![4], Action::InsertText)),
        "{e:?}"
    );
    assert!(
        e.contains(&("ZMB".into(), vec![2], Action::ReplaceText)),
        "{e:?}"
    );
}

#[test]
fn a_label_before_the_action_names_the_proposer_and_its_supporters() {
    let f = read(
        "Paragraph 30\n- [Kiribati: delete]\n\nParagraph 31\n- Bolivia, supported by Colombia and Uruguay: replace \"decides\" with \"considers\".\n",
    );
    let e = edits(&f);
    assert!(
        e.contains(&("KIR".into(), vec![30], Action::DeleteParagraph)),
        "{e:?}"
    );
    assert!(
        e.contains(&("BOL".into(), vec![31], Action::ReplaceText)),
        "{e:?}"
    );
    assert!(!e.iter().any(|x| x.0 == "COL" || x.0 == "URY"), "{e:?}");
    let s = edit_stances(&f);
    for c in ["COL", "URY"] {
        assert!(
            s.contains(&(c.into(), Polarity::Support, "BOL".into())),
            "{s:?}"
        );
    }
}

#[test]
fn a_bracket_before_the_colon_of_the_wording_names_the_proposer() {
    let text = "Compilation of proposals\n\nNew paragraph 14 bis\n- Add new para 14 bis (Laos): \"States stressed the value of regional dialogue.\"\n  Opposed: Denmark, Chile.\n";
    let f = read(text);
    assert_eq!(
        edits(&f),
        [("LAO".to_string(), vec![14], Action::AddParagraph)]
    );
    assert_eq!(
        edit_stances(&f),
        [
            ("DNK".to_string(), Polarity::Opposition, "LAO".to_string()),
            ("CHL".to_string(), Polarity::Opposition, "LAO".to_string())
        ]
    );
}

#[test]
fn a_sub_paragraph_bracket_is_no_proposer() {
    // "(c)" before the colon is the sub-paragraph, not a label: the entry
    // has no proposer and makes no proposal.
    let text = "Compilation of proposals\n\nParagraph 9\n- Insert in paragraph 9 (c): \"and regional organizations\".\n";
    assert!(read(text).proposals.is_empty());
}

#[test]
fn support_for_retaining_a_paragraph_opposes_its_deletion() {
    let text = "Compilation of proposals\n\nParagraph 30\n- Delete the paragraph (Belize).\n  Support for retaining the paragraph: Norway, Ghana.\n";
    let f = read(text);
    assert_eq!(
        edits(&f),
        [("BLZ".to_string(), vec![30], Action::DeleteParagraph)]
    );
    assert_eq!(
        edit_stances(&f),
        [
            ("NOR".to_string(), Polarity::Opposition, "BLZ".to_string()),
            ("GHA".to_string(), Polarity::Opposition, "BLZ".to_string())
        ]
    );
}

#[test]
fn for_and_against_lines_name_who_backs_and_who_opposes_the_proposal_above() {
    let text = "Chair's note on the proposals to the zero draft\n\nParagraph 7 (review). Proposal by Oman: replace \"annual\" with \"biennial\". For: Qatar, Kuwait. Against: Jordan, who preferred the original wording.\n";
    let f = read(text);
    assert_eq!(
        edits(&f),
        [("OMN".to_string(), vec![7], Action::ReplaceText)]
    );
    assert_eq!(
        edit_stances(&f),
        [
            ("QAT".to_string(), Polarity::Support, "OMN".to_string()),
            ("KWT".to_string(), Polarity::Support, "OMN".to_string()),
            ("JOR".to_string(), Polarity::Opposition, "OMN".to_string())
        ]
    );
    // Without a word of voting in the source, "Against:" lists no votes.
    assert!(f.votes.is_empty(), "{:?}", f.votes);
}

#[test]
fn for_inside_a_clause_is_no_label() {
    // "for:" after other words labels nothing: the clause's own cue
    // ("opposed") decides.
    let f = read("Paragraph 7\n- Oman: replace \"annual\" with \"biennial\".\n  Arguments for: Qatar and Kuwait opposed it.\n");
    assert_eq!(
        edit_stances(&f),
        [
            ("QAT".to_string(), Polarity::Opposition, "OMN".to_string()),
            ("KWT".to_string(), Polarity::Opposition, "OMN".to_string())
        ]
    );
}

#[test]
fn after_a_word_of_voting_an_against_line_is_a_vote_list() {
    let f = read("The draft resolution A/C.1/79/L.12 was put to a recorded vote.\nIn favour: Qatar, Kuwait.\nAgainst: Jordan, Oman.\n");
    let against: Vec<_> = f
        .votes
        .iter()
        .flat_map(|v| v.named(oewg_kg::fact::Cast::No))
        .collect();
    assert_eq!(against, ["JOR", "OMN"], "{:?}", f.votes);
}

#[test]
fn a_list_mark_before_a_speakers_label_still_opens_the_entry() {
    let f = read("Paragraph 20: two competing proposals.\n  (i) Tonga: replace \"encourage\" with \"urge\".\n  b) Samoa: delete the last sentence.\n");
    assert_eq!(
        edits(&f),
        [
            ("TON".to_string(), vec![20], Action::ReplaceText),
            ("WSM".to_string(), vec![20], Action::DeleteText)
        ]
    );
}

#[test]
fn supported_by_with_a_colon_names_the_backers_of_the_proposal_above() {
    let f = read("• Paragraph 18(a): Nepal proposed adding \"and information\" after \"critical\". Supported by: Bhutan, Laos.\n");
    assert_eq!(
        edit_stances(&f),
        [
            ("BTN".to_string(), Polarity::Support, "NPL".to_string()),
            ("LAO".to_string(), Polarity::Support, "NPL".to_string())
        ]
    );
}

#[test]
fn a_digest_line_names_the_paragraph_then_the_proposer_before_the_change() {
    let f = read(
        "Digest, No. 3\n\n== Draft decision on accreditation ==\n- OP 3: Nepal: add \"in writing\" after \"notify\". Backed by Fiji. Opposed by Laos.\n- OP 5: Chad and Mali: delete \"exceptionally\". Peru in support.\n",
    );
    assert_eq!(
        edits(&f),
        [
            ("NPL".to_string(), vec![3], Action::InsertText),
            ("TCD".to_string(), vec![5], Action::DeleteText),
            ("MLI".to_string(), vec![5], Action::DeleteText),
        ]
    );
    let mut backing = edit_stances(&f);
    backing.sort();
    assert_eq!(
        backing,
        [
            ("FJI".to_string(), Polarity::Support, "NPL".to_string()),
            ("LAO".to_string(), Polarity::Opposition, "NPL".to_string()),
            ("PER".to_string(), Polarity::Support, "MLI".to_string()),
            ("PER".to_string(), Polarity::Support, "TCD".to_string()),
        ]
    );
}
