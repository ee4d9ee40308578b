//! Conversions between Python values and the core's JSON values, and the
//! mapping of core [`Report`]s to the exception classes written in Python
//! (`suraksha._errors`). Nothing here knows any rule of the domain.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};
use serde_json::Value;
use suraksha::boundary::{self, MAX_DEPTH};
use suraksha::diagnostic::pointer;
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
                Some(r) => report_to_py(py, r)?.into_any(),
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

/// A report as the dict the core serialises (`{"valid", "diagnostics"}`),
/// built directly: field names, codes and severities are interned strings
/// every report shares, so a batch of reports holds only each one's own
/// path, message and values (a diagnostic takes about 600 bytes, not 1,000).
pub fn report_to_py<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyDict>> {
    let diagnostics = PyList::empty(py);
    for d in &report.diagnostics {
        let params = PyDict::new(py);
        for (name, value) in &d.params {
            params.set_item(PyString::intern(py, name), to_py(py, value)?)?;
        }
        let item = PyDict::new(py);
        item.set_item(intern!(py, "code"), PyString::intern(py, d.code.as_str()))?;
        item.set_item(
            intern!(py, "severity"),
            PyString::intern(py, d.severity.as_str()),
        )?;
        item.set_item(intern!(py, "path"), &d.path)?;
        item.set_item(intern!(py, "message"), &d.message)?;
        item.set_item(intern!(py, "params"), params)?;
        diagnostics.append(item)?;
    }
    let out = PyDict::new(py);
    out.set_item(intern!(py, "valid"), report.valid)?;
    out.set_item(intern!(py, "diagnostics"), diagnostics)?;
    Ok(out)
}

/// A Python value made only of JSON types, as a JSON value.
///
/// Checked on the way in, before the core sees anything: nesting deeper than
/// [`MAX_DEPTH`] or a container that holds itself is `nesting_too_deep`, NaN
/// and infinities are `non_finite_number` (JSON has neither; they must not
/// silently become `null`), a str with a lone surrogate is `invalid_text` —
/// each an `InputError` carrying the coded report with the path. Anything but
/// dict, list, tuple, str, int, float, bool and None is a `TypeError`.
pub fn from_py(py: Python<'_>, obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    let mut open = Vec::new();
    json_of(obj, &mut open).map_err(|fail| fail.raise(py, what))
}

/// Why a Python value is not JSON, and where: the path's segments are
/// gathered innermost first while the failure returns, so a value that
/// converts never pays for a path.
struct Fail {
    problem: Problem,
    reversed_path: Vec<String>,
}

enum Problem {
    /// A str with a lone surrogate (`invalid_text`).
    Surrogate,
    /// NaN, an infinity or an int beyond a float (`non_finite_number`), as text.
    NonFinite(String),
    /// Deeper than [`MAX_DEPTH`], or a container inside itself (`nesting_too_deep`).
    TooDeep { cycle: bool },
    /// A value of a type with no JSON form (the caller's mistake: `TypeError`).
    NotJson(String),
    /// A dict key that is not a str, by its type.
    Key(String),
    /// Iterating a list or tuple failed.
    Iteration(String),
}

impl Fail {
    fn new(problem: Problem) -> Fail {
        Fail {
            problem,
            reversed_path: Vec::new(),
        }
    }

    /// The failure seen one level up, at `segment` of the parent.
    fn within(mut self, segment: impl ToString) -> Fail {
        self.reversed_path.push(segment.to_string());
        self
    }

