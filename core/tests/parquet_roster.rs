//! `suraksha report roster.parquet` (feature `parquet`): a Parquet roster with
//! typed columns (integers, dictionary categories, dates, booleans) gives the
//! same report as the same roster in CSV. Run by `scripts/test.sh` with
//! `--features parquet`.
#![cfg(feature = "parquet")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Date32Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};
use suraksha::columnar::csv_batches;

const SAMPLE: &str = include_str!("../../examples/district/roster.csv");

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("suraksha-parquet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The CSV's text columns as the types a DataFrame would write.
fn typed(batch: &RecordBatch) -> RecordBatch {
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
        let text = c.as_any().downcast_ref::<StringArray>().unwrap();
        let name = f.name().as_str();
        let array: ArrayRef = match name {
            "birth_date" => continue,
            "household" => Arc::new(text.clone()),
            "weight" => Arc::new(
                text.iter()
                    .map(|v| v.map(|s| s.parse::<f64>().unwrap()))
                    .collect::<arrow_array::Float64Array>(),
            ),
            "district" | "block" | "village" | "age" | "work_hours" | "age_at_marriage"
            | "chores_hours" | "stratum" | "cluster" => Arc::new(
                text.iter()
                    .map(|v| v.map(|s| s.parse::<i32>().unwrap()))
                    .collect::<Int32Array>(),
            ),
            "birth_registered" | "disability" => Arc::new(
                text.iter()
                    .map(|v| v.map(|s| s == "true"))
                    .collect::<BooleanArray>(),
            ),
            "survey_date" => Arc::new(
                text.iter()
                    .map(|v| {
                        v.map(|s| {
                            let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
                            (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
                                as i32
                        })
                    })
                    .collect::<Date32Array>(),
            ),
            _ => Arc::new(
                text.iter()
                    .collect::<arrow_array::DictionaryArray<arrow_array::types::Int8Type>>(),
            ),
        };
        fields.push(Field::new(name, array.data_type().clone(), true));
        columns.push(array);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
}

#[test]
fn parquet_roster_reports_like_csv() {
    let dir = scratch();
    let batches = csv_batches(SAMPLE).unwrap();
    let first = typed(&batches[0]);
    let path = dir.join("roster.parquet");
    let file = std::fs::File::create(&path).unwrap();
    let mut writer = parquet::arrow::ArrowWriter::try_new(file, first.schema(), None).unwrap();
    for b in &batches {
        writer.write(&typed(b)).unwrap();
    }
    writer.close().unwrap();
    let csv = dir.join("roster.csv");
    std::fs::write(&csv, SAMPLE).unwrap();
    let report = |roster: &PathBuf, out: &str| {
        let run = Command::new(env!("CARGO_BIN_EXE_suraksha"))
            .args(["report", "--today", "2026-11-23", "--out"])
            .arg(dir.join(out))
            .arg(roster)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(dir.join(out).join("report.json")).unwrap()
    };
    let from_parquet = report(&path, "p");
    assert!(from_parquet.contains("\"roster_rows\""));
    assert_eq!(from_parquet, report(&csv, "c"));
}
