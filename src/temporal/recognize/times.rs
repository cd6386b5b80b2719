//! Times of day: clock times (`3 p.m.`, `16:15 UTC`, `noon`), alone or with their day,
//! and parts of the day (`this morning`, `the evening of October 8`, `tonight`).

use super::{has_day, Hit, Line};
use crate::temporal::lexicon;
use crate::temporal::sem::{Cal, Clock, Sem};
use crate::temporal::token::TokKind;

impl<'a> Line<'_, 'a> {
    pub(super) fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        if self.any(i, &["am", "pm"]) {
            return Some((self.word(i, "pm"), i + 1));
        }
        if self.any(i, &["a", "p"])
            && self.punct(i + 1, ".")
            && self.adjacent(i + 1)
            && self.word(i + 2, "m")
            && self.adjacent(i + 2)
        {
            let end = if self.punct(i + 3, ".") && self.adjacent(i + 3) {
                i + 4
            } else {
                i + 3
            };
            return Some((self.word(i, "p"), end));
        }
        None
    }

    /// `3 p.m.`, `16:15 UTC`, `0800 UTC`, `noon`.
    pub(super) fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        if self.any(i, &["noon", "midday", "midnight"]) {
            let hour = if self.word(i, "midnight") { 0 } else { 12 };
            return Some((
                Clock::At {
                    hour,
                    minute: 0,
                    utc: false,
                },
                i + 1,
            ));
        }
        let h = self.int(i)?;
        let (mut hour, minute, mut end, needs_more) = if self.punct(i + 1, ":")
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.digits(i + 2) == 2
            && self.digits(i) <= 2
        {
            (h, self.int(i + 2)?, i + 3, false)
        } else if self.digits(i) == 4 {
            (h / 100, h % 100, i + 1, true)
        } else if self.digits(i) <= 2 {
            (h, 0, i + 1, true)
        } else {
            return None;
        };
        if hour > 23 || minute > 59 {
            return None;
        }
        let mut marked = false;
        if let Some((pm, e)) = self.ampm(end) {
            if hour > 12 || hour == 0 {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
            end = e;
            marked = true;
        }
        let mut utc = false;
        if self.tok(end).is_some_and(|t| lexicon::utc_zone(t.lower)) {
            utc = true;
            end += 1;
            marked = true;
        } else if self.word(end, "local") && self.word(end + 1, "time") {
            end += 2;
        }
        if needs_more && !marked {
            return None;
        }
        Some((
            Clock::At {
                hour: hour as u8,
                minute: minute as u8,
                utc,
            },
            end,
        ))
    }

    pub(super) fn time(&self, i: usize) -> Hit<Sem> {
        // Clock, optionally followed by its day.
        if let Some((clock, e)) = self.clock(i) {
            // `16:15 UTC, June 1st`: the day after a comma dates the time but stays an
            // expression of its own.
            if self.punct(e, ",") {
                if let Some((_, cal)) = self.explicit(e + 1).filter(|(_, c)| has_day(c)) {
                    let date = Some(cal);
                    return Some((e, Sem::Time { date, clock }));
                }
            }
            let on = self.opt(e, "on");

            let date = self
                .relative(on)
                .filter(|(_, c)| matches!(c, Cal::DayShift(_) | Cal::Weekday { .. }));
            let date = date.or_else(|| self.explicit(on).filter(|(_, c)| has_day(c)));
            return Some(time_on(clock, e, date));
        }
        match self.lower(i) {
            "tonight" => {
                return Some((
                    i + 1,
                    Sem::Time {
                        date: Some(Cal::DayShift(0)),
                        clock: Clock::Part("NI"),
                    },
                ))
            }
            // `launched 40 drones overnight`, `overnight into Sunday`: the night before the
            // article date. Not before the noun it qualifies (`an overnight curfew`).
            "overnight"
                if !matches!(
                    self.prev_lower(i),
                    "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "that"
                ) && self.tok(i + 1).is_none_or(|next| {
                    next.kind == TokKind::Punct
                        || matches!(
                            next.lower,
                            "into" | "on" | "in" | "to" | "from" | "and" | "as" | "while" | "when"
                        )
                }) =>
            {
                return Some((
                    i + 1,
                    Sem::Time {
                        date: Some(Cal::DayShift(-1)),
                        clock: Clock::Part("NI"),
                    },
                ))
            }
            "last" if self.word(i + 1, "night") => {
                return Some((
                    i + 2,
                    Sem::Time {
                        date: Some(Cal::DayShift(-1)),
                        clock: Clock::Part("NI"),
                    },
                ))
            }
            _ => {}
        }
        // `this morning`, `yesterday evening`, `Thursday night`, `last Friday morning`.
        let date = if self.word(i, "this") {
            Some((i + 1, Cal::DayShift(0)))
        } else {
            self.relative(i)
                .filter(|(_, c)| matches!(c, Cal::DayShift(_) | Cal::Weekday { .. }))
                .or_else(|| self.explicit(i).filter(|(_, c)| has_day(c)))
        };
        if let Some((j, cal)) = date {
            if let Some(part) = lexicon::day_part(self.lower(j)) {
                return Some((
                    j + 1,
                    Sem::Time {
                        date: Some(cal),
                        clock: Clock::Part(part),
                    },
                ));
            }
        }
        // `the evening of October 8`
        if self.word(i, "the") && self.word(i + 2, "of") {
            if let Some(part) = lexicon::day_part(self.lower(i + 1)) {
                let (end, cal) = self.point(i + 3)?;
                if has_day(&cal) || matches!(cal, Cal::Weekday { .. } | Cal::DayShift(_)) {
                    return Some((
                        end,
                        Sem::Time {
                            date: Some(cal),
                            clock: Clock::Part(part),
                        },
                    ));
                }
            }
        }
        None
    }
}

/// A time of day read up to `clock_end`, on the day that follows it (up to that day's end)
/// if one does: what the English and the Slavic matchers both make of `16:15 on Monday`.
pub(super) fn time_on(clock: Clock, clock_end: usize, day: Option<(usize, Cal)>) -> (usize, Sem) {
    match day {
        Some((end, cal)) => (
            end,
            Sem::Time {
                date: Some(cal),
                clock,
            },
        ),
        None => (clock_end, Sem::Time { date: None, clock }),
    }
}
