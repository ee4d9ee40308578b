//! Rows of an Arrow record batch for the validation fast path: each row is
//! copied onto a tape ([`crate::validate::tape`], strings borrowed from the
//! batch), where it is checked and parsed into the typed model with no JSON
//! object built.
//!
//! A row reads exactly as [`super::batch_values`] converts it: null cells (and
//! NaN or infinite floats) are absent fields, a whole float is the integer it
//! stood for, a null list item is `null`. Columns of dates and timestamps,
//! which that conversion turns into text, are not read here
//! ([`readable`] says no and the whole batch takes the conversion), and any
//! cell this module cannot read (offsets out of range, a dictionary key
//! beyond its values) makes the row take it too.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Fields as ArrowFields};
use serde_json::Number;

use super::records::float_number;
use crate::validate::tape::Tape;
use crate::validate::tree::Leaf;

/// Whether every column of `batch` can be read in place: of a type read
/// here, and no name twice among a row's or a struct's fields (the
/// conversion keeps the last of two; reading in place would see both).
pub fn readable(batch: &RecordBatch) -> bool {
    distinct(batch.schema_ref().fields())
        && batch.columns().iter().all(|c| readable_type(c.data_type()))
}

fn distinct(fields: &ArrowFields) -> bool {
    fields
        .iter()
        .enumerate()
        .all(|(n, f)| fields.iter().take(n).all(|g| g.name() != f.name()))
}

fn readable_type(t: &DataType) -> bool {
    match t {
        DataType::Null
        | DataType::Boolean
        | DataType::Utf8
        | DataType::LargeUtf8
        | DataType::Utf8View
        | DataType::Float32
        | DataType::Float64 => true,
        DataType::Dictionary(k, v) => {
            k.is_integer() && matches!(**v, DataType::Utf8 | DataType::LargeUtf8)
        }
        DataType::Struct(fields) => {
            distinct(fields) && fields.iter().all(|f| readable_type(f.data_type()))
        }
        DataType::List(f) | DataType::LargeList(f) => readable_type(f.data_type()),
        t => t.is_integer(),
    }
}

// The readers below take the cell's type from its schema field (equal to
// the array's own) and make the one downcast it names, rather than asking
// the array (a call through its vtable) or trying each width in turn.

fn float_at(array: &dyn Array, t: &DataType, i: usize) -> Option<f64> {
    use arrow_array::types::{Float32Type, Float64Type};
    match t {
        DataType::Float64 => Some(array.as_primitive_opt::<Float64Type>()?.value(i)),
        DataType::Float32 => Some(f64::from(array.as_primitive_opt::<Float32Type>()?.value(i))),
        _ => None,
    }
}

fn text_at<'a>(array: &'a dyn Array, t: &DataType, i: usize) -> Option<&'a str> {
    match t {
        DataType::Utf8 => Some(array.as_string_opt::<i32>()?.value(i)),
        DataType::LargeUtf8 => Some(array.as_string_opt::<i64>()?.value(i)),
        DataType::Utf8View => Some(array.as_string_view_opt()?.value(i)),
        DataType::Dictionary(k, v) => {
            let (values, key) = dictionary_key(array, k, i)?;
            if key >= values.len() || values.is_null(key) {
                return None;
            }
            text_at(values.as_ref(), v, key)
        }
        _ => None,
    }
}

/// `$read!(T)` with the Arrow integer type `T` that `$t` names; the
/// enclosing function returns `None` for any other type.
macro_rules! with_integer_type {
    ($t:expr, $read:ident) => {
        match $t {
            DataType::Int8 => $read!(Int8Type),
            DataType::Int16 => $read!(Int16Type),
            DataType::Int32 => $read!(Int32Type),
            DataType::Int64 => $read!(Int64Type),
            DataType::UInt8 => $read!(UInt8Type),
            DataType::UInt16 => $read!(UInt16Type),
            DataType::UInt32 => $read!(UInt32Type),
            DataType::UInt64 => $read!(UInt64Type),
            _ => return None,
        }
    };
}

fn dictionary_key<'a>(
    array: &'a dyn Array,
    k: &DataType,
    i: usize,
) -> Option<(&'a ArrayRef, usize)> {
    macro_rules! key {
        ($t:ty) => {{
            let d = array.as_dictionary_opt::<$t>()?;
            (d.values(), usize::try_from(d.keys().value(i)).ok()?)
        }};
    }
    Some(with_integer_type!(k, key))
}

