//! The claim finder's words for Russian, Ukrainian, Belarusian and Polish news prose:
//! reporting verbs in every gender and number of the past and in the present's third
//! person, source phrases (`по словам`, `за словами`, `паводле`, `według`), event verbs
//! of the perfective past with their passive forms, and the closed classes (pronouns,
//! negation, conditionals, prepositions, speaking nouns) that the cue, event and speaker
//! rules read. One lexicon for the four languages, whose forms barely collide, so that no
//! language has to be detected first. Our own lists, written for news prose.

use super::english::{self as en, Classes};
use super::verbs::{EventForm, VerbGroup};
use super::words::SentenceWords;
use crate::language::Language;

/// A perfective past of an event verb (`задержали`, `підписав`, `затрымалі`,
/// `zatrzymali`): a finite verb whatever stands before it.
pub const EVENT_PAST: Classes = 1 << 25;
/// A passive form that reports an event: a short participle (`задержан`), an impersonal
/// `-но`/`-то` or `-no`/`-to` form (`затримано`, `zatrzymano`), a participle after `был`,
/// `był`, `został`.
pub const PASSIVE_FORM: Classes = 1 << 26;
/// Conditional particles and conjunctions (`бы`, `если`, `якщо`, `калі`, `jeśli`,
/// `żeby`): the verbs after them, to the next punctuation, assert nothing.
pub const CONDITIONAL: Classes = 1 << 27;
/// Demonstratives that stand before an inverted verb (`Об этом заявил министр`): they end
/// a speaker phrase read backwards.
pub const DEMONSTRATIVE: Classes = 1 << 28;
/// Every word of this lexicon: a sentence holding one is read with the Slavic rules.
pub const SLAVIC: Classes = 1 << 29;
/// A future of taking place, starting or ending (`Учения пройдут с 3 по 9 июня`,
/// `Засідання відбудеться в понеділок`, `Ćwiczenia odbędą się w czerwcu`), or of a listed
/// news verb (`Лукашенко посетит Пекин в декабре`): a scheduled
/// event only in a sentence that gives its date, as an English future. The words are
/// the date recognizer's (`temporal::scheduled_futures`), which reads them as pointing
/// forward.
pub const SCHEDULED_FUTURE: Classes = 1 << 30;
/// Words a rarer Slavic event rule starts from: plans and schedules ([`PLAN_VERBS`],
/// [`crate::temporal::schedule_verbs`]), pasts of handing over ([`HANDING_OVER`]) and of
/// `could` ([`COULD_PASTS`]), adverbs of `still` and `now` ([`STILL_ADVERBS`]), presents of
/// an action going on ([`ACTION_PRESENTS`], [`WORKING_PRESENTS`]) and words of habit
/// ([`HABIT_WORDS`]). The rules
/// look at a word's text only when it has this class, which the sentence's words carry
/// already: most words are turned away without being read again.
pub const SLAVIC_RULE_WORD: Classes = 1 << 31;

/// Past-tense endings added to a stem: masculine, feminine, neuter, plural (Polish adds
/// the plural of other than masculine persons).
const RU_PAST: &[&str] = &["л", "ла", "ло", "ли"];
const RU_PAST_REFLEXIVE: &[&str] = &["лся", "лась", "лось", "лись"];
const UK_PAST: &[&str] = &["в", "ла", "ло", "ли"];
const UK_PAST_REFLEXIVE: &[&str] = &["вся", "лася", "лося", "лися"];
const BE_PAST: &[&str] = &["ў", "ла", "ло", "лі"];
const BE_PAST_REFLEXIVE: &[&str] = &["ўся", "лася", "лося", "ліся"];
const PL_PAST: &[&str] = &["ł", "ła", "ło", "li", "ły"];
/// Short passive participles (`задержан`, `задержана`, `задержано`, `задержаны`).
const RU_SHORT_PARTICIPLE: &[&str] = &["", "а", "о", "ы"];
/// Passive participles after `був` (`затриманий`), `быў` (`затрыманы`), `został`
/// (`zatrzymany`).
const UK_PARTICIPLE: &[&str] = &["ий", "а", "е", "і"];
const BE_PARTICIPLE: &[&str] = &["ы", "а", "ае", "ыя"];
const PL_PARTICIPLE: &[&str] = &["y", "a", "e", "i"];

/// Reporting verbs: (stems, endings). Each stem takes every ending.
const CUE_PASTS: &[(&[&str], &[&str])] = &[
    (
        &[
            "заяви",
            "сообщи",
            "сказа",
            "отмети",
            "подчеркну",
            "добави",
            "поясни",
            "уточни",
            "рассказа",
            // Telling at length (`Очевидцы рассказывали, что …`).
            "рассказыва",
            "призна",
            "предупреди",
            "напомни",
            "объяви",
            "подтверди",
            "написа",
            "завери",
            "пообеща",
            "обеща",
            "пригрози",
            "обвини",
            "отрица",
            "утвержда",
            "говори",
            "заявля",
            "сообща",
            "переда",
            "допусти",
            // Calling something so, and rejecting (`Туск назвал решение вынужденным`),
            // again and again (`Ранее Лукашенко называл их предателями`).
            "назва",
            "называ",
            // Calling on someone (`Тихановская призвала Запад не ослаблять давление`);
            // calling up is told apart by `calls_up_or_summons`.
            "призва",
            // Insisting (`Министерство настаивало, что учения оборонительные`).
            "настаива",
            // Reporting to someone above (`Министр доложил президенту`).
            "доложи",
            // Objecting (`Министр возразил, что …`).
            "возрази",
            "возража",
            // Answering, as `replied` (`Песков ответил, что …`).
            "ответи",
        ],
        RU_PAST,
    ),
    (
        &[
            "заяви",
            "повідоми",
            "сказа",
            "наголоси",
            "зазначи",
            "дода",
            "поясни",
            "підкресли",
            "розпові",
            "розповіда",
            "визна",
            "попереди",
            "нагада",
            "оголоси",
            "підтверди",
            "запевни",
            "написа",
            "заклика",
            "звинувати",
            "уточни",
            "спростува",
            "пообіця",
            "обіця",
            "стверджува",
            "говори",
            "назва",
            "назива",
            "відкину",
            // Denying (`Київ заперечив`, `заперечував`).
            "заперечи",
            "заперечува",
            // Saying again and again (`Раніше Лукашенко заявляв, що …`).
            "заявля",
            "повідомля",
            "пригрози",
            "допусти",
            // Insisting.
            "наполяга",
            "допові",
            "відпові",
            "відповіда",
        ],
        UK_PAST,
    ),
    (
        &[
            "заяві",
            "паведамі",
            "сказа",
            "адзначы",
            "падкрэслі",
            "дада",
            "патлумачы",
            "растлумачы",
            "расказа",
            "расказва",
            "прызна",
            "папярэдзі",
            "нагада",
            "абвясці",
            "пацвердзі",
            "напіса",
            "запэўні",
            "паабяца",
            "абяца",
            "абвінаваці",
            "закліка",
            "сцвярджа",
            "назва",
            "называ",
            "адкіну",
            "адмаўля",
            // Passing on news (`як перадаў карэспандэнт`); handing over is told apart by
            // `hands_something_over`.
            "перада",
            // Saying again and again (`Раней Лукашэнка заяўляў`).
            "заяўля",
            "паведамля",
            "удакладні",
            "пагразі",
            "гавары",
            "дапусці",
            // Insisting.
            "настойва",
            "далажы",
            "адказа",
        ],
        BE_PAST,
    ),
    (
        &[
            "powiedzia",
            "oświadczy",
            "poinformowa",
            "stwierdzi",
            "doda",
            "podkreśli",
            "zaznaczy",
            "przekaza",
            // Giving out news (`podała policja`); giving anything else (`podał się do
            // dymisji`) is told apart by `hands_something_over`.
            "poda",
            "wyjaśni",
            "przyzna",
            "przypomnia",
            "ogłosi",
            "obieca",
            "obiecywa",
            "potwierdzi",
            "zapewni",
            "napisa",
            "zapowiedzia",
            // Telling (`Świadkowie opowiadali, że …`).
            "opowiedzia",
            "opowiada",
            "relacjonowa",
            "oskarży",
            "zaapelowa",
            "zdementowa",
            "zaprzeczy",
            "zaprzecza",
            "ostrzega",
            "twierdzi",
            "nazwa",
            "nazywa",
            "odrzuci",
            // Saying again and again (`Wcześniej Łukaszenka oświadczał, że …`).
            "oświadcza",
            "mówi",
            "informowa",
            "zapewnia",
            // Calling for (`wezwał do dymisji`); summoning is told apart by
            // `calls_up_or_summons`.
            "wezwa",
            "zagrozi",
            "dopuści",
            // Insisting.
            "nalega",
            "zameldowa",
            "odpowiedzia",
        ],
        PL_PAST,
    ),
];

/// Reporting verbs written out: pasts whose forms no paradigm above makes, the present's
/// third person, and `is convinced`.
const CUE_FORMS: &[&str] = &[
    // Russian.
    "опроверг",
    "опровергла",
    "опровергло",
    "опровергли",
    "абверг",
    "абвергла",
    "абверглі",
    "отверг",
    "отвергла",
    "отвергло",
    "отвергли",
    "заявляет",
    "заявляют",
    "сообщает",
    "сообщают",
    "говорит",
    "говорят",
    "считает",
    "считают",
    "отмечает",
    "отмечают",
    "подчеркивает",
    "подчёркивает",
    "подчеркивают",
    "подчёркивают",
    "пишет",
    "пишут",
    "утверждает",
    "утверждают",
    "полагает",
    "полагают",
    "уверен",
    "уверена",
    "уверены",
    "указывает",
    "указывают",
    "поясняет",
    "передает",
    "передаёт",
    // Calling for, in the present (`Оппозиция призывает к осторожности`).
    "призывает",
    "призывают",
    "закликає",
    "закликають",
    "заклікае",
    "заклікаюць",
    "apeluje",
    "apelują",
    "wzywa",
    "wzywają",
    // Insisting, in the present (`Министерство настаивает, что …`).
    "настаивает",
    "настаивают",
    "наполягає",
    "наполягають",
    "настойвае",
    "настойваюць",
    "nalega",
    "nalegają",
    // Accusing, in the present (`Обе стороны обвиняют друг друга`).
    "обвиняет",
    "обвиняют",
    "звинувачує",
    "звинувачують",
    "абвінавачвае",
    "абвінавачваюць",
    "oskarża",
    "oskarżają",
    // Denying, in the present (`Беларусь отрицает свою причастность`).
    "отрицает",
    "отрицают",
    "заперечує",
    "заперечують",
    "адмаўляе",
    "адмаўляюць",
    "zaprzecza",
    "zaprzeczają",
    // Objecting (`Сторонники диалога возражают, что …`).
    "возражает",
    "возражают",
    "пярэчаць",
    "пярэчыць",
    "oponuje",
    "oponują",
    // Expecting, forecasting and warning, in the present (`Уряд очікує уповільнення`,
    // `МВФ прогнозирует рост`, `попереджають аналітики`).
    "ожидает",
    "ожидают",
    "прогнозирует",
    "прогнозируют",
    "предупреждает",
    "предупреждают",
    "очікує",
    "очікують",
    "прогнозує",
    "прогнозують",
    "попереджає",
    "попереджають",
    "чакае",
    "чакаюць",
    "прагназуе",
    "прагназуюць",
    "папярэджвае",
    "папярэджваюць",
    "oczekuje",
    "oczekują",
    "prognozuje",
    "prognozują",
    "ostrzega",
    "ostrzegają",
    // Rejecting, in the present (`Минск отвергает обвинения`, `Mińsk odrzuca te
    // oskarżenia`).
    "отвергает",
    "отвергают",
    "відкидає",
    "відкидають",
    "адкідае",
    "адкідаюць",
    "odrzuca",
    "odrzucają",
    "сообщается",
    "сообщалось",
    "известно",
    "відомо",
    "вядома",
    "wiadomo",
    // Criticising, complaining and promising, in the present (`Организации критикуют
    // это решение`), and the Polish demanding (`Samorządy domagają się rekompensat`):
    // `требует`, `вимагає`, `патрабуе` also require (`Ситуация требует срочных мер`).
    "критикует",
    "критикуют",
    "жалуется",
    "жалуются",
    "обещает",
    "обещают",
    "критикує",
    "критикують",
    "скаржиться",
    "скаржаться",
    "обіцяє",
    "обіцяють",
    "крытыкуе",
    "крытыкуюць",
    "скардзіцца",
    "скардзяцца",
    "абяцае",
    "абяцаюць",
    "domaga się",
    "domagają się",
    "żąda",
    "żądają",
    "krytykuje",
    "krytykują",
    "skarży się",
    "skarżą się",
    "obiecuje",
    "obiecują",
    // Ukrainian.
    "заявляє",
    "заявляють",
    "повідомляє",
    "повідомляють",
    "каже",
    "кажуть",
    "вважає",
    "вважають",
    "зазначає",
    "зазначають",
    "наголошує",
    "наголошують",
    "пише",
    "пишуть",
    "стверджує",
    "стверджують",
    "переконаний",
    "переконана",
    "переконані",
    "повідомляється",
    "повідомлялося",
    // Belarusian.
    "заяўляе",
    "заяўляюць",
    "паведамляе",
    "паведамляюць",
    "кажа",
    "кажуць",
    "лічыць",
    "лічаць",
    "адзначае",
    "адзначаюць",
    "падкрэслівае",
    "падкрэсліваюць",
    "піша",
    "пішуць",
    "сцвярджае",
    "сцвярджаюць",
    "упэўнены",
    "упэўненая",
    "упэўненыя",
    "паведамляецца",
    "паведамлялася",
    // Polish.
    "powiedzieli",
    "przypomnieli",
    "zapowiedzieli",
    "ostrzegł",
    "ostrzegła",
    "ostrzegli",
    "mówi",
    "mówią",
    "twierdzi",
    "twierdzą",
    "uważa",
    "uważają",
    "podaje",
    "podają",
    "informuje",
    "informują",
    "pisze",
    "piszą",
    "przekonuje",
    "zaznacza",
    "podkreśla",
    "ocenia",
    "oceniają",
    "zapowiada",
    "zapowiadają",
    "przyznaje",
    "przyznają",
    "deklaruje",
    "deklarują",
    "jest przekonany",
    "jest przekonana",
    "są przekonani",
    // What a statement says (`В заявлении МИД говорится, что …`, `У заяві МЗС
    // йдеться`, `W oświadczeniu MSZ czytamy`): its body, before, is the speaker.
    "говорится",
    "йдеться",
    "гаворыцца",
    "czytamy",
];

