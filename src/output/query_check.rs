//! A user's SPARQL, read around the parser with a small lexer.
//!
//! Before parsing: a nesting limit (the parser and the evaluator recurse
//! once per level, and thousands of levels overflow the stack, which aborts
//! the process with no message). After a failed parse: the parser reports
//! the furthest point any rule reached, which is often not where the mistake
//! is ("expected CONSTRUCT" at column 10 for `SELEKT`), so the mistakes
//! people make — a misspelt keyword, SPARQL Update, an unknown prefix, an
//! unclosed bracket or string — are found on the tokens, at their real
//! position, and said in plain words; the parser's message is the fallback.

use anyhow::anyhow;

/// Deepest nesting of brackets, and longest chain of `UNION`s, property
/// path steps or operators, a query may have. Real questions stay far below; the stack
/// the command line gives queries (see `main.rs`) holds far more.
pub const MAX_NESTING: usize = 256;

/// Keywords of SPARQL Update, refused by a read-only store.
const UPDATE_WORDS: &[&str] = &[
    "INSERT", "DELETE", "DATA", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH",
    "USING", "INTO", "TO", "DEFAULT", "ALL",
];

/// The bare words of SPARQL 1.1 and 1.2 (keywords and built-in functions),
/// upper-cased; any other bare word is a mistake.
const KEYWORDS: &[&str] = &[
    "SELECT",
    "CONSTRUCT",
    "DESCRIBE",
    "ASK",
    "BASE",
    "PREFIX",
    "VERSION",
    "WHERE",
    "FROM",
    "NAMED",
    "ORDER",
    "BY",
    "GROUP",
    "HAVING",
    "LIMIT",
    "OFFSET",
    "DISTINCT",
    "REDUCED",
    "OPTIONAL",
    "UNION",
    "MINUS",
    "GRAPH",
    "SERVICE",
    "SILENT",
    "FILTER",
    "BIND",
    "VALUES",
    "AS",
    "UNDEF",
    "NOT",
    "IN",
    "EXISTS",
    "A",
    "TRUE",
    "FALSE",
    "ASC",
    "DESC",
    "STR",
    "LANG",
    "LANGMATCHES",
    "DATATYPE",
    "BOUND",
    "IRI",
    "URI",
    "BNODE",
    "RAND",
    "ABS",
    "CEIL",
    "FLOOR",
    "ROUND",
    "CONCAT",
    "STRLEN",
    "UCASE",
    "LCASE",
    "ENCODE_FOR_URI",
    "CONTAINS",
    "STRSTARTS",
    "STRENDS",
    "STRBEFORE",
    "STRAFTER",
    "YEAR",
    "MONTH",
    "DAY",
    "HOURS",
    "MINUTES",
    "SECONDS",
    "TIMEZONE",
    "TZ",
    "NOW",
    "UUID",
    "STRUUID",
    "MD5",
    "SHA1",
    "SHA256",
    "SHA384",
    "SHA512",
    "COALESCE",
    "IF",
    "STRLANG",
    "STRDT",
    "SAMETERM",
    "ISIRI",
    "ISURI",
    "ISBLANK",
    "ISLITERAL",
    "ISNUMERIC",
    "REGEX",
    "SUBSTR",
    "REPLACE",
    "COUNT",
    "SUM",
    "MIN",
    "MAX",
    "AVG",
    "SAMPLE",
    "GROUP_CONCAT",
    "SEPARATOR",
    "LATERAL",
    "TRIPLE",
    "SUBJECT",
    "PREDICATE",
    "OBJECT",
    "ISTRIPLE",
    "LANGDIR",
    "STRLANGDIR",
    "HASLANG",
    "HASLANGDIR",
    "ADJUST",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A keyword, function name or mistake.
    Word,
    /// `prefix:local` (or `prefix:` after PREFIX).
    Prefixed,
    /// `?x`, `$x`, `_:b`, `@en`, numbers: never wrong on their own.
    Plain,
    Iri,
    /// `<scheme:…` that is no IRI (a space inside, or no `>`).
    BadIri,
    /// A string literal; `closed` is false when the text ends inside it.
    Str {
        closed: bool,
    },
    Punct(u8),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Splits a query into tokens. Rough but safe: it never fails, and a `<`
/// that does not start an IRI (`?a < 3`) is punctuation.
fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                let (end, closed) = skip_string(bytes, i);
                i = end;
                Kind::Str { closed }
            }
            b'<' if iri_end(bytes, i).is_some() => {
                i = iri_end(bytes, i).unwrap_or(i + 1);
                Kind::Iri
            }
            b'<' if starts_with_scheme(&bytes[i + 1..]) => {
                // `<http://x y>`: an IRI with a space or a missing `>`.
                while i < bytes.len() && bytes[i] != b'>' && bytes[i] != b'\n' {
                    i += 1;
                }
                Kind::BadIri
            }
            b'^' if bytes.get(i + 1) == Some(&b'^') => {
                // `"1"^^xsd:integer`: a datatype, not an inverse path.
                i += 2;
                Kind::Plain
            }
            b'?' | b'$' | b'@' => {
                i = name_end(bytes, i + 1);
                Kind::Plain
            }
            b'_' if bytes.get(i + 1) == Some(&b':') => {
                i = name_end(bytes, i + 2);
                Kind::Plain
            }
            b if b.is_ascii_digit() => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                    i += 1;
                }
                Kind::Plain
            }
            b if b.is_ascii_alphabetic() || b == b':' || b >= 0x80 => {
                i = name_end(bytes, i);
                while i > start + 1 && bytes[i - 1] == b'.' {
                    i -= 1;
                }
                if text[start..i].contains(':') {
                    Kind::Prefixed
                } else {
                    Kind::Word
                }
            }
            other => {
                i += 1;
                Kind::Punct(other)
            }
        };
        out.push(Token {
            kind,
            start,
            end: i,
        });
    }
    out
}

