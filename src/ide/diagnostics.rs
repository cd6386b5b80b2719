//! A file's diagnostics as both front ends report them: the corpus's, or the one warning
//! that says why the file was skipped (too large, binary, not UTF-8).

use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::text::TextRange;

/// Every diagnostic of `path`: its own and the cross-file ones, or, for a skipped file,
/// a `skipped-file` warning at its start saying why.
pub fn diagnostics(corpus: &Corpus, path: &str) -> Vec<Diagnostic> {
    match corpus.skip_reason(path) {
        Some(reason) => vec![Diagnostic::warning(
            TextRange::empty(0),
            DiagnosticCode::SkippedFile,
            reason,
        )],
        None => corpus.diagnostics(path),
    }
}
