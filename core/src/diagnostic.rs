//! The one diagnostic model: every problem the library finds, in any record kind,
//! is a [`Diagnostic`] with a stable [`Code`], a [`Severity`], a JSON Pointer
//! `path` to the field, a message in the caller's [`Locale`] and the `params`
//! involved. A validation run returns a [`Report`] holding all of them.
//!
//! Bindings never build their own errors: they render these, so a Python
//! analyst, a web form and a Rust service all see the same codes and paths.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::codes::{Code, CodeInfo};
use crate::labels::{self, Shown};
pub use crate::terms::{Locale, Severity};

/// One problem found in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable snake_case identifier from the catalogue ([`crate::codes`]).
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the field, e.g. `/members/3/age`; `""` is the whole record.
    pub path: String,
    /// Human-readable message in the requested locale.
    pub message: String,
    /// The values involved, by name; the message is built from these.
    pub params: BTreeMap<String, Value>,
}

/// The result of validating one record: `valid` is false when any diagnostic is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// True when no diagnostic has severity `error`.
    pub valid: bool,
    /// Every problem found, errors and warnings, in the order the checks ran.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Build a report from diagnostics; `valid` is derived, never set by hand.
    pub fn from_diagnostics(diagnostics: Vec<Diagnostic>) -> Report {
        let valid = diagnostics.iter().all(|d| d.severity != Severity::Error);
        Report { valid, diagnostics }
    }

    /// A report with a single diagnostic.
    pub fn single(diagnostic: Diagnostic) -> Report {
        Report::from_diagnostics(vec![diagnostic])
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        write!(f, "{errors} error(s)")?;
        for d in &self.diagnostics {
            let at = if d.path.is_empty() { "/" } else { &d.path };
            write!(f, "; {at}: {} [{}]", d.message, d.code.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Diagnostic {
    /// Build a diagnostic with the code's default severity and a message rendered in `locale`.
    pub fn new(code: Code, path: impl Into<String>, params: Params, locale: Locale) -> Diagnostic {
        let params = params.0;
        let path = path.into();
        Diagnostic {
            code,
            severity: code.severity(),
            message: render(code, &path, &params, locale),
            path,
            params,
        }
    }
}

/// Parameters of a diagnostic, built fluently: `Params::new().with("age", 19)`.
#[derive(Debug, Clone, Default)]
pub struct Params(BTreeMap<String, Value>);

impl Params {
    /// No parameters.
    pub fn new() -> Params {
        Params::default()
    }

    /// Parameters from a map (e.g. those of another diagnostic).
    pub fn from_map(map: BTreeMap<String, Value>) -> Params {
        Params(map)
    }

    /// Add one parameter.
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Params {
        self.0.insert(name.to_owned(), value.into());
        self
    }
}

/// Fill `{name}` placeholders of the code's template in `locale` with the
/// params in words: fields, enum values, services, statutes and dates by their
/// labels ([`crate::labels`]); what the user typed (an id, an unknown value) in
/// backticks, which forms show as code. An absent param keeps its placeholder.
fn render(code: Code, path: &str, params: &BTreeMap<String, Value>, locale: Locale) -> String {
    let template = code.template(locale);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.get(name) {
                    Some(v) => match labels::param(code, name, v, path, locale) {
                        Shown::Label(s) | Shown::Missing(s) => out.push_str(&s),
                        Shown::Raw(s) => {
                            out.push('`');
                            out.push_str(&s.replace('`', "'"));
                            out.push('`');
                        }
                    },
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A diagnostic's path, given now (`&str`, `String`) or built only when a
/// diagnostic is pushed (a closure): valid records never pay for paths.
pub trait LazyPath {
    /// The path.
    fn path(self) -> String;
}

impl LazyPath for &str {
    fn path(self) -> String {
        self.to_owned()
    }
}

impl LazyPath for String {
    fn path(self) -> String {
        self
    }
}

impl<F: FnOnce() -> String> LazyPath for F {
    fn path(self) -> String {
        self()
    }
}

/// Append one segment to a JSON Pointer, escaping `~` and `/` as RFC 6901 requires.
pub fn pointer(base: &str, segment: impl fmt::Display) -> String {
    let seg = segment.to_string();
    let mut out = String::with_capacity(base.len() + seg.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in seg.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Collects diagnostics during one validation run, up to a limit: past it
/// diagnostics are only counted (one `too_many_diagnostics` warning says how
/// many), except that an error is always kept so validity is never lost.
#[derive(Debug)]
pub struct Collector {
    locale: Locale,
    diagnostics: Vec<Diagnostic>,
    limit: usize,
    omitted: usize,
    errors: usize,
}

/// The report size every collector keeps unless told otherwise.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 200;

impl Collector {
    /// An empty collector rendering messages in `locale`.
    pub fn new(locale: Locale) -> Collector {
        Collector::with_limit(locale, DEFAULT_MAX_DIAGNOSTICS)
    }

    /// An empty collector keeping at most `limit` diagnostics.
    pub fn with_limit(locale: Locale, limit: usize) -> Collector {
        Collector {
            locale,
            diagnostics: Vec::new(),
            limit,
            omitted: 0,
            errors: 0,
        }
    }

    /// The locale messages are rendered in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Record one problem. Past the limit it is only counted, and its message
    /// never rendered.
    pub fn push(&mut self, code: Code, path: impl Into<String>, params: Params) {
        let error = code.severity() == Severity::Error;
        if self.diagnostics.len() >= self.limit && !(error && self.errors == 0) {
            self.omitted += 1;
            return;
        }
        self.errors += usize::from(error);
        self.diagnostics
            .push(Diagnostic::new(code, path, params, self.locale));
    }

    /// True when an error (not a warning) has been recorded.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Finish the run.
    pub fn into_report(mut self) -> Report {
        if self.omitted > 0 {
            let params = Params::new()
                .with("omitted", self.omitted)
                .with("limit", self.limit);
            self.diagnostics.push(Diagnostic::new(
                Code::TooManyDiagnostics,
                "",
                params,
                self.locale,
            ));
        }
        Report::from_diagnostics(self.diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_rfc6901() {
        assert_eq!(pointer("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer("/members", 3), "/members/3");
    }

    #[test]
    fn render_fills_params_with_labels() {
        let p = Params::new()
            .with("concern", "imminent_child_marriage")
            .with("destinations", vec!["cmpo", "police"])
            .with("law", "PCMA 2006 s.13");
        let d = Diagnostic::new(
            Code::PathwayReferralMissing,
            "/referrals",
            p.clone(),
            Locale::En,
        );
        assert!(
            d.message
                .contains("Child Marriage Prohibition Officer or the local police"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("imminent child marriage"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("Prohibition of Child Marriage Act 2006"),
            "{}",
            d.message
        );
        let hi = Diagnostic::new(Code::PathwayReferralMissing, "/referrals", p, Locale::Hi);
        assert!(
            hi.message
                .contains("बाल विवाह प्रतिषेध अधिकारी या स्थानीय पुलिस"),
            "{}",
            hi.message
        );
        // The raw values stay in params for programs.
        assert_eq!(hi.params["concern"], "imminent_child_marriage");
        let raw = Diagnostic::new(
            Code::DuplicateId,
            "/members/1/id",
            Params::new().with("id", "m`1"),
            Locale::En,
        );
        assert_eq!(raw.message, "the id `m'1` is used more than once");
        let missing = Diagnostic::new(Code::MissingField, "/child/id", Params::new(), Locale::En);
        assert!(missing.message.contains("{field}"));
    }

    #[test]
    fn report_validity_follows_errors_only() {
        let w = Diagnostic::new(Code::QuorumNotMet, "/meetings/0", Params::new(), Locale::En);
        assert!(Report::single(w).valid);
        let e = Diagnostic::new(Code::MissingField, "", Params::new(), Locale::En);
        assert!(!Report::single(e).valid);
    }

    #[test]
    fn collector_keeps_at_most_its_limit_and_any_error() {
        let mut c = Collector::with_limit(Locale::En, 2);
        for _ in 0..3 {
            c.push(Code::QuorumNotMet, "", Params::new());
        }
        assert!(!c.has_errors());
        c.push(Code::MissingField, "/x", Params::new().with("field", "x"));
        c.push(Code::MissingField, "/y", Params::new().with("field", "y"));
        let r = c.into_report();
        assert!(!r.valid, "a dropped error would make the record look valid");
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "quorum_not_met",
                "quorum_not_met",
                "missing_field",
                "too_many_diagnostics"
            ]
        );
        assert_eq!(r.diagnostics[3].params["omitted"], 2);
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::parse("hi-IN"), Some(Locale::Hi));
        assert_eq!(Locale::parse("EN"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
    }
}
