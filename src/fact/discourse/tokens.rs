//! A sentence as the classed tokens the declarative rules read
//! (`fact::pattern`): words, punctuation, mentions and cue phrases, each
//! mention or cue one token however many words it spans.
//!
//! Mentions win over cues and cues over words, so "the Programme of Action"
//! is one `@target` token, never a word "action" an action cue could take.
//! A long quotation is one punctuation token: the words of a quoted draft
//! are not the speaker's evaluation. A short one ("described the PoA as
//! “premature”", "said the OEWG was “the only legitimate and inclusive
//! process”") is the speaker's own words and is read word by word. The object pronouns "it" and "them" are
//! `@it` and "such" is `@such`, which a rule resolves to what was just
//! named.

use super::refs::inside_any;
use super::Extractor;
use crate::fact::pattern::Token;
use crate::mention::{Entity, Mention};
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A letter or digit (`[\p{L}\p{N}]`) beyond ASCII, where Rust's
/// `char::is_alphanumeric` differs (it takes combining marks of some
/// scripts too).
static LETTER_OR_DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]$").unwrap());

fn letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// The words and punctuation of `s` as byte ranges: what the expression
/// `[\p{L}\p{N}]+(?:['’\-‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]` finds, one after
/// the other. Scanned by hand: the expression's search cost over a
/// thousand instructions a token, more than the rest of the tokens' work.
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut chars = s[at..].char_indices().map(|(i, c)| (at + i, c));
        let (start, first) = chars.find(|&(_, c)| !c.is_whitespace())?;
        let mut end = start + first.len_utf8();
        if letter_or_digit(first) {
            while let Some(c) = s[end..].chars().next() {
                if letter_or_digit(c) {
                    end += c.len_utf8();
                    continue;
                }
                // A joiner counts only with a letter or digit after it.
                let joiner = matches!(c, '\'' | '’' | '-' | '‑');
                let after = end + c.len_utf8();
                match s[after..].chars().next() {
                    Some(d) if joiner && letter_or_digit(d) => end = after,
                    _ => break,
                }
            }
        }
        at = end;
        Some((start, end))
    })
}

/// Cue kinds a token can carry, with their class names in patterns. Only
/// the evaluative kinds: a multi-word cue is one token, and "was not" or
/// "need for" as one token would hide the words "was" and "for" from the
/// rules (negation is read from the text under a match instead).
/// A first-person subject ("we", "our delegation") is `@author`: the
/// author of a first-person text.
const TOKEN_CUES: [(CueKind, &str); 3] = [
    (CueKind::Good, "%good"),
    (CueKind::Bad, "%bad"),
    (CueKind::FirstPerson, "@author"),
];

/// Words that stand for a body or proposal named just before: `@it` for
/// objects ("Kenya described it as timely"; as a subject "it" is as often
/// the speaker), `@such` for "such a step would divide States", "its
/// creation", and the nouns a report uses to point back at one ("an idea
/// that Cuba backs"); `@backers` and `@critics` for the nouns that name
/// its supporters or opponents ("its supporters, among them Peru").
const PRONOUNS: [(&str, &str); 26] = [
    ("it", "@it"),
    ("them", "@it"),
    ("such", "@such"),
    ("its", "@such"),
    ("idea", "@such"),
    ("proposal", "@such"),
    ("plan", "@such"),
    ("initiative", "@such"),
    ("approach", "@such"),
    ("concept", "@such"),
    ("sponsors", "@backers"),
    ("co-sponsors", "@backers"),
    ("sponsor", "@backers"),
    ("co-sponsor", "@backers"),
    ("co-author", "@backers"),
    ("co-authors", "@backers"),
    ("proponents", "@backers"),
    ("supporters", "@backers"),
    ("backers", "@backers"),
    ("champions", "@backers"),
    ("critics", "@critics"),
    ("opponents", "@critics"),
    ("detractors", "@critics"),
    ("sceptics", "@critics"),
    ("skeptics", "@critics"),
    ("adversaries", "@critics"),
];

