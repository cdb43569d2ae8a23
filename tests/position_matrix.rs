//! A position tracker's matrix gives one row per delegation and one column
//! per proposal or body, with a sign for each position stated; the text's
//! key says what the signs mean and may label the columns. Every row here
//! is invented for the test.

mod common;

use common::{extract, policy_positions};
use oewg_kg::fact::Polarity::{Opposition, Support};
use oewg_kg::fact::{Polarity, SourceFacts, StanceTarget};

const MATRIX: &str = "\
Position tracker, fourth session

Key: + = stated support; - = stated opposition; (c) = conditional support, counted as support; ~ = no clear view.
Columns: (A) the Programme of Action; (B) negotiating a legally binding instrument.

| Country | (A) | (B) | Voluntary fund |
|---|---|---|---|
| Chile | + | - | + |
| Laos | ~ | + |  |
| Nepal | (c) |  | - |

Notes: in column (B), a tilde means the delegation described the debate only.
";

fn body_positions(f: &SourceFacts, slug: &str) -> Vec<(String, Polarity)> {
    let target = StanceTarget::Body(slug.into());
    f.stances
        .iter()
        .filter(|s| s.target == target)
        .map(|s| (common::code(&s.actor), s.polarity))
        .collect()
}

#[test]
fn each_sign_is_the_rows_position_on_its_columns_topic() {
    let f = extract("tracker", MATRIX, "2024-03-01");
    let s = |c: &str, p| (c.to_string(), p);
    let mut poa = body_positions(&f, "poa");
    poa.sort();
    assert_eq!(poa, [s("CHL", Support), s("NPL", Support)]);
    let mut treaty = policy_positions(&f, "legally-binding-instrument");
    treaty.sort();
    assert_eq!(treaty, [s("CHL", Opposition), s("LAO", Support)]);
    let mut fund = policy_positions(&f, "voluntary-fund");
    fund.sort();
    assert_eq!(fund, [s("CHL", Support), s("NPL", Opposition)]);
}

#[test]
fn without_a_key_the_usual_signs_are_read() {
    let text = "Who backs the PoA\n\n| State | PoA |\n|---|---|\n| Peru | Yes |\n| Oman | No |\n| Fiji | maybe |\n";
    let f = extract("tracker", text, "2024-03-01");
    let mut poa = body_positions(&f, "poa");
    poa.sort();
    assert_eq!(
        poa,
        [
            ("OMN".to_string(), Opposition),
            ("PER".to_string(), Support)
        ]
    );
}
