//! Fuzz target: the article parser and whole-file analysis, alone and inside a corpus
//! with the seed registry and seed articles (cross-file checks, diagnostics).

#![no_main]

#[path = "../common.rs"]
mod common;

use dateline::actors::AliasMatcher;
use dateline::config::Config;
use dateline::corpus::{analyze_article, Corpus};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

static BASE: OnceLock<Corpus> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: Arc<str> = Arc::from(text.as_ref());

    // Alone, with no actors.
    let alone = analyze_article(
        "fuzz.article",
        text.clone(),
        &Config::default(),
        &AliasMatcher::default(),
        common::today(),
    );
    for diagnostic in &alone.diagnostics {
        common::check_range(&text, diagnostic.range, diagnostic.code.as_str());
    }
    for timex in &alone.timexes {
        common::check_range(&text, timex.range, "timex");
    }

    // In a corpus: mentions, citations of and by the seeds, duplicate ids and URLs.
    let mut corpus = BASE.get_or_init(common::seed_corpus).clone();
    corpus.set_file("fuzz.article", text.clone());
    // The same text under a seed's name too: duplicate ids, URLs, re-analysis.
    corpus.set_file(common::SEED_ARTICLES[0].0, text);
    common::check_all_diagnostics(&corpus);
});
