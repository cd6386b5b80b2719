//! Human-readable dates: a TimeML value as the recognizer writes it (`2022-10-08`,
//! `2022-W38`, `P2M`, `2022-11/2023-02`) in the words of British news style (`8 October
//! 2022`, `the week of 19 September 2022`, `two months`, `November 2022 to February
//! 2023`), for hovers and reports. Pure: no IO; never panics, whatever the input.
//!
//! Choices where usage varies:
//! - a TimeML century (`19XX`, or `19` as the recognizer writes one) is `the 20th
//!   century`, not `the 1900s`, which many readers take for the decade 1900–1909; the
//!   one-year shift between 1900–1999 and the strict 1901–2000 is ignored, as everyday
//!   usage ignores it;
//! - a decade (`199X`, or `199` as the recognizer writes one) is `the 1990s`;
//! - a week is named by its Monday (`the week of 19 September 2022`), a weekend
//!   (`2022-W38-WE`) by its Saturday;
//! - counts are words from one to ten and digits beyond (`two months`, `12 days`,
//!   `1,000 years`); a count of one is `a` or `an` (`a year`, `an hour`); a count of
//!   nought is no duration a text states, and gives `None`;
//! - a range shares what its two ends share: `1–8 March 2022`, `28 February to 8 March
//!   2022`, `March to May 2022`, `November 2022 to February 2023`, `14:30 to 16:00 on 8
//!   October 2022`; a range whose end starts or ends before its start does is malformed;
//! - vague values (`PXD`, `XXXX-XX-XX`), sets (`XXXX-WXX-1`) and anything malformed give
//!   `None`, as do values with white space or characters beyond ASCII: values are written
//!   by the recognizer, never by hand.

use super::lexicon::MONTH_NAMES;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use jiff::ToSpan;

/// The values the recognizer writes are a few tens of bytes at most (two days joined as a
/// range are 21): a longer text is turned away before any parsing.
const LONGEST_VALUE: usize = 64;

/// The words a person writes for a TimeML value (`2022-10-08` → `8 October 2022`,
/// `P2M` → `two months`, `PAST_REF` → `the past`); `None` for values that are vague,
/// malformed or name no day of the calendar (`2022-02-30`, `2022-W53`).
pub fn readable_value(value: &str) -> Option<String> {
    if !looks_like_a_value(value) {
        return None;
    }
    match value {
        "PAST_REF" => return Some("the past".to_string()),
        "PRESENT_REF" => return Some("now".to_string()),
        "FUTURE_REF" => return Some("the future".to_string()),
        _ => {}
    }
    if let Some(designators) = value.strip_prefix('P') {
        return duration_in_words(designators);
    }
    if let Some((start, end)) = value.split_once('/') {
        return range_in_words(parse_point(start)?, parse_point(end)?);
    }
    parse_point(value)?.in_words()
}

/// The words for a calendar value known only at a coarser precision than its expression
/// asks, with a note naming the unit left unknown: `2022-10` → `October 2022 (the exact
/// day is not known)`. It is for a caller that holds such a value; the resolver itself
/// writes none (an expression finer than the article's date is unresolved, with no value).
///
/// The note names the unit just finer than the value's own, whatever finer unit the
/// expression asked for: a decade or century lacks its year; a year, season, quarter or
/// half its month; a month, week or weekend its day; a day or part of a day its time.
///
/// `None` for what [`readable_value`] refuses, for clock times (nothing finer is asked
/// for), and for durations, ranges and vague references, which are not calendar points.
pub fn readable_uncertain(value: &str) -> Option<String> {
    if !looks_like_a_value(value) {
        return None;
    }
    let point = parse_point(value)?;
    let unknown = match point {
        Point::Century(_) | Point::Decade(_) => "year",
        Point::Year(_) | Point::Season { .. } | Point::Quarter { .. } | Point::Half { .. } => {
            "month"
        }
        Point::Month { .. } | Point::Week(_) | Point::Weekend(_) => "day",
        Point::Day(_) | Point::DayPart { .. } => "time",
        Point::Clock { .. } => return None,
    };
    Some(format!(
        "{} (the exact {unknown} is not known)",
        point.in_words()?
    ))
}

