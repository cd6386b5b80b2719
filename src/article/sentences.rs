//! Sentence splitting for news text: a single left-to-right scan over a paragraph that
//! stops at `.`, `?`, `!` and `…` and decides from the word before and the token after
//! whether a sentence ends there (abbreviations, initials, numbers, quotes, brackets,
//! trailing citations and annotations, hard-wrapped lines).

use super::lines::trim_range;
use super::Sentence;
use crate::text::TextRange;

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Characters at which the splitter has something to decide: terminators, and closing
/// brackets (which may end a caption's line).
fn may_end_sentence(c: char) -> bool {
    is_terminator(c) || matches!(c, ')' | ']')
}

/// Closing quotes and brackets that stay with the sentence they close.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '›' | ')' | ']')
}

/// Opening quotes and brackets that may start a sentence.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '«' | '‹' | '„' | '(' | '[' | '¿' | '¡'
    )
}

/// Whether a token starting with `c` can begin a sentence: a capital (or a letter of a
/// script without case), a digit, an opening quote or bracket.
pub(crate) fn starts_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase()) || c.is_numeric() || is_opener(c) || c == '•'
}

/// Abbreviations written before a name or a title: never the end of a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj",
    "Capt", "Cpt", "Cmdr", "Cdr", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Gov", "Sen", "Rep", "Reps",
    "Pres", "Rev", "Hon", "St", "Ste", "Mt", "Ft", "Amb", "Atty", "Supt", "Insp", "Det", "Lieut",
    "Fr", "vs", "v", "cf", "approx", "Approx", "ca", "incl", "esp", "viz", "e.g", "i.e", "E.g",
    "I.e",
];

/// Abbreviations that are followed by a number (`No. 34`, `Oct. 8`, `p. 5`): no sentence
/// ends before a digit; before anything else they are ordinary words.
const BEFORE_NUMBER: &[&str] = &[
    "No", "no", "Nos", "nos", "Nr", "nr", "Art", "art", "Vol", "vol", "Fig", "fig", "p", "pp",
    "ch", "Ch", "Sec", "sec", "Para", "para", "Pt", "pt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Abbreviations that may end a sentence as well as sit inside one (`Jr.`, `Inc.`,
/// `etc.`): a sentence ends after them only before a word that typically starts one.
const AMBIGUOUS: &[&str] = &[
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "etc", "al", "Esq", "Dept", "Univ", "Assn",
];

/// Capitalised words that usually start a sentence, used after ambiguous abbreviations
/// (`... in the U.S. The next day` ends one, `the U.S. Army` does not).
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "However",
    "In",
    "On",
    "At",
    "For",
    "From",
    "By",
    "With",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Meanwhile",
    "Moreover",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "What",
    "Who",
    "Why",
    "How",
    "Some",
    "Many",
    "Earlier",
    "Later",
    "According",
    "Since",
    "Still",
    "Then",
    "Now",
    "Today",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// A sentence may end here (the next token decides).
    Ordinary,
    /// Titles, initials, `e.g.`: no sentence ends here.
    NeverFinal,
    /// `No.`, `Oct.`: no sentence ends before a digit.
    BeforeNumber,
    /// `U.S.`, `Jr.`, `a.m.`: a sentence ends only before a typical sentence starter.
    Ambiguous,
}

/// Classifies the word written just before a single `.`.
fn classify(word: &str) -> WordClass {
    let word = word.trim_start_matches(is_opener);
    if word.is_empty() {
        return WordClass::Ordinary;
    }
    if TITLES.contains(&word) {
        return WordClass::NeverFinal;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        // One capital letter: an initial (`J. R. R. Tolkien`, `Aliaksandr G. Lukashenka`).
        if first.is_uppercase() {
            return WordClass::NeverFinal;
        }
    }
    if BEFORE_NUMBER.contains(&word) {
        return WordClass::BeforeNumber;
    }
    if AMBIGUOUS.contains(&word) {
        return WordClass::Ambiguous;
    }
    // Dotted abbreviations: `U.S`, `a.m`, `Ph.D` (the last dot is the one being decided).
    if word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic)
        })
    {
        return WordClass::Ambiguous;
    }
    WordClass::Ordinary
}

