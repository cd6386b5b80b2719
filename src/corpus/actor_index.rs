//! The per-actor index: for each actor, the articles that mention it, in path order, with
//! how often each does and where its first mention is; the articles themselves, with their
//! dates and sources, in a table the entries point into.

use super::analysis::ArticleFile;
use super::path_key::PathKey;
use crate::temporal::CalendarDate;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Actor → the articles that mention it. An entry is three `u32`s (12 bytes): a corpus of
/// 100,000 articles has 3 million actor-article pairs, which took 134 bytes each as B-tree
/// maps of path keys to entries holding the file, its date and its source. What is the
/// same for every actor an article mentions is held once, in its [`IndexedFile`].
///
/// Each actor's list is sorted by path (as its paths, through [`PathKey`]s), one entry per
/// article: an edit that keeps an article's actors updates their entries where they stand,
/// and one that adds or drops an actor inserts or removes that entry only. Taking in many
/// articles at once (a batch, [`ActorIndex::begin_batch`]) appends new entries and sorts
/// each list once at the end instead: inserting each of 90,000 entries of one actor where
/// it belongs would move half the list every time.
#[derive(Debug, Clone, Default)]
pub(super) struct ActorIndex {
    /// The indexed articles by slot; the slots of removed articles are `None` until reused.
    files: Vec<Option<IndexedFile>>,
    free_slots: Vec<u32>,
    /// Path → slot, of the articles that mention at least one actor (only those have one).
    slots: HashMap<Arc<str>, u32>,
    /// Indexed by actor (actors are numbered from 0): looking each list up in a map was
    /// a tenth of indexing 100,000 articles, three lookups for each actor of each.
    by_actor: Vec<Vec<Mentioning>>,
    /// While a batch lasts: the actors whose lists have entries appended past their sorted
    /// start, with the length of that start.
    sorted_lengths: Option<SortedLengths>,
}

/// The length of each list's sorted start during a batch, by actor ([`usize::MAX`]: the
/// whole list is sorted), and the actors whose lists were appended to, each once.
#[derive(Debug, Clone, Default)]
struct SortedLengths {
    by_actor: Vec<usize>,
    appended: Vec<usize>,
}

impl SortedLengths {
    fn get(&self, actor: usize) -> Option<usize> {
        self.by_actor
            .get(actor)
            .copied()
            .filter(|&length| length != usize::MAX)
    }

    /// Notes that `actor`'s list, `length` long, is about to be appended to.
    fn appending(&mut self, actor: usize, length: usize) {
        if self.by_actor.len() <= actor {
            self.by_actor.resize(actor + 1, usize::MAX);
        }
        if self.by_actor[actor] == usize::MAX {
            self.by_actor[actor] = length;
            self.appended.push(actor);
        }
    }
}

/// An article as the index holds it: shared by the entries of every actor it mentions.
#[derive(Debug, Clone)]
struct IndexedFile {
    key: PathKey,
    file: Arc<ArticleFile>,
    /// The file's date and source, kept beside it: actor statistics read these of ten
    /// thousand files, and reaching into each file for them was most of that work.
    date: Option<CalendarDate>,
    /// The first and last days the date can mean, worked out once: the statistics of an
    /// actor in 50,000 articles compared them by making each day again.
    days: Option<(jiff::civil::Date, jiff::civil::Date)>,
    source: Option<Arc<str>>,
}

/// What an article that mentions an actor tells its statistics.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Summary<'a> {
    pub count: usize,
    pub date: Option<CalendarDate>,
    /// The first and last days of `date`.
    pub days: Option<(jiff::civil::Date, jiff::civil::Date)>,
    /// The article's source, one copy of each text for the whole corpus.
    pub source: Option<&'a Arc<str>>,
}

/// The first and last days a date can mean.
fn days_of(date: Option<CalendarDate>) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    date.map(|date| (date.first_day(), date.last_day()))
}

/// An article that mentions an actor: its slot, how often, and where in its mentions the
/// first one is (references read from there on, not every mention of the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mentioning {
    slot: u32,
    count: u32,
    first: u32,
}

/// The actors a file mentions, each with (how often, index of the first mention), in actor
/// order: what the index keeps of the file for each actor. Worked out where a load
/// analyses the file, on every core, not on the one thread that indexes (where it was a
/// quarter of a warm start's indexing).
#[derive(Debug, Clone, Default)]
pub(super) struct ActorCounts(Vec<(usize, (u32, u32))>);

impl ActorCounts {
    pub(super) fn of(file: &ArticleFile) -> Self {
        ActorCounts(actor_counts(file))
    }

    /// The actors, each once, in order.
    pub(super) fn actors(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|&(actor, _)| actor)
    }

    /// How often the article mentions each actor, by actor, in order.
    pub(super) fn counts(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        self.0.iter().map(|&(actor, (count, _))| (actor, count))
    }
}

