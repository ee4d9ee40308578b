//! Disclosure control of the district report against a reader with every
//! published table and the catalogue's nestings: each hidden numerator keeps
//! a feasible range at least as wide as the protection width (LP reader, the
//! crate's own solver; the Python suite repeats the attack with HiGHS as an
//! integer programme), no hidden cell is given exactly by the published
//! denominators, and a small category never costs a large figure.
//!
//! `SURAKSHA_AUDIT_DUMP=dir` writes each report and its unsuppressed tables,
//! which is what the Python audit reads when run by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use suraksha::indicators::generate::{roster_columns, SAMPLE_HOUSEHOLDS, SAMPLE_SEED};
use suraksha::indicators::{
    feasible_range, feasible_range_nested, is_safe, is_safe_nested, suppress, suppress_nested,
    AgeBands, Catalogue, Count, Dimension, Engine, GeoLevel, Group, Nest, Suppression,
    TableOptions,
};
use suraksha::report::{build, DistrictReport, ReportInput};

fn report_of(seed: u64, households: u32) -> (DistrictReport, suraksha::indicators::Partial) {
    report_of_columns(&roster_columns(seed, households))
}

/// The district report of a roster, and its unsuppressed partial (the truth).
fn report_of_columns(
    columns: &suraksha::indicators::RosterColumns,
) -> (DistrictReport, suraksha::indicators::Partial) {
    let report = build(ReportInput {
        district_name: "Madhubani".into(),
        roster: columns,
        rejected: &[],
        baseline: None,
        options: TableOptions::default(),
        names: Default::default(),
        locale: suraksha::Locale::En,
    })
    .unwrap();
    let cat = Catalogue::builtin().unwrap();
    let partial = Engine::new(&cat, AgeBands::default())
        .unwrap()
        .accumulate(columns)
        .unwrap();
    (report, partial)
}

fn report_opts() -> TableOptions {
    TableOptions {
        level: GeoLevel::Village,
        by: vec![Dimension::Sex],
        ..TableOptions::default()
    }
}

fn audit(seed: u64, households: u32, name: &str) {
    let (report, partial) = report_of(seed, households);
    let opts = report_opts();
    let rule = report.indicators[0].options.suppression;
    assert_eq!(
        (rule.threshold, rule.complement, rule.protection),
        (Some(10), Some(true), Some(10)),
        "the report states the rule it used"
    );
    let cat = Catalogue::builtin().unwrap();
    let truth = partial
        .tables(
            &Catalogue::builtin().unwrap(),
            &TableOptions {
                suppression: Suppression {
                    enabled: false,
                    ..Suppression::default()
                },
                ..opts.clone()
            },
        )
        .unwrap();
    let mut hidden_cells = 0;
    for (t, truth) in report.indicators.iter().zip(&truth) {
        let m = partial
            .suppression_model(&cat, &t.indicator, &opts)
            .unwrap();
        assert!(
            is_safe_nested(&m.cells, &m.groups, &m.nests, &m.hidden, &rule),
            "{name}: {}",
            t.indicator
        );
        // The table shows what the joint model hides.
        let own = m.range(&t.indicator).unwrap();
        assert_eq!(
            m.hidden[own].to_vec(),
            t.rows.iter().map(|r| r.suppressed).collect::<Vec<_>>()
        );
        hidden_cells += t.rows.iter().filter(|r| r.suppressed).count();
        // A district figure is hidden only for its own small count: never for
        // a handful of "other", which is left out of the table instead.
        for r in t.rows.iter().filter(|r| r.block.is_none() && r.suppressed) {
            let c = truth
                .rows
                .iter()
                .find(|u| u.block.is_none() && u.breakdown == r.breakdown)
                .unwrap();
            let count = suraksha::indicators::Count {
                numerator: c.numerator.unwrap(),
                denominator: c.denominator.unwrap(),
                ..Default::default()
            };
            assert!(
                rule.primary(count),
                "{name}: {} district row hidden: {r:?}",
                t.indicator
            );
        }
        for r in &t.rows {
            assert_ne!(r.breakdown.get("sex").map(String::as_str), Some("other"));
        }
    }
    assert!(
        hidden_cells > 0,
        "{name}: the roster is small, some cells must be hidden"
    );
    if let Ok(dir) = std::env::var("SURAKSHA_AUDIT_DUMP") {
        let dump = serde_json::json!({"report": report, "truth": truth});
        std::fs::write(format!("{dir}/{name}.json"), dump.to_string()).unwrap();
    }
}

