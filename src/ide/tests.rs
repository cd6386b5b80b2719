//! Editor features on fixtures with a `$0` cursor, results shown as the text they cover.

use super::*;
use crate::fixture::{show_range, Fixture};
use crate::text::TextRange;
use expect_test::{expect, Expect};

const CORPUS: &str = r#"%! actors.toml
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
role = "President of Belarus"
affiliation = "belarus"
aliases = ["Lukashenka", "Lukashenko", "Alexander Lukashenko"]
description = "Has ruled Belarus since 1994."

[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"

%! a.article
Title: Lukashenka orders checks
Source: Euromaidan Press
Date: 2022-10-15
Id: emp-checks

On 10 October, Lukashenka announced troops. “It is crazy,” Lukashenko said.

Last Wednesday, Belarus’ ministry confirmed the order [@jp-denies].
%! b.article
Title: Belarus denies mobilizing
Source: The Jerusalem Post
Date: 2022-09-29
Id: jp-denies

Alexander Lukashenko met officials on Thursday. Lukashenka’s aides said nothing.
"#;

/// The corpus with `$0` placed at the first occurrence of `marker` (after its first
/// `skip` characters) in `path`.
fn at(path: &str, marker: &str, skip: usize) -> Fixture {
    let mut text = String::new();
    let mut in_file = false;
    let mut placed = false;
    for line in CORPUS.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("%! ") {
            in_file = name.trim() == path;
            text.push_str(line);
            continue;
        }
        match line.find(marker) {
            Some(found) if in_file && !placed => {
                let cut = found
                    + marker
                        .char_indices()
                        .nth(skip)
                        .map(|(i, _)| i)
                        .unwrap_or(marker.len());
                text.push_str(&line[..cut]);
                text.push_str("$0");
                text.push_str(&line[cut..]);
                placed = true;
            }
            _ => text.push_str(line),
        }
    }
    assert!(placed, "{marker} not found in {path}");
    Fixture::new(&text)
}

fn check_hover(path: &str, marker: &str, skip: usize, expect: Expect) {
    let fixture = at(path, marker, skip);
    let (path, offset) = fixture.cursor();
    let shown = match hover::hover(&fixture.corpus, path, offset) {
        Some(card) => format!(
            "{}\n{}",
            show_range(&fixture.corpus, path, card.range),
            card.markdown
        ),
        None => "no hover".to_string(),
    };
    expect.assert_eq(&shown);
}

#[test]
fn an_actor_card_names_the_affiliation_unless_the_role_already_does() {
    let fixture = Fixture::new(
        r#"%! actors.toml
[[actor]]
id = "makei"
name = "Vladimir Makei"
kind = "person"
role = "Foreign Minister"
affiliation = "belarus"

[[actor]]
id = "spokesman"
name = "Valery Revenko"
kind = "person"
role = "Spokesman of the Belarusian Defence Ministry"
affiliation = "mod"

[[actor]]
id = "belarus"
name = "Belarus"
kind = "state"

[[actor]]
id = "mod"
name = "Ministry of Defence of Belarus"
aliases = ["Belarusian Defence Ministry"]
kind = "organization"
"#,
    );
    let facts = |id: &str| {
        let index = fixture.corpus.actor_index(id).unwrap();
        let card = hover::actor_card(&fixture.corpus, index).unwrap();
        card.lines().nth(2).unwrap().to_string()
    };
    expect!["*person* · Foreign Minister · of Belarus"].assert_eq(&facts("makei"));
    expect!["*person* · Spokesman of the Belarusian Defence Ministry"]
        .assert_eq(&facts("spokesman"));
}

