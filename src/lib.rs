//! dateline: analysis of news-article corpora — undated claims, temporal expressions,
//! actor mentions and citations — for a language server and a command-line checker.
//!
//! Layers, from the bottom:
//! - [`text`], [`diagnostic`]: byte ranges and problems as plain data;
//! - [`article`], [`temporal`], [`actors`], [`claims`]: pure analysis of one file;
//! - [`corpus`]: the index of all files (pure: it is handed texts, it reads nothing);
//! - [`ide`]: editor features as plain data in byte offsets;
//! - [`import`]: web pages made into article texts (pure; the CLI reads and writes);
//! - [`position`]: the one place byte offsets become lines and UTF-8/16/32 columns;
//! - [`loader`], [`clock`]: disk and clock, read for both front ends;
//! - `cli` and `lsp` (in the binary's reach): the front ends, which do the rest of the IO.
//!
//! Invariant: nothing below `cli`/`lsp`, `loader` and `clock` reads files, the clock or
//! the environment, and nothing panics on any input.

pub mod actors;
pub mod article;
pub mod cache;
pub mod claims;
pub mod cli;
pub mod clock;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod ide;
pub mod import;
pub mod language;
pub mod loader;
pub mod lsp;
pub mod names;
pub mod position;
pub mod temporal;
pub mod text;
pub mod toml_unclosed;

#[cfg(test)]
mod fixture;
