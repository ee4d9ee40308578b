//! WebAssembly bindings of suraksha for web forms.
//!
//! Conversion only: every export turns its JS arguments into JSON values, calls
//! one function of the core API and returns a tagged result,
//! `{type: "success", <name>: value}` when the work ran, or
//! `{type: "failure", category, diagnostics}` when it could not, the category
//! being that of the core's [`suraksha::Error`]: `input` (unknown kind,
//! malformed JSON, bad options), `invalid` (the operation needs a valid record)
//! or `internal`. Validation always runs on usable input, so an invalid record
//! is a *success* whose `report.valid` is false: a form shows field errors
//! from a success and a banner for a failure. Nothing here throws or traps on
//! bad input; failures are the core's coded diagnostics. The TypeScript signatures are hand-written in `types.d.ts`; the
//! record, options and report types they use are generated from `/schemas` at
//! build time (`npm/assemble.mjs`).
//!
//! Compiled only for wasm targets so `cargo test --workspace` stays native.
#![cfg(target_family = "wasm")]

use js_sys::JSON;
use serde::Serialize;
use serde_json::{Map, Value};
use suraksha::api;
use suraksha::boundary;
use suraksha::diagnostic::{Code, Diagnostic, Params};
use suraksha::{Category, Context, Error, Kind, Locale, Options, Report};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A JS value as JSON. A string is taken as JSON text when `text_ok`, so forms
/// can pass either an object or the raw text they hold.
fn to_json(value: &JsValue, text_ok: bool, locale: Locale) -> Result<Value, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    api::parse_json(&json_text(value, text_ok, locale)?, locale)
}

/// The JSON text of a JS value that is neither `undefined` nor `null`: a
/// string as it is when `text_ok`, anything else through `JSON.stringify`.
fn json_text(value: &JsValue, text_ok: bool, locale: Locale) -> Result<String, Error> {
    if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
        // A lone surrogate silently becomes U+FFFD in the copy: refuse it with
        // the code every other entry point gives. Looking code unit by code
        // unit costs a call into JS each (a third of a case's validation), so
        // only a copy that holds a U+FFFD is looked at.
        let text = s.as_string().unwrap_or_default();
        if text.contains('\u{FFFD}') && !s.is_valid_utf16() {
            return Err(Error::Input(boundary::invalid_text(
                "",
                "a string holds a lone surrogate",
                locale,
            )));
        }
        if text_ok {
            return Ok(text);
        }
    }
    // JSON.stringify turns NaN and infinities into `null` (a field would
    // vanish), so only text holding a `null` may have had one: that text, or
    // a stringify that throws, takes the careful way below, which gives the
    // same text or the same refusal. The rest costs no call back into the
    // module per value. Lone surrogates come out escaped as \udXXX, which the
    // parser reports as invalid_text.
    if let Some(text) = JSON::stringify(value).ok().and_then(|t| t.as_string()) {
        if !text.contains("null") {
            return Ok(text);
        }
    }
    let non_finite = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = non_finite.clone();
    let replacer =
        Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(move |_key: JsValue, v: JsValue| {
            if v.as_f64().is_some_and(|x| !x.is_finite()) {
                seen.set(true);
            }
            v
        });
    let text = JSON::stringify_with_replacer(value, replacer.as_ref());
    if non_finite.get() {
        return Err(Error::Input(boundary::non_finite(
            "",
            "NaN or Infinity in a JavaScript value",
            locale,
        )));
    }
    // JSON.stringify refuses cycles (TypeError) and too deep values (RangeError),
    // and BigInt; it yields undefined for functions.
    match text {
        Ok(s) => s.as_string(),
        Err(e)
            if e.is_instance_of::<js_sys::TypeError>() && format!("{e:?}").contains("ircular") =>
        {
            return Err(Error::Input(boundary::too_deep("", true, locale)))
        }
        Err(e) if e.is_instance_of::<js_sys::RangeError>() => {
            return Err(Error::Input(boundary::too_deep("", false, locale)))
        }
        Err(_) => None,
    }
    .ok_or_else(|| unusable("not representable as JSON", locale))
}

