//! Fuzz target `scoring`: see `suraksha_fuzz::scoring`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::scoring(data));
