//! The command line on the seed corpus and on small corpora made for the test: report
//! format, exit codes, JSON shapes, and a snapshot of the whole seed report.

mod support;

use serde_json::Value;
use support::run_cli as dateline;
use support::Scratch;

fn repo() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_seed_report_matches_its_snapshot_and_exits_clean() {
    let (stdout, stderr, code) = dateline(&["check", "seeds", "--color", "never"], &repo());
    assert_eq!(code, 0, "{stderr}");
    expect_test::expect_file!["snapshots/check-seeds.txt"].assert_eq(&stdout);
}

#[test]
fn deny_warnings_fails_on_the_seeds() {
    let (_, _, code) = dateline(&["check", "seeds", "--deny", "warnings"], &repo());
    assert_eq!(code, 1);
}

#[test]
fn json_diagnostics_follow_the_lsp_conventions() {
    let (stdout, _, code) = dateline(&["check", "seeds", "--format", "json"], &repo());
    assert_eq!(code, 0);
    let items: Vec<Value> = serde_json::from_str(&stdout).expect("one JSON array");
    assert!(!items.is_empty());
    for item in &items {
        for key in ["path", "range", "severity", "code", "message"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
        let severity = item["severity"].as_str().unwrap();
        assert!(["error", "warning", "information", "hint"].contains(&severity));
    }
    // A warning on a line with curly quotes: columns count UTF-16 units, end exclusive.
    let text = std::fs::read_to_string(repo().join("seeds/004_d6eac129bc59381f.article")).unwrap();
    let sentence = "“Of course, the Ukrainians absolutely don’t need it,” Lukashenko said.";
    let line = text
        .lines()
        .position(|line| line.starts_with(sentence))
        .unwrap();
    let found = items
        .iter()
        .find(|item| item["code"] == "undated-claim" && item["range"]["start"]["line"] == line)
        .expect("the warning on that line");
    assert_eq!(found["range"]["start"]["character"], 0);
    assert_eq!(
        found["range"]["end"]["character"],
        sentence.encode_utf16().count()
    );
}

#[test]
fn errors_fail_the_run_and_missing_paths_are_usage_failures() {
    let scratch = Scratch::empty("cli-errors");
    std::fs::write(
        scratch.path("bad.article"),
        "Title: no source, no date\n\nText.\n",
    )
    .unwrap();
    let (stdout, _, code) = dateline(&["check", "."], &scratch.dir);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[missing-source]"), "{stdout}");
    assert!(stdout.contains("error[missing-date]"), "{stdout}");
    let (_, stderr, code) = dateline(&["check", "no-such-dir"], &scratch.dir);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-dir"));
    let (_, _, code) = dateline(&["check", "--format", "yaml"], &scratch.dir);
    assert_eq!(code, 2);
}

#[test]
fn binary_and_invalid_utf8_files_are_skipped_with_a_clear_message() {
    let scratch = Scratch::empty("cli-binary");
    std::fs::write(scratch.path("bin.article"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(
        scratch.path("latin1.article"),
        b"Source: X\nDate: 2022\n\nCaf\xe9.\n",
    )
    .unwrap();
    std::fs::write(scratch.path("empty.article"), b"").unwrap();
    let (stdout, _, code) = dateline(&["check", "."], &scratch.dir);
    assert!(stdout.contains("skipped: a binary file"), "{stdout}");
    assert!(
        stdout.contains("skipped: not valid UTF-8 (first bad byte at offset 25)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("empty.article:1:1: error[missing-source]"),
        "{stdout}"
    );
    assert_eq!(code, 1);
}

#[test]
fn dates_resolve_relative_expressions_against_the_header() {
    let (stdout, _, code) = dateline(
        &[
            "dates",
            "seeds/001_8af3ff2e160be067.article",
            "--format",
            "json",
        ],
        &repo(),
    );
    assert_eq!(code, 0);
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let last_wednesday = items
        .iter()
        .find(|item| item["text"] == "Last Wednesday")
        .unwrap();
    assert_eq!(last_wednesday["value"], "2022-09-21");
    assert!(items.iter().all(|item| item["path"]
        .as_str()
        .unwrap()
        .ends_with("001_8af3ff2e160be067.article")));
}

#[test]
fn actors_count_mentions_and_article_dates() {
    let (stdout, _, code) = dateline(&["actors", "seeds", "--format", "json"], &repo());
    assert_eq!(code, 0);
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let lukashenka = items
        .iter()
        .find(|item| item["id"] == "lukashenka")
        .unwrap();
    assert!(lukashenka["mentions"].as_u64().unwrap() >= 20);
    // The five seed articles and the summary, and the four multilingual samples (the
    // Polish one spells him `Łukaszenka`, found by its cross-script key).
    assert_eq!(lukashenka["articles"], 10);
    assert_eq!(lukashenka["first"], "2022-07");
    assert_eq!(lukashenka["last"], "2026-02-21");
}

#[test]
fn claims_lists_every_claim_with_its_trigger_attribution_and_date() {
    let (stdout, stderr, code) = dateline(&["claims", "seeds", "--format", "json"], &repo());
    assert_eq!(code, 0, "{stderr}");
    let claims: Vec<Value> = serde_json::from_str(&stdout).expect("one JSON array");
    for claim in &claims {
        for key in ["path", "range", "text", "trigger", "attribution", "date"] {
            assert!(claim.get(key).is_some(), "{key} missing in {claim}");
        }
    }
    let find = |needle: &str| {
        claims
            .iter()
            .find(|claim| claim["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle}"))
    };
    let stressed = find("Lukashenka and his generals stressed");
    assert_eq!(stressed["trigger"]["kind"], "cue");
    assert_eq!(stressed["trigger"]["text"], "stressed");
    assert_eq!(stressed["attribution"]["quote"], "indirect");
    assert!(stressed["date"].is_null());
    let annotated = find("Nasha Niva reported a covert mobilization");
    assert_eq!(annotated["date"]["by"], "annotation");
    assert_eq!(annotated["date"]["value"], "2022-10-15");
    assert_eq!(annotated["date"]["readable"], "15 October 2022");
    let announced = find("Putin announced the mobilization");
    assert_eq!(announced["attribution"]["actor"], "putin");
    let event = find("Some 1,000 conscripts were sent");
    assert_eq!(event["trigger"]["kind"], "event");
    assert_eq!(event["attribution"]["quote"], "source");
    assert_eq!(event["attribution"]["speaker"], "Our House");
}

#[test]
fn an_undated_event_names_the_source_that_reports_it() {
    let scratch = Scratch::empty("event-message");
    std::fs::write(
        scratch.path("a.article"),
        "Source: Outlet\nDate: 2022-10-15\n\nSome 500 reservists were sent to the training grounds.\n",
    )
    .unwrap();
    let (stdout, _, _) = dateline(&["check", "."], &scratch.dir);
    assert!(
        stdout.contains("undated claim: an event (“sent”) reported by Outlet"),
        "{stdout}"
    );
}

#[test]
fn anaphoric_dates_show_their_value_and_what_they_lean_on() {
    let scratch = Scratch::empty("anaphora");
    std::fs::write(
        scratch.path("a.article"),
        "Source: Outlet\nDate: 2022-10-15\n\nOn 8 October the minister arrived. The next day he met the envoy. That evening he left.\n\nThe same day, the minister resigned.\n",
    )
    .unwrap();
    let (stdout, _, code) = dateline(&["dates", "a.article", "--format", "json"], &scratch.dir);
    assert_eq!(code, 0);
    let dates: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let shown: Vec<String> = dates
        .iter()
        .map(|date| {
            format!(
                "{} = {} ({}) leaning on {}",
                date["text"], date["value"], date["readable"], date["leans_on"]["text"]
            )
        })
        .collect();
    expect_test::expect![[r#"
        [
            "\"8 October\" = \"2022-10-08\" (\"8 October 2022\") leaning on null",
            "\"The next day\" = \"2022-10-09\" (\"9 October 2022\") leaning on \"8 October\"",
            "\"That evening\" = \"2022-10-09TEV\" (\"the evening of 9 October 2022\") leaning on \"The next day\"",
            "\"The same day\" = null (null) leaning on null",
        ]
    "#]].assert_debug_eq(&shown);
}

#[test]
fn explain_prints_a_code_with_its_severity_and_an_example() {
    let (stdout, stderr, code) = dateline(&["explain", "undated-claim"], &repo());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("warning[undated-claim]: a claim with no anchoring date"),
        "{stdout}"
    );
    assert!(stdout.contains("{undated-ok}"), "{stdout}");
    // A code shared by a header and a registry problem explains both.
    let (stdout, _, code) = dateline(&["explain", "invalid-kind"], &repo());
    assert_eq!(code, 0);
    assert!(stdout.contains("warning[invalid-kind]"), "{stdout}");
    assert!(stdout.contains("error[invalid-kind]"), "{stdout}");
}

#[test]
fn explain_without_a_code_lists_every_code_and_an_unknown_code_fails_with_two() {
    let (stdout, _, code) = dateline(&["explain"], &repo());
    assert_eq!(code, 0);
    for listed in ["undated-claim", "claim-dated-by-context", "skipped-file"] {
        assert!(
            stdout.lines().any(|line| line.starts_with(listed)),
            "{listed} not in {stdout}"
        );
    }
    let (stdout, stderr, code) = dateline(&["explain", "undated-claims"], &repo());
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("`undated-claims` is not a diagnostic code"),
        "{stderr}"
    );
}

#[test]
fn a_path_that_selects_no_file_says_why_and_nothing_checked_exits_two() {
    let scratch = Scratch::empty("nothing-checked");
    std::fs::write(scratch.path("notes.txt"), "not an article\n").unwrap();
    std::fs::create_dir_all(scratch.path("empty")).unwrap();
    let (_, stderr, code) = dateline(&["check", "notes.txt"], &scratch.dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("notes.txt: nothing checked: not an article file"),
        "{stderr}"
    );
    assert!(stderr.contains("`*.article`"), "{stderr}");
    let (_, stderr, code) = dateline(&["check", "empty"], &scratch.dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("empty: nothing checked: no file in it matches"),
        "{stderr}"
    );
    // One path that selects files is enough for a run; the other is still named.
    std::fs::write(
        scratch.path("a.article"),
        "Source: X\nDate: 2022\n\nText.\n",
    )
    .unwrap();
    let (stdout, stderr, code) = dateline(&["check", "a.article", "notes.txt"], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1 files"), "{stdout}");
    assert!(stderr.contains("notes.txt: nothing checked"), "{stderr}");
}

#[test]
fn actors_with_a_broken_registry_report_its_errors_and_fail() {
    let scratch = Scratch::empty("broken-registry");
    std::fs::write(
        scratch.path("actors.toml"),
        "[[actor]]\nid = \"a\"\nname = \"A\"\naliases = [\"x\", \"y\"\n\n[[actor]]\nid = \"b\"\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path("a.article"),
        "Source: X\nDate: 2022\n\nA said.\n",
    )
    .unwrap();
    let (_, stderr, code) = dateline(&["actors"], &scratch.dir);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("actors.toml:4:11: error[registry-syntax]"),
        "{stderr}"
    );
}

#[test]
fn init_makes_a_corpus_that_checks_clean_and_never_overwrites() {
    let scratch = Scratch::empty("init");
    let (stdout, stderr, code) = dateline(&["init", "corpus"], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    for made in [
        "dateline.toml",
        "actors.toml",
        "example.article",
        ".vscode/extensions.json",
    ] {
        assert!(scratch.path("corpus").join(made).is_file(), "{made}");
        assert!(stdout.contains(made), "{stdout}");
    }
    let (stdout, stderr, code) = dateline(&["check", "corpus"], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("3 files, 2 claims, 0 undated, 0 errors, 0 warnings\n"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "nothing reported: {stdout}");
    // The example actor is found in the example article.
    let (stdout, _, _) = dateline(&["actors", "corpus", "--format", "json"], &scratch.dir);
    assert!(stdout.contains("\"mentions\": 1"), "{stdout}");
    // A second init refuses and changes nothing.
    std::fs::write(scratch.path("corpus/actors.toml"), "# mine\n").unwrap();
    let (_, stderr, code) = dateline(&["init", "corpus"], &scratch.dir);
    assert_eq!(code, 2);
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(scratch.path("corpus/actors.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn the_published_crate_holds_the_sources_and_leaves_the_test_data_out() {
    // `cargo package --list` reads the manifest's `include` without building; the full
    // `cargo package` (which builds the packed crate) is run by hand, see the README.
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "package",
            "--list",
            "--no-verify",
            "--allow-dirty",
            "--offline",
        ])
        .current_dir(repo())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed = String::from_utf8_lossy(&output.stdout);
    for needed in [
        "src/main.rs",
        "src/lib.rs",
        "src/cli/timeline.html",
        "Cargo.lock",
        "README.md",
    ] {
        assert!(
            listed.lines().any(|line| line == needed),
            "{needed} missing:\n{listed}"
        );
    }
    for left_out in ["seeds/", "tests/", "fuzz/", "editors/", "benches/"] {
        assert!(
            !listed.lines().any(|line| line.starts_with(left_out)),
            "{left_out} packed"
        );
    }
}

#[test]
fn check_reads_markdown_notes_when_include_names_them() {
    let scratch = Scratch::empty("cli-markdown");
    std::fs::write(
        scratch.path("note.md"),
        "---\nsource: \"Our Desk\"\ndate: 2022-10-15T08:00:00Z\ntags:\n  - belarus\n---\n\n# Mobilization\n\nThe ministry announced a covert mobilization.\n",
    )
    .unwrap();
    // Without the configuration the note is not an article.
    let (_, stderr, code) = dateline(&["check", "."], &scratch.dir);
    assert_eq!(code, 2, "{stderr}");
    std::fs::write(
        scratch.path("dateline.toml"),
        "[corpus]\ninclude = [\"*.md\"]\n",
    )
    .unwrap();
    let (stdout, stderr, code) = dateline(&["check", "."], &scratch.dir);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("1 claims, 1 undated"), "{stdout}");
    assert!(
        stdout.contains("note.md:10:1: warning[undated-claim]"),
        "{stdout}"
    );
}
