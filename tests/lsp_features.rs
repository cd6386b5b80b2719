//! End-to-end tests of the editor features through the real server over stdio:
//! completion, code actions, inlay hints, semantic tokens, symbols, code lens, folding,
//! rename and the timeline request.

mod support;

use serde_json::{json, Value};
use support::{push_client, utf16_position, Scratch, Server};

const S001: &str = "001_8af3ff2e160be067.article";
const S004: &str = "004_d6eac129bc59381f.article";

fn started(name: &str) -> (Scratch, Server) {
    let scratch = Scratch::seeds(name);
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    (scratch, server)
}

fn doc(scratch: &Scratch, name: &str) -> Value {
    json!({"uri": scratch.uri(name)})
}

fn position(text: &str, needle: &str, skip: usize) -> Value {
    let (line, character) = utf16_position(text, text.find(needle).unwrap() + skip);
    json!({"line": line, "character": character})
}

#[test]
fn completion_offers_actor_names_with_their_card() {
    let (scratch, mut server) = started("completion");
    let text = "Source: Notes\nDate: 2022-10-15\n\nThen Lukas";
    server.open(&scratch.uri("draft.article"), text);
    let result = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": scratch.uri("draft.article")}, "position": {"line": 3, "character": 10}}),
    );
    let items = result.as_array().unwrap();
    let labels: Vec<&str> = items
        .iter()
        .map(|item| item["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"Lukashenka") && labels.contains(&"Lukashenko"),
        "{labels:?}"
    );
    let item = items
        .iter()
        .find(|item| item["label"] == "Lukashenka")
        .unwrap();
    assert!(item["documentation"]["value"]
        .as_str()
        .unwrap()
        .contains("mentions"));
    assert_eq!(
        item["textEdit"]["range"]["start"],
        json!({"line": 3, "character": 5})
    );
}

#[test]
fn code_actions_fix_an_undated_claim_and_the_edit_silences_it() {
    let (scratch, mut server) = started("actions");
    let text = scratch.read(S001);
    let sentence = "The call-up has been described";
    let at = position(&text, sentence, 5);
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": doc(&scratch, S001), "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Date this claim: insert {date: 2022-09-29}"),
        "{titles:?}"
    );
    let first = &actions[0];
    assert_eq!(first["kind"], "quickfix");
    let edits = &first["edit"]["changes"][scratch.uri(S001)];
    assert_eq!(edits[0]["newText"], " {date: 2022-09-29}");
}

#[test]
fn inlay_hints_show_the_resolved_date_of_last_wednesday() {
    let (scratch, mut server) = started("inlay");
    let text = scratch.read(S001);
    let hints = server.request(
        "textDocument/inlayHint",
        json!({"textDocument": doc(&scratch, S001), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 200, "character": 0}}}),
    );
    let after = position(&text, "Last Wednesday", "Last Wednesday".len());
    let hint = hints
        .as_array()
        .unwrap()
        .iter()
        .find(|hint| hint["position"] == after)
        .expect("a hint after Last Wednesday");
    assert_eq!(hint["label"], "▸ 2022-09-21");
}

#[test]
fn semantic_tokens_decode_to_actors_dates_and_cues() {
    let (scratch, mut server) = started("semantic");
    let initialize_legend = {
        let mut probe = Server::start();
        let result = probe.initialize(&scratch.dir, push_client());
        result["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].clone()
    };
    let text = scratch.read(S004);
    let tokens = server.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": doc(&scratch, S004)}),
    );
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(data.len() % 5, 0);
    let lines: Vec<&str> = text.split('\n').collect();
    let (mut line, mut start) = (0usize, 0usize);
    let mut decoded = Vec::new();
    for token in data.chunks(5) {
        if token[0] > 0 {
            line += token[0] as usize;
            start = token[1] as usize;
        } else {
            start += token[1] as usize;
        }
        let units: Vec<u16> = lines[line].encode_utf16().collect();
        let covered = String::from_utf16_lossy(&units[start..start + token[2] as usize]);
        decoded.push((
            covered,
            initialize_legend[token[3] as usize]
                .as_str()
                .unwrap()
                .to_string(),
        ));
    }
    assert!(
        decoded.contains(&("Lukashenka".to_string(), "variable".to_string())),
        "{decoded:?}"
    );
    assert!(decoded.contains(&("September 29".to_string(), "number".to_string())));
    assert!(decoded.contains(&("said".to_string(), "keyword".to_string())));
    let range = server.request(
        "textDocument/semanticTokens/range",
        json!({"textDocument": doc(&scratch, S004), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 8, "character": 0}}}),
    );
    assert!(range["data"].as_array().unwrap().len() < data.len());
}

