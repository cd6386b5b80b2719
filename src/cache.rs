//! The warm-start cache: every article's analysis kept on disk between runs, so that a
//! load of an unchanged corpus (a server restarted, `dateline check --cache`) takes the
//! analyses back instead of making them again, and analyses only the articles whose text
//! changed.
//!
//! Part of the IO layer: where the cache lives, reading it (bounded) and writing it
//! atomically (a unique temporary file in the same folder, synced, then renamed over the
//! old one: of two writers, whichever renames last wins, and both wrote a whole file). Its
//! layout and checks are pure functions ([`encode`], [`decode`]), tested without files.
//!
//! A cache is read only by the same dateline (version and build) for the same settings,
//! registries and retention (the [`Stamp`]); each entry only for the same path and the
//! same bytes (length and xxh3 hash: the loader reads every text anyway, so the hash
//! decides, not the modification time). Anything else — another version, changed
//! settings, a truncated or corrupt file, an entry that does not decode — makes the whole
//! cache ignored (one log line says why), every article analysed, and the cache written
//! again. Today's date is not part of it: the one diagnostic that depends on it is made
//! again when a cached analysis is taken (`Corpus::set_files_prepared`).
//!
//! Layout: `MAGIC`, `FORMAT` (u32 LE), the stamp's length (u32 LE) and the stamp
//! (postcard), the entries, each its length (u64 LE) then postcard of its key and its
//! analysis, and last the xxh3-64 (u64 LE) of the entries' bytes.

use crate::corpus::{ArticleFile, Corpus, TextCheck};
use crate::loader::{self, LoadProgress};
use crate::temporal::{Lean, LeanWords};
use rayon::prelude::*;
// Keyed by the corpus's own paths: a fast hash, not one that resists chosen keys.
use rustc_hash::FxHashMap as HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

const MAGIC: [u8; 8] = *b"dlcache\n";
/// The layout above; another layout is another number.
const FORMAT: u32 = 1;
/// No cache larger than this is read, whatever the corpus.
const MAX_CACHE_BYTES: u64 = 4 << 30;

/// What a cache was written for: it is read only for the same.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// dateline's version.
    pub version: String,
    /// The build of that version (the executable's size and modification time), so that
    /// a rebuilt dateline whose analysis changed without a new version number does not
    /// read a cache it would decode differently.
    pub build: String,
    /// A hash of everything an analysis depends on besides its text and today's date:
    /// the settings (`dateline.toml` and the editor's), each registry's path and text,
    /// and how much of each analysis is kept.
    pub fingerprint: u64,
}

/// Written by hand, through its owned words: serde's derive would ask the decoded bytes
/// for the recognizer's `&'static str`s, which would have to live for ever.
impl serde::Serialize for Lean {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LeanWords::from(*self).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Lean {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words = LeanWords::deserialize(deserializer)?;
        Lean::try_from(words).map_err(serde::de::Error::custom)
    }
}

/// What an entry's analysis was made of.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct EntryKey {
    path: String,
    bytes: u64,
    content_hash: u64,
}

impl EntryKey {
    /// The key of an analysis whose text the corpus may have let go of.
    fn of_file(file: &ArticleFile) -> Self {
        Self::checked(&file.path, file.text_check())
    }

    fn checked(path: &str, check: TextCheck) -> Self {
        EntryKey {
            path: path.to_string(),
            bytes: check.len() as u64,
            content_hash: check.hash(),
        }
    }
}

/// Why a cache was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    NotACache,
    Format(u32),
    Version(String),
    Build,
    Fingerprint,
    Truncated,
    Checksum,
    Undecodable(String),
    TooLarge { bytes: u64, limit: u64 },
    Unreadable(String),
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::NotACache => write!(f, "not a dateline cache"),
            Rejection::Format(format) => write!(f, "layout {format}, not {FORMAT}"),
            Rejection::Version(version) => write!(
                f,
                "written by dateline {version}, not {}",
                env!("CARGO_PKG_VERSION")
            ),
            Rejection::Build => write!(f, "written by another build of dateline"),
            Rejection::Fingerprint => {
                write!(f, "written for other settings, registries or retention")
            }
            Rejection::Truncated => write!(f, "truncated"),
            Rejection::Checksum => write!(f, "corrupt (its checksum does not match)"),
            Rejection::Undecodable(why) => write!(f, "undecodable ({why})"),
            Rejection::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "{bytes} bytes, over the {limit} bytes read for this corpus"
                )
            }
            Rejection::Unreadable(why) => write!(f, "unreadable ({why})"),
        }
    }
}

