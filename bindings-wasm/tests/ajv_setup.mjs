// ajv set up as the package's tests check the exported schemas with it, shared
// by node/ajv.test.mjs and the browser bench (benches/wasm_timing.mjs). No
// imports: the bench's headless page loads this file as it is and hands in
// ajv's classes.

/** Codes that a JSON Schema validator can see too. */
export const STRUCTURAL = new Set([
  "wrong_type", "missing_field", "unknown_field", "identifying_field",
  "invalid_enum_value", "invalid_format", "out_of_range", "too_short", "too_long",
]);

/** ajv 8 (draft 2020-12): allErrors, strict, ajv-formats, the Hindi label
 * keyword and schemars' number formats. */
export function makeAjv(Ajv2020, addFormats) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The Hindi title beside each `title`: an annotation, declared so strict mode accepts it.
  ajv.addKeyword({ keyword: "x-title-hi", schemaType: "string" });
  // schemars names Rust's number types as formats; give them their meaning.
  const int = (min, max) => ({ type: "number", validate: (n) => Number.isInteger(n) && n >= min && n <= max });
  for (const bits of [8, 16, 32, 64]) {
    ajv.addFormat(`uint${bits}`, int(0, 2 ** bits - 1));
    ajv.addFormat(`int${bits}`, int(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1));
  }
  ajv.addFormat("uint", int(0, Number.MAX_SAFE_INTEGER));
  ajv.addFormat("int", int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  for (const f of ["float", "double"]) ajv.addFormat(f, { type: "number", validate: Number.isFinite });
  return ajv;
}
