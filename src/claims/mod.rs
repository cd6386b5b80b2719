//! Claims: sentences that report a statement or an event (a reporting cue, or a known
//! actor doing something in the past tense), and whether something dates each of them.

pub mod meantime;
use crate::article::{Annotation, AnnotationKind, Article};
use crate::config::{Config, DateScope};
use crate::temporal::Timex;
use crate::text::TextRange;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Why a sentence counts as a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimTrigger {
    /// A reporting cue (`said`, `according to`), at its range.
    Cue(TextRange),
    /// A known actor (index into the corpus's actors) followed by a past-tense verb.
    ActorAction { actor: usize, verb: TextRange },
}

impl ClaimTrigger {
    pub fn range(&self) -> TextRange {
        match self {
            ClaimTrigger::Cue(range) => *range,
            ClaimTrigger::ActorAction { verb, .. } => *verb,
        }
    }
}

/// What dates a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub sentence: TextRange,
    pub paragraph: usize,
    pub trigger: ClaimTrigger,
    pub dating: Dating,
}

/// A mention of a known actor: where, and which actor (an index into the corpus's actors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    pub range: TextRange,
    pub actor: usize,
}

static WORD: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    regex_automata::meta::Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*").expect("static pattern")
});

/// The word of [`WORD`] that starts at `at`, if one does: an anchored search, which costs
/// a fraction of an unanchored one.
fn word_at(text: &str, at: usize) -> Option<TextRange> {
    use regex_automata::{Anchored, Input};
    let input = Input::new(text).range(at..).anchored(Anchored::Yes);
    WORD.find(input)
        .map(|found| TextRange::new(found.start(), found.end()))
}

/// The ranges of the words of `text`, as [`each_word`] gives them.
#[cfg(test)]
fn words_of(text: &str) -> Vec<TextRange> {
    let mut words = Vec::new();
    each_word(text, |range| words.push(range));
    words
}

/// Calls `found` with the range of each word of `text`, as [`WORD`] finds them one after
/// another. ASCII words are scanned by hand, and so are the General Punctuation block's
/// characters (it holds no letter, mark or digit, and `’` is part of a word); the pattern
/// runs only where another character beyond ASCII is met: running it over every word was
/// a tenth of the whole analysis, and at every `’` (`Russia’s`) still a tenth of the claim
/// finder's time.
fn each_word(text: &str, mut found: impl FnMut(TextRange)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if !byte.is_ascii() {
            if let Some(ch) = crate::text::general_punctuation_at(text, at) {
                // No word starts at a dash, a curly quote or a space of the block.
                at += ch.len_utf8();
                continue;
            }
            // A letter, a mark or a symbol beyond ASCII: the pattern decides whether a
            // word starts here. If none does, the next one starts at a later character,
            // which this loop reaches (an ASCII word starts where the pattern would).
            match word_at(text, at) {
                Some(word) => {
                    found(word);
                    at = word.end.max(at + 1);
                }
                None => {
                    at += text
                        .get(at..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
                }
            }
            continue;
        }
        if !byte.is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        let mut end = at + 1;
        let mut beyond_ascii = false;
        while let Some(&next) = bytes.get(end) {
            if next.is_ascii_alphanumeric() || next == b'\'' || next == b'-' {
                end += 1;
            } else if next.is_ascii() {
                break;
            } else {
                match crate::text::general_punctuation_at(text, end) {
                    Some('’') => end += '’'.len_utf8(),
                    Some(_) => break,
                    None => {
                        beyond_ascii = true;
                        break;
                    }
                }
            }
        }
        if beyond_ascii {
            // The word may go on past ASCII (`Lukašenka`): the pattern decides where it
            // ends; it starts here, since an ASCII letter or digit starts a word.
            match word_at(text, start) {
                Some(word) => {
                    found(word);
                    at = word.end.max(start + 1);
                }
                None => break,
            }
            continue;
        }
        found(TextRange::new(start, end));
        at = end;
    }
}

/// Past-tense forms of common irregular verbs of news reporting; regular ones end in
/// `-ed`.
const IRREGULAR_PAST: &[&str] = &[
    "began", "sent", "held", "made", "took", "gave", "met", "led", "left", "won", "lost", "signed",
    "sought", "brought", "built", "bought", "fought", "put", "set", "struck", "went", "came",
    "ran", "spoke", "wrote", "chose", "drew", "froze", "hit", "cut", "kept", "paid", "rose",
    "fell", "shot", "stood", "threw", "withdrew", "became", "got", "had",
];

