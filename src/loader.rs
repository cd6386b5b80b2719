//! Reading a corpus from disk: finding its root, walking it (gitignore-aware, links not
//! followed out of it), and reading files as text. One of the two places that do IO; the
//! command line and the server both load through it.

use crate::corpus::{Corpus, FileKind, CONFIG_FILE};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are not read: a corpus article is text written by people, and
/// a file this large is almost certainly something else named `.article`.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file was not taken into the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Binary,
    InvalidUtf8 { at: usize },
    TooLarge { bytes: u64 },
    Unreadable(String),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Binary => write!(f, "skipped: a binary file (it contains NUL bytes)"),
            SkipReason::InvalidUtf8 { at } => {
                write!(
                    f,
                    "skipped: not valid UTF-8 (first bad byte at offset {at})"
                )
            }
            SkipReason::TooLarge { bytes } => write!(
                f,
                "skipped: {} MiB is larger than the {} MiB limit",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            SkipReason::Unreadable(why) => write!(f, "skipped: could not be read ({why})"),
        }
    }
}

/// Turns bytes into text, or says why they are not an article's text.
pub fn decode(bytes: Vec<u8>) -> Result<Arc<str>, SkipReason> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(SkipReason::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Arc::from(text)),
        Err(error) => Err(SkipReason::InvalidUtf8 {
            at: error.utf8_error().valid_up_to(),
        }),
    }
}

/// Reads one file as text.
pub fn read_text(path: &Path) -> Result<Arc<str>, SkipReason> {
    use std::io::Read;
    let unreadable = |error: std::io::Error| SkipReason::Unreadable(error.to_string());
    // The size is asked of the open file: asking of the path first, then reading it
    // (which asks again), cost a tenth of a load's system calls.
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let bytes = file.metadata().map_err(unreadable)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge { bytes });
    }
    // A file that grows while it is read is cut one byte past the limit (then refused
    // below), never read on without end.
    let mut text = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(unreadable)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge {
            bytes: text.len() as u64,
        });
    }
    decode(text)
}

/// Reads one file of the corpus under `root`, refusing one that a link leads out of the
/// root (the walk never follows links; named files — configuration, registries, files an
/// editor reports changed — must not either).
pub fn read_text_within(root: &Path, path: &Path) -> Result<Arc<str>, SkipReason> {
    let real = std::fs::canonicalize(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !real.starts_with(&real_root) {
        return Err(SkipReason::Unreadable(
            "a link that leads out of the corpus folder".to_string(),
        ));
    }
    read_text(&real)
}

/// The files of a corpus folder, read again for a corpus that let go of their texts (see
/// `corpus::TextSource`), with the same checks as the load (no link out of the folder,
/// size, binary, UTF-8).
#[derive(Debug)]
pub struct DiskTexts {
    root: PathBuf,
}

impl DiskTexts {
    pub fn new(root: &Path) -> Self {
        DiskTexts {
            root: root.to_path_buf(),
        }
    }
}

impl crate::corpus::TextSource for DiskTexts {
    fn read(&self, path: &str) -> Option<Arc<str>> {
        read_text_within(&self.root, &self.root.join(path)).ok()
    }
}

/// The corpus root for a path: the nearest directory at or above it that holds
/// `dateline.toml` or `actors.toml`, stopping at a repository root (`.git`); the path's
/// own directory when there is none.
pub fn find_root(path: &Path) -> PathBuf {
    let start = if path.is_dir() {
        path.to_path_buf()
    } else {
        // A bare file name's parent is the empty path, which canonicalizes to nothing.
        path.parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    };
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    let mut dir = Some(start.as_path());
    while let Some(candidate) = dir {
        if candidate.join(CONFIG_FILE).is_file() || candidate.join("actors.toml").is_file() {
            return candidate.to_path_buf();
        }
        if candidate.join(".git").exists() {
            break;
        }
        dir = candidate.parent();
    }
    start
}

/// The corpus's name for a file under `root`: relative, `/`-separated.
pub fn corpus_path(root: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Every file under `root` that the corpus takes (articles, registries, configuration),
/// honouring `.gitignore` and hidden files as git would, never following links.
pub fn discover(root: &Path, corpus: &Corpus) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(false)
        .require_git(false)
        .build();
    for entry in walker.flatten() {
        if !entry.file_type().is_some_and(|kind| kind.is_file()) {
            continue;
        }
        let Some(path) = corpus_path(root, entry.path()) else {
            continue;
        };
        if corpus.kind_of(&path) != FileKind::Other {
            found.push((path, entry.into_path()));
        }
    }
    found.sort();
    found
}

/// Loads the configuration and the registries it names: the few small files that every
/// article's analysis depends on, so that a server can load them before anything else.
pub fn load_settings(root: &Path, corpus: &mut Corpus) {
    let registries = read_settings(root, corpus);
    corpus.set_files(registries);
}

/// Loads the configuration into `corpus` and reads the registries it names, which are
/// returned to be given to the corpus (a registry that cannot be taken in is marked
/// skipped).
fn read_settings(root: &Path, corpus: &mut Corpus) -> Vec<(String, Arc<str>)> {
    if let Ok(text) = read_text_within(root, &root.join(CONFIG_FILE)) {
        corpus.set_file(CONFIG_FILE, text);
    }
    let registries = corpus.config().registries.clone();
    let mut texts = Vec::new();
    for registry in registries {
        // Registries are named relative to the root and never reach outside it.
        if registry.starts_with('/') || registry.split(['/', '\\']).any(|part| part == "..") {
            continue;
        }
        let disk_path = registry
            .split('/')
            .fold(root.to_path_buf(), |path, part| path.join(part));
        match read_text_within(root, &disk_path) {
            Ok(text) => texts.push((registry, text)),
            Err(SkipReason::Unreadable(_)) => {}
            Err(reason) => corpus.mark_skipped(&registry, reason.to_string()),
        }
    }
    texts
}

/// How far a load has come: its files read, then its articles analysed and taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadProgress {
    Read { done: usize, total: usize },
    Analysed { done: usize, total: usize },
}

