//! Segmentation of any text: never panics, and every block and sentence is
//! a trimmed, non-empty span on character boundaries, sentences inside
//! their block, blocks in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_kg::segment::Segments;

#[path = "shared.rs"]
mod shared;
use shared::REFERENCE;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
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
