//! Drafts the reference data does not know, named by description.
//!
//! Every session negotiates a text that `documents.csv` cannot list in
//! advance: "the zero draft", "Rev.3 of the draft APR", "the revised draft of
//! the third annual progress report", "the Chair's draft elements". Edit
//! proposals on such a draft still need a paragraph to point at, so each
//! description becomes a document entity. Its key is built from what the
//! description means, not how it is spelled — the body and year the text is
//! about, the draft's stage, its ordinal, its kind and its revision — so two
//! sources that discuss the same draft in different words meet on one node.
//! A description with a subject ("the draft resolution on a voluntary
//! fund") keys on its subject too: two drafts a committee votes on in one
//! session are two nodes, and the vote grammar, which reads the same
//! subject, lands on the node named here.

use super::{AdHoc, Entity, Mention, MentionKind};
use crate::segment::{Normalized, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::Regex;
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::Input;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A draft description. Every match holds the word "draft"; before it at
/// most [`RUNS_BEFORE`] runs of letters or digits joined by spaces, dots,
/// apostrophes and hyphens, after it at most [`RUNS_AFTER`] joined by the
/// same or "(" and ",". [`descriptions`] relies on both bounds.
static DRAFT: LazyLock<meta::Regex> = LazyLock::new(|| meta::Regex::new(DRAFT_PATTERN).unwrap());

const DRAFT_PATTERN: &str = r"(?xi)
    \b(?:(?:rev(?:ision)?\.?\s?(?P<rev1>\d)|(?P<revw>first|second|third)\s+revision)\s+(?:of|to)\s+)?
    (?:the\s+|a\s+|this\s+|our\s+)?
    (?:chair(?:'s|person's)?\s+|president's\s+)?
    (?P<stage>zero|first|second|third|fourth|revised|updated|final|advance|initial|new|pre)?[\s-]*
    draft\b
    (?:\s+(?:of\s+the\s+|of\s+)?
       (?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|final|annual|substantive)?\s*
       (?P<kind>annual\s+progress\s+report|progress\s+report|APR|report|resolution|decision|elements|outcome\s+document|convention|text|declaration|programme\s+of\s+work)\b)?
    (?:\s?(?:\(|,|-)?\s?(?:rev(?:ision)?\.?\s?(?P<rev2>\d)))?
    ";

/// The most runs of letters or digits a description has before "draft"
/// ("revision 3 of the chairperson's zero-draft": 7), with a margin.
const RUNS_BEFORE: usize = 8;
/// The most after it ("draft of the first annual progress report,
/// revision 3": 8), with a margin.
const RUNS_AFTER: usize = 10;

/// "draft" in any case: no other character folds to one of its letters.
static DRAFT_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["draft"])
        .expect("one literal")
});

/// Whether every known name overlapping `span` is a finished document
/// inside it: then the description names a draft of that document.
fn only_finished_inside(before: &[&Mention], span: Span, setting: &Setting) -> bool {
    let mut overlapping = before
        .iter()
        .rev()
        .filter(|k| k.span.end > span.start)
        .peekable();
    overlapping.peek().is_some()
        && overlapping.all(|k| {
            span.contains(k.span)
                && matches!(&k.entity, Entity::Document(d) if setting.finished.contains(d))
        })
}

/// One match of [`DRAFT`].
struct Found<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Found<'t> {
    fn name(&self, group: &str) -> Option<&'t str> {
        self.caps
            .get_group_by_name(group)
            .map(|s| &self.text[s.range()])
    }

    fn whole(&self) -> (usize, usize) {
        let m = self.caps.get_match().expect("a match");
        (m.start(), m.end())
    }
}

/// The matches of [`DRAFT`] in `text`, the same as iterating over all of
/// them would give, but the expression runs only on a window around each
/// "draft" (its Unicode word boundaries make the regex engine fall back to
/// a slow scan of the whole text otherwise). A match cannot start before
/// its window: its prefix is made of the joined runs the window takes in;
/// nor end after it. Look-around sees past the window (`Input::span`).
fn descriptions(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in DRAFT_WORD.find_iter(text) {
        if word.start() < pos {
            continue;
        }
        let from = window_start(text, pos, word.start());
        let to = window_end(text, word.end());
        let mut caps = DRAFT.create_captures();
        DRAFT.search_captures(&Input::new(text).span(from..to), &mut caps);
        let Some(m) = caps.get_match() else {
            continue;
        };
        // A match starting after this "draft" belongs to a later one,
        // which is searched in its own window.
        if m.start() > word.start() {
            continue;
        }
        pos = m.end();
        out.push(Found { text, caps });
    }
    out
}

