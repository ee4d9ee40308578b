//! District Need Assessment (DNA): the participatory baseline of a district
//! (domain.md §1, §5).
//!
//! - [`model`]: the records, Part I village tool ([`DnaVillage`]), Part II
//!   block tool ([`DnaBlock`]), the secondary-data template ([`SecondaryData`])
//!   and the village collation ([`VillageCollation`]), each a record kind of
//!   [`crate::api`] with its rules in `rules`;
//! - [`catalogue`]: themes, severity scale and weights, as data in the rule
//!   profile (`RuleProfile::dna`), extensible by a profile patch;
//! - [`generate`]: the synthetic pilot district (Madhubani, 63 villages).

pub mod catalogue;
pub mod generate;
pub mod model;
mod places;
pub(crate) mod rules;

pub use catalogue::{DnaRules, EstimateUnit, Theme};
pub use model::*;
pub use places::PlaceInfo;
mod results;
pub mod triangulate;
mod triangulate_api;

pub use triangulate::{baseline, Baseline, DnaDataset};
pub use triangulate_api::baseline_value;
