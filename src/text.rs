//! Byte ranges into a document's text: the one currency of positions inside the analysis.
//!
//! Everything the analysis returns is a `TextRange` of byte offsets into the text it was
//! given. Conversion to lines and editor columns happens only in [`crate::position`].

use serde::Serialize;

/// A half-open byte range `start..end` into a text. `start <= end` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    /// Builds a range; a reversed pair is normalised rather than trusted.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            TextRange { start, end }
        } else {
            TextRange {
                start: end,
                end: start,
            }
        }
    }

    pub fn empty(at: usize) -> Self {
        TextRange { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the range; the end is included so that a cursor
    /// placed just after a word still counts as on it, as editors expect.
    pub fn contains_inclusive(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn contains_range(&self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn intersects(&self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The range moved right by `delta` bytes (used to turn slice-relative ranges into
    /// document ranges).
    pub fn shifted(&self, delta: usize) -> Self {
        TextRange {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The text under the range, or `""` when the range does not fit `text` or does not
    /// fall on character boundaries (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}
