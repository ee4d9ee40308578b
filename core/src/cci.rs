//! Review of a child care institution against a benchmark frame.
