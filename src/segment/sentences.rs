//! Sentence splitting inside one block.
//!
//! Reports glue sentences ("supported by Australia.The Pacific …"), end
//! abbreviations with a dot ("para. 26", "Mr.", "e.g.") and put footnote
//! numbers after full stops ("them.3A/RES/58/32"); the rules below handle
//! exactly these shapes and nothing cleverer.

use super::Span;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 22] = [
    "e.g", "i.e", "etc", "Mr", "Ms", "Mrs", "Dr", "No", "no", "para", "par", "paras", "Art", "art",
    "pp", "p", "cf", "vs", "St", "Res", "op", "Prof",
];

/// What may follow a sentence's full stop and still belong to it:
/// closing quotes and brackets, and footnote markers ("… with “may”.¹").
const CLOSERS: [char; 16] = [
    '’', '”', '\'', '"', ')', ']', '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹',
];

/// Splits `span` of `text` into sentence spans (trimmed, never empty).
///
/// Only the characters that can end a sentence are looked at, found by
/// their bytes; the text is not decoded into a list of characters first
/// (sixteen bytes written per byte of text, a tenth of segmenting).
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    // Candidates before this offset are closers a boundary already took.
    let mut resume = 0usize;
    for (pos, c) in enders(s) {
        if pos < resume {
            continue;
        }
        let after = pos + c.len_utf8();
        // "… […]’ Iran’s edits": a closing quote after an ellipsis or bracket
        // followed by a capital ends the sentence.
        if (c == '’' || c == '”')
            && s[..pos]
                .chars()
                .next_back()
                .is_some_and(|p| matches!(p, ']' | '…'))
            && s[after..].starts_with(' ')
            && s[after..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            push_trimmed(&mut out, span.start, s, start, after);
            start = after;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            // Extend over closing quotes, brackets and footnote markers.
            let end = after
                + s[after..]
                    .chars()
                    .take_while(|c| CLOSERS.contains(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            let mut following = s[end..].chars();
            let next = following.next();
            let word_before = word_before(s, pos);
            let is_abbrev = c == '.'
                && (ABBREVIATIONS.contains(&word_before)
                    || (word_before.len() == 1
                        && word_before.chars().all(|c| c.is_uppercase())
                        && !labels_a_part(s, pos - word_before.len()))
                    || (word_before.contains('.') && !ends_in_digit(word_before)));
            let boundary = match next {
                None => true,
                Some(n) if n.is_whitespace() => {
                    // Next non-space character must start a sentence.
                    let rest = s[end..].trim_start();
                    let f = rest.chars().next();
                    f.is_some_and(|f| {
                        // (An @-handle opens a sentence in a post: ". @UN_Peru backed it.")
                        f.is_uppercase() || f.is_ascii_digit() || "‘“'\"(«@".contains(f)
                    }) && !is_abbrev
                }
                // Glued: "Australia.The" — a lower-case word then a capital
                // followed by a lower-case letter.
                Some(n) if n.is_uppercase() && c == '.' => {
                    let after = following.next();
                    word_before.chars().count() >= 3
                        && word_before.chars().all(|c| c.is_alphabetic())
                        && word_before.chars().last().is_some_and(|c| c.is_lowercase())
                        && after.is_some_and(|a| a.is_lowercase())
                }
                _ => false,
            };
            if boundary {
                push_trimmed(&mut out, span.start, s, start, end);
                start = end;
                resume = end;
            }
        }
    }
    push_trimmed(&mut out, span.start, s, start, s.len());
    out
}

/// The characters of `s` that may end a sentence (. ! ? ’ ”), with their
/// offsets, in order.
fn enders(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    s.bytes().enumerate().filter_map(move |(i, b)| match b {
        b'.' => Some((i, '.')),
        b'!' => Some((i, '!')),
        b'?' => Some((i, '?')),
        // ’ and ” are E2 80 99 and E2 80 9D.
        0xE2 => s[i..]
            .chars()
            .next()
            .filter(|c| matches!(c, '’' | '”'))
            .map(|c| (i, c)),
        _ => None,
    })
}

/// "draft A/81/L.31. Decisions …", "in rev.1. Kenya …": a dotted word
/// that ends in a digit is a document symbol or a revision, not an
/// abbreviation ("e.g.", "U.S."), so its full stop may end the sentence.
fn ends_in_digit(word: &str) -> bool {
    word.chars().last().is_some_and(|c| c.is_ascii_digit())
}

/// The word before `pos`, looking back at most 64 bytes: a longer "word"
/// is no abbreviation, and a text without spaces must not be re-scanned
/// from its start at every full stop.
/// Nouns a single capital letter labels ("section B", "annex C",
/// "option A"): the letter ends the sentence when a full stop follows it,
/// where after a name it would be an initial ("J. Smith").
const PART_NOUNS: [&str; 12] = [
    "section", "annex", "part", "chapter", "element", "appendix", "option", "cluster", "category",
    "column", "table", "track",
];

/// Whether the word before the one starting at `at` (past the spaces
/// between) is one of [`PART_NOUNS`].
fn labels_a_part(s: &str, at: usize) -> bool {
    let before = s[..at].trim_end();
    before.len() < at
        && PART_NOUNS
            .iter()
            .any(|n| word_before(s, before.len()).eq_ignore_ascii_case(n))
}

fn word_before(s: &str, pos: usize) -> &str {
    let lo = floor_boundary(s, pos.saturating_sub(64));
    let before = &s[lo..pos];
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '‘' || c == '“')
        .map(|i| i + before[i..].chars().next().unwrap().len_utf8())
        .unwrap_or(0);
    &before[start..]
}

