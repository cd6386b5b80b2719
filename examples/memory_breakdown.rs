//! Where the language server's memory goes: loads a corpus the way the server indexes a
//! workspace folder (what `Retention::Index` keeps; with `--everything`, every analysis
//! whole) and prints the heap bytes each structure retains, counted by walking them,
//! beside the allocator's own count of live bytes.
//!
//! ```sh
//! cargo run --release --example memory_breakdown -- target/bench-corpus
//! ```
//!
//! A counting allocator wraps the system one. A structure's own buffers are counted as
//! capacity × element size; what its elements own (strings, inner vectors) is counted by
//! copying each element and reading how much the copy allocated. Texts, line indexes and
//! diagnostic messages are behind `Arc`s and counted once each (16 bytes of counts plus
//! the contents). The corpus's private index maps are copied whole through
//! `Corpus::measure_indexes`. What no row accounts for (spare capacity of vectors inside
//! elements, the alias automaton's internals) is the difference between the allocator's
//! total and the sum of the rows, printed as its own row.

use dateline::article::{Paragraph, Sentence};
use dateline::corpus::{ArticleFile, Corpus, FileMention, Retention};
use dateline::diagnostic::Diagnostic;
use dateline::loader;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::{BTreeMap, HashSet};
use std::mem::size_of;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes live and the most ever live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc(layout);
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc_zeroed(layout);
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        System.dealloc(pointer, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(pointer, layout, new_size);
        if !moved.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// The heap bytes a copy of `value` allocates: what it owns beyond its own size.
fn owned<T: Clone>(value: &T) -> usize {
    let before = live();
    let copy = value.clone();
    let after = live();
    drop(copy);
    after.saturating_sub(before)
}

/// A vector's buffer plus what its elements own.
fn vec_deep<T: Clone>(items: &Vec<T>) -> usize {
    items.capacity() * size_of::<T>() + items.iter().map(owned).sum::<usize>()
}

/// The heap bytes of an `Arc<str>` or `Arc<[T]>`: two counts and the contents.
const ARC_COUNTS: usize = 2 * size_of::<usize>();

/// The process's resident memory now and at its peak, from `/proc/self/status`, in kB.
fn rss_kb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |key: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

#[derive(Default)]
struct Rows {
    bytes: BTreeMap<&'static str, usize>,
    counts: BTreeMap<&'static str, usize>,
    order: Vec<&'static str>,
}

impl Rows {
    fn add(&mut self, name: &'static str, bytes: usize, count: usize) {
        if !self.bytes.contains_key(name) {
            self.order.push(name);
        }
        *self.bytes.entry(name).or_default() += bytes;
        *self.counts.entry(name).or_default() += count;
    }
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn walk_article(file: &ArticleFile, rows: &mut Rows, messages: &mut HashSet<usize>) {
    rows.add(
        "article record (Arc<ArticleFile>)",
        ARC_COUNTS + size_of::<ArticleFile>(),
        1,
    );
    rows.add(
        "texts (Arc<str>)",
        ARC_COUNTS + file.text.len(),
        file.text.len(),
    );
    let lines = file.line_index.line_count();
    rows.add(
        "line indexes (Arc<[usize]>)",
        ARC_COUNTS + lines * size_of::<usize>(),
        lines,
    );
    rows.add(
        "path and id strings of the record",
        file.path.capacity() + file.id.capacity(),
        2,
    );
    let header = &file.article.header.fields;
    rows.add("header fields", vec_deep(header), header.len());
    let paragraphs = &file.article.paragraphs;
    let sentences: usize = paragraphs.iter().map(|p| p.sentences.len()).sum();
    let sentence_bytes: usize = paragraphs
        .iter()
        .map(|p| p.sentences.capacity() * size_of::<Sentence>())
        .sum();
    rows.add(
        "paragraphs (without sentences)",
        paragraphs.capacity() * size_of::<Paragraph>(),
        paragraphs.len(),
    );
    rows.add("sentences", sentence_bytes, sentences);
    rows.add(
        "citations",
        vec_deep(&file.article.citations),
        file.article.citations.len(),
    );
    rows.add(
        "annotations",
        vec_deep(&file.article.annotations),
        file.article.annotations.len(),
    );
    split(rows, "dates (timexes)", &file.timexes);
    rows.add(
        "mentions (FileMention)",
        file.mentions.capacity() * size_of::<FileMention>(),
        file.mentions.len(),
    );
    split(rows, "claims", &file.claims);
    rows.add(
        "dated claims packed for the index (PackedClaims)",
        file.packed_claims.byte_len(),
        file.packed_claims.iter().count(),
    );
    rows.add(
        "unknown names and name variants",
        vec_deep(&file.unknown_names) + vec_deep(&file.name_variants),
        file.unknown_names.len() + file.name_variants.len(),
    );
    for (name, diagnostics) in [
        ("diagnostics", &file.diagnostics),
        ("header diagnostics", &file.article.diagnostics),
    ] {
        let mut bytes = diagnostics.capacity() * size_of::<Diagnostic>();
        for diagnostic in diagnostics {
            // A message shared by several diagnostics is counted once.
            if messages.insert(diagnostic.message.as_ptr() as usize) {
                bytes += ARC_COUNTS + diagnostic.message.len();
            }
        }
        rows.add(name, bytes, diagnostics.len());
    }
    let packed = &file.packed_diagnostics;
    let mut bytes = packed.byte_len() + std::mem::size_of_val(packed.messages());
    for message in packed.messages() {
        if messages.insert(message.as_ptr() as usize) {
            bytes += ARC_COUNTS + message.len();
        }
    }
    rows.add(
        "claims' diagnostics packed for the index (PackedDiagnostics)",
        bytes,
        packed.iter().count(),
    );
    let mut actors: Vec<usize> = file.mentions.iter().map(FileMention::actor).collect();
    actors.sort_unstable();
    actors.dedup();
    rows.add("mentioned_in: actor -> articles (lists)", 0, actors.len());
}

/// Writes the corpus's cache into a file of its own and lets the articles it holds leave
/// their packed claims and diagnostics there (the file is removed at once: the source
/// holds it open, and reads from it only when asked).
fn leave_packed_out(corpus: &mut Corpus) {
    corpus.set_leaves_packed_out(true);
    let file = std::env::temp_dir().join(format!(
        "dateline-memory-breakdown-{}.cache",
        std::process::id()
    ));
    let snapshot = dateline::cache::Snapshot::of(corpus);
    let written = match dateline::cache::save(&file, &snapshot) {
        Ok(written) => written,
        Err(error) => {
            eprintln!("memory_breakdown: cache not written: {error}");
            return;
        }
    };
    let bytes = std::fs::metadata(&file).map_or(0, |metadata| metadata.len());
    // What a server does under the lock of its state once its cache is written.
    let began = std::time::Instant::now();
    let articles = written.leave_out_of(snapshot, corpus);
    let took = began.elapsed();
    let _ = std::fs::remove_file(&file);
    println!(
        "{articles} articles left their packed claims and diagnostics in a cache file of {:.1} MB, in {:.0} ms",
        bytes as f64 / 1e6,
        took.as_secs_f64() * 1000.0
    );
}

/// Adds a vector as two rows: its records, and what they own (strings, inner vectors).
fn split<T: Clone>(rows: &mut Rows, name: &'static str, items: &Vec<T>) {
    let records = items.capacity() * size_of::<T>();
    let owned: usize = items.iter().map(owned).sum();
    let (records_name, owned_name) = match name {
        "claims" => ("claims: records", "claims: what they own"),
        _ => ("dates: records", "dates: what they own"),
    };
    rows.add(records_name, records, items.len());
    rows.add(owned_name, owned, items.len());
}

fn main() {
    // `--everything` keeps every analysis whole, as the server did before it kept only
    // what the index needs of unopened files (`Retention::Index`).
    let everything = std::env::args().any(|arg| arg == "--everything");
    // `--left-out` has the articles leave their packed claims and diagnostics in a cache
    // file written for the purpose, as a server's do once its cache is written.
    let left_out = std::env::args().any(|arg| arg == "--left-out");
    let root = std::env::args_os()
        .skip(1)
        .find(|arg| arg != "--everything" && arg != "--left-out")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-corpus"));
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let start = live();

    // The registries, the configuration and the alias automaton alone, as the server
    // loads them first.
    let settings = {
        let mut corpus = Corpus::new(dateline::clock::today());
        loader::load_settings(&root, &mut corpus);
        let bytes = live() - start;
        drop(corpus);
        bytes
    };

    let began = std::time::Instant::now();
    let mut corpus = Corpus::new(dateline::clock::today());
    if !everything {
        corpus.set_retention(Retention::Index);
        corpus.set_text_source(std::sync::Arc::new(loader::DiskTexts::new(&root)));
    }
    PEAK.store(live(), Ordering::Relaxed);
    loader::load_corpus(&root, &mut corpus, |_| {});
    let loaded = began.elapsed();
    if left_out && !everything {
        leave_packed_out(&mut corpus);
    }
    let total = live() - start;
    let peak = PEAK.load(Ordering::Relaxed) - start;
    let (rss, hwm) = rss_kb();

    let mut rows = Rows::default();
    let mut messages = HashSet::new();
    let mut articles = 0;
    for file in corpus.articles() {
        articles += 1;
        walk_article(file, &mut rows, &mut messages);
    }
    let mut indexes = Vec::new();
    corpus.measure_indexes(&mut |name, copy| {
        let before = live();
        PEAK.store(before, Ordering::Relaxed);
        copy();
        indexes.push((name, PEAK.load(Ordering::Relaxed) - before));
    });
    for (name, bytes) in indexes {
        rows.add(name, bytes, 0);
    }
    rows.add("registries, configuration, alias automaton", settings, 0);
    let counted: usize = rows.bytes.values().sum();

    println!(
        "corpus {}: {articles} articles, loaded in {:.1} s",
        root.display(),
        loaded.as_secs_f64()
    );
    println!(
        "heap live after loading {:.1} MiB, peak while loading {:.1} MiB; \
         process RSS {:.1} MiB, peak RSS {:.1} MiB",
        mib(total),
        mib(peak),
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!(
        "element sizes: claim {} B, date {} B, diagnostic {} B, mention {} B, sentence {} B, paragraph {} B",
        size_of::<dateline::claims::Claim>(),
        size_of::<dateline::temporal::Timex>(),
        size_of::<Diagnostic>(),
        size_of::<FileMention>(),
        size_of::<Sentence>(),
        size_of::<Paragraph>()
    );
    println!();
    println!("| structure | MiB | share of live heap | items | bytes per item |");
    println!("|---|---:|---:|---:|---:|");
    let mut order = rows.order.clone();
    order.sort_by_key(|name| std::cmp::Reverse(rows.bytes[name]));
    for name in order {
        let bytes = rows.bytes[name];
        let count = rows.counts[name];
        let per = if count > 0 {
            format!("{:.1}", bytes as f64 / count as f64)
        } else {
            String::new()
        };
        let items = if count > 0 {
            count.to_string()
        } else {
            String::new()
        };
        println!(
            "| {name} | {:.1} | {:.1} % | {items} | {per} |",
            mib(bytes),
            100.0 * bytes as f64 / total as f64
        );
    }
    let rest = total as i64 - counted as i64;
    println!(
        "| not accounted for above (spare capacity inside elements, ...) | {:.1} | {:.1} % | | |",
        rest as f64 / (1024.0 * 1024.0),
        100.0 * rest as f64 / total as f64
    );
    println!(
        "| **live heap (allocator's count)** | **{:.1}** | 100 % | | |",
        mib(total)
    );
    drop(corpus);
}
