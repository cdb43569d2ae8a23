//! Proposals a draft's own numbered text attributes: bracketed
//! alternatives with their proposers in parentheses, and footnotes that say
//! who asked for a bracketed text or a deletion.
//!
//! A Chair's revised text shows what is still under negotiation in square
//! brackets: "15. States [should] [could (Cuba, Nicaragua)] consider …"
//! is Cuba's and Nicaragua's proposal to replace "should" with "could" in
//! paragraph 15; "[a central repository (Peru)]" alone is Peru's insertion.
//! A marker after a bracket points at a footnote that names proposers,
//! supporters and opponents: "¹ Proposed by Chile; Oman requested its
//! deletion." Everything else in such a text is the document's own wording
//! and proposes nothing, so only attributed brackets are read.

use crate::fact::proposals::{Action, EditProposal, Polarity, Stance, StanceTarget};
use crate::fact::ParagraphFact;
use crate::mention::{Entity, Mention, Mentions};
use crate::reference::Reference;
use crate::segment::{Segments, Span};
use regex::Regex;
use std::sync::LazyLock;

/// A square-bracketed text without nested brackets.
pub(super) static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]*)\]").unwrap());

/// A parenthesis closing a bracket's content: its possible attribution.
static TRAILING_PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]*)\)\s*$").unwrap());

/// What an attribution may hold besides actor names.
static ATTRIBUTION_GLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\s,;]|\band\b|\bon behalf of\b|\bspeaking for\b|\bthe\b|\bsupported by\b)*$",
    )
    .unwrap()
});

/// "on behalf of" or "speaking for": who speaks comes before it.
static ON_BEHALF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:on behalf of|speaking for)\b").unwrap());

/// Footnote markers: superscript digits.
const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/// "21 bis. …": a bracketed new paragraph.
static NEW_PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\d{1,3}\s*(?:bis|ter|quater)\b").unwrap());

/// A bracket standing for a deleted paragraph or text.
static DELETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:deleted|delete|deletion)\s*$").unwrap());

/// Footnote clauses: what the named actors did.
static SUPPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:supported|backed|endorsed|seconded|welcomed)\b").unwrap()
});
static OBJECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:opposed|objected|rejected|could not accept|cannot accept)\b").unwrap()
});
static DELETION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:deletion|deleted|delete|removal|removed|remove)\b").unwrap()
});
static RESTORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:reinstated|reinstatement|reinstate|restored|restore|retained|retain|kept|keep)\b")
        .unwrap()
});
static PROPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:proposed|suggested|requested|put forward|submitted|tabled|request of|introduced)\b")
        .unwrap()
});

/// What the actors of a footnote clause did to the bracket it explains.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Proposed,
    Backed(Polarity),
}

/// "Egypt requested its deletion" objects to a bracketed text but
/// proposes a bracket that stands for a deletion; "asked that it be
/// reinstated" objects to that deletion.
fn role(words: &str, deletion: bool) -> Option<Role> {
    if SUPPORTED.is_match(words) {
        return Some(Role::Backed(Polarity::Support));
    }
    let objects = OBJECTED.is_match(words)
        || if deletion {
            RESTORED.is_match(words)
        } else {
            DELETION.is_match(words)
        };
    if objects {
        Some(Role::Backed(Polarity::Opposition))
    } else if PROPOSED.is_match(words) || (deletion && DELETION.is_match(words)) {
        Some(Role::Proposed)
    } else {
        None
    }
}

/// One bracket of a paragraph.
struct Bracket {
    span: Span,
    /// The wording, without an attribution.
    content: Span,
    /// The actors in its attribution, with who voiced them.
    proposers: Vec<(Entity, Option<Entity>)>,
    /// The bracket before it, when only blanks part them and it carries no
    /// attribution: the Chair's wording this one would replace.
    replaces: Option<Span>,
}

/// Reads the attributed brackets and footnotes of a document's own text.
pub(super) fn attributed(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    paragraphs: &[ParagraphFact],
    taken: &[Span],
) -> (Vec<EditProposal>, Vec<Stance>) {
    let mut proposals: Vec<EditProposal> = Vec::new();
    let mut stances: Vec<Stance> = Vec::new();
    // For each footnote marker after a bracket: the proposals the bracket
    // made itself, the bracket and its paragraph.
    let mut marked: Vec<(char, Vec<usize>, Bracket, &ParagraphFact)> = Vec::new();
    for p in paragraphs.iter().filter(|p| !p.quoted) {
        let Some(body) = p.span else { continue };
        // Brackets the notation reader took (`notation`) are its own.
        for b in brackets(text, body, mentions)
            .into_iter()
            .filter(|b| !taken.contains(&b.span))
        {
            let first = proposals.len();
            for (actor, voiced_by) in &b.proposers {
                proposals.push(proposal(text, p, &b, actor.clone(), voiced_by.clone()));
            }
            backs_what_it_names(mentions, reference, &b, &b.proposers, b.span, &mut stances);
            if let Some(m) = marker_after(text, b.span.end) {
                marked.push((m, (first..proposals.len()).collect(), b, p));
            }
        }
    }
    for (marker, own, bracket, p) in marked {
        let Some(note) = footnote(text, segments, marker) else {
            continue;
        };
        read_footnote(
            text,
            mentions,
            reference,
            note,
            (p, &bracket, own),
            &mut proposals,
            &mut stances,
        );
    }
    (proposals, stances)
}

