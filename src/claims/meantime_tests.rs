//! The CAT reader and the scorer on an invented article: rebuilt text, coreferent
//! speakers, time links, the creation date, every count of the scores, broken input.

use super::*;
use expect_test::expect;

/// An invented article in CAT XML: headline, dateline, four annotated sentences and an
/// unannotated one. `she` (m11) is a pronoun speaker whose antecedent is `Mayor Ana
/// Reyes` (m10); `last year` (m22) is a timex without tokens; `m15` anchors to a token
/// that does not exist and TLINK r9 to a markable that does not exist.
const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="900" doc_name="900_Harbour_council_approves_new_bridge" lang="en">
<token number="0" sentence="0" t_id="1">Harbour</token>
<token number="1" sentence="0" t_id="2">council</token>
<token number="2" sentence="0" t_id="3">approves</token>
<token number="3" sentence="0" t_id="4">new</token>
<token number="4" sentence="0" t_id="5">bridge</token>
<token number="5" sentence="1" t_id="6">March</token>
<token number="6" sentence="1" t_id="7">3</token>
<token number="7" sentence="1" t_id="8">,</token>
<token number="8" sentence="1" t_id="9">2021</token>
<token number="9" sentence="2" t_id="10">Mayor</token>
<token number="10" sentence="2" t_id="11">Ana</token>
<token number="11" sentence="2" t_id="12">Reyes</token>
<token number="12" sentence="2" t_id="13">said</token>
<token number="13" sentence="2" t_id="14">on</token>
<token number="14" sentence="2" t_id="15">Tuesday</token>
<token number="15" sentence="2" t_id="16">that</token>
<token number="16" sentence="2" t_id="17">the</token>
<token number="17" sentence="2" t_id="18">council</token>
<token number="18" sentence="2" t_id="19">approved</token>
<token number="19" sentence="2" t_id="20">the</token>
<token number="20" sentence="2" t_id="21">bridge</token>
<token number="21" sentence="2" t_id="22">.</token>
<token number="22" sentence="3" t_id="23">``</token>
<token number="23" sentence="3" t_id="24">We</token>
<token number="24" sentence="3" t_id="25">'ve</token>
<token number="25" sentence="3" t_id="26">waited</token>
<token number="26" sentence="3" t_id="27">long</token>
<token number="27" sentence="3" t_id="28">enough</token>
<token number="28" sentence="3" t_id="29">,</token>
<token number="29" sentence="3" t_id="30">''</token>
<token number="30" sentence="3" t_id="31">she</token>
<token number="31" sentence="3" t_id="32">told</token>
<token number="32" sentence="3" t_id="33">reporters</token>
<token number="33" sentence="3" t_id="34">.</token>
<token number="34" sentence="4" t_id="35">Work</token>
<token number="35" sentence="4" t_id="36">(</token>
<token number="36" sentence="4" t_id="37">phase</token>
<token number="37" sentence="4" t_id="38">one</token>
<token number="38" sentence="4" t_id="39">)</token>
<token number="39" sentence="4" t_id="40">will</token>
<token number="40" sentence="4" t_id="41">cost</token>
<token number="41" sentence="4" t_id="42">$</token>
<token number="42" sentence="4" t_id="43">5</token>
<token number="43" sentence="4" t_id="44">million</token>
<token number="44" sentence="4" t_id="45">next</token>
<token number="45" sentence="4" t_id="46">year</token>
<token number="46" sentence="4" t_id="47">,</token>
<token number="47" sentence="4" t_id="48">critics</token>
<token number="48" sentence="4" t_id="49">said</token>
<token number="49" sentence="4" t_id="50">in</token>
<token number="50" sentence="4" t_id="51">a</token>
<token number="51" sentence="4" t_id="52">&quot;</token>
<token number="52" sentence="4" t_id="53">blunt</token>
<token number="53" sentence="4" t_id="54">&quot;</token>
<token number="54" sentence="4" t_id="55">statement</token>
<token number="55" sentence="4" t_id="56">.</token>
<token number="56" sentence="5" t_id="57">It</token>
<token number="57" sentence="5" t_id="58">opens</token>
<token number="58" sentence="5" t_id="59">in</token>
<token number="59" sentence="5" t_id="60">2023</token>
<token number="60" sentence="5" t_id="61">.</token>
<token number="61" sentence="6" t_id="62">More</token>
<token number="62" sentence="6" t_id="63">news</token>
<token number="63" sentence="6" t_id="64">follows</token>
<token number="64" sentence="6" t_id="65">.</token>
<Markables>
<EVENT_MENTION aspect="NONE" m_id="1" pos="VERB" pred="approve" tense="PRESENT"><token_anchor t_id="3"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="2" pos="VERB" pred="say" tense="PAST"><token_anchor t_id="13"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="3" pos="VERB" pred="approve" tense="PAST"><token_anchor t_id="19"/></EVENT_MENTION>
<EVENT_MENTION aspect="PERFECTIVE" m_id="4" pos="VERB" pred="wait" tense="PRESENT"><token_anchor t_id="26"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="5" pos="VERB" pred="tell" tense="PAST"><token_anchor t_id="32"/></EVENT_MENTION>
<EVENT_MENTION m_id="6">
  <token_anchor t_id="21"/>
</EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="7" pos="VERB" pred="cost" tense="FUTURE"><token_anchor t_id="41"/><token_anchor t_id="40"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="8" pos="VERB" pred="say" tense="PAST"><token_anchor t_id="49"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="9" pos="NOUN" pred="statement" tense="NONE"><token_anchor t_id="55"/></EVENT_MENTION>
<EVENT_MENTION aspect="NONE" m_id="30" pos="VERB" pred="open" tense="PRESENT"><token_anchor t_id="58"/></EVENT_MENTION>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="10"/><token_anchor t_id="11"/><token_anchor t_id="12"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="PRO"><token_anchor t_id="31"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="NOM"><token_anchor t_id="17"/><token_anchor t_id="18"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="13" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="14" syntactic_type="PRO"><token_anchor t_id="24"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="15" syntactic_type="NAM"><token_anchor t_id="999"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="16" syntactic_type="NOM"><token_anchor t_id="48"/></ENTITY_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2021-03-03"><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="21" type="DATE" value="2021-03-02"><token_anchor t_id="15"/></TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="last year" functionInDocument="NONE" m_id="22" type="DATE" value="2020"/>
<TIMEX3 functionInDocument="NONE" m_id="23" type="DATE" value="2022"><token_anchor t_id="45"/><token_anchor t_id="46"/></TIMEX3>
<VALUE m_id="25" type="MONEY"><token_anchor t_id="42"/><token_anchor t_id="43"/><token_anchor t_id="44"/></VALUE>
<EVENT class="SPEECH_COGNITIVE" m_id="100" TAG_DESCRIPTOR="said"/>
<EVENT class="OTHER" m_id="101" TAG_DESCRIPTOR="approve"/>
<EVENT class="OTHER" m_id="102" TAG_DESCRIPTOR="wait"/>
<EVENT class="SPEECH_COGNITIVE" m_id="103" TAG_DESCRIPTOR="told"/>
<EVENT class="OTHER" m_id="104" TAG_DESCRIPTOR="cost"/>
<EVENT class="SPEECH_COGNITIVE" m_id="105" TAG_DESCRIPTOR="critics' statement"/>
<EVENT class="OTHER" m_id="106" TAG_DESCRIPTOR="opens"/>
<ENTITY ent_type="PER" m_id="200" TAG_DESCRIPTOR="Ana Reyes"/>
<ENTITY ent_type="ORG" m_id="201" TAG_DESCRIPTOR="Harbour council"/>
<ENTITY ent_type="PER" m_id="202" TAG_DESCRIPTOR="critics"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="2"/><target m_id="100"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="1"/><source m_id="3"/><target m_id="101"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><target m_id="102"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="5"/><target m_id="103"/></REFERS_TO>
<REFERS_TO r_id="5"><source m_id="7"/><target m_id="104"/></REFERS_TO>
<REFERS_TO r_id="6"><source m_id="8"/><source m_id="9"/><target m_id="105"/></REFERS_TO>
<REFERS_TO r_id="7"><source m_id="30"/><target m_id="106"/></REFERS_TO>
<REFERS_TO r_id="8">
  <source m_id="10"/>
  <source m_id="11"/>
  <target m_id="200"/>
