//! What real published reports do that the seeds did not, as specifications.
//! Every sentence here is invented for the test; each phenomenon has its
//! positive case and, where one exists, the negative case that must stay
//! silent.

mod common;

use common::{build, query_rows};
use oewg_kg::fact::{Action, Polarity, SourceFacts, StanceTarget};
use oewg_kg::input::SourceText;
use oewg_kg::mention::{Entity, Gazetteer, MentionKind, Mentions};
use oewg_kg::reference::Reference;

fn read_dated(stem: &str, text: &str, date: &str) -> SourceFacts {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    SourceFacts::extract(SourceText::in_memory(stem, text, date), &r, &g)
}

/// An undated source whose stem says nothing about its date either.
fn read(text: &str) -> SourceFacts {
    read_dated("statement", text, "")
}

fn state(c: &str) -> Entity {
    Entity::State(c.into())
}

fn proposals(f: &SourceFacts) -> Vec<(Entity, Option<String>, Vec<u32>, Action)> {
    f.proposals
        .iter()
        .map(|p| {
            (
                p.proposer.clone(),
                p.document.clone(),
                p.targets.clone(),
                p.action,
            )
        })
        .collect()
}

fn policy_stances(f: &SourceFacts) -> Vec<(Entity, Polarity, String)> {
    let mut out: Vec<_> = f
        .stances
        .iter()
        .filter_map(|s| match &s.target {
            StanceTarget::Policy(p) | StanceTarget::Body(p) => {
                Some((s.actor.clone(), s.polarity, p.clone()))
            }
            StanceTarget::Edit(_) => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Asserts that `text` yields exactly one policy or body stance.
fn only_stance(text: &str, (code, polarity, target): (&str, Polarity, &str)) {
    let got = policy_stances(&read(text));
    assert_eq!(got, [(state(code), polarity, target.to_string())], "{text}");
}

const STATEMENT: &str = "Statement by the delegation of Chile at the eighth session of the Open-ended Working Group on security of and in the use of ICTs 2021-2025\n\nOn Rev.1 of the draft annual progress report:\n\n";

#[test]
fn a_first_person_statement_proposes_in_its_authors_name() {
    let f = read(&format!(
        "{STATEMENT}We propose to delete paragraph 14, which repeats earlier agreements.\n"
    ));
    let got = proposals(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, state("CHL"));
    assert_eq!(got[0].2, [14]);
    assert_eq!(got[0].3, Action::DeleteParagraph);
}

#[test]
fn an_unknown_draft_gets_a_document_named_by_its_meaning() {
    let f = read(&format!("{STATEMENT}We ask that paragraph 9 be amended.\n"));
    let doc = proposals(&f)[0].1.clone().expect("a document");
    assert_eq!(
        doc, "oewg-2021-2025-draft-annual-progress-report-rev1",
        "body, stage, kind and revision make the key"
    );
    let adhoc = &f.ad_hoc[&Entity::Document(doc)];
    assert_eq!(adhoc.label, "Rev.1 of the draft annual progress report");
}

#[test]
fn a_proposal_on_a_draft_the_text_never_names_still_has_a_paragraph() {
    let f = read_dated(
        "t",
        "Statement by the delegation of Ghana\n\nWe cannot accept paragraph 22 in its current form and request that it be shortened.\n",
        "2023-03-08",
    );
    let got = proposals(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, [22]);
    assert_eq!(got[0].3, Action::Amend);
    assert_eq!(got[0].1.as_deref(), Some("2023-draft-under-discussion"));
}

#[test]
fn our_delegation_cannot_accept_is_the_authors_opposition() {
    only_stance(
        "Statement by the representative of Paraguay\n\nOur delegation cannot accept the creation of a new legally binding instrument.\n",
        ("PRY", Polarity::Opposition, "legally-binding-instrument"),
    );
}

#[test]
fn a_meeting_report_has_no_author() {
    let f = read(
        "Report of the fourth meeting\n\nDelegations made comments on the Programme of Action. It was welcomed.\n",
    );
    assert!(policy_stances(&f).is_empty(), "{:?}", policy_stances(&f));
}

#[test]
fn a_list_of_delegations_backing_a_proposal_is_support_not_proposals() {
    let f = read(
        "Session report\n\nRepresentatives of Peru, Ghana, Japan and Norway restated their backing for the Programme of Action.\n",
    );
    assert!(f.proposals.is_empty(), "{:?}", proposals(&f));
    let got = policy_stances(&f);
    for c in ["PER", "GHA", "JPN", "NOR"] {
        assert!(
            got.contains(&(state(c), Polarity::Support, "poa".into())),
            "{c}: {got:?}"
        );
    }
}

#[test]
fn amend_it_points_at_the_paragraph_under_discussion() {
    let f = read(
        "Session report\n\nIceland, Chile and Costa-Rica each commented on paragraph 31. They wanted to amend it, as its scope is narrower than the Charter, and add a reference to sovereignty.\n",
    );
    let got = proposals(&f);
    for c in ["ISL", "CHL", "CRI"] {
        assert!(
            got.iter()
                .any(|p| p.0 == state(c) && p.2 == [31] && p.3 == Action::Amend),
            "{c}: {got:?}"
        );
    }
    assert!(
        got.iter().all(|p| p.3 == Action::Amend),
        "the reason's 'add' is not an edit: {got:?}"
    );
}

#[test]
fn a_draft_symbol_is_a_document_never_a_resolution() {
    let f = read("Session report\n\nThe Committee took up draft resolution A/C.1/79/L.44/Rev.1 on Tuesday.\n");
    assert!(f
        .mentioned
        .contains(&Entity::Document("a-c-1-79-l-44-rev-1".into())));
    assert!(!f
        .mentioned
        .iter()
        .any(|e| matches!(e, Entity::Resolution(_))));
}

#[test]
fn un_typography_is_read_like_plain_text() {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    let text = "The Non\u{2011}Aligned\u{00A0}Movement and Costa-Rica spoke.";
    let src = SourceText::in_memory("t", text, "2022-01-01");
    let m = Mentions::find(&src, &r, &g);
    let got: Vec<(&str, Entity)> = m
        .items
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| (m.span.of(text), m.entity.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Non\u{2011}Aligned\u{00A0}Movement",
                Entity::Group("NAM".into())
            ),
            ("Costa-Rica", state("CRI")),
        ]
    );
}

#[test]
fn a_country_named_inside_a_quotation_is_not_the_speaker() {
    let f = read(
        "Statement by the delegation of Uruguay\n\nWe object to the words “as Uruguay and Kenya proposed” in paragraph 5 and request their deletion.\n",
    );
    let got = proposals(&f);
    assert!(!got.is_empty());
    assert!(got.iter().all(|p| p.0 == state("URY")), "{got:?}");
}

#[test]
fn an_undated_text_keeps_to_the_sense_it_names() {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    let text =
        "Remarks at the OEWG 2021-2025\n\nThe OEWG should remain the only negotiating mechanism.";
    let src = SourceText::in_memory("t", text, "");
    let m = Mentions::find(&src, &r, &g);
    let bodies: Vec<&Entity> = m
        .items
        .iter()
        .filter(|m| matches!(m.entity, Entity::Body(_)))
        .map(|m| &m.entity)
        .collect();
    assert!(bodies
        .iter()
        .all(|b| **b == Entity::Body("oewg-2021-2025".into())));
    assert_eq!(bodies.len(), 2);
}

/// Contract level: two sources that discuss the same unnamed draft in
/// different words meet on one document node, and each proposal reaches a
/// paragraph with its number.
#[test]
fn two_sources_on_the_same_draft_meet_on_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("a.txt"),
        "Statement by the delegation of Chile\n\nOn Rev.3 of the draft APR, we propose to delete paragraph 14.\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("b.txt"),
        "Statement by the delegation of Ghana\n\nRegarding the draft annual progress report (Rev. 3), we request that paragraph 3 be moved.\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    build(&[&inputs], &store);
    let q = dir.path().join("q.rq");
    std::fs::write(
        &q,
        "PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT DISTINCT ?code ?n ?doc WHERE { ?e a oewg:EditProposal ; oewg:proposedBy ?a ; oewg:targets ?p . ?a oewg:code ?code . ?p oewg:number ?n ; dcterms:isPartOf ?doc . ?doc a oewg:Document } ORDER BY ?code",
    )
    .unwrap();
    let rows = query_rows(&store, &q.display().to_string());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][0], "CHL");
    assert_eq!(rows[0][1], "14");
    assert_eq!(rows[1][0], "GHA");
    assert_eq!(rows[1][1], "3");
    assert_eq!(rows[0][2], rows[1][2], "one draft node");
}

