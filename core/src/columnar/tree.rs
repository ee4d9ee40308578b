//! Rows of an Arrow record batch read in place by the validation fast path
//! ([`crate::validate::tree`]): a valid row is checked and parsed into the
//! typed model straight from its columns, with no JSON object built.
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
use serde_json::{Number, Value};

use super::records::float_number;
use crate::validate::tape::Tape;
use crate::validate::tree::{Leaf, Tree};

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

/// A row of a batch, or one cell of an array (a column, a struct's field, a list's item).
#[derive(Clone, Copy)]
pub enum Cell<'a> {
    /// A row of the batch, by its index.
    Row(&'a RecordBatch, usize),
    /// An item of the array, by its index.
    At(&'a dyn Array, usize),
}

fn float_at(array: &dyn Array, i: usize) -> Option<f64> {
    if let Some(a) = array.as_primitive_opt::<arrow_array::types::Float64Type>() {
        return Some(a.value(i));
    }
    array
        .as_primitive_opt::<arrow_array::types::Float32Type>()
        .map(|a| f64::from(a.value(i)))
}

/// Whether a field's cell is there at all (the conversion leaves the rest out).
/// `t` is the field's type from its schema, which a batch and a struct array
/// hold equal to the column's own (read without a call through the array).
fn present(t: &DataType, array: &dyn Array, i: usize) -> bool {
    match t {
        DataType::Null => false,
        _ if i >= array.len() || array.is_null(i) => false,
        DataType::Float32 | DataType::Float64 => {
            float_at(array, i).and_then(float_number).is_some()
        }
        _ => true,
    }
}

fn text_at(array: &dyn Array, i: usize) -> Option<&str> {
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string_opt::<i32>()?.value(i)),
        DataType::LargeUtf8 => Some(array.as_string_opt::<i64>()?.value(i)),
        DataType::Utf8View => Some(array.as_string_view_opt()?.value(i)),
        DataType::Dictionary(..) => {
            let (values, key) = dictionary_key(array, i)?;
            if key >= values.len() || values.is_null(key) {
                return None;
            }
            text_at(values.as_ref(), key)
        }
        _ => None,
    }
}

fn dictionary_key(array: &dyn Array, i: usize) -> Option<(&ArrayRef, usize)> {
    macro_rules! keys {
        ($($t:ty),*) => {
            $(if let Some(d) = array.as_dictionary_opt::<$t>() {
                return Some((d.values(), usize::try_from(d.keys().value(i)).ok()?));
            })*
        };
    }
    keys!(Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type);
    None
}

fn integer_at(array: &dyn Array, i: usize) -> Option<Number> {
    // One downcast, chosen by the column's type, rather than trying each.
    macro_rules! int {
        ($t:ty) => {
            Number::from(array.as_primitive_opt::<$t>()?.value(i))
        };
    }
    Some(match array.data_type() {
        DataType::Int64 => int!(Int64Type),
        DataType::Int32 => int!(Int32Type),
        DataType::Int16 => int!(Int16Type),
        DataType::Int8 => int!(Int8Type),
        DataType::UInt64 => int!(UInt64Type),
        DataType::UInt32 => int!(UInt32Type),
        DataType::UInt16 => int!(UInt16Type),
        DataType::UInt8 => int!(UInt8Type),
        _ => return None,
    })
}

/// A list cell's items as a range of its child array, or `None` when its
/// offsets do not lie within the child.
fn list_range(array: &dyn Array, i: usize) -> Option<(&ArrayRef, usize, usize)> {
    macro_rules! lists {
        ($($o:ty),*) => {
            $(if let Some(l) = array.as_list_opt::<$o>() {
                let offsets = l.value_offsets();
                let start = usize::try_from(*offsets.get(i)?).ok()?;
                let end = usize::try_from(*offsets.get(i + 1)?).ok()?;
                return (start <= end && end <= l.values().len()).then_some((l.values(), start, end));
            })*
        };
    }
    lists!(i32, i64);
    None
}

/// The fields of a row or a struct cell that are there.
pub struct Fields<'a> {
    names: &'a ArrowFields,
    columns: &'a [ArrayRef],
    row: usize,
    next: usize,
}

impl<'a> Iterator for Fields<'a> {
    type Item = (&'a str, Cell<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        while let (Some(field), Some(column)) =
            (self.names.get(self.next), self.columns.get(self.next))
        {
            self.next += 1;
            if present(field.data_type(), column.as_ref(), self.row) {
                return Some((field.name().as_str(), Cell::At(column.as_ref(), self.row)));
            }
        }
        None
    }
}

/// A list cell's items.
pub struct Items<'a> {
    values: &'a dyn Array,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Items<'a> {
    type Item = Cell<'a>;

    fn next(&mut self) -> Option<Cell<'a>> {
        (self.next < self.end).then(|| {
            self.next += 1;
            Cell::At(self.values, self.next - 1)
        })
    }
}

