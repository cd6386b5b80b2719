//! The corpus: every article, registry and the configuration, analysed and indexed.
//!
//! Pure: it is handed paths and texts by a loader (the CLI, the server) and never reads
//! anything itself. Paths are the corpus's own names for files (relative to the corpus
//! root, `/`-separated). Files are kept behind `Arc`s so that a snapshot for a request
//! is a cheap clone.

mod actor_index;
mod analysis;
mod cross;
mod packed;
mod path_key;
mod stats;

pub use analysis::{
    analyze_article, quote, reanalyze_article, ArticleFile, ClaimTally, DiskStamp, FileMention,
    LeftOut, MentionsPart, RegistryFile, Retention, TextCheck,
};
pub use packed::PackedClaims;
pub use stats::{ActorStats, TOP_SOURCES};

use crate::actors::{self, Actor, AliasMatcher};
use crate::claims::Claim;
use crate::config::{self, Config, Overrides};
use crate::diagnostic::Diagnostic;
use crate::temporal::CalendarDate;
use actor_index::ActorCounts;
use actor_index::ActorIndex;
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
// Keys are paths, ids, names and messages of the user's own corpus, hashed by the
// hundred thousand while it loads: a fast hash, not one that resists chosen keys.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What a path is to the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Article,
    Registry,
    Config,
    Other,
}

/// The name of the configuration file at the corpus root.
pub const CONFIG_FILE: &str = "dateline.toml";

/// Where a corpus reads again the text of an article it let go of: the files on disk, for a
/// language server (the loader's). Given one, a corpus keeping articles for the index
/// ([`Retention::Index`]) does not hold their texts: at 100,000 articles, half a GiB.
pub trait TextSource: Send + Sync + std::fmt::Debug {
    /// The text at the corpus path `path` as it is now, if it can be read.
    fn read(&self, path: &str) -> Option<Arc<str>>;
}

/// Reads the articles a load was handed unread ([`ArticleText::Unread`]) as it analyses
/// them, on the analysing threads: the loader's, which also notes how each file stood for
/// the warm-start cache. Why an article cannot be read is said in words, and the article
/// is then skipped with that reason.
pub trait ArticleReader: Sync {
    /// The text of the article at the corpus path `path`, or why it cannot be read.
    fn read(&self, path: &str) -> Result<Arc<str>, String>;
}

/// An article's text as a load hands it to [`Corpus::set_files_prepared`].
#[derive(Debug, Clone)]
pub enum ArticleText {
    /// Read already.
    Held(Arc<str>),
    /// Read by the load's [`ArticleReader`] when its turn to be analysed comes, so that a
    /// load holds only the texts being analysed, not all of them: a cold start of 100,000
    /// articles held 548 MB of texts before it analysed the first. `bytes` is the file's
    /// size as last seen (the largest are analysed first).
    Unread { bytes: u64 },
}

impl ArticleText {
    /// The text's length, or the file's size when it is not read yet.
    fn bytes(&self) -> u64 {
        match self {
            ArticleText::Held(text) => text.len() as u64,
            ArticleText::Unread { bytes } => *bytes,
        }
    }

    /// The text, read by `reader` if it was not.
    fn read(self, path: &str, reader: Option<&dyn ArticleReader>) -> Result<Arc<str>, String> {
        match self {
            ArticleText::Held(text) => Ok(text),
            ArticleText::Unread { .. } => match reader {
                Some(reader) => reader.read(path),
                None => Err("no reader was given for the file".to_string()),
            },
        }
    }
}

impl From<Arc<str>> for ArticleText {
    fn from(text: Arc<str>) -> Self {
        ArticleText::Held(text)
    }
}

/// Where the second pass of a warm start finds the whole analyses of pending articles:
/// the warm-start cache, whose first pass gave only their mentions (the IO layer's
/// `cache.rs`). An analysis given is taken as if made of the text `check` is of.
pub trait PendingSource: Send + Sync + std::fmt::Debug {
    /// The whole analysis of the article at `path` as it was made of the text `check` is
    /// of, kept for the index; `None` when there is none to give (the article is then
    /// analysed from its text).
    fn analysis(&self, path: &str, check: TextCheck) -> Option<ArticleFile>;
}

/// One actor and the registry file that defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub actor: Arc<Actor>,
    pub registry: String,
}

/// What `dateline/status` and the claims limit sum over every article: kept as articles
/// come, change and go, because summing them walked every article under the server's
/// lock (10-20 ms at 100,000), and VS Code asks for the status after each round of
/// diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ArticleTotals {
    text_bytes: u64,
    claims: ClaimTally,
}

impl ArticleTotals {
    fn add(&mut self, file: &ArticleFile) {
        self.text_bytes = self.text_bytes.wrapping_add(file.text_len() as u64);
        self.claims.claims = self.claims.claims.wrapping_add(file.claim_tally.claims);
        self.claims.undated = self.claims.undated.wrapping_add(file.claim_tally.undated);
    }

    fn remove(&mut self, file: &ArticleFile) {
        self.text_bytes = self.text_bytes.wrapping_sub(file.text_len() as u64);
        self.claims.claims = self.claims.claims.wrapping_sub(file.claim_tally.claims);
        self.claims.undated = self.claims.undated.wrapping_sub(file.claim_tally.undated);
    }

    /// The sums worked out again from every article (for tests of the kept ones).
    #[cfg(test)]
    fn of<'a>(files: impl Iterator<Item = &'a Arc<ArticleFile>>) -> Self {
        let mut totals = ArticleTotals::default();
        files.for_each(|file| totals.add(file));
        totals
    }
}

#[derive(Debug, Clone)]
pub struct Corpus {
    base_config: Config,
    config_overrides: Overrides,
    config: Config,
    config_file: Option<(String, Arc<str>)>,
    config_diagnostics: Vec<Diagnostic>,
    include: GlobSet,
    today: Option<CalendarDate>,
    articles: BTreeMap<String, Arc<ArticleFile>>,
    /// The sums over `articles` that status and the claims limit read, kept as they change.
    totals: ArticleTotals,
    /// Article id → the paths that carry it (more than one is an error).
    ids: HashMap<String, PathsOf>,
    /// Header URL → the paths that give it.
    urls: HashMap<String, PathsOf>,
    /// Unknown capitalised name → how many articles use it.
    unknown_names: HashMap<String, usize>,
    /// Actor → the articles that mention it, in path order, with how many times: hover
    /// cards, code lenses and references read only those files.
    /// The files are held here too, so that a hover card on an actor mentioned in
    /// thousands of articles does not look each one up by path.
    mentioned_in: ActorIndex,
    /// Every source named by an article, once: a corpus has few outlets.
    sources: HashSet<Arc<str>>,
    registries: BTreeMap<String, Arc<RegistryFile>>,
    actors: Arc<Vec<ActorEntry>>,
    matcher: Arc<AliasMatcher>,
    registry_cross_diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    skipped: BTreeMap<String, String>,
    retention: Retention,
    /// Where texts let go of are read again; none: every text is held.
    text_source: Option<Arc<dyn TextSource>>,
    /// Articles kept whole whatever the retention: those an editor has open.
    kept_whole: HashSet<String>,
    /// The last few whole analyses made on demand of articles kept shed, each beside the
    /// shed version it was made from (a request reads the same article several times,
    /// and the next request is usually about the same one). See [`Corpus::article`].
    whole_on_demand: Arc<std::sync::Mutex<Vec<WholeOnDemand>>>,
    /// Every diagnostic message and claim date value of the articles taken in shed, once:
    /// see [`Analyzer::share_messages`]. Shared with the threads that analyse.
    messages: Arc<std::sync::Mutex<SharedMessages>>,
    /// Actor statistics computed so far for this state of the corpus: a hover card on an
    /// actor mentioned in thousands of articles reads them all once, not on every hover.
    /// A change to an article starts a new memo without the actors it mentions or did, a
    /// change to the actors an empty one (snapshots taken before keep theirs, which
    /// matches their data).
    actor_stats_memo: Arc<std::sync::Mutex<HashMap<usize, Arc<ActorStats>>>>,
    /// The change at which each article was last taken in.
    taken_at: HashMap<String, u64>,
    /// How the files of the articles' texts stood on disk when a loader read them, each
    /// beside the check of the text read: kept only to be written into the warm-start
    /// cache ([`Corpus::disk_stamp_of`]).
    disk_stamps: Arc<HashMap<String, (TextCheck, DiskStamp)>>,
    /// The last change that could alter the diagnostics of files it did not touch: an
    /// article added or removed, an id, URL or set of unknown names changed, a registry,
    /// the configuration or a skipped file. What the stamps of registries, the
    /// configuration and skipped files are made of.
    shared_change: u64,
    /// The last change of the registries or the settings: the one change elsewhere that
    /// an article's diagnostics depend on besides what its cross-file diagnostics read
    /// (see [`Corpus::diagnostics_stamp`]).
    settings_change: u64,
    /// A load that analyses more articles than this (and can read their texts again)
    /// finds only their mentions first ([`Retention::Mentions`]); `None`: never.
    mentions_first_above: Option<usize>,
    /// Where the pending articles' whole analyses can be had without analysing them: the
    /// cache a warm start read only their mentions from. Let go of when the settings or
    /// registries change (its analyses were made for them) and when the pending articles
    /// are all taken.
    pending_source: Option<Arc<dyn PendingSource>>,
    /// Whether articles kept for the index let go of their packed claims and diagnostics
    /// where a file holds them ([`Corpus::leave_packed_out`]): a server's do.
    leaves_packed_out: bool,
    /// Where the articles that let go of their packed claims and diagnostics read them
    /// again ([`ArticleFile::packed_left_out`]): the cache file a warm start read or a
    /// server wrote.
    left_out_source: Option<Arc<dyn PendingSource>>,
}

/// What the diagnostics of one file depend on, as the changes that last touched them:
/// while a file's stamp stays the same, so do its diagnostics. A server typing in one
/// article need not recompute those of another open article of 30,000 diagnostics to
/// find that nothing changed, nor send an editor that pulls the workspace's diagnostics
/// those of every file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagnosticsStamp {
    shared: u64,
    file: u64,
    /// For an article, its cross-file diagnostics hashed (0 for other files).
    cross: u64,
}

impl DiagnosticsStamp {
    /// The stamp as text, unique within the process (an editor's `resultId`).
    pub fn key(&self) -> String {
        format!("{}.{}.{:x}", self.shared, self.file, self.cross)
    }
}

fn compile_globs(patterns: &[String]) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        if let Ok(glob) = Glob::new(pattern) {
            builder.add(glob);
        }
    }
    builder
        .build()
        .unwrap_or_else(|_| GlobSetBuilder::new().build().expect("empty glob set"))
}

/// A whole analysis made on demand, beside the shed version it was made from.
type WholeOnDemand = (Arc<ArticleFile>, Arc<ArticleFile>);

