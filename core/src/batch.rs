//! Batch validation: many records of one kind — JSON values, NDJSON bytes, or
//! (feature `arrow`) the rows of an Arrow table — checked in parallel, one
//! result per record, in order.
//!
//! Input is taken in bounded chunks of [`CHUNK`] records: each chunk is parsed
//! or converted, validated on all cores, and reduced to its reports before the
//! next one starts, so memory stays the input plus the results plus one chunk
//! (never a parsed copy of the whole input). [`Mode::Summary`] keeps only
//! counts and the invalid rows, for inputs whose full results would not fit.
//!
//! ```
//! use suraksha::batch::{validate_batch, Input, Mode, Output};
//! use suraksha::{Context, Kind};
//!
//! let ndjson = b"{\"id\": \"R1\"}\n\n{not json\n";
//! let out = validate_batch(Kind::Referral, Input::Ndjson(ndjson), &Context::default(), Mode::Summary);
//! let Output::Summary(s) = out else { unreachable!() };
//! assert_eq!((s.rows, s.valid, s.invalid), (2, 0, 2));
//! assert_eq!(s.invalid_rows[1].row, 1);
//! assert_eq!(s.invalid_rows[1].report.diagnostics[0].code.as_str(), "malformed_json");
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Params};
use crate::{api, Context, Kind, Report, Severity};

/// Records validated together as one unit of parallel work.
pub const CHUNK: usize = 4096;

/// What to keep of each record's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// One report per record.
    #[default]
    Full,
    /// Counts, and the reports of invalid records only.
    Summary,
}

/// The report of one record of a batch, by its index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RowReport {
    /// Index of the record in the batch (0-based; NDJSON: non-blank lines).
    pub row: u64,
    /// Its report.
    pub report: Report,
}

/// The summary of a batch: counts, and every invalid record's report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// Records read.
    pub rows: u64,
    /// Records without errors.
    pub valid: u64,
    /// Records with at least one error.
    pub invalid: u64,
    /// Records with at least one warning (valid or not).
    pub with_warnings: u64,
    /// Diagnostics by code, over every record.
    pub codes: BTreeMap<String, u64>,
    /// The invalid records' reports, in order.
    pub invalid_rows: Vec<RowReport>,
}

/// The result of a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// One report per record, in order ([`Mode::Full`]).
    Reports(Vec<Report>),
    /// Counts and the invalid records ([`Mode::Summary`]).
    Summary(Summary),
}

/// A batch of records.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Parsed records.
    Values(&'a [Value]),
    /// Records as JSON texts (a malformed one is its own `malformed_json` report).
    Texts(&'a [&'a str]),
    /// NDJSON: one record a non-blank line.
    Ndjson(&'a [u8]),
}

/// One record of a mixed batch: parsed, or JSON text still to parse.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A parsed record.
    Value(Value),
    /// JSON text (malformed text is the record's `malformed_json` report).
    Text(String),
}

/// NDJSON bytes cut at line ends into pieces of about [`CHUNK`] lines each,
/// so a caller can stream them through [`Validator::push_ndjson`] and pass
/// each piece's results on before the next.
pub fn ndjson_pieces(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = 0;
        for _ in 0..CHUNK {
            match rest
                .get(end..)
                .and_then(|r| r.iter().position(|&b| b == b'\n'))
            {
                Some(i) => end += i + 1,
                None => {
                    end = rest.len();
                    break;
                }
            }
        }
        let (piece, tail) = rest.split_at(end.min(rest.len()));
        rest = tail;
        Some(piece)
    })
}

/// Validates a batch chunk by chunk; feed it with the `push_*` methods (each
/// call may be one chunk of a stream) and take the results with
/// [`Validator::take_reports`] (to pass them on as they come) or
/// [`Validator::finish`].
#[derive(Debug)]
pub struct Validator<'c, 'p> {
    kind: Kind,
    ctx: &'c Context<'p>,
    mode: Mode,
    reports: Vec<Report>,
    summary: Summary,
}

