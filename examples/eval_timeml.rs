//! Scores the temporal recognizer on a directory of TimeML `.tml` files:
//! `cargo run --example eval_timeml -- DIR [--errors] [--lines N]` (`--lines 6` for
//! MEANTIME, which annotated only each article's first sentences). Only the file reading is here;
//! parsing and scoring are `dateline::temporal::timeml`.

use dateline::temporal::timeml::{evaluate_with, parse_tml, EvalOptions};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let lines = args
        .iter()
        .position(|a| a == "--lines")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok());
    let Some(dir) = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--lines"))
        .map(|(_, a)| a)
    else {
        eprintln!("usage: eval_timeml DIR [--errors] [--lines N]");
        std::process::exit(2);
    };
    let mut paths = Vec::new();
    if let Err(e) = collect(Path::new(dir), &mut paths) {
        eprintln!("{dir}: {e}");
        std::process::exit(1);
    }
    paths.sort();
    let mut docs = Vec::new();
    for path in &paths {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        match std::fs::read_to_string(path) {
            Ok(source) => match parse_tml(name.as_deref().unwrap_or(""), &source) {
                Ok(doc) => docs.push(doc),
                Err(e) => eprintln!("{}: {e}", path.display()),
            },
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    let report = evaluate_with(&docs, EvalOptions { scope_lines: lines });
    if errors {
        for e in &report.errors {
            println!("{e}");
        }
        println!();
    }
    print!("{report}");
}
