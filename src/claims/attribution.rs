//! Who asserts a claim: the speaker of a statement (the words before or after its cue, a
//! registry actor where one is named there, a pronoun's latest actor), or the article's
//! `Source` for an event that no one in the text asserts.

use super::english::{self as en};
use super::words::SentenceWords;
use super::ActorMention;
use crate::temporal::Timex;
use crate::text::TextRange;

/// Who asserts a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Speaker {
    /// An actor of the registry: the speaker phrase at `range` (`Belarusian president
    /// Aliaksandr Lukashenka`, or a pronoun) and the mention of the actor that names it
    /// (`named`, inside the phrase or, for a pronoun, earlier in the paragraph).
    Actor {
        actor: usize,
        range: TextRange,
        named: TextRange,
    },
    /// The words that name the speaker (`a U.S. official`, `Belarusian state media`).
    Named(TextRange),
    /// No one in the text: the article's `Source` asserts it.
    Source,
}

/// A claim's attribution: its speaker, its cue, and whether the words are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attribution {
    pub speaker: Speaker,
    /// The reporting cue (`said`, `according to`); none for an event.
    pub cue: Option<TextRange>,
    /// Whether the claim quotes its speaker's words directly.
    pub direct: bool,
}

impl Speaker {
    /// The speaker's range in the text, if the text names it.
    pub fn range(&self) -> Option<TextRange> {
        match self {
            Speaker::Actor { range, .. } | Speaker::Named(range) => Some(*range),
            Speaker::Source => None,
        }
    }

    /// The speaker's ranges moved by `shift`.
    pub fn shifted(self, shift: impl Fn(TextRange) -> TextRange) -> Self {
        match self {
            Speaker::Actor {
                actor,
                range,
                named,
            } => Speaker::Actor {
                actor,
                range: shift(range),
                named: shift(named),
            },
            Speaker::Named(range) => Speaker::Named(shift(range)),
            Speaker::Source => Speaker::Source,
        }
    }
}

/// The latest speaker of a paragraph, whom `he`, `she`, `it`, `он` stand for: a
/// registry actor with the mention naming it, or the words that named one speaker who
/// is no actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastSpeaker {
    Actor(usize, TextRange),
    Named {
        /// The words that name the speaker.
        words: TextRange,
        /// The sentence whose claim they spoke last: a pronoun stands for them only in
        /// the sentence right after.
        spoke_in: TextRange,
        /// The actor that spoke before them, whom a pronoun stands for again further on.
        actor_before: Option<(usize, TextRange)>,
    },
}

impl LastSpeaker {
    /// `Tsikhanouskaya expressed condolences. She said …`: the actor that opens the
    /// sentence of an event right before its verb group (which starts at `verb`) is its
    /// subject, whom the next `she` names; not one that qualifies the subject
    /// (`Kyiv's envoy met …`). `mentions` are those of the sentence and before.
    pub fn subject_of_event(
        words: &SentenceWords,
        verb: usize,
        mentions: &[ActorMention],
    ) -> Option<Self> {
        let opening = (words.len() > 0).then(|| words.range(0).start)?;
        let subject = mentions
            .iter()
            .find(|mention| mention.range.start == opening)?;
        let after = words.first_ending_after(subject.range.end);
        let right_before = after <= verb
            && verb - after <= 1
            && !(after..=verb).any(|at| words.punctuated_before(at));
        right_before.then_some(LastSpeaker::Actor(subject.actor, subject.range))
    }

    /// What the speaker of a claim of `sentence` leaves for the next pronoun: an actor;
    /// the words of one speaker who is no actor (`Artyom Shraibman`, `a spokesman`,
    /// `Шрайбман`), not of several (`Analysts`, `officials`, `Аналитики`) nor a pronoun
    /// left unresolved, which leave `previous`.
    pub fn after(
        previous: Option<LastSpeaker>,
        speaker: &Speaker,
        text: &str,
        sentence: TextRange,
    ) -> Option<Self> {
        match *speaker {
            Speaker::Actor { actor, named, .. } => Some(LastSpeaker::Actor(actor, named)),
            Speaker::Named(range) => {
                let words = range.slice(text);
                let mut written = words
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|word| !word.is_empty());
                let first_written = written.next().unwrap_or_default();
                let last_written = written.next_back();
                let single = last_written.is_none();
                let last_written = last_written.unwrap_or(first_written);
                let last = last_written.to_lowercase();
                // A name may end as a plural does (`Tomas Jonaitis`, `said Landsbergis`):
                // a capitalised last word is one, unless it is the only word and opens
                // the sentence (`Officials said`).
                let opens_sentence = text
                    .get(sentence.start..range.start)
                    .is_some_and(|before| !before.contains(char::is_alphanumeric));
                let name =
                    last_written.starts_with(char::is_uppercase) && !(opens_sentence && single);
                let pronoun = matches!(last.as_str(), "he" | "she" | "it" | "they" | "we" | "i")
                    || super::slavic::is_singular_pronoun(&last)
                    || matches!(last.as_str(), "они" | "вони" | "яны" | "oni" | "one");
                // English plurals in `-s`, Cyrillic ones in `-ы`, `-и`, `-і` (the Latin
                // `-y` of `ministry` is no Polish plural's).
                let plural = !name
                    && ((last.ends_with('s') && !last.ends_with("ss"))
                        || last.ends_with(['ы', 'и', 'і']));
                let actor_before = match previous {
                    Some(LastSpeaker::Actor(actor, named)) => Some((actor, named)),
                    Some(LastSpeaker::Named { actor_before, .. }) => actor_before,
                    None => None,
                };
                if pronoun || plural {
                    previous
                } else {
                    Some(LastSpeaker::Named {
                        words: range,
                        spoke_in: sentence,
                        actor_before,
                    })
                }
            }
            Speaker::Source => previous,
        }
    }
}

impl Attribution {
    /// The attribution of an event no one in the text asserts.
    pub fn source() -> Self {
        Attribution {
            speaker: Speaker::Source,
            cue: None,
            direct: false,
        }
    }
}

/// The longest speaker phrase taken, in words.
const LONGEST_SPEAKER: usize = 10;

/// Whether the word at `index` ends a speaker phrase read backwards from a cue (it is
/// not part of the phrase).
fn stops_phrase(words: &SentenceWords, index: usize) -> bool {
    let classes = words.classes(index);
    let lower = words.lower(index);
    if classes & (en::SUBORDINATOR | en::BE | en::HAVE | en::MODAL | en::DO | en::NEGATION) != 0
        && !matches!(lower, "after" | "before" | "since" | "once")
    {
        return true;
    }
    if matches!(lower, "but" | "or" | "nor" | "yet" | "then" | "so") {
        return true;
    }
    // A verb before the subject (`noting officials said`): a lower-case past or `-ing`.
    !words.capitalised(index)
        && classes & (en::AGENT_NOUN | en::QUANTITY) == 0
        && (en::can_be_past(lower, classes) || en::is_ing(lower))
}

