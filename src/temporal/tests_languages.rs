//! Tests of `find_temporal_in` for Russian, Ukrainian, Belarusian and Polish: one table
//! per language of each form the recognizer reads, in sentences, resolved against an
//! article date (among them dates whose weekday or month cannot be placed without one).

use super::*;

/// (sentence, article date ("" for none), expected text, value ("-" for none), anchors)
type Row = (&'static str, &'static str, &'static str, &'static str, bool);

const D: &str = "2022-10-04"; // a Tuesday

const RUSSIAN: &[Row] = &[
    // The one before the last.
    (
        "Закон приняли на позапрошлой неделе.",
        D,
        "на позапрошлой неделе",
        "2022-W38",
        true,
    ),
    (
        "В позапрошлом году цены выросли.",
        D,
        "В позапрошлом году",
        "2020",
        true,
    ),
    (
        "Его задержали в позапрошлый понедельник.",
        D,
        "в позапрошлый понедельник",
        "2022-09-19",
        true,
    ),
    // The weekday that ends a range is the first after the one that starts it: alone,
    // `вторник` ahead would be the article's own Tuesday.
    (
        "Переговоры пройдут с понедельника по вторник.",
        D,
        "по вторник",
        "2022-10-11",
        true,
    ),
    // A count after `около` is no year, nor is a number outside 1900-2100 without its
    // year word.
    (
        "Центр считает политзаключенными около 1950 человек.",
        D,
        "",
        "-",
        false,
    ),
    ("Задержаны 1150 человек.", D, "", "-", false),
    ("Это было около 2000 года.", D, "2000 года", "2000", true),
    // Halves and quarters of the year, with their year or the latest one not after the
    // article's.
    (
        "В первом полугодии экспорт вырос.",
        D,
        "первом полугодии",
        "2022-H1",
        true,
    ),
    (
        "В третьем квартале 2021 года экспорт вырос.",
        D,
        "третьем квартале 2021 года",
        "2021-Q3",
        true,
    ),
    // A part of the article's week, month or year, as `the start of the week`.
    (
        "В начале недели министр посетил Гродно.",
        D,
        "В начале недели",
        "2022-W40",
        true,
    ),
    (
        "До конца года правительство повысит пенсии.",
        D,
        "До конца года",
        "2022",
        true,
    ),
    // A past weekend named with its shift, as `last weekend`.
    (
        "В минувшие выходные в Варшаве прошёл митинг.",
        D,
        "В минувшие выходные",
        "2022-W39-WE",
        true,
    ),
    // A listed perfective future points forward, as `будет` does.
    (
        "Лукашенко посетит Пекин в декабре.",
        D,
        "декабре",
        "2022-12",
        true,
    ),
    // A schedule before its infinitive points forward too (`is due to visit`); what is
    // owed since a day does not.
    (
        "Премьер должен посетить Варшаву в четверг.",
        D,
        "в четверг",
        "2022-10-06",
        true,
    ),
    (
        "Он должен банку миллион с четверга.",
        D,
        "с четверга",
        "2022-09-29",
        true,
    ),
    // The week, month or year up to the article date, as `in the past month`.
    (
        "За последний месяц задержаны 40 человек.",
        D,
        "За последний месяц",
        "2022-09-04/2022-10-04",
        true,
    ),
    (
        "За минувшие сутки ВСУ отразили 20 атак.",
        D,
        "За минувшие сутки",
        "2022-10-03/2022-10-04",
        true,
    ),
    // What something is moved to is ahead, whatever the tense; the night before a day
    // has passed.
    (
        "Голосование перенесли на весну.",
        D,
        "весну",
        "2023-SP",
        true,
    ),
    (
        "Встречу перенесли на понедельник.",
        D,
        "на понедельник",
        "2022-10-10",
        true,
    ),
    (
        "В ночь на понедельник дроны атаковали Киев.",
        D,
        "на понедельник",
        "2022-10-03",
        true,
    ),
    (
        "На выходных в Минске задержали активистов.",
        D,
        "На выходных",
        "2022-W39-WE",
        true,
    ),
    (
        "Учения пройдут на выходных.",
        D,
        "на выходных",
        "2022-W40-WE",
        true,
    ),
    (
        "Министр заявил 29 сентября, что",
        D,
        "29 сентября",
        "2022-09-29",
        true,
    ),
    (
        "Указ подписан 16 декабря 2021 года.",
        D,
        "16 декабря 2021 года",
        "2021-12-16",
        true,
    ),
    (
        "Документ от 04.10.2022 вступил в силу",
        D,
        "04.10.2022",
        "2022-10-04",
        true,
    ),
    (
        "Документ от 4.10.2022 г. вступил",
        D,
        "4.10.2022 г.",
        "2022-10-04",
        true,
    ),
    (
        "Это случилось в 2022 г. впервые",
        D,
        "2022 г.",
        "2022",
        true,
    ),
    ("Как и в 2014 году, власти", D, "2014 году", "2014", true),
    ("Учения прошли в сентябре.", D, "сентябре", "2022-09", true),
    (
        "В октябре 2022 года начались",
        D,
        "октябре 2022 года",
        "2022-10",
        true,
    ),
    (
        "Это было в марте прошлого года.",
        D,
        "марте прошлого года",
        "2021-03",
        true,
    ),
    (
        "Во вторник министр сказал",
        D,
        "Во вторник",
        "2022-10-04",
        true,
    ),
    (
        "Он выступил в четверг вечером.",
        D,
        "в четверг вечером",
        "2022-09-29TEV",
        true,
    ),
    ("Встреча прошла в среду.", D, "в среду", "2022-09-28", true),
    (
        "Заседание состоится в пятницу.",
        D,
        "в пятницу",
        "2022-10-07",
        true,
    ),
    (
        "В прошлую пятницу он уехал.",
        D,
        "В прошлую пятницу",
        "2022-09-30",
        true,
    ),
    ("Об этом сообщили вчера.", D, "вчера", "2022-10-03", true),
    (
        "Позавчера прошёл митинг.",
        D,
        "Позавчера",
        "2022-10-02",
        true,
    ),
    (
        "Сегодня утром ударили ракеты.",
        D,
        "Сегодня утром",
        "2022-10-04TMO",
        true,
    ),
    (
        "На прошлой неделе прошли учения.",
        D,
        "На прошлой неделе",
        "2022-W39",
        true,
    ),
    (
        "В прошлом месяце объявили",
        D,
        "В прошлом месяце",
        "2022-09",
        true,
    ),
    ("В этом году урожай", D, "В этом году", "2022", true),
    (
        "Три дня назад начались",
        D,
        "Три дня назад",
        "2022-10-01",
        true,
    ),
    (
        "Две недели назад он",
        D,
        "Две недели назад",
        "2022-W38",
        true,
    ),
    (
        "Несколько дней назад он",
        D,
        "Несколько дней назад",
        "PAST_REF",
        true,
    ),
    (
        "Учения пройдут с 7 по 10 октября.",
        D,
        "с 7 по 10 октября",
        "2022-10-07/2022-10-10",
        true,
    ),
    (
        "Учения прошли 7–10 сентября.",
        D,
        "7–10 сентября",
        "2022-09-07/2022-09-10",
        true,
    ),
    (
        "Он правил с 2020 по 2022 год.",
        D,
        "с 2020 по 2022 год",
        "2020/2022",
        true,
    ),
    ("Как в 1990-х годах, страна", D, "1990-х годах", "199", true),
    ("Это продлится три дня.", D, "три дня", "P3D", false),
    (
        "Работы идут в течение недели.",
        D,
        "течение недели",
        "P1W",
        false,
    ),
    (
        "В настоящее время мобилизации нет.",
        D,
        "В настоящее время",
        "PRESENT_REF",
        false,
    ),
    ("Недавно он заявил", D, "Недавно", "PAST_REF", false),
    (
        "Летом 2021 года прошли",
        D,
        "Летом 2021 года",
        "2021-SU",
        true,
    ),
    // Without an article date a weekday or a month alone cannot be placed.
    ("Во вторник министр сказал", "", "Во вторник", "-", true),
    ("Учения прошли в сентябре.", "", "сентябре", "-", true),
    // Not dates: a count of people, a phone-like number.
    ("Пришли 2000 человек.", D, "", "", false),
    (
        "Голосование прошло 2 и 3 октября.",
        D,
        "2 и 3 октября",
        "2022-10-02/2022-10-03",
        true,
    ),
    (
        "В ночь с 2 на 3 октября дроны атаковали Киев.",
        D,
        "с 2 на 3 октября",
        "2022-10-02/2022-10-03",
        true,
    ),
    (
        "Ночью с 2 на 3 октября дроны атаковали Киев.",
        D,
        "Ночью с 2 на 3 октября",
        "2022-10-02TNI",
        true,
    ),
    (
        "Голосование прошло 1 и 3 октября.",
        D,
        "3 октября",
        "2022-10-03",
        true,
    ),
    // Told of the past, the range's start moves a week back (D is a Tuesday).
    (
        "Забастовка длилась с понедельника по четверг.",
        D,
        "с понедельника",
        "2022-09-26",
        true,
    ),
    // A time right after a day is on that day.
    (
        "В понедельник в 10:00 начался процесс.",
        D,
        "в 10:00",
        "2022-10-03T10:00",
        true,
    ),
    (
        "В прошедшие выходные прошли акции.",
        D,
        "В прошедшие выходные",
        "2022-W39-WE",
        true,
    ),
];

