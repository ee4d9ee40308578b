//! Record tables: each row of an Arrow record batch as the JSON object a record
//! kind expects, built column by column (each column decoded once, a
//! dictionary's values and each distinct date once), null cells left out so a
//! missing value is an absent field. Struct columns become objects and list
//! columns arrays, recursively; a whole number in a float column becomes the
//! integer it stood for (pandas stores integer columns with gaps as floats).

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use serde_json::{Map, Number, Value};

use super::cells;

/// Cells of a column as JSON values; `None` is a null cell.
type Cells = Vec<Option<Value>>;

/// A column type the conversion cannot read, as a message naming it.
fn unsupported(name: &str, t: &DataType) -> String {
    format!("column `{name}` has a type records cannot hold ({t})")
}

/// A float as JSON: whole numbers (exactly representable) as integers;
/// `None` for NaN and infinities. The in-place reader (`super::tree`) uses it too.
pub(super) fn float_number(x: f64) -> Option<Number> {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        return Some(Number::from(x as i64));
    }
    Number::from_f64(x)
}

fn float_value(x: f64) -> Option<Value> {
    float_number(x).map(Value::Number)
}

/// The cells of one column (any supported type) as JSON values.
fn column_cells(name: &str, array: &dyn Array, dates: bool) -> Result<Cells, String> {
    let t = array.data_type();
    if *t == DataType::Null {
        return Ok(vec![None; array.len()]);
    }
    if cells::is_text(t) {
        return cells::map_texts(array, |s| Value::String(s.to_owned()))
            .ok_or_else(|| unsupported(name, t));
    }
    if t.is_integer() {
        macro_rules! ints {
            ($($ty:ty),*) => {
                $(if let Some(a) = array.as_primitive_opt::<$ty>() {
                    return Ok(a.iter().map(|v| v.map(Value::from)).collect());
                })*
            };
        }
        use arrow_array::types::*;
        ints!(
            Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type,
            UInt64Type
        );
    }
    if t.is_floating() {
        let values = cells::numbers(array).ok_or_else(|| unsupported(name, t))?;
        return Ok(values
            .into_iter()
            .map(|v| v.and_then(float_value))
            .collect());
    }
    if *t == DataType::Boolean {
        let values = cells::booleans(array).ok_or_else(|| unsupported(name, t))?;
        return Ok(values.into_iter().map(|v| v.map(Value::Bool)).collect());
    }
    if cells::is_temporal(t) {
        return cells::decode_temporal(array, |date, time| {
            Some(Value::String(match time {
                Some(t) if !dates => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                _ => date.to_string(),
            }))
        })
        .ok_or_else(|| unsupported(name, t));
    }
    if let Some(s) = array.as_struct_opt() {
        let fields: Vec<(String, Cells)> = s
            .fields()
            .iter()
            .zip(s.columns())
            .map(|(f, c)| Ok((f.name().clone(), column_cells(f.name(), c.as_ref(), dates)?)))
            .collect::<Result<_, String>>()?;
        return Ok(objects(fields, s.len(), |i| s.is_null(i)));
    }
    macro_rules! lists {
        ($($o:ty),*) => {
            $(if let Some(l) = array.as_list_opt::<$o>() {
                // A sliced list keeps its whole child array: read only the
                // items its own offsets span, or every chunk of a table
                // would convert the items of all rows.
                // Offsets from a foreign exporter are clamped to the child
                // array, never trusted to index it.
                let offsets = l.value_offsets();
                let at = |o: $o| usize::try_from(o).unwrap_or(0);
                let len = l.values().len();
                let end = offsets.last().map_or(0, |&o| at(o)).min(len);
                let first = offsets.first().map_or(0, |&o| at(o)).min(end);
                let items = l.values().slice(first, end - first);
                let mut inner = column_cells(name, items.as_ref(), dates)?;
                return Ok((0..l.len())
                    .map(|i| {
                        if l.is_null(i) {
                            return None;
                        }
                        let (a, b) = (
                            at(offsets[i]).saturating_sub(first),
                            at(offsets[i + 1]).saturating_sub(first),
                        );
                        let items = inner
                            .get_mut(a..b)
                            .map(|s| s.iter_mut().map(|v| v.take().unwrap_or(Value::Null)).collect())
                            .unwrap_or_default();
                        Some(Value::Array(items))
                    })
                    .collect());
            })*
        };
    }
    #[allow(clippy::indexing_slicing)] // offsets has len + 1 entries by Arrow's layout
    {
        lists!(i32, i64);
    }
    Err(unsupported(name, t))
}

