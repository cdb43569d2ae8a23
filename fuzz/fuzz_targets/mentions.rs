//! Mentions in any text: never panic, sorted, non-overlapping, each on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_kg::input::SourceText;
use oewg_kg::mention::Mentions;

#[path = "shared.rs"]
mod shared;
use shared::{GAZETTEER, REFERENCE};

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    let source = SourceText::in_memory("fuzz", text, "2021-03");
    let mentions = Mentions::find(&source, &REFERENCE, &GAZETTEER);
    let mut last_end = 0;
    for m in &mentions.items {
        assert!(m.span.start >= last_end && m.span.start < m.span.end);
        let _ = m.span.of(text); // panics off a character boundary
        last_end = m.span.end;
    }
});
