//! The indicator catalogue as data: the built-in one ships as JSON inside the
//! crate (`catalogue.json`), and a caller can load or add their own.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::predicate::{compile, Compiled, Predicate};
use crate::codes::Code;
use crate::diagnostic::{pointer, Diagnostic, Locale, Params, Report};

const BUILTIN: &str = include_str!("catalogue.json");

/// A title in both report languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    /// English.
    pub en: String,
    /// Hindi.
    pub hi: String,
}

/// What an indicator's value is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Numerator ÷ denominator × 100.
    #[default]
    Percent,
}

/// A dimension results can be broken down by, besides geography.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Sex.
    Sex,
    /// Age band (configurable bands).
    AgeBand,
    /// Social group (SC, ST, OBC, other).
    SocialGroup,
    /// Disability.
    Disability,
}

impl Dimension {
    /// Every dimension.
    pub const ALL: &'static [Dimension] = &[
        Dimension::Sex,
        Dimension::AgeBand,
        Dimension::SocialGroup,
        Dimension::Disability,
    ];

    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Sex => "sex",
            Dimension::AgeBand => "age_band",
            Dimension::SocialGroup => "social_group",
            Dimension::Disability => "disability",
        }
    }
}

/// One indicator: who is counted (numerator) among whom (denominator).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id (snake_case).
    #[schemars(length(min = 1))]
    pub id: String,
    /// Title.
    pub title: Titles,
    /// Rows counted; only rows also in the denominator are counted.
    pub numerator: Predicate,
    /// Rows the rate is taken over.
    pub denominator: Predicate,
    /// Unit of the value.
    #[serde(default)]
    pub unit: Unit,
    /// Breakdowns that make sense for this indicator.
    #[serde(default)]
    pub disaggregations: Vec<Dimension>,
    /// Definition source (SDG metadata, Act and section, survey).
    pub source: String,
    /// How edge cases are counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where this indicator departs from its metadata source, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departures: Option<String>,
    /// The id of an indicator whose numerator contains this one's by
    /// definition, over the same denominator (married before 15 within
    /// married before 18): a reader knows this numerator is at most that one
    /// in every cell, so the two tables are suppressed together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested_in: Option<String>,
    /// Published without suppression, and why: a count that is not an
    /// attribute of the child (data quality) and that the published
    /// denominators already give exactly, so hiding it would protect nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub unsuppressed: Option<String>,
}

/// A list of indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Catalogue version.
    pub version: String,
    /// The indicators, in report order.
    pub indicators: Vec<Indicator>,
}

/// One indicator with its predicates compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledIndicator {
    /// Id.
    pub id: String,
    /// `numerator AND denominator`.
    pub numerator: Compiled,
    /// Denominator.
    pub denominator: Compiled,
}

impl Catalogue {
    /// The catalogue shipped with the crate (SDG 5.3.1, 16.9.1, 8.7.1 as
    /// UNICEF/ILO define it, child labour under CALPRA, out-of-school 6–14 and
    /// its unknown-status companion, girls 15–17 married).
    pub fn builtin() -> Result<Catalogue, Report> {
        let value = crate::validate::parse_json_text(BUILTIN, Locale::En)?;
        Catalogue::from_value(&value)
    }

    /// Load a catalogue from JSON, checking its shape and that every predicate compiles.
    pub fn from_value(value: &Value) -> Result<Catalogue, Report> {
        let cat: Catalogue = crate::record::parse_typed(value, Locale::En)?;
        cat.compile().map(|_| cat)
    }

    /// Look an indicator up by id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Add the indicators of `other` (ids must not clash).
    pub fn extend(&mut self, other: Catalogue) -> Result<(), Report> {
        self.indicators.extend(other.indicators);
        self.compile().map(|_| ())
    }

    /// The (inner, outer) pairs of indicators nested by definition (`nested_in`).
    pub fn nestings(&self) -> Vec<(&str, &str)> {
        self.indicators
            .iter()
            .filter_map(|i| Some((i.id.as_str(), i.nested_in.as_deref()?)))
            .collect()
    }

