//! Specifications of the vote grammar, one phrasing per test, on invented
//! sentences.

use super::*;
use crate::input::SourceText;
use crate::mention::Gazetteer;

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::load().unwrap());
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(&REFERENCE));

/// The votes of a text dated `date`, and the texts minted for them.
fn read_dated(text: &str, date: &str) -> (Vec<RecordedVote>, BTreeMap<Entity, AdHoc>) {
    let src = SourceText::in_memory("t", text, date);
    let segments = Segments::new(text, &REFERENCE);
    let mentions = Mentions::find(&src, &REFERENCE, &GAZETTEER);
    extract(
        text,
        &segments,
        &mentions,
        &REFERENCE,
        src.date().as_deref(),
    )
}

fn read(text: &str) -> Vec<RecordedVote> {
    read_dated(text, "2024-11-05").0
}

/// "CHN:No" for each named vote, sorted.
fn casts(v: &RecordedVote) -> Vec<String> {
    let mut out: Vec<String> = v
        .votes
        .iter()
        .map(|s| format!("{}:{}", s.state, s.cast.name()))
        .collect();
    out.sort();
    out
}

fn totals(v: &RecordedVote) -> (Option<u32>, Option<u32>, Option<u32>) {
    (
        v.counts.get(&Cast::Yes).copied(),
        v.counts.get(&Cast::No).copied(),
        v.counts.get(&Cast::Abstain).copied(),
    )
}

fn doc(slug: &str) -> VotedText {
    VotedText::Whole(Entity::Document(slug.into()))
}

