//! The label catalogue: what a village worker reads in place of a key or a code,
//! in English and Hindi, for every field, enum value, service or authority,
//! statute and record kind. The words live as data in `labels.json` (embedded
//! at compile time) beside the code catalogue ([`crate::codes`]), so a
//! translator edits one file and never the code.
//!
//! Two users read it: the message renderer ([`crate::diagnostic`]) puts labels
//! into messages (the raw values stay in `params` for programs), and
//! [`label_schema`] writes them into the exported JSON Schemas as `title`s so a
//! schema-driven form draws every field with a human label.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::codes::Code;
use crate::terms::Locale;

/// English, Hindi, then (statutes only) the citations that name the statute.
type Entry = Vec<String>;

#[derive(Debug, Default, Deserialize)]
struct Catalogue {
    kinds: BTreeMap<String, Entry>,
    types: BTreeMap<String, Entry>,
    formats: BTreeMap<String, Entry>,
    statutes: BTreeMap<String, Entry>,
    services: BTreeMap<String, Entry>,
    values: BTreeMap<String, Entry>,
    fields: BTreeMap<String, Entry>,
}

const DATA: &str = include_str!("labels.json");

fn catalogue() -> &'static Catalogue {
    static CELL: OnceLock<Catalogue> = OnceLock::new();
    // The file is embedded and checked by a unit test; an unreadable one would
    // leave messages unlabelled rather than stop validation.
    CELL.get_or_init(|| serde_json::from_str(DATA).unwrap_or_default())
}

fn pick(entry: &Entry, locale: Locale) -> Option<&str> {
    let i = match locale {
        Locale::En => 0,
        Locale::Hi => 1,
    };
    entry.get(i).map(String::as_str)
}

fn lookup<'a>(map: &'a BTreeMap<String, Entry>, key: &str, locale: Locale) -> Option<&'a str> {
    map.get(key).and_then(|e| pick(e, locale))
}

/// The label of a field, preferring one specific to its parent (`child.id`).
pub fn field(name: &str, parent: Option<&str>, locale: Locale) -> Option<&'static str> {
    let c = catalogue();
    parent
        .and_then(|p| lookup(&c.fields, &format!("{p}.{name}"), locale))
        .or_else(|| lookup(&c.fields, name, locale))
}

/// The label of an enum value, service or authority, or record kind.
pub fn value(v: &str, locale: Locale) -> Option<&'static str> {
    let c = catalogue();
    lookup(&c.services, v, locale)
        .or_else(|| lookup(&c.values, v, locale))
        .or_else(|| lookup(&c.kinds, v, locale))
}

/// The label of a record kind.
pub fn kind(name: &str, locale: Locale) -> Option<&'static str> {
    lookup(&catalogue().kinds, name, locale)
}

/// The name of a statute by its id (`jj_2015`).
pub fn statute(id: &str, locale: Locale) -> Option<&'static str> {
    lookup(&catalogue().statutes, id, locale)
}

/// Every statute id in the catalogue.
pub fn statute_ids() -> impl Iterator<Item = &'static str> {
    catalogue().statutes.keys().map(String::as_str)
}

/// Every service or authority id in the catalogue.
pub fn service_ids() -> impl Iterator<Item = &'static str> {
    catalogue().services.keys().map(String::as_str)
}

/// A legal citation in words: a statute id or its usual abbreviation becomes
/// the statute's name (`jj_2015 s.31`, `JJ Act 2015 s.31` → "Juvenile Justice
/// Act 2015 s.31"); in Hindi a section is धारा.
pub fn law(text: &str, locale: Locale) -> String {
    let c = catalogue();
    let mut out = text.to_owned();
    'found: for (id, entry) in &c.statutes {
        let names = std::iter::once(id.as_str()).chain(entry.iter().skip(2).map(String::as_str));
        for name in names {
            if let Some(rest) = out.strip_prefix(name) {
                if rest.is_empty() || rest.starts_with([' ', ',', ';']) {
                    if let Some(label) = pick(entry, locale) {
                        out = format!("{label}{rest}");
                    }
                    break 'found;
                }
            }
        }
    }
    if locale == Locale::Hi {
        out = out.replace("s.", "धारा ").replace(" r.", " नियम ");
    }
    out
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
];

