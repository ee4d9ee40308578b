//! The engine against an independent, plain-loop computation on random rows.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::collections::BTreeMap;

use suraksha::indicators::{
    AgeBands, Catalogue, Dimension, Engine, GeoLevel, Partial, RosterColumns, Suppression,
    TableOptions, MISSING,
};

/// A tiny deterministic generator (splitmix64), so the test needs no crates.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Random but coherent-enough columns: 3 blocks × 4 villages, every field exercised, some unknowns.
pub fn random_columns(seed: u64, n: usize) -> RosterColumns {
    let mut r = Rng(seed);
    let mut c = RosterColumns::with_capacity(n);
    for _ in 0..n {
        let block = 10 + r.below(3) as u32;
        c.district.push(1);
        c.block.push(block);
        c.village.push(block * 100 + r.below(4) as u32);
        c.sex.push(if r.below(50) == 0 {
            2
        } else {
            r.below(2) as u8
        });
        let age = if r.below(40) == 0 {
            MISSING
        } else {
            r.below(25) as u8
        };
        c.age.push(age);
        c.school_status.push(if r.below(10) == 0 {
            MISSING
        } else {
            r.below(5) as u8
        });
        c.work.push(r.below(4) as u8);
        c.work_hours.push(if r.below(2) == 0 {
            MISSING
        } else {
            r.below(60) as u8
        });
        let marital = if r.below(3) == 0 { 0 } else { r.below(4) as u8 };
        c.marital_status.push(marital);
        let aam = if marital == 0 || r.below(15) == 0 {
            MISSING
        } else {
            10 + r.below(15) as u8
        };
        c.age_at_marriage.push(aam);
        c.birth_registered.push(match r.below(5) {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        });
        c.disability.push(r.below(12) == 0);
        c.social_group.push(if r.below(20) == 0 {
            MISSING
        } else {
            r.below(4) as u8
        });
    }
    c
}

/// The built-in indicators written out by hand: (numerator, denominator) for row i.
fn naive(id: &str, c: &RosterColumns, i: usize) -> (bool, bool) {
    let age = c.age[i];
    let known = age != MISSING;
    let female = c.sex[i] == 0;
    let ever = c.marital_status[i] != 0;
    let aam = c.age_at_marriage[i];
    let (num, den) = match id {
        "sdg_5_3_1_before_18" => (
            ever && aam != MISSING && aam < 18,
            female && (20..=24).contains(&age),
        ),
        "sdg_5_3_1_before_15" => (
            ever && aam != MISSING && aam < 15,
            female && (20..=24).contains(&age),
        ),
        "sdg_16_9_1" => (c.birth_registered[i] == Some(true), known && age < 5),
        "child_labour_calpra" => {
            let w = c.work[i];
            (
                (age < 14 && (w == 2 || w == 3)) || ((14..=17).contains(&age) && w == 3),
                (5..=17).contains(&age),
            )
        }
        "sdg_8_7_1" => {
            let w = c.work[i];
            let working = w != 0 && w != MISSING;
            let hours = c.work_hours[i];
            let chores = c.chores_hours.get(i).copied().unwrap_or(MISSING);
            let h = |min: u8| hours != MISSING && hours >= min;
            let ch = |min: u8| chores != MISSING && chores >= min;
            let economic = working
                && match age {
                    5..=11 => hours == MISSING || hours >= 1,
                    12..=14 => h(14),
                    15..=17 => h(43),
                    _ => false,
                };
            let chores_labour = match age {
                5..=14 => ch(21),
                15..=17 => ch(43),
                _ => false,
            };
            (economic || w == 3 || chores_labour, (5..=17).contains(&age))
        }
        "out_of_school_6_14" => (
            matches!(c.school_status[i], 2 | 3),
            (6..=14).contains(&age) && c.school_status[i] != MISSING,
        ),
        "school_status_unknown_6_14" => (c.school_status[i] == MISSING, (6..=14).contains(&age)),
        "girls_15_17_married" => (c.marital_status[i] == 1, female && (15..=17).contains(&age)),
        other => panic!("no hand-written definition of {other}"),
    };
    (num && den, den)
}

fn no_suppression() -> TableOptions {
    TableOptions {
        suppression: Suppression {
            enabled: false,
            ..Suppression::default()
        },
        ..TableOptions::default()
    }
}

