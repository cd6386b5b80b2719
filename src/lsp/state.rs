//! The server's world: one corpus per workspace folder (plus one for files outside any
//! folder), the documents the editor has open, and the negotiated settings.

use super::document::OpenDocument;
use crate::config::Overrides;
use crate::corpus::{Corpus, FileKind, Retention};
use crate::loader;
use crate::position::{Encoding, LineIndex};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::lsp_types::Uri;
use tower_lsp_server::UriExt;

/// A workspace folder and its corpus. The root with no folder holds files opened from
/// outside every folder; its paths are absolute.
#[derive(Debug, Clone)]
pub struct Root {
    pub dir: Option<PathBuf>,
    pub corpus: Corpus,
    /// The URIs of its files, made once each: references to a much-mentioned actor name
    /// thousands of files, and making a URI is most of the cost of a location.
    pub uris: UriMemo,
    /// The JSON of the folder's URI with a slash, without the closing quote
    /// (`"file:///home/me/corpus/`): the URI of a [plain](is_plain) corpus path is this,
    /// the path and a quote.
    plain_prefix: Option<Box<str>>,
}

impl Root {
    pub fn new(dir: Option<PathBuf>, corpus: Corpus) -> Self {
        let plain_prefix = dir.as_deref().and_then(plain_prefix);
        Root {
            dir,
            corpus,
            uris: UriMemo::default(),
            plain_prefix,
        }
    }
}

/// See [`Root::plain_prefix`]: `None` when the folder's URI does not end in a slash
/// before a file's name (never expected; then every file goes through the memo).
fn plain_prefix(dir: &std::path::Path) -> Option<Box<str>> {
    const PROBE: &str = "probe";
    let json = serde_json::to_string(&Uri::from_file_path(dir.join(PROBE))?).ok()?;
    let prefix = json.strip_suffix('"')?.strip_suffix(PROBE)?;
    prefix.ends_with('/').then(|| prefix.into())
}

/// Whether a corpus path is its URI's path as it is: segments of ASCII letters, digits
/// and `-._~` (which a URI never escapes), none of them `.` or `..`. Nearly every path of
/// a real corpus is.
///
/// One pass over the bytes: splitting at each `/` searched for it with `memchr`, a call per
/// segment that was a quarter of an answer of 90,000 references.
fn is_plain(path: &str) -> bool {
    // The segment read so far: its length, and whether it is only dots.
    let mut length = 0;
    let mut only_dots = true;
    for byte in path.bytes().chain(std::iter::once(b'/')) {
        if byte == b'/' {
            if length == 0 || (only_dots && length <= 2) {
                return false;
            }
            length = 0;
            only_dots = true;
        } else if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            length += 1;
            only_dots &= byte == b'.';
        } else {
            return false;
        }
    }
    true
}

/// How an answer names a file: a memoised URI, or, for a plain path, the root's URI and
/// the path written one after the other, with no lookup and nothing allocated (an answer
/// of 90,000 references names 50,000 files, and looking each up in the memo was a fifth of
/// it).
pub enum FileName<'a> {
    Memo(Arc<FileUri>),
    Plain { prefix: &'a str, path: &'a str },
}

impl FileName<'_> {
    /// The length of the URI's JSON string.
    pub fn json_len(&self) -> usize {
        match self {
            FileName::Memo(file) => file.json.len(),
            FileName::Plain { prefix, path } => prefix.len() + path.len() + 1,
        }
    }

    /// Writes the URI as a JSON string.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            FileName::Memo(file) => out.extend_from_slice(file.json.as_bytes()),
            FileName::Plain { prefix, path } => {
                out.extend_from_slice(prefix.as_bytes());
                out.extend_from_slice(path.as_bytes());
                out.push(b'"');
            }
        }
    }

    /// The URI.
    pub fn uri(&self) -> Option<Uri> {
        match self {
            FileName::Memo(file) => Some(file.uri.clone()),
            FileName::Plain { .. } => {
                let mut json = Vec::with_capacity(self.json_len());
                self.write_json(&mut json);
                serde_json::from_slice(&json).ok()
            }
        }
    }
}

