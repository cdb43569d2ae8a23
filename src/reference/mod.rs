//! Reference data: the gazetteer every mention is resolved against.
//!
//! Everything a domain expert would correct (states and their aliases, groups
//! and their members, UN bodies, resolutions, documents, persons, recurring
//! policy proposals, cue vocabularies) lives in CSV under `ontology/`. The
//! files are compiled into the binary (`include_str!`), so the tool gives the
//! same graph wherever it runs; editing a CSV and rebuilding is the whole
//! workflow for extending the vocabulary.

mod cues;
mod derived;

pub use cues::{Cue, CueKind, Cues, StanceRule};
pub use derived::Derived;

use serde::Deserialize;
use std::collections::BTreeMap;

/// The raw CSV files, embedded at compile time.
pub mod files {
    pub const STATES: &str = include_str!("../../ontology/reference/states.csv");
    pub const GROUPS: &str = include_str!("../../ontology/reference/groups.csv");
    pub const BODIES: &str = include_str!("../../ontology/reference/bodies.csv");
    pub const RESOLUTIONS: &str = include_str!("../../ontology/reference/resolutions.csv");
    pub const DOCUMENTS: &str = include_str!("../../ontology/reference/documents.csv");
    pub const PERSONS: &str = include_str!("../../ontology/reference/persons.csv");
    pub const POLICY_PROPOSALS: &str =
        include_str!("../../ontology/reference/policy_proposals.csv");
    pub const POLICY_CLAUSES: &str = include_str!("../../ontology/reference/policy_clauses.csv");
    pub const SOURCES: &str = include_str!("../../ontology/reference/sources.csv");
    pub const CUES: &str = include_str!("../../ontology/cues.csv");
    pub const STANCE_RULES: &str = include_str!("../../ontology/stance-rules.csv");
    pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/oewg.ttl");
    pub const SHAPES_TTL: &str = include_str!("../../ontology/shapes.ttl");
}

/// A UN member or observer state.
#[derive(Debug, Clone, Deserialize)]
pub struct State {
    pub code: String,
    pub name: String,
    pub wikidata: String,
    pub status: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "split_bar")]
    pub demonyms: Vec<String>,
    /// ISO 3166-1 alpha-2 code ("CH"), which diplomatic cables put before
    /// "DEL" for a delegation (`mention::mission_codes`).
    pub iso2: String,
}

/// A group of states (EU, CARICOM, …).
#[derive(Debug, Clone, Deserialize)]
pub struct Group {
    pub code: String,
    pub name: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "split_bar")]
    pub members: Vec<String>,
}

/// A UN body or process. `active_from` / `active_to` (ISO dates or years)
/// disambiguate aliases two bodies share ("OEWG") by the date of the text.
#[derive(Debug, Clone, Deserialize)]
pub struct Body {
    pub slug: String,
    pub name: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "split_bar")]
    pub established_by: Vec<String>,
    pub active_from: String,
    pub active_to: String,
    /// "yes" for processes states take positions on (the PoA, an OEWG, the
    /// GGE); "no" for organs that are only the setting (General Assembly,
    /// Secretary-General), so "within the General Assembly" is never read as
    /// support for it.
    pub position_target: String,
}

impl Body {
    pub fn is_position_target(&self) -> bool {
        self.position_target != "no"
    }
}

/// A General Assembly resolution, keyed `{session}-{number}[-{LETTER}]`.
/// Every field past `title` is empty unless the sources in `source` confirm
/// it: an unknown date or vote is left out of the graph, never guessed.
#[derive(Debug, Clone, Deserialize)]
pub struct Resolution {
    pub key: String,
    pub symbol: String,
    pub year: String,
    /// ISO date of adoption by the General Assembly.
    #[serde(default)]
    pub date: String,
    pub title: String,
    /// ISO alpha-3 codes of the states that tabled the draft.
    #[serde(default, deserialize_with = "split_bar")]
    pub main_sponsor: Vec<String>,
    /// "yes" (adopted without a vote), "no" (recorded vote) or "" (unknown).
    #[serde(default)]
    pub without_vote: String,
    /// Recorded-vote totals in the General Assembly.
    #[serde(default)]
    pub yes: String,
    #[serde(default)]
    pub no: String,
    #[serde(default)]
    pub abstain: String,
    #[serde(default)]
    pub wikidata: String,
    /// Where the row's facts come from (URLs).
    #[serde(default, deserialize_with = "split_bar")]
    pub source: Vec<String>,
}

impl Resolution {
    /// The totals of the recorded vote, when all three are known.
    pub fn vote_totals(&self) -> Option<[&str; 3]> {
        let t = [self.yes.as_str(), self.no.as_str(), self.abstain.as_str()];
        t.iter().all(|v| !v.is_empty()).then_some(t)
    }
}

