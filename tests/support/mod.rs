//! Test support: a minimal LSP client that drives the real `dateline` binary over stdio,
//! and a scratch copy of the seed corpus.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: tests never depend on timing, this only stops a hung test.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// [`PATIENCE`], or `DATELINE_TEST_PATIENCE_S` seconds when set: the benchmark of the
/// server on 100,000 articles (`scripts/bench.sh --100k`) waits longer than that for
/// its indexing to end.
pub fn patience() -> Duration {
    std::env::var("DATELINE_TEST_PATIENCE_S")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .map_or(PATIENCE, Duration::from_secs)
}

/// A copy of `seeds/` in a fresh temporary directory, removed on drop.
pub struct Scratch {
    pub dir: PathBuf,
}

impl Scratch {
    pub fn seeds(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dateline-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(seeds).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
        }
        Scratch { dir }
    }

    pub fn empty(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dateline-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    pub fn uri(&self, name: &str) -> String {
        format!("file://{}", self.path(name).display())
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running server and what it has sent that no request claimed yet.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<(Instant, Value)>,
    next_id: i64,
    /// When the last byte of the last message received arrived, before it was parsed:
    /// the latency benchmark tells the server's time from the client's own parsing.
    pub last_arrival: Option<Instant>,
    /// Notifications and server requests received so far, in order.
    pub notifications: Vec<Value>,
    /// Answer to `workspace/configuration` requests.
    pub settings: Value,
    /// Standard error, when captured.
    stderr: Arc<Mutex<Vec<u8>>>,
    /// The server's cache folder (`XDG_CACHE_HOME`) when it is its own, removed on drop:
    /// a test server neither reads a cache another run left nor leaves one behind.
    own_cache_home: Option<PathBuf>,
}

fn read_frames(stdout: impl Read + Send + 'static) -> Receiver<(Instant, Value)> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let Some(length) = length else { return };
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let arrival = Instant::now();
            match serde_json::from_slice(&body) {
                Ok(value) => {
                    if sender.send((arrival, value)).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            }
        }
    });
    receiver
}

impl Server {
    /// The server's process id, to look at the process from outside.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A server whose standard error goes to the test's (shown when a test fails).
    pub fn start() -> Server {
        Self::spawn(Stdio::inherit(), None, &[])
    }

    /// A server with these environment variables set.
    pub fn start_with_env(vars: &[(&str, &str)]) -> Server {
        Self::spawn(Stdio::inherit(), None, vars)
    }

    /// A server whose warm-start cache lives under `cache_home` (its `XDG_CACHE_HOME`),
    /// which outlives it: for tests of a second start on the same cache.
    pub fn start_with_cache_home(cache_home: &Path) -> Server {
        Self::spawn(Stdio::inherit(), Some(cache_home), &[])
    }

    /// [`Server::start_with_cache_home`] with these environment variables set.
    pub fn start_with_cache_home_and_env(cache_home: &Path, vars: &[(&str, &str)]) -> Server {
        Self::spawn(Stdio::inherit(), Some(cache_home), vars)
    }

    /// A server whose standard error is kept for `stderr_text`: for a test that makes it
    /// print on purpose (a panic's message), which a passing run should not show.
    pub fn start_capturing_stderr() -> Server {
        let mut server = Self::spawn(Stdio::piped(), None, &[]);
        let stderr = server.child.stderr.take().unwrap();
        let captured = server.stderr.clone();
        std::thread::spawn(move || {
            let mut stderr = stderr;
            let mut chunk = [0; 4096];
            while let Ok(read @ 1..) = stderr.read(&mut chunk) {
                captured.lock().unwrap().extend_from_slice(&chunk[..read]);
            }
        });
        server
    }

    fn spawn(stderr: Stdio, cache_home: Option<&Path>, vars: &[(&str, &str)]) -> Server {
        static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let own_cache_home = cache_home.is_none().then(|| {
            let server = SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::env::temp_dir().join(format!(
                "dateline-test-cache-{}-{server}",
                std::process::id()
            ))
        });
        let cache_home = cache_home.or(own_cache_home.as_deref()).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["lsp", "--stdio"])
            .env("XDG_CACHE_HOME", cache_home)
            .envs(vars.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start dateline lsp");
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take();
        Server {
            child,
            stdin,
            incoming: read_frames(stdout),
            next_id: 1,
            last_arrival: None,
            notifications: Vec::new(),
            settings: Value::Null,
            stderr: Arc::default(),
            own_cache_home,
        }
    }

