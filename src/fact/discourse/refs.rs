//! What a sentence points at in the draft: paragraph references ("paragraphs
//! 16-18", "para. 26"), "this paragraph"-style context objects, and quoted
//! wording.
//!
//! Quotes matter twice: they are the draft's words an edit removes or adds,
//! and inside them cue words and actor names mean nothing, so every other
//! module asks `inside_any` before trusting a hit.

use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A paragraph number with optional sub-paragraph letters: "42", "42 a)",
/// "42(g)", "18 b), c)".
const NUMBER: &str = r"\d{1,3}\b(?:\s?(?:\([a-z]\)|[a-z]\))(?:\s?,\s?(?:\([a-z]\)|[a-z]\)))*)?";

/// A reference to numbered parts of a draft: paragraphs, and the elements
/// of an elements paper ("element 9", "elements 12 and 13").
static PARAGRAPH_REFS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:sub)?paragraphs?|paras?\.?|par\.|(?:operative|preambular)\s+paragraphs?|(?-i:OPs?|PPs?)|elements?)\s*({NUMBER})((?:\s*(?:,|and|to|through|-|–)\s*{NUMBER})*)"
    ))
    .unwrap()
});
/// One number of a reference and its letters.
static NUMBER_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,3})((?:\s?(?:\([a-z]\)|[a-z]\))(?:\s?,\s?(?:\([a-z]\)|[a-z]\)))*)?)")
        .unwrap()
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?([a-z])\)").unwrap());
static MORE_NUMBERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(,|and|to|through|-|–)\s*(\d{1,3})").unwrap());
/// A heading that names the paragraph(s) the entries under it concern:
/// "Paragraph 12", "Paragraphs 13 to 15", "OP4 (a)", "PP3".
pub(super) static PARAGRAPH_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:paragraphs?\s+\d|(?-i:OP|PP)\s?\d{1,3}\b)").unwrap());
/// "this paragraph", "the same paragraph", "these paragraphs", "the sentence" …
pub(super) static CONTEXT_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:this|that|the|these|those|same|entire|whole|first|second|third|last|final)\s+(?:same\s+)?(?:paragraphs?|sub-?paragraphs?|paras?|sentences?|phrase|words?|wording|text|part|rest|reference|references|bullets?|provisions?)\b")
        .unwrap()
});

/// What follows a paragraph reference that belongs to another text, not
/// to the draft under discussion: an adopted resolution by number ("of
/// resolution 75/240", "of General Assembly resolution 70/237"), one named
/// before ("of that resolution"), the Charter, or a report of a given year
/// ("of the 2015 report", "of the 2021 GGE report").
static OTHER_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*of\s+(?:(?:the\s+)?(?:General\s+Assembly\s+|GA\s+)?resolutions?\s+\d{2,3}/\d{1,3}\b|(?:that|this|said|the\s+said)\s+resolution\b|the\s+(?:UN\s+|United\s+Nations\s+)?Charter\b|the\s+(?:19|20)\d\d\s+(?:\w+\s+)?report\b)",
    )
    .unwrap()
});

/// A verb that moves a paragraph elsewhere: "move", "moved", "relocate".
static MOVE_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:mov(?:e|ed|es|ing)|relocat(?:e|ed|es|ing))\b").unwrap());
/// What ends just before a move's destination: "… after ", "… before ".
static DESTINATION_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:after|before|below|above|following)\s+$").unwrap());

/// Numbers named by paragraph references in `s` ("paragraphs 16-18" → 16,
/// 17, 18; "paragraphs 3 and 4" → 3, 4), with the span of each reference.
/// In a move ("move paragraph 9 after paragraph 11") the paragraph after
/// "after"/"before" is where it goes, not what changes: it is left out.
pub fn paragraph_refs(s: &str) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    if !may_hold_a_digit(s) {
        // Every reference has a number: most sentences are done here,
        // without running the expressions.
        return out;
    }
    let moves = MOVE_VERB.is_match(s);
    for c in PARAGRAPH_REFS.captures_iter(s) {
        let m = c.get(0).unwrap();
        if moves && !out.is_empty() && DESTINATION_LEAD.is_match(&s[..m.start()]) {
            continue;
        }
        if OTHER_TEXT.is_match(&s[m.end()..]) {
            continue;
        }
        let Some(first) = first_number(&c[1]) else {
            continue;
        };
        let mut nums = vec![first];
        let mut prev = first;
        for mc in MORE_NUMBERS.captures_iter(&c[2]) {
            let Ok(n) = mc[2].parse::<u32>() else {
                continue;
            };
            let range = matches!(&mc[1], "-" | "–" | "to" | "through");
            if range && n > prev && n - prev <= 30 {
                nums.extend(prev + 1..=n);
            } else {
                nums.push(n);
            }
            prev = n;
        }
        for n in nums {
            out.push((n, m.start(), m.end()));
        }
    }
    out
}

/// Sub-paragraphs named by paragraph references in `s`: "para 42 a)" →
/// (42, a); "paras 4, 18 b), c)" → (18, b), (18, c).
pub fn subparagraph_refs(s: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for c in PARAGRAPH_REFS.captures_iter(s) {
        if OTHER_TEXT.is_match(&s[c.get(0).unwrap().end()..]) {
            continue;
        }
        let whole = format!("{} {}", &c[1], &c[2]);
        for item in NUMBER_ITEM.captures_iter(&whole) {
            let Ok(n) = item[1].parse::<u32>() else {
                continue;
            };
            for l in LETTER.captures_iter(item.get(2).map_or("", |m| m.as_str())) {
                out.push((n, l[1].to_string()));
            }
        }
    }
    out
}

