//! The district baseline from Python: roster indicators (partial aggregates that
//! merge exactly, so they can be computed per partition on a cluster), DNA
//! triangulation, CCI review, the sample district generator and the report.
//! Conversion only: every computation is a call into the core.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use serde_json::{json, Value};
use suraksha::indicators::{
    self, AgeBands, Catalogue, Engine, Partial, RejectedRow, RosterColumns, TableOptions,
};
use suraksha::{api, Context, Locale, Report};

use crate::columnar::Path;
use crate::convert::{context, detached, from_py, record as to_record, to_py, Exc};

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

/// The roster of a table: column by column when the table is in roster shape,
/// else each row validated as a `roster_row` (rejected rows are returned either way).
fn roster(
    batches: &[RecordBatch],
    ctx: &Context<'_>,
) -> Result<(RosterColumns, Vec<RejectedRow>), String> {
    crate::columnar::roster(batches, ctx, Path::Auto)
}

fn input_value(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<Value>> {
    match obj {
        Some(o) if !o.is_none() => from_py(py, o, what).map(Some),
        _ => Ok(None),
    }
}

fn typed<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    py: Python<'_>,
    value: Option<Value>,
    locale: Locale,
) -> PyResult<Option<T>> {
    value
        .map(|v| {
            suraksha::record::parse_typed::<T>(&v, locale).map_err(|r| Exc::Input.report(py, &r))
        })
        .transpose()
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
    partial_by(py, table, indicators, age_bands, options, Path::Auto)
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
    let path = match path {
        "auto" => Path::Auto,
        "json" => Path::Json,
        _ => return Err(Exc::Type.err(py, "path must be auto or json", None)),
    };
    partial_by(py, table, indicators, age_bands, options, path)
}

/// Private (tests): `"columnar"` when the automatic choice converts the table column by column, else `"json"`.
#[pyfunction]
pub fn _roster_path(py: Python<'_>, table: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let batches = batches(py, table)?;
    let columnar = crate::columnar::columnar(&batches)
        .map_err(|e| Exc::Input.err(py, &format!("cannot read the table: {e}"), None))?;
    Ok(if columnar { "columnar" } else { "json" })
}

fn partial_by<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    indicators: Option<Vec<String>>,
    age_bands: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
    path: Path,
) -> PyResult<(String, Bound<'py, PyAny>)> {
    let ctx = context(py, options)?;
    let bands: AgeBands =
        typed(py, input_value(py, age_bands, "age_bands")?, ctx.locale)?.unwrap_or_default();
    let batches = batches(py, table)?;
    let work = || -> Result<Result<(Partial, Vec<RejectedRow>), Report>, String> {
        let (cols, rejected) = crate::columnar::roster(&batches, &ctx, path)?;
        let run = || -> Result<Partial, Report> {
            let mut catalogue = Catalogue::builtin()?;
            if let Some(ids) = &indicators {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                catalogue = catalogue.select(&ids)?;
            }
            Engine::new(&catalogue, bands)?.accumulate(&cols)
        };
        Ok(run().map(|p| (p, rejected)))
    };
    let (partial, rejected) = detached(py, work)?
        .map_err(|e| Exc::Input.err(py, &format!("cannot read the table: {e}"), None))?
        .map_err(|r| Exc::Input.report(py, &r))?;
    let partial =
        serde_json::to_string(&partial).map_err(|e| Exc::Internal.err(py, &e.to_string(), None))?;
    let rejected: Vec<Value> = rejected
        .iter()
        .map(|r| json!({"row": r.row, "report": r.report}))
        .collect();
    Ok((partial, to_py(py, &rejected)?))
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
    let opts: TableOptions = typed(
        py,
        input_value(py, table_options, "table_options")?,
        ctx.locale,
    )?
    .unwrap_or_default();
    let partial = parse_partial(py, partial)?;
    let locale = ctx.locale;
    let tables = detached(py, || -> Result<Vec<indicators::Table>, Report> {
        partial.tables(&Catalogue::builtin()?, &opts)
    })?
    .map_err(|r| Exc::Input.report(py, &r))?;
    let batch = detached(py, || tables_batch(&tables, locale))?
        .map_err(|e| Exc::Internal.err(py, &e, None))?;
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}

const DIMENSIONS: [&str; 4] = ["sex", "age_band", "social_group", "disability"];

