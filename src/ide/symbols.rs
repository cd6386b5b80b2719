//! Symbols: a document outline (the header, then the dated claims in date order) and
//! workspace symbols for actors and articles, fuzzy-matched.

use super::timeline::{claim_date, sort_key};
use crate::claims::Dating;
use crate::corpus::{quote, Corpus};
use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Header,
    HeaderField,
    Claim,
    Actor,
    Article,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineSymbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub range: TextRange,
    pub selection: TextRange,
    pub children: Vec<OutlineSymbol>,
}

pub fn document_symbols(corpus: &Corpus, path: &str) -> Vec<OutlineSymbol> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    let mut symbols = Vec::new();
    let header = &file.article.header;
    if !header.fields.is_empty() {
        let children = header
            .fields
            .iter()
            .map(|field| OutlineSymbol {
                name: field.key.to_string(),
                detail: Some(field.value.to_string()),
                kind: SymbolKind::HeaderField,
                range: TextRange::new(
                    field.key_range.start,
                    field.value_range.end.max(field.key_range.end),
                ),
                selection: field.key_range,
                children: Vec::new(),
            })
            .collect();
        symbols.push(OutlineSymbol {
            name: file.title().unwrap_or("Header").to_string(),
            detail: file.date.map(|date| date.to_string()),
            kind: SymbolKind::Header,
            range: header.range,
            selection: header.fields[0].key_range,
            children,
        });
    }
    let mut claims: Vec<(String, OutlineSymbol)> = file
        .claims
        .iter()
        .filter_map(|claim| {
            let value = claim_date(claim)?;
            let how = match claim.dating {
                Dating::ByContext { .. } => "dated by context",
                _ => "dated",
            };
            Some((
                sort_key(&value),
                OutlineSymbol {
                    name: format!("{value} — {}", quote(&file.text, claim.sentence)),
                    detail: Some(how.to_string()),
                    kind: SymbolKind::Claim,
                    range: claim.sentence,
                    selection: claim.trigger.range(),
                    children: Vec::new(),
                },
            ))
        })
        .collect();
    claims.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.range.start.cmp(&b.1.range.start)));
    symbols.extend(claims.into_iter().map(|(_, symbol)| symbol));
    symbols
}

/// A subsequence match of `query` in `candidate`, case-insensitive; higher is better,
/// `None` when the query's letters do not all appear in order.
pub fn fuzzy_score(query: &str, candidate: &str) -> Option<i64> {
    let query: Vec<char> = query
        .to_lowercase()
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect();
    if query.is_empty() {
        return Some(0);
    }
    let candidate: Vec<char> = candidate.to_lowercase().chars().collect();
    let mut score = 0i64;
    let mut next = 0;
    let mut previous_match: Option<usize> = None;
    for (index, ch) in candidate.iter().enumerate() {
        if next < query.len() && *ch == query[next] {
            score += 10;
            if previous_match == Some(index.wrapping_sub(1)) {
                score += 15;
            }
            if index == 0 || !candidate[index - 1].is_alphanumeric() {
                score += 20;
            }
            previous_match = Some(index);
            next += 1;
        }
    }
    (next == query.len()).then_some(score - candidate.len() as i64)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub detail: String,
    pub kind: SymbolKind,
    pub path: String,
    pub range: TextRange,
    pub score: i64,
}

/// Actors (by id, name and aliases) and articles (by id and title) matching `query`, best
/// first, at most `limit`.
pub fn workspace_symbols(corpus: &Corpus, query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let mut found = Vec::new();
    for entry in corpus.actors() {
        let actor = &entry.actor;
        let best = std::iter::once(&actor.id.value)
            .chain(std::iter::once(&actor.name.value))
            .chain(actor.aliases.iter().map(|alias| &alias.value))
            .filter_map(|form| fuzzy_score(query, form))
            .max();
        if let Some(score) = best {
            found.push(WorkspaceSymbol {
                name: actor.name.value.clone(),
                detail: format!("actor `{}`", actor.id.value),
                kind: SymbolKind::Actor,
                path: entry.registry.clone(),
                range: actor.id.inner_range(),
                score,
            });
        }
    }
    for file in corpus.articles() {
        let title = file.title().unwrap_or("");
        let best = [fuzzy_score(query, &file.id), fuzzy_score(query, title)]
            .into_iter()
            .flatten()
            .max();
        if let Some(score) = best {
            let header = &file.article.header;
            let range = header
                .get("title")
                .or_else(|| header.get("id"))
                .map(|field| field.value_range)
                .unwrap_or(header.range);
            found.push(WorkspaceSymbol {
                name: if title.is_empty() {
                    file.id.clone()
                } else {
                    title.to_string()
                },
                detail: format!(
                    "article `{}`{}",
                    file.id,
                    file.date
                        .map(|date| format!(", {date}"))
                        .unwrap_or_default()
                ),
                kind: SymbolKind::Article,
                path: file.path.clone(),
                range,
                score,
            });
        }
    }
    found.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
    found.truncate(limit);
    found
}
