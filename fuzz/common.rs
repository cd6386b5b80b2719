//! Shared by the fuzz targets and the reliability tests: a small corpus built from the
//! seeds, and checks that every range a feature returns is a real place in its file.
//!
//! The checks panic with a message on any violation: in a fuzz target a panic is the
//! finding; in a test it is the failure.

#![allow(dead_code)]

use dateline::corpus::Corpus;
use dateline::ide;
use dateline::position::{Encoding, LineIndex, Position};
use dateline::temporal::CalendarDate;
use dateline::text::TextRange;
use std::sync::Arc;

pub const REGISTRY: &str = include_str!("../seeds/actors.toml");
pub const SEED_ARTICLES: [(&str, &str); 3] = [
    (
        "001_8af3ff2e160be067.article",
        include_str!("../seeds/001_8af3ff2e160be067.article"),
    ),
    (
        "004_d6eac129bc59381f.article",
        include_str!("../seeds/004_d6eac129bc59381f.article"),
    ),
    (
        "summary-belarus-mobilization.article",
        include_str!("../seeds/summary-belarus-mobilization.article"),
    ),
];

pub const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// A fixed "today", so that runs are reproducible and the future-date check is exercised.
pub fn today() -> Option<CalendarDate> {
    CalendarDate::day(2024, 6, 1)
}

/// The seed registry and a few seed articles.
pub fn seed_corpus() -> Corpus {
    let mut corpus = Corpus::new(today());
    let mut files = vec![("actors.toml".to_string(), Arc::from(REGISTRY))];
    for (path, text) in SEED_ARTICLES {
        files.push((path.to_string(), Arc::from(text)));
    }
    corpus.set_files(files);
    corpus
}

/// The text of any file of the corpus, with its line index (what the server converts with).
pub fn text_and_index<'a>(corpus: &'a Corpus, path: &str) -> Option<(&'a str, LineIndex)> {
    let text = corpus.text(path)?;
    Some((text, LineIndex::new(text)))
}

/// `range` lies inside `text` and both ends fall on character boundaries.
pub fn check_range(text: &str, range: TextRange, what: &str) {
    check_range_in(text, &LineIndex::new(text), range, what);
}

/// [`check_range`] with the text's line index at hand.
pub fn check_range_in(text: &str, index: &LineIndex, range: TextRange, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} is not inside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} cuts a character"
    );
    round_trip_in(text, index, range.start, what);
    round_trip_in(text, index, range.end, what);
}

/// A byte offset becomes a position and back in every encoding: the same offset, except
/// that offsets inside a line terminator come back as the end of their line.
pub fn check_offset_round_trip(text: &str, offset: usize, what: &str) {
    round_trip_in(text, &LineIndex::new(text), offset, what);
}

fn round_trip_in(text: &str, index: &LineIndex, offset: usize, what: &str) {
    for encoding in ENCODINGS {
        let position = index.position(text, offset, encoding);
        let back = index.offset(text, position, encoding);
        let line_end = index
            .line_range(text, position.line as usize)
            .map(|line| line.end)
            .unwrap_or(text.len());
        let expected = offset.min(line_end);
        assert_eq!(
            back, expected,
            "{what}: offset {offset} → {position:?} ({encoding:?}) → {back}"
        );
    }
}

/// Ranges of one file in text order and not overlapping (what the protocol's
/// delta-encoded semantic tokens need).
pub fn check_ordered(ranges: &[TextRange], what: &str) {
    for pair in ranges.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}: {:?} and {:?} are out of order or overlap",
            pair[0],
            pair[1]
        );
    }
}

/// Checks ranges in any file of a corpus, indexing each file once.
struct Files<'a> {
    corpus: &'a Corpus,
    indexes: std::collections::HashMap<String, LineIndex>,
}

impl<'a> Files<'a> {
    fn new(corpus: &'a Corpus) -> Self {
        Files {
            corpus,
            indexes: std::collections::HashMap::new(),
        }
    }

    fn check(&mut self, path: &str, range: TextRange, what: &str) {
        // Targets in files the corpus does not hold (a registry to be created) are not
        // positions in any text.
        let Some(text) = self.corpus.text(path) else {
            return;
        };
        let index = self
            .indexes
            .entry(path.to_string())
            .or_insert_with(|| LineIndex::new(text));
        check_range_in(text, index, range, what);
    }
}

/// Every diagnostic of every file lies inside its file.
pub fn check_all_diagnostics(corpus: &Corpus) {
    let mut files = Files::new(corpus);
    for path in corpus.paths() {
        for diagnostic in corpus.diagnostics(&path) {
            files.check(&path, diagnostic.range, diagnostic.code.as_str());
        }
    }
}

