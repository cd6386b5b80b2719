//! Property tests: incremental edits through `lsp::OpenDocument` equal the same edits on a
//! `String` and re-analysis equals analysis from scratch; re-analysing only the blocks an
//! edit touched (`corpus::reanalyze_article`) gives exactly what a full analysis gives; every range any feature returns
//! is a real place in its document in every position encoding; byte ↔ UTF-16 positions
//! round-trip. Texts mix curly quotes, dashes, Cyrillic, emoji, CRLF and lone CR.
//!
//! Case counts are kept small so that `cargo test` stays fast; `PROPTEST_CASES=2000 cargo
//! test --test properties` runs longer.

#[path = "../fuzz/common.rs"]
mod common;

use dateline::corpus::Corpus;
use dateline::lsp::{Applied, Change, OpenDocument};
use dateline::position::{Encoding, LineIndex, Position};
use dateline::text::TextRange;
use proptest::prelude::*;
use std::sync::{Arc, OnceLock};

/// Pieces that texts are made of: article syntax, names the seed registry knows, dates the
/// recognizer reads, and the characters that break naive column arithmetic.
const FRAGMENTS: &[&str] = &[
    "Title: Belarus denies\n",
    "Source: Reuters\n",
    "Date: 2022-09-29\n",
    "Id: doc\n",
    "URL: https://example.org/a\n",
    "---\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    ". ",
    ", ",
    "said",
    " said ",
    "Lukashenka",
    "Lukashenko’s",
    "Belarus",
    "Лукашенко",
    "Беларусь",
    "Defense Ministry",
    "“",
    "”",
    "’",
    "—",
    "–",
    "🇧🇾",
    "😀",
    "é",
    "on Thursday",
    "last Wednesday",
    "19 February",
    "in late September",
    "a few days ago",
    "[@",
    "jpost-2022-09-29-belarus-denies",
    "]",
    "{date: 2022-10-08}",
    "{undated-ok}",
    "{date: ",
    "Kind: summary\n",
    "Date: 2022-13\n",
    "announced",
    "The ministry",
    "x",
    "7",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..max).prop_map(|parts| parts.concat())
}

fn encoding_strategy() -> impl Strategy<Value = Encoding> {
    prop::sample::select(&common::ENCODINGS[..])
}

fn position_strategy() -> impl Strategy<Value = Position> {
    (0u32..12, 0u32..90).prop_map(|(line, character)| Position { line, character })
}

#[derive(Debug, Clone)]
struct Edit {
    range: Option<(Position, Position)>,
    text: String,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        prop::option::weighted(0.95, (position_strategy(), position_strategy())),
        text_strategy(4),
    )
        .prop_map(|(range, text)| Edit { range, text })
}

/// The same edit on a plain string, positions converted by `LineIndex` (which clamps the
/// way the document's rope does).
fn apply_to_string(text: &mut String, edit: &Edit, encoding: Encoding) {
    match edit.range {
        None => *text = edit.text.clone(),
        Some((start, end)) => {
            let index = LineIndex::new(text);
            let range = TextRange::new(
                index.offset(text, start, encoding),
                index.offset(text, end, encoding),
            );
            text.replace_range(range.start..range.end, &edit.text);
        }
    }
}

fn base() -> Corpus {
    static BASE: OnceLock<Corpus> = OnceLock::new();
    BASE.get_or_init(common::seed_corpus).clone()
}

