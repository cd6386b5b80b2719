//! `dateline check`: every diagnostic of the selected files, for people or as JSON, and
//! an exit code that CI can gate on.

use super::json::JsonSpan;
use super::render::{self, Style};
use super::{ColorChoice, Format, EXIT_CLEAN, EXIT_FINDINGS};
use crate::corpus::Retention;
use crate::diagnostic::Severity;
use crate::ide;
use crate::position::{Encoding, LineIndex, SpanCursor};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;

/// One diagnostic as `--format json` prints it: LSP conventions (0-based lines, UTF-16
/// columns, exclusive end).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub path: String,
    pub range: JsonSpan,
    /// `error`, `warning`, `information` or `hint`.
    pub severity: &'static str,
    pub code: &'a str,
    pub message: &'a str,
}

/// How many files are reported at a time: their reports are made in parallel, then
/// written in order before the next batch is made, so that the whole report is never held
/// in memory (for 10,000 articles it is over 150 MB of text).
const BATCH: usize = 256;

/// Files of at least this size are reported on their own, their report written out in
/// pieces of about `piece_bytes` as it is made: the report of a 5 MB article is
/// 16 MB of text, and holding it whole was the peak memory of a `check`.
#[derive(Debug, Clone, Copy)]
struct Streaming {
    large_file_bytes: usize,
    piece_bytes: usize,
}

const STREAMING: Streaming = Streaming {
    large_file_bytes: 1 << 20,
    piece_bytes: 1 << 16,
};

/// Writes the report: pieces of each file's, in order, and what goes between them.
struct ReportWriter<W: std::io::Write> {
    out: W,
    json: bool,
    /// Files whose report has been started, for the separators of a JSON array.
    files: usize,
}

impl<W: std::io::Write> ReportWriter<W> {
    /// Writes text outside any file's report. A closed pipe (`dateline check | head`)
    /// ends the report, not the run: the exit code still says whether there were findings.
    fn raw(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
    }

    /// Writes a piece of one file's report; `started` says whether an earlier piece of
    /// the same file was written.
    fn piece(&mut self, text: &str, started: &mut bool) {
        if text.is_empty() {
            return;
        }
        if !*started {
            if self.json {
                self.raw(if self.files == 0 { "\n" } else { ",\n" });
            }
            self.files += 1;
            *started = true;
        }
        self.raw(text);
    }
}

/// One file's report, made on any thread.
struct FileReport {
    /// Human text, or JSON objects already pretty-printed at the depth of the array.
    text: String,
    errors: usize,
    warnings: usize,
    /// The article's text could not be read again as it was analysed (changed or removed
    /// on disk while `check` ran): its places are shown at the start of the file.
    text_lost: bool,
}

/// What a report counted, and the files whose texts changed on disk while they were
/// checked (their places could not be shown).
#[derive(Debug, Default)]
struct ReportCounts {
    errors: usize,
    warnings: usize,
    texts_lost: Vec<String>,
}

/// How `check` runs, besides what it checks and in which format.
pub struct Options {
    pub deny_warnings: bool,
    pub color: ColorChoice,
    /// Whether the warm-start cache is read and written.
    pub cache: bool,
    /// Whether to say how many articles the cache gave.
    pub verbose: bool,
}

