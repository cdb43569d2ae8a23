//! The vote grammar reads a sentence as tokens, not characters: words
//! (lower case), numbers (digits or spelled out: "one hundred and
//! fifty-seven"), dashed tallies ("150-12-9"), draft symbols
//! ("A/C.1/79/L.12/Rev.1", "L.60/Rev.1"), entity mentions (a state's name is
//! one token however many words it has) and punctuation. Cue phrases of
//! `cues.csv` are matched word by word against this stream, so "the
//! Democratic People's Republic of Korea voted against" is *list, verb, side*.

use crate::mention::{Entity, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A word, lower-cased, with ’ read as '.
    Word(String),
    /// A count: digits or a spelled-out number.
    Num(u32),
    /// "150-12-9": in favour, against, abstentions.
    Tally(Vec<u32>),
    /// A mention of a known entity (state, body, resolution, document …).
    Entity(Entity),
    /// A draft's UN symbol, as written ("A/C.1/79/L.12/Rev.1", "L.11").
    Symbol(String),
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }
    pub fn state(&self) -> Option<&str> {
        match &self.tok {
            Tok::Entity(Entity::State(code)) => Some(code),
            _ => None,
        }
    }
}

/// Draft symbols: the full form of a committee or plenary draft, or the
/// short "L.NN" press releases use once the full one is known.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\bA/(?:C\.\d/)?\d{2}/)?\bL\.\s?\d{1,3}(?:\s?/\s?Rev\.\s?\d{1,2})?(?:/Add\.\d{1,2})?\b",
    )
    .unwrap()
});

/// Symbol as written, without inner spaces ("L. 11" → "L.11").
pub fn normalise_symbol(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The committee-and-session prefix of a full draft symbol ("A/C.1/79/").
pub fn symbol_prefix(s: &str) -> Option<String> {
    let s = normalise_symbol(s);
    s.starts_with("A/")
        .then(|| s.find("L.").map(|i| s[..i].to_string()))
        .flatten()
}

/// The prefix of the first full draft symbol of a text.
pub fn first_symbol_prefix(text: &str) -> Option<String> {
    SYMBOL
        .find_iter(text)
        .find_map(|m| symbol_prefix(m.as_str()))
}

/// Largest count read as a vote total: the General Assembly has 193
/// members, so "2019 for the first time" is never a count.
pub const MAX_COUNT: u32 = 250;

/// Tokenises `span` of `text`. Mentions and symbols become single tokens;
/// runs of number words become one `Num` when `spelled` is set (only vote
/// sentences need it, and it is the costly part).
pub fn tokenize(text: &str, span: Span, mentions: &Mentions, spelled: bool) -> Vec<Token> {
    // A draft the mention stage knows only by its description ("the draft
    // resolution") stays words: the vote grammar reads descriptions, titles
    // and antecedents itself.
    let described = |e: &Entity| {
        matches!(e, Entity::Document(_))
            && mentions.ad_hoc.get(e).is_some_and(|a| a.symbol.is_none())
    };
    let mut masks: Vec<(Span, Tok)> = mentions
        .within(span)
        .filter(|m| !described(&m.entity))
        .map(|m| (m.span, Tok::Entity(m.entity.clone())))
        .collect();
    for m in SYMBOL.find_iter(span.of(text)) {
        let s = Span::new(span.start + m.start(), span.start + m.end());
        masks.retain(|(k, _)| k.end <= s.start || k.start >= s.end);
        masks.push((s, Tok::Symbol(normalise_symbol(m.as_str()))));
    }
    masks.sort_by_key(|(s, _)| s.start);
    let mut out = Vec::new();
    let mut masks = masks.into_iter().peekable();
    let mut pos = span.start;
    while pos < span.end {
        if let Some((s, _)) = masks.peek() {
            if s.start <= pos {
                let (s, tok) = masks.next().unwrap();
                if s.start == pos {
                    out.push(Token { tok, span: s });
                    pos = s.end;
                }
                continue;
            }
        }
        let limit = masks.peek().map_or(span.end, |(s, _)| s.start);
        let c = text[pos..].chars().next().unwrap();
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else if c.is_alphanumeric() {
            let end = word_end(text, pos, limit);
            out.push(Token {
                tok: classify(&text[pos..end]),
                span: Span::new(pos, end),
            });
            pos = end;
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                span: Span::new(pos, pos + c.len_utf8()),
            });
            pos += c.len_utf8();
        }
    }
    if spelled {
        merge_spelled_numbers(&mut out);
    }
    out
}

