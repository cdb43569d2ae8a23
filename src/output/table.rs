//! A plain aligned table of SPARQL solutions. IRIs of the project's
//! namespaces are shortened (`id:state/IRN`, `oewg:Support`) and literals
//! shown by value, because the table is for reading, not for machines.
//! Reports are third-party text: control characters and direction overrides
//! in them are shown as `\u{…}` escapes, never sent to the terminal, which
//! would obey them.

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

/// A cell as it may be printed: line breaks and tabs become spaces, other
/// control characters and bidirectional overrides become `\u{…}`.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

pub fn write(out: &mut dyn Write, vars: &[Variable], rows: &[QuerySolution]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vars.iter()
                .map(|v| printable(&r.get(v).map(show).unwrap_or_default()))
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

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn terminal_escapes_and_direction_overrides_are_shown_not_obeyed() {
        assert_eq!(
            printable("red \u{1b}[31mtext\u{7}\nnext \u{202e}gnp"),
            "red \\u{1b}[31mtext\\u{7} next \\u{202e}gnp"
        );
    }
}
