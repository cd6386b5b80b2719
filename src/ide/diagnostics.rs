//! A file's diagnostics as both front ends report them: the corpus's, or the one warning
//! that says why the file was skipped (too large, binary, not UTF-8); and, for an editor,
//! at most `[server] diagnostics-per-file` of them.

use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::ide::limits::thousands;
use crate::text::TextRange;

/// How many changes every corpus of the process has counted so far: while it stays the
/// same, no file's diagnostics stamp has changed (a server holding a workspace pull open
/// looks at it instead of every file's stamp).
pub fn changes_made() -> u64 {
    crate::corpus::changes_made()
}

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

/// The diagnostics of `path` an editor is shown: [`diagnostics`], at most
/// `[server] diagnostics-per-file` of them ([`at_most`]).
pub fn for_editor(corpus: &Corpus, path: &str) -> Vec<Diagnostic> {
    at_most(
        diagnostics(corpus, path),
        corpus.config().diagnostics_per_file,
    )
}

/// `diagnostics` as they are when there are at most `most`; else the `most` most severe
/// (the earlier first among equals), in their order, after a `findings-not-shown` note at
/// the file's start that says how many there are. An editor given 35,000 diagnostics of
/// one file took seconds to take each round in, and no one reads such a list.
pub fn at_most(diagnostics: Vec<Diagnostic>, most: usize) -> Vec<Diagnostic> {
    let total = diagnostics.len();
    if total <= most {
        return diagnostics;
    }
    let mut by_severity: Vec<(Severity, usize)> = diagnostics
        .iter()
        .enumerate()
        .map(|(index, diagnostic)| (diagnostic.severity, index))
        .collect();
    by_severity.sort_unstable();
    let mut shown = vec![false; total];
    for &(_, index) in &by_severity[..most] {
        shown[index] = true;
    }
    let note = Diagnostic::new(
        TextRange::empty(0),
        Severity::Information,
        DiagnosticCode::FindingsNotShown,
        format!(
            "{} findings; the editor is shown {}, the most severe first (`dateline check` lists them all; `[server] diagnostics-per-file` in dateline.toml sets how many)",
            thousands(total),
            thousands(most)
        ),
    );
    std::iter::once(note)
        .chain(
            diagnostics
                .into_iter()
                .zip(shown)
                .filter_map(|(diagnostic, shown)| shown.then_some(diagnostic)),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, severity: Severity) -> Diagnostic {
        Diagnostic::new(
            TextRange::new(start, start + 1),
            severity,
            DiagnosticCode::UndatedClaim,
            "x",
        )
    }

    #[test]
    fn past_the_limit_the_most_severe_are_shown_in_their_order_after_a_note() {
        use Severity::*;
        let all = vec![
            finding(0, Information),
            finding(1, Warning),
            finding(2, Hint),
            finding(3, Error),
            finding(4, Warning),
            finding(5, Warning),
        ];
        assert_eq!(at_most(all.clone(), 6), all);
        let shown = at_most(all.clone(), 3);
        assert_eq!(shown.len(), 4);
        assert_eq!(shown[0].code, DiagnosticCode::FindingsNotShown);
        assert_eq!(shown[0].range, TextRange::empty(0));
        assert_eq!(shown[0].severity, Information);
        assert!(
            shown[0]
                .message
                .starts_with("6 findings; the editor is shown 3, the most severe first"),
            "{}",
            shown[0].message
        );
        // The error and the first two warnings, in the text's order.
        assert_eq!(
            &shown[1..],
            &[all[1].clone(), all[3].clone(), all[4].clone()]
        );
        let none = at_most(all, 0);
        assert_eq!(none.len(), 1);
        assert_eq!(none[0].code, DiagnosticCode::FindingsNotShown);
    }
}
