//! Verb groups of English sentences: which words report a specific event (simple past,
//! perfect, passive and inverted passive, `is to be` + participle, a dated future or
//! timetable present, the progressive of a named subject), with the subject check that
//! tells a finite verb from a modifier.

use super::english::{self as en, Classes};
use super::words::SentenceWords;

/// The form of the verb group that makes a sentence report an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EventForm {
    /// `The auction failed`, `did not join`.
    Past,
    /// `The ministry has given the order`.
    Perfect,
    /// `Some 500 reservists were sent`, `have been issued`.
    Passive,
    /// `About 300 men are to be called up`, `is to visit`.
    Scheduled,
    /// `The drills will be held from 3 to 9 June`, `The decree takes effect on 1 April`:
    /// an event only with its own date.
    Future,
    /// `Poland and its allies are monitoring the border`: a named subject's ongoing action.
    Ongoing,
}

impl EventForm {
    /// The form in words, for messages and cards.
    pub fn describe(self) -> &'static str {
        match self {
            EventForm::Past => "past tense",
            EventForm::Perfect => "perfect",
            EventForm::Passive => "passive",
            EventForm::Scheduled => "scheduled (`is to`)",
            EventForm::Future => "future with a date",
            EventForm::Ongoing => "ongoing action of a named subject",
        }
    }
}

/// One verb group that reports an event: its main verb's word index and its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// The first word of the group (an auxiliary, or the verb itself).
    pub first: usize,
    /// The main verb.
    pub verb: usize,
    pub form: EventForm,
}

/// How many adverbs and negations may stand between an auxiliary and its verb.
const MAX_INSIDE_GROUP: usize = 3;

/// Whether the word at `index` may stand inside a verb group (`already`, `not`,
/// `reportedly`).
fn is_inside_word(words: &SentenceWords, index: usize) -> bool {
    let classes = words.classes(index);
    let lower = words.lower(index);
    classes & (en::ADVERB | en::NEGATION) != 0
        || (lower.len() > 4 && lower.ends_with("ly") && classes & en::AGENT_NOUN == 0)
}

/// The first word from `from` that is not an adverb or negation (at most
/// [`MAX_INSIDE_GROUP`] skipped), if it stands before `end`.
fn skip_inside(words: &SentenceWords, from: usize, end: usize) -> Option<usize> {
    (from..end.min(from + MAX_INSIDE_GROUP + 1)).find(|&index| !is_inside_word(words, index))
}

/// Whether punctuation stands between the word at `index` and the one before, other
/// than closing brackets and quotes, which end a subject (`Senator John McCain (R-AZ)
/// entered`, `the “Dreamliner” made`).
fn broken_before(words: &SentenceWords, index: usize) -> bool {
    words.punctuated_before(index)
        && !words
            .gap_before(index, 0)
            .chars()
            .all(|ch| ch.is_whitespace() || matches!(ch, ')' | ']' | '”' | '"' | '’'))
}

/// The word before `index` that is not an adverb, if no punctuation stands between.
fn subject_before(words: &SentenceWords, index: usize) -> Option<usize> {
    let mut at = index;
    for _ in 0..=MAX_INSIDE_GROUP {
        if broken_before(words, at) {
            return None;
        }
        let before = at.checked_sub(1)?;
        if !is_inside_word(words, before) || words.lower(before) == "no" {
            return Some(before);
        }
        at = before;
    }
    None
}

/// The classes of words that cannot be the subject of a finite verb right after them.
const NOT_SUBJECT: Classes = en::DETERMINER
    | en::PREPOSITION
    | en::BE
    | en::HAVE
    | en::DO
    | en::MODAL
    | en::OBJECT_PRONOUN
    | en::CONJUNCTION
    | en::SUBORDINATOR
    | en::NEGATION
    | en::FIRST_PERSON;

/// Whether the word at `index` can be the subject (or the subject's last word) of a
/// finite verb that follows it: a person, an organisation, a quantity, a name, a
/// third-person or relative pronoun, or a noun; not a determiner, a preposition, an
/// auxiliary or the outlet's own `we`.
fn can_be_subject(words: &SentenceWords, index: usize) -> bool {
    let classes = words.classes(index);
    if classes & (en::SUBJECT_PRONOUN | en::AGENT_NOUN | en::QUANTITY) != 0 {
        return true;
    }
    // `who`, `which` and `that` start relative clauses whose verb is an event too.
    if classes & en::RELATIVE != 0 && matches!(words.lower(index), "who" | "which" | "that") {
        return true;
    }
    if classes & NOT_SUBJECT != 0 {
        return false;
    }
    let lower = words.lower(index);
    if lower.ends_with("ly") || en::can_be_past(lower, classes) || en::is_ing(lower) {
        return false;
    }
    // A linking verb before a participle makes it an adjective: `The regime appears
    // isolated`.
    !LINKING_VERBS.contains(&lower)
}

/// Adverbs of a habit, which make a present no specific event, nor a present cue a
/// specific statement.
pub(super) const HABIT_ADVERBS: &[&str] = &[
    "often",
    "usually",
    "regularly",
    "routinely",
    "frequently",
    "always",
    "typically",
    "generally",
    "sometimes",
    "occasionally",
    "rarely",
    "seldom",
    "commonly",
    "traditionally",
];

/// Verbs in the present that link a subject to an adjective or participle.
const LINKING_VERBS: &[&str] = &[
    "appears", "appear", "seems", "seem", "looks", "look", "remains", "remain", "becomes",
    "become", "feels", "feel", "sounds", "sound", "gets", "get", "grows", "grow", "stays", "stay",
];

/// Whether the subject before the auxiliary at `first` is named: a capitalised name, a
/// person or organisation noun (`Poland and its allies are monitoring`), not `it`; or the
/// head of a subject that a short prepositional phrase ends, so that the named head
/// counts (`Opposition supporters in exile are rallying`).
fn named_subject(words: &SentenceWords, first: usize) -> bool {
    let named = |subject: usize| {
        let classes = words.classes(subject);
        classes & en::AGENT_NOUN != 0
            || (words.capitalised(subject)
                && classes & (NOT_SUBJECT | en::SUBJECT_PRONOUN | en::RELATIVE) == 0)
    };
    // A head that opens the sentence is capitalised whether it is a name or not
    // (`Prices in the shops are rising`), so only its noun class names it there.
    let named_head = |head: usize| {
        if head == 0 {
            words.classes(head) & en::AGENT_NOUN != 0
        } else {
            named(head)
        }
    };
    let Some(subject) = subject_before(words, first).or_else(|| appositive_head(words, first))
    else {
        return false;
    };
    named(subject) || head_before_phrase(words, subject).is_some_and(named_head)
}

