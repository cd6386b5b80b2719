//! Reading a corpus from disk: finding its root, walking it (gitignore-aware, links not
//! followed out of it), and reading files as text. One of the two places that do IO; the
//! command line and the server both load through it.

use crate::corpus::{ArticleReader, ArticleText, Corpus, DiskStamp, FileKind, CONFIG_FILE};
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
    read_text_stamped(path, 0).map(|(text, _)| text)
}

/// The stamp of a regular file from its metadata, for a load that began at `read_at_ns`
/// (see [`DiskStamp`]); `None` when the system does not say when it was modified.
fn disk_stamp(metadata: &std::fs::Metadata, read_at_ns: u64) -> Option<DiskStamp> {
    if !metadata.is_file() {
        return None;
    }
    let nanoseconds = |time: std::time::SystemTime| -> Option<u64> {
        let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
        u64::try_from(since.as_nanos()).ok()
    };
    let modified_ns = nanoseconds(metadata.modified().ok()?)?;
    #[cfg(unix)]
    let (changed_ns, inode) = {
        use std::os::unix::fs::MetadataExt;
        let changed = u64::try_from(metadata.ctime())
            .ok()
            .zip(u64::try_from(metadata.ctime_nsec()).ok())
            .and_then(|(seconds, nanoseconds)| {
                seconds.checked_mul(1_000_000_000)?.checked_add(nanoseconds)
            })?;
        (changed, metadata.ino())
    };
    #[cfg(not(unix))]
    let (changed_ns, inode) = (0, 0);
    Some(DiskStamp {
        bytes: metadata.len(),
        modified_ns,
        changed_ns,
        inode,
        read_at_ns,
    })
}

/// The stamp of the file at `path` as it stands, without reading it, for a load that
/// began at `read_at_ns`: `None` for anything but a regular file (a link is not followed:
/// the walk never follows one either), or when the system does not say.
pub fn stat_stamp(path: &Path, read_at_ns: u64) -> Option<DiskStamp> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    disk_stamp(&metadata, read_at_ns)
}

/// Reads one file as text, with the stamp of the file taken just before its text was read
/// (by a load that began at `read_at_ns`): a change that lands while it is read changes
/// the file's modification time after the stamp was taken. No stamp when the text read is
/// not as long as the stamp says (the file changed meanwhile).
pub fn read_text_stamped(
    path: &Path,
    read_at_ns: u64,
) -> Result<(Arc<str>, Option<DiskStamp>), SkipReason> {
    use std::io::Read;
    let unreadable = |error: std::io::Error| SkipReason::Unreadable(error.to_string());
    // The size is asked of the open file: asking of the path first, then reading it
    // (which asks again), cost a tenth of a load's system calls.
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    let stamp = disk_stamp(&metadata, read_at_ns);
    let bytes = metadata.len();
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
    let stamp = stamp.filter(|stamp| stamp.bytes == text.len() as u64);
    Ok((decode(text)?, stamp))
}

/// Reads one file of the corpus under `root`, refusing one that a link leads out of the
/// root (the walk never follows links; named files — configuration, registries, files an
/// editor reports changed — must not either).
pub fn read_text_within(root: &Path, path: &Path) -> Result<Arc<str>, SkipReason> {
    read_text_within_real(&real_root(root), path)
}

