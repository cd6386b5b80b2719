//! The `LanguageServer` implementation: the backend's shared state and every handler,
//! each shaped alike (from the protocol, to `ide` through `features`, back to the
//! protocol) over the locked state on the blocking pool. What the server offers is in
//! `capabilities`, the diagnostics rounds and reports in `diagnostics`, indexing, watchers
//! and settings in `workspace`.

use super::capabilities::{self, ClientSupport};
use super::convert;
use super::custom;
use super::diagnostics;
use super::document::{Applied, Change, OpenDocument};
use super::features;
use super::state::{lock, State};
use super::transport::{AnswerJson, CompressedJson, DirectAnswers, Outgoing, TakenOut};
use super::workspace;
use crate::config::Overrides;
use crate::position::Encoding;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer, UriExt};

/// The server: what its handlers share (the state behind a lock, the client, the
/// writer) and what tells diagnostics rounds and closes apart.
pub struct Backend {
    pub(super) client: Client,
    pub(super) state: Arc<Mutex<State>>,
    shutdown: Arc<AtomicBool>,
    /// Serialises publishing with closing, so that no diagnostics for a document are
    /// published after it was closed.
    pub(super) publishing: Arc<tokio::sync::Mutex<()>>,
    /// What the client said it supports, known after `initialize`.
    support: std::sync::OnceLock<ClientSupport>,
    /// Counts scheduled diagnostics rounds; a round runs only if it is still the last.
    pub(super) rounds: Arc<AtomicU64>,
    /// The writer of messages to the editor, when serving stdio: diagnostics are
    /// serialised on the blocking pool and handed to it directly.
    pub(super) direct: Option<UnboundedSender<Outgoing>>,
    /// Where large answers are stashed as JSON, when serving stdio (`DirectAnswers`).
    answers: Option<DirectAnswers>,
    /// Where the transport stashed the large texts of `didOpen` and `didChange` and the
    /// many events of a `didChangeWatchedFiles`, when serving stdio (`TakenOut`).
    taken_out: Option<TakenOut>,
    /// When the last request or change came: the cache's write waits for a pause.
    pub(super) activity: Arc<Activity>,
    /// Counts the workspace pulls asked in parts: one held until something changes ends
    /// when a newer one comes.
    workspace_pulls: Arc<AtomicU64>,
    /// Debug builds: the next many file events fail once applied, so that tests can prove
    /// the server recovers what they changed (`dateline/debug/panic` with
    /// `{"at": "next-file-events"}`).
    #[cfg(debug_assertions)]
    fail_next_file_events: Arc<AtomicBool>,
}

/// When the editor last asked or changed something, for work that would slow the answers
/// down and can wait for a pause: writing the warm-start cache. A request, and a
/// diagnostics round a change starts, count from when they begin until they end
/// ([`Activity::busy`]), however long they take.
#[derive(Debug)]
pub(super) struct Activity {
    started: std::time::Instant,
    /// When the last work ended, in milliseconds after `started`.
    last_ms: AtomicU64,
    /// Work under way.
    busy: std::sync::atomic::AtomicUsize,
}

/// Work under way, until dropped (see [`Activity::busy`]).
pub(super) struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.note();
        self.0
            .busy
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

impl Activity {
    fn new() -> Self {
        Self::started_at(std::time::Instant::now())
    }

    /// Counting from `started`, when nothing has happened yet.
    pub(super) fn started_at(started: std::time::Instant) -> Self {
        Activity {
            started,
            last_ms: AtomicU64::new(0),
            busy: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn note(&self) {
        self.last_ms
            .store(self.now_ms(), std::sync::atomic::Ordering::Relaxed);
    }

    /// Notes work beginning; it counts as activity until the value returned is dropped.
    pub(super) fn busy(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Busy(self.clone())
    }

    /// How long since work last ended (since the server started, if none came); zero
    /// while work is under way.
    pub(super) fn quiet_for(&self) -> std::time::Duration {
        if self.busy.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            return std::time::Duration::ZERO;
        }
        let last = self.last_ms.load(std::sync::atomic::Ordering::Relaxed);
        std::time::Duration::from_millis(self.now_ms().saturating_sub(last))
    }
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
            taken_out: None,
            activity: Arc::new(Activity::new()),
            workspace_pulls: Arc::new(AtomicU64::new(0)),
            #[cfg(debug_assertions)]
            fail_next_file_events: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A backend that publishes diagnostics through `direct`, the stdio writer, and
    /// stashes large answers in `answers` for the writer to send, and takes large
    /// document texts and long lists of file events from `taken_out`, where the transport
    /// stashed them.
    pub fn with_output(
        client: Client,
        direct: UnboundedSender<Outgoing>,
        answers: DirectAnswers,
        taken_out: TakenOut,
    ) -> Self {
        Backend {
            direct: Some(direct),
            answers: Some(answers),
            taken_out: Some(taken_out),
            ..Backend::new(client)
        }
    }

    /// A document text as the editor sent it: the stashed text when the transport took it
    /// out of its message.
    fn document_text(&self, text: String) -> String {
        match &self.taken_out {
            Some(taken_out) => taken_out.take(text),
            None => text,
        }
    }

    /// Watched files' events as the editor sent them: the stashed ones when the transport
    /// took them out of their message.
    fn file_events(&self, events: Vec<FileEvent>) -> Vec<FileEvent> {
        match &self.taken_out {
            Some(taken_out) => taken_out.take_events(events),
            None => events,
        }
    }

    pub(super) fn supports(&self) -> ClientSupport {
        self.support.get().copied().unwrap_or_default()
    }

    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        self.shutdown.clone()
    }

