//! `dateline check`: every diagnostic of the selected files, for people or as JSON, and
//! an exit code that CI can gate on.

use super::render::{self, Style};
use super::{ColorChoice, Format, EXIT_CLEAN, EXIT_FINDINGS};
use crate::corpus::Retention;
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

/// How many files are reported at a time: their reports are made in parallel, then
/// written in order before the next batch is made, so that the whole report is never held
/// in memory (for 10,000 articles it is over 150 MB of text).
const BATCH: usize = 256;

/// One file's report, made on any thread.
struct FileReport {
    /// Human text, or JSON objects already pretty-printed at the depth of the array.
    text: String,
    errors: usize,
    warnings: usize,
}

pub fn run(
    paths: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    color: ColorChoice,
) -> Result<u8, String> {
    use rayon::prelude::*;
    use std::io::Write;
    let loaded = super::load(paths, Retention::Reports)?;
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
    let report = |path: &String| -> Result<FileReport, String> {
        let diagnostics = match corpus.skip_reason(path) {
            Some(reason) => vec![Diagnostic::warning(
                TextRange::empty(0),
                "skipped-file",
                reason,
            )],
            None => corpus.diagnostics(path),
        };
        let text = corpus.text(path).unwrap_or("");
        // Articles keep their line index; registries and the configuration are few.
        let index = match corpus.article(path) {
            Some(file) => file.line_index.clone(),
            None => LineIndex::new(text),
        };
        let shown = loaded.display(path);
        let mut out = FileReport {
            text: String::new(),
            errors: 0,
            warnings: 0,
        };
        for diagnostic in &diagnostics {
            match diagnostic.severity {
                Severity::Error => out.errors += 1,
                Severity::Warning => out.warnings += 1,
                _ => {}
            }
            match format {
                Format::Human => {
                    render::diagnostic_into(&mut out.text, &shown, text, &index, diagnostic, style);
                    out.text.push('\n');
                }
                Format::Json => {
                    let item = JsonDiagnostic {
                        path: shown.clone(),
                        range: index.span(text, diagnostic.range, Encoding::Utf16),
                        severity: diagnostic.severity,
                        code: diagnostic.code,
                        message: &diagnostic.message,
                    };
                    let pretty = serde_json::to_string_pretty(&item).map_err(|e| e.to_string())?;
                    // Items of a pretty-printed array sit one level (two spaces) deep;
                    // strings in JSON never hold a raw line break, so every line is indented.
                    if !out.text.is_empty() {
                        out.text.push_str(",\n");
                    }
                    for (number, line) in pretty.lines().enumerate() {
                        if number > 0 {
                            out.text.push('\n');
                        }
                        out.text.push_str("  ");
                        out.text.push_str(line);
                    }
                }
            }
        }
        Ok(out)
    };

    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    // A closed pipe (`dateline check | head`) ends the report, not the run: the exit code
    // still says whether there were findings.
    let mut write = |text: &str| {
        let _ = stdout.write_all(text.as_bytes());
    };
    let mut errors = 0;
    let mut warnings = 0;
    let mut items = 0;
    if format == Format::Json {
        write("[");
    }
    for batch in loaded.selected.chunks(BATCH) {
        let reports: Vec<FileReport> = batch
            .par_iter()
            .map(report)
            .collect::<Result<_, String>>()?;
        for file in reports {
            errors += file.errors;
            warnings += file.warnings;
            if file.text.is_empty() {
                continue;
            }
            if format == Format::Json {
                write(if items == 0 { "\n" } else { ",\n" });
            }
            items += 1;
            write(&file.text);
        }
    }
    match format {
        Format::Human => {
            let tallies = loaded
                .selected
                .iter()
                .filter_map(|path| corpus.article(path))
                .map(|file| file.claim_tally);
            let (claims, undated) = tallies.fold((0, 0), |(claims, undated), tally| {
                (claims + tally.claims, undated + tally.undated)
            });
            write(&format!(
                "{} files, {} claims, {} undated, {} errors, {} warnings\n",
                loaded.selected.len(),
                claims,
                undated,
                errors,
                warnings
            ));
        }
        Format::Json => write(if items == 0 { "]\n" } else { "\n]\n" }),
    }
    let _ = stdout.flush();
    drop(stdout);
    // The process ends next: freeing ten thousand analysed articles piece by piece took
    // half a second on one core, for nothing.
    std::mem::forget(loaded);
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}
