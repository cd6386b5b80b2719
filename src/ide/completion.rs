//! Completion: header keys and known `Source` values in the header, article ids after
//! `[@`, the header date after `{date: `, actor names and aliases in the body.

use super::hover::{actor_card, article_summary, HEADER_KEYS};
use crate::corpus::Corpus;
use crate::text::TextRange;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    HeaderKey,
    HeaderValue,
    Article,
    Date,
    Actor,
    Annotation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// What replaces `replace`.
    pub insert: String,
    pub replace: TextRange,
}

/// The text of the cursor's line before the cursor, and where that line starts.
fn line_before(text: &str, offset: usize) -> (&str, usize) {
    let offset = crate::position::floor_char_boundary(text, offset);
    let start = text[..offset]
        .rfind(['\n', '\r'])
        .map(|i| i + 1)
        .unwrap_or(0);
    (&text[start..offset], start)
}

/// The identifier-ish word that ends at the cursor: its start offset.
fn word_start(text: &str, offset: usize, part_of_word: impl Fn(char) -> bool) -> usize {
    let offset = crate::position::floor_char_boundary(text, offset);
    text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, ch)| part_of_word(*ch))
        .last()
        .map(|(index, _)| index)
        .unwrap_or(offset)
}

pub fn completions(corpus: &Corpus, path: &str, offset: usize) -> Vec<Completion> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    let text: &str = &file.text;
    let offset = offset.min(text.len());
    let (before, line_start) = line_before(text, offset);
    let header = &file.article.header;
    // A file with no header yet offers header keys on its first line.
    let no_header_yet = header.fields.is_empty()
        && line_start == 0
        && !before.split(':').next().unwrap_or("").trim().contains(' ');
    // A line being typed right under the header (not yet `Key: value`) extends it.
    let header_end = header.range.end;
    let under_header = !header.fields.is_empty()
        && (line_start == header_end
            || text
                .get(header_end..line_start)
                .is_some_and(|gap| gap == "\n" || gap == "\r\n"))
        && !before.contains(' ');
    let in_header =
        (!header.range.is_empty() && offset <= header_end) || no_header_yet || under_header;
    if in_header {
        let items = header_completions(corpus, &file, before, line_start, offset);
        if !items.is_empty() || !header.range.is_empty() {
            return items;
        }
    }

    // `[@` or `; @` inside a citation: article ids.
    if let Some(at) = before.rfind('@') {
        let typed = &before[at + 1..];
        let opened =
            before[..at].trim_end().ends_with('[') || before[..at].trim_end().ends_with(';');
        if opened
            && typed
                .chars()
                .all(|ch| ch.is_alphanumeric() || "_-.:/".contains(ch))
        {
            let replace = TextRange::new(line_start + at + 1, offset);
            return corpus
                .articles()
                .filter(|other| other.path != file.path)
                .map(|other| Completion {
                    label: other.id.clone(),
                    kind: CompletionKind::Article,
                    detail: Some(
                        [
                            other.title().map(str::to_string),
                            other.date.map(|d| d.to_string()),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · "),
                    ),
                    documentation: Some(article_summary(other)),
                    insert: other.id.clone(),
                    replace,
                })
                .collect();
        }
    }

    // `{date: ` : the article's own date.
    if let Some(brace) = before.rfind('{') {
        let inside = &before[brace + 1..];
        if !inside.contains('}') {
            let lower = inside.trim_start().to_lowercase();
            if let Some(rest) = lower.strip_prefix("date:") {
                let typed_start = offset - rest.trim_start().len();
                let mut items = Vec::new();
                if let Some(date) = file.date {
                    items.push(Completion {
                        label: date.to_string(),
                        kind: CompletionKind::Date,
                        detail: Some("the article's Date".into()),
                        documentation: None,
                        insert: format!("{date}}}"),
                        replace: TextRange::new(typed_start, offset),
                    });
                }
                return items;
            }
            if lower
                .chars()
                .all(|ch| ch.is_ascii_alphabetic() || ch == '-')
            {
                let replace = TextRange::new(line_start + brace + 1, offset);
                let date = file.date.map(|d| d.to_string()).unwrap_or_default();
                return vec![
                    Completion {
                        label: "date:".into(),
                        kind: CompletionKind::Annotation,
                        detail: Some("date this sentence".into()),
                        documentation: None,
                        insert: format!("date: {date}}}"),
                        replace,
                    },
                    Completion {
                        label: "undated-ok".into(),
                        kind: CompletionKind::Annotation,
                        detail: Some("silence the undated-claim warning of this sentence".into()),
                        documentation: None,
                        insert: "undated-ok}".into(),
                        replace,
                    },
                ];
            }
        }
    }

    // A word being typed in the body: actors whose name or alias starts with it.
    let start = word_start(text, offset, |ch| {
        ch.is_alphanumeric() || ch == '-' || ch == '\''
    });
    let typed = &text[start..offset];
    if typed.is_empty() {
        return Vec::new();
    }
    let typed_lower = typed.to_lowercase();
    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    // Actors one of whose forms as written starts as typed: not offered again by key.
    let mut offered_actors = BTreeSet::new();
    for (index, entry) in corpus.actors().iter().enumerate() {
        let actor = &entry.actor;
        let forms = std::iter::once(&actor.name.value)
            .chain(actor.aliases.iter().map(|alias| &alias.value));
        for form in forms {
            if !form.to_lowercase().starts_with(&typed_lower) {
                continue;
            }
            offered_actors.insert(index);
            if seen.insert(form.clone()) {
                items.push(Completion {
                    label: form.clone(),
                    kind: CompletionKind::Actor,
                    detail: Some(if *form == actor.name.value {
                        actor
                            .role
                            .clone()
                            .unwrap_or_else(|| actor.kind.as_str().to_string())
                    } else {
                        format!("{} (alias)", actor.name.value)
                    }),
                    documentation: actor_card(corpus, index),
                    insert: form.clone(),
                    replace: TextRange::new(start, offset),
                });
            }
        }
    }
    // Typed in another script (`Лука`, `Łuka`): actors none of whose forms as written
    // start so, but whose form does by cross-script key. The form is offered as the
    // registry writes it; the detail says why it was offered.
    for (index, form) in corpus.matcher().forms_by_key_prefix(typed) {
        let Some(entry) = corpus.actors().get(index) else {
            continue;
        };
        if offered_actors.contains(&index) || !seen.insert(form.to_string()) {
            continue;
        }
        items.push(Completion {
            label: form.to_string(),
            kind: CompletionKind::Actor,
            detail: Some(format!(
                "{} (spelled in another script)",
                entry.actor.name.value
            )),
            documentation: actor_card(corpus, index),
            insert: form.to_string(),
            replace: TextRange::new(start, offset),
        });
    }
    items
}

