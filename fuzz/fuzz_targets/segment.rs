//! Segmentation of any text: never panics, and every block and sentence is
//! a trimmed, non-empty span on character boundaries, sentences inside
//! their block, blocks in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_kg::reference::Reference;
use oewg_kg::segment::Segments;
use std::sync::LazyLock;

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::load().unwrap());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let segments = Segments::new(text, &REFERENCE);
    let mut last_end = 0;
    for b in &segments.blocks {
        assert!(b.span.start >= last_end && b.span.end <= text.len());
        let line = b.span.of(text);
        assert!(!line.is_empty() && line.trim() == line);
        for s in &b.sentences {
            assert!(b.span.contains(*s));
            assert!(!s.of(text).trim().is_empty());
        }
        last_end = b.span.end;
    }
    let _ = segments.numbered(text);
});