/// Articles encoded at a time: in parallel, then written out, so that a cache of ten
/// thousand analyses (86 MB) is never held whole in memory while it is written.
const ENCODED_TOGETHER: usize = 256;

/// Writes the cache of `articles`, written for `stamp`, to `out`. Each article is keyed
/// by its own text, so an article whose text is not the disk's (an editor's unsaved text)
/// is simply not taken back.
fn write_cache(
    out: &mut impl std::io::Write,
    stamp: &Stamp,
    articles: &[Arc<ArticleFile>],
) -> std::io::Result<()> {
    let header = postcard::to_allocvec(stamp).unwrap_or_default();
    out.write_all(&MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    out.write_all(&(header.len() as u32).to_le_bytes())?;
    out.write_all(&header)?;
    let mut checksum = Xxh3::new();
    for chunk in articles.chunks(ENCODED_TOGETHER) {
        let records: Vec<Vec<u8>> = chunk
            .par_iter()
            .filter_map(|file| {
                let key = EntryKey::of_file(file);
                postcard::to_allocvec(&(&key, &**file)).ok()
            })
            .collect();
        for record in &records {
            let length = (record.len() as u64).to_le_bytes();
            out.write_all(&length)?;
            out.write_all(record)?;
            checksum.update(&length);
            checksum.update(record);
        }
    }
    out.write_all(&checksum.digest().to_le_bytes())
}

/// The cache file's bytes for `articles`, written for `stamp` (see [`write_cache`]).
pub fn encode(stamp: &Stamp, articles: &[Arc<ArticleFile>]) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into memory does not fail.
    let _ = write_cache(&mut bytes, stamp, articles);
    bytes
}

/// Reads `length` bytes, or says the file ended first.
fn read_exactly(reader: &mut impl Read, length: u64) -> Result<Vec<u8>, Rejection> {
    let mut bytes = Vec::new();
    reader
        .take(length)
        .read_to_end(&mut bytes)
        .map_err(|error| Rejection::Unreadable(error.to_string()))?;
    if (bytes.len() as u64) < length {
        return Err(Rejection::Truncated);
    }
    Ok(bytes)
}

fn u32_at(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().unwrap_or([0; 4]))
}

fn u64_at(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]))
}

/// Records decoded together, on every core.
const DECODED_TOGETHER: usize = 256;

