//! The matcher for Russian, Ukrainian, Belarusian and Polish: the same meanings as the
//! English matchers ([`Sem`], resolved by the same `resolve`), found over a language's
//! table of inflected forms (`slavic_lexicon`). Case endings, free word order around
//! prepositions and day-before-month dates make it a matcher of its own rather than a
//! second vocabulary for the English one; numeric forms (`2022-10-04`, clock times) are
//! the English matcher's.

use super::intervals::{is_explicit, propagate_year};
use super::{day_fits, day_range, dotted_date, has_day, longest, valid, Count, Found, Hit, Line};
use crate::temporal::lexicon::Unit;
use crate::temporal::sem::{Cal, Clock, Lean, Sem};
use crate::temporal::slavic_lexicon::{
    ends_as_infinitive, normalise, Entry, Lexicon, PhraseMeaning,
};
use crate::temporal::token::{TokKind, Token};

/// Finds every expression in the token list, in text order, without overlaps: the
/// counterpart of [`super::recognize`] for a language with a table.
pub fn recognize(tokens: &[Token<'_>], lexicon: &Lexicon) -> Vec<Found> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for i in 0..=tokens.len() {
        let boundary = i == tokens.len() || (i > line_start && tokens[i].nl_before);
        if !boundary {
            continue;
        }
        let line = SlavicLine {
            t: tokens.get(line_start..i).unwrap_or(&[]),
            lexicon,
        };
        line.scan(line_start, &mut found);
        line_start = i;
    }
    found
}

/// Whether the sentence around token `at` speaks of the future (`будет`, `planuje`): then
/// a weekday or month without a year is the next one.
pub fn looks_forward(tokens: &[Token<'_>], at: usize, lexicon: &Lexicon) -> bool {
    if named_as_target(tokens, at, lexicon) {
        return true;
    }
    let ends_sentence = |t: &Token<'_>| matches!(t.text, "." | "!" | "?" | ";" | "«" | "»");
    let is_future = |i: usize| {
        let t = &tokens[i];
        let entry = (t.kind == TokKind::Word)
            .then(|| lexicon.get(t.lower))
            .flatten();
        entry.is_some_and(|entry| {
            entry.future
                || entry.schedules
                    && tokens.get(i + 1).is_some_and(|next| {
                        next.kind == TokKind::Word
                            && !next.nl_before
                            && ends_as_infinitive(next.lower)
                    })
        })
    };
    let mut i = at;
    for _ in 0..20 {
        if i == 0 || tokens[i].nl_before || ends_sentence(&tokens[i - 1]) {
            break;
        }
        i -= 1;
        if is_future(i) {
            return true;
        }
    }
    for i in (at + 1..tokens.len()).take(8) {
        if tokens[i].nl_before || ends_sentence(&tokens[i]) {
            break;
        }
        if is_future(i) {
            return true;
        }
    }
    false
}

/// Whether the expression at token `at` is a month, weekday or season after `на`, `na`:
/// what something is set for or moved to (`перенесли на осень`, `назначили на
/// понедельник`, `przełożono na jesień`), the next one whatever the verb's tense. Not
/// the night before a day (`в ночь на понедельник`, `w nocy z niedzieli na
/// poniedziałek`), which has passed.
fn named_as_target(tokens: &[Token<'_>], at: usize, lexicon: &Lexicon) -> bool {
    let is_on = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.lower, "на" | "na"))
    };
    let (on, named) = if is_on(at) {
        (at, at + 1)
    } else if at.checked_sub(1).is_some_and(is_on) {
        (at - 1, at)
    } else {
        return false;
    };
    let calendar_name = tokens.get(named).is_some_and(|t| {
        t.kind == TokKind::Word
            && lexicon.get(t.lower).is_some_and(|entry| {
                entry.month.is_some() || entry.weekday.is_some() || entry.season.is_some()
            })
    });
    let after_night = (on.saturating_sub(3)..on).any(|i| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.lower, "ночь" | "ніч" | "ноч" | "noc" | "nocy"))
    });
    calendar_name && !after_night
}

/// `and` in the four languages, as it joins two days of one month (`3 и 4 ноября`,
/// `3 і 4 листапада`, `3 та 4 листопада`, `3 ды 4`, `3 i 4 listopada`).
const SLAVIC_AND: &[&str] = &["и", "і", "й", "та", "ды", "i", "oraz"];

