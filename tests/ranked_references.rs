//! "The first was supported by Peru; the second by Syria": a rank picks
//! one of the proposals just listed, in the order they were made. Every
//! sentence here is invented for the test.

mod common;

use common::reactions;
use oewg_kg::fact::Polarity;

#[test]
fn the_first_and_the_latter_are_the_proposals_in_their_order() {
    let got = reactions(
        "report",
        "Session report\n\n\
         Iran proposed to delete paragraph 42, and Cuba proposed to add a sentence to paragraph 51. \
         The first was supported by Peru and Chile; the second was supported by Syria. \
         Germany opposed the latter.\n",
        "2027-03-09",
    );
    assert_eq!(
        got,
        [
            ("CHL".to_string(), Polarity::Support, "IRN".to_string(), 42),
            (
                "DEU".to_string(),
                Polarity::Opposition,
                "CUB".to_string(),
                51
            ),
            ("PER".to_string(), Polarity::Support, "IRN".to_string(), 42),
            ("SYR".to_string(), Polarity::Support, "CUB".to_string(), 51),
        ]
    );
}

/// A rank with only one proposal before it names nothing this reader can
/// tell ("the first" may be a sentence of the paragraph).
#[test]
fn a_rank_without_a_list_takes_no_position() {
    let got = reactions(
        "report",
        "Session report\n\nIran proposed to delete paragraph 42. The second was opposed by Peru.\n",
        "2027-03-09",
    );
    assert!(got.is_empty(), "{got:?}");
}