    /// Runs `work` on the blocking pool with the state flushed and locked. A panic inside
    /// answers this request with an error; the server carries on.
    pub(super) async fn with_state<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut State) -> T + Send + 'static,
    ) -> Result<T> {
        let busy = self.activity.busy();
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || {
            let _busy = busy;
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

    /// What a workspace pull in parts has to report (`diagnostics::plan_changes`, then
    /// `changed_among` a batch of files at a time, each under its own lock). When nothing
    /// changed since the editor's reports, the pull is held until something may have:
    /// VS Code pulls again two seconds after every answer, and answering each at once had
    /// the server go over every file's stamp for ever (at 100,000 articles, a second of
    /// work every three seconds). Held, it looks every [`HELD_PULL_LOOKS_EVERY`] at
    /// `State::diagnostics_generation`, which costs nothing, and goes over the files again
    /// once that moved and then stayed for [`HELD_PULL_SETTLES`] (not at every keystroke
    /// of someone typing: the document being typed in has pulls of its own). `None` when
    /// it was let go of: a newer pull came (VS Code cancels the one before; other editors
    /// may not), or the session ends. A first pull, with no reports held, is answered at
    /// once.
    async fn workspace_changes(
        &self,
        previous: Arc<diagnostics::PreviousResults>,
    ) -> Result<Option<diagnostics::WorkspaceChanges>> {
        let pull = self.workspace_pulls.fetch_add(1, Ordering::SeqCst) + 1;
        let documents_pulled = self.supports().pull_diagnostics;
        loop {
            let looked = previous.clone();
            let plan = self
                .with_state(move |state| diagnostics::plan_changes(state, &looked))
                .await?;
            let plan = Arc::new(plan);
            let mut files = Vec::new();
            let count = plan.files.len();
            for start in (0..count).step_by(CHANGES_LOOKED_AT_TOGETHER) {
                let end = (start + CHANGES_LOOKED_AT_TOGETHER).min(count);
                let plan = plan.clone();
                let changed = self
                    .with_state(move |state| {
                        let batch = &plan.files[start..end];
                        diagnostics::changed_among(state, &plan, batch, documents_pulled)
                    })
                    .await?;
                files.extend(changed);
            }
            if !files.is_empty() || !plan.vanished.is_empty() || previous.is_empty() {
                let vanished = plan.vanished.clone();
                return Ok(Some(diagnostics::WorkspaceChanges { files, vanished }));
            }
            let (mut seen, mut seen_since) = (plan.generation, std::time::Instant::now());
            loop {
                tokio::time::sleep(HELD_PULL_LOOKS_EVERY).await;
                let superseded = self.workspace_pulls.load(Ordering::SeqCst) != pull;
                if superseded || self.shutdown.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                // Not waited for: a state held by other work is looked at next time.
                let now = match self.state.try_lock() {
                    Ok(state) => state.diagnostics_generation(),
                    Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                        poisoned.into_inner().diagnostics_generation()
                    }
                    Err(std::sync::TryLockError::WouldBlock) => continue,
                };
                if now != seen {
                    (seen, seen_since) = (now, std::time::Instant::now());
                } else if now != plan.generation && seen_since.elapsed() >= HELD_PULL_SETTLES {
                    break;
                }
            }
        }
    }

    /// Runs `change` on the open document at `uri`, if it is open, with the session's
    /// position encoding, under the state's lock.
    fn with_open_document<T>(
        &self,
        uri: &Uri,
        change: impl FnOnce(&mut OpenDocument, Encoding) -> T,
    ) -> Option<T> {
        let mut state = lock(&self.state);
        let encoding = state.encoding;
        state.open.get_mut(uri).map(|doc| change(doc, encoding))
    }

    /// `dateline/status`: counts for a status bar.
    pub async fn status(&self, _: Option<serde_json::Value>) -> Result<serde_json::Value> {
        self.with_state(|state| custom::status(state)).await
    }

    /// `dateline/debug/panic` (debug builds only): panics inside a handler's work, or with
    /// `{"at": "next-file-events"}`, inside the work of the next many watched-file events.
    #[cfg(debug_assertions)]
    pub async fn debug_panic(
        &self,
        params: Option<serde_json::Value>,
    ) -> Result<serde_json::Value> {
        let at = params.as_ref().and_then(|params| params.get("at"));
        if at.and_then(serde_json::Value::as_str) == Some("next-file-events") {
            self.fail_next_file_events.store(true, Ordering::SeqCst);
            return Ok(serde_json::Value::Null);
        }
        self.with_state(|_| -> serde_json::Value { panic!("requested by dateline/debug/panic") })
            .await
    }

    /// After the work of watched-file events failed part way (a panic: a defect), what it
    /// had changed and what it had not are unknown, so every folder is read and indexed
    /// again from disk, as at a start (unchanged articles from the cache): said in the log,
    /// and nothing the events changed is lost.
    pub(super) async fn index_again_after(&self, what: String, error: tokio::task::JoinError) {
        self.client
            .log_message(
                MessageType::ERROR,
                format!("dateline: {what} failed ({error}); indexing the folders again from disk"),
            )
            .await;
        self.index_workspace().await;
    }

    /// `dateline/timeline`: dated claims in date order, filtered by actor, source and dates.
    pub async fn timeline(
        &self,
        params: Option<custom::TimelineParams>,
    ) -> Result<serde_json::Value> {
        let filter = params.unwrap_or_default().into();
        let answer = self
            .with_state(move |state| custom::timeline(state, &filter))
            .await?;
        if let Some(said) = answer.not_sent() {
            self.client.log_message(MessageType::WARNING, &said).await;
            self.client.show_message(MessageType::WARNING, said).await;
        }
        // Sent straight from the entries, not through a `Value` tree, when large.
        if answer.len() >= DIRECT_ANSWER_MIN && self.answers.is_some() {
            if let Ok(uri) = self.stash_answer(answer.to_json()) {
                return Ok(serde_json::json!([{ "uri": uri.as_str() }]));
            }
        }
        Ok(answer.into_value())
    }
}