/// A date (`2026-11-20`) or date-time (RFC 3339) as people write it: "20 Nov 2026, 10:00".
pub fn date(text: &str, locale: Locale) -> Option<String> {
    let day = |d: NaiveDate| {
        let months = match locale {
            Locale::En => &MONTHS_EN,
            Locale::Hi => &MONTHS_HI,
        };
        let month = months.get(d.month0() as usize).copied().unwrap_or_default();
        format!("{} {month} {}", d.day(), d.year())
    };
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day(d));
    }
    let t = DateTime::parse_from_rfc3339(text).ok()?;
    Some(format!(
        "{}, {:02}:{:02}",
        day(t.date_naive()),
        t.hour(),
        t.minute()
    ))
}

/// A label as a title: first letter capitalised.
pub fn title(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How one param is shown in a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// Words from the catalogue (or a number, a date).
    Label(String),
    /// A value the user typed, shown as typed (the renderer quotes it).
    Raw(String),
    /// A key that should have a label and has none; shown with spaces for
    /// underscores so the message stays readable (tests treat this as a gap).
    Missing(String),
}

/// Params that quote what the user typed (or an id), never translated.
const RAW: &[&str] = &[
    "id",
    "value",
    "detail",
    "item",
    "frame",
    "known",
    "band",
    "household",
];
/// Params that name a field of the record.
const FIELDS: &[&str] = &[
    "field",
    "later_field",
    "earlier_field",
    "collection",
    "column",
];
/// Params holding dates or date-times.
const DATES: &[&str] = &[
    "due",
    "deadline",
    "at",
    "date",
    "today",
    "on",
    "formed",
    "later",
    "earlier",
    "date_of_birth",
    "previous",
];

/// True when `name` quotes the user's own input in a message of `code` (an
/// unknown key or value cannot have a label).
fn quotes_input(code: Code, name: &str) -> bool {
    RAW.contains(&name)
        || matches!(
            (code, name),
            (Code::UnknownKind, "kind")
                | (Code::UnknownProfile, "profile")
                | (Code::UnknownPathway, "pathway")
                | (Code::DnaUnknownTheme, "theme")
                | (Code::UnknownField | Code::IdentifyingField, "field")
                | (Code::PredicateUnknownField, "field")
                | (Code::ColumnValueInvalid, "allowed")
        )
}

/// The parent field of a JSON Pointer's last segment (`/child/id` → `child`),
/// skipping array indices (`/members/3/id` → `members`).
fn parent_of(path: &str) -> Option<&str> {
    let mut segs = path.split('/').filter(|s| !s.is_empty()).rev();
    segs.next()?;
    segs.find(|s| !s.chars().all(|c| c.is_ascii_digit()))
}

/// One string param in words.
fn text(code: Code, name: &str, s: &str, path: &str, locale: Locale) -> Shown {
    if quotes_input(code, name) {
        return Shown::Raw(s.to_owned());
    }
    if DATES.contains(&name) {
        if let Some(d) = date(s, locale) {
            return Shown::Label(d);
        }
    }
    if name == "range" {
        return Shown::Label(s.to_owned()); // symbols: `0–120`, `≥ 1`
    }
    if name == "law" {
        return Shown::Label(law(s, locale));
    }
    if name == "statute" {
        return statute(s, locale).map_or_else(
            || Shown::Missing(s.replace('_', " ")),
            |l| Shown::Label(l.to_owned()),
        );
    }
    let c = catalogue();
    let found = if FIELDS.contains(&name) {
        // A missing field is named at its own path, so its parent is the path's parent.
        let parent = if path.ends_with(&format!("/{s}")) {
            parent_of(path)
        } else {
            None
        };
        field(s, parent, locale)
    } else if matches!(name, "expected" | "found") && code == Code::WrongType {
        // "integer or string"
        let parts: Vec<Option<&str>> = s
            .split(" or ")
            .map(|t| lookup(&c.types, t, locale))
            .collect();
        if parts.iter().all(Option::is_some) {
            let words: Vec<&str> = parts.into_iter().flatten().collect();
            return Shown::Label(join(&words, locale));
        }
        None
    } else if name == "format" {
        lookup(&c.formats, s, locale)
    } else if name == "kind" {
        kind(s, locale).or_else(|| value(s, locale))
    } else {
        value(s, locale)
    };
    match found {
        Some(l) => Shown::Label(l.to_owned()),
        None if s.chars().any(|ch| ch == '_') || !s.is_ascii() => {
            Shown::Missing(s.replace('_', " "))
        }
        // Free words (a requirement's label, a citation) read as they are in English.
        None if locale == Locale::En || s.chars().all(|ch| !ch.is_alphabetic()) => {
            Shown::Label(s.to_owned())
        }
        None => Shown::Missing(s.to_owned()),
    }
}

/// "a, b or c" in the locale.
pub fn join(words: &[&str], locale: Locale) -> String {
    let or = match locale {
        Locale::En => " or ",
        Locale::Hi => " या ",
    };
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
    }
}