/// Semantic tokens of Cyrillic text land on their words in UTF-16 columns: a Cyrillic
/// letter is two bytes and one UTF-16 unit, and the flag before them four units.
#[test]
fn semantic_tokens_of_cyrillic_text_are_placed_in_utf16_columns() {
    let (scratch, mut server) = started("semantic-cyrillic");
    let text = "Source: Наша Ніва\nDate: 2026-02-18\nLanguage: ru\n\n🇧🇾 Лукашенко заявил, что армия готова.\n";
    let uri = scratch.uri("cyrillic.article");
    server.open(&uri, text);
    let tokens = server.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri}}),
    );
    let data: Vec<usize> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let lines: Vec<&str> = text.split('\n').collect();
    let (mut line, mut start) = (0usize, 0usize);
    let mut decoded = Vec::new();
    for token in data.chunks(5) {
        if token[0] > 0 {
            line += token[0];
            start = token[1];
        } else {
            start += token[1];
        }
        let units: Vec<u16> = lines[line].encode_utf16().collect();
        decoded.push((
            line,
            String::from_utf16_lossy(&units[start..start + token[2]]),
            token[3],
        ));
    }
    let body: Vec<(&str, usize)> = decoded
        .iter()
        .filter(|(line, ..)| *line == 4)
        .map(|(_, word, kind)| (word.as_str(), *kind))
        .collect();
    // 0: a person, 7: a claim cue (the legend's order).
    assert_eq!(body, [("Лукашенко", 0), ("заявил", 7)], "{decoded:?}");
    assert!(
        decoded.contains(&(0, "Наша Ніва".to_string(), 11)),
        "a header value: {decoded:?}"
    );
}

#[test]
fn symbols_outline_and_workspace_search() {
    let (scratch, mut server) = started("symbols");
    let outline = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": doc(&scratch, S004)}),
    );
    let outline = outline.as_array().unwrap();
    assert_eq!(outline[0]["children"].as_array().unwrap().len(), 6);
    let dates: Vec<&str> = outline[1..]
        .iter()
        .map(|s| s["name"].as_str().unwrap().split(" — ").next().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "dated claims come in date order");
    let found = server.request("workspace/symbol", json!({"query": "tsikh"}));
    assert_eq!(found[0]["name"], "Sviatlana Tsikhanouskaya");
    assert_eq!(found[0]["location"]["uri"], scratch.uri("actors.toml"));
}