/// Everything the analysis says about one file, comparable.
fn analysis(corpus: &Corpus, path: &str) -> String {
    let file = corpus.article(path).expect("an article");
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        corpus.diagnostics(path),
        file.article,
        file.timexes,
        file.mentions,
        file.claims,
        file.unknown_names
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn incremental_edits_equal_string_edits_and_fresh_analysis(
        initial in text_strategy(30),
        batches in prop::collection::vec(prop::collection::vec(edit_strategy(), 1..4), 1..8),
        encoding in encoding_strategy(),
    ) {
        let path = "doc.article";
        let mut document = OpenDocument::new(1, initial.as_str());
        let mut expected = initial.clone();
        let mut incremental = base();
        incremental.set_file(path, Arc::from(initial.as_str()));
        for (number, batch) in batches.iter().enumerate() {
            let changes = batch
                .iter()
                .map(|edit| Change { range: edit.range, text: edit.text.clone() })
                .collect();
            let version = number as i32 + 2;
            prop_assert_eq!(document.apply(version, changes, encoding), Applied::Applied);
            for edit in batch {
                apply_to_string(&mut expected, edit, encoding);
            }
            prop_assert_eq!(&*document.shared_text(), expected.as_str());
            // As the server does: hand each new text to the corpus.
            incremental.set_file(path, document.shared_text());
        }
        let mut fresh = base();
        fresh.set_file(path, Arc::from(expected.as_str()));
        prop_assert_eq!(analysis(&incremental, path), analysis(&fresh, path));
    }

    #[test]
    fn versions_out_of_order_end_in_the_same_text(
        initial in text_strategy(20),
        batch in prop::collection::vec(edit_strategy(), 2..6),
        seed in any::<u64>(),
        encoding in encoding_strategy(),
    ) {
        let mut in_order = OpenDocument::new(1, initial.as_str());
        for (number, edit) in batch.iter().enumerate() {
            let change = Change { range: edit.range, text: edit.text.clone() };
            in_order.apply(number as i32 + 2, vec![change], encoding);
        }
        // A deterministic shuffle of the same versioned batches.
        let mut shuffled: Vec<(i32, Edit)> = batch
            .iter()
            .cloned()
            .enumerate()
            .map(|(number, edit)| (number as i32 + 2, edit))
            .collect();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut out_of_order = OpenDocument::new(1, initial.as_str());
        for (version, edit) in shuffled {
            let change = Change { range: edit.range, text: edit.text };
            out_of_order.apply(version, vec![change], encoding);
        }
        prop_assert_eq!(out_of_order.shared_text(), in_order.shared_text());
        prop_assert_eq!(out_of_order.version, in_order.version);
    }

}

proptest! {
    // Each case runs every feature at a few positions in three encodings: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_range_is_inside_the_document_in_every_encoding(
        text in text_strategy(40),
        registry_tail in text_strategy(3),
        positions in prop::collection::vec((position_strategy(), position_strategy(), position_strategy()), 1..4),
    ) {
        let mut corpus = base();
        corpus.set_file("doc.article", Arc::from(text.as_str()));
        // Sometimes a broken registry edit: the last good one stays in use.
        if !registry_tail.is_empty() {
            let registry = format!("{}\n{registry_tail}", common::REGISTRY);
            corpus.set_file("actors.toml", Arc::from(registry.as_str()));
        }
        common::check_all_diagnostics(&corpus);
        for encoding in common::ENCODINGS {
            for (at, from, to) in &positions {
                common::exercise_features(&corpus, "doc.article", *at, (*from, *to), encoding, "new-id");
                common::exercise_features(&corpus, "actors.toml", *at, (*from, *to), encoding, "new-id");
            }
        }
        common::exercise_workspace(&corpus, "bel");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_span_is_the_positions_of_its_ends(text in text_strategy(40), a in 0usize..60, b in 0usize..60) {
        let index = LineIndex::new(&text);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let range = TextRange::new(a.min(b), a.max(b));
            let span = index.span(&text, range, encoding);
            prop_assert_eq!(span.start, index.position(&text, range.start, encoding));
            prop_assert_eq!(span.end, index.position(&text, range.end, encoding));
        }
    }

    #[test]
    fn a_cursor_converts_ranges_in_any_order_as_positions_do(
        text in text_strategy(40),
        ranges in prop::collection::vec((0usize..60, 0usize..60), 0..12),
        sorted in any::<bool>(),
    ) {
        let index = LineIndex::new(&text);
        let mut ranges: Vec<TextRange> =
            ranges.into_iter().map(|(a, b)| TextRange::new(a.min(b), a.max(b))).collect();
        if sorted {
            ranges.sort_by_key(|range| range.start);
        }
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let mut cursor = index.cursor(&text, encoding);
            for &range in &ranges {
                let span = cursor.span(range);
                prop_assert_eq!(span.start, index.position(&text, range.start, encoding));
                prop_assert_eq!(span.end, index.position(&text, range.end, encoding));
            }
        }
    }

    #[test]
    fn byte_offsets_and_positions_round_trip(text in text_strategy(40)) {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&offset| text.is_char_boundary(offset)) {
            common::check_offset_round_trip(&text, offset, "offset");
        }
        // Every UTF-16 position of every line maps to a byte offset and back to itself,
        // except a column inside a surrogate pair, which lands on the character's start.
        for line in 0..index.line_count() {
            let range = index.line_range(&text, line).expect("a line");
            let mut column = 0u32;
            for ch in range.slice(&text).chars().chain(std::iter::once('\n')) {
                let position = Position { line: line as u32, character: column };
                let offset = index.offset(&text, position, Encoding::Utf16);
                prop_assert_eq!(index.position(&text, offset, Encoding::Utf16), position);
                if ch.len_utf16() == 2 {
                    let inside = Position { line: line as u32, character: column + 1 };
                    prop_assert_eq!(index.offset(&text, inside, Encoding::Utf16), offset);
                }
                column += ch.len_utf16() as u32;
            }
            let past = Position { line: line as u32, character: column + 5 };
            prop_assert_eq!(index.offset(&text, past, Encoding::Utf16), range.end);
            prop_assert_eq!(index.offset_exact(&text, past, Encoding::Utf16), None);
        }
    }
}

