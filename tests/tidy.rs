//! The architecture's invariants (ARCHITECTURE.md), checked on the source text of `src/`
//! so that breaking one fails with the file and line that break it:
//!
//! - the protocol crates (`tower_lsp_server`, `lsp_types`, `ropey`, `tokio`) are used only
//!   under `src/lsp/`;
//! - `std::fs`, `std::env` and the calendar clock (`SystemTime`, `UNIX_EPOCH`, jiff's
//!   `Zoned::now` and `Timestamp::now`) only in the IO layer: `loader.rs`, `clock.rs`, the
//!   front ends `cli/` and `lsp/`, and `main.rs`. Test code is allowed them too (tests may
//!   read fixtures and time themselves): files compiled only for tests (declared
//!   `#[cfg(test)] mod name;`, such as `fixture.rs` and the `tests.rs` files) and inline
//!   `#[cfg(test)] mod name { ... }` modules, taken to run to the end of their file, as
//!   clippy's `items_after_test_module` lint keeps them. `Instant` is not the clock here:
//!   it measures durations and says nothing of the date;
//! - the network (the HTTP client `ureq`, which `dateline import` fetches pages with)
//!   only in the IO layer, as files are: the page it fetches is handed to `import/` as
//!   bytes;
//! - the two front ends are siblings: no `crate::cli` in `lsp/`, no `crate::lsp` in `cli/`;
//! - `ide` is the front ends' only door into the analysis: `src/cli/` and `src/lsp/` name
//!   none of the analysis modules (`crate::article`, `crate::actors`, `crate::temporal`,
//!   `crate::claims`, `crate::names`), and of `crate::corpus` only the types that load a
//!   corpus and hold its state: `Corpus` (loading, setting, changing and removing files,
//!   and reading back a file's text and line index), `Retention` (how much of each
//!   analysis a front end keeps), `FileKind` (which files a corpus takes in) and
//!   `DiagnosticsStamp` (whether a file's published diagnostics are still current). Every
//!   answer comes from `crate::ide`; the plain data types an answer carries (a claim
//!   tally, a date's kind) are re-exported there, so a front end names them through `ide`.
//!   The shared vocabulary below the analysis (`text`, `position`, `diagnostic`,
//!   `config`) is not analysis and stays open to both;
//! - wire formats belong to the front ends: `serde` (its derives and traits) is used
//!   only in `cli/`, `lsp/`, `config.rs`, which reads
//!   `dateline.toml` (input, not output), and `cache.rs`, the warm-start cache; below
//!   them, only as attributes: a derive of both `serde::Serialize` and
//!   `serde::Deserialize` (written to be read back by the cache, which is versioned by
//!   dateline's version and build and a fingerprint, so a renamed field invalidates it),
//!   never one alone (a type only written out is a wire format), and `#[serde(...)]`.
//!   So no field of the analysis's types is part of a JSON shape;
//! - every `.rs` file opens with a `//!` line saying what it is for.
//!
//! The rules read code lines only: whole-line comments are skipped, so documentation may
//! name what the code must not use.

use std::path::{Path, PathBuf};

const PROTOCOL_CRATES: [&str; 4] = ["tower_lsp_server", "lsp_types", "ropey", "tokio"];
const CLOCK_CALLS: [&str; 4] = ["SystemTime", "UNIX_EPOCH", "Zoned::now", "Timestamp::now"];
/// Crates that reach the network, allowed where files are: the IO layer and tests.
const NETWORK_CRATES: [&str; 1] = ["ureq"];
/// The analysis modules, which the front ends reach only through `crate::ide`.
const ANALYSIS_MODULES: [&str; 5] = [
    "crate::article",
    "crate::actors",
    "crate::temporal",
    "crate::claims",
    "crate::names",
];
/// What the front ends may name of `crate::corpus`: loading and state, no answers.
const CORPUS_STATE_TYPES: [&str; 4] = ["Corpus", "Retention", "FileKind", "DiagnosticsStamp"];
/// Where `serde` may be used freely: the front ends, the configuration's reader, and the
/// warm-start cache (elsewhere only as derives of both traits, see the rules above).
const SERDE_ALLOWED: [&str; 4] = ["src/cli/", "src/lsp/", "src/config.rs", "src/cache.rs"];

/// Whether an attribute (whole, over however many lines) is one that may name serde
/// below the front ends: one that derives both serde traits or neither (`#[serde(...)]`).
fn serde_attribute_allowed(attribute: &str) -> bool {
    let serialize = occurs_after_boundary(attribute, "serde::Serialize");
    let deserialize = occurs_after_boundary(attribute, "serde::Deserialize");
    serialize == deserialize
}
/// Files and folders (ending in `/`) of the IO layer, relative to the crate root.
const IO_LAYER: [&str; 6] = [
    "src/loader.rs",
    "src/cache.rs",
    "src/clock.rs",
    "src/cli/",
    "src/lsp/",
    "src/main.rs",
];

