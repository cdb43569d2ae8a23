//! Proposal clauses: a proposal verb, a proposal noun introducing its
//! content, or an action word in a request ("should be deleted") leads the
//! clause.
//!
//! With an edit object (a paragraph, a sentence, quoted words …) the clause
//! records edit proposals on the draft and paragraphs it names or that are
//! under discussion; "as proposed by X" makes X a proposer too, supported
//! by the speaker. Without one, a proposal verb whose object is a recurring
//! policy ("called for a legally binding instrument") is support for that
//! policy. Later cues in the clause ("… and opposed by X") add positions on
//! what it proposed.

use super::context::{At, Context, Holder, Produced};
use super::cues::Hit;
use super::refs::{paragraph_refs, CONTEXT_OBJECT};
use super::Extractor;
use crate::fact::proposals::{Action, Polarity, StanceTarget};
use crate::mention::Entity;
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Right before a body's name: what an insertion would mention ("add a
/// reference to the", "a mention of").
static REFERENCE_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:references?\s+to|mentions?\s+of)\s+(?:the\s+|a\s+|an\s+)?$").unwrap()
});

/// An action word alone proposes only as a request: "to add", "be deleted",
/// "should be moved", "is better placed".
static REQUEST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:to|be|should|would|must|shall|could|is|are)\s+(?:\w+\s+)?$").unwrap()
});
/// "- Kenya: delete the second sentence", "[Mali: delete …]", "(ii) Peru:
/// replace …": an action word right after a speaker's label, as
/// compilations, bullet summaries and bracketed drafts list proposals
/// (after a bullet or a list mark such as "(ii)", "b)", "3.", and a
/// paragraph label: "- OP 2: China: add …").
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\-–•*\[(]*(?:(?:[ivx]{1,4}|[a-z]|\d{1,2})[.)]\s+)?(?:(?:(?-i:OP|PP)|[Pp]ara(?:graph)?\.?)\s*\d{1,3}(?:\s?\([a-z]{1,2}\))?\s*:\s*)?[^:;.\[\]()]{1,60}:\s*$")
        .unwrap()
});
/// "- Replace 'a' with 'b' [Qatar, supported by Oman].": an imperative
/// entry whose closing bracket names who proposed it, as compilations list
/// proposals under a paragraph heading.
static LABEL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\[(]([^\[\]()]{2,160})[\])][\s.;]*$").unwrap());
/// "- Add new para 21 bis (Chile): “…”": the bracket naming who proposed
/// it closes the entry's head, before the colon that opens its wording.
/// (A bracket of letters after a capital: "(c)" is a sub-paragraph.)
static LABEL_BEFORE_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[^\[\]()"“‘]*?[\[(]([A-Z][^\[\]()]{1,159})[\])]\s*:\s*["“‘]"#).unwrap()
});
/// The closing bracket of a clause that opens with the cue: an entry of a
/// compilation ("- Delete the last sentence [Peru, Chile].", "Retain
/// [Oman]."), whose label names who makes or takes it.
pub(super) fn entry_label(text: &str, clause: Span, cue: &Hit) -> Option<Span> {
    let s = clause.of(text);
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || BULLET_MARKS.contains(&c))
            .len();
    if clause.start + lead != cue.span.start
        || !matches!(
            cue.kind,
            CueKind::Action | CueKind::Oppose | CueKind::Support
        )
    {
        return None;
    }
    let inner = LABEL_AFTER
        .captures(s)
        .or_else(|| LABEL_BEFORE_WORDING.captures(s))?
        .get(1)?;
    Some(Span::new(
        clause.start + inner.start(),
        clause.start + inner.end(),
    ))
}