const UKRAINIAN: &[Row] = &[
    (
        "Закон ухвалили позаминулого тижня.",
        D,
        "позаминулого тижня",
        "2022-W38",
        true,
    ),
    (
        "У першому півріччі підприємства скоротили працівників.",
        D,
        "першому півріччі",
        "2022-H1",
        true,
    ),
    (
        "Минулих вихідних у Києві пройшов мітинг.",
        D,
        "Минулих вихідних",
        "2022-W39-WE",
        true,
    ),
    (
        "На початку тижня міністр відвідав Гродно.",
        D,
        "На початку тижня",
        "2022-W40",
        true,
    ),
    (
        "За останній тиждень ціни зросли на 5%.",
        D,
        "За останній тиждень",
        "2022-09-27/2022-10-04",
        true,
    ),
    (
        "Наприкінці вересня кордон закрили.",
        D,
        "вересня",
        "2022-09",
        true,
    ),
    (
        "Росія вночі атакувала Україну дронами.",
        D,
        "вночі",
        "2022-10-03TNI",
        true,
    ),
    (
        "Вночі очікуються заморозки, які будуть до ранку.",
        D,
        "Вночі",
        "2022-10-04TNI",
        true,
    ),
    (
        "Минулої ночі ППО збила 30 дронів.",
        D,
        "Минулої ночі",
        "2022-10-03TNI",
        true,
    ),
    (
        "За минулу добу ворог атакував 20 разів.",
        D,
        "За минулу добу",
        "2022-10-03/2022-10-04",
        true,
    ),
    (
        "На вихідних росіяни обстріляли місто.",
        D,
        "На вихідних",
        "2022-W39-WE",
        true,
    ),
    (
        "Міністр заявив 29 вересня, що",
        D,
        "29 вересня",
        "2022-09-29",
        true,
    ),
    (
        "Указ підписано 16 грудня 2021 року.",
        D,
        "16 грудня 2021 року",
        "2021-12-16",
        true,
    ),
    ("Це сталося у 2022 р. вперше", D, "2022 р.", "2022", true),
    ("Навчання почалися у жовтні.", D, "жовтні", "2022-10", true),
    (
        "Так було у березні минулого року.",
        D,
        "березні минулого року",
        "2021-03",
        true,
    ),
    (
        "У понеділок міністр сказав",
        D,
        "У понеділок",
        "2022-10-03",
        true,
    ),
    (
        "Зустріч відбулася у п’ятницю.",
        D,
        "у п’ятницю",
        "2022-09-30",
        true,
    ),
    (
        "Зустріч відбулася у п'ятницю.",
        D,
        "у п'ятницю",
        "2022-09-30",
        true,
    ),
    // The modifier letter apostrophe (U+02BC), which the tokenizer reads as a letter.
    (
        "Зустріч відбулася у п\u{2bc}ятницю.",
        D,
        "у п\u{2bc}ятницю",
        "2022-09-30",
        true,
    ),
    (
        "Засідання відбудеться у четвер.",
        D,
        "у четвер",
        "2022-10-06",
        true,
    ),
    (
        "Прем'єр має відвідати Варшаву в четвер.",
        D,
        "в четвер",
        "2022-10-06",
        true,
    ),
    (
        "Минулого вівторка він поїхав.",
        D,
        "Минулого вівторка",
        "2022-09-27",
        true,
    ),
    ("Про це повідомили вчора.", D, "вчора", "2022-10-03", true),
    (
        "Учора ввечері вдарили ракети.",
        D,
        "Учора ввечері",
        "2022-10-03TEV",
        true,
    ),
    (
        "Сьогодні вранці ударили ракети.",
        D,
        "Сьогодні вранці",
        "2022-10-04TMO",
        true,
    ),
    (
        "Минулого тижня пройшли навчання.",
        D,
        "Минулого тижня",
        "2022-W39",
        true,
    ),
    ("Торік урожай був кращий.", D, "Торік", "2021", true),
    (
        "Два дні тому почалися",
        D,
        "Два дні тому",
        "2022-10-02",
        true,
    ),
    (
        "Навчання пройдуть з 7 по 10 жовтня.",
        D,
        "з 7 по 10 жовтня",
        "2022-10-07/2022-10-10",
        true,
    ),
    ("Як у 1990-х роках, країна", D, "1990-х роках", "199", true),
    ("Це триватиме п’ять днів.", D, "п’ять днів", "P5D", false),
    (
        "Наразі мобілізації немає.",
        D,
        "Наразі",
        "PRESENT_REF",
        false,
    ),
    ("У понеділок міністр сказав", "", "У понеділок", "-", true),
    (
        "Голосування відбулося 2 та 3 жовтня.",
        D,
        "2 та 3 жовтня",
        "2022-10-02/2022-10-03",
        true,
    ),
    (
        "У ніч з 2 на 3 жовтня дрони атакували Київ.",
        D,
        "з 2 на 3 жовтня",
        "2022-10-02/2022-10-03",
        true,
    ),
];