/// The analyses a cache holds for the articles of `texts` with the same path and bytes,
/// and how many entries it has, read from `reader` (a cache file of `length` bytes) if it
/// is whole, of this layout and written for `expected`. Read a record at a time and
/// decoded as they come, a batch at a time on every core, so that the file's bytes are
/// never held whole (a 100,000-article cache is 640 MB); taken only whole: a record that
/// does not decode or names an actor the corpus does not have, or a checksum that does not
/// match at the end, rejects the whole cache.
fn read_matching(
    mut reader: impl Read,
    length: u64,
    expected: &Stamp,
    checks: &[(&str, TextCheck)],
    actors: usize,
) -> Result<(usize, HashMap<String, ArticleFile>), Rejection> {
    let mut magic = Vec::new();
    (&mut reader)
        .take(MAGIC.len() as u64)
        .read_to_end(&mut magic)
        .map_err(|error| Rejection::Unreadable(error.to_string()))?;
    if magic != MAGIC {
        return Err(if MAGIC.starts_with(&magic) {
            Rejection::Truncated
        } else {
            Rejection::NotACache
        });
    }
    let format = u32_at(&read_exactly(&mut reader, 4)?);
    if format != FORMAT {
        return Err(Rejection::Format(format));
    }
    let header_length = u64::from(u32_at(&read_exactly(&mut reader, 4)?));
    let before_entries = MAGIC.len() as u64 + 8 + header_length;
    if length < before_entries {
        return Err(Rejection::Truncated);
    }
    let header = read_exactly(&mut reader, header_length)?;
    let stamp: Stamp = postcard::from_bytes(&header)
        .map_err(|error| Rejection::Undecodable(format!("its stamp: {error}")))?;
    if stamp.version != expected.version {
        return Err(Rejection::Version(stamp.version));
    }
    if stamp.build != expected.build {
        return Err(Rejection::Build);
    }
    if stamp.fingerprint != expected.fingerprint {
        return Err(Rejection::Fingerprint);
    }
    let Some(mut left) = (length - before_entries).checked_sub(8) else {
        return Err(Rejection::Truncated);
    };
    let keys: HashMap<&str, EntryKey> = checks
        .iter()
        .map(|&(path, check)| (path, EntryKey::checked(path, check)))
        .collect();
    let mut checksum = Xxh3::new();
    let mut entries = 0;
    let mut matching = HashMap::default();
    let shared = std::sync::Mutex::new(rustc_hash::FxHashSet::default());
    let mut batch: Vec<(EntryKey, Vec<u8>)> = Vec::new();
    loop {
        if left == 0 || batch.len() == DECODED_TOGETHER {
            matching.extend(decode_analyses(
                std::mem::take(&mut batch),
                actors,
                &shared,
            )?);
        }
        if left == 0 {
            break;
        }
        let prefix = read_exactly(&mut reader, 8.min(left))?;
        checksum.update(&prefix);
        left -= prefix.len() as u64;
        let record_length = u64_at(&prefix);
        if prefix.len() < 8 || record_length > left {
            return Err(Rejection::Truncated);
        }
        let record = read_exactly(&mut reader, record_length)?;
        checksum.update(&record);
        left -= record_length;
        entries += 1;
        let (key, analysis) = postcard::take_from_bytes::<EntryKey>(&record)
            .map_err(|error| Rejection::Undecodable(format!("an entry's key: {error}")))?;
        if keys.get(key.path.as_str()) == Some(&key) {
            batch.push((key, analysis.to_vec()));
        }
    }
    if checksum.digest() != u64_at(&read_exactly(&mut reader, 8)?) {
        return Err(Rejection::Checksum);
    }
    Ok((entries, matching))
}

/// Decodes the analyses of a batch of entries in parallel; one that does not decode, or
/// names an actor the corpus does not have, rejects the whole cache. The texts many
/// analyses repeat (diagnostic messages, date values) are made one copy each in `shared`
/// as they are decoded: decoded apart, the messages of a 100,000-article cache held a
/// third of a GiB more than the corpus keeps of them.
fn decode_analyses(
    batch: Vec<(EntryKey, Vec<u8>)>,
    actors: usize,
    shared: &std::sync::Mutex<rustc_hash::FxHashSet<Arc<str>>>,
) -> Result<Vec<(String, ArticleFile)>, Rejection> {
    batch
        .into_par_iter()
        .map(|(key, analysis)| {
            let mut file: ArticleFile = postcard::from_bytes(&analysis).map_err(|error| {
                Rejection::Undecodable(format!("the analysis of {}: {error}", key.path))
            })?;
            {
                let mut shared = shared
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let mut one_copy = |text: &str| -> Arc<str> {
                    if let Some(copy) = shared.get(text) {
                        return copy.clone();
                    }
                    let copy: Arc<str> = Arc::from(text);
                    shared.insert(copy.clone());
                    copy
                };
                for diagnostic in &mut file.diagnostics {
                    diagnostic.message = one_copy(&diagnostic.message);
                }
                for claim in &mut file.packed_claims {
                    claim.share_value(&mut one_copy);
                }
            }
            let sound = file.path == key.path
                && file.mentions.iter().all(|mention| mention.actor() < actors);
            if !sound {
                return Err(Rejection::Undecodable(format!(
                    "the analysis of {} does not fit the corpus",
                    key.path
                )));
            }
            Ok((key.path, file))
        })
        .collect()
}

