//! Claims: sentences that report a specific statement (a reporting cue) or a specific
//! event (a verb group of the past, perfect, passive, scheduled or ongoing kind), who
//! asserts each, and which date, if any, anchors it (the spec's section 3).

mod anchoring;
mod attribution;
pub mod english;
mod frames;
pub mod slavic;
mod verbs;
mod words;

pub use anchoring::SideDetail;
pub use attribution::{Attribution, Speaker};
pub use verbs::EventForm;

pub mod meantime;
use crate::article::{Annotation, AnnotationKind, Article};
use crate::config::{Config, DateScope};
use crate::temporal::Timex;
use crate::text::TextRange;
use std::borrow::Cow;
use words::SentenceWords;

/// Why a sentence counts as a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ClaimTrigger {
    /// A reporting cue (`said`, `according to`), at its range: a statement.
    Cue(TextRange),
    /// The main verb of a verb group that reports an event, and the group's form.
    Event { verb: TextRange, form: EventForm },
}

impl ClaimTrigger {
    pub fn range(&self) -> TextRange {
        match self {
            ClaimTrigger::Cue(range) => *range,
            ClaimTrigger::Event { verb, .. } => *verb,
        }
    }

    pub fn is_statement(&self) -> bool {
        matches!(self, ClaimTrigger::Cue(_))
    }
}

impl Claim {
    /// Moves every range of the claim by `shift` (an edit before it).
    pub fn shift_ranges(&mut self, shift: impl Fn(TextRange) -> TextRange) {
        self.sentence = shift(self.sentence);
        self.trigger = match self.trigger {
            ClaimTrigger::Cue(range) => ClaimTrigger::Cue(shift(range)),
            ClaimTrigger::Event { verb, form } => ClaimTrigger::Event {
                verb: shift(verb),
                form,
            },
        };
        self.attribution.speaker = self.attribution.speaker.shifted(&shift);
        self.attribution.cue = self.attribution.cue.map(&shift);
        match &mut self.dating {
            Dating::Dated { by, .. } => *by = shift(*by),
            Dating::ByContext { sentence, by, .. } => {
                *sentence = shift(*sentence);
                *by = shift(*by);
            }
            Dating::Undated | Dating::Silenced => {}
        }
    }
}

/// What dates a claim.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Dating {
    /// A temporal expression or `{date: ...}` annotation in the sentence itself.
    Dated {
        by: TextRange,
        value: Option<String>,
    },
    /// An earlier sentence in scope carries the date.
    ByContext {
        sentence: TextRange,
        by: TextRange,
        value: Option<String>,
    },
    /// Nothing dates it.
    Undated,
    /// `{undated-ok}` in the sentence or `Lint: undated-ok` in the header.
    Silenced,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub sentence: TextRange,
    pub paragraph: usize,
    pub trigger: ClaimTrigger,
    pub attribution: Attribution,
    pub dating: Dating,
}

/// A mention of a known actor: where, and which actor (an index into the corpus's actors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    pub range: TextRange,
    pub actor: usize,
    /// Whether the actor is a person, whose name after a title is the speaker
    /// (`министр обороны Хренин`); a state's or a body's after a noun in lower case
    /// only qualifies it (`wysłannik USA`).
    pub person: bool,
}

/// A heading or caption: one line with no sentence-final punctuation. Headlines restate
/// the text under them in the present tense, so they are not claims of their own.
fn is_heading(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    !trimmed.contains('\n')
        && !trimmed.ends_with([
            '.', '!', '?', '"', '”', '’', '\'', ')', ']', '}', ':', ';', '»', '“', '‘',
        ])
}

/// Cues that are also common nouns (`the reports`, `his claims`, `orders`): they count
/// only when no determiner or adjective before them makes them a noun.
const NOUN_LIKE_CUES: &[&str] = &[
    "reports",
    "claims",
    "orders",
    "states",
    "notes",
    "says",
    "shows",
    "show",
    "promises",
    "forecasts",
    "fears",
    "doubts",
    "estimates",
    "demands",
];

/// Cues in the present of a plural subject (`Both men deny`, `Critics argue`): as with
/// [`NOUN_LIKE_CUES`], they count only after a subject (a name, a pronoun, a speaking
/// noun), since the same form follows `to` and modals and some are nouns too (`a
/// warning`, `the claim`).
const PLURAL_PRESENT_CUES: &[&str] = &[
    "deny",
    "insist",
    "warn",
    "argue",
    "allege",
    "admit",
    "confirm",
    "accuse",
    "claim",
    "predict",
    "expect",
    "stress",
    "announce",
    "blame",
    "note",
    "reject",
    "forecast",
    "fear",
    "doubt",
    "suggest",
    "caution",
    "see",
    "view",
    "regard",
    "demand",
    "criticise",
    "criticize",
    "complain",
    "estimate",
];

/// Words before a noun-like cue that make it a noun.
const NOUN_MARKERS: &[&str] = &[
    "the",
    "a",
    "an",
    "these",
    "those",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "such",
    "many",
    "some",
    "new",
    "recent",
    "media",
    "news",
    "further",
    "earlier",
    "later",
    "other",
    "several",
    "official",
    "unconfirmed",
    "of",
    "and",
    "in",
    "on",
    "by",
    "with",
    "from",
    "about",
    "for",
    "to",
];

/// Nouns of evidence that can show what they report (`Screenshots show …`).
fn is_evidence(word: &str) -> bool {
    matches!(
        word,
        "screenshots"
            | "screenshot"
            | "footage"
            | "video"
            | "videos"
            | "photos"
            | "photo"
            | "images"
            | "image"
            | "data"
            | "documents"
            | "document"
            | "records"
            | "figures"
            | "statistics"
            | "polls"
            | "poll"
            | "survey"
            | "surveys"
            | "imagery"
            | "recordings"
            | "recording"
            | "posts"
            | "messages"
            | "analysis"
            | "study"
            | "studies"
            | "report"
            | "reports"
    )
}

