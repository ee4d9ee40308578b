//! The DNA engine on the synthetic district: every generated record is valid,
//! the triangulation finds the under-reporting the generator put in, the
//! ranking follows the truth, and the value-level API agrees with the typed one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};
use suraksha::dna::generate::{district, villages};
use suraksha::dna::triangulate::agreement;
use suraksha::dna::{baseline, baseline_value, DnaRules, SourceKind};
use suraksha::{api, Context, Kind};

fn ctx() -> Context<'static> {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        ..Context::default()
    }
}

fn errors(kind: Kind, v: &Value) -> Vec<String> {
    api::validate(kind, v, &ctx())
        .errors()
        .map(|d| format!("{} {}", d.code.as_str(), d.path))
        .collect()
}

#[test]
fn generated_records_are_valid_and_deterministic() {
    let d = district(2026);
    assert_eq!(d.villages.len(), 63);
    assert_eq!(d.blocks.len(), 3);
    assert_eq!(d.secondary_data.len(), 3);
    assert_eq!(d.collations.len(), 63);
    for v in &d.villages {
        assert_eq!(
            errors(Kind::DnaVillage, &serde_json::to_value(v).unwrap()),
            Vec::<String>::new(),
            "{}",
            v.id
        );
    }
    for b in &d.blocks {
        assert!(
            errors(Kind::DnaBlock, &serde_json::to_value(b).unwrap()).is_empty(),
            "{}",
            b.id
        );
    }
    for s in &d.secondary_data {
        assert!(
            errors(Kind::SecondaryData, &serde_json::to_value(s).unwrap()).is_empty(),
            "{}",
            s.id
        );
    }
    for c in &d.collations {
        let report = api::validate(
            Kind::VillageCollation,
            &serde_json::to_value(c).unwrap(),
            &ctx(),
        );
        assert!(report.diagnostics.is_empty(), "{}: {report}", c.id);
    }
    assert_eq!(district(2026), d);
    assert_ne!(district(2027).villages, d.villages);
    let codes: Vec<u32> = villages().iter().map(|p| p.village.lgd_code).collect();
    let used: Vec<u32> = d
        .villages
        .iter()
        .map(|v| v.geography.village.as_ref().unwrap().lgd_code)
        .collect();
    assert_eq!(codes, used);
}

#[test]
fn baseline_finds_under_reporting_and_ranks_by_truth() {
    let d = district(11);
    let rules = DnaRules::default();
    let b = baseline(&rules, &d.dataset());
    assert_eq!(b.villages.len(), 63);
    let ranks: BTreeSet<usize> = b.villages.iter().map(|v| v.rank).collect();
    assert_eq!(ranks, (1..=63).collect());
    assert!(b.villages.windows(2).all(|w| w[0].index >= w[1].index));
    assert_eq!(b.blocks.len(), 3);
    assert!(b.blocks.iter().all(|r| r.villages == 21));
    let block_ranks: BTreeSet<(String, usize)> = b
        .villages
        .iter()
        .map(|v| (v.block.as_ref().unwrap().name.clone(), v.block_rank))
        .collect();
    assert_eq!(
        block_ranks.len(),
        63,
        "block ranks are 1..=21 within each block"
    );
    assert!(b.villages.iter().all(|v| (1..=21).contains(&v.block_rank)));

    let cm = b
        .district
        .themes
        .iter()
        .find(|t| t.theme == "child_marriage")
        .unwrap();
    let community = cm.community_estimate.unwrap();
    assert!(
        (32.0..50.0).contains(&community),
        "community estimate {community}"
    );
    assert!(
        cm.official_value.unwrap() < community / 2.0,
        "official data under-report"
    );
    assert!(cm.mean_gap.unwrap() > 0.5);
    let groups = cm.by_source[&SourceKind::AdultGroup];
    let teacher = cm.by_source[&SourceKind::Teacher];
    assert!(
        teacher < groups,
        "duty bearers report lower than the groups"
    );

    // Index order follows the truth: the weighted true burden of the top ten
    // villages exceeds that of the bottom ten.
    let burden = |code: u32| {
        let t = d.truth.iter().find(|t| t.village_lgd_code == code).unwrap();
        t.shares
            .iter()
            .map(|(theme, s)| rules.themes[theme].weight * s / rules.themes[theme].severity_cuts[3])
            .sum::<f64>()
    };
    let code = |i: usize| b.villages[i].village.as_ref().unwrap().lgd_code;
    let top: f64 = (0..10).map(|i| burden(code(i))).sum();
    let bottom: f64 = (53..63).map(|i| burden(code(i))).sum();
    assert!(top > bottom * 1.2, "top {top} bottom {bottom}");

    // Priorities: every theme, ranked, child marriage near the top, evidence attached.
    assert_eq!(b.priorities.len(), 9);
    assert!(b.priorities.windows(2).all(|w| w[0].score >= w[1].score));
    let cm_rank = b
        .priorities
        .iter()
        .find(|p| p.theme == "child_marriage")
        .unwrap()
        .rank;
    assert!(cm_rank <= 3, "child marriage ranked {cm_rank}");
    assert!(b
        .priorities
        .iter()
        .all(|p| p.affected_villages.len() == p.evidence.villages_affected));
}

