//! Lines of a text with their byte offsets, for `\n`, `\r\n` and lone `\r` endings alike.

/// One line: `start..end` is its content (without the line ending), `next` is where the
/// following line starts (after the ending; equal to `end` on the last line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

impl Line {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the line holds only white space (such a line separates paragraphs).
    pub fn is_blank(&self, text: &str) -> bool {
        self.text(text).trim().is_empty()
    }
}

/// The lines of `text[from..]`, with offsets into `text`. A text ending in a line break
/// has no empty last line; an empty tail yields no line at all.
pub(crate) fn lines_from(text: &str, from: usize) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = from.min(bytes.len());
    for (end, next) in crate::text::line_breaks(text, start) {
        lines.push(Line { start, end, next });
        start = next;
    }
    if start < bytes.len() {
        lines.push(Line {
            start,
            end: bytes.len(),
            next: bytes.len(),
        });
    }
    lines
}

/// The range of `text[start..end]` without leading and trailing white space.
pub(crate) fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(slice) = text.get(start..end) else {
        return (start, start);
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (start + lead, start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_of_every_kind() {
        let text = "a\r\nbb\rc\n\nd";
        let got: Vec<(&str, bool)> = lines_from(text, 0)
            .iter()
            .map(|l| (l.text(text), l.next > l.end))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", true),
                ("bb", true),
                ("c", true),
                ("", true),
                ("d", false)
            ]
        );
        assert!(lines_from("x\n", 0).len() == 1);
        assert!(lines_from("", 0).is_empty());
        assert!(lines_from("abc", 99).is_empty());
    }
}
