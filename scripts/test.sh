#!/usr/bin/env bash
# Every test of the project, from a clean clone: Rust (fmt, clippy, tests, docs,
# schema freshness), then the Python package, then the WebAssembly package.
# Each part installs what it needs itself. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "rust: format"
cargo fmt --all -- --check

step "rust: clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "rust: tests"
# Benches are built by clippy above and run by their own commands (cargo bench), not here.
cargo test -p suraksha --lib --bins --tests
cargo test -p suraksha --doc
# Parquet rosters: a feature of its own (a large build), tested by one file.
cargo test -p suraksha --features parquet --test parquet_roster

step "rust: docs"
RUSTDOCFLAGS="-D warnings" cargo doc -p suraksha --no-deps

step "supply chain: cargo deny (licenses, bans, sources)"
# Advisories are left out: the RustSec database cannot be fetched here (README).
CARGO_DENY_VERSION=0.20.2
if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi
cargo deny --log-level error check licenses bans sources

step "schemas up to date"
cargo run -q -p suraksha -- schemas schemas --check

for part in scripts/test-python.sh scripts/test-wasm.sh; do
  if [ -x "$part" ]; then
    step "$part"
    "$part"
  fi
done

step "all tests passed"
