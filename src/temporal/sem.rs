//! What the recognizer understood an expression to mean, before any calendar arithmetic:
//! the bridge between `recognize` (words to meaning) and `resolve` (meaning to values).

use super::lexicon::{Season, Unit};

/// A calendar point or period, possibly relative to the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    /// An explicit date with what the text gives of it (`19 February`, `March 2022`, `1999`).
    Ymd {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// `the 1990s` (value `199`).
    Decade(i32),
    /// `spring 2022`, `this spring` (`shift` 0), `last summer` (-1), `autumn` (no shift).
    Season {
        year: Option<i32>,
        season: Season,
        shift: Option<i32>,
    },
    /// `the fourth quarter (of 2009 | of this year)`.
    Quarter {
        year: Option<i32>,
        year_shift: Option<i32>,
        quarter: u8,
    },
    /// `the first half of (2022 | the year)`.
    Half {
        year: Option<i32>,
        year_shift: Option<i32>,
        half: u8,
    },
    /// `Thursday` (no shift), `last Wednesday` (-1: the Wednesday of the week before).
    Weekday { weekday: u8, shift: Option<i32> },
    /// `last March` (-1), `next May` (1).
    MonthShift { month: u8, shift: i32 },
    /// A month of the year before or after the article's (`в сентябре прошлого года`:
    /// -1), or of its own year (0).
    MonthOfShiftedYear { month: u8, year_shift: i32 },
    /// `yesterday` (-1), `today`, `tomorrow`.
    DayShift(i32),
    /// `this week` (0), `last month` (-1), `next year` (1).
    UnitShift { unit: Unit, shift: i32 },
    /// `over the weekend`, `at the weekend`: the weekend before the article date (the
    /// date's own when it falls on one), or the next one in a sentence of the future.
    TheWeekend,
    /// `on the 10th`: a day of the month named alone, in the article date's month or the
    /// one before (the one after in a sentence of the future).
    DayOfMonth(u8),
    /// `two weeks ago`; `count: None` for `a few days ago`.
    Ago { unit: Unit, count: Option<u32> },
}

/// A clock time or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    At { hour: u8, minute: u8, utc: bool },
    Part(&'static str),
}

/// The meaning of one recognized expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sem {
    Point(Cal),
    /// An explicit range (`between November 2022 and February 2023`).
    Interval(Cal, Cal),
    /// A time, on `date` or (when `None`) on the article date.
    Time {
        date: Option<Cal>,
        clock: Clock,
    },
    /// A duration value such as `P2M`; `vague` for unknown counts (`PXD`).
    Duration {
        value: String,
        vague: bool,
    },
    /// A span that ends at the article date (`over the past day`, `in the last 24
    /// hours`, `the past two weeks`, `за минулу добу`): `count` units of hours, days,
    /// weeks or months back from it. The window of a daily report, which dates what
    /// happened in it.
    RecentSpan {
        unit: Unit,
        count: u32,
    },
    /// A set value such as `P1Y` or `XXXX-WXX-1`.
    Set(String),
    /// `recently`, `currently`: `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Vague(&'static str),
    /// Counted from another event of the text (`the same day`, `two days before`).
    Anaphoric(Lean),
}

/// How an anaphoric expression leans on the date an earlier sentence gives.
///
/// Its words are the recognizer's own (`&'static str`), which nothing decoded can be: the
/// warm-start cache (`cache.rs`) writes it as [`LeanWords`] and takes back only words it
/// knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// `the same day` (0), `the next day` (1), `the day before` (-1), `that evening` (0,
    /// `TEV`), `on the second day of the talks` (1).
    Day {
        shift: i32,
        part: Option<&'static str>,
    },
    /// `that week`, `the same month`, `that year`: the unit holding the leaned-on date.
    Same { unit: &'static str },
    /// `days later`: counted from another event, but by how much the text does not say.
    Unknown,
    /// `накануне`, `напередодні`, `напярэдадні`: the day before an earlier date of its
    /// paragraph, or, with none, the day before the article's, as Slavic news uses the
    /// word for `yesterday`; with the part of the day that may follow (`накануне
    /// вечером`).
    Eve { part: Option<&'static str> },
}

impl Lean {
    /// The same lean with the part of the day `part` (`TEV`), for a day or an eve that has
    /// none yet (`вечером того же дня`, `накануне вечером`); `None` for any other.
    pub fn with_part(self, part: &'static str) -> Option<Lean> {
        match self {
            Lean::Day { shift, part: None } => Some(Lean::Day {
                shift,
                part: Some(part),
            }),
            Lean::Eve { part: None } => Some(Lean::Eve { part: Some(part) }),
            _ => None,
        }
    }
}

/// A part of the day (`EV`) as a leaning value writes it, the way TimeML writes a time
/// of day (`TEV`).
pub fn leaning_part(part: &str) -> Option<&'static str> {
    Some(match part {
        "MO" => "TMO",
        "AF" => "TAF",
        "EV" => "TEV",
        "NI" => "TNI",
        _ => return None,
    })
}

/// [`Lean`] with owned words, as the warm-start cache writes it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum LeanWords {
    Day { shift: i32, part: Option<String> },
    Same { unit: String },
    Unknown,
    Eve { part: Option<String> },
}

/// Every word a [`Lean`] holds: the parts of a day and the units of `that <unit>`.
const LEAN_WORDS: [&str; 7] = ["TMO", "TAF", "TEV", "TNI", "week", "month", "year"];

impl From<Lean> for LeanWords {
    fn from(lean: Lean) -> Self {
        match lean {
            Lean::Day { shift, part } => LeanWords::Day {
                shift,
                part: part.map(str::to_string),
            },
            Lean::Same { unit } => LeanWords::Same {
                unit: unit.to_string(),
            },
            Lean::Unknown => LeanWords::Unknown,
            Lean::Eve { part } => LeanWords::Eve {
                part: part.map(str::to_string),
            },
        }
    }
}

impl TryFrom<LeanWords> for Lean {
    type Error = String;

    fn try_from(words: LeanWords) -> Result<Self, String> {
        let known = |word: &str| {
            LEAN_WORDS
                .iter()
                .copied()
                .find(|known| *known == word)
                .ok_or_else(|| format!("`{word}` is no word of a leaning date"))
        };
        Ok(match words {
            LeanWords::Day { shift, part } => Lean::Day {
                shift,
                part: part.as_deref().map(known).transpose()?,
            },
            LeanWords::Same { unit } => Lean::Same {
                unit: known(&unit)?,
            },
            LeanWords::Unknown => Lean::Unknown,
            LeanWords::Eve { part } => Lean::Eve {
                part: part.as_deref().map(known).transpose()?,
            },
        })
    }
}
