//! Problems found by the analysis, as plain data: a range, a severity, a stable code.

use crate::text::TextRange;
use serde::Serialize;

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
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        range: TextRange,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            range,
            severity,
            code,
            message: message.into(),
        }
    }

    pub fn error(range: TextRange, code: &'static str, message: impl Into<String>) -> Self {
        Self::new(range, Severity::Error, code, message)
    }

    pub fn warning(range: TextRange, code: &'static str, message: impl Into<String>) -> Self {
        Self::new(range, Severity::Warning, code, message)
    }
}