/// Whether `s` has a character `\d` can match (a decimal digit of any
/// script).
fn may_hold_a_digit(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
}

fn first_number(s: &str) -> Option<u32> {
    NUMBER_ITEM.captures(s)?[1].parse().ok()
}

/// Quoted stretches (‘…’, “…”, '…'): draft wording, where cue words mean
/// nothing. A closing ’ followed by a letter is an apostrophe.
pub(super) fn quote_spans(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    // Most sentences quote nothing: no ' or ", and no byte that starts
    // ‘ ’ “ ” (0xE2), so nothing to decode.
    if !s.bytes().any(|b| matches!(b, b'\'' | b'"' | 0xE2)) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        match open {
            None => {
                let opens = match c {
                    '‘' | '“' => true,
                    // A typo'd opening ’ ("the word ’exploitation’").
                    '’' => {
                        prev.is_none_or(char::is_whitespace)
                            && next.is_some_and(char::is_alphabetic)
                    }
                    '\'' | '"' => {
                        !prev.is_some_and(char::is_alphanumeric)
                            && next.is_some_and(|n| !n.is_whitespace())
                    }
                    _ => false,
                };
                if opens {
                    open = Some((pos, c));
                }
            }
            Some((start, oc)) => {
                let closes = match (oc, c) {
                    ('‘', '’') | ('’', '’') | ('\'', '\'') | ('‘', '\'') => {
                        !next.is_some_and(char::is_alphabetic)
                    }
                    ('“', '”') | ('"', '"') => true,
                    _ => false,
                };
                if closes {
                    out.push(Span::new(
                        span.start + start,
                        span.start + pos + c.len_utf8(),
                    ));
                    open = None;
                }
            }
        }
    }
    out
}

pub(super) fn inside_any(spans: &[Span], x: Span) -> bool {
    spans.iter().any(|q| q.start <= x.start && x.end <= q.end)
}

/// The inner text of a quote span.
pub(super) fn unquote(text: &str, q: Span) -> String {
    let s = q.of(text);
    let mut it = s.chars();
    it.next();
    it.next_back();
    it.as_str()
        .trim()
        .trim_end_matches([',', '.'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<u32> {
        paragraph_refs(s).into_iter().map(|x| x.0).collect()
    }

    #[test]
    fn paragraph_ranges_and_lists() {
        assert_eq!(nums("amendments to paragraphs 16-18 of"), [16, 17, 18]);
        assert_eq!(nums("paragraphs 3 and 4 be swapped"), [3, 4]);
        assert_eq!(nums("paragraphs 23 to 25"), [23, 24, 25]);
        assert_eq!(nums("in para. 26"), [26]);
        assert!(nums("the paragraph").is_empty());
        assert_eq!(nums("(notably para 17 c)) needs work"), [17]);
        assert_eq!(nums("paras 4, 12, 18 b), c), 22 a)"), [4, 12, 18, 22]);
        assert_eq!(nums("operative paragraph 3 and OP 5"), [3, 5]);
        // Written as one word, a sub-paragraph names its parent too.
        assert_eq!(nums("a new subparagraph 4 (c) on training"), [4]);
        assert_eq!(
            nums("merge elements 12 and 13 of the elements paper"),
            [12, 13]
        );
    }

    #[test]
    fn paragraphs_of_another_text_are_not_the_drafts() {
        assert!(nums(
            "its mandate under resolution 75/240, notably paragraph 4 of that resolution"
        )
        .is_empty());
        assert!(nums("as paragraph 2 of General Assembly resolution 73/27 says").is_empty());
        assert!(nums("recalling paragraph 13(b) of the 2015 report").is_empty());
        assert!(nums("Article 51 and paragraph 3 of the Charter").is_empty());
        assert!(subparagraph_refs("paragraph 13(b) of the 2015 GGE report").is_empty());
        // The draft's own paragraphs, even when a draft resolution is named.
        assert_eq!(nums("paragraph 4 of draft resolution A/C.1/79/L.12"), [4]);
        assert_eq!(nums("paragraph 4 of the resolution be deleted"), [4]);
        assert_eq!(nums("paragraph 7 of the zero draft"), [7]);
    }

    #[test]
    fn a_move_targets_what_moves_not_where_it_goes() {
        assert_eq!(nums("proposed to move paragraph 9 after paragraph 11"), [9]);
        assert_eq!(nums("wanted OP 4 moved before OP 2"), [4]);
        // Not a move: an insertion after a paragraph is anchored there.
        assert_eq!(nums("insert paragraph 9 bis after paragraph 11"), [9, 11]);
    }

    #[test]
    fn sub_paragraph_letters() {
        assert_eq!(
            subparagraph_refs("paras 4, 12, 18 b), c), 22 a)"),
            [(18, "b".into()), (18, "c".into()), (22, "a".into())]
        );
        assert_eq!(
            subparagraph_refs("in paragraph 42(g) and"),
            [(42, "g".into())]
        );
        assert!(subparagraph_refs("paragraph 5 (as drafted)").is_empty());
    }

    #[test]
    fn quotes_are_not_apostrophes() {
        let t = "Iran’s proposal is that ‘the phrase’ be deleted and ’exploitation’ kept.";
        let qs: Vec<_> = quote_spans(t, Span::new(0, t.len()))
            .iter()
            .map(|q| q.of(t).to_string())
            .collect();
        // A typo'd opening ’ still opens a quote; the possessive never does.
        assert_eq!(qs, ["‘the phrase’", "’exploitation’"]);
    }
}
