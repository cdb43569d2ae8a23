//! The discourse state carried from sentence to sentence, and the small
//! value types the clause readers pass around.
//!
//! Reports leave much implicit ("this paragraph", "Kenya agreed.", "They
//! also …"); the context is what makes those resolvable: the draft and
//! paragraphs under discussion, what the previous sentence produced, the
//! last speaker, and each actor's latest position.

use crate::fact::proposals::{Polarity, StanceTarget};
use crate::mention::Entity;
use crate::segment::Span;
use std::collections::BTreeMap;

/// The discourse state carried from sentence to sentence.
#[derive(Debug, Default)]
pub(super) struct Context {
    pub(super) document: Option<String>,
    pub(super) paragraphs: Vec<u32>,
    /// Sentences since `paragraphs` was set: an insertion without a
    /// paragraph ("proposed to insert a sentence …") edits the paragraph
    /// just named, not one from long before.
    pub(super) paragraphs_age: usize,
    pub(super) section: Option<String>,
    pub(super) last_holders: Vec<Holder>,
    /// Sentences since `last_holders` was set.
    pub(super) holders_age: usize,
    /// Policies named in the current section, latest last.
    pub(super) section_policies: Vec<StanceTarget>,
    /// Bodies and policies named in the current section so far (its
    /// heading included), sorted.
    pub(super) section_targets: Vec<StanceTarget>,
    /// What a draft spoken of without its subject ("the draft", "the 40
    /// co-sponsors") is about: the one body or policy the current block
    /// names, else the section so far, else the title (`rules`).
    pub(super) draft_topic: Option<StanceTarget>,
    /// The draft named last by its symbol ("L.52"; `document` is the
    /// first draft named in any way).
    pub(super) last_draft: Option<String>,
    /// Proposals made or referred to in the previous sentence.
    pub(super) prev_proposals: Vec<usize>,
    /// Stances taken in the previous sentence.
    pub(super) prev_stances: Vec<(Polarity, StanceTarget)>,
    /// Policies and bodies named in the previous sentence.
    pub(super) prev_policies: Vec<StanceTarget>,
    /// Sentences since `prev_policies` was named: a sentence that names
    /// none ("the initiative is presented as settled") keeps them for one
    /// more ("Such an approach is unacceptable.").
    pub(super) policies_age: usize,
    /// Each actor's latest positions.
    pub(super) latest: BTreeMap<Entity, Vec<(Polarity, StanceTarget)>>,
    /// The actors whose label opens the current block ("Iran, paragraph
    /// 63: delete …", "Netherlands. Wants …"): a clause of the block that
    /// names no one is theirs, as notes and live blogs leave the subject
    /// out (`Extractor::entry_speakers`).
    pub(super) entry: Vec<Holder>,
}

impl Context {
    /// These paragraphs are under discussion from now on.
    pub(super) fn set_paragraphs(&mut self, paragraphs: Vec<u32>) {
        self.paragraphs = paragraphs;
        self.paragraphs_age = 0;
    }

    /// These holders spoke just now: "They also …" and "The delegation …"
    /// in the next sentences refer to them.
    pub(super) fn set_speakers(&mut self, holders: Vec<Holder>) {
        self.last_holders = holders;
        self.holders_age = 0;
    }
}

/// Who holds a position, and who voiced it for them ("Suriname, on behalf
/// of CARICOM": CARICOM holds, Suriname voices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Holder {
    pub(super) actor: Entity,
    pub(super) voiced_by: Option<Entity>,
}

impl Holder {
    /// An actor speaking for itself.
    pub(super) fn own(actor: Entity) -> Self {
        Self {
            actor,
            voiced_by: None,
        }
    }
}

/// What one clause produced.
#[derive(Debug, Default)]
pub(super) struct Produced {
    pub(super) proposals: Vec<usize>,
    pub(super) stances: Vec<(Polarity, StanceTarget)>,
}

/// Where a clause stands: its span, its sentence (the evidence every fact
/// points at) and the sentence's quotes.
pub(super) type At<'q> = (Span, Span, &'q [Span]);

/// The other polarity.
pub(super) fn flip(p: Polarity) -> Polarity {
    match p {
        Polarity::Support => Polarity::Opposition,
        Polarity::Opposition => Polarity::Support,
    }
}

/// Whether `OEWG_KG_TRACE` asks for the clause-by-clause reading on stderr.
/// Read once per process: asked for every clause, the look-up (which
/// takes the environment's lock) cost more than some readers.
pub(super) fn tracing() -> bool {
    static TRACING: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("OEWG_KG_TRACE").is_some());
    *TRACING
}