fn actor_counts(file: &ArticleFile) -> Vec<(usize, (u32, u32))> {
    // Sorted by actor, then by place, and counted in runs: a map of counts grown mention
    // by mention was a tenth of indexing a warm-started corpus.
    let mut mentions: Vec<(usize, u32)> = file
        .mentions
        .iter()
        .enumerate()
        // Mentions are at least a byte each and mention offsets are `u32`s, so neither
        // count reaches `u32::MAX`; saturating keeps that a rule, not an overflow.
        .map(|(index, mention)| (mention.actor(), u32::try_from(index).unwrap_or(u32::MAX)))
        .collect();
    mentions.sort_unstable();
    let mut counts: Vec<(usize, (u32, u32))> = Vec::new();
    for (actor, index) in mentions {
        match counts.last_mut() {
            Some((last, (count, _))) if *last == actor => *count = count.saturating_add(1),
            _ => counts.push((actor, (1, index))),
        }
    }
    counts
}

impl ActorIndex {
    fn key_of(&self, slot: u32) -> Option<&PathKey> {
        self.files
            .get(slot as usize)
            .and_then(Option::as_ref)
            .map(|indexed| &indexed.key)
    }

    fn indexed(&self, slot: u32) -> Option<&IndexedFile> {
        self.files.get(slot as usize).and_then(Option::as_ref)
    }

    /// From now until [`ActorIndex::end_batch`], entries of actors an article did not
    /// mention before are appended, not inserted where they belong.
    pub(super) fn begin_batch(&mut self) {
        if self.sorted_lengths.is_none() {
            self.sorted_lengths = Some(SortedLengths::default());
        }
    }

    /// Sorts the lists that a batch appended to, and gives back their spare room.
    pub(super) fn end_batch(&mut self) {
        let Some(sorted_lengths) = self.sorted_lengths.take() else {
            return;
        };
        if sorted_lengths.appended.is_empty() {
            return;
        }
        // Each slot's place in path order, worked out once: sorting 3 million entries by
        // comparing their paths would look up two table rows per comparison.
        let mut by_path: Vec<u32> = self.slots.values().copied().collect();
        by_path.sort_unstable_by(|a, b| self.key_of(*a).cmp(&self.key_of(*b)));
        let mut rank = vec![0u32; self.files.len()];
        for (place, &slot) in by_path.iter().enumerate() {
            if let Some(rank) = rank.get_mut(slot as usize) {
                *rank = u32::try_from(place).unwrap_or(u32::MAX);
            }
        }
        for actor in sorted_lengths.appended {
            if let Some(list) = self.by_actor.get_mut(actor) {
                // One entry per article: no two have the same rank.
                list.sort_unstable_by_key(|entry| rank.get(entry.slot as usize).copied());
                list.shrink_to_fit();
            }
        }
    }

    /// Where the entry of `slot` (whose key is `key`) is in `actor`'s list, or where it
    /// belongs: searched in its sorted start, then (during a batch, when `appended` says
    /// it may have been) among the entries appended after it. Appended entries are read
    /// one by one: only a path taken in twice in one batch has its entries looked for
    /// there, and looking for every new entry there made a batch quadratic.
    fn position(
        &self,
        actor: usize,
        slot: u32,
        key: &PathKey,
        appended: bool,
    ) -> Result<usize, usize> {
        let Some(list) = self.by_actor.get(actor) else {
            return Err(0);
        };
        let sorted = self
            .sorted_lengths
            .as_ref()
            .and_then(|lengths| lengths.get(actor))
            .unwrap_or(list.len())
            .min(list.len());
        let found =
            list[..sorted].binary_search_by(|entry| self.key_of(entry.slot).cmp(&Some(key)));
        match found {
            Ok(at) => Ok(at),
            Err(at) if appended => match list[sorted..].iter().position(|entry| entry.slot == slot)
            {
                Some(after) => Ok(sorted + after),
                None => Err(at),
            },
            Err(at) => Err(at),
        }
    }

    /// Points the entries of the article at `path` to `file`: to a stand-in, so that the
    /// index's `Arc` of the article is no longer one of its holders, or back to the
    /// article. One pointer for every actor the article mentions: its entries name it by
    /// slot.
    pub(super) fn point_to(&mut self, path: &str, file: Arc<ArticleFile>) {
        if let Some(&slot) = self.slots.get(path) {
            if let Some(Some(indexed)) = self.files.get_mut(slot as usize) {
                indexed.file = file;
            }
        }
    }

