//! Soak test: one server, thousands of random edits and requests across many files while
//! files change, appear and vanish on disk (reported through didChangeWatchedFiles). At the
//! end the soaked server must say exactly what a fresh server says about the same files
//! and the same open documents, and a second identical round must not grow its memory
//! without bound.
//!
//! `DATELINE_SOAK_SECS` sets the length of each round (default 5 s; a few minutes for a
//! real soak: `DATELINE_SOAK_SECS=300 cargo test --release --test soak -- --nocapture`).

mod support;

use dateline::position::{Encoding, LineIndex, Position};
use dateline::text::TextRange;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use support::{Scratch, Server};

/// A small deterministic generator: the same seed replays the same session.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "Belarus said it. ",
    "Lukashenko announced on Thursday that ",
    "“Лукашенко” — ",
    "🇧🇾 ",
    "\n\n",
    "\r\n",
    "[@jpost-2022-09-29-belarus-denies] ",
    "{date: 2022-10-08} ",
    "last Wednesday ",
    "The ministry denied it.",
    "x",
    "",
];

fn soak_seconds() -> u64 {
    std::env::var("DATELINE_SOAK_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(5)
}

/// The resident memory of the test's `dateline lsp` child, from /proc.
fn server_rss_kib() -> Option<u64> {
    let me = std::process::id().to_string();
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let status = std::fs::read_to_string(entry.path().join("status")).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .map(|value| value.trim().to_string())
        };
        if field("Name:").as_deref() == Some("dateline") && field("PPid:").as_deref() == Some(&me) {
            return field("VmRSS:")?.trim_end_matches("kB").trim().parse().ok();
        }
    }
    None
}

struct Session {
    scratch: Scratch,
    server: Server,
    /// What the editor shows for each open document, and its version.
    open: BTreeMap<String, (String, i32)>,
    rng: Rng,
    requests: usize,
    edits: usize,
    disk_changes: usize,
}

impl Session {
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.scratch.dir)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".article"))
            .collect();
        names.sort();
        names
    }

    fn random_position(&mut self, text: &str) -> Position {
        let index = LineIndex::new(text);
        let line = self.rng.below(index.line_count() + 1);
        let character = self.rng.below(90);
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// A position as the protocol writes it (the analysis's types carry no serde).
    fn wire(position: Position) -> Value {
        json!({"line": position.line, "character": position.character})
    }

    fn edit(&mut self) {
        let Some(uri) = self
            .open
            .keys()
            .nth(self.rng.below(self.open.len()))
            .cloned()
        else {
            return;
        };
        let (text, version) = self.open[&uri].clone();
        let start = self.random_position(&text);
        let end = if self.rng.below(3) == 0 {
            self.random_position(&text)
        } else {
            start
        };
        let insert = self.rng.pick(PIECES).to_string();
        // The editor's own view of the edit: clamped as the server clamps.
        let index = LineIndex::new(&text);
        let range = TextRange::new(
            index.offset(&text, start, Encoding::Utf16),
            index.offset(&text, end, Encoding::Utf16),
        );
        let mut new_text = text.clone();
        new_text.replace_range(range.start..range.end, &insert);
        let version = version + 1;
        self.server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": Self::wire(start), "end": Self::wire(end)}, "text": insert}],
            }),
        );
        self.open.insert(uri, (new_text, version));
        self.edits += 1;
    }

    fn request(&mut self) {
        let names = self.names();
        let name = names[self.rng.below(names.len())].clone();
        let uri = self.scratch.uri(&name);
        let text = match self.open.get(&uri) {
            Some((text, _)) => text.clone(),
            None => std::fs::read_to_string(self.scratch.path(&name)).unwrap_or_default(),
        };
        let position = self.random_position(&text);
        let at = json!({"textDocument": {"uri": uri}, "position": Self::wire(position)});
        let (method, params) = match self.rng.below(8) {
            0 => ("textDocument/hover", at),
            1 => ("textDocument/definition", at),
            2 => {
                let mut params = at;
                params["context"] = json!({"includeDeclaration": true});
                ("textDocument/references", params)
            }
            3 => ("textDocument/completion", at),
            4 => ("textDocument/documentHighlight", at),
            5 => (
                "textDocument/semanticTokens/full",
                json!({"textDocument": {"uri": uri}}),
            ),
            6 => (
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": Self::wire(position)}}),
            ),
            _ => (
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            ),
        };
        let id = self.server.send_request(method, params);
        let response = self.server.response(id);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        self.requests += 1;
    }

    fn change_disk(&mut self) {
        let names = self.names();
        let closed: Vec<String> = names
            .iter()
            .filter(|name| !self.open.contains_key(&self.scratch.uri(name)))
            .cloned()
            .collect();
        let (name, kind) = match self.rng.below(4) {
            // A new file.
            0 => (format!("new-{}.article", self.rng.below(40)), 1),
            // A file deleted (never the last few).
            1 if closed.len() > 4 => (closed[self.rng.below(closed.len())].clone(), 3),
            // The registry edited.
            2 => ("actors.toml".to_string(), 2),
            _ if !closed.is_empty() => (closed[self.rng.below(closed.len())].clone(), 2),
            _ => return,
        };
        let path = self.scratch.path(&name);
        match (kind, name.as_str()) {
            (3, _) => {
                let _ = std::fs::remove_file(&path);
            }
            (_, "actors.toml") => {
                let registry = std::fs::read_to_string(&path).unwrap_or_default();
                // Alternately broken and repaired.
                let next = match registry.strip_suffix("\n[[actor\n") {
                    Some(repaired) => repaired.to_string(),
                    None => format!("{registry}\n[[actor\n"),
                };
                std::fs::write(&path, next).unwrap();
            }
            _ => {
                let mut text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|_| "Source: Soak Wire\nDate: 2022-10-01\n\n".to_string());
                for _ in 0..3 {
                    text.push_str(self.rng.pick(PIECES));
                }
                std::fs::write(&path, text).unwrap();
            }
        }
        let kind = if kind != 3 && !path.exists() { 3 } else { kind };
        self.server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": self.scratch.uri(&name), "type": kind}]}),
        );
        self.disk_changes += 1;
    }

    fn round(&mut self, seconds: u64) {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < deadline {
            for _ in 0..20 {
                match self.rng.below(10) {
                    0..=5 => self.edit(),
                    6..=8 => self.request(),
                    _ => self.change_disk(),
                }
            }
        }
    }
}

