//! Columnar input and output through the Arrow PyCapsule interface: any table
//! exporting `__arrow_c_stream__` (pandas >= 2.2, polars, pyarrow, duckdb) comes
//! in as record batches, and results go out as an Arrow table that pandas,
//! polars and pyarrow import without copying row by row.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, BooleanArray, RecordBatch, UInt32Array, UInt64Array};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use serde_json::Value;
use suraksha::{Report, Severity};

/// Each row of the batches as a JSON object; null cells are left out, so a
/// missing value is an absent field (what the record schemas expect).
pub fn rows(batches: &[RecordBatch]) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    for batch in batches {
        let mut buf = Vec::new();
        {
            let mut writer = arrow_json::LineDelimitedWriter::new(&mut buf);
            writer.write(batch).map_err(|e| e.to_string())?;
            writer.finish().map_err(|e| e.to_string())?;
        }
        // pandas stores an integer column with gaps as floats: a whole number in
        // a float column goes to the core as the integer it stood for.
        let float_columns: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .filter(|f| f.data_type().is_floating())
            .map(|f| f.name().clone())
            .collect();
        // One JSON object per line, in row order; a batch of zero rows writes nothing.
        for line in buf.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let mut row: Value = serde_json::from_slice(line).map_err(|e| e.to_string())?;
            if let Some(obj) = row.as_object_mut() {
                for name in &float_columns {
                    if let Some(v) = obj.get_mut(name) {
                        whole_to_integer(v);
                    }
                }
            }
            out.push(row);
        }
    }
    Ok(out)
}

fn whole_to_integer(v: &mut Value) {
    if let Some(f) = v.as_f64().filter(|_| v.is_f64()) {
        // Exactly representable whole numbers only (|f| < 2^53).
        if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
            *v = Value::from(f as i64);
        }
    }
}

/// The per-row result table of a batch validation: `row`, `valid`,
/// `n_errors`, `n_warnings`, and the `codes`, `paths` and `severities` of every
/// diagnostic (lists in the report's order).
pub fn report_table(reports: &[Report]) -> Result<RecordBatch, ArrowError> {
    let count =
        |r: &Report, s: Severity| r.diagnostics.iter().filter(|d| d.severity == s).count() as u32;
    let list = |f: &dyn Fn(&suraksha::Diagnostic) -> String| -> ArrayRef {
        let mut b = ListBuilder::new(StringBuilder::new()).with_field(Field::new(
            "item",
            DataType::Utf8,
            false,
        ));
        for r in reports {
            for d in &r.diagnostics {
                b.values().append_value(f(d));
            }
            b.append(true);
        }
        Arc::new(b.finish())
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(UInt64Array::from_iter_values(0..reports.len() as u64)),
        Arc::new(BooleanArray::from_iter(
            reports.iter().map(|r| Some(r.valid)),
        )),
        Arc::new(UInt32Array::from_iter_values(
            reports.iter().map(|r| count(r, Severity::Error)),
        )),
        Arc::new(UInt32Array::from_iter_values(
            reports.iter().map(|r| count(r, Severity::Warning)),
        )),
        list(&|d| d.code.as_str().to_owned()),
        list(&|d| d.path.clone()),
        list(&|d| match d.severity {
            Severity::Error => "error".to_owned(),
            Severity::Warning => "warning".to_owned(),
        }),
    ];
    let item = || Arc::new(Field::new("item", DataType::Utf8, false));
    let schema = Schema::new(vec![
        Field::new("row", DataType::UInt64, false),
        Field::new("valid", DataType::Boolean, false),
        Field::new("n_errors", DataType::UInt32, false),
        Field::new("n_warnings", DataType::UInt32, false),
        Field::new("codes", DataType::List(item()), false),
        Field::new("paths", DataType::List(item()), false),
        Field::new("severities", DataType::List(item()), false),
    ]);
    RecordBatch::try_new(Arc::new(schema), columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Int64Array, StringArray};
    use suraksha::{api, Context, Kind};

    #[test]
    fn rows_skip_nulls_and_keep_order() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("n", DataType::Int64, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(StringArray::from(vec![Some("a"), None])),
                Arc::new(Int64Array::from(vec![None, Some(2)])),
            ],
        )
        .unwrap();
        let got = rows(&[batch]).unwrap();
        assert_eq!(
            got,
            vec![serde_json::json!({"id": "a"}), serde_json::json!({"n": 2})]
        );
    }

    #[test]
    fn whole_floats_become_integers_only_in_float_columns() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("x", DataType::Float64, true),
            Field::new("s", DataType::Utf8, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(arrow_array::Float64Array::from(vec![
                    Some(10.0),
                    Some(2.5),
                    None,
                ])),
                Arc::new(StringArray::from(vec![Some("1.0"), None, None])),
            ],
        )
        .unwrap();
        let got = rows(&[batch]).unwrap();
        assert!(got[0]["x"].is_i64());
        assert_eq!(got[0]["s"], serde_json::json!("1.0"));
        assert_eq!(got[1]["x"], serde_json::json!(2.5));
        assert_eq!(got[2], serde_json::json!({}));
    }

    #[test]
    fn report_table_counts_per_row() {
        let ctx = Context::default();
        let reports = vec![
            api::validate_str(Kind::Referral, "{}", &ctx)
                .unwrap_or_else(suraksha::Error::into_report),
            api::validate_str(Kind::Referral, "{", &ctx)
                .unwrap_or_else(suraksha::Error::into_report),
        ];
        let table = report_table(&reports).unwrap();
        assert_eq!(table.num_rows(), 2);
        let errors = table
            .column(2)
            .as_any()
            .downcast_ref::<UInt32Array>()
            .unwrap();
        assert_eq!(errors.value(1), 1);
        assert!(errors.value(0) > 1);
    }
}
