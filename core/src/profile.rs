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
    /// Each statute as its own scope, by stable id (`jj_2015`, `pocso_2012`,
    /// `pcma_2006`, `calpra_1986`, `rte_2009`, `bns_2023`, `itpa_1956`): who is
    /// a child under it, which concerns it defines and on which date it
    /// judges age. A concern is in scope when the person is a child under a
    /// statute that defines it.
    pub statutes: BTreeMap<String, Statute>,
    /// Age limits that are not a statute's definition of a child.
    pub ages: AgeLimits,
    /// What the law requires next for a concern, by id: a report or a
    /// production, to one of some destinations, within a time. A pathway
    /// applies only when the child is a child under the statute that creates it.
    pub pathways: BTreeMap<String, Pathway>,
    /// Days until the next follow-up, by risk level.
    pub follow_up_days: BTreeMap<RiskLevel, u32>,
    /// A task due within this many days is "upcoming".
    #[schemars(range(max = 3660))]
    pub upcoming_days: u32,
    /// Case risk triage rules, evaluated in full; the highest matching level wins.
    pub triage: Vec<TriageRule>,
    /// Minimum ages of adult VCPC members, by role.
    pub member_ages: MemberAges,
    /// VCPC composition profiles (state orders).
    pub composition_profiles: Vec<CompositionProfile>,
    /// Id of the composition profile used when a VCPC names none.
    pub default_composition_profile: String,
    /// Points and bands of the VCPC functionality index.
    pub functionality: FunctionalityRules,
    /// District Need Assessment: themes, severity scale, group rules and weights.
    pub dna: crate::dna::catalogue::DnaRules,
    /// The disclosure rule of published indicator tables: which numerators
    /// are small and how wide a hidden one's range must stay.
    #[serde(default)]
    pub disclosure: DisclosureRule,
}

/// The disclosure rule of published indicator tables (README "Disclosure
/// control"). Table options may override any part per call; a table states
/// the values it was built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisclosureRule {
    /// k: a numerator from 1 to k − 1 is hidden.
    #[schemars(range(min = 1))]
    pub threshold: u64,
    /// Also hide a positive numerator with fewer than k people *not* counted
    /// (a rate near 100 % over a small group discloses as much as one near 0 %).
    pub complement: bool,
    /// p: a reader of every published table must not narrow a hidden
    /// numerator to a range narrower than min(p, denominator); none means k.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub protection: Option<u64>,
}

/// A statute as a scope. Ages are in completed years; "under N" means age < N.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statute {
    /// Short citation used in messages, e.g. `JJ Act 2015`.
    pub citation: String,
    /// The section that defines a child, e.g. `s.2(12)`.
    pub child_section: String,
    /// A person is a child under this statute while younger than this.
    pub child_under: u8,
    /// Limits by sex that replace `child_under` (PCMA s.2(a): a girl under 18, a boy under 21).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub child_under_by_sex: BTreeMap<Sex, u8>,
    /// The youngest age the statute covers (RTE: 6); 0 for none.
    #[serde(default)]
    pub child_from: u8,
    /// The concerns this statute defines: a case with one of them needs a
    /// child under this statute (on the date it judges).
    #[serde(default)]
    pub concerns: Vec<ConcernKind>,
    /// Concerns whose age this statute judges on the date of the event (the
    /// offence, the marriage, the work) rather than the identification date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub age_on_event: Vec<ConcernKind>,
    /// A person who was a child on the event date stays in scope until this
    /// many years after the limit (PCMA s.3(3): a marriage may be annulled
    /// until two years after majority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_after_limit: Option<u8>,
    /// Where the law is unclear: what the profile assumes, and why that protects the child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Statute {
    /// The age under which a person of `sex` is a child under this statute.
    pub fn limit(&self, sex: Sex) -> u8 {
        self.child_under_by_sex
            .get(&sex)
            .copied()
            .unwrap_or(self.child_under)
    }
}

