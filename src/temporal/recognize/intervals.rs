//! Explicit ranges between two calendar points: `March 1-8, 2022`, `February-May 2022`,
//! `2009-2011`, `from June 22 to July 1`, `between November 2022 and February 2023`,
//! `from 3 to 9 June`.

use super::{day_fits, day_range, has_day, valid, Hit, Line};
use crate::temporal::sem::{Cal, Sem};
use crate::temporal::token::TokKind;

impl<'a> Line<'_, 'a> {
    /// Explicit ranges: `March 1-8, 2022`, `February-May 2022`, `2009-2011`,
    /// `from June 22 to July 1`, `between November 2022 and February 2023`.
    /// `point_at_i` is [`Line::point`] at `i`.
    pub(super) fn interval(&self, i: usize, point_at_i: Hit<Cal>) -> Hit<Sem> {
        let (j, prefix) = match self.lower(i) {
            "from" => (i + 1, Some("from")),
            "between" => (i + 1, Some("between")),
            _ => (i, None),
        };
        let to_word = |k: usize| {
            (self.dash(k) || self.any(k, &["to", "till", "until", "through", "thru"]))
                && prefix != Some("between")
        };
        // Month D1-D2[, Year]
        if let Some((m, k, _)) = self.month(j) {
            if let Some((d1, l)) = self.day(k) {
                if to_word(l) && self.month(l + 1).is_none() {
                    if let Some((d2, e)) = self.day(l + 1).filter(|(d2, _)| *d2 > d1) {
                        let after = if self.punct(e, ",") { e + 1 } else { e };
                        let (year, end) = match self.year(after) {
                            Some((y, e2)) if valid(y, m, d2) => (Some(y), e2),
                            _ => (None, e),
                        };
                        if day_fits(m, d2) {
                            return Some((
                                end,
                                Sem::Interval(
                                    Cal::ymd(year, m, Some(d1)),
                                    Cal::ymd(year, m, Some(d2)),
                                ),
                            ));
                        }
                    }
                }
            }
            // Month-Month Year
            if (self.dash(k) || self.punct(k, "/")) && self.adjacent(k) {
                if let Some((m2, l, false)) = self.month(k + 1) {
                    let year = self.year(l);
                    if year.is_some() || prefix.is_some() {
                        let (y, end) = year.map_or((None, l), |(y, e)| (Some(y), e));
                        let y1 = y.map(|y| if m <= m2 { y } else { y - 1 });
                        return Some((
                            end,
                            Sem::Interval(Cal::ymd(y1, m, None), Cal::ymd(y, m2, None)),
                        ));
                    }
                }
            }
        }
        // D1-D2 Month [Year]; `from 3 to 9 June`; `between 3 and 9 June`; two days in a
        // row, `on 3 and 4 November` (two days further apart are two dates, not a span).
        if let Some((d1, k)) = self.day(j) {
            let and = self.word(k, "and");
            if self.dash(k) || to_word(k) || and {
                let joined = |d2: &u8| !and || prefix == Some("between") || *d2 == d1 + 1;
                if let Some((d2, l)) = self.day(k + 1).filter(|(d2, _)| *d2 > d1 && joined(d2)) {
                    if let Some((m, e, _)) = self.month(l) {
                        if let Some(hit) = day_range(d1, d2, m, e, self.year(e)) {
                            return Some(hit);
                        }
                    }
                }
            }
        }
        // Year-Year
        if let Some((y1, k)) = self.year(j) {
            let ok_start = prefix.is_some() || self.bare_year(j).is_some();
            if ok_start && self.dash(k) && self.adjacent(k) && self.adjacent(k + 1) {
                if let Some(n) = self.int(k + 1) {
                    let y2 = match self.digits(k + 1) {
                        4 => n as i32,
                        2 => y1 / 100 * 100 + n as i32,
                        _ => 0,
                    };
                    let glued = self.adjacent(k + 2)
                        && self
                            .tok(k + 2)
                            .is_some_and(|t| t.kind != TokKind::Punct || self.dash(k + 2));
                    if y2 > y1 && y2 - y1 < 200 && !glued {
                        return Some((k + 2, Sem::Interval(Cal::year(y1), Cal::year(y2))));
                    }
                }
            }
        }
        // General: point connector point.
        let (k, p1) = if j == i { point_at_i } else { self.point(j) }?;
        if !is_explicit(&p1) {
            return None;
        }
        let connects = match prefix {
            Some("between") => self.word(k, "and"),
            _ => to_word(k),
        };
        if !connects {
            return None;
        }
        let (end, p2) = self.point(k + 1)?;
        if !is_explicit(&p2) {
            return None;
        }
        // Without `from`, only day-to-day ranges are trusted (`June 22 to July 1`).
        if prefix.is_none() && !(has_day(&p1) && has_day(&p2)) {
            return None;
        }
        Some((end, Sem::Interval(propagate_year(p1, &p2), p2)))
    }
}

pub(super) fn is_explicit(cal: &Cal) -> bool {
    matches!(
        cal,
        Cal::Ymd { .. }
            | Cal::Season { .. }
            | Cal::Quarter { .. }
            | Cal::Half { .. }
            | Cal::Decade(_)
    )
}

/// `April 4 till April 15, 2022`: the start takes the end's year (the year before when
/// its month comes later, as in `December 20 to January 5, 2023`).
pub(super) fn propagate_year(start: Cal, end: &Cal) -> Cal {
    match (start, end) {
        (
            Cal::Ymd {
                year: None,
                month: Some(m1),
                day,
            },
            Cal::Ymd {
                year: Some(y2),
                month: Some(m2),
                ..
            },
        ) => Cal::Ymd {
            year: Some(if m1 <= *m2 { *y2 } else { y2 - 1 }),
            month: Some(m1),
            day,
        },
        (
            Cal::Ymd {
                year: None,
                month: Some(m1),
                day,
            },
            Cal::Ymd {
                year: Some(y2),
                month: None,
                ..
            },
        ) => Cal::Ymd {
            year: Some(*y2),
            month: Some(m1),
            day,
        },
        _ => start,
    }
}
