//! A small pattern language over classed tokens, in the spirit of Stanford
//! TokensRegex and spaCy's Matcher: the grammar rules of
//! `ontology/stance-rules.csv` are written in it, so a new phrasing is a
//! row with its own example, not a change to Rust.
//!
//! A sentence is a sequence of [`Token`]s. A token is a word, a punctuation
//! mark, a mention (one token however many words it spans) or a cue phrase
//! from `ontology/cues.csv` (one token as well). Each carries classes:
//! `@actor`, `@target`, `@body`, `@policy`, `@document` for mentions, and
//! `%support`, `%good`, `%negation` … (the cue kinds) for cues; the
//! discourse reader adds pointers (`@it`, `@such`, `@backers`, `@critics`)
//! and a draft's name or the word for it (`@draft`, `@text`), see
//! `fact::discourse::tokens`.
//!
//! A pattern is a space-separated sequence of elements:
//!
//! | element | matches one token that … |
//! |---|---|
//! | `is\|was\|are` | is one of these words (lower case) or punctuation marks |
//! | `@target\|actor` | carries one of these mention classes |
//! | `%good\|support` | carries one of these cue classes |
//! | `_` | is anything but punctuation |
//! | `~` | is anything but a clause break (`;`, `:`, `.`) |
//! | `<!of\|for` | (zero-width) the word before, past determiners, is none of these |
//!
//! and each element but `<!` may take a quantifier: `?`, `*`, `+` or
//! `{m,n}`. Quantifiers are lazy (the shortest match wins), and `*`/`+`
//! stop after [`MAX_REPEAT`] tokens so a rule stays local to its words.

use rustc_hash::FxHashMap;
use std::fmt;

/// The most tokens an open quantifier (`*`, `+`) takes.
pub const MAX_REPEAT: usize = 8;

/// Words `<!` looks past: "the report of the OEWG" has "of" before the
/// name as much as "the report of OEWG" does.
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
];

/// One token of a sentence, with its classes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased surface text.
    pub word: String,
    /// `@…` mention classes and `%…` cue classes; empty for plain words.
    pub classes: Vec<String>,
    /// Punctuation is skipped by `_`.
    pub punct: bool,
}

impl Token {
    fn has(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c == class)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Atom {
    Words(Vec<String>),
    Classes(Vec<String>),
    Any,
    AnyInClause,
    NotAfter(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Element {
    atom: Atom,
    min: usize,
    max: usize,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    elements: Vec<Element>,
}

/// Why a pattern does not compile, naming the element at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub element: String,
    pub reason: &'static str,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "element `{}`: {}", self.element, self.reason)
    }
}

impl std::error::Error for PatternError {}

/// A match: the token range and, per token in it, the index of the
/// pattern element that took it (so a rule can read its captures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub taken_by: Vec<usize>,
}

impl Match {
    /// Tokens taken by elements that test `class` (e.g. `@target`).
    pub fn captured(&self, pattern: &Pattern, class: &str) -> Vec<usize> {
        let wanted: Vec<bool> = pattern
            .elements
            .iter()
            .map(|e| matches!(&e.atom, Atom::Classes(cs) if cs.iter().any(|c| c == class)))
            .collect();
        self.taken_by
            .iter()
            .enumerate()
            .filter(|(_, &e)| wanted[e])
            .map(|(i, _)| self.start + i)
            .collect()
    }
}

impl Pattern {
    /// Compiles a pattern; see the module documentation for the syntax.
    pub fn parse(source: &str) -> Result<Self, PatternError> {
        let elements = source
            .split_whitespace()
            .map(parse_element)
            .collect::<Result<Vec<_>, _>>()?;
        if elements.iter().all(|e| e.min == 0) {
            return Err(PatternError {
                element: source.to_string(),
                reason: "the pattern can match nothing",
            });
        }
        Ok(Self { elements })
    }

    /// Every match in `tokens`, leftmost first and not overlapping.
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut from = 0;
        while from < tokens.len() {
            let mut taken = Vec::new();
            match self.at(0, tokens, from, &mut taken) {
                Some(end) if end > from => {
                    out.push(Match {
                        start: from,
                        end,
                        taken_by: taken,
                    });
                    from = end;
                }
                _ => from += 1,
            }
        }
        out
    }

    /// Matches elements `e..` from token `pos`; returns the end, with the
    /// element index of each token taken pushed on `taken`.
    fn at(&self, e: usize, tokens: &[Token], pos: usize, taken: &mut Vec<usize>) -> Option<usize> {
        let Some(el) = self.elements.get(e) else {
            return Some(pos);
        };
        if let Atom::NotAfter(words) = &el.atom {
            let before = tokens[..pos]
                .iter()
                .rev()
                .find(|t| !DETERMINERS.contains(&t.word.as_str()));
            if before.is_some_and(|t| words.contains(&t.word)) {
                return None;
            }
            return self.at(e + 1, tokens, pos, taken);
        }
        let mut n = 0;
        loop {
            if n >= el.min {
                let mark = taken.len();
                if let Some(end) = self.at(e + 1, tokens, pos + n, taken) {
                    return Some(end);
                }
                taken.truncate(mark);
            }
            if n == el.max || !tokens.get(pos + n).is_some_and(|t| el.atom.accepts(t)) {
                return None;
            }
            taken.push(e);
            n += 1;
        }
    }
}

