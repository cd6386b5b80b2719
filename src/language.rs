//! The language of an article: read from its `Language:` header (`en`, `ru`, `uk`, `be`,
//! `pl`), or guessed cheaply from the letters of the first kilobyte of its body.
//!
//! The guess counts letters, not words: Cyrillic against Latin, then the letters one of
//! Russian, Ukrainian and Belarusian writes and another does not (`ы э ъ` are not
//! Ukrainian, `і` is not Russian, `ў` only Belarusian, `ї є ґ` only Ukrainian, `и щ` not
//! Belarusian), and Polish diacritics among Latin letters. A text whose letters give no
//! clear winner is still given its likeliest language, marked unsure.

/// A language whose dates dateline reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    En,
    Ru,
    Uk,
    Be,
    Pl,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Ru,
        Language::Uk,
        Language::Be,
        Language::Pl,
    ];

    /// The ISO 639-1 code, as the header writes it.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ru => "ru",
            Language::Uk => "uk",
            Language::Be => "be",
            Language::Pl => "pl",
        }
    }

    /// The language's English name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ru => "Russian",
            Language::Uk => "Ukrainian",
            Language::Be => "Belarusian",
            Language::Pl => "Polish",
        }
    }

    /// A header value: the code in any case, with a region after `-` or `_` allowed
    /// (`ru-RU`, `be_BY`, `be-tarask`); `None` for a language dateline does not read.
    pub fn from_code(value: &str) -> Option<Language> {
        let base = value.trim().split(['-', '_']).next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|language| base.eq_ignore_ascii_case(language.code()))
    }
}

/// How many bytes of a body the guess reads: enough letters to tell the languages
/// apart, and a fixed cost whatever the article's length.
pub const DETECTION_BYTES: usize = 1024;

/// A guessed language, and whether the text made it clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Guess {
    pub language: Language,
    /// The letters point clearly to `language` (or there are no letters to read).
    pub sure: bool,
    /// The language that came closest, when the guess is unsure.
    pub runner_up: Option<Language>,
}

/// Letter counts of a text.
#[derive(Debug, Default)]
struct Letters {
    latin: u32,
    cyrillic: u32,
    /// Polish diacritics: `ą ę ł ś ź ż ć ń ó`.
    polish: u32,
    /// `ы э ъ ё`: Russian or Belarusian.
    yery: u32,
    /// `и щ`: Russian or Ukrainian.
    i_shcha: u32,
    /// `і`: Ukrainian or Belarusian.
    dotted_i: u32,
    /// `ъ`: Russian only.
    hard_sign: u32,
    /// `ў`: Belarusian only.
    short_u: u32,
    /// `ї є ґ`: Ukrainian only.
    ukrainian: u32,
}

