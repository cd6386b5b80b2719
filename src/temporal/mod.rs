//! Temporal expressions: finding them in running text and resolving them against the
//! article's `Date` (TimeML-style values; calendar arithmetic by `jiff`).

pub mod date;
mod lexicon;
mod lexicon_be;
mod lexicon_pl;
mod lexicon_ru;
mod lexicon_uk;
pub mod readable;
mod recognize;
mod resolve;
mod sem;
mod slavic_lexicon;
pub use sem::{Lean, LeanWords};
pub use slavic_lexicon::{ends_as_infinitive, schedule_verbs, scheduled_futures};
pub mod timeml;
mod token;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_languages;

pub use date::{CalendarDate, DateError, Precision};
pub(crate) use lexicon::cardinal as english_cardinal;
pub(crate) use lexicon::timetable_verb;
pub use readable::{readable_uncertain, readable_value};

pub use crate::language::Language;
use crate::text::TextRange;

/// The TimeML type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

/// How the value of an expression was obtained.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Resolution {
    /// The text names the value itself (`May 4, 2022`, `2022-05-04`).
    Absolute,
    /// Computed from the article date; `explanation` says how, in words a user reads on
    /// a hover ("Wednesday before the article date 2022-09-29").
    Relative { explanation: String },
    /// Could not be resolved (the article date is missing or too coarse, ...).
    Unresolved { reason: String },
    /// A vague reference (`recently`, `currently`): value `PAST_REF`, `PRESENT_REF`, ...
    Vague,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timex {
    /// Byte range in the text given to [`find_temporal`].
    pub range: TextRange,
    pub kind: TimexKind,
    /// TimeML value: `2022-09-21`, `2022-09`, `2022`, `2022-W38`, `2022-SU`, `PAST_REF`,
    /// `P2M`, `XXXX-XX-XX`, or an ISO interval `2022-11/2023-02` for explicit ranges.
    /// `None` when unresolved.
    pub value: Option<String>,
    /// Whether the expression anchors its sentence in time (see the spec: vague words,
    /// durations and sets do not).
    pub anchors: bool,
    pub resolution: Resolution,
    /// For an anaphoric expression (`the same day`), how it leans on an earlier date;
    /// [`resolve_anaphora`] finds that date in its paragraph.
    pub lean: Option<Lean>,
    /// The expression whose date an anaphoric one was counted from.
    pub leans_on: Option<TextRange>,
}

/// The byte lengths of the month and weekday names (`May`, `September`, `Wednesday`).
const CALENDAR_NAME_SHORTEST: usize = 3;
const CALENDAR_NAME_LONGEST: usize = 9;

/// Whether a word is a month or weekday name (any case).
pub fn is_calendar_name(word: &str) -> bool {
    // Asked of every capitalised word of a text. The names are three to nine ASCII
    // letters, so a word of another length is none, and a word beyond ASCII is none either:
    // the one character beyond ASCII that lowers to ASCII letters is the Kelvin sign (to
    // `k`), which no name holds (a test walks every character to hold this true). The
    // rest are lowered on the stack.
    if !(CALENDAR_NAME_SHORTEST..=CALENDAR_NAME_LONGEST).contains(&word.len()) || !word.is_ascii() {
        return false;
    }
    let mut buffer = [0u8; CALENDAR_NAME_LONGEST];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| {
        lexicon::month_full(lower).is_some() || lexicon::weekday(lower).is_some()
    })
}

/// Finds every temporal expression in `text`, resolving relative ones against `anchor`
/// (the article date). Never panics; returns expressions in text order, not overlapping.
pub fn find_temporal(text: &str, anchor: Option<CalendarDate>) -> Vec<Timex> {
    find_temporal_in(text, anchor, Language::En)
}

