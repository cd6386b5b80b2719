//! The protocol's byte streams, framed here in front of tower-lsp-server: every incoming
//! message is checked before the server sees it, so that a message that is not JSON, or
//! not a JSON-RPC message, is answered with the error JSON-RPC asks for and the session
//! carries on. Only a header without a usable `Content-Length` ends the session: after it
//! nothing in the stream can be trusted to start a message.
//!
//! The transport also keeps the order the protocol relies on when a client writes many
//! messages at once. tower-lsp-server handles what it reads concurrently, and acts on
//! `exit` the moment it reads it, cancelling what is pending: `shutdown` followed at once
//! by `exit` was answered "Canceled" and the process exited with 1. So `initialize` and
//! `shutdown` are answered before anything after them reaches the server, and nothing
//! after `exit` reaches it at all.

use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::watch;
use tower_lsp_server::lsp_types::FileEvent;

/// A message larger than this is refused as unparseable rather than allocated.
const MAX_MESSAGE_BYTES: usize = 512 * 1024 * 1024;

/// What the output writer is handed.
pub enum Outgoing {
    /// The body of a message, which the writer frames: a body of megabytes is never
    /// copied behind a header.
    Message(Vec<u8>),
    /// A response carrying a stashed result (see [`DirectAnswers`]), written as its head
    /// (`{"jsonrpc":"2.0","id":…,"result":`), the result, and `}`: copying a result of
    /// 15 MB (90,000 reference locations) into one body was that much more memory at the
    /// server's peak.
    Answer { head: Vec<u8>, result: AnswerJson },
    /// A message body, and whom to tell once it is written: a handler sending many parts
    /// (a workspace's diagnostics) sends the next only when the editor has read the last,
    /// so that they do not pile up here faster than the editor reads them.
    Paced {
        body: Vec<u8>,
        written: tokio::sync::oneshot::Sender<()>,
    },
    /// The server has stopped writing: flush what is left and end.
    ServerEnded,
}

/// A notification's body, its params written by `write_params` straight into a buffer of
/// about `size_hint` bytes: a `publishDiagnostics` of an article with tens of thousands
/// of warnings is megabytes, and going through tower-lsp's `serde_json::Value` tree first
/// cost more than the analysis.
pub(super) fn notification_body(
    method: &str,
    write_params: impl FnOnce(&mut Vec<u8>) -> serde_json::Result<()>,
    size_hint: usize,
) -> Option<Vec<u8>> {
    let mut body = Vec::with_capacity(size_hint);
    body.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"method\":");
    serde_json::to_writer(&mut body, method).ok()?;
    body.extend_from_slice(b",\"params\":");
    write_params(&mut body).ok()?;
    body.push(b'}');
    Some(body)
}

/// The JSON of a stashed answer: as it is, or in pieces each compressed on its own (LZ4)
/// and written out one after the other, uncompressed, by the writer. A workspace's
/// diagnostics answered whole are 1 GB of JSON at 100,000 articles, which held whole took
/// the server from 0.8 to 1.8 GB; that JSON compresses about four times.
#[derive(Debug, PartialEq)]
pub enum AnswerJson {
    Plain(Vec<u8>),
    Compressed(CompressedJson),
}

impl AnswerJson {
    /// Its length uncompressed.
    pub fn len(&self) -> usize {
        match self {
            AnswerJson::Plain(json) => json.len(),
            AnswerJson::Compressed(json) => json.len,
        }
    }

    /// The JSON whole (for when it cannot be stashed, which is never expected).
    pub fn into_plain(self) -> Vec<u8> {
        match self {
            AnswerJson::Plain(json) => json,
            AnswerJson::Compressed(json) => {
                let mut plain = Vec::with_capacity(json.len);
                for piece in &json.pieces {
                    plain.extend(json.piece(piece));
                }
                plain
            }
        }
    }
}

/// JSON kept in pieces, each compressed on its own (see [`AnswerJson`]).
#[derive(Debug, Default, PartialEq)]
pub struct CompressedJson {
    pieces: Vec<Vec<u8>>,
    /// The pieces' length uncompressed.
    len: usize,
}

impl CompressedJson {
    /// Adds `json` after the pieces before it.
    pub fn push(&mut self, json: &[u8]) {
        if !json.is_empty() {
            self.pieces.push(lz4_flex::compress_prepend_size(json));
            self.len += json.len();
        }
    }

    /// A piece uncompressed: empty if it does not decompress, which cannot happen to a
    /// piece compressed by [`CompressedJson::push`] (the writer then keeps the length it
    /// promised all the same).
    fn piece(&self, piece: &[u8]) -> Vec<u8> {
        lz4_flex::decompress_size_prepended(piece).unwrap_or_default()
    }
}

/// The URI scheme of the stand-in location that names a stashed answer.
const DIRECT_SCHEME: &str = "dateline-direct:";