/// Presents of telling, cues in the four languages (`Как рассказывает женщина, …`, `Jak
/// relacjonuje kobieta`), and a dialogue's attribution after its dash (`— …, —
/// розповідає вона`); not when telling about something (`Фильм рассказывает о войне`).
pub(super) const TELLING_PRESENTS: &[&str] = &[
    "рассказывает",
    "рассказывают",
    "розповідає",
    "розповідають",
    "расказвае",
    "расказваюць",
    "opowiada",
    "opowiadają",
    "relacjonuje",
    "relacjonują",
];

/// Phrases that name a statement's source after them (`по словам министра`, `według
/// rzecznika`): the speaker stands after the phrase.
const SOURCE_PHRASES: &[&str] = &[
    // Russian.
    "по словам",
    // A speaker's pronoun inside the phrase (`По его словам, …`, `Jego zdaniem …`): that
    // pronoun is the speaker.
    "по его словам",
    "по ее словам",
    "по её словам",
    "по их словам",
    "по его мнению",
    "по ее мнению",
    "по её мнению",
    "за його словами",
    "за її словами",
    "за їхніми словами",
    "на його думку",
    "на її думку",
    "па яго словах",
    "па яе словах",
    "па іх словах",
    "паводле яго слоў",
    "паводле яе слоў",
    "паводле іх слоў",
    "з яго слоў",
    "з яе слоў",
    "са слоў",
    "на яго думку",
    "на яе думку",
    "на іх думку",
    "jego zdaniem",
    "jej zdaniem",
    "ich zdaniem",
    "по данным",
    // With the adjective news gives the data (`По предварительным данным, пострадавших
    // нет`): no speaker follows, the outlet asserts it.
    "по предварительным данным",
    "по официальным данным",
    "по последним данным",
    "по уточненным данным",
    "по уточнённым данным",
    "по неофициальным данным",
    "по имеющимся данным",
    "по предварительной информации",
    "за попередніми даними",
    "за офіційними даними",
    "за останніми даними",
    "за уточненими даними",
    "за наявними даними",
    "за наявною інформацією",
    "па папярэдніх звестках",
    "па папярэдніх даных",
    "па афіцыйных даных",
    "по информации",
    "по сведениям",
    "по мнению",
    "как сообщает",
    "как сообщают",
    "как сообщил",
    "как сообщила",
    "как сообщили",
    "как пишет",
    "как передает",
    "как передаёт",
    // `Как стало известно «Зеркалу»`: the outlet that learned it.
    "как стало известно",
    "як стало відомо",
    "як стала вядома",
    "со ссылкой на",
    "согласно",
    // What a document shows, and whose estimate it is (`Как следует из документа`,
    // `По оценкам экспертов`).
    "как следует из",
    "по оценкам",
    "як випливає з",
    "за оцінками",
    "як вынікае з",
    "паводле ацэнак",
    "jak wynika z",
    "według szacunków",
    // Ukrainian.
    "за словами",
    "за даними",
    "за інформацією",
    "на думку",
    "як повідомляє",
    "як повідомляють",
    "як повідомив",
    "як повідомила",
    "як повідомили",
    "як пише",
    "з посиланням на",
    // Belarusian.
    "паводле",
    "па словах",
    "па звестках",
    "па дадзеных",
    "як паведамляе",
    "як паведамляюць",
    "як паведаміў",
    "як паведаміла",
    "як паведамілі",
    "як піша",
    "са спасылкай на",
    // Polish.
    "według",
    "wg",
    "zdaniem",
    "jak podaje",
    "jak podają",
    "jak poinformował",
    "jak poinformowała",
    "jak poinformowali",
    "jak pisze",
    "jak przekazał",
    "powołując się na",
    "cytowany przez",
    "cytowana przez",
];

/// Impersonal cues (`сообщается`, `it is reported`): the outlet asserts them.
const IMPERSONAL_CUES: &[&str] = &[
    "сообщается",
    "повідомляється",
    "паведамляецца",
    // And in the past (`Ранее сообщалось, что …`).
    "сообщалось",
    "повідомлялося",
    "паведамлялася",
    // What is known (`Известно о трех погибших`, `Відомо, що …`, `Wiadomo, że …`).
    "известно",
    "відомо",
    "вядома",
    "wiadomo",
];

/// Event verbs of the perfective past: (stems, endings).
const EVENT_PASTS: &[(&[&str], &[&str])] = &[
    (
        &[
            "задержа",
            "арестова",
            "подписа",
            "атакова",
            "освободи",
            "приговори",
            "обстреля",
            "уничтожи",
            "сби",
            "взорва",
            "прибы",
            "нача",
            "заверши",
            "запрети",
            "уби",
            "назначи",
            "уволи",
            "отправи",
            "направи",
            "переброси",
            "размести",
            "посети",
            "приня",
            "утверди",
            "высла",
            "призва",
            "мобилизова",
            "провери",
            "покину",
            // Taking, gathering, selling, losing: `Армия взяла город`, `продала оружие`.
            "взя",
            "заня",
            "собра",
            "прода",
            "сда",
            "отда",
            "потеря",
            // Filing: `Адвокат подал апелляцию`.
            "пода",
            // Lifting, refusing, raising, creating, issuing, attacking, seizing: `ЕС
            // снял санкции`, `Суд отказал в иске`, `изъяли технику`.
            "сня",
            "отказа",
            "подня",
            "созда",
            "выда",
            "напа",
            "сорва",
            "изъя",
            // Convening: `Премьер созвал совещание`.
            "созва",
            "показа",
        ],
        RU_PAST,
    ),
    (&["встрети", "собра", "верну"], RU_PAST_REFLEXIVE),
    (
        &[
            "затрима",
            "заарештува",
            "підписа",
            "атакува",
            "звільни",
            "засуди",
            "обстріля",
            "знищи",
            "зби",
            "підірва",
            "прибу",
            "поча",
            "заверши",
            "заборони",
            "призначи",
            "відправи",
            "направи",
            "перекину",
            "розмісти",
            "відвіда",
            "ухвали",
            "мобілізува",
            "покину",
            "взя",
            "зайня",
            "зібра",
            "прода",
            "втрати",
            "отрима",
            "зня",
            "відмови",
            "підня",
            "створи",
            "напа",
            "склика",
            // Filing: `Директор подав у відставку`, `подала апеляцію`.
            "пода",
            "показа",
        ],
        UK_PAST,
    ),
    (&["зустрі", "зібра", "поверну"], UK_PAST_REFLEXIVE),
    (
        &[
            "затрыма",
            "арыштава",
            "падпіса",
            "атакава",
            "вызвалі",
            "асудзі",
            "абстраля",
            "знішчы",
            "збі",
            "падарва",
            "прыбы",
            "пача",
            "завяршы",
            "забарані",
            "прызначы",
            "адправі",
            "накірава",
            "перакіну",
            "размясці",
            "наведа",
            "зацвердзі",
            "мабілізава",
            "пакіну",
            "прыня",
            "правяры",
            // After a vowel, `у` is written `ў` (`Армія ўзяла горад`).
            "узя",
            "ўзя",
            "заня",
            "сабра",
            "прада",
            "страці",
            "атрыма",
            "зня",
            "адмові",
            "падня",
            "ствары",
            "напа",
            "скліка",
            // Expressing (`МЗС выказаў пратэст`): Belarusian pasts in `-аў` are left to
            // the list, since genitive plurals end so.
            "выказа",
            "паказа",
        ],
        BE_PAST,
    ),
    (&["сустрэ", "сабра", "вярну"], BE_PAST_REFLEXIVE),
    (
        &[
            "zatrzyma",
            "aresztowa",
            "podpisa",
            "spotka",
            "zaatakowa",
            "uwolni",
            "skaza",
            "ostrzela",
            "zniszczy",
            "zestrzeli",
            "wysadzi",
            "przyby",
            "zakończy",
            "otworzy",
            "zakaza",
            "mianowa",
            "wysła",
            "skierowa",
            "przerzuci",
            "rozmieści",
            "odwiedzi",
            "uchwali",
            "zwolni",
            "zatwierdzi",
            "wprowadzi",
            "zmobilizowa",
            "opuści",
            "powoła",
            "sprzeda",
            "zebra",
            "straci",
            "otrzyma",
            // Convening: `Premier zwołał posiedzenie`.
            "zwoła",
            // Flooding: `Powódź zalała kilka wsi`.
            "zala",
            "pokaza",
            "wykaza",
        ],
        PL_PAST,
    ),
];

/// Event verbs written out: pasts whose forms no paradigm above makes.
const EVENT_FORMS: &[&str] = &[
    // `wziąć` and `zająć`, too short for the guess of `-ął`/`-ęła`.
    "wziął",
    "wzięła",
    "wzięło",
    "wzięli",
    "wzięły",
    "zajął",
    "zajęła",
    "zajęło",
    "zajęli",
    "zajęły",
    "zdjął",
    "zdjęła",
    "zdjęło",
    "zdjęli",
    "zdjęły",
    "провёл",
    "провел",
    "провела",
    "провело",
    "провели",
    "ввёл",
    "ввел",
    "ввела",
    "ввело",
    "ввели",
    "погиб",
    "погибла",
    "погибли",
    "правёў",
    "правяла",
    "правялі",
    "увёў",
    "ўвёў",
    "увяла",
    "ўвяла",
    "увялі",
    "ўвялі",
    "загінуў",
    "загінула",
    "загінулі",
    "загинув",
    "загинула",
    "загинули",
    "rozpoczął",
    "rozpoczęła",
    "rozpoczęli",
    "zamknął",
    "zamknęła",
    "zamknęli",
    "przyjął",
    "przyjęła",
    "przyjęli",
    "zginął",
    "zginęła",
    "zginęli",
    // Carried, drove away (`Суд вынес приговор`, `Его вывез в Вильнюс`): pasts of stems
    // in `с`, `з` in the masculine and feminine; the plural is guessed (`вывезли`).
    "вынес",
    "вынесла",
    "вынесло",
    "вывез",
    "вывезла",
    "перевез",
    "перевёз",
    "перевезла",
    "привез",
    "привёз",
    "привезла",
    "виніс",
    "винесла",
    "вивіз",
    "вивезла",
    "перевіз",
    "перевезла",
    "привіз",
    "привезла",
    // Came, left, went in or out, found: pasts of `идти` and `найти`, too short for the
    // guess (`Силовики пришли к нему домой`).
    "пришёл",
    "пришел",
    "пришла",
    "пришли",
    "ушёл",
    "ушел",
    "ушла",
    "ушли",
    "вошли",
    "вышел",
    "вышла",
    "вышли",
    "нашёл",
    "нашел",
    "нашла",
    "нашли",
    "прийшов",
    "прийшла",
    "прийшли",
    "пішов",
    "пішла",
    "пішли",
    "вийшов",
    "вийшла",
    "вийшли",
    "знайшов",
    "знайшла",
    "знайшли",
    "прыйшоў",
    "прыйшла",
    "прыйшлі",
    "пайшоў",
    "пайшла",
    "пайшлі",
    "выйшаў",
    "выйшла",
    "выйшлі",
    "знайшоў",
    "знайшлі",
    // Opened a case: pasts of `завести`, `завесці` (`Милиция завела уголовное дело`).
    "завёл",
    "завел",
    "завела",
    "завели",
    "завёў",
    "завяла",
    "завялі",
    "przyszedł",
    "przyszła",
    "przyszli",
    "poszedł",
    "poszła",
    "poszli",
    "wyszedł",
    "wyszła",
    "wyszli",
    "weszli",
    "znalazł",
    "znalazła",
    "znaleźli",
    // Took place, occurred, rose, fell.
    "прошёл",
    "прошел",
    "прошла",
    "прошло",
    "прошли",
    "произошёл",
    "произошел",
    "произошла",
    "произошло",
    "произошли",
    "вырос",
    "выросла",
    "выросло",
    "выросли",
    "возрос",
    "возросла",
    "возросло",
    "возросли",
    "упал",
    "упала",
    "упало",
    "упали",
    "зріс",
    "зросла",
    "зросло",
    "зросли",
    "пройшов",
    "пройшла",
    "пройшло",
    "пройшли",
    "виріс",
    "виросла",
    "виросло",
    "виросли",
    "впав",
    "впала",
    "впало",
    "впали",
    "прайшоў",
    "прайшла",
    "прайшло",
    "прайшлі",
    "вырас",
    "вырасла",
    "вырасло",
    "выраслі",
    "узрос",
    "узрасла",
    "узрасло",
    "узраслі",
    "упаў",
    "упалі",
    "doszło",
    "odbył",
    "odbyła",
    "odbyło",
    "odbyły",
    "wzrósł",
    "wzrosła",
    "wzrosło",
    "wzrosły",
    "urósł",
    "urosła",
    "urosło",
    "urosły",
    "spadł",
    "spadła",
    "spadło",
    "spadły",
    "przeszedł",
    "przeszła",
    "przeszli",
    // Broke out, died: Polish pasts of stems in a consonant (`W rafinerii wybuchł pożar`).
    // Abolished, lifted (`Białoruś zniosła obowiązek wizowy`).
    "zniósł",
    "zniosła",
    "zniosło",
    "zniosły",
    "wybuchł",
    "wybuchła",
    "wybuchło",
    "wybuchły",
    "zmarł",
    "zmarła",
    "zmarło",
    "upadł",
    "upadła",
    // Found, dealt (a blow), flew in, became: stems no paradigm above makes.
    "нашёл",
    "нашел",
    "нашла",
    "нашли",
    "нанёс",
    "нанес",
    "нанесла",
    "нанесли",
    "прилетел",
    "прилетела",
    "вылетел",
    "вылетела",
    "стал",
    "стала",
    "стали",
    "провів",
    "привів",
    "вивів",
    "перевів",
    "завдав",
    "завдала",
    "завдали",
    "став",
    "стаў",
    "сталі",
    "wezwał",
    "wezwała",
    "przekazał",
    "przekazała",
    "wydał",
    "wydała",
    "uznał",
    "uznała",
    "przyznał",
    "przyznała",
    "zażądał",
    "zażądała",
    "zapowiedział",
    "zapowiedziała",
    "wysłał",
    "wysłała",
    "odebrał",
    "odebrała",
    // Went out, left, dealt in, dispersed, thundered, released.
    "вышел",
    "вышла",
    "вышло",
    "вышли",
    "ушёл",
    "ушел",
    "ушла",
    "ушли",
    "внёс",
    "внес",
    "внесла",
    "внесли",
    "разогнала",
    "прогремел",
    "прогремела",
    "вийшов",
    "вийшла",
    "вийшли",
    "випустив",
    "продовжив",
    "запустив",
    "выйшаў",
    "выйшла",
    "выйшлі",
    "wyjechał",
    "wyjechała",
    "wyszedł",
    "wyszła",
    "wyszli",
    "uciekł",
    "uciekła",
    "uciekli",
    // Kept, fled, helped, reached, suffered, happened: pasts of stems in a consonant, or
    // too short for the guess (`Нацбанк зберіг ставку`, `Політик утік`, `Никто не
    // пострадал`, `Вибух стався`).
    "зберіг",
    "зберегла",
    "зберегли",
    "утік",
    "втік",
    "утекла",
    "втекла",
    "утекли",
    "втекли",
    "уцёк",
    "уцякла",
    "уцяклі",
    "допоміг",
    "досяг",
    "досягла",
    "досягли",
    "помог",
    "помогла",
    "достиг",
    "достигла",
    "достигло",
    "достигли",
    "сжёг",
    "сжег",
    "сожгла",
    "сожгли",
    "поджёг",
    "поджег",
    "подожгла",
    "подожгли",
    "пострадал",
    "пострадала",
    "пострадало",
    "пострадали",
    "постраждав",
    "постраждала",
    "постраждали",
    "пацярпеў",
    "пацярпела",
    "пацярпелі",
    "стався",
    "сталася",
    "сталося",
    "сталися",
    "pomógł",
    "pomogła",
    "osiągnął",
];

