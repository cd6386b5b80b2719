//! Go to definition, find references and document highlights, in byte ranges.

use super::symbol::{symbol_at, Symbol};
use crate::corpus::{ArticleFile, Corpus};
use crate::position::Span;
use crate::text::TextRange;

/// A place in a file of the corpus (whose path it borrows: an actor can have tens of
/// thousands of mentions).
#[derive(Clone, Copy)]
pub struct Target<'c> {
    pub path: &'c str,
    pub range: TextRange,
    /// The article the place is in, when it is in one: callers converting thousands of
    /// places need not look each file up again.
    pub article: Option<&'c ArticleFile>,
    /// The place in lines and UTF-16 columns, when the corpus knows it already (an
    /// actor's mentions): converting it then reads nothing of the file.
    pub utf16: Option<Span>,
}

impl std::fmt::Debug for Target<'_> {
    // The article is the corpus's: the place is its path and range.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{:?}", self.path, self.range)
    }
}

/// Where an actor is defined: its id in its registry.
fn actor_declaration(corpus: &Corpus, actor: usize) -> Option<Target<'_>> {
    let entry = corpus.actors().get(actor)?;
    Some(Target {
        path: &entry.registry,
        range: entry.actor.id.inner_range(),
        article: None,
        utf16: None,
    })
}

/// Where an article is declared: its header (or its first line when it has none).
fn article_declaration<'c>(corpus: &'c Corpus, id: &str) -> Option<Target<'c>> {
    let file = corpus.article_by_id(id)?;
    let header = &file.article.header;
    let range = header
        .get("id")
        .map(|field| field.value_range)
        .or_else(|| header.get("title").map(|field| field.value_range))
        .unwrap_or(header.range);
    Some(Target {
        path: &file.path,
        range,
        article: Some(file),
        utf16: None,
    })
}

/// Mention → the actor's registry entry; citation → the cited article's header;
/// affiliation → the actor it names.
pub fn definition<'c>(corpus: &'c Corpus, path: &str, offset: usize) -> Vec<Target<'c>> {
    match symbol_at(corpus, path, offset) {
        Some((_, Symbol::Actor(actor), _)) => {
            actor_declaration(corpus, actor).into_iter().collect()
        }
        Some((_, Symbol::Article(id), _)) => article_declaration(corpus, &id).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Every mention of the actor under the cursor, or every citation of the article under
/// it (a citation, or anywhere in the article's own header).
pub fn references<'c>(
    corpus: &'c Corpus,
    path: &str,
    offset: usize,
    include_declaration: bool,
) -> Vec<Target<'c>> {
    let symbol = match symbol_at(corpus, path, offset) {
        Some((_, Symbol::HeaderField { .. }, _)) | None => {
            // Anywhere in a header stands for the article itself.
            let file = corpus.indexed_article(path);
            match file {
                Some(file)
                    if file.article.header.range.contains_inclusive(offset)
                        && !file.article.header.fields.is_empty() =>
                {
                    Symbol::Article(file.id.clone())
                }
                _ => return Vec::new(),
            }
        }
        Some((_, symbol, _)) => symbol,
    };
    let mut targets = Vec::new();
    match symbol {
        Symbol::Actor(actor) => {
            if include_declaration {
                targets.extend(actor_declaration(corpus, actor));
            }
            targets.extend(
                corpus
                    .mentions_of(actor)
                    .into_iter()
                    .map(|(file, mention)| Target {
                        path: &file.path,
                        range: mention.range(),
                        article: Some(file),
                        utf16: mention.utf16(),
                    }),
            );
        }
        Symbol::Article(id) => {
            if include_declaration {
                targets.extend(article_declaration(corpus, &id));
            }
            targets.extend(
                corpus
                    .citations_of(&id)
                    .into_iter()
                    .map(|(file, range)| Target {
                        path: &file.path,
                        range,
                        article: Some(file),
                        utf16: None,
                    }),
            );
        }
        _ => {}
    }
    targets
}

/// The other mentions of the same actor (or citations of the same article) in this file.
pub fn highlights(corpus: &Corpus, path: &str, offset: usize) -> Vec<TextRange> {
    let Some((range, symbol, _)) = symbol_at(corpus, path, offset) else {
        return Vec::new();
    };
    let Some(file) = corpus.article(path) else {
        return vec![range];
    };
    match symbol {
        Symbol::Actor(actor) => file
            .mentions
            .iter()
            .filter(|mention| mention.actor() == actor)
            .map(|mention| mention.range())
            .collect(),
        Symbol::Article(id) => file
            .article
            .citations
            .iter()
            .flat_map(|citation| citation.ids.iter())
            .filter(|cited| *cited.id == *id)
            .map(|cited| cited.range)
            .collect(),
        _ => vec![range],
    }
}
