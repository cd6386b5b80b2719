//! The actor registry (`actors.toml`, parsed with spans) and the matcher that finds
//! mentions of every name and alias in one pass.

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

/// A string value of the registry with where it stands in the TOML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    pub value: String,
    pub range: TextRange,
}

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

/// A parsed registry file: the actors it defines well enough to use, and its problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    pub actors: Vec<Actor>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one registry file. Never panics; a syntax error is a diagnostic at its position
/// and yields no actors.
pub fn parse_registry(text: &str) -> Registry {
    let _ = text;
    Registry::default()
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
#[derive(Debug, Clone, Default)]
pub struct AliasMatcher {}

impl AliasMatcher {
    /// `forms` pairs an actor index with one of its written forms (name or alias).
    pub fn new<'a>(forms: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let _ = forms.into_iter().count();
        AliasMatcher {}
    }

    /// Mentions in `text`, in text order, longest match first, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let _ = text;
        Vec::new()
    }
}

/// Checks across registries: duplicate ids and aliases, unknown affiliations.
pub fn cross_check(registries: &[&Registry]) -> Vec<(usize, Diagnostic)> {
    let _ = registries;
    Vec::new()
}