/// Where a description holding the "draft" at `at` may start, not before
/// `floor`: back over [`RUNS_BEFORE`] runs of letters or digits joined by
/// spaces, dots, apostrophes and hyphens.
fn window_start(text: &str, floor: usize, at: usize) -> usize {
    let (mut runs, mut in_run, mut start) = (0, false, at);
    for (i, c) in text[floor..at].char_indices().rev() {
        if c.is_alphanumeric() {
            if !in_run {
                runs += 1;
                if runs > RUNS_BEFORE {
                    break;
                }
            }
            in_run = true;
        } else if c.is_whitespace() || matches!(c, '.' | '\'' | '-') {
            in_run = false;
        } else {
            break;
        }
        start = floor + i;
    }
    start
}

/// Where a description holding the "draft" that ends at `at` ends at the
/// latest: forward over [`RUNS_AFTER`] runs joined by spaces, dots,
/// apostrophes, hyphens, "(" and ",".
fn window_end(text: &str, at: usize) -> usize {
    let (mut runs, mut in_run) = (0, false);
    for (i, c) in text[at..].char_indices() {
        if c.is_alphanumeric() {
            if !in_run {
                runs += 1;
                if runs > RUNS_AFTER {
                    return at + i;
                }
            }
            in_run = true;
        } else if c.is_whitespace() || matches!(c, '.' | '\'' | '-' | '(' | ',') {
            in_run = false;
        } else {
            return at + i;
        }
    }
    text.len()
}

/// Words that end the subject of a description ("the draft resolution on
/// a fund was adopted"): verbs, relative words, "by" of a vote. The vote
/// grammar ends the descriptions it reads at the same words.
pub const SUBJECT_STOPS: [&str; 22] = [
    "was", "were", "is", "are", "has", "have", "had", "be", "been", "being", "which", "that",
    "who", "by", "adopted", "approved", "passed", "rejected", "with", "will", "would", "after",
];

/// Longest subject kept, in words.
const SUBJECT_WORDS: usize = 16;

/// "on" followed by a date is when, not what: "the draft on Monday".
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|behalf)\b)").unwrap()
});

