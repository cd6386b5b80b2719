//! A deterministic generator of large synthetic corpora for the benchmarks: articles of
//! news-like prose (dates in many phrasings, reporting cues, quotes, curly punctuation,
//! non-ASCII names), an actor registry with 1–5 forms per actor, and citations between
//! articles. Same seed, same bytes: no clock, no network, no data files.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out DIR [--articles N] [--actors M]
//!     [--seed S] [--large-bytes B] [--small-bytes B] [--script cyrillic] [--language en|ru]
//! ```
//!
//! With `--script cyrillic` the article bodies are written in Cyrillic letters (the same
//! prose spelled letter by letter, markup left as it is, the same number of bytes) and
//! people are named now and then in a case form (`Иванова`, `Иванову`): the registry
//! stays in Latin letters, as an English-speaking corpus keeper writes it, so mentions are
//! found by cross-script key and paradigm.
//!
//! `--language ru` writes the same number and sizes of articles in Russian (Russian
//! dates in their case forms, cues, quotes and filler), without a `Language:` header, so
//! that the language is guessed as it is for a corpus whose articles do not say it.
//!
//! Writes `DIR/actors.toml`, `DIR/aliases.txt` (every form, one a line, for `rg -F -f`;
//! it is not an article so the corpus ignores it), `DIR/articles/NNNN/*.article` and two
//! single articles for editing benchmarks: `DIR/single/large.article` and
//! `DIR/single/small.article`. Prints a summary line with the sizes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: tiny, fast, and good enough to vary prose.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vi", "len", "dar", "mo", "shi", "tan", "bel", "ur", "pol", "zen", "ma", "ni",
    "ko", "lev", "sa", "rin", "tor", "ve", "gal", "os", "chu", "dro",
];
const FIRST_NAMES: &[&str] = &[
    "Alena",
    "Viktar",
    "Olha",
    "Mikhail",
    "Ingrid",
    "Tomasz",
    "Łukasz",
    "Zoë",
    "Jürgen",
    "Aliaksandr",
    "Siarhei",
    "Nadia",
    "Omar",
    "Ruta",
    "Pavel",
    "Hanna",
    "Dmytro",
    "Agnieszka",
    "Matthias",
    "Sofia",
    "Yuliya",
    "Kęstutis",
    "Marta",
    "Andrei",
];
const ORG_KINDS: &[&str] = &[
    "Ministry of",
    "Committee for",
    "Institute of",
    "Council of",
    "Agency for",
    "Union of",
    "Centre for",
    "Bureau of",
];
const ORG_TOPICS: &[&str] = &[
    "Defence",
    "Energy",
    "Internal Affairs",
    "Border Security",
    "Labour",
    "Media Freedom",
    "Reserve Affairs",
    "Civil Protection",
    "Foreign Trade",
    "Strategic Studies",
];
const OUTLETS: &[&str] = &[
    "Euromaidan Press",
    "Nasha Niva",
    "Suspilne",
    "Zerkalo",
    "The Northern Ledger",
    "Baltic Wire",
    "Kyiv Dispatch",
    "Radio Svaboda",
    "Daily Meridian",
    "Vilnius Review",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CUES: &[&str] = &[
    "said",
    "stated",
    "told reporters",
    "claimed",
    "announced",
    "reported",
    "confirmed",
    "denied",
    "warned",
    "insisted",
];
const ACTIONS: &[&str] = &[
    "ordered a snap inspection of the reserve units",
    "signed a decree on training assemblies",
    "met officials from the border districts",
    "visited the assembly points in the west",
    "cancelled the planned exercises",
    "extended the call-ups for another month",
    "dismissed two regional commanders",
    "opened an inquiry into the summonses",
];
const PLACES: &[&str] = &[
    "Hrodna",
    "Brest",
    "Vitebsk",
    "Mahilioŭ",
    "Homieĺ",
    "Pinsk",
    "Lida",
    "Baranavičy",
    "the Western Operational Command",
    "the border districts",
];
const TOPICS: &[&str] = &[
    "the mobilization readiness check",
    "the reservist call-ups",
    "the new conscription rules",
    "the joint regional group of troops",
    "the snap inspection",
    "fuel shortages at the depots",
    "the closure of the border crossings",
    "the training assemblies",
];
const QUOTES: &[&str] = &[
    "We are not preparing for war — we are preparing for peace",
    "Nobody told us how long the assembly would last",
    "The situation at the border remains calm but tense",
    "These are routine checks, nothing more",
    "Families deserve to know where their men are",
    "Our units are ready to respond within hours",
];
const FILLER: &[&str] = &[
    "Observers in the region remain cautious about what the measures mean.",
    "Relatives described short-notice summonses and rapid departures.",
    "The figures could not be independently verified.",
    "Some residents shared details about assembly points on social media.",
    "Analysts compare the pattern with the call-ups of previous years.",
    "Local officials were not available for comment.",
    "Buses carrying reservists were seen leaving the town centre.",
    "The measures follow months of heightened rhetoric from both sides.",
];
const VAGUE: &[&str] = &[
    "recently",
    "lately",
    "currently",
    "for several days",
    "in the past",
];

struct Actor {
    id: String,
    name: String,
    kind: &'static str,
    aliases: Vec<String>,
}

/// A name made of syllables that spell `index` in base 24, so that every actor's name is
/// unique and no alias is claimed twice.
fn coined(index: usize, min_syllables: usize) -> String {
    let mut word = String::new();
    let mut rest = index;
    let mut count = 0;
    while count < min_syllables || rest > 0 {
        word.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
        count += 1;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// Cyrillic transliteration of a Latin name, for non-ASCII aliases.
fn cyrillic(name: &str) -> String {
    name.chars()
        .map(|c| match c.to_ascii_lowercase() {
            'a' => 'а',
            'b' => 'б',
            'c' => 'ц',
            'd' => 'д',
            'e' => 'е',
            'g' => 'г',
            'h' => 'х',
            'i' => 'і',
            'k' => 'к',
            'l' => 'л',
            'm' => 'м',
            'n' => 'н',
            'o' => 'о',
            'p' => 'п',
            'r' => 'р',
            's' => 'с',
            't' => 'т',
            'u' => 'у',
            'v' => 'в',
            'z' => 'з',
            other => other,
        })
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

fn make_actors(count: usize, rng: &mut Rng) -> Vec<Actor> {
    (0..count)
        .map(|index| {
            let surname = coined(index * 7 + 3, 3);
            let forms = 1 + rng.below(5);
            match index % 5 {
                0..=2 => {
                    let first = rng.pick(FIRST_NAMES);
                    let name = format!("{first} {surname}");
                    let mut aliases = vec![surname.clone()];
                    if forms > 1 {
                        aliases.push(format!(
                            "{}. {surname}",
                            first.chars().next().unwrap_or('A')
                        ));
                    }
                    if forms > 2 {
                        aliases.push(cyrillic(&surname));
                    }
                    if forms > 3 {
                        aliases.push(format!("{surname}a"));
                    }
                    if forms > 4 {
                        aliases.push(format!("{first} {surname}a"));
                    }
                    Actor {
                        id: format!("p{index}-{}", surname.to_lowercase()),
                        name,
                        kind: "person",
                        aliases,
                    }
                }
                3 => {
                    let name = format!(
                        "{} {} of {surname}",
                        rng.pick(ORG_KINDS),
                        rng.pick(ORG_TOPICS)
                    );
                    let acronym: String = name
                        .split_whitespace()
                        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
                        .collect::<String>()
                        + &format!("-{index}");
                    let mut aliases = vec![acronym];
                    if forms > 2 {
                        aliases.push(format!("{surname} Office"));
                    }
                    Actor {
                        id: format!("o{index}"),
                        name,
                        kind: "organization",
                        aliases,
                    }
                }
                _ => {
                    let name = format!("{surname}ia");
                    let mut aliases = vec![format!("Republic of {surname}ia")];
                    if forms > 2 {
                        aliases.push(cyrillic(&name));
                    }
                    Actor {
                        id: format!("s{index}"),
                        name,
                        kind: if index % 2 == 0 { "state" } else { "place" },
                        aliases,
                    }
                }
            }
        })
        .collect()
}

fn toml_string(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

fn registry(actors: &[Actor]) -> String {
    let mut out = String::from("# A synthetic registry for benchmarks.\n");
    for (index, actor) in actors.iter().enumerate() {
        let _ = write!(
            out,
            "\n[[actor]]\nid = {}\nname = {}\nkind = \"{}\"\naliases = [{}]\n",
            toml_string(&actor.id),
            toml_string(&actor.name),
            actor.kind,
            actor
                .aliases
                .iter()
                .map(|a| toml_string(a))
                .collect::<Vec<_>>()
                .join(", ")
        );
        // People belong to the state listed just before their group of five.
        if actor.kind == "person" && index >= 5 {
            let state = &actors[index / 5 * 5 - 1];
            let _ = writeln!(out, "affiliation = {}", toml_string(&state.id));
        }
    }
    out
}

/// A date phrase and whether it anchors; `year` is the article's.
fn date_phrase(rng: &mut Rng, year: u32) -> String {
    let month = rng.pick(MONTHS);
    let day = 1 + rng.below(28);
    match rng.below(14) {
        0 => format!("on {day} {month}"),
        1 => format!("on {month} {day}"),
        2 => format!("on {month} {day}, {year}"),
        3 => format!("on {year}-{:02}-{day:02}", 1 + rng.below(12)),
        4 => format!("in {month}"),
        5 => format!("in late {month}"),
        6 => format!("in {year}"),
        7 => format!("between {month} {} and February {year}", year - 1),
        8 => format!("on {month} {day}-{}, {year}", day + 1 + rng.below(3)),
        9 => format!("on {}", rng.pick(WEEKDAYS)),
        10 => format!("last {}", rng.pick(WEEKDAYS)),
        11 => rng
            .pick(&["yesterday", "this week", "last month", "a few days ago"])
            .to_string(),
        12 => format!("early on {day} {month} {year}"),
        _ => rng.pick(VAGUE).to_string(),
    }
}

const RU_MONTHS_GENITIVE: &[&str] = &[
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_MONTHS_LOCATIVE: &[&str] = &[
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
const RU_WEEKDAYS: &[&str] = &[
    "в понедельник",
    "во вторник",
    "в среду",
    "в четверг",
    "в пятницу",
    "в субботу",
    "в воскресенье",
];
const RU_VAGUE: &[&str] = &["недавно", "сейчас", "вскоре", "в настоящее время", "ранее"];
const RU_CUES: &[&str] = &[
    "заявил",
    "сообщил",
    "подчеркнул",
    "отметил",
    "объявил",
    "признал",
];
const RU_TOPICS: &[&str] = &[
    "мобилизация резервистов",
    "проверка боеготовности",
    "учения на границе",
    "переговоры о транзите",
    "закупки топлива",
    "набор добровольцев",
];
const RU_PLACES: &[&str] = &[
    "Минске",
    "Гродно",
    "Бресте",
    "Гомеле",
    "Могилёве",
    "Витебске",
];
const RU_QUOTES: &[&str] = &[
    "Никакой мобилизации в стране не проводится",
    "Мы готовы к любому развитию событий",
    "Это обычная плановая проверка",
];
const RU_FILLER: &[&str] = &[
    "Подробности не сообщаются.",
    "Ведомство не ответило на запрос редакции.",
    "Эти сведения пока не удалось проверить независимо.",
];

/// A Russian date phrase, in the forms the recognizer reads; `year` is the article's.
fn date_phrase_ru(rng: &mut Rng, year: u32) -> String {
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let genitive = RU_MONTHS_GENITIVE[month - 1];
    match rng.below(12) {
        0 => format!("{day} {genitive}"),
        1 => format!("{day} {genitive} {year} года"),
        2 => format!("{day:02}.{month:02}.{year}"),
        3 => format!("в {}", RU_MONTHS_LOCATIVE[month - 1]),
        4 => format!("в {year} году"),
        5 => format!("с {day} по {} {genitive}", day + 1 + rng.below(3)),
        6 => rng.pick(RU_WEEKDAYS).to_string(),
        7 => format!("в прошлую {}", rng.pick(&["среду", "пятницу", "субботу"])),
        8 => rng
            .pick(&[
                "вчера",
                "на этой неделе",
                "в прошлом месяце",
                "несколько дней назад",
            ])
            .to_string(),
        9 => format!("{} дня назад", rng.pick(&["два", "три", "четыре"])),
        10 => format!("в начале {genitive} {year} года"),
        _ => rng.pick(RU_VAGUE).to_string(),
    }
}

struct Writer<'a> {
    rng: Rng,
    actors: &'a [Actor],
    year: u32,
    cyrillic: bool,
    russian: bool,
}

/// Latin prose spelled in Cyrillic letters, as a Russian romanisation run backwards; text
/// inside `[...]` and `{...}` (citations, annotations) is kept.
fn to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let chars: Vec<char> = text.chars().collect();
    let mut markup = 0usize;
    let mut at = 0;
    while at < chars.len() {
        let ch = chars[at];
        match ch {
            '[' | '{' => markup += 1,
            ']' | '}' => markup = markup.saturating_sub(1),
            _ => {}
        }
        if markup > 0 || !ch.is_ascii_alphabetic() {
            out.push(ch);
            at += 1;
            continue;
        }
        let upper = ch.is_ascii_uppercase();
        let pair: String = chars[at..chars.len().min(at + 2)]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let (letters, taken) = match pair.as_str() {
            "sh" => ("ш", 2),
            "ch" => ("ч", 2),
            "zh" => ("ж", 2),
            "kh" => ("х", 2),
            "ts" => ("ц", 2),
            _ => (
                match ch.to_ascii_lowercase() {
                    'a' => "а",
                    'b' => "б",
                    'c' => "ц",
                    'd' => "д",
                    'e' => "е",
                    'f' => "ф",
                    'g' | 'h' => "г",
                    'i' => "и",
                    'j' => "й",
                    'k' | 'q' => "к",
                    'l' => "л",
                    'm' => "м",
                    'n' => "н",
                    'o' => "о",
                    'p' => "п",
                    'r' => "р",
                    's' => "с",
                    't' => "т",
                    'u' => "у",
                    'v' | 'w' => "в",
                    'x' => "кс",
                    'y' => "ы",
                    _ => "з",
                },
                1,
            ),
        };
        if upper {
            out.extend(letters.chars().flat_map(char::to_uppercase).take(1));
            out.extend(letters.chars().skip(1));
        } else {
            out.push_str(letters);
        }
        at += taken;
    }
    out
}

impl Writer<'_> {
    /// Actor 0 is mentioned about once an article (about 10,000 times in the default
    /// corpus); the rest follow a steep power law.
    fn actor(&mut self) -> String {
        let index = if self.rng.below(1000) < 17 {
            0
        } else {
            let u = (self.rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            ((self.actors.len() as f64).powf(u * u) as usize).min(self.actors.len() - 1)
        };
        let actor = &self.actors[index];
        let forms = 1 + actor.aliases.len();
        let form = match self.rng.below(forms) {
            0 => &actor.name,
            n => &actor.aliases[n - 1],
        };
        // In Cyrillic prose a person is named in one of four cases.
        let ends_in_consonant = form
            .chars()
            .last()
            .is_some_and(|last| last.is_ascii_lowercase() && !"aeiouy".contains(last));
        if self.cyrillic && actor.kind == "person" && ends_in_consonant {
            let ending = ["", "a", "u", "om", "e"][self.rng.below(5)];
            format!("{form}{ending}")
        } else {
            form.clone()
        }
    }

    fn sentence_ru(&mut self) -> String {
        let year = self.year;
        match self.rng.below(6) {
            0 | 1 => {
                let date = date_phrase_ru(&mut self.rng, year);
                let (a, cue, topic) = (
                    self.actor().to_string(),
                    self.rng.pick(RU_CUES),
                    self.rng.pick(RU_TOPICS),
                );
                format!("{} {a} {cue}, что {topic} продолжится.", capitalise(&date))
            }
            2 => {
                let (a, cue, q) = (
                    self.actor().to_string(),
                    self.rng.pick(RU_CUES),
                    self.rng.pick(RU_QUOTES),
                );
                format!("«{q}», — {cue} {a}.")
            }
            3 => {
                let a = self.actor().to_string();
                let date = date_phrase_ru(&mut self.rng, year);
                format!(
                    "По словам {a}, в {} {date} обсуждалась {}.",
                    self.rng.pick(RU_PLACES),
                    self.rng.pick(RU_TOPICS)
                )
            }
            4 => {
                let n = 2 + self.rng.below(900);
                format!(
                    "Около {n} резервистов из {} были вызваны в военкоматы — намного больше обычного.",
                    self.rng.pick(RU_PLACES)
                )
            }
            _ => self.rng.pick(RU_FILLER).to_string(),
        }
    }

    fn sentence(&mut self, cited: &[String]) -> String {
        if self.russian {
            return self.sentence_ru();
        }
        let year = self.year;
        let mut s = match self.rng.below(11) {
            0 => {
                let date = date_phrase(&mut self.rng, year);
                let (a, cue, topic) = (self.actor(), self.rng.pick(CUES), self.rng.pick(TOPICS));
                format!(
                    "{} {a} {cue} that {topic} would continue.",
                    capitalise(&date)
                )
            }
            1 => {
                let (a, cue, q) = (self.actor(), self.rng.pick(CUES), self.rng.pick(QUOTES));
                format!("“{q},” {a} {cue}.")
            }
            2 => {
                let (a, action) = (self.actor(), self.rng.pick(ACTIONS));
                let date = date_phrase(&mut self.rng, year);
                format!("{a} {action} {date}.")
            }
            3 => {
                let (a, b, topic) = (self.actor(), self.actor(), self.rng.pick(TOPICS));
                format!(
                    "According to {a}, {b}’s officials discussed {topic} in {}.",
                    self.rng.pick(PLACES)
                )
            }
            4 => {
                let a = self.actor();
                let n = 2 + self.rng.below(900);
                format!(
                    "Some {n} reservists from {} were summoned, {a} said — far more than usual.",
                    self.rng.pick(PLACES)
                )
            }
            5 => {
                let a = self.actor();
                let date = date_phrase(&mut self.rng, year);
                format!("{a}'s spokesperson told Gen. Ivanov’s staff {date} that the U.S. position was “unchanged.”")
            }
            6 => self.rng.pick(FILLER).to_string(),
            7 => {
                let (a, b) = (self.actor(), self.actor());
                format!(
                    "{a} and {b} met in {} to talk about {}.",
                    self.rng.pick(PLACES),
                    self.rng.pick(TOPICS)
                )
            }
            8 => {
                let a = self.actor();
                format!(
                    "Officials {} that {a} had been informed – but gave no details.",
                    self.rng.pick(CUES)
                )
            }
            9 => {
                let date = date_phrase(&mut self.rng, year);
                format!(
                    "{} the situation in {} was described as stable (the ministry’s words).",
                    capitalise(&date),
                    self.rng.pick(PLACES)
                )
            }
            _ => {
                let a = self.actor();
                format!(
                    "{a} has {} expressed concern about {}.",
                    self.rng.pick(VAGUE),
                    self.rng.pick(TOPICS)
                )
            }
        };
        if !cited.is_empty() && self.rng.chance(6) {
            let id = &cited[self.rng.below(cited.len())];
            s.pop();
            if self.rng.chance(20) && cited.len() > 1 {
                let other = &cited[self.rng.below(cited.len())];
                let _ = write!(s, " [@{id}; @{other}].");
            } else {
                let _ = write!(s, " [@{id}].");
            }
        }
        if self.rng.chance(2) {
            let _ = write!(
                s,
                " {{date: {year}-{:02}-{:02}}}",
                1 + self.rng.below(12),
                1 + self.rng.below(28)
            );
        }
        s
    }

    fn body(&mut self, target_bytes: usize, cited: &[String]) -> String {
        let mut body = String::with_capacity(target_bytes + 1024);
        while body.len() < target_bytes {
            if self.rng.chance(15) {
                let a = self.actor();
                let heading = format!("{a} and {}\n", self.rng.pick(TOPICS));
                if self.cyrillic {
                    let _ = writeln!(body, "{}", to_cyrillic(&heading));
                } else {
                    let _ = writeln!(body, "{heading}");
                }
            }
            let sentences = 2 + self.rng.below(5);
            for i in 0..sentences {
                if i > 0 {
                    body.push(' ');
                }
                let sentence = self.sentence(cited);
                if self.cyrillic {
                    body.push_str(&to_cyrillic(&sentence));
                } else {
                    body.push_str(&sentence);
                }
            }
            body.push_str("\n\n");
        }
        body
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn article(writer: &mut Writer<'_>, id: &str, body_bytes: usize, cited: &[String]) -> String {
    let rng = &mut writer.rng;
    let source = rng.pick(OUTLETS);
    let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
    let year = writer.year;
    let title = format!(
        "{} reviews {}",
        writer.actors[rng.below(writer.actors.len())].name,
        rng.pick(TOPICS)
    );
    let fenced = rng.chance(20);
    let mut out = String::new();
    if fenced {
        out.push_str("---\n");
    }
    let _ = write!(
        out,
        "Title: {title}\nSource: {source}\nDate: {year}-{month:02}-{day:02}\nId: {id}\nURL: https://news.example/{year}/{month:02}/{id}\n"
    );
    if fenced {
        out.push_str("---\n");
    }
    out.push('\n');
    out.push_str(&writer.body(body_bytes, cited));
    out
}

/// What to generate; public so that a test can generate a corpus without running the
/// example (`tests/cache.rs` includes this file as a module).
pub struct Options {
    pub out: PathBuf,
    pub articles: usize,
    pub actors: usize,
    pub seed: u64,
    pub large: usize,
    pub small: usize,
    pub cyrillic: bool,
    pub russian: bool,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        out: PathBuf::from("target/bench-corpus"),
        articles: 10_000,
        actors: 5_000,
        seed: 6,
        large: 5_000_000,
        small: 20_000,
        cyrillic: false,
        russian: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--out" => options.out = PathBuf::from(&value),
            "--articles" => options.articles = number()?,
            "--actors" => options.actors = number()?.max(1),
            "--seed" => options.seed = number()? as u64,
            "--large-bytes" => options.large = number()?,
            "--small-bytes" => options.small = number()?,
            "--script" => match value.as_str() {
                "latin" => options.cyrillic = false,
                "cyrillic" => options.cyrillic = true,
                _ => return Err(format!("--script: latin or cyrillic, not {value}")),
            },
            "--language" => {
                options.russian = match value.as_str() {
                    "en" => false,
                    "ru" => true,
                    _ => return Err(format!("--language is en or ru, not {value}")),
                }
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(options)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() {
    if let Err(error) = run() {
        eprintln!("gen_corpus: {error}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let summary = generate(&parse_options()?)?;
    println!("{summary}");
    Ok(())
}

/// Writes the corpus `options` describe; returns a summary line with the sizes.
pub fn generate(options: &Options) -> Result<String, String> {
    let mut rng = Rng(options.seed);
    let actors = make_actors(options.actors, &mut rng);
    if options.out.exists() {
        std::fs::remove_dir_all(&options.out)
            .map_err(|e| format!("{}: {e}", options.out.display()))?;
    }
    write(&options.out.join("actors.toml"), &registry(&actors))?;
    let mut aliases = String::new();
    for actor in &actors {
        aliases.push_str(&actor.name);
        aliases.push('\n');
        for alias in &actor.aliases {
            aliases.push_str(alias);
            aliases.push('\n');
        }
    }
    write(&options.out.join("aliases.txt"), &aliases)?;

    let mut total = 0usize;
    let mut ids: Vec<String> = Vec::with_capacity(options.articles);
    for index in 0..options.articles {
        let mut writer = Writer {
            rng: Rng(options.seed ^ (index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)),
            actors: &actors,
            year: 2018 + (index % 9) as u32,
            cyrillic: options.cyrillic,
            russian: options.russian,
        };
        let id = format!("art-{index:05}");
        // Cite a few earlier articles, and now and then one that does not exist.
        let mut cited: Vec<String> = (0..3)
            .filter(|_| !ids.is_empty())
            .map(|_| ids[writer.rng.below(ids.len())].clone())
            .collect();
        if writer.rng.chance(1) {
            cited.push(format!("missing-{index}"));
        }
        let body_bytes = 2_000 + writer.rng.below(5_000);
        let text = article(&mut writer, &id, body_bytes, &cited);
        total += text.len();
        write(
            &options
                .out
                .join(format!("articles/{:04}/{id}.article", index / 500)),
            &text,
        )?;
        ids.push(id);
    }
    let cited: Vec<String> = ids.iter().take(50).cloned().collect();
    let mut sizes = Vec::new();
    for (name, bytes) in [("large", options.large), ("small", options.small)] {
        if bytes == 0 {
            continue;
        }
        let mut writer = Writer {
            rng: Rng(options.seed ^ bytes as u64),
            actors: &actors,
            year: 2024,
            cyrillic: options.cyrillic,
            russian: options.russian,
        };
        let text = article(&mut writer, &format!("single-{name}"), bytes, &cited);
        total += text.len();
        sizes.push(format!("{name} {} B", text.len()));
        write(&options.out.join(format!("single/{name}.article")), &text)?;
    }
    Ok(format!(
        "{}: {} articles + {}, {} actors ({} forms), {:.1} MB",
        options.out.display(),
        options.articles,
        sizes.join(", "),
        actors.len(),
        aliases.lines().count(),
        total as f64 / 1e6
    ))
}