/// Pieces inserted by the edits of the incremental analysis test: line breaks of every
/// kind and blank lines (which move paragraph boundaries), headings, dates, cues, names
/// of the seed registry, markup, quotes and multi-byte characters.
const EDIT_PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    " \n \n",
    "\n---\n",
    "\nRead also\n",
    " ",
    ". ",
    "said",
    " said ",
    " was ",
    "scheduled to",
    " will ",
    "Lukashenka",
    "Lukashenko’s",
    "Belarus",
    "Лукашенко",
    "Alexander ",
    "Aliaksandr ",
    "Defense Ministry",
    "Ministry of Defence",
    "“",
    "”",
    "—",
    "🇧🇾",
    "é",
    "on Thursday",
    "last Wednesday",
    "19 February",
    "in late September",
    "a few days ago",
    "[@",
    "[@jpost-2022-09-29-belarus-denies]",
    "]",
    "{date: 2022-10-08}",
    "{undated-ok}",
    "{date: ",
    "Source: Reuters\n",
    "Date: 2023-01-02",
    "announced",
    "The ministry",
    "x",
    "7",
    "Mr. Smith",
    "Gen.",
];

/// An edit at a fraction of the text: delete up to `delete` bytes there, insert `insert`.
#[derive(Debug, Clone)]
struct ByteEdit {
    at: f64,
    delete: usize,
    insert: String,
}

fn byte_edit_strategy() -> impl Strategy<Value = ByteEdit> {
    edits_of(EDIT_PIECES, 400, 4)
}

/// Edits that delete up to `longest_delete` bytes and insert fewer than `most_pieces` of
/// `pieces`.
fn edits_of(
    pieces: &'static [&'static str],
    longest_delete: usize,
    most_pieces: usize,
) -> impl Strategy<Value = ByteEdit> {
    (
        0.0f64..=1.0,
        prop_oneof![3 => Just(0usize), 2 => 0usize..40, 1 => 0usize..longest_delete],
        prop::collection::vec(prop::sample::select(pieces), 0..most_pieces),
    )
        .prop_map(|(at, delete, pieces)| ByteEdit {
            at,
            delete,
            insert: pieces.concat(),
        })
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply_byte_edit(text: &str, edit: &ByteEdit) -> String {
    let start = floor_boundary(text, (text.len() as f64 * edit.at) as usize);
    let end = floor_boundary(text, start + edit.delete).max(start);
    format!("{}{}{}", &text[..start], edit.insert, &text[end..])
}

/// Texts to edit: the seed articles, and generated ones with a header (bare or fenced).
fn article_strategy() -> impl Strategy<Value = String> {
    let seeds: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("the seeds")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "article").then(|| std::fs::read_to_string(path).ok())?
        })
        .collect();
    prop_oneof![
        prop::sample::select(seeds),
        (
            any::<bool>(),
            prop::collection::vec(text_strategy(12), 1..12)
        )
            .prop_map(|(fenced, paragraphs)| {
                let header = "Source: Reuters\nDate: 2022-09-29\n";
                let header = if fenced {
                    format!("---\n{header}---\n")
                } else {
                    format!("{header}\n")
                };
                format!("{header}{}", paragraphs.join("\n\n"))
            }),
    ]
}

