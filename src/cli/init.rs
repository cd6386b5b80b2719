//! `dateline init [DIR]`: a new corpus in a folder: the settings with every key explained,
//! a registry with one example actor, one example article that checks clean, and the
//! editor's extension recommended. Nothing that exists is ever overwritten.

use std::path::{Path, PathBuf};

/// `dateline.toml`: every setting, commented out at its default.
const SETTINGS: &str = r#"# dateline settings for this corpus. Every key is optional: the commented values are
# the defaults. `dateline explain config-syntax` lists the keys; the README explains them.

[claims]
# Reporting cues, lower case, matched on whole words; a cue may be several words.
# extra-cues = ["briefed"]          # added to the built-in cues
# ignore-cues = ["says"]            # removed from them
# cues = ["said", "according to"]   # replaces them entirely

# How far back a date may date a claim: "sentence", "paragraph" or "article".
# date-scope = "paragraph"

# Whether sentences that report a specific event (`The auction failed`, `Some 500
# reservists were sent`) are claims too; false leaves only reported statements.
# events = true

[corpus]
# Actor registries, relative to this folder (never outside it).
# registries = ["actors.toml"]

# File-name patterns of the article files.
# include = ["*.article"]

[cache]
# Where the server and `dateline check --cache` keep the analyses of unchanged articles
# between runs: a folder inside this one. By default the platform's cache
# folder ($XDG_CACHE_HOME/dateline or ~/.cache/dateline), outside the corpus.
# folder = ".dateline-cache"
"#;

/// `actors.toml`: one example actor, each key explained.
const REGISTRY: &str = r#"# The actors of this corpus: one [[actor]] table each. Every name and alias is found in
# the articles on word boundaries; hover one in the editor to see what the corpus knows.

[[actor]]
id = "example-ministry"              # lower case letters, digits and `-`; unique
name = "Example Ministry of Defence" # the name shown on cards
kind = "organization"                # person, organization, state, media, place or other
aliases = ["Example Ministry"]       # other spellings, in any script
# role = "Defence ministry"          # optional: what it is
# affiliation = "another-actor-id"   # optional: an actor of this registry it belongs to
# description = "One or two sentences an analyst would want on the card."
# links = ["https://www.wikidata.org/wiki/Q..."]
"#;

/// The example article: a header, a statement dated in its sentence, and one dated by an
/// inline annotation; `dateline check` reports nothing on it.
const ARTICLE: &str = "---
Source: Example Outlet
Date: 2024-03-15
Title: An example article
Id: example-2024-03-15
---

On 14 March, the Example Ministry said that reservists were called up for training.

Local media reported long queues at the assembly points. {date: 2024-03-14}
";

/// `.vscode/extensions.json`: the dateline extension recommended to whoever opens the
/// folder in VS Code.
const VSCODE_EXTENSIONS: &str = r#"{
  "recommendations": ["dateline.dateline"]
}
"#;

/// The files `init` makes, relative to the folder, with their contents.
const FILES: &[(&str, &str)] = &[
    ("dateline.toml", SETTINGS),
    ("actors.toml", REGISTRY),
    ("example.article", ARTICLE),
    (".vscode/extensions.json", VSCODE_EXTENSIONS),
];

pub fn run(dir: Option<&Path>) -> Result<u8, String> {
    let dir: PathBuf = dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // Every file is checked before any is written: a refusal leaves the folder as it was.
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|path| path.exists() || path.is_symlink())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "nothing was written: {} already exist{} (init never overwrites)",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        ));
    }
    let mut made = String::new();
    for (name, contents) in FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        // `create_new` fails if the file appeared since the check: never overwrite.
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        file.write_all(contents.as_bytes())
            .map_err(|error| format!("{}: {error}", path.display()))?;
        made.push_str(&format!("created {}\n", path.display()));
    }
    made.push_str(&format!(
        "next: `dateline check {}`, or open the folder in your editor\n",
        dir.display()
    ));
    super::print(&made);
    Ok(super::EXIT_CLEAN)
}
