//! The analysis of one file: an article (header, dates, mentions, claims, diagnostics)
//! or a registry (actors in use, problems).

use crate::actors::{self, AliasMatcher, Registry};
use crate::article::{self, Article};
use crate::claims::{self, Claim, Dating};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::position::LineIndex;
use crate::temporal::{self, CalendarDate, Timex};
use crate::text::TextRange;
use std::sync::Arc;

/// A mention of a known actor in an article, by index into the corpus's actors: the
/// same value the claim finder works with.
pub use crate::claims::ActorMention as FileMention;

/// An analysed article.
#[derive(Debug, Clone)]
pub struct ArticleFile {
    pub path: String,
    pub text: Arc<str>,
    pub line_index: LineIndex,
    pub article: Article,
    /// The id other files cite it by: header `Id`, or the file name without extension.
    pub id: String,
    pub date: Option<CalendarDate>,
    pub timexes: Vec<Timex>,
    pub mentions: Vec<FileMention>,
    pub claims: Vec<Claim>,
    /// Capitalised names that no actor matches (candidates for the registry).
    pub unknown_names: Vec<(TextRange, String)>,
    /// Longer spellings of known names (`Aliaksandr Lukashenko`), candidates for aliases.
    pub name_variants: Vec<(TextRange, String)>,
    /// Diagnostics that need nothing but this file.
    pub diagnostics: Vec<Diagnostic>,
    /// How many claims the article makes, and how many of them are undated.
    pub claim_tally: ClaimTally,
}

/// Counts of an article's claims, which stay when the claims themselves are shed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimTally {
    pub claims: usize,
    pub undated: usize,
}

impl ArticleFile {
    /// The header `URL`, when given.
    pub fn url(&self) -> Option<&str> {
        self.article
            .header
            .value("url")
            .filter(|url| !url.is_empty())
    }

    /// Unknown names and name variants, each once.
    pub fn distinct_names(&self) -> std::collections::BTreeSet<&String> {
        self.unknown_names
            .iter()
            .chain(self.name_variants.iter())
            .map(|(_, name)| name)
            .collect()
    }

    pub fn title(&self) -> Option<&str> {
        self.article.header.value("title")
    }

    pub fn source(&self) -> Option<&str> {
        self.article.header.value("source")
    }

    /// Drops what only editor features read (dates, claims, sentences, annotations),
    /// keeping what diagnostics, reports and the corpus's indexes need: a corpus that is
    /// only reported on (`dateline check`) holds ten thousand articles in a third of the
    /// memory.
    pub fn shed_editor_data(&mut self) {
        self.timexes = Vec::new();
        self.claims = Vec::new();
        self.article.paragraphs = Vec::new();
        self.article.annotations = Vec::new();
        for diagnostic in &mut self.diagnostics {
            diagnostic.message.shrink_to_fit();
        }
        self.diagnostics.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.unknown_names.shrink_to_fit();
        self.name_variants.shrink_to_fit();
    }
}

/// The id a file is cited by when its header has no `Id`.
pub fn default_id(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

/// Analyses one article against the corpus's configuration and actors.
pub fn analyze_article(
    path: &str,
    text: Arc<str>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
) -> ArticleFile {
    let article = article::parse(&text);
    let date = article.header.date();
    let body = article.body;
    let body_text = body.slice(&text);
    // Citation ids and annotations are markup, not prose: dates inside them
    // (`[@emp-2022-10-15]`) are not the text's own.
    let markup: Vec<TextRange> = article
        .citations
        .iter()
        .map(|citation| citation.range)
        .chain(
            article
                .annotations
                .iter()
                .map(|annotation| annotation.range),
        )
        .collect();
    let outside_markup = |range: &TextRange| !markup.iter().any(|m| m.intersects(*range));
    let timexes: Vec<Timex> = temporal::find_temporal(body_text, date)
        .into_iter()
        .map(|mut timex| {
            timex.range = timex.range.shifted(body.start);
            timex
        })
        .filter(|timex| outside_markup(&timex.range))
        .collect();
    let mentions: Vec<FileMention> = matcher
        .find(body_text)
        .into_iter()
        .map(|mention| FileMention {
            range: mention.range.shifted(body.start),
            actor: mention.actor,
        })
        .filter(|mention| outside_markup(&mention.range))
        .collect();
    let claims = claims::find_claims(&text, &article, &timexes, &mentions, config);
    let known: Vec<TextRange> = mentions
        .iter()
        .map(|mention| mention.range)
        .chain(markup.iter().copied())
        .collect();
    let unknown_names = crate::names::unknown_names(&text, &article, &known);
    let mention_ranges: Vec<TextRange> = mentions.iter().map(|mention| mention.range).collect();
    let name_variants = crate::names::name_variants(&text, &mention_ranges);

    let mut diagnostics = article.diagnostics.clone();
    if let (Some(date), Some(today), Some(field)) = (date, today, article.header.get("date")) {
        if date.first_day() > today.last_day() {
            diagnostics.push(Diagnostic::error(
                field.value_range,
                "future-date",
                format!("Date {date} is in the future (today is {today})"),
            ));
        }
    }
    for claim in &claims {
        if let Some(diagnostic) = claim_diagnostic(&text, claim) {
            diagnostics.push(diagnostic);
        }
    }
    let claim_tally = ClaimTally {
        claims: claims.len(),
        undated: claims
            .iter()
            .filter(|claim| claim.dating == Dating::Undated)
            .count(),
    };
    let id = article
        .header
        .value("id")
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| default_id(path));
    ArticleFile {
        path: path.to_string(),
        line_index: LineIndex::new(&text),
        text,
        article,
        id,
        date,
        timexes,
        mentions,
        claims,
        unknown_names,
        name_variants,
        diagnostics,
        claim_tally,
    }
}

