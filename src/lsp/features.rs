//! Protocol handlers for the editor features of `ide`: hover, definition, references,
//! highlights, completion, code actions, inlay hints, semantic tokens, symbols, code lens,
//! folding and rename. Each is `from protocol → ide → to protocol` over the
//! locked state.

use super::convert;
use super::state::{FileName, RootedPath, State};
use crate::ide;
use crate::position::{Encoding, LineIndex, SpanCursor};
use crate::text::TextRange;
use std::borrow::Cow;
use std::collections::HashMap;
use tower_lsp_server::lsp_types::*;

/// `textDocument/hover`: the card of what is under the cursor.
pub fn hover(state: &State, at: &TextDocumentPositionParams) -> Option<Hover> {
    let (location, offset) =
        state.resolve(&at.text_document.uri, convert::position(at.position))?;
    let corpus = state.corpus(location.root)?;
    let card = ide::hover::hover(corpus, &location.path, offset)?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: card.markdown,
        }),
        range: Some(convert::range(text, &index, card.range, state.encoding)),
    })
}

/// `textDocument/definition`: the registry entry of an actor, the article a citation names.
pub fn definition(
    state: &State,
    at: &TextDocumentPositionParams,
) -> Option<GotoDefinitionResponse> {
    let (location, offset) =
        state.resolve(&at.text_document.uri, convert::position(at.position))?;
    let corpus = state.corpus(location.root)?;
    let definitions = ide::navigation::definition(corpus, &location.path, offset);
    let targets = locations(state, location.root, definitions);
    (!targets.is_empty()).then_some(GotoDefinitionResponse::Array(targets))
}

/// A references answer: protocol locations, or, when there are many, their JSON (for
/// `DirectAnswers`).
pub enum LocationsAnswer {
    Locations(Vec<Location>),
    Json(Vec<u8>),
}

/// `textDocument/references`: the places, as their JSON when there are at least
/// `json_from` of them.
pub fn references(
    state: &State,
    at: &TextDocumentPositionParams,
    include_declaration: bool,
    json_from: Option<usize>,
) -> Option<LocationsAnswer> {
    let (location, offset) =
        state.resolve(&at.text_document.uri, convert::position(at.position))?;
    let corpus = state.corpus(location.root)?;
    let targets = ide::navigation::references(corpus, &location.path, offset, include_declaration);
    if json_from.is_some_and(|least| targets.len() >= least) {
        // Written as the places are converted: no list of protocol locations between
        // (for 90,000 references, 4 MB more to fill and read back).
        let prefix = state.plain_prefix_len(location.root);
        let uri_bytes = |place: &ide::navigation::Target| prefix + place.path.len() + 1;
        let mut json = LocationsJson::with_room(targets.iter().map(uri_bytes).sum(), targets.len());
        collect_locations(state, location.root, &targets, &mut json);
        return Some(LocationsAnswer::Json(json.finish()));
    }
    Some(LocationsAnswer::Locations(flatten(location_groups(
        state,
        location.root,
        targets,
    ))))
}

