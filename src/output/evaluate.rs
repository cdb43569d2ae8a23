//! Scoring the extractor against a gold annotation: precision, recall and
//! F1 per relation, computed on sets of tuples.
//!
//! Gold files are CSV with the header `file,relation,actor,target,action,
//! proposer,evidence` (see `tests/gold/README.md`). Relations scored:
//!
//! * `proposals`: (file, proposer, draft/pN, action), one tuple per target;
//! * `supporters` / `opponents`: (file, actor, proposer, draft/pN) for
//!   stances on edit proposals;
//! * `policy stances`: (file, actor, stance, proposal/slug | body/slug).

use crate::fact::{Polarity, SourceFacts, StanceTarget};
use crate::mention::Entity;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

pub const RELATIONS: [&str; 4] = ["proposals", "supporters", "opponents", "policy stances"];

type Tuple = Vec<String>;

#[derive(Debug, Deserialize)]
struct GoldRow {
    file: String,
    relation: String,
    actor: String,
    target: String,
    action: String,
    proposer: String,
}

/// Tuples per relation.
pub type Tuples = BTreeMap<&'static str, BTreeSet<Tuple>>;

/// Reads a gold file.
pub fn read_gold(path: &Path) -> Result<Tuples> {
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out: Tuples = RELATIONS.iter().map(|r| (*r, BTreeSet::new())).collect();
    for (i, row) in rdr.deserialize::<GoldRow>().enumerate() {
        let r = row.with_context(|| format!("{}: line {}", path.display(), i + 2))?;
        let file = r.file.trim_end_matches(".txt").to_string();
        let edit = !(r.target.starts_with("proposal/") || r.target.starts_with("body/"));
        let (rel, tuple) = match r.relation.as_str() {
            "proposal" => ("proposals", vec![file, r.actor, r.target, r.action]),
            "supports" if edit => ("supporters", vec![file, r.actor, r.proposer, r.target]),
            "opposes" if edit => ("opponents", vec![file, r.actor, r.proposer, r.target]),
            "supports" => (
                "policy stances",
                vec![file, r.actor, "supports".into(), r.target],
            ),
            "opposes" => (
                "policy stances",
                vec![file, r.actor, "opposes".into(), r.target],
            ),
            other => anyhow::bail!(
                "{}: line {}: unknown relation {other:?}",
                path.display(),
                i + 2
            ),
        };
        out.get_mut(rel).unwrap().insert(tuple);
    }
    Ok(out)
}

fn code(e: &Entity) -> String {
    e.key().to_string()
}

/// The extractor's facts as tuples.
pub fn predicted(facts: &[SourceFacts]) -> Tuples {
    let mut out: Tuples = RELATIONS.iter().map(|r| (*r, BTreeSet::new())).collect();
    for f in facts {
        let file = f.source.stem.clone();
        let targets = |i: usize| -> Vec<String> {
            let p = &f.proposals[i];
            match (&p.document, p.targets.is_empty()) {
                (Some(d), false) => p.targets.iter().map(|n| format!("{d}/p{n}")).collect(),
                _ => vec![String::new()],
            }
        };
        for (i, p) in f.proposals.iter().enumerate() {
            for t in targets(i) {
                out.get_mut("proposals").unwrap().insert(vec![
                    file.clone(),
                    code(&p.proposer),
                    t,
                    p.action.name().into(),
                ]);
            }
        }
        for s in &f.stances {
            match &s.target {
                StanceTarget::Edit(i) => {
                    let rel = match s.polarity {
                        Polarity::Support => "supporters",
                        Polarity::Opposition => "opponents",
                    };
                    for t in targets(*i) {
                        out.get_mut(rel).unwrap().insert(vec![
                            file.clone(),
                            code(&s.actor),
                            code(&f.proposals[*i].proposer),
                            t,
                        ]);
                    }
                }
                StanceTarget::Policy(slug) | StanceTarget::Body(slug) => {
                    let kind = if matches!(s.target, StanceTarget::Policy(_)) {
                        "proposal"
                    } else {
                        "body"
                    };
                    let verb = match s.polarity {
                        Polarity::Support => "supports",
                        Polarity::Opposition => "opposes",
                    };
                    out.get_mut("policy stances").unwrap().insert(vec![
                        file.clone(),
                        code(&s.actor),
                        verb.into(),
                        format!("{kind}/{slug}"),
                    ]);
                }
            }
        }
    }
    out
}

/// Scores of one relation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            if self.gold == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores every relation; only files present in `predicted` are scored.
pub fn score(
    gold: &Tuples,
    predicted: &Tuples,
    files: &BTreeSet<String>,
) -> BTreeMap<&'static str, Score> {
    RELATIONS
        .iter()
        .map(|r| {
            let g: BTreeSet<&Tuple> = gold[r].iter().filter(|t| files.contains(&t[0])).collect();
            let p: BTreeSet<&Tuple> = predicted[r].iter().collect();
            let correct = g.intersection(&p).count();
            (
                *r,
                Score {
                    gold: g.len(),
                    predicted: p.len(),
                    correct,
                },
            )
        })
        .collect()
}

/// Writes the score table (Markdown, so it pastes into the README).
pub fn write_table(
    out: &mut dyn Write,
    scores: &BTreeMap<&'static str, Score>,
) -> std::io::Result<()> {
    writeln!(
        out,
        "| relation | gold | found | correct | precision | recall | F1 |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|")?;
    for r in RELATIONS {
        let s = scores[r];
        writeln!(
            out,
            "| {r} | {} | {} | {} | {:.2} | {:.2} | {:.2} |",
            s.gold,
            s.predicted,
            s.correct,
            s.precision(),
            s.recall(),
            s.f1()
        )?;
    }
    Ok(())
}

/// Writes the tuples missed and the tuples found wrongly.
pub fn write_details(
    out: &mut dyn Write,
    gold: &Tuples,
    predicted: &Tuples,
    files: &BTreeSet<String>,
) -> std::io::Result<()> {
    for r in RELATIONS {
        let g: BTreeSet<&Tuple> = gold[r].iter().filter(|t| files.contains(&t[0])).collect();
        let p: BTreeSet<&Tuple> = predicted[r].iter().collect();
        for t in g.difference(&p) {
            writeln!(out, "missed   {r}: {}", t.join(" | "))?;
        }
        for t in p.difference(&g) {
            writeln!(out, "spurious {r}: {}", t.join(" | "))?;
        }
    }
    Ok(())
}