/// The stamp a cache of `corpus` is written for and read with, as the corpus stands (its
/// settings and registries loaded).
pub fn stamp_of(corpus: &Corpus) -> Stamp {
    let mut hasher = Xxh3::new();
    let mut config = corpus.config().clone();
    // Where the cache lives does not change what it holds.
    config.cache_folder = None;
    hasher.update(format!("{config:?}\n{:?}\n", corpus.retention()).as_bytes());
    for registry in corpus.registries() {
        hasher.update(registry.path.as_bytes());
        hasher.update(&(registry.text.len() as u64).to_le_bytes());
        hasher.update(registry.text.as_bytes());
    }
    Stamp {
        version: env!("CARGO_PKG_VERSION").to_string(),
        build: this_build(),
        fingerprint: hasher.digest(),
    }
}

/// The running executable's size and modification time.
fn this_build() -> String {
    let metadata = std::env::current_exe().and_then(std::fs::metadata);
    match metadata {
        Ok(metadata) => {
            let modified = metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos());
            format!("{} bytes, modified {modified}", metadata.len())
        }
        Err(_) => "unknown".to_string(),
    }
}

/// The platform's folder for caches: `$XDG_CACHE_HOME/dateline`, `~/.cache/dateline`,
/// or on Windows `%LOCALAPPDATA%\dateline`.
fn default_folder() -> Option<PathBuf> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    absolute("XDG_CACHE_HOME")
        .or_else(|| absolute("HOME").map(|home| home.join(".cache")))
        .or_else(|| absolute("LOCALAPPDATA"))
        .map(|folder| folder.join("dateline"))
}

/// The folder `dateline.toml` names for the cache, if it lies inside the corpus root: a
/// corpus comes from elsewhere (a cloned repository), and its settings must not make the
/// server write outside the folder the user opened. A relative path without `..`, that
/// no link leads out of the root.
fn folder_inside(root: &Path, folder: &str) -> Option<PathBuf> {
    use std::path::Component;
    let relative = Path::new(folder);
    if !relative
        .components()
        .all(|part| matches!(part, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    let joined = root.join(relative);
    if let (Ok(real), Ok(real_root)) = (std::fs::canonicalize(&joined), std::fs::canonicalize(root))
    {
        if !real.starts_with(real_root) {
            return None;
        }
    }
    Some(joined)
}

/// The cache file of the corpus at `root` as loaded into `corpus`: in the folder
/// `dateline.toml` names (`[cache] folder`, inside the root: see [`folder_inside`]) or the
/// platform's, one file per corpus root (named by a hash of its canonical path) and per
/// retention, so that `check` and the server do not overwrite each other's. `None` when
/// there is no folder for caches (no home).
pub fn cache_file(root: &Path, corpus: &Corpus) -> Option<PathBuf> {
    let named = corpus
        .config()
        .cache_folder
        .as_deref()
        .and_then(|folder| folder_inside(root, folder));
    let folder = match named {
        Some(folder) => folder,
        None => default_folder()?,
    };
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let root_hash = xxh3_64(canonical.as_os_str().as_encoded_bytes());
    let retention = format!("{:?}", corpus.retention()).to_lowercase();
    Some(folder.join(format!("{root_hash:016x}-{retention}.cache")))
}

/// The cache file at `path` opened for reading, with its length, `None` if there is none;
/// one larger than `limit` is refused. Only that many bytes are read: a file growing
/// meanwhile (another process writing it in place) is not read further.
fn open_bounded(path: &Path, limit: u64) -> Result<Option<(impl Read, u64)>, Rejection> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(Rejection::Unreadable(error.to_string())),
    };
    let unreadable = |error: std::io::Error| Rejection::Unreadable(error.to_string());
    let bytes = file.metadata().map_err(unreadable)?.len();
    if bytes > limit {
        return Err(Rejection::TooLarge { bytes, limit });
    }
    Ok(Some((std::io::BufReader::new(file).take(bytes), bytes)))
}

/// The largest cache read for a corpus of `text_bytes` of articles: an analysis kept
/// whole takes about as many bytes as its text, so a cache many times larger than the
/// corpus is not one written for it.
fn cache_limit(text_bytes: u64) -> u64 {
    text_bytes
        .saturating_mul(16)
        .saturating_add(64 << 20)
        .min(MAX_CACHE_BYTES)
}

/// What a load with the cache did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The cache file, `None` when there is no folder for caches.
    pub file: Option<PathBuf>,
    /// Articles whose cached analysis was taken.
    pub reused: usize,
    pub articles: usize,
    /// Why a cache file that exists was not read, if it was not.
    pub rejected: Option<String>,
    /// Whether the cache on disk is not what the corpus would write (an article was
    /// analysed, or an entry belongs to no article any more).
    pub stale: bool,
}

