#!/usr/bin/env bash
# Build the WebAssembly package (bindings-wasm/pkg) from scratch and run its
# Node, TypeScript, ajv and browser tests. Installs what it needs itself: the
# wasm32 target, wasm-bindgen-cli of exactly the version in Cargo.lock, the npm
# test tools (binaryen's wasm-opt, ajv, typescript, playwright-core) and
# Debian's Chromium. Run from anywhere; SKIP_BROWSER=1 skips the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pkg=bindings-wasm/pkg
tests=bindings-wasm/tests

step() { printf '\n== wasm: %s\n' "$*"; }

step "toolchain"
rustup target add wasm32-unknown-unknown >/dev/null
# The CLI must match the wasm-bindgen crate exactly, or the glue is refused.
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$version" ] || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]; then
  cargo install wasm-bindgen-cli --version "$version"
fi

step "npm tools"
(cd "$tests" && npm ci --no-audit --no-fund --loglevel=error)
bin=$root/$tests/node_modules/.bin

step "cargo build (wasm-release)"
# Keep the target_features section for wasm-bindgen; wasm-opt strips afterwards.
CARGO_PROFILE_WASM_RELEASE_STRIP=false \
  cargo build --profile wasm-release --target wasm32-unknown-unknown -p suraksha-wasm
wasm=target/wasm32-unknown-unknown/wasm-release/suraksha_wasm.wasm

step "wasm-bindgen + wasm-opt -> $pkg"
rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg/web" "$wasm"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$wasm"
for f in "$pkg"/web/*.wasm "$pkg"/node/*.wasm; do
  # Rust's default wasm32 features; wasm-opt must be told it may keep them.
  "$bin/wasm-opt" -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$f" -o "$f.opt"
  mv "$f.opt" "$f"
done
node bindings-wasm/npm/assemble.mjs "$pkg"

# Precompressed copies, as a real server serves them (Content-Encoding br / gzip).
node -e '
const z = require("zlib"), fs = require("fs");
for (const f of process.argv.slice(1)) {
  const b = fs.readFileSync(f);
  fs.writeFileSync(f + ".br", z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(f + ".gz", z.gzipSync(b, { level: 9 }));
}' "$pkg"/web/*.wasm "$pkg"/web/*.js

raw=$(stat -c %s "$pkg/web/suraksha_wasm_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/suraksha_wasm_bg.wasm" | wc -c)
printf 'suraksha_wasm_bg.wasm: %d bytes, %d bytes gzipped (%d KiB)\n' "$raw" "$gz" $((gz / 1024))

step "node tests (vectors, API, ajv)"
(cd "$tests" && node --test --test-reporter=dot node/*.test.mjs)

step "tsc --noEmit"
(cd "$tests" && "$bin/tsc" --noEmit -p tsconfig.json)

if [ "${SKIP_BROWSER:-}" != 1 ]; then
  step "browser test (Debian chromium, headless)"
  # Chromium, and a Devanagari font so the Hindi screenshots show Hindi, not boxes.
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi -e devanagari -e lohit || missing+=(fonts-lohit-deva)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # Forms and report at 360 x 740, English and Hindi; screenshots in $tests/out/ (git-ignored).
  (cd "$tests" && node --test --test-concurrency=1 browser/*.test.mjs)
fi

step "ok"
