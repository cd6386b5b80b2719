//! The command line's JSON vocabulary shared by its commands: positions and spans as LSP
//! writes them, and the names of date kinds. The analysis's own types carry no serde
//! derives, so renaming one of their fields cannot change what `--format json` prints;
//! each command's records are here in `cli/`, converted from the analysis's answers.

use crate::ide::dates::TimexKind;
use crate::position::{Position, Span};
use serde::Serialize;

/// A zero-based line and column, in the UTF-16 units of LSP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JsonPosition {
    pub line: u32,
    pub character: u32,
}

/// A start and an exclusive end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JsonSpan {
    pub start: JsonPosition,
    pub end: JsonPosition,
}

impl From<Position> for JsonPosition {
    fn from(position: Position) -> Self {
        JsonPosition {
            line: position.line,
            character: position.character,
        }
    }
}

impl From<Span> for JsonSpan {
    fn from(span: Span) -> Self {
        JsonSpan {
            start: span.start.into(),
            end: span.end.into(),
        }
    }
}

/// A date's TimeML type as the JSON names it.
pub fn kind_name(kind: TimexKind) -> &'static str {
    match kind {
        TimexKind::Date => "date",
        TimexKind::Time => "time",
        TimexKind::Duration => "duration",
        TimexKind::Set => "set",
    }
}
