//! Generated forms: every registry form's cross-script key and the keys of its case
//! forms (people's names; other kinds' one-word names), in one map; and the search of a text's capitalised words for them.
//!
//! The exact automaton ([`super::AliasMatcher`]) finds the forms as written. This index
//! finds what the registry does not list: `Лукашенко`, `Łukaszenki`, `Аляксандра
//! Лукашэнкі` for a registry written in English. Its conflicts are settled when it is
//! built: the key of a form as written (in any script) beats a case form generated for
//! another actor; the first actor keeps a key two forms as written share (as the exact
//! automaton does); a case form generated for two actors is ambiguous and finds nothing.

use super::key::push_key;
use super::paradigm::{case_bit, case_forms, Case, Language, ALL_CASES};
use super::{Actor, ActorKind};
use crate::text::TextRange;

/// The most case forms one form yields (the forms of each word multiplied, in the same
/// language and case): past this the extra ones are dropped.
const MAX_VARIANTS: usize = 64;

/// What one key of the index says: 20 bytes, its numbers 32 bits. A registry of 5,000
/// actors has some 64,000 keys, and the index is built by every analysis's first use of
/// it; held as a map of boxed keys to entries, they took 6.1 MiB.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Where the key is in [`KeyTable::keys`].
    key_start: u32,
    key_len: u16,
    /// The key of a form as written, not a generated case form.
    as_written: bool,
    /// Generated for two actors: finds nothing.
    ambiguous: bool,
    actor: u32,
    /// Index into [`GeneratedForms::forms`]: the registry form it comes from.
    form: u32,
    /// A bit per (language, case): `language * 7 + case`.
    cases: u32,
}

impl Entry {
    /// An entry for `actor`'s form number `form`, not ambiguous; where its key is,
    /// [`KeyTable::insert_new`] fills in.
    fn new(actor: u32, form: u32, cases: u32, as_written: bool) -> Self {
        Entry {
            key_start: 0,
            key_len: 0,
            as_written,
            ambiguous: false,
            actor,
            form,
            cases,
        }
    }
}

/// The keys and their entries: every key in one string, each entry found by a table of
/// entry numbers hashed by their keys (no allocation per key, four bytes per slot).
#[derive(Debug, Clone, Default)]
struct KeyTable {
    keys: String,
    entries: Vec<Entry>,
    by_key: hashbrown::HashTable<u32>,
}

impl KeyTable {
    fn hash(key: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(key)
    }

    fn key_of<'a>(keys: &'a str, entry: &Entry) -> &'a str {
        let start = entry.key_start as usize;
        keys.get(start..start + usize::from(entry.key_len))
            .unwrap_or_default()
    }

    fn position(&self, key: &str) -> Option<usize> {
        let (keys, entries) = (&self.keys, &self.entries);
        self.by_key
            .find(Self::hash(key), |&number| {
                Self::key_of(keys, &entries[number as usize]) == key
            })
            .map(|&number| number as usize)
    }

    fn get(&self, key: &str) -> Option<&Entry> {
        self.position(key).map(|at| &self.entries[at])
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Entry> {
        self.position(key).map(|at| &mut self.entries[at])
    }

    /// Adds `entry` under `key`, which the table must not hold yet; a key too long for
    /// an entry (64 kB) or past the table's 4 GB is left out.
    fn insert_new(&mut self, key: &str, mut entry: Entry) {
        let (Ok(key_end), Ok(key_len), Ok(number)) = (
            u32::try_from(self.keys.len() + key.len()),
            u16::try_from(key.len()),
            u32::try_from(self.entries.len()),
        ) else {
            return;
        };
        self.keys.push_str(key);
        entry.key_start = key_end - u32::from(key_len);
        entry.key_len = key_len;
        self.entries.push(entry);
        let (keys, entries) = (&self.keys, &self.entries);
        self.by_key
            .insert_unique(Self::hash(key), number, |&number| {
                Self::hash(Self::key_of(keys, &entries[number as usize]))
            });
    }

    /// Lets go of the room left for more keys, once every key is in.
    fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
        self.entries.shrink_to_fit();
        let (keys, entries) = (&self.keys, &self.entries);
        self.by_key
            .shrink_to_fit(|&number| Self::hash(Self::key_of(keys, &entries[number as usize])));
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The map of keys of every form and case form to the actor they name.
#[derive(Debug, Clone, Default)]
pub struct GeneratedForms {
    entries: KeyTable,
    /// The registry forms keys were made of, with their actor and the key of the whole
    /// form (its words run together), which a prefix typed in any script is compared with.
    forms: Vec<(u32, Box<str>, Box<str>)>,
    /// The most words of any form.
    max_words: usize,
}

/// How a form that no registry lists as written was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormOrigin {
    pub actor: usize,
    /// The registry form it was generated from.
    pub form: String,
    /// The languages and cases whose form it is; empty when it is the registry form
    /// spelled in another script.
    pub cases: Vec<(Language, Case)>,
}

