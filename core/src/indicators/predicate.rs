//! A small declarative predicate language over roster fields, and its compiled
//! form that tests 64 rows at a time into a bit mask.
//!
//! ```json
//! {"all": [{"test": {"field": "sex", "op": "eq", "value": "female"}},
//!          {"test": {"field": "age", "op": "between", "value": [20, 24]}}]}
//! ```
//! Operators: `eq`, `ne`, `lt`, `le`, `gt`, `ge`, `in` (a list), `between`
//! (inclusive `[lo, hi]`), `known` (`true`/`false`). Combinators: `all`, `any`,
//! `not`. An unknown value never matches a comparison (as in SQL); only
//! `eq null`, `in [.., null]` and `known false` select it.
//!
//! Every field fits a `u8` code, so each test compiles to a 256-bit set of the
//! codes it accepts: evaluation is one bit lookup per row, whatever the operator.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::columns::{Field, RosterColumns, MISSING};
use crate::codes::Code;
use crate::diagnostic::{pointer, Diagnostic, Locale, Params, Report};

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Equal to the value (`null` selects unknown values).
    Eq,
    /// Known and not equal to the value.
    Ne,
    /// Less than (numeric fields).
    Lt,
    /// Less than or equal (numeric fields).
    Le,
    /// Greater than (numeric fields).
    Gt,
    /// Greater than or equal (numeric fields).
    Ge,
    /// One of a list of values.
    In,
    /// Between `[lo, hi]`, both included (numeric fields).
    Between,
    /// `true`: the value is known; `false`: it is unknown.
    Known,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Lt => "lt",
            Op::Le => "le",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::In => "in",
            Op::Between => "between",
            Op::Known => "known",
        }
    }
}

/// One test of a field against a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// Roster field name (e.g. `age`, `sex`, `marital_status`).
    pub field: String,
    /// Operator.
    pub op: Op,
    /// A code name (`"female"`), a number, a boolean, `null`, or a list for `in` / `between`.
    pub value: Value,
}

/// A predicate over one roster row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    /// Every predicate holds (an empty list is true).
    All(Vec<Predicate>),
    /// At least one predicate holds (an empty list is false).
    Any(Vec<Predicate>),
    /// The predicate does not hold.
    Not(Box<Predicate>),
    /// A field test.
    Test(Test),
}

impl Predicate {
    /// A field test, for building predicates in code.
    pub fn test(field: &str, op: Op, value: impl Into<Value>) -> Predicate {
        Predicate::Test(Test {
            field: field.into(),
            op,
            value: value.into(),
        })
    }
}

/// A set of `u8` codes (bit 255 is [`MISSING`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct CodeSet([u64; 4]);

impl CodeSet {
    fn insert(&mut self, c: u8) {
        if let Some(w) = self.0.get_mut(usize::from(c >> 6)) {
            *w |= 1u64 << (c & 63);
        }
    }
    fn contains(&self, c: u8) -> bool {
        self.0
            .get(usize::from(c >> 6))
            .is_some_and(|w| (w >> (c & 63)) & 1 == 1)
    }
    fn known_where(f: impl Fn(u8) -> bool) -> CodeSet {
        let mut s = CodeSet::default();
        (0..MISSING).filter(|c| f(*c)).for_each(|c| s.insert(c));
        s
    }
}

/// A compiled predicate, evaluated 64 rows at a time.
#[derive(Debug, Clone, PartialEq)]
pub enum Compiled {
    /// Conjunction.
    All(Vec<Compiled>),
    /// Disjunction.
    Any(Vec<Compiled>),
    /// Negation.
    Not(Box<Compiled>),
    /// A set of accepted codes of one field.
    Leaf(Field, [u64; 4]),
}

/// Compile a predicate; errors carry JSON Pointer paths under `base`.
pub fn compile(p: &Predicate, base: &str) -> Result<Compiled, Report> {
    let mut errors = Vec::new();
    let c = compile_into(p, base, &mut errors);
    if errors.is_empty() {
        Ok(c)
    } else {
        Err(Report::from_diagnostics(errors))
    }
}

fn compile_into(p: &Predicate, path: &str, errors: &mut Vec<Diagnostic>) -> Compiled {
    let list = |ps: &[Predicate], key: &str, errors: &mut Vec<Diagnostic>| -> Vec<Compiled> {
        let at = pointer(path, key);
        ps.iter()
            .enumerate()
            .map(|(i, q)| compile_into(q, &pointer(&at, i), errors))
            .collect()
    };
    match p {
        Predicate::All(ps) => Compiled::All(list(ps, "all", errors)),
        Predicate::Any(ps) => Compiled::Any(list(ps, "any", errors)),
        Predicate::Not(q) => {
            Compiled::Not(Box::new(compile_into(q, &pointer(path, "not"), errors)))
        }
        Predicate::Test(t) => {
            let at = pointer(path, "test");
            match compile_test(t, &at) {
                Ok(c) => c,
                Err(d) => {
                    errors.push(d);
                    Compiled::All(Vec::new())
                }
            }
        }
    }
}

