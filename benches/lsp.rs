//! The language server under load, driven over stdio by the test client: time from
//! `initialized` to the end of indexing (and a hover answered meanwhile), latency of
//! hover, definition, references and completion, `didChange` → `publishDiagnostics`
//! latency while typing into a small and a large article, code lenses of the whole registry,
//! and the server's peak memory.
//!
//! ```text
//! DATELINE_BENCH_CORPUS=target/bench-corpus cargo bench --bench lsp
//! ```
//!
//! The corpus is one made by `examples/gen_corpus.rs` (it needs `single/small.article` and
//! `single/large.article`). `DATELINE_BENCH_REQUESTS` (default 1,000) and
//! `DATELINE_BENCH_EDITS` (default 100; a fifth of it for the large article) set the
//! sample sizes. Results are printed as `key value` lines that `scripts/bench.sh` reads.
//! With `DATELINE_BENCH_PAST_LIMIT=1`, the corpus is one whose `dateline.toml` puts it past
//! `[server] claims-limit-mb`: the server makes no second pass and writes no cache, so
//! neither is waited for (nor the warm start measured); the rest is measured alike.

#[path = "../tests/support/mod.rs"]
mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{push_client, utf16_position, Server};

/// The server's debounce before recomputing diagnostics (`src/lsp/server.rs`).
const DEBOUNCE: Duration = Duration::from_millis(50);

/// SplitMix64, so that the positions asked about are the same from run to run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// Whether `message` ends the server's progress report `token`.
fn progress_end(message: &Value, token: &str) -> bool {
    message["method"] == "$/progress"
        && message["params"]["token"] == token
        && message["params"]["value"]["kind"] == "end"
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// p50 and p99 in milliseconds.
fn percentiles(samples: &mut [Duration]) -> (f64, f64) {
    if samples.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    samples.sort();
    let at = |q: f64| {
        let index = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples[index].as_secs_f64() * 1e3
    };
    (at(0.50), at(0.99))
}

fn report(name: &str, samples: &mut [Duration]) {
    let (p50, p99) = percentiles(samples);
    println!("{name}_p50_ms {p50:.2}");
    println!("{name}_p99_ms {p99:.2}");
    println!("{name}_n {}", samples.len());
}

/// Latencies measured twice: to the last byte of the server's message (what the server
/// takes), and to the message parsed by this test client (what its `serde_json::Value`
/// parsing adds; an editor's own parser takes the place of that part).
#[derive(Default)]
struct Latencies {
    answered: Vec<Duration>,
    parsed: Vec<Duration>,
}

impl Latencies {
    fn push(&mut self, server: &Server, begun: Instant, less: Duration) {
        let parsed = begun.elapsed();
        let answered = server
            .last_arrival
            .map_or(parsed, |arrival| arrival.saturating_duration_since(begun));
        self.answered.push(answered.saturating_sub(less));
        self.parsed.push(parsed.saturating_sub(less));
    }

    fn report(&mut self, name: &str) {
        report(name, &mut self.answered);
        report(&format!("{name}_parsed"), &mut self.parsed);
    }
}

/// Offsets where a capitalised word starts: mostly names, so that hover and definition
/// have something to do; random otherwise.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous = ' ';
    for (offset, ch) in text.char_indices() {
        if ch.is_uppercase() && !previous.is_alphanumeric() {
            starts.push(offset);
        }
        previous = ch;
    }
    starts
}

fn position(text: &str, offset: usize) -> Value {
    let (line, character) = utf16_position(text, offset);
    json!({"line": line, "character": character})
}

/// Prints the server's resident and peak memory after a phase of the run, to tell which
/// phase its peak comes from.
fn print_memory(phase: &str) {
    for (key, name) in [("VmRSS:", "rss"), ("VmHWM:", "peak_rss")] {
        if let Some(kb) = server_memory_kb(key) {
            println!("{name}_{phase}_mb {:.1}", kb as f64 / 1024.0);
        }
    }
}

/// The `dateline` server process started by the test client: its peak resident memory.
fn server_peak_rss_kb() -> Option<u64> {
    server_memory_kb("VmHWM:")
}

