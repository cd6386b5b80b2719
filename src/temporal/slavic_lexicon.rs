//! The shape of the Russian, Ukrainian, Belarusian and Polish word lists of the date
//! recognizer (each in its own `lexicon_<code>.rs`), and the one table per language,
//! built on first use, that the matcher looks every word up in.
//!
//! The lists name each inflected form (months and weekdays as a stem and its endings), so
//! that a word is recognised by exact lookup, never by guessing at a prefix.

use super::lexicon::{Season, Unit};
use crate::language::Language;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a fixed phrase (`в тот же день`, `w przyszłości`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseMeaning {
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Vague(&'static str),
    /// Counted in days from an earlier date of the paragraph (`the same day`: 0).
    Lean(i32),
    /// The eve ([`crate::temporal::sem::Lean::Eve`]).
    Eve,
    /// `на выходных`, `в минувшие выходные`, `w weekend`: as the English `over the
    /// weekend` and `last weekend`.
    Weekend,
    /// `за минувшие сутки`, `за минулу добу`, `w ciągu ostatniej doby`: the day up to
    /// the article date, as the English `over the past day` (the window of a daily
    /// report); `за последний месяц`, `w ciągu ostatniego tygodnia`: the month or week
    /// up to it, as `in the past month`.
    Past(Unit),
    /// `первом полугодии`, `w drugim półroczu`: a half of the year, as `the first half
    /// of 2022`; the year follows, or it is the latest half not after the article's (the
    /// next on a future cue).
    Half(u8),
    /// `третьем квартале`, `w pierwszym kwartale`: a quarter, as `the third quarter`.
    Quarter(u8),
    /// `минулої ночі`, `ostatniej nocy`: the night before the article date, as the
    /// English `last night` (the other forms are a shift and a part of the day).
    LastNight,
}

/// A stem and the endings it takes, or forms given whole (stem `""`).
pub type Forms = (&'static str, &'static [&'static str]);

/// One language's word lists. Forms are lower case; `’` and `'` are the same letter.
pub struct SlavicData {
    /// Each month's forms, January first.
    pub months: [Forms; 12],
    /// Each weekday's forms, Monday first.
    pub weekdays: [Forms; 7],
    /// `вчера` (-1), `сегодня` (0), `завтра` (1).
    pub day_words: &'static [(&'static str, i32)],
    /// Words that shift a unit, weekday, month or season: `прошлой` (-1), `этом` (0).
    pub shifts: &'static [(&'static [&'static str], i32)],
    /// One word for a year before or after the article's (`торік`).
    pub year_words_shifted: &'static [(&'static str, i32)],
    /// Unit forms, singular and plural, in every case listed.
    pub units: &'static [(&'static [&'static str], Unit)],
    /// Number words of small counts, in every gender and case listed.
    pub counts: &'static [(&'static [&'static str], u32)],
    /// `несколько`, `kilka`: a count the text does not give.
    pub vague_counts: &'static [&'static str],
    /// `назад`, `тому`, `таму`, `temu`.
    pub ago: &'static [&'static str],
    /// What follows a year's digits: `г`, `года`, `р`, `року`, `roku`, `r`.
    pub year_words: &'static [&'static str],
    /// Words after which a bare month or year is a date: `в`, `у`, `w`, `до`, `od`.
    pub prepositions: &'static [&'static str],
    /// Words that start a range (`с`, `з`, `od`) and that join its ends (`по`, `до`).
    pub range_from: &'static [&'static str],
    pub range_to: &'static [&'static str],
    /// Words in front of a month that say where in it (`начале`, `końca`).
    pub modifiers: &'static [&'static str],
    /// Parts of the day: TimeML's `MO`, `AF`, `EV`, `NI`.
    pub parts: &'static [(&'static [&'static str], &'static str)],
    /// Parts of the day that are one only right after a given word, being something else
    /// after others: (`południu`, `po`), since `po południu` is the afternoon but `na
    /// południu kraju` the country's south.
    pub parts_only_after: &'static [(&'static str, &'static str)],
    /// Single vague words: `недавно` (`PAST_REF`), `сейчас` (`PRESENT_REF`).
    pub vague: &'static [(&'static [&'static str], &'static str)],
    /// Fixed phrases of several words.
    pub phrases: &'static [(&'static [&'static str], PhraseMeaning)],
    pub seasons: &'static [(&'static [&'static str], Season)],
    /// Words that make a sentence speak of the future (`будет`, `planuje`).
    pub future: &'static [&'static str],
    /// Verbs that schedule what the infinitive right after them says (`должен посетить`,
    /// `має відвідати`, `ma odwiedzić`): as `is due to`, they speak of the future only
    /// before that infinitive, since alone they mostly own or owe (`ma siedzibę`).
    pub schedules: &'static [&'static str],
    /// Futures of taking place, starting and ending (`состоится`, `пройдут`,
    /// `відбудеться`, `odbędzie`), and the perfective futures of the visits, signings,
    /// meetings, hearings and lastings news announces (`посетит`, `підпише`,
    /// `сустрэнецца`, `przeprowadzi`, `potrwa`), whose form alone does not tell them from
    /// a present: they speak of the future too, and the claim finder reads them as
    /// scheduled events when their sentence gives the date ([`scheduled_futures`]). With
    /// them the presents of a timetable (`вступает в силу`, `набуває чинності`, `wchodzi
    /// w życie`, `начинается`), which speak of a date ahead as `takes effect` does.
    pub scheduled: &'static [&'static str],
    /// What follows `1990-` in a decade (`х`, `е`, `ті`, `tych`).
    pub decade_suffixes: &'static [&'static str],
    /// Words before a decade's digits (`lata 90.`).
    pub decade_words: &'static [&'static str],
    /// Words after which a unit is a length of time (`течение`, `протягом`, `przez`).
    pub duration_cues: &'static [&'static str],
}

