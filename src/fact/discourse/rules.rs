//! Stances read by the declarative rules of `ontology/stance-rules.csv`.
//!
//! The clause reader (`stance`, `proposal`) handles positions led by a
//! support, oppose or proposal cue. Real statements also take positions
//! without one: "the Working Group is an inclusive forum", "a binding
//! instrument is a necessity", "Ghana considered the PoA premature". Those
//! phrasings are rules over classed tokens (`tokens`, syntax in
//! `fact::pattern`), each with an invented example the tests run, so a new
//! phrasing is a row in the CSV, not Rust.
//!
//! A rule's `@target` tokens are what the position is about (an `@it`
//! pronoun: what was just named); its `@actor` tokens and their lists hold
//! it, else the sentence's holders are found as for a cue at
//! the match (subjects before it, "by X" after it, the last speaker for a
//! pronoun, the author of a first-person text). A negation in or just
//! before the match turns the polarity. The clause reader wins: a rule adds
//! nothing on a target the sentence already gave that holder a position on.

use super::context::{Context, Holder, Produced};
use super::cues::Hit;
use super::tokens::{Tokens, SPONSOR_NOUNS};
use super::Extractor;
use crate::fact::pattern::{Match, Pattern, Prefilter};
use crate::fact::proposals::{Polarity, StanceTarget};
use crate::mention::Entity;
use crate::reference::{CueKind, Reference};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// How many tokens before a match a negation still turns it ("did not
/// consider the PoA useful" has it inside; "not the PoA, which is
/// useful" two before).
const NEGATION_REACH: usize = 2;

/// "Nor do we believe that …", "we do not think that …": a negated
/// belief turns what its complement says, up to a contrast.
static NEGATED_BELIEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|nor|never|no longer)\b(?:\s+\w+){0,3}?\s+(?:believe|think|consider|agree|accept|see|persuaded|convinced|satisfied)s?\b(?:\s+that)?(?:[^;.]*?)$")
        .unwrap()
});

/// A contrast after which a negated belief no longer holds.
static CONTRAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),\s*(?:but|however|yet)\b|\bwhile\b").unwrap());

/// Words without which no rule about a draft's topic can match: the
/// sentences a block's draft topic makes worth tokenising.
static DRAFT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)sponsor|co-author|draft|resolution|\bL\.\s?\d").unwrap());

/// What may stand between the comma that closes a fronted phrase and the
/// main clause's subject: nothing, or "the representative of".
static SUBJECT_AFTER_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:the\s+(?:representatives?|delegates?|delegations?|ambassadors?|envoys?|spokesperson|minister)\s+(?:of|for|from)\s+(?:the\s+)?)?$").unwrap()
});

/// Token classes that point back at what was just named (see `tokens`).
const POINTERS: [&str; 4] = ["@it", "@such", "@backers", "@critics"];

/// A rule's finding: holders, polarity (`None` for `same`), target, rule.
type Found = (Vec<Holder>, Option<Polarity>, StanceTarget, usize);

/// A compiled rule.
pub(super) struct Rule {
    pub(super) name: String,
    pattern: Pattern,
    /// `None` for `same`: the polarity of the latest position taken, when
    /// it is on the same target, read once the other rules' are in.
    polarity: Option<Polarity>,
    /// For `same-before` ("Chile took the same line"): the position may
    /// be the previous sentence's; `same` ("…, a view echoed by Y") reads
    /// only its own sentence's.
    before: bool,
    /// The rule is about a `@draft` or `@text` ("introduced the draft"):
    /// what the draft is about, when the sentence names no target itself.
    draft: bool,
}

/// The compiled rules of a reference, made once per build and shared by
/// every source (`Reference::derived`), with the words and classes each
/// cannot match without.
pub(super) struct Rules(Vec<Rule>, Prefilter);

