//! Python bindings of suraksha: conversion only; every function calls the core API.

use pyo3::prelude::*;

/// Names of the record kinds.
#[pyfunction]
fn kinds() -> Vec<&'static str> {
    suraksha::api::kinds()
}

/// The native module, wrapped by the `suraksha` Python package.
#[pymodule]
fn _suraksha(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    Ok(())
}
