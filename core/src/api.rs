//! The coarse API that the command line, the Python package and the browser
//! package all wrap: a record kind and a JSON value or string in, a serde
//! struct out. Bindings only convert to and from their languages' values.
//!
//! Naming: `<verb>` takes a JSON value, `<verb>_str` JSON text. Validation
//! always *runs* unless the input is unusable, so [`validate`] returns the
//! [`Report`] and an invalid record is a report with `valid == false`; the
//! operations that need a valid record ([`triage`], [`functionality`]) fail
//! with [`Error::Invalid`] carrying that report. Every failure is an [`Error`]
//! whose category a binding maps (exception class, exit code, tagged answer).

use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::{Collector, Locale, Report};
use crate::error::Error;
use crate::kind::Kind;
use crate::model::{Case, Vcpc};
use crate::record::{check_record, parse_record, validate_tree_record};
use crate::validate::tree::Tree;

/// Dispatch on a kind to its record type: `$body` runs with `$ty` bound to it.
macro_rules! with_record_type {
    ($kind:expr, $ty:ident => $body:expr) => {
        match $kind {
            Kind::Vcpc => {
                type $ty = crate::model::Vcpc;
                $body
            }
            Kind::Case => {
                type $ty = crate::model::Case;
                $body
            }
            Kind::Referral => {
                type $ty = crate::model::Referral;
                $body
            }
            Kind::DnaVillage => {
                type $ty = crate::dna::DnaVillage;
                $body
            }
            Kind::DnaBlock => {
                type $ty = crate::dna::DnaBlock;
                $body
            }
            Kind::SecondaryData => {
                type $ty = crate::dna::SecondaryData;
                $body
            }
            Kind::VillageCollation => {
                type $ty = crate::dna::VillageCollation;
                $body
            }
            Kind::CciAssessment => {
                type $ty = crate::cci::CciAssessment;
                $body
            }
            Kind::CciFrame => {
                type $ty = crate::cci::CciFrame;
                $body
            }
            Kind::RosterRow => {
                type $ty = crate::indicators::RosterRow;
                $body
            }
            Kind::RosterColumns => {
                type $ty = crate::indicators::RosterColumns;
                $body
            }
            Kind::IndicatorCatalogue => {
                type $ty = crate::indicators::Catalogue;
                $body
            }
            Kind::IndicatorPartial => {
                type $ty = crate::indicators::Partial;
                $body
            }
        }
    };
}

/// Parse JSON text; malformed text is unusable input (`malformed_json` with line and column).
pub fn parse_json(text: &str, locale: Locale) -> Result<Value, Error> {
    crate::validate::parse_json_text(text, locale)
}

/// Validate a record of `kind` given as a JSON value: the report of every problem.
pub fn validate(kind: Kind, value: &Value, ctx: &Context<'_>) -> Report {
    let mut out = Collector::with_limit(ctx.locale, ctx.limits.max_diagnostics);
    with_record_type!(kind, R => { check_record::<R>(kind, value, ctx, &mut out); });
    out.into_report()
}

/// The fast path of [`validate`] for a front end's own values (the Python
/// binding's dicts and lists): `Some(report)` when the record was judged
/// without building a `Value` (a valid record with its warnings, or one
/// whose shape fails, explained in place); `None` when the caller must
/// convert it to JSON and call [`validate`]. Never a different report from
/// [`validate`].
pub fn validate_tree<T: Tree>(kind: Kind, value: T, ctx: &Context<'_>) -> Option<Report> {
    with_record_type!(kind, R => validate_tree_record::<R, T>(kind, value, ctx))
}

/// Validate a record given as JSON text; malformed text is unusable input.
/// The record is read in place ([`crate::validate::tape`]), with no `Value`,
/// whenever the tree path can decide (a valid record, or a shape problem);
/// anything else is parsed to a `Value` and explained in full.
pub fn validate_str(kind: Kind, text: &str, ctx: &Context<'_>) -> Result<Report, Error> {
    if let Some(report) = crate::validate::tape::Tape::parse(text)
        .and_then(|tape| validate_tree(kind, tape.root(), ctx))
    {
        return Ok(report);
    }
    Ok(validate(kind, &parse_json(text, ctx.locale)?, ctx))
}

/// Validate many records of one kind; with the `parallel` feature they are
/// checked on all cores. The i-th report belongs to the i-th record.
pub fn validate_many(kind: Kind, values: &[Value], ctx: &Context<'_>) -> Vec<Report> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        values.par_iter().map(|v| validate(kind, v, ctx)).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        values.iter().map(|v| validate(kind, v, ctx)).collect()
    }
}

/// The names of every kind.
pub fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.as_str()).collect()
}

/// Parse a kind name (`unknown_kind` is unusable input).
pub fn kind(name: &str, locale: Locale) -> Result<Kind, Error> {
    Kind::parse(name, locale)
}

/// The JSON Schema of a kind, as shipped in `schemas/` (embedded).
pub fn schema(kind: Kind) -> &'static Value {
    kind.schema()
}

/// Triage a case given as a JSON value; an invalid case is [`Error::Invalid`].
pub fn triage(value: &Value, ctx: &Context<'_>) -> Result<crate::scoring::triage::Triage, Error> {
    let (case, _) = parse_record::<Case>(Kind::Case, value, ctx).map_err(Error::Invalid)?;
    Ok(crate::scoring::triage::triage(&case, ctx))
}

/// The functionality index of a VCPC given as a JSON value; an invalid record is [`Error::Invalid`].
pub fn functionality(
    value: &Value,
    ctx: &Context<'_>,
) -> Result<crate::scoring::functionality::Functionality, Error> {
    let (vcpc, _) = parse_record::<Vcpc>(Kind::Vcpc, value, ctx).map_err(Error::Invalid)?;
    Ok(crate::scoring::functionality::functionality(&vcpc, ctx))
}

/// Generate a kind's JSON Schema from its Rust type (schemars). Only the
/// `suraksha schemas` command needs this: everything else reads the embedded
/// files, which that command writes and the tests keep fresh.
pub fn generate_schema(kind: Kind) -> Value {
    let mut schema = with_record_type!(kind, R => schemars::schema_for!(R).to_value());
    crate::labels::label_schema(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            format!("https://suraksha.leher.org/schemas/{}.json", kind.as_str()).into(),
        );
    }
    schema
}

/// Validate a record and, for a case, list its required actions beside the report.
pub fn validate_with_actions(
    kind: Kind,
    value: &Value,
    ctx: &Context<'_>,
) -> crate::actions::Checked {
    let report = validate(kind, value, ctx);
    let actions = match kind {
        Kind::Case => <Case as serde::Deserialize>::deserialize(value)
            .map(|c| crate::actions::required_actions(&c, ctx))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    crate::actions::Checked { report, actions }
}
