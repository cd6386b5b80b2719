//! The workspace: its folders indexed off the async threads with progress reports, file
//! watchers registered and their events applied, the editor's settings pulled and
//! applied, and folders added and removed.

use super::server::Backend;
use super::state::{self, lock, Root, State};
use crate::config::Overrides;
use crate::ide::limits::{thousands, LoadNotice};
use crate::{cache, loader};
use std::path::PathBuf;
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Bounded, NotCancellable, OngoingProgress, UriExt};

impl Backend {
    /// Reads the editor's `dateline` settings and applies them to every corpus.
    pub(super) async fn pull_configuration(&self) {
        if !self.supports().configuration {
            return;
        }
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("dateline".to_string()),
        }];
        let Ok(values) = self.client.configuration(items).await else {
            return;
        };
        let overrides = values
            .into_iter()
            .next()
            .and_then(|value| serde_json::from_value::<Overrides>(value).ok())
            .unwrap_or_default();
        let _ = self
            .with_state(move |state| apply_overrides(state, overrides))
            .await;
    }

    /// Indexes every workspace folder off the async threads, reporting progress.
    pub(super) async fn index_workspace(&self) {
        let (dirs, overrides) = {
            let state = lock(&self.state);
            let dirs: Vec<PathBuf> = state
                .roots
                .iter()
                .filter_map(|root| root.dir.clone())
                .collect();
            (dirs, state.overrides.clone())
        };
        let token = NumberOrString::String("dateline/indexing".to_string());
        let progress = self.begin_progress(token, "Indexing").await;
        // Settings and registries at once (a few small files), so that open documents get
        // their mentions while the articles are still being read: beside the load, not
        // before it (a warm start of 10,000 articles waited a fifth of its time for them).
        // Awaited before a loaded corpus is installed: it would load them into that one.
        let mut settings = Some({
            let state = self.state.clone();
            let dirs = dirs.clone();
            tokio::task::spawn_blocking(move || {
                let mut state = lock(&state);
                for root in state.roots.iter_mut() {
                    if let Some(dir) = root.dir.clone().filter(|dir| dirs.contains(dir)) {
                        loader::load_settings(&dir, &mut root.corpus);
                    }
                }
            })
        });
        let mut writes_after_pending = Vec::new();
        // Folders whose articles are past `[server] claims-limit-mb`: no second pass.
        let mut over_limit: Vec<PathBuf> = Vec::new();
        for dir in &dirs {
            let (sender, mut receiver) =
                tokio::sync::mpsc::unbounded_channel::<loader::LoadProgress>();
            let overrides = overrides.clone();
            let load_dir = dir.clone();
            let job = tokio::task::spawn_blocking(move || {
                let mut corpus = state::server_corpus(Some(&load_dir));
                corpus.set_overrides(overrides);
                let outcome = cache::load_corpus_cached(&load_dir, &mut corpus, |progress| {
                    let (done, total) = progress.counts();
                    if done % 250 == 0 || done == total {
                        let _ = sender.send(progress);
                    }
                });
                let notice = LoadNotice::of(&corpus);
                // Taken before the corpus is installed, so before open documents put
                // their unsaved texts in it; after the second pass when there is one
                // (a cache holds whole analyses only: none when the second pass is not
                // made).
                let write_back = match &outcome.file {
                    _ if notice.over_limit.is_some() => None,
                    Some(file) if outcome.worth_writing() => Some(if corpus.pending_count() == 0 {
                        CacheWrite::Now(file.clone(), cache::Snapshot::of(&corpus))
                    } else {
                        CacheWrite::AfterPending(file.clone())
                    }),
                    // The second pass may find whole analyses damaged in the file.
                    Some(file) if corpus.pending_count() > 0 => Some(CacheWrite::IfDamaged(
                        file.clone(),
                        outcome.damaged_wholes.clone(),
                    )),
                    _ => None,
                };
                // Only the snapshot needs them.
                if !matches!(
                    write_back,
                    Some(CacheWrite::AfterPending(_) | CacheWrite::IfDamaged(..))
                ) {
                    corpus.forget_disk_stamps();
                }
                (corpus, outcome, write_back, notice)
            });
            while let Some(stage) = receiver.recv().await {
                if let Some(progress) = &progress {
                    let (message, percentage) = indexing_report(stage);
                    progress.report_with_message(message, percentage).await;
                }
            }
            if let Some(settings) = settings.take() {
                let _ = settings.await;
            }
            match job.await {
                Ok((corpus, outcome, write_back, notice)) => {
                    lock(&self.state).install_corpus(dir, corpus);
                    self.log_cache(dir, &outcome).await;
                    if notice.over_limit.is_some() {
                        over_limit.push(dir.clone());
                    }
                    self.say_load_notice(dir, &notice).await;
                    match write_back {
                        Some(CacheWrite::Now(file, snapshot)) => {
                            self.write_cache(dir.clone(), file, snapshot)
                        }
                        Some(later) => writes_after_pending.push((dir.clone(), later)),
                        None => {}
                    }
                }
                Err(error) => {
                    self.client
                        .log_message(
                            MessageType::ERROR,
                            format!("dateline: indexing {} failed: {error}", dir.display()),
                        )
                        .await;
                }
            }
        }
        if let Some(settings) = settings.take() {
            let _ = settings.await;
        }
        if let Some(progress) = progress {
            progress.finish_with_message("Indexed").await;
        }
        // The configuration read may name other article files to watch.
        self.register_watchers().await;
        self.schedule_all_open();
        self.refresh_workspace_diagnostics().await;
        let to_complete: Vec<PathBuf> = dirs
            .iter()
            .filter(|dir| !over_limit.contains(dir))
            .cloned()
            .collect();
        if !over_limit.is_empty() {
            // The texts the first pass read and let go of, given back: no second pass will.
            tokio::task::spawn_blocking(super::memory::give_back_free_pages);
        }
        if self.complete_pending(&to_complete).await {
            self.schedule_all_open();
            self.refresh_workspace_diagnostics().await;
        }
        self.keep_actor_stats(dirs.clone());
        for (dir, later) in writes_after_pending {
            let file = match later {
                CacheWrite::AfterPending(file) => Some(file),
                CacheWrite::IfDamaged(file, damaged) => {
                    let damaged = damaged.load(std::sync::atomic::Ordering::Relaxed);
                    if damaged > 0 {
                        self.client
                            .log_message(
                                MessageType::WARNING,
                                format!(
                                    "dateline: cache: {damaged} cached analyses of {} did not check out and were made again from their texts; the cache is written again",
                                    dir.display()
                                ),
                            )
                            .await;
                    }
                    (damaged > 0).then_some(file)
                }
                // Written at once, never held for later.
                CacheWrite::Now(..) => None,
            };
            let snapshot = {
                let mut state = lock(&self.state);
                let root = state.root_of_dir(&dir).map(|index| &mut state.roots[index]);
                root.and_then(|root| {
                    let snapshot = file.is_some().then(|| cache::Snapshot::of(&root.corpus));
                    root.corpus.forget_disk_stamps();
                    snapshot
                })
            };
            if let (Some(file), Some(snapshot)) = (file, snapshot) {
                self.write_cache(dir, file, snapshot);
            }
        }
    }

    /// Works out the statistics of every actor of the folders `dirs` (what their hover
    /// cards and code lenses show) off the request path, a part under each hold of the
    /// state, stepping aside for requests (`Corpus::keep_actor_stats`).
    fn keep_actor_stats(&self, dirs: Vec<PathBuf>) {
        let state = self.state.clone();
        let activity = self.activity.clone();
        tokio::task::spawn_blocking(move || {
            for dir in dirs {
                let mut from = 0;
                in_parts(&state, &activity, &dir, |corpus| {
                    match corpus.keep_actor_stats(from, STATS_KEPT_TOGETHER) {
                        Some(next) => {
                            from = next;
                            true
                        }
                        None => false,
                    }
                });
            }
        });
    }

    /// Begins a progress report under `token` with `message`, if the editor shows them.
    async fn begin_progress(
        &self,
        token: NumberOrString,
        message: &str,
    ) -> Option<OngoingProgress<Bounded, NotCancellable>> {
        let created = self.supports().progress
            && self
                .client
                .send_request::<request::WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                    token: token.clone(),
                })
                .await
                .is_ok();
        if !created {
            return None;
        }
        Some(
            self.client
                .progress(token, "dateline")
                .with_message(message)
                .with_percentage(0)
                .begin()
                .await,
        )
    }

    /// Writes the cache file `file` of the folder `dir` from `snapshot`, off the request
    /// path and not awaited, once the editor pauses ([`cache_write_wait`]): a later full
    /// index writes it again. Changes seen after the snapshot (file watchers, edits) are
    /// not written: the next start re-analyses those files. Once written, the articles
    /// still as they were written let go of their packed claims and diagnostics, which
    /// the file holds (`Corpus::leave_packed_out`).
    fn write_cache(&self, dir: PathBuf, file: PathBuf, snapshot: cache::Snapshot) {
        let client = self.client.clone();
        let activity = self.activity.clone();
        let state = self.state.clone();
        tokio::spawn(async move {
            // Once the editor pauses (requests, changes and the diagnostics they start):
            // encoding and writing the analyses of 100,000 articles (640 MB) takes seconds,
            // and requests answered meanwhile took up to five times as long (the
            // references of the top actor, 0.1 s, up to half a second).
            let waiting_since = std::time::Instant::now();
            while let Some(wait) = cache_write_wait(activity.quiet_for(), waiting_since.elapsed()) {
                tokio::time::sleep(wait).await;
            }
            let shown = file.display().to_string();
            let written = tokio::task::spawn_blocking(move || {
                // Once begun, the write steps aside again whenever the editor is busy:
                // requests that came during a 100,000-article write took up to twice as
                // long (references of the top actor at 100k: p99 140 ms, against 75).
                let mut paused = std::time::Duration::ZERO;
                let written = cache::save_yielding(&file, &snapshot, &mut || {
                    while let Some(wait) = cache_write_pause(activity.quiet_for(), paused) {
                        std::thread::sleep(wait);
                        paused += wait;
                    }
                })?;
                // A part at a time, the state let go of between parts: at 100,000
                // articles, all at once held it for a third of a second, and a request
                // that came then waited as long.
                let (source, written) = written.to_leave_out(snapshot);
                let begun = {
                    let mut state = lock(&state);
                    let root = state.root_of_dir(&dir).map(|index| &mut state.roots[index]);
                    root.map(|root| root.corpus.begin_leaving_packed_out(source, written))
                };
                let mut left_out = 0;
                if let Some(mut leaving) = begun {
                    in_parts(&state, &activity, &dir, |corpus| {
                        corpus.leave_packed_out_part(&mut leaving, LEFT_OUT_TOGETHER)
                    });
                    left_out = leaving.left_out();
                }
                if left_out > 0 {
                    super::memory::give_back_free_pages();
                }
                Ok::<usize, std::io::Error>(left_out)
            })
            .await;
            let error = match written {
                Ok(Ok(0)) => return,
                Ok(Ok(left_out)) => {
                    let message = format!(
                        "dateline: cache {shown} written; the claims of {left_out} unopened articles are read from it"
                    );
                    client.log_message(MessageType::INFO, message).await;
                    return;
                }
                Ok(Err(error)) => error.to_string(),
                Err(error) => error.to_string(),
            };
            let message = format!("dateline: cache {shown} not written: {error}");
            client.log_message(MessageType::WARNING, message).await;
        });
    }

    /// The second pass of a cold or warm start: the articles of the folders `dirs` of which
    /// only the mentions were found or decoded (`corpus::Retention::Mentions`, so that
    /// references and definitions were complete in a fraction of the time) analysed whole
    /// or taken whole from the cache, off the async threads, and taken in a few batches
    /// under each short hold of the state ([`BATCHES_TAKEN_IN_TOGETHER`]), with its own
    /// progress ("Analysing claims"). Returns whether any article was pending.
    async fn complete_pending(&self, dirs: &[PathBuf]) -> bool {
        /// Analyses handed over together from the threads that make them.
        const HANDED_OVER_TOGETHER: usize = 16;
        let total: usize = {
            let state = lock(&self.state);
            dirs.iter()
                .filter_map(|dir| state.root_of_dir(dir))
                .map(|index| state.roots[index].corpus.pending_count())
                .sum()
        };
        if total == 0 {
            return false;
        }
        let token = NumberOrString::String("dateline/analysing".to_string());
        let progress = self.begin_progress(token, "Analysing claims").await;
        let mut done = 0;
        let mut reported = 0;
        for dir in dirs {
            let pending = {
                let mut state = lock(&self.state);
                state
                    .root_of_dir(dir)
                    .and_then(|index| state.roots[index].corpus.take_pending(usize::MAX))
            };
            let Some(pending) = pending else {
                continue;
            };
            let (sender, analysed) = std::sync::mpsc::channel();
            let job = tokio::task::spawn_blocking(move || {
                pending.analyse_each(HANDED_OVER_TOGETHER, |batch| {
                    let _ = sender.send(batch);
                });
            });
            // Taken in on a thread of its own, not in this handler: every handler runs in
            // the one task that serves the editor's messages, and while this one took in
            // what had come meanwhile, no request was even begun. A warm start's
            // analyses, decoded from the cache faster than they were taken in, piled up,
            // and a hover waited 2.4 s for the last pile at 100,000 articles.
            let (counted, mut taken_in) = tokio::sync::mpsc::unbounded_channel();
            let taker = {
                let state = self.state.clone();
                let activity = self.activity.clone();
                let dir = dir.clone();
                // A few batches under each hold of the state, stepping aside for
                // requests between holds.
                tokio::task::spawn_blocking(move || {
                    take_as_it_comes(&analysed, BATCHES_TAKEN_IN_TOGETHER, |batches| {
                        let mut count = 0;
                        {
                            let mut state = lock(&state);
                            if let Some(index) = state.root_of_dir(&dir) {
                                for batch in batches {
                                    count += batch.len();
                                    state.roots[index].corpus.complete(batch);
                                }
                            }
                        }
                        let _ = counted.send(count);
                        step_aside_for_requests(&activity);
                    });
                })
            };
            while let Some(count) = taken_in.recv().await {
                done += count;
                if let Some(progress) = progress.as_ref().filter(|_| done >= reported + 250) {
                    reported = done;
                    let message = format!(
                        "Analysing claims: {}/{} articles",
                        thousands(done.min(total)),
                        thousands(total)
                    );
                    let percentage = (done.min(total) * 100 / total.max(1)) as u32;
                    progress.report_with_message(message, percentage).await;
                }
            }
            let _ = taker.await;
            let _ = job.await;
        }
        if let Some(progress) = progress {
            progress.finish_with_message("Analysed").await;
        }
        // The whole analyses were shed to what the index keeps as they were taken in. Off
        // the async threads: it walks every arena.
        tokio::task::spawn_blocking(super::memory::give_back_free_pages);
        true
    }

    /// Says, in the log and in a message the editor shows, what of the folder `dir` is not
    /// served as usual: files not taken in, and the claims of unopened articles not
    /// analysed past the limit. Never silently.
    async fn say_load_notice(&self, dir: &std::path::Path, notice: &LoadNotice) {
        let said = notice.said(&dir.display().to_string());
        for line in said.log {
            self.client.log_message(MessageType::WARNING, line).await;
        }
        if let Some(shown) = said.shown {
            self.client.show_message(MessageType::WARNING, shown).await;
        }
    }

    /// Logs what the warm-start cache gave for the folder `dir`: how many articles it
    /// gave, and why a cache that was there was ignored.
    async fn log_cache(&self, dir: &std::path::Path, outcome: &cache::Outcome) {
        if let Some(line) = outcome.rejection() {
            self.client
                .log_message(MessageType::WARNING, format!("dateline: {line}"))
                .await;
        }
        let line = match &outcome.file {
            Some(_) => format!("dateline: {} ({})", outcome.summary(), dir.display()),
            None => "dateline: cache: no folder for caches (neither XDG_CACHE_HOME nor HOME is set); not used".to_string(),
        };
        self.client.log_message(MessageType::INFO, line).await;
    }

    /// Asks the editor to report changes to articles and settings on disk: the articles
    /// by the `include` globs of every corpus, so that the watchers follow the
    /// configuration (called again when it may have changed; registers anew only when
    /// the globs differ from those registered).
    pub(super) async fn register_watchers(&self) {
        if !self.supports().watcher_registration {
            return;
        }
        let (globs, previous) = {
            let mut state = lock(&self.state);
            let globs = watch_globs(
                state
                    .roots
                    .iter()
                    .flat_map(|root| root.corpus.config().include.iter()),
            );
            if globs == state.watched_globs {
                return;
            }
            let previous = std::mem::replace(&mut state.watched_globs, globs.clone());
            (globs, previous)
        };
        if !previous.is_empty() {
            let _ = self
                .client
                .unregister_capability(vec![Unregistration {
                    id: WATCHERS_ID.to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                }])
                .await;
        }
        let watchers = globs
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: WATCHERS_ID.to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        let _ = self.client.register_capability(vec![registration]).await;
    }
}