/// `http:`, `urn:`…: what an IRI starts with.
fn starts_with_scheme(bytes: &[u8]) -> bool {
    let n = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    n > 0 && bytes[0].is_ascii_alphabetic() && bytes.get(n) == Some(&b':')
}

/// End of a name: letters, digits, `_ - . : %` and anything non-ASCII.
fn name_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':' | b'%') || b >= 0x80 {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The index after a string literal starting at `i` (short or long form),
/// and whether it was closed.
fn skip_string(bytes: &[u8], i: usize) -> (usize, bool) {
    let q = bytes[i];
    let long = bytes.len() >= i + 3 && bytes[i + 1] == q && bytes[i + 2] == q;
    let mut j = if long { i + 3 } else { i + 1 };
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            c if c == q && !long => return (j + 1, true),
            c if c == q && bytes.len() >= j + 3 && bytes[j + 1] == q && bytes[j + 2] == q => {
                return (j + 3, true)
            }
            b'\n' if !long => return (j, false),
            _ => j += 1,
        }
    }
    (bytes.len(), false)
}

/// The index after `<…>` when it is an IRI (no spaces or quotes inside).
fn iri_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'>' => return Some(j + 1),
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' => return None,
            c if c <= b' ' => return None,
            _ => j += 1,
        }
    }
    None
}

/// 1-based line and (character) column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
    (line, column)
}

fn at(text: &str, offset: usize) -> String {
    let (line, column) = line_column(text, offset);
    format!("line {line}, column {column}")
}

/// Refuses a query that nests brackets, or chains `UNION`s or property
/// path steps, beyond [`MAX_NESTING`], naming where.
pub fn check_nesting(origin: &str, text: &str) -> anyhow::Result<()> {
    // Per open bracket: the length of the chain (UNIONs, path steps) in it.
    let mut chains: Vec<usize> = vec![0];
    let refuse = |t: &Token, what: &str| {
        anyhow!(
            "{origin}: the query {what} at {}; the limit is {MAX_NESTING}: write it flatter (VALUES or FILTER(?x IN (…)) instead of long UNIONs)",
            at(text, t.start)
        )
    };
    for t in tokens(text) {
        let chained = match t.kind {
            Kind::Punct(b'(' | b'[' | b'{') => {
                chains.push(0);
                if chains.len() > MAX_NESTING + 1 {
                    return Err(refuse(&t, "nests brackets too deep"));
                }
                continue;
            }
            Kind::Punct(b')' | b']' | b'}') => {
                if chains.len() > 1 {
                    chains.pop();
                }
                continue;
            }
            // Path steps and operators (`a/b/c`, `1 + 1 + …`, `x && y && …`)
            // build left-deep trees too.
            Kind::Punct(b'/' | b'|' | b'^' | b'+' | b'*' | b'&') => {
                "chains too many operators or property path steps"
            }
            Kind::Word if text[t.start..t.end].eq_ignore_ascii_case("UNION") => {
                "chains too many UNIONs"
            }
            _ => continue,
        };
        let last = chains.last_mut().expect("the outer level stays");
        *last += 1;
        if *last > MAX_NESTING {
            return Err(refuse(&t, chained));
        }
    }
    Ok(())
}