/// A short quotation of a range for messages: its first words.
pub fn quote(text: &str, range: TextRange) -> String {
    let words: Vec<&str> = range.slice(text).split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..7].join(" "))
    }
}

fn claim_diagnostic(text: &str, claim: &Claim) -> Option<Diagnostic> {
    let cue = quote(text, claim.trigger.range());
    let what = match &claim.trigger {
        claims::ClaimTrigger::Cue(_) => format!("reports a statement (“{cue}”)"),
        claims::ClaimTrigger::ActorAction { .. } => format!("reports an action (“{cue}”)"),
    };
    match &claim.dating {
        Dating::Undated => Some(Diagnostic::new(
            claim.sentence,
            Severity::Warning,
            "undated-claim",
            format!(
                "undated claim: this sentence {what} but neither it nor an earlier sentence of its paragraph says when"
            ),
        )),
        Dating::ByContext { by, value, .. } => {
            let when = match value {
                Some(value) => format!("{value} (“{}”)", quote(text, *by)),
                None => format!("“{}”", quote(text, *by)),
            };
            Some(Diagnostic::new(
                claim.sentence,
                Severity::Information,
                "claim-dated-by-context",
                format!("claim dated by context: an earlier sentence of its paragraph gives {when}"),
            ))
        }
        Dating::Dated { .. } | Dating::Silenced => None,
    }
}

/// A registry file: its latest parse (for its diagnostics) and the actors in use, which
/// stay those of the last good version while the file has a syntax error.
#[derive(Debug, Clone)]
pub struct RegistryFile {
    pub path: String,
    pub text: Arc<str>,
    pub line_index: LineIndex,
    pub registry: Registry,
    pub in_use: Registry,
    /// Whether `in_use` comes from an earlier version of the file.
    pub stale: bool,
}

/// The actors of an earlier version of a registry, with every span emptied to the start of
/// the file: the spans were places in that earlier text, and in the current one they would
/// point anywhere (past its end, or into another actor, where a rename would write).
fn without_places(mut registry: Registry) -> Registry {
    let nowhere = TextRange::empty(0);
    for actor in &mut registry.actors {
        actor.range = nowhere;
        actor.id.range = nowhere;
        actor.name.range = nowhere;
        for alias in &mut actor.aliases {
            alias.range = nowhere;
        }
        if let Some(affiliation) = &mut actor.affiliation {
            affiliation.range = nowhere;
        }
    }
    registry.diagnostics.clear();
    registry
}

impl RegistryFile {
    pub fn new(path: &str, text: Arc<str>, previous: Option<&RegistryFile>) -> Self {
        let registry = actors::parse_registry(&text);
        let broken = registry
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code == "registry-syntax");
        let (in_use, stale) = match previous {
            Some(previous) if broken => (without_places(previous.in_use.clone()), true),
            _ => (registry.clone(), false),
        };
        RegistryFile {
            path: path.to_string(),
            line_index: LineIndex::new(&text),
            text,
            registry,
            in_use,
            stale,
        }
    }
}
