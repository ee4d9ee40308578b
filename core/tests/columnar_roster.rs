//! The columnar roster path (CSV, Arrow) gives exactly what the row path gives:
//! the same columns and the same rejected rows with the same reports.
#![cfg(feature = "arrow")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use suraksha::columnar::{
    csv_batches, read_roster, roster_columnar, roster_columns, roster_partial, RosterPath,
    RosterRead,
};
use suraksha::indicators::{csv_values, AgeBands, Catalogue, Engine, RosterColumns};
use suraksha::{Context, Locale, RuleProfile};

const SAMPLE: &str = include_str!("../../examples/district/roster.csv");

fn ctx() -> Context<'static> {
    Context {
        profile: std::borrow::Cow::Owned(RuleProfile::default()),
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        locale: Locale::En,
        ..Default::default()
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

/// The sample with its survey-design and chores columns (the last four)
/// filled, some of them out of the row schema's bounds.
fn designed() -> String {
    let mut out = String::new();
    for (i, line) in SAMPLE.lines().take(300).enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        let extra = match i {
            0 => "chores_hours,weight,stratum,cluster".to_owned(),
            5 => "3,0,1,2".to_owned(),   // weight below its minimum
            6 => "3,1.5,0,2".to_owned(), // stratum below 1
            7 => "3,2,1,2.5".to_owned(), // fractional cluster
            8 => "200,2,1,2".to_owned(), // chores over a week's hours
            9 => ",,,".to_owned(),       // all absent: the defaults
            _ => format!("{},{}.25,{},{}", i % 30, 1 + i % 3, 1 + i % 2, 1 + i % 7),
        };
        out.push_str(&cells[..cells.len() - 4].join(","));
        out.push(',');
        out.push_str(&extra);
        out.push('\n');
    }
    out
}

#[test]
fn csv_columnar_equals_rows() {
    let ctx = ctx();
    for text in [SAMPLE.to_owned(), broken(), designed()] {
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
    let bad: Vec<usize> = read_roster(&designed(), &ctx)
        .unwrap()
        .1
        .iter()
        .map(|r| r.row)
        .collect();
    assert_eq!(bad, vec![4, 5, 6, 7]);
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
    ) + &format!(
        " {} {:?} {:?} {:?} {:?}",
        c.social_group[i],
        c.chores_hours.get(i),
        c.weight.get(i),
        c.stratum.get(i),
        c.cluster.get(i)
    )
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

#[test]
fn csv_shape_errors_equal_the_row_reader() {
    let ctx = ctx();
    let ragged = "district,block,village,household,sex,age\n1,2,3,h1,female,12\n1,2,3,h1,male\n";
    let twice = "district,block,village,household,sex,age,age\n1,2,3,h1,female,12,12\n";
    for text in [ragged, twice, ""] {
        let columnar = read_roster(text, &ctx).unwrap_err().into_report();
        let rows = suraksha::indicators::read_roster(text, &ctx).unwrap_err();
        assert_eq!(columnar, rows);
        assert!(!columnar.diagnostics.is_empty());
    }
}

/// Date and timestamp columns (a pandas `datetime64` column is a timestamp;
/// a zoned one counts in its own zone) give the same roster as date text.
#[test]
fn date_and_timestamp_columns_read_as_dates() {
    use std::sync::Arc;

    use arrow_array::{
        Array, ArrayRef, Date64Array, RecordBatch, StringArray, TimestampNanosecondArray,
    };
    use arrow_schema::{Field, Schema};

    let ctx = ctx();
    // Every fifth row gets a birth date (the sample has none): the day after
    // its survey date, 12 years before, so a date read one day off changes the age.
    let text: String = SAMPLE
        .lines()
        .take(500)
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            if let Some(survey) = NaiveDate::parse_from_str(&cells[7], "%Y-%m-%d")
                .ok()
                .filter(|_| i % 5 == 0)
            {
                let birth = survey.succ_opt().unwrap() - chrono::Months::new(144);
                cells[6] = birth.to_string();
            }
            cells.join(",") + "\n"
        })
        .collect();
    let batch = &csv_batches(&text).unwrap()[0];
    let read = RosterRead {
        text_cells: true,
        ..Default::default()
    };
    let want = roster_columns(std::slice::from_ref(batch), read, &ctx).unwrap();
    let days = |v: Option<&str>| {
        v.map(|s| {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
        })
    };
    let nanos = |d: i64, offset_s: i64| (d * 86_400 - offset_s) * 1_000_000_000;
    for (birth_tz, survey) in [(None, "date64"), (Some("Asia/Kolkata"), "ts+05:30")] {
        let mut fields = Vec::new();
        let mut columns: Vec<ArrayRef> = Vec::new();
        for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
            let cells = c.as_any().downcast_ref::<StringArray>().unwrap();
            let array: ArrayRef = match f.name().as_str() {
                "birth_date" => {
                    // Midnight where recorded: 00:00 in India is 18:30 UTC the day before.
                    let offset = if birth_tz.is_some() { 19_800 } else { 0 };
                    let a: TimestampNanosecondArray = cells
                        .iter()
                        .map(|v| days(v).map(|d| nanos(d, offset) + 3_600_000_000_000))
                        .collect();
                    Arc::new(a.with_timezone_opt(birth_tz))
                }
                "survey_date" if survey == "date64" => Arc::new(
                    cells
                        .iter()
                        .map(|v| days(v).map(|d| d * 86_400_000))
                        .collect::<Date64Array>(),
                ),
                "survey_date" => {
                    let a: TimestampNanosecondArray = cells
                        .iter()
                        .map(|v| days(v).map(|d| nanos(d, 19_800)))
                        .collect();
                    Arc::new(a.with_timezone("+05:30"))
                }
                _ => c.clone(),
            };
            fields.push(Field::new(f.name(), array.data_type().clone(), true));
            columns.push(array);
        }
        let typed = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap();
        assert!(typed.column_by_name("birth_date").unwrap().null_count() < typed.num_rows());
        let got = roster_columns(&[typed], read, &ctx).unwrap();
        assert_eq!(got.1, want.1, "{survey}");
        assert_eq!(got.0, want.0, "{survey}");
    }
}

