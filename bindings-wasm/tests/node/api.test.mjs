// Each export of the package: tagged results, Hindi messages, scoring and
// state machines, and that no bad input throws or traps the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { wasm, repo, root } from "../lib.mjs";

const sample = (kind) => JSON.parse(readFileSync(join(repo, "examples/records", `${kind}.json`), "utf8"));
const opts = { today: "2026-11-23", locale: "en" };

test("kinds lists every record kind, and the generated Records type knows each", () => {
  const kinds = wasm.kinds();
  assert.ok(kinds.includes("case") && kinds.includes("vcpc") && kinds.includes("referral"));
  const dts = readFileSync(join(root, "pkg/types/records.d.ts"), "utf8");
  for (const k of kinds) assert.match(dts, new RegExp(`^  ${k}: \\w+;$`, "m"), `records.d.ts lacks ${k}`);
});

test("the sample records validate", () => {
  for (const kind of ["case", "vcpc", "referral"]) {
    const r = wasm.validate(kind, sample(kind), opts);
    assert.equal(r.type, "success", JSON.stringify(r));
    assert.equal(r.report.valid, true);
  }
});

test("an invalid record is a success (validation ran) whose report points at the field, in Hindi too", () => {
  const c = sample("case");
  c.child.sex = "robot";
  const en = wasm.validate("case", c, opts);
  assert.equal(en.type, "success", JSON.stringify(en));
  assert.equal(en.report.valid, false);
  const d = en.report.diagnostics.find((x) => x.path === "/child/sex");
  assert.ok(d, JSON.stringify(en.report.diagnostics));
  assert.equal(d.code, "invalid_enum_value");
  assert.equal(d.severity, "error");
  assert.equal(typeof d.params, "object");
  const hi = wasm.validate("case", JSON.stringify(c), { ...opts, locale: "hi" });
  const dh = hi.report.diagnostics.find((x) => x.path === "/child/sex");
  assert.equal(dh.code, d.code);
  assert.notEqual(dh.message, d.message);
  assert.match(dh.message, /[\u0900-\u097F]/, "Hindi message should be in Devanagari");
});

test("a failure says why the work could not run: its category", () => {
  const unknown = wasm.validate("nope", sample("case"), opts);
  assert.equal(unknown.type, "failure");
  assert.equal(unknown.category, "input");
  assert.equal(unknown.diagnostics[0].code, "unknown_kind");
  const malformed = wasm.validate("case", "{", opts);
  assert.equal(malformed.type, "failure");
  assert.equal(malformed.category, "input");
  assert.equal(malformed.diagnostics[0].code, "malformed_json");
  const invalid = wasm.triage({ id: 1 }, opts);
  assert.equal(invalid.type, "failure");
  assert.equal(invalid.category, "invalid");
});

test("options: defaults when absent, failure when malformed", () => {
  assert.equal(wasm.validate("case", sample("case")).type, "success");
  const bad = wasm.validate("case", sample("case"), { locale: "fr" });
  assert.equal(bad.type, "failure");
  assert.ok(bad.diagnostics.length > 0);
  const text = wasm.validate("case", sample("case"), '{"today": "2026-11-23"}');
  assert.equal(text.type, "success");
});

test("options take effect on every call (the binding keeps the last options it read)", () => {
  const c = sample("case");
  const early = { today: "2020-01-01" };
  const codesWith = (o) => wasm.validate("case", c, o).report.diagnostics.map((d) => d.code);
  assert.deepEqual(codesWith(opts), []);
  assert.ok(codesWith(early).includes("date_in_future"));
  assert.deepEqual(codesWith(opts), []);
  assert.ok(codesWith(JSON.stringify(early)).includes("date_in_future"));
  const hi = wasm.validate("case", c, { ...early, locale: "hi" }).report.diagnostics[0];
  const en = wasm.validate("case", c, early).report.diagnostics[0];
  assert.equal(hi.code, en.code);
  assert.notEqual(hi.message, en.message);
  assert.match(hi.message, /[\u0900-\u097F]/);
});

test("schema returns each kind's schema, unknown kinds fail", () => {
  const s = wasm.schema("vcpc");
  assert.equal(s.type, "success");
  assert.equal(s.schema.title, "Vcpc");
  const u = wasm.schema("nope");
  assert.equal(u.type, "failure");
  assert.equal(u.diagnostics[0].code, "unknown_kind");
});

test("codes: every code has English and Hindi templates", () => {
  const codes = wasm.codes();
  assert.ok(codes.length > 20);
  for (const c of codes) {
    assert.ok(c.en && c.hi && (c.severity === "error" || c.severity === "warning"), c.code);
  }
  assert.ok(codes.some((c) => c.code === "malformed_json"));
});

test("profile: default, patched, and a bad patch", () => {
  const p = wasm.profile();
  assert.equal(p.type, "success");
  assert.equal(typeof p.profile, "object");
  assert.equal(wasm.profile({ profile: 7 }).type, "failure");
});

test("triage of the sample case, and of a broken one", () => {
  const t = wasm.triage(sample("case"), opts);
  assert.equal(t.type, "success", JSON.stringify(t));
  assert.ok(["low", "medium", "high"].includes(t.triage.level));
  assert.ok(Array.isArray(t.triage.reasons));
  assert.equal(wasm.triage({ id: 1 }, opts).type, "failure");
});

test("functionality of the sample VCPC", () => {
  const f = wasm.functionality(sample("vcpc"), opts);
  assert.equal(f.type, "success", JSON.stringify(f));
  assert.ok(f.functionality.score >= 0 && f.functionality.score <= 100);
  assert.ok(["functional", "semi_functional", "non_functional"].includes(f.functionality.band));
  assert.equal(wasm.functionality("[]", opts).type, "failure");
});