/// Age limits that are not a statute's definition of a child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeLimits {
    /// An estimated age (no documents) this many years over a limit still
    /// counts as under it, with a warning (JJ Act s.94 practice: the benefit
    /// of the doubt goes to the child).
    pub estimate_margin_years: u8,
    /// Any work is barred below this age, unless a s.3(2) exception applies (CALPRA s.3).
    pub any_work_under: u8,
    /// Hazardous work is barred below this age (CALPRA s.3A, adolescents).
    pub hazardous_work_under: u8,
    /// Nothing done by a child under this age is an offence (doli incapax, BNS 2023 s.20).
    pub doli_incapax_under: u8,
}

/// What a pathway asks to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PathwayAction {
    /// Inform an authority (POCSO s.19, JJ s.32, PCMA).
    Report,
    /// Produce the child before a committee or board (JJ s.31, s.10).
    Produce,
    /// Have the police register a First Information Report.
    Fir,
}

/// What a pathway's time limit runs from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PathwayClock {
    /// The identification of the child (or, for a concern in `once_found`, the finding).
    #[default]
    Identification,
    /// The apprehension of the child (`apprehended_at`); the pathway applies only once apprehended.
    Apprehension,
}

/// A concern that requires a report or a production to one of some
/// destinations within a time limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    /// Id of the statute that creates it (a key of `statutes`); the pathway
    /// applies only when the child is a child under it.
    pub statute: String,
    /// The section(s), e.g. `s.19(1), s.21`.
    pub section: String,
    /// Concerns that trigger it.
    #[serde(default)]
    pub concerns: Vec<ConcernKind>,
    /// Also triggered by any of the twelve CNCP grounds (JJ s.2(14)).
    #[serde(default)]
    pub any_cncp: bool,
    /// Concerns that trigger it only once the child has been found (the
    /// concern's `found_at`); its time limit then runs from the finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub once_found: Vec<ConcernKind>,
    /// Any one of these satisfies it.
    pub destinations: Vec<Destination>,
    /// Hours within which it is due; none means at once (due on the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 8784))]
    pub within_hours: Option<u32>,
    /// The time limit is the statute's own: missing it is an error. When
    /// false it is the profile's reading of "at once", and missing it is a warning.
    #[serde(default)]
    pub statutory_deadline: bool,
    /// Add the case's journey hours to the limit (JJ s.31 and s.10 exclude journey time).
    #[serde(default)]
    pub excludes_journey: bool,
    /// What the time limit runs from.
    #[serde(default)]
    pub clock: PathwayClock,
    /// A report the law makes mandatory: not gated by consent. A pathway
    /// that is not mandatory is a service and needs consent.
    pub mandatory: bool,
    /// What must be done.
    pub action: PathwayAction,
    /// Where the law is unclear: what the profile assumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
    /// The child is younger than this (today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_under: Option<u8>,
    /// The child is a child under this statute (id), on the date it judges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statute: Option<String>,
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

/// Minimum ages of adult VCPC members (child representatives are checked by
/// the composition profile's `children`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberAges {
    /// Every adult role: at least this age (a person under 18 is a child, JJ Act s.2(12)).
    pub adult_from: u8,
    /// Roles with a higher minimum, e.g. elected Panchayat members: 21 (Constitution Art. 243F).
    #[serde(default)]
    pub by_role: BTreeMap<Role, u8>,
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
    /// The name in Hindi, for forms shown in Hindi (empty: the English name is shown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_hi: String,
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
            .map_err(|e| crate::error::internal_report(&e.to_string()))?;
        merge_patch(&mut base, patch);
        crate::validate::parse_with::<RuleProfile>(
            crate::validate::SchemaId::Profile,
            &base,
            crate::Locale::En,
        )
    }

    /// The general age under which a person is a child (JJ Act s.2(12)), from the `jj_2015` statute.
    pub fn child_under(&self) -> u8 {
        self.statutes.get("jj_2015").map_or(18, |s| s.child_under)
    }

    /// The citation of a pathway, e.g. `POCSO 2012 s.19(1), s.21`.
    pub fn law(&self, pathway: &Pathway) -> String {
        match self.statutes.get(&pathway.statute) {
            Some(s) => format!("{} {}", s.citation, pathway.section),
            None => format!("{} {}", pathway.statute, pathway.section),
        }
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
