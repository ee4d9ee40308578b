//! Python bindings of suraksha: the native module `suraksha._suraksha`, wrapped
//! by the pure-Python package `suraksha`. Each function converts its arguments,
//! calls one core function with the GIL released and converts the result back;
//! every rule, every table conversion and the report pipeline live in the core.
//!
//! Failures are the core's [`suraksha::Error`]s raised, by category, as the
//! exception classes of `suraksha._errors` ([`raise`]).

mod batch;
mod convert;
mod district;
mod export;
mod tree;

use pyo3::prelude::*;
use pyo3::types::PyString;
use suraksha::{api, workflow};

// Validation allocates many small strings and maps per record; glibc's
// allocator spent about a fifth of a record's time on them, mimalloc far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use convert::{
    context, detached, kind as parse_kind, record as to_record, report_to_py, to_py, Exc,
};

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
fn schema<'py>(py: Python<'py>, kind: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
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
    kind: &Bound<'py, PyString>,
    record: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    // JSON text is read in place by the core; a dict is read in place
    // whenever the tree path can decide, and otherwise converted to JSON.
    if let Some(text) = convert::record_text(py, record)? {
        let report = detached(py, || api::validate_str(k, &text, &ctx))?;
        return Ok(report_to_py(py, &report.map_err(|e| raise(py, e))?)?.into_any());
    }
    let report = match tree::validate(record, k, &ctx) {
        Some(report) => report,
        None => {
            let value = to_record(py, record, ctx.locale)?;
            detached(py, || api::validate(k, &value, &ctx))?
        }
    };
    Ok(report_to_py(py, &report)?.into_any())
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
    kind: &Bound<'py, PyString>,
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
    m.add_function(wrap_pyfunction!(batch::validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(batch::validate_table, m)?)?;
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