/// Runs every editor feature of `path` at `at` (an editor position, converted as the
/// server converts it) and `selection`, and checks every range that comes back.
pub fn exercise_features(
    corpus: &Corpus,
    path: &str,
    at: Position,
    selection: (Position, Position),
    encoding: Encoding,
    new_name: &str,
) {
    let Some((text, index)) = text_and_index(corpus, path) else {
        return;
    };
    let mut files = Files::new(corpus);
    // Whole-file features.
    for diagnostic in corpus.diagnostics(path) {
        check_range_in(text, &index, diagnostic.range, "diagnostic");
    }
    let tokens = ide::semantic::semantic_tokens(corpus, path, None);
    let token_ranges: Vec<TextRange> = tokens.iter().map(|(range, _)| *range).collect();
    for range in &token_ranges {
        check_range_in(text, &index, *range, "semantic token");
    }
    check_ordered(&token_ranges, "semantic tokens");
    for symbol in ide::symbols::document_symbols(corpus, path) {
        check_symbol(text, &index, &symbol);
    }
    for (range, _) in ide::folding::folding_ranges(corpus, path) {
        check_range_in(text, &index, range, "folding range");
    }
    for lens in ide::code_lens::code_lenses(corpus, path) {
        check_range_in(text, &index, lens.range, "code lens");
    }

    // Selection features: the selection converts as the server converts it (clamped).
    let selected = TextRange::new(
        index.offset(text, selection.0, encoding),
        index.offset(text, selection.1, encoding),
    );
    check_range_in(text, &index, selected, "selection");
    let visible = ide::semantic::semantic_tokens(corpus, path, Some(selected));
    let visible: Vec<TextRange> = visible.iter().map(|(range, _)| *range).collect();
    check_ordered(&visible, "semantic tokens in range");
    for range in visible {
        check_range_in(text, &index, range, "semantic token in range");
    }
    for hint in ide::inlay::inlay_hints(corpus, path, selected) {
        check_range_in(text, &index, TextRange::empty(hint.offset), "inlay hint");
    }
    for action in ide::code_actions::code_actions(corpus, path, selected) {
        if let Some(range) = action.fixes_range {
            check_range_in(text, &index, range, "code action diagnostic");
        }
        for edit in &action.edits {
            if !action.creates.contains(&edit.path) {
                files.check(&edit.path, edit.range, "code action edit");
            }
        }
    }

    // Position features: positions outside the text get nothing, as in the server.
    let Some(offset) = index.offset_exact(text, at, encoding) else {
        return;
    };
    check_range_in(text, &index, TextRange::empty(offset), "request offset");
    if let Some(card) = ide::hover::hover(corpus, path, offset) {
        check_range_in(text, &index, card.range, "hover");
    }
    for target in ide::navigation::definition(corpus, path, offset) {
        files.check(target.path, target.range, "definition");
    }
    for include in [false, true] {
        for target in ide::navigation::references(corpus, path, offset, include) {
            files.check(target.path, target.range, "reference");
        }
    }
    for range in ide::navigation::highlights(corpus, path, offset) {
        check_range_in(text, &index, range, "highlight");
    }
    for item in ide::completion::completions(corpus, path, offset) {
        check_range_in(text, &index, item.replace, "completion replace range");
    }
    if let Ok((range, _)) = ide::rename::prepare_rename(corpus, path, offset) {
        check_range_in(text, &index, range, "prepare rename");
    }
    if let Ok(edits) = ide::rename::rename(corpus, path, offset, new_name) {
        for edit in edits {
            files.check(&edit.path, edit.range, "rename edit");
        }
    }
    if let Some((range, _, _)) = ide::symbol::symbol_at(corpus, path, offset) {
        check_range_in(text, &index, range, "symbol");
    }
}

fn check_symbol(text: &str, index: &LineIndex, symbol: &ide::symbols::OutlineSymbol) {
    check_range_in(text, index, symbol.range, "document symbol");
    check_range_in(text, index, symbol.selection, "document symbol selection");
    for child in &symbol.children {
        check_symbol(text, index, child);
    }
}

/// Corpus-wide features: workspace symbols and the timeline.
pub fn exercise_workspace(corpus: &Corpus, query: &str) {
    let mut files = Files::new(corpus);
    for symbol in ide::symbols::workspace_symbols(corpus, query, 50) {
        files.check(&symbol.path, symbol.range, "workspace symbol");
    }
    let filter = ide::timeline::TimelineFilter::default();
    for entry in ide::timeline::timeline(corpus, &filter) {
        files.check(&entry.path, entry.range, "timeline entry");
    }
}