/// `textDocument/documentHighlight`: the other places in this file of what is under the
/// cursor.
pub fn highlights(
    state: &State,
    at: &TextDocumentPositionParams,
) -> Option<Vec<DocumentHighlight>> {
    let (location, offset) =
        state.resolve(&at.text_document.uri, convert::position(at.position))?;
    let corpus = state.corpus(location.root)?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    Some(
        ide::navigation::highlights(corpus, &location.path, offset)
            .into_iter()
            .map(|range| DocumentHighlight {
                range: convert::range(text, &index, range, state.encoding),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}

pub fn semantic_legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: ide::semantic::TOKEN_TYPES
            .iter()
            .map(|name| SemanticTokenType::new(name))
            .collect(),
        token_modifiers: Vec::new(),
    }
}

/// The location of a document and the byte range of a protocol range in it.
fn byte_range(state: &State, uri: &Uri, range: Range) -> Option<(RootedPath, TextRange)> {
    let location = state.locate(uri)?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    let start = index.offset(text, convert::position(range.start), state.encoding);
    let end = index.offset(text, convert::position(range.end), state.encoding);
    Some((location, TextRange::new(start, end)))
}

fn position_at(state: &State, location: &RootedPath, offset: usize) -> Option<Position> {
    let (text, index) = state.text_and_index(location)?;
    let text: &str = &text;
    let at = index.position(text, offset, state.encoding);
    Some(Position::new(at.line, at.character))
}

pub(super) fn lsp_range(state: &State, location: &RootedPath, range: TextRange) -> Option<Range> {
    let (text, index) = state.text_and_index(location)?;
    let text: &str = &text;
    Some(convert::range(text, &index, range, state.encoding))
}

pub fn completion(state: &State, uri: &Uri, position: Position) -> Option<CompletionResponse> {
    let (location, offset) = state.resolve(uri, convert::position(position))?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    let corpus = state.corpus(location.root)?;
    let items: Vec<CompletionItem> = ide::completion::completions(corpus, &location.path, offset)
        .into_iter()
        .map(|item| {
            let kind = match item.kind {
                ide::completion::CompletionKind::HeaderKey => CompletionItemKind::PROPERTY,
                ide::completion::CompletionKind::HeaderValue => CompletionItemKind::VALUE,
                ide::completion::CompletionKind::Article => CompletionItemKind::REFERENCE,
                ide::completion::CompletionKind::Date => CompletionItemKind::CONSTANT,
                ide::completion::CompletionKind::Actor => CompletionItemKind::CLASS,
                ide::completion::CompletionKind::Annotation => CompletionItemKind::KEYWORD,
            };
            CompletionItem {
                label: item.label,
                kind: Some(kind),
                detail: item.detail,
                documentation: item.documentation.map(|value| {
                    Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    })
                }),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: convert::range(text, &index, item.replace, state.encoding),
                    new_text: item.insert,
                })),
                ..Default::default()
            }
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

/// A workspace edit from plain file edits of one root.
fn workspace_edit(
    state: &State,
    root: usize,
    edits: &[ide::rename::FileEdit],
    creates: &[String],
) -> Option<WorkspaceEdit> {
    let mut by_uri: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for edit in edits {
        let uri = state.uri(root, &edit.path)?;
        let location = RootedPath {
            root,
            path: edit.path.clone(),
        };
        let range = match state.text_and_index(&location) {
            Some((text, index)) => convert::range(&text, &index, edit.range, state.encoding),
            None => Range::default(),
        };
        by_uri.entry(uri).or_default().push(TextEdit {
            range,
            new_text: edit.new_text.clone(),
        });
    }
    if creates.is_empty() {
        return Some(WorkspaceEdit {
            changes: Some(by_uri),
            ..Default::default()
        });
    }
    let mut operations = Vec::new();
    for path in creates {
        operations.push(DocumentChangeOperation::Op(ResourceOp::Create(
            CreateFile {
                uri: state.uri(root, path)?,
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            },
        )));
    }
    for (uri, edits) in by_uri {
        operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        }));
    }
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(operations)),
        ..Default::default()
    })
}

pub fn code_actions(state: &State, params: &CodeActionParams) -> Option<CodeActionResponse> {
    let (location, range) = byte_range(state, &params.text_document.uri, params.range)?;
    let corpus = state.corpus(location.root)?;
    let actions = ide::code_actions::code_actions(corpus, &location.path, range);
    let mut response = Vec::new();
    for action in actions {
        let edit = workspace_edit(state, location.root, &action.edits, &action.creates)?;
        let diagnostics = match (action.fixes, action.fixes_range) {
            (Some(code), Some(range)) => {
                let (text, index) = state.text_and_index(&location)?;
                let text: &str = &text;
                params
                    .context
                    .diagnostics
                    .iter()
                    .filter(|diagnostic| {
                        diagnostic.code == Some(NumberOrString::String(code.to_string()))
                            && diagnostic.range
                                == convert::range(text, &index, range, state.encoding)
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            }
            _ => Vec::new(),
        };
        response.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: action.title,
            kind: Some(match action.kind {
                ide::code_actions::ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ide::code_actions::ActionKind::Refactor => CodeActionKind::REFACTOR,
            }),
            diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
            edit: Some(edit),
            is_preferred: action.preferred.then_some(true),
            ..Default::default()
        }));
    }
    Some(response)
}

