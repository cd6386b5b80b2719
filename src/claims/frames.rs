//! What is not a claim although it may look like one (the spec's non-claim frames): page
//! furniture and bylines, what a law provides, set phrases that are no report, and
//! sentences that only continue a quotation; and which words stand inside quotations.

use super::english as en;
use super::words::SentenceWords;

/// Nouns for what a law, decree or amendment provides (`Under the amendments, …`).
const PROVISION_NOUNS: &[&str] = &[
    "law",
    "laws",
    "rules",
    "rule",
    "regulations",
    "regulation",
    "amendment",
    "amendments",
    "decree",
    "decrees",
    "legislation",
    "code",
    "constitution",
    "bill",
    "provisions",
    "provision",
    "treaty",
    "directive",
    "statute",
    "act",
    "procedure",
    "charter",
    "resolution",
    "ordinance",
    "policy",
];

/// How page furniture opens: share bars, related links, credits, bylines.
const FURNITURE_OPENINGS: &[&[&str]] = &[
    &["read", "also"],
    &["read", "more"],
    &["see", "also"],
    &["related"],
    &["follow", "us"],
    &["subscribe"],
    &["sign", "up"],
    &["click", "here"],
    &["share", "this"],
    &["photo"],
    &["photos"],
    &["photograph"],
    &["illustrative", "photo"],
    &["illustration"],
    &["image"],
    &["video"],
    &["copyright"],
    &["all", "rights", "reserved"],
    &["advertisement"],
    &["support", "us"],
    &["donate"],
    &["editor's", "note"],
    &["editor’s", "note"],
    // Notes about the article itself: `This article was updated with …`.
    &["this", "article"],
    &["this", "story"],
    &["correction"],
    &["clarification"],
    // A link to another article, as `Read also`, in the four other languages.
    &["читайте", "также"],
    &["читайте", "тоже"],
    &["смотрите", "также"],
    &["читайте", "також"],
    &["дивіться", "також"],
    &["чытайце", "таксама"],
    &["глядзіце", "таксама"],
    &["czytaj", "też"],
    &["czytaj", "także"],
    &["czytaj", "również"],
    &["przeczytaj", "też"],
    &["przeczytaj", "także"],
    &["przeczytaj", "również"],
    &["zobacz", "też"],
    &["zobacz", "także"],
    &["zobacz", "również"],
];

/// Word sequences that are set phrases, not reports (`did not respond to a request for
/// comment`, `declined to comment`): a trigger inside one makes no claim.
const SET_PHRASES: &[&[&str]] = &[
    &["not", "respond"],
    &["not", "immediately", "respond"],
    &["not", "responded"],
    &["not", "immediately", "responded"],
    &["not", "reply"],
    &["not", "replied"],
    // `The Kremlin has not commented`, `did not immediately comment`.
    &["not", "comment"],
    &["not", "commented"],
    &["not", "immediately", "comment"],
    &["not", "immediately", "commented"],
    &["declined", "to", "comment"],
    &["refused", "to", "comment"],
    // `The statement did not say when the drills would begin`, `Officials have not said
    // how many were detained`: what was not said.
    &["not", "say"],
    &["not", "said"],
    &["not", "specify"],
    &["not", "specified"],
    &["not", "elaborate"],
    &["not", "elaborated"],
    // `He did not give a date`, `did not disclose the figure`: what was not told.
    &["not", "give", "a", "date"],
    &["not", "give", "a", "timeline"],
    &["not", "give", "details"],
    &["not", "give", "any", "details"],
    &["not", "provide", "details"],
    &["not", "provide", "any", "details"],
    &["not", "disclose"],
    &["not", "disclosed"],
    &["declined", "to", "say"],
    &["declined", "to", "elaborate"],
    &["refused", "to", "say"],
    &["declined", "comment"],
    &["not", "be", "reached"],
    &["not", "been", "reached"],
    &["not", "immediately", "available"],
    &["request", "for", "comment"],
    &["requests", "for", "comment"],
    &["no", "comment"],
    &["speak", "out"],
];

