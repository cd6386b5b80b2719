//! `dateline timeline`: the dated claims of the selected articles in date order, as lines
//! for people, JSON, CSV, or one self-contained HTML page with a zoomable time axis.

use crate::corpus::Corpus;
use crate::ide;
use crate::ide::timeline::{self, ArticleLink, TimelineEntry, TimelineFilter};
use crate::position::Encoding;
use clap::ValueEnum;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The page; the data goes where the placeholder is (see [`html`]).
const TEMPLATE: &str = include_str!("timeline.html");
const DATA_PLACEHOLDER: &str = "__TIMELINE_DATA__";
const TITLE_PLACEHOLDER: &str = "__TIMELINE_TITLE__";

/// How many characters of a claim the human format shows before cutting it with `…`.
const HUMAN_TEXT_CHARS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Human,
    Json,
    Csv,
    Html,
}

/// One claim as the command line shows it: the analysis's entry with the path as the
/// user can type it and the 1-based line of the sentence.
#[derive(Debug, Clone)]
pub struct Row {
    pub entry: TimelineEntry,
    pub line: u32,
}

/// A row as `--format json` and the page write it, its fields in this order.
#[derive(Debug, Serialize)]
struct JsonRow<'a> {
    date: &'a str,
    start: &'a str,
    end: &'a str,
    path: &'a str,
    article: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    text: &'a str,
    actors: &'a [String],
    dated_by_context: bool,
    readable: Option<&'a str>,
    uncertain: bool,
    attribution: &'a str,
    speaker: Option<&'a str>,
    quote: &'a str,
    line: u32,
}

impl<'a> From<&'a Row> for JsonRow<'a> {
    fn from(row: &'a Row) -> Self {
        let entry = &row.entry;
        JsonRow {
            date: &entry.date,
            start: &entry.start,
            end: &entry.end,
            path: &entry.path,
            article: &entry.article,
            title: entry.title.as_deref(),
            source: entry.source.as_deref(),
            text: &entry.text,
            actors: &entry.actors,
            dated_by_context: entry.dated_by_context,
            readable: entry.readable.as_deref(),
            uncertain: entry.uncertain,
            attribution: &entry.attribution,
            speaker: entry.speaker.as_deref(),
            quote: entry.quote,
            line: row.line,
        }
    }
}

/// What the page needs beyond the rows: the words that date each claim, the sentence
/// that dates it when it is dated by context, actor names and article links.
#[derive(Debug, Serialize)]
struct PageEntry<'a> {
    #[serde(flatten)]
    row: JsonRow<'a>,
    /// The temporal expression (or annotation) that gives the date.
    cue: Option<String>,
    /// The earlier sentence that carries the date, for claims dated by context.
    context: Option<String>,
}

#[derive(Debug, Serialize)]
struct PageArticle {
    url: Option<String>,
    published: Option<String>,
}

#[derive(Debug, Serialize)]
struct PageActor {
    name: String,
    kind: String,
}

#[derive(Debug, Serialize)]
struct PageData<'a> {
    title: String,
    entries: Vec<PageEntry<'a>>,
    actors: BTreeMap<String, PageActor>,
    articles: BTreeMap<String, PageArticle>,
    filter: PageFilter<'a>,
}

#[derive(Debug, Serialize)]
struct PageFilter<'a> {
    actor: Option<&'a str>,
    source: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

pub fn run(
    path: Option<PathBuf>,
    format: TimelineFormat,
    filter: TimelineFilter,
    output: Option<PathBuf>,
) -> Result<u8, String> {
    for (flag, value) in [("--from", &filter.from), ("--to", &filter.to)] {
        if let Some(value) = value {
            if !timeline::is_filter_date(value) {
                return Err(format!(
                    "{flag} {value}: not a date (use 2022, 2022-09 or 2022-09-21)"
                ));
            }
        }
    }
    let paths: Vec<PathBuf> = path.into_iter().collect();
    let loaded = super::load(&paths, super::Retention::Everything)?;
    if let Some(actor) = &filter.actor {
        if !ide::actors::is_known(&loaded.corpus, actor) {
            return Err(format!(
                "--actor {actor}: no actor has this id (see `dateline actors`)"
            ));
        }
    }
    let rows = rows(&loaded, &filter);
    let text = match format {
        TimelineFormat::Human => human(&rows),
        TimelineFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&rows.iter().map(JsonRow::from).collect::<Vec<_>>())
                .map_err(|e| e.to_string())?
        ),
        TimelineFormat::Csv => csv(&rows),
        TimelineFormat::Html => html(&loaded.corpus, &rows, &filter, &page_title(&loaded.root))?,
    };
    match output {
        Some(file) => {
            std::fs::write(&file, text).map_err(|error| format!("{}: {error}", file.display()))?
        }
        None => super::print(&text),
    }
    Ok(super::EXIT_CLEAN)
}

