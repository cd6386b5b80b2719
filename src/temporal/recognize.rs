//! The recognizer: a hand-written matcher over tokens that finds temporal expressions
//! and says what they mean ([`Sem`]), leaving calendar arithmetic to `resolve`.
//!
//! At each token every matcher is tried and the longest match wins (the earliest
//! matcher on ties); matching then resumes after it, so results never overlap. A match
//! never crosses a line break: headings and captions stay on their own.

use super::lexicon::{self, Unit};
use super::sem::{Cal, Clock, Lean, Sem};
use super::token::{TokKind, Token};

/// One recognized expression: tokens `start..end` of the whole text's token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

/// Finds every expression in the token list, in text order, without overlaps.
pub fn recognize(tokens: &[Token<'_>]) -> Vec<Found> {
    recognize_with(tokens, true)
}

/// [`recognize`] trying every matcher at every token: the reference for the skipping.
#[cfg(test)]
pub fn recognize_every_token(tokens: &[Token<'_>]) -> Vec<Found> {
    recognize_with(tokens, false)
}

fn recognize_with(tokens: &[Token<'_>], skip_non_starters: bool) -> Vec<Found> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for i in 0..=tokens.len() {
        let boundary = i == tokens.len() || (i > line_start && tokens[i].nl_before);
        if !boundary {
            continue;
        }
        let line = Line {
            t: tokens.get(line_start..i).unwrap_or(&[]),
        };
        line.scan(line_start, skip_non_starters, &mut found);
        line_start = i;
    }
    found
}

type Hit<T> = Option<(usize, T)>;

/// Count of a duration or `ago` phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    N(u32),
    /// `a`/`an`: a count of one that needs context to be trusted as a duration.
    Article,
    Vague,
}

impl Count {
    fn number(self) -> Option<u32> {
        match self {
            Count::N(n) => Some(n),
            Count::Article => Some(1),
            Count::Vague => None,
        }
    }
}

struct Line<'l, 'a> {
    t: &'l [Token<'a>],
}