/// Analyses articles the way a corpus does (see [`Corpus::analyzer`]).
struct Analyzer {
    config: Config,
    matcher: Arc<AliasMatcher>,
    today: Option<CalendarDate>,
    /// Whether analyses not kept whole let go of their text
    /// ([`Corpus::lets_go_of_texts`]).
    drop_texts: bool,
    messages: Arc<std::sync::Mutex<SharedMessages>>,
}

/// Diagnostic messages held once, and how many there were when the set was last rid of
/// those no diagnostic uses any more.
#[derive(Debug, Default)]
struct SharedMessages {
    held: HashSet<Arc<str>>,
    after_last_sweep: usize,
}

impl Analyzer {
    fn analyze(&self, path: &str, text: Arc<str>, retention: Retention) -> ArticleFile {
        let mut file = match retention {
            Retention::Mentions => {
                analysis::analyze_mentions(path, text, &self.matcher, self.today)
            }
            _ => analysis::analyze_retaining(
                path,
                text,
                &self.config,
                &self.matcher,
                self.today,
                retention,
            ),
        };
        self.finish(&mut file, retention);
        file
    }

    /// What the corpus does to every analysis it keeps with `retention`: texts repeated
    /// held once, the article's own text let go of when it can be read again.
    fn finish(&self, file: &mut ArticleFile, retention: Retention) {
        if retention != Retention::Everything {
            self.share_messages(file);
        }
        self.let_go_of_text(file, retention);
    }

    /// Lets go of the article's own text when it is kept for the index or for reports and
    /// can be read again (a report reads each text again as it is written: `check`'s
    /// peak memory was every text beside every analysis).
    fn let_go_of_text(&self, file: &mut ArticleFile, retention: Retention) {
        if retention != Retention::Everything && self.drop_texts {
            file.drop_text();
        }
    }

    /// Takes a cached analysis of `text` (see [`ArticleFile::restored`]) as if it had just
    /// been made with `retention` (it holds at least as much). Handed without its text
    /// (`text_dropped` says which it is: see [`Corpus::lets_go_of_texts`]), it is taken
    /// without one. One kept as `retention` keeps it is taken with its repeated texts as
    /// they are: the cache made them one copy each as it decoded them, and looking each
    /// up again here was a tenth of a warm load.
    fn adopt(&self, cached: ArticleFile, text: Arc<str>, retention: Retention) -> ArticleFile {
        let mut file = match cached.text_dropped {
            Some(check) if text.is_empty() && !check.is_empty() => {
                cached.restored_without_text(check, self.today)
            }
            _ => cached.restored(text, self.today),
        };
        if file.retention == retention {
            self.let_go_of_text(&mut file, retention);
        } else {
            file.shed_to(retention);
            self.finish(&mut file, retention);
        }
        file
    }

    /// Takes the whole analysis a [`PendingSource`] gave of a pending article's text
    /// (`check`), kept for the index without its text, as [`Analyzer::analyze`] would have
    /// made it. Its repeated texts are made the ones held: it was decoded alone.
    fn adopt_pending(&self, cached: ArticleFile, check: TextCheck) -> ArticleFile {
        let mut cached = cached;
        cached.text_dropped = Some(check);
        let mut file = self.adopt(cached, analysis::empty_text(), Retention::Index);
        self.share_messages(&mut file);
        file
    }

    /// Makes the article's diagnostic messages the ones already held when the same text
    /// is: 300,000 diagnostics of 10,000 articles say a few thousand different things
    /// (`undated claim: … (“said”)`), and a corpus keeps them all. Not for whole
    /// analyses: an open file's are made again at every edit.
    ///
    /// Done on the thread that made the messages, the set locked once per article: the
    /// thread that takes articles in used to do it, and freeing there what another thread
    /// had allocated made the two wait on each other's allocator (a tenth of a `check`).
    fn share_messages(&self, file: &mut ArticleFile) {
        let mut messages = self
            .messages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for diagnostic in &mut file.diagnostics {
            let message = &diagnostic.message;
            diagnostic.message = held_copy(&mut messages.held, message, || message.clone());
        }
        for message in file.packed_diagnostics.messages_mut() {
            *message = held_copy(&mut messages.held, message, || message.clone());
        }
        // A server lives on while files change: messages no diagnostic holds any more go
        // once the set has doubled, so that it stays proportional to what is in use.
        if messages.held.len() > 2 * messages.after_last_sweep + 4096 {
            messages.sweep();
        }
    }
}

impl SharedMessages {
    /// Lets go of the messages no diagnostic holds any more.
    fn sweep(&mut self) {
        self.held.retain(|message| Arc::strong_count(message) > 1);
        self.held.shrink_to_fit();
        self.after_last_sweep = self.held.len();
    }
}

/// When a load finds only the mentions of the articles it analyses, leaving the rest of
/// each analysis to a second pass ([`Corpus::mentions_first_rule`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionsFirst {
    /// Above this many articles to analyse (a server's start is then complete sooner).
    pub articles_above: Option<usize>,
    /// Above this many bytes of them (`[server] claims-limit-mb`).
    pub bytes_above: Option<u64>,
}

impl MentionsFirst {
    /// Whether a load of `articles` articles of `bytes` bytes in all finds mentions first.
    pub fn applies(&self, articles: usize, bytes: u64) -> bool {
        self.articles_above.is_some_and(|above| articles > above)
            || self.bytes_above.is_some_and(|above| bytes > above)
    }
}

/// How far a corpus's articles go past `[server] claims-limit-mb`
/// ([`Corpus::over_claims_limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverClaimsLimit {
    /// The bytes of all its articles.
    pub bytes: u64,
    /// The limit, in bytes.
    pub limit: u64,
}

/// Reads again the packed claims and diagnostics that articles kept for the index left out
/// ([`ArticleFile::packed_left_out`]): from the file that holds them, else by analysing
/// the article's text again if it is still the text analysed. Apart from the corpus, so
/// that a cache can be written from a snapshot of it.
#[derive(Debug, Clone)]
pub struct LeftOutReader {
    source: Option<Arc<dyn PendingSource>>,
    texts: Option<Arc<dyn TextSource>>,
    config: Config,
    matcher: Arc<AliasMatcher>,
    today: Option<CalendarDate>,
}

impl LeftOutReader {
    /// What `file` left out, or `None` when it left nothing out or it cannot be had again
    /// (neither the file that held it nor the same text can be read).
    pub fn parts(&self, file: &ArticleFile) -> Option<LeftOut> {
        read_left_out(
            self.source.as_deref(),
            self.texts.as_deref(),
            &self.config,
            &self.matcher,
            self.today,
            file,
        )
    }

    /// `file` with what it left out put back, for a copy of it that holds everything (the
    /// cache's); `file` itself when it left nothing out, `None` when what it left out
    /// cannot be had again.
    pub fn filled<'a>(&self, file: &'a ArticleFile) -> Option<std::borrow::Cow<'a, ArticleFile>> {
        if !file.packed_left_out {
            return Some(std::borrow::Cow::Borrowed(file));
        }
        let parts = self.parts(file)?;
        let mut filled = file.clone();
        filled.put_back(parts);
        Some(std::borrow::Cow::Owned(filled))
    }
}

/// What `file` left out ([`ArticleFile::packed_left_out`]), read from `source`, else made
/// again from its text as `texts` reads it if it is still the text analysed.
fn read_left_out(
    source: Option<&dyn PendingSource>,
    texts: Option<&dyn TextSource>,
    config: &Config,
    matcher: &AliasMatcher,
    today: Option<CalendarDate>,
    file: &ArticleFile,
) -> Option<LeftOut> {
    let check = file.text_dropped.filter(|_| file.packed_left_out)?;
    let cached = source
        .and_then(|source| source.analysis(&file.path, check))
        .filter(|cached| cached.retention == Retention::Index);
    if let Some(cached) = cached {
        return Some(cached.into_packed());
    }
    let text = texts?
        .read(&file.path)
        .filter(|text| TextCheck::of(text) == check)?;
    let analysis =
        analysis::analyze_retaining(&file.path, text, config, matcher, today, Retention::Index);
    Some(analysis.into_packed())
}

/// Articles waiting for the rest of their analysis ([`Corpus::take_pending`]), with what
/// analysing them needs.
pub struct PendingAnalyses {
    analyzer: Analyzer,
    source: Option<Arc<dyn TextSource>>,
    /// Whole analyses to take before analysing texts (a warm start's cache).
    cached: Option<Arc<dyn PendingSource>>,
    /// Whether those taken from `cached` let go of their packed claims and diagnostics,
    /// which the corpus reads there again ([`Corpus::set_leaves_packed_out`]).
    leave_cached_packed_out: bool,
    files: Vec<Arc<ArticleFile>>,
}

/// Articles changed on disk, to be read and analysed apart from the corpus
/// ([`Corpus::prepare_changes`]), with what analysing them needs.
pub struct ChangedArticles {
    analyzer: Analyzer,
    files: Vec<ChangedArticle>,
}

/// An article changed on disk, and what the corpus held of it before its text was read.
struct ChangedArticle {
    path: String,
    retention: Retention,
    /// The version the corpus held, if any: the analysis is taken only in its place.
    was: Option<Arc<ArticleFile>>,
}

/// Analyses made of articles changed on disk, for [`Corpus::take_changes`].
pub struct AnalysedChanges {
    analyzer: Analyzer,
    files: Vec<(ChangedArticle, ArticleFile)>,
    /// The paths whose text could not be read.
    unread: Vec<String>,
}

impl ChangedArticles {
    /// Reads each article's text with `read` and analyses it as the corpus would have when
    /// it was prepared, on every core.
    pub fn analyse(self, read: impl Fn(&str) -> Option<Arc<str>> + Sync) -> AnalysedChanges {
        let ChangedArticles { analyzer, files } = self;
        let analysed: Vec<Result<(ChangedArticle, ArticleFile), String>> = files
            .into_par_iter()
            .map(|change| match read(&change.path) {
                Some(text) => {
                    let file = analyzer.analyze(&change.path, text, change.retention);
                    Ok((change, file))
                }
                None => Err(change.path),
            })
            .collect();
        let (mut files, mut unread) = (Vec::new(), Vec::new());
        for result in analysed {
            match result {
                Ok(done) => files.push(done),
                Err(path) => unread.push(path),
            }
        }
        AnalysedChanges {
            analyzer,
            files,
            unread,
        }
    }
}

/// Analyses made of pending articles, for [`Corpus::complete`].
#[derive(Default)]
pub struct AnalysedPending(Vec<(Arc<ArticleFile>, ArticleFile)>);

impl AnalysedPending {
    /// How many analyses these are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PendingAnalyses {
    /// How many articles these are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Analyses each article whole, on every core, keeping what [`Retention::Index`]
    /// keeps: taken from the [`PendingSource`] when there is one and it gives it, else
    /// made from its text as it is now (read again: the first pass let go of it). An
    /// article whose text cannot be read any more stays pending; the file watcher will
    /// say what became of it.
    pub fn analyse(self) -> AnalysedPending {
        let analysed = std::sync::Mutex::new(Vec::new());
        self.analyse_each(usize::MAX, |done| {
            analysed
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .extend(done.0);
        });
        AnalysedPending(analysed.into_inner().unwrap_or_else(|e| e.into_inner()))
    }