/// Which of a set of patterns can match a sentence at all, from the words
/// and classes it holds: every element a pattern cannot do without (one
/// that takes a word or class at least once) needs a token it accepts.
/// Most sentences lack some rule's words, and looking each token up once
/// costs less than trying every rule at every token.
pub struct Prefilter {
    /// Per word: (pattern, its required element's number among its
    /// required elements).
    words: FxHashMap<String, Vec<(usize, usize)>>,
    /// Per class likewise.
    classes: FxHashMap<String, Vec<(usize, usize)>>,
    /// Per pattern: how many required elements it has (at most 64 are
    /// checked; more are left to the matcher).
    required: Vec<usize>,
}

impl Prefilter {
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p Pattern>) -> Self {
        let mut f = Prefilter {
            words: FxHashMap::default(),
            classes: FxHashMap::default(),
            required: Vec::new(),
        };
        for (p, pattern) in patterns.into_iter().enumerate() {
            let mut n = 0;
            for el in pattern.elements.iter().filter(|e| e.min > 0) {
                let (map, keys) = match &el.atom {
                    Atom::Words(ws) => (&mut f.words, ws),
                    Atom::Classes(cs) => (&mut f.classes, cs),
                    _ => continue,
                };
                if n == 64 {
                    break;
                }
                for k in keys {
                    let slot = map.entry(k.clone()).or_default();
                    if slot.last() != Some(&(p, n)) {
                        slot.push((p, n));
                    }
                }
                n += 1;
            }
            f.required.push(n);
        }
        f
    }

    /// Per pattern, in order: false when it cannot match `tokens`.
    pub fn may_match(&self, tokens: &[Token]) -> Vec<bool> {
        let mut seen = vec![0u64; self.required.len()];
        let mut mark = |hits: Option<&Vec<(usize, usize)>>| {
            for &(p, n) in hits.into_iter().flatten() {
                seen[p] |= 1 << n;
            }
        };
        for t in tokens {
            mark(self.words.get(t.word.as_str()));
            for c in &t.classes {
                mark(self.classes.get(c.as_str()));
            }
        }
        self.required
            .iter()
            .zip(seen)
            .map(|(&n, seen)| seen.count_ones() as usize == n)
            .collect()
    }
}

impl Atom {
    fn accepts(&self, t: &Token) -> bool {
        match self {
            Atom::Words(ws) => ws.contains(&t.word),
            Atom::Classes(cs) => cs.iter().any(|c| t.has(c)),
            Atom::Any => !t.punct,
            Atom::AnyInClause => !matches!(t.word.as_str(), ";" | ":" | "."),
            Atom::NotAfter(_) => false,
        }
    }
}

fn parse_element(piece: &str) -> Result<Element, PatternError> {
    let err = |reason| PatternError {
        element: piece.to_string(),
        reason,
    };
    if let Some(rest) = piece.strip_prefix("<!") {
        return Ok(Element {
            atom: Atom::NotAfter(alternatives(rest, "").ok_or_else(|| err("empty list"))?),
            min: 0,
            max: 0,
        });
    }
    let (base, min, max) = split_quantifier(piece).ok_or_else(|| err("bad quantifier"))?;
    let atom = if base == "_" {
        Atom::Any
    } else if base == "~" {
        Atom::AnyInClause
    } else if let Some(rest) = base.strip_prefix('@') {
        Atom::Classes(alternatives(rest, "@").ok_or_else(|| err("empty class"))?)
    } else if let Some(rest) = base.strip_prefix('%') {
        Atom::Classes(alternatives(rest, "%").ok_or_else(|| err("empty class"))?)
    } else {
        Atom::Words(alternatives(base, "").ok_or_else(|| err("empty word"))?)
    };
    Ok(Element { atom, min, max })
}

/// `a|b|c` with each item prefixed (`@a`, `@b` …), lower-cased.
fn alternatives(s: &str, prefix: &str) -> Option<Vec<String>> {
    let items: Vec<String> = s
        .split('|')
        .map(|w| format!("{prefix}{}", w.to_lowercase()))
        .collect();
    (!items.iter().any(|w| w.len() == prefix.len())).then_some(items)
}

