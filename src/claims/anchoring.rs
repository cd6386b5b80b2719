//! Which dates anchor a claim: a temporal expression dates the claim's main statement or
//! event unless it only names or qualifies a side detail (a year inside a noun phrase, a
//! `since` aside, a relative clause, a possessive time).

use super::english as en;
use super::verbs::can_be_noun;
use super::words::SentenceWords;
use crate::text::TextRange;

/// Why a temporal expression of a sentence does not date the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideDetail {
    /// `Russia’s 2022 invasion`, `the September 2022 decision`.
    NounModifier,
    /// `the Zapad 2025 exercise`, `the Expo 2020 site`, `Euro 2024`.
    NamePart,
    /// `her first trip abroad since 2020`.
    Since,
    /// `who became mayor in March`.
    RelativeClause,
    /// `yesterday’s vote`.
    Possessive,
}

impl SideDetail {
    /// The reason in words, for cards.
    pub fn describe(self) -> &'static str {
        match self {
            SideDetail::NounModifier => "it qualifies a noun",
            SideDetail::NamePart => "it is part of a name",
            SideDetail::Since => "it is a `since` aside",
            SideDetail::RelativeClause => "it stands in a relative clause",
            SideDetail::Possessive => "it is a possessive time",
        }
    }
}

/// A claim's trigger as the anchoring rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The word index of an event's main verb, or of a cue's first word.
    pub word: usize,
    /// An event verb (`rejected`), not a reporting cue (`said`), whose content clause
    /// has verbs of its own.
    pub event: bool,
}

/// Whether the expression at `range` of the sentence `words` holds only qualifies a side
/// detail; `trigger` is the claim's trigger, if the sentence has one.
pub fn side_detail(
    words: &SentenceWords,
    range: TextRange,
    trigger: Option<Trigger>,
) -> Option<SideDetail> {
    let count = words.len();
    let first = words.first_ending_after(range.start);
    if first >= count {
        return None;
    }
    let after = (first..count)
        .find(|&index| words.range(index).start >= range.end)
        .unwrap_or(count);
    let text = words.text();
    let rest = text.get(range.end..).unwrap_or_default();
    // `yesterday’s vote`, unless the phrase is itself a time adjunct (`during last
    // week’s meeting`, `at Monday’s summit`).
    let possessive = rest.starts_with("’s") || rest.starts_with("'s") || rest.starts_with("s’");
    let adjunct = first.checked_sub(1).is_some_and(|index| {
        matches!(
            words.lower(index),
            "during" | "at" | "on" | "after" | "before" | "in"
        )
    });
    if possessive && !adjunct {
        return Some(SideDetail::Possessive);
    }
    // `her first trip abroad since 2020`, `had doubled since its launch in 2019` qualify
    // a phrase; `Since 24 February, …` at the start of a clause is the claim's own span.
    let since = (first.saturating_sub(6)..first)
        .rev()
        .take_while(|&index| !words.punctuated_before(index + 1))
        .find(|&index| words.lower(index) == "since");
    // `The firm has been suspended since July 2003`, `has fought cancer since 2004`: a
    // date right after `since` tells when the state began, and dates the claim, unless
    // a first, a superlative or a negation makes it a record's (`her first trip abroad
    // since 2020`, `its lowest level since April 1997`, `has not closed above 8,000
    // since February`).
    let began = since.is_some_and(|index| {
        // Back over the clause; the comma inside a number (`8,000`) is no break.
        let joined = |at: usize| {
            !words.punctuated_before(at) || (words.gap_before(at, 0) == "," && words.numeral(at))
        };
        index + 1 == first
            && !(index.saturating_sub(6)..index)
                .rev()
                .take_while(|&at| joined(at + 1))
                .any(|at| {
                    is_record_word(words.lower(at))
                        || words.classes(at) & en::NEGATION != 0
                        || words.lower(at).ends_with("n't")
                        || words.lower(at).ends_with("n’t")
                })
    });
    if !began && since.is_some_and(|index| index > 0 && !words.punctuated_before(index)) {
        return Some(SideDetail::Since);
    }
    if slavic_record_since(words, first) {
        return Some(SideDetail::Since);
    }
    let trigger_word = trigger.map(|trigger| trigger.word);
    if record_aside(words, first, trigger_word) {
        return Some(SideDetail::NounModifier);
    }
    if participial_aside(words, first, trigger_word)
        || trigger.is_some_and(|trigger| {
            (trigger.event && reduced_relative(words, first, trigger))
                || subject_reduced_relative(words, first, trigger.word)
                || slavic_opening_participle(words, first, trigger.word)
        })
    {
        return Some(SideDetail::RelativeClause);
    }
    if period_of_a_plan(words, first) {
        return Some(SideDetail::NounModifier);
    }
    // A date between a determiner or possessive and a noun modifies that noun.
    let opens_noun_phrase = first.checked_sub(1).is_some_and(|index| {
        !words.punctuated_before(first)
            && (words.classes(index) & en::DETERMINER != 0 || words.possessive(index))
    });
    if opens_noun_phrase && after < count && !words.punctuated_before(after) {
        let lower = words.lower(after);
        let classes = words.classes(after);
        let function_word = classes
            & (en::PREPOSITION
                | en::CONJUNCTION
                | en::BE
                | en::HAVE
                | en::MODAL
                | en::DO
                | en::RELATIVE
                | en::SUBORDINATOR
                | en::ADVERB
                | en::NEGATION
                | en::SUBJECT_PRONOUN
                | en::DETERMINER)
            != 0;
        if !function_word && !en::can_be_past(lower, classes) && !lower.ends_with("ly") {
            return Some(SideDetail::NounModifier);
        }
    }
    if ends_name(words, range, first) {
        return Some(SideDetail::NamePart);
    }
    // A relative clause (`, who became mayor in March,`, `, который правит с 1994 года,`)
    // that does not hold the trigger.
    let relative = (1..first).rev().find(|&index| {
        matches!(words.lower(index), "who" | "which" | "whom" | "whose")
            || super::slavic::opens_relative_clause(words, index)
    })?;
    let clause_end = (relative + 1..count)
        .find(|&index| words.punctuated_before(index))
        .unwrap_or(count);
    let trigger_outside = trigger_word.is_none_or(|at| at < relative || at >= clause_end);
    (first < clause_end && trigger_outside).then_some(SideDetail::RelativeClause)
}

