//! `dateline actors`: each known actor with its mentions and the span of article dates
//! in which it appears.

use super::Format;
use crate::corpus::ActorStats;
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
    let corpus = &loaded.corpus;
    let rows: Vec<(usize, std::sync::Arc<ActorStats>)> = (0..corpus.actors().len())
        .map(|actor| (actor, corpus.actor_stats(actor)))
        .collect();
    match format {
        Format::Json => {
            let json: Vec<JsonActor> = rows
                .iter()
                .map(|(actor, stats)| {
                    let entry = &corpus.actors()[*actor];
                    JsonActor {
                        id: &entry.actor.id.value,
                        name: &entry.actor.name.value,
                        mentions: stats.mentions,
                        articles: stats.articles,
                        first: stats.first.map(|date| date.to_string()),
                        last: stats.last.map(|date| date.to_string()),
                    }
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
                .map(|(actor, _)| corpus.actors()[*actor].actor.id.value.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            let mut out = format!(
                "{:width$}  {:>8}  {:>8}  {:10}  {:10}  name\n",
                "id", "mentions", "articles", "first", "last"
            );
            for (actor, stats) in &rows {
                let entry = &corpus.actors()[*actor];
                out.push_str(&format!(
                    "{:width$}  {:>8}  {:>8}  {:10}  {:10}  {}\n",
                    entry.actor.id.value,
                    stats.mentions,
                    stats.articles,
                    stats
                        .first
                        .map(|date| date.to_string())
                        .unwrap_or_else(|| "-".into()),
                    stats
                        .last
                        .map(|date| date.to_string())
                        .unwrap_or_else(|| "-".into()),
                    entry.actor.name.value,
                ));
            }
            super::print(&out);
        }
    }
    Ok(super::EXIT_CLEAN)
}
