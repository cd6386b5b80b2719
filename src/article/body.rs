//! The body's paragraphs: blocks of lines separated by blank lines, with heading lines
//! (short, unpunctuated, between line breaks, or Markdown `#` headings) split off as
//! paragraphs of their own.

use super::lines::{lines_from, trim_range, Line};
use super::sentences::{is_closer, is_opener, split};
use super::Paragraph;
use crate::text::TextRange;

/// Lowercase words a heading does not end with but a hard-wrapped line often does.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "but", "in", "on", "at", "by", "for", "with",
    "from", "into", "that", "as", "its", "his", "her", "their", "our", "is", "are", "was", "were",
    "be", "has", "have", "had", "not", "than", "which", "who", "this",
];

/// At most this many words on a heading line.
const HEADING_MAX_WORDS: usize = 16;

/// A line made only of dashes or bullets (`-`, `•`, `---`) separates paragraphs like a
/// blank line: scraped pages use such lines between list entries ("Read also").
fn is_separator(text: &str, line: &Line) -> bool {
    let t = line.text(text).trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '•' | '*' | '·' | '_' | '='))
}

/// The line without trailing closing quotes and brackets, trimmed.
fn core<'a>(text: &'a str, line: &Line) -> &'a str {
    line.text(text)
        .trim()
        .trim_end_matches(is_closer)
        .trim_end()
}

fn ends_sentence(text: &str, line: &Line) -> bool {
    let t = line.text(text).trim_end();
    t.ends_with(')') || core(text, line).ends_with(['.', '?', '!', '…'])
}

/// A line starts like a sentence or a heading: a capital (or caseless letter), a digit
/// or an opening quote.
fn starts_capitalised(text: &str, line: &Line) -> bool {
    line.text(text)
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| {
            (c.is_alphabetic() && !c.is_lowercase())
                || c.is_numeric()
                || (is_opener(c) && c != '(' && c != '[')
        })
}

/// Whether `block[i]` is a heading: it starts with a capital, has at most
/// [`HEADING_MAX_WORDS`] words, has no sentence-final punctuation and does not end in a
/// dangling word; it is followed by a line that starts with a capital, digit or quote;
/// and the line before it (if any) is not hard-wrapped text running into it. The last
/// line of a block is a heading only after a line that ends a sentence ("Read also"
/// before a list).
fn is_heading(text: &str, block: &[Line], i: usize, previous_is_heading: bool) -> bool {
    let line = &block[i];
    if is_markdown_heading(text, line) {
        return true;
    }
    let previous = i.checked_sub(1).and_then(|p| block.get(p));
    if !starts_capitalised(text, line) || !heading_shape(text, line) {
        return false;
    }
    match (previous, block.get(i + 1)) {
        (None, None) => false,
        (Some(previous), None) => ends_sentence(text, previous),
        (previous, Some(next)) => {
            starts_capitalised(text, next)
                && previous.is_none_or(|previous| {
                    previous_is_heading
                        || ends_sentence(text, previous)
                        // A long line is a whole unwrapped paragraph (or a caption), not
                        // hard-wrapped text.
                        || previous.text(text).split_whitespace().nth(HEADING_MAX_WORDS).is_some()
                })
        }
    }
}

/// A Markdown heading (`#` to `######`, then a space or the end of the line) is a
/// heading whatever its shape: its writer said so.
fn is_markdown_heading(text: &str, line: &Line) -> bool {
    let content = line.text(text).trim_start();
    let rest = content.trim_start_matches('#');
    let level = content.len() - rest.len();
    (1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Short, no sentence-final punctuation anywhere, no trailing comma, colon, dash or
/// bracket, and no dangling last word.
fn heading_shape(text: &str, line: &Line) -> bool {
    let body = core(text, line);
    if body.ends_with(['.', '?', '!', '…', ':', ';', ',', '-', '–', '—', '('])
        || line.text(text).trim_end().ends_with([')', ']'])
    {
        return false;
    }
    let mut words = 0;
    let mut last = "";
    for word in body.split_whitespace() {
        if word
            .trim_end_matches(is_closer)
            .ends_with(['.', '?', '!', '…'])
        {
            return false;
        }
        words += 1;
        last = word;
        if words > HEADING_MAX_WORDS {
            return false;
        }
    }
    words > 0 && !DANGLING.contains(&last)
}

/// Splits the body `text[start..]` into paragraphs and their sentences.
pub(crate) fn paragraphs(text: &str, start: usize, opaque: &[TextRange]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines_from(text, start) {
        if line.is_blank(text) || is_separator(text, &line) {
            flush(text, &block, opaque, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    flush(text, &block, opaque, &mut out);
    out
}

/// Turns one block of non-blank lines into paragraphs, splitting off heading lines.
fn flush(text: &str, block: &[Line], opaque: &[TextRange], out: &mut Vec<Paragraph>) {
    let mut from = 0;
    let mut previous_is_heading = false;
    for i in 0..block.len() {
        let heading = is_heading(text, block, i, previous_is_heading);
        if heading {
            if from < i {
                out.push(paragraph(text, &block[from..i], opaque, false));
            }
            out.push(paragraph(text, &block[i..=i], opaque, true));
            from = i + 1;
        }
        previous_is_heading = heading;
    }
    if from < block.len() {
        out.push(paragraph(text, &block[from..], opaque, false));
    }
}

fn paragraph(text: &str, lines: &[Line], opaque: &[TextRange], heading: bool) -> Paragraph {
    let first = lines.first().map_or(0, |l| l.start);
    let last = lines.last().map_or(first, |l| l.end);
    let (start, end) = trim_range(text, first, last);
    Paragraph {
        range: TextRange::new(start, end),
        sentences: split(text, start, end, opaque),
        heading,
    }
}
