//! Reading one `actors.toml`: TOML parsed with the byte span of every key and value,
//! each `[[actor]]` table checked field by field, problems reported where they stand.

use std::collections::HashMap;
use std::ops::Range;

use toml_edit::{ImDocument, Item, TableLike, Value};

use super::{Actor, ActorKind, Registry, Spanned};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::text::TextRange;
use crate::toml_unclosed;

/// The keys an `[[actor]]` table may have.
pub(super) const ACTOR_KEYS: [&str; 8] = [
    "id",
    "name",
    "kind",
    "aliases",
    "role",
    "affiliation",
    "description",
    "links",
];

pub(super) fn parse(text: &str) -> Registry {
    let document = match ImDocument::parse(text) {
        Ok(document) => document,
        Err(error) => {
            return Registry {
                actors: Vec::new(),
                diagnostics: vec![syntax_error(text, error.span(), error.message())],
            }
        }
    };
    let mut reader = Reader {
        text,
        actors: Vec::new(),
        diagnostics: Vec::new(),
        ids: HashMap::new(),
        forms: HashMap::new(),
    };
    let root = document.as_table();
    for (key, item) in root.iter() {
        let key_range = span_or(root.key(key).and_then(|k| k.span()), item.span(), 0..0);
        if key != "actor" {
            reader.diagnostics.push(Diagnostic::warning(
                key_range,
                DiagnosticCode::UnexpectedTopLevel,
                format!(
                    "`{key}` is not part of a registry and is ignored; a registry holds only `[[actor]]` tables"
                ),
            ));
            continue;
        }
        match item {
            Item::ArrayOfTables(tables) => {
                for table in tables.iter() {
                    let whole = span_or(table.span(), None, key_range.start..key_range.end);
                    let header = header_range(text, whole);
                    reader.actor(table, whole, header);
                }
            }
            Item::Table(table) => {
                let whole = span_or(table.span(), None, key_range.start..key_range.end);
                let header = header_range(text, whole);
                reader.diagnostics.push(Diagnostic::warning(
                    header,
                    DiagnosticCode::WrongType,
                    "`[actor]` defines a single table; write `[[actor]]` (two brackets) for each actor",
                ));
                reader.actor(table, whole, header);
            }
            Item::Value(Value::Array(array)) => {
                // `actor = [{ id = ..., name = ... }, ...]` means the same as a list of
                // `[[actor]]` tables, so it is read the same way.
                for value in array.iter() {
                    let range = span_or(value.span(), None, key_range.start..key_range.end);
                    match value.as_inline_table() {
                        Some(table) => reader.actor(table, range, range),
                        None => reader.diagnostics.push(Diagnostic::error(
                            range,
                            DiagnosticCode::WrongType,
                            format!("an actor must be a table, found {}", value.type_name()),
                        )),
                    }
                }
            }
            other => reader.diagnostics.push(Diagnostic::error(
                span_or(other.span(), None, key_range.start..key_range.end),
                DiagnosticCode::WrongType,
                format!(
                    "`actor` must be a list of `[[actor]]` tables, found {}",
                    other.type_name()
                ),
            )),
        }
    }
    // Text order, as a reader goes through the file (the sort is stable, so problems
    // at one place keep the order they were found in).
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| d.range.start);
    Registry {
        actors: reader.actors,
        diagnostics,
    }
}

