//! The English word classes that the claim finder's verb-group analysis needs: verb forms
//! (irregular pasts and participles written out, regular `-ed` forms by rule with their
//! exceptions), auxiliaries, modals, and the closed classes that tell a subject from a
//! modifier. Our own lists, written for news prose.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The classes a word can belong to, as bits: a word may be in several (`that` is a
/// determiner, a relative and a subordinator).
pub type Classes = u32;

pub const PAST: Classes = 1 << 0;
pub const PARTICIPLE: Classes = 1 << 1;
/// `be`, `is`, `was`, `been`, ...
pub const BE: Classes = 1 << 2;
pub const HAVE: Classes = 1 << 3;
pub const DO: Classes = 1 << 4;
/// `will`, `would`, `can`, ...
pub const MODAL: Classes = 1 << 5;
pub const DETERMINER: Classes = 1 << 6;
pub const PREPOSITION: Classes = 1 << 7;
/// Third-person subject pronouns: `he`, `she`, `it`, `they`.
pub const SUBJECT_PRONOUN: Classes = 1 << 8;
/// First- and second-person pronouns: the outlet's own voice outside quotations.
pub const FIRST_PERSON: Classes = 1 << 9;
/// Object and reflexive pronouns: `him`, `them`, `itself`.
pub const OBJECT_PRONOUN: Classes = 1 << 10;
/// `who`, `which`, `that`, `whom`, `whose`.
pub const RELATIVE: Classes = 1 << 11;
pub const CONJUNCTION: Classes = 1 << 12;
/// `because`, `if`, `although`, `while`, ...
pub const SUBORDINATOR: Classes = 1 << 13;
/// Adverbs that do not end in `-ly` and may stand inside a verb group (`has already
/// given`, `were then sent`).
pub const ADVERB: Classes = 1 << 14;
/// `not`, `never`, `n't`.
pub const NEGATION: Classes = 1 << 15;
/// Nouns for people and organisations that speak or act (`officials`, `ministry`).
pub const AGENT_NOUN: Classes = 1 << 16;
/// Words in `-ed` of more than four letters that are adjectives or names, not verbs
/// (`united`, `armed`, `hundred`): shorter words are never taken for regular pasts.
pub const NOT_A_VERB: Classes = 1 << 17;
/// Verbs whose simple past describes a state, not an event (`was`, `had`, `seemed`).
pub const STATIVE: Classes = 1 << 18;
/// Participles that after `be` describe a state or a stance (`was based in`, `were
/// concerned`, `is expected to`), not a passive event.
pub const ADJECTIVAL_PARTICIPLE: Classes = 1 << 19;
/// Irregular verbs' base forms (`give`, `send`), so that `did not give` is seen.
pub const BASE: Classes = 1 << 20;
/// Quantity words that can be a subject (`some`, `many`, `dozens`, `hundreds`).
pub const QUANTITY: Classes = 1 << 21;
/// Words a non-claim frame or clause rule starts from (`reprint`, `under`, `not`,
/// `declined`, `if`, `who`, `law`): a sentence without any skips those scans.
pub const FRAME_WORD: Classes = 1 << 22;
/// Present-tense verbs with which a law states what it provides (`The decree requires`).
pub const PROVISION_VERB: Classes = 1 << 24;
/// Words page furniture opens with (`Read also`, `Photo:`, `By Jane Doe`).
pub const FURNITURE_START: Classes = 1 << 23;

/// One-word asides that may stand between commas between a subject and its verb (`The
/// bank, however, raised`, `Analysts, however, said`).
pub const ASIDE_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "therefore",
    "instead",
    "nevertheless",
    "too",
];

