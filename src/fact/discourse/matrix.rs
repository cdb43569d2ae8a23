//! A position tracker's matrix: one row per delegation, one column per
//! proposal or body, a sign in each cell for the position stated.
//!
//! ```text
//! Key: Y = supports; N = opposes; ? = unclear.
//! Columns: (1) the Programme of Action; (2) a legally binding instrument.
//!
//! | Delegation | (1) | (2) |
//! |---|---|---|
//! | Peru       | Y   | N   |
//! ```
//!
//! The header's actor column is a `column` cue with value `actor`
//! ("state", "country"), or `proposer` ("delegation") in a table without
//! a change column; every other header cell names what its column
//! is about, by name ("PoA") or by a label the text explains elsewhere
//! ("(1) the Programme of Action; (2) …"). The cells' signs mean what the
//! text's key says ("Y = stated support", "C = conditional support (we
//! count it as support)", "? = no clear view"): a meaning that speaks of
//! opposition opposes, one that speaks of support supports, any other is
//! no position. Without a key, the usual signs (yes/no, Y/N, ✓/✗)
//! are read.

use super::context::{Context, Holder};
use super::tables::{role_of, table_lines, Role};
use super::Extractor;
use crate::fact::proposals::{Polarity, StanceTarget};
use crate::reference::Reference;
use crate::segment::Span;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A key's entry: "Y = stated support", "C: conditional support".
static KEY_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[;,]\s*|(?i:key|legend)\s*:\s*)([^\s=;:,|]{1,3})\s*=\s*([^;\n]+)")
        .unwrap()
});

/// A label's explanation: "(1) a single-track permanent mechanism;".
static LABEL_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\w{1,2})\)\s+([^;\n|]+)").unwrap());

/// What a key's meaning says: opposition first ("no support" opposes).
static OPPOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:oppos\w*|against|objects?|objection|rejects?|no support)\b").unwrap()
});
static SUPPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:support\w*|in favou?r|for|backs?|endorses?)\b").unwrap()
});

/// The usual signs, when the text gives no key.
fn usual_sign(sign: &str) -> Option<Polarity> {
    match sign.to_lowercase().as_str() {
        "y" | "yes" | "✓" | "✔" | "+" | "for" | "support" | "supports" => {
            Some(Polarity::Support)
        }
        "n" | "no" | "✗" | "✘" | "against" | "oppose" | "opposes" => Some(Polarity::Opposition),
        _ => None,
    }
}

/// One row of a position matrix: its line, the actor cell, and each
/// column's cell with what the column is about (spans of `text` whose
/// mentions name it).
#[derive(Debug, Clone)]
pub(super) struct PositionRow {
    pub(super) line: Span,
    actor: Span,
    cells: Vec<(Span, Span)>,
    /// The text's key: sign (lower case) to polarity, `None` for a sign
    /// that states no position.
    key: BTreeMap<String, Option<Polarity>>,
}

/// The text's key of signs.
fn key(text: &str) -> BTreeMap<String, Option<Polarity>> {
    KEY_ENTRY
        .captures_iter(text)
        .map(|c| {
            let meaning = &c[2];
            let polarity = if OPPOSING.is_match(meaning) {
                Some(Polarity::Opposition)
            } else if SUPPORTING.is_match(meaning) {
                Some(Polarity::Support)
            } else {
                None
            };
            (c[1].to_lowercase(), polarity)
        })
        .collect()
}

/// The rows of every position matrix of `text`.
pub(super) fn rows(text: &str, reference: &Reference) -> Vec<PositionRow> {
    // A label's first explanation: a later "(3)" in a note refers back.
    let mut labels: BTreeMap<String, Span> = BTreeMap::new();
    for c in LABEL_ENTRY.captures_iter(text) {
        let m = c.get(2).expect("group");
        labels
            .entry(c[1].to_string())
            .or_insert(Span::new(m.start(), m.end()));
    }
    let key = key(text);
    let mut out = Vec::new();
    // The actor column and, per other column, the span naming its topic.
    let mut header: Option<(usize, Vec<Option<Span>>)> = None;
    for (line, cs) in table_lines(text) {
        let Some(cs) = cs else {
            header = None;
            continue;
        };
        let Some((actor, topics)) = &header else {
            let roles: Vec<Option<Role>> =
                cs.iter().map(|c| role_of(reference, c.of(text))).collect();
            // "Delegation" heads a proposer column too: in a table without
            // a change column, it heads the actors' rows.
            let proposer_as_actor = || {
                (!roles.contains(&Some(Role::Change)))
                    .then(|| roles.iter().position(|r| *r == Some(Role::Proposer)))
                    .flatten()
            };
            let Some(actor) = roles
                .iter()
                .position(|r| *r == Some(Role::Actor))
                .or_else(proposer_as_actor)
            else {
                // A proposals table, or a table of something else.
                header = Some((usize::MAX, Vec::new()));
                continue;
            };
            let topics = cs
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == actor || roles[i].is_some() {
                        return None;
                    }
                    let label = c.of(text).trim_matches(|ch: char| "()[] ".contains(ch));
                    Some(labels.get(label).copied().unwrap_or(*c))
                })
                .collect();
            header = Some((actor, topics));
            continue;
        };
        if *actor == usize::MAX || cs.len() <= *actor {
            continue;
        }
        let cells = topics
            .iter()
            .zip(&cs)
            .filter_map(|(t, c)| t.map(|t| (*c, t)))
            .collect();
        out.push(PositionRow {
            line,
            actor: cs[*actor],
            cells,
            key: key.clone(),
        });
    }
    out
}

impl<'a> Extractor<'a> {
    /// Reads one row of a position matrix: the row's actor takes the
    /// position each cell's sign states on what its column is about.
    pub(super) fn position_row(&mut self, row: &PositionRow, ctx: &mut Context) {
        let text = self.text;
        let Some(actor) = self
            .actors_in(row.actor, &[])
            .first()
            .map(|m| Holder::own(m.entity.clone()))
        else {
            return;
        };
        for (cell, topic) in &row.cells {
            let sign = cell.of(text).trim();
            if sign.is_empty() {
                continue;
            }
            let polarity = match row.key.get(&sign.to_lowercase()) {
                Some(p) => *p,
                None => usual_sign(sign),
            };
            let Some(polarity) = polarity else { continue };
            for (_, target) in self.targets_in(*topic) {
                if matches!(target, StanceTarget::Edit(_)) {
                    continue;
                }
                self.push_stance(&actor, polarity, target, row.line, ctx);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_its_meanings() {
        let k = key("Key: Y = stated support; N = stated opposition; C = conditional support; ? = no clear view.");
        assert_eq!(k.get("y"), Some(&Some(Polarity::Support)));
        assert_eq!(k.get("n"), Some(&Some(Polarity::Opposition)));
        assert_eq!(k.get("c"), Some(&Some(Polarity::Support)));
        assert_eq!(k.get("?"), Some(&None));
    }
}
