//! Case risk triage by the rule table of the profile ([`crate::profile::TriageRule`]).
//!
//! Deterministic: every rule is evaluated, the highest level among the rules
//! that match wins, and every matching rule is returned as a reason. No rule
//! matching means `low`.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::diagnostic::Locale;
use crate::model::{Case, Concern, ConcernKind, RiskLevel};
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
    /// What the law requires next (reports, productions), most urgent first;
    /// see [`crate::actions`].
    pub actions: Vec<crate::actions::RequiredAction>,
}

/// Only concerns that count under the law are looked at: lawful work or a
/// concern outside its statute's ages never raises risk.
fn matches(rule: &TriageRule, c: &Case, counting: &[Concern], ctx: &Context<'_>) -> bool {
    let (p, today) = (&ctx.profile, ctx.today);
    let identified = c.identified_at.date_naive();
    let kinds = || counting.iter().map(|k| k.kind);
    let concerns = rule.concerns_any.is_empty() || kinds().any(|k| rule.concerns_any.contains(&k));
    let count = rule
        .min_concerns
        .is_none_or(|n| counting.len() >= n as usize);
    let age = rule.age_under.is_none_or(|limit| {
        c.child
            .age_on(today, identified)
            .is_some_and(|a| a < i64::from(limit))
    });
    // A child under the statute, for some concern that counts, on the date it judges.
    let statute = rule.statute.as_deref().is_none_or(|id| {
        p.statutes.get(id).is_some_and(|s| {
            counting
                .iter()
                .any(|k| crate::law::judge(c, k, id, s, p).is_some_and(|j| j.is_child()))
        })
    });
    let disability = rule.disability.is_none_or(|d| c.child.disability == d);
    let hazardous = rule.hazardous_work.is_none_or(|h| {
        counting.iter().any(|k| {
            matches!(
                k.kind,
                ConcernKind::ChildLabour | ConcernKind::WorkingBeggingOrStreet
            ) && k.hazardous == Some(h)
        })
    });
    let marriage = rule.marriage_within_days.is_none_or(|days| {
        let until = crate::checked::add_days_saturating(today, i64::from(days));
        counting.iter().any(|k| {
            matches!(
                k.kind,
                ConcernKind::ImminentChildMarriage | ConcernKind::ChildMarriage
            ) && k.planned_date.is_some_and(|d| d <= until)
        })
    });
    let school = rule.school_status_any.is_empty()
        || c.child
            .school_status
            .is_some_and(|s| rule.school_status_any.contains(&s));
    concerns && count && age && statute && disability && hazardous && marriage && school
}

/// Triage a case with the context's profile.
pub fn triage(c: &Case, ctx: &Context<'_>) -> Triage {
    let counting: Vec<Concern> = crate::law::counting(c, &ctx.profile)
        .into_iter()
        .map(|(_, k)| k)
        .collect();
    let reasons: Vec<TriageReason> = ctx
        .profile
        .triage
        .iter()
        .filter(|r| matches(r, c, &counting, ctx))
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
        actions: crate::actions::required_actions(c, ctx),
    }
}