/// Splits `x{1,3}`, `x?`, `x*`, `x+` into the base and its bounds.
fn split_quantifier(piece: &str) -> Option<(&str, usize, usize)> {
    if let Some(open) = piece.find('{').filter(|&i| i > 0) {
        let inner = piece[open + 1..].strip_suffix('}')?;
        let (lo, hi) = match inner.split_once(',') {
            Some((lo, hi)) => (lo.trim().parse().ok()?, hi.trim().parse().ok()?),
            None => {
                let n = inner.trim().parse().ok()?;
                (n, n)
            }
        };
        return (lo <= hi && hi > 0).then_some((&piece[..open], lo, hi));
    }
    let quantified = |q: char| piece.len() > 1 && piece.ends_with(q);
    Some(if quantified('?') {
        (&piece[..piece.len() - 1], 0, 1)
    } else if quantified('*') {
        (&piece[..piece.len() - 1], 0, MAX_REPEAT)
    } else if quantified('+') {
        (&piece[..piece.len() - 1], 1, MAX_REPEAT)
    } else {
        (piece, 1, 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens from a compact notation: `word`, `word/@class/%class`.
    fn toks(s: &str) -> Vec<Token> {
        s.split_whitespace()
            .map(|t| {
                let mut parts = t.split('/');
                let word = parts.next().unwrap().to_string();
                Token {
                    punct: word.chars().all(|c| c.is_ascii_punctuation()),
                    word,
                    classes: parts.map(str::to_string).collect(),
                }
            })
            .collect()
    }

    #[test]
    fn the_prefilter_rules_out_only_patterns_that_find_nothing() {
        let patterns: Vec<Pattern> = [
            "@target _{0,4} is|was premature|useful",
            "pleased|glad that the? @target",
            "%good @target|actor",
            "the? @actor ,? supported|backed _* @target",
        ]
        .iter()
        .map(|p| Pattern::parse(p).unwrap())
        .collect();
        let filter = Prefilter::new(&patterns);
        for sentence in [
            "the PoA/@target is very useful",
            "we are pleased that the PoA/@target works",
            "a useful/%good PoA/@target",
            "Ghana/@actor , backed the PoA/@target",
            "Ghana/@actor spoke about the PoA/@target",
            "nothing here",
        ] {
            let tokens = toks(sentence);
            let may = filter.may_match(&tokens);
            for (p, may) in patterns.iter().zip(may) {
                let found = !p.find_all(&tokens).is_empty();
                assert!(may || !found, "{sentence}: a match was ruled out");
            }
        }
        let may = filter.may_match(&toks("Ghana/@actor spoke about the PoA/@target"));
        assert_eq!(may, [false, false, false, false]);
        let may = filter.may_match(&toks("the PoA/@target is very useful"));
        assert_eq!(may, [true, false, false, false]);
    }

    fn spans(p: &str, s: &str) -> Vec<(usize, usize)> {
        Pattern::parse(p)
            .unwrap()
            .find_all(&toks(s))
            .iter()
            .map(|m| (m.start, m.end))
            .collect()
    }

    #[test]
    fn words_classes_and_gaps() {
        let s = "the oewg/@target is an inclusive/%good forum";
        assert_eq!(spans("@target is _{0,2} %good", s), vec![(1, 5)]);
        assert_eq!(spans("@target was _{0,2} %good", s), vec![]);
        assert_eq!(spans("@target is|was %good", s), vec![]);
    }

    #[test]
    fn quantifiers_are_lazy_and_bounded() {
        let s = "a b c d e f g h i j k x/%good";
        assert_eq!(spans("a _* %good", s), vec![]);
        assert_eq!(spans("d _* %good", s), vec![(3, 12)]);
        assert_eq!(spans("d _{0,2} %good", s), vec![]);
        assert_eq!(spans("k? x", "x"), vec![(0, 1)]);
    }

    #[test]
    fn any_skips_no_punctuation() {
        let s = "the poa/@target , however , is useful/%good";
        assert_eq!(spans("@target _{0,3} is %good", s), vec![]);
        assert_eq!(spans("@target , _ , is %good", s), vec![(1, 7)]);
    }

    #[test]
    fn tilde_crosses_commas_but_not_clause_breaks() {
        let s = "the poa/@target , however , is useful/%good ; x/%good";
        assert_eq!(spans("@target ~{0,4} is %good", s), vec![(1, 7)]);
        assert_eq!(spans("is ~* %good", s), vec![(5, 7)]);
        assert_eq!(spans("useful ~* %good", s), vec![]);
    }

    #[test]
    fn not_after_looks_one_token_back() {
        let s = "the report of the oewg/@target is useful/%good";
        assert_eq!(spans("<!of @target is %good", s), vec![]);
        assert_eq!(spans("<!of the? @target is %good", s), vec![]);
        assert_eq!(spans("<!by the? @target is %good", s), vec![(3, 7)]);
        assert_eq!(
            spans("<!of @target is %good", "oewg/@target is useful/%good"),
            vec![(0, 3)]
        );
    }

    #[test]
    fn captures_name_their_tokens() {
        let p = Pattern::parse("@actor called @target _? %good").unwrap();
        let t = toks("kenya/@actor called the oewg/@target useful/%good");
        assert!(p.find_all(&t).is_empty());
        let t = toks("kenya/@actor called oewg/@target useful/%good");
        let m = &p.find_all(&t)[0];
        assert_eq!(m.captured(&p, "@target"), vec![2]);
        assert_eq!(m.captured(&p, "@actor"), vec![0]);
    }

    #[test]
    fn bad_patterns_say_which_element() {
        for bad in ["@", "x{3,1}", "x{,}", "_?", "a||b"] {
            assert!(Pattern::parse(bad).is_err(), "{bad}");
        }
        let e = Pattern::parse("@target x{2").unwrap_err();
        assert_eq!(e.element, "x{2");
    }
}
