//! The roster straight from Arrow columns, without a JSON object per row.
//!
//! A record batch is "in roster shape" when every column that is not all null
//! is a roster column of a type that maps onto [`RosterColumns`] (see
//! [`COLUMNS`]): numbers for LGD codes and counts, text (plain, large, view or
//! dictionary) for categories and the household id, dates, timestamps or
//! `YYYY-MM-DD` text for the survey date, booleans for flags. With
//! `text_cells` (a CSV file) every column may also be text, typed by its role.
//! Such a batch is converted column by column, in parallel over slices of
//! [`CHUNK_ROWS`] rows; any other batch (e.g. with birth dates, or an unknown
//! column) goes row by row through the core's `roster_row` validation.
//!
//! A cell the columns cannot hold as the row schema allows (unknown category
//! name, fractional or out-of-range number, missing required value, bad
//! household id) sends its row alone through the row validation, so the
//! rejection is the core's coded report for that row. The consistency rules
//! of a row run on the columns (`RosterColumns::check_rules`, the same code as
//! for a `roster_row`).
//!
//! A new roster column is one line in [`COLUMNS`] and a few in `by_columns`.

use std::sync::OnceLock;

use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use chrono::NaiveDate;
use serde_json::Value;

use super::{cells, records};
use crate::indicators::{Engine, Field, Partial, RejectedRow, RosterColumns, MISSING};
use crate::{Context, Error, Kind};

/// Rows converted and counted as one unit of (parallel) work: small enough
/// that a few of them in flight stay far below the input's size.
pub const CHUNK_ROWS: usize = 1 << 16;

/// Which conversion to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RosterPath {
    /// Column by column for each batch in roster shape, row by row for the others.
    #[default]
    Auto,
    /// Every row through JSON objects and the `roster_row` validation.
    Rows,
}

/// How to read a roster table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RosterRead {
    /// The conversion.
    pub path: RosterPath,
    /// Every cell is text typed by its column (CSV): `12` in `age` is a
    /// number, `yes` in `disability` a boolean.
    pub text_cells: bool,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// An LGD code (required).
    Geo,
    /// The pseudonymous household id (required, checked for length only).
    Household,
    /// The survey date.
    SurveyDate,
    /// A `u8` column of [`RosterColumns`]: a category or a small number.
    Code(Field),
    /// A boolean column.
    Flag(Field),
    /// The survey weight (a positive number, not necessarily whole).
    Weight,
    /// A survey design code (stratum, cluster): a whole positive number.
    Design,
}

/// Every column the columnar path reads, by name.
const COLUMNS: &[(&str, Role)] = &[
    ("district", Role::Geo),
    ("block", Role::Geo),
    ("village", Role::Geo),
    ("household", Role::Household),
    ("survey_date", Role::SurveyDate),
    ("sex", Role::Code(Field::Sex)),
    ("age", Role::Code(Field::Age)),
    ("school_status", Role::Code(Field::SchoolStatus)),
    ("work", Role::Code(Field::Work)),
    ("work_hours", Role::Code(Field::WorkHours)),
    ("marital_status", Role::Code(Field::MaritalStatus)),
    ("age_at_marriage", Role::Code(Field::AgeAtMarriage)),
    ("social_group", Role::Code(Field::SocialGroup)),
    ("birth_registered", Role::Flag(Field::BirthRegistered)),
    ("disability", Role::Flag(Field::Disability)),
    ("chores_hours", Role::Code(Field::ChoresHours)),
    ("weight", Role::Weight),
    ("stratum", Role::Design),
    ("cluster", Role::Design),
];

/// Columns a table must have for the columnar path (the row schema requires
/// them, and an age since a table here has no birth dates).
const REQUIRED: [&str; 6] = ["district", "block", "village", "household", "sex", "age"];

