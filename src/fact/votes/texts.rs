//! What was voted on. A sentence names the voted text by a draft symbol
//! ("A/C.1/79/L.12", "L.11"), a resolution ("resolution 77/37"), a known
//! draft, a quoted title ("the draft entitled “…”"), a description ("a
//! resolution on the programme of action"), a paragraph of one ("operative
//! paragraph 5 of draft L.12", "preambular paragraph 10"), or not at all
//! ("It was adopted by …", "the draft as a whole"): then the nearest text
//! named before it is meant. Anchors are kept as found and resolved to
//! entities only when a vote needs them, with that vote's body and year.

use super::tokens::{Tok, Token, VoteCues};
use super::VotedText;
use crate::mention::{symbol_slug, AdHoc, Entity, Mentions, SUBJECT_STOPS};
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use std::collections::BTreeMap;

/// A voted text as a sentence names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// A draft symbol as written (full or short), with the title the
    /// sentence gives it.
    Symbol(String, Option<String>),
    /// A resolution citation, a draft of the reference data, or a draft the
    /// mention stage found by description.
    Known(Entity),
    /// A quoted title after a text noun.
    Title(String),
    /// "resolution on …": the words as written.
    Description(String),
    /// Paragraphs of a text; `of` when the sentence says which.
    Paragraphs {
        numbers: Vec<u32>,
        preambular: bool,
        of: Option<Box<Anchor>>,
    },
    /// "as a whole": the text whose paragraphs were voted before.
    Whole,
    /// A text the sentence singles out without naming it ("the US-sponsored
    /// resolution", "the Russian draft"): not the text named before, and
    /// not known either.
    Unnamed,
}

impl Anchor {
    /// True for anchors that name a whole text (antecedents).
    pub fn is_text(&self) -> bool {
        !matches!(self, Anchor::Paragraphs { .. } | Anchor::Whole)
    }
}

/// Words before a text noun that leave it pointing back at the text named
/// before ("the draft", "the revised text"); any other word singles out
/// another text ("the US-sponsored resolution").
const PLAIN_DETERMINERS: [&str; 14] = [
    "the", "a", "an", "this", "that", "its", "their", "said", "same", "entire", "revised",
    "amended", "final", "overall",
];

/// Words before a text noun that qualify nothing: "set in motion", "put
/// into the text", "by resolution".
const PREPOSITIONS: [&str; 10] = [
    "in", "into", "on", "of", "to", "for", "by", "with", "under", "from",
];

/// Words allowed between a text noun and its quoted title.
const TITLE_LEADS: [&str; 4] = ["entitled", "titled", "called", "named"];

const OPEN_QUOTES: [char; 5] = ['“', '"', '‘', '\'', '«'];
const CLOSE_QUOTES: [char; 5] = ['”', '"', '’', '\'', '»'];

/// What anchors are read with: the source, its mentions, the cues and the
/// reference data.
pub struct Reading<'a> {
    pub text: &'a str,
    pub mentions: &'a Mentions,
    pub cues: &'a VoteCues,
    pub reference: &'a Reference,
}

impl Reading<'_> {
    /// The draft the mention stage found by description around byte `at`
    /// ("the draft resolution on …"): a description the vote grammar reads
    /// there is that draft, so votes, proposals and stances on it meet.
    fn described_draft(&self, at: usize) -> Option<Entity> {
        let items = &self.mentions.items;
        let k = items
            .partition_point(|m| m.span.start <= at)
            .checked_sub(1)?;
        let m = &items[k];
        let described = self
            .mentions
            .ad_hoc
            .get(&m.entity)
            .is_some_and(|a| a.symbol.is_none());
        (described && at < m.span.end).then(|| m.entity.clone())
    }
}