/// Words ending in `-ed` that are rarely a verb of which the actor is the subject.
const NOT_ACTIONS: &[&str] = &[
    "united",
    "armed",
    "based",
    "related",
    "allied",
    "backed",
    "led",
    "so-called",
    "planned",
    "alleged",
    "unprovoked",
    "unscheduled",
    "mobilized",
    "mechanized",
    "advanced",
    "detailed",
    "limited",
    "occupied",
    "approved",
    "organised",
    "organized",
];

/// Words allowed between an actor and its verb (`Lukashenka has already given`).
const BETWEEN_ACTOR_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "already",
    "then",
    "later",
    "once",
    "again",
    "reportedly",
    "allegedly",
    "himself",
    "herself",
    "itself",
    "themselves",
    "initially",
    "finally",
    "officially",
    "publicly",
    "never",
    "not",
];

/// `lower` is a lower-cased word.
fn is_past_tense(lower: &str) -> bool {
    if NOT_ACTIONS.contains(&lower) {
        return false;
    }
    if IRREGULAR_PAST.contains(&lower) {
        return true;
    }
    lower.len() > 4 && lower.ends_with("ed") && !lower.contains('-')
}

/// A heading or caption: one line with no sentence-final punctuation. Headlines restate
/// the text under them in the present tense, so they are not claims of their own.
fn is_heading(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    !trimmed.contains('\n')
        && !trimmed.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ']', '}', ':', ';'])
}

/// Cues that are also common nouns (`the reports`, `his claims`, `orders`): they count
/// only when no determiner or adjective before them makes them a noun.
const NOUN_LIKE_CUES: &[&str] = &["reports", "claims", "orders", "states", "notes", "says"];

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

/// Whether a cue found at `index` of `words` is a reporting verb there: not a noun
/// (`on-the-ground reports`) and not negated (`it is not reported`).
fn cue_is_verb(words: &SentenceWords, index: usize, cue: &[String]) -> bool {
    let previous = index.checked_sub(1).map(|i| words.lower(i));
    if matches!(previous, Some("not" | "never" | "n't")) {
        return false;
    }
    if cue.len() == 1 && NOUN_LIKE_CUES.contains(&cue[0].as_str()) {
        if let Some(previous) = previous {
            if NOUN_MARKERS.contains(&previous) || previous.contains('-') {
                return false;
            }
        }
    }
    true
}

/// The cue lexicon, split into words and indexed by first word.
struct Cues {
    /// The configuration's cues this was made from.
    made_from: Vec<String>,
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
                Some(cues) if cues.made_from == config.cues => cues.clone(),
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
        for cue in &config.cues {
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

/// The words of one sentence of `text` with their lower-cased forms, kept from sentence
/// to sentence so that their buffers are reused: a vector and a string per sentence and a
/// string per capitalised word were a fifth of the claim finder's time.
struct SentenceWords<'t> {
    text: &'t str,
    /// Each word's document range, and where its lower-cased form lies in `lowered` if
    /// it differs from the word (most words have no capital: copying them all was a
    /// twentieth of a check).
    words: Vec<(TextRange, Option<std::ops::Range<usize>>)>,
    lowered: String,
}

impl<'t> SentenceWords<'t> {
    fn new(text: &'t str) -> Self {
        SentenceWords {
            text,
            words: Vec::new(),
            lowered: String::new(),
        }
    }

