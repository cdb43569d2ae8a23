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
    /// Where the normalised text comes from, piece by piece, in order. Most
    /// of a text is copied byte for byte, so a map kept per byte (two
    /// offsets for every byte, sixteen bytes of memory per byte of text,
    /// most of normalising's time spent faulting its pages in) holds
    /// little more than these pieces.
    pieces: Vec<Piece>,
    /// The length of the original text, where the end of the text maps.
    len: usize,
}

/// A piece of the normalised text starting at its byte `at`: bytes copied
/// one for one from original byte `from` on (`to` is `None`), or one
/// character respelled from original bytes `from..to`, to whose start and
/// end each of its bytes maps.
#[derive(Debug, Clone, Copy)]
struct Piece {
    at: usize,
    from: usize,
    to: Option<usize>,
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
        let mut n = Self {
            text: String::with_capacity(original.len()),
            pieces: Vec::new(),
            len: original.len(),
        };
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Printable ASCII is its own spelling: one byte each way, no
            // decoding (most of any report), copied a run at a time.
            let run = at;
            let mut after_space = n.text.ends_with(' ');
            while let Some(&b) = bytes.get(at) {
                if b.is_ascii_graphic() {
                    after_space = false;
                } else if b == b' ' && !after_space {
                    after_space = true;
                } else {
                    break;
                }
                at += 1;
            }
            if at > run {
                n.copy(&original[run..at], run);
                continue;
            }
            let c = original[at..].chars().next().expect("a character boundary");
            let start = at;
            at += c.len_utf8();
            let Some(c2) = canonical(c) else { continue };
            if c2 == ' ' && n.text.ends_with(' ') {
                continue;
            }
            match u8::try_from(c2) {
                Ok(b) if c.len_utf8() == 1 => n.copy(char::from(b).encode_utf8(&mut [0; 4]), start),
                _ => {
                    n.pieces.push(Piece {
                        at: n.text.len(),
                        from: start,
                        to: Some(at),
                    });
                    n.text.push(c2);
                }
            }
        }
        n
    }

    /// Appends ASCII `run`, which stands for the original bytes from
    /// `from` on, one for one.
    fn copy(&mut self, run: &str, from: usize) {
        debug_assert!(run.is_ascii());
        let at = self.text.len();
        let continues = self
            .pieces
            .last()
            .is_some_and(|p| p.to.is_none() && p.from + (at - p.at) == from);
        if !continues {
            self.pieces.push(Piece { at, from, to: None });
        }
        self.text.push_str(run);
    }

    /// The original start and end of the character normalised byte `i`
    /// (before the end of the text) comes from.
    fn origin(&self, i: usize) -> (usize, usize) {
        let p = self.pieces[self.pieces.partition_point(|p| p.at <= i) - 1];
        match p.to {
            None => (p.from + (i - p.at), p.from + (i - p.at) + 1),
            Some(to) => (p.from, to),
        }
    }

    /// The original byte range of the normalised range `[start, end)`: from
    /// the first matched character's original to just after the last one's.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let from = if start < self.text.len() {
            self.origin(start).0
        } else {
            self.len
        };
        let to = if end > start {
            self.origin(end - 1).1
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
    fn every_byte_maps_to_the_character_it_came_from() {
        let t = "ab\r\n  c\u{2011}d\u{200B}e\u{00e9}\u{201C}f\tg  ";
        let n = Normalized::new(t);
        assert_eq!(n.text, "ab c-de\u{e9}\"f g ");
        // (normalised byte, original start, original end of its character)
        let want = [
            (0, 0, 1),
            (1, 1, 2),
            (2, 2, 3),
            (3, 6, 7),
            (4, 7, 10),
            (5, 10, 11),
            (6, 14, 15),
            (7, 15, 17),
            (8, 15, 17),
            (9, 17, 20),
            (10, 20, 21),
            (11, 21, 22),
            (12, 22, 23),
            (13, 23, 24),
        ];
        for (i, from, to) in want {
            assert_eq!(n.original(i, i + 1), (from, to), "byte {i}");
        }
        assert_eq!(n.original(n.text.len(), n.text.len()), (t.len(), t.len()));
        assert_eq!(n.original(4, 4), (7, 7));
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