/// Whether the word at `index` is (or is the `as` of) a participle that gives the noun
/// before it a name inside a speaker phrase (`a group calling itself the Cyber Partisans
/// claimed`, `a channel known as Hajun reported`, `an official named John Doe said`):
/// the phrase goes on past it.
fn names_its_noun(words: &SentenceWords, index: usize) -> bool {
    let next = words.lower(index + 1);
    match words.lower(index) {
        "calling" => matches!(next, "itself" | "themselves" | "himself" | "herself"),
        "known" => next == "as",
        "as" => index > 0 && words.lower(index - 1) == "known",
        "called" | "named" => index + 1 < words.len() && words.capitalised(index + 1),
        _ => false,
    }
}

/// Whether the word at `index` is a participle that qualifies the noun right before it
/// with a phrase of a preposition after it, inside a speaker phrase (`Officials speaking
/// on condition of anonymity said`, `A report published by Amnesty says`, `A video
/// circulating on social media shows`): the phrase goes on past it to its noun. Not a
/// verb before the subject (`noting officials said`), which no preposition follows.
fn opens_reduced_relative(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    let classes = words.classes(index);
    let participle = en::is_ing(lower) || en::opens_participial_aside(lower, classes);
    participle
        && index > 0
        && !words.capitalised(index)
        && !words.punctuated_before(index)
        && !words.punctuated_before(index + 1)
        && words.classes(index + 1) & en::PREPOSITION != 0
        && words.lower(index + 1) != "to"
        && super::verbs::can_be_noun(words, index - 1)
}

/// Whether the text between two words holds only quotation marks and spaces (`“Belaruski
/// Hayun” reported`): a quoted name still joins its phrase.
pub(super) fn only_quote_marks(gap: &str) -> bool {
    gap.chars()
        .all(|ch| ch.is_whitespace() || matches!(ch, '"' | '“' | '”' | '«' | '»' | '„'))
}

/// The speaker phrase that ends right before `end` (exclusive word index), read backwards
/// over words joined without punctuation; `None` when there is none. Punctuation right
/// before `end` ends the search unless `across_end` (an appositive's comma).
fn phrase_before(words: &SentenceWords, end: usize, across_end: bool) -> Option<(usize, usize)> {
    let joined = |index: usize| {
        !words.punctuated_before(index) || only_quote_marks(words.gap_before(index, 0))
    };
    // Auxiliaries and adverbs right before the cue belong to its verb group (`has also
    // said`), not to the speaker.
    let mut last = end;
    while let Some(before) = last.checked_sub(1) {
        let classes = words.classes(before);
        let lower = words.lower(before);
        // A capitalised word in `-ly` is a name (`Mulally says`), not an adverb.
        let in_group = classes & (en::HAVE | en::ADVERB | en::MODAL | en::DO) != 0
            || (lower.len() > 4 && lower.ends_with("ly") && !words.capitalised(before));
        if !in_group || !joined(last) {
            break;
        }
        last = before;
    }
    if !(joined(last) || (across_end && last == end)) && last < words.len() {
        return None;
    }
    let mut first = last;
    while let Some(before) = first.checked_sub(1) {
        // `people they said had organised the rally`: a subject pronoun opens its phrase.
        if first < last && words.classes(first) & en::SUBJECT_PRONOUN != 0 {
            break;
        }
        if last - before > LONGEST_SPEAKER
            || (stops_phrase(words, before)
                && !names_its_noun(words, before)
                && !opens_reduced_relative(words, before))
        {
            break;
        }
        first = before;
        if !joined(first) {
            break;
        }
    }
    (first < last).then_some((first, last))
}

/// The speaker phrase that starts right after `start` (word index), up to punctuation,
/// `that`, or a verb.
fn phrase_after(words: &SentenceWords, start: usize) -> Option<(usize, usize)> {
    phrase_after_from(words, start, false)
}

/// [`phrase_after`], which may also start right after punctuation (`across_start`: the
/// comma that ends an opening phrase).
fn phrase_after_from(
    words: &SentenceWords,
    start: usize,
    across_start: bool,
) -> Option<(usize, usize)> {
    if start >= words.len() || (words.punctuated_before(start) && !across_start) {
        return None;
    }
    let mut end = start;
    while end < words.len() && end - start < LONGEST_SPEAKER {
        if end > start && words.punctuated_before(end) {
            break;
        }
        let lower = words.lower(end);
        let classes = words.classes(end);
        if matches!(lower, "that" | "as" | "about" | "on" | "to")
            || (end > start && stops_phrase(words, end))
        {
            break;
        }
        if classes & en::SUBJECT_PRONOUN != 0 && end > start {
            break;
        }
        end += 1;
    }
    (end > start).then_some((start, end))
}

/// The range of words `first..last` (word indexes, end exclusive).
fn span(words: &SentenceWords, (first, last): (usize, usize)) -> TextRange {
    let end = words.range(last - 1).end;
    // `центр «Вясна»`: a title's closing mark belongs to the name its opening one starts.
    let opened = (first + 1..last).any(|at| words.gap_before(at, 0).contains(['«', '„', '“']));
    let closing = words
        .text()
        .get(end..)
        .and_then(|after| after.chars().next())
        .filter(|&mark| opened && matches!(mark, '»' | '”' | '“'))
        .map_or(0, char::len_utf8);
    TextRange::new(words.range(first).start, end + closing)
}

/// The words of the phrase with leading determiners and conjunctions left out, as the
/// speaker's range (`the ministry` names it as well, and `and` is no part of it), and a
/// date at its end.
fn trimmed(
    words: &SentenceWords,
    (mut first, mut last): (usize, usize),
    dates: &[Timex],
) -> (usize, usize) {
    // `what it said were documents`: `what` opens the reported thing, not the speaker.
    while first + 1 < last
        && (words.classes(first) & (en::CONJUNCTION | en::PREPOSITION | en::RELATIVE) != 0
            || words.lower(first) == "what")
        && words.lower(first) != "according"
    {
        first += 1;
    }
    // `Ukrainian President Volodymyr Zelensky on Tuesday urged`: a date between the
    // speaker and the cue tells when, not who; after a participle it tells the noun's own
    // happening (`Protesters detained on Sunday said`).
    let mut cut = last;
    while cut > first + 1 && in_dates(words, dates, cut - 1) {
        cut -= 1;
        while cut > first + 1 && matches!(words.lower(cut - 1), "on" | "late" | "early") {
            cut -= 1;
        }
    }
    let after_participle =
        en::can_be_participle(words.lower(cut - 1), words.classes(cut - 1)) && cut < last;
    if !after_participle {
        last = cut;
    }
    (first, last)
}

