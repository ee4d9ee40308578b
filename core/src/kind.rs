//! The record kinds the library validates, by name.
//!
//! This module names kinds only: it does not know their Rust types, so every
//! domain module can use [`Kind`] without depending on the others. The mapping
//! from a kind to its type lives in [`crate::api`] (validation) and its JSON
//! Schema is embedded from `schemas/` ([`Kind::schema`], in [`crate::validate`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Locale, Params};
use crate::error::Error;

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal; )*) => {
        /// A kind of record the library validates.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum Kind {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )*
        }

        impl Kind {
            /// Every kind.
            pub const ALL: &'static [Kind] = &[ $( Kind::$variant, )* ];

            /// The name used on the command line and in the bindings (and of its schema file).
            pub fn as_str(self) -> &'static str {
                match self { $( Kind::$variant => $name, )* }
            }
        }
    };
}

kinds! {
    /// A Village Child Protection Committee.
    Vcpc = "vcpc";
    /// A child protection case.
    Case = "case";
    /// A referral to a service provider.
    Referral = "referral";

    // --- District Need Assessment and CCI review kinds (modules dna, cci) ---
    /// District Need Assessment Part I: one village's focus groups and duty bearer interviews.
    DnaVillage = "dna_village";
    /// District Need Assessment Part II: block duty bearers' responses and commitments.
    DnaBlock = "dna_block";
    /// Official block-department figures (secondary-data template).
    SecondaryData = "secondary_data";
    /// Village-level collation joining Part I and Part II per theme.
    VillageCollation = "village_collation";
    /// A review of a child care institution against a benchmark frame.
    CciAssessment = "cci_assessment";
    /// A benchmark frame for CCI reviews (domains, items, weights, bands).
    CciFrame = "cci_frame";


    // (keep this gap: it separates the two groups for merges)


    // --- survey microdata kinds (module indicators) ---
    /// One household member aged 0-24 in the child roster (survey microdata).
    RosterRow = "roster_row";
    /// A whole roster as columns of equal length (see `RosterColumns`).
    RosterColumns = "roster_columns";
    /// An indicator catalogue (indicators with numerator and denominator predicates).
    IndicatorCatalogue = "indicator_catalogue";
    /// A partial aggregate of the indicator engine, before merging.
    IndicatorPartial = "indicator_partial";

}

impl Kind {
    /// Parse a kind name; an unknown name is unusable input (`unknown_kind`).
    pub fn parse(name: &str, locale: Locale) -> Result<Kind, Error> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| {
                let allowed: Vec<Value> = Kind::ALL.iter().map(|k| k.as_str().into()).collect();
                Error::input(Diagnostic::new(
                    Code::UnknownKind,
                    "",
                    Params::new().with("kind", name).with("allowed", allowed),
                    locale,
                ))
            })
    }
}
