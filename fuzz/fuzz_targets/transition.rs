//! Fuzz target `transition`: see `suraksha_fuzz::transition`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| suraksha_fuzz::transition(data));
