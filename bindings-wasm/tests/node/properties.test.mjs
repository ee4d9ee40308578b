// Property tests (fast-check) over every export of the package: whatever a form
// sends — any JS value, NaN and infinities, lone surrogates, BigInt, cycles,
// deep nesting, far dates, huge numbers — every call returns a tagged answer
// ({type: "success", ...} or {type: "failure", diagnostics}) and never throws
// or traps the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { wasm, repo, vectors } from "../lib.mjs";

const RUNS = 150;
const kinds = wasm.kinds();

function tagged(r, what) {
  assert.equal(typeof r, "object", `${what}: not an object`);
  assert.ok(r !== null, `${what}: null`);
  assert.ok(r.type === "success" || r.type === "failure", `${what}: ${JSON.stringify(r)}`);
  if (r.type === "failure") {
    assert.ok(Array.isArray(r.diagnostics) && r.diagnostics.length > 0, `${what}: empty failure`);
    for (const d of r.diagnostics) {
      assert.equal(typeof d.code, "string");
      assert.equal(typeof d.message, "string");
      assert.ok(d.path === "" || d.path.startsWith("/"), d.path);
    }
  }
  return r;
}

// Every export by name: a call that reaches it with arbitrary arguments.
const exported = Object.keys(wasm).filter((k) => typeof wasm[k] === "function" && !/^__|^init/.test(k));

const samples = {};
for (const { vector } of vectors()) {
  if (vector.input && typeof vector.input === "object" && typeof vector.kind === "string") {
    (samples[vector.kind] ??= []).push(vector.input);
  }
}

const extremes = fc.constantFrom(
  NaN, Infinity, -Infinity, -0, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE, -1, 4294967295,
  "9999-12-31", "+262142-12-31", "9999-12-31T23:59:59+05:30", "1899-12-31", "\ud800", "\udc00x",
  "", null, undefined, [], {}, 10n,
);
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
    withTypedArray: true, withSparseArray: true, withObjectString: true, withBoxedValues: true }),
  extremes,
  fc.string({ unit: "binary" }), // lone surrogates included
);

/** A vector's input with a few fields set to extremes or anything at all. */
const record = (kind) =>
  fc.tuple(fc.constantFrom(...(samples[kind] ?? [{}])), fc.array(fc.tuple(fc.nat(), anything), { maxLength: 3 }))
    .map(([base, edits]) => {
      const r = structuredClone(base);
      for (const [i, v] of edits) {
        const keys = Object.keys(r);
        if (keys.length) r[keys[i % keys.length]] = v;
      }
      return r;
    });

const options = fc.oneof(
  fc.constant(undefined),
  anything,
  fc.record({
    today: fc.oneof(fc.constantFrom("2026-11-23", "+262142-12-31", "9999-12-31"), anything),
    locale: fc.oneof(fc.constantFrom("en", "hi"), anything),
    profile: fc.oneof(fc.constant(undefined), anything,
      fc.record({ upcoming_days: fc.oneof(fc.nat(), extremes), follow_up_days: fc.dictionary(fc.constantFrom("high", "low"), fc.oneof(fc.nat(), extremes)) }, { requiredKeys: [] })),
  }, { requiredKeys: [] }),
);

test("every export answers arbitrary arguments with a tagged result", () => {
  assert.ok(exported.length >= 8, exported.join());
  for (const name of exported) {
    // Catalogues (kinds, codes) answer a plain array whatever they are given.
    const catalogue = Array.isArray(wasm[name]());
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 4 }), (args) => {
        const r = wasm[name](...args);
        if (catalogue) assert.ok(Array.isArray(r), name);
        else tagged(r, name);
      }),
      { numRuns: RUNS },
    );
  }
});

