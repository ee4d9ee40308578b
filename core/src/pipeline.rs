//! The district report pipeline, one function for every front end (the CLI's
//! `report` and `demo`, Python's `district_report`): read the roster (CSV or
//! NDJSON text, Arrow batches, or columns already read), triangulate the DNA
//! datasets, build the report.
//!
//! ```
//! use suraksha::pipeline::{district_report, DistrictOptions, RosterInput};
//! use suraksha::Context;
//!
//! let csv = "district,block,village,household,sex,age\n1,2,3,h1,female,12\n1,2,3,h1,robot,9\n";
//! let opts = DistrictOptions { district_name: "Test".into(), ..Default::default() };
//! let report = district_report(RosterInput::Text(csv), &[], opts, &Context::default())
//!     .map_err(|e| e.to_string())?;
//! assert_eq!(report.roster_rows, 1);
//! // One row rejected: published as `<10`, under the threshold.
//! assert_eq!(report.rejected.rows, "<10");
//! # Ok::<(), String>(())
//! ```

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::diagnostic::{Code, Diagnostic, Params};
use crate::indicators::{RejectedRow, RosterColumns, TableOptions};
use crate::report::{self, DistrictReport, ReportInput};
use crate::{Context, Report};

/// Where the roster comes from.
#[derive(Debug, Clone, Copy)]
pub enum RosterInput<'a> {
    /// CSV text (header line first) or NDJSON text (first character `{`).
    Text(&'a str),
    /// Columns already read, with the rows rejected while reading them.
    Columns(&'a RosterColumns, &'a [RejectedRow]),
    /// An Arrow table, read column by column where it can be.
    #[cfg(feature = "arrow")]
    Arrow(&'a [arrow_array::RecordBatch]),
}

/// Options of the report besides the validation context.
#[derive(Debug, Clone, Default)]
pub struct DistrictOptions {
    /// Report title, e.g. the district's name.
    pub district_name: String,
    /// Block and village names by LGD code, besides those the DNA records give.
    pub names: BTreeMap<u32, String>,
    /// Table options (suppression, design effect); suppression values left
    /// out are the context's rule profile's (`disclosure`).
    pub table_options: TableOptions,
}

/// Why the report could not be built, by the input at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DistrictError {
    /// The roster cannot be read (empty, malformed NDJSON, unreadable table).
    #[error("roster: {0}")]
    Roster(Report),
    /// The DNA records are invalid or do not merge.
    #[error("DNA records: {0}")]
    Dna(Report),
    /// The report itself failed (e.g. bad table options).
    #[error("report: {0}")]
    Report(Report),
}

impl DistrictError {
    /// The report carried by the error.
    pub fn report(&self) -> &Report {
        match self {
            DistrictError::Roster(r) | DistrictError::Dna(r) | DistrictError::Report(r) => r,
        }
    }
}

/// By category, as every front end maps errors: an unreadable roster is
/// unusable input; invalid DNA records or a report that cannot be built from
/// them are invalid records.
impl From<DistrictError> for crate::Error {
    fn from(e: DistrictError) -> crate::Error {
        match e {
            DistrictError::Roster(r) => crate::Error::Input(r),
            DistrictError::Dna(r) | DistrictError::Report(r) => crate::Error::Invalid(r),
        }
    }
}

/// Concatenate the `villages`, `blocks` and `secondary_data` lists of several
/// DNA datasets (JSON objects) into one; `None` for no dataset.
pub fn merge_dna(datasets: &[Value]) -> Result<Option<Value>, DistrictError> {
    let ctx_locale = crate::Locale::En;
    if datasets.is_empty() {
        return Ok(None);
    }
    let mut merged = Map::new();
    for d in datasets {
        let obj = d.as_object().ok_or_else(|| {
            DistrictError::Dna(Report::single(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", "a DNA dataset must be a JSON object"),
                ctx_locale,
            )))
        })?;
        for (k, list) in obj {
            let slot = merged
                .entry(k.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            match (slot.as_array_mut(), list.as_array()) {
                (Some(acc), Some(items)) => acc.extend(items.iter().cloned()),
                _ => *slot = list.clone(),
            }
        }
    }
    Ok(Some(Value::Object(merged)))
}

/// Read a roster from any input; its invalid rows are returned, not kept.
pub fn roster(
    input: RosterInput<'_>,
    ctx: &Context<'_>,
) -> Result<(RosterColumns, Vec<RejectedRow>), DistrictError> {
    match input {
        #[cfg(feature = "arrow")]
        RosterInput::Text(text) => crate::columnar::read_roster(text, ctx)
            .map_err(|e| DistrictError::Roster(e.into_report())),
        #[cfg(not(feature = "arrow"))]
        RosterInput::Text(text) => {
            crate::indicators::read_roster(text, ctx).map_err(DistrictError::Roster)
        }
        RosterInput::Columns(cols, rejected) => Ok((cols.clone(), rejected.to_vec())),
        #[cfg(feature = "arrow")]
        RosterInput::Arrow(batches) => {
            crate::columnar::roster_columns(batches, crate::columnar::RosterRead::default(), ctx)
                .map_err(|e| DistrictError::Roster(e.into_report()))
        }
    }
}

/// The district report from a roster and DNA datasets (merged as by [`merge_dna`]).
pub fn district_report(
    roster_input: RosterInput<'_>,
    dna: &[Value],
    options: DistrictOptions,
    ctx: &Context<'_>,
) -> Result<DistrictReport, DistrictError> {
    let (columns, rejected) = roster(roster_input, ctx)?;
    let baseline = merge_dna(dna)?
        .map(|d| crate::dna::baseline_value(&d, ctx))
        .transpose()
        .map_err(DistrictError::Dna)?;
    report::build(ReportInput {
        district_name: options.district_name,
        roster: &columns,
        rejected: &rejected,
        baseline,
        options: options.table_options.with_rule(&ctx.profile.disclosure),
        names: options.names,
        locale: ctx.locale,
    })
    .map_err(DistrictError::Report)
}
