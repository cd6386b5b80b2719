//! Byte ranges into a document's text: the one currency of positions inside the analysis.
//!
//! Everything the analysis returns is a `TextRange` of byte offsets into the text it was
//! given. Conversion to lines and editor columns happens only in [`crate::position`].

/// The line breaks (`\n`, `\r\n` or `\r`) of `text` at or after `from`, in order, each as
/// (where it starts, where the next line starts). Found by `memchr`, many bytes at a time;
/// the `\n` of a `\r\n` is part of the break its `\r` starts.
pub fn line_breaks(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let from = from.min(bytes.len());
    memchr::memchr2_iter(b'\n', b'\r', &bytes[from..])
        .map(move |at| at + from)
        .filter_map(move |at| match bytes[at] {
            b'\n' if at > from && bytes[at - 1] == b'\r' => None,
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => Some((at, at + 2)),
            _ => Some((at, at + 1)),
        })
}

/// Appends `word` lower-cased to `out`, as `str::to_lowercase` lowers it. ASCII is
/// lowered in place; other text character by character, without a string of its own
/// (possessives like `Ivanov’s` are common), except a word with a capital sigma, which
/// `str::to_lowercase` lowers by its context.
pub fn push_lowercase(out: &mut String, word: &str) {
    let from = out.len();
    if word.is_ascii() {
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else if word.contains('Σ') {
        out.push_str(&word.to_lowercase());
    } else {
        for ch in word.chars() {
            if ch.is_ascii() {
                out.push(ch.to_ascii_lowercase());
            } else {
                out.extend(ch.to_lowercase());
            }
        }
    }
}

/// Whether a character is in Unicode's General Punctuation block (U+2000–U+206F: the
/// dashes, curly quotes, `…`, `•` and wide spaces of news text). None of them is a letter,
/// a mark or a number, so a scanner can pass them without asking the slower Unicode
/// tables (`char::is_alphabetic` searches one).
pub fn is_general_punctuation(ch: char) -> bool {
    matches!(ch, '\u{2000}'..='\u{206F}')
}

/// The character at byte `at` of `text` (a character boundary) if it is in the General
/// Punctuation block, for scanners that pass the block by hand. Its characters are all
/// three bytes long and start with 0xE2 0x80 or 0xE2 0x81, so other characters are told
/// apart by two bytes, without decoding.
pub fn general_punctuation_at(text: &str, at: usize) -> Option<char> {
    let lead = text.as_bytes().get(at..at + 2)?;
    if lead[0] != 0xE2 || !matches!(lead[1], 0x80 | 0x81) {
        return None;
    }
    text.get(at..)?
        .chars()
        .next()
        .filter(|&ch| is_general_punctuation(ch))
}

/// How many cells [`word_cell`] sorts words into.
pub const WORD_CELLS: usize = 16 * 32 * 32;

/// A cell for a word by its length (up to 15; longer words share the last length) and
/// its first and last bytes, each folded to five bits. Words of a set fall in few of the
/// cells, so a bit per cell turns most other words away before anything costlier is asked
/// (hashing them, comparing them); `None` for the empty word.
pub fn word_cell(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    Some(bytes.len().min(15) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31))
}

/// A half-open byte range `start..end` into a text. `start <= end` always holds.
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

/// Ranges sorted by start with the running maximum of their ends: whether any of them
/// intersects a range is then one binary search. Testing every range instead made long
/// articles quadratic (the unknown names against the mentions, the timexes and mentions
/// against 4,400 citations and annotations in a 5 MB article).
pub struct RangeIndex {
    /// Sorted by start.
    ranges: Vec<TextRange>,
    /// `max_end[i]`: the largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

impl RangeIndex {
    pub fn new(ranges: &[TextRange]) -> Self {
        let mut ranges = ranges.to_vec();
        // A stable sort: its input is usually a few runs already in order (mentions, then
        // citations, then annotations), which it merges in linear time.
        ranges.sort_by_key(|range| range.start);
        let max_end = ranges
            .iter()
            .scan(0, |max, range| {
                *max = range.end.max(*max);
                Some(*max)
            })
            .collect();
        RangeIndex { ranges, max_end }
    }

