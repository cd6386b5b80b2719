//! `dateline actors`: each known actor with its mentions and the span of article dates
//! in which it appears.

use super::Format;
use crate::ide;
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
    Ok(super::EXIT_CLEAN)
}
