//! The server's own requests and their wire types: `dateline/status` (counts for a status
//! bar) and `dateline/timeline` (the dated claims in date order). The types are the
//! protocol the editor extensions read, kept here apart from the analysis's
//! `ide::timeline` types so that renaming a field of the analysis cannot change them.

use super::convert;
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

/// How many entries `dateline/timeline` sends at most, the earliest: the timeline of a
/// whole corpus of 10,000 articles has 300,000 entries, which took the server over two
/// minutes and 3.7 GB to send (an editor's table of them is no more use). The server says
/// when there were more (see [`TimelineAnswer::not_sent`]); `dateline timeline` lists them
/// all. `DATELINE_TIMELINE_MOST` sets another number (tests use a few).
fn timeline_most() -> usize {
    super::state::number_from_env("DATELINE_TIMELINE_MOST", 20_000)
}

/// `dateline/timeline`'s answer: its entries, in date order, and how many the filter let
/// through in all.
pub struct TimelineAnswer {
    items: Vec<TimelineItem>,
    total: usize,
}

impl TimelineAnswer {
    /// How many entries are sent.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// What to say when the filter let through more entries than are sent.
    pub fn not_sent(&self) -> Option<String> {
        (self.total > self.items.len()).then(|| {
            format!(
                "dateline: the timeline has {} entries; the first {} by date are shown. Narrow it by actor, source, speaker or dates, or list them all with `dateline timeline`.",
                crate::ide::limits::thousands(self.total),
                crate::ide::limits::thousands(self.items.len())
            )
        })
    }

    /// The JSON of the entries, written straight from them.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(&self.items).unwrap_or_else(|_| b"[]".to_vec())
    }

    pub fn into_value(self) -> serde_json::Value {
        serde_json::to_value(self.items).unwrap_or_default()
    }
}

/// `dateline/timeline`: the dated claims of every workspace folder, in date order, the
/// first [`timeline_most`] of them.
pub fn timeline(state: &State, filter: &TimelineFilter) -> TimelineAnswer {
    let most = timeline_most();
    let mut items = Vec::new();
    let mut total = 0;
    for (root, corpus) in state.roots.iter().enumerate() {
        let (found, all) = ide::timeline::timeline_first(&corpus.corpus, filter, most);
        total += all;
        let ranges = placed(state, root, &found);
        for (entry, range) in found.into_iter().zip(ranges) {
            let place = state
                .uri(root, &entry.path)
                .zip(range)
                .map(|(uri, range)| (uri.as_str().to_string(), range));
            items.push(TimelineItem::new(entry, place));
        }
    }
    // Stable: the folders' entries, each in date order already, merged by their days.
    items.sort_by(|a, b| (&a.start, &a.end).cmp(&(&b.start, &b.end)));
    items.truncate(most);
    TimelineAnswer { items, total }
}

/// The protocol range of each of `entries` (of the folder `root`), where its article's
/// text can be had. An article's text and line index are had once for all its entries,
/// one article at a time: an unopened article's text is read again from disk, and a
/// 5 MB article with 477 entries was read 477 times.
fn placed(state: &State, root: usize, entries: &[TimelineEntry]) -> Vec<Option<Range>> {
    let mut by_article: Vec<usize> = (0..entries.len()).collect();
    by_article.sort_by(|&a, &b| entries[a].path.cmp(&entries[b].path));
    let mut ranges = vec![None; entries.len()];
    for same in by_article.chunk_by(|&a, &b| entries[a].path == entries[b].path) {
        let location = RootedPath {
            root,
            path: entries[same[0]].path.clone(),
        };
        let Some((text, index)) = state.text_and_index(&location) else {
            continue;
        };
        for &at in same {
            ranges[at] = Some(convert::range(
                &text,
                &index,
                entries[at].range,
                state.encoding,
            ));
        }
    }
    ranges
}