/// [`find_temporal`] for a text in `language`: English runs the English matchers only,
/// the other languages their own table's matcher (`recognize::slavic`). The values,
/// kinds and anchoring rules are the same.
pub fn find_temporal_in(
    text: &str,
    anchor: Option<CalendarDate>,
    language: Language,
) -> Vec<Timex> {
    let mut lowered = String::new();
    let tokens = token::tokenize(text, &mut lowered);
    let lexicon = slavic_lexicon::lexicon(language);
    let found = match lexicon {
        None => recognize::recognize(&tokens),
        Some(lexicon) => recognize::slavic::recognize(&tokens, lexicon),
    };
    let mut weekdays = Vec::new();
    let mut dateless_times = Vec::new();
    let mut timexes: Vec<Timex> = found
        .into_iter()
        .filter_map(|found| {
            let first = tokens.get(found.start)?;
            let last = tokens.get(found.end.checked_sub(1)?)?;
            let future = match lexicon {
                None => looks_forward(&tokens, found.start),
                Some(lexicon) => recognize::slavic::looks_forward(&tokens, found.start, lexicon),
            };
            let resolved =
                if !future && lexicon.is_none() && future_in_the_past(&tokens, found.start) {
                    nearer_of(
                        resolve::resolve(&found.sem, anchor, false),
                        resolve::resolve(&found.sem, anchor, true),
                        anchor,
                    )
                } else {
                    resolve::resolve(&found.sem, anchor, future)
                };
            Some(Timex {
                range: TextRange::new(first.start, last.end),
                kind: resolved.kind,
                value: resolved.value,
                anchors: resolved.anchors,
                resolution: resolved.resolution,
                lean: match found.sem {
                    sem::Sem::Anaphoric(lean) => Some(lean),
                    // A Slavic part of the day alone (`Вечером посланник сказал`) is that
                    // of the day an earlier sentence of its paragraph gives, if one does:
                    // it keeps the article's day otherwise.
                    sem::Sem::Time {
                        date: None,
                        clock: sem::Clock::Part(part),
                    } if lexicon.is_some() => sem::leaning_part(part).map(|part| sem::Lean::Day {
                        shift: 0,
                        part: Some(part),
                    }),
                    _ => None,
                },
                leans_on: None,
            })
            .inspect(|_| {
                dateless_times.push(matches!(found.sem, sem::Sem::Time { date: None, .. }));
                weekdays.push(
                    matches!(
                        found.sem,
                        sem::Sem::Point(sem::Cal::Weekday { shift: None, .. })
                    )
                    .then_some(future),
                )
            })
        })
        .collect();
    mend_weekday_ranges(text, &mut timexes, &weekdays);
    mend_dateless_times(text, &mut timexes, &dateless_times);
    timexes
}

/// `On Tuesday at 10:00`, `Во вторник в 10 ч. утра`, `We wtorek o godz. 10`: a time with
/// no date of its own, right after a day (only a preposition, a clock's hour and its
/// word between), is on that day, not on the article's. `dateless` tells, per timex,
/// whether it is such a time.
fn mend_dateless_times(text: &str, timexes: &mut [Timex], dateless: &[bool]) {
    for at in 1..timexes.len() {
        if dateless.get(at) != Some(&true) || dateless.get(at - 1) == Some(&true) {
            continue;
        }
        let (before, after) = timexes.split_at_mut(at);
        let (day, time) = (&before[at - 1], &mut after[0]);
        let Some(day_value) = day.value.as_deref().filter(|value| {
            value.len() == 10
                && value
                    .bytes()
                    .all(|byte| byte.is_ascii_digit() || byte == b'-')
        }) else {
            continue;
        };
        let gap = text
            .get(day.range.end..time.range.start)
            .unwrap_or_default();
        let joined = gap.len() <= 24
            && gap.split_whitespace().all(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "at" | "в"
                        | "во"
                        | "у"
                        | "ў"
                        | "о"
                        | "об"
                        | "o"
                        | "w"
                        | "ч."
                        | "час"
                        | "часа"
                        | "часов"
                        | "godz."
                        | "godzinie"
                        | "гадзіне"
                        | "годині"
                ) || word
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == ':' || ch == '.')
            });
        let Some(value) = time.value.as_deref().filter(|value| value.len() > 10) else {
            continue;
        };
        if !joined || !value.is_char_boundary(10) {
            continue;
        }
        let mended = format!("{day_value}{}", &value[10..]);
        time.value = Some(mended);
        time.resolution = Resolution::Relative {
            explanation: format!("on {day_value}, the day named right before it"),
        };
    }
}

