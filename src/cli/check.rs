//! `dateline check`: every diagnostic of the selected files, for people or as JSON, and
//! an exit code that CI can gate on.

use super::render::{self, Style};
use super::{ColorChoice, Format, EXIT_CLEAN, EXIT_FINDINGS};
use crate::claims::Dating;
use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{Encoding, LineIndex, Span};
use crate::text::TextRange;
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;

/// One diagnostic as `--format json` prints it: LSP conventions (0-based lines, UTF-16
/// columns, exclusive end).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub path: String,
    pub range: Span,
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
}

pub fn run(
    paths: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    color: ColorChoice,
) -> Result<u8, String> {
    let loaded = super::load(paths)?;
    let corpus = &loaded.corpus;
    let style = Style {
        color: match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
    };
    let mut reports: Vec<(String, Vec<Diagnostic>)> = Vec::new();
    for path in &loaded.selected {
        if let Some(reason) = corpus.skip_reason(path) {
            reports.push((
                path.clone(),
                vec![Diagnostic::warning(
                    TextRange::empty(0),
                    "skipped-file",
                    reason,
                )],
            ));
            continue;
        }
        reports.push((path.clone(), corpus.diagnostics(path)));
    }

    let mut errors = 0;
    let mut warnings = 0;
    let mut out = String::new();
    let mut json = Vec::new();
    for (path, diagnostics) in &reports {
        let text = corpus.text(path).unwrap_or("");
        // Articles keep their line index; registries and the configuration are few.
        let index = match corpus.article(path) {
            Some(file) => file.line_index.clone(),
            None => LineIndex::new(text),
        };
        let shown = loaded.display(path);
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
            match format {
                Format::Human => {
                    out.push_str(&render::diagnostic(&shown, text, &index, diagnostic, style));
                    out.push('\n');
                }
                Format::Json => json.push(JsonDiagnostic {
                    path: shown.clone(),
                    range: index.span(text, diagnostic.range, Encoding::Utf16),
                    severity: diagnostic.severity,
                    code: diagnostic.code,
                    message: &diagnostic.message,
                }),
            }
        }
    }
    match format {
        Format::Human => {
            let articles: Vec<_> = loaded
                .selected
                .iter()
                .filter_map(|path| corpus.article(path))
                .collect();
            let claims: usize = articles.iter().map(|file| file.claims.len()).sum();
            let undated: usize = articles
                .iter()
                .flat_map(|file| &file.claims)
                .filter(|claim| claim.dating == Dating::Undated)
                .count();
            out.push_str(&format!(
                "{} files, {} claims, {} undated, {} errors, {} warnings\n",
                reports.len(),
                claims,
                undated,
                errors,
                warnings
            ));
            super::print(&out);
        }
        Format::Json => {
            let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
            super::print(&format!("{text}\n"));
        }
    }
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}
