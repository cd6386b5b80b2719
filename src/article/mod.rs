//! Article files: `&str` → [`Article`] (header, paragraphs, sentences, citations, inline
//! annotations), all as byte ranges. Never fails: problems are diagnostics.

mod body;
mod front_matter;
mod header;
mod inline;
mod lines;
mod sentences;
#[cfg(test)]
mod tests;

pub use header::ArticleKind;
pub(crate) use sentences::is_title_abbreviation;

use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::language::{Guess, Language};
use crate::temporal::CalendarDate;
use crate::text::TextRange;

/// One parsed article file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub header: Header,
    /// Everything after the header block.
    pub body: TextRange,
    pub paragraphs: Vec<Paragraph>,
    pub citations: Vec<Citation>,
    pub annotations: Vec<Annotation>,
    /// Header problems (missing `Source`/`Date`, invalid `Date`, duplicate key, ...) and
    /// invalid `{date: ...}` annotations, in text order. The future date check needs
    /// today's date and is made by the caller.
    pub diagnostics: Vec<Diagnostic>,
    /// The language its dates are read in: the `Language:` header's, else guessed.
    pub language: Language,
    /// The guess, when the language was not given by a valid header.
    pub language_guess: Option<Guess>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Header {
    /// Whether the block is fenced by `---` lines.
    pub fenced: bool,
    /// The whole block, fences included; empty at 0 when the file has no header.
    pub range: TextRange,
    pub fields: Vec<HeaderField>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HeaderField {
    /// The key as written (keys compare case-insensitively). Boxed strings, not
    /// `String`s: 16 bytes less a field, and an index of 100,000 articles holds 500,000.
    pub key: Box<str>,
    pub key_range: TextRange,
    /// The value, trimmed.
    pub value: Box<str>,
    pub value_range: TextRange,
}

impl Header {
    /// The first field with this key, compared case-insensitively.
    pub fn get(&self, key: &str) -> Option<&HeaderField> {
        self.fields
            .iter()
            .find(|field| field.key.eq_ignore_ascii_case(key))
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        self.get(key).map(|field| &*field.value)
    }

    /// The header `Date`, when present and valid.
    pub fn date(&self) -> Option<CalendarDate> {
        CalendarDate::parse_iso(self.value("date")?).ok()
    }
}

/// Paragraphs are separated by blank lines; a heading line is a paragraph of its own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// Trimmed of surrounding white space.
    pub range: TextRange,
    pub sentences: Vec<Sentence>,
    /// Whether this is a heading line split off from the lines around it (a short line
    /// without final punctuation between line breaks); it opens a new section.
    pub heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    /// Trimmed of surrounding white space; quotes and brackets stay with the sentence.
    pub range: TextRange,
}

/// `[@a]` or `[@a; @b]`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Citation {
    pub range: TextRange,
    /// Boxed, as the id strings are: a citation of one id is 80 bytes, not 100 (an
    /// index of 10,000 articles holds 34,000 citations).
    pub ids: Box<[CitedId]>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CitedId {
    pub id: Box<str>,
    /// The id without its `@`.
    pub range: TextRange,
}

/// `{date: 2022-10-08}` or `{undated-ok}` inside the body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Annotation {
    pub range: TextRange,
    pub kind: AnnotationKind,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AnnotationKind {
    /// `{date: ...}`; `None` when the date is invalid (a diagnostic says so).
    Date(Option<CalendarDate>),
    UndatedOk,
}

/// How a file's header is written: an article's `Key: value` block, or a Markdown note's
/// YAML front matter. The body is read the same way in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    #[default]
    Article,
    Markdown,
}

impl Syntax {
    /// A Markdown note by its extension (`.md`, `.markdown`), an article otherwise.
    pub fn of_path(path: &str) -> Self {
        let name = path.rsplit('/').next().unwrap_or(path);
        let extension = name.rsplit_once('.').map_or("", |(_, extension)| extension);
        if extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown") {
            Syntax::Markdown
        } else {
            Syntax::Article
        }
    }
}

/// Parses an article. Never panics, whatever the input; problems are diagnostics.
pub fn parse(text: &str) -> Article {
    parse_as(text, Syntax::Article)
}

