//! Tests of the corpus index.
