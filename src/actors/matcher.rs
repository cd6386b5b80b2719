//! Finding mentions: every actor's name and aliases in one Aho-Corasick automaton,
//! leftmost-longest, with Unicode word boundaries checked around each candidate.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::generated::{FormOrigin, GeneratedForms};
use super::{Actor, ActorKind, AliasMatcher, Home, Mention};
use crate::text::TextRange;
use std::sync::Arc;

impl AliasMatcher {
    /// `forms` pairs an actor index with one of its written forms (name or alias).
    /// Forms are trimmed; empty ones are skipped; a form already given (for any actor)
    /// is skipped too, so the first actor to claim a form keeps it.
    pub fn new<'a>(forms: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let mut seen: HashSet<&'a str> = HashSet::new();
        let mut patterns = Vec::new();
        for (actor, form) in forms {
            let form = form.trim();
            if form.is_empty() || !seen.insert(form) {
                continue;
            }
            patterns.push((form.to_owned(), actor));
        }
        if patterns.is_empty() {
            return AliasMatcher::default();
        }
        // Searches are anchored: at each place where a mention may start, and again to
        // retry shorter forms where the longest failed the boundary test.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(patterns.iter().map(|(form, _)| form.as_str()))
            .ok();
        let mut first_bytes = [0u64; 4];
        for (form, _) in &patterns {
            if let Some(&byte) = form.as_bytes().first() {
                first_bytes[usize::from(byte >> 6)] |= 1 << (byte & 63);
            }
        }
        AliasMatcher {
            automaton,
            patterns,
            first_bytes,
            generated_sources: Arc::default(),
            generated: std::sync::OnceLock::new(),
            homes: Arc::default(),
        }
    }

    /// A matcher over the name and aliases of each actor; [`Mention::actor`] is then an
    /// index into `actors`.
    /// Generated forms (other scripts, case forms) are found too.
    pub fn from_actors(actors: &[&Actor]) -> Self {
        let mut matcher =
            AliasMatcher::new(actors.iter().enumerate().flat_map(|(index, actor)| {
                actor.forms().map(move |form| (index, form.value.as_str()))
            }));
        matcher.generated_sources = GeneratedForms::sources(actors).into();
        // By id, once: a registry of thousands of actors would otherwise be searched
        // once per affiliation.
        let by_id: std::collections::HashMap<&str, usize> = actors
            .iter()
            .enumerate()
            .map(|(index, actor)| (actor.id.value.as_str(), index))
            .collect();
        matcher.homes = actors
            .iter()
            .map(|actor| Home {
                country: matches!(actor.kind, ActorKind::State | ActorKind::Place),
                person: actor.kind == ActorKind::Person,
                affiliation: actor
                    .affiliation
                    .as_ref()
                    .and_then(|affiliation| by_id.get(affiliation.value.as_str()).copied()),
            })
            .collect();
        matcher
    }

    /// Whether the actor at `actor` is a person (false for one this matcher does not
    /// know, as in one made by [`AliasMatcher::new`]).
    pub fn names_a_person(&self, actor: usize) -> bool {
        self.homes.get(actor).is_some_and(|home| home.person)
    }

    /// `mentions` without those of an actor affiliated with one country right after
    /// another country's possessive (`Russia's defence ministry`, where `defence
    /// ministry` is a bare form of Belarus's): the possessive says whose it is.
    fn without_foreign_possessed(&self, text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
        if self.homes.is_empty() || mentions.len() < 2 {
            return mentions;
        }
        let home = |actor: usize| self.homes.get(actor).copied().unwrap_or_default();
        let foreign = |owner: &Mention, owned: &Mention| {
            let gap = text
                .get(owner.range.end..owned.range.start)
                .unwrap_or_default();
            matches!(gap, "'s " | "’s " | "' " | "’ ")
                && home(owner.actor).country
                && home(owned.actor)
                    .affiliation
                    .is_some_and(|affiliation| affiliation != owner.actor)
        };
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for mention in mentions.drain(..) {
            if kept.last().is_some_and(|owner| foreign(owner, &mention)) {
                continue;
            }
            kept.push(mention);
        }
        kept
    }

    /// The index of generated forms, built on first use: a corpus whose texts have no
    /// Cyrillic or Polish letter never pays for it (a tenth of a second for 5,000 actors).
    fn generated(&self) -> &GeneratedForms {
        self.generated
            .get_or_init(|| GeneratedForms::new(&self.generated_sources))
    }

    /// How many keys of generated forms the matcher holds (building them if need be).
    pub fn generated_len(&self) -> usize {
        self.generated().len()
    }

    /// How a mention's text was found when it is no form as written: the registry form
    /// it was generated from and its cases. `None` for a form as written.
    pub fn origin(&self, written: &str) -> Option<FormOrigin> {
        if self.patterns.iter().any(|(form, _)| form == written) {
            return None;
        }
        self.generated().origin(written)
    }

    /// Actors whose form, in any script, starts as `typed` does (compared by key), with
    /// that form: for completion.
    pub fn forms_by_key_prefix(&self, typed: &str) -> Vec<(usize, &str)> {
        let Some(typed_key) = super::key::key_of(typed) else {
            return Vec::new();
        };
        self.generated().forms_by_key_prefix(&typed_key)
    }

    /// The forms in use (trimmed, duplicates removed), each with its actor index.
    pub fn forms(&self) -> impl Iterator<Item = (usize, &str)> {
        self.patterns
            .iter()
            .map(|(form, actor)| (*actor, form.as_str()))
    }

    /// Whether no form is in use (every search then finds nothing).
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// Mentions in `text`, in text order, longest match first, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let exact = self.without_foreign_possessed(text, self.find_as_written(text));
        if self.generated_sources.is_empty() {
            return exact;
        }
        // Line by line: a mention by key never spans a line break (its words are
        // separated by single spaces). Only lines with Cyrillic or Polish letters are
        // read; all their capitalised words where such letters are frequent (a Russian or
        // Polish line), only the runs with such a word where they are rare (an English
        // line quoting a name).
        let mut by_key = Vec::new();
        if memchr::memchr3(0xC4, 0xC5, 0xD0, text.as_bytes()).is_none() {
            return exact;
        }
        let generated = self.generated();
        if generated.is_empty() {
            return exact;
        }
        let mut line_start = 0;
        while line_start < text.len() {
            let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
                .map_or(text.len(), |at| line_start + at);
            let line = text.get(line_start..line_end).unwrap_or("");
            if memchr::memchr3(0xC4, 0xC5, 0xD0, line.as_bytes()).is_some() {
                let first = by_key.len();
                if mostly_cyrillic_or_polish(line) {
                    generated.find(line, &mut by_key);
                } else {
                    let as_written = |at: usize| {
                        let at = line_start + at;
                        let after = exact.partition_point(|mention| mention.range.start <= at);
                        after > 0 && exact[after - 1].range.end > at
                    };
                    generated.find_around(line, as_written, &mut by_key);
                }
                for (range, _) in &mut by_key[first..] {
                    *range = range.shifted(line_start);
                }
            }
            line_start = line_end + 1;
        }
        merge_generated(exact, by_key)
    }

    /// Mentions of the forms as written.
    fn find_as_written(&self, text: &str) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let Some(automaton) = &self.automaton else {
            return mentions;
        };
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < text.len() {
            // The next place where a form starts with the byte there and a mention may
            // start (not inside a word). An unanchored search of the whole text cost
            // several times as much: the automaton stepped through every byte.
            let Some(start) = (at..bytes.len())
                .find(|&place| self.starts_a_form(bytes[place]) && boundary_before(text, place))
            else {
                break;
            };
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            let found = automaton.try_find(input).ok().flatten();
            let accepted = found.and_then(|found| self.longest_at(automaton, text, start, found));
            if let Some(accepted) = accepted {
                mentions.push(Mention {
                    range: TextRange::new(start, accepted.end()),
                    actor: self
                        .patterns
                        .get(accepted.pattern().as_usize())
                        .map_or(0, |(_, actor)| *actor),
                });
                at = accepted.end();
            } else {
                // Nothing starts here; a form starting inside the rejected one may
                // still be a mention, so resume at the next character, not after it.
                at = start
                    + text
                        .get(start..)
                        .and_then(|s| s.chars().next())
                        .map_or(1, char::len_utf8);
            }
        }
        mentions
    }

    /// Whether some form starts with `byte`.
    fn starts_a_form(&self, byte: u8) -> bool {
        self.first_bytes[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    /// The longest form at `start` that stands on word boundaries, trying ever shorter
    /// candidates after `longest` (the automaton's leftmost-longest answer) fails.
    fn longest_at(
        &self,
        automaton: &AhoCorasick,
        text: &str,
        start: usize,
        longest: aho_corasick::Match,
    ) -> Option<aho_corasick::Match> {
        // Every form found at `start` begins with the same character, so the left
        // boundary is decided once for all of them.
        if !boundary_before(text, start) {
            return None;
        }
        let mut candidate = longest;
        loop {
            if boundary_after(text, candidate.end()) {
                return Some(candidate);
            }
            // Retry anchored at `start`, in a window that ends at the last place before
            // the rejected end where a mention could end at all (inside a run of letters
            // none can), so a long word costs one retry, not one per letter.
            let mut limit = candidate.end();
            loop {
                let previous = text.get(..limit).and_then(|s| s.chars().next_back())?;
                limit -= previous.len_utf8();
                if limit <= start {
                    return None;
                }
                if boundary_after(text, limit) {
                    break;
                }
            }
            let input = Input::new(text).range(start..limit).anchored(Anchored::Yes);
            candidate = automaton.try_find(input).ok()??;
        }
    }
}

/// Whether a line is written in Cyrillic or Polish letters rather than quoting a word
/// of them: counting the bytes that lead a Cyrillic letter or one of Latin Extended-A
/// (Polish `ł`, `ś`, `ż`, ...; Łacinka `ŭ`) right after an ASCII byte (about once a word
/// in Russian, once a diacritic in Polish), at least one in forty bytes. Russian prose
/// has about one in seven, Polish one in twenty; an English line naming `Полкака` or
/// `Łukasz` one in several hundred.
fn mostly_cyrillic_or_polish(line: &str) -> bool {
    let bytes = line.as_bytes();
    let leading = bytes
        .windows(2)
        .filter(|pair| pair[0] < 0x80 && matches!(pair[1], 0xC4 | 0xC5 | 0xD0 | 0xD1))
        .count()
        + usize::from(matches!(bytes.first(), Some(0xC4 | 0xC5 | 0xD0 | 0xD1)));
    leading * 40 >= line.len()
}

/// The mentions of forms as written with those found by key: a mention by key is kept
/// where it overlaps none as written, or where every one it overlaps is of the same actor,
/// inside it, and shorter (`Александра Лукашенко` over the alias `Лукашенко`).
fn merge_generated(exact: Vec<Mention>, by_key: Vec<(TextRange, usize)>) -> Vec<Mention> {
    if by_key.is_empty() {
        return exact;
    }
    let mut kept: Vec<Mention> = Vec::with_capacity(exact.len() + by_key.len());
    let mut exact = exact.into_iter().peekable();
    for (range, actor) in by_key {
        // Mentions as written that end before this one starts go first.
        while let Some(mention) = exact.next_if(|mention| mention.range.end <= range.start) {
            kept.push(mention);
        }
        let mut overlapped = Vec::new();
        while let Some(mention) = exact.next_if(|mention| mention.range.start < range.end) {
            overlapped.push(mention);
        }
        let covers = overlapped.iter().all(|mention| {
            mention.actor == actor
                && range.start <= mention.range.start
                && mention.range.end <= range.end
                && mention.range.len() < range.len()
        });
        if covers {
            kept.push(Mention { range, actor });
        } else {
            kept.extend(overlapped);
        }
    }
    kept.extend(exact);
    kept
}

/// Letters and digits of any script make words; everything else (spaces, punctuation,
/// apostrophes, emoji) separates them.
pub(super) fn is_word_char(c: char) -> bool {
    // The Latin and Cyrillic blocks by hand: the standard library's table search for a
    // letter beyond ASCII was a third of the time of a Russian corpus.
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// A mention may start at `start` unless a word character on the left runs into a word
/// character at the start of the form.
fn boundary_before(text: &str, start: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let first = text.get(start..).and_then(|s| s.chars().next());
    !matches!((before, first), (Some(b), Some(f)) if is_word_char(b) && is_word_char(f))
}

/// A mention may end at `end` unless the form's last character and the next one are both
/// word characters. A possessive (`'s`, `’s`, a bare `’`) starts with an apostrophe and so
/// stays outside the mention.
fn boundary_after(text: &str, end: usize) -> bool {
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !matches!((last, after), (Some(l), Some(a)) if is_word_char(l) && is_word_char(a))
}