/// Answers to requests serialised straight from typed data, bypassing tower-lsp-server's
/// `serde_json::Value` tree (for 10,000 reference locations, building, writing and
/// dropping that tree took most of the request's time). A handler stashes the JSON of its
/// result and answers with a stand-in naming it; tower-lsp-server still routes, cancels
/// and orders the request as usual, and `frame_output` swaps the stand-in's response for
/// one carrying the stashed JSON.
#[derive(Clone, Default)]
pub struct DirectAnswers {
    stashed: Arc<Mutex<HashMap<u64, AnswerJson>>>,
    next: Arc<AtomicU64>,
}

impl DirectAnswers {
    /// Keeps `result` (the JSON of a request's result) and returns the URI of the
    /// stand-in location the handler answers with instead. Call it only when nothing is
    /// awaited between it and the handler's return, so that a cancelled request leaves
    /// nothing behind.
    /// `result` is given back if the stand-in's URI cannot be made (never expected).
    pub fn stash(&self, result: Vec<u8>) -> Result<tower_lsp_server::lsp_types::Uri, Vec<u8>> {
        self.stash_json(AnswerJson::Plain(result))
            .map_err(AnswerJson::into_plain)
    }

    /// [`DirectAnswers::stash`] for JSON that may be compressed.
    pub fn stash_json(
        &self,
        result: AnswerJson,
    ) -> Result<tower_lsp_server::lsp_types::Uri, AnswerJson> {
        let key = self.next.fetch_add(1, Ordering::Relaxed);
        let Ok(uri) = format!("{DIRECT_SCHEME}{key}").parse() else {
            return Err(result);
        };
        self.lock().insert(key, result);
        Ok(uri)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, AnswerJson>> {
        self.stashed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The response to send instead of `body`, when `body` answers with a stand-in: its
    /// head, and the stashed result to follow it (then `}`).
    fn substitute(&self, body: &[u8]) -> Option<(Vec<u8>, AnswerJson)> {
        // Stand-in responses are tiny; real answers are never looked into.
        const STAND_IN_MAX: usize = 512;
        if body.len() > STAND_IN_MAX || !contains(body, DIRECT_SCHEME.as_bytes()) {
            return None;
        }
        let value: Value = serde_json::from_slice(body).ok()?;
        // A list of one, or a workspace report of one file's report.
        let result = value.get("result")?;
        let list = result.get("items").unwrap_or(result);
        let [stand_in] = list.as_array()?.as_slice() else {
            return None;
        };
        // A location names it by its `uri`; a code lens by its `data`'s.
        let named_by = stand_in
            .get("uri")
            .or_else(|| stand_in.get("data")?.get("uri"))?;
        let key = named_by
            .as_str()?
            .strip_prefix(DIRECT_SCHEME)?
            .parse::<u64>()
            .ok()?;
        let result = self.lock().remove(&key)?;
        let id = serde_json::to_vec(value.get("id")?).ok()?;
        let mut head = Vec::with_capacity(id.len() + 32);
        head.extend_from_slice(br#"{"jsonrpc":"2.0","id":"#);
        head.extend_from_slice(&id);
        head.extend_from_slice(br#","result":"#);
        Some((head, result))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().len()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn error_body(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    body.to_string().into_bytes()
}

/// Where a message stands in the order the transport keeps.
#[derive(Debug, Clone, PartialEq)]
enum Order {
    /// Handed to the server as soon as it comes (when nothing is awaited).
    InTurn,
    /// A client's response to a server request: handed over at once even while an answer
    /// is awaited, since the server may be waiting for it.
    Response,
    /// `initialize` or `shutdown`: nothing after it is handed over before its answer
    /// (with this id) has been written.
    AnswerFirst(Value),
    /// `exit`: the last message the server is handed.
    Last,
}

/// The message's place in the order, or why a framed body is not a message the server
/// can take, as a JSON-RPC error to answer.
fn check_message(body: &[u8]) -> Result<(Order, Value), (Value, i64, &'static str)> {
    let value: Value = serde_json::from_slice(body).map_err(|_| {
        (
            Value::Null,
            -32700,
            "Parse error: the message is not valid JSON",
        )
    })?;
    let Some(object) = value.as_object() else {
        return Err((
            Value::Null,
            -32600,
            "Invalid request: a message must be a JSON object",
        ));
    };
    let id = match object.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err((id, -32600, "Invalid request: `jsonrpc` must be \"2.0\""));
    }
    let order = match object.get("method") {
        Some(Value::String(method)) => match method.as_str() {
            "initialize" | "shutdown" if !id.is_null() => Order::AnswerFirst(id),
            "exit" => Order::Last,
            _ => Order::InTurn,
        },
        Some(_) => return Err((id, -32600, "Invalid request: `method` must be a string")),
        None if object.contains_key("id")
            && (object.contains_key("result") || object.contains_key("error")) =>
        {
            Order::Response
        }
        None => {
            return Err((
                id,
                -32600,
                "Invalid request: neither a request, a notification nor a response",
            ))
        }
    };
    Ok((order, value))
}

/// From this size a text sent in `didOpen` or `didChange` is taken out of its message
/// before tower-lsp-server reads it (see [`TakenOut`]).
const DIRECT_TEXT_MIN: usize = 256 * 1024;

/// What a taken-out text is replaced by in its message, before the stash's key: a NUL
/// first, which no text an editor sends is expected to start with.
const TEXT_MARK: &str = "\u{0}dateline-direct-text:";

/// From this size a `workspace/didChangeWatchedFiles` has its events taken out of it
/// before tower-lsp-server reads it (see [`TakenOut`]): about 650 events.
const DIRECT_EVENTS_MIN: usize = 64 * 1024;

/// The URI of the one event a message whose events were taken out carries instead, before
/// the stash's key: a scheme of its own, which no watched file has.
const EVENTS_MARK: &str = "dateline-direct-events:";

/// The large parts of the editor's messages, taken out as the transport reads them (it
/// parses each message anyway) and handed to the server beside tower-lsp-server, which
/// parses every message in the one task that serves them all:
/// - large document texts of `didOpen` and `didChange`: a 5 MB article's `didOpen` went
///   through tower-lsp-server's input buffer, which kept 9.4 MB for the rest of the
///   session, and through its `serde_json::Value` tree. The message carries a mark naming
///   the text instead; the handlers give the mark to [`TakenOut::take`].
/// - the events of a large `workspace/didChangeWatchedFiles` (a `git pull` or a branch
///   switch): 10,000 events took tower-lsp-server 0.1 s to parse, and no request was begun
///   meanwhile. They are parsed here, on the task that reads, and the message carries one
///   event whose URI names them instead; the handler gives its events to
///   [`TakenOut::take_events`].
#[derive(Clone, Default)]
pub struct TakenOut {
    texts: Arc<Mutex<HashMap<u64, String>>>,
    events: Arc<Mutex<HashMap<u64, Vec<FileEvent>>>>,
    next: Arc<AtomicU64>,
}

/// Locks a stash; a poisoned one only means a panic while it was held: the map is whole.
fn lock_stash<T>(stash: &Mutex<HashMap<u64, T>>) -> std::sync::MutexGuard<'_, HashMap<u64, T>> {
    stash
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl TakenOut {
    /// Keeps `text` and returns the mark that names it.
    fn stash(&self, text: String) -> String {
        let key = self.next.fetch_add(1, Ordering::Relaxed);
        lock_stash(&self.texts).insert(key, text);
        format!("{TEXT_MARK}{key}")
    }

    /// The text that `text` marks, once (a text that is no mark, or names nothing
    /// stashed, is given back as it is).
    pub fn take(&self, text: String) -> String {
        let key = text
            .strip_prefix(TEXT_MARK)
            .and_then(|key| key.parse::<u64>().ok());
        key.and_then(|key| lock_stash(&self.texts).remove(&key))
            .unwrap_or(text)
    }

    /// The events that `events` stand for, once: the stashed ones when `events` is the
    /// one event naming them, else `events` as they are.
    pub fn take_events(&self, events: Vec<FileEvent>) -> Vec<FileEvent> {
        let key = match events.as_slice() {
            [only] => only
                .uri
                .as_str()
                .strip_prefix(EVENTS_MARK)
                .and_then(|key| key.parse::<u64>().ok()),
            _ => None,
        };
        key.and_then(|key| lock_stash(&self.events).remove(&key))
            .unwrap_or(events)
    }

    /// The body to hand over for the parsed message `value` of `length` bytes: with its
    /// large texts or its many file events taken out; `None` to hand over the message as
    /// it came.
    fn take_out(&self, mut value: Value, length: usize) -> Option<Vec<u8>> {
        let method = value.get("method")?.as_str()?.to_owned();
        let mut texts: Vec<&mut Value> = match method.as_str() {
            "textDocument/didOpen" if length >= DIRECT_TEXT_MIN => {
                vec![value.pointer_mut("/params/textDocument/text")?]
            }
            "textDocument/didChange" if length >= DIRECT_TEXT_MIN => value
                .pointer_mut("/params/contentChanges")?
                .as_array_mut()?
                .iter_mut()
                .filter_map(|change| change.get_mut("text"))
                .collect(),
            "workspace/didChangeWatchedFiles" if length >= DIRECT_EVENTS_MIN => {
                let changes = value.pointer_mut("/params/changes")?;
                // Events tower-lsp-server would refuse are left in for it to refuse.
                let events: Vec<FileEvent> = serde_json::from_value(changes.take()).ok()?;
                let key = self.next.fetch_add(1, Ordering::Relaxed);
                lock_stash(&self.events).insert(key, events);
                *changes = json!([{"uri": format!("{EVENTS_MARK}{key}"), "type": 1}]);
                return serde_json::to_vec(&value).ok();
            }
            _ => return None,
        };
        let mut taken = false;
        for text in &mut texts {
            if let Value::String(text) = &mut **text {
                if text.len() >= DIRECT_TEXT_MIN {
                    *text = self.stash(std::mem::take(text));
                    taken = true;
                }
            }
        }
        drop(texts);
        if !taken {
            return None;
        }
        serde_json::to_vec(&value).ok()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        lock_stash(&self.texts).len() + lock_stash(&self.events).len()
    }
}

/// Reads the header block of one frame: `Ok(None)` at the end of input, `Err(())` when
/// the header has no usable `Content-Length`.
async fn read_header(reader: &mut (impl AsyncBufReadExt + Unpin)) -> Result<Option<usize>, ()> {
    let mut length = None;
    let mut broken = false;
    let mut seen_any = false;
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) => return if seen_any { Err(()) } else { Ok(None) },
            Ok(_) => {}
            Err(_) => return Ok(None),
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !seen_any {
                // Blank lines between frames are tolerated.
                continue;
            }
            break;
        }
        seen_any = true;
        match line.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(parsed) if parsed <= MAX_MESSAGE_BYTES => length = Some(parsed),
                    _ => broken = true,
                }
            }
            Some(_) => {} // Content-Type and other headers carry nothing we need.
            None => broken = true,
        }
    }
    match length {
        Some(length) if !broken => Ok(Some(length)),
        _ => Err(()),
    }
}

