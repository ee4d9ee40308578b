//! JSON text read into one flat list of nodes (a tape), for the fast path.
//!
//! A `serde_json::Value` gives every string and key its own allocation and
//! every object a map; for a valid record that is built only to be read once
//! and dropped, and it costs as much as validating the record. The tape keeps
//! strings borrowed from the text (only a string with escapes is copied) and
//! containers as a node that knows where its contents end, so the fast walk
//! and the typed parse ([`super::tree`]) read it in place.
//!
//! The text is read by serde_json's own parser, so the tape holds exactly the
//! numbers, strings and nesting a `Value` would, and refuses exactly the text
//! a `Value` refuses. The one difference is a repeated key, which a `Value`
//! settles by keeping the last value: the tape refuses the text instead, and
//! the caller takes the ordinary path.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::tree::{Leaf, Tree};

/// One node of the tape. An object's contents are its keys, each followed by
/// its value's nodes; `end` is the index just past the container's last node.
#[derive(Debug, Clone, PartialEq)]
enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array { len: usize, end: usize },
    Object { len: usize, end: usize },
}

/// JSON text as a tape; [`Tape::root`] reads it as a [`Tree`].
#[derive(Debug)]
pub struct Tape<'a> {
    nodes: Vec<Node<'a>>,
}

impl<'a> Tape<'a> {
    /// Read one JSON value from `text`; `None` when the text is not JSON, or
    /// repeats a key in an object (the caller then parses it to a `Value`,
    /// which reports the first or settles the second).
    pub fn parse(text: &'a str) -> Option<Tape<'a>> {
        let mut nodes = Vec::with_capacity(text.len() / 8);
        let mut de = serde_json::Deserializer::from_str(text);
        Builder(&mut nodes).deserialize(&mut de).ok()?;
        de.end().ok()?;
        Some(Tape { nodes })
    }

    /// The whole value.
    pub fn root(&self) -> Cursor<'_, 'a> {
        Cursor {
            nodes: &self.nodes,
            at: 0,
        }
    }
}

/// Building a tape from another reader's values (an Arrow row,
/// [`crate::columnar::tree`]): scalars pushed as they are read, a container
/// opened before its contents and closed after them.
impl<'a> Tape<'a> {
    /// An empty tape with room for `nodes` nodes.
    pub fn with_capacity(nodes: usize) -> Tape<'a> {
        Tape {
            nodes: Vec::with_capacity(nodes),
        }
    }

    /// Empties the tape, keeping its room, to read another value into it.
    pub fn clear(&mut self) {
        self.nodes.clear();
    }

    /// Appends a scalar: `None` for an array or an object, which are opened
    /// and closed instead.
    pub fn push(&mut self, leaf: Leaf<'a>) -> Option<()> {
        self.nodes.push(match leaf {
            Leaf::Null => Node::Null,
            Leaf::Bool(b) => Node::Bool(b),
            Leaf::Number(n) => Node::Number(n),
            Leaf::String(s) => Node::String(Cow::Borrowed(s)),
            Leaf::Array(_) | Leaf::Object(_) => return None,
        });
        Some(())
    }

    /// Opens an array (`object` false) or an object, whose contents follow:
    /// an object's are each key (a string) then its value. Returns what
    /// [`Tape::close`] needs.
    pub fn open(&mut self, object: bool) -> usize {
        open(&mut self.nodes, object)
    }

    /// Closes the container opened at `start`, holding `len` items or fields.
    pub fn close(&mut self, start: usize, len: usize) {
        close(&mut self.nodes, start, len);
    }
}

/// A container's node, its length and end filled in by [`close`].
fn open(nodes: &mut Vec<Node<'_>>, object: bool) -> usize {
    let start = nodes.len();
    nodes.push(if object {
        Node::Object { len: 0, end: 0 }
    } else {
        Node::Array { len: 0, end: 0 }
    });
    start
}

/// Ends the container opened at `start` after the nodes pushed since.
fn close(nodes: &mut [Node<'_>], start: usize, len: usize) {
    let end = nodes.len();
    match nodes.get_mut(start) {
        Some(node @ Node::Array { .. }) => *node = Node::Array { len, end },
        Some(node @ Node::Object { .. }) => *node = Node::Object { len, end },
        _ => {}
    }
}

/// Appends one value's nodes to the tape.
struct Builder<'t, 'a>(&'t mut Vec<Node<'a>>);

#[derive(Debug)]
struct Repeated;

impl fmt::Display for Repeated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key is repeated")
    }
}

