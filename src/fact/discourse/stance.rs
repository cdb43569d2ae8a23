//! Stance clauses: a support, oppose or agree cue leads the clause, and the
//! reader decides who holds the position (see `actors`) and what it is
//! about, trying in order:
//!
//! 1. keeping the draft's text ("retain", see `retention`): opposing the
//!    deletions of it;
//! 2. agreeing with, backing or opposing an actor: that actor's latest
//!    positions and proposals, or the previous sentence's;
//! 3. someone's proposal ("the proposal of X", "changes by X"): found or
//!    recorded on the paragraphs under discussion;
//! 4. a policy or body named by the clause;
//! 5. an edit by its action ("the deletion of paragraph 18");
//! 6. a back-reference ("this edit", "it", a bare "Kenya objected."): the
//!    proposals or positions just made.

use super::context::{flip, tracing, At, Context, Holder, Produced};
use super::cues::Hit;
use super::refs::{paragraph_refs, CONTEXT_OBJECT};
use super::Extractor;
use crate::fact::proposals::{Action, Polarity, Stance, StanceTarget};
use crate::mention::{Entity, Mention, MentionKind};
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// "acceptable to them", "found favour with it": an object pronoun right
/// after a cue whose holders follow it.
static OBJECT_PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:them|it|him|her|us)\b").unwrap());

/// Between a cue and the actor it is about: "backed Iran", "sided with the EU".
static LEAD_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:(?:with|behind)\s+)?(?:the\s+)?$").unwrap());

/// Where or when a position was stated, right after its cue: "voiced
/// support in their national statements", "objected during the
/// meeting". Such a tail names no object, so the cue refers back.
static SETTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:in\s+(?:their|its|his|her|the)\s+(?:national\s+)?(?:statements?|interventions?|remarks|capacity)|during\s+the\s+(?:meeting|session|debate|discussion)|from\s+the\s+floor|at\s+the\s+(?:meeting|session))\s*[.;,]?\s*$").unwrap()
});

/// A back-reference followed by a copula is the subject described:
/// "Such an approach is absolutely unacceptable", "It is a useful tool".
static COPULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:is|was|are|were|remains|remained|seems|seemed|appears|would be|will be)\b")
        .unwrap()
});

/// A stance's polarity and its target.
pub(super) type Position = (Polarity, StanceTarget);

