//! End-to-end tests of `dateline lsp` over stdio on a copy of the seed corpus: the real
//! binary, real framing, the protocol as an editor speaks it.

mod support;

use serde_json::{json, Value};
use support::{push_client, utf16_position, Scratch, Server};

const S001: &str = "001_8af3ff2e160be067.article";
const S002: &str = "002_4c3a09d4f9057a5e.article";
const S004: &str = "004_d6eac129bc59381f.article";
const SUMMARY: &str = "summary-belarus-mobilization.article";

fn position_of(text: &str, needle: &str) -> Value {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let (line, character) = utf16_position(text, offset);
    json!({"line": line, "character": character})
}

fn at(scratch: &Scratch, name: &str, needle: &str) -> Value {
    let text = scratch.read(name);
    json!({"textDocument": {"uri": scratch.uri(name)}, "position": position_of(&text, needle)})
}

/// The text a protocol range covers, counting UTF-16 columns.
fn text_of_range(text: &str, range: &Value) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (index, ch) in text[line_start..].char_indices() {
            if units >= character {
                return line_start + index;
            }
            units += ch.len_utf16();
        }
        text.len()
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}

#[test]
fn pushes_undated_claim_warnings_with_the_document_version() {
    let scratch = Scratch::seeds("push");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let text = scratch.read(S001);
    server.open(&scratch.uri(S001), &text);
    let uri = scratch.uri(S001);
    let published = server.wait_for(|message| {
        message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
    });
    assert_eq!(published["params"]["version"], 1);
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let undated: Vec<String> = diagnostics
        .iter()
        .filter(|d| d["code"] == "undated-claim")
        .map(|d| text_of_range(&text, &d["range"]))
        .collect();
    assert!(
        undated
            .iter()
            .any(|sentence| sentence.starts_with("The call-up has been described")),
        "{undated:#?}"
    );
    // The sentence dated by its own "On Thursday" is not reported.
    assert!(!undated
        .iter()
        .any(|sentence| sentence.starts_with("On Thursday")));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn hover_on_a_mention_after_curly_quotes_shows_the_actor_card() {
    let scratch = Scratch::seeds("hover");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let text = scratch.read(S002);
    server.open(&scratch.uri(S002), &text);
    // The line starts with curly quotes, so UTF-16 and byte columns differ here.
    let needle = "Makei claimed in his comment";
    let line_start = text[..text.find(needle).unwrap()].rfind('\n').unwrap() + 1;
    assert!(text[line_start..].starts_with('“'));
    let hover = server.request("textDocument/hover", at(&scratch, S002, needle));
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Makei"), "{card}");
    assert!(card.contains("mention"), "{card}");
    assert_eq!(text_of_range(&text, &hover["range"]), "Makei");
}

#[test]
fn references_from_an_open_file_find_mentions_in_files_never_opened() {
    let scratch = Scratch::seeds("references");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let text = scratch.read(S004);
    server.open(&scratch.uri(S004), &text);
    let mut params = at(&scratch, S004, "Lukashenka and his generals");
    params["context"] = json!({"includeDeclaration": false});
    let locations = server.request("textDocument/references", params);
    let locations = locations.as_array().unwrap();
    let uris: std::collections::BTreeSet<&str> = locations
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    for other in [
        "000_d3301de9df92c926.article",
        S002,
        "003_908a619eda21eca9.article",
    ] {
        assert!(
            uris.contains(scratch.uri(other).as_str()),
            "{other} missing from {uris:#?}"
        );
    }
    // Every location covers one of the actor's written forms.
    for location in locations {
        let name = file_name(location);
        let covered = text_of_range(&scratch.read(name), &location["range"]);
        // The Latin spellings, and the Cyrillic and Polish ones of the multilingual samples.
        assert!(
            covered.contains("Lukash") || covered.contains("Лукаш") || covered.contains("Łukasz"),
            "{covered}"
        );
    }
    let mut with_declaration = at(&scratch, S004, "Lukashenka and his generals");
    with_declaration["context"] = json!({"includeDeclaration": true});
    let all = server.request("textDocument/references", with_declaration);
    assert_eq!(all.as_array().unwrap().len(), locations.len() + 1);
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["uri"] == scratch.uri("actors.toml")));
}

#[test]
fn definition_goes_to_the_registry_and_to_cited_articles() {
    let scratch = Scratch::seeds("definition");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let definition = server.request(
        "textDocument/definition",
        at(&scratch, S004, "Lukashenko said"),
    );
    assert_eq!(definition[0]["uri"], scratch.uri("actors.toml"));
    let registry = scratch.read("actors.toml");
    assert_eq!(
        text_of_range(&registry, &definition[0]["range"]),
        "lukashenka"
    );

    let cited = server.request(
        "textDocument/definition",
        at(&scratch, SUMMARY, "jpost-2022-09-29"),
    );
    assert_eq!(cited[0]["uri"], scratch.uri(S001));
}

#[test]
fn a_burst_of_edits_sent_out_of_order_is_applied_in_version_order() {
    let scratch = Scratch::seeds("burst");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let uri = scratch.uri("draft.article");
    let header = "Source: Notes\nDate: 2022-10-15\n\n";
    server.open(&uri, header);
    // Type "Lukashenka said." one character per version, sending each pair of versions
    // swapped: only applying them in version order spells the name.
    let typed = "Lukashenka said.";
    let mut edits: Vec<(i64, Value)> = Vec::new();
    for (index, ch) in typed.chars().enumerate() {
        let position = json!({"line": 3, "character": index});
        edits.push((
            index as i64 + 2,
            json!({"range": {"start": position, "end": position}, "text": ch.to_string()}),
        ));
    }
    for pair in edits
        .chunks(2)
        .map(|pair| pair.iter().rev().collect::<Vec<_>>())
    {
        for (version, change) in pair {
            server.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
            );
        }
    }
    assert_hover_names(&mut server, &uri, 3, 3, "Lukashenka");
}

/// Asks for a hover at `line`, `character` of `uri` and checks that its card holds `name`.
fn assert_hover_names(server: &mut Server, uri: &str, line: u32, character: u32, name: &str) {
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(card.contains(name), "{hover}");
}

#[test]
fn requests_past_the_end_get_empty_answers_and_the_server_lives_on() {
    let scratch = Scratch::seeds("past-end");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let text = scratch.read(S001);
    server.open(&scratch.uri(S001), &text);
    let far = json!({"textDocument": {"uri": scratch.uri(S001)}, "position": {"line": 99999, "character": 5}});
    assert_eq!(
        server.request("textDocument/hover", far.clone()),
        Value::Null
    );
    assert_eq!(server.request("textDocument/definition", far), Value::Null);
    let wide = json!({"textDocument": {"uri": scratch.uri(S001)}, "position": {"line": 0, "character": 5000}});
    assert_eq!(server.request("textDocument/hover", wide), Value::Null);
    let unknown = json!({"textDocument": {"uri": "file:///nowhere/x.article"}, "position": {"line": 0, "character": 0}});
    assert_eq!(server.request("textDocument/hover", unknown), Value::Null);
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn negotiates_utf8_when_offered_and_utf16_otherwise() {
    let scratch = Scratch::seeds("encoding");
    let mut server = Server::start();
    let mut capabilities = push_client();
    capabilities["general"] = json!({"positionEncodings": ["utf-8", "utf-16"]});
    let result = server.initialize(&scratch.dir, capabilities);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    // A column in bytes: "Makei" after curly quotes.
    let text = scratch.read(S002);
    server.open(&scratch.uri(S002), &text);
    let offset = text.find("Makei claimed in his comment").unwrap();
    let line_start = text[..offset].rfind('\n').unwrap() + 1;
    let line = text[..offset].matches('\n').count();
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": scratch.uri(S002)}, "position": {"line": line, "character": offset - line_start}}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Makei"));
    assert_eq!(hover["range"]["start"]["character"], offset - line_start);

    let mut other = Server::start();
    let result = other.initialize(&scratch.dir, push_client());
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

