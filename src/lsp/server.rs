//! The `LanguageServer` implementation: capabilities, text sync, workspace indexing,
//! diagnostics (push and pull), hover, definition, references, highlights.

use super::convert;
use super::document::{Applied, Change, OpenDocument, Published};
use super::features;
use super::state::{RootedPath, State};
use super::transport::{DirectAnswers, Outgoing};
use crate::config::Overrides;
use crate::corpus::Corpus;
use crate::ide;
use crate::loader;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer, UriExt};

/// How long typing must pause before diagnostics are recomputed and pushed.
const DEBOUNCE: Duration = Duration::from_millis(50);

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    shutdown: Arc<AtomicBool>,
    /// Serialises publishing with closing, so that no diagnostics for a document are
    /// published after it was closed.
    publishing: Arc<tokio::sync::Mutex<()>>,
    /// What the client said it supports, known after `initialize`.
    support: std::sync::OnceLock<ClientSupport>,
    /// Counts scheduled diagnostics rounds; a round runs only if it is still the last.
    rounds: Arc<AtomicU64>,
    /// The writer of messages to the editor, when serving stdio: diagnostics are
    /// serialised on the blocking pool and handed to it directly.
    direct: Option<UnboundedSender<Outgoing>>,
    /// Where large answers are stashed as JSON, when serving stdio (`DirectAnswers`).
    answers: Option<DirectAnswers>,
}

/// Diagnostics ready to publish: a message body for the writer, or protocol values for
/// tower-lsp's client.
enum Payload {
    Message(Vec<u8>),
    Diagnostics(Vec<Diagnostic>),
}

/// The optional protocol features the client supports, read once from its capabilities.
#[derive(Debug, Clone, Copy, Default)]
struct ClientSupport {
    configuration: bool,
    progress: bool,
    watcher_registration: bool,
    diagnostic_refresh: bool,
    pull_diagnostics: bool,
}

impl ClientSupport {
    fn of(capabilities: &ClientCapabilities) -> Self {
        let workspace = capabilities.workspace.as_ref();
        ClientSupport {
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            progress: capabilities
                .window
                .as_ref()
                .and_then(|window| window.work_done_progress)
                .unwrap_or(false),
            watcher_registration: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|watch| watch.dynamic_registration)
                .unwrap_or(false),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            pull_diagnostics: capabilities
                .text_document
                .as_ref()
                .and_then(|text| text.diagnostic.as_ref())
                .is_some(),
        }
    }
}