test("referral transitions: legal step appends history, illegal one is coded", () => {
  const vector = JSON.parse(readFileSync(join(repo, "tests/vectors/referral/valid_pending.json"), "utf8"));
  const r = vector.input;
  assert.equal(r.status, "pending");
  const at = new Date(Date.parse(r.created_at) + 3600e3).toISOString().replace("Z", "+00:00");
  const ok = wasm.transition("referral", r, { to: "accepted", at, by: "cw-1" }, vector.options);
  assert.equal(ok.type, "success", JSON.stringify(ok));
  assert.equal(ok.record.history.length, (r.history ?? []).length + 1);
  assert.equal(ok.record.status, "accepted");
  const back = wasm.transition("referral", ok.record, { to: "pending", at, by: "cw-1" }, vector.options);
  assert.equal(back.type, "failure");
  assert.ok(back.diagnostics.some((d) => d.code === "illegal_transition"), JSON.stringify(back));
  const rejected = wasm.transition("referral", r, { to: "rejected", at, by: "cw-1" }, vector.options);
  assert.equal(rejected.type, "failure");
  assert.equal(rejected.diagnostics[0].code, "reason_required");
  assert.equal(rejected.diagnostics[0].path, "/reason");
});

test("case transitions: close, reopening needs a reason, reopen with one", () => {
  const c = sample("case");
  const closed = wasm.transition("case", c, {
    action: "close", at: "2026-11-22T10:00:00+05:30", by: "cw-1",
    closure: { date: "2026-11-22", reason: "formal_closing" },
  }, opts);
  assert.equal(closed.type, "success", JSON.stringify(closed));
  assert.equal(closed.record.status, "closed");
  const reopen = { action: "reopen", at: "2026-11-22T11:00:00+05:30", by: "cw-1" };
  const refused = wasm.transition("case", closed.record, reopen, opts);
  assert.equal(refused.type, "failure");
  assert.equal(refused.diagnostics[0].code, "reason_required");
  assert.equal(refused.diagnostics[0].path, "/reason");
  const reopened = wasm.transition("case", closed.record, { ...reopen, reason: "new concern" }, opts);
  assert.equal(reopened.type, "success", JSON.stringify(reopened));
  assert.equal(reopened.record.status, "open");
  assert.equal(reopened.record.history.length, c.history.length + 2);
  const badReason = wasm.transition("case", c, { action: "close", at: "2026-11-22T10:00:00+05:30", by: "x", closure: { date: "2026-11-22", reason: "x" } }, opts);
  assert.equal(badReason.diagnostics[0].path, "/closure/reason"); // paths point into the transition
  assert.equal(wasm.transition("vcpc", sample("vcpc"), {}, opts).type, "failure");
});

test("CCI review against the shipped frame, a supplied frame, and a bad record", () => {
  const dir = join(repo, "tests/vectors/cci_assessment");
  const valid = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))).find((v) => v.expected.valid);
  assert.ok(valid, "no valid cci_assessment vector");
  const r = wasm.reviewCci(valid.input, undefined, valid.options);
  assert.equal(r.type, "success", JSON.stringify(r));
  assert.ok(Array.isArray(r.review.domains) && r.review.domains.length > 0);
  assert.ok(r.review.coverage >= 0 && r.review.coverage <= 1);
  const frame = wasm.cciFrame();
  assert.equal(frame.type, "success");
  assert.equal(wasm.validate("cci_frame", frame.frame, valid.options).type, "success");
  const same = wasm.reviewCci(valid.input, frame.frame, valid.options);
  assert.deepStrictEqual(same, r);
  const bad = wasm.reviewCci({ frame: 3 }, null, valid.options);
  assert.equal(bad.type, "failure");
  assert.ok(bad.diagnostics.every((d) => typeof d.path === "string"));
});

// Values a careless caller might pass: none may throw or trap the module.
function nasty() {
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = [];
  for (let i = 0; i < 5000; i++) deep = [deep];
  return [
    undefined, null, 0, -1, NaN, Infinity, true, "", "{", "null", "[]", "\u0000", "x".repeat(100000),
    {}, [], cyclic, 10n, () => 1, Symbol("s"), new Date(0), new Map(), deep, "[".repeat(5000) + "]".repeat(5000),
    { id: { toJSON() { throw new Error("boom"); } } },
  ];
}

test("bad input never throws or traps: every export returns a tagged result", () => {
  const check = (r, what) => {
    assert.ok(r && (r.type === "success" || r.type === "failure"), `${what}: ${String(r)}`);
    if (r.type === "failure") {
      assert.ok(["input", "invalid", "internal"].includes(r.category), what);
      for (const d of r.diagnostics) assert.ok(typeof d.code === "string" && typeof d.path === "string", what);
    }
  };
  for (const [i, v] of nasty().entries()) {
    for (const kind of ["case", "vcpc", "referral", "nope"]) {
      check(wasm.validate(kind, v, opts), `validate ${kind} #${i}`);
      check(wasm.validate(kind, {}, v), `validate options #${i}`);
    }
    check(wasm.triage(v, opts), `triage #${i}`);
    check(wasm.functionality(v, opts), `functionality #${i}`);
    check(wasm.transition("case", v, v, opts), `transition #${i}`);
    check(wasm.transition("referral", sample("referral"), v, opts), `transition referral #${i}`);
    check(wasm.profile(v), `profile #${i}`);
    check(wasm.reviewCci(v, v, opts), `reviewCci #${i}`);
    check(wasm.schema(v), `schema #${i}`);
  }
  // The module still works afterwards (a trap would poison it).
  assert.equal(wasm.validate("case", sample("case"), opts).type, "success");
});
