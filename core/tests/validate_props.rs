//! The fast path and the diagnostic path of validation agree: for mutated
//! valid records of every kind, the allocation-free `is_valid` accepts exactly
//! the values on which the full diagnostic walk finds nothing, with default and
//! with tight limits; the privacy scan it does on the way flags every value on
//! which the full scan finds a particular; and a full validation (fast path
//! for valid records) gives the same report as one forced through the
//! diagnostic walk, and the tree path's report (the typed parse through
//! `TreeDeserializer`, or the diagnostic walk over the tree for a record
//! that fails) is that same report, whether the tree is a `Value` or the
//! record's JSON text read in place (`validate::tape`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Value};
use suraksha::diagnostic::Collector;
use suraksha::validate::tape::Tape;
use suraksha::validate::{self, Limits, SchemaId};
use suraksha::{api, Context, Kind, Options};

/// The context every test here validates with: a fixed `today`, defaults otherwise.
fn context() -> Context<'static> {
    Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context()
    .unwrap()
}

/// The valid inputs of the shared vectors, by kind: real records to mutate
/// (read once).
fn seeds() -> &'static [(Kind, Value)] {
    static SEEDS: std::sync::OnceLock<Vec<(Kind, Value)>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(read_seeds)
}

fn read_seeds() -> Vec<(Kind, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let dir = root.join(kind.as_str());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
            if v["expected"]["valid"] == json!(true) {
                if let Some(input) = v.get("input") {
                    out.push((*kind, input.clone()));
                }
            }
        }
    }
    out
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..200).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e3f64..1e3).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(json!("2026-02-30")),
        Just(json!("2026-11-01")),
        Just(json!("2026-11-01T10:00:00+05:30")),
        Just(json!("female")),
        Just(json!("x".repeat(70))),
        // Identifying particulars (the privacy scan must flag each), and a
        // date-time whose fraction reads as a landline number.
        Just(json!("call 98765 43210")),
        Just(json!("aadhaar 2345 6789 0124")),
        Just(json!("write to sita@example.org")),
        Just(json!("vill Rathos, PIN 847211")),
        Just(json!("2026-11-01T10:00:05.912345678+05:30")),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One edit at a pseudo-random node: replace it, delete a field, add a field,
/// drop a list item, or stretch a string or list (for the maxima and limits).
fn mutate(v: &mut Value, mut pick: usize, edit: u8, with: Value) {
    let here = pick % 4 == 0;
    pick /= 4;
    if edit % 4 == 3 {
        match v {
            Value::String(s) if here || pick % 2 == 0 => {
                let grown = format!("{s}{}", "é".repeat(pick % 1100));
                *s = grown;
                return;
            }
            Value::Array(items) if !items.is_empty() && (here || pick % 2 == 0) => {
                let copy = items[pick % items.len()].clone();
                items.extend(std::iter::repeat_n(copy, 1 + pick % 8));
                return;
            }
            _ => {}
        }
    }
    match v {
        Value::Object(m) if !m.is_empty() => {
            if here {
                match edit % 3 {
                    0 => {
                        let key = m.keys().nth(pick % m.len()).cloned().unwrap();
                        m.shift_remove(&key);
                    }
                    1 => {
                        m.insert(format!("extra_{pick}"), with);
                    }
                    _ => *v = with,
                }
                return;
            }
            let n = m.len();
            let key = m.keys().nth(pick % n).cloned().unwrap();
            mutate(m.get_mut(&key).unwrap(), pick / n, edit, with);
        }
        Value::Array(items) if !items.is_empty() => {
            if here {
                if edit % 2 == 0 {
                    items.remove(pick % items.len());
                } else {
                    *v = with;
                }
                return;
            }
            let n = items.len();
            mutate(&mut items[pick % n], pick / n, edit, with);
        }
        _ => *v = with,
    }
}

