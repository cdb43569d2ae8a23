//! A position on keeping something out is the opposite position on it.
//! Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Polarity, StanceTarget};

fn on_participation(text: &str) -> Vec<(String, Polarity)> {
    extract("report", text, "2024-07-01")
        .stances
        .iter()
        .filter(|s| s.target == StanceTarget::Policy("multistakeholder-participation".into()))
        .map(|s| (code(&s.actor), s.polarity))
        .collect()
}

#[test]
fn criticising_the_veto_of_stakeholders_supports_their_participation() {
    let s = on_participation(
        "The veto of accredited stakeholders by a few states drew criticism from Peru and Chile.",
    );
    assert!(s.contains(&("PER".into(), Polarity::Support)), "{s:?}");
    assert!(!s.iter().any(|x| x.1 == Polarity::Opposition), "{s:?}");
}

#[test]
fn lamenting_that_stakeholders_were_blocked_supports_their_participation() {
    let s = on_participation(
        "Norway regretted that accredited stakeholders had been blocked from the plenary.",
    );
    assert_eq!(s, [("NOR".to_string(), Polarity::Support)]);
}

#[test]
fn opposing_stakeholder_participation_itself_stays_opposition() {
    let s = on_participation("Belarus opposed stakeholder participation in the thematic groups.");
    assert_eq!(s, [("BLR".to_string(), Polarity::Opposition)]);
}
