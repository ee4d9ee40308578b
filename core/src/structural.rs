//! Structural checks of a JSON value against the JSON Schema of its kind.
//!
//! The schema generated from our types (schemars) is the single source of truth
//! for shape: this walker reads it, so a wrong type, a missing or unknown field,
//! a bad enum value or a malformed date becomes a coded diagnostic with a JSON
//! Pointer path, and *every* such problem is reported, not only the first (which
//! is all serde itself can do). Browser forms that run ajv on the exported
//! schemas get the same verdict on shape.
//!
//! Only the schema keywords schemars emits for our types are interpreted.

use serde_json::{Map, Value};

use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::privacy::is_identifying_field;

/// Check `value` against `schema` (a root schema with `$defs`), pushing diagnostics.
pub fn check(root: &Value, value: &Value, out: &mut Collector) {
    Walker { root }.walk(root, value, "", out);
}

struct Walker<'a> {
    root: &'a Value,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_matches(expected: &str, v: &Value) -> bool {
    match expected {
        "integer" => match v {
            Value::Number(n) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        },
        "number" => v.is_number(),
        other => type_name(v) == other,
    }
}

impl<'a> Walker<'a> {
    fn resolve(&self, reference: &str) -> Option<&'a Value> {
        let name = reference.strip_prefix("#/$defs/")?;
        self.root.get("$defs")?.get(name)
    }

    /// Number of problems `value` has against `schema`, without reporting them.
    fn count(&self, schema: &Value, value: &Value) -> usize {
        let mut probe = Collector::new(crate::diagnostic::Locale::En);
        self.walk(schema, value, "", &mut probe);
        probe.into_report().diagnostics.len()
    }

    fn walk(&self, schema: &'a Value, value: &Value, path: &str, out: &mut Collector) {
        let Some(s) = schema.as_object() else {
            return; // `true` schema: anything goes
        };
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            if let Some(target) = self.resolve(r) {
                self.walk(target, value, path, out);
            }
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for sub in all {
                self.walk(sub, value, path, out);
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = s.get(key).and_then(Value::as_array) {
                self.alternatives(branches, value, path, out);
            }
        }
        if let Some(t) = s.get("type") {
            let ok = match t {
                Value::String(name) => type_matches(name, value),
                Value::Array(names) => names
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|n| type_matches(n, value)),
                _ => true,
            };
            if !ok {
                let expected = match t {
                    Value::Array(names) => names
                        .iter()
                        .filter_map(Value::as_str)
                        .filter(|n| *n != "null")
                        .collect::<Vec<_>>()
                        .join(" or "),
                    other => other.as_str().unwrap_or_default().to_owned(),
                };
                out.push(
                    Code::WrongType,
                    path,
                    Params::new()
                        .with("expected", expected)
                        .with("found", type_name(value)),
                );
                return; // nothing below is meaningful for a value of the wrong type
            }
        }
        if let Some(allowed) = s.get("enum").and_then(Value::as_array) {
            if !allowed.contains(value) {
                invalid_enum(value, allowed.clone(), path, out);
            }
        }
        if let Some(c) = s.get("const") {
            if c != value {
                invalid_enum(value, vec![c.clone()], path, out);
            }
        }
        match value {
            Value::Object(obj) => self.object(s, obj, path, out),
            Value::Array(items) => {
                if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
                    if (items.len() as u64) < min {
                        out.push(Code::TooShort, path, Params::new().with("minimum", min));
                    }
                }
                if let Some(item_schema) = s.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.walk(item_schema, item, &pointer(path, i), out);
                    }
                }
            }
            Value::String(text) => {
                if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
                    if (text.chars().count() as u64) < min {
                        out.push(Code::TooShort, path, Params::new().with("minimum", min));
                    }
                }
                if let Some(format) = s.get("format").and_then(Value::as_str) {
                    if !format_ok(format, text) {
                        out.push(
                            Code::InvalidFormat,
                            path,
                            Params::new()
                                .with("value", text.as_str())
                                .with("format", format),
                        );
                    }
                }
            }
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                let min = s.get("minimum").and_then(Value::as_f64);
                let max = s.get("maximum").and_then(Value::as_f64);
                if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
                    out.push(
                        Code::OutOfRange,
                        path,
                        Params::new()
                            .with("value", value.clone())
                            .with("minimum", s.get("minimum").cloned().unwrap_or(Value::Null))
                            .with("maximum", s.get("maximum").cloned().unwrap_or(Value::Null))
                            .with("range", range_text(s.get("minimum"), s.get("maximum"))),
                    );
                }
            }
            _ => {}
        }
    }

    fn object(
        &self,
        s: &'a Map<String, Value>,
        obj: &Map<String, Value>,
        path: &str,
        out: &mut Collector,
    ) {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(required) = s.get("required").and_then(Value::as_array) {
            for field in required.iter().filter_map(Value::as_str) {
                if !obj.contains_key(field) {
                    out.push(
                        Code::MissingField,
                        pointer(path, field),
                        Params::new().with("field", field),
                    );
                }
            }
        }
        for (key, v) in obj {
            let child = pointer(path, key);
            match props.and_then(|p| p.get(key)) {
                Some(sub) => self.walk(sub, v, &child, out),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        let code = if is_identifying_field(key) {
                            Code::IdentifyingField
                        } else {
                            Code::UnknownField
                        };
                        out.push(code, child, Params::new().with("field", key.as_str()));
                    }
                    Some(extra @ Value::Object(_)) => self.walk(extra, v, &child, out),
                    _ => {}
                },
            }
        }
    }

    fn alternatives(&self, branches: &'a [Value], value: &Value, path: &str, out: &mut Collector) {
        if branches.iter().any(|b| self.count(b, value) == 0) {
            return;
        }
        // All branches are constants (a documented enum): one clear message listing them.
        let consts: Option<Vec<Value>> = branches
            .iter()
            .map(|b| self.constant(b))
            .collect::<Option<Vec<Vec<Value>>>>()
            .map(|v| v.concat());
        if let Some(allowed) = consts {
            invalid_enum(value, allowed, path, out);
            return;
        }
        // A nullable value (`T` or null) fails only on `T`; otherwise report the
        // branch that came closest, which is what a person most likely meant.
        let non_null: Vec<&Value> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        let best = non_null
            .iter()
            .min_by_key(|b| self.count(b, value))
            .copied();
        if let Some(b) = best {
            self.walk(b, value, path, out);
        }
    }

    /// The constant values a branch accepts, if it is only `const` / `enum`.
    fn constant(&self, branch: &'a Value) -> Option<Vec<Value>> {
        let b = match branch.get("$ref").and_then(Value::as_str) {
            Some(r) => self.resolve(r)?,
            None => branch,
        };
        if let Some(c) = b.get("const") {
            return Some(vec![c.clone()]);
        }
        b.get("enum").and_then(Value::as_array).cloned()
    }
}