</REFERS_TO>
<REFERS_TO r_id="9"><source m_id="12"/><source m_id="13"/><source m_id="14"/><target m_id="201"/></REFERS_TO>
<REFERS_TO r_id="10"><source m_id="16"/><target m_id="202"/></REFERS_TO>
<HAS_PARTICIPANT r_id="20" sem_role="Arg0"><source m_id="2"/><target m_id="10"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="21" sem_role="Arg0"><source m_id="5"/><target m_id="11"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="22" sem_role="Arg0"><source m_id="3"/><target m_id="12"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="23" sem_role="Arg0"><source m_id="4"/><target m_id="14"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="24" sem_role="Arg0"><source m_id="8"/><target m_id="16"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="25" sem_role="Arg1"><source m_id="2"/><target m_id="3"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="26" sem_role="Arg0"><source m_id="7"/><target m_id="25"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="27" sem_role="Arg0"><source m_id="77"/><target m_id="10"/></HAS_PARTICIPANT>
<TLINK r_id="30" reltype="IS_INCLUDED"><source m_id="2"/><target m_id="21"/></TLINK>
<TLINK r_id="31" reltype="AFTER"><source m_id="21"/><target m_id="3"/></TLINK>
<TLINK r_id="32" reltype="INCLUDES"><source m_id="20"/><target m_id="5"/></TLINK>
<TLINK r_id="33" reltype="IS_INCLUDED"><source m_id="4"/><target m_id="22"/></TLINK>
<TLINK r_id="34" reltype="IS_INCLUDED"><source m_id="7"/><target m_id="23"/></TLINK>
<TLINK r_id="35" reltype="AFTER"><source m_id="2"/><target m_id="3"/></TLINK>
<TLINK r_id="36" reltype="AFTER"><source m_id="20"/><target m_id="21"/></TLINK>
<TLINK r_id="37" reltype="BEFORE"><source m_id="99"/><target m_id="21"/></TLINK>
<SLINK r_id="40"><source m_id="2"/><target m_id="3"/></SLINK>
</Relations>
</Document>
"#;

fn doc() -> CatDocument {
    parse_cat(DOC).expect("the invented document parses")
}

/// The range of the tokens `first..=last` (by `t_id`).
fn span(doc: &CatDocument, first: &str, last: &str) -> TextRange {
    let range = |id: &str| {
        doc.tokens
            .iter()
            .find(|token| token.id == id)
            .unwrap_or_else(|| panic!("token {id}"))
            .range
    };
    TextRange::new(range(first).start, range(last).end)
}

fn token(doc: &CatDocument, id: &str) -> TextRange {
    span(doc, id, id)
}

