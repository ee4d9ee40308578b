//! Structural validation of JSON values against the JSON Schemas in `schemas/`.
//!
//! The schema files generated from our types (schemars, by `suraksha schemas`)
//! are the single source of truth for shape. They are embedded in the library
//! and each is compiled once, on first use, into a validator tree
//! (module `compile`); nothing builds a schema at run time, so the browser package
//! does not link the schema generator. A wrong type, a missing or unknown
//! field, a bad enum value or a malformed date becomes a coded diagnostic with
//! a JSON Pointer path, and *every* such problem is reported. Browser forms
//! that run ajv on the same files get the same verdict on shape.
//!
//! Valid records take [`is_valid`], which builds no path or message; the full
//! diagnostic walk runs only for records that fail.

mod compile;
pub mod tape;
pub mod tree;
mod walk;

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use compile::Compiled;
pub use walk::Quick;

use crate::diagnostic::{Code, Collector, Locale, Params, Report};
use crate::kind::Kind;

/// Bounds on what one record may hold, so no input can make validation slow
/// or its report huge. Each broken limit is its own diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Deepest nesting of lists and objects (`nesting_too_deep`); the record itself is level 0.
    pub max_depth: u32,
    /// Longest string or field name, in bytes of UTF-8 (`string_too_large`).
    pub max_string_bytes: usize,
    /// Most items in one list or fields in one object (`too_many_items`).
    pub max_items: usize,
    /// Most diagnostics in one report; the rest are counted in one
    /// `too_many_diagnostics` warning.
    pub max_diagnostics: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_string_bytes: 1 << 20,
            max_items: 1_000_000,
            max_diagnostics: crate::diagnostic::DEFAULT_MAX_DIAGNOSTICS,
        }
    }
}

/// A schema embedded in the library: a record kind's, or one of the other
/// inputs parsed with [`crate::record::parse_typed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaId {
    /// The schema of a record kind (`schemas/<kind>.json`).
    Kind(Kind),
    /// Options (`schemas/options.json`).
    Options,
    /// The rule profile (`schemas/profile.json`).
    Profile,
    /// A case transition (`schemas/case_transition.json`).
    CaseTransition,
    /// A referral transition (`schemas/referral_transition.json`).
    ReferralTransition,
    /// A recorded permission for an identifying export (`schemas/export_permission.json`).
    ExportPermission,
}

const OTHERS: [SchemaId; 5] = [
    SchemaId::Options,
    SchemaId::Profile,
    SchemaId::CaseTransition,
    SchemaId::ReferralTransition,
    SchemaId::ExportPermission,
];
const SLOTS: usize = Kind::ALL.len() + OTHERS.len();

impl SchemaId {
    /// Every embedded schema.
    pub fn all() -> impl Iterator<Item = SchemaId> {
        Kind::ALL.iter().map(|&k| SchemaId::Kind(k)).chain(OTHERS)
    }

    /// The schema's file name in `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaId::Kind(k) => match k {
                Kind::Vcpc => "vcpc.json",
                Kind::Case => "case.json",
                Kind::Referral => "referral.json",
                Kind::DnaVillage => "dna_village.json",
                Kind::DnaBlock => "dna_block.json",
                Kind::SecondaryData => "secondary_data.json",
                Kind::VillageCollation => "village_collation.json",
                Kind::CciAssessment => "cci_assessment.json",
                Kind::CciFrame => "cci_frame.json",
                Kind::RosterRow => "roster_row.json",
                Kind::RosterColumns => "roster_columns.json",
                Kind::IndicatorCatalogue => "indicator_catalogue.json",
                Kind::IndicatorPartial => "indicator_partial.json",
            },
            SchemaId::Options => "options.json",
            SchemaId::Profile => "profile.json",
            SchemaId::CaseTransition => "case_transition.json",
            SchemaId::ReferralTransition => "referral_transition.json",
            SchemaId::ExportPermission => "export_permission.json",
        }
    }

    fn text(self) -> &'static str {
        macro_rules! file {
            ($name:literal) => {
                include_str!(concat!("../../../schemas/", $name))
            };
        }
        match self {
            SchemaId::Kind(k) => match k {
                Kind::Vcpc => file!("vcpc.json"),
                Kind::Case => file!("case.json"),
                Kind::Referral => file!("referral.json"),
                Kind::DnaVillage => file!("dna_village.json"),
                Kind::DnaBlock => file!("dna_block.json"),
                Kind::SecondaryData => file!("secondary_data.json"),
                Kind::VillageCollation => file!("village_collation.json"),
                Kind::CciAssessment => file!("cci_assessment.json"),
                Kind::CciFrame => file!("cci_frame.json"),
                Kind::RosterRow => file!("roster_row.json"),
                Kind::RosterColumns => file!("roster_columns.json"),
                Kind::IndicatorCatalogue => file!("indicator_catalogue.json"),
                Kind::IndicatorPartial => file!("indicator_partial.json"),
            },
            SchemaId::Options => file!("options.json"),
            SchemaId::Profile => file!("profile.json"),
            SchemaId::CaseTransition => file!("case_transition.json"),
            SchemaId::ReferralTransition => file!("referral_transition.json"),
            SchemaId::ExportPermission => file!("export_permission.json"),
        }
    }

    fn slot(self) -> usize {
        match self {
            SchemaId::Kind(k) => Kind::ALL.iter().position(|&x| x == k).unwrap_or(0),
            other => Kind::ALL.len() + OTHERS.iter().position(|&x| x == other).unwrap_or(0),
        }
    }

    /// The embedded schema of a Rust type, by its schema name (the root `title`).
    pub fn of<T: JsonSchema + ?Sized>() -> Option<SchemaId> {
        let name = T::schema_name();
        SchemaId::all()
            .find(|id| schema_value(*id).get("title").and_then(Value::as_str) == Some(&name))
    }
}