pub fn run(paths: &[PathBuf], format: Format, options: Options) -> Result<u8, String> {
    let Options {
        deny_warnings,
        color,
        cache: use_cache,
        verbose,
    } = options;
    let loaded = super::load_with(paths, Retention::Reports, use_cache)?;
    if let Some(outcome) = &loaded.cache {
        if outcome.file.is_none() {
            eprintln!("dateline: cache: no folder for caches (neither XDG_CACHE_HOME nor HOME is set); not used");
        }
        if let Some(line) = outcome.rejection() {
            eprintln!("dateline: {line}");
        }
        if verbose {
            eprintln!("dateline: {}", outcome.summary());
        }
    }
    for (path, why) in &loaded.unmatched {
        eprintln!("dateline: {}: nothing checked: {why}", path.display());
    }
    if loaded.selected.is_empty() {
        eprintln!("dateline: nothing was checked");
        return Ok(super::EXIT_FAILURE);
    }
    let style = Style {
        color: match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
    };
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let ReportCounts {
        errors,
        warnings,
        texts_lost,
    } = write_report(&loaded, format, style, STREAMING, stdout)?;
    // Said, not hidden: the report of such a file places every finding at its start.
    for path in &texts_lost {
        eprintln!(
            "dateline: {path}: changed or removed on disk while it was checked; its findings are shown at the start of the file (run `dateline check` again)"
        );
    }
    // Written after the report, which is what the user waits for.
    if let Some(outcome) = &loaded.cache {
        if let (Some(file), true) = (&outcome.file, outcome.worth_writing()) {
            let snapshot = crate::cache::Snapshot::of(&loaded.corpus);
            if let Err(error) = crate::cache::save(file, &snapshot) {
                eprintln!("dateline: cache {} not written: {error}", file.display());
            }
        }
    }
    // The process ends next: freeing ten thousand analysed articles piece by piece took
    // half a second on one core, for nothing.
    std::mem::forget(loaded);
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// Writes the report of the selected files to `out`; returns the errors and warnings.
fn write_report(
    loaded: &super::Loaded,
    format: Format,
    style: Style,
    streaming: Streaming,
    out: impl std::io::Write,
) -> Result<ReportCounts, String> {
    use rayon::prelude::*;
    let corpus = &loaded.corpus;
    // `flush` takes what the report holds so far, when it grows past a piece.
    let report = |path: &String,
                  flush: &mut dyn FnMut(&mut String)|
     -> Result<FileReport, String> {
        let diagnostics = ide::diagnostics::diagnostics(corpus, path);
        // An article's text was let go of once analysed (see `load_with`): read again,
        // with its line index. A text changed on disk since is not the one analysed, and
        // its report is written without it (every place at the start of the file), which
        // the run then says. Registries and the configuration are held, and few. The
        // cursor counts each diagnostic's columns on from the one before.
        let article = corpus.indexed_article(path);
        let (text, text_lost): (std::sync::Arc<str>, bool) = match article {
            Some(file) => match corpus.text_of(file) {
                Some(text) => (text, false),
                None => (std::sync::Arc::from(""), true),
            },
            None => (corpus.text(path).unwrap_or("").into(), false),
        };
        let text = &*text;
        let index = match article {
            Some(file) if file.text_dropped.is_none() => {
                std::borrow::Cow::Borrowed(&file.line_index)
            }
            _ => std::borrow::Cow::Owned(LineIndex::new(text)),
        };
        let encoding = match format {
            Format::Human => Encoding::Utf32,
            Format::Json => Encoding::Utf16,
        };
        let mut cursor = SpanCursor::new(index, text, encoding);
        let shown = loaded.display(path);
        // Room for the whole report (a diagnostic takes some 400 bytes) or for a piece:
        // growing it by doubling copied it over and over.
        let room = diagnostics
            .len()
            .saturating_mul(400)
            .min(streaming.piece_bytes.saturating_add(4096));
        let mut out = FileReport {
            text: String::with_capacity(room),
            errors: 0,
            warnings: 0,
            text_lost,
        };
        for (items_made, diagnostic) in diagnostics.iter().enumerate() {
            if out.text.len() >= streaming.piece_bytes {
                flush(&mut out.text);
            }
            match diagnostic.severity {
                Severity::Error => out.errors += 1,
                Severity::Warning => out.warnings += 1,
                _ => {}
            }
            match format {
                Format::Human => {
                    render::diagnostic_into(
                        &mut out.text,
                        &shown,
                        text,
                        &mut cursor,
                        diagnostic,
                        style,
                    );
                    out.text.push('\n');
                }
                Format::Json => {
                    let item = JsonDiagnostic {
                        path: shown.clone(),
                        range: cursor.span(diagnostic.range).into(),
                        severity: diagnostic.severity.as_str(),
                        code: diagnostic.code.as_str(),
                        message: &diagnostic.message,
                    };
                    let pretty = serde_json::to_string_pretty(&item).map_err(|e| e.to_string())?;
                    // Items of a pretty-printed array sit one level (two spaces) deep;
                    // strings in JSON never hold a raw line break, so every line is indented.
                    if items_made > 0 {
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

    let mut writer = ReportWriter {
        out,
        json: format == Format::Json,
        files: 0,
    };
    let is_large = |path: &String| {
        let length = match corpus.indexed_article(path) {
            Some(file) => file.text_len(),
            None => corpus.text(path).map_or(0, str::len),
        };
        length >= streaming.large_file_bytes
    };
    let mut counts = ReportCounts::default();
    if format == Format::Json {
        writer.raw("[");
    }
    for batch in loaded.selected.chunks(BATCH) {
        // Small files' reports are made in parallel and held; large ones are made below.
        let reports: Vec<Option<FileReport>> = batch
            .par_iter()
            .map(|path| {
                if is_large(path) {
                    Ok(None)
                } else {
                    report(path, &mut |_| {}).map(Some)
                }
            })
            .collect::<Result<_, String>>()?;
        for (path, file) in batch.iter().zip(reports) {
            let mut started = false;
            let file = match file {
                Some(file) => file,
                None => report(path, &mut |text| {
                    writer.piece(text, &mut started);
                    text.clear();
                })?,
            };
            counts.errors += file.errors;
            counts.warnings += file.warnings;
            if file.text_lost {
                counts.texts_lost.push(loaded.display(path));
            }
            writer.piece(&file.text, &mut started);
        }
    }
    match format {
        Format::Human => {
            let tally = ide::claims::tally(corpus, loaded.selected.iter().map(String::as_str));
            writer.raw(&format!(
                "{} files, {} claims, {} undated, {} errors, {} warnings\n",
                loaded.selected.len(),
                tally.claims,
                tally.undated,
                counts.errors,
                counts.warnings
            ));
        }
        Format::Json => writer.raw(if writer.files == 0 { "]\n" } else { "\n]\n" }),
    }
    let _ = writer.out.flush();
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of the seeds, every file's made whole and held, or every file's written
    /// out a diagnostic at a time as it is made.
    fn seed_report(format: Format, streaming: Streaming) -> String {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let loaded = super::super::load(&[seeds], Retention::Reports).expect("seeds load");
        let mut out = Vec::new();
        write_report(&loaded, format, Style { color: false }, streaming, &mut out).expect("report");
        String::from_utf8(out).expect("UTF-8 report")
    }

    #[test]
    fn a_streamed_report_is_the_held_one() {
        let held = Streaming {
            large_file_bytes: usize::MAX,
            piece_bytes: usize::MAX,
        };
        let streamed = Streaming {
            large_file_bytes: 0,
            piece_bytes: 1,
        };
        for format in [Format::Human, Format::Json] {
            let whole = seed_report(format, held);
            assert!(whole.matches("undated-claim").count() > 10, "{whole}");
            assert_eq!(seed_report(format, streamed), whole);
        }
        let json: serde_json::Value =
            serde_json::from_str(&seed_report(Format::Json, streamed)).expect("valid JSON");
        assert!(json.as_array().is_some_and(|items| items.len() > 10));
    }

    /// An article changed on disk between its analysis and its report is reported at the
    /// start of the file and named in what the run returns (and says), not passed over;
    /// the others are reported as they were analysed.
    #[test]
    fn a_text_changed_while_checked_is_named_not_passed_over() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let folder =
            std::env::temp_dir().join(format!("dateline-check-lost-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("a folder");
        for entry in std::fs::read_dir(&seeds).expect("seeds") {
            let entry = entry.expect("an entry");
            std::fs::copy(entry.path(), folder.join(entry.file_name())).expect("a copy");
        }
        let loaded =
            super::super::load(std::slice::from_ref(&folder), Retention::Reports).expect("load");
        let changed = "000_d3301de9df92c926.article";
        let path = folder.join(changed);
        let text = std::fs::read_to_string(&path).expect("a seed");
        std::fs::write(&path, format!("{text}\nA sentence added since.\n")).expect("written");
        let mut out = Vec::new();
        let counts = write_report(
            &loaded,
            Format::Human,
            Style { color: false },
            STREAMING,
            &mut out,
        )
        .expect("report");
        let report = String::from_utf8(out).expect("UTF-8 report");
        let _ = std::fs::remove_dir_all(&folder);
        assert_eq!(counts.texts_lost.len(), 1, "{:?}", counts.texts_lost);
        assert!(counts.texts_lost[0].ends_with(changed));
        assert!(counts.warnings > 10);
        // Its findings sit at the start; the others keep their places.
        assert!(report.contains(&format!("{changed}:1:1: ")), "{report}");
        assert!(report.contains("001_8af3ff2e160be067.article:"));
        assert!(!report.contains("001_8af3ff2e160be067.article:1:1: "));
    }
}
