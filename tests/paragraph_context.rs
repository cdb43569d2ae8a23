//! Which paragraph an edit that names none belongs to: wording inserted
//! right after a paragraph was named goes into that paragraph; long after,
//! it is no edit of a known paragraph. Every sentence here is invented
//! for the test.

mod common;

use common::{code, extract};

fn targets(text: &str) -> Vec<(String, Vec<u32>)> {
    let f = extract("summary", text, "2024-03-01");
    f.proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets.clone()))
        .collect()
}

#[test]
fn an_insertion_goes_into_the_paragraph_just_named() {
    let text = "Meeting summary\n\nParagraph 23 drew the longest debate of the day. Chile proposed to insert a sentence on regional cooperation.\n";
    assert_eq!(targets(text), [("CHL".to_string(), vec![23])]);
}

#[test]
fn an_insertion_long_after_the_paragraph_is_not_placed_there() {
    let text = "Meeting summary\n\nParagraph 23 drew the longest debate of the day. The room then heard general remarks. Delegates spoke about the calendar. Chile proposed to insert a sentence on regional cooperation.\n";
    assert!(
        targets(text).iter().all(|(_, t)| !t.contains(&23)),
        "{:?}",
        targets(text)
    );
}
