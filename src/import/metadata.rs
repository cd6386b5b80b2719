//! What a web page says about its article: the JSON-LD `Article` objects, the OpenGraph
//! and other `<meta>` fields, `<time datetime>`, the canonical link, `<html lang>` and
//! `<title>`, read from the parsed page as they stand, each kept with where it came from.

use dom_query::{Document, Selection};
use serde_json::Value;
use std::collections::HashMap;

/// The schema.org types taken for a news article (a page's JSON-LD also describes its
/// site, breadcrumbs, images and people, which are not the article).
const ARTICLE_TYPES: [&str; 10] = [
    "Article",
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// The fields of one JSON-LD article object, references to other nodes of its graph
/// (`"publisher": {"@id": "#org"}`) already followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonLdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub publisher: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// Everything the page's head and markup say, before any choice between them.
#[derive(Debug, Default)]
pub(crate) struct PageMetadata {
    pub json_ld: Vec<JsonLdArticle>,
    /// JSON-LD blocks that are not valid JSON (counted, for a note).
    pub broken_json_ld: usize,
    /// `<meta property|name|itemprop=... content=...>`, keys lower-cased, first one kept.
    pub meta: HashMap<String, String>,
    pub canonical: Option<String>,
    pub language: Option<String>,
    pub title_element: Option<String>,
}

/// Reads the metadata of the whole page (JSON-LD and `<meta>` belong to the page, not to
/// one of its `<article>` elements).
pub(crate) fn read(document: &Document) -> PageMetadata {
    let mut metadata = PageMetadata::default();
    for script in document.select("script").iter() {
        let kind = script.attr("type").map(|t| t.to_ascii_lowercase());
        if kind.as_deref().map(str::trim) != Some("application/ld+json") {
            continue;
        }
        let text = script.text();
        match serde_json::from_str::<Value>(strip_wrappers(&text)) {
            Ok(value) => metadata.json_ld.extend(articles_of(&value)),
            Err(_) => metadata.broken_json_ld += 1,
        }
    }
    for meta in document.select("meta").iter() {
        let Some(content) = meta.attr("content") else {
            continue;
        };
        let content = clean_text(&content);
        if content.is_empty() {
            continue;
        }
        for attribute in ["property", "name", "itemprop"] {
            if let Some(key) = meta.attr(attribute) {
                let key = key.trim().to_ascii_lowercase();
                if !key.is_empty() {
                    metadata.meta.entry(key).or_insert_with(|| content.clone());
                }
            }
        }
    }
    for link in document.select("link[rel]").iter() {
        let is_canonical = link.attr("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        });
        if let Some(href) = link.attr("href").filter(|_| is_canonical) {
            let href = href.trim().to_string();
            if !href.is_empty() {
                metadata.canonical = Some(href);
                break;
            }
        }
    }
    metadata.language = document
        .select("html")
        .attr("lang")
        .map(|lang| lang.trim().to_string())
        .filter(|lang| !lang.is_empty());
    metadata.title_element =
        Some(clean_text(&document.select("head title").text())).filter(|title| !title.is_empty());
    metadata
}

/// The first `datetime` of a `<time>` element (or of an element marked
/// `itemprop="datePublished"`) inside `scope`.
pub(crate) fn time_datetime(scope: &Selection) -> Option<String> {
    for element in scope
        .select("[itemprop=datePublished], time[datetime]")
        .iter()
    {
        let value = element.attr("datetime").or_else(|| element.attr("content"));
        if let Some(value) = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
        {
            return Some(value);
        }
    }
    None
}

/// A JSON-LD block's text without the wrappers some sites put around it (`<![CDATA[`,
/// `<!--`), which are not JSON.
fn strip_wrappers(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    text
}

/// Every article object of a JSON-LD value: the value itself, the items of an array, the
/// nodes of an `@graph`.
fn articles_of(value: &Value) -> Vec<JsonLdArticle> {
    let mut nodes: Vec<&Value> = Vec::new();
    collect_nodes(value, &mut nodes, 0);
    let by_id: HashMap<&str, &Value> = nodes
        .iter()
        .filter_map(|node| Some((node.get("@id")?.as_str()?, *node)))
        .collect();
    nodes
        .iter()
        .filter(|node| is_article(node))
        .map(|node| JsonLdArticle {
            headline: string_of(node.get("headline"))
                .or_else(|| string_of(node.get("name")))
                .map(|s| clean_text(&s))
                .filter(|s| !s.is_empty()),
            date_published: string_of(node.get("datePublished")),
            publisher: node
                .get("publisher")
                .and_then(|publisher| names_of(publisher, &by_id).into_iter().next()),
            authors: node
                .get("author")
                .map(|author| names_of(author, &by_id))
                .unwrap_or_default(),
            url: string_of(node.get("url")).or_else(|| {
                let page = node.get("mainEntityOfPage")?;
                string_of(Some(page)).or_else(|| string_of(page.get("@id")))
            }),
            language: string_of(node.get("inLanguage")),
        })
        .collect()
}

/// Objects at the top, in arrays and in `@graph`s, a few levels deep (a page's JSON-LD is
/// shallow; the depth bound keeps a hostile one from costing more).
fn collect_nodes<'v>(value: &'v Value, nodes: &mut Vec<&'v Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_nodes(item, nodes, depth + 1);
            }
        }
        Value::Object(object) => {
            nodes.push(value);
            if let Some(graph) = object.get("@graph") {
                collect_nodes(graph, nodes, depth + 1);
            }
        }
        _ => {}
    }
}

fn is_article(node: &Value) -> bool {
    let type_matches = |name: &str| {
        // `schema:NewsArticle` and `https://schema.org/NewsArticle` name the same type.
        let bare = name.rsplit([':', '/']).next().unwrap_or(name);
        ARTICLE_TYPES.contains(&bare)
    };
    match node.get("@type") {
        Some(Value::String(name)) => type_matches(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(type_matches),
        _ => false,
    }
}

/// A string, or the first string of an array of them.
fn string_of(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(text) => text.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .find_map(|item| item.as_str())?
            .trim()
            .to_string(),
        _ => return None,
    };
    Some(text).filter(|text| !text.is_empty())
}

/// The names of a person or organisation value: a string, an object with a `name` (or an
/// `@id` naming another node of the page), or an array of those.
fn names_of(value: &Value, by_id: &HashMap<&str, &Value>) -> Vec<String> {
    let one = |item: &Value| -> Option<String> {
        match item {
            Value::String(name) => Some(name.clone()),
            Value::Object(object) => string_of(object.get("name")).or_else(|| {
                let target = by_id.get(object.get("@id")?.as_str()?)?;
                string_of(target.get("name"))
            }),
            _ => None,
        }
    };
    let names: Vec<Option<String>> = match value {
        Value::Array(items) => items.iter().map(one).collect(),
        item => vec![one(item)],
    };
    names
        .into_iter()
        .flatten()
        .map(|name| clean_text(&name))
        .filter(|name| !name.is_empty())
        .collect()
}

/// White space collapsed to single spaces and trimmed: a header value is one line.
/// Control characters go too (a NUL would make the article file read as binary).
pub(crate) fn clean_text(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
