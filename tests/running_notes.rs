//! Running notes and live blogs name the speaker once, as the label of an
//! entry, and leave the subject out after it: "Oman, paragraph 8: delete
//! the last sentence." is Oman's proposal. Every sentence here is invented
//! for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::Action;

fn proposals(text: &str) -> Vec<(String, Vec<u32>, Action)> {
    let mut v: Vec<_> = extract("blog", text, "2025-03-04")
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone(), p.action))
        .collect();
    v.sort();
    v
}

#[test]
fn the_label_of_an_entry_holds_its_subjectless_clauses() {
    let text = "Live from the final session\n\n11:02 \u{2014} Oman, paragraph 8: delete the last sentence.\n\n11:09 \u{2014} Fiji. Paragraph 12: wants \u{201c}regional\u{201d} deleted.\n\n11:15 \u{2014} Peru: wants a new paragraph after 14 on regional centres.\n";
    assert_eq!(
        proposals(text),
        [
            ("FJI".to_string(), vec![12], Action::DeleteText),
            ("OMN".to_string(), vec![8], Action::DeleteText),
            ("PER".to_string(), vec![14], Action::AddParagraph),
        ]
    );
}

#[test]
fn a_list_with_its_verb_is_a_subject_not_a_label() {
    // The later clause names no one, and the entry has no label: nobody
    // proposes the deletion.
    let text = "Notes\n\nPeru, Chile and Oman spoke on the PoA. Then: delete paragraph 9 entirely, a voice said.\n";
    assert_eq!(proposals(text), []);
}

#[test]
fn a_name_and_an_aside_open_a_sentence_not_a_label() {
    // "Nauru, together with Palau, introduced …" is a subject with an
    // aside: the block's later first-person clause is the author's.
    let text = "Permanent Mission of Fiji\n\nReport on the session\n\nNauru, together with Palau, introduced a text on the Programme of Action. In our view the Programme of Action is a practical framework.\n";
    let f = extract("report", text, "2025-03-04");
    let holders: Vec<String> = f
        .stances
        .iter()
        .filter(|s| s.target == oewg_kg::fact::StanceTarget::Body("poa".into()))
        .map(|s| code(&s.actor))
        .collect();
    assert!(holders.contains(&"FJI".to_string()), "{holders:?}");
}
