//! Reactions to a proposed change that come as a wish to keep the draft
//! as it stands, as acceptance, or in a later sentence after one that
//! names nobody. Every sentence here is invented for the test.

mod common;

use common::{edit_stances, extract};
use oewg_kg::fact::Polarity::{self, Opposition, Support};

/// `(holder, polarity, proposer, paragraph)` of every edit stance.
fn reactions(text: &str) -> Vec<(String, Polarity, String, u32)> {
    common::reactions("session-report", text, "2024-07-10")
}

fn r(holder: &str, p: Polarity, proposer: &str, n: u32) -> (String, Polarity, String, u32) {
    (holder.into(), p, proposer.into(), n)
}

#[test]
fn preferring_the_original_wording_opposes_the_change() {
    let got = reactions(
        "Paragraph 12: Nepal suggested replacing \"may\" with \"should\". Laos preferred the original wording.",
    );
    assert_eq!(got, [r("LAO", Opposition, "NPL", 12)]);
}

#[test]
fn keeping_a_paragraph_as_drafted_opposes_every_change_to_it() {
    let got = reactions(
        "Peru proposed replacing the first sentence of paragraph 8. Oman said it would rather keep paragraph 8 as drafted, and Fiji insisted that the paragraph stay as it was.",
    );
    assert_eq!(
        got,
        [
            r("FJI", Opposition, "PER", 8),
            r("OMN", Opposition, "PER", 8)
        ]
    );
}

#[test]
fn accepting_a_change_backs_it() {
    let got = reactions(
        "Paragraph 20: Ghana called for deleting the last sentence. Togo could accept the deletion.",
    );
    assert_eq!(got, [r("TGO", Support, "GHA", 20)]);
}

#[test]
fn a_sentence_that_names_nobody_keeps_the_proposal_under_discussion() {
    let got = reactions(
        "Paragraph 30: Malawi proposed to insert \"regional\" before \"organisations\". That suggestion found little favour. Chad and Niger objected.",
    );
    assert_eq!(
        got,
        [
            r("NER", Opposition, "MWI", 30),
            r("TCD", Opposition, "MWI", 30)
        ]
    );
}

#[test]
fn a_sentence_naming_a_new_subject_ends_the_discussion_of_the_proposal() {
    // The second sentence names a policy: what follows is about it, not
    // about Malawi's insertion.
    let got = reactions(
        "Paragraph 30: Malawi proposed to insert \"regional\" before \"organisations\". This concerns the Programme of Action. Such an approach is unacceptable.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn an_interviewers_question_keeps_the_proposal_under_discussion() {
    let got = reactions(
        "Q: What did Kenya propose?\nA: Kenya proposed to delete paragraph 4.\nQ: How was it received?\nA: Chile and Peru backed it.\n",
    );
    assert_eq!(
        got,
        [r("CHL", Support, "KEN", 4), r("PER", Support, "KEN", 4)]
    );
}

#[test]
fn the_drafts_own_wording_is_kept_only_after_a_word_of_preference() {
    let text = "Paragraph 12: Nepal suggested replacing \"may\" with \"should\".";
    assert_eq!(
        reactions(&format!(
            "{text} Laos and Bhutan favoured the existing formulation."
        )),
        [
            r("BTN", Opposition, "NPL", 12),
            r("LAO", Opposition, "NPL", 12)
        ]
    );
    assert!(reactions(&format!(
        "{text} Laos said it could live with the current text as well."
    ))
    .is_empty());
}

#[test]
fn asking_that_a_paragraph_remain_where_it_is_opposes_moving_it() {
    let text = "Paragraph 34: Gabon proposed that the paragraph be moved to the section on norms. Benin asked that paragraph 34 remain where it is.";
    let f = extract("session-report", text, "2020-06-16");
    assert_eq!(f.proposals.len(), 1, "{:?}", f.proposals);
    assert_eq!(reactions(text), [r("BEN", Opposition, "GAB", 34)]);
}

#[test]
fn backing_someones_language_backs_their_proposal() {
    assert_eq!(
        reactions("Regarding paragraph 52, Kenya proposed to add \"on a voluntary basis\". Nigeria supported Kenya's language."),
        [r("NGA", Support, "KEN", 52)]
    );
}

#[test]
fn raising_questions_proposes_nothing() {
    let f = extract(
        "session-report",
        "Paragraph 34: Gabon proposed that the paragraph be moved. Togo raised questions about the definition but did not say where the paragraph should be placed.",
        "2020-06-16",
    );
    assert_eq!(f.proposals.len(), 1, "{:?}", f.proposals);
}

#[test]
fn a_body_that_should_remain_as_it_is_is_no_paragraph_kept() {
    let text = "On paragraph 9, Tanzania proposed to delete the last sentence. Gambia supported the deletion. Belarus said the Global Mechanism should remain strictly intergovernmental.";
    assert_eq!(reactions(text), [r("GMB", Support, "TZA", 9)]);
    let f = extract("session-report", text, "2026-03-17");
    assert!(
        f.stances.iter().any(|s| common::code(&s.actor) == "BLR"
            && s.target == oewg_kg::fact::StanceTarget::Body("global-mechanism".into())),
        "{:?}",
        f.stances
    );
}

#[test]
fn a_quote_before_the_proposal_word_is_no_new_wording() {
    let f = extract(
        "session-report",
        "Paragraph 9: Laos called the catalogue \"the most useful tool we have\", and Fiji asked that paragraph 9 be updated.",
        "2026-03-17",
    );
    let fiji: Vec<_> = f
        .proposals
        .iter()
        .filter(|p| common::code(&p.proposer) == "FJI")
        .collect();
    assert_eq!(fiji.len(), 1, "{:?}", f.proposals);
    assert_eq!(fiji[0].added, None, "{:?}", fiji[0]);
}

#[test]
fn a_jibe_quoted_before_a_call_for_a_policy_is_no_edit() {
    let f = extract(
        "observer-notes",
        "Observer notes\n\n* The Omani delegate calls the fund \"a gift with strings\", and asks for a legally binding convention instead.",
        "2024-07-10",
    );
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
    assert_eq!(
        common::policy_positions(&f, "legally-binding-instrument"),
        [("OMN".to_string(), Support)]
    );
}

#[test]
fn a_quote_describing_the_policy_called_for_is_no_edit() {
    let f = extract(
        "observer-notes",
        "Observer notes\n\nNepal calls for a capacity-building catalogue \"that lists what is on offer\".",
        "2024-07-10",
    );
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
    assert_eq!(
        common::policy_positions(&f, "capacity-building-catalogue"),
        [("NPL".to_string(), Support)]
    );
}

#[test]
fn support_voiced_in_a_setting_refers_back_to_the_proposal() {
    assert_eq!(
        reactions("Summary\n\nNepal proposed a new paragraph after paragraph 30 on consensus. Bhutan and Chile voiced support in their national statements. Oman objected during the meeting."),
        [
            r("BTN", Support, "NPL", 30),
            r("CHL", Support, "NPL", 30),
            r("OMN", Opposition, "NPL", 30)
        ]
    );
}

#[test]
fn a_word_containing_a_proposal_noun_is_no_proposal_noun() {
    // "context" holds "text" but names no one's text: Chile backs no
    // proposal of Peru's, and none is recorded for Peru.
    let f = extract(
        "session-report",
        "Paragraph 5: Kenya proposed to delete the paragraph. In that context, Chile backed the view of Peru.",
        "2024-07-10",
    );
    assert_eq!(f.proposals.len(), 1, "{:?}", f.proposals);
    assert!(edit_stances(&f).is_empty(), "{:?}", edit_stances(&f));
}

#[test]
fn a_change_acceptable_or_not_acceptable_to_a_state_is_its_position() {
    let got = reactions(
        "Oman wished to merge OP 3 and OP 4. The merger was not acceptable to Chile. Nepal and Fiji, for their part, said the merger was acceptable to them.",
    );
    assert_eq!(
        got,
        [
            r("CHL", Opposition, "OMN", 3),
            r("FJI", Support, "OMN", 3),
            r("NPL", Support, "OMN", 3),
        ]
    );
}

#[test]
fn a_proposal_withdrawn_later_in_its_paragraph_is_no_proposal() {
    let text = "Paragraph 21. Deleting the last sentence of paragraph 21 was proposed by Laos. That proposal drew objections from Peru and Chile. After the break Laos said it would not insist and withdrew the proposal.\n\nParagraph 22. Ghana proposed to delete paragraph 22. Togo objected.";
    let f = extract("session-report", text, "2024-07-10");
    let proposers: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (common::code(&p.proposer), p.targets.clone()))
        .collect();
    assert_eq!(proposers, [("GHA".to_string(), vec![22])]);
    assert_eq!(reactions(text), [r("TGO", Opposition, "GHA", 22)]);
}

