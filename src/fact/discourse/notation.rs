//! Redline notation: proposals written into a draft in square brackets, as
//! compilations and annotated drafts show them.
//!
//! "24. States reaffirmed … [add: in its entirety (Peru, Chile)] [+ Oman]
//! [retain - Laos]" is Peru's and Chile's insertion in paragraph 24,
//! backed by Oman and opposed by Laos. A bracket opens with a word of
//! `bracket-op` in `ontology/cues.csv` (what the proposal does: "add",
//! "del", "alt", "new", "merge" …), holds its wording, and ends with its
//! proposers, in round brackets or after a dash. A bracket opening with a
//! `bracket-back` mark ("+", "-", "support", "retain") gives the actors
//! after it a position on the proposal just before; one opening with a
//! `bracket-struck` word ("withdrawn", "superseded") takes that proposal
//! back. The paragraph is the one the bracket names ("[alt 26: …]", "[new
//! after OP4: …]", "[del 35 (Cuba)]"), else the numbered line it is on or
//! follows ("PP 6: …", "33. …").
//!
//! Each notation is its writer's, but the shape is common: a keyword, the
//! wording, who asked. Brackets without such a keyword (a Chair's
//! alternatives, "[sic]") are left to the other readers.

use super::brackets::{attribution_actors, BRACKET};
use super::refs::paragraph_refs;
use crate::fact::proposals::{Action, EditProposal, Polarity, Stance, StanceTarget};
use crate::mention::{Entity, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A bracket's first word (or a lone sign) and what follows it.
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([+\-–]|[A-Za-z]+)\s*:?\s*(.*)$").unwrap());

/// A numbered line: "24. …", "PP 6: …", "OP 1 …", "Para 7 - …".
static NUMBERED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?-i:OP|PP)\s*(\d{1,3})\b|(?:para(?:graph)?s?\.?)\s*(\d{1,3})\b|(\d{1,3})\s*[.:)])")
        .unwrap()
});

/// The paragraph a proposal's own words name first: "26: …", "after
/// OP4: …", "27 bis: …", "PP 7 and PP 8", "35".
static OWN_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:after\s+|to\s+follow\s+)?(?:(?-i:OP|PP)\s*|para(?:graph)?s?\.?\s*)?(\d{1,3})\b(?:\s*(?:bis|ter|quater)\b)?\s*:?")
        .unwrap()
});

/// A trailing attribution after a dash: "… - Cuba", "… — Peru, Chile".
static DASH_ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[-–—]\s+([^-–—]+)$").unwrap());

/// Quoted wording.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"["“]([^"”]+)["”]"#).unwrap());

/// Actors with who voiced them ("Fiji, on behalf of the PIF": the PIF,
/// voiced by Fiji).
type Voiced = Vec<(Entity, Option<Entity>)>;

/// What the notation of one source gave.
#[derive(Default)]
pub(super) struct Read {
    pub proposals: Vec<EditProposal>,
    pub stances: Vec<Stance>,
    /// The brackets read, which other readers leave alone.
    pub taken: Vec<Span>,
}

/// What a bracket's first word makes it.
enum Mark {
    Op(String),
    Back(Polarity),
    Struck,
}

fn mark(reference: &Reference, word: &str) -> Option<Mark> {
    let w = word.to_lowercase();
    let w = if w == "–" { "-".to_string() } else { w };
    let find = |kind| {
        reference
            .cues
            .of(kind)
            .iter()
            .find(|c| c.cue.eq_ignore_ascii_case(&w))
    };
    if let Some(c) = find(CueKind::BracketOp) {
        return Some(Mark::Op(c.value.clone()));
    }
    if let Some(c) = find(CueKind::BracketBack) {
        let p = if c.value == "oppose" {
            Polarity::Opposition
        } else {
            Polarity::Support
        };
        return Some(Mark::Back(p));
    }
    find(CueKind::BracketStruck).map(|_| Mark::Struck)
}

