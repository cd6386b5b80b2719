//! Problems found by the analysis, as plain data: a range, a severity, a stable code; and
//! the catalogue of codes with what each means (`dateline explain`).

use crate::text::TextRange;
use std::sync::Arc;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// One problem in one file. `code` is an entry of the catalogue, written as a stable
/// kebab-case identifier (`undated-claim`) that users can search for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub range: TextRange,
    pub severity: Severity,
    pub code: DiagnosticCode,
    /// Shared, not owned: the diagnostics of a file are copied out of the corpus whenever
    /// they are published, 30,000 at a time for a long article. Read back from the
    /// warm-start cache as the copy already held of the same message.
    #[serde(deserialize_with = "crate::cache::one_copy")]
    pub message: Arc<str>,
}

impl Diagnostic {
    pub fn new(
        range: TextRange,
        severity: Severity,
        code: DiagnosticCode,
        message: impl Into<Arc<str>>,
    ) -> Self {
        Diagnostic {
            range,
            severity,
            code,
            message: message.into(),
        }
    }

    pub fn error(range: TextRange, code: DiagnosticCode, message: impl Into<Arc<str>>) -> Self {
        Self::new(range, Severity::Error, code, message)
    }

    pub fn warning(range: TextRange, code: DiagnosticCode, message: impl Into<Arc<str>>) -> Self {
        Self::new(range, Severity::Warning, code, message)
    }
}

/// Every code a diagnostic can carry: the catalogue behind `dateline explain` and the
/// README's table of diagnostics (a test holds the two equal).
///
/// The code's text is what reports, JSON and the editor show, and what users search for;
/// it never changes. One text may name two entries when the same mistake is made in two
/// kinds of file with different weight (`invalid-kind` in a header and in a registry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DiagnosticCode {
    UndatedClaim,
    ClaimDatedByContext,
    MissingSource,
    MissingDate,
    InvalidDate,
    FutureDate,
    DuplicateHeaderKey,
    /// `invalid-kind` in an article's header.
    InvalidArticleKind,
    MalformedHeaderLine,
    UnterminatedHeaderFence,
    InvalidLanguage,
    UnsureLanguage,
    UnknownCitation,
    DuplicateId,
    DuplicateUrl,
    UnknownActor,
    RegistrySyntax,
    MissingField,
    InvalidId,
    /// `invalid-kind` in an actor registry.
    InvalidActorKind,
    WrongType,
    DuplicateActorId,
    UnknownAffiliation,
    DuplicateAlias,
    EmptyAlias,
    UnknownRegistryKey,
    UnexpectedTopLevel,
    SelfAffiliation,
    InvalidLink,
    ConfigSyntax,
    SkippedFile,
    FindingsNotShown,
}

/// What the catalogue says of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    pub code: &'static str,
    /// The severity the code is reported with; a few places lower it where the same
    /// problem matters less (a missing `kind`, an alias listed twice for one actor).
    pub severity: Severity,
    /// One line: when the code is reported.
    pub summary: &'static str,
    /// What `dateline explain` prints below the summary: why, what to do, an example.
    pub explanation: &'static str,
}