const BELARUSIAN: &[Row] = &[
    (
        "Закон прынялі на пазамінулым тыдні.",
        D,
        "на пазамінулым тыдні",
        "2022-W38",
        true,
    ),
    (
        "У трэцім квартале мінулага года экспарт вырас.",
        D,
        "трэцім квартале мінулага года",
        "2021-Q3",
        true,
    ),
    (
        "На пачатку тыдня міністр наведаў Гродна.",
        D,
        "На пачатку тыдня",
        "2022-W40",
        true,
    ),
    (
        "За апошні тыдзень затрымалі 40 чалавек.",
        D,
        "За апошні тыдзень",
        "2022-09-27/2022-10-04",
        true,
    ),
    (
        "За апошнія суткі затрымалі 12 чалавек.",
        D,
        "За апошнія суткі",
        "2022-10-03/2022-10-04",
        true,
    ),
    // The rights group Viasna, not the spring.
    ("Вясна паведаміла пра новыя затрыманні.", D, "", "-", false),
    (
        "Паводле «Вясны», затрыманых больш за сто.",
        D,
        "",
        "-",
        false,
    ),
    (
        "Праваабаронцы Вясны паведамілі пра затрыманні.",
        D,
        "",
        "-",
        false,
    ),
    ("Вясной пачаліся пратэсты.", D, "Вясной", "2022-SP", true),
    (
        "Вясной войскі правялі вучэнні.",
        D,
        "Вясной",
        "2022-SP",
        true,
    ),
    (
        "На выхадных міліцыя затрымала актывістаў.",
        D,
        "На выхадных",
        "2022-W39-WE",
        true,
    ),
    (
        "Міністр заявіў 29 верасня, што",
        D,
        "29 верасня",
        "2022-09-29",
        true,
    ),
    (
        "Указ падпісаны 16 снежня 2021 года.",
        D,
        "16 снежня 2021 года",
        "2021-12-16",
        true,
    ),
    // Taraškievica.
    (
        "Указ падпісаны 16 сьнежня 2021 году.",
        D,
        "16 сьнежня 2021",
        "2021-12-16",
        true,
    ),
    (
        "Вучэнні пачаліся ў кастрычніку.",
        D,
        "кастрычніку",
        "2022-10",
        true,
    ),
    ("У чацвер міністр сказаў", D, "У чацвер", "2022-09-29", true),
    (
        "У чацьвер міністр сказаў",
        D,
        "У чацьвер",
        "2022-09-29",
        true,
    ),
    (
        "Сустрэча адбылася ў пятніцу.",
        D,
        "ў пятніцу",
        "2022-09-30",
        true,
    ),
    ("Пра гэта паведамілі ўчора.", D, "ўчора", "2022-10-03", true),
    (
        "Сёння раніцай ударылі ракеты.",
        D,
        "Сёння раніцай",
        "2022-10-04TMO",
        true,
    ),
    (
        "Сёньня раніцай ударылі ракеты.",
        D,
        "Сёньня раніцай",
        "2022-10-04TMO",
        true,
    ),
    (
        "У мінулым месяцы абвясцілі",
        D,
        "У мінулым месяцы",
        "2022-09",
        true,
    ),
    (
        "На мінулым тыдні прайшлі вучэнні.",
        D,
        "На мінулым тыдні",
        "2022-W39",
        true,
    ),
    ("Летась ураджай быў лепшы.", D, "Летась", "2021", true),
    (
        "Тры дні таму пачаліся",
        D,
        "Тры дні таму",
        "2022-10-01",
        true,
    ),
    (
        "Вучэнні пройдуць з 7 па 10 кастрычніка.",
        D,
        "з 7 па 10 кастрычніка",
        "2022-10-07/2022-10-10",
        true,
    ),
    ("Цяпер мабілізацыі няма.", D, "Цяпер", "PRESENT_REF", false),
    (
        "Вучэнні пачаліся ў кастрычніку.",
        "",
        "кастрычніку",
        "-",
        true,
    ),
    (
        "Галасаванне прайшло 2 і 3 кастрычніка.",
        D,
        "2 і 3 кастрычніка",
        "2022-10-02/2022-10-03",
        true,
    ),
];

