//! Rust validation throughput, printed as JSON lines for `scripts/bench.sh`:
//! one parsed case, valid and with one wrong choice (median µs), NDJSON parse + validate (MB/s on one core and
//! on all cores, through `batch::validate_batch`), and serde_json to `Value`
//! alone as the floor. `cargo bench -p suraksha --bench batch [-- LINES]`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a bench: fail loudly

use std::time::Instant;

use suraksha::batch::{validate_batch, Input, Mode, Output};
use suraksha::{api, Context, Kind, Locale};

const CASE: &str = include_str!("../../examples/records/case.json");

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let lines: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5000);
    let ctx = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        ..Context::default()
    };
    let value = api::parse_json(CASE, Locale::En).unwrap();
    assert!(api::validate(Kind::Case, &value, &ctx).valid);
    let per_case = |v: &serde_json::Value| {
        let mut one = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            for _ in 0..200 {
                std::hint::black_box(api::validate(Kind::Case, v, &ctx));
            }
            one.push(t.elapsed().as_secs_f64() / 200.0);
        }
        median(one) * 1e6
    };
    println!(
        "{{\"what\": \"rust one parsed case\", \"us\": {:.2}}}",
        per_case(&value)
    );
    // The same case with one wrong choice: what a failing record costs.
    let mut wrong = value.clone();
    wrong["child"]["sex"] = "robot".into();
    assert!(!api::validate(Kind::Case, &wrong, &ctx).valid);
    println!(
        "{{\"what\": \"rust one parsed case, one wrong choice\", \"us\": {:.2}}}",
        per_case(&wrong)
    );

    let line = serde_json::to_string(&value).unwrap();
    let ndjson: String = (0..lines).map(|_| format!("{line}\n")).collect();
    let mb = ndjson.len() as f64 / 1e6;
    let run = || {
        let t = Instant::now();
        let out = validate_batch(
            Kind::Case,
            Input::Ndjson(ndjson.as_bytes()),
            &ctx,
            Mode::Summary,
        );
        let Output::Summary(s) = out else {
            panic!("summary")
        };
        assert_eq!(s.valid as usize, lines);
        t.elapsed().as_secs_f64()
    };
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = median((0..5).map(|_| one_core.install(run)).collect());
    let all = median((0..5).map(|_| run()).collect());
    let floor = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                for l in ndjson.lines() {
                    std::hint::black_box(serde_json::from_str::<serde_json::Value>(l).unwrap());
                }
                t.elapsed().as_secs_f64()
            })
            .collect(),
    );
    println!(
        "{{\"what\": \"rust NDJSON parse + validate, one core\", \"mb_per_s\": {:.1}}}",
        mb / single
    );
    println!(
        "{{\"what\": \"rust NDJSON parse + validate, all cores ({})\", \"mb_per_s\": {:.1}}}",
        rayon::current_num_threads(),
        mb / all
    );
    println!(
        "{{\"what\": \"serde_json to Value alone, one core\", \"mb_per_s\": {:.1}}}",
        mb / floor
    );
}
