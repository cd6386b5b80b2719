//! The recognizer: a hand-written matcher over tokens that finds temporal expressions
//! and says what they mean ([`Sem`]), leaving calendar arithmetic to `resolve`.
//!
//! At each token every matcher is tried and the longest match wins (the earliest
//! matcher on ties); matching then resumes after it, so results never overlap. A match
//! never crosses a line break: headings and captions stay on their own.
//!
//! Here: the scan, the choice among matchers, and the token helpers every matcher uses.
//! The matchers are `impl Line` blocks by family: `numbers` (months, days, years, counts,
//! units), `points` (calendar points, absolute and relative), `intervals` (ranges of two
//! points), `times` (times and parts of the day), `durations` (durations and sets) and
//! `references` (vague and anaphoric references).

use super::lexicon;
use super::sem::{Cal, Sem};
use super::token::{TokKind, Token};

mod durations;
mod intervals;
mod numbers;
mod points;
mod references;
pub mod slavic;
mod times;

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

/// The expressions of a line of `tokens` tokens (the first at `offset` of the text's),
/// left to right: at each token `may_start` lets through, the longest `best_at` finds
/// there, then on from its end. The English and the Slavic matchers' one loop.
fn scan_tokens(
    tokens: usize,
    offset: usize,
    out: &mut Vec<Found>,
    mut may_start: impl FnMut(usize) -> bool,
    best_at: impl Fn(usize) -> Hit<Sem>,
) {
    let mut i = 0;
    while i < tokens {
        if !may_start(i) {
            i += 1;
            continue;
        }
        match best_at(i) {
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

impl<'a> Line<'_, 'a> {
    fn scan(&self, offset: usize, skip_non_starters: bool, out: &mut Vec<Found>) {
        // The class of the word after a word never alone, asked for already.
        let mut next_class: Option<(usize, lexicon::WordClass)> = None;
        // Most tokens start no expression; trying every matcher at each of them was the
        // recognizer's main cost.
        let may_start = |i: usize| {
            !skip_non_starters
                || match self.t[i].kind {
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
                }
        };
        scan_tokens(self.t.len(), offset, out, may_start, |i| self.best_at(i));
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

    fn lower(&self, i: usize) -> &'a str {
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
/// `D1–D2 Month [Year]` once its parts are read (`month_end` after the month, `year` the
/// one that may follow it): the range of days, with that year when it fits the last day.
fn day_range(d1: u8, d2: u8, m: u8, month_end: usize, year: Option<(i32, usize)>) -> Hit<Sem> {
    if !day_fits(m, d2) {
        return None;
    }
    let (year, end) = match year {
        Some((y, year_end)) if valid(y, m, d2) => (Some(y), year_end),
        _ => (None, month_end),
    };
    Some((
        end,
        Sem::Interval(Cal::ymd(year, m, Some(d1)), Cal::ymd(year, m, Some(d2))),
    ))
}

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

/// The date a number token with two dots spells (`04.10.2022`, `4.10.2022`): day, month,
/// four-digit year, as dates are written in Europe.
fn dotted_date(text: &str) -> Option<Cal> {
    let mut parts = text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    valid(y, m, d).then(|| Cal::ymd(Some(y), m, Some(d)))
}

fn has_day(cal: &Cal) -> bool {
    matches!(cal, Cal::Ymd { day: Some(_), .. })
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