/// Values are short ASCII words; checking this first keeps the parsing below to byte
/// positions that are always character boundaries.
fn looks_like_a_value(value: &str) -> bool {
    value.len() <= LONGEST_VALUE && value.is_ascii()
}

/// A calendar point or period, as far as the value names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// `19` or `19XX`: the years 1900–1999.
    Century(u16),
    /// `199` or `199X`: the years 1990–1999.
    Decade(u16),
    Year(i16),
    Season {
        year: i16,
        season: &'static str,
    },
    Quarter {
        year: i16,
        quarter: u16,
    },
    Half {
        year: i16,
        half: u16,
    },
    Month {
        year: i16,
        month: i8,
    },
    /// The Monday of an ISO week.
    Week(Date),
    /// The Saturday of an ISO week's weekend.
    Weekend(Date),
    Day(Date),
    /// `TMO`, `TAF`, `TEV`, `TNI`: a part of a day, in words (`evening`).
    DayPart {
        day: Date,
        part: &'static str,
    },
    Clock {
        day: Date,
        hour: u16,
        minute: u16,
        utc: bool,
    },
}

/// Parses one calendar value (no range, duration or reference).
fn parse_point(text: &str) -> Option<Point> {
    if let Some((date, clock)) = text.split_once('T') {
        // A time is only ever written on a full day; `date` holds no `T` left to split.
        let Point::Day(day) = parse_point(date)? else {
            return None;
        };
        return parse_clock(day, clock);
    }
    let mut fields = text.split('-');
    let first = fields.next()?;
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return None;
    }
    match (second, third) {
        (None, _) => parse_years(first),
        (Some(second), None) => parse_part_of_year(year(first)?, second),
        (Some(second), Some(third)) => parse_day_or_weekend(year(first)?, second, third),
    }
}

/// `2022`, a decade (`199`, `199X`) or a century (`19`, `19XX`).
fn parse_years(text: &str) -> Option<Point> {
    if let Some(year) = year(text) {
        return Some(Point::Year(year));
    }
    let digits = text.trim_end_matches('X');
    let unknown_digits = text.len() - digits.len();
    match (digits.len(), unknown_digits) {
        // The decade of year nought is no decade anyone names.
        (3, 0 | 1) => number(digits, 3)
            .filter(|&decade| decade > 0)
            .map(Point::Decade),
        (2, 0 | 2) => number(digits, 2).map(Point::Century),
        _ => None,
    }
}

/// `2022-10`, `2022-W38`, `2022-SU`, `2022-Q1`, `2022-H2`.
fn parse_part_of_year(year: i16, part: &str) -> Option<Point> {
    let season = match part {
        "SP" => Some("spring"),
        "SU" => Some("summer"),
        "FA" => Some("autumn"),
        "WI" => Some("winter"),
        _ => None,
    };
    if let Some(season) = season {
        return Some(Point::Season { year, season });
    }
    if let Some(quarter) = part.strip_prefix('Q') {
        let quarter = number(quarter, 1).filter(|q| (1..=4).contains(q))?;
        return Some(Point::Quarter { year, quarter });
    }
    if let Some(half) = part.strip_prefix('H') {
        let half = number(half, 1).filter(|h| (1..=2).contains(h))?;
        return Some(Point::Half { year, half });
    }
    if let Some(week) = part.strip_prefix('W') {
        return iso_week_day(year, week, Weekday::Monday).map(Point::Week);
    }
    let month = number(part, 2).filter(|m| (1..=12).contains(m))?;
    Some(Point::Month {
        year,
        month: i8::try_from(month).ok()?,
    })
}

