//! The diagnostics rounds and reports. After changes pause, a round makes the
//! diagnostics of every open document again where the corpus's stamp says they may have
//! changed and pushes them (as a message body straight to the stdio writer when there is
//! one); the pull model's reports are made here too.

use super::convert;
use super::document::Published;
use super::server::Backend;
use super::state::{lock, RootedPath, State};
use super::transport::Outgoing;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::Client;

/// How long typing must pause before diagnostics are recomputed and pushed.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// From this size a document's round gives the free pages back (see `schedule_all_open`).
const LARGE_DOCUMENT_BYTES: usize = 1 << 20;

/// Diagnostics ready to publish: a message body for the writer, or protocol values for
/// tower-lsp's client.
pub(super) enum Payload {
    Message(Vec<u8>),
    Diagnostics(Vec<Diagnostic>),
}

impl Backend {
    /// Publishes diagnostics computed by a round (under the `publishing` lock).
    pub(super) async fn publish(
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

    /// Schedules a debounced recomputation and push of the diagnostics of every open
    /// document. Any change can affect any open document (a registry all of them, an
    /// article the citations and hints of others), and a newer schedule replaces an
    /// older one: only when changes pause for `DEBOUNCE` is anything recomputed.
    pub(super) fn schedule_all_open(&self) {
        // A change the editor made (or a file that changed), and the round it starts until
        // its last publication, are activity the cache's write waits a pause in.
        let busy = self.activity.busy();
        let round = self.rounds.fetch_add(1, Ordering::SeqCst) + 1;
        let rounds = self.rounds.clone();
        let state = self.state.clone();
        let client = self.client.clone();
        let publishing = self.publishing.clone();
        let direct = self.direct.clone();
        tokio::spawn(async move {
            let _busy = busy;
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
                tokio::sync::mpsc::unbounded_channel::<(Uri, Published, Payload, Option<String>)>();
            let job = {
                let state = state.clone();
                let with_writer = direct.is_some();
                tokio::task::spawn_blocking(move || {
                    let order = {
                        let mut state = lock(&state);
                        state.flush();
                        publishing_order(&state)
                    };
                    let mut large_published = false;
                    for uri in order {
                        let converted = {
                            let mut state = lock(&state);
                            // Under the same lock as the version read next: a change
                            // applied since the round began (one held back for a gap in
                            // the versions comes 50 ms late) was labelled with its new
                            // version but published with the diagnostics of the text
                            // before it.
                            state.flush();
                            let Some(doc) = state.open.get(&uri) else {
                                continue;
                            };
                            let (version, published) = (doc.version, doc.published);
                            let large = doc.len_bytes() >= LARGE_DOCUMENT_BYTES;
                            let Some(location) = state.locate(&uri) else {
                                continue;
                            };
                            match to_publish(&state, &location, version, published) {
                                Ok((published, diagnostics)) => {
                                    let said = first_said_not_shown(
                                        &mut state,
                                        &uri,
                                        &location,
                                        &diagnostics,
                                    );
                                    let ranged = ranged(&state, &location, diagnostics);
                                    Some((published, ranged, said, large))
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
                        if let Some((published, diagnostics, said, large)) = converted {
                            large_published |= large;
                            let version = Some(published.version);
                            let payload = payload(with_writer, &uri, version, diagnostics);
                            if sender.send((uri, published, payload, said)).is_err() {
                                return;
                            }
                        }
                    }
                    if large_published {
                        // A large document's analysis made again frees as much as it
                        // allocates, on whichever thread ran the round: given back, the
                        // freed pages do not pile up in arenas other rounds' threads do
                        // not reuse (typing in a 5 MB article grew the server by 10-20 MB
                        // an edit).
                        super::memory::give_back_free_pages();
                    }
                })
            };
            let _guard = publishing.lock().await;
            while let Some((uri, published, payload, said)) = ready.recv().await {
                if let Some(said) = said {
                    say_not_shown(&client, &uri, said).await;
                }
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

    pub(super) async fn refresh_workspace_diagnostics(&self) {
        if self.supports().diagnostic_refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }
}

/// The `findings-not-shown` note leading `diagnostics`, when the open document at `uri`
/// has not had it said yet (it is then noted as said): what to log and show of it.
/// The document is named by its path in its corpus (`location`).
pub(super) fn first_said_not_shown(
    state: &mut State,
    uri: &Uri,
    location: &RootedPath,
    diagnostics: &[crate::diagnostic::Diagnostic],
) -> Option<String> {
    let note = diagnostics
        .first()
        .filter(|first| first.code == crate::diagnostic::DiagnosticCode::FindingsNotShown)?;
    let doc = state.open.get_mut(uri)?;
    if doc.findings_not_shown_said {
        return None;
    }
    doc.findings_not_shown_said = true;
    Some(format!("dateline: {}: {}", location.path, note.message))
}

/// Says `said` (of the document at `uri`) in the log and in a message the editor shows.
pub(super) async fn say_not_shown(client: &Client, uri: &Uri, said: String) {
    client
        .log_message(MessageType::WARNING, format!("{said} ({})", uri.as_str()))
        .await;
    client.show_message(MessageType::WARNING, said).await;
}

/// `textDocument/diagnostic`: one document's diagnostics, always in full.
/// With what to say of it when the editor is shown part of an open document's findings
/// for the first time.
pub(super) fn document_report(
    state: &mut State,
    uri: &Uri,
    previous: Option<&str>,
) -> (DocumentDiagnosticReportResult, Option<String>) {
    let (items, said, result_id) = match state.locate(uri) {
        Some(location) => {
            // The same id as a workspace report of the file would have: VS Code sends the
            // document's id among a workspace pull's `previousResultIds`.
            let result_id = state.corpus(location.root).map(|corpus| {
                result_id(
                    corpus.diagnostics_stamp(&location.path),
                    version_of(state, uri),
                )
            });
            if let (Some(id), Some(previous)) = (&result_id, previous) {
                if id == previous {
                    let unchanged = UnchangedDocumentDiagnosticReport {
                        result_id: id.clone(),
                    };
                    let report = DocumentDiagnosticReport::Unchanged(
                        RelatedUnchangedDocumentDiagnosticReport {
                            related_documents: None,
                            unchanged_document_diagnostic_report: unchanged,
                        },
                    );
                    return (DocumentDiagnosticReportResult::Report(report), None);
                }
            }
            let diagnostics = corpus_diagnostics(state, &location);
            let said = first_said_not_shown(state, uri, &location, &diagnostics);
            (
                ranged(state, &location, diagnostics).into_protocol(),
                said,
                result_id,
            )
        }
        None => (Vec::new(), None, None),
    };
    let report = DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ));
    (report, said)
}

/// The version of the open document at `uri`, if it is open.
fn version_of(state: &State, uri: &Uri) -> Option<i64> {
    state.open.get(uri).map(|doc| doc.version as i64)
}

/// What tells a file's report apart from every other this server process makes: the
/// corpus's stamp of the file's diagnostics, the open document's version, and the
/// process (an editor may hold result ids from a server that ran before).
fn result_id(stamp: crate::corpus::DiagnosticsStamp, version: Option<i64>) -> String {
    static PROCESS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let process = PROCESS.get_or_init(|| {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        format!("{}-{started}", std::process::id())
    });
    let version = version.map_or_else(String::new, |version| version.to_string());
    format!("{process}.{}.{version}", stamp.key())
}

/// The files `workspace/diagnostic` reports on: every file of every root with
/// diagnostics to report, skipped ones included, as (root, path).
pub(super) fn workspace_files(state: &State) -> Vec<(usize, String)> {
    let mut files = Vec::new();
    for (root, entry) in state.roots.iter().enumerate() {
        let mut paths = entry.corpus.paths();
        paths.extend(entry.corpus.skipped().map(|(path, _)| path.to_string()));
        files.extend(paths.into_iter().map(|path| (root, path)));
    }
    files
}

/// The editor's result ids of the reports it holds (`previousResultIds`).
#[derive(Default)]
pub(super) struct PreviousResults {
    /// By the URI as the editor wrote it.
    by_uri: std::collections::HashMap<String, String>,
    /// Each URI with its id, in the editor's order.
    held: Vec<(Uri, String)>,
}

impl PreviousResults {
    pub(super) fn new(ids: Vec<PreviousResultId>) -> Self {
        let held: Vec<(Uri, String)> = ids.into_iter().map(|id| (id.uri, id.value)).collect();
        let by_uri = held
            .iter()
            .map(|(uri, id)| (uri.as_str().to_string(), id.clone()))
            .collect();
        PreviousResults { by_uri, held }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    fn get(&self, uri: &str) -> Option<&String> {
        self.by_uri.get(uri)
    }
}

/// What a workspace pull has to send the editor, given the reports it holds.
pub(super) struct WorkspaceChanges {
    /// The files whose report differs from the one the editor holds, or of which it holds
    /// none, as (root, path).
    pub(super) files: Vec<(usize, String)>,
    /// Files the editor holds a report of that are no longer any corpus's (removed,
    /// renamed, left out by the configuration): reported empty, so that their findings
    /// leave the Problems panel.
    pub(super) vanished: Vec<Uri>,
}

/// How a workspace pull finds what changed since the reports the editor holds, worked
/// out under one lock ([`plan_changes`]): every file, the editor's result ids matched to
/// them by the file each URI names (not its spelling), and the files the editor holds a
/// report of that are no longer any corpus's. The files' stamps are then compared a batch
/// at a time, each under its own lock ([`changed_among`]): at 100,000 articles, all at
/// once held the state for over a second.
pub(super) struct ChangesPlan {
    pub(super) files: Vec<(usize, String)>,
    held: std::collections::HashMap<(usize, String), String>,
    pub(super) vanished: Vec<Uri>,
    /// The state's [`State::diagnostics_generation`] when the plan was made.
    pub(super) generation: (u64, i64, usize),
}

pub(super) fn plan_changes(state: &State, previous: &PreviousResults) -> ChangesPlan {
    let files = workspace_files(state);
    let mut held = std::collections::HashMap::with_capacity(previous.held.len());
    let mut held_uris = Vec::with_capacity(previous.held.len());
    for (uri, id) in &previous.held {
        if let Some(location) = state.locate(uri) {
            let key = (location.root, location.path);
            held_uris.push((key.clone(), uri));
            held.insert(key, id.clone());
        }
    }
    let current: std::collections::HashSet<&(usize, String)> = files.iter().collect();
    let vanished = held_uris
        .into_iter()
        .filter(|(key, uri)| !current.contains(key) && !state.open.contains_key(*uri))
        .map(|(_, uri)| uri.clone())
        .collect();
    ChangesPlan {
        files,
        held,
        vanished,
        generation: state.diagnostics_generation(),
    }
}

/// The files of `batch` whose report differs from the one the editor holds (see
/// [`ChangesPlan`]), or of which it holds none, without making any file's diagnostics.
/// When the editor pulls open documents' diagnostics itself (`documents_pulled`), an open
/// document of which it holds no report is left to that pull.
pub(super) fn changed_among(
    state: &State,
    plan: &ChangesPlan,
    batch: &[(usize, String)],
    documents_pulled: bool,
) -> Vec<(usize, String)> {
    // Only open documents have versions: looked up by place, not by a URI made for every
    // file.
    let open: std::collections::HashMap<(usize, String), i64> = state
        .open
        .iter()
        .filter_map(|(uri, doc)| {
            let location = state.locate(uri)?;
            Some(((location.root, location.path), i64::from(doc.version)))
        })
        .collect();
    batch
        .iter()
        .filter(|key| {
            let Some(corpus) = state.corpus(key.0) else {
                return false;
            };
            let version = open.get(*key).copied();
            // A file the editor holds no report of is sent without its stamp being made
            // (a first pull sends every file, and making each stamp twice, here and for
            // its report, cost a first pull of 100,000 articles two seconds).
            match plan.held.get(*key) {
                Some(id) => *id != result_id(corpus.diagnostics_stamp(&key.1), version),
                None => !(documents_pulled && version.is_some()),
            }
        })
        .cloned()
        .collect()
}

/// The reports of files no longer in any corpus: empty, without a result id.
fn vanished_reports(uris: &[Uri]) -> impl Iterator<Item = WorkspaceDocumentDiagnosticReport> + '_ {
    uris.iter().map(|uri| {
        WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
            uri: uri.clone(),
            version: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport::default(),
        })
    })
}

/// The report of the file at `path` of the folder `root` for `workspace/diagnostic`: in
/// full, or unchanged when the editor's `previous` result id is the one its report would
/// have now (then its diagnostics are not made at all).
fn file_report(
    state: &State,
    root: usize,
    path: &str,
    previous: &PreviousResults,
) -> Option<WorkspaceDocumentDiagnosticReport> {
    let uri = state.uri(root, path)?;
    let corpus = state.corpus(root)?;
    let version = version_of(state, &uri);
    let result_id = result_id(corpus.diagnostics_stamp(path), version);
    if previous.get(uri.as_str()) == Some(&result_id) {
        return Some(WorkspaceDocumentDiagnosticReport::Unchanged(
            WorkspaceUnchangedDocumentDiagnosticReport {
                uri,
                version,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id,
                },
            },
        ));
    }
    let location = RootedPath {
        root,
        path: path.to_string(),
    };
    let items = file_diagnostics(state, &location);
    Some(WorkspaceDocumentDiagnosticReport::Full(
        WorkspaceFullDocumentDiagnosticReport {
            uri,
            version,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items,
            },
        },
    ))
}

/// Writes the reports of `files` into `out` as the JSON of a list's items (each after a
/// comma but the first), one report made at a time.
fn write_reports(
    state: &State,
    files: &[(usize, String)],
    previous: &PreviousResults,
    out: &mut Vec<u8>,
) {
    let mut first = true;
    for (root, path) in files {
        let Some(report) = file_report(state, *root, path, previous) else {
            continue;
        };
        if !first {
            out.push(b',');
        }
        first = false;
        // Writing into memory fails only for values JSON cannot hold.
        let _ = serde_json::to_writer(&mut *out, &report);
    }
}

/// `workspace/diagnostic` answered whole, as protocol values: every file's report (see
/// [`file_report`]). Only where there is no writer to take an answer's JSON (not serving
/// stdio); the server otherwise writes the JSON a batch of files at a time
/// ([`reports_json`]).
pub(super) fn workspace_report(
    state: &State,
    previous: &PreviousResults,
) -> WorkspaceDiagnosticReportResult {
    let items = workspace_files(state)
        .iter()
        .filter_map(|(root, path)| file_report(state, *root, path, previous))
        .collect();
    WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items })
}

