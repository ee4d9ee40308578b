//! Every message a village worker may read is words, in English and in Hindi:
//! each code is rendered with the params of every shared vector and with a
//! synthetic full set of params, and no message may keep a `{placeholder}`, a
//! snake_case key outside the quoted user values, an unlabelled key, or (in
//! Hindi) an English word.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};
use suraksha::diagnostic::Params;
use suraksha::labels::{self, Shown};
use suraksha::{Code, Diagnostic, Locale};

/// Words allowed in Latin script inside a Hindi message.
const LATIN_IN_HINDI: &[&str] = &["JSON", "LGD", "I", "II"];

/// The message with quoted user values (`…`) removed.
fn outside_quotes(message: &str) -> String {
    message
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect()
}

fn problems(d: &Diagnostic, locale: Locale) -> Vec<String> {
    let mut found = Vec::new();
    let text = outside_quotes(&d.message);
    if text.contains('{') || text.contains('}') {
        found.push("placeholder left".to_owned());
    }
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if token.contains('_') && token.chars().any(char::is_alphabetic) {
            found.push(format!("snake_case token `{token}`"));
        }
        // A section number (`3A`, `2(a)`) may keep its letter.
        // A clause in roman numerals (`2(14)(vii)`) is part of the citation too.
        let clause = token.len() == 1 || token.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let section = token.starts_with(|c: char| c.is_ascii_digit())
            || clause && text.contains(&format!("({token})"));
        if locale == Locale::Hi
            && !section
            && token.chars().any(|c| c.is_ascii_alphabetic())
            && !LATIN_IN_HINDI.contains(&token)
        {
            found.push(format!("English word `{token}` in Hindi"));
        }
    }
    for (name, value) in &d.params {
        // Only what the message shows; other params are for programs.
        if !d.code.template(locale).contains(&format!("{{{name}}}")) {
            continue;
        }
        if let Shown::Missing(s) = labels::param(d.code, name, value, &d.path, locale) {
            found.push(format!("no label for param {name} = {s}"));
        }
    }
    found
}

fn check(code: Code, path: &str, params: &BTreeMap<String, Value>, origin: &str) -> Vec<String> {
    let mut errors = Vec::new();
    for locale in [Locale::En, Locale::Hi] {
        let p = params
            .iter()
            .fold(Params::new(), |p, (k, v)| p.with(k, v.clone()));
        let d = Diagnostic::new(code, path, p, locale);
        for problem in problems(&d, locale) {
            errors.push(format!(
                "{origin} {} ({locale:?}): {problem}: {}",
                code.as_str(),
                d.message
            ));
        }
    }
    errors
}

