//! Property tests: records round-trip losslessly, validation never panics on
//! arbitrary JSON (nor on damaged real records), and the state machines never
//! reach an illegal state.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};
use suraksha::model::*;
use suraksha::workflow::{apply_transition, case_next, referral_next};
use suraksha::{api, Context, Kind, Options, Severity};

fn ctx() -> Context<'static> {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context()
    .unwrap()
}

fn base_time() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-01-01T09:00:00+05:30").unwrap()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(json!("2026-02-30")),
        Just(json!("2026-11-01T10:00:00+05:30")),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replace the node at a pseudo-random position of `v` with `with`.
fn damage(v: &mut Value, mut pick: usize, with: Value) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let n = m.len();
            let key = m.keys().nth(pick % n).cloned().unwrap();
            pick /= n;
            let child = m.get_mut(&key).unwrap();
            if pick % 3 == 0 {
                *child = with
            } else {
                damage(child, pick, with)
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            let child = &mut a[pick % n];
            pick /= n;
            if pick % 3 == 0 {
                *child = with
            } else {
                damage(child, pick, with)
            }
        }
        other => *other = with,
    }
}

fn sample(kind: &str) -> Value {
    let path = format!(
        "{}/../examples/records/{kind}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn well_formed(report: &suraksha::Report) -> bool {
    report.valid
        == report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error)
        && report
            .diagnostics
            .iter()
            .all(|d| d.path.is_empty() || d.path.starts_with('/'))
        && report.diagnostics.iter().all(|d| !d.message.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_never_panics_on_arbitrary_json(v in arb_json()) {
        let ctx = ctx();
        for &kind in Kind::ALL {
            let report = api::validate(kind, &v, &ctx);
            prop_assert!(well_formed(&report));
            // Arbitrary JSON is never a valid record of a kind with required fields.
            if !v.is_object() { prop_assert!(!report.valid); }
        }
    }

    #[test]
    fn validation_never_panics_on_damaged_records(pick in any::<usize>(), with in arb_json(), which in 0usize..3) {
        let kind = ["vcpc", "case", "referral"][which];
        let mut v = sample(kind);
        damage(&mut v, pick, with);
        let ctx = ctx();
        let k = Kind::parse(kind, ctx.locale).unwrap();
        let report = api::validate(k, &v, &ctx);
        prop_assert!(well_formed(&report));
        let text = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(api::validate_str(k, &text, &ctx), Ok(report));
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,80}") {
        let ctx = ctx();
        // Text that is not JSON is unusable input; JSON is validated.
        let report = match api::validate_str(Kind::Case, &text, &ctx) {
            Ok(report) => report,
            Err(e) => {
                prop_assert_eq!(e.category(), suraksha::Category::Input);
                e.into_report()
            }
        };
        prop_assert!(well_formed(&report));
    }
}

fn arb_status() -> impl Strategy<Value = ReferralStatus> {
    prop_oneof![
        Just(ReferralStatus::Pending),
        Just(ReferralStatus::Accepted),
        Just(ReferralStatus::Rejected),
        Just(ReferralStatus::Revoked),
        Just(ReferralStatus::Done),
    ]
}

