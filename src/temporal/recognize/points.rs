//! Calendar points: explicit dates (`May 4, 2022`, `2022-05-04`, `4 May`), modified ones
//! (`early 2022`, `the end of March`), seasons, quarters and halves, decades, and dates
//! relative to the article's (`last Wednesday`, `next month`, `two weeks ago`).

use super::{day_fits, longest, valid, Hit, Line};
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::sem::Cal;
use crate::temporal::token::TokKind;

impl<'a> Line<'_, 'a> {
    /// The longest calendar point starting at `i`.
    pub(super) fn point(&self, i: usize) -> Hit<Cal> {
        let candidates = [
            self.modified(i),
            self.iso(i),
            self.dotted(i),
            self.weekday_date(i),
            self.explicit(i),
            self.season(i),
            self.quarter(i),
            self.decade(i),
            self.bare_year(i).map(|(y, e)| (e, Cal::year(y))),
            self.relative(i),
        ];
        longest(candidates)
    }

    /// After `the first nine months of`, `the last two weeks of`: where the period they
    /// are part of starts (`the year`, `2025`), which the expression is read as, as
    /// `the end of the year` is.
    fn first_units_of(&self, i: usize) -> Option<usize> {
        if !(self.word(i, "the") && self.any(i + 1, &["first", "last", "final"])) {
            return None;
        }
        let (_, k) = self.count(i + 2)?;
        let (unit, _, e) = self.unit(k)?;
        (matches!(unit, Unit::Day | Unit::Week | Unit::Month) && self.word(e, "of"))
            .then_some(e + 1)
    }

    /// `early March`, `mid-2022`, `the end of 2009`, `earlier this month`.
    pub(super) fn modified(&self, i: usize) -> Hit<Cal> {
        let (j, loose) = if self.any(i, &["early", "late", "mid"]) {
            (i + 1, true)
        } else if self.any(i, &["earlier", "later"]) {
            (i + 1, false)
        } else if self.word(i, "the")
            && self.any(i + 1, &["end", "beginning", "start", "middle", "turn"])
            && self.word(i + 2, "of")
        {
            (i + 3, true)
        } else if self.any(i, &["end", "beginning", "start"]) && self.word(i + 1, "of") {
            (i + 2, true)
        } else if let Some(of_end) = self.first_units_of(i) {
            (of_end, true)
        } else {
            return None;
        };
        let j = if self.dash(j) && self.adjacent(j) {
            j + 1
        } else {
            j
        };
        let relative = self.relative(j).filter(|(_, c)| {
            matches!(
                c,
                Cal::UnitShift { .. }
                    | Cal::MonthShift { .. }
                    | Cal::Season { .. }
                    | Cal::DayShift(_)
            )
        });
        if !loose {
            return relative;
        }
        // `the beginning of the year`: the article's own year (month, week, day).
        let the_unit = self
            .word(j, "the")
            .then(|| self.unit(j + 1))
            .flatten()
            .and_then(|(unit, plural, e)| match unit {
                _ if plural => None,
                Unit::Day => Some((e, Cal::DayShift(0))),
                Unit::Week | Unit::Month | Unit::Quarter | Unit::Year => {
                    Some((e, Cal::UnitShift { unit, shift: 0 }))
                }
                _ => None,
            });
        let relative = relative.or(the_unit);
        let year = self.year(j).map(|(y, e)| (e, Cal::year(y)));
        let month = self.explicit(j).filter(|(_, c)| {
            matches!(
                c,
                Cal::Ymd {
                    month: Some(_),
                    day: None,
                    ..
                }
            )
        });
        let bare_month = self.month(j).and_then(|(m, e, abbrev)| {
            (!abbrev).then_some((
                e,
                Cal::Ymd {
                    year: None,
                    month: Some(m),
                    day: None,
                },
            ))
        });
        [
            relative,
            month,
            year,
            bare_month,
            self.season(j),
            self.decade(j),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(e, _)| *e)
    }

    /// `2022-05-04`.
    pub(super) fn iso(&self, i: usize) -> Hit<Cal> {
        let y = self.int(i)?;
        if self.digits(i) != 4 || !self.punct(i + 1, "-") || !self.adjacent(i + 1) {
            return None;
        }
        if self.digits(i + 2) != 2 || !self.adjacent(i + 2) || !self.punct(i + 3, "-") {
            return None;
        }
        if self.digits(i + 4) != 2 || !self.adjacent(i + 3) || !self.adjacent(i + 4) {
            return None;
        }
        let m = self.int(i + 2)?;
        let d = self.int(i + 4)?;
        let year = i16::try_from(y).ok()?;
        jiff::civil::Date::new(year, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
        Some((
            i + 5,
            Cal::Ymd {
                year: Some(y as i32),
                month: Some(m as u8),
                day: Some(d as u8),
            },
        ))
    }

    /// `18.11.2026`: one number token with its dots, day first, as the region's outlets
    /// write it in English too.
    pub(super) fn dotted(&self, i: usize) -> Hit<Cal> {
        let t = self.t.get(i).filter(|t| t.kind == TokKind::Num)?;
        Some((i + 1, super::dotted_date(t.text)?))
    }

    /// `Thursday, September 29, 2022`: the weekday belongs to the date.
    pub(super) fn weekday_date(&self, i: usize) -> Hit<Cal> {
        let (_, j) = self.weekday(i)?;
        let j = if self.punct(j, ",") { j + 1 } else { j };
        let j = self.opt(j, "the");
        self.explicit(j)
            .filter(|(_, c)| matches!(c, Cal::Ymd { day: Some(_), .. }))
    }

    /// Month-day(-year), day-month(-year), month-year and bare month names.
    pub(super) fn explicit(&self, i: usize) -> Hit<Cal> {
        if let Some((m, j, abbrev)) = self.month(i) {
            if let Some((d, k)) = self.day(j) {
                if day_fits(m, d) {
                    let after_comma = if self.punct(k, ",") { k + 1 } else { k };
                    if let Some((y, e)) = self.year(after_comma).filter(|(y, _)| valid(*y, m, d)) {
                        return Some((e, Cal::ymd(Some(y), m, Some(d))));
                    }
                    // `May 4:30` or `June 2000 people` are not dates; a dangling digit is.
                    if !(self.punct(k, ":") && self.adjacent(k)) {
                        return Some((k, Cal::ymd(None, m, Some(d))));
                    }
                }
            }
            let j2 = if self.word(j, "of") || self.punct(j, ",") {
                j + 1
            } else {
                j
            };
            if let Some((y, e)) = self.year(j2) {
                return Some((e, Cal::ymd(Some(y), m, None)));
            }
            if !abbrev && self.bare_month_ok(i, m) {
                return Some((j, Cal::ymd(None, m, None)));
            }
            return None;
        }
        let (d, j) = self.day(i)?;
        let j2 = self.opt(j, "of");
        let (m, k, _) = self.month(j2)?;
        if !day_fits(m, d) {
            return None;
        }
        let after_comma = if self.punct(k, ",") { k + 1 } else { k };
        if let Some((y, e)) = self.year(after_comma).filter(|(y, _)| valid(*y, m, d)) {
            return Some((e, Cal::ymd(Some(y), m, Some(d))));
        }
        Some((k, Cal::ymd(None, m, Some(d))))
    }

    /// `this spring`, `summer 2021`, `the winter of 2009`, `autumn`.
    pub(super) fn season(&self, i: usize) -> Hit<Cal> {
        let shift = self.shift_word(i);
        let j = if shift.is_some() { i + 1 } else { i };
        let t = self.tok(j)?;
        let season = lexicon::season(t.lower)?;
        let mut end = j + 1;
        let mut year = None;
        let k = self.opt(end, "of");
        if let Some((y, e)) = self.year(k) {
            year = Some(y);
            end = e;
        }
        // `fall` is a verb and `the spring of 1968` needs its year: bare `fall` only with
        // a shift word or a year.
        if t.lower == "fall" && shift.is_none() && year.is_none() {
            return None;
        }
        if t.lower == "spring" && t.capitalized() && self.prev_lower(j) == "arab" {
            return None;
        }
        Some((
            end,
            Cal::Season {
                year,
                season,
                shift: if year.is_some() { None } else { shift },
            },
        ))
    }

    /// `the fourth quarter (of 2009)`, `Q3 2009`, `the first half of the year`.
    pub(super) fn quarter(&self, i: usize) -> Hit<Cal> {
        let j = self.opt(i, "the");
        if self.word(j, "q") && self.adjacent(j + 1) {
            let q = self.int(j + 1).filter(|q| (1..=4).contains(q))?;
            let (year, end) = match self.year(j + 2) {
                Some((y, e)) => (Some(y), e),
                None => (None, j + 2),
            };
            return Some((
                end,
                Cal::Quarter {
                    year,
                    year_shift: None,
                    quarter: q as u8,
                },
            ));
        }
        let n = lexicon::ordinal(self.lower(j))?;
        let k = if self.dash(j + 1) { j + 2 } else { j + 1 };
        let half = if self.word(k, "quarter") {
            false
        } else if self.word(k, "half") && n <= 2 {
            true
        } else {
            return None;
        };
        let mut end = k + 1;
        let mut year = None;
        let mut year_shift = None;
        if self.word(end, "of") {
            if let Some((y, e)) = self.year(end + 1) {
                year = Some(y);
                end = e;
            } else if let Some(s) = self
                .shift_word(end + 1)
                .filter(|_| self.word(end + 2, "year"))
            {
                year_shift = Some(s);
                end += 3;
            } else if self.word(end + 1, "the") && self.word(end + 2, "year") {
                year_shift = Some(0);
                end += 3;
            }
        } else if let Some((y, e)) = self.year(end) {
            year = Some(y);
            end = e;
        }
        // A half needs its year (`the first half` of what?).
        if half && year.is_none() && year_shift.is_none() {
            return None;
        }
        // A hyphenated `first-quarter` is an adjective: keep only the ordinal and unit.
        let cal = if half {
            Cal::Half {
                year,
                year_shift,
                half: n,
            }
        } else {
            Cal::Quarter {
                year,
                year_shift,
                quarter: n,
            }
        };
        Some((end, cal))
    }

    /// `1990s`, `1990's`.
    pub(super) fn decade(&self, i: usize) -> Hit<Cal> {
        let n = self.int(i)?;
        // `the '80s`, `the 70s`: twentieth-century decades (`their 30s` is an age).
        if self.digits(i) == 2 && n % 10 == 0 && self.word(i + 1, "s") && self.adjacent(i + 1) {
            let quoted = (self.punct(i.wrapping_sub(1), "'") || self.punct(i.wrapping_sub(1), "’"))
                && self.adjacent(i);
            let prev = if quoted {
                i.checked_sub(2).map_or("", |p| self.lower(p))
            } else {
                self.prev_lower(i)
            };
            if matches!(prev, "the" | "and" | "early" | "late" | "mid" | "in") || quoted {
                return Some((i + 2, Cal::Decade(190 + n as i32 / 10)));
            }
        }
        if self.digits(i) != 4 || n % 10 != 0 || !(1000..=2190).contains(&n) {
            return None;
        }
        if self.word(i + 1, "s") && self.adjacent(i + 1) {
            return Some((i + 2, Cal::Decade(n as i32 / 10)));
        }
        if (self.punct(i + 1, "'") || self.punct(i + 1, "’"))
            && self.adjacent(i + 1)
            && self.word(i + 2, "s")
            && self.adjacent(i + 2)
        {
            return Some((i + 3, Cal::Decade(n as i32 / 10)));
        }
        None
    }

    /// Expressions counted from the article date.
    pub(super) fn relative(&self, i: usize) -> Hit<Cal> {
        // `over the weekend`, `at the weekend`, `during the weekend`: a weekend the article
        // date places (`the weekend saw protests` is left alone).
        if self.word(i, "the")
            && self.word(i + 1, "weekend")
            && matches!(self.prev_lower(i), "over" | "at" | "during" | "on")
        {
            return Some((i + 2, Cal::TheWeekend));
        }
        // `Rain is forecast for the weekend`, `talks planned for the weekend`: what is
        // meant for a weekend is for the coming one, that of the article date's week.
        if self.word(i, "the") && self.word(i + 1, "weekend") && self.prev_lower(i) == "for" {
            return Some((
                i + 2,
                Cal::UnitShift {
                    unit: Unit::Weekend,
                    shift: 0,
                },
            ));
        }
        // `on the 10th`: a day of the month alone (`the 10th of March` is an explicit
        // date, found by the longer match).
        if self.word(i, "the") && self.prev_lower(i) == "on" {
            if let Some((day, e)) = self.day(i + 1) {
                // Not `the 10th of March`, `the 10th March` (explicit dates), nor `the
                // 10th floor`: only punctuation or a joining word may follow.
                let ordinal = e == i + 3;
                let ends_phrase = self.tok(e).is_none_or(|t| t.kind == TokKind::Punct)
                    || self.any(e, &["and", "when", "at", "in", "after", "before"]);
                if ordinal && ends_phrase {
                    return Some((e, Cal::DayOfMonth(day)));
                }
            }
        }
        // `the week before last`, `the day before yesterday`, `the day after tomorrow`:
        // two units from the article date.
        if self.word(i, "the") {
            if self.word(i + 2, "before") && self.word(i + 3, "last") {
                if let Some((unit @ (Unit::Week | Unit::Month | Unit::Year), false, _)) =
                    self.unit(i + 1)
                {
                    return Some((i + 4, Cal::UnitShift { unit, shift: -2 }));
                }
            }
            if self.word(i + 1, "day") {
                if self.word(i + 2, "before") && self.word(i + 3, "yesterday") {
                    return Some((i + 4, Cal::DayShift(-2)));
                }
                if self.word(i + 2, "after") && self.word(i + 3, "tomorrow") {
                    return Some((i + 4, Cal::DayShift(2)));
                }
            }
        }
        // Market reports: `ended the day down`, `for the day` mean the article's day.
        if self.word(i, "the") && self.word(i + 1, "day") {
            let verb = matches!(
                self.prev_lower(i),
                "end"
                    | "ended"
                    | "ending"
                    | "ends"
                    | "finished"
                    | "finishing"
                    | "close"
                    | "closed"
                    | "closing"
                    | "start"
                    | "started"
                    | "starting"
                    | "began"
                    | "opened"
                    | "for"
                    | "on"
            );
            let next = self.lower(i + 2);
            let clause = matches!(
                next,
                "of" | "before"
                    | "after"
                    | "when"
                    | "that"
                    | "the"
                    | "it"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "which"
                    | "in"
            );
            if verb && !clause {
                return Some((i + 2, Cal::DayShift(0)));
            }
        }
        match self.lower(i) {
            "yesterday" => return Some((i + 1, Cal::DayShift(-1))),
            "today" => return Some((i + 1, Cal::DayShift(0))),
            "tomorrow" => return Some((i + 1, Cal::DayShift(1))),
            _ => {}
        }
        // `this past weekend`, `this past Sunday`: the latest one before the article date.
        if self.word(i, "this") && self.word(i + 1, "past") {
            if let Some((unit @ (Unit::Weekend | Unit::Week), false, e)) = self.unit(i + 2) {
                return Some((e, Cal::UnitShift { unit, shift: -1 }));
            }
            if let Some((weekday, e)) = self.weekday(i + 2) {
                return Some((
                    e,
                    Cal::Weekday {
                        weekday,
                        shift: None,
                    },
                ));
            }
        }
        if let Some(shift) = self.shift_word(i) {
            if let Some((unit, false, e)) = self.unit(i + 1) {
                if !matches!(unit, Unit::Hour | Unit::Minute | Unit::Day) && self.lower(i) != "past"
                {
                    // `the last year` is a duration, `last year` a date.
                    if self.prev_lower(i) == "the" && shift != 0 {
                        return None;
                    }
                    return Some((e, Cal::UnitShift { unit, shift }));
                }
            }
            if let Some((weekday, e)) = self.weekday(i + 1) {
                if self.lower(i) != "past" && self.lower(i) != "coming" {
                    return Some((
                        e,
                        Cal::Weekday {
                            weekday,
                            shift: Some(shift),
                        },
                    ));
                }
            }
            if let Some((month, e, false)) = self.month(i + 1) {
                if self.lower(i) != "past" && self.lower(i) != "coming" {
                    return Some((e, Cal::MonthShift { month, shift }));
                }
            }
            return None;
        }
        if let Some((weekday, e)) = self.weekday(i) {
            return Some((
                e,
                Cal::Weekday {
                    weekday,
                    shift: None,
                },
            ));
        }
        // `two weeks ago`, `a few days ago`, `years ago`.
        let (count, j) = match self.count(i) {
            Some((c, j)) => (Some(c), j),
            None => (None, i),
        };
        let (unit, plural, k) = self.unit(j)?;
        if !self.word(k, "ago") {
            return None;
        }
        let count = match count {
            Some(c) => c.number(),
            None if plural => None,
            None => return None,
        };
        Some((k + 1, Cal::Ago { unit, count }))
    }
}
