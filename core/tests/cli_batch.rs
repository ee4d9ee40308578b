//! `suraksha validate-many`: NDJSON streamed a chunk at a time; one row line
//! per record (numbered across chunks), or with `--summary` the counts and the
//! invalid records only; exit 1 when any record is invalid.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;
use suraksha::batch::CHUNK;

fn run(args: &[&str], input: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_suraksha"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn ndjson() -> String {
    let good: Value =
        serde_json::from_str(include_str!("../../examples/records/referral.json")).unwrap();
    let mut text = String::new();
    for i in 0..CHUNK + 10 {
        let line = match i {
            3 => "{\"id\": \"R1\"}".to_owned(),
            7 => "{oops".to_owned(),
            i if i == CHUNK + 5 => "[]".to_owned(),
            _ => good.to_string(),
        };
        text.push_str(&line);
        text.push('\n');
        if i == 10 {
            text.push_str("   \n"); // blank lines are no records
        }
    }
    text
}

#[test]
fn full_mode_writes_a_row_per_record_across_chunks() {
    let (code, out) = run(&["validate-many", "referral", "-"], &ndjson());
    assert_eq!(code, Some(1));
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), CHUNK + 10);
    let invalid: Vec<u64> = rows
        .iter()
        .filter(|r| r["report"]["valid"] == false)
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    assert_eq!(invalid, vec![3, 7, (CHUNK + 5) as u64]);
    assert!(rows.iter().enumerate().all(|(i, r)| r["row"] == i));
}

#[test]
fn summary_keeps_counts_and_invalid_rows_only() {
    let (code, out) = run(&["validate-many", "referral", "-", "--summary"], &ndjson());
    assert_eq!(code, Some(1));
    let s: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["rows"], CHUNK + 10);
    assert_eq!(s["invalid"], 3);
    assert_eq!(s["valid"], CHUNK + 7);
    assert_eq!(s["codes"]["malformed_json"], 1);
    let rows: Vec<u64> = s["invalid_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, vec![3, 7, (CHUNK + 5) as u64]);
    let good = include_str!("../../examples/records/referral.json").replace('\n', " ");
    let (code, _) = run(&["validate-many", "referral", "-", "--summary"], &good);
    assert_eq!(code, Some(0));
}
