//! Specification of the formal record: resolutions, documents, bodies,
//! persons and the provenance of every identifier — formats, uniqueness,
//! cross-references and the quads they become. That every date, sponsor and
//! vote total agrees with the checked-in extract of its cited pages is
//! specified in `extract.rs`.

use super::extract::Claims;
use super::{bar, groups, read_rows, read_text, states, StateRow};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Deserialize)]
pub(super) struct ResolutionRow {
    pub(super) key: String,
    pub(super) symbol: String,
    year: String,
    title: String,
    #[serde(flatten)]
    pub(super) claims: Claims,
    pub(super) wikidata: String,
    pub(super) source: String,
}

#[derive(Debug, Deserialize)]
struct DocumentRow {
    slug: String,
    symbol: String,
    body: String,
    year: String,
    kind: String,
    became_resolution: String,
    source: String,
}

#[derive(Debug, Deserialize)]
struct BodyRow {
    slug: String,
    established_by: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct PersonRow {
    pub(super) slug: String,
    nationality: String,
    chairs: String,
    pub(super) wikidata: String,
    pub(super) source: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct SourceRow {
    pub(super) kind: String,
    pub(super) key: String,
    pub(super) qid: String,
    pub(super) source: String,
}

pub(super) fn resolutions() -> Vec<ResolutionRow> {
    read_rows("resolutions.csv")
}

fn documents() -> Vec<DocumentRow> {
    read_rows("documents.csv")
}

fn bodies() -> Vec<BodyRow> {
    read_rows("bodies.csv")
}

pub(super) fn persons() -> Vec<PersonRow> {
    read_rows("persons.csv")
}

pub(super) fn provenance() -> Vec<SourceRow> {
    read_rows("sources.csv")
}

fn is_qid(q: &str) -> bool {
    q.strip_prefix('Q').is_some_and(|d| {
        !d.is_empty() && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    })
}

pub(super) fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(' ')
}

/// A row's Wikidata item is empty or a QID, and each of its sources a URL.
fn assert_qid_and_urls(what: &str, qid: &str, source: &str) {
    assert!(
        qid.is_empty() || is_qid(qid),
        "{what}: {qid:?} is not a QID"
    );
    for url in bar(source) {
        assert!(is_url(url), "{what}: source {url:?}");
    }
}

/// `YYYY-MM-DD` with a month and a day that exist.
fn is_iso_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let [y, m, day] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().unwrap())
    };
    let (Some(y), Some(m), Some(day)) = (num(y, 4), num(m, 2), num(day, 2)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && day >= 1 && day <= days[m as usize - 1]
}

/// `A/RES/73/27` → key `73-27`; `A/RES/43/78H` → `43-78-H`.
fn key_of_symbol(symbol: &str) -> Option<String> {
    let rest = symbol.strip_prefix("A/RES/")?;
    let (session, number) = rest.split_once('/')?;
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let letter = &number[digits.len()..];
    let ok = !session.is_empty()
        && session.bytes().all(|b| b.is_ascii_digit())
        && !digits.is_empty()
        && (letter.is_empty()
            || (letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase())));
    ok.then(|| match letter {
        "" => format!("{session}-{digits}"),
        l => format!("{session}-{digits}-{l}"),
    })
}

fn state_codes() -> BTreeSet<String> {
    states().into_iter().map(|s: StateRow| s.code).collect()
}

#[test]
fn record_files_have_their_headers() {
    for (file, header) in [
        (
            "resolutions.csv",
            "key,symbol,year,date,title,main_sponsor,without_vote,yes,no,abstain,wikidata,source",
        ),
        (
            "documents.csv",
            "slug,name,symbol,aliases,body,year,next,kind,became_resolution,source",
        ),
        (
            "persons.csv",
            "slug,name,aliases,title,nationality,chairs,wikidata,source",
        ),
        ("sources.csv", "kind,key,qid,source"),
    ] {
        let text = read_text(file);
        assert_eq!(text.lines().next(), Some(header), "{file} header");
        assert!(
            !text.contains('\r') && text.ends_with('\n'),
            "{file} line endings"
        );
    }
}

#[test]
fn resolution_symbols_are_unique_well_formed_and_match_their_keys() {
    let mut seen = BTreeSet::new();
    for r in resolutions() {
        assert_eq!(
            key_of_symbol(&r.symbol).as_deref(),
            Some(r.key.as_str()),
            "{} vs key {}",
            r.symbol,
            r.key
        );
        assert!(seen.insert(r.key.clone()), "duplicate resolution {}", r.key);
        assert!(
            !r.title.is_empty() && r.title.trim() == r.title,
            "{}: title",
            r.key
        );
    }
    assert!(seen.len() >= 20, "only {} resolutions", seen.len());
}

