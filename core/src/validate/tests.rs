//! Unit tests of the compiled validator on small hand-written schemas.

use serde_json::{json, Value};

use super::compile::compile;
use super::walk::Found;
use super::{compiled, Limits, SchemaId};

fn found(schema: Value, v: Value, limits: &Limits) -> (bool, Vec<(String, String)>) {
    let c = compile(&schema).unwrap();
    let all: Vec<Found> = c.diagnose(&v, limits);
    let pairs = all
        .into_iter()
        .map(|f| (f.code.as_str().to_owned(), f.path))
        .collect::<Vec<_>>();
    let ok = c.is_valid(&v, limits);
    assert_eq!(
        ok,
        pairs.is_empty(),
        "fast and diagnostic walks disagree on {v}"
    );
    (ok, pairs)
}

fn codes(schema: Value, v: Value) -> Vec<(String, String)> {
    found(schema, v, &Limits::default()).1
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
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
            pair("out_of_range", "/a"),
            pair("invalid_enum_value", "/b/1"),
            pair("wrong_type", "/b/2"),
            pair("invalid_format", "/d"),
            pair("unknown_field", "/zz"),
            pair("identifying_field", "/name"),
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
        vec![pair("missing_field", "/x"), pair("wrong_type", "/y")]
    );
}

#[test]
fn maxima_are_enforced() {
    let schema = json!({
        "type": "object",
        "properties": {
            "s": {"type": "string", "maxLength": 3},
            "l": {"type": "array", "maxItems": 1, "items": {"type": "integer"}}
        }
    });
    assert_eq!(codes(schema.clone(), json!({"s": "abc", "l": [1]})), vec![]);
    // Each maximum on its own, so neither walk can lean on the other's check.
    assert_eq!(
        codes(schema.clone(), json!({"s": "abcd"})),
        vec![pair("too_long", "/s")]
    );
    assert_eq!(
        codes(schema.clone(), json!({"l": [1, 2]})),
        vec![pair("too_long", "/l")]
    );
    assert_eq!(
        codes(schema, json!({"s": "abcd", "l": [1, 2]})),
        vec![pair("too_long", "/s"), pair("too_long", "/l")]
    );
}

#[test]
fn tagged_alternatives_use_the_tag_and_report_the_closest_branch() {
    let schema = json!({
        "$defs": {"P": {"oneOf": [
            {"type": "string", "const": "yes"},
            {"type": "object", "properties": {"not": {"$ref": "#/$defs/P"}},
             "required": ["not"], "additionalProperties": false},
            {"type": "object", "properties": {"all": {"type": "array", "items": {"$ref": "#/$defs/P"}}},
             "required": ["all"], "additionalProperties": false}
        ]}},
        "$ref": "#/$defs/P"
    });
    assert_eq!(
        codes(
            schema.clone(),
            json!({"not": {"all": ["yes", {"not": "yes"}]}})
        ),
        vec![]
    );
    assert_eq!(
        codes(schema, json!({"not": {"all": ["yes", {"not": "no"}]}})),
        vec![pair("invalid_enum_value", "/not/all/1/not")]
    );
}

#[test]
fn nested_alternatives_take_linear_time() {
    // Issue 10: a catalogue of nested `not`s took minutes when each level
    // walked its alternatives twice. 4,000 levels must be instant (and deeper
    // than the default depth limit, which is reported once).
    let schema = compile(&json!({
        "$defs": {"P": {"oneOf": [
            {"type": "string", "const": "yes"},
            {"type": "object", "properties": {"not": {"$ref": "#/$defs/P"}},
             "required": ["not"], "additionalProperties": false}
        ]}},
        "$ref": "#/$defs/P"
    }))
    .unwrap();
    let mut v = json!("no");
    for _ in 0..40 {
        v = json!({ "not": v });
    }
    let limits = Limits::default();
    assert!(!schema.is_valid(&v, &limits));
    let found = schema.diagnose(&v, &limits);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path.matches("/not").count(), 40);
    let deep = Limits {
        max_depth: 10,
        ..Limits::default()
    };
    let found = schema.diagnose(&v, &deep);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_str(), "nesting_too_deep");
}

#[test]
fn limits_have_their_own_codes() {
    let schema = json!({"type": "object", "properties": {
        "s": {"type": "string"}, "l": {"type": "array"}, "o": {}
    }});
    let limits = Limits {
        max_depth: 3,
        max_string_bytes: 4,
        max_items: 3,
        max_diagnostics: 10,
    };
    let (ok, got) = found(
        schema.clone(),
        json!({"s": "12345", "l": [1, 2, 3, 4], "o": {"a": {"b": {"c": 1}}, "k": "too long"}}),
        &limits,
    );
    assert!(!ok);
    assert_eq!(
        got,
        vec![
            pair("string_too_large", "/s"),
            pair("too_many_items", "/l"),
            pair("nesting_too_deep", "/o/a/b"),
            pair("string_too_large", "/o/k"),
        ]
    );
    let (ok, _) = found(
        schema,
        json!({"s": "1234", "l": [1, 2, 3], "o": {"a": {}}}),
        &limits,
    );
    assert!(ok);
}

