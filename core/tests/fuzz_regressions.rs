//! Every finding of the fuzz targets, replayed by an ordinary `cargo test`
//! (no nightly, no cargo-fuzz): each file in `fuzz/regressions/<target>/` is
//! the input that once crashed `<target>` (see `fuzz/README.md`), run through
//! the same harness the fuzzer uses, with the same invariant checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

#[path = "../../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

#[test]
fn every_saved_finding_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut ran = 0;
    for (name, target) in harness::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} panicked", file.display());
            ran += 1;
        }
    }
    // Every folder names a target (a renamed target must carry its findings along).
    for dir in std::fs::read_dir(&root).unwrap().flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        let name = dir.file_name().to_string_lossy().into_owned();
        assert!(
            harness::TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz/regressions/{name} names no target"
        );
    }
    eprintln!("replayed {ran} saved fuzz finding(s)");
}

/// A short deterministic run of every target on pseudo-random inputs, so the
/// harness itself cannot rot between fuzzing sessions.
#[test]
fn every_target_runs_on_seeded_inputs() {
    let mut state: u64 = 0x5eed_1234_abcd_0001;
    for (_, target) in harness::TARGETS {
        for len in [0usize, 1, 7, 64, 512, 4096] {
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            target(&data);
        }
    }
}
