//! Fuzz target: the registry parser, the alias matcher built from what it accepts, and a
//! corpus whose registry is the input (cross-registry checks, re-analysis of articles).

#![no_main]

#[path = "../common.rs"]
mod common;

use dateline::actors::{parse_registry, AliasMatcher};
use dateline::corpus::Corpus;
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

static BASE: OnceLock<Corpus> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let registry = parse_registry(&text);
    for diagnostic in &registry.diagnostics {
        common::check_range(&text, diagnostic.range, diagnostic.code.as_str());
    }
    for actor in &registry.actors {
        common::check_range(&text, actor.id.range, "id");
        common::check_range(&text, actor.id.inner_range(), "id inside quotes");
        for form in actor.forms() {
            common::check_range(&text, form.range, "form");
        }
    }
    let actors = registry.listed();
    let matcher = AliasMatcher::from_actors(&actors);
    for haystack in [text.as_ref(), common::SEED_ARTICLES[0].1] {
        let mentions = matcher.find(haystack);
        for mention in &mentions {
            common::check_range(haystack, mention.range, "mention");
            assert!(mention.actor < actors.len(), "mention of no actor");
        }
        let ranges: Vec<_> = mentions.iter().map(|mention| mention.range).collect();
        common::check_ordered(&ranges, "mentions");
    }

    // The input as the corpus registry, replacing the seed one: the last good version
    // stays in use when the input does not parse.
    let mut corpus = BASE.get_or_init(common::seed_corpus).clone();
    corpus.set_file("actors.toml", Arc::from(text.as_ref()));
    common::check_all_diagnostics(&corpus);
});
