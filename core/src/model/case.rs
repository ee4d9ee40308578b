//! A case: one child with one or more protection concerns, from identification
//! to closure, with its services, referrals and an append-only history.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Child, Geography};
use super::concern::{Concern, Consent, Destination, ServiceType, Timeframe};

/// Risk level from triage; sets how soon the child must be followed up.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

/// Case status (Primero): identified → open → closed, and closed → open on reopening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Identified, not yet opened.
    Identified,
    /// Open.
    Open,
    /// Closed.
    Closed,
}

/// Why a case was closed (Primero's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    /// Case plan completed and formally closed.
    FormalClosing,
    /// Transferred to another agency.
    Transferred,
    /// Death of the child.
    DeathOfChild,
    /// Child not seen during verification.
    NotSeenDuringVerification,
    /// Child repatriated.
    Repatriated,
    /// Another reason (give a note).
    Other,
}

/// Closure of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// Date of closure.
    #[serde(deserialize_with = "crate::timestamp::date")]
    pub date: NaiveDate,
    /// Reason.
    pub reason: ClosureReason,
    /// Note, required when the reason is `other`. No identifying detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A service line of the case plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLine {
    /// Service.
    pub service: ServiceType,
    /// When the service was planned.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub planned_at: DateTime<FixedOffset>,
    /// Promised response time; sets the due time when `due_at` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
    /// Due time.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::de_option"
    )]
    pub due_at: Option<DateTime<FixedOffset>>,
    /// Implementing agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Destination>,
    /// When the service was implemented; absent while pending.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::de_option"
    )]
    pub implemented_at: Option<DateTime<FixedOffset>>,
}

impl ServiceLine {
    /// The due time: explicit, or planned time plus the timeframe.
    pub fn due(&self) -> Option<DateTime<FixedOffset>> {
        self.due_at.or_else(|| {
            self.timeframe
                .and_then(|t| crate::checked::add_hours(self.planned_at, t.hours()))
        })
    }
}

/// A referral made for this case (the full referral is its own record, kind `referral`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseReferral {
    /// Where the child was referred (or produced: a CWC production is a referral to `cwc`).
    pub to: Destination,
    /// When.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub at: DateTime<FixedOffset>,
    /// Id of the referral record, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_id: Option<String>,
}

/// What happened to a case, as logged in its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseAction {
    /// Opened (identified → open).
    Open,
    /// Closed (open → closed).
    Close,
    /// Reopened (closed → open), by hand or because a service was added.
    Reopen,
    /// A service was added (reopens a closed case).
    AddService,
}

/// One entry of a case's append-only history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseEvent {
    /// What happened.
    pub action: CaseAction,
    /// When.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub at: DateTime<FixedOffset>,
    /// Who did it (user id).
    #[schemars(length(min = 1))]
    pub by: String,
    /// Why, where a reason is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A child protection case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case id.
    #[schemars(length(min = 1))]
    pub id: String,
    /// The child (pseudonymous).
    pub child: Child,
    /// Where the child lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geography: Option<Geography>,
    /// The concerns; at least one.
    pub concerns: Vec<Concern>,
    /// Date of the incident or offence, if there was one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub incident_date: Option<NaiveDate>,
    /// When the child was identified (statutory deadlines run from here).
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub identified_at: DateTime<FixedOffset>,
    /// Hours of journey to the CWC or JJB, excluded from the 24-hour limits (JJ s.31, s.10).
    #[serde(default)]
    #[schemars(range(max = 720))]
    pub journey_hours: u32,
    /// For a child in conflict with law: when the police apprehended the
    /// child; production before the JJB is due within 24 hours of it (JJ s.10).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::de_option"
    )]
    pub apprehended_at: Option<DateTime<FixedOffset>>,
    /// Risk level from triage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_level: Option<RiskLevel>,
    /// Status.
    pub status: CaseStatus,
    /// Closure, when closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<Closure>,
    /// Consents.
    #[serde(default)]
    pub consent: Consent,
    /// Service lines.
    #[serde(default)]
    pub services: Vec<ServiceLine>,
    /// Referrals and productions made.
    #[serde(default)]
    pub referrals: Vec<CaseReferral>,
    /// Date of the last follow-up visit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub last_follow_up: Option<NaiveDate>,
    /// Append-only history.
    #[serde(default)]
    pub history: Vec<CaseEvent>,
}
