//! The one place that mints IRIs. Every template of `CONTRACT.md` is a
//! function here; keys come from content (codes, slugs, numbers, hashes of
//! evidence), never from run order, so rebuilding gives the same IRIs.

use super::vocab::{GRAPH, ID, OEWG};
use crate::mention::Entity;
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};

fn node(iri: String) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// Percent-encodes what may not appear in an IRI path segment.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_segment(&mut out, s);
    out
}

/// [`segment`] written at the end of `out`.
fn push_segment(out: &mut String, s: &str) {
    let safe = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    // Most segments (stems, codes, slugs) need no escape: copied whole
    // rather than a character at a time.
    if s.bytes().all(safe) {
        out.push_str(s);
        return;
    }
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || "-._~".contains(ch) {
            out.push(ch);
        } else {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push('%');
                push_hex(out, b, b"0123456789ABCDEF");
            }
        }
    }
}

/// `{ID}{kind}{segment(key)}`, written once into a string of the right
/// size: the IRIs a mapping mints for every fact (entities, evidence
/// spans) went through `format!` and a second string for the segment.
fn under_id(kind: &str, key: &str) -> String {
    let mut out = String::with_capacity(ID.len() + kind.len() + key.len() + 24);
    out.push_str(ID);
    out.push_str(kind);
    push_segment(&mut out, key);
    out
}

/// Two hexadecimal digits of `b`, from `digits` (upper or lower case).
fn push_hex(out: &mut String, b: u8, digits: &[u8; 16]) {
    out.push(char::from(digits[usize::from(b >> 4)]));
    out.push(char::from(digits[usize::from(b & 15)]));
}

/// `oewg:{local}`.
pub fn term(local: &str) -> NamedNode {
    node([OEWG, local].concat())
}

pub fn entity(e: &Entity) -> NamedNode {
    node(match e {
        Entity::State(code) => under_id("state/", code),
        Entity::Group(code) => under_id("group/", code),
        Entity::Person(slug) => under_id("person/", slug),
        Entity::Body(slug) => under_id("body/", slug),
        Entity::Resolution(key) => under_id("resolution/", key),
        Entity::Document(slug) => under_id("document/", slug),
        Entity::Policy(slug) => under_id("proposal/", slug),
    })
}

/// `id:resolution/{key}/adoption`: the General Assembly's recorded vote
/// adopting a resolution (an `oewg:RecordedVote` of the reference graph).
pub fn adoption_vote(resolution_key: &str) -> NamedNode {
    node(format!(
        "{ID}resolution/{}/adoption",
        segment(resolution_key)
    ))
}

/// The organisation that published a source (`dcterms:publisher`),
/// `id:organisation/{slug of its name}`.
pub fn organisation(name: &str) -> NamedNode {
    node(format!(
        "{ID}organisation/{}",
        segment(&crate::mention::slug(name))
    ))
}

pub fn paragraph(document: &str, number: u32) -> NamedNode {
    use std::fmt::Write;
    let mut iri = under_id("document/", document);
    write!(iri, "/p{number}").expect("writing to a string");
    node(iri)
}

/// `id:document/{slug}/p{n}-{letter}`: a sub-paragraph ("30 d)").
pub fn subparagraph(document: &str, number: u32, letter: &str) -> NamedNode {
    node(format!(
        "{ID}document/{}/p{number}-{}",
        segment(document),
        segment(letter)
    ))
}

pub fn source(stem: &str) -> NamedNode {
    node(under_id("source/", stem))
}

pub fn source_graph(stem: &str) -> NamedNode {
    node(format!("{GRAPH}{}", segment(stem)))
}

pub fn reference_graph() -> NamedNode {
    node(format!("{GRAPH}reference"))
}

/// Facts that span sources: alignments and outcomes.
pub fn corpus_graph() -> NamedNode {
    node(format!("{GRAPH}alignment"))
}

/// What many sources would each state about the same thing: paragraphs
/// (number, document, text, section), drafts and persons the reference
/// data does not know, publishers. One copy of each triple, so that a
/// paragraph quoted by a thousand reports is not a thousand times in the
/// union of the graphs.
pub fn shared_graph() -> NamedNode {
    node(format!("{GRAPH}shared"))
}

