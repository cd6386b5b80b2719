//! Between the analysis's plain data (byte ranges, diagnostics) and protocol types, in
//! the position encoding negotiated with the client.

use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{Encoding, LineIndex, Position, Span};
use crate::text::TextRange;
use tower_lsp_server::lsp_types as lsp;

pub fn encoding_kind(encoding: Encoding) -> lsp::PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// UTF-8 when the client offers it (no conversion work), else UTF-32 if it asks only for
/// that, else the protocol's default UTF-16.
pub fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
    let offered = offered.unwrap_or(&[]);
    if offered.contains(&lsp::PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&lsp::PositionEncodingKind::UTF16) || offered.is_empty() {
        Encoding::Utf16
    } else if offered.contains(&lsp::PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

pub fn position(position: lsp::Position) -> Position {
    Position {
        line: position.line,
        character: position.character,
    }
}

pub fn range(text: &str, index: &LineIndex, range: TextRange, encoding: Encoding) -> lsp::Range {
    protocol_range(index.span(text, range, encoding))
}

pub fn protocol_range(span: Span) -> lsp::Range {
    lsp::Range {
        start: lsp::Position::new(span.start.line, span.start.character),
        end: lsp::Position::new(span.end.line, span.end.character),
    }
}

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// One diagnostic converted on its own: the plain form that [`RangedDiagnostics`] must
/// equal, kept for its test.
#[cfg(test)]
fn diagnostic(
    text: &str,
    index: &LineIndex,
    diagnostic: &Diagnostic,
    encoding: Encoding,
) -> lsp::Diagnostic {
    let range = range(text, index, diagnostic.range, encoding);
    protocol_diagnostic(range, diagnostic, diagnostic.message.to_string())
}

fn protocol_diagnostic(
    range: lsp::Range,
    diagnostic: &Diagnostic,
    message: String,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range,
        severity: Some(severity(diagnostic.severity)),
        code: Some(lsp::NumberOrString::String(diagnostic.code.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..Default::default()
    }
}

/// Diagnostics with their protocol ranges, written as the JSON of `Diagnostic[]` straight
/// from the analysis's values: a 5 MB article has 33,000 of them, and building an
/// `lsp::Diagnostic` for each (three strings apiece) cost more than writing them.
#[derive(Debug, Default)]
pub struct RangedDiagnostics {
    ranges: Vec<lsp::Range>,
    diagnostics: Vec<Diagnostic>,
}

impl RangedDiagnostics {
    pub fn new(
        text: &str,
        index: &LineIndex,
        diagnostics: Vec<Diagnostic>,
        encoding: Encoding,
    ) -> Self {
        // Diagnostics come in text order: a cursor counts each on from the last.
        let mut cursor = index.cursor(text, encoding);
        let ranges = diagnostics
            .iter()
            .map(|diagnostic| protocol_range(cursor.span(diagnostic.range)))
            .collect();
        RangedDiagnostics {
            ranges,
            diagnostics,
        }
    }

    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Writes the JSON of these as `lsp::Diagnostic[]` (the fields it writes for them, in
    /// its order). Written by hand, not through `serde::Serialize`: a 5 MB article's
    /// 30,000 diagnostics have 400,000 keys and small values, and serialising each key as
    /// an escaped string took three times as long as this does; only the messages and
    /// codes are escaped here.
    pub fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.push(b'[');
        for (number, (range, diagnostic)) in self.ranges.iter().zip(&self.diagnostics).enumerate() {
            if number > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"range\":");
            write_range_json(out, range);
            out.extend_from_slice(b",\"severity\":");
            serde_json::to_writer(&mut *out, &severity(diagnostic.severity))?;
            out.extend_from_slice(b",\"code\":");
            serde_json::to_writer(&mut *out, diagnostic.code.as_str())?;
            out.extend_from_slice(b",\"source\":");
            serde_json::to_writer(&mut *out, SOURCE)?;
            out.extend_from_slice(b",\"message\":");
            serde_json::to_writer(&mut *out, &*diagnostic.message)?;
            out.push(b'}');
        }
        out.push(b']');
        Ok(())
    }

    /// The same diagnostics as protocol values, for tower-lsp's client.
    pub fn into_protocol(self) -> Vec<lsp::Diagnostic> {
        self.ranges
            .into_iter()
            .zip(self.diagnostics)
            .map(|(range, diagnostic)| {
                protocol_diagnostic(range, &diagnostic, diagnostic.message.to_string())
            })
            .collect()
    }
}

/// Who the diagnostics come from, as editors show it.
const SOURCE: &str = "dateline";

/// Writes the JSON of an `lsp::Range`, as `serde` writes it.
pub fn write_range_json(out: &mut Vec<u8>, range: &lsp::Range) {
    out.extend_from_slice(b"{\"start\":{\"line\":");
    write_number(out, range.start.line);
    out.extend_from_slice(b",\"character\":");
    write_number(out, range.start.character);
    out.extend_from_slice(b"},\"end\":{\"line\":");
    write_number(out, range.end.line);
    out.extend_from_slice(b",\"character\":");
    write_number(out, range.end.character);
    out.extend_from_slice(b"}}");
}

fn write_number(out: &mut Vec<u8>, number: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::DiagnosticCode;

    #[test]
    fn ranged_diagnostics_write_the_json_of_their_protocol_values() {
        let text = "Title: “Minsk”\n\nOn 19 February — Лукашенко 🇧🇾 said so.\r\nThey said.\n";
        let at = |needle: &str| text.find(needle).unwrap();
        let diagnostics = vec![
            Diagnostic::warning(
                TextRange::new(at("They"), at("said.\n") + 5),
                DiagnosticCode::UndatedClaim,
                "undated claim: “said”",
            ),
            Diagnostic::new(
                TextRange::new(at("Лукашенко"), at(" 🇧🇾")),
                Severity::Hint,
                DiagnosticCode::UnknownActor,
                "unknown name \"Лукашенко\"\n(no actor)",
            ),
            Diagnostic::error(
                TextRange::empty(0),
                DiagnosticCode::MissingSource,
                "a \\ b\u{1}\t</",
            ),
            Diagnostic::new(
                TextRange::new(at("On"), at(" said")),
                Severity::Information,
                DiagnosticCode::ClaimDatedByContext,
                "dated",
            ),
        ];
        let index = LineIndex::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let ranged = RangedDiagnostics::new(text, &index, diagnostics.clone(), encoding);
            let mut written = Vec::new();
            ranged.write_json(&mut written).unwrap();
            let direct: serde_json::Value = serde_json::from_slice(&written).unwrap();
            let expected: Vec<lsp::Diagnostic> = diagnostics
                .iter()
                .map(|diagnostic| super::diagnostic(text, &index, diagnostic, encoding))
                .collect();
            assert_eq!(direct, serde_json::to_value(&expected).unwrap());
            // Byte for byte what serde writes of the protocol values, too.
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(&expected).unwrap()
            );
            assert_eq!(ranged.into_protocol(), expected);
        }
    }

    #[test]
    fn numbers_are_written_as_serde_writes_them() {
        for number in [0, 7, 9, 10, 99, 100, 65_535, 1_000_000_000, u32::MAX] {
            let mut written = Vec::new();
            write_number(&mut written, number);
            assert_eq!(String::from_utf8(written).unwrap(), number.to_string());
        }
        let range = lsp::Range::new(lsp::Position::new(0, u32::MAX), lsp::Position::new(12, 3));
        let mut written = Vec::new();
        write_range_json(&mut written, &range);
        assert_eq!(written, serde_json::to_vec(&range).unwrap());
    }
}
