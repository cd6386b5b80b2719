//! The language server: the only module that knows the protocol. Handlers translate
//! positions, ask `ide`, translate back; heavy work runs off the async threads.

// `Uri` keys: its interior mutability is a lazily filled cache that never changes its
// hash or equality, so using it as a map key is sound.
#![allow(clippy::mutable_key_type)]

mod capabilities;
mod convert;
mod custom;
mod diagnostics;
mod document;
mod features;
pub mod memory;
mod server;
mod state;
mod transport;
mod workspace;

pub use document::{Applied, Change, OpenDocument};

use std::sync::atomic::Ordering;

/// How many messages the server handles at once (see `serve`).
const MESSAGES_AT_ONCE: usize = 32;

/// Serves the protocol on standard input and output until `exit`; returns the process
/// exit code (0 after a `shutdown` request, 1 otherwise, as the protocol asks).
pub fn serve_stdio() -> u8 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("dateline: cannot start the server: {error}");
            return 2;
        }
    };
    let code = runtime.block_on(async {
        let (outgoing, frames) = tokio::sync::mpsc::unbounded_channel();
        let direct = outgoing.clone();
        let answers = transport::DirectAnswers::default();
        let server_answers = answers.clone();
        let taken_out = transport::TakenOut::default();
        let server_taken_out = taken_out.clone();
        let builder = tower_lsp_server::LspService::build(move |client| {
            server::Backend::with_output(
                client,
                direct.clone(),
                server_answers.clone(),
                server_taken_out.clone(),
            )
        })
        .custom_method("dateline/status", server::Backend::status)
        .custom_method("dateline/timeline", server::Backend::timeline);
        // Debug builds can be made to fail inside a handler, so that tests can prove a
        // failing request leaves the server running.
        #[cfg(debug_assertions)]
        let builder = builder.custom_method("dateline/debug/panic", server::Backend::debug_panic);
        let (service, socket) = builder.finish();
        let shutdown = service.inner().shutdown_flag();
        // The server reads and writes in-memory pipes; the transport frames stdio around
        // them and answers malformed messages itself.
        let (to_server, server_input) = tokio::io::duplex(1 << 20);
        let (server_output, from_server) = tokio::io::duplex(1 << 20);
        let awaited = transport::AwaitedAnswer::default();
        let mut input = tokio::spawn(transport::forward_input(
            tokio::io::stdin(),
            to_server,
            outgoing.clone(),
            awaited.clone(),
            taken_out,
        ));
        tokio::spawn(transport::frame_output(
            from_server,
            outgoing,
            answers,
            awaited,
        ));
        let stdout = transport::raw_stdout();
        let writer = tokio::task::spawn_blocking(move || {
            transport::write_output(frames, stdout, || {
                std::thread::spawn(memory::give_back_free_pages);
            })
        });
        // tower-lsp-server handles at most this many messages at once and reads no more
        // until one ends (its default is 4). Some are long by design: `initialized`
        // (indexing and the second pass, tens of seconds at 100,000 articles), a workspace
        // pull held until something changes, a batch of files changed on disk; with four,
        // three of those left every other request waiting behind one slot.
        let serving = tower_lsp_server::Server::new(server_input, server_output, socket)
            .concurrency_level(MESSAGES_AT_ONCE)
            .serve(service);
        // After `exit` (handed over only once `shutdown` is answered) the session is over,
        // even if a handler still waits for the editor's answer to a request of the
        // server's (`initialized` asks for settings): that answer can no longer come, and
        // tower-lsp-server would wait for it forever.
        tokio::select! {
            () = serving => {}
            Ok(transport::InputEnd::Exit) = &mut input => {}
        }
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), writer).await;
        if shutdown.load(Ordering::SeqCst) {
            0
        } else {
            1
        }
    });
    // The input task may be blocked reading standard input: do not wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    code
}
