//! Typed access to Arrow columns, decoded once per column rather than once per
//! cell: text (plain, large, view or dictionary; a dictionary's values decoded
//! once each), numbers of any width, booleans and dates. Nulls come from the
//! validity bitmaps.

use std::collections::HashMap;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::Array;
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, NaiveDate};

/// True for a text column: plain, large or view strings, or a dictionary of them.
pub fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

/// True for an integer or floating-point column.
pub fn is_number(t: &DataType) -> bool {
    t.is_integer() || t.is_floating()
}

/// True for a date or timestamp column.
pub fn is_temporal(t: &DataType) -> bool {
    matches!(
        t,
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, _)
    )
}

/// Calls `f(row, text)` for each cell of a plain (not dictionary) text
/// column; false when the column is not one.
fn each_plain_text<'a>(array: &'a dyn Array, mut f: impl FnMut(usize, Option<&'a str>)) -> bool {
    macro_rules! each {
        ($iter:expr) => {{
            for (i, v) in $iter.enumerate() {
                f(i, v);
            }
            true
        }};
    }
    match array.data_type() {
        DataType::Utf8 => array
            .as_string_opt::<i32>()
            .is_some_and(|a| each!(a.iter())),
        DataType::LargeUtf8 => array
            .as_string_opt::<i64>()
            .is_some_and(|a| each!(a.iter())),
        DataType::Utf8View => array.as_string_view_opt().is_some_and(|a| each!(a.iter())),
        _ => false,
    }
}

/// Calls `f(row, decoded)` for each cell of a text column, `decode` called
/// once per distinct value (a dictionary's values, or each new string of a
/// plain column); `None` for a null cell. False when the column is not text.
pub fn each_decoded_text<T>(
    array: &dyn Array,
    mut decode: impl FnMut(&str) -> T,
    mut f: impl FnMut(usize, Option<&T>),
) -> bool {
    macro_rules! keys {
        ($($t:ty),*) => {
            $(if let Some(d) = array.as_dictionary_opt::<$t>() {
                let mut decoded: Vec<Option<T>> = Vec::with_capacity(d.values().len());
                if !each_plain_text(d.values().as_ref(), |_, v| decoded.push(v.map(&mut decode))) {
                    return false;
                }
                for (i, k) in d.keys().iter().enumerate() {
                    let k = k.and_then(|k| usize::try_from(k).ok());
                    f(i, k.and_then(|k| decoded.get(k)?.as_ref()));
                }
                return true;
            })*
        };
    }
    keys!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    let mut seen: HashMap<&str, T> = HashMap::new();
    each_plain_text(array, |i, v| {
        f(
            i,
            v.map(|s| &*seen.entry(s).or_insert_with_key(|s| decode(s))),
        );
    })
}

/// Calls `f(row, map(text))` for each cell of a text column (a dictionary's
/// values mapped once each): for maps cheaper than hashing the text to find
/// repeats, such as a length. False when the column is not text.
pub fn each_mapped_text<T: Clone>(
    array: &dyn Array,
    mut map: impl FnMut(&str) -> T,
    mut f: impl FnMut(usize, Option<T>),
) -> bool {
    if matches!(array.data_type(), DataType::Dictionary(..)) {
        return each_decoded_text(array, map, |i, v| f(i, v.cloned()));
    }
    each_plain_text(array, |i, v| f(i, v.map(&mut map)))
}

/// A text column with `f` applied to every cell (see [`each_mapped_text`]);
/// `None` when the column is not text; a null cell is `None`.
pub fn map_texts<T: Clone>(array: &dyn Array, f: impl FnMut(&str) -> T) -> Option<Vec<Option<T>>> {
    let mut out = Vec::with_capacity(array.len());
    each_mapped_text(array, f, |_, v| out.push(v)).then_some(out)
}

/// Calls `f(row, number)` for each cell of a number column, as `f64` (nulls
/// and NaN as `None`); false when the column is not numeric.
pub fn each_number(array: &dyn Array, mut f: impl FnMut(usize, Option<f64>)) -> bool {
    macro_rules! num {
        ($($t:ty),*) => {
            $(if let Some(a) = array.as_primitive_opt::<$t>() {
                for (i, v) in a.iter().enumerate() {
                    f(i, v.map(|x| x as f64).filter(|x| !x.is_nan()));
                }
                return true;
            })*
        };
    }
    num!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    num!(Float32Type, Float64Type);
    false
}

