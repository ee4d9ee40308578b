// A schema-driven form (react-jsonschema-form) draws schemas/case.json with a
// human label on every field and a select for every enum: the labels come from
// the core's label catalogue, written into the schemas as `title`s.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Form from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

const read = (p) => JSON.parse(readFileSync(join(repo, p), "utf8"));
const decode = (s) => s.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/<[^>]+>/g, "");

// schemars names Rust's integer widths as formats; tell ajv they exist.
const formats = Object.fromEntries(
  ["uint8", "uint16", "uint32", "uint64", "uint", "int32", "int64", "float", "double"].map((f) => [f, () => true]),
);
const validator = customizeValidator({ AjvClass: Ajv2020, customFormats: formats });

/** Every leaf value of a record, as rjsf ids (`root_child_sex`). */
function leafIds(value, id = "root", out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => leafIds(v, `${id}_${i}`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leafIds(v, `${id}_${k}`, out);
  else out.push(id);
  return out;
}

/** Every string-enum field the schema reaches from a record, as rjsf ids. */
function enumIds(schema, root, value, id = "root", out = []) {
  const resolve = (s) => (s?.$ref ? resolve(root.$defs[s.$ref.split("/").pop()]) : s);
  let s = resolve(schema);
  const branch = (s?.anyOf ?? []).map(resolve).find((b) => b.type !== "null");
  if (branch && value !== null && value !== undefined) s = branch;
  if (s?.oneOf?.every((b) => typeof b.const === "string")) out.push(id);
  else if (Array.isArray(value)) value.forEach((v, i) => enumIds(s.items, root, v, `${id}_${i}`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) enumIds(s.properties?.[k], root, v, `${id}_${k}`, out);
  return out;
}

test("rjsf renders schemas/case.json with a human label for every field and a select for every enum", () => {
  const schema = read("schemas/case.json");
  const record = read("examples/records/case.json");
  const html = renderToStaticMarkup(createElement(Form, { schema, validator, formData: record }));

  // Labels by the control they name; a checkbox's label wraps it.
  const labels = new Map();
  for (const m of html.matchAll(/<label class="control-label" for="([^"]+)">(.*?)<\/label>/g)) labels.set(m[1], decode(m[2]));
  for (const m of html.matchAll(/<label><input type="checkbox" id="([^"]+)"[^>]*\/><span>(.*?)<\/span><\/label>/g))
    labels.set(m[1], decode(m[2]));
  for (const m of html.matchAll(/<legend id="([^"]+)__title">(.*?)<\/legend>/g)) labels.set(m[1], decode(m[2]));

  const missing = [];
  for (const id of leafIds(record)) {
    // An array item is labelled by its list's legend.
    const own = labels.get(id);
    const text = own ?? labels.get(id.replace(/_\d+$/, ""));
    if (!text || /[a-z]_[a-z]/.test(text) || /option \d/i.test(text)) missing.push(`${id}: ${text}`);
  }
  assert.deepEqual(missing, [], "fields without a human label");
  assert.ok(labels.size >= 40, `only ${labels.size} labels`);
  for (const text of labels.values()) assert.doesNotMatch(text, /[a-z]_[a-z]|option \d/i, text);

  const enums = enumIds(schema, schema, record);
  assert.ok(enums.length >= 10, `only ${enums.length} enum fields`);
  for (const id of enums) {
    const select = html.match(new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`));
    assert.ok(select, `no select for ${id}`);
    const options = [...select[1].matchAll(/<option[^>]*>(.*?)<\/option>/g)].map((m) => decode(m[1])).filter(Boolean);
    assert.ok(options.length >= 2, `${id}: ${options}`);
    for (const o of options) assert.doesNotMatch(o, /_/, `${id} option ${o}`);
  }
});