/// Anchors of a sentence with the token index each starts at. A paragraph's
/// "of <text>" is folded into the paragraph anchor.
pub fn anchors(r: &Reading, tokens: &[Token]) -> Vec<(usize, Anchor)> {
    let cues = r.cues;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((end, a)) = paragraph_at(r, tokens, i) {
            out.push((i, a));
            i = end;
        } else if let Some((end, a)) = text_at(r, tokens, i) {
            out.push((i, a));
            i = end;
        } else if let Some((end, _)) = cues.at(tokens, i, CueKind::VoteWhole) {
            out.push((i, Anchor::Whole));
            i = end;
        } else if let Some(end) = unnamed_at(tokens, i, cues) {
            out.push((i, Anchor::Unnamed));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// "the US-sponsored resolution": a text noun after a qualifier, with no
/// symbol, title or description of its own. The index after the noun.
fn unnamed_at(tokens: &[Token], i: usize, cues: &VoteCues) -> Option<usize> {
    let (end, _) = cues.at(tokens, i, CueKind::VoteTextNoun)?;
    let qualifier = tokens.get(i.checked_sub(1)?)?;
    let plain = match &qualifier.tok {
        Tok::Word(w) => {
            PLAIN_DETERMINERS.contains(&w.as_str())
                || PREPOSITIONS.contains(&w.as_str())
                || cues.at(tokens, i - 1, CueKind::VoteTextNoun).is_some()
        }
        Tok::Punct(_) => true,
        _ => false,
    };
    let named_next = tokens
        .get(end)
        .is_some_and(|t| matches!(t.tok, Tok::Symbol(_) | Tok::Entity(Entity::Resolution(_))));
    (!plain && !named_next).then_some(end)
}

/// A whole-text anchor starting at token `i`, and the index after it.
fn text_at(r: &Reading, tokens: &[Token], i: usize) -> Option<(usize, Anchor)> {
    let (text, cues, reference) = (r.text, r.cues, r.reference);
    match &tokens.get(i)?.tok {
        Tok::Symbol(s) => {
            // "A/C.1/77/L.73, entitled “…”"
            let (end, title) = match quoted_after(text, tokens, i + 1) {
                Some((end, t)) => (end, Some(t)),
                None => (i + 1, None),
            };
            return Some((end, Anchor::Symbol(s.clone(), title)));
        }
        // "the group established by resolution 73/27" cites a mandate.
        Tok::Entity(Entity::Resolution(_))
            if cues.ending_at(tokens, i, CueKind::VoteCited).is_some() =>
        {
            return None
        }
        Tok::Entity(e @ Entity::Resolution(_)) => return Some((i + 1, Anchor::Known(e.clone()))),
        Tok::Entity(e @ Entity::Document(slug))
            if reference.document(slug).is_some_and(|d| d.is_draft()) =>
        {
            return Some((i + 1, Anchor::Known(e.clone())))
        }
        _ => {}
    }
    let (j, _) = cues.at(tokens, i, CueKind::VoteTextNoun)?;
    if let Some((end, title)) = quoted_after(text, tokens, j) {
        // "the draft “…” (A/C.1/77/L.73)"
        let symbol = tokens
            .get(end)
            .filter(|t| t.is_punct('('))
            .and(tokens.get(end + 1));
        if let (Some(Tok::Symbol(s)), true) = (
            symbol.map(|t| &t.tok),
            tokens.get(end + 2).is_some_and(|t| t.is_punct(')')),
        ) {
            return Some((end + 3, Anchor::Symbol(s.clone(), Some(title))));
        }
        return Some((end, Anchor::Title(title)));
    }
    let next = tokens.get(j)?;
    if next.word() == Some("on") {
        let stop = (j + 1..tokens.len())
            .find(|&k| match &tokens[k].tok {
                Tok::Word(w) => SUBJECT_STOPS.contains(&w.as_str()),
                Tok::Punct(c) => !matches!(c, '(' | ')' | '-' | '–'),
                _ => false,
            })
            .unwrap_or(tokens.len());
        if stop > j + 1 {
            if let Some(e) = r.described_draft(tokens[i].span.start) {
                return Some((stop, Anchor::Known(e)));
            }
            let words = Span::new(tokens[i].span.start, tokens[stop - 1].span.end).of(text);
            return Some((stop, Anchor::Description(words.to_string())));
        }
    }
    None
}

/// A quoted title from token `j`, after optional ", entitled": the index
/// after the closing quote and the title.
fn quoted_after(text: &str, tokens: &[Token], mut j: usize) -> Option<(usize, String)> {
    while tokens
        .get(j)
        .is_some_and(|t| t.word().is_some_and(|w| TITLE_LEADS.contains(&w)) || t.is_punct(','))
    {
        j += 1;
    }
    let open = tokens.get(j)?;
    let Tok::Punct(q) = open.tok else {
        return None;
    };
    if !OPEN_QUOTES.contains(&q) {
        return None;
    }
    let close = (j + 1..tokens.len())
        .find(|&k| matches!(tokens[k].tok, Tok::Punct(c) if CLOSE_QUOTES.contains(&c)))?;
    let title = Span::new(open.span.end, tokens[close].span.start)
        .of(text)
        .trim();
    (close > j + 1).then(|| (close + 1, title.to_string()))
}

/// "operative paragraph 5 of draft L.12", "OP4", "preambular paragraphs 2
/// and 3".
fn paragraph_at(r: &Reading, tokens: &[Token], i: usize) -> Option<(usize, Anchor)> {
    let cues = r.cues;
    let (mut j, preambular, numbers) = match cues.at(tokens, i, CueKind::VoteParagraph) {
        Some((end, kind)) => {
            let (numbers, next) = number_list(tokens, end);
            (next, kind == "preambular", numbers)
        }
        None => {
            // "OP4" / "PP10" written as one word.
            let w = tokens[i].word()?;
            let digits = w.trim_start_matches(char::is_alphabetic);
            let prefix = &w[..w.len() - digits.len()];
            let n: u32 = digits.parse().ok()?;
            let (_, kind) = cues.at(
                &[Token {
                    tok: Tok::Word(prefix.into()),
                    span: tokens[i].span,
                }],
                0,
                CueKind::VoteParagraph,
            )?;
            (i + 1, kind == "preambular", vec![n])
        }
    };
    if numbers.is_empty() {
        return None;
    }
    let mut of = None;
    if tokens.get(j).and_then(Token::word) == Some("of") {
        let mut k = j + 1;
        while tokens.get(k).and_then(Token::word) == Some("the") {
            k += 1;
        }
        // "of draft resolution A/C.1/79/L.12": past the noun to the symbol.
        let parent = text_at(r, tokens, k).or_else(|| {
            let (end, _) = cues.at(tokens, k, CueKind::VoteTextNoun)?;
            text_at(r, tokens, end)
        });
        if let Some((end, a)) = parent {
            of = Some(Box::new(a));
            j = end;
        }
    }
    Some((
        j,
        Anchor::Paragraphs {
            numbers,
            preambular,
            of,
        },
    ))
}

/// "5", "2 and 3", "2, 3 and 7": the numbers and the index after them.
fn number_list(tokens: &[Token], mut i: usize) -> (Vec<u32>, usize) {
    let mut out = Vec::new();
    while let Some(Tok::Num(n)) = tokens.get(i).map(|t| &t.tok) {
        out.push(*n);
        i += 1;
        let sep = tokens
            .get(i)
            .is_some_and(|t| t.is_punct(',') || t.word() == Some("and"));
        let more = matches!(tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Num(_)));
        if sep && more {
            i += 1;
        } else {
            break;
        }
    }
    (out, i)
}

/// What a vote's context adds to anchors: where and when it was held, the
/// committee-and-session prefix full symbols of the source use.
pub struct Place<'a> {
    pub body: Option<&'a str>,
    pub year: Option<&'a str>,
    pub symbol_prefix: Option<&'a str>,
}