impl<'a> Cell<'a> {
    fn object_fields(&self) -> Option<Fields<'a>> {
        match *self {
            Cell::Row(batch, row) => Some(Fields {
                names: batch.schema_ref().fields(),
                columns: batch.columns(),
                row,
                next: 0,
            }),
            Cell::At(array, row) => {
                let s = array.as_struct_opt()?;
                Some(Fields {
                    names: s.fields(),
                    columns: s.columns(),
                    row,
                    next: 0,
                })
            }
        }
    }
}

impl<'a> Cell<'a> {
    /// What the cell holds, its text borrowed from the batch.
    fn read(&self) -> Option<Leaf<'a>> {
        let (array, i) = match *self {
            Cell::Row(..) => return Some(Leaf::Object(self.object_fields()?.count())),
            Cell::At(array, i) => (array, i),
        };
        if i >= array.len() {
            return None;
        }
        let t = array.data_type();
        // `matches!`, not `==`: DataType's equality is a call that compares
        // whole nested types.
        if matches!(t, DataType::Null) || array.is_null(i) {
            return Some(Leaf::Null);
        }
        Some(match t {
            DataType::Boolean => Leaf::Bool(array.as_boolean_opt()?.value(i)),
            DataType::Float32 | DataType::Float64 => {
                // A NaN item of a list is null, as the conversion writes it.
                float_at(array, i)
                    .and_then(float_number)
                    .map_or(Leaf::Null, Leaf::Number)
            }
            DataType::Struct(_) => Leaf::Object(self.object_fields()?.count()),
            DataType::List(_) | DataType::LargeList(_) => {
                let (_, start, end) = list_range(array, i)?;
                Leaf::Array(end - start)
            }
            t if t.is_integer() => Leaf::Number(integer_at(array, i)?),
            _ => Leaf::String(text_at(array, i)?),
        })
    }
}

/// Row `row` of `batch` copied onto `tape` (emptied first; strings still
/// borrowed from the batch), so the fast path reads each cell once rather
/// than once for the walk and again for the typed parse; `None` when a cell
/// cannot be read. The tape holds what [`Cell::Row`] reads as a [`Tree`]:
/// the same fields in order, the same numbers and strings.
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
        // Each column's presence and value are read once, by the type its
        // schema field gives (as `present` and `Cell::read` do).
        let (t, column) = (field.data_type(), column.as_ref());
        if matches!(t, DataType::Null) || i >= column.len() || column.is_null(i) {
            continue;
        }
        if matches!(t, DataType::Float32 | DataType::Float64) {
            if let Some(n) = float_at(column, i).and_then(float_number) {
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
            float_at(array, i)
                .and_then(float_number)
                .map_or(Leaf::Null, Leaf::Number),
        ),
        DataType::Struct(_) => {
            let s = array.as_struct_opt()?;
            push_fields(s.fields(), s.columns(), i, tape)
        }
        DataType::List(f) | DataType::LargeList(f) => {
            let (values, from, to) = list_range(array, i)?;
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
        t if t.is_integer() => tape.push(Leaf::Number(integer_at(array, i)?)),
        _ => tape.push(Leaf::String(text_at(array, i)?)),
    }
}

impl<'a> Tree for Cell<'a> {
    type Key = &'a str;
    type Items = Items<'a>;
    type Fields = Fields<'a>;

    fn leaf(&self) -> Option<Leaf<'_>> {
        self.read()
    }

    fn items(&self) -> Option<Items<'a>> {
        let Cell::At(array, i) = *self else {
            return None;
        };
        let (values, start, end) = list_range(array, i)?;
        Some(Items {
            values: values.as_ref(),
            next: start,
            end,
        })
    }

    fn fields(&self) -> Option<Fields<'a>> {
        self.object_fields()
    }

    fn key<'k>(key: &'k &'a str) -> Option<&'k str> {
        Some(key)
    }

    fn to_value(&self) -> Option<Value> {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
    use arrow_array::{Float64Array, Int64Array, StringArray, StructArray};
    use arrow_schema::{Field, Schema};
    use serde_json::json;

    use super::*;

    /// A tree as JSON, through the typed parse's own reader.
    fn as_json(cell: Cell<'_>) -> Value {
        use serde::Deserialize;
        Value::deserialize(crate::validate::tree::TreeDeserializer(cell)).unwrap()
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
                assert_eq!(&as_json(Cell::Row(&part, row)), want, "row {row}");
                let mut tape = Tape::with_capacity(0);
                row_tape(&part, row, &mut tape).unwrap();
                assert_eq!(
                    tape.root().to_value().as_ref(),
                    Some(want),
                    "tape of row {row}"
                );
            }
        }
        assert_eq!(
            as_json(Cell::Row(&batch, 0)),
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