/// "new para 8 bis": a new paragraph numbered after the one it follows.
/// Where a new paragraph goes: "after paragraph 9", "before OP 3"; a bare
/// number only right after the new paragraph ("a new paragraph after 56",
/// not "after 10 years").
static PLACED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:after|before|following)\s+(?:(?:operative|preambular)\s+)?(?:paragraph\s*|paras?\.?\s*|(?-i:OP|PP)\s?)(\d{1,3})|paragraph\s+(?:after|before|following)\s+(\d{1,3}))\b").unwrap()
});
/// A new paragraph numbered after the one it follows ("21 bis") or a new
/// sub-paragraph of its parent ("a new sub-paragraph 5(d)"): the number
/// named is the paragraph edited.
static NUMBERED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,3}\s*(?:bis|ter|quater)\b|\b\d{1,3}\s?\([a-z]{1,2}\)").unwrap()
});

/// Bullet marks before an entry's first word.
const BULLET_MARKS: &[char] = &['-', '–', '•', '*'];
/// Inside a label: who backs the entry rather than makes it.
pub(super) static LABEL_SUPPORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:supported|backed|seconded|endorsed)\s+by\b").unwrap());
static SUBORDINATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s+(?:as|because|since|so that|given that|which)\s").unwrap());

/// A paragraph reference: the number, and where the reference starts and
/// ends in the clause.
type ParagraphRef = (u32, usize, usize);

/// A proposal noun as a clause's cue.
static PROPOSAL_NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:proposal|suggestion|amendment|request)s?$").unwrap());
/// " from the ", " by ", " of ", " made yesterday by the delegation of ":
/// right after a proposal noun, before its proposer.
static PROPOSER_AFTER_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:(?:made|presented|put\s+forward|tabled|submitted|circulated|introduced|advanced)\s+(?:[a-z]+\s+){0,2}?)?(?:from|by|of)\s+(?:the\s+)?(?:(?:delegations?|representatives?)\s+of\s+(?:the\s+)?)?").unwrap()
});

/// "Norway's proposal", "Fiji's revised amendment": a possessive right
/// before a proposal noun (past up to two words), its proposer.
static POSSESSIVE_BEFORE_NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"['’]s\s+(?:[a-z-]+\s+){0,2}$").unwrap());

/// "that it be", "they should be": a pronoun subject right before a
/// passive action word.
static PRONOUN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:it|they|them)\s+(?:(?:should|must|could|would|shall)\s+)?be\s+(?:\w+ly\s+)?$",
    )
    .unwrap()
});

impl<'a> Extractor<'a> {
    /// Reads a clause led by the proposal or action cue `hits[main]`.
    pub(super) fn proposal_clause(
        &mut self,
        at: At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        out: &mut Produced,
    ) {
        let (clause, _, quotes) = at;
        let mut main = main;
        // "OP 4 was the subject of a proposal from Bhutan to replace …",
        // "we have heard the proposal of France to merge …": a proposal
        // noun that names its proposer after it is that proposer's, not
        // the clause subject's.
        let mut holders = self.proposer_after_noun(clause, &hits[main], quotes);
        if holders.is_empty() {
            holders = self.proposer_before_noun(clause, &hits[main], quotes);
        }
        // "… was deleted from paragraph 26 at the request of Peru": the
        // proposer follows the cue, and the clause says what was done
        // ("At the request of Japan, a separate vote was taken" does not).
        let after = hits[main].value == "after";
        if after && !hits.iter().any(|h| h.kind == CueKind::Action) {
            return;
        }
        if holders.is_empty() {
            holders = self.holders(clause, &hits[main], quotes, ctx, after);
        }
        if holders.is_empty() {
            // "Introducing the amendment (L.77), the representative of Palau
            // said it would delete …": a proposal noun in an opening phrase
            // has no subject before it; a later proposal verb or action
            // word of the clause does.
            let Some((later, h)) = (main + 1..hits.len())
                .filter(|&i| matches!(hits[i].kind, CueKind::ProposalVerb | CueKind::Action))
                .filter(|&i| self.has_actor_before(clause, &hits[i], quotes))
                .map(|i| (i, self.holders(clause, &hits[i], quotes, ctx, false)))
                .find(|(_, h)| !h.is_empty())
            else {
                return;
            };
            (main, holders) = (later, h);
        }
        if self.proposals_by(at, ctx, hits, main, &holders, out) {
            ctx.set_speakers(holders);
        }
    }

