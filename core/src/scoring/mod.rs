//! Scores: case risk triage and the VCPC functionality index. Both are driven
//! by tables in the rule profile and return the reasons behind every result.

pub mod functionality;
// Triage is its own top-level module (case rules warn when a recorded level is
// below it, and the functionality index reads the VCPC rules); kept here too.
pub use crate::triage;