/// Whether the date whose first word is `first` is the period of a plan, a budget or a
/// forecast named right before it (`adopted the draft budget for 2027`, `одобрило проект
/// бюджета на 2027 год`, `przyjął projekt budżetu na 2027 rok`): it tells what the plan
/// covers, not when it was made; a verb's `for` or `на` (`scheduled for 2027`, `назначены
/// на 2027 год`) dates what it says.
fn period_of_a_plan(words: &SentenceWords, first: usize) -> bool {
    let preposition = if matches!(words.lower(first), "на" | "na") {
        first
    } else {
        match first.checked_sub(1) {
            Some(before) if !words.punctuated_before(first) => before,
            _ => return false,
        }
    };
    if !matches!(words.lower(preposition), "for" | "на" | "na")
        || words.punctuated_before(preposition)
    {
        return false;
    }
    preposition
        .checked_sub(1)
        .is_some_and(|noun| PLAN_NOUNS.contains(&words.lower(noun)))
}

/// Nouns of what covers a period (`budget`, `план`, `prognoza`), in the forms that stand
/// before `for`, `на` or `na`.
const PLAN_NOUNS: &[&str] = &[
    "budget",
    "budgets",
    "plan",
    "plans",
    "forecast",
    "forecasts",
    "target",
    "targets",
    "strategy",
    "programme",
    "program",
    "quota",
    "quotas",
    "outlook",
    "бюджет",
    "бюджета",
    "бюджету",
    "план",
    "плана",
    "планы",
    "плану",
    "прогноз",
    "прогноза",
    "прогнозы",
    "прогнозу",
    "стратегия",
    "стратегии",
    "стратегія",
    "стратегії",
    "программа",
    "программы",
    "програма",
    "програми",
    "квоты",
    "квоти",
    "budżet",
    "budżetu",
    "planu",
    "plany",
    "prognoza",
    "prognozy",
    "strategia",
    "strategii",
    "programu",
];