/// Splits the paragraph `text[start..end]` into sentences. `opaque` are the sorted ranges
/// of citations and annotations: never split inside, and kept with the sentence before
/// when they follow its final punctuation on the same line.
pub(crate) fn split(text: &str, start: usize, end: usize, opaque: &[TextRange]) -> Vec<Sentence> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    thread_local! {
        /// The characters of the paragraph being split, kept from call to call: collecting
        /// them into a new vector for every paragraph cost more than the scan.
        static CHARS: std::cell::Cell<Vec<(usize, char)>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut chars = CHARS.take();
    chars.clear();
    chars.extend(slice.char_indices().map(|(i, c)| (start + i, c)));
    let sentences = split_chars(text, start, end, opaque, &chars);
    CHARS.set(chars);
    sentences
}

/// [`split`], over the paragraph's characters `cs` with their offsets.
fn split_chars(
    text: &str,
    start: usize,
    end: usize,
    opaque: &[TextRange],
    cs: &[(usize, char)],
) -> Vec<Sentence> {
    let n = cs.len();
    // Index of the char at a byte offset (offsets come from `cs` or `opaque`, which fall
    // on char boundaries of the same text).
    let index_of = |offset: usize| cs.partition_point(|&(o, _)| o < offset);
    let mut opaque_at = opaque.partition_point(|r| r.start < start);
    let mut sentences = Vec::new();
    let mut sentence_start = start;
    let mut k = 0;
    while k < n {
        while opaque_at < opaque.len() && opaque[opaque_at].start < cs[k].0 {
            opaque_at += 1;
        }
        if let Some(span) = opaque.get(opaque_at).filter(|r| r.start == cs[k].0) {
            k = index_of(span.end);
            continue;
        }
        // Most characters neither end a sentence nor start markup: skip to the next one
        // that may (an opaque range's start is handled above, on the next turn).
        let next_opaque = opaque.get(opaque_at).map_or(usize::MAX, |r| r.start);
        while k < n && cs[k].0 < next_opaque && !may_end_sentence(cs[k].1) {
            k += 1;
        }
        if k >= n {
            break;
        }
        if cs[k].0 >= next_opaque {
            continue;
        }
        let c = cs[k].1;
        if matches!(c, ')' | ']') {
            // A line that ends in a closing bracket (a caption's credit) ends its
            // sentence when the next line starts like a sentence.
            if let Some(next) = after_line_break(cs, k + 1) {
                if starts_sentence(cs[next].1) {
                    push_trimmed(text, sentence_start, cs[k].0 + 1, &mut sentences);
                    sentence_start = cs[next].0;
                    k = next;
                    continue;
                }
            }
        }
        if !is_terminator(c) {
            k += 1;
            continue;
        }
        let run_start = k;
        let mut j = k;
        while j < n && is_terminator(cs[j].1) {
            j += 1;
        }
        let run_len = j - run_start;
        let strong = run_len > 1 || cs[run_start].1 != '.';
        let closers_start = j;
        while j < n && is_closer(cs[j].1) {
            j += 1;
        }
        let closed = j > closers_start;
        if j >= n {
            break;
        }
        if !cs[j].1.is_whitespace() {
            // `3.5`, `U.S.-led`, `e.g.,`: not a boundary.
            k = j;
            continue;
        }
        // Trailing citations, annotations and short bracketed credits on the same line
        // belong to the sentence that just ended.
        let mut boundary = j;
        let mut w = j;
        let mut saw_newline = false;
        loop {
            while w < n && cs[w].1.is_whitespace() {
                saw_newline |= matches!(cs[w].1, '\n' | '\r');
                w += 1;
            }
            if w >= n || saw_newline {
                break;
            }
            let found = opaque.partition_point(|r| r.start < cs[w].0);
            if let Some(span) = opaque.get(found).filter(|r| r.start == cs[w].0) {
                boundary = index_of(span.end);
                w = boundary;
                continue;
            }
            if let Some(after) = bracket_credit(cs, w) {
                boundary = after;
                w = after;
                continue;
            }
            break;
        }
        if w >= n {
            break;
        }
        let next = cs[w].1;
        let next_word = word_at(cs, w);
        let split_here = if strong || closed {
            starts_sentence(next) || saw_newline
        } else {
            let word = word_before(cs, run_start);
            match word.as_deref().map(classify) {
                None | Some(WordClass::Ordinary) => starts_sentence(next) || saw_newline,
                Some(WordClass::NeverFinal) => false,
                Some(WordClass::BeforeNumber) => {
                    !next.is_numeric() && (starts_sentence(next) || saw_newline)
                }
                Some(WordClass::Ambiguous) => STARTERS.contains(&next_word),
            }
        };
        if split_here {
            let end_offset = cs.get(boundary).map_or(end, |&(o, _)| o);
            push_trimmed(text, sentence_start, end_offset, &mut sentences);
            sentence_start = cs[w].0;
        }
        k = w.max(k + 1);
    }
    push_trimmed(text, sentence_start, end, &mut sentences);
    sentences
}

