//! Word lists of the temporal recognizer: month, weekday, season and number words, time
//! units and the cue words that decide whether a number is a year or a date is future.
//!
//! Every list is matched against lower-cased tokens; capitalisation requirements (month
//! and weekday names must be capitalised) are checked by the recognizer, not here.

/// Month number (1-12) of a full month name.
pub fn month_full(word: &str) -> Option<u8> {
    let m = match word {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    };
    Some(m)
}

/// Month number of an abbreviation (`Jan`, `Sept`); only trusted next to a day or year.
pub fn month_abbrev(word: &str) -> Option<u8> {
    let m = match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Month names that are also common words or given names (`May`, `March`), which alone
/// need a preposition or a number beside them to count as months.
pub fn month_is_ambiguous(month: u8) -> bool {
    matches!(month, 3 | 4 | 5 | 6 | 8)
}

/// ISO weekday number (Monday = 1) of a weekday name.
pub fn weekday(word: &str) -> Option<u8> {
    let d = match word {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some(d)
}

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Seasons in calendar order through the year, with their TimeML codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Winter,
    Spring,
    Summer,
    Fall,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Winter => "WI",
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
        }
    }

    /// Position in the year (winter first: it is the season of January).
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The season of a TimeML code (`SU`).
    pub fn of_code(code: &str) -> Option<Season> {
        [Season::Winter, Season::Spring, Season::Summer, Season::Fall]
            .into_iter()
            .find(|season| season.code() == code)
    }

    /// The year and month the season of `year` starts in: the winter of January begins
    /// in the December before.
    pub fn first_month(self, year: i16) -> (i16, i8) {
        match self {
            Season::Winter => (year - 1, 12),
            Season::Spring => (year, 3),
            Season::Summer => (year, 6),
            Season::Fall => (year, 9),
        }
    }

    /// The season a month falls in (meteorological seasons, northern hemisphere).
    pub fn of_month(month: u8) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

pub fn season(word: &str) -> Option<Season> {
    let s = match word {
        "winter" => Season::Winter,
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        _ => return None,
    };
    Some(s)
}

/// Calendar units that durations, `ago` phrases and `this/last/next` phrases count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TimeML duration designator: `P2M`, `PT3H`, `P10Y` for a decade.
    pub fn duration(self, count: Option<u32>) -> String {
        let n = |k: u32| match count {
            Some(c) => (u64::from(c) * u64::from(k)).to_string(),
            None => "X".to_string(),
        };
        match self {
            Unit::Minute => format!("PT{}M", n(1)),
            Unit::Hour => format!("PT{}H", n(1)),
            Unit::Day => format!("P{}D", n(1)),
            Unit::Week | Unit::Weekend => format!("P{}W", n(1)),
            Unit::Month => format!("P{}M", n(1)),
            Unit::Quarter => format!("P{}Q", n(1)),
            Unit::Year => format!("P{}Y", n(1)),
            Unit::Decade => match count {
                Some(_) => format!("P{}Y", n(10)),
                None => "PXDE".to_string(),
            },
            Unit::Century => match count {
                Some(_) => format!("P{}Y", n(100)),
                None => "PXCE".to_string(),
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Weekend => "weekend",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// A unit word, singular or plural; the flag says whether it was plural.
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    let u = match word {
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some(u)
}

/// A cardinal number word (`two`, `twelve`, `fifty`); `a`/`an`/`one` are 1.
pub fn cardinal(word: &str) -> Option<u32> {
    let n = match word {
        "a" | "an" | "one" | "single" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    };
    Some(n)
}

/// Quantifiers that stand for an unknown count (`a few days`, `several years`).
pub fn vague_count(word: &str) -> bool {
    matches!(word, "several" | "many" | "some" | "few" | "numerous")
}

/// Ordinal words used with quarters and halves.
pub fn ordinal(word: &str) -> Option<u8> {
    let n = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" | "final" => 4,
        _ => return None,
    };
    Some(n)
}

/// Words before a bare month or year that make it a time reference (`in May`, `by 1999`).
pub fn temporal_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "through"
            | "of"
            | "during"
            | "before"
            | "after"
            | "between"
            | "and"
            | "or"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "throughout"
            | "on"
            | "as"
            | "for"
    )
}