/// Passive forms: (stems, endings).
const PASSIVES: &[(&[&str], &[&str])] = &[
    (
        &[
            "задержан",
            "арестован",
            "подписан",
            "освобожден",
            "освобождён",
            "осужден",
            "осуждён",
            "приговорен",
            "приговорён",
            "назначен",
            "уволен",
            "ранен",
            "убит",
            "сбит",
            "уничтожен",
            "отправлен",
            "направлен",
            "утвержден",
            "утверждён",
            "мобилизован",
            "признан",
            "разрушен",
            "поврежден",
            "повреждён",
            "введен",
            "введён",
            "запрещен",
            "запрещён",
            "отменен",
            "отменён",
            "обстрелян",
            // Handed down, taken, extended, charged, expelled, found, adopted, cut off:
            // `Приговор вынесен заочно`, `Закон принят`.
            "вынесен",
            "доставлен",
            "помещен",
            "помещён",
            "выпущен",
            "продлен",
            "продлён",
            "объявлен",
            "обвинен",
            "обвинён",
            "лишен",
            "лишён",
            "выслан",
            "выдворен",
            "похищен",
            "найден",
            "обнаружен",
            "принят",
            "одобрен",
            "восстановлен",
            "отключен",
            "остановлен",
            "приостановлен",
            "взорван",
            "сожжен",
            "сожжён",
        ],
        RU_SHORT_PARTICIPLE,
    ),
    (
        &[
            "затриман",
            "заарештован",
            "підписан",
            "звільнен",
            "засуджен",
            "призначен",
            "поранен",
            "вбит",
            "мобілізован",
            "заблокован",
        ],
        UK_PARTICIPLE,
    ),
    (
        &[
            "затрыман",
            "арыштаван",
            "падпісан",
            "вызвален",
            "асуджан",
            "прызначан",
            "паранен",
            "забіт",
            "мабілізаван",
            "заблакаван",
        ],
        BE_PARTICIPLE,
    ),
    (
        &[
            "zatrzyman",
            "aresztowan",
            "podpisan",
            "skazan",
            "zniszczon",
            "zestrzelon",
            "uwolnion",
            "zwolnion",
            "powołan",
            "wysłan",
            "skierowan",
            "zmobilizowan",
            "rann",
        ],
        PL_PARTICIPLE,
    ),
];

/// Impersonal passives written out (`затримано`, `zatrzymano`).
const PASSIVE_FORMS: &[&str] = &[
    "затримано",
    "заарештовано",
    "підписано",
    "звільнено",
    "засуджено",
    "знищено",
    "збито",
    "призначено",
    "ухвалено",
    "мобілізовано",
    "затрымана",
    "zatrzymano",
    "aresztowano",
    "podpisano",
    "skazano",
    "zniszczono",
    "zestrzelono",
    "uchwalono",
    "wprowadzono",
    "powołano",
    "wysłano",
    "skierowano",
    "zmobilizowano",
];

/// The relative pronouns in the nominative, the subject of their clause (`Лукашенко,
/// который ранее заявлял …`).
pub const NOMINATIVE_RELATIVES: &[&str] = &[
    "который",
    "которая",
    "которое",
    "которые",
    "котрий",
    "який",
    "яка",
    "яке",
    "які",
    "якая",
    "якое",
    "якія",
    "który",
    "która",
    "które",
    "którzy",
];

/// The relative pronouns in the other cases, which open a relative clause as well (`двое
/// пенсионеров, которых обвиняют в донатах`, `, w którym`).
const OBLIQUE_RELATIVES: &[&str] = &[
    "которого",
    "которой",
    "которому",
    "которым",
    "котором",
    "которых",
    "которыми",
    "которую",
    "якого",
    "якої",
    "якому",
    "якій",
    "яких",
    "якими",
    "якога",
    "якіх",
    "якімі",
    "якую",
    "którego",
    "której",
    "któremu",
    "którym",
    "których",
    "którymi",
    "którą",
];

/// The closed classes, by class (English class bits where they mean the same).
const WORDS: &[(Classes, &[&str])] = &[
    (
        en::SUBJECT_PRONOUN,
        &[
            "он", "она", "оно", "они", "він", "вона", "воно", "вони", "ён", "яна", "яно", "яны",
            "ona", "ono", "oni",
        ],
    ),
    (en::NEGATION, &["не", "ни", "нет", "ні", "ня", "nie"]),
    (
        CONDITIONAL | en::FRAME_WORD,
        &[
            "бы",
            "б",
            "би",
            "если",
            "ежели",
            "чтобы",
            "якщо",
            "щоб",
            "калі",
            "каб",
            "jeśli",
            "jeżeli",
            "gdyby",
            "żeby",
            "jakby",
        ],
    ),
    (
        DEMONSTRATIVE,
        &[
            "это",
            "этом",
            "этого",
            "этому",
            "эти",
            "этих",
            "то",
            "том",
            "того",
            "це",
            "цьому",
            "цього",
            "цим",
            "те",
            "гэта",
            "гэтым",
            "гэтага",
            "гэтаму",
            "tym",
            "tego",
            "temu",
        ],
    ),
    (
        en::PREPOSITION,
        &[
            // Russian.
            "в",
            "во",
            "на",
            "по",
            "о",
            "об",
            "обо",
            "с",
            "со",
            "к",
            "ко",
            "у",
            "из",
            "от",
            "до",
            "для",
            "за",
            "под",
            "над",
            "при",
            "про",
            "без",
            "через",
            "после",
            "перед",
            "между",
            "после",
            // Ukrainian.
            "з",
            "із",
            "зі",
            "від",
            "під",
            "після",
            "між",
            // Belarusian.
            "ў",
            "па",
            "пра",
            "са",
            "да",
            "ад",
            "пад",
            "пры",
            "праз",
            "пасля",
            "перад",
            "паміж",
            // Polish.
            "w",
            "we",
            "na",
            "po",
            "o",
            "z",
            "ze",
            "od",
            "dla",
            "za",
            "nad",
            "przy",
            "bez",
            "przez",
            "przed",
            "między",
            "wobec",
            // Openers of provisions (`згідно із законом`, `zgodnie z ustawą`).
            "згідно",
            "zgodnie",
        ],
    ),
    (
        en::CONJUNCTION,
        &[
            "и", "а", "но", "или", "і", "та", "але", "або", "ды", "oraz", "lub", "albo",
        ],
    ),
    (
        en::SUBORDINATOR,
        &[
            "что",
            "що",
            "што",
            "że",
            "iż",
            "поскольку",
            "оскільки",
            "ponieważ",
        ],
    ),
    (en::RELATIVE, NOMINATIVE_RELATIVES),
    (en::RELATIVE, OBLIQUE_RELATIVES),
    (
        en::ADVERB,
        &[
            "также",
            "тоже",
            "уже",
            "ранее",
            "вчера",
            "сегодня",
            "позже",
            "затем",
            "ещё",
            "еще",
            "вновь",
            "снова",
            "официально",
            "публично",
            "також",
            "теж",
            "вже",
            "раніше",
            "вчора",
            "сьогодні",
            "згодом",
            "знову",
            "офіційно",
            "таксама",
            "ужо",
            "раней",
            "учора",
            "сёння",
            "зноў",
            "афіцыйна",
            "także",
            "też",
            "już",
            "wcześniej",
            "wczoraj",
            "dzisiaj",
            "dziś",
            "później",
            "ponownie",
            "oficjalnie",
            "również",
            "publicznie",
            // Then (`Тогда Коул заявил`, `Potem rzecznik dodał`).
            "тогда",
            "потом",
            "тоді",
            "потім",
            "тады",
            "потым",
            "wtedy",
            "potem",
            "następnie",
        ],
    ),
    // Forms of `be` and `zostać`: the pasts are the passive rule's (`passive_after_be`).
    (en::BE, PAST_OF_BE),
    (en::BE, PAST_OF_ZOSTAC),
    (en::BE, &["jest", "są", "będzie", "есть"]),
    (
        en::AGENT_NOUN,
        &[
            // Russian.
            "министр",
            "министерство",
            "минобороны",
            "мид",
            "мвд",
            "пресс-служба",
            "пресс-секретарь",
            "представитель",
            "представительница",
            "спикер",
            "источник",
            "источники",
            "эксперт",
            "эксперты",
            "аналитик",
            "аналитики",
            "власти",
            "правительство",
            "президент",
            "премьер",
            "депутат",
            "командование",
            "генштаб",
            "полиция",
            "милиция",
            "суд",
            "прокуратура",
            "ведомство",
            "посольство",
            "журналисты",
            "издание",
            "агентство",
            "телеканал",
            "военные",
            "правозащитники",
            "командир",
            "командующий",
            "глава",
            "губернатор",
            "мэр",
            "посол",
            "активист",
            "активистка",
            "активисты",
            "адвокат",
            "адвокаты",
            "правозащитник",
            "правозащитница",
            "очевидцы",
            "свидетели",
            // Ukrainian.
            "міністр",
            "міністерство",
            "міноборони",
            "речник",
            "речниця",
            "пресслужба",
            "прес-служба",
            "представник",
            "представниця",
            "джерело",
            "джерела",
            "експерт",
            "експерти",
            "аналітик",
            "аналітики",
            "влада",
            "уряд",
            "командування",
            "поліція",
            "відомство",
            "посольство",
            "журналісти",
            "видання",
            "військові",
            "правозахисники",
            "командувач",
            "очільник",
            "голова",
            "активіст",
            "активістка",
            "активісти",
            "адвокат",
            "адвокати",
            "правозахисник",
            "правозахисниця",
            "очевидці",
            "свідки",
            // Belarusian.
            "міністэрства",
            "прэс-служба",
            "прадстаўнік",
            "прадстаўніца",
            "крыніца",
            "крыніцы",
            "эксперты",
            "аналітык",
            "аналітыкі",
            "улады",
            "урад",
            "прэзідэнт",
            "дэпутат",
            "камандаванне",
            "міліцыя",
            "пракуратура",
            "ведамства",
            "пасольства",
            "журналісты",
            "выданне",
            "агенцтва",
            "тэлеканал",
            "вайскоўцы",
            "праваабаронцы",
            "камандзір",
            "кіраўнік",
            "старшыня",
            "актывіст",
            "актывістка",
            "актывісты",
            "адвакат",
            "адвакаты",
            "праваабаронца",
            "відавочцы",
            "сведкі",
            // Polish.
            "ministerstwo",
            "rzecznik",
            "rzeczniczka",
            "źródło",
            "źródła",
            "ekspert",
            "eksperci",
            "analityk",
            "analitycy",
            "władze",
            "rząd",
            "prezydent",
            "policja",
            "sąd",
            "prokuratura",
            "ambasada",
            "dziennikarze",
            "wojsko",
            "wojskowi",
            "obrońcy",
            "dowódca",
            "aktywista",
            "aktywistka",
            "aktywiści",
            "adwokat",
            "adwokaci",
            "prawnik",
            "świadkowie",
            "szef",
            "wojewoda",
            "ambasador",
        ],
    ),
];

/// The first words of provisions (`согласно закону`, `według ustawy`), and the stems of
/// the nouns of law that make one: what a law provides is no claim.
const PROVISION_OPENERS: &[&str] = &[
    "согласно",
    "згідно",
    "паводле",
    "według",
    "wg",
    "zgodnie",
    "по",
    "за",
];
const LAW_STEMS: &[&str] = &[
    "закон",
    "указ",
    "декрет",
    "постановлен",
    "поправк",
    "кодекс",
    "конституц",
    "пастанов",
    "ўказ",
    "канстытуц",
    "ustaw",
    "przepis",
    "rozporządzen",
    "dekret",
    "kodeks",
    "konstytuc",
    "nowelizac",
];

/// Every form of `(stems, endings)` tables.
fn forms<'a>(table: &'a [(&'a [&'a str], &'a [&'a str])]) -> impl Iterator<Item = String> + 'a {
    table.iter().flat_map(|(stems, endings)| {
        stems
            .iter()
            .flat_map(move |stem| endings.iter().map(move |ending| format!("{stem}{ending}")))
    })
}

/// The reporting cues and source phrases of the four languages, lower-case: the built-in
/// cue lexicon's part beyond English (`config::Config::default` adds them).
pub fn cue_phrases() -> impl Iterator<Item = String> {
    forms(CUE_PASTS)
        .chain(
            CUE_FORMS
                .iter()
                .chain(TELLING_PRESENTS)
                .map(|cue| cue.to_string()),
        )
        .chain(SOURCE_PHRASES.iter().map(|cue| cue.to_string()))
        .flat_map(|cue| {
            let after_vowel = spelled_after_vowel(&cue);
            std::iter::once(cue).chain(after_vowel)
        })
}