/// Locks the state; a panic in an earlier holder does not make the state unusable (every
/// change to it is a whole-value replacement, so it is never half-written).
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::new(Default::default(), Vec::new(), true))),
            shutdown: Arc::new(AtomicBool::new(false)),
            publishing: Arc::new(tokio::sync::Mutex::new(())),
            support: std::sync::OnceLock::new(),
            rounds: Arc::new(AtomicU64::new(0)),
            direct: None,
            answers: None,
        }
    }

    /// A backend that publishes diagnostics through `direct`, the stdio writer, and
    /// stashes large answers in `answers` for the writer to send.
    pub fn with_output(
        client: Client,
        direct: UnboundedSender<Outgoing>,
        answers: DirectAnswers,
    ) -> Self {
        Backend {
            direct: Some(direct),
            answers: Some(answers),
            ..Backend::new(client)
        }
    }

    /// Publishes diagnostics computed by a round (under the `publishing` lock).
    async fn publish(
        client: &Client,
        direct: Option<&UnboundedSender<Outgoing>>,
        uri: Uri,
        version: Option<i32>,
        payload: Payload,
    ) {
        match (payload, direct) {
            (Payload::Message(body), Some(direct)) => {
                let _ = direct.send(Outgoing::Message(body));
            }
            (Payload::Diagnostics(diagnostics), _) => {
                client.publish_diagnostics(uri, diagnostics, version).await
            }
            (Payload::Message(_), None) => {}
        }
    }

    fn supports(&self) -> ClientSupport {
        self.support.get().copied().unwrap_or_default()
    }

    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        self.shutdown.clone()
    }

    /// Runs `work` on the blocking pool with the state flushed and locked. A panic inside
    /// answers this request with an error; the server carries on.
    async fn with_state<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut State) -> T + Send + 'static,
    ) -> Result<T> {
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || {
            let mut state = lock(&state);
            state.flush();
            work(&mut state)
        })
        .await
        .map_err(|error| {
            let mut failure = Error::internal_error();
            failure.message = format!("dateline failed on this request: {error}").into();
            failure
        })
    }

    /// `dateline/status`: counts for a status bar.
    pub async fn status(&self, _: Option<serde_json::Value>) -> Result<serde_json::Value> {
        self.with_state(|state| {
            let mut articles = 0;
            let mut undated = 0;
            for root in &state.roots {
                for file in root.corpus.articles() {
                    articles += 1;
                    undated += file.claim_tally.undated;
                }
            }
            serde_json::json!({ "articles": articles, "undatedClaims": undated })
        })
        .await
    }

    /// `dateline/debug/panic` (debug builds only): panics inside a handler's work.
    #[cfg(debug_assertions)]
    pub async fn debug_panic(&self, _: Option<serde_json::Value>) -> Result<serde_json::Value> {
        self.with_state(|_| -> serde_json::Value { panic!("requested by dateline/debug/panic") })
            .await
    }

    /// `dateline/timeline`: dated claims in date order, filtered by actor, source and dates.
    pub async fn timeline(
        &self,
        filter: Option<ide::timeline::TimelineFilter>,
    ) -> Result<serde_json::Value> {
        let filter = filter.unwrap_or_default();
        self.with_state(move |state| features::timeline(state, &filter))
            .await
    }

    /// Schedules a debounced recomputation and push of the diagnostics of every open
    /// document. Any change can affect any open document (a registry all of them, an
    /// article the citations and hints of others), and a newer schedule replaces an
    /// older one: only when changes pause for `DEBOUNCE` is anything recomputed.
    fn schedule_all_open(&self) {
        let round = self.rounds.fetch_add(1, Ordering::SeqCst) + 1;
        let rounds = self.rounds.clone();
        let state = self.state.clone();
        let client = self.client.clone();
        let publishing = self.publishing.clone();
        let direct = self.direct.clone();
        tokio::spawn(async move {
            if !lock(&state).push_diagnostics {
                return;
            }
            tokio::time::sleep(DEBOUNCE).await;
            if rounds.load(Ordering::SeqCst) != round {
                return;
            }
            // Each document is published as soon as its diagnostics are ready, so that the
            // one being typed in does not wait for another's: typing a new name in a small
            // article changes the stamp of every other open one, whose diagnostics are then
            // made again to be compared, and a 5 MB one's take tens of milliseconds.
            let (sender, mut ready) =
                tokio::sync::mpsc::unbounded_channel::<(Uri, Published, Payload)>();
            let job = {
                let state = state.clone();
                let with_writer = direct.is_some();
                tokio::task::spawn_blocking(move || {
                    let order = {
                        let mut state = lock(&state);
                        state.flush();
                        publishing_order(&state)
                    };
                    for uri in order {
                        let converted = {
                            let mut state = lock(&state);
                            let Some(doc) = state.open.get(&uri) else {
                                continue;
                            };
                            let (version, published) = (doc.version, doc.published);
                            let Some(location) = state.locate(&uri) else {
                                continue;
                            };
                            match to_publish(&state, &location, version, published) {
                                Ok((published, diagnostics)) => {
                                    Some((published, ranged(&state, &location, diagnostics)))
                                }
                                Err(published) => {
                                    // Found alike again: remembered, so the next round
                                    // skips it without recomputing.
                                    if let Some(doc) = state.open.get_mut(&uri) {
                                        doc.published = Some(published);
                                    }
                                    None
                                }
                            }
                        };
                        // Serialised without holding the state: requests need not wait.
                        if let Some((published, diagnostics)) = converted {
                            let version = Some(published.version);
                            let payload = payload(with_writer, &uri, version, diagnostics);
                            if sender.send((uri, published, payload)).is_err() {
                                return;
                            }
                        }
                    }
                })
            };
            let _guard = publishing.lock().await;
            while let Some((uri, published, payload)) = ready.recv().await {
                // Publish only if the document is still open at the version computed for.
                let version = published.version;
                let current = lock(&state).open.get(&uri).map(|doc| doc.version);
                if current == Some(version) {
                    Backend::publish(
                        &client,
                        direct.as_ref(),
                        uri.clone(),
                        Some(version),
                        payload,
                    )
                    .await;
                    if let Some(doc) = lock(&state).open.get_mut(&uri) {
                        doc.published = Some(published);
                    }
                }
            }
            let _ = job.await;
        });
    }

    async fn refresh_workspace_diagnostics(&self) {
        if self.supports().diagnostic_refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    /// Reads the editor's `dateline` settings and applies them to every corpus.
    async fn pull_configuration(&self) {
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
            .with_state(move |state| {
                state.overrides = overrides.clone();
                for root in &mut state.roots {
                    root.corpus.set_overrides(overrides.clone());
                }
            })
            .await;
    }

    /// Indexes every workspace folder off the async threads, reporting progress.
    async fn index_workspace(&self) {
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
        let progress = if self.supports().progress
            && self
                .client
                .send_request::<request::WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                    token: token.clone(),
                })
                .await
                .is_ok()
        {
            Some(
                self.client
                    .progress(token, "dateline")
                    .with_message("Indexing")
                    .with_percentage(0)
                    .begin()
                    .await,
            )
        } else {
            None
        };
        // Settings and registries first (a few small files), so that open documents get
        // their mentions at once, while the articles are still being read.
        {
            let state = self.state.clone();
            let dirs = dirs.clone();
            let _ = tokio::task::spawn_blocking(move || {
                let mut state = lock(&state);
                for root in state.roots.iter_mut() {
                    if let Some(dir) = root.dir.clone().filter(|dir| dirs.contains(dir)) {
                        loader::load_settings(&dir, &mut root.corpus);
                    }
                }
            })
            .await;
        }
        for dir in dirs {
            let (sender, mut receiver) =
                tokio::sync::mpsc::unbounded_channel::<loader::LoadProgress>();
            let overrides = overrides.clone();
            let load_dir = dir.clone();
            let job = tokio::task::spawn_blocking(move || {
                let mut corpus = Corpus::new(crate::clock::today());
                corpus.set_overrides(overrides);
                loader::load_corpus(&load_dir, &mut corpus, |progress| {
                    let (done, total) = progress.counts();
                    if done % 250 == 0 || done == total {
                        let _ = sender.send(progress);
                    }
                });
                corpus
            });
            while let Some(stage) = receiver.recv().await {
                if let Some(progress) = &progress {
                    let (message, percentage) = indexing_report(stage);
                    progress.report_with_message(message, percentage).await;
                }
            }
            match job.await {
                Ok(corpus) => lock(&self.state).install_corpus(&dir, corpus),
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
        if let Some(progress) = progress {
            progress.finish_with_message("Indexed").await;
        }
        self.schedule_all_open();
        self.refresh_workspace_diagnostics().await;
    }

    async fn register_watchers(&self) {
        if !self.supports().watcher_registration {
            return;
        }
        let watchers = [
            "**/*.article",
            "**/actors.toml",
            "**/dateline.toml",
            "**/*.toml",
        ]
        .iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "dateline-watchers".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        let _ = self.client.register_capability(vec![registration]).await;
    }
}

