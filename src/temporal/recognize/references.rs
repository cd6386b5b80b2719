//! Vague references (`recently`, `currently`, `in the past`) and anaphoric ones, which
//! lean on a date an earlier sentence gave (`the same day`, `that week`, `days later`).

use super::{Count, Hit, Line};
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::sem::{Lean, Sem};

impl<'a> Line<'_, 'a> {
    pub(super) fn vague(&self, i: usize) -> Hit<Sem> {
        let w = self.lower(i);
        if let Some(v) = lexicon::vague_word(w) {
            return Some((i + 1, Sem::Vague(v)));
        }
        // `very soon`, `more recently`.
        if matches!(w, "very" | "more" | "most") {
            if let Some(v) = lexicon::vague_word(self.lower(i + 1))
                .filter(|_| self.any(i + 1, &["soon", "recently"]))
            {
                return Some((i + 2, Sem::Vague(v)));
            }
        }
        if w == "right" && self.word(i + 1, "now") {
            return Some((i + 2, Sem::Vague("PRESENT_REF")));
        }
        if w == "present" && self.prev_lower(i) == "at" {
            return Some((i + 1, Sem::Vague("PRESENT_REF")));
        }
        if w == "these" && self.word(i + 1, "days") {
            return Some((i + 2, Sem::Vague("PRESENT_REF")));
        }
        if w != "the" {
            return None;
        }
        let phrases: [(&[&str], &'static str); 9] = [
            (&["past"], "PAST_REF"),
            (&["future"], "FUTURE_REF"),
            (&["near", "future"], "FUTURE_REF"),
            (&["near", "term"], "FUTURE_REF"),
            (&["long", "term"], "FUTURE_REF"),
            (&["short", "term"], "FUTURE_REF"),
            (&["time", "being"], "PRESENT_REF"),
            (&["moment"], "PRESENT_REF"),
            (&["present"], "PRESENT_REF"),
        ];
        let mut best = None;
        for (words, value) in phrases {
            let matches = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.word(i + 1 + k, w));
            if matches && best.as_ref().is_none_or(|(e, _)| i + 1 + words.len() > *e) {
                best = Some((i + 1 + words.len(), Sem::Vague(value)));
            }
        }
        // `at the moment` only: `the moment he arrived` is not present time.
        if let Some((_, Sem::Vague("PRESENT_REF"))) = &best {
            if self.word(i + 1, "moment") && self.prev_lower(i) != "at" {
                return None;
            }
        }
        best
    }

    pub(super) fn anaphoric(&self, i: usize) -> Hit<Sem> {
        let unit_like = |k: usize| {
            self.any(
                k,
                &[
                    "day",
                    "week",
                    "month",
                    "year",
                    "morning",
                    "afternoon",
                    "evening",
                    "night",
                    "weekend",
                ],
            )
        };
        // What `that <unit>` or `the same <unit>` at `k` leans as.
        let same = |k: usize| {
            let on_the_day = |part: Option<&'static str>| Lean::Day { shift: 0, part };
            match self.lower(k) {
                "day" => on_the_day(None),
                "morning" => on_the_day(Some("TMO")),
                "afternoon" => on_the_day(Some("TAF")),
                "evening" => on_the_day(Some("TEV")),
                "night" => on_the_day(Some("TNI")),
                "week" => Lean::Same { unit: "week" },
                "month" => Lean::Same { unit: "month" },
                "year" => Lean::Same { unit: "year" },
                _ => Lean::Unknown,
            }
        };
        let anaphoric = |end: usize, lean: Lean| Some((end, Sem::Anaphoric(lean)));
        let day = |shift: i32| Lean::Day { shift, part: None };
        // `earlier in the day`, `later in the day`.
        if self.any(i, &["earlier", "later"])
            && self.word(i + 1, "in")
            && self.word(i + 2, "the")
            && self.word(i + 3, "day")
        {
            return anaphoric(i + 4, day(0));
        }
        // `in the morning`, `early in the evening`: a part of the day a sentence before
        // named (not `in the morning of 5 June`, which names its own).
        let part_start = i + 1;
        if self.any(i, &["early", "late"])
            && self.word(part_start, "in")
            && self.word(part_start + 1, "the")
            && self.any(part_start + 2, &["morning", "afternoon", "evening"])
            && !self.word(part_start + 3, "of")
        {
            return anaphoric(part_start + 3, same(part_start + 2));
        }
        // The same without `early`: the expression starts after its preposition, as
        // `in 2022` does.
        if i > 0
            && self.word(i - 1, "in")
            && self.word(i, "the")
            && self.any(i + 1, &["morning", "afternoon", "evening"])
            && !self.word(i + 2, "of")
        {
            return anaphoric(i + 2, same(i + 1));
        }
        if self.word(i, "the") && self.word(i + 1, "same") && unit_like(i + 2) {
            return anaphoric(i + 3, same(i + 2));
        }
        if self.word(i, "that") && unit_like(i + 1) {
            return anaphoric(i + 2, same(i + 1));
        }
        if self.word(i, "the")
            && self.any(i + 1, &["next", "following", "previous", "preceding"])
            && unit_like(i + 2)
        {
            let shift = if self.any(i + 1, &["next", "following"]) {
                1
            } else {
                -1
            };
            let lean = if self.word(i + 2, "day") {
                day(shift)
            } else {
                Lean::Unknown
            };
            return anaphoric(i + 3, lean);
        }
        if self.word(i, "the") && self.word(i + 1, "day") && self.any(i + 2, &["before", "after"]) {
            let shift = if self.word(i + 2, "after") { 1 } else { -1 };
            return anaphoric(i + 3, day(shift));
        }
        // `the second day of the talks`: counted from the date the talks began.
        if self.word(i, "the") && self.word(i + 2, "day") && self.word(i + 3, "of") {
            if let Some(nth) = lexicon::ordinal(self.lower(i + 1)).filter(|nth| *nth <= 3) {
                return anaphoric(i + 3, day(i32::from(nth) - 1));
            }
        }
        // `two days before`, `a week later`, `days later`.
        let (count, j) = match self.count(i) {
            Some((c, j)) => (Some(c), j),
            None => (None, i),
        };
        let (unit, plural, k) = self.unit(j)?;
        if count.is_none() && !plural {
            return None;
        }
        if self.any(k, &["later", "earlier"]) {
            let sign = if self.word(k, "later") { 1 } else { -1 };
            let days = match (count, unit) {
                (Some(Count::N(n)), Unit::Day) => i32::try_from(n).ok(),
                (Some(Count::Article), Unit::Day) => Some(1),
                (Some(Count::N(n)), Unit::Week) => i32::try_from(n).ok().map(|n| n * 7),
                (Some(Count::Article), Unit::Week) => Some(7),
                _ => None,
            };
            let lean = days.map_or(Lean::Unknown, |days| day(sign * days));
            return anaphoric(k + 1, lean);
        }
        None
    }
}