/// Objects from named columns of cells, null cells left out; a row where
/// `is_null` holds is itself null.
fn objects(mut fields: Vec<(String, Cells)>, n: usize, is_null: impl Fn(usize) -> bool) -> Cells {
    (0..n)
        .map(|i| {
            if is_null(i) {
                return None;
            }
            let mut obj = Map::new();
            for (name, cells) in &mut fields {
                if let Some(v) = cells.get_mut(i).and_then(Option::take) {
                    obj.insert(name.clone(), v);
                }
            }
            Some(Value::Object(obj))
        })
        .collect()
}

/// Each row of `batch` as a JSON object (see the module docs).
pub fn batch_values(batch: &RecordBatch) -> Result<Vec<Value>, String> {
    values(batch, false)
}

/// Each row of `batch` as a JSON object, every date or timestamp cell as its
/// calendar date (`YYYY-MM-DD`): for tables whose temporal fields are all
/// dates, such as the roster (a pandas `datetime64` column is a timestamp).
pub fn batch_values_dates(batch: &RecordBatch) -> Result<Vec<Value>, String> {
    values(batch, true)
}

fn values(batch: &RecordBatch, dates: bool) -> Result<Vec<Value>, String> {
    let schema = batch.schema();
    let fields: Vec<(String, Cells)> = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| Ok((f.name().clone(), column_cells(f.name(), c.as_ref(), dates)?)))
        .collect::<Result<_, String>>()?;
    Ok(objects(fields, batch.num_rows(), |_| false)
        .into_iter()
        .map(|v| v.unwrap_or_default())
        .collect())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
    use arrow_array::{ArrayRef, Float64Array, Int64Array, StringArray, StructArray};
    use arrow_schema::{Field, Schema};
    use serde_json::json;

    use super::*;

    #[test]
    fn nulls_are_absent_and_whole_floats_integers() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("n", DataType::Int64, true),
            Field::new("x", DataType::Float64, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(StringArray::from(vec![Some("a"), None])),
                Arc::new(Int64Array::from(vec![None, Some(2)])),
                Arc::new(Float64Array::from(vec![Some(10.0), Some(2.5)])),
            ],
        )
        .unwrap();
        let got = batch_values(&batch).unwrap();
        assert_eq!(
            got,
            vec![json!({"id": "a", "x": 10}), json!({"n": 2, "x": 2.5})]
        );
        assert!(got[0]["x"].is_i64());
    }

    /// A slice of a list column reads its own items only, with the same result
    /// as the rows cut from the whole table.
    #[test]
    fn sliced_lists_read_their_own_items() {
        let mut list = ListBuilder::new(Int64Builder::new());
        for i in 0..6i64 {
            list.values().append_value(i);
            list.values().append_value(i * 10);
            list.append(i != 3);
        }
        let schema = Arc::new(Schema::new(vec![Field::new(
            "xs",
            DataType::new_list(DataType::Int64, true),
            true,
        )]));
        let batch = RecordBatch::try_new(schema, vec![Arc::new(list.finish())]).unwrap();
        let whole = batch_values(&batch).unwrap();
        let part = batch_values(&batch.slice(2, 3)).unwrap();
        assert_eq!(part, whole[2..5].to_vec());
        assert_eq!(part[0], json!({"xs": [2, 20]}));
        assert_eq!(part[1], json!({}));
    }

    #[test]
    fn structs_and_lists_nest() {
        let mut list = ListBuilder::new(StringBuilder::new());
        list.values().append_value("p");
        list.values().append_value("q");
        list.append(true);
        list.append(false);
        let inner: ArrayRef = Arc::new(Int64Array::from(vec![Some(1), None]));
        let s = StructArray::from(vec![(
            Arc::new(Field::new("k", DataType::Int64, true)),
            inner,
        )]);
        let schema = Arc::new(Schema::new(vec![
            Field::new("tags", DataType::new_list(DataType::Utf8, true), true),
            Field::new("s", s.data_type().clone(), true),
        ]));
        let batch =
            RecordBatch::try_new(schema, vec![Arc::new(list.finish()), Arc::new(s)]).unwrap();
        let got = batch_values(&batch).unwrap();
        assert_eq!(
            got,
            vec![json!({"tags": ["p", "q"], "s": {"k": 1}}), json!({"s": {}})]
        );
    }
}