impl<'a> Extractor<'a> {
    /// Reads a clause led by the support or oppose cue `hits[main]`. A
    /// negation just before the cue ("did not support") turns support into
    /// opposition.
    pub(super) fn stance_clause(
        &mut self,
        at: At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        earlier: &Produced,
        out: &mut Produced,
    ) {
        let (clause, sentence, quotes) = at;
        let cue = &hits[main];
        let negated = main > 0
            && hits[main - 1].kind == CueKind::Negation
            && cue.span.start - hits[main - 1].span.end <= 12;
        let polarity = match (cue.kind == CueKind::Support, negated) {
            (true, false) => Polarity::Support,
            _ => Polarity::Opposition,
        };
        // "Qatar did not oppose Peru's proposal": not standing in the way is
        // no position either way, though the proposal it names is recorded
        // (and "did not object to paragraph 12 as such" still asks for a
        // change to it, see `rejected_paragraphs`).
        let no_position = cue.kind == CueKind::Oppose && negated;
        // "For: Chile, Peru." lists its holders after the label.
        // "… said the change was acceptable to them": a pronoun after such
        // a cue points back at the clause's subject.
        let after = (cue.value == "after"
            && !OBJECT_PRONOUN.is_match(&self.text[cue.span.end..clause.end]))
            || cue.value == "label";
        let holders = self.holders(clause, cue, quotes, ctx, after);
        if tracing() {
            eprintln!(
                "  holders {:?}",
                holders.iter().map(|h| &h.actor).collect::<Vec<_>>()
            );
        }
        if holders.is_empty() {
            // "The proposal drew wide support: Peru and Chile spoke in its
            // favour": a cue without holders gives way to the next one.
            if let Some(next) = hits
                .iter()
                .skip(main + 1)
                .position(|h| matches!(h.kind, CueKind::Support | CueKind::Oppose))
            {
                self.stance_clause(at, ctx, hits, main + 1 + next, earlier, out);
            } else if hits[main + 1..]
                .iter()
                .any(|h| h.kind == CueKind::ProposalVerb)
            {
                // "We [a non-governmental author] welcome the proposal by
                // Mexico to add … paragraph 19": no actor's position, but
                // the proposal it names is on the record all the same
                // (only with its paragraph: the one under discussion may
                // be long past when the holder is missed).
                let named: Vec<u32> = paragraph_refs(clause.of(self.text))
                    .iter()
                    .map(|r| r.0)
                    .collect();
                if !named.is_empty() {
                    self.proposers_edits(at, ctx, cue, &[], &named, true);
                }
            }
            return;
        }
        // Who voices a group's position ("Viet Nam on behalf of ASEAN") is
        // no more its object or referent than the group is.
        let holder_entities: Vec<&Entity> = holders
            .iter()
            .flat_map(|h| std::iter::once(&h.actor).chain(h.voiced_by.as_ref()))
            .collect();
        let referent = self.referent(clause, quotes, cue, &holder_entities);
        let joined = if referent.is_some() {
            self.joined_positions(at, ctx, cue, &holder_entities, out)
        } else {
            None
        };
        let targets = if let Some(joined) = joined {
            joined
                .into_iter()
                .map(|(p, t)| {
                    (
                        if p == Polarity::Support {
                            polarity
                        } else {
                            flip(polarity)
                        },
                        t,
                    )
                })
                .collect()
        } else if let Some(kept) = self.backed_retention(hits, main) {
            // Backing the retention is the retention's position; not
            // backing it, the opposite.
            let kept = self.retained_or_kept(clause, kept, ctx);
            kept.into_iter()
                .map(|(p, t)| if negated { (flip(p), t) } else { (p, t) })
                .collect()
        } else if (cue.value == "agree" && !self.is_passive(clause, cue)) || referent.is_some() {
            // "Kenya agreed", "Peru echoed Chile" copy a position; "the
            // proposal by Laos was echoed by Peru" is about its subject.
            self.copied_positions(referent, cue, polarity, negated, earlier, ctx)
        } else {
            self.stance_objects(at, ctx, cue, polarity, &holder_entities, earlier)
        };
        if !targets.is_empty() {
            if !no_position {
                self.record_stances(&holders, &targets, sentence, ctx, out);
            }
            // "… was endorsed by A but rejected by B": B's cue comes later
            // in the same clause, on the same edits.
            let edits: Vec<StanceTarget> = targets
                .iter()
                .filter(|t| matches!(t.1, StanceTarget::Edit(_)))
                .map(|t| t.1.clone())
                .collect();
            let proposers: Vec<Entity> = edits
                .iter()
                .filter_map(|t| match t {
                    StanceTarget::Edit(i) => Some(self.proposals[*i].proposer.clone()),
                    _ => None,
                })
                .chain(holders.iter().map(|h| h.actor.clone()))
                .collect();
            self.later_positions(at, ctx, hits, main, &proposers, &edits, out);
        } else if polarity == Polarity::Opposition {
            self.rejected_paragraphs(at, cue, &holders, ctx, out);
        }
        ctx.set_speakers(holders);
    }