/// The shape of a capitalised word: written in capitals only, or with a capital first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Capitals,
    Capitalised,
}

fn shape(word: &str) -> Option<Shape> {
    // Letters only (no digits, no combining marks), told apart by the hand-written
    // tables: this runs on every capitalised word of a Cyrillic or Polish line.
    let mut letters = word
        .chars()
        .filter(|&ch| super::matcher::is_word_char(ch) && !ch.is_ascii_digit());
    let first = letters.next()?;
    if !is_capital(first) {
        return None;
    }
    let mut rest = letters.peekable();
    if rest.peek().is_some() && rest.all(is_capital) {
        Some(Shape::Capitals)
    } else {
        Some(Shape::Capitalised)
    }
}

/// Appends the key of one word with its shape (capitals only are marked), or returns
/// `false` for a word that is not capitalised or has no key.
fn push_word_key(word: &str, out: &mut String) -> bool {
    let start = out.len();
    match shape(word) {
        Some(Shape::Capitals) => out.push('='),
        Some(Shape::Capitalised) => {}
        None => return false,
    }
    if push_key(word, out) {
        true
    } else {
        out.truncate(start);
        false
    }
}

/// The words of a form: split at single spaces; `None` when it has anything a key cannot
/// stand for (punctuation, a lower-case word, a letter of another script).
fn form_word_keys(form: &str) -> Option<Vec<String>> {
    let mut keys = Vec::new();
    for word in form.split([' ', '\u{a0}']) {
        if word.is_empty() || !word.chars().all(is_word_char) {
            return None;
        }
        let mut key = String::new();
        if !push_word_key(word, &mut key) {
            return None;
        }
        keys.push(key);
    }
    (!keys.is_empty()).then_some(keys)
}

/// Whether a word character is a capital letter (Latin and Cyrillic by hand, as
/// [`super::matcher::is_word_char`]).
pub(super) fn is_capital(ch: char) -> bool {
    match ch {
        'A'..='Z' | 'А'..='Я' | '\u{400}'..='\u{40f}' => true,
        'a'..='z' | '0'..='9' | 'а'..='я' | '\u{450}'..='\u{45f}' => false,
        _ => ch.is_uppercase(),
    }
}

/// The word (run of word characters) holding byte `at`, if `at` is in one.
fn word_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if !text[start..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    while let Some(ch) = text[..start]
        .chars()
        .next_back()
        .filter(|&ch| is_word_char(ch))
    {
        start -= ch.len_utf8();
    }
    let mut end = start;
    while let Some(ch) = text[end..].chars().next().filter(|&ch| is_word_char(ch)) {
        end += ch.len_utf8();
    }
    Some((start, end))
}

/// The start of the capitalised word one space before `start`, if there is one.
fn capitalised_word_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start]
        .chars()
        .next_back()
        .filter(|&ch| ch == ' ' || ch == '\u{a0}')?;
    let word_end = start - before.len_utf8();
    let last = text[..word_end]
        .chars()
        .next_back()
        .filter(|&ch| is_word_char(ch))?;
    let (word_start, _) = word_around(text, word_end - last.len_utf8())?;
    text[word_start..]
        .chars()
        .next()
        .is_some_and(is_capital)
        .then_some(word_start)
}

