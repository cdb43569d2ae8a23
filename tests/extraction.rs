//! How the extractor reads negotiation prose, as specifications: each test
//! is a small report and the facts it must (and must not) yield. The phrasings
//! are deliberately not the seeds' own.

use oewg_kg::fact::{Action, Polarity, SourceFacts, StanceTarget};
use oewg_kg::input::SourceText;
use oewg_kg::mention::{Entity, Gazetteer};
use oewg_kg::reference::Reference;

fn read(text: &str) -> SourceFacts {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    let src = SourceText::in_memory("2021-03-test", text, "2021-03-10");
    SourceFacts::extract(src, &r, &g)
}

const HEAD: &str =
    "Meeting report\n\n10 Mar 2021\n\nDelegations continued their reading of the First Draft.\n\n";

fn state(c: &str) -> Entity {
    Entity::State(c.into())
}

/// (proposer, targets, action) of every proposal.
fn proposals(f: &SourceFacts) -> Vec<(Entity, Vec<u32>, Action)> {
    f.proposals
        .iter()
        .map(|p| (p.proposer.clone(), p.targets.clone(), p.action))
        .collect()
}

/// (actor, polarity, proposer of the edit or policy slug).
fn stances(f: &SourceFacts) -> Vec<(Entity, Polarity, String)> {
    f.stances
        .iter()
        .map(|s| {
            let t = match &s.target {
                StanceTarget::Edit(i) => format!("{:?}", f.proposals[*i].proposer),
                StanceTarget::Policy(p) | StanceTarget::Body(p) => p.clone(),
            };
            (s.actor.clone(), s.polarity, t)
        })
        .collect()
}

#[test]
fn asked_that_a_paragraph_be_dropped_is_a_paragraph_deletion() {
    let f = read(&format!(
        "{HEAD}Paragraph 6\n\nKenya asked that paragraph 6 be dropped.\n"
    ));
    assert_eq!(
        proposals(&f),
        [(state("KEN"), vec![6], Action::DeleteParagraph)]
    );
    assert_eq!(
        f.proposals[0].document.as_deref(),
        Some("oewg-2021-first-draft")
    );
}

#[test]
fn wished_to_add_quoted_words_is_an_insertion_with_the_added_text() {
    let f = read(&format!(
        "{HEAD}Ghana wished to add ‘in particular’ before ‘the Charter’ in paragraph 22.\n"
    ));
    assert_eq!(
        proposals(&f),
        [(state("GHA"), vec![22], Action::InsertText)]
    );
    assert_eq!(f.proposals[0].added.as_deref(), Some("in particular"));
}

#[test]
fn deleting_a_phrase_is_text_deletion_not_paragraph_deletion() {
    let f = read(&format!("{HEAD}Paragraph 3\n\nIndia requested the deletion of the phrase ‘for the common good’ from this paragraph.\n"));
    assert_eq!(proposals(&f), [(state("IND"), vec![3], Action::DeleteText)]);
    assert_eq!(
        f.proposals[0].removed.as_deref(),
        Some("for the common good")
    );
}

#[test]
fn a_range_of_paragraphs_is_one_target_each() {
    let f = read(&format!(
        "{HEAD}The Brazilian delegation tabled amendments to paragraphs 16-18.\n"
    ));
    assert_eq!(
        proposals(&f),
        [(state("BRA"), vec![16, 17, 18], Action::Amend)]
    );
}

#[test]
fn later_sentences_back_the_previous_proposal() {
    let f = read(&format!(
        "{HEAD}Paragraph 9\n\nMexico proposed to delete the second sentence of this paragraph. This was supported by Chile and Peru.\n"
    ));
    assert_eq!(proposals(&f), [(state("MEX"), vec![9], Action::DeleteText)]);
    let s = stances(&f);
    assert!(
        s.contains(&(state("CHL"), Polarity::Support, "State(\"MEX\")".into())),
        "{s:?}"
    );
    assert!(
        s.contains(&(state("PER"), Polarity::Support, "State(\"MEX\")".into())),
        "{s:?}"
    );
}

#[test]
fn negated_support_is_opposition_never_support() {
    for phrase in [
        "did not support",
        "could not go along with",
        "was unable to join",
    ] {
        let f = read(&format!(
            "{HEAD}Paragraph 4\n\nNorway proposed to delete paragraph 4. Japan {phrase} the Norwegian proposal.\n"
        ));
        let s = stances(&f);
        assert!(
            s.iter()
                .all(|(a, p, _)| !(a == &state("JPN") && *p == Polarity::Support)),
            "{phrase}: {s:?}"
        );
        assert!(
            s.contains(&(state("JPN"), Polarity::Opposition, "State(\"NOR\")".into())),
            "{phrase}: {s:?}"
        );
    }
}