    /// The actor right after a proposal noun and "from"/"by" ("a proposal
    /// from Bhutan to replace …"), when the noun leads the clause.
    fn proposer_after_noun(&self, clause: Span, cue: &Hit, quotes: &[Span]) -> Vec<Holder> {
        if !PROPOSAL_NOUN.is_match(cue.span.of(self.text)) {
            return Vec::new();
        }
        let rest = Span::new(cue.span.end, clause.end);
        let Some(m) = PROPOSER_AFTER_NOUN.find(rest.of(self.text)) else {
            return Vec::new();
        };
        // "At the request of Japan, a separate vote was taken …": a
        // request "of" someone is as often procedural.
        if m.as_str().trim_end().ends_with("of")
            && cue.span.of(self.text).to_lowercase().starts_with("request")
        {
            return Vec::new();
        }
        let actors = self.actors_in(rest, quotes);
        let Some(first) = actors.iter().find(|a| a.span.start == rest.start + m.end()) else {
            return Vec::new();
        };
        // "the proposal by Chile and Cabo Verde": the list it opens.
        let head = self.list_head(first, clause);
        actors
            .iter()
            .filter(|a| a.span.start >= first.span.start && self.list_head(a, clause) == head)
            .map(|a| Holder::own(a.entity.clone()))
            .collect()
    }

    /// "Chile has noted Norway's proposal to merge …": the actor whose
    /// possessive stands right before a proposal noun proposes, not the
    /// clause's subject.
    fn proposer_before_noun(&self, clause: Span, cue: &Hit, quotes: &[Span]) -> Vec<Holder> {
        if !PROPOSAL_NOUN.is_match(cue.span.of(self.text)) {
            return Vec::new();
        }
        let before = Span::new(clause.start, cue.span.start);
        let Some(m) = POSSESSIVE_BEFORE_NOUN.find(before.of(self.text)) else {
            return Vec::new();
        };
        let apostrophe = before.start + m.start();
        self.actors_in(before, quotes)
            .iter()
            .filter(|a| a.span.end == apostrophe)
            .map(|a| Holder::own(a.entity.clone()))
            .collect()
    }

    /// Some actor is named between the clause's start and `cue`.
    fn has_actor_before(&self, clause: Span, cue: &Hit, quotes: &[Span]) -> bool {
        !self
            .actors_in(Span::new(clause.start, cue.span.start), quotes)
            .is_empty()
    }

    /// The proposals (or policy support) of a clause led by the proposal
    /// or action cue `hits[main]`, made by `holders`; false when the clause
    /// is no proposal after all (an action word outside a request).
    pub(super) fn proposals_by(
        &mut self,
        at: At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        holders: &[Holder],
        out: &mut Produced,
    ) -> bool {
        let (clause, _, quotes) = at;
        let text = self.text;
        let cue = &hits[main];
        let before = &text[clause.start..cue.span.start];
        let label = entry_label(text, clause, cue);
        let labelled = label.is_some()
            || LABEL_BEFORE.is_match(before)
                && !self
                    .actors_in(Span::new(clause.start, cue.span.start), quotes)
                    .is_empty();
        if cue.kind == CueKind::Action && !REQUEST_BEFORE.is_match(before) && !labelled {
            let actors = self.actors_in(clause, quotes);
            self.note_speakers(clause, quotes, ctx, &actors);
            return false;
        }
        let explicit = self.target_refs(clause);
        let policy_after = self.policy_objects(clause, cue, false);
        // A labelled entry under a paragraph heading edits that paragraph
        // even with no object of its own ("- Delete [Peru].").
        let entry = labelled && !ctx.paragraphs.is_empty();
        if entry || self.has_edit_object(clause, quotes, cue, hits, &explicit, &policy_after) {
            self.edit_proposals(at, ctx, hits, main, holders, &explicit, &policy_after, out);
        } else {
            self.policy_proposal(at, ctx, hits, main, holders, &policy_after, out);
        }
        true
    }

