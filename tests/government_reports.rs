//! A government's own papers (a ministry's report to parliament, a
//! mission's note home) speak in its name: their "we" and "our
//! delegation" are that state. Every sentence here is invented for the
//! test.

mod common;

use common::{extract, policy_positions};
use oewg_kg::fact::Polarity::{Opposition, Support};

#[test]
fn a_ministrys_report_speaks_for_its_state() {
    let text = "Ministry for Foreign Affairs of Peru\nReport to the Congress on the eighth session of the working group\n\n1. Our delegation expressed support for the global directory of points of contact. We also said that a new legally binding instrument was not needed.\n";
    let f = extract("report", text, "2024-07-20");
    assert_eq!(
        policy_positions(&f, "poc-directory"),
        [("PER".to_string(), Support)]
    );
    assert_eq!(
        policy_positions(&f, "legally-binding-instrument"),
        [("PER".to_string(), Opposition)]
    );
}

#[test]
fn a_position_set_aside_is_not_taken() {
    let text = "Permanent Mission of Chile to the United Nations\nNote on the fourth session\n\n2. Peru said it could back the voluntary fund if it were managed by UNODA; we record this as a conditional endorsement rather than an objection.\n";
    let f = extract("note", text, "2024-07-20");
    assert_eq!(
        policy_positions(&f, "voluntary-fund"),
        [("PER".to_string(), Support)]
    );
}
