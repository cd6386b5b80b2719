//! The YAML front matter of Markdown notes, read as a header: the small subset of YAML
//! that note-keeping tools and static-site generators write (`key: value`, quoted
//! scalars, lists of tags), with every range exact. Richer YAML is never guessed at: under
//! a key dateline does not read it is kept as an unknown key, under one it reads it is a
//! warning on its line.

use super::lines::{trim_range, Line};
use super::HeaderField;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::text::TextRange;

/// The header keys dateline reads (compared case-insensitively).
const KNOWN_KEYS: &[&str] = &[
    "source", "date", "title", "url", "id", "kind", "author", "language", "tags", "lint",
];

/// What a key's value turned out to be.
enum Value {
    /// A scalar or a list (its items joined with `, `, as the header's comma lists are
    /// read), with the range it was read from.
    Read(String, TextRange),
    /// YAML that dateline does not read, and why, in words for the warning.
    Unread(&'static str),
}

/// Where the key of a top-level `key: value` line ends and its value starts: the key
/// starts the line with a letter followed by letters, digits, `-` or `_`, and the colon
/// is followed by white space or the end of the line.
pub(crate) fn key_of(text: &str, line: &Line) -> Option<(TextRange, usize)> {
    let content = line.text(text);
    let colon = content.find(':')?;
    let key = &content[..colon];
    let mut chars = key.chars();
    if !chars.next()?.is_alphabetic() || !chars.all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let after = &content[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    Some((
        TextRange::new(line.start, line.start + colon),
        line.start + colon + 1,
    ))
}

/// Whether a line carries on the key above it: indented, a `- item` of a block list, or
/// blank or a comment (which carry nothing but do not end it either).
fn continues(text: &str, line: &Line) -> bool {
    let content = line.text(text);
    content.starts_with([' ', '\t', '-']) || is_blank_or_comment(content)
}

fn is_blank_or_comment(content: &str) -> bool {
    let trimmed = content.trim();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// Reads the lines between the fences into `fields`, warning about what is not read.
pub(crate) fn read_block(
    text: &str,
    lines: &[Line],
    fields: &mut Vec<HeaderField>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        at += 1;
        if is_blank_or_comment(line.text(text)) {
            continue;
        }
        let Some((key_range, value_start)) = key_of(text, &line) else {
            let (start, end) = trim_range(text, line.start, line.end);
            let message = if line.text(text).starts_with([' ', '\t', '-']) {
                "this line of the front matter belongs to no `key:` above it; it is ignored"
            } else {
                "this line of the front matter is not `key: value`; it is ignored"
            };
            diagnostics.push(Diagnostic::warning(
                TextRange::new(start, end),
                DiagnosticCode::MalformedHeaderLine,
                message,
            ));
            continue;
        };
        let from = at;
        while at < lines.len() && continues(text, &lines[at]) {
            at += 1;
        }
        let nested: Vec<Line> = lines[from..at]
            .iter()
            .filter(|l| !is_blank_or_comment(l.text(text)))
            .copied()
            .collect();
        let key = key_range.slice(text);
        let known = KNOWN_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key));
        let (first_start, first_end) = trim_range(text, value_start, line.end);
        let value = read_value(text, first_start, first_end, &nested);
        let (value, value_range) = match value {
            Value::Read(value, range) if key.eq_ignore_ascii_case("date") => {
                date_of_timestamp(value, range)
            }
            Value::Read(value, range) => (value, range),
            Value::Unread(what) => {
                if known {
                    let last = nested.last().map_or(line.end, |l| l.end);
                    let (start, end) = trim_range(text, key_range.start, last);
                    diagnostics.push(Diagnostic::warning(
                        TextRange::new(start, end),
                        DiagnosticCode::MalformedHeaderLine,
                        format!(
                            "the value of `{key}` is {what}, which dateline does not read; \
                             write `{key}: value` on one line"
                        ),
                    ));
                    (String::new(), TextRange::empty(first_end))
                } else {
                    // Kept as written on its line, like any key dateline does not know.
                    let range = TextRange::new(first_start, first_end);
                    (range.slice(text).to_string(), range)
                }
            }
        };
        fields.push(HeaderField {
            key: key.into(),
            key_range,
            value: value.into(),
            value_range,
        });
    }
}

/// The value starting at `text[start..end]` (the rest of the key's line, trimmed), with
/// the lines that carry on under the key.
fn read_value(text: &str, start: usize, end: usize, nested: &[Line]) -> Value {
    // A value that starts with `#` is a comment: YAML reads the key as empty.
    let first = &text[start..end];
    let first = if first.starts_with('#') { "" } else { first };
    if first.is_empty() {
        if nested.is_empty() {
            return Value::Read(String::new(), TextRange::empty(end));
        }
        return block_list(text, nested).unwrap_or(Value::Unread("a nested map"));
    }
    if !nested.is_empty() {
        return Value::Unread("continued on the next lines");
    }
    match first.as_bytes()[0] {
        b'[' => {
            flow_list(text, start, end).unwrap_or(Value::Unread("a list not closed on its line"))
        }
        b'|' | b'>' => Value::Unread("a multi-line block scalar"),
        b'&' | b'*' => Value::Unread("an anchor or alias"),
        b'!' => Value::Unread("a tagged value"),
        b'{' => Value::Unread("a nested map"),
        _ => match scalar(text, start, end) {
            Some((value, range, rest)) if is_blank_or_comment(&text[rest..end]) => {
                Value::Read(value, range)
            }
            Some(_) => Value::Unread("a quoted string followed by more text"),
            None => Value::Unread("a quoted string not closed on its line"),
        },
    }
}