/// A memo of corpus paths' URIs. A clone starts empty: it is a cache, nothing more.
#[derive(Debug, Default)]
pub struct UriMemo(std::sync::Mutex<rustc_hash::FxHashMap<String, Arc<FileUri>>>);

/// A file's URI, and the same as a JSON string: a reference answer names thousands of
/// files, and copying and escaping each one's URI again took 3–5 ms of an answer of
/// 10,000 locations.
#[derive(Debug)]
pub struct FileUri {
    pub uri: Uri,
    pub json: Box<str>,
}

impl FileUri {
    pub fn new(uri: Uri) -> Option<Self> {
        let json = serde_json::to_string(&uri).ok()?.into_boxed_str();
        Some(FileUri { uri, json })
    }
}

impl Clone for UriMemo {
    fn clone(&self) -> Self {
        UriMemo::default()
    }
}

impl UriMemo {
    fn get_or_make(&self, path: &str, make: impl FnOnce() -> Option<Uri>) -> Option<Arc<FileUri>> {
        let mut memo = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(uri) = memo.get(path) {
            return Some(uri.clone());
        }
        let uri = Arc::new(FileUri::new(make()?)?);
        memo.insert(path.to_string(), uri.clone());
        Some(uri)
    }
}

/// Locks the state; a panic in an earlier holder does not make the state unusable (every
/// change to it is a whole-value replacement, so it is never half-written).
pub fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Where a document lives: which root (workspace folder), and its path in that root's
/// corpus. Named apart from the protocol's `Location` (a URI and a range).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RootedPath {
    pub root: usize,
    pub path: String,
}

#[derive(Debug)]
pub struct State {
    pub encoding: Encoding,
    pub roots: Vec<Root>,
    pub open: HashMap<Uri, OpenDocument>,
    pub overrides: Overrides,
    /// Push diagnostics (when the client cannot pull them).
    pub push_diagnostics: bool,
    /// The globs of the file watchers registered with the editor (none yet: empty).
    pub watched_globs: Vec<String>,
}

/// An empty corpus as the server keeps one for the folder `dir` (none: files outside any
/// folder): articles the editor has not opened only as far as the index needs them
/// ([`Retention::Index`]), their texts read again from the folder when a request needs
/// them; open ones whole. Today's date from the clock, for the future-date check.
pub fn server_corpus(dir: Option<&Path>) -> Corpus {
    let mut corpus = Corpus::new(crate::clock::today());
    corpus.set_retention(Retention::Index);
    if let Some(dir) = dir {
        corpus.set_text_source(Arc::new(loader::DiskTexts::new(dir)));
    }
    // Read again from the cache file for the timeline and the workspace's diagnostics.
    corpus.set_leaves_packed_out(true);
    corpus.set_mentions_first_above(Some(mentions_first_above()));
    corpus
}

/// Above how many articles a cold or warm start finds only mentions first (see
/// `Corpus::set_mentions_first_above`): below it, the whole analysis takes well under a
/// second anyway. `DATELINE_MENTIONS_FIRST_ABOVE` sets it (tests use 0 to take the two
/// passes on a small corpus).
fn mentions_first_above() -> usize {
    number_from_env("DATELINE_MENTIONS_FIRST_ABOVE", 1000)
}

/// The number the environment variable `name` holds, else `default`: for the server's
/// few thresholds that tests set lower.
pub(super) fn number_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

impl State {
    pub fn new(encoding: Encoding, folders: Vec<PathBuf>, push_diagnostics: bool) -> Self {
        let mut roots = vec![Root::new(None, server_corpus(None))];
        for dir in folders {
            let corpus = server_corpus(Some(&dir));
            roots.push(Root::new(Some(dir), corpus));
        }
        State {
            encoding,
            roots,
            open: HashMap::new(),
            overrides: Overrides::default(),
            push_diagnostics,
            watched_globs: Vec::new(),
        }
    }

