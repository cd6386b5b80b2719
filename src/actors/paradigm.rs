//! Case forms of names by small per-language paradigms (Russian, Ukrainian, Belarusian,
//! Polish), written as endings of cross-script keys ([`super::key`]): a registry form's
//! key yields the keys of its case forms in all four languages without the registry
//! listing them.
//!
//! A word's paradigm is chosen by the ending of its key: `-enko`/`-enka` surnames
//! (`Lukashenka`), masculine and feminine adjectival surnames (`-ski`/`-ska`, `-ский`,
//! `-ський`, `-cki`), possessive surnames (`-ov`, `-ev`, `-in` and `-ova`, `-eva`, `-ina`),
//! first names and surnames in `-a`, and names ending in a consonant. A name ending in
//! another vowel (`-o` but not `-enko`, `-e`, `-i`, `-u`: `Shoigu`, `Macron`'s Cyrillic
//! spelling aside) is left alone: indeclinable, or declined in ways too irregular to guess.
//! The one-word names of places, states and organisations are declined by
//! [`place_case_forms`]: as nouns in `-a`, or in a consonant as both genders.
//! The endings are this project's own tables, from the grammars of the four languages.

/// A language whose case forms are generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Russian,
    Ukrainian,
    Belarusian,
    Polish,
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::Russian,
        Language::Ukrainian,
        Language::Belarusian,
        Language::Polish,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Language::Russian => "Russian",
            Language::Ukrainian => "Ukrainian",
            Language::Belarusian => "Belarusian",
            Language::Polish => "Polish",
        }
    }
}

/// A grammatical case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Genitive,
    Dative,
    Accusative,
    Instrumental,
    Locative,
    Vocative,
}

impl Case {
    pub const ALL: [Case; 7] = [
        Case::Nominative,
        Case::Genitive,
        Case::Dative,
        Case::Accusative,
        Case::Instrumental,
        Case::Locative,
        Case::Vocative,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Case::Nominative => "nominative",
            Case::Genitive => "genitive",
            Case::Dative => "dative",
            Case::Accusative => "accusative",
            Case::Instrumental => "instrumental",
            Case::Locative => "locative",
            Case::Vocative => "vocative",
        }
    }
}

/// The endings of one case in one language: none when the language has no such form
/// (Russian has no vocative).
type Endings = &'static [&'static str];

/// One paradigm: which nominative keys it takes, how many letters of the key the endings
/// replace, and per language (in [`Language::ALL`] order) per case (in [`Case::ALL`]
/// order) the endings.
struct Paradigm {
    nominatives: &'static [&'static str],
    strip: usize,
    endings: [[Endings; 7]; 4],
}

/// `-enko` / `-enka`: Russian keeps `Лукашенко` in every case; Ukrainian declines it as
/// a masculine noun, Belarusian and Polish as a noun in `-a`.
const ENKO: Paradigm = Paradigm {
    nominatives: &["enko", "enka"],
    strip: 2,
    endings: [
        [&["ko"], &["ko"], &["ko"], &["ko"], &["ko"], &["ko"], &[]],
        [
            &["ko"],
            &["ka"],
            &["kovi", "ku"],
            &["ka"],
            &["kom"],
            &["kovi", "ku"],
            &["ku"],
        ],
        [
            &["ka"],
            &["ki"],
            &["ku"],
            &["ku"],
            &["kam"],
            &["ku"],
            &["ka"],
        ],
        [
            &["ka"],
            &["ki"],
            &["ce"],
            &["ke"],
            &["ka"],
            &["ce"],
            &["ko"],
        ],
    ],
};

