//! Renaming an actor id: the id in its registry and every `affiliation` that names it.
//! Article text is source material and is never rewritten.

use super::symbol::{symbol_at, Symbol};
use crate::corpus::Corpus;
use crate::text::TextRange;

/// One replacement in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileEdit {
    pub path: String,
    pub range: TextRange,
    pub new_text: String,
}

/// The id under the cursor, when it can be renamed: in a registry (the id itself or an
/// affiliation naming it). Mentions in articles are refused with a reason.
pub fn prepare_rename(
    corpus: &Corpus,
    path: &str,
    offset: usize,
) -> Result<(TextRange, usize), String> {
    if corpus.indexed_article(path).is_some() {
        return Err("article text is source material and is never rewritten; rename actor ids in the registry".into());
    }
    let Some(registry) = corpus.registry(path) else {
        return Err("nothing to rename here".into());
    };
    // A registry with a syntax error is used in its last good version, whose places are
    // gone: an edit computed from them would land in the wrong place.
    if corpus.registries().any(|registry| registry.is_stale()) {
        return Err("a registry has a syntax error: fix it before renaming".into());
    }
    match symbol_at(corpus, path, offset) {
        Some((_, Symbol::Actor(actor), _)) => {
            let entry = corpus.actors().get(actor).ok_or("unknown actor")?;
            for own in &registry.in_use().actors {
                if own.id.range.contains_inclusive(offset) && own.id.value == entry.actor.id.value {
                    return Ok((own.id.inner_range(), actor));
                }
                if let Some(affiliation) = &own.affiliation {
                    if affiliation.range.contains_inclusive(offset) {
                        return Ok((affiliation.inner_range(), actor));
                    }
                }
            }
            Err("place the cursor on an actor id or an affiliation to rename it".into())
        }
        _ => Err("place the cursor on an actor id or an affiliation to rename it".into()),
    }
}

/// Whether a text is a valid actor id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
}

pub fn rename(
    corpus: &Corpus,
    path: &str,
    offset: usize,
    new_id: &str,
) -> Result<Vec<FileEdit>, String> {
    let (_, actor) = prepare_rename(corpus, path, offset)?;
    if !is_valid_id(new_id) {
        return Err(format!(
            "`{new_id}` is not a valid id: use lowercase letters, digits and `-`"
        ));
    }
    if corpus.actor_index(new_id).is_some() {
        return Err(format!("an actor with the id `{new_id}` already exists"));
    }
    let entry = corpus.actors().get(actor).ok_or("unknown actor")?;
    let old_id = entry.actor.id.value.clone();
    // The id is a quoted TOML string: replace what is between the quotes.
    let mut edits = vec![FileEdit {
        path: entry.registry.clone(),
        range: entry.actor.id.inner_range(),
        new_text: new_id.to_string(),
    }];
    for other in corpus.actors() {
        if let Some(affiliation) = &other.actor.affiliation {
            if affiliation.value == old_id {
                edits.push(FileEdit {
                    path: other.registry.clone(),
                    range: affiliation.inner_range(),
                    new_text: new_id.to_string(),
                });
            }
        }
    }
    edits.sort();
    edits.dedup();
    Ok(edits)
}
