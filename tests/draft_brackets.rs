//! A Chair's revised draft shows what is still negotiated in square
//! brackets and says who asked for it: in parentheses after the bracketed
//! wording or in a footnote. Those are proposals on the draft's own
//! paragraphs; the rest of its wording is the Chair's and proposes nothing.
//! A numbered note or report is also read as prose.
//! Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Action, Polarity, SourceFacts, StanceTarget};

const DRAFT: &str = "\
Draft report of the Working Group - Rev.2
Section C: Confidence-building measures

14. States [should] [may (Chad, Bhutan)] designate national points of contact.

15. States noted the value of regional approaches (2019) and of the work of the OSCE.

16. States encouraged [the establishment of a voluntary fund (Samoa, on behalf of the Pacific Islands Forum)] for capacity-building.

17. [States recalled the relevance of the Charter in its entirety.]\u{b9} States agreed to continue these discussions.

18. [Deleted]\u{b2}

19. States will review progress at their next session.

\u{b9} Proposed by Norway; Qatar and Oman requested its deletion.
\u{b2} Former paragraph 18 was deleted at the request of Cuba; Ireland asked that it be reinstated.
";

fn read(text: &str) -> SourceFacts {
    extract("draft-rev2", text, "2024-05-01")
}

/// `(proposer, paragraph, action, removed, added)` of a proposal.
type Edit = (String, u32, Action, Option<String>, Option<String>);

fn edits(f: &SourceFacts) -> Vec<Edit> {
    f.proposals
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
        .collect()
}

/// `(actor, polarity, proposer, paragraph)` of every stance on an edit.
fn edit_stances(f: &SourceFacts) -> Vec<(String, Polarity, String, u32)> {
    common::edit_stances(f)
        .into_iter()
        .map(|(a, _, p, by, n)| (a, p, by, n))
        .collect()
}

#[test]
fn an_attributed_alternative_replaces_the_bracketed_wording_before_it() {
    let f = read(DRAFT);
    let e = edits(&f);
    for c in ["TCD", "BTN"] {
        assert!(
            e.contains(&(
                c.into(),
                14,
                Action::ReplaceText,
                Some("should".into()),
                Some("may".into())
            )),
            "{c}: {e:?}"
        );
    }
}

#[test]
fn an_attributed_bracket_alone_inserts_its_wording_for_whoever_speaks_for_the_group() {
    let f = read(DRAFT);
    let p = f
        .proposals
        .iter()
        .find(|p| p.targets == [16])
        .expect("a proposal on paragraph 16");
    assert_eq!(code(&p.proposer), "PIF");
    assert_eq!(p.voiced_by.as_ref().map(code), Some("WSM".into()));
    assert_eq!(p.action, Action::InsertText);
    assert_eq!(
        p.added.as_deref(),
        Some("the establishment of a voluntary fund")
    );
    // Proposing wording that names a recurring proposal backs it.
    assert!(f.stances.iter().any(|s| code(&s.actor) == "PIF"
        && s.target == StanceTarget::Policy("voluntary-fund".into())
        && s.polarity == Polarity::Support));
}

#[test]
fn a_footnote_names_the_proposer_of_a_bracketed_text_and_those_who_object() {
    let f = read(DRAFT);
    assert!(edits(&f).iter().any(|e| e.0 == "NOR"
        && e.1 == 17
        && e.2 == Action::InsertText
        && e.4.as_deref()
            == Some("States recalled the relevance of the Charter in its entirety.")));
    let s = edit_stances(&f);
    for c in ["QAT", "OMN"] {
        assert!(
            s.contains(&(c.into(), Polarity::Opposition, "NOR".into(), 17)),
            "{c}: {s:?}"
        );
    }
    // Asking for its deletion objects to it; it is no proposal of theirs.
    assert!(!edits(&f).iter().any(|e| e.0 == "QAT" || e.0 == "OMN"));
}

#[test]
fn a_deleted_paragraphs_footnote_names_who_asked_for_the_deletion_and_who_objects() {
    let f = read(DRAFT);
    assert!(edits(&f).contains(&("CUB".into(), 18, Action::DeleteParagraph, None, None)));
    assert!(edit_stances(&f).contains(&("IRL".into(), Polarity::Opposition, "CUB".into(), 18)));
}

#[test]
fn the_chairs_own_wording_and_parentheses_that_name_no_one_propose_nothing() {
    let f = read(DRAFT);
    let on: Vec<u32> = f.proposals.iter().map(|p| p.targets[0]).collect();
    assert!(!on.contains(&15) && !on.contains(&19), "{on:?}");
    assert_eq!(f.proposals.len(), 5, "{:?}", edits(&f));
}

#[test]
fn a_numbered_draft_may_start_anywhere_in_its_numbering() {
    let f = read(DRAFT);
    let own: Vec<u32> = f
        .paragraphs
        .iter()
        .filter(|p| !p.quoted)
        .map(|p| p.number)
        .collect();
    assert_eq!(own, vec![14, 15, 16, 17, 18, 19]);
}

#[test]
fn without_brackets_a_drafts_own_text_proposes_nothing() {
    let plain = DRAFT
        .replace("[should] [may (Chad, Bhutan)]", "should")
        .replace("(Samoa, on behalf of the Pacific Islands Forum)]", "")
        .replace("[the establishment", "the establishment")
        .replace(['[', ']'], "");
    let f = read(&plain);
    assert!(f.proposals.is_empty(), "{:?}", edits(&f));
}

/// A Chair's note or a report numbers its paragraphs too, but its
/// paragraphs tell who proposed what: they are read as any report is.
const NOTE: &str = "\
Informal note by the Chair on the consultations on the zero draft

1. This note summarises the proposals made at the informal meeting and has no status.

2. On paragraph 7, Bhutan proposed deleting the words \"where appropriate\". Nepal and Fiji supported the proposal. Chile opposed it.

3. On paragraph 12, Mali proposed to add a reference to regional organizations. Togo welcomed the proposal.

4. On paragraph 20, Peru proposed to replace \"should\" with \"may\".\u{b9} Samoa did not support this change.

5. The Chair will circulate a revised draft next week.

\u{b9} Uruguay proposed moving paragraph 3 to the end.
";

#[test]
fn a_numbered_chairs_note_is_read_as_prose() {
    let f = read(NOTE);
    let e = edits(&f);
    assert!(e.contains(&(
        "BTN".into(),
        7,
        Action::DeleteText,
        Some("where appropriate".into()),
        None
    )));
    assert!(e.iter().any(|x| x.0 == "MLI" && x.1 == 12), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "PER" && x.1 == 20), "{e:?}");
    let s = edit_stances(&f);
    for want in [
        ("NPL", Polarity::Support, "BTN", 7),
        ("FJI", Polarity::Support, "BTN", 7),
        ("CHL", Polarity::Opposition, "BTN", 7),
        ("TGO", Polarity::Support, "MLI", 12),
        ("WSM", Polarity::Opposition, "PER", 20),
    ] {
        let want = (want.0.into(), want.1, want.2.into(), want.3);
        assert!(s.contains(&want), "{want:?}: {s:?}");
    }
}

#[test]
fn a_footnote_is_not_read_again_as_prose() {
    // Its proposal, on no bracket, would otherwise land on the paragraphs
    // the text around it names.
    let f = read(NOTE);
    assert!(!edits(&f).iter().any(|x| x.0 == "URY"), "{:?}", edits(&f));
}
