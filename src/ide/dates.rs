//! The temporal expressions of an article as `dateline dates` lists them: where each is,
//! its value, its kind, how it was resolved, and the earlier date an anaphoric one leans on.

use crate::corpus::ArticleFile;
use crate::temporal::{readable_value, Resolution};
use crate::text::TextRange;

pub use crate::temporal::TimexKind;

/// One temporal expression of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateView<'a> {
    pub range: TextRange,
    /// The words as the article writes them.
    pub text: &'a str,
    /// The TimeML value, when it could be resolved.
    pub value: Option<&'a str>,
    pub kind: TimexKind,
    /// Whether it anchors its sentence in time (vague words, durations and sets do not).
    pub anchors: bool,
    /// The value as people write it (`8 October 2022`).
    pub readable: Option<String>,
    /// How the value was found, in words: `absolute`, the computation from the article
    /// date, `unresolved: ...` or `vague, anchors nothing`.
    pub how: String,
    /// For an anaphoric expression (`the same day`), the earlier one it was counted from.
    pub leans_on: Option<TextRange>,
}

/// Every temporal expression of an article (its whole analysis: [`Corpus::article`]), in
/// text order.
pub fn dates(file: &ArticleFile) -> Vec<DateView<'_>> {
    file.timexes
        .iter()
        .map(|timex| DateView {
            range: timex.range,
            text: timex.range.slice(&file.text),
            value: timex.value.as_deref(),
            kind: timex.kind,
            anchors: timex.anchors,
            readable: timex.value.as_deref().and_then(readable_value),
            how: match &timex.resolution {
                Resolution::Absolute => "absolute".to_string(),
                Resolution::Relative { explanation } => explanation.clone(),
                Resolution::Unresolved { reason } => format!("unresolved: {reason}"),
                Resolution::Vague => "vague, anchors nothing".to_string(),
            },
            leans_on: timex.leans_on,
        })
        .collect()
}
