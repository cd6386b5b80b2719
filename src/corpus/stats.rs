//! What the corpus knows of an actor: how often and where it is mentioned, and between
//! which article dates. Computed on first request and kept until an article that mentions
//! the actor, or did, changes ([`Corpus::actor_stats`]).

use super::Corpus;
use crate::temporal::CalendarDate;
use rustc_hash::FxHashMap as HashMap;

/// How many of an actor's sources its statistics name.
pub const TOP_SOURCES: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorStats {
    pub mentions: usize,
    pub articles: usize,
    /// The earliest and latest dates of the articles that mention the actor.
    pub first: Option<CalendarDate>,
    pub last: Option<CalendarDate>,
    /// The sources that mention the actor most, at most [`TOP_SOURCES`] of them, most
    /// first (ties by name).
    pub top_sources: Vec<(String, usize)>,
}

pub(super) fn compute(corpus: &Corpus, actor: usize) -> ActorStats {
    let mut stats = ActorStats::default();
    // The earliest date by its first day and the latest by its last; the first seen wins
    // a tie (articles come in path order).
    let mut first: Option<(CalendarDate, jiff::civil::Date)> = None;
    let mut last: Option<(CalendarDate, jiff::civil::Date)> = None;
    // The corpus holds one copy of each source: counted by where it is, not by comparing
    // its letters (an actor in 50,000 articles has a handful of sources).
    let mut sources: HashMap<*const u8, (&str, usize)> = HashMap::default();
    for summary in corpus.mention_summaries(actor) {
        stats.mentions += summary.count;
        stats.articles += 1;
        if let (Some(date), Some((first_day, last_day))) = (summary.date, summary.days) {
            if first.is_none_or(|(_, earliest)| first_day < earliest) {
                first = Some((date, first_day));
            }
            if last.is_none_or(|(_, latest)| last_day > latest) {
                last = Some((date, last_day));
            }
        }
        if let Some(source) = summary.source {
            sources.entry(source.as_ptr()).or_insert((source, 0)).1 += summary.count;
        }
    }
    stats.first = first.map(|(date, _)| date);
    stats.last = last.map(|(date, _)| date);
    let mut top: Vec<(String, usize)> = sources
        .into_values()
        .map(|(source, count)| (source.to_string(), count))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Only these are shown; all of them, kept for each of 5,000 actors, took megabytes.
    top.truncate(TOP_SOURCES);
    stats.top_sources = top;
    stats
}
