//! Arrow tables in the core (feature `arrow`; arrow-rs, no Python): what the
//! CLI and the Python package share for tables.
//!
//! - Roster tables read column by column, in parallel over slices
//!   ([`roster_columns`], [`roster_partial`]: names looked up once per table,
//!   categories and dates decoded once per distinct value, nulls from the
//!   validity bitmaps), with the row-by-row `roster_row` validation for the
//!   rows and tables the columns cannot hold.
//! - Record tables as one JSON object per row ([`batch_values`]), for
//!   [`crate::batch`] validation.
//! - Results as Arrow tables: per-row validation reports ([`report_table`])
//!   and indicator tables ([`indicator_table`]).
//! - Files: CSV text as a table of text columns ([`csv_batches`]), Parquet
//!   (feature `parquet`, `parquet_batches`).

mod cells;
mod records;
mod results;
mod roster;

pub use arrow_array::RecordBatch;
pub use arrow_schema::SchemaRef;
pub use records::batch_values;
pub use results::{indicator_table, report_schema, report_table};
pub use roster::{
    roster_columnar, roster_columns, roster_partial, roster_shaped, RosterPath, RosterRead,
    CHUNK_ROWS,
};

use std::sync::Arc;

use arrow_array::{ArrayRef, StringArray};
use arrow_schema::{DataType, Field, Schema};

use crate::diagnostic::{Code, Diagnostic, Params};
use crate::{Error, Locale};

/// Unusable input: why a table cannot be read.
pub fn unreadable(detail: &str) -> Error {
    Error::input(Diagnostic::new(
        Code::InvalidValue,
        "",
        Params::new().with("detail", format!("the table cannot be read: {detail}")),
        Locale::En,
    ))
}

/// CSV text (a header line, then one row a line, `,`-separated, no quoting)
/// as record batches of text columns, [`CHUNK_ROWS`] rows each; an empty cell
/// is null. Read it with [`RosterRead::text_cells`].
pub fn csv_batches(text: &str) -> Result<Vec<RecordBatch>, Error> {
    let header = crate::indicators::csv_header(text).map_err(Error::Input)?;
    let lines = crate::indicators::csv_data_lines(text);
    let schema = Arc::new(Schema::new(
        header
            .iter()
            .map(|n| Field::new(n, DataType::Utf8, true))
            .collect::<Vec<_>>(),
    ));
    let mut batches = Vec::new();
    let mut columns: Vec<Vec<Option<&str>>> = vec![Vec::new(); header.len()];
    let flush = |columns: &mut Vec<Vec<Option<&str>>>| -> Result<Option<RecordBatch>, Error> {
        if columns.first().is_none_or(Vec::is_empty) {
            return Ok(None);
        }
        let arrays: Vec<ArrayRef> = columns
            .iter_mut()
            .map(|c| Arc::new(StringArray::from(std::mem::take(c))) as ArrayRef)
            .collect();
        RecordBatch::try_new(schema.clone(), arrays)
            .map(Some)
            .map_err(|e| unreadable(&e.to_string()))
    };
    for line in lines {
        let mut cells = line.split(',');
        for column in columns.iter_mut() {
            let cell = cells.next().map(str::trim).filter(|c| !c.is_empty());
            column.push(cell);
        }
        if columns.first().is_some_and(|c| c.len() >= CHUNK_ROWS) {
            batches.extend(flush(&mut columns)?);
        }
    }
    batches.extend(flush(&mut columns)?);
    Ok(batches)
}

/// Read a roster from CSV or NDJSON text as [`crate::indicators::read_roster`]
/// does (same columns, same rejected rows with the same reports), but CSV
/// column by column: every cell text, typed by its column.
pub fn read_roster(
    text: &str,
    ctx: &crate::Context<'_>,
) -> Result<
    (
        crate::indicators::RosterColumns,
        Vec<crate::indicators::RejectedRow>,
    ),
    Error,
> {
    if text.trim_start().starts_with('{') {
        return crate::indicators::read_roster(text, ctx).map_err(Error::Input);
    }
    let read = RosterRead {
        text_cells: true,
        ..Default::default()
    };
    roster_columns(&csv_batches(text)?, read, ctx)
}

/// The record batches of a Parquet file.
#[cfg(feature = "parquet")]
pub fn parquet_batches(file: std::fs::File) -> Result<Vec<RecordBatch>, Error> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(CHUNK_ROWS).build())
        .map_err(|e| unreadable(&e.to_string()))?;
    reader
        .map(|b| b.map_err(|e| unreadable(&e.to_string())))
        .collect()
}