fn role(name: &str) -> Option<Role> {
    COLUMNS.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

fn accepts(role: Role, t: &DataType, text_cells: bool) -> bool {
    let text = cells::is_text(t);
    match role {
        Role::Household => text,
        Role::SurveyDate => text || cells::is_temporal(t),
        Role::Geo | Role::Weight | Role::Design => cells::is_number(t) || (text_cells && text),
        Role::Code(f) if f.codes().is_some() => text,
        Role::Code(_) => cells::is_number(t) || (text_cells && text),
        Role::Flag(_) => *t == DataType::Boolean || (text_cells && text),
    }
}

/// True when a column carries no value at all (it is then an absent field).
fn all_null(a: &dyn Array) -> bool {
    a.data_type() == &DataType::Null || a.logical_null_count() == a.len()
}

/// True when the batch converts column by column (see the module docs).
pub fn roster_shaped(batch: &RecordBatch, text_cells: bool) -> bool {
    let schema = batch.schema();
    let present = |n: &str| {
        schema
            .index_of(n)
            .is_ok_and(|i| !all_null(batch.column(i).as_ref()))
    };
    REQUIRED.iter().all(|n| present(n))
        && schema.fields().iter().zip(batch.columns()).all(|(f, c)| {
            all_null(c.as_ref())
                || role(f.name()).is_some_and(|r| accepts(r, f.data_type(), text_cells))
        })
}

/// The bounds the row schema puts on numbers and the household id.
struct Limits {
    numbers: Vec<(&'static str, f64, f64)>,
    household: (usize, usize),
}

fn limits() -> &'static Limits {
    static LIMITS: OnceLock<Limits> = OnceLock::new();
    LIMITS.get_or_init(|| {
        let props = &Kind::RosterRow.schema()["properties"];
        let numbers = COLUMNS
            .iter()
            .filter(|(_, r)| !matches!(r, Role::Household | Role::SurveyDate | Role::Flag(_)))
            .map(|(n, r)| {
                let max = match r {
                    Role::Geo | Role::Design => f64::from(u32::MAX),
                    Role::Weight => f64::MAX,
                    _ => 254.0,
                };
                let p = &props[*n];
                let lo = p["minimum"].as_f64().unwrap_or(0.0);
                (*n, lo, p["maximum"].as_f64().unwrap_or(max).min(max))
            })
            .collect();
        let len = |k: &str, d: usize| {
            props["household"][k]
                .as_u64()
                .and_then(|v| usize::try_from(v).ok())
                .unwrap_or(d)
        };
        Limits {
            numbers,
            household: (len("minLength", 1), len("maxLength", usize::MAX)),
        }
    })
}

fn bounds(name: &str) -> (f64, f64) {
    limits()
        .numbers
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or((0.0, 0.0), |(_, lo, hi)| (*lo, *hi))
}

/// A cell: `Ok(None)` null, `Ok(Some(v))` a value the columns hold, `Err(())`
/// a value the row schema rejects (the row goes the row way).
type Cell<T> = Result<Option<T>, ()>;

/// Calls `f(row, cell)` for each cell of a number or (text cells) text
/// column: a number within `[lo, hi]`, whole when `whole`.
fn each_number_within(
    a: &dyn Array,
    lo: f64,
    hi: f64,
    whole: bool,
    mut f: impl FnMut(usize, Cell<f64>),
) {
    let check = |x: f64| {
        if x.is_finite() && (!whole || x.fract() == 0.0) && x >= lo && x <= hi {
            Ok(x)
        } else {
            Err(())
        }
    };
    if cells::each_number(a, |i, v| f(i, v.map(check).transpose())) {
        return;
    }
    let parse = |s: &str| {
        let s = s.trim();
        if whole {
            s.parse::<u64>().map_err(|_| ()).map(|v| v as f64)
        } else {
            s.parse::<f64>().map_err(|_| ())
        }
    };
    cells::each_decoded_text(a, parse, |i, v| {
        f(i, v.map(|r| r.and_then(check)).transpose());
    });
}

/// Calls `f(row, cell)` for each cell of a `u8` column of the roster: a
/// category's code, or a small whole number within the field's bounds.
fn each_code(a: &dyn Array, field: Field, mut f: impl FnMut(usize, Cell<u8>)) {
    if let Some(names) = field.codes() {
        let find = |s: &str| match names.iter().position(|c| *c == s) {
            Some(c) => u8::try_from(c).map_err(|_| ()),
            None => Err(()),
        };
        cells::each_decoded_text(a, find, |i, v| f(i, v.copied().transpose()));
        return;
    }
    let (lo, hi) = bounds(field.as_str());
    each_number_within(a, lo, hi, true, |i, c| f(i, c.map(|x| x.map(|x| x as u8))));
}

/// Calls `f(row, cell)` for each cell of a boolean or (text cells) text column.
fn each_flag(a: &dyn Array, mut f: impl FnMut(usize, Cell<bool>)) {
    if cells::each_boolean(a, |i, v| f(i, Ok(v))) {
        return;
    }
    let read = |s: &str| match s.trim() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(()),
    };
    cells::each_decoded_text(a, read, |i, v| f(i, v.copied().transpose()));
}