fn invalid_enum(value: &Value, allowed: Vec<Value>, path: &str, out: &mut Collector) {
    out.push(
        Code::InvalidEnumValue,
        path,
        Params::new()
            .with("value", value.clone())
            .with("allowed", Value::Array(allowed)),
    );
}

/// The allowed range in symbols, readable in any locale: `0–17`, `≥ 1`, `≤ 100`.
fn range_text(min: Option<&Value>, max: Option<&Value>) -> Value {
    let text = match (min, max) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        (Some(lo), None) => format!("≥ {lo}"),
        (None, Some(hi)) => format!("≤ {hi}"),
        (None, None) => String::new(),
    };
    Value::String(text)
}

fn format_ok(format: &str, text: &str) -> bool {
    match format {
        "date" => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        "date-time" => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
        _ => true, // formats we do not interpret (e.g. uint8) are checked by range
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Locale;
    use serde_json::json;

    fn codes(schema: Value, v: Value) -> Vec<(String, String)> {
        let mut c = Collector::new(Locale::En);
        check(&schema, &v, &mut c);
        c.into_report()
            .diagnostics
            .into_iter()
            .map(|d| (d.code.as_str().to_owned(), d.path))
            .collect()
    }

    #[test]
    fn reports_every_problem_with_paths() {
        let schema = json!({
            "type": "object", "additionalProperties": false,
            "required": ["a", "b"],
            "properties": {
                "a": {"type": "integer", "minimum": 0},
                "b": {"type": "array", "items": {"$ref": "#/$defs/S"}},
                "d": {"type": "string", "format": "date"}
            },
            "$defs": {"S": {"type": "string", "enum": ["x", "y"]}}
        });
        let got = codes(
            schema,
            json!({"a": -1, "b": ["x", "z", 3], "d": "2024-02-30", "zz": 1, "name": "R"}),
        );
        assert_eq!(
            got,
            vec![
                ("out_of_range".into(), "/a".into()),
                ("invalid_enum_value".into(), "/b/1".into()),
                ("wrong_type".into(), "/b/2".into()),
                ("invalid_format".into(), "/d".into()),
                ("unknown_field".into(), "/zz".into()),
                ("identifying_field".into(), "/name".into()),
            ]
        );
    }

    #[test]
    fn nullable_and_missing() {
        let schema = json!({
            "type": "object", "required": ["x"],
            "properties": {"y": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}
        });
        assert_eq!(codes(schema.clone(), json!({"x": 1, "y": null})), vec![]);
        assert_eq!(
            codes(schema, json!({"y": "a"})),
            vec![
                ("missing_field".into(), "/x".into()),
                ("wrong_type".into(), "/y".into())
            ]
        );
    }
}
