//! The coarse API that the command line, the Python package and the browser
//! package all wrap: a record kind and a JSON value or string in, a serde
//! struct out. Bindings only convert to and from their languages' values.
//!
//! Every operation fails with a [`Report`] of coded diagnostics, never a panic
//! or a bare string, so each front end has one error shape to render.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Code, Collector, Diagnostic, Locale, Params, Report};
use crate::model::{Case, Referral, Vcpc};
use crate::profile::RuleProfile;
use crate::structural;

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal => $ty:ty; )*) => {
        /// A kind of record the library validates.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Kind {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )*
        }

        impl Kind {
            /// Every kind.
            pub const ALL: &'static [Kind] = &[ $( Kind::$variant, )* ];

            /// The name used on the command line and in the bindings.
            pub fn as_str(self) -> &'static str {
                match self { $( Kind::$variant => $name, )* }
            }

            fn schema_uncached(self) -> Value {
                match self { $( Kind::$variant => record_schema::<$ty>(self), )* }
            }

            fn run(self, value: &Value, ctx: &Context<'_>, out: &mut Collector) {
                match self { $( Kind::$variant => { check_record::<$ty>(self, value, ctx, out); } )* }
            }
        }
    };
}

kinds! {
    /// A Village Child Protection Committee.
    Vcpc = "vcpc" => Vcpc;
    /// A child protection case.
    Case = "case" => Case;
    /// A referral to a service provider.
    Referral = "referral" => Referral;

    // --- District Need Assessment and CCI review kinds (modules dna, cci) ---
    /// District Need Assessment Part I: one village's focus groups and duty bearer interviews.
    DnaVillage = "dna_village" => crate::dna::DnaVillage;
    /// District Need Assessment Part II: block duty bearers' responses and commitments.
    DnaBlock = "dna_block" => crate::dna::DnaBlock;
    /// Official block-department figures (secondary-data template).
    SecondaryData = "secondary_data" => crate::dna::SecondaryData;
    /// Village-level collation joining Part I and Part II per theme.
    VillageCollation = "village_collation" => crate::dna::VillageCollation;
    /// A review of a child care institution against a benchmark frame.
    CciAssessment = "cci_assessment" => crate::cci::CciAssessment;
    /// A benchmark frame for CCI reviews (domains, items, weights, bands).
    CciFrame = "cci_frame" => crate::cci::CciFrame;


    // (keep this gap: it separates the two groups for merges)


    // --- survey microdata kinds (module indicators) ---
    /// One household member aged 0-24 in the child roster (survey microdata).
    RosterRow = "roster_row" => crate::indicators::RosterRow;
    /// A whole roster as columns of equal length (see `RosterColumns`).
    RosterColumns = "roster_columns" => crate::indicators::RosterColumns;
    /// An indicator catalogue (indicators with numerator and denominator predicates).
    IndicatorCatalogue = "indicator_catalogue" => crate::indicators::Catalogue;
    /// A partial aggregate of the indicator engine, before merging.
    IndicatorPartial = "indicator_partial" => crate::indicators::Partial;

}

impl Kind {
    /// Parse a kind name; an unknown name is an `unknown_kind` report.
    pub fn parse(name: &str, locale: Locale) -> Result<Kind, Report> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| {
                let allowed: Vec<Value> = Kind::ALL.iter().map(|k| k.as_str().into()).collect();
                Report::single(Diagnostic::new(
                    Code::UnknownKind,
                    "",
                    Params::new().with("kind", name).with("allowed", allowed),
                    locale,
                ))
            })
    }

    /// The JSON Schema (draft 2020-12) of this kind, with titles and descriptions.
    pub fn schema(self) -> &'static Value {
        static CACHE: OnceLock<BTreeMap<Kind, Value>> = OnceLock::new();
        let all = CACHE.get_or_init(|| {
            Kind::ALL
                .iter()
                .map(|&k| (k, k.schema_uncached()))
                .collect()
        });
        // Every kind is in the map by construction; Null is never returned.
        static NULL: Value = Value::Null;
        all.get(&self).unwrap_or(&NULL)
    }
}

/// A record type: its rules beyond shape.
pub trait Record: Serialize + DeserializeOwned + JsonSchema {
    /// Push a diagnostic for every rule the record breaks.
    fn check(&self, ctx: &Context<'_>, out: &mut Collector);
}

/// What a validation run needs besides the record: the rules, today's date and
/// the message language.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The rule profile.
    pub profile: Cow<'a, RuleProfile>,
    /// "Today" for deadlines and future-date checks.
    pub today: NaiveDate,
    /// Message language.
    pub locale: Locale,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context {
            profile: Cow::Owned(RuleProfile::default()),
            today: crate::clock::today_in_india(),
            locale: Locale::En,
        }
    }
}

/// Options every front end accepts, as JSON: `{"locale": "hi", "today": "2026-01-31",
/// "profile": {...merge patch of the default rule profile...}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Message language (`en` or `hi`).
    #[serde(default)]
    pub locale: Locale,
    /// The date deadlines are judged on; India's date (Asia/Kolkata) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
    /// A JSON merge patch (RFC 7396) applied to the default rule profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Value>,
}

impl Options {
    /// Parse options from a JSON value (`null` means defaults).
    pub fn from_value(value: &Value) -> Result<Options, Report> {
        if value.is_null() {
            return Ok(Options::default());
        }
        parse_typed::<Options>(value, Locale::En)
    }

