//! What arrives from outside before it is JSON: bytes that are not UTF-8,
//! lone surrogates, numbers too large to be finite, nesting too deep. Each has
//! one code, whichever door it came through (JSON text, bytes, a Python dict),
//! so a caller can handle it once.

use crate::diagnostic::{Code, Diagnostic, Locale, Params, Report};
use crate::error::Error;

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

/// Parse JSON text; text that is not usable JSON is unusable input: malformed
/// (`malformed_json` with line and column), or one of the boundary codes above.
/// [`crate::api::parse_json`] is the public face of this.
pub fn parse_json_text(text: &str, locale: Locale) -> Result<serde_json::Value, Error> {
    serde_json::from_str::<serde_json::Value>(text).map_err(|e| {
        let detail = e.to_string();
        // serde_json appends " at line L column C"; keep only the reason.
        let reason = detail
            .split(" at line ")
            .next()
            .unwrap_or(&detail)
            .to_owned();
        let code = json_error_code(&e);
        let reason = match code {
            Code::MalformedJson => reason,
            _ => format!("{reason} (line {}, column {})", e.line(), e.column()),
        };
        let mut params = Params::new()
            .with("detail", reason)
            .with("line", e.line())
            .with("column", e.column());
        if code == Code::NestingTooDeep {
            params = params.with("limit", MAX_DEPTH);
        }
        Error::input(Diagnostic::new(code, "", params, locale))
    })
}

/// JSON given as bytes: invalid UTF-8 is `invalid_text` (with the byte offset),
/// then as [`parse_json_text`].
pub fn parse_json_bytes(bytes: &[u8], locale: Locale) -> Result<serde_json::Value, Report> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        invalid_text(
            "",
            &format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            locale,
        )
    })?;
    parse_json_text(text, locale).map_err(Report::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_json(text: &str, locale: Locale) -> Result<serde_json::Value, Report> {
        parse_json_text(text, locale).map_err(Report::from)
    }

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
