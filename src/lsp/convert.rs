//! Between the analysis's plain data (byte ranges, diagnostics) and protocol types, in
//! the position encoding negotiated with the client.

use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{Encoding, LineIndex, Position};
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
    let span = index.span(text, range, encoding);
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

pub fn diagnostic(
    text: &str,
    index: &LineIndex,
    diagnostic: &Diagnostic,
    encoding: Encoding,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: range(text, index, diagnostic.range, encoding),
        severity: Some(severity(diagnostic.severity)),
        code: Some(lsp::NumberOrString::String(diagnostic.code.to_string())),
        source: Some("dateline".to_string()),
        message: diagnostic.message.clone(),
        ..Default::default()
    }
}
