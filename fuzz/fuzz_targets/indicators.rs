//! Fuzz target `indicators`: see `suraksha_fuzz::indicators`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::indicators(data));
