//! The columnar roster path (CSV, Arrow) gives exactly what the row path gives:
//! the same columns and the same rejected rows with the same reports.
#![cfg(feature = "arrow")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use suraksha::columnar::{
    csv_batches, roster_columnar, roster_columns, roster_partial, RosterPath, RosterRead,
};
use suraksha::indicators::{csv_values, read_roster, AgeBands, Catalogue, Engine, RosterColumns};
use suraksha::{Context, Locale, RuleProfile};

const SAMPLE: &str = include_str!("../../examples/district/roster.csv");

fn ctx() -> Context<'static> {
    Context {
        profile: std::borrow::Cow::Owned(RuleProfile::default()),
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        locale: Locale::En,
    }
}

/// The sample with broken rows: unknown category, out of range, fractional,
/// missing age, married under 10, a future survey date, a bad flag, a zero LGD code.
fn broken() -> String {
    let mut lines: Vec<String> = SAMPLE.lines().take(400).map(str::to_owned).collect();
    let header: Vec<&str> = SAMPLE.lines().next().unwrap().split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let mut set = |row: usize, name: &str, value: &str| {
        let mut cells: Vec<String> = lines[row + 1].split(',').map(str::to_owned).collect();
        cells[col(name)] = value.to_owned();
        lines[row + 1] = cells.join(",");
    };
    set(3, "sex", "robot");
    set(7, "age", "40");
    set(9, "age", "4.5");
    set(12, "age", "");
    set(20, "age", "8");
    set(20, "marital_status", "married");
    set(20, "age_at_marriage", "8");
    set(25, "survey_date", "2099-01-01");
    set(27, "disability", "maybe");
    set(30, "district", "0");
    set(33, "survey_date", "01/10/2026");
    lines.join("\n") + "\n"
}

#[test]
fn csv_columnar_equals_rows() {
    let ctx = ctx();
    for text in [SAMPLE.to_owned(), broken()] {
        let batches = csv_batches(&text).unwrap();
        assert!(roster_columnar(&batches, true));
        let (cols, rejected) = read_roster(&text, &ctx).unwrap();
        let (want_cols, want_rejected) =
            RosterColumns::from_values(&csv_values(&text).unwrap(), &ctx);
        assert_eq!(rejected, want_rejected);
        // Odd rows are appended after the slice's columnar rows: compare as multisets of rows.
        let mut a: Vec<_> = (0..cols.len()).map(|i| row(&cols, i)).collect();
        let mut b: Vec<_> = (0..want_cols.len()).map(|i| row(&want_cols, i)).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        let rows = RosterRead {
            path: RosterPath::Rows,
            text_cells: true,
        };
        let (_, by_rows) = roster_columns(&batches, rows, &ctx).unwrap();
        assert_eq!(by_rows, want_rejected);
    }
    let bad: Vec<usize> = read_roster(&broken(), &ctx)
        .unwrap()
        .1
        .iter()
        .map(|r| r.row)
        .collect();
    assert_eq!(bad, vec![3, 7, 9, 12, 20, 25, 27, 30, 33]);
}

fn row(c: &RosterColumns, i: usize) -> String {
    format!(
        "{} {} {} {} {} {:?} {} {} {} {} {:?} {}",
        c.district[i],
        c.block[i],
        c.village[i],
        c.sex[i],
        c.age[i],
        c.school_status.get(i),
        c.work[i],
        c.work_hours[i],
        c.marital_status[i],
        c.age_at_marriage[i],
        c.birth_registered[i],
        c.disability[i]
    ) + &c.social_group[i].to_string()
}

#[test]
fn partial_by_slices_equals_one_pass() {
    let ctx = ctx();
    let text = broken();
    let batches = csv_batches(&text).unwrap();
    let catalogue = Catalogue::builtin().unwrap();
    let engine = Engine::new(&catalogue, AgeBands::default()).unwrap();
    let read = RosterRead {
        text_cells: true,
        ..Default::default()
    };
    let (partial, rejected) = roster_partial(&batches, &engine, read, &ctx).unwrap();
    let (cols, want_rejected) = roster_columns(&batches, read, &ctx).unwrap();
    assert_eq!(rejected, want_rejected);
    assert_eq!(partial, engine.accumulate(&cols).unwrap());
}