/// `workspace/diagnostic` without versions, keyed by URI, items in order.
fn workspace_report(server: &mut Server) -> BTreeMap<String, Value> {
    let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["uri"].as_str().unwrap().to_string(),
                item["items"].clone(),
            )
        })
        .collect()
}

fn capabilities() -> Value {
    json!({
        "window": {"workDoneProgress": true},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
        "textDocument": {"diagnostic": {"dynamicRegistration": false}},
    })
}

#[test]
fn a_soaked_server_agrees_with_a_fresh_one_and_does_not_grow() {
    let seconds = soak_seconds();
    let scratch = Scratch::seeds("soak");
    for i in 0..12 {
        std::fs::write(
            scratch.path(&format!("extra-{i:02}.article")),
            format!(
                "Source: Soak Wire\nDate: 2022-10-{:02}\n\nBelarus said it on day {i}.\n",
                i + 1
            ),
        )
        .unwrap();
    }
    let mut server = Server::start();
    server.initialize(&scratch.dir, capabilities());
    let mut session = Session {
        scratch,
        server,
        open: BTreeMap::new(),
        rng: Rng(0x5eed_da7e_11e5),
        requests: 0,
        edits: 0,
        disk_changes: 0,
    };
    for name in session.names().into_iter().take(4) {
        let uri = session.scratch.uri(&name);
        let text = session.scratch.read(&name);
        session.server.open(&uri, &text);
        session.open.insert(uri, (text, 1));
    }

    session.round(seconds);
    let before = server_rss_kib();
    session.round(seconds);
    let after = server_rss_kib();
    eprintln!(
        "soak: {} edits, {} requests, {} disk changes in 2 × {seconds} s; VmRSS {before:?} → {after:?} KiB",
        session.edits, session.requests, session.disk_changes
    );
    if let (Some(before), Some(after)) = (before, after) {
        // Generous: documents grow with the edits; a leak per request would not fit.
        assert!(
            after < before * 2 + 64 * 1024,
            "memory grew from {before} KiB to {after} KiB"
        );
    }

    // A fresh server has no last good registry to fall back on: end with a sound one.
    let registry = session.scratch.path("actors.toml");
    let text = std::fs::read_to_string(&registry).unwrap();
    if let Some(repaired) = text.strip_suffix("\n[[actor\n") {
        std::fs::write(&registry, repaired).unwrap();
        session.server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": session.scratch.uri("actors.toml"), "type": 2}]}),
        );
    }
    let soaked = workspace_report(&mut session.server);
    let mut fresh = Server::start();
    fresh.initialize(&session.scratch.dir, capabilities());
    for (uri, (text, _)) in &session.open {
        fresh.open(uri, text);
    }
    let expected = workspace_report(&mut fresh);
    assert_eq!(
        soaked.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (uri, items) in &expected {
        assert_eq!(&soaked[uri], items, "{uri}");
    }
    assert_eq!(fresh.stop(), Some(0));
    assert_eq!(session.server.stop(), Some(0));
}
