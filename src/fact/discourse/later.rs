//! Positions taken later in a clause on what it proposed or named: "…
//! introduced by China and opposed by New Zealand", "…, which found favour
//! with Chile", "…, which we can support". The clause's lead cue made the
//! proposals; each later support or oppose cue with its own holders (an
//! agent after "by", holders after the cue, or a relative clause's own
//! subject) takes a position on them.

use super::context::{At, Context, Holder, Produced};
use super::cues::Hit;
use super::Extractor;
use crate::fact::proposals::{Polarity, StanceTarget};
use crate::mention::Entity;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// ", which", ", whom" or ", a request that" opening a relative clause
/// whose subject and position cue follow within a few words ("…, which we
/// can support", "…, a request that Peru and Chile supported").
static RELATIVE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:(?:a|an|the)\s+\w+\s+)?(?:which|whom|that)\s+((?:\S+\s+){1,5})$")
        .unwrap()
});
impl<'a> Extractor<'a> {
    /// Positions later cues of the clause take on what it proposed: "… a
    /// point introduced by China and opposed by New Zealand", "… the idea of
    /// a central repository, which found favour with New Zealand", "…, which
    /// we can support".
    #[allow(clippy::too_many_arguments)]
    pub(super) fn later_positions(
        &mut self,
        (clause, sentence, quotes): At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        proposers: &[Entity],
        targets: &[StanceTarget],
        out: &mut Produced,
    ) {
        let text = self.text;
        for (k, h) in hits.iter().enumerate().skip(main + 1) {
            if !matches!(h.kind, CueKind::Support | CueKind::Oppose) {
                continue;
            }
            let by_after = text[h.span.end..clause.end].trim_start().starts_with("by ");
            let relative = self.relative_holders(clause, quotes, h);
            if !(by_after || h.value == "after" || !relative.is_empty()) {
                continue;
            }
            let negated =
                hits[k - 1].kind == CueKind::Negation && h.span.start - hits[k - 1].span.end <= 12;
            let polarity = if h.kind == CueKind::Support && !negated {
                Polarity::Support
            } else {
                Polarity::Opposition
            };
            let relative_subject = !relative.is_empty();
            let later = if relative.is_empty() {
                self.holders(
                    Span::new(h.span.start, clause.end),
                    h,
                    quotes,
                    ctx,
                    h.value == "after",
                )
            } else {
                relative
            };
            for lh in &later {
                // A relative clause's subject is named for this position
                // ("We thank Kenya for its proposal, which we can support"
                // is the author's even when the author was taken for the
                // clause's subject): only its own proposals are skipped.
                if !relative_subject && proposers.contains(&lh.actor) {
                    continue;
                }
                for t in targets {
                    if let StanceTarget::Edit(i) = t {
                        if self.proposals[*i].proposer == lh.actor {
                            continue;
                        }
                    }
                    self.push_stance(lh, polarity, t.clone(), sentence, ctx);
                    out.stances.push((polarity, t.clone()));
                }
            }
        }
    }

    /// "…, which we can support", "…, which Peru opposed": a relative
    /// clause after a proposal whose own subject (a name, or the author's
    /// "we") takes a position on it.
    fn relative_holders(&self, clause: Span, quotes: &[Span], cue: &Hit) -> Vec<Holder> {
        let before = &self.text[clause.start..cue.span.start];
        let Some(rel) = RELATIVE_SUBJECT.captures(before).and_then(|c| c.get(1)) else {
            return Vec::new();
        };
        let subject = Span::new(clause.start + rel.start(), cue.span.start);
        let named: Vec<Holder> = self
            .actors_in(subject, quotes)
            .into_iter()
            .map(|m| Holder::own(m.entity.clone()))
            .collect();
        if !named.is_empty() {
            return named;
        }
        let first_person = !self
            .finder
            .find(self.text, subject, &[CueKind::FirstPerson])
            .is_empty();
        if first_person {
            self.authors.clone()
        } else {
            Vec::new()
        }
    }
}
