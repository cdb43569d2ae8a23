//! The generator's sentence templates, genre by genre. Every sentence here
//! was written for this generator; names come from the reference data.

use oewg_kg::reference::{Reference, State};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sha2::{Digest, Sha256};

/// One generated report and its catalog row.
pub struct Report {
    pub stem: String,
    pub text: String,
    pub title: String,
    pub date: String,
    pub publisher: &'static str,
    pub kind: &'static str,
    pub document: Option<&'static str>,
}

impl Report {
    /// A report that is no document's own text.
    fn new(
        stem: String,
        title: String,
        date: String,
        publisher: &'static str,
        kind: &'static str,
        text: String,
    ) -> Self {
        Self {
            stem,
            text,
            title,
            date,
            publisher,
            kind,
            document: None,
        }
    }
}

/// A draft whose paragraphs reports quote: the name reports call it by,
/// the year, how many paragraphs, the later document holding its text.
struct Draft {
    name: &'static str,
    year: u32,
    paragraphs: u32,
    /// The chain of versions (for paragraph texts shared along it).
    chain: &'static str,
}

const DRAFTS: [Draft; 5] = [
    Draft {
        name: "the Zero Draft",
        year: 2021,
        paragraphs: 80,
        chain: "2021",
    },
    Draft {
        name: "the First Draft",
        year: 2021,
        paragraphs: 80,
        chain: "2021",
    },
    Draft {
        name: "the Final Draft",
        year: 2021,
        paragraphs: 80,
        chain: "2021",
    },
    Draft {
        name: "the Zero Draft",
        year: 2025,
        paragraphs: 120,
        chain: "2025",
    },
    Draft {
        name: "the First Draft",
        year: 2025,
        paragraphs: 120,
        chain: "2025",
    },
];

const SUBJECTS: [&str; 6] = [
    "States",
    "The OEWG",
    "Member States",
    "Delegations",
    "The Group",
    "States further",
];
const VERBS: [&str; 9] = [
    "recall",
    "reaffirm",
    "underscore",
    "recognize",
    "note",
    "stress",
    "acknowledge",
    "emphasize",
    "welcome",
];
const TOPICS: [&str; 16] = [
    "the importance of capacity-building for the security of and in the use of ICTs",
    "that international law, and in particular the Charter of the United Nations, is applicable to the use of ICTs",
    "the value of confidence-building measures in reducing the risk of misperception",
    "the need to protect critical infrastructure from malicious ICT activity",
    "the role of regional and subregional organizations in implementing agreed norms",
    "the voluntary and non-binding norms of responsible State behaviour",
    "the work of the directory of points of contact at the technical and diplomatic levels",
    "the growing number of incidents involving ransomware against hospitals",
    "the gender dimension of ICT security and the participation of women delegates",
    "the particular needs of developing countries and small island developing States",
    "the contribution of stakeholders, including the private sector and academia",
    "the risks posed by the malicious use of emerging technologies",
    "the importance of a secure and resilient supply chain for ICT products",
    "the need for cooperation among computer emergency response teams",
    "that existing obligations under international law should be further clarified",
    "the benefit of sharing national views and practices on a voluntary basis",
];
const CLOSERS: [&str; 8] = [
    "in a manner consistent with the purposes of the United Nations",
    "on the basis of consensus",
    "taking into account national circumstances",
    "with the support of relevant international partners",
    "within existing resources",
    "through regular and institutional dialogue",
    "at the request of interested States",
    "in all regions of the world",
];
const SECTIONS: [&str; 6] = [
    "existing and potential threats",
    "international law",
    "rules, norms and principles",
    "confidence-building measures",
    "capacity-building",
    "regular institutional dialogue",
];
const PURPOSES: [&str; 5] = [
    "reflect the views of all delegations",
    "make it more concise",
    "bring it in line with agreed language",
    "avoid prejudging future discussions",
    "better capture the cumulative nature of earlier reports",
];
const ADDITIONS: [&str; 6] = [
    "in accordance with international law",
    "on a voluntary basis",
    "as appropriate",
    "including through the sharing of best practices",
    "with full respect for State sovereignty",
    "in line with previous consensus reports",
];
/// Narrative: what fills most of a real report between the positions.
const NARRATIVE: [&str; 14] = [
    "{S} shared its experience in establishing a national computer emergency response team.",
    "The delegate of {S} described ongoing efforts to raise awareness of cyber hygiene among small businesses.",
    "{S} reported on a regional workshop it had hosted on incident response earlier in the year.",
    "Several delegations, including {S} and {S2}, referred to the growing sophistication of malicious actors.",
    "{S} informed the meeting about its new national cybersecurity strategy, adopted after broad public consultation.",
    "The discussion then turned to {T}.",
    "The Chair thanked delegations for their constructive engagement and reminded them of the time limits for statements.",
    "{S} outlined the structure of its national coordination body, which brings together several ministries and agencies.",
    "The discussion also touched upon {T}, with examples drawn from national practice.",
    "{S} gave an overview of a recent exercise that simulated an attack on its electricity grid.",
    "Delegations were reminded that written contributions would be posted on the website of the Working Group.",
    "{S} noted that its universities had launched new degree programmes in network security.",
    "The representative of {S} described how its police and prosecutors cooperate with foreign counterparts on cases of online fraud.",
    "A short video presentation on {T} was shown before the break.",
];

