//! Recorded votes, from any source: press releases ("approved by a recorded
//! vote of 150 in favour to 12 against (…), with 9 abstentions (…)"),
//! news ("by 79 votes to 60, with 33 abstentions"), analyses ("Canada and
//! Japan both voted no") and the vote lists of UN records ("In favour: …").
//!
//! A source is read sentence by sentence. [`grammar`] finds counts and
//! named voters in a sentence, [`texts`] what was voted on; this module
//! strings the sentences together: a sentence without a voted text means
//! the one named last ("It was adopted by …"), a sentence with names but no
//! totals adds them to the vote just reported ("Against: …"), and the same
//! vote reported twice (a summary, then the full record) is one event.
//! Totals are kept as stated; when the named states disagree with them the
//! vote is flagged, never corrected.

mod grammar;
#[cfg(test)]
mod tests;
mod texts;
mod tokens;

use crate::mention::{AdHoc, Entity, Mentions};
use crate::reference::{CueKind, Reference};
use crate::segment::{Segments, Span};
use aho_corasick::AhoCorasick;
use grammar::Named;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;
use texts::{Anchor, Place};
use tokens::{Tok, Token, VoteCues};

/// One state's side in a recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cast {
    Yes,
    No,
    Abstain,
}

impl Cast {
    /// Local name of the `oewg:` term.
    pub fn name(self) -> &'static str {
        match self {
            Cast::Yes => "Yes",
            Cast::No => "No",
            Cast::Abstain => "Abstain",
        }
    }

    /// The `value` column of the vote cues.
    fn parse(v: &str) -> Option<Self> {
        match v {
            "yes" => Some(Cast::Yes),
            "no" => Some(Cast::No),
            "abstain" => Some(Cast::Abstain),
            _ => None,
        }
    }
}

/// What a vote was on: a whole text (a resolution or a document) or one of
/// its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum VotedText {
    Whole(Entity),
    Paragraph {
        of: Entity,
        number: u32,
        preambular: bool,
    },
}

impl VotedText {
    /// The whole text (for a paragraph, the text it belongs to).
    pub fn text(&self) -> &Entity {
        match self {
            VotedText::Whole(e) | VotedText::Paragraph { of: e, .. } => e,
        }
    }
}

/// A named state's vote, with the sentence that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateVote {
    /// ISO 3166-1 alpha-3 code.
    pub state: String,
    pub cast: Cast,
    pub evidence: Span,
}

/// A recorded vote as one source reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordedVote {
    /// Empty when the source never says what was voted on.
    pub on: Vec<VotedText>,
    /// Slug of the voting body.
    pub body: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub date: Option<String>,
    /// The totals as stated.
    pub counts: BTreeMap<Cast, u32>,
    pub votes: Vec<StateVote>,
    /// The named states disagree with the totals.
    pub count_mismatch: bool,
    /// The sentences the vote was read from.
    pub evidence: Vec<Span>,
    /// Titles the source gives voted texts the reference data lacks.
    pub titles: BTreeMap<Entity, String>,
    /// Sides whose list of names claims to be complete.
    complete: BTreeSet<Cast>,
}

impl RecordedVote {
    /// The states named with `cast`.
    pub fn named(&self, cast: Cast) -> Vec<&str> {
        self.votes
            .iter()
            .filter(|v| v.cast == cast)
            .map(|v| v.state.as_str())
            .collect()
    }

    fn merge(&mut self, piece: &Piece, span: Span) {
        for (c, v) in &piece.counts {
            self.counts.entry(*c).or_insert(*v);
        }
        for n in &piece.named {
            for s in &n.states {
                if !self.votes.iter().any(|v| &v.state == s) {
                    self.votes.push(StateVote {
                        state: s.clone(),
                        cast: n.cast,
                        evidence: span,
                    });
                }
            }
            if n.complete {
                self.complete.insert(n.cast);
            }
        }
        if !self.evidence.contains(&span) {
            self.evidence.push(span);
        }
    }

    /// Totals and named lists disagree: more names than the total, or a
    /// complete list of another length.
    fn mismatch(&self) -> bool {
        self.counts.iter().any(|(c, &total)| {
            let named = self.named(*c).len() as u32;
            named > total || (self.complete.contains(c) && named != total)
        })
    }