/// What a word can be, all at once (`года` is a unit and a year word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub month: Option<u8>,
    pub weekday: Option<u8>,
    pub day_shift: Option<i32>,
    pub shift: Option<i32>,
    pub year_shift: Option<i32>,
    pub unit: Option<Unit>,
    pub count: Option<u32>,
    pub vague_count: bool,
    pub ago: bool,
    pub year_word: bool,
    pub preposition: bool,
    pub range_from: bool,
    pub range_to: bool,
    pub modifier: bool,
    pub part: Option<&'static str>,
    /// The word that must stand right before this part of the day (see
    /// [`SlavicData::parts_only_after`]).
    pub part_only_after: Option<&'static str>,
    pub vague: Option<&'static str>,
    pub season: Option<Season>,
    pub future: bool,
    /// A verb of [`SlavicData::schedules`].
    pub schedules: bool,
    pub decade_word: bool,
    pub duration_cue: bool,
    /// Some phrase of [`SlavicData::phrases`] starts with this word.
    pub phrase_start: bool,
}

/// Marks an entry as one kind of word.
type SetFlag = fn(&mut Entry);

/// A language's table: every listed form and what it can be.
pub struct Lexicon {
    pub data: &'static SlavicData,
    words: FxHashMap<String, Entry>,
}

/// The form as looked up: lower case is the tokenizer's, and the typographic apostrophe
/// is written as the typewriter one (both spellings are in use).
pub fn normalise(word: &str) -> String {
    word.replace(['’', 'ʼ'], "'")
}