/// The `registry-syntax` diagnostic for a TOML error. An empty span is widened to the
/// character it stands before, so that editors have something to underline.
///
/// When a construct opened earlier (an array, an inline table, a string, a table header)
/// is never closed, the diagnostic stands on its opening delimiter instead, since that is
/// where the mistake is; the parser's message is kept with the line it stopped on.
fn syntax_error(text: &str, span: Option<Range<usize>>, message: &str) -> Diagnostic {
    let span = span.unwrap_or(0..0);
    let mut range = TextRange::new(span.start.min(text.len()), span.end.min(text.len()));
    let detail = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    // When the very first statement already fails, the file is most likely not TOML at
    // all (a pasted list, Markdown, JSON): say so rather than only quoting the parser.
    let before = text.get(..range.start).unwrap_or("");
    let earlier_lines = before.rsplit_once('\n').map_or("", |(lines, _)| lines);
    let nothing_before = earlier_lines
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let (unclosed, detail) = toml_unclosed::locate_syntax_error(text, range.start, &detail);
    if let Some(unclosed) = unclosed {
        let message = format!("TOML syntax error: {detail}");
        return Diagnostic::error(unclosed, DiagnosticCode::RegistrySyntax, message);
    }
    if range.is_empty() {
        if let Some(c) = text.get(range.start..).and_then(|s| s.chars().next()) {
            if c != '\n' && c != '\r' {
                range.end = range.start + c.len_utf8();
            }
        }
    }
    let message = if nothing_before {
        format!(
            "this registry is not valid TOML ({detail}); a registry is a list of `[[actor]]` tables with `key = \"value\"` lines"
        )
    } else {
        format!("TOML syntax error: {detail}")
    };
    Diagnostic::error(range, DiagnosticCode::RegistrySyntax, message)
}

struct Reader<'t> {
    text: &'t str,
    actors: Vec<std::sync::Arc<Actor>>,
    diagnostics: Vec<Diagnostic>,
    /// Ids of the actors kept so far, with where they are defined.
    ids: HashMap<String, TextRange>,
    /// Every form kept so far (trimmed) with the id of its actor and where it is written.
    forms: HashMap<String, (String, TextRange)>,
}