/// Whether the words open like page furniture, or are a byline (`By Jane Doe`).
pub fn is_furniture(words: &SentenceWords) -> bool {
    if words.len() == 0 {
        return true;
    }
    let opens_with = |phrase: &[&str]| {
        phrase
            .iter()
            .enumerate()
            .all(|(index, word)| words.lower(index) == *word)
    };
    let may_open = words.classes(0) & en::FURNITURE_START != 0;
    if may_open && FURNITURE_OPENINGS.iter().any(|phrase| opens_with(phrase)) {
        // `Photo: …`, `Read also …`, `Video shows …`: furniture only where no verb
        // follows the first word directly (`Video footage showed` is a report).
        return !matches!(words.lower(0), "video" | "image" | "photo" | "photos")
            || words.gap_before(1, 0).contains([':', '/', '|', '(', '©'])
            || words.len() <= 4;
    }
    if words.gap_before(0, 0).contains('©')
        || words.any(en::FRAME_WORD)
            && (0..words.len()).any(|index| {
                matches!(words.lower(index), "reprint" | "republish" | "unsubscribe")
                    || (words.lower(index) == "email" && words.lower(index + 1) == "protected")
            })
    {
        return true;
    }
    // A byline: `By` and two to four capitalised words, nothing else.
    may_open
        && words.lower(0) == "by"
        && (2..=5).contains(&words.len())
        && (1..words.len()).all(|index| words.capitalised(index) || words.lower(index) == "and")
}

/// Whether the sentence states what a law, decree or amendment provides: `Under the
/// amendments, …`, `According to the law, …`, `The decree requires …`.
pub fn is_provision(words: &SentenceWords) -> bool {
    let opening = match (words.lower(0), words.lower(1)) {
        ("under", _) => Some(1),
        ("according", "to") => Some(2),
        ("in", "line") | ("in", "accordance") => Some(2),
        _ => None,
    };
    if let Some(from) = opening {
        let noun_follows = (from..(from + 6).min(words.len()))
            .take_while(|&index| index == from || !words.punctuated_before(index))
            .any(|index| PROVISION_NOUNS.contains(&words.lower(index)));
        if noun_follows {
            return true;
        }
    }
    words.any(en::PROVISION_VERB)
        && (0..words.len().saturating_sub(1)).any(|index| {
            words.classes(index + 1) & en::PROVISION_VERB != 0
                && PROVISION_NOUNS.contains(&words.lower(index))
                && !words.punctuated_before(index + 1)
                && index
                    .checked_sub(1)
                    .is_some_and(|before| words.classes(before) & en::DETERMINER != 0)
        })
}

/// Masks what the outlet says is not known (`It remains unclear who ordered the attack`,
/// `It is not known who fired the missile`): the question clause after `unclear`,
/// `unknown`, `not clear` or `not known`, up to the next punctuation, reports nothing.
pub fn mask_open_questions(words: &SentenceWords, masked: &mut [bool]) {
    if !words.any(en::RELATIVE | en::SUBORDINATOR) {
        return;
    }
    for question in 1..words.len() {
        if !matches!(
            words.lower(question),
            "who" | "what" | "how" | "why" | "where" | "when" | "whether" | "which"
        ) || words.punctuated_before(question)
        {
            continue;
        }
        let mut before = question - 1;
        if words.lower(before) == "immediately" && before > 0 {
            before -= 1;
        }
        let not_known = match words.lower(before) {
            "unclear" | "unknown" => true,
            "clear" | "known" => {
                (before.saturating_sub(3)..before).any(|at| words.classes(at) & en::NEGATION != 0)
            }
            _ => false,
        };
        if !not_known {
            continue;
        }
        for (at, slot) in masked.iter_mut().enumerate().skip(question) {
            if at > question && words.punctuated_before(at) {
                break;
            }
            *slot = true;
        }
    }
}

