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

/// Closing quotes and brackets that stay with the sentence they close (`“` and `‘` close
/// `„…“` and `‚…‘`, as Ukrainian, Belarusian and Russian write them).
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | '»' | '›' | ')' | ']' | '“' | '‘'
    )
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
    "Mr",
    "Mrs",
    "Ms",
    "Messrs",
    "Mme",
    "Mlle",
    "Dr",
    "Prof",
    "Gen",
    "Gens",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Cpt",
    "Cmdr",
    "Cdr",
    "Sgt",
    "Cpl",
    "Pvt",
    "Adm",
    "Brig",
    "Gov",
    "Sen",
    "Rep",
    "Reps",
    "Pres",
    "Rev",
    "Hon",
    "St",
    "Ste",
    "Mt",
    "Ft",
    "Amb",
    "Atty",
    "Supt",
    "Insp",
    "Det",
    "Lieut",
    "Fr",
    "vs",
    "v",
    "cf",
    "approx",
    "Approx",
    "ca",
    "incl",
    "esp",
    "viz",
    "e.g",
    "i.e",
    "E.g",
    "I.e",
    // Russian, Ukrainian, Belarusian: street, lane, avenue, "named after", professor,
    // academician, general, "that is", "so-called", "for example", "see".
    "ул",
    "пер",
    "просп",
    "пр",
    "им",
    "проф",
    "акад",
    "ген",
    "вул",
    "т.е",
    "т.н",
    "т.зв",
    "напр",
    "см",
    "Ул",
    "Вул",
    "Им",
    // Polish: street, "named after", "for example", "so-called", "among others",
    // "that is", ranks and titles.
    "ul",
    "im",
    "np",
    "tzw",
    "m.in",
    "tj",
    "gen",
    "płk",
    "ppłk",
    "mjr",
    "kpt",
    "por",
    "prof",
    "dyr",
    "inż",
    "mgr",
    "ks",
    "św",
    "Ul",
    "Np",
    "Tzw",
];

/// Whether `word` (without its full stop) is an abbreviation written before a name or a
/// title (`Gen`, `Dr`): the name finder leaves it out of names.
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    TITLES.contains(&word)
}

/// Abbreviations that are followed by a number (`No. 34`, `Oct. 8`, `p. 5`): no sentence
/// ends before a digit; before anything else they are ordinary words.
const BEFORE_NUMBER: &[&str] = &[
    "No", "no", "Nos", "nos", "Nr", "nr", "Art", "art", "Vol", "vol", "Fig", "fig", "p", "pp",
    "ch", "Ch", "Sec", "sec", "Para", "para", "Pt", "pt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // Article, point, part, page (`ст. 342`, `п. 3`, `ч. 1`); hour, about (`godz. 12`,
    // `ok. 300`), page.
    "ст", "Ст", "п", "ч", "стр", "с", "godz", "ok", "str", "poz",
];