/// Masculine adjectival surnames: `Зеленский`, `Зеленський`, `Zełenski`, `Zelensky`.
const SKI: Paradigm = Paradigm {
    nominatives: &["ski", "cki"],
    strip: 1,
    endings: [
        [&["i"], &["ogo"], &["omu"], &["ogo"], &["im"], &["om"], &[]],
        [
            &["i"],
            &["ogo"],
            &["omu"],
            &["ogo"],
            &["im"],
            &["omu", "im"],
            &["i"],
        ],
        [
            &["i"],
            &["aga"],
            &["amu"],
            &["aga"],
            &["im"],
            &["im"],
            &["i"],
        ],
        [
            &["i"],
            &["ego"],
            &["emu"],
            &["ego"],
            &["im"],
            &["im"],
            &["i"],
        ],
    ],
};

/// Feminine adjectival and possessive surnames: `Ціханоўская`, `Cichanouska`, `Иванова`.
const FEMININE_SURNAME: Paradigm = Paradigm {
    nominatives: &["ska", "cka", "ova", "eva", "ina"],
    strip: 1,
    endings: [
        [
            &["a"],
            &["oi"],
            &["oi"],
            &["u"],
            &["oi", "ou"],
            &["oi"],
            &[],
        ],
        [&["a"], &["oi"], &["i"], &["u"], &["ou"], &["i"], &["a"]],
        [
            &["a"],
            &["ai"],
            &["ai"],
            &["u"],
            &["ai", "au"],
            &["ai"],
            &["a"],
        ],
        [&["a"], &["ei"], &["ei"], &["a"], &["a"], &["ei"], &["a"]],
    ],
};

/// Masculine possessive surnames: `Путин`, `Пуцін`, `Putin`, `Иванов`.
const POSSESSIVE: Paradigm = Paradigm {
    nominatives: &["ov", "ev", "in"],
    strip: 0,
    endings: [
        [&[""], &["a"], &["u"], &["a"], &["im"], &["e"], &[]],
        [
            &[""],
            &["a"],
            &["u", "ovi"],
            &["a"],
            &["im"],
            &["i", "u"],
            &["e"],
        ],
        [&[""], &["a"], &["u"], &["a"], &["im"], &["e"], &["e"]],
        [&[""], &["a"], &["ovi"], &["a"], &["em"], &["e"], &["e"]],
    ],
};

/// Names in `-a`: `Святлана`, `Swiatłana`, `Mykola`.
const IN_A: Paradigm = Paradigm {
    nominatives: &["a"],
    strip: 1,
    endings: [
        [&["a"], &["i"], &["e"], &["u"], &["oi", "ou"], &["e"], &[]],
        [&["a"], &["i"], &["i"], &["u"], &["ou"], &["i"], &["o"]],
        [
            &["a"],
            &["i"],
            &["e"],
            &["u"],
            &["ai", "au"],
            &["e"],
            &["a"],
        ],
        [&["a"], &["i"], &["e"], &["e"], &["a"], &["e"], &["o"]],
    ],
};

/// Names ending in a consonant: `Aleksandr`, `Аляксандр`, `Volodymyr`, `Władimir`.
const CONSONANT: Paradigm = Paradigm {
    nominatives: &[
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
    ],
    strip: 0,
    endings: [
        [&[""], &["a"], &["u"], &["a"], &["om"], &["e"], &[]],
        [
            &[""],
            &["a"],
            &["u", "ovi"],
            &["a"],
            &["om"],
            &["i", "ovi"],
            &["e", "u"],
        ],
        [&[""], &["a"], &["u"], &["a"], &["am"], &["e", "u"], &["e"]],
        [
            &[""],
            &["a"],
            &["ovi", "u"],
            &["a"],
            &["em"],
            &["e", "ze"],
            &["e", "ze"],
        ],
    ],
};

/// Every paradigm, the more particular first: a key takes the first whose nominative
/// ending it has, and `-ina` both feminine paradigms (`Путина` the surname, `Ирина`
/// the first name).
const PARADIGMS: [&Paradigm; 6] = [
    &ENKO,
    &SKI,
    &FEMININE_SURNAME,
    &POSSESSIVE,
    &IN_A,
    &CONSONANT,
];

/// The shortest stem a paradigm is applied to: shorter keys are too easily met by chance.
const MIN_STEM: usize = 3;

