//! Case and referral state machines (domain.md §4, after Primero).
//!
//! A transition function returns the new state or a coded error; applying a
//! transition to a record appends to its history and never rewrites it; the
//! validators replay the history through the same functions, so a record whose
//! status disagrees with its history, or whose history takes an illegal step,
//! is caught.

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::{pointer, Code, Collector, Params, Report};
use crate::kind::Kind;
use crate::model::{
    Case, CaseAction, CaseEvent, CaseStatus, Closure, ReferralEvent, ReferralStatus, ServiceLine,
};
use crate::record::{parse_record, parse_typed, validate_record};

/// Why a transition is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The state machine has no such edge.
    Illegal,
    /// The edge exists but needs a reason.
    ReasonRequired,
}

impl Refusal {
    /// The diagnostic code.
    pub fn code(self) -> Code {
        match self {
            Refusal::Illegal => Code::IllegalTransition,
            Refusal::ReasonRequired => Code::ReasonRequired,
        }
    }
}

fn has_reason(reason: Option<&str>) -> bool {
    reason.is_some_and(|r| !r.trim().is_empty())
}

/// Referral: pending → accepted | rejected (reason) | revoked; accepted → done | revoked.
pub fn referral_next(
    from: ReferralStatus,
    to: ReferralStatus,
    reason: Option<&str>,
) -> Result<ReferralStatus, Refusal> {
    use ReferralStatus::*;
    match (from, to) {
        (Pending, Rejected) if !has_reason(reason) => Err(Refusal::ReasonRequired),
        (Pending, Accepted | Rejected | Revoked) | (Accepted, Done | Revoked) => Ok(to),
        _ => Err(Refusal::Illegal),
    }
}

/// Case: identified → open → closed → (reopen) open; adding a service keeps an
/// open case open and reopens a closed one. Reopening by hand needs a reason.
pub fn case_next(
    from: CaseStatus,
    action: CaseAction,
    reason: Option<&str>,
) -> Result<CaseStatus, Refusal> {
    let to = case_target(from, action).ok_or(Refusal::Illegal)?;
    if from == CaseStatus::Closed && action == CaseAction::Reopen && !has_reason(reason) {
        return Err(Refusal::ReasonRequired);
    }
    Ok(to)
}

/// The state an action leads to, if the machine has that edge (reasons aside).
fn case_target(from: CaseStatus, action: CaseAction) -> Option<CaseStatus> {
    use CaseAction as A;
    use CaseStatus as S;
    match (from, action) {
        (S::Identified, A::Open) => Some(S::Open),
        (S::Open, A::Close) => Some(S::Closed),
        (S::Closed, A::Reopen) => Some(S::Open),
        (S::Open | S::Closed, A::AddService) => Some(S::Open),
        _ => None,
    }
}

fn refusal(out: &mut Collector, r: Refusal, path: String, from: &str, to: &str) {
    out.push(
        r.code(),
        path,
        Params::new().with("from", from).with("to", to),
    );
}

/// Replay a referral's history; push diagnostics for illegal steps, time order,
/// and a status that disagrees with the history.
pub fn check_referral_history(
    status: ReferralStatus,
    created: DateTime<FixedOffset>,
    history: &[ReferralEvent],
    out: &mut Collector,
) {
    let mut state = ReferralStatus::Pending;
    let mut previous = created;
    for (i, ev) in history.iter().enumerate() {
        let path = pointer("/history", i);
        if ev.at < previous {
            out.push(
                Code::HistoryOutOfOrder,
                pointer(&path, "at"),
                Params::new()
                    .with("at", ev.at.to_rfc3339())
                    .with("previous", previous.to_rfc3339()),
            );
        }
        previous = ev.at;
        match referral_next(state, ev.to, ev.reason.as_deref()) {
            Ok(next) => state = next,
            Err(r) => {
                let at = if r == Refusal::ReasonRequired {
                    pointer(&path, "reason")
                } else {
                    pointer(&path, "to")
                };
                refusal(out, r, at, state.as_str(), ev.to.as_str());
                state = ev.to; // carry on so later steps are judged from what the record claims
            }
        }
    }
    if state != status {
        out.push(
            Code::StatusHistoryMismatch,
            "/status",
            Params::new()
                .with("status", status.as_str())
                .with("history_status", state.as_str()),
        );
    }
}

