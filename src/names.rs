//! Capitalised names in article bodies that no actor of the registry matches: candidates
//! for the registry (`unknown-actor` hints, "Add to actors.toml").

use crate::article::Article;
use crate::temporal::is_calendar_name;
use crate::text::TextRange;
use std::sync::LazyLock;

static CAPITALISED_RUN: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    // Runs of capitalised words, allowing a lowercase joiner inside (`Ministry of Defence`).
    let word = r"\p{Lu}[\p{Ll}\p{M}]+(?:[-’']\p{Lu}?[\p{Ll}\p{M}]+)*";
    let joiners = RUN_JOINERS.join("|");
    regex_automata::meta::Regex::new(&format!(r"{word}(?:\s+(?:(?:{joiners})\s+)?{word})*"))
        .expect("static pattern")
});

/// The capitalised runs of `text`, as a search for [`CAPITALISED_RUN`] finds them one
/// after another, into `runs` (cleared first: one buffer for every sentence). A run
/// starts with a capital letter, so runs are looked for at capitals only: by hand where
/// the run is plain ASCII (and General Punctuation), with the pattern anchored there
/// where a character beyond those decides. Running the pattern at every capital was most
/// of the name finder's time.
fn capitalised_runs(text: &str, runs: &mut Vec<TextRange>) {
    use regex_automata::{Anchored, Input};
    runs.clear();
    let mut at = 0;
    while let Some(start) = next_capital(text, at) {
        let end = match run_by_hand(text, start) {
            Ok(end) => end,
            Err(BeyondAscii) => {
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                CAPITALISED_RUN.find(input).map(|found| found.end())
            }
        };
        match end {
            Some(end) => {
                runs.push(TextRange::new(start, end));
                at = end.max(start + 1);
            }
            None => {
                // Past the capital (a character boundary: `next_capital` found it).
                let width = text
                    .get(start..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(1, char::len_utf8);
                at = start + width;
            }
        }
    }
}

/// The hand scanner met a character whose Unicode class decides the run: the pattern
/// has to be asked.
struct BeyondAscii;

/// What [`CAPITALISED_RUN`] sees in one character, for the characters the hand scanner
/// knows: ASCII and the General Punctuation block (which holds no letter and no mark).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunChar {
    Upper,
    Lower,
    /// `-`, `'` or `’`, of this many bytes.
    Joiner(usize),
    /// White space of this many bytes.
    Space(usize),
    /// Anything else, or the end of the text: no part of a run.
    Other,
}

/// The class of the character at byte `at`, or `Err` for a character the scanner does
/// not know.
fn run_char(text: &str, at: usize) -> Result<RunChar, BeyondAscii> {
    let Some(&byte) = text.as_bytes().get(at) else {
        return Ok(RunChar::Other);
    };
    Ok(match byte {
        b'A'..=b'Z' => RunChar::Upper,
        b'a'..=b'z' => RunChar::Lower,
        b'-' | b'\'' => RunChar::Joiner(1),
        b'\t'..=b'\r' | b' ' => RunChar::Space(1),
        _ if byte.is_ascii() => RunChar::Other,
        _ => match crate::text::general_punctuation_at(text, at) {
            Some('’') => RunChar::Joiner('’'.len_utf8()),
            Some(ch) if ch.is_whitespace() => RunChar::Space(ch.len_utf8()),
            Some(_) => RunChar::Other,
            None => return Err(BeyondAscii),
        },
    })
}

/// Where the lower-case letters from `at` end; `None` if there is none.
fn lower_letters_end(text: &str, mut at: usize) -> Result<Option<usize>, BeyondAscii> {
    let start = at;
    while run_char(text, at)? == RunChar::Lower {
        at += 1;
    }
    Ok((at > start).then_some(at))
}

/// Where the capitalised word of the pattern that starts at `at` ends, if one starts
/// there: a capital, lower-case letters, then joined parts (`-Smith`, `’s`).
fn word_by_hand(text: &str, at: usize) -> Result<Option<usize>, BeyondAscii> {
    if run_char(text, at)? != RunChar::Upper {
        return Ok(None);
    }
    let Some(mut end) = lower_letters_end(text, at + 1)? else {
        return Ok(None);
    };
    while let RunChar::Joiner(width) = run_char(text, end)? {
        let mut part = end + width;
        if run_char(text, part)? == RunChar::Upper {
            part += 1;
        }
        match lower_letters_end(text, part)? {
            Some(part_end) => end = part_end,
            None => break,
        }
    }
    Ok(Some(end))
}