    /// Paragraphs the clause names; those named in a reason ("…, as it
    /// duplicates paragraph 29") are not targets.
    fn target_refs(&self, clause: Span) -> Vec<ParagraphRef> {
        let s = clause.of(self.text);
        let mut refs = paragraph_refs(s);
        if let Some(cut) = SUBORDINATE.find(s) {
            if refs.iter().any(|r| r.2 <= cut.start()) {
                refs.retain(|r| r.1 < cut.start());
            }
        }
        refs
    }

    /// Whether the clause proposes an edit: it names an edit object (a
    /// paragraph, quoted words …) and, when it also names a policy, an
    /// action or the paragraph itself.
    fn has_edit_object(
        &self,
        clause: Span,
        quotes: &[Span],
        cue: &Hit,
        hits: &[Hit],
        explicit: &[ParagraphRef],
        policy_after: &[StanceTarget],
    ) -> bool {
        let text = self.text;
        let quoted = quotes.iter().any(|q| clause.contains(*q));
        // Against a policy named after the cue, only wording quoted between
        // the cue and the policy is the edit's object: "calls the PoA 'a
        // Trojan horse', and asks for a legally binding convention" quotes a
        // jibe, "calls for a catalogue 'that lists what is on offer'"
        // describes the policy; neither is new text.
        let quoted_after = quotes.iter().any(|q| {
            clause.contains(*q)
                && q.start >= cue.span.start
                && !self
                    .mentions
                    .within(Span::new(cue.span.end, q.start))
                    .any(|m| matches!(m.entity, Entity::Policy(_) | Entity::Body(_)))
        });
        let object = !self
            .finder
            .find(text, clause, &[CueKind::EditObject])
            .is_empty()
            || quoted
            || !explicit.is_empty()
            || self.pronoun_object(clause, quotes);
        let action_named = hits.iter().any(|h| h.kind == CueKind::Action);
        object
            && (action_named
                || policy_after.is_empty()
                || !explicit.is_empty()
                || CONTEXT_OBJECT.is_match(clause.of(text))
                || quoted_after)
    }

    /// Calling for a policy is supporting it.
    #[allow(clippy::too_many_arguments)]
    fn policy_proposal(
        &mut self,
        at: At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        holders: &[Holder],
        policy_after: &[StanceTarget],
        out: &mut Produced,
    ) {
        let sentence = at.1;
        let text = self.text;
        let only_action = hits
            .iter()
            .all(|h| !matches!(h.kind, CueKind::ProposalVerb) || h.cue_is_weak(text));
        if !policy_after.is_empty() && !only_action {
            self.support_all(holders, policy_after, sentence, ctx, out);
            let proposers: Vec<Entity> = holders.iter().map(|h| h.actor.clone()).collect();
            self.later_positions(at, ctx, hits, main, &proposers, policy_after, out);
        }
        if matches!(hits[main].kind, CueKind::Action) && !policy_after.is_empty() {
            self.support_all(holders, policy_after, sentence, ctx, out);
        }
    }