pub fn inlay_hints(state: &State, uri: &Uri, range: Range) -> Option<Vec<InlayHint>> {
    let (location, range) = byte_range(state, uri, range)?;
    let corpus = state.corpus(location.root)?;
    Some(
        ide::inlay::inlay_hints(corpus, &location.path, range)
            .into_iter()
            .filter_map(|hint| {
                Some(InlayHint {
                    position: position_at(state, &location, hint.offset)?,
                    label: InlayHintLabel::String(hint.label),
                    kind: None,
                    text_edits: None,
                    tooltip: Some(InlayHintTooltip::String(hint.tooltip)),
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
            })
            .collect(),
    )
}

/// Delta-encoded semantic tokens; tokens crossing lines are split at line ends, since
/// not every client accepts multi-line tokens.
pub fn semantic_tokens(state: &State, uri: &Uri, range: Option<Range>) -> Option<SemanticTokens> {
    let location = state.locate(uri)?;
    let visible = match range {
        Some(range) => Some(byte_range(state, uri, range)?.1),
        None => None,
    };
    let corpus = state.corpus(location.root)?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    let tokens = ide::semantic::semantic_tokens(corpus, &location.path, visible);
    let mut data = Vec::with_capacity(tokens.len());
    let (mut previous_line, mut previous_start) = (0u32, 0u32);
    for (token_range, kind) in tokens {
        for piece in split_by_line(text, &index, token_range) {
            let start = index.position(text, piece.start, state.encoding);
            let end = index.position(text, piece.end, state.encoding);
            if end.character <= start.character {
                continue;
            }
            let delta_line = start.line - previous_line;
            let delta_start = if delta_line == 0 {
                start.character - previous_start
            } else {
                start.character
            };
            data.push(SemanticToken {
                delta_line,
                delta_start,
                length: end.character - start.character,
                token_type: kind.legend_index(),
                token_modifiers_bitset: 0,
            });
            previous_line = start.line;
            previous_start = start.character;
        }
    }
    Some(SemanticTokens {
        result_id: None,
        data,
    })
}

fn split_by_line(text: &str, index: &LineIndex, range: TextRange) -> Vec<TextRange> {
    let first = index.line_of(range.start);
    let last = index.line_of(range.end);
    (first..=last)
        .filter_map(|line| index.line_range(text, line))
        .map(|line| TextRange::new(line.start.max(range.start), line.end.min(range.end)))
        .filter(|piece| !piece.is_empty() && piece.start < piece.end)
        .collect()
}

#[allow(deprecated)]
fn document_symbol(
    state: &State,
    location: &RootedPath,
    symbol: ide::symbols::OutlineSymbol,
) -> Option<DocumentSymbol> {
    let kind = match symbol.kind {
        ide::symbols::SymbolKind::Header => SymbolKind::NAMESPACE,
        ide::symbols::SymbolKind::HeaderField => SymbolKind::PROPERTY,
        ide::symbols::SymbolKind::Claim => SymbolKind::EVENT,
        ide::symbols::SymbolKind::Actor => SymbolKind::CLASS,
        ide::symbols::SymbolKind::Article => SymbolKind::FILE,
    };
    let children: Vec<DocumentSymbol> = symbol
        .children
        .into_iter()
        .filter_map(|child| document_symbol(state, location, child))
        .collect();
    let range = lsp_range(state, location, symbol.range)?;
    let mut selection = lsp_range(state, location, symbol.selection)?;
    if selection.start < range.start || selection.end > range.end {
        selection = range;
    }
    Some(DocumentSymbol {
        name: if symbol.name.is_empty() {
            "(empty)".into()
        } else {
            symbol.name
        },
        detail: symbol.detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    })
}

pub fn document_symbols(state: &State, uri: &Uri) -> Option<DocumentSymbolResponse> {
    let location = state.locate(uri)?;
    let corpus = state.corpus(location.root)?;
    let symbols = ide::symbols::document_symbols(corpus, &location.path)
        .into_iter()
        .filter_map(|symbol| document_symbol(state, &location, symbol))
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

pub fn workspace_symbols(state: &State, query: &str) -> Vec<WorkspaceSymbol> {
    let mut found: Vec<(i64, WorkspaceSymbol)> = Vec::new();
    for (root, entry) in state.roots.iter().enumerate() {
        for symbol in ide::symbols::workspace_symbols(&entry.corpus, query, 200) {
            let location = RootedPath {
                root,
                path: symbol.path.clone(),
            };
            let (Some(uri), Some(range)) = (
                state.uri(root, &symbol.path),
                lsp_range(state, &location, symbol.range),
            ) else {
                continue;
            };
            found.push((
                symbol.score,
                WorkspaceSymbol {
                    name: symbol.name,
                    kind: match symbol.kind {
                        ide::symbols::SymbolKind::Actor => SymbolKind::CLASS,
                        _ => SymbolKind::FILE,
                    },
                    tags: None,
                    container_name: Some(symbol.detail),
                    location: OneOf::Left(Location { uri, range }),
                    data: None,
                },
            ));
        }
    }
    found.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    found
        .into_iter()
        .take(200)
        .map(|(_, symbol)| symbol)
        .collect()
}

/// Protocol locations grouped by file: each file named once, beside the run of its ranges
/// in one list shared by all the files (a list of each file's own was two allocations for
/// each of the 50,000 files of an answer of 90,000 references, and a fifth of its time
/// went to the allocator).
#[derive(Default)]
pub struct LocationGroups<'a> {
    files: Vec<(FileName<'a>, std::ops::Range<usize>)>,
    ranges: Vec<Range>,
}

impl<'a> LocationGroups<'a> {
    /// Adds a file with its ranges, as the last group.
    pub fn push(&mut self, file: FileName<'a>, ranges: impl IntoIterator<Item = Range>) {
        let start = self.ranges.len();
        self.ranges.extend(ranges);
        self.files.push((file, start..self.ranges.len()));
    }

    /// Each file with its ranges, in order.
    pub fn groups(&self) -> impl Iterator<Item = (&FileName<'a>, &[Range])> {
        self.files
            .iter()
            .map(|(file, run)| (file, self.ranges.get(run.clone()).unwrap_or_default()))
    }

    /// How many locations there are.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }
}

/// Protocol locations of places in one root's files, grouped by file. Places come file
/// by file (as the corpus lists them), so each file's URI and line index are made once,
/// not once per place: an actor can have tens of thousands of mentions.
pub fn location_groups<'a>(
    state: &'a State,
    root: usize,
    places: impl IntoIterator<Item = ide::navigation::Target<'a>>,
) -> LocationGroups<'a> {
    let places: Vec<ide::navigation::Target<'a>> = places.into_iter().collect();
    let mut groups = LocationGroups {
        files: Vec::new(),
        ranges: Vec::with_capacity(places.len()),
    };
    collect_locations(state, root, &places, &mut groups);
    groups
}

/// What [`collect_locations`] hands each file's protocol ranges to.
pub trait LocationSink<'a> {
    /// Takes a file with its ranges, after the files taken before.
    fn push(&mut self, file: FileName<'a>, ranges: impl Iterator<Item = Range>);
}

impl<'a> LocationSink<'a> for LocationGroups<'a> {
    fn push(&mut self, file: FileName<'a>, ranges: impl Iterator<Item = Range>) {
        LocationGroups::push(self, file, ranges);
    }
}