    /// [`PendingAnalyses::analyse`], handing the analyses to `each` as they are made, at
    /// most `together` at a time, largest articles first: so that the corpus can take
    /// them in while the rest are analysed (taking in a batch, then analysing the next,
    /// left the cores idle meanwhile and waited at every batch for its longest article).
    pub fn analyse_each(self, together: usize, each: impl Fn(AnalysedPending) + Sync) {
        let PendingAnalyses {
            analyzer,
            source,
            cached,
            leave_cached_packed_out,
            mut files,
        } = self;
        files.sort_by_key(|file| std::cmp::Reverse(file.text_check().len()));
        files
            .into_par_iter()
            .chunks(together.max(1))
            .for_each(|files| {
                let analysed = files
                    .into_iter()
                    .filter_map(|file| {
                        let check = file.text_check();
                        let from_cache = cached
                            .as_ref()
                            .and_then(|cached| cached.analysis(&file.path, check));
                        let whole = match from_cache {
                            Some(mut whole) => {
                                // Before it is adopted, which holds its diagnostics'
                                // messages in the corpus's shared set.
                                if leave_cached_packed_out {
                                    whole.text_dropped = Some(check);
                                    whole.leave_packed_out();
                                }
                                analyzer.adopt_pending(whole, check)
                            }
                            None => {
                                let text = source.as_ref()?.read(&file.path)?;
                                analyzer.analyze(&file.path, text, Retention::Index)
                            }
                        };
                        Some((file, whole))
                    })
                    .collect();
                each(AnalysedPending(analysed));
            });
    }
}

/// The paths that share an id or a URL, in order. Nearly always one: a sorted vector, not
/// a B-tree, whose node took some 300 bytes for each of 100,000 articles in each map.
#[derive(Debug, Clone, Default)]
struct PathsOf(Vec<Box<str>>);

impl PathsOf {
    fn insert(&mut self, path: &str) {
        if let Err(at) = self.0.binary_search_by(|held| (**held).cmp(path)) {
            self.0.reserve_exact(1);
            self.0.insert(at, path.into());
        }
    }

    fn remove(&mut self, path: &str) {
        if let Ok(at) = self.0.binary_search_by(|held| (**held).cmp(path)) {
            self.0.remove(at);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|path| &**path)
    }
}