    fn counts_agree(&self, counts: &BTreeMap<Cast, u32>) -> bool {
        counts
            .iter()
            .all(|(c, v)| self.counts.get(c).is_none_or(|w| w == v))
    }
}

/// Counts and names of one vote in one sentence.
#[derive(Debug, Clone, Default)]
struct Piece {
    /// Token index where it starts.
    at: usize,
    counts: BTreeMap<Cast, u32>,
    named: Vec<Named>,
}

/// Sentences worth running the vote grammar on (the rest are only read for
/// the texts they name).
/// A word of voting ("voted", "a recorded vote", "abstaining"), not only
/// a side ("Against:").
fn speaks_of_voting(cues: &VoteCues, tokens: &[Token]) -> bool {
    [
        CueKind::VoteTrigger,
        CueKind::VoteVerb,
        CueKind::VotePredicate,
    ]
    .into_iter()
    .any(|k| cues.any_in(tokens, 0, tokens.len(), k))
}

fn may_hold_a_vote(sentence: &str) -> bool {
    static TALLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b\d{1,3}[-–]\d{1,3}[-–]\d{1,3}\b").unwrap());
    // In any case of their ASCII letters, as in the lower-cased sentence
    // (no other character lower-cases to one of these words' letters), but
    // without copying it.
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "vot",
                "abstain",
                "abstention",
                "in favo",
                "against:",
                "against (",
                // A side opening a list after the vote's own sentence:
                // "Against were Chile and Peru", "Against included …".
                "against were",
                "against was",
                "against are",
                "against included",
                "against include",
            ])
            .unwrap()
    });
    WORDS.is_match(sentence)
        || (may_hold_a_tally(sentence) && TALLY.is_match(sentence))
        || against_label(sentence)
}

/// "Against, as far as I could read the board: …", "Against OP 5: …": a
/// side whose list's colon comes a few words after it.
fn against_label(sentence: &str) -> bool {
    static AGAINST: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["against"])
            .unwrap()
    });
    AGAINST.find_iter(sentence).any(|m| {
        let rest = &sentence[m.end()..];
        rest[..rest.floor_char_boundary(rest.len().min(120))].contains(':')
    })
}

/// Whether `s` has what a dashed tally needs: a dash and a character `\d`
/// can match (most sentences have no dash, and the expression's Unicode
/// word boundaries make it slow to run).
fn may_hold_a_tally(s: &str) -> bool {
    s.contains(['-', '–'])
        && s.chars()
            .any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
}

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})(?:,?\s+(\d{{4}}))?\b"
    ))
    .unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
    ))
    .unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTHS})\s+(\d{{4}})\b")).unwrap());

fn month_number(m: &str) -> usize {
    MONTHS.split('|').position(|x| x == m).unwrap_or(0) + 1
}

/// The date a sentence gives, completed with the source's year when it
/// names only a day and a month.
fn date_in(sentence: &str, source_year: Option<&str>) -> Option<String> {
    let day = |d: &str, m: &str, y: Option<&str>| -> Option<String> {
        let d: u32 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
        Some(format!(
            "{}-{:02}-{d:02}",
            y.or(source_year)?,
            month_number(m)
        ))
    };
    // Every form names a month: most sentences name none.
    static MONTH: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(MONTHS.split('|')).expect("twelve literals"));
    if !MONTH.is_match(sentence) {
        return None;
    }
    if let Some(c) = DAY_MONTH.captures(sentence) {
        return day(&c[1], &c[2], c.get(3).map(|y| y.as_str()));
    }
    if let Some(c) = MONTH_DAY.captures(sentence) {
        return day(&c[2], &c[1], c.get(3).map(|y| y.as_str()));
    }
    MONTH_YEAR
        .captures(sentence)
        .map(|c| format!("{}-{:02}", &c[2], month_number(&c[1])))
}