/// Marks in `masked` the words that belong to a set phrase.
pub fn mask_set_phrases(words: &SentenceWords, masked: &mut [bool]) {
    if words.any(super::slavic::SLAVIC) || !words.all_ascii() {
        mask_slavic_set_phrases(words, masked);
    }
    if !words.any(en::FRAME_WORD) {
        return;
    }
    for start in 0..words.len() {
        // Most words start no set phrase: turned away by the first word before the
        // phrases are tried (trying them all at every word was a tenth of a check).
        if !matches!(
            words.lower(start),
            "not" | "declined" | "refused" | "request" | "requests" | "no" | "nobody" | "speak"
        ) {
            continue;
        }
        // `No one has claimed responsibility`, `No group has yet claimed credit`: the
        // absence of a claim, a set phrase of attack reports.
        if let Some(claimed) = (start + 1..words.len().min(start + 5)).find(|&at| {
            matches!(words.lower(at), "claimed" | "claims" | "claim")
                && matches!(words.lower(at + 1), "responsibility" | "credit")
        }) {
            if (start + 1..=claimed).all(|at| !words.punctuated_before(at)) {
                for slot in masked.iter_mut().take(claimed + 2).skip(start) {
                    *slot = true;
                }
            }
            continue;
        }
        for phrase in SET_PHRASES {
            // Within one clause: `"It is not," said the minister` says something.
            let fits = phrase.iter().enumerate().all(|(offset, word)| {
                words.lower(start + offset) == *word
                    && (offset == 0 || !words.punctuated_before(start + offset))
            });
            if fits {
                for offset in 0..phrase.len() {
                    if let Some(slot) = masked.get_mut(start + offset) {
                        *slot = true;
                    }
                }
                // `did not respond`, `declined to comment`: the auxiliary or verb right
                // before belongs to the phrase too.
                if let Some(before) = start.checked_sub(1) {
                    let classes = words.classes(before);
                    if classes & (en::DO | en::HAVE | en::MODAL | en::BE) != 0 {
                        if let Some(slot) = masked.get_mut(before) {
                            *slot = true;
                        }
                    }
                }
            }
        }
    }
}

