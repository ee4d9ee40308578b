//! Deterministic synthetic data for the pilot district (Madhubani: Bisfi,
//! Pandaul, Rajnagar; 63 villages).
//!
//! [`villages`] is the one list of villages every generator of the project
//! uses, so village codes join across the DNA records and the child roster.

pub use super::places::{district_area, state_area, villages, PlaceInfo};
