//! The legal test matrix in `tests/vectors/` is complete, and the required
//! actions of its case vectors are what the law says.
//!
//! Completeness is derived from the rule profile, so a statute, an age limit
//! or a pathway added to the profile without its vectors fails here:
//! - every statute that defines concerns has vectors at limit−1, limit and
//!   limit+1 (per sex where its limit depends on sex), named
//!   `law_age_<statute>…_<age>.json`;
//! - the limits in `ages` (any work, hazardous work, doli incapax, the
//!   estimate margin) and the RTE's lower limit have the same three;
//! - every pathway has `law_pathway_<id>_on_time`, `_late` and `_missing`.
//!
//! A case vector may carry `expected_actions`, a list of `[pathway, state]`
//! written by hand; they are compared (as a multiset) with
//! [`suraksha::actions::actions_of`]. The validation reports themselves are
//! checked by the shared `vectors` test, which Python and JS also run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use suraksha::{Options, RuleProfile};

fn names(dir: &str) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(dir);
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect()
}

fn three(limit: u8) -> [i64; 3] {
    let l = i64::from(limit);
    [l - 1, l, l + 1]
}

#[test]
fn matrix_covers_every_age_rule_and_pathway() {
    let p = RuleProfile::default();
    let files = names("case");
    let mut missing = Vec::new();
    let mut need = |prefix: String, age: i64| {
        let suffix = format!("_{age}.json");
        if !files
            .iter()
            .any(|f| f.starts_with(&prefix) && f.ends_with(&suffix))
        {
            missing.push(format!("{prefix}…{suffix}"));
        }
    };
    for (id, s) in p.statutes.iter().filter(|(_, s)| !s.concerns.is_empty()) {
        let mut limits: BTreeSet<u8> = s.child_under_by_sex.values().copied().collect();
        limits.insert(s.child_under);
        for limit in limits {
            for age in three(limit) {
                need(format!("law_age_{id}"), age);
            }
        }
        if !s.age_on_event.is_empty() {
            for age in three(s.child_under) {
                need(format!("law_age_{id}"), age);
            }
        }
    }
    for age in three(p.statutes["rte_2009"].child_under) {
        need("law_age_rte_2009_".into(), age);
    }
    for age in three(p.statutes["rte_2009"].child_from) {
        need("law_age_rte_2009_from".into(), age);
    }
    for age in three(p.ages.any_work_under) {
        need("law_age_calpra_1986_any_work".into(), age);
    }
    for age in three(p.ages.hazardous_work_under) {
        need("law_age_calpra_1986_hazardous".into(), age);
    }
    for age in three(p.ages.doli_incapax_under) {
        need("law_age_bns_2023_doli".into(), age);
    }
    for age in three(p.child_under()) {
        need("law_age_estimated".into(), age);
    }
    for id in p.pathways.keys() {
        for kind in ["on_time", "late", "missing"] {
            let f = format!("law_pathway_{id}_{kind}.json");
            if !files.contains(&f) {
                missing.push(f);
            }
        }
    }
    assert!(missing.is_empty(), "matrix vectors missing: {missing:?}");
    // Consent: the mandatory and the non-mandatory case.
    let referrals = names("referral");
    for f in [
        "law_consent_pocso_mandatory.json",
        "law_consent_pocso_not_named.json",
        "law_consent_service_needs_consent.json",
    ] {
        assert!(referrals.contains(f), "{f}");
    }
}

#[test]
fn required_actions_of_the_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/case");
    let mut checked = 0;
    let mut failures = Vec::new();
    for f in names("case") {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(root.join(&f)).unwrap())
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        let Some(expected) = v.get("expected_actions").and_then(Value::as_array) else {
            continue;
        };
        let ctx = Options::from_value(&v["options"])
            .unwrap()
            .context()
            .unwrap();
        let actions =
            suraksha::actions::actions_of(&v["input"], &ctx).unwrap_or_else(|r| panic!("{f}: {r}"));
        let mut got: Vec<(String, String)> = actions
            .iter()
            .map(|a| {
                let state = serde_json::to_value(a.state).unwrap();
                (a.pathway.clone(), state.as_str().unwrap().to_owned())
            })
            .collect();
        let mut want: Vec<(String, String)> = expected
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_owned(),
                    p[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!("{f}: expected {want:?}, got {got:?}"));
        }
        // The triage result carries the same actions when the case is valid.
        if v["expected"]["valid"] == Value::Bool(true) {
            let t = suraksha::api::triage(&v["input"], &ctx).unwrap();
            assert_eq!(t.actions, actions, "{f}");
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} vectors state their actions");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn actions_are_listed_beside_the_report_and_in_hindi() {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/vectors/case/law_pathway_due_today.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut ctx = Options::from_value(&v["options"])
        .unwrap()
        .context()
        .unwrap();
    let checked = suraksha::api::validate_with_actions(suraksha::Kind::Case, &v["input"], &ctx);
    assert!(checked.report.valid);
    let a = &checked.actions[0];
    assert_eq!(a.pathway, "pocso_police");
    assert!(a.mandatory && !a.done);
    assert_eq!(a.statute, "pocso_2012");
    assert_eq!(a.due.to_rfc3339(), "2026-11-24T08:00:00+05:30");
    assert_eq!(
        a.message,
        "report to Special Juvenile Police Unit or the local police by 2026-11-24 08:00 (POCSO Act 2012 (sexual offences against children) s.19(1), s.21)"
    );
    ctx.locale = suraksha::Locale::Hi;
    let hi = suraksha::actions::actions_of(&v["input"], &ctx).unwrap();
    assert!(hi[0].message.contains("सूचित करें"), "{}", hi[0].message);
    // A broken shape gives the report, not a panic or an empty list.
    let err = suraksha::actions::actions_of(&serde_json::json!({"id": 3}), &ctx).unwrap_err();
    assert!(!err.valid);
}
