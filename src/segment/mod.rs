//! Segmentation: text → blocks (headings, numbered paragraphs, quotes,
//! bullets, plain text) → sentences, all as byte spans into the source.
//!
//! Nothing here knows about states or proposals; later stages only ever see
//! spans, so every fact can point back at the exact bytes it came from.

mod normalize;
mod phrases;
mod sentences;

pub use normalize::{normalize_pattern, Normalized};
#[cfg(test)]
pub use phrases::by_automaton;
pub use phrases::{Found, Phrases};

pub use sentences::split_sentences;

use crate::reference::{CueKind, Reference};
use regex::Regex;
use std::sync::LazyLock;

/// A half-open byte range `[start, end)` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What a line of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short line without final punctuation: a section heading.
    Heading,
    /// A numbered paragraph "N. text", in sequence with the previous one.
    Numbered(u32),
    /// A line that opens with a quotation mark; `number` when it quotes a
    /// numbered paragraph ("‘12. The OEWG …").
    Quote { number: Option<u32> },
    /// A list item ("- text").
    Bullet,
    /// Any other line of running text.
    Text,
}

/// One line of the source (blocks never span lines; numbered paragraphs
/// that continue over list lines are grouped by [`Segments::numbered`]).
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The trimmed line.
    pub span: Span,
    /// The content after a paragraph number or opening quote.
    pub body: Span,
    /// 1-based line number.
    pub line: usize,
    /// Index of the section heading in force (not list labels).
    pub heading: Option<usize>,
    /// True under a "… recommends that" heading.
    pub recommendation: bool,
    /// Index of the numbered paragraph this line continues (a list that
    /// follows "… the following principles:").
    pub continues: Option<usize>,
    pub sentences: Vec<Span>,
}

/// A numbered paragraph with its continuation lines.
#[derive(Debug, Clone)]
pub struct NumberedParagraph {
    pub number: u32,
    /// From the number to the end of the last continuation line.
    pub span: Span,
    /// Text without the leading "N. ".
    pub body: Span,
    pub section: Option<String>,
    pub recommendation: bool,
    pub line: usize,
}

/// The segmented text.
#[derive(Debug, Clone)]
pub struct Segments {
    pub blocks: Vec<Block>,
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+\S").unwrap());
/// A live blog's time stamp opening an entry ("15:47 Against: …", "[10:02]
/// — Chair opens"): the entry's text starts after it, so that a list label
/// or a speaker opens the entry as it would a line.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[?\d{1,2}[:.]\d{2}(?:\s?(?:a\.?m\.?|p\.?m\.?|h|gmt|utc|cet|cest|est|edt))?\]?(?:\s*[—–-]+)?\s+\S").unwrap()
});
static QUOTED_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})\.\s+\S").unwrap());
static LETTER_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]\.\s+").unwrap());

/// The lines of a text, each with its line end: a line ends at LF, CRLF or
/// a lone CR (old Mac files and some PDF converters), so every convention
/// segments alike and byte offsets still point into the text as given.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let from = start;
        let mut i = from;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        if i < bytes.len() {
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        start = i;
        Some(&text[from..i])
    })
}

const OPENING_QUOTES: [char; 5] = ['‘', '“', '\'', '"', '«'];

/// The mark of an interviewer's question: "Q:", "Q.", "Question:".
static INTERVIEW_QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Q|Question)\s*[:.]\s").unwrap());

fn is_heading(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    if !first.is_uppercase() || line.chars().count() > 100 {
        return false;
    }
    let last = line.chars().last().unwrap_or('.');
    if matches!(last, '.' | ';' | ',' | ':' | '|' | '–' | '-') {
        return false;
    }
    // An interview's "Q: How was it received?" goes on with the topic of
    // the answers; a question as a section title ("What should the report
    // say?") still opens a section.
    if INTERVIEW_QUESTION.is_match(line) {
        return false;
    }
    line.split_whitespace().count() <= 14
}

