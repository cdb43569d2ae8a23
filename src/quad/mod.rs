//! Quads: the mapping from facts and reference data to RDF. Nothing else in
//! the crate builds RDF terms for the graph, and every IRI comes from
//! [`iri`].
//!
//! Layout: `graphs:ontology` holds `ontology/*.ttl`; `graphs:reference` the
//! gazetteer (states, groups, bodies, resolutions, documents, persons, policy
//! proposals); one graph per source holds what that source says, including
//! new entities only it names.

mod bag;
mod corpus;
pub mod iri;
mod offsets;
mod paragraphs;
mod record;
pub mod vocab;
pub mod void;
mod votes;

use crate::fact::{Citer, SourceFacts, StanceTarget};
use crate::mention::{AdHoc, Entity};
use crate::reference::{files, Reference};
use crate::segment::Span;
use bag::Bag;
use offsets::CodePoints;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;
use vocab::*;
use void::GraphTally;

pub use corpus::{
    agreements, alignments, corpus, outcomes, stance_agreements, StanceAgreement, VotingAgreement,
};
use paragraphs::{ad_hoc, paragraphs, subparagraph};

fn n(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked([ns, local].concat())
}

/// Well-known predicates and classes.
pub mod terms {
    use super::*;
    pub fn a() -> NamedNode {
        n(RDF, "type")
    }
    pub fn label() -> NamedNode {
        n(RDFS, "label")
    }
    pub fn comment() -> NamedNode {
        n(RDFS, "comment")
    }
    pub fn alt_label() -> NamedNode {
        n(SKOS, "altLabel")
    }
    pub fn same_as() -> NamedNode {
        n(OWL, "sameAs")
    }
    pub fn has_member() -> NamedNode {
        n(ORG, "hasMember")
    }
    pub fn is_part_of() -> NamedNode {
        n(DCTERMS, "isPartOf")
    }
    pub fn dc(local: &str) -> NamedNode {
        n(DCTERMS, local)
    }
    pub fn derived_from() -> NamedNode {
        n(PROV, "wasDerivedFrom")
    }
    pub fn attributed_to() -> NamedNode {
        n(PROV, "wasAttributedTo")
    }
    pub fn oa(local: &str) -> NamedNode {
        n(OA, local)
    }
    pub fn o(local: &str) -> NamedNode {
        iri::term(local)
    }
}
use terms::*;

/// Collects quads of one graph (and, for a source, of the shared graph).
struct Sink {
    /// The quads of both graphs, as ids of their terms.
    quads: Bag,
    /// The id of the graph quads go to now.
    graph: u32,
    /// The id of the other graph, the one [`Sink::shared`] switches to.
    other: u32,
    /// Code-point marks of the source text, made at the first quote.
    offsets: Option<CodePoints>,
    /// The evidence spans described already (graph id, start, end): the
    /// stances and proposals of one sentence share its span, and its
    /// target and selectors are the same quads each time.
    described: rustc_hash::FxHashSet<(u32, usize, usize)>,
    /// The ids of the vocabulary IRIs added through [`Sink::vocab`], by
    /// [`static_key`].
    vocab: rustc_hash::FxHashMap<[usize; 4], u32>,
    /// The id of the source's IRI, once an evidence has named it.
    source: Option<u32>,
}

/// A vocabulary IRI as its namespace and local name: the predicates and
/// classes every fact repeats (an evidence span alone adds some twenty
/// quads). Named this way, each is built and interned once per graph
/// instead of as a fresh `String` per quad, hashed, found in the table
/// and dropped again.
type Vocab = (&'static str, &'static str);

/// A vocabulary IRI's parts by address and length: hashing the text of
/// both for every quad cost more than the look-up saved. The same address
/// and length are the same static text; the same text at two addresses
/// is two keys for the one term id ([`Bag::term`] interns by text).
fn static_key((ns, local): Vocab) -> [usize; 4] {
    [
        ns.as_ptr() as usize,
        ns.len(),
        local.as_ptr() as usize,
        local.len(),
    ]
}

