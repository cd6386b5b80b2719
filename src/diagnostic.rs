//! Problems found by the analysis, as plain data: a range, a severity, a stable code.

use crate::text::TextRange;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// One problem in one file. `code` is a stable kebab-case identifier (`undated-claim`)
/// that users can search for and that suppressions name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub range: TextRange,
    pub severity: Severity,
    pub code: &'static str,
    /// Shared, not owned: the diagnostics of a file are copied out of the corpus whenever
    /// they are published, 30,000 at a time for a long article.
    #[serde(serialize_with = "serialize_message")]
    pub message: Arc<str>,
}

fn serialize_message<S: serde::Serializer>(
    message: &Arc<str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(message)
}

impl Diagnostic {
    pub fn new(
        range: TextRange,
        severity: Severity,
        code: &'static str,
        message: impl Into<Arc<str>>,
    ) -> Self {
        Diagnostic {
            range,
            severity,
            code,
            message: message.into(),
        }
    }

    pub fn error(range: TextRange, code: &'static str, message: impl Into<Arc<str>>) -> Self {
        Self::new(range, Severity::Error, code, message)
    }

    pub fn warning(range: TextRange, code: &'static str, message: impl Into<Arc<str>>) -> Self {
        Self::new(range, Severity::Warning, code, message)
    }
}
