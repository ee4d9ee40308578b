//! The district report reads on a phone and on paper, in English and Hindi:
//! no internal ids or snake_case keys in what a reader sees, Hindi throughout
//! with `--locale hi` (only place names stay in Latin script), every chart
//! keeps a minimum text size, and nothing is folded away from print.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::collections::BTreeSet;

use suraksha::indicators::generate::{roster_rows, survey_date};
use suraksha::indicators::{read_roster, roster_to_csv, TableOptions};
use suraksha::report::{build, html, DistrictReport, ReportInput};
use suraksha::{Context, Locale};

fn report(locale: Locale) -> DistrictReport {
    let rows = roster_rows(9, 12);
    let ctx = Context {
        today: survey_date(),
        ..Context::default()
    };
    let (columns, rejected) = read_roster(&roster_to_csv(&rows), &ctx).unwrap();
    let district = suraksha::dna::generate::sample();
    let baseline =
        suraksha::dna::baseline(&suraksha::dna::DnaRules::default(), &district.dataset());
    build(ReportInput {
        district_name: "Madhubani".into(),
        roster: &columns,
        rejected: &rejected,
        baseline: Some(baseline),
        options: TableOptions::default(),
        names: Default::default(),
        locale,
    })
    .unwrap()
}

/// The text a reader sees: tags, the style sheet and attribute values removed.
fn visible(page: &str) -> String {
    let body = page.split("</style>").nth(1).unwrap_or(page);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Place names (Latin script in the data) may stay as they are.
fn place_words(r: &DistrictReport) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = r
        .names
        .values()
        .flat_map(|n| words(n).map(str::to_owned).collect::<Vec<_>>())
        .collect();
    if let Some(b) = &r.baseline {
        for v in &b.villages {
            for a in [&v.village, &v.block].into_iter().flatten() {
                names.extend(words(&a.name).map(str::to_owned));
            }
        }
    }
    names.extend(words(&r.title).map(str::to_owned));
    names
}

#[test]
fn no_internal_ids_in_either_language() {
    for locale in [Locale::En, Locale::Hi] {
        let page = html(&report(locale));
        let text = visible(&page);
        let snake: Vec<&str> = words(&text).filter(|w| w.contains('_')).collect();
        assert!(snake.is_empty(), "{locale:?}: {snake:?}");
        assert!(
            !page.contains("sdg_5_3_1"),
            "{locale:?}: an indicator id is shown"
        );
    }
}

#[test]
fn hindi_throughout() {
    let r = report(Locale::Hi);
    let text = visible(&html(&r));
    let places = place_words(&r);
    let latin: BTreeSet<&str> = words(&text)
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !places.contains(*w))
        .collect();
    assert!(
        latin.is_empty(),
        "English left in the Hindi report: {latin:?}"
    );
}

#[test]
fn phone_and_print_layout() {
    let page = html(&report(Locale::En));
    assert!(
        page.contains("@media(max-width:700px)")
            && page.contains(".grid{grid-template-columns:1fr}")
    );
    assert!(page.contains("@media print"));
    // Nothing folded: a closed <details> does not print.
    assert!(!page.contains("<details"));
    // Every chart has a minimum width that keeps its smallest text at 11 px or more.
    let charts = page.matches("<svg").count();
    assert!(charts >= 8, "{charts} charts");
    assert_eq!(page.matches("style=\"min-width:").count(), charts);
    // Every axis titled.
    for title in [
        "per cent (%)",
        "vulnerability index (0–100)",
        "mean severity (0 none – 4 severe)",
    ] {
        assert!(page.contains(title), "no axis title {title}");
    }
    assert!(page.contains("What the figures count (higher is worse)"));
}