impl Outcome {
    /// One line for a log: how many articles were taken from the cache.
    pub fn summary(&self) -> String {
        format!(
            "cache: {} of {} articles reused",
            self.reused, self.articles
        )
    }

    /// One line for a log when a cache file was there and was ignored.
    pub fn rejection(&self) -> Option<String> {
        let why = self.rejected.as_ref()?;
        let file = self
            .file
            .as_ref()
            .map_or(String::new(), |file| format!(" {}", file.display()));
        Some(format!("cache{file} ignored and rebuilt: {why}"))
    }
}

/// [`loader::load_corpus`] with the warm-start cache: the texts read, each article whose
/// path and bytes match a cache entry given its cached analysis, the others analysed.
pub fn load_corpus_cached(
    root: &Path,
    corpus: &mut Corpus,
    mut progress: impl FnMut(LoadProgress) + Send,
) -> Outcome {
    // A corpus that lets go of texts needs none of the articles a cache gives: each text
    // is hashed as it is read and let go of (so that the texts are never all held beside
    // the analyses), and those the cache does not give are read again. Decided once the
    // configuration, which may move the cache, is read.
    let mut file = None;
    let read = loader::read_corpus_as(root, corpus, &mut progress, |corpus| {
        file = cache_file(root, corpus);
        let without_texts =
            corpus.lets_go_of_texts() && file.as_deref().is_some_and(|file| file.is_file());
        move |text: Arc<str>| {
            let check = TextCheck::of(&text);
            (check, (!without_texts).then_some(text))
        }
    });
    let mut outcome = Outcome {
        articles: read.len(),
        stale: true,
        ..Outcome::default()
    };
    let mut prepared = HashMap::default();
    if let Some(file) = &file {
        let text_bytes: u64 = read.iter().map(|(_, (check, _))| check.len() as u64).sum();
        let checks: Vec<(&str, TextCheck)> = read
            .iter()
            .map(|(path, (check, _))| (path.as_str(), *check))
            .collect();
        let stamp = stamp_of(corpus);
        let taken = open_bounded(file, cache_limit(text_bytes)).and_then(|opened| {
            let Some((reader, length)) = opened else {
                return Ok(None);
            };
            let taken = read_matching(reader, length, &stamp, &checks, corpus.actors().len())?;
            Ok(Some(taken))
        });
        match taken {
            Ok(Some((entry_count, matching))) => {
                outcome.reused = matching.len();
                outcome.stale = entry_count != matching.len() || matching.len() != read.len();
                prepared = matching;
            }
            Ok(None) => {}
            Err(rejection) => outcome.rejected = Some(rejection.to_string()),
        }
    }
    outcome.file = file;
    // The texts let go of that the cache did not give, read again.
    let mut again: HashMap<String, Result<Arc<str>, loader::SkipReason>> = read
        .par_iter()
        .filter(|(path, (_, text))| text.is_none() && !prepared.contains_key(path))
        .map(|(path, _)| {
            (
                path.clone(),
                loader::read_text_within(root, &root.join(path)),
            )
        })
        .collect();
    let no_text: Arc<str> = Arc::from("");
    let mut files = Vec::with_capacity(read.len());
    for (path, (check, text)) in read {
        let cached = prepared.remove(&path);
        let (text, cached) = match (text, cached) {
            (Some(text), cached) => (text, cached),
            (None, Some(mut cached)) => {
                // Taken without its text: the check says which text it is.
                cached.text_dropped = Some(check);
                (no_text.clone(), Some(cached))
            }
            (None, None) => match again.remove(&path) {
                Some(Ok(text)) => (text, None),
                Some(Err(reason)) => {
                    corpus.mark_skipped(&path, reason.to_string());
                    continue;
                }
                None => continue,
            },
        };
        files.push((path, text, cached));
    }
    corpus.set_files_prepared(files, |done, total| {
        progress(LoadProgress::Analysed { done, total })
    });
    outcome
}