/// Explains why a query did not parse: the first mistake found on the
/// tokens, else the parser's own message ("error at 3:7: expected …").
/// `predeclared` are the prefixes known without a PREFIX line.
pub fn syntax_error(
    origin: &str,
    text: &str,
    message: &str,
    predeclared: &[&str],
) -> anyhow::Error {
    if let Some(explained) = first_mistake(text, predeclared) {
        return anyhow!("{origin}: {explained}");
    }
    let expected = message
        .split_once(": expected ")
        .map(|(_, e)| shorten(e))
        .unwrap_or_else(|| message.to_string());
    match parse_position(message) {
        Some((line, column)) => anyhow!(
            "{origin}: SPARQL syntax error at line {line}, column {column}: expected {expected}"
        ),
        None => anyhow!("{origin}: SPARQL syntax error: {message}"),
    }
}

/// The first mistake of the kinds people make, in text order.
fn first_mistake(text: &str, predeclared: &[&str]) -> Option<String> {
    let toks = tokens(text);
    let mut declared: Vec<&str> = predeclared.to_vec();
    let mut open: Vec<Token> = Vec::new();
    for (n, t) in toks.iter().enumerate() {
        let word = &text[t.start..t.end];
        match t.kind {
            Kind::Word => {
                if let Some(mistake) = word_mistake(text, t) {
                    return Some(mistake);
                }
            }
            Kind::Prefixed => {
                let prefix = word.split(':').next().unwrap_or("");
                let after_prefix_keyword = n > 0
                    && toks[n - 1].kind == Kind::Word
                    && text[toks[n - 1].start..toks[n - 1].end].eq_ignore_ascii_case("PREFIX");
                if after_prefix_keyword {
                    declared.push(prefix);
                } else if !declared.contains(&prefix) {
                    return Some(format!(
                        "SPARQL syntax error at {}: unknown prefix {prefix}: in {word}; declare it with PREFIX {prefix}: <…>",
                        at(text, t.start)
                    ));
                }
            }
            Kind::BadIri => {
                return Some(format!(
                    "SPARQL syntax error at {}: {} is not an IRI (a space inside, or no closing >)",
                    at(text, t.start),
                    word.trim_end()
                ))
            }
            Kind::Str { closed: false } => {
                return Some(format!(
                    "SPARQL syntax error at {}: this string is never closed",
                    at(text, t.start)
                ))
            }
            Kind::Punct(b'(' | b'[' | b'{') => open.push(*t),
            Kind::Punct(c @ (b')' | b']' | b'}')) => match open.pop() {
                Some(o) if closes(text.as_bytes()[o.start], c) => {}
                Some(o) => {
                    return Some(format!(
                    "SPARQL syntax error at {}: found {}, but the {} opened at {} is still open",
                    at(text, t.start),
                    c as char,
                    text.as_bytes()[o.start] as char,
                    at(text, o.start)
                ))
                }
                None => {
                    return Some(format!(
                        "SPARQL syntax error at {}: {} closes nothing",
                        at(text, t.start),
                        c as char
                    ))
                }
            },
            _ => {}
        }
    }
    open.last().map(|o| {
        format!(
            "SPARQL syntax error at {}: this {} is never closed",
            at(text, o.start),
            text.as_bytes()[o.start] as char
        )
    })
}

/// A bare word that is SPARQL Update, or no keyword at all.
fn word_mistake(text: &str, t: &Token) -> Option<String> {
    let word = &text[t.start..t.end];
    let upper = word.to_uppercase();
    if UPDATE_WORDS.contains(&upper.as_str()) {
        return Some(format!(
            "SPARQL Update is not accepted by query: the store is read-only ({word} at {}); rebuild the store to change it",
            at(text, t.start)
        ));
    }
    (!KEYWORDS.contains(&upper.as_str())).then(|| {
        format!(
            "SPARQL syntax error at {}: unknown keyword {word}{}",
            at(text, t.start),
            suggestion(&upper)
        )
    })
}

fn closes(open: u8, close: u8) -> bool {
    matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}'))
}

