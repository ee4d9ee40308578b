//! Disclosure control of the district report against a reader with every
//! published table: each hidden numerator keeps a feasible range at least as
//! wide as the protection width (LP reader, the crate's own solver; the Python
//! suite repeats the attack with HiGHS as an integer programme), and a small
//! category never costs a large figure.
//!
//! `SURAKSHA_AUDIT_DUMP=dir` writes each report and its unsuppressed tables,
//! which is what the Python audit reads when run by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use suraksha::indicators::generate::{roster_columns, SAMPLE_HOUSEHOLDS, SAMPLE_SEED};
use suraksha::indicators::{
    is_safe, AgeBands, Catalogue, Dimension, Engine, GeoLevel, Suppression, TableOptions,
};
use suraksha::report::{build, DistrictReport, ReportInput};

fn report_of(seed: u64, households: u32) -> (DistrictReport, suraksha::indicators::Partial) {
    let columns = roster_columns(seed, households);
    let report = build(ReportInput {
        district_name: "Madhubani".into(),
        roster: &columns,
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
        .accumulate(&columns)
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
    let rule = Suppression::default();
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
        let (cells, groups, hidden) = partial.suppression_model(&t.indicator, &opts).unwrap();
        assert!(
            is_safe(&cells, &groups, &hidden, &rule),
            "{name}: {}",
            t.indicator
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
