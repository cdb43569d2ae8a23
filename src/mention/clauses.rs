//! Policies named by what a clause says about someone rather than by a
//! name: "NGOs should be allowed to speak", "pushed for industry and
//! academia to take part" are about stakeholder participation without its
//! name. `ontology/reference/policy_clauses.csv` lists, per policy, who
//! (`subjects`) and what they do (`predicates`); a list of subjects joined
//! by commas, "and" or "or", followed within a few auxiliary words
//! ("should be allowed to", "to", "are") by a predicate, is a mention of
//! the policy spanning the subjects. Only the subjects, so that a stance
//! rule over "@target … should be able to" and a cue before the name
//! ("pushed for") read it as they read a named policy.

use super::{Entity, Mention, MentionKind};
use crate::reference::Reference;
use crate::segment::{Normalized, Span};
use regex::Regex;

/// Words that may stand between the subjects and the predicate: modals,
/// "to", forms of "be", "able/allowed/permitted to" and an adverb or two.
const GLUE: &str = "should|must|shall|can|could|would|will|may|might|ought|to|be|been|is|are|was|were|able|allowed|permitted|entitled|invited|free|enabled|continue|continued|also|fully|meaningfully|actively|still|always|not";

/// The most glue words between subjects and predicate.
const MAX_GLUE: usize = 5;

/// One compiled row of `policy_clauses.csv`.
#[derive(Debug, Clone)]
struct Clause {
    entity: Entity,
    /// Group 1 is the list of subjects.
    regex: Regex,
}

/// The compiled clause finders of a reference.
#[derive(Debug, Clone, Default)]
pub struct Clauses(Vec<Clause>);

/// Alternatives of a `|` list, longest first (so "civil society
/// organisations" wins over "civil society"), escaped, with any run of
/// spaces matching any whitespace.
fn alternatives(words: &[String]) -> String {
    let mut words: Vec<&String> = words.iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

impl Clauses {
    /// Compiles the rows; the bundled file is checked by a test, so a row
    /// that does not compile is a build defect, reported with its policy.
    /// Word boundaries are ASCII ones: the words are ASCII, and a Unicode
    /// boundary sends the expression to its slowest engine on any text
    /// with a curly quote (it cost a quarter of the extraction time).
    pub fn new(reference: &Reference) -> Self {
        let rows = reference.policy_clauses.iter().map(|row| {
            let subject = format!("(?:{})", alternatives(&row.subjects));
            let join = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)";
            let pattern = format!(
                r"(?i)(?-u:\b)({subject}(?:{join}{subject})*)(?:\s+(?:{GLUE})){{0,{MAX_GLUE}}}\s+(?:{})(?-u:\b)",
                alternatives(&row.predicates)
            );
            let regex = Regex::new(&pattern)
                .unwrap_or_else(|e| panic!("policy_clauses.csv, row {}: {e}", row.slug));
            Clause {
                entity: Entity::Policy(row.slug.clone()),
                regex,
            }
        });
        Self(rows.collect())
    }

    /// The clause mentions of a normalised text, in original offsets.
    pub fn find_in(&self, normalized: &Normalized) -> Vec<Mention> {
        let mut out = Vec::new();
        for clause in &self.0 {
            for caps in clause.regex.captures_iter(&normalized.text) {
                let Some(who) = caps.get(1) else { continue };
                let (start, end) = normalized.original(who.start(), who.end());
                out.push(Mention {
                    span: Span::new(start, end),
                    entity: clause.entity.clone(),
                    kind: MentionKind::Clause,
                    alternatives: Vec::new(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let r = Reference::load().unwrap();
        let c = Clauses::new(&r);
        c.find_in(&Normalized::new(text))
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    m.entity.key().to_string(),
                )
            })
            .collect()
    }

    /// Every row's example names its policy, spanning the row's `expect`.
    #[test]
    fn every_example_names_its_policy() {
        let r = Reference::load().unwrap();
        for row in &r.policy_clauses {
            let got = found(&row.example);
            assert!(
                got.contains(&(row.expect.clone(), row.slug.clone())),
                "policy_clauses.csv row {}: {:?} found {got:?}",
                row.slug,
                row.example
            );
        }
    }

    #[test]
    fn a_list_of_subjects_with_auxiliaries_before_taking_part() {
        assert_eq!(
            found("Nepal said universities, companies and civil society should also be able to speak."),
            vec![(
                "universities, companies and civil society".to_string(),
                "multistakeholder-participation".to_string()
            )]
        );
        assert_eq!(
            found("Togo pushed for NGOs to attend."),
            vec![(
                "NGOs".to_string(),
                "multistakeholder-participation".to_string()
            )]
        );
    }

    #[test]
    fn subjects_doing_something_else_name_nothing() {
        assert!(found("Industry has invested heavily in cloud services.").is_empty());
        assert!(found("Researchers published a study on ransomware.").is_empty());
        // Too far apart: the subject is not the one taking part.
        assert!(found(
            "NGOs said that it was important for the States of the region to participate."
        )
        .is_empty());
    }
}
