//! The two walks over a compiled schema: [`Compiled::is_valid`], which
//! allocates nothing and stops at the first problem (the path every valid
//! record takes), and [`Compiled::diagnose`], which finds every problem with
//! its JSON Pointer path (run only for records that fail).
//!
//! Both make the same checks in the same order, so they agree on every value
//! (a property test in `tests/validate_props.rs` holds them to it). Each walk
//! visits a value once per schema branch that applies to it: alternatives are
//! decided by a discriminator (`is_valid`) or walked once each with their
//! diagnostics buffered (`diagnose`), never re-walked, so time is linear in
//! the input for our schemas. Below the record, `diagnose` first asks the
//! fast check of each part and walks only the parts that fail it.

use serde_json::Value;

use super::compile::{prefix, ty, Additional, Alternatives, Compiled, Format, Node};
use super::tree::{Leaf, Tree};
use super::Limits;
use crate::diagnostic::{Code, Params};
use crate::privacy::is_identifying_field;

/// One problem found by the diagnostic walk; rendered later by the collector.
#[derive(Debug)]
pub struct Found {
    pub code: Code,
    pub path: String,
    pub params: Params,
}

/// What the fast walk learns besides validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quick {
    /// The value meets the schema and the limits.
    pub valid: bool,
    /// Valid, and no free-text string may hold an identifying particular, so
    /// the privacy scan ([`crate::privacy::check_strings`]) would find nothing.
    /// Strings the schema pins down (a constant or enum value that scans
    /// clean, a date, a date-time without a fraction) are not free text:
    /// a test proves no such string can hold a particular.
    pub text_clean: bool,
}

/// The fast walk's state: the limits, whether to do the privacy scan (not
/// for validity alone), and whether a free-text string was flagged.
struct Fast<'a> {
    limits: &'a Limits,
    scan: bool,
    flagged: bool,
}

impl Fast<'_> {
    fn scan(&mut self, text: &str) {
        if self.scan && !self.flagged && crate::privacy::may_identify(text) {
            self.flagged = true;
        }
    }
}

/// Whether a valid string under leaf node `n` is free text the privacy scan
/// must read. Nodes that pass the value on (`$ref`, `allOf`, alternatives)
/// leave it to their targets, which see the same string.
fn free_text(n: &Node, text: &str) -> bool {
    if !n.all.is_empty() || !n.alternatives.is_empty() {
        return false;
    }
    if let Some(c) = n.enumeration.as_ref().or(n.constant.as_ref()) {
        return !c.clean;
    }
    match n.format {
        // `YYYY-MM-DD` and a date-time's digit groups are too short for any
        // particular; only a date-time's fraction joins digits into a long run.
        Some(Format::Date) => false,
        Some(Format::DateTime) => text.contains('.'),
        None => true,
    }
}

fn type_name(leaf: &Leaf<'_>) -> &'static str {
    match leaf {
        Leaf::Null => "null",
        Leaf::Bool(_) => "boolean",
        Leaf::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Leaf::Number(_) => "number",
        Leaf::String(_) => "string",
        Leaf::Array(_) => "array",
        Leaf::Object(_) => "object",
    }
}

fn leaf_type_ok(bits: u8, leaf: &Leaf<'_>) -> bool {
    let bit = match leaf {
        Leaf::Null => ty::NULL,
        Leaf::Bool(_) => ty::BOOLEAN,
        Leaf::Number(n) => {
            let integral = n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0);
            if integral {
                ty::INTEGER | ty::NUMBER
            } else {
                ty::NUMBER
            }
        }
        Leaf::String(_) => ty::STRING,
        Leaf::Array(_) => ty::ARRAY,
        Leaf::Object(_) => ty::OBJECT,
    };
    bits & bit != 0
}

/// What a string under a `format` is: a well-formed date (or date-time, by
/// its local date) in the accepted range, malformed, or a real date outside
/// [`crate::checked::EARLIEST`]..=[`crate::checked::LATEST`], which the typed
/// model's date arithmetic must never see.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Formatted {
    Ok,
    Malformed,
    OutOfRange,
}