/// Contract level: "para 42 b)" is a target of its own, a `Paragraph` with
/// the number 42, the letter "b", inside paragraph 42.
#[test]
fn a_sub_paragraph_is_a_target_with_number_and_letter() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("s.txt");
    std::fs::write(
        &input,
        "Statement by the delegation of Norway\n\nWe request that the provisions on the directory (in particular para 42 b)) be brought in line with the agreed text.\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    build(&[&input], &store);
    let q = dir.path().join("q.rq");
    std::fs::write(
        &q,
        "PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT DISTINCT ?n ?letter ?parentn WHERE { ?e a oewg:EditProposal ; oewg:targets ?p . ?p a oewg:Paragraph ; oewg:number ?n ; oewg:subParagraph ?letter ; dcterms:isPartOf ?parent . ?parent oewg:number ?parentn }",
    )
    .unwrap();
    let rows = query_rows(&store, &q.display().to_string());
    assert_eq!(rows, [["42", "b", "42"]]);
}

#[test]
fn voting_against_the_text_that_creates_a_body_opposes_the_body() {
    let f = read_dated(
        "press",
        "Committee approves Programme of Action text\n\nThe draft on the Programme of Action was approved by a recorded vote of 140 in favour to 3 against (Belarus, Eritrea, Venezuela), with 11 abstentions (Cuba, Laos).\n",
        "2023-11-01",
    );
    let got = policy_stances(&f);
    for c in ["BLR", "ERI", "VEN"] {
        assert!(
            got.contains(&(state(c), Polarity::Opposition, "poa".into())),
            "{c}: {got:?}"
        );
    }
    assert!(
        !got.iter().any(|s| s.0 == state("CUB")),
        "an abstention is no position: {got:?}"
    );
}