/// Irregular verbs: base, past, past participle. Only the forms that differ from the
/// regular `-ed` are needed; verbs whose three forms are the same (`put`, `cut`) are here
/// too, since their past cannot be told by its ending.
const IRREGULAR_VERBS: &[(&str, &str, &str)] = &[
    // Regular, but too short for the `-ed` rule, which leaves out four-letter words
    // (`bled`, `shed` and the like are not pasts of a base in `-e`).
    ("die", "died", "died"),
    ("sue", "sued", "sued"),
    ("tie", "tied", "tied"),
    ("vie", "vied", "vied"),
    ("use", "used", "used"),
    ("owe", "owed", "owed"),
    ("axe", "axed", "axed"),
    ("eye", "eyed", "eyed"),
    ("lie", "lied", "lied"),
    // Irregular: the rest of the list.
    ("cast", "cast", "cast"),
    ("overrun", "overran", "overrun"),
    ("mistake", "mistook", "mistaken"),
    ("leap", "leapt", "leapt"),
    ("kneel", "knelt", "knelt"),
    ("speed", "sped", "sped"),
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fling", "flung", "flung"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("oversee", "oversaw", "overseen"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weave", "wove", "woven"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
];

/// The closed classes and the short lists of exceptions, by class.
const WORDS: &[(Classes, &[&str])] = &[
    (
        BE,
        &[
            "be", "am", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re",
        ],
    ),
    (HAVE, &["have", "has", "had", "having", "'ve", "’ve"]),
    (DO, &["do", "does", "did"]),
    (
        MODAL,
        &[
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
            "’ll", "'d", "’d", "ought",
        ],
    ),
    (
        DETERMINER,
        &[
            "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
            "our", "your", "my", "such", "every", "each", "no", "any", "another", "other", "what",
            "whose", "which",
        ],
    ),
    (
        PREPOSITION,
        &[
            "of",
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "from",
            "to",
            "into",
            "onto",
            "about",
            "over",
            "under",
            "after",
            "before",
            "during",
            "since",
            "until",
            "till",
            "between",
            "among",
            "against",
            "across",
            "through",
            "throughout",
            "within",
            "without",
            "towards",
            "toward",
            "upon",
            "via",
            "per",
            "despite",
            "amid",
            "amidst",
            "near",
            "around",
            "along",
            "beyond",
            "behind",
            "below",
            "above",
            "beside",
            "besides",
            "inside",
            "outside",
            "like",
            "unlike",
            "than",
            "as",
            "including",
            "following",
            "regarding",
            "concerning",
        ],
    ),
    (SUBJECT_PRONOUN, &["he", "she", "it", "they", "who"]),
    (FIRST_PERSON, &["i", "we", "you"]),
    (
        OBJECT_PRONOUN,
        &[
            "him",
            "them",
            "me",
            "us",
            "himself",
            "herself",
            "itself",
            "themselves",
            "ourselves",
            "myself",
            "yourself",
        ],
    ),
    (
        RELATIVE,
        &["who", "which", "that", "whom", "whose", "where", "when"],
    ),
    (
        CONJUNCTION,
        &["and", "or", "but", "nor", "yet", "so", "then"],
    ),
    (
        SUBORDINATOR,
        &[
            "because", "if", "although", "though", "while", "whereas", "unless", "whether", "once",
            "since", "when", "after", "before", "as", "until", "so", "that", "where", "how", "why",
        ],
    ),
    (
        ADVERB,
        &[
            "also",
            "already",
            "then",
            "later",
            "once",
            "again",
            "still",
            "just",
            "soon",
            "even",
            "ever",
            "now",
            "twice",
            "thus",
            "too",
            "only",
            "first",
            "since",
            "long",
            "jointly",
            "almost",
            "yet",
            "allegedly",
            "reportedly",
            "recently",
            "all",
            "both",
            "each",
            // Adverbs of a habit without `-ly` (`is often called`).
            "often",
            "always",
            "sometimes",
            "seldom",
        ],
    ),
    (NEGATION, &["not", "never", "n't", "no"]),
    (
        AGENT_NOUN,
        &[
            "official",
            "officials",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "minister",
            "ministry",
            "ministers",
            "president",
            "government",
            "authorities",
            "authority",
            "police",
            "army",
            "military",
            "troops",
            "soldiers",
            "forces",
            "court",
            "judge",
            "jury",
            "prosecutors",
            "prosecutor",
            "committee",
            "council",
            "parliament",
            "agency",
            "service",
            "office",
            "department",
            "commission",
            "company",
            "firm",
            "media",
            "outlet",
            "newspaper",
            "channel",
            "sources",
            "source",
            "analysts",
            "analyst",
            "experts",
            "expert",
            "observers",
            "residents",
            "witnesses",
            "relatives",
            "users",
            "activists",
            "people",
            "men",
            "women",
            "reservists",
            "guards",
            "leader",
            "leaders",
            "commander",
            "commanders",
            "general",
            "colonel",
            "head",
            "chief",
            "representatives",
            "representative",
            "deputy",
            "mayor",
            "governor",
            "embassy",
            "diplomats",
            "lawmakers",
            "deputies",
            "investigators",
            "researchers",
            "journalists",
            "reporters",
            "correspondent",
            // One person of the news by what they do (`The activist is serving a
            // sentence`, `The journalist is recovering in hospital`).
            "activist",
            "journalist",
            "reporter",
            "blogger",
            "politician",
            "dissident",
            "prisoner",
            "detainee",
            "editor",
            "critic",
            "opponent",
            "candidate",
            "defendant",
            "protester",
            "demonstrator",
            "soldier",
            "officer",
            "witness",
            "resident",
            "economist",
            "researcher",
            "investigator",
            "lawmaker",
            "diplomat",
            "senator",
            "husband",
            "brother",
            "sister",
            "founder",
            "laureate",
            "opposition",
            "regime",
            "kremlin",
            "administration",
            "staff",
            "team",
            "group",
            "groups",
            "party",
            "union",
            "alliance",
            "allies",
            "bank",
            "board",
            "ceo",
            "chairman",
            "director",
            "secretary",
            "ambassador",
            "envoy",
            "citizens",
            "conscripts",
            "recruits",
            "volunteers",
            "protesters",
            "demonstrators",
            "workers",
            "employees",
            "spokespeople",
            "inspectors",
            "monitors",
            "lawyer",
            "lawyers",
            "family",
            "families",
            "wife",
            "wives",
            "son",
            "daughter",
            "mother",
            "father",
            "supporters",
            "officers",
            "judges",
            "students",
            "migrants",
            "refugees",
            "banks",
            "companies",
            // Bodies that speak through their names (`The Viasna human rights centre
            // says`).
            "centre",
            "center",
            "institute",
            "foundation",
            "association",
            "organisation",
            "organization",
            "coalition",
            "movement",
            "watchdog",
            "bureau",
            "mission",
            "network",
            "tribunal",
            // Parties to a conflict or a deal (`Both sides accuse each other`).
            "side",
            "sides",
            "parties",
            "countries",
            "nations",
            "governments",
            "ministries",
            "neighbours",
            "neighbors",
            // People who act in the news in numbers: the subjects of ongoing actions
            // (`Polish farmers are blocking border crossings`).
            "farmers",
            "truckers",
            "drivers",
            "miners",
            "doctors",
            "teachers",
            "pilots",
            "crews",
            "rescuers",
            "firefighters",
            "medics",
            "civilians",
            "villagers",
            "locals",
            "voters",
            "opponents",
            "critics",
            "fighters",
            "militants",
            "rebels",
            "partisans",
            "hackers",
            "prisoners",
            "detainees",
            "strikers",
            "veterans",
            "mercenaries",
            "servicemen",
            "personnel",
            "negotiators",
            "executives",
            "senators",
            "legislators",
            "regulators",
            "shareholders",
            "investors",
            "traders",
            "buyers",
            "sellers",
        ],
    ),
    (
        NOT_A_VERB,
        &[
            "united",
            "based",
            "related",
            "allied",
            "so-called",
            "alleged",
            "unprovoked",
            "unscheduled",
            "mechanized",
            "mechanised",
            "hundred",
            "speed",
            "bleed",
            "breed",
            "greed",
            "steed",
            "sacred",
            "naked",
            "wicked",
            "rugged",
            "kindred",
            "ragged",
            "crooked",
            "beloved",
            "skilled",
            "unskilled",
            "talented",
            "unqualified",
            "experienced",
            "inexperienced",
            "interested",
            "uninterested",
            "unexpected",
            "unprecedented",
            "unlimited",
            "unnamed",
            "unidentified",
            "undisclosed",
            "unspecified",
            "unconfirmed",
            "unfounded",
            "unarmed",
            "unemployed",
            "undated",
            "embed",
            "exceed",
            "proceed",
            "succeed",
            "indeed",
            "creed",
            "shred",
            "ahmed",
            "mohammed",
            "mohamed",
            "biased",
            "privileged",
            "sophisticated",
            "complicated",
            "devoted",
            "renowned",
            "self-proclaimed",
            "self-styled",
            "supposed",
            "accustomed",
        ],
    ),
    // Adjectives that are pasts too: read as verbs where `verbs` finds an object.
    (NOT_A_VERB, PASTS_MOSTLY_ADJECTIVES),
    (
        STATIVE,
        &[
            "was",
            "were",
            "had",
            "seemed",
            "appeared",
            "remained",
            "knew",
            "owned",
            "lived",
            "consisted",
            "contained",
            "belonged",
            "depended",
            "meant",
            "needed",
            "wanted",
            "liked",
            "lacked",
            "resembled",
            "cost",
            "numbered",
            "existed",
            "stood",
            "lay",
            "felt",
            "looked",
            "sounded",
            "hoped",
            "feared",
            "wished",
            "loved",
            "hated",
            "preferred",
            "deserved",
            "involved",
            "included",
            "comprised",
            "totaled",
            "totalled",
            "amounted",
            "equaled",
            "equalled",
            "measured",
            "weighed",
        ],
    ),
    (
        ADJECTIVAL_PARTICIPLE,
        &[
            "based",
            "located",
            "situated",
            "concerned",
            "worried",
            "interested",
            "involved",
            "supposed",
            "expected",
            "believed",
            "thought",
            "considered",
            "seen",
            "known",
            "said",
            "reported",
            "rumoured",
            "rumored",
            "alleged",
            "scheduled",
            "set",
            "due",
            "designed",
            "intended",
            "meant",
            "required",
            "obliged",
            "allowed",
            "able",
            "unable",
            "prepared",
            "ready",
            "likely",
            "related",
            "linked",
            "connected",
            "associated",
            "tied",
            "aimed",
            "focused",
            "focussed",
            "committed",
            "determined",
            "convinced",
            "aware",
            "afraid",
            "pleased",
            "satisfied",
            "disappointed",
            "surprised",
            "divided",
            "split",
            "made",
            "composed",
            "equipped",
            "entitled",
            "capped",
            "limited",
            "restricted",
            "prohibited",
            "banned",
            "forbidden",
            "permitted",
            "exempt",
            "exempted",
            "subject",
            "used",
            "accustomed",
            "married",
            "retired",
            "open",
            "over",
            "estimated",
            "understood",
            "regarded",
            "viewed",
            "titled",
            "dubbed",
        ],
    ),
    (
        FRAME_WORD,
        &[
            "reprint",
            "republish",
            "unsubscribe",
            "email",
            "not",
            "declined",
            "refused",
            "request",
            "requests",
            "no",
            "nobody",
            "speak",
            "if",
            "unless",
            "whether",
            "who",
            "which",
            "whom",
            "whose",
            "mean",
            "means",
            "imply",
            "implies",
            "guarantee",
            "necessarily",
        ],
    ),
    (
        PROVISION_VERB,
        &[
            "provides",
            "provide",
            "stipulates",
            "stipulate",
            "requires",
            "require",
            "allows",
            "allow",
            "obliges",
            "oblige",
            "prohibits",
            "prohibit",
            "bans",
            "ban",
            "forbids",
            "permits",
            "sets",
            "establishes",
            "envisages",
            "mandates",
            "states",
            "says",
        ],
    ),
    (
        FURNITURE_START,
        &[
            "read",
            "see",
            "related",
            "follow",
            "subscribe",
            "sign",
            "click",
            "share",
            "photo",
            "photos",
            "photograph",
            "illustrative",
            "illustration",
            "image",
            "video",
            "copyright",
            "all",
            "advertisement",
            "support",
            "donate",
            "editor's",
            "editor’s",
            "by",
            "this",
            "correction",
            "clarification",
            // `Читайте также`, `Czytaj też` (see `frames::FURNITURE_OPENINGS`).
            "читайте",
            "смотрите",
            "дивіться",
            "чытайце",
            "глядзіце",
            "czytaj",
            "przeczytaj",
            "zobacz",
        ],
    ),
    (
        QUANTITY,
        &[
            "some",
            "many",
            "most",
            "several",
            "few",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "all",
            "both",
            "others",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "about",
            "around",
            "nearly",
            "almost",
            "over",
            "more",
            "fewer",
            "less",
        ],
    ),
];

