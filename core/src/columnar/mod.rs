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
pub mod tree;

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
/// is null. Read it with [`RosterRead::text_cells`]. Ragged lines and a column
/// named twice are refused as the row reader refuses them.
pub fn csv_batches(text: &str) -> Result<Vec<RecordBatch>, Error> {
    let schema = csv_schema(text)?;
    let lines: Vec<&str> = crate::indicators::csv_data_lines(text).collect();
    lines
        .chunks(CHUNK_ROWS)
        .map(|chunk| csv_batch(&schema, chunk))
        .collect()
}

/// The text-column schema of CSV text, once its shape is checked.
fn csv_schema(text: &str) -> Result<SchemaRef, Error> {
    let header = crate::indicators::csv_header(text).map_err(Error::Input)?;
    Ok(Arc::new(Schema::new(
        header
            .iter()
            .map(|n| Field::new(n, DataType::Utf8, true))
            .collect::<Vec<_>>(),
    )))
}

/// CSV data lines (shape already checked) as one batch of text columns.
fn csv_batch(schema: &SchemaRef, lines: &[&str]) -> Result<RecordBatch, Error> {
    let width = schema.fields().len();
    let mut columns: Vec<Vec<Option<&str>>> = vec![Vec::with_capacity(lines.len()); width];
    for line in lines {
        let mut cells = line.split(',');
        for column in columns.iter_mut() {
            column.push(cells.next().map(str::trim).filter(|c| !c.is_empty()));
        }
    }
    let arrays: Vec<ArrayRef> = columns
        .into_iter()
        .map(|c| Arc::new(StringArray::from(c)) as ArrayRef)
        .collect();
    RecordBatch::try_new(schema.clone(), arrays).map_err(|e| unreadable(&e.to_string()))
}

/// Read a roster from CSV or NDJSON text as [`crate::indicators::read_roster`]
/// does (same columns, same rejected rows with the same reports), a chunk of
/// [`CHUNK_ROWS`] lines at a time (in parallel over a few chunks): CSV column
/// by column, every cell text typed by its column; NDJSON line by line. Memory
/// stays the text plus the columns plus a few chunks.
pub fn read_roster(text: &str, ctx: &crate::Context<'_>) -> Result<Roster, Error> {
    read_roster_by(text, ctx, CHUNK_ROWS)
}

/// A roster read: its valid rows as columns, its rejected rows.
pub type Roster = (
    crate::indicators::RosterColumns,
    Vec<crate::indicators::RejectedRow>,
);

fn read_roster_by(text: &str, ctx: &crate::Context<'_>, size: usize) -> Result<Roster, Error> {
    if text.trim_start().starts_with('{') {
        // A malformed line makes the roster unusable, as in the row reader.
        let pieces = chunks(text.lines().filter(|l| !l.trim().is_empty()), size);
        return roster::gather(pieces, |(i, chunk)| {
            let values = chunk
                .iter()
                .map(|l| crate::boundary::parse_json_text(l, ctx.locale))
                .collect::<Result<Vec<_>, Error>>()?;
            let (cols, rejected) = crate::indicators::RosterColumns::from_values(&values, ctx);
            let offset = i * size;
            let rejected = rejected
                .into_iter()
                .map(|r| crate::indicators::RejectedRow {
                    row: offset + r.row,
                    ..r
                })
                .collect();
            Ok((cols, rejected))
        });
    }
    let schema = csv_schema(text)?;
    let read = RosterRead {
        text_cells: true,
        ..Default::default()
    };
    let pieces = chunks(crate::indicators::csv_data_lines(text), size);
    roster::gather(pieces, |(i, chunk)| {
        roster::convert_chunk(&csv_batch(&schema, &chunk)?, i * size, read, ctx)
    })
}

/// Lines taken `size` at a time, numbered, as they are read.
fn chunks<'t>(
    lines: impl Iterator<Item = &'t str>,
    size: usize,
) -> impl Iterator<Item = (usize, Vec<&'t str>)> {
    let mut lines = lines.peekable();
    std::iter::from_fn(move || {
        lines.peek()?;
        Some(lines.by_ref().take(size.max(1)).collect())
    })
    .enumerate()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::{roster_to_csv, RosterColumns};

    /// Small chunks: rows are numbered across chunks and the result is the
    /// row reader's, for CSV and NDJSON.
    #[test]
    fn roster_in_small_chunks_equals_the_row_reader() {
        let ctx = crate::Context::default();
        let rows = crate::indicators::generate::roster_rows(3, 2);
        let mut csv = roster_to_csv(&rows);
        csv.push_str("223,2301,210110,H1,robot,9,,,,,,,,,,,,,,\n");
        csv.push_str("223,2301,210110,H1,female,90,,,,,,,,,,,,,,\n");
        let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
        let last = lines.len() - 1;
        lines.swap(5, last);
        let csv = lines.join("\n") + "\n";
        let values = crate::indicators::csv_values(&csv).unwrap_or_default();
        let ndjson: String = values.iter().map(|v| format!("{v}\n")).collect();
        for text in [&csv, &ndjson] {
            let want = crate::indicators::read_roster(text, &ctx).unwrap_or_default();
            let got = read_roster_by(text, &ctx, 7).unwrap_or_default();
            assert_eq!(got.1, want.1);
            let rows: Vec<usize> = got.1.iter().map(|r| r.row).collect();
            assert_eq!(rows, vec![4, lines.len() - 3]);
            assert_eq!(got.0.len(), want.0.len());
            assert!(got.0.len() > 100);
            let _: &RosterColumns = &got.0;
        }
    }
}