#[test]
fn a_passive_verb_later_in_the_clause_names_the_holders() {
    let f = read(
        "Session report\n\nThe need for a legally binding instrument was raised again by Belarus and Nicaragua.\n",
    );
    let got = policy_stances(&f);
    for c in ["BLR", "NIC"] {
        assert!(
            got.contains(&(
                state(c),
                Polarity::Support,
                "legally-binding-instrument".into()
            )),
            "{c}: {got:?}"
        );
    }
}

#[test]
fn a_body_named_as_a_modifier_is_not_the_target() {
    let f = read(
        "Statement by the delegation of Cuba\n\nWe cannot agree with changing the OEWG modalities for stakeholder participation.\n",
    );
    let got = policy_stances(&f);
    assert!(
        !got.iter().any(|s| s.2.starts_with("oewg")),
        "the modalities are not the OEWG: {got:?}"
    );
}

#[test]
fn a_body_that_should_remain_the_only_forum_is_supported() {
    let f = read(
        "Statement by the delegation of Belarus at the OEWG 2021-2025\n\nWe believe that the OEWG should remain the single negotiating mechanism on these issues.\n",
    );
    assert!(
        policy_stances(&f).contains(&(state("BLR"), Polarity::Support, "oewg-2021-2025".into())),
        "{:?}",
        policy_stances(&f)
    );
}

#[test]
fn such_an_approach_refers_to_what_was_just_named() {
    let f = read(
        "Statement by the delegation of Belarus\n\nThis concerns the passages on the Programme of Action. In the current text, the idea is given too much weight. Such an approach is unacceptable.\n",
    );
    assert!(
        policy_stances(&f).contains(&(state("BLR"), Polarity::Opposition, "poa".into())),
        "{:?}",
        policy_stances(&f)
    );
}

#[test]
fn a_statement_with_numbered_points_proposes_edits() {
    // Numbered paragraphs make a text a document's own text, unless its
    // title says it is a statement: then they are the speaker's points.
    let mut text = String::from("Statement by Jamaica on behalf of CARICOM\n\n");
    for (i, point) in [
        "Thank you, Chair.",
        "We thank the Chair for the revised draft.",
        "We propose to delete paragraph 12, which repeats paragraph 3.",
        "On capacity-building, we have no further comments.",
        "We thank you.",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!("{}. {point}\n\n", i + 1));
    }
    let f = read(&text);
    assert_eq!(f.document, None, "a statement is no document");
    let got = proposals(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Entity::Group("CARICOM".into()));
    assert_eq!(
        (got[0].2.clone(), got[0].3),
        (vec![12], Action::DeleteParagraph)
    );
}

