//! Durations (`three weeks`, `more than a decade`, `week-long`) and sets, things that
//! recur (`every Monday`, `twice a year`): neither anchors its sentence in time.

use super::{Count, Hit, Line};
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::sem::{Cal, Sem};

impl<'a> Line<'_, 'a> {
    /// `nearly`, `over`, `more than`: kept in a duration's span, as TimeML does.
    pub(super) fn approximator(&self, i: usize) -> Option<usize> {
        if self.any(
            i,
            &[
                "nearly",
                "almost",
                "about",
                "over",
                "around",
                "roughly",
                "approximately",
            ],
        ) {
            return Some(i + 1);
        }
        if self.any(i, &["more", "less"]) && self.word(i + 1, "than") {
            return Some(i + 2);
        }
        if self.word(i, "at") && self.any(i + 1, &["least", "most"]) {
            return Some(i + 2);
        }
        None
    }

    pub(super) fn duration(&self, i: usize) -> Hit<Sem> {
        if let Some(j) = self.approximator(i) {
            if let Some((e, sem @ Sem::Duration { .. })) = self.duration_core(j) {
                return Some((e, sem));
            }
        }
        self.duration_core(i)
    }

    pub(super) fn duration_core(&self, i: usize) -> Hit<Sem> {
        // Hyphenated adjectives: `week-long`, `two-week`, `12-year`, `decades-long`.
        if let Some((unit, plural, e)) = self.unit(i) {
            if self.dash(e) && self.word(e + 1, "long") && self.adjacent(e + 1) {
                let count = if plural { None } else { Some(1) };
                return Some((
                    e + 2,
                    Sem::Duration {
                        value: unit.duration(count),
                        vague: plural,
                    },
                ));
            }
        }
        if let Some((Count::N(n), j)) = self.count(i) {
            if self.dash(j) && self.adjacent(j) && self.adjacent(j + 1) {
                if let Some((unit, false, e)) = self.unit(j + 1) {
                    if self.dash(e) && self.word(e + 1, "old") {
                        return None;
                    }
                    let e = if self.dash(e) && self.word(e + 1, "long") {
                        e + 2
                    } else {
                        e
                    };
                    return Some((
                        e,
                        Sem::Duration {
                            value: unit.duration(Some(n)),
                            vague: false,
                        },
                    ));
                }
            }
        }
        let the = self.word(i, "the");
        let j = if the { i + 1 } else { i };
        let prefix = self
            .any(
                j,
                &[
                    "past",
                    "last",
                    "next",
                    "coming",
                    "previous",
                    "following",
                    "first",
                    "recent",
                    "subsequent",
                    "initial",
                ],
            )
            .then(|| self.lower(j).to_string());
        let j = if prefix.is_some() { j + 1 } else { i };
        if the && prefix.is_none() {
            return None;
        }
        let (count, k) = match self.count(j) {
            Some((c, k)) => (Some(c), k),
            None => (None, j),
        };
        let k = if self.any(
            k,
            &["straight", "consecutive", "trading", "full", "more", "long"],
        ) {
            k + 1
        } else {
            k
        };
        let (unit, plural, e) = self.unit(k)?;
        if self.dash(e) && self.word(e + 1, "old") {
            return None;
        }
        let vague = |e| {
            Some((
                e,
                Sem::Duration {
                    value: unit.duration(None),
                    vague: true,
                },
            ))
        };
        match (count, prefix.as_deref()) {
            (Some(Count::Vague), _) => vague(e),
            // `about a quarter of its dealers` is a fraction.
            (Some(Count::Article), _) if unit == Unit::Quarter => None,
            (Some(Count::Article), None) => {
                // `a month` alone is often a rate (`a cup a month`); trust it after words
                // that introduce a length of time.
                let prev = self.prev_lower(i);
                let ok = matches!(
                    prev,
                    "for"
                        | "over"
                        | "in"
                        | "within"
                        | "about"
                        | "nearly"
                        | "almost"
                        | "than"
                        | "around"
                        | "roughly"
                        | "least"
                        | "only"
                        | "just"
                        | "half"
                        | "after"
                );
                if ok {
                    Some((e, duration(unit, 1)))
                } else {
                    None
                }
            }
            // `the past 24 hours`, `over the last two weeks`: a window that ends at the
            // article date.
            (Some(Count::N(n)), Some("past" | "last"))
                if the && reports_window(unit) && self.ends_at_report(e) =>
            {
                Some((e, Sem::RecentSpan { unit, count: n }))
            }
            (Some(c), _) => Some((e, duration(unit, c.number().unwrap_or(1)))),
            (None, Some(p)) => {
                if plural {
                    if matches!(
                        p,
                        "recent"
                            | "coming"
                            | "subsequent"
                            | "following"
                            | "past"
                            | "last"
                            | "next"
                            | "previous"
                    ) {
                        return vague(e);
                    }
                    return None;
                }
                // `the last quarter` is the one before the article's; `the past year` a
                // length of time.
                if the && p == "last" && !matches!(unit, Unit::Day | Unit::Hour | Unit::Minute) {
                    return Some((e, Sem::Point(Cal::UnitShift { unit, shift: -1 })));
                }
                // `over the past day`, `the past week`.
                if the && p == "past" && reports_window(unit) && self.ends_at_report(e) {
                    return Some((e, Sem::RecentSpan { unit, count: 1 }));
                }
                // `the last day` of something, `the last hour` before an event: windows
                // of other events than the report's.
                if the && matches!(p, "past" | "coming") {
                    return Some((e, duration(unit, 1)));
                }
                None
            }
            // `in years`, `within minutes`, `for decades`: an unknown length.
            (None, None)
                if plural
                    && matches!(self.prev_lower(i), "in" | "within" | "for")
                    && !self.any(e, &["of", "ago", "later", "earlier", "before", "after"]) =>
            {
                vague(e)
            }
            (None, None) => None,
        }
    }

    /// Whether a window that ends at `e` is not one of another event (`the last two days
    /// of the talks`, `the past week before the vote`).
    fn ends_at_report(&self, e: usize) -> bool {
        !self.any(e, &["of", "before", "after", "since", "until", "preceding"])
    }

    pub(super) fn set(&self, i: usize) -> Hit<Sem> {
        if let Some(value) = lexicon::frequency(self.lower(i)) {
            return Some((i + 1, Sem::Set(value.to_string())));
        }
        if self.any(i, &["every", "each"]) {
            let j = self.opt(i + 1, "other");
            let step = if j > i + 1 { 2 } else { 1 };
            if let Some((wd, e)) = self.weekday(j) {
                return Some((e, Sem::Set(format!("XXXX-WXX-{wd}"))));
            }
            let (n, k) = match self.count(j) {
                Some((Count::N(n), k)) => (n, k),
                _ => (1, j),
            };
            let (unit, _, e) = self.unit(k)?;
            return Some((e, Sem::Set(unit.duration(Some(n * step)))));
        }
        // `twice a year`, `three times per week`, `once a month`.
        let j = if self.any(i, &["once", "twice"]) {
            i + 1
        } else if self.count(i).is_some_and(|(c, _)| matches!(c, Count::N(_)))
            && self.word(i + 1, "times")
        {
            i + 2
        } else if self.word(i, "per") {
            i
        } else {
            return None;
        };
        let k = if self.any(j, &["a", "an", "per", "each", "every"]) {
            j + 1
        } else {
            return None;
        };
        let (unit, false, e) = self.unit(k)? else {
            return None;
        };
        Some((e, Sem::Set(unit.duration(Some(1)))))
    }
}

/// The units of a window that ends at the article date (`the past 24 hours`, `the past
/// month`): a report's. Past years and decades tell trends, not when something happened.
fn reports_window(unit: Unit) -> bool {
    matches!(unit, Unit::Hour | Unit::Day | Unit::Week | Unit::Month)
}

fn duration(unit: Unit, n: u32) -> Sem {
    Sem::Duration {
        value: unit.duration(Some(n)),
        vague: false,
    }
}
