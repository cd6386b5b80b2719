//! Folding ranges: the header block and each paragraph of more than one line.

use crate::corpus::Corpus;
use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Header,
    Paragraph,
}

pub fn folding_ranges(corpus: &Corpus, path: &str) -> Vec<(TextRange, FoldKind)> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    let spans_lines = |range: TextRange| range.slice(&file.text).trim_end().contains(['\n', '\r']);
    let mut folds = Vec::new();
    let header = file.article.header.range;
    if !header.is_empty() && spans_lines(header) {
        folds.push((header, FoldKind::Header));
    }
    for paragraph in &file.article.paragraphs {
        if spans_lines(paragraph.range) {
            folds.push((paragraph.range, FoldKind::Paragraph));
        }
    }
    folds
}
