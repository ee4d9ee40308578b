//! Compiling a JSON Schema (the subset schemars emits for our types) into a
//! tree of validator nodes, once per schema.
//!
//! Nodes live in an arena and refer to each other by index, so `$ref`s are
//! resolved ahead of time and recursive types (indicator predicates) are
//! cycles of indices. Every assertion keyword is either compiled or refused:
//! a schema using a keyword this module does not enforce fails to compile, and
//! the tests compile every embedded schema, so the core can never silently
//! ignore a keyword that ajv enforces in the browser.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::tree::{Leaf, Tree};

/// JSON types as bits, so `"type": [...]` is one mask test.
pub(super) mod ty {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const INTEGER: u8 = 4;
    pub const NUMBER: u8 = 8;
    pub const STRING: u8 = 16;
    pub const ARRAY: u8 = 32;
    pub const OBJECT: u8 = 64;
}

/// Keywords that only annotate: they never make a value invalid.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "$defs",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// Whether a keyword only annotates: the standard ones and any `x-` extension
/// (such as the Hindi titles `x-title-hi`).
fn annotation(key: &str) -> bool {
    ANNOTATIONS.contains(&key) || key.starts_with("x-")
}

/// A name with its first eight bytes as a number: two names whose numbers
/// differ differ, so most comparisons on the hot path are one integer
/// compare instead of a call to `memcmp`.
#[derive(Debug, Clone)]
pub(super) struct Name {
    pub prefix: u64,
    pub text: String,
}

/// The first eight bytes of `text`, big-endian, zero-padded: ordering these
/// numbers orders the texts, up to a tie, which the whole texts settle.
pub(super) fn prefix(text: &str) -> u64 {
    let bytes = text.as_bytes();
    match bytes.first_chunk::<8>() {
        Some(head) => u64::from_be_bytes(*head),
        // Shorter: its bytes, shifted to the top (no call to `memcpy`).
        None => {
            let value = bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
            // An empty name would shift by 64, which overflows: it is zero.
            let shift = 8 * (8 - bytes.len()) as u32;
            value.checked_shl(shift).unwrap_or(0)
        }
    }
}

impl Name {
    pub fn new(text: String) -> Name {
        Name {
            prefix: prefix(&text),
            text,
        }
    }

    /// Whether this is `key`, whose [`prefix`] is `key_prefix`.
    pub fn is(&self, key: &str, key_prefix: u64) -> bool {
        // Equal prefixes and lengths of at most eight bytes: equal texts.
        self.prefix == key_prefix
            && self.text.len() == key.len()
            && (key.len() <= 8 || self.text.as_bytes().get(8..) == key.as_bytes().get(8..))
    }

    fn order(&self, key: &str, key_prefix: u64) -> std::cmp::Ordering {
        self.prefix
            .cmp(&key_prefix)
            .then_with(|| self.text.as_str().cmp(key))
    }
}

/// A map from names to `T`, sorted once at compile time and searched by
/// bisection: no hashing on the hot path, and no allocation.
#[derive(Debug, Clone)]
pub(super) struct Names<T>(Vec<(Name, T)>);

impl<T> Default for Names<T> {
    fn default() -> Self {
        Names(Vec::new())
    }
}

