//! Follow-up tasks of a case and a referral, with their due dates and whether
//! they are overdue or upcoming (due within the profile's `upcoming_days`), as
//! in Primero's task list. The validators report overdue tasks from here, so a
//! dashboard and a validation report never disagree about what is late.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::{pointer, Report};
use crate::kind::Kind;
use crate::model::{Case, CaseStatus, Referral, ReferralStatus};
use crate::record::parse_record;

/// How a task stands on the context's `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Past its due date.
    Overdue,
    /// Due within the profile's `upcoming_days`.
    Upcoming,
    /// Due later.
    Later,
}

/// One open task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    /// What is due: `follow_up`, `service` or `referral_response`.
    pub task: String,
    /// JSON Pointer of the field that closes the task.
    pub path: String,
    /// Due date.
    pub due: NaiveDate,
    /// Days past due (negative: days left).
    pub days_overdue: i64,
    /// Overdue, upcoming or later.
    pub state: TaskState,
}

fn task(task: &str, path: String, due: NaiveDate, ctx: &Context<'_>) -> Task {
    let days_overdue = crate::checked::days_between(due, ctx.today);
    let state = if days_overdue > 0 {
        TaskState::Overdue
    } else if -days_overdue <= i64::from(ctx.profile.upcoming_days) {
        TaskState::Upcoming
    } else {
        TaskState::Later
    };
    Task {
        task: task.to_owned(),
        path,
        due,
        days_overdue,
        state,
    }
}

/// Open tasks of an open case: the next follow-up (interval set by the risk
/// level) and every service not yet implemented.
pub fn case_tasks(c: &Case, ctx: &Context<'_>) -> Vec<Task> {
    let mut tasks = Vec::new();
    if c.status != CaseStatus::Open {
        return tasks;
    }
    if let Some(days) = c
        .risk_level
        .and_then(|l| ctx.profile.follow_up_days.get(&l))
    {
        let base = c.last_follow_up.unwrap_or(c.identified_at.date_naive());
        tasks.push(task(
            "follow_up",
            "/last_follow_up".into(),
            crate::checked::add_days_saturating(base, i64::from(*days)),
            ctx,
        ));
    }
    for (i, s) in c.services.iter().enumerate() {
        if let Some(due) = s.due().filter(|_| s.implemented_at.is_none()) {
            let path = pointer(&pointer("/services", i), "implemented_at");
            tasks.push(task("service", path, due.date_naive(), ctx));
        }
    }
    tasks
}

/// The open task of a referral: a response while pending or accepted.
pub fn referral_tasks(r: &Referral, ctx: &Context<'_>) -> Vec<Task> {
    let open = matches!(r.status, ReferralStatus::Pending | ReferralStatus::Accepted);
    r.due()
        .filter(|_| open)
        .map(|due| task("referral_response", "/due_at".into(), due.date_naive(), ctx))
        .into_iter()
        .collect()
}

/// Tasks of a valid `case` or `referral` given as JSON; other kinds have none.
pub fn tasks(kind: Kind, value: &Value, ctx: &Context<'_>) -> Result<Vec<Task>, Report> {
    match kind {
        Kind::Case => parse_record::<Case>(kind, value, ctx).map(|(c, _)| case_tasks(&c, ctx)),
        Kind::Referral => {
            parse_record::<Referral>(kind, value, ctx).map(|(r, _)| referral_tasks(&r, ctx))
        }
        _ => Ok(Vec::new()),
    }
}