fn integer_at(array: &dyn Array, t: &DataType, i: usize) -> Option<Number> {
    macro_rules! int {
        ($t:ty) => {
            Number::from(array.as_primitive_opt::<$t>()?.value(i))
        };
    }
    Some(with_integer_type!(t, int))
}

/// A list cell's items as a range of its child array, or `None` when its
/// offsets do not lie within the child.
fn list_range<'a>(
    array: &'a dyn Array,
    t: &DataType,
    i: usize,
) -> Option<(&'a ArrayRef, usize, usize)> {
    macro_rules! range {
        ($o:ty) => {{
            let l = array.as_list_opt::<$o>()?;
            let offsets = l.value_offsets();
            let start = usize::try_from(*offsets.get(i)?).ok()?;
            let end = usize::try_from(*offsets.get(i + 1)?).ok()?;
            (start <= end && end <= l.values().len()).then_some((l.values(), start, end))
        }};
    }
    match t {
        DataType::List(_) => range!(i32),
        DataType::LargeList(_) => range!(i64),
        _ => None,
    }
}

/// Row `row` of `batch` copied onto `tape` (emptied first; strings still
/// borrowed from the batch), so the fast path reads each cell once rather
/// than once for the walk and again for the typed parse; `None` when a cell
/// cannot be read.
pub fn row_tape<'a>(batch: &'a RecordBatch, row: usize, tape: &mut Tape<'a>) -> Option<()> {
    tape.clear();
    push_fields(batch.schema_ref().fields(), batch.columns(), row, tape)
}

/// The present fields of row `i` of `columns` as an object.
fn push_fields<'a>(
    names: &'a ArrowFields,
    columns: &'a [ArrayRef],
    i: usize,
    tape: &mut Tape<'a>,
) -> Option<()> {
    let start = tape.open(true);
    let mut len = 0;
    for (field, column) in names.iter().zip(columns) {
        // A null cell (or NaN) is an absent field. Each cell is read once,
        // by the type its schema field gives, which a batch and a struct
        // array hold equal to the column's own (no call through the array).
        let (t, column) = (field.data_type(), column.as_ref());
        if matches!(t, DataType::Null) || i >= column.len() || column.is_null(i) {
            continue;
        }
        if matches!(t, DataType::Float32 | DataType::Float64) {
            if let Some(n) = float_at(column, t, i).and_then(float_number) {
                tape.push(Leaf::String(field.name()))?;
                tape.push(Leaf::Number(n))?;
                len += 1;
            }
            continue;
        }
        tape.push(Leaf::String(field.name()))?;
        push_value(column, t, i, tape)?;
        len += 1;
    }
    tape.close(start, len);
    Some(())
}

