//! Claims on fixtures: which sentences are claims, what triggers them, how each is dated.

use super::{ClaimTrigger, Dating};
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
            ClaimTrigger::ActorAction { verb, .. } => {
                format!("action {:?}", verb.slice(&file.text))
            }
        };
        let sentence = claim.sentence.slice(&file.text);
        out.push_str(&format!("{dating:18} {trigger:22} {sentence}\n"));
    }
    expect.assert_eq(&out);
}

#[test]
fn a_sentence_with_its_own_date_is_dated() {
    check(
        "Source: X\nDate: 2022-10-15\n\nOn 8 October, the ministry said it was ready.\n",
        expect![[r#"
            dated 2022-10-08   cue "said"             On 8 October, the ministry said it was ready.
        "#]],
    );
}

#[test]
fn later_sentences_of_a_paragraph_are_dated_by_context_and_other_paragraphs_are_not() {
    check(
        "Source: X\nDate: 2022-10-15\n\nOn 8 October, the ministry said it was ready. The minister added that talks would follow.\n\nThe embassy confirmed the note.\n",
        expect![[r#"
            dated 2022-10-08   cue "said"             On 8 October, the ministry said it was ready.
            context 2022-10-08 cue "added"            The minister added that talks would follow.
            UNDATED            cue "confirmed"        The embassy confirmed the note.
        "#]],
    );
}

#[test]
fn relative_dates_resolve_against_the_header() {
    check(
        "Source: X\nDate: 2022-09-29\n\nLast Wednesday, Putin announced the mobilization of 300,000 reservists.\n\nOfficials denied it on Thursday.\n",
        expect![[r#"
            dated 2022-09-21   cue "announced"        Last Wednesday, Putin announced the mobilization of 300,000 reservists.
            dated 2022-09-29   cue "denied"           Officials denied it on Thursday.
        "#]],
    );
}

#[test]
fn vague_words_durations_and_sets_do_not_date_a_claim() {
    check(
        "Source: X\nDate: 2022-10-15\n\nRecently, officials said the drills were routine.\n\nThe ministry said the exercises last two months.\n\nThe army said it trains every year.\n",
        expect![[r#"
            UNDATED            cue "said"             Recently, officials said the drills were routine.
            UNDATED            cue "said"             The ministry said the exercises last two months.
            UNDATED            cue "said"             The army said it trains every year.
        "#]],
    );
}

#[test]
fn known_actors_acting_in_the_past_tense_are_claims() {
    check(
        "Source: X\nDate: 2022-10-15\n\nLukashenka ordered a snap inspection of the army.\n\nMakei has already travelled to Moscow.\n\nLukashenko’s plan is unclear.\n\nKyiv has repeatedly expressed doubts.\n",
        expect![[r#"
            UNDATED            cue "ordered"          Lukashenka ordered a snap inspection of the army.
            UNDATED            action "travelled"     Makei has already travelled to Moscow.
            UNDATED            action "expressed"     Kyiv has repeatedly expressed doubts.
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
            dated 2022-10-12   cue "reported"         Nasha Niva reported a covert mobilization. {date: 2022-10-12}
            silenced           cue "say"              Experts say the threat is low. {undated-ok}
        "#]],
    );
    check(
        "Source: X\nDate: 2022-10-15\nLint: undated-ok\n\nExperts say the threat is low.\n",
        expect![[r#"
            silenced           cue "say"              Experts say the threat is low.
        "#]],
    );
}

#[test]
fn multiword_cues_and_possessive_subjects() {
    check(
        "Source: X\nDate: 2022-10-15\n\nAccording to Interfax, the border is calm.\n\nThe ministry said in a statement that nothing changed.\n",
        expect![[r#"
            UNDATED            cue "According to"     According to Interfax, the border is calm.
            UNDATED            cue "said"             The ministry said in a statement that nothing changed.
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
        information[claim-dated-by-context] a.article:4:51 "He said the process had begun.": claim dated by context: an earlier sentence of its paragraph gives 2022-10-10 (“10 October”)
        warning[undated-claim] a.article:6:1 "Makei told Izvestia about meetings.": undated claim: this sentence reports a statement (“told”) but neither it nor an earlier sentence of its paragraph says when
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
        let expected: Vec<(usize, usize)> = super::WORD
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let scanned: Vec<(usize, usize)> = super::words_of(text)
            .into_iter()
            .map(|range| (range.start, range.end))
            .collect();
        proptest::prop_assert_eq!(scanned, expected, "text {:?}", text);
        Ok(())
    });
}