/// The Russian, Ukrainian, Belarusian and Polish prepositions of `since` (`с 2020 года`,
/// `з 2020 року`, `ад 2020 года`, `od 2020 roku`).
pub(super) fn is_slavic_since(word: &str) -> bool {
    matches!(
        word,
        "с" | "со" | "від" | "з" | "із" | "зі" | "ад" | "са" | "od"
    )
}

/// Whether the resolved value of a date (`2026-12`, `2027-06-03/2027-06-09`,
/// `2026-11-20TEV`) lies wholly after the article's `Date` (`2026-11-18`), at the coarser
/// of their precisions. Only calendar values are compared: a week (`2026-W48`), a season
/// or a value left unresolved lies after nothing.
pub fn lies_after(value: &str, article_date: &str) -> bool {
    let start = value.split('/').next().unwrap_or(value);
    let start = start.split('T').next().unwrap_or(start);
    let calendar = |text: &str| {
        text.len() >= 4
            && text
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'-')
    };
    let article_date = article_date.trim();
    let article_day = article_date.get(..10).unwrap_or(article_date);
    if !calendar(start) || !calendar(article_day) {
        return false;
    }
    // At the coarser of the two precisions: in an article dated `2022-10`, 8 October
    // lies after nothing.
    let precision = start.len().min(article_day.len());
    start.get(..precision) > article_day.get(..precision)
}

/// Whether the claim whose trigger starts at the word `first` of `words` tells what has
/// happened: an event in the past or the perfect, a passive with a past auxiliary
/// (`was`, `were`, `has been`), or a cue in the past (`said`, `заявил`, `powiedział`). A
/// date ahead of the article, which an earlier sentence gave (`Coale is expected to
/// return next month`), dates no such claim by context.
pub fn tells_the_past(words: &SentenceWords, trigger: &super::ClaimTrigger, first: usize) -> bool {
    use super::ClaimTrigger;
    use super::EventForm;
    match trigger {
        ClaimTrigger::Event { form, .. } => match form {
            EventForm::Past | EventForm::Perfect => true,
            EventForm::Passive => matches!(
                words.lower(first),
                "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "был"
                    | "была"
                    | "было"
                    | "были"
                    | "został"
                    | "została"
                    | "zostało"
                    | "zostali"
                    | "zostały"
            ),
            _ => false,
        },
        ClaimTrigger::Cue(_) => {
            let lower = words.lower(first);
            en::can_be_past(lower, words.classes(first))
                || (!lower.is_ascii() && super::slavic::ends_as_past(lower))
        }
    }
}

/// Whether the date at `by`, in the sentence of `words`, tells when a state began (`had
/// been jailed since 2020`, `stranded since the border was first shut in late October`,
/// `находится под арестом с 2020 года`, `od 2020 roku`): it
/// dates its own claim, but what the next sentences report did not happen then, so it
/// dates none of them by context.
pub fn starts_a_state(words: &SentenceWords, by: TextRange) -> bool {
    let since = |at: usize| words.lower(at) == "since" || is_slavic_since(words.lower(at));
    let first = words.first_ending_after(by.start);
    // A Slavic expression may hold its preposition (`с понедельника`); one that holds
    // the end of a range too is a span (`с 3 по 9 июня`).
    let held = first < words.len()
        && words.range(first).start == by.start
        && since(first)
        && !(first + 1..words.len())
            .take_while(|&at| words.range(at).end <= by.end)
            .any(|at| matches!(words.lower(at), "по" | "до" | "да" | "do"));
    // `since the border was first shut in late October`: an English clause of `since`
    // that holds the date, in one stretch of words.
    let since_clause = (first.saturating_sub(SINCE_CLAUSE_REACH)..first)
        .rev()
        .take_while(|&at| !words.punctuated_before(at + 1))
        .any(|at| words.lower(at) == "since");
    held || first.checked_sub(1).is_some_and(since) || since_clause
}