fn seed_matcher() -> &'static dateline::actors::AliasMatcher {
    static MATCHER: OnceLock<dateline::actors::AliasMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let registry = dateline::actors::parse_registry(common::REGISTRY);
        dateline::actors::AliasMatcher::from_actors(&registry.listed())
    })
}

/// Edits `initial` by `edits` one after the other, each time analysing the new text by
/// the blocks the edit touched and whole, and fails unless both give the same.
fn reanalysis_equals_full_analysis(
    initial: String,
    edits: &[ByteEdit],
    scope: dateline::config::DateScope,
) -> Result<(), TestCaseError> {
    use dateline::corpus::{analyze_article, reanalyze_article};
    let config = dateline::config::Config {
        date_scope: scope,
        ..Default::default()
    };
    let matcher = seed_matcher();
    let path = "doc.article";
    let mut file = analyze_article(
        path,
        Arc::from(initial.as_str()),
        &config,
        matcher,
        common::today(),
    );
    let mut text = initial;
    for edit in edits {
        text = apply_byte_edit(&text, edit);
        file = reanalyze_article(
            file,
            Arc::from(text.as_str()),
            &config,
            matcher,
            common::today(),
        );
        let fresh = analyze_article(
            path,
            Arc::from(text.as_str()),
            &config,
            matcher,
            common::today(),
        );
        prop_assert_eq!(&file, &fresh);
        // Mentions carry their place, which the reanalysis moves without the text.
        for mention in &file.mentions {
            let counted = file
                .line_index
                .span(&file.text, mention.range(), Encoding::Utf16);
            prop_assert_eq!(mention.utf16(), Some(counted));
        }
    }
    Ok(())
}

/// Sentences whose speaker a pronoun in the next paragraph may name: an edit in one
/// paragraph can change the claims of the paragraphs after it.
const SPEAKER_SENTENCES: &[&str] = &[
    "Lukashenka said the army was ready. ",
    "Aliaksandr Lukashenka announced joint drills on Thursday. ",
    "He added that the talks would go on. ",
    "He said nothing had changed. ",
    "She said the border was closed. ",
    "“We are ready,” he said. ",
    "The ministry said troops moved last Wednesday. ",
    "Belarus denied the report. ",
    "It was cold. ",
];

/// Pieces the edits of speaker chains insert: names, pronouns and paragraph breaks.
const SPEAKER_EDIT_PIECES: &[&str] = &[
    "Lukashenka said ",
    "He said ",
    "he added",
    "The ministry said ",
    "\n\n",
    ". ",
    "x",
    "on Thursday",
];

fn speaker_article_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(SPEAKER_SENTENCES), 1..4),
        1..14,
    )
    .prop_map(|paragraphs| {
        let body: Vec<String> = paragraphs
            .iter()
            .map(|sentences| sentences.concat())
            .collect();
        format!(
            "Source: Reuters\nDate: 2022-09-29\n\n{}\n",
            body.join("\n\n")
        )
    })
}