/// Words before a number that make it a count rather than a year (`up to 1500 officers`).
pub fn quantity_cue(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "around"
            | "approximately"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "than"
            | "least"
            | "roughly"
            | "up"
            | "exactly"
            | "only"
            | "just"
            | "total"
            | "no"
            | "number"
            | "nos"
            | "page"
            | "pages"
            | "article"
            | "decree"
            | "resolution"
            | "law"
            | "flight"
            | "route"
            | "model"
            | "boeing"
            | "airbus"
    )
}

/// Words that, earlier in the same sentence, make a date without a year point forward.
pub fn future_cue(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "ll"
            | "scheduled"
            | "upcoming"
            | "planned"
            | "plans"
            | "plan"
            | "due"
            | "deadline"
            | "set"
            | "wants"
            | "want"
            | "intends"
            | "intend"
            | "planning"
            | "hopes"
            | "hope"
            | "expects"
            | "expect"
            | "expected"
            | "aims"
            | "until"
    ) || timetable_verb(word).is_some()
}

/// Verbs of a timetable in the present, with the words that must follow them: `The
/// drills start on Monday`, `The decree takes effect on 1 April`, `comes into force`,
/// `kicks off`. The date recognizer reads a date after one forward; the claim finder
/// takes one with its sentence's date for a scheduled event. A `match`, not a list: it
/// is asked of every word of a dated sentence.
pub fn timetable_verb(word: &str) -> Option<&'static [&'static str]> {
    match word {
        "start" | "starts" | "begin" | "begins" | "open" | "opens" | "end" | "ends" | "close"
        | "closes" | "resume" | "resumes" | "expire" | "expires" | "arrive" | "arrives" => {
            Some(&[])
        }
        "take" | "takes" => Some(&["effect"]),
        "come" | "comes" | "enter" | "enters" => Some(&["into", "force"]),
        "kick" | "kicks" => Some(&["off"]),
        _ => None,
    }
}

/// Parts of the day with their TimeML codes.
pub fn day_part(word: &str) -> Option<&'static str> {
    let p = match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    };
    Some(p)
}

/// Frequency adverbs and adjectives: TimeML sets.
pub fn frequency(word: &str) -> Option<&'static str> {
    let v = match word {
        "hourly" => "PT1H",
        "daily" => "P1D",
        "nightly" => "P1D",
        "weekly" => "P1W",
        "biweekly" | "fortnightly" => "P2W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "annual" | "annually" | "yearly" => "P1Y",
        _ => return None,
    };
    Some(v)
}

/// Vague single words: value and whether they are vague at all in this position is
/// decided by the recognizer.
pub fn vague_word(word: &str) -> Option<&'static str> {
    let v = match word {
        "recently" | "lately" => "PAST_REF",
        "currently" | "nowadays" | "presently" => "PRESENT_REF",
        "now" => "PRESENT_REF",
        "soon" => "FUTURE_REF",
        _ => return None,
    };
    Some(v)
}

/// Time-zone words written after a clock time; UTC and GMT become `Z`.
pub fn utc_zone(word: &str) -> bool {
    matches!(word, "utc" | "gmt")
}