/// A UN document or draft. Drafts share aliases ("First Draft"); `year`
/// picks the one a text means.
#[derive(Debug, Clone, Deserialize)]
pub struct Document {
    pub slug: String,
    pub name: String,
    pub symbol: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    pub body: String,
    pub year: String,
    /// Slug of the next version of this text (a draft's successor).
    #[serde(default)]
    pub next: String,
    /// "draft", "report", "summary" or "convention": drafts are what edit
    /// proposals target.
    pub kind: String,
    /// Key of the resolution a draft resolution became.
    #[serde(default)]
    pub became_resolution: String,
    #[serde(default, deserialize_with = "split_bar")]
    pub source: Vec<String>,
}

impl Document {
    pub fn is_draft(&self) -> bool {
        self.kind == "draft"
    }
}

/// A person who recurs in the talks (chairs, officials).
#[derive(Debug, Clone, Deserialize)]
pub struct Person {
    pub slug: String,
    pub name: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    pub title: String,
    pub nationality: String,
    /// Slugs of the bodies this person chaired.
    #[serde(default, deserialize_with = "split_bar")]
    pub chairs: Vec<String>,
    #[serde(default)]
    pub wikidata: String,
    #[serde(default, deserialize_with = "split_bar")]
    pub source: Vec<String>,
}

/// Provenance of a row of a file that has no source column of its own
/// (`sources.csv`): its Wikidata item, when it has one, and where its
/// identifiers were checked. Kept apart so that the gazetteer files stay
/// free of long URLs.
#[derive(Debug, Clone, Deserialize)]
pub struct Provenance {
    /// "state", "group", "body", "resolution", "document", "person".
    pub kind: String,
    pub key: String,
    pub qid: String,
    #[serde(deserialize_with = "split_bar")]
    pub source: Vec<String>,
}

/// A recurring policy proposal ("a new legally binding instrument").
#[derive(Debug, Clone, Deserialize)]
pub struct PolicyProposal {
    pub slug: String,
    pub label: String,
    #[serde(deserialize_with = "split_bar")]
    pub aliases: Vec<String>,
    pub comment: String,
}

/// A policy named by a clause (`ontology/reference/policy_clauses.csv`):
/// who (`subjects`) doing what (`predicates`), with an example the tests
/// run and the words it should find (`expect`).
#[derive(Debug, Clone, Deserialize)]
pub struct PolicyClause {
    pub slug: String,
    #[serde(deserialize_with = "split_bar")]
    pub subjects: Vec<String>,
    #[serde(deserialize_with = "split_bar")]
    pub predicates: Vec<String>,
    pub example: String,
    pub expect: String,
    pub comment: String,
}

fn split_bar<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(s.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect())
}

/// Error in an embedded reference file: a build-time defect, reported with
/// the file and record so the data can be fixed.
#[derive(Debug, thiserror::Error)]
#[error("reference data {file}: {message}")]
pub struct ReferenceError {
    pub file: &'static str,
    pub message: String,
}

/// All reference data, indexed.
#[derive(Debug, Clone)]
pub struct Reference {
    pub states: Vec<State>,
    pub groups: Vec<Group>,
    pub bodies: Vec<Body>,
    pub resolutions: Vec<Resolution>,
    pub documents: Vec<Document>,
    pub persons: Vec<Person>,
    pub policy_proposals: Vec<PolicyProposal>,
    pub policy_clauses: Vec<PolicyClause>,
    pub sources: Vec<Provenance>,
    pub cues: Cues,
    /// The declarative stance grammar (`ontology/stance-rules.csv`).
    pub stance_rules: Vec<StanceRule>,
    resolution_by_key: BTreeMap<String, usize>,
    document_by_symbol: BTreeMap<String, usize>,
    /// Where each state code first appears in `states`: every source's
    /// mapping looks states up by code (labels, keys), and a scan compared
    /// up to 196 codes each time.
    state_by_code: rustc_hash::FxHashMap<String, usize>,
    /// Automata and expressions compiled from the above, shared by sources.
    derived: Derived,
}

fn read<T: for<'de> Deserialize<'de>>(
    name: &'static str,
    text: &str,
) -> Result<Vec<T>, ReferenceError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| ReferenceError {
            file: name,
            message: e.to_string(),
        })
}