impl<'c, 'p> Validator<'c, 'p> {
    /// A validator of records of `kind`.
    pub fn new(kind: Kind, ctx: &'c Context<'p>, mode: Mode) -> Self {
        Validator {
            kind,
            ctx,
            mode,
            reports: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// The number of records seen so far.
    pub fn rows(&self) -> u64 {
        self.summary.rows
    }

    fn record(&mut self, reports: Vec<Report>) {
        for report in reports {
            let s = &mut self.summary;
            let row = s.rows;
            s.rows += 1;
            if report.valid {
                s.valid += 1;
            } else {
                s.invalid += 1;
            }
            if report
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Warning)
            {
                s.with_warnings += 1;
            }
            for d in &report.diagnostics {
                *s.codes.entry(d.code.as_str().to_owned()).or_insert(0) += 1;
            }
            match self.mode {
                Mode::Full => self.reports.push(report),
                Mode::Summary if !report.valid => s.invalid_rows.push(RowReport { row, report }),
                Mode::Summary => {}
            }
        }
    }

    /// Validate `items` (one chunk) in parallel with `check`, in order.
    fn run<T: Sync>(&mut self, items: &[T], check: impl Fn(&T) -> Report + Sync + Send) {
        for chunk in items.chunks(CHUNK) {
            let reports = parallel_map(chunk, &check);
            self.record(reports);
        }
    }

    /// Validate parsed records.
    pub fn push_values(&mut self, values: &[Value]) {
        let (kind, ctx) = (self.kind, self.ctx);
        self.run(values, |v| api::validate(kind, v, ctx));
    }

    /// Validate records given as JSON texts.
    pub fn push_texts(&mut self, texts: &[&str]) {
        let (kind, ctx) = (self.kind, self.ctx);
        self.run(texts, |t| text_report(kind, t, ctx));
    }

    /// Validate a mixed batch of parsed records and JSON texts.
    pub fn push_items(&mut self, items: &[Item]) {
        let (kind, ctx) = (self.kind, self.ctx);
        self.run(items, |i| match i {
            Item::Value(v) => api::validate(kind, v, ctx),
            Item::Text(t) => text_report(kind, t, ctx),
        });
    }

    /// Validate NDJSON bytes: one record a non-blank line; a line that is not
    /// UTF-8 or not JSON is that record's `malformed_json` report.
    pub fn push_ndjson(&mut self, bytes: &[u8]) {
        let (kind, ctx) = (self.kind, self.ctx);
        let mut lines = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .peekable();
        let mut chunk: Vec<&[u8]> = Vec::with_capacity(CHUNK);
        while lines.peek().is_some() {
            chunk.clear();
            chunk.extend(lines.by_ref().take(CHUNK));
            self.run(&chunk, |line| match std::str::from_utf8(line) {
                Ok(text) => text_report(kind, text, ctx),
                Err(e) => not_utf8(&e, ctx),
            });
        }
    }

    /// Validate the rows of an Arrow record batch, each row a record (null
    /// cells absent), a chunk at a time. Each row is copied onto a tape
    /// ([`crate::columnar::tree::row_tape`], strings borrowed) and checked
    /// there; those the fast path cannot settle, and
    /// every row of a batch with date or timestamp columns, are converted
    /// to JSON objects column by column and validated as such.
    #[cfg(feature = "arrow")]
    pub fn push_record_batch(
        &mut self,
        batch: &arrow_array::RecordBatch,
    ) -> Result<(), crate::Error> {
        use crate::columnar::{batch_values, tree, unreadable};
        let (kind, ctx) = (self.kind, self.ctx);
        let mut start = 0;
        while start < batch.num_rows() {
            let len = CHUNK.min(batch.num_rows() - start);
            let chunk = batch.slice(start, len);
            start += len;
            if !tree::readable(&chunk) {
                let values = batch_values(&chunk).map_err(|e| unreadable(&e))?;
                self.push_values(&values);
                continue;
            }
            let rows: Vec<usize> = (0..len).collect();
            // One tape a worker, reused row after row.
            let tape = || crate::validate::tape::Tape::with_capacity(256);
            let fast = parallel_map_with(&rows, &tape, &|tape, &row| {
                tree::row_tape(&chunk, row, tape)?;
                api::validate_tree(kind, tape.root(), ctx)
            });
            // The rest, one row's slice each (zero-copy), converted and
            // validated on the ordinary path, which explains every problem.
            let slow: Vec<usize> = (0..len).filter(|&r| fast[r].is_none()).collect();
            let explained = parallel_map(&slow, &|&row| {
                batch_values(&chunk.slice(row, 1)).map(|v| match v.first() {
                    Some(value) => api::validate(kind, value, ctx),
                    None => api::validate(kind, &Value::Null, ctx),
                })
            });
            let mut explained = explained.into_iter();
            let mut reports = Vec::with_capacity(len);
            for report in fast {
                reports.push(match report {
                    Some(r) => r,
                    None => match explained.next() {
                        Some(r) => r.map_err(|e| unreadable(&e))?,
                        None => return Err(crate::Error::internal("a row of the batch was lost")),
                    },
                });
            }
            self.record(reports);
        }
        Ok(())
    }

    /// The reports gathered since the last call ([`Mode::Full`]; empty in summary mode).
    pub fn take_reports(&mut self) -> Vec<Report> {
        std::mem::take(&mut self.reports)
    }

    /// Summary mode: the invalid rows gathered so far, taken out so a caller
    /// can pass them on chunk by chunk (the counts stay in the summary).
    pub fn take_invalid_rows(&mut self) -> Vec<RowReport> {
        std::mem::take(&mut self.summary.invalid_rows)
    }

    /// The summary so far (counts; invalid rows in summary mode).
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The result: the reports not yet taken, or the summary.
    pub fn finish(self) -> Output {
        match self.mode {
            Mode::Full => Output::Reports(self.reports),
            Mode::Summary => Output::Summary(self.summary),
        }
    }
}

/// The report of one record given as text: text that cannot be used
/// (malformed JSON, too deep) is that record's report, not the batch's failure.
fn text_report(kind: Kind, text: &str, ctx: &Context<'_>) -> Report {
    api::validate_str(kind, text, ctx).unwrap_or_else(crate::Error::into_report)
}

fn not_utf8(e: &std::str::Utf8Error, ctx: &Context<'_>) -> Report {
    Report::single(Diagnostic::new(
        Code::MalformedJson,
        "",
        Params::new()
            .with("detail", format!("the line is not UTF-8 text ({e})"))
            .with("line", 1)
            .with("column", e.valid_up_to() + 1),
        ctx.locale,
    ))
}

/// `f` over `items`, on all cores with the `parallel` feature, in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: &(impl Fn(&T) -> R + Sync)) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// [`parallel_map`] with scratch space made by `init` for each worker's run
/// of items and reused from item to item.
#[cfg(feature = "arrow")]
fn parallel_map_with<T: Sync, S, R: Send>(
    items: &[T],
    init: &(impl Fn() -> S + Sync + Send),
    f: &(impl Fn(&mut S, &T) -> R + Sync + Send),
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map_init(init, f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut scratch = init();
        items.iter().map(|t| f(&mut scratch, t)).collect()
    }
}

/// Validate a whole batch (see the module docs).
pub fn validate_batch(kind: Kind, input: Input<'_>, ctx: &Context<'_>, mode: Mode) -> Output {
    let mut v = Validator::new(kind, ctx, mode);
    match input {
        Input::Values(values) => v.push_values(values),
        Input::Texts(texts) => v.push_texts(texts),
        Input::Ndjson(bytes) => v.push_ndjson(bytes),
    }
    v.finish()
}

/// Validate every row of an Arrow table (see the module docs).
#[cfg(feature = "arrow")]
pub fn validate_table(
    kind: Kind,
    batches: &[arrow_array::RecordBatch],
    ctx: &Context<'_>,
    mode: Mode,
) -> Result<Output, crate::Error> {
    let mut v = Validator::new(kind, ctx, mode);
    for b in batches {
        v.push_record_batch(b)?;
    }
    Ok(v.finish())
}

/// Validate every row of an Arrow table into per-row result tables (see
/// [`crate::columnar::report_table`]), one per chunk: no chunk's reports
/// outlive its result table.
#[cfg(feature = "arrow")]
pub fn validate_table_results(
    kind: Kind,
    batches: &[arrow_array::RecordBatch],
    ctx: &Context<'_>,
) -> Result<Vec<arrow_array::RecordBatch>, crate::Error> {
    use crate::columnar::report_table;
    let mut v = Validator::new(kind, ctx, Mode::Full);
    let mut out = Vec::new();
    for b in batches {
        let mut start = 0;
        while start < b.num_rows() {
            let len = CHUNK.min(b.num_rows() - start);
            let first = v.rows();
            v.push_record_batch(&b.slice(start, len))?;
            out.push(report_table(&v.take_reports(), first)?);
            start += len;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn ctx() -> Context<'static> {
        Context::default()
    }

    #[test]
    fn full_mode_matches_one_by_one_across_chunks() {
        let ctx = ctx();
        let values: Vec<Value> = (0..CHUNK + 7)
            .map(|i| {
                if i % 3 == 0 {
                    json!({"id": "R1"})
                } else {
                    json!([])
                }
            })
            .collect();
        let Output::Reports(got) =
            validate_batch(Kind::Referral, Input::Values(&values), &ctx, Mode::Full)
        else {
            panic!("full mode gives reports")
        };
        let want: Vec<Report> = values
            .iter()
            .map(|v| api::validate(Kind::Referral, v, &ctx))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ndjson_blank_lines_skipped_bad_lines_reported() {
        let ctx = ctx();
        let text = b"{\"id\": \"R1\"}\n \n{oops\n\xff\xfe\n";
        let Output::Reports(got) =
            validate_batch(Kind::Referral, Input::Ndjson(text), &ctx, Mode::Full)
        else {
            panic!("full mode gives reports")
        };
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].diagnostics[0].code, Code::MalformedJson);
        assert_eq!(got[2].diagnostics[0].code, Code::MalformedJson);
    }

    #[test]
    fn ndjson_pieces_cut_at_line_ends_and_cover_everything() {
        let text: String = (0..CHUNK * 2 + 5)
            .map(|i| format!("{{\"n\": {i}}}\n"))
            .collect();
        let pieces: Vec<&[u8]> = ndjson_pieces(text.as_bytes()).collect();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces.concat(), text.as_bytes());
        assert!(pieces.iter().all(|p| p.ends_with(b"\n")));
        assert_eq!(pieces[0].iter().filter(|&&b| b == b'\n').count(), CHUNK);
    }

    #[test]
    fn summary_counts_and_keeps_only_invalid_rows() {
        let ctx = ctx();
        let good = api::parse_json(
            include_str!("../../examples/records/referral.json"),
            crate::Locale::En,
        )
        .unwrap();
        let values = vec![good.clone(), json!({"id": "R1"}), good];
        let Output::Summary(s) =
            validate_batch(Kind::Referral, Input::Values(&values), &ctx, Mode::Summary)
        else {
            panic!("summary mode gives a summary")
        };
        assert_eq!((s.rows, s.invalid), (3, 1));
        assert_eq!(s.valid, 2);
        assert_eq!(s.invalid_rows.len(), 1);
        assert_eq!(s.invalid_rows[0].row, 1);
        assert!(s.codes.get("missing_field").is_some_and(|n| *n > 0));
    }
}
