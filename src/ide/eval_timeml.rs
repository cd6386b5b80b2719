//! The date recognizer scored on TimeML (`dateline eval-timeml`): the front ends' door to
//! the parser and scorer of `temporal::timeml`, which read no files themselves.

pub use crate::temporal::timeml::{evaluate_with, parse_tml, EvalOptions};
