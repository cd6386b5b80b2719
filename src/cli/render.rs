//! Reports for people: `path:line:col: severity[code]: message`, the source line and a
//! caret underline, as ruff and rustc print them; colours only when asked or on a terminal.

use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{floor_char_boundary, SpanCursor};
use unicode_width::UnicodeWidthChar;

/// How many columns of a long source line are shown around the problem.
const WINDOW: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

/// The colour of the gutter (`|`, line numbers).
const GUTTER: &str = "1;34";

fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Information => "1;36",
        Severity::Hint => "1;32",
    }
}

impl Style {
    /// Starts text in an ANSI colour (`1;31`), when colours are on.
    fn open(&self, out: &mut String, code: &str) {
        if self.color {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
        }
    }

    /// Ends what [`Style::open`] started.
    fn close(&self, out: &mut String) {
        if self.color {
            out.push_str("\x1b[0m");
        }
    }
}

/// One diagnostic with its source line.
#[cfg(test)]
pub fn diagnostic(
    display_path: &str,
    text: &str,
    index: &crate::position::LineIndex,
    diagnostic: &Diagnostic,
    style: Style,
) -> String {
    let mut out = String::new();
    let mut cursor = index.cursor(text, crate::position::Encoding::Utf32);
    diagnostic_into(&mut out, display_path, text, &mut cursor, diagnostic, style);
    out
}

/// One diagnostic with its source line, appended to `out`. `cursor` converts positions of
/// `text` in characters (UTF-32), counting on from the diagnostic before when it can.
pub fn diagnostic_into(
    out: &mut String,
    display_path: &str,
    text: &str,
    cursor: &mut SpanCursor<'_>,
    diagnostic: &Diagnostic,
    style: Style,
) {
    let span = cursor.span(diagnostic.range);
    let index = cursor.index();
    let start = span.start;
    let line_number = start.line as usize + 1;
    let severity = diagnostic.severity;
    style.open(out, "1");
    // Pieces pushed, not `write!`: formatting cost a visible part of a large report.
    let mut numbers = itoa::Buffer::new();
    out.push_str(display_path);
    out.push(':');
    out.push_str(numbers.format(line_number));
    out.push(':');
    out.push_str(numbers.format(start.character + 1));
    style.close(out);
    out.push_str(": ");
    style.open(out, severity_colour(severity));
    out.push_str(severity.as_str());
    style.close(out);
    style.open(out, severity_colour(severity));
    out.push('[');
    out.push_str(diagnostic.code.as_str());
    out.push(']');
    style.close(out);
    out.push_str(": ");
    out.push_str(&diagnostic.message);
    out.push('\n');
    let Some(line) = index.line_range(text, start.line as usize) else {
        return;
    };
    let line_text = line.slice(text);
    if line_text.trim().is_empty() {
        // Nothing to underline (an empty file, a skipped file): the header line says it all.
        return;
    }
    let line_chars = line_text.chars().count();
    let underline_start = start.character as usize;
    let underline_end = if diagnostic.range.end <= line.end {
        span.end.character as usize
    } else {
        line_chars
    }
    .max(underline_start + 1);
    // Show a window of a long line that starts a little before the problem.
    let (from, to) = if line_chars <= WINDOW {
        (0, line_chars)
    } else {
        let from = underline_start.saturating_sub(20);
        (from, (from + WINDOW).min(line_chars))
    };
    // The window's first character, found back from the problem's start (the
    // column `start` counts to): walking every line from its start made reports of long
    // paragraphs quadratic.
    let window_start = if from == 0 {
        line.start
    } else {
        let problem_start = floor_char_boundary(text, diagnostic.range.start.min(text.len()));
        text.get(line.start..problem_start)
            .and_then(|before| before.char_indices().rev().nth(underline_start - from - 1))
            .map_or(line.end, |(offset, _)| line.start + offset)
    };
    let window_text = text.get(window_start..line.end).unwrap_or("");
    let columns = Columns {
        from,
        to,
        underline: underline_start..underline_end,
    };
    let (window_length, widths) = columns.measure(window_text);
    let window = text
        .get(window_start..window_start + window_length)
        .unwrap_or("");
    // Written straight into the report: a string for the shown line, one for the marks
    // and one for the gutter's padding were three allocations a diagnostic.
    let number = numbers.format(line_number);
    // The empty gutter (`  |`) above the line and before the carets.
    let bar = |out: &mut String| {
        push_run(out, SPACES, number.len() + 1);
        style.open(out, GUTTER);
        out.push('|');
        style.close(out);
    };
    bar(out);
    out.push('\n');
    style.open(out, GUTTER);
    out.push_str(number);
    out.push_str(" |");
    style.close(out);
    out.push(' ');
    if from > 0 {
        out.push('…');
    }
    if window.contains('\t') {
        out.push_str(&window.replace('\t', " "));
    } else {
        out.push_str(window);
    }
    if to < line_chars {
        out.push('…');
    }
    out.push('\n');
    bar(out);
    out.push(' ');
    style.open(out, severity_colour(severity));
    push_marks(out, from > 0, widths, underline_start >= line_chars);
    style.close(out);
    out.push('\n');
}

