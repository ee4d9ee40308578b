//! Results as Arrow tables, which pandas, polars and pyarrow import without a
//! Python object per cell.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, ListBuilder, StringBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};

use crate::indicators::{Dimension, Table};
use crate::{Diagnostic, Error, Locale, Report, Severity};

fn list_field() -> Arc<Field> {
    Arc::new(Field::new("item", DataType::Utf8, false))
}

/// The schema of [`report_table`].
pub fn report_schema() -> Arc<Schema> {
    Arc::new(Schema::new(vec![
        Field::new("row", DataType::UInt64, false),
        Field::new("valid", DataType::Boolean, false),
        Field::new("n_errors", DataType::UInt32, false),
        Field::new("n_warnings", DataType::UInt32, false),
        Field::new("codes", DataType::List(list_field()), false),
        Field::new("paths", DataType::List(list_field()), false),
        Field::new("severities", DataType::List(list_field()), false),
    ]))
}

/// The per-row result table of a batch validation, its rows numbered from
/// `first_row`: `row`, `valid`, `n_errors`, `n_warnings`, and the `codes`,
/// `paths` and `severities` of every diagnostic (lists in the report's order).
pub fn report_table(reports: &[Report], first_row: u64) -> Result<RecordBatch, Error> {
    let count =
        |r: &Report, s: Severity| r.diagnostics.iter().filter(|d| d.severity == s).count() as u32;
    let list = |f: &dyn Fn(&Diagnostic) -> &str| -> ArrayRef {
        let mut b = ListBuilder::new(StringBuilder::new()).with_field(list_field());
        for r in reports {
            for d in &r.diagnostics {
                b.values().append_value(f(d));
            }
            b.append(true);
        }
        Arc::new(b.finish())
    };
    let mut rows = UInt64Builder::with_capacity(reports.len());
    let mut valid = BooleanBuilder::with_capacity(reports.len());
    let mut errors = UInt32Builder::with_capacity(reports.len());
    let mut warnings = UInt32Builder::with_capacity(reports.len());
    for (i, r) in reports.iter().enumerate() {
        rows.append_value(first_row + i as u64);
        valid.append_value(r.valid);
        errors.append_value(count(r, Severity::Error));
        warnings.append_value(count(r, Severity::Warning));
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(rows.finish()),
        Arc::new(valid.finish()),
        Arc::new(errors.finish()),
        Arc::new(warnings.finish()),
        list(&|d| d.code.as_str()),
        list(&|d| d.path.as_str()),
        list(&|d| match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }),
    ];
    RecordBatch::try_new(report_schema(), columns).map_err(|e| Error::internal(&e.to_string()))
}

/// The serialised name of a unit enum value.
fn name(v: &impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Indicator tables flattened into one table, a row per published cell:
/// `indicator`, `title` (in `locale`), `unit`, `level`, `district`, `block`,
/// `village`, one column per breakdown [`Dimension`], `numerator`,
/// `denominator`, `value`, `ci_low`, `ci_high`, `std_error`,
/// `design_effect`, `effective_n`, `suppressed`, `display`.
pub fn indicator_table(tables: &[Table], locale: Locale) -> Result<RecordBatch, Error> {
    let n: usize = tables.iter().map(|t| t.rows.len()).sum();
    let text = || StringBuilder::with_capacity(n, n * 8);
    let (mut indicator, mut title, mut unit, mut level, mut display) =
        (text(), text(), text(), text(), text());
    let mut dims: Vec<StringBuilder> = Dimension::ALL.iter().map(|_| text()).collect();
    let mut geo: Vec<UInt32Builder> = (0..3).map(|_| UInt32Builder::with_capacity(n)).collect();
    let mut counts: Vec<UInt64Builder> = (0..2).map(|_| UInt64Builder::with_capacity(n)).collect();
    let mut floats: Vec<Float64Builder> =
        (0..6).map(|_| Float64Builder::with_capacity(n)).collect();
    let mut suppressed = BooleanBuilder::with_capacity(n);
    for t in tables {
        let t_title = match locale {
            Locale::Hi => &t.title.hi,
            Locale::En => &t.title.en,
        };
        let t_unit = name(&t.unit);
        for r in &t.rows {
            indicator.append_value(&t.indicator);
            title.append_value(t_title);
            unit.append_value(&t_unit);
            level.append_value(name(&r.level));
            for (b, v) in geo.iter_mut().zip([Some(r.district), r.block, r.village]) {
                b.append_option(v);
            }
            for (b, d) in dims.iter_mut().zip(Dimension::ALL) {
                b.append_option(r.breakdown.get(d.as_str()));
            }
            for (b, v) in counts.iter_mut().zip([r.numerator, r.denominator]) {
                b.append_option(v);
            }
            let design = [r.std_error, r.design_effect, r.effective_n];
            for (b, v) in floats
                .iter_mut()
                .zip([r.value, r.ci_low, r.ci_high].into_iter().chain(design))
            {
                b.append_option(v);
            }
            suppressed.append_value(r.suppressed);
            display.append_value(&r.display);
        }
    }
    let opt = |name: &str, t: DataType| Field::new(name, t, true);
    let mut fields = vec![
        Field::new("indicator", DataType::Utf8, false),
        Field::new("title", DataType::Utf8, false),
        Field::new("unit", DataType::Utf8, false),
        Field::new("level", DataType::Utf8, false),
        Field::new("district", DataType::UInt32, false),
        opt("block", DataType::UInt32),
        opt("village", DataType::UInt32),
    ];
    fields.extend(
        Dimension::ALL
            .iter()
            .map(|d| opt(d.as_str(), DataType::Utf8)),
    );
    fields.extend([
        opt("numerator", DataType::UInt64),
        opt("denominator", DataType::UInt64),
        opt("value", DataType::Float64),
        opt("ci_low", DataType::Float64),
        opt("ci_high", DataType::Float64),
        opt("std_error", DataType::Float64),
        opt("design_effect", DataType::Float64),
        opt("effective_n", DataType::Float64),
        Field::new("suppressed", DataType::Boolean, false),
        Field::new("display", DataType::Utf8, false),
    ]);
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(indicator.finish()),
        Arc::new(title.finish()),
        Arc::new(unit.finish()),
        Arc::new(level.finish()),
    ];
    columns.extend(geo.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.extend(dims.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.extend(counts.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.extend(floats.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.push(Arc::new(suppressed.finish()));
    columns.push(Arc::new(display.finish()));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .map_err(|e| Error::internal(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::UInt32Type;

    use super::*;
    use crate::{api, Context, Kind};

    #[test]
    fn report_table_counts_per_row() {
        let ctx = Context::default();
        let reports = vec![
            api::validate_str(Kind::Referral, "{}", &ctx).unwrap_or_else(crate::Error::into_report),
            api::validate_str(Kind::Referral, "{", &ctx).unwrap_or_else(crate::Error::into_report),
        ];
        let table = report_table(&reports, 5).unwrap();
        assert_eq!(table.num_rows(), 2);
        let errors = table.column(2).as_primitive::<UInt32Type>();
        assert_eq!(errors.value(1), 1);
        assert!(errors.value(0) > 1);
        let rows = table
            .column(0)
            .as_primitive::<arrow_array::types::UInt64Type>();
        assert_eq!(rows.values().to_vec(), vec![5, 6]);
    }
}
