//! `dateline actors`: each known actor with its mentions and the span of article dates
//! in which it appears.

use super::Format;
use crate::corpus::FileKind;
use crate::diagnostic::Severity;
use crate::ide;
use crate::position::{Encoding, LineIndex};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
struct JsonActor<'a> {
    id: &'a str,
    name: &'a str,
    mentions: usize,
    articles: usize,
    first: Option<String>,
    last: Option<String>,
}

pub fn run(paths: &[PathBuf], format: Format) -> Result<u8, String> {
    let loaded = super::load(paths, super::Retention::Everything)?;
    let rows = ide::actors::actors_with_mentions(&loaded.corpus);
    match format {
        Format::Json => {
            let json: Vec<JsonActor> = rows
                .iter()
                .map(|(actor, stats)| JsonActor {
                    id: actor.id,
                    name: actor.name,
                    mentions: stats.mentions,
                    articles: stats.articles,
                    first: stats.first.clone(),
                    last: stats.last.clone(),
                })
                .collect();
            super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
            ));
        }
        Format::Human => {
            let width = rows
                .iter()
                .map(|(actor, _)| actor.id.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            let mut out = format!(
                "{:width$}  {:>8}  {:>8}  {:10}  {:10}  name\n",
                "id", "mentions", "articles", "first", "last"
            );
            for (actor, stats) in &rows {
                out.push_str(&format!(
                    "{:width$}  {:>8}  {:>8}  {:10}  {:10}  {}\n",
                    actor.id,
                    stats.mentions,
                    stats.articles,
                    stats.first.as_deref().unwrap_or("-"),
                    stats.last.as_deref().unwrap_or("-"),
                    actor.name,
                ));
            }
            super::print(&out);
        }
    }
    // A broken registry leaves actors out of the table: say why, as `check` would, and
    // fail the run.
    let errors = registry_errors(&loaded);
    for error in &errors {
        eprintln!("{error}");
    }
    Ok(if errors.is_empty() {
        super::EXIT_CLEAN
    } else {
        super::EXIT_FINDINGS
    })
}

/// The errors of the corpus's registries and settings, one `path:line:column:` line each
/// (1-based lines and characters, as `check` prints them).
fn registry_errors(loaded: &super::Loaded) -> Vec<String> {
    let corpus = &loaded.corpus;
    let mut lines = Vec::new();
    for path in corpus.paths() {
        if !matches!(corpus.kind_of(&path), FileKind::Registry | FileKind::Config) {
            continue;
        }
        let text = corpus.text(&path).unwrap_or("");
        let index = LineIndex::new(text);
        for diagnostic in ide::diagnostics::diagnostics(corpus, &path) {
            if diagnostic.severity != Severity::Error {
                continue;
            }
            let at = index.position(text, diagnostic.range.start, Encoding::Utf32);
            lines.push(format!(
                "{}:{}:{}: error[{}]: {}",
                loaded.display(&path),
                at.line + 1,
                at.character + 1,
                diagnostic.code.as_str(),
                diagnostic.message
            ));
        }
    }
    lines
}
