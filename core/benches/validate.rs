//! Validation speed, one JSON line per measurement (for BENCHMARKS.md):
//!
//! - `case_value`: validating one parsed, valid case (`api::validate` on a
//!   `serde_json::Value`), µs per record, median of many batches;
//! - `ndjson_validate`: NDJSON text of valid cases parsed and validated line by
//!   line on one core, MB/s;
//! - `ndjson_parse_only`: the same text parsed to `serde_json::Value` alone, the
//!   floor any Value-based validator sits on.
//!
//! No timing is asserted: run with `cargo bench -p suraksha --bench validate`.
//! `SURAKSHA_BENCH_QUICK=1` runs a few iterations on little text, for
//! profilers that count instructions (`valgrind --tool=callgrind`);
//! `SURAKSHA_BENCH_ONLY=case_value` stops after the single-record measurement.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a bench: fail loudly

use std::hint::black_box;
use std::time::Instant;

use serde_json::Value;
use suraksha::{api, Kind, Options};

const CASE: &str = include_str!("../../examples/records/case.json");

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median over `batches` of the time per iteration of `f` run `iters` times, in seconds.
fn per_iter(batches: usize, iters: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..iters {
        f(); // warm up: the compiled schema, caches, branch predictors
    }
    let samples = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_secs_f64() / iters as f64
        })
        .collect();
    median(samples)
}

fn line(name: &str, unit: &str, value: f64, extra: &str) {
    println!(
        "{{\"bench\":\"{name}\",\"unit\":\"{unit}\",\"median\":{value:.3}{extra},\"suraksha\":\"{}\"}}",
        env!("CARGO_PKG_VERSION")
    );
}

fn main() {
    let quick = std::env::var_os("SURAKSHA_BENCH_QUICK").is_some();
    let (batches, iters, ndjson_bytes) = if quick {
        // Iterations settable, so that two runs' instruction counts differ by records alone.
        let iters = std::env::var("SURAKSHA_BENCH_ITERS")
            .ok()
            .and_then(|s| s.parse().ok());
        (1, iters.unwrap_or(100), 256 << 10)
    } else {
        (31, 2_000, 10 << 20)
    };
    let ctx = Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context()
    .unwrap();
    let case: Value = serde_json::from_str(CASE).unwrap();
    assert!(
        api::validate(Kind::Case, &case, &ctx).valid,
        "the sample case must be valid"
    );

    let secs = per_iter(batches, iters, || {
        black_box(api::validate(Kind::Case, black_box(&case), &ctx));
    });
    line("case_value", "us", secs * 1e6, "");
    if std::env::var("SURAKSHA_BENCH_ONLY").as_deref() == Ok("case_value") {
        return; // a profiler looking at one record alone
    }

    // NDJSON: the sample case with distinct ids, one per line (~10 MB).
    let compact = serde_json::to_string(&case).unwrap();
    let mut text = String::new();
    let mut n = 0usize;
    while text.len() < ndjson_bytes {
        text.push_str(&compact.replacen(
            &format!("\"{}\"", case["id"].as_str().unwrap_or("CASE-1")),
            &format!("\"CASE-{n}\""),
            1,
        ));
        text.push('\n');
        n += 1;
    }
    let mb = text.len() as f64 / 1e6;
    let extra = format!(",\"records\":{n},\"mb\":{mb:.1}");

    let secs = per_iter(if quick { 1 } else { 7 }, 1, || {
        let mut valid = 0usize;
        for l in text.lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            valid += usize::from(api::validate(Kind::Case, &v, &ctx).valid);
        }
        assert_eq!(valid, n);
    });
    line("ndjson_validate", "MB/s", mb / secs, &extra);

    let secs = per_iter(if quick { 1 } else { 7 }, 1, || {
        for l in text.lines() {
            black_box(serde_json::from_str::<Value>(l).unwrap());
        }
    });
    line("ndjson_parse_only", "MB/s", mb / secs, &extra);
}