/// Everything read, one line per item, for a snapshot.
fn render(doc: &CatDocument) -> String {
    let text_of = |range: TextRange| range.slice(&doc.text).to_string();
    let mut out = format!("id {} dct {:?}\n", doc.id, doc.dct);
    out.push_str(&format!("text:\n{}", doc.text));
    for (number, range) in &doc.sentences {
        out.push_str(&format!("sentence {number}: «{}»\n", text_of(*range)));
    }
    out.push_str(&format!("annotated {:?}\n", doc.annotated_sentences));
    for event in &doc.events {
        out.push_str(&format!(
            "event {} «{}» s{} {} pos={} tense={} aspect={} class={:?}\n",
            event.id,
            text_of(event.range),
            event.sentence,
            event.lemma,
            event.pos,
            event.tense,
            event.aspect,
            event.class
        ));
    }
    for mention in &doc.entity_mentions {
        out.push_str(&format!(
            "entity {} «{}» s{} {} → {:?}\n",
            mention.id,
            text_of(mention.range),
            mention.sentence,
            mention.syntactic_type,
            mention.entity
        ));
    }
    for (event, mentions) in &doc.speakers {
        let shown: Vec<String> = mentions
            .iter()
            .map(|id| {
                let range = doc.entity_mention(id).map(|mention| mention.range);
                format!("{id} «{}»", range.map(text_of).unwrap_or_default())
            })
            .collect();
        out.push_str(&format!("speakers of {event}: {}\n", shown.join(", ")));
    }
    for timex in &doc.timexes {
        out.push_str(&format!(
            "timex {} {:?} {}={} dct={}\n",
            timex.id,
            timex.range.map(text_of),
            timex.kind,
            timex.value,
            timex.is_dct
        ));
    }
    for (event, links) in &doc.tlinks {
        out.push_str(&format!("tlinks of {event}: {links:?}\n"));
    }
    out
}