/// End of the word at `pos`: letters and digits, joined by an apostrophe or
/// a dash with a letter or digit after it ("fifty-seven", "150–12–9").
fn word_end(text: &str, pos: usize, limit: usize) -> usize {
    let mut end = pos;
    let mut chars = text[pos..limit].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '-' | '–' | '\'' | '’');
        let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (joiner && next_alnum && i > 0) {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(?:[-–]\d{1,3}){1,2}$").unwrap());

fn classify(w: &str) -> Tok {
    if w.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = w.parse() {
            return Tok::Num(n);
        }
    }
    if w.contains(['-', '–']) && DASHED.is_match(w) {
        return Tok::Tally(w.split(['-', '–']).filter_map(|p| p.parse().ok()).collect());
    }
    if w.is_ascii() {
        // Most words: no Unicode case mapping to look up, no curly
        // apostrophe.
        return Tok::Word(w.to_ascii_lowercase());
    }
    let lower = w.to_lowercase();
    Tok::Word(if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    })
}

/// The value of a spelled-out number, or None ("first" is not a count).
fn spelled_value(words: &[&str]) -> Option<u32> {
    static EN: LazyLock<text2num::Language> = LazyLock::new(text2num::Language::english);
    if words.first().is_some_and(|w| *w == "and") || words.last().is_some_and(|w| *w == "and") {
        return None;
    }
    let digits = text2num::text2digits(&words.join(" "), &*EN).ok()?;
    digits.parse().ok()
}

/// Replaces each longest run of number words by one `Num` token.
fn merge_spelled_numbers(tokens: &mut Vec<Token>) {
    const LONGEST: usize = 8;
    let mut i = 0;
    while i < tokens.len() {
        let words: Vec<&str> = tokens[i..]
            .iter()
            .take(LONGEST)
            .map_while(Token::word)
            .collect();
        if words.is_empty() || spelled_value(&words[..1]).is_none() {
            i += 1;
            continue;
        }
        let found = (1..=words.len())
            .rev()
            .find_map(|n| spelled_value(&words[..n]).map(|v| (n, v)));
        if let Some((n, v)) = found {
            let span = tokens[i].span.cover(tokens[i + n - 1].span);
            tokens.splice(
                i..i + n,
                [Token {
                    tok: Tok::Num(v),
                    span,
                }],
            );
        }
        i += 1;
    }
}

/// The vote cue phrases of `cues.csv`, as word sequences, longest first.
pub struct VoteCues {
    /// Indexed by `CueKind as usize` (a look-up per token and kind: no map
    /// to search); `None` for the kinds that are no vote cues.
    by_kind: Vec<Option<KindCues>>,
}

/// One kind's phrases, and their rows by first word (in their order), so
/// `at` looks only at the phrases that can start at a token; rows with no
/// word at all match anywhere and come last.
#[derive(Default)]
struct KindCues {
    rows: Vec<(Vec<String>, String)>,
    first: FxHashMap<String, Vec<usize>>,
    empty: Vec<usize>,
}

impl VoteCues {
    pub fn new(reference: &Reference) -> Self {
        let mut by_kind: Vec<Option<KindCues>> = Vec::new();
        for kind in [
            CueKind::VoteCast,
            CueKind::VotePredicate,
            CueKind::VoteVerb,
            CueKind::VoteCountNoun,
            CueKind::VoteCountBefore,
            CueKind::VoteCountPair,
            CueKind::VoteTrigger,
            CueKind::VoteLink,
            CueKind::VotePartial,
            CueKind::VoteHedge,
            CueKind::VoteTextNoun,
            CueKind::VoteParagraph,
            CueKind::VoteWhole,
            CueKind::VoteCited,
        ] {
            let mut rows: Vec<(Vec<String>, String)> = reference
                .cues
                .of(kind)
                .iter()
                .map(|c| {
                    let words = c
                        .cue
                        .to_lowercase()
                        .split_whitespace()
                        .map(str::to_string)
                        .collect();
                    (words, c.value.clone())
                })
                .collect();
            rows.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            let mut cues = KindCues::default();
            for (i, (words, _)) in rows.iter().enumerate() {
                match words.first() {
                    Some(w) => cues.first.entry(w.clone()).or_default().push(i),
                    None => cues.empty.push(i),
                }
            }
            cues.rows = rows;
            let k = kind as usize;
            if by_kind.len() <= k {
                by_kind.resize_with(k + 1, || None);
            }
            by_kind[k] = Some(cues);
        }
        Self { by_kind }
    }