/// Converts places in one root's files to protocol ranges, file by file, into `sink`.
pub fn collect_locations<'a>(
    state: &'a State,
    root: usize,
    places: &[ide::navigation::Target<'a>],
    sink: &mut impl LocationSink<'a>,
) {
    // The runs of places in one file (they come in text order), a block at a time.
    // Naming a file reads its path, which nothing has read since the corpus was indexed:
    // read one after the other, the paths of an answer naming 50,000 files waited for
    // memory in turn, a third of the answer's time. A block's paths are read first, with
    // nothing depending on each other, so that their waits overlap.
    const BLOCK: usize = 16;
    let mut at = 0;
    while at < places.len() {
        let mut runs: [std::ops::Range<usize>; BLOCK] = Default::default();
        let mut taken = 0;
        while taken < BLOCK && at < places.len() {
            let length = file_run_length(places.get(at..).unwrap_or_default());
            runs[taken] = at..at + length;
            at += length;
            taken += 1;
        }
        let runs = runs.get(..taken).unwrap_or_default();
        let mut first_bytes = [0u8; BLOCK];
        for (byte, run) in first_bytes.iter_mut().zip(runs) {
            if let Some(place) = places.get(run.start) {
                *byte = place.path.as_bytes().first().copied().unwrap_or_default();
            }
        }
        std::hint::black_box(first_bytes);
        for run in runs {
            let run = places.get(run.clone()).unwrap_or_default();
            push_file_run(state, root, sink, run);
        }
    }
}

