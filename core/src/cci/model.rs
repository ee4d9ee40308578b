//! The benchmark frame and the assessment record of a CCI review.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Geography;

/// One level of the item scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// The score.
    pub value: u8,
    /// Label in English.
    #[schemars(length(min = 1))]
    pub en: String,
    /// Label in Hindi.
    #[schemars(length(min = 1))]
    pub hi: String,
}

/// A rating band: the overall score from `min_score` up (to the band above).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Id, e.g. `good`.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Label in English.
    #[schemars(length(min = 1))]
    pub en: String,
    /// Label in Hindi.
    #[schemars(length(min = 1))]
    pub hi: String,
    /// Lowest overall score (0–100) in the band.
    #[schemars(range(min = 0, max = 100))]
    pub min_score: f64,
}

/// One benchmark item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameItem {
    /// Stable id, unique in the frame (e.g. `safety.no_corporal_punishment`).
    #[schemars(length(min = 1))]
    pub id: String,
    /// The standard, in English.
    #[schemars(length(min = 1))]
    pub text_en: String,
    /// The standard, in Hindi.
    #[schemars(length(min = 1))]
    pub text_hi: String,
    /// Legal reference (e.g. `JJ Model Rules 2016 r.40`), or `ours` for a practice standard.
    #[schemars(length(min = 1))]
    pub reference: String,
    /// Weight within its domain.
    pub weight: f64,
    /// A failure on this item caps the rating.
    #[serde(default)]
    pub critical: bool,
    /// The item may be marked not applicable (e.g. aftercare where no child has left).
    #[serde(default)]
    pub na_allowed: bool,
}

/// A domain of the frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameDomain {
    /// Stable id, unique in the frame.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Title in English.
    #[schemars(length(min = 1))]
    pub title_en: String,
    /// Title in Hindi.
    #[schemars(length(min = 1))]
    pub title_hi: String,
    /// Weight of the domain in the overall score.
    pub weight: f64,
    /// Its items.
    #[schemars(length(min = 1))]
    pub items: Vec<FrameItem>,
}

/// A benchmark frame (kind `cci_frame`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CciFrame {
    /// Id of the frame, named by assessments.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Version (bump on any change).
    #[schemars(length(min = 1))]
    pub version: String,
    /// Title in English.
    #[schemars(length(min = 1))]
    pub title_en: String,
    /// Title in Hindi.
    #[schemars(length(min = 1))]
    pub title_hi: String,
    /// The item scale, from 0 to its maximum.
    #[schemars(length(min = 2))]
    pub scale: Vec<ScaleLevel>,
    /// A critical item scored below this fails.
    pub critical_pass: u8,
    /// Rating bands, best first.
    #[schemars(length(min = 1))]
    pub bands: Vec<Band>,
    /// Id of the best band a rating with a critical failure can have.
    #[schemars(length(min = 1))]
    pub critical_cap: String,
    /// The domains.
    #[schemars(length(min = 1))]
    pub domains: Vec<FrameDomain>,
}

impl CciFrame {
    /// Highest score of the scale.
    pub fn max_score(&self) -> u8 {
        self.scale.iter().map(|l| l.value).max().unwrap_or(0)
    }

    /// The item with this id, with its domain.
    pub fn item(&self, id: &str) -> Option<(&FrameDomain, &FrameItem)> {
        self.domains
            .iter()
            .find_map(|d| d.items.iter().find(|i| i.id == id).map(|i| (d, i)))
    }
}

/// The kind of institution (JJ Act 2015 ss.2(14), 47–50).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CciKind {
    /// Children's Home (CNCP).
    ChildrensHome,
    /// Open shelter.
    OpenShelter,
    /// Specialised Adoption Agency.
    SpecialisedAdoptionAgency,
    /// Observation Home (children in conflict with law, during inquiry).
    ObservationHome,
    /// Special Home.
    SpecialHome,
    /// Place of safety.
    PlaceOfSafety,
    /// Fit facility.
    FitFacility,
}

/// The institution reviewed (no child is named in a review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// Id of the institution in the programme's register.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Its kind.
    pub kind: CciKind,
    /// Registration number under JJ Act 2015 s.41, if registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// Sanctioned capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Children resident on the day of the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_resident: Option<u32>,
}

/// The score of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemScore {
    /// Item id from the frame.
    #[schemars(length(min = 1))]
    pub item: String,
    /// The score on the frame's scale; absent when not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    /// True when the item does not apply to this institution.
    #[serde(default)]
    pub not_applicable: bool,
    /// What was seen, read or heard (registers, visits, children's committee); no child's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 1000))]
    pub evidence: Option<String>,
}

/// A CCI review (kind `cci_assessment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CciAssessment {
    /// Id of the review.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Id of the benchmark frame used (the shipped one is `jj-2016-cci`).
    #[schemars(length(min = 1))]
    pub frame: String,
    /// The institution.
    pub institution: Institution,
    /// Where it is.
    pub geography: Geography,
    /// Date of the review visit.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// Item scores.
    #[schemars(length(min = 1))]
    pub scores: Vec<ItemScore>,
}
