//! Rules of a case: who counts as a child under the concern's own law, labour
//! and age, dates in order, closure, history, statutory pathways and deadlines,
//! and overdue follow-up.

use chrono::NaiveDate;

use crate::context::Context;
use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::law::{self, AgeVerdict, Work};
use crate::model::{age_on, Case, CaseStatus, Child, ClosureReason};
use crate::profile::RuleProfile;
use crate::record::Record;
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
        check_closure_and_risk(self, ctx, out);
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
    crate::privacy::check_child_id(&child.id, || pointer(path, "id"), out);
    match (child.date_of_birth, child.age_years) {
        (None, None) => out.push(Code::AgeMissing, path, Params::new()),
        (Some(dob), age) => {
            check_not_future(
                out,
                || pointer(path, "date_of_birth"),
                "date_of_birth",
                dob,
                today,
            );
            let recorded_on = child.age_recorded_on.unwrap_or(recorded_on);
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

/// Each concern against the statute that defines it, on the date that
/// statute judges; labour against CALPRA; conflict with law against doli incapax.
fn check_ages(c: &Case, p: &RuleProfile, out: &mut Collector) {
    let child = &c.child;
    let age_path = if child.date_of_birth.is_some() {
        "/child/date_of_birth"
    } else {
        "/child/age_years"
    };
    for (i, concern) in c.concerns.iter().enumerate() {
        // Paths, citations and parameters are built only for a finding: a
        // valid case passes through here without allocating.
        let concern_path = || pointer("/concerns", i);
        if let Some(j) = law::concern_scope(c, concern, p) {
            let params = || {
                Params::new()
                    .with("age", j.age)
                    .with("limit", j.limit)
                    .with("concern", concern.kind.as_str())
                    .with("statute", j.statute_id)
                    .with("law", j.law())
                    .with("on", j.on.to_string())
                    .with("concern_index", i)
            };
            match j.verdict {
                AgeVerdict::NotChild => {
                    out.push(Code::NotAChild, age_path, params());
                    continue;
                }
                AgeVerdict::AtEdge => out.push(
                    Code::AgeEstimatedAtLimit,
                    age_path,
                    params().with("margin", p.ages.estimate_margin_years),
                ),
                AgeVerdict::Child => {}
            }
        }
        let calpra = || {
            p.statutes
                .get("calpra_1986")
                .map_or_else(|| "CALPRA 1986".to_owned(), |s| s.citation.clone())
        };
        match law::work(c, concern, p) {
            (Work::AdolescentLawful | Work::AdolescentHazardUnknown, Some(age)) => out.push(
                Code::LabourNotProhibited,
                pointer(&concern_path(), "hazardous"),
                Params::new().with("age", age),
            ),
            (Work::ExceptionLawful, Some(age)) => out.push(
                Code::LabourExceptionLawful,
                pointer(&concern_path(), "exception"),
                Params::new()
                    .with("age", age)
                    .with("exception", concern.exception.map(|e| e.as_str()))
                    .with("statute", "calpra_1986")
                    .with("law", format!("{} s.3(2)", calpra())),
            ),
            (Work::ExceptionHazardous, _) => out.push(
                Code::LabourExceptionNotApplicable,
                pointer(&concern_path(), "exception"),
                Params::new()
                    .with("exception", concern.exception.map(|e| e.as_str()))
                    .with("statute", "calpra_1986")
                    .with("law", format!("{} s.3(2), s.3A", calpra())),
            ),
            _ => {}
        }
        if let Some((age, on)) = law::doli_incapax(c, concern, p) {
            let bns = p
                .statutes
                .get("bns_2023")
                .map_or_else(|| "BNS 2023".to_owned(), |s| s.citation.clone());
            out.push(
                Code::DoliIncapax,
                pointer(&concern_path(), "kind"),
                Params::new()
                    .with("age", age)
                    .with("on", on.to_string())
                    .with("limit", p.ages.doli_incapax_under)
                    .with("statute", "bns_2023")
                    .with("law", format!("{bns} s.20")),
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
    for (i, k) in c.concerns.iter().enumerate() {
        let path = || pointer("/concerns", i);
        if let Some(d) = k.event_date {
            check_not_future(
                out,
                || pointer(&path(), "event_date"),
                "event_date",
                d,
                today,
            );
        }
        if let Some(at) = k.found_at {
            let d = at.date_naive();
            check_not_future(out, || pointer(&path(), "found_at"), "found_at", d, today);
        }
    }
    if let Some(at) = c.apprehended_at {
        let d = at.date_naive();
        check_not_future(out, "/apprehended_at", "apprehended_at", d, today);
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
            || pointer(&pointer("/referrals", i), "at"),
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
    for a in law::applicable(c, p) {
        // Parameters only for a finding: most pathways are met or not yet due.
        let params = || {
            let destinations: Vec<serde_json::Value> = a
                .pathway
                .destinations
                .iter()
                .filter_map(|d| serde_json::to_value(d).ok())
                .collect();
            Params::new()
                .with("concern", a.kind.as_str())
                .with("destinations", destinations)
                .with("law", p.law(a.pathway))
                .with("statute", a.pathway.statute.as_str())
                .with("pathway", a.id)
                .with("deadline", a.due.to_rfc3339())
        };
        match a.done {
            Some((i, at)) if at > a.due => out.push(
                Code::PathwayLate,
                pointer(&pointer("/referrals", i), "at"),
                params()
                    .with("at", at.to_rfc3339())
                    .with("hours_late", (at - a.due).num_hours()),
            ),
            Some(_) => {}
            // Not yet due: a required action, not a problem.
            None if today <= a.due.date_naive() => {}
            None if a.pathway.statutory_deadline => {
                out.push(Code::PathwayDeadlineMissed, "/referrals", params())
            }
            None => out.push(Code::PathwayReferralMissing, "/referrals", params()),
        }
    }
}

/// Warnings about closing too soon, and a recorded risk below triage's.
fn check_closure_and_risk(c: &Case, ctx: &Context<'_>, out: &mut Collector) {
    if let Some(cl) = c
        .closure
        .as_ref()
        .filter(|cl| cl.reason == ClosureReason::FormalClosing)
    {
        for (i, s) in c.services.iter().enumerate() {
            if s.implemented_at.is_none() {
                out.push(
                    Code::ClosedWithPendingService,
                    pointer(&pointer("/services", i), "implemented_at"),
                    Params::new()
                        .with("date", cl.date.to_string())
                        .with(
                            "service",
                            serde_json::to_value(s.service).unwrap_or_default(),
                        )
                        .with("planned", s.planned_at.date_naive().to_string()),
                );
            }
        }
        for (i, k) in law::counting(c, &ctx.profile) {
            if let Some(d) = k.planned_date.filter(|d| *d > cl.date) {
                out.push(
                    Code::ClosedBeforeMarriageDate,
                    pointer(&pointer("/concerns", i), "planned_date"),
                    Params::new()
                        .with("date", cl.date.to_string())
                        .with("planned", d.to_string()),
                );
            }
        }
    }
    if let Some(recorded) = c.risk_level.filter(|_| c.status != CaseStatus::Closed) {
        let level = crate::triage::level(c, ctx);
        if recorded < level {
            out.push(
                Code::RiskBelowTriage,
                "/risk_level",
                Params::new()
                    .with(
                        "recorded",
                        serde_json::to_value(recorded).unwrap_or_default(),
                    )
                    .with("level", serde_json::to_value(level).unwrap_or_default()),
            );
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
