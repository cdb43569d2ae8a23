//! The formal record in the reference graph: what the General Assembly
//! adopted, when, on whose draft and by what vote; which draft became which
//! resolution; who chaired which body; and, for every row that has them, its
//! Wikidata item and the pages its identifiers were checked against.
//!
//! Kept apart from the gazetteer mapping in `mod.rs` because none of it is
//! used to find mentions: it is the record that queries join extracted facts
//! with ("how did the states that tabled 73/27 vote on the PoA?").

use super::terms::*;
use super::vocab::*;
use super::{date_literal, iri, n, Sink};
use crate::mention::Entity;
use crate::reference::Reference;
use oxigraph::model::{Literal, NamedNode};

/// Adds the record of `r` to the reference graph `g`.
pub(super) fn record(g: &mut Sink, r: &Reference) {
    resolutions(g, r);
    for d in &r.documents {
        let id = iri::entity(&Entity::Document(d.slug.clone()));
        if !d.became_resolution.is_empty() {
            let res = iri::entity(&Entity::Resolution(d.became_resolution.clone()));
            g.add_v(&id, (OEWG, "becameResolution"), res);
        }
        sources(g, &id, &d.source);
    }
    for p in &r.persons {
        let id = iri::entity(&Entity::Person(p.slug.clone()));
        for body in &p.chairs {
            g.add_v(
                &id,
                (OEWG, "chairs"),
                iri::entity(&Entity::Body(body.clone())),
            );
        }
        wikidata_link(g, &id, &p.wikidata);
        sources(g, &id, &p.source);
    }
    for p in &r.sources {
        let Some(id) = entity(&p.kind, &p.key) else {
            continue;
        };
        // States carry their item in states.csv; sources.csv only documents it.
        if p.kind != "state" {
            wikidata_link(g, &id, &p.qid);
        }
        sources(g, &id, &p.source);
    }
}

fn resolutions(g: &mut Sink, r: &Reference) {
    let unga = iri::entity(&Entity::Body("unga".into()));
    for res in &r.resolutions {
        let id = iri::entity(&Entity::Resolution(res.key.clone()));
        let date = date_literal(&res.date);
        if let Some(d) = &date {
            g.add_v(&id, (DCTERMS, "date"), d.clone());
        }
        for code in &res.main_sponsor {
            g.add_v(
                &id,
                (OEWG, "mainSponsor"),
                iri::entity(&Entity::State(code.clone())),
            );
        }
        match res.without_vote.as_str() {
            "yes" => g.typed_v(&id, (OEWG, "adoptedWithoutVote"), "true", "boolean"),
            "no" => g.typed_v(&id, (OEWG, "adoptedWithoutVote"), "false", "boolean"),
            _ => {}
        }
        if let Some([yes, no, abstain]) = res.vote_totals() {
            let vote = iri::adoption_vote(&res.key);
            g.types(&vote, &["RecordedVote"]);
            g.str_v(
                &vote,
                (RDFS, "label"),
                format!("Adoption of {}", res.symbol),
            );
            g.add_v(&vote, (OEWG, "votedOn"), id.clone());
            g.add_v(&vote, (OEWG, "inBody"), unga.clone());
            if let Some(d) = &date {
                g.add_v(&vote, (DCTERMS, "date"), d.clone());
            }
            for (p, v) in [
                ("inFavourCount", yes),
                ("againstCount", no),
                ("abstentionCount", abstain),
            ] {
                g.add(
                    &vote,
                    o(p),
                    Literal::new_typed_literal(v, n(XSD, "integer")),
                );
            }
        }
        wikidata_link(g, &id, &res.wikidata);
        sources(g, &id, &res.source);
    }
}

/// The reference IRI of a `sources.csv` row, when its kind is known.
fn entity(kind: &str, key: &str) -> Option<NamedNode> {
    let e = match kind {
        "state" => Entity::State(key.into()),
        "group" => Entity::Group(key.into()),
        "body" => Entity::Body(key.into()),
        "resolution" => Entity::Resolution(key.into()),
        "document" => Entity::Document(key.into()),
        "person" => Entity::Person(key.into()),
        _ => return None,
    };
    Some(iri::entity(&e))
}

/// `owl:sameAs` the Wikidata item, when the row names one.
fn wikidata_link(g: &mut Sink, id: &NamedNode, qid: &str) {
    if !qid.is_empty() {
        g.add_v(id, (OWL, "sameAs"), n(WIKIDATA, qid));
    }
}

/// `dcterms:source` for each page a row was checked against.
fn sources(g: &mut Sink, id: &NamedNode, urls: &[String]) {
    for url in urls {
        if let Ok(page) = NamedNode::new(url) {
            g.add_v(id, (DCTERMS, "source"), page);
        }
    }
}