/// What the indexing progress says at a stage of a load, and how far along it is: reading
/// the files is the first tenth of the work, analysing them the rest.
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

/// 1234567 → "1,234,567".
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, ch) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The open documents in the order a round makes and publishes their diagnostics: those
/// edited since they were last published first (the one being typed in is among them),
/// then the others; the smaller first within each, since they are ready sooner.
fn publishing_order(state: &State) -> Vec<Uri> {
    let mut open: Vec<(bool, usize, &Uri)> = state
        .open
        .iter()
        .map(|(uri, doc)| {
            let published_as_is = doc
                .published
                .is_some_and(|published| published.version == doc.version);
            (published_as_is, doc.len_bytes(), uri)
        })
        .collect();
    open.sort_by(|a, b| (a.0, a.1, a.2.as_str()).cmp(&(b.0, b.1, b.2.as_str())));
    open.into_iter().map(|(_, _, uri)| uri.clone()).collect()
}

/// The protocol diagnostics of one document.
fn document_diagnostics(state: &State, uri: &Uri) -> Vec<Diagnostic> {
    let Some(location) = state.locate(uri) else {
        return Vec::new();
    };
    file_diagnostics(state, &location)
}

fn file_diagnostics(state: &State, location: &RootedPath) -> Vec<Diagnostic> {
    ranged(state, location, corpus_diagnostics(state, location)).into_protocol()
}

