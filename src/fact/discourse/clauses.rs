//! A sentence cut into clauses, and the cue that leads each clause.
//!
//! A clause is the unit one position or proposal is read from: semicolons,
//! contrasts ("while", "but") and a new subject after ", and" start a new
//! one; participial reasons (", arguing that …") are cut off because their
//! words are the speaker's reasons, not new positions. The lead cue decides
//! whether the clause is a stance or a proposal.

use super::cues::{Hit, STANCE_FAMILY};
use super::refs::inside_any;
use super::Extractor;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What ends just before a position set aside: "… rather than an",
/// "… instead of".
static SET_ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:rather\s+than|instead\s+of)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$").unwrap()
});

/// Clause boundaries: semicolons, "] [" between bracketed proposals,
/// contrasts, and participial reasons
/// (", arguing that …", ", noting …"), whose words are the speaker's reasons,
/// not new positions. The word boundary is ASCII: it follows an ASCII
/// word, and a Unicode one sent every sentence with a curly quote or an
/// accented letter to the regex crate's backtracker (a twelfth of the
/// discourse reader's instructions).
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r";|\]\s*\[|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|,\s+(?:arguing|noting|saying|stressing|explaining|recalling|citing|warning|underlining|adding|claiming|insisting)(?-u:\b)").unwrap()
});
static AND_NEW_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s+and\s+(?:the\s+)?").unwrap());
static NOUN_CONTENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:is\s+that|that)\b").unwrap());
/// "that paragraph 15 be deleted" after ", and": a second edit.
static THAT_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^that\s+(?:the\s+)?(?:(?:sub-?)?paragraphs?|paras?\.?|OP|PP)\s*\d").unwrap()
});
/// ", which stated …," / ", who said …,": a relative aside after the
/// subject, closed by the next comma.
static RELATIVE_ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\s+(?:which|who)\s[^,;]*,").unwrap());
/// "proposal to delete …": `to` right before an action word.
static TO_VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+to\s+").unwrap());

/// Adverbs that may open a coordinated clause before its verb.
static LINKING_ADVERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:therefore|thus|hence|accordingly|consequently|also|then)\s+$").unwrap()
});

impl<'a> Extractor<'a> {
    /// The clauses of a sentence, in order; breaks inside quotes do not
    /// count.
    pub(super) fn clauses(&self, sentence: Span, quotes: &[Span]) -> Vec<Span> {
        let s = sentence.of(self.text);
        let mut clauses = Vec::new();
        let mut start = 0;
        for m in CLAUSE_BREAK.find_iter(s) {
            if quotes
                .iter()
                .any(|q| q.start <= sentence.start + m.start() && sentence.start + m.end() <= q.end)
            {
                continue;
            }
            clauses.push(Span::new(
                sentence.start + start,
                sentence.start + m.start(),
            ));
            start = m.end();
        }
        clauses.push(Span::new(sentence.start + start, sentence.end));
        clauses
            .into_iter()
            .flat_map(|c| self.split_relative_aside(c, quotes))
            .flat_map(|c| self.split_new_subjects(c, quotes))
            .collect()
    }

    /// "Iran, which said it did not support the PoA, proposed to insert
    /// …": the aside is a clause of its own (its position is the
    /// subject's), and so is the main verb after it; both keep the subject
    /// (see `actors::holders`). Only when the clause opens with its subject
    /// alone and the main clause starts with a verb cue.
    fn split_relative_aside(&self, c: Span, quotes: &[Span]) -> Vec<Span> {
        let text = self.text;
        let actors = self.actors_in(c, quotes);
        let Some(last) = actors
            .iter()
            .take_while(|a| a.span.start < c.start + 80)
            .last()
        else {
            return vec![c];
        };
        let Some(m) = RELATIVE_ASIDE.find(&text[last.span.end..c.end]) else {
            return vec![c];
        };
        let subject = Span::new(c.start, last.span.end);
        let aside_end = last.span.end + m.end();
        let main = Span::new(aside_end, c.end);
        let subject_alone = self.finder.find(text, subject, &STANCE_FAMILY).is_empty();
        let starts_verb = self
            .finder
            .find(text, main, &STANCE_FAMILY)
            .first()
            .is_some_and(|h| {
                text[aside_end..h.span.start].trim().is_empty()
                    && matches!(
                        h.kind,
                        CueKind::ProposalVerb | CueKind::Support | CueKind::Oppose
                    )
                    && h.value != "noun"
            });
        if !subject_alone || !starts_verb || inside_any(quotes, Span::new(last.span.end, aside_end))
        {
            return vec![c];
        }
        vec![subject, Span::new(last.span.end + 1, aside_end - 1), main]
    }

