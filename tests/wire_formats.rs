//! The JSON shapes the front ends write, as snapshots: `--format json` of `check`, `dates`,
//! `actors`, `claims` and `timeline` on the seeds, and the server's custom requests
//! `dateline/timeline` and `dateline/status`. The wire types live in `cli/` and `lsp/`,
//! apart from the analysis's own types, so renaming a field of the analysis cannot change
//! these; a change here is a change of the format that users and editors read.

mod support;

use expect_test::{expect, Expect};
use serde_json::{json, Value};
use support::{push_client, run_cli, Scratch, Server};

/// How many entries of each output the snapshots show: enough to see every field.
const SHOWN: usize = 2;

/// The first entries of a pretty-printed JSON array as the command wrote them (keys in
/// the order written), and how many entries there were.
fn first_entries(json: &str) -> String {
    let items: Vec<Value> = serde_json::from_str(json).expect("one JSON array");
    let mut shown = Vec::new();
    let mut entry = Vec::new();
    for line in json.lines().skip(1) {
        entry.push(line);
        if line == "  }" || line == "  }," {
            shown.push(entry.join("\n"));
            entry.clear();
            if shown.len() == SHOWN {
                break;
            }
        }
    }
    format!("{} entries\n{}\n", items.len(), shown.join("\n"))
}

fn check_command(args: &[&str], expected: Expect) {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut full = args.to_vec();
    full.extend(["seeds", "--format", "json"]);
    let (stdout, stderr, code) = run_cli(&full, repo);
    assert_eq!(code, 0, "{stderr}");
    expected.assert_eq(&first_entries(&stdout));
}

#[test]
fn check_json() {
    check_command(
        &["check"],
        expect![[r#"
            76 entries
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 8,
                    "character": 0
                  },
                  "end": {
                    "line": 8,
                    "character": 119
                  }
                },
                "severity": "information",
                "code": "claim-dated-by-context",
                "message": "claim dated by context: an earlier sentence of its paragraph gives 19 February 2026 (“19 February”)"
              },
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 11,
                    "character": 0
                  },
                  "end": {
                    "line": 11,
                    "character": 190
                  }
                },
                "severity": "information",
                "code": "claim-dated-by-context",
                "message": "claim dated by context: an earlier sentence of its paragraph gives 17 February 2026 (“17 February”)"
              },
        "#]],
    );
}

#[test]
fn dates_json() {
    check_command(
        &["dates"],
        expect![[r#"
            127 entries
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 7,
                    "character": 75
                  },
                  "end": {
                    "line": 7,
                    "character": 87
                  }
                },
                "text": "several days",
                "value": "PXD",
                "kind": "duration",
                "anchors": false,
                "readable": null,
                "leans_on": null
              },
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 7,
                    "character": 245
                  },
                  "end": {
                    "line": 7,
                    "character": 256
                  }
                },
                "text": "19 February",
                "value": "2026-02-19",
                "kind": "date",
                "anchors": true,
                "readable": "19 February 2026",
                "leans_on": null
              },
        "#]],
    );
}