/// The whole text the last of a sentence's anchors names, if any.
fn last_text_in(anchors: &[(usize, Anchor)]) -> Option<Anchor> {
    anchors.iter().rev().find_map(|(_, a)| match a {
        Anchor::Paragraphs { of: Some(of), .. } => Some((**of).clone()),
        a if a.is_text() => Some(a.clone()),
        _ => None,
    })
}

/// The committee-and-session prefix of a sentence's last full symbol.
fn last_symbol_prefix_in(tokens: &[Token]) -> Option<String> {
    tokens.iter().rev().find_map(|t| match &t.tok {
        Tok::Symbol(sym) => tokens::symbol_prefix(sym),
        _ => None,
    })
}

/// Reads a whole source.
struct Reader<'a> {
    text: &'a str,
    mentions: &'a Mentions,
    reference: &'a Reference,
    cues: std::sync::Arc<VoteCues>,
    voting_bodies: BTreeMap<String, u32>,
    source_year: Option<String>,
    /// The nearest text named so far (for "It was adopted by …").
    last_text: Option<Anchor>,
    /// The voting body the source names first: where its votes are held
    /// unless a sentence or its paragraph names another.
    first_body: Option<String>,
    /// The date named last (a press release's dateline rules what follows).
    last_date: Option<String>,
    /// Committee-and-session prefix of the nearest full draft symbol, else
    /// of the first one in the source.
    symbol_prefix: Option<String>,
    events: Vec<RecordedVote>,
    minted: texts::Minted,
    /// Whether a sentence so far spoke of voting ("A recorded vote was
    /// taken."): only then is a bare list of names under a side ("Against:
    /// Chile, Peru.") a vote; in a compilation of proposals it is who
    /// opposed the proposal above it.
    voting_seen: bool,
    /// Sentences since the last one read in full that can hold no vote
    /// and name no voting body: all they can change is `last_text` and
    /// `symbol_prefix` (`voting_seen` and the votes need a sentence that
    /// may hold one), which only a vote reads, so they are read (the
    /// latest first, only as far back as needed) when a vote comes.
    unread: Vec<Span>,
}

/// The recorded votes of a source, and the texts they are on that the
/// reference data does not know.
pub fn extract(
    text: &str,
    segments: &Segments,
    mentions: &Mentions,
    reference: &Reference,
    source_date: Option<&str>,
) -> (Vec<RecordedVote>, BTreeMap<Entity, AdHoc>) {
    let mut r = Reader {
        text,
        mentions,
        reference,
        cues: reference.derived(VoteCues::new),
        voting_bodies: reference
            .cues
            .of(CueKind::VotingBody)
            .iter()
            .map(|c| (c.cue.clone(), c.value.parse().unwrap_or(u32::MAX)))
            .collect(),
        source_year: source_date
            .filter(|d| d.len() >= 4)
            .map(|d| d[..4].to_string()),
        last_text: None,
        first_body: None,
        last_date: None,
        symbol_prefix: tokens::first_symbol_prefix(text),
        events: Vec::new(),
        minted: texts::Minted::default(),
        voting_seen: false,
        unread: Vec::new(),
    };
    r.first_body = segments
        .blocks
        .iter()
        .flat_map(|b| &b.sentences)
        .find_map(|&s| r.body_in(mentions.within(s).map(|m| &m.entity)));
    for block in &segments.blocks {
        let mut block_body = None;
        for &sentence in &block.sentences {
            r.sentence(sentence, &mut block_body);
        }
    }
    for e in &mut r.events {
        e.count_mismatch = e.mismatch();
        for t in &e.on {
            if let Some(title) = r.minted.titles.get(t.text()) {
                e.titles.insert(t.text().clone(), title.clone());
            }
        }
    }
    (r.events, r.minted.ad_hoc)
}

