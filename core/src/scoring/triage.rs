//! Case risk triage by the rule table of the profile ([`crate::profile::TriageRule`]).
//!
//! Deterministic: every rule is evaluated, the highest level among the rules
//! that match wins, and every matching rule is returned as a reason. No rule
//! matching means `low`.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::api::Context;
use crate::diagnostic::Locale;
use crate::model::{Case, ConcernKind, RiskLevel};
use crate::profile::TriageRule;

/// One rule that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriageReason {
    /// Id of the rule.
    pub rule: String,
    /// The level it sets.
    pub level: RiskLevel,
    /// Why, in the requested locale.
    pub reason: String,
}

/// The triage result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Triage {
    /// The risk level.
    pub level: RiskLevel,
    /// Every rule that matched, in table order.
    pub reasons: Vec<TriageReason>,
    /// The next follow-up is due by this date (today plus the level's interval).
    pub follow_up_due: Option<NaiveDate>,
}

fn matches(rule: &TriageRule, c: &Case, today: NaiveDate) -> bool {
    let kinds = || c.concerns.iter().map(|k| k.kind);
    let concerns = rule.concerns_any.is_empty() || kinds().any(|k| rule.concerns_any.contains(&k));
    let count = rule
        .min_concerns
        .is_none_or(|n| c.concerns.len() >= n as usize);
    let age = rule
        .age_under
        .is_none_or(|limit| c.child.age_on(today).is_some_and(|a| a < i64::from(limit)));
    let disability = rule.disability.is_none_or(|d| c.child.disability == d);
    let hazardous = rule.hazardous_work.is_none_or(|h| {
        c.concerns.iter().any(|k| {
            matches!(
                k.kind,
                ConcernKind::ChildLabour | ConcernKind::WorkingBeggingOrStreet
            ) && k.hazardous == Some(h)
        })
    });
    let marriage = rule.marriage_within_days.is_none_or(|days| {
        c.concerns.iter().any(|k| {
            matches!(
                k.kind,
                ConcernKind::ImminentChildMarriage | ConcernKind::ChildMarriage
            ) && k
                .planned_date
                .is_some_and(|d| d <= crate::checked::add_days_saturating(today, i64::from(days)))
        })
    });
    let school = rule.school_status_any.is_empty()
        || c.child
            .school_status
            .is_some_and(|s| rule.school_status_any.contains(&s));
    concerns && count && age && disability && hazardous && marriage && school
}

/// Triage a case with the context's profile.
pub fn triage(c: &Case, ctx: &Context<'_>) -> Triage {
    let reasons: Vec<TriageReason> = ctx
        .profile
        .triage
        .iter()
        .filter(|r| matches(r, c, ctx.today))
        .map(|r| TriageReason {
            rule: r.id.clone(),
            level: r.level,
            reason: match ctx.locale {
                Locale::En => r.reason_en.clone(),
                Locale::Hi => r.reason_hi.clone(),
            },
        })
        .collect();
    let level = reasons
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(RiskLevel::Low);
    let follow_up_due = ctx
        .profile
        .follow_up_days
        .get(&level)
        .and_then(|d| crate::checked::add_days(ctx.today, i64::from(*d)));
    Triage {
        level,
        reasons,
        follow_up_due,
    }
}
