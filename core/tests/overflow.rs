//! Schema-valid input that once panicked in date arithmetic (issue 10): a large
//! `journey_hours`, a far-future but well-formed date, a large day count in a
//! profile patch, a far-future "today". Each must give a coded diagnostic or a
//! clamped answer, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::borrow::Cow;

use chrono::NaiveDate;
use serde_json::{json, Value};
use suraksha::{api, tasks, Context, Kind, Options, RuleProfile};

fn sample_case() -> Value {
    let text = include_str!("../../examples/records/case.json");
    serde_json::from_str(text).unwrap()
}

fn ctx() -> Context<'static> {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context()
    .unwrap()
}

fn codes(r: &suraksha::Report) -> Vec<(String, String)> {
    r.diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.path.clone()))
        .collect()
}

#[test]
fn huge_journey_hours_is_out_of_range_not_a_panic() {
    let mut case = sample_case();
    case["journey_hours"] = json!(u32::MAX);
    let report = api::validate(Kind::Case, &case, &ctx());
    assert!(!report.valid);
    assert!(codes(&report).contains(&("out_of_range".into(), "/journey_hours".into())));
    // The largest accepted value still computes its deadline.
    case["journey_hours"] = json!(720);
    let report = api::validate(Kind::Case, &case, &ctx());
    assert!(!codes(&report).iter().any(|(c, _)| c == "out_of_range"));
}

#[test]
fn far_future_dates_are_coded_with_their_path() {
    for (field, value, path) in [
        (
            "identified_at",
            "9999-12-31T23:00:00-12:00",
            "/identified_at",
        ),
        (
            "identified_at",
            "9999-12-31T23:59:59+05:30",
            "/identified_at",
        ),
        ("last_follow_up", "+262142-12-31", "/last_follow_up"),
        ("last_follow_up", "1899-12-31", "/last_follow_up"),
    ] {
        let mut case = sample_case();
        case[field] = json!(value);
        let ctx = ctx();
        let report = api::validate(Kind::Case, &case, &ctx);
        assert_eq!(
            codes(&report),
            vec![("date_out_of_range".to_owned(), path.to_owned())],
            "{field} = {value}"
        );
        assert!(api::triage(&case, &ctx).is_err());
        assert!(tasks::tasks(Kind::Case, &case, &ctx).is_err());
    }
    // A service planned at the end of the calendar, with a timeframe.
    let mut case = sample_case();
    case["services"][1] = json!({
        "service": "school_enrolment",
        "planned_at": "9999-12-31T23:00:00-12:00",
        "timeframe": "3d"
    });
    let report = api::validate(Kind::Case, &case, &ctx());
    assert!(codes(&report).contains(&("date_out_of_range".into(), "/services/1/planned_at".into())));
}

#[test]
fn huge_day_counts_in_a_profile_patch_are_refused_or_clamped() {
    // Bounded fields: refused with the path into the patch.
    for patch in [
        json!({"functionality": {"window_days": u32::MAX}}),
        json!({"upcoming_days": u32::MAX}),
    ] {
        let err = Options {
            profile: Some(patch.clone()),
            ..Options::default()
        }
        .context()
        .unwrap_err();
        assert_eq!(err.diagnostics[0].code.as_str(), "out_of_range", "{patch}");
    }
    // Unbounded map values: the due date is clamped to the calendar's end.
    let ctx = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        profile: Some(json!({"follow_up_days": {"high": u32::MAX}})),
        ..Options::default()
    }
    .context()
    .unwrap();
    let case = sample_case();
    let due = tasks::tasks(Kind::Case, &case, &ctx).unwrap();
    let follow_up = due.iter().find(|t| t.task == "follow_up").unwrap();
    assert_eq!(follow_up.due, NaiveDate::MAX);
    let triage = api::triage(&case, &ctx).unwrap();
    assert_eq!(triage.follow_up_due, None);
}

#[test]
fn far_future_today_is_refused_by_options_and_survived_by_a_raw_context() {
    let err = Options {
        today: NaiveDate::from_ymd_opt(262_000, 1, 1),
        ..Options::default()
    }
    .context()
    .unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("date_out_of_range".into(), "/today".into())]
    );

    // A Rust caller may still build a Context by hand: every operation answers.
    let vcpc: Value =
        serde_json::from_str(include_str!("../../examples/records/vcpc.json")).unwrap();
    let referral: Value =
        serde_json::from_str(include_str!("../../examples/records/referral.json")).unwrap();
    for today in [NaiveDate::MAX, NaiveDate::MIN] {
        let ctx = Context {
            profile: Cow::Owned(RuleProfile::default()),
            today,
            locale: suraksha::Locale::En,
            limits: suraksha::Limits::default(),
        };
        let case = sample_case();
        let _ = api::validate(Kind::Case, &case, &ctx);
        let _ = api::validate(Kind::Vcpc, &vcpc, &ctx);
        let _ = api::validate(Kind::Referral, &referral, &ctx);
        let _ = api::triage(&case, &ctx);
        let _ = api::functionality(&vcpc, &ctx);
        let _ = tasks::tasks(Kind::Case, &case, &ctx);
        let _ = tasks::tasks(Kind::Referral, &referral, &ctx);
    }
}