/// The subject before an appositive that a comma closes right before the auxiliary at
/// `first` (`Ales Bialiatski, the Nobel Peace Prize laureate, is serving`, `Viasna, the
/// human rights centre, is documenting`): the word before the comma that opens an
/// aside of at most eight words, which starts with `the`, `a`, `an` or a number.
fn appositive_head(words: &SentenceWords, first: usize) -> Option<usize> {
    let comma_before =
        |at: usize| words.punctuated_before(at) && words.gap_before(at, 0).contains(',');
    if first == 0 || !comma_before(first) {
        return None;
    }
    let opening = (first.saturating_sub(9)..first - 1)
        .rev()
        .find(|&at| at > 0 && words.punctuated_before(at))?;
    let opens_aside = matches!(words.lower(opening), "the" | "a" | "an") || words.numeral(opening);
    (comma_before(opening) && opens_aside && !broken_before(words, opening - 1))
        .then_some(opening - 1)
}

/// Whether the word at `at` can be a verb or an auxiliary: a form of `be`, `have`, `do`,
/// a modal, or a past.
fn can_be_verb(words: &SentenceWords, at: usize) -> bool {
    let classes = words.classes(at);
    classes & (en::BE | en::HAVE | en::MODAL | en::DO) != 0
        || en::can_be_past(words.lower(at), classes)
}

/// Whether the word at `at` is a participle right after a noun, which it qualifies (`a
/// verdict handed down in May`, `a gauge used to track the market`): a reduced relative
/// clause, not a verb of its own.
pub(super) fn qualifies_noun_before(words: &SentenceWords, at: usize) -> bool {
    let classes = words.classes(at);
    let Some(before) = at.checked_sub(1) else {
        return false;
    };
    en::can_be_participle(words.lower(at), classes)
        && classes & (en::BE | en::HAVE) == 0
        && !words.punctuated_before(at)
        && can_be_noun(words, before)
        && !words.lower(before).ends_with("ly")
}

/// Whether the word at `at` can be a noun: no function word (determiner, preposition,
/// auxiliary, pronoun, conjunction, negation, adverb, relative or subordinating word) and
/// no past.
pub(super) fn can_be_noun(words: &SentenceWords, at: usize) -> bool {
    let classes = words.classes(at);
    classes
        & (en::DETERMINER
            | en::PREPOSITION
            | en::BE
            | en::HAVE
            | en::MODAL
            | en::DO
            | en::SUBJECT_PRONOUN
            | en::OBJECT_PRONOUN
            | en::CONJUNCTION
            | en::NEGATION
            | en::ADVERB
            | en::RELATIVE
            | en::SUBORDINATOR)
        == 0
        && !en::can_be_past(words.lower(at), classes)
}

/// Whether the words of `range` are the rest of one short prepositional phrase: no
/// punctuation before any of them, no verb, no second preposition.
fn phrase_after_preposition(words: &SentenceWords, range: std::ops::Range<usize>) -> bool {
    range.into_iter().all(|at| {
        !words.punctuated_before(at)
            && words.classes(at) & en::PREPOSITION == 0
            && !can_be_verb(words, at)
    })
}

/// When the word at `last` ends a short prepositional phrase (`across the region`, `in
/// exile`), the word before the phrase's preposition: the head it qualifies.
fn head_before_phrase(words: &SentenceWords, last: usize) -> Option<usize> {
    let preposition = (last.saturating_sub(3)..last)
        .rev()
        .find(|&at| words.classes(at) & en::PREPOSITION != 0)?;
    let head = preposition.checked_sub(1)?;
    (phrase_after_preposition(words, preposition + 1..last + 1)
        && !words.punctuated_before(preposition))
    .then_some(head)
}

/// Participles that usually describe a state (`Rallies are banned`, `The hearing is
/// scheduled`, `is made of`), which is why they are adjectival, but that report the act
/// itself in the passive forms that make events (`The rally was banned`, `A hearing has
/// been scheduled`, `Tear gas is being used`), unless the word after them makes them a
/// plan, a stance, a habit or a makeup (`was scheduled to resume`, `was committed to
/// reform`, `was used to waiting`, `was made of steel`).
const ACTS_IN_THE_PASSIVE: &[&str] = &[
    "banned",
    "prohibited",
    "forbidden",
    "restricted",
    "capped",
    "exempted",
    "split",
    "made",
    "committed",
    "used",
    "scheduled",
];

/// Whether a participle after `be` makes a passive event (`were sent`), not a state or a
/// stance (`were concerned`, `is expected to`).
fn passive_participle(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    if ACTS_IN_THE_PASSIVE.contains(&lower) {
        let state_after = match (lower, words.lower(index + 1)) {
            ("scheduled" | "committed", "to") | ("made", "of") => true,
            ("used", "to") => en::is_ing(words.lower(index + 2)),
            _ => false,
        };
        return !state_after;
    }
    let classes = words.classes(index);
    en::can_be_participle(lower, classes) && classes & en::ADJECTIVAL_PARTICIPLE == 0
}

/// Whether the participle at `index`, which mostly stands as an adjective, reports a past
/// happening after `was` or `has been`: a permission or refusal before its infinitive
/// (`Journalists were not allowed to enter the courtroom`, `has not been allowed to
/// visit`), or a sighting before what was seen being done (`Protesters were seen
/// holding portraits`); not `is seen as`, which judges.
fn permission_or_sighting(words: &SentenceWords, index: usize) -> bool {
    let next = index + 1;
    if next >= words.len() || words.punctuated_before(next) {
        return false;
    }
    match words.lower(index) {
        "allowed" | "permitted" => words.lower(next) == "to",
        "seen" | "heard" => en::is_ing(words.lower(next)),
        _ => false,
    }
}

