//! `dateline dates`: every temporal expression of the selected articles with its value.

use super::json::{self, JsonSpan};
use super::Format;
use crate::ide;
use crate::position::Encoding;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
struct JsonDate<'a> {
    path: String,
    range: JsonSpan,
    text: &'a str,
    value: Option<&'a str>,
    /// `date`, `time`, `duration` or `set`.
    kind: &'static str,
    anchors: bool,
    /// The value as people write it (`8 October 2022`).
    readable: Option<String>,
    /// For an anaphoric expression (`the same day`), the earlier one it was counted from.
    leans_on: Option<JsonLean<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonLean<'a> {
    range: JsonSpan,
    text: &'a str,
}

pub fn run(paths: &[PathBuf], format: Format) -> Result<u8, String> {
    let loaded = super::load(paths, super::Retention::Everything)?;
    let mut out = String::new();
    let mut json = Vec::new();
    for path in &loaded.selected {
        // Loaded with `Retention::Everything`: what the corpus keeps is whole.
        let Some(file) = loaded.corpus.indexed_article(path) else {
            continue;
        };
        let dates = ide::dates::dates(file);
        let shown = loaded.display(path);
        for date in dates {
            match format {
                Format::Json => json.push(JsonDate {
                    path: shown.clone(),
                    range: file
                        .line_index
                        .span(&file.text, date.range, Encoding::Utf16)
                        .into(),
                    text: date.text,
                    value: date.value,
                    kind: json::kind_name(date.kind),
                    anchors: date.anchors,
                    readable: date.readable,
                    leans_on: date.leans_on.map(|range| JsonLean {
                        range: file
                            .line_index
                            .span(&file.text, range, Encoding::Utf16)
                            .into(),
                        text: range.slice(&file.text),
                    }),
                }),
                Format::Human => {
                    let at =
                        file.line_index
                            .position(&file.text, date.range.start, Encoding::Utf32);
                    out.push_str(&format!(
                        "{shown}:{}:{}: “{}” → {} ({}; {})\n",
                        at.line + 1,
                        at.character + 1,
                        date.text,
                        date.value.unwrap_or("?"),
                        json::kind_name(date.kind),
                        date.how,
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