fn agree(kind: Kind, v: &Value, limits: &Limits) -> Result<(), TestCaseError> {
    let id = SchemaId::Kind(kind);
    let fast = validate::is_valid(id, v, limits);
    let mut out = Collector::with_limit(suraksha::Locale::En, usize::MAX);
    validate::check(id, v, limits, &mut out);
    let report = out.into_report();
    // The same walk over the record's JSON text read in place (a tape):
    // the same findings, in the same order, with the same paths.
    let text = serde_json::to_string(v).unwrap();
    let tape = Tape::parse(&text).expect("JSON written by serde_json is read back");
    let mut in_place = Collector::with_limit(suraksha::Locale::En, usize::MAX);
    prop_assert!(validate::check_tree(
        id,
        &tape.root(),
        limits,
        &mut in_place
    ));
    prop_assert_eq!(&in_place.into_report(), &report);
    prop_assert_eq!(
        fast,
        report.diagnostics.is_empty(),
        "{}: is_valid={} but the walk found {:?} in {}",
        kind.as_str(),
        fast,
        report
            .diagnostics
            .iter()
            .map(|d| (d.code, &d.path))
            .collect::<Vec<_>>(),
        v
    );
    let quick = validate::quick(id, v, limits);
    prop_assert_eq!(quick.valid, fast);
    if quick.text_clean {
        let mut out = Collector::new(suraksha::Locale::En);
        suraksha::privacy::check_strings(v, &mut out);
        let found = out.into_report().diagnostics;
        prop_assert!(
            found.is_empty(),
            "{}: the fast walk passed text the scan flags: {:?} in {}",
            kind.as_str(),
            found.iter().map(|d| (d.code, &d.path)).collect::<Vec<_>>(),
            v
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fast_and_diagnostic_walks_agree(
        which in any::<usize>(),
        pick in any::<usize>(),
        edit in any::<u8>(),
        with in arb_json(),
    ) {
        let seeds = seeds();
        prop_assume!(!seeds.is_empty());
        let (kind, mut v) = seeds[which % seeds.len()].clone();
        mutate(&mut v, pick, edit, with);
        agree(kind, &v, &Limits::default())?;
        let tight = Limits { max_depth: 4, max_string_bytes: 24, max_items: 6, max_diagnostics: 5 };
        agree(kind, &v, &tight)?;
    }

    #[test]
    fn validation_reports_match_the_forced_diagnostic_walk(
        which in any::<usize>(),
        pick in any::<usize>(),
        edit in any::<u8>(),
        with in arb_json(),
    ) {
        let seeds = seeds();
        let (kind, mut v) = seeds[which % seeds.len()].clone();
        if edit % 5 != 0 {
            mutate(&mut v, pick, edit, with);
        }
        let ctx = context();
        let report = api::validate(kind, &v, &ctx);
        // The tree path (what the Python binding takes for dicts) gives the
        // same report whenever it gives one, and one for every valid record
        // whose text scans clean.
        let tree = api::validate_tree(kind, &v, &ctx);
        if let Some(fast) = &tree {
            prop_assert_eq!(fast, &report);
        }
        if report.valid && validate::quick(SchemaId::Kind(kind), &v, &ctx.limits).text_clean {
            prop_assert!(tree.is_some(), "{}: valid, clean, but refused by the tree path: {}", kind.as_str(), v);
        }
        // The same record as JSON text, read in place from a tape (what
        // `validate_str` and NDJSON batches take): the same report, and an
        // answer whenever the `Value` tree path gave one.
        let text = serde_json::to_string(&v).unwrap();
        let tape = Tape::parse(&text).expect("JSON written by serde_json is read back");
        let taped = api::validate_tree(kind, tape.root(), &ctx);
        prop_assert_eq!(taped.is_some(), tree.is_some());
        if let Some(fast) = &taped {
            prop_assert_eq!(fast, &report);
        }
        prop_assert_eq!(api::validate_str(kind, &text, &ctx).unwrap(), report.clone());
        // The shape verdict of the full validation is the diagnostic walk's.
        let mut out = Collector::new(ctx.locale);
        validate::check(SchemaId::Kind(kind), &v, &ctx.limits, &mut out);
        let structural = out.into_report();
        if !structural.valid {
            // A shape problem is explained in place, with no `Value`.
            prop_assert!(tree.is_some() && taped.is_some(), "{}: not explained in place: {}", kind.as_str(), v);
            prop_assert_eq!(report, structural);
        }
    }
}

proptest! {
    /// The fast walk skips the privacy scan of dates and of date-times without
    /// a fraction: no such text, whatever its digits, holds a particular.
    #[test]
    fn dates_and_plain_date_times_never_hold_a_particular(
        y in 1900i32..2200, mo in 1u32..13, d in 1u32..29, h in 0u32..24, mi in 0u32..60,
        s in 0u32..60, oh in 0u32..24, om in 0u32..60, sep in prop_oneof![Just('T'), Just('t'), Just(' ')],
        zone in 0u8..3,
    ) {
        let date = format!("{y:04}-{mo:02}-{d:02}");
        let zone = match zone { 0 => "Z".to_owned(), 1 => format!("+{oh:02}:{om:02}"), _ => format!("-{oh:02}:{om:02}") };
        let stamp = format!("{date}{sep}{h:02}:{mi:02}:{s:02}{zone}");
        prop_assert!(!suraksha::privacy::may_identify(&date), "{}", date);
        prop_assert!(!suraksha::privacy::may_identify(&stamp), "{}", stamp);
    }
}

#[test]
fn every_seed_is_valid_on_both_paths() {
    let seeds = seeds();
    assert!(seeds.len() >= 20, "only {} valid seeds", seeds.len());
    let ctx = context();
    let mut by_tree = 0;
    for (kind, v) in seeds {
        assert!(
            validate::is_valid(SchemaId::Kind(*kind), v, &Limits::default()),
            "{}",
            kind.as_str()
        );
        if let Some(report) = api::validate_tree(*kind, v, &ctx) {
            assert_eq!(report, api::validate(*kind, v, &ctx), "{}", kind.as_str());
            by_tree += 1;
            let text = v.to_string();
            let tape = Tape::parse(&text).unwrap();
            assert_eq!(
                api::validate_tree(*kind, tape.root(), &ctx),
                Some(report),
                "{}: the tape path",
                kind.as_str()
            );
        }
    }
    assert!(
        by_tree * 2 > seeds.len(),
        "the tree path took only {by_tree} seeds"
    );
}

/// An optional field given as `null` is read by the typed parse on the tree
/// path as `None`, as serde_json reads it: a valid record with such a field is
/// settled there, not sent to the ordinary path (which would give the same
/// report, so only this test sees the difference).
#[test]
fn a_null_optional_field_stays_on_the_tree_path() {
    let ctx = context();
    let mut checked = 0;
    for (kind, seed) in seeds() {
        if api::validate_tree(*kind, seed, &ctx).is_none() {
            continue;
        }
        let Some(props) = api::schema(*kind)["properties"].as_object() else {
            continue;
        };
        for (name, prop) in props {
            let nullable = prop["type"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t == "null"));
            if !nullable {
                continue;
            }
            let mut v = seed.clone();
            v[name.as_str()] = Value::Null;
            let full = api::validate(*kind, &v, &ctx);
            if !full.valid {
                continue;
            }
            assert_eq!(
                api::validate_tree(*kind, &v, &ctx),
                Some(full),
                "{}: {name} null",
                kind.as_str()
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} null optional fields checked");
}

/// A key given twice is settled as a `Value` settles it (the last one
/// counts): the tape refuses such text and `validate_str` takes the ordinary path.
#[test]
fn a_repeated_key_gets_the_value_paths_report() {
    let ctx = context();
    let (kind, v) = seeds()
        .iter()
        .find(|(k, _)| *k == Kind::Case)
        .cloned()
        .unwrap();
    let text = v.to_string();
    let sex = v["child"]["sex"].to_string();
    for repeated in [
        // The first value wrong, the last right: valid as a `Value` reads it.
        text.replacen("\"sex\":", "\"sex\":\"robot\",\"sex\":", 1),
        // The first right, the last wrong: invalid.
        text.replacen(
            &format!("\"sex\":{sex}"),
            &format!("\"sex\":{sex},\"sex\":\"robot\""),
            1,
        ),
    ] {
        assert_ne!(repeated, text);
        assert!(Tape::parse(&repeated).is_none());
        let value: Value = serde_json::from_str(&repeated).unwrap();
        assert_eq!(
            api::validate_str(kind, &repeated, &ctx).unwrap(),
            api::validate(kind, &value, &ctx)
        );
    }
}