    /// An actor right after the cue is the one agreed or disagreed with:
    /// "Kenya concurred with Ghana", "Venezuela backed Iran".
    pub(super) fn referent(
        &self,
        clause: Span,
        quotes: &[Span],
        cue: &Hit,
        holders: &[&Entity],
    ) -> Option<&'a Mention> {
        let text = self.text;
        self.actors_in(clause, quotes).into_iter().find(|m| {
            m.span.start >= cue.span.end
                && !holders.contains(&&m.entity)
                && (cue.value == "agree" || LEAD_IN.is_match(&text[cue.span.end..m.span.start]))
                && (cue.value == "agree" || !self.is_object_proposer(m, clause))
                && m.kind != MentionKind::Demonym
        })
    }

    /// The referent's latest positions; for a bare "X agreed.", the previous
    /// sentence's. Agreeing copies a position; backing or opposing an actor
    /// applies the cue's own polarity to what they proposed.
    fn copied_positions(
        &self,
        referent: Option<&Mention>,
        cue: &Hit,
        polarity: Polarity,
        negated: bool,
        earlier: &Produced,
        ctx: &Context,
    ) -> Vec<Position> {
        let copied: Vec<Position> = match referent {
            Some(r) => {
                let mut v = ctx.latest.get(&r.entity).cloned().unwrap_or_default();
                // Y's own latest proposals count as positions of Y.
                if let Some(i) = self.proposals.iter().rposition(|p| p.proposer == r.entity) {
                    v.push((Polarity::Support, StanceTarget::Edit(i)));
                }
                v
            }
            None => self.previous_positions(earlier, ctx),
        };
        copied
            .into_iter()
            .map(|(p, t)| {
                let p = if cue.value == "agree" {
                    if negated {
                        flip(p)
                    } else {
                        p
                    }
                } else if p == Polarity::Support {
                    polarity
                } else {
                    flip(polarity)
                };
                (p, t)
            })
            .collect()
    }

    /// What a stance clause without a referent is about: steps 3 to 6 of
    /// the module's list, the first that finds something.
    fn stance_objects(
        &mut self,
        at: At,
        ctx: &Context,
        cue: &Hit,
        polarity: Polarity,
        holders: &[&Entity],
        earlier: &Produced,
    ) -> Vec<Position> {
        let clause = at.0;
        let text = self.text;
        let (paras, on_paragraphs) = self.object_paragraphs(clause, ctx);
        let mut targets = self.proposers_edits(at, ctx, cue, holders, &paras, on_paragraphs);
        // "objected to it", "rejected this": the pronoun right after the cue
        // is the object, whatever the rest of the clause names.
        let immediate = self
            .backrefs(Span::new(cue.span.end, clause.end))
            .first()
            .is_some_and(|b| text[cue.span.end..b.span.start].trim().len() <= 3);
        if targets.is_empty() && !immediate {
            // A policy or body named after the cue (before it, when passive
            // or for "… should be the sole forum").
            let backward =
                self.is_passive(clause, cue) || cue.value == "after" || cue.value == "before";
            targets = self.policy_objects(clause, cue, backward);
        }
        if targets.is_empty() && on_paragraphs {
            targets = self.edits_by_action(clause, cue, &paras, ctx);
        }
        let mut positions: Vec<Position> = targets
            .into_iter()
            .map(|t| {
                // "lamented that accredited stakeholders had been blocked":
                // a position on keeping something out is the opposite
                // position on it.
                if self.kept_out(clause, &t) {
                    (flip(polarity), t)
                } else {
                    (polarity, t)
                }
            })
            .collect();
        if positions.is_empty() {
            positions = self.referred_back(clause, at.1, cue, polarity, earlier, ctx);
        }
        positions
    }

    /// The paragraphs a clause's object is on: those it names, else those
    /// under discussion; and whether it is about paragraphs at all.
    fn object_paragraphs(&self, clause: Span, ctx: &Context) -> (Vec<u32>, bool) {
        let text = self.text;
        let explicit: Vec<u32> = paragraph_refs(clause.of(text))
            .iter()
            .map(|r| r.0)
            .collect();
        let on_paragraphs = !explicit.is_empty() || CONTEXT_OBJECT.is_match(clause.of(text));
        if explicit.is_empty() {
            (ctx.paragraphs.clone(), on_paragraphs)
        } else {
            (explicit, on_paragraphs)
        }
    }

    /// Whose proposal? "the proposal of X", "X’s suggestion", "changes by
    /// X", "China’s edits … were supported by Iran", "the Kenyan insertion":
    /// X's proposals on the paragraphs, recorded if the text names them only
    /// here.
    pub(super) fn proposers_edits(
        &mut self,
        at: At,
        ctx: &Context,
        cue: &Hit,
        holders: &[&Entity],
        paras: &[u32],
        on_paragraphs: bool,
    ) -> Vec<StanceTarget> {
        let (clause, _, quotes) = at;
        let proposers: Vec<&Mention> = self
            .actors_in(clause, quotes)
            .into_iter()
            .filter(|m| !holders.contains(&&m.entity))
            .filter(|m| !self.agent_of_later_cue(m, clause, cue))
            .filter(|m| {
                self.is_object_proposer(m, clause)
                    || self.after_preposition(m, clause)
                    || m.kind == MentionKind::Demonym
            })
            .collect();
        if proposers.is_empty() || !(on_paragraphs || self.mentions_proposal_noun(clause)) {
            return Vec::new();
        }
        // "The proposal by Laos to merge paragraphs 4 and 5 was echoed by
        // …": a passive cue's subject names the action.
        let from = if self.is_passive(clause, cue) {
            clause.start
        } else {
            cue.span.end
        };
        let actions = self.actions(clause, quotes, from, paras);
        let mut targets = Vec::new();
        for pm in &proposers {
            let found = self.find_or_make(pm.entity.clone(), paras, &actions, at, ctx);
            targets.extend(found.into_iter().map(StanceTarget::Edit));
        }
        targets
    }

    /// "… endorsed by A but rejected by B": B is the agent of a later
    /// position word, not whose proposal it is.
    fn agent_of_later_cue(&self, m: &Mention, clause: Span, cue: &Hit) -> bool {
        let text = self.text;
        let head = self.list_head(m, clause);
        self.finder
            .find(text, clause, &[CueKind::Support, CueKind::Oppose])
            .iter()
            .filter(|h| h.span.start >= cue.span.end && h.span.end <= head)
            .any(|h| {
                let between = text[h.span.end..head].trim();
                let between = between.strip_suffix("the").unwrap_or(between).trim_end();
                between == "by"
            })
    }

    /// "the deletion of paragraph 18", "removing the paragraph": the
    /// proposals on those paragraphs, of that kind.
    fn edits_by_action(
        &self,
        clause: Span,
        cue: &Hit,
        paras: &[u32],
        ctx: &Context,
    ) -> Vec<StanceTarget> {
        let acts: Vec<Action> = self
            .finder
            .find(
                self.text,
                Span::new(cue.span.end, clause.end),
                &[CueKind::Action],
            )
            .iter()
            .filter_map(|h| match h.value.as_str() {
                "Delete" => Some(vec![Action::DeleteParagraph, Action::DeleteText]),
                v => Action::parse(v).map(|a| vec![a]),
            })
            .flatten()
            .collect();
        if acts.is_empty() {
            return Vec::new();
        }
        self.proposals_on(paras, ctx, &acts)
            .into_iter()
            .map(StanceTarget::Edit)
            .collect()
    }

    /// "This edit was supported by Iran", "the Iranian proposal …", and
    /// bare "The United Kingdom objected strongly.": what this sentence or
    /// the previous one proposed, else the positions taken just before,
    /// else what is under discussion.
    fn referred_back(
        &self,
        clause: Span,
        sentence: Span,
        cue: &Hit,
        polarity: Polarity,
        earlier: &Produced,
        ctx: &Context,
    ) -> Vec<Position> {
        let text = self.text;
        // "Korea described it as useful, and Iran, sceptical of X, …": a
        // pronoun before an active cue is another verb's object; only a
        // passive cue's subject ("It was rejected by Cuba"), the thing
        // before a cue whose holders follow it, or a subject described
        // ("Such an approach is unacceptable", "It is a useful tool, and
        // Chile would welcome …") is the cue's.
        let backward =
            self.is_passive(clause, cue) || cue.value == "after" || cue.value == "before";
        let backrefs: Vec<Hit> = self
            .backrefs(clause)
            .into_iter()
            .filter(|b| {
                backward
                    || (b.span.start >= cue.span.end
                        && !GOVERNED_BY_A_NOUN.is_match(&text[cue.span.end..b.span.start]))
                    || (b.span.end <= cue.span.start
                        && COPULA.is_match(&text[b.span.end..cue.span.start]))
            })
            .collect();
        let tail = &text[cue.span.end..clause.end];
        let bare = (tail.split_whitespace().count() <= 2 || SETTING.is_match(tail))
            && self
                .mentions
                .within(Span::new(cue.span.end, clause.end))
                .next()
                .is_none();
        // "Supported by Japan; opposed by Cuba." or "Opposed: Cuba." after a
        // listed proposal: a passive fragment with only its agents.
        let fragment = text[clause.start..cue.span.start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
            && (tail.trim_start().starts_with("by ")
                || tail.trim_start().starts_with("by:")
                || tail.trim_start().starts_with(':')
                || cue.value == "label");
        let refers_back = !backrefs.is_empty() || bare || fragment;
        let earlier_policies: Vec<StanceTarget> = earlier
            .stances
            .iter()
            .filter(|(_, t)| !matches!(t, StanceTarget::Edit(_)))
            .map(|(_, t)| t.clone())
            .collect();
        let edits = |v: &[usize]| -> Vec<Position> {
            v.iter()
                .map(|&i| (polarity, StanceTarget::Edit(i)))
                .collect()
        };
        // "The first was supported by Russia; the second by Cuba": one of
        // the proposals just listed, by its rank.
        // The sentence's own earlier clauses may already have taken up
        // one of them, so the list is whichever holds two or more; a rank
        // with no such list names nothing this reader can tell.
        let (before, after) = (
            &text[clause.start..cue.span.start],
            &text[cue.span.end..clause.end],
        );
        if ranked(before, after) {
            let pool = [&earlier.proposals, &ctx.prev_proposals]
                .into_iter()
                .find(|p| p.len() >= 2);
            return match pool.and_then(|p| Some(p[ordinal(before, after, p.len())?])) {
                Some(i) => edits(&[i]),
                None => Vec::new(),
            };
        }
        if !earlier.proposals.is_empty() {
            edits(&earlier.proposals)
        } else if refers_back && !earlier_policies.is_empty() {
            // "Switzerland championed X, while Belarus rejected it".
            earlier_policies
                .into_iter()
                .map(|t| (polarity, t))
                .collect()
        } else if refers_back && !ctx.prev_proposals.is_empty() {
            let mut targets = edits(&ctx.prev_proposals);
            // Backing a proposal backs the policy its author backed with it.
            for (p, t) in &ctx.prev_stances {
                if matches!(t, StanceTarget::Policy(_)) && *p == Polarity::Support {
                    targets.push((polarity, t.clone()));
                }
            }
            targets
        } else if refers_back
            && ctx
                .prev_stances
                .iter()
                .any(|t| matches!(t.1, StanceTarget::Edit(_)))
        {
            // "Belarus objected. Mauritius, by contrast, could live with
            // it.": the proposals the previous sentence took positions on.
            ctx.prev_stances
                .iter()
                .filter(|t| matches!(t.1, StanceTarget::Edit(_)))
                .map(|t| (polarity, t.1.clone()))
                .collect()
        } else if refers_back && !backrefs.is_empty() {
            // "the deletion", "it": the proposals on the paragraph under
            // discussion, else the policies under discussion.
            // "This concerns the PoA. … Such an approach is unacceptable.":
            // a back-reference marked `recent` in cues.csv is about the
            // policies named just before; others about the section's.
            let on_para = self.proposals_on(&ctx.paragraphs, ctx, &[]);
            // "… the voluntary fund is operational, and we encourage others
            // to contribute to it": the last thing named earlier in the
            // same sentence comes before the previous sentence's.
            // A bare "this" is as often a determiner ("at this stage").
            let bare_this = backrefs[0].span.of(text).eq_ignore_ascii_case("this");
            let same_sentence = self
                .targets_in(Span::new(sentence.start, backrefs[0].span.start))
                .into_iter()
                .last()
                .map(|x| x.1)
                .filter(|_| !bare_this);
            // "What about the Global Mechanism? We support it.": a question
            // that named a policy or body and took no position on anything
            // puts it before the paragraph under discussion. (Only a
            // question: after a plain sentence naming a body, "it" is as
            // often the proposal on the paragraph.)
            let asked = self.text[..sentence.start].trim_end().ends_with('?');
            let just_named = asked
                && ctx.policies_age == 0
                && ctx.prev_proposals.is_empty()
                && ctx.prev_stances.is_empty()
                && !ctx.prev_policies.is_empty()
                && backrefs.iter().all(|b| singular(b.span.of(text)));
            if let (true, Some(t)) = (
                just_named && same_sentence.is_none(),
                ctx.prev_policies.last(),
            ) {
                vec![(polarity, t.clone())]
            } else if !on_para.is_empty() {
                edits(&on_para)
            } else if let Some(t) = same_sentence {
                vec![(polarity, t)]
            } else {
                let named = if !ctx.prev_policies.is_empty()
                    && backrefs.iter().any(|b| b.value == "recent")
                {
                    &ctx.prev_policies
                } else {
                    &ctx.section_policies
                };
                // "the idea", "it": one thing, the one named last.
                let take = if backrefs.iter().all(|b| singular(b.span.of(text))) {
                    named.len().min(1)
                } else {
                    named.len()
                };
                named
                    .iter()
                    .rev()
                    .take(take)
                    .rev()
                    .map(|t| (polarity, t.clone()))
                    .collect()
            }
        } else {
            Vec::new()
        }
    }

    /// Records each holder's position on each target, except a proposer's
    /// on their own proposal.
    pub(super) fn record_stances(
        &mut self,
        holders: &[Holder],
        targets: &[Position],
        sentence: Span,
        ctx: &mut Context,
        out: &mut Produced,
    ) {
        for h in holders {
            for (p, t) in targets {
                if let StanceTarget::Edit(i) = t {
                    if self.proposals[*i].proposer == h.actor {
                        continue;
                    }
                }
                self.push_stance(h, *p, t.clone(), sentence, ctx);
                out.stances.push((*p, t.clone()));
            }
        }
        for (_, t) in targets {
            if let StanceTarget::Edit(i) = t {
                out.proposals.push(*i);
            }
        }
    }

    /// Records a stance once and makes it the actor's latest position on
    /// that target.
    pub(super) fn push_stance(
        &mut self,
        h: &Holder,
        polarity: Polarity,
        target: StanceTarget,
        evidence: Span,
        ctx: &mut Context,
    ) {
        let s = Stance {
            actor: h.actor.clone(),
            voiced_by: h.voiced_by.clone(),
            polarity,
            target: target.clone(),
            evidence,
        };
        if !self.stances.contains(&s) {
            self.stances.push(s);
        }
        let latest = ctx.latest.entry(h.actor.clone()).or_default();
        latest.retain(|(_, t)| t != &target);
        latest.push((polarity, target));
    }
}