/// The end of the capitalised word one space after `end`, if there is one.
fn capitalised_word_after(text: &str, end: usize) -> Option<usize> {
    let after = text[end..]
        .chars()
        .next()
        .filter(|&ch| ch == ' ' || ch == '\u{a0}')?;
    let word_start = end + after.len_utf8();
    if !text[word_start..].chars().next().is_some_and(is_capital) {
        return None;
    }
    let (_, word_end) = word_around(text, word_start)?;
    Some(word_end)
}

/// Letters, digits and combining marks (a stress mark inside a Russian word) make words.
pub(super) fn is_word_char(ch: char) -> bool {
    super::matcher::is_word_char(ch) || ('\u{300}'..='\u{36f}').contains(&ch)
}

/// One registry form as the generated index reads it.
#[derive(Debug, Clone)]
pub struct FormSource {
    actor: usize,
    form: String,
    person: bool,
}

impl GeneratedForms {
    /// What [`GeneratedForms::new`] reads of `actors` (by index): each form as written,
    /// with its actor and whether that actor is a person. Kept by the matcher so that
    /// the index is built only when a text first needs it.
    pub fn sources(actors: &[&Actor]) -> Vec<FormSource> {
        actors
            .iter()
            .enumerate()
            .flat_map(|(actor_index, actor)| {
                actor.forms().map(move |form| FormSource {
                    actor: actor_index,
                    form: form.value.trim().to_owned(),
                    person: actor.kind == ActorKind::Person,
                })
            })
            .collect()
    }

    /// The index of the forms of the actors that `sources` lists.
    pub fn new(sources: &[FormSource]) -> Self {
        let mut index = GeneratedForms::default();
        // Actor and form numbers made 32 bits once, here: an actor or form past them is
        // left out of the index.
        let mut written: Vec<(u32, u32, Vec<String>, bool)> = Vec::new();
        for source in sources {
            let form = source.form.as_str();
            let Some(keys) = form_word_keys(form) else {
                continue;
            };
            let (Ok(actor), Ok(form_index)) = (
                u32::try_from(source.actor),
                u32::try_from(index.forms.len()),
            ) else {
                continue;
            };
            let whole_key = super::key::key_of(form).unwrap_or_default();
            index
                .forms
                .push((actor, form.into(), whole_key.into_boxed_str()));
            index.max_words = index.max_words.max(keys.len());
            written.push((actor, form_index, keys, source.person));
        }
        // Forms as written first, so that no generated form can take their keys.
        for &(actor, form, ref keys, _) in &written {
            let key = keys.join(" ");
            if index.entries.get(&key).is_none() {
                index
                    .entries
                    .insert_new(&key, Entry::new(actor, form, 0, true));
            }
        }
        for (actor, form, keys, person) in &written {
            let forms = match (person, keys.as_slice()) {
                (true, _) => inflected(keys),
                // A place's, state's or organisation's name is declined when it is one
                // word (`Украины`, `w Białorusi`); longer ones (`Republic of Belarus`)
                // mix words that decline with words that do not.
                (false, [key]) if !key.starts_with('=') => super::paradigm::place_case_forms(key),
                (false, _) => continue,
            };
            for (key, cases) in forms {
                index.add_generated(&key, *actor, *form, cases);
            }
        }
        index.entries.shrink_to_fit();
        index
    }

