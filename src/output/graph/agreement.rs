//! Voting agreement: how often two states cast the same vote on the texts
//! both are named voting on (a vote two sources report counts once), the
//! nearest partners of each state (the edges of the `votes` picture) and
//! voting blocs (its clusters).
//!
//! Drawing every pair would bury the picture (a General Assembly vote list
//! names 193 states: 18 000 pairs), so each state keeps only its
//! [`PARTNERS`] closest partners; a force-directed layout then places
//! states that vote alike together. Blocs are the groups of states linked
//! by pairs that agree at least [`BLOC_AGREEMENT`] of the time.

use std::collections::{BTreeMap, BTreeSet};

/// Partners drawn per state.
pub const PARTNERS: usize = 3;
/// Least share of same votes for an edge.
pub const EDGE_AGREEMENT: f64 = 0.5;
/// Least share of same votes for two states to be in one bloc.
pub const BLOC_AGREEMENT: f64 = 0.8;

/// Two states' record: votes both are named in, and how many alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pair {
    pub shared: u32,
    pub same: u32,
}

impl Pair {
    pub fn rate(&self) -> f64 {
        if self.shared == 0 {
            0.0
        } else {
            f64::from(self.same) / f64::from(self.shared)
        }
    }
}

/// Pairwise agreement from `(voted text, state, cast)` rows, keyed by the
/// two states in order. A state's vote on a text counts once however many
/// sources report it; two states voted alike on it only when every report
/// agrees (sources that disagree on a state's cast leave the pair unlike).
pub fn pairs(rows: &[(String, String, String)]) -> BTreeMap<(String, String), Pair> {
    let mut by_text: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for (text, state, cast) in rows {
        by_text
            .entry(text)
            .or_default()
            .entry(state)
            .or_default()
            .insert(cast);
    }
    let mut out: BTreeMap<(String, String), Pair> = BTreeMap::new();
    for casts in by_text.values() {
        let list: Vec<(&&str, &BTreeSet<&str>)> = casts.iter().collect();
        for (i, (a, ca)) in list.iter().enumerate() {
            for (b, cb) in &list[i + 1..] {
                let p = out.entry((a.to_string(), b.to_string())).or_default();
                p.shared += 1;
                p.same += u32::from(ca.len() == 1 && ca == cb);
            }
        }
    }
    out
}

/// Each state's closest partners (by share of same votes, then count,
/// then name), as undirected edges with the number of same votes.
pub fn partner_edges(pairs: &BTreeMap<(String, String), Pair>) -> BTreeMap<(String, String), u32> {
    let mut ranked: BTreeMap<&str, Vec<(&str, &Pair)>> = BTreeMap::new();
    for ((a, b), p) in pairs {
        if p.rate() >= EDGE_AGREEMENT {
            ranked.entry(a).or_default().push((b, p));
            ranked.entry(b).or_default().push((a, p));
        }
    }
    let mut edges = BTreeMap::new();
    for (a, mut list) in ranked {
        list.sort_by(|x, y| {
            y.1.rate()
                .total_cmp(&x.1.rate())
                .then(y.1.same.cmp(&x.1.same))
                .then(x.0.cmp(y.0))
        });
        for (b, p) in list.into_iter().take(PARTNERS) {
            let key = if a < b { (a, b) } else { (b, a) };
            edges.insert((key.0.to_string(), key.1.to_string()), p.same);
        }
    }
    edges
}

/// Voting blocs: groups of two or more states joined by pairs that agree at
/// least `BLOC_AGREEMENT` of the time, numbered from 1 in the order of
/// their first member.
pub fn blocs(pairs: &BTreeMap<(String, String), Pair>) -> BTreeMap<String, usize> {
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    fn root<'a>(parent: &BTreeMap<&'a str, &'a str>, mut x: &'a str) -> &'a str {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    for ((a, b), p) in pairs {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        if p.rate() >= BLOC_AGREEMENT {
            let (ra, rb) = (root(&parent, a), root(&parent, b));
            if ra != rb {
                let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                parent.insert(hi, lo);
            }
        }
    }
    let mut members: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &x in parent.keys() {
        members.entry(root(&parent, x)).or_default().insert(x);
    }
    let mut out = BTreeMap::new();
    let groups = members.values().filter(|m| m.len() > 1);
    for (n, m) in groups.enumerate() {
        for x in m {
            out.insert(x.to_string(), n + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(votes: &[(&str, &[(&str, &str)])]) -> Vec<(String, String, String)> {
        votes
            .iter()
            .flat_map(|(v, casts)| {
                casts
                    .iter()
                    .map(move |(s, c)| (v.to_string(), s.to_string(), c.to_string()))
            })
            .collect()
    }

    #[test]
    fn agreement_counts_shared_and_same_votes() {
        let r = rows(&[
            ("v1", &[("A", "No"), ("B", "No"), ("C", "Yes")]),
            ("v2", &[("A", "No"), ("B", "Abstain"), ("C", "Yes")]),
        ]);
        let p = pairs(&r);
        assert_eq!(p[&("A".into(), "B".into())], Pair { shared: 2, same: 1 });
        assert_eq!(p[&("A".into(), "C".into())], Pair { shared: 2, same: 0 });
        assert!((p[&("A".into(), "B".into())].rate() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_vote_reported_twice_counts_once_and_conflicting_reports_are_unlike() {
        let r = rows(&[
            ("t1", &[("A", "No"), ("B", "No"), ("C", "Yes")]),
            ("t1", &[("A", "No"), ("B", "No"), ("C", "Abstain")]),
        ]);
        let p = pairs(&r);
        assert_eq!(p[&("A".into(), "B".into())], Pair { shared: 1, same: 1 });
        assert_eq!(p[&("A".into(), "C".into())], Pair { shared: 1, same: 0 });
    }

    #[test]
    fn blocs_join_states_that_vote_alike_and_leave_loners_out() {
        let r = rows(&[
            (
                "v1",
                &[
                    ("A", "No"),
                    ("B", "No"),
                    ("C", "Yes"),
                    ("D", "Yes"),
                    ("E", "Abstain"),
                ],
            ),
            (
                "v2",
                &[
                    ("A", "No"),
                    ("B", "No"),
                    ("C", "Yes"),
                    ("D", "Yes"),
                    ("E", "No"),
                ],
            ),
        ]);
        let b = blocs(&pairs(&r));
        assert_eq!(b["A"], b["B"]);
        assert_eq!(b["C"], b["D"]);
        assert_ne!(b["A"], b["C"]);
        assert!(!b.contains_key("E"));
        assert_eq!((b["A"], b["C"]), (1, 2));
    }

    #[test]
    fn each_state_keeps_its_closest_partners() {
        let mut casts = vec![("A", "No")];
        let others = ["B", "C", "D", "E", "F"];
        casts.extend(others.iter().map(|s| (*s, "No")));
        let r = rows(&[("v1", &casts)]);
        let e = partner_edges(&pairs(&r));
        // Everyone agrees with everyone: each keeps its three first
        // partners by name (A: B, C, D; E: A, B, C …), twelve edges in all,
        // five of them at A, which every other state ranks first.
        assert_eq!(e.len(), 12);
        let at_a = e.keys().filter(|(x, y)| x == "A" || y == "A").count();
        assert_eq!(at_a, 5);
        assert!(e.values().all(|&w| w == 1));
    }
}
