//! The roster straight from Arrow columns, without a JSON object per row.
//!
//! A record batch is "in roster shape" when every column that is not all null
//! is a `roster_row` field other than `birth_date`, of a type that maps to the core's columns: integers or
//! floats for numbers and LGD codes, strings (plain, large, view or
//! dictionary) for categories and the household id, dates or date strings for
//! `survey_date`, booleans for flags. Such a batch is converted column by
//! column into [`RosterColumns`]; any other batch (e.g. with birth dates) goes
//! row by row through JSON and `RosterColumns::from_values`.
//!
//! Conversion only: a cell the columns cannot hold as the row schema allows
//! (unknown category name, fractional or out-of-range number, missing
//! required value, bad household id) sends its row alone through the JSON
//! path, so the core validates it and the rejection is the core's coded
//! report for that row. The range limits are read from the core's
//! `roster_row` schema. The row consistency rules run in the core
//! (`RosterColumns::check_rules`, the same rules as a `roster_row`).

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::DataType;
use chrono::NaiveDate;
use serde_json::Value;
use suraksha::indicators::{Field, RejectedRow, RosterColumns, MISSING};
use suraksha::{Context, Kind};

/// Which conversion to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Column by column for each record batch in roster shape, JSON for the others.
    Auto,
    /// Row by row through JSON objects.
    Json,
}

const GEOGRAPHY: [&str; 3] = ["district", "block", "village"];
const NUMBERS: [Field; 4] = [
    Field::Age,
    Field::WorkHours,
    Field::AgeAtMarriage,
    Field::ChoresHours,
];
/// Survey design columns: a weight (any positive number) and two codes.
const DESIGN: [&str; 3] = ["weight", "stratum", "cluster"];
const CATEGORIES: [Field; 5] = [
    Field::Sex,
    Field::SchoolStatus,
    Field::Work,
    Field::MaritalStatus,
    Field::SocialGroup,
];
const FLAGS: [Field; 2] = [Field::BirthRegistered, Field::Disability];
/// Columns the row schema requires (a table without one goes the JSON way).
const REQUIRED: [&str; 5] = ["district", "block", "village", "household", "sex"];

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

fn is_number(t: &DataType) -> bool {
    t.is_integer() || t.is_floating()
}

/// True when every column of the batch maps straight to a roster column.
fn roster_shaped(batch: &RecordBatch) -> bool {
    let schema = batch.schema();
    let has = |n: &str| schema.fields().iter().any(|f| f.name() == n);
    if !REQUIRED.iter().all(|n| has(n)) || !has("age") {
        return false;
    }
    schema.fields().iter().all(|f| {
        let (name, t) = (f.name().as_str(), f.data_type());
        if name == "household" {
            return is_text(t);
        }
        if name == "survey_date" {
            return is_text(t) || *t == DataType::Date32;
        }
        if GEOGRAPHY.contains(&name)
            || DESIGN.contains(&name)
            || NUMBERS.iter().any(|x| x.as_str() == name)
        {
            return is_number(t);
        }
        if CATEGORIES.iter().any(|x| x.as_str() == name) {
            return is_text(t);
        }
        FLAGS.iter().any(|x| x.as_str() == name) && *t == DataType::Boolean
    })
}

/// The `[minimum, maximum]` of an integer field of the `roster_row` schema.
fn limits(name: &str, default_max: f64) -> (f64, f64) {
    let prop = &Kind::RosterRow.schema()["properties"][name];
    let lo = prop["minimum"].as_f64().unwrap_or(0.0);
    let hi = prop["maximum"].as_f64().unwrap_or(default_max);
    (lo, hi)
}

/// A number column as whole numbers within limits: `Ok(None)` for a null,
/// `Err(())` for a value the schema rejects (the row goes the JSON way).
fn numbers(array: &ArrayRef, lo: f64, hi: f64) -> Result<Vec<Result<Option<f64>, ()>>, String> {
    let floats = arrow_cast::cast(array, &DataType::Float64).map_err(|e| e.to_string())?;
    let floats = floats
        .as_primitive_opt::<arrow_array::types::Float64Type>()
        .ok_or("a number column did not cast to float64")?;
    Ok(floats
        .iter()
        .map(|v| match v {
            None => Ok(None),
            Some(x) if x.is_nan() => Ok(None),
            Some(x) if x.fract() == 0.0 && x >= lo && x <= hi => Ok(Some(x)),
            Some(_) => Err(()),
        })
        .collect())
}

/// A text column as plain UTF-8 strings (large, view and dictionary arrays cast).
fn texts(array: &ArrayRef) -> Result<StringArray, String> {
    let cast = arrow_cast::cast(array, &DataType::Utf8).map_err(|e| e.to_string())?;
    cast.as_string_opt::<i32>()
        .cloned()
        .ok_or_else(|| "a text column did not cast to utf8".to_owned())
}

