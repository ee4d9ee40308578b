//! A published district report carries no record id (issue 10): the demo's
//! report.json and report.html contain none of the DNA dataset's record ids.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use serde_json::Value;

fn ids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "id" {
                    if let Some(s) = x.as_str() {
                        out.push(s.to_owned());
                    }
                }
                ids(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| ids(x, out)),
        _ => {}
    }
}

#[test]
fn published_report_has_no_record_ids() {
    let dir = std::env::temp_dir().join(format!("suraksha-privacy-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_suraksha"))
        .args(["demo", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dataset: Value =
        serde_json::from_str(include_str!("../../examples/district/dna/dataset.json")).unwrap();
    let mut record_ids = Vec::new();
    ids(&dataset, &mut record_ids);
    assert!(record_ids.len() > 5, "{record_ids:?}");
    for file in ["report.json", "report.html"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for id in &record_ids {
            assert!(
                !text.contains(id.as_str()),
                "{file} publishes record id {id}"
            );
        }
        assert!(!text.contains("record_id"), "{file} has a record_id field");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