/// Where the white space from `at` ends (`at` itself if there is none).
fn space_end(text: &str, mut at: usize) -> Result<usize, BeyondAscii> {
    while let RunChar::Space(width) = run_char(text, at)? {
        at += width;
    }
    Ok(at)
}

/// The lower-case words a run may hold between two capitalised ones (`Ministry of
/// Defence`), in the pattern and the scanner alike; a name does not end with one.
const RUN_JOINERS: [&str; 7] = ["of", "the", "de", "von", "van", "al", "bin"];

/// Where the run of [`CAPITALISED_RUN`] that starts at `start` ends, found as the pattern
/// finds it (every choice of the pattern is forced: what one part may take, the next
/// cannot start with); `Err` where a character beyond the scanner's decides.
fn run_by_hand(text: &str, start: usize) -> Result<Option<usize>, BeyondAscii> {
    let Some(mut end) = word_by_hand(text, start)? else {
        return Ok(None);
    };
    loop {
        let next = space_end(text, end)?;
        if next == end {
            break;
        }
        let rest = text.get(next..).unwrap_or("");
        // A joiner and white space before the word, or the word right away (a joiner is
        // lower case, so no word starts where one does).
        let mut word_end = None;
        if let Some(joiner) = RUN_JOINERS.iter().find(|joiner| rest.starts_with(**joiner)) {
            let after_joiner = next + joiner.len();
            let word_start = space_end(text, after_joiner)?;
            if word_start > after_joiner {
                word_end = word_by_hand(text, word_start)?;
            }
        }
        if word_end.is_none() {
            word_end = word_by_hand(text, next)?;
        }
        match word_end {
            Some(word_end) => end = word_end,
            None => break,
        }
    }
    Ok(Some(end))
}

/// Where the next upper-case character at or after `from` (a character boundary) is.
/// ASCII, most of a text, is tested byte by byte; other characters are decoded.
fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if byte.is_ascii_uppercase() {
                return Some(at);
            }
            at += 1;
        } else {
            let ch = text.get(at..)?.chars().next()?;
            if ch.is_uppercase() {
                return Some(at);
            }
            at += ch.len_utf8();
        }
    }
    None
}

/// Capitalised words that begin sentences or name calendar things, not actors.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "If",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "With",
    "As",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "They",
    "He",
    "She",
    "We",
    "I",
    "You",
    "Our",
    "Their",
    "His",
    "Her",
    "However",
    "Meanwhile",
    "Moreover",
    "Still",
    "Some",
    "Many",
    "Most",
    "All",
    "Each",
    "Every",
    "Both",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Since",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "Where",
    "What",
    "Why",
    "How",
    "Who",
    "Which",
    "According",
    "Under",
    "Over",
    "Up",
    "Until",
    "About",
    "Also",
    "Yet",
    "So",
    "Not",
    "No",
    "Yes",
    "Read",
    "Photo",
    "Copyright",
    "Earlier",
    "Later",
    "Initially",
    "Recently",
    "Lately",
    "Currently",
    "Unfortunately",
    "Nevertheless",
    "Therefore",
    "Accordingly",
    "Here",
    "Well",
    "One",
    "Two",
    "Experts",
    "Officials",
    "Relatives",
    "Others",
    "Local",
    "Representatives",
    "Screenshots",
    "Footage",
    "Soldiers",
    "Internet",
    "Web",
    // Prepositions, conjunctions and adverbs that start sentences (`Between January and
    // March`, `Despite Minsk's denials`).
    "Between",
    "Among",
    "Amid",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Against",
    "Without",
    "Within",
    "Through",
    "Throughout",
    "Across",
    "Around",
    "Following",
    "Including",
    "Unlike",
    "Like",
    "Into",
    "Upon",
    "Whether",
    "Once",
    "Unless",
    "Even",
    "Only",
    "Such",
    "Another",
    "Other",
    "Any",
    "Several",
    "Thus",
    "Instead",
    "Indeed",
    "Perhaps",
    "Besides",
    "Whereas",
    "Neither",
    "Nor",
    "Either",
    "Beyond",
    "Toward",
    "Towards",
    "Regarding",
];