impl Backend {
    /// Stashes `json`, a request's result, for the writer to send in place of the
    /// stand-in named by the URI returned (see `DirectAnswers`); `json` back when there
    /// is no writer to send it (not serving stdio).
    fn stash_answer(&self, json: Vec<u8>) -> std::result::Result<Uri, Vec<u8>> {
        match self.answers.as_ref() {
            Some(answers) => answers.stash(json),
            None => Err(json),
        }
    }
}

/// How many files' reports a partial result of `workspace/diagnostic` carries: about
/// 10,000 diagnostics, a few megabytes of JSON.
const WORKSPACE_REPORTS_TOGETHER: usize = 256;

/// How long a document's change that comes after a gap in its versions waits for the
/// missing ones before it is applied without them.
const VERSION_GAP_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// How often a workspace pull held until something changes looks whether anything did.
const HELD_PULL_LOOKS_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// How long what the reports depend on must have stayed the same after it moved before a
/// held workspace pull goes over the files again.
const HELD_PULL_SETTLES: std::time::Duration = std::time::Duration::from_millis(400);

/// How many files' stamps a workspace pull compares under one lock of the state.
const CHANGES_LOOKED_AT_TOGETHER: usize = 4096;

/// How many locations an answer must have to be sent through `DirectAnswers`.
const DIRECT_ANSWER_MIN: usize = 64;