fn unusable(detail: &str, locale: Locale) -> Error {
    Error::input(Diagnostic::new(
        Code::InvalidValue,
        "",
        Params::new().with("detail", detail),
        locale,
    ))
}

/// Options (`undefined` for defaults) to a context.
/// Without a `today`, the device's local date: a phone knows where it is.
fn context(options: &JsValue) -> Result<Context<'static>, Error> {
    let mut options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        parsed_options(json_text(options, true, Locale::En)?)?
    };
    options.today = options
        .today
        .or_else(|| Some(chrono::Local::now().date_naive()));
    options.context()
}

thread_local! {
    /// The last options read, by their JSON text: a form passes the same
    /// options with every record, and reading them costs a fifth of a call.
    static LAST_OPTIONS: std::cell::RefCell<Option<(String, Options)>> =
        const { std::cell::RefCell::new(None) };
}

fn parsed_options(text: String) -> Result<Options, Error> {
    let kept = LAST_OPTIONS.with_borrow(|last| {
        last.as_ref()
            .filter(|(t, _)| *t == text)
            .map(|(_, o)| o.clone())
    });
    if let Some(options) = kept {
        return Ok(options);
    }
    let options = Options::from_value(&api::parse_json(&text, Locale::En)?)?;
    LAST_OPTIONS.set(Some((text, options.clone())));
    Ok(options)
}

/// A kind name; JS may pass anything, and a non-string is an unknown kind.
fn kind(name: &JsValue, locale: Locale) -> Result<Kind, Error> {
    Kind::parse(&name.as_string().unwrap_or_default(), locale)
}

/// Serialise to a JS value through JSON text (JSON.parse of our own output cannot fail).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
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
            to_js(&m)
        }
        Err(e) => failure(Error::internal(&e.to_string())),
    }
}

fn failure(error: Error) -> JsValue {
    let category = match error.category() {
        Category::Input => "input",
        Category::Invalid => "invalid",
        Category::Internal => "internal",
    };
    let mut m = Map::new();
    m.insert("type".into(), "failure".into());
    m.insert("category".into(), category.into());
    m.insert(
        "diagnostics".into(),
        serde_json::to_value(error.into_report().diagnostics).unwrap_or_default(),
    );
    to_js(&m)
}

fn outcome<T: Serialize>(name: &str, result: Result<T, Error>) -> JsValue {
    match result {
        Ok(v) => success(name, &v),
        Err(e) => failure(e),
    }
}

/// Validate a record of `kind` (object or JSON text): success whenever
/// validation ran, with the report (`report.valid` false for an invalid
/// record); failure only when it could not run (unknown kind, bad options,
/// text that is not JSON).
#[wasm_bindgen(skip_typescript)]
pub fn validate(kind_name: JsValue, record: JsValue, options: JsValue) -> JsValue {
    let run = || -> Result<Report, Error> {
        let ctx = context(&options)?;
        let kind = kind(&kind_name, ctx.locale)?;
        // Through a `Value`, not `validate_str`'s tape: the tape path was
        // 12 % faster here but added 82 KiB to the gzipped module.
        Ok(api::validate(
            kind,
            &to_json(&record, true, ctx.locale)?,
            &ctx,
        ))
    };
    outcome("report", run())
}

/// The record kinds.
#[wasm_bindgen(skip_typescript)]
pub fn kinds() -> JsValue {
    to_js(&api::kinds())
}

/// The JSON Schema (draft 2020-12) of a kind.
#[wasm_bindgen(skip_typescript)]
pub fn schema(kind_name: JsValue) -> JsValue {
    outcome("schema", kind(&kind_name, Locale::En).map(Kind::schema))
}

/// Every diagnostic code with its severity and English and Hindi templates.
#[wasm_bindgen(skip_typescript)]
pub fn codes() -> JsValue {
    to_js(&suraksha::codes::catalogue())
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
        suraksha::workflow::apply_transition(kind, &record, &change, &ctx).map_err(Error::Invalid)
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
            .map_err(Error::Invalid)
    };
    outcome("review", run())
}

/// The shipped CCI benchmark frame (a `cci_frame` record).
#[wasm_bindgen(js_name = cciFrame, skip_typescript)]
pub fn cci_frame() -> JsValue {
    success("frame", &suraksha::cci::default_frame())
}