impl Reader<'_> {
    fn actor(&mut self, table: &dyn TableLike, whole: TextRange, header: TextRange) {
        let mut id: Option<Spanned> = None;
        let mut name: Option<Spanned> = None;
        let mut kind: Option<ActorKind> = None;
        let mut aliases = Vec::new();
        let mut role = None;
        let mut affiliation = None;
        let mut description = None;
        let mut links = Vec::new();
        let mut has_id = false;
        let mut has_name = false;
        for (key, item) in table.iter() {
            let key_range = span_or(
                table.key(key).and_then(|k| k.span()),
                item.span(),
                header.start..header.end,
            );
            match key {
                "id" => {
                    has_id = true;
                    id = self.string(key, item, key_range);
                }
                "name" => {
                    has_name = true;
                    name = self.string(key, item, key_range);
                }
                "kind" => {
                    if let Some(value) = self.string(key, item, key_range) {
                        kind = Some(ActorKind::parse(&value.value).unwrap_or_else(|| {
                            self.diagnostics.push(Diagnostic::error(
                                value.range,
                                DiagnosticCode::InvalidActorKind,
                                format!(
                                    "unknown kind `{}`; expected one of {}",
                                    value.value,
                                    ActorKind::ALL.map(ActorKind::as_str).join(", ")
                                ),
                            ));
                            ActorKind::Other
                        }));
                    } else {
                        kind = Some(ActorKind::Other);
                    }
                }
                "aliases" => aliases = self.strings(key, item, key_range),
                "role" => role = self.string(key, item, key_range).map(|s| s.value),
                "affiliation" => affiliation = self.string(key, item, key_range),
                "description" => {
                    description = self.string(key, item, key_range).map(|s| s.value);
                }
                "links" => links = self.strings(key, item, key_range),
                _ => {
                    let hint = match suggest(key) {
                        Some(known) => format!("; did you mean `{known}`?"),
                        None => format!("; known keys: {}", ACTOR_KEYS.join(", ")),
                    };
                    self.diagnostics.push(Diagnostic::warning(
                        key_range,
                        DiagnosticCode::UnknownRegistryKey,
                        format!("`{key}` is not an actor key and is ignored{hint}"),
                    ));
                }
            }
        }

        if !has_id {
            self.diagnostics.push(Diagnostic::error(
                header,
                DiagnosticCode::MissingField,
                "this actor has no `id`; it is ignored until it has one",
            ));
        }
        if !has_name {
            self.diagnostics.push(Diagnostic::error(
                header,
                DiagnosticCode::MissingField,
                "this actor has no `name`; it is ignored until it has one",
            ));
        }
        if kind.is_none() && (has_id || has_name) {
            self.diagnostics.push(Diagnostic::warning(
                header,
                DiagnosticCode::MissingField,
                format!(
                    "this actor has no `kind`; `other` is assumed (one of {})",
                    ActorKind::ALL.map(ActorKind::as_str).join(", ")
                ),
            ));
        }
        if let Some(id) = &id {
            if id.value.is_empty() {
                self.diagnostics.push(Diagnostic::error(
                    id.range,
                    DiagnosticCode::InvalidId,
                    "the id is empty: use lowercase letters, digits and `-` (e.g. `lukashenka`)",
                ));
            } else if !is_valid_id(&id.value) {
                self.diagnostics.push(Diagnostic::error(
                    id.range,
                    DiagnosticCode::InvalidId,
                    format!(
                        "`{}` is not a valid id: use lowercase letters, digits and `-` only (e.g. `{}`)",
                        id.value,
                        slug(&id.value)
                    ),
                ));
            }
        }
        if let Some(name) = &name {
            if name.value.trim().is_empty() {
                self.diagnostics.push(Diagnostic::error(
                    name.range,
                    DiagnosticCode::MissingField,
                    "`name` is empty; the actor is ignored until it has one",
                ));
            }
        }
        if let (Some(id), Some(affiliation)) = (&id, &affiliation) {
            if id.value == affiliation.value {
                self.diagnostics.push(Diagnostic::warning(
                    affiliation.range,
                    DiagnosticCode::SelfAffiliation,
                    "an actor cannot be affiliated with itself",
                ));
            }
        }
        // Empty aliases would match nothing (or everything): report and drop them.
        aliases.retain(|alias: &Spanned| {
            let keep = !alias.value.trim().is_empty();
            if !keep {
                self.diagnostics.push(Diagnostic::warning(
                    alias.range,
                    DiagnosticCode::EmptyAlias,
                    "empty alias; it is ignored",
                ));
            }
            keep
        });
        for link in &links {
            if !(link.value.starts_with("https://") || link.value.starts_with("http://")) {
                self.diagnostics.push(Diagnostic::warning(
                    link.range,
                    DiagnosticCode::InvalidLink,
                    "a link should be an `https://` address",
                ));
            }
        }

        let (Some(id), Some(name)) = (id, name) else {
            return;
        };
        if name.value.trim().is_empty() {
            return;
        }
        if let Some(first) = self.ids.get(&id.value) {
            self.diagnostics.push(Diagnostic::error(
                id.range,
                DiagnosticCode::DuplicateActorId,
                format!(
                    "the id `{}` is already used by the actor on line {}; this one is ignored",
                    id.value,
                    line_of(self.text, first.start)
                ),
            ));
            return;
        }
        self.ids.insert(id.value.clone(), id.range);

        for form in std::iter::once(&name).chain(aliases.iter()) {
            let key = form.value.trim();
            match self.forms.get(key) {
                Some((owner, first)) if *owner == id.value => {
                    self.diagnostics.push(Diagnostic::new(
                        form.range,
                        Severity::Hint,
                        DiagnosticCode::DuplicateAlias,
                        format!(
                            "`{key}` is already listed for this actor (line {})",
                            line_of(self.text, first.start)
                        ),
                    ));
                }
                Some((owner, first)) => {
                    self.diagnostics.push(Diagnostic::warning(
                        form.range,
                        DiagnosticCode::DuplicateAlias,
                        format!(
                            "`{key}` is already a name or alias of `{owner}` (line {}); mentions of it go to `{owner}`",
                            line_of(self.text, first.start)
                        ),
                    ));
                }
                None => {
                    self.forms
                        .insert(key.to_owned(), (id.value.clone(), form.range));
                }
            }
        }

        self.actors.push(std::sync::Arc::new(Actor {
            id,
            name,
            kind: kind.unwrap_or(ActorKind::Other),
            aliases,
            role,
            affiliation,
            description,
            links: links.into_iter().map(|l| l.value).collect(),
            range: whole,
        }));
    }

    /// A string field, or a `wrong-type` error and `None`.
    fn string(&mut self, key: &str, item: &Item, key_range: TextRange) -> Option<Spanned> {
        let range = span_or(item.span(), None, key_range.start..key_range.end);
        match item.as_str() {
            Some(value) => Some(Spanned {
                value: value.to_owned(),
                range,
            }),
            None => {
                self.diagnostics.push(Diagnostic::error(
                    range,
                    DiagnosticCode::WrongType,
                    format!("`{key}` must be a string, found {}", item.type_name()),
                ));
                None
            }
        }
    }

    /// An array-of-strings field: the strings it holds, a `wrong-type` error for anything
    /// else (the whole value when it is not an array, each bad element otherwise).
    fn strings(&mut self, key: &str, item: &Item, key_range: TextRange) -> Vec<Spanned> {
        let range = span_or(item.span(), None, key_range.start..key_range.end);
        let Some(array) = item.as_array() else {
            let example = if item.is_str() {
                format!(" (write `{key} = [\"...\"]`)")
            } else {
                String::new()
            };
            self.diagnostics.push(Diagnostic::error(
                range,
                DiagnosticCode::WrongType,
                format!(
                    "`{key}` must be an array of strings, found {}{example}",
                    item.type_name()
                ),
            ));
            return Vec::new();
        };
        let mut strings = Vec::new();
        for value in array.iter() {
            let element = span_or(value.span(), None, range.start..range.end);
            match value.as_str() {
                Some(s) => strings.push(Spanned {
                    value: s.to_owned(),
                    range: element,
                }),
                None => self.diagnostics.push(Diagnostic::error(
                    element,
                    DiagnosticCode::WrongType,
                    format!(
                        "`{key}` must hold only strings, found {}",
                        value.type_name()
                    ),
                )),
            }
        }
        strings
    }
}

