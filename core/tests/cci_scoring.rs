//! CCI review scores: weighted domains with N/A left out of the denominator,
//! bands, critical failures that cap the rating, and caller-supplied frames.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};
use suraksha::cci::{assess_value, default_frame, score, CciAssessment, CciFrame, ItemScore};
use suraksha::{Context, Locale};

fn ctx() -> Context<'static> {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        ..Context::default()
    }
}

/// An assessment of the shipped frame with every item scored `s` (with evidence).
fn uniform(s: u8) -> CciAssessment {
    let frame = default_frame();
    let scores = frame
        .domains
        .iter()
        .flat_map(|d| d.items.iter())
        .map(|i| ItemScore {
            item: i.id.clone(),
            score: Some(s),
            not_applicable: false,
            evidence: Some("seen".into()),
        })
        .collect();
    serde_json::from_value(json!({
        "id": "R1", "frame": "jj-2016-cci",
        "institution": {"id": "CH-1", "kind": "childrens_home"},
        "geography": {"state": {"lgd_code": 10, "name": "Bihar"}, "district": {"lgd_code": 223, "name": "Madhubani"}},
        "date": "2026-11-01", "scores": []
    }))
    .map(|mut a: CciAssessment| {
        a.scores = scores;
        a
    })
    .unwrap()
}

fn set(a: &mut CciAssessment, item: &str, s: Option<u8>) {
    let e = a.scores.iter_mut().find(|x| x.item == item).unwrap();
    e.score = s;
    e.not_applicable = s.is_none();
}

#[test]
fn full_marks_are_good_and_a_critical_failure_caps_the_rating() {
    let frame = default_frame();
    let a = uniform(3);
    let r = score(&a, &frame, Locale::En);
    assert_eq!(r.overall, Some(100.0));
    assert_eq!(r.rating.as_deref(), Some("good"));
    assert!(!r.capped && r.critical_failures.is_empty());
    assert_eq!(r.coverage, 1.0);

    let mut b = a.clone();
    set(&mut b, "safety.no_corporal_punishment", Some(0));
    let r = score(&b, &frame, Locale::Hi);
    assert_eq!(
        r.score_band.as_deref(),
        Some("good"),
        "one item barely moves the score"
    );
    assert_eq!(r.rating.as_deref(), Some("needs_improvement"));
    assert!(r.capped);
    assert_eq!(r.critical_failures.len(), 1);
    assert_eq!(r.critical_failures[0].reference, "JJ Act 2015 s.82");
    assert_eq!(r.rating_label.as_deref(), Some("सुधार आवश्यक"));
}

#[test]
fn weighted_scores_match_a_hand_computation() {
    let frame = default_frame();
    let mut a = uniform(2);
    set(&mut a, "safety.complaints", Some(0));
    let r = score(&a, &frame, Locale::En);
    // Safety: items weighted 1,1,1,1 scoring 2,2,0,2 of 3 -> 6/12.
    let safety = r.domains.iter().find(|d| d.domain == "safety").unwrap();
    assert!((safety.score.unwrap() - 50.0).abs() < 1e-9);
    let others = 100.0 * 2.0 / 3.0;
    let total_w: f64 = frame.domains.iter().map(|d| d.weight).sum();
    let expect = (others * (total_w - 1.5) + 50.0 * 1.5) / total_w;
    assert!((r.overall.unwrap() - expect).abs() < 1e-9);
    assert_eq!(r.score_band.as_deref(), Some("satisfactory"));
}

#[test]
fn value_api_with_a_callers_frame() {
    let fixtures: Value =
        serde_json::from_str(include_str!("../../tests/vectors/cci_frame/valid.json")).unwrap();
    let frame = &fixtures["input"];
    let a = json!({
        "id": "R2", "frame": "bihar-cci-mini",
        "institution": {"id": "CH-2", "kind": "open_shelter"},
        "geography": {"state": {"lgd_code": 10, "name": "Bihar"}, "district": {"lgd_code": 223, "name": "Madhubani"}},
        "date": "2026-11-01",
        "scores": [
            {"item": "safety.no_corporal_punishment", "score": 2, "evidence": "children's committee"},
            {"item": "safety.complaints", "score": 1, "evidence": "box locked, key with warden"},
            {"item": "care.icp", "score": 2, "evidence": "files"},
            {"item": "care.aftercare", "not_applicable": true}
        ]
    });
    let r = assess_value(&a, Some(frame), &ctx()).unwrap();
    // safety 3/4 = 75 (w 2), care 2/2 = 100 (w 1; aftercare N/A) -> 250/3.
    assert!((r.overall.unwrap() - 250.0 / 3.0).abs() < 1e-9);
    assert_eq!(r.rating.as_deref(), Some("good"));
    // Against the shipped frame its items are unknown.
    let mut wrong = a.clone();
    wrong["frame"] = json!("jj-2016-cci");
    let report = assess_value(&wrong, None, &ctx()).unwrap_err();
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "cci_unknown_item"));
    // Supplied a frame, the assessment must name it.
    wrong["frame"] = json!("odisha-2023-cci");
    let report = assess_value(&wrong, Some(frame), &ctx()).unwrap_err();
    assert_eq!(report.diagnostics[0].code.as_str(), "unknown_reference");
    assert_eq!(report.diagnostics[0].path, "/frame");
}

fn items(frame: &CciFrame) -> Vec<(String, bool)> {
    frame
        .domains
        .iter()
        .flat_map(|d| d.items.iter())
        .map(|i| (i.id.clone(), i.na_allowed))
        .collect()
}

proptest! {
    #[test]
    fn scores_are_bounded_and_critical_failures_cap(raw in proptest::collection::vec(0u8..5, 25)) {
        let frame = default_frame();
        let mut a = uniform(0);
        for ((id, na_ok), r) in items(&frame).into_iter().zip(raw) {
            // 4 means N/A where allowed, else full marks.
            set(&mut a, &id, if r == 4 && na_ok { None } else { Some(r.min(3)) });
        }
        let res = score(&a, &frame, Locale::En);
        let o = res.overall.unwrap();
        prop_assert!((0.0..=100.0).contains(&o));
        let pos = |id: &Option<String>| frame.bands.iter().position(|b| Some(&b.id) == id.as_ref()).unwrap();
        prop_assert!(pos(&res.rating) >= pos(&res.score_band), "the cap never raises a rating");
        let cap = frame.bands.iter().position(|b| b.id == frame.critical_cap).unwrap();
        if !res.critical_failures.is_empty() {
            prop_assert!(pos(&res.rating) >= cap);
        } else {
            prop_assert_eq!(&res.rating, &res.score_band);
        }
    }

    #[test]
    fn not_applicable_is_the_same_as_leaving_the_item_out(s in 0u8..=3, t in 0u8..=3) {
        let mut frame = default_frame();
        let mut a = uniform(s);
        set(&mut a, "development.education", Some(t));
        set(&mut a, "development.vocational", None);
        let with_na = score(&a, &frame, Locale::En).overall;
        for d in &mut frame.domains {
            d.items.retain(|i| i.id != "development.vocational");
        }
        a.scores.retain(|x| x.item != "development.vocational");
        prop_assert_eq!(with_na, score(&a, &frame, Locale::En).overall);
    }
}