#[test]
fn reads_text_events_speakers_and_dates() {
    let doc = doc();
    expect![[r#"
        id 900 dct Some("2021-03-03")
        text:
        Harbour council approves new bridge
        March 3, 2021

        Mayor Ana Reyes said on Tuesday that the council approved the bridge. “We've waited long enough,” she told reporters. Work (phase one) will cost $5 million next year, critics said in a "blunt" statement. It opens in 2023. More news follows.
        sentence 0: «Harbour council approves new bridge»
        sentence 1: «March 3, 2021»
        sentence 2: «Mayor Ana Reyes said on Tuesday that the council approved the bridge.»
        sentence 3: «“We've waited long enough,” she told reporters.»
        sentence 4: «Work (phase one) will cost $5 million next year, critics said in a "blunt" statement.»
        sentence 5: «It opens in 2023.»
        sentence 6: «More news follows.»
        annotated {0, 1, 2, 3, 4, 5}
        event 1 «approves» s0 approve pos=VERB tense=PRESENT aspect=NONE class=Some("OTHER")
        event 2 «said» s2 say pos=VERB tense=PAST aspect=NONE class=Some("SPEECH_COGNITIVE")
        event 3 «approved» s2 approve pos=VERB tense=PAST aspect=NONE class=Some("OTHER")
        event 6 «bridge» s2  pos= tense= aspect= class=None
        event 4 «waited» s3 wait pos=VERB tense=PRESENT aspect=PERFECTIVE class=Some("OTHER")
        event 5 «told» s3 tell pos=VERB tense=PAST aspect=NONE class=Some("SPEECH_COGNITIVE")
        event 7 «will cost» s4 cost pos=VERB tense=FUTURE aspect=NONE class=Some("OTHER")
        event 8 «said» s4 say pos=VERB tense=PAST aspect=NONE class=Some("SPEECH_COGNITIVE")
        event 9 «statement» s4 statement pos=NOUN tense=NONE aspect=NONE class=Some("SPEECH_COGNITIVE")
        event 30 «opens» s5 open pos=VERB tense=PRESENT aspect=NONE class=Some("OTHER")
        entity 13 «Harbour council» s0 NAM → Some("201")
        entity 10 «Mayor Ana Reyes» s2 NAM → Some("200")
        entity 12 «the council» s2 NOM → Some("201")
        entity 14 «We» s3 PRO → Some("201")
        entity 11 «she» s3 PRO → Some("200")
        entity 16 «critics» s4 NOM → Some("202")
        speakers of 2: 10 «Mayor Ana Reyes», 11 «she»
        speakers of 3: 12 «the council», 13 «Harbour council», 14 «We»
        speakers of 4: 14 «We», 13 «Harbour council», 12 «the council»
        speakers of 5: 11 «she», 10 «Mayor Ana Reyes»
        speakers of 8: 16 «critics»
        timex 20 Some("March 3, 2021") DATE=2021-03-03 dct=true
        timex 21 Some("Tuesday") DATE=2021-03-02 dct=false
        timex 23 Some("next year") DATE=2022 dct=false
        timex 22 None DATE=2020 dct=false
        tlinks of 2: [("21", "IS_INCLUDED")]
        tlinks of 3: [("21", "BEFORE")]
        tlinks of 4: [("22", "IS_INCLUDED")]
        tlinks of 5: [("20", "IS_INCLUDED")]
        tlinks of 7: [("23", "IS_INCLUDED")]
    "#]]
    .assert_eq(&render(&doc));
    assert_eq!(
        doc.speaker_ranges("5"),
        [token(&doc, "31"), span(&doc, "10", "12")]
    );
    assert!(doc.speaker_ranges("30").is_empty());
    assert!(doc.dating_timexes("5").is_empty());
    assert_eq!(doc.dating_timexes("3").len(), 1);
}

#[test]
fn the_dateline_timex_is_the_creation_time_when_none_is_marked() {
    let unmarked = DOC.replace(r#"functionInDocument="CREATION_TIME""#, "");
    let doc = parse_cat(&unmarked).unwrap();
    assert_eq!(doc.dct.as_deref(), Some("2021-03-03"));
    let dct: Vec<&str> = doc
        .timexes
        .iter()
        .filter(|timex| timex.is_dct)
        .map(|timex| timex.id.as_str())
        .collect();
    assert_eq!(dct, ["20"]);
}

#[test]
fn joins_clitics_contractions_and_signs() {
    let tokens = [
        "I'", "ll", "pay", "US$", "3", "(", "about", "5", "%", ")", "--", "Wayne", "’", "s",
        "idea", "did", "n't", "`", "fly", "'", "...", "&amp;", "Co.", "'s", "'11", "?",
    ];
    let mut xml = String::from("<Document doc_id=\"1\">");
    for (at, token) in tokens.iter().enumerate() {
        xml.push_str(&format!(
            "<token t_id=\"{}\" sentence=\"2\">{token}</token>",
            at + 1
        ));
    }
    xml.push_str("</Document>");
    let doc = parse_cat(&xml).unwrap();
    assert_eq!(
        doc.text,
        "I'll pay US$3 (about 5%) -- Wayne’s idea didn't ‘fly'... & Co.'s '11?\n"
    );
    assert_eq!(doc.tokens.len(), tokens.len());
    assert_eq!(doc.sentences, [(2, TextRange::new(0, doc.text.len() - 1))]);
}

/// Ranges into the invented document, by token id.
fn claim(
    doc: &CatDocument,
    trigger: &str,
    is_cue: bool,
    speaker: Option<(&str, &str)>,
    date: Option<(&str, &str)>,
) -> PredictedClaim {
    let trigger = token(doc, trigger);
    PredictedClaim {
        sentence: doc
            .sentences
            .iter()
            .map(|(_, range)| *range)
            .find(|range| range.contains_range(trigger))
            .unwrap(),
        trigger,
        is_cue,
        speaker: speaker.map(|(first, last)| span(doc, first, last)),
        date: date.map(|(first, last)| span(doc, first, last)),
    }
}

fn predictions(doc: &CatDocument) -> Predictions {
    let claims = vec![
        // said (Ana Reyes): wrong speaker, right date.
        claim(doc, "13", true, Some(("17", "18")), Some(("15", "15"))),
        // told (she): the speaker's antecedent is right; undated, rightly.
        claim(doc, "32", true, Some(("11", "12")), None),
        // approved: dated by Tuesday, but the dateline was given.
        claim(doc, "19", false, None, Some(("6", "9"))),
        // waited: linked only to a time without tokens, so not judged.
        claim(doc, "26", false, None, Some(("15", "15"))),
        // reporters: no speech event there.
        claim(doc, "33", true, Some(("31", "31")), None),
        // said (critics): no speaker given; a date where the gold has none.
        claim(doc, "49", true, None, Some(("45", "46"))),
        // will cost: dated by `next year`, no date given.
        claim(doc, "41", false, None, None),
        // The headline and the unannotated last sentence are out of scope.
        claim(doc, "3", true, None, None),
        claim(doc, "64", true, None, None),
    ];
    let event_verbs = ["13", "19", "18", "21", "32", "41", "3", "64", "58"]
        .iter()
        .map(|id| token(doc, id))
        .collect();
    Predictions {
        claims,
        event_verbs,
    }
}

#[test]
fn scores_every_measure() {
    let doc = doc();
    let predicted = predictions(&doc);
    let scores = score(&[(doc, predicted)]);
    assert_eq!(scores.documents, 1);
    assert_eq!(scores.scored_sentences, 4);
    let counts = |d: &Detection| {
        (
            d.true_positives,
            d.false_positives,
            d.false_negatives,
            d.ignored,
        )
    };
    // Gold verbs: said, approved, waited, told, will cost, said, opens. `council` is
    // spurious, `bridge` is an event of no part of speech (ignored); waited and the
    // critics' said are missed.
    assert_eq!(counts(&scores.events), (5, 1, 2, 1));
    // Gold cues: said, told, said, statement; `reporters` is spurious.
    assert_eq!(counts(&scores.cues), (3, 1, 1, 0));
    let speakers = &scores.speakers;
    assert_eq!(
        (speakers.correct, speakers.wrong, speakers.missing),
        (1, 1, 1)
    );
    let dating = &scores.dating;
    assert_eq!(
        (
            dating.dated_correct,
            dating.dated_wrong,
            dating.dated_missing,
            dating.undated_correct,
            dating.undated_spurious,
            dating.implicit_only
        ),
        (1, 1, 1, 1, 1, 1)
    );
    assert_eq!(
        (scores.sentences.sentences, scores.sentences.with_claim),
        (4, 3)
    );
    expect![[r#"
        900: spurious event: Mayor Ana Reyes said on Tuesday that the «council» approved the bridge.
        900: missed event: “We've «waited» long enough,” she told reporters.
        900: missed event: Work (phase one) will cost $5 million next year, critics «said» in a "blunt" statement.
        900: spurious cue: “We've waited long enough,” she told «reporters».
        900: missed cue: Work (phase one) will cost $5 million next year, critics said in a "blunt" «statement».
        900: wrong speaker: Mayor Ana Reyes «said» on Tuesday that the council approved the bridge. (gold «Mayor Ana Reyes», predicted «the council»)
        900: no speaker: Work (phase one) will cost $5 million next year, critics «said» in a "blunt" statement. (gold «critics»)
        900: wrong date: Mayor Ana Reyes said on Tuesday that the council «approved» the bridge. (gold BEFORE «Tuesday», predicted «March 3, 2021»)
        900: spurious date: Work (phase one) will cost $5 million next year, critics «said» in a "blunt" statement. (no gold date, predicted «next year»)
        900: no date: Work (phase one) will «cost» $5 million next year, critics said in a "blunt" statement. (gold IS_INCLUDED «next year»)
        900: sentence without a claim: It «opens» in 2023.
    "#]]
    .assert_eq(&scores.errors().map(|line| format!("{line}\n")).collect::<String>());
    expect![[r#"
        1 documents, 4 scored sentences (annotated, after the dateline)
        measure   |  gold  pred |    tp    fp    fn   ign |      P      R     F1
        events    |     7     7 |     5     1     2     1 |   83.3   71.4   76.9
        cues      |     4     4 |     3     1     1     0 |   75.0   75.0   75.0
        speakers  | 33.3% of 3 cues on a gold speech event with a speaker: 1 right, 1 wrong, 1 none
        dating    | 40.0% of 5 claims on a gold event: dated 1 right, 1 wrong, 1 none; undated 1 right, 1 dated; 1 skipped (implicit time only)
        sentences | 75.0% of 4 sentences with a gold verb event hold a claim (3)
    "#]]
    .assert_eq(&scores.to_string());
}

#[test]
fn scores_nothing_without_panicking_on_strange_predictions() {
    let doc = doc();
    let inside_a_curly_quote = doc.text.find('“').unwrap() + 1;
    let predicted = Predictions {
        claims: vec![PredictedClaim {
            sentence: TextRange::new(0, 1_000_000),
            trigger: TextRange::new(inside_a_curly_quote, inside_a_curly_quote + 1),
            is_cue: true,
            speaker: Some(TextRange::new(500_000, 400_000)),
            date: Some(TextRange::empty(3)),
        }],
        event_verbs: vec![
            TextRange::new(inside_a_curly_quote, inside_a_curly_quote + 1),
            TextRange::new(1_000_000, 2_000_000),
            TextRange::empty(0),
        ],
    };
    let scores = score(&[(doc, predicted)]);
    assert_eq!(scores.events.false_positives, 1);
    assert_eq!(scores.cues.false_positives, 1);
    assert!(scores
        .errors()
        .any(|line| line == "900: spurious event: «?»"));
    assert_eq!(score(&[]).to_string().lines().count(), 7);
}

#[test]
fn rejects_broken_xml_and_skips_what_it_cannot_place() {
    let deeply_nested = "<a>".repeat(100);
    for broken in [
        "",
        "plain text",
        "<Document>",
        "<Document><token t_id=\"1\" sentence=\"0\">a</Document>",
        "</Document>",
        "<Document></Document><Document></Document>",
        "<Document><token t_id=1 sentence=\"0\">a</token></Document>",
        "<Document><token t_id=\"1 sentence=\"0\">a</token></Document>",
        "<Document><token t_id></token></Document>",
        "<Document><!-- never closed </Document>",
        "<Document><token t_id=\"1\" sentence=\"0\"",
        "<TimeML><TEXT>not CAT</TEXT></TimeML>",
        deeply_nested.as_str(),
    ] {
        assert!(parse_cat(broken).is_err(), "{broken:?} was accepted");
    }
    // Every cut of the invented document reads or fails; none panics.
    for cut in (0..DOC.len()).filter(|&at| DOC.is_char_boundary(at)) {
        let _ = parse_cat(&DOC[..cut]);
    }
    let truncated = &DOC[..DOC.len() / 2];
    assert!(parse_cat(truncated).is_err());

    // Tokens without an id or a usable sentence, markables without an id or known
    // tokens, relations to unknown markables: skipped.
    let odd = r#"<Document doc_name="odd">
<token sentence="0">lost</token><token t_id="2">lost</token>
<token t_id="3" sentence="two">lost</token><token t_id="4" sentence="2">kept</token>
<token t_id="5" sentence="2">&bogus; &#xZZ; &#233;</token>
<Markables>
<EVENT_MENTION pos="VERB"><token_anchor t_id="4"/></EVENT_MENTION>
<EVENT_MENTION m_id="9"><token_anchor/><token_anchor t_id="77"/></EVENT_MENTION>
<TIMEX3 m_id="10" type="DATE"><token_anchor t_id="5"/></TIMEX3>
</Markables>
<Relations>
<TLINK><source m_id="9"/></TLINK>
<TLINK reltype="BEFORE"><source m_id="10"/><target m_id="9"/></TLINK>
<REFERS_TO><source/><target m_id="10"/></REFERS_TO>
<HAS_PARTICIPANT sem_role="Arg0"><source m_id="404"/><target m_id="10"/></HAS_PARTICIPANT>
</Relations>
</Document>"#;
    let doc = parse_cat(odd).unwrap();
    assert_eq!(doc.id, "odd");
    assert_eq!(doc.text, "kept &bogus; &#xZZ; é\n");
    assert!(doc.events.is_empty());
    assert_eq!(doc.timexes.len(), 1);
    assert_eq!(doc.dct, None);
    assert!(doc.tlinks.is_empty() && doc.speakers.is_empty());
    assert_eq!(doc.annotated_sentences, BTreeSet::from([2]));
}