#[test]
fn the_demo_report_holds_against_the_lp_reader() {
    audit(SAMPLE_SEED, SAMPLE_HOUSEHOLDS, "demo");
}

#[test]
fn a_generated_district_holds_against_the_lp_reader() {
    audit(7, 10, "district63");
}

fn count(numerator: u64, denominator: u64) -> Count {
    Count {
        numerator,
        denominator,
        ..Count::default()
    }
}

/// Two small tables, a total and two parts each (denominators 20 a part),
/// whose numerators are nested cell by cell (inner ≤ outer): inner 8 + 10 =
/// 18, outer 10 + 10 = 20. Cells 0–2 are the inner table, 3–5 the outer.
fn nested_pair() -> (Vec<Count>, Vec<Group>, Vec<Nest>) {
    let cells = vec![
        count(18, 40),
        count(8, 20),
        count(10, 20),
        count(20, 40),
        count(10, 20),
        count(10, 20),
    ];
    let groups = vec![
        Group {
            total: 0,
            children: vec![1, 2],
        },
        Group {
            total: 3,
            children: vec![4, 5],
        },
    ];
    let nests = (0..3)
        .map(|i| Nest {
            inner: i,
            outer: i + 3,
        })
        .collect();
    (cells, groups, nests)
}

/// The whole-number range of every cell a reader with the published cells,
/// both sums and the order can work out, by trying every value of the four
/// parts (the totals are their sums).
fn integer_ranges(cells: &[Count], hidden: &[bool]) -> Vec<(u64, u64)> {
    let mut ranges = vec![(u64::MAX, 0); cells.len()];
    let d = cells[1].denominator;
    for a in 0..=d {
        for b in 0..=d {
            for c in 0..=d {
                for e in 0..=d {
                    let v = [a + b, a, b, c + e, c, e];
                    let consistent = (0..6).all(|i| hidden[i] || v[i] == cells[i].numerator)
                        && (0..3).all(|i| v[i] <= v[i + 3]);
                    if consistent {
                        for (r, x) in ranges.iter_mut().zip(v) {
                            *r = (r.0.min(x), r.1.max(x));
                        }
                    }
                }
            }
        }
    }
    ranges
}

#[test]
fn nested_tables_suppressed_apart_are_broken_by_the_order() {
    let (cells, groups, nests) = nested_pair();
    let rule = Suppression::default();
    // Each table on its own: the 8 is hidden with the 10 beside it, the outer table is all published.
    let inner = suppress(&cells[..3], &groups[..1], &rule);
    let outer_groups = [Group {
        total: 0,
        children: vec![1, 2],
    }];
    let outer = suppress(&cells[3..], &outer_groups, &rule);
    let apart: Vec<bool> = inner.into_iter().chain(outer).collect();
    assert_eq!(apart, [false, true, true, false, false, false]);
    // Each table alone is safe ...
    assert!(is_safe(&cells, &groups, &apart, &rule));
    let (lo, hi) = feasible_range(&cells, &groups, &apart, 1).unwrap();
    assert!(hi - lo >= 10.0, "{lo} {hi}");
    // ... but 8 + x = 18 with both parts at most the outer 10s leaves 8 to 10.
    assert!(!is_safe_nested(&cells, &groups, &nests, &apart, &rule));
    let (lo, hi) = feasible_range_nested(&cells, &groups, &nests, &apart, 1).unwrap();
    assert!(
        (lo - 8.0).abs() < 1e-9 && (hi - 10.0).abs() < 1e-9,
        "{lo} {hi}"
    );
    assert_eq!(integer_ranges(&cells, &apart)[1], (8, 10));
}