/// Compiles the rules; the bundled file is checked by a test, so a rule
/// that does not compile is a build defect, reported with its name.
pub(super) fn compile(reference: &Reference) -> Rules {
    let rules: Vec<Rule> = reference
        .stance_rules
        .iter()
        .map(|r| Rule {
            name: r.name.clone(),
            pattern: Pattern::parse(&r.pattern)
                .unwrap_or_else(|e| panic!("stance-rules.csv, rule {}: {e}", r.name)),
            polarity: match r.polarity.as_str() {
                "support" => Some(Polarity::Support),
                "oppose" => Some(Polarity::Opposition),
                _ => None,
            },
            before: r.polarity == "same-before",
            draft: r
                .pattern
                .split_whitespace()
                .any(|e| e.starts_with("@draft") || e.starts_with("@text")),
        })
        .collect();
    let prefilter = Prefilter::new(rules.iter().map(|r| &r.pattern));
    Rules(rules, prefilter)
}

impl<'a> Extractor<'a> {
    /// Applies every rule to a sentence, after its clauses were read.
    pub(super) fn rule_stances(
        &mut self,
        sentence: Span,
        quotes: &[Span],
        ctx: &mut Context,
        produced: &mut Produced,
    ) {
        // Every rule is about a body or proposal named in the sentence or
        // pointed back at (the previous sentence's): without one, none can
        // match, and most sentences are skipped before being tokenised.
        // A question ("Has Peru decided to contribute to the fund?") asks
        // for a position and takes none.
        let asked = sentence
            .of(self.text)
            .trim_end_matches(|c: char| c.is_whitespace() || "\"”’)".contains(c))
            .ends_with('?');
        if asked
            || self.rules.0.is_empty()
            || (ctx.prev_policies.is_empty()
                && self.targets_in(sentence).is_empty()
                && (ctx.draft_topic.is_none() || !DRAFT_WORDS.is_match(sentence.of(self.text))))
        {
            return;
        }
        let toks = self.tokens(sentence, quotes);
        let mut found: Vec<Found> = Vec::new();
        let may_match = self.rules.1.may_match(&toks.tokens);
        for (k, rule) in self.rules.0.iter().enumerate() {
            if !may_match[k] {
                continue;
            }
            for m in rule.pattern.find_all(&toks.tokens) {
                let mut targets = targets_of(&toks, &m, &rule.pattern);
                // A `same` rule is always about what was just named.
                let pronoun = rule.polarity.is_none()
                    || POINTERS.iter().any(|c| {
                        m.captured(&rule.pattern, c)
                            .iter()
                            .any(|&i| toks.tokens[i].classes.iter().any(|k| k == c))
                    });
                // "Peru introduced the draft", "Chad was among its 40
                // co-sponsors": what the draft is about, not what was
                // named last; not being a sponsor is no position against it.
                let sponsors = self.names_sponsors(&toks, &m, &rule.pattern);
                if targets.is_empty() && pronoun && !sponsors {
                    targets = antecedent(&toks, m.start, ctx);
                }
                let negated = self.negated(&toks, &m);
                if targets.is_empty() && (rule.draft || sponsors) {
                    if negated {
                        continue;
                    }
                    targets = self.draft_topic(&toks, sentence, ctx).into_iter().collect();
                }
                if targets.is_empty() {
                    continue;
                }
                let polarity = rule
                    .polarity
                    .map(|p| if negated { super::context::flip(p) } else { p });
                let holders = self.rule_holders(&toks, &m, &rule.pattern, sentence, quotes, ctx);
                for t in targets {
                    found.push((holders.clone(), polarity, t, k));
                }
            }
        }
        // Fixed polarities first, so that a `same` rule sees them.
        found.sort_by_key(|f| f.1.is_none());
        for (holders, polarity, target, k) in found {
            let since = if self.rules.0[k].before {
                0
            } else {
                sentence.start
            };
            let Some(polarity) = polarity.or_else(|| self.just_taken(&target, since)) else {
                continue;
            };
            for h in &holders {
                if self.has_position(&h.actor, &target, sentence) {
                    continue;
                }
                if super::context::tracing() {
                    eprintln!(
                        "  RULE {} {:?} {polarity:?} {target:?}",
                        self.rules.0[k].name, h.actor
                    );
                }
                self.push_stance(h, polarity, target.clone(), sentence, ctx);
                produced.stances.push((polarity, target.clone()));
            }
        }
    }

