//! After the last sentence: completing what deletions remove when the text
//! says it by reference, dropping vague edits that specific ones supersede,
//! and handing out proposals and stances with stance targets renumbered.

use super::Extractor;
use crate::fact::proposals::{Action, EditProposal, Stance, StanceTarget};
use crate::segment::Span;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

static ORDINAL_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(first|second|third|fourth|fifth|last|final)\s+sentence\b").unwrap()
});
/// "… but withdrew it", "this proposal was later withdrawn by Peru".
static WITHDRAWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:withdrew|retracted|dropped|abandoned)\s+(?:it|its|the|this|that|their|her|his)\b|(?:was|were|had been|has been)\s+(?:later\s+|subsequently\s+|then\s+|eventually\s+)?(?:withdrawn|retracted|dropped))").unwrap()
});
/// The words one of which every [`WITHDRAWN`] match holds, in ASCII
/// (no other character case-folds to one of their letters).
static WITHDRAWAL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["withdr", "retracted", "dropped", "abandoned"])
        .expect("four literals")
});

/// [`WITHDRAWN`]'s first match in `s`. Most texts around a proposal name
/// no withdrawal, and the expression's Unicode word boundaries made it
/// fall back to its slowest engine on any curly quote or dash: a search
/// for the words it needs settles most of them.
fn withdrawal(s: &str) -> Option<regex::Match<'_>> {
    if !WITHDRAWAL_WORDS.is_match(s) {
        return None;
    }
    WITHDRAWN.find(s)
}

static KEEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:kept|retained|keep|retain)\b").unwrap());

impl<'a> Extractor<'a> {
    /// Fills in what a deletion removes when the text says it by reference:
    /// "the second sentence of this paragraph" is that sentence of the quoted
    /// draft; "only part … should be kept in order to read: ‘X’" removes the
    /// rest of the paragraph (X is kept).
    fn complete_removed_text(&mut self) {
        let text = self.text;
        for p in &mut self.proposals {
            if p.action != Action::DeleteText || p.targets.len() != 1 {
                continue;
            }
            let Some(doc) = &p.document else { continue };
            let Some(draft) = self.draft_texts.get(&(doc.clone(), p.targets[0])) else {
                continue;
            };
            let evidence = p.evidence.of(text);
            if let Some(kept) = p.removed.clone().filter(|_| KEEP.is_match(evidence)) {
                let k = kept.trim_end_matches('.');
                if let Some(pos) = draft.find(k) {
                    let rest = format!("{} {}", &draft[..pos], &draft[pos + k.len()..]);
                    let rest = rest
                        .trim()
                        .trim_start_matches(['.', ',', ' '])
                        .trim()
                        .to_string();
                    p.kept = Some(kept);
                    p.removed = (!rest.is_empty()).then_some(rest);
                }
                continue;
            }
            if p.removed.is_none() {
                if let Some(c) = ORDINAL_SENTENCE.captures(evidence) {
                    let sents = crate::segment::split_sentences(draft, Span::new(0, draft.len()));
                    let pick = match c[1].to_lowercase().as_str() {
                        "first" => sents.first(),
                        "second" => sents.get(1),
                        "third" => sents.get(2),
                        "fourth" => sents.get(3),
                        "fifth" => sents.get(4),
                        _ => sents.last(),
                    };
                    p.removed = pick.map(|s| s.of(draft).to_string());
                }
            }
        }
    }