#[test]
fn a_second_verb_after_and_is_its_own_clause_with_the_same_subject() {
    let f = read(
        "Session report\n\nLesotho supported the Programme of Action, and recommended that paragraph 9 be shortened.\n",
    );
    let got = proposals(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, state("LSO"));
    assert_eq!(got[0].2, [9]);
    assert!(policy_stances(&f).contains(&(state("LSO"), Polarity::Support, "poa".into())));
}

#[test]
fn the_states_listed_in_a_paragraph_vote_propose_nothing() {
    let f = read(
        "Press release\n\nOperative paragraph 3 was retained by a recorded vote of 120 in favour to 4 against (Fiji, Laos, Mali, Peru), with 9 abstentions.\n",
    );
    assert!(f.proposals.is_empty(), "{:?}", proposals(&f));
    assert_eq!(f.votes.len(), 1);
}

#[test]
fn on_behalf_of_in_a_first_sentence_is_not_the_title() {
    let f = read(
        "Statement by the representative of Viet Nam\n\nViet Nam aligns itself with the statement made by Brunei on behalf of ASEAN.\n\nWe propose to delete paragraph 5.\n",
    );
    let got = proposals(&f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, state("VNM"));
}

#[test]
fn the_working_group_after_a_named_oewg_is_that_oewg() {
    only_stance(
        "Statement by the delegation of Uruguay at the Open-ended Working Group on security of and in the use of ICTs 2021-2025\n\nWe reaffirm our full support for the Working Group.\n",
        ("URY", Polarity::Support, "oewg-2021-2025"),
    );
}

#[test]
fn a_negated_belief_turns_what_follows() {
    only_stance(
        "Session report\n\nMoldova did not believe that a legally binding instrument would help small States.\n",
        ("MDA", Polarity::Opposition, "legally-binding-instrument"),
    );
}

#[test]
fn joined_by_adds_holders_and_the_later_verb_leads() {
    let f = read(
        "Session report\n\nBelize and Gabon, joined by Nepal, called for a legally binding instrument.\n",
    );
    let got = policy_stances(&f);
    for c in ["BLZ", "GAB", "NPL"] {
        assert!(
            got.contains(&(
                state(c),
                Polarity::Support,
                "legally-binding-instrument".into()
            )),
            "{c}: {got:?}"
        );
    }
}

#[test]
fn neither_support_nor_oppose_is_no_position() {
    let f = read("Session report\n\nFiji said it could neither support nor oppose a new treaty.\n");
    assert!(policy_stances(&f).is_empty(), "{:?}", policy_stances(&f));
}

#[test]
fn a_fronted_as_phrase_belongs_to_the_subject_after_it() {
    let f = read(
        "Session report\n\nAs the main sponsor of the Programme of Action, which many delegations discussed, Senegal urged swift progress.\n",
    );
    assert!(
        policy_stances(&f).contains(&(state("SEN"), Polarity::Support, "poa".into())),
        "{:?}",
        policy_stances(&f)
    );
}

#[test]
fn a_speaker_named_alone_later_speaks_for_their_state() {
    only_stance(
        "News item\n\nTogo's ambassador, Mr. Edem Kodjo-Amevor, opened the debate. Later, Kodjo-Amevor described the Programme of Action as indispensable.\n",
        ("TGO", Polarity::Support, "poa"),
    );
}

#[test]
fn a_lower_case_programme_of_action_is_the_poa_but_not_the_small_arms_one() {
    only_stance(
        "Press release\n\nThe representative of Malta said the programme of action was indispensable.\n",
        ("MLT", Polarity::Support, "poa"),
    );
    let f = read(
        "Press release\n\nThe representative of Malta said the Programme of Action on small arms and light weapons was indispensable.\n",
    );
    assert!(policy_stances(&f).is_empty(), "{:?}", policy_stances(&f));
}

#[test]
fn and_that_paragraph_n_is_a_second_edit_with_its_own_action() {
    let f = read(&format!(
        "{STATEMENT}We suggest that paragraph 7 should say \"regular\" rather than \"periodic\", and that paragraph 9 be deleted.\n"
    ));
    let mut got: Vec<(u32, Action)> = proposals(&f).iter().map(|p| (p.2[0], p.3)).collect();
    got.sort_by_key(|x| x.0);
    assert_eq!(
        got,
        [(7, Action::ReplaceText), (9, Action::DeleteParagraph)]
    );
}