/// A word that opens with `у` as Belarusian writes it after a vowel, with `ў` (`ўлады`,
/// `Крыніца ўдакладніла`): the lexicon lists the `у` spelling, and takes both.
pub(super) fn spelled_after_vowel(word: &str) -> Option<String> {
    word.strip_prefix('у').map(|rest| format!("ў{rest}"))
}

/// Every word of this lexicon with its classes, for the claim finder's one word map
/// (`english::classes` looks both up at once).
pub(super) fn word_classes() -> Vec<(String, Classes)> {
    let mut out: Vec<(String, Classes)> = Vec::new();
    for (class, words) in WORDS {
        out.extend(words.iter().map(|word| (word.to_string(), *class)));
    }
    out.extend(forms(EVENT_PASTS).map(|form| (form, EVENT_PAST)));
    out.extend(
        EVENT_FORMS
            .iter()
            .map(|form| (form.to_string(), EVENT_PAST)),
    );
    out.extend(forms(PASSIVES).map(|form| (form, PASSIVE_FORM)));
    out.extend(
        crate::temporal::scheduled_futures().map(|form| (form.to_string(), SCHEDULED_FUTURE)),
    );
    out.extend(
        PASSIVE_FORMS
            .iter()
            .map(|form| (form.to_string(), PASSIVE_FORM)),
    );
    out.extend(
        PLAN_VERBS
            .iter()
            .chain(STILL_ADVERBS)
            .chain(ACTION_PRESENTS)
            .chain(WORKING_PRESENTS)
            .chain(HABIT_WORDS)
            .map(|word| (word.to_string(), SLAVIC_RULE_WORD)),
    );
    out.extend(
        forms(HANDING_OVER)
            .chain(
                crate::temporal::schedule_verbs()
                    .chain(COULD_PASTS.iter().copied())
                    .map(str::to_string),
            )
            .map(|form| (form, SLAVIC_RULE_WORD)),
    );
    // Cue words are marked too, so that a sentence with only a Polish cue written in
    // ASCII (`dodali`) is still read with the Slavic speaker rules.
    out.extend(
        cue_phrases()
            .flat_map(|cue| {
                cue.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .map(|word| (word, 0)),
    );
    // A Latin letter alone (the Polish `w`, `z`, `o`) is more often an initial or a
    // letter in English text (`George W. Bush`, `Generation Z`): left out.
    out.retain(|(word, _)| !(word.is_ascii() && word.len() == 1));
    for (word, classes) in &mut out {
        // Two Latin letters (`na`, `po`, `od`) do not make a sentence Polish either.
        if !(word.is_ascii() && word.len() <= 2) {
            *classes |= SLAVIC;
        }
        // `przed` would otherwise pass for an English regular past.
        if word.ends_with("ed") {
            *classes |= en::NOT_A_VERB;
        }
    }
    out
}

/// Whether the cue that starts with the word `first` names its source after it (`по
/// словам министра`, `według rzecznika`) rather than before.
pub fn is_source_phrase(first: &str, cue_words: usize) -> bool {
    match first {
        "паводле" | "według" | "wg" | "zdaniem" | "согласно" => true,
        "по" | "как" | "со" | "за" | "на" | "як" | "з" | "па" | "са" | "jak" | "powołując"
        | "cytowany" | "cytowana" => cue_words > 1,
        _ => false,
    }
}

/// Whether a cue word is impersonal (`сообщается`): the outlet asserts it.
pub fn is_impersonal(cue: &str) -> bool {
    IMPERSONAL_CUES.contains(&cue)
}

/// The one-word personal pronouns whose referent is the latest speaker (`он сказал`), and
/// their possessives inside a source phrase (`по его словам`).
pub fn is_singular_pronoun(word: &str) -> bool {
    matches!(
        word,
        "он" | "она" | "він" | "вона" | "ён" | "яна" | "on" | "ona"
    ) || is_singular_possessive(word)
}

/// The possessives of `he` and `she` that a source phrase holds (`по его словам`, `за її
/// словами`, `jego zdaniem`): like the pronoun, they stand for the latest speaker.
fn is_singular_possessive(word: &str) -> bool {
    matches!(
        word,
        "его" | "ее" | "её" | "його" | "її" | "яго" | "яе" | "jego" | "jej"
    )
}

/// The speaker's pronoun inside a source phrase (`по его словам`, `по их словам`, `ich
/// zdaniem`), singular or plural.
pub fn is_possessive_in_source(word: &str) -> bool {
    is_singular_possessive(word) || matches!(word, "их" | "їхніми" | "іх" | "ich")
}

/// Whether the sentence states what a law provides: `Согласно закону, …`, `Według
/// ustawy …`, `За законом …`.
pub fn is_provision(words: &SentenceWords) -> bool {
    if !PROVISION_OPENERS.contains(&words.lower(0)) {
        return false;
    }
    (1..words.len().min(5))
        .take_while(|&index| !words.punctuated_before(index))
        .any(|index| {
            let word = words.lower(index);
            LAW_STEMS.iter().any(|stem| word.starts_with(stem))
        })
}

/// Marks in `blocked` the words that a conditional (`если`, `якщо`, `jeśli`, `бы`) leaves
/// unasserted, to the next punctuation.
pub fn block_conditionals(words: &SentenceWords, blocked: &mut [bool]) {
    if !words.any(CONDITIONAL) {
        return;
    }
    let mut inside = false;
    for index in 0..words.len() {
        if inside && words.punctuated_before(index) {
            inside = false;
        }
        if words.classes(index) & CONDITIONAL != 0 {
            inside = true;
            // `подписал бы`: the particle after the verb makes it conditional too.
            if let Some(slot) = index
                .checked_sub(1)
                .and_then(|before| blocked.get_mut(before))
            {
                *slot = true;
            }
        }
        if inside {
            if let Some(slot) = blocked.get_mut(index) {
                *slot = true;
            }
        }
    }
}

/// Presents of continuing (`Польша продолжает строительство стены`, `Мобилізація
/// продовжується`, `Polska kontynuuje budowę`): a named subject's ongoing action, as an
/// English `are monitoring`, when a subject stands before the verb. Other presents are
/// not read as events: without an aspect of their own, they tell habits and states as
/// often (`Беларусь граничит с тремя странами НАТО`, `Эксперты критикуют решение`).
const CONTINUING_PRESENTS: &[&str] = &[
    "продолжает",
    "продолжают",
    "продолжается",
    "продолжаются",
    "продовжує",
    "продовжують",
    "продовжується",
    "продовжуються",
    "працягвае",
    "працягваюць",
    "працягваецца",
    "працягваюцца",
    "kontynuuje",
    "kontynuują",
    // Going on, lasting: `Бои тривають на Покровському напрямку`, `Walki trwają`.
    "длится",
    "длятся",
    "триває",
    "тривають",
    "доўжыцца",
    "доўжацца",
    "trwa",
    "trwają",
];

/// The presents of [`CONTINUING_PRESENTS`] that take no object, and so may open their
/// sentence before the subject, as the reflexive ones do (`Триває мобілізація`, `Trwa
/// akcja ratunkowa`).
const GOING_ON_WITHOUT_OBJECT: &[&str] = &["триває", "тривають", "trwa", "trwają"];

/// Whether the word at `index` is a present of continuing with its subject: before it,
/// not cut from it by punctuation (`Как сообщает «Наша Ніва», призыв продолжается` has
/// `призыв`), or, for the reflexive forms and the others that need no object, right
/// after it at the sentence's start (`Продолжается мобилизация`). `— Продолжается.` has
/// none.
fn continuing_present(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    if !CONTINUING_PRESENTS.contains(&lower) {
        return false;
    }
    if index > 0 {
        return !words.punctuated_before(index);
    }
    let reflexive = ["ся", "цца"].iter().any(|ending| lower.ends_with(ending))
        || GOING_ON_WITHOUT_OBJECT.contains(&lower);
    reflexive && words.len() > 1 && !words.punctuated_before(1)
}

/// Presents of actions that the news tells as going on when it names who does them:
/// drills held, a town stormed or shelled, an advance, an evacuation, a search, roads
/// blocked, a strike or a protest, rubble cleared, a fire fought, a battle fought
/// (`Белорусские военные проводят учения у границы`, `Рятувальники розбирають завали`,
/// `Rolnicy blokują drogi`), as `are holding drills` is an ongoing action in English.
/// Third person only, in forms that are no infinitive of another of the languages (the
/// Ukrainian `проводить` is the Russian infinitive, and is left out).
const ACTION_PRESENTS: &[&str] = &[
    "проводят",
    "проводит",
    "штурмуют",
    "штурмует",
    "обстреливают",
    "обстреливает",
    "атакуют",
    "атакует",
    "наступают",
    "эвакуируют",
    "разбирают",
    "тушат",
    "ищут",
    "разыскивают",
    "блокируют",
    "бастуют",
    "протестуют",
    "бомбят",
    "ведут",
    "проводять",
    "штурмують",
    "штурмує",
    "обстрілюють",
    "обстрілює",
    "атакують",
    "атакує",
    "наступають",
    "евакуюють",
    "розбирають",
    "гасять",
    "шукають",
    "розшукують",
    "блокують",
    "страйкують",
    "протестують",
    "ведуть",
    "праводзяць",
    "штурмуюць",
    "абстрэльваюць",
    "атакуюць",
    "атакуе",
    "наступаюць",
    "эвакуююць",
    "разбіраюць",
    "тушаць",
    "шукаюць",
    "блакуюць",
    "бастуюць",
    "пратэстуюць",
    "вядуць",
    "prowadzą",
    "przeprowadzają",
    "przeprowadza",
    "szturmują",
    "ostrzeliwują",
    "ostrzeliwuje",
    "atakują",
    "atakuje",
    "nacierają",
    "ewakuują",
    "gaszą",
    "szukają",
    "poszukują",
    "przeszukują",
    "blokują",
    "strajkują",
    "protestują",
];

/// Presents of working, which tell an action going on only at the scene of a happening
/// ([`at_the_scene`]).
const WORKING_PRESENTS: &[&str] = &[
    "работают",
    "работает",
    "працюють",
    "працює",
    "працуюць",
    "працуе",
    "pracują",
    "pracuje",
];

/// Whether the present of working at `index` follows `на месте`, `на місці`, `на месцы`,
/// `na miejscu` (or their plurals), with at most two words between (`На месте
/// происшествия работают спасатели`, `Na miejscu pracują strażacy`), or comes right
/// before it: work at the scene, going on.
fn at_the_scene(words: &SentenceWords, index: usize) -> bool {
    let scene = |at: usize| {
        at > 0
            && matches!(
                words.lower(at),
                "месте"
                    | "местах"
                    | "місці"
                    | "місцях"
                    | "месцы"
                    | "месцах"
                    | "miejscu"
                    | "miejscach"
            )
            && matches!(words.lower(at - 1), "на" | "na")
    };
    // Before the verb (`На месте работают спасатели`), or right after it (`Бригади
    // вже працюють на місцях`).
    (index.saturating_sub(3)..index)
        .any(|at| scene(at) && !(at + 1..=index).any(|after| words.punctuated_before(after)))
        || (scene(index + 2) && !words.punctuated_before(index + 1))
}

/// Words that make a present a habit, wherever they stand in the sentence (`Россия
/// регулярно атакует …`, `Щороку армія проводить …`, `Co roku rolnicy protestują`):
/// every day or year, often, usually, as a rule, by tradition.
pub(super) const HABIT_WORDS: &[&str] = &[
    "каждый",
    "каждую",
    "каждое",
    "ежедневно",
    "еженедельно",
    "ежемесячно",
    "ежегодно",
    "регулярно",
    "часто",
    "обычно",
    "постоянно",
    "иногда",
    "традиционно",
    "кожен",
    "кожного",
    "кожну",
    "щодня",
    "щороку",
    "зазвичай",
    "постійно",
    "іноді",
    "традиційно",
    "кожны",
    "кожную",
    "штодня",
    "штогод",
    "рэгулярна",
    "часта",
    "звычайна",
    "пастаянна",
    "традыцыйна",
    "każdego",
    "każdą",
    "codziennie",
    "corocznie",
    "regularnie",
    "często",
    "zwykle",
    "zazwyczaj",
    "stale",
    "czasem",
    "tradycyjnie",
];

/// Whether the word at `index` is one of [`ACTION_PRESENTS`] right after its subject (not
/// cut from it by punctuation, not opening the sentence), in a sentence that tells no
/// habit ([`HABIT_WORDS`]) and does not negate it.
fn action_present(words: &SentenceWords, index: usize) -> bool {
    if index == 0 || words.classes(index) & SLAVIC_RULE_WORD == 0 {
        return false;
    }
    let lower = words.lower(index);
    if WORKING_PRESENTS.contains(&lower) {
        return at_the_scene(words, index);
    }
    if !ACTION_PRESENTS.contains(&lower) || words.punctuated_before(index) || negated(words, index)
    {
        return false;
    }
    // `проводит политику`, `prowadzi politykę`: a course held, not an act.
    let course = words.lower(index + 1);
    if ["политик", "політик", "палітык", "polityk", "курс", "kurs"]
        .iter()
        .any(|stem| course.starts_with(stem))
    {
        return false;
    }
    !(0..words.len()).any(|at| {
        let lower = words.lower(at);
        (words.classes(at) & SLAVIC_RULE_WORD != 0 && HABIT_WORDS.contains(&lower))
            // `co roku`, `co tydzień`: every year, every week.
            || (lower == "co"
                && matches!(
                    words.lower(at + 1),
                    "roku" | "rok" | "tydzień" | "miesiąc" | "dzień" | "noc" | "weekend"
                ))
    })
}

/// Whether the word at `index` is a present that an adverb right before it makes an
/// action going on now (`Рятувальники досі розбирають завали`, `Спасатели всё ещё
/// разбирают завалы`, `Rolnicy nadal blokują przejście`, `Akcja wciąż trwa`): a named
/// subject's ongoing action, as `are still clearing` is in English. Not negated (`досі не
/// знають`), not a state (`по-прежнему остаётся`), and only after a subject.
fn present_going_on(words: &SentenceWords, index: usize) -> bool {
    let Some(adverb) = index.checked_sub(1) else {
        return false;
    };
    // Most words are turned away by their class, before their text is read.
    if words.classes(adverb) & SLAVIC_RULE_WORD == 0 {
        return false;
    }
    // Where the adverb starts: `всё ещё`, `усё яшчэ`, `до сих пор` are read from their
    // last word; the other adverbs of the list are one word.
    let before = |back: usize| adverb.checked_sub(back).map_or("", |at| words.lower(at));
    let adverb_start = match words.lower(adverb) {
        "ещё" | "еще" if matches!(before(1), "всё" | "все") => adverb - 1,
        "яшчэ" if matches!(before(1), "усё" | "ўсё") => adverb - 1,
        "пор" if before(1) == "сих" && before(2) == "до" => adverb - 2,
        "ещё" | "еще" | "яшчэ" | "пор" => return false,
        word if STILL_ADVERBS.contains(&word) => adverb,
        _ => return false,
    };
    if words.punctuated_before(index) || words.capitalised(index) {
        return false;
    }
    let lower = words.lower(index);
    let present = if lower.chars().next().is_some_and(is_cyrillic) {
        lower.chars().count() >= 5
            && [
                "ют", "ут", "ят", "ат", "ет", "ёт", "ит", "ють", "уть", "ять", "ає", "ує", "яє",
                "ює", "юць", "уць", "яць", "аць", "ае", "уе", "ся", "ться", "цца",
            ]
            .iter()
            .any(|ending| lower.ends_with(ending))
    } else {
        ["ą", "uje", "a"]
            .iter()
            .any(|ending| lower.ends_with(ending))
    };
    // The adverb opens no sentence here: something stands before it, the subject (`Akcja
    // wciąż trwa`, `Рятувальники досі`), or a place (`На кордоні досі стоять`).
    present && adverb_start > 0 && !STATES_GOING_ON.contains(&lower)
}

/// The adverbs of `still` and `now` that [`present_going_on`] reads, and the last words
/// of `всё ещё`, `усё яшчэ`, `до сих пор`.
const STILL_ADVERBS: &[&str] = &[
    "сейчас",
    "по-прежнему",
    "досі",
    "зараз",
    "наразі",
    "дагэтуль",
    "цяпер",
    "па-ранейшаму",
    "nadal",
    "wciąż",
    "obecnie",
    "teraz",
    "ciągle",
    "aktualnie",
    "ещё",
    "еще",
    "яшчэ",
    "пор",
];

/// Presents that tell a state, not an action, after `still` (`по-прежнему остаётся`,
/// `досі перебуває`, `nadal pozostaje`).
const STATES_GOING_ON: &[&str] = &[
    "остаётся",
    "остается",
    "остаются",
    "находится",
    "находятся",
    "является",
    "считается",
    "считают",
    "знают",
    "живут",
    "залишається",
    "залишаються",
    "знаходиться",
    "знаходяться",
    "перебуває",
    "перебувають",
    "вважається",
    "знають",
    "живуть",
    "застаецца",
    "застаюцца",
    "знаходзіцца",
    "знаходзяцца",
    "лічыцца",
    "ведаюць",
    "жывуць",
    "pozostaje",
    "pozostają",
    "znajduje",
    "znajdują",
    "przebywa",
    "przebywają",
    "uważa",
    "uważają",
    "wiedzą",
    "żyją",
    "jest",
    "ma",
    "mają",
];

/// Whether a Slavic present ends as the third person plural does (`обвиняют`, `говорят`,
/// `звинувачують`, `абвінавачваюць`, `oskarżają`).
fn ends_as_plural_present(lower: &str) -> bool {
    lower.chars().count() >= 6
        && [
            "ют", "ят", "ут", "ать", "ють", "ять", "уть", "юць", "яць", "уць", "ją",
        ]
        .iter()
        .any(|ending| lower.ends_with(ending))
}

/// Whether a word ends as a plural past or a plural present does: the verb of a plural
/// subject.
pub fn ends_as_plural_verb(lower: &str) -> bool {
    ends_as_plural_past(lower) || ends_as_plural_present(lower)
}

/// Whether a word ends as a plural past, reflexive or not (`сообщили`, `пожаловались`,
/// `повідомили`, `паведамілі`, `poinformowali`, `poinformowały`): the plural endings of
/// the paradigms above, whatever the stem.
pub fn ends_as_plural_past(lower: &str) -> bool {
    [
        RU_PAST,
        UK_PAST,
        BE_PAST,
        RU_PAST_REFLEXIVE,
        UK_PAST_REFLEXIVE,
        BE_PAST_REFLEXIVE,
    ]
    .iter()
    .filter_map(|endings| endings.last())
    .chain(&PL_PAST[3..])
    .any(|ending| lower.ends_with(ending))
}

/// Whether `ch` is a letter of the Cyrillic block (Russian, Ukrainian, Belarusian).
pub fn is_cyrillic(ch: char) -> bool {
    ('\u{0400}'..='\u{04ff}').contains(&ch)
}

/// Whether the word at `index` opens a relative clause set off by a comma (`, который
/// правит с 1994 года,`, `, який`, `, który`): in the four languages the clause always
/// stands after one. A participle's aside is one too.
pub fn opens_relative_clause(words: &SentenceWords, index: usize) -> bool {
    let relative = en::RELATIVE | SLAVIC;
    let preposition = en::PREPOSITION | SLAVIC;
    index > 0
        && words.punctuated_before(index)
        && (words.classes(index) & relative == relative
            // `, в котором`, `, з якими`, `, w którym`: a preposition before the relative.
            || (words.classes(index) & preposition == preposition
                && words.classes(index + 1) & relative == relative
                && !words.punctuated_before(index + 1))
            // `Активист, задержанный в понедельник, объявил …`: a participle's aside
            // after a comma qualifies the noun before, as a relative clause does.
            || (words.gap_before(index, 0).trim() == "," && long_participle(words, index)))
}

/// What the form of a word beyond the lexicon tells of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuessedForm {
    /// A finite past (`заблокировали`, `доставили`, `встретились`, `zablokowali`).
    Past,
    /// An impersonal passive (`возбуждено`, `порушено`, `zatrzymano`).
    Passive,
}

/// Past forms whose endings the guess reads (in words of seven letters or more): plural
/// pasts after a vowel (ru, uk, be, pl), reflexive pasts, the `-овать`/`-ować` verbs in
/// every form (ru, uk, be, pl), masculine and feminine pasts in `-ил(а)`, `-іў`/`-іла`,
/// `-ił(a)`, and the Polish pasts in `-ył` and of verbs in `-ąć` (`przedłużył`,
/// `wszczęła`).
const GUESSED_PAST_ENDINGS: &[&str] = &[
    // Plural pasts: `задержали`, `доставили`, `затримали`, `затрымалі`.
    "али",
    "яли",
    "или",
    "ыли",
    "ули",
    "ели",
    "алі",
    "ялі",
    "ілі",
    "ылі",
    "улі",
    "элі",
    // Pasts of stems in `с`, `з`: `перенесли`, `вывезли`, `перанеслі`, `przenieśli`,
    // `przywieźli`.
    "сли",
    "зли",
    "слі",
    "злі",
    "śli",
    "źli",
    // And in `г`, `к`: `застрягли`, `допомогли`, `привлекли`, `дапамаглі`, `uciekli`,
    // `pomogli`.
    "гли",
    "кли",
    "глі",
    "клі",
    "gli",
    "kli",
    // Reflexive pasts: `встретились`, `зібралися`, `сабраліся`.
    "лся",
    "лась",
    "лось",
    "лись",
    "вся",
    "лася",
    "лося",
    "лися",
    "ўся",
    "ліся",
    // `-овать`: `заблокировал`, `атакувала`, `арыштаваў`, `zablokował`.
    "овал",
    "овала",
    "овало",
    "ували",
    "ював",
    "ювала",
    "ювали",
    "ував",
    "увала",
    "аваў",
    "авала",
    "авалі",
    "ował",
    "owała",
    "owało",
    "owali",
    "owały",
    // Polish plural of persons: `zatrzymali`, `przekazali`.
    "ali",
    "ili",
    "yli",
    "eli",
    // Masculine and feminine pasts in `-ил`, `-іў`, `-ыў`, `-ił`, `-ył`, `-ął`, `-ила`,
    // `-іла`, `-iła`, `-ęła` (`отменил`, `адмяніў`, `выключыў`, `ogłosił`, `przedłużył`,
    // `wszczął`, `освободила`): few nouns end so, unlike `-ал` (`генерал`, `трибунал`),
    // `-ел` (`обстрел`) or `-ał` (`kapitał`, `generał`).
    "ил",
    "іў",
    "ыў",
    "ił",
    "ył",
    "ął",
    "ила",
    "іла",
    "iła",
    "ęła",
    "ęli",
    "ęło",
    // `-нул(а)`, `-ыл(а)` (`вспыхнул`, `спалахнула`, `закрыла`, `прибыл`), and the Polish
    // plural of things in `-iły`, `-yły`, `-ęły` (`ogłosiły`, `naruszyły`, `zginęły`).
    // `-ела` is left to the list (`обстрела`, `отдела` are nouns), as is `-ały`
    // (`wspaniały`).
    "нул",
    "нула",
    "ыл",
    "ыла",
    "iły",
    "yły",
    "ęły",
    // The Polish feminine in `-yła` and `-ała` (`UE nałożyła sankcje`, `Decyzja wywołała
    // protesty`); the adjectives so ended (`wspaniała`) are left out below.
    "yła",
    "ała",
    // The neuter of the same pasts, for a ministry, a government or an army as subject
    // (`Министерство закрыло`, `Міністерство оприлюднило`, `Wojsko przeprowadziło`); the
    // few nouns so ended (`правило`) are left out below.
    "ило",
    "ыло",
    "iło",
    "yło",
    // The feminine and Belarusian neuter in `-ала` only after stems no noun in `-ал`
    // shares (`Полиция задержала`, `показала`, `собрала`, `выиграла`, `Рашэнне
    // выклікала`), unlike `финала`, `генерала`, `канала`.
    "ржала",
    "казала",
    "брала",
    "грала",
    "слала",
    "ікала",
    // Going by vehicle (`выехала`, `приехала`, `переехала`).
    "ехала",
    // And in `-ало`, `-ało` (`Решение вызвало протесты`, `Ministerstwo zakazało`),
    // but not the Russian habitual `-ывало`, `-ивало` (`бывало`), turned away below.
    "ало",
    "ało",
];

/// Whether `lower` is a plural noun of agents in `-тели` (`спасатели`, `жители`,
/// `следователи`, `представители`, `obywateli`), which the plural past `-ели`/`-eli`
/// would otherwise take; the pasts of `-теть` verbs end so too, and are left to the
/// guess (`прилетели`, `захотели`).
fn agent_noun_in_teli(lower: &str) -> bool {
    lower.ends_with("тели") && !lower.ends_with("летели") && !lower.ends_with("хотели")
        // The Polish genitive plurals `obywateli`, `przedstawicieli`, `nauczycieli`; the
        // pasts `lecieli`, `chcieli` end otherwise.
        || lower.ends_with("teli")
        || lower.ends_with("icieli")
}

/// Endings of habitual pasts, which the neuter `-ало` would otherwise take.
const HABITUAL_ENDINGS: &[&str] = &["ывало", "ивало"];

/// Impersonal passives (in words of seven letters or more): `-ано`, `-ено`, `-то`,
/// `-ano`, `-ono` (`возбуждено`, `затримано`, `відкрито`, `прийнято`, `zniszczono`);
/// `-нно` adverbs (`постоянно`) end otherwise.
const GUESSED_PASSIVE_ENDINGS: &[&str] = &[
    "ано", "яно", "ено", "ёно", "ито", "ато", "ято", "уто", "ano", "ono", "ęto", "yto", "ito",
    // `otwarto`, `zawarto`: the impersonals of verbs in `-rzeć`.
    "arto",
];

/// Words that the endings would take for an event verb: states, modals and habits
/// (`хотели`, `находились`, `mieli`), nouns (`автомобили`, `niedzieli`), adverbs.
const NOT_GUESSED: &[&str] = &[
    "хотели",
    // The noun `отрасль` in the genitive (`для калийной отрасли`), not `отросли`.
    "отрасли",
    "имели",
    "знали",
    "думали",
    "считали",
    "стояли",
    "находились",
    "являлись",
    "считались",
    "казались",
    "казалось",
    "оставались",
    "продолжали",
    "пытались",
    "надеялись",
    "боялись",
    "собирались",
    "нравилось",
    "приходилось",
    "хацелі",
    "ведалі",
    "лічылі",
    "хотіли",
    "вважали",
    "перебували",
    "намагалися",
    "збиралися",
    "залишалися",
    "chcieli",
    "mieli",
    "wiedzieli",
    "uważali",
    "próbowali",
    "planowali",
    "zamierzali",
    "правила",
    "правило",
    // Nouns and states in `-ало`, `-ało`.
    "покрывало",
    "зеркало",
    "забрало",
    "опахало",
    "означало",
    "хватало",
    "покривало",
    "дзеркало",
    "светило",
    "горнило",
    "грузило",
    "вітрило",
    "михаил",
    "даниил",
    // Genitive plurals of nouns in `-ило` (`нарушение правил`, `светил`, `чернил`).
    "правил",
    "светил",
    "чернил",
    "горнил",
    "гавриил",
    "автомобили",
    "магистрали",
    "вертикали",
    "горизонтали",
    "параллели",
    "спирали",
    "провала",
    "подвала",
    "перевала",
    "карнавала",
    "wspaniała",
    "doskonała",
    "dojrzała",
    "niedojrzała",
    "okazała",
    "zuchwała",
    "wytrwała",
    "brukseli",
    "niedzieli",
    // The future of `uchwalić` (`Sejm uchwali ustawę`), not a plural past.
    "uchwali",
    "pochwali",
    "hoteli",
];

/// The form of a word that the lexicon does not list, read from its ending: news verbs
/// are too many to list, but their pasts and impersonal passives end in few ways. Only
/// long words are read (seven letters; six for a masculine past in `-ил`), so that short
/// nouns with the same endings (`цели`, `стали`, `рано`) are not.
pub fn guessed_form(lower: &str) -> Option<GuessedForm> {
    // Most words, and nearly every English one, end in another letter: they are turned
    // away here, before any list is read.
    let last = lower.chars().next_back()?;
    if matches!(last, 'н' | 'а' | 'ы') && guessed_short_participle(lower) {
        return Some(GuessedForm::Passive);
    }
    if !matches!(
        last,
        // Cyrillic letters first, then Latin: the Cyrillic `а` and `о` look like the
        // Latin `a` and `o` but are other letters, so both stand here.
        'и' | 'і' | 'я' | 'ь' | 'л' | 'а' | 'о' | 'в' | 'ў' | 'ł' | 'i' | 'y' | 'o' | 'a'
    ) || lower.len() < 7
        || NOT_GUESSED.contains(&lower)
    {
        return None;
    }
    // Six letters are enough for a masculine past in `-ил`, `-ыл`, `-ił`, `-ył`, `-іў`,
    // `-ыў` (`осудил`, `закрыл`, `wrócił`, `ruszył`, `пусціў`, `закрыў`), which few short
    // nouns share; other endings need seven (`стали`, `цели`, `финала`).
    let letters = lower.chars().count();
    if letters < 6
        || letters == 6
            && !["ил", "ыл", "ił", "ył", "іў", "ыў"]
                .iter()
                .any(|ending| lower.ends_with(ending))
    {
        return None;
    }
    if GUESSED_PAST_ENDINGS
        .iter()
        .any(|ending| lower.ends_with(ending))
        && !HABITUAL_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending))
        && !agent_noun_in_teli(lower)
    {
        return Some(GuessedForm::Past);
    }
    if GUESSED_PASSIVE_ENDINGS
        .iter()
        .any(|ending| lower.ends_with(ending))
    {
        return Some(GuessedForm::Passive);
    }
    None
}