impl LoadProgress {
    /// How many of the stage's items are done, and how many there are.
    pub fn counts(self) -> (usize, usize) {
        match self {
            LoadProgress::Read { done, total } | LoadProgress::Analysed { done, total } => {
                (done, total)
            }
        }
    }
}

/// Loads a whole corpus: the configuration first (it says what else to load), then every
/// file, reporting progress. Files are read in parallel, in chunks after each of which
/// progress is reported, while this thread parses the registries and builds the alias
/// automaton (one file, one thread, which analysis needs first too: done one after the
/// other, they were about a tenth of a `check`). Then the articles are analysed in
/// parallel, reported as each is taken in. The configuration and registries are read
/// once (parsing a large registry twice cost a noticeable part of a load).
pub fn load_corpus(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
) {
    let texts = read_corpus(root, corpus, &mut progress);
    corpus.set_files_reporting(texts, |done, total| {
        progress(LoadProgress::Analysed { done, total })
    });
}

/// The first part of [`load_corpus`]: the configuration and registries taken into
/// `corpus`, files that cannot be read marked skipped, and the articles' texts returned
/// to be analysed (or matched with the warm-start cache's analyses, `cache.rs`).
pub fn read_corpus(
    root: &Path,
    corpus: &mut Corpus,
    progress: impl FnMut(LoadProgress) + Send,
) -> Vec<(String, Arc<str>)> {
    read_corpus_as(root, corpus, progress, |_| |text| text)
}

/// [`read_corpus`], keeping of each article's text what the function `choose` gives makes
/// of it as it is read (its hash, for a warm start that needs no text: the texts are then
/// never all held). `choose` is asked once the configuration is read.
pub fn read_corpus_as<T: Send, Keep: Fn(Arc<str>) -> T + Sync>(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
    choose: impl FnOnce(&Corpus) -> Keep,
) -> Vec<(String, T)> {
    let registries = read_settings(root, corpus);
    let keep = choose(corpus);
    let files: Vec<(String, PathBuf)> = discover(root, corpus)
        .into_iter()
        .filter(|(path, _)| !matches!(corpus.kind_of(path), FileKind::Registry | FileKind::Config))
        .collect();
    let read = std::thread::scope(|scope| {
        let reading = scope.spawn(|| read_articles(&files, &mut progress, &keep));
        corpus.set_files(registries);
        reading.join()
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let mut texts = Vec::with_capacity(read.len());
    for (path, result) in read {
        match result {
            Ok(text) => texts.push((path.clone(), text)),
            Err(reason) => corpus.mark_skipped(path, reason.to_string()),
        }
    }
    texts
}

/// Reads `files` (corpus path, disk path) in parallel, reporting progress after each chunk,
/// keeping what `keep` makes of each text.
fn read_articles<'a, T: Send>(
    files: &'a [(String, PathBuf)],
    progress: &mut impl FnMut(LoadProgress),
    keep: &(impl Fn(Arc<str>) -> T + Sync),
) -> Vec<(&'a String, Result<T, SkipReason>)> {
    use rayon::prelude::*;
    /// Large enough to keep both cores busy, small enough for smooth progress.
    const CHUNK: usize = 250;
    let total = files.len();
    let mut read = Vec::with_capacity(total);
    for chunk in files.chunks(CHUNK) {
        read.par_extend(
            chunk
                .par_iter()
                .map(|(path, disk_path)| (path, read_text(disk_path).map(keep))),
        );
        progress(LoadProgress::Read {
            done: read.len(),
            total,
        });
    }
    read
}
