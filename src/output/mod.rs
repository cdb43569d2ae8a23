//! Outputs: SPARQL answers, RDF exports (and, later, pictures), all read
//! from the store.

pub mod diff;
pub mod evaluate;
pub mod export;
pub mod file;
pub mod graph;
pub mod jsonld;
pub mod push;
pub mod query;
pub mod query_check;
pub mod table;
