//! Inline syntax of the body: citations `[@a; @b]` and annotations `{date: 2022-10-08}`,
//! `{undated-ok}`. Anything that does not match exactly is ordinary text.

use super::{Annotation, AnnotationKind, Citation, CitedId};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::temporal::CalendarDate;
use crate::text::TextRange;

pub(crate) struct Inline {
    pub citations: Vec<Citation>,
    pub annotations: Vec<Annotation>,
    pub diagnostics: Vec<Diagnostic>,
}

fn is_id_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b':' | b'/')
}

/// Spaces and tabs only, so that an annotation or citation never spans lines.
fn skip_space(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// Finds citations and annotations in `text[start..end]`. Every attempt stops at the
/// first byte that cannot continue it, and such a byte is never `[` or `{`, so the scan
/// is linear in the length of the text.
pub(crate) fn scan(text: &str, start: usize, end: usize) -> Inline {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut out = Inline {
        citations: Vec::new(),
        annotations: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut i = start;
    while i < end {
        // Markup starts at a bracket or a brace; `memchr` finds the next one.
        match memchr::memchr2(b'[', b'{', &bytes[i..end]) {
            Some(offset) => i += offset,
            None => break,
        }
        match bytes[i] {
            b'[' => match citation(text, i, end) {
                Some((citation, next)) => {
                    out.citations.push(citation);
                    i = next;
                }
                None => i += 1,
            },
            b'{' => match annotation(text, i, end, &mut out.diagnostics) {
                Some((annotation, next)) => {
                    out.annotations.push(annotation);
                    i = next;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out
}

/// `[` ws `@id` (ws `;` ws `@id`)* ws `]`, starting at `open`.
fn citation(text: &str, open: usize, end: usize) -> Option<(Citation, usize)> {
    let bytes = text.as_bytes();
    let mut i = open + 1;
    let mut ids = Vec::new();
    loop {
        i = skip_space(bytes, i, end);
        if bytes.get(i) != Some(&b'@') || i >= end {
            return None;
        }
        let id_start = i + 1;
        i = id_start;
        while i < end && is_id_char(bytes[i]) {
            i += 1;
        }
        if i == id_start {
            return None;
        }
        ids.push(CitedId {
            id: text.get(id_start..i)?.into(),
            range: TextRange::new(id_start, i),
        });
        i = skip_space(bytes, i, end);
        match bytes.get(i) {
            Some(b';') if i < end => i += 1,
            Some(b']') if i < end => {
                // Most cite one id: the four a first push makes room for were most of
                // what an index of 10,000 articles held of their citations.
                let citation = Citation {
                    range: TextRange::new(open, i + 1),
                    ids: ids.into_boxed_slice(),
                };
                return Some((citation, i + 1));
            }
            _ => return None,
        }
    }
}

/// `{date: VALUE}` or `{undated-ok}` (keywords case-insensitive, spaces allowed inside
/// the braces), starting at `open`. The value runs to the closing brace on the same line.
fn annotation(
    text: &str,
    open: usize,
    end: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Annotation, usize)> {
    let bytes = text.as_bytes();
    let inner_start = open + 1;
    let mut close = inner_start;
    while close < end && !matches!(bytes[close], b'}' | b'{' | b'\n' | b'\r') {
        close += 1;
    }
    if close >= end || bytes[close] != b'}' {
        return None;
    }
    let inner = text.get(inner_start..close)?;
    let trimmed = inner.trim();
    let range = TextRange::new(open, close + 1);
    if trimmed.eq_ignore_ascii_case("undated-ok") {
        let annotation = Annotation {
            range,
            kind: AnnotationKind::UndatedOk,
        };
        return Some((annotation, close + 1));
    }
    let lead = inner.len() - inner.trim_start().len();
    let keyword = trimmed.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = trimmed.get(4..)?;
    let colon_rel = rest.len() - rest.trim_start().len();
    if !rest.get(colon_rel..)?.starts_with(':') {
        return None;
    }
    let value_start_rel = lead + 4 + colon_rel + 1;
    let value_raw = inner.get(value_start_rel..)?;
    let value_lead = value_raw.len() - value_raw.trim_start().len();
    let value = value_raw.trim();
    let value_start = inner_start + value_start_rel + value_lead;
    let value_range = TextRange::new(value_start, value_start + value.len());
    let date = match CalendarDate::parse_iso(value) {
        Ok(date) => Some(date),
        Err(error) => {
            let (at, message) = if value.is_empty() {
                (
                    range,
                    "the `{date: ...}` annotation has no date".to_string(),
                )
            } else {
                (
                    value_range,
                    format!("`{value}` is not a valid date: {error}"),
                )
            };
            diagnostics.push(Diagnostic::error(at, DiagnosticCode::InvalidDate, message));
            None
        }
    };
    let annotation = Annotation {
        range,
        kind: AnnotationKind::Date(date),
    };
    Some((annotation, close + 1))
}