impl Letters {
    fn count(text: &str) -> Letters {
        let mut letters = Letters {
            // Most bodies are mostly ASCII: their letters are counted a byte at a time,
            // and only the characters beyond ASCII are decoded.
            latin: text
                .bytes()
                .filter(u8::is_ascii_alphabetic)
                .count()
                .try_into()
                .unwrap_or(u32::MAX),
            ..Letters::default()
        };
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(offset) = bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
        {
            let start = at + offset;
            let Some(ch) = text.get(start..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at = start + ch.len_utf8();
            let lower = ch.to_lowercase().next().unwrap_or(ch);
            match lower {
                'ą' | 'ę' | 'ł' | 'ś' | 'ź' | 'ż' | 'ć' | 'ń' | 'ó' => {
                    letters.latin += 1;
                    letters.polish += 1;
                }
                'ъ' => {
                    letters.cyrillic += 1;
                    letters.hard_sign += 1;
                    letters.yery += 1;
                }
                'ы' | 'э' | 'ё' => {
                    letters.cyrillic += 1;
                    letters.yery += 1;
                }
                'и' | 'щ' => {
                    letters.cyrillic += 1;
                    letters.i_shcha += 1;
                }
                'і' => {
                    letters.cyrillic += 1;
                    letters.dotted_i += 1;
                }
                'ў' => {
                    letters.cyrillic += 1;
                    letters.short_u += 1;
                }
                'ї' | 'є' | 'ґ' => {
                    letters.cyrillic += 1;
                    letters.ukrainian += 1;
                }
                '\u{400}'..='\u{4ff}' => letters.cyrillic += 1,
                _ if lower.is_alphabetic() && lower < '\u{250}' => letters.latin += 1,
                _ => {}
            }
        }
        letters
    }
}

/// Whether `a` outweighs `b` clearly: at least three times as much evidence and a
/// margin of three letters.
fn clearly(a: u32, b: u32) -> bool {
    a >= b.saturating_mul(3) && a >= b + 3
}

/// Guesses the language of `text` from its first [`DETECTION_BYTES`] bytes.
pub fn detect(text: &str) -> Guess {
    let mut end = text.len().min(DETECTION_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let letters = Letters::count(text.get(..end).unwrap_or(""));
    let sure = |language| Guess {
        language,
        sure: true,
        runner_up: None,
    };
    if letters.cyrillic == 0 && letters.latin == 0 {
        return sure(Language::En);
    }
    if letters.latin >= letters.cyrillic {
        let guess = latin_guess(text.get(..end).unwrap_or(""), &letters);
        // A Latin text quoting much Cyrillic is unsure of its language.
        if letters.cyrillic * 2 > letters.latin {
            return Guess {
                sure: false,
                runner_up: Some(cyrillic_guess(&letters).language),
                ..guess
            };
        }
        return guess;
    }
    let guess = cyrillic_guess(&letters);
    // Latin names and titles are common in Cyrillic news; half as many Latin letters as
    // Cyrillic ones is a mixed text.
    if letters.latin * 2 > letters.cyrillic || letters.cyrillic < 20 {
        return Guess {
            sure: false,
            runner_up: guess.runner_up.or(Some(Language::En)),
            ..guess
        };
    }
    guess
}

/// English or Polish: by their commonest short words where the text has Polish
/// diacritics (an English text naming Wałęsa or Łukaszenka has some too), by how dense
/// the diacritics are when the words do not decide.
fn latin_guess(prefix: &str, letters: &Letters) -> Guess {
    if letters.polish == 0 {
        return Guess {
            language: Language::En,
            sure: true,
            runner_up: None,
        };
    }
    // An English text names Łukasz or Wałęsa a few times: fewer than one letter in a
    // hundred with a diacritic, where Polish writes about one in fifteen. Only the
    // densities between are worth reading the words for.
    if letters.polish * 100 < letters.latin {
        return Guess {
            language: Language::En,
            sure: true,
            runner_up: None,
        };
    }
    let (mut english, mut polish) = (0u32, 0u32);
    for word in prefix.split(|c: char| !c.is_alphabetic()) {
        match word {
            "the" | "The" | "and" | "of" | "is" | "was" | "said" | "that" | "with" => english += 1,
            "nie" | "się" | "że" | "jest" | "oraz" | "na" | "w" | "z" | "do" | "od" | "po" => {
                polish += 1;
            }
            _ => {}
        }
    }
    let guess = |language, sure: bool| Guess {
        language,
        sure,
        runner_up: (!sure).then_some(if language == Language::Pl {
            Language::En
        } else {
            Language::Pl
        }),
    };
    if clearly(polish, english) {
        return guess(Language::Pl, true);
    }
    if clearly(english, polish) {
        return guess(Language::En, true);
    }
    // Polish writes about one letter in fifteen with a diacritic.
    if letters.polish * 25 >= letters.latin {
        guess(Language::Pl, false)
    } else {
        guess(Language::En, false)
    }
}

/// Russian, Ukrainian or Belarusian, by the letters that one writes and another lacks.
fn cyrillic_guess(letters: &Letters) -> Guess {
    // The evidence of each language against each other one.
    // Ukrainian writes `і` about as often as `и`: many `и` and no `і` is Russian too.
    let ru_over_uk = letters.yery + letters.i_shcha.saturating_sub(letters.dotted_i * 3) / 2;
    let uk_over_ru = letters.dotted_i + letters.ukrainian;
    let ru_over_be = letters.i_shcha + letters.hard_sign;
    let be_over_ru = letters.dotted_i + letters.short_u;
    let uk_over_be = letters.i_shcha + letters.ukrainian;
    let be_over_uk = letters.yery + letters.short_u;
    let candidates = [
        (
            Language::Ru,
            [(ru_over_uk, uk_over_ru), (ru_over_be, be_over_ru)],
        ),
        (
            Language::Uk,
            [(uk_over_ru, ru_over_uk), (uk_over_be, be_over_uk)],
        ),
        (
            Language::Be,
            [(be_over_ru, ru_over_be), (be_over_uk, uk_over_be)],
        ),
    ];
    let pairwise = |(for_it, against): (u32, u32)| i64::from(for_it) - i64::from(against);
    // The language with the best worst margin over the other two.
    let mut ranked: Vec<(i64, Language, bool)> = candidates
        .iter()
        .map(|(language, duels)| {
            let worst = duels.iter().map(|duel| pairwise(*duel)).min().unwrap_or(0);
            let clear = duels.iter().all(|(a, b)| clearly(*a, *b));
            (worst, *language, clear)
        })
        .collect();
    ranked.sort_by_key(|(worst, _, _)| std::cmp::Reverse(*worst));
    let (_, best, clear) = ranked[0];
    Guess {
        language: best,
        sure: clear,
        runner_up: (!clear).then_some(ranked[1].1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_codes_are_read_in_any_case_with_a_region() {
        let table = [
            ("en", Some(Language::En)),
            ("RU", Some(Language::Ru)),
            ("uk-UA", Some(Language::Uk)),
            ("be_BY", Some(Language::Be)),
            ("be-tarask", Some(Language::Be)),
            (" pl ", Some(Language::Pl)),
            ("de", None),
            ("", None),
            ("russian", None),
        ];
        for (value, expected) in table {
            assert_eq!(Language::from_code(value), expected, "{value:?}");
        }
    }

    /// (text, language, sure)
    #[test]
    fn the_letters_tell_the_languages_apart() {
        let table = [
            ("", Language::En, true),
            ("12345 — 2022", Language::En, true),
            (
                "The ministry said on Thursday that no mobilization was under way.",
                Language::En,
                true,
            ),
            (
                "Министр обороны заявил в четверг, что никакой мобилизации в стране не проводится и объявлять её не планируют.",
                Language::Ru,
                true,
            ),
            (
                "Міністр оборони заявив у четвер, що жодної мобілізації в країні не проводять і оголошувати її не планують.",
                Language::Uk,
                true,
            ),
            (
                "Міністр абароны заявіў у чацвер, што ніякай мабілізацыі ў краіне не праводзіцца і абвяшчаць яе не плануюць.",
                Language::Be,
                true,
            ),
            (
                "Minister obrony oświadczył w czwartek, że w kraju nie ma żadnej mobilizacji i nikt jej nie planuje ogłaszać.",
                Language::Pl,
                true,
            ),
            // Too few letters to tell Russian from Belarusian.
            ("Сегодня", Language::Ru, false),
            // English with a long Russian quotation.
            (
                "He said: «Никакой мобилизации нет и не будет» on Thursday.",
                Language::Ru,
                false,
            ),
            // English naming Polish people.
            (
                "Wałęsa met Łukaszenka's envoy in Gdańsk, the report said on Monday, and the talks ended with no agreement.",
                Language::En,
                true,
            ),
            // Two names, no sentence: Polish by the diacritics, unsure.
            ("Wałęsa, Łukaszenka", Language::Pl, false),
        ];
        for (text, language, sure) in table {
            let guess = detect(text);
            assert_eq!(
                (guess.language, guess.sure),
                (language, sure),
                "{text}: {guess:?}"
            );
            assert_eq!(guess.runner_up.is_none(), guess.sure, "{text}");
        }
    }

    #[test]
    fn detection_reads_a_bounded_prefix_and_never_splits_a_character() {
        let long = "ы".repeat(DETECTION_BYTES);
        assert_eq!(detect(&long).language, Language::Ru);
        let odd = format!("a{}", "ў".repeat(DETECTION_BYTES));
        assert_eq!(detect(&odd).language, Language::Be);
    }
}
