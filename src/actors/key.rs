//! The cross-script key of a word: one lossy Latin spelling shared by a name's Cyrillic
//! (Russian, Ukrainian, Belarusian), Polish, Łacinka and English romanised spellings, so
//! that `Lukashenka`, `Лукашэнка`, `Лукашенко` and `Łukaszenka` meet.
//!
//! The key is built in steps, each applied the same way to every script (the tables are
//! this project's own, written from the national romanisation rules and ISO 9):
//! 1. letters are lower-cased and spelled in Latin: Cyrillic letter by letter (`ш` → `s`,
//!    `я` → `a`, `ь` dropped), Latin digraphs and letters with diacritics folded (`sz`,
//!    `sh`, `š` → `s`; `kh`, `ch`, `cz`, `ts` → `c`; `w` → `v`; a lone `h`, the Polish and
//!    Ukrainian spelling of `г`, → `g`);
//! 2. a glide (`i`, `j`, `y`) before a vowel is dropped, so `ia`, `ya`, `ja` and `я` agree,
//!    then `j` and `y` become `i`;
//! 3. a final `er` after a consonant loses its `e` (`Aleksander`, `Александр`);
//! 4. `ci` becomes `ti` and `dz` before `e` or `i` becomes `d` (the Belarusian `ць`, `дз`
//!    where other spellings have `t`, `d`), and doubled letters are written once.
//!
//! Keys are compared, never shown: they lose distinctions (`ч`, `ц` and `х` share `c`),
//! which names long enough to be registered survive.

/// Appends the key of `word` to `out` (white space and punctuation inside are skipped);
/// `false`, with `out` unchanged, when the word has a letter of another script or no
/// letter at all.
pub fn push_key(word: &str, out: &mut String) -> bool {
    // The buffers of one word, reused: a text's every capitalised word has its key made.
    thread_local! {
        static SCRATCH: std::cell::RefCell<[Vec<char>; 3]> = const {
            std::cell::RefCell::new([Vec::new(), Vec::new(), Vec::new()])
        };
    }
    SCRATCH.with(|scratch| {
        let Ok(mut scratch) = scratch.try_borrow_mut() else {
            return push_key_with(word, out, &mut Default::default());
        };
        push_key_with(word, out, &mut scratch)
    })
}

fn push_key_with(word: &str, out: &mut String, scratch: &mut [Vec<char>; 3]) -> bool {
    let [lower, spelled, kept] = scratch;
    lower.clear();
    spelled.clear();
    kept.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    let mut at = 0;
    while at < lower.len() {
        let (latin, taken) = latin_spelling(&lower[at..]);
        let Some(latin) = latin else {
            return false;
        };
        spelled.extend(latin.chars());
        at += taken;
    }
    // Step 2, from the right: a glide goes when the next letter kept is a vowel.
    for &ch in spelled.iter().rev() {
        let glide = matches!(ch, 'i' | 'j' | 'y');
        if glide && kept.last().is_some_and(|&next| is_vowel(next)) {
            continue;
        }
        kept.push(if matches!(ch, 'j' | 'y') { 'i' } else { ch });
    }
    kept.reverse();
    // Step 3.
    let n = kept.len();
    if n >= 3 && kept[n - 2] == 'e' && kept[n - 1] == 'r' && !is_vowel(kept[n - 3]) {
        kept.remove(n - 2);
    }
    if kept.is_empty() {
        return false;
    }
    finish_chars(kept, out);
    true
}

/// Step 4 on a key that an ending was added to, so that it reads as a word's key does.
pub fn finish(key: &mut String) {
    // Keys are ASCII: most need nothing done.
    let needs = key
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0] == pair[1] || pair == b"ci" || pair == b"dz");
    if !needs {
        return;
    }
    let chars: Vec<char> = key.chars().collect();
    key.clear();
    finish_chars(&chars, key);
}

/// Step 4 on `chars`, written to `out`.
fn finish_chars(chars: &[char], out: &mut String) {
    let mut previous: Option<char> = None;
    for (index, &ch) in chars.iter().enumerate() {
        let next = chars.get(index + 1).copied();
        let ch = match (ch, next) {
            ('c', Some('i')) => 't',
            _ => ch,
        };
        // `dz` before `e`/`i`: the `z` goes.
        if ch == 'z' && previous == Some('d') && matches!(next, Some('e' | 'i')) {
            continue;
        }
        if previous == Some(ch) {
            continue;
        }
        out.push(ch);
        previous = Some(ch);
    }
}

/// The key of `word` as a new string, if it has one.
pub fn key_of(word: &str) -> Option<String> {
    let mut key = String::new();
    push_key(word, &mut key).then_some(key)
}

fn is_vowel(ch: char) -> bool {
    matches!(ch, 'a' | 'e' | 'o' | 'u')
}

/// The Latin spelling of the letter (or Latin digraph) that `rest` starts with, and how
/// many characters it took.
/// `None` for a letter of no table (another script).
fn latin_spelling(rest: &[char]) -> (Option<&'static str>, usize) {
    let next = rest.get(1).copied();
    let ch = rest[0];
    // Latin digraphs first.
    if matches!(rest, ['s', 'z', 'c', 'z', ..] | ['s', 'h', 'c', 'h', ..]) {
        return (Some("s"), 4);
    }
    match (ch, next) {
        ('s', Some('h' | 'z')) => return (Some("s"), 2),
        ('z', Some('h')) => return (Some("z"), 2),
        ('k' | 'c', Some('h')) | ('c', Some('z')) | ('t', Some('s')) => return (Some("c"), 2),
        _ => {}
    }
    let latin = match ch {
        // Latin.
        'w' => "v",
        'q' => "k",
        'x' => "ks",
        'h' => "g",
        'ł' => "l",
        'ś' | 'š' => "s",
        'ć' | 'č' => "c",
        'ź' | 'ż' | 'ž' => "z",
        'ń' => "n",
        'ó' => "o",
        'ą' => "a",
        'ę' | 'é' | 'è' | 'ë' | 'ě' => "e",
        'ŭ' | 'ú' | 'ü' => "u",
        'í' => "i",
        'á' => "a",
        // Cyrillic.
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'є' | 'э' => "e",
        'ж' => "z",
        'з' => "z",
        'и' | 'і' | 'ы' | 'ї' => "i",
        'й' => "j",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' | 'ю' => "u",
        'ф' => "f",
        'х' | 'ц' | 'ч' => "c",
        'ш' | 'щ' => "s",
        'я' => "a",
        'ъ' | 'ь' => "",
        // Stress marks and other combining marks, apostrophes: nothing.
        '\u{300}'..='\u{36f}' | '\'' | '’' | 'ʼ' => "",
        _ => return (other_spelling(ch), 1),
    };
    (Some(latin), 1)
}

/// ASCII letters and digits as themselves, other characters that make no word as nothing,
/// and `None` for a letter of another script: no key can be made of it.
fn other_spelling(ch: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
        "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    match ch {
        'a'..='z' => Some(ASCII[(ch as u8 - b'a') as usize]),
        '0'..='9' => Some(ASCII[26 + (ch as u8 - b'0') as usize]),
        _ if ch.is_alphanumeric() => None,
        _ => Some(""),
    }
}
