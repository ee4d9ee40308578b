//! Review of a child care institution (CCI) against a benchmark frame.
//!
//! - [`CciFrame`] (kind `cci_frame`): domains of items, each with its legal
//!   reference (JJ Act 2015, JJ Model Rules 2016), weight, and whether it is
//!   critical; rating bands; the band a critical failure caps the rating at.
//!   [`default_frame`] is the shipped frame; callers may supply their own.
//! - [`CciAssessment`] (kind `cci_assessment`): one review, an item score with
//!   evidence per item, N/A allowed where the frame says so.
//! - [`score`]: weighted domain and overall scores (N/A and unscored items are
//!   left out of the denominator), the rating band, and critical failures that
//!   cap it. [`assess_value`] is the value-level wrapper for the bindings.
//!
//! Scores (ours): item `i` with score `s_i` on `0..=M` and weight `w_i` gives a
//! domain `D = 100 · Σ w_i s_i / (M · Σ w_i)` over the items scored; the overall
//! score is `Σ W_d D_d / Σ W_d` over domains with a score. The band is the first
//! (best) band whose threshold the overall score reaches; a critical item scored
//! below the frame's `critical_pass` makes the rating no better than `critical_cap`.
//!
//! ```
//! use suraksha::{cci, Locale};
//!
//! let frame = cci::default_frame();
//! let scores = frame.domains.iter().flat_map(|d| &d.items).map(|i| cci::ItemScore {
//!     item: i.id.clone(),
//!     // Every standard fully met, except corporal punishment seen on the visit.
//!     score: Some(if i.id == "safety.no_corporal_punishment" { 0 } else { 3 }),
//!     not_applicable: false,
//!     evidence: Some("registers and children's committee".into()),
//! });
//! let review: cci::CciAssessment = serde_json::from_value(serde_json::json!({
//!     "id": "R1", "frame": "jj-2016-cci", "date": "2026-11-01",
//!     "institution": {"id": "CH-1", "kind": "childrens_home"},
//!     "geography": {"state": {"lgd_code": 10, "name": "Bihar"},
//!                   "district": {"lgd_code": 223, "name": "Madhubani"}},
//!     "scores": scores.collect::<Vec<_>>(),
//! })).map_err(|e| e.to_string())?;
//! let result = cci::score(&review, &frame, Locale::En);
//! assert_eq!(result.score_band.as_deref(), Some("good"));
//! assert_eq!(result.rating.as_deref(), Some("needs_improvement")); // capped
//! # Ok::<(), String>(())
//! ```

mod frame_default;
mod model;
mod rules;
mod scoring;

pub use frame_default::default_frame;
pub use model::*;
pub use scoring::{assess_value, score, CciResult, CriticalFailure, DomainScore, ItemResult};