const SYNONYMS: [(&str, &str); 8] = [
    ("importance", "significance"),
    ("need", "necessity"),
    ("role", "contribution"),
    ("work", "operation"),
    ("risks", "threats"),
    ("benefit", "value"),
    ("voluntary", "non-binding"),
    ("further", "progressively"),
];

fn seeded(parts: &[&str]) -> ChaCha8Rng {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    ChaCha8Rng::from_seed(h.finalize().into())
}

fn ordinal(n: u32) -> &'static str {
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh",
    ][(n as usize - 1) % 11]
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Writes reports; paragraph texts depend on the seed, the draft and the
/// number only, so every report quoting a paragraph quotes the same text.
pub struct Writer {
    seed: String,
    states: Vec<State>,
    policies: Vec<String>,
    bodies: Vec<String>,
    resolutions: Vec<String>,
}

impl Writer {
    pub fn new(reference: &Reference, seed: u64) -> Self {
        let first = |aliases: &[String]| aliases.first().cloned();
        Self {
            seed: seed.to_string(),
            states: reference
                .states
                .iter()
                .filter(|s| s.status == "member")
                .cloned()
                .collect(),
            policies: reference
                .policy_proposals
                .iter()
                .filter_map(|p| first(&p.aliases))
                .filter(|a| a.chars().next().is_some_and(char::is_lowercase))
                .collect(),
            bodies: reference
                .bodies
                .iter()
                .filter(|b| b.is_position_target())
                .filter_map(|b| first(&b.aliases))
                .collect(),
            resolutions: reference
                .resolutions
                .iter()
                .map(|r| r.title.clone())
                .collect(),
        }
    }

    /// The text of paragraph `n` of a chain's drafts: a base text, with a
    /// word or a closing phrase that changes from version to version.
    fn paragraph(&self, chain: &str, version: &str, n: u32) -> String {
        let mut base = seeded(&[&self.seed, chain, &n.to_string()]);
        let mut v = seeded(&[&self.seed, chain, version, &n.to_string()]);
        let sentences = base.random_range(2..=3);
        let mut out = Vec::new();
        for i in 0..sentences {
            let subject = SUBJECTS.choose(&mut base).unwrap();
            let verb = VERBS.choose(&mut base).unwrap();
            let topic = TOPICS.choose(&mut base).unwrap();
            let mut closer = *CLOSERS.choose(&mut base).unwrap();
            if i + 1 == sentences && v.random_bool(0.5) {
                closer = CLOSERS.choose(&mut v).unwrap();
            }
            let mut s = format!("{subject} {verb} {topic}, {closer}.");
            if v.random_bool(0.3) {
                let (a, b) = SYNONYMS.choose(&mut v).unwrap();
                s = s.replacen(a, b, 1);
            }
            out.push(s);
        }
        out.join(" ")
    }