/// A Rust source file: its path relative to the crate root, with `/` separators.
struct Source {
    path: String,
    text: String,
}

fn sources(root: &Path) -> Vec<Source> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    paths
        .into_iter()
        .map(|path| Source {
            text: std::fs::read_to_string(&path).unwrap(),
            path: path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
        })
        .collect()
}

/// `word` occurs in `line` with no identifier character right before it.
fn occurs_after_boundary(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        !line[..at]
            .chars()
            .next_back()
            .is_some_and(|before| before.is_alphanumeric() || before == '_')
    })
}

/// `word` occurs in `line` as a whole identifier or path.
fn occurs_as_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !is_ident(before) && !is_ident(after)
    })
}

/// Uses `name` as a crate: `name::...`, `use name;`, `use name as ...`, `extern crate name`.
fn uses_crate(line: &str, name: &str) -> bool {
    let code = line.trim();
    occurs_after_boundary(code, &format!("{name}::"))
        || code == format!("use {name};")
        || code.starts_with(&format!("use {name} as "))
        || code.starts_with(&format!("extern crate {name}"))
}

/// Reaches for the file system or the environment: `std::fs`, `std::env`, or either
/// imported from a `use std::{...}` group (`statement` is a whole `use` statement).
fn uses_fs_or_env(statement: &str) -> bool {
    if occurs_as_word(statement, "std::fs") || occurs_as_word(statement, "std::env") {
        return true;
    }
    let Some(group) = statement.trim().strip_prefix("use std::{") else {
        return false;
    };
    group
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|item| item == "fs" || item == "env")
}

/// What a front end's code (a line, or a whole `use` statement) names of the analysis
/// beyond what `ide` offers: analysis modules, and `crate::corpus` items other than
/// [`CORPUS_STATE_TYPES`].
fn analysis_reached(code: &str) -> Vec<String> {
    let code = code.replace("super::super::", "crate::");
    let mut reached: Vec<String> = ANALYSIS_MODULES
        .iter()
        .filter(|module| occurs_as_word(&code, module))
        .map(|module| module.to_string())
        .collect();
    for (at, prefix) in code.match_indices("crate::corpus::") {
        let rest = &code[at + prefix.len()..];
        let items = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or(group),
            None => rest,
        };
        let named = |item: &str| -> String {
            item.trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        let items: Vec<String> = if rest.starts_with('{') {
            items.split(',').map(named).collect()
        } else {
            vec![named(items)]
        };
        for item in items {
            if !item.is_empty() && !CORPUS_STATE_TYPES.contains(&item.as_str()) {
                reached.push(format!("crate::corpus::{item}"));
            }
        }
    }
    reached
}

fn reads_clock(line: &str) -> bool {
    CLOCK_CALLS
        .iter()
        .any(|call| occurs_after_boundary(line, call))
}

fn in_io_layer(path: &str) -> bool {
    IO_LAYER
        .iter()
        .any(|allowed| match allowed.strip_suffix('/') {
            Some(_) => path.starts_with(allowed),
            None => path == *allowed,
        })
}

/// Files compiled only for tests: `#[cfg(test)]` followed by `mod name;` in their parent.
fn test_only_files(sources: &[Source]) -> Vec<String> {
    let mut files = Vec::new();
    for source in sources {
        let dir = match source.path.rsplit_once('/') {
            Some((dir, file)) if file == "lib.rs" || file == "main.rs" || file == "mod.rs" => {
                dir.to_string()
            }
            Some(_) => source.path.trim_end_matches(".rs").to_string(),
            None => continue,
        };
        let lines: Vec<&str> = source.text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let Some(name) = pair[1]
                .strip_prefix("mod ")
                .or_else(|| pair[1].strip_prefix("pub mod "))
                .and_then(|rest| rest.strip_suffix(';'))
            else {
                continue;
            };
            if pair[0] == "#[cfg(test)]" {
                files.push(format!("{dir}/{name}.rs"));
                files.push(format!("{dir}/{name}/mod.rs"));
            }
        }
    }
    files
}