/// The reports of `files` as the JSON of a list's items, comma-separated (see
/// [`file_report`]), written straight from each file's report as it is made: for a corpus
/// of 10,000 articles, 400,000 diagnostics as one tree of protocol values, then of
/// `serde_json` values, took the server to 1.7 GB.
pub(super) fn reports_json(
    state: &State,
    files: &[(usize, String)],
    previous: &PreviousResults,
) -> Vec<u8> {
    let mut out = Vec::new();
    write_reports(state, files, previous, &mut out);
    out
}

/// A `$/progress` notification carrying the reports of `files` as a partial result of
/// the `workspace/diagnostic` request whose partial-result token is `token`: a
/// workspace's report sent in parts is never held whole (at 100,000 articles, about
/// 1 GB of JSON).
pub(super) fn partial_report(
    state: &State,
    files: &[(usize, String)],
    previous: &PreviousResults,
    token: &NumberOrString,
) -> Option<Vec<u8>> {
    progress_part(token, |out| write_reports(state, files, previous, out))
}

/// A `$/progress` part of the `workspace/diagnostic` request whose partial-result token is
/// `token`, reporting the files no longer in any corpus (see [`ChangesPlan`]).
pub(super) fn vanished_part(uris: &[Uri], token: &NumberOrString) -> Option<Vec<u8>> {
    progress_part(token, |out| {
        for (index, report) in vanished_reports(uris).enumerate() {
            if index > 0 {
                out.push(b',');
            }
            // Writing into memory fails only for values JSON cannot hold.
            let _ = serde_json::to_writer(&mut *out, &report);
        }
    })
}