static CLASSES: LazyLock<FxHashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut classes: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for (base, past, participle) in IRREGULAR_VERBS {
        *classes.entry(base).or_default() |= BASE;
        *classes.entry(past).or_default() |= PAST;
        *classes.entry(participle).or_default() |= PARTICIPLE;
    }
    for (class, words) in WORDS {
        for word in *words {
            *classes.entry(word).or_default() |= class;
        }
    }
    // The Slavic lexicon shares the map, so that a word is looked up once whatever its
    // language. A word both lexicons list (the Polish `on`, `a`, `do`) keeps its English
    // classes only: English text reads exactly as before. The forms are made once, for
    // the life of the program, and leaked so that the keys stay plain `&str`.
    let mut slavic: FxHashMap<String, Classes> = FxHashMap::default();
    for (word, class) in super::slavic::word_classes() {
        if let Some(after_vowel) = super::slavic::spelled_after_vowel(&word) {
            *slavic.entry(after_vowel).or_default() |= class;
        }
        *slavic.entry(word).or_default() |= class;
    }
    for (word, class) in slavic {
        if !classes.contains_key(word.as_str()) {
            classes.insert(Box::leak(word.into_boxed_str()), class);
        }
    }
    classes
});

/// A bit per [`crate::text::word_cell`] of the listed words: about half the words of a
/// text are in no list, and are turned away here before they are hashed.
static LISTED_CELLS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut cells = vec![0u64; crate::text::WORD_CELLS / 64];
    for cell in CLASSES
        .keys()
        .filter_map(|word| crate::text::word_cell(word))
    {
        cells[cell / 64] |= 1 << (cell % 64);
    }
    cells
});