/// Whether the phrase `first..last` runs to the sentence's end or to punctuation: a
/// speaker named after its cue (`…,” said the minister.`) ends there.
fn ends_clause(words: &SentenceWords, (_, last): (usize, usize)) -> bool {
    last >= words.len() || words.punctuated_before(last)
}

/// Whether the word at `index` reads as a verb's present in `-s` before its object
/// (`Belarus rejects the accusations and blames …`): a plural noun is not followed by a
/// determiner or an object pronoun.
fn present_before_object(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !words.possessive(index)
        && words.classes(index)
            & (en::AGENT_NOUN | en::QUANTITY | en::PREPOSITION | en::DETERMINER | en::ADVERB)
            == 0
        && words.classes(index + 1) & (en::DETERMINER | en::OBJECT_PRONOUN) != 0
        && !words.punctuated_before(index + 1)
}

/// The `as` of `quoted … as saying` after the cue `quoted` at `cue`, within a speaker's
/// length.
fn quoted_as(words: &SentenceWords, cue: usize) -> Option<usize> {
    (cue + 2..words.len().min(cue + 2 + LONGEST_SPEAKER))
        .find(|&at| words.lower(at) == "as" && words.lower(at + 1) == "saying")
}

/// The speaker of a statement whose cue spans the words `cue_first..=cue_last`.
/// `mentions` are the actor mentions of the paragraph up to the sentence's end, in text
/// order, for a speaker named by an actor; `last_speaker` is the latest speaker of the
/// paragraph, for `he said`; `dates` are the sentence's temporal expressions, none of
/// which is part of a speaker.
pub fn speaker_of_cue(
    words: &SentenceWords,
    cue_first: usize,
    cue_last: usize,
    mentions: &[ActorMention],
    last_speaker: Option<LastSpeaker>,
    quoted: &[bool],
    dates: &[Timex],
) -> Speaker {
    let is_quoted = |index: usize| quoted.get(index).copied().unwrap_or(false);
    let cue_word = words.lower(cue_first);
    if cue_first == cue_last && cue_word.ends_with("ly") {
        // `reportedly`, `allegedly`: unnamed sources, asserted by the outlet.
        return Speaker::Source;
    }
    // A speaker after its cue (`“…,” said the minister`) is no number: `announced 10,000
    // job cuts` names what was announced.
    // It may be followed by a participle of its own (`said analyst John Doe commenting
    // on the figures`).
    let forward = |from: usize| {
        phrase_after(words, from).filter(|found| {
            let participle_after = found.1 < words.len()
                && !words.capitalised(found.1)
                && en::is_ing(words.lower(found.1));
            (ends_clause(words, *found) || participle_after) && !words.numeral(found.0)
        })
    };
    // The subject of the sentence's first verb: the speaker of a participle cue
    // (`Lukashenka tried to justify it by claiming …`).
    // A sentence that opens with a subordinate clause (`When the ministry banned the
    // rally, the opposition protested, claiming …`) has its subject after the clause's
    // comma.
    let main_clause = if words.classes(0) & en::SUBORDINATOR != 0 {
        (1..cue_first)
            .find(|&at| words.gap_before(at, 0).contains(','))
            .unwrap_or(1)
    } else {
        1
    };
    let subject = || {
        let verb = (main_clause.max(1)..cue_first).find(|&index| {
            let classes = words.classes(index);
            classes & (en::BE | en::HAVE | en::MODAL) != 0
                || (!words.capitalised(index)
                    && (en::can_be_past(words.lower(index), classes)
                        || present_before_object(words, index)))
        })?;
        phrase_before(words, verb, false)
    };
    let quoted_as = (cue_word == "quoted")
        .then(|| quoted_as(words, cue_last))
        .flatten();
    // `The spokeswoman dismissed the accusations and accused Lithuania …`, `She welcomed
    // the release but said …`: a cue coordinated with an earlier verb shares its subject.
    let coordinated = cue_first
        .checked_sub(1)
        .is_some_and(|before| matches!(words.lower(before), "and" | "but"))
        .then(subject)
        .flatten();
    let phrase = match cue_word {
        // `…, saying that …`, `by claiming …`.
        _ if cue_first == cue_last && cue_word.ends_with("ing") => {
            // `a note stating …` names its speaker right before; `…, saying` and `by
            // claiming` leave it to the sentence's subject.
            let attached = !words.punctuated_before(cue_first)
                && cue_first
                    .checked_sub(1)
                    .is_some_and(|before| words.classes(before) & en::PREPOSITION == 0);
            if attached {
                phrase_before(words, cue_first, false).or_else(subject)
            } else {
                subject().or_else(|| phrase_before(words, cue_first, false))
            }
        }
        // `according to the ministry`.
        "according" => phrase_after(words, cue_last + 1),
        // `in a statement, the ministry …`: the subject before, or after. A phrase that
        // goes on past the cue (`in an interview with the BBC, Tsikhanouskaya …`, `in a
        // post on X, Sikorski …`) names the medium, not the speaker: the subject starts
        // after its comma.
        "in" => phrase_before(words, cue_first, false).or_else(|| {
            let clause = (cue_last + 1..words.len().min(cue_last + LONGEST_SPEAKER))
                .find(|&at| words.gap_before(at, 0).contains(','));
            if let Some(clause) = clause {
                return phrase_after_from(words, clause, true);
            }
            let mut after = cue_last + 1;
            while after < words.len() && words.classes(after) & en::DETERMINER != 0 {
                after += 1;
            }
            phrase_after(words, after)
        }),
        // `He was quoted as saying …`: the one quoted stands before the passive's `be`.
        "quoted" if words.lower(cue_last + 1) == "as" => cue_first
            .checked_sub(1)
            .filter(|&be| words.classes(be) & en::BE != 0)
            .and_then(|be| phrase_before(words, be, false)),
        // `The agency quoted the minister as saying …`: the one quoted stands between.
        "quoted" if quoted_as.is_some() => quoted_as
            .filter(|&at| !(cue_last + 1..at).any(|word| words.punctuated_before(word)))
            .map(|at| (cue_last + 1, at)),
        // `was described by a senior official as …`.
        _ if words.lower(cue_last + 1) == "by" => phrase_after(words, cue_last + 2),
        _ if coordinated.is_some() => coordinated,
        // A quotation's words are no speaker (`“It is,” said the minister`).
        _ => match phrase_before(words, cue_first, false).filter(|&(_, last)| !is_quoted(last - 1))
        {
            // `…, who said`: the speaker stands before the comma.
            Some((first, last))
                if last - first == 1 && matches!(words.lower(first), "who" | "which") =>
            {
                phrase_before(words, first, true).or(Some((first, last)))
            }
            Some(found) => Some(found),
            // An appositive (`Oleksiy Danilov, secretary of the council, admitted`), or
            // the speaker after the cue (`“…,” said the minister`).
            None => {
                // The cue's auxiliaries and adverbs (`, has announced`) belong to it.
                let group = (1..=cue_first)
                    .rev()
                    .take_while(|&at| {
                        at == cue_first
                            || words.classes(at) & (en::HAVE | en::MODAL | en::DO | en::ADVERB) != 0
                    })
                    .last()
                    .unwrap_or(cue_first);
                let aside = (1..group)
                    .rev()
                    .find(|&index| words.punctuated_before(index))
                    .filter(|&chunk| {
                        !is_quoted(chunk)
                            && !is_quoted(chunk - 1)
                            && !only_quote_marks(words.gap_before(chunk, 0))
                    });
                // A role after the name: the name before the aside is the speaker.
                // A role that opens with a possessive (`Belaruskali, Belarus's biggest
                // exporter, has announced`) is one too.
                let role = aside.filter(|&chunk| {
                    (!words.capitalised(chunk)
                        || words.classes(chunk) & en::DETERMINER != 0
                        || words.possessive(chunk))
                        && words.capitalised(chunk - 1)
                });
                // A name after the role (`The head of the KGB, Ivan Tertel, claimed`): the
                // name between the commas is.
                let name = aside.filter(|&chunk| {
                    words.gap_before(chunk, 0).contains(',')
                        && words.gap_before(group, 0).contains(',')
                        && (chunk..group).all(|at| words.capitalised(at))
                });
                // A participle's aside (`The video, posted on Telegram, shows`): the
                // noun before it.
                // So is a present participle's (`NATO officials, speaking on condition of
                // anonymity, said`).
                let participial = aside.filter(|&chunk| {
                    words.gap_before(chunk, 0).trim() == ","
                        && (en::opens_participial_aside(words.lower(chunk), words.classes(chunk))
                            || en::is_ing(words.lower(chunk)))
                });
                // `Acme Corp (ACM) announced`: the name before the brackets.
                let bracketed = || {
                    let open = words.bracket_opening_before(group, 5)?;
                    phrase_before(words, open, true)
                };
                // `Analysts from several banks, however, said`: a one-word aside between
                // the speaker and the cue.
                let adverb_aside = aside.filter(|&chunk| {
                    let lower = words.lower(chunk);
                    group == chunk + 1
                        && words.gap_before(chunk, 0).trim() == ","
                        && words.gap_before(group, 0).trim() == ","
                        && (words.classes(chunk) & en::ADVERB != 0
                            || lower.ends_with("ly")
                            || en::ASIDE_ADVERBS.contains(&lower))
                });
                // A relative clause's aside (`A senior official, who spoke on condition
                // of anonymity, said`): the noun before it.
                let relative = aside.filter(|&chunk| {
                    matches!(words.lower(chunk), "who" | "which")
                        && words.gap_before(chunk, 0).trim() == ","
                        && words.gap_before(group, 0).trim() == ","
                });
                role.or(participial)
                    .or(adverb_aside)
                    .or(relative)
                    .and_then(|chunk| phrase_before(words, chunk, true))
                    .or_else(|| name.map(|chunk| (chunk, group)))
                    .or_else(bracketed)
                    .or_else(|| {
                        // `A second breach was reported at the tax authority`, `… have
                        // been declared extremist`: a passive cue with no `by` names no
                        // speaker after it.
                        // Not across punctuation: `“It is,” said the minister`.
                        let passive = group.checked_sub(1).is_some_and(|be| {
                            words.classes(be) & en::BE != 0 && !words.punctuated_before(group)
                        });
                        (!passive).then(|| forward(cue_last + 1)).flatten()
                    })
            }
        },
    };
    let Some(phrase) = phrase else {
        return Speaker::Source;
    };
    resolve(
        words,
        trimmed(words, phrase, dates),
        mentions,
        last_speaker,
        false,
    )
}

