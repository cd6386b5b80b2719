//! The system clock, read here and nowhere else: part of the IO layer with `loader.rs`,
//! so that both front ends ask it and the analysis is handed the date.

use crate::temporal::CalendarDate;

/// Today's date from the system clock (in the local time zone), for the future-date
/// check.
pub fn today() -> Option<CalendarDate> {
    let now = jiff::Zoned::now();
    Some(CalendarDate::from_jiff(now.date()))
}