/// Calls `f(row, cell)` for each cell of a date, timestamp or `YYYY-MM-DD` text column.
fn each_survey_date(a: &dyn Array, mut f: impl FnMut(usize, Cell<NaiveDate>)) {
    if cells::each_temporal(a, |d, _| Some(d), |i, d| f(i, Ok(d.copied()))) {
        return;
    }
    let read = |s: &str| cells::parse_date(s).ok_or(());
    cells::each_decoded_text(a, read, |i, v| f(i, v.copied().transpose()));
}

/// The code of an absent value: the schema's default (`work`, `marital_status`: code 0) or MISSING.
fn default_code(field: Field) -> u8 {
    match field {
        Field::Work | Field::MaritalStatus => 0,
        _ => MISSING,
    }
}

/// One converted slice: its valid rows as columns and its rejected rows
/// (numbered in the whole table).
struct Converted {
    cols: RosterColumns,
    rejected: Vec<RejectedRow>,
}

/// The row values of a slice, typed by column when every cell is text.
fn row_values(batch: &RecordBatch, text_cells: bool) -> Result<Vec<Value>, Error> {
    let mut rows = records::batch_values_dates(batch).map_err(|e| super::unreadable(&e))?;
    if text_cells {
        for row in &mut rows {
            if let Some(obj) = row.as_object_mut() {
                for (k, v) in obj.iter_mut() {
                    if let Value::String(s) = v {
                        let typed = crate::indicators::cell_value(k, s);
                        *v = typed;
                    }
                }
            }
        }
    }
    Ok(rows)
}