/// The seasons' nominatives in the four languages: the forms that are also names.
const SEASON_NOMINATIVES: &[&str] = &[
    "весна",
    "лето",
    "осень",
    "зима",
    "літо",
    "осінь",
    "вясна",
    "лета",
    "восень",
    "зіма",
    "wiosna",
    "lato",
    "jesień",
    "zima",
];

struct SlavicLine<'l, 'a> {
    t: &'l [Token<'a>],
    lexicon: &'l Lexicon,
}

impl<'a> SlavicLine<'_, 'a> {
    fn english(&self) -> Line<'_, 'a> {
        Line { t: self.t }
    }

    fn scan(&self, offset: usize, out: &mut Vec<Found>) {
        let may_start = |i: usize| match self.t[i].kind {
            TokKind::Num => true,
            TokKind::Word => self.entry(i).is_some(),
            TokKind::Punct => false,
        };
        super::scan_tokens(self.t.len(), offset, out, may_start, |i| self.best_at(i));
    }

    fn best_at(&self, i: usize) -> Hit<Sem> {
        let point = self.point(i);
        let candidates = [
            self.interval(i, point),
            self.time(i, point),
            self.phrase(i),
            point.map(|(e, c)| (e, Sem::Point(c))),
            self.duration(i),
            self.vague(i),
        ];
        longest(candidates)
    }

    // ----- words ----------------------------------------------------------------------

    /// The table's entry for the word at `i` and the index after it: a word split by an
    /// apostrophe (`п’ятниця`: `п`, `’`, `ятниця`) is joined first.
    fn entry_end(&self, i: usize) -> Option<(&Entry, usize)> {
        let t = self.t.get(i).filter(|t| t.kind == TokKind::Word)?;
        let apostrophe = self
            .t
            .get(i + 1)
            .is_some_and(|p| matches!(p.text, "'" | "’" | "ʼ") && !p.space_before);
        if apostrophe {
            if let Some(rest) = self
                .t
                .get(i + 2)
                .filter(|r| r.kind == TokKind::Word && !r.space_before)
            {
                let joined = normalise(&format!("{}'{}", t.lower, rest.lower));
                if let Some(entry) = self.lexicon.get(&joined) {
                    return Some((entry, i + 3));
                }
            }
        }
        // `ʼ` (U+02BC) is a letter to the tokenizer, so `пʼятниця` is one word; the
        // table's keys spell every apostrophe `'`.
        let entry = match t.lower.contains('ʼ') {
            true => self.lexicon.get(&normalise(t.lower)),
            false => self.lexicon.get(t.lower),
        };
        entry.map(|entry| (entry, i + 1))
    }

    fn entry(&self, i: usize) -> Option<&Entry> {
        self.entry_end(i).map(|(entry, _)| entry)
    }

    fn has(&self, i: usize, test: impl Fn(&Entry) -> bool) -> bool {
        self.entry(i).is_some_and(test)
    }

    // The token tests the English matcher has, asked of it.
    fn lower(&self, i: usize) -> &'a str {
        self.english().lower(i)
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        self.english().punct(i, c)
    }

    fn adjacent(&self, i: usize) -> bool {
        self.english().adjacent(i)
    }

    fn dash(&self, i: usize) -> bool {
        self.english().dash(i)
    }

    fn int(&self, i: usize) -> Option<u32> {
        self.english().int(i)
    }

    fn digits(&self, i: usize) -> usize {
        self.english().digits(i)
    }

    /// Whether the word before `i` lets a bare month or year be a date (`в`, `od`,
    /// `начале`).
    fn after_preposition(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| {
            self.has(p, |e| {
                e.preposition || e.range_from || e.range_to || e.modifier
            })
        })
    }

    // ----- pieces -----------------------------------------------------------------------

    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let (entry, end) = self.entry_end(i)?;
        Some((entry.month?, end))
    }

    fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        let (entry, end) = self.entry_end(i)?;
        Some((entry.weekday?, end))
    }

    fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        let (entry, end) = self.entry_end(i)?;
        Some((entry.unit?, end))
    }

    fn shift(&self, i: usize) -> Option<(i32, usize)> {
        let (entry, end) = self.entry_end(i)?;
        Some((entry.shift?, end))
    }

    /// A day of the month, `7` or `7-го`.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let n = self.int(i)?;
        if self.digits(i) > 2 || !(1..=31).contains(&n) {
            return None;
        }
        if self.punct(i + 1, ":") && self.adjacent(i + 1) {
            return None;
        }
        let end = if self.dash(i + 1)
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && matches!(self.lower(i + 2), "го" | "е" | "ое")
        {
            i + 3
        } else {
            i + 1
        };
        Some((n as u8, end))
    }

    /// After a year's digits: `года`, `г.`, `r.`; the index after them.
    fn year_word(&self, i: usize) -> usize {
        if !self.has(i, |e| e.year_word) {
            return i;
        }
        // Abbreviations take their full stop: `г.`, `р.`, `r.`, `гг.`.
        if matches!(self.lower(i), "г" | "гг" | "р" | "рр" | "r" | "rr")
            && self.punct(i + 1, ".")
            && self.adjacent(i + 1)
        {
            i + 2
        } else {
            i + 1
        }
    }

    /// Four digits that can be a year, and the index after its year word if any.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let n = self.int(i)?;
        if self.digits(i) != 4 || !(1000..=2199).contains(&n) {
            return None;
        }
        if self.adjacent(i + 1) && self.t.get(i + 1).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        Some((n as i32, self.year_word(i + 1)))
    }

    /// A year standing alone: with its year word, or between 1900 and 2100 after a
    /// preposition or not followed by a word it would count (`2000 человек`). `около`
    /// and `około` before a count are `about` (`около 1950 человек`), not `around`.
    fn bare_year(&self, i: usize) -> Option<(i32, usize)> {
        let (y, end) = self.year(i)?;
        if end > i + 1 {
            return Some((y, end));
        }
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let about = i
            .checked_sub(1)
            .is_some_and(|p| matches!(self.lower(p), "около" | "około"));
        if self.after_preposition(i) && !about {
            return Some((y, end));
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| self.t.get(p)) {
            // `№2022`, `$2000` (but not `(2022)`).
            if p.kind == TokKind::Punct && self.adjacent(i) && !matches!(p.text, "(" | "«" | "\"")
            {
                return None;
            }
        }
        let next = self.t.get(end);
        let counts_something =
            next.is_some_and(|t| t.kind == TokKind::Word || matches!(t.text, "%" | "$" | "€"));
        let glued_number = (self.punct(end, ",") || self.punct(end, ".") || self.punct(end, ":"))
            && self.adjacent(end)
            && self.int(end + 1).is_some();
        (!counts_something && !glued_number).then_some((y, end))
    }

    /// A count: digits (at most three), a number word, or a vague quantity.
    fn count(&self, i: usize) -> Option<(Count, usize)> {
        let t = self.t.get(i)?;
        if t.kind == TokKind::Num {
            if self.digits(i) > 3 {
                return None;
            }
            return Some((Count::N(t.int()?), i + 1));
        }
        let (entry, end) = self.entry_end(i)?;
        if entry.vague_count {
            return Some((Count::Vague, end));
        }
        Some((Count::N(entry.count?), end))
    }

    // ----- points -----------------------------------------------------------------------

    fn point(&self, i: usize) -> Hit<Cal> {
        let candidates = [
            self.numeric(i),
            self.english().iso(i),
            self.weekday_date(i),
            self.explicit(i),
            self.season(i),
            self.decade(i),
            self.bare_year(i).map(|(y, e)| (e, Cal::year(y))),
            self.relative(i),
        ];
        longest(candidates)
    }

    /// `04.10.2022`, `4.10.2022 г.`: one number token with its dots.
    fn numeric(&self, i: usize) -> Hit<Cal> {
        let t = self.t.get(i).filter(|t| t.kind == TokKind::Num)?;
        Some((self.year_word(i + 1), dotted_date(t.text)?))
    }

    /// `четверг, 29 сентября`: the weekday belongs to the date.
    fn weekday_date(&self, i: usize) -> Hit<Cal> {
        let j = if self.has(i, |e| e.preposition) {
            i + 1
        } else {
            i
        };
        let (_, k) = self.weekday(j)?;
        let k = if self.punct(k, ",") { k + 1 } else { k };
        self.explicit(k).filter(|(_, c)| has_day(c))
    }

    /// Day-month(-year), month-year, a month of a shifted year, a bare month after a
    /// preposition.
    fn explicit(&self, i: usize) -> Hit<Cal> {
        if let Some((d, j)) = self.day(i) {
            let (m, k) = self.month(j)?;
            if !day_fits(m, d) {
                return None;
            }
            if let Some((y, e)) = self.year(k).filter(|(y, _)| valid(*y, m, d)) {
                return Some((e, Cal::ymd(Some(y), m, Some(d))));
            }
            return Some((k, Cal::ymd(None, m, Some(d))));
        }
        let (m, j) = self.month(i)?;
        if let Some((y, e)) = self.year(j) {
            return Some((e, Cal::ymd(Some(y), m, None)));
        }
        // `в сентябре прошлого года`: a month of the year before the article's.
        if let Some((shift, k)) = self.shift(j) {
            if let Some((Unit::Year, e)) = self.unit(k) {
                return Some((
                    e,
                    Cal::MonthOfShiftedYear {
                        month: m,
                        year_shift: shift,
                    },
                ));
            }
        }
        if let Some((shift, e)) = self
            .entry_end(j)
            .and_then(|(e, end)| Some((e.year_shift?, end)))
        {
            return Some((
                e,
                Cal::MonthOfShiftedYear {
                    month: m,
                    year_shift: shift,
                },
            ));
        }
        self.after_preposition(i)
            .then_some((j, Cal::ymd(None, m, None)))
    }

    /// `летом`, `летом 2022 года`, `прошлой зимой`, `w zeszłą zimę`.
    fn season(&self, i: usize) -> Hit<Cal> {
        let (shift, j) = match self.shift(i) {
            Some((shift, j)) => (Some(shift), j),
            None => (None, i),
        };
        let (entry, end) = self.entry_end(j)?;
        let season = entry.season?;
        if let Some((y, e)) = self.year(end) {
            return Some((
                e,
                Cal::Season {
                    year: Some(y),
                    season,
                    shift: None,
                },
            ));
        }
        // `Вясна паведаміла`, `Wiosna zdobyła mandaty`: a capitalised season in the
        // nominative, with no year, shift or preposition, is a name (the rights group
        // Viasna, the party Wiosna). A time is told in another case (`Летом`, `Вясной`)
        // or after a preposition (`У вясну`).
        // Inside a sentence, a capitalised season is a name in any case, since seasons are
        // written in lower case (`Паводле «Вясны»`, `праваабаронцы Вясны`).
        let inside_sentence = j.checked_sub(1).is_some_and(|before| {
            !self.t[j].nl_before && !matches!(self.t[before].text, "." | "!" | "?" | "…")
        });
        let named = shift.is_none()
            && self.t.get(j).is_some_and(|t| {
                t.capitalized()
                    && (inside_sentence
                        || SEASON_NOMINATIVES.contains(&t.lower) && !self.after_preposition(j))
            });
        if named {
            return None;
        }
        Some((
            end,
            Cal::Season {
                year: None,
                season,
                shift,
            },
        ))
    }

    /// `1990-х`, `90-е годы`, `lata 90.`, `w latach 90-tych`.
    fn decade(&self, i: usize) -> Hit<Cal> {
        let (j, worded) = if self.has(i, |e| e.decade_word) {
            (i + 1, true)
        } else {
            (i, false)
        };
        let n = self.int(j)?;
        if n % 10 != 0 {
            return None;
        }
        let decade = match self.digits(j) {
            4 if (1000..=2190).contains(&n) => n as i32 / 10,
            2 => 190 + n as i32 / 10,
            _ => return None,
        };
        let mut end = j + 1;
        let suffixed = self.dash(end)
            && self.adjacent(end)
            && self.adjacent(end + 1)
            && self
                .t
                .get(end + 1)
                .is_some_and(|t| self.lexicon.data.decade_suffixes.contains(&t.lower));
        if suffixed {
            end += 2;
        } else if worded && self.punct(end, ".") && self.adjacent(end) {
            end += 1;
        } else if !worded {
            return None;
        }
        if let Some((Unit::Year, e)) = self.unit(end) {
            end = e;
        }
        Some((end, Cal::Decade(decade)))
    }

    /// Counted from the article date: `вчера`, `в прошлый вторник`, `на прошлой неделе`,
    /// `в среду`, `торік`, `три дня назад`.
    fn relative(&self, i: usize) -> Hit<Cal> {
        let (entry, end) = self.entry_end(i)?;
        if let Some(shift) = entry.day_shift {
            return Some((end, Cal::DayShift(shift)));
        }
        if let Some(shift) = entry.year_shift {
            return Some((
                end,
                Cal::UnitShift {
                    unit: Unit::Year,
                    shift,
                },
            ));
        }
        // A preposition is part of a weekday or a shifted unit: `во вторник`, `на неделе`.
        let j = if entry.preposition { end } else { i };
        let start_entry = if j == i { Some(entry) } else { self.entry(j) };
        let start_entry = start_entry?;
        // `в начале недели`, `до конца года`, `pod koniec tygodnia`: a part of the
        // article's own week, month or year, as `the start of the week`. A year's digits
        // (`в начале 2022 года`) or a shift (`в конце прошлого года`) are read from their
        // own words.
        if start_entry.modifier {
            let mut k = self.entry_end(j)?.1;
            if self.has(k, |e| e.modifier) {
                k = self.entry_end(k)?.1;
            }
            if let Some((unit, e)) = self.unit(k) {
                if matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
                    return Some((e, Cal::UnitShift { unit, shift: 0 }));
                }
            }
        }
        if let Some(shift) = start_entry.shift {
            let k = self.entry_end(j)?.1;
            if let Some((unit, e)) = self.unit(k) {
                if !matches!(unit, Unit::Minute | Unit::Hour | Unit::Day) {
                    return Some((e, Cal::UnitShift { unit, shift }));
                }
            }
            if let Some((weekday, e)) = self.weekday(k) {
                return Some((
                    e,
                    Cal::Weekday {
                        weekday,
                        shift: Some(shift),
                    },
                ));
            }
            if let Some((month, e)) = self.month(k) {
                return Some((e, Cal::MonthShift { month, shift }));
            }
        }
        if let Some((weekday, e)) = self.weekday(j) {
            return Some((
                e,
                Cal::Weekday {
                    weekday,
                    shift: None,
                },
            ));
        }
        // `три дня назад`, `неделю назад`, `несколько дней назад`.
        let (count, k) = match self.count(i) {
            Some((c, k)) => (Some(c), k),
            None => (None, i),
        };
        let (unit, e) = self.unit(k)?;
        let (ago, ago_end) = self.entry_end(e)?;
        if !ago.ago {
            return None;
        }
        // `три дня тому назад`.
        let ago_end = if self.has(ago_end, |e| e.ago) {
            ago_end + 1
        } else {
            ago_end
        };
        let count = match count {
            Some(c) => c.number(),
            None => Some(1),
        };
        Some((ago_end, Cal::Ago { unit, count }))
    }

    // ----- ranges, times, durations, vague words ----------------------------------------

    /// `с 7 по 10 октября`, `7–10 жовтня`, `od 7 do 10 października 2022 r.`,
    /// `с 2020 по 2022 год`, `2020–2022`, `с сентября по ноябрь`.
    fn interval(&self, i: usize, point_at_i: Hit<Cal>) -> Hit<Sem> {
        let prefixed = self.has(i, |e| e.range_from);
        // Polish says the night's `from` with `z`, which is not a range's `od`.
        let night_from = !prefixed && matches!(self.lower(i), "z" | "ze");
        let j = if prefixed || night_from { i + 1 } else { i };
        let to_word = |k: usize| self.dash(k) || (prefixed && self.has(k, |e| e.range_to));
        // D1 (-|по) D2 Month [Year]; two days in a row, `3 и 4 ноября`, and the night
        // between them, `в ночь с 9 на 10 ноября` (days further apart are two dates).
        if let Some((d1, k)) = self.day(j) {
            let next_day = SLAVIC_AND.contains(&self.lower(k))
                || ((prefixed || night_from) && matches!(self.lower(k), "на" | "na"));
            if to_word(k) || next_day {
                let joined = |d2: &u8| !next_day || *d2 == d1 + 1;
                if let Some((d2, l)) = self.day(k + 1).filter(|(d2, _)| *d2 > d1 && joined(d2)) {
                    if let Some((m, e)) = self.month(l) {
                        if let Some(hit) = day_range(d1, d2, m, e, self.year(e)) {
                            return Some(hit);
                        }
                    }
                }
            }
        }
        // Year (-|по) Year [years]
        if let Some((y1, k)) = self.year(j).filter(|(_, k)| *k == j + 1) {
            let glued = self.dash(k) && self.adjacent(k) && self.adjacent(k + 1);
            if glued || (prefixed && to_word(k)) {
                if let Some((y2, e)) = self.year(k + 1).filter(|(y2, _)| *y2 > y1) {
                    return Some((e, Sem::Interval(Cal::year(y1), Cal::year(y2))));
                }
            }
        }
        let (k, p1) = if j == i { point_at_i } else { self.point(j) }?;
        if !is_explicit(&p1) || !to_word(k) {
            return None;
        }
        let (end, p2) = self.point(k + 1)?;
        // Without `с`/`od` only day-to-day ranges are trusted (`7 октября – 10 ноября`).
        let trusted = prefixed || (has_day(&p1) && has_day(&p2));
        if !is_explicit(&p2) || !trusted {
            return None;
        }
        Some((end, Sem::Interval(propagate_year(p1, &p2), p2)))
    }

    /// A part of the day, after or before its day (`вчера вечером`, `wieczorem w
    /// piątek`), or alone (on the article's day); a clock time (`в 16:15`).
    fn time(&self, i: usize, point_at_i: Hit<Cal>) -> Hit<Sem> {
        let day_like = |c: &Cal| has_day(c) || matches!(c, Cal::DayShift(_) | Cal::Weekday { .. });
        // A preposition may stand between (`w piątek po południu`, `wczoraj w nocy`).
        let part_at = |k: usize| -> Option<(&'static str, usize)> {
            let k = if self.has(k, |e| e.preposition && e.part.is_none()) {
                k + 1
            } else {
                k
            };
            let (entry, end) = self.entry_end(k)?;
            if let Some(before) = entry.part_only_after {
                if k == 0 || self.lower(k - 1) != before {
                    return None;
                }
            }
            Some((entry.part?, end))
        };
        if let Some((end, cal)) = point_at_i.filter(|(_, c)| day_like(c)) {
            if let Some((part, e)) = part_at(end) {
                return Some((
                    e,
                    Sem::Time {
                        date: Some(cal),
                        clock: Clock::Part(part),
                    },
                ));
            }
        }
        // `этой ночью` (0), `прошлой ночью` (-1).
        if let Some((shift, j)) = self.shift(i) {
            if let Some((part, e)) = self
                .entry_end(j)
                .and_then(|(entry, e)| Some((entry.part?, e)))
            {
                return Some((
                    e,
                    Sem::Time {
                        date: Some(Cal::DayShift(shift.min(0))),
                        clock: Clock::Part(part),
                    },
                ));
            }
        }
        if let Some((part, e)) = part_at(i) {
            if let Some((end, cal)) = self.point(e).filter(|(_, c)| day_like(c)) {
                return Some((
                    end,
                    Sem::Time {
                        date: Some(cal),
                        clock: Clock::Part(part),
                    },
                ));
            }
            // `w nocy z 9 na 10 listopada`: the night of the first day.
            if part == "NI" {
                if let Some((end, Sem::Interval(first, _))) = self.interval(e, None) {
                    if has_day(&first) && matches!(self.lower(e), "z" | "ze" | "с" | "з" | "ад")
                    {
                        return Some((
                            end,
                            Sem::Time {
                                date: Some(first),
                                clock: Clock::Part(part),
                            },
                        ));
                    }
                }
            }
            // `вечером того же дня`, `wieczorem tego samego dnia`, `вечером накануне`: the
            // evening of the day an earlier sentence gives, or of the eve.
            if let Some((end, Sem::Anaphoric(lean))) = self.phrase(e) {
                let leaning =
                    crate::temporal::sem::leaning_part(part).and_then(|part| lean.with_part(part));
                if let Some(lean) = leaning {
                    return Some((end, Sem::Anaphoric(lean)));
                }
            }
            // Alone, the part takes its day from the article, or from an earlier sentence
            // of its paragraph (`resolve_anaphora`); `w nocy` and `po południu` alone need
            // their preposition, which is kept.
            if self.has(i, |e| e.part.is_some()) || e > i + 1 {
                return Some((
                    e,
                    Sem::Time {
                        date: None,
                        clock: Clock::Part(part),
                    },
                ));
            }
        }
        let j = if self.has(i, |e| e.preposition) {
            i + 1
        } else {
            i
        };
        let (clock, e) = self.english().clock(j).filter(|_| self.punct(j + 1, ":"))?;
        let date = self.point(e).filter(|(_, c)| day_like(c));
        Some(super::times::time_on(clock, e, date))
    }

    /// `три дня`, `5 лет`, `несколько недель`, `в течение недели`.
    fn duration(&self, i: usize) -> Hit<Sem> {
        if self.has(i, |e| e.duration_cue) {
            if let Some((unit, e)) = self.unit(i + 1) {
                return Some((
                    e,
                    Sem::Duration {
                        value: unit.duration(Some(1)),
                        vague: false,
                    },
                ));
            }
        }
        let (count, j) = self.count(i)?;
        let (unit, e) = self.unit(j)?;
        if self.has(e, |entry| entry.ago) {
            return None;
        }
        Some((
            e,
            Sem::Duration {
                value: unit.duration(count.number()),
                vague: count == Count::Vague,
            },
        ))
    }

    fn vague(&self, i: usize) -> Hit<Sem> {
        let (entry, end) = self.entry_end(i)?;
        Some((end, Sem::Vague(entry.vague?)))
    }

    /// A half or quarter of the year whose phrase ends at `at`, made by `part` from the
    /// year that follows it (`2025 года`: a year; `прошлого года`, `tego roku`: a shift;
    /// neither, when none follows), with where it ends.
    fn part_of_year(
        &self,
        at: usize,
        part: impl Fn(Option<i32>, Option<i32>) -> Cal,
    ) -> (usize, Sem) {
        if let Some((year, end)) = self.year(at) {
            return (end, Sem::Point(part(Some(year), None)));
        }
        if let Some((shift, k)) = self.shift(at) {
            if let Some((Unit::Year, end)) = self.unit(k) {
                return (end, Sem::Point(part(None, Some(shift))));
            }
        }
        (at, Sem::Point(part(None, None)))
    }

    /// The part of the day at `at`, as a leaning value writes it (TimeML's time of day:
    /// `TEV`), with where it ends.
    fn part_after(&self, at: usize) -> Option<(&'static str, usize)> {
        let (entry, end) = self.entry_end(at)?;
        Some((crate::temporal::sem::leaning_part(entry.part?)?, end))
    }

    /// Fixed phrases: `в настоящее время`, `на следующий день`, `w przyszłości`.
    fn phrase(&self, i: usize) -> Hit<Sem> {
        if !self.has(i, |e| e.phrase_start) {
            return None;
        }
        let mut best: Hit<Sem> = None;
        for (words, meaning) in self.lexicon.data.phrases {
            let matches = words
                .iter()
                .enumerate()
                .all(|(k, word)| self.lower(i + k) == *word && self.t.get(i + k).is_some());
            let end = i + words.len();
            if matches && best.as_ref().is_none_or(|(e, _)| end > *e) {
                let (end, sem) = match *meaning {
                    PhraseMeaning::Vague(value) => (end, Sem::Vague(value)),
                    // `в тот же день вечером`: that day's evening; `накануне вечером`:
                    // the eve's.
                    PhraseMeaning::Lean(_) | PhraseMeaning::Eve => {
                        let lean = match *meaning {
                            PhraseMeaning::Lean(shift) => Lean::Day { shift, part: None },
                            _ => Lean::Eve { part: None },
                        };
                        let with_part = self
                            .part_after(end)
                            .and_then(|(part, part_end)| Some((part_end, lean.with_part(part)?)));
                        let (end, lean) = with_part.unwrap_or((end, lean));
                        (end, Sem::Anaphoric(lean))
                    }
                    PhraseMeaning::Weekend => (end, Sem::Point(Cal::TheWeekend)),
                    PhraseMeaning::Past(unit) => (end, Sem::RecentSpan { unit, count: 1 }),
                    // A half or quarter takes the year that follows it.
                    PhraseMeaning::Half(half) => {
                        self.part_of_year(end, |year, year_shift| Cal::Half {
                            year,
                            year_shift,
                            half,
                        })
                    }
                    PhraseMeaning::Quarter(quarter) => {
                        self.part_of_year(end, |year, year_shift| Cal::Quarter {
                            year,
                            year_shift,
                            quarter,
                        })
                    }
                    PhraseMeaning::LastNight => (
                        end,
                        Sem::Time {
                            date: Some(Cal::DayShift(-1)),
                            clock: Clock::Part("NI"),
                        },
                    ),
                };
                best = Some((end, sem));
            }
        }
        best
    }
}
