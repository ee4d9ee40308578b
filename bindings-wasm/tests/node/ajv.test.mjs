// The schemas the package exports are the ones in /schemas, compile in ajv
// (draft 2020-12), and ajv's verdict on each vector agrees with ours on shape:
// a vector with a structural code must be rejected, one without accepted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { wasm, repo, vectors } from "../lib.mjs";
import { STRUCTURAL, makeAjv } from "../ajv_setup.mjs";

const ajv = makeAjv(Ajv2020, addFormats);
const validators = {};

test("exported schemas equal /schemas and compile in ajv", () => {
  for (const kind of wasm.kinds()) {
    const r = wasm.schema(kind);
    assert.equal(r.type, "success");
    const onDisk = JSON.parse(readFileSync(join(repo, "schemas", `${kind}.json`), "utf8"));
    assert.deepStrictEqual(r.schema, onDisk, `${kind} schema differs from schemas/${kind}.json`);
    validators[kind] = ajv.compile(r.schema);
  }
});

test("ajv agrees with the structural part of every vector", () => {
  let checked = 0;
  for (const { name, vector } of vectors()) {
    const validate = validators[vector.kind];
    if (!validate || !("input" in vector)) continue; // malformed text or unknown kind
    const structural = vector.report.diagnostics.filter((d) => STRUCTURAL.has(d.code));
    const accepted = validate(vector.input);
    assert.equal(
      accepted,
      structural.length === 0,
      `${name}: ajv ${accepted ? "accepts" : "rejects"} but our structural codes are ` +
        `[${structural.map((d) => `${d.code} ${d.path}`).join(", ")}]; ajv: ${ajv.errorsText(validate.errors)}`,
    );
    checked++;
  }
  assert.ok(checked >= 50, `only ${checked} vectors checked`);
});
