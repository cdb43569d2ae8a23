//! Proposing to add a reference to a body backs the body; wording that
//! merely sits in a body, or a deletion of a reference, takes no position
//! on it. Every sentence here is invented for the test.

mod common;

use oewg_kg::fact::Polarity;

fn on_the_poa(text: &str) -> Vec<(String, Polarity)> {
    common::on_the_poa("report", text, "2024-03-08")
}

#[test]
fn adding_a_reference_to_a_body_backs_it() {
    let text = "Session notes\n\nNepal and Fiji proposed to add a reference to the Programme of Action in paragraph 12.\n";
    assert_eq!(
        on_the_poa(text),
        [
            ("FJI".to_string(), Polarity::Support),
            ("NPL".to_string(), Polarity::Support)
        ]
    );
}

#[test]
fn deleting_a_reference_to_a_body_takes_no_position_on_it() {
    let text = "Session notes\n\nChad proposed to delete the reference to the Programme of Action in paragraph 14.\n";
    assert_eq!(on_the_poa(text), []);
}