    /// ", and Kazakhstan backed it": a new subject starts a new clause, but
    /// only after a complete clause ("A, B, and C expressed …" is a list);
    /// so does a new verb ("…, and recommends …"), whose clause keeps the
    /// subject (see `actors::holders`).
    fn split_new_subjects(&self, c: Span, quotes: &[Span]) -> Vec<Span> {
        let text = self.text;
        let mut split: Vec<Span> = Vec::new();
        let mut from = c.start;
        for m in AND_NEW_SUBJECT.find_iter(c.of(text)) {
            let at = c.start + m.end();
            let starts_actor = self
                .actors_in(Span::new(at, c.end), quotes)
                .first()
                .is_some_and(|a| a.span.start <= at + 4)
                || self.starts_pronoun_subject(Span::new(at, c.end));
            let head = Span::new(from, c.start + m.start());
            let complete = self
                .finder
                .find(text, head, &STANCE_FAMILY)
                .iter()
                .any(|h| {
                    matches!(
                        h.kind,
                        CueKind::Support | CueKind::Oppose | CueKind::ProposalVerb | CueKind::Hedge
                    )
                });
            // "NAM supports X, and recommends that paragraph 7 be …": a
            // second verb with the same subject starts a clause too.
            let starts_verb = self
                .finder
                .find(text, Span::new(at, c.end), &STANCE_FAMILY)
                .first()
                .is_some_and(|h| {
                    // ", and therefore did not support it": a linking
                    // adverb may stand before the second verb.
                    (h.span.start == at || LINKING_ADVERB.is_match(&text[at..h.span.start]))
                        && matches!(
                            h.kind,
                            CueKind::ProposalVerb | CueKind::Support | CueKind::Oppose
                        )
                        && h.value != "noun"
                });
            // "we suggest that paragraph 12 …, and that paragraph 15 be
            // deleted": each "that paragraph N" is an edit of its own.
            let starts_paragraph = THAT_PARAGRAPH.is_match(&text[at..c.end]);
            // Without the comma only a second verb splits: "A and B
            // supported" is one list, "A welcomed X and expressed support
            // for Y" two clauses.
            let comma = m.as_str().starts_with(',');
            let positions_only = comma || self.positions_only(head, Span::new(at, c.end));
            if ((comma && (starts_actor || starts_paragraph)) || (starts_verb && positions_only))
                && complete
                && !inside_any(quotes, Span::new(c.start + m.start(), at))
            {
                split.push(Span::new(from, c.start + m.start()));
                from = at;
            }
        }
        split.push(Span::new(from, c.end));
        split
    }

    /// ", and we would ask …", ", and the delegation proposed …", ", and
    /// no delegation objected": a first-person, anaphoric or negative
    /// subject opens the rest, as an actor's name does.
    fn starts_pronoun_subject(&self, rest: Span) -> bool {
        let text = self.text;
        let opens = |h: &Hit| h.span.start == rest.start;
        self.finder
            .find(text, rest, &[CueKind::FirstPerson, CueKind::Anaphor])
            .first()
            .is_some_and(opens)
            || self
                .finder
                .find(text, rest, &STANCE_FAMILY)
                .first()
                .is_some_and(|h| h.kind == CueKind::Hedge && opens(h))
    }

