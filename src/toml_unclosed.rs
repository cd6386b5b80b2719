//! Where a TOML syntax error was made: the array, inline table, string or table header
//! left open before the place the parser gave up, found by a small scan of the text.
//!
//! A parser reports where it could not go on, which for a missing `]` is often lines
//! after the mistake (an array may span lines, so the next `key = ...` is what fails).
//! The scan below knows just enough TOML to track what is open — strings with their
//! escapes, comments, arrays, inline tables, table headers — and names the construct
//! still open at the error that the rest of the file never closes either.

use crate::text::TextRange;

/// A construct opened before a syntax error and never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    /// The opening delimiter (`[`, `{`, `"`, `"""`, `[[`, ...).
    pub range: TextRange,
    pub kind: UnclosedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnclosedKind {
    Array,
    InlineTable,
    String,
    TableHeader,
    ArrayOfTablesHeader,
}

impl Unclosed {
    /// The sentence added to the parser's message, e.g. "the array opened here with `[`
    /// is never closed".
    pub fn note(&self, text: &str) -> String {
        let opener = self.range.slice(text);
        match self.kind {
            UnclosedKind::Array => format!("the array opened here with `{opener}` is never closed"),
            UnclosedKind::InlineTable => {
                format!("the inline table opened here with `{opener}` is never closed")
            }
            UnclosedKind::String => format!(
                "the string opened here with `{opener}` is never closed by a matching `{opener}`"
            ),
            UnclosedKind::TableHeader => {
                "the table header opened here with `[` is never closed by `]`".to_string()
            }
            UnclosedKind::ArrayOfTablesHeader => {
                "the table header opened here with `[[` is never closed by `]]`".to_string()
            }
        }
    }
}

/// The syntax-error diagnostic's place and message: at the unclosed construct when there
/// is one (the parser's message kept, with where it stopped), else where the parser
/// stopped. `detail` is the parser's message on one line.
pub fn locate_syntax_error(
    text: &str,
    error_at: usize,
    detail: &str,
) -> (Option<TextRange>, String) {
    match find_unclosed(text, error_at) {
        Some(unclosed) => {
            let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..error_at.min(text.len())])
                .count();
            let message = format!(
                "{detail} (the parser stopped on line {line}); {}",
                unclosed.note(text)
            );
            (Some(unclosed.range), message)
        }
        None => (None, detail.to_string()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Array,
    InlineTable,
    Header,
    DoubleHeader,
    /// `"..."`: ends at the line's end.
    BasicString,
    /// `'...'`: ends at the line's end, no escapes.
    LiteralString,
    MultiBasicString,
    MultiLiteralString,
}

impl Frame {
    /// Constructs that cannot span lines: a line break inside one means it was not closed.
    fn ends_at_line_break(self) -> bool {
        matches!(
            self,
            Frame::Header | Frame::DoubleHeader | Frame::BasicString | Frame::LiteralString
        )
    }

    fn kind(self) -> UnclosedKind {
        match self {
            Frame::Array => UnclosedKind::Array,
            Frame::InlineTable => UnclosedKind::InlineTable,
            Frame::Header => UnclosedKind::TableHeader,
            Frame::DoubleHeader => UnclosedKind::ArrayOfTablesHeader,
            Frame::BasicString
            | Frame::LiteralString
            | Frame::MultiBasicString
            | Frame::MultiLiteralString => UnclosedKind::String,
        }
    }
}

/// The innermost construct open at byte `error_at` that the text never closes, if any.
///
/// Scanned in two passes over one state: up to the error, then on to the end to see
/// which of the constructs open at the error are closed later (an error inside a
/// well-closed array, such as a missing comma, is not an unclosed array).
pub fn find_unclosed(text: &str, error_at: usize) -> Option<Unclosed> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        stack: Vec::new(),
        at: 0,
        line_blank_so_far: true,
    };
    let error_at = error_at.min(text.len());
    // Up to and including the error's own byte: parsers often stop on the line break
    // that ends an unclosed string or header.
    while scanner.at < scanner.bytes.len() && scanner.at <= error_at {
        if let Some(unclosed) = scanner.step() {
            return Some(unclosed);
        }
    }
    let open_at_error = scanner.stack.clone();
    let mut lowest_depth = open_at_error.len();
    while scanner.at < scanner.bytes.len() {
        let broken = scanner.step();
        let depth = scanner.stack.len();
        // The construct a line break just ended was open at the error if nothing at or
        // below its depth had been closed since (else it was opened after the error: a
        // later mistake, which does not answer the question).
        if let Some(unclosed) = broken {
            if depth < lowest_depth {
                return Some(unclosed);
            }
        }
        lowest_depth = lowest_depth.min(depth);
    }
    let index = lowest_depth.checked_sub(1)?;
    let (frame, start) = open_at_error[index];
    Some(Unclosed {
        range: TextRange::new(start, start + opener_len(frame)),
        kind: frame.kind(),
    })
}

