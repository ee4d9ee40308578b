//! The record trait and the helpers domain modules use to parse records.
//!
//! A record type is a serde struct with a JSON Schema (its shape) and rules
//! beyond shape ([`Record::check`]). Parsing one runs the compiled structural
//! check of its kind first, so every shape problem is reported with its path;
//! a valid record takes the fast path (no path, message or probe is built)
//! straight to the typed parse and its rules.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::{Collector, Report};
use crate::kind::Kind;
use crate::validate::tree::{self, Tree, TreeDeserializer};
use crate::validate::{self, SchemaId};

pub use crate::validate::{deserialize, parse_typed};

/// A record type: its rules beyond shape.
pub trait Record: Serialize + DeserializeOwned + JsonSchema {
    /// Push a diagnostic for every rule the record breaks.
    fn check(&self, ctx: &Context<'_>, out: &mut Collector);
}

/// Structural check then typed parse; on success run the record's own rules.
/// Diagnostics go to `out`; the record is returned when it could be parsed.
pub fn check_record<R: Record>(
    kind: Kind,
    value: &Value,
    ctx: &Context<'_>,
    out: &mut Collector,
) -> Option<R> {
    let id = SchemaId::Kind(kind);
    let quick = validate::quick(id, value, &ctx.limits);
    if !quick.valid {
        validate::check(id, value, &ctx.limits, out);
        if out.has_errors() {
            return None;
        }
    }
    match deserialize::<R>(value, ctx.locale) {
        Ok(record) => {
            // The fast walk scanned the free text on its way; the full scan
            // runs (and finds each particular's path) only when it flagged one.
            if !quick.text_clean {
                crate::privacy::check_strings(value, out);
            }
            record.check(ctx, out);
            Some(record)
        }
        Err(report) => {
            for d in report.diagnostics {
                out.push(
                    d.code,
                    d.path,
                    crate::diagnostic::Params::from_map(d.params),
                );
            }
            None
        }
    }
}

/// The fast path for a front end's own values ([`Tree`]), with no `Value`
/// built: the report of a record that passes the structural check, scans
/// clean and parses into the typed model, or of one that fails its shape
/// (explained in place by the diagnostic walk over the tree). `None` when
/// the path cannot decide (free text to scan, a part with no JSON form, a
/// typed parse that fails): the caller then converts the value to JSON and
/// takes [`validate_record`]'s path, so either way the report is the same.
pub fn validate_tree_record<R: Record, T: Tree>(
    kind: Kind,
    value: T,
    ctx: &Context<'_>,
) -> Option<Report> {
    let id = SchemaId::Kind(kind);
    let quick = validate::quick_tree(id, &value, &ctx.limits);
    if !quick.valid {
        // Explained in place when every part reads as its conversion to
        // JSON would (nesting the conversion refuses included); a shape
        // problem ends the report before the typed parse, as in `check_record`.
        let depth = u32::try_from(crate::boundary::MAX_DEPTH).unwrap_or(u32::MAX);
        let mut out = Collector::with_limit(ctx.locale, ctx.limits.max_diagnostics);
        let explained = tree::readable(&value, depth)
            && validate::check_tree(id, &value, &ctx.limits, &mut out)
            && out.has_errors();
        return explained.then(|| out.into_report());
    }
    if !quick.text_clean {
        return None;
    }
    let record = R::deserialize(TreeDeserializer(value)).ok()?;
    let mut out = Collector::with_limit(ctx.locale, ctx.limits.max_diagnostics);
    record.check(ctx, &mut out);
    Some(out.into_report())
}

/// Validate a record of type `R` (of `kind`) and return its report.
pub fn validate_record<R: Record>(kind: Kind, value: &Value, ctx: &Context<'_>) -> Report {
    let mut out = Collector::with_limit(ctx.locale, ctx.limits.max_diagnostics);
    check_record::<R>(kind, value, ctx, &mut out);
    out.into_report()
}

/// Parse a typed record of kind `R`, validated in full; an invalid record's
/// report is the error. On success the report holds any warnings.
pub fn parse_record<R: Record>(
    kind: Kind,
    value: &Value,
    ctx: &Context<'_>,
) -> Result<(R, Report), Report> {
    let mut out = Collector::with_limit(ctx.locale, ctx.limits.max_diagnostics);
    let record = check_record::<R>(kind, value, ctx, &mut out);
    let report = out.into_report();
    match record {
        Some(r) if report.valid => Ok((r, report)),
        _ => Err(report),
    }
}
