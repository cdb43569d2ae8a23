//! A sentence that contrasts two sides ("A backed X, while B saw no case
//! for Y") gives each side its own position: a rule's holders are the
//! subjects of the contrasted clause it matched in, and "a view shared by
//! C" shares a position of its own sentence only. Every sentence here is
//! invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Polarity, StanceTarget};

fn on_policy(text: &str, slug: &str) -> Vec<(String, Polarity)> {
    let f = extract("summary", text, "2024-03-01");
    let mut out: Vec<(String, Polarity)> = f
        .stances
        .iter()
        .filter(|s| s.target == StanceTarget::Policy(slug.into()))
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_rule_after_while_holds_the_subjects_of_its_own_clause() {
    let text = "Session summary\n\nOn capacity, Peru and Chile reiterated their interest in the voluntary fund, while Japan saw little case for a global repository of confidence-building measures.\n";
    let got = on_policy(text, "cbm-repository");
    assert_eq!(got, [("JPN".to_string(), Polarity::Opposition)], "{got:?}");
}

#[test]
fn a_view_shared_is_one_the_same_sentence_states() {
    let text = "Session summary\n\nFiji called for the development of new norms. Tonga said the priority was to implement the agreed rules, a view shared by Samoa.\n";
    let got = on_policy(text, "new-norms");
    assert!(!got.iter().any(|(c, _)| c == "WSM"), "{got:?}");
    assert!(
        got.contains(&("FJI".to_string(), Polarity::Support)),
        "{got:?}"
    );
}