/// Whether a cue found at `index` of `words` is a reporting verb there: not a noun
/// (`on-the-ground reports`, `baseless reports`), not negated (`it is not reported`),
/// not an infinitive or a hedge (`a chance to speak out`, `may claim`), not an adjective
/// (`the alleged plot`), and not the outlet's own analysis (`This suggests …`).
fn cue_is_verb(words: &SentenceWords, index: usize, cue: &[String]) -> bool {
    // The word before, in the cue's clause: a quotation's last word is none (`„Nie
    // pozwolimy na to” – powiedział minister` has no infinitive `to powiedział`).
    let previous = index
        .checked_sub(1)
        .filter(|_| !words.punctuated_before(index))
        .map(|i| words.lower(i));
    if matches!(
        previous,
        Some("not" | "never" | "n't" | "не" | "ні" | "ня" | "nie")
    ) {
        return false;
    }
    let first = cue.first().map_or("", String::as_str);
    // `Kyiv rarely confirms such strikes`, `Officials usually say`, `Эксперты постоянно
    // критикуют решение`: what someone does as a habit is no specific statement.
    let habit = previous.is_some_and(|word| {
        verbs::HABIT_ADVERBS.contains(&word) || slavic::HABIT_WORDS.contains(&word)
    });
    if habit && !english::can_be_past(first, words.classes(index)) {
        return false;
    }
    if cue.len() == 1 && matches!(first, "added" | "adds") && adds_something_to(words, index) {
        return false;
    }
    // `Moscow dismissed the measures as illegal` judges them; `dismissed the minister`
    // is an act. So do `Analysts see the deal as …`, `Moscow views the drills as …`;
    // `saw a rise` is an event and `see the documents` no statement.
    if cue.len() == 1
        && matches!(
            first,
            "dismissed"
                | "dismisses"
                | "see"
                | "sees"
                | "saw"
                | "view"
                | "views"
                | "regard"
                | "regards"
        )
        && !judges_as(words, index)
    {
        return false;
    }
    if cue.len() == 1 && first == "called" && !calls_something_so(words, index) {
        return false;
    }
    // `A man accused of spying was sentenced`, `the commander blamed for the attack`: a
    // participle that qualifies the noun before it names who is blamed, not who blames,
    // whose object would stand between (`Poland accused Minsk of …`).
    if cue.len() == 1
        && matches!(
            (first, words.lower(index + 1)),
            ("accused", "of") | ("blamed", "for")
        )
        && verbs::qualifies_noun_before(words, index)
    {
        return false;
    }
    // `Фильм рассказывает о войне`, `Książka opowiada o wojnie`: a present of telling
    // about something describes a work; one that reports is followed by what was told
    // (`рассказывает, что …`) or follows `как` (`Как рассказывает женщина, …`).
    if cue.len() == 1
        && slavic::TELLING_PRESENTS.contains(&first)
        && matches!(
            words.lower(index + 1),
            "о" | "об" | "обо" | "про" | "пра" | "o"
        )
        && !words.punctuated_before(index + 1)
    {
        return false;
    }
    // `Uwolnienia przebiegają według znanego schematu`, `действовали согласно плану`: in
    // keeping with a plan or a pattern, not a source.
    if cue.len() == 1 && matches!(first, "według" | "wg" | "согласно" | "паводле") {
        let plan = (index + 1..words.len().min(index + 4))
            .take_while(|&at| !words.punctuated_before(at))
            .any(|at| {
                let lower = words.lower(at);
                [
                    "schemat",
                    "plan",
                    "harmonogram",
                    "scenariusz",
                    "wzor",
                    "wzór",
                    "zasad",
                    "reguł",
                    "kolejnoś",
                    "procedur",
                    "план",
                    "график",
                    "сценари",
                    "схем",
                    "правил",
                    "процедур",
                    "графік",
                ]
                .iter()
                .any(|stem| lower.starts_with(stem))
            });
        if plan {
            return false;
        }
    }
    // `powołując się na zagrożenie`, `со ссылкой на угрозу`: citing a reason, not a
    // source, which is a name, a speaking noun or a quoted title (`со ссылкой на
    // источники`, `powołując się na „Rzeczpospolitą”`).
    if cue.len() > 1
        && matches!(first, "powołując" | "со" | "з" | "са")
        && cue
            .last()
            .is_some_and(|last| matches!(last.as_str(), "на" | "na"))
    {
        let source = index + cue.len();
        let names_a_source = source < words.len()
            && (words.capitalised(source)
                || words.classes(source) & english::AGENT_NOUN != 0
                || words.gap_before(source, 0).contains(['«', '„', '"', '“']));
        if !names_a_source {
            return false;
        }
    }
    if cue.len() == 1
        && (slavic::hands_something_over(words, index)
            || slavic::calls_up_or_summons(words, index)
            || slavic::finds_guilty_or_designates(words, index))
    {
        return false;
    }
    // `United States`, `Notes from …`: a capital inside the sentence makes a name.
    if index > 0 && words.capitalised(index) && first != "according" {
        return false;
    }
    if cue.len() == 1 && !first.ends_with("ly") {
        let previous_classes = index.checked_sub(1).map_or(0, |i| words.classes(i));
        if previous == Some("to") || previous_classes & english::MODAL != 0 {
            return false;
        }
        // `the alleged plot`, `its reported losses`: an article or possessive makes the
        // participle an adjective (`other reported` and `which reported` do not).
        if first.ends_with("ed")
            && matches!(
                previous,
                Some(
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "these"
                        | "those"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "such"
                        | "any"
                        | "no"
                        | "every"
                )
            )
        {
            return false;
        }
        // `The video, posted on Telegram, shows …`: a participle opening an aside after a
        // noun qualifies that noun; it reports nothing.
        let after_comma = words.gap_before(index, 0).trim() == ",";
        if english::is_regular_ed(first, words.classes(index))
            && after_comma
            && words.classes(index + 1) & english::PREPOSITION != 0
            && (index + 2..words.len().min(index + 8))
                .any(|at| words.gap_before(at, 0).trim() == ",")
        {
            return false;
        }
        if NOUN_LIKE_CUES.contains(&first) || PLURAL_PRESENT_CUES.contains(&first) {
            // `Reports say …`, `Claims of fraud …`: opening a sentence, the form is the
            // subject noun, not its verb.
            if index == 0 {
                return false;
            }
            // `visitors from Poland and the Baltic states.`: ending the sentence, the form
            // is a noun, unless an inverted attribution ends so after a comma, a dash or a
            // quotation (`…, the report states.`).
            let inverted = || {
                (index.saturating_sub(5)..=index).any(|at| {
                    let gap = words.gap_before(at, 0);
                    gap.contains([',', '—', '–'])
                        || attribution::only_quote_marks(gap.trim()) && !gap.trim().is_empty()
                })
            };
            if NOUN_LIKE_CUES.contains(&first) && index + 1 == words.len() && !inverted() {
                return false;
            }
            // `IMF forecasts show …`, `Leaders of the Baltic states met …`: a verb of its
            // own right after makes the form its subject noun.
            if NOUN_LIKE_CUES.contains(&first) && verb_of_the_noun(words, index + 1) {
                return false;
            }
            // `The group claims responsibility`: only a verb takes that object.
            let takes_responsibility =
                matches!(words.lower(index + 1), "responsibility" | "credit");
            // `shows` is read by the evidence of its clause below (`A video circulating
            // on social media shows …`), not by the word right before it.
            let shows = matches!(first, "show" | "shows");
            if let Some(previous) = previous.filter(|_| !takes_responsibility && !shows) {
                // A present-tense cue that is also a plural noun (`800 orders`, `baseless
                // reports`) is a verb only after a name, a pronoun or a speaking noun
                // (`The president says`), and not after a determiner (`media reports`).
                // A document or a record says and states too (`the report states`).
                // A capital opening the sentence on a verb's base is an imperative, no
                // name (`Take note of …`).
                let imperative = index == 1 && previous_classes & english::BASE != 0;
                let subject = (words.capitalised(index - 1) && !imperative)
                    || previous_classes
                        & (english::SUBJECT_PRONOUN | english::AGENT_NOUN | english::RELATIVE)
                        != 0
                    || is_evidence(previous);
                if NOUN_MARKERS.contains(&previous) || previous.contains('-') || !subject {
                    return false;
                }
            }
        }
        // `The statement reads: …`, `The banner reads “…”`: what a written text says.
        // Only a text reads so; `He reads the news` is no report.
        if first == "reads" && !previous.is_some_and(|word| WRITTEN_TEXTS.contains(&word)) {
            return false;
        }
        // `Screenshots show …` reports what evidence shows; `The channel shows films` does
        // not.
        if matches!(first, "show" | "shows") {
            // The evidence may head a longer subject (`Screenshots reviewed by Suspilne
            // show …`): the words back to the clause's start are looked at, and past one
            // aside between commas (`The video, posted on Telegram, shows …`).
            let mut clause = (0..index).rev().take(6).take_while({
                let mut joined = true;
                move |&at| {
                    let keep = joined;
                    joined = !words.punctuated_before(at);
                    keep
                }
            });
            let evidence = clause.any(|at| is_evidence(words.lower(at))) || {
                let aside_start = (index.saturating_sub(6)..index)
                    .rev()
                    .find(|&at| words.gap_before(at, 0).trim() == ",");
                words.gap_before(index, 0).trim() == ","
                    && aside_start.is_some_and(|start| {
                        start
                            .checked_sub(1)
                            .is_some_and(|noun| is_evidence(words.lower(noun)))
                    })
            };
            if !evidence {
                return false;
            }
        }
        // `This suggests`, `which means`: the outlet's own reading, in the present.
        let present = first.ends_with('s') && !first.ends_with("ss");
        if present && matches!(previous, Some("this" | "that" | "which" | "what")) {
            return false;
        }
    }
    true
}

