//! The draft-to-final view: aligned paragraph pairs with word-level changes
//! marked, each followed by the proposals that targeted the draft paragraph
//! and their outcomes. Read from the store with SPARQL.

use super::query::{self, QueryText};
use anyhow::Result;
use oxigraph::model::Term;
use oxigraph::store::Store;
use regex::Regex;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::LazyLock;

const PAIRS: &str = "
SELECT ?fromDoc ?fromN ?toDoc ?toN ?sim ?diff ?from WHERE {
  ?al a oewg:Alignment ; oewg:alignedFrom ?from ; oewg:alignedTo ?to ;
      oewg:similarity ?sim ; oewg:wordDiff ?diff .
  ?from oewg:number ?fromN ; dcterms:isPartOf ?fd . ?fd rdfs:label ?fromDoc .
  ?to oewg:number ?toN ; dcterms:isPartOf ?td . ?td rdfs:label ?toDoc .
} ORDER BY ?fromDoc ?fromN ?toN";

const DROPPED: &str = "
SELECT ?fromDoc ?fromN ?text ?from WHERE {
  ?from oewg:dropped true ; oewg:number ?fromN ; dcterms:isPartOf ?fd .
  ?fd rdfs:label ?fromDoc .
  OPTIONAL { ?from oewg:text ?text }
} ORDER BY ?fromDoc ?fromN";

const PROPOSALS: &str = "
SELECT ?p ?proposer ?action ?outcome ?reason WHERE {
  ?e a oewg:EditProposal ; oewg:targets ?p ; oewg:proposedBy ?a ; oewg:action ?act .
  ?a rdfs:label ?proposer .
  BIND(STRAFTER(STR(?act), \"#\") AS ?action)
  OPTIONAL { ?e oewg:outcome ?o BIND(STRAFTER(STR(?o), \"#\") AS ?outcome) }
  OPTIONAL { ?e oewg:outcomeReason ?reason }
} ORDER BY ?p ?proposer ?action";

static DELETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[-(.*?)-\]").unwrap());
static INSERTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{\+(.*?)\+\}").unwrap());

fn s(t: &Option<Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn run(store: &Store, name: &str, text: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let q = QueryText {
        origin: format!("diff ({name})"),
        text: text.to_string(),
    };
    Ok(query::select(store, &q)?.1)
}

/// Marks a stored `[-…-]{+…+}` diff with ANSI colours (red struck-out for
/// deletions, green underlined for insertions) or leaves the marks.
pub fn paint(diff: &str, color: bool) -> String {
    if !color {
        return diff.to_string();
    }
    let d = DELETED.replace_all(diff, "\x1b[31;9m$1\x1b[0m");
    INSERTED.replace_all(&d, "\x1b[32;4m$1\x1b[0m").into_owned()
}

fn outcome_phrase(o: &str) -> &str {
    match o {
        "Adopted" => "adopted",
        "PartlyAdopted" => "partly adopted",
        "NotAdopted" => "not adopted",
        _ => "no outcome: the texts do not decide",
    }
}

/// Writes the whole view.
pub fn write(store: &Store, out: &mut dyn Write, color: bool) -> Result<()> {
    let mut by_paragraph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in run(store, "proposals", PROPOSALS)? {
        let outcome = s(&r[3]);
        let reason = s(&r[4]);
        let line = if outcome.is_empty() {
            format!("{}: {} — {}", s(&r[1]), s(&r[2]), outcome_phrase(""))
        } else {
            format!(
                "{}: {} — {} ({reason})",
                s(&r[1]),
                s(&r[2]),
                outcome_phrase(&outcome)
            )
        };
        by_paragraph.entry(s(&r[0])).or_default().push(line);
    }
    let bold = |t: &str| {
        if color {
            format!("\x1b[1m{t}\x1b[0m")
        } else {
            t.to_string()
        }
    };
    let pairs = run(store, "pairs", PAIRS)?;
    let dropped = run(store, "dropped", DROPPED)?;
    if pairs.is_empty() && dropped.is_empty() {
        writeln!(out, "No aligned paragraphs: the store has no draft paragraph text together with its later version.")?;
        return Ok(());
    }
    for r in &pairs {
        writeln!(
            out,
            "{}",
            bold(&format!(
                "{} ¶{} → {} ¶{}  (similarity {})",
                s(&r[0]),
                s(&r[1]),
                s(&r[2]),
                s(&r[3]),
                s(&r[4])
            ))
        )?;
        writeln!(out, "{}", paint(&s(&r[5]), color))?;
        for p in by_paragraph.get(&s(&r[6])).into_iter().flatten() {
            writeln!(out, "  • {p}")?;
        }
        writeln!(out)?;
    }
    for r in &dropped {
        writeln!(
            out,
            "{}",
            bold(&format!("{} ¶{} → dropped", s(&r[0]), s(&r[1])))
        )?;
        writeln!(out, "{}", paint(&format!("[-{}-]", s(&r[2])), color))?;
        for p in by_paragraph.get(&s(&r[3])).into_iter().flatten() {
            writeln!(out, "  • {p}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_output_keeps_marks_and_colour_replaces_them() {
        let d = "the growing [-exploitation-] {+use+} of ICTs";
        assert_eq!(paint(d, false), d);
        let c = paint(d, true);
        assert!(c.contains("\x1b[31;9mexploitation\x1b[0m") && c.contains("\x1b[32;4muse\x1b[0m"));
        assert!(!c.contains("[-"));
    }
}