    /// The root and corpus path of a document URI (`None` for URIs that are not files).
    pub fn locate(&self, uri: &Uri) -> Option<RootedPath> {
        let file = uri.to_file_path()?;
        let mut best: Option<(usize, usize)> = None;
        for (index, root) in self.roots.iter().enumerate() {
            let Some(dir) = &root.dir else { continue };
            if file.starts_with(dir) {
                let depth = dir.components().count();
                if best.is_none_or(|(_, best_depth)| depth > best_depth) {
                    best = Some((index, depth));
                }
            }
        }
        match best {
            Some((root, _)) => {
                let dir = self.roots[root].dir.as_deref()?;
                Some(RootedPath {
                    root,
                    path: loader::corpus_path(dir, &file)?,
                })
            }
            None => Some(RootedPath {
                root: 0,
                path: file.to_string_lossy().replace('\\', "/"),
            }),
        }
    }

    /// The URI of a corpus path.
    pub fn uri(&self, root: usize, path: &str) -> Option<Uri> {
        self.file_uri(root, path).map(|file| file.uri.clone())
    }

    /// The length of the part of a root's URIs (as JSON strings) before a plain path:
    /// 0 when it has none.
    pub fn plain_prefix_len(&self, root: usize) -> usize {
        self.roots
            .get(root)
            .and_then(|root| root.plain_prefix.as_deref())
            .map_or(0, str::len)
    }

    /// How an answer names the file of a corpus path (see [`FileName`]).
    pub fn file_name<'a>(&'a self, root: usize, path: &'a str) -> Option<FileName<'a>> {
        let prefix = self.roots.get(root)?.plain_prefix.as_deref();
        match prefix {
            Some(prefix) if is_plain(path) => Some(FileName::Plain { prefix, path }),
            _ => self.file_uri(root, path).map(FileName::Memo),
        }
    }

    /// The URI of a corpus path, shared, with its JSON.
    pub fn file_uri(&self, root: usize, path: &str) -> Option<Arc<FileUri>> {
        let root = self.roots.get(root)?;
        root.uris.get_or_make(path, || {
            let file = match &root.dir {
                Some(dir) => path
                    .split('/')
                    .fold(dir.clone(), |acc, part| acc.join(part)),
                None => PathBuf::from(path),
            };
            Uri::from_file_path(file)
        })
    }

    pub fn corpus(&self, root: usize) -> Option<&Corpus> {
        self.roots.get(root).map(|root| &root.corpus)
    }

    /// Hands every changed open document to its corpus, so that what requests see is what
    /// the editor shows.
    pub fn flush(&mut self) {
        let dirty: Vec<Uri> = self
            .open
            .iter()
            .filter(|(_, doc)| doc.dirty)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in dirty {
            let Some(location) = self.locate(&uri) else {
                continue;
            };
            let Some(doc) = self.open.get_mut(&uri) else {
                continue;
            };
            doc.dirty = false;
            let text = doc.shared_text();
            if let Some(root) = self.roots.get_mut(location.root) {
                root.corpus.set_open_file(&location.path, text);
            }
        }
    }

