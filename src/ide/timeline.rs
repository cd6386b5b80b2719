//! The corpus's dated claims in date order, filtered by actor, source and date range:
//! the data behind `dateline/timeline` and `dateline timeline`.

use crate::claims::{Claim, Dating};
use crate::corpus::{ArticleFile, Corpus};
use crate::temporal::CalendarDate;
use crate::text::TextRange;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// An actor id: only claims whose sentence mentions it.
    pub actor: Option<String>,
    /// Only articles whose `Source` is this (case-insensitive).
    pub source: Option<String>,
    /// Only claims dated on or after (`2022-03`) ...
    pub from: Option<String>,
    /// ... and on or before this.
    pub to: Option<String>,
    /// Only claims asserted by this speaker: an actor id, or words of the speaker's name
    /// or of the article's source (case-insensitive).
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The claim's date value (`2022-09-21`, `2022-09`, `2022-11/2023-02`).
    pub date: String,
    /// The first and last days the date can mean, for plotting.
    pub start: String,
    pub end: String,
    pub path: String,
    pub article: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub text: String,
    /// Actor ids mentioned in the claim's sentence.
    pub actors: Vec<String>,
    pub dated_by_context: bool,
    /// The date as people write it (`8 October 2022`).
    pub readable: Option<String>,
    /// The date is only as precise as the article's own `Date`: the expression that
    /// dates the claim (`last week`) could not be resolved against a coarser header.
    pub uncertain: bool,
    /// Who asserts the claim: an actor's registry name, the words naming the speaker, or
    /// the article's source.
    pub attribution: String,
    /// The speaker's actor id, when the registry knows it.
    pub speaker: Option<String>,
    /// `direct`, `indirect` or `source`.
    pub quote: &'static str,
    /// The claim's sentence.
    pub range: TextRange,
}

/// The date value that dates a claim, if any.
pub fn claim_date(claim: &Claim) -> Option<String> {
    match &claim.dating {
        Dating::Dated { value, .. } | Dating::ByContext { value, .. } => value.clone(),
        _ => None,
    }
}

/// The calendar span of a value: a reduced-precision date, a date with a time of day
/// (`2022-10-08TEV`), a week (`2022-W38`), a season (`2022-SU`), a quarter or half
/// (`2022-Q4`, `2022-H1`), or an interval `a/b` of these.
pub fn span_of(value: &str) -> Option<(CalendarDate, CalendarDate)> {
    if let Some((start, end)) = value.split_once('/') {
        return Some((span_of(start)?.0, span_of(end)?.1));
    }
    let date_part = value.split('T').next().unwrap_or(value);
    if let Ok(date) = CalendarDate::parse_iso(date_part) {
        return Some((date, date));
    }
    let (year, part) = value.split_once('-')?;
    let year: i16 = year.parse().ok().filter(|year: &i16| *year > 0)?;
    let months = |first: u8, last: u8| {
        Some((
            CalendarDate::month(year, first),
            CalendarDate::month(year, last),
        ))
    };
    match part {
        "SP" => months(3, 5),
        "SU" => months(6, 8),
        "FA" => months(9, 11),
        "WI" => Some((
            CalendarDate::month(year, 12),
            CalendarDate::month(year + 1, 2),
        )),
        "Q1" => months(1, 3),
        "Q2" => months(4, 6),
        "Q3" => months(7, 9),
        "Q4" => months(10, 12),
        "H1" => months(1, 6),
        "H2" => months(7, 12),
        week => {
            let number: i8 = week.strip_prefix('W')?.parse().ok()?;
            let monday =
                jiff::civil::ISOWeekDate::new(year, number, jiff::civil::Weekday::Monday).ok()?;
            let sunday =
                jiff::civil::ISOWeekDate::new(year, number, jiff::civil::Weekday::Sunday).ok()?;
            Some((
                CalendarDate::from_jiff(monday.date()),
                CalendarDate::from_jiff(sunday.date()),
            ))
        }
    }
}

/// A key that orders values by their first day (values that are not dates sort last).
pub fn sort_key(value: &str) -> String {
    match span_of(value) {
        Some((start, end)) => format!("{} {}", start.first_day(), end.last_day()),
        None => format!("~{value}"),
    }
}