/// Parses an article whose header is written in `syntax`.
pub fn parse_as(text: &str, syntax: Syntax) -> Article {
    parse_parts(text, syntax, true)
}

/// [`parse_as`] without the body's paragraphs and sentences (`paragraphs` is empty):
/// the header, citations, annotations, language and diagnostics, for a pass that reads
/// no more (splitting sentences is most of a parse).
pub fn parse_outline(text: &str, syntax: Syntax) -> Article {
    parse_parts(text, syntax, false)
}

fn parse_parts(text: &str, syntax: Syntax, with_paragraphs: bool) -> Article {
    // A UTF-8 byte order mark is not part of the first line.
    let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let parsed = header::parse_header(text, from, syntax);
    let body_start = parsed.body_start.min(text.len());
    let inline = inline::scan(text, body_start, text.len());
    let paragraphs = if with_paragraphs {
        let opaque = markup_ranges(&inline.citations, &inline.annotations);
        body::paragraphs(text, body_start, &opaque)
    } else {
        Vec::new()
    };
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(inline.diagnostics);
    let (language, language_guess) = language_of(text, &parsed.header, body_start);
    diagnostics.extend(language_diagnostics(
        text,
        &parsed.header,
        body_start,
        language_guess,
    ));
    diagnostics.sort_by_key(|d| d.range.start);
    Article {
        header: parsed.header,
        body: TextRange::new(body_start, text.len()),
        paragraphs,
        citations: inline.citations,
        annotations: inline.annotations,
        diagnostics,
        language,
        language_guess,
    }
}

/// The article's language: its `Language:` header's when that names one dateline
/// reads, else the guess from the first kilobyte of the body (returned too).
pub fn language_of(text: &str, header: &Header, body_start: usize) -> (Language, Option<Guess>) {
    if let Some(language) = header.value("language").and_then(Language::from_code) {
        return (language, None);
    }
    let guess = crate::language::detect(text.get(body_start..).unwrap_or(""));
    (guess.language, Some(guess))
}

/// An invalid `Language:` value (a warning), and a guess the text left unsure (a hint,
/// on the header, or on the body's first line when there is no header).
fn language_diagnostics(
    text: &str,
    header: &Header,
    body_start: usize,
    guess: Option<Guess>,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if let Some(field) = header.get("language") {
        // An empty value (or one another warning already refused) says nothing.
        if !field.value.is_empty() && Language::from_code(&field.value).is_none() {
            diagnostics.push(Diagnostic::warning(
                field.value_range,
                DiagnosticCode::InvalidLanguage,
                format!(
                    "`{}` is not a language dateline reads (`en`, `ru`, `uk`, `be` or `pl`); \
                     the language is guessed from the text",
                    field.value
                ),
            ));
        }
    }
    let Some(guess) = guess.filter(|guess| !guess.sure) else {
        return diagnostics;
    };
    let at = if header.range.is_empty() {
        let rest = text.get(body_start..).unwrap_or("");
        let skipped = rest.len() - rest.trim_start().len();
        let line = rest.trim_start().lines().next().unwrap_or("").trim_end();
        TextRange::new(body_start + skipped, body_start + skipped + line.len())
    } else {
        header.range
    };
    let runner_up = guess.runner_up.map_or(String::new(), |other| {
        format!(", though it could be {}", other.name())
    });
    diagnostics.push(Diagnostic::new(
        at,
        crate::diagnostic::Severity::Hint,
        DiagnosticCode::UnsureLanguage,
        format!(
            "the text reads as {}{runner_up}; add `Language: {}` (or the right code) to the \
             header so that its dates are read in the right language",
            guess.language.name(),
            guess.language.code()
        ),
    ));
    diagnostics
}

/// The ranges of citations and annotations, sorted: markup that sentences are never
/// split inside.
fn markup_ranges(citations: &[Citation], annotations: &[Annotation]) -> Vec<TextRange> {
    let mut ranges: Vec<TextRange> = citations
        .iter()
        .map(|citation| citation.range)
        .chain(annotations.iter().map(|annotation| annotation.range))
        .collect();
    ranges.sort();
    ranges
}

