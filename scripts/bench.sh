#!/usr/bin/env bash
# The benchmarks beside the peers (not part of CI): builds the release CLI
# benches and the Python extension into its own venv (.bench-venv) with the
# peers (pydantic, msgspec, jsonschema-rs, fastjsonschema, polars, duckdb,
# pandas), builds the browser package (scripts/test-wasm.sh, its npm tools
# and Debian's Chromium), runs every benchmark and writes BENCHMARKS.md.
#   scripts/bench.sh [CASES] [ROSTER_ROWS...]   (defaults: 2000 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-2000}
shift || true
ROWS=${*:-"1000000 10000000"}
OUT=target/bench
mkdir -p "$OUT"
VENV=$PWD/.bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PY=$VENV/bin/python
"$PY" -m pip install -q --disable-pip-version-check maturin pydantic msgspec jsonschema-rs fastjsonschema \
  polars duckdb pandas pyarrow numpy
uptime > "$OUT/load-before.txt"
cargo bench -q -p suraksha --bench batch -- 5000 | tee "$OUT/rust.jsonl"
VIRTUAL_ENV=$VENV PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" develop --release --quiet -m bindings-python/Cargo.toml
nice -n 5 "$PY" benches/validation_bench.py "$CASES" 5 | tee "$OUT/python.jsonl"
# shellcheck disable=SC2086
nice -n 5 "$PY" benches/indicators_bench.py $ROWS | tee "$OUT/indicators.jsonl"
# The browser package beside ajv, in Node and headless Chromium, and its size
# (a failure here is reported and leaves the other sections to be written).
rm -f "$OUT/wasm.jsonl"
if SKIP_BROWSER=1 scripts/test-wasm.sh > "$OUT/wasm-build.log" 2>&1; then
  [ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
  nice -n 5 node benches/wasm_bench.mjs | tee "$OUT/wasm.jsonl" || echo "wasm bench failed" >&2
else
  echo "wasm package build failed: see $OUT/wasm-build.log" >&2
fi
uptime > "$OUT/load-after.txt"
"$PY" benches/report.py "$OUT" > BENCHMARKS.md
echo "wrote BENCHMARKS.md"
