//! Article files: `&str` → [`Article`] (header, paragraphs, sentences, citations, inline
//! annotations), all as byte ranges. Never fails: problems are diagnostics.

mod body;
mod header;
mod inline;
mod lines;
mod sentences;
#[cfg(test)]
mod tests;

pub use header::ArticleKind;

use crate::diagnostic::Diagnostic;
use crate::temporal::CalendarDate;
use crate::text::TextRange;

/// One parsed article file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Whether the block is fenced by `---` lines.
    pub fenced: bool,
    /// The whole block, fences included; empty at 0 when the file has no header.
    pub range: TextRange,
    pub fields: Vec<HeaderField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The key as written (keys compare case-insensitively).
    pub key: String,
    pub key_range: TextRange,
    /// The value, trimmed.
    pub value: String,
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
        self.get(key).map(|field| field.value.as_str())
    }

    /// The header `Date`, when present and valid.
    pub fn date(&self) -> Option<CalendarDate> {
        CalendarDate::parse_iso(self.value("date")?).ok()
    }
}

/// Paragraphs are separated by blank lines; a heading line is a paragraph of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Trimmed of surrounding white space.
    pub range: TextRange,
    pub sentences: Vec<Sentence>,
    /// Whether this is a heading line split off from the lines around it (a short line
    /// without final punctuation between line breaks); it opens a new section.
    pub heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Trimmed of surrounding white space; quotes and brackets stay with the sentence.
    pub range: TextRange,
}

/// `[@a]` or `[@a; @b]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub range: TextRange,
    pub ids: Vec<CitedId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedId {
    pub id: String,
    /// The id without its `@`.
    pub range: TextRange,
}

/// `{date: 2022-10-08}` or `{undated-ok}` inside the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub range: TextRange,
    pub kind: AnnotationKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotationKind {
    /// `{date: ...}`; `None` when the date is invalid (a diagnostic says so).
    Date(Option<CalendarDate>),
    UndatedOk,
}

/// Parses an article. Never panics, whatever the input; problems are diagnostics.
pub fn parse(text: &str) -> Article {
    // A UTF-8 byte order mark is not part of the first line.
    let from = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let parsed = header::parse_header(text, from);
    let body_start = parsed.body_start.min(text.len());
    let inline = inline::scan(text, body_start, text.len());
    let mut opaque: Vec<TextRange> = inline
        .citations
        .iter()
        .map(|c| c.range)
        .chain(inline.annotations.iter().map(|a| a.range))
        .collect();
    opaque.sort();
    let paragraphs = body::paragraphs(text, body_start, &opaque);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(inline.diagnostics);
    diagnostics.sort_by_key(|d| d.range.start);
    Article {
        header: parsed.header,
        body: TextRange::new(body_start, text.len()),
        paragraphs,
        citations: inline.citations,
        annotations: inline.annotations,
        diagnostics,
    }
}

impl Article {
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
