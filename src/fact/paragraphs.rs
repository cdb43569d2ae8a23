//! Paragraph facts: the numbered paragraphs of a document's own text, the
//! draft paragraphs a meeting report quotes, and which paragraph (or the
//! source as a whole) each citation stands in.

use super::{CitationFact, Citer, ParagraphFact};
use crate::input::SourceText;
use crate::mention::{AdHoc, Entity, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{BlockKind, Segments, Span};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A text is a document's own text when it has at least this many numbered
/// paragraphs in sequence (reports quote one or two, never five).
const MIN_NUMBERED: usize = 5;

/// Decides which document, if any, a source is the text of: the catalog's
/// `document`, else a document named in the title line of a text with
/// numbered paragraphs, else a new document named after the file.
pub fn document_of(
    source: &SourceText,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
) -> (Option<String>, BTreeMap<Entity, AdHoc>) {
    let mut ad_hoc = BTreeMap::new();
    if let Some(d) = source.meta.document.as_ref().filter(|d| !d.is_empty()) {
        if reference.document(d).is_none() {
            ad_hoc.insert(
                Entity::Document(d.clone()),
                AdHoc {
                    label: source.meta.title.clone().unwrap_or_else(|| d.clone()),
                    symbol: None,
                },
            );
        }
        return (Some(d.clone()), ad_hoc);
    }
    let text = &source.text;
    if segments.numbered(text).len() < MIN_NUMBERED || is_statement(text, segments, reference) {
        return (None, ad_hoc);
    }
    if let Some(first) = segments.blocks.first() {
        if let Some(m) = mentions
            .within(first.span)
            .find(|m| matches!(m.entity, Entity::Document(_)))
        {
            if let Entity::Document(slug) = &m.entity {
                return (Some(slug.clone()), ad_hoc);
            }
        }
    }
    let label = source
        .meta
        .title
        .clone()
        .or_else(|| segments.blocks.first().map(|b| b.span.of(text).to_string()))
        .unwrap_or_else(|| source.stem.clone());
    ad_hoc.insert(
        Entity::Document(source.stem.clone()),
        AdHoc {
            label,
            symbol: None,
        },
    );
    (Some(source.stem.clone()), ad_hoc)
}

/// Words a statement's title may put before its genre word ("EU
/// Statement", "Joint Statement by …").
const STATEMENT_LEAD: usize = 3;

/// Whether the text opens with the title of a statement ("Statement by
/// …", "Remarks of …"): its numbered paragraphs are a speaker's points,
/// which may well propose edits, not a document's own text.
fn is_statement(text: &str, segments: &Segments, reference: &Reference) -> bool {
    let Some(first) = segments.blocks.first() else {
        return false;
    };
    let words: Vec<String> = first
        .span
        .of(text)
        .split_whitespace()
        .take(STATEMENT_LEAD + 3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    reference
        .cues
        .words(CueKind::AuthoredGenre)
        .iter()
        .any(|genre| {
            let g: Vec<String> = genre.split_whitespace().map(str::to_lowercase).collect();
            (0..=STATEMENT_LEAD.min(words.len().saturating_sub(g.len())))
                .any(|i| words.len() >= i + g.len() && words[i..i + g.len()] == g[..])
        })
}

/// The numbered paragraphs of a document's own text.
pub fn numbered(text: &str, segments: &Segments, document: &str) -> Vec<ParagraphFact> {
    segments
        .numbered(text)
        .into_iter()
        .map(|p| ParagraphFact {
            document: document.to_string(),
            number: p.number,
            text: Some(p.body.of(text).to_string()),
            section: p.section,
            recommendation: Some(p.recommendation),
            quoted: false,
            span: Some(p.body),
        })
        .collect()
}

static PARAGRAPH_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bparagraph\s+(\d{1,3})\b").unwrap());
static PARAGRAPH_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^paragraph\s+(\d{1,3})$").unwrap());

/// Draft paragraphs quoted verbatim: a quote line introduced by "… is as
/// follows" / "reads as follows" (cues in `cues.csv`), numbered in the quote,
/// in the introduction ("paragraph 20 … reads as follows:") or by a
/// "Paragraph N" heading. Quotes introduced otherwise ("read out China's
/// amendments") are proposed text, not the draft's, and are left to the
/// proposal extractor.
pub fn quoted_drafts(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
) -> Vec<ParagraphFact> {
    let cues = reference.cues.words(CueKind::DraftQuote);
    let mut out: Vec<ParagraphFact> = Vec::new();
    let mut intro: Option<usize> = None;
    let mut current_doc: Option<String> = None;
    let mut heading_number: Option<u32> = None;
    for (i, b) in segments.blocks.iter().enumerate() {
        match b.kind {
            BlockKind::Quote { number } => {
                let Some(intro_idx) = intro else { continue };
                let ib = &segments.blocks[intro_idx];
                let intro_text = ib.span.of(text);
                let last_sentence = ib
                    .sentences
                    .last()
                    .map(|s| s.of(text))
                    .unwrap_or(intro_text);
                if !cues.iter().any(|c| last_sentence.contains(c)) {
                    continue;
                }
                let doc = draft_in(mentions, ib.span).or_else(|| current_doc.clone());
                let Some(doc) = doc else { continue };
                let number = number
                    .or_else(|| {
                        PARAGRAPH_REF
                            .captures(intro_text)
                            .and_then(|c| c[1].parse().ok())
                    })
                    .or(heading_number);
                let Some(number) = number else { continue };
                let body = strip_quote(text, b.body, number);
                out.push(ParagraphFact {
                    document: doc,
                    number,
                    text: Some(body.of(text).to_string()),
                    section: None,
                    recommendation: None,
                    quoted: true,
                    span: Some(body),
                });
            }
            _ => {
                intro = Some(i);
                if let Some(d) = draft_in(mentions, b.span) {
                    current_doc = Some(d);
                }
                if b.kind == BlockKind::Heading {
                    heading_number = PARAGRAPH_HEADING
                        .captures(b.span.of(text))
                        .and_then(|c| c[1].parse().ok());
                }
            }
        }
    }
    // A paragraph quoted twice in the same wording is one fact.
    out.dedup_by(|a, b| a.document == b.document && a.number == b.number && a.text == b.text);
    out
}

/// The last document mention inside a span that names a draft or report.
fn draft_in(mentions: &Mentions, span: Span) -> Option<String> {
    mentions
        .within(span)
        .filter_map(|m| match &m.entity {
            Entity::Document(d) => Some(d.clone()),
            _ => None,
        })
        .last()
}

/// Removes the quote's own number and a closing quotation mark.
fn strip_quote(text: &str, body: Span, number: u32) -> Span {
    let s = body.of(text);
    let prefix = format!("{number}.");
    let mut start = body.start;
    if let Some(rest) = s.strip_prefix(&prefix) {
        start += prefix.len() + (rest.len() - rest.trim_start().len());
    }
    let mut end = body.end;
    let tail = &text[start..end];
    let trimmed = tail.trim_end_matches(['’', '‘', '\'', '"', '”']).trim_end();
    end = start + trimmed.len();
    Span::new(start, end)
}

/// Each citation, attributed to the numbered paragraph that holds it in a
/// document's own text, or to the source.
pub fn citations(
    segments: &Segments,
    mentions: &Mentions,
    document: Option<&str>,
    text: &str,
) -> Vec<CitationFact> {
    let paragraphs = match document {
        Some(_) => segments.numbered(text),
        None => Vec::new(),
    };
    mentions
        .items
        .iter()
        .filter(|m| m.kind == crate::mention::MentionKind::Citation)
        .map(|m| {
            let from = match (
                document,
                paragraphs.iter().find(|p| p.span.contains(m.span)),
            ) {
                (Some(doc), Some(p)) => Citer::Paragraph {
                    document: doc.to_string(),
                    number: p.number,
                },
                _ => Citer::Source,
            };
            CitationFact {
                from,
                to: m.entity.clone(),
                span: m.span,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::Gazetteer;

    fn quoted(text: &str) -> Vec<(String, u32, String)> {
        let r = Reference::load().unwrap();
        let g = Gazetteer::new(&r);
        let src = SourceText::in_memory("t", text, "2021-03-08");
        let segs = Segments::new(text, &r);
        let m = Mentions::find(&src, &r, &g);
        quoted_drafts(text, &segs, &m, &r)
            .into_iter()
            .map(|p| (p.document, p.number, p.text.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_quote_introduced_as_the_drafts_text_is_that_paragraph() {
        let t = "Paragraph 2\n\nThe paragraph is as follows in the First Draft Report:\n\n‘2. Developments in ICTs have implications.’\n";
        assert_eq!(
            quoted(t),
            [(
                "oewg-2021-first-draft".to_string(),
                2,
                "Developments in ICTs have implications.".to_string()
            )]
        );
    }

    #[test]
    fn the_number_may_come_from_the_introduction() {
        let t = "The first sentence of paragraph 20 of the First Draft Report reads as follows:\n\n‘States agreed that a lack of awareness introduces vulnerabilities.’\n";
        assert_eq!(quoted(t)[0].1, 20);
    }

    #[test]
    fn quoted_amendments_are_not_the_drafts_text() {
        let t = "The Chinese delegation read out China’s amendments to paragraphs 16-18 of the First Draft Report in full.\n\n‘16. States agreed that more states are developing ICT capabilities.’\n";
        assert!(quoted(t).is_empty());
    }
}
