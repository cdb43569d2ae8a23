//! The vote grammar of one sentence, over [`Token`]s and the vote cues of
//! `cues.csv`. It finds
//!
//! * **counts**: a number and its side, in either order and with nouns
//!   between ("150 in favour", "150 votes in favour", "60 States … voted
//!   against", "21 delegations chose to abstain", "supported by 79
//!   countries"), pairs ("by 79 votes to 60", "a vote of 79 to 60") and
//!   dashed tallies ("150-12-9");
//! * **named voters**: a list of states in parentheses after a count ("6
//!   against (China, Iran …)"), a list before a voting verb and side
//!   ("Canada and Japan both voted no", "X, Y and Z abstained"), the states
//!   opening a sentence whose later clause votes ("Peru criticised it and
//!   voted against it"), a list after a side and a link ("abstaining were
//!   …", "Against: …", "the six States voting against were …"), and a
//!   partial list after a count's side ("12 abstentions, among them …").
//!
//! A list is *complete* unless a partial cue ("including", "among others")
//! introduces it; prose lists ("Canada and Japan voted no") never claim to
//! be complete. A hedge before a voting verb ("will vote against", "urged
//! others to vote against", "did not vote") makes it no vote.

use super::tokens::{Tok, Token, VoteCues, MAX_COUNT};
use super::Cast;
use crate::reference::CueKind;

/// A count and its side; `at` is the token index of the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub at: usize,
    pub cast: Cast,
    pub value: u32,
}

/// States named with a side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub at: usize,
    pub cast: Cast,
    pub states: Vec<String>,
    pub complete: bool,
}

/// Words that may stand between a number and "to" in "by 79 to 60" /
/// "a vote of 79 to 60": the pair needs one of them before the number.
const PAIR_LEADS: [&str; 2] = ["of", "by"];

/// Fillers a voting verb may have before its side ("voted both against",
/// "cast a vote against", "cast negative votes").
const MAX_VERB_FILLERS: usize = 3;
/// Words between a list and its voting verb ("both", "were among those").
const MAX_SUBJECT_FILLERS: usize = 4;
/// Tokens between a side and its link ("abstaining on the draft were").
const MAX_BEFORE_LINK: usize = 5;
/// Tokens of a qualifier between a side and the colon before its list
/// ("Abstaining, as far as I could read the screen: …").
const MAX_QUALIFIER: usize = 16;
/// Tokens inside a note on a list's label ("(partial list)", "(112)").
const MAX_NOTE: usize = 5;
/// Tokens before a list searched for a hedge ("urged Canada to vote").
const HEDGE_LOOKBACK: usize = 3;
/// Tokens after a voting phrase searched for a hedge ("for the first time").
const HEDGE_LOOKAHEAD: usize = 3;

