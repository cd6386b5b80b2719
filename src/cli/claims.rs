//! `dateline claims`: every claim of the selected articles with what makes it a claim,
//! who asserts it and what dates it, for people or as JSON.

use super::json::JsonSpan;
use super::Format;
use crate::ide::claims::{claims_of, ClaimView};
use crate::position::{Encoding, Span};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
struct JsonTrigger<'a> {
    kind: &'a str,
    text: &'a str,
    form: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonAttribution<'a> {
    speaker: &'a str,
    actor: Option<&'a str>,
    cue: Option<&'a str>,
    quote: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonDate<'a> {
    value: Option<&'a str>,
    readable: Option<&'a str>,
    text: &'a str,
    by: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonClaim<'a> {
    path: &'a str,
    range: JsonSpan,
    text: &'a str,
    trigger: JsonTrigger<'a>,
    attribution: JsonAttribution<'a>,
    date: Option<JsonDate<'a>>,
    silenced: bool,
}

fn json_claim<'a>(path: &'a str, range: Span, claim: &'a ClaimView) -> JsonClaim<'a> {
    JsonClaim {
        path,
        range: range.into(),
        text: &claim.text,
        trigger: JsonTrigger {
            kind: claim.trigger.kind,
            text: &claim.trigger.text,
            form: claim.trigger.form,
        },
        attribution: JsonAttribution {
            speaker: &claim.attribution.speaker,
            actor: claim.attribution.actor.as_deref(),
            cue: claim.attribution.cue.as_deref(),
            quote: claim.attribution.quote,
        },
        date: claim.date.as_ref().map(|date| JsonDate {
            value: date.value.as_deref(),
            readable: date.readable.as_deref(),
            text: &date.text,
            by: date.by,
        }),
        silenced: claim.silenced,
    }
}

/// One line for people: place, trigger, speaker, date, and the sentence's first words.
fn human_line(shown: &str, line: u32, column: u32, claim: &ClaimView) -> String {
    let date = match &claim.date {
        Some(date) => {
            let words = date
                .readable
                .clone()
                .or_else(|| date.value.clone())
                .unwrap_or_else(|| format!("“{}” (unresolved)", date.text));
            format!("{words} (by {})", date.by)
        }
        None if claim.silenced => "undated (undated-ok)".to_string(),
        None => "UNDATED".to_string(),
    };
    let mut excerpt: String = claim.text.chars().take(80).collect();
    if excerpt.len() < claim.text.len() {
        excerpt.push('…');
    }
    format!(
        "{shown}:{line}:{column}: {} “{}” · {} ({}) · {date} · {excerpt}\n",
        claim.trigger.kind, claim.trigger.text, claim.attribution.label, claim.attribution.quote,
    )
}

pub fn run(paths: &[PathBuf], format: Format) -> Result<u8, String> {
    let loaded = super::load(paths, super::Retention::Everything)?;
    let mut out = String::new();
    let mut views = Vec::new();
    for path in &loaded.selected {
        let Some(file) = loaded.corpus.article(path) else {
            continue;
        };
        let shown = loaded.display(path);
        for claim in claims_of(&loaded.corpus, path) {
            let span = file
                .line_index
                .span(&file.text, claim.range, Encoding::Utf16);
            if format == Format::Human {
                let at = file
                    .line_index
                    .position(&file.text, claim.range.start, Encoding::Utf32);
                out.push_str(&human_line(&shown, at.line + 1, at.character + 1, &claim));
            }
            views.push((shown.clone(), span, claim));
        }
    }
    match format {
        Format::Human => super::print(&out),
        Format::Json => {
            let json: Vec<JsonClaim> = views
                .iter()
                .map(|(path, span, claim)| json_claim(path, *span, claim))
                .collect();
            super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
            ))
        }
    }
    Ok(super::EXIT_CLEAN)
}