    fn raise(self, py: Python<'_>, what: &str) -> PyErr {
        let path = self
            .reversed_path
            .iter()
            .rev()
            .fold(String::new(), |acc, seg| pointer(&acc, seg));
        let at = if path.is_empty() { "the top" } else { &path };
        let not_json = |detail: String| {
            Exc::Type.err(
                py,
                &format!(
                    "{what} must hold only JSON values (dict, list, str, int, float, bool, None): {detail}"
                ),
                None,
            )
        };
        match self.problem {
            Problem::Surrogate => Exc::Input.report(
                py,
                &boundary::invalid_text(&path, "a string holds a lone surrogate", Locale::En),
            ),
            Problem::NonFinite(detail) => {
                Exc::Input.report(py, &boundary::non_finite(&path, &detail, Locale::En))
            }
            Problem::TooDeep { cycle } => {
                Exc::Input.report(py, &boundary::too_deep(&path, cycle, Locale::En))
            }
            Problem::NotJson(ty) => not_json(format!("`{ty}` at {at}")),
            Problem::Key(ty) => {
                not_json(format!("a key of type `{ty}` at {at} (keys must be str)"))
            }
            Problem::Iteration(detail) => not_json(detail),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// A str's text; a lone surrogate is a failure.
fn text_of(s: &Bound<'_, PyString>) -> Result<String, Fail> {
    s.to_cow()
        .map(|c| c.into_owned())
        .map_err(|_| Fail::new(Problem::Surrogate))
}

fn finite(f: f64) -> Result<Value, Fail> {
    serde_json::Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| Fail::new(Problem::NonFinite(f.to_string())))
}

/// Convert, tracking the containers open on the current path (`open`, by
/// identity) to catch cycles and depth before recursing.
fn json_of(obj: &Bound<'_, PyAny>, open: &mut Vec<usize>) -> Result<Value, Fail> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // str first (the commonest leaf), bool before int (bool is an int in Python).
    if let Ok(s) = obj.cast::<PyString>() {
        return text_of(s).map(Value::String);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        if let Ok(v) = i.extract::<i64>() {
            return Ok(Value::from(v));
        }
        if let Ok(v) = i.extract::<u64>() {
            return Ok(Value::from(v));
        }
        // Beyond 64 bits: a float, as a JSON parser reads such a literal.
        let f: f64 = i
            .extract()
            .map_err(|_| Fail::new(Problem::NonFinite("an int too large".into())))?;
        return finite(f);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return finite(f.value());
    }
    let dict = obj.cast::<PyDict>().ok();
    if dict.is_none() && obj.cast::<PyList>().is_err() && obj.cast::<PyTuple>().is_err() {
        return Err(Fail::new(Problem::NotJson(type_name(obj))));
    }
    let id = obj.as_ptr() as usize;
    if open.contains(&id) {
        return Err(Fail::new(Problem::TooDeep { cycle: true }));
    }
    if open.len() >= MAX_DEPTH {
        return Err(Fail::new(Problem::TooDeep { cycle: false }));
    }
    open.push(id);
    let result = if let Some(d) = dict {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => text_of(s)?,
                Err(_) => return Err(Fail::new(Problem::Key(type_name(&k)))),
            };
            match json_of(&v, open) {
                Ok(value) => {
                    map.insert(key, value);
                }
                Err(fail) => return Err(fail.within(key)),
            }
        }
        Value::Object(map)
    } else {
        let mut items = Vec::with_capacity(obj.len().unwrap_or(0));
        let iter = obj
            .try_iter()
            .map_err(|e| Fail::new(Problem::Iteration(e.to_string())))?;
        for (i, item) in iter.enumerate() {
            let item = item.map_err(|e| Fail::new(Problem::Iteration(e.to_string())))?;
            items.push(json_of(&item, open).map_err(|fail| fail.within(i))?);
        }
        Value::Array(items)
    };
    open.pop();
    Ok(result)
}

/// A record given as a dict, JSON text (`str`) or UTF-8 JSON bytes. A lone
/// surrogate in the str and invalid UTF-8 in the bytes are both `invalid_text`.
pub fn record(py: Python<'_>, obj: &Bound<'_, PyAny>, locale: Locale) -> PyResult<Value> {
    if let Some(text) = record_text(py, obj)? {
        return parse_text(py, &text, locale);
    }
    // Bytes that are not UTF-8: the parser words the problem.
    if let Some(bytes) = as_bytes(obj) {
        return boundary::parse_json_bytes(&bytes, locale).map_err(|r| Exc::Input.report(py, &r));
    }
    if obj.cast::<PyDict>().is_ok() {
        return from_py(py, obj, "a record");
    }
    let type_name = type_name(obj);
    Err(Exc::Type.err(
        py,
        &format!("a record must be a dict, a JSON str or JSON bytes, not `{type_name}`"),
        None,
    ))
}

/// A record given as JSON text: the text of a `str` (a lone surrogate is
/// `invalid_text`, as in [`record`]) or of UTF-8 `bytes`; `None` for a dict,
/// for bytes that are not UTF-8 and for anything else, which [`record`] judges.
pub fn record_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if let Ok(text) = obj.cast::<PyString>() {
        return text_of(text)
            .map(Some)
            .map_err(|fail| fail.raise(py, "a record"));
    }
    Ok(as_bytes(obj).and_then(|bytes| String::from_utf8(bytes).ok()))
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
pub fn kind(
    py: Python<'_>,
    name: &Bound<'_, PyString>,
    locale: Locale,
) -> PyResult<suraksha::Kind> {
    suraksha::Kind::parse(&name_of(name), locale).map_err(|r| Exc::Input.report(py, &r))
}

/// The text of a name argument (a kind, a choice). A lone surrogate, which no
/// valid name holds, is written as its escape (`\ud800`), so the caller is
/// told the name is unknown (and what the names are) rather than meeting a
/// `UnicodeEncodeError`.
pub fn name_of<'a>(name: &'a Bound<'_, PyString>) -> std::borrow::Cow<'a, str> {
    name.to_cow().unwrap_or_else(|_| {
        let escaped = name
            .call_method1(intern!(name.py(), "encode"), ("utf-8", "backslashreplace"))
            .ok()
            .and_then(|b| b.cast::<PyBytes>().ok().map(|b| b.as_bytes().to_vec()))
            .unwrap_or_default();
        std::borrow::Cow::Owned(String::from_utf8_lossy(&escaped).into_owned())
    })
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