/// `from Monday to Wednesday`, `с понедельника по среду`, `od poniedziałku do środy`:
/// the weekday that ends a range is the first after the one that starts it, which each
/// resolved alone need not be (in an article of a Wednesday, a `Wednesday` ahead is that
/// day); told of the past, the start is the latest before the end instead. `weekdays`
/// tells, per timex, whether it is a weekday and nothing more, and then whether it was
/// read as looking forward.
fn mend_weekday_ranges(text: &str, timexes: &mut [Timex], weekdays: &[Option<bool>]) {
    for end in 1..timexes.len() {
        let (Some(Some(start_looks_forward)), Some(Some(_))) =
            (weekdays.get(end - 1), weekdays.get(end))
        else {
            continue;
        };
        let start_looks_forward = *start_looks_forward;
        let (before, after) = timexes.split_at_mut(end);
        let (from, to) = (&before[end - 1], &mut after[0]);
        let gap = text
            .get(from.range.end..to.range.start)
            .unwrap_or_default()
            .trim()
            .to_lowercase();
        let to_text = to.range.slice(text).to_lowercase();
        let joined = matches!(
            gap.as_str(),
            "to" | "through" | "until" | "till" | "and" | "-" | "–" | "—" | "по" | "до" | "do"
        ) || (gap.is_empty()
            && ["по ", "до ", "do "]
                .iter()
                .any(|word| to_text.starts_with(word)));
        let day = |value: &Option<String>| {
            value
                .as_deref()
                .filter(|value| value.len() == 10)
                .and_then(|value| value.parse::<jiff::civil::Date>().ok())
        };
        let (Some(first), Some(last)) = (day(&from.value), day(&to.value)) else {
            continue;
        };
        if !joined || last >= first {
            continue;
        }
        // A range told of the past (`The strike lasted from Monday until Thursday`) ends
        // on the latest such day: its start moves a week back instead.
        if !start_looks_forward {
            let Ok(mended) = first.checked_sub(jiff::Span::new().days(7)) else {
                continue;
            };
            let from = &mut before[end - 1];
            from.value = Some(mended.to_string());
            from.resolution = Resolution::Relative {
                explanation: format!(
                    "the latest {:?} before {last}, where the range ends",
                    mended.weekday()
                ),
            };
            continue;
        }
        let Ok(mended) = last.checked_add(jiff::Span::new().days(7)) else {
            continue;
        };
        to.value = Some(mended.to_string());
        to.resolution = Resolution::Relative {
            explanation: format!(
                "the first {:?} after {first}, where the range starts",
                mended.weekday()
            ),
        };
    }
}

/// The value `lean` gives when counted from `value`, a date of day precision (with or
/// without a time of day), or `None` where it cannot be counted.
fn lean_from(value: &str, lean: Lean) -> Option<String> {
    let day = value.get(..10)?;
    let date: jiff::civil::Date = day.parse().ok()?;
    if value.len() > 10 && !value[10..].starts_with('T') {
        return None;
    }
    match lean {
        Lean::Day { shift, part } => {
            let shifted = date
                .checked_add(jiff::Span::new().days(i64::from(shift)))
                .ok()?;
            Some(format!("{shifted}{}", part.unwrap_or_default()))
        }
        Lean::Same { unit: "week" } => {
            let week = date.iso_week_date();
            Some(format!("{:04}-W{:02}", week.year(), week.week()))
        }
        Lean::Same { unit: "month" } => value.get(..7).map(str::to_string),
        Lean::Same { unit: "year" } => value.get(..4).map(str::to_string),
        Lean::Same { .. } | Lean::Unknown => None,
        Lean::Eve { part } => lean_from(value, Lean::Day { shift: -1, part }),
    }
}

