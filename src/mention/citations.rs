//! Citations of General Assembly resolutions and UN documents.
//!
//! Forms seen in reports: "resolution 70/237", "resolutions 73/27 and
//! 73/266", "A/RES/70/237", "UN GA Res/73/27", "A/RES/75 /240" (stray
//! space), "43/78(H)", footnote lists glued to the word before
//! ("them.3A/RES/58/32, A/RES/60/45"), document symbols "A/70/174",
//! "A/68/98*". A bare "2020/01" (a URL path) is never a citation: every
//! form needs a resolution keyword or an `A/` symbol prefix.

use super::Entity;
use crate::reference::Reference;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// One citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub span: Span,
    pub entity: Entity,
    /// The symbol as normalised, when the reference data does not know it.
    pub unknown_symbol: Option<String>,
}

/// `A/RES/70/237`, `Res/73/27`, `resolution 70/237`, `resolutions 73/27`.
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:
            (?i:\b(?P<kw>resolutions?)\s+(?:No\.?\s*)?(?:A/RES/)?)
          | (?:A/)?(?i:RES)/
        )
        (?P<s>\d{1,3})\s?/\s?(?P<n>\d{1,4})
        (?:\s?\((?P<l1>[A-Z])\)|\s(?P<l2>[A-Z])\b|(?P<l3>[A-Z])\b)?",
    )
    .unwrap()
});

/// Continuation of a list after "resolutions 73/27": ", 73/266" / "and 73/266".
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:A/RES/)?(?P<s>\d{1,3})\s?/\s?(?P<n>\d{1,4})(?:\s?\((?P<l1>[A-Z])\))?")
        .unwrap()
});

/// "resolution 27 of the 73rd session": number first, then the session.
static SESSION_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bresolution\s+(?P<n>\d{1,4})\s+(?:of|at|adopted at)\s+(?:the\s+)?(?P<s>\d{2})(?:st|nd|rd|th)\s+session\b").unwrap()
});

/// Document symbols `A/70/174`, `A/68/98*`, `A/AC.290/2021/CRP.3`, and the
/// drafts of the First Committee and the General Assembly, `A/C.1/79/L.12`,
/// `A/C.1/78/L.60/Rev.1`, `A/77/L.73`. A draft symbol names a document, never
/// a resolution: the resolution it becomes has a symbol of its own.
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"A/(?:(?P<ac>AC\.\d+/\d{4}/(?:CRP\.|WP\.|L\.)?\d+(?:/Rev\.\d)?)|(?P<draft>(?:C\.\d/)?\d{2}/L\.\d{1,3}(?:/Rev\.\d)?(?:/Add\.\d)?)|(?P<s>\d{2})/(?P<n>\d{1,4})\b)\*?")
        .unwrap()
});

