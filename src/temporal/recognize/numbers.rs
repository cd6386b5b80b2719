//! The pieces that points, ranges and durations are built of: month and weekday names,
//! days, years (with the checks that keep a bare number from being taken for one),
//! counts, units and the words that shift a date (`next`, `last`).

use super::{Count, Line};
use crate::temporal::lexicon::{self, Unit};
use crate::temporal::token::TokKind;

impl<'a> Line<'_, 'a> {
    /// A capitalised month name or abbreviation (`Feb.`): (month, end, is_abbreviation).
    pub(super) fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word || !t.capitalized() {
            return None;
        }
        if let Some(m) = lexicon::month_full(t.lower) {
            return Some((m, i + 1, false));
        }
        let m = lexicon::month_abbrev(t.lower)?;
        let end = if self.punct(i + 1, ".") && self.adjacent(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((m, end, true))
    }

    /// A day of the month, `19` or `19th`.
    pub(super) fn day(&self, i: usize) -> Option<(u8, usize)> {
        let n = self.int(i)?;
        if self.digits(i) > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let suffix = self.any(i + 1, &["st", "nd", "rd", "th"]) && self.adjacent(i + 1);
        // `4:30`, `4.5` or `4-year` are not days.
        let glued = !suffix && self.adjacent(i + 1);
        if glued && self.punct(i + 1, ":") {
            return None;
        }
        if glued && self.dash(i + 1) && self.int(i + 2).is_none() {
            return None;
        }
        Some((n as u8, if suffix { i + 2 } else { i + 1 }))
    }

    /// Four digits that can be a year, in a context that already says it is a date.
    pub(super) fn year(&self, i: usize) -> Option<(i32, usize)> {
        let n = self.int(i)?;
        if self.digits(i) != 4 || !(1000..=2199).contains(&n) {
            return None;
        }
        // `2022a`, `1990s` (decades are matched elsewhere) or `2022:10` are not years.
        if self.adjacent(i + 1) && self.tok(i + 1).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        if self.punct(i + 1, ":")
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.int(i + 2).is_some()
        {
            return None;
        }
        Some((n as i32, i + 1))
    }

    /// A year standing alone: four digits that are not a count, an amount or a number.
    pub(super) fn bare_year(&self, i: usize) -> Option<(i32, usize)> {
        let (y, end) = self.year(i)?;
        let prev = self.prev_lower(i);
        let preposition = lexicon::temporal_preposition(prev) || prev == "year";
        if !(1900..=2100).contains(&y) && !preposition {
            return None;
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            if p.kind == TokKind::Punct && self.adjacent(i) && !matches!(p.text, "(" | "\"" | "“")
            {
                // `$2000`, `#2022`, `F-1000`, `1/2000`.
                if p.text != "-" || !self.any(i.wrapping_sub(2), &["mid", "early", "late"]) {
                    return None;
                }
            }
            if matches!(p.text, "$" | "£" | "€" | "¥" | "#" | "№") {
                return None;
            }
        }
        let prev2 = i.checked_sub(2).map_or("", |p| self.lower(p));
        if lexicon::quantity_cue(prev) || (prev == "to" && prev2 == "up") || prev2 == "no" {
            return None;
        }
        if self.punct(end, "%") || self.any(end, &["percent", "per"]) {
            return None;
        }
        if (self.punct(end, ":") || self.punct(end, ".") || self.punct(end, ","))
            && self.adjacent(end)
            && self.int(end + 1).is_some()
            && self.adjacent(end + 1)
        {
            return None;
        }
        // `sent 2000 troops`: a count followed by a plural noun, unless the year follows a
        // preposition (`in 2009 sales fell`).
        if !preposition {
            if let Some(next) = self.tok(end) {
                let plural_noun = next.kind == TokKind::Word
                    && !next.capitalized()
                    && next.lower.len() > 3
                    && next.lower.ends_with('s')
                    && !matches!(next.lower, "was" | "has" | "does" | "this" | "plus");
                if plural_noun {
                    return None;
                }
            }
        }
        Some((y, end))
    }

    /// A bare month name is trusted when unambiguous or after a preposition (`in May`).
    pub(super) fn bare_month_ok(&self, i: usize, month: u8) -> bool {
        let prev = self.prev_lower(i);
        // `31 February` is no date; its month alone is not one either.
        let after_number = i
            .checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.kind == TokKind::Num);
        !after_number
            && (!lexicon::month_is_ambiguous(month) || lexicon::temporal_preposition(prev))
    }

    /// A count: digits, number words (`twenty-five`), `a`, or a vague quantity.
    pub(super) fn count(&self, i: usize) -> Option<(Count, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Num {
            let n = t.int()?;
            if self.digits(i) > 4 {
                return None;
            }
            return Some((Count::N(n), i + 1));
        }
        if self.word(i, "a") || self.word(i, "an") {
            if self.word(i + 1, "few") {
                return Some((Count::Vague, i + 2));
            }
            if self.word(i + 1, "couple") && self.word(i + 2, "of") {
                return Some((Count::N(2), i + 3));
            }
            return Some((Count::Article, i + 1));
        }
        if lexicon::vague_count(t.lower) {
            return Some((Count::Vague, i + 1));
        }
        let n = lexicon::cardinal(t.lower)?;
        // `twenty-five`
        if n >= 20 && self.dash(i + 1) && self.adjacent(i + 1) {
            if let Some(units) = lexicon::cardinal(self.lower(i + 2)).filter(|u| *u < 10) {
                return Some((Count::N(n + units), i + 3));
            }
        }
        Some((Count::N(n), i + 1))
    }

    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let (u, plural) = lexicon::unit(t.lower)?;
        Some((u, plural, i + 1))
    }

    pub(super) fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word || !t.capitalized() {
            return None;
        }
        Some((lexicon::weekday(t.lower)?, i + 1))
    }

    pub(super) fn shift_word(&self, i: usize) -> Option<i32> {
        match self.lower(i) {
            "this" => Some(0),
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        }
    }
}