const POLISH: &[Row] = &[
    // `ma` schedules before its infinitive (`is to visit`), and owns without one.
    (
        "Premier ma odwiedzić Warszawę w czwartek.",
        D,
        "w czwartek",
        "2022-10-06",
        true,
    ),
    (
        "Firma ma siedzibę w Warszawie, poinformował rzecznik w czwartek.",
        D,
        "w czwartek",
        "2022-09-29",
        true,
    ),
    (
        "W pierwszym kwartale eksport wzrósł.",
        D,
        "pierwszym kwartale",
        "2022-Q1",
        true,
    ),
    (
        "Pod koniec tygodnia rząd przyjął ustawę.",
        D,
        "Pod koniec tygodnia",
        "2022-W40",
        true,
    ),
    (
        "W miniony weekend odbył się wiec.",
        D,
        "W miniony weekend",
        "2022-W39-WE",
        true,
    ),
    (
        "Premier odwiedzi Kijów w piątek.",
        D,
        "w piątek",
        "2022-10-07",
        true,
    ),
    (
        "W ciągu ostatniego miesiąca ceny wzrosły o 5%.",
        D,
        "W ciągu ostatniego miesiąca",
        "2022-09-04/2022-10-04",
        true,
    ),
    (
        "W ostatnim tygodniu zatrzymano 12 osób.",
        D,
        "W ostatnim tygodniu",
        "2022-09-27/2022-10-04",
        true,
    ),
    (
        "Pod koniec września granica została zamknięta.",
        D,
        "września",
        "2022-09",
        true,
    ),
    (
        "Ostatniej nocy Rosja zaatakowała Kijów.",
        D,
        "Ostatniej nocy",
        "2022-10-03TNI",
        true,
    ),
    (
        "W ciągu ostatniej doby zatrzymano 12 osób.",
        D,
        "W ciągu ostatniej doby",
        "2022-10-03/2022-10-04",
        true,
    ),
    // A capitalised nominative with no preposition is a name (the party Wiosna).
    ("Wiosna zdobyła trzy mandaty.", D, "", "-", false),
    (
        "Wiosną wojsko przeprowadziło ćwiczenia.",
        D,
        "Wiosną",
        "2022-SP",
        true,
    ),
    (
        "Głosowanie przełożono na wiosnę.",
        D,
        "wiosnę",
        "2023-SP",
        true,
    ),
    (
        "W weekend policja zatrzymała działaczy.",
        D,
        "W weekend",
        "2022-W39-WE",
        true,
    ),
    (
        "Minister oświadczył 16 grudnia, że",
        D,
        "16 grudnia",
        "2021-12-16",
        true,
    ),
    (
        "Ustawę podpisano 16 grudnia 2021 r.",
        D,
        "16 grudnia 2021 r.",
        "2021-12-16",
        true,
    ),
    (
        "Ćwiczenia zaczęły się w październiku.",
        D,
        "październiku",
        "2022-10",
        true,
    ),
    (
        "Było to w marcu zeszłego roku.",
        D,
        "marcu zeszłego roku",
        "2021-03",
        true,
    ),
    (
        "W środę minister powiedział",
        D,
        "W środę",
        "2022-09-28",
        true,
    ),
    (
        "W ubiegły piątek wyjechał.",
        D,
        "W ubiegły piątek",
        "2022-09-30",
        true,
    ),
    (
        "Spotkanie odbędzie się w czwartek.",
        D,
        "w czwartek",
        "2022-10-06",
        true,
    ),
    (
        "Ćwiczenia rozpoczną się w czwartek.",
        D,
        "w czwartek",
        "2022-10-06",
        true,
    ),
    (
        "Poinformowano o tym wczoraj.",
        D,
        "wczoraj",
        "2022-10-03",
        true,
    ),
    (
        "Wczoraj wieczorem spadły rakiety.",
        D,
        "Wczoraj wieczorem",
        "2022-10-03TEV",
        true,
    ),
    (
        "W piątek po południu spadły rakiety.",
        D,
        "W piątek po południu",
        "2022-09-30TAF",
        true,
    ),
    // `na południu kraju` is the country's south, no afternoon.
    ("Powódź zalała wsie na południu kraju.", D, "", "-", true),
    (
        "W zeszłym tygodniu odbyły się ćwiczenia.",
        D,
        "W zeszłym tygodniu",
        "2022-W39",
        true,
    ),
    ("W tym roku zbiory", D, "W tym roku", "2022", true),
    (
        "Dwa dni temu zaczęły się",
        D,
        "Dwa dni temu",
        "2022-10-02",
        true,
    ),
    (
        "Ćwiczenia od 7 do 10 października.",
        D,
        "od 7 do 10 października",
        "2022-10-07/2022-10-10",
        true,
    ),
    ("Jak w latach 90., kraj", D, "latach 90.", "199", true),
    ("To potrwa trzy dni.", D, "trzy dni", "P3D", false),
    (
        "Obecnie mobilizacji nie ma.",
        D,
        "Obecnie",
        "PRESENT_REF",
        false,
    ),
    ("W środę minister powiedział", "", "W środę", "-", true),
    (
        "Wybory odbyły się 2 i 3 października.",
        D,
        "2 i 3 października",
        "2022-10-02/2022-10-03",
        true,
    ),
    (
        "W nocy z 2 na 3 października drony zaatakowały Kijów.",
        D,
        "W nocy z 2 na 3 października",
        "2022-10-02TNI",
        true,
    ),
    (
        "W poniedziałek o godz. 10:00 rozpoczął się proces.",
        D,
        "10:00",
        "2022-10-03T10:00",
        true,
    ),
    (
        "W ubiegły weekend odbyły się protesty.",
        D,
        "W ubiegły weekend",
        "2022-W39-WE",
        true,
    ),
];