/// The speaker that the phrase `first..last` names: a registry actor named at its end,
/// the latest actor that spoke for a singular pronoun, or the phrase's words. `slavic`:
/// the pronouns are those of Russian, Ukrainian, Belarusian and Polish.
fn resolve(
    words: &SentenceWords,
    (first, last): (usize, usize),
    mentions: &[ActorMention],
    last_speaker: Option<LastSpeaker>,
    slavic: bool,
) -> Speaker {
    let range = span(words, (first, last));
    // An actor named at the phrase's end is the speaker (`Belarusian president
    // Aliaksandr Lukashenka`); one named after a preposition (`sources in the armed
    // forces`) or before the end (`Tsikhanouskaya’s team`) only qualifies it.
    let head_end = words.range(last - 1).end;
    if let Some(mention) = mentions.iter().rev().find(|mention| {
        range.contains_range(mention.range)
            && words
                .text()
                .get(mention.range.end..head_end)
                .is_some_and(|rest| rest.is_empty() || rest == "’s" || rest == "'s")
    }) {
        // The agent of a participle that qualifies the head is who speaks through it
        // (`Screenshots reviewed by Suspilne show`, `A report published by Amnesty
        // says`): its `by` is no preposition that only qualifies.
        let agent_by = |index: usize| {
            words.lower(index) == "by"
                && index > first
                && en::opens_participial_aside(words.lower(index - 1), words.classes(index - 1))
        };
        let after_preposition = (first..last)
            .take_while(|&index| words.range(index).end <= mention.range.start)
            .any(|index| words.classes(index) & en::PREPOSITION != 0 && !agent_by(index));
        // A state or a body in the genitive after a noun in lower case only qualifies
        // it (`wysłannik USA`, `представитель Кремля`); a person's name after a title is
        // the speaker (`министр обороны Хренин`).
        let qualifies_noun = slavic
            && !mention.person
            && words.range(first).start < mention.range.start
            && (first..last)
                .take_while(|&index| words.range(index).end <= mention.range.start)
                .last()
                .is_some_and(|before| {
                    // The sentence's first word is capitalised whatever it is.
                    !words.capitalised(before)
                        || (before == 0
                            && !mentions
                                .iter()
                                .any(|other| other.range.contains_range(words.range(0))))
                });
        if !after_preposition && !qualifies_noun {
            return Speaker::Actor {
                actor: mention.actor,
                range,
                named: mention.range,
            };
        }
    }
    let pronoun = if slavic {
        super::slavic::is_singular_pronoun(words.lower(first))
    } else {
        // `it said`: a ministry, an agency or a state that spoke before.
        matches!(words.lower(first), "he" | "she" | "it")
    };
    if last - first == 1 && pronoun {
        // `he said`: the latest speaker before in the paragraph, an actor or the words
        // that named one who is none (`said Artyom Shraibman, an analyst. He added`).
        match last_speaker {
            Some(LastSpeaker::Actor(actor, named)) => {
                return Speaker::Actor {
                    actor,
                    range,
                    named,
                }
            }
            Some(LastSpeaker::Named { words, .. }) => return Speaker::Named(words),
            None => {}
        }
    }
    Speaker::Named(range)
}