/// The `@backers` words that name a draft's sponsors: with nothing named
/// before them, they back what the draft is about (`Context::draft_topic`).
/// Not "penholder": the one who holds the pen on a text may be facilitating
/// it for everyone.
pub(super) const SPONSOR_NOUNS: [&str; 6] = [
    "sponsors",
    "co-sponsors",
    "sponsor",
    "co-sponsor",
    "co-author",
    "co-authors",
];

/// Words after which "draft" is the draft itself, not a modifier ("the
/// draft as a whole", "the draft resolution", but "draft amendments",
/// "draft language").
const DRAFT_FOLLOWERS: [&str; 16] = [
    "resolution",
    "decision",
    "as",
    "in",
    "on",
    "with",
    "and",
    "at",
    "for",
    "that",
    "which",
    "but",
    "because",
    "after",
    "before",
    "when",
];

/// How many tokens after "amendment" a draft is still the amendment's
/// (its symbol in brackets, "to the", the draft).
const AMENDMENT_REACH: usize = 6;

/// Quotation marks, straight and curly.
const QUOTE_MARKS: [&str; 6] = ["\"", "\u{201c}", "\u{201d}", "'", "\u{2018}", "\u{2019}"];

/// The most words a quotation may have and still be read word by word:
/// "premature", "a floor, not a ceiling", "the only legitimate and
/// inclusive process". Measured on the development sets: 4, 8 and 12
/// words each gained policy stances and lost none (devset2 0.57 → 0.59 at
/// 12); a draft's sentences quoted whole are mostly longer.
const SCARE_QUOTE_WORDS: usize = 12;

/// A sentence's tokens, with where each stands and the mention it is.
pub(super) struct Tokens<'a> {
    pub(super) tokens: Vec<Token>,
    pub(super) spans: Vec<Span>,
    pub(super) mentions: Vec<Option<&'a Mention>>,
}

impl<'a> Extractor<'a> {
    /// The classed tokens of `sentence`.
    pub(super) fn tokens(&self, sentence: Span, quotes: &[Span]) -> Tokens<'a> {
        let text = self.text;
        // A short quotation is the speaker's own evaluation, read as
        // words; a longer one is a draft's or a speech's text, one token.
        let (quotes, short): (Vec<Span>, Vec<Span>) = quotes
            .iter()
            .partition(|q| q.of(text).split_whitespace().count() > SCARE_QUOTE_WORDS);
        let quotes = &quotes[..];
        // The marks around a short quotation are no token: "was “the only
        // inclusive process”" reads as "was the only inclusive process".
        let quote_mark = |at: usize, end: usize| {
            QUOTE_MARKS.contains(&&text[at..end])
                && short
                    .iter()
                    .any(|q| [q.start, q.end].contains(&at) || [q.start, q.end].contains(&end))
        };
        let targets: Vec<Span> = self.targets_in(sentence).into_iter().map(|t| t.0).collect();
        let mut units: Vec<(Span, Vec<String>, Option<&'a Mention>)> = Vec::new();
        for m in self.mentions.within(sentence) {
            if !inside_any(quotes, m.span) {
                units.push((
                    m.span,
                    mention_classes(m, targets.contains(&m.span)),
                    Some(m),
                ));
            }
        }
        let kinds: Vec<CueKind> = TOKEN_CUES.iter().map(|c| c.0).collect();
        for h in self.finder.find(text, sentence, &kinds) {
            let free = !inside_any(quotes, h.span) && !units.iter().any(|u| overlaps(u.0, h.span));
            if free {
                let class = TOKEN_CUES.iter().find(|c| c.0 == h.kind).map(|c| c.1);
                units.push((h.span, class.into_iter().map(String::from).collect(), None));
            }
        }
        for q in quotes
            .iter()
            .filter(|q| sentence.start <= q.start && q.end <= sentence.end)
        {
            units.push((*q, Vec::new(), None));
        }
        units.sort_by_key(|u| u.0.start);
        let mut out = Tokens {
            tokens: Vec::new(),
            spans: Vec::new(),
            mentions: Vec::new(),
        };
        let mut next_unit = 0;
        let mut covered_to = sentence.start;
        for (w_start, w_end) in words(sentence.of(text)) {
            let at = sentence.start + w_start;
            if at < covered_to || quote_mark(at, sentence.start + w_end) {
                continue;
            }
            while next_unit < units.len() && units[next_unit].0.end <= at {
                next_unit += 1;
            }
            let (span, classes, mention) = match units.get(next_unit) {
                Some(u) if u.0.start <= at => (u.0, u.1.clone(), u.2),
                _ => (Span::new(at, sentence.start + w_end), Vec::new(), None),
            };
            let word = span.of(text).to_lowercase();
            let punct = classes.is_empty() && !word.chars().any(char::is_alphanumeric)
                || quotes.contains(&span);
            let pronoun = PRONOUNS.iter().find(|p| p.0 == word).map(|p| p.1);
            let classes = match pronoun {
                Some(class) if classes.is_empty() => vec![class.to_string()],
                _ => classes,
            };
            out.tokens.push(Token {
                word,
                classes,
                punct,
            });
            out.spans.push(span);
            out.mentions.push(mention);
            covered_to = span.end;
        }
        self.mark_drafts(&mut out);
        out
    }