pub fn ontology_graph() -> NamedNode {
    node(format!("{GRAPH}ontology"))
}

/// The named graph of an RDF file added with `oewg-kg load`.
pub fn loaded_graph(name: &str) -> NamedNode {
    node(format!("{GRAPH}loaded/{}", segment(name)))
}

/// Whether a graph holds loaded RDF (kept across builds).
pub fn is_loaded_graph(graph: &str) -> bool {
    graph.starts_with(&format!("{GRAPH}loaded/"))
}

/// The VoID and DCAT description of the dataset.
pub fn void_graph() -> NamedNode {
    node(format!("{GRAPH}void"))
}

/// The dataset as a whole (`void:Dataset`, `dcat:Dataset`).
pub fn dataset() -> NamedNode {
    node(format!("{ID}dataset"))
}

/// A part of the dataset: `dataset/graph/{name}` for a named graph,
/// `dataset/class/{Class}` for a class partition.
pub fn dataset_part(kind: &str, name: &str) -> NamedNode {
    node(format!("{ID}dataset/{kind}/{}", segment(name)))
}

/// Short content hash for keys that have no natural name.
pub fn digest(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let mut out = String::with_capacity(10);
    for &b in &h.finalize()[..5] {
        push_hex(&mut out, b, b"0123456789abcdef");
    }
    out
}

/// `id:proposal/edit/{readable key}-{hash}`.
pub fn edit_proposal(readable: &str, hash: &str) -> NamedNode {
    let mut iri = under_id("proposal/edit/", readable);
    iri.extend(["-", hash]);
    node(iri)
}

pub fn stance(readable: &str, hash: &str) -> NamedNode {
    let mut iri = under_id("stance/", readable);
    iri.extend(["-", hash]);
    node(iri)
}

/// `id:vote/{readable key}-{hash}`: a recorded vote as one source reports it.
pub fn recorded_vote(readable: &str, hash: &str) -> NamedNode {
    let mut iri = under_id("vote/", readable);
    iri.extend(["-", hash]);
    node(iri)
}

/// `id:vote/{key}/{ISO}`: one named state's vote in a recorded vote.
pub fn state_vote(recorded: &NamedNode, code: &str) -> NamedNode {
    node(format!("{}/{}", recorded.as_str(), segment(code)))
}

/// A paragraph a vote names: an operative paragraph of a document is the
/// contract's `id:document/{slug}/p{n}`; a preambular one is `…/pp{n}`; a
/// resolution's paragraphs hang under the resolution the same way.
pub fn voted_paragraph(of: &Entity, number: u32, preambular: bool) -> NamedNode {
    let p = if preambular { "pp" } else { "p" };
    match of {
        Entity::Document(slug) if !preambular => paragraph(slug, number),
        e => node(format!("{}/{p}{number}", entity(e).as_str())),
    }
}

/// The Web Annotation target for a span of a source, and its two selectors.
pub fn evidence(stem: &str, start: usize, end: usize) -> [NamedNode; 3] {
    let base = evidence_target(stem, start, end);
    let (quote, position) = (
        format!("{}/quote", base.as_str()),
        format!("{}/position", base.as_str()),
    );
    [base, node(quote), node(position)]
}

/// The first of [`evidence`]'s IRIs alone: the span (every fact read from
/// it names it; its selectors are described once).
pub fn evidence_target(stem: &str, start: usize, end: usize) -> NamedNode {
    use std::fmt::Write;
    let mut iri = under_id("evidence/", stem);
    write!(iri, "/{start}-{end}").expect("writing to a string");
    node(iri)
}

/// The Web Annotation (`oa:Annotation`) that links a stance or proposal
/// (its body) to the span it was read from (its target).
pub fn annotation(target: &NamedNode, body: &NamedNode) -> NamedNode {
    let hash = digest(&[body.as_str()]);
    node([target.as_str(), "/annotation-", &hash].concat())
}

/// Whether `graph` is the graph of one source (not the ontology,
/// reference, alignment, VoID or a loaded graph).
pub fn is_source_graph(graph: &str) -> bool {
    graph.strip_prefix(GRAPH).is_some_and(|name| {
        !name.starts_with("loaded/")
            && !matches!(
                name,
                "ontology" | "reference" | "alignment" | "void" | "shared"
            )
    })
}