#[test]
fn nested_tables_suppressed_together_hold() {
    let (cells, groups, nests) = nested_pair();
    let rule = Suppression::default();
    let hidden = suppress_nested(&cells, &groups, &nests, &rule);
    assert!(hidden[1], "the small cell is hidden");
    // The outer table must give up cells too: its 10s bound the inner parts.
    assert!(hidden[3..].iter().any(|h| *h), "{hidden:?}");
    // Minimal: not everything is hidden.
    assert!(hidden.iter().any(|h| !h), "{hidden:?}");
    assert!(is_safe_nested(&cells, &groups, &nests, &hidden, &rule));
    // The integer reader agrees: every hidden positive cell keeps min(p, d).
    let ranges = integer_ranges(&cells, &hidden);
    for (i, c) in cells.iter().enumerate() {
        if hidden[i] && c.numerator > 0 {
            let (lo, hi) = ranges[i];
            assert!(lo <= c.numerator && c.numerator <= hi);
            assert!(
                hi - lo >= rule.width().min(c.denominator),
                "cell {i}: {lo}..{hi} with {hidden:?}"
            );
        }
    }
}

#[test]
fn the_catalogue_states_its_nestings_and_checks_them() {
    let cat = Catalogue::builtin().unwrap();
    assert_eq!(
        cat.nestings(),
        [("sdg_5_3_1_before_15", "sdg_5_3_1_before_18")]
    );
    let value = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = serde_json::to_value(&cat).unwrap();
        f(&mut v);
        Catalogue::from_value(&v)
    };
    let at = |v: &mut serde_json::Value, id: &str| -> usize {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .position(|i| i["id"] == id)
            .unwrap()
    };
    // Nested in an indicator that is not there.
    let err = value(&|v| {
        let i = at(v, "sdg_5_3_1_before_15");
        v["indicators"][i]["nested_in"] = "married_before_12".into();
    })
    .unwrap_err();
    assert!(err.to_string().contains("not in the catalogue"), "{err}");
    // Nested in an indicator over other people.
    let err = value(&|v| {
        let i = at(v, "sdg_5_3_1_before_15");
        v["indicators"][i]["nested_in"] = "girls_15_17_married".into();
    })
    .unwrap_err();
    assert!(err.to_string().contains("denominator"), "{err}");
    // A cycle.
    let err = value(&|v| {
        let i = at(v, "sdg_5_3_1_before_18");
        v["indicators"][i]["nested_in"] = "sdg_5_3_1_before_15".into();
    })
    .unwrap_err();
    assert!(err.to_string().contains("nested in itself"), "{err}");
    // Selecting the inner indicator alone drops the nesting: the outer table is not published.
    let alone = cat.select(&["sdg_5_3_1_before_15"]).unwrap();
    assert!(alone.nestings().is_empty());
    assert!(alone.compile().is_ok());
}

#[test]
fn a_nested_table_is_the_same_built_alone_or_with_the_others() {
    let columns = roster_columns(7, 10);
    let cat = Catalogue::builtin().unwrap();
    let partial = Engine::new(&cat, AgeBands::default())
        .unwrap()
        .accumulate(&columns)
        .unwrap();
    let opts = report_opts();
    let all = partial.tables(&cat, &opts).unwrap();
    for id in ["sdg_5_3_1_before_15", "sdg_5_3_1_before_18"] {
        let alone = partial.table(&cat, id, &opts).unwrap();
        assert_eq!(Some(&alone), all.iter().find(|t| t.indicator == id));
    }
}

/// The published report's cells of each table by place and breakdown, with
/// their true counts (the suppression model's cells, in row order).
type Cells = std::collections::BTreeMap<(Option<u32>, Option<u32>, String), (Count, bool)>;

fn cells_of(
    report: &DistrictReport,
    partial: &suraksha::indicators::Partial,
) -> Vec<(String, Cells)> {
    let cat = Catalogue::builtin().unwrap();
    report
        .indicators
        .iter()
        .map(|t| {
            let m = partial
                .suppression_model(&cat, &t.indicator, &report_opts())
                .unwrap();
            let own = m.range(&t.indicator).unwrap();
            let cells = t
                .rows
                .iter()
                .zip(&m.cells[own])
                .map(|(r, c)| {
                    let sex = r.breakdown.get("sex").cloned().unwrap_or_default();
                    ((r.block, r.village, sex), (*c, r.suppressed))
                })
                .collect();
            (t.indicator.clone(), cells)
        })
        .collect()
}