/// The first available span as a range (toml_edit gives spans for everything it parsed,
/// but the types allow `None`, so there is always a fallback).
fn span_or(
    first: Option<Range<usize>>,
    second: Option<Range<usize>>,
    fallback: Range<usize>,
) -> TextRange {
    let span = first.or(second).unwrap_or(fallback);
    TextRange::new(span.start, span.end)
}

/// The `[[actor]]` header of a table whose span starts at the header: up to the closing
/// brackets, or to the end of the line.
fn header_range(text: &str, whole: TextRange) -> TextRange {
    let rest = text.get(whole.start..whole.end).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    let len = match line.find("]]") {
        Some(at) => at + 2,
        None => line.find(']').map_or(line.trim_end().len(), |at| at + 1),
    };
    TextRange::new(whole.start, whole.start + len)
}

/// `[a-z0-9-]+`, which keeps ids stable in citations, URLs and file names.
pub(super) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid id close to `s`, for the `invalid-id` message.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "actor-id".to_owned()
    } else {
        out
    }
}

/// The known key an unknown one is probably a typo of.
fn suggest(key: &str) -> Option<&'static str> {
    let lower = key.to_lowercase();
    ACTOR_KEYS
        .iter()
        .copied()
        .find(|known| *known == lower)
        .or_else(|| {
            ACTOR_KEYS
                .iter()
                .copied()
                .map(|known| (edit_distance(&lower, known), known))
                .filter(|(d, known)| *d <= 2 && *d < known.len())
                .min_by_key(|(d, _)| *d)
                .map(|(_, known)| known)
        })
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// 1-based line of a byte offset, for messages that point at another place in the file.
fn line_of(text: &str, offset: usize) -> usize {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    1 + before.bytes().filter(|b| *b == b'\n').count()
}