/// A workspace report gives each file's report a result id; asked again with those ids,
/// the files whose diagnostics cannot have changed are reported unchanged, and a file
/// changed since is reported in full again.
#[test]
fn workspace_diagnostics_asked_again_report_only_what_changed() {
    let scratch = Scratch::seeds("workspace-pull-again");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let ask = |server: &mut Server, previous: Value| {
        let report = server.request(
            "workspace/diagnostic",
            json!({"previousResultIds": previous}),
        );
        report["items"].as_array().unwrap().clone()
    };
    let first = ask(&mut server, json!([]));
    assert!(first.len() > 5);
    assert!(first.iter().all(|item| item["kind"] == "full"));
    let ids: Vec<Value> = first
        .iter()
        .map(|item| json!({"uri": item["uri"], "value": item["resultId"]}))
        .collect();
    assert!(ids.iter().all(|id| id["value"].is_string()));
    let again = ask(&mut server, json!(ids));
    assert_eq!(again.len(), first.len());
    for (before, now) in first.iter().zip(&again) {
        assert_eq!(now["kind"], "unchanged", "{}", now["uri"]);
        assert_eq!(now["resultId"], before["resultId"]);
    }
    // An article edited in the editor: its own report is made again.
    let edited = scratch.uri(S002);
    let text = scratch.read(S002) + "\nThe minister said the talks would resume.\n";
    server.open(&edited, &text);
    let after_edit = ask(&mut server, json!(ids));
    let report = after_edit
        .iter()
        .find(|item| item["uri"] == edited.as_str())
        .unwrap();
    assert_eq!(report["kind"], "full");
    assert!(report["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["message"].as_str().unwrap().contains("said")));
    assert_eq!(server.stop(), Some(0));
}

/// Asked with a partial-result token, the workspace's report comes in `$/progress`
/// parts before an empty answer: the same files' reports as the report asked whole.
#[test]
fn workspace_diagnostics_asked_in_parts_come_in_parts_before_the_answer() {
    let scratch = Scratch::seeds("workspace-pull-parts");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let whole = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let whole = whole["items"].as_array().unwrap().clone();
    assert!(whole.len() > 5);
    server.notifications.clear();
    let answer = server.request(
        "workspace/diagnostic",
        json!({"previousResultIds": [], "partialResultToken": "parts"}),
    );
    assert_eq!(answer["items"], json!([]));
    let parts: Vec<Value> = server
        .notifications
        .iter()
        .filter(|message| {
            message["method"] == "$/progress" && message["params"]["token"] == "parts"
        })
        .flat_map(|message| {
            message["params"]["value"]["items"]
                .as_array()
                .unwrap()
                .clone()
        })
        .collect();
    assert_eq!(parts, whole);
    assert_eq!(server.stop(), Some(0));
}

/// A document's pulled report carries a result id; pulled again with it, unchanged while
/// nothing its diagnostics read changed, in full once the document is edited.
#[test]
fn a_document_pulled_again_with_its_result_id_is_reported_unchanged_until_edited() {
    let scratch = Scratch::seeds("document-pull-again");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let uri = scratch.uri(S002);
    let pull = |server: &mut Server, previous: Value| {
        server.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}, "previousResultId": previous}),
        )
    };
    let first = pull(&mut server, Value::Null);
    assert_eq!(first["kind"], "full");
    let id = first["resultId"].clone();
    assert!(id.is_string());
    let again = pull(&mut server, id.clone());
    assert_eq!(again["kind"], "unchanged");
    assert_eq!(again["resultId"], id);
    // Another article takes a name of its own: nothing this document's diagnostics read.
    std::fs::write(
        scratch.path("other.article"),
        "Source: Notes\nDate: 2022-10-20\n\nZorbulan Quext met officials, they said.\n",
    )
    .unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri("other.article"), "type": 1}]}),
    );
    // Once the server has taken the other article in (its undated claim is reported),
    // this document's report is still the one the editor holds.
    let other = json!({"textDocument": {"uri": scratch.uri("other.article")}});
    let taken_in = (0..400).any(|_| {
        let report = server.request("textDocument/diagnostic", other.clone());
        let reported = report["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|d| d["code"] == "undated-claim"));
        if !reported {
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        reported
    });
    assert!(taken_in, "the other article was never taken in");
    assert_eq!(pull(&mut server, id.clone())["kind"], "unchanged");
    let text = scratch.read(S002) + "\nThe minister said the talks would resume.\n";
    server.open(&scratch.uri(S002), &text);
    let edited = pull(&mut server, id.clone());
    assert_eq!(edited["kind"], "full");
    assert_ne!(edited["resultId"], id);
}

/// Writes `count` articles of the same `text` into the folder `folder` of the scratch
/// corpus (`folder/000.article`, ...); returns their paths in the corpus.
fn write_articles(scratch: &Scratch, folder: &str, count: usize, text: &str) -> Vec<String> {
    std::fs::create_dir_all(scratch.path(folder)).unwrap();
    let names: Vec<String> = (0..count)
        .map(|n| format!("{folder}/{n:03}.article"))
        .collect();
    for name in &names {
        std::fs::write(scratch.path(name), text).unwrap();
    }
    names
}

/// Watched-file events saying that each of `names` was created.
fn created_events(scratch: &Scratch, names: &[String]) -> Vec<Value> {
    names
        .iter()
        .map(|name| json!({"uri": scratch.uri(name), "type": 1}))
        .collect()
}

/// The URIs of the references to Lukashenka (the seeds' top actor), declaration left out.
fn files_referring_to_lukashenka(server: &mut Server, scratch: &Scratch) -> Vec<String> {
    let mut params = at(scratch, S002, "Lukashenka “held");
    params["context"] = json!({"includeDeclaration": false});
    let locations = server.request("textDocument/references", params);
    let uris = locations.as_array().unwrap().iter();
    uris.map(|l| l["uri"].as_str().unwrap().to_string())
        .collect()
}

/// The reports of the `$/progress` parts of partial-result token `token` received so far.
fn parts_of(server: &Server, token: &str) -> Vec<Value> {
    server
        .notifications
        .iter()
        .filter(|message| message["method"] == "$/progress" && message["params"]["token"] == token)
        .flat_map(|message| {
            message["params"]["value"]["items"]
                .as_array()
                .unwrap()
                .clone()
        })
        .collect()
}

/// The result ids of `reports`, as `previousResultIds` (those without one left out).
fn result_ids(reports: &[Value]) -> Vec<Value> {
    reports
        .iter()
        .filter(|report| report["resultId"].is_string())
        .map(|report| json!({"uri": report["uri"], "value": report["resultId"]}))
        .collect()
}

/// A workspace pull in parts is held while nothing changed since the editor's reports
/// (VS Code pulls again two seconds after every answer), answers once a file changes with
/// that file's report only, reports a removed file empty, and is let go of, answered
/// empty, when a newer pull comes.
#[test]
fn a_workspace_pull_in_parts_is_held_until_something_changes_and_sends_only_that() {
    let scratch = Scratch::seeds("workspace-pull-held");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let pull = |server: &mut Server, token: &str, previous: &[Value]| {
        server.send_request(
            "workspace/diagnostic",
            json!({"previousResultIds": previous, "partialResultToken": token}),
        )
    };
    let first = pull(&mut server, "first", &[]);
    server.response(first);
    let all = parts_of(&server, "first");
    assert!(all.len() > 5);
    let mut held = result_ids(&all);
    assert_eq!(held.len(), all.len());

    // Nothing changed: held while other requests are answered.
    let second = pull(&mut server, "second", &held);
    server.request("dateline/status", Value::Null);
    assert!(
        !server
            .notifications
            .iter()
            .any(|m| m["id"] == json!(second)),
        "answered while nothing changed"
    );
    // An article changes on disk: the held pull answers with its report alone.
    let changed = scratch.path(S004);
    let text = scratch.read(S004) + "\nThe minister said the talks would resume.\n";
    std::fs::write(&changed, text).unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri(S004), "type": 2}]}),
    );
    assert_eq!(server.response(second)["result"]["items"], json!([]));
    let sent = parts_of(&server, "second");
    let uris: Vec<&str> = sent.iter().map(|r| r["uri"].as_str().unwrap()).collect();
    assert_eq!(uris, vec![scratch.uri(S004).as_str()]);
    assert_eq!(sent[0]["kind"], "full");
    held.retain(|id| id["uri"] != scratch.uri(S004).as_str());
    held.extend(result_ids(&sent));

    // A newer pull lets the held one go, answered empty and without parts.
    let third = pull(&mut server, "third", &held);
    let fourth = pull(&mut server, "fourth", &held);
    assert_eq!(server.response(third)["result"]["items"], json!([]));
    assert!(parts_of(&server, "third").is_empty());
    // A removed article is reported empty, without a result id.
    std::fs::remove_file(scratch.path(S001)).unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri(S001), "type": 3}]}),
    );
    server.response(fourth);
    let sent = parts_of(&server, "fourth");
    let removed = sent
        .iter()
        .find(|report| report["uri"] == scratch.uri(S001).as_str())
        .expect("the removed article reported");
    assert_eq!(removed["items"], json!([]));
    assert!(removed.get("resultId").is_none_or(Value::is_null));
    // A pull held when the session ends does not hold the end back.
    let whole = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let now = result_ids(whole["items"].as_array().unwrap());
    let fifth = pull(&mut server, "fifth", &now);
    server.request("dateline/status", Value::Null);
    assert!(!server.notifications.iter().any(|m| m["id"] == json!(fifth)));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn workspace_diagnostics_cover_every_file_of_the_corpus() {
    let scratch = Scratch::seeds("workspace-pull");
    // More files than the server reports under one lock of its state: the whole answer
    // is written in several batches.
    let bulk = write_articles(
        &scratch,
        "bulk",
        600,
        "Source: Notes\nDate: 2022-10-20\n\nMakei met Lukashenka.\n",
    );
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = report["items"].as_array().unwrap();
    let uris: Vec<&str> = items
        .iter()
        .map(|item| item["uri"].as_str().unwrap())
        .collect();
    for name in [S001, S002, S004, SUMMARY, "actors.toml"] {
        assert!(uris.contains(&scratch.uri(name).as_str()), "{name}");
    }
    // Each file once, each bulk article with its undated claim.
    let distinct: std::collections::HashSet<&str> = uris.iter().copied().collect();
    assert_eq!(distinct.len(), uris.len());
    for name in &bulk {
        let uri = scratch.uri(name);
        let item = items.iter().find(|item| item["uri"] == uri.as_str());
        let codes: Vec<&Value> = item.unwrap_or_else(|| panic!("{name} not reported"))["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| &d["code"])
            .collect();
        assert_eq!(codes, vec!["undated-claim"], "{name}");
    }
    let undated: usize = items
        .iter()
        .flat_map(|item| item["items"].as_array().unwrap())
        .filter(|d| d["code"] == "undated-claim")
        .count();
    assert!(undated > 0);
    let document = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": scratch.uri(S001)}}),
    );
    assert_eq!(document["kind"], "full");
}