/// Entities minted for texts the reference data lacks, and the titles the
/// source gives them.
#[derive(Debug, Clone, Default)]
pub struct Minted {
    pub ad_hoc: BTreeMap<Entity, AdHoc>,
    pub titles: BTreeMap<Entity, String>,
}

/// Resolves an anchor to the voted texts; `antecedent` is the nearest text
/// named before it.
pub fn resolve(
    anchor: &Anchor,
    antecedent: Option<&Anchor>,
    place: &Place,
    reference: &Reference,
    minted: &mut Minted,
) -> Vec<VotedText> {
    let mut whole = |a: &Anchor| -> Option<Entity> {
        let (e, title) = match a {
            Anchor::Symbol(s, title) => (
                symbol_entity(s, place, reference, &mut minted.ad_hoc),
                title.clone(),
            ),
            Anchor::Known(e) => (e.clone(), None),
            Anchor::Title(t) => match title_resolution(t, place.year, reference) {
                Some(r) => (r, None),
                None => (described(t, place, &mut minted.ad_hoc), Some(t.clone())),
            },
            Anchor::Description(d) => (described(d, place, &mut minted.ad_hoc), None),
            Anchor::Paragraphs { .. } | Anchor::Whole | Anchor::Unnamed => return None,
        };
        if let Some(t) = title.filter(|_| minted.ad_hoc.contains_key(&e)) {
            minted.titles.entry(e.clone()).or_insert(t);
        }
        Some(e)
    };
    match anchor {
        Anchor::Paragraphs {
            numbers,
            preambular,
            of,
        } => {
            let Some(of) = of.as_deref().or(antecedent).and_then(&mut whole) else {
                return Vec::new();
            };
            numbers
                .iter()
                .map(|&number| VotedText::Paragraph {
                    of: of.clone(),
                    number,
                    preambular: *preambular,
                })
                .collect()
        }
        Anchor::Whole => antecedent
            .and_then(whole)
            .map(VotedText::Whole)
            .into_iter()
            .collect(),
        a => whole(a).map(VotedText::Whole).into_iter().collect(),
    }
}