/// The id of the request whose answer must be written before the next message is handed
/// to the server, shared by `forward_input`, which sets it, and `frame_output`, which sees
/// the answer go out.
#[derive(Clone)]
pub struct AwaitedAnswer(Arc<watch::Sender<Option<Value>>>);

impl Default for AwaitedAnswer {
    fn default() -> Self {
        AwaitedAnswer(Arc::new(watch::Sender::new(None)))
    }
}

impl AwaitedAnswer {
    fn expect(&self, id: Value) {
        self.0.send_replace(Some(id));
    }

    /// Whether `body`, written by the server, is the awaited answer. Parses it only while
    /// an answer is awaited (rarely: during `initialize` and `shutdown`).
    fn is_answered_by(&self, body: &[u8]) -> bool {
        #[derive(serde::Deserialize)]
        struct Envelope {
            id: Option<Value>,
            method: Option<serde::de::IgnoredAny>,
        }
        let Some(awaited) = self.0.borrow().clone() else {
            return false;
        };
        serde_json::from_slice::<Envelope>(body).is_ok_and(|envelope| {
            envelope.method.is_none() && envelope.id.as_ref() == Some(&awaited)
        })
    }

    /// Nothing is awaited any more: the answer went out, or the server has ended.
    fn release(&self) {
        self.0.send_replace(None);
    }

