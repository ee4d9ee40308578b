//! A referral: a case handed to a service provider for one service, with
//! consent, a due time and a response. Its status moves only along the
//! referral state machine ([`crate::workflow`]).

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::concern::{Consent, Destination, ServiceType, Timeframe};

/// Referral status: pending → accepted | rejected | revoked; accepted → done | revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Sent, awaiting a response.
    Pending,
    /// Accepted by the provider.
    Accepted,
    /// Rejected by the provider (a reason is required).
    Rejected,
    /// Withdrawn by the referrer.
    Revoked,
    /// Service implemented.
    Done,
}

impl ReferralStatus {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferralStatus::Pending => "pending",
            ReferralStatus::Accepted => "accepted",
            ReferralStatus::Rejected => "rejected",
            ReferralStatus::Revoked => "revoked",
            ReferralStatus::Done => "done",
        }
    }
}

/// A consent override: referring without full consent, for a recorded reason
/// (e.g. the child is in immediate danger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentOverride {
    /// Why consent was overridden.
    pub reason: String,
    /// Who authorised it (user id or office).
    #[schemars(length(min = 1))]
    pub authorised_by: String,
    /// When.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub at: DateTime<FixedOffset>,
}

/// One status change in a referral's append-only history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralEvent {
    /// The status moved to.
    pub to: ReferralStatus,
    /// When (for `done`: when the service was implemented).
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub at: DateTime<FixedOffset>,
    /// Who made the change.
    #[schemars(length(min = 1))]
    pub by: String,
    /// Why (required for `rejected`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A referral of a case to a service provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// Referral id.
    #[schemars(length(min = 1))]
    pub id: String,
    /// The case referred.
    #[schemars(length(min = 1))]
    pub case_id: String,
    /// Who refers (VCPC id, caseworker or agency).
    #[schemars(length(min = 1))]
    pub from: String,
    /// Destination.
    pub to: Destination,
    /// The service asked for.
    pub service: ServiceType,
    /// Current status; must equal the last status in `history` (or `pending` if none).
    pub status: ReferralStatus,
    /// When the referral was made.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub created_at: DateTime<FixedOffset>,
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
    /// The statutory pathway this referral fulfils (an id of the rule
    /// profile's `pathways`, e.g. `pocso_police`). A mandatory report (POCSO
    /// s.19, JJ s.31, s.32) needs no consent; services still do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathway: Option<String>,
    /// Consents (needed for services, not for a mandatory report).
    #[serde(default)]
    pub consent: Consent,
    /// Override of missing consent, with its reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_override: Option<ConsentOverride>,
    /// Append-only history of status changes.
    #[serde(default)]
    pub history: Vec<ReferralEvent>,
}

impl Referral {
    /// The due time: explicit, or creation time plus the timeframe.
    pub fn due(&self) -> Option<DateTime<FixedOffset>> {
        self.due_at.or_else(|| {
            self.timeframe
                .and_then(|t| crate::checked::add_hours(self.created_at, t.hours()))
        })
    }
}
