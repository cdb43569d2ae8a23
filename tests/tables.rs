//! A tracker or compilation that lays proposals out as a table, one row
//! per proposal, says in its header what each column holds; a row is a
//! proposal by the actors of its proposer column on the paragraph of its
//! paragraph column, with the change its change column describes, backed
//! and opposed by the actors of those columns. Every row here is invented
//! for the test.

mod common;

use common::{code, extract, reactions};
use oewg_kg::fact::{Action, Polarity};

const TRACKER: &str = "\
Tracker of proposals on the zero draft, third session

| Para | Proposal | By | Supported by | Opposed by |
|---|---|---|---|---|
| 14 | Delete \u{201c}voluntary\u{201d} | Chile | Peru, Fiji | Oman |
| 15 | Replace \u{201c}shall\u{201d} with \u{201c}should\u{201d} | Laos, Nepal | \u{2014} | Kenya\u{b9} |
| 16 | Delete the whole paragraph | Bhutan | Togo | \u{2014} |
| 17 bis | New paragraph on regional centres | Ghana | \u{2014} | \u{2014} |
| 18 | ~~Move to section C~~ withdrawn | Mali | \u{2014} | \u{2014} |

\u{b9} Kenya spoke on the second day.
";

/// `(proposer, paragraph, action, removed, added)` of a proposal.
type Row = (String, u32, Action, Option<String>, Option<String>);

fn proposals(text: &str) -> Vec<Row> {
    let f = extract("tracker", text, "2024-03-01");
    let mut v: Vec<_> = f
        .proposals
        .iter()
        .map(|p| {
            (
                code(&p.proposer),
                p.targets[0],
                p.action,
                p.removed.clone(),
                p.added.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn each_row_is_a_proposal_by_its_proposers_on_its_paragraph() {
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        proposals(TRACKER),
        [
            ("BTN".to_string(), 16, Action::DeleteParagraph, None, None),
            (
                "CHL".to_string(),
                14,
                Action::DeleteText,
                s("voluntary"),
                None
            ),
            ("GHA".to_string(), 17, Action::AddParagraph, None, None),
            (
                "LAO".to_string(),
                15,
                Action::ReplaceText,
                s("shall"),
                s("should")
            ),
            (
                "NPL".to_string(),
                15,
                Action::ReplaceText,
                s("shall"),
                s("should")
            ),
        ]
    );
}

#[test]
fn the_support_and_opposition_columns_back_and_oppose_the_row() {
    let p = Polarity::Support;
    let o = Polarity::Opposition;
    let t = |h: &str, pol, by: &str, n| (h.to_string(), pol, by.to_string(), n);
    assert_eq!(
        reactions("tracker", TRACKER, "2024-03-01"),
        [
            t("FJI", p, "CHL", 14),
            t("KEN", o, "LAO", 15),
            t("KEN", o, "NPL", 15),
            t("OMN", o, "CHL", 14),
            t("PER", p, "CHL", 14),
            t("TGO", p, "BTN", 16),
        ]
    );
}

#[test]
fn a_table_of_something_else_proposes_nothing() {
    let text = "Recorded vote\n\n| State | Vote |\n|---|---|\n| Peru | Delete |\n| Chile | Yes |\n";
    assert_eq!(proposals(text), []);
}

const RUNNING_LIST: &str = "\
Running list of textual proposals, day 2

Lines marked [X] were withdrawn.

OP 2 -- insert \u{201c}where possible\u{201d} after \u{201c}shall\u{201d} (Tonga); backed by: Samoa, Fiji; kept by: Chile.
OP 3 -- delete (Belarus, Cuba); opposed by: Peru.
OP 4 -- [X] move after OP 9 (Qatar).
OP 5 -- no proposals.
- Nauru asked how the new paragraph after OP 5 would be financed.
";

#[test]
fn a_running_list_line_is_a_row_with_labelled_fields() {
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        proposals(RUNNING_LIST),
        [
            ("BLR".to_string(), 3, Action::DeleteParagraph, None, None),
            ("CUB".to_string(), 3, Action::DeleteParagraph, None, None),
            (
                "TON".to_string(),
                2,
                Action::InsertText,
                None,
                s("where possible")
            ),
        ]
    );
    let p = Polarity::Support;
    let o = Polarity::Opposition;
    let t = |h: &str, pol, by: &str, n| (h.to_string(), pol, by.to_string(), n);
    assert_eq!(
        reactions("list", RUNNING_LIST, "2024-03-01"),
        [
            t("CHL", o, "TON", 2),
            t("FJI", p, "TON", 2),
            t("PER", o, "BLR", 3),
            t("PER", o, "CUB", 3),
            t("WSM", p, "TON", 2),
        ]
    );
}

#[test]
fn prose_that_opens_with_a_paragraph_and_ends_with_a_bracket_is_prose() {
    let text = "Session notes\n\nParagraph 12: Egypt proposed to delete the last sentence (supported by Oman).\n";
    assert_eq!(
        proposals(text),
        [("EGY".to_string(), 12, Action::DeleteText, None, None)]
    );
    let p = Polarity::Support;
    assert_eq!(
        reactions("notes", text, "2024-03-01"),
        [("OMN".to_string(), p, "EGY".to_string(), 12)]
    );
}
