//! In-process throughput of the analysis stages (divan): parsing (header, paragraphs,
//! sentence splitting, citations), sentence splitting alone, date recognition, mention
//! matching, claims, unknown names, and the whole per-article analysis, each over the
//! same sample of a generated corpus.
//!
//! The sample is read from `DATELINE_BENCH_CORPUS` (default `target/bench-corpus`, made by
//! `scripts/bench.sh` or `cargo run --release --example gen_corpus`); without it the seed
//! corpus is used. Throughput is reported in bytes of article text.

use dateline::actors::{parse_registry, AliasMatcher};
use dateline::article;
use dateline::claims::{self, ActorMention};
use dateline::config::Config;
use dateline::corpus::analyze_article;
use dateline::temporal::find_temporal;
use dateline::text::TextRange;
use divan::counter::BytesCount;
use divan::Bencher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// About 2 MB of articles: large enough to be representative, small enough to iterate.
const SAMPLE_BYTES: usize = 2_000_000;

struct Sample {
    texts: Vec<Arc<str>>,
    bytes: usize,
    matcher: AliasMatcher,
    /// The registry's text, to time building the matcher.
    registry_text: String,
}

fn articles_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // The single large and small articles are for editing benchmarks, not here.
            if path.file_name().is_some_and(|name| name != "single") {
                articles_under(&path, out);
            }
        } else if path.extension().is_some_and(|ext| ext == "article") {
            out.push(path);
        }
    }
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let generated = std::env::var_os("DATELINE_BENCH_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/bench-corpus"));
        let dir = if generated.join("actors.toml").is_file() {
            generated
        } else {
            root.join("seeds")
        };
        let registry = std::fs::read_to_string(dir.join("actors.toml")).unwrap_or_default();
        let registry = parse_registry(&registry);
        let actors = registry.listed();
        let matcher = AliasMatcher::from_actors(&actors);
        let registry_text = std::fs::read_to_string(dir.join("actors.toml")).unwrap_or_default();
        let mut paths = Vec::new();
        articles_under(&dir, &mut paths);
        let mut texts = Vec::new();
        let mut bytes = 0;
        for path in paths {
            if bytes >= SAMPLE_BYTES {
                break;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                bytes += text.len();
                texts.push(Arc::from(text));
            }
        }
        Sample {
            texts,
            bytes,
            matcher,
            registry_text,
        }
    })
}

fn main() {
    let sample = sample();
    eprintln!(
        "sample: {} articles, {:.2} MB, {} alias forms, {} keys of generated forms",
        sample.texts.len(),
        sample.bytes as f64 / 1e6,
        sample.matcher.forms().count(),
        sample.matcher.generated_len()
    );
    divan::main();
}

#[divan::bench]
fn parse(bencher: Bencher) {
    let sample = sample();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        sample
            .texts
            .iter()
            .map(|text| article::parse(text).paragraphs.len())
            .sum::<usize>()
    });
}

/// The sentence splitter alone, over every paragraph of the sample (it is a part of
/// [`parse`], which also reads headers, lines, citations and annotations).
#[divan::bench]
fn sentences(bencher: Bencher) {
    let sample = sample();
    let prepared: Vec<_> = sample
        .texts
        .iter()
        .map(|text| {
            let parsed = article::parse(text);
            let markup = parsed.markup_ranges();
            let paragraphs: Vec<TextRange> = parsed
                .paragraphs
                .iter()
                .map(|paragraph| paragraph.range)
                .collect();
            (text.clone(), paragraphs, markup)
        })
        .collect();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        prepared
            .iter()
            .flat_map(|(text, paragraphs, markup)| {
                paragraphs
                    .iter()
                    .map(|&paragraph| article::split_sentences(text, paragraph, markup).len())
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn dates(bencher: Bencher) {
    let sample = sample();
    let prepared: Vec<_> = sample
        .texts
        .iter()
        .map(|text| (text.clone(), article::parse(text)))
        .collect();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        prepared
            .iter()
            .map(|(text, parsed)| {
                find_temporal(parsed.body.slice(text), parsed.header.date()).len()
            })
            .sum::<usize>()
    });
}

/// The registry's matcher built: the automaton of the forms as written alone, and with
/// the keys of every form and case form (what a registry change costs).
#[divan::bench(args = [false, true])]
fn matcher_build(bencher: Bencher, generated: bool) {
    let registry = parse_registry(&sample().registry_text);
    let actors = registry.listed();
    bencher.bench(|| {
        if generated {
            AliasMatcher::from_actors(&actors).generated_len()
        } else {
            AliasMatcher::new(actors.iter().enumerate().flat_map(|(index, actor)| {
                actor.forms().map(move |form| (index, form.value.as_str()))
            }))
            .forms()
            .count()
        }
    });
}

#[divan::bench]
fn mentions(bencher: Bencher) {
    let sample = sample();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        sample
            .texts
            .iter()
            .map(|text| sample.matcher.find(text).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn claims(bencher: Bencher) {
    let sample = sample();
    let config = Config::default();
    let prepared: Vec<_> = sample
        .texts
        .iter()
        .map(|text| {
            let parsed = article::parse(text);
            let timexes = find_temporal(text, parsed.header.date());
            let mentions: Vec<ActorMention> = sample
                .matcher
                .find(text)
                .into_iter()
                .map(|mention| ActorMention {
                    range: mention.range,
                    actor: mention.actor,
                    person: sample.matcher.names_a_person(mention.actor),
                })
                .collect();
            (text.clone(), parsed, timexes, mentions)
        })
        .collect();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        prepared
            .iter()
            .map(|(text, parsed, timexes, mentions)| {
                claims::find_claims(text, parsed, timexes, mentions, &config, None).len()
            })
            .sum::<usize>()
    });
}

/// Capitalised names no actor matches (the `unknown-actor` hints' candidates).
#[divan::bench]
fn names(bencher: Bencher) {
    let sample = sample();
    let prepared: Vec<_> = sample
        .texts
        .iter()
        .map(|text| {
            let known: Vec<TextRange> = sample
                .matcher
                .find(text)
                .into_iter()
                .map(|mention| mention.range)
                .collect();
            (text.clone(), article::parse(text), known)
        })
        .collect();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        prepared
            .iter()
            .map(|(text, parsed, known)| dateline::names::unknown_names(text, parsed, known).len())
            .sum::<usize>()
    });
}

/// Everything one article costs: parse, dates, mentions, claims, names, diagnostics.
#[divan::bench]
fn analyze_article_whole(bencher: Bencher) {
    let sample = sample();
    let config = Config::default();
    bencher.counter(BytesCount::new(sample.bytes)).bench(|| {
        sample
            .texts
            .iter()
            .map(|text| {
                analyze_article("a.article", text.clone(), &config, &sample.matcher, None)
                    .diagnostics
                    .len()
            })
            .sum::<usize>()
    });
}