#[test]
fn no_hidden_cell_is_given_by_the_published_denominators() {
    // The demo roster with a few children 6-14 in each village whose school status was not recorded.
    let mut columns = roster_columns(SAMPLE_SEED, SAMPLE_HOUSEHOLDS);
    let mut n = 0;
    for i in 0..columns.age.len() {
        if (6..=14).contains(&columns.age[i]) {
            n += 1;
            if n % 40 == 0 {
                columns.school_status[i] = suraksha::indicators::MISSING;
            }
        }
    }
    let (report, partial) = report_of_columns(&columns);
    let tables = cells_of(&report, &partial);
    // A numerator equal, in every cell, to one published denominator less
    // another is known to any reader: it must hide nothing.
    let mut found = Vec::new();
    for (x, xs) in &tables {
        for (a, as_) in &tables {
            for (b, bs) in &tables {
                if a == b {
                    continue;
                }
                let holds = xs.iter().all(|(k, (c, _))| match (as_.get(k), bs.get(k)) {
                    (Some((ca, _)), Some((cb, _))) => {
                        ca.denominator.checked_sub(cb.denominator) == Some(c.numerator)
                    }
                    _ => false,
                });
                if holds && xs.values().any(|(c, _)| c.numerator > 0) {
                    found.push((x.as_str(), a.as_str(), b.as_str()));
                    assert!(
                        !xs.values().any(|(c, h)| *h && c.numerator > 0),
                        "{x} = den({a}) - den({b}) in every cell, yet some cells are hidden"
                    );
                }
            }
        }
    }
    // The one such relation of the catalogue: status unknown = all 6-14 less those with a known status.
    assert_eq!(
        found,
        [(
            "school_status_unknown_6_14",
            "school_status_unknown_6_14",
            "out_of_school_6_14"
        )]
    );
    // It is published in full, small counts included, and says why.
    let unknown = report
        .indicators
        .iter()
        .find(|t| t.indicator == "school_status_unknown_6_14")
        .unwrap();
    assert!(unknown.unsuppressed.is_some());
    assert!(unknown
        .rows
        .iter()
        .any(|r| r.numerator.is_some_and(|x| (1..10).contains(&x))));
    assert!(unknown.rows.iter().all(|r| !r.suppressed));
    // Every sensitive table still hides its small cells.
    for t in report
        .indicators
        .iter()
        .filter(|t| t.unsuppressed.is_none())
    {
        assert!(t
            .rows
            .iter()
            .all(|r| r.numerator.is_none_or(|x| x == 0 || x >= 10)));
    }
}

#[test]
fn the_disclosure_rule_comes_from_the_profile() {
    use suraksha::pipeline::{district_report, DistrictOptions, RosterInput};
    let columns = roster_columns(7, 10);
    let report_with = |profile: serde_json::Value, suppression: Suppression| {
        let ctx = suraksha::context::Options {
            profile: Some(profile),
            ..Default::default()
        }
        .context()
        .unwrap();
        let options = DistrictOptions {
            district_name: "Madhubani".into(),
            table_options: TableOptions {
                suppression,
                ..TableOptions::default()
            },
            ..Default::default()
        };
        district_report(RosterInput::Columns(&columns, &[]), &[], options, &ctx).unwrap()
    };
    let stated = |r: &DistrictReport| {
        let s = r.indicators[0].options.suppression;
        (s.threshold, s.complement, s.protection)
    };
    let hidden = |r: &DistrictReport| {
        r.indicators
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| r.suppressed)
            .count()
    };
    let default = report_with(serde_json::json!({}), Suppression::default());
    assert_eq!(stated(&default), (Some(10), Some(true), Some(10)));
    // A state profile with k = 5 and p = 8: fewer cells hidden.
    let five = report_with(
        serde_json::json!({"disclosure": {"threshold": 5, "protection": 8}}),
        Suppression::default(),
    );
    assert_eq!(stated(&five), (Some(5), Some(true), Some(8)));
    assert!(hidden(&five) < hidden(&default));
    // The call's own values win over the profile's.
    let call = report_with(
        serde_json::json!({"disclosure": {"threshold": 5}}),
        Suppression {
            threshold: Some(11),
            complement: Some(false),
            ..Suppression::default()
        },
    );
    assert_eq!(stated(&call), (Some(11), Some(false), Some(11)));
    // A bad rule is refused with the profile.
    assert!(suraksha::context::Options {
        profile: Some(serde_json::json!({"disclosure": {"threshold": 0}})),
        ..Default::default()
    }
    .context()
    .is_err());
}