/// Every broken rule of one file, as `path:line: rule: code`.
fn violations(path: &str, text: &str, test_only: bool) -> Vec<String> {
    let mut found = Vec::new();
    if !text.starts_with("//!") {
        found.push(format!(
            "{path}:1: the file must open with a `//!` line saying what it is for"
        ));
    }
    let in_lsp = path.starts_with("src/lsp/");
    let in_cli = path.starts_with("src/cli/");
    let io_allowed = in_io_layer(path) || test_only;
    let lines: Vec<&str> = text.lines().collect();
    let mut in_test_module = false;
    // A `use` statement spread over lines is read whole, from its first line.
    let mut statement = String::new();
    let mut statement_line = 0;
    // The same, for the front ends' door into the analysis (read in test code too).
    let mut front_end_use = String::new();
    let mut front_end_use_line = 0;
    // An attribute spread over lines (a long derive) is read whole, from its first line.
    let mut attribute = String::new();
    let mut attribute_line = 0;
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let code = line.trim();
        if code.starts_with("//") {
            continue;
        }
        if code == "#[cfg(test)]"
            && lines.get(index + 1).is_some_and(|next| {
                let next = next.trim();
                next.starts_with("mod ") && next.ends_with('{')
            })
        {
            in_test_module = true;
        }
        let mut report = |rule: &str, at: usize, shown: &str| {
            found.push(format!("{path}:{at}: {rule}: {}", shown.trim()));
        };
        if !in_lsp {
            if let Some(name) = PROTOCOL_CRATES.iter().find(|name| uses_crate(code, name)) {
                report(
                    &format!("the protocol crate `{name}` is used outside src/lsp/"),
                    number,
                    code,
                );
            }
        }
        if in_lsp && (occurs_as_word(code, "crate::cli") || code.contains("super::super::cli")) {
            report("src/lsp/ imports the other front end, cli", number, code);
        }
        if in_cli && (occurs_as_word(code, "crate::lsp") || code.contains("super::super::lsp")) {
            report("src/cli/ imports the other front end, lsp", number, code);
        }
        if in_lsp || in_cli {
            if front_end_use.is_empty()
                && (code.starts_with("use ") || code.starts_with("pub use "))
            {
                front_end_use_line = number;
            }
            let (shown, at) = if front_end_use_line != 0 {
                front_end_use.push_str(code);
                if code.ends_with(';') {
                    let whole = std::mem::take(&mut front_end_use);
                    let at = std::mem::replace(&mut front_end_use_line, 0);
                    (Some(whole), at)
                } else {
                    (None, 0)
                }
            } else {
                (Some(code.to_string()), number)
            };
            if let Some(shown) = shown {
                for reached in analysis_reached(&shown) {
                    report(
                        &format!("a front end reaches `{reached}` instead of asking `crate::ide`"),
                        at,
                        &shown,
                    );
                }
            }
        }
        let serde_allowed = SERDE_ALLOWED.iter().any(|allowed| {
            path == *allowed || (allowed.ends_with('/') && path.starts_with(allowed))
        });
        if attribute.is_empty() && code.starts_with("#[") {
            attribute_line = number;
        }
        let whole_attribute = if attribute_line != 0 {
            attribute.push_str(code);
            // Attributes end their line with `]`; a line inside one never does.
            code.ends_with(']').then(|| {
                let whole = std::mem::take(&mut attribute);
                (whole, std::mem::replace(&mut attribute_line, 0))
            })
        } else {
            None
        };
        let checked = !serde_allowed && !test_only && !in_test_module;
        if let (true, Some((whole, at))) = (checked, &whole_attribute) {
            if !serde_attribute_allowed(whole) {
                report(
                    "a derive below the front ends names only one of serde::Serialize and serde::Deserialize (a type only written out is a wire format: cli/ and lsp/)",
                    *at,
                    whole,
                );
            }
        }
        let in_attribute = attribute_line != 0 || whole_attribute.is_some();
        if checked && !in_attribute && uses_crate(code, "serde") {
            report(
                "serde is used outside the front ends and the cache's derives (wire formats belong to cli/ and lsp/)",
                number,
                code,
            );
        }
        if io_allowed || in_test_module {
            continue;
        }
        if reads_clock(code) {
            report("the clock is read outside the IO layer", number, code);
        }
        if let Some(name) = NETWORK_CRATES.iter().find(|name| uses_crate(code, name)) {
            report(
                &format!("the network crate `{name}` is used outside the IO layer"),
                number,
                code,
            );
        }
        if statement.is_empty() && (code.starts_with("use ") || code.starts_with("pub use ")) {
            statement_line = number;
        }
        if statement_line != 0 {
            statement.push_str(code);
            if code.ends_with(';') {
                if uses_fs_or_env(&statement) {
                    report(
                        "std::fs or std::env is used outside the IO layer",
                        statement_line,
                        &statement,
                    );
                }
                statement.clear();
                statement_line = 0;
            }
        } else if uses_fs_or_env(code) {
            report(
                "std::fs or std::env is used outside the IO layer",
                number,
                code,
            );
        }
    }
    found
}

#[test]
fn the_source_keeps_the_architecture_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = sources(root);
    assert!(sources.len() > 40, "src/ not found");
    let test_only = test_only_files(&sources);
    assert!(
        test_only.iter().any(|file| file == "src/fixture.rs"),
        "{test_only:?}"
    );
    let found: Vec<String> = sources
        .iter()
        .flat_map(|source| violations(&source.path, &source.text, test_only.contains(&source.path)))
        .collect();
    assert!(found.is_empty(), "\n{}\n", found.join("\n"));
}

