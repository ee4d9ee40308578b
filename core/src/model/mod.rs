//! The record types: geography and child, VCPC, case and referral. Every type
//! derives serde and a JSON Schema whose titles and descriptions come from these
//! doc comments, so a form generator can label fields from them.

mod case;
mod common;
mod concern;
mod referral;
mod vcpc;

pub use case::*;
pub use common::*;
pub use concern::*;
pub use referral::*;
pub use vcpc::*;