    async fn answered(&self) {
        let mut receiver = self.0.subscribe();
        let _ = receiver.wait_for(Option::is_none).await;
    }
}

/// A well-formed message read from the editor.
struct Incoming {
    body: Vec<u8>,
    order: Order,
}

/// How the editor's side of a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputEnd {
    /// `exit` was handed to the server.
    Exit,
    /// The input ended (or a header could not be trusted) without `exit`.
    Closed,
}

/// Forwards the editor's messages to the server in the order described at the top,
/// answering the malformed ones itself. Returns after `exit`, or once the input has ended
/// and what was read before has been handed over; dropping `to_server` then ends the
/// session.
pub async fn forward_input(
    input: impl AsyncRead + Unpin,
    to_server: impl AsyncWrite + Unpin,
    out: UnboundedSender<Outgoing>,
    awaited: AwaitedAnswer,
    taken_out: TakenOut,
) -> InputEnd {
    let (read, incoming) = unbounded_channel();
    // Reading goes on while an answer is awaited, so that the client's responses to the
    // server's requests still reach it.
    let reading = std::pin::pin!(read_input(input, out, read, taken_out));
    let mut forwarding = std::pin::pin!(hand_over(incoming, to_server, awaited));
    tokio::select! {
        () = reading => forwarding.await,
        end = &mut forwarding => end,
    }
}

/// Reads frames until the end of input, answering malformed messages and passing the
/// others on.
async fn read_input(
    input: impl AsyncRead + Unpin,
    out: UnboundedSender<Outgoing>,
    incoming: UnboundedSender<Incoming>,
    taken_out: TakenOut,
) {
    let mut reader = BufReader::new(input);
    loop {
        let length = match read_header(&mut reader).await {
            Ok(Some(length)) => length,
            Ok(None) => return,
            Err(()) => {
                let _ = out.send(Outgoing::Message(error_body(
                    Value::Null,
                    -32700,
                    "Parse error: a message header without a valid Content-Length; the session cannot continue",
                )));
                return;
            }
        };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        match check_message(&body) {
            Ok((order, value)) => {
                let body = if body.len() >= DIRECT_TEXT_MIN.min(DIRECT_EVENTS_MIN) {
                    let length = body.len();
                    taken_out.take_out(value, length).unwrap_or(body)
                } else {
                    body
                };
                if incoming.send(Incoming { body, order }).is_err() {
                    return;
                }
            }
            Err((id, code, message)) => {
                let _ = out.send(Outgoing::Message(error_body(id, code, message)));
            }
        }
    }
}