/// Whether the word at `next`, right after a noun-like cue, is a verb whose subject that
/// noun is: a plural present (`IMF forecasts show`, `Ukrainian reports say`), a modal
/// (`Ukrainian claims will be checked`) or a past (`Member states agreed`), unless the
/// past qualifies a plain noun after it (`The report states detained protesters were
/// beaten`: `states` is the verb).
fn verb_of_the_noun(words: &SentenceWords, next: usize) -> bool {
    if next >= words.len() || words.punctuated_before(next) || words.capitalised(next) {
        return false;
    }
    let lower = words.lower(next);
    let classes = words.classes(next);
    let qualifies_noun = || {
        let noun = next + 1;
        noun < words.len()
            && !words.punctuated_before(noun)
            && !words.capitalised(noun)
            && !words.numeral(noun)
            && verbs::can_be_noun(words, noun)
    };
    matches!(
        lower,
        "show" | "say" | "suggest" | "indicate" | "point" | "are" | "were" | "have"
    ) || classes & english::MODAL != 0
        || (english::can_be_past(lower, classes) && !qualifies_noun())
}

/// Whether `as` follows the verb at `index` within its clause, after its object: the
/// verb judges the object (`dismissed the measures as illegal`).
fn judges_as(words: &SentenceWords, index: usize) -> bool {
    (index + 2..words.len().min(index + 8))
        .take_while(|&at| !words.punctuated_before(at))
        .any(|at| words.lower(at) == "as")
}

