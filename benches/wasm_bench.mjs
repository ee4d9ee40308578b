// The browser package beside ajv, in Node and in headless Chromium, on the
// same records: suraksha's `validate("case", record)` against ajv 8 with the
// exported schema (schemas/case.json) compiled once, shape alone. Every tool's
// verdicts are checked before its time counts (ajv on the records that shape
// decides). Also the package's size (raw, gzip -9, brotli 11). Prints one JSON
// object a line; scripts/bench.sh keeps them in target/bench/wasm.jsonl.
//
//   node benches/wasm_bench.mjs [N_VALID_CASES] [ROUNDS]
//
// Needs the package built (bindings-wasm/pkg, by scripts/test-wasm.sh) and the
// npm test tools (bindings-wasm/tests/node_modules: ajv, ajv-formats,
// playwright-core). CHROMIUM=/path overrides /usr/bin/chromium; NO_BROWSER=1
// skips it.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { checkedVerdict, makeAjv, measure, recordSets, tools } from "./wasm_timing.mjs";

// Node 20's V8 aborts the process now and then ("Fatal error ... unreachable
// code" in Deoptimizer::DoComputeBuiltinContinuation): when the module's memory
// first grows (its ArrayBuffer detached) under a JS function that TurboFan
// optimised with the JS->wasm call inlined. Here: 2 to 6 runs in 10; none in 24
// without that inlining, none in 20 with the memory grown before timing.
// Set before any code is optimised; an unknown flag is ignored.
const NODE_FLAGS = "--no-turbo-inline-js-wasm-calls";
setFlagsFromString(NODE_FLAGS);

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const testsDir = join(repo, "bindings-wasm/tests");
const pkg = join(repo, "bindings-wasm/pkg");
const require = createRequire(join(testsDir, "package.json"));

const N_VALID = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 9);
const TODAY = "2026-11-23";
const emit = (row) => console.log(JSON.stringify(row));

const sampleText = readFileSync(join(repo, "examples/records/case.json"), "utf8");
const schema = JSON.parse(readFileSync(join(repo, "schemas/case.json"), "utf8"));
const version = (name) => require(`${name}/package.json`).version;

/** Ratio of each row to ajv's time on the same set (null where either disagrees). */
function withRatios(env, rows) {
  return rows.map((row) => {
    const ajv = rows.find((r) => r.set === row.set && r.tool.startsWith("ajv"));
    const counts = row.agrees !== false && ajv.agrees === true;
    return { section: env, ...row, ratio_to_ajv: counts ? row.us_per_record / ajv.us_per_record : null };
  });
}

/** ajv and ajv-formats (CommonJS) as one script for the page: every module the
 * two entry points reach through literal `require("...")`, resolved by Node,
 * wrapped as functions of (module, exports, require). Sets globalThis.__ajv. */
function ajvBundle() {
  const ids = new Map(); // absolute file -> index
  const defs = [];
  const visit = (file) => {
    if (ids.has(file)) return ids.get(file);
    const id = defs.length;
    ids.set(file, id);
    defs.push(null);
    const source = readFileSync(file, "utf8");
    if (extname(file) === ".json") {
      defs[id] = `[function (module) { module.exports = ${source}; }, {}]`;
      return id;
    }
    const local = createRequire(file);
    const map = {};
    for (const [, spec] of source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      let target;
      try {
        target = local.resolve(spec);
      } catch {
        continue; // a require in generated code's text, for standalone output
      }
      if (target.startsWith("/")) map[spec] = visit(target);
    }
    defs[id] = `[function (module, exports, require) {\n${source}\n}, ${JSON.stringify(map)}]`;
    return id;
  };
  const ajv = visit(require.resolve("ajv/dist/2020"));
  const formats = visit(require.resolve("ajv-formats"));
  return `(() => {
const defs = [${defs.join(",\n")}];
const cache = [];
function load(id) {
  if (cache[id]) return cache[id].exports;
  const module = (cache[id] = { exports: {} });
  const [fn, map] = defs[id];
  fn.call(module.exports, module, module.exports, (spec) => {
    if (!(spec in map)) throw new Error("not bundled: " + spec);
    return load(map[spec]);
  });
  return module.exports;
}
const ajv = load(${ajv}), formats = load(${formats});
globalThis.__ajv = { Ajv2020: ajv.default ?? ajv, addFormats: formats.default ?? formats };
})();`;
}