/// The folder `root` with every link resolved, as the paths read within it are.
fn real_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// [`read_text_within`] for a root whose links are already resolved ([`real_root`]):
/// resolving it again for every text read again was a visible part of `check`'s system
/// calls.
fn read_text_within_real(real_root: &Path, path: &Path) -> Result<Arc<str>, SkipReason> {
    let real = std::fs::canonicalize(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if !real.starts_with(real_root) {
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
    /// `root` with its links resolved once, when the source is made, not at every read. A
    /// root that is a link pointed elsewhere later is not followed there: what is read
    /// through it then lies outside the folder the corpus was loaded from, and is refused.
    real_root: PathBuf,
}

impl DiskTexts {
    pub fn new(root: &Path) -> Self {
        DiskTexts {
            root: root.to_path_buf(),
            real_root: real_root(root),
        }
    }

    /// Reads the file at `disk_path` if it is within the folder (see [`read_text_within`]).
    pub fn read_within(&self, disk_path: &Path) -> Result<Arc<str>, SkipReason> {
        read_text_within_real(&self.real_root, disk_path)
    }
}

impl crate::corpus::TextSource for DiskTexts {
    fn read(&self, path: &str) -> Option<Arc<str>> {
        self.read_within(&self.root.join(path)).ok()
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
/// article, analysed in parallel and reported as each is taken in. The articles are read
/// as they are analysed ([`ArticleText::Unread`]), so that the load holds the texts being
/// analysed, not all of them: `check` of 100,000 articles held 548 MB of texts before it
/// analysed the first.
pub fn load_corpus(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
) {
    use rayon::prelude::*;
    // Sized while the registries are taken in: the largest are analysed first.
    let (files, sizes) = with_article_files(root, corpus, |_, _| {
        |files: &[(String, PathBuf)]| -> Vec<u64> {
            files
                .par_iter()
                .map(|(_, disk_path)| {
                    std::fs::symlink_metadata(disk_path).map_or(0, |metadata| metadata.len())
                })
                .collect()
        }
    });
    let prepared = files
        .iter()
        .zip(sizes)
        .map(|((path, _), bytes)| (path.clone(), ArticleText::Unread { bytes }, None))
        .collect();
    let reader = ArticlesOnDisk {
        disk_paths: files.into_iter().collect(),
    };
    corpus.set_files_prepared(prepared, Some(&reader), |done, total| {
        progress(LoadProgress::Analysed { done, total })
    });
}

/// The article files of a load, read as the corpus analyses them.
struct ArticlesOnDisk {
    /// Each article's file by its corpus path.
    disk_paths: std::collections::HashMap<String, PathBuf>,
}

impl ArticleReader for ArticlesOnDisk {
    fn read(&self, path: &str) -> Result<Arc<str>, String> {
        let disk_path = self
            .disk_paths
            .get(path)
            .ok_or_else(|| "not among the files found".to_string())?;
        read_text(disk_path).map_err(|reason| reason.to_string())
    }
}

/// The configuration and registries taken into `corpus`, files that cannot be read marked
/// skipped, and every article's text read at once and returned, to be handed to the
/// corpus with analyses made before (the warm-start cache's tests); [`load_corpus`] reads
/// each as it is analysed instead.
pub fn read_corpus(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
) -> Vec<(String, Arc<str>)> {
    let (files, read) = with_article_files(root, corpus, |_, _| {
        |files: &[(String, PathBuf)]| {
            let total = files.len();
            read_files(
                files,
                |done| progress(LoadProgress::Read { done, total }),
                read_text,
            )
        }
    });
    let mut texts = Vec::with_capacity(read.len());
    for ((path, _), result) in files.into_iter().zip(read) {
        match result {
            Ok(text) => texts.push((path, text)),
            Err(reason) => corpus.mark_skipped(&path, reason.to_string()),
        }
    }
    texts
}

/// The first steps of every load: the configuration read into `corpus` (it says what else
/// to load) and the registries it names read, the article files found (corpus path, disk
/// path), and `work` done on them on another thread while this one takes the registries
/// in (parses them and builds the alias automaton, which analysis needs first too: done
/// one after the reading, the two were about a tenth of a `check`). `plan` makes the work
/// once the configuration is read, given the registries' texts (path, text) about to be
/// taken in. The configuration and registries are read once (parsing a large registry
/// twice cost a noticeable part of a load).
pub fn with_article_files<R: Send, Work: FnOnce(&[(String, PathBuf)]) -> R + Send>(
    root: &Path,
    corpus: &mut Corpus,
    plan: impl FnOnce(&Corpus, &[(String, Arc<str>)]) -> Work,
) -> (Vec<(String, PathBuf)>, R) {
    let registries = read_settings(root, corpus);
    let work = plan(corpus, &registries);
    let files: Vec<(String, PathBuf)> = discover(root, corpus)
        .into_iter()
        .filter(|(path, _)| !matches!(corpus.kind_of(path), FileKind::Registry | FileKind::Config))
        .collect();
    let done = std::thread::scope(|scope| {
        let working = scope.spawn(|| work(&files));
        corpus.set_files(registries);
        working.join()
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    (files, done)
}

/// Reads `files` (corpus path, disk path) with `read`, in parallel, telling `progress` how
/// many are read after each chunk; the results in the order of `files`.
pub fn read_files<T: Send>(
    files: &[(String, PathBuf)],
    mut progress: impl FnMut(usize),
    read: impl Fn(&Path) -> Result<T, SkipReason> + Sync,
) -> Vec<Result<T, SkipReason>> {
    use rayon::prelude::*;
    /// Large enough to keep both cores busy, small enough for smooth progress.
    const CHUNK: usize = 250;
    let mut results = Vec::with_capacity(files.len());
    for chunk in files.chunks(CHUNK) {
        results.par_extend(chunk.par_iter().map(|(_, disk_path)| read(disk_path)));
        progress(results.len());
    }
    results
}
