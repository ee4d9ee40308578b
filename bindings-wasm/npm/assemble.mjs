// Turns the two wasm-bindgen outputs (pkg/web, pkg/node) into one npm package:
// writes package.json files and generates TypeScript types of the records,
// options and reports from the JSON Schemas in /schemas, so the declarations
// in src/types.d.ts (which import them) follow the core automatically.
// Usage: node bindings-wasm/npm/assemble.mjs <pkg dir>
import { createRequire } from "node:module";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const pkg = resolve(process.argv[2] ?? join(here, "../pkg"));
// json-schema-to-typescript is a dev dependency of the tests package.
const require = createRequire(join(here, "../tests/package.json"));
const { compile } = require("json-schema-to-typescript");

const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo)?.[1] ?? "0.0.0";

const entry = (dir) => ({ types: `./${dir}/suraksha_wasm.d.ts`, default: `./${dir}/suraksha_wasm.js` });
const manifest = {
  name: "suraksha-wasm",
  version,
  description: "Child protection record validation (VCPC, case, referral) for offline web forms, in WebAssembly",
  license: "Apache-2.0",
  repository: "https://github.com/leher/suraksha",
  // Browsers and bundlers get the ES module (call its default `init()` first);
  // Node gets the synchronous CommonJS build.
  exports: {
    ".": { node: entry("node"), default: entry("web") },
    "./web": entry("web"),
    "./node": entry("node"),
    "./types/*": "./types/*.d.ts",
  },
  types: "./web/suraksha_wasm.d.ts",
  files: ["web", "node", "types"],
  sideEffects: ["./web/snippets/*"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(pkg, "web/package.json"), '{ "type": "module" }\n');
writeFileSync(join(pkg, "node/package.json"), '{ "type": "commonjs" }\n');

/** The schema without the field labels added for forms (`title` with its
 * `x-title-hi` twin): json-schema-to-typescript would name a type after each.
 * A label on a node that refers elsewhere stays: it names recursive types. */
const refers = (node) => JSON.stringify(node).includes('"$ref"');
function untitled(node, root = false) {
  if (Array.isArray(node)) return node.map((n) => untitled(n));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "x-title-hi" || (k === "title" && !root && "x-title-hi" in node && !refers(node))) continue;
    // Property names are data, not keywords: keep each, clean its schema.
    out[k] = k === "properties" || k === "$defs" ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, untitled(s)])) : untitled(v);
  }
  return out;
}

mkdirSync(join(pkg, "types"), { recursive: true });
const schemas = join(root, "schemas");
for (const file of readdirSync(schemas).filter((f) => f.endsWith(".json")).sort()) {
  const schema = untitled(JSON.parse(readFileSync(join(schemas, file), "utf8")), true);
  const ts = await compile(schema, schema.title ?? file, {
    bannerComment: `/* Generated from schemas/${file} by bindings-wasm/npm/assemble.mjs: do not edit. */`,
    additionalProperties: false,
    format: false,
  });
  writeFileSync(join(pkg, "types", file.replace(/\.json$/, ".d.ts")), ts);
}
// Records: each kind the module knows, with its record type (the schema's title).
const wasm = require(join(pkg, "node/suraksha_wasm.js"));
const lines = [];
const members = [];
for (const kind of wasm.kinds()) {
  const file = join(schemas, `${kind}.json`);
  const title = JSON.parse(readFileSync(file, "utf8")).title;
  const alias = kind.replace(/(^|_)([a-z])/g, (_, _u, c) => c.toUpperCase());
  lines.push(`import type { ${title} as ${alias} } from "./${kind}.js";`);
  members.push(`  ${kind}: ${alias};`);
}
writeFileSync(
  join(pkg, "types/records.d.ts"),
  `/* Generated from kinds() by bindings-wasm/npm/assemble.mjs: do not edit. */\n${lines.join("\n")}\n\n` +
    `/** Every record kind with the type of its records. */\nexport interface Records {\n${members.join("\n")}\n}\n`,
);
console.log(`assembled ${pkg} (version ${version})`);
