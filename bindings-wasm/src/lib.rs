//! WebAssembly bindings of suraksha: conversion only; every function calls the core API.
//! Compiled only for wasm targets so `cargo test --workspace` stays native.
#![cfg(target_family = "wasm")]

use wasm_bindgen::prelude::*;

/// Names of the record kinds.
#[wasm_bindgen]
pub fn kinds() -> Vec<String> {
    suraksha::api::kinds().into_iter().map(str::to_owned).collect()
}
