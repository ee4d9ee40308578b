//! The result types of the DNA baseline (see [`super::triangulate`] for how
//! each number is computed). Plain serde structs, so the Python and browser
//! packages hand them over as dicts and objects without glue.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::*;
use crate::model::Area;

/// The records a baseline is built from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnaDataset {
    /// Part I records, one per village.
    #[serde(default)]
    pub villages: Vec<DnaVillage>,
    /// Part II records, one per block.
    #[serde(default)]
    pub blocks: Vec<DnaBlock>,
    /// Secondary-data templates, one per block.
    #[serde(default)]
    pub secondary_data: Vec<SecondaryData>,
}

/// What one source said on one theme in one village.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceEvidence {
    /// The source.
    pub source: SourceKind,
    /// Its severity (for the official figure: read through the theme's cuts).
    pub severity: u8,
    /// Its estimate or official value, in the theme's unit.
    pub estimate: Option<f64>,
    /// For a duty bearer: whether they agreed with the groups.
    pub agrees_with_groups: Option<bool>,
}

/// Block officers' response on a theme (Part II).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BlockView {
    /// Officers who responded on the theme.
    pub officers: u32,
    /// Of whom accepted the village evidence.
    pub acknowledged: u32,
    /// Mean severity the officers gave, where they gave one.
    pub mean_severity: Option<f64>,
    /// Commitments made.
    pub commitments: u32,
}

/// The triangulation of one theme in one village.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ThemeEvidence {
    /// Theme id.
    pub theme: String,
    /// Every source's evidence.
    pub sources: Vec<SourceEvidence>,
    /// Agreement of the sources, 0–1 (none with fewer than two sources).
    pub agreement: Option<f64>,
    /// Weighted consolidated severity of all sources (as in the collation).
    pub consolidated: f64,
    /// The severity the index, reach and priorities use: the community
    /// severity when the groups spoke on the theme, else `consolidated`.
    pub severity: f64,
    /// Mean severity of the two groups.
    pub community_severity: Option<f64>,
    /// Mean estimate of the two groups.
    pub community_estimate: Option<f64>,
    /// Mean severity of the village duty bearers.
    pub duty_bearer_severity: Option<f64>,
    /// Official figure (village-level if published, else the block's).
    pub official_value: Option<f64>,
    /// Community severity minus official severity (positive: under-reported).
    pub gap: Option<f64>,
    /// Community estimate minus official value.
    pub estimate_gap: Option<f64>,
    /// Official value as a share of the community estimate.
    pub official_share: Option<f64>,
    /// The block officers' response.
    pub block: BlockView,
}

/// One village's triangulation and index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VillageResult {
    /// Id of the Part I record (left empty, and out of the JSON, in a published report).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub record_id: String,
    /// The block.
    pub block: Option<Area>,
    /// The Gram Panchayat.
    pub gram_panchayat: Option<Area>,
    /// The village.
    pub village: Option<Area>,
    /// Vulnerability index, 0–100.
    pub index: f64,
    /// Rank in the district (1 = most vulnerable).
    pub rank: usize,
    /// Rank within its block (1 = most vulnerable).
    pub block_rank: usize,
    /// Per theme, in catalogue order.
    pub themes: Vec<ThemeEvidence>,
}

/// A theme summarised over an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ThemeRollup {
    /// Theme id.
    pub theme: String,
    /// Villages with evidence on the theme.
    pub villages: usize,
    /// Mean severity (community-led, see [`ThemeEvidence::severity`]).
    pub mean_severity: f64,
    /// Villages at or above the "affected" severity.
    pub villages_affected: usize,
    /// Share of the area's villages affected.
    pub reach: f64,
    /// Mean gap (community minus official severity), where official data exist.
    pub mean_gap: Option<f64>,
    /// Mean agreement of sources.
    pub mean_agreement: Option<f64>,
    /// Share of village duty bearers' statements that agreed with the groups.
    pub duty_bearers_agreeing: Option<f64>,
    /// Mean severity by source.
    pub by_source: BTreeMap<SourceKind, f64>,
    /// Mean community estimate.
    pub community_estimate: Option<f64>,
    /// Mean official value.
    pub official_value: Option<f64>,
}

/// A block or the district, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rollup {
    /// The area (none for the district when no record names it).
    pub area: Option<Area>,
    /// Villages assessed.
    pub villages: usize,
    /// Mean vulnerability index.
    pub mean_index: f64,
    /// Per theme, in catalogue order.
    pub themes: Vec<ThemeRollup>,
}

/// One DCPP priority with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Priority {
    /// 1 = first priority.
    pub rank: usize,
    /// Theme id.
    pub theme: String,
    /// Title in English.
    pub title_en: String,
    /// Title in Hindi.
    pub title_hi: String,
    /// Priority score, 0–100.
    pub score: f64,
    /// Severity component (mean severity ÷ scale maximum).
    pub severity: f64,
    /// Reach component (share of villages affected).
    pub reach: f64,
    /// Evidence-gap component (mean positive gap ÷ scale maximum).
    pub gap: f64,
    /// The district summary of the theme.
    pub evidence: ThemeRollup,
    /// LGD codes of the affected villages, most severe first.
    pub affected_villages: Vec<u32>,
    /// Block officers who responded on the theme, acknowledged it, and commitments made.
    pub block: BlockView,
}

/// The district baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Baseline {
    /// Villages, most vulnerable first.
    pub villages: Vec<VillageResult>,
    /// Block roll-ups, by block code.
    pub blocks: Vec<Rollup>,
    /// District roll-up.
    pub district: Rollup,
    /// DCPP priorities, first first.
    pub priorities: Vec<Priority>,
    /// Warnings found in the input records, with paths into the dataset
    /// (filled by [`super::baseline_value`]; empty from [`super::baseline`]).
    #[serde(default)]
    pub warnings: Vec<crate::Diagnostic>,
}
