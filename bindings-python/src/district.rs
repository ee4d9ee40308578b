//! The district baseline from Python: roster indicators (partial aggregates that
//! merge exactly, so they can be computed per partition on a cluster), DNA
//! triangulation, CCI review, the sample district and the report. Conversion
//! only: the roster is read, counted and reported by the core.

use std::collections::BTreeMap;

use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use serde_json::Value;
use suraksha::columnar::{self, RosterPath, RosterRead};
use suraksha::indicators::{self, AgeBands, Catalogue, Engine, Partial, TableOptions};
use suraksha::pipeline::{DistrictError, DistrictOptions, RosterInput};
use suraksha::{api, Error, Locale};

use crate::convert::{context, detached, from_py, record as to_record, to_py, Exc};
use crate::raise;

/// Record batches from any object exporting the Arrow PyCapsule interface.
pub fn batches(py: Python<'_>, table: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    let table: AnyRecordBatch = table.extract().map_err(|e| {
        let message = format!("table must export the Arrow PyCapsule interface (pandas >= 2.2, polars, pyarrow, duckdb): {e}");
        Exc::Type.err(py, &message, None)
    })?;
    // Reading the stream can fail inside the exporter (e.g. a malformed column).
    let table = table
        .into_table()
        .map_err(|e| Exc::Input.err(py, &format!("cannot read the table: {e}"), None))?;
    Ok(table.into_inner().0)
}

/// A typed value from an optional Python argument (`None`: the default).
fn typed<T: serde::de::DeserializeOwned + schemars::JsonSchema + Default>(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
    locale: Locale,
) -> PyResult<T> {
    match obj {
        Some(o) if !o.is_none() => {
            let value = from_py(py, o, what)?;
            suraksha::record::parse_typed::<T>(&value, locale)
                .map_err(|r| Exc::Input.report(py, &r))
        }
        _ => Ok(T::default()),
    }
}

/// The built-in indicator catalogue (definitions, titles in English and Hindi).
#[pyfunction]
pub fn indicator_catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let catalogue = Catalogue::builtin().map_err(|r| Exc::Internal.report(py, &r))?;
    to_py(py, &catalogue)
}

/// The partial aggregate of a roster table, as JSON text, and the rejected rows.
#[pyfunction]
#[pyo3(signature = (table, indicators=None, age_bands=None, options=None))]
pub fn indicator_partial<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    indicators: Option<Vec<String>>,
    age_bands: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<(String, Bound<'py, PyAny>)> {
    partial_by(py, table, "auto", indicators, age_bands, options)
}

/// Private (tests): `indicator_partial` by the path named `"auto"` or `"json"`.
#[pyfunction]
#[pyo3(signature = (table, path, indicators=None, age_bands=None, options=None))]
pub fn _indicator_partial_by<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    path: &str,
    indicators: Option<Vec<String>>,
    age_bands: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<(String, Bound<'py, PyAny>)> {
    partial_by(py, table, path, indicators, age_bands, options)
}

/// Private (tests): `"columnar"` when the automatic choice converts the table column by column, else `"json"`.
#[pyfunction]
pub fn _roster_path(py: Python<'_>, table: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let input = batches(py, table)?;
    Ok(if columnar::roster_columnar(&input, false) {
        "columnar"
    } else {
        "json"
    })
}

fn partial_by<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    path: &str,
    indicators: Option<Vec<String>>,
    age_bands: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<(String, Bound<'py, PyAny>)> {
    let path = match path {
        "auto" => RosterPath::Auto,
        "json" => RosterPath::Rows,
        _ => return Err(Exc::Type.err(py, "path must be auto or json", None)),
    };
    let ctx = context(py, options)?;
    let bands: AgeBands = typed(py, age_bands, "age_bands", ctx.locale)?;
    let input = batches(py, table)?;
    let read = RosterRead {
        path,
        text_cells: false,
    };
    let (partial, rejected) = detached(py, || -> Result<_, Error> {
        let mut catalogue = Catalogue::builtin().map_err(Error::Internal)?;
        if let Some(ids) = &indicators {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            catalogue = catalogue.select(&ids).map_err(Error::Input)?;
        }
        let engine = Engine::new(&catalogue, bands).map_err(Error::Input)?;
        columnar::roster_partial(&input, &engine, read, &ctx)
    })?
    .map_err(|e| raise(py, e))?;
    let text =
        serde_json::to_string(&partial).map_err(|e| Exc::Internal.err(py, &e.to_string(), None))?;
    Ok((text, to_py(py, &rejected)?))
}

fn parse_partial(py: Python<'_>, text: &str) -> PyResult<Partial> {
    let value = api::parse_json(text, Locale::En).map_err(|r| Exc::Input.report(py, &r))?;
    suraksha::record::parse_typed::<Partial>(&value, Locale::En)
        .map_err(|r| Exc::Input.report(py, &r))
}

/// Merge partial aggregates (JSON texts) into one; exact and order-free.
#[pyfunction]
pub fn merge_partials(py: Python<'_>, parts: Vec<String>) -> PyResult<String> {
    let parsed = parts
        .iter()
        .map(|p| parse_partial(py, p))
        .collect::<PyResult<Vec<_>>>()?;
    let merged = detached(py, || Partial::merge_all(parsed.iter()))?
        .map_err(|r| Exc::Input.report(py, &r))?;
    serde_json::to_string(&merged).map_err(|e| Exc::Internal.err(py, &e.to_string(), None))
}