fn speaker_edit_strategy() -> impl Strategy<Value = ByteEdit> {
    edits_of(SPEAKER_EDIT_PIECES, 200, 3)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn reanalysis_of_the_touched_blocks_equals_full_analysis(
        initial in article_strategy(),
        edits in prop::collection::vec(byte_edit_strategy(), 1..6),
        scope in prop::sample::select(vec![
            dateline::config::DateScope::Paragraph,
            dateline::config::DateScope::Sentence,
        ]),
    ) {
        reanalysis_equals_full_analysis(initial, &edits, scope)?;
    }

    #[test]
    fn reanalysis_across_paragraphs_that_carry_a_speaker_equals_full_analysis(
        initial in speaker_article_strategy(),
        edits in prop::collection::vec(speaker_edit_strategy(), 1..6),
        scope in prop::sample::select(vec![
            dateline::config::DateScope::Paragraph,
            dateline::config::DateScope::Sentence,
        ]),
    ) {
        reanalysis_equals_full_analysis(initial, &edits, scope)?;
    }

    #[test]
    fn a_corpus_taking_edits_equals_a_corpus_taking_the_last_text(
        initial in article_strategy(),
        edits in prop::collection::vec(byte_edit_strategy(), 1..6),
    ) {
        let path = "doc.article";
        let mut edited = base();
        edited.set_file(path, Arc::from(initial.as_str()));
        // Every name any version used: names an edit took away must be forgotten too.
        let mut names: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        let mut note_names = |corpus: &Corpus| {
            let file = corpus.article(path).expect("an article");
            names.extend(file.distinct_names().into_iter().map(str::to_string));
        };
        note_names(&edited);
        let mut text = initial;
        for edit in &edits {
            text = apply_byte_edit(&text, edit);
            edited.set_file(path, Arc::from(text.as_str()));
            note_names(&edited);
        }
        let mut fresh = base();
        fresh.set_file(path, Arc::from(text.as_str()));
        prop_assert_eq!(edited.article(path), fresh.article(path));
        prop_assert_eq!(edited.diagnostics(path), fresh.diagnostics(path));
        for name in &names {
            prop_assert_eq!(edited.unknown_name_articles(name), fresh.unknown_name_articles(name));
        }
        for actor in 0..fresh.actors().len() {
            // The index holds the current file itself, not an earlier version of it.
            for (file, _) in edited.articles_mentioning(actor) {
                let current = edited.indexed_article(&file.path).expect("an indexed article");
                prop_assert!(Arc::ptr_eq(file, current), "a stale file for actor {}", actor);
            }
            let edited_counts: Vec<(String, usize)> = edited
                .articles_mentioning(actor)
                .map(|(file, count)| (file.path.clone(), count))
                .collect();
            let fresh_counts: Vec<(String, usize)> = fresh
                .articles_mentioning(actor)
                .map(|(file, count)| (file.path.clone(), count))
                .collect();
            prop_assert_eq!(edited_counts, fresh_counts);
        }
    }
}

/// Three articles that cite each other by id, may share ids and URLs, and use unknown
/// names the others use too: whatever one of them does can change the others' diagnostics.
const LINKED_PATHS: [&str; 3] = ["a.article", "b.article", "c.article"];

/// Every file whose diagnostics the stamp test compares.
const STAMPED_PATHS: [&str; 5] = [
    "a.article",
    "b.article",
    "c.article",
    "actors.toml",
    "dateline.toml",
];

const LINKED_PIECES: &[&str] = &[
    "[@a]",
    "[@b]",
    "[@c]",
    "[@gone]",
    "Hrodna",
    "Mazyr",
    "Maria Kolesnikova",
    "Lukashenka",
    "Aliaksandr Lukashenka",
    " said ",
    " met ",
    "on Thursday",
    ". ",
    ", ",
    "\n\n",
    "—",
];

fn linked_article_strategy() -> impl Strategy<Value = String> {
    (
        prop::option::of(prop::sample::select(vec!["a", "b", "c"])),
        prop::option::of(prop::sample::select(vec!["1", "2"])),
        prop::collection::vec(prop::sample::select(LINKED_PIECES), 0..24),
    )
        .prop_map(|(id, url, pieces)| {
            let mut header = String::from("Source: Reuters\nDate: 2022-09-29\n");
            if let Some(id) = id {
                header.push_str(&format!("Id: {id}\n"));
            }
            if let Some(url) = url {
                header.push_str(&format!("URL: https://example.org/{url}\n"));
            }
            format!("{header}\n{}", pieces.concat())
        })
}