/// A draft by symbol: the reference document when known, else the document
/// every source minting that symbol meets on (`symbol_slug`). A short
/// "L.11" takes the committee-and-session prefix of the source's full
/// symbols when it has one.
fn symbol_entity(
    s: &str,
    place: &Place,
    reference: &Reference,
    ad_hoc: &mut BTreeMap<Entity, AdHoc>,
) -> Entity {
    let full = if s.starts_with("A/") {
        Some(s.to_string())
    } else {
        place.symbol_prefix.map(|p| format!("{p}{s}"))
    };
    match full {
        Some(full) => {
            if let Some(d) = reference.document_by_symbol(&full) {
                return Entity::Document(d.slug.clone());
            }
            let e = Entity::Document(symbol_slug(&full));
            ad_hoc.entry(e.clone()).or_insert(AdHoc {
                label: full.clone(),
                symbol: Some(full),
            });
            e
        }
        None => described(s, place, ad_hoc),
    }
}

/// A text known only by its words: minted from the body, the year and the
/// normalised words, so two mentions in one context meet on one node.
fn described(words: &str, place: &Place, ad_hoc: &mut BTreeMap<Entity, AdHoc>) -> Entity {
    let key = [place.body.unwrap_or(""), place.year.unwrap_or(""), words]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let e = Entity::Document(symbol_slug(&key));
    ad_hoc.entry(e.clone()).or_insert(AdHoc {
        label: words.to_string(),
        symbol: None,
    });
    e
}

/// Words of a title, compared loosely: lower case, parenthesised
/// abbreviations and plural "s" dropped ("communication technologies (ICT)"
/// meets "communications technologies").
fn title_key(t: &str) -> String {
    let mut depth = 0;
    let kept: String = t
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth == 0 && c != ')'
        })
        .collect();
    kept.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The resolution of the reference data with this title: the only one, or
/// the only one of the vote's year.
fn title_resolution(title: &str, year: Option<&str>, reference: &Reference) -> Option<Entity> {
    let key = title_key(title);
    let same: Vec<_> = reference
        .resolutions
        .iter()
        .filter(|r| title_key(&r.title) == key)
        .collect();
    let pick = match same.as_slice() {
        [one] => Some(*one),
        many => {
            let y = year?;
            let of_year: Vec<_> = many.iter().filter(|r| r.year == y).collect();
            (of_year.len() == 1).then(|| *of_year[0])
        }
    }?;
    Some(Entity::Resolution(pick.key.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_meet_despite_plurals_and_abbreviations() {
        assert_eq!(
            title_key("Countering the use of information and communication technologies (ICT) for criminal purposes"),
            title_key("Countering the use of information and communications technologies for criminal purposes")
        );
    }

    #[test]
    fn a_title_shared_by_many_resolutions_needs_the_year() {
        let r = Reference::load().unwrap();
        let t = "Developments in the field of information and telecommunications in the context of international security";
        assert_eq!(title_resolution(t, None, &r), None);
        assert_eq!(
            title_resolution(t, Some("2015"), &r),
            Some(Entity::Resolution("70-237".into()))
        );
    }
}
