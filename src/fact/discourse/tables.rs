//! Proposals laid out as a table: trackers and compilations often give one
//! row per proposal, with columns for the paragraph, the change, who
//! proposed it, who backed it and who objected:
//!
//! ```text
//! | Para | Proposal                        | By    | Supported by | Opposed by |
//! |------|---------------------------------|-------|--------------|------------|
//! | 14   | Delete "voluntary"              | Chile | Peru         | Oman       |
//! ```
//!
//! The header says what each column holds; its words are `column` rows of
//! `ontology/cues.csv` (value: `paragraph`, `change`, `proposer`,
//! `support`, `oppose`, `status`), so a tracker with other headings is a
//! row of data, not code. A row's change is read as a compilation entry's
//! would be (its action words and quoted wording, `edit`), made by each
//! actor of its proposer cell on the paragraph of its paragraph cell; the
//! actors of the support and opposition cells back or oppose it. A row
//! marked withdrawn or superseded, or struck through (`~~…~~`), proposes
//! nothing.
//!
//! A running list gives the same row as a line: the paragraph, a dash or
//! colon, the change, its proposers in a bracket, then fields labelled by
//! the same column words:
//!
//! ```text
//! OP 4 -- replace "shall" with "may" (Peru, Chile); backed by: Oman; opposed by: Fiji.
//! ```
//!
//! A list's legend may mark withdrawn lines with a sign of its own ("lines
//! marked [W] were withdrawn"); a line carrying that sign proposes nothing.

use super::context::{Context, Holder};
use super::refs::paragraph_refs;
use super::Extractor;
use crate::fact::proposals::{Polarity, StanceTarget};
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Paragraph,
    Change,
    Proposer,
    Support,
    Oppose,
    Status,
    /// Who holds the positions of a position tracker's row (`matrix`).
    Actor,
}

impl Role {
    fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "paragraph" => Role::Paragraph,
            "change" => Role::Change,
            "proposer" => Role::Proposer,
            "support" => Role::Support,
            "oppose" => Role::Oppose,
            "status" => Role::Status,
            "actor" => Role::Actor,
            _ => return None,
        })
    }
}

/// One row of a proposals table: its line and its cells by role.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) line: Span,
    cells: Vec<(Role, Span)>,
    /// A running list's line rather than a table's row: prose that happens
    /// to open with a paragraph and close with a bracket ("Paragraph 12:
    /// Egypt proposed … (supported by Oman).") is left to the prose reader.
    entry: bool,
}

impl Row {
    fn cell(&self, role: Role) -> Option<Span> {
        self.cells.iter().find(|(r, _)| *r == role).map(|(_, s)| *s)
    }
}

/// A row that no longer stands: withdrawn, superseded, struck through.
static STRUCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:withdrawn|superseded|retracted|dropped)\b|~~").unwrap());

/// A running list's line: paragraph label, dash or colon, then the rest.
static ENTRY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\-•*]*((?:(?:operative|preambular)\s+)?(?:paragraphs?|paras?\.?|(?-i:OP|PP)|§)?\s*\d{1,3}(?:\s*(?:bis|ter|quater))?(?:\s?\([a-z]{1,2}\))?)\s*(?:--|–|—|:|-)\s+")
        .unwrap()
});

/// A legend's sign for withdrawn or superseded lines: "lines marked [W]
/// were withdrawn", "rows flagged (x) are superseded".
static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:marked|flagged|shown as|labelled|labeled)\s+(\S{1,5}?)\s+(?:were|are|was|is|have been|has been)\s+(?:later\s+)?(?:withdrawn|superseded|dropped|retracted)\b")
        .unwrap()
});

/// The first number of a paragraph cell ("14", "OP 7", "7 bis", "§ 3").
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,3})\b").unwrap());

/// The cells of a table line, as spans of `text` (trimmed), or `None` when
/// the line is not one: it starts and ends with `|` and has two cells.
pub(super) fn cells(text: &str, line: Span) -> Option<Vec<Span>> {
    let s = line.of(text);
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    if !(body.starts_with('|') && body.ends_with('|') && body.len() > 2) {
        return None;
    }
    let start = line.start + lead;
    let mut out = Vec::new();
    let mut from = 1;
    for (i, _) in body.match_indices('|').skip(1) {
        let raw = &body[from..i];
        let l = raw.len() - raw.trim_start().len();
        let cell = Span::new(start + from + l, start + from + l + raw.trim().len());
        out.push(cell);
        from = i + 1;
    }
    (out.len() >= 2).then_some(out)
}