#[test]
fn builtin_catalogue_has_the_anchor_indicators() {
    let cat = Catalogue::builtin().unwrap();
    let ids: Vec<&str> = cat.indicators.iter().map(|i| i.id.as_str()).collect();
    for id in [
        "sdg_5_3_1_before_18",
        "sdg_5_3_1_before_15",
        "sdg_16_9_1",
        "child_labour_calpra",
        "out_of_school_6_14",
        "girls_15_17_married",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert!(cat.indicators.iter().all(|i| !i.title.hi.is_empty()));
}

#[test]
fn engine_matches_plain_loops_by_village_and_sex() {
    let cols = random_columns(7, 30_000);
    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    let partial = engine.accumulate(&cols).unwrap();
    assert_eq!(partial.rows, 30_000);
    let opts = TableOptions {
        level: GeoLevel::Village,
        by: vec![Dimension::Sex],
        ..no_suppression()
    };
    for ind in &cat.indicators {
        // Independent: (block, village or 0, sex or "") -> (num, den), by plain loops.
        let mut want: BTreeMap<(u32, u32, String), (u64, u64)> = BTreeMap::new();
        for i in 0..cols.len() {
            let (num, den) = naive(&ind.id, &cols, i);
            if !den {
                continue;
            }
            let sex = ["female", "male", "other"][cols.sex[i] as usize].to_string();
            for key in [
                (0, 0, String::new()),
                (0, 0, sex.clone()),
                (cols.block[i], 0, String::new()),
                (cols.block[i], 0, sex.clone()),
                (cols.block[i], cols.village[i], String::new()),
                (cols.block[i], cols.village[i], sex.clone()),
            ] {
                let e = want.entry(key).or_default();
                e.0 += u64::from(num);
                e.1 += 1;
            }
        }
        let table = partial.table(&cat, &ind.id, &opts).unwrap();
        let got: BTreeMap<(u32, u32, String), (u64, u64)> = table
            .rows
            .iter()
            .map(|r| {
                let sex = r.breakdown.get("sex").cloned().unwrap_or_default();
                (
                    (r.block.unwrap_or(0), r.village.unwrap_or(0), sex),
                    (r.numerator.unwrap(), r.denominator.unwrap()),
                )
            })
            .collect();
        assert_eq!(got, want, "{}", ind.id);
        for r in &table.rows {
            let v = r.value.unwrap();
            assert!(
                r.ci_low.unwrap() <= v && v <= r.ci_high.unwrap(),
                "{}: {r:?}",
                ind.id
            );
        }
    }
}

#[test]
fn age_bands_are_configurable_and_unknown_ages_kept_apart() {
    let cols = random_columns(11, 5_000);
    let cat = Catalogue::builtin()
        .unwrap()
        .select(&["child_labour_calpra"])
        .unwrap();
    let bands: AgeBands =
        serde_json::from_str(r#"[{"lo": 5, "hi": 9}, {"lo": 10, "hi": 13}, {"lo": 14, "hi": 17}]"#)
            .unwrap();
    let engine = Engine::new(&cat, bands).unwrap();
    let p = engine.accumulate(&cols).unwrap();
    let opts = TableOptions {
        level: GeoLevel::District,
        by: vec![Dimension::AgeBand],
        ..no_suppression()
    };
    let t = p.table(&cat, "child_labour_calpra", &opts).unwrap();
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for i in 0..cols.len() {
        let (_, den) = naive("child_labour_calpra", &cols, i);
        if den {
            let a = cols.age[i];
            let label = if a <= 9 {
                "5-9"
            } else if a <= 13 {
                "10-13"
            } else {
                "14-17"
            };
            *want.entry(label.into()).or_default() += 1;
        }
    }
    let got: BTreeMap<String, u64> = t
        .rows
        .iter()
        .filter_map(|r| {
            r.breakdown
                .get("age_band")
                .map(|b| (b.clone(), r.denominator.unwrap()))
        })
        .collect();
    assert_eq!(got, want);
    let overlapping: AgeBands =
        serde_json::from_str(r#"[{"lo": 0, "hi": 9}, {"lo": 5, "hi": 17}]"#).unwrap();
    let err = Engine::new(&cat, overlapping).unwrap_err();
    assert_eq!(err.diagnostics[0].code.as_str(), "age_bands_invalid");
}

#[test]
fn sequential_ranges_and_parallel_pass_agree_and_round_trip_as_json() {
    let cols = random_columns(3, 200_000);
    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    let whole = engine.accumulate(&cols).unwrap();
    let parts: Vec<Partial> = [0..1_000, 1_000..77_777, 77_777..200_000]
        .into_iter()
        .map(|r| engine.accumulate_range(&cols, r).unwrap())
        .collect();
    assert_eq!(Partial::merge_all(parts.iter().rev()).unwrap(), whole);
    let text = serde_json::to_string(&whole).unwrap();
    let back: Partial = serde_json::from_str(&text).unwrap();
    assert_eq!(back, whole);
}

#[test]
fn callers_can_add_indicators_and_bad_predicates_are_reported_with_paths() {
    let mut cat = Catalogue::builtin().unwrap();
    let extra = serde_json::json!({"version": "local", "indicators": [{
        "id": "boys_18_20_married",
        "title": {"en": "Boys aged 18-20 married", "hi": "18-20 वर्ष के विवाहित लड़के"},
        "numerator": {"test": {"field": "marital_status", "op": "ne", "value": "never_married"}},
        "denominator": {"all": [{"test": {"field": "sex", "op": "eq", "value": "male"}},
                                 {"test": {"field": "age", "op": "between", "value": [18, 20]}}]},
        "source": "PCMA 2006 s.2(a)"
    }]});
    cat.extend(Catalogue::from_value(&extra).unwrap()).unwrap();
    assert!(cat.get("boys_18_20_married").is_some());
    let err = cat
        .extend(Catalogue::from_value(&extra).unwrap())
        .unwrap_err();
    assert_eq!(err.diagnostics[0].code.as_str(), "indicator_duplicate");

    let bad = serde_json::json!({"version": "x", "indicators": [{
        "id": "bad", "title": {"en": "b", "hi": "b"},
        "numerator": {"any": [{"test": {"field": "colour", "op": "eq", "value": 1}}]},
        "denominator": {"test": {"field": "sex", "op": "lt", "value": "female"}},
        "source": "-"
    }]});
    let err = Catalogue::from_value(&bad).unwrap_err();
    let got: Vec<(&str, &str)> = err
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "predicate_unknown_field",
                "/indicators/0/numerator/any/0/test/field"
            ),
            (
                "predicate_bad_value",
                "/indicators/0/denominator/test/value"
            ),
        ]
    );
}