/// Splits one paragraph, `paragraph` of `text`, into sentences as [`parse`] does.
/// `markup` is [`Article::markup_ranges`] of the article (never split inside).
/// [`parse`] is the way in for the analysis; this is for timing the splitter alone.
pub fn split_sentences(text: &str, paragraph: TextRange, markup: &[TextRange]) -> Vec<Sentence> {
    sentences::split(text, paragraph.start, paragraph.end, markup)
}

impl Article {
    /// The ranges of its citations and annotations, sorted.
    pub fn markup_ranges(&self) -> Vec<TextRange> {
        markup_ranges(&self.citations, &self.annotations)
    }

    /// All sentences in text order, each with the index of its paragraph.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> + '_ {
        self.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.sentences.iter().map(move |s| (i, s)))
    }

    /// The paragraph containing `offset` (its end included, as for a cursor).
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        let i = self.paragraphs.partition_point(|p| p.range.end < offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.range.contains_inclusive(offset))
    }

    /// The sentence containing `offset` (its end included, as for a cursor).
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let paragraph = self.paragraph_at(offset)?;
        let i = paragraph
            .sentences
            .partition_point(|s| s.range.end < offset);
        paragraph
            .sentences
            .get(i)
            .filter(|s| s.range.contains_inclusive(offset))
    }

    /// The index of the paragraph holding `sentence` (by range).
    pub fn paragraph_index_of(&self, sentence: &Sentence) -> Option<usize> {
        let i = self
            .paragraphs
            .partition_point(|p| p.range.end < sentence.range.end);
        self.paragraphs
            .get(i)
            .filter(|p| p.range.contains_range(sentence.range))
            .map(|_| i)
    }

    /// The paragraph holding `sentence` (by range).
    pub fn paragraph_of(&self, sentence: &Sentence) -> Option<&Paragraph> {
        self.paragraphs.get(self.paragraph_index_of(sentence)?)
    }

    /// The annotations inside `range` (e.g. a sentence's `{date: ...}` or `{undated-ok}`).
    pub fn annotations_in(&self, range: TextRange) -> impl Iterator<Item = &Annotation> + '_ {
        self.annotations
            .iter()
            .filter(move |a| range.contains_range(a.range))
    }

    /// The citations inside `range`.
    pub fn citations_in(&self, range: TextRange) -> impl Iterator<Item = &Citation> + '_ {
        self.citations
            .iter()
            .filter(move |c| range.contains_range(c.range))
    }

    /// Whether `{undated-ok}` is written inside `range` (a sentence).
    pub fn undated_ok_in(&self, range: TextRange) -> bool {
        self.annotations_in(range)
            .any(|a| a.kind == AnnotationKind::UndatedOk)
    }

    /// The valid `{date: ...}` written inside `range` (a sentence), the first one if several.
    pub fn date_in(&self, range: TextRange) -> Option<CalendarDate> {
        self.annotations_in(range).find_map(|a| match a.kind {
            AnnotationKind::Date(date) => date,
            AnnotationKind::UndatedOk => None,
        })
    }

    /// Whether the header's `Lint: undated-ok` silences undated claims in the whole file.
    pub fn undated_ok(&self) -> bool {
        self.header.undated_ok()
    }

    /// The `Id` header, or `default` (the caller passes the file name without extension).
    pub fn id_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.header.id().unwrap_or(default)
    }
}