/// After the auxiliary `have` at `have`, the first word past a short prepositional phrase
/// (`has in recent years been struggling`, `had for a decade run the plant`) when that
/// word is `been` or a participle; `None` when no such phrase stands there. `to` starts
/// an obligation (`has to be approved`), not a phrase.
fn past_prepositional_phrase(words: &SentenceWords, have: usize, end: usize) -> Option<usize> {
    let preposition = have + 1;
    if words.classes(preposition) & en::PREPOSITION == 0 || words.lower(preposition) == "to" {
        return None;
    }
    // `has in effect been absorbed`, `has in practice become`: the outlet's reading, not
    // a report.
    if words.lower(preposition) == "in"
        && matches!(
            words.lower(preposition + 1),
            "effect" | "practice" | "general" | "principle" | "theory" | "essence"
        )
    {
        return None;
    }
    let verb = (preposition + 2..end.min(preposition + 5)).find(|&at| {
        let lower = words.lower(at);
        lower == "been"
            || (en::can_be_participle(lower, words.classes(at)) && !words.capitalised(at))
    })?;
    (phrase_after_preposition(words, preposition + 1..verb) && !words.punctuated_before(verb))
        .then_some(verb)
}

/// Whether a word can be a verb's base form after `to`, `will` or `did` (`visit`).
fn can_be_base(words: &SentenceWords, index: usize) -> bool {
    let classes = words.classes(index);
    let lower = words.lower(index);
    classes
        & (en::DETERMINER
            | en::PREPOSITION
            | en::OBJECT_PRONOUN
            | en::SUBJECT_PRONOUN
            | en::CONJUNCTION
            | en::NEGATION)
        == 0
        && !lower.ends_with("ly")
        && !lower.ends_with("ed")
        && lower.bytes().all(|byte| byte.is_ascii_alphabetic())
        && !words.capitalised(index)
}

/// The verb group that starts with the auxiliary or modal at `first`, if it reports an
/// event. `dated`: the sentence has its own date, which a future needs.
fn auxiliary_group(
    words: &SentenceWords,
    first: usize,
    end: usize,
    dated: bool,
) -> Option<VerbGroup> {
    let aux = words.lower(first);
    let classes = words.classes(first);
    let mut next = skip_inside(words, first + 1, end)?;
    if words.punctuated_before(next) {
        // `had, at one point, reached`: an aside between the auxiliary and its verb.
        let after_aside = (next + 1..end.min(next + 4))
            .find(|&at| words.punctuated_before(at))
            .filter(|&at| parenthetical(words, next, at))?;
        next = skip_inside(words, after_aside, end)?;
    } else if classes & en::HAVE != 0 && next == first + 1 {
        if let Some(verb) = past_prepositional_phrase(words, first, end) {
            next = verb;
        }
    }
    let after = words.lower(next);
    let group = |verb: usize, form: EventForm| Some(VerbGroup { first, verb, form });
    if classes & en::HAVE != 0 {
        if matches!(aux, "having") {
            return None;
        }
        if after == "been" {
            let verb = skip_inside(words, next + 1, end)?;
            if words.punctuated_before(verb) {
                return None;
            }
            if passive_participle(words, verb) || permission_or_sighting(words, verb) {
                return group(verb, EventForm::Passive);
            }
            if en::is_ing(words.lower(verb)) {
                return group(verb, EventForm::Perfect);
            }
            return None;
        }
        let verb_classes = words.classes(next);
        // `have registered four candidates`, `has united the opposition`: after `have`, a
        // listed adjective in `-ed` before an object no adjective qualifies is its
        // participle (`has limited resources` stays a possession).
        let participle = en::can_be_participle(after, verb_classes)
            || (en::is_regular_ed(after, verb_classes & !en::NOT_A_VERB)
                && opens_object(words, next + 1));
        if participle
            && verb_classes & (en::BE | en::HAVE) == 0
            && (words.lower(next + 1) != "by" || by_an_amount(words, next + 1))
        {
            return group(next, EventForm::Perfect);
        }
        return None;
    }
    if classes & en::BE != 0 {
        let past = matches!(aux, "was" | "were");
        let present = matches!(aux, "is" | "are" | "am" | "'re" | "’re");
        if !past && !present {
            return None;
        }
        // `Lukashenka is often called Europe's last dictator`, `Such drills are regularly
        // held`: what is done as a habit is no specific event.
        if present && (first + 1..next).any(|at| HABIT_ADVERBS.contains(&words.lower(at))) {
            return None;
        }
        if after == "being" {
            let verb = next + 1;
            return (verb < end && passive_participle(words, verb))
                .then_some(())
                .and_then(|()| group(verb, EventForm::Passive));
        }
        if present && after == "to" {
            // `are to be called up`, `is to visit`.
            // `The aim is to support …` is no schedule: an adverb between, or a noun of
            // purpose before, makes the infinitive a complement.
            let purpose = next > first + 1
                || (0..first).any(|index| {
                    matches!(
                        words.lower(index),
                        "aim"
                            | "aims"
                            | "goal"
                            | "goals"
                            | "task"
                            | "purpose"
                            | "objective"
                            | "idea"
                            | "mission"
                            | "plan"
                            | "intention"
                            | "priority"
                            | "point"
                    )
                });
            if purpose {
                return None;
            }
            let participle =
                |index: usize| en::can_be_participle(words.lower(index), words.classes(index));
            if words.lower(next + 1) == "be" && next + 2 < end && participle(next + 2) {
                return group(next + 2, EventForm::Scheduled);
            }
            if next + 1 < end && can_be_base(words, next + 1) && words.lower(next + 1) != "be" {
                return group(next + 1, EventForm::Scheduled);
            }
            return None;
        }
        if after == "going" {
            // `is going to`: a future, an event only with its date.
            return (present && dated && words.lower(next + 1) == "to" && next + 2 < end)
                .then_some(())
                .and_then(|()| group(next + 2, EventForm::Future));
        }
        if dated
            && matches!(words.lower(next + 1), "to" | "for" | "on" | "in")
            && (present && matches!(after, "scheduled" | "set" | "due" | "planned")
                || past && matches!(after, "scheduled" | "set"))
        {
            // `The convoy was set to arrive on Monday`: a schedule with its date. A past
            // `was due to` mostly gives a cause (`was due to falling demand`).
            return group(next, EventForm::Future);
        }
        if dated
            && present
            && after == "expected"
            && words.lower(next + 1) == "to"
            && next + 2 < end
            && can_be_base(words, next + 2)
            && subject_before(words, first).is_some_and(|subject| {
                words.lower(subject) != "it" && acts_on_its_own(words, subject)
            })
        {
            // `Lukashenka is expected to visit Beijing in September`: a named actor's
            // visit or meeting on a date, a scheduled event. What things are expected to
            // do (`Prices are expected to rise in June`) is a forecast, the outlet's own.
            return group(next, EventForm::Future);
        }
        // A present permission (`Conscripts are allowed to …`) is what a rule provides,
        // and a present sighting is no report.
        if past && permission_or_sighting(words, next) {
            return group(next, EventForm::Passive);
        }
        if past
            && matches!(after, "able" | "unable")
            && words.lower(next + 1) == "to"
            && !words.punctuated_before(next + 1)
            && next + 2 < end
            && can_be_base(words, next + 2)
        {
            // `Customers were unable to log in`, `Rescuers were able to reach the
            // village`: what was done or failed is the event. A present ability is none.
            return group(next + 2, EventForm::Past);
        }
        if past && passive_participle(words, next) {
            return group(next, EventForm::Passive);
        }
        if matches!(after, "up" | "down") && moved_by_an_amount(words, next) {
            // `The index was down 2.4%`, `was up by a third`, `Prices are up 15 percent`: a
            // movement told with `be`, which is the group's verb; in the present, the
            // movement up to now.
            return group(
                first,
                if past {
                    EventForm::Past
                } else {
                    EventForm::Ongoing
                },
            );
        }
        if past
            && after == "among"
            && matches!(words.lower(next + 1), "those" | "the")
            && next + 2 < end
            && passive_participle(words, next + 2)
            && !(next + 1..=next + 2).any(|at| words.punctuated_before(at))
        {
            // `The editor was among those arrested`, `Two children were among the
            // injured`: one of those the happening befell.
            return group(next + 2, EventForm::Passive);
        }
        // `There are growing fears of …`: after an existential `there`, the `-ing` form
        // describes the noun that follows.
        let existential = first
            .checked_sub(1)
            .is_some_and(|there| words.lower(there) == "there");
        if en::is_ing(after)
            && words.classes(next) & en::PREPOSITION == 0
            && !existential
            && !en::ING_ADJECTIVES.contains(&after)
        {
            if past {
                return group(next, EventForm::Past);
            }
            if named_subject(words, first) {
                return group(next, EventForm::Ongoing);
            }
        }
        // `Minsk is in talks with Beijing`: talks going on, as `are negotiating`.
        if present
            && after == "in"
            && matches!(
                words.lower(next + 1),
                "talks" | "negotiations" | "discussions"
            )
            && !words.punctuated_before(next + 1)
            && named_subject(words, first)
        {
            return group(next + 1, EventForm::Ongoing);
        }
        // `A search is under way`, `Evacuations are underway`, `Rescue operations are
        // ongoing`: a happening going on now,
        // whatever its subject; in the main clause, since one in a clause of `that` is
        // what another verb says of it (`do not hide the fact that measures are under
        // way`).
        let in_that_clause = || (0..first).any(|at| words.lower(at) == "that");
        if present
            && (matches!(after, "underway" | "ongoing")
                || (after == "under" && words.lower(next + 1) == "way"))
            && !in_that_clause()
        {
            let way = if after == "under" { next + 1 } else { next };
            if !words.punctuated_before(way) {
                return group(way, EventForm::Ongoing);
            }
        }
        return None;
    }
    if classes & en::MODAL != 0 {
        if !matches!(aux, "will" | "shall" | "'ll" | "’ll") || !dated {
            return None;
        }
        if after == "be" && next + 1 < end && passive_participle(words, next + 1) {
            return group(next + 1, EventForm::Future);
        }
        if can_be_base(words, next) && after != "be" && after != "have" {
            return group(next, EventForm::Future);
        }
        return None;
    }
    if aux == "did" && can_be_base(words, next) {
        // `did not join`: a past event, told as having not happened.
        return group(next, EventForm::Past);
    }
    None
}

