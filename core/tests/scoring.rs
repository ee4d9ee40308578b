//! Triage, functionality and transitions on concrete records.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use chrono::NaiveDate;
use serde_json::{json, Value};
use suraksha::{api, workflow, Context, Kind, Locale, Options};

fn ctx(locale: Locale) -> Context<'static> {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        locale,
        ..Options::default()
    }
    .context()
    .unwrap()
}

fn sample(kind: &str) -> Value {
    let path = format!(
        "{}/../examples/records/{kind}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn case_with(concerns: Value, child: Value) -> Value {
    json!({"id": "C1", "child": child, "concerns": concerns,
           "identified_at": "2026-11-22T09:00:00+05:30", "status": "identified"})
}

#[test]
fn triage_levels_and_reasons() {
    let c = ctx(Locale::En);
    let high = api::triage(
        &case_with(
            json!([{"kind": "sexual_offence"}]),
            json!({"id": "x", "age_years": 9, "sex": "female"}),
        ),
        &c,
    )
    .unwrap();
    assert_eq!(serde_json::to_value(high.level).unwrap(), "high");
    assert_eq!(high.reasons[0].rule, "sexual_abuse_or_exploitation");
    assert_eq!(high.follow_up_due, NaiveDate::from_ymd_opt(2026, 11, 30));

    let medium = api::triage(
        &case_with(
            json!([{"kind": "child_labour", "hazardous": false}]),
            json!({"id": "x", "age_years": 12, "sex": "male"}),
        ),
        &c,
    )
    .unwrap();
    assert_eq!(serde_json::to_value(medium.level).unwrap(), "medium");

    let low = api::triage(
        &case_with(
            json!([{"kind": "birth_not_registered"}]),
            json!({"id": "x", "age_years": 3, "sex": "male"}),
        ),
        &c,
    )
    .unwrap();
    assert_eq!(serde_json::to_value(low.level).unwrap(), "low");
    assert!(low.reasons.is_empty());

    // Hazardous work is high and the reason comes in Hindi when asked.
    let hi = api::triage(
        &case_with(
            json!([{"kind": "child_labour", "hazardous": true}]),
            json!({"id": "x", "age_years": 15, "sex": "male"}),
        ),
        &ctx(Locale::Hi),
    )
    .unwrap();
    assert_eq!(serde_json::to_value(hi.level).unwrap(), "high");
    assert!(hi.reasons.iter().any(|r| r.reason.contains("खतरनाक")));
}

#[test]
fn triage_refuses_invalid_case() {
    let err = api::triage(&json!({"id": "C1"}), &ctx(Locale::En)).unwrap_err();
    assert!(!err.valid);
    assert!(err.diagnostics.iter().any(|d| d.path == "/child"));
}

#[test]
fn functionality_is_traceable_and_banded() {
    let c = ctx(Locale::En);
    let f = api::functionality(&sample("vcpc"), &c).unwrap();
    let total: f64 = f.items.iter().map(|i| i.earned).sum();
    assert!(
        (f.score - total).abs() < 0.01,
        "score is the sum of its items"
    );
    assert!(f
        .items
        .iter()
        .all(|i| i.earned <= i.possible + 1e-9 && !i.evidence.is_empty()));
    let possible: f64 = f.items.iter().map(|i| i.possible).sum();
    assert!((possible - 100.0).abs() < 1e-9);
    // The sample lacks a GPDP link and DCPU link: those points are lost, visibly.
    let lost = |id: &str| {
        f.items
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.earned == 0.0)
            .unwrap()
    };
    assert!(lost("plan.in_gpdp") && lost("linkages.dcpu"));
    assert_eq!(serde_json::to_value(f.band).unwrap(), "functional");

    // A committee formed on paper only: no meetings, register, plans or links.
    let mut bare = sample("vcpc");
    for k in ["meetings", "trainings", "register"] {
        bare[k] = json!([]);
    }
    bare["plans"] = json!({});
    bare["referrals"] = json!({});
    bare["linkages"] = json!({});
    let f = api::functionality(&bare, &c).unwrap();
    assert_eq!(
        serde_json::to_value(f.band).unwrap(),
        "non_functional",
        "score {}",
        f.score
    );
    assert_eq!(f.domains["meetings"], 0.0);
}