/// `2022-10-08` or the weekend of a week, `2022-W38-WE`.
fn parse_day_or_weekend(year: i16, second: &str, third: &str) -> Option<Point> {
    if let Some(week) = second.strip_prefix('W') {
        if third != "WE" {
            return None;
        }
        return iso_week_day(year, week, Weekday::Saturday).map(Point::Weekend);
    }
    let month = i8::try_from(number(second, 2)?).ok()?;
    let day = i8::try_from(number(third, 2)?).ok()?;
    // jiff refuses days the month does not have (`2022-02-30`, `2023-02-29`).
    Date::new(year, month, day).ok().map(Point::Day)
}

/// The day of an ISO week (`38`); `None` for weeks the year does not have (`2022`'s 53rd).
fn iso_week_day(year: i16, week: &str, weekday: Weekday) -> Option<Date> {
    let week = i8::try_from(number(week, 2)?).ok()?;
    ISOWeekDate::new(year, week, weekday)
        .ok()
        .map(ISOWeekDate::date)
}

/// The time after `T`: a part of the day or `HH:MM`, `Z` for UTC.
fn parse_clock(day: Date, clock: &str) -> Option<Point> {
    let part = match clock {
        "MO" => Some("morning"),
        "AF" => Some("afternoon"),
        "EV" => Some("evening"),
        "NI" => Some("night"),
        _ => None,
    };
    if let Some(part) = part {
        return Some(Point::DayPart { day, part });
    }
    let (clock, utc) = match clock.strip_suffix('Z') {
        Some(clock) => (clock, true),
        None => (clock, false),
    };
    let (hour, minute) = clock.split_once(':')?;
    Some(Point::Clock {
        day,
        hour: number(hour, 2).filter(|&h| h < 24)?,
        minute: number(minute, 2).filter(|&m| m < 60)?,
        utc,
    })
}

/// A four-digit year from 0001 to 9999 (year 0000 is no date, as for the header `Date:`).
fn year(text: &str) -> Option<i16> {
    let year = number(text, 4).filter(|&y| y > 0)?;
    i16::try_from(year).ok()
}

