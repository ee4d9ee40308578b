//! Fuzz target `validate_value`: see `suraksha_fuzz::validate_value`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::validate_value(data));