/// A memory field of the server's `/proc/PID/status` (`VmHWM:`, `VmRSS:`), in kB.
fn server_memory_kb(key: &str) -> Option<u64> {
    let me = std::process::id().to_string();
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let status = std::fs::read_to_string(entry.path().join("status")).unwrap_or_default();
        let field = |key: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(key))
                .map(str::trim)
                .map(str::to_string)
        };
        if field("PPid:").as_deref() == Some(me.as_str())
            && field("Name:").is_some_and(|name| name.starts_with("dateline"))
        {
            return field(key)?.trim_end_matches("kB").trim().parse().ok();
        }
    }
    None
}

/// The servers take a start in two passes whatever the corpus's size, as they do of over
/// a thousand articles by default: `scripts/bench.sh --quick`'s 500 would otherwise be
/// indexed in one, and the bench would wait for a second pass that never comes.
const TWO_PASSES: &[(&str, &str)] = &[("DATELINE_MENTIONS_FIRST_ABOVE", "0")];

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line.
    let root = std::env::var_os("DATELINE_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus"));
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let small_path = root.join("single/small.article");
    let large_path = root.join("single/large.article");
    let (Ok(small), Ok(large)) = (
        std::fs::read_to_string(&small_path),
        std::fs::read_to_string(&large_path),
    ) else {
        eprintln!(
            "lsp bench: no generated corpus at {} (run scripts/bench.sh)",
            root.display()
        );
        return;
    };
    let aliases = std::fs::read_to_string(root.join("aliases.txt")).unwrap_or_default();
    let requests = env_number("DATELINE_BENCH_REQUESTS", 1000);
    let edits = env_number("DATELINE_BENCH_EDITS", 100);
    let small_uri = format!("file://{}", small_path.display());
    let large_uri = format!("file://{}", large_path.display());
    let mut rng = Rng(6);

    let cache_home =
        std::env::temp_dir().join(format!("dateline-bench-run-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache_home);
    let spawned = Instant::now();
    let mut server = Server::start_with_cache_home_and_env(&cache_home, TWO_PASSES);
    send_initialize(&mut server, &root);
    let started = Instant::now();
    server.notify("initialized", json!({}));
    // A request on an open file while the corpus is still being indexed.
    server.open(&small_uri, &small);
    let starts = word_starts(&small);
    let offset = starts.get(starts.len() / 2).copied().unwrap_or(0);
    let hover_started = Instant::now();
    let id = server.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": small_uri}, "position": position(&small, offset)}),
    );
    server.response(id);
    let hover_during = hover_started.elapsed();
    let indexing_over = |message: &Value| progress_end(message, "dateline/indexing");
    let indexed_already = server.notifications.iter().any(indexing_over);
    server.wait_for(indexing_over);
    let indexing = started.elapsed();
    println!("index_s {:.3}", indexing.as_secs_f64());
    println!(
        "hover_during_indexing_ms {:.2}",
        hover_during.as_secs_f64() * 1e3
    );
    println!("hover_during_indexing_answered_first {}", !indexed_already);

    // A fresh server's first references answer on the most-mentioned actor (the issue's
    // "ready" figure), from the process's start, and its memory once indexed.
    let most = aliases.lines().next().unwrap_or("");
    if let Some(offset) = (!most.is_empty()).then(|| small.find(most)).flatten() {
        let id = server.send_request(
            "textDocument/references",
            json!({
                "textDocument": {"uri": small_uri},
                "position": position(&small, offset),
                "context": {"includeDeclaration": false},
            }),
        );
        let response = server.response(id);
        println!("first_references_s {:.3}", spawned.elapsed().as_secs_f64());
        println!(
            "first_references_count {}",
            response["result"].as_array().map_or(0, Vec::len)
        );
    }
    for (key, name) in [
        ("VmRSS:", "indexed_rss_mb"),
        ("VmHWM:", "indexed_peak_rss_mb"),
    ] {
        if let Some(kb) = server_memory_kb(key) {
            println!("{name} {:.1}", kb as f64 / 1024.0);
        }
    }
    // The second pass of a cold start (`TWO_PASSES`): the claims and diagnostics of
    // every article, in the background. The request latencies below are timed after it,
    // with nothing else running.
    let past_limit = std::env::var("DATELINE_BENCH_PAST_LIMIT").is_ok_and(|value| value == "1");
    if past_limit {
        // Said once the folder is installed, with the corpus's size and the limit.
        server.wait_for_said("window/showMessage", "claims-limit-mb");
    } else {
        server.wait_for(|message| progress_end(message, "dateline/analysing"));
    }
    println!("analysed_s {:.3}", started.elapsed().as_secs_f64());
    for (key, name) in [
        ("VmRSS:", "analysed_rss_mb"),
        ("VmHWM:", "analysed_peak_rss_mb"),
    ] {
        if let Some(kb) = server_memory_kb(key) {
            println!("{name} {:.1}", kb as f64 / 1024.0);
        }
    }
    if !past_limit {
        // An editor pauses once a folder is indexed: the server writes its cache then,
        // and its unopened articles let go of what the file holds (a second after the
        // file is in place is ample for that at 10,000 articles).
        wait_for_cache_file(&cache_home.join("dateline"));
        std::thread::sleep(Duration::from_secs(1));
        print_memory("after_cache_written");
    }

    // Requests at random capitalised words of the small article.
    for (method, name) in [
        ("textDocument/hover", "hover"),
        ("textDocument/definition", "definition"),
        ("textDocument/completion", "completion"),
    ] {
        let mut samples = Vec::with_capacity(requests);
        for _ in 0..requests {
            let offset = starts.get(rng.below(starts.len())).copied().unwrap_or(0);
            let params =
                json!({"textDocument": {"uri": small_uri}, "position": position(&small, offset)});
            let begun = Instant::now();
            let id = server.send_request(method, params);
            server.response(id);
            samples.push(begun.elapsed());
        }
        report(name, &mut samples);
    }

    // References of the most-mentioned actor (the generator's first): at its name in the
    // large article, which is open too so that the position resolves in the editor's text.
    // Timed once its diagnostics are published: opening it takes in 5 MB and sends 8.8 MB
    // of diagnostics, and the first requests after the open would time that instead.
    server.open(&large_uri, &large);
    server.wait_for(|message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == *large_uri
    });
    print_memory("after_large_open");
    let mut samples = Latencies::default();
    let mut found = 0;
    if let Some(offset) = (!most.is_empty()).then(|| large.find(most)).flatten() {
        for _ in 0..requests.clamp(1, 200) {
            let params = json!({
                "textDocument": {"uri": large_uri},
                "position": position(&large, offset),
                "context": {"includeDeclaration": false},
            });
            let begun = Instant::now();
            let id = server.send_request("textDocument/references", params);
            let response = server.response(id);
            samples.push(&server, begun, Duration::ZERO);
            found = response["result"].as_array().map_or(0, Vec::len);
        }
    }
    println!("references_count {found}");
    samples.report("references");
    print_memory("after_references");

    // Hover in the large article (56,000 mentions), at random capitalised words: the
    // mention under the cursor is searched for, not scanned (its dates still are).
    let large_starts = word_starts(&large);
    let mut samples = Vec::new();
    for _ in 0..requests.clamp(1, 200) {
        let offset = large_starts
            .get(rng.below(large_starts.len()))
            .copied()
            .unwrap_or(0);
        let params =
            json!({"textDocument": {"uri": large_uri}, "position": position(&large, offset)});
        let begun = Instant::now();
        let id = server.send_request("textDocument/hover", params);
        server.response(id);
        samples.push(begun.elapsed());
    }
    report("hover_large", &mut samples);
    print_memory("after_hover_large");

    // Typing: insert one character at a random place in a body, then wait for the
    // diagnostics of exactly that version. The debounce is subtracted.
    for (name, uri, text, count) in [
        ("typing_small", &small_uri, &small, edits),
        ("typing_large", &large_uri, &large, (edits / 5).max(1)),
    ] {
        let body_start = text.find("\n\n").map_or(0, |at| at + 2);
        let mut lines: Vec<usize> = text
            .char_indices()
            .filter(|(offset, ch)| *ch == '\n' && *offset > body_start)
            .map(|(offset, _)| offset)
            .collect();
        let mut current = (*text).clone();
        let mut samples = Latencies::default();
        for version in 2..(2 + count as i64) {
            // At the end of a line, before its newline: always a char boundary.
            let offset = lines.get(rng.below(lines.len())).copied().unwrap_or(0);
            let at = position(&current, offset);
            server.notifications.clear();
            let begun = Instant::now();
            server.notify(
                "textDocument/didChange",
                json!({
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}],
                }),
            );
            current.insert(offset, 'x');
            // Every newline from the insertion on moved one byte right.
            for line_end in lines.iter_mut().filter(|line_end| **line_end >= offset) {
                *line_end += 1;
            }
            server.wait_for(|message| {
                message["method"] == "textDocument/publishDiagnostics"
                    && message["params"]["uri"] == *uri
                    && message["params"]["version"] == version
            });
            samples.push(&server, begun, DEBOUNCE);
        }
        samples.report(name);
        print_memory(&format!("after_{name}"));
    }

    // Code lenses on the whole registry (one per actor): what an editor asks for each
    // time the registry is shown. The first answer computes every actor's statistics.
    let registry_uri = format!("file://{}", root.join("actors.toml").display());
    let mut samples = Latencies::default();
    let mut lens_bytes = 0;
    for _ in 0..5 {
        let begun = Instant::now();
        let id = server.send_request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": registry_uri}}),
        );
        let response = server.response(id);
        samples.push(&server, begun, Duration::ZERO);
        lens_bytes = serde_json::to_vec(&response["result"]).map_or(0, |body| body.len());
    }
    println!("code_lens_kb {:.1}", lens_bytes as f64 / 1024.0);
    samples.report("code_lens");
    if let Some(kb) = server_peak_rss_kb() {
        println!("server_peak_rss_mb {:.1}", kb as f64 / 1024.0);
    }

    // The timeline of the most-mentioned actor (the registry's first): every dated claim
    // of the articles that mention it, read from the cache file where they left them.
    let registry = std::fs::read_to_string(root.join("actors.toml")).unwrap_or_default();
    let first_id = registry
        .lines()
        .find_map(|line| line.strip_prefix("id = \""))
        .map(|rest| rest.trim_end_matches('"'))
        .unwrap_or("");
    let mut samples = Latencies::default();
    let mut entries = 0;
    for _ in 0..5 {
        let begun = Instant::now();
        let id = server.send_request("dateline/timeline", json!({"actor": first_id}));
        let response = server.response(id);
        samples.push(&server, begun, Duration::ZERO);
        entries = response["result"].as_array().map_or(0, Vec::len);
    }
    println!("timeline_entries {entries}");
    samples.report("timeline");
    print_memory("after_timeline");

    // The workspace's diagnostics, pulled as VS Code's client pulls them: in parts (a
    // partial-result token), then again with the result ids the parts gave (every file
    // unchanged), then whole (a client that gives no token).
    // Each part read and counted as it comes, not kept: at 100,000 articles the reports
    // hold 4 million diagnostics.
    let begun = Instant::now();
    let id = server.send_request(
        "workspace/diagnostic",
        json!({"previousResultIds": [], "partialResultToken": "bench"}),
    );
    let (mut files, mut diagnostics) = (0, 0);
    let mut previous = Vec::new();
    loop {
        let message = server.next_message();
        let answer = message["id"] == id && message.get("method").is_none();
        let reports = if answer {
            &message["result"]["items"]
        } else if message["method"] == "$/progress" && message["params"]["token"] == "bench" {
            &message["params"]["value"]["items"]
        } else {
            continue;
        };
        for report in reports.as_array().into_iter().flatten() {
            files += 1;
            diagnostics += report["items"].as_array().map_or(0, Vec::len);
            if report["resultId"].is_string() {
                previous.push(json!({"uri": report["uri"], "value": report["resultId"]}));
            }
        }
        if answer {
            break;
        }
    }
    println!(
        "workspace_diagnostics_parts_s {:.3}",
        begun.elapsed().as_secs_f64()
    );
    println!("workspace_diagnostics_files {files} diagnostics {diagnostics}");
    print_memory("after_workspace_parts");
    let begun = Instant::now();
    let again = server.request(
        "workspace/diagnostic",
        json!({"previousResultIds": previous.clone()}),
    );
    let unchanged = again["items"].as_array().map_or(0, |items| {
        items
            .iter()
            .filter(|item| item["kind"] == "unchanged")
            .count()
    });
    println!(
        "workspace_diagnostics_again_s {:.3}",
        begun.elapsed().as_secs_f64()
    );
    println!("workspace_diagnostics_unchanged {unchanged}");
    drop(again);
    // Asked again in parts with those ids, as VS Code asks two seconds after every answer:
    // held while nothing changes, then answered with what changed alone. Timed from an
    // edit of the small article (its whole text given again) to the answer.
    let held = server.send_request(
        "workspace/diagnostic",
        json!({"previousResultIds": previous, "partialResultToken": "held"}),
    );
    std::thread::sleep(Duration::from_secs(2));
    let begun = Instant::now();
    server.notify(
        "textDocument/didChange",
        json!({
            // The typing above gave the small article versions 2 to `edits + 1`.
            "textDocument": {"uri": small_uri, "version": 2 + edits as i64},
            "contentChanges": [{"text": format!("{small}\nOfficials said the talks had failed.\n")}],
        }),
    );
    let mut sent = 0;
    loop {
        let message = server.next_message();
        if message["id"] == held && message.get("method").is_none() {
            break;
        }
        if message["method"] == "$/progress" && message["params"]["token"] == "held" {
            sent += message["params"]["value"]["items"]
                .as_array()
                .map_or(0, Vec::len);
        }
    }
    println!(
        "workspace_diagnostics_held_answer_s {:.3}",
        begun.elapsed().as_secs_f64()
    );
    println!("workspace_diagnostics_held_files {sent}");
    // Not at 100,000 articles: about 1 GB of JSON in one answer (and, before the reports
    // were written straight as JSON, a tree of values twenty times that).
    if files <= 20_000 {
        let begun = Instant::now();
        let whole = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
        println!(
            "workspace_diagnostics_whole_s {:.3}",
            begun.elapsed().as_secs_f64()
        );
        drop(whole);
        print_memory("after_workspace_whole");
    }
    changed_on_disk(&mut server, &root, files);
    let _ = server.stop();
    let _ = std::fs::remove_dir_all(&cache_home);

    if !past_limit {
        warm_start(&root);
    }
}