/// "welcomes coordination with it": a pronoun governed by a noun after the
/// cue is that noun's, not the cue's object ("agreed with it" has no noun
/// between).
static GOVERNED_BY_A_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:the\s+|its\s+|their\s+)?[a-z][a-z-]*\s+(?:with|to|of|for|on|about|from|between|among)\s+$").unwrap()
});

/// "the first", "the latter one", "the second proposal": a rank among
/// proposals, as the subject before a cue ("The first was supported by
/// Russia") or the whole object after it ("Cuba opposed the latter").
static ORDINAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|but|while|whereas)\s+)?the\s+(first|former|second|latter|third)(?:\s+(?:one|proposal|amendment|edit|change|idea|request|suggestion))?\s+(?:\w+\s+){0,2}$").unwrap()
});
static ORDINAL_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*the\s+(first|former|second|latter|third)(?:\s+(?:one|proposal|amendment|edit|change|idea|request|suggestion))?\s*(?:[,;.:]|$)").unwrap()
});

/// Whether a rank stands before or after a cue.
fn ranked(before: &str, after: &str) -> bool {
    ORDINAL_SUBJECT.is_match(before) || ORDINAL_OBJECT.is_match(after)
}

/// The index among `n` proposals that a rank before or after a cue names.
fn ordinal(before: &str, after: &str, n: usize) -> Option<usize> {
    let c = ORDINAL_SUBJECT
        .captures(before)
        .or_else(|| ORDINAL_OBJECT.captures(after))?;
    let k = match c[1].to_lowercase().as_str() {
        "first" | "former" => 0,
        "second" => 1,
        "third" => 2,
        _ => n - 1,
    };
    (k < n).then_some(k)
}