/// The part of an edited article that has to be parsed and analysed again: whole blocks of
/// lines (blank lines separate them) around the edit. Everything before `start` is the same
/// text in the old and the new version, and so is everything from `old_end` in the old
/// one and from `new_end` in the new one; both boundaries are line starts right after a
/// `\n`, inside the body, with a blank line on the outer side (or the end of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Window {
    /// The window in the new text.
    pub fn new_range(&self) -> TextRange {
        TextRange::new(self.start, self.new_end)
    }

    /// Where an offset at or after `old_end` of the old text is in the new text.
    pub fn shift(&self, offset: usize) -> usize {
        offset - self.old_end + self.new_end
    }

    pub fn shift_range(&self, range: TextRange) -> TextRange {
        TextRange::new(self.shift(range.start), self.shift(range.end))
    }

    /// The window grown to take in the block of lines that holds `old_offset`, an offset
    /// of the old text at or after `old_end` (what lay there is unchanged by the edit):
    /// for when the analysis of what follows the window depends on the window.
    /// `old_len` and `new_text` are the two versions' length and text.
    pub fn widened_through(
        &self,
        old_offset: usize,
        old_len: usize,
        new_text: &str,
    ) -> Option<Window> {
        let from = self.shift(old_offset.max(self.old_end));
        let new_end = block_end(new_text.as_bytes(), from)?.max(self.new_end);
        let old_end = (new_end + old_len).checked_sub(new_text.len())?;
        Some(Window {
            start: self.start,
            old_end,
            new_end,
        })
    }
}

/// The length of the longest common prefix of two byte strings; compared a block at a
/// time, since the texts are megabytes long and usually differ in one place.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let len = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= len && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    while at < len && a[at] == b[at] {
        at += 1;
    }
    at
}

/// The length of the longest common suffix of two byte strings, at most `limit`.
fn common_suffix(a: &[u8], b: &[u8], limit: usize) -> usize {
    const BLOCK: usize = 256;
    let limit = limit.min(a.len()).min(b.len());
    let (a_len, b_len) = (a.len(), b.len());
    let mut at = 0;
    while at + BLOCK <= limit
        && a[a_len - at - BLOCK..a_len - at] == b[b_len - at - BLOCK..b_len - at]
    {
        at += BLOCK;
    }
    while at < limit && a[a_len - at - 1] == b[b_len - at - 1] {
        at += 1;
    }
    at
}

/// Whether `bytes` holds only white space (the lines in it are then all blank).
fn all_blank(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| text.trim().is_empty())
}

/// The window of `new_text` to parse again after `old_text` (parsed as `old`) became
/// `new_text`, or `None` when the edit may change more than whole blocks of the body
/// (it touches the header or the first line after it, or the file has no header or an
/// unterminated one, whose extent depends on the whole text): then parse everything.
pub fn edit_window(old: &Article, old_text: &str, new_text: &str) -> Option<Window> {
    let (old_bytes, new_bytes) = (old_text.as_bytes(), new_text.as_bytes());
    let no_header = !old.header.fenced && old.header.fields.is_empty();
    let unterminated = old
        .diagnostics
        .iter()
        .any(|diagnostic| diagnostic.code == DiagnosticCode::UnterminatedHeaderFence);
    if no_header || unterminated {
        return None;
    }
    let body_start = old.body.start;
    // The header is decided by the text up to the end of the body's first line (a bare
    // header ends at the first line that is not `Key: value`): the edit must come after
    // it, line ending included (one more byte, so `\r` cannot become `\r\n`).
    let first_break = old_bytes
        .get(body_start..)?
        .iter()
        .position(|&byte| byte == b'\n' || byte == b'\r')?;
    let guard = body_start + first_break + 2;
    let prefix = common_prefix(old_bytes, new_bytes);
    if prefix < guard || old_bytes == new_bytes {
        return None;
    }
    let suffix = common_suffix(
        old_bytes,
        new_bytes,
        old_bytes.len().min(new_bytes.len()) - prefix,
    );
    let changed_end = new_bytes.len() - suffix;

    // Start: just after a blank line that ends with `\n` before the edit, or the body start.
    let mut start = body_start;
    let mut search_end = prefix;
    while let Some(newline) = new_bytes
        .get(body_start..search_end)?
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map(|at| body_start + at)
    {
        let line_start = new_bytes
            .get(body_start..newline)?
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(body_start, |at| body_start + at + 1);
        if all_blank(new_bytes.get(line_start..newline)?) {
            start = newline + 1;
            break;
        }
        search_end = newline;
    }

    // End: the start of a blank line wholly after the edit, or the end of the text.
    let end = block_end(new_bytes, changed_end)?;
    if start > prefix || end < changed_end {
        return None;
    }
    Some(Window {
        start,
        old_end: end + old_bytes.len() - new_bytes.len(),
        new_end: end,
    })
}

