//! Name matching against the reference data: every alias looked up where a
//! word starts (`segment::Phrases`).
//!
//! Case rules keep "US" from matching "us" and "Chad" from matching "chad":
//! acronyms and names of up to four letters must match exactly; names that
//! start with a capital must start with one in the text; lower-case phrases
//! (policy proposals) match in any case. Names and text are compared in
//! their normalised spelling (`segment::Normalized`: one hyphen, one
//! apostrophe, one space), so the CSV lists a name once and "Non‑Aligned"
//! with a non-breaking hyphen still matches.

use super::{Clauses, Entity, Mention, MentionKind};
use crate::reference::{CueKind, Reference};
use crate::segment::{normalize_pattern, Found, Normalized, Phrases, Span};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    Exact,
    InitialCapital,
    Any,
}

#[derive(Debug, Clone)]
struct Candidate {
    entity: Entity,
    /// ISO date from which the entity applies (bodies) or its year (documents).
    since: String,
    kind: MentionKind,
    /// Years a draft is negotiated in: a 2024 text's "the zero draft" is
    /// not the 2021 one (`mention::drafts` names it by its description).
    years: Option<(u32, u32)>,
}

#[derive(Debug, Clone)]
struct Pattern {
    case: CaseRule,
    text: String,
    candidates: Vec<Candidate>,
}

/// The compiled name matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Every pattern's text, numbered as `patterns`.
    phrases: Phrases,
    /// The patterns a name can match where a word starts with a lower-case
    /// ASCII letter (any case, or exactly so spelt), numbered as
    /// `patterns`: the others would fail their case rule there, and most
    /// words start so, so most words never walk the big trie.
    lower: Phrases,
    patterns: Vec<Pattern>,
    /// Demonyms alone, for the first half of "the French-Egyptian
    /// initiative", which has no head noun of its own.
    demonyms: BTreeMap<String, Entity>,
    /// Policies named by a clause rather than a name (`clauses`).
    clauses: Clauses,
}

fn case_rule(alias: &str) -> CaseRule {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if acronym || alias.chars().count() <= 4 {
        CaseRule::Exact
    } else if alias.chars().next().is_some_and(char::is_uppercase) {
        CaseRule::InitialCapital
    } else {
        CaseRule::Any
    }
}

/// The spelling of one alias that is matched: normalised, without a leading
/// "the".
fn variants(alias: &str) -> Vec<String> {
    let base = alias
        .strip_prefix("the ")
        .or_else(|| alias.strip_prefix("The "))
        .unwrap_or(alias);
    vec![normalize_pattern(base).replace('-', " ")]
}

