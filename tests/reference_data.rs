//! Specification of the state and group gazetteers in `ontology/reference/`.
//!
//! These tests read the CSV files directly (not through the crate's API), so
//! a defect in the data is reported against the data itself.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[path = "reference_data/extract.rs"]
mod extract;
#[path = "reference_data/record.rs"]
mod record;
#[path = "reference_data/wikidata.rs"]
mod wikidata;

#[derive(Debug, Deserialize)]
struct StateRow {
    code: String,
    name: String,
    wikidata: String,
    status: String,
    aliases: String,
    demonyms: String,
    iso2: String,
}

#[derive(Debug, Deserialize)]
struct GroupRow {
    code: String,
    name: String,
    aliases: String,
    members: String,
}

fn reference_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("ontology")
        .join("reference")
        .join(file)
}

fn read_text(file: &str) -> String {
    let path = reference_path(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn read_rows<T: for<'de> Deserialize<'de>>(file: &str) -> Vec<T> {
    parse_rows(file, &read_text(file))
}

/// The records of a CSV text; a malformed one fails naming `file`.
fn parse_rows<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn states() -> Vec<StateRow> {
    read_rows("states.csv")
}

fn groups() -> Vec<GroupRow> {
    read_rows("groups.csv")
}

/// Splits a `|`-separated field; an empty field is an empty list. Pieces are
/// returned untrimmed so that the tests can reject stray whitespace.
fn bar(field: &str) -> Vec<&str> {
    if field.is_empty() {
        Vec::new()
    } else {
        field.split('|').collect()
    }
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

fn state<'a>(rows: &'a [StateRow], code: &str) -> &'a StateRow {
    rows.iter()
        .find(|s| s.code == code)
        .unwrap_or_else(|| panic!("state {code} missing from states.csv"))
}

fn group<'a>(rows: &'a [GroupRow], code: &str) -> &'a GroupRow {
    rows.iter()
        .find(|g| g.code == code)
        .unwrap_or_else(|| panic!("group {code} missing from groups.csv"))
}

fn members(g: &GroupRow) -> BTreeSet<&str> {
    bar(&g.members).into_iter().collect()
}

fn codes(list: &str) -> BTreeSet<&str> {
    list.split_whitespace().collect()
}

/// Every name a report may use for a state: its label and its aliases.
fn all_names(s: &StateRow) -> Vec<&str> {
    let mut v = vec![s.name.as_str()];
    v.extend(bar(&s.aliases));
    v
}

// ---------------------------------------------------------------- file form

#[test]
fn reference_files_are_utf8_lf_without_bom_with_exact_headers() {
    for (file, header) in [
        (
            "states.csv",
            "code,name,wikidata,status,aliases,demonyms,iso2",
        ),
        ("groups.csv", "code,name,aliases,members"),
    ] {
        let text = read_text(file);
        assert!(!text.starts_with('\u{feff}'), "{file} starts with a BOM");
        assert!(!text.contains('\r'), "{file} has CR line endings");
        assert_eq!(text.lines().next(), Some(header), "{file} header");
        assert!(text.ends_with('\n'), "{file} lacks a final newline");
    }
}

// ------------------------------------------------------------------ states

#[test]
fn states_are_the_193_un_members_and_the_two_observer_states() {
    let rows = states();
    assert_eq!(rows.len(), 195, "row count");
    let members = rows.iter().filter(|s| s.status == "member").count();
    let observers: BTreeSet<&str> = rows
        .iter()
        .filter(|s| s.status == "observer")
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(members, 193, "member count");
    assert_eq!(observers, codes("PSE VAT"), "observer states");
    for s in &rows {
        assert!(
            s.status == "member" || s.status == "observer",
            "{}: unknown status {:?}",
            s.code,
            s.status
        );
    }
}