/// Resolves the anaphoric expressions of `timexes` (in text order) against the date an
/// earlier expression of the same paragraph gives (`paragraphs`: their ranges, in text
/// order): `the same day` after `On 8 October` is 2022-10-08, and anchors. One with no
/// such date before it in its paragraph, or one whose lean is unknown (`days later`),
/// stays unresolved and anchors nothing.
pub fn resolve_anaphora(
    text: &str,
    timexes: &mut [Timex],
    paragraphs: &[TextRange],
    article_date: Option<CalendarDate>,
) {
    for index in 0..timexes.len() {
        let Some(lean) = timexes[index].lean else {
            continue;
        };
        let at = timexes[index].range.start;
        let paragraph_start = paragraphs
            .get(paragraphs.partition_point(|paragraph| paragraph.end < at))
            .map_or(0, |paragraph| paragraph.start);
        let leaned_on = timexes[..index]
            .iter()
            .rev()
            .take_while(|earlier| earlier.range.start >= paragraph_start)
            .find(|earlier| {
                earlier.anchors
                    && earlier
                        .value
                        .as_deref()
                        .is_some_and(|value| value.len() >= 10)
            })
            .map(|earlier| (earlier.range, earlier.value.clone().unwrap_or_default()));
        let Some((range, value)) = leaned_on else {
            // `Накануне в городе отключили свет` with no date before it in its paragraph:
            // the day before the article's.
            let alone = eve_stands_alone(text.get(timexes[index].range.end..).unwrap_or(""));
            let eve = (matches!(lean, Lean::Eve { .. }) && alone)
                .then(|| article_date.filter(|date| date.day.is_some()))
                .flatten()
                .and_then(|date| lean_from(&date.to_string(), lean));
            if let Some(eve) = eve {
                let timex = &mut timexes[index];
                timex.resolution = Resolution::Relative {
                    explanation: "the day before the article Date".to_string(),
                };
                timex.value = Some(eve);
                timex.anchors = true;
                continue;
            }
            if let Resolution::Unresolved { reason } = &mut timexes[index].resolution {
                *reason = "counted from another event, and no earlier sentence of its \
                           paragraph gives the date of one"
                    .to_string();
            }
            continue;
        };
        let Some(resolved) = lean_from(&value, lean) else {
            continue;
        };
        let timex = &mut timexes[index];
        timex.resolution = Resolution::Relative {
            explanation: format!(
                "counted from “{}” ({value}) earlier in its paragraph",
                range.slice(text)
            ),
        };
        timex.value = Some(resolved);
        timex.anchors = true;
        timex.leans_on = Some(range);
    }
}

/// Whether `накануне` (`напередодні`, `напярэдадні`) stands alone before the text `rest`
/// that follows it (and the part of the day the expression took in: `Накануне вечером`),
/// as an adverb (`Накануне в городе …`, `Накануне, …`, `Накануне Лукашенко заявил`,
/// `Накануне задержали`), not as the preposition of an
/// event's eve (`накануне выборов`, `напередодні візиту`), which a noun in lower case
/// follows.
fn eve_stands_alone(rest: &str) -> bool {
    let rest = rest.trim_start();
    let Some(word) = rest
        .split(|ch: char| !ch.is_alphabetic() && !matches!(ch, '-' | '\'' | '’'))
        .next()
        .filter(|word| !word.is_empty())
    else {
        return true;
    };
    if !rest.starts_with(char::is_alphabetic) || word.starts_with(char::is_uppercase) {
        return true;
    }
    let prepositions = [
        "в",
        "во",
        "на",
        "у",
        "ў",
        "с",
        "со",
        "з",
        "із",
        "зі",
        "из",
        "под",
        "пад",
        "по",
        "па",
        "около",
        "каля",
        "біля",
    ];
    // Pasts; of the Ukrainian ones in `-в` only those no genitive plural ends so (`-ов`).
    let past = [
        "л", "ла", "ло", "ли", "лі", "ав", "ив", "ів", "ув", "яв", "ў", "лся", "лась", "лись",
        "лися", "ліся",
    ];
    prepositions.contains(&word)
        || (word.chars().count() >= 4 && past.iter().any(|ending| word.ends_with(ending)))
        || matches!(
            word,
            "он" | "она" | "они" | "він" | "вона" | "вони" | "ён" | "яна" | "яны"
        )
        || NOMINATIVE_SUBJECTS.contains(&word)
}