/// Whether the word at `index` ends a Slavic speaker phrase read backwards or forwards
/// (it is no part of it): a subordinator (`что`, `że`), a relative, a negation, a
/// conditional, a demonstrative (`Об этом заявил`), an adverb (`вчера`, `także`), a verb.
fn stops_slavic_phrase(words: &SentenceWords, index: usize) -> bool {
    use super::slavic;
    words.classes(index)
        & (en::SUBORDINATOR
            | en::RELATIVE
            | en::NEGATION
            | en::ADVERB
            | en::BE
            | slavic::CONDITIONAL
            | slavic::DEMONSTRATIVE
            | slavic::EVENT_PAST
            | slavic::PASSIVE_FORM)
        != 0
}

/// A source phrase's speaker without the subject of the clause after it, where no comma
/// parts them (`Według policji demonstranci rzucali kamieniami`, `Zdaniem jej rzecznika
/// decyzja jest błędna`): a phrase of two words or more that a personal verb, a negation
/// or an adverb ended, not punctuation or a name, loses its last word when that word is
/// in lower case. An impersonal verb has no subject (`Według ministerstwa obrony
/// przekroczono normy`).
fn without_subject(words: &SentenceWords, (first, last): (usize, usize)) -> (usize, usize) {
    use super::slavic::{ends_as_masculine_past, guessed_form, GuessedForm, EVENT_PAST};
    // A masculine past no list holds counts too (`Według policji sprawca działał sam`):
    // after a source phrase and a word in lower case, it is the clause's verb.
    let personal = |at: usize| {
        words.classes(at) & (en::BE | en::NEGATION | en::ADVERB | EVENT_PAST) != 0
            || guessed_form(words.lower(at)) == Some(GuessedForm::Past)
            || (!words.capitalised(at) && ends_as_masculine_past(words.lower(at)))
    };
    let verb_after = last < words.len() && !words.punctuated_before(last) && personal(last);
    if verb_after && last - first >= 2 && !words.capitalised(last - 1) {
        (first, last - 1)
    } else {
        (first, last)
    }
}

/// The third person's pronouns in the forms that follow a preposition (`według nich`,
/// `для него`): never possessives, unlike `jego`, `jej`, `ich` (`według jej rzecznika`).
fn is_oblique_pronoun(word: &str) -> bool {
    matches!(
        word,
        "него" | "неё" | "нее" | "них" | "нього" | "неї" | "niego" | "niej" | "nich"
    )
}

/// `about this` after a cue, before its speaker: `об этом`, `о том`, `про це`, `пра
/// гэта`, `o tym`.
fn is_about_this(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("об" | "о", "этом" | "том")
            | ("про", "це" | "те")
            | ("пра", "гэта" | "тое")
            | ("o", "tym")
    )
}

/// Those a statement is told to, in the dative (`журналистам`, `dziennikarzom`) or, after
/// `poinformować`, the accusative (`dziennikarzy`): never its speaker.
fn is_addressee(word: &str) -> bool {
    matches!(
        word,
        "журналистам"
            | "репортерам"
            | "репортёрам"
            | "корреспонденту"
            | "корреспондентам"
            | "журналістам"
            | "кореспонденту"
            | "кореспондентам"
            | "карэспандэнту"
            | "карэспандэнтам"
            | "dziennikarzom"
            | "dziennikarzy"
            | "reporterom"
            | "korespondentowi"
    ) || is_outlet_noun(word)
}

/// An outlet in the dative, which its name may follow (`агентству Reuters`).
fn is_outlet_noun(word: &str) -> bool {
    matches!(
        word,
        "агентству"
            | "изданию"
            | "телеканалу"
            | "газете"
            | "радиостанции"
            | "агенцтву"
            | "виданню"
            | "газеті"
            | "выданню"
            | "газеце"
            | "agencji"
            | "portalowi"
            | "gazecie"
            | "telewizji"
            | "radiu"
    )
}

/// The prepositions before a place or body that speaks for it (`В Минобороны заявили`,
/// `w MSZ poinformowano`): the phrase after them is the speaker.
fn is_locative(word: &str) -> bool {
    matches!(word, "в" | "во" | "у" | "ў" | "w" | "we")
}

/// Where a statement was made, after `в`/`у`/`w`: a network or a broadcast (`у Telegram`,
/// `в эфире`, `w wywiadzie`), not who made it.
fn is_medium(word: &str) -> bool {
    matches!(
        word,
        "telegram"
            | "телеграм"
            | "телеграме"
            | "телеграмі"
            | "facebook"
            | "фейсбуке"
            | "фейсбуці"
            | "x"
            | "twitter"
            | "твиттере"
            | "твіттері"
            | "instagram"
            | "youtube"
            | "соцсетях"
            | "соцмережах"
            | "сацсетках"
            | "эфире"
            | "ефірі"
            | "эфіры"
            | "интервью"
            | "інтерв'ю"
            | "інтерв’ю"
            | "інтэрв'ю"
            | "інтэрв’ю"
            | "wywiadzie"
            | "rozmowie"
            | "mediach"
    )
}

/// Whether the word at `at` stands inside one of the sentence's temporal expressions
/// `dates`, which no speaker phrase holds.
fn in_dates(words: &SentenceWords, dates: &[Timex], at: usize) -> bool {
    let range = words.range(at);
    dates.iter().any(|date| date.range.contains_range(range))
}