/// Exactly `width` ASCII digits (at most four, so the number fits).
fn number(text: &str, width: usize) -> Option<u16> {
    if width > 4 || text.len() != width || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Point {
    fn in_words(self) -> Option<String> {
        let words = match self {
            Point::Century(century) => format!("the {} century", ordinal(century + 1)),
            Point::Decade(decade) => format!("the {}s", u32::from(decade) * 10),
            Point::Year(year) => year.to_string(),
            Point::Season { year, season } => format!("{season} {year}"),
            Point::Quarter { year, quarter } => {
                format!("the {} quarter of {year}", ordinal_word(quarter)?)
            }
            Point::Half { year, half } => format!("the {} half of {year}", ordinal_word(half)?),
            Point::Month { year, month } => format!("{} {year}", month_name(month)?),
            Point::Week(monday) => format!("the week of {}", day_in_words(monday)?),
            Point::Weekend(saturday) => format!("the weekend of {}", day_in_words(saturday)?),
            Point::Day(day) => day_in_words(day)?,
            Point::DayPart { day, part } => format!("the {part} of {}", day_in_words(day)?),
            Point::Clock {
                day,
                hour,
                minute,
                utc,
            } => format!(
                "{hour:02}:{minute:02}{} on {}",
                if utc { " UTC" } else { "" },
                day_in_words(day)?
            ),
        };
        Some(words)
    }

    /// The month and day without the year, for the start of a range that ends in the
    /// same year (`28 February` to 8 March 2022); `None` for other points.
    fn without_year(self) -> Option<String> {
        match self {
            Point::Month { month, .. } => month_name(month).map(str::to_string),
            Point::Day(day) => Some(format!("{} {}", day.day(), month_name(day.month())?)),
            _ => None,
        }
    }

    fn year_of_month_or_day(self) -> Option<i16> {
        match self {
            Point::Month { year, .. } => Some(year),
            Point::Day(day) => Some(day.year()),
            _ => None,
        }
    }

    /// The first and last days the point covers, to tell a range that ends before it
    /// starts. `None` for seasons (whether winter 2022 holds December 2021 or December
    /// 2022 is not settled) and for what jiff cannot place.
    fn days(self) -> Option<(Date, Date)> {
        let years = |first: i16, last: i16| {
            Some((Date::new(first, 1, 1).ok()?, Date::new(last, 12, 31).ok()?))
        };
        let months = |year: i16, first: i8, last: i8| {
            Some((
                Date::new(year, first, 1).ok()?,
                Date::new(year, last, 1).ok()?.last_of_month(),
            ))
        };
        match self {
            Point::Century(century) => {
                let first = i16::try_from(century).ok()?.checked_mul(100)?;
                years(first, first.checked_add(99)?)
            }
            Point::Decade(decade) => {
                let first = i16::try_from(decade).ok()?.checked_mul(10)?;
                years(first, first.checked_add(9)?)
            }
            Point::Year(year) => years(year, year),
            Point::Season { .. } => None,
            Point::Quarter { year, quarter } => {
                let last = i8::try_from(quarter).ok()?.checked_mul(3)?;
                months(year, last.checked_sub(2)?, last)
            }
            Point::Half { year, half } => {
                let last = i8::try_from(half).ok()?.checked_mul(6)?;
                months(year, last.checked_sub(5)?, last)
            }
            Point::Month { year, month } => months(year, month, month),
            Point::Week(monday) => Some((monday, monday.checked_add(6.days()).ok()?)),
            Point::Weekend(saturday) => Some((saturday, saturday.checked_add(1.days()).ok()?)),
            Point::Day(day) | Point::DayPart { day, .. } | Point::Clock { day, .. } => {
                Some((day, day))
            }
        }
    }
}

/// `start/end`: each end in words, with what both share said once.
fn range_in_words(start: Point, end: Point) -> Option<String> {
    if start == end {
        return start.in_words();
    }
    if let (Some((start_first, start_last)), Some((end_first, end_last))) =
        (start.days(), end.days())
    {
        if end_first < start_first || end_last < start_last {
            return None;
        }
    }
    match (start, end) {
        (
            Point::Clock {
                day: first_day,
                hour: first_hour,
                minute: first_minute,
                utc: first_utc,
            },
            Point::Clock {
                day: last_day,
                hour: last_hour,
                minute: last_minute,
                utc: last_utc,
            },
        ) if first_day == last_day && first_utc == last_utc => {
            if (last_hour, last_minute) < (first_hour, first_minute) {
                return None;
            }
            Some(format!(
                "{first_hour:02}:{first_minute:02} to {}",
                end.in_words()?
            ))
        }
        (Point::Day(first), Point::Day(last))
            if first.year() == last.year() && first.month() == last.month() =>
        {
            Some(format!(
                "{}–{} {} {}",
                first.day(),
                last.day(),
                month_name(last.month())?,
                last.year()
            ))
        }
        _ if start.year_of_month_or_day().is_some()
            && start.year_of_month_or_day() == end.year_of_month_or_day() =>
        {
            Some(format!("{} to {}", start.without_year()?, end.in_words()?))
        }
        _ => Some(format!("{} to {}", start.in_words()?, end.in_words()?)),
    }
}

/// `8 October 2022`.
fn day_in_words(day: Date) -> Option<String> {
    Some(format!(
        "{} {} {}",
        day.day(),
        month_name(day.month())?,
        day.year()
    ))
}

fn month_name(month: i8) -> Option<&'static str> {
    let index = usize::try_from(month.checked_sub(1)?).ok()?;
    MONTH_NAMES.get(index).copied()
}