/// The id of the file watchers' registration, to replace it when `include` changes.
const WATCHERS_ID: &str = "dateline-watchers";

/// The watcher globs: the corpora's `include` globs (each matched against a file's name
/// or its path from the root, so anywhere under the folder: `**/` in front), then the
/// settings files. Each glob once, in order.
pub(super) fn watch_globs<'a>(includes: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut globs: Vec<String> = Vec::new();
    let articles = includes.map(|include| {
        let include = include.trim_start_matches('/');
        if include.starts_with("**/") {
            include.to_string()
        } else {
            format!("**/{include}")
        }
    });
    let settings = ["**/actors.toml", "**/dateline.toml", "**/*.toml"]
        .into_iter()
        .map(str::to_string);
    for glob in articles.chain(settings) {
        if !globs.contains(&glob) {
            globs.push(glob);
        }
    }
    globs
}

/// The editor's settings, for every corpus.
pub(super) fn apply_overrides(state: &mut State, overrides: Overrides) {
    for root in &mut state.roots {
        root.corpus.set_overrides(overrides.clone());
    }
    state.overrides = overrides;
}

/// From how many created or changed articles on, one batch of the watcher's events has
/// them read and analysed off the lock ([`Backend::take_in_changed_articles`]): a few are
/// taken in at once, as a single saved file is.
const CHANGED_APART_FROM: usize = 16;