/// Appends the marks under a shown line: a space under the leading `…` if there is one,
/// then the runs of `widths` (spaces, carets, spaces) and a caret past the line's end if
/// asked, without the trailing spaces.
fn push_marks(out: &mut String, lead: bool, widths: [usize; 3], caret_past_end: bool) {
    let [before, under, after] = widths;
    if !caret_past_end && under == 0 {
        return;
    }
    if lead {
        out.push(' ');
    }
    push_run(out, SPACES, before);
    push_run(out, CARETS, under);
    if caret_past_end {
        push_run(out, SPACES, after);
        out.push('^');
    }
}

/// The columns of a source line a report shows (`from..to`) and those it underlines.
struct Columns {
    from: usize,
    to: usize,
    underline: std::ops::Range<usize>,
}

impl Columns {
    /// For `window`, the line from column `from` on: the byte length of its shown part,
    /// and the widths of the three runs of marks under it, before, under and after the
    /// underline (a character is as many columns wide as it shows).
    fn measure(&self, window: &str) -> (usize, [usize; 3]) {
        // Only the runs' widths are summed: pushing a mark per character was half of a
        // report's rendering. Printable ASCII, most of a text, is one byte and one column
        // a character: a stretch of it is counted whole.
        let bytes = window.as_bytes();
        let mut widths = [0usize; 3];
        let (mut column, mut length) = (self.from, 0);
        while column < self.to {
            let printable = bytes
                .get(length..)
                .unwrap_or_default()
                .iter()
                .take(self.to - column)
                .take_while(|&&byte| matches!(byte, b' '..=b'~' | b'\t'))
                .count();
            if printable > 0 {
                let end = column + printable;
                let before = self.underline.start.clamp(column, end);
                let under = self.underline.end.clamp(before, end);
                widths[0] += before - column;
                widths[1] += under - before;
                widths[2] += end - under;
                column = end;
                length += printable;
                continue;
            }
            let Some(ch) = window.get(length..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let run = if column < self.underline.start {
                0
            } else if column < self.underline.end {
                1
            } else {
                2
            };
            widths[run] += ch.width().unwrap_or(0);
            column += 1;
            length += ch.len_utf8();
        }
        (length, widths)
    }
}

const SPACES: &str = "                                ";
const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

/// Appends `count` copies of the one ASCII character `run` is made of.
fn push_run(out: &mut String, run: &str, mut count: usize) {
    while count > 0 {
        let now = count.min(run.len());
        out.push_str(&run[..now]);
        count -= now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextRange;

    #[test]
    fn underlines_the_range_after_curly_quotes() {
        let text = "Date: 2022\n\n“Quote,” he said.\n";
        let start = text.find("he said").unwrap();
        let problem = Diagnostic::warning(
            TextRange::new(start, start + 7),
            crate::diagnostic::DiagnosticCode::UndatedClaim,
            "undated claim",
        );
        let shown = diagnostic(
            "a.article",
            text,
            &crate::position::LineIndex::new(text),
            &problem,
            Style { color: false },
        );
        expect_test::expect![[r#"
            a.article:3:10: warning[undated-claim]: undated claim
              |
            3 | “Quote,” he said.
              |          ^^^^^^^
        "#]]
        .assert_eq(&shown);
    }

    /// Marks each character of the window in turn: the plain reference for
    /// [`Columns::measure`] and [`push_marks`].
    fn mark_by_character(columns: &Columns, window: &str, marks: &mut String) -> usize {
        let mut length = 0;
        for (column, ch) in (columns.from..columns.to).zip(window.chars()) {
            length += ch.len_utf8();
            let mark = if columns.underline.contains(&column) {
                '^'
            } else {
                ' '
            };
            // A tab is shown as one space.
            let width = match ch {
                ' '..='~' | '\t' => 1,
                _ => ch.width().unwrap_or(0),
            };
            for _ in 0..width {
                marks.push(mark);
            }
        }
        length
    }

    proptest::proptest! {
        /// Summing the widths of the three runs gives the marks that marking each
        /// character gives, trailing spaces trimmed, for any window and underline.
        #[test]
        fn marking_by_runs_is_marking_by_character(
            window in "[ -~\t\u{7}\u{0}é“—界\u{301}]{0,70}",
            from in 0usize..30,
            shown in 0usize..40,
            underline_from in 0usize..50,
            underline_length in 1usize..20,
            lead: bool,
            caret_past_end: bool,
        ) {
            let columns = Columns {
                from,
                to: from + shown,
                underline: underline_from..underline_from + underline_length,
            };
            let (length, widths) = columns.measure(&window);
            let mut by_runs = String::new();
            push_marks(&mut by_runs, lead, widths, caret_past_end);
            let mut by_character = String::from(if lead { " " } else { "" });
            let reference_length = mark_by_character(&columns, &window, &mut by_character);
            if caret_past_end {
                by_character.push('^');
            }
            proptest::prop_assert_eq!(length, reference_length);
            proptest::prop_assert_eq!(by_runs.as_str(), by_character.trim_end());
        }
    }
}
