//! Comparing texts word by word: normalised words, six-letter stems,
//! longest common subsequences and word diffs. Alignment and judging are
//! built from these measures, so they live apart and are tested alone.

/// Lower-case words without punctuation.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words compared by their first six letters, so "primarily" meets
/// "primary" and "responsible" meets "responsibility".
fn stem(w: &str) -> String {
    w.chars().take(6).collect()
}

/// Words that carry no content of their own.
const STOPWORDS: [&str; 24] = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "by", "with", "that", "this",
    "is", "are", "be", "as", "at", "its", "their", "it", "from", "which",
];

/// The content words of a list, as stems.
pub(super) fn content(ws: &[String]) -> Vec<String> {
    ws.iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(w))
        .collect()
}

/// Length of the longest common subsequence of two word lists.
pub(super) fn lcs(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Share of `part`'s words that appear, in order, in `whole`.
pub fn coverage(part: &str, whole: &str) -> f64 {
    let p = words(part);
    if p.is_empty() {
        return 0.0;
    }
    lcs(&p, &words(whole)) as f64 / p.len() as f64
}

/// Share of `part`'s content words (stopwords dropped, six-letter stems)
/// found in order in `whole`.
pub fn content_coverage(part: &str, whole: &str) -> f64 {
    let p = content(&words(part));
    if p.is_empty() {
        return coverage(part, whole);
    }
    lcs(&p, &content(&words(whole))) as f64 / p.len() as f64
}

/// True when `phrase` occurs as a contiguous run of words in `text`.
pub(super) fn contains_phrase(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.windows(phrase.len()).any(|w| w == phrase)
}

/// Which words of `a` a longest common subsequence with `b` uses.
pub(super) fn matched(a: &[String], b: &[String]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut used = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            used[i] = true;
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    used
}

/// Word-level difference of two texts: runs of deleted words in
/// `[-…-]`, runs of inserted words in `{+…+}`, unchanged words as they are.
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b);
    let mut parts: Vec<String> = Vec::new();
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                parts.push(a[old_index..old_index + len].join(" "))
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => parts.push(format!(
                "[-{}-]",
                a[old_index..old_index + old_len].join(" ")
            )),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => parts.push(format!(
                "{{+{}+}}",
                b[new_index..new_index + new_len].join(" ")
            )),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                parts.push(format!(
                    "[-{}-]",
                    a[old_index..old_index + old_len].join(" ")
                ));
                parts.push(format!(
                    "{{+{}+}}",
                    b[new_index..new_index + new_len].join(" ")
                ));
            }
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_removed_and_added_words() {
        let d = word_diff(
            "the growing exploitation of ICTs",
            "the growing use of ICTs",
        );
        assert!(
            d.contains("[-exploitation-]") && d.contains("{+use+}"),
            "{d}"
        );
    }

    #[test]
    fn coverage_counts_words_in_order() {
        assert_eq!(
            coverage("state sovereignty", "a threat to State sovereignty"),
            1.0
        );
        assert_eq!(
            coverage(
                "for the common good",
                "expanding opportunities for cooperation"
            ),
            0.25
        );
    }
}