/// Flatten the tables into one record batch: a row per published cell.
fn tables_batch(tables: &[indicators::Table], locale: Locale) -> Result<RecordBatch, String> {
    let opt = |name: &str, t: DataType| Field::new(name, t, true);
    let mut fields = vec![
        Field::new("indicator", DataType::Utf8, false),
        Field::new("title", DataType::Utf8, false),
        Field::new("unit", DataType::Utf8, false),
        Field::new("level", DataType::Utf8, false),
        Field::new("district", DataType::UInt32, false),
        opt("block", DataType::UInt32),
        opt("village", DataType::UInt32),
    ];
    fields.extend(DIMENSIONS.iter().map(|d| opt(d, DataType::Utf8)));
    fields.extend([
        opt("numerator", DataType::UInt64),
        opt("denominator", DataType::UInt64),
        opt("value", DataType::Float64),
        opt("ci_low", DataType::Float64),
        opt("ci_high", DataType::Float64),
        opt("std_error", DataType::Float64),
        opt("design_effect", DataType::Float64),
        opt("effective_n", DataType::Float64),
        Field::new("suppressed", DataType::Boolean, false),
        Field::new("display", DataType::Utf8, false),
    ]);
    let schema = Arc::new(Schema::new(fields));
    let mut rows = Vec::new();
    for t in tables {
        let title = if locale == Locale::Hi {
            &t.title.hi
        } else {
            &t.title.en
        };
        for r in &t.rows {
            let mut row = json!({
                "indicator": t.indicator, "title": title, "unit": t.unit, "level": r.level,
                "district": r.district, "block": r.block, "village": r.village,
                "numerator": r.numerator, "denominator": r.denominator, "value": r.value,
                "ci_low": r.ci_low, "ci_high": r.ci_high, "std_error": r.std_error,
                "design_effect": r.design_effect, "effective_n": r.effective_n,
                "suppressed": r.suppressed, "display": r.display,
            });
            for (dim, value) in &r.breakdown {
                if let Some(obj) = row.as_object_mut() {
                    obj.insert(dim.clone(), Value::String(value.clone()));
                }
            }
            rows.push(row);
        }
    }
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .build_decoder()
        .map_err(|e| e.to_string())?;
    decoder.serialize(&rows).map_err(|e| e.to_string())?;
    match decoder.flush().map_err(|e| e.to_string())? {
        Some(batch) => Ok(batch),
        None => Ok(RecordBatch::new_empty(schema)),
    }
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
    let frame = match frame {
        Some(f) if !f.is_none() => Some(to_record(py, f, ctx.locale)?),
        _ => None,
    };
    let result = detached(py, || {
        suraksha::cci::assess_value(&value, frame.as_ref(), &ctx)
    })?;
    to_py(py, &result.map_err(|r| Exc::Validation.report(py, &r))?)
}

/// The synthetic sample roster (rows as dicts) of the pilot district.
#[pyfunction]
#[pyo3(signature = (seed=indicators::generate::SAMPLE_SEED, households=indicators::generate::SAMPLE_HOUSEHOLDS))]
pub fn sample_roster(py: Python<'_>, seed: u64, households: u32) -> PyResult<Bound<'_, PyAny>> {
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
#[pyo3(signature = (table, dna=None, district_name="Madhubani", names=None, table_options=None, options=None))]
pub fn district_report<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    dna: Option<&Bound<'py, PyAny>>,
    district_name: &str,
    names: Option<std::collections::BTreeMap<u32, String>>,
    table_options: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyAny>, String, String)> {
    let ctx = context(py, options)?;
    let opts: TableOptions = typed(
        py,
        input_value(py, table_options, "table_options")?,
        ctx.locale,
    )?
    .unwrap_or_default();
    let dna = match dna {
        Some(d) if !d.is_none() => Some(to_record(py, d, ctx.locale)?),
        _ => None,
    };
    let batches = batches(py, table)?;
    let name = district_name.to_owned();
    let names = names.unwrap_or_default();
    let work = || -> Result<Result<_, Report>, String> {
        let (cols, rejected) = roster(&batches, &ctx)?;
        let run = || -> Result<_, Report> {
            let baseline = dna
                .as_ref()
                .map(|d| suraksha::dna::baseline_value(d, &ctx))
                .transpose()?;
            let input = suraksha::report::ReportInput {
                district_name: name,
                roster: &cols,
                rejected: &rejected,
                baseline,
                options: opts,
                names,
                locale: ctx.locale,
            };
            let report = suraksha::report::build(input)?;
            let (summary, html) = (report.summary(), suraksha::report::html(&report));
            Ok((report, summary, html))
        };
        Ok(run())
    };
    let (report, summary, html) = detached(py, work)?
        .map_err(|e| Exc::Input.err(py, &format!("cannot read the table: {e}"), None))?
        .map_err(|r| Exc::Validation.report(py, &r))?;
    Ok((to_py(py, &report)?, summary, html))
}