    /// Indexes `file` in place of the version at its path, if any, which mentioned
    /// `previous_actors` (sorted, each once: the actors whose entries the index holds for
    /// the path). Entries of actors both versions mention are updated where they stand.
    pub(super) fn put(
        &mut self,
        file: &Arc<ArticleFile>,
        source: Option<Arc<str>>,
        previous_actors: &[usize],
        counts: Option<ActorCounts>,
    ) {
        let path = file.path.as_str();
        // The same mentions as the version indexed (the rest of a pending article's
        // analysis, or an edit away from every name): every entry stays as it is, and
        // looking each up in its list by path was most of the second pass of a start.
        // (A row pointed at the stand-in while its article is re-analysed has none.)
        if let Some(indexed) = self
            .slots
            .get(path)
            .and_then(|&slot| self.files.get_mut(slot as usize))
            .and_then(Option::as_mut)
            .filter(|indexed| !file.mentions.is_empty() && indexed.file.mentions == file.mentions)
        {
            indexed.file = file.clone();
            indexed.date = file.date;
            indexed.days = days_of(file.date);
            indexed.source = source;
            return;
        }
        let ActorCounts(counts) = counts.unwrap_or_else(|| ActorCounts::of(file));
        let slot = match self.slots.get(path) {
            Some(&slot) => slot,
            None if counts.is_empty() => return,
            None => self.take_slot(file),
        };
        let Some(key) = self.key_of(slot).cloned() else {
            return;
        };
        for &actor in previous_actors {
            if counts
                .binary_search_by_key(&actor, |&(counted, _)| counted)
                .is_err()
            {
                self.remove_entry(actor, slot, &key);
            }
        }
        if counts.is_empty() {
            self.free_slot(path, slot);
            return;
        }
        if let Some(Some(indexed)) = self.files.get_mut(slot as usize) {
            indexed.file = file.clone();
            indexed.date = file.date;
            indexed.days = days_of(file.date);
            indexed.source = source;
        }
        for (actor, (count, first)) in counts {
            let entry = Mentioning { slot, count, first };
            let indexed_before = previous_actors.binary_search(&actor).is_ok();
            match self.position(actor, slot, &key, indexed_before) {
                Ok(at) => {
                    if let Some(old) = self
                        .by_actor
                        .get_mut(actor)
                        .and_then(|list| list.get_mut(at))
                    {
                        *old = entry;
                    }
                }
                Err(at) => self.insert_entry(actor, at, entry),
            }
        }
    }

    /// Forgets the article at `path`, which mentioned `actors`.
    pub(super) fn remove(&mut self, path: &str, actors: &[usize]) {
        let Some(&slot) = self.slots.get(path) else {
            return;
        };
        let Some(key) = self.key_of(slot).cloned() else {
            return;
        };
        for &actor in actors {
            self.remove_entry(actor, slot, &key);
        }
        self.free_slot(path, slot);
    }