#[test]
fn amendments_announced_for_a_list_give_way_to_the_specific_edits() {
    let f = read(&format!(
        "{STATEMENT}We propose amendments to paragraphs 4, 6 and 8. In paragraph 4, the word \"all\" should be deleted. Paragraph 6 should be deleted.\n"
    ));
    let mut got: Vec<(Vec<u32>, Action)> =
        proposals(&f).iter().map(|p| (p.2.clone(), p.3)).collect();
    got.sort();
    assert_eq!(
        got,
        [
            (vec![4], Action::DeleteText),
            (vec![6], Action::DeleteParagraph),
            (vec![8], Action::Amend)
        ]
    );
}

#[test]
fn that_it_be_deleted_points_at_the_paragraph_just_rejected() {
    let f = read(&format!(
        "{STATEMENT}We cannot support paragraph 25 as drafted. We ask that it be deleted.\n"
    ));
    let got: Vec<(Vec<u32>, Action)> = proposals(&f).iter().map(|p| (p.2.clone(), p.3)).collect();
    assert_eq!(got, [(vec![25], Action::DeleteParagraph)]);
}

#[test]
fn not_saying_whether_one_can_go_along_is_no_position() {
    let f = read(
        "Session report\n\nGuyana noted the proposal for a legally binding instrument but did not say whether it could go along with it.\n",
    );
    assert!(policy_stances(&f).is_empty(), "{:?}", policy_stances(&f));
}

#[test]
fn refer_to_one_wording_rather_than_another_is_a_replacement() {
    let f = read(&format!(
        "{STATEMENT}We suggest that paragraph 4 should refer to \"standing working groups\" rather than \"informal meetings\".\n"
    ));
    let got: Vec<(u32, Action)> = proposals(&f).iter().map(|p| (p.2[0], p.3)).collect();
    assert_eq!(got, [(4, Action::ReplaceText)]);
}

/// Proposer, paragraphs and action of each edit proposal, sorted.
fn edits_by_paragraph(f: &SourceFacts) -> Vec<(Entity, Vec<u32>, Action)> {
    let mut got: Vec<(Entity, Vec<u32>, Action)> =
        proposals(f).into_iter().map(|p| (p.0, p.2, p.3)).collect();
    got.sort();
    got
}

