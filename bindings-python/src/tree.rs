//! Python values read in place by the core's fast path (`suraksha::validate::tree`):
//! a record dict is checked, and parsed into the typed model or its shape
//! problems explained, without first being copied into a JSON value.
//!
//! Only the exact built-in JSON types are read. Anything else — a subclass, a
//! float that is NaN or infinite, an int beyond 64 bits, a str with a lone
//! surrogate, nesting deeper than [`MAX_DEPTH`] (a container inside itself
//! included) — is refused, and the caller converts the record with
//! `convert::from_py`, which accepts it as JSON would or says what is wrong.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::iter::{BoundDictIterator, BoundListIterator, BoundTupleIterator};
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Number, Value};
use suraksha::boundary::MAX_DEPTH;
use suraksha::validate::tree::{Leaf, Tree};
use suraksha::{api, Context, Kind, Report};

/// A Python value and how deep it sits in the record.
pub struct PyTree<'py> {
    obj: Bound<'py, PyAny>,
    depth: usize,
}

/// The items of a list or tuple.
pub enum Items<'py> {
    List(BoundListIterator<'py>, usize),
    Tuple(BoundTupleIterator<'py>, usize),
}

impl<'py> Iterator for Items<'py> {
    type Item = PyTree<'py>;

    fn next(&mut self) -> Option<PyTree<'py>> {
        let (obj, depth) = match self {
            Items::List(it, depth) => (it.next()?, *depth),
            Items::Tuple(it, depth) => (it.next()?, *depth),
        };
        Some(PyTree { obj, depth })
    }
}

/// The fields of a dict.
pub struct Fields<'py>(BoundDictIterator<'py>, usize);

impl<'py> Iterator for Fields<'py> {
    type Item = (Bound<'py, PyAny>, PyTree<'py>);

    fn next(&mut self) -> Option<Self::Item> {
        let (key, obj) = self.0.next()?;
        Some((key, PyTree { obj, depth: self.1 }))
    }
}

impl<'py> Tree for PyTree<'py> {
    type Key = Bound<'py, PyAny>;
    type Items = Items<'py>;
    type Fields = Fields<'py>;

    fn leaf(&self) -> Option<Leaf<'_>> {
        let obj = &self.obj;
        // A container as deep as `from_py` refuses (a cycle reaches it too).
        let room = self.depth < MAX_DEPTH;
        if obj.is_none() {
            return Some(Leaf::Null);
        }
        // The commonest first; bool before int (a bool is an int in Python).
        if let Ok(s) = obj.cast_exact::<PyString>() {
            return s.to_str().ok().map(Leaf::String);
        }
        if let Ok(d) = obj.cast_exact::<PyDict>() {
            return room.then(|| Leaf::Object(d.len()));
        }
        if let Ok(b) = obj.cast_exact::<PyBool>() {
            return Some(Leaf::Bool(b.is_true()));
        }
        if let Ok(i) = obj.cast_exact::<PyInt>() {
            // As `from_py` reads it: i64, else u64; a larger int is refused.
            let n = match i.extract::<i64>() {
                Ok(v) => Number::from(v),
                Err(_) => Number::from(i.extract::<u64>().ok()?),
            };
            return Some(Leaf::Number(n));
        }
        if let Ok(f) = obj.cast_exact::<PyFloat>() {
            return Number::from_f64(f.value()).map(Leaf::Number);
        }
        if let Ok(l) = obj.cast_exact::<PyList>() {
            return room.then(|| Leaf::Array(l.len()));
        }
        if let Ok(t) = obj.cast_exact::<PyTuple>() {
            return room.then(|| Leaf::Array(t.len()));
        }
        None
    }

    fn items(&self) -> Option<Items<'py>> {
        let depth = self.depth + 1;
        if let Ok(l) = self.obj.cast_exact::<PyList>() {
            return Some(Items::List(l.clone().into_iter(), depth));
        }
        let t = self.obj.cast_exact::<PyTuple>().ok()?;
        Some(Items::Tuple(t.clone().into_iter(), depth))
    }

    fn fields(&self) -> Option<Fields<'py>> {
        let d = self.obj.cast_exact::<PyDict>().ok()?;
        Some(Fields(d.clone().into_iter(), self.depth + 1))
    }

    fn key<'k>(key: &'k Bound<'py, PyAny>) -> Option<&'k str> {
        key.cast_exact::<PyString>().ok()?.to_str().ok()
    }

    fn to_value(&self) -> Option<Value> {
        None
    }
}

/// The report of a record dict read in place, or `None` when the
/// caller must convert it to JSON and take the ordinary path (see the module
/// documentation). Runs with the GIL held: the record is being read.
pub fn validate(record: &Bound<'_, PyAny>, kind: Kind, ctx: &Context<'_>) -> Option<Report> {
    if !record.is_exact_instance_of::<PyDict>() {
        return None;
    }
    let tree = PyTree {
        obj: record.clone(),
        depth: 0,
    };
    // pyo3's dict iterator panics if a dict changes size while it is read;
    // nothing here runs Python code, but a panic must still not escape.
    catch_unwind(AssertUnwindSafe(|| api::validate_tree(kind, tree, ctx)))
        .ok()
        .flatten()
}