/// Name candidates of one article body: text, range. Ranges covered by `known` (mentions
/// of known actors) are left out, and so are words that merely start a sentence.
pub fn unknown_names(
    text: &str,
    article: &Article,
    known: &[TextRange],
) -> Vec<(TextRange, Box<str>)> {
    let known = crate::text::RangeIndex::new(known);
    let mut found = Vec::new();
    // The runs of one sentence and the words of one run, reused from one to the next.
    let mut runs = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for paragraph in article
        .paragraphs
        .iter()
        .filter(|paragraph| !paragraph.heading)
    {
        for sentence in &paragraph.sentences {
            let body = sentence.range.slice(text);
            capitalised_runs(body, &mut runs);
            for &run in &runs {
                words.clear();
                words.extend(run.slice(body).split_whitespace());
                let mut start = sentence.range.start + run.start;
                // Drop leading function words ("The Kremlin" → "Kremlin" stays a name),
                // and a joiner they leave first (`March the Ukrainian Ambassador`).
                let mut first_kept = 0;
                while let Some(first) = words.get(first_kept) {
                    if is_not_name(first) || is_calendar_name(first) || RUN_JOINERS.contains(first)
                    {
                        start += first.len();
                        start += text[start..].len() - text[start..].trim_start().len();
                        first_kept += 1;
                    } else {
                        break;
                    }
                }
                let kept = &mut words[first_kept..];
                let mut kept_len = kept.len();
                // An abbreviated title ends the run at its full stop (`Gen. Ivanov`): it
                // names no one, and the name after it is a run of its own.
                let run_end = sentence.range.start + run.end;
                if text[run_end..].starts_with('.')
                    && kept
                        .last()
                        .is_some_and(|last| crate::article::is_title_abbreviation(last))
                {
                    kept_len -= 1;
                }
                while kept_len > 0 && RUN_JOINERS.contains(&kept[kept_len - 1]) {
                    kept_len -= 1;
                }
                let kept = &mut kept[..kept_len];
                let Some(last) = kept.last_mut() else {
                    continue;
                };
                // `Ivanov’s staff` mentions Ivanov: the possessive is no part of the name.
                *last = without_possessive(last);
                let kept = &*kept;
                // The name is its words joined by single spaces; white space other than
                // one space inside keeps the text as written, so it is no name.
                let name_len = kept.iter().map(|word| word.len()).sum::<usize>() + kept.len() - 1;
                let range = TextRange::new(start, start + name_len);
                let written = text.get(range.start..range.end).unwrap_or("");
                if written.split(' ').ne(kept.iter().copied()) {
                    continue;
                }
                let name = written;
                let at_sentence_start = text[sentence.range.start..range.start]
                    .trim_start_matches(|ch: char| !ch.is_alphanumeric())
                    .is_empty();
                if kept.len() == 1
                    && (at_sentence_start || name.chars().count() < 3 || is_demonym(name))
                {
                    continue;
                }
                // `Ukrainian Ambassador` describes someone but names no one.
                if kept
                    .iter()
                    .all(|word| is_demonym(word) || TITLES.contains(word))
                {
                    continue;
                }
                if known.intersects(range) {
                    continue;
                }
                found.push((range, name.into()));
            }
        }
    }
    found
}

/// `word` without a final possessive `’s` or `'s` (`Ivanov’s` → `Ivanov`). What the
/// word has before it is kept: the pattern's words start with a capital and a letter.
fn without_possessive(word: &str) -> &str {
    ["’s", "'s"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|stem| !stem.is_empty())
        .unwrap_or(word)
}

