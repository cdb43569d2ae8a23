//! Cheap bookkeeping for large sources: byte offsets to code-point offsets
//! (what `oa:TextPositionSelector` counts) in constant time per lookup —
//! counting from the start of the text for every quote made a file with
//! thousands of quotes quadratic — and an order on quads that needs no
//! formatting.

use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use std::cmp::Ordering;

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

/// A term's parts for ordering: kind, then its lexical parts.
fn term_key(t: &Term) -> (u8, &str, &str, &str) {
    match t {
        Term::NamedNode(n) => (0, n.as_str(), "", ""),
        Term::BlankNode(b) => (1, b.as_str(), "", ""),
        Term::Literal(l) => (
            2,
            l.value(),
            l.datatype().as_str(),
            l.language().unwrap_or(""),
        ),
        #[allow(unreachable_patterns)]
        _ => (3, "", "", ""),
    }
}

fn subject_key(s: &NamedOrBlankNode) -> (u8, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str()),
    }
}

/// A total order on quads by subject, predicate, object and graph, compared
/// part by part (formatting each quad to compare them cost more than the
/// rest of the mapping).
pub fn quad_order(a: &Quad, b: &Quad) -> Ordering {
    subject_key(&a.subject)
        .cmp(&subject_key(&b.subject))
        .then_with(|| a.predicate.as_str().cmp(b.predicate.as_str()))
        .then_with(|| {
            let (ka, kb) = (term_key(&a.object), term_key(&b.object));
            match ka.cmp(&kb) {
                // Triple terms have no cheap key.
                Ordering::Equal if ka.0 == 3 => a.object.to_string().cmp(&b.object.to_string()),
                other => other,
            }
        })
        .then_with(|| graph_key(&a.graph_name).cmp(&graph_key(&b.graph_name)))
}

/// Quads in [`quad_order`], each once.
pub fn sort_and_dedup(quads: &mut Vec<Quad>) {
    quads.sort_unstable_by(quad_order);
    quads.dedup();
}

fn graph_key(g: &GraphName) -> (u8, &str) {
    match g {
        GraphName::NamedNode(n) => (0, n.as_str()),
        GraphName::BlankNode(b) => (1, b.as_str()),
        GraphName::DefaultGraph => (2, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn quads_sort_into_one_order_whatever_they_arrived_in() {
        let n = |s: &str| NamedNode::new(format!("https://example.org/{s}")).unwrap();
        let g = GraphName::from(n("g"));
        let quads = vec![
            Quad::new(n("b"), n("p"), Literal::new_simple_literal("x"), g.clone()),
            Quad::new(n("a"), n("p"), n("o"), g.clone()),
            Quad::new(
                n("a"),
                n("p"),
                Literal::new_language_tagged_literal("x", "en").unwrap(),
                g.clone(),
            ),
            Quad::new(n("a"), n("p"), n("o"), g.clone()),
        ];
        let mut one = quads.clone();
        let mut two: Vec<Quad> = quads.into_iter().rev().collect();
        one.sort_by(quad_order);
        two.sort_by(quad_order);
        one.dedup();
        two.dedup();
        assert_eq!(one, two);
        assert_eq!(one.len(), 3);
    }

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