#[test]
fn reservations_and_objections_are_opposition() {
    let f = read(&format!(
        "{HEAD}Paragraph 14\n\nFiji called for the deletion of the last sentence of paragraph 14. Cuba had reservations about this deletion.\n"
    ));
    assert_eq!(
        stances(&f),
        [(state("CUB"), Polarity::Opposition, "State(\"FJI\")".into())]
    );
}

#[test]
fn aligned_itself_with_copies_the_referents_position() {
    let f = read(&format!(
        "{HEAD}Paragraph 31\n\nCuba proposed replacing ‘reaffirmed’ with ‘recalled’ in paragraph 31. The United Kingdom rejected the change. Canada aligned itself with the United Kingdom.\n"
    ));
    let s = stances(&f);
    assert!(
        s.contains(&(state("GBR"), Polarity::Opposition, "State(\"CUB\")".into())),
        "{s:?}"
    );
    assert!(
        s.contains(&(state("CAN"), Polarity::Opposition, "State(\"CUB\")".into())),
        "{s:?}"
    );
    assert_eq!(f.proposals[0].removed.as_deref(), Some("reaffirmed"));
    assert_eq!(f.proposals[0].added.as_deref(), Some("recalled"));
}

#[test]
fn on_behalf_of_makes_the_group_the_actor_and_the_member_its_voice() {
    let f = read(&format!(
        "{HEAD}Suriname, on behalf of CARICOM, called for a voluntary fund.\n"
    ));
    assert_eq!(f.stances.len(), 1);
    assert_eq!(f.stances[0].actor, Entity::Group("CARICOM".into()));
    assert_eq!(f.stances[0].voiced_by, Some(state("SUR")));
    let f = read(&format!(
        "{HEAD}Speaking for the Arab Group, Egypt called for a voluntary fund.\n"
    ));
    assert_eq!(f.stances[0].actor, Entity::Group("ARAB-GROUP".into()));
    assert_eq!(f.stances[0].voiced_by, Some(state("EGY")));
}

#[test]
fn lists_in_parentheses_hold_the_stance() {
    let f = read(&format!(
        "{HEAD}Some states (China, Cuba and Belarus) voiced their opposition to the applicability of international humanitarian law.\n"
    ));
    let s = stances(&f);
    for c in ["CHN", "CUB", "BLR"] {
        assert!(
            s.contains(&(state(c), Polarity::Opposition, "ihl-applicability".into())),
            "{s:?}"
        );
    }
}

#[test]
fn mentions_without_a_position_yield_nothing() {
    let f = read(&format!(
        "{HEAD}Brazil described its national strategy. Paragraph 12 was discussed at length by Kenya and Ghana. See https://example.org/2020/01/a.pdf and A/RES/75/240.\n"
    ));
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
    assert!(f.stances.is_empty(), "{:?}", f.stances);
}

#[test]
fn being_open_to_consider_is_no_stance() {
    let f = read(&format!("{HEAD}CARICOM stated it is open to consider the proposal for the establishment of the PoA.\n"));
    assert!(f.stances.is_empty(), "{:?}", f.stances);
}

fn eval(dir: &str, gold: &str, min: &str) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_oewg-kg"))
        .args(["eval", dir, "--gold", gold, "--min-f1", min])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Issue 3's bar on the seeds (opponents, five gold rows, are reported but
/// not held to it: see tests/gold/README.md).
#[test]
fn seeds_score_at_least_0_9_f1_on_proposals_supporters_and_policy_stances() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_oewg-kg"))
        .args(["eval", "seeds", "--gold", "tests/gold/seeds.csv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&o.stdout).into_owned();
    for rel in ["proposals", "supporters", "policy stances"] {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| {rel} |")))
            .unwrap();
        let f1: f64 = line
            .trim_end_matches(" |")
            .rsplit("| ")
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(f1 >= 0.9, "{rel}: {line}");
    }
}

#[test]
fn varied_phrasing_fixtures_score_at_least_0_8_f1_on_every_relation() {
    eval("tests/fixtures", "tests/fixtures/gold.csv", "0.8");
    eval("tests/fixtures2", "tests/fixtures2/gold.csv", "0.8");
}
