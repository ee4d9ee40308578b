//! Python bindings of suraksha: the native module `suraksha._suraksha`, wrapped
//! by the pure-Python package `suraksha`. Each function converts its arguments,
//! calls the core API and converts the result back; every rule lives in the core.
//!
//! Failures are the core's [`suraksha::Error`]s raised, by category, as the
//! exception classes of `suraksha._errors` ([`raise`]). Heavy work runs without the GIL.

mod arrow;
mod columnar;
mod convert;
mod district;
mod export;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use pyo3_arrow::PyTable;
use serde_json::Value;
use suraksha::{api, workflow, Report};

use convert::{context, detached, kind as parse_kind, record as to_record, to_py, Exc};

/// The exception for a core error, by its category: unusable input is
/// `InputError`, an invalid record `ValidationError`, a bug `InternalError`;
/// each carries the core's report.
pub(crate) fn raise(py: Python<'_>, error: suraksha::Error) -> PyErr {
    let exc = match error.category() {
        suraksha::Category::Input => Exc::Input,
        suraksha::Category::Invalid => Exc::Validation,
        suraksha::Category::Internal => Exc::Internal,
    };
    exc.report(py, error.report())
}

/// Names of the record kinds.
#[pyfunction]
fn kinds() -> Vec<&'static str> {
    api::kinds()
}

/// Every diagnostic code: `code`, `severity`, `en` and `hi` message templates.
#[pyfunction]
fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &suraksha::codes::catalogue())
}

/// The JSON Schema (draft 2020-12) of a record kind.
#[pyfunction]
fn schema<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    let k = parse_kind(py, kind, suraksha::Locale::En)?;
    to_py(py, k.schema())
}

/// The effective rule profile: the default one patched by `options["profile"]`.
#[pyfunction]
#[pyo3(signature = (options=None))]
fn profile<'py>(
    py: Python<'py>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    to_py(py, ctx.profile.as_ref())
}

/// Validate one record (dict, JSON str or bytes); returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (kind, record, options=None))]
fn validate<'py>(
    py: Python<'py>,
    kind: &str,
    record: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let value = to_record(py, record, ctx.locale)?;
    let report = detached(py, || api::validate(k, &value, &ctx))?;
    to_py(py, &report)
}

/// One item of a batch: a parsed value, or text still to parse (malformed text
/// becomes that row's report instead of failing the batch).
enum Item {
    Value(Value),
    Text(String),
}

fn batch_items(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Vec<Item>> {
    let ndjson = |text: &str| -> Vec<Item> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Item::Text(l.to_owned()))
            .collect()
    };
    if let Ok(text) = records.cast::<PyString>() {
        return Ok(ndjson(&text.to_cow()?));
    }
    if let Some(bytes) = convert::as_bytes(records) {
        let text = String::from_utf8(bytes)
            .map_err(|e| Exc::Input.err(py, &format!("NDJSON bytes are not UTF-8: {e}"), None))?;
        return Ok(ndjson(&text));
    }
    if records.cast::<PyList>().is_err() && records.cast::<PyTuple>().is_err() {
        let type_name = records
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        let message =
            format!("records must be a list of records, NDJSON str or bytes, not `{type_name}`");
        return Err(Exc::Type.err(py, &message, None));
    }
    records
        .try_iter()?
        .map(|item| {
            let item = item?;
            match item.cast::<PyString>() {
                Ok(s) => Ok(Item::Text(s.to_cow()?.into_owned())),
                Err(_) => match convert::as_bytes(&item) {
                    Some(b) => Ok(Item::Text(String::from_utf8_lossy(&b).into_owned())),
                    None => Ok(Item::Value(to_record(py, &item, suraksha::Locale::En)?)),
                },
            }
        })
        .collect()
}

/// Validate parsed and unparsed items in order, in parallel where the core can.
fn validate_items(k: suraksha::Kind, items: Vec<Item>, ctx: &suraksha::Context<'_>) -> Vec<Report> {
    let parsed: Vec<Result<Value, Report>> = items
        .into_iter()
        .map(|i| match i {
            Item::Value(v) => Ok(v),
            Item::Text(t) => api::parse_json(&t, ctx.locale).map_err(suraksha::Error::into_report),
        })
        .collect();
    let values: Vec<Value> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok().cloned())
        .collect();
    let mut checked = api::validate_many(k, &values, ctx).into_iter();
    parsed
        .into_iter()
        .map(|p| match p {
            Ok(_) => checked.next().unwrap_or_default(),
            Err(report) => report,
        })
        .collect()
}