/// Whether the words from `clause` to the verb at `verb` are a short aside between
/// commas that a subject and its verb, or an auxiliary and its verb, may enclose: `The
/// bank, however, raised`, `The ministry, in turn, cancelled`, `The index had, at one
/// point, reached`.
fn parenthetical(words: &SentenceWords, clause: usize, verb: usize) -> bool {
    let aside = clause..verb;
    if aside.is_empty() || aside.len() > 3 || !words.gap_before(verb, 0).contains(',') {
        return false;
    }
    if !words.gap_before(clause, 0).contains(',') {
        return false;
    }
    let first = words.lower(clause);
    let opens_aside = en::ASIDE_ADVERBS.contains(&first)
        || (aside.len() == 1 && is_inside_word(words, clause))
        || words.classes(clause) & en::PREPOSITION != 0;
    opens_aside && (clause + 1..verb).all(|at| !words.punctuated_before(at))
}

/// Whether the `by` at `index` starts an amount (`by 3.4%`, `by four percent`, `by more
/// than 400 points`, `by a third`, `by half`), not an agent (`by the ministry`, `by
/// several residents`).
fn by_an_amount(words: &SentenceWords, index: usize) -> bool {
    let mut at = index + 1;
    // Hedges before the number: `by about 300`, `by more than 400`, `by as much as 3%`.
    loop {
        match words.lower(at) {
            "about" | "around" | "almost" | "nearly" | "roughly" | "some" | "over" | "just"
            | "only" | "another" | "further" => at += 1,
            "more" | "less" | "fewer" if words.lower(at + 1) == "than" => at += 2,
            "up" if words.lower(at + 1) == "to" => at += 2,
            "as" if matches!(words.lower(at + 1), "much" | "many" | "little")
                && words.lower(at + 2) == "as" =>
            {
                at += 3
            }
            _ => break,
        }
    }
    let word = words.lower(at);
    if words.numeral(at) {
        // `by 2030` is a deadline (see `by_a_time`).
        return !is_year_number(word);
    }
    if matches!(word, "a" | "an") {
        return matches!(
            words.lower(at + 1),
            "third" | "quarter" | "fifth" | "tenth" | "half" | "percent" | "point" | "factor"
        );
    }
    // `a`, `an` and `single` are cardinals too; the first two are taken above.
    matches!(
        word,
        "half" | "hundreds" | "thousands" | "dozens" | "double" | "percent"
    ) || (word != "single" && crate::temporal::english_cardinal(word).is_some())
}