    /// Records the edit proposals of a clause with an edit object, and the
    /// positions that come with them.
    #[allow(clippy::too_many_arguments)]
    fn edit_proposals(
        &mut self,
        at: At,
        ctx: &mut Context,
        hits: &[Hit],
        main: usize,
        holders: &[Holder],
        explicit: &[ParagraphRef],
        policy_after: &[StanceTarget],
        out: &mut Produced,
    ) {
        let (clause, sentence, quotes) = at;
        let document = self.clause_draft(clause, explicit, ctx);
        let numbers: Vec<u32> = explicit.iter().map(|x| x.0).collect();
        let mut actions = self.actions(clause, quotes, clause.start, &numbers);
        let label = entry_label(self.text, clause, &hits[main]);
        let entry = label.is_some()
            || LABEL_BEFORE.is_match(&self.text[clause.start..hits[main].span.start]);
        // "- Delete [India].", "[Peru: delete]": an entry with nothing but
        // its action word deletes the whole paragraph of its heading.
        let rest = &self.text[hits[main].span.end..label.map_or(clause.end, |l| l.start)];
        if entry
            && rest
                .trim_matches(|c: char| c.is_whitespace() || "[]().;".contains(c))
                .is_empty()
        {
            for a in &mut actions {
                if *a == Action::DeleteText {
                    *a = Action::DeleteParagraph;
                }
            }
        }
        let paras = self.edited_paragraphs(clause, quotes, &numbers, &actions, entry, ctx);
        if numbers.is_empty() && self.drops_new_text(clause, quotes, &actions, holders, ctx, out) {
            return;
        }
        if explicit.len() == 1 || (!explicit.is_empty() && paras.len() == explicit.len()) {
            ctx.set_paragraphs(paras.clone());
            if document.is_some() {
                ctx.document = document.clone();
            }
        }
        let seconds = self.apposed_supporters(clause, quotes, hits, main);
        let (seconding, proposing): (Vec<Holder>, Vec<Holder>) = holders
            .iter()
            .cloned()
            .partition(|h| seconds.contains(&h.actor));
        // Nobody left to propose: the clause's holders propose after all.
        let (seconding, proposing) = if proposing.is_empty() {
            (Vec::new(), seconding)
        } else {
            (seconding, proposing)
        };
        let holders = proposing.as_slice();
        let holder_entities: Vec<Entity> = holders.iter().map(|h| h.actor.clone()).collect();
        let others = self.named_proposers(clause, quotes, &hits[main], &holder_entities);
        let saved_doc = ctx.document.clone();
        ctx.document = document;
        let first = out.proposals.len();
        match self.coordinated_edits(clause, quotes, explicit) {
            Some(parts) => {
                for (part, numbers) in parts {
                    let acts = self.actions(part, quotes, part.start, &numbers);
                    let part_at = (part, sentence, quotes);
                    self.record_edits(part_at, ctx, holders, others.clone(), &numbers, &acts, out);
                }
            }
            None => self.record_edits(at, ctx, holders, others, &paras, &actions, out),
        }
        let seconded: Vec<StanceTarget> = out.proposals[first..]
            .iter()
            .map(|&i| StanceTarget::Edit(i))
            .collect();
        self.support_all(&seconding, &seconded, sentence, ctx, out);
        ctx.document = saved_doc.or(ctx.document.clone());
        // Inserting wording about a policy supports it (a body named in the
        // wording — "within the new OEWG" — is not a position on the body).
        if actions
            .iter()
            .any(|a| matches!(a, Action::InsertText | Action::AddParagraph))
        {
            let mut policies: Vec<StanceTarget> = policy_after
                .iter()
                .filter(|t| matches!(t, StanceTarget::Policy(_)))
                .cloned()
                .collect();
            // "add a reference to the Programme of Action": a body the
            // insertion is to mention, not one the wording sits in.
            for (span, t) in self.targets_in(at.0) {
                if matches!(t, StanceTarget::Body(_))
                    && REFERENCE_TO.is_match(&self.text[at.0.start..span.start])
                    && !policies.contains(&t)
                {
                    policies.push(t);
                }
            }
            self.support_all(holders, &policies, sentence, ctx, out);
        }
        // Later cues in the same clause: "… introduced by China … and opposed by X".
        let made: Vec<StanceTarget> = out
            .proposals
            .iter()
            .map(|&i| StanceTarget::Edit(i))
            .collect();
        self.later_positions(at, ctx, hits, main, &holder_entities, &made, out);
    }

