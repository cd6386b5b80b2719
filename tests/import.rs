//! `dateline import` on pages written for the test in the shapes news sites use (JSON-LD
//! only, OpenGraph only, neither, `div` soup, several articles), each article as a
//! snapshot with what `dateline check` then reports of it; and over HTTP from a server on
//! the loopback address: redirects, an oversized body, refused addresses and overwrites.

mod support;

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::Scratch;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
}

/// Runs the binary in `dir` with no proxy settings (the test server is on this machine).
fn dateline(args: &[&str], dir: &Path) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("the binary runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

/// The articles written in a folder, by name.
fn written(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "article"))
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The codes `dateline check` reports on a folder, sorted, with how many of each.
fn check_codes(dir: &Path) -> String {
    let (stdout, stderr, _) = dateline(&["check", ".", "--format", "json"], dir);
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    let mut codes: Vec<String> = items
        .iter()
        .map(|item| item["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    let mut counted: Vec<String> = Vec::new();
    for code in &codes {
        let count = codes.iter().filter(|c| *c == code).count();
        let line = format!("{code} ×{count}");
        if !counted.contains(&line) {
            counted.push(line);
        }
    }
    counted.join("\n")
}

/// Imports one fixture into a fresh folder: what was printed, the file, and what `check`
/// says of it.
fn import_fixture(name: &str) -> String {
    let scratch = Scratch::empty(&format!("import-{name}"));
    let page = fixture(name);
    let (stdout, stderr, code) = dateline(
        &["import", page.to_str().unwrap(), "--out", "out"],
        &scratch.dir,
    );
    assert_eq!(code, 0, "{stderr}");
    let out = scratch.path("out");
    let files = written(&out);
    assert_eq!(files.len(), 1, "{files:?}");
    let (file, text) = &files[0];
    let printed = stdout.replace(page.to_str().unwrap(), name);
    format!(
        "{printed}--- {file}\n{text}--- dateline check\n{}\n",
        check_codes(&out)
    )
}

#[test]
fn json_ld_gives_the_header_and_furniture_is_dropped() {
    expect_test::expect![[r#"
        wrote out/2024-03-15-reservists-called-to-training-near-the-border.article (from jsonld.html)
        --- 2024-03-15-reservists-called-to-training-near-the-border.article
        ---
        Source: Northern Ledger
        Date: 2024-03-15
        Title: Reservists called to training near the border
        URL: https://ledger.example/world/reservists-training
        Author: Anna Kowal, Piotr Lis
        Language: en
        ---

        Men in three western districts received summonses on 14 March, the regional military office said in a statement on its website.

        The office said on Friday that the training would last two weeks and that reservists would return to their jobs afterwards. Employers were told to keep their positions open.

        Local residents told the Ledger on 15 March that buses had left the district centre early in the morning. A shop owner said that two of his employees had been called up the day before.

        The defence ministry has not commented on the call-ups since they began.
        --- dateline check
        claim-dated-by-context ×1
        undated-claim ×1
    "#]]
    .assert_eq(&import_fixture("jsonld.html"));
}

#[test]
fn open_graph_gives_the_header_and_the_date_line_goes() {
    expect_test::expect![[r#"
        wrote out/2023-11-02-ferry-service-resumes-after-the-storm.article (from opengraph.html)
        --- 2023-11-02-ferry-service-resumes-after-the-storm.article
        ---
        Source: Harbour Times
        Date: 2023-11-02
        Title: Ferry service resumes after the storm
        URL: https://harbour.example/news/2023/11/ferry-resumes
        Author: Harbour Times staff
        Language: en-GB
        ---

        The island ferry sailed again on Thursday morning after two days in port, the operator announced.

        Delays expected

        Passengers were told on 1 November that the first crossings would be full and that vehicles booked for Tuesday would be carried first.

        The harbour master said the breakwater had been inspected on Wednesday and found sound.
        --- dateline check

    "#]].assert_eq(&import_fixture("opengraph.html"));
}

#[test]
fn a_page_with_neither_is_dated_by_its_time_and_has_no_source() {
    expect_test::expect![[r#"
        wrote out/2024-01-20-мост-через-реку-откроют-весной.article (from neither.html)
          guessed: Date from the page's first `<time datetime>`: check that it is the publication date
          missing: Source: the page names no publisher or `og:site_name` and has no address; the header's `Source:` is left empty, and `dateline check` reports it until it is filled in
          note: the title is not in Latin letters, so neither is the file name, which is the article's `Id`; citations `[@id]` take ASCII ids: add an `Id:` line to cite it
        --- 2024-01-20-мост-через-реку-откроют-весной.article
        ---
        Source:
        Date: 2024-01-20
        Title: Мост через реку откроют весной
        Language: ru
        ---

        Строители завершили укладку пролётов нового моста 18 января, сообщила городская администрация.

        По словам главы администрации, движение по мосту откроют в апреле, после испытаний нагрузкой.

        Старый мост закроют на ремонт летом.
        --- dateline check
        missing-source ×1
    "#]].assert_eq(&import_fixture("neither.html"));
}

#[test]
fn div_soup_without_a_date_gets_the_missing_date_error() {
    expect_test::expect![[r#"
        wrote out/undated-council-votes-to-close-the-old-library.article (from divsoup.html)
          missing: Date: the page gives no publication date (no `datePublished`, `article:published_time` or `<time datetime>`); the header's `Date:` is left empty, and `dateline check` reports it until it is filled in
        --- undated-council-votes-to-close-the-old-library.article
        ---
        Source: Valley Courier
        Date:
        Title: Council votes to close the old library
        ---

        The town council voted seven to four to close the Mill Road library at the end of the year, councillors said after the meeting.

        The library's books will move to the school on Station Street, the council's spokesman said. Opening hours there will be longer, he added.

        A petition against the closure collected more than two thousand signatures, its organisers said. They plan to ask the county to review the decision.

        The building has needed a new roof for years, according to the council's own survey.
        --- dateline check
        missing-date ×1
        undated-claim ×4
    "#]].assert_eq(&import_fixture("divsoup.html"));
}

#[test]
fn of_several_articles_the_longest_is_imported_with_its_own_metadata() {
    expect_test::expect![[r#"
        wrote out/2024-05-02-fishing-quotas-cut-for-next-season.article (from several.html)
          note: the page holds 3 articles (`<article>` elements); the longest, “Fishing quotas cut for next season”, was imported
        --- 2024-05-02-fishing-quotas-cut-for-next-season.article
        ---
        Source: Coast Weekly
        Date: 2024-05-02
        Title: Fishing quotas cut for next season
        URL: https://coast.example/2024/05/quotas
        Language: en
        ---

        The fisheries agency cut next season's cod quota by a fifth on 2 May, its director told reporters in the port.

        Skippers' associations said on Thursday that the cut would force some boats to stay in harbour for months.

        The agency said the stock had shrunk for three years in a row and that the quota would be reviewed in the autumn.
        --- dateline check

    "#]].assert_eq(&import_fixture("several.html"));
}

/// What the test server answers for a path.
fn answer(path: &str, port: u16) -> Vec<u8> {
    let page = |body: Vec<u8>| -> Vec<u8> {
        let mut answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        answer.extend(body);
        answer
    };
    let redirect = |to: &str| -> Vec<u8> {
        format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    };
    match path {
        "/story" => page(std::fs::read(fixture("divsoup.html")).unwrap()),
        "/old-address" => redirect(&format!("http://127.0.0.1:{port}/story")),
        "/loop" => redirect("/loop"),
        "/image" => b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\x89PNG".to_vec(),
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
    }
}

/// A body of 21 MiB with no `Content-Length`: the client learns its size only by reading.
fn send_huge(mut stream: TcpStream) {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>";
    let _ = stream.write_all(head.as_bytes());
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..21 {
        // The client hangs up once it has read past its limit.
        if stream.write_all(&chunk).is_err() {
            return;
        }
    }
}

/// A server on the loopback address, answering on a thread until the test process ends.
fn serve() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
            if path == "/huge" {
                send_huge(stream);
                continue;
            }
            let _ = stream.write_all(&answer(&path, port));
        }
    });
    port
}

#[test]
fn a_url_is_fetched_through_its_redirects_and_named_by_its_final_address() {
    let port = serve();
    let scratch = Scratch::empty("import-url");
    let url = format!("http://127.0.0.1:{port}/old-address");
    let (stdout, stderr, code) = dateline(&["import", &url], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    let files = written(&scratch.dir);
    assert_eq!(files.len(), 1, "{files:?}");
    let (name, text) = &files[0];
    assert_eq!(
        name,
        "undated-council-votes-to-close-the-old-library.article"
    );
    assert!(
        stdout.starts_with(&format!("wrote {name} (from {url})\n")),
        "{stdout}"
    );
    let final_url = format!("URL: http://127.0.0.1:{port}/story\n");
    assert!(text.contains(&final_url), "{text}");
    assert!(
        stdout.contains("guessed: URL: the address the page was fetched from"),
        "{stdout}"
    );
    assert!(
        text.contains("The town council voted seven to four"),
        "{text}"
    );
    assert!(!text.contains("cookies"), "{text}");
}

#[test]
fn refused_fetches_fail_their_input_and_the_others_are_still_imported() {
    let port = serve();
    let scratch = Scratch::empty("import-refused");
    let base = format!("http://127.0.0.1:{port}");
    let huge = format!("{base}/huge");
    let missing = format!("{base}/missing");
    let looping = format!("{base}/loop");
    let image = format!("{base}/image");
    let good = fixture("opengraph.html");
    let (stdout, stderr, code) = dateline(
        &[
            "import",
            &huge,
            &missing,
            &looping,
            &image,
            "ftp://127.0.0.1/page.html",
            good.to_str().unwrap(),
            "--out",
            "out",
        ],
        &scratch.dir,
    );
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("dateline: error: {huge}: larger than 20 MiB")),
        "{stderr}"
    );
    assert!(lines[1].contains("the server answered 404"), "{stderr}");
    assert!(lines[2].contains("more than 5 redirects"), "{stderr}");
    assert!(
        lines[3].contains("not a web page but `image/png`"),
        "{stderr}"
    );
    assert!(
        lines[4].contains("only http and https addresses are fetched, not `ftp:`"),
        "{stderr}"
    );
    let files = written(&scratch.path("out"));
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(
        files[0].0,
        "2023-11-02-ferry-service-resumes-after-the-storm.article"
    );
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let scratch = Scratch::empty("import-overwrite");
    let page = fixture("opengraph.html");
    let (_, stderr, code) = dateline(&["import", page.to_str().unwrap()], &scratch.dir);
    assert_eq!(code, 0, "{stderr}");
    let name = "2023-11-02-ferry-service-resumes-after-the-storm.article";
    std::fs::write(scratch.path(name), "edited by hand\n").unwrap();
    let (stdout, stderr, code) = dateline(&["import", page.to_str().unwrap()], &scratch.dir);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!("{name} already exists and was left as it is")),
        "{stderr}"
    );
    assert_eq!(scratch.read(name), "edited by hand\n");
}

#[test]
fn oversized_and_missing_files_are_refused() {
    let scratch = Scratch::empty("import-files");
    let mut huge = std::fs::File::create(scratch.path("huge.html")).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..21 {
        huge.write_all(&chunk).unwrap();
    }
    drop(huge);
    let (_, stderr, code) = dateline(&["import", "huge.html", "absent.html"], &scratch.dir);
    assert_eq!(code, 1);
    assert!(stderr.contains("huge.html: larger than 20 MiB"), "{stderr}");
    assert!(stderr.contains("absent.html: "), "{stderr}");
    assert!(written(&scratch.dir).is_empty());
}