/// One batch into `cols`; rows the columns cannot hold are listed in `odd`.
fn convert(
    batch: &RecordBatch,
    offset: usize,
    cols: &mut RosterColumns,
    odd: &mut Vec<usize>,
    index: &mut Vec<usize>,
    surveys: &mut Vec<Option<NaiveDate>>,
) -> Result<(), String> {
    let n = batch.num_rows();
    let mut bad = vec![false; n];
    let column = |name: &str| batch.column_by_name(name);
    // Geography: required LGD codes.
    let mut geo: Vec<Vec<u32>> = Vec::new();
    for name in GEOGRAPHY {
        let (lo, hi) = limits(name, f64::from(u32::MAX));
        let mut out = vec![0u32; n];
        if let Some(a) = column(name) {
            for (i, v) in numbers(a, lo, hi)?.into_iter().enumerate() {
                match v {
                    Ok(Some(x)) => out[i] = x as u32,
                    _ => bad[i] = true,
                }
            }
        }
        geo.push(out);
    }
    // Household: required, checked for its length only (it is not kept).
    if let Some(a) = column("household") {
        let a = texts(a)?;
        let min = limits_len("minLength", 1);
        let max = limits_len("maxLength", usize::MAX);
        for (i, v) in a.iter().enumerate() {
            let len = v.map(|s| s.chars().count());
            if !len.is_some_and(|l| l >= min && l <= max) {
                bad[i] = true;
            }
        }
    }
    // Survey date: a date, or text the row schema reads as one (strict YYYY-MM-DD).
    let mut survey = vec![None; n];
    if let Some(a) = column("survey_date") {
        let a = texts(a)?;
        for (i, v) in a.iter().enumerate() {
            let Some(text) = v else { continue };
            match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(d) if text.len() == 10 => survey[i] = Some(d),
                _ => bad[i] = true,
            }
        }
    }
    let mut u8s = |field: Field| -> Result<Vec<u8>, String> {
        let mut out = vec![MISSING; n];
        let Some(a) = column(field.as_str()) else {
            return Ok(default_codes(field, n));
        };
        if let Some(names) = field.codes().filter(|_| is_text(a.data_type())) {
            let a = texts(a)?;
            for (i, v) in a.iter().enumerate() {
                match v.map(|s| names.iter().position(|c| *c == s)) {
                    None => out[i] = default_code(field),
                    Some(Some(c)) => out[i] = c as u8,
                    Some(None) => bad[i] = true,
                }
            }
            if field == Field::Sex {
                // Required: a null sex is a schema error.
                (0..n).for_each(|i| bad[i] |= a.is_null(i));
            }
        } else {
            let (lo, hi) = limits(field.as_str(), 254.0);
            for (i, v) in numbers(a, lo, hi)?.into_iter().enumerate() {
                match v {
                    Ok(Some(x)) => out[i] = x as u8,
                    Ok(None) => {}
                    Err(()) => bad[i] = true,
                }
            }
        }
        Ok(out)
    };
    let sex = u8s(Field::Sex)?;
    let age = u8s(Field::Age)?;
    let school_status = u8s(Field::SchoolStatus)?;
    let work = u8s(Field::Work)?;
    let work_hours = u8s(Field::WorkHours)?;
    let marital_status = u8s(Field::MaritalStatus)?;
    let age_at_marriage = u8s(Field::AgeAtMarriage)?;
    let social_group = u8s(Field::SocialGroup)?;
    let chores_hours = u8s(Field::ChoresHours)?;
    // Design columns: a null is the default (weight 1, one stratum, the village as cluster).
    let mut weight = vec![1.0f64; n];
    if let Some(a) = column("weight") {
        let (lo, hi) = limits("weight", 1e6);
        let floats = arrow_cast::cast(a, &DataType::Float64).map_err(|e| e.to_string())?;
        let floats = floats
            .as_primitive_opt::<arrow_array::types::Float64Type>()
            .ok_or("a number column did not cast to float64")?;
        for (i, v) in floats.iter().enumerate() {
            match v {
                None => {}
                Some(x) if x.is_finite() && x >= lo && x <= hi => weight[i] = x,
                Some(_) => bad[i] = true,
            }
        }
    }
    let mut codes = |name: &str| -> Result<Vec<u32>, String> {
        let mut out = vec![0u32; n];
        if let Some(a) = column(name) {
            let (lo, hi) = limits(name, f64::from(u32::MAX));
            for (i, v) in numbers(a, lo, hi)?.into_iter().enumerate() {
                match v {
                    Ok(Some(x)) => out[i] = x as u32,
                    Ok(None) => {}
                    Err(()) => bad[i] = true,
                }
            }
        }
        Ok(out)
    };
    let stratum = codes("stratum")?;
    let cluster = codes("cluster")?;
    let flag = |name: &str| -> Vec<Option<bool>> {
        match column(name) {
            Some(a) => a
                .as_boolean_opt()
                .map_or_else(|| vec![None; n], |b| b.iter().collect()),
            None => vec![None; n],
        }
    };
    let birth_registered = flag("birth_registered");
    let disability = flag("disability");
    let [district, block, village] = [&geo[0], &geo[1], &geo[2]];
    for i in 0..n {
        if bad[i] {
            odd.push(offset + i);
            continue;
        }
        index.push(offset + i);
        surveys.push(survey[i]);
        cols.district.push(district[i]);
        cols.block.push(block[i]);
        cols.village.push(village[i]);
        cols.sex.push(sex[i]);
        cols.age.push(age[i]);
        cols.school_status.push(school_status[i]);
        cols.work.push(work[i]);
        cols.work_hours.push(work_hours[i]);
        cols.marital_status.push(marital_status[i]);
        cols.age_at_marriage.push(age_at_marriage[i]);
        cols.birth_registered.push(birth_registered[i]);
        // An absent disability defaults to false, as in the row schema.
        cols.disability.push(disability[i].unwrap_or(false));
        cols.social_group.push(social_group[i]);
        cols.chores_hours.push(chores_hours[i]);
        cols.weight.push(weight[i]);
        cols.stratum.push(stratum[i]);
        cols.cluster.push(cluster[i]);
    }
    Ok(())
}

