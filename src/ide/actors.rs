//! The registry's actors as the front ends list them: names, kinds, and how often and
//! when the corpus mentions each (`dateline actors`, the timeline page).

use crate::corpus::Corpus;

/// One actor of the registries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `person`, `organization`, ... in lower case.
    pub kind: String,
}

/// How often and when the corpus mentions one actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMentions {
    pub mentions: usize,
    pub articles: usize,
    /// The earliest and latest dates of the articles that mention it (`2022-09-21`).
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Every actor, in registry order. Cheap: no mentions are counted.
pub fn actors(corpus: &Corpus) -> Vec<ActorView<'_>> {
    corpus
        .actors()
        .iter()
        .map(|entry| ActorView {
            id: &entry.actor.id.value,
            name: &entry.actor.name.value,
            kind: format!("{:?}", entry.actor.kind).to_lowercase(),
        })
        .collect()
}

/// Every actor with its mentions, in registry order.
pub fn actors_with_mentions(corpus: &Corpus) -> Vec<(ActorView<'_>, ActorMentions)> {
    actors(corpus)
        .into_iter()
        .enumerate()
        .map(|(index, view)| {
            let stats = corpus.actor_stats(index);
            let mentions = ActorMentions {
                mentions: stats.mentions,
                articles: stats.articles,
                first: stats.first.map(|date| date.to_string()),
                last: stats.last.map(|date| date.to_string()),
            };
            (view, mentions)
        })
        .collect()
}

/// Whether some registry has an actor with this id.
pub fn is_known(corpus: &Corpus, id: &str) -> bool {
    corpus.actor_index(id).is_some()
}