fn arb_action() -> impl Strategy<Value = CaseAction> {
    prop_oneof![
        Just(CaseAction::Open),
        Just(CaseAction::Close),
        Just(CaseAction::Reopen),
        Just(CaseAction::AddService),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever sequence of requests arrives, the referral machine only moves
    /// along its edges, and terminal states accept nothing.
    #[test]
    fn referral_machine_stays_legal(steps in prop::collection::vec((arb_status(), any::<bool>()), 0..12)) {
        use ReferralStatus::*;
        let mut state = Pending;
        for (to, with_reason) in steps {
            let reason = with_reason.then_some("because");
            match referral_next(state, to, reason) {
                Ok(next) => {
                    let legal = matches!((state, next), (Pending, Accepted | Rejected | Revoked) | (Accepted, Done | Revoked));
                    prop_assert!(legal, "{state:?} -> {next:?}");
                    prop_assert!(next != Rejected || reason.is_some());
                    state = next;
                }
                Err(_) => prop_assert!(!matches!((state, to), (Pending, Accepted | Revoked) | (Accepted, Done | Revoked))),
            }
        }
        if matches!(state, Rejected | Revoked | Done) {
            for to in [Pending, Accepted, Rejected, Revoked, Done] {
                prop_assert!(referral_next(state, to, Some("x")).is_err());
            }
        }
    }

    /// Applying random transitions to a real referral record: every accepted
    /// result is a valid record whose status is its history's last step.
    #[test]
    fn applied_referral_transitions_keep_records_valid(steps in prop::collection::vec((arb_status(), any::<bool>()), 0..6)) {
        let ctx = ctx();
        let mut record = json!({
            "id": "R1", "case_id": "C1", "from": "VCPC-1", "to": "cwc", "service": "cwc_production",
            "status": "pending", "created_at": "2026-11-01T09:00:00+05:30",
            "consent": {"consent_for_services": true, "disclosure_other_orgs": true}
        });
        let mut at = base_time() + Duration::days(305);
        for (to, with_reason) in steps {
            at += Duration::hours(3);
            let mut t = json!({"to": to, "at": at.to_rfc3339(), "by": "cw1"});
            if with_reason { t["reason"] = json!("no capacity"); }
            match apply_transition(Kind::Referral, &record, &t, &ctx) {
                Ok(next) => {
                    prop_assert!(api::validate(Kind::Referral, &next, &ctx).valid);
                    prop_assert_eq!(&next["status"], &next["history"].as_array().unwrap().last().unwrap()["to"]);
                    record = next;
                }
                Err(report) => prop_assert!(!report.valid),
            }
        }
    }

    /// The case machine never leaves {identified, open, closed} by an illegal
    /// edge, and a closed case only reopens with a reason or a new service.
    #[test]
    fn case_machine_stays_legal(steps in prop::collection::vec((arb_action(), any::<bool>()), 0..12)) {
        use CaseAction as A;
        use CaseStatus as S;
        let mut state = S::Identified;
        for (action, with_reason) in steps {
            let reason = with_reason.then_some("new information");
            if let Ok(next) = case_next(state, action, reason) {
                let legal = matches!(
                    (state, action, next),
                    (S::Identified, A::Open, S::Open)
                        | (S::Open, A::Close, S::Closed)
                        | (S::Closed, A::Reopen, S::Open)
                        | (S::Open | S::Closed, A::AddService, S::Open)
                );
                prop_assert!(legal, "{state:?} --{action:?}--> {next:?}");
                prop_assert!(!(state == S::Closed && action == A::Reopen && reason.is_none()));
                state = next;
            }
        }
    }
}

fn arb_concern() -> impl Strategy<Value = Concern> {
    (
        prop::sample::select(ConcernKind::ALL.to_vec()),
        prop::option::of(any::<bool>()),
        prop::option::of(
            (0i64..400)
                .prop_map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(d)),
        ),
    )
        .prop_map(|(kind, hazardous, planned_date)| Concern {
            kind,
            hazardous,
            planned_date,
            event_date: None,
            found_at: None,
            exception: None,
        })
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        "[A-Z]{3}-[0-9]{4}",
        prop::option::of(0u8..18),
        prop::sample::select(vec![Sex::Female, Sex::Male, Sex::Other]),
        any::<bool>(),
        prop::collection::vec(arb_concern(), 1..4),
        0i64..100_000,
        0u32..12,
    )
        .prop_map(
            |(id, age, sex, disability, concerns, minutes, journey)| Case {
                id: format!("CASE-{id}"),
                child: Child {
                    id: id.clone(),
                    date_of_birth: None,
                    age_years: Some(age.unwrap_or(9)),
                    age_recorded_on: None,
                    age_estimated: age.is_none(),
                    sex,
                    disability,
                    social_group: None,
                    school_status: None,
                },
                geography: None,
                concerns,
                incident_date: None,
                identified_at: base_time() + Duration::minutes(minutes),
                journey_hours: journey,
                apprehended_at: None,
                risk_level: None,
                status: CaseStatus::Identified,
                closure: None,
                consent: Consent::default(),
                services: vec![],
                referrals: vec![],
                last_follow_up: None,
                history: vec![],
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Serialising and parsing back loses nothing, and the structural checks
    /// accept every record the types can hold.
    #[test]
    fn case_round_trip_is_lossless(case in arb_case()) {
        let value = serde_json::to_value(&case).unwrap();
        let back: Case = serde_json::from_value(value.clone()).unwrap();
        prop_assert_eq!(&back, &case);
        let text = serde_json::to_string(&case).unwrap();
        let back2: Case = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back2, &case);
        let report = api::validate(Kind::Case, &value, &ctx());
        let structural = ["wrong_type", "missing_field", "unknown_field", "invalid_enum_value", "invalid_format", "out_of_range", "invalid_value"];
        prop_assert!(report.diagnostics.iter().all(|d| !structural.contains(&d.code.as_str())), "{report}");
    }

    /// Triage is deterministic and its level is the highest among its reasons.
    #[test]
    fn triage_is_deterministic(case in arb_case()) {
        let ctx = ctx();
        let a = suraksha::scoring::triage::triage(&case, &ctx);
        let b = suraksha::scoring::triage::triage(&case, &ctx);
        prop_assert_eq!(&a, &b);
        let top = a.reasons.iter().map(|r| r.level).max().unwrap_or(RiskLevel::Low);
        prop_assert_eq!(a.level, top);
    }
}
