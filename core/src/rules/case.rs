//! Rules of a case: who counts as a child under the concern's own law, labour
//! and age, dates in order, closure, history, statutory pathways and deadlines,
//! and overdue follow-up.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::api::{Context, Record};
use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::model::{age_on, Case, CaseStatus, Child, ClosureReason, ConcernKind, Sex};
use crate::profile::RuleProfile;
use crate::rules::common::{check_not_future, dates_out_of_order};
use crate::tasks::{case_tasks, TaskState};
use crate::workflow::check_case_history;

impl Record for Case {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let identified = self.identified_at.date_naive();
        if self.concerns.is_empty() {
            out.push(Code::NoConcerns, "/concerns", Params::new());
        }
        check_child(&self.child, "/child", identified, ctx.today, out);
        check_ages(self, &ctx.profile, out);
        check_dates(self, ctx.today, out);
        check_closure(self, out);
        check_case_history(self.status, &self.history, out);
        check_pathways(self, &ctx.profile, ctx.today, out);
        check_follow_up(self, ctx, out);
    }
}

/// Age and date-of-birth checks shared by every record that holds a child.
pub fn check_child(
    child: &Child,
    path: &str,
    recorded_on: NaiveDate,
    today: NaiveDate,
    out: &mut Collector,
) {
    crate::privacy::check_child_id(&child.id, pointer(path, "id"), out);
    match (child.date_of_birth, child.age_years) {
        (None, None) => out.push(Code::AgeMissing, path, Params::new()),
        (Some(dob), age) => {
            check_not_future(
                out,
                pointer(path, "date_of_birth"),
                "date_of_birth",
                dob,
                today,
            );
            let computed = age_on(dob, recorded_on);
            // An estimated age may be a year out either way.
            let slack = if child.age_estimated { 1 } else { 0 };
            if let Some(a) = age.filter(|a| (i64::from(*a) - computed).abs() > slack) {
                out.push(
                    Code::AgeDobMismatch,
                    pointer(path, "age_years"),
                    Params::new()
                        .with("age", a)
                        .with("date_of_birth", dob.to_string())
                        .with("computed", computed)
                        .with("on", recorded_on.to_string()),
                );
            }
        }
        (None, Some(_)) => {}
    }
}

/// The age limit the concern's own law sets, and that law.
fn age_limit(kind: ConcernKind, sex: Sex, p: &RuleProfile) -> (u8, &'static str) {
    match kind {
        ConcernKind::ChildMarriage | ConcernKind::ImminentChildMarriage => (
            p.ages
                .marriage_under
                .get(&sex)
                .copied()
                .unwrap_or(p.ages.child_under),
            "PCMA 2006 s.2(a)",
        ),
        ConcernKind::SexualOffence => (p.ages.child_under, "POCSO 2012 s.2(1)(d)"),
        ConcernKind::ChildLabour => (p.ages.hazardous_work_under, "CALPRA 1986 s.2"),
        _ => (p.ages.child_under, "JJ Act 2015 s.2(12)"),
    }
}

fn check_ages(c: &Case, p: &RuleProfile, out: &mut Collector) {
    let child = &c.child;
    let age_path = if child.date_of_birth.is_some() {
        "/child/date_of_birth"
    } else {
        "/child/age_years"
    };
    for (i, concern) in c.concerns.iter().enumerate() {
        // A child in conflict with law is judged on the date of the offence (JJ s.2(13)).
        let on = match concern.kind {
            ConcernKind::InConflictWithLaw => {
                c.incident_date.unwrap_or(c.identified_at.date_naive())
            }
            _ => c.identified_at.date_naive(),
        };
        let Some(age) = child.age_on(on) else {
            continue;
        };
        let (limit, law) = age_limit(concern.kind, child.sex, p);
        if age >= i64::from(limit) {
            out.push(
                Code::NotAChild,
                age_path,
                Params::new()
                    .with("age", age)
                    .with("limit", limit)
                    .with("concern", concern.kind.as_str())
                    .with("law", law)
                    .with("concern_index", i),
            );
        } else if concern.kind == ConcernKind::ChildLabour
            && age >= i64::from(p.ages.any_work_under)
            && concern.hazardous != Some(true)
        {
            out.push(
                Code::LabourNotProhibited,
                pointer(&pointer("/concerns", i), "hazardous"),
                Params::new().with("age", age),
            );
        }
    }
}