/// A file's diagnostics as the corpus gives them, or the reason it was skipped.
fn corpus_diagnostics(state: &State, location: &RootedPath) -> Vec<crate::diagnostic::Diagnostic> {
    let Some(corpus) = state.corpus(location.root) else {
        return Vec::new();
    };
    if let Some(reason) = corpus.skip_reason(&location.path) {
        return vec![crate::diagnostic::Diagnostic::warning(
            crate::text::TextRange::empty(0),
            crate::diagnostic::DiagnosticCode::SkippedFile,
            reason,
        )];
    }
    corpus.diagnostics(&location.path)
}

/// A file's diagnostics with their protocol ranges (none when the corpus has no text to
/// place them in), for pushing and pulling alike.
fn ranged(
    state: &State,
    location: &RootedPath,
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
) -> convert::RangedDiagnostics {
    match state.text_and_index(location) {
        Some((text, index)) => {
            convert::RangedDiagnostics::new(text, &index, diagnostics, state.encoding)
        }
        None => convert::RangedDiagnostics::default(),
    }
}

/// A `publishDiagnostics` as a message body when there is a direct writer (and the params
/// serialise), as protocol values for tower-lsp's client otherwise.
fn payload(
    direct: bool,
    uri: &Uri,
    version: Option<i32>,
    diagnostics: convert::RangedDiagnostics,
) -> Payload {
    if !direct {
        return Payload::Diagnostics(diagnostics.into_protocol());
    }
    // About what one diagnostic takes in JSON, so the buffer is sized once.
    const DIAGNOSTIC_BYTES: usize = 320;
    let size_hint = 256 + diagnostics.len() * DIAGNOSTIC_BYTES;
    let method = "textDocument/publishDiagnostics";
    // The fields `PublishDiagnosticsParams` writes, in its order.
    let params = |out: &mut Vec<u8>| -> serde_json::Result<()> {
        out.extend_from_slice(b"{\"uri\":");
        serde_json::to_writer(&mut *out, uri)?;
        out.extend_from_slice(b",\"diagnostics\":");
        diagnostics.write_json(out)?;
        if let Some(version) = version {
            out.extend_from_slice(b",\"version\":");
            serde_json::to_writer(&mut *out, &version)?;
        }
        out.push(b'}');
        Ok(())
    };
    match super::transport::notification_body(method, params, size_hint) {
        Some(body) => Payload::Message(body),
        None => Payload::Diagnostics(diagnostics.into_protocol()),
    }
}

/// A document's diagnostics to publish in a round, with what they were made from; or,
/// when they are what was last published, the record of that (with a fingerprint taken).
///
/// The corpus's stamp decides first, without computing anything: unchanged, the
/// diagnostics are too. A changed stamp can still give the same diagnostics (typing a new
/// name in one article changes the stamp of every other); for a document at its published
/// version a fingerprint tells, so that its diagnostics are not sent again.
fn to_publish(
    state: &State,
    location: &RootedPath,
    version: i32,
    published: Option<Published>,
) -> std::result::Result<(Published, Vec<crate::diagnostic::Diagnostic>), Published> {
    let stamp = state
        .corpus(location.root)
        .map(|corpus| corpus.diagnostics_stamp(&location.path));
    let same_version = published.filter(|published| published.version == version);
    if let Some(published) = same_version {
        if stamp.is_some() && published.stamp == stamp {
            return Err(published);
        }
    }
    let diagnostics = corpus_diagnostics(state, location);
    let fingerprint = same_version.map(|_| fingerprint(version, &diagnostics));
    let now = Published {
        version,
        stamp,
        fingerprint,
    };
    match same_version {
        Some(published) if published.fingerprint == fingerprint => Err(now),
        _ => Ok((now, diagnostics)),
    }
}