/// Finds every resolution and document citation in `text`.
pub fn find_citations(text: &str, reference: &Reference) -> Vec<Citation> {
    let mut out = Vec::new();
    for c in RESOLUTION.captures_iter(text) {
        let m = c.get(0).unwrap();
        // "A/RES/…" glued to a footnote number is fine; glued to a letter is not.
        if c.name("kw").is_none()
            && text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let letter = c
            .name("l1")
            .or(c.name("l2"))
            .or(c.name("l3"))
            .map(|l| l.as_str());
        out.push(resolution(
            m.start(),
            m.end(),
            &c["s"],
            &c["n"],
            letter,
            reference,
        ));
        if c.name("kw")
            .is_some_and(|k| k.as_str().to_lowercase() == "resolutions")
        {
            let mut end = m.end();
            while let Some(li) = LIST_ITEM.captures(&text[end..]) {
                let whole = li.get(0).unwrap();
                let start = end + li.name("s").unwrap().start();
                let stop = end + whole.end();
                let letter = li.name("l1").map(|l| l.as_str());
                out.push(resolution(
                    start, stop, &li["s"], &li["n"], letter, reference,
                ));
                end = stop;
            }
        }
    }
    for c in SESSION_FORM.captures_iter(text) {
        let m = c.get(0).unwrap();
        out.push(resolution(
            m.start(),
            m.end(),
            &c["s"],
            &c["n"],
            None,
            reference,
        ));
    }
    for c in DOCUMENT.captures_iter(text) {
        let m = c.get(0).unwrap();
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        // A/RES/… is handled above.
        let symbol = match (c.name("ac").or(c.name("draft")), c.name("s"), c.name("n")) {
            (Some(ac), _, _) => format!("A/{}", ac.as_str()),
            (None, Some(s), Some(n)) => format!("A/{}/{}", s.as_str(), n.as_str()),
            _ => continue,
        };
        let entity_and_unknown = match reference.document_by_symbol(&symbol) {
            Some(d) => (Entity::Document(d.slug.clone()), None),
            None => (Entity::Document(symbol_slug(&symbol)), Some(symbol.clone())),
        };
        out.push(Citation {
            span: Span::new(m.start(), m.end()),
            entity: entity_and_unknown.0,
            unknown_symbol: entity_and_unknown.1,
        });
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

fn resolution(
    start: usize,
    end: usize,
    session: &str,
    number: &str,
    letter: Option<&str>,
    reference: &Reference,
) -> Citation {
    let key = match letter {
        Some(l) => format!("{session}-{number}-{l}"),
        None => format!("{session}-{number}"),
    };
    let unknown_symbol = reference
        .resolution(&key)
        .is_none()
        .then(|| format!("A/RES/{session}/{number}{}", letter.unwrap_or("")));
    Citation {
        span: Span::new(start, end),
        entity: Entity::Resolution(key),
        unknown_symbol,
    }
}

/// `A/AC.290/2021/CRP.3` → `a-ac-290-2021-crp-3`.
pub fn symbol_slug(symbol: &str) -> String {
    super::persons::slug(symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let r = Reference::load().unwrap();
        find_citations(text, &r)
            .into_iter()
            .map(|c| match c.entity {
                Entity::Resolution(k) => format!("res:{k}"),
                Entity::Document(d) => format!("doc:{d}"),
                e => format!("{e:?}"),
            })
            .collect()
    }

    #[test]
    fn every_resolution_form_the_reports_use() {
        assert_eq!(
            keys("General Assembly resolution 70/237, Member"),
            ["res:70-237"]
        );
        assert_eq!(keys("the UNGA resolution A/RES/75 /240."), ["res:75-240"]);
        assert_eq!(keys("based on UN GA Res/73/27 and"), ["res:73-27"]);
        assert_eq!(keys("consensus resolution 43/78(H) the"), ["res:43-78-H"]);
        assert_eq!(keys("Resolution A/RES/73/27."), ["res:73-27"]);
    }

    #[test]
    fn resolution_lists_continue_after_the_keyword() {
        assert_eq!(
            keys("General Assembly resolutions 73/27 and 73/266."),
            ["res:73-27", "res:73-266"]
        );
    }

    #[test]
    fn footnote_lists_glued_to_the_previous_word() {
        assert_eq!(
            keys("to address them.3A/RES/58/32, A/RES/60/45, A/RES/66/24."),
            ["res:58-32", "res:60-45", "res:66-24"]
        );
        assert_eq!(
            keys("(2010, 2013 and 20154A/65/201, A/68/98* and A/70/174. )"),
            [
                "doc:gge-2010-report",
                "doc:gge-2013-report",
                "doc:gge-2015-report"
            ]
        );
    }

    #[test]
    fn url_paths_and_dates_cite_nothing() {
        assert!(keys(
            "https://unoda-web.s3.amazonaws.com/wp-content/uploads/2020/01/background-paper.pdf"
        )
        .is_empty());
        assert!(keys("on 12/03/2021 and in 2015/16").is_empty());
    }

    #[test]
    fn a_resolution_named_by_number_and_session() {
        let r = Reference::load().unwrap();
        let c = find_citations(
            "as set out in resolution 27 of the 73rd session of the Assembly",
            &r,
        );
        assert_eq!(c[0].entity, Entity::Resolution("73-27".into()));
    }

    #[test]
    fn draft_symbols_are_documents_not_resolutions() {
        let r = Reference::load().unwrap();
        let c = find_citations(
            "Draft A/C.1/79/L.12, its revision A/C.1/78/L.60/Rev.1 and A/77/L.73 passed.",
            &r,
        );
        let got: Vec<_> = c.iter().map(|c| c.entity.clone()).collect();
        assert_eq!(
            got,
            [
                Entity::Document("a-c-1-79-l-12".into()),
                Entity::Document("a-c-1-78-l-60-rev-1".into()),
                Entity::Document("a-77-l-73".into()),
            ]
        );
        assert_eq!(c[1].unknown_symbol.as_deref(), Some("A/C.1/78/L.60/Rev.1"));
    }

    #[test]
    fn unknown_symbols_keep_their_symbol() {
        let r = Reference::load().unwrap();
        let c = &find_citations("see A/RES/99/1 and A/99/7", &r);
        assert_eq!(c[0].unknown_symbol.as_deref(), Some("A/RES/99/1"));
        assert_eq!(c[1].entity, Entity::Document("a-99-7".into()));
    }
}