/// How many words before a date an English `since` may open the clause that holds it.
const SINCE_CLAUSE_REACH: usize = 8;

/// Whether the date whose first word is `first` follows a Russian, Ukrainian, Belarusian
/// or Polish `since` in a record (`до самого низкого уровня с 2015 года`, `Впервые с 2020
/// года`, `najniższego poziomu od 2015 roku`, `po raz pierwszy od 2020 roku`): how long
/// the record stands, as the English `its lowest level since 1997`.
fn slavic_record_since(words: &SentenceWords, first: usize) -> bool {
    let Some(since) = first.checked_sub(1) else {
        return false;
    };
    if !is_slavic_since(words.lower(since)) || words.punctuated_before(first) {
        return false;
    }
    let record = |lower: &str| {
        [
            "впервые",
            "вперше",
            "упершыню",
            "перв",
            "перш",
            "pierwsz",
            "рекорд",
            "rekord",
        ]
        .iter()
        .any(|stem| lower.starts_with(stem))
            || matches!(
                lower,
                "самый" | "самого" | "самой" | "самое" | "самых" | "самым"
            )
            || (lower.chars().count() >= 6
                && ["наи", "най", "naj"]
                    .iter()
                    .any(|prefix| lower.starts_with(prefix)))
    };
    (since.saturating_sub(8)..since).any(|at| record(words.lower(at)))
}

/// Whether a word makes a record of the noun phrase it stands in (`first`, `lowest`,
/// `deadliest`), whose `since` tells how long the record stands, not when anything began.
fn is_record_word(lower: &str) -> bool {
    matches!(
        lower,
        "first"
            | "last"
            | "only"
            | "best"
            | "worst"
            | "most"
            | "least"
            | "highest"
            | "lowest"
            | "biggest"
            | "largest"
            | "smallest"
            | "greatest"
            | "strongest"
            | "weakest"
            | "longest"
            | "shortest"
            | "sharpest"
            | "steepest"
            | "fastest"
            | "slowest"
            | "latest"
            | "oldest"
            | "newest"
    ) || (lower.len() > 5 && lower.ends_with("iest"))
}

/// Whether the expression at `range`, whose first word is `first`, is a bare year right
/// after a capitalised noun: the end of a name (`the Zapad 2025 exercise`, `the Expo
/// 2020 site`, `Euro 2024 drew crowds`). The year is what the thing is
/// called, as in `Russia’s 2022 invasion` it qualifies a noun; a holiday's year
/// (`Christmas 2021`) is a time.
fn ends_name(words: &SentenceWords, range: TextRange, first: usize) -> bool {
    let bare_year = words
        .text()
        .get(range.start..range.end)
        .is_some_and(|text| text.len() == 4 && text.bytes().all(|byte| byte.is_ascii_digit()));
    let Some(name) = first.checked_sub(1) else {
        return false;
    };
    bare_year
        && !words.punctuated_before(first)
        && words.capitalised(name)
        // A single letter is no name here (`W 2020 …`: the Polish `in`, which the word
        // classes leave out).
        && words.lower(name).chars().nth(1).is_some()
        // `Russia’s 2022 invasion`: a possessive, whose year qualifies the noun after it.
        && !words.possessive(name)
        && can_be_noun(words, name)
        && !matches!(words.lower(name), "christmas" | "easter" | "fy")
}

/// The words between the punctuation before the word at `first` and the next after it
/// (`start..end`, `end` the sentence's length when none follows); `None` when nothing
/// before `first` is punctuated.
fn chunk_around(words: &SentenceWords, first: usize) -> Option<(usize, usize)> {
    let start = (1..=first).rev().find(|&at| words.punctuated_before(at))?;
    let end = (first + 1..words.len())
        .find(|&at| words.punctuated_before(at))
        .unwrap_or(words.len());
    Some((start, end))
}