/// Every line of `text` (without its line end), and for a table line its
/// cells: `None` for a line that is not one (it ends a table), and
/// nothing at all for a rule of dashes (`|---|`).
pub(super) fn table_lines(text: &str) -> impl Iterator<Item = (Span, Option<Vec<Span>>)> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let line = Span::new(at, at + raw.trim_end().len());
        at += raw.len();
        match cells(text, line) {
            Some(cs) if separator(text, &cs) => None,
            cs => Some((line, cs)),
        }
    })
}

/// Whether every cell is a rule of dashes and colons (`|---|:--:|`).
pub(super) fn separator(text: &str, cells: &[Span]) -> bool {
    cells.iter().all(|c| {
        let s = c.of(text);
        !s.is_empty()
            && s.chars()
                .all(|ch| matches!(ch, '-' | ':' | '—' | '–' | ' '))
    })
}

/// The role of a header cell: its words, lower-cased and without marks,
/// are a `column` cue.
pub(super) fn role_of(reference: &Reference, header: &str) -> Option<Role> {
    let key = header
        .trim_matches(|c: char| "*:;,.".contains(c) || c.is_whitespace())
        .to_lowercase();
    reference
        .cues
        .of(CueKind::Column)
        .iter()
        .find(|c| c.cue == key)
        .and_then(|c| Role::parse(&c.value))
}

/// The rows of every proposals table of `text`: a run of table lines whose
/// first line is a header naming at least a change and a proposer column.
pub(super) fn rows(text: &str, reference: &Reference) -> Vec<Row> {
    let mut out = Vec::new();
    let mut header: Option<Vec<Option<Role>>> = None;
    for (line, cs) in table_lines(text) {
        let Some(cs) = cs else {
            header = None;
            continue;
        };
        // A line that names a column is a header; each section's table
        // may repeat it.
        let roles: Vec<Option<Role>> = cs.iter().map(|c| role_of(reference, c.of(text))).collect();
        if roles.iter().any(Option::is_some) {
            header = Some(roles);
            continue;
        }
        let Some(roles) = &header else { continue };
        if !(roles.contains(&Some(Role::Change)) && roles.contains(&Some(Role::Proposer))) {
            continue;
        }
        let cells = roles
            .iter()
            .zip(&cs)
            .filter_map(|(r, c)| r.map(|r| (r, *c)))
            .collect();
        out.push(Row {
            line,
            cells,
            entry: false,
        });
    }
    out
}