impl Lexicon {
    fn build(data: &'static SlavicData) -> Lexicon {
        let mut words: FxHashMap<String, Entry> = FxHashMap::default();
        let mut add = |form: &str, set: &dyn Fn(&mut Entry)| {
            set(words.entry(normalise(form)).or_default());
        };
        let expand = |(stem, endings): Forms| -> Vec<String> {
            endings
                .iter()
                .map(|ending| format!("{stem}{ending}"))
                .collect()
        };
        for (index, forms) in data.months.iter().enumerate() {
            let month = u8::try_from(index + 1).unwrap_or(1);
            for form in expand(*forms) {
                add(&form, &|entry| entry.month = Some(month));
            }
        }
        for (index, forms) in data.weekdays.iter().enumerate() {
            let weekday = u8::try_from(index + 1).unwrap_or(1);
            for form in expand(*forms) {
                add(&form, &|entry| entry.weekday = Some(weekday));
            }
        }
        for &(form, shift) in data.day_words {
            add(form, &|entry| entry.day_shift = Some(shift));
        }
        for &(forms, shift) in data.shifts {
            for form in forms {
                add(form, &|entry| entry.shift = Some(shift));
            }
        }
        for &(form, shift) in data.year_words_shifted {
            add(form, &|entry| entry.year_shift = Some(shift));
        }
        for &(forms, unit) in data.units {
            for form in forms {
                add(form, &|entry| entry.unit = Some(unit));
            }
        }
        for &(forms, count) in data.counts {
            for form in forms {
                add(form, &|entry| entry.count = Some(count));
            }
        }
        for &(forms, part) in data.parts {
            for form in forms {
                add(form, &|entry| entry.part = Some(part));
            }
        }
        for &(form, before) in data.parts_only_after {
            add(form, &|entry| entry.part_only_after = Some(before));
        }
        for &(forms, value) in data.vague {
            for form in forms {
                add(form, &|entry| entry.vague = Some(value));
            }
        }
        for &(forms, season) in data.seasons {
            for form in forms {
                add(form, &|entry| entry.season = Some(season));
            }
        }
        for (words, _) in data.phrases {
            if let Some(first) = words.first() {
                add(first, &|entry| entry.phrase_start = true);
            }
        }
        let flags: [(&[&str], SetFlag); 12] = [
            (data.vague_counts, |entry| entry.vague_count = true),
            (data.ago, |entry| entry.ago = true),
            (data.year_words, |entry| entry.year_word = true),
            (data.prepositions, |entry| entry.preposition = true),
            (data.range_from, |entry| entry.range_from = true),
            (data.range_to, |entry| entry.range_to = true),
            (data.modifiers, |entry| entry.modifier = true),
            (data.future, |entry| entry.future = true),
            (data.scheduled, |entry| entry.future = true),
            (data.schedules, |entry| entry.schedules = true),
            (data.decade_words, |entry| entry.decade_word = true),
            (data.duration_cues, |entry| entry.duration_cue = true),
        ];
        for (forms, set) in flags {
            for form in forms {
                add(form, &set);
            }
        }
        Lexicon { data, words }
    }

    /// What a lower-cased word can be.
    pub fn get(&self, word: &str) -> Option<&Entry> {
        self.words.get(word)
    }

    /// Every form listed, for tests.
    #[cfg(test)]
    pub fn forms(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.words
            .iter()
            .map(|(form, entry)| (form.as_str(), entry))
    }
}

/// The table of a language other than English, built once; `None` for English, whose
/// recognizer is the hand-written one of `recognize`.
pub fn lexicon(language: Language) -> Option<&'static Lexicon> {
    static RU: OnceLock<Lexicon> = OnceLock::new();
    static UK: OnceLock<Lexicon> = OnceLock::new();
    static BE: OnceLock<Lexicon> = OnceLock::new();
    static PL: OnceLock<Lexicon> = OnceLock::new();
    let (cell, data) = match language {
        Language::En => return None,
        Language::Ru => (&RU, &super::lexicon_ru::DATA),
        Language::Uk => (&UK, &super::lexicon_uk::DATA),
        Language::Be => (&BE, &super::lexicon_be::DATA),
        Language::Pl => (&PL, &super::lexicon_pl::DATA),
    };
    Some(cell.get_or_init(|| Lexicon::build(data)))
}

/// The tables of the four languages.
fn every_language() -> [&'static SlavicData; 4] {
    [
        &super::lexicon_ru::DATA,
        &super::lexicon_uk::DATA,
        &super::lexicon_be::DATA,
        &super::lexicon_pl::DATA,
    ]
}

/// The verbs of a schedule of the four languages (see [`SlavicData::schedules`]).
pub fn schedule_verbs() -> impl Iterator<Item = &'static str> {
    every_language()
        .into_iter()
        .flat_map(|data| data.schedules.iter().copied())
}

/// Whether a lower-case word ends as a Russian, Ukrainian, Belarusian or Polish
/// infinitive does (`посетить`, `відвідати`, `адбыцца`, `odwiedzić`, `móc`).
pub fn ends_as_infinitive(word: &str) -> bool {
    [
        "ть", "ти", "чь", "ць", "ці", "ться", "тися", "цца", "ć", "c",
    ]
    .iter()
    .any(|ending| word.ends_with(ending))
}

/// The futures of taking place, starting and ending of the four languages (see
/// [`SlavicData::scheduled`]).
pub fn scheduled_futures() -> impl Iterator<Item = &'static str> {
    every_language()
        .into_iter()
        .flat_map(|data| data.scheduled.iter().copied())
}