fn opener_len(frame: Frame) -> usize {
    match frame {
        Frame::DoubleHeader => 2,
        Frame::MultiBasicString | Frame::MultiLiteralString => 3,
        _ => 1,
    }
}

struct Scanner<'t> {
    bytes: &'t [u8],
    /// What is open, innermost last, with the byte where it was opened.
    stack: Vec<(Frame, usize)>,
    at: usize,
    /// Whether only spaces have been seen on the current line: a `[` there, outside any
    /// array or inline table, opens a table header.
    line_blank_so_far: bool,
}

impl Scanner<'_> {
    /// Moves past one byte (or one delimiter). Returns the construct a line break has just
    /// shown to be unclosed, which is then taken off the stack.
    fn step(&mut self) -> Option<Unclosed> {
        let byte = self.bytes[self.at];
        let top = self.stack.last().copied();
        if byte == b'\n' {
            self.at += 1;
            self.line_blank_so_far = true;
            if let Some((frame, start)) = top {
                if frame.ends_at_line_break() {
                    self.stack.pop();
                    return Some(Unclosed {
                        range: TextRange::new(start, start + opener_len(frame)),
                        kind: frame.kind(),
                    });
                }
            }
            return None;
        }
        match top.map(|(frame, _)| frame) {
            Some(Frame::BasicString) => self.in_string(byte, b'"', true, false),
            Some(Frame::LiteralString) => self.in_string(byte, b'\'', false, false),
            Some(Frame::MultiBasicString) => self.in_string(byte, b'"', true, true),
            Some(Frame::MultiLiteralString) => self.in_string(byte, b'\'', false, true),
            _ => self.outside_strings(byte, top.map(|(frame, _)| frame)),
        }
        None
    }

    fn in_string(&mut self, byte: u8, quote: u8, escapes: bool, multi_line: bool) {
        if escapes && byte == b'\\' {
            // The escaped byte never closes the string; a line break stays visible to
            // `step` so that an unclosed single-line string is still caught.
            self.at += 1;
            if self.bytes.get(self.at).is_some_and(|&b| b != b'\n') {
                self.at += 1;
            }
            return;
        }
        if byte != quote {
            self.at += 1;
            return;
        }
        if !multi_line {
            self.stack.pop();
            self.at += 1;
            return;
        }
        // A multi-line string closes on three quotes; up to two more are its content.
        let run = self.bytes[self.at..]
            .iter()
            .take_while(|&&b| b == quote)
            .count();
        self.at += run;
        if run >= 3 {
            self.stack.pop();
        }
    }

    fn outside_strings(&mut self, byte: u8, top: Option<Frame>) {
        let start = self.at;
        let line_blank_so_far = self.line_blank_so_far;
        if !matches!(byte, b' ' | b'\t' | b'\r') {
            self.line_blank_so_far = false;
        }
        let next = self.bytes.get(start + 1).copied();
        let triple = |quote: u8| self.bytes[start..].starts_with(&[quote; 3]);
        self.at += 1;
        match byte {
            b'#' => {
                // A comment runs to the line's end; the line break itself is left for
                // `step`.
                let rest = &self.bytes[self.at..];
                self.at += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            }
            b'"' | b'\'' if triple(byte) => {
                self.at = start + 3;
                let frame = if byte == b'"' {
                    Frame::MultiBasicString
                } else {
                    Frame::MultiLiteralString
                };
                self.stack.push((frame, start));
            }
            b'"' => self.stack.push((Frame::BasicString, start)),
            b'\'' => self.stack.push((Frame::LiteralString, start)),
            b'[' if top.is_none() && line_blank_so_far => {
                if next == Some(b'[') {
                    self.at += 1;
                    self.stack.push((Frame::DoubleHeader, start));
                } else {
                    self.stack.push((Frame::Header, start));
                }
            }
            b'[' => self.stack.push((Frame::Array, start)),
            b'{' => self.stack.push((Frame::InlineTable, start)),
            b']' => match top {
                Some(Frame::Array | Frame::Header) => {
                    self.stack.pop();
                }
                // `[[name]` is still open: its header needs both brackets.
                Some(Frame::DoubleHeader) if next == Some(b']') => {
                    self.at += 1;
                    self.stack.pop();
                }
                _ => {}
            },
            b'}' if top == Some(Frame::InlineTable) => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unclosed construct found for an error at the `^` of the marked line, as
    /// `line:column kind opener`.
    fn unclosed(text: &str, error_at: usize) -> String {
        match find_unclosed(text, error_at) {
            Some(u) => {
                let before = &text[..u.range.start];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("{line}:{column} {:?} {}", u.kind, u.range.slice(text))
            }
            None => "none".to_string(),
        }
    }

    #[test]
    fn finds_each_construct_left_open() {
        let array = "a = 1\nb = [1,\n  2\nc = 3\n";
        assert_eq!(unclosed(array, array.find("c =").unwrap()), "2:5 Array [");
        let table = "a = { x = 1, y = 2\nb = 1\n";
        assert_eq!(
            unclosed(table, table.find('\n').unwrap()),
            "1:5 InlineTable {"
        );
        let string = "a = \"abc\nb = 1\n";
        assert_eq!(
            unclosed(string, string.find('\n').unwrap()),
            "1:5 String \""
        );
        let literal = "a = 'abc\n";
        assert_eq!(
            unclosed(literal, literal.find('\n').unwrap()),
            "1:5 String '"
        );
        let multi = "a = \"\"\"abc\n\nb = 1\n";
        assert_eq!(unclosed(multi, multi.len()), "1:5 String \"\"\"");
        let header = "a = 1\n[claims\nb = 1\n";
        assert_eq!(unclosed(header, 13), "2:1 TableHeader [");
        let double = "[[actor]\nid = 1\n";
        assert_eq!(unclosed(double, 8), "1:1 ArrayOfTablesHeader [[");
    }

    #[test]
    fn closed_constructs_and_their_look_alikes_are_not_reported() {
        // A missing comma inside an array that is closed.
        let comma = "a = [\"x\" \"y\"]\n";
        assert_eq!(unclosed(comma, comma.find("\"y").unwrap()), "none");
        // Brackets and quotes inside strings and comments, escaped quotes.
        let quoted = "a = \"[{\\\"\" # [ {\nb = '[' \nc = \"\"\"\n]\"\"\"\" d\n";
        assert_eq!(unclosed(quoted, quoted.find(" d").unwrap()), "none");
        // A duplicate key: nothing is open.
        let duplicate = "[[actor]]\nid = \"a\"\nid = \"b\"\n";
        assert_eq!(unclosed(duplicate, duplicate.rfind("id").unwrap()), "none");
        // Nested arrays spanning lines, and `[[` inside an array is not a header.
        let nested = "a = [\n[[1], [2]],\n]\nb = c\n";
        assert_eq!(unclosed(nested, nested.rfind('c').unwrap()), "none");
    }

    #[test]
    fn the_innermost_construct_never_closed_is_named() {
        // The inline table closes later on; the array does not.
        let text = "a = [{ x = [1 }\nb = 1\n";
        assert_eq!(unclosed(text, text.find('}').unwrap()), "1:12 Array [");
        // A string open at the error wins over the array around it.
        let text = "a = [\"x\nb = 1\n";
        assert_eq!(unclosed(text, text.find('\n').unwrap()), "1:6 String \"");
    }

    #[test]
    fn any_offset_of_any_text_is_safe() {
        let texts = ["", "[", "\"", "\\", "'''", "é[\"\\\n", "[[\n]]", "#\n{"];
        for text in texts {
            for at in 0..=text.len() + 2 {
                let _ = find_unclosed(text, at);
            }
        }
    }
}
