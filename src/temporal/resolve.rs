//! Calendar arithmetic: turns what the recognizer understood ([`Sem`]) into TimeML
//! values against the article date, with `jiff` doing the date arithmetic.
//!
//! News defaults to the past: a month or weekday without a year is the latest one not
//! after the article date, unless the sentence has a future cue (`will`, `scheduled`).

use super::lexicon::{Unit, MONTH_NAMES, WEEKDAY_NAMES};
use super::sem::{Cal, Clock, Sem};
use super::{CalendarDate, Resolution, TimexKind};
use jiff::civil::Date;
use jiff::ToSpan;

/// The resolved form of one expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub kind: TimexKind,
    pub value: Option<String>,
    pub anchors: bool,
    pub resolution: Resolution,
}

/// What a calendar point resolves to, or why it cannot.
type Outcome = Result<(String, Option<String>), String>;

pub fn resolve(sem: &Sem, anchor: Option<CalendarDate>, future: bool) -> Resolved {
    let ctx = Ctx { anchor, future };
    match sem {
        Sem::Point(cal) => finish(TimexKind::Date, true, ctx.point(cal)),
        Sem::Interval(a, b) => finish(TimexKind::Date, true, ctx.interval(a, b)),
        Sem::Time { date, clock } => finish(TimexKind::Time, true, ctx.time(date.as_ref(), clock)),
        Sem::Duration { value, vague } => Resolved {
            kind: TimexKind::Duration,
            value: Some(value.clone()),
            anchors: false,
            resolution: if *vague {
                Resolution::Vague
            } else {
                Resolution::Absolute
            },
        },
        Sem::RecentSpan { unit, count } => {
            finish(TimexKind::Date, true, ctx.recent_span(*unit, *count))
        }
        Sem::Set(value) => Resolved {
            kind: TimexKind::Set,
            value: Some(value.clone()),
            anchors: false,
            resolution: Resolution::Absolute,
        },
        Sem::Vague(value) => Resolved {
            kind: TimexKind::Date,
            value: Some((*value).to_string()),
            anchors: false,
            resolution: Resolution::Vague,
        },
        Sem::Anaphoric(_) => Resolved {
            kind: TimexKind::Date,
            value: None,
            anchors: false,
            resolution: Resolution::Unresolved {
                reason: "counted from another event in the text, not from the article date"
                    .to_string(),
            },
        },
    }
}

/// `Ok((value, None))` is absolute, `Ok((value, Some(explanation)))` relative.
fn finish(kind: TimexKind, anchors: bool, outcome: Outcome) -> Resolved {
    let (value, resolution) = match outcome {
        Ok((value, None)) => (Some(value), Resolution::Absolute),
        Ok((value, Some(explanation))) => (Some(value), Resolution::Relative { explanation }),
        Err(reason) => (None, Resolution::Unresolved { reason }),
    };
    Resolved {
        kind,
        value,
        anchors,
        resolution,
    }
}

/// What a resolution needed the article Date for, said only if it could not be had:
/// making these words for every expression resolved was a tenth of the resolving.
type Task<'a> = &'a dyn Fn() -> String;

struct Ctx {
    anchor: Option<CalendarDate>,
    future: bool,
}

impl Ctx {
    fn year(&self, what: Task<'_>) -> Result<i32, String> {
        match self.anchor {
            Some(a) => Ok(i32::from(a.year)),
            None => Err(format!("the article has no Date to {}", what())),
        }
    }

    fn month(&self, what: Task<'_>) -> Result<(i32, u8), String> {
        let a = self
            .anchor
            .ok_or_else(|| format!("the article has no Date to {}", what()))?;
        let m = a
            .month
            .ok_or_else(|| format!("the article Date {a} has no month to {}", what()))?;
        Ok((i32::from(a.year), m))
    }

    fn day(&self, what: Task<'_>) -> Result<(Date, CalendarDate), String> {
        let a = self
            .anchor
            .ok_or_else(|| format!("the article has no Date to {}", what()))?;
        let d = a
            .to_jiff()
            .ok_or_else(|| format!("the article Date {a} has no day to {}", what()))?;
        Ok((d, a))
    }