impl Kind {
    /// The JSON Schema (draft 2020-12) of this kind, with titles and descriptions:
    /// the file `schemas/<kind>.json`, embedded at build time and parsed once.
    pub fn schema(self) -> &'static Value {
        schema_value(SchemaId::Kind(self))
    }
}

/// A schema parsed and compiled, once.
struct Entry {
    value: Value,
    compiled: Result<Compiled, String>,
}

fn entry(id: SchemaId) -> &'static Entry {
    static ENTRIES: [OnceLock<Entry>; SLOTS] = [const { OnceLock::new() }; SLOTS];
    static EMPTY: OnceLock<Entry> = OnceLock::new();
    let build = || {
        let value: Value = serde_json::from_str(id.text()).unwrap_or(Value::Null);
        let compiled = compile::compile(&value).map_err(|e| format!("{}: {e}", id.file_name()));
        Entry { value, compiled }
    };
    match ENTRIES.get(id.slot()) {
        Some(cell) => cell.get_or_init(build),
        None => EMPTY.get_or_init(build),
    }
}

/// The embedded schema as JSON.
pub fn schema_value(id: SchemaId) -> &'static Value {
    &entry(id).value
}

/// The compiled validator, or why the embedded schema could not be compiled (a bug).
pub fn compiled(id: SchemaId) -> Result<&'static Compiled, &'static str> {
    entry(id).compiled.as_ref().map_err(String::as_str)
}

/// True when `value` meets the schema and the limits; builds no diagnostic.
/// A schema that failed to compile accepts nothing.
pub fn is_valid(id: SchemaId, value: &Value, limits: &Limits) -> bool {
    compiled(id).is_ok_and(|c| c.is_valid(value, limits))
}

/// The fast walk: validity, and whether the privacy scan can be skipped
/// ([`Quick::text_clean`]). A schema that failed to compile accepts nothing.
pub fn quick(id: SchemaId, value: &Value, limits: &Limits) -> Quick {
    quick_tree(id, &value, limits)
}

/// [`quick`] for any [`tree::Tree`]: a front end's own values, read without a `Value`.
pub fn quick_tree<T: tree::Tree>(id: SchemaId, value: &T, limits: &Limits) -> Quick {
    compiled(id).map_or(
        Quick {
            valid: false,
            text_clean: false,
        },
        |c| c.quick(value, limits),
    )
}

/// Push a diagnostic for every structural problem of `value`.
pub fn check(id: SchemaId, value: &Value, limits: &Limits, out: &mut Collector) {
    match compiled(id) {
        Ok(c) => {
            for f in c.diagnose(value, limits) {
                out.push(f.code, f.path, f.params);
            }
        }
        Err(e) => schema_broken(e, out),
    }
}

/// [`check`] for any [`tree::Tree`]: false, with nothing pushed, when the
/// walk met a value without a JSON form (the caller converts and checks).
pub fn check_tree<T: tree::Tree>(
    id: SchemaId,
    value: &T,
    limits: &Limits,
    out: &mut Collector,
) -> bool {
    match compiled(id) {
        Ok(c) => match c.diagnose_tree(value, limits) {
            Some(found) => {
                for f in found {
                    out.push(f.code, f.path, f.params);
                }
                true
            }
            None => false,
        },
        Err(e) => {
            schema_broken(e, out);
            true
        }
    }
}

fn schema_broken(e: &str, out: &mut Collector) {
    out.push(
        Code::InvalidValue,
        "",
        Params::new().with("detail", format!("schema cannot be compiled: {e}")),
    );
}

pub use crate::boundary::parse_json_text;

/// Parse a value into `T` after checking it against the embedded schema `id`,
/// so every problem is reported with its path. Valid values go straight to
/// the typed parse; the diagnostic walk runs only when the check fails.
pub fn parse_with<T: DeserializeOwned>(
    id: SchemaId,
    value: &Value,
    locale: Locale,
) -> Result<T, Report> {
    let limits = Limits::default();
    if !is_valid(id, value, &limits) {
        let mut out = Collector::new(locale);
        check(id, value, &limits, &mut out);
        if out.has_errors() {
            return Err(out.into_report());
        }
    }
    deserialize(value, locale)
}

/// Parse a value into `T`, checked against `T`'s embedded schema when it has
/// one (found by its schema name); a type without one is parsed by serde alone.
pub fn parse_typed<T: DeserializeOwned + JsonSchema>(
    value: &Value,
    locale: Locale,
) -> Result<T, Report> {
    match SchemaId::of::<T>() {
        Some(id) => parse_with(id, value, locale),
        None => deserialize(value, locale),
    }
}

/// The typed parse of a value the structural check accepted. The schema
/// refuses everything the model does (a float in an integer field included,
/// with its path), so a refusal here is an invariant the schema cannot state:
/// `invalid_value` for the whole record, with serde's words. Tracking the
/// path through serde would double the typed parse's code in the browser
/// package for a case the schema already covers.
pub fn deserialize<T: DeserializeOwned>(value: &Value, locale: Locale) -> Result<T, Report> {
    T::deserialize(value).map_err(|e| {
        let mut out = Collector::new(locale);
        out.push(
            Code::InvalidValue,
            "",
            Params::new().with("detail", e.to_string()),
        );
        out.into_report()
    })
}

#[cfg(test)]
mod tests;