/// Hands messages to the server in order, holding back those after an `initialize` or
/// `shutdown` until it is answered, and stopping after `exit`.
async fn hand_over(
    mut incoming: UnboundedReceiver<Incoming>,
    mut to_server: impl AsyncWrite + Unpin,
    awaited: AwaitedAnswer,
) -> InputEnd {
    // The header and the body are written one after the other: framing a `didOpen` of a
    // 5 MB article into one buffer copied it once more while the server took it in.
    async fn write(to_server: &mut (impl AsyncWrite + Unpin), body: &[u8]) -> bool {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        to_server.write_all(header.as_bytes()).await.is_ok()
            && to_server.write_all(body).await.is_ok()
            && to_server.flush().await.is_ok()
    }
    let mut held = VecDeque::new();
    loop {
        let message = match held.pop_front() {
            Some(message) => message,
            None => match incoming.recv().await {
                Some(message) => message,
                None => return InputEnd::Closed,
            },
        };
        if let Order::AnswerFirst(id) = &message.order {
            // Set before the request is written, so the answer cannot go out unseen.
            awaited.expect(id.clone());
        }
        if !write(&mut to_server, &message.body).await {
            return InputEnd::Closed;
        }
        match message.order {
            Order::InTurn | Order::Response => {}
            Order::Last => return InputEnd::Exit,
            Order::AnswerFirst(_) => loop {
                tokio::select! {
                    () = awaited.answered() => break,
                    next = incoming.recv() => match next {
                        Some(response @ Incoming { order: Order::Response, .. }) => {
                            if !write(&mut to_server, &response.body).await {
                                return InputEnd::Closed;
                            }
                        }
                        Some(other) => held.push_back(other),
                        None => {
                            awaited.answered().await;
                            break;
                        }
                    },
                }
            },
        }
    }
}

/// Cuts the server's output into whole messages for the writer, so that messages of the
/// server and answers of `forward_input` never interleave; responses that stand in for a
/// stashed answer are replaced by it.
pub async fn frame_output(
    from_server: impl AsyncRead + Unpin,
    out: UnboundedSender<Outgoing>,
    answers: DirectAnswers,
    awaited: AwaitedAnswer,
) {
    let mut reader = BufReader::new(from_server);
    while let Ok(Some(length)) = read_header(&mut reader).await {
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            break;
        }
        // A stand-in answers the same request as what replaces it.
        let is_awaited_answer = awaited.is_answered_by(&body);
        let outgoing = match answers.substitute(&body) {
            Some((head, result)) => Outgoing::Answer { head, result },
            None => Outgoing::Message(body),
        };
        if out.send(outgoing).is_err() {
            break;
        }
        // Released only once the answer is queued for the editor, so that nothing the
        // server writes in reply to later messages can overtake it.
        if is_awaited_answer {
            awaited.release();
        }
    }
    awaited.release();
    let _ = out.send(Outgoing::ServerEnded);
}

/// Writes messages to the editor, framed, in the order they were handed over, calling
/// `after_large_answer` once an answer of [`GIVE_BACK_AFTER_BYTES`] or more is written and
/// freed (the server gives the allocator's free pages back then). Blocking: it runs on a
/// thread of its own, writing `output` as it is (see [`raw_stdout`]).
pub fn write_output(
    mut messages: UnboundedReceiver<Outgoing>,
    output: impl std::io::Write,
    mut after_large_answer: impl FnMut(),
) {
    // Large parts go straight through; headers and small messages are written together.
    let mut output = std::io::BufWriter::with_capacity(64 * 1024, output);
    /// Writes one message whose body is `parts` one after the other.
    fn write(output: &mut impl std::io::Write, parts: &[&[u8]]) -> std::io::Result<()> {
        let length: usize = parts.iter().map(|part| part.len()).sum();
        write!(output, "Content-Length: {length}\r\n\r\n")?;
        for part in parts {
            output.write_all(part)?;
        }
        Ok(())
    }
    fn write_message(output: &mut impl std::io::Write, outgoing: &Outgoing) -> std::io::Result<()> {
        match outgoing {
            Outgoing::Message(body) | Outgoing::Paced { body, .. } => write(output, &[body]),
            Outgoing::Answer {
                head,
                result: AnswerJson::Plain(result),
            } => write(output, &[head, result, b"}"]),
            Outgoing::Answer {
                head,
                result: AnswerJson::Compressed(json),
            } => write_compressed(output, head, json),
            Outgoing::ServerEnded => Ok(()),
        }
    }
    /// Writes a response of `head`, `json` uncompressed a piece at a time, and `}`.
    fn write_compressed(
        output: &mut impl std::io::Write,
        head: &[u8],
        json: &CompressedJson,
    ) -> std::io::Result<()> {
        let length = head.len() + json.len + 1;
        write!(output, "Content-Length: {length}\r\n\r\n")?;
        output.write_all(head)?;
        let mut left = json.len;
        for piece in &json.pieces {
            let plain = json.piece(piece);
            let plain = plain.get(..left.min(plain.len())).unwrap_or_default();
            output.write_all(plain)?;
            left -= plain.len();
        }
        // Only if a piece failed to decompress: the length promised is kept, so that the
        // messages after this one are still read as messages.
        while left > 0 {
            let spaces = left.min(4096);
            output.write_all(&[b' '; 4096][..spaces])?;
            left -= spaces;
        }
        output.write_all(b"}")
    }
    use std::io::Write;
    while let Some(outgoing) = messages.blocking_recv() {
        if let Outgoing::ServerEnded = outgoing {
            while let Ok(left) = messages.try_recv() {
                let _ = write_message(&mut output, &left);
            }
            let _ = output.flush();
            return;
        }
        if write_message(&mut output, &outgoing).is_err() || output.flush().is_err() {
            return;
        }
        match outgoing {
            Outgoing::Paced { written, .. } => {
                let _ = written.send(());
            }
            // What made a large answer (a workspace's diagnostics whole: 1 GB of JSON at
            // 100,000 articles) is freed by now, and the allocator kept its pages: the
            // server stayed 700 MB larger after such an answer than before it.
            Outgoing::Answer { result, .. } if result.len() >= GIVE_BACK_AFTER_BYTES => {
                drop(result);
                after_large_answer();
            }
            _ => {}
        }
    }
}