/// Whether `lower` is a Russian short passive participle of a verb in `-овать`
/// (`заблокирован`, `зарегистрированы`, `эвакуирована`): eight letters or more, so that
/// the form is a participle's, not a noun's; `заинтересован` tells a state.
fn guessed_short_participle(lower: &str) -> bool {
    ["ован", "ована", "ованы"]
        .iter()
        .any(|ending| lower.ends_with(ending))
        && lower.chars().count() >= 8
        && !STATES_AFTER_BE.contains(&lower)
}

/// Pasts of `быть`, `бути`, `быць` and `być`, before a passive participle.
const PAST_OF_BE: &[&str] = &[
    "был", "была", "было", "были", "був", "була", "було", "були", "быў", "былі", "był", "była",
    "było", "byli", "były",
];

/// Pasts of `zostać`, the Polish passive's auxiliary: whatever follows, an event
/// (`została zablokowana`, `zostali zatrzymani`, `został prezydentem`).
const PAST_OF_ZOSTAC: &[&str] = &["został", "została", "zostało", "zostali", "zostały"];

/// Endings of passive participles after a past of `be` (`был заблокирован`, `была
/// закрыта`, `був затриманий`, `быў заблакаваны`, `był zatrzymany`), in Cyrillic and
/// Latin letters.
const PARTICIPLE_AFTER_BE_ENDINGS: &[&str] = &[
    "ан", "ян", "ен", "ён", "ана", "яна", "ена", "ёна", "ано", "яно", "ено", "ёно", "аны", "яны",
    "ены", "ёны", "ит", "ыт", "ят", "ут", "ита", "ыта", "ята", "ута", "ито", "ыто", "ято", "уто",
    "иты", "ыты", "яты", "уты", "аний", "яний", "ений", "єний", "итий", "утий", "єна", "ане",
    "яне", "ене", "єне", "ите", "уте", "ані", "яні", "ені", "єні", "иті", "уті", "анае", "енае",
    "аныя", "еныя", "іты", "іта", "ітыя", "ытыя", "any", "ana", "ane", "ani", "ony", "ona", "one",
    "eni", "ęty", "ęta", "ęte", "ęci", "yty", "yta", "yte", "ity", "ita", "ite", "ici", "yci",
];