/// Reads the notation brackets of a text, line by line.
pub(super) fn read(text: &str, mentions: &Mentions, reference: &Reference) -> Read {
    let mut out = Read::default();
    if !text.contains('[') {
        return out;
    }
    let mut paragraph: Option<u32> = None;
    // The proposals of the last proposal bracket: what marks after it are about.
    let mut last: Vec<usize> = Vec::new();
    let mut struck: Vec<usize> = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = Span::new(at, at + raw.len());
        at += raw.len();
        if let Some(c) = NUMBERED_LINE.captures(raw) {
            let n = (1..=3)
                .find_map(|i| c.get(i))
                .and_then(|m| m.as_str().parse().ok());
            if n.is_some() {
                paragraph = n;
                last.clear();
            }
        }
        for c in BRACKET.captures_iter(raw) {
            let whole = c.get(0).expect("match");
            let inner = c.get(1).expect("group");
            let span = Span::new(line.start + whole.start(), line.start + whole.end());
            let inner = Span::new(line.start + inner.start(), line.start + inner.end());
            let Some(lead) = LEAD.captures(inner.of(text)) else {
                continue;
            };
            let word = lead.get(1).expect("group").as_str();
            let Some(kind) = mark(reference, word) else {
                continue;
            };
            let rest = lead.get(2).expect("group");
            let rest = Span::new(inner.start + rest.start(), inner.start + rest.end());
            match kind {
                Mark::Struck => {
                    struck.append(&mut last);
                    out.taken.push(span);
                }
                Mark::Back(polarity) => {
                    // "[retain - Peru]", "[support: Chile]": the sign's
                    // own dash or colon is not part of the names.
                    let lead = rest.of(text).len()
                        - rest
                            .of(text)
                            .trim_start_matches(|c: char| c.is_whitespace() || "-–—:".contains(c))
                            .len();
                    let who =
                        attribution_actors(text, Span::new(rest.start + lead, rest.end), mentions);
                    if who.is_empty() || last.is_empty() {
                        continue;
                    }
                    for (actor, voiced_by) in who {
                        for &i in &last {
                            if out.proposals[i].proposer != actor {
                                out.stances.push(Stance {
                                    actor: actor.clone(),
                                    voiced_by: voiced_by.clone(),
                                    polarity,
                                    target: StanceTarget::Edit(i),
                                    evidence: span,
                                });
                            }
                        }
                    }
                    out.taken.push(span);
                }
                Mark::Op(value) => {
                    let Some((body, who)) = attributed(text, rest, mentions) else {
                        continue;
                    };
                    let Some(p) = proposal(text, &value, body, paragraph, span) else {
                        continue;
                    };
                    last.clear();
                    for (actor, voiced_by) in who {
                        last.push(out.proposals.len());
                        out.proposals.push(EditProposal {
                            proposer: actor,
                            voiced_by,
                            ..p.clone()
                        });
                    }
                    out.taken.push(span);
                }
            }
        }
    }
    drop_struck(&mut out, &struck);
    out
}

/// A proposal bracket's wording and its proposers: in round brackets at
/// its end, or after a dash.
fn attributed(text: &str, rest: Span, mentions: &Mentions) -> Option<(Span, Voiced)> {
    let s = rest.of(text).trim_end();
    let candidates = [
        s.rfind('(')
            .filter(|_| s.ends_with(')'))
            .map(|i| (i, i + 1, s.len() - 1)),
        DASH_ATTRIBUTION.captures(s).map(|c| {
            (
                c.get(0).expect("m").start(),
                c.get(1).expect("g").start(),
                s.len(),
            )
        }),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|(cut, from, to)| {
            let who = attribution_actors(
                text,
                Span::new(rest.start + from, rest.start + to),
                mentions,
            );
            (!who.is_empty()).then(|| (Span::new(rest.start, rest.start + cut), who))
        })
}

/// The proposal a bracket makes, without its proposer.
fn proposal(
    text: &str,
    value: &str,
    body: Span,
    paragraph: Option<u32>,
    span: Span,
) -> Option<EditProposal> {
    let words = body.of(text).trim();
    let own = OWN_PARAGRAPH.captures(words);
    let named = own
        .as_ref()
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse::<u32>().ok());
    let after_number = own
        .as_ref()
        .map_or(words, |c| words[c.get(0).expect("m").end()..].trim());
    // "del 35", "delete: PP 9": the words are only a paragraph's number.
    let whole_paragraph = named.is_some()
        && (after_number.is_empty() || paragraph_refs(words).len() == 1 && after_number.len() < 3);
    let quoted = QUOTED
        .captures(words)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string());
    let wording = quoted.or_else(|| (!words.is_empty()).then(|| words.to_string()));
    let action = if value == "Delete" {
        if whole_paragraph {
            Action::DeleteParagraph
        } else {
            Action::DeleteText
        }
    } else {
        Action::parse(value)?
    };
    // The bracket's own number wins where it says which paragraph: a
    // replacement, a new paragraph, a merger, a move, a deletion.
    let target = match action {
        Action::InsertText | Action::DeleteText => paragraph.or(named),
        _ => named.or(paragraph),
    }?;
    let (removed, added) = match action {
        Action::DeleteText => (wording, None),
        Action::InsertText | Action::ReplaceText | Action::AddParagraph => (None, wording),
        _ => (None, None),
    };
    // The proposer is filled in per attributed actor by the caller.
    Some(EditProposal {
        proposer: Entity::State(String::new()),
        voiced_by: None,
        document: None,
        targets: vec![target],
        subparagraphs: Vec::new(),
        section: None,
        action,
        removed,
        added,
        kept: None,
        evidence: span,
    })
}

/// Removes the proposals taken back, and the positions on them.
fn drop_struck(out: &mut Read, struck: &[usize]) {
    if struck.is_empty() {
        return;
    }
    let mut index = Vec::with_capacity(out.proposals.len());
    let mut kept = Vec::new();
    for (i, p) in out.proposals.drain(..).enumerate() {
        if struck.contains(&i) {
            index.push(None);
        } else {
            index.push(Some(kept.len()));
            kept.push(p);
        }
    }
    out.proposals = kept;
    out.stances.retain_mut(|s| match s.target {
        StanceTarget::Edit(i) => match index[i] {
            Some(j) => {
                s.target = StanceTarget::Edit(j);
                true
            }
            None => false,
        },
        _ => true,
    });
}
