//! Exporting case and referral records to share outside the committee: private
//! by default (JJ Act 2015 s.74, POCSO 2012 s.23, DPDP Act 2023).
//!
//! A **de-identified** export (the default) keeps only the fields an analysis
//! needs, listed below as an allow-list so that a field added to a record later
//! is left out until someone decides it is safe: the child's id, the case id
//! and the referral ids become keyed hashes (HMAC-SHA256 under a secret the
//! caller holds, so two exports with the same secret still join, and nobody
//! without it can reverse or recompute them); a date of birth becomes its
//! year; the village and gram panchayat are dropped (district and block stay);
//! free text (reasons, notes) and worker ids are dropped. Every path left out
//! or changed is listed in `redacted`.
//!
//! An **identifying** export keeps the record as it is, and is refused unless
//! a permission is recorded: the authority that ordered it (the Child Welfare
//! Committee, the Juvenile Justice Board or a Special Court), the order's
//! reference and date, and its scope (the case ids it covers and the purpose).
//! The permission is written into the export.

use hmac::{Hmac, Mac};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::context::Context;
use crate::diagnostic::{pointer, Code, Diagnostic, Params, Report};
use crate::kind::Kind;
use crate::model::{Case, Referral};
use crate::record::parse_record;
use crate::validate::parse_typed;

/// Shortest secret accepted for the keyed hash, in bytes.
pub const MIN_SECRET_BYTES: usize = 16;

/// Who may order an identifying export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Child Welfare Committee (JJ Act s.27).
    Cwc,
    /// Juvenile Justice Board (JJ Act s.4).
    Jjb,
    /// Special Court under POCSO (s.28).
    SpecialCourt,
}

/// What a permission covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Ids of the cases covered (a referral is covered through its `case_id`).
    #[schemars(length(min = 1))]
    pub case_ids: Vec<String>,
    /// What the identifying data is for, as the order states it.
    #[schemars(length(min = 1))]
    pub purpose: String,
}

/// A recorded permission for an identifying export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// The authority that ordered the disclosure.
    pub authority: Authority,
    /// The order's reference number.
    #[schemars(length(min = 1))]
    pub order_reference: String,
    /// The order's date.
    pub date: chrono::NaiveDate,
    /// What it covers.
    pub scope: Scope,
}

/// How a record was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Identifiers hashed, date of birth coarsened, free text and small areas dropped.
    Deidentified,
    /// The record as it is, under a recorded permission.
    Identifying,
}

/// One exported record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Export {
    /// The record's kind (`case` or `referral`).
    pub kind: Kind,
    /// De-identified or identifying.
    pub mode: Mode,
    /// A short fingerprint of the secret, so exports made with the same secret
    /// can be recognised as joinable (it does not reveal the secret).
    pub key_id: String,
    /// The permission, for an identifying export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission: Option<Permission>,
    /// The exported record.
    pub record: Value,
    /// JSON Pointers of the fields left out, hashed or coarsened.
    pub redacted: Vec<String>,
}

/// What happens to a field in a de-identified export.
#[derive(Clone, Copy)]
enum Rule {
    /// Kept as it is.
    Keep,
    /// Replaced by a keyed hash (the label separates the kinds of ids).
    Hash(&'static str),
    /// A date reduced to its year (a number).
    Year,
}

/// The allow-list of a de-identified export: pointer patterns (`*` is any
/// array index or key) and their rule. Anything not listed is dropped.
fn allow_list(kind: Kind) -> &'static [(&'static str, Rule)] {
    use Rule::*;
    match kind {
        Kind::Case => &[
            ("/id", Hash("case")),
            ("/child/id", Hash("child")),
            ("/child/date_of_birth", Year),
            ("/child/age_years", Keep),
            ("/child/age_estimated", Keep),
            ("/child/sex", Keep),
            ("/child/disability", Keep),
            ("/child/social_group", Keep),
            ("/child/school_status", Keep),
            ("/geography/state", Keep),
            ("/geography/district", Keep),
            ("/geography/block", Keep),
            ("/concerns/*/kind", Keep),
            ("/concerns/*/hazardous", Keep),
            ("/concerns/*/planned_date", Keep),
            ("/incident_date", Keep),
            ("/identified_at", Keep),
            ("/journey_hours", Keep),
            ("/risk_level", Keep),
            ("/status", Keep),
            ("/closure/date", Keep),
            ("/closure/reason", Keep),
            ("/consent/*", Keep),
            ("/services/*/service", Keep),
            ("/services/*/planned_at", Keep),
            ("/services/*/timeframe", Keep),
            ("/services/*/due_at", Keep),
            ("/services/*/agency", Keep),
            ("/services/*/implemented_at", Keep),
            ("/referrals/*/to", Keep),
            ("/referrals/*/at", Keep),
            ("/referrals/*/referral_id", Hash("referral")),
            ("/last_follow_up", Keep),
            ("/history/*/action", Keep),
            ("/history/*/at", Keep),
        ],
        _ => &[
            ("/id", Hash("referral")),
            ("/case_id", Hash("case")),
            ("/to", Keep),
            ("/service", Keep),
            ("/status", Keep),
            ("/created_at", Keep),
            ("/timeframe", Keep),
            ("/due_at", Keep),
            ("/consent/*", Keep),
            ("/consent_override/at", Keep),
            ("/history/*/to", Keep),
            ("/history/*/at", Keep),
        ],
    }
}

fn fail(code: Code, path: &str, params: Params, ctx: &Context<'_>) -> Report {
    Report::single(Diagnostic::new(code, path, params, ctx.locale))
}