    /// What the server has written to standard error so far, when started with
    /// `start_capturing_stderr`.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Waits until the captured standard error contains `needle` (it is read on another
    /// thread); false if it never does.
    pub fn stderr_shows(&self, needle: &str) -> bool {
        let deadline = Instant::now() + patience();
        while Instant::now() < deadline {
            if self.stderr_text().contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    /// Writes raw bytes, for malformed-frame tests.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        if let Some(stdin) = self.stdin.as_mut() {
            let _ = stdin.write_all(bytes);
            let _ = stdin.flush();
        }
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend(body);
        self.send_raw(&frame);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Receives the next message, answering the server's own requests on the way.
    /// The next message from the server, not kept among the notifications: for a client
    /// that reads many (the parts of a workspace's diagnostics at 100,000 articles).
    pub fn next_message(&mut self) -> Value {
        let deadline = Instant::now() + patience();
        self.receive(deadline)
            .expect("waited in vain for a message")
    }

    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok((arrival, message)) => {
                self.last_arrival = Some(arrival);
                if message.get("method").is_some() && message.get("id").is_some() {
                    let result = match message["method"].as_str() {
                        Some("workspace/configuration") => json!([self.settings.clone()]),
                        _ => Value::Null,
                    };
                    let id = message["id"].clone();
                    self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
                }
                Some(message)
            }
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The whole response (result or error) to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + patience();
        while let Some(message) = self.receive(deadline) {
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.notifications.push(message);
        }
        panic!("no response to request {id}");
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        let response = self.response(id);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Waits until a notification satisfies `test`, returning it (earlier ones included).
    pub fn wait_for(&mut self, test: impl Fn(&Value) -> bool) -> Value {
        if let Some(found) = self.notifications.iter().find(|message| test(message)) {
            return found.clone();
        }
        let deadline = Instant::now() + patience();
        while let Some(message) = self.receive(deadline) {
            self.notifications.push(message.clone());
            if test(&message) {
                return message;
            }
        }
        panic!("waited in vain; got: {:#?}", self.notifications);
    }

    /// Waits until the server says something containing `needle` through `method`
    /// (`window/logMessage` or `window/showMessage`), returning that notification.
    pub fn wait_for_said(&mut self, method: &str, needle: &str) -> Value {
        self.wait_for(|message| {
            message["method"] == method
                && message["params"]["message"]
                    .as_str()
                    .is_some_and(|text| text.contains(needle))
        })
    }

    /// Initialises with a workspace folder and waits for indexing to end.
    pub fn initialize(&mut self, root: &Path, capabilities: Value) -> Value {
        let uri = format!("file://{}", root.display());
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "capabilities": capabilities,
                "workspaceFolders": [{"uri": uri, "name": "corpus"}],
            }),
        );
        self.notify("initialized", json!({}));
        self.wait_for(|message| {
            message["method"] == "$/progress" && message["params"]["value"]["kind"] == "end"
        });
        result
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "article", "version": 1, "text": text}}),
        );
    }

    /// Ends the session politely; returns the exit code.
    pub fn stop(mut self) -> Option<i32> {
        let id = self.send_request("shutdown", Value::Null);
        self.response(id);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Every message the server still sends until it closes its output (or until
    /// `PATIENCE` runs out), server requests answered on the way.
    pub fn messages_until_closed(&mut self) -> Vec<Value> {
        let deadline = Instant::now() + patience();
        let mut messages = Vec::new();
        while let Some(message) = self.receive(deadline) {
            messages.push(message);
        }
        messages
    }

    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    pub fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + patience();
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(cache_home) = &self.own_cache_home {
            let _ = std::fs::remove_dir_all(cache_home);
        }
    }
}

/// Client capabilities of a typical editor that takes pushed diagnostics and UTF-16.
pub fn push_client() -> Value {
    json!({
        "window": {"workDoneProgress": true},
        "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}},
        "textDocument": {"hover": {"contentFormat": ["markdown"]}},
    })
}

/// The UTF-16 column of a byte offset on its line.
pub fn utf16_position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = text[line_start..offset].encode_utf16().count() as u32;
    (line, column)
}

/// Runs the `dateline` command line in `dir`; returns stdout, stderr and the exit code.
pub fn run_cli(args: &[&str], dir: &Path) -> (String, String, i32) {
    run_cli_with_env(args, dir, &[])
}

/// [`run_cli`] with more environment variables set.
pub fn run_cli_with_env(
    args: &[&str],
    dir: &Path,
    vars: &[(&str, &std::ffi::OsStr)],
) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .envs(vars.iter().copied())
        .output()
        .expect("run dateline");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}