/// How many of `places` from the first are in the first's file (at least one).
fn file_run_length(places: &[ide::navigation::Target]) -> usize {
    let Some(first) = places.first() else {
        return 0;
    };
    // Places in one article share it, and one article has one path: comparing the
    // articles reads nothing of either (comparing paths was an eighth of an answer of
    // 90,000 references).
    let same_file = |next: &ide::navigation::Target| match (next.article, first.article) {
        (Some(next), Some(first)) => std::ptr::eq(next, first),
        _ => std::ptr::eq(next.path, first.path) || next.path == first.path,
    };
    places
        .iter()
        .position(|next| !same_file(next))
        .unwrap_or(places.len())
        .max(1)
}

/// Hands the places of one file (`run`, not empty) to `sink` as protocol ranges.
fn push_file_run<'a>(
    state: &'a State,
    root: usize,
    sink: &mut impl LocationSink<'a>,
    run: &[ide::navigation::Target<'a>],
) {
    let Some(&first) = run.first() else {
        return;
    };
    let Some(file) = state.file_name(root, first.path) else {
        return;
    };
    let utf16 = state.encoding == Encoding::Utf16;
    let known = |place: &ide::navigation::Target| place.utf16.filter(|_| utf16);
    if run.iter().all(|place| known(place).is_some()) {
        // An actor's mentions in the default encoding: nothing of the file is read
        // (the corpus may not even hold its text).
        sink.push(
            file,
            run.iter().filter_map(known).map(convert::protocol_range),
        );
    } else {
        let text_and_index = match first.article {
            Some(article) if article.text_dropped.is_none() => Some((
                Cow::Borrowed(&*article.text),
                Cow::Borrowed(&article.line_index),
            )),
            _ => state.text_and_index_at(root, first.path),
        };
        let Some((text, index)) = text_and_index else {
            return;
        };
        let mut cursor = SpanCursor::new(index, &text, state.encoding);
        sink.push(
            file,
            run.iter().map(|place| {
                let span = known(place).unwrap_or_else(|| cursor.span(place.range));
                convert::protocol_range(span)
            }),
        );
    }
}

/// [`location_groups`] as a flat list of protocol locations.
pub fn locations<'p>(
    state: &'p State,
    root: usize,
    places: impl IntoIterator<Item = ide::navigation::Target<'p>>,
) -> Vec<Location> {
    flatten(location_groups(state, root, places))
}

pub fn flatten(groups: LocationGroups) -> Vec<Location> {
    let mut locations = Vec::with_capacity(groups.len());
    for (file, ranges) in groups.groups() {
        let Some(uri) = file.uri() else {
            continue;
        };
        locations.extend(ranges.iter().map(|range| Location {
            uri: uri.clone(),
            range: *range,
        }));
    }
    locations
}

/// The JSON of `Location[]`, written by hand a file at a time as locations are
/// collected, each file's URI escaped once: an actor's 10,000 locations are mostly one
/// per file, but some files have thousands.
pub struct LocationsJson {
    out: Vec<u8>,
}

impl LocationsJson {
    /// Room for `locations` locations whose URIs take `uri_bytes` as JSON strings in
    /// all. Grown as it was written, the buffer of 90,000 locations was copied over as it
    /// doubled; room not written to is never touched, so never resident.
    pub fn with_room(uri_bytes: usize, locations: usize) -> Self {
        // Beside its URI, a location is 79 bytes of keys and punctuation and four numbers
        // of at most 10 digits.
        const LOCATION_BYTES_BESIDE_URI: usize = 79 + 4 * 10;
        let room = locations
            .saturating_mul(LOCATION_BYTES_BESIDE_URI)
            .saturating_add(uri_bytes)
            .saturating_add(2);
        let mut out = Vec::with_capacity(room);
        out.push(b'[');
        LocationsJson { out }
    }