    fn add_generated(&mut self, key: &str, actor: u32, form: u32, bit: u32) {
        match self.entries.get_mut(key) {
            None => {
                self.entries
                    .insert_new(key, Entry::new(actor, form, bit, false));
            }
            Some(entry) if entry.actor == actor => entry.cases |= bit,
            Some(entry) if entry.as_written => {}
            Some(entry) => entry.ambiguous = true,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many keys the index holds (for the benchmarks).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Mentions by key in `text` (one line): runs of capitalised words separated by
    /// single spaces, the longest run of words from each word that is a key taken first.
    pub fn find(&self, text: &str, found: &mut Vec<(TextRange, usize)>) {
        if self.entries.is_empty() {
            return;
        }
        let mut run = Run::default();
        let mut places: Vec<(usize, usize)> = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut previous_end: Option<usize> = None;
        while let Some((start, ch)) = chars.next() {
            if !is_word_char(ch) {
                continue;
            }
            let mut end = start + ch.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            let joined = previous_end
                .is_some_and(|before| matches!(text.get(before..start), Some(" " | "\u{a0}")));
            if !joined {
                self.match_places(text, &places, &mut run, found);
                places.clear();
            }
            if is_capital(ch) {
                places.push((start, end));
                previous_end = Some(end);
            } else {
                self.match_places(text, &places, &mut run, found);
                places.clear();
                previous_end = None;
            }
        }
        self.match_places(text, &places, &mut run, found);
    }

    /// Mentions by key in an English line that quotes a Cyrillic or Polish word: only
    /// around each capitalised word with such a letter (one that has a byte of `leads`),
    /// within the run of capitalised words it stands in, at most a form's length of
    /// words either side. Reading every word of the line instead cost an English corpus
    /// that names `Łukasz` now and then a tenth of its time.
    /// A word inside a mention as written (`as_written` says so of a byte) is left: the
    /// exact automaton found it.
    pub fn find_around(
        &self,
        text: &str,
        as_written: impl Fn(usize) -> bool,
        found: &mut Vec<(TextRange, usize)>,
    ) {
        if self.entries.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut done_until = 0;
        let mut at = 0;
        while let Some(offset) = memchr::memchr3(0xC4, 0xC5, 0xD0, &bytes[at..]) {
            let hit = at + offset;
            at = hit + 1;
            if hit < done_until || as_written(hit) {
                continue;
            }
            let Some((start, end)) = word_around(text, hit) else {
                continue;
            };
            if !text[start..].chars().next().is_some_and(is_capital) {
                at = at.max(end);
                continue;
            }
            let reach = self.max_words.saturating_sub(1);
            let (mut window_start, mut window_end) = (start, end);
            for _ in 0..reach {
                match capitalised_word_before(text, window_start) {
                    Some(before) => window_start = before,
                    None => break,
                }
            }
            for _ in 0..reach {
                match capitalised_word_after(text, window_end) {
                    Some(after) => window_end = after,
                    None => break,
                }
            }
            let window_start = window_start.max(done_until);
            let Some(window) = text.get(window_start..window_end) else {
                continue;
            };
            let first = found.len();
            self.find(window, found);
            for (range, _) in &mut found[first..] {
                *range = range.shifted(window_start);
            }
            done_until = window_end;
            at = at.max(window_end);
        }
    }

    /// Keys the capitalised words at `places` (one run) and matches them; a word
    /// without a key splits the run.
    fn match_places(
        &self,
        text: &str,
        places: &[(usize, usize)],
        run: &mut Run,
        found: &mut Vec<(TextRange, usize)>,
    ) {
        if places.is_empty() {
            return;
        }
        run.clear();
        for &(start, end) in places {
            if !run.push(&text[start..end], start, end) {
                self.match_run(run, found);
                run.clear();
            }
        }
        self.match_run(run, found);
    }

    fn match_run(&self, run: &Run, found: &mut Vec<(TextRange, usize)>) {
        let words = &run.words;
        let mut first = 0;
        while first < words.len() {
            let longest = self.max_words.min(words.len() - first);
            let hit = (1..=longest).rev().find_map(|count| {
                let last = &words[first + count - 1];
                let key = run.keys.get(words[first].key_start..last.key_end)?;
                let entry = self.entries.get(key).filter(|entry| !entry.ambiguous)?;
                Some((count, entry.actor as usize))
            });
            match hit {
                Some((count, actor)) => {
                    let last = &words[first + count - 1];
                    found.push((TextRange::new(words[first].start, last.end), actor));
                    first += count;
                }
                None => first += 1,
            }
        }
    }

    /// How `written` (a mention's text) was found, when it is no registry form as
    /// written but one of its keys.
    pub fn origin(&self, written: &str) -> Option<FormOrigin> {
        let keys = form_word_keys(written)?;
        let entry = self
            .entries
            .get(keys.join(" ").as_str())
            .filter(|entry| !entry.ambiguous)?;
        let (_, form, _) = self.forms.get(entry.form as usize)?;
        let mut cases = Vec::new();
        for language in Language::ALL {
            for case in Case::ALL {
                if entry.cases & case_bit(language, case) != 0 {
                    cases.push((language, case));
                }
            }
        }
        Some(FormOrigin {
            actor: entry.actor as usize,
            form: form.to_string(),
            cases: if entry.as_written { Vec::new() } else { cases },
        })
    }

    /// The registry forms whose key starts with `key_prefix`, with their actor: to
    /// complete a prefix typed in any script.
    pub fn forms_by_key_prefix(&self, key_prefix: &str) -> Vec<(usize, &str)> {
        self.forms
            .iter()
            .filter(|(_, _, key)| key.starts_with(key_prefix))
            .map(|(actor, form, _)| (*actor as usize, &**form))
            .collect()
    }
}

/// The keys of the case forms of a form whose words have `keys`, every word in the same
/// language and case, each with the (language, case) pairs it is the form of.
fn inflected(keys: &[String]) -> Vec<(String, u32)> {
    // Each word's forms, found once (a word in capitals, an acronym, is not declined).
    let words: Vec<Vec<(String, u32)>> = keys
        .iter()
        .map(|key| match key.strip_prefix('=') {
            Some(_) => vec![(key.clone(), ALL_CASES)],
            None => case_forms(key),
        })
        .collect();
    let mut joined: Vec<(String, u32)> = vec![(String::new(), ALL_CASES)];
    for (position, forms) in words.iter().enumerate() {
        let mut next: Vec<(String, u32)> = Vec::new();
        for (before, before_cases) in &joined {
            for (word, cases) in forms {
                let shared = before_cases & cases;
                if shared == 0 || next.len() == MAX_VARIANTS {
                    continue;
                }
                let mut key = String::with_capacity(before.len() + word.len() + 1);
                key.push_str(before);
                if position > 0 {
                    key.push(' ');
                }
                key.push_str(word);
                match next.iter_mut().find(|(known, _)| *known == key) {
                    Some((_, known_cases)) => *known_cases |= shared,
                    None => next.push((key, shared)),
                }
            }
        }
        joined = next;
    }
    joined
}

/// A run of capitalised words: their places and their keys, joined by single spaces in
/// one buffer so that the key of any stretch of them is a slice of it.
#[derive(Default)]
struct Run {
    words: Vec<RunWord>,
    keys: String,
}

struct RunWord {
    start: usize,
    end: usize,
    key_start: usize,
    key_end: usize,
}

impl Run {
    fn clear(&mut self) {
        self.words.clear();
        self.keys.clear();
    }

    /// Adds a word; `false` (the run unchanged) when it has no key.
    fn push(&mut self, word: &str, start: usize, end: usize) -> bool {
        let before = self.keys.len();
        if !self.words.is_empty() {
            self.keys.push(' ');
        }
        let key_start = self.keys.len();
        if !push_word_key(word, &mut self.keys) {
            self.keys.truncate(before);
            return false;
        }
        self.words.push(RunWord {
            start,
            end,
            key_start,
            key_end: self.keys.len(),
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(actor: u32) -> Entry {
        Entry::new(actor, 0, 0, false)
    }

    /// Every key put in the table is found with its own entry, through the shared string
    /// and across the table's growth and its shrinking; a key not put in, a prefix of one
    /// or one longer, is not found.
    #[test]
    fn the_key_table_finds_each_key_it_holds_and_no_other() {
        let mut table = KeyTable::default();
        let keys: Vec<String> = (0..5_000).map(|n| format!("lukashenk{n} a")).collect();
        for (actor, key) in keys.iter().enumerate() {
            table.insert_new(key, entry(actor as u32));
        }
        table.shrink_to_fit();
        assert_eq!(table.len(), keys.len());
        for (actor, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key).map(|entry| entry.actor), Some(actor as u32));
        }
        assert!(table.get("lukashenk1").is_none());
        assert!(table.get("lukashenk1 a ").is_none());
        assert!(table.get("").is_none());
        table.get_mut("lukashenk7 a").unwrap().ambiguous = true;
        assert!(table.get("lukashenk7 a").unwrap().ambiguous);
        assert!(!table.get("lukashenk8 a").unwrap().ambiguous);
        // A key an entry cannot say the length of is left out, not cut short.
        table.insert_new(&"x".repeat(70_000), entry(1));
        assert_eq!(table.len(), keys.len());
        // Twenty bytes a key: the reason for the table.
        assert_eq!(std::mem::size_of::<Entry>(), 20);
    }
}