/// Typed columns (numbers of several widths, dictionaries, booleans, dates,
/// nulls throughout) with cells the row schema rejects: the columnar path
/// gives the row path's columns and rejected rows.
#[test]
fn typed_columns_equal_rows() {
    use std::sync::Arc;

    use arrow_array::types::Int8Type;
    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int16Array, Int32Array,
        RecordBatch, StringArray,
    };
    use arrow_schema::{Field, Schema};

    let ctx = ctx();
    let mut text = broken();
    // Runs of survey dates, a null and a short run of a future date (a
    // rejection) inside them, so a date reader that keeps the last day it
    // read must notice each change.
    text = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            if i > 200 && cells[7] == "2026-10-01" {
                cells[7] = "2026-10-02".to_owned();
            }
            if i == 150 {
                cells[7] = String::new();
            }
            if (250..253).contains(&i) {
                cells[7] = "2099-01-01".to_owned();
            }
            cells.join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let batch = &csv_batches(&text).unwrap()[0];
    let days = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(|d| (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32)
    };
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
        let cells: Vec<Option<&str>> = c
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap()
            .iter()
            .map(|v| v.filter(|s| !s.is_empty()))
            .collect();
        let number = |s: &Option<&str>| s.and_then(|s| s.parse::<f64>().ok());
        let array: ArrayRef = match f.name().as_str() {
            "district" | "block" | "village" => Arc::new(
                cells
                    .iter()
                    .map(|s| number(s).map(|x| x as i32))
                    .collect::<Int32Array>(),
            ),
            "work_hours" | "chores_hours" => Arc::new(
                cells
                    .iter()
                    .map(|s| number(s).map(|x| x as i16))
                    .collect::<Int16Array>(),
            ),
            // Floats keep the fractional and out-of-range ages.
            "age" | "age_at_marriage" | "weight" | "stratum" | "cluster" => {
                Arc::new(cells.iter().map(number).collect::<Float64Array>())
            }
            "sex" | "school_status" | "work" | "marital_status" | "social_group" => {
                Arc::new(cells.iter().copied().collect::<DictionaryArray<Int8Type>>())
            }
            "birth_registered" | "disability" => Arc::new(
                cells
                    .iter()
                    .map(|s| s.and_then(|s| s.parse::<bool>().ok()))
                    .collect::<BooleanArray>(),
            ),
            "survey_date" => Arc::new(
                cells
                    .iter()
                    .map(|s| s.and_then(days))
                    .collect::<Date32Array>(),
            ),
            "household" => c.clone(),
            _ => continue, // birth_date: all empty
        };
        fields.push(Field::new(f.name(), array.data_type().clone(), true));
        columns.push(array);
    }
    let typed = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap();
    let typed = [
        typed.slice(0, 180),
        typed.slice(180, typed.num_rows() - 180),
    ];
    assert!(roster_columnar(&typed, false));
    let auto = roster_columns(&typed, RosterRead::default(), &ctx).unwrap();
    let rows = RosterRead {
        path: RosterPath::Rows,
        text_cells: false,
    };
    let by_rows = roster_columns(&typed, rows, &ctx).unwrap();
    assert_eq!(auto.1, by_rows.1);
    let rejected: Vec<usize> = auto.1.iter().map(|r| r.row).collect();
    for row in [3, 7, 9, 20, 25, 249, 250, 251] {
        assert!(rejected.contains(&row), "row {row} not among {rejected:?}");
    }
    let mut a: Vec<_> = (0..auto.0.len()).map(|i| row(&auto.0, i)).collect();
    let mut b: Vec<_> = (0..by_rows.0.len()).map(|i| row(&by_rows.0, i)).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}