fn format_check(format: Format, text: &str) -> Formatted {
    let date = match format {
        Format::Date => parse_date(text),
        Format::DateTime => crate::timestamp::rfc3339_local_date(text),
    };
    match date {
        None => Formatted::Malformed,
        Some(d) if crate::checked::in_range(d) => Formatted::Ok,
        Some(_) => Formatted::OutOfRange,
    }
}

/// Whether `text` is a calendar date as `%Y-%m-%d` (any year chrono can hold).
#[cfg(test)]
pub(super) fn date_ok(text: &str) -> bool {
    parse_date(text).is_some()
}

/// A calendar date as `%Y-%m-%d`. The common `YYYY-MM-DD` form is read
/// directly; anything else goes to chrono's parser, which decides as before.
fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    crate::timestamp::common_date(text)
        .or_else(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

/// What serde says of a float given to an integer field, in serde's own
/// words, so the report is the one the typed parse gave before this check.
pub(super) fn float_for_integer(x: f64, rust: &str) -> String {
    use serde::de::Error as _;
    serde_json::Error::invalid_type(serde::de::Unexpected::Float(x), &rust).to_string()
}

fn number_out_of_range(n: &Node, x: &serde_json::Number) -> bool {
    let x = x.as_f64().unwrap_or(f64::NAN);
    n.minimum.as_ref().is_some_and(|(m, _)| x < *m)
        || n.maximum.as_ref().is_some_and(|(m, _)| x > *m)
}

/// Whether a value is within the limits, whatever its schema says: the
/// fast walk's form of [`limit_broken`], which must agree with it.
fn within_limits(leaf: &Leaf<'_>, depth: u32, limits: &Limits) -> bool {
    match leaf {
        Leaf::String(s) => s.len() <= limits.max_string_bytes,
        Leaf::Array(len) | Leaf::Object(len) => {
            depth < limits.max_depth && *len <= limits.max_items
        }
        _ => true,
    }
}

/// The limit a value itself breaks, whatever its schema says.
fn limit_broken(leaf: &Leaf<'_>, depth: u32, limits: &Limits) -> Option<(Code, Params)> {
    let len = match leaf {
        Leaf::String(s) if s.len() > limits.max_string_bytes => {
            return Some((
                Code::StringTooLarge,
                Params::new()
                    .with("size", s.len())
                    .with("limit", limits.max_string_bytes),
            ))
        }
        Leaf::Array(len) | Leaf::Object(len) => *len,
        _ => return None,
    };
    if depth >= limits.max_depth {
        return Some((
            Code::NestingTooDeep,
            Params::new().with("limit", limits.max_depth),
        ));
    }
    (len > limits.max_items).then(|| {
        (
            Code::TooManyItems,
            Params::new()
                .with("count", len)
                .with("limit", limits.max_items),
        )
    })
}

/// Whether a node owns the shape of arrays or objects (so it scans what no
/// schema constrains for limits); a bare `$ref` wrapper does not.
fn owns(n: &Node, bit: u8) -> bool {
    n.types.as_ref().is_some_and(|(bits, _)| bits & bit != 0)
}

/// Whether a node says anything about objects' fields.
fn shapes_objects(n: &Node) -> bool {
    owns(n, ty::OBJECT)
        || !n.properties.is_empty()
        || !n.required.is_empty()
        || n.additional != Additional::Allow
}

impl Compiled {
    fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    /// True when `value` meets the schema and the limits. Allocates nothing.
    pub fn is_valid(&self, value: &Value, limits: &Limits) -> bool {
        let mut f = Fast {
            limits,
            scan: false,
            flagged: false,
        };
        self.visit_ok(self.root, &value, 0, &mut f)
    }

    /// The fast walk: whether `value` meets the schema and the limits, and
    /// whether any of its free-text strings may hold an identifying
    /// particular (the privacy scan done on the way, see [`Quick`]). Any
    /// [`Tree`] is read, so a front end's own values need no `Value`.
    pub fn quick<T: Tree>(&self, value: &T, limits: &Limits) -> Quick {
        let mut f = Fast {
            limits,
            scan: true,
            flagged: false,
        };
        let valid = self.visit_ok(self.root, value, 0, &mut f);
        Quick {
            valid,
            text_clean: valid && !f.flagged,
        }
    }

    fn visit_ok<T: Tree>(&self, i: usize, value: &T, depth: u32, f: &mut Fast<'_>) -> bool {
        match value.leaf() {
            Some(leaf) => {
                within_limits(&leaf, depth, f.limits) && self.ok(i, value, &leaf, depth, f)
            }
            None => false,
        }
    }

    /// [`Compiled::scan_ok`] of a value read at `depth`, its own limits first.
    fn scan_visit<T: Tree>(value: &T, depth: u32, f: &mut Fast<'_>) -> bool {
        match value.leaf() {
            Some(l) => within_limits(&l, depth, f.limits) && Self::scan_ok(value, &l, depth, f),
            None => false,
        }
    }

    /// Limits only, for values no schema node constrains (their strings are free text).
    fn scan_ok<T: Tree>(value: &T, leaf: &Leaf<'_>, depth: u32, f: &mut Fast<'_>) -> bool {
        let child_ok = |v: &T, f: &mut Fast<'_>| Self::scan_visit(v, depth + 1, f);
        match leaf {
            Leaf::String(text) => {
                f.scan(text);
                true
            }
            Leaf::Array(_) => value
                .items()
                .is_some_and(|mut items| items.all(|v| child_ok(&v, f))),
            Leaf::Object(_) => value.fields().is_some_and(|mut fields| {
                fields.all(|(k, v)| {
                    T::key(&k).is_some_and(|k| k.len() <= f.limits.max_string_bytes)
                        && child_ok(&v, f)
                })
            }),
            _ => true,
        }
    }

    fn ok<T: Tree>(
        &self,
        i: usize,
        value: &T,
        leaf: &Leaf<'_>,
        depth: u32,
        f: &mut Fast<'_>,
    ) -> bool {
        let Some(n) = self.node(i) else { return true };
        if n.any {
            return Self::scan_ok(value, leaf, depth, f);
        }
        if !n.all.iter().all(|&a| self.ok(a, value, leaf, depth, f)) {
            return false;
        }
        if !n
            .alternatives
            .iter()
            .all(|alt| self.alt_ok(alt, value, leaf, depth, f))
        {
            return false;
        }
        if let Some((bits, _)) = &n.types {
            if !leaf_type_ok(*bits, leaf) {
                return false;
            }
        }
        if n.enumeration
            .as_ref()
            .is_some_and(|e| !e.contains_leaf(leaf, value))
            || n.constant
                .as_ref()
                .is_some_and(|c| !c.contains_leaf(leaf, value))
        {
            return false;
        }
        match leaf {
            Leaf::Object(_) if shapes_objects(n) => self.object_ok(n, value, depth, f),
            Leaf::Array(len) => {
                let len = *len as u64;
                if n.min_items.is_some_and(|m| len < m) || n.max_items.is_some_and(|m| len > m) {
                    return false;
                }
                let Some(items) = value.items() else {
                    return false;
                };
                // Positional schemas first, then `items` for the rest; with
                // no `items`, an array node the schema owns scans the whole
                // list for limits and free text.
                for (at, v) in items.enumerate() {
                    let c = match (n.prefix_items.get(at), n.items) {
                        (Some(&c), _) | (None, Some(c)) => c,
                        (None, None) => break,
                    };
                    if !self.visit_ok(c, &v, depth + 1, f) {
                        return false;
                    }
                }
                n.items.is_some() || !owns(n, ty::ARRAY) || Self::scan_ok(value, leaf, depth, f)
            }
            Leaf::String(text) => {
                if n.min_length.is_some() || n.max_length.is_some() {
                    // A string has between a quarter of its bytes (UTF-8
                    // takes at most four a character) and all of them as
                    // characters: count only when those bounds do not decide.
                    let bytes = text.len() as u64;
                    let decided = n.min_length.is_none_or(|m| bytes.div_ceil(4) >= m)
                        && n.max_length.is_none_or(|m| bytes <= m);
                    let len = if decided {
                        bytes
                    } else {
                        text.chars().count() as u64
                    };
                    if n.min_length.is_some_and(|m| len < m)
                        || n.max_length.is_some_and(|m| len > m)
                    {
                        return false;
                    }
                }
                if n.format
                    .is_some_and(|fmt| format_check(fmt, text) != Formatted::Ok)
                {
                    return false;
                }
                if free_text(n, text) {
                    f.scan(text);
                }
                true
            }
            Leaf::Number(x) => {
                // A whole float in an integer-only field passes `integer` but not the model.
                let float_for_integer = n.whole.is_some() && x.is_f64();
                !number_out_of_range(n, x) && !float_for_integer
            }
            _ => true,
        }
    }

    fn object_ok<T: Tree>(&self, n: &Node, value: &T, depth: u32, f: &mut Fast<'_>) -> bool {
        // Required fields are counted as the fields go by (a map's keys are
        // distinct), so no key is hashed to look it up.
        if !n.required_defined
            && !n.required.iter().all(|r| {
                value
                    .fields()
                    .is_some_and(|mut fields| fields.any(|(k, _)| T::key(&k) == Some(r.as_str())))
            })
        {
            return false;
        }
        let Some(mut fields) = value.fields() else {
            return false;
        };
        let mut required = 0usize;
        // Records usually list their fields in the schema's order, skipping
        // the optional ones they lack: the fields after the last one found
        // are tried first (an integer compare each), before the bisection.
        let mut next = 0usize;
        let fields_ok = fields.all(|(key, v)| {
            let Some(key) = T::key(&key) else {
                return false;
            };
            if key.len() > f.limits.max_string_bytes {
                return false;
            }
            let key_prefix = prefix(key);
            let ahead = n.properties.get(next..).and_then(|rest| {
                let skip = rest
                    .iter()
                    .position(|(name, ..)| name.is(key, key_prefix))?;
                Some(next + skip)
            });
            let at = ahead.or_else(|| n.property_index.get_with(key, key_prefix).copied());
            match at.and_then(|at| Some((at, n.properties.get(at)?))) {
                Some((at, &(_, c, is_required))) => {
                    next = at + 1;
                    required += usize::from(is_required);
                    self.visit_ok(c, &v, depth + 1, f)
                }
                None => match n.additional {
                    Additional::Deny => false,
                    Additional::Schema(c) => self.visit_ok(c, &v, depth + 1, f),
                    Additional::Allow if owns(n, ty::OBJECT) => Self::scan_visit(&v, depth + 1, f),
                    Additional::Allow => true,
                },
            }
        });
        fields_ok && (!n.required_defined || required == n.required_count)
    }

    fn alt_ok<T: Tree>(
        &self,
        alt: &Alternatives,
        value: &T,
        leaf: &Leaf<'_>,
        depth: u32,
        f: &mut Fast<'_>,
    ) -> bool {
        if let (Some(strings), Some(props)) = (&alt.by_string, &alt.by_property) {
            return match leaf {
                Leaf::String(s) => {
                    let known = strings.contains_key(s);
                    if known && !alt.strings_clean {
                        f.scan(s);
                    }
                    known
                }
                Leaf::Null => alt.null_ok,
                Leaf::Object(1) => value
                    .fields()
                    .and_then(|mut fields| fields.next())
                    .and_then(|(k, _)| T::key(&k).and_then(|k| props.get(k)).copied())
                    .is_some_and(|b| self.ok(b, value, leaf, depth, f)),
                _ => false,
            };
        }
        let mut passing = alt
            .branches
            .iter()
            .filter(|&&b| self.ok(b, value, leaf, depth, f));
        match (alt.exactly_one, passing.next()) {
            (_, None) => false,
            (false, Some(_)) => true,
            (true, Some(_)) => passing.next().is_none(),
        }
    }

    /// Every problem of `value`, in the order the checks run, with paths.
    pub fn diagnose(&self, value: &Value, limits: &Limits) -> Vec<Found> {
        // A `Value` always has a JSON form, so its walk always finishes.
        self.diagnose_tree(&value, limits).unwrap_or_else(|| {
            vec![Found {
                code: Code::InvalidValue,
                path: String::new(),
                params: Params::new().with("detail", "a value without a JSON form"),
            }]
        })
    }

    /// [`Compiled::diagnose`] for any [`Tree`]: `None` when the walk met a
    /// value without a JSON form, which the caller must convert to learn more.
    pub fn diagnose_tree<T: Tree>(&self, value: &T, limits: &Limits) -> Option<Vec<Found>> {
        let mut w = Walker {
            schema: self,
            limits,
            path: String::new(),
            out: Vec::new(),
            unreadable: false,
        };
        let leaf = value.leaf()?;
        // The record itself is walked without the pruning check: callers
        // come here once the fast walk has failed, and the property tests
        // hold the two walks together on values of every kind.
        match limit_broken(&leaf, 0, limits) {
            Some((code, params)) => w.push(code, params),
            None => w.walk_failing(self.root, value, &leaf, 0),
        }
        (!w.unreadable).then_some(w.out)
    }
}

struct Walker<'a> {
    schema: &'a Compiled,
    limits: &'a Limits,
    /// The pointer of the value being walked; segments are pushed and popped.
    path: String,
    out: Vec<Found>,
    /// A value without a JSON form was met: the findings are incomplete.
    unreadable: bool,
}