/// Words with those endings that tell a state after `be`, not an act: obligation,
/// certainty, knowledge, ability, feelings (`был должен`, `была уверена`, `было известно`,
/// `był przekonany`).
const STATES_AFTER_BE: &[&str] = &[
    "должен",
    "должна",
    "должно",
    "должны",
    "согласен",
    "согласна",
    "согласны",
    "уверен",
    "уверена",
    "уверены",
    "намерен",
    "намерена",
    "намерены",
    "болен",
    "больна",
    "нужен",
    "нужна",
    "нужно",
    "нужны",
    "виден",
    "видна",
    "видно",
    "видны",
    "известен",
    "известна",
    "известно",
    "известны",
    "беременна",
    "обязан",
    "обязана",
    "обязаны",
    "способен",
    "способна",
    "способны",
    "заинтересован",
    "заинтересована",
    "удивлен",
    "удивлён",
    "удивлена",
    "доволен",
    "довольна",
    "недоволен",
    "недовольна",
    "свободен",
    "свободна",
    "спокоен",
    "впевнений",
    "впевнена",
    "задоволений",
    "задоволена",
    "зацікавлений",
    "зацікавлена",
    "переконаний",
    "переконана",
    "зелений",
    "зелена",
    "упэўнены",
    "упэўнена",
    "задаволены",
    "задаволена",
    "зацікаўлены",
    "зацікаўлена",
    "przekonany",
    "przekonana",
    "przekonani",
    "zadowolony",
    "zadowolona",
    "zadowoleni",
    "zainteresowany",
    "zainteresowana",
    "zaskoczony",
    "zaskoczona",
    "zaniepokojony",
    "zaniepokojona",
    "zobowiązany",
    "zobowiązana",
    "zdziwiony",
    "zdziwiona",
    "занят",
    "занята",
    "занято",
    "заняты",
    "зайнятий",
    "зайнята",
    "вражений",
    "вражена",
    "znany",
    "znana",
    "znane",
    "znani",
    "zmęczony",
    "zmęczona",
    "zmęczeni",
    "zajęty",
    "zajęta",
    "zajęci",
    "przeznaczony",
    "przeznaczona",
    "przeznaczone",
];

/// A passive told with a past of `be` or `zostać` at `be`: the participle's index, when
/// it follows at once or after one adverb (`были жестоко подавлены`, `zostali brutalnie
/// pobici`); for `zostać` before any other word, its own.
fn passive_after_be(words: &SentenceWords, be: usize) -> Option<usize> {
    let auxiliary = words.lower(be);
    let zostac = PAST_OF_ZOSTAC.contains(&auxiliary);
    if !zostac && !PAST_OF_BE.contains(&auxiliary) {
        return None;
    }
    let adverb = be + 1;
    if let Some(participle) = participle_after_be(words, adverb) {
        return Some(participle);
    }
    // An adverb of manner or degree ends so (`жестоко`, `полностью`, `также`, `жорстка`,
    // `brutalnie`, `szybko`); `не`, `nie` and short words (`to`) do not count.
    let lower = words.lower(adverb);
    let reads_as_adverb = lower.chars().count() >= 4
        && ["о", "ю", "е", "а", "o", "ie"]
            .iter()
            .any(|ending| lower.ends_with(ending))
        && !words.capitalised(adverb)
        && !words.punctuated_before(adverb);
    if let Some(participle) = reads_as_adverb
        .then(|| participle_after_be(words, adverb + 1))
        .flatten()
    {
        return Some(participle);
    }
    // A past of `zostać` is an event whatever follows (`został premierem`, `Uszkodzone
    // zostały trzy budynki`): then it is the verb itself.
    (zostac && adverb < words.len() && !words.punctuated_before(adverb)).then_some(be)
}

/// The passive participle of [`passive_after_be`] at `participle`: in lower case (not a
/// name), not cut off by punctuation, ending as a participle and not a state.
fn participle_after_be(words: &SentenceWords, participle: usize) -> Option<usize> {
    if participle >= words.len()
        || words.punctuated_before(participle)
        || words.capitalised(participle)
    {
        return None;
    }
    let lower = words.lower(participle);
    (lower.chars().count() >= 5
        && PARTICIPLE_AFTER_BE_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending))
        && !STATES_AFTER_BE.contains(&lower))
    .then_some(participle)
}

/// Whether a sentence is read with the Slavic event rules: it holds a listed event or
/// passive form, a word whose ending makes it one (see `slavic_guess`), a passive told
/// with a past of `be` or `zostać`, a future of taking place or starting
/// ([`SCHEDULED_FUTURE`]), a plan before an infinitive, or a present of continuing after
/// its subject.
pub fn reads_as_slavic_events(words: &SentenceWords) -> bool {
    if words.any(EVENT_PAST | PASSIVE_FORM | SCHEDULED_FUTURE) {
        return true;
    }
    // An English sentence, all ASCII and without a word of the Slavic lexicon, is turned
    // away before any word is looked up: this runs on every sentence of every article.
    let maybe_slavic =
        words.any(SLAVIC) || !words.all_ascii() || words.article_language() == Some(Language::Pl);
    maybe_slavic
        && (0..words.len()).any(|index| {
            continuing_present(words, index)
                || present_going_on(words, index)
                || action_present(words, index)
                || dated_plan(words, index)
                || hands_something_over(words, index)
                || finds_guilty_or_designates(words, index)
                || failed_to(words, index).is_some()
                || negated_cue_past(words, index)
                || past_after_already(words, index)
                || slavic_guess(words, index).is_some()
                || passive_after_be(words, index).is_some()
        })
}

/// [`guessed_form`] for the word at `index`, which must not be capitalised inside the
/// sentence (a name: `Bengali`, `Disraeli`) nor be a word of a closed class, and must be
/// Cyrillic or stand in a sentence that reads as Polish: words of the Slavic lexicon,
/// letters only Polish writes (`przepuścili migrantów`), or an article in Polish.
fn slavic_guess(words: &SentenceWords, index: usize) -> Option<GuessedForm> {
    if (index > 0 && words.capitalised(index)) || words.classes(index) & !SLAVIC != 0 {
        return None;
    }
    let lower = words.lower(index);
    let guess = guessed_form(lower).filter(|&guess| {
        // `масована атака`: the Russian short participle's ending is the Ukrainian
        // adjective's feminine.
        // Its impersonal passive (`заблоковано`) ends in `-о`.
        !(guess == GuessedForm::Passive && !lower.ends_with('о') && reads_as_ukrainian(words))
    });
    let Some(guess) = guess else {
        return (ukrainian_past(words, lower) || masculine_past_after_subject(words, index))
            .then_some(GuessedForm::Past);
    };
    reads_as_slavic(words, lower).then_some(guess)
}

/// Whether `lower`, a word of `words`, is read as Slavic: Cyrillic, or in a sentence that
/// reads as Polish (words of the Slavic lexicon, letters only Polish writes, or an
/// article in Polish).
fn reads_as_slavic(words: &SentenceWords, lower: &str) -> bool {
    let polish = || {
        words.any(SLAVIC)
            || words.article_language() == Some(Language::Pl)
            || (0..words.len()).any(|at| {
                words
                    .lower(at)
                    .contains(['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż'])
            })
    };
    lower.chars().any(is_cyrillic) || polish()
}

/// Endings of the long passive participles, which qualify a noun (`задержанный`,
/// `затриманий`, `затрыманы`, `zatrzymany`, in their genders, numbers and the cases a
/// subject's phrase takes).
const LONG_PARTICIPLE_ENDINGS: &[&str] = &[
    // Russian.
    "нный",
    "нная",
    "нное",
    "нные",
    "нного",
    "нной",
    "нных",
    "тый",
    "тая",
    "тое",
    "тые",
    "того",
    "той",
    "тых", // Ukrainian.
    "тий",
    "аний",
    "ений",
    "ана",
    "ена",
    "ане",
    "ене",
    "ані",
    "ені",
    "аного",
    "еного",
    "аної",
    "еної",
    "аних",
    "ених", // Belarusian.
    "аны",
    "ены",
    "аная",
    "еная",
    "анае",
    "енае",
    "аныя",
    "еныя", // Polish.
    "any",
    "ony",
    "ana",
    "ona",
    "ani",
    "eni",
    "ane",
    "one",
    "ęty",
    "ęta",
    "yty",
    "yta",
];

/// Whether the word at `index` is a long passive participle ([`LONG_PARTICIPLE_ENDINGS`],
/// in eight letters or more, so that nouns such as `сцена` or `strona` are not), which
/// opens a phrase that qualifies a noun: `Задержанный в понедельник активист`,
/// `Aktywista, zatrzymany w poniedziałek, …`.
pub fn long_participle(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    (index == 0 || !words.capitalised(index))
        && lower.chars().count() >= 8
        && LONG_PARTICIPLE_ENDINGS
            .iter()
            .any(|ending| lower.ends_with(ending))
        && reads_as_slavic(words, lower)
}

/// Endings of masculine singular pasts that nouns share (`рассмотрел` and `обстрел`,
/// `оправдал` and `генерал`; `розглянув`; `апраўдаў` and the genitive plural `сяброў`;
/// `wygrał` and `kanał`), by language, and in Ukrainian the going of `зійшов`: read only
/// right after a subject ([`masculine_past_after_subject`]).
const RU_MASCULINE_PAST_ENDINGS: &[&str] = &["ал", "ял", "ел", "ёл"];
const UK_MASCULINE_PAST_ENDINGS: &[&str] = &["ав", "яв", "ив", "ув", "йшов"];
const BE_MASCULINE_PAST_ENDINGS: &[&str] = &["аў", "яў", "еў", "эў", "ёў", "йшоў"];
const PL_MASCULINE_PAST_ENDINGS: &[&str] = &["ał", "adł", "edł", "ósł", "ógł"];

/// Nouns and verbs of state so ended, of five letters or more: `генерал`, `отдел`,
/// `справ`, `kanał`, `udział`; `хотел`, `вважав`, `chciał`, `musiał`.
const MASCULINE_PAST_LOOKALIKES: &[&str] = &[
    // Russian nouns.
    "генерал",
    "сигнал",
    "капитал",
    "материал",
    "журнал",
    "персонал",
    "скандал",
    "арсенал",
    "трибунал",
    "вокзал",
    "портал",
    "квартал",
    "сериал",
    "адмирал",
    "маршал",
    "потенциал",
    "интервал",
    "терминал",
    "кардинал",
    "криминал",
    "минерал",
    "радикал",
    "оригинал",
    "ритуал",
    "мемориал",
    "штурвал",
    "карнавал",
    "причал",
    "пьедестал",
    "провал",
    "подвал",
    "перевал",
    "завал",
    "обвал",
    "развал",
    "запал",
    "накал",
    "финал",
    "канал",
    "идеал",
    "отдел",
    "раздел",
    "предел",
    "обстрел",
    "расстрел",
    "пробел",
    "прицел",
    "пепел",
    "передел",
    "котел",
    "котёл",
    "козел",
    "козёл",
    // Russian verbs of state.
    "хотел",
    "считал",
    "стоял",
    "думал",
    "ожидал",
    "полагал",
    "желал",
    "мечтал",
    "лежал",
    "сидел",
    "висел",
    "видел",
    "слышал",
    "понимал",
    // Ukrainian nouns and verbs of state.
    "справ",
    "держав",
    "застав",
    "вистав",
    "рукав",
    "сплав",
    "устав",
    "мотив",
    "актив",
    "масив",
    "вважав",
    "стояв",
    "думав",
    "чекав",
    "очікував",
    "бажав",
    "розумів",
    // Belarusian verbs of state.
    "хацеў",
    "стаяў",
    "думаў",
    "чакаў",
    "лічыў",
    // Polish nouns and verbs of state.
    "kapitał",
    "generał",
    "kanał",
    "sygnał",
    "materiał",
    "ideał",
    "zapał",
    "rozdział",
    "przydział",
    "podział",
    "udział",
    "wydział",
    "oddział",
    "kwartał",
    "finał",
    "potencjał",
    "skandał",
    "admirał",
    "kryształ",
    "chciał",
    "musiał",
    "wiedział",
    "uważał",
    "myślał",
    "czekał",
    "leżał",
    "siedział",
    "słyszał",
    "widział",
    "zamierzał",
];

