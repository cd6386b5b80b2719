//! Calendar dates of reduced precision (`2022`, `2022-10`, `2022-10-15`), as the header
//! `Date:` and `{date: ...}` annotations write them. Arithmetic goes through `jiff`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar point known to a year, a month or a day. Ordering compares the earliest day
/// each value can mean, then the coarser value first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct CalendarDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a text is not a reduced-precision ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Syntax,
    OutOfRange(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Syntax => {
                write!(f, "expected an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY")
            }
            DateError::OutOfRange(why) => write!(f, "{why}"),
        }
    }
}

impl CalendarDate {
    pub fn year(year: i16) -> Self {
        CalendarDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i16, month: u8) -> Self {
        CalendarDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A full date; `None` when the day does not exist in that month.
    pub fn day(year: i16, month: u8, day: u8) -> Option<Self> {
        jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
        Some(CalendarDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn from_jiff(date: jiff::civil::Date) -> Self {
        CalendarDate {
            year: date.year(),
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The day itself, when the precision is a day.
    pub fn to_jiff(&self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month? as i8, self.day? as i8).ok()
    }

    /// The first day the value can mean (`2022-10` → 2022-10-01).
    pub fn first_day(&self) -> jiff::civil::Date {
        jiff::civil::Date::new(
            self.year,
            self.month.unwrap_or(1) as i8,
            self.day.unwrap_or(1) as i8,
        )
        .unwrap_or(jiff::civil::Date::MIN)
    }

    /// The last day the value can mean (`2022-02` → 2022-02-28).
    pub fn last_day(&self) -> jiff::civil::Date {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(_), None) => self.first_day().last_of_month(),
            _ => jiff::civil::Date::new(self.year, 12, 31).unwrap_or(jiff::civil::Date::MAX),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding white space allowed).
    pub fn parse_iso(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if parts.is_empty() || parts.len() > 3 || !digits(parts[0], 4) {
            return Err(DateError::Syntax);
        }
        if parts[1..].iter().any(|p| !digits(p, 2)) {
            return Err(DateError::Syntax);
        }
        let year: i16 = parts[0].parse().map_err(|_| DateError::Syntax)?;
        if year < 1 {
            return Err(DateError::OutOfRange("year 0000 is not a date".into()));
        }
        let Some(month) = parts.get(1) else {
            return Ok(CalendarDate::year(year));
        };
        let month: u8 = month.parse().map_err(|_| DateError::Syntax)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::OutOfRange(format!(
                "month {month:02} does not exist"
            )));
        }
        let Some(day) = parts.get(2) else {
            return Ok(CalendarDate::month(year, month));
        };
        let day: u8 = day.parse().map_err(|_| DateError::Syntax)?;
        CalendarDate::day(year, month, day).ok_or_else(|| {
            DateError::OutOfRange(format!("day {day:02} does not exist in {year}-{month:02}"))
        })
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2022", "2022-10", "2022-10-15", "1999-02-28"] {
            assert_eq!(CalendarDate::parse_iso(text).unwrap().to_string(), text);
        }
        assert_eq!(
            CalendarDate::parse_iso("2022-10").unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "22-10-15",
            "2022-1-5",
            "2022/10/15",
            "2022-13",
            "2022-02-30",
            "0000",
            "abcd",
            "2022-10-15-01",
        ] {
            assert!(CalendarDate::parse_iso(text).is_err(), "{text}");
        }
    }

    #[test]
    fn first_and_last_days_span_the_precision() {
        let feb = CalendarDate::parse_iso("2024-02").unwrap();
        assert_eq!(feb.first_day().to_string(), "2024-02-01");
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        let year = CalendarDate::year(2022);
        assert_eq!(year.last_day().to_string(), "2022-12-31");
    }
}