#[test]
fn resolution_dates_years_and_votes_are_well_formed() {
    let codes = state_codes();
    for r in resolutions() {
        let session: u32 = r.key.split('-').next().unwrap().parse().unwrap();
        if r.claims.date.is_empty() {
            // Without a confirmed date the year is the session's first year.
            assert_eq!(r.year, (1945 + session).to_string(), "{}: year", r.key);
        } else {
            assert!(
                is_iso_date(&r.claims.date),
                "{}: date {:?} is not YYYY-MM-DD",
                r.key,
                r.claims.date
            );
            assert_eq!(
                r.year,
                r.claims.date[..4],
                "{}: year and date disagree",
                r.key
            );
        }
        assert!(
            matches!(r.claims.without_vote.as_str(), "" | "yes" | "no"),
            "{}: without_vote",
            r.key
        );
        let counts = [&r.claims.yes, &r.claims.no, &r.claims.abstain];
        let given = counts.iter().filter(|c| !c.is_empty()).count();
        assert!(
            given == 0 || given == 3,
            "{}: vote totals are all or nothing",
            r.key
        );
        for c in counts.iter().filter(|c| !c.is_empty()) {
            assert!(c.parse::<u32>().is_ok(), "{}: count {c:?}", r.key);
        }
        if given == 3 {
            assert_eq!(
                r.claims.without_vote, "no",
                "{}: totals but no recorded vote",
                r.key
            );
            // No vote has more voters than the Assembly has members.
            let cast: u32 = counts.iter().map(|c| c.parse::<u32>().unwrap()).sum();
            assert!(cast <= 193, "{}: {cast} votes cast", r.key);
        }
        for code in bar(&r.claims.main_sponsor) {
            assert!(
                codes.contains(code),
                "{}: sponsor {code} is not in states.csv",
                r.key
            );
        }
        assert_qid_and_urls(&r.key, &r.wikidata, &r.source);
        let has_facts = !(r.claims.date.is_empty()
            && r.claims.main_sponsor.is_empty()
            && r.claims.without_vote.is_empty()
            && given == 0
            && r.wikidata.is_empty());
        assert!(
            !has_facts || !r.source.is_empty(),
            "{}: facts without a source",
            r.key
        );
    }
}

#[test]
fn the_field_is_covered_from_53_70_on() {
    let keys: BTreeSet<String> = resolutions().into_iter().map(|r| r.key).collect();
    for k in [
        "53-70", "58-32", "60-45", "66-24", "68-243", "70-237", "73-27", "73-266", "74-247",
        "75-240", "76-19", "77-37", "73-187", "74-28", "74-29", "63-37", "64-25", "69-28", "71-28",
    ] {
        assert!(keys.contains(k), "resolution {k} missing");
    }
}

#[test]
fn documents_are_unique_well_formed_and_refer_to_what_exists() {
    let docs = documents();
    let res: BTreeSet<String> = resolutions().into_iter().map(|r| r.key).collect();
    let body_slugs: BTreeSet<String> = bodies().into_iter().map(|b| b.slug).collect();
    let (mut slugs, mut symbols) = (BTreeSet::new(), BTreeSet::new());
    for d in &docs {
        assert!(
            slugs.insert(d.slug.as_str()),
            "duplicate document {}",
            d.slug
        );
        if !d.symbol.is_empty() {
            assert!(
                symbols.insert(d.symbol.as_str()),
                "duplicate symbol {}",
                d.symbol
            );
            assert!(
                d.symbol.starts_with("A/")
                    && !d.symbol.starts_with("A/RES/")
                    && !d.symbol.contains(' '),
                "{}: symbol {}",
                d.slug,
                d.symbol
            );
            assert!(
                !d.source.is_empty(),
                "{}: symbol {} without a source",
                d.slug,
                d.symbol
            );
        }
        assert!(
            d.body.is_empty() || body_slugs.contains(&d.body),
            "{}: body {}",
            d.slug,
            d.body
        );
        assert!(
            d.year.len() == 4 && d.year.bytes().all(|b| b.is_ascii_digit()),
            "{}: year",
            d.slug
        );
        if !d.became_resolution.is_empty() {
            assert!(
                res.contains(&d.became_resolution),
                "{} became unknown resolution {}",
                d.slug,
                d.became_resolution
            );
            assert_eq!(
                d.kind, "draft",
                "{}: only drafts become resolutions",
                d.slug
            );
        }
        assert_qid_and_urls(&d.slug, "", &d.source);
    }
    let draft = docs
        .iter()
        .find(|d| d.symbol == "A/C.1/73/L.27/Rev.1")
        .expect("the 2018 Russian draft");
    assert_eq!(draft.became_resolution, "73-27");
}