fn vector_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            vector_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn every_vector_message_reads_as_words_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    let mut errors = Vec::new();
    let mut rendered = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let vector: Value = serde_json::from_str(&text).unwrap();
        let Some(diags) = vector
            .pointer("/report/diagnostics")
            .and_then(Value::as_array)
        else {
            continue;
        };
        for d in diags {
            let code: Code = serde_json::from_value(d["code"].clone()).unwrap();
            let params: BTreeMap<String, Value> =
                serde_json::from_value(d["params"].clone()).unwrap_or_default();
            let path = d["path"].as_str().unwrap_or_default();
            errors.extend(check(code, path, &params, &file.display().to_string()));
            rendered += 1;
        }
    }
    assert!(rendered > 100, "only {rendered} diagnostics in the vectors");
    assert!(
        errors.is_empty(),
        "{} problem(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// A plausible value for every param name a template uses.
fn synthetic(code: Code, name: &str) -> Value {
    let date = json!("2026-11-20");
    let time = json!("2026-11-20T10:00:00+05:30");
    match (code, name) {
        (Code::WrongType, "expected") => json!("integer or string"),
        (Code::WrongType, "found") => json!("number"),
        (Code::DnaUnitMismatch, "expected") => json!("percent"),
        (Code::UnknownKind, "kind") => json!("vilage"),
        (_, "kind") => json!("dna_village"),
        (_, "field" | "later_field") => json!("identified_at"),
        (_, "earlier_field") => json!("incident_date"),
        (_, "collection") => json!("members"),
        (_, "column") => json!("marital_status"),
        (_, "concern") => json!("imminent_child_marriage"),
        (_, "destinations") => json!(["cmpo", "police"]),
        (_, "law") => json!("pcma_2006 s.13"),
        (_, "deadline" | "at" | "due") => time,
        (_, "date" | "today" | "on" | "formed" | "later" | "earlier" | "date_of_birth") => date,
        (Code::HistoryOutOfOrder, "previous") => time,
        (_, "status" | "from" | "history_status") => json!("open"),
        (_, "to") => json!("closed"),
        (_, "role") => json!("aww"),
        (_, "office") => json!("member_secretary"),
        (_, "sex") => json!("female"),
        (_, "profile") => json!("icps_generic"),
        (Code::UnknownKind, "allowed") => json!(["case", "vcpc", "dna_village"]),
        (Code::DnaUnknownTheme, "allowed") => json!(["child_marriage", "dropout"]),
        (Code::InvalidEnumValue, "allowed") => json!(["attending", "dropped_out"]),
        (Code::ColumnValueInvalid, "allowed") => json!("codes 0–2"),
        (_, "allowed") => json!(["sarpanch", "ward_member"]),
        (_, "theme") => json!("trafficking_migration"),
        (_, "group") => json!("children_group"),
        (_, "level") => json!("village"),
        (_, "unit") => json!("count"),
        (_, "source") => json!("official"),
        (_, "format") => json!("date-time"),
        (_, "value") => json!("xyz_1"),
        (_, "id") => json!("CASE_17"),
        (_, "detail") => json!("expected `u8`"),
        (_, "item") => json!("care_plan"),
        (_, "frame" | "known") => json!("jj-2016-cci"),
        (_, "op") => json!("lt"),
        (_, "range") => json!("0–120"),
        _ => json!(3),
    }
}

#[test]
fn every_code_reads_as_words_with_a_full_param_set() {
    let mut errors = Vec::new();
    for &code in Code::ALL {
        let mut params = BTreeMap::new();
        for locale in [Locale::En, Locale::Hi] {
            for name in code.template(locale).split('{').skip(1) {
                if let Some(name) = name.split('}').next() {
                    params.insert(name.to_owned(), synthetic(code, name));
                }
            }
        }
        let path = match code {
            Code::MissingField => "/identified_at",
            _ => "/x",
        };
        errors.extend(check(code, path, &params, "synthetic"));
    }
    assert!(
        errors.is_empty(),
        "{} problem(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn the_ticket_example_reads_as_a_sentence() {
    let p = || {
        Params::new()
            .with("concern", "imminent_child_marriage")
            .with("destinations", vec!["cwc"])
            .with("law", "JJ Act 2015 s.31")
    };
    let en = Diagnostic::new(Code::PathwayReferralMissing, "/referrals", p(), Locale::En);
    assert_eq!(
        en.message,
        "imminent child marriage: refer the child to Child Welfare Committee (Juvenile Justice Act 2015 s.31)"
    );
    let hi = Diagnostic::new(Code::PathwayReferralMissing, "/referrals", p(), Locale::Hi);
    assert_eq!(
        hi.message,
        "होने वाला बाल विवाह: बच्चे को बाल कल्याण समिति के पास रेफ़र करें (किशोर न्याय अधिनियम 2015 धारा 31)"
    );
}

#[test]
fn a_missing_label_is_caught() {
    // The checker itself must be able to fail.
    let d = Diagnostic::new(
        Code::PathwayReferralMissing,
        "/referrals",
        Params::new()
            .with("concern", "brand_new_concern")
            .with("destinations", vec!["cwc"])
            .with("law", "x"),
        Locale::Hi,
    );
    assert!(!problems(&d, Locale::Hi).is_empty());
}

/// Every property of every exported schema has a title in both languages, and
/// every enum is a `oneOf` of titled constants with its type.
#[test]
fn every_schema_field_and_enum_value_has_a_label() {
    fn walk(node: &Value, at: &str, gaps: &mut Vec<String>) {
        match node {
            Value::Object(obj) => {
                if let Some(Value::Object(props)) = obj.get("properties") {
                    for (k, v) in props {
                        let titled = v
                            .get("title")
                            .and_then(Value::as_str)
                            .is_some_and(|t| !t.contains('_'));
                        if !titled
                            || v.get("x-title-hi").is_none()
                            || v.get("description").is_none()
                        {
                            gaps.push(format!("{at}: field {k}"));
                        }
                    }
                }
                if obj.contains_key("enum") {
                    gaps.push(format!("{at}: bare enum"));
                }
                if let Some(Value::String(c)) = obj.get("const") {
                    if obj.get("title").is_none() || obj.get("type").is_none() {
                        gaps.push(format!("{at}: value {c}"));
                    }
                }
                for (k, v) in obj {
                    walk(v, &format!("{at}/{k}"), gaps);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, at, gaps)),
            _ => {}
        }
    }
    let mut gaps = Vec::new();
    for kind in suraksha::Kind::ALL {
        walk(kind.schema(), kind.as_str(), &mut gaps);
    }
    let mut profile = schemars::schema_for!(suraksha::RuleProfile).to_value();
    labels::label_schema(&mut profile);
    walk(&profile, "profile", &mut gaps);
    let mut report = schemars::schema_for!(suraksha::Report).to_value();
    labels::label_schema(&mut report);
    walk(&report, "report", &mut gaps);
    assert!(
        gaps.is_empty(),
        "{} unlabelled:\n{}",
        gaps.len(),
        gaps.join("\n")
    );
}