/// From how many watched-file events on they are applied on a blocking thread, the state
/// let go of at times (`workspace::apply_many_file_events`); fewer (a file saved, a few
/// created) are applied at once, before the next message is handled.
const MANY_FILE_EVENTS: usize = 256;

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
            capabilities: capabilities::server_capabilities(encoding),
            server_info: Some(capabilities::server_info()),
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
        let text = self.document_text(document.text);
        {
            let mut state = lock(&self.state);
            state.open.insert(
                document.uri.clone(),
                OpenDocument::new(document.version, text),
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
                text: self.document_text(change.text),
            })
            .collect();
        let version = params.text_document.version;
        let outcome =
            self.with_open_document(&uri, |doc, encoding| doc.apply(version, changes, encoding));
        let applied = match outcome {
            Some(Applied::Applied) => true,
            Some(Applied::HeldBack) => {
                // A version after a gap: an earlier one may still be on its way (messages
                // are handled concurrently), or the editor skipped it, which the protocol
                // allows. Waited for a moment, then applied without it.
                tokio::time::sleep(VERSION_GAP_WAIT).await;
                self.with_open_document(&uri, OpenDocument::apply_held_back)
                    .unwrap_or(false)
            }
            _ => false,
        };
        if applied {
            self.schedule_all_open();
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let _guard = self.publishing.lock().await;
        let push = {
            let mut state = lock(&self.state);
            state.close(&uri);
            state.push_diagnostics
        };
        if push {
            // The same path as rounds, so that this comes after what they published.
            let payload =
                diagnostics::payload(self.direct.is_some(), &uri, None, Default::default());
            Backend::publish(&self.client, self.direct.as_ref(), uri, None, payload).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let events = self.file_events(params.changes);
        let count = events.len();
        let (mut changed, apart) = if count > MANY_FILE_EVENTS {
            // Off the task that serves every message, the state let go of at times.
            let state = self.state.clone();
            #[cfg(debug_assertions)]
            let fail = self.fail_next_file_events.swap(false, Ordering::SeqCst);
            let applied = tokio::task::spawn_blocking(move || {
                let applied = workspace::apply_many_file_events(&state, events);
                #[cfg(debug_assertions)]
                if fail {
                    panic!("requested by dateline/debug/panic at the next file events");
                }
                applied
            })
            .await;
            match applied {
                Ok(applied) => applied,
                Err(error) => {
                    let what = format!("applying {count} changes of watched files");
                    self.index_again_after(what, error).await;
                    return;
                }
            }
        } else {
            workspace::apply_file_events(&mut lock(&self.state), events)
        };
        if let Some(apart) = apart {
            changed |= self.take_in_changed_articles(apart).await;
        }
        if changed {
            // A changed `dateline.toml` may name other article files to watch.
            self.register_watchers().await;
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
                .with_state(move |state| workspace::apply_overrides(state, overrides))
                .await;
        } else {
            self.pull_configuration().await;
        }
        // The editor's settings may set `include`.
        self.register_watchers().await;
        self.schedule_all_open();
        self.refresh_workspace_diagnostics().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        workspace::change_folders(&mut lock(&self.state), params.event);
        self.index_workspace().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let asked = uri.clone();
        let previous = params.previous_result_id;
        let (report, said) = self
            .with_state(move |state| {
                diagnostics::document_report(state, &asked, previous.as_deref())
            })
            .await?;
        if let Some(said) = said {
            diagnostics::say_not_shown(&self.client, &uri, said).await;
        }
        Ok(report)
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let previous = diagnostics::PreviousResults::new(params.previous_result_ids);
        let token = params.partial_result_params.partial_result_token;
        if let (Some(token), Some(direct)) = (token, self.direct.clone()) {
            let previous = Arc::new(previous);
            let Some(changes) = self.workspace_changes(previous.clone()).await? else {
                // Held, and let go of unanswered: a newer pull, or the end of the session.
                return Ok(WorkspaceDiagnosticReportResult::Report(
                    WorkspaceDiagnosticReport::default(),
                ));
            };
            // In parts, a batch of files at a time, each under its own lock of the state:
            // the editor's other requests are answered in between. Files unchanged since
            // the editor's reports are left out: it keeps what it holds of them.
            let mut last_written = None;
            let vanished = (!changes.vanished.is_empty())
                .then(|| diagnostics::vanished_part(&changes.vanished, &token))
                .flatten();
            if let Some(body) = vanished {
                let (written, told) = tokio::sync::oneshot::channel();
                let _ = direct.send(Outgoing::Paced { body, written });
                last_written = Some(told);
            }
            for batch in changes.files.chunks(WORKSPACE_REPORTS_TOGETHER) {
                let (batch, previous, token) = (batch.to_vec(), previous.clone(), token.clone());
                let part = self
                    .with_state(move |state| {
                        diagnostics::partial_report(state, &batch, &previous, &token)
                    })
                    .await?;
                let Some(body) = part else { continue };
                // One part made while the one before is written, no more.
                if let Some(last) = last_written.take() {
                    let _ = last.await;
                }
                let (written, told) = tokio::sync::oneshot::channel();
                let _ = direct.send(Outgoing::Paced { body, written });
                last_written = Some(told);
            }
            // Every report went in the parts, which the writer sends before this answer.
            return Ok(WorkspaceDiagnosticReportResult::Report(
                WorkspaceDiagnosticReport::default(),
            ));
        }
        if self.answers.is_none() {
            return self
                .with_state(move |state| diagnostics::workspace_report(state, &previous))
                .await;
        }
        // Whole, as Neovim's `vim.lsp.buf.workspace_diagnostics` and Zed ask for it: the
        // JSON written a batch of files at a time, each under its own lock of the state,
        // so that the editor's other requests are answered in between (at 100,000
        // articles, one lock held the state for ten seconds), and compressed off the lock
        // to be held so until written (see `transport::AnswerJson`).
        let files = self
            .with_state(|state| diagnostics::workspace_files(state))
            .await?;
        let previous = Arc::new(previous);
        let mut json = CompressedJson::default();
        json.push(b"{\"items\":[");
        let mut first = true;
        for batch in files.chunks(WORKSPACE_REPORTS_TOGETHER) {
            let (batch, previous) = (batch.to_vec(), previous.clone());
            let part = self
                .with_state(move |state| diagnostics::reports_json(state, &batch, &previous))
                .await?;
            if part.is_empty() {
                continue;
            }
            let comma = !std::mem::take(&mut first);
            json = tokio::task::spawn_blocking(move || {
                if comma {
                    json.push(b",");
                }
                json.push(&part);
                json
            })
            .await
            .map_err(|_| Error::internal_error())?;
        }
        json.push(b"]}");
        let json = AnswerJson::Compressed(json);
        let stashed = match self.answers.as_ref() {
            Some(answers) => answers.stash_json(json),
            None => Err(json),
        };
        // Not stashed (never expected): the report read back from its JSON.
        Ok(match stashed.map_err(AnswerJson::into_plain) {
            // A stand-in report naming the stashed one (see `DirectAnswers`).
            Ok(uri) => WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport {
                items: vec![WorkspaceDocumentDiagnosticReport::Full(
                    WorkspaceFullDocumentDiagnosticReport {
                        uri,
                        version: None,
                        full_document_diagnostic_report: FullDocumentDiagnosticReport::default(),
                    },
                )],
            }),
            Err(json) => serde_json::from_slice(&json).unwrap_or(
                WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport::default()),
            ),
        })
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| features::hover(state, &at))
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| features::definition(state, &at))
            .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let include_declaration = params.context.include_declaration;
        // Only a large answer is worth the detour through `DirectAnswers`.
        let direct_from = self.answers.is_some().then_some(DIRECT_ANSWER_MIN);
        let answer = self
            .with_state(move |state| {
                features::references(state, &at, include_declaration, direct_from)
            })
            .await?;
        Ok(match answer {
            None => None,
            Some(features::LocationsAnswer::Locations(locations)) => Some(locations),
            Some(features::LocationsAnswer::Json(json)) => {
                // The JSON is made only when there are answers to stash it in; were it
                // not stashed, the locations are read back from it.
                match self.stash_answer(json) {
                    Ok(uri) => Some(vec![Location {
                        uri,
                        range: Range::default(),
                    }]),
                    Err(json) => serde_json::from_slice(&json).ok(),
                }
            }
        })
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        self.with_state(move |state| features::highlights(state, &at))
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
        let uri = params.text_document.uri;
        let lenses = {
            let uri = uri.clone();
            self.with_state(move |state| features::entry_lenses(state, &uri))
                .await?
        };
        let Some(lenses) = lenses else {
            return Ok(None);
        };
        // A registry of 5,000 actors has as many lenses: as tower-lsp's `Value` tree they
        // were 20 MB at the server's peak, against 1.3 MB of JSON, which is written
        // straight from them.
        if let (Some(answers), true) = (&self.answers, lenses.len() >= DIRECT_ANSWER_MIN) {
            let stashed = features::code_lenses_json(&uri, &lenses)
                .ok()
                .and_then(|json| answers.stash(json).ok());
            if let Some(stashed) = stashed {
                return Ok(Some(vec![CodeLens {
                    range: Range::default(),
                    command: None,
                    data: Some(serde_json::json!({ "uri": stashed.as_str() })),
                }]));
            }
        }
        Ok(Some(
            lenses
                .into_iter()
                .map(|lens| features::code_lens(&uri, lens))
                .collect(),
        ))
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
