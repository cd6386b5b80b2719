//! Fuzz target: what the language server does with a session — didOpen/didChange with
//! arbitrary (also out-of-order, past-the-end) edits through `lsp::OpenDocument`, the text
//! handed to the corpus, and hover, definition, references, completion and every other
//! feature at arbitrary positions, converted through `position::LineIndex` exactly as the
//! handlers convert them. Edits to the registry are part of the game.

#![no_main]

#[path = "../common.rs"]
mod common;

use arbitrary::Arbitrary;
use dateline::corpus::Corpus;
use dateline::lsp::{Change, OpenDocument};
use dateline::position::Position;
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

static BASE: OnceLock<Corpus> = OnceLock::new();

const PATHS: [&str; 3] = ["doc.article", "actors.toml", "summary-belarus-mobilization.article"];

#[derive(Debug, Arbitrary)]
struct Pos {
    line: u8,
    character: u8,
}

impl Pos {
    fn get(&self) -> Position {
        Position {
            line: u32::from(self.line % 64),
            character: u32::from(self.character),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Edit {
    range: Option<(Pos, Pos)>,
    text: String,
}

#[derive(Debug, Arbitrary)]
enum Op {
    Open { doc: u8, text: String },
    Change { doc: u8, skip: u8, edits: Vec<Edit> },
    Close { doc: u8 },
    Request { doc: u8, at: Pos, from: Pos, to: Pos, name: String },
    Workspace { query: String },
}

#[derive(Debug, Arbitrary)]
struct Session {
    encoding: u8,
    ops: Vec<Op>,
}

fuzz_target!(|session: Session| {
    let encoding = common::ENCODINGS[usize::from(session.encoding % 3)];
    let mut corpus = BASE.get_or_init(common::seed_corpus).clone();
    let mut open: [Option<OpenDocument>; 3] = [None, None, None];
    for op in session.ops.into_iter().take(24) {
        match op {
            Op::Open { doc, text } => {
                let doc = usize::from(doc % 3);
                open[doc] = Some(OpenDocument::new(1, text.as_str()));
                corpus.set_file(PATHS[doc], Arc::from(text));
            }
            Op::Change { doc, skip, edits } => {
                let doc = usize::from(doc % 3);
                let Some(document) = open[doc].as_mut() else {
                    continue;
                };
                // Mostly the next version, sometimes a later or an earlier one.
                let version = document.version + i32::from(skip % 4) - 1;
                let changes = edits
                    .into_iter()
                    .take(8)
                    .map(|edit| Change {
                        range: edit.range.map(|(start, end)| (start.get(), end.get())),
                        text: edit.text,
                    })
                    .collect();
                document.apply(version, changes, encoding);
                if document.dirty {
                    document.dirty = false;
                    corpus.set_file(PATHS[doc], document.shared_text());
                }
            }
            Op::Close { doc } => {
                let doc = usize::from(doc % 3);
                if open[doc].take().is_some() {
                    // The disk is the truth again: the seed version, or nothing.
                    match common::SEED_ARTICLES.iter().find(|(path, _)| *path == PATHS[doc]) {
                        Some((path, text)) => {
                            corpus.set_file(path, Arc::from(*text));
                        }
                        None if PATHS[doc] == "actors.toml" => {
                            corpus.set_file("actors.toml", Arc::from(common::REGISTRY));
                        }
                        None => corpus.remove_file(PATHS[doc]),
                    }
                }
            }
            Op::Request { doc, at, from, to, name } => {
                let path = PATHS[usize::from(doc % 3)];
                common::exercise_features(
                    &corpus,
                    path,
                    at.get(),
                    (from.get(), to.get()),
                    encoding,
                    &name,
                );
            }
            Op::Workspace { query } => common::exercise_workspace(&corpus, &query),
        }
    }
    common::check_all_diagnostics(&corpus);
});
