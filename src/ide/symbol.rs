//! What the cursor is on: an actor (by a mention, or its registry entry), an article (by
//! a citation, or its own header), a temporal expression, or a header field.

use crate::corpus::Corpus;
use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Symbol {
    /// An actor, by index into the corpus's actors.
    Actor(usize),
    /// An article, by id.
    Article(String),
    /// A temporal expression, by index into the file's expressions.
    Timex(usize),
    /// A header field, by index into the header's fields; `on_key` when the cursor is on
    /// the key rather than the value.
    HeaderField { index: usize, on_key: bool },
}

/// How the cursor reached a symbol, which decides what "definition" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A use: a mention, a citation, an affiliation value.
    Reference,
    /// The symbol's own definition: a registry entry, an article header.
    Declaration,
}

/// The symbol at a byte offset of a file, with the range of the text that names it.
pub fn symbol_at(corpus: &Corpus, path: &str, offset: usize) -> Option<(TextRange, Symbol, Via)> {
    if let Some(file) = corpus.article(path) {
        // Mentions are in text order and do not overlap: only the last two starting at or
        // before the offset can hold it (two when one ends where the next starts, and
        // the first of them is taken). A long article has tens of thousands.
        let starting_before = file
            .mentions
            .partition_point(|mention| mention.range().start <= offset);
        if let Some(mention) = file.mentions[starting_before.saturating_sub(2)..starting_before]
            .iter()
            .find(|mention| mention.range().contains_inclusive(offset))
        {
            return Some((
                mention.range(),
                Symbol::Actor(mention.actor()),
                Via::Reference,
            ));
        }
        for citation in &file.article.citations {
            for cited in &citation.ids {
                if cited.range.contains_inclusive(offset) {
                    return Some((
                        cited.range,
                        Symbol::Article(cited.id.to_string()),
                        Via::Reference,
                    ));
                }
            }
        }
        if let Some(index) = file
            .timexes
            .iter()
            .position(|timex| timex.range.contains_inclusive(offset))
        {
            return Some((
                file.timexes[index].range,
                Symbol::Timex(index),
                Via::Reference,
            ));
        }
        let header = &file.article.header;
        for (index, field) in header.fields.iter().enumerate() {
            if field.key_range.contains_inclusive(offset) {
                return Some((
                    field.key_range,
                    Symbol::HeaderField {
                        index,
                        on_key: true,
                    },
                    Via::Declaration,
                ));
            }
            if field.value_range.contains_inclusive(offset) {
                return Some((
                    field.value_range,
                    Symbol::HeaderField {
                        index,
                        on_key: false,
                    },
                    Via::Declaration,
                ));
            }
        }
        return None;
    }
    let registry = corpus.registry(path)?;
    let actors = corpus.actors();
    for actor in &registry.in_use().actors {
        if !actor.range.contains_inclusive(offset) {
            continue;
        }
        let index = actors
            .iter()
            .position(|entry| entry.registry == path && entry.actor.id.value == actor.id.value)?;
        if let Some(affiliation) = &actor.affiliation {
            if affiliation.range.contains_inclusive(offset) {
                let target = corpus.actor_index(&affiliation.value)?;
                return Some((affiliation.range, Symbol::Actor(target), Via::Reference));
            }
        }
        let named = std::iter::once(&actor.id)
            .chain(std::iter::once(&actor.name))
            .chain(actor.aliases.iter())
            .find(|spanned| spanned.range.contains_inclusive(offset));
        let range = named.map(|spanned| spanned.range).unwrap_or(actor.id.range);
        return Some((range, Symbol::Actor(index), Via::Declaration));
    }
    None
}