/// Whether a Cyrillic word ends as an adjective (`Повітряних`, `Государственной`,
/// `Национальный`, `Державна`), which stands before the noun it qualifies.
fn cyrillic_adjective(word: &str) -> bool {
    word.chars().count() > 4
        && word.chars().next().is_some_and(super::slavic::is_cyrillic)
        && [
            "их", "ых", "ой", "ій", "ий", "ый", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему",
            "ую", "юю", "ые", "ие", "ыя", "ае",
            // The Ukrainian feminine (`Державна прикордонна служба`, `Національна
            // поліція`), by endings no first name has.
            "льна", "вна", "ська", "цька", "зька",
            // And its plural (`Повітряні сили`, `Збройні сили`, `Військові адміністрації`).
            "ні", "ві", "кі",
            // The Belarusian masculine (`Каардынацыйны штаб`, `Дзяржаўны памежны камітэт`).
            "ны",
        ]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Whether the phrase names someone who can speak: a capitalised word, a pronoun, or a
/// speaking noun (`министр`, `rzecznik`).
fn can_speak(words: &SentenceWords, (first, last): (usize, usize)) -> bool {
    (first..last).any(|index| {
        words.capitalised(index)
            || words.classes(index) & (en::SUBJECT_PRONOUN | en::AGENT_NOUN) != 0
    })
}

/// Whether the phrase before a Slavic cue is its object in the accusative, not its
/// speaker (`Информацию подтвердили в пресс-службе суда`, `Інформацію підтвердили в
/// поліції`): a feminine accusative ends so, and no nominative does.
/// So is a personal pronoun in an oblique case (`Его обвиняют в шпионаже`, `Jego
/// oskarżają`), and one word in `-а`, `-я` before a plural cue, which no plural
/// nominative of a person ends in (`Активиста обвиняют в экстремизме`).
/// So, last, is one word in the dative, whom the news is told to (`Задержанному
/// сообщили о подозрении`, `Йому повідомили`, `Президенту сообщили`): its adjectival
/// and Polish endings end no nominative; `-у`, `-ю` only before a plural cue (`Шойгу
/// сообщил`), the Ukrainian `-ові` only before a singular one (`Військові повідомили`).
fn accusative_object(words: &SentenceWords, (first, last): (usize, usize), cue: usize) -> bool {
    if last == first + 1 {
        let word = words.lower(first);
        if ACCUSATIVE_PRONOUNS.contains(&word)
            || DATIVE_PRONOUNS.contains(&word)
            || is_oblique_pronoun(word)
        {
            return true;
        }
        let cue_word = words.lower(cue);
        let plural_cue = super::slavic::ends_as_plural_verb(cue_word);
        if word.ends_with(['а', 'я']) && plural_cue {
            return true;
        }
        // The Ukrainian `-ові` is also a plural adjective's (`Військові повідомили`).
        let dative = word.chars().count() >= 5
            && (["ому", "ему", "аму", "яму", "owi", "emu"]
                .iter()
                .any(|ending| word.ends_with(ending))
                || (!plural_cue && ["ові", "еві"].iter().any(|ending| word.ends_with(ending)))
                || (plural_cue && word.ends_with(['у', 'ю'])));
        if dative {
            return true;
        }
    }
    last > first
        && last - first <= 2
        && ["ию", "ію", "ыю", "ую"]
            .iter()
            .any(|ending| words.lower(last - 1).ends_with(ending))
}

/// Units of time in the genitive plural, after a `since` (`od miesięcy`, `з тижнів`):
/// how long something has gone on.
const SINCE_UNITS: &[&str] = &[
    "miesięcy",
    "lat",
    "tygodni",
    "dni",
    "месяцев",
    "лет",
    "недель",
    "дней",
    "місяців",
    "років",
    "тижнів",
    "днів",
    "месяцаў",
    "гадоў",
    "тыдняў",
    "дзён",
];

/// Personal pronouns in the accusative or genitive in the forms that stand without a
/// preposition (`Его обвиняют`), which are no speaker; those after one are
/// [`is_oblique_pronoun`]'s.
const ACCUSATIVE_PRONOUNS: &[&str] = &[
    "его", "её", "ее", "их", "його", "її", "їх", "яго", "яе", "іх", "jego", "go", "ją", "ich",
    "jej",
];

/// Personal pronouns in the dative (`Ему сообщили`, `Йому повідомили`, `Jemu
/// przekazano`), to whom something is told.
const DATIVE_PRONOUNS: &[&str] = &[
    "ему", "ей", "им", "йому", "їй", "їм", "яму", "ёй", "ім", "jemu", "mu", "im",
];

/// Whether a Slavic cue accuses (`обвиняют`, `звинуватили`, `абвінавацілі`, `oskarżają`).
fn accuses(lower: &str) -> bool {
    [
        "обвин",
        "звинуват",
        "звинувач",
        "абвінавач",
        "абвінавац",
        "oskarż",
    ]
    .iter()
    .any(|stem| lower.starts_with(stem))
}

/// Whether a word no list holds reads as an adverb of manner or frequency by its ending
/// (`неоднократно`, `официально`, `неодноразово`, `oficjalnie`, `wielokrotnie`): such
/// adverbs stand between a speaker and its cue (`Киев неоднократно отрицал`) and are too
/// many to list. Endings of adjectives' adverbs only; nouns end otherwise (`-anie`).
fn reads_as_slavic_adverb(lower: &str) -> bool {
    lower.chars().count() >= 6
        && [
            "ьно", "тно", "вно", "чно", "ово", "lnie", "cznie", "wnie", "tnie",
        ]
        .iter()
        .any(|ending| lower.ends_with(ending))
}

/// The Slavic speaker phrase that ends right before the cue at `end`: adverbs right
/// before the cue skipped (`Лукашенко также заявил`), read back over words joined without
/// punctuation to a stop word; a preposition drops itself and its object (`Вчера в Минске
/// министр заявил`), unless it is all there is (`В Минобороны заявили`). `after_aside`:
/// `end` opens an aside set off by a comma before the cue (a relative clause), which the
/// phrase ends before.
fn slavic_phrase_before(
    words: &SentenceWords,
    end: usize,
    dates: &[Timex],
    after_aside: bool,
) -> Option<(usize, usize)> {
    let joined = |index: usize| {
        !words.punctuated_before(index) || only_quote_marks(words.gap_before(index, 0))
    };
    let in_date = |at: usize| in_dates(words, dates, at);
    // An adverb or a date between the speaker and the cue is no part of the speaker
    // (`Киев неоднократно отрицал`, `Улады ў сакавіку прызналі`).
    let mut last = end;
    while let Some(before) = last.checked_sub(1) {
        let adverb = words.classes(before) & en::ADVERB != 0
            || (!words.capitalised(before) && reads_as_slavic_adverb(words.lower(before)));
        let dating = in_date(before)
            || (words.classes(before) & en::PREPOSITION != 0 && in_date(before + 1));
        if !(adverb || dating) || !joined(last) {
            // `Mińsk od miesięcy oskarża Polskę`, `Москва уже несколько лет отрицает`: how
            // long, which the date recognizer leaves to the verb, is no part either.
            let since = before.checked_sub(1).filter(|&since| {
                joined(last)
                    && joined(before)
                    && SINCE_UNITS.contains(&words.lower(before))
                    && super::anchoring::is_slavic_since(words.lower(since))
            });
            match since {
                Some(since) => {
                    last = since;
                    continue;
                }
                None => break,
            }
        }
        last = before;
    }
    // The phrase runs up to the cue, or up to the comma of an aside before it.
    if last < words.len() && !joined(last) && !after_aside {
        return None;
    }
    let mut first = last;
    while let Some(before) = first.checked_sub(1) {
        // `Как передал корреспондент`: `как` opens a clause whose speaker follows its verb.
        if last - before > LONGEST_SPEAKER
            || stops_slavic_phrase(words, before)
            || in_date(before)
            || matches!(words.lower(before), "как" | "як" | "jak")
        {
            break;
        }
        if words.classes(before) & en::PREPOSITION != 0 {
            // `В Минобороны заявили`: the body spoken for; with the names that qualify
            // it, when the preposition opens the clause (`В Минобороны России
            // утверждают`, `W MSZ Litwy podkreślają`).
            let opens_clause = before == 0 || words.punctuated_before(before);
            let named_object = (first..last).all(|at| words.capitalised(at));
            let qualified_body = opens_clause && named_object;
            // Not a place in lower case inside the phrase, after a noun (`Лидер оппозиции
            // в изгнании заявила`: the leader in exile; `Также в вузах заявили` is said
            // in universities).
            let place_qualifies = !opens_clause
                && !named_object
                && before.checked_sub(1).is_some_and(|head| {
                    words.classes(head) & en::ADVERB == 0
                        && !reads_as_slavic_adverb(words.lower(head))
                        && !in_date(head)
                        && !stops_slavic_phrase(words, head)
                });
            if is_locative(words.lower(before))
                && (first + 1 == last || qualified_body)
                && !place_qualifies
            {
                break;
            }
            // `Opozycja na uchodźstwie apeluje`, `Лидер оппозиции в изгнании заявила`: a
            // phrase after a head that can speak, or after a noun in lower case inside
            // the phrase, is part of the speaker.
            let head = before.checked_sub(1).filter(|&head| {
                joined(before)
                    && (words.capitalised(head)
                        || words.classes(head) & en::AGENT_NOUN != 0
                        || place_qualifies)
                    && !stops_slavic_phrase(words, head)
            });
            if let Some(head) = head {
                first = head;
                if !joined(first) {
                    break;
                }
                continue;
            }
            if first < last {
                // The preposition's object is no part of the subject.
                first += 1;
            }
            break;
        }
        first = before;
        if !joined(first) {
            break;
        }
    }
    (first < last && can_speak(words, (first, last))).then_some((first, last))
}

/// The Slavic speaker phrase that starts right after the cue, at `start` (`заявил
/// министр обороны`, `— сказал он`, `по словам министра`), up to punctuation, a
/// preposition after its first word, or a stop word; a leading `в`/`w` is left out
/// (`заявили в Кремле`).
fn slavic_phrase_after(
    words: &SentenceWords,
    start: usize,
    dates: &[Timex],
) -> Option<(usize, usize)> {
    let mut start = start;
    // A date right after the cue is no part of the speaker (`poinformował w poniedziałek
    // rząd`, `сообщили в понедельник в Кремле`).
    let in_date = |at: usize| in_dates(words, dates, at);
    while start < words.len() && !words.punctuated_before(start) {
        if in_date(start) || (is_locative(words.lower(start)) && in_date(start + 1)) {
            start += 1;
        } else {
            break;
        }
    }
    // `Poinformował o tym dziennikarzy rzecznik`, `заявил журналистам министр`,
    // `сообщил агентству Reuters представитель МИД`: what the news is about, and those
    // it was told to, stand before the speaker.
    loop {
        if start + 1 < words.len()
            && !words.punctuated_before(start)
            && is_about_this(words.lower(start), words.lower(start + 1))
        {
            start += 2;
        } else if start < words.len()
            && !words.punctuated_before(start)
            && is_addressee(words.lower(start))
        {
            start += 1;
            // An outlet's name after its noun (`агентству Reuters`, `виданню «Українська
            // правда»`) is told to as well.
            if is_outlet_noun(words.lower(start - 1)) && start < words.len() {
                if words.gap_before(start, 0).contains(['«', '„', '"', '“']) {
                    start += 1;
                    while start < words.len()
                        && !words.gap_before(start, 0).contains(['»', '”', '"', '“'])
                    {
                        start += 1;
                    }
                } else {
                    while start < words.len()
                        && words.capitalised(start)
                        && !words.punctuated_before(start)
                    {
                        start += 1;
                    }
                }
            }
        } else {
            break;
        }
    }
    if start < words.len() && !words.punctuated_before(start) && is_locative(words.lower(start)) {
        start += 1;
        // `написав у Telegram голова ОВА`, `сообщил в эфире министр`: the medium, then
        // the speaker.
        if start + 1 < words.len()
            && is_medium(words.lower(start))
            && !words.punctuated_before(start + 1)
        {
            start += 1;
        }
    }
    let first_joined = |index: usize| {
        !words.punctuated_before(index) || only_quote_marks(words.gap_before(index, 0))
    };
    // `заявили о задержаниях`: what the cue is about, not who speaks.
    if start >= words.len() || !first_joined(start) || words.classes(start) & en::PREPOSITION != 0 {
        return None;
    }
    let mut end = start;
    while end < words.len() && end - start < LONGEST_SPEAKER {
        if end > start
            && ((words.punctuated_before(end) && !only_quote_marks(words.gap_before(end, 0)))
                || words.classes(end) & (en::PREPOSITION | en::CONJUNCTION) != 0)
        {
            break;
        }
        // `Według wstępnych informacji nikt nie zginął`: `nobody` opens the clause. So
        // does a share in the nominative (`Według sondażu większość Polaków popiera`),
        // whose genitive a source phrase would take (`według większości ekspertów`).
        if stops_slavic_phrase(words, end)
            || matches!(
                words.lower(end),
                "nikt" | "nic" | "никто" | "ничто" | "ніхто" | "ніщо" | "нічога"
            )
            || (end > start
                && matches!(
                    words.lower(end),
                    "większość"
                        | "część"
                        | "połowa"
                        | "большинство"
                        | "половина"
                        | "часть"
                        | "більшість"
                        | "частина"
                        | "большасць"
                        | "палова"
                        | "частка"
                ))
        {
            break;
        }
        // Nor are those told (`сказал посланник журналистам`).
        if end > start && is_addressee(words.lower(end)) {
            break;
        }
        // A date after the speaker is none of it either (`powiedział rzecznik w
        // czwartek`: the Polish `w` is no word of the lexicon).
        if end > start && (in_date(end) || (is_locative(words.lower(end)) && in_date(end + 1))) {
            break;
        }
        // A verb that no list holds, read from its ending, ends the phrase too
        // (`według operatora lotniska utrudnienia dotknęły …`, `według policji sprawca
        // działał sam`).
        // The Belarusian genitive plural ends as a past in `-аў` does (`кіраўнік
        // асацыяцыі перавозчыкаў`): after a noun in lower case it is one.
        let genitive_plural = end > start
            && super::slavic::BELARUSIAN_GENITIVE_PLURAL_ENDINGS
                .iter()
                .any(|ending| words.lower(end).ends_with(ending))
            && !words.capitalised(end - 1);
        if end > start
            && !words.capitalised(end)
            && (super::slavic::guessed_form(words.lower(end)).is_some()
                || (super::slavic::ends_as_masculine_past(words.lower(end)) && !genitive_plural))
        {
            break;
        }
        // A pronoun is the whole speaker: `— сказала она журналистам`, `Według nich
        // ograniczenia utrudniają pomoc` (Polish often writes no comma there).
        if end > start
            && (words.classes(end - 1) & en::SUBJECT_PRONOUN != 0
                || is_oblique_pronoun(words.lower(end - 1)))
        {
            break;
        }
        // A name ends where lower case resumes: `według rzecznika Straży Granicznej
        // sytuacja jest stabilna` (Polish writes no comma there). Not after a Cyrillic
        // adjective, which stands before its noun (`в Повітряних силах`, `в
        // Государственной думе`).
        if end > start
            && words.capitalised(end - 1)
            && !words.capitalised(end)
            && !cyrillic_adjective(words.lower(end - 1))
        {
            break;
        }
        end += 1;
    }
    (end > start).then_some((start, end))
}

/// The speaker of a Russian, Ukrainian, Belarusian or Polish statement whose cue spans
/// the words `cue_first..=cue_last`: after a source phrase (`по словам министра`,
/// `według rzecznika`); before a verb (`Лукашенко заявил`, `Rzecznik MSZ powiedział`), or
/// after it when nothing that can speak stands before (`Об этом заявил министр`, `«…», —
/// сказал он`); the outlet for an impersonal cue (`сообщается`). `dates` are the
/// sentence's temporal expressions, which no speaker phrase holds; the other
/// arguments as for [`speaker_of_cue`].
pub fn speaker_of_slavic_cue(
    words: &SentenceWords,
    cue_first: usize,
    cue_last: usize,
    mentions: &[ActorMention],
    last_speaker: Option<LastSpeaker>,
    dates: &[Timex],
) -> Speaker {
    use super::slavic;
    let cue_word = words.lower(cue_first);
    if slavic::is_impersonal(cue_word) {
        return Speaker::Source;
    }
    // `Тихановская приветствовала освобождение, но призвала …`: a cue coordinated with
    // an earlier verb shares the subject that opens the sentence.
    let coordinated = cue_first > 1
        && !words.punctuated_before(cue_first)
        && matches!(
            words.lower(cue_first - 1),
            "и" | "а" | "но" | "і" | "та" | "але" | "ды" | "i" | "a" | "ale" | "oraz"
        );
    let pronoun_in_cue = (cue_first..=cue_last)
        .find(|&at| slavic::is_possessive_in_source(words.lower(at)))
        .filter(|_| cue_last > cue_first);
    let phrase = if let Some(pronoun) = pronoun_in_cue {
        // `По его словам, …`: the pronoun inside the phrase is the speaker.
        Some((pronoun, pronoun + 1))
    } else if slavic::is_source_phrase(cue_word, cue_last + 1 - cue_first) {
        slavic_phrase_after(words, cue_last + 1, dates).map(|phrase| without_subject(words, phrase))
    } else if let Some(subject) = coordinated
        .then(|| slavic_phrase_after(words, 0, dates))
        .flatten()
        .filter(|&(_, last)| last < cue_first - 1)
    {
        Some(subject)
    } else if let Some(relative) = (cue_first.saturating_sub(LONGEST_SPEAKER)..cue_first)
        .rev()
        .take_while(|&at| !words.punctuated_before(at + 1))
        .find(|&at| {
            slavic::opens_relative_clause(words, at)
                && slavic::NOMINATIVE_RELATIVES.contains(&words.lower(at))
        })
    {
        // `Лукашенко, который ранее заявлял о мире, …`: the cue of a relative clause whose
        // pronoun is its subject is said by the phrase before the clause.
        slavic_phrase_before(words, relative, dates, true)
    } else {
        // `Лукашенко, который правит с 1994 года, заявил`: the speaker stands before the
        // relative clause that ends at the cue.
        let relative = (cue_first.saturating_sub(LONGEST_SPEAKER)..cue_first)
            .rev()
            .take_while(|&at| at + 1 == cue_first || !words.punctuated_before(at + 1))
            .find(|&at| slavic::opens_relative_clause(words, at))
            .filter(|_| words.punctuated_before(cue_first));
        match relative {
            Some(relative) => slavic_phrase_before(words, relative, dates, true),
            None => slavic_phrase_before(words, cue_first, dates, false),
        }
        .filter(|&phrase| !accusative_object(words, phrase, cue_first))
        .or_else(|| {
            // `Его обвиняют в шпионаже`: after an accusation, `в` names the charge, not
            // where those who speak sit (`сообщили в МИД`).
            let charge = accuses(cue_word)
                && matches!(
                    words.lower(cue_last + 1),
                    "в" | "во" | "у" | "ў" | "w" | "we"
                );
            (!charge)
                .then(|| slavic_phrase_after(words, cue_last + 1, dates))
                .flatten()
        })
    };
    match phrase {
        Some(phrase) if genitive_actor_before_plural(words, phrase, cue_first, mentions) => {
            Speaker::Named(span(words, phrase))
        }
        Some(phrase) => resolve(words, phrase, mentions, last_speaker, true),
        None => Speaker::Source,
    }
}

/// Whether the actor named at the end of a Slavic speaker phrase right before a plural
/// cue, past or present, only qualifies the phrase's head, in the genitive: `Жители
/// Минска сообщили`, `Медсестри лікарні Києва оголосили`, `Mieszkańcy Mińska
/// poinformowali`, `В Минобороны России утверждают`. One actor
/// does not take a plural verb; actors joined by a conjunction do (`Россия и Беларусь
/// заявили`), and so does an actor that opens the phrase.
fn genitive_actor_before_plural(
    words: &SentenceWords,
    (first, last): (usize, usize),
    cue_first: usize,
    mentions: &[ActorMention],
) -> bool {
    let cue = words.lower(cue_first);
    let plural = super::slavic::ends_as_plural_verb(cue);
    let head = words.range(first);
    let head_end = words.range(last - 1).end;
    plural
        && last == cue_first
        && last - first > 1
        && !(first..last).any(|at| words.classes(at) & en::CONJUNCTION != 0)
        && !mentions
            .iter()
            .any(|mention| mention.range.start == head.start)
        && mentions
            .iter()
            .any(|mention| mention.range.end == head_end && mention.range.start > head.start)
}
