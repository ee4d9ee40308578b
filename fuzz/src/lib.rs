//! The fuzz harness of suraksha: one function per fuzz target, shared by the
//! cargo-fuzz binaries (`fuzz/fuzz_targets/`) and by the ordinary test
//! `core/tests/fuzz_regressions.rs`, which replays every saved finding in
//! `fuzz/regressions/<target>/` without nightly.
//!
//! Inputs are structure-aware: the fuzzer's bytes drive choices (through
//! `arbitrary::Unstructured`) that build JSON from each kind's own JSON Schema
//! or mutate the shared vectors' inputs, so dates and numbers reach their
//! extremes (year ±262 143, `u64::MAX`, day counts of four billion) far more
//! often than random bytes would. Every target checks the report's own
//! invariants besides "no panic".
#![allow(dead_code)] // the regression test uses every target, a fuzz binary only one

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::Unstructured;
use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use suraksha::indicators::{self, AgeBands, Catalogue, Engine, Group, RosterColumns};
use suraksha::{api, tasks, workflow, Context, Kind, Locale, Options, Report, RuleProfile};

/// A fuzz target: bytes in, a panic on a finding.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name (the names of `fuzz/fuzz_targets/*.rs` and of
/// the folders in `fuzz/regressions/`).
pub const TARGETS: &[(&str, Target)] = &[
    ("validate_str", validate_str),
    ("validate_value", validate_value),
    ("transition", transition),
    ("scoring", scoring),
    ("roster", roster),
    ("indicators", indicators),
    ("suppress", suppress),
];

// ---------------------------------------------------------------- samples

/// Inputs of the shared vectors (and the example records), by kind: the seeds
/// that mutation starts from, so deep rules are reached.
fn samples() -> &'static BTreeMap<Kind, Vec<Value>> {
    static SAMPLES: OnceLock<BTreeMap<Kind, Vec<Value>>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut by_kind: BTreeMap<Kind, Vec<Value>> = BTreeMap::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut files = Vec::new();
        collect(&root, &mut files);
        files.sort();
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            let Ok(v) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let kind = v["kind"]
                .as_str()
                .and_then(|k| Kind::parse(k, Locale::En).ok());
            if let (Some(kind), Some(input)) = (kind, v.get("input")) {
                by_kind.entry(kind).or_default().push(input.clone());
            }
        }
        for (kind, text) in [
            (Kind::Case, include_str!("../../examples/records/case.json")),
            (Kind::Vcpc, include_str!("../../examples/records/vcpc.json")),
            (
                Kind::Referral,
                include_str!("../../examples/records/referral.json"),
            ),
        ] {
            if let Ok(v) = serde_json::from_str(text) {
                by_kind.entry(kind).or_default().push(v);
            }
        }
        by_kind
    })
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn default_profile_value() -> &'static Value {
    static P: OnceLock<Value> = OnceLock::new();
    P.get_or_init(|| serde_json::to_value(RuleProfile::default()).unwrap_or_default())
}

// ---------------------------------------------------------------- generator

/// Builds values from the fuzzer's bytes. When the bytes run out every choice
/// is the first one, so generation always ends.
pub struct Gen<'a> {
    u: Unstructured<'a>,
    /// Nodes left to build: bounds the size of any generated value.
    budget: usize,
}

const DATES: &[&str] = &[
    "2026-11-23",
    "2026-11-24",
    "2008-03-01",
    "2024-02-29",
    "2025-02-29",
    "1900-01-01",
    "1899-12-31",
    "2199-12-31",
    "2200-01-01",
    "0001-01-01",
    "9999-12-31",
    "+262142-12-31",
    "-262143-01-01",
    "2026-13-01",
    "",
];

const OFFSETS: &[&str] = &[
    "+05:30", "Z", "+00:00", "-12:00", "+14:00", "-23:59", "+23:59",
];

const STRINGS: &[&str] = &[
    "",
    "x",
    "CASE-1",
    "BIS-0412",
    "cwc",
    "police",
    "female",
    "male",
    "name",
    "address",
    "school",
    "0",
    "-1",
    "18446744073709551616",
    "1e400",
    "NaN",
    "\u{0}",
    "\u{feff}",
    "बाल कल्याण समिति",
    "{detail}",
    "~1/0",
];