/// Validate many records: a list of records, or NDJSON text/bytes (one record a
/// non-blank line). Returns one report dict per record, in order.
#[pyfunction]
#[pyo3(signature = (kind, records, options=None))]
fn validate_many<'py>(
    py: Python<'py>,
    kind: &str,
    records: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let items = batch_items(py, records)?;
    let reports = detached(py, || validate_items(k, items, &ctx))?;
    to_py(py, &reports)
}

/// Validate every row of an Arrow table (any object exporting the Arrow
/// PyCapsule interface); returns the per-row result table.
#[pyfunction]
#[pyo3(signature = (kind, table, options=None))]
fn validate_table<'py>(
    py: Python<'py>,
    kind: &str,
    table: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<PyTable> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let batches = district::batches(py, table)?;
    let result = detached(py, || -> Result<_, String> {
        let items = arrow::rows(&batches)?
            .into_iter()
            .map(Item::Value)
            .collect();
        let reports = validate_items(k, items, &ctx);
        arrow::report_table(&reports).map_err(|e| e.to_string())
    })?;
    let batch =
        result.map_err(|e| Exc::Input.err(py, &format!("cannot read the table: {e}"), None))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// Risk triage of a case; an invalid case raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (case, options=None))]
fn triage<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let value = to_record(py, case, ctx.locale)?;
    let result = detached(py, || api::triage(&value, &ctx))?;
    to_py(py, &result.map_err(|e| raise(py, e))?)
}

/// The functionality index of a VCPC; an invalid record raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (vcpc, options=None))]
fn functionality<'py>(
    py: Python<'py>,
    vcpc: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let value = to_record(py, vcpc, ctx.locale)?;
    let result = detached(py, || api::functionality(&value, &ctx))?;
    to_py(py, &result.map_err(|e| raise(py, e))?)
}

/// Apply a transition to a case or referral; returns the new record, or raises
/// `ValidationError` when the record is invalid or the transition is refused.
#[pyfunction]
#[pyo3(signature = (kind, record, transition, options=None))]
fn apply_transition<'py>(
    py: Python<'py>,
    kind: &str,
    record: &Bound<'py, PyAny>,
    transition: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let value = to_record(py, record, ctx.locale)?;
    let change = to_record(py, transition, ctx.locale)?;
    let result = detached(py, || workflow::apply_transition(k, &value, &change, &ctx))?;
    let result = result.map_err(suraksha::Error::Invalid);
    to_py(py, &result.map_err(|e| raise(py, e))?)
}

/// Panics on purpose, inside the guard every call uses: lets the tests prove a
/// Rust panic reaches Python as `InternalError`, never as `PanicException`.
#[pyfunction]
fn _panic_guard_selftest(py: Python<'_>) -> PyResult<()> {
    let empty: Vec<u8> = Vec::new();
    detached(py, || {
        // An out-of-bounds access: the kind of bug the guard exists for.
        let i = empty.len();
        #[allow(clippy::indexing_slicing)]
        let _ = std::hint::black_box(&empty)[i];
    })
}

/// The native module, wrapped by the `suraksha` Python package.
#[pymodule]
fn _suraksha(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(profile, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(validate_table, m)?)?;
    m.add_function(wrap_pyfunction!(triage, m)?)?;
    m.add_function(wrap_pyfunction!(functionality, m)?)?;
    m.add_function(wrap_pyfunction!(apply_transition, m)?)?;
    m.add_function(wrap_pyfunction!(district::indicator_catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(district::indicator_partial, m)?)?;
    m.add_function(wrap_pyfunction!(district::_indicator_partial_by, m)?)?;
    m.add_function(wrap_pyfunction!(district::_roster_path, m)?)?;
    m.add_function(wrap_pyfunction!(district::merge_partials, m)?)?;
    m.add_function(wrap_pyfunction!(district::indicator_tables, m)?)?;
    m.add_function(wrap_pyfunction!(district::dna_baseline, m)?)?;
    m.add_function(wrap_pyfunction!(district::cci_review, m)?)?;
    m.add_function(wrap_pyfunction!(district::sample_roster, m)?)?;
    m.add_function(wrap_pyfunction!(district::sample_dna, m)?)?;
    m.add_function(wrap_pyfunction!(district::district_report, m)?)?;
    m.add_function(wrap_pyfunction!(export::export, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_guard_selftest, m)?)?;
    Ok(())
}
