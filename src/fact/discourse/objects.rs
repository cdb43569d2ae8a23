//! What a position is about, besides a paragraph: the recurring policies
//! and position-target bodies a clause names, back-references ("this
//! edit", "it"), and the proposals already recorded on a paragraph.

use super::context::{Context, Produced};
use super::cues::Hit;
use super::Extractor;
use crate::fact::proposals::{Action, Polarity, StanceTarget};
use crate::mention::Entity;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static LIST_GAP_POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+)(?:(?:and|or|as well as|in particular|notably|especially|including)\s*,?\s+)?(?:(?:a|an|the)\s+)?(?:(?:elaboration|development|establishment|creation|work)\s+(?:of|on)\s+(?:the\s+|a\s+)?)?$").unwrap()
});
static COMPLEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:to|of|for|that|on|by)\s").unwrap());
/// "it would nominate contacts": "it" before a verb is a subject, most
/// often the speaker, not something pointed back at.
static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:would|will|could|can|should|must|may|might|did|does|said|says|added|noted|stressed|remained|considered|believed|hoped|wished|wanted)\b").unwrap()
});
static THAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bthat\b").unwrap());
/// ", calling …", ", noting …": a participle after a comma opens a phrase
/// of its own; what it names is not the object of the cue before it.
static PARTICIPLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s+(?:\w+ly\s+)?\w+ing\b").unwrap());

/// "welcomed the focus on implementation rather than on new norms": what
/// comes after the contrast is what the cue turns away from (a rule reads
/// it as opposed).
static RATHER_THAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:rather than|instead of)\b").unwrap());

/// Words that make what follows the thing harmed, not the thing opposed.
static HARMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:duplicat\w*|undermin\w*|weaken\w*|fragment\w*|prejudg\w*|pre-?empt\w*|eroding|erosion|hamper\w*|politici[sz]\w*|overlap\w*)\b")
        .unwrap()
});

impl<'a> Extractor<'a> {
    /// Policies, and bodies a position can be about, named in `span`.
    pub(super) fn targets_in(&self, span: Span) -> Vec<(Span, StanceTarget)> {
        self.mentions
            .within(span)
            .filter_map(|m| match &m.entity {
                Entity::Policy(p) => Some((m.span, StanceTarget::Policy(p.clone()))),
                Entity::Body(b)
                    if self.fixed.position_bodies.contains(b) && !self.is_modifier(m.span) =>
                {
                    Some((m.span, StanceTarget::Body(b.clone())))
                }
                _ => None,
            })
            .collect()
    }

    /// The bodies and policies named in `span`, sorted, each once.
    pub(super) fn target_set(&self, span: Span) -> Vec<StanceTarget> {
        let mut found: Vec<StanceTarget> = self.targets_in(span).into_iter().map(|t| t.1).collect();
        found.sort();
        found.dedup();
        found
    }

    /// "the OEWG modalities", "the GGE report": a name followed by a
    /// modifier head names that thing, not the body.
    fn is_modifier(&self, name: Span) -> bool {
        let text = self.text;
        let mut end = (name.end + 40).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.finder
            .find(text, Span::new(name.end, end), &[CueKind::ModifierHead])
            .first()
            .is_some_and(|h| text[name.end..h.span.start].trim().is_empty())
    }

    /// The policies and bodies a cue is about: the first named after it (before
    /// it when `backward`, as in "the catalogue found favour with …") and any
    /// coordinated with that one ("a monitoring mechanism and a national
    /// survey"). A body after "that" is the subject of a new clause ("disagreed
    /// that the next OEWG should …"), not the object.
    pub(super) fn policy_objects(
        &self,
        clause: Span,
        cue: &Hit,
        backward: bool,
    ) -> Vec<StanceTarget> {
        let text = self.text;
        let named = self.targets_in(clause);
        let chosen = if backward {
            named
                .iter()
                .rfind(|(sp, _)| sp.end <= cue.span.start)
                .cloned()
        } else {
            named
                .iter()
                .find(|(sp, t)| {
                    sp.start >= cue.span.end
                        && (matches!(t, StanceTarget::Policy(_))
                            || !THAT.is_match(&text[cue.span.end..sp.start]))
                })
                .filter(|(sp, _)| !PARTICIPLE.is_match(&text[cue.span.end..sp.start]))
                .filter(|(sp, _)| !RATHER_THAN.is_match(&text[cue.span.end..sp.start]))
                .cloned()
        };
        let Some((span, first)) = chosen else {
            return Vec::new();
        };
        // "cautioned against duplicating the work of the PoA": what would
        // be harmed is defended, not opposed; no position is read.
        if !backward && HARMED.is_match(&text[cue.span.end..span.start]) {
            return Vec::new();
        }
        let mut out = vec![first];
        let mut end = span.end;
        for (sp, t) in named.iter().filter(|(sp, _)| sp.start >= span.end) {
            let gap = &text[end..sp.start];
            if gap.len() <= 40 && LIST_GAP_POLICY.is_match(gap) {
                out.push(t.clone());
                end = sp.end;
            } else {
                break;
            }
        }
        out
    }

