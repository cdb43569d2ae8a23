//! Cheap bookkeeping for large sources: byte offsets to code-point offsets
//! (what `oa:TextPositionSelector` counts) in constant time per lookup —
//! counting from the start of the text for every quote made a file with
//! thousands of quotes quadratic.

/// Bytes between two checkpoints.
const STEP: usize = 4096;

/// The number of code points before every `STEP`-th byte of one text
/// (the text itself is given to each look-up).
pub struct CodePoints {
    /// `marks[k]`: code points before `floor_boundary(k * STEP)`.
    marks: Vec<usize>,
}

/// The largest character boundary at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        let (mut at, mut count) = (0, 0);
        for k in 0..=text.len() / STEP {
            let b = floor_boundary(text, k * STEP);
            count += text[at..b].chars().count();
            at = b;
            marks.push(count);
        }
        Self { marks }
    }

    /// Code points before byte offset `byte` (a character boundary) of
    /// `text`, the text these marks were made from.
    pub fn at(&self, text: &str, byte: usize) -> usize {
        let k = byte / STEP;
        let b = floor_boundary(text, k * STEP);
        self.marks[k] + text[b..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_from_the_start() {
        let text = "aé€😀\n".repeat(3000);
        let cp = CodePoints::new(&text);
        for (byte, _) in text.char_indices().step_by(7).chain([(text.len(), ' ')]) {
            assert_eq!(
                cp.at(&text, byte),
                text[..byte].chars().count(),
                "at {byte}"
            );
        }
    }
}