impl Gazetteer {
    pub fn new(reference: &Reference) -> Self {
        let mut entries: Vec<(String, Candidate)> = Vec::new();
        let mut add = |name: &str,
                       entity: Entity,
                       since: &str,
                       kind: MentionKind,
                       years: Option<(u32, u32)>| {
            for v in variants(name) {
                if !v.is_empty() {
                    entries.push((
                        v,
                        Candidate {
                            entity: entity.clone(),
                            since: since.to_string(),
                            kind,
                            years,
                        },
                    ));
                }
            }
        };
        let heads = reference.cues.words(CueKind::DemonymHead);
        let mut demonyms = BTreeMap::new();
        for s in &reference.states {
            for d in &s.demonyms {
                demonyms.insert(d.clone(), Entity::State(s.code.clone()));
            }
            let e = Entity::State(s.code.clone());
            // State codes are not added: "NAM" is Namibia's code and the
            // Non-Aligned Movement's abbreviation.
            add(&s.name, e.clone(), "", MentionKind::Name, None);
            for a in &s.aliases {
                add(a, e.clone(), "", MentionKind::Name, None);
            }
            for d in &s.demonyms {
                for h in &heads {
                    add(
                        &format!("{d} {h}"),
                        e.clone(),
                        "",
                        MentionKind::Demonym,
                        None,
                    );
                }
            }
        }
        for g in &reference.groups {
            let e = Entity::Group(g.code.clone());
            add(&g.name, e.clone(), "", MentionKind::Name, None);
            add(&g.code, e.clone(), "", MentionKind::Name, None);
            for a in &g.aliases {
                add(a, e.clone(), "", MentionKind::Name, None);
            }
        }
        for b in &reference.bodies {
            let e = Entity::Body(b.slug.clone());
            add(&b.name, e.clone(), &b.active_from, MentionKind::Name, None);
            for a in &b.aliases {
                add(a, e.clone(), &b.active_from, MentionKind::Name, None);
            }
        }
        for d in &reference.documents {
            let e = Entity::Document(d.slug.clone());
            let years = (d.kind == "draft")
                .then(|| d.year.parse::<u32>().ok())
                .flatten()
                .map(|y| (y, y));
            add(&d.name, e.clone(), &d.year, MentionKind::Name, years);
            for a in &d.aliases {
                add(a, e.clone(), &d.year, MentionKind::Name, years);
            }
        }
        for p in &reference.persons {
            let e = Entity::Person(p.slug.clone());
            add(&p.name, e.clone(), "", MentionKind::Name, None);
            for a in &p.aliases {
                add(a, e.clone(), "", MentionKind::Name, None);
            }
        }
        for p in &reference.policy_proposals {
            let e = Entity::Policy(p.slug.clone());
            add(&p.label, e.clone(), "", MentionKind::Name, None);
            for a in &p.aliases {
                add(a, e.clone(), "", MentionKind::Name, None);
            }
        }
        // Merge identical spellings into one pattern with several candidates.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut patterns: Vec<Pattern> = Vec::new();
        for (text, cand) in entries {
            match patterns.last_mut() {
                Some(p) if p.text == text => {
                    if !p.candidates.iter().any(|c| c.entity == cand.entity) {
                        p.candidates.push(cand);
                    }
                }
                _ => patterns.push(Pattern {
                    case: case_rule(&text),
                    text,
                    candidates: vec![cand],
                }),
            }
        }
        let phrases = Phrases::new(patterns.iter().map(|p| p.text.as_str()));
        let lower = Phrases::new(patterns.iter().map(|p| {
            let lower_ok = match p.case {
                CaseRule::Exact => p.text.starts_with(|c: char| c.is_ascii_lowercase()),
                CaseRule::InitialCapital => false,
                CaseRule::Any => true,
            };
            if lower_ok {
                p.text.as_str()
            } else {
                ""
            }
        }));
        Self {
            phrases,
            lower,
            patterns,
            demonyms,
            clauses: Clauses::new(reference),
        }
    }

    /// All name mentions in `text`, resolving shared aliases by `date`
    /// (ISO, possibly partial). Overlaps are left for the caller to settle.
    pub fn find(&self, original: &str, date: &str) -> Vec<Mention> {
        self.find_in(&Normalized::new(original), date)
    }

    /// [`Gazetteer::find`] on a text already normalised (the mention stage
    /// normalises a text once for every finder).
    pub fn find_in(&self, normalized: &Normalized, date: &str) -> Vec<Mention> {
        // Hyphen and space are one in names: "Costa-Rica", "Guinea Bissau".
        // The replacement keeps byte offsets, so the map back still holds.
        let spaced = normalized.text.replace('-', " ");
        let text = spaced.as_str();
        let mut out = Vec::new();
        let mut names = Phrases::find_where(text, Span::new(0, text.len()), |first| {
            if first.is_ascii_lowercase() {
                &self.lower
            } else {
                &self.phrases
            }
        });
        // By end, longest first: the order mentions were always found in.
        names.sort_unstable_by_key(|f| (f.end, f.start, f.phrase));
        for Found { start, end, phrase } in names {
            let p = &self.patterns[phrase];
            let found = &text[start..end];
            let case_ok = match p.case {
                CaseRule::Exact => found == p.text,
                CaseRule::InitialCapital => found.chars().next().is_some_and(char::is_uppercase),
                CaseRule::Any => true,
            };
            if !case_ok || !at_word_boundary(text, start, end) {
                continue;
            }
            let year: Option<u32> = date.get(..4).and_then(|y| y.parse().ok());
            let in_force: Vec<&Candidate> = p
                .candidates
                .iter()
                .filter(|c| match (c.years, year) {
                    (Some((from, to)), Some(y)) => from <= y && y <= to,
                    _ => true,
                })
                .collect();
            if in_force.is_empty() {
                continue;
            }
            let cand = pick(&in_force, date);
            if cand.kind == MentionKind::Demonym {
                out.extend(self.compound_demonyms(normalized, start));
                out.extend(self.coordinated_demonyms(normalized, start));
            }
            let (start, end) = normalized.original(start, end);
            out.push(Mention {
                span: Span::new(start, end),
                entity: cand.entity.clone(),
                kind: cand.kind,
                alternatives: in_force
                    .iter()
                    .filter(|c| c.entity != cand.entity)
                    .map(|c| c.entity.clone())
                    .collect(),
            });
        }
        out.extend(self.clauses.find_in(normalized));
        out
    }
}

