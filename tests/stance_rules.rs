//! Every rule of `ontology/stance-rules.csv` is its own specification: its
//! invented example must yield what its `expect` column says, and must not
//! without the rule (so no rule is dead weight and none passes by luck).

use oewg_kg::fact::pattern::Pattern;
use oewg_kg::fact::{Polarity, SourceFacts, StanceTarget};
use oewg_kg::input::SourceText;
use oewg_kg::mention::{Entity, Gazetteer};
use oewg_kg::reference::Reference;

/// `(actor code, polarity, target slug)` of every policy or body stance.
fn stances(reference: &Reference, text: &str) -> Vec<(String, Polarity, String)> {
    let g = Gazetteer::new(reference);
    let facts = SourceFacts::extract(
        SourceText::in_memory("rule-example", text, "2024-07-01"),
        reference,
        &g,
    );
    facts
        .stances
        .iter()
        .filter_map(|s| {
            let code = match &s.actor {
                Entity::State(c) | Entity::Group(c) => c.clone(),
                _ => return None,
            };
            match &s.target {
                StanceTarget::Policy(t) | StanceTarget::Body(t) => {
                    Some((code, s.polarity, t.clone()))
                }
                StanceTarget::Edit(_) => None,
            }
        })
        .collect()
}

/// Parses `GHA supports poa; KEN opposes new-norms`.
fn expected(expect: &str) -> Vec<(String, Polarity, String)> {
    expect
        .split(';')
        .map(|one| {
            let w: Vec<&str> = one.split_whitespace().collect();
            assert_eq!(
                w.len(),
                3,
                "expect `{one}` is not `CODE supports|opposes slug`"
            );
            let p = match w[1] {
                "supports" => Polarity::Support,
                "opposes" => Polarity::Opposition,
                other => panic!("expect `{one}`: `{other}` is not supports/opposes"),
            };
            (w[0].to_string(), p, w[2].to_string())
        })
        .collect()
}

#[test]
fn every_rule_compiles_and_names_itself_once() {
    let r = Reference::load().unwrap();
    assert!(r.stance_rules.len() >= 8);
    let mut names: Vec<&str> = r.stance_rules.iter().map(|x| x.name.as_str()).collect();
    for rule in &r.stance_rules {
        if let Err(e) = Pattern::parse(&rule.pattern) {
            panic!("rule {}: {e}", rule.name);
        }
    }
    names.sort();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "two rules share a name");
}

#[test]
fn every_rule_yields_its_example_and_nothing_else_does() {
    let full = Reference::load().unwrap();
    for (i, rule) in full.stance_rules.iter().enumerate() {
        let want = expected(&rule.expect);
        let got = stances(&full, &rule.example);
        for w in &want {
            assert!(
                got.contains(w),
                "rule {}: example gave {got:?}, not {w:?}",
                rule.name
            );
        }
        let mut without = full.clone();
        without.stance_rules.remove(i);
        let got = stances(&without, &rule.example);
        assert!(
            want.iter().any(|w| !got.contains(w)),
            "rule {}: its example yields {want:?} even without the rule",
            rule.name
        );
    }
}

/// The negatives the rules must leave alone, one per way they could
/// over-reach.
#[test]
fn evaluations_without_a_holder_or_about_something_else_yield_nothing() {
    let r = Reference::load().unwrap();
    for text in [
        // No holder: a press release's own description.
        "The Programme of Action is an inclusive initiative, the release said.",
        // The body only modifies the praised thing.
        "Ghana said the report of the Programme of Action was useful.",
        // The praise is about something else in the sentence.
        "Ghana said that capacity-building was essential, and mentioned the Programme of Action.",
        // An open question is no position.
        "Ghana asked whether international humanitarian law applies to cyber operations.",
        // Nor is a question put to a state.
        "Has Ghana decided to contribute to the voluntary fund?",
    ] {
        let got = stances(&r, text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn a_negated_evaluation_turns_the_position() {
    let r = Reference::load().unwrap();
    let got = stances(
        &r,
        "Tonga said that a legally binding instrument was not necessary.",
    );
    assert_eq!(
        got,
        vec![(
            "TON".to_string(),
            Polarity::Opposition,
            "legally-binding-instrument".to_string()
        )]
    );
}

#[test]
fn a_negation_turns_a_need_and_an_application_of_law() {
    let r = Reference::load().unwrap();
    for (text, target) in [
        (
            "Tonga sees no case for a legally binding instrument.",
            "legally-binding-instrument",
        ),
        (
            "Tonga said that international humanitarian law does not apply in cyberspace.",
            "ihl-applicability",
        ),
        (
            "Tonga does not believe the Group should spend its time negotiating new norms.",
            "new-norms",
        ),
    ] {
        let got = stances(&r, text);
        assert_eq!(
            got,
            vec![("TON".to_string(), Polarity::Opposition, target.to_string())],
            "{text:?}"
        );
    }
}

#[test]
fn no_before_what_is_called_needed_turns_it() {
    let r = Reference::load().unwrap();
    for text in [
        "Samoa said no new treaty was needed.",
        "For Samoa, no legally binding instrument is necessary at this stage.",
    ] {
        let got = stances(&r, text);
        assert_eq!(
            got,
            vec![(
                "WSM".to_string(),
                Polarity::Opposition,
                "legally-binding-instrument".to_string()
            )],
            "{text:?}"
        );
    }
}

/// A few words in quotation marks are the speaker's own evaluation; a
/// long quotation stays one token (a draft's wording is no evaluation).
#[test]
fn a_short_quotation_is_read_as_the_speakers_words() {
    let r = Reference::load().unwrap();
    let got = stances(
        &r,
        "Nauru described the Programme of Action as \u{201c}premature\u{201d}.",
    );
    assert_eq!(
        got,
        vec![("NRU".to_string(), Polarity::Opposition, "poa".to_string())]
    );
    let got = stances(
        &r,
        "Nauru said the Programme of Action was \"the only practical and inclusive option on the table\".",
    );
    assert_eq!(
        got,
        vec![("NRU".to_string(), Polarity::Support, "poa".to_string())]
    );
    // A draft's sentence quoted whole is no evaluation of the speaker's.
    let got = stances(
        &r,
        "Nauru proposed to add \"the Programme of Action is a premature initiative that no delegation has yet been able to define\" to paragraph 9.",
    );
    assert!(got.is_empty(), "{got:?}");
}
