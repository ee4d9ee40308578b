// Shared helpers of the Node tests: load the Node build of the package, list
// the shared vectors, and read a vector's `input` as the exact text in the file.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, ".."); // bindings-wasm
export const repo = resolve(root, "..");
const require = createRequire(import.meta.url);
/** The Node build of the package (bindings-wasm/pkg/node), built by scripts/test-wasm.sh. */
export const wasm = require(join(root, "pkg/node/suraksha_wasm.js"));

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

/** Every vector as {name, vector, text} (text: the file's raw text). */
export function vectors() {
  const dir = join(repo, "tests/vectors");
  return walk(dir, []).map((file) => {
    const text = readFileSync(file, "utf8");
    return { name: relative(dir, file), vector: JSON.parse(text), text };
  });
}

/** End index (exclusive) of the JSON value starting at `i` (after whitespace). */
function valueEnd(text, i) {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
      if (depth === 0) return i + 1;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return i;
    } else if (depth === 0 && (c === "," || /\s/.test(c))) return i;
  }
  return i;
}

/** The raw text of a top-level member of a JSON object text, or undefined. */
export function rawMember(text, key) {
  let i = text.indexOf("{") + 1;
  while (i > 0 && i < text.length) {
    const k = text.indexOf('"', i);
    if (k < 0) return undefined;
    const kEnd = valueEnd(text, k);
    const name = JSON.parse(text.slice(k, kEnd));
    let v = text.indexOf(":", kEnd) + 1;
    while (/\s/.test(text[v])) v++;
    const vEnd = valueEnd(text, v);
    if (name === key) return text.slice(v, vEnd);
    i = text.indexOf(",", vEnd) + 1;
  }
  return undefined;
}

/** True when JSON text holds a number JS cannot carry unchanged (10.0, 1e3, > 2^53). */
export function hasLossyNumber(jsonText) {
  const noStrings = jsonText.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return /\d[.eE]|\d{16,}/.test(noStrings);
}

/** A tagged validate result as a Report, the shape the vectors store. */
export function asReport(result) {
  return result.type === "success" ? result.report : { valid: false, diagnostics: result.diagnostics };
}

/** (code, path, severity) triples, sorted, for multiset comparison. */
export function triples(report) {
  return report.diagnostics.map((d) => `${d.code} ${d.path} ${d.severity}`).sort();
}