#[test]
fn every_embedded_schema_compiles_with_every_keyword_enforced() {
    for id in SchemaId::all() {
        if let Err(e) = compiled(id) {
            panic!("{e}");
        }
    }
}

#[test]
fn unknown_assertion_keywords_are_refused() {
    let e = compile(&json!({"type": "string", "pattern": "^a"})).unwrap_err();
    assert!(e.contains("pattern"), "{e}");
}

#[test]
fn dates_decide_as_chrono_does() {
    for text in [
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-1-5",
        "0000-01-01",
        "+2024-01-05",
        "2024-01-05x",
        "２０２４-01-01",
        "9999-12-31",
        "",
    ] {
        let chrono = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
        assert_eq!(super::walk::date_ok(text), chrono, "{text}");
    }
}

#[test]
fn dates_outside_the_accepted_range_are_coded_with_their_path() {
    let schema = json!({
        "type": "object",
        "properties": {
            "a": {"type": "string", "format": "date"},
            "b": {"anyOf": [{"$ref": "#/$defs/T"}, {"type": "null"}]},
            "c": {"type": "array", "items": {"type": "string", "format": "date-time"}}
        },
        "$defs": {"T": {"type": "string", "format": "date"}}
    });
    let got = codes(
        schema.clone(),
        json!({
            "a": "+262142-12-31",
            "b": "1899-12-31",
            "c": ["2026-01-01T00:00:00Z", "2200-01-01T00:00:00+05:30"]
        }),
    );
    assert_eq!(
        got,
        vec![
            pair("date_out_of_range", "/a"),
            pair("date_out_of_range", "/b"),
            pair("date_out_of_range", "/c/1"),
        ]
    );
    assert!(codes(schema.clone(), json!({"a": "2026-11-25", "b": null})).is_empty());
    // The local date counts: 2199-12-31 late evening in India is still in range.
    assert!(codes(schema, json!({"c": ["2199-12-31T23:30:00+05:30"]})).is_empty());
}

/// The schema's refusal of a whole float in an integer field says what the
/// typed parse (serde) says of it: the Rust type is read back from the
/// format schemars gives each integer type the models use.
#[test]
fn float_in_integer_field_reads_as_serde_says() {
    fn check<T: serde::de::DeserializeOwned + schemars::JsonSchema + std::fmt::Debug>() {
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
        let format = schema["format"].as_str().unwrap_or_default();
        let rust = super::compile::rust_integer(format).unwrap_or_default();
        for x in [10.0, 0.0, -3.0, 1e20, 255.0] {
            let serde_says = serde_json::from_value::<T>(serde_json::json!(x))
                .map(|v| format!("accepted {v:?}"))
                .unwrap_or_else(|e| e.to_string());
            assert_eq!(
                super::walk::float_for_integer(x, &rust),
                serde_says,
                "{format}"
            );
        }
    }
    check::<u8>();
    check::<u16>();
    check::<u32>();
    check::<u64>();
    check::<usize>();
    check::<i32>();
    check::<i64>();
}

/// Names are found by their eight-byte prefix first: names that share a
/// prefix, or differ only past it or by a trailing NUL, are still told apart.
#[test]
fn names_sharing_a_prefix_are_told_apart() {
    use super::compile::{prefix, Names};
    let words = [
        "",
        "a",
        "ab",
        "ab\0",
        "ab\0c",
        "abcdefgh",
        "abcdefgh\0",
        "abcdefghi",
        "abcdefghj",
        "abcdefgi",
        "b",
        "imminent_child_marriage",
        "imminent_child_labour",
        "é",
        "zzzzzzzzzzzz",
    ];
    let mut names = Names::default();
    for (i, w) in words.iter().enumerate() {
        assert!(names.insert((*w).to_owned(), i), "{w:?}");
        assert!(!names.insert((*w).to_owned(), i), "{w:?} twice");
    }
    for (i, w) in words.iter().enumerate() {
        assert_eq!(names.get(w), Some(&i), "{w:?}");
        assert_eq!(names.get_with(w, prefix(w)), Some(&i), "{w:?}");
    }
    for absent in ["abc", "abcdefghk", "ab\0\0", "imminent_child", "\0"] {
        assert_eq!(names.get(absent), None, "{absent:?}");
    }
    // The walk's "is this the next field" test agrees with string equality.
    for a in words {
        let name = super::compile::Name::new(a.to_owned());
        for b in words {
            assert_eq!(name.is(b, prefix(b)), a == b, "{a:?} is {b:?}");
        }
    }
}
