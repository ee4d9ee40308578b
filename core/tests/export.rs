//! Exports of case and referral records: private by default, identifying only
//! under a recorded permission that is written into the export.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use chrono::NaiveDate;
use serde_json::{json, Value};
use suraksha::export::{export, keyed_hash, Mode};
use suraksha::{Context, Kind, Options};

const SECRET: &[u8] = b"district-secret-2026-kept-offline";

fn ctx() -> Context<'static> {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context()
    .unwrap()
}

fn case() -> Value {
    let mut c: Value =
        serde_json::from_str(include_str!("../../examples/records/case.json")).unwrap();
    // Free text and a worker id, which a de-identified export must drop.
    c["closure"] = json!(null);
    c["history"][0]["reason"] = json!("mother told the worker at the well");
    c
}

fn referral() -> Value {
    serde_json::from_str(include_str!("../../examples/records/referral.json")).unwrap()
}

fn permission() -> Value {
    json!({
        "authority": "cwc",
        "order_reference": "CWC/MDB/2026/117",
        "date": "2026-11-20",
        "scope": {"case_ids": ["CASE-2026-0412"], "purpose": "production before the committee"}
    })
}

fn codes(r: &suraksha::Report) -> Vec<(String, String)> {
    r.diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.path.clone()))
        .collect()
}

#[test]
fn deidentified_by_default() {
    let c = case();
    let e = export(Kind::Case, &c, SECRET, false, None, &ctx()).unwrap();
    assert_eq!(e.mode, Mode::Deidentified);
    assert!(e.permission.is_none());
    let r = &e.record;
    // The child id is a keyed hash, stable for the secret, different under another.
    assert_eq!(
        r["child"]["id"],
        json!(keyed_hash(SECRET, "child", "BIS-0412"))
    );
    assert_ne!(r["child"]["id"], json!("BIS-0412"));
    assert_eq!(r["child"]["id"].as_str().unwrap().len(), 64);
    assert_ne!(
        keyed_hash(SECRET, "child", "BIS-0412"),
        keyed_hash(b"another-secret-of-16+bytes", "child", "BIS-0412")
    );
    // Date of birth coarsened to the year; analysis fields kept.
    assert_eq!(r["child"]["date_of_birth"], json!(2011));
    assert_eq!(r["child"]["sex"], json!("female"));
    assert_eq!(r["concerns"], c["concerns"]);
    assert_eq!(r["identified_at"], c["identified_at"]);
    // Small areas, free text and worker ids are gone; the block stays.
    assert!(r["geography"].get("village").is_none());
    assert!(r["geography"].get("gram_panchayat").is_none());
    assert_eq!(r["geography"]["block"], c["geography"]["block"]);
    assert!(r["history"][0].get("reason").is_none());
    assert!(r["history"][0].get("by").is_none());
    for p in [
        "/child/id",
        "/child/date_of_birth",
        "/geography/village",
        "/history/0/reason",
        "/history/0/by",
    ] {
        assert!(
            e.redacted.contains(&p.to_owned()),
            "{p} not in {:?}",
            e.redacted
        );
    }
    // No identifier of the input survives anywhere in the export.
    let text = serde_json::to_string(&e).unwrap();
    for secret_bit in [
        "BIS-0412",
        "CASE-2026-0412",
        "REF-2026-0907",
        "Rathos",
        "2011-04-18",
        "well",
    ] {
        assert!(!text.contains(secret_bit), "{secret_bit} leaked: {text}");
    }
}

#[test]
fn case_and_referral_exports_still_join() {
    let c = export(Kind::Case, &case(), SECRET, false, None, &ctx()).unwrap();
    let r = export(Kind::Referral, &referral(), SECRET, false, None, &ctx()).unwrap();
    assert_eq!(c.record["id"], r.record["case_id"]);
    assert_eq!(c.key_id, r.key_id);
    assert!(r.record.get("from").is_none());
}

#[test]
fn identifying_export_needs_a_permission_that_covers_the_case() {
    let ctx = ctx();
    let err = export(Kind::Case, &case(), SECRET, true, None, &ctx).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("export_permission_missing".into(), "/permission".into())]
    );
    let mut other = permission();
    other["scope"]["case_ids"] = json!(["CASE-OTHER"]);
    let err = export(Kind::Case, &case(), SECRET, true, Some(&other), &ctx).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![(
            "export_out_of_scope".into(),
            "/permission/scope/case_ids".into()
        )]
    );
    let mut bad = permission();
    bad["authority"] = json!("police");
    bad.as_object_mut().unwrap().remove("order_reference");
    let err = export(Kind::Case, &case(), SECRET, true, Some(&bad), &ctx).unwrap_err();
    let got = codes(&err);
    assert!(
        got.contains(&("invalid_enum_value".into(), "/permission/authority".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("missing_field".into(), "/permission/order_reference".into())),
        "{got:?}"
    );
    let mut future = permission();
    future["date"] = json!("2026-12-01");
    let err = export(Kind::Case, &case(), SECRET, true, Some(&future), &ctx).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("date_in_future".into(), "/permission/date".into())]
    );

    // With the permission: the record as it is, the permission written in.
    let e = export(Kind::Case, &case(), SECRET, true, Some(&permission()), &ctx).unwrap();
    assert_eq!(e.mode, Mode::Identifying);
    assert_eq!(e.record, case());
    let written = serde_json::to_value(&e).unwrap();
    assert_eq!(written["permission"], permission());
    // A referral is covered through its case id.
    let r = export(
        Kind::Referral,
        &referral(),
        SECRET,
        true,
        Some(&permission()),
        &ctx,
    );
    assert_eq!(r.unwrap().mode, Mode::Identifying);
}

#[test]
fn weak_secret_invalid_record_and_other_kinds_are_refused() {
    let ctx = ctx();
    let err = export(Kind::Case, &case(), b"short", false, None, &ctx).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("export_secret_weak".into(), String::new())]
    );
    let mut broken = case();
    broken["child"]["sex"] = json!("robot");
    let err = export(Kind::Case, &broken, SECRET, false, None, &ctx).unwrap_err();
    assert_eq!(
        codes(&err),
        vec![("invalid_enum_value".into(), "/child/sex".into())]
    );
    let vcpc: Value =
        serde_json::from_str(include_str!("../../examples/records/vcpc.json")).unwrap();
    let err = export(Kind::Vcpc, &vcpc, SECRET, false, None, &ctx).unwrap_err();
    assert_eq!(codes(&err)[0].0, "unknown_kind");
}

#[test]
fn command_line_export() {
    let dir = std::env::temp_dir().join(format!("suraksha-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let secret = dir.join("secret");
    std::fs::write(&secret, SECRET).unwrap();
    let perm = dir.join("permission.json");
    std::fs::write(&perm, permission().to_string()).unwrap();
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_suraksha"))
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .args([
                "export",
                "case",
                "examples/records/case.json",
                "--secret-file",
            ])
            .arg(&secret)
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["mode"], "deidentified");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("BIS-0412"));
    let out = run(&["--identifying"]);
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["diagnostics"][0]["code"], "export_permission_missing");
    let out = run(&["--identifying", "--permission", perm.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["permission"]["order_reference"], "CWC/MDB/2026/117");
    let _ = std::fs::remove_dir_all(&dir);
}