/// The listed classes of a lower-cased word (0 for a word of no list).
pub fn classes(lower: &str) -> Classes {
    let Some(cell) = crate::text::word_cell(lower) else {
        return 0;
    };
    if LISTED_CELLS
        .get(cell / 64)
        .is_none_or(|bits| bits & (1 << (cell % 64)) == 0)
    {
        return 0;
    }
    CLASSES.get(lower).copied().unwrap_or(0)
}

/// Whether a lower-cased word is a regular past or participle: `-ed` after at least
/// three letters, no hyphen, and not an adjective of the exceptions.
pub fn is_regular_ed(lower: &str, classes: Classes) -> bool {
    classes & NOT_A_VERB == 0
        && lower.len() > 4
        && lower.ends_with("ed")
        && !lower.contains(['-', '\'', '’'])
        && lower.bytes().all(|byte| byte.is_ascii_alphabetic())
}

/// Pasts that the word classes call adjectives because that is how they mostly stand
/// (`the occupied territories`, `registered voters`, `a retired officer`), though each is
/// a verb's past as well (`Russia occupied Crimea`, `The commission registered five
/// candidates`, `He retired`). `verbs` reads them as pasts only where an object or a
/// subject pronoun tells so.
pub const PASTS_MOSTLY_ADJECTIVES: &[&str] = &[
    "armed",
    "backed",
    "advanced",
    "detailed",
    "limited",
    "occupied",
    "needed",
    "qualified",
    "dedicated",
    "determined",
    "celebrated",
    "concerned",
    "worried",
    "scared",
    "tired",
    "married",
    "divorced",
    "retired",
    "licensed",
    "registered",
];