    /// Back-references in a span ("this", "the proposal", "it"), but not a
    /// noun with its own complement ("the proposal to create a repository").
    pub(super) fn backrefs(&self, span: Span) -> Vec<Hit> {
        self.finder
            .find(self.text, span, &[CueKind::BackReference])
            .into_iter()
            // "the proposal to delete …" introduces its own content; "any
            // proposal to create repositories" still means the ones named.
            .filter(|b| {
                !COMPLEMENT.is_match(&self.text[b.span.end..span.end])
                    || b.span.of(self.text).to_lowercase().starts_with("any ")
            })
            .filter(|b| {
                !(b.span.of(self.text).eq_ignore_ascii_case("it")
                    && SUBJECT_VERB.is_match(&self.text[b.span.end..span.end]))
            })
            .collect()
    }

    /// The previous sentence's proposals (backed) or, failing those, its
    /// positions; the sentence's own earlier clauses come first ("Russia
    /// dismisses the PoA, and Belarus has echoed that phrase").
    pub(super) fn previous_positions(
        &self,
        earlier: &Produced,
        ctx: &Context,
    ) -> Vec<(Polarity, StanceTarget)> {
        // "Sri Lanka would delete paragraph 41; Maldives shared this view":
        // the sentence's own proposals first, else the previous sentence's.
        let proposals = if earlier.proposals.is_empty() {
            &ctx.prev_proposals
        } else {
            &earlier.proposals
        };
        let v: Vec<(Polarity, StanceTarget)> = proposals
            .iter()
            .map(|&i| (Polarity::Support, StanceTarget::Edit(i)))
            .collect();
        if !v.is_empty() {
            v
        } else if !earlier.stances.is_empty() {
            earlier.stances.clone()
        } else {
            ctx.prev_stances.clone()
        }
    }

    /// Proposals of the current draft on these paragraphs (of these actions,
    /// when given), the latest of each proposer.
    pub(super) fn proposals_on(
        &self,
        paras: &[u32],
        ctx: &Context,
        actions: &[Action],
    ) -> Vec<usize> {
        if paras.is_empty() {
            return Vec::new();
        }
        let mut seen: Vec<&Entity> = Vec::new();
        let mut out = Vec::new();
        for (i, p) in self.proposals.iter().enumerate().rev() {
            if p.document == ctx.document
                && p.targets.iter().any(|t| paras.contains(t))
                && (actions.is_empty() || actions.contains(&p.action))
                && !seen.contains(&&p.proposer)
            {
                seen.push(&p.proposer);
                out.push(i);
            }
        }
        out.reverse();
        out
    }

    /// Whether the clause names a proposal by a noun ("the suggestion",
    /// "this amendment").
    pub(super) fn mentions_proposal_noun(&self, clause: Span) -> bool {
        let s = clause.of(self.text).to_lowercase();
        [
            "proposal",
            "suggestion",
            "amendment",
            "edit",
            "change",
            "request",
            "idea",
            "deletion",
            "insertion",
            "statement",
            "position",
            "argument",
            // "Nigeria supported Kenya's language", "the Tongan text".
            "language",
            "wording",
            "formulation",
            "text",
        ]
        .iter()
        // At the start of a word ("texts", "amendments"), never inside one:
        // "context" names no text, "credit" no edit.
        .any(|w| {
            s.match_indices(w).any(|(i, _)| {
                !s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
        })
    }
}