function node() {
  const wasm = require(join(pkg, "node/suraksha_wasm.js"));
  const Ajv2020 = require("ajv/dist/2020");
  const addFormats = require("ajv-formats");
  const ajvValidate = makeAjv(Ajv2020.default ?? Ajv2020, addFormats.default ?? addFormats).compile(schema);
  return measure({
    sets: recordSets(JSON.parse(sampleText), N_VALID),
    tools: tools(wasm.validate, ajvValidate, TODAY),
    verdict: checkedVerdict(wasm.validate, TODAY),
    now: () => performance.now(),
    rounds: ROUNDS,
  });
}

async function chromium() {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    // The page's files come from disk through the route, no server; cross-origin
    // isolated (COOP/COEP on a secure localhost origin) for a finer performance.now().
    const origin = "http://localhost:8417";
    const files = {
      "/bench/wasm_timing.mjs": join(here, "wasm_timing.mjs"),
      "/bindings-wasm/tests/ajv_setup.mjs": join(repo, "bindings-wasm/tests/ajv_setup.mjs"),
    };
    const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
    await page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = path.startsWith("/pkg/") ? join(pkg, "web", path.slice(5)) : files[path];
      const headers = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
      if (path === "/") return route.fulfill({ status: 200, headers, contentType: "text/html", body: "<!doctype html><title>bench</title>" });
      if (!file) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, headers, contentType: types[extname(file)], body: readFileSync(file) });
    });
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: ajvBundle() });
    const result = await page.evaluate(
      async ({ schema, sampleText, nValid, rounds, today }) => {
        const { default: init, validate } = await import("/pkg/suraksha_wasm.js");
        await init();
        const t = await import("/bench/wasm_timing.mjs");
        const { Ajv2020, addFormats } = globalThis.__ajv;
        const ajvValidate = t.makeAjv(Ajv2020, addFormats).compile(schema);
        const sets = t.recordSets(JSON.parse(sampleText), nValid);
        const rows = t.measure({
          sets,
          tools: t.tools(validate, ajvValidate, today),
          verdict: t.checkedVerdict(validate, today),
          now: () => performance.now(), rounds });
        return { rows, isolated: globalThis.crossOriginIsolated };
      },
      { schema, sampleText, nValid: N_VALID, rounds: ROUNDS, today: TODAY },
    );
    return { ...result, version: browser.version() };
  } finally {
    await browser.close();
  }
}

/** Bytes after `gzip -9` (the figure scripts/test-wasm.sh prints), or zlib's level 9 without gzip. */
function gzipped(file, body) {
  try {
    return execFileSync("gzip", ["-9", "-c", file], { maxBuffer: 1 << 28 }).length;
  } catch {
    return gzipSync(body, { level: 9 }).length;
  }
}

function sizes() {
  const out = [];
  for (const file of ["suraksha_wasm_bg.wasm", "suraksha_wasm.js"]) {
    const body = readFileSync(join(pkg, "web", file));
    out.push({
      section: "size",
      file: `web/${file}`,
      raw: statSync(join(pkg, "web", file)).size,
      gzip: gzipped(join(pkg, "web", file), body),
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return out;
}

const versions = { node: process.versions.node, node_flags: NODE_FLAGS, ajv: version("ajv"), "ajv-formats": version("ajv-formats"), "playwright-core": version("playwright-core") };
const nodeRows = node();
let browser = null;
let browserError = null;
if (process.env.NO_BROWSER !== "1") {
  try {
    browser = await chromium();
    versions.chromium = browser.version;
    versions.chromium_isolated = browser.isolated;
  } catch (e) {
    browserError = String(e?.stack ?? e);
    process.exitCode = 1;
  }
}
emit({ versions, today: TODAY, rounds: ROUNDS });
for (const row of sizes()) emit(row);
for (const row of withRatios("node", nodeRows)) emit(row);
if (browser) for (const row of withRatios("chromium", browser.rows)) emit(row);
if (browserError) {
  emit({ section: "chromium", error: browserError.split("\n")[0] });
  console.error(browserError);
}
