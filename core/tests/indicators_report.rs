//! The district report: built from a generated roster and DNA records, it
//! carries only aggregates, suppresses small cells and is self-contained HTML.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use suraksha::indicators::generate::{roster_rows, survey_date};
use suraksha::indicators::{read_roster, roster_to_csv, TableOptions};
use suraksha::report::{build, html, ReportInput};
use suraksha::Context;

fn report(with_dna: bool) -> suraksha::report::DistrictReport {
    report_in(with_dna, suraksha::Locale::En)
}

fn report_in(with_dna: bool, locale: suraksha::Locale) -> suraksha::report::DistrictReport {
    let rows = roster_rows(9, 12);
    let ctx = Context {
        today: survey_date(),
        ..Context::default()
    };
    let (columns, rejected) = read_roster(&roster_to_csv(&rows), &ctx).unwrap();
    let baseline = with_dna.then(|| {
        let district = suraksha::dna::generate::sample();
        suraksha::dna::baseline(&suraksha::dna::DnaRules::default(), &district.dataset())
    });
    build(ReportInput {
        district_name: "Madhubani".into(),
        roster: &columns,
        rejected: &rejected,
        baseline,
        options: TableOptions::default(),
        names: Default::default(),
        locale,
    })
    .unwrap()
}

#[test]
fn the_report_holds_aggregates_only() {
    let r = report(true);
    let json = serde_json::to_string(&r).unwrap();
    // Household ids look like H<village>-<n>: none may reach the report.
    assert!(!json.contains("\"H2"), "a household id leaked");
    assert!(!json.contains("household"));
    assert_eq!(r.indicators.len(), 8);
    // No published numerator is small; every hidden cell shows one mark and
    // no numerator, only its (population) denominator.
    for t in &r.indicators {
        for row in &t.rows {
            assert!(row.denominator.is_some());
            if row.suppressed {
                assert_eq!(row.display, "*");
                assert!(row.numerator.is_none() && row.value.is_none() && row.ci_low.is_none());
            } else {
                let x = row.numerator.unwrap();
                assert!(x == 0 || x >= 10, "published numerator {x}");
            }
        }
    }
    // Village cells of a small roster are small: some must be hidden.
    assert!(r
        .indicators
        .iter()
        .flat_map(|t| &t.rows)
        .any(|row| row.suppressed && row.village.is_some()));
}

#[test]
fn the_html_is_self_contained_and_shows_every_section() {
    let page = html(&report(true));
    for needle in [
        "Indicators by block",
        "Village ranking",
        "Triangulation gaps",
        "DCPP priorities",
        "<svg",
        "Bisfi",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
    for banned in ["<script", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(
            !page.contains(banned),
            "external or active content: {banned}"
        );
    }
}

#[test]
fn without_dna_records_the_report_says_what_is_left_out() {
    let r = report(false);
    assert!(r.baseline.is_none());
    assert!(r.summary().contains("No DNA records given"));
    assert!(html(&r).contains("No DNA records were given"));
    assert!(r
        .summary()
        .contains("Women aged 20-24 first married before age 18"));
}

#[test]
fn the_report_speaks_hindi_when_asked() {
    let r = report_in(true, suraksha::Locale::Hi);
    let summary = r.summary();
    assert!(summary.contains("ज़िला"), "{summary}");
    assert!(summary.contains("20-24 वर्ष की महिलाएँ"));
    let page = html(&r);
    assert!(
        page.contains("lang=\"hi\"")
            && page.contains("प्रखंडवार संकेतक")
            && page.contains("गाँवों की रैंकिंग")
    );
}

#[test]
fn rejected_rows_are_counted_as_rows_without_small_counts() {
    use suraksha::report::RejectedSummary;
    let ctx = Context {
        today: survey_date(),
        ..Context::default()
    };
    let csv = |bad: usize| {
        let mut s = String::from("district,block,village,household,sex,age\n");
        for i in 0..bad {
            // Age 30 is out of the roster's scope; row 0 also lacks a sex.
            let sex = if i == 0 { "" } else { "female" };
            s.push_str(&format!("1,2,3,h{i},{sex},30\n"));
        }
        s.push_str("1,2,3,ok,male,7\n");
        s
    };
    let (_, rejected) = read_roster(&csv(3), &ctx).unwrap();
    assert_eq!(rejected.len(), 3);
    let few = RejectedSummary::of(&rejected, 10);
    assert_eq!(few.rows, "<10");
    assert!(few.by_code.is_empty(), "{few:?}");
    let (_, rejected) = read_roster(&csv(12), &ctx).unwrap();
    assert_eq!(
        rejected.iter().map(|r| r.row).collect::<Vec<_>>(),
        (0..12).collect::<Vec<_>>()
    );
    let many = RejectedSummary::of(&rejected, 10);
    assert_eq!(many.rows, "12");
    // Counted once per row, and only codes with at least 10 rows are named.
    assert_eq!(many.by_code.len(), 1, "{many:?}");
    assert_eq!(many.by_code.values().sum::<usize>(), 12);
}
