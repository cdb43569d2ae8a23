//! [`GraphTally`] of a graph while its quads are still ids into a table of
//! terms (see `quad::bag`): what a term contributes (its kind, whether it
//! was minted for one source, its hash as a subject, whether it is
//! `rdf:type`) is worked out once per term, not once per quad. Counted
//! from built `Quad`s, the tally hashed the text of a subject and of a
//! predicate into two sets for every quad of the corpus (3% of
//! extraction).

use super::{hash64, hash_of_triple, iri, GraphTally, OEWG, RDF};
use indexmap::set::Slice;
use oxigraph::model::Term;
use std::collections::BTreeMap;

/// Facts about one term, worked out at its first use.
const PREDICATE_SEEN: u8 = 1;
const SUBJECT_SEEN: u8 = 1 << 1;
const MINTED_KNOWN: u8 = 1 << 2;
const MINTED: u8 = 1 << 3;
const TYPE_KNOWN: u8 = 1 << 4;
const IS_TYPE: u8 = 1 << 5;

/// A subject term as [`super::triple_hash`] reads it: its kind and text.
fn subject_parts(t: &Term) -> (&str, &str) {
    match t {
        Term::NamedNode(n) => ("<", n.as_str()),
        Term::BlankNode(b) => ("_:", b.as_str()),
        _ => unreachable!("subjects are IRIs or blank nodes"),
    }
}

impl GraphTally {
    /// [`GraphTally::of_distinct`] of the quads among `quads` (subject,
    /// predicate, object, graph ids into `terms`, each once) whose graph
    /// is `graph`: the same tally, without building the quads first.
    pub(in crate::quad) fn of_ids(terms: &Slice<Term>, graph: u32, quads: &[[u32; 4]]) -> Self {
        let name = match &terms[graph as usize] {
            Term::NamedNode(g) => g.as_str().to_string(),
            Term::BlankNode(b) => format!("_:{}", b.as_str()),
            _ => unreachable!("graphs are IRIs or blank nodes"),
        };
        let per_source = iri::is_source_graph(&name);
        let rdf_type = [RDF, "type"].concat();
        let mut flags = vec![0u8; terms.len()];
        // The hash of a term as a shared subject, once worked out.
        let mut subject_hash: Vec<Option<u64>> = vec![None; terms.len()];
        let mut t = GraphTally {
            graph: name,
            ..Default::default()
        };
        let (mut triples, mut subjects) = (Vec::new(), Vec::new());
        let mut members: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for &[s, p, o, g] in quads {
            if g != graph {
                continue;
            }
            let (s, p, o) = (s as usize, p as usize, o as usize);
            t.quads += 1;
            let predicate = match &terms[p] {
                Term::NamedNode(n) => n.as_str(),
                _ => unreachable!("predicates are IRIs"),
            };
            if flags[p] & PREDICATE_SEEN == 0 {
                flags[p] |= PREDICATE_SEEN;
                t.properties.push(hash64(&[predicate]));
            }
            if flags[p] & TYPE_KNOWN == 0 {
                flags[p] |= TYPE_KNOWN | if predicate == rdf_type { IS_TYPE } else { 0 };
            }
            let (sk, subject) = subject_parts(&terms[s]);
            if flags[s] & MINTED_KNOWN == 0 {
                let minted = sk == "<" && iri::is_minted_per_source(subject);
                flags[s] |= MINTED_KNOWN | if minted { MINTED } else { 0 };
            }
            let minted = flags[s] & MINTED != 0;
            let class = match &terms[o] {
                Term::NamedNode(c) if flags[p] & IS_TYPE != 0 && c.as_str().starts_with(OEWG) => {
                    Some(c.as_str())
                }
                _ => None,
            };
            if per_source && minted {
                t.owned_triples += 1;
                if flags[s] & SUBJECT_SEEN == 0 {
                    flags[s] |= SUBJECT_SEEN;
                    t.owned_subjects += 1;
                }
                if let Some(c) = class {
                    match t.owned_members.get_mut(c) {
                        Some(n) => *n += 1,
                        None => {
                            t.owned_members.insert(c.to_string(), 1);
                        }
                    }
                }
                continue;
            }
            triples.push(hash_of_triple(sk, subject, predicate, &terms[o]));
            if minted {
                // About a subject of some source's own: counted there.
                continue;
            }
            let sh = *subject_hash[s].get_or_insert_with(|| hash64(&[sk, subject]));
            subjects.push(sh);
            if let Some(c) = class {
                members.entry(c.to_string()).or_default().push(sh);
            }
        }
        t.finish_shared(triples, subjects, members);
        t
    }
}