    /// Keep only the indicators with the given ids, in that order (a nesting
    /// in an indicator left out is dropped: its table is not published).
    pub fn select(&self, ids: &[&str]) -> Result<Catalogue, Report> {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match self.get(id) {
                Some(ind) => out.push(ind.clone()),
                None => errors.push(Diagnostic::new(
                    Code::InvalidValue,
                    pointer("", i),
                    Params::new().with("detail", format!("unknown indicator `{id}`")),
                    Locale::En,
                )),
            }
        }
        for ind in &mut out {
            if ind.nested_in.as_deref().is_some_and(|o| !ids.contains(&o)) {
                ind.nested_in = None;
            }
        }
        if errors.is_empty() {
            Ok(Catalogue {
                version: self.version.clone(),
                indicators: out,
            })
        } else {
            Err(Report::from_diagnostics(errors))
        }
    }

    /// Why `ind`'s `nested_in` is wrong, if it is: it must name another
    /// indicator of this catalogue with the same denominator, both suppressed,
    /// and the chain of nestings must not come back to `ind`.
    fn nesting_error(&self, ind: &Indicator) -> Option<String> {
        let outer_id = ind.nested_in.as_deref()?;
        let Some(outer) = self.get(outer_id) else {
            return Some(format!(
                "`{}` is nested in `{outer_id}`, which is not in the catalogue",
                ind.id
            ));
        };
        if outer.denominator != ind.denominator {
            return Some(format!(
                "`{}` is nested in `{outer_id}`, whose denominator is not the same",
                ind.id
            ));
        }
        if ind.unsuppressed.is_some() || outer.unsuppressed.is_some() {
            return Some(format!(
                "`{}` is nested in `{outer_id}`: an unsuppressed indicator cannot be nested",
                ind.id
            ));
        }
        let mut at = outer;
        for _ in 0..self.indicators.len() {
            if at.id == ind.id {
                return Some(format!("`{}` is nested in itself", ind.id));
            }
            match at.nested_in.as_deref().and_then(|o| self.get(o)) {
                Some(next) => at = next,
                None => return None,
            }
        }
        None
    }

    /// Compile every predicate, checking ids are unique.
    pub fn compile(&self) -> Result<Vec<CompiledIndicator>, Report> {
        let mut errors = Vec::new();
        let mut seen = BTreeSet::new();
        let mut out = Vec::with_capacity(self.indicators.len());
        for (i, ind) in self.indicators.iter().enumerate() {
            let at = pointer("/indicators", i);
            if !seen.insert(ind.id.as_str()) {
                errors.push(Diagnostic::new(
                    Code::IndicatorDuplicate,
                    pointer(&at, "id"),
                    Params::new().with("id", ind.id.as_str()),
                    Locale::En,
                ));
            }
            if let Some(detail) = self.nesting_error(ind) {
                errors.push(Diagnostic::new(
                    Code::InvalidValue,
                    pointer(&at, "nested_in"),
                    Params::new().with("detail", detail),
                    Locale::En,
                ));
            }
            if ind
                .unsuppressed
                .as_deref()
                .is_some_and(|r| r.trim().is_empty())
            {
                errors.push(Diagnostic::new(
                    Code::InvalidValue,
                    pointer(&at, "unsuppressed"),
                    Params::new().with("detail", "an unsuppressed indicator states why"),
                    Locale::En,
                ));
            }
            let num = compile(&ind.numerator, &pointer(&at, "numerator"));
            let den = compile(&ind.denominator, &pointer(&at, "denominator"));
            match (num, den) {
                (Ok(n), Ok(d)) => out.push(CompiledIndicator {
                    id: ind.id.clone(),
                    numerator: Compiled::All(vec![n, d.clone()]),
                    denominator: d,
                }),
                (n, d) => {
                    errors.extend(n.err().into_iter().flat_map(|r| r.diagnostics));
                    errors.extend(d.err().into_iter().flat_map(|r| r.diagnostics));
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(Report::from_diagnostics(errors))
        }
    }
}
