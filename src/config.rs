//! `dateline.toml`: the corpus's settings (claim cues, date scope, registries, globs),
//! parsed from text into plain data with diagnostics. Editors may override it through
//! their own settings; the merge lives in the server, not here.

use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::text::TextRange;
use crate::toml_unclosed;
use serde::Deserialize;

/// How far back in the text a date may anchor a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateScope {
    /// Only the claim's own sentence.
    Sentence,
    /// The sentence or an earlier sentence of its paragraph (the spec's rule).
    #[default]
    Paragraph,
    /// The sentence or any earlier sentence of the article.
    Article,
}

/// The reporting and attribution cues of the spec, and more of the same family. Written
/// forms; matching is case-insensitive and on whole words.
pub const DEFAULT_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "states",
    "told",
    "tells",
    "claimed",
    "claims",
    "claim",
    "announced",
    "announces",
    "announce",
    "reported",
    "reports",
    "reportedly",
    "confirmed",
    "confirms",
    "confirm",
    "denied",
    "denies",
    "deny",
    "ordered",
    "orders",
    "warned",
    "warns",
    "warn",
    "accused",
    "accuses",
    "accuse",
    "blamed",
    "blames",
    "blame",
    "according to",
    "admitted",
    "admits",
    "admit",
    "explained",
    "explains",
    "suggested",
    "suggests",
    "suggest",
    "cautioned",
    "cautions",
    "caution",
    "estimated",
    "estimates",
    "estimate",
    "rejected",
    "rejects",
    "reject",
    "insisted",
    "insists",
    "insist",
    "declared",
    "declares",
    "noted",
    "notes",
    "note",
    "stressed",
    "stresses",
    "stress",
    "emphasized",
    "emphasised",
    "replied",
    "retorted",
    // Answering an argument: `Supporters counter that every freed prisoner is a life
    // saved` (with its `that`: `countered the attack` is an act).
    "countered that",
    "counter that",
    "counters that",
    "alleged",
    "alleges",
    "allege",
    "revealed",
    "acknowledged",
    "argued",
    "argues",
    "argue",
    "added",
    "adds",
    "recalled",
    "recalls",
    "pointed out",
    "points out",
    "emphasizes",
    "emphasises",
    "asserted",
    "asserts",
    "assured",
    "assures",
    "promised",
    "promises",
    "maintains that",
    "maintained that",
    "maintain that",
    "contends",
    "conceded",
    "concedes",
    "acknowledges",
    "tweeted",
    "reiterated",
    "commented",
    "described",
    "vowed",
    "pledged",
    "threatened",
    "urged",
    "called for",
    "called on",
    "called",
    "in a statement",
    "became known",
    "it emerged",
    "learned",
    "quoted",
    "cited",
    "wrote",
    "writes",
    "posted",
    "believes",
    "believe",
    "thinks",
    "think that",
    "thought that",
    "is convinced",
    "are convinced",
    "was convinced",
    "were convinced",
    "predicted",
    "predicts",
    "predict",
    "forecasts",
    "forecast",
    "expects",
    "expect",
    "fears",
    "fear",
    "feared",
    "doubts",
    "doubt",
    "doubted",
    "dismissed",
    "dismisses",
    "demanded",
    "demands",
    "demand",
    "criticised",
    "criticized",
    "complained",
    "criticises",
    "criticizes",
    "criticise",
    "criticize",
    "complains",
    "complain",
    "see",
    "sees",
    "saw",
    "view",
    "views",
    "regard",
    "regards",
    "stating",
    "claiming",
    "telling",
    "revealing",
    "told reporters",
    // What someone felt and said so: `The EU expressed concern over the verdict`.
    "expressed concern",
    "expressed regret",
    "expressed hope",
    "expressed support",
    "voiced concern",
    "voiced support",
    "in an interview",
    "in a post",
    "in a video",
    "show",
    "shows",
    // `Viasna documented 300 cases`: not the noun `documents`, which a cue list cannot
    // tell from the verb.
    "documented",
    "reads",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Claim cues, lowercase; a cue may be several words. Shared, so that the claim
    /// finder tells the list it was made from by its address (a comparison of every cue,
    /// for every article, once the Slavic cues made the list 500 long).
    pub cues: std::sync::Arc<[String]>,
    pub date_scope: DateScope,
    /// Whether a sentence reporting a past-tense action of a known actor is a claim.
    /// Whether events (any specific action or happening, whatever its subject) make
    /// claims; off, only reported statements do.
    pub events: bool,
    /// Registry files, relative to the corpus root.
    pub registries: Vec<String>,
    /// File-name globs of article files.
    pub include: Vec<String>,
    /// `[cache] folder`: where the warm-start cache of analyses is kept, a folder inside
    /// the corpus root (one elsewhere is not taken); `None`: the platform's cache folder.
    pub cache_folder: Option<String>,
    /// `[server] claims-limit-mb`: above this many bytes of articles, a language server
    /// analyses claims in open articles only (see `Corpus::over_claims_limit`): the whole
    /// analyses of a corpus take about twice its size in memory.
    pub claims_limit_bytes: u64,
    /// `[server] diagnostics-per-file`: the most diagnostics of one file an editor is
    /// shown (see `ide::diagnostics::for_editor`); `dateline check` reports them all.
    pub diagnostics_per_file: usize,
}

