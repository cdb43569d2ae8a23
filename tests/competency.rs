//! The competency questions of `tests/competency/` (copied from the shared
//! contract, never edited) against a fresh build of `seeds/`: every expected
//! row present, nothing outside the expected and allowed rows.

mod common;

use std::collections::BTreeSet;
use std::fs;

fn rows_of(path: &std::path::Path) -> BTreeSet<Vec<String>> {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    rdr.records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        })
        .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
        .collect()
}

#[test]
fn every_competency_question_gets_exactly_its_expected_rows() {
    let (_dir, store) = common::seed_store();
    let cq = common::root().join("tests/competency");
    let mut names: Vec<String> = fs::read_dir(&cq)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    names.sort();
    assert!(names.len() >= 13, "the 13 shared questions are copied");
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".rq");
        let expected = rows_of(&cq.join(format!("{stem}.csv")));
        let allowed_path = cq.join(format!("{stem}.allowed.csv"));
        let allowed = if allowed_path.exists() {
            rows_of(&allowed_path)
        } else {
            BTreeSet::new()
        };
        let got: BTreeSet<Vec<String>> =
            common::query_rows(&store, &cq.join(name).display().to_string())
                .into_iter()
                .filter(|r| r.iter().any(|c| !c.is_empty()))
                .collect();
        let within: BTreeSet<_> = expected.union(&allowed).cloned().collect();
        if !(expected.is_subset(&got) && got.is_subset(&within)) {
            failures.push(format!(
                "{stem}: missing {:?}, unexpected {:?}",
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(&within).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
