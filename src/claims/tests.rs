//! Claims on fixtures: which sentences are claims, what triggers them, how each is dated.

use super::{ClaimTrigger, Dating, Speaker};
use crate::fixture::{show_diagnostics, Fixture};
use expect_test::{expect, Expect};

const REGISTRY: &str = r#"%! actors.toml
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Lukashenka", "Lukashenko", "Alexander Lukashenko"]

[[actor]]
id = "makei"
name = "Vladimir Makei"
kind = "person"
aliases = ["Makei"]

[[actor]]
id = "kyiv"
name = "Kyiv"
kind = "place"
"#;

/// Renders every claim of `a.article`: how it is dated, its trigger, its sentence.
fn check(article: &str, expect: Expect) {
    let fixture = Fixture::new(&format!("{REGISTRY}%! a.article\n{article}"));
    let file = fixture.corpus.article("a.article").expect("the article");
    let mut out = String::new();
    for claim in &file.claims {
        let dating = match &claim.dating {
            Dating::Dated { value, .. } => format!("dated {}", value.as_deref().unwrap_or("?")),
            Dating::ByContext { value, .. } => {
                format!("context {}", value.as_deref().unwrap_or("?"))
            }
            Dating::Undated => "UNDATED".to_string(),
            Dating::Silenced => "silenced".to_string(),
        };
        let trigger = match &claim.trigger {
            ClaimTrigger::Cue(range) => format!("cue {:?}", range.slice(&file.text)),
            ClaimTrigger::Event { verb, form } => {
                format!("{form:?} {:?}", verb.slice(&file.text))
            }
        };
        let speaker = match claim.attribution.speaker {
            Speaker::Actor { actor, .. } => {
                format!("@{}", fixture.corpus.actors()[actor].actor.id.value)
            }
            Speaker::Named(range) => format!("{:?}", range.slice(&file.text)),
            Speaker::Source => "source".to_string(),
        };
        let sentence = claim.sentence.slice(&file.text);
        out.push_str(&format!(
            "{dating:18} {trigger:22} {speaker:16} {sentence}\n"
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn a_sentence_with_its_own_date_is_dated() {
    check(
        "Source: X\nDate: 2022-10-15\n\nOn 8 October, the ministry said it was ready.\n",
        expect![[r#"
            dated 2022-10-08   cue "said"             "the ministry"   On 8 October, the ministry said it was ready.
        "#]],
    );
}

#[test]
fn later_sentences_of_a_paragraph_are_dated_by_context_and_other_paragraphs_are_not() {
    check(
        "Source: X\nDate: 2022-10-15\n\nOn 8 October, the ministry said it was ready. The minister added that talks would follow.\n\nThe embassy confirmed the note.\n",
        expect![[r#"
            dated 2022-10-08   cue "said"             "the ministry"   On 8 October, the ministry said it was ready.
            context 2022-10-08 cue "added"            "The minister"   The minister added that talks would follow.
            UNDATED            cue "confirmed"        "The embassy"    The embassy confirmed the note.
        "#]],
    );
}

#[test]
fn relative_dates_resolve_against_the_header() {
    check(
        "Source: X\nDate: 2022-09-29\n\nLast Wednesday, Putin announced the mobilization of 300,000 reservists.\n\nOfficials denied it on Thursday.\n",
        expect![[r#"
            dated 2022-09-21   cue "announced"        "Putin"          Last Wednesday, Putin announced the mobilization of 300,000 reservists.
            dated 2022-09-29   cue "denied"           "Officials"      Officials denied it on Thursday.
        "#]],
    );
}

#[test]
fn vague_words_durations_and_sets_do_not_date_a_claim() {
    check(
        "Source: X\nDate: 2022-10-15\n\nRecently, officials said the drills were routine.\n\nThe ministry said the exercises last two months.\n\nThe army said it trains every year.\n",
        expect![[r#"
            UNDATED            cue "said"             "officials"      Recently, officials said the drills were routine.
            UNDATED            cue "said"             "The ministry"   The ministry said the exercises last two months.
            UNDATED            cue "said"             "The army"       The army said it trains every year.
        "#]],
    );
}

#[test]
fn known_actors_acting_in_the_past_tense_are_claims() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka ordered a snap inspection of the army.\n\nMakei has already travelled to Moscow.\n\nLukashenko’s plan is unclear.\n\nKyiv has repeatedly expressed doubts.\n",
        expect![[r#"
            UNDATED            cue "ordered"          @lukashenka      Lukashenka ordered a snap inspection of the army.
            UNDATED            Perfect "travelled"    source           Makei has already travelled to Moscow.
            UNDATED            Perfect "expressed"    source           Kyiv has repeatedly expressed doubts.
        "#]],
    );
}

#[test]
fn headings_nouns_and_negations_are_not_claims() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka orders covert mobilization\n\nThe reports of this publicist should be treated with caution.\n\nIt is not reported if Belarus will mobilize.\n\nWe deliver on-the-ground reports about the war.\n",
        expect![[""]],
    );
}

#[test]
fn annotations_date_or_silence_a_sentence_and_the_header_silences_a_file() {
    check(
        "Source: X\nDate: 2022-10-15\n\nNasha Niva reported a covert mobilization. {date: 2022-10-12}\n\nExperts say the threat is low. {undated-ok}\n",
        expect![[r#"
            dated 2022-10-12   cue "reported"         "Nasha Niva"     Nasha Niva reported a covert mobilization. {date: 2022-10-12}
            silenced           cue "say"              "Experts"        Experts say the threat is low. {undated-ok}
        "#]],
    );
    check(
        "Source: X\nDate: 2022-10-15\nLint: undated-ok\n\nExperts say the threat is low.\n",
        expect![[r#"
            silenced           cue "say"              "Experts"        Experts say the threat is low.
        "#]],
    );
}

#[test]
fn multiword_cues_and_possessive_subjects() {
    check(
        "Source: X\nDate: 2022-10-15\n\nAccording to Interfax, the border is calm.\n\nThe ministry said in a statement that nothing changed.\n",
        expect![[r#"
            UNDATED            cue "According to"     "Interfax"       According to Interfax, the border is calm.
            UNDATED            cue "said"             "The ministry"   The ministry said in a statement that nothing changed.
        "#]],
    );
}

#[test]
fn undated_claims_are_warnings_and_context_dated_ones_information() {
    let fixture = Fixture::new(&format!(
        "{REGISTRY}%! a.article\nSource: X\nDate: 2022-10-15\n\nOn 10 October, Lukashenka announced joint troops. He said the process had begun.\n\nMakei told Izvestia about meetings.\n"
    ));
    let diagnostics = fixture.corpus.diagnostics("a.article");
    expect![[r#"
        information[claim-dated-by-context] a.article:4:51 "He said the process had begun.": claim dated by context: an earlier sentence of its paragraph gives 10 October 2022 (“10 October”)
        warning[undated-claim] a.article:6:1 "Makei told Izvestia about meetings.": undated claim by Makei (“told”): neither this sentence nor an earlier one of its paragraph says when
    "#]]
    .assert_eq(&show_diagnostics(&fixture.corpus, "a.article", &diagnostics));
}

#[test]
fn the_date_scope_and_the_cue_list_come_from_dateline_toml() {
    let article = "%! a.article\nSource: X\nDate: 2022-10-15\n\nOn 8 October, the ministry said it was ready. The minister briefed reporters.\n";
    let strict = Fixture::new(&format!(
        "%! dateline.toml\n[claims]\ndate-scope = \"sentence\"\nextra-cues = [\"briefed\"]\n{article}"
    ));
    let file = strict.corpus.article("a.article").unwrap();
    let datings: Vec<&Dating> = file.claims.iter().map(|claim| &claim.dating).collect();
    assert_eq!(
        datings.len(),
        2,
        "the extra cue makes the second sentence a claim"
    );
    assert_eq!(
        datings[1],
        &Dating::Undated,
        "sentence scope ignores context"
    );
}

/// The hand scanner of words gives exactly the words the pattern finds, on text mixing
/// ASCII with letters, marks, quotes and dashes beyond it.
#[test]
fn the_word_scanner_agrees_with_the_word_pattern() {
    const PIECES: &[&str] = &[
        "a", "Z", "7", "'", "’", "-", "—", " ", ".", "é", "Ł", "\u{301}", "ß", "Ⅻ", "٣", "“", "”",
        "\n", "s", "_", "Ж", "ǅ", "👍", "\u{2009}", "\u{2028}", "\u{2060}", "\u{206F}", "\u{2070}",
        "\u{1FFF}", "…",
    ];
    crate::fixture::for_random_texts(PIECES, |text| {
        let expected: Vec<(usize, usize)> = super::words::WORD
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let scanned: Vec<(usize, usize)> = super::words::words_of(text)
            .into_iter()
            .map(|range| (range.start, range.end))
            .collect();
        proptest::prop_assert_eq!(scanned, expected, "text {:?}", text);
        Ok(())
    });
}

/// Renders whether each paragraph of the article is a claim (`claim`, with its trigger)
/// or not (`-`), for the tables of patterns and frames below.
fn claims_table(sentences: &[&str], expect: Expect) {
    claims_table_with(REGISTRY, sentences, expect);
}

/// [`claims_table`] with the actors of `registry`.
fn claims_table_with(registry: &str, sentences: &[&str], expect: Expect) {
    let body = sentences.join("\n\n");
    let fixture = Fixture::new(&format!(
        "{registry}%! a.article\nSource: Outlet\nDate: 2022-10-15\n\n{body}\n"
    ));
    let file = fixture.corpus.article("a.article").expect("the article");
    let mut out = String::new();
    for paragraph in &file.article.paragraphs {
        let claim = file
            .claims
            .iter()
            .find(|claim| paragraph.range.contains_range(claim.sentence));
        let verdict = match claim.map(|claim| claim.trigger) {
            Some(ClaimTrigger::Cue(range)) => format!("cue {:?}", range.slice(&file.text)),
            Some(ClaimTrigger::Event { verb, form }) => {
                format!("{form:?} {:?}", verb.slice(&file.text))
            }
            None => "-".to_string(),
        };
        out.push_str(&format!(
            "{verdict:24} {}\n",
            paragraph.range.slice(&file.text)
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn events_of_every_verb_form_are_claims_whatever_their_subject() {
    claims_table(
        &[
            "The jury deliberated for a day before returning its verdict.",
            "The auction eventually failed.",
            "Some 500 reservists were sent to the training grounds.",
            "About 2,000 exemptions have been issued.",
            "The ministry has already given the order.",
            "About 300 men are to be called up.",
            "Poland and its allies are monitoring the border.",
            "The drills will be held from 3 to 9 June.",
            "The country did not directly join the invasion.",
            "Summonses were being issued for immediate reporting.",
            "Senator Jane Roe (D-NY) entered them into the record.",
            "The new jet, the A900 “Skyliner”, made its first flight.",
            "The problem was minor, and affected the engines.",
            "Since 24 February, thousands of men have left the country.",
            "Since the war began, when the army moved, thousands of men have left.",
            "In a media event, Acme Inc. released a new phone.",
            "The main share index fell by 3.4% at the close.",
            "Grain exports dropped by more than a third.",
            "The currency has weakened by about 12 percent.",
            "The national bank, however, raised its key rate.",
            "The ministry, in turn, cancelled the contract.",
            "The three exchanges each closed lower.",
            "The index had, at one point, reached a new low.",
            "The state carrier has in recent years been struggling with debt.",
            "A hearing has been scheduled at the city court.",
            "The opposition rally was banned.",
            "Tear gas was used to disperse the crowd.",
            "The rouble was down 2.4% against the dollar.",
            "The convoy was set to arrive in Minsk on Monday.",
            "Opposition supporters in exile are rallying outside the embassy.",
            "Also detained was the editor of a regional paper.",
            "Among those released were two journalists.",
            "Killed in the blast were three soldiers.",
            "The decree takes effect on 1 April.",
            "The talks resume in Geneva on Monday.",
            "The ministry, citing security concerns, closed the crossing.",
            "Belarusian and Russian troops, backed by aircraft, practised an assault.",
            "Makei, 64, died suddenly.",
            "The company sued the ministry.",
            "The EU and the US imposed sanctions.",
            "Lukashenka (pictured) met the envoy in Sochi.",
            "There were fierce clashes near the border.",
            "Lukashenka had a phone conversation with Putin.",
            "The two ministers have had talks in Sochi.",
            "The index had its worst fall since 1987.",
            "Stock indices, such as the Nasdaq and the S&P 500, dipped by 96 points.",
            "Police used stun grenades to disperse the crowd.",
            "The carrier axed 500 jobs.",
            "The envoys had had talks in Minsk.",
            "Sirens sounded across Ukraine.",
            "The activist appeared in court in handcuffs.",
            "The index, a gauge used to track the market, fell 3%.",
            "Minsk is in talks with Beijing.",
            "Polish farmers are blocking border crossings.",
            "The opposition leader, Sviatlana Tsikhanouskaya, met the envoy.",
            "Apple executives are in negotiations with the studios.",
            "A search is under way for the missing pilot.",
            "An investigation is underway.",
            "Hours later the building collapsed.",
            "Belarus and Russia are in negotiations over the base.",
            "The government plans to raise the minimum wage in July.",
            "Officials intend to open the terminal next year.",
            "The opposition plans a rally on Saturday.",
            "It also plans to close two plants in 2027.",
            "Election officials have registered four candidates.",
            "The crisis has united the opposition.",
            "Lukashenka is expected to visit Beijing in September.",
            "Journalists were not allowed to enter the courtroom.",
            "His lawyer, who lost her licence in May, was not allowed to speak.",
            "The shelling stopped by Friday morning.",
            "Russia, Belarus's main ally, sent troops.",
            "Production stopped by 2021.",
            "Russia occupied Crimea in 2014.",
            "The commission registered five candidates.",
            "He retired from the army.",
            "The Kremlin backed the plan.",
            "Leaders of the Baltic states met in Riga.",
            "Member states agreed on the budget.",
            "The West has armed Ukraine.",
            "The allies have armed them.",
            "The Red Cross has not been allowed to visit most detention sites.",
            "Several protesters were seen holding portraits of jailed reporters.",
            "Customers were unable to log in to the mobile app for most of the day.",
            "Rescuers were able to reach the village.",
            "Turnout stood at 45 percent.",
            "The death toll stood at about 40.",
            "Fighting continues around Pokrovsk.",
            "Russia continues to shell Kharkiv.",
            "The editor was among those arrested.",
            "Prices are up 15 percent from a year earlier.",
            "Ales Bialiatski, the Nobel Peace Prize laureate, is serving a 10-year sentence.",
            "The journalist is recovering in hospital.",
            "Rescue operations are ongoing.",
            "Protesters were often beaten.",
        ],
        expect![[r#"
            Past "deliberated"       The jury deliberated for a day before returning its verdict.
            Past "failed"            The auction eventually failed.
            Passive "sent"           Some 500 reservists were sent to the training grounds.
            Passive "issued"         About 2,000 exemptions have been issued.
            Perfect "given"          The ministry has already given the order.
            Scheduled "called"       About 300 men are to be called up.
            Ongoing "monitoring"     Poland and its allies are monitoring the border.
            Future "held"            The drills will be held from 3 to 9 June.
            Past "join"              The country did not directly join the invasion.
            Passive "issued"         Summonses were being issued for immediate reporting.
            Past "entered"           Senator Jane Roe (D-NY) entered them into the record.
            Past "made"              The new jet, the A900 “Skyliner”, made its first flight.
            Past "affected"          The problem was minor, and affected the engines.
            Perfect "left"           Since 24 February, thousands of men have left the country.
            Perfect "left"           Since the war began, when the army moved, thousands of men have left.
            Past "released"          In a media event, Acme Inc. released a new phone.
            Past "fell"              The main share index fell by 3.4% at the close.
            Past "dropped"           Grain exports dropped by more than a third.
            Perfect "weakened"       The currency has weakened by about 12 percent.
            Past "raised"            The national bank, however, raised its key rate.
            Past "cancelled"         The ministry, in turn, cancelled the contract.
            Past "closed"            The three exchanges each closed lower.
            Perfect "reached"        The index had, at one point, reached a new low.
            Perfect "struggling"     The state carrier has in recent years been struggling with debt.
            Passive "scheduled"      A hearing has been scheduled at the city court.
            Passive "banned"         The opposition rally was banned.
            Passive "used"           Tear gas was used to disperse the crowd.
            Past "was"               The rouble was down 2.4% against the dollar.
            Future "set"             The convoy was set to arrive in Minsk on Monday.
            Ongoing "rallying"       Opposition supporters in exile are rallying outside the embassy.
            Passive "detained"       Also detained was the editor of a regional paper.
            Passive "released"       Among those released were two journalists.
            Passive "Killed"         Killed in the blast were three soldiers.
            Future "takes"           The decree takes effect on 1 April.
            Future "resume"          The talks resume in Geneva on Monday.
            Past "closed"            The ministry, citing security concerns, closed the crossing.
            Past "practised"         Belarusian and Russian troops, backed by aircraft, practised an assault.
            Past "died"              Makei, 64, died suddenly.
            Past "sued"              The company sued the ministry.
            Past "imposed"           The EU and the US imposed sanctions.
            Past "met"               Lukashenka (pictured) met the envoy in Sochi.
            Past "were"              There were fierce clashes near the border.
            Past "conversation"      Lukashenka had a phone conversation with Putin.
            Perfect "talks"          The two ministers have had talks in Sochi.
            Past "fall"              The index had its worst fall since 1987.
            Past "dipped"            Stock indices, such as the Nasdaq and the S&P 500, dipped by 96 points.
            Past "used"              Police used stun grenades to disperse the crowd.
            Past "axed"              The carrier axed 500 jobs.
            Perfect "talks"          The envoys had had talks in Minsk.
            Past "sounded"           Sirens sounded across Ukraine.
            Past "appeared"          The activist appeared in court in handcuffs.
            Past "fell"              The index, a gauge used to track the market, fell 3%.
            Ongoing "talks"          Minsk is in talks with Beijing.
            Ongoing "blocking"       Polish farmers are blocking border crossings.
            Past "met"               The opposition leader, Sviatlana Tsikhanouskaya, met the envoy.
            Ongoing "negotiations"   Apple executives are in negotiations with the studios.
            Ongoing "way"            A search is under way for the missing pilot.
            Ongoing "underway"       An investigation is underway.
            Past "collapsed"         Hours later the building collapsed.
            Ongoing "negotiations"   Belarus and Russia are in negotiations over the base.
            Future "plans"           The government plans to raise the minimum wage in July.
            Future "intend"          Officials intend to open the terminal next year.
            Future "plans"           The opposition plans a rally on Saturday.
            Future "plans"           It also plans to close two plants in 2027.
            Perfect "registered"     Election officials have registered four candidates.
            Perfect "united"         The crisis has united the opposition.
            Future "expected"        Lukashenka is expected to visit Beijing in September.
            Passive "allowed"        Journalists were not allowed to enter the courtroom.
            Passive "allowed"        His lawyer, who lost her licence in May, was not allowed to speak.
            Past "stopped"           The shelling stopped by Friday morning.
            Past "sent"              Russia, Belarus's main ally, sent troops.
            Past "stopped"           Production stopped by 2021.
            Past "occupied"          Russia occupied Crimea in 2014.
            Past "registered"        The commission registered five candidates.
            Past "retired"           He retired from the army.
            Past "backed"            The Kremlin backed the plan.
            Past "met"               Leaders of the Baltic states met in Riga.
            Past "agreed"            Member states agreed on the budget.
            Perfect "armed"          The West has armed Ukraine.
            Perfect "armed"          The allies have armed them.
            Passive "allowed"        The Red Cross has not been allowed to visit most detention sites.
            Passive "seen"           Several protesters were seen holding portraits of jailed reporters.
            Past "log"               Customers were unable to log in to the mobile app for most of the day.
            Past "reach"             Rescuers were able to reach the village.
            Past "stood"             Turnout stood at 45 percent.
            Past "stood"             The death toll stood at about 40.
            Ongoing "continues"      Fighting continues around Pokrovsk.
            Ongoing "continues"      Russia continues to shell Kharkiv.
            Passive "arrested"       The editor was among those arrested.
            Ongoing "are"            Prices are up 15 percent from a year earlier.
            Ongoing "serving"        Ales Bialiatski, the Nobel Peace Prize laureate, is serving a 10-year sentence.
            Ongoing "recovering"     The journalist is recovering in hospital.
            Ongoing "ongoing"        Rescue operations are ongoing.
            Passive "beaten"         Protesters were often beaten.
        "#]],
    );
}

#[test]
fn what_only_looks_like_an_event_is_not_a_claim() {
    claims_table(
        &[
            "Belarus borders three NATO members.",
            "The drills will be held soon.",
            "It is seen as a test of readiness.",
            "She had a cold.",
            "The used car market is small.",
            "It sounded like an explosion.",
            "The minister appeared tired.",
            "The talks appeared to stall.",
            "Belarus had 9.2 million inhabitants.",
            "The deal is in talks.",
            "The way is under the bridge.",
            "The plan is under review.",
            "Its plan to cut spending in 2027 is ambitious.",
            "The bank has limited resources.",
            "Tourism officials hope for visitors from Poland and the Baltic states.",
            "No group has claimed responsibility for the attack.",
            "Nobody has yet claimed responsibility.",
            "The treaty imperils the Acme and Beta plan to merge in 2027.",
            "Government plans to reopen the crossing in June are on hold.",
            "The government wants to reopen the crossing in June.",
            "The government plans to raise the minimum wage.",
            "Prices are expected to rise in June.",
            "It is expected to rain in June.",
            "They do not hide the fact that measures are under way.",
            "It is a method widely used.",
            "These are the weapons recently supplied.",
            "The two sides had no contact.",
            "The sides had no talks.",
            "If Belarus joined the war, the front would widen.",
            "Screenshots reviewed by the outlet show long queues.",
            "The so-called partial mobilization is unpopular.",
            "The regime is increasingly seen as cornered.",
            "Belarus used to buy its rifles abroad.",
            "The armed forces are compact and mobile.",
            "We are monitoring the situation.",
            "Has the army been mobilized?",
            "Lukashenka would have agreed to receive troops.",
            "The drills don’t necessarily mean that he has taken the decision.",
            "Emails exchanged among officials have been entered into the record.",
            "The amount calculated for last year is preliminary.",
            "Leaflets dropped by several drones urge residents to leave.",
            "Bridges repaired by 2030 must carry tanks.",
            "The price rise was due to falling demand.",
            "Rallies are banned in the capital.",
            "The talks were scheduled to resume.",
            "The old fence was made of steel.",
            "The minister was committed to the reform.",
            "The company has to be sold.",
            "Prices in the shops are rising.",
            "The rouble was down against the dollar.",
            "Those detained were mostly students.",
            "The decree takes effect soon.",
            "The talks resume in Geneva.",
            "At the start of June, the roads were empty.",
            "The regime appears increasingly isolated.",
            "The economy has in effect been absorbed by Russia.",
            "There were no clashes near the border.",
            "There was little hope of a deal.",
            "Conscripts are allowed to defer their service.",
            "Kyiv rarely confirms such strikes.",
            "Officials usually say little about the talks.",
            "Officials based in Minsk are cautious.",
            "Registered voters can cast their ballots early.",
            "The occupied territories remain under curfew.",
            "Three United States indexes are near their lows.",
            "There are growing fears of a new offensive.",
            "There were mounting concerns about the plan.",
            "The Kremlin is seen as the main beneficiary.",
            "The minister is unable to attend.",
            "Estimates vary widely.",
            "A statue stood at the entrance.",
            "If the war continues, prices will rise.",
            "The ministry has not said when the drills begin.",
            "The prices, a record, are rising.",
            "Lukashenka is often called Europe's last dictator.",
            "Such drills are regularly held near the border.",
            "It remains unclear who ordered the attack.",
            "It is not known who fired the missile.",
            "As long as Belarus hosts Russian troops, few in Europe are willing to talk to Minsk.",
            "The figures are worrying.",
        ],
        expect![[r#"
            -                        Belarus borders three NATO members.
            -                        The drills will be held soon.
            -                        It is seen as a test of readiness.
            -                        She had a cold.
            -                        The used car market is small.
            -                        It sounded like an explosion.
            -                        The minister appeared tired.
            -                        The talks appeared to stall.
            -                        Belarus had 9.2 million inhabitants.
            -                        The deal is in talks.
            -                        The way is under the bridge.
            -                        The plan is under review.
            -                        Its plan to cut spending in 2027 is ambitious.
            -                        The bank has limited resources.
            -                        Tourism officials hope for visitors from Poland and the Baltic states.
            -                        No group has claimed responsibility for the attack.
            -                        Nobody has yet claimed responsibility.
            -                        The treaty imperils the Acme and Beta plan to merge in 2027.
            -                        Government plans to reopen the crossing in June are on hold.
            -                        The government wants to reopen the crossing in June.
            -                        The government plans to raise the minimum wage.
            -                        Prices are expected to rise in June.
            -                        It is expected to rain in June.
            -                        They do not hide the fact that measures are under way.
            -                        It is a method widely used.
            -                        These are the weapons recently supplied.
            -                        The two sides had no contact.
            -                        The sides had no talks.
            -                        If Belarus joined the war, the front would widen.
            cue "show"               Screenshots reviewed by the outlet show long queues.
            -                        The so-called partial mobilization is unpopular.
            -                        The regime is increasingly seen as cornered.
            -                        Belarus used to buy its rifles abroad.
            -                        The armed forces are compact and mobile.
            -                        We are monitoring the situation.
            -                        Has the army been mobilized?
            -                        Lukashenka would have agreed to receive troops.
            -                        The drills don’t necessarily mean that he has taken the decision.
            Passive "entered"        Emails exchanged among officials have been entered into the record.
            -                        The amount calculated for last year is preliminary.
            -                        Leaflets dropped by several drones urge residents to leave.
            -                        Bridges repaired by 2030 must carry tanks.
            -                        The price rise was due to falling demand.
            -                        Rallies are banned in the capital.
            -                        The talks were scheduled to resume.
            -                        The old fence was made of steel.
            -                        The minister was committed to the reform.
            -                        The company has to be sold.
            -                        Prices in the shops are rising.
            -                        The rouble was down against the dollar.
            -                        Those detained were mostly students.
            -                        The decree takes effect soon.
            -                        The talks resume in Geneva.
            -                        At the start of June, the roads were empty.
            -                        The regime appears increasingly isolated.
            -                        The economy has in effect been absorbed by Russia.
            -                        There were no clashes near the border.
            -                        There was little hope of a deal.
            -                        Conscripts are allowed to defer their service.
            -                        Kyiv rarely confirms such strikes.
            -                        Officials usually say little about the talks.
            -                        Officials based in Minsk are cautious.
            -                        Registered voters can cast their ballots early.
            -                        The occupied territories remain under curfew.
            -                        Three United States indexes are near their lows.
            -                        There are growing fears of a new offensive.
            -                        There were mounting concerns about the plan.
            -                        The Kremlin is seen as the main beneficiary.
            -                        The minister is unable to attend.
            -                        Estimates vary widely.
            -                        A statue stood at the entrance.
            -                        If the war continues, prices will rise.
            -                        The ministry has not said when the drills begin.
            -                        The prices, a record, are rising.
            -                        Lukashenka is often called Europe's last dictator.
            -                        Such drills are regularly held near the border.
            -                        It remains unclear who ordered the attack.
            -                        It is not known who fired the missile.
            -                        As long as Belarus hosts Russian troops, few in Europe are willing to talk to Minsk.
            -                        The figures are worrying.
        "#]],
    );
}

#[test]
fn reporting_cues_count_where_they_report_and_not_in_set_phrases() {
    claims_table(
        &[
            "The analyst wrote that the drills were routine.",
            "The deputy posted a video of the column.",
            "The video, posted on Telegram, shows a column of tanks.",
            "Reports say the column turned back.",
            "Ukraine's military intelligence claims responsibility for the blast.",
            "Sikorski called the move a provocation.",
            "The spokeswoman called the accusations “absurd”.",
            "The president called a snap election.",
            "Reservists were called up for training.",
            "A man called Ivan was detained.",
            "The analyst believes the threat is low.",
            "Officials blamed the outage on a storm.",
            "Moscow responded by expelling two diplomats.",
            "The minister called on Minsk to release the prisoners.",
            "The minister blames the opposition for the protests.",
            "Officials are convinced that the call-up will continue.",
            "Suspilne reports that social media is flooded with posts.",
            "The president says the army is ready.",
            "Screenshots show residents sharing details about assembly points.",
            "The channel shows old footage every night.",
            "This shows the regime is nervous.",
            "This gave residents a chance to speak out.",
            "The ministry dismissed baseless reports of a call-up.",
            "The embassy did not respond to a request for comment.",
            "The spokesman declined to comment.",
            "The Kremlin has not commented.",
            "The ministry did not immediately comment on the report.",
            "The statement did not say when the drills would begin.",
            "Officials declined to say how many were detained.",
            "This suggests the regime is nervous.",
            "The United States Air Force is large.",
            "Boeing has 800 orders for the jet.",
            "The alleged plot is unclear.",
            "He may claim otherwise.",
            "We keep our reporting open because we believe in free access.",
            "Outlet is convinced that the world must act.",
            "Local analysts think that the index could rise further.",
            "The think tank is based in Warsaw.",
            "Both men deny the charges.",
            "Critics argue that the vote was rigged.",
            "Rights groups allege torture in the colony.",
            "The leaders will announce their decision.",
            "He came to confirm the figure.",
            "Such a claim is common.",
            "The ministry adds that the drills are routine.",
            "He recalled that the border had been quiet.",
            "The election promises were broken.",
            "Belarus rejects the accusations.",
            "Voters are expected to reject the plan.",
            "The Senate rejected the bill.",
            "Observers note that the releases changed little.",
            "Take note of the warning.",
            "A note from the embassy arrived.",
            "The statement reads: “We will not retreat.”",
            "He reads the news every morning.",
            "He added the troops were ready to leave.",
            "The KGB has added the exiled opposition leader to its list.",
            "The army added two brigades to the exercise.",
            "She has called the charges absurd.",
            "The minister called the vote rigged and illegitimate.",
            "The opposition called the verdict outrageous.",
            "The IMF forecasts growth of 1.5% in 2027.",
            "IMF forecasts show slower growth.",
            "Ukrainian reports say the bridge was hit.",
            "Moscow dismissed the measures as illegal.",
            "Lukashenka dismissed the defence minister.",
            "Analysts doubt the price cap can be enforced.",
            "Doubts remain about the plan.",
            "Traders fear further disruption.",
            "The fear of arrest keeps many silent.",
            "Reports suggest at least three more reporters are under investigation.",
            "Experts caution that such claims are often exaggerated.",
            "Belarus is holding about 30 media workers behind bars, the Belarusian Association of Journalists estimates.",
            "The ministry estimated that 300 homes were damaged.",
            "Official estimates put the death toll at 40.",
            "An estimated 5,000 people attended the rally.",
            "The TV shows were cancelled.",
            "Analysts see the deal as part of a broader effort.",
            "Moscow views the drills as a provocation.",
            "The Viasna human rights centre says about 1,150 political prisoners remain behind bars.",
            "Russia saw its worst attack in months.",
            "Investors see little reason to buy.",
            "Rights groups criticise the decision.",
            "Residents complain of falling tourist numbers.",
            "The opposition demands the release of all prisoners.",
            "There is strong demand for gas.",
            "Businesses have complained that high borrowing costs are stifling investment.",
            "Protesters demanded the release of all prisoners.",
            "Officials estimate the damage at $2 billion.",
            "Moscow has long maintained that the sanctions are illegal.",
            "A man accused of spying for Poland was sentenced to 10 years.",
            "Poland accused Minsk of orchestrating the crisis.",
            "He did not give a date.",
            "The ministry did not disclose the number of casualties.",
            "The army did not give up the town.",
            "A senior Lithuanian official, who spoke on condition of anonymity, said Vilnius was considering similar steps.",
            "A State Department spokesman expressed concern over the verdict.",
            "Rights groups have documented widespread abuse.",
            "The documented cases rose sharply.",
            "Supporters of engagement counter that every freed prisoner is a life saved.",
            "\"Nonsense,\" he retorted.",
            "She was added to the KGB's list of terrorists.",
            "The activist was later added to the list.",
            "He also added that the talks would go on.",
            "\"It is,\" added the minister.",
        ],
        expect![[r#"
            cue "wrote"              The analyst wrote that the drills were routine.
            cue "posted"             The deputy posted a video of the column.
            cue "shows"              The video, posted on Telegram, shows a column of tanks.
            cue "say"                Reports say the column turned back.
            cue "claims"             Ukraine's military intelligence claims responsibility for the blast.
            cue "called"             Sikorski called the move a provocation.
            cue "called"             The spokeswoman called the accusations “absurd”.
            Past "called"            The president called a snap election.
            Passive "called"         Reservists were called up for training.
            Passive "detained"       A man called Ivan was detained.
            cue "believes"           The analyst believes the threat is low.
            cue "blamed"             Officials blamed the outage on a storm.
            Past "responded"         Moscow responded by expelling two diplomats.
            cue "called on"          The minister called on Minsk to release the prisoners.
            cue "blames"             The minister blames the opposition for the protests.
            cue "are convinced"      Officials are convinced that the call-up will continue.
            cue "reports"            Suspilne reports that social media is flooded with posts.
            cue "says"               The president says the army is ready.
            cue "show"               Screenshots show residents sharing details about assembly points.
            -                        The channel shows old footage every night.
            -                        This shows the regime is nervous.
            -                        This gave residents a chance to speak out.
            Past "dismissed"         The ministry dismissed baseless reports of a call-up.
            -                        The embassy did not respond to a request for comment.
            -                        The spokesman declined to comment.
            -                        The Kremlin has not commented.
            -                        The ministry did not immediately comment on the report.
            -                        The statement did not say when the drills would begin.
            Passive "detained"       Officials declined to say how many were detained.
            -                        This suggests the regime is nervous.
            -                        The United States Air Force is large.
            -                        Boeing has 800 orders for the jet.
            -                        The alleged plot is unclear.
            -                        He may claim otherwise.
            -                        We keep our reporting open because we believe in free access.
            -                        Outlet is convinced that the world must act.
            cue "think that"         Local analysts think that the index could rise further.
            -                        The think tank is based in Warsaw.
            cue "deny"               Both men deny the charges.
            cue "argue"              Critics argue that the vote was rigged.
            cue "allege"             Rights groups allege torture in the colony.
            -                        The leaders will announce their decision.
            Past "came"              He came to confirm the figure.
            -                        Such a claim is common.
            cue "adds"               The ministry adds that the drills are routine.
            cue "recalled"           He recalled that the border had been quiet.
            Passive "broken"         The election promises were broken.
            cue "rejects"            Belarus rejects the accusations.
            -                        Voters are expected to reject the plan.
            cue "rejected"           The Senate rejected the bill.
            cue "note"               Observers note that the releases changed little.
            -                        Take note of the warning.
            Past "arrived"           A note from the embassy arrived.
            cue "reads"              The statement reads: “We will not retreat.”
            -                        He reads the news every morning.
            cue "added"              He added the troops were ready to leave.
            Perfect "added"          The KGB has added the exiled opposition leader to its list.
            Past "added"             The army added two brigades to the exercise.
            cue "called"             She has called the charges absurd.
            cue "called"             The minister called the vote rigged and illegitimate.
            cue "called"             The opposition called the verdict outrageous.
            cue "forecasts"          The IMF forecasts growth of 1.5% in 2027.
            -                        IMF forecasts show slower growth.
            cue "say"                Ukrainian reports say the bridge was hit.
            cue "dismissed"          Moscow dismissed the measures as illegal.
            Past "dismissed"         Lukashenka dismissed the defence minister.
            cue "doubt"              Analysts doubt the price cap can be enforced.
            -                        Doubts remain about the plan.
            cue "fear"               Traders fear further disruption.
            -                        The fear of arrest keeps many silent.
            cue "suggest"            Reports suggest at least three more reporters are under investigation.
            cue "caution"            Experts caution that such claims are often exaggerated.
            cue "estimates"          Belarus is holding about 30 media workers behind bars, the Belarusian Association of Journalists estimates.
            cue "estimated"          The ministry estimated that 300 homes were damaged.
            Past "put"               Official estimates put the death toll at 40.
            Past "attended"          An estimated 5,000 people attended the rally.
            Passive "cancelled"      The TV shows were cancelled.
            cue "see"                Analysts see the deal as part of a broader effort.
            cue "views"              Moscow views the drills as a provocation.
            cue "says"               The Viasna human rights centre says about 1,150 political prisoners remain behind bars.
            Past "saw"               Russia saw its worst attack in months.
            -                        Investors see little reason to buy.
            cue "criticise"          Rights groups criticise the decision.
            cue "complain"           Residents complain of falling tourist numbers.
            cue "demands"            The opposition demands the release of all prisoners.
            -                        There is strong demand for gas.
            cue "complained"         Businesses have complained that high borrowing costs are stifling investment.
            cue "demanded"           Protesters demanded the release of all prisoners.
            cue "estimate"           Officials estimate the damage at $2 billion.
            cue "maintained that"    Moscow has long maintained that the sanctions are illegal.
            Passive "sentenced"      A man accused of spying for Poland was sentenced to 10 years.
            cue "accused"            Poland accused Minsk of orchestrating the crisis.
            -                        He did not give a date.
            -                        The ministry did not disclose the number of casualties.
            Past "give"              The army did not give up the town.
            cue "said"               A senior Lithuanian official, who spoke on condition of anonymity, said Vilnius was considering similar steps.
            cue "expressed concern"  A State Department spokesman expressed concern over the verdict.
            cue "documented"         Rights groups have documented widespread abuse.
            Past "rose"              The documented cases rose sharply.
            cue "counter that"       Supporters of engagement counter that every freed prisoner is a life saved.
            cue "retorted"           "Nonsense," he retorted.
            Passive "added"          She was added to the KGB's list of terrorists.
            Passive "added"          The activist was later added to the list.
            cue "added"              He also added that the talks would go on.
            cue "added"              "It is," added the minister.
        "#]],
    );
}

#[test]
fn law_provisions_furniture_and_quotation_continuations_are_not_claims() {
    claims_table(
        &[
            "Under the new rules, conscripts will register at 17.",
            "Under the amendments, reservists were sent to camps.",
            "According to the law, reservists can serve up to two months.",
            "The decree requires men to report within a day.",
            "Read also: Belarus hosts Russian troops.",
            "Photo: reservists at a station (Reuters).",
            "By Jane Doe",
            "This article was updated with comment from the ministry.",
            "Correction: an earlier version misstated the date.",
            "“We will not retreat,” the commander said. “Our troops stood firm. They held the line.”",
            "The commander gave a speech. “Our troops stood firm and held the line for days,” he added.",
        ],
        expect![[r#"
            -                        Under the new rules, conscripts will register at 17.
            -                        Under the amendments, reservists were sent to camps.
            -                        According to the law, reservists can serve up to two months.
            -                        The decree requires men to report within a day.
            -                        Read also: Belarus hosts Russian troops.
            -                        Photo: reservists at a station (Reuters).
            -                        By Jane Doe
            -                        This article was updated with comment from the ministry.
            -                        Correction: an earlier version misstated the date.
            cue "said"               “We will not retreat,” the commander said. “Our troops stood firm. They held the line.”
            Past "gave"              The commander gave a speech. “Our troops stood firm and held the line for days,” he added.
        "#]],
    );
}

#[test]
fn near_misses_of_the_non_claim_frames_are_claims() {
    claims_table(
        &[
            "The amendments were adopted by parliament.",
            "According to the ministry, conscripts will register at 17.",
            "Video footage showed a column of trucks.",
            "By the evening, the column had left.",
            "The embassy responded to the note.",
            "Officials spoke out against the call-up.",
            "“We will not retreat,” the commander said.",
            "Analysts say the regime is cornered.",
        ],
        expect![[r#"
            Passive "adopted"        The amendments were adopted by parliament.
            cue "According to"       According to the ministry, conscripts will register at 17.
            Past "showed"            Video footage showed a column of trucks.
            Perfect "left"           By the evening, the column had left.
            Past "responded"         The embassy responded to the note.
            Past "spoke"             Officials spoke out against the call-up.
            cue "said"               “We will not retreat,” the commander said.
            cue "say"                Analysts say the regime is cornered.
        "#]],
    );
}

#[test]
fn every_claim_is_attributed_to_its_speaker_or_the_source() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka stressed that the drills were defensive. “We will not attack,” he said.\n\n“The border is calm,” said Belarusian Foreign Minister Vladimir Makei.\n\nAccording to a U.S. official, the column turned back.\n\nThe call-ups reportedly began in January.\n\nSome 500 reservists were sent to the training grounds.\n\nOleksiy Danilov, secretary of the security council, admitted the risk.\n\nThe move was described by a senior official as a provocation.\n\nLukashenka tried to justify the war by claiming that Ukraine was a threat.\n\nThe ambassador was handed a note stating that the border was closed.\n\n\"Mobilization is not carried out,\" said the Belarusian Defense Ministry.\n\nThe drills reportedly ended, state media said.\n\nIn a statement on its website, the ministry said that the drills had ended.\n\nThe call-ups reportedly began after the president announced an inspection.\n\nThe head of the KGB, Ivan Tertel, claimed that the plot was foiled.\n\nIn an interview with the BBC, the opposition leader urged the EU to act.\n\nIn a post on X, Sikorski condemned the strike.\n\nIn a statement, the ministry condemned the attack.\n\nThe ambassador was quoted as saying that the talks had failed.\n\nThe video, posted on Telegram, shows a column of tanks.\n\nThe spokeswoman dismissed the accusations and accused Lithuania of a provocation.\n\nState media quoted the minister as saying that the drills were over.\n\nBelaruskali, Belarus's biggest exporter, has announced 10,000 job cuts.\n\nIn his speech, the minister praised the guards - and cited their courage.\n\nWhen the ministry banned the rally, the opposition protested, claiming the ban was illegal.\n\nBoth sides accuse each other of violating the truce.\n\nThe sides blame each other.\n\nNATO officials, speaking on condition of anonymity, said the alliance saw no threat.\n\nKyiv said the drills were over. It would also end the call-ups, it said.\n\nThe border is calm, the report states.\n\nThe ministry praises the guards and blames Warsaw for the tensions.\n\nAcme Corp (ACM) announced that it would cut 500 jobs.\n\nAnalysts from several banks, however, said the risk was low.\n\n“The rally is over,” said market analyst John Doe commenting on the figures.\n\nMulally says that the decision was a mistake.\n\nA second breach was reported at the tax authority.\n\nDozens of websites have been declared extremist.\n\nHackers broke into the registry, a group calling itself the Cyber Partisans claimed.\n\nA channel known as Hajun reported the movement of troops.\n\nThe group published what it said were internal documents.\n\nTraders fear further disruption.\n\nPolice detained people they said had organised the rally.\n\nThe minister welcomed the release but said hundreds remain behind bars.\n\nOfficials speaking on condition of anonymity said the plan was ready.\n\nA report published by Amnesty says the trial was unfair.\n\nA video circulating on social media shows police beating a man.\n\nProtesters detained on Sunday said they were beaten.\n\nDocuments obtained by the newspaper show the plan.\n\nA letter signed by Makei says the border is closed.\n\nBelarusian President Alexander Lukashenko on Tuesday urged the EU to talk.\n\nA senior Lithuanian official, who spoke on condition of anonymity, said Vilnius was considering similar steps.\n",
        expect![[r#"
            UNDATED            cue "stressed"         @lukashenka      Lukashenka stressed that the drills were defensive.
            UNDATED            cue "said"             @lukashenka      “We will not attack,” he said.
            UNDATED            cue "said"             @makei           “The border is calm,” said Belarusian Foreign Minister Vladimir Makei.
            UNDATED            cue "According to"     "a U.S. official" According to a U.S. official, the column turned back.
            dated 2022-01      cue "reportedly"       source           The call-ups reportedly began in January.
            UNDATED            Passive "sent"         source           Some 500 reservists were sent to the training grounds.
            UNDATED            cue "admitted"         "Oleksiy Danilov" Oleksiy Danilov, secretary of the security council, admitted the risk.
            UNDATED            cue "described"        "a senior official" The move was described by a senior official as a provocation.
            UNDATED            cue "claiming"         @lukashenka      Lukashenka tried to justify the war by claiming that Ukraine was a threat.
            UNDATED            cue "stating"          "a note"         The ambassador was handed a note stating that the border was closed.
            UNDATED            cue "said"             "the Belarusian Defense Ministry" "Mobilization is not carried out," said the Belarusian Defense Ministry.
            UNDATED            cue "said"             "state media"    The drills reportedly ended, state media said.
            UNDATED            cue "said"             "the ministry"   In a statement on its website, the ministry said that the drills had ended.
            UNDATED            cue "reportedly"       source           The call-ups reportedly began after the president announced an inspection.
            UNDATED            cue "claimed"          "Ivan Tertel"    The head of the KGB, Ivan Tertel, claimed that the plot was foiled.
            UNDATED            cue "urged"            "the opposition leader" In an interview with the BBC, the opposition leader urged the EU to act.
            UNDATED            cue "In a post"        "Sikorski"       In a post on X, Sikorski condemned the strike.
            UNDATED            cue "In a statement"   "the ministry"   In a statement, the ministry condemned the attack.
            UNDATED            cue "quoted"           "The ambassador" The ambassador was quoted as saying that the talks had failed.
            UNDATED            cue "shows"            "The video"      The video, posted on Telegram, shows a column of tanks.
            UNDATED            cue "accused"          "The spokeswoman" The spokeswoman dismissed the accusations and accused Lithuania of a provocation.
            UNDATED            cue "quoted"           "the minister"   State media quoted the minister as saying that the drills were over.
            UNDATED            cue "announced"        "Belaruskali"    Belaruskali, Belarus's biggest exporter, has announced 10,000 job cuts.
            UNDATED            cue "cited"            "the minister"   In his speech, the minister praised the guards - and cited their courage.
            UNDATED            cue "claiming"         "the opposition" When the ministry banned the rally, the opposition protested, claiming the ban was illegal.
            UNDATED            cue "accuse"           "Both sides"     Both sides accuse each other of violating the truce.
            UNDATED            cue "blame"            "The sides"      The sides blame each other.
            UNDATED            cue "said"             "NATO officials" NATO officials, speaking on condition of anonymity, said the alliance saw no threat.
            UNDATED            cue "said"             @kyiv            Kyiv said the drills were over.
            UNDATED            cue "said"             @kyiv            It would also end the call-ups, it said.
            UNDATED            cue "states"           "the report"     The border is calm, the report states.
            UNDATED            cue "blames"           "The ministry"   The ministry praises the guards and blames Warsaw for the tensions.
            UNDATED            cue "announced"        "Acme Corp"      Acme Corp (ACM) announced that it would cut 500 jobs.
            UNDATED            cue "said"             "Analysts from several banks" Analysts from several banks, however, said the risk was low.
            UNDATED            cue "said"             "market analyst John Doe" “The rally is over,” said market analyst John Doe commenting on the figures.
            UNDATED            cue "says"             "Mulally"        Mulally says that the decision was a mistake.
            UNDATED            cue "reported"         source           A second breach was reported at the tax authority.
            UNDATED            cue "declared"         source           Dozens of websites have been declared extremist.
            UNDATED            cue "claimed"          "a group calling itself the Cyber Partisans" Hackers broke into the registry, a group calling itself the Cyber Partisans claimed.
            UNDATED            cue "reported"         "A channel known as Hajun" A channel known as Hajun reported the movement of troops.
            UNDATED            cue "said"             "it"             The group published what it said were internal documents.
            UNDATED            cue "fear"             "Traders"        Traders fear further disruption.
            UNDATED            cue "said"             "they"           Police detained people they said had organised the rally.
            UNDATED            cue "said"             "The minister"   The minister welcomed the release but said hundreds remain behind bars.
            UNDATED            cue "said"             "Officials speaking on condition of anonymity" Officials speaking on condition of anonymity said the plan was ready.
            UNDATED            cue "says"             "A report published by Amnesty" A report published by Amnesty says the trial was unfair.
            UNDATED            cue "shows"            "A video circulating on social media" A video circulating on social media shows police beating a man.
            UNDATED            cue "said"             "Protesters detained on Sunday" Protesters detained on Sunday said they were beaten.
            UNDATED            cue "show"             "Documents obtained by the newspaper" Documents obtained by the newspaper show the plan.
            UNDATED            cue "says"             @makei           A letter signed by Makei says the border is closed.
            dated 2022-10-11   cue "urged"            @lukashenka      Belarusian President Alexander Lukashenko on Tuesday urged the EU to talk.
            UNDATED            cue "said"             "A senior Lithuanian official" A senior Lithuanian official, who spoke on condition of anonymity, said Vilnius was considering similar steps.
        "#]],
    );
}

/// `he said` opening a later paragraph names the latest actor that spoke in the one
/// before, unless another actor is named first or a heading stands between.
#[test]
fn a_pronoun_speaker_reaches_back_into_the_paragraph_before() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka stressed that the drills were defensive.\n\n“We will not attack,” he said.\n\nHe also said that the drills would end soon.\n\nMakei met the envoy. He said the talks went well.\n\nLukashenka said the army was ready.\n\n# What comes next\n\nHe said the border was calm.\n",
        expect![[r#"
            UNDATED            cue "stressed"         @lukashenka      Lukashenka stressed that the drills were defensive.
            UNDATED            cue "said"             @lukashenka      “We will not attack,” he said.
            UNDATED            cue "said"             @lukashenka      He also said that the drills would end soon.
            UNDATED            Past "met"             source           Makei met the envoy.
            UNDATED            cue "said"             @makei           He said the talks went well.
            UNDATED            cue "said"             @lukashenka      Lukashenka said the army was ready.
            UNDATED            cue "said"             "He"             He said the border was calm.
        "#]],
    );
}

/// A pronoun right after a speaker who is no actor stands for that speaker; one speaker
/// of several (`Analysts`) or further back leaves the latest actor, as before.
#[test]
fn a_pronoun_right_after_a_named_speaker_is_that_speaker() {
    check(
        "Source: X\nDate: 2022-10-15\n\n“The regime is cornered,” said Artyom Shraibman, an analyst. He added that the deal was fragile. He also said the talks would go on.\n\nAnalysts say the deal is fragile. He said the talks would go on.\n\nLukashenka said the army was ready. A spokesman said the drills were over. The troops left. He said the border was calm.\n\nThe ministry said it had summoned the ambassador. It added that more steps would follow.\n",
        expect![[r#"
            UNDATED            cue "said"             "Artyom Shraibman" “The regime is cornered,” said Artyom Shraibman, an analyst.
            UNDATED            cue "added"            "Artyom Shraibman" He added that the deal was fragile.
            UNDATED            cue "said"             "Artyom Shraibman" He also said the talks would go on.
            UNDATED            cue "say"              "Analysts"       Analysts say the deal is fragile.
            UNDATED            cue "said"             "He"             He said the talks would go on.
            UNDATED            cue "said"             @lukashenka      Lukashenka said the army was ready.
            UNDATED            cue "said"             "A spokesman"    A spokesman said the drills were over.
            UNDATED            Past "left"            source           The troops left.
            UNDATED            cue "said"             @lukashenka      He said the border was calm.
            UNDATED            cue "said"             "The ministry"   The ministry said it had summoned the ambassador.
            UNDATED            cue "added"            "The ministry"   It added that more steps would follow.
        "#]],
    );
}

/// Of several anchoring dates, the one nearest the trigger in its own clause dates the
/// claim.
#[test]
fn the_date_nearest_the_trigger_dates_the_claim() {
    check(
        "Source: X\nDate: 2022-10-15\n\nBelarus will hold joint drills next month, the ministry said on Tuesday.\n\nAfter talks on Monday, the minister announced on Wednesday that the border would reopen.\n\nFor the past five days, prices rose; today, they fell.\n\nIn 2021, Belarus closed the border, and in 2023 it reopened it.\n\nOn 17 February, the ministry said the drills would end on 1 March.\n",
        expect![[r#"
            dated 2022-10-11   cue "said"             "the ministry"   Belarus will hold joint drills next month, the ministry said on Tuesday.
            dated 2022-10-12   cue "announced"        "the minister"   After talks on Monday, the minister announced on Wednesday that the border would reopen.
            dated 2022-10-10/2022-10-15 Past "rose"            source           For the past five days, prices rose; today, they fell.
            dated 2021         Past "closed"          source           In 2021, Belarus closed the border, and in 2023 it reopened it.
            dated 2022-02-17   cue "said"             "the ministry"   On 17 February, the ministry said the drills would end on 1 March.
        "#]],
    );
}

#[test]
fn side_detail_dates_do_not_anchor_and_anaphoric_ones_do() {
    check(
        "Source: X\nDate: 2022-10-15\n\nThe ministry condemned Russia’s 2022 invasion.\n\nShe said it was her first trip abroad since 2020.\n\nThe mayor, who took office in March, resigned.\n\nOfficials criticized yesterday’s vote.\n\nDuring last week’s meeting, the president spoke about the army.\n\nOn 8 October, the troops arrived. The same day, officials said the border was closed. Earlier in the day, the ministry announced drills. That evening the column left.\n\nThe same day, the minister resigned.\n\nFive days after the vote, the minister resigned.\n\nThe firm said sales had doubled since its launch in 2019.\n\nTsikhanouskaya, born in Mikashevichy on 11 September 1982, addressed the parliament.\n\nThe court upheld a verdict handed down in May.\n\nRescuers were searching for people trapped under rubble in the city of Ternopil on Wednesday afternoon.\n\nThe court upheld the verdict in May.\n\nThe minister said the troops arrived in May.\n\nThe old plant, a factory built in 1961, closed.\n\nWhen the storm came, the roof collapsed, and the lights went out.\n\nThe Zapad 2025 exercise drew criticism.\n\nThe Expo 2020 site closed for good.\n\nEuro 2024 drew record crowds.\n\nPrices jumped at Christmas 2021.\n\nThe 2021 agreement collapsed.\n\nW 2020 protesty ogarnęły kraj.\n\nOd 2020 władze aresztowały tysiące osób.\n\nВ 2020 протесты охватили страну.\n\nThe firm has been suspended since July 2003.\n\nThe index hit its lowest level since April 1997.\n\nThe index has not closed above 8,000 since February.\n\nTroops deployed in May have left.\n\nMinisters meeting on Monday agreed to extend the sanctions.\n\nRussia attacked Kyiv on Sunday, officials said.\n\nThe strike, the deadliest this year, killed 14 people.\n\nThe strike killed 14 people, the deadliest toll this year.\n\nThe government adopted the draft budget for 2027.\n\nElections were scheduled for 2027.\n\nПравительство одобрило проект бюджета на 2027 год.\n\nВыборы назначены на 2027 год.\n\nRząd przyjął projekt budżetu na 2027 rok.\n",
        expect![[r#"
            UNDATED            Past "condemned"       source           The ministry condemned Russia’s 2022 invasion.
            UNDATED            cue "said"             "She"            She said it was her first trip abroad since 2020.
            UNDATED            Past "resigned"        source           The mayor, who took office in March, resigned.
            UNDATED            cue "criticized"       "Officials"      Officials criticized yesterday’s vote.
            dated 2022-W40     Past "spoke"           source           During last week’s meeting, the president spoke about the army.
            dated 2022-10-08   Past "arrived"         source           On 8 October, the troops arrived.
            dated 2022-10-08   cue "said"             "officials"      The same day, officials said the border was closed.
            dated 2022-10-08   cue "announced"        "the ministry"   Earlier in the day, the ministry announced drills.
            dated 2022-10-08TEV Past "left"            source           That evening the column left.
            UNDATED            Past "resigned"        source           The same day, the minister resigned.
            UNDATED            Past "resigned"        source           Five days after the vote, the minister resigned.
            UNDATED            cue "said"             "The firm"       The firm said sales had doubled since its launch in 2019.
            UNDATED            Past "addressed"       source           Tsikhanouskaya, born in Mikashevichy on 11 September 1982, addressed the parliament.
            UNDATED            Past "upheld"          source           The court upheld a verdict handed down in May.
            dated 2022-10-12TAF Past "searching"       source           Rescuers were searching for people trapped under rubble in the city of Ternopil on Wednesday afternoon.
            dated 2022-05      Past "upheld"          source           The court upheld the verdict in May.
            dated 2022-05      cue "said"             "The minister"   The minister said the troops arrived in May.
            UNDATED            Past "closed"          source           The old plant, a factory built in 1961, closed.
            UNDATED            Past "collapsed"       source           When the storm came, the roof collapsed, and the lights went out.
            UNDATED            Past "drew"            source           The Zapad 2025 exercise drew criticism.
            UNDATED            Past "closed"          source           The Expo 2020 site closed for good.
            UNDATED            Past "drew"            source           Euro 2024 drew record crowds.
            dated 2021         Past "jumped"          source           Prices jumped at Christmas 2021.
            UNDATED            Past "collapsed"       source           The 2021 agreement collapsed.
            dated 2020         Past "ogarnęły"        source           W 2020 protesty ogarnęły kraj.
            dated 2020         Past "aresztowały"     source           Od 2020 władze aresztowały tysiące osób.
            dated 2020         Past "охватили"        source           В 2020 протесты охватили страну.
            dated 2003-07      Passive "suspended"    source           The firm has been suspended since July 2003.
            UNDATED            Past "hit"             source           The index hit its lowest level since April 1997.
            UNDATED            Perfect "closed"       source           The index has not closed above 8,000 since February.
            UNDATED            Perfect "left"         source           Troops deployed in May have left.
            dated 2022-10-10   Past "agreed"          source           Ministers meeting on Monday agreed to extend the sanctions.
            dated 2022-10-09   cue "said"             "officials"      Russia attacked Kyiv on Sunday, officials said.
            UNDATED            Past "killed"          source           The strike, the deadliest this year, killed 14 people.
            UNDATED            Past "killed"          source           The strike killed 14 people, the deadliest toll this year.
            UNDATED            Past "adopted"         source           The government adopted the draft budget for 2027.
            dated 2027         Future "scheduled"     source           Elections were scheduled for 2027.
            UNDATED            Past "одобрило"        source           Правительство одобрило проект бюджета на 2027 год.
            dated 2027         Passive "назначены"    source           Выборы назначены на 2027 год.
            UNDATED            Past "przyjął"         source           Rząd przyjął projekt budżetu na 2027 rok.
        "#]],
    );
}

/// A Slavic relative clause is a side detail, as in English: the main clause's verb is
/// the trigger, the clause's date dates nothing, and the speaker stands before it.
#[test]
fn slavic_relative_clauses_neither_trigger_nor_date_nor_speak() {
    check(
        "Source: X\nDate: 2022-10-15\nLanguage: ru\n\nСуд, который открылся в марте, приговорил активиста.\n\nЛукашенко, который правит с 1994 года, заявил, что пойдет на выборы.\n\nСуд, который открылся в марте, в пятницу приговорил активиста.\n\nЛукашенко, задержанный в марте, заявил о помиловании.\n\nЗадержанный в понедельник активист объявил голодовку.\n\nЗатриманий у понеділок активіст оголосив голодування.\n\nАктивистка задержана в понедельник.\n",
        expect![[r#"
            UNDATED            Past "приговорил"      source           Суд, который открылся в марте, приговорил активиста.
            UNDATED            cue "заявил"           @lukashenka      Лукашенко, который правит с 1994 года, заявил, что пойдет на выборы.
            dated 2022-10-14   Past "приговорил"      source           Суд, который открылся в марте, в пятницу приговорил активиста.
            UNDATED            cue "заявил"           @lukashenka      Лукашенко, задержанный в марте, заявил о помиловании.
            UNDATED            cue "объявил"          "активист"       Задержанный в понедельник активист объявил голодовку.
            UNDATED            cue "оголосив"         "активіст"       Затриманий у понеділок активіст оголосив голодування.
            dated 2022-10-10   Passive "задержана"    source           Активистка задержана в понедельник.
        "#]],
    );
}

/// A date after a Slavic `since` in a record says how long the record stands and dates
/// nothing; after `с` alone it is when something began.
#[test]
fn slavic_records_since_a_date_do_not_date_their_claim() {
    check(
        "Source: X\nDate: 2022-10-15\nLanguage: ru\n\nРубль упал до самого низкого уровня с 2015 года.\n\nВпервые с 2020 года Лукашенко посетил Вильнюс.\n\nГраницу закрыли с 1 марта.\n",
        expect![[r#"
            UNDATED            Past "упал"            source           Рубль упал до самого низкого уровня с 2015 года.
            UNDATED            Past "посетил"         source           Впервые с 2020 года Лукашенко посетил Вильнюс.
            dated 2022-03-01   Past "закрыли"         source           Границу закрыли с 1 марта.
        "#]],
    );
    check(
        "Source: X\nDate: 2022-10-15\nLanguage: pl\n\nZłoty spadł do najniższego poziomu od 2015 roku.\n\nPo raz pierwszy od 2020 roku Łukaszenka odwiedził Wilno.\n\nGranicę zamknięto od 1 marca.\n",
        expect![[r#"
            UNDATED            Past "spadł"           source           Złoty spadł do najniższego poziomu od 2015 roku.
            UNDATED            Past "odwiedził"       source           Po raz pierwszy od 2020 roku Łukaszenka odwiedził Wilno.
            dated 2022-03-01   Passive "zamknięto"    source           Granicę zamknięto od 1 marca.
        "#]],
    );
}

#[test]
fn the_events_setting_leaves_only_reported_statements() {
    let article = "%! a.article\nSource: X\nDate: 2022-10-15\n\nSome 500 reservists were sent to the training grounds.\n\nOfficials said the drills were routine.\n";
    let off = Fixture::new(&format!(
        "%! dateline.toml\n[claims]\nevents = false\n{article}"
    ));
    let on = Fixture::new(article);
    let count = |fixture: &Fixture| fixture.corpus.article("a.article").unwrap().claims.len();
    assert_eq!(count(&on), 2);
    assert_eq!(count(&off), 1, "only the statement stays a claim");
    let legacy = Fixture::new(&format!(
        "%! dateline.toml\n[claims]\nactor-actions = false\n{article}"
    ));
    assert_eq!(count(&legacy), 1, "the setting's old name still works");
}

/// A registry with the Cyrillic and Polish spellings of the seed actors, as the forms
/// written (inflected forms are the actor matcher's business, not the claim finder's).
const SLAVIC_REGISTRY: &str = r#"%! actors.toml
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
aliases = ["Лукашенко", "Лукашэнка", "Łukaszenka"]

[[actor]]
id = "zelensky"
name = "Volodymyr Zelensky"
kind = "person"
aliases = ["Зеленський", "Зеленский"]

[[actor]]
id = "russia"
name = "Russia"
kind = "state"
aliases = ["Россия"]

[[actor]]
id = "usa"
name = "United States"
kind = "state"
aliases = ["USA", "США"]
"#;

/// [`claims_table`] with the Slavic registry.
fn slavic_claims_table(sentences: &[&str], expect: Expect) {
    claims_table_with(SLAVIC_REGISTRY, sentences, expect);
}

#[test]
fn russian_cues_source_phrases_quotations_and_events() {
    slavic_claims_table(
        &[
            "Лукашенко заявил, что армия готова.",
            "Беларусь отрицает свою причастность.",
            "Резервистов призвали на сборы.",
            "Решение вызвало протесты по всей стране.",
            "Голосование перенесли.",
            "Минск не прокомментировал сообщение.",
            "Пресс-секретарь отказался от комментариев.",
            "Раньше так бывало.",
            "Министр обороны Виктор Хренин сообщил о начале учений.",
            "Об этом заявила пресс-служба Минобороны.",
            "По словам министра, учения продлятся неделю.",
            "«Мы не отступим», — сказал он.",
            "Как сообщает «Наша Ніва», призыв продолжается.",
            "Эксперты считают, что угроза невелика.",
            "Военные со ссылкой на источники пишут о переброске техники.",
            "В Минске задержали активиста.",
            "Активист был задержан в Гомеле.",
            "Лукашенко встретился с Путиным.",
            "Заявили об этом в Кремле.",
            "Лукашенко заявил: «Мы не отступим!»",
            "Лукашенко не заявлял о мобилизации.",
            "Если бы армию мобилизовали, фронт расширился бы.",
            "Согласно закону, призывники встают на учёт в 17 лет.",
            "Беларусь граничит с тремя странами НАТО.",
            "— Мы не отступим.",
            "Заявления министра вызывают вопросы.",
            "Власти заблокировали доступ к сайту.",
            "Против блогера возбуждено уголовное дело.",
            "В Минске прошли обыски.",
            "Пограничники доставили задержанных в отдел.",
            "Делегации встретились в Минске.",
            "Детали операции неизвестны.",
            "Автомобили стоят в очереди.",
            "Эксперты постоянно критикуют решение.",
            "Учения пройдут с 3 по 9 июня.",
            "Учения пройдут позже.",
            "Суд отменил приговор активисту.",
            "Полиция освободила задержанных.",
            "Новые правила вступили в силу.",
            "Международный трибунал начал работу.",
            "Сайт издания был заблокирован.",
            "Пожар вспыхнул на заводе.",
            "Литва закрыла два пункта пропуска.",
            "Певицу нашли мёртвой.",
            "Лукашенко прилетел в Москву.",
            "Министр был занят подготовкой.",
            "Пожар начался после обстрела.",
            "Обстановка остаётся напряжённой.",
            "Полиция разогнала митинг.",
            "Журналистка вышла на свободу.",
            "Польша продолжает строительство стены.",
            "Мобилизация продолжается.",
            "Продолжается мобилизация резервистов.",
            "Продолжает.",
            "Армия взяла город.",
            "Россия продала оружие.",
            "Украина отвергла эти заявления.",
            "Туск назвал решение вынужденным.",
            "Министерство ввело ограничения.",
            "Министерство закрыло доступ к архиву.",
            "Это правило действует давно.",
            "Правительство планирует повысить зарплату в июле.",
            "Минск не планирует закрыть границу в июле.",
            "Правительство планирует повысить зарплату.",
            "Обе стороны обвиняют друг друга в нарушении перемирия.",
            "Ответственность за нападение пока никто не взял.",
            "Евросоюз осудил приговор.",
            "Нарушение правил карается штрафом.",
            "Россия передала Украине тела погибших.",
            "Министр передал, что учения завершены.",
            "Спасатели всё ещё разбирают завалы.",
            "Оппозиция призывает к осторожности.",
            "Ранее сообщалось, что силовики изъяли технику.",
            "Следователи до сих пор осматривают обломки.",
            "Жители города недовольны.",
            "Ситуация по-прежнему остаётся напряжённой.",
            "Сейчас цены растут.",
            "Протесты были жестоко подавлены.",
            "Евросоюз снял санкции с калийной отрасли.",
            "Суд отказал в иске.",
            "Лукашенко посетит Пекин в декабре.",
            "Лукашенко посетит Пекин.",
            "За последний месяц задержаны 40 человек.",
            "Минск отвергает обвинения.",
            "Переговоры длятся третий день.",
            "В ходе обыска у него изъяли технику.",
            "Премьер созвал совещание.",
            "Тихановская призвала Запад не ослаблять давление.",
            "Лукашенко призвал к диалогу.",
            "Минобороны Литвы опровергло информацию.",
            "Как следует из документа, проверка продлится до 1 декабря.",
            "По оценкам экспертов, ущерб превысил миллион долларов.",
            "Адвокат подал апелляцию.",
            "Мы связались с пресс-службой, но ответа не получили.",
            "МВФ прогнозирует рост на 1,5%.",
            "Вчера мы связались с министерством.",
            "Десятки сайтов признаны экстремистскими.",
            "Сайт заблокирован по решению суда.",
            "Кандидат зарегистрирован.",
            "Он заинтересован в сделке.",
            "Переговоры возобновятся в пятницу.",
            "Журналистка не признала вину.",
            "Клиенты не могли войти в мобильное приложение.",
            "Он не мог бы приехать в понедельник.",
            "Премьер должен посетить Варшаву в четверг.",
            "Он должен банку миллион.",
            "Опрос показал, что большинство поддерживает фермеров.",
            "Подтвердить эту информацию независимо не удалось.",
            "Спасателям не удалось добраться до деревни.",
            "Организации критикуют это решение.",
            "Ситуация требует срочных мер.",
            "Ранее Минск уже освобождал группы заключенных.",
            "Он уже был в Минске.",
            "Литва закрыла два пункта пропуска со ссылкой на угрозу.",
            "Напомним, что ранее Минск закрыл границу.",
            "По предварительным данным, пострадавших нет.",
            "Известно о трех погибших.",
            "Пока не известно, кто стоит за атакой.",
            "Суд рассмотрел дело.",
            "Политик сбежал из страны.",
            "Поезд сошел с рельсов.",
            "Бывший генерал приехал в Минск.",
            "Первый канал показал репортаж.",
            "Никто не пострадал.",
            "Приговор вынесен заочно.",
            "Закон вступает в силу 1 января.",
            "Министерство настаивает, что учения носят оборонительный характер.",
            "Число политзаключенных составляет 1100 человек.",
            "Месяц назад министр обещал обратное.",
            "Лукашенко, который ранее заявлял о мире, встретился с Путиным.",
            "Суд, в котором рассматривалось дело, закрыли.",
            "Число погибших возросло до 12 человек.",
            "Белорусские военные проводят учения у границы с Польшей.",
            "Российские войска штурмуют Покровск.",
            "Россия регулярно атакует украинские города.",
            "Каждый год армия проводит учения.",
            "Армия не проводит учения.",
            "Министерство проводит политику импортозамещения.",
            "На месте происшествия работают следователи.",
            "Она работает в Минске.",
            "Задержанному сообщили о подозрении.",
            "Министр доложил президенту о ходе уборки.",
            "Его признали виновным в создании экстремистского формирования.",
            "Ранее Лукашенко называл осужденных журналистов предателями.",
            "Силовики пришли к нему домой.",
            "Очевидцы рассказывали, что слышали взрывы.",
            "Полиция завела уголовное дело.",
            "Сторонники диалога возражают, что каждый освобожденный — это спасенная жизнь.",
            "Каждое освобождение приносит облегчение для калийной отрасли.",
            "Песков ответил, что Кремль не комментирует слухи.",
            "Министр не ответил на вопрос.",
            "Согласно плану, учения продлятся неделю.",
            "Суд огласит приговор 25 ноября.",
            "Министр отказался уточнить детали.",
            "Партия собрала 100 тысяч подписей.",
            "Сборная выиграла матч.",
            "Издание признали экстремистским формированием.",
            "«Вясна» признала его политзаключенным.",
            "Читайте также: В Минске задержали журналиста.",
            "Как рассказывает женщина, все это время она не имела с ним связи.",
            "Фильм рассказывает о войне.",
            "Делегация приехала в Минск.",
        ],
        expect![[r#"
            cue "заявил"             Лукашенко заявил, что армия готова.
            cue "отрицает"           Беларусь отрицает свою причастность.
            Past "призвали"          Резервистов призвали на сборы.
            Past "вызвало"           Решение вызвало протесты по всей стране.
            Past "перенесли"         Голосование перенесли.
            -                        Минск не прокомментировал сообщение.
            -                        Пресс-секретарь отказался от комментариев.
            -                        Раньше так бывало.
            cue "сообщил"            Министр обороны Виктор Хренин сообщил о начале учений.
            cue "заявила"            Об этом заявила пресс-служба Минобороны.
            cue "По словам"          По словам министра, учения продлятся неделю.
            cue "сказал"             «Мы не отступим», — сказал он.
            cue "Как сообщает"       Как сообщает «Наша Ніва», призыв продолжается.
            cue "считают"            Эксперты считают, что угроза невелика.
            cue "со ссылкой на"      Военные со ссылкой на источники пишут о переброске техники.
            Past "задержали"         В Минске задержали активиста.
            Passive "задержан"       Активист был задержан в Гомеле.
            Past "встретился"        Лукашенко встретился с Путиным.
            cue "Заявили"            Заявили об этом в Кремле.
            cue "заявил"             Лукашенко заявил: «Мы не отступим!»
            Past "заявлял"           Лукашенко не заявлял о мобилизации.
            -                        Если бы армию мобилизовали, фронт расширился бы.
            -                        Согласно закону, призывники встают на учёт в 17 лет.
            -                        Беларусь граничит с тремя странами НАТО.
            -                        — Мы не отступим.
            -                        Заявления министра вызывают вопросы.
            Past "заблокировали"     Власти заблокировали доступ к сайту.
            Passive "возбуждено"     Против блогера возбуждено уголовное дело.
            Past "прошли"            В Минске прошли обыски.
            Past "доставили"         Пограничники доставили задержанных в отдел.
            Past "встретились"       Делегации встретились в Минске.
            -                        Детали операции неизвестны.
            -                        Автомобили стоят в очереди.
            -                        Эксперты постоянно критикуют решение.
            Future "пройдут"         Учения пройдут с 3 по 9 июня.
            -                        Учения пройдут позже.
            Past "отменил"           Суд отменил приговор активисту.
            Past "освободила"        Полиция освободила задержанных.
            Past "вступили"          Новые правила вступили в силу.
            Past "начал"             Международный трибунал начал работу.
            Passive "заблокирован"   Сайт издания был заблокирован.
            Past "вспыхнул"          Пожар вспыхнул на заводе.
            Past "закрыла"           Литва закрыла два пункта пропуска.
            Past "нашли"             Певицу нашли мёртвой.
            Past "прилетел"          Лукашенко прилетел в Москву.
            -                        Министр был занят подготовкой.
            Past "начался"           Пожар начался после обстрела.
            -                        Обстановка остаётся напряжённой.
            Past "разогнала"         Полиция разогнала митинг.
            Past "вышла"             Журналистка вышла на свободу.
            Ongoing "продолжает"     Польша продолжает строительство стены.
            Ongoing "продолжается"   Мобилизация продолжается.
            Ongoing "Продолжается"   Продолжается мобилизация резервистов.
            -                        Продолжает.
            Past "взяла"             Армия взяла город.
            Past "продала"           Россия продала оружие.
            cue "отвергла"           Украина отвергла эти заявления.
            cue "назвал"             Туск назвал решение вынужденным.
            Past "ввело"             Министерство ввело ограничения.
            Past "закрыло"           Министерство закрыло доступ к архиву.
            -                        Это правило действует давно.
            Future "планирует"       Правительство планирует повысить зарплату в июле.
            -                        Минск не планирует закрыть границу в июле.
            -                        Правительство планирует повысить зарплату.
            cue "обвиняют"           Обе стороны обвиняют друг друга в нарушении перемирия.
            -                        Ответственность за нападение пока никто не взял.
            Past "осудил"            Евросоюз осудил приговор.
            -                        Нарушение правил карается штрафом.
            Past "передала"          Россия передала Украине тела погибших.
            cue "передал"            Министр передал, что учения завершены.
            Ongoing "разбирают"      Спасатели всё ещё разбирают завалы.
            cue "призывает"          Оппозиция призывает к осторожности.
            cue "сообщалось"         Ранее сообщалось, что силовики изъяли технику.
            Ongoing "осматривают"    Следователи до сих пор осматривают обломки.
            -                        Жители города недовольны.
            -                        Ситуация по-прежнему остаётся напряжённой.
            -                        Сейчас цены растут.
            Passive "подавлены"      Протесты были жестоко подавлены.
            Past "снял"              Евросоюз снял санкции с калийной отрасли.
            Past "отказал"           Суд отказал в иске.
            Future "посетит"         Лукашенко посетит Пекин в декабре.
            -                        Лукашенко посетит Пекин.
            Passive "задержаны"      За последний месяц задержаны 40 человек.
            cue "отвергает"          Минск отвергает обвинения.
            Ongoing "длятся"         Переговоры длятся третий день.
            Past "изъяли"            В ходе обыска у него изъяли технику.
            Past "созвал"            Премьер созвал совещание.
            cue "призвала"           Тихановская призвала Запад не ослаблять давление.
            cue "призвал"            Лукашенко призвал к диалогу.
            cue "опровергло"         Минобороны Литвы опровергло информацию.
            cue "Как следует из"     Как следует из документа, проверка продлится до 1 декабря.
            cue "По оценкам"         По оценкам экспертов, ущерб превысил миллион долларов.
            Past "подал"             Адвокат подал апелляцию.
            -                        Мы связались с пресс-службой, но ответа не получили.
            cue "прогнозирует"       МВФ прогнозирует рост на 1,5%.
            -                        Вчера мы связались с министерством.
            Passive "признаны"       Десятки сайтов признаны экстремистскими.
            Passive "заблокирован"   Сайт заблокирован по решению суда.
            Passive "зарегистрирован" Кандидат зарегистрирован.
            -                        Он заинтересован в сделке.
            Future "возобновятся"    Переговоры возобновятся в пятницу.
            Past "признала"          Журналистка не признала вину.
            Past "войти"             Клиенты не могли войти в мобильное приложение.
            -                        Он не мог бы приехать в понедельник.
            Future "должен"          Премьер должен посетить Варшаву в четверг.
            -                        Он должен банку миллион.
            Past "показал"           Опрос показал, что большинство поддерживает фермеров.
            -                        Подтвердить эту информацию независимо не удалось.
            Past "удалось"           Спасателям не удалось добраться до деревни.
            cue "критикуют"          Организации критикуют это решение.
            -                        Ситуация требует срочных мер.
            Past "освобождал"        Ранее Минск уже освобождал группы заключенных.
            -                        Он уже был в Минске.
            Past "закрыла"           Литва закрыла два пункта пропуска со ссылкой на угрозу.
            Past "закрыл"            Напомним, что ранее Минск закрыл границу.
            cue "По предварительным данным" По предварительным данным, пострадавших нет.
            cue "Известно"           Известно о трех погибших.
            -                        Пока не известно, кто стоит за атакой.
            Past "рассмотрел"        Суд рассмотрел дело.
            Past "сбежал"            Политик сбежал из страны.
            Past "сошел"             Поезд сошел с рельсов.
            Past "приехал"           Бывший генерал приехал в Минск.
            Past "показал"           Первый канал показал репортаж.
            Past "пострадал"         Никто не пострадал.
            Passive "вынесен"        Приговор вынесен заочно.
            Future "вступает"        Закон вступает в силу 1 января.
            cue "настаивает"         Министерство настаивает, что учения носят оборонительный характер.
            -                        Число политзаключенных составляет 1100 человек.
            cue "обещал"             Месяц назад министр обещал обратное.
            Past "встретился"        Лукашенко, который ранее заявлял о мире, встретился с Путиным.
            Past "закрыли"           Суд, в котором рассматривалось дело, закрыли.
            Past "возросло"          Число погибших возросло до 12 человек.
            Ongoing "проводят"       Белорусские военные проводят учения у границы с Польшей.
            Ongoing "штурмуют"       Российские войска штурмуют Покровск.
            -                        Россия регулярно атакует украинские города.
            -                        Каждый год армия проводит учения.
            -                        Армия не проводит учения.
            -                        Министерство проводит политику импортозамещения.
            Ongoing "работают"       На месте происшествия работают следователи.
            -                        Она работает в Минске.
            cue "сообщили"           Задержанному сообщили о подозрении.
            cue "доложил"            Министр доложил президенту о ходе уборки.
            Past "признали"          Его признали виновным в создании экстремистского формирования.
            cue "называл"            Ранее Лукашенко называл осужденных журналистов предателями.
            Past "пришли"            Силовики пришли к нему домой.
            cue "рассказывали"       Очевидцы рассказывали, что слышали взрывы.
            Past "завела"            Полиция завела уголовное дело.
            cue "возражают"          Сторонники диалога возражают, что каждый освобожденный — это спасенная жизнь.
            -                        Каждое освобождение приносит облегчение для калийной отрасли.
            cue "ответил"            Песков ответил, что Кремль не комментирует слухи.
            -                        Министр не ответил на вопрос.
            -                        Согласно плану, учения продлятся неделю.
            Future "огласит"         Суд огласит приговор 25 ноября.
            -                        Министр отказался уточнить детали.
            Past "собрала"           Партия собрала 100 тысяч подписей.
            Past "выиграла"          Сборная выиграла матч.
            Past "признали"          Издание признали экстремистским формированием.
            Past "признала"          «Вясна» признала его политзаключенным.
            -                        Читайте также: В Минске задержали журналиста.
            cue "рассказывает"       Как рассказывает женщина, все это время она не имела с ним связи.
            -                        Фильм рассказывает о войне.
            Past "приехала"          Делегация приехала в Минск.
        "#]],
    );
}

#[test]
fn ukrainian_cues_source_phrases_quotations_and_events() {
    slavic_claims_table(
        &[
            "Зеленський заявив, що Україна готова до переговорів.",
            "Київ не відповів на запит.",
            "ЄС запровадив нові санкції.",
            "Сотні вантажівок застрягли на кордоні.",
            "Київ заперечив звинувачення.",
            "Речник відмовився від коментарів.",
            "За словами речника, на кордоні спокійно.",
            "Речниця ДПСУ повідомила про посилення охорони.",
            "„Ми готові“, — наголосив він.",
            "Він наголосив: „Ми готові!“",
            "Як повідомляє Суспільне, колона рушила на північ.",
            "Прикордонники затримали двох чоловіків.",
            "Затримано трьох осіб.",
            "Лукашенко зустрівся з Путіним.",
            "Він не повідомив деталей.",
            "Якщо війська перекинули до кордону, це загроза.",
            "Пожежа спалахнула на підприємстві.",
            "Президент провів нараду зі Ставкою.",
            "Сайт був заблокований.",
            "Він був впевнений у перемозі.",
            "Згідно із законом, чоловіки мають стати на облік.",
            "Кордон має довжину понад тисячу кілометрів.",
            "Проти організаторів відкрито кримінальну справу.",
            "Ціни на хліб зросли на 12%.",
            "Росія продовжує обстріли прикордоння.",
            "Армія взяла місто.",
            "Україна отримала нову партію зброї.",
            "Київ відкинув ці заяви.",
            "Міністерство оборони оприлюднило дані.",
            "Уряд планує підвищити зарплату в липні.",
            "Мінськ викликав тимчасового повіреного України.",
            "Компанія розпочала будівництво в місті.",
            "Обидві сторони звинувачують одна одну.",
            "Ніхто не взяв на себе відповідальності за атаку.",
            "Рятувальники досі розбирають завали.",
            "Родичі досі не знають, де вони.",
            "Президент підпише закон у понеділок.",
            "Уряд зняв обмеження.",
            "Бої тривають на сході.",
            "Триває мобілізація.",
            "Раніше Лукашенко заявляв, що політв'язнів немає.",
            "Лукашенко не виключив нових помилувань.",
            "Уряд очікує уповільнення зростання наступного року.",
            "Зарплати зростають швидше за продуктивність, попереджають аналітики.",
            "Директор лікарні подав у відставку.",
            "Переговори відновляться в п'ятницю.",
            "Сайт заблокований за рішенням суду.",
            "Міжнародно визнані кордони не змінилися.",
            "Прем'єр має відвідати Варшаву в четвер.",
            "Клієнти не могли увійти в застосунок.",
            "Енергетики обіцяють відновити електропостачання до вечора.",
            "Литва вже закривала кордон.",
            "За попередніми даними, загиблих немає.",
            "Суд виправдав активіста.",
            "Потяг зійшов з рейок.",
            "Нацбанк зберіг облікову ставку.",
            "Вибух стався на заводі.",
            "Кількість справ зросла.",
            "Закон набуває чинності 1 січня.",
            "Міністерство наполягає, що навчання мають оборонний характер.",
            "Це вже восьма масована атака на енергосистему.",
            "Росія випустила 120 дронів, повідомили Повітряні сили.",
            "Рятувальники розбирають завали.",
            "Щороку армія проводить навчання.",
            "На місці працюють рятувальники та поліція.",
            "Суд визнав його винним.",
            "Тисячі людей вийшли на вулиці.",
            "Ремонтні бригади вже працюють на місцях.",
            "Пєсков відповів, що це чутки.",
            "Речник відмовився уточнити деталі.",
            "Читайте також: У Мінську затримали журналіста.",
            "Як розповідає жінка, весь цей час вона не мала з ним зв’язку.",
        ],
        expect![[r#"
            cue "заявив"             Зеленський заявив, що Україна готова до переговорів.
            -                        Київ не відповів на запит.
            Past "запровадив"        ЄС запровадив нові санкції.
            Past "застрягли"         Сотні вантажівок застрягли на кордоні.
            cue "заперечив"          Київ заперечив звинувачення.
            -                        Речник відмовився від коментарів.
            cue "За словами"         За словами речника, на кордоні спокійно.
            cue "повідомила"         Речниця ДПСУ повідомила про посилення охорони.
            cue "наголосив"          „Ми готові“, — наголосив він.
            cue "наголосив"          Він наголосив: „Ми готові!“
            cue "Як повідомляє"      Як повідомляє Суспільне, колона рушила на північ.
            Past "затримали"         Прикордонники затримали двох чоловіків.
            Passive "Затримано"      Затримано трьох осіб.
            Past "зустрівся"         Лукашенко зустрівся з Путіним.
            -                        Він не повідомив деталей.
            -                        Якщо війська перекинули до кордону, це загроза.
            Past "спалахнула"        Пожежа спалахнула на підприємстві.
            Past "провів"            Президент провів нараду зі Ставкою.
            Passive "заблокований"   Сайт був заблокований.
            -                        Він був впевнений у перемозі.
            -                        Згідно із законом, чоловіки мають стати на облік.
            -                        Кордон має довжину понад тисячу кілометрів.
            Passive "відкрито"       Проти організаторів відкрито кримінальну справу.
            Past "зросли"            Ціни на хліб зросли на 12%.
            Ongoing "продовжує"      Росія продовжує обстріли прикордоння.
            Past "взяла"             Армія взяла місто.
            Past "отримала"          Україна отримала нову партію зброї.
            cue "відкинув"           Київ відкинув ці заяви.
            Past "оприлюднило"       Міністерство оборони оприлюднило дані.
            Future "планує"          Уряд планує підвищити зарплату в липні.
            Past "викликав"          Мінськ викликав тимчасового повіреного України.
            Past "розпочала"         Компанія розпочала будівництво в місті.
            cue "звинувачують"       Обидві сторони звинувачують одна одну.
            -                        Ніхто не взяв на себе відповідальності за атаку.
            Ongoing "розбирають"     Рятувальники досі розбирають завали.
            -                        Родичі досі не знають, де вони.
            Future "підпише"         Президент підпише закон у понеділок.
            Past "зняв"              Уряд зняв обмеження.
            Ongoing "тривають"       Бої тривають на сході.
            Ongoing "Триває"         Триває мобілізація.
            cue "заявляв"            Раніше Лукашенко заявляв, що політв'язнів немає.
            Past "виключив"          Лукашенко не виключив нових помилувань.
            cue "очікує"             Уряд очікує уповільнення зростання наступного року.
            cue "попереджають"       Зарплати зростають швидше за продуктивність, попереджають аналітики.
            Past "подав"             Директор лікарні подав у відставку.
            Future "відновляться"    Переговори відновляться в п'ятницю.
            Passive "заблокований"   Сайт заблокований за рішенням суду.
            Past "змінилися"         Міжнародно визнані кордони не змінилися.
            Future "має"             Прем'єр має відвідати Варшаву в четвер.
            Past "увійти"            Клієнти не могли увійти в застосунок.
            cue "обіцяють"           Енергетики обіцяють відновити електропостачання до вечора.
            Past "закривала"         Литва вже закривала кордон.
            cue "За попередніми даними" За попередніми даними, загиблих немає.
            Past "виправдав"         Суд виправдав активіста.
            Past "зійшов"            Потяг зійшов з рейок.
            Past "зберіг"            Нацбанк зберіг облікову ставку.
            Past "стався"            Вибух стався на заводі.
            Past "зросла"            Кількість справ зросла.
            Future "набуває"         Закон набуває чинності 1 січня.
            cue "наполягає"          Міністерство наполягає, що навчання мають оборонний характер.
            -                        Це вже восьма масована атака на енергосистему.
            cue "повідомили"         Росія випустила 120 дронів, повідомили Повітряні сили.
            Ongoing "розбирають"     Рятувальники розбирають завали.
            -                        Щороку армія проводить навчання.
            Ongoing "працюють"       На місці працюють рятувальники та поліція.
            Past "визнав"            Суд визнав його винним.
            Past "вийшли"            Тисячі людей вийшли на вулиці.
            Ongoing "працюють"       Ремонтні бригади вже працюють на місцях.
            cue "відповів"           Пєсков відповів, що це чутки.
            -                        Речник відмовився уточнити деталі.
            -                        Читайте також: У Мінську затримали журналіста.
            cue "розповідає"         Як розповідає жінка, весь цей час вона не мала з ним зв’язку.
        "#]],
    );
}

#[test]
fn belarusian_cues_source_phrases_quotations_and_events() {
    slavic_claims_table(
        &[
            "ЕС увёў новыя санкцыі.",
            "Лукашэнка заявіў, што армія гатовая.",
            "Паводле праваабаронцаў, затрыманых больш за сто.",
            "Як паведамляе «Наша Ніва», мабілізацыя працягваецца.",
            "«Мы не адступім», — сказаў ён.",
            "Міністр абароны адзначыў, што вучэнні плановыя.",
            "Сілавікі затрымалі журналіста.",
            "Лукашэнка сустрэўся з Пуціным.",
            "Лукашэнка не адзначыў дату.",
            "Калі б войскі перакінулі да мяжы, гэта было б небяспечна.",
            "Беларусь мяжуе з трыма краінамі НАТА.",
            "Сайт выдання быў заблакаваны.",
            "Літва закрыла два пункты пропуску.",
            "Улады працягваюць рэпрэсіі.",
            "Армія ўзяла горад.",
            "Урад плануе павысіць заробак у ліпені.",
            "Бакі абвінавачваюць адзін аднаго.",
            "Наталля пусціла чутку.",
            "Суд пусціў адваката.",
            "Ратавальнікі дагэтуль разбіраюць завалы.",
            "Міністр наведае Кітай у снежні.",
            "Улады знялі абмежаванні.",
            "Пратэсты былі жорстка задушаныя.",
            "Раней Лукашэнка заяўляў, што палітвязняў няма.",
            "Лукашэнка не выключыў новых памілаванняў.",
            "Міністэрства абароны Літвы абвергла інфармацыю.",
            "МЗС Беларусі выказаў пратэст.",
            "Крыніца агенцтва ўдакладніла, што гаворка ідзе пра 30 вязняў.",
            "Перамовы аднавяцца ў пятніцу.",
            "Сайт заблакаваны па рашэнні суда.",
            "Апытанне паказала, што большасць падтрымлівае фермераў.",
            "Кліенты не маглі ўвайсці ў праграму.",
            "Суд апраўдаў актывіста.",
            "Міністр правёў сустрэчу.",
            "Колькасць палітвязняў 1100.",
            "Апошнім часам арыштаў стала больш.",
            "Ратавальнікі разбіраюць завалы.",
            "Колькасць палітвязняў узрасла да 1200.",
            "Двух актывістаў затрымалі ў аэрапорце.",
            "Міліцыя завяла крымінальную справу.",
            "Пяскоў адказаў, што гэта чуткі.",
            "Рашэнне выклікала крытыку з боку перавозчыкаў.",
            "Чытайце таксама: У Мінску затрымалі журналіста.",
            "Шмат журналістаў выехала з краіны.",
        ],
        expect![[r#"
            Past "увёў"              ЕС увёў новыя санкцыі.
            cue "заявіў"             Лукашэнка заявіў, што армія гатовая.
            cue "Паводле"            Паводле праваабаронцаў, затрыманых больш за сто.
            cue "Як паведамляе"      Як паведамляе «Наша Ніва», мабілізацыя працягваецца.
            cue "сказаў"             «Мы не адступім», — сказаў ён.
            cue "адзначыў"           Міністр абароны адзначыў, што вучэнні плановыя.
            Past "затрымалі"         Сілавікі затрымалі журналіста.
            Past "сустрэўся"         Лукашэнка сустрэўся з Пуціным.
            Past "адзначыў"          Лукашэнка не адзначыў дату.
            -                        Калі б войскі перакінулі да мяжы, гэта было б небяспечна.
            -                        Беларусь мяжуе з трыма краінамі НАТА.
            Passive "заблакаваны"    Сайт выдання быў заблакаваны.
            Past "закрыла"           Літва закрыла два пункты пропуску.
            Ongoing "працягваюць"    Улады працягваюць рэпрэсіі.
            Past "ўзяла"             Армія ўзяла горад.
            Future "плануе"          Урад плануе павысіць заробак у ліпені.
            cue "абвінавачваюць"     Бакі абвінавачваюць адзін аднаго.
            Past "пусціла"           Наталля пусціла чутку.
            Past "пусціў"            Суд пусціў адваката.
            Ongoing "разбіраюць"     Ратавальнікі дагэтуль разбіраюць завалы.
            Future "наведае"         Міністр наведае Кітай у снежні.
            Past "знялі"             Улады знялі абмежаванні.
            Passive "задушаныя"      Пратэсты былі жорстка задушаныя.
            cue "заяўляў"            Раней Лукашэнка заяўляў, што палітвязняў няма.
            Past "выключыў"          Лукашэнка не выключыў новых памілаванняў.
            cue "абвергла"           Міністэрства абароны Літвы абвергла інфармацыю.
            Past "выказаў"           МЗС Беларусі выказаў пратэст.
            cue "ўдакладніла"        Крыніца агенцтва ўдакладніла, што гаворка ідзе пра 30 вязняў.
            Future "аднавяцца"       Перамовы аднавяцца ў пятніцу.
            Passive "заблакаваны"    Сайт заблакаваны па рашэнні суда.
            Past "паказала"          Апытанне паказала, што большасць падтрымлівае фермераў.
            Past "ўвайсці"           Кліенты не маглі ўвайсці ў праграму.
            Past "апраўдаў"          Суд апраўдаў актывіста.
            Past "правёў"            Міністр правёў сустрэчу.
            -                        Колькасць палітвязняў 1100.
            Past "стала"             Апошнім часам арыштаў стала больш.
            Ongoing "разбіраюць"     Ратавальнікі разбіраюць завалы.
            Past "узрасла"           Колькасць палітвязняў узрасла да 1200.
            Past "затрымалі"         Двух актывістаў затрымалі ў аэрапорце.
            Past "завяла"            Міліцыя завяла крымінальную справу.
            cue "адказаў"            Пяскоў адказаў, што гэта чуткі.
            Past "выклікала"         Рашэнне выклікала крытыку з боку перавозчыкаў.
            -                        Чытайце таксама: У Мінску затрымалі журналіста.
            Past "выехала"           Шмат журналістаў выехала з краіны.
        "#]],
    );
}

#[test]
fn polish_cues_source_phrases_quotations_and_events() {
    slavic_claims_table(
        &[
            "Rzecznik MSZ powiedział, że granica jest spokojna.",
            "Rzecznik odmówił komentarza.",
            "Ministerstwo nie skomentowało sprawy.",
            "Ministerstwo zakazało wjazdu.",
            "Policjanci przywieźli zatrzymanych.",
            "UE nałożyła nowe sankcje.",
            "Decyzja wywołała protesty w całym kraju.",
            "W rafinerii wybuchł pożar.",
            "Kijów wielokrotnie zaprzeczał oskarżeniom.",
            "Pogoda w stolicy jest wspaniała.",
            "Według rzecznika Straży Granicznej sytuacja jest stabilna.",
            "„Nie wycofamy się” – podkreśliła minister.",
            "Jak podaje PAP, wojsko rozpoczęło ćwiczenia.",
            "Eksperci twierdzą, że zagrożenie jest niewielkie.",
            "Funkcjonariusze dodali, że granica jest zamknięta.",
            "Straż Graniczna zatrzymała dwóch mężczyzn.",
            "Policjanci zatrzymali podejrzanego.",
            "Mężczyzna został zatrzymany.",
            "Łukaszenka spotkał się z Putinem.",
            "Rzecznik nie powiedział, kiedy.",
            "Według ustawy poborowi muszą się stawić w ciągu doby.",
            "Jeśli wojsko zmobilizowało rezerwistów, granica jest zagrożona.",
            "Polska graniczy z Białorusią.",
            "Wojsko zablokowało drogę do przejścia.",
            "Pogranicznicy przepuścili migrantów.",
            "W niedzieli kolejki były długie.",
            "Posiedzenie rządu odbędzie się w poniedziałek.",
            "Straż Graniczna odnotowała 120 prób przekroczenia granicy.",
            "Prokuratura wszczęła śledztwo.",
            "Rząd przedłużył strefę buforową.",
            "Strona portalu została zablokowana.",
            "Wobec dziennikarza wszczęto postępowanie karne.",
            "W wyniku ostrzału zginęły trzy osoby.",
            "Opozycja wezwała do bojkotu wyborów.",
            "Ta droga była znana od lat.",
            "Był obecny na posiedzeniu.",
            "Rosyjskie drony naruszyły polską przestrzeń powietrzną.",
            "Opozycjonistka wyjechała z kraju.",
            "Polska kontynuuje budowę zapory.",
            "Wojsko zajęło wieś.",
            "Firma sprzedała fabrykę.",
            "Tusk nazwał decyzję wymuszoną.",
            "Polska otrzymała czołgi.",
            "Wojsko przeprowadziło ćwiczenia.",
            "Rząd zamierza w lipcu podnieść płacę minimalną.",
            "Obie strony oskarżają się nawzajem.",
            "Nikt nie przyznał się do ataku.",
            "Premier wrócił do Warszawy.",
            "Polska przekazała Ukrainie sprzęt wojskowy.",
            "Białoruś zniosła obowiązek wizowy dla obywateli 35 państw.",
            "Sejm uchwali ustawę w czerwcu.",
            "Rolnicy nadal blokują przejście.",
            "Akcja ratunkowa wciąż trwa.",
            "Sytuacja nadal pozostaje napięta.",
            "Demonstranci zostali brutalnie pobici.",
            "Premier odwiedzi Kijów w piątek.",
            "UE zdjęła sankcje.",
            "Warszawa twierdzi, że służby pomagają migrantom.",
            "Mińsk odrzuca te oskarżenia.",
            "Trwa budowa zapory na granicy z Rosją.",
            "Uszkodzone zostały trzy budynki.",
            "Premier Donald Tusk zwołał posiedzenie rządu.",
            "Wcześniej Rosja oświadczała, że nie atakuje cywilów.",
            "Opozycja wezwała do dymisji ministra.",
            "MSZ wezwało ambasadora Rosji.",
            "Trwa budowa zapory.",
            "Jak wynika z dokumentu, kontrola potrwa do grudnia.",
            "Ekonomiści ostrzegają przed recesją.",
            "Powódź zalała kilka wsi.",
            "Ministerstwo obiecało wypłacić zaległości.",
            "Negocjacje zostaną wznowione w piątek.",
            "Negocjacje zostaną wznowione.",
            "Premier ma odwiedzić Warszawę w czwartek.",
            "Skarżący ma prawo odwołać się do czwartku.",
            "Klienci nie mogli zalogować się do aplikacji.",
            "Kreml nie potwierdził tych informacji.",
            "Rzecznik nie skomentował sprawy.",
            "Sondaż wykazał, że większość popiera rolników.",
            "Firma zamknęła biuro, powiedział rzecznik w czwartek.",
            "Nie udało się niezależnie zweryfikować tych informacji.",
            "Samorządy domagają się rekompensat.",
            "Mieszkańcy skarżą się na utrudnienia.",
            "Zatrzymany w poniedziałek aktywista rozpoczął głodówkę.",
            "Aktywista, zatrzymany w poniedziałek, rozpoczął głodówkę.",
            "Zatrzymany został też jego brat.",
            "Litwa już zamykała granicę.",
            "Litwa zamknęła dwa przejścia, powołując się na zagrożenie ze strony balonów.",
            "Portal powołując się na źródła w rządzie podał, że minister odejdzie.",
            "Bank centralny utrzymał stopy.",
            "Sejm wybrał marszałka.",
            "Polska wzięła udział w szczycie.",
            "Ustawa wchodzi w życie 1 stycznia.",
            "Ministerstwo nalega, że ćwiczenia są obronne.",
            "Minister podał się do dymisji.",
            "Policja podała, że zatrzymano 40 osób.",
            "Polski udział w misji wzrósł.",
            "Rolnicy blokują drogi na granicy.",
            "Co roku rolnicy protestują w Warszawie.",
            "Liczba ofiar urosła do 12.",
            "Na miejscu pracują strażacy.",
            "Rząd zapowiada kolejne podwyżki.",
            "Ratownicy przeszukują gruzowisko.",
            "Sąd uznał go winnym zdrady.",
            "Wcześniej Łukaszenka nazywał ich zdrajcami.",
            "Policjanci przyszli do jego domu.",
            "Świadkowie opowiadali, że słyszeli kilka wybuchów przed świtem.",
            "Most ponownie otwarto dla ruchu.",
            "Umowę zawarto na pięć lat.",
            "Uwolnienia przebiegają według znanego schematu.",
            "Rzecznik odpowiedział, że to plotki.",
            "Rząd przyjmie projekt w przyszłym tygodniu.",
            "Rząd przyjmie projekt.",
            "Rzecznik odmówił podania szczegółów.",
            "Fundację uznano za organizację ekstremistyczną.",
            "Liderka opozycji na emigracji wezwała UE do zaostrzenia sankcji.",
            "MSZ wezwało ambasadora do ministerstwa.",
            "Premier wezwał strony do dialogu.",
            "Czytaj też: Zatrzymano dziennikarza w Mińsku.",
            "Jak relacjonuje kobieta, przez cały ten czas nie miała z nim kontaktu.",
            "Książka opowiada o wojnie.",
        ],
        expect![[r#"
            cue "powiedział"         Rzecznik MSZ powiedział, że granica jest spokojna.
            -                        Rzecznik odmówił komentarza.
            -                        Ministerstwo nie skomentowało sprawy.
            Past "zakazało"          Ministerstwo zakazało wjazdu.
            Past "przywieźli"        Policjanci przywieźli zatrzymanych.
            Past "nałożyła"          UE nałożyła nowe sankcje.
            Past "wywołała"          Decyzja wywołała protesty w całym kraju.
            Past "wybuchł"           W rafinerii wybuchł pożar.
            cue "zaprzeczał"         Kijów wielokrotnie zaprzeczał oskarżeniom.
            -                        Pogoda w stolicy jest wspaniała.
            cue "Według"             Według rzecznika Straży Granicznej sytuacja jest stabilna.
            cue "podkreśliła"        „Nie wycofamy się” – podkreśliła minister.
            cue "Jak podaje"         Jak podaje PAP, wojsko rozpoczęło ćwiczenia.
            cue "twierdzą"           Eksperci twierdzą, że zagrożenie jest niewielkie.
            cue "dodali"             Funkcjonariusze dodali, że granica jest zamknięta.
            Past "zatrzymała"        Straż Graniczna zatrzymała dwóch mężczyzn.
            Past "zatrzymali"        Policjanci zatrzymali podejrzanego.
            Passive "zatrzymany"     Mężczyzna został zatrzymany.
            Past "spotkał"           Łukaszenka spotkał się z Putinem.
            -                        Rzecznik nie powiedział, kiedy.
            -                        Według ustawy poborowi muszą się stawić w ciągu doby.
            -                        Jeśli wojsko zmobilizowało rezerwistów, granica jest zagrożona.
            -                        Polska graniczy z Białorusią.
            Past "zablokowało"       Wojsko zablokowało drogę do przejścia.
            Past "przepuścili"       Pogranicznicy przepuścili migrantów.
            -                        W niedzieli kolejki były długie.
            Future "odbędzie"        Posiedzenie rządu odbędzie się w poniedziałek.
            Past "odnotowała"        Straż Graniczna odnotowała 120 prób przekroczenia granicy.
            Past "wszczęła"          Prokuratura wszczęła śledztwo.
            Past "przedłużył"        Rząd przedłużył strefę buforową.
            Passive "zablokowana"    Strona portalu została zablokowana.
            Passive "wszczęto"       Wobec dziennikarza wszczęto postępowanie karne.
            Past "zginęły"           W wyniku ostrzału zginęły trzy osoby.
            cue "wezwała"            Opozycja wezwała do bojkotu wyborów.
            -                        Ta droga była znana od lat.
            -                        Był obecny na posiedzeniu.
            Past "naruszyły"         Rosyjskie drony naruszyły polską przestrzeń powietrzną.
            Past "wyjechała"         Opozycjonistka wyjechała z kraju.
            Ongoing "kontynuuje"     Polska kontynuuje budowę zapory.
            Past "zajęło"            Wojsko zajęło wieś.
            Past "sprzedała"         Firma sprzedała fabrykę.
            cue "nazwał"             Tusk nazwał decyzję wymuszoną.
            Past "otrzymała"         Polska otrzymała czołgi.
            Past "przeprowadziło"    Wojsko przeprowadziło ćwiczenia.
            Future "zamierza"        Rząd zamierza w lipcu podnieść płacę minimalną.
            cue "oskarżają"          Obie strony oskarżają się nawzajem.
            -                        Nikt nie przyznał się do ataku.
            Past "wrócił"            Premier wrócił do Warszawy.
            Past "przekazała"        Polska przekazała Ukrainie sprzęt wojskowy.
            Past "zniosła"           Białoruś zniosła obowiązek wizowy dla obywateli 35 państw.
            Future "uchwali"         Sejm uchwali ustawę w czerwcu.
            Ongoing "blokują"        Rolnicy nadal blokują przejście.
            Ongoing "trwa"           Akcja ratunkowa wciąż trwa.
            -                        Sytuacja nadal pozostaje napięta.
            Passive "pobici"         Demonstranci zostali brutalnie pobici.
            Future "odwiedzi"        Premier odwiedzi Kijów w piątek.
            Past "zdjęła"            UE zdjęła sankcje.
            cue "twierdzi"           Warszawa twierdzi, że służby pomagają migrantom.
            cue "odrzuca"            Mińsk odrzuca te oskarżenia.
            Ongoing "Trwa"           Trwa budowa zapory na granicy z Rosją.
            Passive "zostały"        Uszkodzone zostały trzy budynki.
            Past "zwołał"            Premier Donald Tusk zwołał posiedzenie rządu.
            cue "oświadczała"        Wcześniej Rosja oświadczała, że nie atakuje cywilów.
            cue "wezwała"            Opozycja wezwała do dymisji ministra.
            Past "wezwało"           MSZ wezwało ambasadora Rosji.
            Ongoing "Trwa"           Trwa budowa zapory.
            cue "Jak wynika z"       Jak wynika z dokumentu, kontrola potrwa do grudnia.
            cue "ostrzegają"         Ekonomiści ostrzegają przed recesją.
            Past "zalała"            Powódź zalała kilka wsi.
            cue "obiecało"           Ministerstwo obiecało wypłacić zaległości.
            Future "zostaną"         Negocjacje zostaną wznowione w piątek.
            -                        Negocjacje zostaną wznowione.
            Future "ma"              Premier ma odwiedzić Warszawę w czwartek.
            -                        Skarżący ma prawo odwołać się do czwartku.
            Past "zalogować"         Klienci nie mogli zalogować się do aplikacji.
            Past "potwierdził"       Kreml nie potwierdził tych informacji.
            -                        Rzecznik nie skomentował sprawy.
            Past "wykazał"           Sondaż wykazał, że większość popiera rolników.
            cue "powiedział"         Firma zamknęła biuro, powiedział rzecznik w czwartek.
            -                        Nie udało się niezależnie zweryfikować tych informacji.
            cue "domagają się"       Samorządy domagają się rekompensat.
            cue "skarżą się"         Mieszkańcy skarżą się na utrudnienia.
            Past "rozpoczął"         Zatrzymany w poniedziałek aktywista rozpoczął głodówkę.
            Past "rozpoczął"         Aktywista, zatrzymany w poniedziałek, rozpoczął głodówkę.
            Passive "został"         Zatrzymany został też jego brat.
            Past "zamykała"          Litwa już zamykała granicę.
            Past "zamknęła"          Litwa zamknęła dwa przejścia, powołując się na zagrożenie ze strony balonów.
            cue "powołując się na"   Portal powołując się na źródła w rządzie podał, że minister odejdzie.
            Past "utrzymał"          Bank centralny utrzymał stopy.
            Past "wybrał"            Sejm wybrał marszałka.
            Past "wzięła"            Polska wzięła udział w szczycie.
            Future "wchodzi"         Ustawa wchodzi w życie 1 stycznia.
            cue "nalega"             Ministerstwo nalega, że ćwiczenia są obronne.
            Past "podał"             Minister podał się do dymisji.
            cue "podała"             Policja podała, że zatrzymano 40 osób.
            Past "wzrósł"            Polski udział w misji wzrósł.
            Ongoing "blokują"        Rolnicy blokują drogi na granicy.
            -                        Co roku rolnicy protestują w Warszawie.
            Past "urosła"            Liczba ofiar urosła do 12.
            Ongoing "pracują"        Na miejscu pracują strażacy.
            cue "zapowiada"          Rząd zapowiada kolejne podwyżki.
            Ongoing "przeszukują"    Ratownicy przeszukują gruzowisko.
            Past "uznał"             Sąd uznał go winnym zdrady.
            cue "nazywał"            Wcześniej Łukaszenka nazywał ich zdrajcami.
            Past "przyszli"          Policjanci przyszli do jego domu.
            cue "opowiadali"         Świadkowie opowiadali, że słyszeli kilka wybuchów przed świtem.
            Passive "otwarto"        Most ponownie otwarto dla ruchu.
            Passive "zawarto"        Umowę zawarto na pięć lat.
            -                        Uwolnienia przebiegają według znanego schematu.
            cue "odpowiedział"       Rzecznik odpowiedział, że to plotki.
            Future "przyjmie"        Rząd przyjmie projekt w przyszłym tygodniu.
            -                        Rząd przyjmie projekt.
            -                        Rzecznik odmówił podania szczegółów.
            Past "uznano"            Fundację uznano za organizację ekstremistyczną.
            cue "wezwała"            Liderka opozycji na emigracji wezwała UE do zaostrzenia sankcji.
            Past "wezwało"           MSZ wezwało ambasadora do ministerstwa.
            cue "wezwał"             Premier wezwał strony do dialogu.
            -                        Czytaj też: Zatrzymano dziennikarza w Mińsku.
            cue "relacjonuje"        Jak relacjonuje kobieta, przez cały ten czas nie miała z nim kontaktu.
            -                        Książka opowiada o wojnie.
        "#]],
    );
}

/// Renders each claim's speaker and whether it quotes its speaker directly.
fn slavic_speakers(body: &str, expect: Expect) {
    let fixture = Fixture::new(&format!(
        "{SLAVIC_REGISTRY}%! a.article\nSource: Outlet\nDate: 2022-10-15\n\n{body}\n"
    ));
    let file = fixture.corpus.article("a.article").expect("the article");
    let mut out = String::new();
    for claim in &file.claims {
        let speaker = match claim.attribution.speaker {
            Speaker::Actor { actor, .. } => {
                format!("@{}", fixture.corpus.actors()[actor].actor.id.value)
            }
            Speaker::Named(range) => format!("{:?}", range.slice(&file.text)),
            Speaker::Source => "source".to_string(),
        };
        let quote = if claim.attribution.direct {
            "direct"
        } else {
            "-"
        };
        out.push_str(&format!(
            "{speaker:26} {quote:6} {}\n",
            claim.sentence.slice(&file.text)
        ));
    }
    expect.assert_eq(&out);
}

/// A short quotation's own words are no negation, no passive and no speaker of the cue
/// after it, and a quotation that opens the sentence is spoken with its comma outside
/// the marks, as the British write it. A name that ends as a plural does is one
/// speaker, whom `he` names next (`Tomas Jonaitis`); `Officials` alone are several.
#[test]
fn english_quotations_stand_apart_from_the_cue_after_them() {
    slavic_speakers(
        "\"It is not,\" said the minister. \"It is,\" said the minister. \"We are ready\", \
         he said. \"Reforms\", as the minister calls them, were never made.\n\n\
         \"We are losing money,\" said Tomas Jonaitis, head of a haulage association. He said \
         1,000 trucks were stuck.\n\n\
         Officials said the trucks were stuck. He said 1,000 trucks were stuck.",
        expect![[r#"
            "the minister"             direct "It is not," said the minister.
            "the minister"             direct "It is," said the minister.
            "the minister"             direct "We are ready", he said.
            source                     -      "Reforms", as the minister calls them, were never made.
            "Tomas Jonaitis"           direct "We are losing money," said Tomas Jonaitis, head of a haulage association.
            "Tomas Jonaitis"           -      He said 1,000 trucks were stuck.
            "Officials"                -      Officials said the trucks were stuck.
            "He"                       -      He said 1,000 trucks were stuck.
        "#]],
    );
}

/// A cue after `и`, `но`, `ale` shares the subject that opens the sentence, as the
/// English `welcomed the release but said` does; the pronoun inside `по его словам` is
/// the latest speaker, as `он` is.
#[test]
fn slavic_cues_coordinated_with_an_earlier_verb_share_its_subject() {
    slavic_speakers(
        "Лукашенко встретился с Путиным и заявил о новых учениях.\n\n\
         Светлана Тихановская приветствовала освобождение, но призвала не снимать санкции.\n\n\
         Minister odwiedził granicę i oświadczył, że sytuacja jest stabilna.\n\n\
         Россия и Беларусь заявили о начале учений.\n\n\
         Лукашенко заявил, что армия готова. По его словам, учения закончатся в пятницу.",
        expect![[r#"
            @lukashenka                -      Лукашенко встретился с Путиным и заявил о новых учениях.
            "Светлана Тихановская"     -      Светлана Тихановская приветствовала освобождение, но призвала не снимать санкции.
            "Minister"                 -      Minister odwiedził granicę i oświadczył, że sytuacja jest stabilna.
            "Россия и Беларусь"        -      Россия и Беларусь заявили о начале учений.
            @lukashenka                -      Лукашенко заявил, что армия готова.
            @lukashenka                -      По его словам, учения закончатся в пятницу.
        "#]],
    );
}

/// An actor named at the end of a longer phrase before a plural verb is in the
/// genitive: it qualifies the phrase's head, which speaks. So does a state after a noun
/// in lower case (`Президент России`, `wysłannik USA`), unlike a person's name after a
/// title (`Президент Лукашенко`).
#[test]
fn slavic_speakers_with_an_actor_in_the_genitive_are_the_whole_phrase() {
    slavic_speakers(
        "Сотрудники администрации Лукашенко сообщили о встрече.\n\n\
         Pracownicy administracji Łukaszenki poinformowali o spotkaniu.\n\n\
         Лукашенко заявил о встрече.\n\n\
         Президент России заявил о встрече.\n\n\
         Россия заявила о встрече.\n\n\
         – To dobry dzień – powiedział wysłannik USA.\n\n\
         Президент Лукашенко заявил о встрече.",
        expect![[r#"
            "Сотрудники администрации Лукашенко" -      Сотрудники администрации Лукашенко сообщили о встрече.
            "Pracownicy administracji Łukaszenki" -      Pracownicy administracji Łukaszenki poinformowali o spotkaniu.
            @lukashenka                -      Лукашенко заявил о встрече.
            "Президент России"         -      Президент России заявил о встрече.
            @russia                    -      Россия заявила о встрече.
            "wysłannik USA"            direct – To dobry dzień – powiedział wysłannik USA.
            @lukashenka                -      Президент Лукашенко заявил о встрече.
        "#]],
    );
}

/// A date after the cue is no part of the speaker, nor is a verb that only its ending
/// tells; what a statement says names the body that made it.
#[test]
fn slavic_speakers_leave_out_dates_and_verbs_after_the_cue() {
    slavic_speakers(
        "Granica jest zamknięta – poinformował w poniedziałek rząd w Wilnie.\n\n\
         Według ministerstwa przekroczono normy.\n\n\
         Według nich ograniczenia utrudniają niesienie pomocy.\n\n\
         Według wstępnych informacji nikt nie zginął.\n\n\
         Według policji demonstranci rzucali kamieniami.\n\n\
         Zdaniem jej rzecznika decyzja jest błędna.\n\n\
         Według ministerstwa obrony przekroczono normy.\n\n\
         Firma zamknęła biuro, powiedział rzecznik w czwartek.",
        expect![[r#"
            "rząd w Wilnie"            -      Granica jest zamknięta – poinformował w poniedziałek rząd w Wilnie.
            "ministerstwa"             -      Według ministerstwa przekroczono normy.
            "nich"                     -      Według nich ograniczenia utrudniają niesienie pomocy.
            "wstępnych informacji"     -      Według wstępnych informacji nikt nie zginął.
            "policji"                  -      Według policji demonstranci rzucali kamieniami.
            "jej rzecznika"            -      Zdaniem jej rzecznika decyzja jest błędna.
            "ministerstwa obrony"      -      Według ministerstwa obrony przekroczono normy.
            "rzecznik"                 -      Firma zamknęła biuro, powiedział rzecznik w czwartek.
        "#]],
    );
    slavic_speakers(
        "Граница закрыта, сообщили в понедельник в Кремле.\n\n\
         В заявлении МИД говорится, что Минск готов к диалогу.\n\n\
         Как стало известно «Зеркалу», призыв продлится месяц.\n\n\
         Информацию подтвердили в пресс-службе суда.\n\n\
         Задержанный активист объявил голодовку.",
        expect![[r#"
            "Кремле"                   -      Граница закрыта, сообщили в понедельник в Кремле.
            "МИД"                      -      В заявлении МИД говорится, что Минск готов к диалогу.
            "Зеркалу"                  -      Как стало известно «Зеркалу», призыв продлится месяц.
            "пресс-службе суда"        -      Информацию подтвердили в пресс-службе суда.
            "Задержанный активист"     -      Задержанный активист объявил голодовку.
        "#]],
    );
    slavic_speakers(
        "Росія атакувала Україну дронами, повідомили в Повітряних силах.\n\n\
         Троє людей отримали поранення, написав у Telegram голова ОВА.\n\n\
         Будинок загорівся, повідомили в Україні журналістам.\n\n\
         Як повідомила Державна прикордонна служба, черги зменшилися.\n\n\
         Ситуація спокійна, — сказала Ганна журналістам.",
        expect![[r#"
            "Повітряних силах"         -      Росія атакувала Україну дронами, повідомили в Повітряних силах.
            "голова ОВА"               -      Троє людей отримали поранення, написав у Telegram голова ОВА.
            "Україні"                  -      Будинок загорівся, повідомили в Україні журналістам.
            "Державна прикордонна служба" -      Як повідомила Державна прикордонна служба, черги зменшилися.
            "Ганна"                    -      Ситуація спокійна, — сказала Ганна журналістам.
        "#]],
    );
    slavic_speakers(
        "Opozycja na uchodźstwie apeluje o ostrożność.\n\n\
         Раней у гэтым месяцы ўлады прызналі экстрэмісцкімі два выданні.\n\n\
         Улады ў сакавіку прызналі экстрэмісцкімі два выданні.\n\n\
         Як перадаў карэспандэнт, калона сышла.",
        expect![[r#"
            "Opozycja na uchodźstwie"  -      Opozycja na uchodźstwie apeluje o ostrożność.
            "ўлады"                    -      Раней у гэтым месяцы ўлады прызналі экстрэмісцкімі два выданні.
            "Улады"                    -      Улады ў сакавіку прызналі экстрэмісцкімі два выданні.
            "карэспандэнт"             -      Як перадаў карэспандэнт, калона сышла.
        "#]],
    );
}

#[test]
fn slavic_speakers_stand_before_the_verb_after_it_or_after_a_source_phrase() {
    slavic_speakers(
        "Лукашенко заявил, что армия готова. «Мы не нападём», — сказал он.\n\n\
         Об этом заявил министр обороны Хренин.\n\n\
         По словам Лукашенко, учения продлятся неделю.\n\n\
         В Минобороны заявили, что призыв идёт по плану.\n\n\
         Сообщается, что колонна ушла.\n\n\
         Позже Зеленський також наголосив, що Україна готова.\n\n\
         „Nie wycofamy się” – powiedział Łukaszenka.\n\n\
         Według rzecznika Straży Granicznej sytuacja jest stabilna.\n\n\
         Według sondażu większość Polaków popiera budowę muru.\n\n\
         «Это хороший день», — сказал посланник журналистам.\n\n\
         Об этом заявил журналистам министр обороны.\n\n\
         Об этом сообщил агентству Reuters представитель МИД.\n\n\
         Про це повідомив виданню «Українська правда» речник ДПСУ.\n\n\
         Poinformował o tym dziennikarzy rzecznik rządu.\n\n\
         Лидер оппозиции в изгнании призвала ЕС ужесточить санкции.\n\n\
         Пра гэта паведаміў Дзяржаўны памежны камітэт.\n\n\
         Также в МИД заявили, что ответят.\n\n\
         «Мы кожны дзень губляем грошы», — сказаў кіраўнік асацыяцыі перавозчыкаў Томас Ёнайціс. \
         Паводле яго слоў, у Беларусі затрымаліся каля 1000 грузавікоў.\n\n\
         По данным опроса большинство россиян поддерживает решение.\n\n\
         Киев неоднократно отрицал обвинения.\n\n\
         Rzecznik oficjalnie potwierdził zatrzymanie.\n\n\
         «Мы не отступим», — сказала она журналистам.\n\n\
         Тогда посол заявил, что визит состоится.\n\n\
         Его обвиняют в шпионаже.\n\n\
         Активиста обвиняют в экстремизме.\n\n\
         Правозащитники обвиняют власти в репрессиях.\n\n\
         Двое пенсионеров, которых обвиняют в донатах, остались в СИЗО.\n\n\
         Лукашенко, который ранее заявлял о мире, теперь молчит.\n\n\
         Росія випустила 120 дронів, повідомили Повітряні сили.\n\n\
         Mińsk od miesięcy oskarża Polskę o eskalację napięć.\n\n\
         Kolejka liczy już 800 pojazdów, podała Krajowa Administracja Skarbowa.\n\n\
         В Минобороны России утверждают, что сбили 41 беспилотник.\n\n\
         Власти Беларуси отрицают существование политзаключенных.\n\n\
         В Минске протестующие заявили о задержаниях.\n\n\
         Задержанному сообщили о подозрении.\n\n\
         Президенту сообщили о взрыве.\n\n\
         Шойгу сообщил о наступлении.\n\n\
         Військові повідомили про атаку.\n\n\
         Według policji sprawca działał sam.\n\n\
         По словам министра генерал приехал.\n\n\
         – Nie pozwolimy na to – powiedział minister.\n\n\
         – Nie pozwolimy, by Mińsk wykorzystywał migrantów – dodała rzeczniczka.\n\n\
         — Мы готовы — заявил он.\n\n\
         – To skandal – mówi Anna Kowalska, mieszkanka wsi.\n\n\
         Minister przekazała w rozmowie z PAP, że rząd przygotuje nowe przepisy.",
        expect![[r#"
            @lukashenka                -      Лукашенко заявил, что армия готова.
            @lukashenka                direct «Мы не нападём», — сказал он.
            "министр обороны Хренин"   -      Об этом заявил министр обороны Хренин.
            @lukashenka                -      По словам Лукашенко, учения продлятся неделю.
            "Минобороны"               -      В Минобороны заявили, что призыв идёт по плану.
            source                     -      Сообщается, что колонна ушла.
            @zelensky                  -      Позже Зеленський також наголосив, що Україна готова.
            @lukashenka                direct „Nie wycofamy się” – powiedział Łukaszenka.
            "rzecznika Straży Granicznej" -      Według rzecznika Straży Granicznej sytuacja jest stabilna.
            "sondażu"                  -      Według sondażu większość Polaków popiera budowę muru.
            "посланник"                direct «Это хороший день», — сказал посланник журналистам.
            "министр обороны"          -      Об этом заявил журналистам министр обороны.
            "представитель МИД"        -      Об этом сообщил агентству Reuters представитель МИД.
            "речник ДПСУ"              -      Про це повідомив виданню «Українська правда» речник ДПСУ.
            "rzecznik rządu"           -      Poinformował o tym dziennikarzy rzecznik rządu.
            "Лидер оппозиции в изгнании" -      Лидер оппозиции в изгнании призвала ЕС ужесточить санкции.
            "Дзяржаўны памежны камітэт" -      Пра гэта паведаміў Дзяржаўны памежны камітэт.
            "МИД"                      -      Также в МИД заявили, что ответят.
            "кіраўнік асацыяцыі перавозчыкаў Томас Ёнайціс" direct «Мы кожны дзень губляем грошы», — сказаў кіраўнік асацыяцыі перавозчыкаў Томас Ёнайціс.
            "кіраўнік асацыяцыі перавозчыкаў Томас Ёнайціс" -      Паводле яго слоў, у Беларусі затрымаліся каля 1000 грузавікоў.
            "опроса"                   -      По данным опроса большинство россиян поддерживает решение.
            "Киев"                     -      Киев неоднократно отрицал обвинения.
            "Rzecznik"                 -      Rzecznik oficjalnie potwierdził zatrzymanie.
            "она"                      direct «Мы не отступим», — сказала она журналистам.
            "посол"                    -      Тогда посол заявил, что визит состоится.
            source                     -      Его обвиняют в шпионаже.
            source                     -      Активиста обвиняют в экстремизме.
            "Правозащитники"           -      Правозащитники обвиняют власти в репрессиях.
            source                     -      Двое пенсионеров, которых обвиняют в донатах, остались в СИЗО.
            @lukashenka                -      Лукашенко, который ранее заявлял о мире, теперь молчит.
            "Повітряні сили"           -      Росія випустила 120 дронів, повідомили Повітряні сили.
            "Mińsk"                    -      Mińsk od miesięcy oskarża Polskę o eskalację napięć.
            "Krajowa Administracja Skarbowa" -      Kolejka liczy już 800 pojazdów, podała Krajowa Administracja Skarbowa.
            "Минобороны России"        -      В Минобороны России утверждают, что сбили 41 беспилотник.
            "Власти Беларуси"          -      Власти Беларуси отрицают существование политзаключенных.
            source                     -      В Минске протестующие заявили о задержаниях.
            source                     -      Задержанному сообщили о подозрении.
            source                     -      Президенту сообщили о взрыве.
            "Шойгу"                    -      Шойгу сообщил о наступлении.
            "Військові"                -      Військові повідомили про атаку.
            "policji"                  -      Według policji sprawca działał sam.
            "министра"                 -      По словам министра генерал приехал.
            "minister"                 direct – Nie pozwolimy na to – powiedział minister.
            "rzeczniczka"              direct – Nie pozwolimy, by Mińsk wykorzystywał migrantów – dodała rzeczniczka.
            "он"                       direct — Мы готовы — заявил он.
            "Anna Kowalska"            direct – To skandal – mówi Anna Kowalska, mieszkanka wsi.
            "Minister"                 -      Minister przekazała w rozmowie z PAP, że rząd przygotuje nowe przepisy.
        "#]],
    );
}

/// A verb in lower case right after a quotation and its dash attributes it, listed as a
/// cue or not (`скандировали`, `возмутился`, `zażartował`).
#[test]
fn slavic_quotations_close_on_their_own_marks_and_dialogue_dashes_quote() {
    slavic_speakers(
        "Он назвал это „провокацией“. Министр заявил, что армия готова.\n\n\
         Вони назвали це ‚провокацією‘. Речник заявив, що армія готова.\n\n\
         — Мы не отступим, — сказал командир. — Наши войска стоят на месте.\n\n\
         — Наши войска стоят на месте.\n\n\
         «Мы не уйдём», — скандировали протестующие у здания суда.\n\n\
         — Хватит! — возмутился министр.\n\n\
         „Nie wycofamy się” – zażartował minister.\n\n\
         — Його били, морили голодом, — розповідає вона.\n\n\
         – Było strasznie – wspomina kobieta.\n\n\
         «Мы не уйдём», — Лукашенко.",
        expect![[r#"
            "Он"                       -      Он назвал это „провокацией“.
            "Министр"                  -      Министр заявил, что армия готова.
            "Вони"                     -      Вони назвали це ‚провокацією‘.
            "Речник"                   -      Речник заявив, що армія готова.
            "командир"                 direct — Мы не отступим, — сказал командир.
            "протестующие"             direct «Мы не уйдём», — скандировали протестующие у здания суда.
            "министр"                  direct — Хватит! — возмутился министр.
            "minister"                 direct „Nie wycofamy się” – zażartował minister.
            "вона"                     direct — Його били, морили голодом, — розповідає вона.
            "kobieta"                  direct – Było strasznie – wspomina kobieta.
        "#]],
    );
}

/// English sentences with letters or short words that Polish also writes (`W`, `Z`, `na`,
/// `po`) are still read with the English rules.
#[test]
fn english_sentences_with_polish_looking_words_read_as_english() {
    check(
        "Source: X\nDate: 2022-10-15\n\nGeneration Z protested in the capital.\n\nGeorge W. Bush said the war was over.\n\nThe PO box on Na Street was closed by the police.\n",
        expect![[r#"
            UNDATED            Past "protested"       source           Generation Z protested in the capital.
            UNDATED            cue "said"             "George W. Bush" George W. Bush said the war was over.
            UNDATED            Passive "closed"       source           The PO box on Na Street was closed by the police.
        "#]],
    );
}

#[test]
fn a_date_that_starts_a_state_dates_its_claim_and_no_later_one() {
    check(
        "Source: X\nDate: 2026-11-12\n\nOn Monday the court heard the case. The blogger has been jailed since 2020. He was flown to Vilnius, his lawyer said.\n\nTrucks have been stranded since the border was first shut in late October. Hauliers estimate their losses at 10 million euros.\n",
        expect![[r#"
            dated 2026-11-09   Past "heard"           source           On Monday the court heard the case.
            dated 2020         Passive "jailed"       source           The blogger has been jailed since 2020.
            context 2026-11-09 cue "said"             "his lawyer"     He was flown to Vilnius, his lawyer said.
            dated 2026-10      Passive "stranded"     source           Trucks have been stranded since the border was first shut in late October.
            UNDATED            cue "estimate"         "Hauliers"       Hauliers estimate their losses at 10 million euros.
        "#]],
    );
    check(
        "Source: X\nDate: 2026-11-12\nLanguage: ru\n\nВо вторник суд рассмотрел дело. Он находится под арестом с 2020 года. Его перевезли в Вильнюс.\n\nОн под арестом с понедельника. Его перевезли в Вильнюс.\n\nЗабастовка длилась с 3 по 9 июня. Профсоюз заявил о победе.\n",
        expect![[r#"
            dated 2026-11-10   Past "рассмотрел"      source           Во вторник суд рассмотрел дело.
            context 2026-11-10 Past "перевезли"       source           Его перевезли в Вильнюс.
            UNDATED            Past "перевезли"       source           Его перевезли в Вильнюс.
            dated 2026-06-03/2026-06-09 Past "длилась"         source           Забастовка длилась с 3 по 9 июня.
            context 2026-06-03/2026-06-09 cue "заявил"           "Профсоюз"       Профсоюз заявил о победе.
        "#]],
    );
}

#[test]
fn a_pronoun_after_an_actor_that_opens_an_event_is_that_actor() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka expressed condolences to the family. He said the army was ready.\n\nThe troops left. He said the border was calm.\n\nЛукашенко выразил соболезнования. Он заявил, что армия готова.\n\nKyiv's envoy met his Polish counterpart. He said the talks went well.\n\nОб этом сообщил правозащитный центр «Вясна».\n",
        expect![[r#"
            UNDATED            Past "expressed"       source           Lukashenka expressed condolences to the family.
            UNDATED            cue "said"             @lukashenka      He said the army was ready.
            UNDATED            Past "left"            source           The troops left.
            UNDATED            cue "said"             @lukashenka      He said the border was calm.
            UNDATED            Past "выразил"         source           Лукашенко выразил соболезнования.
            UNDATED            cue "заявил"           @lukashenka      Он заявил, что армия готова.
            UNDATED            Past "met"             source           Kyiv's envoy met his Polish counterpart.
            UNDATED            cue "said"             "He"             He said the talks went well.
            UNDATED            cue "сообщил"          "правозащитный центр «Вясна»" Об этом сообщил правозащитный центр «Вясна».
        "#]],
    );
}

#[test]
fn a_date_ahead_of_the_article_dates_no_later_claim_of_what_has_happened() {
    check(
        "Source: X\nDate: 2026-11-18\n\nThe envoy will return to Minsk next month. Neither side gave details. The talks will continue, he says.\n\nThe drills will be held in December. Officials said they were defensive.\n\nOn Monday the court heard the case. The lawyer said he would appeal.\n",
        expect![[r#"
            dated 2026-12      Future "return"        source           The envoy will return to Minsk next month.
            UNDATED            Past "gave"            source           Neither side gave details.
            context 2026-12    cue "says"             "he"             The talks will continue, he says.
            dated 2026-12      Future "held"          source           The drills will be held in December.
            UNDATED            cue "said"             "Officials"      Officials said they were defensive.
            dated 2026-11-16   Past "heard"           source           On Monday the court heard the case.
            context 2026-11-16 cue "said"             "The lawyer"     The lawyer said he would appeal.
        "#]],
    );
    check(
        "Source: X\nDate: 2026-11-18\nLanguage: ru\n\nПосланник вернется в Минск в декабре. Стороны не раскрыли деталей. Лукашенко заявил, что готов к переговорам.\n",
        expect![[r#"
            dated 2026-12      Future "вернется"      source           Посланник вернется в Минск в декабре.
            UNDATED            cue "заявил"           @lukashenka      Лукашенко заявил, что готов к переговорам.
        "#]],
    );
}

#[test]
fn only_a_calendar_value_wholly_after_the_article_date_lies_after_it() {
    use super::anchoring::lies_after;
    for (value, article_date) in [
        ("2026-12", "2026-11-18"),
        ("2026-11-20", "2026-11-18"),
        ("2027", "2026-11-18"),
        ("2027-06-03/2027-06-09", "2026-11-18"),
        ("2026-11-19TEV", "2026-11-18"),
        ("2022-11", "2022-10"),
    ] {
        assert!(
            lies_after(value, article_date),
            "{value} after {article_date}"
        );
    }
    for (value, article_date) in [
        ("2026-11", "2026-11-18"),
        ("2026-11-18", "2026-11-18"),
        ("2026", "2026-11-18"),
        ("2022-10-08TEV", "2022-10"),
        ("2026-W49", "2026-11-18"),
        ("FUTURE_REF", "2026-11-18"),
        ("2026-12", ""),
        ("2026-12", "unknown"),
    ] {
        assert!(
            !lies_after(value, article_date),
            "{value} not after {article_date}"
        );
    }
}

#[test]
fn a_part_of_the_day_alone_is_the_part_of_the_day_named_before() {
    check(
        "Source: X\nDate: 2026-11-18\n\nOn Monday the police came. The group crossed the border early in the morning. Crowds gathered in the evening.\n\nThe group crossed the border in the morning.\n",
        expect![[r#"
            dated 2026-11-16   Past "came"            source           On Monday the police came.
            dated 2026-11-16TMO Past "crossed"         source           The group crossed the border early in the morning.
            dated 2026-11-16TEV Past "gathered"        source           Crowds gathered in the evening.
            UNDATED            Past "crossed"         source           The group crossed the border in the morning.
        "#]],
    );
}

/// In Russian, Ukrainian, Belarusian and Polish a part of the day alone (`Вечером`) is
/// that of the day an earlier sentence of its paragraph gives, and with none the
/// article's, as news writes it for `this evening`; with `того же дня`, `tego samego
/// dnia` after it, it leans on an earlier sentence only.
#[test]
fn a_slavic_part_of_the_day_alone_is_the_part_of_the_day_named_before_or_the_articles() {
    check(
        "Source: X\nDate: 2026-11-18\nLanguage: ru\n\nВ четверг освободили 52 заключенных. Вечером посланник встретился с журналистами. Вечером того же дня прошли обыски. Днем ранее задержали двух активистов.\n\nВечером в центре прошла акция.\n\nВечером того же дня прошли обыски.\n",
        expect![[r#"
            dated 2026-11-12   Past "освободили"      source           В четверг освободили 52 заключенных.
            dated 2026-11-12TEV Past "встретился"      source           Вечером посланник встретился с журналистами.
            dated 2026-11-12TEV Past "прошли"          source           Вечером того же дня прошли обыски.
            dated 2026-11-11   Past "задержали"       source           Днем ранее задержали двух активистов.
            dated 2026-11-18TEV Past "прошла"          source           Вечером в центре прошла акция.
            UNDATED            Past "прошли"          source           Вечером того же дня прошли обыски.
        "#]],
    );
    check(
        "Source: X\nDate: 2026-11-18\nLanguage: pl\n\nW czwartek uwolniono 52 więźniów. Wieczorem tego samego dnia wysłannik spotkał się z dziennikarzami.\n",
        expect![[r#"
            dated 2026-11-12   Passive "uwolniono"    source           W czwartek uwolniono 52 więźniów.
            dated 2026-11-12TEV Past "spotkał"         source           Wieczorem tego samego dnia wysłannik spotkał się z dziennikarzami.
        "#]],
    );
}

#[test]
fn the_eve_alone_is_the_day_before_the_article_or_before_a_date_of_its_paragraph() {
    check(
        "Source: X\nDate: 2026-11-18\nLanguage: ru\n\nНакануне в городе задержали двух активистов.\n\nНакануне выборов задержали двух активистов.\n\n8 ноября суд вынес приговор. Накануне задержали двух активистов.\n\nНакануне вечером прошли обыски.\n\nНакануне президент подписал указ.\n\nВечером накануне прошли обыски.\n",
        expect![[r#"
            dated 2026-11-17   Past "задержали"       source           Накануне в городе задержали двух активистов.
            UNDATED            Past "задержали"       source           Накануне выборов задержали двух активистов.
            dated 2026-11-08   Past "вынес"           source           8 ноября суд вынес приговор.
            dated 2026-11-07   Past "задержали"       source           Накануне задержали двух активистов.
            dated 2026-11-17TEV Past "прошли"          source           Накануне вечером прошли обыски.
            dated 2026-11-17   Past "подписал"        source           Накануне президент подписал указ.
            dated 2026-11-17TEV Past "прошли"          source           Вечером накануне прошли обыски.
        "#]],
    );
    check(
        "Source: X\nDate: 2026-11-18\nLanguage: uk\n\nНапередодні затримали двох активістів.\n\nНапередодні візиту затримали двох активістів.\n\nНапередодні прем'єр-міністр провела нараду.\n",
        expect![[r#"
            dated 2026-11-17   Past "затримали"       source           Напередодні затримали двох активістів.
            UNDATED            Past "затримали"       source           Напередодні візиту затримали двох активістів.
            dated 2026-11-17   Past "провела"         source           Напередодні прем'єр-міністр провела нараду.
        "#]],
    );
}
