//! A record as the fast path reads it: any tree of JSON-like values, not only
//! a `serde_json::Value`.
//!
//! A front end implements [`Tree`] for its own values (the Python binding for
//! dicts and lists), and [`crate::api::validate_tree`] checks them with the
//! compiled schema and parses them into the typed model through
//! [`TreeDeserializer`], with no `Value` built in between; a record whose
//! shape fails is explained in place by the diagnostic walk over the same
//! tree. Whenever that path cannot decide (a value it does not know, free
//! text to scan, a typed parse that fails), the front end converts the value
//! to JSON and takes the ordinary path, which finds and explains every
//! problem; so an implementation may refuse anything unusual, but must
//! describe what it accepts exactly as its conversion to JSON would.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Number, Value};

/// One value of a tree, as far as the fast walk needs to see it.
#[derive(Debug, Clone, PartialEq)]
pub enum Leaf<'a> {
    /// `null` (Python's `None`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A finite number, as JSON would read it.
    Number(Number),
    /// A string, as UTF-8.
    String(&'a str),
    /// A list, with its length.
    Array(usize),
    /// An object, with its number of fields.
    Object(usize),
}

/// A tree of JSON-like values (see the module documentation).
pub trait Tree: Sized {
    /// An object's key, read with [`Tree::key`].
    type Key;
    /// A list's items, in order.
    type Items: Iterator<Item = Self>;
    /// An object's fields, in order.
    type Fields: Iterator<Item = (Self::Key, Self)>;

    /// What the value is; `None` for anything without a JSON form here.
    fn leaf(&self) -> Option<Leaf<'_>>;
    /// A list's items; `None` when the value is not a list.
    fn items(&self) -> Option<Self::Items>;
    /// An object's fields; `None` when the value is not an object.
    fn fields(&self) -> Option<Self::Fields>;
    /// A key's text; `None` when it has none (the walk then says "not valid").
    fn key(key: &Self::Key) -> Option<&str>;
    /// The value as JSON, to compare with a list or object constant (which
    /// our schemas do not use); `None` counts as not equal.
    fn to_value(&self) -> Option<Value>;
}

impl<'a> Tree for &'a Value {
    type Key = &'a String;
    type Items = std::slice::Iter<'a, Value>;
    type Fields = serde_json::map::Iter<'a>;

    fn leaf(&self) -> Option<Leaf<'_>> {
        Some(match self {
            Value::Null => Leaf::Null,
            Value::Bool(b) => Leaf::Bool(*b),
            Value::Number(n) => Leaf::Number(n.clone()),
            Value::String(s) => Leaf::String(s),
            Value::Array(a) => Leaf::Array(a.len()),
            Value::Object(o) => Leaf::Object(o.len()),
        })
    }

    fn items(&self) -> Option<Self::Items> {
        self.as_array().map(|a| a.iter())
    }

    fn fields(&self) -> Option<Self::Fields> {
        self.as_object().map(|o| o.iter())
    }

    fn key(key: &Self::Key) -> Option<&str> {
        Some(key.as_str())
    }

    fn to_value(&self) -> Option<Value> {
        Some((*self).clone())
    }
}

/// Whether every value in the tree, at most `max_depth` containers deep,
/// has a JSON form and every key a text: then a walk over it reports what
/// the walk over its JSON conversion would, and nothing is left unread that
/// the conversion would have refused.
pub fn readable<T: Tree>(value: &T, max_depth: u32) -> bool {
    match value.leaf() {
        None => false,
        Some(Leaf::Array(_)) => {
            max_depth > 0
                && value
                    .items()
                    .is_some_and(|mut items| items.all(|v| readable(&v, max_depth - 1)))
        }
        Some(Leaf::Object(_)) => {
            max_depth > 0
                && value.fields().is_some_and(|mut fields| {
                    fields.all(|(k, v)| T::key(&k).is_some() && readable(&v, max_depth - 1))
                })
        }
        Some(_) => true,
    }
}