/// What a cache is written from: the corpus's articles and its stamp, taken while the
/// corpus is at hand, written later (off the request path).
pub struct Snapshot {
    stamp: Stamp,
    articles: Vec<Arc<ArticleFile>>,
}

impl Snapshot {
    pub fn of(corpus: &Corpus) -> Self {
        Snapshot {
            stamp: stamp_of(corpus),
            // An article of which only the mentions were found yet is not cached.
            articles: corpus
                .articles()
                .filter(|file| !file.is_pending())
                .cloned()
                .collect(),
        }
    }
}

/// Writes the cache file at `path` atomically: into a temporary file of its own in the
/// same folder, synced, then renamed over `path`.
pub fn save(path: &Path, snapshot: &Snapshot) -> std::io::Result<()> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().map_or_else(
        || "cache".into(),
        |name| name.to_string_lossy().into_owned(),
    );
    remove_abandoned_writes(folder, &name);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = folder.join(format!(".{name}.{}.{write}.tmp", std::process::id()));
    let written = (|| {
        let file = std::fs::File::create_new(&temporary)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write_cache(&mut out, &snapshot.stamp, &snapshot.articles)?;
        let file = out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Removes the temporary files of writes of the cache file `name` that never finished (a
/// process killed while writing): those not touched for an hour, so that a write still
/// going on in another process is left alone.
fn remove_abandoned_writes(folder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let abandoned = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp {
            version: "1.2.3".to_string(),
            build: "test".to_string(),
            fingerprint: 42,
        }
    }

    /// A corpus of a few articles (a future date, a mention, claims, an annotation) and
    /// the texts it was made of.
    fn small_corpus() -> (Corpus, Vec<(String, Arc<str>)>) {
        let texts: Vec<(String, Arc<str>)> = vec![
            (
                "a.article".to_string(),
                Arc::from(
                    "Title: Talks\nSource: Wire\nDate: 2022-09-29\n\nBiden said the talks \
                     would resume. The minister met him the same day {date: 2022-09-28}.\n",
                ),
            ),
            (
                "b.article".to_string(),
                Arc::from("Title: Later\nSource: Wire\nDate: 2099-01-01\n\nThe mayor said it rained [@a].\n"),
            ),
        ];
        let mut corpus = Corpus::new(crate::temporal::CalendarDate::parse_iso("2024-01-01").ok());
        let registry = "[[actor]]\nid = \"biden\"\nname = \"Joe Biden\"\naliases = [\"Biden\"]\n";
        let mut files = vec![("actors.toml".to_string(), Arc::from(registry))];
        files.extend(texts.iter().cloned());
        corpus.set_files(files);
        (corpus, texts)
    }

    fn articles(corpus: &Corpus) -> Vec<Arc<ArticleFile>> {
        corpus.articles().cloned().collect()
    }

    /// Reads a whole cache held in memory for no article: its checks alone, and the
    /// number of its entries.
    fn decode(bytes: &[u8], expected: &Stamp) -> Result<usize, Rejection> {
        read_matching(bytes, bytes.len() as u64, expected, &[], usize::MAX)
            .map(|(entries, _)| entries)
    }

    /// The analyses a cache held in memory gives the articles of `texts`.
    fn take(
        bytes: &[u8],
        texts: &[(String, Arc<str>)],
        actors: usize,
    ) -> Result<HashMap<String, ArticleFile>, Rejection> {
        let checks: Vec<(&str, TextCheck)> = texts
            .iter()
            .map(|(path, text)| (path.as_str(), TextCheck::of(text)))
            .collect();
        read_matching(bytes, bytes.len() as u64, &stamp(), &checks, actors).map(|(_, taken)| taken)
    }

    /// A corpus loaded the way a warm start loads it: the registry, then the texts with
    /// the analyses taken from `bytes`.
    fn warm_corpus(bytes: &[u8], texts: &[(String, Arc<str>)], today: &str) -> Corpus {
        let (cold, _) = small_corpus();
        let mut corpus = Corpus::new(crate::temporal::CalendarDate::parse_iso(today).ok());
        let registry = cold.registry("actors.toml").unwrap().text.clone();
        corpus.set_files(vec![("actors.toml".to_string(), registry)]);
        let mut taken = take(bytes, texts, corpus.actors().len()).expect("decodes");
        assert_eq!(taken.len(), texts.len());
        let files = texts
            .iter()
            .map(|(path, text)| (path.clone(), text.clone(), taken.remove(path)))
            .collect();
        corpus.set_files_prepared(files, |_, _| {});
        corpus
    }

    #[test]
    fn a_warm_corpus_equals_a_cold_one() {
        let (cold, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&cold));
        let warm = warm_corpus(&bytes, &texts, "2024-01-01");
        for (path, _) in &texts {
            assert_eq!(warm.article(path), cold.article(path));
            assert_eq!(warm.diagnostics(path), cold.diagnostics(path));
        }
        assert!(cold.diagnostics("b.article").iter().any(|diagnostic| {
            diagnostic.code == crate::diagnostic::DiagnosticCode::FutureDate
        }));
        assert_eq!(warm.mentions_of(0).len(), cold.mentions_of(0).len());
    }

    #[test]
    fn warm_analyses_of_the_seeds_equal_cold_ones_in_each_retention() {
        use crate::corpus::Retention;
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let today = crate::temporal::CalendarDate::parse_iso("2024-01-01").ok();
        for retention in [Retention::Everything, Retention::Reports, Retention::Index] {
            let mut cold = Corpus::new(today);
            cold.set_retention(retention);
            loader::load_corpus(&seeds, &mut cold, |_| {});
            let bytes = encode(&stamp(), &articles(&cold));
            let mut warm = Corpus::new(today);
            warm.set_retention(retention);
            let texts = loader::read_corpus(&seeds, &mut warm, |_| {});
            let mut taken = take(&bytes, &texts, warm.actors().len()).expect("decodes");
            assert_eq!(taken.len(), texts.len());
            let files = texts
                .into_iter()
                .map(|(path, text)| {
                    let cached = taken.remove(&path);
                    (path, text, cached)
                })
                .collect();
            warm.set_files_prepared(files, |_, _| {});
            assert_eq!(warm.paths(), cold.paths());
            for file in cold.articles() {
                assert_eq!(
                    warm.indexed_article(&file.path),
                    Some(file),
                    "{retention:?}"
                );
                assert_eq!(warm.diagnostics(&file.path), cold.diagnostics(&file.path));
            }
            for actor in 0..cold.actors().len() {
                let places = |corpus: &Corpus| -> Vec<(String, crate::text::TextRange)> {
                    corpus
                        .mentions_of(actor)
                        .into_iter()
                        .map(|(file, mention)| (file.path.clone(), mention.range()))
                        .collect()
                };
                assert_eq!(places(&warm), places(&cold));
            }
        }
    }

    #[test]
    fn the_future_date_is_judged_on_the_day_the_cache_is_read() {
        let (cold, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&cold));
        let warm = warm_corpus(&bytes, &texts, "2100-01-01");
        let mut cold_later =
            Corpus::new(crate::temporal::CalendarDate::parse_iso("2100-01-01").ok());
        let registry = cold.registry("actors.toml").unwrap().text.clone();
        let mut files = vec![("actors.toml".to_string(), registry)];
        files.extend(texts.iter().cloned());
        cold_later.set_files(files);
        for (path, _) in &texts {
            assert_eq!(warm.article(path), cold_later.article(path));
        }
    }

    #[test]
    fn only_articles_with_the_same_path_and_bytes_are_taken() {
        let (corpus, mut texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        texts[0].1 = Arc::from(format!("{} ", texts[0].1));
        texts[1].0 = "renamed.article".to_string();
        let taken = take(&bytes, &texts, corpus.actors().len()).unwrap();
        assert!(taken.is_empty(), "{:?}", taken.keys());
    }

    #[test]
    fn every_truncation_is_refused() {
        let (corpus, _) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        for length in 0..bytes.len() {
            assert!(
                decode(&bytes[..length], &stamp()).is_err(),
                "a cache cut at {length} of {} bytes was read",
                bytes.len()
            );
        }
    }

    #[test]
    fn every_flipped_byte_is_refused() {
        let (corpus, _) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        for at in 0..bytes.len() {
            let mut corrupt = bytes.clone();
            corrupt[at] ^= 0x20;
            assert!(
                decode(&corrupt, &stamp()).is_err(),
                "a cache with byte {at} flipped was read"
            );
        }
    }

    #[test]
    fn random_bytes_are_refused() {
        // A small xorshift generator: the same bytes every run.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for length in [0, 1, 7, 8, 64, 4096] {
            let mut bytes: Vec<u8> = (0..length)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            assert!(decode(&bytes, &stamp()).is_err());
            // Random bytes after a good beginning too.
            if bytes.len() >= MAGIC.len() + 4 {
                bytes[..MAGIC.len()].copy_from_slice(&MAGIC);
                bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&FORMAT.to_le_bytes());
                assert!(decode(&bytes, &stamp()).is_err());
            }
        }
    }

    #[test]
    fn another_layout_version_build_or_fingerprint_is_refused() {
        let (corpus, _) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        let other_version = Stamp {
            version: "1.2.4".to_string(),
            ..stamp()
        };
        assert_eq!(
            decode(&bytes, &other_version).unwrap_err(),
            Rejection::Version("1.2.3".to_string())
        );
        let other_build = Stamp {
            build: "rebuilt".to_string(),
            ..stamp()
        };
        assert_eq!(decode(&bytes, &other_build).unwrap_err(), Rejection::Build);
        let other_settings = Stamp {
            fingerprint: 43,
            ..stamp()
        };
        assert_eq!(
            decode(&bytes, &other_settings).unwrap_err(),
            Rejection::Fingerprint
        );
        let mut other_layout = bytes.clone();
        other_layout[MAGIC.len()] = 2;
        assert_eq!(
            decode(&other_layout, &stamp()).unwrap_err(),
            Rejection::Format(2)
        );
        let mut not_a_cache = bytes;
        not_a_cache[0] = b'D';
        assert_eq!(
            decode(&not_a_cache, &stamp()).unwrap_err(),
            Rejection::NotACache
        );
    }

    #[test]
    fn an_analysis_naming_an_unknown_actor_is_refused() {
        let (corpus, texts) = small_corpus();
        let bytes = encode(&stamp(), &articles(&corpus));
        assert!(take(&bytes, &texts, 0).is_err());
    }

    /// A corpus's settings place the cache only inside the corpus: not above it, not at
    /// an absolute path, not through a link out of it.
    #[test]
    fn a_cache_folder_named_by_the_corpus_stays_inside_it() {
        let scratch =
            std::env::temp_dir().join(format!("dateline-cache-inside-{}", std::process::id()));
        let root = scratch.join("corpus");
        let outside = scratch.join("outside");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        assert_eq!(
            super::folder_inside(&root, ".cache"),
            Some(root.join(".cache"))
        );
        assert_eq!(
            super::folder_inside(&root, "a/./b"),
            Some(root.join("a/./b"))
        );
        assert_eq!(super::folder_inside(&root, "../outside"), None);
        assert_eq!(super::folder_inside(&root, "a/../../outside"), None);
        assert_eq!(super::folder_inside(&root, outside.to_str().unwrap()), None);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
            assert_eq!(super::folder_inside(&root, "link"), None);
        }
        std::fs::remove_dir_all(&scratch).unwrap();
    }

    #[test]
    fn the_fingerprint_follows_settings_registries_and_retention() {
        let (corpus, _) = small_corpus();
        let base = stamp_of(&corpus).fingerprint;
        let mut changed = corpus.clone();
        changed.set_file(
            "actors.toml",
            Arc::from("[[actor]]\nid = \"x\"\nname = \"X\"\n"),
        );
        assert_ne!(stamp_of(&changed).fingerprint, base);
        let mut changed = corpus.clone();
        changed.set_file("dateline.toml", Arc::from("[claims]\nevents = false\n"));
        assert_ne!(stamp_of(&changed).fingerprint, base);
        let mut changed = corpus.clone();
        changed.set_retention(crate::corpus::Retention::Reports);
        assert_ne!(stamp_of(&changed).fingerprint, base);
        // Where the cache lives is not what it holds; today's date neither.
        let mut moved = corpus.clone();
        moved.set_file(
            "dateline.toml",
            Arc::from("[cache]\nfolder = \"elsewhere\"\n"),
        );
        assert_eq!(stamp_of(&moved).fingerprint, base);
    }
}