    /// [`ActorIndex::remove`] for many articles at once, each with the actors it
    /// mentions: each actor's list is filtered once for all of them. Removed one by one,
    /// each article shifted the rest of every list it was in: 10,000 articles removed of
    /// 100,000 took seconds, most of it moving the lists of the most-mentioned actors.
    pub(super) fn remove_many<'a>(
        &mut self,
        removed: impl IntoIterator<Item = (&'a str, &'a [usize])>,
    ) {
        let mut gone = vec![false; self.files.len()];
        let mut actors: Vec<usize> = Vec::new();
        let mut slots: Vec<(&str, u32)> = Vec::new();
        for (path, mentioned) in removed {
            let Some(&slot) = self.slots.get(path) else {
                continue;
            };
            if let Some(flag) = gone.get_mut(slot as usize) {
                *flag = true;
            }
            actors.extend_from_slice(mentioned);
            slots.push((path, slot));
        }
        actors.sort_unstable();
        actors.dedup();
        for actor in actors {
            let Some(list) = self.by_actor.get_mut(actor) else {
                continue;
            };
            let is_gone =
                |entry: &Mentioning| gone.get(entry.slot as usize).copied().unwrap_or(false);
            // Entries appended during a batch stay after the sorted ones.
            if let Some(sorted) = self
                .sorted_lengths
                .as_mut()
                .and_then(|lengths| lengths.by_actor.get_mut(actor))
                .filter(|sorted| **sorted != usize::MAX)
            {
                let before = list
                    .iter()
                    .take(*sorted)
                    .filter(|entry| is_gone(entry))
                    .count();
                *sorted -= before;
            }
            list.retain(|entry| !is_gone(entry));
            if list.is_empty() {
                *list = Vec::new();
            }
        }
        for (path, slot) in slots {
            self.free_slot(path, slot);
        }
    }

    fn take_slot(&mut self, file: &Arc<ArticleFile>) -> u32 {
        let path: Arc<str> = Arc::from(file.path.as_str());
        let indexed = IndexedFile {
            key: PathKey::new(path.clone()),
            file: file.clone(),
            date: file.date,
            days: days_of(file.date),
            source: None,
        };
        let slot = match self.free_slots.pop() {
            Some(slot) => {
                if let Some(free) = self.files.get_mut(slot as usize) {
                    *free = Some(indexed);
                }
                slot
            }
            None => {
                // Slots are `u32`s: four billion articles is beyond any corpus in memory.
                let slot = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
                self.files.push(Some(indexed));
                slot
            }
        };
        self.slots.insert(path, slot);
        slot
    }

    fn free_slot(&mut self, path: &str, slot: u32) {
        self.slots.remove(path);
        if let Some(file) = self.files.get_mut(slot as usize) {
            *file = None;
            self.free_slots.push(slot);
        }
    }

    /// Inserts `entry` at `at` of `actor`'s list, or appends it during a batch.
    fn insert_entry(&mut self, actor: usize, at: usize, entry: Mentioning) {
        if self.by_actor.len() <= actor {
            self.by_actor.resize_with(actor + 1, Vec::new);
        }
        let list = &mut self.by_actor[actor];
        match &mut self.sorted_lengths {
            Some(sorted_lengths) => {
                sorted_lengths.appending(actor, list.len());
                list.push(entry);
            }
            None => list.insert(at, entry),
        }
    }

    fn remove_entry(&mut self, actor: usize, slot: u32, key: &PathKey) {
        let Ok(at) = self.position(actor, slot, key, true) else {
            return;
        };
        let Some(list) = self.by_actor.get_mut(actor) else {
            return;
        };
        list.remove(at);
        if let Some(sorted) = self
            .sorted_lengths
            .as_mut()
            .and_then(|lengths| lengths.by_actor.get_mut(actor))
            .filter(|sorted| **sorted != usize::MAX)
        {
            if at < *sorted {
                *sorted -= 1;
            }
        }
        if list.is_empty() {
            // An actor no article mentions any more holds no room.
            *list = Vec::new();
        }
    }

    /// The articles that mention `actor`, in path order, each with how often it does and
    /// the index of its first mention of it.
    pub(super) fn articles_of(
        &self,
        actor: usize,
    ) -> impl Iterator<Item = (&Arc<ArticleFile>, usize, usize)> {
        self.entries_of(actor)
            .map(|(indexed, entry)| (&indexed.file, entry.count as usize, entry.first as usize))
    }

    /// How many articles mention `actor`.
    pub(super) fn article_count_of(&self, actor: usize) -> usize {
        self.by_actor.get(actor).map_or(0, Vec::len)
    }

    /// How often each article that mentions `actor` does, with its date and source, in
    /// path order.
    pub(super) fn summaries_of(&self, actor: usize) -> impl Iterator<Item = Summary<'_>> {
        self.entries_of(actor).map(|(indexed, entry)| Summary {
            count: entry.count as usize,
            date: indexed.date,
            days: indexed.days,
            source: indexed.source.as_ref(),
        })
    }

    fn entries_of(&self, actor: usize) -> impl Iterator<Item = (&IndexedFile, &Mentioning)> {
        self.by_actor
            .get(actor)
            .into_iter()
            .flatten()
            .filter_map(|entry| Some((self.indexed(entry.slot)?, entry)))
    }

    /// For tests: whether every list is sorted by path with one entry per article, every
    /// entry points to a live slot, and every slot is an article some list names.
    #[cfg(test)]
    pub(super) fn is_consistent(&self) -> bool {
        let sorted = self.by_actor.iter().all(|list| {
            list.windows(2).all(|pair| {
                matches!(
                    (self.key_of(pair[0].slot), self.key_of(pair[1].slot)),
                    (Some(a), Some(b)) if a < b
                )
            })
        });
        let named: rustc_hash::FxHashSet<u32> = self
            .by_actor
            .iter()
            .flatten()
            .map(|entry| entry.slot)
            .collect();
        let slots_live = self.slots.len() == named.len()
            && self
                .slots
                .values()
                .all(|slot| named.contains(slot) && self.indexed(*slot).is_some());
        sorted && slots_live && self.sorted_lengths.is_none()
    }

    /// For measuring memory only: drops a deep copy of the lists and the file table (the
    /// files, paths and sources stay shared), then copies of the paths alone.
    pub(super) fn measure(&self, measure: &mut dyn FnMut(&'static str, &dyn Fn())) {
        measure("mentioned_in: actor -> articles (lists)", &|| {
            drop(self.by_actor.clone())
        });
        measure("mentioned_in: the articles' table, path -> slot", &|| {
            drop((
                self.files.clone(),
                self.free_slots.clone(),
                self.slots.clone(),
            ))
        });
        measure("mentioned_in: the articles' paths", &|| {
            let copies: Vec<Box<str>> = self.slots.keys().map(|path| Box::from(&**path)).collect();
            drop(copies)
        });
    }
}