/// Every entry `filter` lets through, in date order.
pub fn timeline(corpus: &Corpus, filter: &TimelineFilter) -> Vec<TimelineEntry> {
    timeline_first(corpus, filter, usize::MAX).0
}

/// A claim the filter lets through, as [`timeline_first`] sorts them before it makes the
/// entries of the first: the days its date spans, its article (an index into the
/// articles read) and its place among the article's dated claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Placed {
    start: jiff::civil::Date,
    end: jiff::civil::Date,
    article: u32,
    sentence: usize,
    claim: u32,
}

/// The first `most` entries `filter` lets through, in date order, and how many it lets
/// through in all. Only those entries are made (their texts, names and attributions):
/// the timeline of a whole corpus of 10,000 articles has 300,000 entries, and a server
/// sends an editor a bounded number of them.
pub fn timeline_first(
    corpus: &Corpus,
    filter: &TimelineFilter,
    most: usize,
) -> (Vec<TimelineEntry>, usize) {
    let from = filter
        .from
        .as_deref()
        .and_then(|from| CalendarDate::parse_iso(from).ok());
    let to = filter
        .to
        .as_deref()
        .and_then(|to| CalendarDate::parse_iso(to).ok());
    let actor = filter
        .actor
        .as_deref()
        .and_then(|id| corpus.actor_index(id));
    if filter.actor.is_some() && actor.is_none() {
        return (Vec::new(), 0);
    }
    let mut articles = Vec::new();
    let mut placed = Vec::new();
    // The claims placed, by article, while there are no more than `most` of them: then
    // they need not be read again (an article may have left them in a file).
    let mut kept: Option<Vec<Vec<(u32, Claim)>>> = Some(Vec::new());
    for file in corpus.articles() {
        // Before its claims are read: an article may have left them in a file.
        if actor.is_some_and(|wanted| {
            !file
                .mentions
                .iter()
                .any(|mention| mention.actor() == wanted)
        }) {
            continue;
        }
        if let Some(source) = &filter.source {
            if !file
                .source()
                .is_some_and(|own| own.eq_ignore_ascii_case(source))
            {
                continue;
            }
        }
        let article = articles.len() as u32;
        let mut text: Option<std::sync::Arc<str>> = None;
        let before = placed.len();
        let mut keeping = Vec::new();
        let in_order = mentions_in_order(file);
        for (at, claim) in corpus.dated_claims_of(file).iter().enumerate() {
            let Some((value, _)) = dated_value(file, claim) else {
                continue;
            };
            let Some((start, end)) = span_of(&value) else {
                continue;
            };
            if from.is_some_and(|from| end.last_day() < from.first_day())
                || to.is_some_and(|to| start.first_day() > to.last_day())
            {
                continue;
            }
            if actor.is_some_and(|wanted| !sentence_actors(file, in_order, claim).contains(&wanted))
            {
                continue;
            }
            if let Some(wanted) = &filter.speaker {
                // Read once per article, and only for one with a claim to check.
                let text = &**text.get_or_insert_with(|| corpus.text_of(file).unwrap_or_default());
                let attribution = super::claims::attribution_view(corpus, file, text, claim);
                let wanted = wanted.to_lowercase();
                let matches = attribution.actor.as_deref() == Some(wanted.as_str())
                    || attribution.label.to_lowercase().contains(&wanted)
                    || attribution.speaker.to_lowercase().contains(&wanted);
                if !matches {
                    continue;
                }
            }
            placed.push(Placed {
                start: start.first_day(),
                end: end.last_day(),
                article,
                sentence: claim.sentence.start,
                claim: at as u32,
            });
            if kept.is_some() {
                keeping.push((at as u32, Claim::clone(claim)));
            }
        }
        if placed.len() > before {
            articles.push(file);
            if placed.len() > most {
                kept = None;
            }
            if let Some(kept) = kept.as_mut() {
                kept.push(keeping);
            }
        }
    }
    // The articles are read in path order, so their indexes order them as their paths do.
    placed.sort_unstable();
    let total = placed.len();
    placed.truncate(most);
    // Made an article at a time (its claims read again, its text read once), each beside
    // its place in date order, which they are put back in.
    let mut ranked: Vec<(usize, Placed)> = placed.into_iter().enumerate().collect();
    ranked.sort_unstable_by_key(|(_, placed)| (placed.article, placed.claim));
    let mut entries = Vec::with_capacity(ranked.len());
    for same in ranked.chunk_by(|(_, a), (_, b)| a.article == b.article) {
        let article = same[0].1.article as usize;
        let file = articles[article];
        let claims: Vec<(u32, Claim)> = match kept.as_mut() {
            Some(kept) => std::mem::take(&mut kept[article]),
            None => corpus
                .dated_claims_of(file)
                .into_iter()
                .enumerate()
                .map(|(at, claim)| (at as u32, claim.into_owned()))
                .collect(),
        };
        // An article the corpus keeps for the index holds no text (one changed on disk
        // since shows none).
        let text = corpus.text_of(file).unwrap_or_default();
        let in_order = mentions_in_order(file);
        for (rank, place) in same {
            let found = claims.binary_search_by_key(&place.claim, |(at, _)| *at);
            if let Ok(found) = found {
                let made = entry(corpus, file, in_order, &text, &claims[found].1);
                entries.extend(made.map(|made| (*rank, made)));
            }
        }
    }
    entries.sort_unstable_by_key(|(rank, _)| *rank);
    let entries = entries.into_iter().map(|(_, entry)| entry).collect();
    (entries, total)
}