#[test]
fn a_file_created_on_disk_joins_the_index_through_the_watcher() {
    let scratch = Scratch::seeds("watcher");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    std::fs::write(
        scratch.path("new.article"),
        "Source: Notes\nDate: 2022-10-20\n\nMakei met Lukashenka on 19 October.\n",
    )
    .unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri("new.article"), "type": 1}]}),
    );
    let mut params = at(&scratch, S002, "Makei claimed");
    params["context"] = json!({"includeDeclaration": false});
    let locations = server.request("textDocument/references", params.clone());
    assert!(locations
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["uri"] == scratch.uri("new.article")));

    std::fs::remove_file(scratch.path("new.article")).unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri("new.article"), "type": 3}]}),
    );
    let locations = server.request("textDocument/references", params);
    assert!(!locations
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["uri"] == scratch.uri("new.article")));
}

/// A `git pull` or a branch switch: hundreds of articles created or changed at once are
/// read and analysed off the lock with a progress report of their own, then found by
/// references; one rewritten and one removed in the same events are no longer found. The
/// events are many enough to be looked at off the task that serves the messages, and
/// their message long enough for the transport to take them out of it.
#[test]
fn many_files_changed_on_disk_at_once_are_analysed_apart_with_progress() {
    let scratch = Scratch::seeds("watcher-many");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let referring = |server: &mut Server| files_referring_to_lukashenka(server, &scratch);
    let before = referring(&mut server);
    assert!(before.contains(&scratch.uri(S001)) && before.contains(&scratch.uri(S004)));
    // A folder name long enough that the events pass 64 kB whatever the scratch folder's
    // path (its length varies with the process id).
    let created = write_articles(
        &scratch,
        "pulled-from-the-remote-branch",
        800,
        "Source: Notes\nDate: 2022-10-20\n\nMakei met Lukashenka on 19 October.\n",
    );
    // One seed article rewritten without a mention of Makei, another removed.
    std::fs::write(
        scratch.path(S004),
        "Source: Notes\nDate: 2022-10-20\n\nNothing.\n",
    )
    .unwrap();
    std::fs::remove_file(scratch.path(S001)).unwrap();
    let mut changes = created_events(&scratch, &created);
    changes.push(json!({"uri": scratch.uri(S004), "type": 2}));
    changes.push(json!({"uri": scratch.uri(S001), "type": 3}));
    let params = json!({"changes": changes});
    // Past the transport's 64 kB, from which it takes the events out.
    assert!(params.to_string().len() > 64 * 1024);
    server.notify("workspace/didChangeWatchedFiles", params);
    let begun = server.wait_for(|m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == "dateline/changes"
            && m["params"]["value"]["kind"] == "begin"
    });
    assert_eq!(
        begun["params"]["value"]["message"],
        "Analysing 801 changed articles"
    );
    server.wait_for(|m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == "dateline/changes"
            && m["params"]["value"]["kind"] == "end"
    });
    let after = referring(&mut server);
    for name in &created {
        assert!(after.contains(&scratch.uri(name)), "{name}");
    }
    assert!(!after.contains(&scratch.uri(S004)));
    assert!(!after.contains(&scratch.uri(S001)));
}

