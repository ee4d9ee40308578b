//! Fuzz target `validate_str`: see `suraksha_fuzz::validate_str`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::validate_str(data));