/// A `git pull` or a branch switch: a fifth of the corpus (at most 10,000 articles)
/// appears on disk at once, copies of its articles with a sentence added, in a folder of
/// their own, and is reported in one batch of watcher events; then all of it is removed
/// in one. Times how long until they are all taken in (`dateline/status` counts them),
/// the slowest of the hovers asked meanwhile, and how long until the removal is taken
/// in. The folder is removed afterwards.
fn changed_on_disk(server: &mut Server, root: &Path, files: usize) {
    let folder = root.join("changed-by-bench");
    let _ = std::fs::remove_dir_all(&folder);
    if std::fs::create_dir_all(&folder).is_err() {
        return;
    }
    let mut sources: Vec<PathBuf> = Vec::new();
    let mut pending = vec![root.join("articles")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "article") {
                sources.push(path);
            }
        }
    }
    sources.sort();
    sources.truncate((files / 5).clamp(1, 10_000));
    let mut uris = Vec::with_capacity(sources.len());
    for (index, source) in sources.iter().enumerate() {
        let text = std::fs::read_to_string(source).unwrap_or_default();
        let path = folder.join(format!("{index:05}.article"));
        let _ = std::fs::write(
            &path,
            format!("{text}\nOfficials said the talks had failed.\n"),
        );
        uris.push(format!("file://{}", path.display()));
    }
    let articles = |server: &mut Server| {
        server.request("dateline/status", json!({}))["articles"]
            .as_u64()
            .unwrap_or(0)
    };
    let before = articles(server);
    let changes: Vec<Value> = uris
        .iter()
        .map(|uri| json!({"uri": uri, "type": 1}))
        .collect();
    let probe = json!({
        "textDocument": {"uri": uris[0]},
        "position": {"line": 0, "character": 0},
    });
    let begun = Instant::now();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
    let mut slowest = Duration::ZERO;
    let taken_in = loop {
        let asked = Instant::now();
        let id = server.send_request("textDocument/hover", probe.clone());
        server.response(id);
        slowest = slowest.max(asked.elapsed());
        if articles(server) >= before + uris.len() as u64 {
            break begun.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    println!("changed_on_disk_articles {}", uris.len());
    println!("changed_on_disk_taken_in_s {:.3}", taken_in.as_secs_f64());
    println!(
        "changed_on_disk_slowest_request_ms {:.1}",
        slowest.as_secs_f64() * 1000.0
    );
    let with_them = articles(server);
    let _ = std::fs::remove_dir_all(&folder);
    let removals: Vec<Value> = uris
        .iter()
        .map(|uri| json!({"uri": uri, "type": 3}))
        .collect();
    let begun = Instant::now();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": removals}),
    );
    while articles(server) + uris.len() as u64 > with_them {
        std::thread::sleep(Duration::from_millis(5));
    }
    println!("removed_on_disk_s {:.3}", begun.elapsed().as_secs_f64());
    print_memory("after_changed_on_disk");
}

