//! Extraction and mapping of any one text: never panic, and every fact's
//! evidence span lies on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_kg::fact::SourceFacts;
use oewg_kg::input::SourceText;

#[path = "shared.rs"]
mod shared;
use shared::{GAZETTEER, REFERENCE};

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    let source = SourceText::in_memory("fuzz", text, "2021-03");
    let facts = SourceFacts::extract(source, &REFERENCE, &GAZETTEER);
    for s in &facts.stances {
        let _ = s.evidence.of(text);
    }
    for p in &facts.proposals {
        let _ = p.evidence.of(text);
    }
    oewg_kg::graph_quads(&[facts], &REFERENCE).expect("every text maps to quads");
});