impl Gazetteer {
    /// The demonyms hyphened before a demonym that starts at `at`:
    /// "Franco-" is no demonym, but "the Russian-Chinese draft" names
    /// Russia as much as China.
    fn compound_demonyms(&self, normalized: &Normalized, mut at: usize) -> Vec<Mention> {
        let text = normalized.text.as_str();
        let mut out = Vec::new();
        while let Some(before) = text[..at].strip_suffix('-') {
            let Some((start, m)) = self.demonym_ending(normalized, before.len()) else {
                break;
            };
            out.push(m);
            at = start;
        }
        out
    }

    /// The demonyms coordinated before a demonym and its head that starts
    /// at `at`: "the Kyrgyz and Tajik delegations", "Thai, Lao and
    /// Vietnamese speakers" share the head, so each names its state.
    fn coordinated_demonyms(&self, normalized: &Normalized, at: usize) -> Vec<Mention> {
        let text = normalized.text.as_str();
        let mut out = Vec::new();
        let mut rest = &text[..at];
        let mut first = true;
        loop {
            let joined = if first {
                rest.strip_suffix(" and ")
                    .or_else(|| rest.strip_suffix(", and "))
            } else {
                rest.strip_suffix(", ")
            };
            let Some(before) = joined else {
                break;
            };
            let Some((start, m)) = self.demonym_ending(normalized, before.len()) else {
                break;
            };
            if !before[start..].starts_with(char::is_uppercase) {
                break;
            }
            out.push(m);
            rest = &before[..start];
            first = false;
        }
        out
    }

    /// The demonym whose word ends at byte `end` of the normalised text,
    /// with the byte it starts at.
    fn demonym_ending(&self, normalized: &Normalized, end: usize) -> Option<(usize, Mention)> {
        let before = &normalized.text[..end];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let entity = self.demonyms.get(&before[start..])?;
        let (s, e) = normalized.original(start, end);
        Some((
            start,
            Mention {
                span: Span::new(s, e),
                entity: entity.clone(),
                kind: MentionKind::Demonym,
                alternatives: Vec::new(),
            },
        ))
    }
}

/// Among candidates sharing an alias, the one in force at `date`: the latest
/// whose `since` is not after the date; the earliest when all are after it.
fn pick<'a>(cands: &[&'a Candidate], date: &str) -> &'a Candidate {
    if cands.len() == 1 || date.is_empty() {
        return cands[0];
    }
    cands
        .iter()
        .copied()
        .filter(|c| c.since.as_str() <= date)
        .max_by(|a, b| a.since.cmp(&b.since))
        .unwrap_or_else(|| {
            cands
                .iter()
                .copied()
                .min_by(|a, b| a.since.cmp(&b.since))
                .unwrap()
        })
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(continues_word)
}