test("validate, triage, functionality and transition on mutated records", () => {
  fc.assert(
    fc.property(fc.constantFrom(...kinds).chain((k) => fc.tuple(fc.constant(k), record(k))), fc.boolean(), options, ([kind, r], asText, opts) => {
      let input = r;
      if (asText) {
        try { input = JSON.stringify(r); } catch { input = r; }
      }
      tagged(wasm.validate(kind, input, opts), "validate");
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(record("case"), record("vcpc"), record("referral"), anything, options, (c, v, ref, t, opts) => {
      tagged(wasm.triage(c, opts), "triage");
      tagged(wasm.functionality(v, opts), "functionality");
      tagged(wasm.transition("referral", ref, t, opts), "transition");
      tagged(wasm.transition("case", c, t, opts), "transition");
    }),
    { numRuns: RUNS },
  );
});

// ---- the boundary, case by case: the same codes as the core and Python

const sample = (kind) => JSON.parse(readFileSync(join(repo, "examples/records", `${kind}.json`), "utf8"));
const opts = { today: "2026-11-23" };
// Unusable input is a failure; a record's own errors come in a success's report.
const codes = (r) =>
  r.type === "failure"
    ? r.diagnostics.map((d) => d.code)
    : (r.report?.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => d.code);

test("NaN and infinities are coded, never silently dropped", () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const c = sample("case");
    c.child.age_years = bad; // optional: as null it would vanish and the case be valid
    delete c.child.date_of_birth;
    assert.deepEqual(codes(wasm.validate("case", c, opts)), ["non_finite_number"]);
  }
});

test("lone surrogates are invalid_text in objects and in text", () => {
  const r = sample("referral");
  r.id = "R\ud800";
  assert.deepEqual(codes(wasm.validate("referral", r, opts)), ["invalid_text"]);
  assert.deepEqual(codes(wasm.validate("referral", JSON.stringify(r), opts)), ["invalid_text"]);
  assert.deepEqual(codes(wasm.validate("referral", '{"id": "R\ud800"}', opts)), ["invalid_text"]);
});

test("a real U+FFFD is text like any other, in objects and in text", () => {
  // The binding looks for lone surrogates only where the copy holds a U+FFFD.
  const r = sample("referral");
  const plain = codes(wasm.validate("referral", r, opts));
  r.note = "\ufffd";
  for (const input of [r, JSON.stringify(r)]) {
    assert.ok(!codes(wasm.validate("referral", input, opts)).includes("invalid_text"));
  }
  assert.deepEqual(codes(wasm.validate("referral", { ...sample("referral"), id: "R\ufffd" }, opts)), plain);
});

test("a value with a null, a NaN and a cycle gets the same answer on every path", () => {
  // Text holding "null" goes the careful way (a replacer), which sees the NaN first.
  const c = sample("case");
  c.child.age_years = NaN;
  c.self = c;
  assert.deepEqual(codes(wasm.validate("case", c, opts)), ["non_finite_number"]);
  const n = sample("case");
  n.note = null; // an unknown field, whatever its value: the careful way, same verdict
  assert.deepEqual(codes(wasm.validate("case", n, opts)), codes(wasm.validate("case", JSON.stringify(n), opts)));
});

test("cycles and deep nesting are nesting_too_deep", () => {
  const c = sample("case");
  c.self = c;
  assert.deepEqual(codes(wasm.validate("case", c, opts)), ["nesting_too_deep"]);
  let deep = {};
  const top = deep;
  for (let i = 0; i < 500; i++) deep = deep.x = {};
  assert.deepEqual(codes(wasm.validate("case", top, opts)), ["nesting_too_deep"]);
});

test("far dates and huge numbers are coded, not a trap", () => {
  const c = sample("case");
  c.identified_at = "9999-12-31T23:00:00-12:00";
  assert.deepEqual(codes(wasm.validate("case", c, opts)), ["date_out_of_range"]);
  const t = tagged(wasm.triage(sample("case"), { today: "+262142-12-31" }), "triage");
  assert.deepEqual(codes(t), ["date_out_of_range"]);
  const j = sample("case");
  j.journey_hours = 2 ** 32 - 1;
  assert.ok(codes(wasm.validate("case", j, opts)).includes("out_of_range"));
});