/// `first` to `fourth`, for quarters and halves.
fn ordinal_word(n: u16) -> Option<&'static str> {
    match n {
        1 => Some("first"),
        2 => Some("second"),
        3 => Some("third"),
        4 => Some("fourth"),
        _ => None,
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `21st`, for centuries.
fn ordinal(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The designators after `P`, each at most once and in ISO order; the recognizer also
/// writes `Q` for quarters (`P2Q`).
const DATE_UNITS: &[(char, &str)] = &[
    ('Y', "year"),
    ('Q', "quarter"),
    ('M', "month"),
    ('W', "week"),
    ('D', "day"),
];
/// The designators after `T`.
const TIME_UNITS: &[(char, &str)] = &[('H', "hour"), ('M', "minute"), ('S', "second")];

/// `2M` (of `P2M`) → `two months`; `1Y2M` → `a year and two months`.
fn duration_in_words(designators: &str) -> Option<String> {
    let (date_part, time_part) = match designators.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (designators, None),
    };
    let mut amounts = Vec::new();
    amounts_in_words(date_part, DATE_UNITS, &mut amounts)?;
    if let Some(time_part) = time_part {
        // `P1DT` is no duration: a `T` must be followed by some time.
        if time_part.is_empty() {
            return None;
        }
        amounts_in_words(time_part, TIME_UNITS, &mut amounts)?;
    }
    match amounts.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// Pushes the words of each `<count><designator>` of `text`; `None` when a count is
/// missing, not a whole number, or a designator is unknown, repeated or out of order.
fn amounts_in_words(text: &str, units: &[(char, &str)], amounts: &mut Vec<String>) -> Option<()> {
    let mut rest = text;
    let mut allowed = units;
    while !rest.is_empty() {
        let count_end = rest.find(|c: char| !c.is_ascii_digit())?;
        let count: u64 = rest.get(..count_end)?.parse().ok()?;
        let designator = rest.get(count_end..)?.chars().next()?;
        let position = allowed.iter().position(|&(d, _)| d == designator)?;
        let &(_, unit) = allowed.get(position)?;
        amounts.push(amount_in_words(count, unit)?);
        allowed = allowed.get(position + 1..)?;
        rest = rest.get(count_end + 1..)?;
    }
    Some(())
}

/// `a year`, `an hour`, `two months`, `12 days`, `1,000 years`; `None` for nought.
fn amount_in_words(count: u64, unit: &str) -> Option<String> {
    const WORDS: [&str; 9] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let words = match count {
        0 => return None,
        1 if unit.starts_with('h') => format!("an {unit}"),
        1 => format!("a {unit}"),
        _ => {
            let count = usize::try_from(count - 2)
                .ok()
                .and_then(|index| WORDS.get(index))
                .map_or_else(|| with_thousands_commas(count), |word| word.to_string());
            format!("{count} {unit}s")
        }
    };
    Some(words)
}

/// `1000` → `1,000`, as news style writes numbers of four digits and more (the server's
/// messages write their counts so too).
pub fn with_thousands_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// An input as a table shows it: quoted, and cut short past 40 characters.
    fn label(value: &str) -> String {
        let chars = value.chars().count();
        if chars <= 40 {
            format!("{value:?}")
        } else {
            let head: String = value.chars().take(12).collect();
            format!("{head:?}… ({chars} characters)")
        }
    }

    /// One line per input: the input, then what `words` makes of it.
    fn table(inputs: &[&str], words: fn(&str) -> Option<String>, expect: Expect) {
        let mut out = String::new();
        for input in inputs {
            let output = words(input);
            out.push_str(&format!(
                "{} → {}\n",
                label(input),
                output.as_deref().unwrap_or("None")
            ));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn values_in_words() {
        table(
            &[
                // Years, months, days.
                "2022",
                "2022-10",
                "2022-10-08",
                "0800",
                "9999-12-31",
                "0001-01-01",
                // 29 February in a leap year, a century leap year, and years without one.
                "2024-02-29",
                "2000-02-29",
                "2023-02-29",
                "1900-02-29",
                // ISO weeks, named by their Monday; weekends by their Saturday.
                "2022-W38",
                "2022-W01",
                "2020-W53",
                "2026-W53",
                "2022-W53",
                "2022-W00",
                "2022-W38-WE",
                // Seasons, quarters, halves.
                "2022-SP",
                "2022-SU",
                "2022-FA",
                "2022-WI",
                "2022-Q1",
                "2022-Q4",
                "2022-H1",
                "2022-H2",
                // Parts of a day and clock times.
                "2022-10-08TMO",
                "2022-10-08TAF",
                "2022-10-08TEV",
                "2022-10-08TNI",
                "2022-10-08T14:30",
                "2022-10-08T00:00",
                "2022-10-08T23:59Z",
                // Decades and centuries.
                "199X",
                "199",
                "202",
                "19XX",
                "19",
                "20",
                "00",
                "22",
                // Ranges.
                "2022-11/2023-02",
                "2022-03-01/2022-03-08",
                "2022-02-28/2022-03-08",
                "2021-12-28/2022-01-03",
                "2022-03/2022-05",
                "2022/2024",
                "2022-03-08/2022-03-08",
                "2022-10-08T14:30/2022-10-08T16:00",
                "2022-10-08T14:30/2022-10-09T09:00",
                "2022-W38/2022-W40",
                // Vague references.
                "PAST_REF",
                "PRESENT_REF",
                "FUTURE_REF",
                // Durations.
                "P2M",
                "P1Y",
                "PT5H",
                "PT1H",
                "PT30M",
                "P1W",
                "P3D",
                "P2Q",
                "P10Y",
                "P12D",
                "P1000Y",
                "P1Y2M",
                "P1Y2M3DT4H",
                "PT1H30M",
            ],
            readable_value,
            expect![[r#"
                "2022" → 2022
                "2022-10" → October 2022
                "2022-10-08" → 8 October 2022
                "0800" → 800
                "9999-12-31" → 31 December 9999
                "0001-01-01" → 1 January 1
                "2024-02-29" → 29 February 2024
                "2000-02-29" → 29 February 2000
                "2023-02-29" → None
                "1900-02-29" → None
                "2022-W38" → the week of 19 September 2022
                "2022-W01" → the week of 3 January 2022
                "2020-W53" → the week of 28 December 2020
                "2026-W53" → the week of 28 December 2026
                "2022-W53" → None
                "2022-W00" → None
                "2022-W38-WE" → the weekend of 24 September 2022
                "2022-SP" → spring 2022
                "2022-SU" → summer 2022
                "2022-FA" → autumn 2022
                "2022-WI" → winter 2022
                "2022-Q1" → the first quarter of 2022
                "2022-Q4" → the fourth quarter of 2022
                "2022-H1" → the first half of 2022
                "2022-H2" → the second half of 2022
                "2022-10-08TMO" → the morning of 8 October 2022
                "2022-10-08TAF" → the afternoon of 8 October 2022
                "2022-10-08TEV" → the evening of 8 October 2022
                "2022-10-08TNI" → the night of 8 October 2022
                "2022-10-08T14:30" → 14:30 on 8 October 2022
                "2022-10-08T00:00" → 00:00 on 8 October 2022
                "2022-10-08T23:59Z" → 23:59 UTC on 8 October 2022
                "199X" → the 1990s
                "199" → the 1990s
                "202" → the 2020s
                "19XX" → the 20th century
                "19" → the 20th century
                "20" → the 21st century
                "00" → the 1st century
                "22" → the 23rd century
                "2022-11/2023-02" → November 2022 to February 2023
                "2022-03-01/2022-03-08" → 1–8 March 2022
                "2022-02-28/2022-03-08" → 28 February to 8 March 2022
                "2021-12-28/2022-01-03" → 28 December 2021 to 3 January 2022
                "2022-03/2022-05" → March to May 2022
                "2022/2024" → 2022 to 2024
                "2022-03-08/2022-03-08" → 8 March 2022
                "2022-10-08T14:30/2022-10-08T16:00" → 14:30 to 16:00 on 8 October 2022
                "2022-10-08T14:30/2022-10-09T09:00" → 14:30 on 8 October 2022 to 09:00 on 9 October 2022
                "2022-W38/2022-W40" → the week of 19 September 2022 to the week of 3 October 2022
                "PAST_REF" → the past
                "PRESENT_REF" → now
                "FUTURE_REF" → the future
                "P2M" → two months
                "P1Y" → a year
                "PT5H" → five hours
                "PT1H" → an hour
                "PT30M" → 30 minutes
                "P1W" → a week
                "P3D" → three days
                "P2Q" → two quarters
                "P10Y" → ten years
                "P12D" → 12 days
                "P1000Y" → 1,000 years
                "P1Y2M" → a year and two months
                "P1Y2M3DT4H" → a year, two months, three days and four hours
                "PT1H30M" → an hour and 30 minutes
            "#]],
        );
    }

    #[test]
    fn malformed_values_are_none() {
        let long = "2022-10-08".repeat(1000);
        table(
            &[
                "",
                " ",
                "2022 ",
                " 2022",
                "2022-13",
                "2022-00",
                "2022-02-30",
                "2022-04-31",
                "2022-10-32",
                "2022-10-00",
                "2022-1",
                "2022-10-8",
                "0000",
                "0000-01-01",
                "10000",
                "-0001",
                "2022-10-08-01",
                "2022-W5",
                "2022-W38-MO",
                "2022-Q0",
                "2022-Q5",
                "2022-H3",
                "2022-XX",
                "2022-su",
                "2022-10-08TDT",
                "2022-10-08T24:00",
                "2022-10-08T14:60",
                "2022-10-08T14:30:00",
                "2022-10-08T",
                "2022-10T14:30",
                "2022T14:30",
                "000",
                "1XXX",
                "XXXX",
                "XXXX-XX-XX",
                "XXXX-WXX-1",
                "2022-03-08/2022-03-01",
                "2023-02/2022-11",
                "2022-03/2022-03-08",
                "2022-10-08T16:00/2022-10-08T14:30",
                "2022/",
                "/2022",
                "2022/2023/2024",
                "PAST_REF/FUTURE_REF",
                "past_ref",
                "P",
                "PT",
                "P1DT",
                "PXD",
                "PXDE",
                "P0Y",
                "PY",
                "P1.5Y",
                "P1M1Y",
                "P1Y1Y",
                "P1H",
                "PT1D",
                "P-1Y",
                "P99999999999999999999Y",
                "２０２２",
                "2022-１0",
                "octobre 2022 é",
                "2022\u{0}",
                "\u{feff}2022",
                "😀",
                &long,
            ],
            readable_value,
            expect![[r#"
                "" → None
                " " → None
                "2022 " → None
                " 2022" → None
                "2022-13" → None
                "2022-00" → None
                "2022-02-30" → None
                "2022-04-31" → None
                "2022-10-32" → None
                "2022-10-00" → None
                "2022-1" → None
                "2022-10-8" → None
                "0000" → None
                "0000-01-01" → None
                "10000" → None
                "-0001" → None
                "2022-10-08-01" → None
                "2022-W5" → None
                "2022-W38-MO" → None
                "2022-Q0" → None
                "2022-Q5" → None
                "2022-H3" → None
                "2022-XX" → None
                "2022-su" → None
                "2022-10-08TDT" → None
                "2022-10-08T24:00" → None
                "2022-10-08T14:60" → None
                "2022-10-08T14:30:00" → None
                "2022-10-08T" → None
                "2022-10T14:30" → None
                "2022T14:30" → None
                "000" → None
                "1XXX" → None
                "XXXX" → None
                "XXXX-XX-XX" → None
                "XXXX-WXX-1" → None
                "2022-03-08/2022-03-01" → None
                "2023-02/2022-11" → None
                "2022-03/2022-03-08" → None
                "2022-10-08T16:00/2022-10-08T14:30" → None
                "2022/" → None
                "/2022" → None
                "2022/2023/2024" → None
                "PAST_REF/FUTURE_REF" → None
                "past_ref" → None
                "P" → None
                "PT" → None
                "P1DT" → None
                "PXD" → None
                "PXDE" → None
                "P0Y" → None
                "PY" → None
                "P1.5Y" → None
                "P1M1Y" → None
                "P1Y1Y" → None
                "P1H" → None
                "PT1D" → None
                "P-1Y" → None
                "P99999999999999999999Y" → None
                "２０２２" → None
                "2022-１0" → None
                "octobre 2022 é" → None
                "2022\0" → None
                "\u{feff}2022" → None
                "😀" → None
                "2022-10-0820"… (10000 characters) → None
            "#]],
        );
    }

    #[test]
    fn uncertain_values_in_words() {
        table(
            &[
                "2022-10",
                "2022",
                "199X",
                "19",
                "2022-SU",
                "2022-Q3",
                "2022-H1",
                "2022-W38",
                "2022-W38-WE",
                "2022-10-08",
                "2022-10-08TEV",
                "2022-10-08T14:30",
                "2022-11/2023-02",
                "P2M",
                "PAST_REF",
                "2022-13",
                "",
            ],
            readable_uncertain,
            expect![[r#"
                "2022-10" → October 2022 (the exact day is not known)
                "2022" → 2022 (the exact month is not known)
                "199X" → the 1990s (the exact year is not known)
                "19" → the 20th century (the exact year is not known)
                "2022-SU" → summer 2022 (the exact month is not known)
                "2022-Q3" → the third quarter of 2022 (the exact month is not known)
                "2022-H1" → the first half of 2022 (the exact month is not known)
                "2022-W38" → the week of 19 September 2022 (the exact day is not known)
                "2022-W38-WE" → the weekend of 24 September 2022 (the exact day is not known)
                "2022-10-08" → 8 October 2022 (the exact time is not known)
                "2022-10-08TEV" → the evening of 8 October 2022 (the exact time is not known)
                "2022-10-08T14:30" → None
                "2022-11/2023-02" → None
                "P2M" → None
                "PAST_REF" → None
                "2022-13" → None
                "" → None
            "#]],
        );
    }

    /// Odd strings: every string of up to three characters from an alphabet of the
    /// characters values are made of (and a few beyond), and every value above with each
    /// character dropped, doubled or replaced. Neither function may panic, and what they
    /// give is never empty.
    #[test]
    fn odd_strings_never_panic() {
        let alphabet = [
            "0", "1", "2", "9", "-", "/", ":", "P", "T", "W", "X", "Y", "M", "D", "H", "Q", "S",
            "E", "Z", "_", " ", "é", "\u{0}", "😀",
        ];
        let mut inputs = vec![String::new()];
        for a in alphabet {
            inputs.push(a.to_string());
            for b in alphabet {
                inputs.push(format!("{a}{b}"));
                for c in alphabet {
                    inputs.push(format!("{a}{b}{c}"));
                }
            }
        }
        let seeds = [
            "2022-10-08T14:30Z",
            "2022-W38-WE",
            "2022-11/2023-02",
            "P1Y2M3DT4H5M6S",
            "PRESENT_REF",
            "199X",
            "2022-10-08TEV",
        ];
        for seed in seeds {
            let chars: Vec<char> = seed.chars().collect();
            for i in 0..chars.len() {
                let dropped: String = chars
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, c)| c)
                    .collect();
                inputs.push(dropped);
                let mut doubled = chars.clone();
                doubled.insert(i, chars[i]);
                inputs.push(doubled.into_iter().collect());
                for replacement in ['0', '9', '-', 'X', 'é', '/'] {
                    let mut replaced = chars.clone();
                    replaced[i] = replacement;
                    inputs.push(replaced.into_iter().collect());
                }
            }
            inputs.push(seed.repeat(3));
            inputs.push(format!("{seed}/{seed}/{seed}"));
        }
        inputs.push("9".repeat(100_000));
        inputs.push("P".to_string() + &"9".repeat(63));
        for input in &inputs {
            for words in [readable_value(input), readable_uncertain(input)] {
                assert!(words.as_deref() != Some(""), "empty words for {input:?}");
            }
        }
    }
}