/// Whether `called` at `index` names something so, which is a statement: an object, then
/// a name for it after `a`/`an` or in quotation marks (`called the move a provocation`,
/// `called the accusations “absurd”`). `called a meeting`, `called up`, `called off` and
/// `a man called Ivan` name nothing.
fn calls_something_so(words: &SentenceWords, index: usize) -> bool {
    let object = index + 1;
    let opens_object = words.classes(object) & english::DETERMINER != 0
        && !matches!(words.lower(object), "a" | "an")
        || words.capitalised(object);
    if !opens_object || words.punctuated_before(object) {
        return false;
    }
    // `called the charges absurd`, `called the vote rigged and illegitimate`: a judgment
    // ending the clause after the object.
    let judgment = |at: usize| {
        let lower = words.lower(at);
        let ends_clause = at + 1 >= words.len()
            || words.punctuated_before(at + 1)
            || matches!(words.lower(at + 1), "and" | "but" | "or");
        !words.capitalised(at)
            && ends_clause
            && (JUDGMENTS.contains(&lower)
                || ["ous", "less", "able", "ible", "ful"]
                    .iter()
                    .any(|ending| lower.len() > 5 && lower.ends_with(ending)))
    };
    (object + 2..words.len().min(object + 7))
        .take_while(|&at| {
            !words.punctuated_before(at) || attribution::only_quote_marks(words.gap_before(at, 0))
        })
        .any(|at| {
            matches!(words.lower(at), "a" | "an")
                || words.gap_before(at, 0).contains(['“', '"', '«', '„'])
                || judgment(at)
        })
}

/// Whether `added` at `index` puts something into something (`The KGB has added her to
/// its list of terrorists`), an act, not a statement: an object, then `to` with no verb of
/// a reported clause between (`He added the troops were ready to leave` reports), or `to`
/// right after it, in the passive (`She was added to the list`).
fn adds_something_to(words: &SentenceWords, index: usize) -> bool {
    if index + 1 >= words.len() || words.punctuated_before(index + 1) {
        return false;
    }
    if words.lower(index + 1) == "to" {
        return true;
    }
    (index + 2..words.len().min(index + 9))
        .take_while(|&at| {
            !words.punctuated_before(at)
                && words.classes(at) & (english::BE | english::HAVE | english::MODAL) == 0
                // A past after a determiner is an adjective (`the exiled leader`).
                && !(english::can_be_past(words.lower(at), words.classes(at))
                    && words.classes(at - 1) & english::DETERMINER == 0)
                && words.lower(at) != "that"
        })
        .any(|at| words.lower(at) == "to")
}

/// Nouns of written texts, which `read` what they say (`The statement reads: …`).
const WRITTEN_TEXTS: &[&str] = &[
    "statement",
    "letter",
    "invitation",
    "sign",
    "banner",
    "poster",
    "placard",
    "inscription",
    "message",
    "note",
    "post",
    "text",
    "headline",
    "caption",
    "slogan",
    "leaflet",
    "declaration",
    "communique",
    "notice",
    "document",
    "tweet",
];

/// Judgments that `called` gives what it names (`called the charges absurd`), beyond the
/// endings that make an adjective (`outrageous`, `baseless`, `unacceptable`).
const JUDGMENTS: &[&str] = &[
    "absurd",
    "illegal",
    "illegitimate",
    "unlawful",
    "invalid",
    "false",
    "fake",
    "unfounded",
    "rigged",
    "fraudulent",
    "cynical",
    "provocative",
    "motivated",
    "hypocritical",
    "unjust",
    "premature",
    "wrong",
    "unprecedented",
];

/// The cue lexicon, split into words and indexed by first word.
struct Cues {
    /// The configuration's cues this was made from.
    made_from: std::sync::Arc<[String]>,
    /// Looked up once or twice per word of every sentence: a fast hash, since the keys
    /// come from the configuration, not from an adversary.
    by_first_word: rustc_hash::FxHashMap<String, Vec<Vec<String>>>,
    /// A bit per [`crate::text::word_cell`] of the first words: most words start no cue,
    /// and are turned away here before they are hashed.
    first_word_cells: Vec<u64>,
}

impl Cues {
    /// The lexicon of `config`, made once per thread and configuration: making it for
    /// every article cost hundreds of small allocations each.
    fn of(config: &Config) -> std::rc::Rc<Cues> {
        thread_local! {
            static LAST: std::cell::RefCell<Option<std::rc::Rc<Cues>>> =
                const { std::cell::RefCell::new(None) };
        }
        LAST.with(|last| {
            let mut last = last.borrow_mut();
            match &*last {
                // The same list is the same allocation: told apart without reading it.
                Some(cues)
                    if std::sync::Arc::ptr_eq(&cues.made_from, &config.cues)
                        || cues.made_from == config.cues =>
                {
                    cues.clone()
                }
                _ => {
                    let cues = std::rc::Rc::new(Cues::new(config));
                    *last = Some(cues.clone());
                    cues
                }
            }
        })
    }

    fn new(config: &Config) -> Self {
        let mut by_first_word: rustc_hash::FxHashMap<String, Vec<Vec<String>>> = Default::default();
        for cue in config.cues.iter() {
            let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                by_first_word.entry(first.clone()).or_default().push(words);
            }
        }
        // Longer cues first, so that `according to` wins over a one-word cue `according`.
        for cues in by_first_word.values_mut() {
            cues.sort_by_key(|cue| std::cmp::Reverse(cue.len()));
        }
        let mut first_word_cells = vec![0u64; crate::text::WORD_CELLS / 64];
        for cell in by_first_word
            .keys()
            .filter_map(|word| crate::text::word_cell(word))
        {
            first_word_cells[cell / 64] |= 1 << (cell % 64);
        }
        Cues {
            made_from: config.cues.clone(),
            by_first_word,
            first_word_cells,
        }
    }

    /// The cues that start with `word` (lower-cased).
    fn starting_with(&self, word: &str) -> Option<&Vec<Vec<String>>> {
        let cell = crate::text::word_cell(word)?;
        let bits = self.first_word_cells.get(cell / 64)?;
        if bits & (1 << (cell % 64)) == 0 {
            return None;
        }
        self.by_first_word.get(word)
    }
}

