//! The header block: `Key: value` lines, bare (ending at the first blank line) or fenced
//! by `---` lines, or a Markdown note's YAML front matter, and the diagnostics about it
//! (missing, invalid or duplicate fields).

use super::front_matter;
use super::lines::{lines_from, trim_range, Line};
use super::{Header, HeaderField, Syntax};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::temporal::CalendarDate;
use crate::text::TextRange;
use std::collections::HashMap;

/// The header, where the body starts, and the header's diagnostics.
pub(crate) struct ParsedHeader {
    pub header: Header,
    pub body_start: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// `Key: value` where the key is a letter followed by letters, digits, `-` or `_`, and
/// the colon is followed by white space or the end of the line (so that `https://...`
/// or `10:30` at the start of a body is not taken for a field).
fn parse_field(text: &str, line: &Line) -> Option<HeaderField> {
    let content = line.text(text);
    let colon = content.find(':')?;
    let key = &content[..colon];
    let mut chars = key.chars();
    if !chars.next()?.is_alphabetic() {
        return None;
    }
    if !chars.all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let after = &content[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let key_start = line.start;
    let (value_start, value_end) = trim_range(text, line.start + colon + 1, line.end);
    Some(HeaderField {
        key: key.into(),
        key_range: TextRange::new(key_start, key_start + colon),
        value: text.get(value_start..value_end).unwrap_or("").into(),
        value_range: TextRange::new(value_start, value_end),
    })
}

fn is_fence(text: &str, line: &Line) -> bool {
    line.text(text).trim_end() == "---"
}

/// Parses the header block at the start of `text` (after `from`, which skips a BOM).
pub(crate) fn parse_header(text: &str, from: usize, syntax: Syntax) -> ParsedHeader {
    let lines = lines_from(text, from);
    let mut diagnostics = Vec::new();
    if syntax == Syntax::Markdown {
        return parse_front_matter(text, from, &lines, diagnostics);
    }
    let Some(first) = lines.iter().position(|line| !line.is_blank(text)) else {
        return no_header(text, from, &lines, diagnostics, Syntax::Article);
    };
    let mut header = Header::default();
    let body_start;
    if is_fence(text, &lines[first]) {
        let open = lines[first];
        match lines[first + 1..].iter().position(|l| is_fence(text, l)) {
            Some(offset) => {
                let close = lines[first + 1 + offset];
                for line in &lines[first + 1..first + 1 + offset] {
                    if line.is_blank(text) {
                        continue;
                    }
                    match parse_field(text, line) {
                        Some(field) => header.fields.push(field),
                        None => {
                            let (s, e) = trim_range(text, line.start, line.end);
                            diagnostics.push(Diagnostic::warning(
                                TextRange::new(s, e),
                                DiagnosticCode::MalformedHeaderLine,
                                "this line of the header block is not `Key: value`; it is ignored",
                            ));
                        }
                    }
                }
                header.range = TextRange::new(open.start, close.end);
                body_start = close.next;
            }
            None => {
                // No closing fence: read the `Key: value` lines that follow the opening
                // one as a bare block would be read, and let the body start after them,
                // so that a forgotten fence costs one warning and not the whole file.
                diagnostics.push(Diagnostic::warning(
                    TextRange::new(open.start, open.end),
                    DiagnosticCode::UnterminatedHeaderFence,
                    "the header block opened by `---` is never closed by another `---` line; \
                     the header ends at the first line that is not `Key: value`",
                ));
                let (end, next) = read_bare(text, &lines[first + 1..], &mut header);
                header.range = TextRange::new(open.start, end.unwrap_or(open.end));
                body_start = next.unwrap_or(open.next);
            }
        }
        header.fenced = true;
    } else if parse_field(text, &lines[first]).is_some() {
        let (end, next) = read_bare(text, &lines[first..], &mut header);
        header.range = TextRange::new(lines[first].start, end.unwrap_or(lines[first].end));
        body_start = next.unwrap_or(lines[first].next);
    } else {
        return no_header(text, from, &lines, diagnostics, Syntax::Article);
    }
    check_fields(&header, &mut diagnostics);
    ParsedHeader {
        header,
        body_start,
        diagnostics,
    }
}

/// A Markdown note's front matter: a `---` first line, YAML lines, a closing `---` line.
/// Without the first fence the note has no header (a note's first line is prose or a
/// heading, never taken for a field).
fn parse_front_matter(
    text: &str,
    from: usize,
    lines: &[Line],
    mut diagnostics: Vec<Diagnostic>,
) -> ParsedHeader {
    let Some(open) = lines.first().copied().filter(|line| is_fence(text, line)) else {
        return no_header(text, from, lines, diagnostics, Syntax::Markdown);
    };
    let mut header = Header {
        fenced: true,
        ..Header::default()
    };
    let body_start = match lines[1..].iter().position(|l| is_fence(text, l)) {
        Some(offset) => {
            let close = lines[1 + offset];
            front_matter::read_block(
                text,
                &lines[1..1 + offset],
                &mut header.fields,
                &mut diagnostics,
            );
            header.range = TextRange::new(open.start, close.end);
            close.next
        }
        None => {
            // As in an article: a forgotten fence costs one warning, and the front
            // matter ends at the first line that is not `key: value`.
            diagnostics.push(Diagnostic::warning(
                TextRange::new(open.start, open.end),
                DiagnosticCode::UnterminatedHeaderFence,
                "the front matter opened by `---` is never closed by another `---` line; \
                 it ends at the first line that is not `key: value`",
            ));
            let count = lines[1..]
                .iter()
                .take_while(|line| front_matter::key_of(text, line).is_some())
                .count();
            let read = &lines[1..1 + count];
            front_matter::read_block(text, read, &mut header.fields, &mut diagnostics);
            let last = read.last().unwrap_or(&open);
            header.range = TextRange::new(open.start, last.end);
            last.next
        }
    };
    check_fields(&header, &mut diagnostics);
    ParsedHeader {
        header,
        body_start,
        diagnostics,
    }
}

/// Reads consecutive `Key: value` lines; returns the end of the last one's content and
/// where the line after it starts (`None`, `None` when the first line is not a field).
fn read_bare(text: &str, lines: &[Line], header: &mut Header) -> (Option<usize>, Option<usize>) {
    let mut last = None;
    for line in lines {
        match parse_field(text, line) {
            Some(field) => {
                header.fields.push(field);
                last = Some(*line);
            }
            None => break,
        }
    }
    (last.map(|l| l.end), last.map(|l| l.next))
}

fn no_header(
    text: &str,
    from: usize,
    lines: &[Line],
    mut diagnostics: Vec<Diagnostic>,
    syntax: Syntax,
) -> ParsedHeader {
    // The missing-field diagnostics go on the first non-empty line: a zero-width range
    // at the start of the file is invisible in most editors.
    let at = lines
        .iter()
        .find(|line| !line.is_blank(text))
        .map(|line| {
            let (s, e) = trim_range(text, line.start, line.end);
            TextRange::new(s, e)
        })
        .unwrap_or(TextRange::empty(from.min(text.len())));
    let header = Header {
        fenced: false,
        range: TextRange::empty(0),
        fields: Vec::new(),
    };
    for (key, code) in [
        ("Source", DiagnosticCode::MissingSource),
        ("Date", DiagnosticCode::MissingDate),
    ] {
        let message = match syntax {
            Syntax::Article => format!("the file has no header block, so no `{key}:`; start the file with `Source: ...` and `Date: ...` lines"),
            Syntax::Markdown => format!("the note has no front matter, so no `{}:`; start the file with a `---` line, `source: ...` and `date: ...` lines and a closing `---` line", key.to_lowercase()),
        };
        diagnostics.push(Diagnostic::error(at, code, message));
    }
    ParsedHeader {
        header,
        body_start: from.min(text.len()),
        diagnostics,
    }
}

/// Required fields, the `Date` syntax, duplicate keys and `Kind`.
fn check_fields(header: &Header, diagnostics: &mut Vec<Diagnostic>) {
    for (key, code) in [
        ("Source", DiagnosticCode::MissingSource),
        ("Date", DiagnosticCode::MissingDate),
    ] {
        match header.get(key) {
            None => diagnostics.push(Diagnostic::error(
                header.range,
                code,
                format!("the header has no `{key}:` field"),
            )),
            Some(field) if field.value.is_empty() => diagnostics.push(Diagnostic::error(
                field.key_range,
                code,
                format!("the `{key}:` field is empty"),
            )),
            Some(_) => {}
        }
    }
    if let Some(field) = header.get("date") {
        if !field.value.is_empty() {
            if let Err(error) = CalendarDate::parse_iso(&field.value) {
                diagnostics.push(Diagnostic::error(
                    field.value_range,
                    DiagnosticCode::InvalidDate,
                    format!("`{}` is not a valid date: {error}", field.value),
                ));
            }
        }
    }
    // Keys seen so far (lowercased) → the first field with that key; a map keeps a
    // header of thousands of lines linear.
    let mut seen: HashMap<String, &HeaderField> = HashMap::new();
    for field in &header.fields {
        let key = field.key.to_lowercase();
        if let Some(first) = seen.get(&key) {
            diagnostics.push(Diagnostic::warning(
                field.key_range,
                DiagnosticCode::DuplicateHeaderKey,
                format!(
                    "`{}` is given twice; the first value (`{}`) is used",
                    field.key, first.value
                ),
            ));
        } else {
            seen.insert(key, field);
        }
    }
    if let Some(field) = header.get("kind") {
        if ArticleKind::from_value(&field.value).is_none() {
            diagnostics.push(Diagnostic::warning(
                field.value_range,
                DiagnosticCode::InvalidArticleKind,
                format!(
                    "`Kind` is `article` or `summary`, not `{}`; the file is read as an article",
                    field.value
                ),
            ));
        }
    }
}

/// What a file is, from its `Kind` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ArticleKind {
    /// A published article (the default).
    #[default]
    Article,
    /// A note written by the corpus keeper.
    Summary,
}

impl ArticleKind {
    /// `article` or `summary`, case-insensitively; `None` for anything else.
    pub fn from_value(value: &str) -> Option<Self> {
        let value = value.trim();
        if value.eq_ignore_ascii_case("article") {
            Some(ArticleKind::Article)
        } else if value.eq_ignore_ascii_case("summary") {
            Some(ArticleKind::Summary)
        } else {
            None
        }
    }
}

impl Header {
    pub fn source(&self) -> Option<&str> {
        self.value("source").filter(|v| !v.is_empty())
    }