fn compile_test(t: &Test, at: &str) -> Result<Compiled, Diagnostic> {
    let field = Field::parse(&t.field).ok_or_else(|| {
        Diagnostic::new(
            Code::PredicateUnknownField,
            pointer(at, "field"),
            Params::new().with("field", t.field.as_str()),
            Locale::En,
        )
    })?;
    let bad = || {
        Diagnostic::new(
            Code::PredicateBadValue,
            pointer(at, "value"),
            Params::new()
                .with("value", t.value.to_string())
                .with("field", t.field.as_str())
                .with("op", t.op.as_str()),
            Locale::En,
        )
    };
    let numeric = field.codes().is_none();
    let one = |v: &Value| code_of(field, v).ok_or_else(bad);
    let set = match (t.op, &t.value) {
        (Op::Known, Value::Bool(known)) => {
            let mut s = CodeSet::known_where(|_| *known);
            if !known {
                s.insert(MISSING);
            }
            s
        }
        (Op::Eq, v) => {
            let mut s = CodeSet::default();
            s.insert(one(v)?);
            s
        }
        (Op::Ne, v) => {
            let c = one(v)?;
            CodeSet::known_where(|x| x != c)
        }
        (Op::In, Value::Array(vs)) => {
            let mut s = CodeSet::default();
            for v in vs {
                s.insert(one(v)?);
            }
            s
        }
        (Op::Between, Value::Array(vs)) if numeric && vs.len() == 2 => {
            let (lo, hi) = match (vs.first().map(one), vs.get(1).map(one)) {
                (Some(lo), Some(hi)) => (lo?, hi?),
                _ => return Err(bad()),
            };
            CodeSet::known_where(|x| lo <= x && x <= hi)
        }
        (Op::Lt | Op::Le | Op::Gt | Op::Ge, v) if numeric => {
            let c = one(v)?;
            match t.op {
                Op::Lt => CodeSet::known_where(|x| x < c),
                Op::Le => CodeSet::known_where(|x| x <= c),
                Op::Gt => CodeSet::known_where(|x| x > c),
                _ => CodeSet::known_where(|x| x >= c),
            }
        }
        _ => return Err(bad()),
    };
    Ok(Compiled::Leaf(field, set.0))
}

/// The code a JSON value denotes for `field`; `null` is [`MISSING`].
fn code_of(field: Field, v: &Value) -> Option<u8> {
    match (v, field.codes()) {
        (Value::Null, _) => Some(MISSING),
        (Value::Number(n), names) => {
            let c = u8::try_from(n.as_u64()?).ok().filter(|c| *c != MISSING)?;
            // A numeric code of a categorical field must exist.
            names.map_or(Some(c), |ns| (usize::from(c) < ns.len()).then_some(c))
        }
        (Value::String(s), Some(names)) => names
            .iter()
            .position(|n| n == s)
            .and_then(|i| u8::try_from(i).ok()),
        (Value::Bool(b), Some(names)) if names.len() == 2 && names.first() == Some(&"false") => {
            Some(u8::from(*b))
        }
        _ => None,
    }
}

/// Test each row of `codes` against `set`: bit k of the result is row k.
fn scan<T: Copy>(rows: &[T], set: &CodeSet, code: impl Fn(T) -> u8) -> u64 {
    let mut mask = 0u64;
    for (k, &x) in rows.iter().take(64).enumerate() {
        mask |= u64::from(set.contains(code(x))) << k;
    }
    mask
}

fn slice<T>(v: &[T], start: usize, end: usize) -> &[T] {
    v.get(start..end).unwrap_or(&[])
}

/// The mask of `len` rows (`len` ≤ 64): bit k set for each row k.
pub(crate) fn rows_mask(len: usize) -> u64 {
    if len >= 64 {
        u64::MAX
    } else {
        (1u64 << len) - 1
    }
}

impl Compiled {
    /// Evaluate on rows `start..start + len` (`len` ≤ 64); bit k is row `start + k`.
    /// Rows beyond the end of a column do not match.
    pub fn eval(&self, cols: &RosterColumns, start: usize, len: usize) -> u64 {
        let full = rows_mask(len);
        let end = start + len.min(64);
        match self {
            Compiled::All(cs) => cs.iter().fold(full, |m, c| m & c.eval(cols, start, len)),
            Compiled::Any(cs) => cs.iter().fold(0, |m, c| m | c.eval(cols, start, len)),
            Compiled::Not(c) => !c.eval(cols, start, len) & full,
            Compiled::Leaf(field, bits) => {
                let set = CodeSet(*bits);
                let id = |x: u8| x;
                match field {
                    Field::Sex => scan(slice(&cols.sex, start, end), &set, id),
                    Field::Age => scan(slice(&cols.age, start, end), &set, id),
                    Field::SchoolStatus => scan(slice(&cols.school_status, start, end), &set, id),
                    Field::Work => scan(slice(&cols.work, start, end), &set, id),
                    Field::WorkHours => scan(slice(&cols.work_hours, start, end), &set, id),
                    Field::MaritalStatus => scan(slice(&cols.marital_status, start, end), &set, id),
                    Field::AgeAtMarriage => {
                        scan(slice(&cols.age_at_marriage, start, end), &set, id)
                    }
                    Field::SocialGroup => scan(slice(&cols.social_group, start, end), &set, id),
                    // An empty optional column is all unknown.
                    Field::ChoresHours if cols.chores_hours.is_empty() => {
                        if set.contains(MISSING) {
                            full
                        } else {
                            0
                        }
                    }
                    Field::ChoresHours => scan(slice(&cols.chores_hours, start, end), &set, id),
                    Field::Disability => scan(slice(&cols.disability, start, end), &set, u8::from),
                    Field::BirthRegistered => scan(
                        slice(&cols.birth_registered, start, end),
                        &set,
                        |b: Option<bool>| b.map_or(MISSING, u8::from),
                    ),
                }
            }
        }
    }

    /// Evaluate on one row (slow path, for tests and single records).
    pub fn matches(&self, cols: &RosterColumns, i: usize) -> bool {
        self.eval(cols, i, 1) & 1 == 1
    }
}