impl<T> Names<T> {
    /// Add a name; false (and no change) when it is already there.
    pub fn insert(&mut self, name: String, value: T) -> bool {
        let p = prefix(&name);
        match self.0.binary_search_by(|(k, _)| k.order(&name, p)) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, (Name::new(name), value));
                true
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.get_with(name, prefix(name))
    }

    /// [`Names::get`] of a name whose [`prefix`] the caller already has.
    pub fn get_with(&self, name: &str, name_prefix: u64) -> Option<&T> {
        self.0
            .binary_search_by(|(k, _)| k.order(name, name_prefix))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// The allowed values of `enum` / `const`, with a sorted set for string lookups.
#[derive(Debug, Default)]
pub(super) struct Consts {
    pub values: Vec<Value>,
    /// Every value as a string, when all of them are strings.
    pub strings: Option<Names<()>>,
    /// No value is a string that may hold an identifying particular, so a
    /// value that matches needs no privacy scan.
    pub clean: bool,
}

impl Consts {
    fn new(values: Vec<Value>) -> Consts {
        let strings = values
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()
            .map(|list| {
                let mut set = Names::default();
                for s in list {
                    set.insert(s, ());
                }
                set
            });
        let clean = values
            .iter()
            .all(|v| v.as_str().is_none_or(|t| !crate::privacy::may_identify(t)));
        Consts {
            values,
            strings,
            clean,
        }
    }

    /// Whether a value of any tree is one of these; `leaf` is `value`'s own.
    pub fn contains_leaf<T: Tree>(&self, leaf: &Leaf<'_>, value: &T) -> bool {
        match (&self.strings, leaf) {
            (Some(set), Leaf::String(s)) => set.contains_key(s),
            (Some(_), _) => false,
            (None, Leaf::String(s)) => self.values.iter().any(|c| c.as_str() == Some(*s)),
            (None, Leaf::Null) => self.values.contains(&Value::Null),
            (None, Leaf::Bool(b)) => self.values.contains(&Value::Bool(*b)),
            (None, Leaf::Number(x)) => self.values.iter().any(|c| c.as_number() == Some(x)),
            (None, Leaf::Array(_) | Leaf::Object(_)) => {
                value.to_value().is_some_and(|v| self.values.contains(&v))
            }
        }
    }
}

/// What an object does with a property it does not define.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) enum Additional {
    /// No keyword, or `true`: anything goes.
    #[default]
    Allow,
    /// `false`: an unknown (or identifying) field.
    Deny,
    /// A schema every extra property must meet.
    Schema(usize),
}

/// String formats the core interprets; others (`uint8`, `double`) are checked by range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Format {
    Date,
    DateTime,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
        }
    }
}

/// How a branch of `anyOf`/`oneOf` can be told apart without walking it.
#[derive(Debug)]
pub(super) enum Tag {
    /// Only these string constants.
    Strings(Vec<String>),
    /// An object with exactly one required property and nothing else (an
    /// externally tagged enum variant).
    Property(String),
    /// Only `null`.
    Null,
}

/// `anyOf` / `oneOf`.
#[derive(Debug)]
pub(super) struct Alternatives {
    pub branches: Vec<usize>,
    /// True for `oneOf` whose branches may overlap: exactly one must match.
    pub exactly_one: bool,
    /// Every branch is a constant: their values, for one clear message.
    pub constants: Option<Vec<Value>>,
    /// Branches that are `"type": "null"`, skipped when reporting the closest branch.
    pub null_branch: Vec<bool>,
    /// String constant → branch and tag property → branch, when every branch is tagged.
    pub by_string: Option<Names<usize>>,
    pub by_property: Option<Names<usize>>,
    /// No string of `by_string` may hold an identifying particular.
    pub strings_clean: bool,
    pub null_ok: bool,
}

/// One compiled schema node. Checks run in the order of the fields.
#[derive(Debug, Default)]
pub(super) struct Node {
    /// `$ref` then `allOf` targets, checked against the same value.
    pub all: Vec<usize>,
    /// `anyOf` then `oneOf`.
    pub alternatives: Vec<Alternatives>,
    /// Allowed types (bits of [`ty`]) and the text naming them.
    pub types: Option<(u8, String)>,
    pub enumeration: Option<Consts>,
    pub constant: Option<Consts>,
    /// Defined properties in the schema's order: name, node, whether required.
    pub properties: Vec<(Name, usize, bool)>,
    /// Property name → its place in `properties`.
    pub property_index: Names<usize>,
    /// Every required name is a defined property: then counting the required
    /// properties met while walking the fields proves them all present.
    pub required_defined: bool,
    /// How many distinct properties are required.
    pub required_count: usize,
    pub required: Vec<String>,
    pub additional: Additional,
    pub items: Option<usize>,
    /// Positional item schemas (`prefixItems`, a tuple); `items` covers the rest.
    pub prefix_items: Vec<usize>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub format: Option<Format>,
    /// An integer-only node's Rust type as serde names it (`u8` from the
    /// schema's `uint8`): a whole number written as a float (`10.0`) passes
    /// JSON Schema's `integer` but not the typed model, so it is refused here.
    pub whole: Option<String>,
    pub minimum: Option<(f64, Value)>,
    pub maximum: Option<(f64, Value)>,
    /// No assertion at all (`true` or `{}`): the value is only scanned for limits.
    pub any: bool,
}