/// From how many such articles on, taking them in is shown as progress.
const CHANGED_PROGRESS_FROM: usize = 500;

/// How many changed articles are read, analysed and taken in at a time: the lock is held
/// only to take in one such batch, and the texts of a branch switch are never all held.
const CHANGED_TOGETHER: usize = 256;

/// How many batches of the second pass's analyses are taken in under one hold of the
/// state (256 articles, about 1.3 ms on average when taken from a warm start's cache at
/// 100,000).
const BATCHES_TAKEN_IN_TOGETHER: usize = 16;

/// Hands what `received` brings to `take` as it comes: whatever has arrived, at most
/// `most` at a time, until every sender is gone.
fn take_as_it_comes<T>(
    received: &std::sync::mpsc::Receiver<T>,
    most: usize,
    mut take: impl FnMut(Vec<T>),
) {
    while let Ok(first) = received.recv() {
        let mut together = vec![first];
        while together.len() < most {
            match received.try_recv() {
                Ok(more) => together.push(more),
                Err(_) => break,
            }
        }
        take(together);
    }
}

/// Background work on the corpus of the folder `dir`, a part under each hold of the state
/// (`part` says whether any is left), stepping aside for requests between parts; it ends
/// early if the folder is removed meanwhile.
fn in_parts(
    state: &std::sync::Mutex<State>,
    activity: &super::server::Activity,
    dir: &std::path::Path,
    mut part: impl FnMut(&mut crate::corpus::Corpus) -> bool,
) {
    loop {
        let more = {
            let mut state = lock(state);
            let Some(index) = state.root_of_dir(dir) else {
                return;
            };
            part(&mut state.roots[index].corpus)
        };
        if !more {
            return;
        }
        step_aside_for_requests(activity);
    }
}