#[test]
fn wanting_the_paragraph_kept_as_drafted_opposes_the_change_and_proposes_none() {
    let text = "Paragraph 18. Kenya proposed to replace the whole of paragraph 18 with a shorter text. Laos and Nepal wanted the paragraph kept as drafted, and Oman wanted paragraph 18 left untouched.";
    let f = extract("session-report", text, "2024-07-10");
    assert_eq!(f.proposals.len(), 1, "{:?}", f.proposals);
    assert_eq!(
        reactions(text),
        [
            r("LAO", Opposition, "KEN", 18),
            r("NPL", Opposition, "KEN", 18),
            r("OMN", Opposition, "KEN", 18),
        ]
    );
}

#[test]
fn so_did_and_neither_could_copy_the_position_just_stated() {
    let text = "Paragraph 9. Chad proposed to delete paragraph 9. Mali supported the deletion; so did Niger. Peru could not go along with the deletion. Neither could Fiji, and nor did Samoa.";
    assert_eq!(
        reactions(text),
        [
            r("FJI", Opposition, "TCD", 9),
            r("MLI", Support, "TCD", 9),
            r("NER", Support, "TCD", 9),
            r("PER", Opposition, "TCD", 9),
            r("WSM", Opposition, "TCD", 9),
        ]
    );
}

#[test]
fn a_proposal_from_a_state_names_its_proposer_after_the_noun() {
    let text = "OP 4 was the subject of a proposal from Bhutan to replace \"voluntary\" with \"assessed\". Nepal supported the change; so did Fiji.";
    assert_eq!(
        reactions(text),
        [r("FJI", Support, "BTN", 4), r("NPL", Support, "BTN", 4),]
    );
}

#[test]
fn wanting_the_text_kept_opposes_its_deletion() {
    let got = reactions(
        "Para 21 (norms): Nepal and Laos ask to delete the last sentence. Fiji and Samoa want it kept as is.",
    );
    assert_eq!(
        got,
        [
            r("FJI", Opposition, "LAO", 21),
            r("FJI", Opposition, "NPL", 21),
            r("WSM", Opposition, "LAO", 21),
            r("WSM", Opposition, "NPL", 21)
        ]
    );
}

#[test]
fn speaking_in_favour_of_keeping_it_opposes_its_deletion() {
    let got = reactions(
        "Nepal asked that paragraph 30 be deleted. Chile and Peru spoke in favour of keeping it.",
    );
    assert_eq!(
        got,
        [
            r("CHL", Opposition, "NPL", 30),
            r("PER", Opposition, "NPL", 30)
        ]
    );
}
