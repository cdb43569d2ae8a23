//! Who holds a clause's position: the actors (states and groups) a clause
//! names, told apart as subjects, passive agents ("supported by Iran"),
//! objects ("the proposal of China", "sided with the EU"), speakers for a
//! group ("on behalf of CARICOM") and pronouns for the last speaker.
//!
//! Everything here reads mentions and the few function words between them;
//! what the position is about is decided elsewhere.

use super::context::{Context, Holder};
use super::cues::{ceil_boundary, Hit};
use super::refs::inside_any;
use super::Extractor;
use crate::mention::{Entity, Mention, MentionKind};
use crate::reference::CueKind;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?(?:also\s+)?$").unwrap()
});
pub(super) static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+)(?:(?:and|or|as well as)\s+)?(?:the\s+)?(?:delegations?\s+of\s+)?(?:the\s+)?$").unwrap()
});
/// The end of a relative aside: "…, which said …," right before a clause.
static AFTER_ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s+(?:which|who)\s[^,;.]*,$").unwrap());
/// The most words between a cue opening a line and the colon before the
/// actors it labels ("Support for retaining the paragraph: …").
const MAX_LABEL_HEADING: usize = 6;
/// A relative pronoun that can open a clause with its own subject.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:which|whom)\b").unwrap());
/// ", which rejected", ", who has long backed": a relative clause opened
/// right after an actor, with only auxiliaries and adverbs before the cue
/// (", which the Chair said rejected" has a subject of its own).
static RELATIVE_AFTER_ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^,\s+(?:which|who)\s+(?:(?:has|have|had|was|is|were|are|also|long|now|then|once|still|already|never|always|\w+ly)\s+){0,3}$").unwrap()
});
static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bby\b").unwrap());

/// A passive verb and its "by": "was put forward anew by".
static LATE_PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+){0,3}?\w+(?:ed|en|wn)\s+(?:\w+\s+){0,3}?by\s+").unwrap()
});

/// ", among them", ", including": the list that follows names whom a
/// vague subject ("several delegations") counts.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:among them|among whom|among these|including|notably|in particular)\s+(?:the\s+)?$").unwrap()
});