/// How the param `name` of a diagnostic `code` at `path` is shown in `locale`.
/// A list is shown as one label when every item has one.
pub fn param(code: Code, name: &str, v: &Value, path: &str, locale: Locale) -> Shown {
    match v {
        Value::String(s) => text(code, name, s, path, locale),
        Value::Bool(b) => Shown::Label(
            match (b, locale) {
                (true, Locale::En) => "yes",
                (false, Locale::En) => "no",
                (true, Locale::Hi) => "हाँ",
                (false, Locale::Hi) => "नहीं",
            }
            .to_owned(),
        ),
        Value::Array(items) => {
            let shown: Vec<Shown> = items
                .iter()
                .map(|i| param(code, name, i, path, locale))
                .collect();
            let words: Vec<String> = shown
                .iter()
                .map(|s| match s {
                    Shown::Label(l) | Shown::Missing(l) => l.clone(),
                    Shown::Raw(r) => format!("`{}`", r.replace('`', "'")),
                })
                .collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let joined = join(&refs, locale);
            if shown.iter().any(|s| matches!(s, Shown::Missing(_))) {
                Shown::Missing(joined)
            } else {
                Shown::Label(joined)
            }
        }
        Value::Null => Shown::Label("—".to_owned()),
        other => Shown::Label(other.to_string()),
    }
}

/// Write labels into a JSON Schema: a `title` (and a `description` when it has
/// none) on every property, and every enum as a `oneOf` of `const` + `title`
/// with its `"type"`, so schema-driven forms show words and draw selects.
/// Hindi titles go in `x-title-hi`.
pub fn label_schema(schema: &mut Value) {
    // The record's own fields take the record type as their parent (`case.id`).
    let root = schema.get("title").and_then(Value::as_str).map(snake);
    label_node(schema, None, root.as_deref());
}

