//! Conversions between Python values and the core's JSON values, and the
//! mapping of core [`Report`]s to the exception classes written in Python
//! (`suraksha._errors`). Nothing here knows any rule of the domain.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString};
use serde_json::Value;
use suraksha::{api, Context, Locale, Options, Report};

/// The exception classes of `suraksha._errors`, by name.
#[derive(Clone, Copy)]
pub enum Exc {
    /// The record breaks a rule (`ValidationError`, a `ValueError`).
    Validation,
    /// Unusable input: unknown kind, malformed JSON, bad options (`InputError`, a `ValueError`).
    Input,
    /// An argument of the wrong Python type (`InputTypeError`, a `TypeError`).
    Type,
    /// A failure inside the library (`InternalError`); never expected.
    Internal,
}

impl Exc {
    fn name(self) -> &'static str {
        match self {
            Exc::Validation => "ValidationError",
            Exc::Input => "InputError",
            Exc::Type => "InputTypeError",
            Exc::Internal => "InternalError",
        }
    }

    /// Build the exception with a message and, when there is one, the report as a dict.
    pub fn err(self, py: Python<'_>, message: &str, report: Option<&Report>) -> PyErr {
        let build = || -> PyResult<PyErr> {
            let cls = py.import("suraksha._errors")?.getattr(self.name())?;
            let report = match report {
                Some(r) => to_py(py, r)?,
                None => py.None().into_bound(py),
            };
            Ok(PyErr::from_value(cls.call1((message, report))?))
        };
        // If the Python half is missing (a bare native import), still raise something clear.
        build().unwrap_or_else(|e| e)
    }

    /// The exception for a core report, its message the report's own summary.
    pub fn report(self, py: Python<'_>, report: &Report) -> PyErr {
        self.err(py, &report.to_string(), Some(report))
    }
}

/// Any serialisable core value as plain Python objects (dicts, lists, str, int, float).
pub fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| Exc::Internal.err(py, &e.to_string(), None))
}

/// A Python value made only of JSON types, as a JSON value.
pub fn from_py(py: Python<'_>, obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    pythonize::depythonize::<Value>(obj).map_err(|e| {
        Exc::Type.err(
            py,
            &format!(
                "{what} must hold only JSON values (dict, list, str, int, float, bool, None): {e}"
            ),
            None,
        )
    })
}

/// A record given as a dict, JSON text (`str`) or UTF-8 JSON bytes.
pub fn record(py: Python<'_>, obj: &Bound<'_, PyAny>, locale: Locale) -> PyResult<Value> {
    if let Ok(text) = obj.cast::<PyString>() {
        return parse_text(py, &text.to_cow()?, locale);
    }
    if let Some(bytes) = as_bytes(obj) {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| Exc::Input.err(py, &format!("record bytes are not UTF-8: {e}"), None))?;
        return parse_text(py, text, locale);
    }
    if obj.cast::<PyDict>().is_ok() {
        return from_py(py, obj, "a record");
    }
    let type_name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(Exc::Type.err(
        py,
        &format!("a record must be a dict, a JSON str or JSON bytes, not `{type_name}`"),
        None,
    ))
}

/// The bytes of a `bytes` or `bytearray` object.
pub fn as_bytes(obj: &Bound<'_, PyAny>) -> Option<Vec<u8>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    obj.cast::<PyByteArray>().ok().map(|b| b.to_vec())
}

fn parse_text(py: Python<'_>, text: &str, locale: Locale) -> PyResult<Value> {
    api::parse_json(text, locale).map_err(|r| Exc::Input.report(py, &r))
}

/// The validation context from an options dict (`locale`, `today`, `profile`), or defaults.
pub fn context(py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Context<'static>> {
    let value = match options {
        None => Value::Null,
        Some(o) if o.is_none() => Value::Null,
        Some(o) if o.cast::<PyDict>().is_ok() => from_py(py, o, "options")?,
        Some(o) => {
            let type_name = o
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            return Err(Exc::Type.err(
                py,
                &format!("options must be a dict or None, not `{type_name}`"),
                None,
            ));
        }
    };
    Options::from_value(&value)
        .and_then(|o| o.context())
        .map_err(|r| Exc::Input.report(py, &r))
}

/// A record kind by name; an unknown name is an `InputError` carrying the `unknown_kind` report.
pub fn kind(py: Python<'_>, name: &str, locale: Locale) -> PyResult<suraksha::Kind> {
    suraksha::Kind::parse(name, locale).map_err(|r| Exc::Input.report(py, &r))
}

/// Run core work without the GIL, turning a panic into `InternalError` so it
/// never reaches Python as a `PanicException`.
pub fn detached<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    T: Send,
    F: Send + FnOnce() -> T,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(work))) {
        Ok(value) => Ok(value),
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Exc::Internal.err(
                py,
                &format!("internal error in suraksha (please report it): {detail}"),
                None,
            ))
        }
    }
}