/// The default of `[server] diagnostics-per-file`: past it, an editor's problems list is
/// no longer read, and the editor itself slows down.
pub const DEFAULT_DIAGNOSTICS_PER_FILE: usize = 10_000;

/// The default of `[server] claims-limit-mb`: 1 GiB of articles (about 200,000 news
/// articles), whose whole index takes about 2 GB of the server's memory.
pub const DEFAULT_CLAIMS_LIMIT_MB: u64 = 1024;

impl Default for Config {
    fn default() -> Self {
        Config {
            // The English cues, then those of Russian, Ukrainian, Belarusian and Polish
            // (the claim finder's word lists).
            cues: DEFAULT_CUES
                .iter()
                .map(|cue| cue.to_string())
                .chain(crate::claims::slavic::cue_phrases())
                .collect(),
            date_scope: DateScope::Paragraph,
            events: true,
            registries: vec!["actors.toml".to_string()],
            include: vec!["*.article".to_string()],
            cache_folder: None,
            claims_limit_bytes: DEFAULT_CLAIMS_LIMIT_MB * 1024 * 1024,
            diagnostics_per_file: DEFAULT_DIAGNOSTICS_PER_FILE,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    claims: Option<RawClaims>,
    corpus: Option<RawCorpus>,
    cache: Option<RawCache>,
    server: Option<RawServer>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawServer {
    claims_limit_mb: Option<u64>,
    diagnostics_per_file: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCache {
    folder: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawClaims {
    cues: Option<Vec<String>>,
    extra_cues: Option<Vec<String>>,
    ignore_cues: Option<Vec<String>>,
    date_scope: Option<DateScope>,
    events: Option<bool>,
    /// The setting's first name, from when only known actors' actions were events.
    actor_actions: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCorpus {
    registries: Option<Vec<String>>,
    include: Option<Vec<String>>,
}

/// Settings that can come from `dateline.toml` or from an editor; `None` keeps the value
/// it is applied to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Overrides {
    pub cues: Option<Vec<String>>,
    pub extra_cues: Option<Vec<String>>,
    pub ignore_cues: Option<Vec<String>>,
    pub date_scope: Option<DateScope>,
    pub events: Option<bool>,
    /// The old name of `events`, still read; `events` wins where both are given.
    pub actor_actions: Option<bool>,
    pub registries: Option<Vec<String>>,
    pub include: Option<Vec<String>>,
}

impl Config {
    /// Applies overrides on top of this configuration.
    pub fn apply(&mut self, overrides: &Overrides) {
        let mut cues = self.cues.to_vec();
        Self::apply_to_cues(overrides, &mut cues);
        if cues[..] != self.cues[..] {
            self.cues = cues.into();
        }
        if let Some(scope) = overrides.date_scope {
            self.date_scope = scope;
        }
        if let Some(events) = overrides.events.or(overrides.actor_actions) {
            self.events = events;
        }
        if let Some(registries) = &overrides.registries {
            self.registries = registries.clone();
        }
        if let Some(include) = &overrides.include {
            self.include = include.clone();
        }
    }

    fn apply_to_cues(overrides: &Overrides, cues: &mut Vec<String>) {
        if let Some(given) = &overrides.cues {
            *cues = given.iter().map(|cue| normalise_cue(cue)).collect();
        }
        if let Some(extra) = &overrides.extra_cues {
            for cue in extra {
                let cue = normalise_cue(cue);
                if !cues.contains(&cue) {
                    cues.push(cue);
                }
            }
        }
        if let Some(ignore) = &overrides.ignore_cues {
            let ignore: Vec<String> = ignore.iter().map(|cue| normalise_cue(cue)).collect();
            cues.retain(|cue| !ignore.contains(cue));
        }
        cues.retain(|cue| !cue.is_empty());
    }
}

fn normalise_cue(cue: &str) -> String {
    cue.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A parser's message, which may run over several lines, as one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Parses `dateline.toml`. On error the defaults stay in force and a diagnostic says
/// where the file is wrong.
pub fn parse_config(text: &str) -> (Config, Vec<Diagnostic>) {
    let mut config = Config::default();
    match toml::from_str::<RawConfig>(text) {
        Ok(raw) => {
            let claims = raw.claims.unwrap_or_default();
            let corpus = raw.corpus.unwrap_or_default();
            config.apply(&Overrides {
                cues: claims.cues,
                extra_cues: claims.extra_cues,
                ignore_cues: claims.ignore_cues,
                date_scope: claims.date_scope,
                events: claims.events,
                actor_actions: claims.actor_actions,
                registries: corpus.registries,
                include: corpus.include,
            });
            config.cache_folder = raw.cache.and_then(|cache| cache.folder);
            let server = raw.server.unwrap_or_default();
            if let Some(limit) = server.claims_limit_mb {
                config.claims_limit_bytes = limit.saturating_mul(1024 * 1024);
            }
            if let Some(most) = server.diagnostics_per_file {
                config.diagnostics_per_file = most;
            }
            (config, Vec::new())
        }
        Err(error) => {
            let mut range = error
                .span()
                .map(|span| TextRange::new(span.start, span.end))
                .unwrap_or_default();
            let mut detail = one_line(error.message());
            // A syntax error (not a setting of the wrong type) may have been made lines
            // before the parser gave up: point at the construct left open, if any.
            if let Err(syntax) = toml_edit::ImDocument::parse(text) {
                let stopped_at = syntax.span().map_or(range.start, |span| span.start);
                let (unclosed, located) = toml_unclosed::locate_syntax_error(
                    text,
                    stopped_at,
                    &one_line(syntax.message()),
                );
                if let Some(unclosed) = unclosed {
                    range = unclosed;
                    detail = located;
                }
            }
            let message = format!("dateline.toml is invalid, defaults are used: {detail}");
            (
                config,
                vec![Diagnostic::error(
                    range,
                    DiagnosticCode::ConfigSyntax,
                    message,
                )],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_and_ignored_cues_adjust_the_defaults() {
        let (config, problems) = parse_config(
            "[claims]\nextra-cues = [\"Briefed\"]\nignore-cues = [\"says\"]\ndate-scope = \"sentence\"\n",
        );
        assert!(problems.is_empty());
        assert!(config.cues.contains(&"briefed".to_string()));
        assert!(!config.cues.contains(&"says".to_string()));
        assert_eq!(config.date_scope, DateScope::Sentence);
    }

    #[test]
    fn the_servers_claims_limit_is_read_in_mebibytes_and_has_a_default() {
        let (config, problems) =
            parse_config("[server]\nclaims-limit-mb = 3\ndiagnostics-per-file = 50\n");
        assert!(problems.is_empty());
        assert_eq!(config.claims_limit_bytes, 3 * 1024 * 1024);
        assert_eq!(config.diagnostics_per_file, 50);
        let (config, _) = parse_config("");
        assert_eq!(config.diagnostics_per_file, DEFAULT_DIAGNOSTICS_PER_FILE);
        assert_eq!(
            config.claims_limit_bytes,
            DEFAULT_CLAIMS_LIMIT_MB * 1024 * 1024
        );
        let (config, problems) = parse_config("[server]\nclaims-limit-mb = -1\n");
        assert_eq!(problems.len(), 1, "a negative limit is an error");
        assert_eq!(
            config.claims_limit_bytes,
            DEFAULT_CLAIMS_LIMIT_MB * 1024 * 1024
        );
    }

    #[test]
    fn a_broken_file_keeps_the_defaults_and_points_at_the_error() {
        let text = "[claims]\ndate-scope = \"fortnight\"\n";
        let (config, problems) = parse_config(text);
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].range.slice(text), "\"fortnight\"");
    }

    #[test]
    fn the_docs_state_the_default_include_of_the_code() {
        let default = Config::default().include;
        assert_eq!(default, ["*.article"]);
        let stated = format!("default `{}`", default[0]);
        for (doc, text) in [
            ("editors/README.md", include_str!("../editors/README.md")),
            (
                "editors/vscode/README.md",
                include_str!("../editors/vscode/README.md"),
            ),
            (
                "editors/vscode/package.json",
                include_str!("../editors/vscode/package.json"),
            ),
        ] {
            assert!(text.contains(&stated), "{doc} does not say {stated}");
            assert!(
                !text.contains("**/*.article`)"),
                "{doc} states another default"
            );
        }
        let readme = include_str!("../README.md");
        assert!(readme.contains(&format!(
            "include = [\"{}\"]         # the default",
            default[0]
        )));
    }

    /// The one diagnostic of a broken `dateline.toml`, as `line:column "text": message`.
    fn syntax_problem(text: &str) -> String {
        let (config, problems) = parse_config(text);
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let problem = &problems[0];
        let before = &text[..problem.range.start];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!(
            "{line}:{column} {:?}: {}",
            problem.range.slice(text),
            problem.message
        )
    }

    #[test]
    fn a_syntax_error_points_at_the_construct_left_open() {
        use expect_test::expect;
        // The `]` missing on line 5, where the parser does not stop.
        expect![[r#"5:14 "[": dateline.toml is invalid, defaults are used: invalid array; expected `]` (the parser stopped on line 7); the array opened here with `[` is never closed"#]].assert_eq(&syntax_problem(
            "[claims]\ndate-scope = \"sentence\"\n# cues the analysts use\n\nextra-cues = [\"briefed\", \"told\"\n\nignore-cues = [\"says\"]\n",
        ));
        expect![[r#"4:1 "[": dateline.toml is invalid, defaults are used: invalid table header; expected `.`, `]` (the parser stopped on line 4); the table header opened here with `[` is never closed by `]`"#]].assert_eq(&syntax_problem(
            "[claims]\nextra-cues = [\"briefed\"]\n\n[corpus\ninclude = [\"*.article\"]\n",
        ));
        expect![[r#"2:14 "\"": dateline.toml is invalid, defaults are used: invalid basic string (the parser stopped on line 2); the string opened here with `"` is never closed by a matching `"`"#]].assert_eq(&syntax_problem(
            "[claims]\ndate-scope = \"sentence\nevents = true\n",
        ));
        expect![[r#"1:10 "{": dateline.toml is invalid, defaults are used: invalid inline table; expected `}` (the parser stopped on line 1); the inline table opened here with `{` is never closed"#]].assert_eq(&syntax_problem(
            "claims = { date-scope = \"sentence\", events = true\n[corpus]\n",
        ));
        expect![[r#"1:1 "[[": dateline.toml is invalid, defaults are used: invalid table header; expected `.`, `]]` (the parser stopped on line 1); the table header opened here with `[[` is never closed by `]]`"#]].assert_eq(&syntax_problem("[[claims]\nevents = true\n"));
    }
}