impl DiagnosticCode {
    /// Every code, in the order of the README's table.
    pub const ALL: [DiagnosticCode; 32] = [
        DiagnosticCode::UndatedClaim,
        DiagnosticCode::ClaimDatedByContext,
        DiagnosticCode::MissingSource,
        DiagnosticCode::MissingDate,
        DiagnosticCode::InvalidDate,
        DiagnosticCode::FutureDate,
        DiagnosticCode::DuplicateHeaderKey,
        DiagnosticCode::InvalidArticleKind,
        DiagnosticCode::MalformedHeaderLine,
        DiagnosticCode::UnterminatedHeaderFence,
        DiagnosticCode::InvalidLanguage,
        DiagnosticCode::UnsureLanguage,
        DiagnosticCode::UnknownCitation,
        DiagnosticCode::DuplicateId,
        DiagnosticCode::DuplicateUrl,
        DiagnosticCode::UnknownActor,
        DiagnosticCode::RegistrySyntax,
        DiagnosticCode::MissingField,
        DiagnosticCode::InvalidId,
        DiagnosticCode::InvalidActorKind,
        DiagnosticCode::WrongType,
        DiagnosticCode::DuplicateActorId,
        DiagnosticCode::UnknownAffiliation,
        DiagnosticCode::DuplicateAlias,
        DiagnosticCode::EmptyAlias,
        DiagnosticCode::UnknownRegistryKey,
        DiagnosticCode::UnexpectedTopLevel,
        DiagnosticCode::SelfAffiliation,
        DiagnosticCode::InvalidLink,
        DiagnosticCode::ConfigSyntax,
        DiagnosticCode::SkippedFile,
        DiagnosticCode::FindingsNotShown,
    ];

