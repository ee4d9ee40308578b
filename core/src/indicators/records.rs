//! The engine's inputs as validated record kinds (`roster_columns`,
//! `indicator_catalogue`, `indicator_partial`), so a form, a binding or a
//! pipeline can check them before computing and get coded diagnostics.

use std::collections::BTreeSet;

use super::aggregate::Partial;
use super::catalogue::Catalogue;
use super::columns::{Field, RosterColumns, MISSING};
use super::roster::MAX_ROSTER_AGE;
use crate::codes::Code;
use crate::context::Context;
use crate::diagnostic::{pointer, Collector, Params, Report};
use crate::record::Record;

/// Re-emit a report's diagnostics in the collector's locale.
fn forward(report: Report, out: &mut Collector) {
    for d in report.diagnostics {
        let params = d
            .params
            .into_iter()
            .fold(Params::new(), |p, (k, v)| p.with(&k, v));
        out.push(d.code, d.path, params);
    }
}

impl Record for RosterColumns {
    fn check(&self, _ctx: &Context<'_>, out: &mut Collector) {
        if let Err(r) = self.check_lengths() {
            forward(r, out);
            return;
        }
        // Codes must name a value of their field (or be MISSING); ages stay in the roster's scope.
        for field in Field::ALL {
            let (limit, names) = match field.codes() {
                Some(names) => (names.len(), Some(names)),
                None if matches!(field, Field::WorkHours | Field::ChoresHours) => (169, None),
                None => (usize::from(MAX_ROSTER_AGE) + 1, None),
            };
            let bad = (0..self.len())
                .map(|i| (i, self.code(*field, i)))
                .find(|(_, c)| *c != MISSING && usize::from(*c) >= limit);
            if let Some((i, c)) = bad {
                // Not a shape error (the schema allows any u8): a rule of the columns, with its own code.
                let allowed = match names {
                    Some(ns) => format!("codes 0–{} or {MISSING} (unknown)", ns.len() - 1),
                    None => format!("0–{}", limit - 1),
                };
                out.push(
                    Code::ColumnValueInvalid,
                    pointer(&pointer("", field.as_str()), i),
                    Params::new()
                        .with("field", field.as_str())
                        .with("value", c)
                        .with("allowed", allowed),
                );
            }
        }
    }
}

impl Record for Catalogue {
    fn check(&self, _ctx: &Context<'_>, out: &mut Collector) {
        if let Err(r) = self.compile() {
            forward(r, out);
        }
    }
}

impl Record for Partial {
    fn check(&self, _ctx: &Context<'_>, out: &mut Collector) {
        if let Err(r) = self.bands.check() {
            for d in r.diagnostics {
                let params = d
                    .params
                    .into_iter()
                    .fold(Params::new(), |p, (k, v)| p.with(&k, v));
                out.push(d.code, format!("/bands{}", d.path), params);
            }
        }
        let mut seen = BTreeSet::new();
        for (i, id) in self.indicators.iter().enumerate() {
            if !seen.insert(id) {
                out.push(
                    Code::IndicatorDuplicate,
                    pointer("/indicators", i),
                    Params::new().with("id", id.as_str()),
                );
            }
        }
        let n = self.indicators.len();
        for (i, cell) in self.cells.iter().enumerate() {
            let at = pointer("/cells", i);
            if cell.counts.len() != n {
                out.push(
                    Code::AggregateMismatch,
                    pointer(&at, "counts"),
                    Params::new().with(
                        "detail",
                        format!("{} counts for {n} indicators", cell.counts.len()),
                    ),
                );
            }
            for (j, c) in cell.counts.iter().enumerate() {
                if c.numerator > c.denominator {
                    out.push(
                        Code::AggregateMismatch,
                        pointer(&pointer(&at, "counts"), j),
                        Params::new().with("detail", "numerator above denominator"),
                    );
                }
            }
        }
    }
}