impl<'a> Extractor<'a> {
    /// States and groups named in `span`, outside quotes.
    pub(super) fn actors_in(&self, span: Span, quotes: &[Span]) -> Vec<&'a Mention> {
        self.mentions
            .within(span)
            .filter(|m| m.entity.is_state_or_group() && !inside_any(quotes, m.span))
            .collect()
    }

    /// Who a compilation's entry names: in its closing bracket ("- Delete
    /// the sentence [Peru, supported by Chile]." is Peru's), or after a
    /// colon right after its cue ("Opposed: Oman, Qatar.").
    fn labelled(&self, clause: Span, cue: &Hit, quotes: &[Span]) -> Option<Vec<Holder>> {
        let text = self.text;
        let label = super::proposal::entry_label(text, clause, cue).or_else(|| {
            let opens = text[clause.start..cue.span.start].trim().is_empty();
            let rest = &text[cue.span.end..clause.end];
            // "Opposed: Oman, Qatar.", and "Support for retaining the
            // paragraph: Chile, Peru.": a short heading without actors.
            let colon = rest.find(':')?;
            let heading = Span::new(cue.span.end, cue.span.end + colon);
            let short = heading.of(text).split_whitespace().count() <= MAX_LABEL_HEADING
                && self.actors_in(heading, quotes).is_empty();
            (opens && cue.kind != CueKind::Action && short)
                .then(|| Span::new(cue.span.end + colon, clause.end))
        })?;
        let end = super::proposal::LABEL_SUPPORT
            .find(label.of(text))
            .map_or(label.end, |m| label.start + m.start());
        let named: Vec<Holder> = self
            .actors_in(label, quotes)
            .into_iter()
            .filter(|m| m.span.end <= end)
            .map(|m| Holder::own(m.entity.clone()))
            .collect();
        (!named.is_empty()).then_some(named)
    }

    /// Resolves who holds the clause's position.
    pub(super) fn holders(
        &self,
        clause: Span,
        cue: &Hit,
        quotes: &[Span],
        ctx: &Context,
        after_cue: bool,
    ) -> Vec<Holder> {
        if let Some(label) = self.labelled(clause, cue, quotes) {
            return label;
        }
        let actors = self.actors_in(clause, quotes);
        let mut picked = self.passive_agents(clause, cue, &actors, after_cue);
        if picked.is_empty() && !after_cue {
            picked = self.subjects_before(clause, cue, &actors);
        }
        if picked.is_empty() && !after_cue {
            picked = self.late_agents(clause, cue, &actors);
        }
        if picked.is_empty() {
            picked = self.reported_after(clause, cue, &actors);
        }
        if picked.is_empty() && !after_cue {
            picked = self.relative_antecedent(cue, &actors);
        }
        let mut holders: Vec<Holder> = picked
            .into_iter()
            .map(|m| Holder::own(m.entity.clone()))
            .collect();
        if holders.is_empty() && self.refers_to_last_speaker(clause, cue, ctx) {
            holders = ctx.last_holders.clone();
        }
        // "Kenya backed the PoA, and proposed …": a coordinated clause
        // without any actor shares the subject of the one before it.
        let before = self.text[..clause.start].trim_end();
        // "Iran, which said …, proposed …": the aside and the verb after it
        // are the subject's too.
        let aside = self.text[clause.start..].trim_start();
        let coordinated = before.ends_with(", and")
            || before.ends_with(" and")
            || aside.starts_with("which ")
            || aside.starts_with("who ")
            || AFTER_ASIDE
                .is_match(&before[ceil_boundary(before, before.len().saturating_sub(400))..]);
        if holders.is_empty() && actors.is_empty() && coordinated && ctx.holders_age == 0 {
            holders = ctx.last_holders.clone();
        }
        if holders.is_empty() && actors.is_empty() {
            holders = ctx.entry.clone();
        }
        if holders.is_empty() && self.is_first_person(clause, cue.span) {
            holders.extend(self.authors.clone());
        }
        self.apply_on_behalf(clause, quotes, holders)
    }

    /// The agents of a passive cue ("was supported by Iran"), or the actors
    /// after a cue whose holder follows it (`after_cue`), up to the next
    /// position cue ("introduced by China … and opposed by …").
    fn passive_agents(
        &self,
        clause: Span,
        cue: &Hit,
        actors: &[&'a Mention],
        after_cue: bool,
    ) -> Vec<&'a Mention> {
        let text = self.text;
        let passive = self.is_passive(clause, cue)
            || text[cue.span.end..clause.end]
                .trim_start()
                .starts_with("by ")
            || after_cue;
        if !passive {
            return Vec::new();
        }
        let rest = Span::new(cue.span.end, clause.end);
        let from = if after_cue {
            Some(cue.span.end)
        } else {
            BY.find(rest.of(text)).map(|m| rest.start + m.end())
        };
        let Some(from) = from else {
            return Vec::new();
        };
        let stop = self
            .finder
            .find(
                text,
                Span::new(from, clause.end),
                &[CueKind::Support, CueKind::Oppose, CueKind::ProposalVerb],
            )
            .first()
            .map(|h| h.span.start)
            .unwrap_or(clause.end);
        actors
            .iter()
            .copied()
            .filter(|m| {
                m.span.start >= from && m.span.end <= stop && !self.is_object_proposer(m, clause)
            })
            .collect()
    }

    /// "A treaty was called for once more by Cuba and Laos": a
    /// passive verb later in the clause names the holders after its "by".
    fn late_agents(&self, clause: Span, cue: &Hit, actors: &[&'a Mention]) -> Vec<&'a Mention> {
        let rest = Span::new(cue.span.end, clause.end);
        let Some(m) = LATE_PASSIVE.find(rest.of(self.text)) else {
            return Vec::new();
        };
        let from = rest.start + m.end();
        actors
            .iter()
            .copied()
            .filter(|a| a.span.start >= from && !self.is_object_proposer(a, clause))
            .collect()
    }

    /// Subjects before the cue; a "by X" before the cue is an agent ("the
    /// third opinion, voiced by the Netherlands, … was to include").
    fn subjects_before(&self, clause: Span, cue: &Hit, actors: &[&'a Mention]) -> Vec<&'a Mention> {
        actors
            .iter()
            .copied()
            .filter(|m| {
                m.span.end <= cue.span.start
                    && (!self.after_preposition(m, clause) || self.after_by(m, clause))
                    && !(self.is_object_proposer(m, clause)
                        && self.text[m.span.end..cue.span.start].contains(" to "))
                    && !self.relative_has_own_subject(m, cue, actors)
            })
            .collect()
    }

    /// "we thank Kenya for its proposal, which we can support": the
    /// relative clause holding the cue has a subject of its own (a name or
    /// a first-person pronoun), so the actor before it is no subject.
    fn relative_has_own_subject(&self, m: &Mention, cue: &Hit, actors: &[&Mention]) -> bool {
        let between = &self.text[m.span.end..cue.span.start];
        let Some(rel) = RELATIVE.find(between) else {
            return false;
        };
        let from = m.span.end + rel.end();
        actors
            .iter()
            .any(|a| a.span.start >= from && a.span.end <= cue.span.start)
            || !self
                .finder
                .find(
                    self.text,
                    Span::new(from, cue.span.start),
                    &[CueKind::FirstPerson],
                )
                .is_empty()
    }

    /// "The bluntest reply came from Latvia, which rejected a treaty":
    /// the actor right before ", which"/", who" holds the relative
    /// clause's position when the clause names no subject of its own.
    fn relative_antecedent(&self, cue: &Hit, actors: &[&'a Mention]) -> Vec<&'a Mention> {
        let Some(last) = actors.iter().rev().find(|m| m.span.end <= cue.span.start) else {
            return Vec::new();
        };
        if RELATIVE_AFTER_ACTOR.is_match(&self.text[last.span.end..cue.span.start]) {
            vec![*last]
        } else {
            Vec::new()
        }
    }

    /// "(EU, US, Netherlands …)" after the cue, or ", Egypt highlighted.":
    /// the actors after the cue, when they are set off as the speakers.
    fn reported_after(&self, clause: Span, cue: &Hit, actors: &[&'a Mention]) -> Vec<&'a Mention> {
        let text = self.text;
        let after: Vec<&Mention> = actors
            .iter()
            .copied()
            .filter(|m| m.span.start >= cue.span.end)
            .collect();
        let (Some(first), Some(last)) = (after.first(), after.last()) else {
            return after;
        };
        let before_first = &text[cue.span.end..first.span.start];
        let tail = &text[last.span.end..clause.end];
        let in_parens = before_first.trim_end().ends_with('(');
        // "Several delegations objected to the deletion, among them Chile
        // and Peru.": a vague subject, then the ones it counts.
        let counted =
            COUNTED.is_match(before_first) && tail.trim().trim_end_matches(['.', '!']).is_empty();
        let reporting = before_first.trim_end().ends_with(',')
            && tail
                .trim()
                .trim_end_matches(['.', '!'])
                .split_whitespace()
                .count()
                <= 2;
        if in_parens || reporting || counted {
            after
        } else {
            Vec::new()
        }
    }

    /// Pronouns ("it", "they") stand for the last speaker only as the
    /// clause's first word, "it" only for a single speaker, and only when
    /// that speaker is recent.
    fn refers_to_last_speaker(&self, clause: Span, cue: &Hit, ctx: &Context) -> bool {
        let text = self.text;
        let anaphors = self.finder.find(
            text,
            Span::new(clause.start, cue.span.start),
            &[CueKind::Anaphor],
        );
        let usable = anaphors.iter().any(|a| {
            let word = a.span.of(text).to_lowercase();
            let lead = text[clause.start..a.span.start].trim().to_lowercase();
            let initial = lead.is_empty() || lead.ends_with("that") || lead.ends_with("therefore");
            match word.as_str() {
                "it" | "he" | "she" => {
                    initial && ctx.last_holders.len() == 1 && ctx.holders_age <= 1
                }
                "they" => initial && ctx.holders_age <= 1,
                _ => true,
            }
        });
        usable && ctx.holders_age <= 2
    }
    /// "Suriname, on behalf of CARICOM" / "speaking for the Arab Group, Egypt":
    /// the group holds the position, the member voices it.
    pub(super) fn apply_on_behalf(
        &self,
        clause: Span,
        quotes: &[Span],
        holders: Vec<Holder>,
    ) -> Vec<Holder> {
        let hits = self.finder.find(self.text, clause, &[CueKind::OnBehalf]);
        let actors = self.actors_in(clause, quotes);
        // "on behalf of" and its kin first; a "through" only when there is
        // none (it is a common word, read only as "X, through Y, …").
        let Some(hit) = hits.iter().find(|h| h.value != "through") else {
            return match hits.first() {
                Some(through) => self.voiced_through(through, &actors, holders),
                None => holders,
            };
        };
        let group = actors
            .iter()
            .find(|m| m.span.start >= hit.span.end && m.span.start - hit.span.end <= 6);
        let Some(group) = group else { return holders };
        // The speaker is the actor right before the cue ("… by Malaysia
        // and by Viet Nam on behalf of ASEAN": Viet Nam), else the first
        // after the group ("Speaking for the Arab Group, Egypt …").
        let speaker = actors
            .iter()
            .rev()
            .find(|m| m.entity != group.entity && m.span.end <= hit.span.start)
            .or_else(|| {
                actors
                    .iter()
                    .find(|m| m.entity != group.entity && m.span.start > group.span.end)
            })
            .map(|m| m.entity.clone());
        let (represented, coordinated) = self.represented(group, &actors);
        let mut out: Vec<Holder> = represented
            .iter()
            .map(|e| Holder {
                actor: e.clone(),
                voiced_by: speaker.clone(),
            })
            .collect();
        out.extend(coordinated.into_iter().map(Holder::own));
        // "Iceland, also speaking for Norway": the speaker's own position
        // as well as the other's.
        let also = self.text[..hit.span.start]
            .trim_end()
            .to_lowercase()
            .ends_with("also");
        if let (true, Some(s)) = (also, &speaker) {
            out.push(Holder::own(s.clone()));
        }
        for h in holders {
            if Some(&h.actor) != speaker.as_ref() && out.iter().all(|o| o.actor != h.actor) {
                out.push(h);
            }
        }
        out
    }

    /// Everyone "on behalf of" names: "on behalf of Iceland, Norway and
    /// Finland" is three; a list without "and" is no list ("Speaking for
    /// the Arab Group, Egypt …" names the speaker next). After a lone name,
    /// ", and X" goes back to the speakers ("Tonga, on behalf of the Forum,
    /// and Kenya supported it"): X is returned apart, holding the position
    /// in its own name.
    /// "The Caribbean Community, speaking through the Bahamas, proposed
    /// …": the group before the cue holds the position, the actor after it
    /// voices it. Only as an aside set off by commas; otherwise ("through
    /// the OEWG") nothing changes.
    fn voiced_through(&self, hit: &Hit, actors: &[&Mention], holders: Vec<Holder>) -> Vec<Holder> {
        let text = self.text;
        let speaker = actors.iter().find(|m| {
            m.span.start >= hit.span.end
                && text[hit.span.end..m.span.start].trim_start().len() <= 4
                && text[m.span.end..].trim_start().starts_with(',')
        });
        let group = actors.iter().rev().find(|m| {
            m.span.end <= hit.span.start && text[m.span.end..hit.span.start].trim() == ","
        });
        let (Some(speaker), Some(group)) = (speaker, group) else {
            return holders;
        };
        let mut out: Vec<Holder> = Vec::new();
        for h in holders {
            let h = if h.actor == speaker.entity || h.actor == group.entity {
                Holder {
                    actor: group.entity.clone(),
                    voiced_by: Some(speaker.entity.clone()),
                }
            } else {
                h
            };
            if !out.contains(&h) {
                out.push(h);
            }
        }
        out
    }

    pub(super) fn represented(
        &self,
        first: &Mention,
        actors: &[&Mention],
    ) -> (Vec<Entity>, Vec<Entity>) {
        let text = self.text;
        let mut items = vec![&first.entity];
        let mut end = first.span.end;
        for m in actors.iter().filter(|m| m.span.start >= first.span.end) {
            let gap = text[end..m.span.start].trim_start_matches(' ');
            let gap = gap.strip_suffix("the ").unwrap_or(gap).trim_end();
            match gap {
                "," => items.push(&m.entity),
                ", and" if items.len() == 1 => {
                    return (vec![first.entity.clone()], vec![m.entity.clone()]);
                }
                "and" | ", and" => {
                    items.push(&m.entity);
                    return (items.into_iter().cloned().collect(), Vec::new());
                }
                _ => break,
            }
            end = m.span.end;
        }
        (vec![first.entity.clone()], Vec::new())
    }

    /// "the proposal of X", "by X" (active), "X’s suggestion": X proposed.
    pub(super) fn is_object_proposer(&self, m: &Mention, clause: Span) -> bool {
        let text = self.text;
        let after = &text[m.span.end..clause.end];
        let lower = after.to_lowercase();
        after.starts_with("’s")
            || after.starts_with("'s")
            || [
                " proposal",
                " amendment",
                " suggestion",
                " request",
                " edit",
                " position",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
            || after.starts_with('’') && m.kind == MentionKind::Name && after[3..].starts_with(' ')
    }

    /// "was supported", "were criticised": an auxiliary right before a
    /// participle cue. ("there is no need" is not passive.)
    pub(super) fn is_passive(&self, clause: Span, cue: &Hit) -> bool {
        let first = cue
            .span
            .of(self.text)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let participle = first.ends_with("ed") || first.ends_with("en") || first.ends_with("wn");
        participle && PASSIVE_BEFORE.is_match(&self.text[clause.start..cue.span.start])
    }

    /// Whether a mention (or the list it heads) follows "by": an agent.
    pub(super) fn after_by(&self, m: &Mention, clause: Span) -> bool {
        let head = self.list_head(m, clause);
        let before = self.text[clause.start..head].trim_end();
        let before = before
            .strip_suffix("the")
            .map(str::trim_end)
            .unwrap_or(before);
        before.ends_with(" by")
    }

    /// Actors after "of", "by", "with", "to", "from", "than": objects, not subjects.
    pub(super) fn after_preposition(&self, m: &Mention, clause: Span) -> bool {
        let before = self.text[clause.start..m.span.start].trim_end();
        let before = before
            .strip_suffix("the")
            .map(str::trim_end)
            .unwrap_or(before);
        // "the delegations of Greece", "the representative of Kenya": subjects.
        // Only the end of the text before can hold these phrases, so only
        // the end is lower-cased (lower-casing the whole clause before
        // every mention cost more than the rest of this check).
        let lower = lowercase_tail(before, 20);
        if let Some(p) = [
            "delegation of",
            "delegations of",
            "delegate of",
            "delegates of",
            "representative of",
            "representatives of",
            "government of",
            "ambassador of",
            "envoy of",
            "minister of",
            "mission of",
            "authorities of",
            "according to",
        ]
        .iter()
        .find(|p| lower.ends_with(*p))
        {
            // "the suggestion of the delegation of India": the delegation
            // itself follows a preposition, so India is no subject.
            let cut = before.len().saturating_sub(p.len());
            let head = before.get(..cut).unwrap_or("").trim_end();
            let head = head.strip_suffix("the").map_or(head, str::trim_end);
            return [" of", " by", " from"].iter().any(|w| head.ends_with(w));
        }
        // A list continues the status of its first member: "changes by China and Cuba".
        let list_start = self.list_head(m, clause);
        if list_start != m.span.start {
            let head = self
                .mentions
                .within(clause)
                .find(|x| x.span.start == list_start)
                .cloned();
            if let Some(h) = head {
                return self.after_preposition(&h, clause);
            }
        }
        [" of", " by", " with", " to", " from", " than"]
            .iter()
            .any(|p| before.ends_with(p) || before == &p[1..])
    }

    /// Start of the coordinated list ("China, Cuba and Belarus") a mention
    /// belongs to.
    pub(super) fn list_head(&self, m: &Mention, clause: Span) -> usize {
        let actors: Vec<&Mention> = self
            .mentions
            .within(clause)
            .filter(|x| x.entity.is_state_or_group())
            .collect();
        let Some(mut i) = actors.iter().position(|x| x.span == m.span) else {
            return m.span.start;
        };
        while i > 0 {
            let gap = &self.text[actors[i - 1].span.end..actors[i].span.start];
            if LIST_GAP.is_match(gap) {
                i -= 1;
            } else {
                break;
            }
        }
        actors[i].span.start
    }

    /// Updates the last speaker from a clause without a position.
    pub(super) fn note_speakers(
        &self,
        clause: Span,
        quotes: &[Span],
        ctx: &mut Context,
        actors: &[&Mention],
    ) {
        let subjects: Vec<Holder> = actors
            .iter()
            .filter(|m| !self.after_preposition(m, clause))
            .map(|m| Holder::own(m.entity.clone()))
            .collect();
        if !subjects.is_empty() {
            let holders = self.apply_on_behalf(clause, quotes, subjects);
            ctx.set_speakers(holders);
        }
    }
}

/// The lower-case form of the last `chars` characters of `text`: it ends
/// with an ASCII phrase of at most `chars` characters exactly when the
/// lower-case form of the whole text does (a character lower-cases to one
/// or more characters, on its own but for a final sigma, which is never
/// ASCII).
fn lowercase_tail(text: &str, chars: usize) -> String {
    let start = text
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    text[start..].to_lowercase()
}

/// What may follow the actors that label an entry: a full stop, colon,
/// comma or dash ("Iran, paragraph 63: …", "Peru. Wants …", "Chile — …").
static ENTRY_LABEL_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[.:,]|[—–]|-\s)").unwrap());

/// Where a label opened by "Name," ends: a colon or a dash ("Iran,
/// paragraph 63: …", "Chile, again — …"), before a semicolon.
static COMMA_LABEL_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^;:—–]*(?::|[—–]|\s-\s)").unwrap());

impl<'a> Extractor<'a> {
    /// The actors whose names open a block as its label ("Netherlands.
    /// Paragraph 27: wants …", "Morocco, Senegal: yes to the PoA", "Iran,
    /// paragraph 63: delete …"): a list of states or groups at the very
    /// start, then a full stop, colon, comma or dash. Running notes name
    /// the speaker once and leave the subject out after it.
    pub(super) fn entry_speakers(&self, body: Span) -> Vec<Holder> {
        let text = self.text;
        let lead = body.of(text).len()
            - body
                .of(text)
                .trim_start_matches(|c: char| c.is_whitespace() || "-–•*".contains(c))
                .len();
        let mut at = body.start + lead;
        let mut out = Vec::new();
        for m in self.mentions.within(body) {
            if m.span.start < at {
                continue;
            }
            let gap = &text[at..m.span.start];
            let joined = gap.trim().is_empty()
                || (!out.is_empty()
                    && matches!(
                        gap.trim(),
                        "," | "and" | ", and" | "&" | "the" | ", the" | "and the"
                    ));
            if !joined || !m.entity.is_state_or_group() {
                break;
            }
            out.push(Holder::own(m.entity.clone()));
            at = m.span.end;
        }
        if out.is_empty() || !ENTRY_LABEL_END.is_match(&text[at..body.end]) {
            return Vec::new();
        }
        // "Peru, Chile and Oman backed it": a list with a verb after it is
        // a subject, not a label; only a comma right after one name, or a
        // full stop, colon or dash after any, labels the entry.
        let next = text[at..body.end].trim_start();
        if let Some(rest) = next.strip_prefix(',') {
            // "Iran, paragraph 63: …" labels; "France, together with Egypt,
            // introduced …" is a subject with an aside: after a comma, the
            // label ends at a colon or dash a few words on.
            let near = &rest[..ceil_boundary(rest, rest.len().min(40))];
            if out.len() > 1 || !COMMA_LABEL_END.is_match(near) {
                return Vec::new();
            }
        }
        out
    }
}