/// The work of many file events that fails part way (a defect) loses none of them: the
/// server says so in the log and indexes its folders again from disk.
#[test]
fn file_events_whose_work_fails_are_recovered_by_indexing_again() {
    let scratch = Scratch::seeds("watcher-fails");
    // The panic's message goes to the server's standard error: kept, not shown.
    let mut server = Server::start_capturing_stderr();
    server.initialize(&scratch.dir, push_client());
    let created = write_articles(
        &scratch,
        "switched",
        300,
        "Source: Notes\nDate: 2022-10-20\n\nMakei met Lukashenka on 19 October.\n",
    );
    std::fs::remove_file(scratch.path(S001)).unwrap();
    let mut changes = created_events(&scratch, &created);
    changes.push(json!({"uri": scratch.uri(S001), "type": 3}));
    let id = server.send_request("dateline/debug/panic", json!({"at": "next-file-events"}));
    assert_eq!(server.response(id)["result"], Value::Null);
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": changes }),
    );
    let said = server.wait_for(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 1);
    let said = said["params"]["message"].as_str().unwrap().to_string();
    assert!(
        said.contains("applying 301 changes of watched files failed")
            && said.contains("indexing the folders again from disk"),
        "{said}"
    );
    // What came before is forgotten, so that the end waited for is the new indexing's.
    server.notifications.clear();
    server.wait_for(|m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == "dateline/indexing"
            && m["params"]["value"]["kind"] == "end"
    });
    let referring = files_referring_to_lukashenka(&mut server, &scratch);
    for name in &created {
        assert!(referring.contains(&scratch.uri(name)), "{name}");
    }
    assert!(!referring.contains(&scratch.uri(S001)));
    assert!(server.stderr_shows("requested by dateline/debug/panic at the next file events"));
    assert_eq!(server.stop(), Some(0));
}

/// The protocol has a document's versions increase, not one by one (Neovim sends its
/// buffer's change count, which can jump): a change after a gap is applied, and its
/// diagnostics published for its version.
#[test]
fn a_change_whose_version_skips_numbers_is_applied() {
    let scratch = Scratch::seeds("version-gap");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let uri = scratch.uri(S001);
    server.open(&uri, "Source: Notes\nDate: 2022-10-20\n\nNothing yet.\n");
    let text = "Source: Notes\nDate: 2022-10-20\n\nThe minister said the talks had failed.\n";
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 7}, "contentChanges": [{"text": text}]}),
    );
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"] == 7
    });
    assert!(published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "undated-claim"));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_one() {
    let mut server = Server::start();
    server.notify("exit", Value::Null);
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn a_request_before_initialize_is_refused_and_the_server_carries_on() {
    let scratch = Scratch::seeds("before-init");
    let mut server = Server::start();
    let id = server.send_request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}),
    );
    let response = server.response(id);
    assert_eq!(response["error"]["code"], -32002);
    server.initialize(&scratch.dir, push_client());
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_panic_in_a_handler_answers_with_an_error_and_the_server_lives_on() {
    let scratch = Scratch::seeds("panic");
    // The panic's message goes to the server's standard error: kept, not shown.
    let mut server = Server::start_capturing_stderr();
    server.initialize(&scratch.dir, push_client());
    let id = server.send_request("dateline/debug/panic", json!({}));
    let response = server.response(id);
    assert_eq!(response["error"]["code"], -32603, "{response}");
    // The state lock the panicking job held is usable again.
    let hover = server.request("textDocument/hover", at(&scratch, S004, "Lukashenko said"));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Lukashenka"));
    assert!(
        server.stderr_shows("requested by dateline/debug/panic"),
        "{}",
        server.stderr_text()
    );
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn nothing_is_published_for_a_document_after_it_is_closed() {
    let scratch = Scratch::seeds("close");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let uri = scratch.uri("draft.article");
    server.open(
        &uri,
        "Source: X\nDate: 2022-10-15\n\nThe ministry said so.\n",
    );
    for version in 2..20 {
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "x"}]}),
        );
    }
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    // Give any debounced job ample time to (wrongly) publish, then look at the last word.
    std::thread::sleep(std::time::Duration::from_millis(500));
    server.request("dateline/status", json!({}));
    let published: Vec<&Value> = server
        .notifications
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .collect();
    let last = published.last().expect("the close publishes an empty set");
    assert_eq!(last["params"]["diagnostics"], json!([]));
}

#[test]
fn editor_settings_from_workspace_configuration_change_the_analysis() {
    let scratch = Scratch::seeds("settings");
    let mut server = Server::start();
    server.settings = json!({"extraCues": ["briefed"], "dateScope": "sentence"});
    server.initialize(&scratch.dir, push_client());
    let uri = scratch.uri("draft.article");
    server.open(&uri, "Source: X\nDate: 2022-10-15\n\nOn 8 October the minister said it. The minister briefed reporters.\n");
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    let codes: Vec<&str> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // "briefed" is a cue now, and sentence scope ignores the date of the sentence before.
    assert_eq!(codes, ["undated-claim"]);
}

#[test]
fn indexing_progress_counts_the_articles_analysed_as_they_are_read() {
    let scratch = Scratch::seeds("progress-stages");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let reports = progress_reports(&server);
    // The seeds: five articles, a summary and four multilingual samples (the registry is
    // read with the settings, before them). With no cache yet, each article is read as
    // it is analysed: there is no reading before.
    assert_eq!(reports, [("Analysing 10/10 articles".to_string(), 100)]);
}

#[test]
fn every_workspace_folder_is_its_own_corpus() {
    let first = Scratch::seeds("multi-a");
    let second = Scratch::empty("multi-b");
    std::fs::write(
        second.path("actors.toml"),
        "[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naliases = [\"Makei\"]\n",
    )
    .unwrap();
    std::fs::write(
        second.path("note.article"),
        "Source: Notes\nDate: 2022-10-20\n\nMakei said nothing on 19 October.\n",
    )
    .unwrap();
    let mut server = Server::start();
    let folder = |scratch: &Scratch, name: &str| json!({"uri": format!("file://{}", scratch.dir.display()), "name": name});
    server.request(
        "initialize",
        json!({"processId": null, "capabilities": push_client(), "workspaceFolders": [folder(&first, "a"), folder(&second, "b")]}),
    );
    server.notify("initialized", json!({}));
    server.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end");
    let text = second.read("note.article");
    let (line, character) = support::utf16_position(&text, text.find("Makei").unwrap());
    let definition = server.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": second.uri("note.article")}, "position": {"line": line, "character": character}}),
    );
    assert_eq!(definition[0]["uri"], second.uri("actors.toml"));
    let mut params = at(&first, S002, "Makei claimed");
    params["context"] = json!({"includeDeclaration": false});
    let references = server.request("textDocument/references", params);
    assert!(references
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["uri"].as_str().unwrap().contains("multi-a")));
}

#[test]
fn a_cancelled_request_is_answered_and_the_server_carries_on() {
    let scratch = Scratch::seeds("cancel");
    let mut server = Server::start();
    server.initialize(&scratch.dir, pull_client());
    // The whole corpus's diagnostics, cancelled at once: the answer is either the result
    // (it was already done) or the protocol's "request cancelled" error, never silence.
    let id = server.send_request("workspace/diagnostic", json!({"previousResultIds": []}));
    server.notify("$/cancelRequest", json!({"id": id}));
    let response = server.response(id);
    match response.get("error") {
        Some(error) => assert_eq!(error["code"], -32800, "{response}"),
        None => assert!(response["result"]["items"].is_array(), "{response}"),
    }
    let hover = server.request("textDocument/hover", at(&scratch, S004, "Lukashenko said"));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Lukashenka"));
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_configuration_change_on_disk_brings_in_the_registries_it_names() {
    let scratch = Scratch::empty("config-change");
    std::fs::create_dir_all(scratch.path("people")).unwrap();
    std::fs::write(
        scratch.path("people/actors.toml"),
        "[[actor]]\nid = \"makei\"\nname = \"Vladimir Makei\"\nkind = \"person\"\naliases = [\"Makei\"]\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path("note.article"),
        "Source: Notes\nDate: 2022-10-20\n\nMakei said nothing on 19 October.\n",
    )
    .unwrap();
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let hover_params = json!({"textDocument": {"uri": scratch.uri("note.article")}, "position": {"line": 3, "character": 2}});
    // Before the registry is read, `Makei` is no actor: the hover is the claim card of
    // the sentence, not an actor card.
    let before = server.request("textDocument/hover", hover_params.clone());
    assert!(
        before["contents"]["value"]
            .as_str()
            .is_some_and(|card| card.starts_with("### Claim")),
        "{before}"
    );
    std::fs::write(
        scratch.path("dateline.toml"),
        "[corpus]\nregistries = [\"people/actors.toml\"]\n",
    )
    .unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": scratch.uri("dateline.toml"), "type": 1}]}),
    );
    let hover = server.request("textDocument/hover", hover_params);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Vladimir Makei"),
        "{hover}"
    );
}

