//! Byte offsets ↔ (line, column) in UTF-8, UTF-16 or UTF-32 code units.
