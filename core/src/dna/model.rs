//! The District Need Assessment records:
//!
//! - [`DnaVillage`] (kind `dna_village`), Part I: the adult and children's focus
//!   groups of one village, their findings per theme, and the interviews with
//!   the village duty bearers (teacher, AWW, ASHA) recorded against them;
//! - [`DnaBlock`] (kind `dna_block`), Part II: block duty bearers' responses and
//!   commitments;
//! - [`SecondaryData`] (kind `secondary_data`): official block-department figures;
//! - [`VillageCollation`] (kind `village_collation`): Part I and II joined per
//!   village and theme.
//!
//! Themes are ids from the catalogue in the rule profile
//! ([`super::catalogue::DnaRules`]), not a Rust enum, so the list can grow
//! without a release. Notes and comments are short and must not identify
//! anyone (JJ Act s.74): records name roles and counts, never people.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::catalogue::EstimateUnit;
use crate::model::{Geography, Sex};

/// A source of evidence in the triangulation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The adult focus group.
    AdultGroup,
    /// The children's focus group.
    ChildrenGroup,
    /// The school teacher.
    Teacher,
    /// The Anganwadi worker.
    Aww,
    /// The ASHA.
    Asha,
    /// Another village duty bearer.
    OtherDutyBearer,
    /// Official secondary data.
    Official,
}

impl SourceKind {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::AdultGroup => "adult_group",
            SourceKind::ChildrenGroup => "children_group",
            SourceKind::Teacher => "teacher",
            SourceKind::Aww => "aww",
            SourceKind::Asha => "asha",
            SourceKind::OtherDutyBearer => "other_duty_bearer",
            SourceKind::Official => "official",
        }
    }
}

/// A village duty bearer interviewed in Part I.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VillageDutyBearer {
    /// School teacher or headmaster.
    Teacher,
    /// Anganwadi worker (ICDS).
    Aww,
    /// Accredited Social Health Activist.
    Asha,
    /// Another duty bearer (e.g. ward member, Panchayat secretary).
    Other,
}

impl VillageDutyBearer {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            VillageDutyBearer::Teacher => "teacher",
            VillageDutyBearer::Aww => "aww",
            VillageDutyBearer::Asha => "asha",
            VillageDutyBearer::Other => "other",
        }
    }

    /// The triangulation source this duty bearer gives.
    pub fn source(self) -> SourceKind {
        match self {
            VillageDutyBearer::Teacher => SourceKind::Teacher,
            VillageDutyBearer::Aww => SourceKind::Aww,
            VillageDutyBearer::Asha => SourceKind::Asha,
            VillageDutyBearer::Other => SourceKind::OtherDutyBearer,
        }
    }
}

/// Participants of one sex and age band in a focus group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupBand {
    /// Sex of these participants.
    pub sex: Sex,
    /// Youngest age in the band, in completed years.
    #[schemars(range(max = 120))]
    pub age_from: u8,
    /// Oldest age in the band (inclusive).
    #[schemars(range(max = 120))]
    pub age_to: u8,
    /// Number of participants.
    #[schemars(range(min = 1, max = 200))]
    pub count: u32,
}

/// A focus group: its participants by sex and age band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FocusGroup {
    /// Participants by sex and age band.
    #[schemars(length(min = 1))]
    pub participants: Vec<GroupBand>,
}

impl FocusGroup {
    /// Total participants (saturating: counts come from the record as written).
    pub fn size(&self) -> u32 {
        self.participants
            .iter()
            .fold(0u32, |acc, b| acc.saturating_add(b.count))
    }
}

/// The two focus groups of a village.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// The adult group (parents, community members).
    pub adult: FocusGroup,
    /// The children's group.
    pub children: FocusGroup,
}

/// What one source said about one theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Severity on the profile's scale (default 0 none .. 4 severe).
    pub severity: u8,
    /// Estimate in the theme's unit (e.g. % of girls married before 18), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    /// Short note; never a name or any detail that identifies a child or family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub notes: Option<String>,
}

/// The groups' findings on one theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Theme id from the catalogue (e.g. `child_marriage`).
    #[schemars(length(min = 1))]
    pub theme: String,
    /// The adult group's evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adult_group: Option<Evidence>,
    /// The children's group's evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_group: Option<Evidence>,
}

/// A duty bearer's evidence on one theme, recorded against the groups'.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyBearerEvidence {
    /// Theme id from the catalogue.
    #[schemars(length(min = 1))]
    pub theme: String,
    /// Severity on the profile's scale, in the duty bearer's view.
    pub severity: u8,
    /// Estimate in the theme's unit, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    /// Whether the duty bearer agrees with the groups' findings on this theme.
    pub agrees_with_groups: bool,
    /// Short comment (no identifying detail).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub comment: Option<String>,
}

