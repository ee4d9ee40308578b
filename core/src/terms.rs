//! The two small vocabularies every diagnostic and code uses: how serious a
//! problem is ([`Severity`]) and which language messages are in ([`Locale`]).
//! Kept apart from [`crate::diagnostic`] so the code catalogue can use them
//! without a module cycle.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is. Errors make a record invalid; warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record breaks a rule and is invalid.
    Error,
    /// The record is valid but something needs attention (a missed meeting, an overdue task).
    Warning,
}

impl Severity {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Language of human-readable messages. Codes, paths and params never change with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Hindi (Devanagari).
    Hi,
}

impl Locale {
    /// Parse a locale tag such as `en`, `hi`, `hi-IN` or `en_GB`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let lang = tag.split(['-', '_']).next().unwrap_or_default();
        match lang.to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "hi" => Some(Locale::Hi),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_names_are_their_serialised_form() {
        for s in [Severity::Error, Severity::Warning] {
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
    }
}
