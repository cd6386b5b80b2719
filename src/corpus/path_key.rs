//! `PathKey`: a path as the per-actor index keys it, ordered as the path but compared on
//! an inline prefix first.

use std::cmp::Ordering;
use std::sync::Arc;

/// How many leading bytes of a path a key holds inline: enough to tell apart most paths
/// of a corpus (`articles/0000/art-00000.` is 24).
const PREFIX: usize = 24;

/// A path as the per-actor index keys it. Searching a map of 10,000 `String` paths reads
/// the heap memory of every key it compares, a cache miss each; updating the entries of a
/// long article that mentions 5,000 actors spent most of its time there. This key
/// compares its inline prefix first and reads the path only when prefixes are equal.
///
/// The order is the order of the paths: a prefix shorter than `PREFIX` is padded with
/// zero bytes, which sort before every byte a path holds.
#[derive(Debug, Clone)]
pub(super) struct PathKey {
    prefix: [u8; PREFIX],
    path: Arc<str>,
}

impl PathKey {
    pub(super) fn new(path: Arc<str>) -> Self {
        let mut prefix = [0; PREFIX];
        let head = &path.as_bytes()[..path.len().min(PREFIX)];
        prefix[..head.len()].copy_from_slice(head);
        PathKey { prefix, path }
    }
}

impl PartialEq for PathKey {
    fn eq(&self, other: &Self) -> bool {
        self.prefix == other.prefix && self.path == other.path
    }
}

impl Eq for PathKey {}

impl Ord for PathKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.prefix
            .cmp(&other.prefix)
            .then_with(|| self.path.cmp(&other.path))
    }
}

impl PartialOrd for PathKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::PathKey;
    use proptest::prelude::*;
    use std::sync::Arc;

    fn path_strategy() -> impl Strategy<Value = String> {
        // Short and long, sharing long prefixes, with non-ASCII bytes.
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "b",
                "/",
                "articles/0000/art-0000",
                "é",
                "0",
                ".article",
            ]),
            0..6,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn keys_are_ordered_as_their_paths(a in path_strategy(), b in path_strategy()) {
            let key = |path: &str| PathKey::new(Arc::from(path));
            prop_assert_eq!(key(&a).cmp(&key(&b)), a.cmp(&b));
            prop_assert_eq!(key(&a) == key(&b), a == b);
        }
    }
}