    /// "Bolivia, supported by Nicaragua, called for …": the actors of a
    /// supporting participle set off by commas before the verb back the
    /// proposal rather than make it ("joined by" adds co-proposers).
    fn apposed_supporters(
        &self,
        clause: Span,
        quotes: &[Span],
        hits: &[Hit],
        main: usize,
    ) -> Vec<Entity> {
        let text = self.text;
        let mut out = Vec::new();
        for (k, h) in hits.iter().enumerate().take(main) {
            let word = h.span.of(text).to_lowercase();
            if h.kind != CueKind::Support
                || word.starts_with("join")
                || !self.is_apposed_agent(h, hits.get(k + 1))
            {
                continue;
            }
            let end = text[h.span.end..clause.end]
                .find([',', ':'])
                .map_or(clause.end, |i| h.span.end + i);
            let span = Span::new(h.span.end, end);
            out.extend(
                self.actors_in(clause, quotes)
                    .into_iter()
                    .filter(|m| span.contains(m.span))
                    .map(|m| m.entity.clone()),
            );
        }
        out
    }

    /// The draft the clause edits: one named right after a paragraph
    /// reference ("paragraph 17 of the First Draft"), else the one under
    /// discussion.
    fn clause_draft(
        &self,
        clause: Span,
        explicit: &[ParagraphRef],
        ctx: &Context,
    ) -> Option<String> {
        let text = self.text;
        let mut document = ctx.document.clone();
        for (_, _, end) in explicit {
            let tail = &text[clause.start + end..clause.end];
            if let Some(m) = self
                .mentions
                .within(Span::new(clause.start + end, clause.end))
                .next()
            {
                if let Entity::Document(d) = &m.entity {
                    if self.is_draft(d)
                        && tail.trim_start().starts_with("of")
                        && m.span.start - (clause.start + end) <= 12
                    {
                        document = Some(d.clone());
                    }
                }
            }
        }
        document
    }

    /// The paragraphs edited: those named, except for a new paragraph not
    /// placed "after"/"before" one; with none named, the paragraphs under
    /// discussion when the clause says "this paragraph" or quotes wording.
    fn edited_paragraphs(
        &self,
        clause: Span,
        quotes: &[Span],
        numbers: &[u32],
        actions: &[Action],
        entry: bool,
        ctx: &Context,
    ) -> Vec<u32> {
        let text = self.text;
        let mut paras = numbers.to_vec();
        paras.dedup();
        // "a new paragraph after 56", "after paragraph 9": the anchor, even
        // as a bare number.
        let placed: Option<u32> = (actions == [Action::AddParagraph])
            .then(|| PLACED_AT.captures(clause.of(text)))
            .flatten()
            .and_then(|c| c.get(1).or(c.get(2)))
            .and_then(|m| m.as_str().parse().ok());
        // A compilation's entry edits the paragraph of its heading (a new
        // paragraph goes after it), unless it places itself.
        if paras.is_empty() && entry && placed.is_none() {
            return ctx.paragraphs.clone();
        }
        if actions == [Action::AddParagraph] {
            match placed {
                Some(n) if !paras.contains(&n) => paras = vec![n],
                Some(_) => {}
                None if !NUMBERED_AFTER.is_match(clause.of(text)) => paras.clear(),
                None => {}
            }
        }
        // "Paragraph 11 drew comment. Iran proposed to insert a sentence
        // …": wording added without a paragraph goes into the one just
        // named (this sentence or the one before).
        let inserts_here = actions.contains(&Action::InsertText) && ctx.paragraphs_age <= 1;
        if paras.is_empty()
            && actions != [Action::AddParagraph]
            && (CONTEXT_OBJECT.is_match(clause.of(text))
                || self.pronoun_object(clause, quotes)
                || quotes.iter().any(|q| clause.contains(*q))
                || inserts_here)
        {
            paras = ctx.paragraphs.clone();
        }
        paras
    }

    /// "amend it", "delete them", "we ask that it be deleted": an action
    /// word with a pronoun object (or a pronoun subject of its passive)
    /// stands for the paragraphs under discussion.
    fn pronoun_object(&self, clause: Span, quotes: &[Span]) -> bool {
        let text = self.text;
        self.finder
            .find(text, clause, &[CueKind::Action])
            .iter()
            .filter(|h| !super::refs::inside_any(quotes, h.span))
            .any(|h| {
                let after = &text[h.span.end..clause.end];
                let word: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let before = &text[clause.start..h.span.start];
                (after.starts_with(' ') && (word == "it" || word == "them"))
                    || PRONOUN_SUBJECT.is_match(before)
            })
    }

