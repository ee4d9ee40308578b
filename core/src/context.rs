//! What a validation run needs besides the record — the rule profile, today's
//! date, the message language and the size limits — and the [`Options`] every
//! front end accepts to set them.
//!
//! The default profile is built once per process and borrowed by every
//! default context, so a call that passes no profile patch copies nothing.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Locale, Params};
use crate::error::Error;
use crate::profile::RuleProfile;
use crate::validate::{self, SchemaId};

pub use crate::validate::Limits;

/// The default rule profile, built once.
pub fn default_profile() -> &'static RuleProfile {
    static PROFILE: OnceLock<RuleProfile> = OnceLock::new();
    PROFILE.get_or_init(RuleProfile::default)
}

/// What a validation run needs besides the record.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The rule profile.
    pub profile: Cow<'a, RuleProfile>,
    /// "Today" for deadlines and future-date checks.
    pub today: NaiveDate,
    /// Message language.
    pub locale: Locale,
    /// Bounds on a record's size and on its report.
    pub limits: Limits,
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context {
            profile: Cow::Borrowed(default_profile()),
            today: crate::clock::today_in_india(),
            locale: Locale::En,
            limits: Limits::default(),
        }
    }
}

/// Options every front end accepts, as JSON: `{"locale": "hi", "today": "2026-01-31",
/// "profile": {...merge patch of the default rule profile...}, "limits": {...}}`.
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
    /// Size limits on records and reports; each omitted field keeps its default.
    #[serde(default, skip_serializing_if = "is_default")]
    pub limits: Limits,
}

fn is_default(limits: &Limits) -> bool {
    *limits == Limits::default()
}

impl Options {
    /// Parse options from a JSON value (`null` means defaults); bad options are unusable input.
    pub fn from_value(value: &Value) -> Result<Options, Error> {
        if value.is_null() {
            return Ok(Options::default());
        }
        validate::parse_with::<Options>(SchemaId::Options, value, Locale::En).map_err(Error::Input)
    }

    /// Resolve to a [`Context`], validating any profile patch (a bad patch is unusable input).
    pub fn context(&self) -> Result<Context<'static>, Error> {
        let profile = match &self.profile {
            Some(patch) => Cow::Owned(RuleProfile::from_json_patch(patch).map_err(Error::Input)?),
            None => Cow::Borrowed(default_profile()),
        };
        if let Some(today) = self.today.filter(|d| !crate::checked::in_range(*d)) {
            return Err(Error::input(Diagnostic::new(
                Code::DateOutOfRange,
                "/today",
                Params::new()
                    .with("value", today.to_string())
                    .with("range", crate::checked::range_text()),
                self.locale,
            )));
        }
        Ok(Context {
            profile,
            today: crate::clock::today_or_india(self.today),
            locale: self.locale,
            limits: self.limits,
        })
    }
}