/// Why a tree did not parse into the typed model. Only ever a signal to take
/// the ordinary path, which words the problem itself.
#[derive(Debug)]
pub struct TreeError(String);

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TreeError {}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TreeError(msg.to_string())
    }
}

/// A serde deserializer over any [`Tree`]: what serde_json's deserializer
/// does for a `Value` (the same visitor calls for the same JSON), so a record
/// parses to the same typed value either way.
pub struct TreeDeserializer<T>(pub T);

fn unreadable() -> TreeError {
    de::Error::custom("a value without a JSON form")
}

impl<'de, T: Tree> de::Deserializer<'de> for TreeDeserializer<T> {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.0.leaf().ok_or_else(unreadable)? {
            Leaf::Null => visitor.visit_unit(),
            Leaf::Bool(b) => visitor.visit_bool(b),
            // serde_json's order: a non-negative integer is a u64, a
            // negative one an i64, anything else an f64.
            Leaf::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                (None, None, None) => Err(unreadable()),
            },
            Leaf::String(s) => visitor.visit_str(s),
            Leaf::Array(_) => {
                let items = self.0.items().ok_or_else(unreadable)?;
                visitor.visit_seq(SeqAccess(items))
            }
            Leaf::Object(_) => {
                let fields = self.0.fields().ok_or_else(unreadable)?;
                visitor.visit_map(MapAccess::<T> {
                    fields,
                    value: None,
                })
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.0.leaf() {
            Some(Leaf::Null) => visitor.visit_none(),
            Some(_) => visitor.visit_some(self),
            None => Err(unreadable()),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        // A unit variant is its name; any other is an object of one field.
        match self.0.leaf() {
            Some(Leaf::String(s)) => visitor.visit_enum(s.into_deserializer()),
            Some(Leaf::Object(1)) => {
                let (key, value) = self
                    .0
                    .fields()
                    .and_then(|mut f| f.next())
                    .ok_or_else(unreadable)?;
                let name = T::key(&key).ok_or_else(unreadable)?.to_owned();
                visitor.visit_enum(EnumAccess {
                    name,
                    value: Some(value),
                })
            }
            _ => Err(de::Error::custom(
                "an enum is a string or an object of one field",
            )),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct SeqAccess<I>(I);

impl<'de, T: Tree, I: Iterator<Item = T>> de::SeqAccess<'de> for SeqAccess<I> {
    type Error = TreeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, TreeError> {
        self.0
            .next()
            .map(|item| seed.deserialize(TreeDeserializer(item)))
            .transpose()
    }
}

struct MapAccess<T: Tree> {
    fields: T::Fields,
    value: Option<T>,
}

impl<'de, T: Tree> de::MapAccess<'de> for MapAccess<T> {
    type Error = TreeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, TreeError> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let text: &str = T::key(&key).ok_or_else(unreadable)?;
        seed.deserialize(text.into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, TreeError> {
        let value = self.value.take().ok_or_else(unreadable)?;
        seed.deserialize(TreeDeserializer(value))
    }
}

struct EnumAccess<T> {
    name: String,
    value: Option<T>,
}

impl<'de, T: Tree> de::EnumAccess<'de> for EnumAccess<T> {
    type Error = TreeError;
    type Variant = VariantAccess<T>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, VariantAccess<T>), TreeError> {
        let name: de::value::StringDeserializer<TreeError> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, VariantAccess(self.value)))
    }
}

struct VariantAccess<T>(Option<T>);

impl<'de, T: Tree> de::VariantAccess<'de> for VariantAccess<T> {
    type Error = TreeError;

    fn unit_variant(self) -> Result<(), TreeError> {
        match self.0 {
            None => Ok(()),
            Some(value) => de::Deserialize::deserialize(TreeDeserializer(value)),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, TreeError> {
        let value = self.0.ok_or_else(unreadable)?;
        seed.deserialize(TreeDeserializer(value))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        let value = self.0.ok_or_else(unreadable)?;
        de::Deserializer::deserialize_seq(TreeDeserializer(value), visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        let value = self.0.ok_or_else(unreadable)?;
        de::Deserializer::deserialize_map(TreeDeserializer(value), visitor)
    }
}
