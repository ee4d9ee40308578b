//! The DNA sample shipped in `examples/district/dna/` is exactly what the
//! generator writes (`SURAKSHA_BLESS=1` rewrites it), and it is valid.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::path::Path;

use serde_json::Value;
use suraksha::dna::generate::sample;
use suraksha::{api, Options};

fn check_or_write(name: &str, value: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/district/dna")
        .join(name);
    let text = serde_json::to_string_pretty(value).unwrap() + "\n";
    if std::env::var_os("SURAKSHA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    } else {
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == text,
            "{} is stale: run SURAKSHA_BLESS=1 cargo test -p suraksha --test dna_sample",
            path.display()
        );
    }
}

#[test]
fn sample_files_are_current_and_valid() {
    let s = sample();
    assert_eq!(s.villages.len(), 9);
    let dataset = serde_json::to_value(s.dataset()).unwrap();
    check_or_write("dataset.json", &dataset);
    check_or_write(
        "collations.json",
        &serde_json::to_value(&s.collations).unwrap(),
    );
    let ctx = Options::from_value(&serde_json::json!({"today": "2026-11-23"}))
        .unwrap()
        .context()
        .unwrap();
    let baseline = suraksha::dna::baseline_value(&dataset, &ctx).unwrap();
    assert_eq!(baseline.villages.len(), 9);
    assert_eq!(baseline.blocks.len(), 3);
    for c in &s.collations {
        let report = api::validate(
            suraksha::Kind::VillageCollation,
            &serde_json::to_value(c).unwrap(),
            &ctx,
        );
        assert!(report.valid, "{report}");
    }
}