/// `me`: this node's field name and its parent's; `scope`: the name the
/// node's own properties take as their parent (a `$defs` entry uses its type
/// name in snake_case: `Child` → `child`).
fn label_node(node: &mut Value, me: Option<(&str, Option<&str>)>, scope: Option<&str>) {
    match node {
        Value::Object(obj) => {
            if let Some((field_name, parent)) = me {
                if let (Some(en), Some(hi)) = (
                    field(field_name, parent, Locale::En),
                    field(field_name, parent, Locale::Hi),
                ) {
                    obj.insert("title".into(), title(en).into());
                    obj.insert("x-title-hi".into(), hi.into());
                    if !obj.contains_key("description") {
                        obj.insert("description".into(), title(en).into());
                    }
                }
            }
            label_enum(obj);
            label_nullable(obj);
            for (k, v) in obj.iter_mut() {
                match (k.as_str(), v) {
                    ("properties", Value::Object(props)) => {
                        for (pk, pv) in props.iter_mut() {
                            label_node(pv, Some((pk.as_str(), scope)), Some(pk.as_str()));
                        }
                    }
                    ("$defs", Value::Object(defs)) => {
                        for (dk, dv) in defs.iter_mut() {
                            label_node(dv, None, Some(&snake(dk)));
                        }
                    }
                    (_, v) => label_node(v, None, scope),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| label_node(v, None, scope)),
        _ => {}
    }
}

/// An optional value (`T` or null): the branches get titles, so a form's
/// chooser reads "Schooling" / "Not given" rather than "Option 1" / "Option 2".
fn label_nullable(obj: &mut Map<String, Value>) {
    let en = obj.get("title").cloned();
    let hi = obj.get("x-title-hi").cloned();
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = obj.get_mut(key) else {
            continue;
        };
        let is_null = |b: &Value| b.get("type").and_then(Value::as_str) == Some("null");
        if branches.len() != 2 || !branches.iter().any(is_null) {
            continue;
        }
        for b in branches.iter_mut() {
            let null = is_null(b);
            let Some(bo) = b.as_object_mut() else {
                continue;
            };
            if null {
                bo.insert("title".into(), "Not given".into());
                bo.insert("x-title-hi".into(), "नहीं दिया गया".into());
            } else if let (Some(en), Some(hi)) = (&en, &hi) {
                bo.entry("title").or_insert_with(|| en.clone());
                bo.entry("x-title-hi").or_insert_with(|| hi.clone());
            }
        }
    }
}

fn snake(type_name: &str) -> String {
    let mut out = String::new();
    for (i, ch) in type_name.chars().enumerate() {
        if ch.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(ch.to_lowercase());
    }
    out
}

fn const_title(value: &Value) -> Option<(String, String)> {
    let s = value.as_str()?;
    let en = value_or_code(s, Locale::En)?;
    let hi = value_or_code(s, Locale::Hi)?;
    Some((title(&en), hi))
}

/// A value's label; a diagnostic code (in the report schema) is titled by its message.
fn value_or_code(s: &str, locale: Locale) -> Option<String> {
    if let Some(l) = value(s, locale) {
        return Some(l.to_owned());
    }
    let code: Code = serde_json::from_value(Value::String(s.to_owned())).ok()?;
    Some(strip_placeholders(code.template(locale)))
}

fn strip_placeholders(t: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ch in t.chars() {
        match ch {
            '{' => {
                depth += 1;
                out.push('…');
            }
            '}' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn label_enum(obj: &mut Map<String, Value>) {
    if let Some(Value::Array(values)) = obj.get("enum") {
        if values.iter().all(Value::is_string) && !values.is_empty() {
            let branches: Vec<Value> = values
                .iter()
                .map(|v| {
                    let mut b = Map::new();
                    b.insert("type".into(), "string".into());
                    b.insert("const".into(), v.clone());
                    if let Some((en, hi)) = const_title(v) {
                        b.insert("title".into(), en.into());
                        b.insert("x-title-hi".into(), hi.into());
                    }
                    Value::Object(b)
                })
                .collect();
            obj.remove("enum");
            obj.insert("oneOf".into(), Value::Array(branches));
            obj.insert("type".into(), "string".into());
        }
    }
    let Some(Value::Array(branches)) = obj.get_mut("oneOf") else {
        return;
    };
    let mut all_strings = !branches.is_empty();
    for b in branches.iter_mut() {
        let Some(bo) = b.as_object_mut() else {
            all_strings = false;
            continue;
        };
        match bo.get("const").cloned() {
            Some(c @ Value::String(_)) => {
                if let Some((en, hi)) = const_title(&c) {
                    bo.insert("title".into(), en.into());
                    bo.insert("x-title-hi".into(), hi.into());
                }
            }
            _ => all_strings = false,
        }
    }
    if all_strings && !obj.contains_key("type") {
        obj.insert("type".into(), "string".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses_with_both_languages() {
        let c: Catalogue = serde_json::from_str(DATA).expect("labels.json parses");
        for map in [
            &c.kinds,
            &c.types,
            &c.formats,
            &c.statutes,
            &c.services,
            &c.values,
            &c.fields,
        ] {
            for (k, e) in map {
                assert!(e.len() >= 2 && !e[0].is_empty() && !e[1].is_empty(), "{k}");
                assert!(
                    e[1].chars()
                        .any(|ch| ('\u{0900}'..='\u{097F}').contains(&ch)),
                    "{k}: no Hindi"
                );
            }
        }
        for id in [
            "jj_2015",
            "pocso_2012",
            "pcma_2006",
            "calpra_1986",
            "rte_2009",
            "bns_2023",
            "itpa_1956",
        ] {
            assert!(statute(id, Locale::Hi).is_some(), "{id}");
        }
    }

    #[test]
    fn citations_read_as_statute_names() {
        assert_eq!(
            law("JJ Act 2015 s.31", Locale::En),
            "Juvenile Justice Act 2015 s.31"
        );
        assert_eq!(
            law("jj_2015 s.31", Locale::Hi),
            "किशोर न्याय अधिनियम 2015 धारा 31"
        );
        assert_eq!(
            law("PCMA 2006 s.13, s.16", Locale::Hi),
            "बाल विवाह प्रतिषेध अधिनियम 2006 धारा 13, धारा 16"
        );
    }

    #[test]
    fn dates_and_fields() {
        assert_eq!(
            date("2026-11-20", Locale::En).as_deref(),
            Some("20 Nov 2026")
        );
        assert_eq!(
            date("2026-11-20T10:05:00+05:30", Locale::Hi).as_deref(),
            Some("20 नवंबर 2026, 10:05")
        );
        assert_eq!(
            field("id", Some("child"), Locale::En),
            Some("child's code (never a name)")
        );
        assert_eq!(parent_of("/members/3/id"), Some("members"));
    }

    #[test]
    fn enums_become_titled_one_of() {
        let mut s = serde_json::json!({"properties": {"sex": {"enum": ["female", "male"]}}});
        label_schema(&mut s);
        let sex = &s["properties"]["sex"];
        assert_eq!(sex["title"], "Sex");
        assert_eq!(sex["type"], "string");
        assert_eq!(sex["oneOf"][0]["title"], "Female");
        assert_eq!(sex["oneOf"][1]["const"], "male");
    }
}
