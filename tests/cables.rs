//! A mission's cable home names delegations by country code or demonym
//! before "DEL" ("ZA DEL", "RU and CN DELs", "SWISS DEL"), often in
//! capitals, and reports support as "spoke for it". Every sentence here
//! is invented for the test.

mod common;

use common::{extract, reactions};
use oewg_kg::fact::{Action, Polarity};

const CABLE: &str = "FROM: MISSION GENEVA\nSUBJECT: OEWG, DAY ONE\n\n\
    2. PARA 12. ZA DEL PROPOSED DELETING THE LAST SENTENCE. NO AND CL DELS SPOKE FOR IT. \
    RU DEL OBJECTED.\n\n\
    3. PARA 19. SWISS DEL PROPOSED INSERTING \"WHERE APPLICABLE\" AFTER \"INTERNATIONAL LAW\".\n";

#[test]
fn a_code_or_a_demonym_before_del_is_the_proposer() {
    let f = extract("cable", CABLE, "2027-03-09");
    let mut got: Vec<(String, Vec<u32>, Action)> = f
        .proposals
        .iter()
        .map(|p| (common::code(&p.proposer), p.targets.clone(), p.action))
        .collect();
    got.sort_by(|a, b| a.1.cmp(&b.1));
    got.dedup();
    assert_eq!(
        got,
        [
            ("ZAF".to_string(), vec![12], Action::DeleteText),
            ("CHE".to_string(), vec![19], Action::InsertText),
        ]
    );
}

#[test]
fn delegations_that_spoke_for_it_back_the_proposal_just_made() {
    let got = reactions("cable", CABLE, "2027-03-09");
    assert_eq!(
        got,
        [
            ("CHL".to_string(), Polarity::Support, "ZAF".to_string(), 12),
            ("NOR".to_string(), Polarity::Support, "ZAF".to_string(), 12),
            (
                "RUS".to_string(),
                Polarity::Opposition,
                "ZAF".to_string(),
                12
            ),
        ]
    );
}
