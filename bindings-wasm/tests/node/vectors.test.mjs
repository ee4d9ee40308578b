// The shared vectors through the WebAssembly package: every report must equal
// the one Rust stored in the vector, and match the hand-written `expected`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasm, vectors, rawMember, hasLossyNumber, asReport, triples } from "../lib.mjs";

const all = vectors();

test("there are vectors to run", () => {
  assert.ok(all.length >= 60, `found only ${all.length} vectors`);
});

for (const { name, vector, text } of all) {
  test(`vector ${name}`, () => {
    // The exact text of the input, so 10.0 stays a float as it does for Rust.
    const raw = "input_text" in vector ? vector.input_text : rawMember(text, "input");
    assert.equal(typeof raw, "string", "vector has neither input nor input_text");
    const fromText = asReport(wasm.validate(vector.kind, raw, vector.options));
    assert.deepStrictEqual(fromText, vector.report);
    assert.equal(fromText.valid, vector.expected.valid);
    assert.deepStrictEqual(triples(fromText), triples(vector.expected));

    // A form passes objects: same report unless JS numbers cannot hold the input.
    if ("input" in vector && !hasLossyNumber(raw)) {
      const fromObject = asReport(wasm.validate(vector.kind, vector.input, vector.options));
      assert.deepStrictEqual(fromObject, vector.report);
    }
  });
}