/// Capitalised words that begin sentences in Russian, Ukrainian, Belarusian and Polish:
/// prepositions, conjunctions, pronouns, particles and adverbs of time and manner (this
/// project's own list). A single word starting a sentence is never taken for a name;
/// these are the ones that start a run with a name after them (`Вчера Иванов заявил`).
const NOT_NAMES_SLAVIC: &[&str] = &[
    // Russian.
    "В",
    "Во",
    "На",
    "По",
    "С",
    "Со",
    "К",
    "Ко",
    "О",
    "Об",
    "Обо",
    "От",
    "До",
    "Из",
    "За",
    "Для",
    "Без",
    "При",
    "Про",
    "Под",
    "Над",
    "Перед",
    "После",
    "Между",
    "Через",
    "Около",
    "И",
    "А",
    "Но",
    "Или",
    "Что",
    "Как",
    "Когда",
    "Если",
    "Хотя",
    "Чтобы",
    "Так",
    "Также",
    "Тем",
    "Однако",
    "Поэтому",
    "Кроме",
    "Вчера",
    "Сегодня",
    "Завтра",
    "Сейчас",
    "Теперь",
    "Тогда",
    "Ранее",
    "Позже",
    "Затем",
    "Потом",
    "Уже",
    "Еще",
    "Ещё",
    "Даже",
    "Только",
    "Он",
    "Она",
    "Они",
    "Оно",
    "Мы",
    "Вы",
    "Я",
    "Его",
    "Её",
    "Их",
    "Это",
    "Эти",
    "Этот",
    "Эта",
    "Тот",
    "Та",
    "Те",
    "Все",
    "Всё",
    "Весь",
    "Каждый",
    "Многие",
    "Некоторые",
    "Где",
    "Почему",
    "Кто",
    "Какой",
    "Согласно",
    "Накануне",
    "Впрочем",
    "Президент",
    "Премьер",
    "Министр",
    "Глава",
    "Лидер",
    "Господин",
    "Госпожа",
    // Ukrainian.
    "У",
    "Із",
    "Зі",
    "Від",
    "Для",
    "Біля",
    "Після",
    "Перед",
    "Між",
    "Через",
    "Та",
    "Але",
    "Або",
    "Що",
    "Як",
    "Коли",
    "Якщо",
    "Хоча",
    "Щоб",
    "Також",
    "Проте",
    "Тому",
    "Крім",
    "Вчора",
    "Учора",
    "Сьогодні",
    "Завтра",
    "Зараз",
    "Тепер",
    "Тоді",
    "Раніше",
    "Пізніше",
    "Потім",
    "Вже",
    "Ще",
    "Навіть",
    "Лише",
    "Тільки",
    "Вона",
    "Вони",
    "Воно",
    "Ми",
    "Ви",
    "Його",
    "Її",
    "Це",
    "Ці",
    "Цей",
    "Ця",
    "Той",
    "Всі",
    "Усі",
    "Кожен",
    "Багато",
    "Деякі",
    "Де",
    "Чому",
    "Хто",
    "Згідно",
    "Напередодні",
    "Президента",
    "Прем'єр",
    "Міністр",
    "Голова",
    "Пан",
    "Пані",
    // Belarusian.
    "Ў",
    "Ад",
    "Пры",
    "Пра",
    "Пад",
    "Пасля",
    "Паміж",
    "Праз",
    "Ці",
    "Калі",
    "Хаця",
    "Каб",
    "Таксама",
    "Аднак",
    "Таму",
    "Акрамя",
    "Учора",
    "Сёння",
    "Заўтра",
    "Цяпер",
    "Тады",
    "Раней",
    "Пазней",
    "Потым",
    "Ужо",
    "Яшчэ",
    "Нават",
    "Толькі",
    "Ён",
    "Яна",
    "Яны",
    "Яго",
    "Яе",
    "Гэта",
    "Гэтыя",
    "Гэты",
    "Гэтая",
    "Усе",
    "Кожны",
    "Шмат",
    "Некаторыя",
    "Дзе",
    "Чаму",
    "Хто",
    "Паводле",
    "Напярэдадні",
    "Прэзідэнт",
    "Міністр",
    "Кіраўнік",
    "Спадар",
    "Спадарыня",
    // Polish.
    "We",
    "Na",
    "Po",
    "Ze",
    "Ku",
    "Od",
    "Do",
    "Za",
    "Dla",
    "Bez",
    "Przy",
    "Pod",
    "Nad",
    "Przed",
    "Między",
    "Przez",
    "Oraz",
    "Ale",
    "Lub",
    "Albo",
    "Że",
    "Jak",
    "Kiedy",
    "Gdy",
    "Jeśli",
    "Jeżeli",
    "Choć",
    "Chociaż",
    "Aby",
    "Żeby",
    "Także",
    "Również",
    "Jednak",
    "Dlatego",
    "Oprócz",
    "Wczoraj",
    "Dziś",
    "Dzisiaj",
    "Jutro",
    "Teraz",
    "Wtedy",
    "Wcześniej",
    "Później",
    "Potem",
    "Już",
    "Jeszcze",
    "Nawet",
    "Tylko",
    "On",
    "Ona",
    "Oni",
    "One",
    "Ono",
    "My",
    "Wy",
    "Ja",
    "Jego",
    "Jej",
    "Ich",
    "To",
    "Ten",
    "Ta",
    "Te",
    "Ci",
    "Wszyscy",
    "Każdy",
    "Wielu",
    "Niektórzy",
    "Gdzie",
    "Dlaczego",
    "Kto",
    "Według",
    "Zdaniem",
    "Prezydent",
    "Premier",
    "Minister",
    "Szef",
    "Pan",
    "Pani",
];

