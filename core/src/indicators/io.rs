//! Roster files: CSV (header row, comma-separated, no quoting needed since no
//! field holds commas; an empty cell is an absent value) and NDJSON (one JSON
//! object per line). Every row is validated as a `roster_row`.

use serde_json::{Map, Value};

use super::columns::{RejectedRow, RosterColumns};
use super::roster::RosterRow;
use crate::codes::Code;
use crate::context::Context;
use crate::diagnostic::{Diagnostic, Params, Report};

/// CSV columns, in order.
pub const CSV_COLUMNS: [&str; 20] = [
    "district",
    "block",
    "village",
    "household",
    "sex",
    "age",
    "birth_date",
    "survey_date",
    "school_status",
    "work",
    "work_hours",
    "marital_status",
    "age_at_marriage",
    "birth_registered",
    "disability",
    "social_group",
    "chores_hours",
    "weight",
    "stratum",
    "cluster",
];

const NUMERIC: [&str; 9] = [
    "district",
    "block",
    "village",
    "age",
    "work_hours",
    "age_at_marriage",
    "chores_hours",
    "stratum",
    "cluster",
];
const BOOLEAN: [&str; 2] = ["birth_registered", "disability"];

/// Write rows as CSV with the [`CSV_COLUMNS`] header.
pub fn roster_to_csv(rows: &[RosterRow]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push('\n');
    for row in rows {
        let value = serde_json::to_value(row).unwrap_or(Value::Null);
        let cells: Vec<String> = CSV_COLUMNS
            .iter()
            .map(|c| match value.get(*c) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(v) => v.to_string(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A CSV cell as the JSON value its column holds (numbers and flags typed).
pub(crate) fn cell_value(column: &str, cell: &str) -> Value {
    let cell = cell.trim();
    if NUMERIC.contains(&column) {
        if let Ok(n) = cell.parse::<u64>() {
            return n.into();
        }
    } else if column == "weight" {
        if let Some(n) = cell
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            return Value::Number(n);
        }
    } else if BOOLEAN.contains(&column) {
        match cell {
            "true" | "1" | "yes" => return true.into(),
            "false" | "0" | "no" => return false.into(),
            _ => {}
        }
    }
    // Anything else goes through as text, so validation reports it with its path.
    Value::String(cell.to_owned())
}

/// The header of CSV text, once its shape is checked: a header line, no
/// column named twice, every data line as many cells as the header has
/// columns (each ragged line is its own diagnostic, at `/<line number>`).
/// Shared by [`csv_values`] and the columnar CSV reader, so both refuse the
/// same files with the same codes.
pub(crate) fn csv_header(text: &str) -> Result<Vec<String>, Report> {
    let first = text.lines().position(|l| !l.trim().is_empty());
    let header: Vec<String> = match first.and_then(|i| text.lines().nth(i)) {
        Some(h) => h
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(|s| s.trim().to_owned())
            .collect(),
        None => {
            return Err(Report::single(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", "the roster file is empty"),
                crate::Locale::En,
            )))
        }
    };
    let mut errors = Vec::new();
    for (i, column) in header.iter().enumerate() {
        if header[..i].contains(column) {
            errors.push(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", format!("the header names column {column} twice")),
                crate::Locale::En,
            ));
        }
    }
    // Line numbers count from 1 with the header as line 1, blank lines included.
    for (n, line) in text.lines().enumerate().skip(first.unwrap_or(0) + 1) {
        if line.trim().is_empty() {
            continue;
        }
        let cells = line.split(',').count();
        if cells != header.len() {
            errors.push(Diagnostic::new(
                Code::InvalidValue,
                format!("/{}", n + 1),
                Params::new().with(
                    "detail",
                    format!(
                        "line {} has {} cells, the header has {} columns",
                        n + 1,
                        cells,
                        header.len()
                    ),
                ),
                crate::Locale::En,
            ));
        }
    }
    if errors.is_empty() {
        Ok(header)
    } else {
        Err(Report::from_diagnostics(errors))
    }
}

/// The data lines of CSV text (after the header, blank lines skipped).
pub(crate) fn csv_data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty()).skip(1)
}

/// Parse CSV text into JSON objects (one per data line); a header naming an
/// unknown column is still passed through so validation reports `unknown_field`.
pub fn csv_values(text: &str) -> Result<Vec<Value>, Report> {
    let header = csv_header(text)?;
    Ok(csv_data_lines(text)
        .map(|line| {
            let mut obj = Map::new();
            for (col, cell) in header.iter().zip(line.split(',')) {
                if !cell.trim().is_empty() {
                    obj.insert(col.clone(), cell_value(col, cell));
                }
            }
            Value::Object(obj)
        })
        .collect())
}

/// Read a roster from CSV or NDJSON text (NDJSON when the first non-blank
/// character is `{`), validating every row; invalid rows are returned, not kept.
pub fn read_roster(
    text: &str,
    ctx: &Context<'_>,
) -> Result<(RosterColumns, Vec<RejectedRow>), Report> {
    let values = if text.trim_start().starts_with('{') {
        let mut values = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            values.push(crate::validate::parse_json_text(line, ctx.locale)?);
        }
        values
    } else {
        csv_values(text)?
    };
    Ok(RosterColumns::from_values(&values, ctx))
}
