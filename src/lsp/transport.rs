//! The protocol's byte streams, framed here in front of tower-lsp-server: every incoming
//! message is checked before the server sees it, so that a message that is not JSON, or
//! not a JSON-RPC message, is answered with the error JSON-RPC asks for and the session
//! carries on. Only a header without a usable `Content-Length` ends the session: after it
//! nothing in the stream can be trusted to start a message.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// A message larger than this is refused as unparseable rather than allocated.
const MAX_MESSAGE_BYTES: usize = 512 * 1024 * 1024;

/// What the output writer is handed.
pub enum Outgoing {
    /// A complete frame (header and body) to write as it is.
    Frame(Vec<u8>),
    /// The server has stopped writing: flush what is left and end.
    ServerEnded,
}

pub(super) fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

/// A whole notification frame, serialised straight from typed params: a
/// `publishDiagnostics` of an article with tens of thousands of warnings is megabytes, and
/// going through tower-lsp's `serde_json::Value` tree first cost more than the analysis.
pub(super) fn notification_frame(method: &str, params: &impl serde::Serialize) -> Option<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    let body = serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method,
        params,
    })
    .ok()?;
    Some(frame(&body))
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(body.to_string().as_bytes())
}

/// Why a framed body is not a message the server can take, as a JSON-RPC error to answer.
fn check_message(body: &[u8]) -> Result<(), (Value, i64, &'static str)> {
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
    match object.get("method") {
        Some(Value::String(_)) => Ok(()),
        Some(_) => Err((id, -32600, "Invalid request: `method` must be a string")),
        None if object.contains_key("id")
            && (object.contains_key("result") || object.contains_key("error")) =>
        {
            Ok(())
        }
        None => Err((
            id,
            -32600,
            "Invalid request: neither a request, a notification nor a response",
        )),
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

/// Forwards the editor's messages to the server, answering the malformed ones itself.
/// Returns at the end of input, or after a header that cannot be trusted; dropping
/// `to_server` then ends the session.
pub async fn forward_input(
    input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    out: UnboundedSender<Outgoing>,
) {
    let mut reader = BufReader::new(input);
    loop {
        let length = match read_header(&mut reader).await {
            Ok(Some(length)) => length,
            Ok(None) => return,
            Err(()) => {
                let _ = out.send(Outgoing::Frame(error_frame(
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
            Ok(()) => {
                if to_server.write_all(&frame(&body)).await.is_err()
                    || to_server.flush().await.is_err()
                {
                    return;
                }
            }
            Err((id, code, message)) => {
                let _ = out.send(Outgoing::Frame(error_frame(id, code, message)));
            }
        }
    }
}

/// Cuts the server's output into whole frames for the writer, so that frames of the
/// server and answers of `forward_input` never interleave.
pub async fn frame_output(from_server: impl AsyncRead + Unpin, out: UnboundedSender<Outgoing>) {
    let mut reader = BufReader::new(from_server);
    while let Ok(Some(length)) = read_header(&mut reader).await {
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            break;
        }
        if out.send(Outgoing::Frame(frame(&body))).is_err() {
            break;
        }
    }
    let _ = out.send(Outgoing::ServerEnded);
}

/// Writes frames to the editor in the order they were handed over.
pub async fn write_output(
    mut frames: UnboundedReceiver<Outgoing>,
    mut output: impl AsyncWrite + Unpin,
) {
    while let Some(outgoing) = frames.recv().await {
        match outgoing {
            Outgoing::Frame(bytes) => {
                if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                    return;
                }
            }
            Outgoing::ServerEnded => {
                while let Ok(Outgoing::Frame(bytes)) = frames.try_recv() {
                    let _ = output.write_all(&bytes).await;
                }
                let _ = output.flush().await;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