#[test]
fn recorded_vote_with_parenthesised_lists() {
    let v = read(
        "The First Committee approved draft resolution A/C.1/79/L.12/Rev.1 by a recorded vote of 150 in favour to 3 against (Belarus, Nicaragua, Syria), with 2 abstentions (Chile, India).",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(totals(&v[0]), (Some(150), Some(3), Some(2)));
    assert_eq!(
        casts(&v[0]),
        ["BLR:No", "CHL:Abstain", "IND:Abstain", "NIC:No", "SYR:No"]
    );
    assert_eq!(v[0].on, [doc("a-c-1-79-l-12-rev-1")]);
    assert_eq!(v[0].body.as_deref(), Some("first-committee"));
    assert!(!v[0].count_mismatch);
}

#[test]
fn votes_to_with_spelled_out_numbers() {
    let v = read(
        "The General Assembly adopted resolution 74/247 by seventy-nine votes to sixty, with thirty-three abstentions.",
    );
    assert_eq!(totals(&v[0]), (Some(79), Some(60), Some(33)));
    assert_eq!(
        v[0].on,
        [VotedText::Whole(Entity::Resolution("74-247".into()))]
    );
    assert_eq!(v[0].body.as_deref(), Some("unga"));
    assert!(v[0].votes.is_empty());
}

#[test]
fn counts_with_nouns_partial_lists_and_abstention_predicates() {
    let v = read(
        "The text was backed by 88 delegations, while 41 States, among them Norway and Peru, voted against and 19 others chose to abstain.",
    );
    assert_eq!(totals(&v[0]), (Some(88), Some(41), Some(19)));
    assert_eq!(casts(&v[0]), ["NOR:No", "PER:No"]);
    // "among them" names only some of the 41: no mismatch.
    assert!(!v[0].count_mismatch);
}

#[test]
fn prose_names_join_the_vote_just_reported() {
    let v = read(
        "Draft resolution A/C.1/78/L.20 was approved by 160 votes to 2, with 4 abstentions. Canada and Japan both voted no. Abstaining were Mexico, Kenya and Fiji.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        casts(&v[0]),
        [
            "CAN:No",
            "FJI:Abstain",
            "JPN:No",
            "KEN:Abstain",
            "MEX:Abstain"
        ]
    );
    // Three abstainers listed as complete, four stated: flagged, kept.
    assert_eq!(totals(&v[0]), (Some(160), Some(2), Some(4)));
    assert!(v[0].count_mismatch);
}

#[test]
fn subjects_before_a_voting_verb() {
    let v = read(
        "When draft A/C.1/80/L.7 came to a vote, Brazil, Egypt and Ghana voted in favour, Peru voted against, and Chile abstained.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        casts(&v[0]),
        ["BRA:Yes", "CHL:Abstain", "EGY:Yes", "GHA:Yes", "PER:No"]
    );
    assert!(v[0].counts.is_empty());
}

#[test]
fn the_states_voting_against_were() {
    let v = read(
        "The resolution on a programme of action for ICT security was adopted by 157 votes to six, with 14 abstentions. The six States voting against were China, Cuba, Iran, Nicaragua, the Russian Federation and Syria.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        casts(&v[0]),
        ["CHN:No", "CUB:No", "IRN:No", "NIC:No", "RUS:No", "SYR:No"]
    );
    assert!(!v[0].count_mismatch);
}

#[test]
fn un_vote_lists_after_the_totals() {
    let v = read(
        "Draft resolution A/C.1/79/L.30 was approved by a recorded vote of 3 in favour to 1 against, with 1 abstention, as follows:\n\nIn favour: Argentina, Brazil, Uruguay.\n\nAgainst: Iran.\n\nAbstain: India.\n\nAbsent: Chad.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        casts(&v[0]),
        ["ARG:Yes", "BRA:Yes", "IND:Abstain", "IRN:No", "URY:Yes"]
    );
    assert!(!v[0].count_mismatch);
    assert_eq!(v[0].evidence.len(), 4);
}

#[test]
fn more_names_than_the_total_is_a_mismatch() {
    let v = read("Draft A/C.1/79/L.9 was rejected by 5 votes to 2 (Cuba, Iran, Syria).");
    assert_eq!(totals(&v[0]), (Some(5), Some(2), None));
    assert!(v[0].count_mismatch);
}

#[test]
fn paragraph_votes_then_the_draft_as_a_whole() {
    let v = read(
        "Operative paragraph 5 of draft resolution A/C.1/78/L.11 was retained by a recorded vote of 101 in favour to 45 against, with 20 abstentions. Preambular paragraph 10 was retained by 90 votes to 50, with 15 abstentions. The draft as a whole was then approved by 130 votes to 10, with 25 abstentions.",
    );
    let l11 = Entity::Document("a-c-1-78-l-11".into());
    let on: Vec<_> = v.iter().map(|e| e.on.clone()).collect();
    assert_eq!(
        on,
        [
            vec![VotedText::Paragraph {
                of: l11.clone(),
                number: 5,
                preambular: false
            }],
            vec![VotedText::Paragraph {
                of: l11.clone(),
                number: 10,
                preambular: true
            }],
            vec![VotedText::Whole(l11)],
        ]
    );
    assert_eq!(totals(&v[2]), (Some(130), Some(10), Some(25)));
}

#[test]
fn two_votes_in_one_sentence() {
    let v = read(
        "On draft A/C.1/79/L.40, operative paragraph 2 was retained by 100 votes to 40, and the draft as a whole was approved by 140 votes to 5.",
    );
    assert_eq!(v.len(), 2);
    assert_eq!(totals(&v[0]), (Some(100), Some(40), None));
    assert_eq!(totals(&v[1]), (Some(140), Some(5), None));
    assert_eq!(v[1].on, [doc("a-c-1-79-l-40")]);
}

#[test]
fn short_symbols_and_dashed_tallies() {
    let v = read(
        "Two drafts were before the Committee: A/C.1/78/L.60/Rev.1 and L.11. L.11 was approved by a vote of 120-30-15.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(totals(&v[0]), (Some(120), Some(30), Some(15)));
    assert_eq!(v[0].on, [doc("a-c-1-78-l-11")]);
}

#[test]
fn the_same_vote_reported_twice_is_one_event() {
    let v = read(
        "The Committee approved a text on a standing cyber forum by 140 in favour, 5 against and 12 abstentions. It was approved by a recorded vote of 140 in favour to 5 against (Laos, Iran, Syria, Eritrea, Belarus), with 12 abstentions.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].evidence.len(), 2);
    assert_eq!(v[0].named(Cast::No).len(), 5);
}

#[test]
fn a_described_text_is_minted_from_body_year_and_words() {
    let (v, minted) = read_dated(
        "On 3 November, the First Committee adopted a resolution on the programme of action for ICT security by 141 votes to 7, with 18 abstentions.",
        "2022-11-04",
    );
    let e = Entity::Document(
        "first-committee-2022-resolution-on-the-programme-of-action-for-ict-security".into(),
    );
    assert_eq!(v[0].on, [VotedText::Whole(e.clone())]);
    assert_eq!(
        minted[&e].label,
        "resolution on the programme of action for ICT security"
    );
    assert_eq!(v[0].date.as_deref(), Some("2022-11-03"));
}

#[test]
fn a_quoted_title_finds_its_resolution() {
    // Two resolutions share this title (73/187 of 2018 and 74/247 of 2019):
    // the year of the vote tells them apart.
    let v = read(
        "In December 2019 the Assembly took up the draft entitled “Countering the use of information and communications technologies for criminal purposes”, which passed by 79 votes to 60, with 33 abstentions.",
    );
    assert_eq!(
        v[0].on,
        [VotedText::Whole(Entity::Resolution("74-247".into()))]
    );
}

#[test]
fn a_draft_title_after_its_symbol_is_kept() {
    let v = read(
        "Draft A/C.1/77/L.73, entitled “Programme of action on ICT security”, was approved by 150 votes to 6.",
    );
    let e = Entity::Document("a-c-1-77-l-73".into());
    assert_eq!(v[0].titles[&e], "Programme of action on ICT security");
}

#[test]
fn a_total_without_names() {
    let v = read("Draft resolution A/C.1/79/L.5 passed with 141 votes in favour.");
    assert_eq!(v.len(), 1);
    assert_eq!(totals(&v[0]), (Some(141), None, None));
    assert!(v[0].votes.is_empty());
}

#[test]
fn numbers_that_are_no_vote() {
    assert!(read("In 2021, the 30 delegations in favour of a treaty met 12 times.").is_empty());
    assert!(read("The proposal was supported by 131 Member States.").is_empty());
    assert!(
        read("Of the 150 participants, 40 came from Africa and 12 from the Pacific.").is_empty()
    );
}

#[test]
fn voted_in_another_sense_is_no_vote() {
    assert!(read("Ms. Sato was voted chair of the working group by acclamation.").is_empty());
    assert!(read("Mexico voted for the first time as a member of the Council.").is_empty());
    assert!(read("Iran spoke against the draft text on a programme of action.").is_empty());
}

#[test]
fn intentions_and_appeals_are_no_votes() {
    assert!(read(
        "Australia will vote against that text, and urged Canada to vote against it as well."
    )
    .is_empty());
    assert!(
        read("Austria, for the European Union, called on members to vote against the text.")
            .is_empty()
    );
    assert!(read("Kenya did not vote on the draft resolution.").is_empty());
}

#[test]
fn a_text_singled_out_but_not_named_is_not_the_previous_one() {
    let v = read(
        "Draft A/C.1/76/L.9 was introduced by Cuba. The Cuban-sponsored resolution was adopted with 120 votes in favour. It was then approved by 100 votes to 20.",
    );
    assert_eq!(v.len(), 2);
    assert!(v[0].on.is_empty() && v[1].on.is_empty(), "{v:?}");
}

/// Phrasings the rules were not written from: each must read as stated.
#[test]
fn other_phrasings_of_totals() {
    for (sentence, expected) in [
        (
            "The resolution was adopted by a vote of 120 to 4, with 50 abstentions.",
            (Some(120), Some(4), Some(50)),
        ),
        (
            "Draft A/C.1/79/L.3 was adopted by a recorded vote of 149 to 0, with 30 abstentions.",
            (Some(149), Some(0), Some(30)),
        ),
        (
            "The result of the vote was 112 in favour, 3 against and 61 abstentions.",
            (Some(112), Some(3), Some(61)),
        ),
        (
            "Voting results: 150 yes, 8 no, 20 abstentions.",
            (Some(150), Some(8), Some(20)),
        ),
        (
            "The motion failed, with 40 States voting in favour and 90 against.",
            (Some(40), Some(90), None),
        ),
        (
            "The Committee approved draft A/C.1/79/L.8, 152-6-11.",
            (Some(152), Some(6), Some(11)),
        ),
        (
            "The amendment was rejected by 61 votes to 87, with 23 abstentions.",
            (Some(61), Some(87), Some(23)),
        ),
    ] {
        let v = read(sentence);
        assert_eq!(v.len(), 1, "{sentence}");
        assert_eq!(totals(&v[0]), expected, "{sentence}");
    }
}

#[test]
fn other_phrasings_of_named_voters() {
    for (sentence, expected) in [
        ("Only Israel and the United States voted against the draft A/C.1/79/L.4.", vec!["ISR:No", "USA:No"]),
        ("Those abstaining on draft A/C.1/79/L.4 included Chile, India and Kenya.", vec!["CHL:Abstain", "IND:Abstain", "KEN:Abstain"]),
        ("Draft A/C.1/79/L.4 was approved by 150 votes to 9, with 11 abstentions. Abstaining were, among others, Chile, India and Kenya.", vec!["CHL:Abstain", "IND:Abstain", "KEN:Abstain"]),
        ("On draft A/C.1/79/L.4, Iran cast the sole vote against.", vec!["IRN:No"]),
        ("Draft A/C.1/79/L.4 passed by 140 votes to 6, with 12 abstentions, among them Ghana and Oman.", vec!["GHA:Abstain", "OMN:Abstain"]),
        ("Draft A/C.1/79/L.4 passed by 140 votes to 6. Peru criticised its fourth paragraph and voted against it.", vec!["PER:No"]),
        // Another state between them: whose vote it is is not plain.
        ("Draft A/C.1/79/L.4 passed by 140 votes to 6. Peru said that Chile had rewritten the fourth paragraph too freely and voted against it.", vec![]),
        ("Draft A/C.1/79/L.4 passed by 140 votes to 6, with 12 abstentions, including Ghana, Oman and Peru, after a debate.", vec!["GHA:Abstain", "OMN:Abstain", "PER:Abstain"]),
        ("On draft A/C.1/79/L.4, voting yes were Chile and Peru.", vec!["CHL:Yes", "PER:Yes"]),
        // A note on the label: a count, or a list said to be partial.
        ("Draft A/C.1/79/L.4 passed by 140 votes to 2. In favour (140): Chile, Peru. Against (2): Iran, Syria.", vec!["CHL:Yes", "IRN:No", "PER:Yes", "SYR:No"]),
        ("Draft A/C.1/79/L.4 passed by 140 votes to 6, with 12 abstentions. Abstaining (partial list): Ghana, Oman and Peru.", vec!["GHA:Abstain", "OMN:Abstain", "PER:Abstain"]),
        ("The draft A/C.1/79/L.4 was adopted by 165 votes in favour, 2 against (Israel, United States) and 3 abstentions (Nauru, Paraguay, Ukraine).", vec!["ISR:No", "NRU:Abstain", "PRY:Abstain", "UKR:Abstain", "USA:No"]),
    ] {
        let v = read(sentence);
        assert_eq!(v.len(), 1, "{sentence}");
        assert_eq!(casts(&v[0]), expected, "{sentence}");
    }
}

#[test]
fn a_list_noted_as_partial_is_no_mismatch() {
    let v = read("Draft A/C.1/79/L.4 passed by 140 votes to 6, with 12 abstentions. Abstaining (partial list): Ghana, Oman and Peru.");
    assert!(!v[0].count_mismatch);
    let v = read("Draft A/C.1/79/L.4 passed by 140 votes to 6, with 12 abstentions. Abstaining (12): Ghana, Oman and Peru.");
    assert!(v[0].count_mismatch);
}

#[test]
fn ranges_and_adoptions_without_a_vote_are_no_votes() {
    assert!(read("Paragraphs 12-15 were discussed before the vote.").is_empty());
    assert!(read("Draft A/C.1/79/L.4 was adopted without a vote.").is_empty());
}

#[test]
fn a_title_two_resolutions_share_is_not_guessed_without_a_year() {
    let v = read(
        "The Assembly took up the draft entitled “Countering the use of information and communications technologies for criminal purposes”, which passed by 79 votes to 60, with 33 abstentions.",
    );
    assert!(
        !matches!(
            v[0].on.as_slice(),
            [VotedText::Whole(Entity::Resolution(_))]
        ),
        "{:?}",
        v[0].on
    );
}

/// The drafts the mention stage finds by description in a text, in order
/// (those without a symbol).
fn described_drafts(text: &str, date: &str) -> Vec<Entity> {
    let src = SourceText::in_memory("t", text, date);
    let mentions = Mentions::find(&src, &REFERENCE, &GAZETTEER);
    mentions
        .items
        .iter()
        .filter(|m| {
            mentions
                .ad_hoc
                .get(&m.entity)
                .is_some_and(|a| a.symbol.is_none())
        })
        .map(|m| m.entity.clone())
        .collect()
}

#[test]
fn a_vote_on_a_described_draft_is_on_the_node_its_mentions_name() {
    let text = "Ghana proposed to delete operative paragraph 3 of the draft resolution on a fund for cyber capacity in small States. \
                The First Committee approved the draft resolution on a fund for cyber capacity in small States by 160 votes to 4, with 6 abstentions.";
    let mentioned = described_drafts(text, "2024-11-05");
    assert_eq!(mentioned.len(), 2, "{mentioned:?}");
    assert_eq!(mentioned[0], mentioned[1], "one draft, one node");
    let (v, _) = read_dated(text, "2024-11-05");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].on, [VotedText::Whole(mentioned[0].clone())]);
}

#[test]
fn described_drafts_on_different_subjects_are_different_nodes() {
    let text = "The First Committee approved the draft resolution on a fund for cyber capacity in small States by 160 votes to 4, with 6 abstentions. \
                It then approved the draft resolution on a glossary of ICT terms by 120 votes to 30, with 20 abstentions.";
    let mentioned = described_drafts(text, "2024-11-05");
    assert_eq!(mentioned.len(), 2, "{mentioned:?}");
    assert_ne!(mentioned[0], mentioned[1], "two subjects, two drafts");
    let (v, _) = read_dated(text, "2024-11-05");
    let on: Vec<_> = v.iter().flat_map(|v| v.on.clone()).collect();
    assert_eq!(
        on,
        [
            VotedText::Whole(mentioned[0].clone()),
            VotedText::Whole(mentioned[1].clone())
        ]
    );
}

#[test]
fn a_side_that_includes_its_voters_lists_some_of_them() {
    let v = read(
        "The First Committee approved draft resolution A/C.1/79/L.12 by a recorded vote of 150 in favour to 3 against, with 2 abstentions.\nIn favour includes Chile, Peru.\nAgainst: Belarus, Nicaragua, Syria.",
    );
    assert_eq!(v.len(), 1);
    assert_eq!(
        casts(&v[0]),
        ["BLR:No", "CHL:Yes", "NIC:No", "PER:Yes", "SYR:No"]
    );
}

#[test]
fn a_qualifier_may_stand_between_a_side_and_the_colon_of_its_list() {
    let v = read(
        "The General Assembly adopted resolution 78/16 by a recorded vote of 161 in favour to 3 against, with 2 abstentions.\nAgainst, as far as I could read the board: Belarus, Nicaragua, Syria.\nAbstaining (not the full list, only those I am sure of): Chad, Fiji.",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        casts(&v[0]),
        ["BLR:No", "FJI:Abstain", "NIC:No", "SYR:No", "TCD:Abstain"]
    );
}

#[test]
fn a_side_opening_the_next_sentence_lists_its_voters() {
    for text in [
        "L.42 was adopted by 104 votes to 50, with 22 abstentions. Against were, among others, Chile and Peru.",
        "L.42 was adopted by 104 votes to 50, with 22 abstentions. Against included Chile and Peru.",
    ] {
        let v = read(text);
        assert_eq!(v.len(), 1, "{text}");
        assert_eq!(casts(&v[0]), ["CHL:No", "PER:No"], "{text}");
    }
}