/// The date that places a claim of `file` in the timeline, and whether it is only as
/// precise as the article's own `Date`: a date the `Date` could not resolve (`last week`
/// in an article dated `2022-10`) still places the claim, at the precision that is known.
fn dated_value(file: &ArticleFile, claim: &Claim) -> Option<(String, bool)> {
    match claim_date(claim) {
        Some(value) => Some((value, false)),
        None => file.date.map(|date| (date.to_string(), true)),
    }
}

/// Whether the mentions of `file` are in text order, as they come: a sentence's are then
/// found by binary search (testing every mention for every claim made a long article
/// quadratic). Worked out once per article, for the same reason.
fn mentions_in_order(file: &ArticleFile) -> bool {
    file.mentions
        .is_sorted_by_key(|mention| mention.range().start)
}

/// The actors mentioned in the sentence of `claim`, in text order (each once in a row);
/// `in_order` is [`mentions_in_order`] of `file`.
fn sentence_actors(file: &ArticleFile, in_order: bool, claim: &Claim) -> Vec<usize> {
    let mentions = &file.mentions;
    let candidates = if in_order {
        let from = mentions.partition_point(|mention| mention.range().start < claim.sentence.start);
        let to = mentions.partition_point(|mention| mention.range().start < claim.sentence.end);
        mentions.get(from..to.max(from)).unwrap_or(&[])
    } else {
        &mentions[..]
    };
    let mut actors: Vec<usize> = candidates
        .iter()
        .filter(|mention| claim.sentence.contains_range(mention.range()))
        .map(|mention| mention.actor())
        .collect();
    actors.dedup();
    actors
}

/// The timeline's entry for a claim of `file`, whose text is `text` (`in_order`:
/// [`mentions_in_order`]).
fn entry(
    corpus: &Corpus,
    file: &ArticleFile,
    in_order: bool,
    text: &str,
    claim: &Claim,
) -> Option<TimelineEntry> {
    let (value, uncertain) = dated_value(file, claim)?;
    let (start, end) = span_of(&value)?;
    let mut ids: Vec<String> = sentence_actors(file, in_order, claim)
        .iter()
        .filter_map(|index| corpus.actors().get(*index))
        .map(|entry| entry.actor.id.value.clone())
        .collect();
    ids.sort();
    ids.dedup();
    let attribution = super::claims::attribution_view(corpus, file, text, claim);
    Some(TimelineEntry {
        readable: if uncertain {
            crate::temporal::readable_uncertain(&value)
        } else {
            crate::temporal::readable_value(&value)
        },
        uncertain,
        attribution: attribution.label,
        speaker: attribution.actor,
        quote: attribution.quote,
        start: start.first_day().to_string(),
        end: end.last_day().to_string(),
        date: value,
        path: file.path.clone(),
        article: file.id.clone(),
        title: file.title().map(str::to_string),
        source: file.source().map(str::to_string),
        text: claim
            .sentence
            .slice(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        actors: ids,
        dated_by_context: matches!(claim.dating, Dating::ByContext { .. }),
        range: claim.sentence,
    })
}

/// Whether `value` is a date a filter's `from` or `to` can hold (`2022`, `2022-09`,
/// `2022-09-21`).
pub fn is_filter_date(value: &str) -> bool {
    CalendarDate::parse_iso(value).is_ok()
}

/// What a page shows of an entry beyond the entry itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryContext {
    /// The temporal expression (or annotation) that gives the date.
    pub cue: Option<String>,
    /// The earlier sentence that carries the date, for claims dated by context.
    pub context: Option<String>,
}