/// A number column as `f64` (nulls and NaN as `None`); `None` when not numeric.
pub fn numbers(array: &dyn Array) -> Option<Vec<Option<f64>>> {
    let mut out = Vec::with_capacity(array.len());
    each_number(array, |_, v| out.push(v)).then_some(out)
}

/// Calls `f(row, flag)` for each cell of a boolean column; false when not boolean.
pub fn each_boolean(array: &dyn Array, mut f: impl FnMut(usize, Option<bool>)) -> bool {
    let Some(a) = array.as_boolean_opt() else {
        return false;
    };
    for (i, v) in a.iter().enumerate() {
        f(i, v);
    }
    true
}

/// A boolean column; `None` when not boolean.
pub fn booleans(array: &dyn Array) -> Option<Vec<Option<bool>>> {
    Some(array.as_boolean_opt()?.iter().collect())
}

const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A date from days since 1970-01-01.
pub fn date_from_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_DAYS_FROM_CE)?)
}

/// A date (as stored, without any time zone shift) from a timestamp in `unit`.
fn timestamp(v: i64, unit: TimeUnit) -> Option<DateTime<chrono::Utc>> {
    match unit {
        TimeUnit::Second => DateTime::from_timestamp(v, 0),
        TimeUnit::Millisecond => DateTime::from_timestamp_millis(v),
        TimeUnit::Microsecond => DateTime::from_timestamp_micros(v),
        TimeUnit::Nanosecond => Some(DateTime::from_timestamp_nanos(v)),
    }
}

/// The offset from UTC of an Arrow time zone: `UTC`/`Z`, a fixed offset
/// (`+05:30`), or India's zone (`Asia/Kolkata`, `Asia/Calcutta`: no daylight
/// saving). Other named zones are not known here (`None`: the cell is not a date).
fn utc_offset_seconds(tz: &str) -> Option<i64> {
    match tz {
        "UTC" | "Etc/UTC" | "Z" | "GMT" => return Some(0),
        "Asia/Kolkata" | "Asia/Calcutta" => return Some(5 * 3600 + 30 * 60),
        _ => {}
    }
    let (sign, rest) = match tz.as_bytes().first()? {
        b'+' => (1, tz.get(1..)?),
        b'-' => (-1, tz.get(1..)?),
        _ => return None,
    };
    let (h, m) = rest
        .split_once(':')
        .unwrap_or((rest.get(..2)?, rest.get(2..)?));
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 23 && m <= 59).then_some(sign * (h * 3600 + m * 60))
}

/// A date or timestamp column's calendar dates: `(date, time)`, `time`
/// `None` for a date column.
type Temporal = (NaiveDate, Option<DateTime<chrono::Utc>>);

/// Calls `f(row, decoded)` for each cell of a date or timestamp column,
/// `decode` called once per distinct value with `(date, time)`; `None` for a
/// null cell or one `decode` refuses. False when the column is not temporal.
pub fn each_temporal<T: Clone>(
    array: &dyn Array,
    mut decode: impl FnMut(NaiveDate, Option<DateTime<chrono::Utc>>) -> Option<T>,
    mut f: impl FnMut(usize, Option<&T>),
) -> bool {
    use arrow_array::types::{
        Date32Type, Date64Type, TimestampMicrosecondType, TimestampMillisecondType,
        TimestampNanosecondType, TimestampSecondType,
    };
    macro_rules! each {
        ($t:ty, $parts:expr) => {
            match array.as_primitive_opt::<$t>() {
                Some(a) => {
                    each_raw(
                        a.iter().map(|v| v.map(i64::from)),
                        $parts,
                        &mut decode,
                        &mut f,
                    );
                    true
                }
                None => false,
            }
        };
    }
    match array.data_type() {
        DataType::Date32 => each!(Date32Type, |d: i64| Some((
            date_from_days(i32::try_from(d).ok()?)?,
            None
        ))),
        DataType::Date64 => each!(Date64Type, |ms: i64| Some((
            DateTime::from_timestamp_millis(ms)?.date_naive(),
            None
        ))),
        DataType::Timestamp(unit, tz) => {
            let unit = *unit;
            let offset = tz.as_deref().map_or(Some(0), utc_offset_seconds);
            let parts = |v: i64| -> Option<Temporal> {
                let t = timestamp(v, unit)?;
                // The calendar date where the time was recorded: naive
                // timestamps as written, zoned ones in their zone.
                let local = t.checked_add_signed(chrono::TimeDelta::seconds(offset?))?;
                Some((local.date_naive(), Some(t)))
            };
            match unit {
                TimeUnit::Second => each!(TimestampSecondType, parts),
                TimeUnit::Millisecond => each!(TimestampMillisecondType, parts),
                TimeUnit::Microsecond => each!(TimestampMicrosecondType, parts),
                TimeUnit::Nanosecond => each!(TimestampNanosecondType, parts),
            }
        }
        _ => false,
    }
}