/// The `path:line` of each report.
fn places(found: &[String]) -> Vec<&str> {
    found
        .iter()
        .map(|report| report.split(": ").next().unwrap())
        .collect()
}

/// The rules find what they forbid, and only that.
#[test]
fn each_rule_reports_the_line_that_breaks_it() {
    let text = "//! A core module.\n\
                use std::{collections::HashMap, fs};\n\
                use tokio::sync::mpsc;\n\
                // std::env is named in a comment only.\n\
                fn f() { let _ = std::env::var(\"X\"); }\n\
                fn g() { let _ = std::time::SystemTime::now(); }\n\
                fn h() { let _ = jiff::Zoned::now(); let _ = std::time::Instant::now(); }\n\
                use std::{\n    io,\n    env,\n};\n\
                #[cfg(test)]\n\
                mod tests {\n    fn read() { let _ = std::fs::read(\"x\"); }\n}\n";
    let found = violations("src/ide/example.rs", text, false);
    assert_eq!(
        places(&found),
        [
            "src/ide/example.rs:2",
            "src/ide/example.rs:3",
            "src/ide/example.rs:5",
            "src/ide/example.rs:6",
            "src/ide/example.rs:7",
            "src/ide/example.rs:8",
        ],
        "{found:#?}"
    );
    // The same text is allowed its IO in the IO layer, but not tokio in cli/.
    let found = violations("src/cli/example.rs", text, false);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("src/cli/example.rs:3: "), "{found:#?}");
    // A test-only file may do IO.
    assert_eq!(violations("src/fixture.rs", text, true).len(), 1);

    let front_ends = "//! Handlers.\nuse crate::cli::today;\nuse crate::lsp::serve_stdio;\n";
    assert_eq!(violations("src/lsp/x.rs", front_ends, false).len(), 1);
    assert_eq!(violations("src/cli/x.rs", front_ends, false).len(), 1);
    assert_eq!(violations("src/main.rs", front_ends, false).len(), 0);

    let reaching = "//! A command.\n\
                    use crate::corpus::{Corpus, Retention};\n\
                    use crate::corpus::{\n    ActorStats,\n    FileKind,\n};\n\
                    use crate::ide::dates::TimexKind;\n\
                    fn f() { let _ = crate::temporal::readable_value(\"2022\"); }\n\
                    use super::super::claims::Dating;\n\
                    use crate::claimsmith;\n";
    let found = violations("src/cli/example.rs", reaching, false);
    assert_eq!(
        places(&found),
        [
            "src/cli/example.rs:3",
            "src/cli/example.rs:8",
            "src/cli/example.rs:9",
        ],
        "{found:#?}"
    );
    // Below the front ends the analysis is open.
    assert_eq!(violations("src/ide/example.rs", reaching, false).len(), 0);

    let wire =
        "//! Dates.\n#[derive(Debug, serde::Serialize)]\nstruct A;\nuse serde::Deserialize;\n";
    assert_eq!(violations("src/temporal/x.rs", wire, false).len(), 2);
    assert_eq!(violations("src/cli/x.rs", wire, false).len(), 0);
    assert_eq!(violations("src/config.rs", wire, false).len(), 0);
    assert_eq!(violations("src/cache.rs", wire, false).len(), 0);
    // The cache's derives: both traits, on one line or spread over several by rustfmt.
    let cached = "//! Dates.\n#[derive(Debug, serde::Serialize, serde::Deserialize)]\n#[serde(skip)]\nstruct A;\n#[derive(\n    Debug,\n    serde::Serialize,\n    serde::Deserialize,\n)]\nstruct B;\n";
    assert!(violations("src/temporal/x.rs", cached, false).is_empty());
    let written_only = "//! Dates.\n#[derive(\n    Debug,\n    serde::Serialize,\n)]\nstruct B;\nfn f() { serde::Serialize::serialize(&1, s); }\n";
    assert_eq!(
        places(&violations("src/temporal/x.rs", written_only, false)),
        ["src/temporal/x.rs:2", "src/temporal/x.rs:7"]
    );

    let network = "//! Pages.\nuse ureq::Agent;\nfn f() { let _ = ureq::get(\"http://x\"); }\n";
    assert_eq!(
        places(&violations("src/import/fetch.rs", network, false)),
        ["src/import/fetch.rs:2", "src/import/fetch.rs:3"]
    );
    assert!(violations("src/cli/import.rs", network, false).is_empty());

    let undocumented = violations("src/text.rs", "/// An item.\nfn f() {}\n", false);
    assert_eq!(
        undocumented,
        ["src/text.rs:1: the file must open with a `//!` line saying what it is for"]
    );
}