/// Whether the word at `first` stands in an appositive between commas, or after one at
/// the sentence's end, that ranks its noun by a record (`The strike, the deadliest this
/// year, killed 14 people`, `…, the largest since 2014.`), and that does not hold the
/// trigger: the date bounds the record.
fn record_aside(words: &SentenceWords, first: usize, trigger: Option<usize>) -> bool {
    let Some((start, end)) = chunk_around(words, first) else {
        return false;
    };
    // Closed by a comma, or ending the sentence as an appositive to what came before
    // (`…, the deadliest toll this year.`).
    let closed = if end < words.len() {
        words.gap_before(end, 0).trim() == ","
    } else {
        words.classes(start) & en::DETERMINER != 0
    };
    words.gap_before(start, 0).trim() == ","
        && closed
        && (start..first).any(|at| is_record_word(words.lower(at)))
        && trigger.is_none_or(|at| at < start || at >= end)
}

/// Whether the word at `first` stands in an aside after a comma that a participle opens
/// (`Tsikhanouskaya, born in Mikashevichy on 11 September 1982, addressed …`, `the
/// pipeline, built in 2011, …`) or that is an appositive whose noun a participle
/// qualifies (`The old plant, a factory built in 1961, closed`), and that does not hold
/// the trigger.
fn participial_aside(words: &SentenceWords, first: usize, trigger: Option<usize>) -> bool {
    let Some((start, end)) = chunk_around(words, first) else {
        return false;
    };
    let participial = en::opens_participial_aside(words.lower(start), words.classes(start));
    let qualified_appositive = || {
        super::verbs::opens_subject_appositive(words, start)
            && (start + 2..first).any(|at| super::verbs::qualifies_noun_before(words, at))
    };
    words.gap_before(start, 0).contains(',')
        && (participial || qualified_appositive())
        && trigger.is_none_or(|at| at < start || at >= end)
}

/// Whether the word at `first` follows a past participle that qualifies the noun before
/// it, in the subject before the trigger at `trigger` (`Protesters detained on Sunday said
/// they were beaten`, `Troops deployed in May have left`): the date tells when the noun's
/// own happening was, not the claim's. One clause from the participle to the trigger;
/// an `-ing` form is left out, since what goes on as the claim happens shares its time
/// (`Ministers meeting on Monday agreed`).
fn subject_reduced_relative(words: &SentenceWords, first: usize, trigger: usize) -> bool {
    first < trigger
        && (1..first).any(|at| {
            super::verbs::qualifies_noun_before(words, at)
                && (at + 1..=trigger).all(|joined| {
                    !words.punctuated_before(joined)
                        && words.classes(joined)
                            & (en::CONJUNCTION | en::RELATIVE | en::SUBORDINATOR)
                            == 0
                })
        })
}

/// Whether the word at `first` stands in the phrase of a participle that opens a Slavic
/// sentence and qualifies its subject, before the trigger at `trigger` (`Задержанный в
/// понедельник активист объявил голодовку`): the date is the participle's.
fn slavic_opening_participle(words: &SentenceWords, first: usize, trigger: usize) -> bool {
    first < trigger
        && (1..=first).all(|at| !words.punctuated_before(at))
        && super::slavic::long_participle(words, 0)
}

/// How many words before a date a participle may stand for the date to be its own.
const PARTICIPLE_REACH: usize = 5;

/// Whether the word at `first` follows a participle that qualifies the noun before it,
/// after the event verb of the main clause (`The opposition rejected an agreement
/// reached in 2021`, `The court upheld a verdict handed down in May`): a second finite
/// verb would need a conjunction or a relative word between.
fn reduced_relative(words: &SentenceWords, first: usize, trigger: Trigger) -> bool {
    // The participle's own date follows it closely (`handed down in May`, `reached by
    // both sides in 2021`); one far after it, past places and their names, is the main
    // verb's (`searching for people trapped under rubble in the city of Ternopil on
    // Wednesday afternoon`).
    let nearest = (trigger.word + 2).max(first.saturating_sub(PARTICIPLE_REACH));
    let qualifying_participle =
        (nearest..first).any(|at| super::verbs::qualifies_noun_before(words, at));
    let one_clause = (trigger.word + 1..=first).all(|at| {
        !words.punctuated_before(at)
            && words.classes(at) & (en::CONJUNCTION | en::RELATIVE | en::SUBORDINATOR) == 0
    });
    qualifying_participle && one_clause
}