#[test]
fn an_edit_in_one_open_article_updates_the_diagnostics_of_another() {
    let scratch = Scratch::empty("cross-open");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let citing = scratch.uri("a.article");
    let cited = scratch.uri("b.article");
    server.open(&citing, "Source: X\nDate: 2022-10-15\n\nSee [@later].\n");
    server.open(
        &cited,
        "Source: Y\nDate: 2022-10-14\nId: earlier\n\nText.\n",
    );
    let codes_of = |message: &Value| -> Vec<String> {
        message["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let first = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == citing
    });
    assert_eq!(codes_of(&first), ["unknown-citation"]);
    // Rename the other article's id to the cited one: the citation now resolves.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": cited, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 11}}, "text": "later"}]}),
    );
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == citing
            && m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    assert_eq!(published["params"]["version"], 1);
}

#[test]
fn a_large_reference_answer_arrives_whole_with_real_locations() {
    // Over 64 locations go out through the server's direct answers, not tower-lsp's.
    let scratch = Scratch::seeds("references-large");
    let mut many = String::from("Title: Many mentions\nDate: 2026-02-20\n\n");
    for line in 0..90 {
        many.push_str(&format!(
            "On 19 February “Lukashenka” spoke — line {line} — and Lukashenka’s aide replied.\n\n"
        ));
    }
    std::fs::write(scratch.path("many.article"), &many).unwrap();
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let mut params = at(&scratch, "many.article", "Lukashenka”");
    params["context"] = json!({"includeDeclaration": false});
    let result = server.request("textDocument/references", params);
    let locations = result.as_array().expect("an array of locations");
    let in_many: Vec<&Value> = locations
        .iter()
        .filter(|location| location["uri"] == scratch.uri("many.article"))
        .collect();
    assert_eq!(in_many.len(), 180);
    assert!(locations.len() > 180, "the seeds' mentions too");
    for location in locations {
        let uri = location["uri"].as_str().unwrap();
        let name = uri.rsplit('/').next().unwrap();
        assert!(uri.starts_with("file://"), "{uri}");
        let covered = text_of_range(&scratch.read(name), &location["range"]);
        // The Latin spellings, and the Cyrillic and Polish ones of the multilingual samples.
        assert!(
            covered.contains("Lukash") || covered.contains("Лукаш") || covered.contains("Łukasz"),
            "{covered}"
        );
    }
    // The server carries on answering, small answers included.
    let hover = server.request(
        "textDocument/hover",
        at(&scratch, S004, "Lukashenka and his generals"),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Lukash"));
}

#[test]
fn a_large_registry_has_all_its_code_lenses_with_their_counts() {
    // Over 64 lenses go out through the server's direct answers, as large reference
    // answers do.
    let scratch = Scratch::empty("lenses-large");
    let mut registry = String::new();
    let mut article = String::from("Source: Notes\nDate: 2026-02-20\n\n");
    for actor in 0..80 {
        registry.push_str(&format!(
            "[[actor]]\nid = \"person-{actor}\"\nname = \"Person Number{actor}\"\nkind = \"person\"\n\n"
        ));
        // Actor n is named n % 3 times.
        for _ in 0..actor % 3 {
            article.push_str(&format!("Person Number{actor} spoke on 19 February.\n\n"));
        }
    }
    std::fs::write(scratch.path("actors.toml"), &registry).unwrap();
    std::fs::write(scratch.path("notes.article"), &article).unwrap();
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let lenses = server.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": scratch.uri("actors.toml")}}),
    );
    let lenses = lenses.as_array().expect("an array of lenses");
    assert_eq!(lenses.len(), 80);
    for (actor, lens) in lenses.iter().enumerate() {
        let expected = match actor % 3 {
            0 => "no mentions",
            1 => "1 mention in 1 article",
            _ => "2 mentions in 1 article",
        };
        assert_eq!(lens["command"]["title"], expected, "{lens}");
        assert_eq!(lens["command"]["arguments"][0], scratch.uri("actors.toml"));
        let line = lens["range"]["start"]["line"].as_u64().unwrap();
        assert_eq!(
            registry.lines().nth(line as usize).unwrap(),
            format!("id = \"person-{actor}\"")
        );
    }
}

#[test]
fn a_large_open_document_is_analysed_whole_and_its_edits_are_applied() {
    // Texts of 256 kB or more reach the server beside tower-lsp-server's input.
    let scratch = Scratch::seeds("open-large");
    let uri = scratch.uri("large.article");
    let mut text = String::from("Source: Notes\nDate: 2026-02-20\n\n");
    while text.len() < 400 * 1024 {
        text.push_str("The border guards counted the trucks on 19 February at the crossing.\n\n");
    }
    text.push_str("Lukashenka pardoned eighteen prisoners.\n");
    let last_line = text.lines().count() - 1;
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    server.open(&uri, &text);
    let undated_lines = |message: &Value| -> Vec<u64> {
        message["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "undated-claim")
            .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
            .collect()
    };
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    assert_eq!(undated_lines(&published), [last_line as u64]);
    // A whole new text, as large, in a `didChange`: the undated claim moves to the top.
    let mut changed = String::from(
        "Source: Notes\nDate: 2026-02-20\n\nLukashenka pardoned eighteen prisoners.\n\n",
    );
    changed.push_str(
        &text["Source: Notes\nDate: 2026-02-20\n\n".len()
            ..text.len() - "Lukashenka pardoned eighteen prisoners.\n".len()],
    );
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"] == 2
    });
    assert_eq!(undated_lines(&published), [3]);
    assert_hover_names(&mut server, &uri, 3, 3, "Lukash");
}

/// One frame of `message`, as `Server::send` writes it.
fn framed(message: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(message).unwrap();
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend(body);
    frame
}

/// A whole session written into the pipe at once, `before` first: initialize,
/// initialized, shutdown, exit, and a request after exit. Returns what the server sent
/// and its exit code.
fn session_in_one_write(name: &str, before: &[u8]) -> (Vec<Value>, Option<i32>) {
    let scratch = Scratch::seeds(name);
    let uri = format!("file://{}", scratch.dir.display());
    let mut session = before.to_vec();
    for message in [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": uri, "capabilities": push_client(),
            "workspaceFolders": [{"uri": uri, "name": "corpus"}]}}),
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "method": "exit"}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "dateline/status", "params": {}}),
    ] {
        session.extend(framed(&message));
    }
    let mut server = Server::start();
    server.send_raw(&session);
    let messages = server.messages_until_closed();
    (messages, server.wait_exit())
}

/// The answers to requests, by id, in the order they came.
fn answers(messages: &[Value]) -> Vec<(Value, Value)> {
    messages
        .iter()
        .filter(|message| message.get("method").is_none())
        .map(|message| (message["id"].clone(), message.clone()))
        .collect()
}

