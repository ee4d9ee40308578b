//! WebAssembly bindings of suraksha for web forms.
//!
//! Conversion only: every export turns its JS arguments into JSON values, calls
//! one function of the core API and returns a tagged result,
//! `{type: "success", <name>: value}` or `{type: "failure", diagnostics}`.
//! Nothing here throws or traps on bad input; failures are the core's coded
//! diagnostics. The TypeScript signatures are hand-written in `types.d.ts`; the
//! record, options and report types they use are generated from `/schemas` at
//! build time (`npm/assemble.mjs`).
//!
//! Compiled only for wasm targets so `cargo test --workspace` stays native.
#![cfg(target_family = "wasm")]

use js_sys::JSON;
use serde::Serialize;
use serde_json::{Map, Value};
use suraksha::api::{self, Kind, Options};
use suraksha::diagnostic::{Code, Diagnostic, Params};
use suraksha::{Context, Locale, Report};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A JS value as JSON. A string is taken as JSON text when `text_ok`, so forms
/// can pass either an object or the raw text they hold.
fn to_json(value: &JsValue, text_ok: bool, locale: Locale) -> Result<Value, Report> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if let (true, Some(text)) = (text_ok, value.as_string()) {
        return api::parse_json(&text, locale);
    }
    // JSON.stringify refuses cycles and BigInt and yields undefined for
    // functions: report those as an unusable value rather than throwing.
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| unusable("not representable as JSON", locale))?;
    api::parse_json(&text, locale)
}

fn unusable(detail: &str, locale: Locale) -> Report {
    Report::single(Diagnostic::new(
        Code::InvalidValue,
        "",
        Params::new().with("detail", detail),
        locale,
    ))
}

/// Options (`undefined` for defaults) to a context.
/// Without a `today`, the device's local date: a phone knows where it is.
fn context(options: &JsValue) -> Result<Context<'static>, Report> {
    let mut options = Options::from_value(&to_json(options, true, Locale::En)?)?;
    options.today = options
        .today
        .or_else(|| Some(chrono::Local::now().date_naive()));
    options.context()
}

/// A kind name; JS may pass anything, and a non-string is an unknown kind.
fn kind(name: &JsValue, locale: Locale) -> Result<Kind, Report> {
    Kind::parse(&name.as_string().unwrap_or_default(), locale)
}

/// Serialise a JSON value to a JS value (JSON.parse of our own output cannot fail).
fn to_js(value: &Value) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

fn success<T: Serialize>(name: &str, value: &T) -> JsValue {
    match serde_json::to_value(value) {
        Ok(v) => {
            let mut m = Map::new();
            m.insert("type".into(), "success".into());
            m.insert(name.into(), v);
            to_js(&Value::Object(m))
        }
        Err(e) => failure(unusable(&e.to_string(), Locale::En)),
    }
}

fn failure(report: Report) -> JsValue {
    let mut m = Map::new();
    m.insert("type".into(), "failure".into());
    m.insert(
        "diagnostics".into(),
        serde_json::to_value(report.diagnostics).unwrap_or_default(),
    );
    to_js(&Value::Object(m))
}

fn outcome<T: Serialize>(name: &str, result: Result<T, Report>) -> JsValue {
    match result {
        Ok(v) => success(name, &v),
        Err(report) => failure(report),
    }
}

/// Validate a record of `kind` (object or JSON text): success when it has no
/// errors (warnings may remain in the report), failure with every diagnostic otherwise.
#[wasm_bindgen(skip_typescript)]
pub fn validate(kind_name: JsValue, record: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<Report, Report> {
        let ctx = context(&options)?;
        let kind = kind(&kind_name, ctx.locale)?;
        let report = api::validate(kind, &to_json(&record, true, ctx.locale)?, &ctx);
        if report.valid {
            Ok(report)
        } else {
            Err(report)
        }
    };
    outcome("report", run())
}

/// The record kinds.
#[wasm_bindgen(skip_typescript)]
pub fn kinds() -> JsValue {
    to_js(&api::kinds().into())
}

/// The JSON Schema (draft 2020-12) of a kind.
#[wasm_bindgen(skip_typescript)]
pub fn schema(kind_name: JsValue) -> JsValue {
    outcome("schema", kind(&kind_name, Locale::En).map(Kind::schema))
}

/// Every diagnostic code with its severity and English and Hindi templates.
#[wasm_bindgen(skip_typescript)]
pub fn codes() -> JsValue {
    to_js(&serde_json::to_value(suraksha::codes::catalogue()).unwrap_or_default())
}

/// The rule profile in force with these options (defaults plus any patch).
#[wasm_bindgen(skip_typescript)]
pub fn profile(options: JsValue) -> JsValue {
    outcome("profile", context(&options).map(|c| c.profile.into_owned()))
}

/// Risk triage of a valid case.
#[wasm_bindgen(skip_typescript)]
pub fn triage(case: JsValue, options: JsValue) -> JsValue {
    let run = || {
        let ctx = context(&options)?;
        api::triage(&to_json(&case, true, ctx.locale)?, &ctx)
    };
    outcome("triage", run())
}

/// The functionality index of a valid VCPC.
#[wasm_bindgen(skip_typescript)]
pub fn functionality(vcpc: JsValue, options: JsValue) -> JsValue {
    let run = || {
        let ctx = context(&options)?;
        api::functionality(&to_json(&vcpc, true, ctx.locale)?, &ctx)
    };
    outcome("functionality", run())
}

/// Apply a transition to a case or referral; success holds the updated record.
#[wasm_bindgen(skip_typescript)]
pub fn transition(
    kind_name: JsValue,
    record: JsValue,
    change: JsValue,
    options: JsValue,
) -> JsValue {
    let run = || {
        let ctx = context(&options)?;
        let kind = kind(&kind_name, ctx.locale)?;
        let record = to_json(&record, true, ctx.locale)?;
        let change = to_json(&change, true, ctx.locale)?;
        suraksha::workflow::apply_transition(kind, &record, &change, &ctx)
    };
    outcome("record", run())
}

/// Score a CCI review (`cci_assessment`) against `frame` (a `cci_frame`
/// record), or against the shipped frame when `frame` is `undefined` or `null`.
#[wasm_bindgen(js_name = reviewCci, skip_typescript)]
pub fn review_cci(assessment: JsValue, frame: JsValue, options: JsValue) -> JsValue {
    let run = || {
        let ctx = context(&options)?;
        let assessment = to_json(&assessment, true, ctx.locale)?;
        let frame = to_json(&frame, true, ctx.locale)?;
        suraksha::cci::assess_value(&assessment, Some(&frame).filter(|f| !f.is_null()), &ctx)
    };
    outcome("review", run())
}

/// The shipped CCI benchmark frame (a `cci_frame` record).
#[wasm_bindgen(js_name = cciFrame, skip_typescript)]
pub fn cci_frame() -> JsValue {
    success("frame", &suraksha::cci::default_frame())
}