/// Rows validated one by one as `roster_row`s (the row path).
fn by_rows(
    batch: &RecordBatch,
    offset: usize,
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<Converted, Error> {
    let values = row_values(batch, read.text_cells)?;
    let (cols, rejected) = RosterColumns::from_values(&values, ctx);
    let rejected = rejected
        .into_iter()
        .map(|r| RejectedRow {
            row: offset + r.row,
            ..r
        })
        .collect();
    Ok(Converted { cols, rejected })
}

/// One slice column by column (it is in roster shape).
fn by_columns(
    batch: &RecordBatch,
    offset: usize,
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<Converted, Error> {
    let n = batch.num_rows();
    let mut bad = vec![false; n];
    let mut mark = |i: usize| {
        if let Some(b) = bad.get_mut(i) {
            *b = true;
        }
    };
    let column = |name: &str| batch.column_by_name(name).filter(|c| !all_null(c.as_ref()));
    let mut geo: Vec<Vec<u32>> = Vec::new();
    for name in ["district", "block", "village"] {
        let (lo, hi) = bounds(name);
        let mut out = vec![0u32; n];
        if let Some(a) = column(name) {
            each_number_within(a.as_ref(), lo, hi, true, |i, c| match (c, out.get_mut(i)) {
                (Ok(Some(x)), Some(o)) => *o = x as u32,
                _ => mark(i),
            });
        }
        geo.push(out);
    }
    let (min, max) = limits().household;
    if let Some(a) = column("household") {
        cells::each_mapped_text(
            a.as_ref(),
            |s| s.chars().count(),
            |i, len| {
                if !len.is_some_and(|l| l >= min && l <= max) {
                    mark(i);
                }
            },
        );
    }
    let mut survey: Vec<Option<NaiveDate>> = vec![None; n];
    if let Some(a) = column("survey_date") {
        each_survey_date(a.as_ref(), |i, d| match (d, survey.get_mut(i)) {
            (Ok(d), Some(s)) => *s = d,
            _ => mark(i),
        });
    }
    let mut u8s = |field: Field| -> Vec<u8> {
        let mut out = vec![default_code(field); n];
        let Some(a) = column(field.as_str()) else {
            return out;
        };
        each_code(a.as_ref(), field, |i, c| match (c, out.get_mut(i)) {
            (Ok(Some(v)), Some(o)) => *o = v,
            // A null sex is a schema error: it is required.
            (Ok(None), _) if field == Field::Sex => mark(i),
            (Ok(None), _) => {}
            _ => mark(i),
        });
        out
    };
    let [sex, age, school_status, work, work_hours, marital_status, age_at_marriage, social_group, chores_hours] =
        [
            Field::Sex,
            Field::Age,
            Field::SchoolStatus,
            Field::Work,
            Field::WorkHours,
            Field::MaritalStatus,
            Field::AgeAtMarriage,
            Field::SocialGroup,
            Field::ChoresHours,
        ]
        .map(&mut u8s);
    let mut flag = |field: Field| -> Vec<Option<bool>> {
        let mut out = vec![None; n];
        if let Some(a) = column(field.as_str()) {
            each_flag(a.as_ref(), |i, c| match (c, out.get_mut(i)) {
                (Ok(v), Some(o)) => *o = v,
                _ => mark(i),
            });
        }
        out
    };
    let birth_registered = flag(Field::BirthRegistered);
    let disability = flag(Field::Disability);
    // Design columns: a null is the default (weight 1, one stratum, the
    // village as cluster), as for an absent field in a row.
    let mut design = |name: &str, whole: bool, default: f64| -> Vec<f64> {
        let mut out = vec![default; n];
        if let Some(a) = column(name) {
            let (lo, hi) = bounds(name);
            each_number_within(a.as_ref(), lo, hi, whole, |i, c| {
                match (c, out.get_mut(i)) {
                    (Ok(Some(x)), Some(o)) => *o = x,
                    (Ok(None), _) => {}
                    _ => mark(i),
                }
            });
        }
        out
    };
    let weight = design("weight", false, 1.0);
    let stratum = design("stratum", true, 0.0);
    let cluster = design("cluster", true, 0.0);
    // The decoded columns are the roster's columns as they stand, moved
    // rather than copied; rows that did not read cleanly are filtered out
    // here and read again alone below.
    let [district, block, village] = <[Vec<u32>; 3]>::try_from(geo).unwrap_or_default();
    let cols = RosterColumns {
        district,
        block,
        village,
        sex,
        age,
        school_status,
        work,
        work_hours,
        marital_status,
        age_at_marriage,
        birth_registered,
        // An absent disability defaults to false, as in the row schema.
        disability: disability.into_iter().map(|d| d.unwrap_or(false)).collect(),
        social_group,
        chores_hours,
        weight,
        // Whole numbers within u32 (checked above).
        stratum: stratum.into_iter().map(|x| x as u32).collect(),
        cluster: cluster.into_iter().map(|x| x as u32).collect(),
    };
    let odd: Vec<usize> = (0..n).filter(|&i| bad[i]).collect();
    // Each kept row's index in the slice (identity when every row is clean).
    let (cols, dates, index) = if odd.is_empty() {
        (cols, survey, Vec::new())
    } else {
        let keep: Vec<bool> = bad.iter().map(|b| !b).collect();
        let index: Vec<usize> = (0..n).filter(|&i| !bad[i]).collect();
        let dates = index.iter().map(|&i| survey[i]).collect();
        (cols.filter(&keep), dates, index)
    };
    let (mut cols, ruled_out) = cols.check_rules(&dates, ctx);
    let mut rejected: Vec<RejectedRow> = ruled_out
        .into_iter()
        .map(|r| RejectedRow {
            row: offset + index.get(r.row).copied().unwrap_or(r.row),
            ..r
        })
        .collect();
    // Odd rows alone through the core's row validation (its reports, its codes).
    for i in odd {
        let one = by_rows(&batch.slice(i, 1), offset + i, read, ctx)?;
        cols.extend(&one.cols);
        rejected.extend(one.rejected);
    }
    Ok(Converted { cols, rejected })
}

/// Slices of at most [`CHUNK_ROWS`] rows over all batches, with the table
/// index of their first row.
fn slices(batches: &[RecordBatch]) -> Vec<(usize, RecordBatch)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for b in batches {
        let mut start = 0;
        while start < b.num_rows() {
            let len = CHUNK_ROWS.min(b.num_rows() - start);
            out.push((offset + start, b.slice(start, len)));
            start += len;
        }
        offset += b.num_rows();
    }
    out
}

fn convert(
    slice: &RecordBatch,
    offset: usize,
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<Converted, Error> {
    if read.path == RosterPath::Auto && roster_shaped(slice, read.text_cells) {
        by_columns(slice, offset, read, ctx)
    } else {
        by_rows(slice, offset, read, ctx)
    }
}

/// Run `work` on each converted slice, in parallel with the `parallel` feature, in table order.
fn each_slice<T: Send>(
    batches: &[RecordBatch],
    read: RosterRead,
    ctx: &Context<'_>,
    work: impl Fn(Converted) -> Result<T, Error> + Sync + Send,
) -> Result<Vec<T>, Error> {
    let slices = slices(batches);
    let run = |(offset, b): &(usize, RecordBatch)| convert(b, *offset, read, ctx).and_then(&work);
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        slices.par_iter().map(run).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        slices.iter().map(run).collect()
    }
}

/// Roster rows read a chunk at a time: `pieces` yields each chunk (with the
/// table index of its first row), `convert` turns it into columns and rejected
/// rows. Chunks are converted one group (one per core) at a time and appended
/// in order, so memory stays the columns read so far plus one group of chunks,
/// never a parsed copy of the whole input.
pub(super) fn gather<T: Send>(
    pieces: impl Iterator<Item = T>,
    convert: impl Fn(T) -> Result<(RosterColumns, Vec<RejectedRow>), Error> + Sync + Send,
) -> Result<(RosterColumns, Vec<RejectedRow>), Error> {
    #[cfg(feature = "parallel")]
    let group = rayon::current_num_threads().max(1);
    #[cfg(not(feature = "parallel"))]
    let group = 1;
    let mut cols = RosterColumns::default();
    let mut rejected = Vec::new();
    let mut pieces = pieces.peekable();
    while pieces.peek().is_some() {
        let batch: Vec<T> = pieces.by_ref().take(group).collect();
        #[cfg(feature = "parallel")]
        let done: Vec<_> = {
            use rayon::prelude::*;
            batch.into_par_iter().map(&convert).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let done: Vec<_> = batch.into_iter().map(&convert).collect();
        for part in done {
            let (c, r) = part?;
            cols.extend(&c);
            rejected.extend(r);
        }
    }
    rejected.sort_by_key(|r| r.row);
    Ok((cols, rejected))
}

/// One chunk of a table (its first row's index in the table) as columns.
pub(super) fn convert_chunk(
    batch: &RecordBatch,
    offset: usize,
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<(RosterColumns, Vec<RejectedRow>), Error> {
    let c = convert(batch, offset, read, ctx)?;
    Ok((c.cols, c.rejected))
}

/// True when every batch converts column by column (the automatic choice).
pub fn roster_columnar(batches: &[RecordBatch], text_cells: bool) -> bool {
    batches.iter().all(|b| roster_shaped(b, text_cells))
}

/// The roster of a table as columns, and its rejected rows (numbered in the
/// whole table, in order).
pub fn roster_columns(
    batches: &[RecordBatch],
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<(RosterColumns, Vec<RejectedRow>), Error> {
    let parts = each_slice(batches, read, ctx, Ok)?;
    let total = parts.iter().map(|p| p.cols.len()).sum();
    let mut cols = RosterColumns::with_capacity(total);
    let mut rejected = Vec::new();
    for p in parts {
        cols.extend(&p.cols);
        rejected.extend(p.rejected);
    }
    rejected.sort_by_key(|r| r.row);
    Ok((cols, rejected))
}

/// The indicator partial aggregate of a table and its rejected rows, slice by
/// slice: no copy of the whole roster is ever made, so memory stays a few
/// slices above the input's own.
pub fn roster_partial(
    batches: &[RecordBatch],
    engine: &Engine,
    read: RosterRead,
    ctx: &Context<'_>,
) -> Result<(Partial, Vec<RejectedRow>), Error> {
    let slices = slices(batches);
    let run = |(offset, b): &(usize, RecordBatch)| {
        let c = convert(b, *offset, read, ctx)?;
        let partial = engine
            .accumulate_range(&c.cols, 0..c.cols.len())
            .map_err(Error::Internal)?;
        Ok::<_, Error>((partial, c.rejected))
    };
    let join = |a: (Partial, Vec<RejectedRow>), b: (Partial, Vec<RejectedRow>)| {
        let mut rejected = a.1;
        rejected.extend(b.1);
        Ok::<_, Error>((a.0.merge(&b.0).map_err(Error::Internal)?, rejected))
    };
    let empty = || (engine.empty(), Vec::new());
    // Partials merge in a tree (in parallel), not one long chain.
    #[cfg(feature = "parallel")]
    let (partial, mut rejected) = {
        use rayon::prelude::*;
        slices.par_iter().map(run).try_reduce(empty, join)?
    };
    #[cfg(not(feature = "parallel"))]
    let (partial, mut rejected) = slices
        .iter()
        .map(run)
        .try_fold(empty(), |a, b: Result<_, Error>| join(a, b?))?;
    rejected.sort_by_key(|r| r.row);
    Ok((partial, rejected))
}