/// An in-depth interview with a village duty bearer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// Who was interviewed (by role, never by name).
    pub role: VillageDutyBearer,
    /// Date of the interview, if not the record's date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub date: Option<NaiveDate>,
    /// Evidence per theme.
    pub evidence: Vec<DutyBearerEvidence>,
}

/// Part I, the village tool (kind `dna_village`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnaVillage {
    /// Id of the record.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Where: the village (and its block) must be given.
    pub geography: Geography,
    /// Date of the focus groups.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// The adult and children's groups.
    pub groups: Groups,
    /// Findings per theme.
    #[schemars(length(min = 1))]
    pub findings: Vec<Finding>,
    /// Interviews with the village duty bearers.
    #[serde(default)]
    pub interviews: Vec<Interview>,
}

/// A block officer interviewed in Part II.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BlockOfficer {
    /// Block Development Officer.
    Bdo,
    /// Child Development Project Officer (ICDS).
    Cdpo,
    /// Block Education Officer.
    Beo,
    /// Medical Officer (PHC / CHC).
    Mo,
    /// Station House Officer (police).
    Sho,
    /// Labour Enforcement Officer.
    Leo,
    /// Child Marriage Prohibition Officer.
    Cmpo,
    /// Block Child Protection Committee member.
    Bcpc,
    /// Another block officer.
    Other,
}

/// A commitment a block officer made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// What will be done.
    #[schemars(length(min = 1, max = 500))]
    pub action: String,
    /// By when, if a date was agreed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub by: Option<NaiveDate>,
}

/// A block officer's response on one theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockResponse {
    /// Theme id from the catalogue.
    #[schemars(length(min = 1))]
    pub theme: String,
    /// Severity in the officer's view, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// Whether the officer accepts the village evidence presented.
    pub acknowledges: bool,
    /// The officer's response, briefly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub response: Option<String>,
    /// Commitments made.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
}

/// An interview with one block officer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockInterview {
    /// The officer's post (never a name).
    pub officer: BlockOfficer,
    /// Responses per theme.
    pub responses: Vec<BlockResponse>,
}

/// Part II, the block duty bearers' tool (kind `dna_block`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnaBlock {
    /// Id of the record.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Where: the block must be given.
    pub geography: Geography,
    /// Date of the block meeting.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// Interviews with block officers.
    #[schemars(length(min = 1))]
    pub interviews: Vec<BlockInterview>,
}

/// A block department that publishes figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Department {
    /// Integrated Child Development Services.
    Icds,
    /// Education.
    Education,
    /// Health.
    Health,
    /// Labour.
    Labour,
    /// Police.
    Police,
    /// Panchayati Raj.
    Panchayat,
    /// Another department.
    Other,
}

/// One official figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondaryRow {
    /// Department that publishes it.
    pub department: Department,
    /// The indicator, as the department names it.
    #[schemars(length(min = 1))]
    pub indicator: String,
    /// The theme it informs, if any (used by the triangulation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The figure (a percent is at most 100).
    #[schemars(range(min = 0, max = 100000))]
    pub value: f64,
    /// Its unit; compared with a theme only when it is the theme's unit.
    pub unit: EstimateUnit,
    /// LGD code of the village, when the figure is for one village rather than the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village_lgd_code: Option<u32>,
    /// First day of the period covered.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub period_from: NaiveDate,
    /// Last day of the period covered.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub period_to: NaiveDate,
    /// Where the figure comes from (register, MIS, report).
    #[schemars(length(min = 1))]
    pub source: String,
}

/// The secondary-data template of one block (kind `secondary_data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondaryData {
    /// Id of the record.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Where: the block must be given.
    pub geography: Geography,
    /// Date the figures were collected.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub collected_on: NaiveDate,
    /// The figures.
    #[schemars(length(min = 1))]
    pub rows: Vec<SecondaryRow>,
}

/// One theme of a village collation: each source's severity side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollationRow {
    /// Theme id from the catalogue.
    #[schemars(length(min = 1))]
    pub theme: String,
    /// Severity per source (Part I groups and duty bearers, official figure).
    pub sources: Vec<SourceSeverity>,
    /// Severity the block duty bearers gave (Part II), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_severity: Option<u8>,
    /// The severity agreed at collation.
    pub consolidated: u8,
    /// Short remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub remarks: Option<String>,
}

/// One source's severity in a collation row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceSeverity {
    /// The source.
    pub source: SourceKind,
    /// Its severity.
    pub severity: u8,
}

/// The village-level collation joining Part I and II (kind `village_collation`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VillageCollation {
    /// Id of the record.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Where: the village must be given.
    pub geography: Geography,
    /// Date of the collation.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// One row per theme.
    #[schemars(length(min = 1))]
    pub themes: Vec<CollationRow>,
}
