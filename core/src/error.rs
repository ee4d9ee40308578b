//! The one error type of the library's fallible entry points.
//!
//! Every variant carries the core's [`Report`] of coded diagnostics, so each
//! front end renders one shape; the variant says *why* the work did not give a
//! result, which is what a binding maps on:
//!
//! | category | variant | Python | CLI exit | wasm |
//! |---|---|---|---|---|
//! | unusable input | [`Error::Input`] | `InputError` | 2 | `failure` |
//! | invalid record | [`Error::Invalid`] | `ValidationError` | 1 | `failure` (validation: `success`, `report.valid == false`) |
//! | internal | [`Error::Internal`] | `InternalError` | 3 | `failure` |

use crate::diagnostic::{Code, Diagnostic, Locale, Params, Report};

/// Why an operation gave no result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The input cannot be used at all: malformed JSON, an unknown record kind,
    /// bad options or a bad rule-profile patch.
    #[error("unusable input: {0}")]
    Input(Report),
    /// The record was checked and breaks a rule; the report says which.
    #[error("invalid record: {0}")]
    Invalid(Report),
    /// A failure inside the library (never expected: a bug).
    #[error("internal error: {0}")]
    Internal(Report),
}

/// The category of an [`Error`], for bindings that map on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Unusable input (malformed JSON, unknown kind, bad options or profile patch).
    Input,
    /// An invalid record.
    Invalid,
    /// A bug in the library.
    Internal,
}

impl Error {
    /// Unusable input described by one diagnostic.
    pub fn input(diagnostic: Diagnostic) -> Error {
        Error::Input(Report::single(diagnostic))
    }

    /// An internal failure with a detail for the bug report.
    pub fn internal(detail: &str) -> Error {
        Error::Internal(internal_report(detail))
    }

    /// The category, for mapping to exceptions, exit codes or tagged answers.
    pub fn category(&self) -> Category {
        match self {
            Error::Input(_) => Category::Input,
            Error::Invalid(_) => Category::Invalid,
            Error::Internal(_) => Category::Internal,
        }
    }

    /// The report behind the error.
    pub fn report(&self) -> &Report {
        match self {
            Error::Input(r) | Error::Invalid(r) | Error::Internal(r) => r,
        }
    }

    /// The report behind the error, by value.
    pub fn into_report(self) -> Report {
        match self {
            Error::Input(r) | Error::Invalid(r) | Error::Internal(r) => r,
        }
    }
}

/// Every error carries a report; reading through it keeps code written against
/// report-returning functions working (`&error` where a `&Report` is expected).
impl std::ops::Deref for Error {
    type Target = Report;
    fn deref(&self) -> &Report {
        self.report()
    }
}

/// Domain code that returns a report keeps using `?` on the entry points.
impl From<Error> for Report {
    fn from(e: Error) -> Report {
        e.into_report()
    }
}

/// A report for an internal failure (never expected; kept so nothing panics).
pub(crate) fn internal_report(detail: &str) -> Report {
    Report::single(Diagnostic::new(
        Code::InvalidValue,
        "",
        Params::new().with("detail", detail),
        Locale::En,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_and_reports() {
        let d = Diagnostic::new(Code::UnknownKind, "", Params::new(), Locale::En);
        let e = Error::input(d.clone());
        assert_eq!(e.category(), Category::Input);
        assert_eq!(e.report().diagnostics, vec![d]);
        assert_eq!(Error::internal("x").category(), Category::Internal);
        let r: Report = Error::Invalid(Report::default()).into();
        assert_eq!(r, Report::default());
        assert!(e.to_string().starts_with("unusable input: 1 error(s)"));
    }
}