/// Whether `word` is a year of the last or this century written in digits (`2030`).
fn is_year_number(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|byte| byte.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Whether the `by` at `index` starts a time (`The shelling stopped by Friday morning`,
/// `by noon`, `by the end of the day`, `by 2021`), a deadline rather than an agent.
fn by_a_time(words: &SentenceWords, index: usize) -> bool {
    let word = words.lower(index + 1);
    crate::temporal::is_calendar_name(word)
        || is_year_number(word)
        || matches!(
            word,
            "noon" | "midday" | "midnight" | "dawn" | "nightfall" | "then" | "now" | "tonight"
        )
        || (word == "the" && matches!(words.lower(index + 2), "end" | "time" | "evening"))
}

/// Whether the amount after `up` or `down` at `index` says how far something moved (`down
/// 2.4%`, `up by a third`).
fn moved_by_an_amount(words: &SentenceWords, index: usize) -> bool {
    let amount_at = if words.lower(index + 1) == "by" {
        index + 1
    } else {
        index
    };
    by_an_amount(words, amount_at)
}

/// A simple past at `index` (`The auction eventually failed`), if its subject check
/// passes.
fn simple_past(words: &SentenceWords, index: usize) -> Option<VerbGroup> {
    let lower = words.lower(index);
    let classes = words.classes(index);
    if !(en::can_be_past(lower, classes) || past_mostly_adjective_as_verb(words, index))
        || classes & (en::BE | en::HAVE | en::DO | en::MODAL) != 0
        || (classes & en::STATIVE != 0 && !stative_as_event(words, index))
    {
        return None;
    }
    // `Emails exchanged among officials have been entered`, `the amount calculated for
    // last year is preliminary`: a participle whose clause has its own auxiliary later
    // (not one of a relative clause) modifies the noun before it.
    if en::can_be_participle(lower, classes) {
        let mut at = index + 1;
        while at < words.len() && !words.punctuated_before(at) {
            let later = words.classes(at);
            if later & (en::RELATIVE | en::SUBORDINATOR | en::CONJUNCTION) != 0 {
                break;
            }
            let finite = !matches!(words.lower(at), "be" | "been" | "being" | "having");
            if finite && later & (en::BE | en::HAVE | en::MODAL) != 0 {
                return None;
            }
            at += 1;
        }
    }
    // `used to` tells a habit.
    if lower == "used" && words.lower(index + 1) == "to" {
        return None;
    }
    if qualifies_noun_of_appositive(words, index) || ends_reduced_relative(words, index) {
        return None;
    }
    // A participle followed by its agent modifies a noun: `Screenshots reviewed by
    // Suspilne show …`. A past form that is no participle has no agent (`The index fell
    // by 3 percent`), and `by` before an amount tells how much (`Exports dropped by a
    // fifth`, `by 4%`), and `by` before an `-ing` form tells how (`Moscow responded by
    // expelling two diplomats`).
    let by_means = || en::is_ing(words.lower(index + 2)) && !words.capitalised(index + 2);
    if words.lower(index + 1) == "by"
        && index + 1 < words.len()
        && en::can_be_participle(lower, classes)
        && !by_an_amount(words, index + 1)
        && !by_means()
        && !by_a_time(words, index + 1)
    {
        return None;
    }
    // `Lukashenka (pictured) met`: a bracketed aside before the verb; the subject
    // stands before its opening bracket.
    let before_brackets = || {
        let open = words.bracket_opening_before(index, 4)?;
        // Only the bracket stands between the subject and the aside.
        (words.gap_before(open, 0).trim() == "(")
            .then(|| open.checked_sub(1))
            .flatten()
    };
    let subject = subject_before(words, index)
        .map(|subject| {
            if can_be_subject(words, subject) {
                subject
            } else {
                before_brackets().unwrap_or(subject)
            }
        })
        .or_else(|| {
            // `The mayor, who took office in March, resigned` and `Boeing's newest aircraft,
            // the 787, made`: the subject stands before the relative clause or appositive.
            let marks_only = |at: usize| {
                words
                    .gap_before(at, 0)
                    .chars()
                    .all(|ch| ch.is_whitespace() || "\"“”«»()[]’&".contains(ch))
            };
            let clause = (1..index)
                .rev()
                .find(|&at| words.punctuated_before(at) && !marks_only(at))?;
            let relative = matches!(words.lower(clause), "who" | "which");
            // A participle that qualifies the noun before it is no verb of the aside (`a
            // stock index used to gauge the market, fell`).
            let no_verb_inside = || {
                !(clause + 1..index)
                    .any(|at| can_be_verb(words, at) && !qualifies_noun_before(words, at))
            };
            // It may open with a possessive (`Russia, Belarus's main ally, sent`).
            let appositive = (words.classes(clause) & en::DETERMINER != 0
                || words.possessive(clause))
                && (clause + 1..index).all(marks_only)
                && no_verb_inside();
            // `Tsikhanouskaya, born in Mikashevichy, addressed`, `The ministry, citing
            // security concerns, closed`.
            let opener = words.lower(clause);
            let participial = (en::opens_participial_aside(opener, words.classes(clause))
                || en::is_ing(opener))
                && words.gap_before(clause, 0).contains(',')
                && (clause + 1..index).all(marks_only)
                && no_verb_inside();
            // `Makei, 64, died`: an age between commas.
            let age = clause + 1 == index
                && words.gap_before(clause, 0).contains(',')
                && words
                    .lower(clause)
                    .bytes()
                    .all(|byte| byte.is_ascii_digit());
            // `The opposition leader, Sviatlana Tsikhanouskaya, met`: a name between
            // commas.
            let name = words.gap_before(clause, 0).contains(',')
                && words.gap_before(index, 0).contains(',')
                && index - clause <= 4
                && (clause..index).all(|at| words.capitalised(at))
                && (clause + 1..index).all(marks_only);
            (relative
                || appositive
                || participial
                || age
                || name
                || parenthetical(words, clause, index))
            .then(|| clause.checked_sub(1))
            .flatten()
        })?;
    // `The problem was minor, and affected the software`: a verb coordinated with an
    // earlier one shares its subject.
    let coordinated = matches!(words.lower(subject), "and" | "but")
        && (0..subject).any(|at| {
            let classes = words.classes(at);
            classes & (en::BE | en::HAVE) != 0 || en::can_be_past(words.lower(at), classes)
        });
    if !coordinated && !can_be_subject(words, subject) {
        return None;
    }
    // `the so-called`, `a long-planned`: a participle after a determiner is an adjective,
    // which `can_be_subject` already refuses; a past that equals its base form after
    // `to` or a modal is a base form, refused the same way.
    Some(VerbGroup {
        first: index,
        verb: index,
        form: EventForm::Past,
    })
}

/// Whether a past that mostly stands as an adjective (`en::PASTS_MOSTLY_ADJECTIVES`) is
/// a verb at `index`: after a subject pronoun (`He retired`), or before an object that an
/// adjective cannot qualify, a determiner, a pronoun, a number or a name (`Russia
/// occupied Crimea`, `The commission registered five candidates`). Before a plain noun
/// it stays an adjective (`occupied territories`); whether a subject stands before it is
/// asked by `simple_past` as for any past.
fn past_mostly_adjective_as_verb(words: &SentenceWords, index: usize) -> bool {
    if !en::PASTS_MOSTLY_ADJECTIVES.contains(&words.lower(index))
        || index == 0
        || words.punctuated_before(index)
        || words.capitalised(index)
    {
        return false;
    }
    words.classes(index - 1) & en::SUBJECT_PRONOUN != 0 || opens_object(words, index + 1)
}

/// Whether the word at `at` opens a verb's object that no adjective before it could
/// qualify: a determiner, a number (in words or digits), an object pronoun or a name
/// (`registered five candidates`, `occupied Crimea`, `has armed them`), joined to the
/// word before without punctuation.
fn opens_object(words: &SentenceWords, at: usize) -> bool {
    at < words.len()
        && !words.punctuated_before(at)
        && (words.classes(at) & (en::DETERMINER | en::QUANTITY | en::OBJECT_PRONOUN) != 0
            || words.numeral(at)
            || words.capitalised(at))
}

/// Whether the participle at `index` qualifies the noun of an appositive that a comma
/// closes before a later verb: `The old plant, a factory built in 1961, closed` (the
/// sentence's verb is `closed`). An aside that no comma closes is the sentence itself
/// (`For the day, the Nikkei closed down 2%`), and one closed before no verb is a
/// participle's object or a list (`The index, the gauge followed by traders, …`).
fn qualifies_noun_of_appositive(words: &SentenceWords, index: usize) -> bool {
    if !qualifies_noun_before(words, index) {
        return false;
    }
    let Some(opener) = (1..index).rev().find(|&at| words.punctuated_before(at)) else {
        return false;
    };
    let Some(close) = (index + 1..words.len()).find(|&at| words.punctuated_before(at)) else {
        return false;
    };
    opens_subject_appositive(words, opener)
        && words.gap_before(close, 0).contains(',')
        && (close..words.len()).any(|at| can_be_verb(words, at))
}

/// Whether the participle at `index` ends its clause after the noun phrase that follows
/// the clause's `be` or past, qualifying its noun, with an adverb between at most (`It is
/// a method widely used`, `These are the weapons recently supplied`): a reduced relative,
/// not a verb of its own.
fn ends_reduced_relative(words: &SentenceWords, index: usize) -> bool {
    let next = index + 1;
    if !en::can_be_participle(words.lower(index), words.classes(index))
        || (next < words.len() && !words.punctuated_before(next))
    {
        return false;
    }
    let adverb = |at: usize| words.classes(at) & en::ADVERB != 0 || words.lower(at).ends_with("ly");
    let Some(mut noun) = index.checked_sub(1) else {
        return false;
    };
    if adverb(noun) {
        let Some(before) = noun.checked_sub(1) else {
            return false;
        };
        noun = before;
    }
    if !can_be_noun(words, noun) {
        return false;
    }
    // The noun phrase's determiner, a few words before its noun, right after the verb.
    let Some(determiner) = (noun.saturating_sub(3)..noun)
        .rev()
        .find(|&at| words.classes(at) & en::DETERMINER != 0)
    else {
        return false;
    };
    let Some(verb) = determiner.checked_sub(1) else {
        return false;
    };
    let verb_classes = words.classes(verb);
    (verb + 1..=index).all(|at| !words.punctuated_before(at))
        && (verb_classes & en::BE != 0 || en::can_be_past(words.lower(verb), verb_classes))
}

/// Whether the word at `opener` opens an appositive to the sentence's subject: a
/// determiner after a comma, with no verb or subordinator before it (`The old plant, a
/// factory …`; not `As the jet was pushed back, the winglet …`).
pub(super) fn opens_subject_appositive(words: &SentenceWords, opener: usize) -> bool {
    words.gap_before(opener, 0).contains(',')
        && words.classes(opener) & en::DETERMINER != 0
        && !(0..opener)
            .any(|at| can_be_verb(words, at) || words.classes(at) & en::SUBORDINATOR != 0)
}

/// Whether the stative past at `index` tells an act here: `appeared` and `sounded` before
/// a place or a time (`The activist appeared in court`, `Sirens sounded across Ukraine`),
/// an object (`sounded the alarm`) or the sentence's end, not before `like`, `as`, `to` or
/// an adjective (`appeared to be`, `sounded like a blast`, `appeared tired`); and `stood`
/// at a figure.
fn stative_as_event(words: &SentenceWords, index: usize) -> bool {
    if words.lower(index) == "stood" {
        // `Turnout stood at 45 percent`, `The toll stood at about 40`: a figure measured
        // at a time; `stood at the entrance` is a place.
        let figure = (index + 2..words.len().min(index + 4))
            .find(|&at| !matches!(words.lower(at), "about" | "around" | "some" | "roughly"));
        return words.lower(index + 1) == "at"
            && !words.punctuated_before(index + 1)
            && figure.is_some_and(|at| words.numeral(at) && !words.punctuated_before(at));
    }
    if !matches!(words.lower(index), "appeared" | "sounded") {
        return false;
    }
    let next = index + 1;
    if next >= words.len() || words.punctuated_before(next) {
        return true;
    }
    let classes = words.classes(next);
    !matches!(words.lower(next), "like" | "as" | "to")
        && classes & (en::PREPOSITION | en::DETERMINER) != 0
}

/// An inverted passive whose `was` or `were` is at `be` (`Also detained was the editor`,
/// `Among those released were two journalists`, `Killed in the attack were three
/// soldiers`): the participle opens the sentence, after at most `also` and `among
/// those`, and a short phrase may follow it before the `be`.
fn inverted_passive(words: &SentenceWords, be: usize) -> Option<VerbGroup> {
    if !matches!(words.lower(be), "was" | "were") {
        return None;
    }
    let participle = (be.saturating_sub(5)..be).find(|&at| passive_participle(words, at))?;
    // `also`, then `among those` (`Those detained were students` is no inversion).
    let mut at = usize::from(words.lower(0) == "also");
    if words.lower(at) == "among" && matches!(words.lower(at + 1), "those" | "them" | "others") {
        at += 2;
    }
    let opening = at == participle;
    let phrase = !(participle + 1..be).any(|at| can_be_verb(words, at));
    let unbroken = (1..=be).all(|at| !words.punctuated_before(at));
    (opening && phrase && unbroken).then_some(VerbGroup {
        first: participle,
        verb: participle,
        form: EventForm::Passive,
    })
}

/// Nouns of a happening that `there was` or `there were` reports (`There was an
/// explosion at the depot`, `There were clashes near the border`).
const HAPPENINGS: &[&str] = &[
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "clash",
    "clashes",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "protest",
    "protests",
    "rally",
    "rallies",
    "fire",
    "fires",
    "shooting",
    "shootings",
    "incident",
    "incidents",
    "raid",
    "raids",
    "arrests",
    "searches",
    "shelling",
    "fighting",
    "skirmishes",
    "riots",
    "demonstrations",
];

/// `There was` or `there were` at `be` before a noun of a happening, over at most three
/// words of quantity or description (`There were at least three explosions`), but not
/// after `no` (`There was no comment`, `There were no clashes` reports nothing that
/// happened).
fn existential_happening(words: &SentenceWords, be: usize) -> Option<VerbGroup> {
    let there = be.checked_sub(1)?;
    if words.lower(there) != "there" || !matches!(words.lower(be), "was" | "were") {
        return None;
    }
    happening_after(words, be, &[])?;
    Some(VerbGroup {
        first: be,
        verb: be,
        form: EventForm::Past,
    })
}

/// The first noun of [`HAPPENINGS`] or `also` among the four words after `verb`, before
/// any punctuation, when no negation (`no`, `not`, `never`) stands before it: what `there
/// was` and `had` report as having happened.
fn happening_after(words: &SentenceWords, verb: usize, also: &[&str]) -> Option<usize> {
    let noun = (verb + 1..words.len().min(verb + 5))
        .take_while(|&at| !words.punctuated_before(at))
        .find(|&at| {
            let lower = words.lower(at);
            HAPPENINGS.contains(&lower) || also.contains(&lower)
        })?;
    let negated = (verb + 1..noun).any(|at| words.classes(at) & en::NEGATION != 0);
    (!negated).then_some(noun)
}

/// Nouns of an exchange between parties or of a market's movement that `had` reports as
/// a happening (`Lukashenka had a phone conversation with Putin`, `The ministers had
/// talks in Sochi`, `The index had its worst fall since 1987`), besides [`HAPPENINGS`].
const HAD_HAPPENINGS: &[&str] = &[
    "talks",
    "talk",
    "meeting",
    "meetings",
    "conversation",
    "conversations",
    "call",
    "calls",
    "discussion",
    "discussions",
    "negotiations",
    "consultations",
    "interview",
    "audience",
    "encounter",
    "confrontation",
    "quarrel",
    "row",
    "accident",
    "crash",
    "collision",
    "gain",
    "fall",
    "drop",
    "rise",
    "decline",
    "jump",
    "surge",
    "slump",
    "finish",
];

/// `had` at `have` as a verb of its own (`had talks`, `had a phone conversation`; or
/// `has had`, `have had`, `had had`), before a noun of a happening over at most three words of
/// description (`had a lengthy telephone conversation`), after a subject: an event. Not
/// after `no` (`had no contact`), and not before a participle, which makes `had` an
/// auxiliary (`had met`), nor when it tells what someone owns or undergoes (`had a
/// cold`, `had 9 million inhabitants`: no such noun follows).
fn had_a_happening(words: &SentenceWords, have: usize) -> Option<VerbGroup> {
    let (had, form) = match words.lower(have) {
        "has" | "have" | "had" if words.lower(have + 1) == "had" => (have + 1, EventForm::Perfect),
        "had" => (have, EventForm::Past),
        _ => return None,
    };
    let noun = happening_after(words, had, HAD_HAPPENINGS)?;
    // Words of description only: no auxiliary or participle (`had met`), no preposition.
    let described = (had + 1..noun).all(|at| {
        let classes = words.classes(at);
        classes & (en::PREPOSITION | en::BE | en::HAVE | en::MODAL) == 0
            && !en::can_be_participle(words.lower(at), classes)
    });
    let subject = subject_before(words, have)?;
    (described && can_be_subject(words, subject)).then_some(VerbGroup {
        first: have,
        verb: noun,
        form,
    })
}

/// A timetable verb in the present at `index` (`The talks resume on Monday`, see
/// `temporal::timetable_verb`), after a subject; a scheduled event only with its
/// sentence's date.
fn timetable_present(words: &SentenceWords, index: usize) -> Option<VerbGroup> {
    let lower = words.lower(index);
    let following = crate::temporal::timetable_verb(lower)?;
    let follows = following
        .iter()
        .enumerate()
        .all(|(offset, word)| words.lower(index + 1 + offset) == *word);
    let subject = subject_before(words, index)?;
    // A plural subject takes the base form, a singular one the `-s` form; the subject
    // must be a noun or a name, not `to` or a modal (`plans to open`, `will open`).
    (follows && !words.capitalised(index) && can_be_subject(words, subject)).then_some(VerbGroup {
        first: index,
        verb: index,
        form: EventForm::Future,
    })
}

/// Whether the word at `subject`, before a verb of planning or expecting, is the verb's
/// subject and names who acts: a name, an agent noun or a pronoun (`The government plans
/// to`, `Officials plan to`, `Lukashenka is expected to`). Not when it is a noun the verb
/// belongs to (`a joint plan to`, `Its plan to`, `imperils the Acme and Beta plan to`: a
/// preposition, a possessive or an object's determiner opens its run of names), nor a
/// bare singular noun opening the sentence (`Government plans to … are on hold`), nor a
/// plural noun there that names no agent (`Prices are expected to`).
fn acts_on_its_own(words: &SentenceWords, subject: usize) -> bool {
    let classes = words.classes(subject);
    let lower = words.lower(subject);
    if classes & en::DETERMINER != 0 {
        return false;
    }
    if classes & (en::SUBJECT_PRONOUN | en::QUANTITY) != 0 {
        return true;
    }
    let plural = lower.ends_with('s');
    let acting = if classes & en::AGENT_NOUN != 0 {
        subject > 0 || plural
    } else {
        words.capitalised(subject) && (subject > 0 || !plural)
    };
    let in_run = |at: usize| {
        !words.punctuated_before(at + 1)
            && words.classes(at) & en::DETERMINER == 0
            && (words.capitalised(at)
                || words.lower(at) == "and" && at > 0 && words.capitalised(at - 1))
    };
    let run_start = (0..=subject)
        .rev()
        .take_while(|&at| at == subject || in_run(at))
        .last()
        .unwrap_or(subject);
    // A determiner opens a subject at a clause's start (`The government plans`, `said
    // that the government plans`), an object after a verb (`imperils the Acme plan to`).
    let clause_start = |at: usize| {
        at == 0
            || words.punctuated_before(at)
            || words.classes(at - 1) & (en::CONJUNCTION | en::SUBORDINATOR | en::RELATIVE) != 0
    };
    let opened_as_noun = run_start.checked_sub(1).is_some_and(|before| {
        let classes = words.classes(before);
        !words.punctuated_before(run_start)
            && (classes & en::PREPOSITION != 0
                || words.possessive(before)
                || classes & en::DETERMINER != 0 && !clause_start(before))
    });
    acting && !opened_as_noun
}

/// A plan in the present at `index` (`The government plans to raise the minimum wage in
/// July`, `Officials intend to open the terminal next year`, `The opposition plans a rally
/// on Saturday`), after a subject: a scheduled event only with its sentence's date, as a
/// future with `will` is. Wishes and hopes (`wants to`, `hopes to`) are not plans.
fn planned_present(words: &SentenceWords, index: usize) -> Option<VerbGroup> {
    if !matches!(words.lower(index), "plans" | "plan" | "intends" | "intend") {
        return None;
    }
    let next = index + 1;
    let planned = match words.lower(next) {
        "to" => next + 1 < words.len() && can_be_base(words, next + 1),
        "a" | "an" => next + 1 < words.len() && !words.punctuated_before(next + 1),
        _ => false,
    };
    let subject = subject_before(words, index)?;
    (planned
        && acts_on_its_own(words, subject)
        && !words.punctuated_before(next)
        && !words.capitalised(index))
    .then_some(VerbGroup {
        first: index,
        verb: index,
        form: EventForm::Future,
    })
}

/// The first verb group of `words` that reports an event, among the words the caller
/// allows (`usable`: not quoted, not part of a set phrase, not in a conditional clause).
/// `dated`: the sentence has its own anchoring date (a future needs one).
pub fn find_event(
    words: &SentenceWords,
    usable: impl Fn(usize) -> bool,
    dated: bool,
) -> Option<VerbGroup> {
    find_event_from(words, 0, usable, dated)
}

/// [`find_event`] from the word at `from` on.
pub fn find_event_from(
    words: &SentenceWords,
    from: usize,
    usable: impl Fn(usize) -> bool,
    dated: bool,
) -> Option<VerbGroup> {
    let end = words.len();
    let mut index = from;
    while index < end {
        if !usable(index) {
            index += 1;
            continue;
        }
        let classes = words.classes(index);
        if classes & (en::BE | en::HAVE | en::MODAL | en::DO) != 0 {
            if classes & en::MODAL != 0
                && !matches!(words.lower(index), "will" | "shall" | "'ll" | "’ll")
            {
                // `would have given`, `could be sent`: a hedge or a condition; skip the
                // rest of its group.
                index = skip_inside(words, index + 1, end).map_or(end, |next| next + 2);
                continue;
            }
            if let Some(group) = auxiliary_group(words, index, end, dated) {
                if usable(group.verb) && subject_allows(words, index) {
                    return Some(group);
                }
                index = group.verb + 1;
                continue;
            }
            if let Some(group) = inverted_passive(words, index)
                .or_else(|| existential_happening(words, index))
                .or_else(|| had_a_happening(words, index))
                .filter(|group| usable(group.verb))
            {
                return Some(group);
            }
            index += 1;
            continue;
        }
        if let Some(group) = simple_past(words, index).or_else(|| continuing(words, index)) {
            return Some(group);
        }
        if dated {
            if let Some(group) =
                timetable_present(words, index).or_else(|| planned_present(words, index))
            {
                return Some(group);
            }
        }
        index += 1;
    }
    None
}

/// `continues` or `continue` after its subject, in the main clause: a happening going on
/// (`Fighting continues around Pokrovsk`, `Russia continues to shell Kharkiv`, `The
/// search continues`), as `under way` is; not after `to` or a modal, nor in a clause of
/// `that` or a relative one.
fn continuing(words: &SentenceWords, index: usize) -> Option<VerbGroup> {
    if !matches!(words.lower(index), "continues" | "continue") || words.capitalised(index) {
        return None;
    }
    let subject = subject_before(words, index)?;
    let main_clause = (0..index).all(|at| {
        words.lower(at) != "that" && words.classes(at) & (en::RELATIVE | en::SUBORDINATOR) == 0
    });
    // A happening in `-ing` is a subject too (`Fighting continues`, `Shelling continues`).
    let subject_fits = can_be_subject(words, subject) || HAPPENINGS.contains(&words.lower(subject));
    (main_clause && subject_fits).then_some(VerbGroup {
        first: index,
        verb: index,
        form: EventForm::Ongoing,
    })
}

/// Whether the subject before an auxiliary allows an event: not the outlet's `we` or
/// `I`, and not a question's inverted order (`Has the army …?` has no subject before).
fn subject_allows(words: &SentenceWords, first: usize) -> bool {
    match subject_before(words, first) {
        Some(subject) => words.classes(subject) & en::FIRST_PERSON == 0,
        // A clause after a comma or a quotation: `…, has been sent` is rare; the group
        // after a sentence's first word has its subject inside it.
        None => first > 0,
    }
}
