//! The `dateline` binary: parses arguments and hands over to the CLI or the server.

use clap::Parser;
use dateline::cli::{self, Args, Command};
use std::process::ExitCode;

/// jemalloc, not the C library's allocator: measured on the bench's corpora (BENCHMARKS.md,
/// issue 22's seventeenth step), the server peaked 10-27 MB lower in every phase at 10,000
/// articles and answered as fast or faster, and `check` ran faster in less memory.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts. One arena: with one per thread (its default,
/// four per core), pages one thread freed were not reused by the others, and a load on
/// every core followed by answers on the runtime's threads left each arena holding its
/// own. Freed pages are given back by a thread of jemalloc's after 0.1 s (its default,
/// ten seconds, let a load's garbage stay resident through the first requests), and at
/// once rather than marked reusable (`muzzy`), so that they leave the resident set.
#[cfg(not(target_env = "msvc"))]
#[export_name = "_rjem_malloc_conf"]
pub static ALLOCATOR_SETTINGS: AllocatorSettings = AllocatorSettings(
    c"narenas:1,background_thread:true,dirty_decay_ms:100,muzzy_decay_ms:0".as_ptr(),
);

/// What jemalloc reads its settings through: a C string's address (`const char *`).
#[repr(transparent)]
pub struct AllocatorSettings(*const std::ffi::c_char);

// SAFETY: the address is of a string literal, never written, and read by jemalloc only.
unsafe impl Sync for AllocatorSettings {}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Lsp { .. } => ExitCode::from(dateline::lsp::serve_stdio()),
        command => ExitCode::from(cli::run(command)),
    }
}