/// Between two holds of the state by background work: waits, briefly, while a request or
/// a diagnostics round is under way, so that it gets the state (a lock given up and taken
/// again at once most often goes back to the thread that gave it up).
fn step_aside_for_requests(activity: &super::server::Activity) {
    let mut waited = std::time::Duration::ZERO;
    while activity.quiet_for().is_zero() && waited < STEPS_ASIDE_AT_MOST {
        std::thread::sleep(STEP_ASIDE);
        waited += STEP_ASIDE;
    }
}

/// How long background work waits at a time for a request under way, and at most between
/// two holds of the state.
const STEP_ASIDE: std::time::Duration = std::time::Duration::from_micros(200);
const STEPS_ASIDE_AT_MOST: std::time::Duration = std::time::Duration::from_millis(20);

/// How many articles' worth of actor statistics are worked out under one hold of the state
/// (about 1 ms at 100,000 articles).
const STATS_KEPT_TOGETHER: usize = 20_000;

/// How many articles let go of their packed claims and diagnostics under one hold of the
/// state once a cache is written (about 2 ms at 100,000 articles).
const LEFT_OUT_TOGETHER: usize = 1000;

/// Articles created or changed on disk, to be read and analysed off the lock, by folder.
#[derive(Default)]
pub(super) struct DiskChanges {
    by_folder: Vec<(PathBuf, Vec<ChangedFile>)>,
}

