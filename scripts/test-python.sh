#!/usr/bin/env bash
# The Python package, from a clean clone: create the repo's .venv, install the
# test tools, build the extension once (maturin, release, abi3) into the venv,
# then run pytest (vectors, README blocks, DataFrames, Dask, the notebook) and
# check the type stubs against the extension with mypy.stubtest.
# Needs Python >= 3.10 with venv/pip (PYTHON overrides the interpreter) and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=$PWD/.venv
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
PY=$VENV/bin/python
"$PY" -m pip install -q --disable-pip-version-check --upgrade pip
"$PY" -m pip install -q --disable-pip-version-check -r bindings-python/requirements-test.txt

# The binding's own Rust unit tests (Arrow conversions); they link libpython.
cargo test -q -p suraksha-python --lib

VIRTUAL_ENV=$VENV PATH="$VENV/bin:$PATH" \
  "$VENV/bin/maturin" develop --release --quiet -m bindings-python/Cargo.toml

"$PY" -m pytest -q bindings-python/tests
echo "python: all checks passed"
