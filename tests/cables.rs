//! A mission's cable home names delegations by country code or demonym
//! before "DEL" ("ZA DEL", "RU and CN DELs", "SWISS DEL"), often in
//! capitals, and reports support as "spoke for it". Every sentence here
//! is invented for the test.

mod common;

use common::reactions;
use oewg_kg::fact::{Action, Polarity};

const CABLE: &str = "FROM: MISSION GENEVA\nSUBJECT: OEWG, DAY ONE\n\n\
    2. PARA 12. ZA DEL PROPOSED DELETING THE LAST SENTENCE. NO AND CL DELS SPOKE FOR IT. \
    RU DEL OBJECTED.\n\n\
    3. PARA 19. SWISS DEL PROPOSED INSERTING \"WHERE APPLICABLE\" AFTER \"INTERNATIONAL LAW\".\n";

#[test]
fn a_code_or_a_demonym_before_del_is_the_proposer() {
    let got = common::proposals("cable", CABLE, "2027-03-09");
    assert_eq!(
        got,
        [
            ("CHE".to_string(), vec![19], Action::InsertText),
            ("ZAF".to_string(), vec![12], Action::DeleteText),
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