    /// What the draft of a match is about: the one target its sentence
    /// names (nothing if it names several), else what the draft it names
    /// by its symbol is described as about (nothing if it is not), else
    /// what the draft last named so is described as about (nothing if
    /// several things), else the block's, section's or title's.
    fn draft_topic(&self, toks: &Tokens, sentence: Span, ctx: &Context) -> Option<StanceTarget> {
        let named = self.target_set(sentence);
        if !named.is_empty() {
            return super::super::vote_stances::single(&named);
        }
        // A draft the sentence names by its symbol ("L.50") is that draft,
        // whatever the block is about; "the draft" may be any.
        let named_draft = toks
            .mentions
            .iter()
            .flatten()
            .find_map(|x| match &x.entity {
                Entity::Document(d) if self.is_draft(d) => Some((d, x.span)),
                _ => None,
            });
        // A description ("the draft") is keyed by the mention finder on a
        // guess of which draft it is; only a symbol settles it.
        if let Some((d, span)) = named_draft {
            if span.of(self.text).contains(|c: char| c.is_ascii_digit()) {
                return self.draft_topics.get(d).cloned().flatten();
            }
        }
        // The draft under discussion, if the text says what it is about
        // (if it says several things, nothing: no block stands in for it).
        match ctx
            .last_draft
            .as_ref()
            .and_then(|d| self.draft_topics.get(d))
        {
            Some(described) => described.clone(),
            None => ctx.draft_topic.clone(),
        }
    }

