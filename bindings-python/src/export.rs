//! `export`: a case or referral record to share outside the committee,
//! de-identified unless a recorded permission allows otherwise (the rules are
//! the core's, `suraksha::export`; this only converts).

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{as_bytes, context, detached, from_py, kind, record as to_record, to_py, Exc};

/// Export a record; a refused export raises `ValidationError` with the report.
#[pyfunction]
#[pyo3(signature = (kind_name, record, secret, identifying=false, permission=None, options=None))]
pub fn export<'py>(
    py: Python<'py>,
    kind_name: &Bound<'py, PyAny>,
    record: &Bound<'py, PyAny>,
    secret: &Bound<'py, PyAny>,
    identifying: bool,
    permission: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let name = kind_name
        .cast::<PyString>()
        .map_err(|_| Exc::Type.err(py, "the kind must be a str", None))?;
    let kind = kind(py, name, ctx.locale)?;
    let value = to_record(py, record, ctx.locale)?;
    let secret: Vec<u8> = match as_bytes(secret) {
        Some(b) => b,
        None if secret.cast::<PyString>().is_ok() => match from_py(py, secret, "the secret")? {
            serde_json::Value::String(s) => s.into_bytes(),
            _ => Vec::new(),
        },
        None => return Err(Exc::Type.err(py, "the secret must be str or bytes", None)),
    };
    let permission = match permission {
        Some(p) if !p.is_none() => Some(from_py(py, p, "the permission")?),
        _ => None,
    };
    let result = detached(py, || {
        suraksha::export::export(
            kind,
            &value,
            &secret,
            identifying,
            permission.as_ref(),
            &ctx,
        )
    })?;
    to_py(py, &result.map_err(|r| Exc::Validation.report(py, &r))?)
}