    fn write(&mut self, file: &FileName, ranges: impl Iterator<Item = Range>) {
        let out = &mut self.out;
        for range in ranges {
            if out.len() > 1 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"uri\":");
            file.write_json(out);
            out.extend_from_slice(b",\"range\":");
            convert::write_range_json(out, &range);
            out.push(b'}');
        }
    }

    /// The JSON written.
    pub fn finish(mut self) -> Vec<u8> {
        self.out.push(b']');
        self.out
    }
}

impl<'a> LocationSink<'a> for LocationsJson {
    fn push(&mut self, file: FileName<'a>, ranges: impl Iterator<Item = Range>) {
        self.write(&file, ranges);
    }
}

/// A lens on a registry entry, in editor positions, before it is made a protocol value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLens {
    pub range: Range,
    pub title: String,
}

/// The command a lens runs when clicked: the client asks for the references there.
const SHOW_REFERENCES: &str = "dateline.showReferences";

/// Lenses on the registry entries of `uri`. Each lens's command carries only where the
/// entry is, for the client to ask for its references when the lens is clicked: carrying
/// the locations themselves made the lenses of a 5,000-actor registry every mention of
/// the corpus, on the order of a million locations in one answer, each time the registry
/// was shown.
pub fn entry_lenses(state: &State, uri: &Uri) -> Option<Vec<EntryLens>> {
    let location = state.locate(uri)?;
    let corpus = state.corpus(location.root)?;
    ide::code_lens::code_lenses(corpus, &location.path)
        .into_iter()
        .map(|lens| {
            Some(EntryLens {
                range: lsp_range(state, &location, lens.range)?,
                title: lens.title,
            })
        })
        .collect()
}

/// A lens as the protocol's value.
pub fn code_lens(uri: &Uri, lens: EntryLens) -> CodeLens {
    CodeLens {
        range: lens.range,
        command: Some(Command {
            title: lens.title,
            command: SHOW_REFERENCES.to_string(),
            arguments: Some(vec![
                serde_json::json!(uri.as_str()),
                serde_json::json!(lens.range.start),
            ]),
        }),
        data: None,
    }
}

/// The JSON of `lenses` as protocol values ([`code_lens`] each), written straight from
/// them: made as values first, the lenses of a 5,000-actor registry held 5-7 MB of small
/// maps and strings (the URI again in each) for 1.3 MB of JSON.
pub fn code_lenses_json(uri: &Uri, lenses: &[EntryLens]) -> serde_json::Result<Vec<u8>> {
    #[derive(serde::Serialize)]
    struct LensJson<'a> {
        range: Range,
        command: CommandJson<'a>,
    }
    #[derive(serde::Serialize)]
    struct CommandJson<'a> {
        title: &'a str,
        command: &'static str,
        arguments: (&'a str, Position),
    }
    let lenses: Vec<LensJson> = lenses
        .iter()
        .map(|lens| LensJson {
            range: lens.range,
            command: CommandJson {
                title: &lens.title,
                command: SHOW_REFERENCES,
                arguments: (uri.as_str(), lens.range.start),
            },
        })
        .collect();
    serde_json::to_vec(&lenses)
}

pub fn folding_ranges(state: &State, uri: &Uri) -> Option<Vec<FoldingRange>> {
    let location = state.locate(uri)?;
    let corpus = state.corpus(location.root)?;
    let (text, index) = state.text_and_index(&location)?;
    let text: &str = &text;
    Some(
        ide::folding::folding_ranges(corpus, &location.path)
            .into_iter()
            .map(|(range, kind)| {
                let end = text[..range.end.min(text.len())].trim_end().len();
                FoldingRange {
                    start_line: index.line_of(range.start) as u32,
                    start_character: None,
                    end_line: index.line_of(end) as u32,
                    end_character: None,
                    kind: Some(match kind {
                        ide::folding::FoldKind::Header => FoldingRangeKind::Imports,
                        ide::folding::FoldKind::Paragraph => FoldingRangeKind::Region,
                    }),
                    collapsed_text: None,
                }
            })
            .filter(|fold| fold.end_line > fold.start_line)
            .collect(),
    )
}

