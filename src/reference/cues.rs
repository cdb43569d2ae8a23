//! Cue vocabularies: the words and phrases the extractor keys on.
//!
//! `ontology/cues.csv` holds one cue per row: `kind,cue,value,comment`.
//! Keeping them as data means a new phrasing ("found favour with") is a row,
//! not a code change, and the table documents the extractor's coverage.

use super::ReferenceError;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a cue signals. The names are the `kind` column of `cues.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// Word after a demonym that makes "the Chinese delegation" mean China.
    DemonymHead,
    /// Title before a person's name ("Ambassador").
    PersonTitle,
    /// Verb phrase linking a body to its founding resolution.
    Established,
    /// Word naming the chair of a body.
    Chair,
    /// Phrase introducing a verbatim quote of a draft paragraph.
    DraftQuote,
    /// Heading that marks the following paragraphs as recommendations.
    RecommendationHeading,
    /// Verb phrase of an edit proposal; `value` is the default action.
    ProposalVerb,
    /// Word or phrase naming the edit action; `value` is the action.
    Action,
    /// Phrase expressing support.
    Support,
    /// Phrase expressing opposition.
    Oppose,
    /// Phrase that negates a following support cue (turns it into opposition).
    Negation,
    /// Phrase introducing the actor a speaker talks for ("on behalf of").
    OnBehalf,
    /// Sentence opening that refers back to the previous proposal ("This was").
    BackReference,
    /// Phrase that keeps a sentence from being a stance ("is open to consider").
    Hedge,
    /// Noun that makes a request an edit of the draft ("sentence", "wording").
    EditObject,
    /// Part of a paragraph: deleting it is `DeleteText`, not `DeleteParagraph`.
    TextUnit,
    /// Subject that refers back to the last speaker ("the delegation", "they").
    Anaphor,
    /// Subject that is the author of a first-person text ("we", "my delegation").
    FirstPerson,
    /// Title word of a text spoken by one actor ("Statement by …", "Remarks").
    AuthoredGenre,
    /// Evaluative word that praises what it describes ("inclusive",
    /// "indispensable", "a necessity"); read only by the rules of
    /// `stance-rules.csv`, which say where it makes a position.
    Good,
    /// Evaluative word that faults what it describes ("premature",
    /// "duplicative"); as for `good`.
    Bad,
    /// Noun after a body's name that makes the name a modifier ("the OEWG
    /// modalities", "the GGE report"): a position on that thing is not one
    /// on the body.
    ModifierHead,
    /// Side of a recorded vote after a count or a voting verb; `value` is
    /// `yes`, `no` or `abstain` ("in favour", "against", "abstentions").
    VoteCast,
    /// A whole predicate naming a cast ("abstained"); `value` as above.
    VotePredicate,
    /// Voting verb a cast follows ("voted", "voting").
    VoteVerb,
    /// Noun between a count and its side ("votes", "States").
    VoteCountNoun,
    /// Side named before its count ("supported by"); `value` as above.
    VoteCountBefore,
    /// "by 79 votes to 60": in favour, then against.
    VoteCountPair,
    /// Word that makes a sentence with a single count a vote.
    VoteTrigger,
    /// Word between a side and the list of its voters ("were").
    VoteLink,
    /// Word that makes a list of voters partial ("including").
    VotePartial,
    /// Word before a voting verb that makes it no recorded vote ("will").
    VoteHedge,
    /// Noun naming a voted text ("draft resolution").
    VoteTextNoun,
    /// Paragraph of a voted text; `value` is `operative` or `preambular`.
    VoteParagraph,
    /// "as a whole": the voted text itself after votes on its paragraphs.
    VoteWhole,
    /// Words before a resolution that cite it as the source of a mandate
    /// ("the group established by resolution 73/27"): not the voted text.
    VoteCited,
    /// Slug of a body that holds recorded votes; `value` ranks bodies one
    /// phrase names together (lower first).
    VotingBody,
    /// First word of a redline bracket that proposes a change
    /// (`fact::discourse::notation`); `value` is its action, as `action`.
    BracketOp,
    /// First sign or word of a redline bracket that gives the actors after
    /// it a position on the proposal before it; `value` is `support` or
    /// `oppose`.
    BracketBack,
    /// First word of a redline bracket that takes back the proposal
    /// before it ("withdrawn").
    BracketStruck,
    /// A label that opens an interviewer's question in a transcript
    /// ("Q", "Journalist"), before a colon.
    QuestionLabel,
    /// A word naming who answers in an interview, next to their state
    /// ("Costa Rica's head of delegation", "Permanent Representative of
    /// Nepal").
    IntervieweeRole,
    /// Heading of a proposals table's column (`fact::discourse::tables`);
    /// `value` is what the column holds: `paragraph`, `change`,
    /// `proposer`, `support`, `oppose` or `status`.
    Column,
}

/// One cue row.
#[derive(Debug, Clone, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub cue: String,
    pub value: String,
    pub comment: String,
}

/// All cues, grouped by kind, in file order.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    by_kind: BTreeMap<CueKind, Vec<Cue>>,
}

impl Cues {
    pub fn parse(text: &str) -> Result<Self, ReferenceError> {
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let mut by_kind: BTreeMap<CueKind, Vec<Cue>> = BTreeMap::new();
        for (i, row) in rdr.deserialize::<Cue>().enumerate() {
            let cue = row.map_err(|e| ReferenceError {
                file: "cues.csv",
                message: format!("row {}: {e}", i + 2),
            })?;
            by_kind.entry(cue.kind).or_default().push(cue);
        }
        Ok(Self { by_kind })
    }

    /// The cues of one kind (empty when the file has none).
    pub fn of(&self, kind: CueKind) -> &[Cue] {
        self.by_kind.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The cue strings of one kind.
    pub fn words(&self, kind: CueKind) -> Vec<&str> {
        self.of(kind).iter().map(|c| c.cue.as_str()).collect()
    }
}

/// A grammar rule of `ontology/stance-rules.csv`: a pattern over classed
/// tokens (syntax in `fact::pattern`) that makes a stance, with an invented
/// example sentence and what it must yield, which a test checks.
#[derive(Debug, Clone, Deserialize)]
pub struct StanceRule {
    pub name: String,
    pub pattern: String,
    /// `support`, `oppose`, or `same`: the polarity of the position just
    /// taken on the target in the same sentence ("…, a view shared by X"
    /// shares whichever it was); `same-before` as `same`, where that
    /// position may be the previous sentence's ("X took the same line").
    pub polarity: String,
    pub example: String,
    /// `CODE supports|opposes slug`, several separated by `;`.
    pub expect: String,
    pub comment: String,
}

/// Reads `stance-rules.csv`.
pub fn stance_rules(text: &str) -> Result<Vec<StanceRule>, ReferenceError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in rdr.deserialize::<StanceRule>().enumerate() {
        let rule = row.map_err(|e| ReferenceError {
            file: "stance-rules.csv",
            message: format!("row {}: {e}", i + 2),
        })?;
        if !["support", "oppose", "same", "same-before"].contains(&rule.polarity.as_str()) {
            return Err(ReferenceError {
                file: "stance-rules.csv",
                message: format!(
                    "row {}: polarity must be support, oppose, same or same-before",
                    i + 2
                ),
            });
        }
        out.push(rule);
    }
    Ok(out)
}
