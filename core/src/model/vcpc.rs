//! The Village Child Protection Committee record: its formation, members,
//! meetings, trainings and register of vulnerable children.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Geography, Sex, SocialGroup};
use super::concern::ConcernKind;

/// The role a member brings to the committee. Which roles a committee must
/// have is set by its composition profile (state order), not here.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sarpanch / Mukhiya (head of the Gram Panchayat).
    Sarpanch,
    /// Ward member of the Gram Panchayat.
    WardMember,
    /// Another elected Panchayat representative.
    ElectedRepresentative,
    /// Anganwadi worker (ICDS).
    AnganwadiWorker,
    /// Accredited Social Health Activist.
    Asha,
    /// School teacher.
    Teacher,
    /// School headmaster.
    Headmaster,
    /// President of the School Management Committee.
    SmcPresident,
    /// Police Patil (Maharashtra village police officer).
    PolicePatil,
    /// Local social representative: NGO, SHG or Mahila Mandal.
    SocialRepresentative,
    /// Self-help group member.
    ShgMember,
    /// Youth representative.
    Youth,
    /// Representative of the District Child Protection Unit.
    DcpuRepresentative,
    /// Child representative.
    Child,
    /// Other community member.
    Other,
}

/// The office a member holds on the committee.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// Chairperson.
    Chair,
    /// Member secretary (convenor).
    MemberSecretary,
    /// Ordinary member.
    #[default]
    Member,
}

/// A committee member. Identified by an id local to the record; no names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Id of the member within this record (used by meetings and trainings).
    #[schemars(length(min = 1))]
    pub id: String,
    /// The role the member brings.
    pub role: Role,
    /// Office held on the committee.
    #[serde(default)]
    pub office: Office,
    /// Sex.
    pub sex: Sex,
    /// Age in completed years (required for child representatives; adults are
    /// checked against the role's minimum, `member_ages` in the rule profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 120))]
    pub age: Option<u8>,
    /// Social group (some state orders reserve the chair).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_group: Option<SocialGroup>,
}

/// The Gram Sabha resolution that formed the committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Resolution number or reference in the Gram Sabha register.
    #[schemars(length(min = 1))]
    pub reference: String,
    /// Date the resolution was passed.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
}

/// How and when the committee was formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formation {
    /// Date of formation.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// The Gram Sabha resolution, if one was passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gram_sabha_resolution: Option<Resolution>,
}

/// A committee meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Date of the meeting.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// Ids of the members present.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// True when minutes were written in the minutes book.
    #[serde(default)]
    pub minutes_recorded: bool,
    /// Number of children (beyond child members) who took part.
    #[serde(default)]
    pub children_present: u32,
    /// Items on the agenda, briefly (no child's name or identifying detail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 50), inner(length(max = 300)))]
    pub agenda: Vec<String>,
    /// Decisions taken, briefly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 50), inner(length(max = 300)))]
    pub decisions: Vec<String>,
    /// Ids of the cases reviewed (pseudonymous case ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 200), inner(length(max = 64)))]
    pub cases_reviewed: Vec<String>,
    /// Action points agreed, briefly (what, who by role, by when).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 50), inner(length(max = 300)))]
    pub action_points: Vec<String>,
    /// Date set for the next meeting.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub next_date: Option<NaiveDate>,
}

/// A training attended by members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Date of the training.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// Topic, e.g. "roles of VCPC", "POCSO".
    #[schemars(length(min = 1))]
    pub topic: String,
    /// Ids of the members trained.
    #[serde(default)]
    pub attendees: Vec<String>,
}

/// An entry of the Village Child Protection Register of vulnerable children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterEntry {
    /// Pseudonymous id of the child.
    #[schemars(length(min = 1))]
    pub child_id: String,
    /// Sex of the child.
    pub sex: Sex,
    /// Age in completed years when listed: a child under the law of one of
    /// the concerns (under 18; a boy under 21 at risk of marriage, PCMA s.2(a)).
    #[schemars(range(max = 20))]
    pub age_years: u8,
    /// Why the child is listed.
    #[schemars(length(min = 1))]
    pub concerns: Vec<ConcernKind>,
    /// Date the child was entered in the register.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub listed_on: NaiveDate,
    /// Date the entry was last reviewed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub last_reviewed: Option<NaiveDate>,
}

/// The committee's plans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plans {
    /// A village child protection plan exists.
    #[serde(default)]
    pub village_plan: bool,
    /// The plan is included in the Gram Panchayat Development Plan.
    #[serde(default)]
    pub in_gpdp: bool,
}

/// Referrals the committee made over the last twelve months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralTally {
    /// Referrals made.
    #[serde(default)]
    pub made: u32,
    /// Of those, referrals followed up to an outcome.
    #[serde(default)]
    pub followed_up: u32,
}

/// Links with the block and district levels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Linkages {
    /// Reports to or meets with the Block Child Protection Committee.
    #[serde(default)]
    pub bcpc: bool,
    /// In contact with the District Child Protection Unit.
    #[serde(default)]
    pub dcpu: bool,
}

/// A Village Child Protection Committee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vcpc {
    /// Id of the committee.
    #[schemars(length(min = 1))]
    pub id: String,
    /// The village the committee serves.
    pub geography: Geography,
    /// Composition profile (state order) the committee follows; the rule profile's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition_profile: Option<String>,
    /// Formation.
    pub formation: Formation,
    /// Members.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Meetings held.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Trainings attended.
    #[serde(default)]
    pub trainings: Vec<Training>,
    /// Register of vulnerable children.
    #[serde(default)]
    pub register: Vec<RegisterEntry>,
    /// Plans.
    #[serde(default)]
    pub plans: Plans,
    /// Referrals made and followed up.
    #[serde(default)]
    pub referrals: ReferralTally,
    /// Links with BCPC and DCPU.
    #[serde(default)]
    pub linkages: Linkages,
}
