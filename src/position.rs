//! Byte offsets ↔ (line, column) with columns counted in UTF-8, UTF-16 or UTF-32 code
//! units: the one conversion every range goes through on its way to an editor or a report.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the Language Server Protocol defines them.
//! Positions past the end of a line clamp to its end, positions past the last line clamp to
//! the end of the text, and offsets inside a multi-byte character snap back to its start:
//! a request for a position that does not exist gets the nearest real one, never a panic.

use crate::text::TextRange;

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    Utf8,
    /// The LSP default.
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The code units of `text`, counted on bytes rather than decoded characters: an
    /// article of 5 MB has 30,000 diagnostics on long lines, each converted on every edit.
    /// A character is one unit per byte that does not continue it (UTF-32), plus one for
    /// the four-byte ones, which UTF-16 writes as a surrogate pair.
    fn count(self, text: &str) -> usize {
        let bytes = text.as_bytes();
        match self {
            Encoding::Utf8 => bytes.len(),
            // Every byte but a continuation byte starts a character; a character of four
            // bytes takes two UTF-16 units.
            Encoding::Utf16 => {
                bytes.len() - count_bytes(bytes, continuation_bytes)
                    + count_bytes(bytes, four_byte_leads)
            }
            Encoding::Utf32 => bytes.len() - count_bytes(bytes, continuation_bytes),
        }
    }

    fn units(self, ch: char) -> usize {
        match self {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// How many bytes of `bytes` are marked by `marks`, which sets the high bit of each byte of
/// a little-endian word that it marks. Columns are counted on every conversion of a
/// position, through lines of hundreds of bytes: eight bytes at a time, with pure-ASCII
/// words skipped at once.
fn count_bytes(bytes: &[u8], marks: fn(u64) -> u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        if word & HIGH != 0 {
            count += (marks(word) & HIGH).count_ones() as usize;
        }
    }
    let mut rest = [0u8; 8];
    rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    count + (marks(u64::from_le_bytes(rest)) & HIGH).count_ones() as usize
}

/// `10xxxxxx`: the high bit set and the next one clear (shifting left by one moves each
/// byte's bit 6 to its bit 7; what crosses into the next byte lands below bit 7).
fn continuation_bytes(word: u64) -> u64 {
    word & !(word << 1)
}

/// `11110xxx`: the four high bits set.
fn four_byte_leads(word: u64) -> u64 {
    word & (word << 1) & (word << 2) & (word << 3)
}

/// See [`LineIndex::cursor`]; its spans are exactly [`LineIndex::span`]'s.
pub struct SpanCursor<'a> {
    /// Borrowed where the index is kept (an article's), so that a reference answer over
    /// 6,000 files copies none of them.
    index: std::borrow::Cow<'a, LineIndex>,
    text: &'a str,
    encoding: Encoding,
    /// The last start converted: its byte offset (on a character boundary) and position.
    last: Option<(usize, Position)>,
}

impl<'a> SpanCursor<'a> {
    /// [`LineIndex::cursor`] with an index that may be borrowed or owned.
    pub fn new(index: std::borrow::Cow<'a, LineIndex>, text: &'a str, encoding: Encoding) -> Self {
        SpanCursor {
            index,
            text,
            encoding,
            last: None,
        }
    }

    /// The index the cursor converts with.
    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    pub fn span(&mut self, range: TextRange) -> Span {
        let span = span_after(&self.index, self.text, range, self.encoding, self.last);
        self.last = Some((floor_char_boundary(self.text, range.start), span.start));
        span
    }
}

/// The span of `range`, its start counted on from `last` (an earlier start's offset and
/// position) when that is on the same line and not after it, and its end counted on
/// from its start when both are on one line.
fn span_after(
    index: &LineIndex,
    text: &str,
    range: TextRange,
    encoding: Encoding,
    last: Option<(usize, Position)>,
) -> Span {
    let from = floor_char_boundary(text, range.start);
    let start = match last {
        Some((offset, position))
            if offset <= from && from < index.next_line_start(position.line as usize) =>
        {
            Position {
                line: position.line,
                character: position.character
                    + encoding.count(text.get(offset..from).unwrap_or("")) as u32,
            }
        }
        _ => index.position(text, from, encoding),
    };
    let to = floor_char_boundary(text, range.end);
    let end = match text.get(from..to) {
        Some(between) if to < index.next_line_start(start.line as usize) => Position {
            line: start.line,
            character: start.character + encoding.count(between) as u32,
        },
        _ => index.position(text, range.end, encoding),
    };
    Span { start, end }
}