#[test]
fn value_api_matches_typed_api_and_reports_paths() {
    let d = district(5);
    let data = d.dataset();
    let value = serde_json::to_value(&data).unwrap();
    let via_value = baseline_value(&value, &ctx()).unwrap();
    let direct = baseline(&DnaRules::default(), &data);
    assert_eq!(via_value.villages, direct.villages);
    assert_eq!(via_value.priorities, direct.priorities);
    // The result crosses to Python and JS as JSON and back unchanged.
    let json = serde_json::to_value(&direct).unwrap();
    assert!(json["villages"][0]["themes"][0]["agreement"].is_number());
    let back: suraksha::dna::Baseline = serde_json::from_value(json).unwrap();
    assert_eq!(back, direct);

    let mut bad = value.clone();
    bad["villages"][3]["findings"][0]["theme"] = json!("witchcraft");
    bad["blocks"][1]["id"] = bad["blocks"][0]["id"].clone();
    bad["extra"] = json!(1);
    bad["villages"][7]["geography"] = bad["villages"][6]["geography"].clone();
    let report = baseline_value(&bad, &ctx()).unwrap_err();
    let got: BTreeSet<(String, String)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.path.clone()))
        .collect();
    assert!(
        got.contains(&(
            "dna_unknown_theme".into(),
            "/villages/3/findings/0/theme".into()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&("duplicate_id".into(), "/blocks/1/id".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("unknown_field".into(), "/extra".into())),
        "{got:?}"
    );
    assert!(!baseline_value(&json!([1]), &ctx()).unwrap_err().valid);
}

#[test]
fn a_profile_patch_reweights_the_index() {
    let data = district(3).dataset();
    let patch = json!({"dna": {"themes": {"safe_spaces": {"weight": 50.0}}}});
    let profile = suraksha::RuleProfile::from_json_patch(&patch).unwrap();
    let base = baseline(&DnaRules::default(), &data);
    let heavy = baseline(&profile.dna, &data);
    let order = |b: &suraksha::dna::Baseline| {
        b.villages
            .iter()
            .map(|v| v.record_id.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(
        order(&base),
        order(&heavy),
        "a heavy theme weight changes the ranking"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn agreement_is_bounded_and_one_when_unanimous(s in proptest::collection::vec(0u8..=4, 2..8), k in 0u8..=4) {
        let a = agreement(&s, 4).unwrap();
        prop_assert!((0.0..=1.0).contains(&a));
        prop_assert_eq!(agreement(&vec![k; s.len()], 4), Some(1.0));
        prop_assert_eq!(agreement(&s[..1], 4), None);
    }

    #[test]
    fn ranking_is_a_permutation_for_any_subset(seed in 0u64..1000, keep in 1usize..63) {
        let mut data = district(seed).dataset();
        data.villages.truncate(keep);
        let b = baseline(&DnaRules::default(), &data);
        let ranks: BTreeSet<usize> = b.villages.iter().map(|v| v.rank).collect();
        prop_assert_eq!(ranks, (1..=keep).collect::<BTreeSet<_>>());
        prop_assert!(b.villages.iter().all(|v| (0.0..=100.0).contains(&v.index)));
        prop_assert!(b.priorities.iter().all(|p| (0.0..=100.0).contains(&p.score)));
    }
}
