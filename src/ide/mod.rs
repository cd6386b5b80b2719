//! Editor features as plain data in byte offsets: one module per feature, no LSP types.

pub mod actors;
pub mod claims;
pub mod code_actions;
pub mod code_lens;
pub mod completion;
pub mod dates;
pub mod diagnostics;
pub mod eval_events;
pub mod eval_timeml;
pub mod folding;
pub mod hover;
pub mod inlay;
pub mod limits;
pub mod navigation;
pub mod rename;
pub mod semantic;
pub mod symbol;
pub mod symbols;
pub mod timeline;

#[cfg(test)]
mod tests;