/// The Belarusian genitive plural's endings that its masculine pasts share (`актывістаў`,
/// `перавозчыкаў`; `апраўдаў`).
pub(super) const BELARUSIAN_GENITIVE_PLURAL_ENDINGS: &[&str] = &["аў", "яў", "ёў"];

/// Words of number before which a genitive plural stands (`тысяч рублёў`, `колькасць
/// палітвязняў`, `Двух актывістаў`), not a verb.
const QUANTITY_WORDS: &[&str] = &[
    "двух",
    "трох",
    "чатырох",
    "некалькі",
    "некалькіх",
    "шмат",
    "многа",
    "мноства",
    "дзясяткі",
    "сотні",
    "тысячы",
    "тысяч",
    "тисяч",
    "количество",
    "кількість",
    "колькасць",
    "число",
    "liczba",
    "tysięcy",
    "mln",
    "млн",
    "тыс",
];

/// Whether `lower`, known to be a verb or standing where a verb does, ends as a past of
/// one of the four languages does, in any gender and number (`заявил`, `заявила`,
/// `заявив`, `заявіў`, `powiedział`, `powiedzieli`, `встретился`). Nouns end so too:
/// callers ask it only where the words around leave a verb to read.
pub(super) fn ends_as_past(lower: &str) -> bool {
    [
        "л", "ла", "ло", "ли", "лі", "лся", "лась", "лось", "лись", "лася", "лося", "лися", "ліся",
        "ав", "ив", "ів", "ув", "яв", "ў", "ўся", "ł", "ła", "ło", "li", "ły",
    ]
    .iter()
    .any(|ending| lower.ends_with(ending))
}

/// Whether `lower` ends as a masculine past of one of the four languages and is none of
/// the nouns and verbs of state so ended: a verb where the words around it leave no
/// other reading ([`super::attribution`]'s source phrases), its subject not asked for.
pub(super) fn ends_as_masculine_past(lower: &str) -> bool {
    lower.ends_with(['л', 'в', 'ў', 'ł'])
        && lower.chars().count() >= 5
        && [
            RU_MASCULINE_PAST_ENDINGS,
            UK_MASCULINE_PAST_ENDINGS,
            BE_MASCULINE_PAST_ENDINGS,
            PL_MASCULINE_PAST_ENDINGS,
        ]
        .iter()
        .any(|endings| endings.iter().any(|ending| lower.ends_with(ending)))
        && !MASCULINE_PAST_LOOKALIKES.contains(&lower)
        && !UKRAINIAN_IV_NOUNS.contains(&lower)
        && !UKRAINIAN_AV_NOUNS.contains(&lower)
}

/// Whether the word at `index` is a masculine singular past whose ending nouns share
/// (`Суд рассмотрел дело`, `Суд виправдав активіста`, `Суд апраўдаў актывіста`, `Sejm
/// wybrał marszałka`), told by its subject right before it: a name, or a noun in the
/// nominative's consonant (`суд`, `поезд`, `Sejm`), with an adjective after it passed
/// over (`Bank centralny utrzymał`). Not after a preposition, a number or a word of
/// quantity, after which the same ending is a genitive plural (`тысяч рублёў`), nor a
/// word of [`MASCULINE_PAST_LOOKALIKES`].
fn masculine_past_after_subject(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    // Most words end in another letter: they are turned away before any list is read.
    if index == 0 || !lower.ends_with(['л', 'в', 'ў', 'ł']) {
        return false;
    }
    if words.punctuated_before(index)
        || lower.chars().count() < 5
        || MASCULINE_PAST_LOOKALIKES.contains(&lower)
        || UKRAINIAN_IV_NOUNS.contains(&lower)
        || UKRAINIAN_AV_NOUNS.contains(&lower)
    {
        return false;
    }
    let ends = |endings: &[&str]| endings.iter().any(|ending| lower.ends_with(ending));
    let other_alphabet =
        |letters: &[char]| (0..words.len()).any(|at| words.lower(at).contains(letters));
    let language_fits = if ends(RU_MASCULINE_PAST_ENDINGS) {
        // Ukrainian and Belarusian write their masculine pasts otherwise; a Russian
        // ending in their sentence is a noun's (`генерал`).
        !other_alphabet(&['і', 'ї', 'є', 'ґ', 'ў'])
            && words
                .article_language()
                .is_none_or(|language| language == Language::Ru)
    } else if ends(UK_MASCULINE_PAST_ENDINGS) {
        reads_as_ukrainian(words)
    } else if ends(BE_MASCULINE_PAST_ENDINGS) {
        // Belarusian genitive plurals end as its pasts in `-аў`, `-яў`, `-ёў` do, after
        // any noun (`Апошнім часам затрыманняў стала больш`): these are read only after
        // a name or a noun of those who act (`Суд апраўдаў`).
        // A number before is no subject either, even at the sentence's capital (`Двух
        // актывістаў затрымалі`): see [`QUANTITY_WORDS`] below.
        !ends(BELARUSIAN_GENITIVE_PLURAL_ENDINGS)
            || words.capitalised(index - 1)
            || words.classes(index - 1) & en::AGENT_NOUN != 0
    } else if ends(PL_MASCULINE_PAST_ENDINGS) {
        reads_as_slavic(words, lower)
    } else {
        false
    };
    if !language_fits {
        return false;
    }
    let mut subject = index - 1;
    let adjective = |word: &str| {
        ["ый", "ий", "ой", "ій", "ы", "y", "i"]
            .iter()
            .any(|ending| word.ends_with(ending))
    };
    if adjective(words.lower(subject)) && !words.capitalised(subject) {
        if subject == 0 || words.punctuated_before(subject) {
            return false;
        }
        subject -= 1;
    }
    let word = words.lower(subject);
    if words.classes(subject) & !(SLAVIC | en::AGENT_NOUN) != 0
        || words.numeral(subject)
        || QUANTITY_WORDS.contains(&word)
    {
        return false;
    }
    words.capitalised(subject)
        || word.chars().next_back().is_some_and(|last| {
            last == 'ь' || (last.is_alphabetic() && !"аеёиоуыэюяіїєйaąeęioóuy".contains(last))
        })
}

/// Whether a sentence reads as Ukrainian: a letter only Ukrainian writes among its words
/// (`і`, `ї`, `є`, `ґ`) or an article in Ukrainian, and no letter only Russian or
/// Belarusian writes (`ы`, `э`, `ё`, `ъ`, `ў`).
fn reads_as_ukrainian(words: &SentenceWords) -> bool {
    let mut ukrainian = words.article_language() == Some(Language::Uk);
    for at in 0..words.len() {
        let word = words.lower(at);
        if word.contains(['ы', 'э', 'ё', 'ъ', 'ў']) {
            return false;
        }
        ukrainian |= word.contains(['і', 'ї', 'є', 'ґ']);
    }
    ukrainian
}

/// Whether `lower`, a word of `words`, reads as a Ukrainian past in `-ив`, `-ав` or `-ала`
/// (`запровадив`, `наголосив`, `викликав`, `отримав`, `розпочала`): only in a sentence that
/// reads as Ukrainian (`і`, `ї`, `є` or `ґ`, or an article in Ukrainian, and no letter only
/// Russian or Belarusian writes), since Russian and Belarusian nouns end so (`коллектив`,
/// `рецидив`, `канала`), and not the nouns, names and genitive plurals Ukrainian itself
/// ends so (`колектив`, `перспектив`, `Ярослав`, `генерала`).
fn ukrainian_past(words: &SentenceWords, lower: &str) -> bool {
    if !["ив", "ав", "ала"]
        .iter()
        .any(|ending| lower.ends_with(ending))
        || lower.chars().count() < 7
        || UKRAINIAN_IV_NOUNS.contains(&lower)
        || UKRAINIAN_AV_NOUNS.contains(&lower)
    {
        return false;
    }
    reads_as_ukrainian(words)
}

/// Ukrainian nouns, names and genitive plurals in `-ав` and `-ала` of seven letters or
/// more (`переправ`, `Ярослав`, `генерала`): the other words so ended are pasts
/// (`викликав`, `отримав`, `розпочала`).
const UKRAINIAN_AV_NOUNS: &[&str] = &[
    "переправ",
    "конклав",
    "ярослав",
    "станіслав",
    "владислав",
    "мирослав",
    "святослав",
    "вячеслав",
    "в'ячеслав",
    "в’ячеслав",
    "броніслав",
    "богуслав",
    "генерала",
    "адмірала",
    "маршала",
    "кардинала",
    "капрала",
    "ідеала",
    "запала",
];

/// Ukrainian nouns, adjectives and genitive plurals in `-ив` of seven letters or more.
const UKRAINIAN_IV_NOUNS: &[&str] = &[
    "колектив",
    "позитив",
    "негатив",
    "детектив",
    "локомотив",
    "кооператив",
    "перспектив",
    "альтернатив",
    "ініціатив",
    "директив",
    "імператив",
    "наратив",
    "об'єктив",
    "рецидив",
    "примітив",
    "ексклюзив",
    "прерогатив",
];

/// Whether a past of `передать`, `передати`, `перадаць`, `przekazać` or `podać` at
/// `index` hands something over (`Россия передала Украине тела погибших`, `Polska
/// przekazała Ukrainie sprzęt`, `Minister podał się do dymisji`) rather than passing on
/// news (`…, podała policja`): that is told by `что`/`що`/`што`/`że` after it
/// (`передал, что`), by an inverted speaker after a comma or dash (`…, przekazała
/// rzeczniczka`) or by `как` before (`как передал корреспондент`).
pub fn hands_something_over(words: &SentenceWords, index: usize) -> bool {
    // The class holds the forms of `HANDING_OVER` (and plans and adverbs, which start
    // otherwise).
    if words.classes(index) & SLAVIC_RULE_WORD == 0
        || !["пере", "пера", "prze", "poda"]
            .iter()
            .any(|stem| words.lower(index).starts_with(stem))
    {
        return false;
    }
    let inverted = index > 0 && words.punctuated_before(index);
    let after_as = index
        .checked_sub(1)
        .is_some_and(|before| matches!(words.lower(before), "как" | "як" | "jak"));
    // What is passed on: a topic right after (`передал о`), or a clause of `that`, which
    // may come after where and to whom (`przekazała w rozmowie z PAP, że …`).
    let content_follows = (index + 1..words.len().min(index + 4))
        .any(|at| matches!(words.lower(at), "о" | "об" | "про"))
        || (index + 1..words.len().min(index + 9))
            .any(|at| matches!(words.lower(at), "что" | "що" | "што" | "że"));
    !(inverted || after_as || content_follows)
}

/// Whether a past of `призвать` or `wezwać` at `index` calls up or summons someone, an
/// event (`Резервистов призвали на сборы`, `MSZ wezwało ambasadora`), rather than calling
/// on someone to act, a statement: `призвать` calls on before `к` or an infinitive
/// (`призвала Запад не ослаблять давление`, `призвал к диалогу`), `wezwać` right before
/// `do` and a lower-case word (`wezwał do dymisji`), or before `do` and an act further on
/// (`wezwała UE do zaostrzenia sankcji`).
pub fn calls_up_or_summons(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    if lower.starts_with("призва") {
        let appeal = (index + 1..words.len().min(index + 5))
            .take_while(|&at| !words.punctuated_before(at))
            .any(|at| {
                let word = words.lower(at);
                matches!(word, "к" | "ко")
                    || ["ть", "ти", "ться", "чь"]
                        .iter()
                        .any(|ending| word.ends_with(ending))
            });
        return !appeal;
    }
    if lower.starts_with("wezwa") {
        let appeal = words.lower(index + 1) == "do"
            && index + 2 < words.len()
            && !words.capitalised(index + 2)
            && !words.punctuated_before(index + 1);
        // Or with whom it calls on between (`wezwała UE do zaostrzenia sankcji`): then
        // `do` asks for an act, a verbal noun or talks, where one summoned is called to a
        // place (`wezwało ambasadora do ministerstwa`).
        let appeal_to_someone = (index + 2..words.len().min(index + 5))
            .take_while(|&at| !words.punctuated_before(at))
            .any(|at| {
                let act = words.lower(at + 1);
                words.lower(at) == "do"
                    && at + 1 < words.len()
                    && !words.punctuated_before(at + 1)
                    && (["nia", "cia", "nie", "cie"]
                        .iter()
                        .any(|ending| act.ends_with(ending))
                        || matches!(
                            act,
                            "dialogu" | "rozmów" | "negocjacji" | "dymisji" | "pokoju" | "spokoju"
                        ))
            });
        return !(appeal || appeal_to_someone);
    }
    false
}

/// Whether the cue at `index` finds someone guilty (`Его признали виновным`, `Суд визнав
/// його винним`, `Sąd uznał go winnym`) or gives someone a status (`Издание признали
/// экстремистским`, `Двух журналистов признали иностранными агентами`, `«Вясна»
/// признала его политзаключенным`, `Fundację uznano za organizację ekstremistyczną`): an
/// act, an event, not a statement. The word of guilt or status stands within the next
/// four words of the clause.
pub fn finds_guilty_or_designates(words: &SentenceWords, index: usize) -> bool {
    let lower = words.lower(index);
    if !["призна", "визна", "прызна", "uzna"]
        .iter()
        .any(|stem| lower.starts_with(stem))
    {
        return false;
    }
    (index + 1..words.len().min(index + 5))
        .take_while(|&at| !words.punctuated_before(at))
        .any(|at| {
            [
                "виновн",
                "винн",
                "винуват",
                "вінават",
                "winn",
                "экстремист",
                "екстреміст",
                "экстрэміст",
                "ekstremist",
                "террорист",
                "терорист",
                "тэрарыст",
                "terroryst",
                "иностранн",
                "іноземн",
                "замежн",
                "zagraniczn",
                "политзаключ",
                "політв",
                "палітвязн",
                "нежелательн",
                "небажан",
                "непажадан",
                "niepożądan",
                "банкрот",
                "bankrut",
            ]
            .iter()
            .any(|stem| words.lower(at).starts_with(stem))
        })
}