#[test]
fn state_codes_are_unique_sorted_iso_alpha3() {
    let rows = states();
    let mut seen = BTreeSet::new();
    for s in &rows {
        assert!(
            s.code.len() == 3 && s.code.bytes().all(|b| b.is_ascii_uppercase()),
            "{:?} is not three uppercase ASCII letters",
            s.code
        );
        assert!(seen.insert(s.code.as_str()), "duplicate code {}", s.code);
    }
    let listed: Vec<&str> = rows.iter().map(|s| s.code.as_str()).collect();
    let sorted: Vec<&str> = seen.into_iter().collect();
    assert_eq!(listed, sorted, "rows are not sorted by code");
}

/// ISO 3166-1 alpha-2, as the ISO list pairs them with the alpha-3 codes
/// (checked against the list's published table): two capitals, one
/// state each, and the pairs where the two codes differ most.
#[test]
fn iso_alpha2_codes_are_unique_and_pair_with_their_alpha3() {
    let rows = states();
    let mut seen = BTreeSet::new();
    for s in &rows {
        assert!(
            s.iso2.len() == 2 && s.iso2.chars().all(|c| c.is_ascii_uppercase()),
            "{}: iso2 {:?}",
            s.code,
            s.iso2
        );
        assert!(seen.insert(s.iso2.as_str()), "iso2 {} twice", s.iso2);
    }
    for (a3, a2) in [
        ("CHE", "CH"),
        ("GBR", "GB"),
        ("DEU", "DE"),
        ("ZAF", "ZA"),
        ("ESP", "ES"),
        ("KOR", "KR"),
        ("PRK", "KP"),
        ("HRV", "HR"),
        ("SRB", "RS"),
        ("LKA", "LK"),
        ("VAT", "VA"),
        ("PSE", "PS"),
        ("TCD", "TD"),
        ("SWZ", "SZ"),
    ] {
        assert_eq!(state(&rows, a3).iso2, a2, "{a3}");
    }
}

#[test]
fn wikidata_ids_are_well_formed_and_unique() {
    let rows = states();
    let mut seen = BTreeMap::new();
    for s in &rows {
        let q = s.wikidata.as_str();
        let digits = q.strip_prefix('Q').unwrap_or("");
        assert!(
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0'),
            "{}: {:?} does not match ^Q[1-9][0-9]*$",
            s.code,
            q
        );
        if let Some(other) = seen.insert(q, s.code.as_str()) {
            panic!("{q} used by both {other} and {}", s.code);
        }
    }
}

#[test]
fn state_names_are_unique_and_trimmed() {
    let rows = states();
    let mut seen = BTreeMap::new();
    for s in &rows {
        assert!(
            !s.name.is_empty() && s.name.trim() == s.name,
            "{}: bad name {:?}",
            s.code,
            s.name
        );
        if let Some(other) = seen.insert(fold(&s.name), s.code.as_str()) {
            panic!("name {:?} used by both {other} and {}", s.name, s.code);
        }
    }
}

#[test]
fn aliases_and_demonyms_are_non_empty_and_trimmed() {
    for s in &states() {
        for (field, value) in [("aliases", &s.aliases), ("demonyms", &s.demonyms)] {
            for piece in bar(value) {
                assert!(
                    !piece.is_empty() && piece.trim() == piece && !piece.contains('\n'),
                    "{}: {field} has an empty or untrimmed entry {:?}",
                    s.code,
                    piece
                );
            }
        }
    }
}

#[test]
fn no_state_repeats_a_name_among_its_own_aliases() {
    for s in &states() {
        let mut seen = BTreeSet::new();
        for n in all_names(s) {
            assert!(
                seen.insert(fold(n)),
                "{}: {:?} listed twice (ignoring case)",
                s.code,
                n
            );
        }
    }
}

#[test]
fn no_alias_is_shared_between_states_or_names_another_state() {
    let rows = states();
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for s in &rows {
        for n in all_names(s) {
            if let Some(other) = owner.insert(fold(n), s.code.as_str()) {
                assert_eq!(other, s.code, "{:?} names both {other} and {}", n, s.code);
            }
        }
    }
}

