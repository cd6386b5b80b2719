//! `dateline timeline` run as a program on a copy of the seeds: the JSON, CSV and human
//! outputs, the filters, and the HTML page's embedded data, self-containment and escaping.

mod support;

use expect_test::{expect, Expect};
use serde_json::Value;
use std::process::Command;
use support::Scratch;

/// Runs `dateline timeline . ARGS` inside `dir`; returns the exit code, stdout, stderr.
fn timeline(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("timeline")
        .arg(".")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json_entries(dir: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = timeline(dir, &all);
    assert_eq!(code, 0, "{err}");
    match serde_json::from_str(&out) {
        Ok(Value::Array(entries)) => entries,
        other => panic!("not a JSON array: {other:?}"),
    }
}

/// One line per entry: the fields that say which claim it is and how it is dated.
fn digest(entries: &[Value]) -> String {
    entries
        .iter()
        .map(|e| {
            let actors: Vec<&str> = e["actors"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            format!(
                "{} [{}..{}] {}:{}{} {}\n",
                e["date"].as_str().unwrap_or("?"),
                e["start"].as_str().unwrap_or("?"),
                e["end"].as_str().unwrap_or("?"),
                e["path"].as_str().unwrap_or("?"),
                e["line"],
                if e["dated_by_context"] == Value::Bool(true) {
                    " (context)"
                } else {
                    ""
                },
                actors.join(","),
            )
        })
        .collect()
}

#[test]
fn json_lists_the_dated_claims_of_the_seeds_in_date_order() {
    let seeds = Scratch::seeds("timeline-json");
    let entries = json_entries(&seeds.dir, &[]);
    let starts: Vec<&str> = entries.iter().filter_map(|e| e["start"].as_str()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "in order of first day");
    let first = serde_json::to_string_pretty(&entries[0]).unwrap_or_default();
    expect![[r#"
        {
          "actors": [
            "belarus",
            "belarus-armed-forces",
            "russia",
            "russia-armed-forces",
            "smolensk"
          ],
          "article": "od-2022-10-lukashenko-war",
          "attribution": "openDemocracy (republished translation)",
          "date": "1999",
          "dated_by_context": false,
          "end": "1999-12-31",
          "line": 36,
          "path": "004_d6eac129bc59381f.article",
          "quote": "source",
          "readable": "1999",
          "source": "openDemocracy (republished translation)",
          "speaker": null,
          "start": "1999-01-01",
          "text": "The joint regional group of Belarus and Russia was created in 1999: it includes the entire Belarusian army and some units of the Russian armed forces (until 2022, for example, it included the first Russian tank army, whose headquarters were in Smolensk).",
          "title": "Belarus: Will Lukashenko join Russia’s war against Ukraine?",
          "uncertain": false
        }"#]]
    .assert_eq(&first);
    expect![[r#"
        1999 [1999-01-01..1999-12-31] 004_d6eac129bc59381f.article:36 belarus,belarus-armed-forces,russia,russia-armed-forces,smolensk
        2019 [2019-01-01..2019-12-31] 003_908a619eda21eca9.article:55 
        2019 [2019-01-01..2019-12-31] 003_908a619eda21eca9.article:55 (context) 
        2020 [2020-01-01..2020-12-31] 003_908a619eda21eca9.article:55 
        2021 [2021-01-01..2021-12-31] 003_908a619eda21eca9.article:33 
        2022 [2022-01-01..2022-12-31] 003_908a619eda21eca9.article:33 
        2022-02 [2022-02-01..2022-02-28] 002_4c3a09d4f9057a5e.article:26 belarus,kyiv,russia,ukraine
        2022-02/2022-05 [2022-02-01..2022-05-31] 003_908a619eda21eca9.article:29 (context) belarus
        2022-02/2022-06 [2022-02-01..2022-06-30] summary-belarus-mobilization.article:14 our-house
        2022-02-09 [2022-02-09..2022-02-09] 003_908a619eda21eca9.article:29 lukashenka
        2022-02-19 [2022-02-19..2022-02-19] 003_908a619eda21eca9.article:31 hrodna
        2022-02-24 [2022-02-24..2022-02-24] 003_908a619eda21eca9.article:8 belarus,russia,ukraine
        2022-02-24 [2022-02-24..2022-02-24] 003_908a619eda21eca9.article:26 lukashenka
        2022-02-24 [2022-02-24..2022-02-24] 003_908a619eda21eca9.article:33 belarus-defence-ministry
        2022-02-28 [2022-02-28..2022-02-28] 003_908a619eda21eca9.article:35 chigrinova,soldiers-mothers,ukraine
        2022-03-01 [2022-03-01..2022-03-01] 003_908a619eda21eca9.article:39 minsk
        2022-03-01/2022-03-08 [2022-03-01..2022-03-08] 003_908a619eda21eca9.article:41 belarus-defence-ministry
        2022-03 [2022-03-01..2022-03-31] 002_4c3a09d4f9057a5e.article:38 belarus,lukashenka,russia,ukraine
        2022-03-09 [2022-03-09..2022-03-09] 003_908a619eda21eca9.article:43 belarus-defence-ministry
        2022-03-11 [2022-03-11..2022-03-11] 002_4c3a09d4f9057a5e.article:38 belarus
        2022-04-04/2022-04-15 [2022-04-04..2022-04-15] 003_908a619eda21eca9.article:47 minsk-region
        2022-04-04/2022-04-15 [2022-04-04..2022-04-15] 003_908a619eda21eca9.article:47 (context) 
        2022-04-07 [2022-04-07..2022-04-07] 003_908a619eda21eca9.article:49 belarus-defence-ministry
        2022-04-25 [2022-04-25..2022-04-25] 003_908a619eda21eca9.article:51 belarus
        2022-04-25 [2022-04-25..2022-04-25] 003_908a619eda21eca9.article:51 
        2022-04-25 [2022-04-25..2022-04-25] 003_908a619eda21eca9.article:53 belarus-defence-ministry
        2022-04-25 [2022-04-25..2022-04-25] 003_908a619eda21eca9.article:53 (context) 
        2022-04-25 [2022-04-25..2022-04-25] 003_908a619eda21eca9.article:57 belarus-defence-ministry
        2022-04-27 [2022-04-27..2022-04-27] 003_908a619eda21eca9.article:59 
        2022-04-28 [2022-04-28..2022-04-28] 003_908a619eda21eca9.article:61 
        2022-04-28 [2022-04-28..2022-04-28] 003_908a619eda21eca9.article:61 (context) 
        2022-05-04 [2022-05-04..2022-05-04] 003_908a619eda21eca9.article:65 belarus-armed-forces
        2022-05-05 [2022-05-05..2022-05-05] 003_908a619eda21eca9.article:67 minsk-district
        2022-05-10 [2022-05-10..2022-05-10] 003_908a619eda21eca9.article:69 brest,hrodna
        2022-05-10 [2022-05-10..2022-05-10] 003_908a619eda21eca9.article:69 (context) 
        2022-05-21 [2022-05-21..2022-05-21] 003_908a619eda21eca9.article:71 
        2022-05-23 [2022-05-23..2022-05-23] 003_908a619eda21eca9.article:73 
        2022-05-23 [2022-05-23..2022-05-23] 003_908a619eda21eca9.article:75 belarus-armed-forces,belarus-defence-ministry
        2022-05-26 [2022-05-26..2022-05-26] 003_908a619eda21eca9.article:79 
        2022-05-28 [2022-05-28..2022-05-28] 003_908a619eda21eca9.article:81 
        2022-06-01 [2022-06-01..2022-06-01] 003_908a619eda21eca9.article:85 
        2022-06 [2022-06-01..2022-06-30] 003_908a619eda21eca9.article:22 council-of-europe,european-commission,european-parliament,pace,ukraine
        2022-06-07 [2022-06-07..2022-06-07] 003_908a619eda21eca9.article:87 belarus-armed-forces
        2022-06-20 [2022-06-20..2022-06-20] 003_908a619eda21eca9.article:89 belarus
        2022-06-20 [2022-06-20..2022-06-20] 003_908a619eda21eca9.article:89 (context) belarus-defence-ministry
        2022-06-22 [2022-06-22..2022-06-22] 003_908a619eda21eca9.article:93 belarus,ukraine
        2022-06-22/2022-07-01 [2022-06-22..2022-07-01] 003_908a619eda21eca9.article:91 gomel-region
        2022-06-24 [2022-06-24..2022-06-24] 003_908a619eda21eca9.article:97 belarus,russia
        2022-06-24 [2022-06-24..2022-06-24] 003_908a619eda21eca9.article:97 (context) belarus,belarusian-railway,belaruski-hayun,russia-defence-ministry
        2022-06-28 [2022-06-28..2022-06-28] 003_908a619eda21eca9.article:99 belarus,ukraine
        2022-06-28 [2022-06-28..2022-06-28] 003_908a619eda21eca9.article:99 (context) belarus-armed-forces
        2022-06-28/2022-07-16 [2022-06-28..2022-07-16] 003_908a619eda21eca9.article:101 belarus,gomel-region
        2022-06-30 [2022-06-30..2022-06-30] 003_908a619eda21eca9.article:101 
        2022-06-30 [2022-06-30..2022-06-30] 003_908a619eda21eca9.article:101 (context) 
        2022-09 [2022-09-01..2022-09-30] 004_d6eac129bc59381f.article:18 belarus-defence-ministry,machulishchi
        2022-FA [2022-09-01..2022-11-30] 002_4c3a09d4f9057a5e.article:62 (context) belarus-armed-forces,belta
        2022-09-21 [2022-09-21..2022-09-21] 001_8af3ff2e160be067.article:26 putin
        2022-09-21 [2022-09-21..2022-09-21] summary-belarus-mobilization.article:10 putin,russia
        2022-09-29 [2022-09-29..2022-09-29] 001_8af3ff2e160be067.article:16 russia
        2022-09-29 [2022-09-29..2022-09-29] 001_8af3ff2e160be067.article:24 belarus,putin,ukraine
        2022-09-29 [2022-09-29..2022-09-29] 001_8af3ff2e160be067.article:24 (context) russia
        2022-09-29 [2022-09-29..2022-09-29] 004_d6eac129bc59381f.article:24 latushka,lukashenka
        2022-09-29 [2022-09-29..2022-09-29] 004_d6eac129bc59381f.article:24 (context) lukashenka
        2022-09-29 [2022-09-29..2022-09-29] summary-belarus-mobilization.article:10 belarus,belarus-defence-ministry
        2022-10 [2022-10-01..2022-10-31] 004_d6eac129bc59381f.article:14 belarus
        2022-10 [2022-10-01..2022-10-31] 004_d6eac129bc59381f.article:14 (context) 
        2022-10-08 [2022-10-08..2022-10-08] 002_4c3a09d4f9057a5e.article:34 belarus,belarus-foreign-ministry,ukraine
        2022-10-08TEV [2022-10-08..2022-10-08] 004_d6eac129bc59381f.article:30 belarus,belarus-foreign-ministry,ukraine
        2022-10-08TEV [2022-10-08..2022-10-08] 004_d6eac129bc59381f.article:30 (context) belarus,kyiv,russia
        2022-10-10 [2022-10-10..2022-10-10] 002_4c3a09d4f9057a5e.article:48 kgb-belarus,lukashenka
        2022-10-10 [2022-10-10..2022-10-10] 004_d6eac129bc59381f.article:32 lukashenka,putin
        2022-10-10 [2022-10-10..2022-10-10] summary-belarus-mobilization.article:12 lukashenka,russia
        2022-W41 [2022-10-10..2022-10-16] 002_4c3a09d4f9057a5e.article:64 belarus,belarus-armed-forces,nasha-niva,russia
        2022-10-14 [2022-10-14..2022-10-14] 002_4c3a09d4f9057a5e.article:42 astana,belarus,belta,kazakhstan,lukashenka
        2022-10-15 [2022-10-15..2022-10-15] summary-belarus-mobilization.article:12 nasha-niva
        2026-01 [2026-01-01..2026-01-31] sample-uk-border.article:7 
        2026-01-16 [2026-01-16..2026-01-16] 000_d3301de9df92c926.article:11 lukashenka
        2026-01-16 [2026-01-16..2026-01-16] summary-belarus-mobilization.article:16 lukashenka
        2026-01-16 [2026-01-16..2026-01-16] summary-belarus-mobilization.article:16 (context) belarus,suspilne
        2026-02 [2026-02-01..2026-02-28] sample-ru-reservists.article:7 lukashenka
        2026-02-16 [2026-02-16..2026-02-16] sample-pl-border.article:15 
        2026-02-16 [2026-02-16..2026-02-16] sample-ru-reservists.article:7 belarus
        2026-02-16 [2026-02-16..2026-02-16] sample-ru-reservists.article:9 lukashenka
        2026-02-16 [2026-02-16..2026-02-16] sample-ru-reservists.article:9 (context) 
        2026-02-17 [2026-02-17..2026-02-17] 000_d3301de9df92c926.article:11 belarus-defence-ministry,western-operational-command
        2026-02-17 [2026-02-17..2026-02-17] 000_d3301de9df92c926.article:12 (context) 
        2026-02-17 [2026-02-17..2026-02-17] sample-uk-border.article:11 lukashenka,putin
        2026-02-18 [2026-02-18..2026-02-18] sample-pl-border.article:13 lukashenka
        2026-02-18 [2026-02-18..2026-02-18] sample-pl-border.article:13 (context) lukashenka
        2026-02-18 [2026-02-18..2026-02-18] sample-uk-border.article:7 
        2026-02-19 [2026-02-19..2026-02-19] 000_d3301de9df92c926.article:8 belarus,suspilne
        2026-02-19 [2026-02-19..2026-02-19] 000_d3301de9df92c926.article:9 (context) nato,ukraine
        2026-02-19 [2026-02-19..2026-02-19] 000_d3301de9df92c926.article:19 belarus-defence-ministry,revenko
        2026-02-19 [2026-02-19..2026-02-19] 000_d3301de9df92c926.article:19 (context) belarus
        2026-02-19 [2026-02-19..2026-02-19] sample-be-decree.article:7 lukashenka
        2026-02-20 [2026-02-20..2026-02-20] sample-pl-border.article:7 
        2026-02-20 [2026-02-20..2026-02-20] sample-pl-border.article:7 (context) 
    "#]].assert_eq(&digest(&entries));
}

#[test]
fn csv_has_a_header_and_quotes_fields() {
    let seeds = Scratch::seeds("timeline-csv");
    let (code, out, _) = timeline(&seeds.dir, &["--format", "csv"]);
    assert_eq!(code, 0);
    let entries = json_entries(&seeds.dir, &[]);
    // Every record ends in CRLF and no field holds a line break, so lines are records.
    assert_eq!(out.matches("\r\n").count(), entries.len() + 1);
    let head: String = out.split_inclusive("\r\n").take(4).collect();
    expect![[r#"
        date,start,end,source,title,article,path,line,actors,dated_by_context,attribution,speaker,quote,uncertain,text⏎
        1999,1999-01-01,1999-12-31,openDemocracy (republished translation),Belarus: Will Lukashenko join Russia’s war against Ukraine?,od-2022-10-lukashenko-war,004_d6eac129bc59381f.article,36,belarus;belarus-armed-forces;russia;russia-armed-forces;smolensk,false,openDemocracy (republished translation),,source,false,"The joint regional group of Belarus and Russia was created in 1999: it includes the entire Belarusian army and some units of the Russian armed forces (until 2022, for example, it included the first Russian tank army, whose headquarters were in Smolensk)."⏎
        2019,2019-01-01,2019-12-31,Our House,"Monitoring of military conscription in Belarus, February–June 2022",ourhouse-2022-07-conscription-monitoring,003_908a619eda21eca9.article,55,,false,Our House,,source,false,"For reference: this figure is not much different from previous drafts, in 2019, about 40,000 conscripts received summonses, more than 20,000 deferments were granted, most of which (more than 80%) are deferments to continue education."⏎
        2019,2019-01-01,2019-12-31,Our House,"Monitoring of military conscription in Belarus, February–June 2022",ourhouse-2022-07-conscription-monitoring,003_908a619eda21eca9.article,55,,true,Our House,,source,false,"About 10,000 guys were sent to the armed forces."⏎
    "#]].assert_eq(&head.replace("\r\n", "⏎\n"));
}

#[test]
fn csv_doubles_quotes_and_keeps_commas_inside_quotes() {
    let dir = Scratch::empty("timeline-csv-quotes");
    std::fs::write(
        dir.path("quotes.article"),
        "Title: Quotes, commas\nSource: Test \"Wire\"\nDate: 2023-05-01\n\n\
         The minister said \"no, never\" on 3 March 2023.\n",
    )
    .unwrap();
    let (code, out, err) = timeline(&dir.dir, &["--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.split("\r\n").collect();
    expect![[r#"2023-03-03,2023-03-03,2023-03-03,"Test ""Wire""","Quotes, commas",quotes,quotes.article,5,,false,The minister,,indirect,false,"The minister said ""no, never"" on 3 March 2023.""#]].assert_eq(rows.get(1).copied().unwrap_or(""));
}

#[test]
fn human_lines_show_date_source_and_text() {
    let seeds = Scratch::seeds("timeline-human");
    let (code, out, _) = timeline(&seeds.dir, &["--source", "our house", "--to", "2022-03"]);
    assert_eq!(code, 0);
    expect![[r#"
        2019                   Our House — For reference: this figure is not much different from previous drafts, in 2019, about 40,000 conscripts received summons…
        2019                   Our House — About 10,000 guys were sent to the armed forces.
        2020                   Our House — The situation was similar in 2020, when a total of about 40 thousand conscripts were called up to serve in the military,…
        2021                   Our House — By comparison, up to 100 reserve officers will be called up in 2021, up to 100 reserve officers in 2020 and up to 100 re…
        2022                   Our House — Up to 150 officers are to be conscripted in 2022.
        2022-02/2022-05        Our House — It was also planned to call up first-year students of agricultural universities of Belarus who had the right to defermen…
        2022-02-09             Our House — On February 9, 2022, Alexander Lukashenka signed Decree No. 34 on retirement and conscription into the reserve military…
        2022-02-19             Our House — On February 19, 2022, a serviceman was wounded as a result of a breach of arms regulations at a military unit of Grodno…
        2022-02-24             Our House — Since February 24, 2022, when the active phase of Russia’s military aggression against Ukraine began, thousands of men o…
        2022-02-24             Our House — It is worth noting the fact that the Lukashenko regime started some actions much earlier than February 24.
        2022-02-24             Our House — Ministry of Defence of Belarus: On February 24, 2022, the Ministry of Defence announced that reserve officers will be called up for military service eve…
        2022-02-28             Our House — Galina Chigrinova: On February 28, 2022, Galina Chigrinova, chairman of the Republican Committee of the Belarusian Public Organization of S…
        2022-03-01             Our House — On March 1, 2022, mothers of servicemen serving in the 120th separate guards mechanized brigade in Uruchcha (Minsk) visi…
        2022-03-01/2022-03-08  Our House — On March 1-8, 2022, the Ministry of Defence congratulated mothers whose sons died in the army on International Women’s D…
        2022-03-09             Our House — Ministry of Defence of Belarus: On March 9, 2022, the Ministry of Defence announced a mass mailing of “fake summonses” to young men by unknown people to…
    "#]].assert_eq(&out);
}

#[test]
fn filters_select_by_actor_source_and_dates() {
    let seeds = Scratch::seeds("timeline-filters");
    let all = json_entries(&seeds.dir, &[]);

    let putin = json_entries(&seeds.dir, &["--actor", "putin"]);
    assert!(!putin.is_empty() && putin.len() < all.len());
    let mentions = |e: &Value| {
        e["actors"]
            .as_array()
            .is_some_and(|a| a.iter().any(|id| id == "putin"))
    };
    assert!(putin.iter().all(mentions));
    assert_eq!(putin.len(), all.iter().filter(|e| mentions(e)).count());
    expect![[r#"
        2022-09-21 [2022-09-21..2022-09-21] 001_8af3ff2e160be067.article:26 putin
        2022-09-21 [2022-09-21..2022-09-21] summary-belarus-mobilization.article:10 putin,russia
        2022-09-29 [2022-09-29..2022-09-29] 001_8af3ff2e160be067.article:24 belarus,putin,ukraine
        2022-10-10 [2022-10-10..2022-10-10] 004_d6eac129bc59381f.article:32 lukashenka,putin
        2026-02-17 [2026-02-17..2026-02-17] sample-uk-border.article:11 lukashenka,putin
    "#]]
    .assert_eq(&digest(&putin));

    let source = json_entries(&seeds.dir, &["--source", "EUROMAIDAN PRESS"]);
    assert!(!source.is_empty());
    assert!(source.iter().all(|e| e["source"] == "Euromaidan Press"));

    let window = json_entries(&seeds.dir, &["--from", "2022-09", "--to", "2022-10-15"]);
    assert!(!window.is_empty());
    for e in &window {
        let (start, end) = (e["start"].as_str().unwrap(), e["end"].as_str().unwrap());
        assert!(
            end >= "2022-09-01" && start <= "2022-10-15",
            "{start}..{end}"
        );
    }

    // A file as the path: only its claims, though the whole corpus is loaded.
    let path = all[all.len() / 2]["path"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["timeline", &path, "--format", "json"])
        .current_dir(&seeds.dir)
        .output()
        .unwrap();
    let one_file: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!one_file.is_empty() && one_file.len() < all.len());
    assert!(one_file.iter().all(|e| e["path"] == path.as_str()));
    assert_eq!(
        one_file.len(),
        all.iter().filter(|e| e["path"] == path.as_str()).count()
    );
}

#[test]
fn claims_carry_their_attribution_and_filter_by_speaker() {
    let seeds = Scratch::seeds("timeline-speakers");
    let all = json_entries(&seeds.dir, &[]);
    assert!(all
        .iter()
        .all(|e| e["attribution"].is_string() && e["quote"].is_string()));
    let lukashenka = json_entries(&seeds.dir, &["--speaker", "lukashenka"]);
    assert!(!lukashenka.is_empty() && lukashenka.len() < all.len());
    assert!(lukashenka.iter().all(|e| e["speaker"] == "lukashenka"
        || e["attribution"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("lukashenka")));
    // Events no one in the text asserts are the source's.
    let by_source = all
        .iter()
        .filter(|e| e["quote"] == "source")
        .all(|e| Some(e["attribution"].as_str().unwrap()) == e["source"].as_str());
    assert!(by_source);
}

#[test]
fn a_date_the_header_cannot_resolve_places_its_claim_at_the_known_precision() {
    let scratch = Scratch::empty("timeline-uncertain");
    std::fs::write(
        scratch.path("a.article"),
        "Source: Outlet\nDate: 2022-10\n\nLast week, the ministry announced drills.\n",
    )
    .unwrap();
    let entries = json_entries(&scratch.dir, &[]);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["date"], "2022-10");
    assert_eq!(entries[0]["uncertain"], true);
    assert_eq!(
        entries[0]["readable"],
        "October 2022 (the exact day is not known)"
    );
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let seeds = Scratch::seeds("timeline-errors");
    let cases: &[(&[&str], Expect)] = &[
        (
            &["--actor", "nobody"],
            expect![[r#"
                dateline: error: --actor nobody: no actor has this id (see `dateline actors`)
            "#]],
        ),
        (
            &["--from", "2022-13"],
            expect![[r#"
            dateline: error: --from 2022-13: not a date (use 2022, 2022-09 or 2022-09-21)
        "#]],
        ),
        (
            &["--to", "soon"],
            expect![[r#"
            dateline: error: --to soon: not a date (use 2022, 2022-09 or 2022-09-21)
        "#]],
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = timeline(&seeds.dir, args);
        assert_eq!(code, 2);
        assert_eq!(out, "");
        expected.assert_eq(&err);
    }
}

/// The page's embedded JSON and the page with it cut out.
fn split_page(html: &str) -> (Value, String) {
    let open = "<script type=\"application/json\" id=\"timeline-data\">";
    let start = html.find(open).expect("the data element") + open.len();
    let end = start + html[start..].find("</script>").expect("its end");
    let data = serde_json::from_str(&html[start..end]).expect("JSON data");
    (data, format!("{}{}", &html[..start], &html[end..]))
}

#[test]
fn html_embeds_the_data_and_requests_nothing() {
    let seeds = Scratch::seeds("timeline-html");
    let (code, _, err) = timeline(&seeds.dir, &["--format", "html", "--output", "page.html"]);
    assert_eq!(code, 0, "{err}");
    let html = seeds.read("page.html");
    let (data, page) = split_page(&html);
    let entries = json_entries(&seeds.dir, &[]);
    let embedded = data["entries"].as_array().expect("entries");
    assert_eq!(embedded.len(), entries.len());
    for (page_entry, entry) in embedded.iter().zip(&entries) {
        assert_eq!(page_entry["text"], entry["text"]);
        assert_eq!(page_entry["date"], entry["date"]);
    }
    assert_eq!(data["actors"]["putin"]["name"], "Vladimir Putin");
    // Article URLs are data; the page itself names no other resource.
    assert!(html.contains("http"));
    for needle in ["http", "://", "<link", "src=", "@import", "url(", "fetch("] {
        assert!(
            !page.contains(needle),
            "{needle} in the page outside the data"
        );
    }
    assert!(page.contains("<title>Timeline — "));
    assert!(!html.contains("__TIMELINE_"), "every placeholder is filled");
}

#[test]
fn html_data_cannot_close_its_script_element() {
    let dir = Scratch::empty("timeline-html-escape");
    std::fs::write(
        dir.path("evil.article"),
        "Title: </title><script>alert(1)</script>\nSource: A & B <wire>\nDate: 2023-05-01\n\n\
         The spokesman said on 3 March 2023 that </script><script>alert(2)</script> <!-- was typed.\n",
    )
    .unwrap();
    let (code, html, err) = timeline(&dir.dir, &["--format", "html"]);
    assert_eq!(code, 0, "{err}");
    // The data element's end and the code element's end: nothing else.
    assert_eq!(html.matches("</script>").count(), 2);
    assert_eq!(html.matches("<script").count(), 2);
    assert!(
        !html.contains("<!--  was"),
        "no comment opener from the data"
    );
    let (data, _) = split_page(&html);
    let entry = &data["entries"][0];
    assert_eq!(entry["title"], "</title><script>alert(1)</script>");
    assert_eq!(entry["source"], "A & B <wire>");
    assert!(entry["text"]
        .as_str()
        .is_some_and(|text| text.contains("</script><script>alert(2)</script> <!--")));
    assert!(html.contains("\\u003c/script\\u003e"));
}
