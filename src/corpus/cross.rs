//! Diagnostics of an article that need the rest of the corpus: citations of unknown ids,
//! two files with the same `Id` or `URL`.

use super::{ArticleFile, Corpus};
use crate::diagnostic::{Diagnostic, DiagnosticCode, Severity};

pub(super) fn article_diagnostics(corpus: &Corpus, file: &ArticleFile) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for citation in &file.article.citations {
        for cited in &citation.ids {
            if corpus.article_by_id(&cited.id).is_none() {
                diagnostics.push(Diagnostic::error(
                    cited.range,
                    DiagnosticCode::UnknownCitation,
                    format!("no article in the corpus has the id `{}`", cited.id),
                ));
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
        diagnostics.push(Diagnostic::error(
            id_range,
            DiagnosticCode::DuplicateId,
            format!(
                "the id `{}` is also the id of {}",
                file.id,
                same_id.join(", ")
            ),
        ));
    }
    if let Some(url) = header.get("url").filter(|field| !field.value.is_empty()) {
        let same_url: Vec<&str> = corpus
            .paths_with_url(&url.value)
            .filter(|path| *path != file.path)
            .collect();
        if !same_url.is_empty() {
            diagnostics.push(Diagnostic::error(
                url.value_range,
                DiagnosticCode::DuplicateUrl,
                format!("the same URL is given by {}", same_url.join(", ")),
            ));
        }
    }
    let mut hinted = std::collections::BTreeSet::new();
    for (range, name) in &file.unknown_names {
        let articles = corpus.unknown_name_articles(name);
        // Only names the corpus keeps using are worth a registry entry; each is hinted
        // once per file.
        if articles >= UNKNOWN_ACTOR_MIN_ARTICLES && hinted.insert(name) {
            diagnostics.push(Diagnostic::new(
                *range,
                Severity::Hint,
                DiagnosticCode::UnknownActor,
                format!("“{name}” appears in {articles} articles but is not in the actor registry"),
            ));
        }
    }
    diagnostics
}

/// The cross-file diagnostics of `file` ([`article_diagnostics`]) hashed: what its
/// diagnostics stamp holds of the rest of the corpus.
pub(super) fn fingerprint(corpus: &Corpus, file: &ArticleFile) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    article_diagnostics(corpus, file).hash(&mut hasher);
    hasher.finish()
}

/// In how many articles a name must appear before it is suggested for the registry.
pub const UNKNOWN_ACTOR_MIN_ARTICLES: usize = 2;