/// Abbreviations that may end a sentence as well as sit inside one (`Jr.`, `Inc.`,
/// `etc.`): a sentence ends after them only before a word that typically starts one.
const AMBIGUOUS: &[&str] = &[
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "etc", "al", "Esq", "Dept", "Univ", "Assn",
    // Year, years (`в 2022 г.`, `у 2022 р.`, `w 2022 r.`), century, city (`г. Минск`, `м.
    // Київ`), region, thousand, million, billion, currencies, "and others", "and so on":
    // they end a sentence as often as they sit inside one.
    "г", "гг", "р", "рр", "r", "в", "вв", "м", "обл", "тыс", "тис", "млн", "млрд", "трлн", "руб",
    "грн", "долл", "др", "т.д", "т.п", "и.о", "tys", "mln", "mld", "mlrd", "proc", "zł", "itd",
    "itp", "woj", "pow",
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
    // Russian.
    "Он",
    "Она",
    "Оно",
    "Они",
    "Это",
    "Эти",
    "В",
    "Во",
    "На",
    "По",
    "С",
    "Но",
    "А",
    "И",
    "Как",
    "Когда",
    "После",
    "При",
    "Также",
    "Однако",
    "Кроме",
    "Мы",
    "Там",
    "Тогда",
    "Позже",
    "Ранее",
    "Вчера",
    "Сегодня",
    "Согласно",
    // Ukrainian.
    "Він",
    "Вона",
    "Воно",
    "Вони",
    "Це",
    "У",
    "Але",
    "Та",
    "І",
    "Як",
    "Коли",
    "Після",
    "Також",
    "Однак",
    "Проте",
    "Ми",
    "Раніше",
    "Вчора",
    "Сьогодні",
    "За",
    // Belarusian.
    "Ён",
    "Яна",
    "Яно",
    "Яны",
    "Гэта",
    "Па",
    "Калі",
    "Пасля",
    "Таксама",
    "Аднак",
    "Раней",
    "Учора",
    "Сёння",
    "Паводле",
    // Polish.
    "Ona",
    "Ono",
    "Oni",
    "To",
    "W",
    "Na",
    "Po",
    "Z",
    "Ale",
    "Jak",
    "Gdy",
    "Kiedy",
    "Także",
    "Jednak",
    "My",
    "Wcześniej",
    "Wczoraj",
    "Dziś",
    "Dzisiaj",
    "Według",
    "Tymczasem",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// A sentence may end here (the next token decides).
    Ordinary,
    /// Titles, `e.g.`: no sentence ends here.
    NeverFinal,
    /// One capital letter (`J. R. R. Tolkien`): no sentence ends here, unless a quotation
    /// opens after it (`… posted on X. “We will …”`), which no name does.
    Initial,
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
    // The word lists in one map, looked up once: searching each list in turn at every
    // full stop was a sixth of the splitting. A title outranks the other lists, and an
    // initial outranks all but the titles.
    static LISTED: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, WordClass>> =
        std::sync::LazyLock::new(|| {
            let lists = [
                (AMBIGUOUS, WordClass::Ambiguous),
                (BEFORE_NUMBER, WordClass::BeforeNumber),
                (TITLES, WordClass::NeverFinal),
            ];
            lists
                .into_iter()
                .flat_map(|(words, class)| words.iter().map(move |&word| (word, class)))
                .collect()
        });
    let listed = LISTED.get(word).copied();
    if listed == Some(WordClass::NeverFinal) {
        return WordClass::NeverFinal;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        // One capital letter: an initial (`J. R. R. Tolkien`, `Aliaksandr G. Lukashenka`).
        if first.is_uppercase() {
            return WordClass::Initial;
        }
    }
    if let Some(class) = listed {
        return class;
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
    if text.get(start..end).is_none() {
        return Vec::new();
    }
    Paragraph { text, start, end }.split(opaque)
}

/// One paragraph, `text[start..end]`, scanned by byte offset: characters are decoded only
/// where the splitter has something to decide. Collecting the paragraph's characters into
/// a vector first, as this did before, took two thirds of the splitting.
struct Paragraph<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl Paragraph<'_> {
    /// The character at byte offset `at` (on a character boundary); `'\0'` past the end.
    fn char_at(&self, at: usize) -> char {
        match self.text.as_bytes().get(at) {
            Some(&byte) if at < self.end && byte.is_ascii() => byte as char,
            Some(_) if at < self.end => self
                .text
                .get(at..self.end)
                .and_then(|rest| rest.chars().next())
                .unwrap_or('\0'),
            _ => '\0',
        }
    }

    /// The offset of the character after the one at `at`.
    fn next(&self, at: usize) -> usize {
        at + self.char_at(at).len_utf8()
    }

    /// The first character boundary at or after `at` (opaque ranges end on one; this
    /// keeps the scan on boundaries even if one did not).
    fn boundary_from(&self, at: usize) -> usize {
        let mut at = at;
        while at < self.end && !self.text.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    /// The first offset from `at` (before `limit`) of a character at which a sentence may
    /// end, or `limit`. ASCII terminators and brackets are found by their byte; the other
    /// terminators (`…`, `‼`, `⁇`, `⁈`, `⁉`) all start with the byte 0xE2, which no
    /// continuation byte equals, so only there is a character decoded.
    fn next_candidate(&self, at: usize, limit: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = at;
        while at < limit {
            match bytes[at] {
                b'.' | b'?' | b'!' | b')' | b']' => return at,
                0xE2 if may_end_sentence(self.char_at(at)) => return at,
                _ => at += 1,
            }
        }
        limit
    }

    fn split(&self, opaque: &[TextRange]) -> Vec<Sentence> {
        let (text, start, end) = (self.text, self.start, self.end);
        let mut opaque_at = opaque.partition_point(|r| r.start < start);
        let mut sentences = Vec::new();
        let mut sentence_start = start;
        let mut k = start;
        while k < end {
            while opaque_at < opaque.len() && opaque[opaque_at].start < k {
                opaque_at += 1;
            }
            if let Some(span) = opaque.get(opaque_at).filter(|r| r.start == k) {
                k = self.boundary_from(span.end).max(self.next(k));
                continue;
            }
            // Most characters neither end a sentence nor start markup: skip to the next one
            // that may (an opaque range's start is handled above, on the next turn).
            let next_opaque = opaque.get(opaque_at).map_or(usize::MAX, |r| r.start);
            k = self.next_candidate(k, end.min(next_opaque));
            if k >= end {
                break;
            }
            if k >= next_opaque {
                continue;
            }
            let c = self.char_at(k);
            if matches!(c, ')' | ']') {
                // A line that ends in a closing bracket (a caption's credit) ends its
                // sentence when the next line starts like a sentence.
                if let Some(next) = self.after_line_break(k + 1) {
                    if starts_sentence(self.char_at(next)) {
                        push_trimmed(text, sentence_start, k + 1, &mut sentences);
                        sentence_start = next;
                        k = next;
                        continue;
                    }
                }
            }
            if !is_terminator(c) {
                k = self.next(k);
                continue;
            }
            let run_start = k;
            let mut j = k;
            while j < end && is_terminator(self.char_at(j)) {
                j = self.next(j);
            }
            let strong = j > self.next(run_start) || c != '.';
            let closers_start = j;
            while j < end && is_closer(self.char_at(j)) {
                j = self.next(j);
            }
            let closed = j > closers_start;
            if j >= end {
                break;
            }
            if !self.char_at(j).is_whitespace() {
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
                while w < end && self.char_at(w).is_whitespace() {
                    saw_newline |= matches!(self.char_at(w), '\n' | '\r');
                    w = self.next(w);
                }
                if w >= end || saw_newline {
                    break;
                }
                let found = opaque.partition_point(|r| r.start < w);
                if let Some(span) = opaque.get(found).filter(|r| r.start == w) {
                    boundary = self.boundary_from(span.end).max(self.next(w));
                    w = boundary;
                    continue;
                }
                if let Some(after) = self.bracket_credit(w) {
                    boundary = after;
                    w = after;
                    continue;
                }
                break;
            }
            if w >= end {
                break;
            }
            let next = self.char_at(w);
            let starts = starts_sentence(next) || self.dialogue_dash_at(w);
            let split_here = if strong || closed {
                starts || saw_newline
            } else {
                match self.word_before(run_start).map(classify) {
                    None | Some(WordClass::Ordinary) => starts || saw_newline,
                    Some(WordClass::NeverFinal) => false,
                    // `J. R. Tolkien` goes on; `he wrote on X. He said` ends: a word that
                    // starts sentences (of two letters or more, not a next initial) is no
                    // surname.
                    Some(WordClass::Initial) => {
                        matches!(next, '"' | '“' | '«' | '„')
                            || (self.is_starter_at(w) && self.char_at(self.next(w)).is_alphabetic())
                    }
                    Some(WordClass::BeforeNumber) => {
                        !next.is_numeric() && (starts_sentence(next) || saw_newline)
                    }
                    Some(WordClass::Ambiguous) => self.is_starter_at(w),
                }
            };
            if split_here {
                push_trimmed(text, sentence_start, boundary.min(end), &mut sentences);
                sentence_start = w;
            }
            k = w.max(self.next(k));
        }
        push_trimmed(text, sentence_start, end, &mut sentences);
        sentences
    }

    /// Whether a dialogue's dash starts a sentence at `at`: a dash, a space, then a capital
    /// (`— сказал он. — Мы будем стоять.`).
    fn dialogue_dash_at(&self, at: usize) -> bool {
        if !matches!(self.char_at(at), '—' | '–') {
            return false;
        }
        let mut after = self.next(at);
        if !matches!(self.char_at(after), ' ' | '\u{a0}') {
            return false;
        }
        while matches!(self.char_at(after), ' ' | '\u{a0}') {
            after = self.next(after);
        }
        let first = self.char_at(after);
        first.is_uppercase() || is_opener(first)
    }

    /// When only spaces and at least one line break follow offset `at`, the offset of the
    /// next non-space character.
    fn after_line_break(&self, at: usize) -> Option<usize> {
        let mut i = at;
        let mut newline = false;
        while i < self.end && self.char_at(i).is_whitespace() {
            newline |= matches!(self.char_at(i), '\n' | '\r');
            i = self.next(i);
        }
        (newline && i < self.end).then_some(i)
    }

    /// The word ending just before offset `at` (back to white space), at most 40
    /// characters long; `None` when longer (no abbreviation is that long).
    fn word_before(&self, at: usize) -> Option<&str> {
        let before = self.text.get(self.start..at)?;
        let mut from = at;
        for (count, (offset, c)) in before.char_indices().rev().enumerate() {
            if c.is_whitespace() {
                break;
            }
            if count >= 40 {
                return None;
            }
            from = self.start + offset;
        }
        self.text.get(from..at)
    }

    /// Whether the alphabetic word starting at offset `at` (at most 12 characters) is one
    /// of [`STARTERS`].
    fn is_starter_at(&self, at: usize) -> bool {
        let mut end = at;
        let mut count = 0;
        while end < self.end && count < 13 && self.char_at(end).is_alphabetic() {
            end = self.next(end);
            count += 1;
        }
        let word = self.text.get(at..end).unwrap_or_default();
        STARTERS.contains(&word)
    }

    /// A short bracketed credit such as `(Reuters)` or `(photo credit: X VIA REUTERS)` at
    /// offset `at`: at most 8 words on one line, no sentence punctuation inside, followed
    /// by the end, a line break or the start of a sentence. Returns the offset after it.
    fn bracket_credit(&self, at: usize) -> Option<usize> {
        let close = match self.char_at(at) {
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        let mut i = at + 1;
        // Characters from the bracket: a credit is at most 120 long.
        let mut length = 1;
        let mut words = 0;
        let mut in_word = false;
        while i < self.end && length <= 120 {
            let c = self.char_at(i);
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
            i = self.next(i);
            length += 1;
        }
        if i >= self.end || self.char_at(i) != close || words == 0 || words > 8 {
            return None;
        }
        let after = i + 1;
        let mut w = after;
        while w < self.end && matches!(self.char_at(w), ' ' | '\t') {
            w += 1;
        }
        if w >= self.end {
            return Some(after);
        }
        let c = self.char_at(w);
        (c.is_whitespace() || starts_sentence(c)).then_some(after)
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let (s, e) = trim_range(text, start, end);
    if s < e {
        out.push(Sentence {
            range: TextRange::new(s, e),
        });
    }
}