    /// Drops vague "minor changes"/"amendments to paras 4, 12" (Amend, no
    /// quoted text) on the paragraphs for which the same proposer's specific
    /// edits follow; the proposal keeps the paragraphs nobody specified.
    /// Proposals their proposer withdraws in their sentence or the next are
    /// dropped too, with the stances on them.
    pub(super) fn finish(mut self, sentences: &[Span]) -> (Vec<EditProposal>, Vec<Stance>) {
        self.complete_removed_text();
        let n = self.proposals.len();
        let mut keep: Vec<bool> = (0..n).map(|i| !self.withdrawn(i, sentences)).collect();
        for (i, kept) in keep.iter_mut().enumerate() {
            let p = &self.proposals[i];
            if !*kept || p.action != Action::Amend || p.added.is_some() || p.targets.is_empty() {
                continue;
            }
            let specified: Vec<u32> = p
                .targets
                .iter()
                .copied()
                .filter(|t| {
                    self.proposals.iter().enumerate().any(|(j, q)| {
                        j > i
                            && q.proposer == p.proposer
                            && q.document == p.document
                            && q.targets.contains(t)
                            && q.action != Action::Amend
                            && q.evidence.start >= p.evidence.start
                    })
                })
                .collect();
            let supported = self
                .stances
                .iter()
                .any(|s| s.target == StanceTarget::Edit(i));
            if specified.is_empty() || supported {
                continue;
            }
            let p = &mut self.proposals[i];
            if specified.len() == p.targets.len() {
                *kept = false;
            } else {
                p.targets.retain(|t| !specified.contains(t));
                p.subparagraphs.retain(|(t, _)| !specified.contains(t));
            }
        }
        let mut remap = vec![usize::MAX; n];
        let mut proposals = Vec::new();
        for (i, p) in self.proposals.drain(..).enumerate() {
            if keep[i] {
                remap[i] = proposals.len();
                proposals.push(p);
            }
        }
        let stances = self
            .stances
            .into_iter()
            .filter_map(|mut s| {
                if let StanceTarget::Edit(i) = s.target {
                    if remap[i] == usize::MAX {
                        return None;
                    }
                    s.target = StanceTarget::Edit(remap[i]);
                }
                Some(s)
            })
            .collect();
        (proposals, stances)
    }

    /// Whether the proposal's proposer withdraws it, in its sentence or
    /// the next: "Peru proposed to move
    /// paragraph 9 but withdrew it", "This proposal was later withdrawn".
    /// Another actor named before the withdrawal withdraws something else.
    fn withdrawn(&self, i: usize, sentences: &[Span]) -> bool {
        let p = &self.proposals[i];
        let at = sentences.partition_point(|s| s.end <= p.evidence.end);
        let Some(end) = sentences.get(at + 1).or(sentences.get(at)).map(|s| s.end) else {
            return false;
        };
        if end <= p.evidence.start {
            return false;
        }
        // From the proposal's start: its evidence is often the whole
        // sentence, withdrawal included.
        let window = Span::new(p.evidence.start, end);
        let Some(m) = withdrawal(window.of(self.text)) else {
            return false;
        };
        let upto = Span::new(window.start, window.start + m.start());
        self.mentions
            .within(upto)
            .filter(|x| x.entity.is_actor())
            .all(|x| x.entity == p.proposer)
            || self.withdrawn_later(p, sentences, at)
    }

    /// "Laos proposed … That proposal drew objections from Peru. After the
    /// break Laos said it would not insist and withdrew the proposal.": further
    /// on in the proposal's paragraph, a sentence in which the proposer,
    /// and no other actor, is named before the withdrawal.
    fn withdrawn_later(&self, p: &EditProposal, sentences: &[Span], from: usize) -> bool {
        let block_end = self.text[p.evidence.end..]
            .find("\n\n")
            .map_or(self.text.len(), |i| p.evidence.end + i);
        sentences
            .iter()
            .skip(from)
            .take_while(|s| s.end <= block_end)
            .any(|s| {
                let Some(m) = withdrawal(s.of(self.text)) else {
                    return false;
                };
                let named: Vec<_> = self
                    .mentions
                    .within(Span::new(s.start, s.start + m.start()))
                    .filter(|x| x.entity.is_actor())
                    .map(|x| &x.entity)
                    .collect();
                !named.is_empty() && named.iter().all(|e| **e == p.proposer)
            })
    }
}

#[cfg(test)]
mod withdrawal_tests {
    use super::*;

    #[test]
    fn the_word_gate_keeps_every_match_of_the_expression() {
        for s in [
            "Peru proposed to move it but WITHDREW it.",
            "This proposal was later Withdrawn by Peru.",
            "The text had been subsequently dropped",
            "Chile abandoned the idea; Kenya retracted its support.",
            "Nothing was withdrawn\u{2019}s here, nor “dropped”.",
            "No withdrawal here, only a draft.",
            "",
        ] {
            assert_eq!(
                withdrawal(s).map(|m| m.range()),
                WITHDRAWN.find(s).map(|m| m.range()),
                "{s:?}"
            );
        }
    }
}