/// A zero-based line and column (in the encoding's code units).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// A start and an end position; the end is exclusive.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

/// The start offset of every line of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Shared: the server clones an article's index for every location it converts
    /// (references to a much-mentioned actor convert thousands), so a clone must be cheap.
    line_starts: std::sync::Arc<[usize]>,
    len: usize,
}

/// The index of an empty text: what a cached analysis holds until its text is given back.
impl Default for LineIndex {
    fn default() -> Self {
        LineIndex::new("")
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(crate::text::line_breaks(text, 0).map(|(_, next)| next));
        LineIndex {
            line_starts: line_starts.into(),
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of line `line` without its terminator; `None` past the last line.
    pub fn line_range(&self, text: &str, line: usize) -> Option<TextRange> {
        let start = *self.line_starts.get(line)?;
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let mut end = next.min(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Some(TextRange::new(start, end))
    }

    /// The zero-based line that holds `offset` (offsets past the end count as the last).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The position of a byte offset. Offsets past the end give the end of the text;
    /// offsets inside a character count as its start.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = encoding.count(text.get(start..offset).unwrap_or(""));
        Position {
            line: line as u32,
            character: column as u32,
        }
    }

    pub fn span(&self, text: &str, range: TextRange, encoding: Encoding) -> Span {
        // Most ranges end on the line they start on: the end is counted on from the start.
        span_after(self, text, range, encoding, None)
    }

    /// A converter of ranges that mostly come in text order (a file's mentions, its
    /// diagnostics): each start is counted on from the last one when it is on the same
    /// line, further on.
    pub fn cursor<'a>(&'a self, text: &'a str, encoding: Encoding) -> SpanCursor<'a> {
        SpanCursor::new(std::borrow::Cow::Borrowed(self), text, encoding)
    }

    /// Where the line after `line` starts (`usize::MAX` after the last line: no offset
    /// is on a later line).
    fn next_line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(usize::MAX)
    }

    /// The byte offset of a position. A line past the end gives the end of the text; a
    /// column past the end of its line gives the end of the line; a column that falls in
    /// the middle of a surrogate pair gives the start of that character.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(line) = self.line_range(text, position.line as usize) else {
            return text.len();
        };
        let mut remaining = position.character as usize;
        for (index, ch) in line.slice(text).char_indices() {
            let units = encoding.units(ch);
            if remaining < units {
                return line.start + index;
            }
            remaining -= units;
        }
        line.end
    }

    /// Like [`LineIndex::offset`], but `None` instead of clamping when the position lies
    /// past the end of its line or of the text (for requests that should answer nothing).
    pub fn offset_exact(
        &self,
        text: &str,
        position: Position,
        encoding: Encoding,
    ) -> Option<usize> {
        let line = self.line_range(text, position.line as usize)?;
        let width: usize = line.slice(text).chars().map(|ch| encoding.units(ch)).sum();
        if position.character as usize > width {
            return None;
        }
        Some(self.offset(text, position, encoding))
    }

    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> TextRange {
        TextRange::new(
            self.offset(text, span.start, encoding),
            self.offset(text, span.end, encoding),
        )
    }
}

/// How many characters of a line (given as its characters, terminator included or not)
/// lie before `column` code units: the character index an editor's column stands for.
/// Stops at the line terminator and clamps past the end; a column inside a character
/// counts as that character's start.
pub fn chars_before_column(
    line: impl Iterator<Item = char>,
    column: u32,
    encoding: Encoding,
) -> usize {
    let mut remaining = column as usize;
    let mut count = 0;
    for ch in line {
        if ch == '\n' || ch == '\r' {
            break;
        }
        let units = encoding.units(ch);
        if remaining < units {
            break;
        }
        remaining -= units;
        count += 1;
    }
    count
}