/// The indicator tables of a partial aggregate as one Arrow table, a row per cell.
#[pyfunction]
#[pyo3(signature = (partial, table_options=None, options=None))]
pub fn indicator_tables<'py>(
    py: Python<'py>,
    partial: &str,
    table_options: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<PyTable> {
    let ctx = context(py, options)?;
    // Suppression values the call leaves out are the profile's (`disclosure`).
    let opts = typed::<TableOptions>(py, table_options, "table_options", ctx.locale)?
        .with_rule(&ctx.profile.disclosure);
    let partial = parse_partial(py, partial)?;
    let batch = detached(py, || -> Result<RecordBatch, Error> {
        let catalogue = Catalogue::builtin().map_err(Error::Internal)?;
        let tables = partial.tables(&catalogue, &opts).map_err(Error::Input)?;
        columnar::indicator_table(&tables, ctx.locale)
    })?
    .map_err(|e| raise(py, e))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

/// The DNA baseline (triangulation, village ranking, roll-ups, DCPP priorities)
/// of a dataset `{"villages": [...], "blocks": [...], "secondary_data": [...]}`.
#[pyfunction]
#[pyo3(signature = (dataset, options=None))]
pub fn dna_baseline<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let value = to_record(py, dataset, ctx.locale)?;
    let result = detached(py, || suraksha::dna::baseline_value(&value, &ctx))?;
    to_py(py, &result.map_err(|r| Exc::Validation.report(py, &r))?)
}

/// The review of a Child Care Institution assessment against a frame (the shipped one by default).
#[pyfunction]
#[pyo3(signature = (assessment, frame=None, options=None))]
pub fn cci_review<'py>(
    py: Python<'py>,
    assessment: &Bound<'py, PyAny>,
    frame: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ctx = context(py, options)?;
    let value = to_record(py, assessment, ctx.locale)?;
    let frame = frame
        .filter(|f| !f.is_none())
        .map(|f| to_record(py, f, ctx.locale))
        .transpose()?;
    let result = detached(py, || {
        suraksha::cci::assess_value(&value, frame.as_ref(), &ctx)
    })?;
    to_py(py, &result.map_err(|r| Exc::Validation.report(py, &r))?)
}

/// The synthetic sample roster (rows as dicts) of the pilot district; at
/// most `MAX_SAMPLE_HOUSEHOLDS` households a village (`InputError`, `out_of_range`).
#[pyfunction]
#[pyo3(signature = (seed=indicators::generate::SAMPLE_SEED, households=i64::from(indicators::generate::SAMPLE_HOUSEHOLDS)))]
pub fn sample_roster(py: Python<'_>, seed: u64, households: i64) -> PyResult<Bound<'_, PyAny>> {
    let households =
        indicators::generate::sample_households(households).map_err(|e| raise(py, e))?;
    let rows = detached(py, || indicators::generate::roster_rows(seed, households))?;
    to_py(py, &rows)
}

/// The synthetic DNA dataset of the pilot district (all villages).
#[pyfunction]
#[pyo3(signature = (seed=indicators::generate::SAMPLE_SEED))]
pub fn sample_dna(py: Python<'_>, seed: u64) -> PyResult<Bound<'_, PyAny>> {
    let dataset = detached(py, || suraksha::dna::generate::district(seed).dataset())?;
    to_py(py, &dataset)
}

/// The district report of a roster table (and a DNA dataset, and block/village names
/// by LGD code): its data, the terminal summary and the HTML page.
#[pyfunction]
#[pyo3(signature = (table, dna=None, district_name=None, names=None, table_options=None, options=None))]
pub fn district_report<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    dna: Option<&Bound<'py, PyAny>>,
    district_name: Option<Bound<'py, pyo3::types::PyString>>,
    names: Option<BTreeMap<u32, String>>,
    table_options: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyAny>, String, String)> {
    let ctx = context(py, options)?;
    let options = DistrictOptions {
        // A lone surrogate is written as its escape, not a UnicodeEncodeError.
        district_name: district_name.as_ref().map_or_else(
            || "Madhubani".to_owned(),
            |n| crate::convert::name_of(n).into_owned(),
        ),
        names: names.unwrap_or_default(),
        table_options: typed(py, table_options, "table_options", ctx.locale)?,
    };
    let dna: Vec<Value> = dna
        .filter(|d| !d.is_none())
        .map(|d| to_record(py, d, ctx.locale))
        .into_iter()
        .collect::<PyResult<_>>()?;
    let input = batches(py, table)?;
    let (report, summary, html) = detached(py, || {
        let report =
            suraksha::pipeline::district_report(RosterInput::Arrow(&input), &dna, options, &ctx)?;
        let (summary, html) = (report.summary(), suraksha::report::html(&report));
        Ok::<_, DistrictError>((report, summary, html))
    })?
    .map_err(|e| raise(py, e.into()))?;
    Ok((to_py(py, &report)?, summary, html))
}
