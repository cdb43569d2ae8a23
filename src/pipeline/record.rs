//! What a build keeps of each source once its text and facts are gone:
//! the corpus-wide step's input, the IRIs its outcomes attach to, the
//! source's share of the dataset description and a content hash. Kept in
//! the store too (`state.bin` beside the database), so a rebuild re-reads
//! only the sources that changed.

use super::agreement::CastVote;
use super::sides::Side;
use crate::fact::align::SourceDrafts;
use crate::input::SourceText;
use crate::quad::void::GraphTally;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One source, as a build remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub stem: String,
    /// The path it was read from, as given (for the manifest).
    pub path: String,
    /// [`content_hash`] of the text and its catalog row.
    pub hash: String,
    pub bytes: u64,
    pub proposals: u64,
    pub stances: u64,
    pub drafts: SourceDrafts,
    /// The IRI of each edit proposal, in the source's order.
    pub proposal_iris: Packed,
    /// The source graph's share of the dataset description.
    pub tally: GraphTally,
    /// What the source adds to the shared graph, counted the same way.
    pub shared: GraphTally,
    /// The states' votes its graph records, for the voting agreement.
    pub votes: Vec<CastVote>,
    /// The sides states and groups take in its graph, for the stance
    /// agreement.
    pub sides: Vec<Side>,
}

/// Strings kept in one buffer, their common beginning once: a record's
/// proposal IRIs (a million at 1 GB, all starting with the same 42
/// bytes) as `String`s weighed 145 bytes each with their headers and
/// allocations, packed about 35.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packed {
    /// What every string starts with.
    prefix: String,
    /// The rest of each, end to end.
    rests: String,
    /// Where each rest ends in `rests`.
    ends: Vec<u32>,
}

impl Packed {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th string, if there are that many.
    pub fn get(&self, i: usize) -> Option<String> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j] as usize);
        Some(format!("{}{}", self.prefix, &self.rests[start..end]))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Packed {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let all: Vec<S> = iter.into_iter().collect();
        let mut prefix = all.first().map_or("", |s| s.as_ref());
        for s in &all[1.min(all.len())..] {
            let common = prefix
                .char_indices()
                .zip(s.as_ref().chars())
                .find(|((_, a), b)| a != b)
                .map_or(prefix.len().min(s.as_ref().len()), |((i, _), _)| i);
            prefix = &prefix[..common];
        }
        let mut rests =
            String::with_capacity(all.iter().map(|s| s.as_ref().len() - prefix.len()).sum());
        let ends = all
            .iter()
            .map(|s| {
                rests.push_str(&s.as_ref()[prefix.len()..]);
                u32::try_from(rests.len()).expect("a source's IRIs stay under 4 GB")
            })
            .collect();
        Self {
            prefix: prefix.to_owned(),
            rests,
            ends,
        }
    }
}

/// SHA-256 of what a source's graph is made from: its text and its
/// catalog row (a new title or date changes the graph as much as new
/// words do).
pub fn content_hash(source: &SourceText) -> String {
    let meta = serde_json::to_string(&source.meta).unwrap_or_default();
    sha256_hex([
        source.stem.as_bytes(),
        meta.as_bytes(),
        source.text.as_bytes(),
    ])
}

/// SHA-256 in hex of `parts`, each ended by a zero byte (so that parts
/// cannot run into each other).
fn sha256_hex<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// What a store version was built from, for the next build to reuse.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    /// [`fingerprint`] of the program and reference data that wrote it: a
    /// rebuild reuses nothing written by another.
    pub fingerprint: String,
    /// Tallies of the graphs that are not sources (ontology, reference,
    /// loaded graphs).
    pub fixed: Vec<GraphTally>,
    /// Tally of the alignment graph (the hashes of all its triples).
    pub corpus: GraphTally,
    /// Tally of the dataset description (`graph/void`): a rebuild writes
    /// only the triples whose counts changed.
    pub void: GraphTally,
    /// One record per source, in stem order.
    pub sources: Vec<SourceRecord>,
}

impl State {
    /// Writes the state (streamed: a big corpus's state is never held
    /// twice).
    pub fn write(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        postcard::to_io(self, w)
            .map(drop)
            .map_err(std::io::Error::other)
    }
    /// `None` when the bytes are no state of this program (damaged, or
    /// written by another version: the build then starts afresh).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        postcard::from_bytes(bytes).ok()
    }
}

/// Identifies the extractor and its data: the program file itself (any
/// change to the code changes what a text yields) and the embedded
/// ontology and reference files.
pub fn fingerprint() -> String {
    use crate::reference::files;
    let exe = std::env::current_exe()
        .and_then(std::fs::read)
        .unwrap_or_default();
    let data = [
        files::STATES,
        files::GROUPS,
        files::BODIES,
        files::RESOLUTIONS,
        files::DOCUMENTS,
        files::PERSONS,
        files::POLICY_PROPOSALS,
        files::SOURCES,
        files::CUES,
        files::ONTOLOGY_TTL,
        files::SHAPES_TTL,
    ];
    sha256_hex(
        [env!("CARGO_PKG_VERSION").as_bytes(), &exe]
            .into_iter()
            .chain(data.iter().map(|f| f.as_bytes())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_changes_with_the_text_and_with_the_catalog_row() {
        let a = SourceText::in_memory("a", "Some words.", "2024");
        let mut b = a.clone();
        b.text.push(' ');
        let mut c = a.clone();
        c.meta.title = Some("A title".into());
        assert_eq!(content_hash(&a), content_hash(&a.clone()));
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
    }

    #[test]
    fn packed_strings_read_back_as_given() {
        let given = ["https://x/p/a-1", "https://x/p/a-22", "https://x/q/é", ""];
        for n in 0..=given.len() {
            let packed: Packed = given[..n].iter().collect();
            assert_eq!(packed.len(), n);
            let back: Vec<String> = (0..n).filter_map(|i| packed.get(i)).collect();
            assert_eq!(back, given[..n]);
            assert_eq!(packed.get(n), None);
        }
        let two: Packed = ["https://x/é1", "https://x/é2"].iter().collect();
        assert_eq!(two.prefix, "https://x/é");
    }

    #[test]
    fn a_state_reads_back_and_garbage_is_no_state() {
        let s = State {
            fingerprint: "f".into(),
            ..Default::default()
        };
        let mut bytes = Vec::new();
        s.write(&mut bytes).unwrap();
        assert_eq!(State::from_bytes(&bytes).unwrap().fingerprint, "f");
        assert!(State::from_bytes(b"\xff\xff\xff\xff\xff").is_none());
    }
}