/// The subject a description names after "on", as a byte range of `text`
/// from `at`: words up to a stop word or a punctuation mark other than
/// parentheses, dashes and apostrophes. None without "on", or when a date
/// follows it.
fn subject_after(text: &str, at: usize) -> Option<(usize, usize)> {
    static ON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+(?i:on)\s+").unwrap());
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[(\p{L}\p{N}][\p{L}\p{N}()'\-–]*").unwrap());
    let start = at + ON.find(&text[at..])?.end();
    if WHEN.is_match(&text[start..]) {
        return None;
    }
    let mut end = start;
    for w in WORD.find_iter(&text[start..]).take(SUBJECT_WORDS) {
        let gap = &text[end..start + w.start()];
        if !gap.trim().is_empty() || SUBJECT_STOPS.contains(&w.as_str().to_lowercase().as_str()) {
            break;
        }
        end = start + w.end();
    }
    (end > start).then_some((start, end))
}

/// Where the text places its drafts: the body under discussion and the year.
#[derive(Debug, Clone, Default)]
pub struct Setting {
    /// Slugs of bodies with the span of each mention, in text order (by
    /// where each ends).
    pub bodies: Vec<(Span, String)>,
    pub year: Option<String>,
    /// Documents the reference data lists that are not drafts (reports,
    /// summaries): "the zero draft of the third annual progress report"
    /// is a draft of one, not the report itself.
    pub finished: std::collections::HashSet<String>,
}

impl Setting {
    /// The body named last before `at`, else the first one named after it
    /// (`bodies` in text order: found by binary search).
    fn body_at(&self, at: usize) -> Option<&str> {
        let before = self.bodies.partition_point(|(s, _)| s.end <= at);
        before
            .checked_sub(1)
            .and_then(|i| self.bodies.get(i))
            .or_else(|| self.bodies.first())
            .map(|(_, b)| b.as_str())
    }
}

fn ordinal(w: &str) -> &str {
    match w {
        "1st" => "first",
        "2nd" => "second",
        "3rd" => "third",
        "4th" => "fourth",
        "5th" => "fifth",
        w => w,
    }
}

/// The normalised key of one description, without body and year.
fn description_key(c: &Found) -> Option<String> {
    let lower = |name: &str| c.name(name).map(str::to_lowercase);
    let stage = lower("stage").map(|s| if s == "updated" { "revised".into() } else { s });
    let ord = lower("ord");
    let kind = lower("kind").map(|k| {
        let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
        match k.as_str() {
            "apr" | "progress report" => "annual progress report".to_string(),
            k => k.to_string(),
        }
    });
    let rev = lower("rev1").or_else(|| lower("rev2")).or_else(|| {
        lower("revw").map(|w| {
            match w.as_str() {
                "first" => "1",
                "second" => "2",
                _ => "3",
            }
            .to_string()
        })
    });
    // A bare "draft" names a draft only after "the" and before a pause:
    // "paragraph 5 of the draft." — not "to draft a text".
    let (start, end) = c.whole();
    let whole = c.text[start..end].to_lowercase();
    if stage.is_none() && kind.is_none() && rev.is_none() && !whole.starts_with("the ") {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    parts.extend(stage);
    parts.push("draft".into());
    if let Some(o) = ord {
        let o = ordinal(&o).to_string();
        if kind.as_deref() != Some("annual progress report") || o != "annual" {
            parts.push(o);
        }
    }
    parts.extend(kind);
    if let Some(r) = rev {
        parts.push(format!("rev{r}"));
    }
    Some(slugify(&parts.join(" ")))
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// [`find_drafts_in`] normalising `text` itself.
#[cfg(test)]
fn find_drafts(text: &str, setting: &Setting, known: &[Mention]) -> Vec<(Mention, AdHoc)> {
    find_drafts_in(&Normalized::new(text), text, setting, known)
}

/// Draft descriptions in `text` (`normalized`: its normalised copy, made
/// once for every finder) that do not overlap a mention already found, each
/// as a document mention with the label the source used. A description
/// without a subject ("paragraph 5 of the draft resolution") after one with
/// a subject and the same body, year and kind ("the draft resolution on a
/// fund") means the draft named last with it.
pub fn find_drafts_in(
    normalized: &Normalized,
    text: &str,
    setting: &Setting,
    known: &[Mention],
) -> Vec<(Mention, AdHoc)> {
    // Known mentions by start, with the furthest end so far: overlap and
    // "followed by its symbol" are binary searches, not a scan per draft.
    let mut sorted: Vec<&Mention> = known.iter().collect();
    sorted.sort_by_key(|k| (k.span.start, k.span.end));
    let furthest: Vec<usize> = sorted
        .iter()
        .scan(0, |end, k| {
            *end = (*end).max(k.span.end);
            Some(*end)
        })
        .collect();
    // The slug without its subject → the last draft named with one.
    let mut with_subject: HashMap<String, (String, String)> = HashMap::new();
    let mut out = Vec::new();
    for c in descriptions(&normalized.text) {
        let Some(key) = description_key(&c) else {
            continue;
        };
        let (m_start, m_end) = c.whole();
        let (start, end) = normalized.original(m_start, m_end);
        let span = Span::new(start, end);
        // A description overlapping a known name, or followed by the
        // draft's symbol ("the draft resolution A/C.1/79/L.12"), is that
        // document already.
        let before_end = sorted.partition_point(|k| k.span.start < span.end);
        let overlaps = before_end > 0
            && furthest[before_end - 1] > span.start
            && !only_finished_inside(&sorted[..before_end], span, setting);
        let symbol_follows = sorted[before_end..]
            .iter()
            .take_while(|k| text[span.end..k.span.start].trim().len() <= 2)
            .any(|k| matches!(k.entity, Entity::Document(_)));
        if overlaps || symbol_follows {
            continue;
        }
        let base = [setting.body_at(start), setting.year.as_deref(), Some(&key)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("-");
        let (slug, label) = match subject_after(&normalized.text, m_end) {
            Some((s, e)) => {
                let slug = format!("{base}-on-{}", slugify(&normalized.text[s..e]));
                let label = label_of(Span::new(start, normalized.original(s, e).1).of(text));
                with_subject.insert(base, (slug.clone(), label.clone()));
                (slug, label)
            }
            None => with_subject
                .get(&base)
                .cloned()
                .unwrap_or_else(|| (base, label_of(span.of(text)))),
        };
        out.push((
            Mention {
                span,
                entity: Entity::Document(slug),
                kind: MentionKind::Name,
                alternatives: Vec::new(),
            },
            AdHoc {
                label,
                symbol: None,
            },
        ));
    }
    out
}

/// The words of a description as a label, without a leading article.
fn label_of(words: &str) -> String {
    let label = words.trim_start_matches(|c: char| !c.is_alphanumeric());
    label
        .strip_prefix("the ")
        .or_else(|| label.strip_prefix("The "))
        .unwrap_or(label)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_around_each_draft_find_what_a_search_of_the_whole_text_finds() {
        let whole = Regex::new(DRAFT_PATTERN).unwrap();
        for text in [
            "The  zero   draft and the revision 3 of the chairperson's zero-draft.",
            "They redraft the draft_ and the draftsman's draft of the draft resolution.",
            "Rev.2 of the draft APR, the draft of the first annual progress report, revision 3",
            "a draft (Rev. 1), the final draft-rev 2; «draft» — the draft\u{2028}report",
            "one two three four five six seven eight nine ten draft draft draft",
            "Entwurf: the pre-draft, the updated draft elements, this draft decision.",
        ] {
            let want: Vec<(usize, usize)> = whole
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = descriptions(text).iter().map(Found::whole).collect();
            assert_eq!(got, want, "{text}");
            assert!(!got.is_empty());
        }
    }

    fn keys(text: &str, year: Option<&str>) -> Vec<String> {
        let setting = Setting {
            bodies: vec![(Span::new(0, 0), "oewg-2021-2025".into())],
            year: year.map(str::to_string),
            finished: Default::default(),
        };
        find_drafts(text, &setting, &[])
            .into_iter()
            .map(|(m, _)| m.entity.key().to_string())
            .collect()
    }

    #[test]
    fn the_same_draft_in_different_words_gets_one_key() {
        let a = keys("We looked at Rev.3 of the draft APR today.", Some("2024"));
        let b = keys(
            "On the draft annual progress report (Rev. 3), we",
            Some("2024"),
        );
        assert_eq!(a, ["oewg-2021-2025-2024-draft-annual-progress-report-rev3"]);
        assert_eq!(a, b);
    }

    #[test]
    fn stage_ordinal_and_kind_are_kept() {
        assert_eq!(
            keys("the zero draft of the second annual progress report", None),
            ["oewg-2021-2025-zero-draft-second-annual-progress-report"]
        );
        assert_eq!(
            keys("the Chair's revised draft report", Some("2023")),
            ["oewg-2021-2025-2023-revised-draft-report"]
        );
    }

    #[test]
    fn drafting_is_not_a_draft() {
        assert!(keys("States began to draft a text; drafting continues.", None).is_empty());
    }

    #[test]
    fn a_bare_draft_needs_its_article() {
        assert_eq!(
            keys("paragraph 5 of the draft.", Some("2022")),
            ["oewg-2021-2025-2022-draft"]
        );
    }

    #[test]
    fn the_label_is_the_sources_words() {
        let setting = Setting::default();
        let got = find_drafts("about the revised\u{00A0}draft report.", &setting, &[]);
        assert_eq!(got[0].1.label, "revised\u{00A0}draft report");
    }

    #[test]
    fn a_subject_after_on_is_part_of_the_key_and_the_label() {
        let text = "We back the draft resolution on a glossary of ICT terms, as before.";
        let got = find_drafts(text, &Setting::default(), &[]);
        assert_eq!(
            got[0].0.entity.key(),
            "draft-resolution-on-a-glossary-of-ict-terms"
        );
        assert_eq!(
            got[0].1.label,
            "draft resolution on a glossary of ICT terms"
        );
        assert_eq!(
            got[0].0.span.of(text),
            "the draft resolution",
            "the span stays the noun"
        );
    }

    #[test]
    fn a_subject_ends_at_a_verb_and_on_a_date_is_no_subject() {
        assert_eq!(
            keys("The draft decision on points of contact was adopted.", None),
            ["oewg-2021-2025-draft-decision-on-points-of-contact"]
        );
        assert_eq!(
            keys(
                "The draft report on Monday and the draft on 3 May.",
                Some("2023")
            ),
            [
                "oewg-2021-2025-2023-draft-report",
                "oewg-2021-2025-2023-draft"
            ]
        );
    }

    #[test]
    fn a_bare_description_after_one_with_a_subject_is_that_draft() {
        let got = keys(
            "We back the draft resolution on a fund for small States. Then the draft resolution on a glossary of ICT terms was read. Paragraph 5 of the draft resolution should go.",
            None,
        );
        assert_eq!(
            got,
            [
                "oewg-2021-2025-draft-resolution-on-a-fund-for-small-states",
                "oewg-2021-2025-draft-resolution-on-a-glossary-of-ict-terms",
                "oewg-2021-2025-draft-resolution-on-a-glossary-of-ict-terms",
            ]
        );
        // Before any subject, a bare description stays bare.
        assert_eq!(
            keys(
                "The draft resolution is long. The draft resolution on a fund is short.",
                None
            ),
            [
                "oewg-2021-2025-draft-resolution",
                "oewg-2021-2025-draft-resolution-on-a-fund"
            ]
        );
    }
}
