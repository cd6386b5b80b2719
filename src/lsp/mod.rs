//! The language server: the only module that knows the protocol. Handlers translate
//! positions, ask `ide`, translate back; heavy work runs off the async threads.

// `Uri` keys: its interior mutability is a lazily filled cache that never changes its
// hash or equality, so using it as a map key is sound.
#![allow(clippy::mutable_key_type)]

mod convert;
mod document;
mod features;
mod server;
mod state;

pub use document::{Applied, Change, OpenDocument};

use std::sync::atomic::Ordering;

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
    runtime.block_on(async {
        let builder = tower_lsp_server::LspService::build(server::Backend::new)
            .custom_method("dateline/status", server::Backend::status)
            .custom_method("dateline/timeline", server::Backend::timeline);
        // Debug builds can be made to fail inside a handler, so that tests can prove a
        // failing request leaves the server running.
        #[cfg(debug_assertions)]
        let builder = builder.custom_method("dateline/debug/panic", server::Backend::debug_panic);
        let (service, socket) = builder.finish();
        let shutdown = service.inner().shutdown_flag();
        let stdin = tokio::io::stdin();
        let stdout = tokio::io::stdout();
        tower_lsp_server::Server::new(stdin, stdout, socket)
            .serve(service)
            .await;
        if shutdown.load(Ordering::SeqCst) {
            0
        } else {
            1
        }
    })
}
