//! Fuzz target: the temporal recognizer and resolver on any text, against any anchor
//! date a header can give (years 1 to 9999, at year, month or day precision) or none.

#![no_main]

#[path = "../common.rs"]
mod common;

use dateline::temporal::{find_temporal, CalendarDate};
use libfuzzer_sys::fuzz_target;

// The first five bytes choose the anchor, the rest is the text: a seed article is then
// (nearly) itself, which a structured input would not be.
fuzz_target!(|data: &[u8]| {
    let mut head = [0u8; 5];
    for (slot, byte) in head.iter_mut().zip(data) {
        *slot = *byte;
    }
    let text = String::from_utf8_lossy(data.get(5..).unwrap_or_default());
    let year = 1 + (u16::from_le_bytes([head[1], head[2]]) % 9999) as i16;
    let month = 1 + head[3] % 12;
    let anchor = match head[0] % 4 {
        0 => None,
        1 => Some(CalendarDate::year(year)),
        2 => Some(CalendarDate::month(year, month)),
        _ => CalendarDate::day(year, month, 1 + head[4] % 31),
    };
    let found = find_temporal(&text, anchor);
    for timex in &found {
        common::check_range(&text, timex.range, "timex");
    }
    let ranges: Vec<_> = found.iter().map(|timex| timex.range).collect();
    common::check_ordered(&ranges, "timexes");
});
