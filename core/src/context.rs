//! What a validation run needs besides the record — the rule profile, today's
//! date, the message language and the size limits — and the [`Options`] every
//! front end accepts to set them.
//!
//! The default profile is built once per process and borrowed by every
//! default context, so a call that passes no profile patch copies nothing.

use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

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

/// How many patched profiles [`patched_profile`] keeps.
const PATCHED_KEPT: usize = 8;

/// The default profile with a merge patch applied. Callers tend to pass the
/// same patch on every call (a state's own ages, record after record), and
/// building a profile costs several times a record's validation, so the
/// first [`PATCHED_KEPT`] distinct patches are built once and kept for the
/// life of the process (a fixed, small amount of memory); any further patch
/// is built afresh on each call. A bad patch is never kept.
fn patched_profile(patch: &Value) -> Result<Cow<'static, RuleProfile>, crate::diagnostic::Report> {
    static KEPT: Mutex<Vec<(Value, &'static RuleProfile)>> = Mutex::new(Vec::new());
    let kept = |kept: &[(Value, &'static RuleProfile)]| {
        kept.iter()
            .find(|(p, _)| p == patch)
            .map(|(_, profile)| *profile)
    };
    if let Some(profile) = KEPT.lock().ok().and_then(|k| kept(&k)) {
        return Ok(Cow::Borrowed(profile));
    }
    let profile = RuleProfile::from_json_patch(patch)?;
    match KEPT.lock() {
        Ok(mut k) if k.len() < PATCHED_KEPT => {
            // Another thread may have built the same patch meanwhile.
            if let Some(profile) = kept(&k) {
                return Ok(Cow::Borrowed(profile));
            }
            let profile: &'static RuleProfile = Box::leak(Box::new(profile));
            k.push((patch.clone(), profile));
            Ok(Cow::Borrowed(profile))
        }
        _ => Ok(Cow::Owned(profile)),
    }
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
            Some(patch) => patched_profile(patch).map_err(Error::Input)?,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn with_patch(patch: Value) -> Result<Context<'static>, Error> {
        Options {
            profile: Some(patch),
            ..Options::default()
        }
        .context()
    }

    #[test]
    fn a_patched_profile_is_built_once_and_shared() {
        let patch = serde_json::json!({"ages": {"estimate_margin_years": 2}});
        let (Ok(a), Ok(b)) = (with_patch(patch.clone()), with_patch(patch)) else {
            panic!("a good patch is refused");
        };
        let (Cow::Borrowed(a), Cow::Borrowed(b)) = (&a.profile, &b.profile) else {
            panic!("a kept profile is built again");
        };
        assert!(std::ptr::eq(*a, *b));
        assert!(!std::ptr::eq(*a, default_profile()));
        assert_eq!(a.ages.estimate_margin_years, 2);
        assert_ne!(default_profile().ages.estimate_margin_years, 2);
    }

    #[test]
    fn a_bad_patch_is_refused_every_time() {
        let patch = serde_json::json!({"ages": {"estimate_margin_years": "two"}});
        assert!(with_patch(patch.clone()).is_err());
        assert!(with_patch(patch).is_err());
    }
}
