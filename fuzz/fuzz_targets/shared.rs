//! What every target needs: the reference data and gazetteer, built once,
//! and the input as text (bytes that are not UTF-8 are no report).

use oewg_kg::mention::Gazetteer;
use oewg_kg::reference::Reference;
use std::sync::LazyLock;

pub static REFERENCE: LazyLock<Reference> = LazyLock::new(|| Reference::load().unwrap());
#[allow(dead_code)]
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(&REFERENCE));

/// The input as a report text, if it is UTF-8.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