/// The brackets of a paragraph, with their attributions.
fn brackets(text: &str, body: Span, mentions: &Mentions) -> Vec<Bracket> {
    let slice = body.of(text);
    let mut out: Vec<Bracket> = Vec::new();
    for c in BRACKET.captures_iter(slice) {
        let whole = c.get(0).expect("match");
        let inner = c.get(1).expect("group");
        let span = Span::new(body.start + whole.start(), body.start + whole.end());
        let inner_span = Span::new(body.start + inner.start(), body.start + inner.end());
        let (content, proposers) = match TRAILING_PARENS.captures(inner.as_str()) {
            Some(pc) => {
                let g = pc.get(1).expect("group");
                let attribution =
                    Span::new(inner_span.start + g.start(), inner_span.start + g.end());
                let who = attribution_actors(text, attribution, mentions);
                if who.is_empty() {
                    (inner_span, who)
                } else {
                    let cut = inner_span.start + pc.get(0).expect("match").start();
                    (trimmed(text, Span::new(inner_span.start, cut)), who)
                }
            }
            None => (inner_span, Vec::new()),
        };
        let replaces = out
            .last()
            .filter(|prev| prev.proposers.is_empty())
            .filter(|prev| text[prev.span.end..span.start].trim().is_empty())
            .map(|prev| prev.content);
        out.push(Bracket {
            span,
            content,
            proposers,
            replaces,
        });
    }
    out
}

/// The actors a parenthesis names, when it names nothing else: "(Cuba,
/// Nicaragua)", "(Fiji, on behalf of the Pacific Islands Forum)".
pub(super) fn attribution_actors(
    text: &str,
    span: Span,
    mentions: &Mentions,
) -> Vec<(Entity, Option<Entity>)> {
    let actors = actors_within(mentions, span);
    if actors.is_empty() {
        return Vec::new();
    }
    let mut residue = String::new();
    let mut at = span.start;
    for m in &actors {
        residue.push_str(&text[at..m.span.start]);
        at = m.span.end;
    }
    residue.push_str(&text[at..span.end]);
    if !ATTRIBUTION_GLUE.is_match(&residue) {
        return Vec::new();
    }
    voiced(text, span, &actors)
}

fn trimmed(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + lead + s.trim().len())
}

/// An attributed bracket as a proposal of one of its proposers.
fn proposal(
    text: &str,
    p: &ParagraphFact,
    b: &Bracket,
    proposer: Entity,
    voiced_by: Option<Entity>,
) -> EditProposal {
    let content = b.content.of(text).trim().to_string();
    let (action, removed, added) = if DELETED.is_match(&content) {
        (Action::DeleteParagraph, None, None)
    } else if NEW_PARAGRAPH.is_match(&content) {
        (Action::AddParagraph, None, Some(content))
    } else if let Some(old) = b.replaces {
        (
            Action::ReplaceText,
            Some(old.of(text).trim().to_string()),
            Some(content),
        )
    } else {
        (Action::InsertText, None, Some(content))
    };
    EditProposal {
        proposer,
        voiced_by,
        document: Some(p.document.clone()),
        targets: vec![p.number],
        subparagraphs: Vec::new(),
        section: None,
        action,
        removed,
        added,
        kept: None,
        evidence: b.span,
    }
}

/// Proposing a wording that names a recurring proposal or body backs it,
/// as the proposal reader has it for quoted wording.
fn backs_what_it_names(
    mentions: &Mentions,
    reference: &Reference,
    b: &Bracket,
    proposers: &[(Entity, Option<Entity>)],
    evidence: Span,
    stances: &mut Vec<Stance>,
) {
    for t in targets(mentions, reference, b.content) {
        for (actor, voiced_by) in proposers {
            stances.push(Stance {
                actor: actor.clone(),
                voiced_by: voiced_by.clone(),
                polarity: Polarity::Support,
                target: t.clone(),
                evidence,
            });
        }
    }
}