#[test]
fn mismatched_partials_do_not_merge() {
    let cat = Catalogue::builtin().unwrap();
    let a = Engine::new(&cat, AgeBands::default()).unwrap().empty();
    let b = Engine::new(&cat.select(&["sdg_16_9_1"]).unwrap(), AgeBands::default())
        .unwrap()
        .empty();
    assert_eq!(
        a.merge(&b).unwrap_err().diagnostics[0].code.as_str(),
        "aggregate_mismatch"
    );
    let mut short = random_columns(1, 10);
    short.age.pop();
    let err = Engine::new(&cat, AgeBands::default())
        .unwrap()
        .accumulate(&short)
        .unwrap_err();
    assert_eq!(err.diagnostics[0].code.as_str(), "column_length_mismatch");
}

#[test]
fn odd_requests_are_harmless() {
    let cols = random_columns(5, 2_000);
    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    // A reversed or out-of-bounds range reads nothing.
    #[allow(clippy::reversed_empty_ranges)]
    let empty = engine.accumulate_range(&cols, 10..5).unwrap();
    assert_eq!(empty, engine.empty());
    assert_eq!(
        engine.accumulate_range(&cols, 1_500..9_999).unwrap().rows,
        500
    );
    // Naming a dimension twice is the same as naming it once.
    let p = engine.accumulate(&cols).unwrap();
    let once = TableOptions {
        by: vec![Dimension::Sex],
        ..no_suppression()
    };
    let twice = TableOptions {
        by: vec![Dimension::Sex, Dimension::Sex],
        ..no_suppression()
    };
    let a = p.table(&cat, "sdg_16_9_1", &once).unwrap();
    let b = p.table(&cat, "sdg_16_9_1", &twice).unwrap();
    assert_eq!(a.rows, b.rows);
}

/// Rows without a weight column weigh one each: their weighted sums (taken
/// from the counts when the pass ends) equal those of the same rows with a
/// weight of 1.0 written out, which are added row by row.
#[test]
fn no_weights_count_as_weights_of_one() {
    let cols = random_columns(11, 20_000);
    assert!(cols.weight.is_empty());
    let mut ones = cols.clone();
    ones.weight = vec![1.0; cols.len()];
    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    let plain = engine.accumulate(&cols).unwrap();
    assert_eq!(plain, engine.accumulate(&ones).unwrap());
    assert_eq!(
        plain,
        engine.accumulate_range(&cols, 0..cols.len()).unwrap()
    );
    let counted = plain
        .cells
        .iter()
        .flat_map(|c| &c.counts)
        .filter(|c| c.numerator > 0)
        .count();
    assert!(counted > 100, "only {counted} counts with a numerator");
    assert!(plain.cells.iter().flat_map(|c| &c.counts).all(|c| {
        c.weighted_numerator == c.numerator * 1_000_000
            && c.weighted_denominator == c.denominator * 1_000_000
    }));
}