#[test]
fn case_transitions_append_history() {
    let c = ctx(Locale::En);
    let case = sample("case");
    let closed = workflow::apply_transition(
        Kind::Case,
        &case,
        &json!({"action": "close", "at": "2026-11-22T10:00:00+05:30", "by": "cw1",
                "closure": {"date": "2026-11-22", "reason": "formal_closing"}}),
        &c,
    )
    .unwrap();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["history"].as_array().unwrap().len(), 2);
    // Reopening needs a reason.
    let err = workflow::apply_transition(
        Kind::Case,
        &closed,
        &json!({"action": "reopen", "at": "2026-11-23T10:00:00+05:30", "by": "cw1"}),
        &c,
    )
    .unwrap_err();
    assert_eq!(err.diagnostics[0].code.as_str(), "reason_required");
    // Adding a service reopens it and clears the closure.
    let reopened = workflow::apply_transition(
        Kind::Case,
        &closed,
        &json!({"action": "add_service", "at": "2026-11-23T10:00:00+05:30", "by": "cw2",
                "service": {"service": "counselling", "planned_at": "2026-11-23T10:00:00+05:30"}}),
        &c,
    )
    .unwrap();
    assert_eq!(reopened["status"], "open");
    assert!(reopened.get("closure").is_none());
    assert_eq!(reopened["history"].as_array().unwrap().len(), 3);
    // Closing without a closure is refused.
    let err = workflow::apply_transition(
        Kind::Case,
        &case,
        &json!({"action": "close", "at": "2026-11-22T10:00:00+05:30", "by": "cw1"}),
        &c,
    )
    .unwrap_err();
    assert_eq!(err.diagnostics[0].code.as_str(), "closure_missing");
}

#[test]
fn workflow_stage_follows_the_case() {
    let c = ctx(Locale::En);
    let (case, _) =
        suraksha::record::parse_record::<suraksha::model::Case>(Kind::Case, &sample("case"), &c)
            .unwrap();
    assert_eq!(
        workflow::workflow_stage(&case),
        workflow::WorkflowStage::ServicesInProgress
    );
}

#[test]
fn profile_patch_is_validated() {
    let bad = Options {
        profile: Some(json!({"ages": {"any_work_under": "fourteen"}})),
        ..Options::default()
    };
    let err = bad.context().unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/ages/any_work_under");
    let good = Options {
        profile: Some(json!({"statutes": {"pcma_2006": {"child_under_by_sex": {"male": 18}}}})),
        ..Options::default()
    };
    let patched = good.context().unwrap();
    let pcma = &patched.profile.statutes["pcma_2006"];
    assert_eq!(pcma.limit(suraksha::model::Sex::Male), 18);
    // A merge patch keeps what it does not mention.
    assert_eq!(pcma.limit(suraksha::model::Sex::Female), 18);
    assert_eq!(patched.profile.child_under(), 18);
}

#[test]
fn tasks_are_overdue_or_upcoming() {
    use suraksha::tasks::{tasks, TaskState};
    let c = ctx(Locale::En);
    // The sample case: high risk, last visit 20 Nov (due 27 Nov: upcoming), school enrolment due 15 Dec.
    let t = tasks(Kind::Case, &sample("case"), &c).unwrap();
    let states: Vec<(&str, TaskState)> = t.iter().map(|t| (t.task.as_str(), t.state)).collect();
    assert_eq!(
        states,
        vec![
            ("follow_up", TaskState::Upcoming),
            ("service", TaskState::Later)
        ]
    );
    let mut late = sample("case");
    late["last_follow_up"] = json!("2026-11-02");
    let t = tasks(Kind::Case, &late, &c).unwrap();
    assert_eq!((t[0].state, t[0].days_overdue), (TaskState::Overdue, 14));
    // A done referral has nothing left to do.
    assert!(tasks(Kind::Referral, &sample("referral"), &c)
        .unwrap()
        .is_empty());
}