fn case_status_str(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Identified => "identified",
        CaseStatus::Open => "open",
        CaseStatus::Closed => "closed",
    }
}

fn case_action_str(a: CaseAction) -> &'static str {
    match a {
        CaseAction::Open => "open",
        CaseAction::Close => "close",
        CaseAction::Reopen => "reopen",
        CaseAction::AddService => "add_service",
    }
}

/// Replay a case's history (starting from `identified`), as for referrals.
pub fn check_case_history(status: CaseStatus, history: &[CaseEvent], out: &mut Collector) {
    let mut state = CaseStatus::Identified;
    let mut previous: Option<DateTime<FixedOffset>> = None;
    for (i, ev) in history.iter().enumerate() {
        let path = pointer("/history", i);
        if let Some(p) = previous.filter(|p| ev.at < *p) {
            out.push(
                Code::HistoryOutOfOrder,
                pointer(&path, "at"),
                Params::new()
                    .with("at", ev.at.to_rfc3339())
                    .with("previous", p.to_rfc3339()),
            );
        }
        previous = Some(ev.at);
        match case_next(state, ev.action, ev.reason.as_deref()) {
            Ok(next) => state = next,
            Err(r) => {
                let at = if r == Refusal::ReasonRequired {
                    pointer(&path, "reason")
                } else {
                    pointer(&path, "action")
                };
                refusal(
                    out,
                    r,
                    at,
                    case_status_str(state),
                    case_action_str(ev.action),
                );
                // A missing reason does not stop the step; an illegal one goes nowhere.
                state = case_target(state, ev.action).unwrap_or(state);
            }
        }
    }
    if state != status {
        out.push(
            Code::StatusHistoryMismatch,
            "/status",
            Params::new()
                .with("status", case_status_str(status))
                .with("history_status", case_status_str(state)),
        );
    }
}

/// A requested change to a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseTransition {
    /// What to do.
    pub action: CaseAction,
    /// When.
    #[serde(deserialize_with = "crate::timestamp::de")]
    pub at: DateTime<FixedOffset>,
    /// Who (user id).
    #[schemars(length(min = 1))]
    pub by: String,
    /// Why (required to reopen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The closure, for `close`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<Closure>,
    /// The service, for `add_service`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceLine>,
}

/// A requested change to a referral's status.
pub type ReferralTransition = ReferralEvent;

/// Apply a transition to a record of `kind` (`case` or `referral`), returning the
/// new record with the event appended to its history. The record must be valid
/// before and after.
pub fn apply_transition(
    kind: Kind,
    record: &Value,
    transition: &Value,
    ctx: &Context<'_>,
) -> Result<Value, Report> {
    let updated = match kind {
        Kind::Referral => {
            let (mut r, _) = parse_record::<crate::model::Referral>(kind, record, ctx)?;
            let t: ReferralTransition = parse_typed(transition, ctx.locale)?;
            let next = referral_next(r.status, t.to, t.reason.as_deref())
                .map_err(|e| refused(ctx, e, r.status.as_str(), t.to.as_str()))?;
            r.status = next;
            r.history.push(t);
            serde_json::to_value(r)
        }
        Kind::Case => {
            let (mut c, _) = parse_record::<Case>(kind, record, ctx)?;
            let t: CaseTransition = parse_typed(transition, ctx.locale)?;
            apply_case(&mut c, t, ctx)?;
            serde_json::to_value(c)
        }
        other => {
            let mut out = Collector::new(ctx.locale);
            out.push(
                Code::IllegalTransition,
                "",
                Params::new()
                    .with("from", other.as_str())
                    .with("to", "transition"),
            );
            return Err(out.into_report());
        }
    }
    .map_err(|e| crate::error::internal_report(&e.to_string()))?;
    // The result must itself be a valid record (dates in order, closure present...).
    let report = match kind {
        Kind::Case => validate_record::<Case>(kind, &updated, ctx),
        _ => validate_record::<crate::model::Referral>(kind, &updated, ctx),
    };
    if report.valid {
        Ok(updated)
    } else {
        Err(report)
    }
}

