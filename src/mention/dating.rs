//! The date a text speaks from, when no catalog gives it.
//!
//! Names such as "the OEWG" or "the First Draft" mean different things in
//! 2021 and 2024, and an unknown draft's key carries its year. Files given
//! without a catalog row still say when they were written: a dated opening
//! line ("date 2021-12-14", "12 March 2021"), or the years they mention. The
//! latest year mentioned is a good estimate of the writing year, except the
//! end of a span ("2021-2025", "until 2030"), which looks ahead.

use regex::Regex;
use std::sync::LazyLock;

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:199|20[0-3])\d)-([01]\d)-([0-3]\d)\b").unwrap());
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d{1,2}\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},?\s+)?((?:199|20[0-3])\d)\b").unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:199[89]|20[0-3]\d)\b").unwrap());
/// The second year of a span, or a year looked forward to.
static SPAN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\d{4}\s?[-–—/]\s?|\d{4}\s+to\s+|\b(?:until|till|by|through|beyond|before)\s+(?:the\s+end\s+of\s+)?)$").unwrap()
});
/// The first year of a span: "2021-2025" names a period, not a date.
static SPAN_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s?[-–—/]\s?\d{4}|\s+to\s+\d{4})").unwrap());

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An ISO date (`2021-12-14`, `2021-03`) or year for `text`, if it gives any.
pub fn infer_date(text: &str) -> Option<String> {
    let head: String = text.chars().take(400).collect();
    if let Some(c) = ISO_DATE.captures(&head) {
        return Some(c[0].to_string());
    }
    if let Some(c) = WRITTEN_DATE.captures(&head) {
        let month = MONTHS.iter().position(|m| c[1].eq_ignore_ascii_case(m))? + 1;
        return Some(format!("{}-{month:02}", &c[2]));
    }
    YEAR.find_iter(text)
        .filter(|m| {
            !SPAN_END
                .is_match(&text[text.floor_char_boundary(m.start().saturating_sub(30))..m.start()])
        })
        .filter(|m| !SPAN_START.is_match(&text[m.end()..]))
        .map(|m| m.as_str().to_string())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_opening_line_wins() {
        assert_eq!(
            infer_date("date 2021-12-14 The envoy said in 2019 …").as_deref(),
            Some("2021-12-14")
        );
        assert_eq!(
            infer_date("Geneva, 4 March 2022\nThe delegates met.").as_deref(),
            Some("2022-03")
        );
    }

    #[test]
    fn otherwise_the_latest_year_that_is_not_looked_forward_to() {
        let t = "The OEWG 2021-2025 met in 2024 to work until 2026.";
        assert_eq!(infer_date(t).as_deref(), Some("2024"));
    }

    #[test]
    fn a_span_is_a_period_not_a_date() {
        assert_eq!(infer_date("The OEWG 2021–2025 and the résumé été"), None);
    }

    #[test]
    fn a_text_without_years_has_no_date() {
        assert_eq!(infer_date("The delegates met."), None);
    }
}
