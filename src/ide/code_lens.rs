//! Code lenses on registry entries: "N mentions in M articles", opening the references.

use crate::corpus::Corpus;
use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// The actor's id in the registry, where the lens stands.
    pub range: TextRange,
    pub actor: usize,
    pub title: String,
}

pub fn code_lenses(corpus: &Corpus, path: &str) -> Vec<Lens> {
    corpus
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.registry == path)
        .map(|(index, entry)| {
            let stats = corpus.actor_stats(index);
            let title = match (stats.mentions, stats.articles) {
                (0, _) => "no mentions".to_string(),
                (1, _) => "1 mention in 1 article".to_string(),
                (mentions, 1) => format!("{mentions} mentions in 1 article"),
                (mentions, articles) => format!("{mentions} mentions in {articles} articles"),
            };
            Lens {
                range: entry.actor.id.inner_range(),
                actor: index,
                title,
            }
        })
        .collect()
}