    /// Resolve to a [`Context`], validating any profile patch.
    pub fn context(&self) -> Result<Context<'static>, Report> {
        let profile = match &self.profile {
            Some(patch) => RuleProfile::from_json_patch(patch)?,
            None => RuleProfile::default(),
        };
        if let Some(today) = self.today.filter(|d| !crate::checked::in_range(*d)) {
            return Err(Report::single(Diagnostic::new(
                Code::DateOutOfRange,
                "/today",
                Params::new()
                    .with("value", today.to_string())
                    .with("range", crate::checked::range_text()),
                self.locale,
            )));
        }
        Ok(Context {
            profile: Cow::Owned(profile),
            today: crate::clock::today_or_india(self.today),
            locale: self.locale,
        })
    }
}

fn record_schema<T: JsonSchema>(kind: Kind) -> Value {
    let mut schema = schemars::schema_for!(T).to_value();
    crate::labels::label_schema(&mut schema);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".into(),
            format!("https://suraksha.leher.org/schemas/{}.json", kind.as_str()).into(),
        );
    }
    schema
}

/// Structural check then typed parse; on success run the record's own rules.
fn check_record<R: Record>(
    kind: Kind,
    value: &Value,
    ctx: &Context<'_>,
    out: &mut Collector,
) -> Option<R> {
    structural::check(kind.schema(), value, out);
    if out.has_errors() || crate::checked::check_dates(kind.schema(), value, out) {
        return None;
    }
    match serde_path_to_error::deserialize::<_, R>(value) {
        Ok(record) => {
            crate::privacy::check_strings(value, out);
            record.check(ctx, out);
            Some(record)
        }
        Err(e) => {
            out.push(
                Code::InvalidValue,
                serde_path_pointer(e.path()),
                Params::new().with("detail", e.inner().to_string()),
            );
            None
        }
    }
}

fn serde_path_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter().fold(String::new(), |acc, seg| match seg {
        Segment::Seq { index } => crate::diagnostic::pointer(&acc, index),
        Segment::Map { key } => crate::diagnostic::pointer(&acc, key),
        Segment::Enum { variant } => crate::diagnostic::pointer(&acc, variant),
        Segment::Unknown => acc,
    })
}

/// Parse a value into `T`, checking its shape against `T`'s schema first so every
/// problem is reported with its path.
pub fn parse_typed<T: DeserializeOwned + JsonSchema>(
    value: &Value,
    locale: Locale,
) -> Result<T, Report> {
    let schema = schemars::schema_for!(T).to_value();
    let mut out = Collector::new(locale);
    structural::check(&schema, value, &mut out);
    if out.has_errors() {
        return Err(out.into_report());
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let mut out = Collector::new(locale);
        out.push(
            Code::InvalidValue,
            serde_path_pointer(e.path()),
            Params::new().with("detail", e.inner().to_string()),
        );
        out.into_report()
    })
}

/// Parse a typed record of kind `R`, validated in full; errors are returned as the report.
pub fn parse_record<R: Record>(
    kind: Kind,
    value: &Value,
    ctx: &Context<'_>,
) -> Result<(R, Report), Report> {
    let mut out = Collector::new(ctx.locale);
    let record = check_record::<R>(kind, value, ctx, &mut out);
    let report = out.into_report();
    match record {
        Some(r) if report.valid => Ok((r, report)),
        _ => Err(report),
    }
}

/// A report for an internal failure (never expected; kept so nothing panics).
pub(crate) fn internal(detail: &str) -> Report {
    Report::single(Diagnostic::new(
        Code::InvalidValue,
        "",
        Params::new().with("detail", detail),
        Locale::En,
    ))
}

/// Parse JSON text; malformed text is a `malformed_json` report with line and column.
pub fn parse_json(text: &str, locale: Locale) -> Result<Value, Report> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        let detail = e.to_string();
        // serde_json appends " at line L column C"; keep only the reason.
        let reason = detail
            .split(" at line ")
            .next()
            .unwrap_or(&detail)
            .to_owned();
        let code = crate::boundary::json_error_code(&e);
        let reason = match code {
            Code::MalformedJson => reason,
            _ => format!("{reason} (line {}, column {})", e.line(), e.column()),
        };
        let mut params = Params::new()
            .with("detail", reason)
            .with("line", e.line())
            .with("column", e.column());
        if code == Code::NestingTooDeep {
            params = params.with("limit", crate::boundary::MAX_DEPTH);
        }
        Report::single(Diagnostic::new(code, "", params, locale))
    })
}

/// Validate a record of `kind` given as a JSON value.
pub fn validate(kind: Kind, value: &Value, ctx: &Context<'_>) -> Report {
    let mut out = Collector::new(ctx.locale);
    kind.run(value, ctx, &mut out);
    out.into_report()
}

/// Validate a record given as JSON text; malformed text is a diagnostic, not an error.
pub fn validate_str(kind: Kind, text: &str, ctx: &Context<'_>) -> Report {
    match parse_json(text, ctx.locale) {
        Ok(value) => validate(kind, &value, ctx),
        Err(report) => report,
    }
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

/// Triage a case given as a JSON value. The case must be valid.
pub fn triage(value: &Value, ctx: &Context<'_>) -> Result<crate::scoring::triage::Triage, Report> {
    let (case, _) = parse_record::<Case>(Kind::Case, value, ctx)?;
    Ok(crate::scoring::triage::triage(&case, ctx))
}

/// The functionality index of a VCPC given as a JSON value. The record must be valid.
pub fn functionality(
    value: &Value,
    ctx: &Context<'_>,
) -> Result<crate::scoring::functionality::Functionality, Report> {
    let (vcpc, _) = parse_record::<Vcpc>(Kind::Vcpc, value, ctx)?;
    Ok(crate::scoring::functionality::functionality(&vcpc, ctx))
}