fn limits_len(key: &str, default: usize) -> usize {
    Kind::RosterRow.schema()["properties"]["household"][key]
        .as_u64()
        .and_then(|v| usize::try_from(v).ok())
        .unwrap_or(default)
}

/// The code of an absent value: the schema's default (`work`, `marital_status`: code 0) or MISSING.
fn default_code(field: Field) -> u8 {
    match field {
        Field::Work | Field::MaritalStatus => 0,
        _ => MISSING,
    }
}

fn default_codes(field: Field, n: usize) -> Vec<u8> {
    vec![default_code(field); n]
}

/// The batch without its all-null columns: a null cell never reaches the row
/// path (it is an absent field), so dropping them changes nothing.
fn without_null_columns(batch: &RecordBatch) -> Result<RecordBatch, String> {
    let keep: Vec<usize> = (0..batch.num_columns())
        .filter(|&c| {
            let a = batch.column(c);
            a.data_type() != &DataType::Null && a.logical_null_count() < a.len()
        })
        .collect();
    batch.project(&keep).map_err(|e| e.to_string())
}

/// True when the automatic choice converts every batch column by column.
pub fn columnar(batches: &[RecordBatch]) -> Result<bool, String> {
    for b in batches {
        if !roster_shaped(&without_null_columns(b)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The roster of a table, by the path asked for (see the module docs). The
/// choice is per record batch; either way a rejected row is numbered by its
/// index in the whole table.
pub fn roster(
    batches: &[RecordBatch],
    ctx: &Context<'_>,
    path: Path,
) -> Result<(RosterColumns, Vec<RejectedRow>), String> {
    let total: usize = batches.iter().map(RecordBatch::num_rows).sum();
    let mut cols = RosterColumns::with_capacity(total);
    // Rows validated whole by the core (JSON path), kept apart from `cols`
    // because the column rules are applied to `cols` afterwards.
    let mut checked = RosterColumns::default();
    let mut rejected = Vec::new();
    let mut odd = Vec::new();
    // Table row index of each row in `cols`.
    let mut index = Vec::with_capacity(total);
    let mut surveys = Vec::with_capacity(total);
    let mut offset = 0;
    for batch in batches {
        let b = without_null_columns(batch)?;
        if path == Path::Json || !roster_shaped(&b) {
            let rows = crate::arrow::rows(std::slice::from_ref(batch))?;
            let (good, bad) = RosterColumns::from_values(&rows, ctx);
            checked.extend(&good);
            rejected.extend(bad.into_iter().map(|r| RejectedRow {
                row: offset + r.row,
                ..r
            }));
        } else {
            convert(&b, offset, &mut cols, &mut odd, &mut index, &mut surveys)?;
        }
        offset += batch.num_rows();
    }
    let (mut cols, ruled_out) = cols.check_rules(&surveys, ctx);
    rejected.extend(ruled_out.into_iter().map(|r| RejectedRow {
        row: index.get(r.row).copied().unwrap_or(r.row),
        ..r
    }));
    cols.extend(&checked);
    // Odd rows alone through the core's row validation (its reports, its codes).
    for &i in &odd {
        let value = row_value(batches, i)?;
        let (one, bad) = RosterColumns::from_values(std::slice::from_ref(&value), ctx);
        cols.extend(&one);
        rejected.extend(bad.into_iter().map(|r| RejectedRow { row: i, ..r }));
    }
    rejected.sort_by_key(|r| r.row);
    Ok((cols, rejected))
}

/// Row `i` (over all batches) as the JSON object the JSON path would build.
fn row_value(batches: &[RecordBatch], mut i: usize) -> Result<Value, String> {
    for b in batches {
        if i < b.num_rows() {
            let rows = crate::arrow::rows(&[b.slice(i, 1)])?;
            return rows
                .into_iter()
                .next()
                .ok_or_else(|| "empty row".to_owned());
        }
        i -= b.num_rows();
    }
    Err("row out of range".to_owned())
}
