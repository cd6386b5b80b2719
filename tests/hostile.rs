//! The hostile-input matrix: files, registries, file systems and protocol streams that a
//! careless or unlucky user produces, each with the outcome it must have — a clear report
//! and a live process, never a crash or a hang. Through the real binary (`dateline check`,
//! `dateline lsp`) unless a case needs a moment that only the library can produce.
//!
//! Also the replayed inputs that fuzzing found (see `fuzz_regressions`).

mod support;

#[path = "../fuzz/common.rs"]
mod common;

use serde_json::{json, Value};
use std::path::Path;
use std::time::Instant;
use support::run_cli as dateline;
use support::{Scratch, Server};

const HEADER: &str = "Source: Test Wire\nDate: 2022-09-29\n\n";

/// One reported diagnostic: path, code, message, start line, start column.
type Reported = (String, String, String, u64, u64);

/// `dateline check --format json` in `dir`: exit code and the diagnostics.
fn check_json(dir: &Path, args: &[&str]) -> (i32, Vec<Reported>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let (stdout, stderr, code) = dateline(&all, dir);
    let items: Vec<Value> = serde_json::from_str(&stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {stdout}\n{stderr}"));
    let items = items
        .iter()
        .map(|item| {
            (
                item["path"].as_str().unwrap_or("").to_string(),
                item["code"].as_str().unwrap_or("").to_string(),
                item["message"].as_str().unwrap_or("").to_string(),
                item["range"]["start"]["line"].as_u64().unwrap_or(99),
                item["range"]["start"]["character"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    (code, items)
}

fn codes_of(items: &[Reported], path: &str) -> Vec<String> {
    items
        .iter()
        .filter(|item| item.0 == path)
        .map(|item| item.1.clone())
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

// ---------------------------------------------------------------- files (CLI)

#[test]
fn file_shapes_each_get_their_own_clear_outcome() {
    let scratch = Scratch::empty("hostile-shapes");
    let dir = &scratch.dir;
    let claim = "Belarus said it would not mobilize.";
    write(dir, "empty.article", "");
    write(
        dir,
        "header-only.article",
        "Source: Test Wire\nDate: 2022-09-29\n",
    );
    write(dir, "no-header.article", format!("{claim}\n\nMore.\n"));
    write(dir, "lf.article", format!("{HEADER}{claim}\n"));
    write(
        dir,
        "crlf.article",
        format!("{HEADER}{claim}\n").replace('\n', "\r\n"),
    );
    write(
        dir,
        "cr.article",
        format!("{HEADER}{claim}\n").replace('\n', "\r"),
    );
    write(dir, "bom.article", format!("\u{feff}{HEADER}{claim}\n"));
    let (code, items) = check_json(dir, &[]);
    assert_eq!(code, 1, "missing headers are errors: {items:#?}");
    let table: &[(&str, &[&str])] = &[
        ("empty.article", &["missing-source", "missing-date"]),
        ("header-only.article", &[]),
        (
            "no-header.article",
            &["missing-source", "missing-date", "undated-claim"],
        ),
        ("lf.article", &["undated-claim"]),
        ("crlf.article", &["undated-claim"]),
        ("cr.article", &["undated-claim"]),
        ("bom.article", &["undated-claim"]),
    ];
    for (path, expected) in table {
        assert_eq!(&codes_of(&items, path), expected, "{path}");
    }
    // Every line ending puts the claim on the same line and column.
    for path in ["lf.article", "crlf.article", "cr.article", "bom.article"] {
        let claim = items.iter().find(|item| item.0 == path).unwrap();
        assert_eq!((claim.3, claim.4), (3, 0), "{path}");
    }
}

#[test]
fn undecodable_files_are_skipped_with_a_reason_and_the_rest_is_checked() {
    let scratch = Scratch::empty("hostile-bytes");
    let dir = &scratch.dir;
    write(
        dir,
        "invalid-utf8.article",
        [HEADER.as_bytes(), b"Bad \xff\xfe bytes.\n"].concat(),
    );
    let mut binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    binary[10] = 0;
    write(dir, "binary.article", binary);
    write(dir, "nul-early.article", format!("{HEADER}NUL\0here.\n"));
    // A NUL past the sniffed prefix: the file is text with a NUL in it, and is analysed.
    let late = format!("{HEADER}{}\0 Belarus said it.\n", "word ".repeat(2000));
    write(dir, "nul-late.article", late);
    write(dir, "good.article", format!("{HEADER}Belarus said it.\n"));
    let (code, items) = check_json(dir, &[]);
    assert_eq!(code, 0, "{items:#?}");
    let skipped = |path: &str| {
        items
            .iter()
            .find(|item| item.0 == path && item.1 == "skipped-file")
            .map(|item| item.2.clone())
            .unwrap_or_else(|| panic!("{path} not skipped: {items:#?}"))
    };
    let at = HEADER.len() + 4;
    assert_eq!(
        skipped("invalid-utf8.article"),
        format!("skipped: not valid UTF-8 (first bad byte at offset {at})")
    );
    assert!(skipped("binary.article").contains("binary"));
    assert!(skipped("nul-early.article").contains("NUL"));
    assert_eq!(codes_of(&items, "nul-late.article"), ["undated-claim"]);
    assert_eq!(codes_of(&items, "good.article"), ["undated-claim"]);
}

#[test]
fn a_file_over_the_size_limit_is_skipped_without_being_read() {
    let scratch = Scratch::empty("hostile-huge");
    let file = std::fs::File::create(scratch.path("huge.article")).unwrap();
    // Sparse: no disk is used, and the loader must not read it.
    file.set_len(dateline::loader::MAX_FILE_BYTES + 1).unwrap();
    let started = Instant::now();
    let (code, items) = check_json(&scratch.dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(codes_of(&items, "huge.article"), ["skipped-file"]);
    assert!(
        items[0].2.contains("larger than the 64 MiB limit"),
        "{items:?}"
    );
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn one_line_of_a_megabyte_is_analysed() {
    let scratch = Scratch::empty("hostile-long-line");
    let line = format!("Belarus said {}.", "very ".repeat(200_000));
    write(&scratch.dir, "line.article", format!("{HEADER}{line}\n"));
    let (code, items) = check_json(&scratch.dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(codes_of(&items, "line.article"), ["undated-claim"]);
}

/// 50 MB of real-looking paragraphs (tens of seconds in a test build, which optimises the
/// analysis a little for this: see `Cargo.toml`).
#[test]
fn a_file_of_fifty_megabytes_is_analysed() {
    let scratch = Scratch::empty("hostile-50mb");
    let paragraph = "Belarus said on Thursday that “Лукашенко” — 🇧🇾 — announced the call-up last Wednesday. The ministry denied it.\n\n";
    let body = paragraph.repeat(50_000_000 / paragraph.len());
    write(&scratch.dir, "big.article", format!("{HEADER}{body}"));
    let (code, items) = check_json(&scratch.dir, &[]);
    assert_eq!(code, 0);
    // "The ministry denied it." is undated in every paragraph.
    assert_eq!(items.len(), 50_000_000 / paragraph.len());
}

#[test]
fn a_bare_file_name_is_checked_in_the_current_directory() {
    let scratch = Scratch::empty("hostile-bare-name");
    write(
        &scratch.dir,
        "a.article",
        format!("{HEADER}Belarus said it.\n"),
    );
    let (code, items) = check_json(&scratch.dir, &["a.article"]);
    assert_eq!(code, 0);
    assert_eq!(codes_of(&items, "a.article"), ["undated-claim"]);
}

// ---------------------------------------------------------------- registries (CLI)

#[test]
fn registry_problems_are_reported_in_the_registry_and_articles_still_checked() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("not-toml", "this is not TOML at all {\n", &["registry-syntax"]),
        (
            "duplicate-ids",
            "[[actor]]\nid = \"a\"\nname = \"Alpha\"\nkind = \"other\"\n\n[[actor]]\nid = \"a\"\nname = \"Beta\"\nkind = \"other\"\n",
            &["duplicate-actor-id"],
        ),
        (
            "short-aliases",
            "[[actor]]\nid = \"b\"\nname = \"Bravo\"\nkind = \"person\"\naliases = [\"B\", \"\", \"  \"]\n",
            &["empty-alias", "empty-alias"],
        ),
        ("empty", "", &[]),
        ("binary-ish", "\u{1}\u{2}[[[\u{7f}", &["registry-syntax"]),
    ];
    for (name, registry, expected) in cases {
        let scratch = Scratch::empty(&format!("hostile-registry-{name}"));
        write(&scratch.dir, "actors.toml", registry);
        write(
            &scratch.dir,
            "a.article",
            format!("{HEADER}B said it. Bravo said it on Monday.\n"),
        );
        let (_, items) = check_json(&scratch.dir, &[]);
        assert_eq!(&codes_of(&items, "actors.toml"), expected, "{name}");
        assert_eq!(codes_of(&items, "a.article"), ["undated-claim"], "{name}");
    }
}

#[test]
fn a_one_letter_alias_matches_only_as_a_word() {
    let scratch = Scratch::empty("hostile-one-letter");
    write(
        &scratch.dir,
        "actors.toml",
        "[[actor]]\nid = \"b\"\nname = \"Bravo\"\nkind = \"person\"\naliases = [\"B\"]\n",
    );
    write(
        &scratch.dir,
        "a.article",
        format!("{HEADER}B said it. Bob and BB and B’s aide did not.\n"),
    );
    let (stdout, stderr, code) = dateline(&["actors", "--format", "json"], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    let actors: Value = serde_json::from_str(&stdout).unwrap();
    let text = actors.to_string();
    // "B" and "B’s": two mentions; not inside "Bob" or "BB".
    assert!(text.contains("\"mentions\":2"), "{actors:#}");
}

/// A registry of 100,000 actors (the TOML parser is optimised in test builds too).
#[test]
fn a_registry_of_a_hundred_thousand_actors_is_loaded() {
    let scratch = Scratch::empty("hostile-100k");
    let mut registry = String::new();
    for i in 0..100_000 {
        registry.push_str(&format!(
            "[[actor]]\nid = \"a{i}\"\nname = \"Name{i} Person\"\nkind = \"person\"\naliases = [\"N{i}\"]\n\n"
        ));
    }
    write(&scratch.dir, "actors.toml", registry);
    write(
        &scratch.dir,
        "a.article",
        format!("{HEADER}Name5 Person said on Monday that N99999 agreed.\n"),
    );
    let started = Instant::now();
    let (code, items) = check_json(&scratch.dir, &[]);
    assert_eq!(code, 0, "{items:#?}");
    assert!(items.is_empty(), "{items:#?}");
    eprintln!("100,000 actors checked in {:?}", started.elapsed());
}

// ---------------------------------------------------------------- file systems

#[cfg(unix)]
#[test]
fn links_are_not_followed_out_of_the_corpus_or_round_in_circles() {
    let outside = Scratch::empty("hostile-outside");
    write(
        &outside.dir,
        "secret.article",
        format!("{HEADER}Secret said it.\n"),
    );
    let scratch = Scratch::empty("hostile-links");
    let dir = &scratch.dir;
    write(dir, "a.article", format!("{HEADER}Belarus said it.\n"));
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(dir, dir.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(&outside.dir, dir.join("outside-dir")).unwrap();
    std::os::unix::fs::symlink(
        outside.dir.join("secret.article"),
        dir.join("outside.article"),
    )
    .unwrap();
    let started = Instant::now();
    let (code, items) = check_json(dir, &[]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = items.iter().map(|item| item.0.as_str()).collect();
    assert_eq!(paths, ["a.article"], "{items:#?}");
    assert!(started.elapsed().as_secs() < 30);
}

/// Texts read again for a corpus that let go of them (hover, `check`'s reports, files an
/// editor says changed) keep to the folder: a file there is read, through a root that is
/// itself a link too, and a link that leads out of it is not.
#[cfg(unix)]
#[test]
fn texts_read_again_keep_to_the_corpus_folder() {
    use ::dateline::corpus::TextSource;
    let outside = Scratch::empty("hostile-again-outside");
    write(&outside.dir, "secret.article", format!("{HEADER}Secret.\n"));
    let scratch = Scratch::empty("hostile-again");
    let dir = scratch.dir.join("corpus");
    std::fs::create_dir(&dir).unwrap();
    write(&dir, "a.article", format!("{HEADER}Belarus said it.\n"));
    std::os::unix::fs::symlink(
        outside.dir.join("secret.article"),
        dir.join("outside.article"),
    )
    .unwrap();
    let linked_root = scratch.dir.join("linked");
    std::os::unix::fs::symlink(&dir, &linked_root).unwrap();
    for root in [&dir, &linked_root] {
        let texts = ::dateline::loader::DiskTexts::new(root);
        assert_eq!(
            texts.read("a.article").as_deref(),
            Some(format!("{HEADER}Belarus said it.\n").as_str()),
            "{root:?}"
        );
        assert_eq!(texts.read("outside.article"), None, "{root:?}");
        assert_eq!(texts.read("missing.article"), None, "{root:?}");
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::empty("hostile-unreadable");
    let path = scratch.path("locked.article");
    write(
        &scratch.dir,
        "locked.article",
        format!("{HEADER}Belarus said it.\n"),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Root (or a capability) reads it anyway: there is nothing to test here.
        eprintln!("skipped: this user can read a file with mode 000 (running as root?)");
        return;
    }
    let (code, items) = check_json(&scratch.dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(codes_of(&items, "locked.article"), ["skipped-file"]);
    assert!(items[0].2.contains("could not be read"), "{items:?}");
}

#[test]
fn a_file_deleted_between_discovery_and_reading_is_skipped_or_forgotten() {
    use dateline::corpus::Corpus;
    use dateline::loader;
    let scratch = Scratch::empty("hostile-vanishing");
    write(
        &scratch.dir,
        "a.article",
        format!("{HEADER}Belarus said it.\n"),
    );
    write(
        &scratch.dir,
        "b.article",
        format!("{HEADER}Belarus said it.\n"),
    );
    let corpus = Corpus::new(None);
    let found = loader::discover(&scratch.dir, &corpus);
    assert_eq!(found.len(), 2);
    std::fs::remove_file(scratch.path("b.article")).unwrap();
    // What `load_corpus` does with each discovered file.
    let mut corpus = Corpus::new(None);
    for (path, disk_path) in found {
        match loader::read_text(&disk_path) {
            Ok(text) => {
                corpus.set_file(&path, text);
            }
            Err(reason) => corpus.mark_skipped(&path, reason.to_string()),
        }
    }
    assert_eq!(corpus.paths(), ["a.article"]);
    let skipped: Vec<(&str, &str)> = corpus.skipped().collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].0, "b.article");
    assert!(skipped[0].1.starts_with("skipped: could not be read"));
}

// ---------------------------------------------------------------- the server

fn lsp_corpus(name: &str) -> Scratch {
    let scratch = Scratch::empty(name);
    write(
        &scratch.dir,
        "actors.toml",
        "[[actor]]\nid = \"belarus\"\nname = \"Belarus\"\nkind = \"state\"\n",
    );
    write(
        &scratch.dir,
        "a.article",
        format!("{HEADER}Belarus said it.\n"),
    );
    scratch
}

fn pull_client() -> Value {
    json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}, "window": {"workDoneProgress": true}})
}

/// The codes of a pulled document diagnostic report.
fn pulled(server: &mut Server, uri: &str) -> Vec<String> {
    let report = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn hover_at(server: &mut Server, uri: &str, line: u32, character: u32) -> Value {
    server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
}

fn change(server: &mut Server, uri: &str, version: i32, changes: Value) {
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
    );
}

#[test]
fn a_registry_broken_mid_edit_keeps_the_last_good_one_in_use() {
    let scratch = lsp_corpus("hostile-registry-edit");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let article = scratch.uri("a.article");
    let registry = scratch.uri("actors.toml");
    assert!(hover_at(&mut server, &article, 3, 2)["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Belarus"));
    server.open(&registry, &scratch.read("actors.toml"));
    // Half-typed: an unterminated string.
    change(
        &mut server,
        &registry,
        2,
        json!([{"range": {"start": {"line": 1, "character": 5}, "end": {"line": 1, "character": 5}}, "text": "\"oops"}]),
    );
    assert!(pulled(&mut server, &registry).contains(&"registry-syntax".to_string()));
    // The mention still resolves to the last good registry.
    let card = hover_at(&mut server, &article, 3, 2);
    assert!(
        card["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .contains("Belarus"),
        "{card}"
    );
    // Not TOML at all: same.
    change(&mut server, &registry, 3, json!([{"text": "}}} not toml"}]));
    assert!(!hover_at(&mut server, &article, 3, 2).is_null());
    // Fixed, with a different actor: the old mention goes, the new one comes.
    change(
        &mut server,
        &registry,
        4,
        json!([{"text": "[[actor]]\nid = \"it\"\nname = \"it\"\nkind = \"other\"\n"}]),
    );
    assert!(pulled(&mut server, &registry).is_empty());
    // No actor card where no actor is (the sentence's claim card at most).
    let no_actor = hover_at(&mut server, &article, 3, 2);
    assert!(
        no_actor.is_null()
            || no_actor["contents"]["value"]
                .as_str()
                .is_some_and(|card| card.starts_with("### Claim")),
        "{no_actor}"
    );
    assert!(!hover_at(&mut server, &article, 3, 14).is_null());
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn edits_past_the_end_and_out_of_order_versions_keep_the_document_whole() {
    let scratch = lsp_corpus("hostile-edits");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let uri = scratch.uri("b.article");
    server.open(&uri, HEADER);
    assert!(pulled(&mut server, &uri).is_empty());
    // Version 3 arrives before version 2; both ranges lie far past the end.
    let far = json!({"start": {"line": 900, "character": 9}, "end": {"line": 901, "character": 0}});
    change(
        &mut server,
        &uri,
        3,
        json!([{"range": far, "text": " Later."}]),
    );
    change(
        &mut server,
        &uri,
        2,
        json!([{"range": far, "text": "Belarus said it."}]),
    );
    // A stale version is ignored.
    change(&mut server, &uri, 2, json!([{"text": "garbage"}]));
    // A range whose end is before its start, and one inside a line's end.
    change(
        &mut server,
        &uri,
        4,
        json!([{"range": {"start": {"line": 3, "character": 400}, "end": {"line": 3, "character": 0}}, "text": "Belarus said it. Later."}]),
    );
    assert_eq!(pulled(&mut server, &uri), ["undated-claim"]);
    let card = hover_at(&mut server, &uri, 3, 1);
    assert!(card["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Belarus"));
    // Requests far outside the text get empty answers.
    assert!(hover_at(&mut server, &uri, 3, 4000).is_null());
    assert!(hover_at(&mut server, &uri, 4000, 0).is_null());
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn requests_before_initialize_and_unknown_methods_get_errors_and_the_server_carries_on() {
    let scratch = lsp_corpus("hostile-protocol");
    let mut server = Server::start();
    let id = server.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": scratch.uri("a.article")}, "position": {"line": 0, "character": 0}}),
    );
    let early = server.response(id);
    assert_eq!(early["error"]["code"], -32002, "{early}");
    server.initialize(&scratch.dir, pull_client());
    let id = server.send_request("dateline/noSuchThing", json!({}));
    let unknown = server.response(id);
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    server.notify("$/noSuchNotification", json!({"x": 1}));
    server.notify("noSuchNotification", json!(null));
    // Wrong parameter shapes: an error for the request, nothing for the notification.
    let id = server.send_request("textDocument/hover", json!({"position": "nowhere"}));
    assert_eq!(server.response(id)["error"]["code"], -32602);
    server.notify("textDocument/didOpen", json!({"textDocument": 7}));
    assert_eq!(
        pulled(&mut server, &scratch.uri("a.article")),
        ["undated-claim"]
    );
    assert_eq!(server.stop(), Some(0));
}

/// A well-framed message that is not JSON, or not a JSON-RPC message, is answered as
/// JSON-RPC asks (an error, with the message's id when it has a usable one) and the
/// session carries on.
fn assert_answered_and_carried_on(body: &[u8], expected_code: i64, expected_id: Value) {
    static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let case = CASE.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let scratch = lsp_corpus(&format!("hostile-message-{case}"));
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    server.send_raw(&frame(body));
    let error = server.wait_for(|message| message.get("error").is_some());
    assert_eq!(error["error"]["code"], expected_code, "{error}");
    assert_eq!(error["id"], expected_id, "{error}");
    assert_eq!(
        pulled(&mut server, &scratch.uri("a.article")),
        ["undated-claim"]
    );
    assert_eq!(server.stop(), Some(0));
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    frame
}

#[test]
fn invalid_json_is_answered_with_a_parse_error_and_the_session_carries_on() {
    assert_answered_and_carried_on(
        b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ",
        -32700,
        Value::Null,
    );
}

#[test]
fn json_that_is_no_message_is_answered_with_invalid_request_and_the_session_carries_on() {
    assert_answered_and_carried_on(b"[1, 2, 3]", -32600, Value::Null);
    assert_answered_and_carried_on(
        b"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}",
        -32600,
        json!(5),
    );
}

/// After a header without a usable `Content-Length` nothing in the stream can be trusted
/// to start a message: the error is answered and the session ends by itself (exit code 1,
/// no shutdown came), never hanging.
#[test]
fn a_bad_content_length_is_answered_with_a_parse_error_and_the_session_ends() {
    let scratch = lsp_corpus("hostile-bad-length");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    server.send_raw(b"Content-Length: banana\r\n\r\n{}");
    let error = server.wait_for(|message| message.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert!(error["id"].is_null(), "{error}");
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn a_response_to_nothing_is_ignored_and_the_session_carries_on() {
    let scratch = lsp_corpus("hostile-stray-response");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    server.send(&json!({"jsonrpc": "2.0", "id": 4242, "result": {"stray": true}}));
    assert_eq!(
        pulled(&mut server, &scratch.uri("a.article")),
        ["undated-claim"]
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_closed_input_stream_ends_the_server() {
    let scratch = lsp_corpus("hostile-eof");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    // A frame cut off in the middle, then the end of input.
    server.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":");
    server.close_stdin();
    // No shutdown request came: exit code 1, as the protocol asks.
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn a_watched_file_event_for_a_file_already_gone_is_harmless() {
    let scratch = lsp_corpus("hostile-gone");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    std::fs::remove_file(scratch.path("a.article")).unwrap();
    // Reported as created (the editor saw it a moment ago), then as changed.
    let uri = scratch.uri("a.article");
    for typ in [1, 2] {
        server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri, "type": typ}, {"uri": scratch.uri("never.article"), "type": 3}]}),
        );
    }
    let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let uris: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["uri"].as_str())
        .collect();
    assert!(
        !uris.iter().any(|item| item.ends_with("a.article")),
        "{uris:?}"
    );
    assert_eq!(server.stop(), Some(0));
}

// ---------------------------------------------------------------- fuzz findings

/// Found by the `lsp` target (fuzz/regressions/lsp/crash-2ed22bc3…): while a registry
/// has a syntax error its last good actors stay in use, but their spans were places in
/// the earlier text — workspace symbols, definitions and code lenses pointed past the end
/// of the shorter text, and a rename would have written into the wrong place.
#[test]
fn a_broken_registry_gives_no_places_from_its_earlier_text() {
    use std::sync::Arc;
    let mut corpus = common::seed_corpus();
    corpus.set_file(
        "actors.toml",
        Arc::from("[[actor]]\nid = \"x\"\n\"unterminated"),
    );
    let text = corpus.text("actors.toml").unwrap();
    assert!(
        !corpus.actors().is_empty(),
        "the last good registry stays in use"
    );
    common::check_all_diagnostics(&corpus);
    common::exercise_workspace(&corpus, "bel");
    for (path, _) in common::SEED_ARTICLES {
        let offset = corpus.text(path).unwrap().find("Belarus").unwrap();
        for target in dateline::ide::navigation::definition(&corpus, path, offset) {
            common::check_range(
                corpus.text(target.path).unwrap(),
                target.range,
                "definition",
            );
        }
    }
    for offset in 0..=text.len() {
        assert!(dateline::ide::rename::rename(&corpus, "actors.toml", offset, "renamed").is_err());
    }
    for lens in dateline::ide::code_lens::code_lenses(&corpus, "actors.toml") {
        common::check_range(text, lens.range, "code lens");
    }
}

/// Inputs that fuzzing found to crash or to break an invariant, replayed through the same
/// checks as the fuzz targets. Each names the target that found it.
#[test]
fn fuzz_regressions() {
    let articles: &[&str] = &[];
    for text in articles {
        let mut corpus = common::seed_corpus();
        corpus.set_file("fuzz.article", std::sync::Arc::from(*text));
        common::check_all_diagnostics(&corpus);
    }
}
