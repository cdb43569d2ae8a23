//! What "the idea", "it" and "any proposal" point back at. Every sentence
//! here is invented for the test.

use oewg_kg::fact::{Polarity, SourceFacts, StanceTarget};
use oewg_kg::input::SourceText;
use oewg_kg::mention::{Entity, Gazetteer};
use oewg_kg::reference::Reference;

/// `(actor, polarity, target)` of every policy or body stance.
fn stances(text: &str) -> Vec<(String, Polarity, String)> {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    let f = SourceFacts::extract(SourceText::in_memory("report", text, "2023-03-01"), &r, &g);
    let mut out: Vec<_> = f
        .stances
        .iter()
        .filter_map(|s| match (&s.actor, &s.target) {
            (Entity::State(a), StanceTarget::Policy(t) | StanceTarget::Body(t)) => {
                Some((a.clone(), s.polarity, t.clone()))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

const NAMED_THREE: &str = "Ghana welcomed the voluntary fund and the points of contact directory, \
and Bolivia called for a legally binding instrument. ";

#[test]
fn the_idea_is_the_one_thing_named_last() {
    let s = stances(&format!("{NAMED_THREE}Norway rejected the idea."));
    let norway: Vec<_> = s.iter().filter(|x| x.0 == "NOR").collect();
    assert_eq!(
        norway,
        [&(
            "NOR".to_string(),
            Polarity::Opposition,
            "legally-binding-instrument".to_string()
        )],
        "{s:?}"
    );
}

#[test]
fn these_proposals_are_all_of_them() {
    let s = stances(&format!("{NAMED_THREE}Norway rejected these proposals."));
    assert_eq!(s.iter().filter(|x| x.0 == "NOR").count(), 3, "{s:?}");
}

#[test]
fn it_before_a_verb_is_the_speaker_not_what_was_named() {
    let s = stances(&format!(
        "{NAMED_THREE}Peru, which had been sceptical of measures promoted by others, said it would nominate contacts."
    ));
    assert!(!s.iter().any(|x| x.0 == "PER"), "{s:?}");
}

#[test]
fn any_proposal_of_the_kind_is_every_one_named() {
    let s = stances(
        "Chad backed a repository of confidence-building measures and a points of contact directory. \
Cuba said it is not in a position to subscribe to any proposal to create repositories.",
    );
    let cuba: Vec<_> = s
        .iter()
        .filter(|x| x.0 == "CUB")
        .map(|x| x.2.as_str())
        .collect();
    assert_eq!(cuba, ["cbm-repository", "poc-directory"], "{s:?}");
}

#[test]
fn that_change_is_the_proposal_just_made_not_what_a_participle_names_after_it() {
    let r = Reference::load().unwrap();
    let g = Gazetteer::new(&r);
    let text = "Oman proposed to replace \"all stakeholders\" in paragraph 9 with \"relevant organizations\". \
Malta and Latvia opposed that change, calling stakeholder participation essential.";
    let f = SourceFacts::extract(SourceText::in_memory("report", text, "2023-03-01"), &r, &g);
    let on_edit: Vec<_> = f
        .stances
        .iter()
        .filter(|s| matches!(s.target, StanceTarget::Edit(_)))
        .map(|s| (s.actor.clone(), s.polarity))
        .collect();
    for c in ["MLT", "LVA"] {
        assert!(
            on_edit.contains(&(Entity::State(c.into()), Polarity::Opposition)),
            "{on_edit:?}"
        );
    }
    // Their opposition is to the change, not to the participation they praise.
    assert!(!stances(text).contains(&(
        "MLT".into(),
        Polarity::Opposition,
        "multistakeholder-participation".into()
    )));
}

#[test]
fn a_pronoun_before_an_active_cue_is_another_verbs_object() {
    // "described it as …" takes "it"; the cue after it ("sceptical of")
    // has an object of its own that is no target, so no stance at all.
    let s = stances(&format!(
        "{NAMED_THREE}Nepal described it as timely, and Peru, long sceptical of measures promoted by others, said so again."
    ));
    assert!(!s.iter().any(|x| x.0 == "PER" || x.0 == "NPL"), "{s:?}");
}

#[test]
fn a_pronoun_described_by_a_copula_is_the_cues_object() {
    let s = stances(&format!(
        "{NAMED_THREE}It is a sound idea, and Norway would welcome it."
    ));
    assert!(
        s.iter().any(|x| x.0 == "NOR" && x.1 == Polarity::Support),
        "{s:?}"
    );
    let s = stances(&format!(
        "{NAMED_THREE}Norway spoke after Bolivia. Such an approach is unacceptable, Norway said."
    ));
    assert!(
        s.iter()
            .any(|x| x.0 == "NOR" && x.1 == Polarity::Opposition),
        "{s:?}"
    );
}