/// A scalar at `text[start..end]` (trimmed): quoted (`"..."` with `\"` and `\\`
/// unescaped, `'...'` with `''`) or plain (up to a ` #` comment). Returns its value, its
/// range (inside the quotes) and where the text after it starts; `None` for an unclosed
/// quote.
fn scalar(text: &str, start: usize, end: usize) -> Option<(String, TextRange, usize)> {
    let slice = &text[start..end];
    let quote = slice.chars().next().filter(|c| *c == '"' || *c == '\'');
    let Some(quote) = quote else {
        let plain_end = slice
            .find(" #")
            .or_else(|| slice.find("\t#"))
            .unwrap_or(slice.len());
        let (s, e) = trim_range(text, start, start + plain_end);
        return Some((text[s..e].to_string(), TextRange::new(s, e), end));
    };
    let mut value = String::new();
    let mut chars = slice.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|(_, next)| *next == '\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            return Some((value, TextRange::new(start + 1, start + at), start + at + 1));
        }
        if quote == '"' && c == '\\' {
            if let Some((_, next)) = chars.next_if(|(_, next)| *next == '"' || *next == '\\') {
                value.push(next);
                continue;
            }
        }
        value.push(c);
    }
    None
}

/// `[a, "b", c]` on one line; `None` when the `]` is not on the line.
fn flow_list(text: &str, start: usize, end: usize) -> Option<Value> {
    let slice = &text[start..end];
    // The closing bracket: the last `]` before a comment, if any.
    let close = match slice.find(" #") {
        Some(comment) => slice[..comment].trim_end().len(),
        None => slice.len(),
    };
    if close < 2 || !slice[..close].ends_with(']') {
        return None;
    }
    let (inner_start, inner_end) = (start + 1, start + close - 1);
    let mut items = Vec::new();
    let mut item_start = inner_start;
    let mut quote: Option<char> = None;
    for (offset, c) in text[inner_start..inner_end].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                items.push((item_start, inner_start + offset));
                item_start = inner_start + offset + 1;
            }
            (None, '[' | '{') => return Some(Value::Unread("a list of lists or maps")),
            _ => {}
        }
    }
    items.push((item_start, inner_end));
    let mut values = Vec::new();
    for (item_start, item_end) in items {
        let (s, e) = trim_range(text, item_start, item_end);
        if s == e {
            continue;
        }
        match scalar(text, s, e) {
            Some((value, _, _)) => values.push(value),
            None => return Some(Value::Unread("a list with an unclosed quote")),
        }
    }
    let (s, e) = trim_range(text, inner_start, inner_end);
    Some(Value::Read(values.join(", "), TextRange::new(s, e)))
}

/// `- item` lines; `None` when a line is not one.
fn block_list(text: &str, nested: &[Line]) -> Option<Value> {
    let mut values = Vec::new();
    let mut range: Option<TextRange> = None;
    for line in nested {
        let (start, end) = trim_range(text, line.start, line.end);
        let item = &text[start..end];
        if !(item == "-" || item.starts_with("- ") || item.starts_with("-\t")) {
            return None;
        }
        let (s, e) = trim_range(text, start + 1, end);
        if s == e {
            continue;
        }
        match text.as_bytes()[s] {
            b'[' | b'{' | b'|' | b'>' | b'&' | b'*' | b'!' => {
                return Some(Value::Unread("a list of lists, maps or tagged values"))
            }
            _ => {}
        }
        match scalar(text, s, e) {
            Some((value, item_range, _)) => {
                values.push(value);
                range = Some(match range {
                    Some(range) => TextRange::new(range.start, item_range.end),
                    None => item_range,
                });
            }
            None => return Some(Value::Unread("a list with an unclosed quote")),
        }
    }
    let range = range.unwrap_or(TextRange::empty(nested[0].start));
    Some(Value::Read(values.join(", "), range))
}

/// A timestamp (`2022-10-15T08:00:00Z`, or with a space) read as its date: the header
/// date is a calendar date. Only an unescaped value, whose text is its range, is cut.
fn date_of_timestamp(value: String, range: TextRange) -> (String, TextRange) {
    let bytes = value.as_bytes();
    let is_timestamp = value.len() > 10
        && value.len() == range.end - range.start
        && matches!(bytes[10], b'T' | b't' | b' ')
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if is_timestamp {
        (
            value[..10].to_string(),
            TextRange::new(range.start, range.start + 10),
        )
    } else {
        (value, range)
    }
}
