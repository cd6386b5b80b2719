//! `dateline dates`: every temporal expression of the selected articles with its value.

use super::Format;
use crate::position::{Encoding, Span};
use crate::temporal::{Resolution, TimexKind};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
struct JsonDate<'a> {
    path: String,
    range: Span,
    text: &'a str,
    value: Option<&'a str>,
    kind: TimexKind,
    anchors: bool,
    /// The value as people write it (`8 October 2022`).
    readable: Option<String>,
    /// For an anaphoric expression (`the same day`), the earlier one it was counted from.
    leans_on: Option<JsonLean<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonLean<'a> {
    range: Span,
    text: &'a str,
}

pub fn run(paths: &[PathBuf], format: Format) -> Result<u8, String> {
    let loaded = super::load(paths, super::Retention::Everything)?;
    let mut out = String::new();
    let mut json = Vec::new();
    for path in &loaded.selected {
        let Some(file) = loaded.corpus.article(path) else {
            continue;
        };
        let shown = loaded.display(path);
        for timex in &file.timexes {
            let text = timex.range.slice(&file.text);
            match format {
                Format::Json => json.push(JsonDate {
                    path: shown.clone(),
                    range: file
                        .line_index
                        .span(&file.text, timex.range, Encoding::Utf16),
                    text,
                    value: timex.value.as_deref(),
                    kind: timex.kind,
                    anchors: timex.anchors,
                    readable: timex
                        .value
                        .as_deref()
                        .and_then(crate::temporal::readable_value),
                    leans_on: timex.leans_on.map(|range| JsonLean {
                        range: file.line_index.span(&file.text, range, Encoding::Utf16),
                        text: range.slice(&file.text),
                    }),
                }),
                Format::Human => {
                    let at =
                        file.line_index
                            .position(&file.text, timex.range.start, Encoding::Utf32);
                    let how = match &timex.resolution {
                        Resolution::Absolute => "absolute".to_string(),
                        Resolution::Relative { explanation } => explanation.clone(),
                        Resolution::Unresolved { reason } => format!("unresolved: {reason}"),
                        Resolution::Vague => "vague, anchors nothing".to_string(),
                    };
                    out.push_str(&format!(
                        "{shown}:{}:{}: “{}” → {} ({}; {how})\n",
                        at.line + 1,
                        at.character + 1,
                        text,
                        timex.value.as_deref().unwrap_or("?"),
                        format!("{:?}", timex.kind).to_lowercase(),
                    ));
                }
            }
        }
    }
    match format {
        Format::Human => super::print(&out),
        Format::Json => super::print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
        )),
    }
    Ok(super::EXIT_CLEAN)
}