    /// Proposers other than the holders: "as proposed by X", "suggested by X".
    fn named_proposers(
        &self,
        clause: Span,
        quotes: &[Span],
        cue: &Hit,
        holders: &[Entity],
    ) -> Vec<Entity> {
        let text = self.text;
        self.actors_in(clause, quotes)
            .into_iter()
            .filter(|m| m.span.start > cue.span.end && !holders.contains(&m.entity))
            .filter(|m| self.after_preposition(m, clause) || self.is_object_proposer(m, clause))
            .filter(|m| {
                text[clause.start..m.span.start].contains("proposed by")
                    || text[clause.start..m.span.start].contains("suggested by")
            })
            .map(|m| m.entity.clone())
            .collect()
    }

    /// The holders' proposals, and the named proposers' ones, which the
    /// holders support.
    #[allow(clippy::too_many_arguments)]
    fn record_edits(
        &mut self,
        at: At,
        ctx: &mut Context,
        holders: &[Holder],
        others: Vec<Entity>,
        paras: &[u32],
        actions: &[Action],
        out: &mut Produced,
    ) {
        for h in holders {
            let made = self.make_proposals(h, paras, actions, at, ctx);
            out.proposals.extend(made);
        }
        for o in others {
            let made = self.find_or_make(o, paras, actions, at, ctx);
            // "as proposed by Russia": the same change, so the same wording.
            if let Some(model) = out.proposals.first().map(|&i| self.proposals[i].clone()) {
                for &i in &made {
                    let p = &mut self.proposals[i];
                    if p.evidence == model.evidence && p.action == model.action {
                        p.removed = p.removed.clone().or(model.removed.clone());
                        p.added = p.added.clone().or(model.added.clone());
                    }
                }
            }
            let supported: Vec<StanceTarget> =
                made.iter().map(|&i| StanceTarget::Edit(i)).collect();
            self.support_all(holders, &supported, at.1, ctx, out);
        }
    }

    /// "A new paragraph after OP 7 was tabled by Peru. Oman asked that it
    /// be dropped.": deleting, by a pronoun, what was proposed just before
    /// as new text is opposing that proposal, not proposing to delete the
    /// paragraph it was anchored to. Records the opposition when so.
    fn drops_new_text(
        &mut self,
        clause: Span,
        quotes: &[Span],
        actions: &[Action],
        holders: &[Holder],
        ctx: &mut Context,
        out: &mut Produced,
    ) -> bool {
        let deletes = !actions.is_empty()
            && actions
                .iter()
                .all(|a| matches!(a, Action::DeleteParagraph | Action::DeleteText));
        if !deletes || !self.pronoun_object(clause, quotes) {
            return false;
        }
        let Some(&last) = ctx.prev_proposals.last() else {
            return false;
        };
        let p = &self.proposals[last];
        let new_text = matches!(p.action, Action::AddParagraph | Action::InsertText);
        if !new_text || holders.iter().any(|h| h.actor == p.proposer) {
            return false;
        }
        let target = StanceTarget::Edit(last);
        for h in holders {
            self.push_stance(h, Polarity::Opposition, target.clone(), clause, ctx);
            out.stances.push((Polarity::Opposition, target.clone()));
        }
        true
    }

    /// Every holder supports every target.
    fn support_all(
        &mut self,
        holders: &[Holder],
        targets: &[StanceTarget],
        sentence: Span,
        ctx: &mut Context,
        out: &mut Produced,
    ) {
        for h in holders {
            for t in targets {
                self.push_stance(h, Polarity::Support, t.clone(), sentence, ctx);
                out.stances.push((Polarity::Support, t.clone()));
            }
        }
    }
}