    /// Whether both sides of an "and" without a comma take positions and
    /// propose nothing: a proposal's clause keeps its "and" ("proposed to
    /// delete paragraph 5 and called for …" stays one edit).
    fn positions_only(&self, head: Span, tail: Span) -> bool {
        [head, tail].iter().all(|&part| {
            let hits = self.finder.find(self.text, part, &STANCE_FAMILY);
            hits.iter()
                .any(|h| matches!(h.kind, CueKind::Support | CueKind::Oppose))
                && !hits
                    .iter()
                    .any(|h| matches!(h.kind, CueKind::ProposalVerb | CueKind::Action))
        })
    }

    /// "Chile, joined by Estonia, called for …": a participle set off by a
    /// comma before the clause's verb adds agents to the subject; the
    /// verb after it leads.
    pub(super) fn is_apposed_agent(&self, h: &Hit, next: Option<&Hit>) -> bool {
        let text = self.text;
        let comma_before = text[..h.span.start].trim_end().ends_with(',');
        let by_after = text[h.span.end..].trim_start().starts_with("by ");
        // "Bolivia, supported by Chile: replace …" labels an entry.
        let verb_later = next.is_some_and(|n| {
            let gap = &text[h.span.end..n.span.start];
            (gap.contains(',')
                && matches!(
                    n.kind,
                    CueKind::ProposalVerb | CueKind::Support | CueKind::Oppose
                ))
                || (gap.trim_end().ends_with(':') && n.kind == CueKind::Action)
        });
        comma_before && by_after && verb_later
    }

    /// The index of the hit that leads a clause. A position or proposal verb
    /// leads; a proposal noun ("this edit", "China’s amendments") leads only
    /// without one; an action word only alone ("the section … precedes … –
    /// a point introduced by China").
    pub(super) fn lead_cue(&self, clause: Span, hits: &[Hit]) -> Option<usize> {
        let text = self.text;
        // "- Replace 'a' with 'b' [Peru, supported by Chile].": an entry that
        // opens with its action word is led by it, whatever its label says.
        if hits
            .first()
            .is_some_and(|h| super::proposal::entry_label(text, clause, h).is_some())
        {
            return Some(0);
        }
        // "Cuba insisted that the paragraph stay as it was", "Jordan
        // preferred the original wording": a clause that keeps the text and
        // names no change is a position, not a proposal.
        let keeps_text = hits.iter().any(super::retention::keeps)
            && !hits.iter().any(|h| h.kind == CueKind::Action);
        hits.iter()
            .enumerate()
            .position(|(k, h)| {
                // "preferred to keep the original text", "insisted on
                // retaining": the position word decides, not the verb before it.
                let next_is_stance = hits.get(k + 1).is_some_and(|n| {
                    matches!(n.kind, CueKind::Support | CueKind::Oppose)
                        && text[h.span.end..n.span.start].trim().len() <= 2
                });
                // "its proposal to delete …", "Iran’s proposal is that …": a
                // proposal noun that introduces its content leads.
                let after = &text[h.span.end..clause.end];
                let introduces = h.value == "noun"
                    && (NOUN_CONTENT.is_match(after)
                        || TO_VERB.find(after).is_some_and(|m| {
                            hits.iter().any(|a| {
                                a.kind == CueKind::Action && a.span.start == h.span.end + m.end()
                            })
                        }));
                // "an endorsement rather than an objection": the position
                // set aside is not the clause's.
                let set_aside = SET_ASIDE.is_match(&text[clause.start..h.span.start]);
                (matches!(h.kind, CueKind::Support | CueKind::Oppose)
                    && !self.is_apposed_agent(h, hits.get(k + 1))
                    && !set_aside)
                    || (h.kind == CueKind::ProposalVerb
                        && (h.value != "noun" || introduces)
                        && !next_is_stance
                        && !keeps_text)
            })
            .or_else(|| hits.iter().position(|h| h.kind == CueKind::ProposalVerb))
            .or_else(|| hits.iter().position(|h| h.kind == CueKind::Action))
    }
}