#[test]
fn hover_on_a_mention_shows_the_actor_card_with_corpus_knowledge() {
    check_hover(
        "a.article",
        "Lukashenko said",
        3,
        expect![[r#"
            a.article:6:60 "Lukashenko"
            ### Aliaksandr Lukashenka

            *person* · President of Belarus

            Has ruled Belarus since 1994.

            Also written: “Lukashenka”, “Lukashenko”, “Alexander Lukashenko”

            **4 mentions** in **2 articles**, first 2022-09-29, last 2022-10-15

            Most mentioned by: Euromaidan Press (2), The Jerusalem Post (2)

            `lukashenka` in actors.toml"#]],
    );
}

#[test]
fn hover_elsewhere_in_a_claim_shows_the_claim_card() {
    check_hover(
        "a.article",
        "Lukashenko said",
        13,
        expect![[r#"
            a.article:6:45 "“It is crazy,” Lukashenko said."
            ### Claim

            **A statement**: the reporting cue “said”.

            **Asserted by** Aliaksandr Lukashenka (actor `lukashenka`, named “Lukashenko”), quoted directly.

            **Dated** 10 October 2022 (2022-10-10), by an earlier sentence of its paragraph (“10 October”)."#]],
    );
}

#[test]
fn hover_on_a_relative_date_explains_the_resolution() {
    check_hover(
        "a.article",
        "Last Wednesday",
        2,
        expect![[r#"
            a.article:8:1 "Last Wednesday"
            **“Last Wednesday”** — date

            **5 October 2022**

            `2022-10-05` (a day): the Wednesday of the week before 2022-10-15

            Article date: 2022-10-15"#]],
    );
}

#[test]
fn hover_on_a_citation_and_on_header_fields() {
    check_hover(
        "a.article",
        "jp-denies",
        1,
        expect![[r#"
            a.article:8:57 "jp-denies"
            ### Belarus denies mobilizing

            The Jerusalem Post · 2022-09-29

            `jp-denies` — b.article"#]],
    );
    check_hover(
        "a.article",
        "Date:",
        1,
        expect![[r#"
            a.article:3:1 "Date"
            **Date** — Publication date, ISO 8601 with reduced precision allowed: `2022-10-15`, `2022-10` or `2022`. Required; relative dates in the text are resolved against it."#]],
    );
}

#[test]
fn hover_on_a_registry_entry_shows_the_same_card() {
    let fixture = at("actors.toml", "\"lukashenka\"", 3);
    let (path, offset) = fixture.cursor();
    let card = hover::hover(&fixture.corpus, path, offset).expect("a card");
    assert!(card.markdown.starts_with("### Aliaksandr Lukashenka"));
    assert_eq!(
        show_range(&fixture.corpus, path, card.range),
        "actors.toml:2:6 \"\\\"lukashenka\\\"\""
    );
}

fn show_targets(fixture: &Fixture, targets: &[navigation::Target]) -> String {
    targets
        .iter()
        .map(|target| show_range(&fixture.corpus, target.path, target.range) + "\n")
        .collect()
}

#[test]
fn definition_of_mentions_citations_and_affiliations() {
    let fixture = at("b.article", "Lukashenka’s", 2);
    let (path, offset) = fixture.cursor();
    expect![[r#"
        actors.toml:2:7 "lukashenka"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::definition(&fixture.corpus, path, offset),
    ));

    let fixture = at("a.article", "[@jp-denies", 4);
    let (path, offset) = fixture.cursor();
    expect![[r#"
        b.article:4:5 "jp-denies"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::definition(&fixture.corpus, path, offset),
    ));

    let fixture = at("actors.toml", "affiliation = \"belarus\"", 17);
    let (path, offset) = fixture.cursor();
    expect![[r#"
        actors.toml:11:7 "belarus"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::definition(&fixture.corpus, path, offset),
    ));
}

#[test]
fn references_of_an_actor_cover_every_spelling_in_every_file() {
    let fixture = at("a.article", "Lukashenka announced", 0);
    let (path, offset) = fixture.cursor();
    expect![[r#"
        actors.toml:2:7 "lukashenka"
        a.article:6:16 "Lukashenka"
        a.article:6:60 "Lukashenko"
        b.article:6:1 "Alexander Lukashenko"
        b.article:6:49 "Lukashenka"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::references(&fixture.corpus, path, offset, true),
    ));
    assert_eq!(
        navigation::references(&fixture.corpus, path, offset, false).len(),
        4
    );
}

#[test]
fn references_from_an_article_header_are_its_citations() {
    let fixture = at("b.article", "Title: Belarus", 2);
    let (path, offset) = fixture.cursor();
    expect![[r#"
        a.article:8:57 "jp-denies"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::references(&fixture.corpus, path, offset, false),
    ));
}

#[test]
fn highlights_are_the_same_actor_in_this_file() {
    let fixture = at("a.article", "Lukashenko said", 0);
    let (path, offset) = fixture.cursor();
    let shown: Vec<String> = navigation::highlights(&fixture.corpus, path, offset)
        .into_iter()
        .map(|range| show_range(&fixture.corpus, path, range))
        .collect();
    expect![[r#"["a.article:6:16 \"Lukashenka\"", "a.article:6:60 \"Lukashenko\""]"#]]
        .assert_eq(&format!("{shown:?}"));
}

fn show_completions(fixture: &Fixture) -> String {
    let (path, offset) = fixture.cursor();
    completion::completions(&fixture.corpus, path, offset)
        .into_iter()
        .map(|item| {
            format!(
                "{:?} {:?} → {:?} over {:?}\n",
                item.kind,
                item.label,
                item.insert,
                item.replace.slice(fixture.text(path))
            )
        })
        .collect()
}

#[test]
fn completion_offers_actors_ids_dates_and_header_keys() {
    let actors = Fixture::new(&format!(
        "{CORPUS}%! c.article\nSource: X\nDate: 2022-10-15\n\nThen Luka$0\n"
    ));
    expect![[r#"
        Actor "Lukashenka" → "Lukashenka" over "Luka"
        Actor "Lukashenko" → "Lukashenko" over "Luka"
    "#]]
    .assert_eq(&show_completions(&actors));

    let ids = Fixture::new(&format!(
        "{CORPUS}%! c.article\nSource: X\nDate: 2022-10-15\n\nAs cited [@jp$0\n"
    ));
    expect![[r#"
        Article "emp-checks" → "emp-checks" over "jp"
        Article "jp-denies" → "jp-denies" over "jp"
    "#]]
    .assert_eq(&show_completions(&ids));

    let date = Fixture::new(&format!(
        "{CORPUS}%! c.article\nSource: X\nDate: 2022-10-15\n\nHe said so. {{date: $0\n"
    ));
    expect![[r#"
        Date "2022-10-15" → "2022-10-15}" over ""
    "#]]
    .assert_eq(&show_completions(&date));

    let keys = Fixture::new(&format!("{CORPUS}%! c.article\nSource: X\nTi$0\n\nText.\n"));
    expect![[r#"
        HeaderKey "Title" → "Title: " over "Ti"
    "#]]
    .assert_eq(&show_completions(&keys));

    let sources = Fixture::new(&format!(
        "{CORPUS}%! c.article\nSource: The$0\nDate: 2022\n\nText.\n"
    ));
    expect![[r#"
        HeaderValue "The Jerusalem Post" → "The Jerusalem Post" over "The"
    "#]]
    .assert_eq(&show_completions(&sources));
}

fn apply(text: &str, edits: &[code_actions::FileEdit]) -> String {
    let mut text = text.to_string();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    for edit in edits {
        text.replace_range(edit.range.start..edit.range.end, &edit.new_text);
    }
    text
}

#[test]
fn code_actions_date_or_silence_an_undated_claim() {
    let fixture = Fixture::new(
        "%! a.article\nSource: X\nDate: 2022-10-15\n\nThe ministry con$0firmed the order.\n",
    );
    let (path, offset) = fixture.cursor();
    let actions = code_actions::code_actions(&fixture.corpus, path, TextRange::empty(offset));
    let shown: Vec<String> = actions
        .iter()
        .map(|action| {
            format!(
                "{} => {:?}",
                action.title,
                apply(fixture.text(path), &action.edits)
                    .lines()
                    .last()
                    .unwrap()
            )
        })
        .collect();
    expect![[r#"
        [
            "Date this claim: insert {date: 2022-10-15} => \"The ministry confirmed the order. {date: 2022-10-15}\"",
            "Silence for this sentence: insert {undated-ok} => \"The ministry confirmed the order. {undated-ok}\"",
        ]
    "#]]
    .assert_debug_eq(&shown);
    // Applying the first action makes the warning go away.
    let fixed = apply(fixture.text(path), &actions[0].edits);
    let after = Fixture::new(&format!("%! a.article\n{fixed}"));
    assert!(after.corpus.diagnostics("a.article").is_empty());
}

#[test]
fn code_actions_add_missing_header_lines() {
    let fixture = Fixture::new("%! a.article\nTitle: T\nDate: 2022$0\n\nText.\n");
    let (path, _) = fixture.cursor();
    let header = fixture.corpus.article(path).unwrap().article.header.range;
    let actions = code_actions::code_actions(&fixture.corpus, path, header);
    let action = actions
        .iter()
        .find(|action| action.fixes == Some(crate::diagnostic::DiagnosticCode::MissingSource))
        .unwrap();
    expect![[r#"
        "Title: T\nDate: 2022\nSource: \n\nText.\n"
    "#]]
    .assert_debug_eq(&apply(fixture.text(path), &action.edits));
}

#[test]
fn unknown_names_can_be_added_to_the_registry_and_variants_as_aliases() {
    let fixture = Fixture::new(&format!(
        "{CORPUS}%! c.article\nSource: X\nDate: 2022\n\nThe envoy met Oleksiy Dan$0ilov in Kyiv.\n%! d.article\nSource: Y\nDate: 2022\n\nOleksiy Danilov spoke. Then Aliaksandr Lukashenko replied.\n"
    ));
    let (path, offset) = fixture.cursor();
    let actions = code_actions::code_actions(&fixture.corpus, path, TextRange::empty(offset));
    let add = actions
        .iter()
        .find(|action| action.fixes == Some(crate::diagnostic::DiagnosticCode::UnknownActor))
        .expect("add action");
    assert_eq!(add.title, "Add “Oleksiy Danilov” to actors.toml");
    let registry = apply(fixture.text("actors.toml"), &add.edits);
    expect![[r#"
        [[actor]]
        id = "oleksiy-danilov"
        name = "Oleksiy Danilov"
        kind = "other"
        aliases = []
    "#]]
    .assert_eq(registry.rsplit("\n\n").next().unwrap());
    assert!(crate::actors::parse_registry(&registry)
        .diagnostics
        .is_empty());

    // In the registry, on Lukashenka's table: the corpus writes "Aliaksandr Lukashenko".
    let table = fixture
        .corpus
        .registry("actors.toml")
        .unwrap()
        .in_use()
        .actors[0]
        .range;
    let actions = code_actions::code_actions(
        &fixture.corpus,
        "actors.toml",
        TextRange::empty(table.start + 3),
    );
    let titles: Vec<&str> = actions.iter().map(|action| action.title.as_str()).collect();
    expect![[r#"["Add alias “Aliaksandr Lukashenko” to `lukashenka` (used in 1 article)"]"#]]
        .assert_eq(&format!("{titles:?}"));
    let registry = apply(fixture.text("actors.toml"), &actions[0].edits);
    assert!(registry.contains(
        r#"aliases = ["Lukashenka", "Lukashenko", "Alexander Lukashenko", "Aliaksandr Lukashenko"]"#
    ));
}

#[test]
fn inlay_hints_show_resolved_relative_dates_only() {
    let fixture = Fixture::new(CORPUS);
    let text = fixture.text("a.article");
    let hints: Vec<String> =
        inlay::inlay_hints(&fixture.corpus, "a.article", TextRange::new(0, text.len()))
            .into_iter()
            .map(|hint| {
                format!(
                    "{:?} {}",
                    &text[hint.offset.saturating_sub(12)..hint.offset],
                    hint.label
                )
            })
            .collect();
    expect![[r#"["\"n 10 October\" ▸ 2022-10-10", "\"st Wednesday\" ▸ 2022-10-05"]"#]]
        .assert_eq(&format!("{hints:?}"));
}

#[test]
fn semantic_tokens_classify_the_article() {
    let fixture = Fixture::new(CORPUS);
    let text = fixture.text("a.article");
    let body_start = fixture
        .corpus
        .article("a.article")
        .unwrap()
        .article
        .body
        .start;
    let tokens: Vec<String> = semantic::semantic_tokens(
        &fixture.corpus,
        "a.article",
        Some(TextRange::new(body_start, text.len())),
    )
    .into_iter()
    .map(|(range, kind)| {
        format!(
            "{:?}={}",
            range.slice(text),
            semantic::TOKEN_TYPES[kind.legend_index() as usize]
        )
    })
    .collect();
    expect![[r#"
        [
            "\"10 October\"=number",
            "\"Lukashenka\"=variable",
            "\"announced\"=keyword",
            "\"Lukashenko\"=variable",
            "\"said\"=keyword",
            "\"Last Wednesday\"=number",
            "\"Belarus\"=namespace",
            "\"confirmed\"=keyword",
            "\"[@jp-denies]\"=macro",
        ]
    "#]]
    .assert_debug_eq(&tokens);
}

#[test]
fn the_outline_lists_the_header_then_dated_claims_in_date_order() {
    let fixture = Fixture::new(CORPUS);
    let symbols = symbols::document_symbols(&fixture.corpus, "a.article");
    let shown: Vec<String> = symbols
        .iter()
        .map(|symbol| {
            format!(
                "{:?} {} ({} children)",
                symbol.kind,
                symbol.name,
                symbol.children.len()
            )
        })
        .collect();
    expect![[r#"
        [
            "Header Lukashenka orders checks (4 children)",
            "Claim 2022-10-05 — Last Wednesday, Belarus’ ministry confirmed the order [@jp-denies]. (0 children)",
            "Claim 2022-10-10 — On 10 October, Lukashenka announced troops. (0 children)",
            "Claim 2022-10-10 — “It is crazy,” Lukashenko said. (0 children)",
        ]
    "#]]
    .assert_debug_eq(&shown);
}

#[test]
fn workspace_symbols_match_fuzzily_across_actors_and_articles() {
    let fixture = Fixture::new(CORPUS);
    let names: Vec<String> = symbols::workspace_symbols(&fixture.corpus, "lksh", 10)
        .into_iter()
        .map(|symbol| format!("{:?} {}", symbol.kind, symbol.name))
        .collect();
    expect![[r#"["Actor Aliaksandr Lukashenka", "Article Lukashenka orders checks"]"#]]
        .assert_eq(&format!("{names:?}"));
    assert!(symbols::fuzzy_score("xyz", "Belarus").is_none());
}

#[test]
fn code_lenses_count_mentions_per_registry_entry() {
    let fixture = Fixture::new(CORPUS);
    let lenses: Vec<String> = code_lens::code_lenses(&fixture.corpus, "actors.toml")
        .into_iter()
        .map(|lens| {
            format!(
                "{} {}",
                show_range(&fixture.corpus, "actors.toml", lens.range),
                lens.title
            )
        })
        .collect();
    expect![[r#"["actors.toml:2:7 \"lukashenka\" 4 mentions in 2 articles", "actors.toml:11:7 \"belarus\" 1 mention in 1 article"]"#]]
        .assert_eq(&format!("{lenses:?}"));
}

#[test]
fn folding_covers_the_header_and_long_paragraphs() {
    let fixture = Fixture::new("%! a.article\nSource: X\nDate: 2022\n\nOne line.\n\nTwo\nlines.\n");
    let folds: Vec<String> = folding::folding_ranges(&fixture.corpus, "a.article")
        .into_iter()
        .map(|(range, kind)| format!("{kind:?} {:?}", range.slice(fixture.text("a.article"))))
        .collect();
    expect![[r#"["Header \"Source: X\\nDate: 2022\"", "Paragraph \"Two\\nlines.\""]"#]]
        .assert_eq(&format!("{folds:?}"));
}

#[test]
fn renaming_an_actor_id_updates_affiliations_and_never_articles() {
    let fixture = at("actors.toml", "id = \"belarus\"", 7);
    let (path, offset) = fixture.cursor();
    let edits = rename::rename(&fixture.corpus, path, offset, "republic-of-belarus").unwrap();
    let shown: Vec<String> = edits
        .iter()
        .map(|edit| {
            format!(
                "{} -> {}",
                show_range(&fixture.corpus, &edit.path, edit.range),
                edit.new_text
            )
        })
        .collect();
    expect![[r#"["actors.toml:6:16 \"belarus\" -> republic-of-belarus", "actors.toml:11:7 \"belarus\" -> republic-of-belarus"]"#]]
        .assert_eq(&format!("{shown:?}"));
    assert!(rename::rename(&fixture.corpus, path, offset, "Bad Id").is_err());
    assert!(rename::rename(&fixture.corpus, path, offset, "lukashenka").is_err());
    let article = at("a.article", "Lukashenko said", 1);
    let (path, offset) = article.cursor();
    assert!(rename::prepare_rename(&article.corpus, path, offset)
        .unwrap_err()
        .contains("source material"));
}

#[test]
fn the_timeline_orders_dated_claims_and_filters_them() {
    let fixture = Fixture::new(CORPUS);
    let all = timeline::timeline(&fixture.corpus, &timeline::TimelineFilter::default());
    let shown: Vec<String> = all
        .iter()
        .map(|entry| format!("{} {} {:?}", entry.date, entry.article, entry.actors))
        .collect();
    expect![[r#"
        [
            "2022-09-29 jp-denies [\"lukashenka\"]",
            "2022-09-29 jp-denies [\"lukashenka\"]",
            "2022-10-05 emp-checks [\"belarus\"]",
            "2022-10-10 emp-checks [\"lukashenka\"]",
            "2022-10-10 emp-checks [\"lukashenka\"]",
        ]
    "#]]
    .assert_debug_eq(&shown);
    let filter = timeline::TimelineFilter {
        actor: Some("belarus".into()),
        ..Default::default()
    };
    assert_eq!(timeline::timeline(&fixture.corpus, &filter).len(), 1);
    let filter = timeline::TimelineFilter {
        from: Some("2022-10".into()),
        source: Some("euromaidan press".into()),
        ..Default::default()
    };
    assert_eq!(timeline::timeline(&fixture.corpus, &filter).len(), 3);
}

#[test]
fn the_first_entries_of_a_timeline_are_made_alone_and_the_rest_counted() {
    let fixture = Fixture::new(CORPUS);
    let everything = timeline::TimelineFilter::default();
    let all = timeline::timeline(&fixture.corpus, &everything);
    for most in 0..=all.len() + 1 {
        let (first, total) = timeline::timeline_first(&fixture.corpus, &everything, most);
        assert_eq!(total, all.len());
        assert_eq!(first, all[..most.min(all.len())]);
    }
    let lukashenka = timeline::TimelineFilter {
        actor: Some("lukashenka".into()),
        ..Default::default()
    };
    let (first, total) = timeline::timeline_first(&fixture.corpus, &lukashenka, 1);
    assert_eq!((first.len(), total), (1, 4));
    assert_eq!(
        first[0],
        timeline::timeline(&fixture.corpus, &lukashenka)[0]
    );
}

#[test]
fn the_mention_under_the_cursor_is_the_first_that_holds_it() {
    // Mentions one character apart (`Lukashenka/Belarus`) and close together: at every
    // offset, the mention found by searching is the one a scan finds.
    let fixture = Fixture::new(&format!(
        "{CORPUS}%! c.article\nTitle: T\n\nLukashenka/Belarus, Belarus Lukashenko. Belarus\n"
    ));
    for path in ["a.article", "b.article", "c.article"] {
        let file = fixture.corpus.article(path).unwrap();
        assert!(file.mentions.len() >= 2, "{path}");
        for offset in 0..=file.text.len() + 1 {
            let scanned = file
                .mentions
                .iter()
                .find(|mention| mention.range().contains_inclusive(offset))
                .map(|mention| (mention.range(), symbol::Symbol::Actor(mention.actor())));
            let found = symbol::symbol_at(&fixture.corpus, path, offset)
                .filter(|(_, symbol, _)| matches!(symbol, symbol::Symbol::Actor(_)))
                .map(|(range, symbol, _)| (range, symbol));
            assert_eq!(found, scanned, "{path} at {offset}");
        }
    }
}

#[test]
fn the_card_of_an_undated_claim_names_the_dates_that_do_not_date_it() {
    let fixture = Fixture::new(
        "%! a.article\nSource: X\nDate: 2022-10-15\n\nThe ministry con$0demned Russia’s 2022 invasion.\n",
    );
    let (path, offset) = fixture.cursor();
    let card = hover::hover(&fixture.corpus, path, offset).expect("a claim card");
    expect![[r#"
        ### Claim

        **An event**: “condemned” (past tense).

        **Asserted by** X, the article’s source.

        **Undated**: neither the sentence nor an earlier one of its paragraph has a date that anchors it.

        “2022” does not date it: it qualifies a noun."#]].assert_eq(&card.markdown);
}

/// A registry written in English and articles in Belarusian and Polish.
const SLAVIC_CORPUS: &str = r#"%! actors.toml
[[actor]]
id = "lukashenka"
name = "Aliaksandr Lukashenka"
kind = "person"
role = "President of Belarus"
aliases = ["Lukashenka", "Lukashenko"]

%! be.article
Source: Nasha Niva
Date: 2022-10-15

Учора Аляксандр Лукашэнка сустрэўся з вайскоўцамі. Пра гэта паведаміла прэс-служба Лукашэнкі.
%! pl.article
Source: Nowa Europa Wschodnia
Date: 2022-10-16

Aleksander Łukaszenka, czyli 🇧🇾 Łukaszenka, ogłosił ćwiczenia. Według Łukaszenki to konieczne.
"#;

fn slavic_at(path: &str, marker: &str) -> Fixture {
    let marked = SLAVIC_CORPUS.replacen(marker, &format!("$0{marker}"), 1);
    assert_ne!(marked, SLAVIC_CORPUS, "{marker} not found");
    let _ = path;
    Fixture::new(&marked)
}

#[test]
fn hover_on_a_case_form_says_how_it_was_found() {
    let fixture = slavic_at("be.article", "Лукашэнкі");
    let (path, offset) = fixture.cursor();
    let card = hover::hover(&fixture.corpus, path, offset).unwrap();
    expect![[r#"
        be.article:4:84 "Лукашэнкі"
        *Лукашэнкі* — genitive (Belarusian, Polish) of “Lukashenka”, generated

        ### Aliaksandr Lukashenka"#]]
    .assert_eq(&format!(
        "{}\n{}",
        show_range(&fixture.corpus, path, card.range),
        card.markdown.lines().take(3).collect::<Vec<_>>().join("\n")
    ));
}

#[test]
fn references_highlights_and_semantic_tokens_reach_every_language() {
    let fixture = slavic_at("pl.article", "Łukaszenki");
    let (path, offset) = fixture.cursor();
    expect![[r#"
        actors.toml:2:7 "lukashenka"
        be.article:4:7 "Аляксандр Лукашэнка"
        be.article:4:84 "Лукашэнкі"
        pl.article:4:12 "Łukaszenka"
        pl.article:4:33 "Łukaszenka"
        pl.article:4:71 "Łukaszenki"
    "#]]
    .assert_eq(&show_targets(
        &fixture,
        &navigation::references(&fixture.corpus, path, offset, true),
    ));
    let highlights: Vec<String> = navigation::highlights(&fixture.corpus, path, offset)
        .into_iter()
        .map(|range| show_range(&fixture.corpus, path, range))
        .collect();
    expect![[r#"["pl.article:4:12 \"Łukaszenka\"", "pl.article:4:33 \"Łukaszenka\"", "pl.article:4:71 \"Łukaszenki\""]"#]].assert_eq(&format!("{highlights:?}"));
    let text = fixture.text("be.article");
    let tokens: Vec<String> = semantic::semantic_tokens(&fixture.corpus, "be.article", None)
        .into_iter()
        .filter(|(range, _)| range.start > text.find("Учора").unwrap())
        .map(|(range, kind)| {
            format!(
                "{:?}={}",
                range.slice(text),
                semantic::TOKEN_TYPES[kind.legend_index() as usize]
            )
        })
        .collect();
    expect![[r#"["\"Аляксандр Лукашэнка\"=variable", "\"паведаміла\"=keyword", "\"Лукашэнкі\"=variable"]"#]]
        .assert_eq(&format!("{tokens:?}"));
}

#[test]
fn completion_offers_actors_for_a_prefix_in_another_script() {
    let fixture = Fixture::new(&format!(
        "{SLAVIC_CORPUS}%! c.article\nSource: X\nDate: 2022-10-15\n\nЗаявіў Лука$0\n"
    ));
    expect![[r#"
        Actor "Lukashenka" → "Lukashenka" over "Лука"
        Actor "Lukashenko" → "Lukashenko" over "Лука"
    "#]]
    .assert_eq(&show_completions(&fixture));
}

#[test]
fn renaming_an_actor_leaves_case_forms_in_articles_as_written() {
    // Article text is never rewritten, so a case form (`Лукашэнкі`) is never turned into
    // the nominative: renaming the id edits the registry only, and a rename started on
    // a case form says why it is refused.
    let fixture = slavic_at("actors.toml", "\"lukashenka\"");
    let (path, offset) = fixture.cursor();
    let edits = rename::rename(&fixture.corpus, path, offset + 1, "lukashenko").unwrap();
    let shown: Vec<String> = edits
        .iter()
        .map(|edit| {
            format!(
                "{}: {:?}",
                show_range(&fixture.corpus, &edit.path, edit.range),
                edit.new_text
            )
        })
        .collect();
    expect![[r#"actors.toml:2:7 "lukashenka": "lukashenko""#]].assert_eq(&shown.join("\n"));
    let on_case_form = slavic_at("be.article", "Лукашэнкі");
    let (path, offset) = on_case_form.cursor();
    expect![
        "article text is source material and is never rewritten; rename actor ids in the registry"
    ]
    .assert_eq(&rename::prepare_rename(&on_case_form.corpus, path, offset).unwrap_err());
}

/// A language server keeps only what the index needs of the files the editor has not
/// opened (`Retention::Index`) and analyses one whole again when a request needs more:
/// every answer, at every place of every seed, is the one a corpus keeping everything
/// gives, and opening and closing a file changes none of them.
#[test]
fn a_corpus_keeping_only_the_index_answers_every_request_as_a_whole_one() {
    use crate::corpus::{Corpus, Retention};
    use crate::fixture::seed_corpus;
    let seeds = crate::fixture::seed_files();
    let whole = seed_corpus(Retention::Everything);
    let mut indexed = seed_corpus(Retention::Index);
    let answers = |corpus: &Corpus| -> Vec<String> {
        let mut out = Vec::new();
        out.push(format!("{:?}", corpus.paths()));
        out.push(format!("{:?}", claims::corpus_tally(corpus)));
        out.push(format!(
            "{:?}",
            timeline::timeline(corpus, &timeline::TimelineFilter::default())
        ));
        let entries = timeline::timeline(corpus, &timeline::TimelineFilter::default());
        out.push(format!("{:?}", timeline::entry_contexts(corpus, &entries)));
        out.push(format!(
            "{:?}",
            symbols::workspace_symbols(corpus, "a", 1000)
        ));
        for actor in 0..corpus.actors().len() {
            out.push(format!("{:?}", corpus.actor_stats(actor)));
        }
        for path in corpus.paths() {
            out.push(format!("{path}: {:?}", corpus.diagnostics(&path)));
            out.push(format!("{:?}", claims::claims_of(corpus, &path)));
            out.push(format!("{:?}", symbols::document_symbols(corpus, &path)));
            out.push(format!("{:?}", folding::folding_ranges(corpus, &path)));
            out.push(format!("{:?}", code_lens::code_lenses(corpus, &path)));
            out.push(format!(
                "{:?}",
                semantic::semantic_tokens(corpus, &path, None)
            ));
            // The seeds' lengths: a corpus without texts holds none.
            let length = seeds
                .iter()
                .find(|(seed, _)| *seed == path)
                .map_or(0, |(_, text)| text.len());
            out.push(format!(
                "{:?}",
                inlay::inlay_hints(corpus, &path, TextRange::new(0, length))
            ));
            // Every third byte: each mention, citation, date and header field is longer.
            for offset in (0..=length).step_by(3) {
                out.push(format!(
                    "{path}@{offset}: {:?} {:?} {:?} {:?} {:?}",
                    hover::hover(corpus, &path, offset),
                    navigation::definition(corpus, &path, offset),
                    navigation::references(corpus, &path, offset, true),
                    navigation::highlights(corpus, &path, offset),
                    code_actions::code_actions(corpus, &path, TextRange::new(offset, offset)),
                ));
            }
        }
        out
    };
    let expected = answers(&whole);
    let compare = |got: Vec<String>, when: &str| {
        assert_eq!(got.len(), expected.len(), "{when}");
        for (got, expected) in got.iter().zip(&expected) {
            assert_eq!(got, expected, "{when}");
        }
    };
    compare(answers(&indexed), "kept for the index");
    // Letting go of the texts, read again from a source when a request needs them.
    let disk = std::sync::Arc::new(crate::fixture::TextsInMemory::new(&seeds));
    let mut without_texts = Corpus::new(None);
    without_texts.set_retention(Retention::Index);
    without_texts.set_text_source(disk.clone());
    without_texts.set_files(seeds.clone());
    let article = "000_d3301de9df92c926.article";
    let dropped = without_texts.indexed_article(article).expect("a seed");
    assert!(dropped.text.is_empty() && dropped.text_dropped.is_some());
    compare(answers(&without_texts), "without texts");
    // A text changed on disk since is not taken for the one analysed; nothing breaks.
    disk.set(article, "Title: changed\n\nSomething else entirely.\n");
    let dropped = without_texts.indexed_article(article).expect("a seed");
    assert_eq!(without_texts.text_of(dropped), None);
    // Every other file's diagnostics and answers at every place are as before, and so
    // are the changed article's diagnostics (kept, not made again from the new text).
    let own_lines = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .filter(|line| {
                let other_file = corpus_line_path(line).is_some_and(|path| path != article);
                other_file || line.starts_with(&format!("{article}: "))
            })
            .collect()
    };
    assert_eq!(
        own_lines(answers(&without_texts)),
        own_lines(expected.clone()),
        "after a text changed on disk"
    );
    // A registry change analyses every article again, from the texts as they are now.
    let registry = seeds
        .iter()
        .find(|(path, _)| path == "actors.toml")
        .expect("the seed registry");
    without_texts.set_file("actors.toml", registry.1.clone());
    let changed = without_texts.indexed_article(article).expect("a seed");
    assert_eq!(
        without_texts.text_of(changed).as_deref(),
        Some("Title: changed\n\nSomething else entirely.\n")
    );
    // It keeps less: no dates, no undated claims, no sentences.
    let kept = indexed.indexed_article(article).expect("a seed").clone();
    let full = whole.indexed_article(article).expect("a seed").clone();
    assert!(!kept.is_whole() && full.is_whole());
    assert!(kept.timexes.is_empty() && !full.timexes.is_empty());
    assert!(kept.article.paragraphs.is_empty() && !full.article.paragraphs.is_empty());
    assert!(kept.claims.is_empty() && !kept.packed_claims.is_empty());
    let dated: Vec<_> = full
        .dated_claims()
        .map(|claim| claim.into_owned())
        .collect();
    assert!(dated.len() < full.claims.len());
    assert_eq!(kept.packed_claims.iter().collect::<Vec<_>>(), dated);
    // Its claims' diagnostics are packed, and read back as the whole analysis has them.
    assert!(!kept.packed_diagnostics.is_empty() && full.packed_diagnostics.is_empty());
    assert!(kept.diagnostics.len() < full.diagnostics.len());
    assert_eq!(kept.own_diagnostics().collect::<Vec<_>>(), full.diagnostics);
    assert_eq!(kept.mentions, full.mentions);
    // The whole analysis made on demand is the one a whole corpus keeps.
    assert_eq!(indexed.article(article), Some(full.clone()));
    // An open file is kept whole; closed, it is kept as before.
    indexed.set_open_file(article, full.text.clone());
    assert_eq!(indexed.indexed_article(article), Some(&full));
    compare(answers(&indexed), "with a file open");
    indexed.close_file(article);
    assert_eq!(indexed.indexed_article(article), Some(&kept));
    compare(answers(&indexed), "after closing it");
}

/// The file an answer line of the index-only test is about, when it names one: a
/// diagnostics line (`path: ...`) or a line of answers at a place (`path@offset: ...`).
fn corpus_line_path(line: &str) -> Option<&str> {
    let end = line.find(['@', ':'])?;
    let path = &line[..end];
    path.ends_with(".article").then_some(path)
}