fn check(language: Language, table: &[Row]) {
    for &(sentence, anchor, text, value, anchors) in table {
        let anchor =
            (!anchor.is_empty()).then(|| CalendarDate::parse_iso(anchor).expect("test anchor"));
        let found = find_temporal_in(sentence, anchor, language);
        if text.is_empty() {
            assert!(
                found.is_empty(),
                "{language:?} {sentence:?}: found {found:?}"
            );
            continue;
        }
        let timex = found
            .iter()
            .find(|timex| timex.range.slice(sentence) == text)
            .unwrap_or_else(|| {
                let shown: Vec<&str> = found.iter().map(|t| t.range.slice(sentence)).collect();
                panic!("{language:?} {sentence:?}: no {text:?} among {shown:?}")
            });
        assert_eq!(
            timex.value.as_deref().unwrap_or("-"),
            value,
            "{language:?} {sentence:?}"
        );
        assert_eq!(timex.anchors, anchors, "{language:?} {sentence:?}");
    }
}

#[test]
fn russian_dates() {
    check(Language::Ru, RUSSIAN);
}

#[test]
fn ukrainian_dates() {
    check(Language::Uk, UKRAINIAN);
}

#[test]
fn belarusian_dates() {
    check(Language::Be, BELARUSIAN);
}

