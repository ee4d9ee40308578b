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
use arrow_array::{Array, ArrayRef};
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

/// The cells of a plain (not dictionary) text column.
fn plain_texts(array: &dyn Array) -> Option<Vec<Option<&str>>> {
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string_opt::<i32>()?.iter().collect()),
        DataType::LargeUtf8 => Some(array.as_string_opt::<i64>()?.iter().collect()),
        DataType::Utf8View => Some(array.as_string_view_opt()?.iter().collect()),
        _ => None,
    }
}

/// The dictionary keys of a column as indices (`None` for a null row).
fn dictionary_keys(array: &dyn Array) -> Option<(Vec<Option<usize>>, ArrayRef)> {
    macro_rules! keys {
        ($($t:ty),*) => {
            $(if let Some(d) = array.as_dictionary_opt::<$t>() {
                let keys = d
                    .keys()
                    .iter()
                    .map(|k| k.and_then(|k| usize::try_from(k).ok()))
                    .collect();
                return Some((keys, d.values().clone()));
            })*
        };
    }
    keys!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    None
}

/// A text column decoded by `decode`, called once per distinct value (a
/// dictionary's values, or each new string of a plain column); `None` when the
/// column is not text. A null cell is `None`.
pub fn decode_texts<T: Clone>(
    array: &dyn Array,
    mut decode: impl FnMut(&str) -> T,
) -> Option<Vec<Option<T>>> {
    if let Some((keys, values)) = dictionary_keys(array) {
        let decoded: Vec<Option<T>> = plain_texts(values.as_ref())?
            .into_iter()
            .map(|v| v.map(&mut decode))
            .collect();
        return Some(
            keys.into_iter()
                .map(|k| k.and_then(|k| decoded.get(k).cloned().flatten()))
                .collect(),
        );
    }
    let mut seen: HashMap<&str, T> = HashMap::new();
    Some(
        plain_texts(array)?
            .into_iter()
            .map(|v| v.map(|s| seen.entry(s).or_insert_with_key(|s| decode(s)).clone()))
            .collect(),
    )
}

/// A text column with `f` applied to every cell (a dictionary's values once
/// each): for checks cheaper than hashing the text to find repeats, such as
/// a length. `None` when the column is not text; a null cell is `None`.
pub fn map_texts<T: Clone>(
    array: &dyn Array,
    mut f: impl FnMut(&str) -> T,
) -> Option<Vec<Option<T>>> {
    if dictionary_keys(array).is_some() {
        return decode_texts(array, f);
    }
    Some(
        plain_texts(array)?
            .into_iter()
            .map(|v| v.map(&mut f))
            .collect(),
    )
}

/// A number column as `f64` (nulls and NaN as `None`); `None` when not numeric.
pub fn numbers(array: &dyn Array) -> Option<Vec<Option<f64>>> {
    macro_rules! num {
        ($($t:ty),*) => {
            $(if let Some(a) = array.as_primitive_opt::<$t>() {
                return Some(a.iter().map(|v| v.map(|x| x as f64).filter(|x| !x.is_nan())).collect());
            })*
        };
    }
    num!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    num!(Float32Type, Float64Type);
    None
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

/// A date or timestamp column decoded by `decode` once per distinct value:
/// `(date, time)`, `time` as `HH:MM:SS[.f]` or `None` for a date column.
pub fn decode_temporal<T: Clone>(
    array: &dyn Array,
    mut decode: impl FnMut(NaiveDate, Option<DateTime<chrono::Utc>>) -> Option<T>,
) -> Option<Vec<Option<T>>> {
    let mut seen: HashMap<i64, Option<T>> = HashMap::new();
    let mut once = |raw: i64, f: &mut dyn FnMut(i64) -> Option<T>| {
        seen.entry(raw).or_insert_with(|| f(raw)).clone()
    };
    match array.data_type() {
        DataType::Date32 => {
            let a = array.as_primitive_opt::<arrow_array::types::Date32Type>()?;
            let mut f =
                |d: i64| date_from_days(i32::try_from(d).ok()?).and_then(|d| decode(d, None));
            Some(
                a.iter()
                    .map(|v| v.and_then(|d| once(i64::from(d), &mut f)))
                    .collect(),
            )
        }
        DataType::Date64 => {
            let a = array.as_primitive_opt::<arrow_array::types::Date64Type>()?;
            let mut f = |ms: i64| {
                let t = DateTime::from_timestamp_millis(ms)?;
                decode(t.date_naive(), None)
            };
            Some(a.iter().map(|v| v.and_then(|d| once(d, &mut f))).collect())
        }
        DataType::Timestamp(unit, tz) => {
            let unit = *unit;
            let offset = tz.as_deref().map_or(Some(0), utc_offset_seconds);
            let mut f = |v: i64| {
                let t = timestamp(v, unit)?;
                // The calendar date where the time was recorded: naive
                // timestamps as written, zoned ones in their zone.
                let local = t.checked_add_signed(chrono::TimeDelta::seconds(offset?))?;
                decode(local.date_naive(), Some(t))
            };
            let values: Vec<Option<i64>> = match unit {
                TimeUnit::Second => array
                    .as_primitive_opt::<arrow_array::types::TimestampSecondType>()?
                    .iter()
                    .collect(),
                TimeUnit::Millisecond => array
                    .as_primitive_opt::<arrow_array::types::TimestampMillisecondType>()?
                    .iter()
                    .collect(),
                TimeUnit::Microsecond => array
                    .as_primitive_opt::<arrow_array::types::TimestampMicrosecondType>()?
                    .iter()
                    .collect(),
                TimeUnit::Nanosecond => array
                    .as_primitive_opt::<arrow_array::types::TimestampNanosecondType>()?
                    .iter()
                    .collect(),
            };
            Some(
                values
                    .into_iter()
                    .map(|v| v.and_then(|d| once(d, &mut f)))
                    .collect(),
            )
        }
        _ => None,
    }
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