/// Marks the Russian, Ukrainian, Belarusian and Polish forms of `has not commented`, `did
/// not respond` and `declined to comment` (`Минск не прокомментировал сообщение`, `Київ
/// не відповів на запит`, `Rzecznik odmówił komentarza`): set phrases, not reports. Read
/// by stems, since each verb has a form for every gender and number.
fn mask_slavic_set_phrases(words: &SentenceWords, masked: &mut [bool]) {
    let comment = |at: usize| {
        let lower = words.lower(at);
        ["коммент", "комент", "камент", "koment"]
            .iter()
            .any(|stem| lower.contains(stem))
    };
    // Whether the word at `at` starts with one of the stems.
    let stem_at = |at: usize, stems: &[&str]| {
        let lower = words.lower(at);
        stems.iter().any(|stem| lower.starts_with(stem))
    };
    // `не ответил`, and what was not said (`не сказал, когда`, `не уточнил`, `не
    // повідомив деталей`, `nie sprecyzował`), as `did not say`, `did not specify`.
    let respond = |at: usize| {
        stem_at(
            at,
            &[
                "ответил",
                "сказа",
                "powiedzia",
                "відпові",
                "адказа",
                "odpowiedzia",
                "уточни",
                "удакладні",
                "sprecyzowa",
                "сообщи",
                "повідоми",
                "паведамі",
                "poinformowa",
                "раскры",
                "розкри",
                "ujawni",
                // `odmówił podania szczegółów`.
                "podani",
            ],
        )
    };
    let refuse = |at: usize| stem_at(at, &["отказал", "відмови", "адмові", "odmówi"]);
    let mut mask = |from: usize, to: usize| {
        for slot in masked.iter_mut().take(to).skip(from) {
            *slot = true;
        }
    };
    // `никто не взял на себя ответственность`, `ніхто не взяв на себе
    // відповідальності`, `nikt nie przyznał się`: the absence of a claim of an attack.
    let nobody = |at: usize| matches!(words.lower(at), "никто" | "ніхто" | "nikt");
    let responsibility = |at: usize| {
        stem_at(
            at,
            &["ответственн", "відповідальн", "адказнас", "odpowiedzialnoś"],
        ) || words.lower(at) == "przyznał"
    };
    // `Подтвердить эту информацию не удалось`, `Nie udało się tego zweryfikować`: what
    // the outlet could not check, as `could not be independently verified`.
    let managed = |at: usize| stem_at(at, &["удал", "вдал", "ўдал", "udał"]);
    let verify = |at: usize| {
        stem_at(
            at,
            &[
                "подтверд",
                "провер",
                "верифиц",
                "підтверд",
                "перевір",
                "верифік",
                "пацвердз",
                "правер",
                "potwierdz",
                "zweryfik",
                "sprawdz",
            ],
        )
    };
    for start in 0..words.len() {
        if matches!(words.lower(start), "не" | "ня" | "nie") {
            if comment(start + 1) || respond(start + 1) {
                mask(start, start + 2);
            }
            if managed(start + 1) {
                let around = start.saturating_sub(4)..words.len().min(start + 6);
                if let Some(check) = around.into_iter().find(|&at| verify(at)) {
                    mask(start.min(check), (start + 2).max(check + 1));
                }
            }
            let said_by_nobody = (start.saturating_sub(3)..start).any(nobody)
                || (start + 1..words.len().min(start + 5)).any(nobody);
            if said_by_nobody {
                if let Some(end) = (start.saturating_sub(6)..words.len().min(start + 6))
                    .find(|&at| responsibility(at))
                {
                    mask(start.min(end), start.max(end) + 1);
                    mask(start, words.len().min(start + 3));
                }
            }
        } else if refuse(start) {
            // `отказался от комментариев`, `odmówił komentarza`; what was not said
            // (`отказался сказать`, `відмовився уточнити`, `odmówił podania`), as
            // `declined to say`.
            let from = usize::from(matches!(words.lower(start + 1), "от" | "від" | "ад"));
            if comment(start + 1 + from) || (from == 0 && respond(start + 1)) {
                mask(start, start + 2 + from);
            }
        }
    }
}

/// Quotation marks, as the quotation tracker reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"`: opens or closes by the state.
    Toggle,
}

/// The mark `ch` is, when the quotation open (if any) was opened by `opener`: `“` closes
/// a quotation opened by `„` (`„…“`, as Ukrainian, Belarusian and Russian write inner or
/// typewritten quotations) and opens any other; `‘` closes one opened by `‚`.
fn quotation_mark(ch: char, opener: Option<char>) -> Option<Mark> {
    match ch {
        '“' if opener == Some('„') => Some(Mark::Close),
        '‘' if opener == Some('‚') => Some(Mark::Close),
        '“' | '«' | '„' | '‚' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => Some(Mark::Toggle),
        _ => None,
    }
}

/// Dashes that open and close the speech of a dialogue paragraph (`— Мы не отступим, —
/// сказал командир.`).
fn is_dialogue_dash(ch: char) -> bool {
    matches!(ch, '—' | '–')
}

/// Whether a dash in `gap` at `at` ends or resumes a dialogue's speech: the paragraph's
/// first dash, or one after a comma or a sentence's end (`, —`, `. —`).
fn dialogue_turn(gap: &str, at: usize, first: bool) -> bool {
    first
        || gap
            .get(..at)
            .is_some_and(|before| before.contains([',', '.', '!', '?', '…']))
}