#[test]
fn polish_dates() {
    check(Language::Pl, POLISH);
}

/// An English article reads no Russian date, and a Russian one no English date: each
/// language runs its own matcher only.
#[test]
fn each_language_runs_its_own_matcher() {
    let anchor = CalendarDate::parse_iso(D).ok();
    assert!(find_temporal_in("Министр заявил 29 сентября.", anchor, Language::En).is_empty());
    assert!(
        find_temporal_in("The minister spoke on 29 September.", anchor, Language::Ru).is_empty()
    );
}

/// Every listed form of every language is read where a date is expected, and hostile
/// text made of the lists' words never panics.
#[test]
fn the_tables_hold_and_never_panic() {
    for language in [Language::Ru, Language::Uk, Language::Be, Language::Pl] {
        let lexicon = slavic_lexicon::lexicon(language).expect("a table");
        let mut soup = String::new();
        for (form, entry) in lexicon.forms() {
            assert_eq!(form, form.to_lowercase(), "{language:?}: {form}");
            if let Some(month) = entry.month {
                let sentence = format!("7 {form}");
                let found = find_temporal_in(&sentence, None, language);
                assert!(
                    matches!(found.as_slice(), [t] if t.range.slice(&sentence) == sentence),
                    "{language:?}: {sentence} ({month}): {found:?}"
                );
            }
            soup.push_str(form);
            soup.push_str(if soup.len() % 3 == 0 { " 12 " } else { " - " });
        }
        let anchor = CalendarDate::parse_iso(D).ok();
        for cut in (0..soup.len()).step_by(97) {
            if let Some(piece) = soup.get(cut..) {
                let _ = find_temporal_in(piece, anchor, language);
            }
        }
    }
}