/// Whether a character after a name makes it part of a longer word. A
/// footnote marker does not: "Cuba¹" in a table cell names Cuba.
fn continues_word(c: char) -> bool {
    c.is_alphanumeric() && !"¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, date: &str) -> Vec<(String, Entity)> {
        let r = Reference::load().unwrap();
        let g = Gazetteer::new(&r);
        let mut ms = g.find(text, date);
        ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<(String, Entity)> = Vec::new();
        let mut last_end = 0;
        for m in ms {
            if m.span.start >= last_end {
                last_end = m.span.end;
                out.push((m.span.of(text).to_string(), m.entity));
            }
        }
        out
    }

    fn state(c: &str) -> Entity {
        Entity::State(c.into())
    }

    /// The names found are those an Aho-Corasick automaton over every alias
    /// finds where a word starts, in its order (by end, longest first).
    #[test]
    fn finds_what_an_automaton_over_every_alias_finds() {
        let g = Gazetteer::new(&Reference::load().unwrap());
        let text = "The Russian Federation and the russian delegation, the EU, \
            Non Aligned Movement, FRANCE and the French delegation; the Chinese \
            side supported the OEWG's zero draft, as did Côte d'Ivoire. Thus us.";
        let want = crate::segment::by_automaton(g.patterns.iter().map(|p| p.text.as_str()), text);
        let mut got = g.phrases.find(text, Span::new(0, text.len()));
        got.sort_unstable_by_key(|f| (f.end, f.start, f.phrase));
        assert_eq!(got, want);
        assert!(got.len() > 10);
    }

    #[test]
    fn a_footnote_marker_ends_a_name() {
        let got = find("Opposed by Cuba¹ and Peru²; Chad3 is no name.", "");
        let ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        assert_eq!(ents, [state("CUB"), state("PER")]);
    }

    #[test]
    fn aliases_resolve_to_iso_codes() {
        let got = find(
            "The USA, the United States of America, Islamic Republic of Iran and Russia spoke.",
            "",
        );
        let ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        assert_eq!(
            ents,
            [state("USA"), state("USA"), state("IRN"), state("RUS")]
        );
    }

    #[test]
    fn each_half_of_a_hyphened_pair_of_demonyms_names_its_state() {
        let got = find("Peru backed the Franco-Chilean-Ghanaian initiative.", "");
        let ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        // "Franco" is no demonym: the chain stops there.
        assert_eq!(ents, [state("PER"), state("CHL"), state("GHA")]);
        let got = find("the Russian-Chinese proposal", "");
        let ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        assert_eq!(ents, [state("RUS"), state("CHN")]);
    }

    #[test]
    fn demonyms_coordinated_before_one_head_each_name_their_state() {
        let got = find("The Kyrgyz and Tajik delegations agreed.", "");
        let mut ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        ents.sort();
        assert_eq!(ents, [state("KGZ"), state("TJK")]);
        let got = find("Thai, Lao and Vietnamese speakers backed it.", "");
        let mut ents: Vec<_> = got.into_iter().map(|x| x.1).collect();
        ents.sort();
        assert_eq!(ents, [state("LAO"), state("THA"), state("VNM")]);
        // A word that is no demonym ends the chain.
        let got = find("Several and Chilean delegations spoke.", "");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn un_typography_still_names_the_group() {
        let got = find(
            "the Non\u{2011}Aligned\u{00A0}Movement and the Secretary\u{2011}General",
            "",
        );
        assert_eq!(got[0].1, Entity::Group("NAM".into()));
        assert_eq!(got[0].0, "Non\u{2011}Aligned\u{00A0}Movement");
        assert_eq!(got[1].1, Entity::Body("secretary-general".into()));
    }

    #[test]
    fn cote_d_ivoire_with_either_apostrophe_and_capital() {
        for t in [
            "Côte d’Ivoire said",
            "Côte D’Ivoire said",
            "Côte d'Ivoire said",
        ] {
            assert_eq!(find(t, "")[0].1, state("CIV"), "{t}");
        }
    }

    #[test]
    fn demonym_with_delegation_names_the_state_but_bare_demonym_does_not() {
        assert_eq!(
            find("The Chinese delegation read out", "")[0].1,
            state("CHN")
        );
        assert!(find("Chinese food was served", "").is_empty());
    }

    #[test]
    fn lower_case_words_do_not_match_short_names() {
        assert!(find("let us know; the uk spelling", "").is_empty());
    }

    #[test]
    fn no_match_inside_words() {
        assert!(find("Romanian and Omani", "")
            .iter()
            .all(|(s, _)| s != "Oman"));
    }

    #[test]
    fn oewg_resolves_by_the_date_of_the_text() {
        let old = find("the OEWG met", "2021-03-08");
        assert_eq!(old[0].1, Entity::Body("oewg-2019-2021".into()));
        let new = find("the OEWG met", "2024-07");
        assert_eq!(new[0].1, Entity::Body("oewg-2021-2025".into()));
    }

    #[test]
    fn first_draft_resolves_by_year() {
        assert_eq!(
            find("the First Draft", "2021-03")[0].1,
            Entity::Document("oewg-2021-first-draft".into())
        );
        assert_eq!(
            find("the First Draft", "2025-02")[0].1,
            Entity::Document("oewg-2025-first-draft".into())
        );
    }
}
