//! A recorded vote as a position: a yes or no on a text about one
//! recurring body or proposal backs or opposes it, but a vote on an
//! amendment to that text does not (the amendment may strengthen or weaken
//! it). Every sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::{Polarity, StanceTarget};

/// `(state, polarity)` of every position on the Programme of Action.
fn on_the_poa(text: &str) -> Vec<(String, Polarity)> {
    let f = extract("press-release", text, "2024-11-04");
    let poa = StanceTarget::Body("poa".into());
    let mut v: Vec<_> = f
        .stances
        .iter()
        .filter(|s| s.target == poa)
        .map(|s| (code(&s.actor), s.polarity))
        .collect();
    v.sort();
    v
}

const DRAFT: &str = "The Committee approved draft resolution A/C.1/79/L.60 on the Programme of Action by a recorded vote of 150 in favour to 3 against (Laos, Nauru, Oman), with 9 abstentions.\n";

#[test]
fn a_vote_on_the_text_about_a_body_is_a_position_on_the_body() {
    assert_eq!(
        on_the_poa(DRAFT),
        [
            ("LAO".to_string(), Polarity::Opposition),
            ("NRU".to_string(), Polarity::Opposition),
            ("OMN".to_string(), Polarity::Opposition)
        ]
    );
}

#[test]
fn a_vote_on_an_amendment_to_that_text_is_no_position_on_the_body() {
    let text = format!(
        "{DRAFT}\nEarlier, the Committee took up an amendment (A/C.1/79/L.91) to the draft on the Programme of Action tabled by Palau. The amendment was rejected by a recorded vote of 12 in favour to 120 against, with 20 abstentions. Those voting in favour included Palau, Tonga and Fiji. Those voting against included Peru and Chile.\n"
    );
    let got = on_the_poa(&text);
    assert!(
        !got.iter()
            .any(|(s, _)| ["PLW", "TON", "FJI", "PER", "CHL"].contains(&s.as_str())),
        "{got:?}"
    );
    assert_eq!(got.len(), 3, "{got:?}");
}