    pub fn title(&self) -> Option<&str> {
        self.value("title").filter(|v| !v.is_empty())
    }

    pub fn url(&self) -> Option<&str> {
        self.value("url").filter(|v| !v.is_empty())
    }

    /// The `Id` field; the caller defaults it to the file name without extension.
    pub fn id(&self) -> Option<&str> {
        self.value("id").filter(|v| !v.is_empty())
    }

    /// The `Kind`; an absent or unknown value reads as [`ArticleKind::Article`].
    pub fn kind(&self) -> ArticleKind {
        self.value("kind")
            .and_then(ArticleKind::from_value)
            .unwrap_or_default()
    }

    /// The `Tags`, split at commas and trimmed, empty ones dropped.
    pub fn tags(&self) -> Vec<&str> {
        self.value("tags")
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether a `Lint:` field (any of them; a comma-separated list) names `code`,
    /// case-insensitively: `Lint: undated-ok` silences undated claims for the file.
    pub fn lint_allows(&self, code: &str) -> bool {
        self.fields
            .iter()
            .filter(|f| f.key.eq_ignore_ascii_case("lint"))
            .flat_map(|f| f.value.split(','))
            .any(|item| item.trim().eq_ignore_ascii_case(code))
    }

    /// `Lint: undated-ok`.
    pub fn undated_ok(&self) -> bool {
        self.lint_allows("undated-ok")
    }
}
