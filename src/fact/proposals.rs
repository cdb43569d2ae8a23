//! The types of edit proposals and stances; `discourse` reads them.

use crate::mention::Entity;
use crate::segment::Span;

/// What an edit proposal does to the draft. The names are the local names of
/// the `oewg:` individuals.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Action {
    DeleteParagraph,
    DeleteText,
    InsertText,
    ReplaceText,
    Amend,
    Reorder,
    Move,
    AddParagraph,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::DeleteParagraph,
        Action::DeleteText,
        Action::InsertText,
        Action::ReplaceText,
        Action::Amend,
        Action::Reorder,
        Action::Move,
        Action::AddParagraph,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Action::DeleteParagraph => "DeleteParagraph",
            Action::DeleteText => "DeleteText",
            Action::InsertText => "InsertText",
            Action::ReplaceText => "ReplaceText",
            Action::Amend => "Amend",
            Action::Reorder => "Reorder",
            Action::Move => "Move",
            Action::AddParagraph => "AddParagraph",
        }
    }
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    Support,
    Opposition,
}

impl Polarity {
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Support => "Support",
            Polarity::Opposition => "Opposition",
        }
    }
}

/// A request to change a draft text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditProposal {
    pub proposer: Entity,
    /// Who spoke, when the proposer is a group speaking through a member.
    pub voiced_by: Option<Entity>,
    /// Slug of the draft it targets.
    pub document: Option<String>,
    /// Draft paragraph numbers.
    pub targets: Vec<u32>,
    /// Sub-paragraphs of the targets the text names ("para 42 b)"): the
    /// proposal targets these rather than their whole paragraph.
    pub subparagraphs: Vec<(u32, String)>,
    /// Heading under which it was discussed, when no paragraph is named.
    pub section: Option<String>,
    pub action: Action,
    pub removed: Option<String>,
    pub added: Option<String>,
    /// Wording the proposer wants kept ("only part of the first sentence
    /// should be kept in order to read: ‘…’"); the removed text is the rest
    /// of the draft paragraph.
    pub kept: Option<String>,
    /// The sentence(s) it was read from.
    pub evidence: Span,
}

/// What a stance is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum StanceTarget {
    /// Index into the source's edit proposals.
    Edit(usize),
    /// A recurring policy proposal (slug).
    Policy(String),
    /// A body or process (slug), e.g. the PoA.
    Body(String),
}

/// An actor's support for or opposition to something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    pub actor: Entity,
    pub voiced_by: Option<Entity>,
    pub polarity: Polarity,
    pub target: StanceTarget,
    pub evidence: Span,
}
