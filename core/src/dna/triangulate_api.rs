//! The value-level entry to the baseline, for the bindings: a JSON dataset
//! `{"villages": [...], "blocks": [...], "secondary_data": [...]}` in, a
//! [`Baseline`] out, or a [`Report`] whose paths point into the dataset
//! (`/villages/3/findings/0/theme`).

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::triangulate::{baseline, Baseline, DnaDataset};
use crate::context::Context;
use crate::diagnostic::{pointer, Code, Diagnostic, Params, Report, Severity};
use crate::kind::Kind;
use crate::record::{parse_record, validate_record, Record};

/// The lists a dataset may hold.
const FIELDS: [&str; 3] = ["villages", "blocks", "secondary_data"];

fn prefixed(report: Report, base: &str) -> impl Iterator<Item = Diagnostic> + '_ {
    report.diagnostics.into_iter().map(move |mut d| {
        d.path = format!("{base}{}", d.path);
        d
    })
}

/// Parse every record of one list, collecting diagnostics with prefixed paths.
fn records<R: Record + DeserializeOwned>(
    value: &Value,
    field: &str,
    kind: Kind,
    ctx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
) -> Vec<R> {
    let Some(list) = value.get(field) else {
        return Vec::new();
    };
    let Some(items) = list.as_array() else {
        let params = Params::new()
            .with("expected", "array")
            .with("found", "non-array");
        out.push(Diagnostic::new(
            Code::WrongType,
            pointer("", field),
            params,
            ctx.locale,
        ));
        return Vec::new();
    };
    let mut ids = BTreeSet::new();
    let mut parsed = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let base = pointer(&pointer("", field), i);
        match parse_record::<R>(kind, item, ctx) {
            Ok((r, report)) => {
                out.extend(prefixed(report, &base));
                parsed.push(r);
            }
            Err(report) => out.extend(prefixed(report, &base)),
        }
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            if !ids.insert(id.to_owned()) {
                let params = Params::new().with("id", id);
                out.push(Diagnostic::new(
                    Code::DuplicateId,
                    pointer(&base, "id"),
                    params,
                    ctx.locale,
                ));
            }
        }
    }
    parsed
}

/// Build the district baseline from a JSON dataset. Every record is validated
/// as its kind first; any error fails the whole call with all diagnostics.
pub fn baseline_value(value: &Value, ctx: &Context<'_>) -> Result<Baseline, Report> {
    let mut diags = Vec::new();
    match value.as_object() {
        Some(obj) => {
            for key in obj.keys().filter(|k| !FIELDS.contains(&k.as_str())) {
                let params = Params::new().with("field", key.as_str());
                diags.push(Diagnostic::new(
                    Code::UnknownField,
                    pointer("", key),
                    params,
                    ctx.locale,
                ));
            }
        }
        None => {
            // A non-object: the structural check reports its type, with the usual wording.
            let mut report = validate_record::<super::DnaVillage>(Kind::DnaVillage, value, ctx);
            report.diagnostics.truncate(1);
            return Err(report);
        }
    }
    // One Part I record per village, or the village would be ranked twice.
    let mut villages_seen = BTreeSet::new();
    let list = value
        .get("villages")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, v) in list.iter().enumerate() {
        let code = v
            .pointer("/geography/village/lgd_code")
            .and_then(Value::as_u64);
        if let Some(code) = code.filter(|c| !villages_seen.insert(*c)) {
            let params = Params::new().with("id", code.to_string());
            let path = format!("/villages/{i}/geography/village/lgd_code");
            diags.push(Diagnostic::new(Code::DuplicateId, path, params, ctx.locale));
        }
    }
    let data = DnaDataset {
        villages: records(value, "villages", Kind::DnaVillage, ctx, &mut diags),
        blocks: records(value, "blocks", Kind::DnaBlock, ctx, &mut diags),
        secondary_data: records(
            value,
            "secondary_data",
            Kind::SecondaryData,
            ctx,
            &mut diags,
        ),
    };
    let report = Report::from_diagnostics(diags);
    if !report.valid {
        return Err(report);
    }
    let mut result = baseline(&ctx.profile.dna, &data);
    result.warnings = report
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    Ok(result)
}
