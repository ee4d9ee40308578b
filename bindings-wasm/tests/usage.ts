// Type-checked (tsc --noEmit) against the package's declarations; never run.
// If the declarations drift from how a form uses the package, this fails.
import type { Case, Diagnostic, Kind, Outcome, Report, Triage, Vcpc } from "../pkg/node/suraksha_wasm.js";
import * as wasm from "../pkg/node/suraksha_wasm.js";

const kinds: Kind[] = wasm.kinds();

// A form maps every diagnostic to its field by JSON Pointer.
function messagesByField(result: Outcome<"report", Report>): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  const diagnostics: Diagnostic[] = result.type === "success" ? result.report.diagnostics : result.diagnostics;
  for (const d of diagnostics) byPath.set(d.path, [...(byPath.get(d.path) ?? []), `${d.code}: ${d.message}`]);
  return byPath;
}

const draft: Partial<Case> = { id: "CASE-1", status: "identified" };
const r = wasm.validate("case", draft, { locale: "hi", today: "2026-11-23" });
messagesByField(r);
if (r.type === "success") {
  const valid: boolean = r.report.valid;
  void valid;
} else {
  const first: string | undefined = r.diagnostics[0]?.params ? r.diagnostics[0].code : undefined;
  void first;
}
wasm.validate("vcpc", '{"id": "x"}');

const t = wasm.triage(draft);
if (t.type === "success") {
  const level: Triage["level"] = t.triage.level;
  const due: string | null = t.triage.follow_up_due;
  void level, due;
}

declare const vcpc: Vcpc;
const f = wasm.functionality(vcpc, { today: "2026-11-23" });
if (f.type === "success") console.log(f.functionality.score.toFixed(1), f.functionality.band);

const moved = wasm.transition("referral", "{}", { to: "accepted", at: "2026-11-22T10:00:00+05:30", by: "cw-1" });
if (moved.type === "success") console.log(moved.record.status);
wasm.transition("case", draft, { action: "reopen", at: "2026-11-22T10:00:00+05:30", by: "cw-1", reason: "new concern" });

const s = wasm.schema("case");
if (s.type === "success") console.log(Object.keys(s.schema));
for (const c of wasm.codes()) console.log(c.code, c.severity, c.en, c.hi);
const p = wasm.profile({ profile: {} });
if (p.type === "failure") console.log(p.diagnostics.length);
console.log(kinds);

const review = wasm.reviewCci("{}", null, { locale: "hi" });
if (review.type === "success") console.log(review.review.rating_label, review.review.domains.map((d) => d.score));
const frame = wasm.cciFrame();
if (frame.type === "success") wasm.reviewCci({}, frame.frame);

// @ts-expect-error: not a kind
wasm.schema("cases");
// @ts-expect-error: locale must be en or hi
wasm.validate("case", draft, { locale: "fr" });
// @ts-expect-error: no transitions for VCPCs
wasm.transition("vcpc", {}, {});