    /// Whether the match's `@backers` are a draft's sponsors, of no thing
    /// named after them ("co-sponsors of the PoA proposal" is
    /// `sponsor-of`'s, whatever the proposal's name resolves to).
    fn names_sponsors(&self, toks: &Tokens, m: &Match, pattern: &Pattern) -> bool {
        m.captured(pattern, "@backers").iter().any(|&i| {
            SPONSOR_NOUNS.contains(&toks.tokens[i].word.as_str())
                && !toks
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.word.as_str(), "of" | "on" | "for" | "behind"))
        })
    }

    /// The polarity of the latest position on `target`, if it is the latest
    /// position taken at all, at or after `since` ("X called the PoA
    /// divisive, a view shared by Y": Y shares X's opposition; for `same`, a
    /// position of the sentence before is no view the sentence names).
    fn just_taken(&self, target: &StanceTarget, since: usize) -> Option<Polarity> {
        self.stances
            .last()
            .filter(|s| &s.target == target && s.evidence.start >= since)
            .map(|s| s.polarity)
    }

    /// Who holds a rule's position: its `@actor` tokens, else the holders a
    /// cue at the match would have.
    fn rule_holders(
        &self,
        toks: &Tokens<'a>,
        m: &Match,
        pattern: &Pattern,
        sentence: Span,
        quotes: &[Span],
        ctx: &Context,
    ) -> Vec<Holder> {
        // A captured actor brings the list it belongs to: "Peru, Chile and
        // Ghana see the PoA as …" captures Ghana.
        let heads: Vec<usize> = m
            .captured(pattern, "@actor")
            .into_iter()
            .filter_map(|i| toks.mentions[i])
            .map(|x| self.list_head(x, sentence))
            .collect();
        let mut named: Vec<Holder> = Vec::new();
        for x in self.actors_in(sentence, quotes) {
            let h = Holder::own(x.entity.clone());
            if heads.contains(&self.list_head(x, sentence)) && !named.contains(&h) {
                named.push(h);
            }
        }
        if !m.captured(pattern, "@author").is_empty() {
            named.extend(self.authors.clone());
        }
        if !named.is_empty() {
            return self.apply_on_behalf(sentence, quotes, named);
        }
        if let Some(fronted) = self.fronted_subjects(toks, m, sentence, quotes) {
            return fronted;
        }
        let at = Hit {
            span: Span::new(toks.spans[m.start].start, toks.spans[m.end - 1].end),
            kind: CueKind::Support,
            value: String::new(),
        };
        // "China backed X, while Peru saw no case for Y": the subjects of
        // the contrasted clause the match is in, not the sentence's first.
        let from = CONTRAST
            .find_iter(&self.text[sentence.start..at.span.start])
            .last()
            .map_or(sentence.start, |c| sentence.start + c.end());
        self.holders(Span::new(from, sentence.end), &at, quotes, ctx, false)
    }

    /// A negation inside the match or just before it ("is not inclusive",
    /// "not a necessity").
    fn negated(&self, toks: &Tokens, m: &Match) -> bool {
        let from = toks.spans[m.start.saturating_sub(NEGATION_REACH)].start;
        let to = toks.spans[m.end - 1].end;
        let before = &self.text[toks.spans[0].start..toks.spans[m.start].start];
        (NEGATED_BELIEF.is_match(before)
            && !NEGATED_BELIEF
                .find(before)
                .is_some_and(|b| CONTRAST.is_match(&before[b.start()..])))
            || !self
                .finder
                .find(self.text, Span::new(from, to), &[CueKind::Negation])
                .is_empty()
    }

    /// "As the main sponsor of the PoA, Ruritania …": a match inside a
    /// fronted "As …," phrase is held by the subject after the comma.
    fn fronted_subjects(
        &self,
        toks: &Tokens,
        m: &Match,
        sentence: Span,
        quotes: &[Span],
    ) -> Option<Vec<Holder>> {
        let text = self.text;
        let lead = &text[sentence.start..toks.spans[m.start].start];
        let opens = lead.trim_start().to_lowercase();
        // "Introducing the draft, the representative of Nepal said …": a
        // participle opening the sentence is the main subject's too.
        let participle = lead.trim().is_empty() && toks.tokens[m.start].word.ends_with("ing");
        if !(opens.starts_with("as ") || participle) || lead.contains(',') {
            return None;
        }
        // The subject opens the main clause, right after a comma (past any
        // relative clause: "As a founder of X, which …, Ruritania …").
        let after = toks.spans[m.end - 1].end;
        let first = self
            .actors_in(Span::new(after, sentence.end), quotes)
            .into_iter()
            .find(|a| SUBJECT_AFTER_COMMA.is_match(&text[after..a.span.start]))?;
        let head = self.list_head(first, sentence);
        let list: Vec<Holder> = self
            .actors_in(sentence, quotes)
            .into_iter()
            .filter(|x| x.span.start >= first.span.start && self.list_head(x, sentence) == head)
            .map(|x| Holder::own(x.entity.clone()))
            .collect();
        Some(list)
    }

    /// Whether this sentence already gave `actor` a position on `target`.
    fn has_position(&self, actor: &Entity, target: &StanceTarget, sentence: Span) -> bool {
        self.stances
            .iter()
            .rev()
            .take_while(|s| s.evidence.start >= sentence.start)
            .any(|s| &s.actor == actor && &s.target == target)
    }
}

/// What "it" in a match stands for: the last body or proposal named
/// before it in the sentence, else the one the previous sentence named.
fn antecedent(toks: &Tokens, before: usize, ctx: &Context) -> Vec<StanceTarget> {
    let named = (0..before).rev().find_map(|i| {
        if !toks.tokens[i].classes.iter().any(|c| c == "@target") {
            return None;
        }
        match toks.mentions[i].map(|x| &x.entity) {
            Some(Entity::Policy(p)) => Some(StanceTarget::Policy(p.clone())),
            Some(Entity::Body(b)) => Some(StanceTarget::Body(b.clone())),
            _ => None,
        }
    });
    match (named, ctx.prev_policies.as_slice()) {
        (Some(t), _) => vec![t],
        (None, [only]) => vec![only.clone()],
        _ => Vec::new(),
    }
}

/// The bodies and policies a match is about.
fn targets_of(toks: &Tokens, m: &Match, pattern: &Pattern) -> Vec<StanceTarget> {
    let mut out: Vec<StanceTarget> = Vec::new();
    for i in m.captured(pattern, "@target") {
        let t = match toks.mentions[i].map(|x| &x.entity) {
            Some(Entity::Policy(p)) => StanceTarget::Policy(p.clone()),
            Some(Entity::Body(b)) => StanceTarget::Body(b.clone()),
            _ => continue,
        };
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}
