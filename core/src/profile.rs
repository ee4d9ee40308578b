//! Rule profiles: every statutory threshold, time limit, pathway, composition
//! profile, triage rule and functionality weight lives here, as data, in one
//! versioned [`RuleProfile`]. The default encodes the central Acts (domain.md
//! §2) and the three composition profiles of §3; a state or a later amendment
//! overrides any part from JSON ([`RuleProfile::from_json_patch`]).
//!
//! The default is written as a Rust value so it cannot fail to load; the same
//! data is exported as `profiles/default.json` for people to read and copy.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{ConcernKind, Destination, RiskLevel, Role, SchoolStatus, Sex, SocialGroup};

/// A versioned set of rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleProfile {
    /// Profile id, e.g. `india-central`.
    pub id: String,
    /// Version of the profile (bump on any change).
    pub version: String,
    /// What the profile encodes and from which sources.
    pub description: String,
    /// Age limits from the Acts.
    pub ages: AgeLimits,
    /// Concerns that require a referral to a destination, with the statutory
    /// time limits (JJ s.31 CWC production, s.32 found child, POCSO s.19).
    pub pathways: Vec<Pathway>,
    /// Days until the next follow-up, by risk level.
    pub follow_up_days: BTreeMap<RiskLevel, u32>,
    /// A task due within this many days is "upcoming".
    #[schemars(range(max = 3660))]
    pub upcoming_days: u32,
    /// Case risk triage rules, evaluated in full; the highest matching level wins.
    pub triage: Vec<TriageRule>,
    /// VCPC composition profiles (state orders).
    pub composition_profiles: Vec<CompositionProfile>,
    /// Id of the composition profile used when a VCPC names none.
    pub default_composition_profile: String,
    /// Points and bands of the VCPC functionality index.
    pub functionality: FunctionalityRules,
    /// District Need Assessment: themes, severity scale, group rules and weights.
    pub dna: crate::dna::DnaRules,
}

/// Age limits, in completed years ("under N" means age < N).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeLimits {
    /// A child has not completed this age (JJ Act s.2(12); POCSO s.2(1)(d)).
    pub child_under: u8,
    /// Marriage is a child marriage below these ages, by sex (PCMA 2006 s.2(a)).
    pub marriage_under: BTreeMap<Sex, u8>,
    /// Any work is barred below this age (CALPRA s.3).
    pub any_work_under: u8,
    /// Hazardous work is barred below this age (CALPRA s.3A).
    pub hazardous_work_under: u8,
    /// Right to education: first age covered (RTE Act 2009).
    pub rte_from: u8,
    /// Right to education: last age covered.
    pub rte_to: u8,
}

/// A concern that requires a referral to one of some destinations, perhaps by a deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    /// Id of the pathway, e.g. `pocso_police`.
    pub id: String,
    /// Concerns that trigger it.
    #[serde(default)]
    pub concerns: Vec<ConcernKind>,
    /// Also triggered by any of the twelve CNCP grounds (JJ s.2(14)).
    #[serde(default)]
    pub any_cncp: bool,
    /// Any one of these satisfies it.
    pub destinations: Vec<Destination>,
    /// Hours from identification within which the referral is due; none means no deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 8784))]
    pub within_hours: Option<u32>,
    /// Add the case's journey hours to the deadline (JJ s.31 excludes journey time).
    #[serde(default)]
    pub excludes_journey: bool,
    /// The law behind it.
    pub law: String,
}

/// One triage rule: when every condition given holds, the case is at least `level`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageRule {
    /// Stable id, returned as the reason.
    pub id: String,
    /// The level this rule sets.
    pub level: RiskLevel,
    /// Why, in English.
    pub reason_en: String,
    /// Why, in Hindi.
    pub reason_hi: String,
    /// The case has any of these concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns_any: Vec<ConcernKind>,
    /// The case has at least this many concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_concerns: Option<u32>,
    /// The child is younger than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_under: Option<u8>,
    /// The child has a disability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<bool>,
    /// A labour concern is hazardous work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazardous_work: Option<bool>,
    /// A marriage is planned within this many days of today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 3660))]
    pub marriage_within_days: Option<u32>,
    /// The child's schooling is one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub school_status_any: Vec<SchoolStatus>,
}

/// Who may hold an office: one of `roles`, and (if `conditions` is not empty)
/// meeting at least one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeRule {
    /// Roles eligible for the office.
    pub roles: Vec<Role>,
    /// Alternative conditions, any one of which suffices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Eligibility>,
}

/// A condition on a member: every field given must hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The member's sex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// The member's social group is one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social_groups: Vec<SocialGroup>,
}

/// A required membership: at least `minimum` members with any of `roles`
/// (any adult role when empty; child representatives are counted separately)
/// and, if given, of `sex`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequirement {
    /// Label used in messages, e.g. `asha` or `women members`.
    pub label: String,
    /// Roles that count; empty means any role but `child`.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Only members of this sex count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// How many are needed.
    pub minimum: u32,
}

/// Child representatives a committee needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildRepresentation {
    /// Children in all.
    pub minimum: u32,
    /// Of whom girls.
    pub girls: u32,
    /// Of whom boys.
    pub boys: u32,
    /// Youngest allowed age.
    pub min_age: u8,
    /// Oldest allowed age (inclusive; a child is under 18).
    pub max_age: u8,
}

/// A VCPC composition profile: who chairs, who is member secretary, who must
/// sit on the committee, how often it meets and what quorum is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompositionProfile {
    /// Id, e.g. `maharashtra_2014`.
    pub id: String,
    /// Name and source order.
    pub name: String,
    /// Who may chair.
    pub chair: OfficeRule,
    /// Who may be member secretary.
    pub member_secretary: OfficeRule,
    /// Required members.
    pub required: Vec<RoleRequirement>,
    /// Child representatives.
    pub children: ChildRepresentation,
    /// Share of members that must attend for a quorum (0–1).
    pub quorum_fraction: f64,
    /// Longest expected gap between meetings, in days.
    #[schemars(range(max = 3660))]
    pub max_days_between_meetings: u32,
}

/// Points of each item of the VCPC functionality index (summing to 100) and its bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionalityRules {
    /// Points per item id (see [`crate::scoring::functionality`] for what each measures).
    pub points: BTreeMap<String, f64>,
    /// Lowest score that is `functional`.
    pub functional_from: f64,
    /// Lowest score that is `semi_functional`.
    pub semi_functional_from: f64,
    /// Window, in days before today, over which meetings and training count.
    #[schemars(range(max = 3660))]
    pub window_days: u32,
    /// The register counts as up to date if an entry was listed or reviewed within this many days.
    #[schemars(range(max = 3660))]
    pub register_fresh_days: u32,
}

impl RuleProfile {
    /// Apply a JSON merge patch (RFC 7396) to the default profile and validate
    /// the result; e.g. `{"ages": {"child_under": 18}}`.
    pub fn from_json_patch(patch: &serde_json::Value) -> Result<RuleProfile, crate::Report> {
        let mut base = serde_json::to_value(RuleProfile::default())
            .map_err(|e| crate::api::internal(&e.to_string()))?;
        merge_patch(&mut base, patch);
        crate::api::parse_typed::<RuleProfile>(&base, crate::Locale::En)
    }

    /// The composition profile with this id.
    pub fn composition(&self, id: &str) -> Option<&CompositionProfile> {
        self.composition_profiles.iter().find(|p| p.id == id)
    }
}

/// RFC 7396: objects merge key by key, `null` deletes, anything else replaces.
pub fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}