/// Pasts of `передать`, `передати`, `перадаць`, `przekazać`: (stems, endings), as
/// [`CUE_PASTS`].
const HANDING_OVER: &[(&[&str], &[&str])] = &[
    (&["переда"], RU_PAST),
    (&["переда"], UK_PAST),
    (&["перада"], BE_PAST),
    (&["przekaza", "poda"], PL_PAST),
];

/// Verbs of planning in the present (`планирует`, `намерен`, `planuje`, `zamierza`),
/// before an infinitive.
const PLAN_VERBS: &[&str] = &[
    "планирует",
    "планируют",
    "намерен",
    "намерена",
    "намерены",
    "планує",
    "планують",
    "збирається",
    "збираються",
    "плануе",
    "плануюць",
    "збіраецца",
    "збіраюцца",
    "planuje",
    "planują",
    "zamierza",
    "zamierzają",
];

/// The pasts of `could` that, negated, tell what failed to happen (`Клиенты не могли
/// войти в приложение`, `Klienci nie mogli zalogować się`), as `were unable to log in`.
const COULD_PASTS: &[&str] = &[
    "мог",
    "могла",
    "могло",
    "могли",
    "міг",
    "магла",
    "магло",
    "маглі",
    "mógł",
    "mogła",
    "mogło",
    "mogli",
    "mogły",
];

/// Whether the word right before `index` negates it, in the same clause.
fn negated(words: &SentenceWords, index: usize) -> bool {
    index > 0
        && !words.punctuated_before(index)
        && matches!(words.lower(index - 1), "не" | "ня" | "ні" | "nie")
}

/// Whether the word at `at` is an infinitive (`повысить`, `відвідати`, `адбыцца`,
/// `odwiedzić`) in the clause of the word before it.
fn infinitive(words: &SentenceWords, at: usize) -> bool {
    at < words.len()
        && !words.punctuated_before(at)
        && crate::temporal::ends_as_infinitive(words.lower(at))
}

/// Whether the word at `index` plans what an infinitive among the three words after it
/// says, not negated, or schedules what the infinitive right after it says (`Премьер
/// должен посетить Варшаву в четверг`, `Premier ma odwiedzić Warszawę w czwartek`; the
/// date recognizer's [`crate::temporal::schedule_verbs`], as `is due to visit`; not `ma
/// prawo odwołać się`, which has a right): in a sentence with its date, a scheduled
/// event, as `The government plans to raise the minimum wage in July` is (`Правительство
/// планирует повысить минимальную зарплату в июле`, `Rząd planuje podnieść płacę
/// minimalną w lipcu`).
fn dated_plan(words: &SentenceWords, index: usize) -> bool {
    if words.classes(index) & SLAVIC_RULE_WORD == 0 || negated(words, index) {
        return false;
    }
    let lower = words.lower(index);
    if crate::temporal::schedule_verbs().any(|verb| verb == lower) {
        return infinitive(words, index + 1);
    }
    PLAN_VERBS.contains(&lower) && (index + 1..index + 4).any(|at| infinitive(words, at))
}

/// The infinitive after a negated past of `could` at `index` (`не могли войти`), which
/// tells what failed to happen; `None` for any other word, and with a conditional
/// (`не могли бы`), which asks or supposes.
fn failed_to(words: &SentenceWords, index: usize) -> Option<usize> {
    if words.classes(index) & SLAVIC_RULE_WORD == 0
        || !COULD_PASTS.contains(&words.lower(index))
        || !negated(words, index)
    {
        return None;
    }
    (index + 1..words.len().min(index + 3)).find(|&at| infinitive(words, at))
}

/// Whether the word at `index` is a past right after `уже`, `вже`, `ужо` or `już`,
/// imperfective ones too, which no list holds (`В октябре Литва уже закрывала границу`,
/// `Минск уже освобождал заключенных`): what has already happened once is an event.
/// Read by the past's endings, in six letters or more, so that a short `был` is not.
fn past_after_already(words: &SentenceWords, index: usize) -> bool {
    if index == 0
        || words.punctuated_before(index)
        || words.capitalised(index)
        || !matches!(words.lower(index - 1), "уже" | "вже" | "ужо" | "już")
    {
        return false;
    }
    let lower = words.lower(index);
    lower.chars().count() >= 6
        && [
            "л", "ла", "ло", "ли", "лся", "лась", "лись", "ав", "ив", "ів", "лі", "ў", "ł", "ła",
            "ło", "li", "ły",
        ]
        .iter()
        .any(|ending| lower.ends_with(ending))
        && reads_as_slavic(words, lower)
}

/// Whether the word at `index` is a negated past of a reporting verb (`Журналистка не
/// признала вину`, `Kreml nie potwierdził informacji`): a cue no longer, but what was
/// not done is the event, as the English `did not confirm`.
fn negated_cue_past(words: &SentenceWords, index: usize) -> bool {
    // Negation is rare: the stems are read only after one. (A class of their own would
    // keep these words from `guessed_form`, which reads some of them as events.)
    if !negated(words, index) {
        return false;
    }
    let lower = words.lower(index);
    CUE_PASTS.iter().any(|(stems, endings)| {
        stems.iter().any(|stem| {
            lower
                .strip_prefix(stem)
                .is_some_and(|ending| endings.contains(&ending))
        })
    })
}

/// The first event verb of a Slavic sentence among the `usable` words from `from` on: a
/// past (`задержали`, `zatrzymali`, or a past that [`guessed_form`] reads), a passive
/// form (`задержан`, `został zatrzymany`, `zatrzymano`, `возбуждено`), a present of
/// continuing after its subject (`продолжает`), or, when the sentence gives its date
/// (`dated`), a future of taking place or starting ([`SCHEDULED_FUTURE`]).
pub fn find_event_from(
    words: &SentenceWords,
    from: usize,
    usable: impl Fn(usize) -> bool,
    dated: bool,
) -> Option<VerbGroup> {
    // `Мы связались с пресс-службой, но ответа не получили`: the outlet's own doing, as
    // the English `we`, opening the sentence or right before the verb.
    let we = |at: usize| matches!(words.lower(at), "мы" | "ми" | "my");
    if we(0) {
        return None;
    }
    for index in from..words.len() {
        if !usable(index) {
            continue;
        }
        // `Zatrzymany w poniedziałek aktywista rozpoczął głodówkę`: a participle opening
        // the sentence qualifies its subject; the verb comes after.
        if index == 0 && long_participle(words, 0) {
            continue;
        }
        let after_we = index
            .checked_sub(1)
            .is_some_and(|before| we(before) && !words.punctuated_before(index));
        if after_we {
            continue;
        }
        if dated && (words.classes(index) & SCHEDULED_FUTURE != 0 || dated_plan(words, index)) {
            return Some(VerbGroup {
                first: index,
                verb: index,
                form: EventForm::Future,
            });
        }
        if continuing_present(words, index)
            || present_going_on(words, index)
            || action_present(words, index)
        {
            return Some(VerbGroup {
                first: index,
                verb: index,
                form: EventForm::Ongoing,
            });
        }
        if let Some(participle) = passive_after_be(words, index).filter(|&at| usable(at)) {
            return Some(VerbGroup {
                first: index,
                verb: participle,
                form: EventForm::Passive,
            });
        }
        if let Some(verb) = failed_to(words, index).filter(|&at| usable(at)) {
            return Some(VerbGroup {
                first: index,
                verb,
                form: EventForm::Past,
            });
        }
        let classes = words.classes(index);
        let guess = slavic_guess(words, index);
        if classes & EVENT_PAST != 0
            || guess == Some(GuessedForm::Past)
            || hands_something_over(words, index)
            || (finds_guilty_or_designates(words, index)
                && classes & PASSIVE_FORM == 0
                && guess != Some(GuessedForm::Passive))
            || negated_cue_past(words, index)
        {
            return Some(VerbGroup {
                first: index,
                verb: index,
                form: EventForm::Past,
            });
        }
        if past_after_already(words, index) {
            return Some(VerbGroup {
                first: index,
                verb: index,
                form: EventForm::Past,
            });
        }
        if classes & PASSIVE_FORM != 0 || guess == Some(GuessedForm::Passive) {
            let auxiliary = index
                .checked_sub(1)
                .filter(|&before| {
                    words.classes(before) & en::BE != 0 && !words.punctuated_before(index)
                })
                .unwrap_or(index);
            return Some(VerbGroup {
                first: auxiliary,
                verb: index,
                form: EventForm::Passive,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_pasts_end_as_their_paradigms_plural_does() {
        for plural in [
            "сообщили",
            "пожаловались",
            "повідомили",
            "поскаржилися",
            "паведамілі",
            "poinformowali",
            "poinformowały",
        ] {
            assert!(ends_as_plural_past(plural), "{plural}");
        }
        for other in [
            "сообщил",
            "сообщила",
            "повідомив",
            "паведаміў",
            "poinformował",
        ] {
            assert!(!ends_as_plural_past(other), "{other}");
        }
    }

    #[test]
    fn the_guess_reads_long_past_and_passive_forms_and_leaves_look_alikes() {
        for past in [
            "заблокировали",
            "доставили",
            "встретились",
            "відбувся",
            "евакуювали",
            "арыштаваў",
            "zablokowało",
            "przepuścili",
            "отменил",
            "адмяніў",
            "ogłosił",
            "освободила",
            "ogłosiła",
            "przedłużył",
            "wszczęła",
            "odnotowała",
            "вспыхнул",
            "спалахнула",
            "закрыла",
            "ogłosiły",
            "naruszyły",
            "zginęły",
            "вызвало",
            "zakazało",
            "перенесли",
            "вывезли",
            "przywieźli",
            "застрягли",
            "привлекли",
            "uciekli",
            "осудил",
            "прилетели",
            "вручил",
            "wrócił",
            "ruszył",
            "пусціў",
        ] {
            assert_eq!(guessed_form(past), Some(GuessedForm::Past), "{past}");
        }
        for passive in [
            "возбуждено",
            "затримано",
            "відкрито",
            "прийнято",
            "zniszczono",
            "wszczęto",
            "wykryto",
            "заблокирован",
            "зарегистрированы",
            "эвакуирована",
        ] {
            assert_eq!(
                guessed_form(passive),
                Some(GuessedForm::Passive),
                "{passive}"
            );
        }
        // Short nouns, `-нно` adverbs, listed states and nouns, English words.
        for other in [
            "цели",
            "стали",
            "недели",
            "постоянно",
            "находились",
            "автомобили",
            "niedzieli",
            "михаил",
            "правила",
            "правил",
            "спасатели",
            "представители",
            "решил",
            "финала",
            "генерала",
            "канала",
            "сигнала",
            "купила",
            "трибунал",
            "обстрел",
            "обстрела",
            "отдела",
            "wspaniały",
            "бывало",
            "рассказывало",
            "зеркало",
            "означало",
            "portfolio",
            "yesterday",
            "",
        ] {
            assert_eq!(guessed_form(other), None, "{other}");
        }
    }

    /// A past in `-ив`, `-ав`, `-ала` is read in a Ukrainian sentence only, and not from
    /// the nouns that end so.
    #[test]
    fn pasts_in_iv_av_ala_are_read_in_ukrainian_sentences_only() {
        let read = |text: &str, word: &str| {
            let mut words = SentenceWords::new(text);
            words.fill(crate::text::TextRange::new(0, text.len()));
            ukrainian_past(&words, word)
        };
        for (text, word) in [
            ("ЄС запровадив нові санкції.", "запровадив"),
            ("Завод втратив усі замовлення.", "втратив"),
            ("Мінськ викликав тимчасового повіреного.", "викликав"),
            ("Компанія розпочала будівництво в місті.", "розпочала"),
        ] {
            assert!(read(text, word), "{text}");
        }
        for (text, word) in [
            // Without a letter only Ukrainian writes, the sentence could be Russian.
            ("Завод втратив замовлення.", "втратив"),
            ("Завод втратив заказы.", "втратив"),
            // Russian: `і` is no Russian letter, and the word is a noun.
            ("Это рецидив болезни.", "рецидив"),
            // Ukrainian nouns and names.
            ("Колектив інституту отримав премію.", "колектив"),
            ("Ярослав і Марія приїхали.", "ярослав"),
            ("Наказ генерала виконали вчасно і точно.", "генерала"),
            // Belarusian writes `ў`.
            ("Урад запровадив і ўвёў санкцыі.", "запровадив"),
            // Russian and Belarusian genitives in `-ала`.
            ("Директор канала уволен.", "канала"),
            ("Дырэктар канала і журнала звольнены.", "журнала"),
        ] {
            assert!(!read(text, word), "{text}");
        }
    }

    #[test]
    fn every_form_is_lower_case_and_every_paradigm_makes_the_expected_forms() {
        let cues: Vec<String> = cue_phrases().collect();
        for cue in &cues {
            assert_eq!(*cue, cue.to_lowercase(), "{cue}");
        }
        for expected in [
            "заявил",
            "заявила",
            "заявили",
            "заявив",
            "заявила",
            "заявіў",
            "заявіла",
            "заявілі",
            "powiedział",
            "powiedziała",
            "powiedziało",
            "powiedzieli",
            "oświadczył",
            "poinformował",
            "по словам",
            "według",
            "jak podaje",
        ] {
            assert!(cues.iter().any(|cue| cue == expected), "{expected}");
        }
        let classes: Vec<(String, Classes)> = word_classes();
        let class_of = |word: &str| {
            classes
                .iter()
                .filter(|(form, _)| form == word)
                .fold(0, |all, (_, class)| all | class)
        };
        for event in [
            "задержали",
            "встретился",
            "підписав",
            "затрымалі",
            "zatrzymali",
        ] {
            assert_ne!(class_of(event) & EVENT_PAST, 0, "{event}");
        }
        for passive in ["задержан", "затримано", "zatrzymany", "zatrzymano"] {
            assert_ne!(class_of(passive) & PASSIVE_FORM, 0, "{passive}");
        }
        assert_ne!(class_of("przed") & en::NOT_A_VERB, 0);
    }
}