    /// Takes in the words of `sentence`, forgetting the previous sentence's.
    fn fill(&mut self, sentence: TextRange) {
        self.words.clear();
        self.lowered.clear();
        let body = sentence.slice(self.text);
        let (words, lowered) = (&mut self.words, &mut self.lowered);
        each_word(body, |range| {
            let word = range.slice(body);
            // One pass without early exit over the bytes, which words are short enough for.
            let (ascii, ascii_upper) = word.bytes().fold((true, false), |(ascii, upper), byte| {
                (ascii & byte.is_ascii(), upper | byte.is_ascii_uppercase())
            });
            let has_upper = ascii_upper || (!ascii && word.chars().any(char::is_uppercase));
            let lowered_at = has_upper.then(|| {
                let from = lowered.len();
                crate::text::push_lowercase(lowered, word);
                from..lowered.len()
            });
            words.push((range.shifted(sentence.start), lowered_at));
        });
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn range(&self, index: usize) -> TextRange {
        self.words[index].0
    }

    /// The lower-cased word at `index`.
    fn lower(&self, index: usize) -> &str {
        let (range, lowered_at) = &self.words[index];
        match lowered_at {
            Some(at) => self.lowered.get(at.clone()).unwrap_or_default(),
            None => range.slice(self.text),
        }
    }
}

/// Finds the trigger of a claim in one sentence (of the text `words` reads), if any.
fn find_trigger(
    sentence: TextRange,
    cues: &Cues,
    mentions: &[ActorMention],
    config: &Config,
    words: &mut SentenceWords,
) -> Option<ClaimTrigger> {
    words.fill(sentence);
    let words = &*words;
    for index in 0..words.len() {
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
                    word == cue_word
                        || word.strip_suffix("'s") == Some(cue_word)
                        || word.strip_suffix("’s") == Some(cue_word)
                });
            if fits && cue_is_verb(words, index, cue) {
                let first = words.range(index);
                let last = words.range(index + cue.len() - 1);
                return Some(ClaimTrigger::Cue(TextRange::new(first.start, last.end)));
            }
        }
    }
    if !config.actor_actions {
        return None;
    }
    for mention in within(mentions, sentence, |mention| mention.range)
        .iter()
        .filter(|mention| sentence.contains_range(mention.range))
    {
        let after =
            (0..words.len()).skip_while(|&index| words.range(index).start < mention.range.end);
        for index in after.take(4) {
            let word = words.lower(index);
            if is_past_tense(word) {
                return Some(ClaimTrigger::ActorAction {
                    actor: mention.actor,
                    verb: words.range(index),
                });
            }
            let adverb = word.len() > 4 && word.ends_with("ly");
            if !adverb && !BETWEEN_ACTOR_AND_VERB.contains(&word) {
                break;
            }
        }
    }
    None
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

/// The anchoring date inside `range`, if any: an anchoring temporal expression or a
/// valid `{date: ...}` annotation.
fn date_within(
    annotations: &[Annotation],
    timexes: &[Timex],
    range: TextRange,
) -> Option<(TextRange, Option<String>)> {
    let annotation = within(annotations, range, |annotation| annotation.range)
        .iter()
        .find_map(|annotation| match &annotation.kind {
            AnnotationKind::Date(Some(date)) if range.contains_range(annotation.range) => {
                Some((annotation.range, Some(date.to_string())))
            }
            _ => None,
        });
    annotation.or_else(|| {
        within(timexes, range, |timex| timex.range)
            .iter()
            .find(|timex| timex.anchors && range.contains_range(timex.range))
            .map(|timex| (timex.range, timex.value.clone()))
    })
}

/// Finds every claim of an article and how it is dated. `timexes` and `mentions` carry
/// document ranges.
pub fn find_claims(
    text: &str,
    article: &Article,
    timexes: &[Timex],
    mentions: &[ActorMention],
    config: &Config,
) -> Vec<Claim> {
    let cues = Cues::of(config);
    let mut words = SentenceWords::new(text);
    let file_silenced = article.undated_ok();
    let timexes = in_text_order(timexes, |timex| timex.range);
    let mentions = in_text_order(mentions, |mention| mention.range);
    let annotations = in_text_order(&article.annotations, |annotation| annotation.range);
    let mut claims = Vec::new();
    // The latest anchoring date seen in scope, for dating later sentences by context.
    let mut context: Option<(TextRange, TextRange, Option<String>)> = None;
    for (paragraph_index, paragraph) in article.paragraphs.iter().enumerate() {
        if config.date_scope != DateScope::Article {
            context = None;
        }
        for sentence in &paragraph.sentences {
            let own_date = date_within(&annotations, &timexes, sentence.range);
            let trigger = if paragraph.heading || is_heading(sentence.range.slice(text)) {
                None
            } else {
                find_trigger(sentence.range, &cues, &mentions, config, &mut words)
            };
            if let Some(trigger) = trigger {
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
                        if config.date_scope != DateScope::Sentence =>
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
                    dating,
                });
            }
            if let Some((by, value)) = own_date {
                context = Some((sentence.range, by, value));
            }
        }
    }
    claims
}

#[cfg(test)]
mod tests;
