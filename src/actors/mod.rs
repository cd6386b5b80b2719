//! The actor registry (`actors.toml`, parsed with spans) and the matcher that finds
//! mentions of every name and alias in one pass.

mod cross;
mod generated;
mod key;
mod matcher;
mod paradigm;
mod registry;
#[cfg(test)]
mod tests;

pub use cross::{cross_check, merged_actors};
pub use generated::FormOrigin;
pub use key::key_of;
pub use paradigm::{Case, Language};

use crate::diagnostic::Diagnostic;
use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Media,
    Place,
    Other,
}

impl ActorKind {
    /// Every kind, in the order the registry documentation lists them.
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::State,
        ActorKind::Media,
        ActorKind::Place,
        ActorKind::Other,
    ];

    /// The spelling used in `kind = "..."`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Media => "media",
            ActorKind::Place => "place",
            ActorKind::Other => "other",
        }
    }

    /// Parses the spelling used in `kind = "..."` (exact, lowercase).
    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A string value of the registry with where it stands in the TOML file. The range covers
/// the literal as written, quotes included (`"Lukashenka"`), so that escapes never make
/// it disagree with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    pub value: String,
    pub range: TextRange,
}

impl Spanned {
    /// The range of the value without its quotes, when it is a plain one-line string of
    /// exactly the value (no escapes); the whole range otherwise. Editors select and
    /// replace this part.
    pub fn inner_range(&self) -> TextRange {
        if self.range.len() == self.value.len() + 2 {
            TextRange::new(self.range.start + 1, self.range.end - 1)
        } else {
            self.range
        }
    }
}

/// One `[[actor]]` table that was complete enough to use (it has an `id` and a `name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Spanned,
    pub name: Spanned,
    pub kind: ActorKind,
    pub aliases: Vec<Spanned>,
    pub role: Option<String>,
    pub affiliation: Option<Spanned>,
    pub description: Option<String>,
    pub links: Vec<String>,
    /// The whole `[[actor]]` table, header line included.
    pub range: TextRange,
}

impl Actor {
    /// The name, then the aliases: every written form a mention may take, as listed
    /// (empty forms included; the matcher skips them).
    pub fn forms(&self) -> impl Iterator<Item = &Spanned> {
        std::iter::once(&self.name).chain(self.aliases.iter())
    }
}

/// A parsed registry file: the actors it defines well enough to use, and its problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    /// Shared with the corpus's list of actors in use, not copied into it (a
    /// 5,000-actor registry's actors take 3 MiB).
    pub actors: Vec<std::sync::Arc<Actor>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Registry {
    /// Its actors, borrowed, in order: what [`AliasMatcher::from_actors`] takes.
    pub fn listed(&self) -> Vec<&Actor> {
        self.actors.iter().map(|actor| &**actor).collect()
    }
}

/// Parses one registry file. Never panics; a syntax error is a diagnostic at its position
/// and yields no actors. Actors without an `id` or a `name`, and a second actor with an
/// `id` already used in the file, are reported and left out of `actors`; every other
/// problem is reported and the actor is kept. An `affiliation` naming no actor is not
/// checked here but by [`cross_check`], which sees every registry of the corpus.
pub fn parse_registry(text: &str) -> Registry {
    registry::parse(text)
}

/// One occurrence of a known name in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without a possessive ending.
    pub range: TextRange,
    /// Index of the actor in the list given to [`AliasMatcher::new`].
    pub actor: usize,
}

/// All names and aliases of all actors compiled into one automaton.
///
/// Matching is case-sensitive and on Unicode word boundaries (a form that starts or ends
/// with a letter or digit must not touch another letter or digit), so `Belarus` is found
/// in `Belarus’` and `Belarus's` but not in `Belarusian`. The longest form wins; when it
/// fails the boundary test, shorter forms at the same place and later overlapping forms
/// are still tried. A form given for two actors belongs to the first.
///
/// Built with [`AliasMatcher::from_actors`], it also finds forms no registry lists: a
/// form's spelling in another script and its case forms (people's names, other kinds'
/// one-word names) in Russian,
/// Ukrainian, Belarusian and Polish (see [`generated`]), in texts that have Cyrillic or
/// Polish letters. A form as written always wins over a generated one.
#[derive(Debug, Clone, Default)]
pub struct AliasMatcher {
    /// `None` when there is no usable form (or the automaton could not be built).
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Per pattern id: the form (trimmed) and the actor it belongs to.
    patterns: Vec<(String, usize)>,
    /// The bytes that some form starts with, one bit each: the automaton is tried only
    /// where the text has one.
    first_bytes: [u64; 4],
    /// The registry forms the generated index is made of; empty for [`AliasMatcher::new`].
    generated_sources: std::sync::Arc<[generated::FormSource]>,
    /// Keys of every form and case form, made of `generated_sources` when first needed.
    generated: std::sync::OnceLock<generated::GeneratedForms>,
    /// Per actor, for [`AliasMatcher::from_actors`]: whether it is a state or a place,
    /// and the index of the actor it is affiliated with; empty for [`AliasMatcher::new`].
    homes: std::sync::Arc<[Home]>,
}

/// What an actor is, for telling whose a bare form names: `Russia's defence ministry` is
/// no mention of a ministry affiliated with Belarus.
#[derive(Debug, Clone, Copy, Default)]
struct Home {
    country: bool,
    person: bool,
    affiliation: Option<usize>,
}