    fn of(&self, kind: CueKind) -> Option<&KindCues> {
        self.by_kind.get(kind as usize)?.as_ref()
    }

    /// The longest cue of `kind` starting at token `i`: its end (exclusive)
    /// and value.
    pub fn at(&self, tokens: &[Token], i: usize, kind: CueKind) -> Option<(usize, &str)> {
        let KindCues { rows, first, empty } = self.of(kind)?;
        let starting = tokens
            .get(i)
            .and_then(Token::word)
            .and_then(|w| first.get(w))
            .map_or(&[][..], Vec::as_slice);
        starting.iter().chain(empty).find_map(|&r| {
            let (words, value) = &rows[r];
            let matches = words.len() <= tokens.len().saturating_sub(i)
                && words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| t.word() == Some(w.as_str()));
            matches.then(|| (i + words.len(), value.as_str()))
        })
    }

    /// A cue of `kind` ending exactly at token `end`: its start.
    pub fn ending_at(&self, tokens: &[Token], end: usize, kind: CueKind) -> Option<(usize, &str)> {
        // The rows are sorted by length: rows of one length start at one
        // token, where `at` gives one answer, so each length is tried once.
        let mut tried = None;
        self.of(kind)?.rows.iter().find_map(|(words, value)| {
            if tried.replace(words.len()) == Some(words.len()) {
                return None;
            }
            let start = end.checked_sub(words.len())?;
            self.at(tokens, start, kind)
                .filter(|(e, _)| *e == end)
                .map(|_| (start, value.as_str()))
        })
    }

    /// True when a cue of `kind` occurs anywhere in `tokens[from..to]`.
    pub fn any_in(&self, tokens: &[Token], from: usize, to: usize, kind: CueKind) -> bool {
        (from..to.min(tokens.len())).any(|i| {
            self.at(tokens, i, kind)
                .is_some_and(|(end, _)| end <= to.min(tokens.len()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, Span::new(0, s.len()), &Mentions::default(), true)
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn numbers_in_digits_and_in_words_are_counts() {
        assert_eq!(
            toks("one hundred and fifty-seven in favour"),
            [
                Tok::Num(157),
                Tok::Word("in".into()),
                Tok::Word("favour".into())
            ]
        );
        assert_eq!(toks("Twelve against")[0], Tok::Num(12));
        assert_eq!(toks("by 79 votes")[1], Tok::Num(79));
        // Ordinals are not counts.
        assert_eq!(toks("the first time")[1], Tok::Word("first".into()));
    }

    #[test]
    fn dashed_tallies_and_symbols_are_single_tokens() {
        assert_eq!(toks("(150-12-9)")[1], Tok::Tally(vec![150, 12, 9]));
        assert_eq!(toks("by 101–45–20")[1], Tok::Tally(vec![101, 45, 20]));
        assert_eq!(
            toks("draft A/C.1/79/L.12/Rev.1 was")[1],
            Tok::Symbol("A/C.1/79/L.12/Rev.1".into())
        );
        assert_eq!(
            toks("L.60/Rev.1 and L. 11")[0],
            Tok::Symbol("L.60/Rev.1".into())
        );
        assert_eq!(toks("L.60/Rev.1 and L. 11")[2], Tok::Symbol("L.11".into()));
        // Years and paragraph ranges keep their own shape.
        assert_eq!(toks("2021-2025")[0], Tok::Word("2021-2025".into()));
    }

    #[test]
    fn short_symbols_take_the_prefix_of_full_ones() {
        assert_eq!(
            symbol_prefix("A/C.1/78/L.60/Rev.1").as_deref(),
            Some("A/C.1/78/")
        );
        assert_eq!(symbol_prefix("L.11"), None);
        assert_eq!(
            first_symbol_prefix("L.11 and later A/C.1/78/L.60").as_deref(),
            Some("A/C.1/78/")
        );
    }

    #[test]
    fn apostrophes_and_dashes_join_words() {
        assert_eq!(
            toks("People’s well-known"),
            [Tok::Word("people's".into()), Tok::Word("well-known".into())]
        );
    }
}