/// Finds the first reporting cue used as a verb among the `usable` words of the sentence
/// `words` holds (events are looked for by `verbs::find_event`, after the cues). Returns
/// the cue and the word indexes it spans.
fn find_cue(
    cues: &Cues,
    words: &SentenceWords,
    usable: impl Fn(usize) -> bool + Copy,
) -> Option<(ClaimTrigger, usize, usize)> {
    for index in 0..words.len() {
        if !usable(index) {
            continue;
        }
        let word = words.lower(index);
        let base = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        // Most words start no cue: look the word up before trying each cue.
        let starting = cues
            .starting_with(word)
            .or_else(|| (base != word).then(|| cues.starting_with(base)).flatten());
        for cue in starting.into_iter().flatten() {
            let fits = cue.len() <= words.len() - index
                && cue.iter().enumerate().all(|(offset, cue_word)| {
                    let word = words.lower(index + offset);
                    usable(index + offset)
                        && (word == cue_word
                            || word.strip_suffix("'s") == Some(cue_word)
                            || word.strip_suffix("’s") == Some(cue_word))
                });
            if fits && cue_is_verb(words, index, cue) {
                let last = index + cue.len() - 1;
                let range = TextRange::new(words.range(index).start, words.range(last).end);
                return Some((ClaimTrigger::Cue(range), index, last));
            }
        }
    }
    None
}

/// `blocked` with the words of relative and subordinate clauses set off by a comma (`, who
/// took office in March,`, `, when the war began,`) blocked too.
fn relative_clauses<'b>(words: &SentenceWords, blocked: &'b [bool]) -> Cow<'b, [bool]> {
    let starts_clause = |index: usize| {
        (index == 0 || words.punctuated_before(index))
            && (matches!(
                words.lower(index),
                "who"
                    | "which"
                    | "whom"
                    | "whose"
                    | "when"
                    | "where"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "although"
                    | "though"
                    | "since"
                    | "until"
            ) || slavic::opens_relative_clause(words, index))
    };
    // Most sentences have no such clause: the mask is then borrowed, not copied. A
    // Slavic participle's aside has no class of its own.
    let may_have_clause = words.any(english::RELATIVE | english::SUBORDINATOR)
        || words.any(slavic::SLAVIC)
        || !words.all_ascii();
    if !may_have_clause || !(0..words.len()).any(starts_clause) {
        return Cow::Borrowed(blocked);
    }
    let mut out = blocked.to_vec();
    let mut inside = false;
    for (index, slot) in out.iter_mut().enumerate() {
        if index == 0 || words.punctuated_before(index) {
            inside = starts_clause(index);
        }
        if inside {
            *slot = true;
        }
    }
    Cow::Owned(out)
}

/// Sets `blocked` to the words of the sentence `words` holds that trigger nothing: quoted
/// words (the quoted speaker's, not the article's) and set phrases (`declined to
/// comment`).
fn mask_unusable(words: &SentenceWords, quotations: &frames::Quotations, blocked: &mut Vec<bool>) {
    blocked.clear();
    blocked.extend_from_slice(&quotations.quoted);
    blocked.resize(words.len(), false);
    frames::mask_set_phrases(words, blocked);
    frames::mask_open_questions(words, blocked);
}

/// Marks in `blocked` the words whose events the sentence does not assert: conditional
/// clauses (`If Belarus joined the war, …`, from `if`, `unless` or `whether` to the next
/// punctuation), and what a negated `mean` or `imply` leaves open (`… don’t necessarily
/// mean that he has taken the decision`, to the sentence's end).
fn block_unasserted(words: &SentenceWords, blocked: &mut [bool]) {
    if !words.any(english::FRAME_WORD) {
        return;
    }
    slavic::block_conditionals(words, blocked);
    let denied = (1..words.len()).find(|&index| {
        matches!(
            words.lower(index),
            "mean" | "means" | "imply" | "implies" | "guarantee"
        ) && (index.saturating_sub(3)..index).any(|before| {
            words.classes(before) & english::NEGATION != 0
                || words.lower(before).ends_with("n’t")
                || words.lower(before).ends_with("n't")
        })
    });
    if let Some(from) = denied {
        for slot in blocked.iter_mut().skip(from) {
            *slot = true;
        }
    }
    let mut inside = false;
    for index in 0..words.len() {
        if inside && words.punctuated_before(index) {
            inside = false;
        }
        if matches!(words.lower(index), "if" | "unless" | "whether") {
            inside = true;
        }
        if inside {
            if let Some(slot) = blocked.get_mut(index) {
                *slot = true;
            }
        }
    }
}

/// `items` in text order (by start; a stable sort, so ties keep their order). They
/// normally are already, and are then borrowed as they are.
fn in_text_order<T: Clone>(items: &[T], range_of: impl Fn(&T) -> TextRange) -> Cow<'_, [T]> {
    if items.is_sorted_by_key(|item| range_of(item).start) {
        Cow::Borrowed(items)
    } else {
        let mut sorted = items.to_vec();
        sorted.sort_by_key(|item| range_of(item).start);
        Cow::Owned(sorted)
    }
}

/// The items of a text-ordered slice that can lie inside `range` (those starting within
/// it), by binary search: scanning every item for every sentence made a long article
/// quadratic. Callers still test containment.
fn within<T>(items: &[T], range: TextRange, range_of: impl Fn(&T) -> TextRange) -> &[T] {
    let from = items.partition_point(|item| range_of(item).start < range.start);
    let to = items.partition_point(|item| range_of(item).start <= range.end);
    items.get(from..to.max(from)).unwrap_or(items)
}

