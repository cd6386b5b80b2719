//! The command line: `check`, `dates`, `actors`, `timeline`, `explain`, `import` (and `lsp`, handed
//! to the server). Loads the corpus through the loader, asks the analysis, prints for
//! people or as JSON.

mod actors_cmd;
mod check;
mod claims;
mod dates;
mod eval;
mod explain;
mod import;
mod init;
mod json;
mod render;
mod timeline;

use crate::corpus::{Corpus, Retention};
use crate::{cache, clock, loader};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Undated claims, actors and citations in a corpus of news articles"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report problems in articles and registries (undated claims, header errors, ...).
    Check {
        /// Files or directories (default: the current directory).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// `--deny warnings` makes warnings fail the run too.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Colour: auto (on a terminal), always, never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Take the analyses of unchanged articles from the warm-start cache, and write
        /// it back (the platform's cache folder, or `[cache] folder` of `dateline.toml`).
        #[arg(long)]
        cache: bool,
        /// Say on standard error how many articles the cache gave.
        #[arg(long)]
        verbose: bool,
    },
    /// List every temporal expression and its resolved value.
    Dates {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every claim: what makes it one, who asserts it, and what dates it.
    Claims {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List the known actors with their mentions across the corpus.
    Actors {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// The dated claims in date order: lines, JSON, CSV or a zoomable HTML page.
    Timeline {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = timeline::TimelineFormat::Human)]
        format: timeline::TimelineFormat,
        /// Only claims whose sentence mentions this actor id.
        #[arg(long)]
        actor: Option<String>,
        /// Only articles with this `Source` (case-insensitive).
        #[arg(long)]
        source: Option<String>,
        /// Only claims asserted by this speaker: an actor id, or words of the speaker's
        /// name or of the article's source.
        #[arg(long)]
        speaker: Option<String>,
        /// Only claims dated on or after this date (2022, 2022-09, 2022-09-21).
        #[arg(long)]
        from: Option<String>,
        /// Only claims dated on or before this date.
        #[arg(long)]
        to: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Score the temporal recognizer on a directory of TimeML (.tml) files.
    EvalTimeml {
        dir: PathBuf,
        /// Score only the first N lines of each text (MEANTIME annotated only the first
        /// sentences of each article: use 6 there).
        #[arg(long)]
        lines: Option<usize>,
        /// Also list every miss, false positive and wrong value.
        #[arg(long)]
        errors: bool,
    },
    /// Start a corpus in DIR (default: here): settings, a registry, an example article
    /// and the editor extension recommended; never overwrites a file.
    Init { dir: Option<PathBuf> },
    /// Make articles of saved web pages or http(s) addresses: the header from the page's
    /// metadata, the body from its main text; prints each file written and what had to
    /// be guessed. Never overwrites a file.
    Import {
        /// Saved pages (`.html` files) and `http://` or `https://` addresses.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// The folder the articles are written to (default: the current folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Score the claim finder on MEANTIME's CAT annotation: events, reporting cues,
    /// speakers and dating.
    EvalEvents {
        dir: PathBuf,
        /// Also list every miss and false find.
        #[arg(long)]
        errors: bool,
    },
    /// Explain a diagnostic code with an example, or list every code.
    Explain {
        /// A code as reports show it (`undated-claim`); none lists them all.
        code: Option<String>,
    },
    /// Serve the Language Server Protocol on standard input and output.
    Lsp {
        /// Accepted and ignored: editors append it.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Process exit codes.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// A corpus loaded from the paths named on the command line, and which of its files
/// those paths select.
pub struct Loaded {
    pub root: PathBuf,
    /// How paths are shown: the root as the user can type it.
    pub display_root: PathBuf,
    pub corpus: Corpus,
    /// Corpus paths selected by the arguments (all when a directory is the root).
    pub selected: Vec<String>,
    /// The arguments that selected nothing, each with why (`a.txt`: not an article file).
    pub unmatched: Vec<(PathBuf, String)>,
    /// What the warm-start cache gave, when it was asked for.
    pub cache: Option<cache::Outcome>,
}

impl Loaded {
    pub fn display(&self, path: &str) -> String {
        let shown = self.display_root.join(path);
        shown.to_string_lossy().into_owned()
    }
}

fn display_root(root: &Path) -> PathBuf {
    let cwd = std::env::current_dir().ok();
    let cwd = cwd.and_then(|dir| std::fs::canonicalize(dir).ok());
    match cwd.as_deref().and_then(|cwd| root.strip_prefix(cwd).ok()) {
        Some(relative) => relative.to_path_buf(),
        None => root.to_path_buf(),
    }
}

/// Loads the corpus around the given paths. Errors are for paths that do not exist.
pub fn load(paths: &[PathBuf], retention: Retention) -> Result<Loaded, String> {
    load_with(paths, retention, false)
}

/// [`load`], with the warm-start cache when `use_cache` says so.
pub fn load_with(
    paths: &[PathBuf],
    retention: Retention,
    use_cache: bool,
) -> Result<Loaded, String> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    for path in &paths {
        if !path.exists() {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    let root = loader::find_root(&paths[0]);
    let mut corpus = Corpus::new(clock::today());
    corpus.set_retention(retention);
    if retention == Retention::Reports {
        // Each text is let go of once analysed and read again when its report is
        // written (`check`), so that the texts are not all held beside the analyses.
        corpus.set_text_source(std::sync::Arc::new(loader::DiskTexts::new(&root)));
    }
    let show_progress = std::io::stderr().is_terminal();
    let mut progress_shown = false;
    let show = |progress: loader::LoadProgress| {
        let (done, total) = progress.counts();
        let (stage, what) = match progress {
            loader::LoadProgress::Read { .. } => ("reading", "files"),
            loader::LoadProgress::Analysed { .. } => ("analysing", "articles"),
        };
        if show_progress && total >= 200 && (done % 97 == 0 || done == total) {
            eprint!("\r\x1b[2Kdateline: {stage} {done}/{total} {what}");
            progress_shown = true;
        }
    };
    let cache = if use_cache {
        Some(cache::load_corpus_cached(&root, &mut corpus, show))
    } else {
        loader::load_corpus(&root, &mut corpus, show);
        None
    };
    if progress_shown {
        eprint!("\r\x1b[2K");
    }
    let mut selected = Vec::new();
    // A set beside the list: `Vec::contains` made selecting 10,000 files quadratic.
    let mut chosen_already = std::collections::HashSet::new();
    let mut unmatched = Vec::new();
    for path in &paths {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let prefix = loader::corpus_path(&root, &canonical);
        let mut matched = false;
        for known in corpus.paths() {
            let chosen = match &prefix {
                None => true,
                Some(prefix) => known == *prefix || known.starts_with(&format!("{prefix}/")),
            };
            matched |= chosen;
            if chosen && chosen_already.insert(known.clone()) {
                selected.push(known);
            }
        }
        for (skipped, _) in corpus.skipped() {
            let chosen = match &prefix {
                None => true,
                Some(prefix) => skipped == prefix || skipped.starts_with(&format!("{prefix}/")),
            };
            matched |= chosen;
            if chosen && chosen_already.insert(skipped.to_string()) {
                selected.push(skipped.to_string());
            }
        }
        if !matched {
            unmatched.push((path.clone(), why_nothing(path, &corpus.config().include)));
        }
    }
    selected.sort();
    Ok(Loaded {
        display_root: display_root(&root),
        root,
        corpus,
        selected,
        unmatched,
        cache,
    })
}

/// Why `path` selected no file of the corpus, for a user who expected it to.
fn why_nothing(path: &Path, include: &[String]) -> String {
    let patterns = include
        .iter()
        .map(|pattern| format!("`{pattern}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if path.is_dir() {
        format!("no file in it matches the `include` patterns ({patterns}) of the corpus settings")
    } else {
        format!("not an article file: its name matches none of the `include` patterns ({patterns}), and it is no registry or `dateline.toml`")
    }
}

/// Runs a command other than `lsp`; returns the process exit code.
pub fn run(command: Command) -> u8 {
    let result = match command {
        Command::Check {
            paths,
            format,
            deny,
            color,
            cache,
            verbose,
        } => check::run(
            &paths,
            format,
            check::Options {
                deny_warnings: deny.is_some(),
                color,
                cache,
                verbose,
            },
        ),
        Command::Dates { paths, format } => dates::run(&paths, format),
        Command::Claims { paths, format } => claims::run(&paths, format),
        Command::Actors { path, format } => {
            let paths: Vec<PathBuf> = path.into_iter().collect();
            actors_cmd::run(&paths, format)
        }
        Command::Timeline {
            path,
            format,
            actor,
            source,
            speaker,
            from,
            to,
            output,
        } => {
            let filter = crate::ide::timeline::TimelineFilter {
                actor,
                source,
                from,
                to,
                speaker,
            };
            timeline::run(path, format, filter, output)
        }
        Command::EvalTimeml { dir, lines, errors } => eval::run(&dir, lines, errors),
        Command::EvalEvents { dir, errors } => eval::run_events(&dir, errors),
        Command::Init { dir } => init::run(dir.as_deref()),
        Command::Import { inputs, out } => import::run(&inputs, out.as_deref()),
        Command::Explain { code } => explain::run(code.as_deref()),
        Command::Lsp { .. } => Err("the server is started by main".to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dateline: error: {message}");
            EXIT_FAILURE
        }
    }
}

/// Writes to stdout, treating a closed pipe (`dateline check | head`) as the end rather
/// than a failure.
pub fn print(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
