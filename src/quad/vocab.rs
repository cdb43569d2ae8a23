//! Namespaces and terms of the contract (`CONTRACT.md`).

pub const OEWG: &str = "https://w3id.org/oewg-kg/ontology#";
pub const ID: &str = "https://w3id.org/oewg-kg/id/";
pub const GRAPH: &str = "https://w3id.org/oewg-kg/graph/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const VOID: &str = "http://rdfs.org/ns/void#";
pub const OA: &str = "http://www.w3.org/ns/oa#";
pub const SH: &str = "http://www.w3.org/ns/shacl#";
pub const DCAT: &str = "http://www.w3.org/ns/dcat#";
pub const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// Prefixes written by the Turtle/TriG/RDF-XML serialisers and offered to
/// SPARQL queries.
pub const PREFIXES: [(&str, &str); 13] = [
    ("oewg", OEWG),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("dcterms", DCTERMS),
    ("prov", PROV),
    ("org", ORG),
    ("skos", SKOS),
    ("void", VOID),
    ("oa", OA),
    ("sh", SH),
    ("wd", WIKIDATA),
];