    /// The editor closed `uri`: its corpus keeps of it what it keeps of unopened files,
    /// and the disk is the truth again.
    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri);
        if let Some(location) = self.locate(uri) {
            if let Some(root) = self.roots.get_mut(location.root) {
                root.corpus.close_file(&location.path);
            }
        }
        self.refresh_from_disk(uri);
    }

    /// What the diagnostics reports depend on, as a whole: the corpora's changes and the
    /// open documents' versions. While it stays the same, no report has changed.
    pub fn diagnostics_generation(&self) -> (u64, i64, usize) {
        let versions = self.open.values().map(|doc| i64::from(doc.version)).sum();
        (
            crate::ide::diagnostics::changes_made(),
            versions,
            self.open.len(),
        )
    }

    /// Where an article file the editor does not own lies: its folder, its path in the
    /// folder's corpus and on disk. `None` for any other file (settings, registries, files
    /// no glob includes, open documents), which [`State::refresh_from_disk`] takes in.
    pub fn unopened_article(&self, uri: &Uri) -> Option<(PathBuf, String, PathBuf)> {
        if self.open.contains_key(uri) {
            return None;
        }
        let location = self.locate(uri)?;
        let root = self.roots.get(location.root)?;
        let dir = root.dir.clone()?;
        (root.corpus.kind_of(&location.path) == FileKind::Article)
            .then(|| Some((dir, location.path, uri.to_file_path()?.into_owned())))?
    }

    /// Takes in a file from disk (created or changed), unless the editor owns it.
    pub fn refresh_from_disk(&mut self, uri: &Uri) -> bool {
        if self.open.contains_key(uri) {
            return false;
        }
        let (Some(location), Some(file)) = (self.locate(uri), uri.to_file_path()) else {
            return false;
        };
        let Some(root) = self.roots.get_mut(location.root) else {
            return false;
        };
        let Some(dir) = root.dir.clone() else {
            return false;
        };
        let kind = root.corpus.kind_of(&location.path);
        if kind == FileKind::Other {
            return false;
        }
        match loader::read_text_within(&dir, &file) {
            Ok(text) => {
                root.corpus.set_file(&location.path, text);
            }
            Err(loader::SkipReason::Unreadable(_)) if !file.exists() => {
                root.corpus.remove_file(&location.path);
            }
            Err(reason) => root.corpus.mark_skipped(&location.path, reason.to_string()),
        }
        if kind == FileKind::Config {
            // The configuration may name other registries: read them, then put the
            // editor's open documents back on top of what was read from disk.
            loader::load_settings(&dir, &mut root.corpus);
            for doc in self.open.values_mut() {
                doc.dirty = true;
            }
        }
        true
    }

    /// Lets go of files removed from disk, unless the editor owns them: each corpus
    /// removes its own together (`Corpus::remove_files`: a branch switch removes
    /// thousands). Whether any was the corpora's.
    pub fn forget_many_from_disk(&mut self, uris: &[Uri]) -> bool {
        let mut by_root: Vec<Vec<String>> = vec![Vec::new(); self.roots.len()];
        for uri in uris {
            if self.open.contains_key(uri) {
                continue;
            }
            if let Some(location) = self.locate(uri) {
                if let Some(paths) = by_root.get_mut(location.root) {
                    paths.push(location.path);
                }
            }
        }
        let mut forgot = false;
        for (root, paths) in self.roots.iter_mut().zip(by_root) {
            if !paths.is_empty() {
                root.corpus.remove_files(&paths);
                forgot = true;
            }
        }
        forgot
    }

    /// Where the root of the workspace folder `dir` is in `roots`, if it is one.
    pub fn root_of_dir(&self, dir: &Path) -> Option<usize> {
        self.roots
            .iter()
            .position(|root| root.dir.as_deref() == Some(dir))
    }

    /// Replaces a root's corpus with a freshly indexed one, putting the editor's open
    /// documents back on top of the disk.
    pub fn install_corpus(&mut self, dir: &Path, mut corpus: Corpus) {
        let Some(index) = self.root_of_dir(dir) else {
            return;
        };
        let open: Vec<(Uri, Arc<str>)> = self
            .open
            .iter()
            .map(|(uri, doc)| (uri.clone(), doc.shared_text()))
            .collect();
        for (uri, text) in open {
            if let Some(location) = self.locate(&uri) {
                if location.root == index {
                    corpus.set_open_file(&location.path, text);
                }
            }
        }
        self.roots[index].corpus = corpus;
    }

    /// The location and byte offset of an editor position in a document, or `None` when
    /// the position lies outside it (such requests get an empty answer).
    pub fn resolve(
        &self,
        uri: &Uri,
        position: crate::position::Position,
    ) -> Option<(RootedPath, usize)> {
        let location = self.locate(uri)?;
        let (text, index) = self.text_and_index(&location)?;
        let text: &str = &text;
        let offset = index.offset_exact(text, position, self.encoding)?;
        Some((location, offset))
    }

    /// The text of a corpus file and its line index.
    pub fn text_and_index(
        &self,
        location: &RootedPath,
    ) -> Option<(Cow<'_, str>, Cow<'_, LineIndex>)> {
        self.text_and_index_at(location.root, &location.path)
    }

    /// A file's text and line index: borrowed where the corpus keeps one (articles and
    /// registries), so that converting the 5,000 lenses or symbols of a registry does not
    /// index its text 5,000 times.
    ///
    /// An article the corpus keeps for the index holds neither: its text is read again
    /// from disk, if it is still the text analysed, and indexed.
    pub fn text_and_index_at(
        &self,
        root: usize,
        path: &str,
    ) -> Option<(Cow<'_, str>, Cow<'_, LineIndex>)> {
        let corpus = self.corpus(root)?;
        if let Some(file) = corpus.indexed_article(path) {
            return Some(match file.text_dropped {
                None => (Cow::Borrowed(&*file.text), Cow::Borrowed(&file.line_index)),
                Some(_) => {
                    let text = corpus.text_of(file)?;
                    let index = LineIndex::new(&text);
                    (Cow::Owned(text.to_string()), Cow::Owned(index))
                }
            });
        }
        if let Some(file) = corpus.registry(path) {
            return Some((Cow::Borrowed(&*file.text), Cow::Borrowed(&file.line_index)));
        }
        let text = corpus.text(path)?;
        Some((Cow::Borrowed(text), Cow::Owned(LineIndex::new(text))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain path's name is written from the root's URI and the path, and equals the
    /// URI the memo makes for it; any other path goes through the memo.
    /// Plain paths are those whose segments are neither empty, `.` nor `..` and hold only
    /// what a URI never escapes, as splitting at each `/` tells.
    #[test]
    fn a_plain_path_is_told_in_one_pass_as_by_its_segments() {
        let by_segments = |path: &str| {
            path.split('/').all(|segment| {
                !matches!(segment, "" | "." | "..")
                    && segment.bytes().all(|byte| {
                        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
                    })
            })
        };
        let paths = [
            "articles/0000/art-00000.article",
            "a.article",
            "",
            "/a",
            "a/",
            "a//b",
            ".",
            "..",
            "...",
            "./a",
            "../a",
            "a/./b",
            "a/../b",
            "a/.",
            "a/..",
            "a/.../b",
            ".hidden/a~b_c-d.article",
            "with space.article",
            "кириллица.article",
            "a%20b",
            "a\\b",
        ];
        for path in paths {
            assert_eq!(is_plain(path), by_segments(path), "{path:?}");
        }
        assert!(is_plain(paths[0]) && !is_plain(paths[17]));
    }

    #[test]
    fn a_plain_path_is_named_as_the_memo_would_name_it() {
        let dir = std::env::temp_dir().join("dateline state test/корпус");
        let state = State::new(Encoding::Utf16, vec![dir], false);
        let json = |name: &FileName| {
            let mut out = Vec::new();
            name.write_json(&mut out);
            assert_eq!(out.len(), name.json_len());
            String::from_utf8(out).unwrap()
        };
        for (path, plain) in [
            ("a.article", true),
            ("articles/2022/art-00001.article", true),
            ("x/y_z~1.v2.article", true),
            ("with space.article", false),
            ("статья.article", false),
            ("a/../b.article", false),
            ("a//b.article", false),
            ("a%20b.article", false),
        ] {
            let name = state.file_name(1, path).unwrap();
            assert_eq!(matches!(name, FileName::Plain { .. }), plain, "{path}");
            let memo = state.file_uri(1, path).unwrap();
            assert_eq!(json(&name), &*memo.json, "{path}");
            assert_eq!(name.uri().unwrap(), memo.uri, "{path}");
        }
    }
}
