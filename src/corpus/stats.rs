//! What the corpus knows of an actor: how often and where it is mentioned, and between
//! which article dates. Computed on first request and kept until an article that mentions
//! the actor, or did, changes ([`Corpus::actor_stats`]).

use super::Corpus;
use crate::temporal::CalendarDate;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorStats {
    pub mentions: usize,
    pub articles: usize,
    /// The earliest and latest dates of the articles that mention the actor.
    pub first: Option<CalendarDate>,
    pub last: Option<CalendarDate>,
    /// Sources by number of mentions, most first (ties by name).
    pub top_sources: Vec<(String, usize)>,
}

pub(super) fn compute(corpus: &Corpus, actor: usize) -> ActorStats {
    let mut stats = ActorStats::default();
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for (count, date, source) in corpus.mention_summaries(actor) {
        stats.mentions += count;
        stats.articles += 1;
        if let Some(date) = date {
            let earliest = |a: CalendarDate, b: CalendarDate| {
                if b.first_day() < a.first_day() {
                    b
                } else {
                    a
                }
            };
            let latest =
                |a: CalendarDate, b: CalendarDate| if b.last_day() > a.last_day() { b } else { a };
            stats.first = Some(stats.first.map_or(date, |first| earliest(first, date)));
            stats.last = Some(stats.last.map_or(date, |last| latest(last, date)));
        }
        if let Some(source) = source {
            *sources.entry(source).or_default() += count;
        }
    }
    let mut top: Vec<(String, usize)> = sources
        .into_iter()
        .map(|(source, count)| (source.to_string(), count))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    stats.top_sources = top;
    stats
}