/// Whether a capitalised word is one of [`NOT_NAMES`] or [`NOT_NAMES_SLAVIC`].
fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| NOT_NAMES.iter().chain(NOT_NAMES_SLAVIC).copied().collect());
    SET.contains(word)
}

/// Whether a single word is a demonym or a language (`Belarusian`, `Polish`): an adjective
/// of nationality, not the name of an actor.
fn is_demonym(word: &str) -> bool {
    ["ian", "ians", "ean", "eans", "ese", "ish"]
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// Capitalised words that are titles, not given names (`President Putin`).
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "General",
    "Colonel",
    "Major",
    "Lieutenant",
    "Captain",
    "Secretary",
    "Ambassador",
    "Deputy",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Commander",
    "Governor",
    "Mayor",
    "Senator",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "State",
    "Leader",
];

/// Longer spellings of known names: a capitalised given name right before a mention
/// (`Aliaksandr` + `Lukashenko`), which the registry may lack as an alias.
pub fn name_variants(text: &str, known: &[TextRange]) -> Vec<(TextRange, Box<str>)> {
    let mut found = Vec::new();
    for mention in known {
        let before = text.get(..mention.start).unwrap_or("");
        let Some(without_space) = before.strip_suffix(' ') else {
            continue;
        };
        let word_start = without_space
            .char_indices()
            .rev()
            .take_while(|(_, ch)| ch.is_alphabetic() || *ch == '-')
            .last()
            .map(|(index, _)| index)
            .unwrap_or(without_space.len());
        let word = &without_space[word_start..];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(|ch| !ch.is_uppercase());
        if !capitalised
            || word.chars().count() < 3
            || TITLES.contains(&word)
            || is_not_name(word)
            || is_calendar_name(word)
            || is_demonym(word)
        {
            continue;
        }
        let range = TextRange::new(word_start, mention.end);
        if let Some(variant) = text.get(range.start..range.end) {
            found.push((range, variant.into()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trying the pattern at capitals only finds exactly what searching the whole text
    /// finds, on text mixing capitals, joiners, marks and white space beyond ASCII.
    #[test]
    fn anchored_runs_agree_with_a_search_of_the_whole_text() {
        const PIECES: &[&str] = &[
            "A", "b", "Ł", "ž", "\u{301}", " ", "\n", "of ", "the ", "-", "’", "'", "ǅ", "Ⓐ", "Ж",
            "и", ".", "7", "\u{a0}", "Ab", "cd", "de ", "von ", "van ", "al ", "bin ", "ofa", "\t",
            "\u{2009}", "\u{2028}", "—", "”", "é", "thé ", "of", "van",
        ];
        crate::fixture::for_random_texts(PIECES, |text| {
            let expected: Vec<(usize, usize)> = CAPITALISED_RUN
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            // Into a buffer that held other runs before.
            let mut runs = vec![TextRange::new(0, 1)];
            capitalised_runs(text, &mut runs);
            let anchored: Vec<(usize, usize)> = runs
                .into_iter()
                .map(|range| (range.start, range.end))
                .collect();
            proptest::prop_assert_eq!(anchored, expected, "text {:?}", text);
            Ok(())
        });
    }
}