/// An article file changed on disk: its path in its folder's corpus, on disk, and its URI.
struct ChangedFile {
    path: String,
    file: PathBuf,
    uri: Uri,
}

impl DiskChanges {
    fn push(&mut self, (dir, path, file): (PathBuf, String, PathBuf), uri: Uri) {
        let changed = ChangedFile { path, file, uri };
        match self.by_folder.iter_mut().find(|(held, _)| *held == dir) {
            Some((_, files)) => files.push(changed),
            None => self.by_folder.push((dir, vec![changed])),
        }
    }

    fn len(&self) -> usize {
        self.by_folder.iter().map(|(_, files)| files.len()).sum()
    }
}

/// Applies the watcher's events to the corpora: whether any changed, and the created or
/// changed articles left to [`Backend::take_in_changed_articles`] when there are many
/// (removals, settings and registries are applied at once, in the events' order; an
/// article read later is read as it is then, which is what the events lead to).
pub(super) fn apply_file_events(
    state: &mut State,
    events: Vec<FileEvent>,
) -> (bool, Option<DiskChanges>) {
    let events = classify_file_events(state, events);
    apply_classified_events(state, events)
}

/// Applies many events to the state behind `state` as [`apply_file_events`] does, but
/// finds which are unopened articles [`EVENTS_CLASSIFIED_TOGETHER`] at a time, the state
/// let go of between them: for the 10,000 events of a branch switch that took 0.1 s,
/// and every request waited. Meant for a blocking thread.
pub(super) fn apply_many_file_events(
    state: &std::sync::Mutex<State>,
    mut events: Vec<FileEvent>,
) -> (bool, Option<DiskChanges>) {
    let mut classified = Vec::with_capacity(events.len());
    while !events.is_empty() {
        let rest = events.split_off(events.len().min(EVENTS_CLASSIFIED_TOGETHER));
        classified.extend(classify_file_events(&lock(state), events));
        events = rest;
    }
    // An article opened meanwhile is left to the editor when it is taken in
    // (`take_in_changed_articles`), as one opened while it is analysed is.
    apply_classified_events(&mut lock(state), classified)
}

/// How many watched-file events are looked at under one hold of the state.
const EVENTS_CLASSIFIED_TOGETHER: usize = 1024;

/// An event, with the unopened article it created or changed, if it did (its folder, its
/// path in the corpus, its file: `State::unopened_article`).
type ClassifiedEvent = (FileEvent, Option<(PathBuf, String, PathBuf)>);

/// Each event, with the unopened article it created or changed, if it did.
fn classify_file_events(state: &State, events: Vec<FileEvent>) -> Vec<ClassifiedEvent> {
    events
        .into_iter()
        .map(|event| {
            let article = (event.typ != FileChangeType::DELETED)
                .then(|| state.unopened_article(&event.uri))
                .flatten();
            (event, article)
        })
        .collect()
}