/// The timeline entries of the selected files, paths shown as the user can type them.
pub fn rows(loaded: &super::Loaded, filter: &TimelineFilter) -> Vec<Row> {
    // A set: `Vec::contains` per entry made 500,000 claims × 10,000 files quadratic.
    let selected: std::collections::HashSet<&str> =
        loaded.selected.iter().map(String::as_str).collect();
    timeline::timeline(&loaded.corpus, filter)
        .into_iter()
        .filter(|entry| selected.contains(entry.path.as_str()))
        .map(|mut entry| {
            let line = loaded
                .corpus
                .article(&entry.path)
                .map(|file| {
                    file.line_index
                        .position(&file.text, entry.range.start, Encoding::Utf32)
                        .line
                        + 1
                })
                .unwrap_or(0);
            entry.path = loaded.display(&entry.path);
            Row { entry, line }
        })
        .collect()
}

fn page_title(root: &Path) -> String {
    match root.file_name() {
        Some(name) => format!("Timeline — {}", name.to_string_lossy()),
        None => "Timeline".to_string(),
    }
}

/// `2022-09-21  Source — text…`, the dates padded to one width so the sources align.
pub fn human(rows: &[Row]) -> String {
    let width = rows
        .iter()
        .map(|row| row.entry.date.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for row in rows {
        let source = row.entry.source.as_deref().unwrap_or("(no source)");
        // Who asserts it, where that is not the outlet itself.
        let speaker = if row.entry.quote == "source" {
            String::new()
        } else {
            format!("{}: ", row.entry.attribution)
        };
        out.push_str(&format!(
            "{:<width$}  {source} — {speaker}{}\n",
            row.entry.date,
            shorten(&row.entry.text, HUMAN_TEXT_CHARS)
        ));
    }
    out
}

/// The first `limit` characters of `text`, with `…` when something was cut.
fn shorten(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text).trim_end()),
        None => text.to_string(),
    }
}

/// A header row, then one row per claim; fields quoted as RFC 4180 says.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from(
        "date,start,end,source,title,article,path,line,actors,dated_by_context,attribution,speaker,quote,uncertain,text\r\n",
    );
    for row in rows {
        let entry = &row.entry;
        let fields = [
            entry.date.clone(),
            entry.start.clone(),
            entry.end.clone(),
            entry.source.clone().unwrap_or_default(),
            entry.title.clone().unwrap_or_default(),
            entry.article.clone(),
            entry.path.clone(),
            row.line.to_string(),
            entry.actors.join(";"),
            entry.dated_by_context.to_string(),
            entry.attribution.clone(),
            entry.speaker.clone().unwrap_or_default(),
            entry.quote.to_string(),
            entry.uncertain.to_string(),
            entry.text.clone(),
        ];
        let quoted: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A field as it may stand in a CSV row: quoted when it holds a separator, a quote,
/// a line break or edge spaces, with inner quotes doubled.
pub fn csv_field(field: &str) -> String {
    let needs_quotes = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// JSON that can stand inside `<script>` in HTML: `<`, `>` and `&` as `\u` escapes, so
/// no `</script>` or `<!--` in the data can end or change the element.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text that can stand in HTML element content.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: the template with the data embedded as JSON.
pub fn html(
    corpus: &Corpus,
    rows: &[Row],
    filter: &TimelineFilter,
    title: &str,
) -> Result<String, String> {
    let (contexts, links) = timeline::entry_contexts(corpus, rows.iter().map(|row| &row.entry));
    let entries = rows
        .iter()
        .zip(contexts)
        .map(|(row, context)| PageEntry {
            row: row.into(),
            cue: context.cue,
            context: context.context,
        })
        .collect();
    let articles = links
        .into_iter()
        .map(|(id, ArticleLink { url, published })| (id, PageArticle { url, published }))
        .collect();
    let actors = ide::actors::actors(corpus)
        .into_iter()
        .map(|actor| {
            (
                actor.id.to_string(),
                PageActor {
                    name: actor.name.to_string(),
                    kind: actor.kind,
                },
            )
        })
        .collect();
    let data = PageData {
        title: title.to_string(),
        entries,
        actors,
        articles,
        filter: PageFilter {
            actor: filter.actor.as_deref(),
            source: filter.source.as_deref(),
            from: filter.from.as_deref(),
            to: filter.to.as_deref(),
        },
    };
    let json = serde_json::to_string(&data).map_err(|e| e.to_string())?;
    // The data goes in last and is never searched: a placeholder inside it stays text.
    let (head, tail) = TEMPLATE
        .split_once(DATA_PLACEHOLDER)
        .ok_or("the page template has no data placeholder")?;
    let head = head.replace(TITLE_PLACEHOLDER, &escape_html(title));
    Ok(format!("{head}{}{tail}", script_safe_json(&json)))
}