impl Node {
    /// The node of a defined property, by bisection of the sorted names.
    pub fn property(&self, key: &str) -> Option<usize> {
        self.property_index
            .get(key)
            .and_then(|&at| self.properties.get(at))
            .map(|p| p.1)
    }
}

/// The Rust integer type behind a schemars integer `format` (`uint8` → `u8`,
/// `uint` → `usize`), as serde's errors name it.
pub(super) fn rust_integer(format: &str) -> Option<String> {
    let (sign, bits) = if let Some(bits) = format.strip_prefix("uint") {
        ("u", bits)
    } else {
        ("i", format.strip_prefix("int")?)
    };
    match bits {
        "" => Some(format!("{sign}size")),
        "8" | "16" | "32" | "64" | "128" => Some(format!("{sign}{bits}")),
        _ => None,
    }
}

/// A compiled schema: the arena and its root.
#[derive(Debug)]
pub struct Compiled {
    pub(super) nodes: Vec<Node>,
    pub(super) root: usize,
}

struct Compiler<'a> {
    defs: Option<&'a Map<String, Value>>,
    nodes: Vec<Node>,
    by_def: HashMap<String, usize>,
}

/// Compile a root schema (with `$defs`). The error names what is not supported.
pub fn compile(root: &Value) -> Result<Compiled, String> {
    let mut c = Compiler {
        defs: root.get("$defs").and_then(Value::as_object),
        nodes: Vec::new(),
        by_def: HashMap::new(),
    };
    let root = c.node(root)?;
    Ok(Compiled {
        nodes: c.nodes,
        root,
    })
}

fn type_bit(name: &str) -> Result<u8, String> {
    Ok(match name {
        "null" => ty::NULL,
        "boolean" => ty::BOOLEAN,
        "integer" => ty::INTEGER,
        "number" => ty::NUMBER,
        "string" => ty::STRING,
        "array" => ty::ARRAY,
        "object" => ty::OBJECT,
        other => return Err(format!("unknown type `{other}`")),
    })
}

fn count(s: &Map<String, Value>, key: &str) -> Result<Option<u64>, String> {
    match s.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .map(Some)
            .ok_or_else(|| format!("`{key}` must be a non-negative integer")),
    }
}

fn bound(s: &Map<String, Value>, key: &str) -> Result<Option<(f64, Value)>, String> {
    match s.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_f64()
            .map(|f| Some((f, v.clone())))
            .ok_or_else(|| format!("`{key}` must be a number")),
    }
}

impl<'a> Compiler<'a> {
    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// The node of a `$defs` entry, compiled once; a placeholder is reserved
    /// first so a recursive reference finds its index.
    fn reference(&mut self, reference: &str) -> Result<usize, String> {
        let name = reference
            .strip_prefix("#/$defs/")
            .ok_or_else(|| format!("unsupported $ref `{reference}`"))?;
        if let Some(&i) = self.by_def.get(name) {
            return Ok(i);
        }
        let target = self
            .defs
            .and_then(|d| d.get(name))
            .ok_or_else(|| format!("unresolved $ref `{reference}`"))?;
        let slot = self.push(Node::default());
        self.by_def.insert(name.to_owned(), slot);
        let compiled = self.build(target)?;
        if let Some(n) = self.nodes.get_mut(slot) {
            *n = compiled;
        }
        Ok(slot)
    }

    fn node(&mut self, schema: &'a Value) -> Result<usize, String> {
        let n = self.build(schema)?;
        Ok(self.push(n))
    }

