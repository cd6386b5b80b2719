//! The words of a sentence as the claim finder reads them: a fast word scanner, each
//! word's lower-cased form, its English classes, whether it is capitalised, and whether
//! punctuation stands before it.

use super::english::{self as en, Classes};
use crate::article::Article;
use crate::language::Language;
use crate::text::TextRange;
use std::sync::LazyLock;

pub(super) static WORD: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
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
pub(super) fn words_of(text: &str) -> Vec<TextRange> {
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
pub(super) fn each_word(text: &str, mut found: impl FnMut(TextRange)) {
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

/// Whether the full stop in `gap` after the word at `previous` of `body` belongs to an
/// abbreviation, not a break: inside a word run (`U.S`), or after an initial (`U.S.
/// official`) or a title (`Acme Inc. released`, `Gen. Ivanov`).
fn abbreviation_stop(body: &str, previous: TextRange, gap: &str) -> bool {
    if gap == "." {
        return true;
    }
    if gap.trim_end() != "." {
        return false;
    }
    let word = previous.slice(body);
    let initial = word.len() == 1 && word.bytes().all(|byte| byte.is_ascii_uppercase());
    initial
        || matches!(
            word,
            "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
                | "Jr"
                | "Sr"
                | "St"
                | "Gen"
                | "Col"
                | "Lt"
                | "Dr"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Prof"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Maj"
                | "Capt"
                | "Sgt"
        )
}

/// The words of one sentence of `text` with their lower-cased forms, kept from sentence
/// to sentence so that their buffers are reused: a vector and a string per sentence and a
/// string per capitalised word were a fifth of the claim finder's time.
pub struct SentenceWords<'t> {
    text: &'t str,
    /// Each word's document range, and where its lower-cased form lies in `lowered` if
    /// it differs from the word (most words have no capital: copying them all was a
    /// twentieth of a check).
    words: Vec<(TextRange, Option<std::ops::Range<usize>>)>,
    lowered: String,
    /// Where the sentence read last starts.
    sentence_start: usize,
    /// Each word's classes ([`en::classes`] of its lower-cased form).
    classes: Vec<Classes>,
    /// Each word's flags: [`CAPITALISED`], [`PUNCTUATED_BEFORE`].
    flags: Vec<u8>,
    /// The classes of all the sentence's words together.
    all_classes: Classes,
    /// Whether every word of the sentence is ASCII (an English sentence, mostly).
    all_ascii: bool,
    /// The article's language, when its header names it or its letters leave no doubt:
    /// a sentence whose own letters do not tell Ukrainian from Russian, or Polish from
    /// English, is read in it.
    article_language: Option<Language>,
}

/// The word starts with a capital letter.
const CAPITALISED: u8 = 1;
/// Punctuation other than an apostrophe stands between the word and the one before it
/// (or the sentence start): a comma, a quote, a dash, a bracket, a colon.
const PUNCTUATED_BEFORE: u8 = 2;

impl<'t> SentenceWords<'t> {
    pub fn new(text: &'t str) -> Self {
        SentenceWords {
            text,
            words: Vec::new(),
            lowered: String::new(),
            sentence_start: 0,
            classes: Vec::new(),
            flags: Vec::new(),
            all_classes: 0,
            all_ascii: true,
            article_language: None,
        }
    }

    /// The same, for the text of `article`, whose language it knows when the header
    /// names it or the guess is sure.
    pub fn of_article(text: &'t str, article: &Article) -> Self {
        let sure = article.language_guess.is_none_or(|guess| guess.sure);
        SentenceWords {
            article_language: sure.then_some(article.language),
            ..SentenceWords::new(text)
        }
    }

    /// The article's language, when known for sure (see [`SentenceWords::of_article`]).
    pub fn article_language(&self) -> Option<Language> {
        self.article_language
    }

    /// Takes in the words of `sentence`, forgetting the previous sentence's.
    pub fn fill(&mut self, sentence: TextRange) {
        self.words.clear();
        self.lowered.clear();
        self.classes.clear();
        self.flags.clear();
        self.sentence_start = sentence.start;
        let body = sentence.slice(self.text);
        let (words, lowered, flags) = (&mut self.words, &mut self.lowered, &mut self.flags);
        let mut all_ascii = true;
        let mut previous_end = 0;
        let mut previous_word = TextRange::empty(0);
        each_word(body, |range| {
            let word = range.slice(body);
            // One pass without early exit over the bytes, which words are short enough for.
            let (ascii, ascii_upper) = word.bytes().fold((true, false), |(ascii, upper), byte| {
                (ascii & byte.is_ascii(), upper | byte.is_ascii_uppercase())
            });
            all_ascii &= ascii;
            let has_upper = ascii_upper || (!ascii && word.chars().any(char::is_uppercase));
            let lowered_at = has_upper.then(|| {
                let from = lowered.len();
                crate::text::push_lowercase(lowered, word);
                from..lowered.len()
            });
            words.push((range.shifted(sentence.start), lowered_at));
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let gap = body.get(previous_end..range.start).unwrap_or_default();
            // A full stop after an initial is an abbreviation's (`U.S.`, `U.S. official`),
            // not a break.
            let punctuated = gap.bytes().any(|byte| !byte.is_ascii_whitespace())
                && !abbreviation_stop(body, previous_word, gap);
            flags.push(
                (u8::from(capitalised) * CAPITALISED) | (u8::from(punctuated) * PUNCTUATED_BEFORE),
            );
            previous_end = range.end;
            previous_word = range;
        });
        self.all_ascii = all_ascii;
        self.all_classes = 0;
        for index in 0..self.words.len() {
            let lower = self.lower(index);
            // `in May`: the month, capitalised inside a sentence, is no modal; `the US`
            // and `the WHO`, in capitals, are names, not pronouns.
            let month = lower == "may" && index > 0 && self.capitalised(index);
            let name = matches!(lower, "us" | "who")
                && matches!(self.range(index).slice(self.text), "US" | "WHO");
            let classes = if month || name { 0 } else { en::classes(lower) };
            self.all_classes |= classes;
            self.classes.push(classes);
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The document range of the word at `index` (empty at the last word's end beyond).
    pub fn range(&self, index: usize) -> TextRange {
        self.words
            .get(index)
            .map_or_else(|| TextRange::empty(self.end()), |word| word.0)
    }

    /// Where the last word ends (the sentence start when it has none).
    fn end(&self) -> usize {
        self.words
            .last()
            .map_or(self.sentence_start, |word| word.0.end)
    }

    /// The lower-cased word at `index` (empty beyond the last word).
    #[inline]
    pub fn lower(&self, index: usize) -> &str {
        let Some((range, lowered_at)) = self.words.get(index) else {
            return "";
        };
        match lowered_at {
            Some(at) => self.lowered.get(at.clone()).unwrap_or_default(),
            None => range.slice(self.text),
        }
    }

    /// The classes of the word at `index` (none beyond the last word).
    pub fn classes(&self, index: usize) -> Classes {
        self.classes.get(index).copied().unwrap_or(0)
    }

    /// The index of the first word that ends after `offset` (the word count if none).
    pub fn first_ending_after(&self, offset: usize) -> usize {
        self.words.partition_point(|(range, _)| range.end <= offset)
    }

    /// Whether some word of the sentence is of one of `classes`.
    pub fn any(&self, classes: Classes) -> bool {
        self.all_classes & classes != 0
    }

    /// Whether every word of the sentence read last is ASCII.
    pub fn all_ascii(&self) -> bool {
        self.all_ascii
    }

    /// Whether the word at `index` starts with a capital letter.
    pub fn capitalised(&self, index: usize) -> bool {
        self.flags
            .get(index)
            .is_some_and(|flags| flags & CAPITALISED != 0)
    }

    /// Whether the word at `index` is a possessive (`Russia’s`, `Belarus's`, `allies’`).
    pub fn possessive(&self, index: usize) -> bool {
        let lower = self.lower(index);
        lower.ends_with("’s") || lower.ends_with("'s") || lower.ends_with(['’', '\''])
    }

    /// Whether the word at `index` is written in digits (`2021`, `1,200`, `4%`).
    pub fn numeral(&self, index: usize) -> bool {
        self.lower(index)
            .starts_with(|ch: char| ch.is_ascii_digit())
    }

    /// The first word inside brackets that close right before the word at `index`
    /// (`Acme Corp (ACM) announced`, `Lukashenka (pictured) met`), looked for at most
    /// `within` words back.
    pub fn bracket_opening_before(&self, index: usize, within: usize) -> Option<usize> {
        if !self.gap_before(index, 0).trim_end().ends_with(')') {
            return None;
        }
        (index.saturating_sub(within)..index)
            .rev()
            .find(|&at| self.gap_before(at, 0).contains('('))
    }

    /// Whether punctuation stands between the word at `index` and the one before it (or
    /// the sentence start); true beyond the last word.
    pub fn punctuated_before(&self, index: usize) -> bool {
        self.flags
            .get(index)
            .is_none_or(|flags| flags & PUNCTUATED_BEFORE != 0)
    }

    /// The text between the word at `index` and the one before it (or the sentence
    /// start); beyond the last word, what follows the last word up to `sentence_end`.
    pub fn gap_before(&self, index: usize, sentence_end: usize) -> &'t str {
        let from = index
            .checked_sub(1)
            .map_or(self.sentence_start, |before| self.range(before).end);
        let to = self
            .words
            .get(index)
            .map_or(sentence_end, |word| word.0.start);
        self.text.get(from..to.max(from)).unwrap_or_default()
    }

    /// The text of the sentence read last.
    pub fn text(&self) -> &'t str {
        self.text
    }
}