/// A hash of a document's version (which fixes its text) and its diagnostics.
fn fingerprint(version: i32, diagnostics: &[crate::diagnostic::Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    version.hash(&mut hasher);
    diagnostics.len().hash(&mut hasher);
    for diagnostic in diagnostics {
        diagnostic.range.hash(&mut hasher);
        diagnostic.severity.hash(&mut hasher);
        diagnostic.code.hash(&mut hasher);
        diagnostic.message.hash(&mut hasher);
    }
    hasher.finish()
}

/// How many locations an answer must have to be sent through `DirectAnswers`.
const DIRECT_ANSWER_MIN: usize = 64;

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let capabilities = &params.capabilities;
        let encoding = convert::negotiate(
            capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_deref()),
        );
        let support = ClientSupport::of(capabilities);
        let _ = self.support.set(support);
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|folder| folder.uri.to_file_path().map(|path| path.into_owned()))
            .collect();
        #[allow(deprecated)]
        if folders.is_empty() {
            if let Some(path) = params.root_uri.as_ref().and_then(|uri| uri.to_file_path()) {
                folders.push(path.into_owned());
            }
        }
        let push = !support.pull_diagnostics;
        *lock(&self.state) = State::new(encoding, folders, push);

        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["@".into(), ":".into(), "{".into()]),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR,
                        ]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: features::semantic_legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            ..Default::default()
                        },
                    ),
                ),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("dateline".to_string()),
                        inter_file_dependencies: true,
                        workspace_diagnostics: true,
                        work_done_progress_options: Default::default(),
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "dateline".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.register_watchers().await;
        self.pull_configuration().await;
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        {
            let mut state = lock(&self.state);
            state.open.insert(
                document.uri.clone(),
                OpenDocument::new(document.version, &document.text),
            );
        }
        self.schedule_all_open();
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let changes: Vec<Change> = params
            .content_changes
            .into_iter()
            .map(|change| Change {
                range: change
                    .range
                    .map(|range| (convert::position(range.start), convert::position(range.end))),
                text: change.text,
            })
            .collect();
        let outcome = {
            let mut state = lock(&self.state);
            let encoding = state.encoding;
            state
                .open
                .get_mut(&uri)
                .map(|doc| doc.apply(params.text_document.version, changes, encoding))
        };
        if outcome == Some(Applied::Applied) {
            self.schedule_all_open();
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let _guard = self.publishing.lock().await;
        let push = {
            let mut state = lock(&self.state);
            state.open.remove(&uri);
            // The disk is the truth again for this file.
            state.refresh_from_disk(&uri);
            state.push_diagnostics
        };
        if push {
            // The same path as rounds, so that this comes after what they published.
            let payload = payload(self.direct.is_some(), &uri, None, Default::default());
            Backend::publish(&self.client, self.direct.as_ref(), uri, None, payload).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let changed = {
            let mut state = lock(&self.state);
            let mut changed = false;
            for event in params.changes {
                changed |= if event.typ == FileChangeType::DELETED {
                    state.forget_from_disk(&event.uri)
                } else {
                    state.refresh_from_disk(&event.uri)
                };
            }
            changed
        };
        if changed {
            self.schedule_all_open();
            self.refresh_workspace_diagnostics().await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let direct = params
            .settings
            .get("dateline")
            .cloned()
            .and_then(|value| serde_json::from_value::<Overrides>(value).ok());
        if let Some(overrides) = direct {
            let _ = self
                .with_state(move |state| {
                    state.overrides = overrides.clone();
                    for root in &mut state.roots {
                        root.corpus.set_overrides(overrides.clone());
                    }
                })
                .await;
        } else {
            self.pull_configuration().await;
        }
        self.schedule_all_open();
        self.refresh_workspace_diagnostics().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut state = lock(&self.state);
            for removed in params.event.removed {
                if let Some(path) = removed.uri.to_file_path() {
                    state
                        .roots
                        .retain(|root| root.dir.as_deref() != Some(&*path));
                }
            }
            let today = crate::clock::today();
            for added in params.event.added {
                if let Some(path) = added.uri.to_file_path() {
                    state.roots.push(super::state::Root::new(
                        Some(path.into_owned()),
                        Corpus::new(today),
                    ));
                }
            }
        }
        self.index_workspace().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let items = self
            .with_state(move |state| document_diagnostics(state, &uri))
            .await?;
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn workspace_diagnostic(
        &self,
        _: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let items = self
            .with_state(|state| {
                let mut reports = Vec::new();
                for (root, entry) in state.roots.iter().enumerate() {
                    let mut paths = entry.corpus.paths();
                    paths.extend(entry.corpus.skipped().map(|(path, _)| path.to_string()));
                    for path in paths {
                        let Some(uri) = state.uri(root, &path) else {
                            continue;
                        };
                        let version = state.open.get(&uri).map(|doc| doc.version as i64);
                        let items = file_diagnostics(state, &RootedPath { root, path });
                        reports.push(WorkspaceDocumentDiagnosticReport::Full(
                            WorkspaceFullDocumentDiagnosticReport {
                                uri,
                                version,
                                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                                    result_id: None,
                                    items,
                                },
                            },
                        ));
                    }
                }
                reports
            })
            .await?;
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| {
            let (location, offset) =
                state.resolve(&at.text_document.uri, convert::position(at.position))?;
            let corpus = state.corpus(location.root)?;
            let card = ide::hover::hover(corpus, &location.path, offset)?;
            let (text, index) = state.text_and_index(&location)?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: card.markdown,
                }),
                range: Some(convert::range(text, &index, card.range, state.encoding)),
            })
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| {
            let (location, offset) =
                state.resolve(&at.text_document.uri, convert::position(at.position))?;
            let corpus = state.corpus(location.root)?;
            let definitions = ide::navigation::definition(corpus, &location.path, offset);
            let targets = features::locations(state, location.root, definitions);
            (!targets.is_empty()).then_some(GotoDefinitionResponse::Array(targets))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let include_declaration = params.context.include_declaration;
        let direct = self.answers.is_some();
        let answer = self
            .with_state(move |state| {
                let (location, offset) =
                    state.resolve(&at.text_document.uri, convert::position(at.position))?;
                let corpus = state.corpus(location.root)?;
                let targets = ide::navigation::references(
                    corpus,
                    &location.path,
                    offset,
                    include_declaration,
                );
                let groups = features::location_groups(state, location.root, targets);
                // Only a large answer is worth the detour.
                let count: usize = groups.iter().map(|group| group.ranges.len()).sum();
                let json = (direct && count >= DIRECT_ANSWER_MIN)
                    .then(|| features::locations_json(&groups).ok())
                    .flatten();
                Some((groups, json))
            })
            .await?;
        let Some((groups, json)) = answer else {
            return Ok(None);
        };
        let stand_in = json
            .zip(self.answers.as_ref())
            .and_then(|(json, answers)| answers.stash(json));
        Ok(Some(match stand_in {
            Some(uri) => vec![Location {
                uri,
                range: Range::default(),
            }],
            None => features::flatten(groups),
        }))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| {
            let (location, offset) =
                state.resolve(&at.text_document.uri, convert::position(at.position))?;
            let corpus = state.corpus(location.root)?;
            let (text, index) = state.text_and_index(&location)?;
            Some(
                ide::navigation::highlights(corpus, &location.path, offset)
                    .into_iter()
                    .map(|range| DocumentHighlight {
                        range: convert::range(text, &index, range, state.encoding),
                        kind: Some(DocumentHighlightKind::TEXT),
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        self.with_state(move |state| {
            features::completion(state, &at.text_document.uri, at.position)
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.with_state(move |state| features::code_actions(state, &params))
            .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.with_state(move |state| {
            features::inlay_hints(state, &params.text_document.uri, params.range)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.with_state(move |state| {
            features::semantic_tokens(state, &params.text_document.uri, None)
                .map(SemanticTokensResult::Tokens)
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        self.with_state(move |state| {
            features::semantic_tokens(state, &params.text_document.uri, Some(params.range))
                .map(SemanticTokensRangeResult::Tokens)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.with_state(move |state| features::document_symbols(state, &params.text_document.uri))
            .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<OneOf<Vec<SymbolInformation>, Vec<WorkspaceSymbol>>>> {
        self.with_state(move |state| {
            Some(OneOf::Right(features::workspace_symbols(
                state,
                &params.query,
            )))
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.with_state(move |state| features::code_lenses(state, &params.text_document.uri))
            .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.with_state(move |state| features::folding_ranges(state, &params.text_document.uri))
            .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.with_state(move |state| {
            features::prepare_rename(state, &params.text_document.uri, params.position)
        })
        .await?
        .map_err(invalid_request)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let new_name = params.new_name;
        self.with_state(move |state| {
            features::rename(state, &at.text_document.uri, at.position, &new_name)
        })
        .await?
        .map_err(invalid_request)
    }
}

/// A refusal the user should read (a rename that cannot be done, and why).
fn invalid_request(message: String) -> Error {
    let mut error = Error::invalid_request();
    error.message = message.into();
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::position::LineIndex;
    use crate::text::TextRange;

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

    #[test]
    fn a_round_publishes_edited_documents_first_and_the_smaller_first() {
        let mut state = State::new(crate::position::Encoding::Utf16, Vec::new(), true);
        let open = |state: &mut State, name: &str, bytes: usize, published_at: Option<i32>| {
            let uri: Uri = format!("file:///corpus/{name}.article").parse().unwrap();
            let mut doc = OpenDocument::new(3, &"x".repeat(bytes));
            doc.published = published_at.map(|version| Published {
                version,
                stamp: None,
                fingerprint: None,
            });
            state.open.insert(uri, doc);
        };
        open(&mut state, "large-published", 5_000, Some(3));
        open(&mut state, "small-published", 10, Some(3));
        open(&mut state, "large-edited", 5_000, Some(2));
        open(&mut state, "small-edited", 20, Some(2));
        open(&mut state, "never-published", 30, None);
        let order: Vec<String> = publishing_order(&state)
            .iter()
            .map(|uri| {
                uri.as_str()
                    .trim_start_matches("file:///corpus/")
                    .to_string()
            })
            .collect();
        assert_eq!(
            order,
            [
                "small-edited.article",
                "never-published.article",
                "large-edited.article",
                "small-published.article",
                "large-published.article",
            ]
        );
    }

    #[test]
    fn a_written_publish_is_the_notification_of_the_protocol_values() {
        let text = "Date: 2022-09-29\n\nThey said “so”.\n";
        let diagnostics = vec![Diagnostic::warning(
            TextRange::new(18, text.len() - 1),
            crate::diagnostic::DiagnosticCode::UndatedClaim,
            "undated claim: “said”",
        )];
        let index = LineIndex::new(text);
        let uri: Uri = "file:///corpus/a%20b.article".parse().unwrap();
        for version in [Some(7), None] {
            let ranged = || {
                convert::RangedDiagnostics::new(
                    text,
                    &index,
                    diagnostics.clone(),
                    crate::position::Encoding::Utf16,
                )
            };
            let Payload::Message(body) = payload(true, &uri, version, ranged()) else {
                panic!("a direct writer gets a message body");
            };
            let written: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let params = PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: ranged().into_protocol(),
                version,
            };
            let expected = serde_json::json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": params,
            });
            assert_eq!(written, expected);
        }
    }
}
