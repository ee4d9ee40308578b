//! What arrives from outside before it is JSON: bytes that are not UTF-8,
//! lone surrogates, numbers too large to be finite, nesting too deep. Each has
//! one code, whichever door it came through (JSON text, bytes, a Python dict),
//! so a caller can handle it once.

use crate::diagnostic::{Code, Diagnostic, Locale, Params, Report};

/// Deepest nesting of arrays and objects accepted anywhere (serde_json's own
/// parser limit; the Python binding applies the same limit to dicts and lists).
pub const MAX_DEPTH: usize = 128;

/// The code for a serde_json parse error: the text's encoding, an infinite
/// number and too deep nesting have their own codes; anything else is
/// `malformed_json`.
pub fn json_error_code(e: &serde_json::Error) -> Code {
    let text = e.to_string();
    // A leading surrogate not followed by a trailing one ends the hex escape early.
    if [
        "surrogate",
        "unexpected end of hex escape",
        "invalid unicode code point",
    ]
    .iter()
    .any(|m| text.contains(m))
    {
        Code::InvalidText
    } else if text.contains("number out of range") {
        Code::NonFiniteNumber
    } else if text.contains("recursion limit exceeded") {
        Code::NestingTooDeep
    } else {
        Code::MalformedJson
    }
}

/// The report for text that is not valid Unicode: invalid UTF-8 at byte
/// `offset`, or a lone surrogate.
pub fn invalid_text(path: &str, detail: &str, locale: Locale) -> Report {
    Report::single(Diagnostic::new(
        Code::InvalidText,
        path,
        Params::new().with("detail", detail),
        locale,
    ))
}

/// The report for a NaN or infinite number at `path`.
pub fn non_finite(path: &str, detail: &str, locale: Locale) -> Report {
    Report::single(Diagnostic::new(
        Code::NonFiniteNumber,
        path,
        Params::new().with("detail", detail),
        locale,
    ))
}

/// The report for a value nested deeper than [`MAX_DEPTH`] at `path`, or one
/// that contains itself (`cycle`).
pub fn too_deep(path: &str, cycle: bool, locale: Locale) -> Report {
    Report::single(Diagnostic::new(
        Code::NestingTooDeep,
        path,
        Params::new().with("limit", MAX_DEPTH).with("cycle", cycle),
        locale,
    ))
}

/// JSON given as bytes: invalid UTF-8 is `invalid_text` (with the byte offset),
/// then as [`crate::api::parse_json`].
pub fn parse_json_bytes(bytes: &[u8], locale: Locale) -> Result<serde_json::Value, Report> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        invalid_text(
            "",
            &format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            locale,
        )
    })?;
    crate::api::parse_json(text, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::parse_json;

    fn code(r: Result<serde_json::Value, Report>) -> Option<&'static str> {
        r.err()
            .and_then(|r| r.diagnostics.first().map(|d| d.code.as_str()))
    }

    #[test]
    fn each_outside_problem_has_its_code() {
        assert_eq!(
            code(parse_json(r#"{"a": "\ud800"}"#, Locale::En)),
            Some("invalid_text")
        );
        assert_eq!(
            code(parse_json(r#"{"a": 1e400}"#, Locale::En)),
            Some("non_finite_number")
        );
        assert_eq!(
            code(parse_json(r#"{"a": -1e999}"#, Locale::En)),
            Some("non_finite_number")
        );
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            code(parse_json(&deep, Locale::En)),
            Some("nesting_too_deep")
        );
        let ok = "[".repeat(MAX_DEPTH - 1) + &"]".repeat(MAX_DEPTH - 1);
        assert_eq!(code(parse_json(&ok, Locale::En)), None);
        assert_eq!(code(parse_json("{", Locale::En)), Some("malformed_json"));
        assert_eq!(
            code(parse_json_bytes(b"{\"a\": \"\xff\"}", Locale::En)),
            Some("invalid_text")
        );
        assert_eq!(code(parse_json_bytes(b"{}", Locale::En)), None);
    }
}
