//! A plain aligned table of SPARQL solutions. IRIs of the project's
//! namespaces are shortened (`id:state/IRN`, `oewg:Support`) and literals
//! shown by value, because the table is for reading, not for machines.

use crate::quad::vocab::{ID, OEWG};
use oxigraph::model::Term;
use oxigraph::sparql::{QuerySolution, Variable};
use std::io::{self, Write};

/// A term as a person reads it.
pub fn show(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let s = n.as_str();
            if let Some(rest) = s.strip_prefix(ID) {
                format!("id:{rest}")
            } else if let Some(rest) = s.strip_prefix(OEWG) {
                format!("oewg:{rest}")
            } else {
                format!("<{s}>")
            }
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

pub fn write(out: &mut dyn Write, vars: &[Variable], rows: &[QuerySolution]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vars.iter()
                .map(|v| r.get(v).map(show).unwrap_or_default().replace('\n', " "))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = vars.iter().map(|v| v.as_str().chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count().min(100));
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let shown: String = if c.chars().count() > 100 {
                c.chars().take(99).chain(['…']).collect()
            } else {
                c.clone()
            };
            s.push_str(&shown);
            if i + 1 < row.len() {
                s.push_str(&" ".repeat(w.saturating_sub(shown.chars().count())));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
    line(out, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}