/// Nouns in the nominative that open a clause after the eve (`Накануне президент
/// подписал указ`, `Напередодні прем'єр-міністр провела нараду`): their genitive, which
/// the eve of an event takes, is spelt otherwise (`накануне визита президента`).
const NOMINATIVE_SUBJECTS: &[&str] = &[
    // Russian.
    "президент",
    "премьер",
    "премьер-министр",
    "министр",
    "глава",
    "суд",
    "полиция",
    "милиция",
    "правительство",
    "парламент",
    "власти",
    "силовики",
    "военные",
    "прокуратура",
    "мэр",
    "губернатор",
    "спикер",
    "депутаты",
    "оппозиция",
    "армия",
    "посол",
    // Ukrainian.
    "прем'єр-міністр",
    "прем’єр-міністр",
    "міністр",
    "голова",
    "поліція",
    "уряд",
    "влада",
    "військові",
    "мер",
    "речник",
    "депутати",
    "армія",
    // Belarusian.
    "прэзідэнт",
    "прэм'ер-міністр",
    "прэм’ер-міністр",
    "кіраўнік",
    "міліцыя",
    "урад",
    "улады",
    "сілавікі",
    "вайскоўцы",
    "пракуратура",
    "старшыня",
];

/// Verbs of intention count only as `plans to`, `is set to`, `due on`, not as nouns
/// (`turnaround plans`) or in the past (`was set to land`). The present of a timetable
/// verb points forward before its date or in its set phrase (`The talks resume on
/// Monday`, `takes effect`, `comes into force`, `kicks off`), not as a noun (`the start
/// of`).
fn cue_points_forward(tokens: &[token::Token<'_>], at: usize) -> bool {
    let word = tokens[at].lower;
    if matches!(word, "will" | "shall" | "ll" | "upcoming" | "deadline") {
        return true;
    }
    if word == "until" {
        // `The curfew was extended until Sunday` looks forward; what lasted until a day
        // (`The curfew lasted until Sunday`) has ended.
        return !tokens[..at]
            .iter()
            .rev()
            .take(6)
            .take_while(|t| !matches!(t.text, "." | "!" | "?" | ";"))
            .any(|t| {
                matches!(
                    t.lower,
                    "lasted" | "continued" | "remained" | "stayed" | "persisted" | "ran" | "went"
                )
            });
    }
    let next = tokens.get(at + 1).map_or("", |t| t.lower);
    let after_next = tokens.get(at + 2).map_or("", |t| t.lower);
    if let Some(following) = lexicon::timetable_verb(word) {
        if following.is_empty() {
            let determiner_before = at
                .checked_sub(1)
                .is_some_and(|p| matches!(tokens[p].lower, "the" | "a" | "its" | "their" | "this"));
            return !determiner_before && matches!(next, "on" | "in" | "from" | "at");
        }
        return [next, after_next]
            .iter()
            .zip(following)
            .all(|(word, expected)| word == expected);
    }
    let prev = at
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .map_or("", |t| t.lower);
    // `expect prices to stay`, `wants the talks to resume`: an object between the verb
    // and its `to`. `plans a rally on Saturday`: a plan of a thing.
    let object_then_to = || {
        matches!(word, "expect" | "expects" | "want" | "wants")
            && tokens.iter().skip(at + 1).take(4).any(|t| t.lower == "to")
    };
    let linked = next == "to"
        || (matches!(word, "due" | "scheduled") && matches!(next, "for" | "on" | "in"))
        || (matches!(word, "plans" | "plan") && matches!(next, "a" | "an"))
        || object_then_to();
    linked && !matches!(prev, "was" | "were" | "had" | "been")
}

/// Whether a past auxiliary or a past of reporting stands among the tokens `from..to`,
/// between a word that points forward and the date: `The ceasefire that begins at
/// midnight was agreed on Monday` dates the agreement, and `Belarus will hold drills, the
/// ministry said on Tuesday` the statement, in the past.
fn past_verb_between(tokens: &[token::Token<'_>], from: usize, to: usize) -> bool {
    tokens.get(from..to).unwrap_or_default().iter().any(|t| {
        matches!(
            t.lower,
            "was"
                | "were"
                | "had"
                | "did"
                | "said"
                | "told"
                | "announced"
                | "stated"
                | "reported"
                | "wrote"
                | "added"
                | "confirmed"
        )
    })
}

/// Whether a `would` before token `at`, in its clause and not before `have`, tells a
/// future seen from a past (`The minister said the troops would leave in December`),
/// or a promise does (`promised another system by the end of the summer`): the month or
/// weekday may lie on either side of the article date. A comma ends the clause (`did
/// not say when the drills would begin, but troops arrived on Monday`).
fn future_in_the_past(tokens: &[token::Token<'_>], at: usize) -> bool {
    // Back over the clause, as `looks_forward` reads its sentence: a line break ends it
    // too, so that a paragraph is read alike on its own and in its article.
    let clause = (at.saturating_sub(20)..at).rev().take_while(|&i| {
        !tokens[i + 1].nl_before
            && !matches!(
                tokens[i].text,
                "." | "!" | "?" | ";" | "," | "\"" | "“" | "”"
            )
    });
    clause.into_iter().any(|i| {
        let word = tokens[i].lower;
        let next = tokens.get(i + 1).map_or("", |t| t.lower);
        // A date right after the promise dates the promise (`promised in March to`).
        let promise_dated = matches!(
            next,
            "in" | "on" | "at" | "last" | "this" | "earlier" | "yesterday" | "today"
        ) || i + 1 >= at;
        (word == "would" && next != "have")
            || (matches!(
                word,
                "promised" | "promises" | "pledged" | "pledges" | "vowed" | "vows"
            ) && !promise_dated)
    })
}

/// Of a date resolved looking back and looking forward, the one nearer the article date
/// (`would leave in December`, written in November: the coming December; `in October`:
/// the October just past); the one looking back when either cannot be placed.
fn nearer_of(
    back: resolve::Resolved,
    forward: resolve::Resolved,
    anchor: Option<CalendarDate>,
) -> resolve::Resolved {
    let distance = |resolved: &resolve::Resolved| {
        let anchor = anchor?.to_jiff()?;
        let (first, last) = days_of(resolved.value.as_deref()?)?;
        let days = if anchor < first {
            (first - anchor).get_days()
        } else if anchor > last {
            (anchor - last).get_days()
        } else {
            0
        };
        Some(days.abs())
    };
    match (distance(&back), distance(&forward)) {
        (Some(back_days), Some(forward_days)) if forward_days < back_days => forward,
        _ => back,
    }
}

/// The first and last day of a resolved value: a calendar date, month or year, or a
/// season of a year, three months (`2026-SU`: June to August; `2026-WI`, the winter of
/// January 2026: December 2025 to February 2026).
fn days_of(value: &str) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    if let Ok(date) = CalendarDate::parse_iso(value) {
        return Some((date.first_day(), date.last_day()));
    }
    let (year, code) = value.split_once('-')?;
    let (year, month) = lexicon::Season::of_code(code)?.first_month(year.parse().ok()?);
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    let last = first
        .checked_add(jiff::Span::new().months(3))
        .ok()?
        .yesterday()
        .ok()?;
    Some((first, last))
}

/// Whether the sentence before token `at` speaks of the future (`will`, `scheduled`):
/// then a month or weekday without a year is the next one, not the last one.
fn looks_forward(tokens: &[token::Token<'_>], at: usize) -> bool {
    let mut i = at;
    let mut seen = 0;
    while i > 0 && seen < 20 {
        let t = &tokens[i - 1];
        // Quoted speech has its own tense: `“I will show you” on 11 March` is past.
        if tokens[i].nl_before || matches!(t.text, "." | "!" | "?" | ";" | "\"" | "“" | "”") {
            break;
        }
        if lexicon::future_cue(t.lower)
            && cue_points_forward(tokens, i - 1)
            && !past_verb_between(tokens, i, at)
        {
            return true;
        }
        i -= 1;
        seen += 1;
    }
    false
}
