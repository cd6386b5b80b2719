//! Reports for people: `path:line:col: severity[code]: message`, the source line and a
//! caret underline, as ruff and rustc print them; colours only when asked or on a terminal.

use crate::diagnostic::{Diagnostic, Severity};
use crate::position::{Encoding, LineIndex};
use unicode_width::UnicodeWidthChar;

/// How many columns of a long source line are shown around the problem.
const WINDOW: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn severity(&self, severity: Severity) -> String {
        self.in_severity_colour(severity, severity.as_str())
    }

    /// Any text in the colour of a severity (codes, carets).
    pub fn in_severity_colour(&self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;36",
            Severity::Hint => "1;32",
        };
        self.paint(code, text)
    }

    pub fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// One diagnostic with its source line.
pub fn diagnostic(
    display_path: &str,
    text: &str,
    index: &LineIndex,
    diagnostic: &Diagnostic,
    style: Style,
) -> String {
    let start = index.position(text, diagnostic.range.start, Encoding::Utf32);
    let line_number = start.line as usize + 1;
    let mut out = format!(
        "{}: {}{}: {}\n",
        style.bold(&format!(
            "{display_path}:{line_number}:{}",
            start.character + 1
        )),
        style.severity(diagnostic.severity),
        style.in_severity_colour(diagnostic.severity, &format!("[{}]", diagnostic.code)),
        diagnostic.message
    );
    let Some(line) = index.line_range(text, start.line as usize) else {
        return out;
    };
    let line_text = line.slice(text);
    if line_text.trim().is_empty() {
        // Nothing to underline (an empty file, a skipped file): the header line says it all.
        return out;
    }
    let chars: Vec<char> = line_text.chars().collect();
    let underline_start = start.character as usize;
    let underline_end = if diagnostic.range.end <= line.end {
        index
            .position(text, diagnostic.range.end, Encoding::Utf32)
            .character as usize
    } else {
        chars.len()
    }
    .max(underline_start + 1);
    // Show a window of a long line that starts a little before the problem.
    let (from, to) = if chars.len() <= WINDOW {
        (0, chars.len())
    } else {
        let from = underline_start.saturating_sub(20);
        (from, (from + WINDOW).min(chars.len()))
    };
    let mut shown = String::new();
    let mut marks = String::new();
    if from > 0 {
        shown.push('…');
        marks.push(' ');
    }
    for (column, ch) in chars.iter().enumerate().take(to).skip(from) {
        let ch = if *ch == '\t' { ' ' } else { *ch };
        let width = ch.width().unwrap_or(0);
        shown.push(ch);
        let mark = if (underline_start..underline_end).contains(&column) {
            '^'
        } else {
            ' '
        };
        marks.extend(std::iter::repeat_n(mark, width));
    }
    if to < chars.len() {
        shown.push('…');
    }
    if underline_start >= chars.len() {
        marks.push('^');
    }
    let number = line_number.to_string();
    let pad = " ".repeat(number.len());
    out.push_str(&format!("{} {}\n", pad, style.gutter("|")));
    out.push_str(&format!(
        "{} {}\n",
        style.gutter(&format!("{number} |")),
        shown
    ));
    out.push_str(&format!(
        "{} {} {}\n",
        pad,
        style.gutter("|"),
        style.in_severity_colour(diagnostic.severity, marks.trim_end())
    ));
    out
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
            "undated-claim",
            "undated claim",
        );
        let shown = diagnostic(
            "a.article",
            text,
            &LineIndex::new(text),
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
}