#[test]
fn actors_json() {
    check_command(
        &["actors"],
        expect![[r#"
            79 entries
              {
                "id": "belarus",
                "name": "Belarus",
                "mentions": 70,
                "articles": 7,
                "first": "2022-07",
                "last": "2026-02-21"
              },
              {
                "id": "russia",
                "name": "Russia",
                "mentions": 35,
                "articles": 7,
                "first": "2022-07",
                "last": "2026-02-21"
              },
        "#]],
    );
}

#[test]
fn claims_json() {
    check_command(
        &["claims"],
        expect![[r#"
            151 entries
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 7,
                    "character": 0
                  },
                  "end": {
                    "line": 7,
                    "character": 257
                  }
                },
                "text": "Men in western Belarus have been receiving military summonses en masse for several days as part of what authorities describe as unscheduled training assemblies, according to an investigation by Ukrainian public broadcaster Suspilne published on 19 February.",
                "trigger": {
                  "kind": "cue",
                  "text": "according to",
                  "form": null
                },
                "attribution": {
                  "speaker": "an investigation by Ukrainian public broadcaster Suspilne",
                  "actor": null,
                  "cue": "according to",
                  "quote": "indirect"
                },
                "date": {
                  "value": "2026-02-19",
                  "readable": "19 February 2026",
                  "text": "19 February",
                  "by": "sentence"
                },
                "silenced": false
              },
              {
                "path": "seeds/000_d3301de9df92c926.article",
                "range": {
                  "start": {
                    "line": 8,
                    "character": 0
                  },
                  "end": {
                    "line": 8,
                    "character": 119
                  }
                },
                "text": "Experts say the call-ups pose little direct threat to Ukraine or NATO neighbors and mainly test mobilization readiness.",
                "trigger": {
                  "kind": "cue",
                  "text": "say",
                  "form": null
                },
                "attribution": {
                  "speaker": "Experts",
                  "actor": null,
                  "cue": "say",
                  "quote": "indirect"
                },
                "date": {
                  "value": "2026-02-19",
                  "readable": "19 February 2026",
                  "text": "19 February",
                  "by": "context"
                },
                "silenced": false
              },
        "#]],
    );
}

#[test]
fn timeline_json() {
    check_command(
        &["timeline"],
        expect![[r#"
            97 entries
              {
                "date": "1999",
                "start": "1999-01-01",
                "end": "1999-12-31",
                "path": "seeds/004_d6eac129bc59381f.article",
                "article": "od-2022-10-lukashenko-war",
                "title": "Belarus: Will Lukashenko join Russia’s war against Ukraine?",
                "source": "openDemocracy (republished translation)",
                "text": "The joint regional group of Belarus and Russia was created in 1999: it includes the entire Belarusian army and some units of the Russian armed forces (until 2022, for example, it included the first Russian tank army, whose headquarters were in Smolensk).",
                "actors": [
                  "belarus",
                  "belarus-armed-forces",
                  "russia",
                  "russia-armed-forces",
                  "smolensk"
                ],
                "dated_by_context": false,
                "readable": "1999",
                "uncertain": false,
                "attribution": "openDemocracy (republished translation)",
                "speaker": null,
                "quote": "source",
                "line": 36
              },
              {
                "date": "2019",
                "start": "2019-01-01",
                "end": "2019-12-31",
                "path": "seeds/003_908a619eda21eca9.article",
                "article": "ourhouse-2022-07-conscription-monitoring",
                "title": "Monitoring of military conscription in Belarus, February–June 2022",
                "source": "Our House",
                "text": "For reference: this figure is not much different from previous drafts, in 2019, about 40,000 conscripts received summonses, more than 20,000 deferments were granted, most of which (more than 80%) are deferments to continue education.",
                "actors": [],
                "dated_by_context": false,
                "readable": "2019",
                "uncertain": false,
                "attribution": "Our House",
                "speaker": null,
                "quote": "source",
                "line": 55
              },
        "#]],
    );
}

/// A response with the scratch folder's URI written as `file:///SCRATCH`.
fn redacted(value: &Value, scratch: &Scratch) -> String {
    let folder = scratch.uri("");
    let folder = folder.trim_end_matches('/');
    serde_json::to_string_pretty(value)
        .unwrap()
        .replace(folder, "file:///SCRATCH")
}

#[test]
fn the_custom_requests() {
    let scratch = Scratch::seeds("wire-formats");
    let mut server = Server::start();
    server.initialize(&scratch.dir, push_client());
    let timeline = server.request(
        "dateline/timeline",
        json!({"actor": "putin", "from": "2022-09", "to": "2022-12", "speaker": "putin"}),
    );
    let entries = timeline.as_array().expect("an array");
    let shown = Value::Array(entries.iter().take(SHOWN).cloned().collect());
    expect![[r#"
        2 entries
        [
          {
            "actors": [
              "putin"
            ],
            "article": "jpost-2022-09-29-belarus-denies",
            "attribution": "Vladimir Putin",
            "date": "2022-09-21",
            "dated_by_context": false,
            "end": "2022-09-21",
            "path": "001_8af3ff2e160be067.article",
            "quote": "indirect",
            "range": {
              "end": {
                "character": 71,
                "line": 25
              },
              "start": {
                "character": 0,
                "line": 25
              }
            },
            "readable": "21 September 2022",
            "source": "The Jerusalem Post",
            "speaker": "putin",
            "start": "2022-09-21",
            "text": "Last Wednesday, Putin announced the mobilization of 300,000 reservists.",
            "title": "Belarus denies it is mobilizing military following Russian mobilization",
            "uncertain": false,
            "uri": "file:///SCRATCH/001_8af3ff2e160be067.article"
          },
          {
            "actors": [
              "putin",
              "russia"
            ],
            "article": "summary-belarus-mobilization",
            "attribution": "Vladimir Putin",
            "date": "2022-09-21",
            "dated_by_context": false,
            "end": "2022-09-21",
            "path": "summary-belarus-mobilization.article",
            "quote": "indirect",
            "range": {
              "end": {
                "character": 106,
                "line": 9
              },
              "start": {
                "character": 0,
                "line": 9
              }
            },
            "readable": "21 September 2022",
            "source": "dateline corpus notes",
            "speaker": "putin",
            "start": "2022-09-21",
            "text": "On 21 September 2022, Putin announced a partial mobilization in Russia [@jpost-2022-09-29-belarus-denies].",
            "title": "Summary: Belarus and mobilization, 2022–2026",
            "uncertain": false,
            "uri": "file:///SCRATCH/summary-belarus-mobilization.article"
          }
        ]
    "#]].assert_eq(&format!(
        "{} entries\n{}\n",
        entries.len(),
        redacted(&shown, &scratch)
    ));
    let status = server.request("dateline/status", json!({}));
    expect![[r#"
        {
          "articles": 10,
          "claimsInOpenArticlesOnly": false,
          "undatedClaims": 54
        }"#]]
    .assert_eq(&redacted(&status, &scratch));
    assert_eq!(server.stop(), Some(0));
}
