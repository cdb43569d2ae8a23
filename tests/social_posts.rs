//! Threads of numbered posts by journalists and analysts: missions are
//! named by their handles, and a post opens with the handle. Every
//! sentence here is invented for the test.

mod common;

use common::{code, extract};
use oewg_kg::fact::Action;

#[test]
fn a_missions_handle_is_its_state() {
    let text = "Thread by @lena_dipl, 3 July 2025\n\n1/ Para 14: @NepalMissionUN wants \"regional\" deleted. @Chile_UN and @USUN backed it.\n";
    let f = extract("thread", text, "2025-07-03");
    let made: Vec<_> = f
        .proposals
        .iter()
        .map(|p| (code(&p.proposer), p.targets[0], p.action))
        .collect();
    assert_eq!(made, [("NPL".to_string(), 14, Action::DeleteText)]);
    let mut backers: Vec<String> = common::edit_stances(&f)
        .into_iter()
        .map(|(h, ..)| h)
        .collect();
    backers.sort();
    assert_eq!(backers, ["CHL", "USA"]);
}

#[test]
fn a_handle_that_names_no_state_is_no_mention() {
    let text = "Thread by @lena_dipl\n\n1/ @lena_dipl wants \"regional\" deleted in para 14.\n";
    let f = extract("thread", text, "2025-07-03");
    assert!(f.proposals.is_empty(), "{:?}", f.proposals);
}