fn apply_classified_events(
    state: &mut State,
    events: Vec<ClassifiedEvent>,
) -> (bool, Option<DiskChanges>) {
    let changed_articles = events
        .iter()
        .filter(|(_, article)| article.is_some())
        .count();
    let mut apart = (changed_articles >= CHANGED_APART_FROM).then(DiskChanges::default);
    let mut changed = false;
    // Removals one after the other are made together, before the next other event.
    let mut removed: Vec<Uri> = Vec::new();
    for (event, article) in events {
        if event.typ == FileChangeType::DELETED {
            removed.push(event.uri);
            continue;
        }
        if !removed.is_empty() {
            changed |= state.forget_many_from_disk(&std::mem::take(&mut removed));
        }
        match (apart.as_mut(), article) {
            (Some(apart), Some(article)) => apart.push(article, event.uri),
            _ => changed |= state.refresh_from_disk(&event.uri),
        }
    }
    if !removed.is_empty() {
        changed |= state.forget_many_from_disk(&removed);
    }
    (changed, apart)
}

impl Backend {
    /// Reads and analyses articles changed on disk off the async threads and without the
    /// lock, [`CHANGED_TOGETHER`] at a time on every core, each batch taken in under a
    /// short lock: requests are answered from the versions before meanwhile. An article
    /// that changed again, was opened, or whose settings changed in the meantime, and one
    /// that could not be read, is taken in as a single changed file is
    /// (`State::refresh_from_disk`), as it is on disk then. Whether any was taken in (not
    /// when the work failed: the folders are then indexed again, which publishes itself).
    pub(super) async fn take_in_changed_articles(&self, changes: DiskChanges) -> bool {
        let total = changes.len();
        let progress = if total >= CHANGED_PROGRESS_FROM {
            let token = NumberOrString::String("dateline/changes".to_string());
            let message = format!("Analysing {} changed articles", thousands(total));
            self.begin_progress(token, &message).await
        } else {
            None
        };
        let dirs: Vec<PathBuf> = changes
            .by_folder
            .iter()
            .map(|(dir, _)| dir.clone())
            .collect();
        let (sender, mut done) = tokio::sync::mpsc::unbounded_channel::<usize>();
        let state = self.state.clone();
        // Activity, as a change the editor makes is: the cache's write waits for its end.
        let busy = self.activity.busy();
        let job = tokio::task::spawn_blocking(move || {
            let _busy = busy;
            for (dir, files) in changes.by_folder {
                for batch in files.chunks(CHANGED_TOGETHER) {
                    take_in_batch(&state, &dir, batch);
                    let _ = sender.send(batch.len());
                }
            }
        });
        let mut taken = 0;
        while let Some(count) = done.recv().await {
            taken += count;
            if let Some(progress) = &progress {
                let message = format!(
                    "Analysing changed articles: {}/{}",
                    thousands(taken),
                    thousands(total)
                );
                let percentage = (taken * 100 / total.max(1)) as u32;
                progress.report_with_message(message, percentage).await;
            }
        }
        let finished = job.await;
        if let Some(progress) = progress {
            progress.finish_with_message("Analysed").await;
        }
        if let Err(error) = finished {
            let what = format!("analysing {total} articles changed on disk");
            self.index_again_after(what, error).await;
            // Indexing again published and refreshed what it changed.
            return false;
        }
        // A branch switch changes what the corpus knows of most actors.
        self.keep_actor_stats(dirs);
        total > 0
    }
}

/// Reads, analyses and takes in one batch of articles changed on disk in the folder `dir`
/// (see [`Backend::take_in_changed_articles`]).
fn take_in_batch(state: &std::sync::Mutex<State>, dir: &std::path::Path, batch: &[ChangedFile]) {
    let prepared = {
        let state = lock(state);
        let Some(index) = state.root_of_dir(dir) else {
            return;
        };
        let paths = batch.iter().map(|changed| changed.path.clone()).collect();
        state.roots[index].corpus.prepare_changes(paths)
    };
    let by_path: std::collections::HashMap<&str, &ChangedFile> = batch
        .iter()
        .map(|changed| (changed.path.as_str(), changed))
        .collect();
    let folder = loader::DiskTexts::new(dir);
    let analysed = prepared.analyse(|path| {
        let changed = by_path.get(path)?;
        folder.read_within(&changed.file).ok()
    });
    let mut state = lock(state);
    let Some(index) = state.root_of_dir(dir) else {
        return;
    };
    // Not taken (changed again, opened, settings changed) or not read (gone, unreadable,
    // not text): taken in as a single changed file is, which also says why one is skipped.
    let again = state.roots[index].corpus.take_changes(analysed);
    for path in again {
        if let Some(changed) = by_path.get(path.as_str()) {
            state.refresh_from_disk(&changed.uri);
        }
    }
}

