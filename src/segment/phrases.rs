//! Phrases where words start: every occurrence of a set of phrases (ASCII
//! letters in any case, other bytes exactly) that begins at the start of a
//! text or after a character that is not alphanumeric.
//!
//! The readers accept a phrase only where a word starts, and an
//! Aho-Corasick automaton over the whole text reports every occurrence
//! inside words as well ("he" in "the", "us" in "discuss"); over thousands
//! of names its table no longer fits the processor's cache, and it visited
//! every byte of every text. Looking the phrases up by their first two bytes
//! where a word starts costs a few comparisons per word. The occurrences
//! are the same as the automaton's (overlapping, every phrase), less those
//! that do not start a word.

use super::Span;

/// An occurrence of phrase number `phrase` at `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

/// A set of phrases in a trie of their ASCII-lower-cased bytes.
///
/// The trie is one array of `u32` words, a node's record followed by its
/// children's, depth first: the phrases ending there (`ends` range), the
/// number of children, then one word per child (its byte in the top 8 bits,
/// the offset of its record below). A walk down a name reads the node and
/// its edges in one place, and the next node just after; with nodes and
/// edges in two tables laid out breadth first, every step of a walk missed
/// the cache twice (looking phrases up was 12% of extraction, nearly all
/// of it waiting for memory).
#[derive(Debug, Clone)]
pub struct Phrases {
    /// The records; the root's is at offset 0.
    code: Vec<u32>,
    /// The root's child per byte (0: none), the one step every word takes.
    root: Vec<u32>,
    /// The phrases that end at each node, in their order.
    ends: Vec<u32>,
}

/// Words before a record's edges: ends start, ends end, edge count.
const HEAD: usize = 3;
/// Edge words keep a record's offset in their low 24 bits.
const OFFSET_BITS: u32 = 24;

impl Phrases {
    /// The index of `phrases`, numbered in order. An empty phrase is
    /// never found.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        // A trie of maps first, then laid out flat.
        let mut trie: Vec<(std::collections::BTreeMap<u8, u32>, Vec<u32>)> =
            vec![Default::default()];
        for (id, p) in phrases.into_iter().enumerate() {
            let id = u32::try_from(id).expect("fewer than 2^32 phrases");
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for b in p.bytes().map(|b| b.to_ascii_lowercase()) {
                let next = u32::try_from(trie.len()).expect("fewer than 2^32 nodes");
                let child = *trie[node].0.entry(b).or_insert(next);
                if child == next {
                    trie.push(Default::default());
                }
                node = child as usize;
            }
            trie[node].1.push(id);
        }
        // Depth first, children in byte order; each record's offset known
        // before any is written.
        let mut order = Vec::with_capacity(trie.len());
        let mut stack = vec![0usize];
        while let Some(node) = stack.pop() {
            order.push(node);
            stack.extend(trie[node].0.values().rev().map(|&n| n as usize));
        }
        let mut place = vec![0u32; trie.len()];
        let mut len = 0usize;
        for &node in &order {
            place[node] = u32::try_from(len)
                .ok()
                .filter(|&at| at < 1 << OFFSET_BITS)
                .expect("a trie of fewer than 2^24 words");
            len += HEAD + trie[node].0.len();
        }
        let (mut code, mut ends) = (Vec::with_capacity(len), Vec::new());
        for &node in &order {
            let (children, here) = &trie[node];
            code.push(ends.len() as u32);
            ends.extend_from_slice(here);
            code.push(ends.len() as u32);
            code.push(children.len() as u32);
            code.extend(
                children
                    .iter()
                    .map(|(&b, &n)| u32::from(b) << OFFSET_BITS | place[n as usize]),
            );
        }
        let mut root = vec![0u32; 256];
        for (&b, &n) in &trie[0].0 {
            root[usize::from(b)] = place[n as usize];
        }
        Self { code, root, ends }
    }

    /// The phrases that start at byte `at` of `text` and end by `end`,
    /// appended to `out` longest first (equal ones in their order).
    pub fn at(&self, text: &str, at: usize, end: usize, out: &mut Vec<Found>) {
        let bytes = &text.as_bytes()[..end];
        let Some(&first) = bytes.get(at) else {
            return;
        };
        let mut node = self.root[usize::from(first.to_ascii_lowercase())] as usize;
        let found = out.len();
        let mut i = at + 1;
        while node != 0 {
            let head = &self.code[node..node + HEAD];
            for &id in &self.ends[head[0] as usize..head[1] as usize] {
                out.push(Found {
                    start: at,
                    end: i,
                    phrase: id as usize,
                });
            }
            let Some(b) = bytes.get(i).map(u8::to_ascii_lowercase) else {
                break;
            };
            let edges = &self.code[node + HEAD..node + HEAD + head[2] as usize];
            node = match edges.binary_search_by_key(&b, |e| (e >> OFFSET_BITS) as u8) {
                Ok(k) => (edges[k] & ((1 << OFFSET_BITS) - 1)) as usize,
                Err(_) => 0,
            };
            i += 1;
        }
        if out.len() - found > 1 {
            out[found..].sort_unstable_by_key(|f| (std::cmp::Reverse(f.end), f.phrase));
        }
    }

    /// Every occurrence wholly inside `region` of `text` that starts a word
    /// of `text` (the character before it, inside or outside the region, is
    /// not alphanumeric), sorted by start, longest first.
    pub fn find(&self, text: &str, region: Span) -> Vec<Found> {
        Self::find_where(text, region, |_| self)
    }

    /// [`Phrases::find`] with the phrases looked up at each word start
    /// chosen by the word's first byte (a caller that knows which phrases
    /// cannot match after some bytes walks a smaller trie there).
    pub fn find_where<'p>(
        text: &str,
        region: Span,
        phrases_at: impl Fn(u8) -> &'p Phrases,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        let mut after_word = text[..region.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let bytes = text.as_bytes();
        let mut i = region.start;
        while i < region.end {
            let b = bytes[i];
            // ASCII without decoding: most of any text.
            let (alphanumeric, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = text[i..].chars().next().expect("a character boundary");
                (c.is_alphanumeric(), c.len_utf8())
            };
            if !after_word {
                phrases_at(b).at(text, i, region.end, &mut out);
            }
            after_word = alphanumeric;
            i += len;
        }
        out
    }
}

