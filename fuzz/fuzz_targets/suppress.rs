//! Fuzz target `suppress`: see `suraksha_fuzz::suppress`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::suppress(data));
