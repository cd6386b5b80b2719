//! Diagnostics of an article that need the rest of the corpus: citations of unknown ids,
//! two files with the same `Id` or `URL`.

use super::{ArticleFile, Corpus};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};
use crate::text::TextRange;

/// What the rest of the corpus says of an article: each is one cross-file diagnostic.
#[derive(Hash)]
enum Finding<'a> {
    /// A citation of an id no article has.
    UnknownCitation { range: TextRange, id: &'a str },
    /// Other files with the article's id.
    DuplicateId {
        range: TextRange,
        others: Vec<&'a str>,
    },
    /// Other files with the article's URL.
    DuplicateUrl {
        range: TextRange,
        others: Vec<&'a str>,
    },
    /// A name no actor matches, used in this many articles.
    UnknownActor {
        range: TextRange,
        name: &'a str,
        articles: usize,
    },
}

/// Hands each cross-file finding of `file` to `found`, in the order of its diagnostics.
fn findings<'a>(corpus: &'a Corpus, file: &'a ArticleFile, mut found: impl FnMut(Finding<'a>)) {
    for citation in &file.article.citations {
        for cited in &citation.ids {
            // One lookup of the id, not two as `article_by_id` makes: the findings of
            // every article look up every id it cites.
            if corpus.paths_with_id(&cited.id).next().is_none() {
                found(Finding::UnknownCitation {
                    range: cited.range,
                    id: &cited.id,
                });
            }
        }
    }
    let header = &file.article.header;
    let id_range = header
        .get("id")
        .map(|field| field.value_range)
        .unwrap_or(header.range);
    let same_id: Vec<&str> = corpus
        .paths_with_id(&file.id)
        .filter(|path| *path != file.path)
        .collect();
    if !same_id.is_empty() {
        found(Finding::DuplicateId {
            range: id_range,
            others: same_id,
        });
    }
    if let Some(url) = header.get("url").filter(|field| !field.value.is_empty()) {
        let same_url: Vec<&str> = corpus
            .paths_with_url(&url.value)
            .filter(|path| *path != file.path)
            .collect();
        if !same_url.is_empty() {
            found(Finding::DuplicateUrl {
                range: url.value_range,
                others: same_url,
            });
        }
    }
    let mut hinted = std::collections::BTreeSet::new();
    for (range, name) in &file.unknown_names {
        let articles = corpus.unknown_name_articles(name);
        // Only names the corpus keeps using are worth a registry entry; each is hinted
        // once per file.
        if articles >= UNKNOWN_ACTOR_MIN_ARTICLES && hinted.insert(name) {
            found(Finding::UnknownActor {
                range: *range,
                name,
                articles,
            });
        }
    }
}

pub(super) fn article_diagnostics(corpus: &Corpus, file: &ArticleFile) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    findings(corpus, file, |finding| {
        diagnostics.push(match finding {
            Finding::UnknownCitation { range, id } => Diagnostic::error(
                range,
                DiagnosticCode::UnknownCitation,
                format!("no article in the corpus has the id `{id}`"),
            ),
            Finding::DuplicateId { range, others } => Diagnostic::error(
                range,
                DiagnosticCode::DuplicateId,
                format!(
                    "the id `{}` is also the id of {}",
                    file.id,
                    others.join(", ")
                ),
            ),
            Finding::DuplicateUrl { range, others } => Diagnostic::error(
                range,
                DiagnosticCode::DuplicateUrl,
                format!("the same URL is given by {}", others.join(", ")),
            ),
            Finding::UnknownActor {
                range,
                name,
                articles,
            } => Diagnostic::new(
                range,
                Severity::Hint,
                DiagnosticCode::UnknownActor,
                format!("“{name}” appears in {articles} articles but is not in the actor registry"),
            ),
        })
    });
    diagnostics
}

/// The cross-file findings of `file` hashed, without making their diagnostics (the same
/// findings make the same diagnostics): what its diagnostics stamp holds of the rest of
/// the corpus ([`Corpus::diagnostics_stamp`]).
pub(super) fn fingerprint(corpus: &Corpus, file: &ArticleFile) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    findings(corpus, file, |finding| finding.hash(&mut hasher));
    hasher.finish()
}

/// In how many articles a name must appear before it is suggested for the registry.
pub const UNKNOWN_ACTOR_MIN_ARTICLES: usize = 2;
