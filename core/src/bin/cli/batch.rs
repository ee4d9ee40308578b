//! `suraksha validate-many KIND FILE [--summary]`: NDJSON records (one a
//! non-blank line) validated as the file is read, a chunk of lines at a time,
//! each chunk's results written before the next is read — memory stays one
//! chunk whatever the file's size. Full mode writes one line per record,
//! `{"row": …, "report": …}`; `--summary` writes the counts, the diagnostics by
//! code and the invalid records only. Exit 0 when every record is valid, 1
//! otherwise.

use std::io::{BufRead, BufReader, Read};
use std::process::ExitCode;

use suraksha::batch::{Mode, Output, RowReport, Validator, CHUNK};
use suraksha::{Context, Kind};

use super::{emit, print, Unusable};

/// Validate the NDJSON records of `file` (or `-` for standard input).
pub(crate) fn validate_many(
    kind: Kind,
    file: &str,
    summary: bool,
    ctx: &Context<'_>,
) -> Result<ExitCode, Unusable> {
    let input: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(file)
                .map_err(|e| Unusable(format!("cannot read `{file}`: {e}")))?,
        )
    };
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mode = if summary { Mode::Summary } else { Mode::Full };
    let mut v = Validator::new(kind, ctx, mode);
    let mut chunk = Vec::new();
    let mut lines = 0;
    let mut written = 0;
    loop {
        let n = reader
            .read_until(b'\n', &mut chunk)
            .map_err(|e| Unusable(format!("cannot read `{file}`: {e}")))?;
        lines += usize::from(n > 0);
        if n == 0 || lines >= CHUNK {
            v.push_ndjson(&chunk);
            chunk.clear();
            lines = 0;
            written = write_rows(v.take_reports(), written)?;
        }
        if n == 0 {
            break;
        }
    }
    let all_valid = v.summary().invalid == 0;
    match v.finish() {
        Output::Summary(s) => print(&s)?,
        Output::Reports(rest) => {
            write_rows(rest, written)?;
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Write reports as NDJSON rows numbered from `first`; the next row's number.
fn write_rows(reports: Vec<suraksha::Report>, first: u64) -> Result<u64, Unusable> {
    let mut text = String::new();
    let mut row = first;
    for report in reports {
        let line = serde_json::to_string(&RowReport { row, report })
            .map_err(|e| Unusable(e.to_string()))?;
        text.push_str(&line);
        text.push('\n');
        row += 1;
    }
    if !text.is_empty() {
        emit(format_args!("{text}"))?;
    }
    Ok(row)
}
