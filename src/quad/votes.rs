//! Recorded votes as RDF: one `oewg:RecordedVote` per vote a source reports,
//! one `oewg:Vote` per state it names, both in the source's graph and with
//! the same evidence as stances (source, verbatim quote, Web Annotation
//! selectors). The key of a vote comes from what was voted on, where, when
//! and the totals, so rebuilding gives the same IRIs.

use super::terms::*;
use super::vocab::*;
use super::{date_literal, evidence, iri, Labels, Sink};
use crate::fact::{RecordedVote, SourceFacts, VotedText};
use crate::mention::Entity;
use oxigraph::model::NamedNode;

/// A readable key and a label for a voted text.
fn text_key_and_label(t: &VotedText, labels: &Labels) -> (String, String) {
    match t {
        VotedText::Whole(e) => (labels.key(e), labels.of(e)),
        VotedText::Paragraph {
            of,
            number,
            preambular,
        } => {
            let (p, words) = if *preambular {
                ("pp", "preambular paragraph")
            } else {
                ("p", "paragraph")
            };
            (
                format!("{}-{p}{number}", labels.key(of)),
                format!("{}, {words} {number}", labels.of(of)),
            )
        }
    }
}

/// The IRI of a recorded vote: readable from its text, hashed over the
/// source, text, body, date and totals.
fn vote_iri(stem: &str, v: &RecordedVote, labels: &Labels) -> NamedNode {
    let keys: Vec<String> =
        v.on.iter()
            .map(|t| text_key_and_label(t, labels).0)
            .collect();
    let readable = if keys.is_empty() {
        "unknown-text".to_string()
    } else {
        keys.join("-")
    };
    let totals: String = v
        .counts
        .iter()
        .map(|(c, n)| format!("{}{n} ", c.name()))
        .collect();
    let hash = iri::digest(&[
        stem,
        &readable,
        v.body.as_deref().unwrap_or(""),
        v.date.as_deref().unwrap_or(""),
        &totals,
    ]);
    iri::recorded_vote(&readable, &hash)
}

/// The node of a voted text and its label; a voted paragraph gets its
/// paragraph quads here (the reference graph or the source's mentions hold
/// the whole texts).
fn voted_text(g: &mut Sink, t: &VotedText, labels: &Labels) -> (NamedNode, String) {
    let (_, text_label) = text_key_and_label(t, labels);
    let target = match t {
        VotedText::Whole(e) => iri::entity(e),
        VotedText::Paragraph {
            of,
            number,
            preambular,
        } => {
            let p = iri::voted_paragraph(of, *number, *preambular);
            // What the paragraph is, in the shared graph (see quad::source_and_proposals).
            g.shared(|g| {
                g.types(&p, &["Paragraph"]);
                g.str_v(&p, (RDFS, "label"), &text_label);
                g.add_v(&p, (DCTERMS, "isPartOf"), iri::entity(of));
                g.typed_v(&p, (OEWG, "number"), &number.to_string(), "integer");
                if *preambular {
                    g.str_v(&p, (OEWG, "section"), "preamble");
                }
            });
            p
        }
    };
    (target, text_label)
}

/// The quads of every recorded vote of a source.
pub(super) fn add(g: &mut Sink, facts: &SourceFacts, labels: &Labels) {
    for v in &facts.votes {
        let id = vote_iri(&facts.source.stem, v, labels);
        g.types(&id, &["RecordedVote"]);
        let mut texts = Vec::new();
        for t in &v.on {
            let (target, text_label) = voted_text(g, t, labels);
            g.add_v(&id, (OEWG, "votedOn"), target);
            texts.push(text_label);
        }
        let mut title = match texts.as_slice() {
            [] => "Recorded vote".to_string(),
            t => format!("Recorded vote on {}", t.join(" and ")),
        };
        if let Some(b) = &v.body {
            let body = Entity::Body(b.clone());
            g.add_v(&id, (OEWG, "inBody"), iri::entity(&body));
            title.push_str(&format!(" in the {}", labels.of(&body)));
        }
        if let Some(d) = v.date.as_deref().and_then(date_literal) {
            title.push_str(&format!(" ({})", d.value()));
            g.add_v(&id, (DCTERMS, "date"), d);
        }
        g.str_v(&id, (RDFS, "label"), &title);
        for (cast, n) in &v.counts {
            let p = match cast {
                crate::fact::Cast::Yes => "inFavourCount",
                crate::fact::Cast::No => "againstCount",
                crate::fact::Cast::Abstain => "abstentionCount",
            };
            g.typed(&id, o(p), &n.to_string(), "integer");
        }
        if v.count_mismatch {
            g.typed_v(&id, (OEWG, "countMismatch"), "true", "boolean");
        }
        for (e, t) in &v.titles {
            g.shared(|g| g.str_v(&iri::entity(e), (DCTERMS, "title"), t));
        }
        for &span in &v.evidence {
            evidence(g, &id, facts, span);
        }
        for sv in &v.votes {
            let state = Entity::State(sv.state.clone());
            let vid = iri::state_vote(&id, &sv.state);
            g.types(&vid, &["Vote"]);
            g.str_v(
                &vid,
                (RDFS, "label"),
                format!("{}: {} ({title})", labels.of(&state), sv.cast.name()),
            );
            g.add_v(&vid, (OEWG, "voter"), iri::entity(&state));
            g.add_v(&vid, (OEWG, "voteCast"), o(sv.cast.name()));
            g.add_v(&vid, (OEWG, "inRecordedVote"), id.clone());
            evidence(g, &vid, facts, sv.evidence);
        }
    }
}
