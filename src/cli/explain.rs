//! `dateline explain [CODE]`: what a diagnostic code means, with an example (as
//! `rustc --explain`), or the list of every code.

use crate::diagnostic::DiagnosticCode;

/// The explanation of `code`, or the list of codes when there is none. Errors name an
/// unknown code.
pub fn run(code: Option<&str>) -> Result<u8, String> {
    let text = match code {
        Some(code) => explain(code).ok_or_else(|| {
            format!("`{code}` is not a diagnostic code; `dateline explain` lists them")
        })?,
        None => list(),
    };
    super::print(&text);
    Ok(super::EXIT_CLEAN)
}

/// Every catalogue entry named `code` (two share `invalid-kind`), headed as the report
/// heads a diagnostic: `severity[code]: summary`.
fn explain(code: &str) -> Option<String> {
    let mut text = String::new();
    for entry in DiagnosticCode::named(code) {
        let info = entry.info();
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&format!(
            "{}[{}]: {}\n\n{}\n",
            info.severity.as_str(),
            info.code,
            info.summary,
            info.explanation
        ));
    }
    (!text.is_empty()).then_some(text)
}

fn list() -> String {
    let width = DiagnosticCode::ALL
        .iter()
        .map(|code| code.as_str().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for code in DiagnosticCode::ALL {
        text.push_str(&format!(
            "{:width$}  {:11}  {}\n",
            code.as_str(),
            code.default_severity().as_str(),
            code.summary()
        ));
    }
    text.push_str("\n`dateline explain CODE` explains one, with an example.\n");
    text
}
