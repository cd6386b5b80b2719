//! Editor features as plain data in byte offsets: one module per feature, no LSP types.

pub mod actor_stats;
pub mod hover;
pub mod navigation;
pub mod symbol;
