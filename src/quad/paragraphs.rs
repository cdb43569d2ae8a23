//! What a source says about paragraphs and the entities only sources
//! name. What a paragraph or such an entity is goes to the shared graph
//! (once for the corpus); that this source quotes the paragraph stays in
//! the source's graph.

use super::vocab::{DCTERMS, OEWG, RDFS};
use super::{iri, Labels, Sink};
use crate::fact::SourceFacts;
use crate::mention::Entity;
use oxigraph::model::NamedNode;
use std::collections::BTreeSet;

/// Types, labels and symbols of the entities only sources name.
pub(super) fn ad_hoc(g: &mut Sink, facts: &SourceFacts) {
    for (e, adhoc) in &facts.ad_hoc {
        let id = iri::entity(e);
        let class: &[&str] = match e {
            Entity::Person(_) => &["Person", "Actor"],
            Entity::Document(_) => &["Document"],
            Entity::Resolution(_) => &["Resolution"],
            _ => &[],
        };
        g.types(&id, class);
        g.str_v(&id, (RDFS, "label"), &adhoc.label);
        if let Some(sym) = &adhoc.symbol {
            g.str_v(&id, (OEWG, "symbol"), sym);
        }
    }
}

/// The paragraphs a source gives or quotes. What a paragraph is (number,
/// document, text, section) goes to the shared graph, where a paragraph a
/// thousand reports quote is described once; that this source quotes it
/// (`oewg:quotedIn`) stays in the source's graph.
pub(super) fn paragraphs(g: &mut Sink, facts: &SourceFacts, labels: &Labels, src: &NamedNode) {
    let mut seen_par: BTreeSet<(&str, u32)> = BTreeSet::new();
    for p in &facts.paragraphs {
        let id = iri::paragraph(&p.document, p.number);
        g.shared(|g| {
            if seen_par.insert((&p.document, p.number)) {
                g.types(&id, &["Paragraph"]);
                let doc_label = labels.of(&Entity::Document(p.document.clone()));
                g.str_v(
                    &id,
                    (RDFS, "label"),
                    format!("{doc_label}, paragraph {}", p.number),
                );
                g.add_v(
                    &id,
                    (DCTERMS, "isPartOf"),
                    iri::entity(&Entity::Document(p.document.clone())),
                );
                g.typed_v(&id, (OEWG, "number"), &p.number.to_string(), "integer");
            }
            if let Some(t) = &p.text {
                g.str_v(&id, (OEWG, "text"), t);
            }
            if let Some(s) = &p.section {
                g.str_v(&id, (OEWG, "section"), s);
            }
            if let Some(rec) = p.recommendation {
                g.typed_v(
                    &id,
                    (OEWG, "isRecommendation"),
                    if rec { "true" } else { "false" },
                    "boolean",
                );
            }
        });
        if p.quoted {
            g.add_v(&id, (OEWG, "quotedIn"), src.clone());
        }
    }
}

/// A sub-paragraph node: a `Paragraph` with its parent's number, its
/// letter, and `dcterms:isPartOf` the parent.
pub(super) fn subparagraph(
    g: &mut Sink,
    labels: &Labels,
    doc: &str,
    n: u32,
    letter: &str,
    id: &NamedNode,
) {
    let doc_label = labels.of(&Entity::Document(doc.to_string()));
    g.types(id, &["Paragraph"]);
    g.str_v(
        id,
        (RDFS, "label"),
        format!("{doc_label}, paragraph {n} {letter})"),
    );
    g.add_v(id, (DCTERMS, "isPartOf"), iri::paragraph(doc, n));
    g.typed_v(id, (OEWG, "number"), &n.to_string(), "integer");
    g.str_v(id, (OEWG, "subParagraph"), letter);
}