/// Drops the roots of removed folders and adds empty ones for added folders (indexed next).
pub(super) fn change_folders(state: &mut State, event: WorkspaceFoldersChangeEvent) {
    for removed in event.removed {
        if let Some(path) = removed.uri.to_file_path() {
            state
                .roots
                .retain(|root| root.dir.as_deref() != Some(&*path));
        }
    }
    for added in event.added {
        if let Some(path) = added.uri.to_file_path() {
            let corpus = state::server_corpus(Some(&path));
            state.roots.push(Root::new(Some(path.into_owned()), corpus));
        }
    }
}

/// What the indexing progress says at a stage of a load, and how far along it is: reading
/// (the cache, and the files a warm start reads to compare) is the first tenth of the
/// work, analysing the rest (a cold start reads each article as it analyses it).
fn indexing_report(stage: loader::LoadProgress) -> (String, u32) {
    let share = |done: usize, total: usize, of: usize| done.min(total) * of / total.max(1);
    match stage {
        loader::LoadProgress::Read { done, total } => (
            format!("Reading {}/{} files", thousands(done), thousands(total)),
            share(done, total, 10) as u32,
        ),
        loader::LoadProgress::Analysed { done, total } => (
            format!(
                "Analysing {}/{} articles",
                thousands(done),
                thousands(total)
            ),
            10 + share(done, total, 90) as u32,
        ),
    }
}

/// When a folder's cache is written after indexing.
enum CacheWrite {
    /// From the snapshot taken when the folder was loaded (once the editor pauses).
    Now(PathBuf, cache::Snapshot),
    /// Once the second pass has analysed the articles of which only mentions were found.
    AfterPending(PathBuf),
    /// After the second pass of a warm start, only if it found whole analyses damaged in
    /// the cache file (made again from their texts): the cache is then rebuilt, not left
    /// to be found damaged at every start. The count is the load's
    /// (`cache::Outcome::damaged_wholes`), which that pass adds to.
    IfDamaged(PathBuf, std::sync::Arc<std::sync::atomic::AtomicUsize>),
}

/// How long the editor must have paused before the warm-start cache is written.
const CACHE_WRITE_QUIET: std::time::Duration = std::time::Duration::from_millis(1500);
/// How long the write waits for such a pause at most: an editor that never pauses still
/// gets its cache.
const CACHE_WRITE_LONGEST: std::time::Duration = std::time::Duration::from_secs(60);

/// How long the editor must have paused for a write under way to go on.
const CACHE_WRITE_RESUME_QUIET: std::time::Duration = std::time::Duration::from_millis(300);
/// How long a write under way steps aside at most, in all: a write is not held back for
/// ever by an editor that never pauses (its snapshot holds analyses the corpus replaced).
const CACHE_WRITE_LONGEST_PAUSE: std::time::Duration = std::time::Duration::from_secs(60);

/// How long a write under way waits before its next block of analyses, when the editor
/// has paused for `quiet_for` and the write has stepped aside for `paused` so far:
/// `None` when it goes on (the editor paused [`CACHE_WRITE_RESUME_QUIET`], or the write
/// stepped aside [`CACHE_WRITE_LONGEST_PAUSE`]). Waits are short, so that it resumes
/// soon after the editor pauses.
fn cache_write_pause(
    quiet_for: std::time::Duration,
    paused: std::time::Duration,
) -> Option<std::time::Duration> {
    let wait = wait_for_pause(
        quiet_for,
        CACHE_WRITE_RESUME_QUIET,
        paused,
        CACHE_WRITE_LONGEST_PAUSE,
    )?;
    Some(wait.min(std::time::Duration::from_millis(50)))
}

/// How much longer the cache's write waits, when the editor has paused for `quiet_for` and
/// it has waited `waited`: until it has paused for [`CACHE_WRITE_QUIET`], or the write has
/// waited [`CACHE_WRITE_LONGEST`]; `None` when it is time to write.
fn cache_write_wait(
    quiet_for: std::time::Duration,
    waited: std::time::Duration,
) -> Option<std::time::Duration> {
    wait_for_pause(quiet_for, CACHE_WRITE_QUIET, waited, CACHE_WRITE_LONGEST)
}