/// Recurring proposals and bodies named in a span.
fn targets(mentions: &Mentions, reference: &Reference, span: Span) -> Vec<StanceTarget> {
    let mut out = Vec::new();
    for m in mentions.within(span) {
        let t = match &m.entity {
            Entity::Policy(p) => StanceTarget::Policy(p.clone()),
            Entity::Body(b)
                if reference
                    .bodies
                    .iter()
                    .any(|x| &x.slug == b && x.is_position_target()) =>
            {
                StanceTarget::Body(b.clone())
            }
            _ => continue,
        };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Whether a line is a footnote: it opens with a superscript marker.
pub(super) fn is_footnote(line: &str) -> bool {
    line.starts_with(|c: char| SUPERSCRIPTS.contains(c))
}

/// The footnote marker right after a bracket, if any.
fn marker_after(text: &str, at: usize) -> Option<char> {
    text[at..]
        .chars()
        .next()
        .filter(|c| SUPERSCRIPTS.contains(*c))
}

/// The sentence of the footnote a marker points at: a line that opens
/// with the marker.
fn footnote(text: &str, segments: &Segments, marker: char) -> Option<Span> {
    segments.blocks.iter().find_map(|b| {
        let line = b.span.of(text);
        let rest = line.strip_prefix(marker)?;
        if rest.starts_with(|c: char| SUPERSCRIPTS.contains(c)) {
            return None;
        }
        Some(trimmed(
            text,
            Span::new(b.span.start + marker.len_utf8(), b.span.end),
        ))
    })
}

/// Reads a footnote clause by clause: who proposed the bracketed text (or
/// the deletion), who supported it and who objected.
fn read_footnote(
    text: &str,
    mentions: &Mentions,
    reference: &Reference,
    note: Span,
    (p, bracket, own): (&ParagraphFact, &Bracket, Vec<usize>),
    proposals: &mut Vec<EditProposal>,
    stances: &mut Vec<Stance>,
) {
    let mut ours = own;
    let deletion = DELETED.is_match(bracket.content.of(text));
    let mut backing: Vec<(Polarity, Entity, Option<Entity>, Span)> = Vec::new();
    let mut at = note.start;
    for piece in note.of(text).split_inclusive([';', '.']) {
        let clause = Span::new(at, at + piece.len());
        at = clause.end;
        let actors = clause_actors(text, clause, mentions);
        if actors.is_empty() {
            continue;
        }
        let proposes = match role(clause.of(text), deletion) {
            Some(Role::Backed(polarity)) => {
                backing.extend(
                    actors
                        .iter()
                        .map(|(a, v)| (polarity, a.clone(), v.clone(), clause)),
                );
                false
            }
            Some(Role::Proposed) => true,
            // A footnote that only names actors names the proposers.
            None => ours.is_empty(),
        };
        if proposes {
            backs_what_it_names(mentions, reference, bracket, &actors, clause, stances);
            for (a, v) in actors {
                let mut e = proposal(text, p, bracket, a, v);
                e.evidence = clause;
                ours.push(proposals.len());
                proposals.push(e);
            }
        }
    }
    for (polarity, actor, voiced_by, clause) in backing {
        for &i in &ours {
            if proposals[i].proposer != actor {
                stances.push(Stance {
                    actor: actor.clone(),
                    voiced_by: voiced_by.clone(),
                    polarity,
                    target: StanceTarget::Edit(i),
                    evidence: clause,
                });
            }
        }
    }
}

/// The actors a footnote clause names; "X on behalf of G" is G, voiced by X.
fn clause_actors(text: &str, clause: Span, mentions: &Mentions) -> Vec<(Entity, Option<Entity>)> {
    voiced(text, clause, &actors_within(mentions, clause))
}

/// The states and groups named in a span.
fn actors_within(mentions: &Mentions, span: Span) -> Vec<&Mention> {
    mentions
        .within(span)
        .filter(|m| m.entity.is_state_or_group())
        .collect()
}

/// Actors with who voices them: after "on behalf of" they are the
/// holders and the actor before it speaks for them.
fn voiced(text: &str, span: Span, actors: &[&Mention]) -> Vec<(Entity, Option<Entity>)> {
    let behalf = ON_BEHALF
        .find(span.of(text))
        .map(|b| span.start + b.start())
        .filter(|&at| actors.iter().any(|m| m.span.start >= at));
    let Some(at) = behalf else {
        return actors.iter().map(|m| (m.entity.clone(), None)).collect();
    };
    let speaker = actors
        .iter()
        .rev()
        .find(|m| m.span.end <= at)
        .map(|m| m.entity.clone());
    actors
        .iter()
        .filter(|m| m.span.start >= at)
        .map(|m| (m.entity.clone(), speaker.clone()))
        .collect()
}