/// Whether a lower-cased word can be a finite past (`went`, `announced`).
pub fn can_be_past(lower: &str, classes: Classes) -> bool {
    classes & PAST != 0 || is_regular_ed(lower, classes)
}

/// Whether a lower-cased word can be a past participle (`gone`, `issued`).
pub fn can_be_participle(lower: &str, classes: Classes) -> bool {
    classes & PARTICIPLE != 0 || is_regular_ed(lower, classes)
}

/// Whether a word can open a participial aside between commas (`Tsikhanouskaya, born in
/// Mikashevichy, …`, `the pipeline, built in 2011, …`, `troops, backed by aircraft, …`):
/// a past participle that is no auxiliary, an `-ed` form even where it is mostly an
/// adjective (`backed`, `armed`), or `born`, which the verb list gives as `borne`.
pub fn opens_participial_aside(lower: &str, classes: Classes) -> bool {
    // The `-ed` rule, asked as if the word were no adjective.
    let ed_form = is_regular_ed(lower, classes & !NOT_A_VERB);
    (lower == "born" || ed_form || can_be_participle(lower, classes)) && classes & (BE | HAVE) == 0
}

/// Words in `-ing` that are adjectives after `be`, not a progressive: `few are willing to
/// talk`, `the figures are worrying`.
pub const ING_ADJECTIVES: &[&str] = &[
    "willing",
    "unwilling",
    "interesting",
    "surprising",
    "worrying",
    "alarming",
    "disturbing",
    "misleading",
    "promising",
    "daunting",
    "amazing",
    "encouraging",
    "troubling",
    "outstanding",
    "convincing",
    "compelling",
    "confusing",
    "frightening",
    "shocking",
    "exciting",
    "embarrassing",
    "humiliating",
    "devastating",
    "overwhelming",
    "lacking",
];