/// Whether the word at `index`, right after a dash inside a dialogue's speech, starts its
/// attribution: a past or a present of saying in lower case (`– Nie pozwolimy na to –
/// powiedział minister`, `– To skandal – mówi mieszkanka`), as Polish writes it with no
/// comma before the dash.
pub fn attribution_follows(words: &SentenceWords, index: usize) -> bool {
    if index >= words.len() || words.capitalised(index) {
        return false;
    }
    let lower = words.lower(index);
    (lower.chars().count() >= 5 && super::slavic::ends_as_past(lower))
        || SPEAKING_PRESENTS.contains(&lower)
        || super::slavic::TELLING_PRESENTS.contains(&lower)
}

/// The verb that attributes a quotation after its closing dash when the cue lexicon
/// does not list it (`«Мы не уйдём», — скандировали протестующие`, `— Хватит! —
/// возмутился министр`, `„Nie wycofamy się” – zażartował minister`): a past or a
/// present of saying in lower case right after quoted words and a dash. Only that slot
/// makes any verb a cue: a verb there says how the words were said.
pub fn verb_after_quotation_dash(words: &SentenceWords, quoted: &[bool]) -> Option<usize> {
    (1..words.len()).find(|&index| {
        quoted.get(index - 1) == Some(&true)
            && quoted.get(index) == Some(&false)
            && words.gap_before(index, 0).contains(is_dialogue_dash)
            && attribution_follows(words, index)
    })
}

/// Presents of saying that open a dialogue's attribution as its pasts do (`– To skandal –
/// mówi mieszkanka wsi`, `— Это скандал — говорит житель`).
const SPEAKING_PRESENTS: &[&str] = &[
    "говорит",
    "говорят",
    "отмечает",
    "добавляет",
    "поясняет",
    "каже",
    "кажуть",
    "додає",
    "зазначає",
    "пояснює",
    "кажа",
    "кажуць",
    "дадае",
    "адзначае",
    "тлумачыць",
    "mówi",
    "mówią",
    "dodaje",
    "podkreśla",
    "zaznacza",
    "tłumaczy",
    "wyjaśnia",
    "przekonuje",
    "twierdzi",
    "ocenia",
    // Remembering, admitting, writing; telling is [`super::slavic::TELLING_PRESENTS`].
    "вспоминает",
    "признаётся",
    "признается",
    "пишет",
    "згадує",
    "зізнається",
    "пише",
    "успамінае",
    "прызнаецца",
    "піша",
    "wspomina",
    "pisze",
];

/// Quoted spans shorter than this many words are scare quotes or titles (`“aggressive
/// rhetoric”`), not reported words.
const SHORTEST_QUOTATION: usize = 4;

/// Which words of a sentence stand inside a quotation, with the state carried from the
/// sentence before (a quotation that runs over several sentences).
#[derive(Debug, Default)]
pub struct Quotations {
    /// Whether a quotation is open where the next sentence starts.
    open: bool,
    /// The mark that opened it.
    opener: Option<char>,
    /// Whether the next sentence read is its paragraph's first.
    paragraph_start: bool,
    /// Whether the paragraph is a dialogue's line (it opens with a dash), whose speech
    /// dashes open and close.
    dialogue: bool,
    /// Per word of the sentence read last: inside a quotation.
    pub quoted: Vec<bool>,
    /// Whether the sentence started inside a quotation.
    pub started_open: bool,
    /// Whether the sentence holds quoted words at all.
    pub any: bool,
}

impl Quotations {
    /// Forgets the state: a paragraph starts outside any quotation.
    pub fn reset(&mut self) {
        self.open = false;
        self.opener = None;
        self.paragraph_start = true;
        self.dialogue = false;
    }