/// The words an expression can start with, sorted: every word that a matcher of the
/// recognizer or a list of this module tests for, except those only ever tested before or
/// after the first word ([`NEVER_FIRST_WORDS`]). An expression can only start at a number or
/// at one of these words, so the recognizer skips every other token without trying its
/// matchers (most tokens of a text). Tests check that every word literal of the recognizer
/// and of this module is in one list or the other, and that skipping changes no result.
const EXPRESSION_WORDS: &[&str] = &[
    "a",
    "about",
    "afternoon",
    "ago",
    "almost",
    "am",
    "an",
    "annual",
    "annually",
    "approximately",
    "apr",
    "april",
    "around",
    "at",
    "aug",
    "august",
    "autumn",
    "beginning",
    "between",
    "biweekly",
    "centuries",
    "century",
    "coming",
    "consecutive",
    "couple",
    "currently",
    "daily",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "each",
    "earlier",
    "early",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "end",
    "evening",
    "every",
    "fall",
    "feb",
    "february",
    "few",
    "fifteen",
    "fifty",
    "final",
    "first",
    "five",
    "following",
    "fortnightly",
    "forty",
    "four",
    "fourteen",
    "fourth",
    "friday",
    "from",
    "full",
    "future",
    "half",
    "hour",
    "hourly",
    "hours",
    "hundred",
    "initial",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "late",
    "lately",
    "later",
    "least",
    "less",
    "long",
    "many",
    "mar",
    "march",
    "may",
    "mid",
    "midday",
    "middle",
    "midnight",
    "minute",
    "minutes",
    "moment",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "most",
    "nearly",
    "next",
    "night",
    "nightly",
    "nine",
    "nineteen",
    "ninety",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "numerous",
    "oct",
    "october",
    "once",
    "one",
    "over",
    "overnight",
    "p",
    "past",
    "per",
    "pm",
    "present",
    "presently",
    "previous",
    "q",
    "quarter",
    "quarterly",
    "quarters",
    "recent",
    "recently",
    "right",
    "roughly",
    "same",
    "saturday",
    "second",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventy",
    "several",
    "short",
    "single",
    "six",
    "sixteen",
    "sixty",
    "some",
    "soon",
    "spring",
    "start",
    "straight",
    "subsequent",
    "summer",
    "sunday",
    "ten",
    "that",
    "the",
    "these",
    "third",
    "thirteen",
    "thirty",
    "this",
    "three",
    "thursday",
    "time",
    "times",
    "today",
    "tomorrow",
    "tonight",
    "trading",
    "tuesday",
    "turn",
    "twelve",
    "twenty",
    "twice",
    "two",
    "very",
    "wednesday",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "winter",
    "year",
    "yearly",
    "years",
    "yesterday",
];

/// Words the recognizer and the lists test for only around an expression's first word:
/// prepositions and verbs before it (`in`, `ended`), suffixes and words after it (`th`,
/// `than`, `local`), and the cue lists read before a number or a date (`quantity_cue`,
/// `future_cue`, `temporal_preposition`). Checked by reading each use; a property test
/// compares the recognizer with and without skipping.
pub const NEVER_FIRST_WORDS: &[&str] = &[
    "after",
    "aims",
    "airbus",
    "and",
    "arab",
    "arrive",
    "arrives",
    "article",
    "as",
    "before",
    "began",
    "begin",
    "begins",
    "being",
    "boeing",
    "by",
    "close",
    "closed",
    "closes",
    "closing",
    "come",
    "comes",
    "deadline",
    "decree",
    "does",
    "due",
    "during",
    "effect",
    "ended",
    "ending",
    "ends",
    "enter",
    "enters",
    "exactly",
    "expect",
    "expected",
    "expects",
    "expire",
    "expires",
    "finished",
    "finishing",
    "flight",
    "for",
    "force",
    "gmt",
    "has",
    "he",
    "her",
    "his",
    "hope",
    "hopes",
    "i",
    "in",
    "intend",
    "intends",
    "into",
    "it",
    "its",
    "just",
    "kick",
    "kicks",
    "law",
    "ll",
    "local",
    "m",
    "model",
    "nd",
    "near",
    "no",
    "nos",
    "number",
    "of",
    "off",
    "old",
    "on",
    "only",
    "open",
    "opened",
    "opens",
    "or",
    "other",
    "page",
    "pages",
    "percent",
    "plan",
    "planned",
    "planning",
    "plans",
    "plus",
    "preceding",
    "rd",
    "resolution",
    "resume",
    "resumes",
    "route",
    "s",
    "scheduled",
    "set",
    "shall",
    "she",
    "since",
    "st",
    "started",
    "starting",
    "starts",
    "take",
    "takes",
    "term",
    "th",
    "than",
    "their",
    "they",
    "through",
    "throughout",
    "thru",
    "till",
    "to",
    "total",
    "until",
    "up",
    "upcoming",
    "utc",
    "want",
    "wants",
    "was",
    "we",
    "when",
    "which",
    "while",
    "will",
    "within",
];