fn header_completions(
    corpus: &Corpus,
    file: &crate::corpus::ArticleFile,
    before: &str,
    line_start: usize,
    offset: usize,
) -> Vec<Completion> {
    match before.split_once(':') {
        None => {
            let typed_start = line_start + (before.len() - before.trim_start().len());
            let present: BTreeSet<String> = file
                .article
                .header
                .fields
                .iter()
                .filter(|field| field.key_range.end < line_start || field.key_range.start > offset)
                .map(|field| field.key.to_lowercase())
                .collect();
            HEADER_KEYS
                .iter()
                .filter(|(key, _)| !present.contains(&key.to_lowercase()))
                .filter(|(key, _)| {
                    key.to_lowercase()
                        .starts_with(&before.trim().to_lowercase())
                })
                .map(|(key, meaning)| Completion {
                    label: key.to_string(),
                    kind: CompletionKind::HeaderKey,
                    detail: None,
                    documentation: Some(meaning.to_string()),
                    insert: format!("{key}: "),
                    replace: TextRange::new(typed_start, offset),
                })
                .collect()
        }
        Some((key, value)) => {
            let typed_start = offset - value.trim_start().len();
            let replace = TextRange::new(typed_start, offset);
            let values: Vec<(String, Option<String>)> = match key.trim().to_lowercase().as_str() {
                "source" => {
                    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
                    for other in corpus.articles().filter(|other| other.path != file.path) {
                        if let Some(source) = other.source().filter(|s| !s.is_empty()) {
                            *counts.entry(source.to_string()).or_default() += 1;
                        }
                    }
                    counts
                        .into_iter()
                        .map(|(source, count)| (source, Some(format!("{count} article(s)"))))
                        .collect()
                }
                "kind" => vec![
                    ("article".into(), Some("published news (default)".into())),
                    (
                        "summary".into(),
                        Some("a note written by the corpus keeper".into()),
                    ),
                ],
                "lint" => vec![(
                    "undated-ok".into(),
                    Some("no undated-claim warnings in this file".into()),
                )],
                "date" => corpus
                    .today()
                    .map(|today| vec![(today.to_string(), Some("today".to_string()))])
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let typed = value.trim_start().to_lowercase();
            values
                .into_iter()
                .filter(|(candidate, _)| candidate.to_lowercase().starts_with(&typed))
                .map(|(candidate, detail)| Completion {
                    label: candidate.clone(),
                    kind: CompletionKind::HeaderValue,
                    detail,
                    documentation: None,
                    insert: candidate,
                    replace,
                })
                .collect()
        }
    }
}