    /// `@draft`: a draft's name (the reference data's or one the text
    /// names), "resolution", and "draft" where it is the text itself;
    /// `@text`: "text", which is as often a paragraph's wording ("presented
    /// new text for OP 5"), so only some rules take it for the draft.
    fn mark_drafts(&self, toks: &mut Tokens<'a>) {
        for i in 0..toks.tokens.len() {
            // "an amendment (document L.88) submitted by Iran", "an
            // amendment (L.91) to the draft tabled by Palau": the
            // amendment's, not the draft's.
            if toks.tokens[i.saturating_sub(AMENDMENT_REACH)..i]
                .iter()
                .any(|t| t.word.starts_with("amendment"))
            {
                continue;
            }
            let draft = match toks.mentions[i].map(|m| &m.entity) {
                Some(Entity::Document(d)) => self.is_draft(d),
                Some(_) => false,
                None => {
                    let t = &toks.tokens[i];
                    let next = toks.tokens.get(i + 1);
                    if t.classes.is_empty() && matches!(t.word.as_str(), "text" | "texts") {
                        toks.tokens[i].classes.push("@text".to_string());
                        continue;
                    }
                    t.classes.is_empty()
                        && (matches!(t.word.as_str(), "resolution" | "resolutions")
                            || matches!(t.word.as_str(), "draft" | "drafts")
                                && next.is_none_or(|n| {
                                    n.punct || DRAFT_FOLLOWERS.contains(&n.word.as_str())
                                }))
                }
            };
            if draft {
                toks.tokens[i].classes.push("@draft".to_string());
            }
        }
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The pattern classes of a mention.
fn mention_classes(m: &Mention, target: bool) -> Vec<String> {
    let mut out: Vec<&str> = match &m.entity {
        Entity::State(_) => vec!["@actor", "@state"],
        Entity::Group(_) => vec!["@actor", "@group"],
        Entity::Person(_) => vec!["@person"],
        Entity::Body(_) => vec!["@body"],
        Entity::Resolution(_) => vec!["@resolution"],
        Entity::Document(_) => vec!["@document"],
        Entity::Policy(_) => vec!["@policy"],
    };
    if target {
        out.push("@target");
    }
    out.into_iter().map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_what_the_expression_finds() {
        let re = Regex::new(r"[\p{L}\p{N}]+(?:['’\-‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]").unwrap();
        for s in [
            "",
            "  ",
            "Kenya's co-sponsors' view, the non‑aligned (NAM) -- 12-3 ‘x’ y’ z-",
            "Côte d’Ivoire\u{a0}and Türkiye: naïve ½ ²3 Ⅻ x\u{301}y é\u{301}",
            "a--b a''b -a 'a a- b' 日本語テキスト。 ١٢٣ ‑‑x\u{2003}y\u{200b}z",
            "\u{301}a \u{2028}q\t\r\n!?",
        ] {
            let want: Vec<(usize, usize)> = re.find_iter(s).map(|m| (m.start(), m.end())).collect();
            assert_eq!(words(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }
}
