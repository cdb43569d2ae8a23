//! Content negotiation: which representation a client gets, from its
//! `Accept` header (RFC 9110 §12.5.1, with q-values) or an explicit
//! `format` parameter, which wins because browsers cannot set headers on a
//! link.

use crate::output::export::ExportFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// One media range of an `Accept` header and its quality.
#[derive(Debug, Clone, PartialEq)]
struct Range {
    kind: String,
    sub: String,
    q: f32,
}

/// Parses an `Accept` header; a missing or empty one accepts anything.
fn ranges(accept: Option<&str>) -> Vec<Range> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return vec![Range {
            kind: "*".into(),
            sub: "*".into(),
            q: 1.0,
        }];
    };
    accept
        .split(',')
        .filter_map(|part| {
            let mut params = part.split(';');
            let media = params.next()?.trim().to_ascii_lowercase();
            let (kind, sub) = media.split_once('/')?;
            let q = params
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some(Range {
                kind: kind.trim().to_string(),
                sub: sub.trim().to_string(),
                q,
            })
        })
        .collect()
}

/// The quality a client gives `media`: the most specific matching range
/// decides (`text/turtle` over `text/*` over `*/*`); 0 when none matches.
fn quality(ranges: &[Range], media: &str) -> f32 {
    let (kind, sub) = media.split_once('/').unwrap_or((media, ""));
    let mut best: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = match (r.kind.as_str(), r.sub.as_str()) {
            (k, s) if k == kind && s == sub => 3,
            (k, "*") if k == kind => 2,
            ("*", "*") => 1,
            _ => continue,
        };
        if best.is_none_or(|(sp, _)| specificity > sp) {
            best = Some((specificity, r.q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// Picks the offer the client prefers; ties go to the earlier offer (the
/// server's preference). `None` when nothing offered is acceptable.
pub fn choose<'a>(accept: Option<&str>, offers: &[&'a str]) -> Option<&'a str> {
    let ranges = ranges(accept);
    let mut best: Option<(&str, f32)> = None;
    for &o in offers {
        let q = quality(&ranges, o);
        if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
            best = Some((o, q));
        }
    }
    best.map(|(o, _)| o)
}

/// RDF formats offered for graphs, in the server's order of preference.
pub const RDF_MEDIA: [&str; 6] = [
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "application/trig",
    "application/n-quads",
];

/// Result formats offered for SELECT and ASK, in order of preference.
pub const RESULTS_MEDIA: [&str; 4] = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
];

/// Short names accepted by the `format` parameter (`?format=ttl`), as
/// `oewg-kg export --format` spells them, plus what SPARQL clients send.
pub fn named_format(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "ttl" | "turtle" => "text/turtle",
        "nt" | "ntriples" | "n-triples" => "application/n-triples",
        "jsonld" | "json-ld" => "application/ld+json",
        "rdfxml" | "rdf" | "xml-rdf" => "application/rdf+xml",
        "trig" => "application/trig",
        "nq" | "nquads" | "n-quads" => "application/n-quads",
        "json" | "srj" => "application/sparql-results+json",
        "xml" | "srx" => "application/sparql-results+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "html" => "text/html",
        "txt" | "text" => "text/plain",
        _ => return None,
    })
}

/// The export format of an offered RDF media type.
pub fn rdf_format(media: &str) -> ExportFormat {
    match media {
        "application/n-triples" => ExportFormat::Nt,
        "application/ld+json" => ExportFormat::Jsonld,
        "application/rdf+xml" => ExportFormat::Rdfxml,
        "application/trig" => ExportFormat::Trig,
        "application/n-quads" => ExportFormat::Nq,
        _ => ExportFormat::Ttl,
    }
}

/// The results format of an offered media type.
pub fn results_format(media: &str) -> QueryResultsFormat {
    QueryResultsFormat::from_media_type(media).unwrap_or(QueryResultsFormat::Json)
}

/// Picks among `offers` with a `format` parameter taking precedence over
/// the `Accept` header. A `format` naming something not offered is refused
/// (`Err` carries the allowed list) rather than silently ignored.
pub fn negotiate<'a>(
    format: Option<&str>,
    accept: Option<&str>,
    offers: &[&'a str],
) -> Result<Option<&'a str>, String> {
    if let Some(f) = format.filter(|f| !f.is_empty()) {
        let media = named_format(f).unwrap_or(f);
        return match offers.iter().find(|o| **o == media) {
            Some(o) => Ok(Some(*o)),
            None => Err(format!(
                "format {f:?} is not offered here; choose one of {}",
                offers.join(", ")
            )),
        };
    }
    Ok(choose(accept, offers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_gets_html_and_a_linked_data_client_gets_turtle() {
        let offers = ["text/html", "text/turtle", "application/ld+json"];
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(choose(Some(firefox), &offers), Some("text/html"));
        let rdf_client = "text/turtle;q=1.0,application/rdf+xml;q=0.9,*/*;q=0.1";
        assert_eq!(choose(Some(rdf_client), &offers), Some("text/turtle"));
        assert_eq!(
            choose(Some("application/ld+json"), &offers),
            Some("application/ld+json")
        );
    }

    #[test]
    fn no_accept_header_means_the_servers_first_choice() {
        assert_eq!(
            choose(None, &["text/turtle", "text/html"]),
            Some("text/turtle")
        );
        assert_eq!(choose(Some(""), &["text/html"]), Some("text/html"));
    }

    #[test]
    fn the_most_specific_range_decides_and_q_zero_refuses() {
        let accept = "text/*;q=0.5, text/csv;q=0, */*;q=0.1";
        assert_eq!(
            choose(Some(accept), &["text/csv", "application/json"]),
            Some("application/json")
        );
        assert_eq!(choose(Some("image/png"), &["text/html"]), None);
    }

    #[test]
    fn a_format_parameter_overrides_accept_and_unknown_ones_are_refused() {
        let offers = RDF_MEDIA;
        assert_eq!(
            negotiate(Some("nt"), Some("text/turtle"), &offers),
            Ok(Some("application/n-triples"))
        );
        assert!(negotiate(Some("png"), None, &offers).is_err());
        assert_eq!(
            negotiate(None, Some("application/trig"), &offers),
            Ok(Some("application/trig"))
        );
    }
}
