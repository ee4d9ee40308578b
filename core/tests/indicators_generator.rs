//! The generator: the engine recovers its true rates, and the shipped sample
//! roster is exactly what the generator draws (`SURAKSHA_BLESS=1` rewrites it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::path::Path;

use suraksha::indicators::generate::{
    roster_columns, roster_rows, village_rates, SAMPLE_HOUSEHOLDS, SAMPLE_SEED,
};
use suraksha::indicators::{
    read_roster, roster_to_csv, AgeBands, Catalogue, Engine, GeoLevel, Suppression, TableOptions,
};
use suraksha::Context;

#[test]
fn engine_recovers_the_generator_rates_within_their_intervals() {
    let (mut misses, mut checks) = (0, 0);
    for seed in [5, 77, 1234, 2026] {
        let (m, c) = misses_for(seed);
        misses += m;
        checks += c;
    }
    // 96 95 % intervals (correlated within a seed): about 5 misses by chance; many more is a bias.
    assert!(
        misses * 10 <= checks,
        "{misses} of {checks} intervals miss the truth"
    );
}

fn misses_for(seed: u64) -> (usize, usize) {
    let cols = roster_columns(seed, 300);
    assert!(cols.len() > 50_000, "{} rows", cols.len());
    let cat = Catalogue::builtin().unwrap();
    let partial = Engine::new(&cat, AgeBands::default())
        .unwrap()
        .accumulate(&cols)
        .unwrap();
    let rates = village_rates(seed);
    let opts = TableOptions {
        level: GeoLevel::Village,
        suppression: Suppression {
            enabled: false,
            ..Suppression::default()
        },
        ..TableOptions::default()
    };
    let mut misses = 0;
    let mut checks = 0;
    for ind in &cat.indicators {
        // The generator draws a village truth for the rates it was built for only.
        if rates.first().and_then(|v| v.get(&ind.id)).is_none() {
            continue;
        }
        let table = partial.table(&cat, &ind.id, &opts).unwrap();
        // Expected district and block rates: village truths weighted by village denominators.
        let mut expect = std::collections::BTreeMap::<u32, (f64, f64)>::new();
        for r in table.rows.iter().filter(|r| r.village.is_some()) {
            let truth = rates
                .iter()
                .find(|v| Some(v.village) == r.village)
                .unwrap()
                .get(&ind.id)
                .unwrap();
            let n = r.denominator.unwrap() as f64;
            for key in [0, r.block.unwrap()] {
                let e = expect.entry(key).or_default();
                e.0 += truth * n;
                e.1 += n;
            }
        }
        for r in table.rows.iter().filter(|r| r.village.is_none()) {
            let (sum, n) = expect[&r.block.unwrap_or(0)];
            let want = 100.0 * sum / n;
            checks += 1;
            if !(r.ci_low.unwrap() <= want && want <= r.ci_high.unwrap()) {
                misses += 1;
                eprintln!(
                    "{} {:?}: truth {want:.2} outside {}",
                    ind.id, r.block, r.display
                );
            }
        }
    }
    (misses, checks)
}

#[test]
fn district_rates_are_near_published_levels() {
    let cols = roster_columns(SAMPLE_SEED, 100);
    let cat = Catalogue::builtin().unwrap();
    let partial = Engine::new(&cat, AgeBands::default())
        .unwrap()
        .accumulate(&cols)
        .unwrap();
    let opts = TableOptions {
        level: GeoLevel::District,
        ..TableOptions::default()
    };
    let value = |id: &str| {
        partial.table(&cat, id, &opts).unwrap().rows[0]
            .value
            .unwrap()
    };
    let cm = value("sdg_5_3_1_before_18");
    assert!((33.0..48.0).contains(&cm), "child marriage {cm}");
    assert!((60.0..90.0).contains(&value("sdg_16_9_1")));
    assert!((1.0..15.0).contains(&value("child_labour_calpra")));
    assert!((1.0..15.0).contains(&value("out_of_school_6_14")));
}

#[test]
fn sample_roster_file_is_the_generator_output_and_valid() {
    let rows = roster_rows(SAMPLE_SEED, SAMPLE_HOUSEHOLDS);
    let csv = roster_to_csv(&rows);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/district/roster.csv");
    if std::env::var_os("SURAKSHA_BLESS").is_some() {
        std::fs::write(&path, &csv).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap();
    assert!(shipped == csv, "examples/district/roster.csv is stale: run SURAKSHA_BLESS=1 cargo test --test indicators_generator");
    let ctx = Context {
        today: suraksha::indicators::generate::survey_date(),
        ..Context::default()
    };
    let (cols, rejected) = read_roster(&shipped, &ctx).unwrap();
    assert!(rejected.is_empty(), "{:?}", rejected.first());
    assert_eq!(cols.len(), rows.len());
    assert!((2_000..8_000).contains(&cols.len()));
}

#[test]
fn bad_csv_rows_are_reported_with_their_paths() {
    let text = "district,block,village,household,sex,age,work\n223,2301,211110,H1,female,12,none\n223,2301,211110,H1,female,twelve,none\n223,2301,211110,H2,male,40,mining\n";
    let (cols, rejected) = read_roster(text, &Context::default()).unwrap();
    assert_eq!(cols.len(), 1);
    let got: Vec<(usize, Vec<(&str, &str)>)> = rejected
        .iter()
        .map(|r| {
            (
                r.row,
                r.report
                    .diagnostics
                    .iter()
                    .map(|d| (d.code.as_str(), d.path.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, vec![("wrong_type", "/age")]),
            (
                2,
                vec![("out_of_range", "/age"), ("invalid_enum_value", "/work")]
            ),
        ]
    );
}

#[test]
fn ndjson_and_csv_give_the_same_columns_as_the_rows() {
    let rows = roster_rows(3, 4);
    let ndjson: String = rows
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect();
    let ctx = Context {
        today: suraksha::indicators::generate::survey_date(),
        ..Context::default()
    };
    let (from_ndjson, rejected) = read_roster(&ndjson, &ctx).unwrap();
    assert!(rejected.is_empty());
    let (from_csv, _) = read_roster(&roster_to_csv(&rows), &ctx).unwrap();
    let direct = suraksha::indicators::RosterColumns::from_rows(&rows);
    assert_eq!(from_ndjson, direct);
    assert_eq!(from_csv, direct);
    assert!(read_roster("{\"district\": 1,\n", &ctx).is_err());
}

#[test]
fn ragged_lines_and_duplicate_headers_are_errors() {
    let ctx = suraksha::Context::default();
    let ragged = "district,block,village,household,sex,age\n1,2,3,h1,female,7\n1,2,3,h2,male\n";
    let err = read_roster(ragged, &ctx).unwrap_err();
    assert_eq!(err.diagnostics.len(), 1);
    assert!(
        err.diagnostics[0].message.contains("line 3 has 5 cells"),
        "{err:?}"
    );
    let twice = "district,block,village,household,sex,age,age\n1,2,3,h1,female,7,8\n";
    let err = read_roster(twice, &ctx).unwrap_err();
    assert!(
        err.diagnostics[0].message.contains("column age twice"),
        "{err:?}"
    );
}

#[test]
fn a_birth_date_whose_age_overflows_the_field_is_rejected() {
    let ctx = suraksha::Context::default();
    let csv = "district,block,village,household,sex,birth_date,survey_date\n1,2,3,h1,female,1700-01-01,2026-01-01\n";
    let (cols, rejected) = read_roster(csv, &ctx).unwrap();
    assert_eq!(cols.len(), 0);
    assert_eq!(rejected.len(), 1);
}
