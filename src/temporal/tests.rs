//! Tests of `find_temporal`: a table of phrases in sentences with their article dates
//! (every date phrasing of the seed articles among them), snapshots of whole paragraphs,
//! and inputs that must not make it panic.

use super::*;
use expect_test::{expect, Expect};

fn date(s: &str) -> Option<CalendarDate> {
    if s.is_empty() {
        None
    } else {
        Some(CalendarDate::parse_iso(s).expect("test anchor"))
    }
}

/// (sentence, article date ("" for none), expected text, kind, value ("-" for none), anchors)
const TABLE: &[(&str, &str, &str, TimexKind, &str, bool)] = {
    use TimexKind::{Date as D, Duration as U, Set as S, Time as T};
    &[
        // The weekday that ends a range is the first after the one that starts it: alone,
        // a `Wednesday` ahead in an article of a Wednesday is that day.
        (
            "Talks will run from Monday to Wednesday.",
            "2026-11-18",
            "Wednesday",
            D,
            "2026-11-25",
            true,
        ),
        (
            "The market was closed from Monday to Wednesday.",
            "2026-11-18",
            "Wednesday",
            D,
            "2026-11-18",
            true,
        ),
        // A time with no date of its own, right after a day, is on that day.
        (
            "On Tuesday at 10:00 the trial began.",
            "2026-11-18",
            "10:00",
            T,
            "2026-11-17T10:00",
            true,
        ),
        (
            "On Tuesday, police came. At 10:00 the trial began.",
            "2026-11-18",
            "10:00",
            T,
            "2026-11-18T10:00",
            true,
        ),
        // Told of the past, a range whose end comes earlier in the week starts a week
        // before: the latest such range, not one that ends after the article.
        (
            "The strike lasted from Monday until Thursday.",
            "2026-11-18",
            "Monday",
            D,
            "2026-11-09",
            true,
        ),
        (
            "The strike lasted from Monday until Thursday.",
            "2026-11-18",
            "Thursday",
            D,
            "2026-11-12",
            true,
        ),
        // A quarter without its year: the latest one not after the article's, the next
        // one on a future cue.
        (
            "Exports rose in the first quarter.",
            "2022-10-04",
            "the first quarter",
            D,
            "2022-Q1",
            true,
        ),
        (
            "Exports will rise in the first quarter.",
            "2022-10-04",
            "the first quarter",
            D,
            "2023-Q1",
            true,
        ),
        // A part of a year is read as that year, as `the end of the year` is.
        (
            "The economy grew 2.1% in the first nine months of the year.",
            "2026-11-20",
            "the first nine months of the year",
            D,
            "2026",
            true,
        ),
        (
            "Exports fell in the last three months of 2025.",
            "2026-11-20",
            "the last three months of 2025",
            D,
            "2025",
            true,
        ),
        // Looking forward, an earlier day of the article's own month is next year's.
        (
            "The vote will be held on October 1.",
            "2022-10-04",
            "October 1",
            D,
            "2023-10-01",
            true,
        ),
        (
            "The vote will be held on October 10.",
            "2022-10-04",
            "October 10",
            D,
            "2022-10-10",
            true,
        ),
        // A date written with dots, day first (2026-11-20 is a Friday).
        (
            "The meeting was held on 18.11.2026.",
            "2026-11-20",
            "18.11.2026",
            D,
            "2026-11-18",
            true,
        ),
        // `this past` is the latest one before the article date.
        (
            "A rally was held this past weekend.",
            "2026-11-20",
            "this past weekend",
            D,
            "2026-W46-WE",
            true,
        ),
        (
            "Protesters gathered this past Sunday.",
            "2026-11-20",
            "this past Sunday",
            D,
            "2026-11-15",
            true,
        ),
        // What lasted until a day has ended; what was extended until one looks forward.
        (
            "The curfew lasted until Sunday.",
            "2026-11-20",
            "Sunday",
            D,
            "2026-11-15",
            true,
        ),
        (
            "The curfew was extended until Sunday.",
            "2026-11-20",
            "Sunday",
            D,
            "2026-11-22",
            true,
        ),
        // Seed 000, Date 2026-02-20.
        (
            "Suspilne published on 19 February.",
            "2026-02-20",
            "19 February",
            D,
            "2026-02-19",
            true,
        ),
        (
            "On 17 February, the ministry said",
            "2026-02-20",
            "17 February",
            D,
            "2026-02-17",
            true,
        ),
        (
            "On 19 February, the ministry published",
            "2026-02-20",
            "19 February",
            D,
            "2026-02-19",
            true,
        ),
        (
            "ordered a snap inspection in January",
            "2026-02-20",
            "January",
            D,
            "2026-01",
            true,
        ),
        (
            "Lukashenka on 16 January announced",
            "2026-02-20",
            "16 January",
            D,
            "2026-01-16",
            true,
        ),
        (
            "summonses en masse for several days as part",
            "2026-02-20",
            "several days",
            U,
            "PXD",
            false,
        ),
        // A part of the day alone leans on the day a sentence before named.
        (
            "The group crossed the border early in the morning.",
            "2026-02-20",
            "early in the morning",
            D,
            "-",
            false,
        ),
        (
            "Crowds gathered in the evening.",
            "2026-02-20",
            "the evening",
            D,
            "-",
            false,
        ),
        (
            "told to report the same day they received",
            "2026-02-20",
            "the same day",
            D,
            "-",
            false,
        ),
        (
            "rather than the usual week-long window.",
            "2026-02-20",
            "week-long",
            U,
            "P1W",
            false,
        ),
        (
            "rather than routine annual training.",
            "2026-02-20",
            "annual",
            S,
            "P1Y",
            false,
        ),
        (
            "can last up to two months, while",
            "2026-02-20",
            "two months",
            U,
            "P2M",
            false,
        ),
        (
            "is capped at 12 months.",
            "2026-02-20",
            "12 months",
            U,
            "P12M",
            false,
        ),
        (
            "did not join Russia’s 2022 invasion of Ukraine",
            "2026-02-20",
            "2022",
            D,
            "2022",
            true,
        ),
        (
            "allies currently view the assemblies",
            "2026-02-20",
            "currently",
            D,
            "PRESENT_REF",
            false,
        ),
        (
            "Oreshnik missile now on combat duty",
            "2026-02-20",
            "now",
            D,
            "PRESENT_REF",
            false,
        ),
        // Seed 001, Date 2022-09-29 (a Thursday).
        (
            "\"Currently, mobilization activities are not carried out\"",
            "2022-09-29",
            "Currently",
            D,
            "PRESENT_REF",
            false,
        ),
        (
            "released by the ministry, November 8, 2021.",
            "2022-09-29",
            "November 8, 2021",
            D,
            "2021-11-08",
            true,
        ),
        (
            "officials denied it was mobilizing on Thursday following",
            "2022-09-29",
            "Thursday",
            D,
            "2022-09-29",
            true,
        ),
        (
            "“Recently, including on the global Internet,",
            "2022-09-29",
            "Recently",
            D,
            "PAST_REF",
            false,
        ),
        (
            "On Thursday, Ukrainian intelligence claimed that 20,000 soldiers",
            "2022-09-29",
            "Thursday",
            D,
            "2022-09-29",
            true,
        ),
        (
            "Last Wednesday, Putin announced the mobilization",
            "2022-09-29",
            "Last Wednesday",
            D,
            "2022-09-21",
            true,
        ),
        (
            "in Moscow, Russia February 18, 2022. (credit)",
            "2022-09-29",
            "February 18, 2022",
            D,
            "2022-02-18",
            true,
        ),
        // Seed 002, Date 2022-10-15.
        (
            "in Astana, Kazakhstan, on 14 October 2022. Photo",
            "2022-10-15",
            "14 October 2022",
            D,
            "2022-10-14",
            true,
        ),
        (
            "Recently, it became known that Belarus",
            "2022-10-15",
            "Recently",
            D,
            "PAST_REF",
            false,
        ),
        (
            "a staging ground back in February 2022, and",
            "2022-10-15",
            "February 2022",
            D,
            "2022-02",
            true,
        ),
        (
            "Lately, Lukashenka and Putin agreed",
            "2022-10-15",
            "Lately",
            D,
            "PAST_REF",
            false,
        ),
        (
            "Now, further developments show",
            "2022-10-15",
            "Now",
            D,
            "PRESENT_REF",
            false,
        ),
        (
            "On 8 October, the Foreign Ministry handed a note",
            "2022-10-15",
            "8 October",
            D,
            "2022-10-08",
            true,
        ),
        (
            "Back in March, two weeks into the invasion",
            "2022-10-15",
            "March",
            D,
            "2022-03",
            true,
        ),
        (
            "Back in March, two weeks into the invasion",
            "2022-10-15",
            "two weeks",
            U,
            "P2W",
            false,
        ),
        (
            "saying this “on 11 March” even became a meme",
            "2022-10-15",
            "11 March",
            D,
            "2022-03-11",
            true,
        ),
        (
            "did not disappear in the subsequent months.",
            "2022-10-15",
            "the subsequent months",
            U,
            "PXM",
            false,
        ),
        (
            "On 14 October in Kazakhstan’s Astana, he confirmed",
            "2022-10-15",
            "14 October",
            D,
            "2022-10-14",
            true,
        ),
        (
            "at a security meeting on 10 October saying",
            "2022-10-15",
            "10 October",
            D,
            "2022-10-10",
            true,
        ),
        (
            "saying that “a few days ago,” the KGB",
            "2022-10-15",
            "a few days ago",
            D,
            "PAST_REF",
            true,
        ),
        (
            "Now we are launching a routine autumn conscription campaign.",
            "2022-10-15",
            "autumn",
            D,
            "2022-FA",
            true,
        ),
        (
            "sources said that this week the military was informed",
            "2022-10-15",
            "this week",
            D,
            "2022-W41",
            true,
        ),
        ("Copyright © 2024", "2022-10-15", "2024", D, "2024", true),
        // Seed 003, Date 2022-07 (month only).
        (
            "Since February 24, 2022, when the active phase began,",
            "2022-07",
            "February 24, 2022",
            D,
            "2022-02-24",
            true,
        ),
        (
            "departures from Belarus since February 24, which",
            "2022-07",
            "February 24",
            D,
            "2022-02-24",
            true,
        ),
        (
            "The campaign was launched in early March and",
            "2022-07",
            "early March",
            D,
            "2022-03",
            true,
        ),
        (
            "In early June, an appeal was sent",
            "2022-07",
            "early June",
            D,
            "2022-06",
            true,
        ),
        (
            "Today we present a monitoring",
            "2022-07",
            "Today",
            D,
            "-",
            true,
        ),
        (
            "the situation in Belarus between February and June 2022. It",
            "2022-07",
            "between February and June 2022",
            D,
            "2022-02/2022-06",
            true,
        ),
        (
            "much earlier than February 24.",
            "2022-07",
            "February 24",
            D,
            "2022-02-24",
            true,
        ),
        (
            "On February 9, 2022, Lukashenka signed Decree No. 34 on retirement",
            "2022-07",
            "February 9, 2022",
            D,
            "2022-02-09",
            true,
        ),
        (
            "provides for conscription in February-May 2022 of men who",
            "2022-07",
            "February-May 2022",
            D,
            "2022-02/2022-05",
            true,
        ),
        (
            "will be called up every year in the first half of the year.",
            "2022-07",
            "every year",
            S,
            "P1Y",
            false,
        ),
        (
            "will be called up every year in the first half of the year.",
            "2022-07",
            "the first half of the year",
            D,
            "2022-H1",
            true,
        ),
        (
            "Up to 150 officers are to be conscripted in 2022.",
            "2022-07",
            "2022",
            D,
            "2022",
            true,
        ),
        (
            "up to 100 reserve officers in 2019.",
            "2022-07",
            "2019",
            D,
            "2019",
            true,
        ),
        ("MARCH 2022", "2022-07", "MARCH 2022", D, "2022-03", true),
        (
            "On March 1-8, 2022, the Ministry congratulated mothers",
            "2022-07",
            "March 1-8, 2022",
            D,
            "2022-03-01/2022-03-08",
            true,
        ),
        (
            "The drills will be held from 3 to 9 June 2022.",
            "2022-07",
            "from 3 to 9 June 2022",
            D,
            "2022-06-03/2022-06-09",
            true,
        ),
        (
            "Voting took place on 3 and 4 November 2022.",
            "2022-07",
            "3 and 4 November 2022",
            D,
            "2022-11-03/2022-11-04",
            true,
        ),
        // Two days further apart are two dates, not a span: the last is found alone.
        (
            "Voting took place on 3 and 5 November 2022.",
            "2022-07",
            "5 November 2022",
            D,
            "2022-11-05",
            true,
        ),
        (
            "Talks were held between 3 and 9 June 2022.",
            "2022-07",
            "between 3 and 9 June 2022",
            D,
            "2022-06-03/2022-06-09",
            true,
        ),
        (
            "Drones struck on the night of 9 to 10 November 2022.",
            "2022-07",
            "9 to 10 November 2022",
            D,
            "2022-11-09/2022-11-10",
            true,
        ),
        (
            "From April 4 till April 15, 2022 a comprehensive inspection",
            "2022-07",
            "From April 4 till April 15, 2022",
            D,
            "2022-04-04/2022-04-15",
            true,
        ),
        (
            "about 43,000 men are to be called up this spring, in accordance",
            "2022-07",
            "this spring",
            D,
            "2022-SP",
            true,
        ),
        (
            "drafts, in 2019, about 40,000 conscripts received",
            "2022-07",
            "2019",
            D,
            "2019",
            true,
        ),
        (
            "exercises will be held from June 22 to July 1.",
            "2022-07",
            "from June 22 to July 1",
            D,
            "2022-06-22/2022-07-01",
            true,
        ),
        (
            // Counted from the date an earlier sentence gives (none here: unresolved).
            "on the first day of deployment.",
            "2022-07",
            "the first day",
            D,
            "-",
            false,
        ),
        (
            "At the moment this deserter is in Lithuania",
            "2022-07",
            "the moment",
            D,
            "PRESENT_REF",
            false,
        ),
        // Seed 004, Date 2022-10 (month only).
        (
            "during last week’s security meeting, the president",
            "2022-10",
            "last week",
            D,
            "-",
            true,
        ),
        (
            "For example, in late September, the Ministry announced",
            "2022-10",
            "late September",
            D,
            "2022-09",
            true,
        ),
        (
            "On September 29, Pavel Latushka said",
            "2022-10",
            "September 29",
            D,
            "2022-09-29",
            true,
        ),
        (
            "receive troops between November 2022 and February 2023, and",
            "2022-10",
            "between November 2022 and February 2023",
            D,
            "2022-11/2023-02",
            true,
        ),
        (
            "authorities have been wrong in the past when",
            "2022-10",
            "the past",
            D,
            "PAST_REF",
            false,
        ),
        (
            "just two days before it happened.",
            "2022-10",
            "two days",
            U,
            "P2D",
            false,
        ),
        (
            "On the evening of October 8, the ambassador was summoned",
            "2022-10",
            "the evening of October 8",
            T,
            "2022-10-08TEV",
            true,
        ),
        (
            "On October 10, Lukashenka announced",
            "2022-10",
            "October 10",
            D,
            "2022-10-10",
            true,
        ),
        (
            "The group was created in 1999: it includes",
            "2022-10",
            "1999",
            D,
            "1999",
            true,
        ),
        (
            "(until 2022, for example, it included",
            "2022-10",
            "2022",
            D,
            "2022",
            true,
        ),
        // Resolution rules from the brief and the spec.
        (
            "It happened in March.",
            "2022-10-15",
            "March",
            D,
            "2022-03",
            true,
        ),
        (
            "It happened on December 5.",
            "2022-10-15",
            "December 5",
            D,
            "2021-12-05",
            true,
        ),
        (
            "The summit will take place on December 5.",
            "2022-10-15",
            "December 5",
            D,
            "2022-12-05",
            true,
        ),
        (
            "He spoke on Thursday.",
            "2022-09-30",
            "Thursday",
            D,
            "2022-09-29",
            true,
        ),
        (
            "He will speak on Thursday.",
            "2022-09-30",
            "Thursday",
            D,
            "2022-10-06",
            true,
        ),
        // Looking forward from a Friday, `on Friday` is that day, as looking back.
        (
            "He will speak on Friday.",
            "2022-09-30",
            "Friday",
            D,
            "2022-09-30",
            true,
        ),
        // A future seen from a past (`would`): the nearer of the two, on either side of
        // the article date; `would have` looks back.
        (
            "The minister said the troops would leave in December.",
            "2026-11-27",
            "December",
            D,
            "2026-12",
            true,
        ),
        (
            "The minister said the troops would leave in October.",
            "2026-11-27",
            "October",
            D,
            "2026-10",
            true,
        ),
        (
            "He said the troops would have left in December.",
            "2026-11-27",
            "December",
            D,
            "2025-12",
            true,
        ),
        // So after a promise's object; a date right after the promise dates it, and a
        // comma ends the `would`'s clause.
        (
            "Pistorius promised another system by the end of the summer.",
            "2026-05-20",
            "summer",
            D,
            "2026-SU",
            true,
        ),
        // The winter of 2027 is the one of January 2027, which begins in December 2026.
        (
            "The minister said the troops would leave in the winter.",
            "2026-11-27",
            "winter",
            D,
            "2027-WI",
            true,
        ),
        (
            "Lukashenka promised in March to free the prisoners.",
            "2026-11-27",
            "March",
            D,
            "2026-03",
            true,
        ),
        // Nor past a line break: a paragraph reads the same alone and in its article.
        (
            "The minister would resign\n\nThe vote was held on 19 February.",
            "2022-09-29",
            "19 February",
            D,
            "2022-02-19",
            true,
        ),
        (
            "The ministry did not say when the drills would begin, but troops arrived on Monday.",
            "2026-11-27",
            "Monday",
            D,
            "2026-11-23",
            true,
        ),
        (
            "Analysts expect prices to stay high through the summer.",
            "2026-05-04",
            "summer",
            D,
            "2026-SU",
            true,
        ),
        (
            "The government is planning to raise the minimum wage in July.",
            "2026-05-04",
            "July",
            D,
            "2026-07",
            true,
        ),
        (
            "The opposition plans a rally on Saturday.",
            "2022-09-30",
            "Saturday",
            D,
            "2022-10-01",
            true,
        ),
        (
            "Prices rose in the summer.",
            "2026-05-04",
            "summer",
            D,
            "2025-SU",
            true,
        ),
        ("He spoke on Thursday.", "2022-09", "Thursday", D, "-", true),
        ("He spoke on Thursday.", "", "Thursday", D, "-", true),
        (
            "He spoke yesterday.",
            "2022-03-01",
            "yesterday",
            D,
            "2022-02-28",
            true,
        ),
        (
            "He is speaking today.",
            "2022-03-01",
            "today",
            D,
            "2022-03-01",
            true,
        ),
        (
            "He will speak tonight.",
            "2022-03-01",
            "tonight",
            T,
            "2022-03-01TNI",
            true,
        ),
        (
            "He spoke this morning.",
            "2022-03-01",
            "this morning",
            T,
            "2022-03-01TMO",
            true,
        ),
        (
            // A timetable verb in the present points forward.
            "Talks resume at 3 p.m. on Friday",
            "2022-03-01",
            "3 p.m. on Friday",
            T,
            "2022-03-04T15:00",
            true,
        ),
        (
            "Talks resumed at 3 p.m. on Friday",
            "2022-03-01",
            "3 p.m. on Friday",
            T,
            "2022-02-25T15:00",
            true,
        ),
        (
            "The ceasefire that begins at midnight was agreed on Friday",
            "2022-03-01",
            "Friday",
            D,
            "2022-02-25",
            true,
        ),
        (
            "The new rules come into force in April",
            "2022-03-01",
            "April",
            D,
            "2022-04",
            true,
        ),
        (
            "At the start of the talks on Monday",
            "2022-03-01",
            "Monday",
            D,
            "2022-02-28",
            true,
        ),
        (
            "Markets closed at 16:15 UTC.",
            "2009-06-01",
            "16:15 UTC",
            T,
            "2009-06-01T16:15Z",
            true,
        ),
        (
            "Prices rose last month.",
            "2022-03-01",
            "last month",
            D,
            "2022-02",
            true,
        ),
        (
            "Prices rose last month.",
            "2022-03",
            "last month",
            D,
            "2022-02",
            true,
        ),
        (
            "Prices will rise next year.",
            "2022",
            "next year",
            D,
            "2023",
            true,
        ),
        (
            "Prices rose this week.",
            "2022-09-29",
            "this week",
            D,
            "2022-W39",
            true,
        ),
        (
            "Prices rose earlier this month.",
            "2022-09-29",
            "earlier this month",
            D,
            "2022-09",
            true,
        ),
        (
            "The law was passed the week before last.",
            "2022-09-29",
            "the week before last",
            D,
            "2022-W37",
            true,
        ),
        (
            "He was detained the day before yesterday.",
            "2022-09-29",
            "the day before yesterday",
            D,
            "2022-09-27",
            true,
        ),
        (
            "Talks resume the day after tomorrow.",
            "2022-09-29",
            "the day after tomorrow",
            D,
            "2022-10-01",
            true,
        ),
        (
            "The year before last, prices rose.",
            "2022-09-29",
            "The year before last",
            D,
            "2020",
            true,
        ),
        (
            "It began two weeks ago.",
            "2022-09-29",
            "two weeks ago",
            D,
            "2022-W37",
            true,
        ),
        (
            "It began three days ago.",
            "2022-09-29",
            "three days ago",
            D,
            "2022-09-26",
            true,
        ),
        (
            "It began a year ago.",
            "2022-09-29",
            "a year ago",
            D,
            "2021",
            true,
        ),
        (
            "It was signed on 2022-05-04 in Minsk.",
            "2022-09-29",
            "2022-05-04",
            D,
            "2022-05-04",
            true,
        ),
        (
            "It was signed on May 4, 2022 in Minsk.",
            "2022-09-29",
            "May 4, 2022",
            D,
            "2022-05-04",
            true,
        ),
        (
            "It was signed on 4 May 2022 in Minsk.",
            "2022-09-29",
            "4 May 2022",
            D,
            "2022-05-04",
            true,
        ),
        (
            "It was signed on Feb. 19 in Minsk.",
            "2022-09-29",
            "Feb. 19",
            D,
            "2022-02-19",
            true,
        ),
        (
            "It was signed on February 19 in Minsk.",
            "",
            "February 19",
            D,
            "-",
            true,
        ),
        ("It was signed in 2022.", "", "2022", D, "2022", true),
        (
            "Output fell in mid-2022.",
            "2022-09-29",
            "mid-2022",
            D,
            "2022",
            true,
        ),
        (
            "Output fell in the 1990s.",
            "2022-09-29",
            "1990s",
            D,
            "199",
            true,
        ),
        (
            "Output fell last summer.",
            "2022-09-29",
            "last summer",
            D,
            "2022-SU",
            true,
        ),
        (
            "Output fell last summer.",
            "2022-07-15",
            "last summer",
            D,
            "2021-SU",
            true,
        ),
        (
            "Profits rose in the fourth quarter.",
            "2010-01-28",
            "the fourth quarter",
            D,
            "2009-Q4",
            true,
        ),
        (
            "Profits rose in the final quarter of 2009.",
            "2010-01-28",
            "the final quarter of 2009",
            D,
            "2009-Q4",
            true,
        ),
        // A window that ends at the article date dates what happened in it; one of
        // another event, or of years, is a length of time.
        (
            "Russia lost 1,200 soldiers over the past day.",
            "2022-09-29",
            "the past day",
            D,
            "2022-09-28/2022-09-29",
            true,
        ),
        (
            "Russia launched 40 drones in the last 48 hours.",
            "2022-09-29",
            "the last 48 hours",
            D,
            "2022-09-27/2022-09-29",
            true,
        ),
        (
            "Shares fell 9% over the past two weeks.",
            "2022-09-29",
            "the past two weeks",
            D,
            "2022-09-15/2022-09-29",
            true,
        ),
        (
            "Delegates argued in the last two days of the talks.",
            "2022-09-29",
            "the last two days",
            U,
            "P2D",
            false,
        ),
        (
            "The economy has doubled over the past decade.",
            "2022-09-29",
            "over the past decade",
            U,
            "P10Y",
            false,
        ),
        (
            "The talks lasted for two months.",
            "2022-09-29",
            "two months",
            U,
            "P2M",
            false,
        ),
        (
            "The talks lasted nearly five months.",
            "2022-09-29",
            "nearly five months",
            U,
            "P5M",
            false,
        ),
        (
            "The paper is published weekly.",
            "2022-09-29",
            "weekly",
            S,
            "P1W",
            false,
        ),
        (
            "They meet every Monday.",
            "2022-09-29",
            "every Monday",
            S,
            "XXXX-WXX-1",
            false,
        ),
        (
            "Things will change in the future.",
            "2022-09-29",
            "the future",
            D,
            "FUTURE_REF",
            false,
        ),
        (
            "A week later, he resigned.",
            "2022-09-29",
            "A week later",
            D,
            "-",
            false,
        ),
        (
            "Between 1990 and 1995 the plant closed.",
            "2022-09-29",
            "Between 1990 and 1995",
            D,
            "1990/1995",
            true,
        ),
        (
            "Output fell in 2009-2011.",
            "2022-09-29",
            "2009-2011",
            D,
            "2009/2011",
            true,
        ),
        // Numbers that are not years.
        (
            "Some 20,000 soldiers were sent.",
            "2022-09-29",
            "",
            D,
            "-",
            true,
        ),
        (
            "He signed Decree No. 34 on retirement.",
            "2022-09-29",
            "",
            D,
            "-",
            true,
        ),
        (
            "Up to 150 officers were called up.",
            "2022-09-29",
            "",
            D,
            "-",
            true,
        ),
        ("The army sent 2000 troops.", "2022-09-29", "", D, "-", true),
        ("It costs $2000 a month.", "2022-09-29", "", D, "-", true),
        (
            "Prices rose 1999% overnight.",
            "2022-09-29",
            "",
            D,
            "-",
            true,
        ),
        // `over the weekend`: the last one before a weekday's article (2024-03-14 is a
        // Thursday), the article's own on a Saturday, the coming one in the future.
        (
            "Protesters gathered over the weekend.",
            "2024-03-14",
            "the weekend",
            D,
            "2024-W10-WE",
            true,
        ),
        (
            "Protesters gathered over the weekend.",
            "2024-03-16",
            "the weekend",
            D,
            "2024-W11-WE",
            true,
        ),
        (
            "The drills will be held over the weekend.",
            "2024-03-14",
            "the weekend",
            D,
            "2024-W11-WE",
            true,
        ),
        ("The weekend saw protests.", "2024-03-14", "", D, "-", true),
        // `for the weekend`: the coming one, without a future cue.
        (
            "Meteorologists forecast more rain for the weekend.",
            "2024-03-14",
            "the weekend",
            D,
            "2024-W11-WE",
            true,
        ),
        // `overnight`: the night before the article date, unless it qualifies a noun.
        (
            "Russia launched 40 drones overnight.",
            "2024-03-14",
            "overnight",
            TimexKind::Time,
            "2024-03-13TNI",
            true,
        ),
        (
            "Authorities imposed an overnight curfew.",
            "2024-03-14",
            "",
            D,
            "-",
            true,
        ),
        ("May I ask a question?", "2022-09-29", "", D, "-", true),
        ("The March on Washington.", "2022-09-29", "", D, "-", true),
        ("It was 31 February.", "2022-09-29", "", D, "-", true),
        // A day of the month alone: this month's or the last one's that has it; the next
        // in a sentence of the future. Not a floor or a place in a list.
        (
            "The talks took place on the 10th.",
            "2022-09-29",
            "the 10th",
            D,
            "2022-09-10",
            true,
        ),
        (
            "The column left on the 31st, officials said.",
            "2022-10-04",
            "the 31st",
            D,
            "2022-08-31",
            true,
        ),
        (
            "The ministers will meet on the 5th.",
            "2022-09-29",
            "the 5th",
            D,
            "2022-10-05",
            true,
        ),
        (
            "The fire started on the 10th floor.",
            "2022-09-29",
            "",
            D,
            "-",
            true,
        ),
    ]
};