    pub fn as_str(self) -> &'static str {
        self.info().code
    }

    pub fn default_severity(self) -> Severity {
        self.info().severity
    }

    pub fn summary(self) -> &'static str {
        self.info().summary
    }

    /// The severities a code is also reported with, besides its default, and when. A
    /// missing actor `kind` is a warning where a missing `id` or `name` is an error: the
    /// specification requires only `id` and `name` (section 2), and `other` is assumed.
    pub fn other_severities(self) -> &'static [(Severity, &'static str)] {
        match self {
            DiagnosticCode::MissingField => &[(Severity::Warning, "no `kind`: `other` is assumed")],
            DiagnosticCode::WrongType => &[(Severity::Warning, "a single `[actor]` table")],
            DiagnosticCode::DuplicateAlias => {
                &[(Severity::Hint, "listed twice for the same actor")]
            }
            _ => &[],
        }
    }

    /// The catalogue entries whose code is `code` (two for `invalid-kind`, none for a
    /// code that does not exist).
    pub fn named(code: &str) -> impl Iterator<Item = DiagnosticCode> + '_ {
        Self::ALL
            .into_iter()
            .filter(move |entry| entry.as_str() == code)
    }

    pub fn info(self) -> CodeInfo {
        use DiagnosticCode::*;
        use Severity::*;
        let (code, severity, summary, explanation) = match self {
            UndatedClaim => (
                "undated-claim",
                Warning,
                "a claim with no anchoring date in its sentence nor earlier in its paragraph",
                "A claim is a sentence that reports a statement or an event: a reporting cue used \
as a verb (`said`, `announced`, `according to`), or a specific event in any verb form \
(`The auction failed`, `Some 500 reservists were sent`, `About 300 men are to be called \
up`). The message names who asserts it: the speaker, or the article's `Source` for an \
event. A date that only qualifies a side detail (`Russia’s 2022 invasion`, `since 2020`, \
a relative clause) does not date it; `the same day` after a dated sentence does. A claim \
is dated by a date in the sentence itself or, with the default \
`date-scope = \"paragraph\"`, in an earlier sentence of its paragraph. Without one, a \
reader cannot tell when the statement was made or the event happened.

Give the date in the text, date the sentence with an inline `{date: ...}`, or silence it \
with `{undated-ok}` (or the whole file with a `Lint: undated-ok` header line).

    Nasha Niva reported a covert mobilization.                      <- undated-claim
    On 12 October, Nasha Niva reported a covert mobilization.       <- dated
    Nasha Niva reported a covert mobilization. {date: 2022-10-12}   <- dated
    Experts say the threat is low. {undated-ok}                     <- silenced",
            ),
            ClaimDatedByContext => (
                "claim-dated-by-context",
                Information,
                "a claim dated by an earlier sentence of its paragraph (the message names that date)",
                "The claim has no date of its own but an earlier sentence of its paragraph has \
one, which dates it. This is usually right, and reported as information so that the date \
can be checked where it is not: the message names the date and the words it comes from.

    On 8 October, the ministry handed over a note. The ambassador said it was a provocation.

The second sentence is dated by `8 October` of the first. Set `date-scope = \"sentence\"` \
in `dateline.toml` to require every claim to carry its own date.",
            ),
            MissingSource => (
                "missing-source",
                Error,
                "the header has no `Source:` line",
                "Every article names its source: the outlet or person it comes from. The header is \
the block of `Key: value` lines at the top of the file (bare, ending at the first blank \
line, or fenced by `---`).

    Source: Euromaidan Press
    Date: 2022-10-15",
            ),
            MissingDate => (
                "missing-date",
                Error,
                "the header has no `Date:` line",
                "Every article has a date: relative dates in its text (`last Wednesday`, `in \
March`) are resolved against it, and claims are placed on the timeline by it. It may be \
as precise as is known: `2022-10-15`, `2022-10` or `2022`.

    Source: Euromaidan Press
    Date: 2022-10-15",
            ),
            InvalidDate => (
                "invalid-date",
                Error,
                "a header `Date:` or an inline `{date: ...}` that is not a valid date",
                "Dates are written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and must exist on the \
calendar.

    Date: 15.10.2022          <- invalid-date
    Date: 2022-02-30          <- invalid-date: February has no 30th
    Date: 2022-10-15
    ... reported a covert mobilization. {date: 2022-10-12}",
            ),
            FutureDate => (
                "future-date",
                Error,
                "the header's `Date:` is after today",
                "An article reports what has happened; a date after today is almost always a \
typing mistake (a wrong year or month). Today is read from the system clock.

    Date: 2062-10-15          <- future-date (meant 2022-10-15)",
            ),
            DuplicateHeaderKey => (
                "duplicate-header-key",
                Warning,
                "a header key given twice; the first value is used",
                "Each header key is given once. When a key comes twice the first value is \
used and the second ignored.

    Date: 2022-10-15
    Date: 2022-10-16          <- duplicate-header-key: 2022-10-15 is used",
            ),
            InvalidArticleKind => (
                "invalid-kind",
                Warning,
                "a header `Kind:` that is neither `article` nor `summary`; the file is read as an article",
                "`Kind: summary` marks a note of your own that summarises other articles and \
cites them; `Kind: article` (the default) a source article. Any other value is ignored.

    Kind: summary
    Kind: note                <- invalid-kind: read as an article",
            ),
            MalformedHeaderLine => (
                "malformed-header-line",
                Warning,
                "a line of a fenced header block that is not `Key: value`; it is ignored",
                "Inside a header fenced by `---` lines every line is `Key: value`. A line \
without a colon is ignored.

    ---
    Source: Euromaidan Press
    Euromaidan Press, 15 October   <- malformed-header-line
    Date: 2022-10-15
    ---",
            ),
            UnterminatedHeaderFence => (
                "unterminated-header-fence",
                Warning,
                "a header opened by `---` that is never closed",
                "A header that opens with a `---` line ends with another `---` line. When the \
closing line is missing the header ends at the first line that is not `Key: value`, so \
that a forgotten fence costs one warning and not the whole file.

    ---
    Source: Euromaidan Press
    Date: 2022-10-15
                              <- the closing `---` is missing
    On 8 October, ...",
            ),
            InvalidLanguage => (
                "invalid-language",
                Warning,
                "a header `Language:` that is not `en`, `ru`, `uk`, `be` or `pl`; the language is guessed from the text",
                "`Language:` says which language the article's dates are read in: `en`, \
`ru`, `uk`, `be` or `pl` (a region after `-` is allowed: `be-tarask`). Any other value is \
ignored and the language is guessed from the letters of the text.

    Language: ru
    Language: russian         <- invalid-language: the code is `ru`",
            ),
            UnsureLanguage => (
                "unsure-language",
                Hint,
                "an article without `Language:` whose text does not say clearly which language it is in",
                "Without a `Language:` header dateline guesses the language from the first \
kilobyte of the body: Cyrillic or Latin letters, the letters only Ukrainian (`ї є ґ`) or \
Belarusian (`ў`) writes, those Ukrainian lacks (`ы э`), Polish diacritics and short words. \
When they do not point clearly to one language (a short text, English quoting Russian at \
length) the likeliest is used and this hint asks for the header.

    Source: Nasha Niva
    Date: 2022-10-04
    Language: be              <- says what the guess could not

    Сёння ўрад заявіў ...",
            ),
            UnknownCitation => (
                "unknown-citation",
                Error,
                "a citation `[@id]` names no article of the corpus",
                "A citation names the `Id` of another article of the corpus (an article's id \
defaults to its file name without `.article`). Check the spelling, or add the cited \
article to the corpus.

    ... handed a diplomatic note [@emp-2022-10-15-covert-mobilization]",
            ),
            DuplicateId => (
                "duplicate-id",
                Error,
                "two articles have the same `Id`",
                "Citations name articles by id, so an id must be unique in the corpus. The \
message names the other files with the same id. Give one of them another `Id:` line.

    Id: emp-2022-10-15-covert-mobilization",
            ),
            DuplicateUrl => (
                "duplicate-url",
                Error,
                "two articles have the same `URL`",
                "The same address in two files usually means the same article was added twice. \
The message names the other files; keep one of them.

    URL: https://euromaidanpress.com/2022/10/15/...",
            ),
            UnknownActor => (
                "unknown-actor",
                Hint,
                "a capitalised name used in two or more articles that no actor matches",
                "A name that recurs across the corpus is likely someone or something to track. \
The quick fix adds it to the registry; once it is there, its mentions are found and \
counted like every other actor's.

    [[actor]]
    id = \"western-operational-command\"
    name = \"Western Operational Command\"
    kind = \"organization\"
    aliases = []",
            ),
            RegistrySyntax => (
                "registry-syntax",
                Error,
                "an actor registry that is not valid TOML; its last good version stays in use",
                "The registry could not be read as TOML, at the place shown. While it is broken \
(typically in the middle of an edit) the last version that parsed stays in use, so \
mentions do not disappear.

    [[actor]]
    id = \"lukashenka\"
    name = \"Alexander Lukashenka   <- registry-syntax: the string is not closed",
            ),
            MissingField => (
                "missing-field",
                Error,
                "an actor without `id` or `name` (it is ignored), or without `kind` (a warning: `other` is assumed)",
                "Every `[[actor]]` table needs an `id` (how the actor is referred to) and a \
`name` (how it is shown); without them the actor is ignored. A missing `kind` is only a \
warning: `other` is assumed.

    [[actor]]
    id = \"lukashenka\"
    name = \"Alexander Lukashenka\"
    kind = \"person\"
    aliases = [\"Lukashenko\"]",
            ),
            InvalidId => (
                "invalid-id",
                Error,
                "an actor id that is empty or not made of lowercase letters, digits and `-`",
                "Actor ids keep to lowercase ASCII letters, digits and `-`, so that they can be \
typed anywhere (`dateline timeline --actor makei`). The message suggests one.

    id = \"Lukashenka\"         <- invalid-id
    id = \"lukashenka\"",
            ),
            InvalidActorKind => (
                "invalid-kind",
                Error,
                "an actor `kind` that is not person, organization, state, media, place or other",
                "An actor's kind is one of `person`, `organization`, `state`, `media`, `place` \
and `other`; the actor is loaded as `other` until its kind is one of them.

    kind = \"politician\"       <- invalid-kind
    kind = \"person\"",
            ),
            WrongType => (
                "wrong-type",
                Error,
                "a registry value of the wrong TOML type",
                "`id`, `name`, `kind`, `role`, `affiliation` and `description` are strings; \
`aliases` and `links` are arrays of strings; each actor is an `[[actor]]` table (a single \
`[actor]` table is a warning).

    aliases = \"Lukashenko\"    <- wrong-type
    aliases = [\"Lukashenko\"]",
            ),
            DuplicateActorId => (
                "duplicate-actor-id",
                Error,
                "an actor id defined twice; the first definition wins",
                "Each id names one actor, across every registry of the corpus. The first \
definition is used and the later one ignored; the message says where the first is.

    [[actor]]
    id = \"makei\"
    ...
    [[actor]]
    id = \"makei\"              <- duplicate-actor-id",
            ),
            UnknownAffiliation => (
                "unknown-affiliation",
                Error,
                "an `affiliation` that names no actor id",
                "`affiliation` names the id of another actor of the registries (a minister's \
ministry, a reporter's outlet). The message suggests a close id when there is one.

    affiliation = \"belarus-mfa\"",
            ),
            DuplicateAlias => (
                "duplicate-alias",
                Warning,
                "a name or alias listed for two actors (mentions go to the first), or twice for one actor (a hint)",
                "Every written form finds one actor. When two actors list the same form its \
mentions go to the first; remove it from one of them, or spell it more fully.

    [[actor]]
    id = \"ivanov-general\"
    aliases = [\"Ivanov\"]
    [[actor]]
    id = \"ivanov-minister\"
    aliases = [\"Ivanov\"]      <- duplicate-alias: mentions go to ivanov-general",
            ),
            EmptyAlias => (
                "empty-alias",
                Warning,
                "an empty alias; it is ignored",
                "An empty string would match nowhere; it is ignored.

    aliases = [\"Lukashenko\", \"\"]   <- empty-alias",
            ),
            UnknownRegistryKey => (
                "unknown-registry-key",
                Warning,
                "a key that actor tables do not have; it is ignored",
                "Actor tables know `id`, `name`, `kind`, `aliases`, `role`, `affiliation`, \
`description` and `links`. Other keys are ignored; the message suggests a known key \
close to a misspelt one.

    alias = [\"Lukashenko\"]    <- unknown-registry-key (did you mean `aliases`?)",
            ),
            UnexpectedTopLevel => (
                "unexpected-top-level",
                Warning,
                "anything in a registry other than `[[actor]]` tables; it is ignored",
                "A registry holds only `[[actor]]` tables. Other tables and keys at the top \
level are ignored.

    title = \"Belarus\"         <- unexpected-top-level
    [[actor]]
    ...",
            ),
            SelfAffiliation => (
                "self-affiliation",
                Warning,
                "an actor affiliated with itself",
                "`affiliation` names another actor; an actor's own id there is a slip.

    id = \"makei\"
    affiliation = \"makei\"     <- self-affiliation",
            ),
            InvalidLink => (
                "invalid-link",
                Warning,
                "a link that is not an `http(s)://` address",
                "`links` are addresses an editor can open.

    links = [\"wikipedia.org/wiki/Vladimir_Makei\"]           <- invalid-link
    links = [\"https://en.wikipedia.org/wiki/Vladimir_Makei\"]",
            ),
            ConfigSyntax => (
                "config-syntax",
                Error,
                "`dateline.toml` is not valid TOML or has a key it does not know; the defaults stay in force",
                "The configuration could not be read, at the place shown; until it can, every \
setting has its default value. Known tables and keys: `[claims]` with `cues`, \
`extra-cues`, `ignore-cues`, `date-scope`, `events` (and its old name `actor-actions`); \
`[corpus]` with \
`registries` and `include`; `[cache]` with `folder`; `[server]` with `claims-limit-mb` \
and `diagnostics-per-file`.

    [claims]
    date_scope = \"sentence\"   <- config-syntax: the key is `date-scope`",
            ),
            SkippedFile => (
                "skipped-file",
                Warning,
                "a binary, non-UTF-8, oversized or unreadable file that was not checked",
                "A file the corpus includes could not be read as an article's text: it contains \
NUL bytes, is not valid UTF-8 (the message gives the offset of the first bad byte), is \
larger than 64 MiB, or could not be read. The rest of the corpus is checked.

    notes/scan.article:1:1: warning[skipped-file]: skipped: not valid UTF-8 (first bad byte at offset 1042)",
            ),
            FindingsNotShown => (
                "findings-not-shown",
                Information,
                "the editor is shown part of a file's findings: it has more than `[server] diagnostics-per-file`",
                "An editor slows down, and its problems list stops being read, long before a file's \
findings reach the tens of thousands (a book-length article has that many). Past \
`[server] diagnostics-per-file` in `dateline.toml` (10,000 by default), the language \
server shows that many of them, chosen by severity (errors, then warnings, then notes and \
hints) and listed in the order of the text, and this note at the file's start says how \
many there are. `dateline check FILE` lists every \
one of them; the limit can be raised.

    book.article:1:1: information[findings-not-shown]: 35,412 findings; the editor is shown 10,000, the most severe first",
            ),
        };
        CodeInfo {
            code,
            severity,
            summary,
            explanation,
        }
    }
}

impl std::fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The (code, severity) pairs of the README's table of diagnostics: its first column
    /// lists codes in backticks, its second their severity.
    fn readme_table() -> BTreeSet<(String, String)> {
        let readme = include_str!("../README.md");
        let table = readme
            .split("### Diagnostics")
            .nth(1)
            .expect("the README has a Diagnostics section");
        let mut pairs = BTreeSet::new();
        for row in table.lines().skip_while(|line| !line.starts_with('|')) {
            let Some(row) = row.strip_prefix('|') else {
                break;
            };
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            if cells[0] == "code" || cells[0].starts_with("---") {
                continue;
            }
            // Each entry is a code in backticks, perhaps followed by when it has this
            // severity: "`missing-field` (no `kind`: `other` is assumed)".
            for entry in cells[0].split(',') {
                let code = entry.split('`').nth(1).unwrap_or(entry.trim());
                pairs.insert((code.to_string(), cells[1].to_string()));
            }
        }
        pairs
    }

    #[test]
    fn the_readme_table_lists_every_code_of_the_catalogue_with_its_severity() {
        let catalogue: BTreeSet<(String, String)> = DiagnosticCode::ALL
            .iter()
            .flat_map(|code| {
                let others = code
                    .other_severities()
                    .iter()
                    .map(|(severity, _)| *severity);
                std::iter::once(code.default_severity())
                    .chain(others)
                    .map(|severity| (code.as_str().to_string(), severity.as_str().to_string()))
            })
            .collect();
        let readme = readme_table();
        assert!(readme.len() > 20, "{readme:?}");
        let missing: Vec<_> = catalogue.difference(&readme).collect();
        let unknown: Vec<_> = readme.difference(&catalogue).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "not in the README: {missing:?}; not in the catalogue: {unknown:?}"
        );
        // A code listed under a second severity says when, in the catalogue's words.
        let readme = include_str!("../README.md");
        for code in DiagnosticCode::ALL {
            for (_, when) in code.other_severities() {
                let entry = format!("`{}` ({when})", code.as_str());
                assert!(readme.contains(&entry), "the README lacks {entry}");
            }
        }
    }

    #[test]
    fn every_code_is_kebab_case_and_explained_with_an_example() {
        for code in DiagnosticCode::ALL {
            let info = code.info();
            assert!(
                info.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{code:?}"
            );
            assert!(!info.summary.contains('\n'), "{code:?}");
            // Examples are indented by four spaces, as in rustc's explanations.
            assert!(info.explanation.contains("\n    "), "{code:?}");
            assert_eq!(DiagnosticCode::named(info.code).count(), {
                if info.code == "invalid-kind" {
                    2
                } else {
                    1
                }
            });
        }
    }
}
