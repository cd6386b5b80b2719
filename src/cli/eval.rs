//! `dateline eval-timeml DIR`: scores the temporal recognizer on TimeML files (precision,
//! recall and F1, strict and relaxed, value accuracy), as TempEval-3 does. Only reading
//! the files is here; parsing and scoring are `ide::eval_timeml` and `ide::eval_events`.

use crate::ide::eval_events::parse_cat;
use crate::ide::eval_timeml::{evaluate_with, parse_tml, EvalOptions};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, extension, out)?;
        } else if path.extension().is_some_and(|found| found == extension) {
            out.push(path);
        }
    }
    Ok(())
}

/// The files under `dir` with this extension, in name order; an error if there are none.
fn files_under(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    collect(dir, extension, &mut paths).map_err(|error| format!("{}: {error}", dir.display()))?;
    if paths.is_empty() {
        return Err(format!("{}: no .{extension} files", dir.display()));
    }
    paths.sort();
    Ok(paths)
}

pub fn run(dir: &Path, lines: Option<usize>, errors: bool) -> Result<u8, String> {
    let paths = files_under(dir, "tml")?;
    let mut docs = Vec::new();
    for path in &paths {
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parsed = std::fs::read_to_string(path)
            .map_err(|error| error.to_string())
            .and_then(|source| parse_tml(&name, &source));
        match parsed {
            Ok(doc) => docs.push(doc),
            Err(error) => eprintln!("dateline: {}: {error}", path.display()),
        }
    }
    let report = evaluate_with(&docs, EvalOptions { scope_lines: lines });
    let mut out = String::new();
    if errors {
        for error in &report.errors {
            out.push_str(&format!("{error}\n"));
        }
        out.push('\n');
    }
    out.push_str(&report.to_string());
    super::print(&out);
    Ok(super::EXIT_CLEAN)
}

/// `dateline eval-events DIR`: the claim finder against MEANTIME's CAT annotation (events,
/// reporting events, speakers, temporal links) of every `.xml` file under `dir`.
pub fn run_events(dir: &Path, errors: bool) -> Result<u8, String> {
    let paths = files_under(dir, "xml")?;
    let mut documents = Vec::new();
    for path in &paths {
        let parsed = std::fs::read_to_string(path)
            .map_err(|error| error.to_string())
            .and_then(|source| parse_cat(&source));
        match parsed {
            Ok(document) => documents.push(document),
            Err(error) => eprintln!("dateline: {}: {error}", path.display()),
        }
    }
    let scores =
        crate::ide::eval_events::evaluate_events(documents, &crate::config::Config::default());
    let mut out = String::new();
    if errors {
        for error in scores.errors() {
            out.push_str(&format!("{error}\n"));
        }
        out.push('\n');
    }
    out.push_str(&scores.to_string());
    super::print(&out);
    Ok(super::EXIT_CLEAN)
}