pub fn prepare_rename(
    state: &State,
    uri: &Uri,
    position: Position,
) -> Result<Option<PrepareRenameResponse>, String> {
    let Some((location, offset)) = state.resolve(uri, convert::position(position)) else {
        return Ok(None);
    };
    let corpus = state.corpus(location.root).ok_or("no corpus")?;
    let (range, _) = ide::rename::prepare_rename(corpus, &location.path, offset)?;
    let (text, index) = state.text_and_index(&location).ok_or("no text")?;
    let text: &str = &text;
    Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(text, &index, range, state.encoding),
        placeholder: range.slice(text).to_string(),
    }))
}

pub fn rename(
    state: &State,
    uri: &Uri,
    position: Position,
    new_name: &str,
) -> Result<Option<WorkspaceEdit>, String> {
    let Some((location, offset)) = state.resolve(uri, convert::position(position)) else {
        return Ok(None);
    };
    let corpus = state.corpus(location.root).ok_or("no corpus")?;
    let edits = ide::rename::rename(corpus, &location.path, offset, new_name)?;
    Ok(workspace_edit(state, location.root, &edits, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON of `Location[]` for grouped locations, written without copying each URI.
    fn locations_json(groups: &LocationGroups) -> Vec<u8> {
        let uri_bytes = groups
            .groups()
            .map(|(file, ranges)| ranges.len() * file.json_len())
            .sum();
        let mut json = LocationsJson::with_room(uri_bytes, groups.len());
        for (file, ranges) in groups.groups() {
            json.write(file, ranges.iter().copied());
        }
        json.finish()
    }

    #[test]
    fn written_locations_are_the_json_of_the_protocol_locations() {
        let file_uri = |uri: &str| {
            FileName::Memo(std::sync::Arc::new(
                super::super::state::FileUri::new(uri.parse().unwrap()).unwrap(),
            ))
        };
        let range =
            |line, start, end| Range::new(Position::new(line, start), Position::new(line, end));
        let mut groups = LocationGroups::default();
        groups.push(
            file_uri("file:///corpus/a%20b.article"),
            [range(0, 1, 4), range(7, 0, 12)],
        );
        groups.push(file_uri("file:///corpus/empty.article"), []);
        groups.push(file_uri("file:///corpus/%D0%BC.article"), [range(3, 2, 2)]);
        groups.push(
            FileName::Plain {
                prefix: "\"file:///my%20corpus/",
                path: "articles/2022/a-1.article",
            },
            [range(5, 0, 9), range(6, 1, 2)],
        );
        assert_eq!(groups.len(), 5);
        let written = locations_json(&groups);
        let expected = serde_json::to_string(&flatten(groups)).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), expected);
        assert_eq!(locations_json(&LocationGroups::default()), b"[]");
    }

    #[test]
    fn written_code_lenses_are_the_json_of_the_protocol_lenses() {
        let uri: Uri = "file:///my%20corpus/actors.toml".parse().unwrap();
        let lens = |line, start, title: &str| EntryLens {
            range: Range::new(Position::new(line, start), Position::new(line, start + 9)),
            title: title.to_string(),
        };
        let lenses = vec![
            lens(0, 6, "no mentions"),
            lens(4, 6, "12 mentions in 3 articles"),
            lens(9, 7, "“quoted” \\ name"),
        ];
        let written = code_lenses_json(&uri, &lenses).unwrap();
        let values: Vec<CodeLens> = lenses
            .iter()
            .map(|lens| code_lens(&uri, lens.clone()))
            .collect();
        // The same JSON, but for the order of the position's keys (a map of values sorts
        // them).
        let written: serde_json::Value = serde_json::from_slice(&written).unwrap();
        assert_eq!(written, serde_json::to_value(&values).unwrap());
        let arguments = values[1].command.as_ref().and_then(|c| c.arguments.clone());
        assert_eq!(
            arguments,
            Some(vec![
                serde_json::json!("file:///my%20corpus/actors.toml"),
                serde_json::json!({ "line": 4, "character": 6 }),
            ])
        );
        assert_eq!(code_lenses_json(&uri, &[]).unwrap(), b"[]");
    }
}