/// Where an article of the timeline is published, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLink {
    pub url: Option<String>,
    /// The article's `Date` (`2022-09-21`).
    pub published: Option<String>,
}

/// The context of each entry (in their order), and the link of each article they come
/// from, by article id.
pub fn entry_contexts<'a>(
    corpus: &Corpus,
    entries: impl IntoIterator<Item = &'a TimelineEntry>,
) -> (
    Vec<EntryContext>,
    std::collections::BTreeMap<String, ArticleLink>,
) {
    let mut articles = std::collections::BTreeMap::new();
    let by_id: std::collections::BTreeMap<&str, _> = corpus
        .articles()
        .map(|file| (file.id.as_str(), file))
        .collect();
    let mut contexts = Vec::new();
    let mut texts = std::collections::HashMap::new();
    // Each article's dated claims had once (an article may have read them from a file).
    let mut dated = std::collections::HashMap::new();
    for entry in entries {
        let file = by_id.get(entry.article.as_str()).copied();
        let claim = file.and_then(|file| {
            dated
                .entry(file.path.as_str())
                .or_insert_with(|| corpus.dated_claims_of(file))
                .iter()
                .find(|claim| claim.sentence == entry.range)
                .cloned()
        });
        // Each article's text read once (an article the corpus keeps for the index holds
        // none; one changed on disk since shows none).
        let text: std::sync::Arc<str> = match file {
            Some(file) => texts
                .entry(file.path.as_str())
                .or_insert_with(|| corpus.text_of(file).unwrap_or_default())
                .clone(),
            None => std::sync::Arc::from(""),
        };
        let text = &*text;
        let squeeze = |range: TextRange| {
            range
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let context = match claim.as_ref().map(|claim| &claim.dating) {
            Some(Dating::Dated { by, .. }) => EntryContext {
                cue: Some(squeeze(*by)),
                context: None,
            },
            Some(Dating::ByContext { sentence, by, .. }) => EntryContext {
                cue: Some(squeeze(*by)),
                context: Some(squeeze(*sentence)),
            },
            _ => EntryContext::default(),
        };
        if let Some(file) = file {
            articles
                .entry(file.id.clone())
                .or_insert_with(|| ArticleLink {
                    url: file.url().map(str::to_string),
                    published: file.date.map(|date| date.to_string()),
                });
        }
        contexts.push(context);
    }
    (contexts, articles)
}

#[cfg(test)]
mod tests {
    use super::span_of;

    #[test]
    fn spans_of_every_value_shape() {
        let show = |value: &str| {
            span_of(value)
                .map(|(start, end)| format!("{}..{}", start.first_day(), end.last_day()))
                .unwrap_or_else(|| "none".into())
        };
        assert_eq!(show("2022-10-08TEV"), "2022-10-08..2022-10-08");
        assert_eq!(show("2022-W38"), "2022-09-19..2022-09-25");
        assert_eq!(show("2022-WI"), "2022-12-01..2023-02-28");
        assert_eq!(show("2022-Q4"), "2022-10-01..2022-12-31");
        assert_eq!(show("2022-11/2023-02"), "2022-11-01..2023-02-28");
        assert_eq!(show("PAST_REF"), "none");
        assert_eq!(show("2022-W99"), "none");
    }
}