/// A leaf as the JSON value a diagnostic quotes; a container's comes from
/// the tree, `None` when it has no JSON form.
fn leaf_value<T: Tree>(leaf: &Leaf<'_>, value: &T) -> Option<Value> {
    Some(match leaf {
        Leaf::Null => Value::Null,
        Leaf::Bool(b) => Value::Bool(*b),
        Leaf::Number(x) => Value::Number(x.clone()),
        Leaf::String(s) => Value::String((*s).to_owned()),
        Leaf::Array(_) | Leaf::Object(_) => return value.to_value(),
    })
}

impl Walker<'_> {
    fn push(&mut self, code: Code, params: Params) {
        self.out.push(Found {
            code,
            path: self.path.clone(),
            params,
        });
    }

    /// Run `f` with `segment` appended to the path.
    fn at(&mut self, segment: &str, f: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        self.path.push('/');
        for c in segment.chars() {
            match c {
                '~' => self.path.push_str("~0"),
                '/' => self.path.push_str("~1"),
                c => self.path.push(c),
            }
        }
        f(self);
        self.path.truncate(len);
    }

    /// A key's text, or `None` (and the walk marked incomplete) when it has none.
    fn key<'k, T: Tree>(&mut self, key: &'k T::Key) -> Option<&'k str> {
        let text = T::key(key);
        self.unreadable |= text.is_none();
        text
    }

    /// The value's leaf, limits first, then node `i`'s checks.
    fn visit<T: Tree>(&mut self, i: usize, value: &T, depth: u32) {
        let Some(leaf) = value.leaf() else {
            self.unreadable = true;
            return;
        };
        match limit_broken(&leaf, depth, self.limits) {
            Some((code, params)) => self.push(code, params),
            None => self.walk(i, value, &leaf, depth),
        }
    }

    fn scan<T: Tree>(&mut self, value: &T, leaf: &Leaf<'_>, depth: u32) {
        match leaf {
            Leaf::Array(_) => {
                for (idx, v) in value.items().into_iter().flatten().enumerate() {
                    self.at(&idx.to_string(), |w| w.scan_child(&v, depth + 1));
                }
            }
            Leaf::Object(_) => {
                for (k, v) in value.fields().into_iter().flatten() {
                    let Some(key) = self.key::<T>(&k) else { return };
                    self.at(key, |w| w.scan_child_keyed(key, &v, depth + 1));
                }
            }
            _ => {}
        }
    }

    fn scan_child<T: Tree>(&mut self, v: &T, depth: u32) {
        let Some(leaf) = v.leaf() else {
            self.unreadable = true;
            return;
        };
        match limit_broken(&leaf, depth, self.limits) {
            Some((code, params)) => self.push(code, params),
            None => self.scan(v, &leaf, depth),
        }
    }

    fn scan_child_keyed<T: Tree>(&mut self, key: &str, v: &T, depth: u32) {
        if key.len() > self.limits.max_string_bytes {
            self.key_too_large(key);
        } else {
            self.scan_child(v, depth);
        }
    }

    fn key_too_large(&mut self, key: &str) {
        let params = Params::new()
            .with("size", key.len())
            .with("limit", self.limits.max_string_bytes);
        // The key itself is too large to repeat in a path.
        let len = self.path.len();
        self.path.truncate(len.saturating_sub(key.len() + 1));
        self.push(Code::StringTooLarge, params);
        self.path.truncate(len);
    }

    fn walk<T: Tree>(&mut self, i: usize, value: &T, leaf: &Leaf<'_>, depth: u32) {
        // Most of a failing record is valid: the allocation-free check skips
        // each part that passes, so only the failing parts build diagnostics
        // (an alternative's passing branch, a valid field, never pays for a
        // message). Along the one failing chain this re-reads subtrees at most
        // once per level, and levels are bounded by `max_depth`.
        let mut fast = Fast {
            limits: self.limits,
            scan: false,
            flagged: false,
        };
        if !self.schema.ok(i, value, leaf, depth, &mut fast) {
            self.walk_failing(i, value, leaf, depth);
        }
    }

    /// The checks of node `i` on a value known (or, for the record itself,
    /// taken) to fail it, each part walked with [`Walker::walk`].
    fn walk_failing<T: Tree>(&mut self, i: usize, value: &T, leaf: &Leaf<'_>, depth: u32) {
        let schema = self.schema;
        let Some(n) = schema.node(i) else { return };
        if n.any {
            self.scan(value, leaf, depth);
            return;
        }
        for &a in &n.all {
            self.walk(a, value, leaf, depth);
        }
        for alt in &n.alternatives {
            self.alternatives(alt, value, leaf, depth);
        }
        if let Some((bits, expected)) = &n.types {
            if !leaf_type_ok(*bits, leaf) {
                let params = Params::new()
                    .with("expected", expected.as_str())
                    .with("found", type_name(leaf));
                self.push(Code::WrongType, params);
                return; // nothing below is meaningful for a value of the wrong type
            }
        }
        for consts in [&n.enumeration, &n.constant].into_iter().flatten() {
            if !consts.contains_leaf(leaf, value) {
                self.invalid_enum(leaf, value, consts.values.clone());
            }
        }
        match leaf {
            Leaf::Object(_) if shapes_objects(n) => self.object(n, value, depth),
            Leaf::Array(len) => {
                let len = *len as u64;
                if let Some(min) = n.min_items.filter(|&m| len < m) {
                    self.push(Code::TooShort, Params::new().with("minimum", min));
                }
                if let Some(max) = n.max_items.filter(|&m| len > m) {
                    self.push(Code::TooLong, Params::new().with("maximum", max));
                }
                // Positional schemas first, then `items` for the rest.
                for (idx, v) in value.items().into_iter().flatten().enumerate() {
                    let c = match (n.prefix_items.get(idx), n.items) {
                        (Some(&c), _) | (None, Some(c)) => c,
                        (None, None) => break,
                    };
                    self.at(&idx.to_string(), |w| w.visit(c, &v, depth + 1));
                }
                if n.items.is_none() && owns(n, ty::ARRAY) {
                    self.scan(value, leaf, depth);
                }
            }
            Leaf::String(text) => {
                if n.min_length.is_some() || n.max_length.is_some() {
                    let len = text.chars().count() as u64;
                    if let Some(min) = n.min_length.filter(|&m| len < m) {
                        self.push(Code::TooShort, Params::new().with("minimum", min));
                    }
                    if let Some(max) = n.max_length.filter(|&m| len > m) {
                        self.push(Code::TooLong, Params::new().with("maximum", max));
                    }
                }
                if let Some(f) = n.format {
                    match format_check(f, text) {
                        Formatted::Ok => {}
                        Formatted::Malformed => {
                            let params =
                                Params::new().with("value", *text).with("format", f.name());
                            self.push(Code::InvalidFormat, params);
                        }
                        Formatted::OutOfRange => {
                            let params = Params::new()
                                .with("value", *text)
                                .with("range", crate::checked::range_text());
                            self.push(Code::DateOutOfRange, params);
                        }
                    }
                }
            }
            Leaf::Number(x) if number_out_of_range(n, x) => {
                let lo = n.minimum.as_ref().map(|(_, v)| v.clone());
                let hi = n.maximum.as_ref().map(|(_, v)| v.clone());
                let range = match (&lo, &hi) {
                    (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
                    (Some(lo), None) => format!("≥ {lo}"),
                    (None, Some(hi)) => format!("≤ {hi}"),
                    (None, None) => String::new(),
                };
                let params = Params::new()
                    .with("value", Value::Number(x.clone()))
                    .with("minimum", lo.unwrap_or(Value::Null))
                    .with("maximum", hi.unwrap_or(Value::Null))
                    .with("range", range);
                self.push(Code::OutOfRange, params);
            }
            Leaf::Number(x) => {
                if let (Some(rust), Some(f)) = (&n.whole, x.as_f64().filter(|_| x.is_f64())) {
                    let params = Params::new().with("detail", float_for_integer(f, rust));
                    self.push(Code::InvalidValue, params);
                }
            }
            _ => {}
        }
    }

    fn invalid_enum<T: Tree>(&mut self, leaf: &Leaf<'_>, value: &T, allowed: Vec<Value>) {
        let Some(value) = leaf_value(leaf, value) else {
            self.unreadable = true;
            return;
        };
        let params = Params::new()
            .with("value", value)
            .with("allowed", Value::Array(allowed));
        self.push(Code::InvalidEnumValue, params);
    }

    fn object<T: Tree>(&mut self, n: &Node, value: &T, depth: u32) {
        // Gathered once: the required fields are looked up among them.
        let fields: Vec<(T::Key, T)> = value.fields().into_iter().flatten().collect();
        for field in &n.required {
            if !fields
                .iter()
                .any(|(k, _)| T::key(k) == Some(field.as_str()))
            {
                self.at(field, |w| {
                    w.push(
                        Code::MissingField,
                        Params::new().with("field", field.as_str()),
                    )
                });
            }
        }
        for (k, v) in &fields {
            let Some(key) = self.key::<T>(k) else { return };
            if key.len() > self.limits.max_string_bytes {
                self.at(key, |w| w.key_too_large(key));
                continue;
            }
            self.at(key, |w| match n.property(key) {
                Some(c) => w.visit(c, v, depth + 1),
                None => match n.additional {
                    Additional::Deny => {
                        let code = if is_identifying_field(key) {
                            Code::IdentifyingField
                        } else {
                            Code::UnknownField
                        };
                        w.push(code, Params::new().with("field", key));
                    }
                    Additional::Schema(c) => w.visit(c, v, depth + 1),
                    Additional::Allow if owns(n, ty::OBJECT) => w.scan_child(v, depth + 1),
                    Additional::Allow => {}
                },
            });
        }
    }

    /// Walk each branch once, buffering its diagnostics; keep none if a branch
    /// passes, else one message for constants or the closest branch's problems.
    /// A value whose tag names a branch is walked against that branch alone.
    fn alternatives<T: Tree>(
        &mut self,
        alt: &Alternatives,
        value: &T,
        leaf: &Leaf<'_>,
        depth: u32,
    ) {
        // An externally tagged value names its branch: report against that one.
        if let (Some(props), Leaf::Object(1)) = (&alt.by_property, leaf) {
            let first = value.fields().and_then(|mut fields| fields.next());
            let tagged = first.as_ref().and_then(|(k, _)| T::key(k));
            if let Some(&b) = tagged.and_then(|k| props.get(k)) {
                self.walk(b, value, leaf, depth);
                return;
            }
        }
        let mut found: Vec<Vec<Found>> = Vec::with_capacity(alt.branches.len());
        for &b in &alt.branches {
            let mark = self.out.len();
            self.walk(b, value, leaf, depth);
            found.push(self.out.split_off(mark));
        }
        let passing = found.iter().filter(|f| f.is_empty()).count();
        if passing == 1 || (passing > 1 && !alt.exactly_one) {
            return;
        }
        if passing > 1 {
            let params =
                Params::new().with("detail", "the value matches more than one alternative");
            self.push(Code::InvalidValue, params);
            return;
        }
        if let Some(allowed) = &alt.constants {
            self.invalid_enum(leaf, value, allowed.clone());
            return;
        }
        // A nullable value (`T` or null) fails only on `T`; otherwise report the
        // branch that came closest, which is what a person most likely meant.
        let best = found
            .into_iter()
            .zip(&alt.null_branch)
            .filter(|(_, &null)| !null)
            .map(|(f, _)| f)
            .min_by_key(Vec::len);
        if let Some(f) = best {
            self.out.extend(f);
        }
    }
}