impl Reader<'_> {
    fn sentence(&mut self, span: Span, block_body: &mut Option<String>) {
        let s = span.of(self.text);
        let votey = may_hold_a_vote(s);
        if let Some(d) = date_in(s, self.source_year.as_deref()) {
            self.last_date = Some(d);
        }
        if !votey && !self.may_name_voting_body(span) {
            self.unread.push(span);
            return;
        }
        self.catch_up();
        let tokens = tokens::tokenize(self.text, span, self.mentions, votey);
        let anchors = texts::anchors(&self.reading(), &tokens);
        let entities = tokens.iter().filter_map(|t| match &t.tok {
            Tok::Entity(e) => Some(e),
            _ => None,
        });
        if let Some(b) = self.body_in(entities) {
            *block_body = Some(b);
        }
        if votey {
            let body = block_body.clone().or_else(|| self.first_body.clone());
            for piece in self.pieces(&tokens, &anchors) {
                let (anchor, antecedent) = self.anchor_of(piece.at, &anchors);
                let year = self
                    .last_date
                    .as_deref()
                    .map(|d| &d[..4])
                    .or(self.source_year.as_deref());
                let place = Place {
                    body: body.as_deref(),
                    year,
                    symbol_prefix: self.symbol_prefix.as_deref(),
                };
                let on = texts::resolve(
                    anchor.as_ref().unwrap_or(&Anchor::Whole),
                    antecedent.as_ref(),
                    &place,
                    self.reference,
                    &mut self.minted,
                );
                let vote = RecordedVote {
                    on,
                    body: body.clone(),
                    date: self.last_date.clone(),
                    ..Default::default()
                };
                self.add(vote, &piece, anchor.is_some(), span);
            }
        }
        if votey && speaks_of_voting(&self.cues, &tokens) {
            self.voting_seen = true;
        }
        // What this sentence names is the context of the next ones.
        if let Some(t) = last_text_in(&anchors) {
            self.last_text = Some(t);
        }
        if let Some(p) = last_symbol_prefix_in(&tokens) {
            self.symbol_prefix = Some(p);
        }
    }

    fn reading(&self) -> texts::Reading<'_> {
        texts::Reading {
            text: self.text,
            mentions: self.mentions,
            cues: &self.cues,
            reference: self.reference,
        }
    }

    /// Whether a mention inside `span` is a voting body (what a sentence's
    /// tokens can name is among its mentions).
    fn may_name_voting_body(&self, span: Span) -> bool {
        self.mentions.within(span).any(
            |m| matches!(&m.entity, Entity::Body(slug) if self.voting_bodies.contains_key(slug)),
        )
    }

    /// Reads the sentences left unread, the latest first, until the text
    /// and the symbol prefix they leave as context are known: the same
    /// context as reading each of them in order.
    fn catch_up(&mut self) {
        let (mut text, mut prefix) = (None, None);
        while let Some(span) = self.unread.pop() {
            let tokens = tokens::tokenize(self.text, span, self.mentions, false);
            if text.is_none() {
                text = last_text_in(&texts::anchors(&self.reading(), &tokens));
            }
            if prefix.is_none() {
                prefix = last_symbol_prefix_in(&tokens);
            }
            if text.is_some() && prefix.is_some() {
                break;
            }
        }
        self.unread.clear();
        if text.is_some() {
            self.last_text = text;
        }
        if prefix.is_some() {
            self.symbol_prefix = prefix;
        }
    }

    /// The voting body among some entities; of two in one phrase ("the
    /// First Committee of the General Assembly") the one ranked first.
    fn body_in<'e>(&self, entities: impl Iterator<Item = &'e Entity>) -> Option<String> {
        entities
            .filter_map(|e| match e {
                Entity::Body(slug) => self.voting_bodies.get(slug).map(|rank| (*rank, slug)),
                _ => None,
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, slug)| slug.clone())
    }

    /// The sentence's votes: counts grouped into tallies (a side named twice
    /// or a new voted text starts the next), each with the names read beside
    /// it; names without any tally form a piece of their own.
    fn pieces(&self, tokens: &[Token], anchors: &[(usize, Anchor)]) -> Vec<Piece> {
        let (counts, mut named) = grammar::counts(tokens, &self.cues);
        named.extend(grammar::named(tokens, &self.cues));
        let mut pieces: Vec<Piece> = Vec::new();
        let mut prev_at = 0;
        for c in counts {
            let anchor_between = anchors.iter().any(|(a, _)| prev_at < *a && *a < c.at);
            match pieces.last_mut() {
                Some(p) if !p.counts.contains_key(&c.cast) && !anchor_between => {
                    p.counts.insert(c.cast, c.value);
                }
                _ => pieces.push(Piece {
                    at: c.at,
                    counts: BTreeMap::from([(c.cast, c.value)]),
                    named: Vec::new(),
                }),
            }
            prev_at = c.at;
        }
        // One count is a vote only beside a voting word ("adopted with 153
        // votes in favour"), never alone ("supported by 124 States").
        let trigger = self
            .cues
            .any_in(tokens, 0, tokens.len(), CueKind::VoteTrigger);
        pieces.retain(|p| p.counts.len() >= 2 || trigger);
        let mut loose = Piece::default();
        for n in named {
            let owner = pieces
                .iter()
                .rposition(|p| p.at <= n.at)
                .or((!pieces.is_empty()).then_some(0));
            match owner {
                Some(k) => pieces[k].named.push(n),
                None => {
                    if loose.named.is_empty() {
                        loose.at = n.at;
                    }
                    loose.named.push(n);
                }
            }
        }
        if !loose.named.is_empty() && (self.voting_seen || speaks_of_voting(&self.cues, tokens)) {
            pieces.push(loose);
        }
        pieces
    }

    /// The anchor a vote at token `at` is on (the nearest before it in the
    /// sentence, else the first after it) and the text named before that
    /// anchor (its antecedent).
    fn anchor_of(
        &self,
        at: usize,
        anchors: &[(usize, Anchor)],
    ) -> (Option<Anchor>, Option<Anchor>) {
        let usable: Vec<&(usize, Anchor)> = anchors
            .iter()
            .filter(|(_, a)| !matches!(a, Anchor::Known(Entity::Resolution(_))))
            .collect();
        // A resolution cited beside a draft or a title is context ("the
        // draft, which recalls resolution 73/27"); alone, it is the text.
        let pool: Vec<&(usize, Anchor)> = if usable.is_empty() {
            anchors.iter().collect()
        } else {
            usable
        };
        let k = pool
            .iter()
            .rposition(|(p, _)| *p <= at)
            .or_else(|| pool.iter().position(|(p, _)| *p > at));
        let before = k.map_or(at, |k| pool[k].0);
        let antecedent = anchors
            .iter()
            .filter(|(p, _)| *p < before)
            .filter_map(|(_, a)| match a {
                Anchor::Paragraphs { of: Some(of), .. } => Some((**of).clone()),
                a if a.is_text() => Some(a.clone()),
                _ => None,
            })
            .next_back()
            .or_else(|| self.last_text.clone());
        (k.map(|k| pool[k].1.clone()), antecedent)
    }

    /// Adds a piece to the vote it reports: the same text with agreeing
    /// totals, or for names alone the vote just reported; else a new vote.
    fn add(&mut self, vote: RecordedVote, piece: &Piece, explicit: bool, span: Span) {
        let same = |e: &RecordedVote| {
            e.on == vote.on
                && (e.body.is_none() || vote.body.is_none() || e.body == vote.body)
                && (e.date.is_none() || vote.date.is_none() || e.date == vote.date)
        };
        let existing = if !piece.counts.is_empty() {
            self.events
                .iter()
                .rposition(|e| same(e) && e.counts_agree(&piece.counts))
        } else if explicit {
            self.events.iter().rposition(same)
        } else {
            // "Against: …" after the totals: the vote just reported, unless
            // the text has moved on to another voted text.
            let roots = |v: &[VotedText]| {
                v.iter()
                    .map(VotedText::text)
                    .cloned()
                    .collect::<BTreeSet<_>>()
            };
            self.events.len().checked_sub(1).filter(|&k| {
                let last = &self.events[k];
                last.on.is_empty() || vote.on.is_empty() || roots(&last.on) == roots(&vote.on)
            })
        };
        let k = existing.unwrap_or_else(|| {
            self.events.push(vote.clone());
            self.events.len() - 1
        });
        let e = &mut self.events[k];
        if e.on.is_empty() {
            e.on = vote.on.clone();
        }
        e.body = e.body.take().or(vote.body);
        e.date = e.date.take().or(vote.date);
        e.merge(piece, span);
    }
}