impl<'a> Line<'_, 'a> {
    fn scan(&self, offset: usize, skip_non_starters: bool, out: &mut Vec<Found>) {
        let mut i = 0;
        // The class of the word after a word never alone, asked for already.
        let mut next_class: Option<(usize, lexicon::WordClass)> = None;
        while i < self.t.len() {
            // Most tokens start no expression; trying every matcher at each of them was
            // the recognizer's main cost.
            let may_start = match self.t[i].kind {
                TokKind::Num => true,
                TokKind::Word => {
                    let class = match next_class {
                        Some((at, class)) if at == i => class,
                        _ => lexicon::classify(self.t[i].lower),
                    };
                    class.starts()
                        && !(class.never_alone()
                            && self.tok(i + 1).is_some_and(|next| {
                                next.kind == TokKind::Word && {
                                    let class = lexicon::classify(next.lower);
                                    next_class = Some((i + 1, class));
                                    !class.listed()
                                }
                            }))
                }
                TokKind::Punct => false,
            };
            if skip_non_starters && !may_start {
                i += 1;
                continue;
            }
            match self.best_at(i) {
                Some((end, sem)) if end > i => {
                    out.push(Found {
                        start: offset + i,
                        end: offset + end,
                        sem,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    fn best_at(&self, i: usize) -> Hit<Sem> {
        // An interval starts with a point: that point is found once, for both.
        let point = self.point(i);
        let candidates = [
            self.interval(i, point),
            self.time(i),
            point.map(|(e, c)| (e, Sem::Point(c))),
            self.duration(i),
            self.set(i),
            self.vague(i),
            self.anaphoric(i),
        ];
        longest(candidates)
    }

    // ----- token helpers -------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.t.get(i)
    }

    fn word(&self, i: usize, w: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.lower == w)
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && words.contains(&t.lower))
    }

    fn lower(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.lower)
    }

    fn prev_lower(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.lower(p))
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.text == c)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn dash(&self, i: usize) -> bool {
        self.punct(i, "-") || self.punct(i, "–") || self.punct(i, "—")
    }

    fn int(&self, i: usize) -> Option<u32> {
        self.tok(i).and_then(Token::int)
    }

    fn digits(&self, i: usize) -> usize {
        self.tok(i)
            .filter(|t| t.kind == TokKind::Num)
            .map_or(0, |t| t.text.len())
    }

    /// Skips an optional word, returning the next index.
    fn opt(&self, i: usize, w: &str) -> usize {
        if self.word(i, w) {
            i + 1
        } else {
            i
        }
    }

    // ----- numbers, months, days, years ------------------------------------------

    /// A capitalised month name or abbreviation (`Feb.`): (month, end, is_abbreviation).
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
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
    fn day(&self, i: usize) -> Option<(u8, usize)> {
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
    fn year(&self, i: usize) -> Option<(i32, usize)> {
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
    fn bare_year(&self, i: usize) -> Option<(i32, usize)> {
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
    fn bare_month_ok(&self, i: usize, month: u8) -> bool {
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
    fn count(&self, i: usize) -> Option<(Count, usize)> {
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

    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let (u, plural) = lexicon::unit(t.lower)?;
        Some((u, plural, i + 1))
    }

    fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word || !t.capitalized() {
            return None;
        }
        Some((lexicon::weekday(t.lower)?, i + 1))
    }

    fn shift_word(&self, i: usize) -> Option<i32> {
        match self.lower(i) {
            "this" => Some(0),
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        }
    }

    // ----- calendar points ---------------------------------------------------------

    /// The longest calendar point starting at `i`.
    fn point(&self, i: usize) -> Hit<Cal> {
        let candidates = [
            self.modified(i),
            self.iso(i),
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

    /// `early March`, `mid-2022`, `the end of 2009`, `earlier this month`.
    fn modified(&self, i: usize) -> Hit<Cal> {
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
    fn iso(&self, i: usize) -> Hit<Cal> {
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

    /// `Thursday, September 29, 2022`: the weekday belongs to the date.
    fn weekday_date(&self, i: usize) -> Hit<Cal> {
        let (_, j) = self.weekday(i)?;
        let j = if self.punct(j, ",") { j + 1 } else { j };
        let j = self.opt(j, "the");
        self.explicit(j)
            .filter(|(_, c)| matches!(c, Cal::Ymd { day: Some(_), .. }))
    }

    /// Month-day(-year), day-month(-year), month-year and bare month names.
    fn explicit(&self, i: usize) -> Hit<Cal> {
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
    fn season(&self, i: usize) -> Hit<Cal> {
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
    fn quarter(&self, i: usize) -> Hit<Cal> {
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
    fn decade(&self, i: usize) -> Hit<Cal> {
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
    fn relative(&self, i: usize) -> Hit<Cal> {
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

    // ----- ranges ------------------------------------------------------------------

    /// Explicit ranges: `March 1-8, 2022`, `February-May 2022`, `2009-2011`,
    /// `from June 22 to July 1`, `between November 2022 and February 2023`.
    /// `point_at_i` is [`Line::point`] at `i`.
    fn interval(&self, i: usize, point_at_i: Hit<Cal>) -> Hit<Sem> {
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
        // D1-D2 Month [Year]
        if let Some((d1, k)) = self.day(j) {
            if self.dash(k) {
                if let Some((d2, l)) = self.day(k + 1).filter(|(d2, _)| *d2 > d1) {
                    if let Some((m, e, _)) = self.month(l) {
                        if day_fits(m, d2) {
                            let (year, end) = match self.year(e) {
                                Some((y, e2)) if valid(y, m, d2) => (Some(y), e2),
                                _ => (None, e),
                            };
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

    // ----- times -------------------------------------------------------------------

    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
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
    fn clock(&self, i: usize) -> Option<(Clock, usize)> {
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

    fn time(&self, i: usize) -> Hit<Sem> {
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
            return Some(match date {
                Some((end, cal)) => (
                    end,
                    Sem::Time {
                        date: Some(cal),
                        clock,
                    },
                ),
                None => (e, Sem::Time { date: None, clock }),
            });
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

    // ----- durations, sets, vague and anaphoric references -------------------------

    /// `nearly`, `over`, `more than`: kept in a duration's span, as TimeML does.
    fn approximator(&self, i: usize) -> Option<usize> {
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

    fn duration(&self, i: usize) -> Hit<Sem> {
        if let Some(j) = self.approximator(i) {
            if let Some((e, sem @ Sem::Duration { .. })) = self.duration_core(j) {
                return Some((e, sem));
            }
        }
        self.duration_core(i)
    }

    fn duration_core(&self, i: usize) -> Hit<Sem> {
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

    fn set(&self, i: usize) -> Hit<Sem> {
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

    fn vague(&self, i: usize) -> Hit<Sem> {
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

    fn anaphoric(&self, i: usize) -> Hit<Sem> {
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

fn duration(unit: Unit, n: u32) -> Sem {
    Sem::Duration {
        value: unit.duration(Some(n)),
        vague: false,
    }
}

impl Cal {
    fn year(y: i32) -> Cal {
        Cal::Ymd {
            year: Some(y),
            month: None,
            day: None,
        }
    }

    fn ymd(year: Option<i32>, month: u8, day: Option<u8>) -> Cal {
        Cal::Ymd {
            year,
            month: Some(month),
            day,
        }
    }
}

/// Whether the day can exist in the month in some year (29 February included).
fn day_fits(month: u8, day: u8) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=max).contains(&day)
}

fn valid(year: i32, month: u8, day: u8) -> bool {
    let Ok(y) = i16::try_from(year) else {
        return false;
    };
    jiff::civil::Date::new(y, month as i8, day as i8).is_ok()
}

fn is_explicit(cal: &Cal) -> bool {
    matches!(
        cal,
        Cal::Ymd { .. }
            | Cal::Season { .. }
            | Cal::Quarter { .. }
            | Cal::Half { .. }
            | Cal::Decade(_)
    )
}

fn has_day(cal: &Cal) -> bool {
    matches!(cal, Cal::Ymd { day: Some(_), .. })
}

/// `April 4 till April 15, 2022`: the start takes the end's year (the year before when
/// its month comes later, as in `December 20 to January 5, 2023`).
fn propagate_year(start: Cal, end: &Cal) -> Cal {
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

/// The candidate that reaches furthest; the first of equals wins (candidates are listed in
/// order of preference).
fn longest<T>(candidates: impl IntoIterator<Item = Hit<T>>) -> Hit<T> {
    let mut best: Hit<T> = None;
    for (end, found) in candidates.into_iter().flatten() {
        if best.as_ref().is_none_or(|(best_end, _)| end > *best_end) {
            best = Some((end, found));
        }
    }
    best
}
