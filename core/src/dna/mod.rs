//! District Need Assessment (DNA): the participatory baseline of a district
//! (domain.md §1, §5).
//!
//! - [`model`]: the records, Part I village tool ([`DnaVillage`]), Part II
//!   block tool ([`DnaBlock`]), the secondary-data template ([`SecondaryData`])
//!   and the village collation ([`VillageCollation`]), each a record kind of
//!   [`crate::api`] with its rules in `rules`;
//! - [`catalogue`]: themes, severity scale and weights, as data in the rule
//!   profile (`RuleProfile::dna`), extensible by a profile patch;
//! - [`generate`]: the synthetic pilot district (Madhubani, 63 villages);
//! - [`triangulate`]: per village and theme, each source's evidence, their
//!   agreement and the gap to official figures; the vulnerability index and
//!   ranking, block and district roll-ups, and the DCPP priorities.
//!
//! ```
//! use suraksha::{dna, Options};
//!
//! let ctx = Options::from_value(&serde_json::json!({"today": "2026-11-23"}))?.context()?;
//! let dataset = serde_json::to_value(dna::generate::sample().dataset()).unwrap_or_default();
//! let baseline = dna::baseline_value(&dataset, &ctx)?;
//! assert_eq!(baseline.villages.len(), 9);
//! assert_eq!(baseline.villages[0].rank, 1);
//! let first = &baseline.priorities[0];
//! println!("first DCPP priority: {} (score {:.0})", first.title_en, first.score);
//! # Ok::<(), suraksha::Report>(())
//! ```

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
