//! The server's own requests and their wire types: `dateline/status` (counts for a status
//! bar) and `dateline/timeline` (the dated claims in date order). The types are the
//! protocol the editor extensions read, kept here apart from the analysis's
//! `ide::timeline` types so that renaming a field of the analysis cannot change them.

use super::features::lsp_range;
use super::state::{RootedPath, State};
use crate::ide;
use crate::ide::timeline::{TimelineEntry, TimelineFilter};
use serde::{Deserialize, Serialize};
use tower_lsp_server::lsp_types::Range;

/// `dateline/status`'s answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Status {
    articles: usize,
    undated_claims: usize,
    /// Whether a folder is past `[server] claims-limit-mb` with articles left to their
    /// mentions: its undated claims are then those of the open articles only.
    claims_in_open_articles_only: bool,
}

/// `dateline/status`: counts for a status bar.
pub fn status(state: &State) -> serde_json::Value {
    let mut status = Status {
        articles: 0,
        undated_claims: 0,
        claims_in_open_articles_only: false,
    };
    for root in &state.roots {
        let (articles, tally) = ide::claims::corpus_tally(&root.corpus);
        status.articles += articles;
        status.undated_claims += tally.undated;
        status.claims_in_open_articles_only |= root.corpus.claims_of_open_articles_only();
    }
    serde_json::to_value(status).unwrap_or_default()
}

/// `dateline/timeline`'s parameters: every filter optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TimelineParams {
    actor: Option<String>,
    source: Option<String>,
    from: Option<String>,
    to: Option<String>,
    speaker: Option<String>,
}

impl From<TimelineParams> for TimelineFilter {
    fn from(params: TimelineParams) -> Self {
        TimelineFilter {
            actor: params.actor,
            source: params.source,
            from: params.from,
            to: params.to,
            speaker: params.speaker,
        }
    }
}

/// One entry of `dateline/timeline`'s answer: the claim, and where it is when the
/// server can say (`uri` and `range` are left out otherwise).
#[derive(Debug, Serialize)]
struct TimelineItem {
    date: String,
    start: String,
    end: String,
    path: String,
    article: String,
    title: Option<String>,
    source: Option<String>,
    text: String,
    actors: Vec<String>,
    dated_by_context: bool,
    readable: Option<String>,
    uncertain: bool,
    attribution: String,
    speaker: Option<String>,
    quote: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<Range>,
}

impl TimelineItem {
    fn new(entry: TimelineEntry, place: Option<(String, Range)>) -> Self {
        let (uri, range) = place.unzip();
        TimelineItem {
            date: entry.date,
            start: entry.start,
            end: entry.end,
            path: entry.path,
            article: entry.article,
            title: entry.title,
            source: entry.source,
            text: entry.text,
            actors: entry.actors,
            dated_by_context: entry.dated_by_context,
            readable: entry.readable,
            uncertain: entry.uncertain,
            attribution: entry.attribution,
            speaker: entry.speaker,
            quote: entry.quote,
            uri,
            range,
        }
    }
}

/// `dateline/timeline`: the dated claims of every workspace folder, in date order.
pub fn timeline(state: &State, filter: &TimelineFilter) -> serde_json::Value {
    let mut entries = Vec::new();
    for (root, corpus) in state.roots.iter().enumerate() {
        for entry in ide::timeline::timeline(&corpus.corpus, filter) {
            let location = RootedPath {
                root,
                path: entry.path.clone(),
            };
            let place = state
                .uri(root, &entry.path)
                .zip(lsp_range(state, &location, entry.range))
                .map(|(uri, range)| (uri.as_str().to_string(), range));
            let days = (entry.start.clone(), entry.end.clone());
            let item = TimelineItem::new(entry, place);
            entries.push((days, serde_json::to_value(item).unwrap_or_default()));
        }
    }
    // Stable: the folders' entries, each in date order already, merged by their days.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    serde_json::Value::Array(entries.into_iter().map(|(_, value)| value).collect())
}
