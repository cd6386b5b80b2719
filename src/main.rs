//! The `dateline` binary: parses arguments and hands over to the CLI or the server.

use clap::Parser;
use dateline::cli::{self, Args, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Lsp { .. } => ExitCode::from(dateline::lsp::serve_stdio()),
        command => ExitCode::from(cli::run(command)),
    }
}