/// Item `i` of `array` (of type `t`), not null.
fn push_value<'a>(array: &'a dyn Array, t: &DataType, i: usize, tape: &mut Tape<'a>) -> Option<()> {
    match t {
        DataType::Boolean => tape.push(Leaf::Bool(array.as_boolean_opt()?.value(i))),
        DataType::Float32 | DataType::Float64 => tape.push(
            float_at(array, t, i)
                .and_then(float_number)
                .map_or(Leaf::Null, Leaf::Number),
        ),
        DataType::Struct(_) => {
            let s = array.as_struct_opt()?;
            push_fields(s.fields(), s.columns(), i, tape)
        }
        DataType::List(f) | DataType::LargeList(f) => {
            let (values, from, to) = list_range(array, t, i)?;
            let (values, t) = (values.as_ref(), f.data_type());
            let start = tape.open(false);
            for j in from..to {
                if matches!(t, DataType::Null) || values.is_null(j) {
                    tape.push(Leaf::Null)?;
                } else {
                    push_value(values, t, j, tape)?;
                }
            }
            tape.close(start, to - from);
            Some(())
        }
        t if t.is_integer() => tape.push(Leaf::Number(integer_at(array, t, i)?)),
        _ => tape.push(Leaf::String(text_at(array, t, i)?)),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
    use arrow_array::{Float64Array, Int64Array, StringArray, StructArray};
    use arrow_schema::{Field, Schema};
    use serde_json::{json, Value};

    use super::*;

    /// A row as JSON: its tape read back, and through the typed parse's
    /// own reader, which must agree.
    fn as_json(batch: &RecordBatch, row: usize) -> Value {
        use crate::validate::tree::Tree;
        use serde::Deserialize;
        let mut tape = Tape::with_capacity(0);
        row_tape(batch, row, &mut tape).unwrap();
        let parsed = Value::deserialize(crate::validate::tree::TreeDeserializer(tape.root()));
        assert_eq!(tape.root().to_value(), parsed.ok());
        tape.root().to_value().unwrap()
    }

    /// Every row reads as the conversion writes it: absent nulls, whole
    /// floats as integers, NaN left out, nested structs and lists, a slice.
    #[test]
    fn rows_read_as_the_conversion_writes_them() {
        let mut list = ListBuilder::new(Int64Builder::new());
        for i in 0..4i64 {
            list.values().append_value(i);
            list.values().append_null();
            list.append(i != 2);
        }
        let mut tags = ListBuilder::new(StringBuilder::new());
        for i in 0..4 {
            tags.values().append_value(format!("t{i}"));
            tags.append(true);
        }
        let inner: ArrayRef = Arc::new(Int64Array::from(vec![Some(1), None, Some(3), None]));
        let s = StructArray::from(vec![(
            Arc::new(Field::new("k", DataType::Int64, true)),
            inner,
        )]);
        let schema = Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("x", DataType::Float64, true),
            Field::new("xs", DataType::new_list(DataType::Int64, true), true),
            Field::new("tags", DataType::new_list(DataType::Utf8, true), true),
            Field::new("s", s.data_type().clone(), true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(StringArray::from(vec![
                    Some("a"),
                    None,
                    Some("c"),
                    Some("d"),
                ])),
                Arc::new(Float64Array::from(vec![
                    Some(10.0),
                    Some(2.5),
                    Some(f64::NAN),
                    None,
                ])),
                Arc::new(list.finish()),
                Arc::new(tags.finish()),
                Arc::new(s),
            ],
        )
        .unwrap();
        assert!(readable(&batch));
        for part in [batch.clone(), batch.slice(1, 3)] {
            let converted = super::super::records::batch_values(&part).unwrap();
            for (row, want) in converted.iter().enumerate() {
                assert_eq!(&as_json(&part, row), want, "row {row}");
            }
        }
        assert_eq!(
            as_json(&batch, 0),
            json!({"id": "a", "x": 10, "xs": [0, null], "tags": ["t0"], "s": {"k": 1}})
        );
    }

    /// A name twice among a row's or a struct's fields: the conversion keeps
    /// the last, so such a batch is not read in place.
    #[test]
    fn repeated_names_are_left_to_the_conversion() {
        let ids: ArrayRef = Arc::new(StringArray::from(vec!["a"]));
        let twice = Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("id", DataType::Utf8, true),
        ]);
        let batch = RecordBatch::try_new(Arc::new(twice), vec![ids.clone(), ids.clone()]).unwrap();
        assert!(!readable(&batch));
        let inner = StructArray::from(vec![
            (Arc::new(Field::new("k", DataType::Utf8, true)), ids.clone()),
            (Arc::new(Field::new("k", DataType::Utf8, true)), ids.clone()),
        ]);
        let schema = Schema::new(vec![Field::new("s", inner.data_type().clone(), true)]);
        let batch = RecordBatch::try_new(Arc::new(schema), vec![Arc::new(inner)]).unwrap();
        assert!(!readable(&batch));
        let once = Schema::new(vec![Field::new("id", DataType::Utf8, true)]);
        assert!(readable(
            &RecordBatch::try_new(Arc::new(once), vec![ids]).unwrap()
        ));
    }

    #[test]
    fn dates_are_left_to_the_conversion() {
        let schema = Arc::new(Schema::new(vec![Field::new("d", DataType::Date32, true)]));
        let batch = RecordBatch::try_new(
            schema,
            vec![Arc::new(arrow_array::Date32Array::from(vec![Some(20_000)]))],
        )
        .unwrap();
        assert!(!readable(&batch));
    }
}