#[test]
fn demonyms_are_unambiguous() {
    let rows = states();
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for s in &rows {
        for d in bar(&s.demonyms) {
            if let Some(other) = owner.insert(fold(d), s.code.as_str()) {
                panic!("demonym {d:?} given to both {other} and {}", s.code);
            }
        }
    }
    // Adjectives shared by two or more states must not be listed at all.
    for ambiguous in ["korean", "congolese", "guinean", "dominican"] {
        assert!(
            !owner.contains_key(ambiguous),
            "ambiguous demonym {ambiguous:?} assigned to {}",
            owner[ambiguous]
        );
    }
}

#[test]
fn well_known_wikidata_ids() {
    let rows = states();
    for (code, qid) in [
        ("IRN", "Q794"),
        ("USA", "Q30"),
        ("CHN", "Q148"),
        ("RUS", "Q159"),
        ("GBR", "Q145"),
        ("FRA", "Q142"),
        ("DEU", "Q183"),
        ("JPN", "Q17"),
        ("IND", "Q668"),
        ("BRA", "Q155"),
        ("EGY", "Q79"),
        ("PSE", "Q219060"),
    ] {
        assert_eq!(state(&rows, code).wikidata, qid, "{code}");
    }
}

#[test]
fn well_known_names_aliases_and_demonyms() {
    let rows = states();
    let has = |code: &str, name: &str| {
        let s = state(&rows, code);
        assert!(
            all_names(s).contains(&name),
            "{code} should be known as {name:?}"
        );
    };
    has("CIV", "Côte d'Ivoire");
    has("CIV", "Côte d\u{2019}Ivoire");
    has("CIV", "Cote d'Ivoire");
    has("CIV", "Ivory Coast");
    has("KOR", "Republic of Korea");
    has("KOR", "South Korea");
    has("PRK", "DPRK");
    has("PRK", "Democratic People's Republic of Korea");
    has("VNM", "Viet Nam");
    has("VNM", "Vietnam");
    has("TUR", "Türkiye");
    has("TUR", "Turkey");
    has("IRN", "Islamic Republic of Iran");
    has("RUS", "Russian Federation");
    has("RUS", "Russia");
    has("USA", "United States of America");
    has("USA", "USA");
    has("USA", "US");
    has(
        "GBR",
        "United Kingdom of Great Britain and Northern Ireland",
    );
    has("GBR", "UK");
    has("NLD", "Kingdom of the Netherlands");
    has("CZE", "Czech Republic");
    has("CZE", "Czechia");
    has("SWZ", "Eswatini");
    has("SWZ", "Swaziland");
    has("VAT", "Holy See");
    has("PSE", "Palestine");
    has("PSE", "State of Palestine");

    let demonym = |code: &str, d: &str| {
        let s = state(&rows, code);
        assert!(
            bar(&s.demonyms).contains(&d),
            "{code} should have demonym {d:?}"
        );
    };
    demonym("CHN", "Chinese");
    demonym("IRN", "Iranian");
    demonym("RUS", "Russian");
    demonym("USA", "American");
    demonym("GBR", "British");
    demonym("NLD", "Dutch");
    demonym("CHE", "Swiss");
    demonym("CIV", "Ivorian");
    demonym("NER", "Nigerien");
    demonym("NGA", "Nigerian");
    demonym("SDN", "Sudanese");
    demonym("SSD", "South Sudanese");
}

#[test]
fn holy_see_and_palestine_are_observers() {
    let rows = states();
    assert_eq!(state(&rows, "VAT").status, "observer");
    assert_eq!(state(&rows, "PSE").status, "observer");
    assert_eq!(state(&rows, "USA").status, "member");
    assert!(
        rows.iter().all(|s| s.code != "TWN"),
        "Taiwan is not a UN member or observer state"
    );
}

// ------------------------------------------------------------------ groups