/// The anchoring date inside `sentence`, if any: a valid `{date: ...}` annotation, or
/// the first anchoring temporal expression that is no side detail of the claim whose
/// trigger is the word `trigger` (see [`anchoring::side_detail`]).
fn date_within(
    annotations: &[Annotation],
    timexes: &[Timex],
    sentence: TextRange,
    words: &SentenceWords,
    trigger: Option<anchoring::Trigger>,
) -> Option<(TextRange, Option<String>)> {
    let annotation = within(annotations, sentence, |annotation| annotation.range)
        .iter()
        .find_map(|annotation| match &annotation.kind {
            AnnotationKind::Date(Some(date)) if sentence.contains_range(annotation.range) => {
                Some((annotation.range, Some(date.to_string())))
            }
            _ => None,
        });
    annotation.or_else(|| {
        // Of several dates, the one nearest the trigger in its own clause dates it: `After
        // talks on Monday, the minister announced on Wednesday` is Wednesday's. A
        // semicolon parts clauses (`For the past five days, prices rose; today, they
        // fell`: `rose` is the five days'). Without a trigger, the first one does.
        let trigger_range = trigger
            .map(|trigger| words.range(trigger.word))
            .filter(|at| at.start < at.end);
        let text = words.text();
        let remoteness = |range: TextRange| {
            let Some(at) = trigger_range else {
                return (false, 0);
            };
            let (from, to) = if range.end <= at.start {
                (range.end, at.start)
            } else {
                (at.end, range.start)
            };
            let between = text.get(from..to.max(from)).unwrap_or_default();
            (between.contains(';'), to.saturating_sub(from))
        };
        within(timexes, sentence, |timex| timex.range)
            .iter()
            .filter(|timex| {
                timex.anchors
                    && sentence.contains_range(timex.range)
                    && anchoring::side_detail(words, timex.range, trigger).is_none()
            })
            // `min_by_key` keeps the first of equals.
            .min_by_key(|timex| remoteness(timex.range))
            .map(|timex| (timex.range, timex.value.clone()))
    })
}

/// Why the sentence at `range` is no claim, if one of the spec's non-claim frames holds
/// it; `None` when it may be one.
fn non_claim_frame(
    text: &str,
    range: TextRange,
    heading: bool,
    words: &SentenceWords,
    quotations: &frames::Quotations,
) -> bool {
    heading
        || is_heading(range.slice(text))
        || frames::is_furniture(words)
        || frames::is_provision(words)
        || (words.any(slavic::SLAVIC) && slavic::is_provision(words))
        || quotations.only_quotation()
}

/// Every word of the article's claim-bearing sentences that the claim finder reads as an
/// event or a reporting verb (not only each sentence's first trigger): what the component
/// evaluation compares with a corpus's annotated verb events.
pub fn event_verbs(text: &str, article: &Article, config: &Config) -> Vec<TextRange> {
    let cues = Cues::of(config);
    let mut words = SentenceWords::of_article(text, article);
    let mut quotations = frames::Quotations::default();
    let mut blocked = Vec::new();
    let mut found = Vec::new();
    for paragraph in &article.paragraphs {
        quotations.reset();
        for sentence in &paragraph.sentences {
            words.fill(sentence.range);
            quotations.read(&words, sentence.range);
            // The same sentences and words as `find_claims` reads.
            if non_claim_frame(text, sentence.range, paragraph.heading, &words, &quotations) {
                continue;
            }
            mask_unusable(&words, &quotations, &mut blocked);
            let mut from = 0;
            while let Some((trigger, first, last)) =
                find_cue(&cues, &words, |at| at >= from && !blocked[at])
            {
                found.push(trigger.range());
                from = last.max(first) + 1;
            }
            block_unasserted(&words, &mut blocked);
            let slavic_events = slavic::reads_as_slavic_events(&words);
            let mut from = 0;
            while let Some(group) = if slavic_events {
                slavic::find_event_from(&words, from, |at| !blocked[at], true)
            } else {
                verbs::find_event_from(&words, from, |at| !blocked[at], true)
            } {
                found.push(words.range(group.verb));
                from = group.verb + 1;
            }
        }
    }
    found.sort_by_key(|range| (range.start, range.end));
    found.dedup();
    found
}

/// The anchoring expressions of `timexes` inside `sentence` that do not date the claim
/// whose trigger is `trigger`, each with why (`Russia’s 2022 invasion`: it qualifies a
/// noun): what the claim card shows of an undated claim's dates.
pub fn side_details(
    text: &str,
    sentence: TextRange,
    trigger: ClaimTrigger,
    timexes: &[Timex],
) -> Vec<(TextRange, SideDetail)> {
    let mut words = SentenceWords::new(text);
    words.fill(sentence);
    let trigger_word = anchoring::Trigger {
        word: words.first_ending_after(trigger.range().start),
        event: matches!(trigger, ClaimTrigger::Event { .. }),
    };
    within(timexes, sentence, |timex| timex.range)
        .iter()
        .filter(|timex| timex.anchors && sentence.contains_range(timex.range))
        .filter_map(|timex| {
            anchoring::side_detail(&words, timex.range, Some(trigger_word))
                .map(|why| (timex.range, why))
        })
        .collect()
}

/// Whether a statement's speaker is the outlet itself: `we` or `I` outside quotations,
/// or the article's own `Source` named as the speaker.
fn outlet_voice(text: &str, speaker: &Speaker, source: Option<&str>) -> bool {
    let named = match speaker {
        Speaker::Named(range) => range.slice(text),
        Speaker::Actor { range, .. } => range.slice(text),
        Speaker::Source => return false,
    };
    matches!(
        named,
        "we" | "We" | "I" | "мы" | "Мы" | "ми" | "Ми" | "my" | "My"
    ) || source.is_some_and(|source| !source.is_empty() && named.eq_ignore_ascii_case(source))
}