    /// `k` narrative sentences.
    fn narrative(&self, rng: &mut ChaCha8Rng, k: usize) -> String {
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let t = NARRATIVE.choose(rng).unwrap();
            out.push(
                t.replace("{S}", &self.state(rng).name)
                    .replace("{S2}", &self.state(rng).name)
                    .replace("{T}", TOPICS.choose(rng).unwrap()),
            );
        }
        out.join(" ")
    }

    fn state<'a>(&'a self, rng: &mut ChaCha8Rng) -> &'a State {
        self.states.choose(rng).unwrap()
    }

    fn date(&self, rng: &mut ChaCha8Rng, year: u32) -> (String, String) {
        let month = rng.random_range(1..=12u32);
        let day = rng.random_range(1..=28u32);
        (
            format!("{year}-{month:02}-{day:02}"),
            format!("{day} {} {year}", MONTHS[month as usize - 1]),
        )
    }

    /// The final reports of both chains, as the documents' own texts.
    pub fn final_reports(&mut self) -> Vec<Report> {
        let mut out = Vec::new();
        for (chain, last, doc, paragraphs) in [
            ("2021", "the Final Draft", "oewg-2021-final-report", 80),
            ("2025", "the First Draft", "oewg-2025-final-report", 120),
        ] {
            let mut text = format!("Final report of the Open-ended Working Group ({chain})\n\n");
            // One paragraph was added part-way: later ones are renumbered.
            let inserted = paragraphs / 3;
            let mut number = 0;
            for n in 1..=paragraphs {
                if n % (paragraphs / SECTIONS.len() as u32) == 1 {
                    let s = SECTIONS[(n / (paragraphs / SECTIONS.len() as u32)) as usize % 6];
                    text.push_str(&format!("{}\n\n", capitalise(s)));
                }
                if n == inserted {
                    number += 1;
                    text.push_str(&format!(
                        "{number}. {}\n\n",
                        self.paragraph(chain, "added", 1000 + n)
                    ));
                }
                number += 1;
                let final_text = self.paragraph(chain, &format!("{last} final"), n);
                text.push_str(&format!("{number}. {final_text}\n\n"));
            }
            out.push(Report {
                stem: format!("{chain}-oewg-final-report"),
                title: format!("Final report of the OEWG ({chain})"),
                date: format!("{chain}-07-12"),
                publisher: "United Nations",
                kind: "report",
                document: Some(doc),
                text,
            });
        }
        out
    }

    /// A meeting report: paragraphs of a draft in turn, quoted, with edit
    /// proposals on them and who backed or opposed each.
    pub fn meeting_report(&self, rng: &mut ChaCha8Rng, i: usize) -> Report {
        let apr = rng.random_bool(0.4);
        let (draft_name, year, paragraphs, chain, version) = if apr {
            let year = rng.random_range(2022..=2024);
            let rev = rng.random_range(1..=4);
            (
                format!("Rev.{rev} of the draft annual progress report"),
                year,
                60,
                format!("apr{year}"),
                format!("rev{rev}"),
            )
        } else {
            let d = DRAFTS.choose(rng).unwrap();
            (
                d.name.to_string(),
                d.year,
                d.paragraphs,
                d.chain.to_string(),
                d.name.to_string(),
            )
        };
        let (iso, written) = self.date(rng, year);
        let session = rng.random_range(1..=11);
        let title = format!(
            "{} meeting of the {} substantive session of the OEWG",
            capitalise(ordinal(rng.random_range(1..=10))),
            ordinal(session)
        );
        let mut text = format!(
            "{title}\n\n{written}\n\nEvent report\n\nThe Chair opened the meeting, and delegations continued their reading of {draft_name}, paragraph by paragraph.\n\n"
        );
        let mut n = rng.random_range(1..=paragraphs / 2);
        for _ in 0..rng.random_range(6..=18) {
            n += rng.random_range(1..=4);
            if n > paragraphs {
                break;
            }
            text.push_str(&format!("Paragraph {n}\n\n"));
            let quoted = self.paragraph(&chain, &version, n);
            if rng.random_bool(0.6) {
                text.push_str(&format!(
                    "Paragraph {n} of {draft_name} reads as follows:\n\n‘{n}. {quoted}’\n\n"
                ));
            }
            let k = rng.random_range(2..=6);
            text.push_str(&format!("{}\n\n", self.narrative(rng, k)));
            for _ in 0..rng.random_range(1..=2) {
                text.push_str(&self.proposal(rng, n, &quoted));
                text.push_str("\n\n");
            }
            let k = rng.random_range(2..=6);
            text.push_str(&format!("{}\n\n", self.narrative(rng, k)));
        }
        text.push_str("The meeting was adjourned and will resume the following day.\n");
        Report::new(
            format!("{iso}-meeting-{i:07}"),
            title,
            iso,
            "Digital Watch Observatory",
            "meeting-report",
            text,
        )
    }

    /// One edit proposal on paragraph `n` and the reactions to it.
    fn proposal(&self, rng: &mut ChaCha8Rng, n: u32, quoted: &str) -> String {
        let a = self.state(rng);
        let words: Vec<&str> = quoted
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .collect();
        let start = rng.random_range(0..words.len().saturating_sub(4).max(1));
        let span = words[start..(start + 3).min(words.len())].join(" ");
        let mut out = match rng.random_range(0..6) {
            0 => format!("{} asked that paragraph {n} be deleted.", a.name),
            1 => format!(
                "{} called for the deletion of the words ‘{span}’ from paragraph {n}.",
                a.name
            ),
            2 => {
                let (x, y) = SYNONYMS.choose(rng).unwrap();
                format!(
                    "{} proposed replacing ‘{x}’ with ‘{y}’ in paragraph {n}.",
                    a.name
                )
            }
            3 => format!(
                "{} proposed adding ‘{}’ at the end of paragraph {n}.",
                a.name,
                ADDITIONS.choose(rng).unwrap()
            ),
            4 => format!(
                "{} suggested rewording paragraph {n} to {}.",
                a.name,
                PURPOSES.choose(rng).unwrap()
            ),
            _ => format!(
                "{} requested that paragraph {n} be moved to the section on {}.",
                a.name,
                SECTIONS.choose(rng).unwrap()
            ),
        };
        if rng.random_bool(0.6) {
            let b = self.state(rng);
            let whose = a
                .demonyms
                .first()
                .map_or("this".to_string(), |d| format!("the {d}"));
            out.push_str(&format!(" {} backed {whose} proposal.", b.name));
        }
        if rng.random_bool(0.4) {
            let c = self.state(rng);
            out.push_str(&format!(" {} objected to it.", c.name));
        }
        out
    }

    /// A noun phrase for a recurring proposal or body.
    fn target(&self, rng: &mut ChaCha8Rng) -> String {
        if rng.random_bool(0.6) {
            format!("a {}", self.policies.choose(rng).unwrap())
        } else {
            format!("the {}", self.bodies.choose(rng).unwrap())
        }
    }

    /// A session summary: who stands where on the recurring proposals.
    pub fn session_summary(&self, rng: &mut ChaCha8Rng, i: usize) -> Report {
        let year = rng.random_range(2019..=2025);
        let (iso, written) = self.date(rng, year);
        let title = format!(
            "Summary of the {} day of the OEWG session",
            ordinal(rng.random_range(1..=5))
        );
        let mut text = format!("{title}\n\n{written}\n\n");
        for _ in 0..rng.random_range(4..=10) {
            let topic = SECTIONS.choose(rng).unwrap();
            text.push_str(&format!("{}\n\n", capitalise(topic)));
            let k = rng.random_range(4..=10);
            text.push_str(&self.narrative(rng, k));
            text.push(' ');
            for _ in 0..rng.random_range(1..=3) {
                let a = self.state(rng);
                let t = self.target(rng);
                let s = match rng.random_range(0..7) {
                    0 => format!("{} reiterated its support for {t}.", a.name),
                    1 => format!("{} rejected {t}.", a.name),
                    2 => format!("{} expressed support for {t}.", a.name),
                    3 => format!("{} opposed {t}, arguing that it was premature.", a.name),
                    4 => format!("{} called for {t}.", a.name),
                    5 => format!("{} described its national experience with {topic}.", a.name),
                    _ => format!("{} welcomed {t}.", a.name),
                };
                text.push_str(&s);
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        Report::new(
            format!("{iso}-summary-{i:07}"),
            title,
            iso,
            "Digital Watch Observatory",
            "news",
            text,
        )
    }

    /// A national statement in the first person on a draft.
    pub fn statement(&self, rng: &mut ChaCha8Rng, i: usize) -> Report {
        let a = self.state(rng);
        let year = rng.random_range(2022..=2024);
        let rev = rng.random_range(1..=4);
        let (iso, _) = self.date(rng, year);
        let session = rng.random_range(1..=11);
        let title = format!(
            "Statement by the delegation of {} at the {} session of the Open-ended Working Group on security of and in the use of ICTs 2021-2025",
            a.name,
            ordinal(session)
        );
        let mut text = format!(
            "{title}\n\nOn Rev.{rev} of the draft annual progress report:\n\nThank you, Chair.\n\n"
        );
        for _ in 0..rng.random_range(3..=8) {
            let k = rng.random_range(3..=6);
            text.push_str(&format!("{}\n\n", self.narrative(rng, k)));
            let n = rng.random_range(1..=60);
            let s = match rng.random_range(0..6) {
                0 => format!("We propose to delete paragraph {n}."),
                1 => format!(
                    "We request that paragraph {n} be moved to the section on {}.",
                    SECTIONS.choose(rng).unwrap()
                ),
                2 => format!("We support {}.", self.target(rng)),
                3 => format!("Our delegation cannot accept {}.", self.target(rng)),
                4 => {
                    let (x, y) = SYNONYMS.choose(rng).unwrap();
                    format!("In paragraph {n}, we propose replacing ‘{x}’ with ‘{y}’.")
                }
                _ => format!(
                    "We recall {}, {}.",
                    TOPICS.choose(rng).unwrap(),
                    CLOSERS.choose(rng).unwrap()
                ),
            };
            text.push_str(&s);
            text.push_str("\n\n");
        }
        text.push_str("I thank you.\n");
        Report::new(
            format!("{iso}-statement-{i:07}"),
            title,
            iso,
            "OEWG statements",
            "statement",
            text,
        )
    }

    /// A press release with recorded votes on draft resolutions.
    pub fn press_release(&self, rng: &mut ChaCha8Rng, i: usize) -> Report {
        let session = rng.random_range(73..=80u32);
        let year = 1945 + session;
        let (iso, written) = self.date(rng, year);
        let title = "First Committee approves drafts on ICT security".to_string();
        let mut text = format!("{title}\n\n{written} — ");
        for k in 0..rng.random_range(1..=3) {
            let mut named: Vec<&State> = Vec::new();
            for _ in 0..rng.random_range(3..=12) {
                let s = self.state(rng);
                if !named.iter().any(|n| n.code == s.code) {
                    named.push(s);
                }
            }
            let cut = named.len() / 2;
            let list = |s: &[&State]| {
                s.iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (against, abstain) = named.split_at(cut.max(1));
            let lead = if k == 0 {
                "The First Committee today"
            } else {
                "It also"
            };
            text.push_str(&format!(
                "{lead} approved draft resolution A/C.1/{session}/L.{}, entitled “{}”, by a recorded vote of {} in favour to {} against ({}), with {} abstentions ({}).\n\n",
                rng.random_range(2..=80),
                self.resolutions.choose(rng).unwrap(),
                rng.random_range(120..=170),
                against.len(),
                list(against),
                abstain.len(),
                list(abstain)
            ));
            let k = rng.random_range(4..=10);
            text.push_str(&format!("{}\n\n", self.narrative(rng, k)));
            let speaker = self.state(rng);
            text.push_str(&format!(
                "Explaining its vote, the representative of {} said that the text did not reflect {}.\n\n",
                speaker.name,
                TOPICS.choose(rng).unwrap()
            ));
        }
        Report::new(
            format!("{iso}-press-{i:07}"),
            title,
            iso,
            "United Nations Meetings Coverage",
            "press-release",
            text,
        )
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
