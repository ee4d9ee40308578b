//! Scores: case risk triage and the VCPC functionality index. Both are driven
//! by tables in the rule profile and return the reasons behind every result.

pub mod functionality;
pub mod triage;