/// The largest char boundary not after `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str =
        "On 19 February, “Belarus’ Defense Ministry” said — Лукашенко 🇧🇾 ok.\r\nline two\rthree\n";

    #[test]
    fn code_units_counted_by_words_equal_those_of_each_character() {
        let text = format!("{MIXED}{MIXED}ab𝄞c\u{10FFFF}é{MIXED}");
        let starts: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        for &from in &starts {
            for &to in starts.iter().filter(|&&to| to >= from) {
                let part = &text[from..to];
                for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    let expected: usize = part.chars().map(|ch| encoding.units(ch)).sum();
                    assert_eq!(encoding.count(part), expected, "{encoding:?} {part:?}");
                }
            }
        }
    }

    #[test]
    fn columns_count_code_units_of_each_encoding() {
        let index = LineIndex::new(MIXED);
        let offset = MIXED.find("Лукашенко").unwrap();
        let at = |encoding| index.position(MIXED, offset, encoding);
        // 16 ASCII + “ (1 unit) + 24 chars of which ’ is 1 unit + ” + " said " + — + " "
        assert_eq!(at(Encoding::Utf8).character as usize, offset);
        assert_eq!(at(Encoding::Utf16).character, at(Encoding::Utf32).character);
        let flag = MIXED.find("ok.").unwrap();
        let utf16 = index.position(MIXED, flag, Encoding::Utf16).character;
        let utf32 = index.position(MIXED, flag, Encoding::Utf32).character;
        // The flag is two regional indicators: 4 UTF-16 units, 2 scalar values.
        assert_eq!(utf16 - utf32, 2);
    }

    #[test]
    fn every_char_boundary_round_trips_in_every_encoding() {
        let index = LineIndex::new(MIXED);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (offset, _) in MIXED.char_indices() {
                let position = index.position(MIXED, offset, encoding);
                let back = index.offset(MIXED, position, encoding);
                // A line terminator's bytes map to the end of their line.
                let expected = if matches!(MIXED.as_bytes()[offset], b'\n' | b'\r') {
                    index.line_range(MIXED, position.line as usize).unwrap().end
                } else {
                    offset
                };
                assert_eq!(back, expected, "{encoding:?} at {offset}");
            }
        }
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let index = LineIndex::new(MIXED);
        assert_eq!(index.line_count(), 4);
        let two = index.line_range(MIXED, 1).unwrap();
        assert_eq!(two.slice(MIXED), "line two");
        assert_eq!(index.line_range(MIXED, 2).unwrap().slice(MIXED), "three");
        assert_eq!(index.line_range(MIXED, 3).unwrap().slice(MIXED), "");
    }

    #[test]
    fn out_of_range_positions_clamp_and_exact_lookups_refuse() {
        let text = "ab\n“c”";
        let index = LineIndex::new(text);
        let far = Position {
            line: 0,
            character: 99,
        };
        assert_eq!(index.offset(text, far, Encoding::Utf16), 2);
        assert_eq!(index.offset_exact(text, far, Encoding::Utf16), None);
        let below = Position {
            line: 7,
            character: 0,
        };
        assert_eq!(index.offset(text, below, Encoding::Utf16), text.len());
        assert_eq!(index.offset_exact(text, below, Encoding::Utf16), None);
        assert_eq!(index.position(text, 999, Encoding::Utf16).line, 1);
        // Inside the 3-byte “: snaps to its start.
        assert_eq!(index.position(text, 4, Encoding::Utf16).character, 0);
    }

    #[test]
    fn columns_become_character_counts_for_rope_edits() {
        let line = "“Ok” 🇧🇾 done\r\n";
        assert_eq!(chars_before_column(line.chars(), 4, Encoding::Utf16), 4);
        // After the flag: 4 chars + space + 2 regional indicators of 2 units each.
        assert_eq!(chars_before_column(line.chars(), 9, Encoding::Utf16), 7);
        assert_eq!(chars_before_column(line.chars(), 7, Encoding::Utf32), 7);
        // Inside the first regional indicator: its start.
        assert_eq!(chars_before_column(line.chars(), 6, Encoding::Utf16), 5);
        assert_eq!(chars_before_column(line.chars(), 500, Encoding::Utf8), 12);
        let utf8 = "é".len() as u32;
        assert_eq!(chars_before_column("éa".chars(), utf8, Encoding::Utf8), 1);
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_lands_on_the_character_start() {
        let text = "a🇧b";
        let index = LineIndex::new(text);
        let middle = Position {
            line: 0,
            character: 2,
        };
        assert_eq!(index.offset(text, middle, Encoding::Utf16), 1);
    }
}
