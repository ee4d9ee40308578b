//! Fuzz target `roster`: see `suraksha_fuzz::roster`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::roster(data));