/// `initialize` answered first; `shutdown` answered (not refused as coming before the
/// initialisation, nor cancelled by the `exit` right behind it); nothing answered after
/// `exit`; exit code 0.
fn assert_session_answered_in_order(messages: &[Value], exit_code: Option<i32>) {
    let answers = answers(messages);
    let ids: Vec<&Value> = answers.iter().map(|(id, _)| id).collect();
    assert_eq!(ids, [&json!(1), &json!(2)], "{messages:#?}");
    let (_, initialize) = &answers[0];
    assert!(
        initialize["result"]["capabilities"].is_object(),
        "{initialize}"
    );
    let (_, shutdown) = &answers[1];
    assert_eq!(shutdown.get("error"), None, "{shutdown}");
    assert_eq!(shutdown["result"], Value::Null, "{shutdown}");
    assert_eq!(exit_code, Some(0));
}

#[test]
fn a_whole_session_written_at_once_is_handled_in_order_and_exits_with_zero() {
    let (messages, exit_code) = session_in_one_write("one-write", b"");
    assert_session_answered_in_order(&messages, exit_code);
}

#[test]
fn a_malformed_frame_before_a_whole_session_is_answered_and_the_session_still_runs() {
    let (mut messages, exit_code) =
        session_in_one_write("one-write-malformed", b"Content-Length: 5\r\n\r\n{oops");
    let parse_error = messages.remove(0);
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    assert_eq!(parse_error["id"], Value::Null, "{parse_error}");
    assert_session_answered_in_order(&messages, exit_code);
}