/// The signs a list's legend gives withdrawn or superseded lines.
fn struck_signs(text: &str) -> Vec<String> {
    LEGEND
        .captures_iter(text)
        .map(|c| {
            c[1].trim_matches(|c: char| c == ',' || c == ';')
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The lines of a running list of proposals: a paragraph label, a dash or
/// colon, the change and its proposers' bracket, then `; label: actors`
/// fields whose labels are column words (`support` or `oppose`).
pub(super) fn entry_rows(text: &str, reference: &Reference) -> Vec<Row> {
    let signs = struck_signs(text);
    let mut out = Vec::new();
    for (line, _) in table_lines(text) {
        let s = line.of(text);
        let Some(head) = ENTRY_HEAD.captures(s) else {
            continue;
        };
        if signs.iter().any(|sign| s.contains(sign.as_str())) || STRUCK.is_match(s) {
            continue;
        }
        let label = head.get(1).expect("group");
        let body = head.get(0).expect("match").end();
        // The change runs to the first field; its proposers are the
        // bracket that closes it.
        let end = s[body..].find(';').map_or(s.len(), |i| body + i);
        let change_part = s[body..end].trim_end().trim_end_matches('.');
        let Some(open) = change_part.rfind('(') else {
            continue;
        };
        if !change_part.ends_with(')') {
            continue;
        }
        let at_line = |a: usize, b: usize| Span::new(line.start + a, line.start + b);
        let mut cells = vec![
            (Role::Paragraph, at_line(label.start(), label.end())),
            (Role::Change, at_line(body, body + open)),
            (
                Role::Proposer,
                at_line(body + open + 1, body + change_part.len() - 1),
            ),
        ];
        let mut from = end;
        while from < s.len() {
            let field_start = from + 1;
            let field_end = s[field_start..]
                .find(';')
                .map_or(s.len(), |i| field_start + i);
            let field = &s[field_start..field_end];
            if let Some(colon) = field.find(':') {
                if let Some(role) = role_of(reference, &field[..colon]) {
                    cells.push((role, at_line(field_start + colon + 1, field_end)));
                }
            }
            from = field_end;
        }
        out.push(Row {
            line,
            cells,
            entry: true,
        });
    }
    out
}

impl<'a> Extractor<'a> {
    /// Reads one table row (the sentence `line`): its proposals and who
    /// backs or opposes them. False when the row is prose after all (a
    /// running list's line whose change names an actor), for the clause
    /// reader to read.
    pub(super) fn table_row(&mut self, row: &Row, ctx: &mut Context) -> bool {
        let text = self.text;
        let Some(change) = row.cell(Role::Change) else {
            return true;
        };
        let quotes = super::refs::quote_spans(text, row.line);
        if row.entry && !self.actors_in(change, &quotes).is_empty() {
            return false;
        }
        let struck = |r: Role| row.cell(r).is_some_and(|c| STRUCK.is_match(c.of(text)));
        if struck(Role::Change) || struck(Role::Status) {
            return true;
        }
        let actors = |r: Role| -> Vec<Holder> {
            row.cell(r)
                .map(|c| {
                    self.actors_in(c, &quotes)
                        .into_iter()
                        .map(|m| Holder::own(m.entity.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let proposers = actors(Role::Proposer);
        let sides = [
            (actors(Role::Support), Polarity::Support),
            (actors(Role::Oppose), Polarity::Opposition),
        ];
        if proposers.is_empty() {
            return true;
        }
        let numbered = row
            .cell(Role::Paragraph)
            .and_then(|c| NUMBER.captures(c.of(text)))
            .and_then(|c| c[1].parse::<u32>().ok());
        let paras: Vec<u32> = match numbered {
            Some(n) => vec![n],
            None => paragraph_refs(change.of(text))
                .into_iter()
                .map(|r| r.0)
                .collect(),
        };
        if paras.is_empty() {
            return true;
        }
        let in_change: Vec<Span> = quotes
            .iter()
            .copied()
            .filter(|q| change.contains(*q))
            .collect();
        let actions = self.actions(change, &in_change, change.start, &paras);
        let mut made = Vec::new();
        for h in &proposers {
            made.extend(self.make_proposals(
                h,
                &paras,
                &actions,
                (change, row.line, &in_change),
                ctx,
            ));
        }
        for (holders, polarity) in sides {
            for h in holders {
                if proposers.iter().any(|p| p.actor == h.actor) {
                    continue;
                }
                for &i in &made {
                    self.push_stance(&h, polarity, StanceTarget::Edit(i), row.line, ctx);
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_names_the_columns_and_rows_follow() {
        let r = Reference::load().unwrap();
        let text = "Intro.\n\n| Para | Proposal | By | Supported by | Opposed by |\n|---|---|---|---|---|\n| 4 | Delete \"all\" | Peru | Chile | Oman |\n| 5 | Merge with 6 | Fiji | — | — |\n\nAfter.";
        let got = rows(text, &r);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].cell(Role::Paragraph).unwrap().of(text), "4");
        assert_eq!(
            got[0].cell(Role::Change).unwrap().of(text),
            "Delete \"all\""
        );
        assert_eq!(got[0].cell(Role::Proposer).unwrap().of(text), "Peru");
        assert_eq!(got[0].cell(Role::Support).unwrap().of(text), "Chile");
        assert_eq!(got[1].cell(Role::Oppose).unwrap().of(text), "—");
    }

    #[test]
    fn a_table_without_change_or_proposer_columns_is_not_read() {
        let r = Reference::load().unwrap();
        let text = "| State | Vote |\n|---|---|\n| Peru | Yes |\n";
        assert!(rows(text, &r).is_empty());
    }
}