fn check_dates(c: &Case, today: NaiveDate, out: &mut Collector) {
    let identified = c.identified_at.date_naive();
    check_not_future(out, "/identified_at", "identified_at", identified, today);
    if let Some(incident) = c.incident_date {
        check_not_future(out, "/incident_date", "incident_date", incident, today);
        if let Some(dob) = c.child.date_of_birth.filter(|d| *d > incident) {
            dates_out_of_order(
                out,
                "/incident_date",
                ("date_of_birth", dob.to_string()),
                ("incident_date", incident.to_string()),
            );
        }
        if identified < incident {
            dates_out_of_order(
                out,
                "/identified_at",
                ("incident_date", incident.to_string()),
                ("identified_at", c.identified_at.to_rfc3339()),
            );
        }
    } else if let Some(dob) = c.child.date_of_birth.filter(|d| *d > identified) {
        dates_out_of_order(
            out,
            "/identified_at",
            ("date_of_birth", dob.to_string()),
            ("identified_at", c.identified_at.to_rfc3339()),
        );
    }
    for (i, r) in c.referrals.iter().enumerate() {
        if r.at < c.identified_at {
            dates_out_of_order(
                out,
                pointer(&pointer("/referrals", i), "at"),
                ("identified_at", c.identified_at.to_rfc3339()),
                ("referral", r.at.to_rfc3339()),
            );
        }
        check_not_future(
            out,
            pointer(&pointer("/referrals", i), "at"),
            "referral",
            r.at.date_naive(),
            today,
        );
    }
    for (i, s) in c.services.iter().enumerate() {
        if let Some(done) = s.implemented_at.filter(|d| *d < s.planned_at) {
            dates_out_of_order(
                out,
                pointer(&pointer("/services", i), "implemented_at"),
                ("planned_at", s.planned_at.to_rfc3339()),
                ("implemented_at", done.to_rfc3339()),
            );
        }
    }
    if let Some(closure) = &c.closure {
        check_not_future(out, "/closure/date", "closure", closure.date, today);
        let latest = c
            .referrals
            .iter()
            .map(|r| r.at)
            .max()
            .filter(|at| at.date_naive() > closure.date);
        if identified > closure.date {
            dates_out_of_order(
                out,
                "/closure/date",
                ("identified_at", c.identified_at.to_rfc3339()),
                ("closure", closure.date.to_string()),
            );
        } else if let Some(at) = latest {
            dates_out_of_order(
                out,
                "/closure/date",
                ("referral", at.to_rfc3339()),
                ("closure", closure.date.to_string()),
            );
        }
    }
}

fn check_closure(c: &Case, out: &mut Collector) {
    match (&c.closure, c.status) {
        (None, CaseStatus::Closed) => out.push(Code::ClosureMissing, "/closure", Params::new()),
        (Some(_), CaseStatus::Open) => out.push(
            Code::ClosureOnOpenCase,
            "/closure",
            Params::new().with("status", "open"),
        ),
        (Some(_), CaseStatus::Identified) => out.push(
            Code::ClosureOnOpenCase,
            "/closure",
            Params::new().with("status", "identified"),
        ),
        (Some(cl), _)
            if cl.reason == ClosureReason::Other
                && cl.note.as_deref().is_none_or(|n| n.trim().is_empty()) =>
        {
            out.push(Code::ClosureNoteMissing, "/closure/note", Params::new())
        }
        _ => {}
    }
}

fn check_pathways(c: &Case, p: &RuleProfile, today: NaiveDate, out: &mut Collector) {
    for pathway in &p.pathways {
        let Some(trigger) = c
            .concerns
            .iter()
            .find(|k| pathway.concerns.contains(&k.kind) || (pathway.any_cncp && k.kind.is_cncp()))
        else {
            continue;
        };
        let destinations: Vec<serde_json::Value> = pathway
            .destinations
            .iter()
            .filter_map(|d| serde_json::to_value(d).ok())
            .collect();
        // A deadline past the end of the calendar is no deadline (checked arithmetic).
        let deadline: Option<DateTime<FixedOffset>> = pathway.within_hours.and_then(|h| {
            let journey = if pathway.excludes_journey {
                c.journey_hours
            } else {
                0
            };
            crate::checked::add_hours(c.identified_at, i64::from(h) + i64::from(journey))
        });
        let first = c
            .referrals
            .iter()
            .enumerate()
            .filter(|(_, r)| pathway.destinations.contains(&r.to))
            .min_by_key(|(_, r)| r.at);
        let params = Params::new()
            .with("concern", trigger.kind.as_str())
            .with("destinations", destinations)
            .with("law", pathway.law.as_str())
            .with("pathway", pathway.id.as_str());
        match (first, deadline) {
            (Some((i, r)), Some(d)) if r.at > d => out.push(
                Code::PathwayLate,
                pointer(&pointer("/referrals", i), "at"),
                params
                    .with("deadline", d.to_rfc3339())
                    .with("at", r.at.to_rfc3339())
                    .with("hours_late", (r.at - d).num_hours()),
            ),
            (Some(_), _) => {}
            (None, Some(d)) if today > d.date_naive() => out.push(
                Code::PathwayDeadlineMissed,
                "/referrals",
                params.with("deadline", d.to_rfc3339()),
            ),
            (None, d) => out.push(
                Code::PathwayReferralMissing,
                "/referrals",
                params.with("deadline", d.map(|d| d.to_rfc3339())),
            ),
        }
    }
}

fn check_follow_up(c: &Case, ctx: &Context<'_>, out: &mut Collector) {
    for t in case_tasks(c, ctx)
        .into_iter()
        .filter(|t| t.state == TaskState::Overdue)
    {
        out.push(
            Code::FollowUpOverdue,
            t.path,
            Params::new()
                .with("due", t.due.to_string())
                .with("days", t.days_overdue),
        );
    }
}