/// Whether a subject IRI is minted for one source: its text, evidence,
/// stances, edit proposals and recorded votes all carry the source's stem
/// (in the path or in their digest), so no other source's graph can state
/// the same triple about them. The dataset description counts their
/// triples directly instead of remembering them.
pub fn is_minted_per_source(subject: &str) -> bool {
    subject.strip_prefix(ID).is_some_and(|path| {
        ["source/", "evidence/", "stance/", "proposal/edit/", "vote/"]
            .iter()
            .any(|p| path.starts_with(p))
    })
}

/// `id:alignment/{from doc}/p{n}/{to doc}/p{m}` (reified `oewg:alignedWith`).
pub fn alignment(from: &NamedNode, to: &NamedNode) -> NamedNode {
    let tail = |n: &NamedNode| {
        n.as_str()
            .trim_start_matches(&format!("{ID}document/"))
            .to_string()
    };
    node(format!("{ID}alignment/{}/{}", tail(from), tail(to)))
}

/// `id:stance-agreement/{first}/{second}` (each `state-{code}` or
/// `group-{code}`: NAM is both): two actors' agreement in stances.
pub fn stance_agreement(first: &NamedNode, second: &NamedNode) -> NamedNode {
    let tail = |n: &NamedNode| n.as_str().trim_start_matches(ID).replacen('/', "-", 1);
    node(format!(
        "{ID}stance-agreement/{}/{}",
        tail(first),
        tail(second)
    ))
}

/// `id:agreement/{first code}-{second code}`: two states' voting agreement.
pub fn voting_agreement(first: &str, second: &str) -> NamedNode {
    node(format!(
        "{ID}agreement/{}-{}",
        segment(first),
        segment(second)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_templates() {
        assert_eq!(
            entity(&Entity::State("IRN".into())).as_str(),
            "https://w3id.org/oewg-kg/id/state/IRN"
        );
        assert_eq!(
            entity(&Entity::Resolution("43-78-H".into())).as_str(),
            "https://w3id.org/oewg-kg/id/resolution/43-78-H"
        );
        assert_eq!(
            paragraph("oewg-2021-final-report", 19).as_str(),
            "https://w3id.org/oewg-kg/id/document/oewg-2021-final-report/p19"
        );
        assert_eq!(
            source_graph("2021-03-oewg-final-report").as_str(),
            "https://w3id.org/oewg-kg/graph/2021-03-oewg-final-report"
        );
        assert_eq!(
            entity(&Entity::Policy("legally-binding-instrument".into())).as_str(),
            "https://w3id.org/oewg-kg/id/proposal/legally-binding-instrument"
        );
    }

    #[test]
    fn vote_templates() {
        let v = recorded_vote("a-c-1-79-l-12", "0a1b2c3d4e");
        assert_eq!(
            v.as_str(),
            "https://w3id.org/oewg-kg/id/vote/a-c-1-79-l-12-0a1b2c3d4e"
        );
        assert_eq!(
            state_vote(&v, "CHN").as_str(),
            "https://w3id.org/oewg-kg/id/vote/a-c-1-79-l-12-0a1b2c3d4e/CHN"
        );
        let draft = Entity::Document("a-c-1-79-l-12".into());
        assert_eq!(
            voted_paragraph(&draft, 5, false),
            paragraph("a-c-1-79-l-12", 5)
        );
        assert_eq!(
            voted_paragraph(&draft, 10, true).as_str(),
            "https://w3id.org/oewg-kg/id/document/a-c-1-79-l-12/pp10"
        );
        assert_eq!(
            voted_paragraph(&Entity::Resolution("77-37".into()), 2, false).as_str(),
            "https://w3id.org/oewg-kg/id/resolution/77-37/p2"
        );
    }

    #[test]
    fn unsafe_characters_are_encoded() {
        assert_eq!(
            source("my report").as_str(),
            "https://w3id.org/oewg-kg/id/source/my%20report"
        );
    }

    #[test]
    fn digest_depends_on_content_only() {
        assert_eq!(digest(&["a", "b"]), digest(&["a", "b"]));
        assert_ne!(digest(&["a", "b"]), digest(&["ab", ""]));
    }
}