#[test]
fn code_lenses_folding_and_rename_in_the_registry() {
    let (scratch, mut server) = started("registry-features");
    let lenses = server.request(
        "textDocument/codeLens",
        json!({"textDocument": doc(&scratch, "actors.toml")}),
    );
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().any(|title| title.ends_with("articles")),
        "{titles:?}"
    );
    assert_eq!(lenses[0]["command"]["command"], "dateline.showReferences");
    // A lens carries where its entry is, not the locations: clicking it asks for the
    // references there, which are the mentions its title counts.
    for lens in lenses.as_array().unwrap() {
        let command = &lens["command"];
        let arguments = command["arguments"].as_array().unwrap();
        assert_eq!(arguments.len(), 2, "{command}");
        let found = server.request(
            "textDocument/references",
            json!({
                "textDocument": {"uri": arguments[0]},
                "position": arguments[1],
                "context": {"includeDeclaration": false},
            }),
        );
        let title = command["title"].as_str().unwrap();
        let mentions: usize = match title.split(' ').next().unwrap() {
            "no" => 0,
            count => count.parse().unwrap(),
        };
        let found = found.as_array().map_or(0, Vec::len);
        assert_eq!(found, mentions, "{title}");
    }

    let folds = server.request(
        "textDocument/foldingRange",
        json!({"textDocument": doc(&scratch, S001)}),
    );
    assert_eq!(folds[0]["kind"], "imports");
    assert_eq!(folds[0]["startLine"], 0);

    let registry = scratch.read("actors.toml");
    let at = position(&registry, "id = \"belarus\"", 7);
    let prepared = server.request(
        "textDocument/prepareRename",
        json!({"textDocument": doc(&scratch, "actors.toml"), "position": at}),
    );
    assert_eq!(prepared["placeholder"], "belarus");
    let edit = server.request(
        "textDocument/rename",
        json!({"textDocument": doc(&scratch, "actors.toml"), "position": at, "newName": "republic-of-belarus"}),
    );
    let edits = edit["changes"][scratch.uri("actors.toml")]
        .as_array()
        .unwrap();
    let affiliations = registry.matches("affiliation = \"belarus\"").count();
    assert_eq!(edits.len(), affiliations + 1);
    assert!(edits.iter().all(|e| e["newText"] == "republic-of-belarus"));
    // Renaming from an article is refused with a reason.
    let text = scratch.read(S004);
    let id = server.send_request(
        "textDocument/prepareRename",
        json!({"textDocument": doc(&scratch, S004), "position": position(&text, "Lukashenka and his", 2)}),
    );
    let refused = server.response(id);
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("source material"));
    // Nothing was written to disk: edits are the editor's to apply.
    assert_eq!(scratch.read("actors.toml"), registry);
}

/// Past `DATELINE_TIMELINE_MOST` entries (20,000 unless set), the earliest are sent, and
/// the server says how many there were.
#[test]
fn a_timeline_past_its_limit_sends_the_earliest_entries_and_says_so() {
    let (scratch, mut server) = started("timeline-limit");
    let all = server.request("dateline/timeline", json!({}));
    let all = all.as_array().unwrap();
    assert!(
        all.len() >= 64,
        "sent straight from the entries: {}",
        all.len()
    );
    let mut limited = Server::start_with_env(&[("DATELINE_TIMELINE_MOST", "10")]);
    limited.initialize(&scratch.dir, push_client());
    let first = limited.request("dateline/timeline", json!({}));
    assert_eq!(first.as_array().unwrap(), &all[..10]);
    let said = limited.wait_for_said("window/showMessage", "the first 10 by date are shown");
    let message = said["params"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("the timeline has {} entries", all.len())),
        "{message}"
    );
}

#[test]
fn the_timeline_request_filters_by_actor_and_orders_by_date() {
    let (_scratch, mut server) = started("timeline");
    let all = server.request("dateline/timeline", json!({}));
    let all = all.as_array().unwrap();
    assert!(all.len() > 40);
    let starts: Vec<&str> = all
        .iter()
        .map(|entry| entry["start"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let putin = server.request("dateline/timeline", json!({"actor": "putin"}));
    let putin = putin.as_array().unwrap();
    assert!(!putin.is_empty() && putin.len() < all.len());
    assert!(putin.iter().all(|entry| entry["actors"]
        .as_array()
        .unwrap()
        .contains(&json!("putin"))));
    assert!(putin[0]["uri"].as_str().unwrap().starts_with("file://"));
}

#[test]
fn hover_over_a_claim_sentence_shows_its_claim_card() {
    let (scratch, mut server) = started("claim-card");
    let text = scratch.read(S004);
    let at = position(&text, "stressed that the mobilization", 3);
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": doc(&scratch, S004), "position": at}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(card.starts_with("### Claim"), "{hover}");
    assert!(card.contains("the reporting cue “stressed”"), "{card}");
    assert!(card.contains("**Undated**"), "{card}");
    assert_eq!(server.stop(), Some(0));
}