/// A number no change has had before, in any corpus of the process: stamps of two
/// corpora (a workspace folder removed and added again) never meet by chance.
/// The changes counted so far by every corpus of the process: articles taken in, shared
/// and settings changes ([`DiagnosticsStamp`]).
static CHANGES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_change() -> u64 {
    CHANGES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// How many changes every corpus of the process has counted so far: while it stays the
/// same, no file's [`DiagnosticsStamp`] has changed. A server holding a workspace pull
/// until something changes reads it instead of every file's stamp.
pub fn changes_made() -> u64 {
    CHANGES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The copy of `text` that `held` has, after giving it one made by `make` if it had none:
/// so that texts many files repeat (sources, diagnostic messages) are held once.
fn held_copy(
    held: &mut HashSet<Arc<str>>,
    text: &str,
    make: impl FnOnce() -> Arc<str>,
) -> Arc<str> {
    if let Some(copy) = held.get(text) {
        return copy.clone();
    }
    let copy = make();
    held.insert(copy.clone());
    copy
}

/// What other files' diagnostics read of an article (citations, duplicate ids and URLs,
/// unknown-name hints): an edit that leaves it alike changes no other file's diagnostics.
#[derive(Debug, PartialEq, Eq)]
struct SeenByOthers {
    id: String,
    url: Option<String>,
    names: BTreeSet<String>,
}

impl SeenByOthers {
    fn of(file: &ArticleFile) -> Self {
        SeenByOthers {
            id: file.id.clone(),
            url: file.url().map(str::to_string),
            names: file
                .distinct_names()
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// What the indexes hold of one version of an article, besides `Arc`s of it: what to
/// forget when it goes.
struct IndexedVersion {
    seen: SeenByOthers,
    /// What an actor's statistics read of the article: how often it mentions each actor
    /// (by actor, in order), its date and its source.
    counted: CountedVersion,
}

/// What the statistics of the actors an article mentions read of it
/// ([`stats::compute`]): how often it mentions each (by actor, in order), its date and
/// its source. Two versions that read the same leave those statistics as they were.
#[derive(Debug, PartialEq, Eq)]
struct CountedVersion {
    counts: Vec<(usize, u32)>,
    date: Option<CalendarDate>,
    source: Option<String>,
}

impl CountedVersion {
    fn of(file: &ArticleFile, counts: Option<&ActorCounts>) -> Self {
        let counts = match counts {
            Some(counts) => counts.counts().collect(),
            None => ActorCounts::of(file).counts().collect(),
        };
        CountedVersion {
            counts,
            date: file.date,
            source: file.source().map(str::to_string),
        }
    }

    /// The actors whose statistics change when `self` becomes `new`: those whose count
    /// changed (or who are mentioned in one only); all of either's when the date or the
    /// source changed.
    fn actors_changed_into(&self, new: &CountedVersion) -> Vec<usize> {
        let all = || {
            let actors = self.counts.iter().chain(&new.counts);
            actors.map(|&(actor, _)| actor).collect()
        };
        if self.date != new.date || self.source != new.source {
            return all();
        }
        let mut changed = Vec::new();
        let (mut old, mut now) = (self.counts.iter().peekable(), new.counts.iter().peekable());
        loop {
            match (old.peek(), now.peek()) {
                (None, None) => return changed,
                (Some(&&(was, _)), None) => {
                    changed.push(was);
                    old.next();
                }
                (None, Some(&&(is, _))) => {
                    changed.push(is);
                    now.next();
                }
                (Some(&&(was, was_count)), Some(&&(is, is_count))) => {
                    if was == is {
                        if was_count != is_count {
                            changed.push(was);
                        }
                        old.next();
                        now.next();
                    } else if was < is {
                        changed.push(was);
                        old.next();
                    } else {
                        changed.push(is);
                        now.next();
                    }
                }
            }
        }
    }
}

impl IndexedVersion {
    fn of(file: &ArticleFile) -> Self {
        IndexedVersion {
            seen: SeenByOthers::of(file),
            counted: CountedVersion::of(file, None),
        }
    }

    /// The actors it mentions, each once, in order (a long article mentions the same
    /// actors tens of thousands of times).
    fn actors(&self) -> Vec<usize> {
        self.counted
            .counts
            .iter()
            .map(|&(actor, _)| actor)
            .collect()
    }
}

/// What the index's row of an article points to while the article is being re-analysed:
/// never seen outside [`Corpus::set_file`], which points it to the new version before it
/// returns.
fn stand_in_article() -> Arc<ArticleFile> {
    static STAND_IN: std::sync::OnceLock<Arc<ArticleFile>> = std::sync::OnceLock::new();
    STAND_IN
        .get_or_init(|| {
            let config = Config::default();
            let matcher = AliasMatcher::default();
            Arc::new(analyze_article("", Arc::from(""), &config, &matcher, None))
        })
        .clone()
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus::new(None)
    }
}

impl Corpus {
    /// An empty corpus. `today` enables the future-date check.
    pub fn new(today: Option<CalendarDate>) -> Self {
        let config = Config::default();
        Corpus {
            include: compile_globs(&config.include),
            base_config: config.clone(),
            config_overrides: Overrides::default(),
            config,
            config_file: None,
            config_diagnostics: Vec::new(),
            today,
            articles: BTreeMap::new(),
            totals: ArticleTotals::default(),
            ids: HashMap::default(),
            urls: HashMap::default(),
            unknown_names: HashMap::default(),
            mentioned_in: ActorIndex::default(),
            sources: Default::default(),
            registries: BTreeMap::new(),
            actors: Arc::new(Vec::new()),
            matcher: Arc::new(AliasMatcher::default()),
            registry_cross_diagnostics: BTreeMap::new(),
            skipped: BTreeMap::new(),
            retention: Retention::Everything,
            text_source: None,
            kept_whole: HashSet::default(),
            whole_on_demand: Default::default(),
            messages: Default::default(),
            actor_stats_memo: Default::default(),
            taken_at: HashMap::default(),
            disk_stamps: Default::default(),
            shared_change: next_change(),
            settings_change: next_change(),
            mentions_first_above: None,
            pending_source: None,
            leaves_packed_out: false,
            left_out_source: None,
        }
    }

    /// The stamp of `path`'s diagnostics as the corpus stands (see [`DiagnosticsStamp`]).
    pub fn diagnostics_stamp(&self, path: &str) -> DiagnosticsStamp {
        let file = self.taken_at.get(path).copied().unwrap_or(0);
        match self.articles.get(path) {
            // An article's diagnostics are its own (changed only when it is taken in
            // again), those the settings and registries decide, and its cross-file ones,
            // which read only what the rest of the corpus says of the ids it cites, its own
            // id and URL and the names it uses: hashed, they change only when those do, not
            // whenever any article elsewhere changes its id or its names (typing a new name
            // in one article at 100,000 made every file's report new).
            Some(article) => DiagnosticsStamp {
                shared: self.settings_change,
                file,
                cross: cross::fingerprint(self, article),
            },
            // Registries and the configuration change only by shared changes.
            None => DiagnosticsStamp {
                shared: self.shared_change,
                file,
                cross: 0,
            },
        }
    }

    fn note_shared_change(&mut self) {
        self.shared_change = next_change();
    }

    /// What the corpus knows of an actor (mentions, articles, dates, sources).
    pub fn actor_stats(&self, actor: usize) -> Arc<ActorStats> {
        // A poisoned memo only means a panic while computing: the map is still valid.
        let known = self
            .actor_stats_memo
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&actor)
            .cloned();
        if let Some(stats) = known {
            return stats;
        }
        let stats = Arc::new(stats::compute(self, actor));
        self.actor_stats_memo
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(actor, stats.clone());
        stats
    }

    /// Whether a change may have actor statistics to forget: while none are kept (a
    /// start, before they are worked out), what it would forget is not worked out. A memo
    /// shared with a snapshot may be filled by it from the articles as they were, so a
    /// change forgets as ever ([`Corpus::forget_stats_of`] makes the corpus its own).
    fn keeps_any_actor_stats(&mut self) -> bool {
        match Arc::get_mut(&mut self.actor_stats_memo) {
            Some(memo) => !memo
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .is_empty(),
            None => true,
        }
    }

    /// Works out and keeps the statistics of the actors from `from` on that are not kept
    /// yet, until those worked out went over `budget` articles in all. Returns the actor to
    /// go on from, or `None` once every actor's are kept. A server does this in parts once
    /// a folder is indexed, so that the first hover on an actor does not work them out
    /// (at 100,000 articles, 5-20 ms for an actor in 50,000 of them).
    pub fn keep_actor_stats(&self, from: usize, budget: usize) -> Option<usize> {
        let actors = self.actors().len();
        let mut spent = 0;
        let mut actor = from;
        while actor < actors {
            if spent >= budget {
                return Some(actor);
            }
            let known = self
                .actor_stats_memo
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .contains_key(&actor);
            if !known {
                spent += self.mentioned_in.article_count_of(actor).max(1);
                self.actor_stats(actor);
            }
            actor += 1;
        }
        None
    }

    /// How much of each article's analysis is kept.
    pub fn retention(&self) -> Retention {
        self.retention
    }

    /// Sets how much of each article's analysis is kept, for articles analysed from now
    /// on (set it before loading).
    pub fn set_retention(&mut self, retention: Retention) {
        self.retention = retention;
        self.note_shared_change();
    }

    /// Analyses an article, keeping what its retention says.
    fn analyze(&self, path: &str, text: Arc<str>) -> ArticleFile {
        self.analyzer().analyze(path, text, self.retention_of(path))
    }

    /// How much of the analysis of the article at `path` is kept: all of it while an
    /// editor has it open, else what the corpus's retention says.
    fn retention_of(&self, path: &str) -> Retention {
        if self.kept_whole.contains(path) {
            Retention::Everything
        } else {
            self.retention
        }
    }

    /// Where to read again the texts of articles kept for the index, which the corpus then
    /// lets go of (set it before loading: articles taken in before keep their texts).
    pub fn set_text_source(&mut self, source: Arc<dyn TextSource>) {
        self.text_source = Some(source);
    }

    /// Whether the corpus lets go of the texts of the articles it takes in (a server's,
    /// for the articles the editor has not opened; `check`'s): a loader may then hand it
    /// an analysis made before without reading the text again
    /// ([`Corpus::set_files_prepared`]).
    pub fn lets_go_of_texts(&self) -> bool {
        self.retention != Retention::Everything && self.text_source.is_some()
    }

    /// The text of an article: the one held, or, when the corpus let go of it, the one its
    /// text source reads if it is still the text analysed (`None` if it changed since, or
    /// cannot be read).
    pub fn text_of(&self, file: &ArticleFile) -> Option<Arc<str>> {
        let Some(check) = file.text_dropped else {
            return Some(file.text.clone());
        };
        self.text_source
            .as_ref()?
            .read(&file.path)
            .filter(|text| TextCheck::of(text) == check)
    }

    /// Keeps, in place of those kept before, how the files of articles' texts stood on
    /// disk when they were read: `(path, the check of the text read, the file's stamp)`.
    /// A loader gives them for the warm-start cache, which writes each beside its
    /// analysis ([`Corpus::disk_stamp_of`]).
    pub fn set_disk_stamps(
        &mut self,
        stamps: impl IntoIterator<Item = (String, TextCheck, DiskStamp)>,
    ) {
        self.disk_stamps = Arc::new(
            stamps
                .into_iter()
                .map(|(path, check, stamp)| (path, (check, stamp)))
                .collect(),
        );
    }

    /// The stamp of the file `file`'s text was read from, if the corpus was given one for
    /// that very text: not for a text that changed since (an editor's, a file read again).
    pub fn disk_stamp_of(&self, file: &ArticleFile) -> Option<DiskStamp> {
        let (check, stamp) = self.disk_stamps.get(&file.path)?;
        (file.text_check() == *check).then_some(*stamp)
    }

    /// Lets go of the disk stamps (once the cache is written, or its snapshot taken).
    pub fn forget_disk_stamps(&mut self) {
        self.disk_stamps = Default::default();
    }

    /// The text of an article as it is now: held, or read again whatever it is.
    fn current_text(&self, file: &ArticleFile) -> Option<Arc<str>> {
        match file.text_dropped {
            None => Some(file.text.clone()),
            Some(_) => self.text_source.as_ref()?.read(&file.path),
        }
    }

    /// Sets an article an editor has open: its whole analysis is kept until
    /// [`Corpus::close_file`], whatever the retention, since every request is about it.
    pub fn set_open_file(&mut self, path: &str, text: Arc<str>) -> FileKind {
        if self.kind_of(path) == FileKind::Article && !self.kept_whole.contains(path) {
            self.kept_whole.insert(path.to_string());
        }
        self.set_file(path, text)
    }

    /// The editor closed the article at `path`: from now on the corpus keeps what its
    /// retention says of it. Its analysis is shed at once (the editor's version stays
    /// until the disk's is set).
    pub fn close_file(&mut self, path: &str) {
        if !self.kept_whole.remove(path) {
            return;
        }
        let retention = self.retention;
        if let Some(file) = self.articles.get(path).filter(|file| file.is_whole()) {
            if retention != Retention::Everything {
                let mut shed = ArticleFile::clone(file);
                shed.shed_to(retention);
                if self.lets_go_of_texts() {
                    shed.drop_text();
                }
                self.insert_article(shed);
            }
        }
    }

    /// Makes a load of more than `articles` articles to analyse find only their mentions
    /// first ([`Retention::Mentions`]), when the corpus keeps articles for the index and
    /// can read their texts again; `None` (the default): every article is analysed whole
    /// at once. A server's index is then complete in a tenth of the time, and the rest of
    /// each analysis is made in the background ([`Corpus::take_pending`]).
    pub fn set_mentions_first_above(&mut self, articles: Option<usize>) {
        self.mentions_first_above = articles;
    }

    /// When a load finds only the mentions of the articles it analyses first (see
    /// [`Corpus::set_mentions_first_above`] and [`Corpus::over_claims_limit`]); never
    /// when the corpus cannot read texts again.
    pub fn mentions_first_rule(&self) -> MentionsFirst {
        let reads_again = self.lets_go_of_texts();
        MentionsFirst {
            articles_above: self.mentions_first_above.filter(|_| reads_again),
            bytes_above: reads_again.then_some(self.config.claims_limit_bytes),
        }
    }

    /// How far the articles of a corpus that lets go of texts (a server's) go past
    /// `[server] claims-limit-mb`, if they do: the second pass of a start is then not
    /// made, and articles the editor has not opened keep only what references,
    /// definitions, hover and completion read ([`Retention::Mentions`]). The whole
    /// analyses of a corpus take about twice its size in memory; over the limit, the
    /// server stays well under that, and says so.
    pub fn over_claims_limit(&self) -> Option<OverClaimsLimit> {
        if !self.lets_go_of_texts() {
            return None;
        }
        let bytes = self.totals.text_bytes;
        let limit = self.config.claims_limit_bytes;
        (bytes > limit).then_some(OverClaimsLimit { bytes, limit })
    }

    /// How many articles the corpus holds, and their claims and undated claims in all.
    pub fn claim_totals(&self) -> (usize, ClaimTally) {
        (self.articles.len(), self.totals.claims)
    }

    /// For tests: whether the sums kept over the articles are those worked out again.
    #[cfg(test)]
    pub(crate) fn totals_are_kept(&self) -> bool {
        self.totals == ArticleTotals::of(self.articles.values())
    }

    /// Whether the claims of this corpus are those of its open articles only: it is past
    /// `[server] claims-limit-mb` ([`Corpus::over_claims_limit`]) and articles wait for
    /// a second pass that is not made. (A corpus that grew past the limit after its load
    /// has every article analysed whole.)
    pub fn claims_of_open_articles_only(&self) -> bool {
        self.over_claims_limit().is_some() && self.articles.values().any(|file| file.is_pending())
    }

    /// Gives the whole analyses of the pending articles from `source` in the second pass
    /// (see [`PendingSource`]) rather than analysing their texts again.
    pub fn set_pending_source(&mut self, source: Arc<dyn PendingSource>) {
        self.pending_source = Some(source);
    }

    /// Lets articles kept for the index go of their packed claims and diagnostics where a
    /// file holds them: the whole analyses a warm start's second pass takes from its
    /// [`PendingSource`], and those [`Corpus::leave_packed_out`] is told a cache holds.
    /// At 10,000 articles they are a quarter of the index (21 MiB).
    pub fn set_leaves_packed_out(&mut self, leaves: bool) {
        self.leaves_packed_out = leaves;
    }

    /// Lets the articles of `written` that the corpus still holds as they were go of their
    /// packed claims and diagnostics, which `source` holds (the cache file just written
    /// from them), when the corpus leaves them out ([`Corpus::set_leaves_packed_out`]).
    /// Articles that had left theirs out in a file before and are not among `written` take
    /// theirs back first: `source` replaces that file. Returns how many let go of them.
    /// (`written` is taken, not borrowed: an article held there too would be copied, not
    /// changed in place.) All at once: [`Corpus::begin_leaving_packed_out`] does it a part
    /// at a time.
    pub fn leave_packed_out(
        &mut self,
        source: Arc<dyn PendingSource>,
        written: Vec<Arc<ArticleFile>>,
    ) -> usize {
        let mut leaving = self.begin_leaving_packed_out(source, written);
        while self.leave_packed_out_part(&mut leaving, usize::MAX) {}
        leaving.left_out
    }

    /// [`Corpus::leave_packed_out`] begun: `source` replaces the file articles left theirs
    /// out in before (those not among `written`, or changed since, take theirs back now).
    /// The articles of `written` let go of theirs in parts ([`Corpus::leave_packed_out_part`]),
    /// between which the corpus may be asked and changed: at 100,000 articles, letting go
    /// of them all at once held a server's state for a third of a second.
    pub fn begin_leaving_packed_out(
        &mut self,
        source: Arc<dyn PendingSource>,
        written: Vec<Arc<ArticleFile>>,
    ) -> LeavingPackedOut {
        if !self.leaves_packed_out {
            return LeavingPackedOut::default();
        }
        // Only articles that left theirs out in the file `source` replaces: none the first
        // time a cache is written.
        if self.left_out_source.is_some() {
            let written_as: HashMap<&str, &Arc<ArticleFile>> = written
                .iter()
                .map(|file| (file.path.as_str(), file))
                .collect();
            let taken_back: Vec<String> = self
                .articles
                .values()
                .filter(|file| {
                    file.packed_left_out
                        && !written_as
                            .get(file.path.as_str())
                            .is_some_and(|written| Arc::ptr_eq(written, file))
                })
                .map(|file| file.path.clone())
                .collect();
            for path in taken_back {
                let Some(parts) = self
                    .articles
                    .get(&path)
                    .map(|file| self.left_out_parts(file))
                else {
                    continue;
                };
                self.change_in_place(&path, |file| {
                    file.put_back(parts.unwrap_or_default());
                    true
                });
            }
        }
        self.left_out_source = Some(source);
        LeavingPackedOut {
            written,
            left_out: 0,
        }
    }

    /// Has up to `at_most` more articles of `leaving` let go of their packed claims and
    /// diagnostics, those the corpus still holds as they were written (an article changed
    /// since keeps its own). Returns whether any are left.
    pub fn leave_packed_out_part(
        &mut self,
        leaving: &mut LeavingPackedOut,
        at_most: usize,
    ) -> bool {
        let from = leaving.written.len().saturating_sub(at_most);
        let part = leaving.written.split_off(from);
        let still_held: Vec<String> = part
            .iter()
            .filter(|file| {
                self.articles
                    .get(&file.path)
                    .is_some_and(|held| Arc::ptr_eq(held, file))
            })
            .map(|file| file.path.clone())
            .collect();
        // Let go of first, so that each is changed in place, not copied.
        drop(part);
        leaving.left_out += still_held
            .iter()
            .filter(|path| self.change_in_place(path, ArticleFile::leave_packed_out))
            .count();
        if !leaving.written.is_empty() {
            return true;
        }
        if leaving.left_out == 0 {
            return false;
        }
        // The shared set held their diagnostics' messages too (10,000 articles: 8 MiB).
        self.messages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .sweep();
        false
    }

    /// Changes the article at `path` by `change` where it is held, when `change` says it
    /// did, without indexing it again: only for what the indexes do not read. The index
    /// of actors lets go of its `Arc` meanwhile, so that the article is not copied.
    fn change_in_place(
        &mut self,
        path: &str,
        change: impl FnOnce(&mut ArticleFile) -> bool,
    ) -> bool {
        let Some(held) = self.articles.get_mut(path) else {
            return false;
        };
        self.totals.remove(held);
        self.mentioned_in.point_to(path, stand_in_article());
        let changed = match Arc::get_mut(held) {
            Some(file) => change(file),
            // Held elsewhere too (a request under way): changed in a copy.
            None => {
                let mut copy = ArticleFile::clone(held);
                let changed = change(&mut copy);
                if changed {
                    *held = Arc::new(copy);
                }
                changed
            }
        };
        self.totals.add(held);
        self.mentioned_in.point_to(path, held.clone());
        changed
    }

    /// What `file` left out, read again ([`LeftOutReader::parts`]).
    fn left_out_parts(&self, file: &ArticleFile) -> Option<LeftOut> {
        read_left_out(
            self.left_out_source.as_deref(),
            self.text_source.as_deref(),
            &self.config,
            &self.matcher,
            self.today,
            file,
        )
    }

    /// What reads again the packed claims and diagnostics articles left out, apart from
    /// the corpus.
    pub fn left_out_reader(&self) -> LeftOutReader {
        LeftOutReader {
            source: self.left_out_source.clone(),
            texts: self.text_source.clone(),
            config: self.config.clone(),
            matcher: self.matcher.clone(),
            today: self.today,
        }
    }

    /// The claims of `file` dated in its text, in text order, read again when it left
    /// them out ([`ArticleFile::packed_left_out`]; none if they cannot be).
    pub fn dated_claims_of<'a>(&self, file: &'a ArticleFile) -> Vec<std::borrow::Cow<'a, Claim>> {
        if !file.packed_left_out {
            return file.dated_claims().collect();
        }
        let parts = self.left_out_parts(file).unwrap_or_default();
        parts.claims.iter().map(std::borrow::Cow::Owned).collect()
    }

    /// The diagnostics that need nothing but `file`, in their order, read again in part
    /// when it left its claims' out ([`ArticleFile::packed_left_out`]).
    pub fn own_diagnostics_of(&self, file: &ArticleFile) -> Vec<Diagnostic> {
        if !file.packed_left_out {
            return file.own_diagnostics().collect();
        }
        let parts = self.left_out_parts(file).unwrap_or_default();
        let mut diagnostics = file.diagnostics.clone();
        diagnostics.extend(parts.diagnostics.iter());
        diagnostics
    }

    /// How many articles wait for the rest of their analysis ([`Retention::Mentions`]).
    pub fn pending_count(&self) -> usize {
        self.articles
            .values()
            .filter(|file| file.is_pending())
            .count()
    }

    /// Up to `most` of the articles that wait for the rest of their analysis, with what
    /// analysing them needs: analysed apart from the corpus ([`PendingAnalyses::analyse`],
    /// without holding it), then taken in with [`Corpus::complete`]. `None` when none
    /// waits.
    pub fn take_pending(&mut self, most: usize) -> Option<PendingAnalyses> {
        // Found by their retention, not kept in a list of their own: a server takes them
        // all at once, and a scan of 100,000 articles takes about a millisecond.
        // One more than asked for, to know whether these are the last.
        let mut files: Vec<Arc<ArticleFile>> = self
            .articles
            .values()
            .filter(|file| file.is_pending())
            .take(most.saturating_add(1))
            .cloned()
            .collect();
        if files.is_empty() {
            self.pending_source = None;
            return None;
        }
        // Taken with the last of them: nothing would ask it again (its open cache file
        // and record table go once the analyses are made).
        let cached = if files.len() <= most {
            self.pending_source.take()
        } else {
            files.truncate(most);
            self.pending_source.clone()
        };
        // The cache file stays open for what the analyses taken from it leave out.
        let leave_cached_packed_out = self.leaves_packed_out && cached.is_some();
        if leave_cached_packed_out {
            self.left_out_source = cached.clone();
        }
        Some(PendingAnalyses {
            analyzer: self.analyzer(),
            source: self.text_source.clone(),
            cached,
            leave_cached_packed_out,
            files,
        })
    }

    /// Takes in the analyses made of pending articles, each only if the corpus still
    /// holds the version it was made for (an article changed, opened or re-analysed
    /// meanwhile keeps its newer analysis). Returns how many were taken.
    pub fn complete(&mut self, analysed: AnalysedPending) -> usize {
        let mut taken = 0;
        self.mentioned_in.begin_batch();
        for (was, file) in analysed.0 {
            let current = self
                .articles
                .get(&file.path)
                .is_some_and(|now| Arc::ptr_eq(now, &was));
            if current {
                drop(was);
                self.insert_article(file);
                taken += 1;
            }
        }
        self.mentioned_in.end_batch();
        if taken > 0 {
            // Other files' diagnostics count the articles that use each unknown name.
            self.note_shared_change();
        }
        taken
    }

    /// Articles changed on disk, to be read again and analysed apart from the corpus
    /// ([`ChangedArticles::analyse`], on every core, without holding it) and then taken in
    /// with [`Corpus::take_changes`]: a `git pull` or a branch switch changes thousands of
    /// files at once, and analysing them one by one under the server's lock kept every
    /// request waiting (10,000 changed articles of 100,000: 4.6 s on one core). Each notes
    /// the version the corpus holds now, before its text is read: a version taken in after
    /// this may be newer than the text read, and is then kept. Only articles: the caller
    /// sets other files with [`Corpus::set_file`].
    pub fn prepare_changes(&self, paths: Vec<String>) -> ChangedArticles {
        let files = paths
            .into_iter()
            .map(|path| ChangedArticle {
                retention: self.retention_of(&path),
                was: self.articles.get(&path).cloned(),
                path,
            })
            .collect();
        ChangedArticles {
            analyzer: self.analyzer(),
            files,
        }
    }

    /// Takes in the analyses of articles changed on disk, each only if nothing changed
    /// meanwhile that it depends on: the article's version in the corpus (opened, edited
    /// or changed again), how much of it is kept, the settings and the registries. Returns
    /// the paths of those not taken and of those whose text could not be read, to be read
    /// and set again as they are now.
    pub fn take_changes(&mut self, analysed: AnalysedChanges) -> Vec<String> {
        let AnalysedChanges {
            analyzer,
            files,
            unread,
        } = analysed;
        let same_settings = Arc::ptr_eq(&analyzer.matcher, &self.matcher)
            && analyzer.config == self.config
            && analyzer.today == self.today
            && analyzer.drop_texts == self.lets_go_of_texts();
        let mut stale = unread;
        // Not as a batch of the index of actors: a batch appends the entries of new
        // articles and sorts every list it appended to by path when it ends, which at
        // 100,000 articles cost more for 256 articles than putting each entry in its place.
        for (change, file) in files {
            let ChangedArticle {
                path,
                retention,
                was,
            } = change;
            let now = self.articles.get(&path);
            let current = match (&was, now) {
                (Some(was), Some(now)) => Arc::ptr_eq(was, now),
                (None, None) => true,
                _ => false,
            };
            if !(same_settings && current && self.retention_of(&path) == retention) {
                stale.push(path);
                continue;
            }
            if self.skipped.remove(&path).is_some() {
                self.note_shared_change();
            }
            // Let go of here too, so that the map's copy is the only one left.
            drop(was);
            let indexed = self
                .remove_from_map(&path)
                .map(|previous| IndexedVersion::of(&previous));
            self.index_changed(file, indexed);
        }
        stale
    }

    /// Takes in a new analysis of an article whose previous version, if any, the map no
    /// longer holds (`indexed` is what the indexes hold of it).
    fn index_changed(&mut self, file: ArticleFile, indexed: Option<IndexedVersion>) {
        let seen = SeenByOthers::of(&file);
        if indexed.as_ref().map(|indexed| &indexed.seen) != Some(&seen) {
            self.note_shared_change();
        }
        self.index_article(file, seen, indexed, None);
    }

    /// What analysing an article needs, apart from the corpus: so that articles can be
    /// analysed while the corpus takes in those already done.
    fn analyzer(&self) -> Analyzer {
        Analyzer {
            config: self.config.clone(),
            matcher: self.matcher.clone(),
            today: self.today,
            drop_texts: self.lets_go_of_texts(),
            messages: self.messages.clone(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn today(&self) -> Option<CalendarDate> {
        self.today
    }

    /// What `path` is, by the configuration: `dateline.toml`, a configured registry, an
    /// article by the include globs, or something the corpus ignores.
    pub fn kind_of(&self, path: &str) -> FileKind {
        if path == CONFIG_FILE {
            FileKind::Config
        } else if self
            .config
            .registries
            .iter()
            .any(|registry| registry == path)
        {
            FileKind::Registry
        } else {
            let name = path.rsplit('/').next().unwrap_or(path);
            if self.include.is_match(name) || self.include.is_match(path) {
                FileKind::Article
            } else {
                FileKind::Other
            }
        }
    }

    /// Settings from the editor, applied over `dateline.toml`.
    pub fn set_overrides(&mut self, overrides: Overrides) {
        self.config_overrides = overrides;
        self.recompute_config();
    }

    fn recompute_config(&mut self) {
        // Its diagnostics may change even when the configuration does not.
        self.note_shared_change();
        self.settings_change = next_change();
        let (mut config, diagnostics) = match &self.config_file {
            Some((_, text)) => config::parse_config(text),
            None => (self.base_config.clone(), Vec::new()),
        };
        config.apply(&self.config_overrides);
        self.config_diagnostics = diagnostics;
        if config != self.config {
            self.include = compile_globs(&config.include);
            // Registries the configuration no longer names stop counting.
            self.registries
                .retain(|path, _| config.registries.iter().any(|named| named == path));
            self.config = config;
            self.rebuild_actors();
            self.reanalyze_all();
        }
    }

    /// Adds or replaces a file, dispatching on its kind; files of no kind are ignored.
    /// Returns the kind it was taken as.
    pub fn set_file(&mut self, path: &str, text: Arc<str>) -> FileKind {
        if self.skipped.remove(path).is_some() {
            self.note_shared_change();
        }
        let kind = self.kind_of(path);
        match kind {
            FileKind::Config => {
                self.config_file = Some((path.to_string(), text));
                self.recompute_config();
            }
            FileKind::Registry => {
                self.put_registry(path, text);
                self.rebuild_actors();
                self.reanalyze_all();
            }
            FileKind::Article => {
                let previous = self.remove_from_map(path);
                let indexed = previous.as_deref().map(IndexedVersion::of);
                let file = match previous {
                    // An edit: analyse again only what it touched. The old version lets go
                    // of the map and the index first, so that it is usually the only
                    // holder of its `Arc` and its lists are reused, not copied (a copy of
                    // a 5 MB article's analysis takes as long as the re-analysis). A shed
                    // version lacks what splicing needs: it is analysed whole.
                    Some(previous)
                        if previous.is_whole()
                            && self.retention_of(path) == Retention::Everything =>
                    {
                        self.mentioned_in.point_to(path, stand_in_article());
                        let previous = Arc::unwrap_or_clone(previous);
                        reanalyze_article(previous, text, &self.config, &self.matcher, self.today)
                    }
                    _ => self.analyze(path, text),
                };
                self.index_changed(file, indexed);
            }
            FileKind::Other => {}
        }
        kind
    }

    /// Adds many files at once: the configuration first, registries next, then all
    /// articles analysed in parallel.
    pub fn set_files(&mut self, files: Vec<(String, Arc<str>)>) {
        self.set_files_reporting(files, |_, _| {});
    }

    /// [`Corpus::set_files`], reporting `(articles taken in, articles)` after each article
    /// is taken in: analysing them is most of a load.
    pub fn set_files_reporting(
        &mut self,
        files: Vec<(String, Arc<str>)>,
        progress: impl FnMut(usize, usize),
    ) {
        let files = files
            .into_iter()
            .map(|(path, text)| (path, ArticleText::Held(text), None))
            .collect();
        self.set_files_prepared(files, None, progress);
    }

    /// [`Corpus::set_files_reporting`], where an article may come with its analysis
    /// already made (by the warm-start cache, for the same text, configuration, registries
    /// and retention): that analysis is taken as it is, its future-date error made again
    /// for today, and indexed exactly as a fresh one. One kept as the article's retention
    /// keeps it is expected to hold the texts many analyses repeat (diagnostic messages,
    /// date values) one copy each already, as the cache decodes them. A prepared analysis of a registry or
    /// of the configuration is ignored. A corpus that lets go of texts
    /// ([`Corpus::lets_go_of_texts`]) takes a prepared analysis with an empty text and its
    /// `text_dropped` set to the text's check, without the text. Articles handed unread
    /// ([`ArticleText::Unread`]) are read by `reader` on the threads that analyse them;
    /// one that cannot be read is skipped, with the reader's reason.
    pub fn set_files_prepared(
        &mut self,
        files: Vec<(String, ArticleText, Option<ArticleFile>)>,
        reader: Option<&dyn ArticleReader>,
        mut progress: impl FnMut(usize, usize),
    ) {
        self.note_shared_change();
        // The configuration first: it says which of the other files are registries and
        // which are articles.
        let (config, files): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|(path, _, _)| path == CONFIG_FILE);
        // Why files handed unread could not be read: marked skipped once all are in.
        let mut unreadable: Vec<(String, String)> = Vec::new();
        for (path, text, _) in config {
            match text.read(&path, reader) {
                Ok(text) => {
                    self.skipped.remove(&path);
                    self.config_file = Some((path, text));
                    self.recompute_config();
                }
                Err(reason) => unreadable.push((path, reason)),
            }
        }
        // Matched against the globs on every core: 100,000 paths took a tenth of a
        // second on one.
        let kinds: Vec<FileKind> = files
            .par_iter()
            .map(|(path, _, _)| self.kind_of(path))
            .collect();
        let mut articles = Vec::with_capacity(files.len());
        let mut registries = Vec::new();
        for ((path, text, prepared), kind) in files.into_iter().zip(kinds) {
            self.skipped.remove(&path);
            match kind {
                FileKind::Registry => registries.push((path, text)),
                FileKind::Article => articles.push((path, text, prepared)),
                FileKind::Config | FileKind::Other => {}
            }
        }
        if !registries.is_empty() {
            for (path, text) in registries {
                match text.read(&path, reader) {
                    Ok(text) => self.put_registry(&path, text),
                    Err(reason) => unreadable.push((path, reason)),
                }
            }
            self.rebuild_actors();
            self.reanalyze_all();
        }
        // Articles are taken in as their analyses finish, in no set order: of a path
        // given twice, only the last text counts.
        let mut last_of_path: HashMap<&str, usize> = HashMap::default();
        for (index, (path, _, _)) in articles.iter().enumerate() {
            last_of_path.insert(path, index);
        }
        let mut order: Vec<usize> = last_of_path.into_values().collect();
        let total = order.len();
        // Largest first: a 5 MB article analysed last would keep one core busy alone.
        order.sort_by_key(|&index| (std::cmp::Reverse(articles[index].1.bytes()), index));
        // Each article once, in that order, owned by the thread that analyses or adopts it.
        // Already so when every path comes once and no text is longer than one before it
        // (a warm start's, all without their texts): not moved into a copy of 100,000.
        let in_order = order.len() == articles.len()
            && order
                .iter()
                .enumerate()
                .all(|(place, &index)| place == index);
        let articles = if in_order {
            articles
        } else {
            let mut articles: Vec<Option<_>> = articles.into_iter().map(Some).collect();
            order
                .iter()
                .filter_map(|&index| articles[index].take())
                .collect()
        };
        // A cached analysis serves when it holds at least what the article's retention
        // asks for.
        let jobs: Vec<(String, ArticleText, Option<ArticleFile>, Retention)> = articles
            .into_iter()
            .map(|(path, text, prepared)| {
                let retention = self.retention_of(&path);
                let without_text = prepared.as_ref().is_some_and(|cached| {
                    matches!(&text, ArticleText::Held(held) if held.is_empty())
                        && cached.text_dropped.is_some()
                });
                // An open article (kept whole) keeps its text.
                let kept_without_text =
                    self.lets_go_of_texts() && retention != Retention::Everything;
                if without_text && !kept_without_text {
                    // Handed without its text to a corpus that keeps it: the text is read
                    // again and analysed (a file gone since is analysed empty until the
                    // file watcher says it is gone).
                    let read = self
                        .text_source
                        .as_ref()
                        .and_then(|source| source.read(&path))
                        .map(ArticleText::Held);
                    return (path, read.unwrap_or(text), None, retention);
                }
                (path, text, prepared, retention)
            })
            .collect();
        // A cold load of many articles that the corpus can read again finds their
        // mentions first; the rest of each analysis is made later (see `take_pending`).
        let (fresh, fresh_bytes) = jobs
            .iter()
            .filter(|(_, _, prepared, retention)| {
                prepared.is_none() && *retention == Retention::Index
            })
            .fold((0, 0u64), |(articles, bytes), (_, text, _, _)| {
                (articles + 1, bytes + text.bytes())
            });
        let mentions_first = self.mentions_first_rule().applies(fresh, fresh_bytes);
        let jobs = jobs.into_iter().map(|(path, text, prepared, retention)| {
            let retention = match retention {
                Retention::Index if mentions_first && prepared.is_none() => Retention::Mentions,
                retention => retention,
            };
            (path, text, prepared, retention)
        });
        let jobs: Vec<_> = jobs.collect();
        let analyzer = self.analyzer();
        // Analyses are handed over a few at a time: handing each over alone woke this
        // thread some 10,000 times on the bench corpus, each wake taking a core from the
        // analysis for a moment.
        const HANDED_OVER_TOGETHER: usize = 16;
        // With what the indexing reads of each, worked out here on every core; or the
        // path of an article that could not be read, and why.
        type Analysed = Result<(ArticleFile, SeenByOthers, ActorCounts), (String, String)>;
        let (sender, analysed) = std::sync::mpsc::sync_channel::<Vec<Analysed>>(64);
        std::thread::scope(|scope| {
            let analyzer = &analyzer;
            scope.spawn(move || {
                jobs.into_par_iter()
                    .chunks(HANDED_OVER_TOGETHER)
                    .for_each_with(sender, |sender, jobs| {
                        let files = jobs
                            .into_iter()
                            .map(|(path, text, prepared, retention)| {
                                let text = match text.read(&path, reader) {
                                    Ok(text) => text,
                                    Err(reason) => return Err((path, reason)),
                                };
                                let file = match prepared {
                                    Some(cached)
                                        if cached.is_whole()
                                            || retention != Retention::Everything =>
                                    {
                                        analyzer.adopt(cached, text, retention)
                                    }
                                    _ => analyzer.analyze(&path, text, retention),
                                };
                                let seen = SeenByOthers::of(&file);
                                let counts = ActorCounts::of(&file);
                                Ok((file, seen, counts))
                            })
                            .collect();
                        let _ = sender.send(files);
                    });
            });
            // Indexing (serial) overlaps the analysis (on every core). Room is made once
            // in the maps keyed by article: grown article by article, they were rehashed
            // over and over.
            self.taken_at.reserve(total);
            self.ids.reserve(total);
            self.urls.reserve(total);
            let mut taken_in = 0;
            // Each path comes once: into an empty corpus, none replaces another (looking
            // for one in a map of 100,000 paths was a tenth of the indexing thread's work).
            let into_empty = self.articles.is_empty();
            self.mentioned_in.begin_batch();
            if into_empty {
                // The per-actor index is built on a thread of its own, beside the other
                // maps: it was a third of this thread's work in a warm start of 100,000
                // articles (0.24 of 0.66 s), while a core waited.
                type ForIndex = (Arc<ArticleFile>, Option<Arc<str>>, ActorCounts);
                let mut actor_index = std::mem::take(&mut self.mentioned_in);
                let (to_index, for_index) = std::sync::mpsc::sync_channel::<Vec<ForIndex>>(64);
                let indexer = scope.spawn(move || {
                    for (file, source, counts) in for_index.into_iter().flatten() {
                        actor_index.put(&file, source, &[], Some(counts));
                    }
                    actor_index
                });
                for analysed in analysed {
                    let mut batch = Vec::with_capacity(analysed.len());
                    for analysed in analysed {
                        taken_in += 1;
                        progress(taken_in, total);
                        let (file, seen, counts) = match analysed {
                            Ok(analysed) => analysed,
                            Err(unread) => {
                                unreadable.push(unread);
                                continue;
                            }
                        };
                        let (file, source) = self.take_into_maps(file, seen, None, Some(&counts));
                        batch.push((file, source, counts));
                    }
                    let _ = to_index.send(batch);
                }
                drop(to_index);
                self.mentioned_in = indexer
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            } else {
                for analysed in analysed.into_iter().flatten() {
                    taken_in += 1;
                    progress(taken_in, total);
                    match analysed {
                        Ok((file, _seen, counts)) => {
                            self.insert_counted_article(file, Some(counts))
                        }
                        Err(unread) => unreadable.push(unread),
                    }
                }
            }
            self.mentioned_in.end_batch();
        });
        for (path, reason) in unreadable {
            self.mark_skipped(&path, reason);
        }
    }

    /// Records a file that could not be taken in (binary, invalid UTF-8, unreadable), so
    /// that reports can say so.
    pub fn mark_skipped(&mut self, path: &str, reason: impl Into<String>) {
        self.remove_file(path);
        self.skipped.insert(path.to_string(), reason.into());
        self.note_shared_change();
    }

    /// Why a file was not taken in, if it was not.
    pub fn skip_reason(&self, path: &str) -> Option<&str> {
        self.skipped.get(path).map(String::as_str)
    }

    pub fn skipped(&self) -> impl Iterator<Item = (&str, &str)> {
        self.skipped
            .iter()
            .map(|(path, reason)| (path.as_str(), reason.as_str()))
    }

    /// [`Corpus::remove_file`] for many files at once (a branch switch removes thousands):
    /// the articles leave the index of actors together.
    pub fn remove_files(&mut self, paths: &[String]) {
        let mut removed: Vec<(&str, Vec<usize>)> = Vec::new();
        for path in paths {
            self.skipped.remove(path.as_str());
            match self.forget_article(path) {
                Some(actors) => removed.push((path, actors)),
                // Registries and the configuration, as one by one.
                None => self.remove_file(path),
            }
        }
        self.note_shared_change();
        self.mentioned_in.remove_many(
            removed
                .iter()
                .map(|(path, actors)| (*path, actors.as_slice())),
        );
    }

    pub fn remove_file(&mut self, path: &str) {
        self.note_shared_change();
        self.skipped.remove(path);
        if self.remove_article(path) {
            return;
        }
        if self.registries.remove(path).is_some() {
            self.rebuild_actors();
            self.reanalyze_all();
            return;
        }
        if self
            .config_file
            .as_ref()
            .is_some_and(|(config_path, _)| config_path == path)
        {
            self.config_file = None;
            self.recompute_config();
        }
    }

    /// Takes an article in, in place of the one at its path if any. An edit replaces a
    /// long article that mentions thousands of actors, mostly as often as before: each
    /// actor's entry is updated where it stands, and only the names that changed are
    /// counted again.
    fn insert_article(&mut self, file: ArticleFile) {
        self.insert_counted_article(file, None);
    }

    /// Takes the article at `path` out of the map by path (and out of its totals) only.
    fn remove_from_map(&mut self, path: &str) -> Option<Arc<ArticleFile>> {
        let file = self.articles.remove(path)?;
        self.totals.remove(&file);
        Some(file)
    }

    /// [`Corpus::insert_article`], with how often `file` mentions each actor if known.
    fn insert_counted_article(&mut self, file: ArticleFile, counts: Option<ActorCounts>) {
        let indexed = self
            .remove_from_map(&file.path)
            .map(|previous| IndexedVersion::of(&previous));
        let seen = SeenByOthers::of(&file);
        self.index_article(file, seen, indexed, counts);
    }

    /// Takes an article in whose path the map no longer holds, replacing in the indexes
    /// the version `previous` says they hold, if any. `seen` is what others see of `file`,
    /// `counts` how often it mentions each actor, when already worked out.
    fn index_article(
        &mut self,
        file: ArticleFile,
        seen: SeenByOthers,
        previous: Option<IndexedVersion>,
        counts: Option<ActorCounts>,
    ) {
        // Counted once when a version with statistics to keep is replaced: both what the
        // statistics forget and the index of actors read the counts. (In a start's second
        // pass none are kept yet, and the index needs no counts for the same mentions.)
        let counts = match counts {
            None if previous.is_some() && self.keeps_any_actor_stats() => {
                Some(ActorCounts::of(&file))
            }
            counts => counts,
        };
        let (file, source) = self.take_into_maps(file, seen, previous.as_ref(), counts.as_ref());
        let previous_actors = previous
            .as_ref()
            .map(IndexedVersion::actors)
            .unwrap_or_default();
        self.mentioned_in
            .put(&file, source, &previous_actors, counts);
    }

    /// [`Corpus::index_article`] but for the per-actor index: the article in the map by
    /// path and in the maps of stamps, ids, URLs, names and sources. Returns the article
    /// as held, and its source's one copy, for the per-actor index.
    fn take_into_maps(
        &mut self,
        file: ArticleFile,
        seen: SeenByOthers,
        previous: Option<&IndexedVersion>,
        counts: Option<&ActorCounts>,
    ) -> (Arc<ArticleFile>, Option<Arc<str>>) {
        // Only the statistics the change could alter are forgotten: a keystroke in an
        // article that mentions the top actor made the next hover on it work them out
        // again over every article that mentions it (5-20 ms at 100,000 articles).
        if self.keeps_any_actor_stats() {
            let touched: Vec<usize> = match previous {
                Some(previous) => previous
                    .counted
                    .actors_changed_into(&CountedVersion::of(&file, counts)),
                None => match counts {
                    Some(counts) => counts.actors().collect(),
                    None => file.mentions.iter().map(FileMention::actor).collect(),
                },
            };
            self.forget_stats_of(touched);
        }
        let path = &file.path;
        let names_unchanged = previous.is_some_and(|previous| previous.seen.names == seen.names);
        self.taken_at.insert(path.clone(), next_change());
        if let Some(previous) = previous {
            self.forget_id_and_url(path, &previous.seen);
            if !names_unchanged {
                self.forget_names(&previous.seen.names);
            }
        }
        self.ids.entry(seen.id.clone()).or_default().insert(path);
        if let Some(url) = &seen.url {
            self.urls.entry(url.clone()).or_default().insert(path);
        }
        if !names_unchanged {
            for name in seen.names {
                *self.unknown_names.entry(name).or_default() += 1;
            }
        }
        let source = file
            .source()
            .map(|source| held_copy(&mut self.sources, source, || Arc::from(source)));
        let file = Arc::new(file);
        self.totals.add(&file);
        if let Some(replaced) = self.articles.insert(file.path.clone(), file.clone()) {
            self.totals.remove(&replaced);
        }
        (file, source)
    }

    fn remove_article(&mut self, path: &str) -> bool {
        let Some(actors) = self.forget_article(path) else {
            return false;
        };
        self.mentioned_in.remove(path, &actors);
        true
    }

    /// Takes the article at `path` out of every map but the index of actors; returns the
    /// actors it mentions, for that index (`None` when there is no such article).
    fn forget_article(&mut self, path: &str) -> Option<Vec<usize>> {
        let file = self.remove_from_map(path)?;
        self.taken_at.remove(path);
        let indexed = IndexedVersion::of(&file);
        let actors = indexed.actors();
        self.forget_stats_of(actors.clone());
        self.forget_id_and_url(path, &indexed.seen);
        self.forget_names(&indexed.seen.names);
        Some(actors)
    }

    /// Starts a new memo of actor statistics without those of `actors` (an article that
    /// mentions them, or did, changed): typing in one article recomputed the statistics
    /// of every actor, and the top actor's take 12 ms at 100,000 articles. A new memo,
    /// not the same one changed, so that snapshots taken before keep theirs.
    fn forget_stats_of(&mut self, mut actors: Vec<usize>) {
        // A memo no snapshot shares is changed in place: taking ten thousand articles in
        // made ten thousand new memos, all empty.
        if let Some(memo) = Arc::get_mut(&mut self.actor_stats_memo) {
            let memo = memo
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !memo.is_empty() {
                for actor in actors {
                    memo.remove(&actor);
                }
            }
            return;
        }
        actors.sort_unstable();
        actors.dedup();
        let kept: HashMap<usize, Arc<ActorStats>> = self
            .actor_stats_memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter(|(actor, _)| actors.binary_search(actor).is_err())
            .map(|(actor, stats)| (*actor, stats.clone()))
            .collect();
        self.actor_stats_memo = Arc::new(std::sync::Mutex::new(kept));
    }

    fn forget_id_and_url(&mut self, path: &str, seen: &SeenByOthers) {
        let forget = |map: &mut HashMap<String, PathsOf>, key: &str| {
            if let Some(paths) = map.get_mut(key) {
                paths.remove(path);
                if paths.is_empty() {
                    map.remove(key);
                }
            }
        };
        forget(&mut self.ids, &seen.id);
        if let Some(url) = &seen.url {
            forget(&mut self.urls, url);
        }
    }

    fn forget_names(&mut self, names: &BTreeSet<String>) {
        for name in names {
            if let Some(count) = self.unknown_names.get_mut(name) {
                *count -= 1;
                if *count == 0 {
                    self.unknown_names.remove(name);
                }
            }
        }
    }

    /// The paths of the articles with this id.
    pub fn paths_with_id(&self, id: &str) -> impl Iterator<Item = &str> {
        self.ids.get(id).into_iter().flat_map(PathsOf::iter)
    }

    /// How many articles use an unknown capitalised name (or a longer spelling of a known
    /// one).
    pub fn unknown_name_articles(&self, name: &str) -> usize {
        self.unknown_names.get(name).copied().unwrap_or(0)
    }

    /// Unknown names used in at least `min_articles` articles, most used first.
    pub fn frequent_unknown_names(&self, min_articles: usize) -> Vec<(&str, usize)> {
        let mut names: Vec<(&str, usize)> = self
            .unknown_names
            .iter()
            .filter(|(_, count)| **count >= min_articles)
            .map(|(name, count)| (name.as_str(), *count))
            .collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        names
    }

    /// The paths of the articles that give this URL.
    pub fn paths_with_url(&self, url: &str) -> impl Iterator<Item = &str> {
        self.urls.get(url).into_iter().flat_map(PathsOf::iter)
    }

    fn put_registry(&mut self, path: &str, text: Arc<str>) {
        let previous = self.registries.get(path).cloned();
        let file = RegistryFile::new(path, text, previous.as_deref());
        self.registries.insert(path.to_string(), Arc::new(file));
    }

    fn rebuild_actors(&mut self) {
        self.note_shared_change();
        self.settings_change = next_change();
        self.actor_stats_memo = Default::default();
        let paths: Vec<&String> = self.registries.keys().collect();
        let parsed: Vec<&actors::Registry> =
            self.registries.values().map(|file| file.in_use()).collect();
        // The first definition of an id wins; later ones are reported by the cross check.
        let entries: Vec<ActorEntry> = actors::merged_actors(&parsed)
            .into_iter()
            .map(|(registry, actor)| ActorEntry {
                actor: actor.clone(),
                registry: paths[registry].clone(),
            })
            .collect();
        let listed: Vec<&Actor> = entries.iter().map(|entry| &*entry.actor).collect();
        self.matcher = Arc::new(AliasMatcher::from_actors(&listed));
        let mut cross: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for (registry, diagnostic) in actors::cross_check(&parsed) {
            if let Some(path) = paths.get(registry) {
                cross.entry((*path).clone()).or_default().push(diagnostic);
            }
        }
        self.registry_cross_diagnostics = cross;
        self.actors = Arc::new(entries);
    }

    fn reanalyze_all(&mut self) {
        // Its analyses were made for the settings and registries before.
        self.pending_source = None;
        let files: Vec<Arc<ArticleFile>> = self.articles.values().cloned().collect();
        let analyzer = self.analyzer();
        // Analysed whole now, since it is analysed anyway; but not past the limit, where a
        // server keeps mentions only.
        let pending_retention = match self.over_claims_limit() {
            Some(_) => Retention::Mentions,
            None => Retention::Index,
        };
        // A text let go of is read again as it is now; one that cannot be read any more
        // leaves the corpus (its mentions would point at actors that moved).
        let analysed: Vec<Result<ArticleFile, &str>> = files
            .par_iter()
            .map(|file| match self.current_text(file) {
                Some(text) if file.is_pending() => {
                    Ok(analyzer.analyze(&file.path, text, pending_retention))
                }
                Some(text) => Ok(analyzer.analyze(&file.path, text, file.retention)),
                None => Err(file.path.as_str()),
            })
            .collect();
        let mut gone = Vec::new();
        self.mentioned_in.begin_batch();
        for file in analysed {
            match file {
                Ok(file) => self.insert_article(file),
                Err(path) => gone.push(path.to_string()),
            }
        }
        self.mentioned_in.end_batch();
        for path in gone {
            self.remove_article(&path);
        }
        // Every article was analysed again, and holds all of its analysis.
        self.left_out_source = None;
    }

    pub fn articles(&self) -> impl Iterator<Item = &Arc<ArticleFile>> {
        self.articles.values()
    }

    /// The whole analysis of the article at `path`: the one kept, or, when only part of
    /// it is kept ([`Retention`]), one made again from its text (the last few are kept
    /// until the article changes). For what the index keeps of every article, see
    /// [`Corpus::indexed_article`], which never analyses.
    pub fn article(&self, path: &str) -> Option<Arc<ArticleFile>> {
        let kept = self.articles.get(path)?;
        if kept.is_whole() {
            return Some(kept.clone());
        }
        let mut made = self
            .whole_on_demand
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = made.iter().position(|(shed, _)| Arc::ptr_eq(shed, kept)) {
            let entry = made.remove(at);
            let whole = entry.1.clone();
            made.push(entry);
            return Some(whole);
        }
        // The text as it is now: what the editor would show if it opened the file.
        let whole = Arc::new(analysis::analyze_article(
            path,
            self.current_text(kept)?,
            &self.config,
            &self.matcher,
            self.today,
        ));
        // Entries of versions the corpus no longer keeps are of no use to anyone.
        made.retain(|(shed, _)| Arc::strong_count(shed) > 1);
        const MADE_KEPT: usize = 4;
        if made.len() >= MADE_KEPT {
            made.remove(0);
        }
        made.push((kept.clone(), whole.clone()));
        Some(whole)
    }

    /// What the corpus keeps of the article at `path`: whole when an editor has it open or
    /// the retention is [`Retention::Everything`]; otherwise the text, header, citations,
    /// diagnostics, actor mentions and dated claims (see [`Retention`]).
    pub fn indexed_article(&self, path: &str) -> Option<&Arc<ArticleFile>> {
        self.articles.get(path)
    }

    pub fn registries(&self) -> impl Iterator<Item = &Arc<RegistryFile>> {
        self.registries.values()
    }

    pub fn registry(&self, path: &str) -> Option<&Arc<RegistryFile>> {
        self.registries.get(path)
    }

    pub fn config_file(&self) -> Option<(&str, &str)> {
        self.config_file
            .as_ref()
            .map(|(path, text)| (path.as_str(), &**text))
    }

    /// Every actor of every registry in use, in registry order; mentions refer to them by
    /// index.
    pub fn actors(&self) -> &[ActorEntry] {
        &self.actors
    }

    /// The matcher of every actor's forms (as written and generated), to say how a
    /// mention was found.
    pub fn matcher(&self) -> &AliasMatcher {
        &self.matcher
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors
            .iter()
            .position(|entry| entry.actor.id.value == id)
    }

    /// The article whose id (header `Id`, or the file name) is `id`.
    pub fn article_by_id(&self, id: &str) -> Option<&Arc<ArticleFile>> {
        let path = self.ids.get(id)?.iter().next()?;
        self.articles.get(path)
    }

    /// Every mention of an actor across the corpus, by path, in path and text order.
    ///
    /// Reaching an article's record, then its mentions, are two reads from memory that
    /// nothing else has touched (the top actor of the 100,000-article bench corpus is in
    /// 50,000 articles). Done a block of articles at a time, each step for the whole block
    /// before the next, the reads of a block do not depend on each other and wait for
    /// memory together instead of one after another: a quarter less time for that actor.
    pub fn mentions_of(&self, actor: usize) -> Vec<(&Arc<ArticleFile>, FileMention)> {
        const BLOCK: usize = 16;
        let entries: Vec<(&Arc<ArticleFile>, usize, usize)> =
            self.mentioned_in.articles_of(actor).collect();
        let mut found = Vec::with_capacity(entries.iter().map(|&(_, count, _)| count).sum());
        for block in entries.chunks(BLOCK) {
            // The index knows where the first is and how many there are.
            let mut from_first: [&[FileMention]; BLOCK] = [&[]; BLOCK];
            for (mentions, &(file, _, first)) in from_first.iter_mut().zip(block) {
                *mentions = file.mentions.get(first..).unwrap_or_default();
            }
            let mut firsts: [Option<FileMention>; BLOCK] = [None; BLOCK];
            for (first, mentions) in firsts.iter_mut().zip(&from_first) {
                *first = mentions.first().copied();
            }
            for ((&(file, count, _), mentions), first) in block.iter().zip(&from_first).zip(firsts)
            {
                let Some(first) = first else {
                    continue;
                };
                let all = std::iter::once(first).chain(mentions.iter().skip(1).copied());
                let of_actor = all.filter(|mention| mention.actor() == actor);
                found.extend(of_actor.take(count).map(|mention| (file, mention)));
            }
        }
        found
    }

    /// How often each article that mentions an actor does, with the article's date and
    /// source, in path order.
    fn mention_summaries(&self, actor: usize) -> impl Iterator<Item = actor_index::Summary<'_>> {
        self.mentioned_in.summaries_of(actor)
    }

    /// The articles that mention an actor, in path order, with how many times each does.
    pub fn articles_mentioning(
        &self,
        actor: usize,
    ) -> impl Iterator<Item = (&Arc<ArticleFile>, usize)> {
        self.mentioned_in
            .articles_of(actor)
            .map(|(file, count, _)| (file, count))
    }

    /// Every citation of the article with id `id`: the citing file and the cited id's range.
    pub fn citations_of(&self, id: &str) -> Vec<(&Arc<ArticleFile>, crate::text::TextRange)> {
        self.articles
            .values()
            .flat_map(|file| {
                file.article
                    .citations
                    .iter()
                    .flat_map(|citation| citation.ids.iter())
                    .filter(move |cited| *cited.id == *id)
                    .map(move |cited| (file, cited.range))
            })
            .collect()
    }

    /// All diagnostics of one file: its own, and those that need the rest of the corpus
    /// (unknown citations, duplicate ids and URLs, registry conflicts).
    pub fn diagnostics(&self, path: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        if let Some(file) = self.articles.get(path) {
            diagnostics.extend(self.own_diagnostics_of(file));
            diagnostics.extend(cross::article_diagnostics(self, file));
        } else if let Some(file) = self.registries.get(path) {
            diagnostics.extend(file.registry.diagnostics.iter().cloned());
            if let Some(cross) = self.registry_cross_diagnostics.get(path) {
                diagnostics.extend(cross.iter().cloned());
            }
        } else if self
            .config_file
            .as_ref()
            .is_some_and(|(config_path, _)| config_path == path)
        {
            diagnostics.extend(self.config_diagnostics.iter().cloned());
        }
        diagnostics.sort_by_key(|diagnostic| (diagnostic.range.start, diagnostic.range.end));
        diagnostics
    }

    /// The paths of every file with diagnostics to report, in order.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .config_file
            .iter()
            .map(|(path, _)| path.clone())
            .chain(self.registries.keys().cloned())
            .chain(self.articles.keys().cloned())
            .collect();
        paths.sort();
        paths
    }

    /// The text of any file the corpus holds: registries, the configuration, and articles
    /// whose text it keeps (every article but those a corpus with a [`TextSource`] keeps
    /// for the index: see [`Corpus::text_of`]).
    pub fn text(&self, path: &str) -> Option<&str> {
        if let Some(file) = self.articles.get(path) {
            return Some(&file.text);
        }
        if let Some(file) = self.registries.get(path) {
            return Some(&file.text);
        }
        self.config_file
            .as_ref()
            .filter(|(config_path, _)| config_path == path)
            .map(|(_, text)| &**text)
    }
}

/// For measuring memory only (`examples/memory_breakdown.rs`): each index map of the
/// corpus by name, with a function that makes a deep copy of it and drops it. The caller's
/// allocator counts what the copy allocates, which is what the map holds apart from the
/// files, sources and actors it shares through `Arc`s (hash maps copy with their
/// capacity; vectors with their length).
#[doc(hidden)]
impl Corpus {
    pub fn measure_indexes(&self, measure: &mut dyn FnMut(&'static str, &dyn Fn())) {
        measure("articles: map by path, with the paths", &|| {
            drop(self.articles.clone())
        });
        measure("ids: id -> paths", &|| drop(self.ids.clone()));
        measure("urls: URL -> paths", &|| drop(self.urls.clone()));
        measure("unknown_names: name -> count", &|| {
            drop(self.unknown_names.clone())
        });
        self.mentioned_in.measure(measure);
        measure("sources: the set (strings shared)", &|| {
            drop(self.sources.clone())
        });
        measure("sources: the strings", &|| {
            let copies: Vec<Box<str>> = self.sources.iter().map(|s| Box::from(&**s)).collect();
            drop(copies)
        });
        measure("taken_at: path -> change", &|| drop(self.taken_at.clone()));
        measure("skipped, cross-registry diagnostics", &|| {
            drop((
                self.skipped.clone(),
                self.registry_cross_diagnostics.clone(),
            ))
        });
    }
}

/// Articles letting go of their packed claims and diagnostics a part at a time
/// ([`Corpus::begin_leaving_packed_out`]).
#[derive(Default)]
pub struct LeavingPackedOut {
    /// The articles as written, not yet looked at (taken from the end).
    written: Vec<Arc<ArticleFile>>,
    left_out: usize,
}

impl LeavingPackedOut {
    /// How many articles have let go of them so far.
    pub fn left_out(&self) -> usize {
        self.left_out
    }
}

#[cfg(test)]
mod tests;