impl Reference {
    /// Loads the embedded reference data.
    pub fn load() -> Result<Self, ReferenceError> {
        let states: Vec<State> = read("states.csv", files::STATES)?;
        let groups: Vec<Group> = read("groups.csv", files::GROUPS)?;
        let bodies: Vec<Body> = read("bodies.csv", files::BODIES)?;
        let resolutions: Vec<Resolution> = read("resolutions.csv", files::RESOLUTIONS)?;
        let documents: Vec<Document> = read("documents.csv", files::DOCUMENTS)?;
        let persons: Vec<Person> = read("persons.csv", files::PERSONS)?;
        let policy_proposals: Vec<PolicyProposal> =
            read("policy_proposals.csv", files::POLICY_PROPOSALS)?;
        let policy_clauses: Vec<PolicyClause> = read("policy_clauses.csv", files::POLICY_CLAUSES)?;
        let sources: Vec<Provenance> = read("sources.csv", files::SOURCES)?;
        let cues = Cues::parse(files::CUES)?;
        let stance_rules = cues::stance_rules(files::STANCE_RULES)?;
        let resolution_by_key = resolutions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key.clone(), i))
            .collect();
        let document_by_symbol = documents
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.symbol.is_empty())
            .map(|(i, d)| (d.symbol.clone(), i))
            .collect();
        let mut state_by_code = rustc_hash::FxHashMap::default();
        for (i, s) in states.iter().enumerate() {
            state_by_code.entry(s.code.clone()).or_insert(i);
        }
        Ok(Self {
            state_by_code,
            states,
            groups,
            bodies,
            resolutions,
            documents,
            persons,
            policy_proposals,
            policy_clauses,
            sources,
            cues,
            stance_rules,
            resolution_by_key,
            document_by_symbol,
            derived: Derived::default(),
        })
    }

    pub fn resolution(&self, key: &str) -> Option<&Resolution> {
        self.resolution_by_key
            .get(key)
            .map(|&i| &self.resolutions[i])
    }

    pub fn document_by_symbol(&self, symbol: &str) -> Option<&Document> {
        self.document_by_symbol
            .get(symbol)
            .map(|&i| &self.documents[i])
    }

    pub fn document(&self, slug: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.slug == slug)
    }

    pub fn body(&self, slug: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.slug == slug)
    }

    pub fn state(&self, code: &str) -> Option<&State> {
        // `states` is public: a reference whose states were edited after
        // loading is scanned.
        self.state_by_code
            .get(code)
            .and_then(|&i| self.states.get(i))
            .filter(|s| s.code == code)
            .or_else(|| self.states.iter().find(|s| s.code == code))
    }

    /// The `sources.csv` row of an entity of `kind` keyed `key`.
    pub fn provenance(&self, kind: &str, key: &str) -> Option<&Provenance> {
        self.sources.iter().find(|p| p.kind == kind && p.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_documents_and_resolutions_refer_to_each_other_consistently() {
        let r = Reference::load().unwrap();
        for b in &r.bodies {
            assert!(
                matches!(b.position_target.as_str(), "yes" | "no"),
                "{}",
                b.slug
            );
            for res in &b.established_by {
                assert!(
                    r.resolution(res).is_some(),
                    "{} established by unknown {res}",
                    b.slug
                );
            }
        }
        for d in &r.documents {
            assert!(
                matches!(
                    d.kind.as_str(),
                    "draft" | "report" | "summary" | "convention"
                ),
                "{}",
                d.slug
            );
            assert!(
                d.body.is_empty() || r.body(&d.body).is_some(),
                "{} body {}",
                d.slug,
                d.body
            );
            if !d.next.is_empty() {
                let next = r
                    .document(&d.next)
                    .unwrap_or_else(|| panic!("{} next {}", d.slug, d.next));
                assert_eq!(
                    next.body, d.body,
                    "{} and its next version belong to one body",
                    d.slug
                );
                assert!(d.is_draft(), "only drafts have a next version: {}", d.slug);
            }
        }
        let organs: Vec<&str> = r
            .bodies
            .iter()
            .filter(|b| !b.is_position_target())
            .map(|b| b.slug.as_str())
            .collect();
        assert!(
            organs.contains(&"unga") && !organs.contains(&"poa"),
            "{organs:?}"
        );
    }

    #[test]
    fn every_cue_row_has_a_known_kind_and_actions_name_real_actions() {
        let r = Reference::load().unwrap();
        for c in r.cues.of(CueKind::Action) {
            assert!(
                c.value == "Delete" || crate::fact::Action::parse(&c.value).is_some(),
                "action cue {:?} has value {:?}",
                c.cue,
                c.value
            );
        }
        assert!(!r.cues.of(CueKind::Negation).is_empty());
    }

    #[test]
    fn no_cue_row_is_written_twice() {
        // A second row of the same kind and words adds nothing but a
        // place where the two can drift apart.
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/cues.csv"),
        )
        .unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let mut seen = std::collections::BTreeSet::new();
        for row in rdr.records() {
            let row = row.unwrap();
            let key = (row[0].to_string(), row[1].to_string());
            assert!(seen.insert(key.clone()), "cue row written twice: {key:?}");
        }
    }
}