/// What the lists say of a word: whether it may start an expression
/// ([`EXPRESSION_WORDS`]), whether it is in either list, and whether it is
/// [`never_alone`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u8);

impl WordClass {
    const STARTS: u8 = 1;
    const LISTED: u8 = 2;
    const NEVER_ALONE: u8 = 4;

    pub fn starts(self) -> bool {
        self.0 & Self::STARTS != 0
    }

    pub fn listed(self) -> bool {
        self.0 & Self::LISTED != 0
    }

    pub fn never_alone(self) -> bool {
        self.0 & Self::NEVER_ALONE != 0
    }
}

/// The listed words with their classes, found without hashing. Each word falls in a
/// cell by its length and its first and last bytes (folded to five bits); a bit per
/// cell says whether any listed word is in it, which turns most other words away, and
/// the few words of a set cell are compared one by one.
struct Classes {
    /// One bit per cell.
    occupied: [u64; CELLS / 64],
    /// How many bits of `occupied` are set before each of its integers.
    set_before: [u16; CELLS / 64],
    /// For the n-th set cell, where its words start in `words`; one more entry at the end.
    cell_start: Vec<u16>,
    /// The listed words in cell order, by their [`fingerprint`].
    words: Vec<((u64, u64), WordClass)>,
}

const CELLS: usize = crate::text::WORD_CELLS;