/// Waits until a cache file is in the folder `folder` (it is renamed into place whole).
fn wait_for_cache_file(folder: &Path) {
    let written = || {
        std::fs::read_dir(folder).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().ends_with(".cache"))
        })
    };
    let deadline = Instant::now() + support::patience();
    while !written() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Asks `server` to `initialize` on the folder `root`, answered before it returns (the
/// bench times what follows `initialized`).
fn send_initialize(server: &mut Server, root: &Path) {
    let folder = format!("file://{}", root.display());
    server.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": folder,
            "capabilities": push_client(),
            "workspaceFolders": [{"uri": folder, "name": "corpus"}],
        }),
    );
}

/// A server started again on the unchanged corpus, from the on-disk cache a first one
/// wrote: process start and `initialized` to the end of indexing, and its memory then.
/// (The servers above start cold: the test client gives each its own empty cache.)
fn warm_start(root: &Path) {
    let home = std::env::temp_dir().join(format!("dateline-bench-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let mut first = Server::start_with_cache_home_and_env(&home, TWO_PASSES);
    first.initialize(root, push_client());
    // The cache is written after the second pass of the cold start (whose progress the
    // client must answer for), off the request path.
    first.wait_for(|message| progress_end(message, "dateline/analysing"));
    let folder = home.join("dateline");
    wait_for_cache_file(&folder);
    // Written whole (renamed into place) once it is there; the first server may go.
    let _ = first.stop();
    let spawned = Instant::now();
    let mut warm = Server::start_with_cache_home_and_env(&home, TWO_PASSES);
    send_initialize(&mut warm, root);
    let started = Instant::now();
    warm.notify("initialized", json!({}));
    warm.wait_for(|message| progress_end(message, "dateline/indexing"));
    println!("warm_index_s {:.3}", started.elapsed().as_secs_f64());
    println!("warm_start_s {:.3}", spawned.elapsed().as_secs_f64());
    if let Some(kb) = server_memory_kb("VmRSS:") {
        println!("warm_rss_mb {:.1}", kb as f64 / 1024.0);
    }
    // Its second pass takes the rest of each analysis from the cache.
    warm.wait_for(|message| progress_end(message, "dateline/analysing"));
    println!("warm_analysed_s {:.3}", started.elapsed().as_secs_f64());
    if let Some(kb) = server_memory_kb("VmRSS:") {
        println!("warm_analysed_rss_mb {:.1}", kb as f64 / 1024.0);
    }
    let cache_bytes: u64 = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| entry.metadata().ok())
                .map(|metadata| metadata.len())
                .sum()
        })
        .unwrap_or(0);
    println!("cache_mb {:.1}", cache_bytes as f64 / 1e6);
    let _ = warm.stop();
    let _ = std::fs::remove_dir_all(&home);
}