/// How large an answer must be for the pages freed after it to be given back at once.
const GIVE_BACK_AFTER_BYTES: usize = 16 * 1024 * 1024;

/// Standard output without its line buffering: a copy of its descriptor as a file.
/// `Stdout` looks for a line break in everything written through it, and tokio's copies
/// it into its own buffer 2 MB at a time; the two were a third of the server's time in an
/// answer of 15 MB (90,000 reference locations). Standard output itself where the
/// descriptor cannot be copied.
pub fn raw_stdout() -> Box<dyn std::io::Write + Send> {
    #[cfg(unix)]
    let copy = {
        use std::os::fd::AsFd;
        std::io::stdout().as_fd().try_clone_to_owned()
    };
    #[cfg(windows)]
    let copy = {
        use std::os::windows::io::AsHandle;
        std::io::stdout().as_handle().try_clone_to_owned()
    };
    #[cfg(any(unix, windows))]
    if let Ok(copy) = copy {
        return Box::new(std::fs::File::from(copy));
    }
    Box::new(std::io::stdout())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stand_in_response_is_replaced_by_its_stashed_answer_once() {
        let answers = DirectAnswers::default();
        let uri = answers
            .stash(br#"[{"uri":"file:///a.article","range":1}]"#.to_vec())
            .unwrap_or_else(|_| panic!("stashed"));
        let stand_in = serde_json::to_string(&json!({
            "jsonrpc": "2.0",
            "result": [{"uri": uri.as_str(), "range": {}}],
            "id": "x7",
        }))
        .unwrap();
        let (mut answer, result) = answers.substitute(stand_in.as_bytes()).unwrap();
        answer.extend_from_slice(&result.into_plain());
        answer.push(b'}');
        let answer: Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(
            answer,
            json!({"jsonrpc": "2.0", "id": "x7", "result": [{"uri": "file:///a.article", "range": 1}]})
        );
        assert_eq!(answers.len(), 0);
        assert_eq!(answers.substitute(stand_in.as_bytes()), None);
    }

    #[test]
    fn a_code_lens_stand_in_names_its_answer_in_its_data() {
        let answers = DirectAnswers::default();
        let uri = answers
            .stash(br#"[{"range":1,"command":{"title":"3 mentions"}}]"#.to_vec())
            .unwrap_or_else(|_| panic!("stashed"));
        let stand_in = serde_json::to_string(&json!({
            "jsonrpc": "2.0",
            "result": [{"range": {}, "data": {"uri": uri.as_str()}}],
            "id": 4,
        }))
        .unwrap();
        let (head, result) = answers.substitute(stand_in.as_bytes()).unwrap();
        assert_eq!(head, br#"{"jsonrpc":"2.0","id":4,"result":"#);
        assert_eq!(
            result.into_plain(),
            br#"[{"range":1,"command":{"title":"3 mentions"}}]"#
        );
        assert_eq!(answers.len(), 0);
    }

    #[test]
    fn other_responses_pass_unchanged() {
        let answers = DirectAnswers::default();
        let _ = answers.stash(b"[]".to_vec());
        for body in [
            r#"{"jsonrpc":"2.0","result":[{"uri":"file:///dateline-direct:0","range":{}}],"id":1}"#,
            r#"{"jsonrpc":"2.0","result":[{"uri":"dateline-direct:99","range":{}}],"id":1}"#,
            r#"{"jsonrpc":"2.0","result":"dateline-direct:0","id":1}"#,
            r#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"dateline-direct:0"}}"#,
            r#"{"jsonrpc":"2.0","result":null,"id":1}"#,
        ] {
            assert_eq!(answers.substitute(body.as_bytes()), None, "{body}");
        }
        assert_eq!(answers.len(), 1);
    }

    /// A stashed answer goes out in parts, framed as one message with the length of all
    /// of them, in order among the other messages; what was queued before the server
    /// ended is still written.
    #[test]
    fn the_writer_frames_a_stashed_answer_as_one_message() {
        let result = br#"[{"uri":"file:///b.article"}]"#;
        // As it is, and compressed in pieces cut anywhere.
        let mut compressed = CompressedJson::default();
        for piece in [&result[..5], &result[5..6], &result[6..]] {
            compressed.push(piece);
        }
        for result in [
            AnswerJson::Plain(result.to_vec()),
            AnswerJson::Compressed(compressed),
        ] {
            let written = {
                let (out, messages) = unbounded_channel();
                out.send(Outgoing::Message(br#"{"a":1}"#.to_vec())).unwrap();
                out.send(Outgoing::Answer {
                    head: br#"{"jsonrpc":"2.0","id":3,"result":"#.to_vec(),
                    result,
                })
                .unwrap();
                out.send(Outgoing::ServerEnded).unwrap();
                out.send(Outgoing::Message(br#"{"b":2}"#.to_vec())).unwrap();
                let mut written = Vec::new();
                write_output(messages, &mut written, || {});
                written
            };
            let answer = r#"{"jsonrpc":"2.0","id":3,"result":[{"uri":"file:///b.article"}]}"#;
            let expected = format!(
                "Content-Length: 7\r\n\r\n{{\"a\":1}}Content-Length: {}\r\n\r\n{answer}Content-Length: 7\r\n\r\n{{\"b\":2}}",
                answer.len()
            );
            assert_eq!(String::from_utf8(written).unwrap(), expected);
        }
    }

    #[test]
    fn the_writer_says_when_a_large_answer_is_written_and_freed() {
        let (out, messages) = unbounded_channel();
        let answer = |bytes: usize| Outgoing::Answer {
            head: b"{\"id\":1,\"result\":".to_vec(),
            result: AnswerJson::Plain(vec![b'1'; bytes]),
        };
        out.send(answer(GIVE_BACK_AFTER_BYTES - 1)).unwrap();
        out.send(Outgoing::Message(vec![b'2'; GIVE_BACK_AFTER_BYTES]))
            .unwrap();
        out.send(answer(GIVE_BACK_AFTER_BYTES)).unwrap();
        let mut compressed = CompressedJson::default();
        for _ in 0..GIVE_BACK_AFTER_BYTES / (1 << 20) {
            compressed.push(&[b'3'; 1 << 20]);
        }
        out.send(Outgoing::Answer {
            head: b"{\"id\":2,\"result\":".to_vec(),
            result: AnswerJson::Compressed(compressed),
        })
        .unwrap();
        drop(out);
        let mut said = 0;
        let mut written = Vec::new();
        write_output(messages, &mut written, || said += 1);
        // Only the two answers of 16 MB: not the smaller one, nor a notification.
        assert_eq!(said, 2);
        // Every message written, the compressed answer last.
        assert!(written.len() > 4 * GIVE_BACK_AFTER_BYTES);
        assert!(written.ends_with(b"333}"));
    }

    /// A compressed piece that does not decompress (never made here) leaves the answer
    /// the length it was framed with, so that the next message is read as one.
    #[test]
    fn a_damaged_compressed_piece_keeps_the_framing() {
        let mut json = CompressedJson::default();
        json.push(b"[1,2,3]");
        json.pieces[0].truncate(5);
        let (out, messages) = unbounded_channel();
        out.send(Outgoing::Answer {
            head: b"{\"id\":1,\"result\":".to_vec(),
            result: AnswerJson::Compressed(json),
        })
        .unwrap();
        out.send(Outgoing::Message(br#"{"b":2}"#.to_vec())).unwrap();
        drop(out);
        let mut written = Vec::new();
        write_output(messages, &mut written, || {});
        let expected = "Content-Length: 25\r\n\r\n{\"id\":1,\"result\":       }Content-Length: 7\r\n\r\n{\"b\":2}";
        assert_eq!(String::from_utf8(written).unwrap(), expected);
    }

    #[test]
    fn messages_after_shutdown_wait_for_its_answer_and_nothing_follows_exit() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let (sender, incoming) = unbounded_channel();
            for body in [
                r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
                r#"{"jsonrpc":"2.0","method":"exit"}"#,
                r#"{"jsonrpc":"2.0","id":2,"method":"after-exit"}"#,
            ] {
                let (order, _) = check_message(body.as_bytes()).unwrap();
                let body = body.as_bytes().to_vec();
                sender.send(Incoming { body, order }).unwrap();
            }
            drop(sender);
            let (to_server, server_side) = tokio::io::duplex(4096);
            let awaited = AwaitedAnswer::default();
            let handing = tokio::spawn(hand_over(incoming, to_server, awaited.clone()));
            let mut server_side = BufReader::new(server_side);
            async fn next_body(
                server_side: &mut BufReader<tokio::io::DuplexStream>,
            ) -> Option<String> {
                let length = read_header(server_side).await.ok()??;
                let mut body = vec![0; length];
                server_side.read_exact(&mut body).await.ok()?;
                String::from_utf8(body).ok()
            }
            assert_eq!(
                next_body(&mut server_side).await.as_deref(),
                Some(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)
            );
            for _ in 0..16 {
                tokio::task::yield_now().await;
            }
            assert!(!handing.is_finished(), "exit went ahead of the answer");
            assert!(!awaited.is_answered_by(br#"{"jsonrpc":"2.0","result":null,"id":2}"#));
            assert!(awaited.is_answered_by(br#"{"jsonrpc":"2.0","result":null,"id":1}"#));
            awaited.release();
            assert_eq!(
                next_body(&mut server_side).await.as_deref(),
                Some(r#"{"jsonrpc":"2.0","method":"exit"}"#)
            );
            assert_eq!(next_body(&mut server_side).await, None);
            assert_eq!(handing.await.unwrap(), InputEnd::Exit);
        });
    }

    #[test]
    fn large_document_texts_are_taken_out_and_given_back_once() {
        let texts = TakenOut::default();
        let large = "x".repeat(DIRECT_TEXT_MIN);
        let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": "file:///a.article", "languageId": "article", "version": 1, "text": large}}});
        let body = texts
            .take_out(open, DIRECT_TEXT_MIN)
            .expect("a large didOpen is rewritten");
        assert!(body.len() < 200, "{}", String::from_utf8_lossy(&body));
        let sent: Value = serde_json::from_slice(&body).unwrap();
        let mark = sent["params"]["textDocument"]["text"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(sent["params"]["textDocument"]["uri"], "file:///a.article");
        assert_eq!(texts.take(mark.clone()), large);
        // Given back once: the mark alone names nothing any more.
        assert_eq!(texts.take(mark.clone()), mark);
        assert_eq!(texts.len(), 0);

        // Each large change of a `didChange`; small ones stay in the message.
        let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": "file:///a.article", "version": 2},
            "contentChanges": [{"text": "small"}, {"text": large}]}});
        let sent: Value =
            serde_json::from_slice(&texts.take_out(change, DIRECT_TEXT_MIN).unwrap()).unwrap();
        assert_eq!(sent["params"]["contentChanges"][0]["text"], "small");
        let mark = sent["params"]["contentChanges"][1]["text"]
            .as_str()
            .unwrap();
        assert!(mark.starts_with(TEXT_MARK), "{mark}");
        assert_eq!(texts.take(mark.to_string()), large);

        // Small texts, other methods and texts that only look like marks pass unchanged.
        let small = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": "file:///b.article", "languageId": "article", "version": 1, "text": "short"}}});
        assert_eq!(texts.take_out(small, 200), None);
        let other = json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"text": large}});
        assert_eq!(texts.take_out(other, DIRECT_TEXT_MIN), None);
        for text in [
            format!("{TEXT_MARK}99"),
            format!("{TEXT_MARK}x"),
            "plain".to_string(),
        ] {
            assert_eq!(texts.take(text.clone()), text);
        }
    }

    #[test]
    fn many_file_events_are_taken_out_and_given_back_once() {
        let taken_out = TakenOut::default();
        let event = |index: usize| json!({"uri": format!("file:///corpus/pulled-{index:05}.article"), "type": 1});
        let events: Vec<Value> = (0..2000).map(event).collect();
        let notification = json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
            "params": {"changes": events}});
        let length = notification.to_string().len();
        assert!(length >= DIRECT_EVENTS_MIN);
        let body = taken_out
            .take_out(notification.clone(), length)
            .expect("many events are taken out");
        assert!(body.len() < 200, "{}", String::from_utf8_lossy(&body));
        let sent: tower_lsp_server::lsp_types::DidChangeWatchedFilesParams =
            serde_json::from_value(
                serde_json::from_slice::<Value>(&body).unwrap()["params"].clone(),
            )
            .unwrap();
        assert_eq!(sent.changes.len(), 1);
        let given: Vec<FileEvent> = taken_out.take_events(sent.changes.clone());
        let expected: Vec<FileEvent> =
            serde_json::from_value(notification["params"]["changes"].clone()).unwrap();
        assert_eq!(given, expected);
        // Given back once: the mark alone names nothing any more.
        assert_eq!(taken_out.take_events(sent.changes.clone()), sent.changes);
        assert_eq!(taken_out.len(), 0);

        // A short list, and events tower-lsp-server would refuse, pass unchanged.
        let few = json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
            "params": {"changes": [event(1)]}});
        assert_eq!(taken_out.take_out(few, 100), None);
        let mut broken: Vec<Value> = (0..2000).map(event).collect();
        broken.push(json!({"uri": "file:///corpus/x.article", "type": "created"}));
        let broken = json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
            "params": {"changes": broken}});
        assert_eq!(taken_out.take_out(broken, DIRECT_TEXT_MIN), None);
        assert_eq!(taken_out.len(), 0);
        // Plain events are given back as they are.
        let plain: Vec<FileEvent> = serde_json::from_value(json!([event(2)])).unwrap();
        assert_eq!(taken_out.take_events(plain.clone()), plain);
    }

    #[test]
    fn messages_are_checked_as_json_rpc_asks() {
        let code = |body: &str| {
            check_message(body.as_bytes())
                .err()
                .map(|(id, code, _)| (id, code))
        };
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#), None);
        assert_eq!(code(r#"{"jsonrpc":"2.0","method":"x"}"#), None);
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"result":null}"#), None);
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1,"method":"#),
            Some((Value::Null, -32700))
        );
        assert_eq!(code("[1,2]"), Some((Value::Null, -32600)));
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":7,"method":3}"#),
            Some((json!(7), -32600))
        );
        assert_eq!(
            code(r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#),
            Some((json!("a"), -32600))
        );
    }
}