    /// `the past two weeks`, `in the last 24 hours`: the days from `count` units before
    /// the article date to it, as an ISO interval (hours are counted in whole days).
    fn recent_span(&self, unit: Unit, count: u32) -> Outcome {
        let noun = if count == 1 {
            unit.name().to_string()
        } else {
            format!("{count} {}s", unit.name())
        };
        let what = || format!("place the past {noun}");
        let (end, anchor) = self.day(&what)?;
        let n = i64::from(count);
        let span = match unit {
            Unit::Hour => ((n + 23) / 24).max(1).days(),
            Unit::Day => n.days(),
            Unit::Week => n.weeks(),
            Unit::Month => n.months(),
            _ => return Err(format!("the past {noun} is no window of a report")),
        };
        let start = end
            .checked_sub(span)
            .map_err(|_| format!("the past {noun} reaches before the calendar's start"))?;
        Ok((
            format!("{start}/{end}"),
            Some(format!("the {noun} up to the article Date {anchor}")),
        ))
    }

    fn anchor_text(&self) -> String {
        self.anchor.map_or_else(String::new, |a| a.to_string())
    }

    fn point(&self, cal: &Cal) -> Outcome {
        match *cal {
            Cal::Ymd {
                year: Some(y),
                month,
                day,
            } => Ok((ymd(y, month, day), None)),
            Cal::Ymd {
                year: None,
                month: Some(m),
                day,
            } => {
                let name = month_day_name(m, day);
                let what = || format!("supply the year of {name}");
                let y = self.year_for(m, day, &what)?;
                // The year is chosen by the month, so a later day of the article's own
                // month stays in its year: say so rather than "not after".
                let how = match (self.anchor, day) {
                    (Some(a), Some(d))
                        if !self.future
                            && a.month == Some(m)
                            && a.day.is_some_and(|ad| d > ad)
                            && y == i32::from(a.year) =>
                    {
                        format!("{name} of the article's own month, after the article Date {a}")
                    }
                    _ => self.how_latest(&name),
                };
                Ok((ymd(y, Some(m), day), Some(how)))
            }
            Cal::Ymd { .. } => Err("the expression names no year or month".to_string()),
            Cal::Decade(d) => Ok((d.to_string(), None)),
            Cal::Season {
                year: Some(y),
                season,
                ..
            } => Ok((format!("{y:04}-{}", season.code()), None)),
            Cal::Season {
                year: None,
                season,
                shift,
            } => {
                let name = format!("{season:?}").to_lowercase();
                let what = || format!("supply the year of the {name}");
                let s = i32::from(season.index());
                let y = match (shift, self.month(&what)) {
                    (Some(0), _) => self.year(&what)?,
                    (_, Ok((ay, am))) => {
                        let cur = i32::from(super::lexicon::Season::of_month(am).index());
                        ay + step_year(s, cur, shift, self.future)
                    }
                    (None, Err(_)) => self.year(&what)?,
                    (Some(_), Err(e)) => return Err(e),
                };
                let which = match shift {
                    Some(0) => "the {name} of",
                    Some(shift) if shift < 0 => "the last {name} before",
                    Some(_) => "the next {name} after",
                    None if self.future => "the first {name} not before",
                    None => "the latest {name} not after",
                }
                .replace("{name}", &name);
                Ok((
                    format!("{y:04}-{}", season.code()),
                    Some(format!("{which} the article Date {}", self.anchor_text())),
                ))
            }
            Cal::Quarter {
                year,
                year_shift,
                quarter,
            } => {
                let y = self.sub_year(year, year_shift, i32::from(quarter), 4, "quarter")?;
                let how = (year.is_none()).then(|| {
                    format!(
                        "the year taken from the article Date {}",
                        self.anchor_text()
                    )
                });
                Ok((format!("{y:04}-Q{quarter}"), how))
            }
            Cal::Half {
                year,
                year_shift,
                half,
            } => {
                let y = self.sub_year(year, year_shift, i32::from(half), 2, "half-year")?;
                let how = (year.is_none()).then(|| {
                    format!(
                        "the year taken from the article Date {}",
                        self.anchor_text()
                    )
                });
                Ok((format!("{y:04}-H{half}"), how))
            }
            Cal::Weekday { weekday, shift } => self.weekday(weekday, shift),
            Cal::MonthShift { month, shift } => {
                let name = MONTH_NAMES[usize::from(month - 1)];
                let (ay, am) = self.month(&|| format!("place {name}"))?;
                let y = ay + step_year(i32::from(month), i32::from(am), Some(shift), false);
                let how = match shift {
                    -1 => format!("the {name} before the article Date {}", self.anchor_text()),
                    1 => format!("the {name} after the article Date {}", self.anchor_text()),
                    _ => format!("the {name} of the article's year"),
                };
                Ok((ymd(y, Some(month), None), Some(how)))
            }
            Cal::MonthOfShiftedYear { month, year_shift } => {
                let name = MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)];
                let ay = self.year(&|| format!("place {name}"))?;
                let how = match year_shift {
                    0 => format!(
                        "{name} of the year of the article Date {}",
                        self.anchor_text()
                    ),
                    shift => format!(
                        "{name} of the year {} the article Date {}",
                        if shift < 0 { "before" } else { "after" },
                        self.anchor_text()
                    ),
                };
                Ok((ymd(ay + year_shift, Some(month), None), Some(how)))
            }
            Cal::DayShift(k) => {
                let word = match k {
                    -1 => "yesterday",
                    1 => "tomorrow",
                    _ => "today",
                };
                let (d, a) = self.day(&|| format!("say which day is {word}"))?;
                let day = d
                    .checked_add(i64::from(k).days())
                    .map_err(|_| "out of the calendar's range".to_string())?;
                let how = match k {
                    -1 => format!("the day before the article Date {a}"),
                    1 => format!("the day after the article Date {a}"),
                    0 => format!("the article Date {a}"),
                    k if k < 0 => format!("{} days before the article Date {a}", -k),
                    k => format!("{k} days after the article Date {a}"),
                };
                Ok((day.to_string(), Some(how)))
            }
            Cal::UnitShift { unit, shift } => self.unit_shift(unit, shift),
            Cal::TheWeekend => self.the_weekend(),
            Cal::DayOfMonth(day) => self.day_of_month(day),
            Cal::Ago { unit, count } => self.ago(unit, count),
        }
    }

    /// The year of a month (or `(part, parts)` of a year) given without one.
    /// The year of month `m` (and day `day`) without one: news looks back by the month,
    /// so that a later day of the article's own month stays in its year, and a sentence
    /// of the future looks forward by the day, so that an earlier day of the article's
    /// own month, passed, is next year's (`will be held on October 1`, written on 4
    /// October).
    fn year_for(&self, m: u8, day: Option<u8>, what: Task<'_>) -> Result<i32, String> {
        match self.month(what) {
            Ok((ay, am)) => {
                let passed_this_month = self.future
                    && m == am
                    && day
                        .zip(self.anchor.and_then(|a| a.day))
                        .is_some_and(|(d, ad)| d < ad);
                Ok(ay
                    + step_year(i32::from(m), i32::from(am), None, self.future)
                    + i32::from(passed_this_month))
            }
            Err(e) => match self.year(what) {
                Ok(ay) => Ok(ay),
                Err(_) => Err(e),
            },
        }
    }

    fn how_latest(&self, name: &str) -> String {
        match self.anchor {
            Some(a) if a.month.is_none() => format!("in the year of the article Date {a}"),
            Some(a) if self.future => format!("the first {name} not before the article Date {a}"),
            Some(a) => format!("the latest {name} not after the article Date {a}"),
            None => String::new(),
        }
    }

    /// The year of a quarter or half given as (part, parts per year).
    fn sub_year(
        &self,
        year: Option<i32>,
        year_shift: Option<i32>,
        part: i32,
        parts: i32,
        name: &str,
    ) -> Result<i32, String> {
        if let Some(y) = year {
            return Ok(y);
        }
        let what = || format!("supply the year of the {name}");
        if let Some(s) = year_shift {
            return Ok(self.year(&what)? + s);
        }
        match self.month(&what) {
            Ok((ay, am)) => {
                // Quarters and halves are the nearest one not after the article's own
                // (results are reported for the quarter just ended), or not before it on
                // a future cue (and announced for the next).
                let cur = (i32::from(am) - 1) * parts / 12 + 1;
                let here = ay * parts + cur;
                let best = [ay - 1, ay, ay + 1]
                    .into_iter()
                    .filter(|y| {
                        let there = y * parts + part;
                        if self.future {
                            there >= here
                        } else {
                            there <= here
                        }
                    })
                    .min_by_key(|y| (y * parts + part - here).abs());
                Ok(best.unwrap_or(ay))
            }
            Err(e) => self.year(&what).map_err(|_| e),
        }
    }

    fn weekday(&self, weekday: u8, shift: Option<i32>) -> Outcome {
        let name = WEEKDAY_NAMES[usize::from(weekday.clamp(1, 7) - 1)];
        let (d, a) = self.day(&|| format!("place {name}"))?;
        let today = i64::from(d.weekday().to_monday_one_offset());
        let target = i64::from(weekday);
        let (delta, how) = match shift {
            // As looking back, the article date's own weekday is that day: news names
            // today by its weekday (`is due to visit the region on Monday`, written on a
            // Monday) and a week ahead as `next Monday`.
            None if self.future => (
                (target - today).rem_euclid(7),
                format!("the first {name} on or after the article Date {a}"),
            ),
            None => (
                -(today - target).rem_euclid(7),
                format!("the latest {name} on or before the article Date {a}"),
            ),
            Some(k) => {
                let which = match k {
                    -1 => "the week before".to_string(),
                    1 => "the week after".to_string(),
                    0 => "the same week as".to_string(),
                    // `в позапрошлый понедельник`.
                    _ => units_away(k, "week"),
                };
                (
                    target - today + 7 * i64::from(k),
                    format!("the {name} of {which} {a}"),
                )
            }
        };
        let day = d
            .checked_add(delta.days())
            .map_err(|_| "out of the calendar's range".to_string())?;
        Ok((day.to_string(), Some(how)))
    }

    /// `over the weekend`: the weekend of the article date's own week when the date falls
    /// on it or the sentence speaks of the future (Saturday and Sunday close an ISO
    /// week), else that of the week before.
    fn the_weekend(&self) -> Outcome {
        let (d, a) = self.day(&|| "place the weekend".to_string())?;
        let on_it = matches!(
            d.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        );
        let (day, how) = if self.future || on_it {
            (d, format!("the weekend of the article Date {a}'s week"))
        } else {
            let day = d
                .checked_sub(7.days())
                .map_err(|_| "out of the calendar's range".to_string())?;
            (day, format!("the last weekend before the article Date {a}"))
        };
        let week = day.iso_week_date();
        Ok((
            format!("{:04}-W{:02}-WE", week.year(), week.week()),
            Some(how),
        ))
    }

    /// `on the 10th`: the latest 10th on or before the article date (the first on or
    /// after it in a sentence of the future), skipping months too short for it.
    fn day_of_month(&self, day: u8) -> Outcome {
        let (d, a) = self.day(&|| format!("place day {day} of a month"))?;
        let step: i64 = if self.future { 1 } else { -1 };
        // Whether the article date's own month holds the day on the right side of it.
        let this_month = if self.future {
            d.day() <= day as i8
        } else {
            d.day() >= day as i8
        };
        let mut month = d.first_of_month();
        if !this_month {
            month = month
                .checked_add(step.months())
                .map_err(|_| "out of the calendar's range".to_string())?;
        }
        // A 31st is looked for in the months before (or after) one too short for it.
        for _ in 0..12 {
            if let Ok(found) = Date::new(month.year(), month.month(), day as i8) {
                let how = if self.future {
                    format!("the first day {day} of a month on or after the article Date {a}")
                } else {
                    format!("the latest day {day} of a month on or before the article Date {a}")
                };
                return Ok((found.to_string(), Some(how)));
            }
            month = month
                .checked_add(step.months())
                .map_err(|_| "out of the calendar's range".to_string())?;
        }
        Err(format!("no month has a day {day}"))
    }

    fn unit_shift(&self, unit: Unit, shift: i32) -> Outcome {
        let which = match shift {
            -1 => "before",
            1 => "after",
            _ => "of",
        };
        let name = unit.name();
        let word = match shift {
            -1 => "last",
            1 => "next",
            _ => "this",
        };
        let what = || format!("place {word} {name}");
        let how = |a: &dyn std::fmt::Display| match shift {
            0 => format!("the {name} of the article Date {a}"),
            -1 | 1 => format!("the {name} {which} the article Date {a}"),
            // `the week before last`.
            _ => format!("{} the article Date {a}", units_away(shift, name)),
        };
        match unit {
            Unit::Week | Unit::Weekend => {
                let (d, a) = self.day(&what)?;
                let day = d
                    .checked_add((7 * i64::from(shift)).days())
                    .map_err(|_| "out of the calendar's range".to_string())?;
                let w = day.iso_week_date();
                let suffix = if unit == Unit::Weekend { "-WE" } else { "" };
                Ok((
                    format!("{:04}-W{:02}{suffix}", w.year(), w.week()),
                    Some(how(&a)),
                ))
            }
            Unit::Month => {
                let (ay, am) = self.month(&what)?;
                let total = ay * 12 + i32::from(am) - 1 + shift;
                let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
                Ok((format!("{y:04}-{m:02}"), Some(how(&self.anchor_text()))))
            }
            Unit::Quarter => {
                let (ay, am) = self.month(&what)?;
                let total = ay * 4 + (i32::from(am) - 1) / 3 + shift;
                let (y, q) = (total.div_euclid(4), total.rem_euclid(4) + 1);
                Ok((format!("{y:04}-Q{q}"), Some(how(&self.anchor_text()))))
            }
            Unit::Year => {
                let y = self.year(&what)? + shift;
                Ok((format!("{y:04}"), Some(how(&self.anchor_text()))))
            }
            Unit::Decade => {
                let y = self.year(&what)?;
                Ok((
                    format!("{}", y.div_euclid(10) + shift),
                    Some(how(&self.anchor_text())),
                ))
            }
            Unit::Century => {
                let y = self.year(&what)?;
                Ok((
                    format!("{}", y.div_euclid(100) + shift),
                    Some(how(&self.anchor_text())),
                ))
            }
            Unit::Day | Unit::Hour | Unit::Minute => self.point(&Cal::DayShift(shift)),
        }
    }

    fn ago(&self, unit: Unit, count: Option<u32>) -> Outcome {
        let Some(n) = count else {
            // `a few days ago`: before the article date, by an unknown amount.
            return Ok((
                "PAST_REF".to_string(),
                Some(format!(
                    "some {}s before the article Date {}",
                    unit.name(),
                    self.anchor_text()
                )),
            ));
        };
        let n = i64::from(n.min(100_000));
        let how = |a: &dyn std::fmt::Display| {
            format!("{n} {}(s) before the article Date {a}", unit.name())
        };
        let what = || format!("count {n} {}(s) back", unit.name());
        let range = |_| "out of the calendar's range".to_string();
        match unit {
            Unit::Day | Unit::Hour | Unit::Minute => {
                let days = if unit == Unit::Day { n } else { 0 };
                let (d, a) = self.day(&what)?;
                let day = d.checked_sub(days.days()).map_err(range)?;
                Ok((day.to_string(), Some(how(&a))))
            }
            Unit::Week | Unit::Weekend => {
                let (d, a) = self.day(&what)?;
                let day = d.checked_sub((7 * n).days()).map_err(range)?;
                let w = day.iso_week_date();
                Ok((format!("{:04}-W{:02}", w.year(), w.week()), Some(how(&a))))
            }
            Unit::Month | Unit::Quarter => {
                let months = if unit == Unit::Quarter { 3 * n } else { n };
                let (ay, am) = self.month(&what)?;
                let total = i64::from(ay) * 12 + i64::from(am) - 1 - months;
                let (y, m) = (total.div_euclid(12), total.rem_euclid(12) + 1);
                Ok((format!("{y:04}-{m:02}"), Some(how(&self.anchor_text()))))
            }
            Unit::Year | Unit::Decade | Unit::Century => {
                let years = match unit {
                    Unit::Decade => 10 * n,
                    Unit::Century => 100 * n,
                    _ => n,
                };
                let y = i64::from(self.year(&what)?) - years;
                Ok((format!("{y:04}"), Some(how(&self.anchor_text()))))
            }
        }
    }

    fn interval(&self, a: &Cal, b: &Cal) -> Outcome {
        let (vb, hb) = self.point(b)?;
        // A start without a year takes the end's year (or the one before it).
        let a = match (*a, vb.get(..4).and_then(|y| y.parse::<i32>().ok())) {
            (
                Cal::Ymd {
                    year: None,
                    month: Some(m1),
                    day,
                },
                Some(y2),
            ) => {
                let m2 = match b {
                    Cal::Ymd {
                        month: Some(m2), ..
                    } => *m2,
                    _ => 12,
                };
                Cal::Ymd {
                    year: Some(if m1 <= m2 { y2 } else { y2 - 1 }),
                    month: Some(m1),
                    day,
                }
            }
            (other, _) => other,
        };
        let (va, ha) = self.point(&a)?;
        let how = match (ha, hb) {
            (None, None) => None,
            (Some(h), None) | (None, Some(h)) => Some(h),
            (Some(x), Some(y)) if x == y => Some(x),
            (Some(x), Some(y)) => Some(format!("from {x} to {y}")),
        };
        Ok((format!("{va}/{vb}"), how))
    }

    fn time(&self, date: Option<&Cal>, clock: &Clock) -> Outcome {
        let (value, how) = match date {
            Some(cal) => self.point(cal)?,
            // `ночью`, `вночі`, `уначы` alone in a report: the night that ended on the
            // article's day, as `overnight` is; in a sentence of the future, the coming one.
            None if matches!(clock, Clock::Part("NI")) && !self.future => {
                let (d, a) = self.day(&|| "say which night this is".to_string())?;
                let before = d.yesterday().map_err(|_| format!("no day before {a}"))?;
                (
                    before.to_string(),
                    Some(format!("the night before the article Date {a}")),
                )
            }
            None => {
                let (d, a) = self.day(&|| "say on which day this time is".to_string())?;
                (
                    d.to_string(),
                    Some(format!("a time on the article Date {a}")),
                )
            }
        };
        let time = match clock {
            Clock::At { hour, minute, utc } => {
                format!("{hour:02}:{minute:02}{}", if *utc { "Z" } else { "" })
            }
            Clock::Part(code) => (*code).to_string(),
        };
        Ok((format!("{value}T{time}"), how))
    }
}

