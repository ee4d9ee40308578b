//! Runs the shared test vectors in `tests/vectors/` (the same files the Python
//! and JavaScript suites run).
//!
//! Each vector states by hand which diagnostics it expects (`expected`: code,
//! path, severity, compared as a multiset) and carries the full report the core
//! produces (`report`), so the bindings can prove they give identical output.
//! `SURAKSHA_BLESS=1 cargo test -p suraksha --test vectors` refreshes `report`;
//! without it a stale `report` fails the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::path::{Path, PathBuf};

use serde_json::Value;
use suraksha::{api, Kind, Options, Report};

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            vector_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Run one vector through the core, as every binding does.
fn run(vector: &Value) -> Result<Report, String> {
    let kind_name = vector["kind"].as_str().ok_or("no kind")?;
    let options = Options::from_value(vector.get("options").unwrap_or(&Value::Null))
        .map_err(|r| format!("bad options: {r}"))?;
    let ctx = options.context().map_err(|r| format!("bad options: {r}"))?;
    let kind = match Kind::parse(kind_name, ctx.locale) {
        Ok(k) => k,
        // Unusable input: the vector holds the error's report.
        Err(e) => return Ok(e.into_report()),
    };
    Ok(match (vector.get("input"), vector.get("input_text")) {
        (_, Some(Value::String(text))) => {
            api::validate_str(kind, text, &ctx).unwrap_or_else(suraksha::Error::into_report)
        }
        (Some(input), _) => api::validate(kind, input, &ctx),
        _ => return Err("no input or input_text".into()),
    })
}

fn triples(v: &Value) -> Vec<(String, String, String)> {
    let mut t: Vec<_> = v["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    let s = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
                    (s("code"), s("path"), s("severity"))
                })
                .collect()
        })
        .unwrap_or_default();
    t.sort();
    t
}

#[test]
fn shared_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 60,
        "expected at least 60 vectors, found {}",
        files.len()
    );
    let bless = std::env::var_os("SURAKSHA_BLESS").is_some();
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        let text = std::fs::read_to_string(file).unwrap();
        let mut vector: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = match run(&vector) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let got = serde_json::to_value(&report).unwrap();
        let expected = &vector["expected"];
        if expected["valid"] != got["valid"] || triples(expected) != triples(&got) {
            failures.push(format!(
                "{name}: expected valid={} {:?}\n  got valid={} {:?}",
                expected["valid"],
                triples(expected),
                got["valid"],
                triples(&got)
            ));
        }
        if vector.get("report") != Some(&got) {
            if bless {
                vector["report"] = got;
                let text = serde_json::to_string_pretty(&vector).unwrap() + "\n";
                std::fs::write(file, text).unwrap();
            } else {
                failures.push(format!(
                    "{name}: stored `report` is stale (run with SURAKSHA_BLESS=1)"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every rule code of the issue-2 kinds is exercised by at least one vector.
#[test]
fn vectors_cover_every_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    let mut seen = std::collections::BTreeSet::new();
    for f in files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for (code, _, _) in triples(&v["expected"]) {
            seen.insert(code);
        }
    }
    // Codes no record validation can give: the export's own (core/tests/export.rs).
    let elsewhere = [
        "export_permission_missing",
        "export_out_of_scope",
        "export_secret_weak",
    ];
    let missing: Vec<&str> = suraksha::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c) && !elsewhere.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes without a vector: {missing:?}");
}