/// How much longer to wait for the editor to have paused for `needed`, when it has paused
/// for `quiet_for` and the wait has lasted `waited` of at most `longest`; `None` when the
/// wait is over.
fn wait_for_pause(
    quiet_for: std::time::Duration,
    needed: std::time::Duration,
    waited: std::time::Duration,
    longest: std::time::Duration,
) -> Option<std::time::Duration> {
    if quiet_for >= needed || waited >= longest {
        return None;
    }
    Some((needed - quiet_for).min(longest - waited))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Work counts as activity from its beginning to its end, however long it takes: the
    /// cache's write never starts in the middle of a long request or diagnostics round.
    #[test]
    fn work_under_way_is_activity_until_it_ends() {
        use super::super::server::Activity;
        let long_ago = std::time::Instant::now()
            .checked_sub(CACHE_WRITE_QUIET * 2)
            .expect("the monotonic clock has run for seconds");
        let activity = std::sync::Arc::new(Activity::started_at(long_ago));
        let quiet = activity.quiet_for();
        assert!(quiet >= CACHE_WRITE_QUIET, "{quiet:?}");
        let request = activity.busy();
        let round = activity.busy();
        assert_eq!(activity.quiet_for(), Duration::ZERO);
        drop(request);
        assert_eq!(
            activity.quiet_for(),
            Duration::ZERO,
            "a round still under way"
        );
        drop(round);
        // Counted from the end of the last work, not from long ago.
        assert!(activity.quiet_for() < quiet);
    }

    #[test]
    fn a_write_under_way_steps_aside_while_the_editor_is_busy_but_not_for_ever() {
        let ms = Duration::from_millis;
        // Busy (or just done): wait a short step, then ask again.
        assert_eq!(cache_write_pause(ms(0), ms(0)), Some(ms(50)));
        assert_eq!(
            cache_write_pause(CACHE_WRITE_RESUME_QUIET - ms(20), ms(0)),
            Some(ms(20))
        );
        // Paused long enough: go on.
        assert_eq!(cache_write_pause(CACHE_WRITE_RESUME_QUIET, ms(0)), None);
        // Stepped aside long enough in all: go on whatever the editor does.
        assert_eq!(
            cache_write_pause(ms(0), CACHE_WRITE_LONGEST_PAUSE - ms(10)),
            Some(ms(10))
        );
        assert_eq!(cache_write_pause(ms(0), CACHE_WRITE_LONGEST_PAUSE), None);
        // The waits of a write held back by a busy editor add up to the longest pause.
        let mut paused = Duration::ZERO;
        let mut waits = 0;
        while let Some(wait) = cache_write_pause(ms(0), paused) {
            paused += wait;
            waits += 1;
        }
        assert_eq!(paused, CACHE_WRITE_LONGEST_PAUSE);
        assert_eq!(waits, CACHE_WRITE_LONGEST_PAUSE.as_millis() / 50);
    }

    #[test]
    fn the_cache_is_written_once_requests_pause_or_it_has_waited_long_enough() {
        let ms = Duration::from_millis;
        // Requests have just come: wait the whole pause, then ask again.
        assert_eq!(cache_write_wait(ms(0), ms(0)), Some(CACHE_WRITE_QUIET));
        assert_eq!(
            cache_write_wait(ms(500), ms(0)),
            Some(CACHE_WRITE_QUIET - ms(500))
        );
        // Paused long enough: now.
        assert_eq!(cache_write_wait(CACHE_WRITE_QUIET, ms(0)), None);
        assert_eq!(cache_write_wait(ms(10_000), ms(10_000)), None);
        // Never paused: no longer than the longest wait.
        assert_eq!(
            cache_write_wait(ms(0), CACHE_WRITE_LONGEST - ms(200)),
            Some(ms(200))
        );
        assert_eq!(cache_write_wait(ms(0), CACHE_WRITE_LONGEST), None);
    }

    #[test]
    fn what_comes_is_taken_a_few_at_a_time_and_all_of_it() {
        let (sender, received) = std::sync::mpsc::channel();
        for item in 0..40 {
            sender.send(item).expect("receiver alive");
        }
        drop(sender);
        let mut taken = Vec::new();
        take_as_it_comes(&received, 16, |together| taken.push(together));
        let sizes: Vec<usize> = taken.iter().map(Vec::len).collect();
        assert_eq!(sizes, [16, 16, 8]);
        assert_eq!(taken.concat(), (0..40).collect::<Vec<_>>());
    }

    #[test]
    fn the_watchers_follow_the_include_globs() {
        let includes = [
            "*.article".to_string(),
            "*.md".to_string(),
            "notes/*.md".to_string(),
            "**/*.article".to_string(),
        ];
        assert_eq!(
            watch_globs(includes.iter()),
            [
                "**/*.article",
                "**/*.md",
                "**/notes/*.md",
                "**/actors.toml",
                "**/dateline.toml",
                "**/*.toml"
            ]
        );
    }

    #[test]
    fn indexing_progress_gives_reading_the_first_tenth_and_analysing_the_rest() {
        use loader::LoadProgress::{Analysed, Read};
        let report = |stage| indexing_report(stage);
        assert_eq!(
            report(Read { done: 0, total: 0 }),
            ("Reading 0/0 files".into(), 0)
        );
        assert_eq!(
            report(Read {
                done: 5_000,
                total: 10_002
            }),
            ("Reading 5,000/10,002 files".into(), 4)
        );
        assert_eq!(
            report(Read {
                done: 10_002,
                total: 10_002
            })
            .1,
            10
        );
        assert_eq!(
            report(Analysed {
                done: 0,
                total: 10_002
            })
            .1,
            10
        );
        assert_eq!(
            report(Analysed {
                done: 5_001,
                total: 10_002
            }),
            ("Analysing 5,001/10,002 articles".into(), 55)
        );
        assert_eq!(
            report(Analysed {
                done: 10_002,
                total: 10_002
            })
            .1,
            100
        );
    }
}