/// "; did you mean SELECT?" for a word close to a keyword.
fn suggestion(upper: &str) -> String {
    KEYWORDS
        .iter()
        .filter(|k| k.len() > 2)
        .map(|k| (strsim::levenshtein(k, upper), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len() / 2 + 1)
        .min()
        .map(|(_, k)| format!("; did you mean {k}?"))
        .unwrap_or_default()
}

/// The parser lists every token it would have accepted, character classes
/// included; the words and symbols, a dozen at most, are what helps.
fn shorten(expected: &str) -> String {
    let flat = expected.split_whitespace().collect::<Vec<_>>().join(" ");
    let list = flat.strip_prefix("one of ").unwrap_or(&flat);
    let items: Vec<&str> = list
        .split(", ")
        .filter(|i| !i.starts_with('[') && !i.contains("..=") && !i.contains('|'))
        .collect();
    match items.len() {
        0 => "something else here".to_string(),
        1 => items[0].to_string(),
        n if n <= 12 => format!("one of {}", items.join(", ")),
        _ => format!("one of {} …", items[..12].join(", ")),
    }
}

fn parse_position(message: &str) -> Option<(usize, usize)> {
    let rest = message.split("error at ").nth(1)?;
    let (pos, _) = rest.split_once(": ")?;
    let (l, c) = pos.split_once(':')?;
    Some((l.trim().parse().ok()?, c.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRE: &[&str] = &["oewg", "rdfs"];

    fn explain(q: &str) -> String {
        syntax_error("q.rq", q, "error at 9:9: expected one of \"ASK\"", PRE).to_string()
    }

    #[test]
    fn deep_brackets_long_unions_and_long_paths_are_refused_with_a_position() {
        let deep = format!(
            "SELECT * WHERE {{ FILTER({}1{}) }}",
            "(".repeat(300),
            ")".repeat(300)
        );
        let err = check_nesting("q.rq", &deep).unwrap_err().to_string();
        assert!(
            err.contains("line 1, column") && err.contains("256"),
            "{err}"
        );
        let unions = format!(
            "SELECT * WHERE {{ {} }}",
            vec!["{ ?s ?p ?o }"; 400].join(" UNION ")
        );
        assert!(check_nesting("q.rq", &unions)
            .unwrap_err()
            .to_string()
            .contains("UNION"));
        let path = format!("SELECT * WHERE {{ ?s {} ?o }}", vec!["<p>"; 400].join("/"));
        assert!(check_nesting("q.rq", &path).is_err());
        let sum = format!("SELECT (({}) AS ?x) WHERE {{}}", vec!["1"; 400].join(" + "));
        assert!(check_nesting("q.rq", &sum).is_err());
    }

    #[test]
    fn strings_iris_comments_and_comparisons_do_not_count() {
        let q = "# ((((((\nSELECT * WHERE { ?s <http://x/a#(b> \"{{{{(((\" . FILTER(?a < 3 && ?b > 2) }";
        assert!(check_nesting("q.rq", q).is_ok());
        assert!(first_mistake(q, PRE).is_none());
    }

    #[test]
    fn mistakes_are_named_where_they_are() {
        let e = explain("SELEKT ?x WHERE {}");
        assert!(
            e.contains("line 1, column 1: unknown keyword SELEKT; did you mean SELECT?"),
            "{e}"
        );
        let e = explain("PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }");
        assert!(
            e.contains("SPARQL Update is not accepted by query")
                && e.contains("INSERT at line 2, column 1"),
            "{e}"
        );
        let e = explain("SELECT ?s WHERE { ?s a nope:State }");
        assert!(e.contains("column 24: unknown prefix nope:"), "{e}");
        let e = explain("SELECT ?s WHERE {\n  ?s rdfs:label \"open }");
        assert!(
            e.contains("line 2, column 17: this string is never closed"),
            "{e}"
        );
        let e = explain("SELECT ?s WHERE { FILTER(?s = 1 }");
        assert!(
            e.contains("column 33: found }, but the ( opened at line 1, column 25"),
            "{e}"
        );
        let e = explain("SELECT ?s WHERE { ?s ?p ?o ");
        assert!(e.contains("column 17: this { is never closed"), "{e}");
    }

    #[test]
    fn other_mistakes_keep_the_parsers_words_without_character_classes() {
        let e = explain("SELECT ?s WHERE { ?s a }");
        assert!(e.contains("line 9, column 9: expected \"ASK\""), "{e}");
        let e = syntax_error(
            "q.rq",
            "SELECT ?s WHERE { ?s a } GROUP BY",
            "error at 1:34: expected one of \"(\", \"?\", ['A' ..= 'Z' | 'a' ..= 'z'\n| '\\u{00C0}'], [_]",
            PRE,
        )
        .to_string();
        assert_eq!(
            e,
            "q.rq: SPARQL syntax error at line 1, column 34: expected one of \"(\", \"?\""
        );
    }

    #[test]
    fn an_iri_with_a_space_is_named() {
        let e = explain("SELECT ?s WHERE { ?s <http://x y> ?o }");
        assert!(e.contains("column 22: <http://x y is not an IRI"), "{e}");
    }
}