impl<'a> Gen<'a> {
    /// A generator over `data`.
    pub fn new(data: &'a [u8]) -> Gen<'a> {
        Gen {
            u: Unstructured::new(data),
            budget: 400,
        }
    }

    fn byte(&mut self) -> u8 {
        self.u.arbitrary().unwrap_or(0)
    }

    fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.choose_index(n).unwrap_or(0)
    }

    /// True with probability about `percent` %.
    fn chance(&mut self, percent: u8) -> bool {
        u32::from(self.byte()) * 100 < u32::from(percent) * 256
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        if items.is_empty() {
            return None;
        }
        let i = self.below(items.len());
        items.get(i).cloned()
    }

    /// A date string, often at or past the ends of the calendar.
    pub fn date(&mut self) -> String {
        if self.chance(60) {
            return self.pick(DATES).unwrap_or_default().to_owned();
        }
        let year: i32 = self.u.int_in_range(-262_144..=262_143).unwrap_or(2026);
        let month: u32 = self.u.int_in_range(1..=12).unwrap_or(1);
        let day: u32 = self.u.int_in_range(1..=31).unwrap_or(1);
        if (0..=9999).contains(&year) {
            format!("{year:04}-{month:02}-{day:02}")
        } else {
            format!("{year:+}-{month:02}-{day:02}")
        }
    }

    /// A date-time string (RFC 3339), often at the ends of the calendar.
    pub fn date_time(&mut self) -> String {
        let date = self.date();
        let h: u32 = self.u.int_in_range(0..=23).unwrap_or(10);
        let m: u32 = self.u.int_in_range(0..=59).unwrap_or(0);
        let offset = self.pick(OFFSETS).unwrap_or("Z");
        format!("{date}T{h:02}:{m:02}:00{offset}")
    }

    /// An integer: small, at a schema bound, or at a machine limit.
    pub fn integer(&mut self, schema: &Value) -> Value {
        let bound = |k: &str| schema.get(k).and_then(Value::as_i64);
        match self.below(12) {
            0 => json!(0),
            1 => json!(1),
            2 => json!(bound("minimum").unwrap_or(0)),
            3 => json!(bound("maximum").unwrap_or(24)),
            4 => json!(bound("maximum").unwrap_or(0).saturating_add(1)),
            5 => json!(u32::MAX),
            6 => json!(u64::MAX),
            7 => json!(i64::MIN),
            8 => json!(-1),
            9 => json!(u8::MAX),
            10 => json!(1e300),
            _ => json!(self.u.arbitrary::<i64>().unwrap_or(7)),
        }
    }

    /// A number: ordinary, tiny, huge or fractional.
    pub fn number(&mut self) -> Value {
        match self.below(8) {
            0 => json!(0.0),
            1 => json!(0.5),
            2 => json!(1.0),
            3 => json!(f64::MAX),
            4 => json!(f64::MIN_POSITIVE),
            5 => json!(-1e300),
            6 => json!(u64::MAX),
            _ => {
                let x: f64 = self.u.arbitrary().unwrap_or(0.0);
                if x.is_finite() {
                    json!(x)
                } else {
                    json!(1e308)
                }
            }
        }
    }

    /// A string: from the pool, a dictionary word, or arbitrary text.
    pub fn string(&mut self) -> String {
        match self.below(4) {
            0 | 1 => self.pick(STRINGS).unwrap_or_default().to_owned(),
            2 => {
                let n = self.below(4096);
                "a".repeat(n)
            }
            _ => self.u.arbitrary::<String>().unwrap_or_default(),
        }
    }