    /// Reads the quotation marks of the sentence whose words `words` holds, which ends
    /// at `sentence_end`.
    pub fn read(&mut self, words: &SentenceWords, sentence: crate::text::TextRange) {
        let sentence_end = sentence.end;
        self.quoted.clear();
        self.started_open = self.open;
        // Most sentences hold no quotation mark: nothing to track, word by word.
        // The marks beyond ASCII start with 0xE2 (`“”„`) or 0xC2 (`«»`): bytes that only
        // start characters, so a sentence without them and without `"` has no mark.
        let text = sentence.slice(words.text());
        if std::mem::take(&mut self.paragraph_start) {
            self.dialogue = text.starts_with(is_dialogue_dash);
        }
        let marks = memchr::memchr3(b'"', 0xE2, 0xC2, text.as_bytes()).is_some()
            && (text.contains(['"', '“', '”', '«', '»', '„', '‚'])
                || (self.dialogue && text.contains(is_dialogue_dash)));
        if !marks {
            self.quoted.resize(words.len(), self.open);
            self.any = self.open && words.len() > 0;
            return;
        }
        let mut open = self.open;
        let mut opener = self.opener;
        // Spans of quoted words: (first word, end word, closed inside the sentence).
        let mut span_start = open.then_some(0);
        let mut spans: Vec<(usize, usize, bool, bool)> = Vec::new();
        for index in 0..=words.len() {
            let gap = words.gap_before(index, sentence_end);
            for (at, ch) in gap.char_indices() {
                let mark = match quotation_mark(ch, opener.filter(|_| open)) {
                    Some(mark) => mark,
                    // In a dialogue a dash opens the speech at the line's start or after
                    // the attribution (`. —`), and closes it before the attribution
                    // (`, —`); dashes inside a sentence's words are punctuation.
                    None if self.dialogue
                        && is_dialogue_dash(ch)
                        && (dialogue_turn(gap, at, index == 0 && !self.started_open)
                            || (open && attribution_follows(words, index))) =>
                    {
                        Mark::Toggle
                    }
                    None => continue,
                };
                let opens = match mark {
                    Mark::Open => true,
                    Mark::Close => false,
                    Mark::Toggle => !open,
                };
                if opens && !open {
                    open = true;
                    opener = Some(ch);
                    span_start = Some(index);
                } else if !opens && open {
                    open = false;
                    opener = None;
                    if let Some(start) = span_start.take() {
                        // A quotation closed on its own punctuation (`“It is crazy,” he
                        // said`), or followed by a dash (and a comma) and its attribution
                        // (`«Мы не отступим», — сказал он`, `„Nie wycofamy się” –
                        // powiedział`), is reported speech however short.
                        // So is a dialogue's speech, which its dash closes.
                        // So is one that opens the sentence and a comma closes outside
                        // its marks (`"We are ready", he said`).
                        let after = gap.get(at + ch.len_utf8()..).unwrap_or("").trim_start();
                        let spoken = (self.dialogue && is_dialogue_dash(ch))
                            || gap
                                .get(..at)
                                .is_some_and(|before| before.contains([',', '.', '!', '?']))
                            || after
                                .strip_prefix(',')
                                .unwrap_or(after)
                                .trim_start()
                                .starts_with(is_dialogue_dash)
                            || (start == 0 && after.starts_with(','));
                        let opened_here = !(spoken || (start == 0 && self.started_open));
                        spans.push((start, index, true, opened_here));
                    }
                }
            }
            if index < words.len() {
                self.quoted.push(open);
            }
        }
        if let Some(start) = span_start {
            let opened_here = !(start == 0 && self.started_open);
            spans.push((start, words.len(), false, opened_here));
        }
        // A short span opened and closed inside the sentence is a scare quote.
        for (start, end, closed, opened_here) in spans {
            if closed && opened_here && end - start < SHORTEST_QUOTATION {
                for slot in self.quoted.iter_mut().take(end).skip(start) {
                    *slot = false;
                }
            }
        }
        self.any = self.quoted.iter().any(|&quoted| quoted);
        self.open = open;
        self.opener = opener;
    }

    /// Whether every word of the sentence is quoted: it only continues (or only is) a
    /// quotation, whose attribution stands in a neighbouring sentence.
    pub fn only_quotation(&self) -> bool {
        !self.quoted.is_empty() && self.quoted.iter().all(|&quoted| quoted)
    }
}