impl Sink {
    fn new(graph: NamedNode) -> Self {
        let mut quads = Bag::default();
        let graph = quads.term(graph.into());
        let other = quads.term(iri::shared_graph().into());
        Self {
            quads,
            graph,
            other,
            offsets: None,
            described: Default::default(),
            vocab: Default::default(),
            source: None,
        }
    }
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        let q = [
            self.quads.subject(s),
            self.quads.term(p.into()),
            self.quads.term(o.into()),
            self.graph,
        ];
        self.quads.add(q);
    }
    /// The id of vocabulary IRI `v`, interned the first time it is used.
    fn vocab(&mut self, v: Vocab) -> u32 {
        let key = static_key(v);
        if let Some(&id) = self.vocab.get(&key) {
            return id;
        }
        let id = self.quads.term(n(v.0, v.1).into());
        self.vocab.insert(key, id);
        id
    }
    /// [`Sink::add`] with a vocabulary predicate; the terms are interned
    /// in the same order (subject, predicate, object).
    fn add_v(&mut self, s: &NamedNode, p: Vocab, o: impl Into<Term>) {
        let q = [
            self.quads.subject(s),
            self.vocab(p),
            self.quads.term(o.into()),
            self.graph,
        ];
        self.quads.add(q);
    }
    /// [`Sink::add_v`] with a vocabulary object too (a class, a motivation).
    fn add_vv(&mut self, s: &NamedNode, p: Vocab, o: Vocab) {
        let q = [
            self.quads.subject(s),
            self.vocab(p),
            self.vocab(o),
            self.graph,
        ];
        self.quads.add(q);
    }
    /// The id of IRI `n`, moved into the table (for a subject or object
    /// a run of quads shares: added by id, never cloned per quad).
    fn node(&mut self, n: NamedNode) -> u32 {
        self.quads.term(n.into())
    }
    /// The id of the IRI of source `stem` (of this graph), made once.
    fn source_id(&mut self, stem: &str) -> u32 {
        match self.source {
            Some(id) => id,
            None => {
                let id = self.node(iri::source(stem));
                self.source = Some(id);
                id
            }
        }
    }
    /// The quad (`s`, `p`, `o`) of ids, with a vocabulary predicate.
    fn add_i(&mut self, s: u32, p: Vocab, o: u32) {
        let q = [s, self.vocab(p), o, self.graph];
        self.quads.add(q);
    }
    /// [`Sink::add_i`] with a vocabulary object (a class, a motivation).
    fn vv_i(&mut self, s: u32, p: Vocab, o: Vocab) {
        let o = self.vocab(o);
        self.add_i(s, p, o);
    }
    /// [`Sink::add_i`] with a plain literal.
    fn str_i(&mut self, s: u32, p: Vocab, v: impl Into<String>) {
        let o = self.quads.term(Literal::new_simple_literal(v).into());
        self.add_i(s, p, o);
    }
    /// [`Sink::add_i`] with a typed literal.
    fn typed_i(&mut self, s: u32, p: Vocab, v: &str, dt: &str) {
        let o = self
            .quads
            .term(Literal::new_typed_literal(v, n(XSD, dt)).into());
        self.add_i(s, p, o);
    }
    /// [`Sink::str`] with a vocabulary predicate (a `String` is moved into
    /// the literal, not copied).
    fn str_v(&mut self, s: &NamedNode, p: Vocab, v: impl Into<String>) {
        self.add_v(s, p, Literal::new_simple_literal(v));
    }
    /// [`Sink::typed`] with a vocabulary predicate.
    fn typed_v(&mut self, s: &NamedNode, p: Vocab, v: &str, dt: &str) {
        self.add_v(s, p, Literal::new_typed_literal(v, n(XSD, dt)));
    }
    /// Runs `f` with the shared graph as the target: what every source
    /// that names a paragraph, a draft or a publisher would repeat goes
    /// there once (see [`iri::shared_graph`]).
    fn shared<R>(&mut self, f: impl FnOnce(&mut Sink) -> R) -> R {
        std::mem::swap(&mut self.graph, &mut self.other);
        let r = f(self);
        std::mem::swap(&mut self.graph, &mut self.other);
        r
    }
    /// The distinct quads, in one order for the same additions.
    fn into_distinct(self) -> Vec<Quad> {
        self.quads.into_distinct()
    }
    /// The code-point offset of byte `byte` of `text`, the text of the
    /// source this graph is for.
    fn code_points(&mut self, text: &str, byte: usize) -> usize {
        self.offsets
            .get_or_insert_with(|| CodePoints::new(text))
            .at(text, byte)
    }
    fn str(&mut self, s: &NamedNode, p: NamedNode, v: &str) {
        self.add(s, p, Literal::new_simple_literal(v));
    }
    fn typed(&mut self, s: &NamedNode, p: NamedNode, v: &str, dt: &str) {
        self.add(s, p, Literal::new_typed_literal(v, n(XSD, dt)));
    }
    fn types(&mut self, s: &NamedNode, classes: &[&'static str]) {
        for c in classes {
            self.add_vv(s, (RDF, "type"), (OEWG, c));
        }
    }
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` as the matching XSD literal.
fn date_literal(d: &str) -> Option<Literal> {
    let dt = match d.len() {
        4 => "gYear",
        7 => "gYearMonth",
        10 => "date",
        _ => return None,
    };
    d.chars()
        .all(|c| c.is_ascii_digit() || c == '-')
        .then(|| Literal::new_typed_literal(d, n(XSD, dt)))
}

/// Labels of entities, from reference data or what a source said.
pub struct Labels<'a> {
    reference: &'a Reference,
    ad_hoc: &'a BTreeMap<Entity, AdHoc>,
}

impl<'a> Labels<'a> {
    pub fn new(reference: &'a Reference, ad_hoc: &'a BTreeMap<Entity, AdHoc>) -> Self {
        Self { reference, ad_hoc }
    }
    pub fn of(&self, e: &Entity) -> String {
        if let Some(a) = self.ad_hoc.get(e) {
            return a.label.clone();
        }
        let r = self.reference;
        match e {
            Entity::State(c) => r.state(c).map(|s| s.name.clone()),
            Entity::Group(c) => r
                .groups
                .iter()
                .find(|g| &g.code == c)
                .map(|g| g.name.clone()),
            Entity::Person(s) => r
                .persons
                .iter()
                .find(|p| &p.slug == s)
                .map(|p| p.name.clone()),
            Entity::Body(s) => r.body(s).map(|b| b.name.clone()),
            Entity::Resolution(k) => r.resolution(k).map(|x| format!("Resolution {}", x.symbol)),
            Entity::Document(s) => r.document(s).map(|d| d.name.clone()),
            Entity::Policy(s) => r
                .policy_proposals
                .iter()
                .find(|p| &p.slug == s)
                .map(|p| p.label.clone()),
        }
        .unwrap_or_else(|| format!("{e:?}"))
    }
    /// Short code of an actor, for readable keys.
    pub fn key(&self, e: &Entity) -> String {
        match e {
            Entity::State(_) | Entity::Group(_) => e.key().to_lowercase(),
            _ => e.key().to_string(),
        }
    }
}

/// The ontology graph: `ontology/oewg.ttl` and `ontology/shapes.ttl`.
pub fn ontology() -> Result<Vec<Quad>, oxigraph::io::RdfParseError> {
    let graph: GraphName = iri::ontology_graph().into();
    let mut out = Vec::new();
    // The Turtle parser names anonymous blank nodes at random; renaming them
    // in parse order keeps the export byte-for-byte reproducible.
    let mut names: BTreeMap<String, BlankNode> = BTreeMap::new();
    let mut rename = |t: BlankNode| -> BlankNode {
        let n = names.len();
        names
            .entry(t.as_str().to_string())
            .or_insert_with(|| BlankNode::new_unchecked(format!("ontology{n}")))
            .clone()
    };
    for (name, ttl) in [
        ("oewg.ttl", files::ONTOLOGY_TTL),
        ("shapes.ttl", files::SHAPES_TTL),
    ] {
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(format!("https://w3id.org/oewg-kg/ontology/{name}"))
            .expect("valid base IRI")
            .without_named_graphs()
            .with_default_graph(graph.clone());
        for q in parser.for_slice(ttl.as_bytes()) {
            let mut q = q?;
            if let NamedOrBlankNode::BlankNode(b) = &q.subject {
                q.subject = rename(b.clone()).into();
            }
            if let Term::BlankNode(b) = &q.object {
                q.object = rename(b.clone()).into();
            }
            out.push(q);
        }
    }
    Ok(out)
}

/// The reference graph.
pub fn reference(r: &Reference) -> Vec<Quad> {
    let mut g = Sink::new(iri::reference_graph());
    for s in &r.states {
        let id = iri::entity(&Entity::State(s.code.clone()));
        g.types(&id, &["State", "Actor"]);
        g.str_v(&id, (RDFS, "label"), &s.name);
        g.str_v(&id, (OEWG, "code"), &s.code);
        g.str_v(&id, (OEWG, "unStatus"), &s.status);
        g.add_v(&id, (OWL, "sameAs"), n(WIKIDATA, &s.wikidata));
        for al in &s.aliases {
            g.str_v(&id, (SKOS, "altLabel"), al);
        }
    }
    for gr in &r.groups {
        let id = iri::entity(&Entity::Group(gr.code.clone()));
        g.types(&id, &["Group", "Actor"]);
        g.str_v(&id, (RDFS, "label"), &gr.name);
        g.str_v(&id, (OEWG, "code"), &gr.code);
        for al in &gr.aliases {
            g.str_v(&id, (SKOS, "altLabel"), al);
        }
        for m in &gr.members {
            g.add_v(
                &id,
                (ORG, "hasMember"),
                iri::entity(&Entity::State(m.clone())),
            );
        }
    }
    for b in &r.bodies {
        let id = iri::entity(&Entity::Body(b.slug.clone()));
        g.types(&id, &["Body"]);
        g.str_v(&id, (RDFS, "label"), &b.name);
        for al in &b.aliases {
            g.str_v(&id, (SKOS, "altLabel"), al);
        }
        for res in &b.established_by {
            g.add_v(
                &id,
                (OEWG, "establishedBy"),
                iri::entity(&Entity::Resolution(res.clone())),
            );
        }
        for (p, v) in [("activeFrom", &b.active_from), ("activeTo", &b.active_to)] {
            if v.len() >= 4 {
                g.typed(&id, o(p), &v[..4], "integer");
            }
        }
    }
    for res in &r.resolutions {
        let id = iri::entity(&Entity::Resolution(res.key.clone()));
        g.types(&id, &["Resolution"]);
        g.str_v(&id, (RDFS, "label"), format!("Resolution {}", res.symbol));
        g.str_v(&id, (OEWG, "symbol"), &res.symbol);
        g.str_v(&id, (DCTERMS, "title"), &res.title);
        g.typed_v(&id, (OEWG, "year"), &res.year, "integer");
        g.add_v(
            &id,
            (PROV, "wasAttributedTo"),
            iri::entity(&Entity::Body("unga".into())),
        );
    }
    for d in &r.documents {
        let id = iri::entity(&Entity::Document(d.slug.clone()));
        g.types(&id, &["Document"]);
        g.str_v(&id, (RDFS, "label"), &d.name);
        if !d.symbol.is_empty() {
            g.str_v(&id, (OEWG, "symbol"), &d.symbol);
        }
        if !d.year.is_empty() {
            g.typed_v(&id, (OEWG, "year"), &d.year, "integer");
        }
        if !d.body.is_empty() {
            g.add_v(
                &id,
                (PROV, "wasAttributedTo"),
                iri::entity(&Entity::Body(d.body.clone())),
            );
        }
        if !d.next.is_empty() {
            g.add(
                &iri::entity(&Entity::Document(d.next.clone())),
                o("laterVersionOf"),
                id.clone(),
            );
        }
    }
    for p in &r.persons {
        let id = iri::entity(&Entity::Person(p.slug.clone()));
        g.types(&id, &["Person", "Actor"]);
        g.str_v(&id, (RDFS, "label"), &p.name);
        for al in &p.aliases {
            g.str_v(&id, (SKOS, "altLabel"), al);
        }
    }
    for p in &r.policy_proposals {
        let id = iri::entity(&Entity::Policy(p.slug.clone()));
        g.types(&id, &["PolicyProposal", "Proposal"]);
        g.str_v(&id, (RDFS, "label"), &p.label);
        if !p.comment.is_empty() {
            g.str_v(&id, (RDFS, "comment"), &p.comment);
        }
        for al in &p.aliases {
            g.str_v(&id, (SKOS, "altLabel"), al);
        }
    }
    record::record(&mut g, r);
    g.into_distinct()
}

/// Code-point offset of a byte offset (Web Annotation positions count
/// characters, not bytes).
/// Up to `n` characters before/after a span, for `oa:prefix`/`oa:suffix`.
fn context(text: &str, span: Span, n: usize) -> (String, String) {
    let before = &text[..span.start];
    let from = before
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(before.len(), |(i, _)| i);
    let after = &text[span.end..];
    let to = after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
    (before[from..].to_string(), after[..to].to_string())
}

/// Describes the evidence of `subject` (a stance, a proposal, a vote):
/// its quote, the text span as an `oa:SpecificResource` with its two
/// selectors, and the `oa:Annotation` linking the two. An evidence adds
/// some twenty quads over five IRIs of its own: each IRI is interned once
/// (moved into the table, not cloned per quad) and its quads are added by
/// id; the span's IRIs and labels are made only the first time the span
/// is described.
fn evidence(g: &mut Sink, subject: &NamedNode, facts: &SourceFacts, span: Span) {
    let text = &facts.source.text;
    let stem = &facts.source.stem;
    let exact = span.of(text);
    let (start, end) = (
        g.code_points(text, span.start),
        g.code_points(text, span.end),
    );
    // The span itself is described once per graph: another fact read from
    // the same span would add the same quads again, every term of them
    // added before (a graph's quads are a set, so leaving the repeats out
    // changes nothing).
    let first = g.described.insert((g.graph, span.start, span.end));
    let target_iri = iri::evidence_target(stem, start, end);
    let annotation_iri = iri::annotation(&target_iri, subject);
    let source = g.source_id(stem);
    let body = g.quads.subject(subject);
    g.add_i(body, (PROV, "wasDerivedFrom"), source);
    g.str_i(body, (OEWG, "quote"), exact);
    let target = g.node(target_iri);
    g.add_i(body, (OEWG, "evidence"), target);
    if first {
        g.vv_i(target, (RDF, "type"), (OA, "SpecificResource"));
        g.str_i(
            target,
            (RDFS, "label"),
            format!("Text span in {stem}, characters {start}-{end}"),
        );
        g.add_i(target, (OA, "hasSource"), source);
    }
    // The Web Annotation proper, so annotation clients find the evidence:
    // the stance or proposal is its body, the span its target.
    let annotation = g.node(annotation_iri);
    g.vv_i(annotation, (RDF, "type"), (OA, "Annotation"));
    g.str_i(
        annotation,
        (RDFS, "label"),
        format!("Evidence from {stem}, characters {start}-{end}"),
    );
    g.add_i(annotation, (OA, "hasBody"), body);
    g.add_i(annotation, (OA, "hasTarget"), target);
    g.vv_i(annotation, (OA, "motivatedBy"), (OA, "describing"));
    if !first {
        return;
    }
    let [_, quote_iri, pos_iri] = iri::evidence(stem, start, end);
    let (quote_sel, pos_sel) = (g.node(quote_iri), g.node(pos_iri));
    g.add_i(target, (OA, "hasSelector"), quote_sel);
    g.add_i(target, (OA, "hasSelector"), pos_sel);
    let (prefix, suffix) = context(text, span, 32);
    let place = format!("{stem}, characters {start}-{end}");
    g.vv_i(quote_sel, (RDF, "type"), (OA, "TextQuoteSelector"));
    g.str_i(
        quote_sel,
        (RDFS, "label"),
        format!("Quote selector, {place}"),
    );
    g.str_i(quote_sel, (OA, "exact"), exact);
    g.str_i(quote_sel, (OA, "prefix"), &prefix);
    g.str_i(quote_sel, (OA, "suffix"), &suffix);
    g.vv_i(pos_sel, (RDF, "type"), (OA, "TextPositionSelector"));
    g.str_i(
        pos_sel,
        (RDFS, "label"),
        format!("Position selector, {place}"),
    );
    // The Web Annotation vocabulary types offsets as non-negative integers.
    g.typed_i(
        pos_sel,
        (OA, "start"),
        &start.to_string(),
        "nonNegativeInteger",
    );
    g.typed_i(pos_sel, (OA, "end"), &end.to_string(), "nonNegativeInteger");
}

/// The IRI of each edit proposal of a source, in order.
pub fn edit_proposal_iris(facts: &SourceFacts, labels: &Labels) -> Vec<NamedNode> {
    facts
        .proposals
        .iter()
        .map(|p| {
            let doc = p.document.clone().unwrap_or_else(|| "text".into());
            let targets = if p.targets.is_empty() {
                String::new()
            } else {
                let first = p.targets[0];
                let last = *p.targets.last().unwrap();
                if first == last {
                    format!("-p{first}")
                } else {
                    format!("-p{first}-{last}")
                }
            };
            let readable = format!(
                "{}-{}{}-{}",
                labels.key(&p.proposer),
                doc,
                targets,
                p.action.name().to_lowercase()
            );
            let exact = p.evidence.of(&facts.source.text);
            let hash = iri::digest(&[
                &facts.source.stem,
                &readable,
                exact,
                p.removed.as_deref().unwrap_or(""),
                p.added.as_deref().unwrap_or(""),
            ]);
            iri::edit_proposal(&readable, &hash)
        })
        .collect()
}

/// One source's mapping ([`source_and_proposals`]).
pub struct SourceGraph {
    /// The quads of the source's graph and of the shared graph, each once.
    pub quads: Vec<Quad>,
    /// Whether each quad is in the source's graph (else the shared one).
    pub in_own: Vec<bool>,
    /// The tallies of the source's graph and of its part of the shared
    /// graph, counted before the quads were built.
    pub tally: GraphTally,
    pub shared: GraphTally,
    /// The IRIs of its edit proposals, in order ([`edit_proposal_iris`]).
    pub proposal_iris: Vec<NamedNode>,
}

/// The graph of one source, its tallies, and the IRIs of its edit
/// proposals ([`edit_proposal_iris`]): the build keeps those in the
/// source's record, and each costs a digest of its evidence, so they are
/// made once.
pub fn source_and_proposals(facts: &SourceFacts, r: &Reference) -> SourceGraph {
    let stem = &facts.source.stem;
    let mut g = Sink::new(iri::source_graph(stem));
    let labels = Labels::new(r, &facts.ad_hoc);
    let src = iri::source(stem);
    let meta = &facts.source.meta;
    let title = meta
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| stem.clone());
    g.types(&src, &["SourceText"]);
    g.str_v(&src, (RDFS, "label"), &title);
    // The text itself, so that evidence offsets can be resolved from the
    // data alone (and `serve` can show and serve it).
    g.str_v(&src, (OEWG, "fullText"), &facts.source.text);
    g.str_v(&src, (DCTERMS, "title"), &title);
    if let Some(d) = meta.date.as_deref().and_then(date_literal) {
        g.add_v(&src, (DCTERMS, "date"), d);
    }
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.is_empty()) {
        // A resource, not a string, so that sources of one publisher meet.
        let publisher = iri::organisation(p);
        g.add_v(&src, (DCTERMS, "publisher"), publisher.clone());
        g.shared(|g| {
            g.add_v(&publisher, (RDF, "type"), n(ORG, "Organization"));
            g.str_v(&publisher, (RDFS, "label"), p);
        });
    }
    if let Some(s) = meta.source.as_deref().filter(|s| !s.is_empty()) {
        match NamedNode::new(s) {
            Ok(node) => g.add_v(&src, (DCTERMS, "source"), node),
            Err(_) => g.str_v(&src, (DCTERMS, "source"), s),
        }
    }
    if let Some(k) = meta.kind.as_deref().filter(|k| !k.is_empty()) {
        g.str_v(&src, (OEWG, "kind"), k);
    }
    if let Some(d) = &facts.document {
        g.add_v(
            &src,
            (OEWG, "textOf"),
            iri::entity(&Entity::Document(d.clone())),
        );
    }
    // Entities the reference data does not know (several sources may name
    // the same draft): described in the shared graph.
    g.shared(|g| ad_hoc(g, facts));
    for e in &facts.mentioned {
        g.add_v(&src, (OEWG, "mentions"), iri::entity(e));
    }
    paragraphs(&mut g, facts, &labels, &src);
    for c in &facts.citations {
        let from = match &c.from {
            Citer::Paragraph { document, number } => iri::paragraph(document, *number),
            Citer::Source => src.clone(),
        };
        g.add_v(&from, (OEWG, "cites"), iri::entity(&c.to));
    }
    for c in &facts.chairs {
        g.add_v(
            &iri::entity(&c.person),
            (OEWG, "chairs"),
            iri::entity(&c.body),
        );
    }
    for e in &facts.established {
        g.add_v(
            &iri::entity(&e.body),
            (OEWG, "establishedBy"),
            iri::entity(&e.resolution),
        );
    }
    // Edit proposals.
    let proposal_iris = edit_proposal_iris(facts, &labels);
    for (p, id) in facts.proposals.iter().zip(&proposal_iris) {
        g.types(id, &["EditProposal", "Proposal"]);
        let where_ = match (&p.document, p.targets.is_empty()) {
            (Some(d), false) => format!(
                "{} paragraph{} {}",
                labels.of(&Entity::Document(d.clone())),
                if p.targets.len() > 1 { "s" } else { "" },
                p.targets
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (Some(d), true) => labels.of(&Entity::Document(d.clone())),
            (None, _) => p.section.clone().unwrap_or_else(|| "the text".into()),
        };
        g.str_v(
            id,
            (RDFS, "label"),
            format!(
                "{}: {} ({})",
                labels.of(&p.proposer),
                p.action.name(),
                where_
            ),
        );
        g.add_v(id, (OEWG, "proposedBy"), iri::entity(&p.proposer));
        g.add_v(id, (OEWG, "action"), o(p.action.name()));
        if let Some(d) = &p.document {
            for &t in &p.targets {
                let subs: Vec<&str> = p
                    .subparagraphs
                    .iter()
                    .filter(|(n, _)| *n == t)
                    .map(|(_, l)| l.as_str())
                    .collect();
                if subs.is_empty() {
                    g.add_v(id, (OEWG, "targets"), iri::paragraph(d, t));
                }
                for l in subs {
                    let sub = iri::subparagraph(d, t, l);
                    g.add_v(id, (OEWG, "targets"), sub.clone());
                    g.shared(|g| subparagraph(g, &labels, d, t, l, &sub));
                }
            }
        }
        if let Some(s) = &p.section {
            g.str_v(id, (OEWG, "targetSection"), s);
        }
        if let Some(t) = &p.removed {
            g.str_v(id, (OEWG, "removedText"), t);
        }
        if let Some(t) = &p.added {
            g.str_v(id, (OEWG, "addedText"), t);
        }
        if let Some(v) = &p.voiced_by {
            g.add_v(id, (OEWG, "voicedBy"), iri::entity(v));
        }
        evidence(&mut g, id, facts, p.evidence);
    }
    // Stances.
    for s in &facts.stances {
        let (target, target_key) = match &s.target {
            StanceTarget::Edit(i) => {
                let id = proposal_iris[*i].clone();
                let key = id.as_str().rsplit('/').next().unwrap_or("").to_string();
                (id, key)
            }
            StanceTarget::Policy(slug) => {
                (iri::entity(&Entity::Policy(slug.clone())), slug.clone())
            }
            StanceTarget::Body(slug) => (iri::entity(&Entity::Body(slug.clone())), slug.clone()),
        };
        let verb = match s.polarity {
            crate::fact::Polarity::Support => "supports",
            crate::fact::Polarity::Opposition => "opposes",
        };
        let readable = format!("{}-{verb}-{target_key}", labels.key(&s.actor));
        let hash = iri::digest(&[stem, &readable, s.evidence.of(&facts.source.text)]);
        let id = iri::stance(&readable, &hash);
        g.types(&id, &["Stance"]);
        let target_label = match &s.target {
            StanceTarget::Edit(i) => format!(
                "the proposal of {}",
                labels.of(&facts.proposals[*i].proposer)
            ),
            StanceTarget::Policy(slug) => labels.of(&Entity::Policy(slug.clone())),
            StanceTarget::Body(slug) => labels.of(&Entity::Body(slug.clone())),
        };
        g.str_v(
            &id,
            (RDFS, "label"),
            format!("{} {verb} {target_label}", labels.of(&s.actor)),
        );
        let actor = iri::entity(&s.actor);
        g.add_v(&id, (OEWG, "actor"), actor.clone());
        g.add_v(&id, (OEWG, "stance"), o(s.polarity.name()));
        g.add_v(&id, (OEWG, "on"), target.clone());
        if let Some(v) = &s.voiced_by {
            g.add_v(&id, (OEWG, "voicedBy"), iri::entity(v));
        }
        g.add(&actor, o(verb), target);
        evidence(&mut g, &id, facts, s.evidence);
    }
    votes::add(&mut g, facts, &labels);
    let bag::Tallied {
        quads,
        in_own,
        tallies: [tally, shared],
    } = g.quads.into_tallied(g.graph, g.other);
    SourceGraph {
        quads,
        in_own,
        tally,
        shared,
        proposal_iris,
    }
}