/// The paradigms of a word's key.
fn paradigms_of(key: &str) -> Vec<&'static Paradigm> {
    let mut found: Vec<&'static Paradigm> = Vec::new();
    for paradigm in PARADIGMS {
        let takes = paradigm
            .nominatives
            .iter()
            .any(|ending| key.ends_with(ending));
        if takes && key.len() >= paradigm.strip + MIN_STEM {
            found.push(paradigm);
            if !key.ends_with("ina") {
                break;
            }
        }
    }
    found
}

/// The keys of the case forms of a word whose key is `key`, each with the set of
/// (language, case) it is the form of: a bit per pair, `language * 7 + case` (see
/// [`case_bit`]). A word left alone has one form, its key, for every pair.
pub fn case_forms(key: &str) -> Vec<(String, u32)> {
    let paradigms = paradigms_of(key);
    if paradigms.is_empty() {
        return vec![(key.to_owned(), ALL_CASES)];
    }
    forms_by(&paradigms, key)
}

/// Feminine nouns in a soft consonant, the key having dropped the soft sign: `Беларусь`,
/// `Беларусі`, `Беларуссю`, `Białoruś`, `Białorusi`, `Białorusią`.
const SOFT_FEMININE: Paradigm = Paradigm {
    nominatives: &[],
    strip: 0,
    endings: [
        [&[""], &["i"], &["i"], &[""], &["u"], &["i"], &[]],
        [&[""], &["i"], &["i"], &[""], &["u"], &["i"], &["e"]],
        [&[""], &["i"], &["i"], &[""], &["u"], &["i"], &["i"]],
        [&[""], &["i"], &["i"], &[""], &["a"], &["i"], &["i"]],
    ],
};

/// The case forms of the one-word name of a place, a state or an organisation
/// (`Украина`, `Ukrainy`, `Беларуси`, `w Mińsku`): a name in `-a` is declined as a noun
/// in `-a`, a name in a consonant both as a masculine noun (`Minsk`, `Мінска`) and as a
/// feminine one in a soft consonant (`Belarus`, `Беларусі`), since the key has lost the
/// soft sign that tells them apart; the forms of the wrong gender are keys no text
/// holds. The surname paradigms are not tried: `Berlin` is no possessive surname.
pub fn place_case_forms(key: &str) -> Vec<(String, u32)> {
    if key.ends_with('a') && key.len() > MIN_STEM {
        return forms_by(&[&IN_A], key);
    }
    let in_consonant = CONSONANT
        .nominatives
        .iter()
        .any(|ending| key.ends_with(ending));
    if in_consonant && key.len() >= MIN_STEM {
        return forms_by(&[&CONSONANT, &SOFT_FEMININE], key);
    }
    vec![(key.to_owned(), ALL_CASES)]
}

/// The forms of `key` by each of `paradigms`, their (language, case) bits merged.
fn forms_by(paradigms: &[&Paradigm], key: &str) -> Vec<(String, u32)> {
    let mut forms: Vec<(String, u32)> = Vec::new();
    for paradigm in paradigms {
        let Some(stem) = key.get(..key.len() - paradigm.strip) else {
            continue;
        };
        for language in Language::ALL {
            for case in Case::ALL {
                let bit = case_bit(language, case);
                for ending in paradigm.endings[language as usize][case as usize] {
                    let mut form = String::with_capacity(stem.len() + ending.len());
                    form.push_str(stem);
                    form.push_str(ending);
                    super::key::finish(&mut form);
                    match forms.iter_mut().find(|(known, _)| *known == form) {
                        Some((_, bits)) => *bits |= bit,
                        None => forms.push((form, bit)),
                    }
                }
            }
        }
    }
    forms
}

/// Every (language, case) pair.
pub const ALL_CASES: u32 = (1 << 28) - 1;

/// The bit of a (language, case) pair.
pub fn case_bit(language: Language, case: Case) -> u32 {
    1 << (language as u32 * 7 + case as u32)
}
