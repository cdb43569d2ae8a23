//! Joining others in what they ask: "Chile joined Uruguay and Costa Rica
//! in calling for a new paragraph after paragraph 30", "We join Egypt and
//! Pakistan, who asked that paragraph 35 be shortened". The actors joined
//! make the proposal; the subject takes the clause's position on it.
//!
//! Without this, the actors joined are only a referent whose earlier
//! positions are copied, and a proposal the text states only here is lost.

use super::actors::LIST_GAP;
use super::context::{At, Context, Holder, Produced};
use super::cues::{Hit, STANCE_FAMILY};
use super::refs::{inside_any, paragraph_refs};
use super::Extractor;
use crate::fact::proposals::{Polarity, StanceTarget};
use crate::mention::Entity;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What links the actors joined to their own request: "in calling for",
/// "in proposing", ", who asked that", ", which had proposed".
static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*(?:in\s+(?:(?:calling|asking|pressing|pushing|arguing)\s+for|proposing|requesting|suggesting|seeking|urging|recommending|asking)|(?:who|which)\s+(?:had\s+|have\s+|has\s+)?(?:asked|proposed|suggested|requested|called\s+for|sought|wanted|urged|pressed\s+for))\b",
    )
    .unwrap()
});

impl<'a> Extractor<'a> {
    /// Where the joined actors' own request starts, and who they are: the
    /// coordinated actors right after the cue ("join Uruguay and Costa
    /// Rica"), followed by a connector.
    fn joined_request(
        &self,
        clause: Span,
        quotes: &[Span],
        cue: &Hit,
        holders: &[&Entity],
    ) -> Option<(usize, Vec<Entity>)> {
        let text = self.text;
        let first = self.referent(clause, quotes, cue, holders)?;
        let actors = self.actors_in(clause, quotes);
        let at = actors.iter().position(|m| m.span == first.span)?;
        let mut joined = vec![first.entity.clone()];
        let mut end = first.span.end;
        for m in &actors[at + 1..] {
            if !LIST_GAP.is_match(&text[end..m.span.start]) {
                break;
            }
            if !joined.contains(&m.entity) && !holders.contains(&&m.entity) {
                joined.push(m.entity.clone());
            }
            end = m.span.end;
        }
        let link = CONNECTOR.find(&text[end..clause.end])?;
        // The request starts at the connector's verb ("calling for …",
        // "asked that …"), so that it leads the clause read below.
        let from = end + link.start();
        Some((from, joined))
    }

    /// Reads "X joined Y in calling for …": Y's proposals (or the policy Y
    /// calls for), on which X takes the cue's polarity. None when the
    /// clause is not of that form or Y's request yields nothing.
    pub(super) fn joined_positions(
        &mut self,
        at: At,
        ctx: &mut Context,
        cue: &Hit,
        holders: &[&Entity],
        out: &mut Produced,
    ) -> Option<Vec<(Polarity, StanceTarget)>> {
        let (clause, sentence, quotes) = at;
        let (from, joined) = self.joined_request(clause, quotes, cue, holders)?;
        let request = Span::new(from, clause.end);
        let hits: Vec<Hit> = self
            .finder
            .find(self.text, request, &STANCE_FAMILY)
            .into_iter()
            .filter(|h| !inside_any(quotes, h.span))
            .collect();
        let main = self.lead_cue(request, &hits)?;
        if hits[main].kind != CueKind::ProposalVerb {
            return None;
        }
        // "On OP 4, …, we join Fiji in asking that …": the paragraph named
        // before the request is the one it is about.
        if paragraph_refs(request.of(self.text)).is_empty() {
            let named: Vec<u32> = paragraph_refs(&self.text[clause.start..from])
                .into_iter()
                .map(|r| r.0)
                .collect();
            if !named.is_empty() {
                ctx.set_paragraphs(named);
            }
        }
        let proposers: Vec<Holder> = joined.into_iter().map(Holder::own).collect();
        let mut made = Produced::default();
        self.proposals_by(
            (request, sentence, quotes),
            ctx,
            &hits,
            main,
            &proposers,
            &mut made,
        );
        let targets: Vec<StanceTarget> = made
            .proposals
            .iter()
            .map(|&i| StanceTarget::Edit(i))
            .chain(made.stances.iter().map(|s| s.1.clone()))
            .collect();
        // The proposals reach `out` with the stances taken on them.
        out.stances.extend(made.stances);
        if targets.is_empty() {
            return None;
        }
        Some(
            targets
                .into_iter()
                .map(|t| (Polarity::Support, t))
                .collect(),
        )
    }
}