fn refused(ctx: &Context<'_>, r: Refusal, from: &str, to: &str) -> Report {
    let mut out = Collector::new(ctx.locale);
    let path = if r == Refusal::ReasonRequired {
        "/reason"
    } else {
        ""
    };
    refusal(&mut out, r, path.to_owned(), from, to);
    out.into_report()
}

fn apply_case(c: &mut Case, t: CaseTransition, ctx: &Context<'_>) -> Result<(), Report> {
    let next = case_next(c.status, t.action, t.reason.as_deref())
        .map_err(|e| refused(ctx, e, case_status_str(c.status), case_action_str(t.action)))?;
    match t.action {
        CaseAction::Close => {
            let Some(closure) = t.closure.clone() else {
                let mut out = Collector::new(ctx.locale);
                out.push(Code::ClosureMissing, "/closure", Params::new());
                return Err(out.into_report());
            };
            c.closure = Some(closure);
        }
        CaseAction::Reopen => c.closure = None,
        CaseAction::AddService => {
            let Some(service) = t.service.clone() else {
                let mut out = Collector::new(ctx.locale);
                out.push(
                    Code::MissingField,
                    "/service",
                    Params::new().with("field", "service"),
                );
                return Err(out.into_report());
            };
            c.services.push(service);
            c.closure = None; // adding a service reopens a closed case
        }
        CaseAction::Open => {}
    }
    c.status = next;
    c.history.push(CaseEvent {
        action: t.action,
        at: t.at,
        by: t.by,
        reason: t.reason,
    });
    Ok(())
}

/// The computed workflow stage of a case (Primero), for dashboards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowStage {
    /// Identified, not yet opened.
    New,
    /// Open, risk not yet assessed.
    Assessment,
    /// Assessed, no services planned yet.
    CasePlan,
    /// Some services still pending.
    ServicesInProgress,
    /// Every planned service implemented.
    ServicesImplemented,
    /// Closed.
    Closed,
}

/// The workflow stage of a case.
pub fn workflow_stage(c: &Case) -> WorkflowStage {
    match c.status {
        CaseStatus::Identified => WorkflowStage::New,
        CaseStatus::Closed => WorkflowStage::Closed,
        CaseStatus::Open if c.risk_level.is_none() => WorkflowStage::Assessment,
        CaseStatus::Open if c.services.is_empty() => WorkflowStage::CasePlan,
        CaseStatus::Open if c.services.iter().any(|s| s.implemented_at.is_none()) => {
            WorkflowStage::ServicesInProgress
        }
        CaseStatus::Open => WorkflowStage::ServicesImplemented,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::*;

    #[test]
    fn referral_edges() {
        assert_eq!(referral_next(Pending, Accepted, None), Ok(Accepted));
        assert_eq!(
            referral_next(Pending, Rejected, None),
            Err(Refusal::ReasonRequired)
        );
        assert_eq!(
            referral_next(Pending, Rejected, Some("  ")),
            Err(Refusal::ReasonRequired)
        );
        assert_eq!(
            referral_next(Pending, Rejected, Some("no capacity")),
            Ok(Rejected)
        );
        assert_eq!(referral_next(Accepted, Done, None), Ok(Done));
        assert_eq!(referral_next(Pending, Done, None), Err(Refusal::Illegal));
        assert_eq!(referral_next(Done, Revoked, None), Err(Refusal::Illegal));
        assert_eq!(
            referral_next(Rejected, Accepted, None),
            Err(Refusal::Illegal)
        );
    }

    #[test]
    fn case_edges() {
        use CaseAction as A;
        use CaseStatus as S;
        assert_eq!(case_next(S::Identified, A::Open, None), Ok(S::Open));
        assert_eq!(
            case_next(S::Identified, A::Close, None),
            Err(Refusal::Illegal)
        );
        assert_eq!(
            case_next(S::Closed, A::Reopen, None),
            Err(Refusal::ReasonRequired)
        );
        assert_eq!(case_next(S::Closed, A::AddService, None), Ok(S::Open));
        assert_eq!(
            case_next(S::Open, A::Reopen, Some("x")),
            Err(Refusal::Illegal)
        );
    }
}