impl<'de> DeserializeSeed<'de> for Builder<'_, 'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Builder<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.0.push(Node::Null);
        Ok(())
    }

    fn visit_bool<E>(self, b: bool) -> Result<(), E> {
        self.0.push(Node::Bool(b));
        Ok(())
    }

    fn visit_u64<E>(self, n: u64) -> Result<(), E> {
        self.0.push(Node::Number(n.into()));
        Ok(())
    }

    fn visit_i64<E>(self, n: i64) -> Result<(), E> {
        self.0.push(Node::Number(n.into()));
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<(), E> {
        // As a `Value` reads it: a number that is not finite has no JSON form.
        let n = Number::from_f64(x).ok_or_else(|| E::custom("a number that is not finite"))?;
        self.0.push(Node::Number(n));
        Ok(())
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<(), E> {
        self.0.push(Node::String(Cow::Borrowed(s)));
        Ok(())
    }

    fn visit_str<E>(self, s: &str) -> Result<(), E> {
        self.0.push(Node::String(Cow::Owned(s.to_owned())));
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let start = open(self.0, false);
        let mut len = 0;
        while seq.next_element_seed(Builder(&mut *self.0))?.is_some() {
            len += 1;
        }
        close(self.0, start, len);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let start = open(self.0, true);
        let mut len = 0;
        while map.next_key_seed(Builder(&mut *self.0))?.is_some() {
            map.next_value_seed(Builder(&mut *self.0))?;
            len += 1;
        }
        close(self.0, start, len);
        if repeats_a_key(self.0, start) {
            return Err(de::Error::custom(Repeated));
        }
        Ok(())
    }
}

/// Whether the object at `start` has a key twice. Records' objects are
/// small, so each key is compared with those before it, with no allocation.
fn repeats_a_key(nodes: &[Node<'_>], start: usize) -> bool {
    let cursor = Cursor { nodes, at: start };
    let Some(fields) = cursor.fields() else {
        return false;
    };
    for (n, (key, _)) in fields.enumerate() {
        let earlier = cursor.fields().into_iter().flatten().take(n);
        if earlier.map(|(k, _)| k).any(|k| k == key) {
            return true;
        }
    }
    false
}

/// One value of a [`Tape`], read as a [`Tree`].
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'t, 'a> {
    nodes: &'t [Node<'a>],
    at: usize,
}

impl<'t, 'a> Cursor<'t, 'a> {
    fn node(&self) -> Option<&'t Node<'a>> {
        self.nodes.get(self.at)
    }

    /// The index just past this value's nodes.
    fn end(&self) -> usize {
        match self.node() {
            Some(Node::Array { end, .. } | Node::Object { end, .. }) => *end,
            _ => self.at + 1,
        }
    }

    fn at(&self, at: usize) -> Cursor<'t, 'a> {
        Cursor {
            nodes: self.nodes,
            at,
        }
    }
}

/// A list's items, or an object's keys and values, in order.
pub struct Children<'t, 'a> {
    cursor: Cursor<'t, 'a>,
    left: usize,
}

impl<'t, 'a> Iterator for Children<'t, 'a> {
    type Item = Cursor<'t, 'a>;

    fn next(&mut self) -> Option<Cursor<'t, 'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let here = self.cursor;
        self.cursor = here.at(here.end());
        Some(here)
    }
}

/// An object's fields: each key and the value after it.
pub struct Fields<'t, 'a>(Children<'t, 'a>);

impl<'t, 'a> Iterator for Fields<'t, 'a> {
    type Item = (&'t str, Cursor<'t, 'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let key = self.0.next()?;
        let value = self.0.next()?;
        match key.node() {
            Some(Node::String(k)) => Some((k.as_ref(), value)),
            _ => None,
        }
    }
}

impl<'t, 'a> Tree for Cursor<'t, 'a> {
    type Key = &'t str;
    type Items = Children<'t, 'a>;
    type Fields = Fields<'t, 'a>;

    fn leaf(&self) -> Option<Leaf<'_>> {
        Some(match self.node()? {
            Node::Null => Leaf::Null,
            Node::Bool(b) => Leaf::Bool(*b),
            Node::Number(n) => Leaf::Number(n.clone()),
            Node::String(s) => Leaf::String(s),
            Node::Array { len, .. } => Leaf::Array(*len),
            Node::Object { len, .. } => Leaf::Object(*len),
        })
    }

    fn items(&self) -> Option<Children<'t, 'a>> {
        match self.node()? {
            Node::Array { len, .. } => Some(Children {
                cursor: self.at(self.at + 1),
                left: *len,
            }),
            _ => None,
        }
    }

    fn fields(&self) -> Option<Fields<'t, 'a>> {
        match self.node()? {
            Node::Object { len, .. } => Some(Fields(Children {
                cursor: self.at(self.at + 1),
                left: len * 2,
            })),
            _ => None,
        }
    }

    fn key<'k>(key: &'k &'t str) -> Option<&'k str> {
        Some(key)
    }

    fn to_value(&self) -> Option<Value> {
        Some(match self.node()? {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.to_string()),
            Node::Array { .. } => {
                Value::Array(self.items()?.map(|c| c.to_value()).collect::<Option<_>>()?)
            }
            Node::Object { .. } => Value::Object(
                self.fields()?
                    .map(|(k, v)| Some((k.to_owned(), v.to_value()?)))
                    .collect::<Option<Map<_, _>>>()?,
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> Option<Value> {
        Tape::parse(text)?.root().to_value()
    }

    #[test]
    fn the_tape_reads_what_a_value_reads() {
        for text in [
            r#"{"a": 1, "b": [true, null, -2, 2.5, "x\"y"], "c": {}, "d": [], "e": {"f": [[1], {"g": "é"}]}}"#,
            "[]",
            "\"text\"",
            "18446744073709551615",
            "-9223372036854775808",
            "1e300",
            "0.1",
            r#"{"\u00e9": "\ud83d\ude00"}"#,
        ] {
            let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            assert_eq!(round_trip(text), Some(value), "{text}");
        }
    }

    #[test]
    fn the_tape_refuses_what_a_value_refuses_and_a_repeated_key() {
        for text in [
            "{",
            "[1,]",
            r#"{"a": "\ud800"}"#,
            "1e400",
            "{} {}",
            r#"{"a": 1, "a": 2}"#,
            r#"{"x": {"b": 1, "a": 2, "b": 3}}"#,
        ] {
            assert!(Tape::parse(text).is_none(), "{text}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(Tape::parse(&deep).is_none());
        assert!(Tape::parse(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#).is_some());
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let tape = Tape::parse(r#"{"name": "Sita", "note": "a\nb"}"#);
        let nodes = tape.map(|t| t.nodes).unwrap_or_default();
        assert!(matches!(
            nodes.get(2),
            Some(Node::String(Cow::Borrowed("Sita")))
        ));
        assert!(matches!(nodes.get(4), Some(Node::String(Cow::Owned(_)))));
    }
}