/// Strips the "A. " of "A. Introduction".
pub fn heading_title(line: &str) -> &str {
    match LETTER_PREFIX.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    }
}

impl Segments {
    /// Segments a text. Headings that contain a recommendation cue (from
    /// `cues.csv`) open a run of recommendation paragraphs.
    pub fn new(text: &str, reference: &Reference) -> Self {
        let rec_cues = reference.cues.words(CueKind::RecommendationHeading);
        let mut blocks: Vec<Block> = Vec::new();
        let mut heading: Option<usize> = None;
        let mut recommendation = false;
        let mut last_number: Option<u32> = None;
        let mut open_list: Option<usize> = None;
        let mut offset = 0usize;
        for (i, raw) in lines(text).enumerate() {
            let line_start = offset;
            offset += raw.len();
            let trimmed_start = raw.len() - raw.trim_start().len();
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            let span = Span::new(
                line_start + trimmed_start,
                line_start + trimmed_start + line.len(),
            );
            let mut body = span;
            let first = line.chars().next().unwrap();
            let kind = if let Some(m) = TIMESTAMP.find(line) {
                // The match ends on the entry's first character.
                let skip = m.end()
                    - line[..m.end()]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8);
                body = Span::new(span.start + skip, span.end);
                BlockKind::Text
            } else if let Some(c) = NUMBERED.captures(line) {
                let n: u32 = c[1].parse().unwrap_or(0);
                let in_sequence = match last_number {
                    None => true,
                    Some(prev) => n == prev + 1 || n == 1,
                };
                if in_sequence {
                    last_number = Some(n);
                    let skip = c.get(1).unwrap().end() + 1;
                    let rest = &line[skip..];
                    body = Span::new(
                        span.start + skip + (rest.len() - rest.trim_start().len()),
                        span.end,
                    );
                    BlockKind::Numbered(n)
                } else {
                    BlockKind::Text
                }
            } else if OPENING_QUOTES.contains(&first) {
                let inner_off = first.len_utf8();
                let inner = &line[inner_off..];
                let lead = inner.len() - inner.trim_start().len();
                body = Span::new(span.start + inner_off + lead, span.end);
                let number = QUOTED_NUMBER
                    .captures(inner.trim_start())
                    .and_then(|c| c[1].parse().ok());
                BlockKind::Quote { number }
            } else if line.starts_with("- ") || line.starts_with("• ") || line.starts_with("* ") {
                BlockKind::Bullet
            } else if is_heading(line) {
                BlockKind::Heading
            } else {
                BlockKind::Text
            };
            let idx = blocks.len();
            // A numbered paragraph ending in ':' owns the lines up to the next
            // numbered paragraph (list labels and bullets).
            let continues = match kind {
                BlockKind::Numbered(_) => {
                    open_list = line.ends_with(':').then_some(idx);
                    None
                }
                _ => open_list,
            };
            if kind == BlockKind::Heading && continues.is_none() {
                if rec_cues.iter().any(|c| line.contains(c)) {
                    recommendation = true;
                } else {
                    heading = Some(idx);
                    recommendation = false;
                }
            }
            let sentences = split_sentences(text, body);
            blocks.push(Block {
                kind,
                span,
                body,
                line: i + 1,
                heading,
                recommendation,
                continues,
                sentences,
            });
        }
        Self { blocks }
    }

    /// The heading text in force for a block.
    pub fn section<'a>(&self, text: &'a str, block: &Block) -> Option<&'a str> {
        block
            .heading
            .map(|h| heading_title(self.blocks[h].span.of(text)))
    }

    /// The numbered paragraphs, each with its continuation lines.
    pub fn numbered(&self, text: &str) -> Vec<NumberedParagraph> {
        let mut out: Vec<NumberedParagraph> = Vec::new();
        for (i, b) in self.blocks.iter().enumerate() {
            match b.kind {
                BlockKind::Numbered(n) => out.push(NumberedParagraph {
                    number: n,
                    span: b.span,
                    body: b.body,
                    section: self.section(text, b).map(String::from),
                    recommendation: b.recommendation,
                    line: b.line,
                }),
                _ => {
                    if let (Some(owner), Some(last)) = (b.continues, out.last_mut()) {
                        if matches!(self.blocks[owner].kind, BlockKind::Numbered(n) if n == last.number)
                            && owner < i
                        {
                            last.span.end = b.span.end;
                            last.body.end = b.span.end;
                        }
                    }
                }
            }
        }
        out
    }

    /// Byte ranges of about `bytes` of text each, cut where a sentence
    /// starts, for readers whose cost grows faster than the text: a range
    /// ends at a heading when one comes within a quarter more.
    pub fn windows(&self, bytes: usize) -> Vec<std::ops::Range<usize>> {
        // Where a window may start: every sentence (and sentence-less block),
        // and whether it opens a heading.
        let mut starts: Vec<(usize, bool)> = Vec::new();
        for b in &self.blocks {
            let heading = b.kind == BlockKind::Heading;
            match b.sentences.first() {
                None => starts.push((b.span.start, heading)),
                Some(_) => starts.extend(b.sentences.iter().enumerate().map(|(i, s)| {
                    (
                        if i == 0 { b.span.start } else { s.start },
                        heading && i == 0,
                    )
                })),
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < starts.len() {
            let from = starts[i].0;
            let mut j = i + 1;
            while j < starts.len() && starts[j].0 - from < bytes {
                j += 1;
            }
            let stretch = from + bytes + bytes / 4;
            if let Some(h) = (j..starts.len())
                .take_while(|&k| starts[k].0 < stretch)
                .find(|&k| starts[k].1)
            {
                j = h;
            }
            let to = starts.get(j).map_or(usize::MAX, |s| s.0);
            out.push(from..to);
            i = j;
        }
        out
    }

    /// The part of the text in `range` (from [`Segments::windows`]) as
    /// segments of its own: the blocks it touches, with only the sentences
    /// that start in it, after the text's first `lead` blocks stripped of
    /// their sentences (so a reader still sees the title; they yield no
    /// sentence twice). Block indices are rebased; a heading or list owner
    /// before the window is dropped.
    pub fn window(&self, range: std::ops::Range<usize>, lead: usize) -> Segments {
        let first = self.blocks.partition_point(|b| b.span.end <= range.start);
        let lead = lead.min(first);
        let rebase = |i: Option<usize>| i.and_then(|i| i.checked_sub(first)).map(|i| i + lead);
        let title = self.blocks[..lead].iter().map(|b| Block {
            heading: None,
            continues: None,
            sentences: Vec::new(),
            ..b.clone()
        });
        let part = self.blocks[first..]
            .iter()
            .take_while(|b| b.span.start < range.end)
            .map(|b| Block {
                heading: rebase(b.heading),
                continues: rebase(b.continues),
                sentences: b
                    .sentences
                    .iter()
                    .filter(|s| range.contains(&s.start))
                    .copied()
                    .collect(),
                ..b.clone()
            })
            .filter(|b| !b.sentences.is_empty() || range.contains(&b.span.start));
        Segments {
            blocks: title.chain(part).collect(),
        }
    }

    /// All sentences in text order, with the index of their block.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, Span)> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.sentences.iter().map(move |s| (i, *s)))
    }

    /// Line number (1-based) of a byte offset.
    pub fn line_of(text: &str, offset: usize) -> usize {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        lines(&text[..end])
            .filter(|l| l.ends_with(['\n', '\r']))
            .count()
            + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Segments {
        Segments::new(text, &Reference::load().unwrap())
    }

    const REPORT: &str = "Title of the report\nA. Introduction\n1. First paragraph. It has two sentences.\n2. Second one cites nothing.\nB. Conclusions\nThe OEWG recommends that\n3. States do this:\nPartnerships\n- a bullet\n- another bullet\n4. Last paragraph.\nFinal Observations\n5. Closing.\n";

    #[test]
    fn numbered_paragraphs_carry_section_and_recommendation_flag() {
        let s = seg(REPORT);
        let ps = s.numbered(REPORT);
        let got: Vec<_> = ps
            .iter()
            .map(|p| {
                (
                    p.number,
                    p.section.clone().unwrap_or_default(),
                    p.recommendation,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (1, "Introduction".to_string(), false),
                (2, "Introduction".to_string(), false),
                (3, "Conclusions".to_string(), true),
                (4, "Conclusions".to_string(), true),
                (5, "Final Observations".to_string(), false),
            ]
        );
    }

    #[test]
    fn list_after_a_colon_belongs_to_its_paragraph_and_is_no_section() {
        let s = seg(REPORT);
        let p3 = &s.numbered(REPORT)[2];
        let text = p3.body.of(REPORT);
        assert!(
            text.starts_with("States do this:") && text.ends_with("another bullet"),
            "{text}"
        );
    }

    #[test]
    fn out_of_sequence_numbers_are_not_paragraphs() {
        let t = "1. One.\n2020. A year line that is not a paragraph.\n2. Two.\n";
        let s = seg(t);
        let nums: Vec<_> = s.numbered(t).iter().map(|p| p.number).collect();
        assert_eq!(nums, [1, 2]);
    }

    #[test]
    fn a_time_stamp_opens_an_entry_but_is_not_its_text() {
        let text =
            "Live\n\n15:47 Against: Peru, Chile.\n[10:02] — Chair opens.\n9.30 a.m. Fiji speaks.\n";
        let s = seg(text);
        let firsts: Vec<&str> = s.blocks[1..]
            .iter()
            .map(|b| b.sentences[0].of(text))
            .collect();
        assert_eq!(
            firsts,
            ["Against: Peru, Chile.", "Chair opens.", "Fiji speaks."]
        );
    }

    #[test]
    fn an_interviewers_question_is_a_sentence_not_a_heading() {
        // An interview's "Q: How was it received?" goes on with the topic
        // of the answers; a question as a title still opens a section.
        let t = "Kenya proposed to delete paragraph 4.\nQ: How was it received?\nA: Chile backed it.\nWhat comes next?\n";
        let kinds: Vec<_> = seg(t).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Text,
                BlockKind::Text,
                BlockKind::Text,
                BlockKind::Heading
            ]
        );
    }

    #[test]
    fn quoted_draft_paragraph_keeps_its_number() {
        let t = "Paragraph 12\n‘12. The OEWG recognizes the importance.’\n";
        let s = seg(t);
        assert_eq!(s.blocks[1].kind, BlockKind::Quote { number: Some(12) });
    }

    #[test]
    fn lf_crlf_and_lone_cr_line_ends_segment_alike() {
        let lf = REPORT.to_string();
        let crlf = REPORT.replace('\n', "\r\n");
        let cr = REPORT.replace('\n', "\r");
        let shape = |t: &str| {
            seg(t)
                .blocks
                .iter()
                .map(|b| (b.kind, b.line, b.span.of(t).to_string(), b.sentences.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&lf), shape(&crlf));
        assert_eq!(shape(&lf), shape(&cr));
        assert_eq!(
            Segments::line_of(&cr, cr.find("B. Conclusions").unwrap()),
            5
        );
    }

    #[test]
    fn spans_point_at_the_source_bytes() {
        let s = seg(REPORT);
        for b in &s.blocks {
            assert_eq!(b.span.of(REPORT).trim(), b.span.of(REPORT));
            for sent in &b.sentences {
                assert!(b.span.contains(*sent));
            }
        }
    }
}