/// Every count of the sentence, in order.
pub fn counts(tokens: &[Token], cues: &VoteCues) -> (Vec<Count>, Vec<Named>) {
    let mut counts = Vec::new();
    let mut named = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match &t.tok {
            // "150-12-9", or "by 79-60"; a bare "12-15" is a range.
            Tok::Tally(v) if v.len() == 3 || after_lead(tokens, i) => {
                for (cast, value) in [Cast::Yes, Cast::No, Cast::Abstain].into_iter().zip(v) {
                    counts.push(Count {
                        at: i,
                        cast,
                        value: *value,
                    });
                }
            }
            Tok::Num(n) if *n <= MAX_COUNT => {
                if let Some((m, after)) = pair(tokens, i, cues) {
                    counts.push(Count {
                        at: i,
                        cast: Cast::Yes,
                        value: *n,
                    });
                    counts.push(Count {
                        at: i,
                        cast: Cast::No,
                        value: m,
                    });
                    // "by 5 votes to 2 (Cuba, Iran)": the states against.
                    named.extend(parenthesised(tokens, after, Cast::No, cues));
                } else if let Some((cast, list)) = forward(tokens, i, cues) {
                    counts.push(Count {
                        at: i,
                        cast,
                        value: *n,
                    });
                    named.extend(list);
                } else if let Some((_, v)) = cues.ending_at(tokens, i, CueKind::VoteCountBefore) {
                    if let Some(cast) = Cast::parse(v) {
                        counts.push(Count {
                            at: i,
                            cast,
                            value: *n,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    (counts, named)
}

/// "79 votes to 60", "(a vote of) 79 to 60": the second count and the
/// index after it.
fn pair(tokens: &[Token], i: usize, cues: &VoteCues) -> Option<(u32, usize)> {
    let (end, _) = cues.at(tokens, i + 1, CueKind::VoteCountPair)?;
    if end == i + 2 && !after_lead(tokens, i) {
        return None;
    }
    match tokens.get(end)?.tok {
        Tok::Num(m) if m <= MAX_COUNT => Some((m, end + 1)),
        _ => None,
    }
}

/// True when the token before `i` is "of" or "by".
fn after_lead(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens[p].word())
        .is_some_and(|w| PAIR_LEADS.contains(&w))
}

fn skip_count_nouns(tokens: &[Token], mut j: usize, cues: &VoteCues) -> usize {
    while let Some((end, _)) = cues.at(tokens, j, CueKind::VoteCountNoun) {
        j = end;
    }
    j
}

/// The side after a number: "150 in favour", "60 States, including A and
/// B, voted against", "21 delegations chose to abstain", "6 against (…)".
fn forward(tokens: &[Token], i: usize, cues: &VoteCues) -> Option<(Cast, Vec<Named>)> {
    let mut named = Vec::new();
    let mut j = skip_count_nouns(tokens, i + 1, cues);
    if tokens.get(j).is_some_and(|t| t.is_punct('(')) {
        let close = (j..tokens.len()).find(|&k| tokens[k].is_punct(')'))?;
        named.push((j, close, Vec::new()));
        j = close + 1;
    } else if tokens.get(j).is_some_and(|t| t.is_punct(',')) {
        if let Some((after, _)) = cues.at(tokens, j + 1, CueKind::VotePartial) {
            let (states, end) = list_forward(tokens, after);
            if !states.is_empty() {
                named.push((j, end, states));
                j = end;
                if tokens.get(j).is_some_and(|t| t.is_punct(',')) {
                    j += 1;
                }
            }
        }
    }
    let (cast, end) = cast_phrase(tokens, j, cues, true)?;
    let mut out: Vec<Named> = named
        .into_iter()
        .map(|(from, to, states)| {
            let states = if states.is_empty() {
                states_in(tokens, from, to)
            } else {
                states
            };
            Named {
                at: from,
                cast,
                states,
                complete: !cues.any_in(tokens, from, to, CueKind::VotePartial),
            }
        })
        .collect();
    // "6 against (China, …)": the parenthesis after the side.
    out.extend(parenthesised(tokens, end, cast, cues));
    // "9 abstentions, among them Chile and Peru": a partial list after it.
    out.extend(trailing_partial(tokens, end, cast, cues));
    out.retain(|n| !n.states.is_empty());
    Some((cast, out))
}

/// ", including A and B" / ", among them A and B" right after a side:
/// some of the voters on that side (never a complete list).
fn trailing_partial(tokens: &[Token], at: usize, cast: Cast, cues: &VoteCues) -> Option<Named> {
    if !tokens.get(at)?.is_punct(',') {
        return None;
    }
    let (after, _) = cues.at(tokens, at + 1, CueKind::VotePartial)?;
    let (states, _) = list_forward(tokens, after);
    (!states.is_empty()).then_some(Named {
        at,
        cast,
        states,
        complete: false,
    })
}

/// The states in a parenthesis opening at token `at`, if one does.
fn parenthesised(tokens: &[Token], at: usize, cast: Cast, cues: &VoteCues) -> Option<Named> {
    if !tokens.get(at)?.is_punct('(') {
        return None;
    }
    let close = (at..tokens.len()).find(|&k| tokens[k].is_punct(')'))?;
    let states = states_in(tokens, at, close);
    (!states.is_empty()).then(|| Named {
        at,
        cast,
        states,
        complete: !cues.any_in(tokens, at, close, CueKind::VotePartial),
    })
}

/// A side at `j`, after an optional voting verb or link: "in favour",
/// "voted against", "were against", "decided to abstain". Returns the side
/// and the index after it.
fn cast_phrase(
    tokens: &[Token],
    j: usize,
    cues: &VoteCues,
    allow_link: bool,
) -> Option<(Cast, usize)> {
    if let Some((end, v)) = cues.at(tokens, j, CueKind::VotePredicate) {
        return Some((Cast::parse(v)?, end));
    }
    if let Some((end, v)) = cues.at(tokens, j, CueKind::VoteCast) {
        return Some((Cast::parse(v)?, end));
    }
    let verb_end = cues
        .at(tokens, j, CueKind::VoteVerb)
        .or_else(|| {
            allow_link
                .then(|| cues.at(tokens, j, CueKind::VoteLink))
                .flatten()
        })?
        .0;
    (verb_end..=verb_end + MAX_VERB_FILLERS).find_map(|k| {
        if tokens
            .get(k)
            .is_some_and(|t| !matches!(t.tok, Tok::Word(_)))
            && k > verb_end
        {
            return None;
        }
        let (end, v) = cues
            .at(tokens, k, CueKind::VoteCast)
            .or_else(|| cues.at(tokens, k, CueKind::VotePredicate))?;
        Some((Cast::parse(v)?, end))
    })
}

/// States named in `tokens[from..to]`.
fn states_in(tokens: &[Token], from: usize, to: usize) -> Vec<String> {
    tokens[from..to.min(tokens.len())]
        .iter()
        .filter_map(|t| t.state().map(str::to_string))
        .collect()
}

/// Words that may separate the states of a list.
fn is_separator(t: &Token) -> bool {
    t.is_punct(',')
        || t.is_punct(';')
        || t.is_punct('&')
        || matches!(
            t.word(),
            Some("and" | "the" | "as" | "well" | "both" | "also" | "or")
        )
}

/// A list of states from `i`: states and separators, ending at the first
/// other token. Non-state mentions (a group) are passed over.
fn list_forward(tokens: &[Token], i: usize) -> (Vec<String>, usize) {
    let mut states = Vec::new();
    let mut end = i;
    let mut k = i;
    while let Some(t) = tokens.get(k) {
        if let Some(code) = t.state() {
            states.push(code.to_string());
            end = k + 1;
        } else if matches!(t.tok, Tok::Entity(_)) {
            end = k + 1;
        } else if !is_separator(t) {
            break;
        }
        k += 1;
    }
    (states, end)
}

/// A list of states ending just before `end`, read backwards: the states
/// and the index of the first.
fn list_backward(tokens: &[Token], end: usize) -> (Vec<String>, usize) {
    let mut states = Vec::new();
    let mut start = end;
    let mut k = end;
    while k > 0 {
        let t = &tokens[k - 1];
        if let Some(code) = t.state() {
            states.push(code.to_string());
            start = k - 1;
        } else if !is_separator(t) {
            break;
        }
        k -= 1;
    }
    states.reverse();
    (states, start)
}

/// Named voters of the sentence in prose: "X and Y voted against",
/// "abstaining were X and Y", "Against: X, Y".
pub fn named(tokens: &[Token], cues: &VoteCues) -> Vec<Named> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((cast, end)) = cast_phrase(tokens, i, cues, false) else {
            i += 1;
            continue;
        };
        // A bare side ("spoke against the draft") has no voter before it.
        let verbal = cues.at(tokens, i, CueKind::VotePredicate).is_some()
            || cues.at(tokens, i, CueKind::VoteVerb).is_some();
        let subject = verbal
            .then(|| {
                subject_list(tokens, i, end, cast, cues)
                    .or_else(|| coordinated_subject(tokens, i, end, cast, cues))
            })
            .flatten();
        if let Some(n) = subject.or_else(|| linked_list(tokens, i, end, cast, cues)) {
            out.push(n);
        }
        i = end;
    }
    out
}

/// "Canada and Japan both voted no": the list before the phrase
/// `tokens[v..end]`.
fn subject_list(
    tokens: &[Token],
    v: usize,
    end: usize,
    cast: Cast,
    cues: &VoteCues,
) -> Option<Named> {
    let mut k = v;
    let mut fillers = 0;
    while k > 0 && fillers <= MAX_SUBJECT_FILLERS {
        let t = &tokens[k - 1];
        if t.state().is_some() {
            break;
        }
        let comma_after_list = t.is_punct(',') && k >= 2 && tokens[k - 2].state().is_some();
        if !(matches!(t.tok, Tok::Word(_)) || comma_after_list) {
            return None;
        }
        k -= 1;
        fillers += 1;
    }
    if k == 0 || tokens[k - 1].state().is_none() {
        return None;
    }
    let (states, start) = list_backward(tokens, k);
    (!states.is_empty() && !hedged(tokens, start, end, cues)).then_some(Named {
        at: start,
        cast,
        states,
        complete: false,
    })
}

/// "Chile criticised paragraph 6 and voted against it": a voting verb
/// coordinated with the clause of the states that open the sentence. Only
/// when no other state is named between them, so the subject is plain.
fn coordinated_subject(
    tokens: &[Token],
    v: usize,
    end: usize,
    cast: Cast,
    cues: &VoteCues,
) -> Option<Named> {
    if v == 0 || tokens[v - 1].word() != Some("and") {
        return None;
    }
    let (states, after) = list_forward(tokens, 0);
    let plain = !states.is_empty()
        && after < v
        && tokens[after..v].iter().all(|t| t.state().is_none())
        && !hedged(tokens, v, end, cues);
    plain.then_some(Named {
        at: 0,
        cast,
        states,
        complete: false,
    })
}

/// A hedge ("urged Canada to vote against", "will vote no") around the
/// voting phrase that starts at or after `from` and ends at `end`.
fn hedged(tokens: &[Token], from: usize, end: usize, cues: &VoteCues) -> bool {
    cues.any_in(
        tokens,
        from.saturating_sub(HEDGE_LOOKBACK),
        end + HEDGE_LOOKAHEAD,
        CueKind::VoteHedge,
    )
}

/// "abstaining were X and Y", "Against: X, Y": the list after a link.
fn linked_list(
    tokens: &[Token],
    at: usize,
    end: usize,
    cast: Cast,
    cues: &VoteCues,
) -> Option<Named> {
    // "In favour (112):", "Abstaining (partial list):": a parenthesis
    // without states may stand between a side and its link; a partial cue
    // in it ("partial", "among others") says the list is not complete.
    let (end, noted_partial) = match label_note(tokens, end) {
        Some(close) => (
            close + 1,
            cues.any_in(tokens, end, close, CueKind::VotePartial),
        ),
        None => (end, false),
    };
    // "abstaining (on the draft) were …": a short phrase may come first.
    let short = (end..=end + MAX_BEFORE_LINK)
        .find_map(|k| {
            let t = tokens.get(k)?;
            if t.is_punct(':') {
                return Some((k, k + 1));
            }
            cues.at(tokens, k, CueKind::VoteLink)
                .map(|(after, _)| (k, after))
        })
        .filter(|&(link, _)| {
            !tokens[end..link]
                .iter()
                .any(|t| t.state().is_some() || matches!(t.tok, Tok::Punct(_) | Tok::Num(_)))
        });
    // "Abstaining, as far as I could read the screen:", "Against on 78/16
    // (8):", "Against OP 5:": a longer qualifier, naming no state and
    // ending no sentence, before the colon that opens the list.
    let (link, after) = short.or_else(|| {
        let colon = (end..tokens.len().min(end + MAX_QUALIFIER)).find(|&k| {
            tokens[k].state().is_some()
                || ['.', ';', ':', '!', '?']
                    .iter()
                    .any(|&c| tokens[k].is_punct(c))
        })?;
        tokens[colon].is_punct(':').then_some((colon, colon + 1))
    })?;
    let partial_link = cues.at(tokens, link, CueKind::VotePartial).is_some();
    // "Abstaining were, among others, Egypt …": the partial cue may stand
    // between commas.
    let comma = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct(','));
    let cue_at = if comma(after) { after + 1 } else { after };
    let partial_cue = cues.at(tokens, cue_at, CueKind::VotePartial);
    let from = partial_cue.map_or(after, |(e, _)| if comma(e) { e + 1 } else { e });
    let (states, _) = list_forward(tokens, from);
    if states.is_empty()
        || cues.any_in(
            tokens,
            at.saturating_sub(HEDGE_LOOKBACK),
            at,
            CueKind::VoteHedge,
        )
    {
        return None;
    }
    let among = cues.any_in(tokens, at.saturating_sub(2), at, CueKind::VotePartial);
    Some(Named {
        at,
        cast,
        states,
        complete: !(partial_link || partial_cue.is_some() || among || noted_partial),
    })
}

/// The closing index of a parenthesis opening at `at` that names no state
/// and is short enough to be a note on a list's label ("(112)",
/// "(partial list)", "(in alphabetical order)").
fn label_note(tokens: &[Token], at: usize) -> Option<usize> {
    if !tokens.get(at)?.is_punct('(') {
        return None;
    }
    let close = (at + 1..tokens.len().min(at + 2 + MAX_NOTE)).find(|&k| tokens[k].is_punct(')'))?;
    tokens[at + 1..close]
        .iter()
        .all(|t| t.state().is_none() && !matches!(t.tok, Tok::Entity(_)))
        .then_some(close)
}