    /// The schema a branch stands for, following one `$ref`.
    fn resolved(&self, branch: &'a Value) -> &'a Value {
        branch
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .and_then(|name| self.defs.and_then(|d| d.get(name)))
            .unwrap_or(branch)
    }

    fn tag(&self, branch: &'a Value) -> Option<Tag> {
        let b = self.resolved(branch).as_object()?;
        let only = |allowed: &[&str]| {
            b.keys()
                .all(|k| allowed.contains(&k.as_str()) || annotation(k))
        };
        if b.get("type").and_then(Value::as_str) == Some("null") && only(&["type"]) {
            return Some(Tag::Null);
        }
        let consts: Option<Vec<&Value>> = match (b.get("const"), b.get("enum")) {
            (Some(c), None) => Some(vec![c]),
            (None, Some(Value::Array(list))) => Some(list.iter().collect()),
            _ => None,
        };
        if let Some(list) = consts {
            let strings = list
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()?;
            let typed_string = b.get("type").is_none_or(|t| t.as_str() == Some("string"));
            return (typed_string && only(&["type", "const", "enum"]))
                .then_some(Tag::Strings(strings));
        }
        let required = b.get("required")?.as_array()?;
        let props = b.get("properties")?.as_object()?;
        let closed = b.get("additionalProperties") == Some(&Value::Bool(false));
        match (required.as_slice(), closed, props.len()) {
            ([Value::String(name)], true, 1) if props.contains_key(name) => {
                only(&["type", "properties", "required", "additionalProperties"])
                    .then(|| Tag::Property(name.clone()))
            }
            _ => None,
        }
    }

    fn alternatives(&mut self, list: &'a Value, one_of: bool) -> Result<Alternatives, String> {
        let branches_json = list.as_array().ok_or("`anyOf`/`oneOf` must be a list")?;
        let mut branches = Vec::with_capacity(branches_json.len());
        for b in branches_json {
            branches.push(self.node(b)?);
        }
        let constants = branches_json
            .iter()
            .map(|b| {
                let r = self.resolved(b);
                match (r.get("const"), r.get("enum")) {
                    (Some(c), _) => Some(vec![c.clone()]),
                    (None, Some(Value::Array(list))) => Some(list.clone()),
                    _ => None,
                }
            })
            .collect::<Option<Vec<Vec<Value>>>>()
            .map(|v| v.concat());
        let null_branch = branches_json
            .iter()
            .map(|b| b.get("type").and_then(Value::as_str) == Some("null"))
            .collect();
        // A discriminator: every branch a distinct string constant, a distinct
        // tag property or null. Then at most one branch can match.
        let mut by_string = Names::default();
        let mut by_property = Names::default();
        let mut null_ok = false;
        let mut discriminated = true;
        for (i, b) in branches_json.iter().enumerate() {
            let Some(&node) = branches.get(i) else {
                continue;
            };
            match self.tag(b) {
                Some(Tag::Strings(values)) => {
                    for v in values {
                        discriminated &= by_string.insert(v, node);
                    }
                }
                Some(Tag::Property(p)) => discriminated &= by_property.insert(p, node),
                Some(Tag::Null) => {
                    discriminated &= !null_ok;
                    null_ok = true;
                }
                None => discriminated = false,
            }
        }
        let strings_clean = by_string
            .0
            .iter()
            .all(|(t, _)| !crate::privacy::may_identify(&t.text));
        Ok(Alternatives {
            strings_clean,
            branches,
            exactly_one: one_of && !discriminated,
            constants,
            null_branch,
            by_string: discriminated.then_some(by_string),
            by_property: discriminated.then_some(by_property),
            null_ok,
        })
    }

    fn build(&mut self, schema: &'a Value) -> Result<Node, String> {
        let s = match schema {
            Value::Bool(true) => {
                return Ok(Node {
                    any: true,
                    ..Node::default()
                })
            }
            Value::Bool(false) => return Err("`false` schemas are not supported".into()),
            Value::Object(s) => s,
            _ => return Err("a schema must be an object or a boolean".into()),
        };
        let mut n = Node::default();
        for key in s.keys() {
            const ASSERTIONS: &[&str] = &[
                "$ref",
                "allOf",
                "anyOf",
                "oneOf",
                "type",
                "enum",
                "const",
                "properties",
                "required",
                "additionalProperties",
                "items",
                "prefixItems",
                "minItems",
                "maxItems",
                "minLength",
                "maxLength",
                "format",
                "minimum",
                "maximum",
            ];
            if !ASSERTIONS.contains(&key.as_str()) && !annotation(key) {
                return Err(format!("keyword `{key}` is not enforced by the core"));
            }
        }
        if let Some(r) = s.get("$ref") {
            let r = r.as_str().ok_or("`$ref` must be a string")?;
            n.all.push(self.reference(r)?);
        }
        if let Some(all) = s.get("allOf") {
            for sub in all.as_array().ok_or("`allOf` must be a list")? {
                n.all.push(self.node(sub)?);
            }
        }
        if let Some(list) = s.get("anyOf") {
            n.alternatives.push(self.alternatives(list, false)?);
        }
        if let Some(list) = s.get("oneOf") {
            n.alternatives.push(self.alternatives(list, true)?);
        }
        n.types = match s.get("type") {
            None => None,
            Some(Value::String(name)) => Some((type_bit(name)?, name.clone())),
            Some(Value::Array(names)) => {
                let mut bits = 0;
                let mut shown = Vec::new();
                for name in names {
                    let name = name.as_str().ok_or("`type` lists names")?;
                    bits |= type_bit(name)?;
                    if name != "null" {
                        shown.push(name);
                    }
                }
                Some((bits, shown.join(" or ")))
            }
            Some(_) => return Err("`type` must be a name or a list".into()),
        };
        if let Some(e) = s.get("enum") {
            n.enumeration = Some(Consts::new(
                e.as_array().ok_or("`enum` must be a list")?.clone(),
            ));
        }
        if let Some(c) = s.get("const") {
            n.constant = Some(Consts::new(vec![c.clone()]));
        }
        if let Some(props) = s.get("properties") {
            for (name, sub) in props.as_object().ok_or("`properties` must be an object")? {
                let i = self.node(sub)?;
                n.property_index.insert(name.clone(), n.properties.len());
                n.properties.push((Name::new(name.clone()), i, false));
            }
        }
        if let Some(req) = s.get("required") {
            for name in req.as_array().ok_or("`required` must be a list")? {
                n.required
                    .push(name.as_str().ok_or("`required` lists names")?.to_owned());
            }
        }
        n.required_defined = true;
        for name in &n.required {
            let at = n.property_index.get(name).copied();
            match at.and_then(|at| n.properties.get_mut(at)) {
                Some(p) => p.2 = true,
                None => n.required_defined = false,
            }
        }
        n.required_count = n.properties.iter().filter(|p| p.2).count();
        n.additional = match s.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Additional::Allow,
            Some(Value::Bool(false)) => Additional::Deny,
            Some(sub) => Additional::Schema(self.node(sub)?),
        };
        n.items = match s.get("items") {
            None | Some(Value::Bool(true)) => None,
            Some(sub) => Some(self.node(sub)?),
        };
        if let Some(Value::Array(prefix)) = s.get("prefixItems") {
            for sub in prefix {
                let id = self.node(sub)?;
                n.prefix_items.push(id);
            }
        }
        n.min_items = count(s, "minItems")?;
        n.max_items = count(s, "maxItems")?;
        n.min_length = count(s, "minLength")?;
        n.max_length = count(s, "maxLength")?;
        n.format = match s.get("format").and_then(Value::as_str) {
            Some("date") => Some(Format::Date),
            Some("date-time") => Some(Format::DateTime),
            _ => None,
        };
        n.whole = n
            .types
            .as_ref()
            .filter(|(bits, _)| bits & ty::INTEGER != 0 && bits & ty::NUMBER == 0)
            .and_then(|_| s.get("format").and_then(Value::as_str))
            .and_then(rust_integer);
        n.minimum = bound(s, "minimum")?;
        n.maximum = bound(s, "maximum")?;
        n.any = s.keys().all(|k| annotation(k));
        Ok(n)
    }
}