    /// Whether some range `m` of the index has `m.intersects(range)`: one that starts
    /// before `range` ends and ends after it starts.
    pub fn intersects(&self, range: TextRange) -> bool {
        let starting_before_end = self.ranges.partition_point(|m| m.start < range.end);
        starting_before_end
            .checked_sub(1)
            .and_then(|last| self.max_end.get(last))
            .is_some_and(|&max_end| max_end > range.start)
    }
}

#[cfg(test)]
mod range_index_tests {
    use super::{RangeIndex, TextRange};
    use proptest::prelude::*;

    fn range() -> impl Strategy<Value = TextRange> {
        (0usize..60, 0usize..12).prop_map(|(start, len)| TextRange::new(start, start + len))
    }

    proptest! {
        /// The index answers what testing every range answers, overlapping, nested and
        /// empty ranges included.
        #[test]
        fn the_index_agrees_with_testing_every_range(
            ranges in proptest::collection::vec(range(), 0..12),
            probe in range(),
        ) {
            let expected = ranges.iter().any(|m| m.intersects(probe));
            prop_assert_eq!(RangeIndex::new(&ranges).intersects(probe), expected);
        }
    }
}

#[cfg(test)]
mod line_break_tests {
    use super::line_breaks;

    #[test]
    fn line_breaks_of_every_kind_and_from_inside_a_crlf() {
        let text = "a\nb\r\nc\rd\r\n";
        let all: Vec<(usize, usize)> = line_breaks(text, 0).collect();
        assert_eq!(all, [(1, 2), (3, 5), (6, 7), (8, 10)]);
        // From the `\n` of a `\r\n`: that `\n` is a break of its own there.
        let from_inside: Vec<(usize, usize)> = line_breaks(text, 4).collect();
        assert_eq!(from_inside, [(4, 5), (6, 7), (8, 10)]);
        assert_eq!(line_breaks(text, 99).count(), 0);
    }
}

#[cfg(test)]
mod general_punctuation_tests {
    use super::is_general_punctuation;

    /// Every character of the block is neither alphabetic nor numeric, which is what the
    /// scanners that pass them rely on; the characters around the block are outside it.
    #[test]
    fn no_general_punctuation_is_a_letter_or_a_number() {
        for ch in '\u{2000}'..='\u{206F}' {
            assert!(
                !ch.is_alphabetic() && !ch.is_numeric(),
                "{:04X}",
                u32::from(ch)
            );
        }
        assert_eq!(
            ('\u{1FFF}'..='\u{2070}')
                .filter(|&ch| is_general_punctuation(ch))
                .count(),
            0x70
        );
        assert!(is_general_punctuation('—') && is_general_punctuation('’'));
        // Found at any offset of a text, and only characters of the block are.
        let text = "a—\u{1FFF}’\u{2070}\u{206F}";
        let found: Vec<(usize, char)> = text
            .char_indices()
            .filter_map(|(at, _)| super::general_punctuation_at(text, at).map(|ch| (at, ch)))
            .collect();
        assert_eq!(found, [(1, '—'), (7, '’'), (13, '\u{206F}')]);
        assert!(!is_general_punctuation('a') && !is_general_punctuation('ⁱ'));
    }
}

#[cfg(test)]
mod lowercase_tests {
    use super::push_lowercase;

    proptest::proptest! {
        /// Lowering into a buffer gives what `str::to_lowercase` gives, final sigmas,
        /// characters that lower to several and letters without case included.
        #[test]
        fn push_lowercase_is_to_lowercase(word in "[aZ’'ΣσΟΔİẞßǅŁЖ界\\u{301} -]{0,12}") {
            let mut out = String::from("x");
            push_lowercase(&mut out, &word);
            proptest::prop_assert_eq!(out, format!("x{}", word.to_lowercase()));
        }
    }
}