#[test]
fn group_codes_are_unique_and_the_required_groups_are_present() {
    let rows = groups();
    let mut seen = BTreeSet::new();
    for g in &rows {
        assert!(
            !g.code.is_empty() && !g.name.is_empty(),
            "group with empty code or name"
        );
        assert!(
            seen.insert(g.code.as_str()),
            "duplicate group code {}",
            g.code
        );
    }
    for code in codes("EU CARICOM PIF NAM G77 AFRICAN-GROUP ARAB-GROUP ASEAN AU OAS OSCE") {
        assert!(seen.contains(code), "required group {code} missing");
    }
}

#[test]
fn group_members_are_sorted_unique_un_member_states() {
    let states = states();
    let status: BTreeMap<&str, &str> = states
        .iter()
        .map(|s| (s.code.as_str(), s.status.as_str()))
        .collect();
    for g in &groups() {
        let list = bar(&g.members);
        let mut sorted = list.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(list, sorted, "{}: members not sorted or not unique", g.code);
        for m in list {
            match status.get(m) {
                Some(&"member") => {}
                Some(other) => panic!("{}: {m} is a UN {other}, not a member state", g.code),
                None => panic!("{}: member {m:?} is not in states.csv", g.code),
            }
        }
    }
}

#[test]
fn group_memberships_have_the_expected_sizes() {
    let rows = groups();
    for (code, n) in [
        ("EU", 27),
        ("CARICOM", 14),
        ("ASEAN", 11),
        ("AU", 54),
        ("AFRICAN-GROUP", 54),
        ("ARAB-GROUP", 21),
        ("PIF", 14),
    ] {
        assert_eq!(members(group(&rows, code)).len(), n, "{code} member count");
    }
    // Groups whose membership is open-ended or shifting carry no member list.
    for code in ["NAM", "G77", "OAS", "OSCE"] {
        assert!(
            group(&rows, code).members.is_empty(),
            "{code} should list no members"
        );
    }
}

#[test]
fn group_memberships_spot_checks() {
    let rows = groups();
    let eu = members(group(&rows, "EU"));
    for m in codes("DEU FRA NLD HRV IRL") {
        assert!(eu.contains(m), "EU lacks {m}");
    }
    for m in codes("GBR NOR CHE TUR") {
        assert!(!eu.contains(m), "EU wrongly lists {m}");
    }
    assert!(
        members(group(&rows, "ASEAN")).contains("TLS"),
        "ASEAN lacks Timor-Leste"
    );
    assert_eq!(
        members(group(&rows, "AU")),
        members(group(&rows, "AFRICAN-GROUP")),
        "AU and African Group should list the same 54 UN member states"
    );
    assert!(
        members(group(&rows, "AU")).contains("MAR"),
        "AU lacks Morocco"
    );
    assert!(
        !members(group(&rows, "ARAB-GROUP")).contains("PSE"),
        "Palestine is an observer"
    );
    assert!(
        members(group(&rows, "CARICOM")).contains("HTI"),
        "CARICOM lacks Haiti"
    );
    assert!(
        members(group(&rows, "PIF")).contains("AUS"),
        "PIF lacks Australia"
    );
}

#[test]
fn group_aliases_are_trimmed_unique_and_do_not_collide_with_states() {
    let states = states();
    let state_names: BTreeMap<String, &str> = states
        .iter()
        .flat_map(|s| {
            all_names(s)
                .into_iter()
                .map(move |n| (fold(n), s.code.as_str()))
        })
        .collect();
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for g in &groups() {
        let mut names = vec![g.name.as_str()];
        names.extend(bar(&g.aliases));
        for n in names {
            assert!(
                !n.is_empty() && n.trim() == n,
                "{}: empty or untrimmed alias {:?}",
                g.code,
                n
            );
            if let Some(s) = state_names.get(&fold(n)) {
                panic!("group {} alias {n:?} is also a name of state {s}", g.code);
            }
            if let Some(other) = owner.insert(fold(n), g.code.as_str()) {
                assert_eq!(
                    other, g.code,
                    "{n:?} names both groups {other} and {}",
                    g.code
                );
            }
        }
    }
}
