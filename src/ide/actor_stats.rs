//! What the corpus knows of an actor, as hover cards, code lenses and `dateline actors`
//! show it: the corpus computes it once per actor and keeps it until an article changes.

pub use crate::corpus::ActorStats;
use crate::corpus::Corpus;
use std::sync::Arc;

pub fn actor_stats(corpus: &Corpus, actor: usize) -> Arc<ActorStats> {
    corpus.actor_stats(actor)
}