/// The largest character boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Longest sentence, in bytes. Report sentences stay well under a thousand
/// characters; a run-on text (a PDF converted without full stops) is cut
/// into pieces at a clause boundary (`;`, else `,`, else a space) so that
/// the work done per sentence stays bounded.
pub const MAX_SENTENCE: usize = 4096;

/// Pushes `s[start..end]` as one or more sentences of at most
/// [`MAX_SENTENCE`] bytes.
fn push_trimmed(out: &mut Vec<Span>, base: usize, s: &str, start: usize, end: usize) {
    let mut from = start;
    while end - from > MAX_SENTENCE {
        let limit = floor_boundary(s, from + MAX_SENTENCE);
        let window = &s[from..limit];
        let half = window.len() / 2;
        let after = |i: usize| i + window[i..].chars().next().map_or(1, char::len_utf8);
        let cut = [';', ',']
            .iter()
            .find_map(|&p| window.rfind(p).filter(|&i| i >= half))
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
            .map(|i| from + after(i))
            .unwrap_or(limit);
        push_piece(out, base, s, from, cut);
        from = cut;
    }
    push_piece(out, base, s, from, end);
}

fn push_piece(out: &mut Vec<Span>, base: usize, s: &str, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, Span::new(0, t.len()))
            .into_iter()
            .map(|s| s.of(t))
            .collect()
    }

    #[test]
    fn a_letter_labelling_a_part_ends_its_sentence_but_an_initial_does_not() {
        assert_eq!(
            split("Togo proposed moving it into section B. No delegation objected."),
            [
                "Togo proposed moving it into section B.",
                "No delegation objected."
            ]
        );
        assert_eq!(
            split("The report by J. Smith was cited."),
            ["The report by J. Smith was cited."]
        );
    }

    #[test]
    fn splits_on_full_stops_before_capitals() {
        assert_eq!(
            split("Iran agreed. China did not."),
            ["Iran agreed.", "China did not."]
        );
    }

    #[test]
    fn a_footnote_marker_after_a_full_stop_ends_with_its_sentence() {
        assert_eq!(
            split("Peru proposed \u{201c}may\u{201d}.\u{b9} Samoa objected."),
            [
                "Peru proposed \u{201c}may\u{201d}.\u{b9}",
                "Samoa objected."
            ]
        );
    }

    #[test]
    fn a_handle_opens_a_sentence() {
        assert_eq!(
            split("Chad asked to delete it. @PeruMission and Chile want it kept."),
            [
                "Chad asked to delete it.",
                "@PeruMission and Chile want it kept."
            ]
        );
    }

    #[test]
    fn splits_glued_sentences() {
        assert_eq!(
            split("This was supported by Australia.The Pacific Island Forum noted it."),
            [
                "This was supported by Australia.",
                "The Pacific Island Forum noted it."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_symbols_and_footnotes_inside() {
        let t = "See para. 26 and e.g. Mr. Smith on A/RES/70/237. Next.";
        assert_eq!(
            split(t),
            ["See para. 26 and e.g. Mr. Smith on A/RES/70/237.", "Next."]
        );
        let f = "measures to address them.3A/RES/58/32, A/RES/60/45. Through their reports.";
        assert_eq!(split(f).len(), 2);
    }

    #[test]
    fn a_symbol_or_revision_ending_in_a_digit_ends_its_sentence() {
        assert_eq!(
            split("It amends draft A/C.1/90/L.7. Peru objected. See rev.2. Fiji agreed."),
            [
                "It amends draft A/C.1/90/L.7.",
                "Peru objected.",
                "See rev.2.",
                "Fiji agreed."
            ]
        );
        // A dotted abbreviation still does not.
        assert_eq!(split("the U.S. Mission spoke.").len(), 1);
    }

    #[test]
    fn a_run_on_sentence_is_cut_at_clause_boundaries() {
        let t = "Iran spoke, China agreed; ".repeat(1000) + "and so on.";
        let parts = split(&t);
        assert!(parts.len() > 1);
        for p in &parts {
            assert!(p.len() <= MAX_SENTENCE, "{}", p.len());
        }
        assert!(parts[..parts.len() - 1].iter().all(|p| p.ends_with(';')));
        let glued: String = parts.join(" ");
        assert_eq!(glued, t.trim(), "nothing lost");
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "It reads ‘States agreed.’ Iran objected.";
        assert_eq!(split(t), ["It reads ‘States agreed.’", "Iran objected."]);
    }
}