#[test]
fn table_of_phrases() {
    let mut failures = Vec::new();
    for &(sentence, anchor, text, kind, value, anchors) in TABLE {
        let found = find_temporal(sentence, date(anchor));
        let shown: Vec<String> = found
            .iter()
            .map(|t| {
                format!(
                    "«{}» {:?} {} {}",
                    t.range.slice(sentence),
                    t.kind,
                    t.value.as_deref().unwrap_or("-"),
                    t.anchors
                )
            })
            .collect();
        if text.is_empty() {
            // Nothing dated may be found (durations and the like are allowed).
            if let Some(t) = found.iter().find(|t| t.kind == TimexKind::Date) {
                failures.push(format!(
                    "{sentence:?}: expected no date, got {shown:?} ({t:?})"
                ));
            }
            continue;
        }
        let hit = found.iter().find(|t| t.range.slice(sentence) == text);
        let ok = hit.is_some_and(|t| {
            t.kind == kind && t.value.as_deref().unwrap_or("-") == value && t.anchors == anchors
        });
        if !ok {
            failures.push(format!(
                "{sentence:?} @ {anchor:?}: expected «{text}» {kind:?} {value} {anchors}, got {shown:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn show(text: &str, anchor: &str) -> String {
    let mut out = String::new();
    for t in find_temporal(text, date(anchor)) {
        let how = match &t.resolution {
            Resolution::Absolute => "absolute".to_string(),
            Resolution::Relative { explanation } => format!("relative: {explanation}"),
            Resolution::Unresolved { reason } => format!("unresolved: {reason}"),
            Resolution::Vague => "vague".to_string(),
        };
        out.push_str(&format!(
            "{}..{} «{}» {:?} {} anchors={} ({how})\n",
            t.range.start,
            t.range.end,
            t.range.slice(text),
            t.kind,
            t.value.as_deref().unwrap_or("-"),
            t.anchors,
        ));
    }
    out
}

fn check(text: &str, anchor: &str, expect: Expect) {
    expect.assert_eq(&show(text, anchor));
}

#[test]
fn snapshot_seed_001_paragraphs() {
    check(
        "Belarusian defense officials denied that its military was mobilizing on Thursday \
         following a partial mobilization by Russia.\n\nLast Wednesday, Putin announced the \
         mobilization of 300,000 reservists. Currently, no such measures are planned.",
        "2022-09-29",
        expect![[r#"
            72..80 «Thursday» Date 2022-09-29 anchors=true (relative: the latest Thursday on or before the article Date 2022-09-29)
            126..140 «Last Wednesday» Date 2022-09-21 anchors=true (relative: the Wednesday of the week before 2022-09-29)
            198..207 «Currently» Date PRESENT_REF anchors=false (vague)
        "#]],
    );
}

#[test]
fn snapshot_seed_004_paragraph_with_month_date() {
    check(
        "However, during last week’s security meeting, the president spoke about the problems. \
         For example, in late September, the Ministry of Defense announced a check. On the \
         evening of October 8, the Ukrainian Ambassador was summoned, just two days before \
         the strike.",
        "2022-10",
        expect![[r#"
            16..25 «last week» Date - anchors=true (unresolved: the article Date 2022-10 has no day to place last week)
            104..118 «late September» Date 2022-09 anchors=true (relative: the latest September not after the article Date 2022-10)
            166..190 «the evening of October 8» Time 2022-10-08TEV anchors=true (relative: the latest October 8 not after the article Date 2022-10)
            236..244 «two days» Duration P2D anchors=false (absolute)
        "#]],
    );
}

#[test]
fn snapshot_a_later_day_of_the_articles_own_month_is_explained_as_such() {
    // The year of a month without one is chosen by the month: October 20 in an article
    // of October 14 stays in that year, and its explanation must not say "not after".
    check(
        "The drills began on October 20. They were planned on October 12.",
        "2022-10-14",
        expect![[r#"
            20..30 «October 20» Date 2022-10-20 anchors=true (relative: October 20 of the article's own month, after the article Date 2022-10-14)
            53..63 «October 12» Date 2022-10-12 anchors=true (relative: the latest October 12 not after the article Date 2022-10-14)
        "#]],
    );
}

#[test]
fn snapshot_without_article_date() {
    check(
        "On 14 October 2022 he said that last month, on 3 September, troops arrived in 2021.",
        "",
        expect![[r#"
            3..18 «14 October 2022» Date 2022-10-14 anchors=true (absolute)
            32..42 «last month» Date - anchors=true (unresolved: the article has no Date to place last month)
            47..58 «3 September» Date - anchors=true (unresolved: the article has no Date to supply the year of September 3)
            78..82 «2021» Date 2021 anchors=true (absolute)
        "#]],
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "9".repeat(10_000);
    let odd = [
        "",
        " ",
        "\0\0\0",
        "🙂 on 19 February 🙂",
        "1",
        "99999999999999999999",
        "31 February",
        "February 31, 2022",
        "0000-00-00",
        "9999-99-99",
        "2022-02-30",
        "On 0 May",
        "in the 9990s",
        "12:99 p.m.",
        "25:00 UTC",
        "a few",
        "from",
        "between 2022 and",
        "Q5 2022",
        "the first quarter of",
        "é1ère 2022年3月",
        "May\n4, 2022",
        "mid-",
        "every",
        "99999999 days ago",
        "4294967295 years ago",
        "last Wednesday\u{301}",
        &long,
    ];
    for text in odd {
        for anchor in [
            "",
            "2022",
            "2022-10",
            "2022-10-15",
            "0001-01-01",
            "9999-12-31",
        ] {
            let found = find_temporal(text, date(anchor));
            for t in &found {
                assert!(t.range.end <= text.len());
                assert!(text.get(t.range.start..t.range.end).is_some());
            }
            for pair in found.windows(2) {
                assert!(pair[0].range.end <= pair[1].range.start, "{text:?}");
            }
        }
    }
}

/// The lexicon's source without its own tests, whose literals are not words of a list.
fn lexicon_code() -> &'static str {
    let source = include_str!("lexicon.rs");
    source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or(source)
}

/// The recognizer's source, every file of `recognize/` (the words its matchers test for).
fn recognizer_code() -> String {
    // A matcher file left out here would hide its words from the tests that use this.
    let files = include_str!("recognize/mod.rs").matches("\nmod ").count();
    assert_eq!(files, 6, "list every file of recognize/ here");
    [
        include_str!("recognize/mod.rs"),
        include_str!("recognize/numbers.rs"),
        include_str!("recognize/points.rs"),
        include_str!("recognize/intervals.rs"),
        include_str!("recognize/times.rs"),
        include_str!("recognize/durations.rs"),
        include_str!("recognize/references.rs"),
    ]
    .concat()
}

/// The string literals of a Rust source, skipping comments and character literals.
fn string_literals(source: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            // `'"'` and `'\''`: a character literal, not the start of a string.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") {
                    chars.nth(1);
                } else if rest.starts_with("\\") && rest.ends_with('\'') {
                    chars.nth(2);
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => literal.push(c),
                    }
                }
                literals.push(literal);
            }
            _ => {}
        }
    }
    literals
}

/// The recognizer skips tokens that are neither numbers nor words that can start an
/// expression; this holds only while every word a matcher tests for is either listed as
/// a possible start or known never to be one.
#[test]
fn every_word_the_matchers_test_for_is_a_start_or_never_first() {
    let recognizer = string_literals(&recognizer_code());
    let lists = string_literals(lexicon_code());
    // The scanner itself must see the words it is meant to find.
    assert!(recognizer.iter().any(|word| word == "ago"));
    assert!(lists.iter().any(|word| word == "fortnightly"));
    let missing: Vec<&String> = recognizer
        .iter()
        .chain(&lists)
        .filter(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()))
        .filter(|word| {
            !lexicon::classify(word).starts()
                && !lexicon::NEVER_FIRST_WORDS.contains(&word.as_str())
        })
        .collect();
    assert_eq!(missing, Vec::<&String>::new());
    for word in lexicon::NEVER_FIRST_WORDS {
        assert!(!lexicon::classify(word).starts(), "{word}");
    }
    assert!(!lexicon::classify("minister").starts());
}

/// Skipping tokens that start no expression changes nothing. On every phrase of these
/// tests and every seed article, each also preceded by each word said never to start an
/// expression, the recognizer finds exactly what trying every token finds.
#[test]
fn skipping_non_starting_tokens_changes_no_result() {
    let seeds = [
        include_str!("../../seeds/000_d3301de9df92c926.article"),
        include_str!("../../seeds/001_8af3ff2e160be067.article"),
        include_str!("../../seeds/002_4c3a09d4f9057a5e.article"),
        include_str!("../../seeds/003_908a619eda21eca9.article"),
        include_str!("../../seeds/004_d6eac129bc59381f.article"),
        include_str!("../../seeds/summary-belarus-mobilization.article"),
    ];
    let phrases = string_literals(include_str!("tests.rs"));
    assert!(phrases.len() > 100);
    let same = |text: &str| {
        let mut lowered = String::new();
        let tokens = token::tokenize(text, &mut lowered);
        assert_eq!(
            recognize::recognize(&tokens),
            recognize::recognize_every_token(&tokens),
            "{text:?}"
        );
    };
    for text in seeds
        .iter()
        .copied()
        .chain(phrases.iter().map(String::as_str))
    {
        same(text);
    }
    for word in lexicon::NEVER_FIRST_WORDS {
        for phrase in &phrases {
            same(&format!("{word} {phrase}"));
            let mut capitalised = word.to_uppercase();
            capitalised.truncate(1);
            capitalised.push_str(&word[1..]);
            same(&format!("{capitalised} {phrase}"));
        }
    }
}

/// Every word said never to be an expression alone starts expressions: otherwise saying
/// so would skip nothing.
#[test]
fn words_never_alone_are_starts() {
    for word in string_literals(lexicon_code()) {
        if lexicon::never_alone(&word) {
            assert!(lexicon::classify(&word).starts(), "{word}");
        }
    }
    assert!(lexicon::never_alone("the") && !lexicon::never_alone("recently"));
}

/// Random phrases over the words the matchers test for, numbers, punctuation and a few
/// words in no list: skipping tokens (those that start nothing, and the words never an
/// expression alone before a word in no list) finds exactly what trying every token finds.
mod random_phrases {
    use super::*;
    use proptest::prelude::*;

    /// Tokens that take part in expressions most often, drawn more often than the rest.
    const CORE: &[&str] = &[
        "the",
        "a",
        "an",
        "that",
        "these",
        "from",
        "about",
        "some",
        "more",
        "at",
        "two",
        "three",
        "last",
        "next",
        "past",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "to",
        "and",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "year",
        "years",
        "ago",
        "same",
        "May",
        "September",
        "Monday",
        "summer",
        "quarter",
        "first",
        "than",
        "least",
        "in",
        "on",
    ];
    const UNLISTED: &[&str] = &["border", "troops", "Minsk", "said", "officials", "x"];
    const NUMBERS: &[&str] = &[
        "1", "4", "12", "19", "30", "80", "1990", "2022", "20,000", "2.5",
    ];
    const PUNCTUATION: &[&str] = &[".", ",", "-", "–", ":", "'", "’", "(", "%", "$", "\""];

    fn listed() -> Vec<String> {
        let mut words: Vec<String> = string_literals(lexicon_code())
            .into_iter()
            .chain(string_literals(&recognizer_code()))
            .filter(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        words.sort();
        words.dedup();
        words
    }

    fn piece() -> impl Strategy<Value = String> {
        let listed = listed();
        let pick = |words: &'static [&'static str]| {
            proptest::sample::select(words).prop_map(str::to_string)
        };
        let word = prop_oneof![
            4 => pick(CORE),
            3 => proptest::sample::select(listed),
            2 => pick(UNLISTED),
            2 => pick(NUMBERS),
            2 => pick(PUNCTUATION),
        ];
        // Capitalised now and then (`The`, `Last`); glued to the previous piece or not.
        (word, any::<bool>(), 0..4u8).prop_map(|(word, capitalise, glue)| {
            let mut piece = if glue == 0 {
                String::new()
            } else {
                " ".to_string()
            };
            let mut chars = word.chars();
            if let (true, Some(first)) = (capitalise, chars.next()) {
                piece.extend(first.to_uppercase());
                piece.push_str(chars.as_str());
            } else {
                piece.push_str(&word);
            }
            piece
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn skipping_changes_no_result(pieces in proptest::collection::vec(piece(), 1..9)) {
            let text = pieces.concat();
            let mut lowered = String::new();
            let tokens = token::tokenize(&text, &mut lowered);
            prop_assert_eq!(
                recognize::recognize(&tokens),
                recognize::recognize_every_token(&tokens),
                "{:?}",
                text
            );
        }
    }
}

/// Month and weekday names in any case are calendar names; other words, listed ones
/// among them, are not.
#[test]
fn calendar_names_in_any_case() {
    // The lexicon's own lists of the twelve months and seven weekdays.
    let names: Vec<&str> = lexicon::MONTH_NAMES
        .iter()
        .chain(&lexicon::WEEKDAY_NAMES)
        .copied()
        .collect();
    assert_eq!(names.len(), 19);
    for name in names {
        for written in [name.to_string(), name.to_uppercase(), name.to_lowercase()] {
            assert!(is_calendar_name(&written), "{written}");
        }
    }
    for other in [
        "Mayor", "Minsk", "Summer", "Sept", "Week", "Ma", "", "Mäy", "Sundays", "May’s", "MAY'S",
    ] {
        assert!(!is_calendar_name(other), "{other}");
    }
}

/// `is_calendar_name` turns away words beyond ASCII unlowered: of all characters beyond
/// ASCII, only the Kelvin sign lowers to ASCII letters (`k`), and no calendar name holds a
/// `k`, so no such word lowers to one.
#[test]
fn only_the_kelvin_sign_lowers_from_beyond_ascii_into_it() {
    // Lowered into a string only when every character it lowers to is ASCII.
    let lowering_to_ascii: Vec<(char, String)> = (0x80..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|ch| ch.to_lowercase().all(|lower| lower.is_ascii()))
        .map(|ch| (ch, ch.to_lowercase().collect::<String>()))
        .collect();
    assert_eq!(lowering_to_ascii, vec![('\u{212A}', "k".to_string())]);
    let names = lexicon::MONTH_NAMES.iter().chain(&lexicon::WEEKDAY_NAMES);
    assert!(names.clone().all(|name| !name.to_lowercase().contains('k')));
    let lengths = super::CALENDAR_NAME_SHORTEST..=super::CALENDAR_NAME_LONGEST;
    assert!(names.clone().all(|name| lengths.contains(&name.len())));
    // Both ends of the range are a name's length: it turns no name away.
    assert!(names.clone().any(|name| name.len() == *lengths.start()));
    assert!(names.clone().any(|name| name.len() == *lengths.end()));
}