/// The server lets go of the texts of files the editor has not opened and reads them again
/// from disk to place an answer: in byte columns (UTF-8), where the mentions' UTF-16
/// places cannot serve, every reference still covers a written form of the actor.
#[test]
fn references_in_byte_columns_are_placed_in_files_never_opened() {
    let scratch = Scratch::seeds("references-utf8");
    let mut server = Server::start();
    let mut capabilities = push_client();
    capabilities["general"] = json!({"positionEncodings": ["utf-8"]});
    let result = server.initialize(&scratch.dir, capabilities);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let text = scratch.read(S004);
    server.open(&scratch.uri(S004), &text);
    let offset = text.find("Lukashenka and his generals").unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
    let line = text[..offset].matches('\n').count();
    let locations = server.request(
        "textDocument/references",
        json!({
            "textDocument": {"uri": scratch.uri(S004)},
            "position": {"line": line, "character": offset - line_start},
            "context": {"includeDeclaration": false},
        }),
    );
    let locations = locations.as_array().unwrap();
    let mut files = std::collections::BTreeSet::new();
    for location in locations {
        let name = file_name(location);
        files.insert(name.to_string());
        let file = scratch.read(name);
        let byte_at = |position: &Value| {
            let line = position["line"].as_u64().unwrap() as usize;
            let start: usize = file.split_inclusive('\n').take(line).map(str::len).sum();
            start + position["character"].as_u64().unwrap() as usize
        };
        let range = &location["range"];
        let covered = &file[byte_at(&range["start"])..byte_at(&range["end"])];
        assert!(
            covered.contains("Lukash") || covered.contains("Лукаш") || covered.contains("Łukasz"),
            "{name}: {covered:?}"
        );
    }
    assert!(files.len() >= 4, "{files:?}");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_restarted_server_takes_its_analyses_from_the_cache_and_answers_alike() {
    let scratch = Scratch::seeds("warm-start");
    let cache_home = Scratch::empty("warm-start-cache-home");
    let articles = scratch_articles(&scratch);
    let logged = |server: &mut Server, needle: &str| {
        server.wait_for_said("window/logMessage", needle);
    };
    let references = |server: &mut Server| top_actor_references(server, &scratch);

    let mut cold = Server::start_with_cache_home(&cache_home.dir);
    cold.initialize(&scratch.dir, push_client());
    logged(
        &mut cold,
        &format!("cache: 0 of {articles} articles reused"),
    );
    let cold_answer = references(&mut cold);
    assert!(cold_answer.as_array().is_some_and(|found| found.len() > 3));
    // The cache is written after indexing, off the request path: wait for it.
    let folder = cache_home.dir.join("dateline");
    let deadline = std::time::Instant::now() + support::patience();
    while std::fs::read_dir(&folder).map_or(0, |entries| {
        entries
            .filter(|entry| {
                let name = entry.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with("-index.cache")
            })
            .count()
    }) == 0
    {
        assert!(std::time::Instant::now() < deadline, "no cache written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let cold_stages = progress_stages(&cold);
    assert_eq!(cold.stop(), Some(0));

    let mut warm = Server::start_with_cache_home(&cache_home.dir);
    warm.initialize(&scratch.dir, push_client());
    logged(
        &mut warm,
        &format!("cache: {articles} of {articles} articles reused"),
    );
    assert_eq!(references(&mut warm), cold_answer);
    // A cold start reads each article as it analyses it; a warm one reads its cache (and
    // looks at each file) first, and says so.
    assert!(!cold_stages.iter().any(|stage| stage.starts_with("Reading")));
    assert!(
        progress_stages(&warm).contains(&format!("Reading {articles}/{articles} files")),
        "{:?}",
        progress_stages(&warm)
    );
    assert_eq!(warm.stop(), Some(0));
}

/// Once a server has written its cache, the unopened articles let go of their claims and
/// the claims' diagnostics, which the file holds: the workspace's diagnostics and the
/// timeline, read from it, are the same as before.
#[test]
fn once_the_cache_is_written_the_claims_of_unopened_articles_are_read_from_it() {
    let scratch = Scratch::seeds("claims-in-cache");
    let home = Scratch::empty("claims-in-cache-home");
    let mut server = Server::start_with_cache_home(&home.dir);
    let mut capabilities = push_client();
    capabilities["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    server.initialize(&scratch.dir, capabilities);
    let answers = |server: &mut Server| {
        let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
        let timeline = server.request("dateline/timeline", json!({}));
        (report, timeline)
    };
    // Asked at once: the cache is written once the editor has paused.
    let (report, timeline) = answers(&mut server);
    let undated = report.to_string().matches("undated-claim").count();
    assert!(undated > 0 && !timeline.as_array().unwrap().is_empty());
    let said = server.wait_for_said("window/logMessage", "unopened articles are read from it");
    let message = said["params"]["message"].as_str().unwrap();
    let left_out: usize = message
        .split("the claims of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|number| number.parse().ok())
        .unwrap_or(0);
    assert!(
        (3..=scratch_articles(&scratch)).contains(&left_out),
        "{message}"
    );
    assert_eq!(answers(&mut server), (report, timeline));
    assert_eq!(server.stop(), Some(0));
}

/// A warm start whose cache is damaged where only its second pass reads (the whole
/// analyses' rests) takes every article's mentions from it, makes the damaged analyses
/// again from their texts, says so, and writes the cache again rather than leaving it to
/// be found damaged at every start.
#[test]
fn a_cache_damaged_past_its_first_pass_is_said_and_written_again() {
    let scratch = Scratch::seeds("damaged-rests");
    let home = Scratch::empty("damaged-rests-cache-home");
    let two_passes = [("DATELINE_MENTIONS_FIRST_ABOVE", "0")];
    let written_other_than = |than: &[u8]| -> (std::ffi::OsString, Vec<u8>) {
        let deadline = std::time::Instant::now() + support::patience();
        loop {
            if let Some(file) = cache_files(&home.dir)
                .into_iter()
                .find(|(_, bytes)| !bytes.is_empty() && bytes.as_slice() != than)
            {
                return file;
            }
            assert!(std::time::Instant::now() < deadline, "no cache written");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    let mut cold = Server::start_with_cache_home_and_env(&home.dir, &two_passes);
    cold.initialize(&scratch.dir, push_client());
    let expected = top_actor_references(&mut cold, &scratch);
    let (name, good) = written_other_than(&[]);
    assert_eq!(cold.stop(), Some(0));

    // Every block's rests zeroed: the directory at the file's end says where they are.
    let mut damaged = good.clone();
    let length = damaged.len();
    let number = |at: usize| u64::from_le_bytes(good[at..at + 8].try_into().unwrap()) as usize;
    let directory_at = length - 16 - number(length - 8);
    for block in (directory_at..length - 16).step_by(32) {
        damaged[number(block)..number(block + 8)].fill(0);
    }
    assert_ne!(damaged, good);
    std::fs::write(home.dir.join("dateline").join(&name), &damaged).unwrap();

    let articles = scratch_articles(&scratch);
    let mut warm = Server::start_with_cache_home_and_env(&home.dir, &two_passes);
    warm.initialize(&scratch.dir, push_client());
    warm.wait_for_said(
        "window/logMessage",
        &format!("cache: {articles} of {articles} articles reused"),
    );
    warm.wait_for_said(
        "window/logMessage",
        &format!("cache: {articles} cached analyses"),
    );
    assert_eq!(top_actor_references(&mut warm, &scratch), expected);
    let (rewritten_name, rewritten) = written_other_than(&damaged);
    assert_eq!(rewritten_name, name);
    assert_eq!(rewritten.len(), good.len());
    assert_eq!(warm.stop(), Some(0));
}

/// A client that pulls diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`).
fn pull_client() -> Value {
    let mut capabilities = push_client();
    capabilities["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    capabilities
}

/// How many articles the scratch corpus holds.
fn scratch_articles(scratch: &Scratch) -> usize {
    std::fs::read_dir(&scratch.dir)
        .unwrap()
        .filter(|entry| {
            let path = entry.as_ref().unwrap().path();
            path.extension()
                .is_some_and(|extension| extension == "article")
        })
        .count()
}

#[test]
fn a_cold_start_in_two_passes_answers_references_after_the_first_and_diagnostics_after_the_second()
{
    let scratch = Scratch::seeds("two-passes");
    let mut capabilities = push_client();
    capabilities["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let references = |server: &mut Server| top_actor_references(server, &scratch);
    let progress_end = |token: &'static str| {
        move |message: &Value| {
            message["method"] == "$/progress"
                && message["params"]["token"] == token
                && message["params"]["value"]["kind"] == "end"
        }
    };
    let mut one_pass = Server::start();
    one_pass.initialize(&scratch.dir, capabilities.clone());
    let expected_references = references(&mut one_pass);
    let expected_diagnostics = workspace_diagnostics(&mut one_pass);
    assert!(!one_pass
        .notifications
        .iter()
        .any(|message| message["params"]["token"] == "dateline/analysing"));
    assert_eq!(one_pass.stop(), Some(0));

    // Every corpus is large enough to be taken in two passes.
    let mut two_passes = Server::start_with_env(&[("DATELINE_MENTIONS_FIRST_ABOVE", "0")]);
    two_passes.initialize(&scratch.dir, capabilities);
    two_passes.wait_for(progress_end("dateline/indexing"));
    assert_eq!(references(&mut two_passes), expected_references);
    two_passes.wait_for(progress_end("dateline/analysing"));
    assert_eq!(workspace_diagnostics(&mut two_passes), expected_diagnostics);
    assert_eq!(references(&mut two_passes), expected_references);
    assert_eq!(two_passes.stop(), Some(0));
}

/// Every file's report of a whole workspace pull, in the order of their URIs, without
/// their result ids (each server process's own).
fn workspace_diagnostics(server: &mut Server) -> Vec<Value> {
    let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let mut items: Vec<Value> = report["items"].as_array().unwrap().clone();
    items.sort_by_key(|item| item["uri"].as_str().unwrap_or_default().to_string());
    for item in &mut items {
        item.as_object_mut().unwrap().remove("resultId");
    }
    items
}

/// A warm start's workspace pull reports what the cold start before it did, in one pass
/// and in two (where the articles kept for the index leave their claims and diagnostics
/// in the cache file and read them there again).
#[test]
fn a_warm_start_pulls_the_workspace_diagnostics_a_cold_one_did() {
    let scratch = Scratch::seeds("warm-pull");
    let articles = scratch_articles(&scratch);
    for (name, passes) in [
        ("one", &[][..]),
        ("two", &[("DATELINE_MENTIONS_FIRST_ABOVE", "0")][..]),
    ] {
        let home = Scratch::empty(&format!("warm-pull-{name}-cache-home"));
        let mut cold = Server::start_with_cache_home_and_env(&home.dir, passes);
        // A pull during a first pass reports the articles' own diagnostics later (after a
        // refresh); the cold start's cache is written once its second pass has made every
        // whole analysis.
        let second_pass_ended = |server: &mut Server| {
            if !passes.is_empty() {
                server.wait_for(|message| {
                    message["method"] == "$/progress"
                        && message["params"]["token"] == "dateline/analysing"
                        && message["params"]["value"]["kind"] == "end"
                });
            }
        };
        cold.initialize(&scratch.dir, pull_client());
        second_pass_ended(&mut cold);
        let deadline = std::time::Instant::now() + support::patience();
        while cache_files(&home.dir).is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "{name}: no cache written"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let expected = workspace_diagnostics(&mut cold);
        let undated = |reports: &[Value]| {
            reports
                .iter()
                .flat_map(|report| report["items"].as_array().unwrap())
                .filter(|diagnostic| diagnostic["code"] == "undated-claim")
                .count()
        };
        assert!(undated(&expected) > 0, "{name}");
        assert_eq!(cold.stop(), Some(0));

        let mut warm = Server::start_with_cache_home_and_env(&home.dir, passes);
        warm.initialize(&scratch.dir, pull_client());
        warm.wait_for_said(
            "window/logMessage",
            &format!("cache: {articles} of {articles} articles reused"),
        );
        second_pass_ended(&mut warm);
        assert_eq!(
            workspace_diagnostics(&mut warm),
            expected,
            "{name} pass(es)"
        );
        assert_eq!(warm.stop(), Some(0));
    }
}

/// The progress reports `server` has sent so far, in order: each one's message and
/// percentage.
fn progress_reports(server: &Server) -> Vec<(String, u64)> {
    server
        .notifications
        .iter()
        .filter(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "report")
        .map(|m| {
            let value = &m["params"]["value"];
            let message = value["message"].as_str().unwrap_or_default().to_string();
            (message, value["percentage"].as_u64().unwrap_or_default())
        })
        .collect()
}

/// The messages of [`progress_reports`].
fn progress_stages(server: &Server) -> Vec<String> {
    progress_reports(server)
        .into_iter()
        .map(|(message, _)| message)
        .collect()
}

/// The references, declaration included, of the seeds' top actor (Lukashenka).
fn top_actor_references(server: &mut Server, scratch: &Scratch) -> Value {
    let mut params = at(scratch, S004, "Lukashenka and his generals");
    params["context"] = json!({"includeDeclaration": true});
    server.request("textDocument/references", params)
}

/// The file name of a location's URI.
fn file_name(location: &Value) -> &str {
    let uri = location["uri"].as_str().unwrap();
    uri.rsplit('/').next().unwrap()
}

/// Past `[server] claims-limit-mb`, the server says so (a log line and a message shown),
/// makes no second pass and writes no cache: references cover every article, claims are
/// analysed in open articles only. A file it cannot take in is named the same way.
#[test]
fn a_corpus_past_the_claims_limit_and_a_file_left_out_are_said_not_passed_over() {
    let scratch = Scratch::seeds("claims-limit");
    let mut capabilities = push_client();
    capabilities["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let references = |server: &mut Server| top_actor_references(server, &scratch);
    let undated_in = |server: &mut Server, name: &str| -> usize {
        let report = server.request("workspace/diagnostic", json!({"previousResultIds": []}));
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| item["uri"] == scratch.uri(name))
            .flat_map(|item| item["items"].as_array().unwrap())
            .filter(|diagnostic| diagnostic["code"] == "undated-claim")
            .count()
    };
    // A server under the limit, for what the answers are; it writes its cache.
    let warm_home = Scratch::empty("claims-limit-warm-home");
    let (undated_here, expected_references) = {
        let mut server = Server::start_with_cache_home(&warm_home.dir);
        server.initialize(&scratch.dir, capabilities.clone());
        let answers = (undated_in(&mut server, S001), references(&mut server));
        let deadline = std::time::Instant::now() + support::patience();
        while cache_files(&warm_home.dir).is_empty() {
            assert!(std::time::Instant::now() < deadline, "no cache written");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(server.stop(), Some(0));
        answers
    };
    assert!(undated_here > 0);
    let written = cache_files(&warm_home.dir);

    // Neither setting changes what the cache holds: the warm server below takes it.
    std::fs::write(
        scratch.path("dateline.toml"),
        "[server]\nclaims-limit-mb = 0\ndiagnostics-per-file = 5000\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path("scan.article"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    // Cold (no cache), then warm (the cache of the server above, whose analyses the limit
    // does not change: only their mentions are taken).
    let cold_home = Scratch::empty("claims-limit-cold-home");
    for (home, warm) in [(&cold_home, false), (&warm_home, true)] {
        let mut server = Server::start_with_cache_home(&home.dir);
        server.initialize(&scratch.dir, capabilities.clone());
        let shown = server.wait_for_said("window/showMessage", "claims-limit-mb");
        assert_eq!(shown["params"]["type"], 2, "a warning: {shown}");
        let text = shown["params"]["message"].as_str().unwrap();
        assert!(
            text.contains("scan.article was not indexed (a binary file"),
            "{text}"
        );
        server.wait_for_said(
            "window/logMessage",
            "scan.article: not indexed: a binary file",
        );
        let reused = server
            .notifications
            .iter()
            .filter_map(|message| message["params"]["message"].as_str())
            .any(|text| text.contains("cache:") && !text.contains("cache: 0 of"));
        assert_eq!(reused, warm, "warm: {warm}");
        assert_eq!(references(&mut server), expected_references, "warm: {warm}");
        assert_eq!(undated_in(&mut server, S001), 0, "warm: {warm}");
        // Opened, the article is analysed whole.
        server.open(&scratch.uri(S001), &scratch.read(S001));
        let document = server.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": scratch.uri(S001)}}),
        );
        let undated_open = document["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|diagnostic| diagnostic["code"] == "undated-claim")
            .count();
        assert_eq!(undated_open, undated_here, "warm: {warm}");
        // The status bar's counts say whose claims they are.
        let status = server.request("dateline/status", json!({}));
        assert_eq!(status["claimsInOpenArticlesOnly"], true, "{status}");
        assert_eq!(status["undatedClaims"], undated_here, "{status}");
        assert!(!server
            .notifications
            .iter()
            .any(|message| message["params"]["token"] == "dateline/analysing"));
        assert_eq!(server.stop(), Some(0));
    }
    assert!(
        cache_files(&cold_home.dir).is_empty(),
        "no cache is written of a corpus past the limit"
    );
    assert_eq!(
        cache_files(&warm_home.dir),
        written,
        "the cache is left as it was"
    );
}

/// The cache files under the cache home `home`, with their bytes.
fn cache_files(home: &std::path::Path) -> Vec<(std::ffi::OsString, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(home.join("dateline"))
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.file_name().to_string_lossy().ends_with(".cache"))
                .map(|entry| {
                    (
                        entry.file_name(),
                        std::fs::read(entry.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Past `[server] diagnostics-per-file`, an editor is shown that many findings of a file,
/// the most severe first, after a `findings-not-shown` note; the server says so once while
/// the document is open, pushed or pulled. `dateline check` still lists them all.
#[test]
fn a_file_with_more_findings_than_the_limit_shows_the_most_severe_and_says_so_once() {
    let scratch = Scratch::seeds("findings-limit");
    std::fs::write(
        scratch.path("dateline.toml"),
        "[server]\ndiagnostics-per-file = 2\n",
    )
    .unwrap();
    let (report, _, _) = support::run_cli(&["check", "--format", "json", S001], &scratch.dir);
    let all: Vec<Value> = serde_json::from_str(&report).expect("a JSON report");
    assert!(all.len() > 2, "{}", all.len());
    let most_severe = all
        .iter()
        .map(|item| item["severity"].as_str().unwrap().to_string())
        .min_by_key(|severity| {
            ["error", "warning", "information", "hint"]
                .iter()
                .position(|s| s == severity)
        })
        .unwrap();

    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let uri = scratch.uri(S001);
    let text = scratch.read(S001);
    server.open(&uri, &text);
    let published_at = |server: &mut Server, version: i64| {
        let uri = uri.clone();
        server.wait_for(move |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == version
        })
    };
    let published = published_at(&mut server, 1);
    let shown = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert_eq!(shown[0]["code"], "findings-not-shown");
    assert_eq!(shown[0]["severity"], 3, "information");
    let note = shown[0]["message"].as_str().unwrap();
    assert!(
        note.starts_with(&format!("{} findings; the editor is shown 2", all.len())),
        "{note}"
    );
    let severity_of = |name: &str| {
        1 + ["error", "warning", "information", "hint"]
            .iter()
            .position(|s| *s == name)
            .unwrap() as i64
    };
    assert_eq!(shown[1]["severity"], severity_of(&most_severe));
    let said = server.wait_for(|message| message["method"] == "window/showMessage");
    let message = said["params"]["message"].as_str().unwrap();
    assert!(
        message.contains(S001) && message.contains("the editor is shown 2"),
        "{message}"
    );

    // Typing: the note stays, said once only.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": ""}
        ]}),
    );
    let again = published_at(&mut server, 2);
    assert_eq!(
        again["params"]["diagnostics"][0]["code"],
        "findings-not-shown"
    );
    let pulled = server.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(pulled["items"].as_array().unwrap().len(), 3);
    let shown_messages = server
        .notifications
        .iter()
        .filter(|message| message["method"] == "window/showMessage")
        .count();
    assert_eq!(shown_messages, 1);
    assert_eq!(server.stop(), Some(0));
}

/// The server allocates with jemalloc as `src/main.rs` sets it up: the thread through which
/// jemalloc gives freed pages back, which it starts only when it has read those settings,
/// is among the server's threads.
#[cfg(all(target_os = "linux", not(target_env = "msvc")))]
#[test]
fn the_server_allocates_with_jemalloc_which_gives_freed_pages_back_itself() {
    let scratch = Scratch::seeds("allocator");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    server.request("dateline/status", json!({}));
    let threads: Vec<String> = std::fs::read_dir(format!("/proc/{}/task", server.pid()))
        .expect("the server's threads")
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .map(|name| name.trim().to_string())
        .collect();
    assert!(
        threads.iter().any(|name| name == "jemalloc_bg_thd"),
        "{threads:?}"
    );
}