/// The keyed hash of an identifier: HMAC-SHA256 over `label:id`, hex.
pub fn keyed_hash(secret: &[u8], label: &str, id: &str) -> String {
    // HMAC accepts keys of any length; the error arm cannot happen.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(label.as_bytes());
    mac.update(b":");
    mac.update(id.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Export a `case` or `referral` record (validated in full first).
///
/// `secret` keys the hashes and must have at least [`MIN_SECRET_BYTES`] bytes.
/// With `identifying`, `permission` (a [`Permission`] as JSON) is required and
/// must cover the record's case id; the date of the order may not lie after
/// the context's today.
pub fn export(
    kind: Kind,
    record: &Value,
    secret: &[u8],
    identifying: bool,
    permission: Option<&Value>,
    ctx: &Context<'_>,
) -> Result<Export, Report> {
    if secret.len() < MIN_SECRET_BYTES {
        return Err(fail(
            Code::ExportSecretWeak,
            "",
            Params::new().with("minimum", MIN_SECRET_BYTES),
            ctx,
        ));
    }
    let case_id = match kind {
        Kind::Case => parse_record::<Case>(kind, record, ctx)?.0.id,
        Kind::Referral => parse_record::<Referral>(kind, record, ctx)?.0.case_id,
        _ => {
            let allowed: Vec<Value> = vec!["case".into(), "referral".into()];
            return Err(fail(
                Code::UnknownKind,
                "",
                Params::new()
                    .with("kind", kind.as_str())
                    .with("allowed", allowed),
                ctx,
            ));
        }
    };
    let key_id = keyed_hash(secret, "key-id", "").chars().take(12).collect();
    if !identifying {
        let mut redacted = Vec::new();
        let record = deidentify(kind, record, secret, &mut redacted);
        return Ok(Export {
            kind,
            mode: Mode::Deidentified,
            key_id,
            permission: None,
            record,
            redacted,
        });
    }
    let Some(permission) = permission else {
        return Err(fail(
            Code::ExportPermissionMissing,
            "/permission",
            Params::new(),
            ctx,
        ));
    };
    let permission: Permission = parse_typed(permission, ctx.locale).map_err(|r| {
        // Paths inside the permission, so a form can point at the field.
        Report::from_diagnostics(
            r.diagnostics
                .into_iter()
                .map(|mut d| {
                    d.path = format!("/permission{}", d.path);
                    d
                })
                .collect(),
        )
    })?;
    if permission.date > ctx.today {
        return Err(fail(
            Code::DateInFuture,
            "/permission/date",
            Params::new()
                .with("field", "order date")
                .with("date", permission.date.to_string())
                .with("today", ctx.today.to_string()),
            ctx,
        ));
    }
    if !permission.scope.case_ids.contains(&case_id) {
        return Err(fail(
            Code::ExportOutOfScope,
            "/permission/scope/case_ids",
            Params::new().with("detail", format!("case {case_id} is not listed")),
            ctx,
        ));
    }
    Ok(Export {
        kind,
        mode: Mode::Identifying,
        key_id,
        permission: Some(permission),
        record: record.clone(),
        redacted: Vec::new(),
    })
}

fn matches(pattern: &str, path: &str) -> bool {
    let mut p = pattern.split('/');
    let mut q = path.split('/');
    loop {
        match (p.next(), q.next()) {
            (None, None) => return true,
            (Some("*"), Some(_)) => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Whether some allowed pattern lies at or below `path` (so a container is
/// descended into rather than dropped).
fn leads_somewhere(list: &[(&str, Rule)], path: &str) -> bool {
    let depth = path.split('/').count();
    list.iter().any(|(p, _)| {
        let prefix: Vec<&str> = p.split('/').take(depth).collect();
        prefix.len() == depth && matches(&prefix.join("/"), path)
    })
}

fn deidentify(kind: Kind, value: &Value, secret: &[u8], redacted: &mut Vec<String>) -> Value {
    let list = allow_list(kind);
    walk(list, value, "", secret, redacted).unwrap_or(Value::Null)
}

fn walk(
    list: &[(&str, Rule)],
    value: &Value,
    path: &str,
    secret: &[u8],
    redacted: &mut Vec<String>,
) -> Option<Value> {
    if !path.is_empty() {
        if let Some((_, rule)) = list.iter().find(|(p, _)| matches(p, path)) {
            return Some(match (rule, value) {
                (Rule::Keep, v) => v.clone(),
                (Rule::Hash(label), Value::String(id)) => {
                    redacted.push(path.to_owned());
                    Value::String(keyed_hash(secret, label, id))
                }
                (Rule::Year, Value::String(date)) => {
                    redacted.push(path.to_owned());
                    date.parse::<chrono::NaiveDate>()
                        .map(|d| Value::from(chrono::Datelike::year(&d)))
                        .unwrap_or(Value::Null)
                }
                (_, _) => {
                    redacted.push(path.to_owned());
                    Value::Null
                }
            });
        }
        if !leads_somewhere(list, path) {
            redacted.push(path.to_owned());
            return None;
        }
    }
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if let Some(x) = walk(list, v, &pointer(path, k), secret, redacted) {
                    out.insert(k.clone(), x);
                }
            }
            Some(Value::Object(out))
        }
        Value::Array(items) => Some(Value::Array(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| walk(list, v, &pointer(path, i), secret, redacted))
                .collect(),
        )),
        _ => {
            redacted.push(path.to_owned());
            None
        }
    }
}