    fn resolve<'s>(&self, root: &'s Value, schema: &'s Value) -> &'s Value {
        let mut s = schema;
        for _ in 0..8 {
            match s
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| root.pointer(p))
            {
                Some(t) => s = t,
                None => break,
            }
        }
        s
    }

    /// A value shaped by `schema` (a part of `root`), mostly valid, sometimes not.
    pub fn shaped(&mut self, root: &Value, schema: &Value, depth: usize) -> Value {
        self.budget = self.budget.saturating_sub(1);
        if self.budget == 0 || depth > 24 {
            return Value::Null;
        }
        let s = self.resolve(root, schema);
        if self.chance(3) {
            return self.any_leaf();
        }
        if let Some(c) = s.get("const") {
            return c.clone();
        }
        if let Some(options) = s.get("enum").and_then(Value::as_array) {
            return self.pick(options).unwrap_or_default();
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = s.get(key).and_then(Value::as_array) {
                let b = self.pick(branches).unwrap_or_default();
                return self.shaped(root, &b, depth + 1);
            }
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            let b = self.pick(all).unwrap_or_default();
            return self.shaped(root, &b, depth + 1);
        }
        let ty = match s.get("type") {
            Some(Value::String(t)) => t.clone(),
            Some(Value::Array(ts)) => self
                .pick(ts)
                .and_then(|t| t.as_str().map(str::to_owned))
                .unwrap_or_default(),
            _ => String::new(),
        };
        match ty.as_str() {
            "object" => self.object(root, s, depth),
            "array" => {
                let n = self.below(5);
                let items = s.get("items").cloned().unwrap_or(Value::Bool(true));
                Value::Array(
                    (0..n)
                        .map(|_| self.shaped(root, &items, depth + 1))
                        .collect(),
                )
            }
            "string" => match s.get("format").and_then(Value::as_str) {
                Some("date") => Value::String(self.date()),
                Some("date-time") => Value::String(self.date_time()),
                _ => Value::String(self.string()),
            },
            "integer" => self.integer(s),
            "number" => self.number(),
            "boolean" => Value::Bool(self.chance(50)),
            "null" => Value::Null,
            _ => self.any_leaf(),
        }
    }

    fn object(&mut self, root: &Value, s: &Value, depth: usize) -> Value {
        let mut map = Map::new();
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                let keep = if required.contains(&k.as_str()) {
                    !self.chance(3)
                } else {
                    self.chance(50)
                };
                if keep {
                    let v = self.shaped(root, sub, depth + 1);
                    map.insert(k.clone(), v);
                }
            }
        }
        if let Some(extra) = s.get("additionalProperties").filter(|a| a.is_object()) {
            for _ in 0..self.below(4) {
                let key = self.string();
                let v = self.shaped(root, extra, depth + 1);
                map.insert(key, v);
            }
        }
        if self.chance(3) {
            map.insert(self.string(), self.any_leaf());
        }
        Value::Object(map)
    }

    /// Any JSON leaf, extremes included.
    pub fn any_leaf(&mut self) -> Value {
        match self.below(8) {
            0 => Value::Null,
            1 => Value::Bool(self.chance(50)),
            2 => self.integer(&Value::Null),
            3 => self.number(),
            4 => Value::String(self.date()),
            5 => Value::String(self.date_time()),
            6 => json!([]),
            _ => Value::String(self.string()),
        }
    }

    /// Change a few leaves of `value` to extremes of their own kind (dates stay
    /// dates, numbers numbers), delete keys and grow arrays.
    pub fn mutate(&mut self, value: &mut Value, depth: usize) {
        self.budget = self.budget.saturating_sub(1);
        if self.budget == 0 || depth > 24 {
            return;
        }
        match value {
            Value::Object(map) => {
                let keys: Vec<String> = map.keys().cloned().collect();
                for k in keys {
                    match self.below(16) {
                        0 => {
                            map.remove(&k);
                        }
                        1..=5 => {
                            if let Some(v) = map.get_mut(&k) {
                                self.mutate(v, depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Value::Array(items) => {
                if !items.is_empty() && self.chance(10) {
                    let i = self.below(items.len());
                    let copy = items.get(i).cloned().unwrap_or_default();
                    let n = self.below(64);
                    items.extend(std::iter::repeat_n(copy, n));
                }
                for item in items.iter_mut() {
                    if self.chance(30) {
                        self.mutate(item, depth + 1);
                    }
                }
            }
            Value::String(s) => {
                let is_date = s.len() == 10 && s.as_bytes().get(4) == Some(&b'-');
                let is_time = s.len() > 10 && s.as_bytes().get(10) == Some(&b'T');
                *value = if is_date && self.chance(80) {
                    Value::String(self.date())
                } else if is_time && self.chance(80) {
                    Value::String(self.date_time())
                } else if self.chance(50) {
                    Value::String(self.string())
                } else {
                    self.any_leaf()
                };
            }
            Value::Number(_) => {
                *value = if self.chance(80) {
                    self.integer(&Value::Null)
                } else {
                    self.number()
                }
            }
            _ => *value = self.any_leaf(),
        }
    }

    /// A record of `kind`: a mutated vector input, or one built from the schema.
    pub fn record(&mut self, kind: Kind) -> Value {
        let pool = samples().get(&kind).map(Vec::as_slice).unwrap_or_default();
        if !pool.is_empty() && self.chance(75) {
            let mut v = self.pick(pool).unwrap_or_default();
            self.mutate(&mut v, 0);
            v
        } else {
            let schema = kind.schema();
            self.shaped(schema, schema, 0)
        }
    }

    /// A kind, any of them.
    pub fn kind(&mut self) -> Kind {
        self.pick(Kind::ALL).unwrap_or(Kind::Case)
    }

    /// A NaiveDate anywhere in chrono's range.
    pub fn naive_date(&mut self) -> NaiveDate {
        match self.below(6) {
            0 => NaiveDate::MAX,
            1 => NaiveDate::MIN,
            2 | 3 => NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            _ => {
                let days: i32 = self.u.arbitrary().unwrap_or(0);
                NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default()
            }
        }
    }

    /// A profile patch: a few numbers of the default profile set to extremes,
    /// or a subtree built from the profile schema.
    pub fn profile_patch(&mut self) -> Option<Value> {
        if self.chance(40) {
            return None;
        }
        let mut p = default_profile_value().clone();
        if self.chance(30) {
            let schema = profile_schema();
            let sub = self.shaped(schema, schema, 0);
            return Some(sub);
        }
        self.mutate(&mut p, 0);
        Some(p)
    }

    /// A context, either through `Options` (as the bindings build it) or by hand
    /// (as a Rust caller may: any date, a profile bypassing the schema bounds).
    pub fn context(&mut self) -> Option<Context<'static>> {
        let locale = if self.chance(50) {
            Locale::En
        } else {
            Locale::Hi
        };
        if self.chance(50) {
            let opts = Options {
                locale,
                today: Some(self.naive_date()),
                profile: self.profile_patch(),
                ..Options::default()
            };
            match opts.context() {
                Ok(ctx) => Some(ctx),
                Err(r) => {
                    check_report(&r);
                    assert!(!r.valid, "a refused context must carry an error");
                    None
                }
            }
        } else {
            let profile = match self.profile_patch() {
                Some(p) => serde_json::from_value::<RuleProfile>(p).ok()?,
                None => RuleProfile::default(),
            };
            Some(Context {
                profile: Cow::Owned(profile),
                today: self.naive_date(),
                locale,
                limits: Default::default(),
            })
        }
    }
}

fn profile_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| schemars::schema_for!(RuleProfile).to_value())
}

// ---------------------------------------------------------------- invariants

/// What every report must satisfy besides existing.
pub fn check_report(r: &Report) {
    assert_eq!(
        r.valid,
        r.errors().next().is_none(),
        "valid must mean no error"
    );
    for d in &r.diagnostics {
        assert!(
            d.path.is_empty() || d.path.starts_with('/'),
            "path {:?} is not a JSON Pointer",
            d.path
        );
        assert!(!d.message.is_empty(), "empty message for {:?}", d.code);
    }
    assert!(serde_json::to_string(r).is_ok());
}

// ---------------------------------------------------------------- targets

/// Any bytes, as text, into `validate_str` of any kind.
pub fn validate_str(data: &[u8]) {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let kind = Kind::ALL
        .get(usize::from(k) % Kind::ALL.len())
        .copied()
        .unwrap_or(Kind::Case);
    let text = String::from_utf8_lossy(rest);
    let ctx = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        locale: if k & 0x80 == 0 {
            Locale::En
        } else {
            Locale::Hi
        },
        ..Options::default()
    }
    .context();
    if let Ok(ctx) = ctx {
        // Text that is not JSON is unusable input, itself a coded report.
        match api::validate_str(kind, &text, &ctx) {
            Ok(report) => check_report(&report),
            Err(e) => check_report(e.report()),
        }
    }
}

/// Structure-aware records of every kind, under any context.
pub fn validate_value(data: &[u8]) {
    let mut g = Gen::new(data);
    let kind = g.kind();
    let record = g.record(kind);
    let Some(ctx) = g.context() else {
        return;
    };
    let report = api::validate(kind, &record, &ctx);
    check_report(&report);
    // The same record as text gives the same report.
    if let Ok(text) = serde_json::to_string(&record) {
        assert_eq!(api::validate_str(kind, &text, &ctx).ok(), Some(report));
    }
}

/// Transitions of cases and referrals.
pub fn transition(data: &[u8]) {
    let mut g = Gen::new(data);
    let kind = if g.chance(50) {
        Kind::Case
    } else {
        Kind::Referral
    };
    let record = g.record(kind);
    let transition = if kind == Kind::Case {
        let s = schemars::schema_for!(workflow::CaseTransition).to_value();
        g.shaped(&s, &s, 0)
    } else {
        let s = schemars::schema_for!(workflow::ReferralTransition).to_value();
        g.shaped(&s, &s, 0)
    };
    let Some(ctx) = g.context() else {
        return;
    };
    match workflow::apply_transition(kind, &record, &transition, &ctx) {
        Ok(next) => {
            // The new record is itself valid.
            let r = api::validate(kind, &next, &ctx);
            check_report(&r);
            assert!(r.valid, "a transition produced an invalid record: {r}");
        }
        Err(r) => {
            check_report(&r);
            assert!(!r.valid || r.diagnostics.is_empty() || r.errors().next().is_none());
        }
    }
}

/// Triage, functionality and tasks with arbitrary options and profile patches.
pub fn scoring(data: &[u8]) {
    let mut g = Gen::new(data);
    let case = g.record(Kind::Case);
    let vcpc = g.record(Kind::Vcpc);
    let referral = g.record(Kind::Referral);
    let Some(ctx) = g.context() else {
        return;
    };
    if let Ok(t) = api::triage(&case, &ctx) {
        assert!(t.reasons.iter().all(|r| r.level <= t.level));
    }
    if let Ok(f) = api::functionality(&vcpc, &ctx) {
        assert!(f.score.is_finite(), "score {}", f.score);
    }
    for (kind, v) in [(Kind::Case, &case), (Kind::Referral, &referral)] {
        if let Ok(ts) = tasks::tasks(kind, v, &ctx) {
            for t in ts {
                assert_eq!(
                    t.state == tasks::TaskState::Overdue,
                    t.days_overdue > 0,
                    "{t:?}"
                );
            }
        }
    }
}

/// The roster reader (CSV and NDJSON, as text or from generated rows), then
/// the indicator engine on what it accepted.
pub fn roster(data: &[u8]) {
    let mut g = Gen::new(data);
    let ctx = Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        ..Options::default()
    }
    .context();
    let Ok(ctx) = ctx else {
        return;
    };
    let text = match g.below(3) {
        0 => g.u.arbitrary::<String>().unwrap_or_default(),
        1 => {
            let n = g.below(8);
            (0..n)
                .map(|_| serde_json::to_string(&g.record(Kind::RosterRow)).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => {
            // CSV: the real header, then generated cells.
            let mut t = indicators::CSV_COLUMNS.join(",");
            for _ in 0..g.below(8) {
                t.push('\n');
                let cells: Vec<String> = indicators::CSV_COLUMNS
                    .iter()
                    .map(|_| match g.any_leaf() {
                        Value::String(s) => s.replace([',', '\n', '"'], " "),
                        Value::Null => String::new(),
                        v => v.to_string(),
                    })
                    .collect();
                t.push_str(&cells.join(","));
            }
            t
        }
    };
    match indicators::read_roster(&text, &ctx) {
        Ok((cols, rejected)) => {
            assert!(cols.check_lengths().is_ok());
            for r in &rejected {
                let _ = serde_json::to_string(r);
            }
            run_engine(&mut g, &Catalogue::builtin().ok(), &cols);
        }
        Err(r) => check_report(&r),
    }
}

fn run_engine(g: &mut Gen<'_>, catalogue: &Option<Catalogue>, cols: &RosterColumns) {
    let Some(catalogue) = catalogue else {
        return;
    };
    let Ok(engine) = Engine::new(catalogue, AgeBands::default()) else {
        return;
    };
    let Ok(partial) = engine.accumulate(cols) else {
        return;
    };
    let schema = schemars::schema_for!(indicators::TableOptions).to_value();
    let opts_value = g.shaped(&schema, &schema, 0);
    let opts = suraksha::validate::parse_typed::<indicators::TableOptions>(&opts_value, Locale::En)
        .unwrap_or_default();
    if let Ok(tables) = partial.tables(catalogue, &opts) {
        for row in tables.iter().flat_map(|t| &t.rows) {
            // A hidden cell publishes no count and no rate.
            if row.suppressed {
                assert!(row.numerator.is_none() && row.value.is_none(), "{row:?}");
            }
        }
    }
    // A partial merged with itself counts twice, saturating.
    if let Ok(twice) = partial.merge(&partial) {
        assert!(twice.rows >= partial.rows);
    }
}

/// Indicator catalogues (mutated built-in or built from the schema) and
/// partial aggregates as JSON, through the engine.
pub fn indicators(data: &[u8]) {
    let mut g = Gen::new(data);
    let catalogue_value = g.record(Kind::IndicatorCatalogue);
    let catalogue = Catalogue::from_value(&catalogue_value).ok();
    let cols = indicators::generate::roster_columns(u64::from(g.byte()), 2);
    run_engine(&mut g, &catalogue, &cols);
    // Two partials from JSON, merged.
    let a = g.record(Kind::IndicatorPartial);
    let b = g.record(Kind::IndicatorPartial);
    let parse =
        |v: &Value| suraksha::validate::parse_typed::<indicators::Partial>(v, Locale::En).ok();
    if let (Some(a), Some(b)) = (parse(&a), parse(&b)) {
        if let Ok(m) = a.merge(&b) {
            if let Some(c) = catalogue.as_ref() {
                let _ = m.tables(c, &indicators::TableOptions::default());
            }
        }
    }
}

/// Small-cell suppression on arbitrary cells and groups: what it hides leaves
/// no group with exactly one hidden member.
pub fn suppress(data: &[u8]) {
    let mut g = Gen::new(data);
    let n = g.below(24);
    let cells: Vec<indicators::Count> = (0..n)
        .map(|_| {
            let big = g.chance(10);
            let d: u64 = if big {
                g.u.arbitrary().unwrap_or(0)
            } else {
                u64::from(g.byte())
            };
            let num = if big {
                g.u.arbitrary().unwrap_or(0)
            } else {
                u64::from(g.byte()).min(d)
            };
            indicators::Count {
                numerator: num,
                denominator: d,
                ..Default::default()
            }
        })
        .collect();
    let groups: Vec<Group> = (0..g.below(8))
        .map(|_| Group {
            total: g.below(n + 2),
            children: (0..g.below(6)).map(|_| g.below(n + 2)).collect(),
        })
        .collect();
    let rule = indicators::Suppression {
        enabled: !g.chance(10),
        threshold: Some(match g.below(4) {
            0 => u64::MAX,
            1 => 0,
            _ => u64::from(g.byte()),
        }),
        complement: Some(g.chance(50)),
        protection: if g.chance(50) {
            None
        } else {
            Some(u64::from(g.byte()))
        },
    };
    let hidden = indicators::suppress(&cells, &groups, &rule);
    assert_eq!(hidden.len(), cells.len());
    for (c, h) in cells.iter().zip(&hidden) {
        if rule.primary(*c) {
            assert!(*h, "a primary cell is shown: {c:?}");
        }
    }
    // The guarantee holds for groups that are equations: a total and at least
    // one part, all distinct cells (finding 1: a group with no part, whose
    // total alone is hidden, can never be made safe; such a group is not an
    // equation and the library's own table groups never have one).
    let well_formed = groups.iter().all(|gr| {
        let mut members: Vec<usize> = gr.children.clone();
        members.push(gr.total);
        members.sort_unstable();
        members.dedup();
        !gr.children.is_empty()
            && members.len() == gr.children.len() + 1
            && members.iter().all(|&c| c < n)
    });
    if rule.enabled && well_formed {
        assert!(
            indicators::is_safe(&cells, &groups, &hidden, &rule),
            "unsafe: {cells:?} {groups:?} {hidden:?}"
        );
    }
}