#[derive(Debug, Clone)]
enum CorpusChange {
    Set(usize, String),
    Edit(usize, ByteEdit),
    Remove(usize),
    Skip(usize),
    Registry(Option<&'static str>),
    Config(&'static str),
}

fn corpus_change_strategy() -> impl Strategy<Value = CorpusChange> {
    let registries = vec![
        None,
        Some(common::REGISTRY),
        Some("[[actor]]\nid = \"hrodna\"\nname = \"Hrodna\"\nkind = \"place\"\n"),
        Some("[[actor]\nid = "),
    ];
    let configs = vec!["", "[claims]\ndate_scope = \"sentence\"\n", "[claims\n"];
    prop_oneof![
        4 => (0usize..3, linked_article_strategy()).prop_map(|(i, text)| CorpusChange::Set(i, text)),
        6 => (0usize..3, byte_edit_strategy()).prop_map(|(i, edit)| CorpusChange::Edit(i, edit)),
        1 => (0usize..3).prop_map(CorpusChange::Remove),
        1 => (0usize..3).prop_map(CorpusChange::Skip),
        1 => prop::sample::select(registries).prop_map(CorpusChange::Registry),
        1 => prop::sample::select(configs).prop_map(CorpusChange::Config),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The server skips recomputing an open document's diagnostics while its stamp stays
    /// the same: so a stamp must change whenever the diagnostics could.
    #[test]
    fn diagnostics_do_not_change_while_their_stamp_stays(
        initial in prop::collection::vec(linked_article_strategy(), 3),
        changes in prop::collection::vec(corpus_change_strategy(), 1..12),
    ) {
        let mut corpus = Corpus::new(common::today());
        let mut files = vec![("actors.toml".to_string(), Arc::from(common::REGISTRY))];
        for (path, text) in LINKED_PATHS.iter().zip(&initial) {
            files.push((path.to_string(), Arc::from(text.as_str())));
        }
        corpus.set_files(files);
        let look = |corpus: &Corpus| -> Vec<_> {
            STAMPED_PATHS
                .iter()
                .map(|path| {
                    let diagnostics = match corpus.skip_reason(path) {
                        Some(reason) => format!("skipped: {reason}"),
                        None => format!("{:?}", corpus.diagnostics(path)),
                    };
                    (corpus.diagnostics_stamp(path), diagnostics)
                })
                .collect()
        };
        let mut before = look(&corpus);
        for change in &changes {
            match change {
                CorpusChange::Set(i, text) => {
                    corpus.set_file(LINKED_PATHS[*i], Arc::from(text.as_str()));
                }
                CorpusChange::Edit(i, edit) => {
                    let text = corpus.text(LINKED_PATHS[*i]).unwrap_or("").to_string();
                    let text = apply_byte_edit(&text, edit);
                    corpus.set_file(LINKED_PATHS[*i], Arc::from(text.as_str()));
                }
                CorpusChange::Remove(i) => corpus.remove_file(LINKED_PATHS[*i]),
                CorpusChange::Skip(i) => corpus.mark_skipped(LINKED_PATHS[*i], "binary"),
                CorpusChange::Registry(Some(text)) => {
                    corpus.set_file("actors.toml", Arc::from(*text));
                }
                CorpusChange::Registry(None) => corpus.remove_file("actors.toml"),
                CorpusChange::Config(text) => {
                    corpus.set_file("dateline.toml", Arc::from(*text));
                }
            }
            let after = look(&corpus);
            for ((path, (stamp_before, old)), (stamp_after, new)) in
                STAMPED_PATHS.iter().zip(&before).zip(&after)
            {
                if stamp_before == stamp_after {
                    prop_assert_eq!(old, new, "{} changed under the same stamp after {:?}", path, change);
                }
            }
            before = after;
        }
    }
}