/// [`each_temporal`] over raw values: a survey's dates come in runs of one
/// day, so the last value is tried before the table of those seen.
fn each_raw<T: Clone>(
    raws: impl Iterator<Item = Option<i64>>,
    parts: impl Fn(i64) -> Option<Temporal>,
    decode: &mut impl FnMut(NaiveDate, Option<DateTime<chrono::Utc>>) -> Option<T>,
    f: &mut impl FnMut(usize, Option<&T>),
) {
    let mut seen: HashMap<i64, Option<T>> = HashMap::new();
    let mut last: Option<(i64, Option<T>)> = None;
    for (i, raw) in raws.enumerate() {
        let Some(raw) = raw else {
            f(i, None);
            continue;
        };
        if !matches!(&last, Some((r, _)) if *r == raw) {
            let v = seen
                .entry(raw)
                .or_insert_with(|| parts(raw).and_then(|(d, t)| decode(d, t)))
                .clone();
            last = Some((raw, v));
        }
        f(i, last.as_ref().and_then(|(_, v)| v.as_ref()));
    }
}

/// A date or timestamp column decoded by `decode` once per distinct value
/// (see [`each_temporal`]); `None` when the column is not temporal.
pub fn decode_temporal<T: Clone>(
    array: &dyn Array,
    decode: impl FnMut(NaiveDate, Option<DateTime<chrono::Utc>>) -> Option<T>,
) -> Option<Vec<Option<T>>> {
    let mut out = Vec::with_capacity(array.len());
    each_temporal(array, decode, |_, v| out.push(v.cloned())).then_some(out)
}

/// A strict `YYYY-MM-DD` date (what the record schemas accept as a date).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::builder::StringDictionaryBuilder;
    use arrow_array::{Date32Array, Int16Array, StringArray};

    /// Every cell of a text column as [`each_decoded_text`] gives it.
    fn decode_texts<T: Clone>(
        array: &dyn Array,
        decode: impl FnMut(&str) -> T,
    ) -> Option<Vec<Option<T>>> {
        let mut out = Vec::new();
        each_decoded_text(array, decode, |_, v| out.push(v.cloned())).then_some(out)
    }

    #[test]
    fn dictionary_values_are_decoded_once_each() {
        let mut b = StringDictionaryBuilder::<Int32Type>::new();
        for v in ["a", "b", "a", "a", "b"] {
            b.append_value(v);
        }
        b.append_null();
        let array = b.finish();
        let mut calls = 0;
        let got = decode_texts(&array, |s| {
            calls += 1;
            s.len()
        });
        assert_eq!(calls, 2);
        assert_eq!(
            got,
            Some(vec![Some(1), Some(1), Some(1), Some(1), Some(1), None])
        );
    }

    #[test]
    fn plain_text_is_decoded_once_per_distinct_value() {
        let array = StringArray::from(vec![Some("x"), Some("y"), None, Some("x")]);
        let mut calls = 0;
        let got = decode_texts(&array, |s| {
            calls += 1;
            s.to_owned()
        });
        assert_eq!(calls, 2);
        assert_eq!(got.map(|v| v.len()), Some(4));
    }

    #[test]
    fn numbers_and_dates_keep_nulls() {
        let n = Int16Array::from(vec![Some(3), None]);
        assert_eq!(numbers(&n), Some(vec![Some(3.0), None]));
        let d = Date32Array::from(vec![Some(0), None, Some(20_000)]);
        let got = decode_temporal(&d, |d, _| Some(d.to_string()));
        assert_eq!(
            got,
            Some(vec![
                Some("1970-01-01".to_owned()),
                None,
                Some("2024-10-04".to_owned())
            ])
        );
        assert!(numbers(&StringArray::from(vec!["1"])).is_none());
    }
}