/// Who supports whose edit, per supporter and proposer.
fn edit_stances(f: &SourceFacts) -> Vec<(Entity, Polarity, Entity)> {
    let mut out: Vec<(Entity, Polarity, Entity)> = f
        .stances
        .iter()
        .filter_map(|s| match &s.target {
            StanceTarget::Edit(i) => Some((
                s.actor.clone(),
                s.polarity,
                f.proposals[*i].proposer.clone(),
            )),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn supported_by_set_off_by_commas_backs_the_proposal_and_joined_by_shares_it() {
    let f = read(&format!(
        "{STATEMENT}Tonga, supported by Fiji, called for paragraph 40 to be deleted.\n"
    ));
    let proposers: Vec<Entity> = proposals(&f).into_iter().map(|p| p.0).collect();
    assert_eq!(proposers, [state("TON")]);
    assert_eq!(
        edit_stances(&f),
        [(state("FJI"), Polarity::Support, state("TON"))]
    );
    let f = read(&format!(
        "{STATEMENT}Tonga, joined by Fiji, called for paragraph 40 to be deleted.\n"
    ));
    let mut proposers: Vec<Entity> = proposals(&f).into_iter().map(|p| p.0).collect();
    proposers.sort();
    assert_eq!(proposers, [state("FJI"), state("TON")]);
}

#[test]
fn endorsed_by_one_but_rejected_by_another_gives_both_positions_on_the_one_edit() {
    let f = read(&format!(
        "{STATEMENT}The Tongan amendment to paragraph 44 was endorsed by Fiji but rejected by Samoa.\n"
    ));
    let proposers: Vec<Entity> = proposals(&f).into_iter().map(|p| p.0).collect();
    assert_eq!(proposers, [state("TON")]);
    assert_eq!(
        edit_stances(&f),
        [
            (state("FJI"), Polarity::Support, state("TON")),
            (state("WSM"), Polarity::Opposition, state("TON")),
        ]
    );
}

#[test]
fn a_compilation_lists_proposals_under_paragraph_headings_with_their_backers() {
    let f = read_dated(
        "compilation",
        "Compilation of proposals on the zero draft of the second annual progress report, 2 May 2023\n\n\
         Paragraph 7\n\
         - Fiji: replace \"may\" with \"should\". Supported by Samoa and Tonga; opposed by Nauru.\n\n\
         Paragraph 9 (c)\n\
         - Palau proposed moving this sub-paragraph to section B.\n",
        "2023-05-02",
    );
    assert_eq!(
        edits_by_paragraph(&f),
        [
            (state("FJI"), vec![7], Action::ReplaceText),
            (state("PLW"), vec![9], Action::Move),
        ]
    );
    assert_eq!(
        edit_stances(&f),
        [
            (state("NRU"), Polarity::Opposition, state("FJI")),
            (state("TON"), Polarity::Support, state("FJI")),
            (state("WSM"), Polarity::Support, state("FJI")),
        ]
    );
    // A 2023 text's "zero draft" is not the 2021 or the 2025 one.
    let docs: Vec<Option<String>> = proposals(&f).into_iter().map(|p| p.1).collect();
    assert!(
        docs.iter().all(|d| d
            .as_deref()
            .is_some_and(|d| !d.starts_with("oewg-2021") && !d.starts_with("oewg-2025"))),
        "{docs:?}"
    );
}

#[test]
fn sharing_this_view_backs_the_proposal_of_the_same_sentence_only() {
    let f = read(&format!(
        "{STATEMENT}Kiribati's proposal to replace paragraph 3 was welcomed by Tuvalu.\n\n\
         Palau would like to see paragraph 8 deleted; Nauru shared this view.\n"
    ));
    assert_eq!(
        edit_stances(&f),
        [
            (state("NRU"), Polarity::Support, state("PLW")),
            (state("TUV"), Polarity::Support, state("KIR")),
        ]
    );
}

#[test]
fn warning_against_harming_a_body_is_no_opposition_to_it() {
    let f = read("Meeting summary\n\nTonga cautioned against duplicating the work of the Programme of Action.\n");
    assert!(policy_stances(&f).is_empty(), "{:?}", policy_stances(&f));
}

#[test]
fn a_second_verb_after_and_without_a_comma_keeps_the_subject() {
    only_stance(
        "Meeting summary\n\nTonga aligned itself with the statement of the Group of 77 and expressed support for a legally binding instrument.\n",
        ("TON", Polarity::Support, "legally-binding-instrument"),
    );
}

#[test]
fn according_to_a_state_gives_that_states_view() {
    only_stance(
        "Meeting summary\n\nAccording to Tonga, the directory of points of contact has proven its worth.\n",
        ("TON", Polarity::Support, "poc-directory"),
    );
}

#[test]
fn also_speaking_for_another_state_keeps_the_speakers_own_position() {
    let f = read("Meeting summary\n\nThe representative of Tonga, also speaking for Fiji, endorsed the Programme of Action.\n");
    let mut holders: Vec<Entity> = policy_stances(&f).into_iter().map(|s| s.0).collect();
    holders.sort();
    assert_eq!(holders, [state("FJI"), state("TON")]);
}

#[test]
fn it_later_in_a_sentence_is_what_that_sentence_named_before() {
    let f = read("Meeting summary\n\nTonga said a new treaty was premature.\n\nTonga added that the voluntary fund was now operational and encouraged others to contribute to it.\n");
    let mut got = policy_stances(&f);
    got.sort();
    assert_eq!(
        got,
        [
            (
                state("TON"),
                Polarity::Support,
                "voluntary-fund".to_string()
            ),
            (
                state("TON"),
                Polarity::Opposition,
                "legally-binding-instrument".to_string()
            ),
        ]
    );
}

#[test]
fn bracketed_labelled_proposals_are_each_their_speakers() {
    let f = read_dated(
        "compilation",
        "Proposals received on the zero draft of the second annual progress report, 2 May 2023\n\n\
         Paragraph 14\n\
         [Fiji: delete \"national\"] [Tonga: insert \"voluntarily\" after \"share\"]\n",
        "2023-05-02",
    );
    assert_eq!(
        edits_by_paragraph(&f),
        [
            (state("FJI"), vec![14], Action::DeleteText),
            (state("TON"), vec![14], Action::InsertText),
        ]
    );
}

#[test]
fn accrediting_non_governmental_organisations_is_stakeholder_participation() {
    let f = read("Belarus opposed any automatic accreditation of non-governmental organisations, and Malta welcomed the participation of non-governmental organizations.");
    let got = common::policy_positions(&f, "multistakeholder-participation");
    assert_eq!(
        got,
        [
            ("BLR".to_string(), Polarity::Opposition),
            ("MLT".to_string(), Polarity::Support)
        ]
    );
}
