//! Safety: the server and the command line never write, move or delete a user's file, and
//! never read one outside the workspace folder — not a registry configured as
//! `../outside/actors.toml`, not an absolute one, not one reached through a link.

mod support;

use serde_json::{json, Value};
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use support::{Scratch, Server};

const S001: &str = "001_8af3ff2e160be067.article";
const SUMMARY: &str = "summary-belarus-mobilization.article";

/// Name → (size, content hash, modification time) of every file under `dir`; links are
/// recorded as their targets' names, not followed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, u64, std::time::SystemTime)> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).unwrap().flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let mut hasher = DefaultHasher::new();
            if meta.file_type().is_symlink() {
                std::fs::read_link(&path).unwrap().hash(&mut hasher);
            } else if meta.is_dir() {
                pending.push(path.clone());
                continue;
            } else {
                std::fs::read(&path).unwrap().hash(&mut hasher);
            }
            let relative = path.strip_prefix(dir).unwrap().to_path_buf();
            found.insert(
                relative,
                (meta.len(), hasher.finish(), meta.modified().unwrap()),
            );
        }
    }
    found
}

fn dateline(args: &[&str], dir: &Path) -> (String, i32) {
    let (stdout, _, code) = support::run_cli(args, dir);
    (stdout, code)
}

/// A sibling directory with a registry and an article that must never be read.
fn outside(name: &str) -> Scratch {
    let outside = Scratch::empty(name);
    std::fs::write(
        outside.path("actors.toml"),
        "[[actor]]\nid = \"outsider\"\nname = \"Zyxwvut\"\nkind = \"person\"\n",
    )
    .unwrap();
    outside
}

fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap();
    let (line, character) = support::utf16_position(text, offset);
    json!({"line": line, "character": character})
}

#[test]
fn a_session_using_every_feature_changes_no_file() {
    let scratch = Scratch::seeds("safety-session");
    let outside = outside("safety-session-outside");
    let before = (snapshot(&scratch.dir), snapshot(&outside.dir));

    // The command line, every subcommand and format.
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["check", S001],
        &["dates"],
        &["dates", "--format", "json"],
        &["actors"],
        &["actors", "--format", "json"],
    ] {
        let (_, code) = dateline(args, &scratch.dir);
        assert!(code == 0 || code == 1, "{args:?} exited with {code}");
    }

    // The server, every feature; edits stay in the editor.
    let mut server = Server::start();
    server.initialize(&scratch.dir, support::push_client());
    let text = scratch.read(S001);
    let uri = scratch.uri(S001);
    server.open(&uri, &text);
    let at = |needle: &str| json!({"textDocument": {"uri": uri}, "position": position_of(&text, needle)});
    let doc = json!({"textDocument": {"uri": uri}});
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 400, "character": 0}});
    let registry_uri = scratch.uri("actors.toml");
    let registry = scratch.read("actors.toml");
    let on_id = json!({"textDocument": {"uri": registry_uri}, "position": position_of(&registry, "\"belarus\"")});
    let mut references = at("Belarus");
    references["context"] = json!({"includeDeclaration": true});
    let mut rename = on_id.clone();
    rename["newName"] = json!("belarus-state");
    let requests: Vec<(&str, Value)> = vec![
        ("textDocument/hover", at("Belarus")),
        ("textDocument/definition", at("Belarus")),
        ("textDocument/references", references),
        ("textDocument/documentHighlight", at("Belarus")),
        ("textDocument/completion", at("Belarus")),
        (
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}}),
        ),
        (
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": whole}),
        ),
        ("textDocument/semanticTokens/full", doc.clone()),
        ("textDocument/documentSymbol", doc.clone()),
        ("textDocument/foldingRange", doc.clone()),
        (
            "textDocument/codeLens",
            json!({"textDocument": {"uri": registry_uri}}),
        ),
        ("textDocument/prepareRename", on_id),
        ("textDocument/rename", rename),
        ("workspace/symbol", json!({"query": "bel"})),
        ("workspace/diagnostic", json!({"previousResultIds": []})),
        ("dateline/timeline", json!({})),
        ("dateline/status", Value::Null),
    ];
    for (method, params) in requests {
        server.request(method, params);
    }
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "Source: X\nDate: 2022-01-01\n\nRewritten.\n"}]}),
    );
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    server.request("textDocument/diagnostic", doc);
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri(SUMMARY), "type": 2}, {"uri": scratch.uri("gone.article"), "type": 3}]}),
    );
    server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    assert_eq!(server.stop(), Some(0));

    let after = (snapshot(&scratch.dir), snapshot(&outside.dir));
    assert_eq!(before, after, "a file was written, moved or deleted");
}

/// The registries a corpus configured with `registries` ends up using.
fn actors_loaded(scratch: &Scratch) -> Vec<String> {
    let (stdout, code) = dateline(&["actors", "--format", "json"], &scratch.dir);
    assert_eq!(code, 0, "{stdout}");
    let actors: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    actors
        .iter()
        .map(|actor| actor["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn registries_outside_the_workspace_are_never_loaded() {
    let outside = outside("safety-outside");
    let name = outside
        .dir
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let cases = [
        format!("../{name}/actors.toml"),
        format!("sub/../../{name}/actors.toml"),
        outside.path("actors.toml").display().to_string(),
        format!("..\\\\{name}\\\\actors.toml"),
    ];
    for registry in cases {
        let scratch = Scratch::empty("safety-config");
        std::fs::create_dir(scratch.path("sub")).unwrap();
        std::fs::write(
            scratch.path("dateline.toml"),
            format!("[corpus]\nregistries = [\"{registry}\"]\n"),
        )
        .unwrap();
        std::fs::write(
            scratch.path("a.article"),
            "Source: X\nDate: 2022-01-01\n\nZyxwvut said it on Monday.\n",
        )
        .unwrap();
        assert_eq!(actors_loaded(&scratch), Vec::<String>::new(), "{registry}");
        // Through the library's loader too.
        let mut corpus = dateline::corpus::Corpus::new(None);
        dateline::loader::load_corpus(&scratch.dir, &mut corpus, |_| {});
        assert!(corpus.actors().is_empty(), "{registry}");
        assert!(corpus.registries().next().is_none(), "{registry}");
    }
}

#[cfg(unix)]
#[test]
fn a_registry_that_is_a_link_out_of_the_workspace_is_not_followed() {
    let outside = outside("safety-link-outside");
    let scratch = Scratch::empty("safety-link");
    std::os::unix::fs::symlink(outside.path("actors.toml"), scratch.path("actors.toml")).unwrap();
    std::fs::write(
        scratch.path("a.article"),
        "Source: X\nDate: 2022-01-01\n\nZyxwvut said it on Monday.\n",
    )
    .unwrap();
    assert_eq!(actors_loaded(&scratch), Vec::<String>::new());
}

#[test]
fn the_server_reads_nothing_outside_its_folders_when_told_of_it() {
    let outside = outside("safety-server-outside");
    let scratch = Scratch::seeds("safety-server");
    let mut server = Server::start();
    server.initialize(&scratch.dir, support::push_client());
    // An editor reporting a change to a registry outside every folder.
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": outside.uri("actors.toml"), "type": 1}]}),
    );
    let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let uris: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["uri"].as_str())
        .collect();
    assert!(
        uris.iter()
            .all(|uri| !uri.contains("safety-server-outside")),
        "{uris:?}"
    );
    assert_eq!(server.stop(), Some(0));
}