/// Whether a word is a present participle or gerund (`monitoring`), as far as its form
/// tells: `-ing` after at least three letters, and not one of the nouns in `-ing`.
pub fn is_ing(lower: &str) -> bool {
    lower.len() > 5
        && lower.ends_with("ing")
        && lower.bytes().all(|byte| byte.is_ascii_alphabetic())
        && !matches!(
            lower,
            "during"
                | "something"
                | "nothing"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
                | "building"
                | "meeting"
                | "briefing"
                | "hearing"
                | "training"
                | "bombing"
                | "shelling"
                | "funding"
                | "spring"
                | "string"
                | "ceiling"
                | "according"
                | "including"
                | "following"
                | "regarding"
                | "concerning"
                | "beijing"
                | "wedding"
                | "warning"
                | "ruling"
                | "setting"
                | "offering"
                | "uprising"
                | "landing"
                | "wing"
                | "king"
                | "thing"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_and_regular_pasts_are_told_apart_from_adjectives() {
        assert!(can_be_past("went", classes("went")));
        assert!(can_be_participle("given", classes("given")));
        assert!(!can_be_past("given", classes("given")));
        assert!(can_be_past("announced", classes("announced")));
        assert!(!can_be_past("united", classes("united")));
        assert!(!can_be_past("hundred", classes("hundred")));
        assert!(!can_be_past("red", classes("red")));
        assert!(!can_be_past("so-called", classes("so-called")));
        assert!(classes("officials") & AGENT_NOUN != 0);
        assert!(classes("that") & DETERMINER != 0 && classes("that") & RELATIVE != 0);
        assert!(is_ing("monitoring") && !is_ing("morning") && !is_ing("king"));
    }

    #[test]
    fn the_cell_filter_turns_away_no_listed_word() {
        for (word, expected) in CLASSES.iter() {
            assert_eq!(classes(word), *expected, "{word}");
        }
        assert_eq!(classes("zebra"), 0);
    }

    /// No English word of the lists gains a class from the Slavic lexicon.
    #[test]
    fn the_slavic_lexicon_leaves_english_words_alone() {
        for (class, words) in WORDS {
            for word in *words {
                assert_eq!(classes(word) & super::super::slavic::SLAVIC, 0, "{word}");
                assert_ne!(classes(word) & class, 0, "{word}");
            }
        }
        assert_ne!(classes("on") & PREPOSITION, 0);
        assert_eq!(classes("on") & SUBJECT_PRONOUN, 0);
        assert_ne!(classes("он") & SUBJECT_PRONOUN, 0);
        // `George W. Bush`, `Generation Z`: single Latin letters stay out of it, and two
        // do not mark a sentence as Slavic.
        assert_eq!(classes("w"), 0);
        assert_eq!(classes("z"), 0);
        assert_eq!(classes("po") & super::super::slavic::SLAVIC, 0);
    }

    #[test]
    fn every_irregular_verb_has_three_forms_in_lower_case() {
        for (base, past, participle) in IRREGULAR_VERBS {
            for form in [base, past, participle] {
                assert_eq!(*form, form.to_lowercase());
                assert!(!form.is_empty());
            }
        }
    }
}