/// When only spaces and at least one line break follow index `at`, the index of the next
/// non-space char.
fn after_line_break(cs: &[(usize, char)], at: usize) -> Option<usize> {
    let mut i = at;
    let mut newline = false;
    while i < cs.len() && cs[i].1.is_whitespace() {
        newline |= matches!(cs[i].1, '\n' | '\r');
        i += 1;
    }
    (newline && i < cs.len()).then_some(i)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let (s, e) = trim_range(text, start, end);
    if s < e {
        out.push(Sentence {
            range: TextRange::new(s, e),
        });
    }
}

/// The word ending just before index `at` (back to white space), at most 40 chars long;
/// `None` when longer (no abbreviation is that long).
fn word_before(cs: &[(usize, char)], at: usize) -> Option<String> {
    let mut i = at;
    while i > 0 && !cs[i - 1].1.is_whitespace() {
        i -= 1;
        if at - i > 40 {
            return None;
        }
    }
    Some(cs[i..at].iter().map(|&(_, c)| c).collect())
}

/// The alphabetic word starting at index `at` (for the starter list), at most 12 chars.
fn word_at(cs: &[(usize, char)], at: usize) -> &'static str {
    let word: String = cs[at..]
        .iter()
        .take(13)
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .collect();
    STARTERS.iter().find(|s| **s == word).copied().unwrap_or("")
}

/// A short bracketed credit such as `(Reuters)` or `(photo credit: X VIA REUTERS)` at
/// index `at`: at most 8 words on one line, no sentence punctuation inside, followed by
/// the end, a line break or the start of a sentence. Returns the index after it.
fn bracket_credit(cs: &[(usize, char)], at: usize) -> Option<usize> {
    let close = match cs[at].1 {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let mut i = at + 1;
    let mut words = 0;
    let mut in_word = false;
    while i < cs.len() && i - at <= 120 {
        let c = cs[i].1;
        if c == close {
            break;
        }
        if is_terminator(c) || matches!(c, '\n' | '\r' | '(' | '[') {
            return None;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
        i += 1;
    }
    if i >= cs.len() || cs[i].1 != close || words == 0 || words > 8 {
        return None;
    }
    let after = i + 1;
    let mut w = after;
    while w < cs.len() && matches!(cs[w].1, ' ' | '\t') {
        w += 1;
    }
    match cs.get(w) {
        None => Some(after),
        Some(&(_, c)) if c.is_whitespace() || starts_sentence(c) => Some(after),
        _ => None,
    }
}
