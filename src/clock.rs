//! The system clock, read here and nowhere else: part of the IO layer with `loader.rs`,
//! so that both front ends ask it and the analysis is handed the date.

use crate::temporal::CalendarDate;

/// Today's date from the system clock (in the local time zone), for the future-date
/// check.
pub fn today() -> Option<CalendarDate> {
    let now = jiff::Zoned::now();
    Some(CalendarDate::from_jiff(now.date()))
}

/// The time now, in nanoseconds since 1970 (0 for a clock set before then): when a load
/// began, compared with files' modification times by the warm-start cache.
pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_nanos()).unwrap_or(u64::MAX)
        })
}