/// Years to add to the article's year for a month (or season, quarter) numbered `item`
/// when the article is in `current`: news looks back unless the sentence looks forward;
/// `shift` -1/1 (`last`/`next`) excludes the current one.
fn step_year(item: i32, current: i32, shift: Option<i32>, future: bool) -> i32 {
    match shift {
        Some(-1) => {
            if item < current {
                0
            } else {
                -1
            }
        }
        Some(1) => {
            if item > current {
                0
            } else {
                1
            }
        }
        Some(_) => 0,
        None if future => {
            if item >= current {
                0
            } else {
                1
            }
        }
        None => {
            if item <= current {
                0
            } else {
                -1
            }
        }
    }
}

fn ymd(y: i32, m: Option<u8>, d: Option<u8>) -> String {
    match (m, d) {
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    }
}

fn month_day_name(m: u8, d: Option<u8>) -> String {
    let name = MONTH_NAMES[usize::from(m.clamp(1, 12) - 1)];
    match d {
        Some(d) => format!("{name} {d}"),
        None => name.to_string(),
    }
}

/// `2 weeks before`, `3 months after`: how far `count` units of `name` lie, for the
/// explanations of a shift of more than one unit.
fn units_away(count: i32, name: &str) -> String {
    let side = if count < 0 { "before" } else { "after" };
    format!("{} {name}s {side}", count.unsigned_abs())
}