impl Classes {
    fn new() -> Self {
        let mut words: Vec<(usize, &'static str, WordClass)> = Vec::new();
        for &word in EXPRESSION_WORDS.iter().chain(NEVER_FIRST_WORDS) {
            let Some(cell) = cell(word) else {
                continue;
            };
            let mut class = WordClass::LISTED;
            if EXPRESSION_WORDS.contains(&word) {
                class |= WordClass::STARTS;
            }
            if never_alone(word) {
                class |= WordClass::NEVER_ALONE;
            }
            words.push((cell, word, WordClass(class)));
        }
        words.sort_by_key(|&(cell, word, _)| (cell, word));
        words.dedup_by_key(|(_, word, _)| *word);
        let mut occupied = [0u64; CELLS / 64];
        let mut cell_start = Vec::new();
        for (index, &(cell, _, _)) in words.iter().enumerate() {
            if occupied[cell / 64] & (1 << (cell % 64)) == 0 {
                occupied[cell / 64] |= 1 << (cell % 64);
                cell_start.push(index as u16);
            }
        }
        cell_start.push(words.len() as u16);
        let mut set_before = [0u16; CELLS / 64];
        let mut set = 0;
        for (before, bits) in set_before.iter_mut().zip(occupied) {
            *before = set;
            set += bits.count_ones() as u16;
        }
        Classes {
            occupied,
            set_before,
            cell_start,
            words: words
                .into_iter()
                .map(|(_, word, class)| (fingerprint(word.as_bytes()), class))
                .collect(),
        }
    }

    fn get(&self, word: &str) -> WordClass {
        let Some(cell) = cell(word) else {
            return WordClass::default();
        };
        let bits = self.occupied[cell / 64];
        let bit = 1u64 << (cell % 64);
        if bits & bit == 0 {
            return WordClass::default();
        }
        let rank =
            usize::from(self.set_before[cell / 64]) + (bits & (bit - 1)).count_ones() as usize;
        let (Some(&start), Some(&end)) = (self.cell_start.get(rank), self.cell_start.get(rank + 1))
        else {
            return WordClass::default();
        };
        // The words of a cell have one length, which the fingerprints tell apart at.
        let wanted = fingerprint(word.as_bytes());
        self.words
            .get(usize::from(start)..usize::from(end))
            .into_iter()
            .flatten()
            .find(|(listed, _)| *listed == wanted)
            .map_or_else(WordClass::default, |&(_, class)| class)
    }
}

/// Two integers that tell a word of at most 16 bytes from every other word of its
/// length: its first and last eight bytes (four, for shorter words; the first, middle
/// and last byte, for words of three bytes or fewer), which overlap and so cover it all.
/// Comparing them is cheaper than comparing the words, which calls `memcmp`.
fn fingerprint(bytes: &[u8]) -> (u64, u64) {
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        return (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        return (
            u64::from(u32::from_le_bytes(*first)),
            u64::from(u32::from_le_bytes(*last)),
        );
    }
    let at = |index: usize| u64::from(bytes.get(index).copied().unwrap_or(0));
    let last = bytes.len().saturating_sub(1);
    (at(0) | at(bytes.len() / 2) << 8 | at(last) << 16, 0)
}

/// The cell of [`Classes`] a word falls in ([`crate::text::word_cell`]); `None` for words
/// longer than any listed one (and for the empty word).
fn cell(word: &str) -> Option<usize> {
    crate::text::word_cell(word).filter(|_| word.len() < 16)
}

/// What the lists say of a word (lower-cased). Asked of nearly every word of a text,
/// which [`Classes`] answers without hashing it: a hash set, before, was 3 % of a check.
pub fn classify(word: &str) -> WordClass {
    static CLASSES: std::sync::LazyLock<Classes> = std::sync::LazyLock::new(Classes::new);
    CLASSES.get(word)
}

/// Words that start expressions but are never one alone (`the`, `about`, `a`), and are
/// also among the commonest words of any text. Past its first word an expression goes
/// on only through a number, a punctuation mark or a listed word
/// ([`WordClass::listed`]): every matcher tests the tokens after the first by kind or
/// against the lists (only tokens after a number are also tested by shape, as
/// `2000 troops` is). So before a word in no list, none of these starts anything, and
/// the recognizer need not try them there: they were two in five of the places where it
/// tried every matcher, all in vain.
pub fn never_alone(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "that"
            | "these"
            | "from"
            | "about"
            | "a"
            | "an"
            | "some"
            | "more"
            | "at"
            | "two"
            | "three"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells find every listed word with its class, and no other word: each listed
    /// word, each with a letter added, dropped or changed, and words of every length.
    #[test]
    fn classify_knows_the_listed_words_and_no_other() {
        let listed: std::collections::HashSet<&str> = EXPRESSION_WORDS
            .iter()
            .chain(NEVER_FIRST_WORDS)
            .copied()
            .collect();
        for &word in &listed {
            let class = classify(word);
            assert!(class.listed(), "{word}");
            assert_eq!(class.starts(), EXPRESSION_WORDS.contains(&word), "{word}");
            assert_eq!(class.never_alone(), never_alone(word), "{word}");
        }
        let mut others = vec![
            String::new(),
            "x".repeat(15),
            "x".repeat(16),
            "minister".into(),
        ];
        for word in &listed {
            others.push(format!("{word}s"));
            others.push(format!("a{word}"));
            others.push(word[1..].to_string());
            others.push(word.replacen(|_| true, "q", 1));
            others.push(word.to_uppercase());
        }
        for word in others.iter().filter(|word| !listed.contains(word.as_str())) {
            assert_eq!(classify(word), WordClass::default(), "{word}");
        }
    }
}
