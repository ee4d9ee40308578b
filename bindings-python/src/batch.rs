//! Batches: lists of records, NDJSON and Arrow tables, validated by the core's
//! [`suraksha::batch::Validator`] a chunk at a time, each chunk's results
//! converted before the next chunk is read, so memory stays bounded.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use pyo3_arrow::PyTable;
use suraksha::batch::{self, Item, Mode, Validator};
use suraksha::Context;

use crate::convert::{
    as_bytes, context, detached, kind as parse_kind, record, report_to_py, to_py, Exc,
};
use crate::district::batches;

fn mode(summary: bool) -> Mode {
    if summary {
        Mode::Summary
    } else {
        Mode::Full
    }
}

/// Pass one chunk's results on into `out`, so a chunk's results never sit in
/// Rust and in Python at once: its reports (full mode) or its invalid rows (summary).
fn drain(py: Python<'_>, v: &mut Validator<'_, '_>, out: &Bound<'_, PyList>) -> PyResult<()> {
    for report in v.take_reports() {
        out.append(report_to_py(py, &report)?)?;
    }
    for row in v.take_invalid_rows() {
        let item = PyDict::new(py);
        item.set_item(intern!(py, "row"), row.row)?;
        item.set_item(intern!(py, "report"), report_to_py(py, &row.report)?)?;
        out.append(item)?;
    }
    Ok(())
}

fn finish<'py>(
    py: Python<'py>,
    mut v: Validator<'_, '_>,
    out: Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyAny>> {
    drain(py, &mut v, &out)?;
    match v.finish() {
        batch::Output::Summary(s) => {
            // The invalid rows went to `out` as they came.
            let summary = to_py(py, &s)?;
            summary.set_item("invalid_rows", out)?;
            Ok(summary)
        }
        batch::Output::Reports(_) => Ok(out.into_any()),
    }
}

fn ndjson<'py>(
    py: Python<'py>,
    bytes: &[u8],
    mut v: Validator<'_, '_>,
) -> PyResult<Bound<'py, PyAny>> {
    let out = PyList::empty(py);
    for piece in batch::ndjson_pieces(bytes) {
        detached(py, || v.push_ndjson(piece))?;
        drain(py, &mut v, &out)?;
    }
    finish(py, v, out)
}

/// Validate many records: a list of records (dicts, JSON str or bytes), or
/// NDJSON text/bytes (one record a non-blank line). Returns one report dict per
/// record, in order, or with `summary` the counts and the invalid rows.
#[pyfunction]
#[pyo3(signature = (kind, records, options=None, summary=false))]
pub fn validate_many<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyString>,
    records: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    summary: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx: Context<'static> = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let mut v = Validator::new(k, &ctx, mode(summary));
    if let Ok(text) = records.cast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => ndjson(py, text.as_bytes(), v),
            // A lone surrogate: encoded as it stands, its line is not UTF-8
            // and gets `invalid_text`, as a bytes input would; no line is lost.
            Err(_) => {
                let raw = text.call_method1(intern!(py, "encode"), ("utf-8", "surrogatepass"))?;
                ndjson(py, raw.cast::<PyBytes>()?.as_bytes(), v)
            }
        };
    }
    // bytes are immutable: read in place, never copied (a bytearray is).
    if let Ok(bytes) = records.cast::<PyBytes>() {
        return ndjson(py, bytes.as_bytes(), v);
    }
    if let Some(bytes) = as_bytes(records) {
        return ndjson(py, &bytes, v);
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
    let out = PyList::empty(py);
    let mut chunk = Vec::with_capacity(batch::CHUNK);
    let mut items = records.try_iter()?.peekable();
    while items.peek().is_some() {
        chunk.clear();
        for item in items.by_ref().take(batch::CHUNK) {
            let item = item?;
            chunk.push(match item.cast::<PyString>() {
                Ok(s) => Item::Text(s.to_cow()?.into_owned()),
                Err(_) => match as_bytes(&item) {
                    Some(b) => Item::Text(String::from_utf8_lossy(&b).into_owned()),
                    None => Item::Value(record(py, &item, ctx.locale)?),
                },
            });
        }
        detached(py, || v.push_items(&chunk))?;
        drain(py, &mut v, &out)?;
    }
    finish(py, v, out)
}

/// Validate every row of an Arrow table (any object exporting the Arrow
/// PyCapsule interface); returns the per-row result table, or with `summary`
/// the counts and the invalid rows.
#[pyfunction]
#[pyo3(signature = (kind, table, options=None, summary=false))]
pub fn validate_table<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyString>,
    table: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    summary: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let k = parse_kind(py, kind, ctx.locale)?;
    let input = batches(py, table)?;
    let unreadable = |e: suraksha::Error| crate::raise(py, e);
    if summary {
        // A chunk of rows at a time (slices share the table's buffers), each
        // chunk's invalid rows passed on before the next is read.
        let mut v = Validator::new(k, &ctx, Mode::Summary);
        let out = PyList::empty(py);
        for b in &input {
            let mut start = 0;
            while start < b.num_rows() {
                let part = b.slice(start, batch::CHUNK.min(b.num_rows() - start));
                detached(py, || v.push_record_batch(&part))?.map_err(unreadable)?;
                drain(py, &mut v, &out)?;
                start += part.num_rows();
            }
        }
        return finish(py, v, out);
    }
    let results =
        detached(py, || batch::validate_table_results(k, &input, &ctx))?.map_err(unreadable)?;
    let table = PyTable::try_new(results, suraksha::columnar::report_schema())?;
    Ok(Bound::new(py, table)?.into_any())
}
