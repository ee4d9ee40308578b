//! The `suraksha` command answers valid, invalid and garbage input with exit
//! codes 0, 1 and 2, and its schema files are up to date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn suraksha(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_suraksha"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The program may exit before reading its input (bad arguments): ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn report(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn valid_record_exits_0() {
    let out = suraksha(
        &[
            "validate",
            "referral",
            "examples/records/referral.json",
            "--today",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(report(&out)["valid"], true);
}

#[test]
fn invalid_record_exits_1_with_report() {
    let out = suraksha(
        &["validate", "case", "-", "--locale", "hi"],
        r#"{"id": "C1", "status": "lost"}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    assert_eq!(r["valid"], false);
    let paths: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"/status") && paths.contains(&"/child"),
        "{paths:?}"
    );
    // Hindi messages were asked for.
    assert!(r["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("आवश्यक"));
}

#[test]
fn garbage_exits_2_with_clear_message() {
    let out = suraksha(&["validate", "case", "-"], "\u{1}not json at all");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid JSON") && err.contains("line 1"),
        "{err}"
    );
    assert_eq!(report(&out)["diagnostics"][0]["code"], "malformed_json");
}

#[test]
fn unusable_arguments_exit_2() {
    for args in [
        vec!["validate", "household", "-"],
        vec!["validate", "case", "/no/such/file.json"],
        vec!["validate", "case", "-", "--today", "someday"],
        vec!["validate", "case", "-", "--locale", "fr"],
    ] {
        let out = suraksha(&args, "{}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("suraksha: "),
            "{args:?}"
        );
    }
}

#[test]
fn kinds_schema_and_codes() {
    let out = suraksha(&["kinds"], "");
    let kinds = String::from_utf8(out.stdout).unwrap();
    for k in ["vcpc", "case", "referral"] {
        assert!(kinds.lines().any(|l| l == k));
    }
    let schema = report(&suraksha(&["schema", "case"], ""));
    assert_eq!(schema["title"], "Case");
    let codes = report(&suraksha(&["codes"], ""));
    assert!(codes
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "not_a_child"));
}

#[test]
fn schema_files_are_up_to_date() {
    let out = suraksha(&["schemas", "schemas", "--check"], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn triage_and_transition_commands() {
    let out = suraksha(
        &[
            "triage",
            "examples/records/case.json",
            "--today",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(report(&out)["level"], "high");
    let dir = std::env::temp_dir().join(format!("suraksha-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = dir.join("t.json");
    std::fs::write(
        &t,
        r#"{"to": "revoked", "at": "2026-11-04T10:00:00+05:30", "by": "cw1"}"#,
    )
    .unwrap();
    let out = suraksha(
        &[
            "transition",
            "referral",
            "examples/records/referral.json",
            t.to_str().unwrap(),
            "--today",
            "2026-11-23",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "done -> revoked is illegal");
    assert_eq!(report(&out)["diagnostics"][0]["code"], "illegal_transition");
}