/// Whether a back-reference points at one thing ("the idea", "it") rather
/// than several ("these proposals", "them", "any proposal").
fn singular(backref: &str) -> bool {
    let first = backref
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if ["any", "all", "such", "every"].contains(&first.as_str()) {
        return false;
    }
    let last = backref
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    !(["them", "these", "those", "they"].contains(&last.as_str()) || last.ends_with('s'))
}

/// "the veto of some accredited NGOs", "the exclusion of stakeholders":
/// what a keeping-out noun governs.
static KEPT_OUT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:veto(?:es)?|exclusion|blocking|barring|sidelining)\s+(?:of|on|against)\s+(?:\w+\s+){0,3}$").unwrap()
});

/// "stakeholders had been blocked", "NGOs were vetoed".
static KEPT_OUT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:had|have|has|were|was|are|is|being)?\s*(?:been\s+)?(?:blocked|vetoed|excluded|barred|sidelined|shut out)\b").unwrap()
});

impl Extractor<'_> {
    /// Whether the clause names `target` as something kept out.
    fn kept_out(&self, clause: Span, target: &StanceTarget) -> bool {
        let text = self.text;
        self.targets_in(clause)
            .iter()
            .filter(|(_, t)| t == target)
            .any(|(sp, _)| {
                KEPT_OUT_BEFORE.is_match(&text[clause.start..sp.start])
                    || KEPT_OUT_AFTER.is_match(&text[sp.end..clause.end])
            })
    }
}
