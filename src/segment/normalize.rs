//! Text normalisation for matching only.
//!
//! Real reports spell the same word many ways: UN press releases write
//! "Non‑Aligned" with a non-breaking hyphen (U+2011), web pages put no-break
//! spaces inside names, PDFs converted to text break lines in the middle of a
//! phrase, and quotes come straight or curly. Matchers (names, cues) run on a
//! normalised copy in which every such variant has one spelling, and map the
//! spans they find back to the original bytes, so offsets and quotes keep
//! pointing at the text exactly as the source wrote it.

/// A normalised copy of a text with a map back to the original offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text: ASCII hyphens, apostrophes and double quotes,
    /// one space for any run of white space, no zero-width characters.
    pub text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`;
    /// one extra entry maps the end of the text.
    origin: Vec<usize>,
    /// `ends[i]` is the original offset just after the character that
    /// normalised byte `i` came from.
    ends: Vec<usize>,
}

/// The one spelling of a character, `None` to drop it.
fn canonical(c: char) -> Option<char> {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => Some('"'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut ends = Vec::with_capacity(original.len());
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // Printable ASCII is its own spelling: one byte each way, no
            // decoding (most of any report).
            if b.is_ascii_graphic() || (b == b' ' && !text.ends_with(' ')) {
                text.push(char::from(b));
                origin.push(at);
                ends.push(at + 1);
                at += 1;
                continue;
            }
            let c = original[at..].chars().next().expect("a character boundary");
            let start = at;
            at += c.len_utf8();
            let Some(n) = canonical(c) else { continue };
            if n == ' ' && text.ends_with(' ') {
                continue;
            }
            text.push(n);
            origin.extend(std::iter::repeat_n(start, n.len_utf8()));
            ends.extend(std::iter::repeat_n(at, n.len_utf8()));
        }
        origin.push(original.len());
        Self { text, origin, ends }
    }

    /// The original byte range of the normalised range `[start, end)`: from
    /// the first matched character's original to just after the last one's.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin[start];
        let to = if end > start {
            self.ends[end - 1]
        } else {
            from
        };
        (from, to)
    }
}

/// Normalises a pattern (an alias or a cue) the same way, so that it matches
/// the normalised text.
pub fn normalize_pattern(s: &str) -> String {
    Normalized::new(s.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_breaking_hyphens_and_no_break_spaces_become_plain() {
        let t = "the Non\u{2011}Aligned\u{00A0}Movement said";
        let n = Normalized::new(t);
        assert_eq!(n.text, "the Non-Aligned Movement said");
        let start = n.text.find("Non").unwrap();
        let end = start + "Non-Aligned Movement".len();
        let (a, b) = n.original(start, end);
        assert_eq!(&t[a..b], "Non\u{2011}Aligned\u{00A0}Movement");
    }

    #[test]
    fn soft_line_breaks_and_double_spaces_collapse() {
        let t = "the Programme\n  of Action";
        let n = Normalized::new(t);
        assert_eq!(n.text, "the Programme of Action");
        let (a, b) = n.original(4, n.text.len());
        assert_eq!(&t[a..b], "Programme\n  of Action");
    }

    #[test]
    fn curly_quotes_become_straight_and_zero_width_characters_vanish() {
        let t = "Côte d\u{2019}Ivoire\u{200B} and \u{201C}x\u{201D}";
        let n = Normalized::new(t);
        assert_eq!(n.text, "Côte d'Ivoire and \"x\"");
        let (a, b) = n.original(0, "Côte d'Ivoire".len());
        assert_eq!(&t[a..b], "Côte d\u{2019}Ivoire");
    }
}
