//! Mentions in any text: never panic, sorted, non-overlapping, each on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_kg::input::SourceText;
use oewg_kg::mention::{Gazetteer, Mentions};
use oewg_kg::reference::Reference;
use std::sync::LazyLock;

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::load().unwrap());
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(&REFERENCE));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
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