/// Finds every claim of an article, who asserts it and how it is dated. `timexes` and
/// `mentions` carry document ranges.
pub fn find_claims(
    text: &str,
    article: &Article,
    timexes: &[Timex],
    mentions: &[ActorMention],
    config: &Config,
    speaker_before: Option<(usize, TextRange)>,
) -> Vec<Claim> {
    let cues = Cues::of(config);
    let mut words = SentenceWords::of_article(text, article);
    let mut quotations = frames::Quotations::default();
    let mut blocked: Vec<bool> = Vec::new();
    let file_silenced = article.undated_ok();
    let source = article.header.value("source").map(str::trim);
    // A context date ahead of the article dates no claim of what has happened.
    let article_date = article.header.value("date").unwrap_or_default();
    let future_context =
        |value: Option<&str>| value.is_some_and(|value| anchoring::lies_after(value, article_date));
    let timexes = in_text_order(timexes, |timex| timex.range);
    let mentions = in_text_order(mentions, |mention| mention.range);
    let annotations = in_text_order(&article.annotations, |annotation| annotation.range);
    let mut claims = Vec::new();
    // The latest anchoring date seen in scope, for dating later sentences by context.
    let mut context: Option<(TextRange, TextRange, Option<String>)> = None;
    // The latest actor that spoke in the paragraph before (`speaker_before` for the
    // first): `He also said …` opening the next paragraph still names it, until another
    // actor is named. Only the paragraph right before counts, so that a paragraph's
    // claims depend on no text further back (an edit re-analyses its block of paragraphs
    // and the one after, see `corpus::analysis::reanalyze_article`).
    let mut carried_speaker = speaker_before;
    for (paragraph_index, paragraph) in article.paragraphs.iter().enumerate() {
        if config.date_scope != DateScope::Article {
            context = None;
        }
        quotations.reset();
        let mut last_speaker = if paragraph.heading {
            None
        } else {
            carried_speaker.map(|(actor, named)| attribution::LastSpeaker::Actor(actor, named))
        };
        let mut inherited = last_speaker.is_some();
        let paragraph_mentions = within(&mentions, paragraph.range, |mention| mention.range);
        let mut previous_sentence: Option<TextRange> = None;
        for sentence in &paragraph.sentences {
            // A speaker who is no actor is what a pronoun stands for only in the sentence
            // right after its claim (`said Artyom Shraibman, an analyst. He added …. He
            // also said …`): further on, others named since may be meant, and the actor
            // that spoke before is again.
            if let Some(attribution::LastSpeaker::Named {
                spoke_in,
                actor_before,
                ..
            }) = last_speaker
            {
                if previous_sentence != Some(spoke_in) {
                    last_speaker = actor_before
                        .map(|(actor, named)| attribution::LastSpeaker::Actor(actor, named));
                }
            }
            previous_sentence = Some(sentence.range);
            words.fill(sentence.range);
            quotations.read(&words, sentence.range);
            let found =
                if non_claim_frame(text, sentence.range, paragraph.heading, &words, &quotations) {
                    None
                } else {
                    mask_unusable(&words, &quotations, &mut blocked);
                    // A question asks: its verbs report nothing (a cue still may).
                    let question = sentence.range.slice(text).trim_end().ends_with('?');
                    let cue = find_cue(&cues, &words, |at| !blocked[at]).or_else(|| {
                        let verb = frames::verb_after_quotation_dash(&words, &quotations.quoted)?;
                        Some((ClaimTrigger::Cue(words.range(verb)), verb, verb))
                    });
                    // A Slavic cue in a relative clause (`Лукашенко, который ранее заявлял
                    // о мире, встретился с Путиным`) gives way to the main clause's cue or
                    // event, as a Slavic event does.
                    let relative_cue = cue.filter(|&(_, first, _)| {
                        words.any(slavic::SLAVIC) && relative_clauses(&words, &blocked)[first]
                    });
                    let main_cue = if relative_cue.is_some() {
                        let main_clause = relative_clauses(&words, &blocked).into_owned();
                        find_cue(&cues, &words, |at| !main_clause[at])
                    } else {
                        cue
                    };
                    main_cue.or_else(|| {
                        if question || !config.events {
                            return relative_cue;
                        }
                        let dated =
                            date_within(&annotations, &timexes, sentence.range, &words, None)
                                .is_some();
                        block_unasserted(&words, &mut blocked);
                        let main_clause = relative_clauses(&words, &blocked);
                        let slavic_events = slavic::reads_as_slavic_events(&words);
                        let group = if slavic_events {
                            // Russian, Ukrainian, Belarusian or Polish: a past (listed or
                            // read from its ending), a passive form or a dated future is the
                            // event, wherever it stands; the main clause's first, as in
                            // English (`Суд, который открылся в марте, приговорил`).
                            slavic::find_event_from(&words, 0, |at| !main_clause[at], dated)
                        } else {
                            // The main clause's event first; a relative clause's only if
                            // the main clause has none.
                            verbs::find_event(&words, |at| !main_clause[at], dated)
                        };
                        let group = match group {
                            Some(group) => group,
                            None if relative_cue.is_some() => return relative_cue,
                            None if slavic_events => {
                                slavic::find_event_from(&words, 0, |at| !blocked[at], dated)?
                            }
                            None => verbs::find_event(&words, |at| !blocked[at], dated)?,
                        };
                        let trigger = ClaimTrigger::Event {
                            verb: words.range(group.verb),
                            form: group.form,
                        };
                        Some((trigger, group.first, group.verb))
                    })
                };
            // In text order: those up to the sentence's end by binary search.
            let mentions_so_far = paragraph_mentions
                .get(
                    ..paragraph_mentions
                        .partition_point(|mention| mention.range.end <= sentence.range.end),
                )
                .unwrap_or_default();
            if inherited {
                if let Some(attribution::LastSpeaker::Actor(actor, _)) = last_speaker {
                    if mentions_so_far.iter().any(|mention| mention.actor != actor) {
                        last_speaker = None;
                        inherited = false;
                    }
                }
            }
            let english_cue =
                |range: TextRange| !words.any(slavic::SLAVIC) && range.slice(text).is_ascii();
            let speaker_of = |first: usize, last: usize| {
                attribution::speaker_of_cue(
                    &words,
                    first,
                    last,
                    mentions_so_far,
                    last_speaker,
                    &quotations.quoted,
                    within(&timexes, sentence.range, |timex| timex.range),
                )
            };
            // A cue that names no speaker (`reportedly`) gives way to a later one of the
            // main clause that does, past a comma: `Minsk will reportedly free …, an
            // official said Friday`. Not to one of a clause it governs (`began after
            // Lukashenka announced …` reports the beginning). So does an opening phrase
            // (`In a statement, the ministry said …`): the verb is the report, the phrase
            // its medium.
            // The speaker of an English cue is found here, once; a Slavic cue's below.
            let (found, english_speaker) = match found {
                Some((ClaimTrigger::Cue(range), first, last)) if english_cue(range) => {
                    let speaker = speaker_of(first, last);
                    let later = (speaker == Speaker::Source || words.lower(first) == "in")
                        .then(|| {
                            let main_clause = relative_clauses(&words, &blocked);
                            let later =
                                find_cue(&cues, &words, |at| at > last && !main_clause[at])?;
                            let (_, later_first, later_last) = later;
                            let later_speaker = speaker_of(later_first, later_last);
                            ((last + 1..=later_first).any(|at| words.punctuated_before(at))
                                && later_speaker != Speaker::Source)
                                .then_some((later, later_speaker))
                        })
                        .flatten();
                    match later {
                        Some((later, later_speaker)) => (Some(later), Some(later_speaker)),
                        None => (found, Some(speaker)),
                    }
                }
                other => (other, None),
            };
            // An event's main verb (`introduced` of `was originally introduced`), a cue's
            // first word.
            let trigger_word = found.map(|(trigger, first, last)| match trigger {
                ClaimTrigger::Event { .. } => anchoring::Trigger {
                    word: last,
                    event: true,
                },
                ClaimTrigger::Cue(_) => anchoring::Trigger {
                    word: first,
                    event: false,
                },
            });
            let own_date =
                date_within(&annotations, &timexes, sentence.range, &words, trigger_word);
            if let Some((trigger, first, last)) = found {
                let attribution = match trigger {
                    ClaimTrigger::Cue(range) => Attribution {
                        speaker: english_speaker.unwrap_or_else(|| {
                            attribution::speaker_of_slavic_cue(
                                &words,
                                first,
                                last,
                                mentions_so_far,
                                last_speaker,
                                within(&timexes, sentence.range, |timex| timex.range),
                            )
                        }),
                        cue: Some(range),
                        direct: quotations.any,
                    },
                    ClaimTrigger::Event { .. } => Attribution::source(),
                };
                if outlet_voice(text, &attribution.speaker, source) {
                    // `We believe …`, `Our House is convinced that …`: the outlet's own
                    // opinion, not a report.
                    if let Some((by, value)) = own_date {
                        context = Some((sentence.range, by, value));
                    }
                    continue;
                }
                last_speaker = attribution::LastSpeaker::after(
                    last_speaker,
                    &attribution.speaker,
                    text,
                    sentence.range,
                );
                if matches!(trigger, ClaimTrigger::Event { .. }) {
                    if let Some(subject) =
                        attribution::LastSpeaker::subject_of_event(&words, first, mentions_so_far)
                    {
                        last_speaker = Some(subject);
                    }
                }
                let silenced = file_silenced
                    || within(&annotations, sentence.range, |a| a.range)
                        .iter()
                        .any(|a| {
                            a.kind == AnnotationKind::UndatedOk
                                && sentence.range.contains_range(a.range)
                        });
                let dating = match (&own_date, &context) {
                    (Some((by, value)), _) => Dating::Dated {
                        by: *by,
                        value: value.clone(),
                    },
                    (None, _) if silenced => Dating::Silenced,
                    (None, Some((context_sentence, by, value)))
                        if config.date_scope != DateScope::Sentence
                            && !(future_context(value.as_deref())
                                && anchoring::tells_the_past(&words, &trigger, first)) =>
                    {
                        Dating::ByContext {
                            sentence: *context_sentence,
                            by: *by,
                            value: value.clone(),
                        }
                    }
                    (None, _) => Dating::Undated,
                };
                claims.push(Claim {
                    sentence: sentence.range,
                    paragraph: paragraph_index,
                    trigger,
                    attribution,
                    dating,
                });
            }
            if let Some((by, value)) = own_date {
                if !anchoring::starts_a_state(&words, by) {
                    context = Some((sentence.range, by, value));
                }
            }
        }
        carried_speaker = last_actor_speaker(&claims, paragraph_index);
    }
    claims
}

/// The latest registry actor that speaks in the claims of paragraph `paragraph`, with the
/// mention naming it: what a pronoun opening the next paragraph names.
/// `claims` are in text order.
pub fn last_actor_speaker(claims: &[Claim], paragraph: usize) -> Option<(usize, TextRange)> {
    let end = claims.partition_point(|claim| claim.paragraph <= paragraph);
    claims[..end]
        .iter()
        .rev()
        .take_while(|claim| claim.paragraph == paragraph)
        .find_map(|claim| match claim.attribution.speaker {
            Speaker::Actor { actor, named, .. } => Some((actor, named)),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