/// Where the block of lines holding `from` ends: the start of the first blank line wholly
/// after `from`'s line, or the end of the text.
fn block_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut from = from;
    while let Some(newline) = bytes
        .get(from..)?
        .iter()
        .position(|&byte| byte == b'\n')
        .map(|at| from + at)
    {
        let line_start = newline + 1;
        let line_end = bytes
            .get(line_start..)?
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(bytes.len(), |at| line_start + at);
        if all_blank(bytes.get(line_start..line_end)?) {
            return Some(line_start);
        }
        from = line_start;
    }
    Some(bytes.len())
}

/// Parses the window `text[start..end]` of an edited article's body: its paragraphs,
/// citations, annotations and their diagnostics, exactly as a parse of the whole text
/// would find them there. The header is the unchanged one of the old version.
pub fn parse_window(text: &str, header: &Header, start: usize, end: usize) -> Article {
    let end = end.min(text.len());
    let inline = inline::scan(text, start, end);
    let opaque = markup_ranges(&inline.citations, &inline.annotations);
    // The window ends at a line start, so the lines of `text[..end]` from `start` are
    // the lines of the whole text there.
    let paragraphs = text
        .get(..end)
        .map(|head| body::paragraphs(head, start, &opaque))
        .unwrap_or_default();
    let mut diagnostics = inline.diagnostics;
    diagnostics.sort_by_key(|d| d.range.start);
    Article {
        header: header.clone(),
        body: TextRange::new(start, end),
        paragraphs,
        citations: inline.citations,
        annotations: inline.annotations,
        diagnostics,
        // The caller sets the whole article's language: a window cannot guess it.
        language: Language::default(),
        language_guess: None,
    }
}

/// Replaces the items of a text-ordered list that start inside the old window by
/// `window_items`, shifting those after it; `None` when the list is not in text order
/// (the splice would then reorder it).
///
/// The list is changed in place: a new one beside it would hold a large article's claims
/// twice for as long as the splice lasts (its allocation grows only when the window gained
/// items past its spare capacity).
pub fn splice_sorted<T>(
    mut list: Vec<T>,
    window: &Window,
    window_items: Vec<T>,
    start_of: impl Fn(&T) -> usize,
    shift: impl FnMut(&mut T),
) -> Option<Vec<T>> {
    if !list.is_sorted_by_key(&start_of) {
        return None;
    }
    let before = list.partition_point(|item| start_of(item) < window.start);
    let after = list.partition_point(|item| start_of(item) < window.old_end);
    let inserted = window_items.len();
    list.splice(before..after, window_items);
    list[before + inserted..].iter_mut().for_each(shift);
    Some(list)
}

impl Paragraph {
    fn shift_by(&mut self, window: &Window) {
        self.range = window.shift_range(self.range);
        for sentence in &mut self.sentences {
            sentence.range = window.shift_range(sentence.range);
        }
    }
}

/// The old article with its window replaced by `part` (a [`parse_window`] of the new
/// text), or `None` when a list is not in text order.
pub fn splice_article(
    old: Article,
    window: &Window,
    part: Article,
    new_len: usize,
) -> Option<Article> {
    let paragraphs = splice_sorted(
        old.paragraphs,
        window,
        part.paragraphs,
        |p| p.range.start,
        |p| p.shift_by(window),
    )?;
    let citations = splice_sorted(
        old.citations,
        window,
        part.citations,
        |c| c.range.start,
        |c| {
            c.range = window.shift_range(c.range);
            for id in &mut c.ids {
                id.range = window.shift_range(id.range);
            }
        },
    )?;
    let annotations = splice_sorted(
        old.annotations,
        window,
        part.annotations,
        |a| a.range.start,
        |a| a.range = window.shift_range(a.range),
    )?;
    let diagnostics = splice_sorted(
        old.diagnostics,
        window,
        part.diagnostics,
        |d| d.range.start,
        |d| d.range = window.shift_range(d.range),
    )?;
    Some(Article {
        header: old.header,
        body: TextRange::new(old.body.start, new_len),
        paragraphs,
        citations,
        annotations,
        diagnostics,
        language: old.language,
        language_guess: old.language_guess,
    })
}
