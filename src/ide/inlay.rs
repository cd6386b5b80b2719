//! Inlay hints: the resolved date after each relative or partial temporal expression
//! (`last Wednesday` ▸ `2022-09-21`), where the text alone does not say it.

use crate::corpus::Corpus;
use crate::temporal::{Resolution, TimexKind};
use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint stands: just after the expression.
    pub offset: usize,
    pub label: String,
    /// How the value was found, for the hint's tooltip.
    pub tooltip: String,
}

/// Hints for the expressions inside `range` (the visible part of the document).
pub fn inlay_hints(corpus: &Corpus, path: &str, range: TextRange) -> Vec<InlayHint> {
    let Some(file) = corpus.article(path) else {
        return Vec::new();
    };
    file.timexes
        .iter()
        .filter(|timex| range.intersects(timex.range) || range.contains_range(timex.range))
        .filter(|timex| matches!(timex.kind, TimexKind::Date | TimexKind::Time))
        .filter_map(|timex| {
            let Resolution::Relative { explanation } = &timex.resolution else {
                return None;
            };
            let value = timex.value.as_ref()?;
            // "2022-05-04" written out as such needs no hint.
            if timex.range.slice(&file.text).trim() == value {
                return None;
            }
            Some(InlayHint {
                offset: timex.range.end,
                label: format!("▸ {value}"),
                tooltip: explanation.clone(),
            })
        })
        .collect()
}