/// What an Aho-Corasick automaton over `phrases` finds in `text` where a
/// word starts, in its order (by end, longest first): what [`Phrases`]
/// must find, for tests.
#[cfg(test)]
pub fn by_automaton<'a>(phrases: impl IntoIterator<Item = &'a str>, text: &str) -> Vec<Found> {
    let ac = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(phrases)
        .unwrap();
    ac.find_overlapping_iter(text)
        .filter(|m| {
            !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            phrase: m.pattern().as_usize(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(p: &Phrases, text: &'t str, region: Span) -> Vec<(&'t str, usize, usize)> {
        p.find(text, region)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.start, f.phrase))
            .collect()
    }

    #[test]
    fn a_phrase_is_found_only_where_a_word_starts() {
        let p = Phrases::new(["he", "us", "the"]);
        let text = "He told the others; they discussed it with us.";
        // "he" in "the" and "us" in "discussed" start no word; where the
        // phrase ends is the caller's business ("the" of "they").
        assert_eq!(
            found(&p, text, Span::new(0, text.len())),
            [("He", 0, 0), ("the", 8, 2), ("the", 20, 2), ("us", 43, 1)]
        );
    }

    #[test]
    fn a_region_keeps_what_lies_inside_it_and_looks_before_it() {
        let p = Phrases::new(["not", "not in"]);
        let text = "xnot in; not in";
        assert_eq!(
            found(&p, text, Span::new(1, text.len())),
            [("not in", 9, 1), ("not", 9, 0)]
        );
        assert_eq!(found(&p, text, Span::new(9, 13)), [("not", 9, 0)]);
        let mut at = Vec::new();
        p.at(text, 1, text.len(), &mut at);
        assert_eq!(at.len(), 2, "asked for, a start inside a word is read");
    }

    #[test]
    fn each_word_start_walks_the_phrases_its_first_byte_chooses() {
        let all = Phrases::new(["Chad", "chair", "x"]);
        // The same numbering, with what cannot start a lower-case word left
        // out.
        let lower = Phrases::new(["", "chair", ""]);
        let text = "Chad chair chad x";
        let got: Vec<(&str, usize, usize)> =
            Phrases::find_where(text, Span::new(0, text.len()), |b| {
                if b.is_ascii_lowercase() {
                    &lower
                } else {
                    &all
                }
            })
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.start, f.phrase))
            .collect();
        assert_eq!(got, [("Chad", 0, 0), ("chair", 5, 1)]);
        assert_eq!(found(&all, text, Span::new(0, text.len())).len(), 4);
    }

    #[test]
    fn finds_what_an_automaton_finds_at_word_starts() {
        let phrases = [
            "not",
            "Not",
            "not in a position",
            "in",
            "a",
            "é",
            "ü-x",
            "x",
            "a b",
            "in a",
        ];
        let text = "Not in a position, NOT IN A POSITION: a b é ü-x x-ray \u{e9}a b";
        let mut want = by_automaton(phrases, text);
        want.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end), f.phrase));
        let got = Phrases::new(phrases).find(text, Span::new(0, text.len()));
        assert_eq!(got, want);
        assert!(got.len() > 15);
    }
}