/// A `$/progress` part of reports, their JSON list items written by `write_items`.
fn progress_part(
    token: &NumberOrString,
    write_items: impl FnOnce(&mut Vec<u8>),
) -> Option<Vec<u8>> {
    super::transport::notification_body(
        "$/progress",
        |out| {
            out.extend_from_slice(b"{\"token\":");
            serde_json::to_writer(&mut *out, token)?;
            out.extend_from_slice(b",\"value\":{\"items\":[");
            write_items(out);
            out.extend_from_slice(b"]}}");
            Ok(())
        },
        64 * 1024,
    )
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

/// A file's diagnostics in the protocol's values.
fn file_diagnostics(state: &State, location: &RootedPath) -> Vec<Diagnostic> {
    ranged(state, location, corpus_diagnostics(state, location)).into_protocol()
}

/// A file's diagnostics as the corpus gives them (as many as an editor is shown), or the
/// reason it was skipped.
fn corpus_diagnostics(state: &State, location: &RootedPath) -> Vec<crate::diagnostic::Diagnostic> {
    match state.corpus(location.root) {
        Some(corpus) => crate::ide::diagnostics::for_editor(corpus, &location.path),
        None => Vec::new(),
    }
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
            convert::RangedDiagnostics::new(&text, &index, diagnostics, state.encoding)
        }
        None => convert::RangedDiagnostics::default(),
    }
}

/// A `publishDiagnostics` as a message body when there is a direct writer (and the params
/// serialise), as protocol values for tower-lsp's client otherwise.
pub(super) fn payload(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::lsp::document::OpenDocument;
    use crate::position::LineIndex;
    use crate::text::TextRange;

    #[test]
    fn a_round_publishes_edited_documents_first_and_the_smaller_first() {
        let mut state = State::new(crate::position::Encoding::Utf16, Vec::new(), true);
        let open = |state: &mut State, name: &str, bytes: usize, published_at: Option<i32>| {
            let uri: Uri = format!("file:///corpus/{name}.article").parse().unwrap();
            let mut doc = OpenDocument::new(3, "x".repeat(bytes));
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