#[test]
fn every_gge_and_oewg_has_its_resolution_reports_and_chair_where_known() {
    let bodies = bodies();
    let docs = documents();
    let res: BTreeSet<String> = resolutions().into_iter().map(|r| r.key).collect();
    let gge_all: BTreeSet<&str> = bodies
        .iter()
        .find(|b| b.slug == "gge")
        .map(|b| bar(&b.established_by).into_iter().collect())
        .unwrap();
    for b in &bodies {
        for r in bar(&b.established_by) {
            assert!(res.contains(r), "{} established by unknown {r}", b.slug);
        }
    }
    for (slug, founding, report) in [
        ("gge-2004-2005", "58-32", "A/60/202"),
        ("gge-2009-2010", "60-45", "A/65/201"),
        ("gge-2012-2013", "66-24", "A/68/98"),
        ("gge-2014-2015", "68-243", "A/70/174"),
        ("gge-2016-2017", "70-237", "A/72/327"),
        ("gge-2019-2021", "73-266", "A/76/135"),
        ("oewg-2019-2021", "73-27", "A/75/816"),
        ("oewg-2021-2025", "75-240", "A/77/275"),
    ] {
        let b = bodies
            .iter()
            .find(|b| b.slug == slug)
            .unwrap_or_else(|| panic!("body {slug}"));
        assert_eq!(bar(&b.established_by), [founding], "{slug}");
        if slug.starts_with("gge-") {
            assert!(gge_all.contains(founding), "gge lacks {founding}");
        }
        let d = docs
            .iter()
            .find(|d| d.symbol == report)
            .unwrap_or_else(|| panic!("report {report}"));
        assert_eq!(d.body, slug, "{report}");
    }
    let chaired: BTreeSet<String> = persons()
        .iter()
        .flat_map(|p| {
            bar(&p.chairs)
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    for slug in [
        "oewg-2019-2021",
        "oewg-2021-2025",
        "gge-2004-2005",
        "gge-2009-2010",
        "gge-2019-2021",
        "ad-hoc-committee-cybercrime",
    ] {
        assert!(chaired.contains(slug), "no chair for {slug}");
    }
}

#[test]
fn persons_chair_existing_bodies_and_name_their_sources() {
    let body_slugs: BTreeSet<String> = bodies().into_iter().map(|b| b.slug).collect();
    let codes = state_codes();
    let mut seen = BTreeSet::new();
    for p in persons() {
        assert!(seen.insert(p.slug.clone()), "duplicate person {}", p.slug);
        assert!(
            codes.contains(&p.nationality),
            "{}: nationality {}",
            p.slug,
            p.nationality
        );
        for b in bar(&p.chairs) {
            assert!(body_slugs.contains(b), "{} chairs unknown body {b}", p.slug);
        }
        assert!(
            p.chairs.is_empty() || !p.source.is_empty(),
            "{}: chair without a source",
            p.slug
        );
        assert_qid_and_urls(&p.slug, &p.wikidata, &p.source);
    }
}

#[test]
fn provenance_rows_name_existing_entities_qids_and_urls() {
    let bodies: BTreeSet<String> = bodies().into_iter().map(|b| b.slug).collect();
    let groups: BTreeSet<String> = groups().into_iter().map(|g| g.code).collect();
    let states = states();
    let mut seen = BTreeSet::new();
    for p in provenance() {
        assert!(
            seen.insert((p.kind.clone(), p.key.clone())),
            "{} {} listed twice",
            p.kind,
            p.key
        );
        match p.kind.as_str() {
            "body" => assert!(bodies.contains(&p.key), "unknown body {}", p.key),
            "group" => assert!(groups.contains(&p.key), "unknown group {}", p.key),
            "state" => {
                let s = states
                    .iter()
                    .find(|s| s.code == p.key)
                    .unwrap_or_else(|| panic!("unknown state {}", p.key));
                assert_eq!(
                    s.wikidata, p.qid,
                    "{}: states.csv and sources.csv disagree",
                    p.key
                );
            }
            other => panic!("unknown kind {other}"),
        }
        assert!(!p.source.is_empty(), "{} {}: no source", p.kind, p.key);
        assert_qid_and_urls(&format!("{} {}", p.kind, p.key), &p.qid, &p.source);
    }
}

/// One Wikidata item names one entity: no two rows of states, groups,
/// bodies, resolutions or persons share a QID.
#[test]
fn each_wikidata_item_names_one_entity() {
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let items = states()
        .into_iter()
        .map(|s| (s.wikidata, format!("state {}", s.code)))
        .chain(
            provenance()
                .into_iter()
                .filter(|p| p.kind != "state")
                .map(|p| (p.qid, format!("{} {}", p.kind, p.key))),
        )
        .chain(persons().into_iter().map(|p| (p.wikidata, p.slug)))
        .chain(resolutions().into_iter().map(|r| (r.wikidata, r.key)));
    for (qid, who) in items.filter(|(q, _)| !q.is_empty()) {
        if let Some(first) = owner.insert(qid.clone(), who.clone()) {
            panic!("{qid} names both {first} and {who}");
        }
    }
}

/// The groups and UN bodies reports name most have their Wikidata item
/// (checked against the page each row cites).
#[test]
fn well_known_groups_and_bodies_have_their_items() {
    let qid = |kind: &str, key: &str| {
        provenance()
            .into_iter()
            .find(|p| p.kind == kind && p.key == key)
            .map(|p| p.qid)
            .unwrap_or_default()
    };
    for (kind, key, expected) in [
        ("group", "EU", "Q458"),
        ("group", "AU", "Q7159"),
        ("group", "ASEAN", "Q7768"),
        ("group", "NATO", "Q7184"),
        ("group", "SCO", "Q485207"),
        ("group", "CSTO", "Q318693"),
        ("group", "OAS", "Q123759"),
        ("body", "unga", "Q47423"),
        ("body", "unidir", "Q3152150"),
    ] {
        assert_eq!(qid(kind, key), expected, "{kind} {key}");
    }
}

#[test]
fn the_holy_see_is_the_observer_entity_not_vatican_city() {
    let vat = states().into_iter().find(|s| s.code == "VAT").unwrap();
    assert_eq!(
        vat.wikidata, "Q159583",
        "Q237 is Vatican City, the territory"
    );
}

#[test]
fn the_reference_graph_links_drafts_chairs_and_adoption_votes() {
    let r = oewg_kg::reference::Reference::load().unwrap();
    let quads = oewg_kg::quad::reference(&r);
    let id = "https://w3id.org/oewg-kg/id/";
    let has = |s: &str, p: &str, o: &str| {
        quads.iter().any(|q| {
            q.subject.to_string() == format!("<{s}>")
                && q.predicate.as_str() == p
                && q.object.to_string() == o
        })
    };
    let oewg = "https://w3id.org/oewg-kg/ontology#";
    let xsd = "http://www.w3.org/2001/XMLSchema#";
    let res = format!("{id}resolution/73-27");
    let vote = format!("{res}/adoption");
    for (s, p, o) in [
        (
            format!("{id}document/a-c-1-73-l-27-rev-1"),
            format!("{oewg}becameResolution"),
            format!("<{res}>"),
        ),
        (
            format!("{id}person/jurg-lauber"),
            format!("{oewg}chairs"),
            format!("<{id}body/oewg-2019-2021>"),
        ),
        (vote.clone(), format!("{oewg}votedOn"), format!("<{res}>")),
        (
            format!("{id}resolution/73-187/adoption"),
            format!("{oewg}inFavourCount"),
            format!("\"94\"^^<{xsd}integer>"),
        ),
        (
            format!("{id}person/andrey-krutskikh"),
            format!("{oewg}chairs"),
            format!("<{id}body/gge-2009-2010>"),
        ),
        (
            vote.clone(),
            format!("{oewg}againstCount"),
            format!("\"46\"^^<{xsd}integer>"),
        ),
        (
            format!("{id}resolution/74-29/adoption"),
            format!("{oewg}abstentionCount"),
            format!("\"45\"^^<{xsd}integer>"),
        ),
        (
            res.clone(),
            format!("{oewg}mainSponsor"),
            format!("<{id}state/RUS>"),
        ),
        (
            res.clone(),
            "http://purl.org/dc/terms/date".into(),
            format!("\"2018-12-05\"^^<{xsd}date>"),
        ),
        (
            format!("{id}state/VAT"),
            "http://www.w3.org/2002/07/owl#sameAs".into(),
            "<http://www.wikidata.org/entity/Q159583>".into(),
        ),
        (
            format!("{id}group/EU"),
            "http://www.w3.org/2002/07/owl#sameAs".into(),
            "<http://www.wikidata.org/entity/Q458>".into(),
        ),
        (
            format!("{id}body/unga"),
            "http://www.w3.org/2002/07/owl#sameAs".into(),
            "<http://www.wikidata.org/entity/Q47423>".into(),
        ),
    ] {
        assert!(has(&s, &p, &o), "missing {s} {p} {o}");
    }
    // A resolution whose totals no source gave has no adoption vote node.
    assert!(!quads
        .iter()
        .any(|q| q.subject.to_string() == format!("<{id}resolution/75-240/adoption>")));
}
