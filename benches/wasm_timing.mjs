// The part of benches/wasm_bench.mjs that runs in Node and, unchanged, in the
// headless Chromium page: ajv set up as the package's tests set it up, the
// record sets, and the timing loop. Its one import is import-free, and the
// page serves it at the same relative place.

import { STRUCTURAL, makeAjv } from "../bindings-wasm/tests/ajv_setup.mjs";

export { makeAjv };

const pad = (n, w) => String(n).padStart(w, "0");

/** `n` distinct valid cases made from the sample case: every id, name, code and
 * date differs from one case to the next, none changes what the law says (no
 * warning either, as the sample has none). */
export function distinctCases(sample, n) {
  const sexes = ["female", "male"];
  const groups = ["sc", "st", "obc", "other"];
  const schooling = ["dropped_out", "irregular", "attending"];
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = structuredClone(sample);
    c.id = `CASE-2026-${pad(1000 + i, 5)}`;
    c.child.id = `BIS-${pad(7 * i + 13, 5)}`;
    // Born 2009-2013: under 18 on the planned marriage date, of school age.
    c.child.date_of_birth = `${2009 + (i % 5)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`;
    c.child.sex = sexes[i % 2];
    c.child.social_group = groups[i % 4];
    c.child.school_status = schooling[i % 3];
    for (const [j, area] of ["state", "district", "block", "gram_panchayat", "village"].entries()) {
      c.geography[area].lgd_code = sample.geography[area].lgd_code + i * (j + 1);
      c.geography[area].name = `${sample.geography[area].name} ${i}`;
    }
    // Identified the morning the sample was, before its referrals and its opening.
    c.identified_at = `2026-11-02T${pad(8 + (i % 3), 2)}:${pad(i % 60, 2)}:00+05:30`;
    c.referrals[0].referral_id = `REF-2026-${pad(2000 + i, 5)}`;
    c.journey_hours = 1 + (i % 4);
    c.last_follow_up = `2026-11-${pad(17 + (i % 6), 2)}`; // a high-risk case: within the week
    c.history[0].by = `cw-${i % 9}`;
    out.push(c);
  }
  return out;
}

/** Each invalid variant: a name, what it does to a case, and whether a
 * shape-only validator can see it (`semantic`: only suraksha rejects it). */
export const BROKEN = [
  ["no child", (c) => delete c.child],
  ["unknown sex", (c) => (c.child.sex = "robot")],
  ["journey_hours a string", (c) => (c.journey_hours = "two")],
  ["unknown field", (c) => (c.note = "x")],
  ["identifying field", (c) => (c.child.name = "Sita")],
  ["identified_at not a date-time", (c) => (c.identified_at = "02/11/2026 10:30")],
  ["date of birth not a date", (c) => (c.child.date_of_birth = "2011-13-45")],
  ["negative lgd code", (c) => (c.geography.state.lgd_code = -3)],
  ["an adult (semantic only)", (c) => (c.child.date_of_birth = "2001-01-01"), "semantic"],
];

/** A record of a set: the value, its JSON text, and its label. */
const record = (value, label) => ({ value, text: JSON.stringify(value), label });

/** The record sets: the sample case alone, and distinct valid cases with the
 * broken variants spread among them. */
export function recordSets(sample, nValid) {
  const cases = distinctCases(sample, nValid + BROKEN.length);
  const batch = cases.slice(0, nValid).map((c) => record(c, "valid"));
  BROKEN.forEach(([name, breakIt, semantic], b) => {
    const c = cases[nValid + b];
    breakIt(c);
    const at = Math.round(((b + 1) * batch.length) / (BROKEN.length + 1));
    batch.splice(at, 0, { ...record(c, name), semantic: semantic === "semantic" });
  });
  return [
    { name: "sample case (examples/records/case.json)", records: [record(sample, "valid")] },
    { name: `${nValid} distinct valid cases + ${BROKEN.length} invalid`, records: batch },
  ];
}

/**
 * Time each tool on each set: `rounds` rounds, each tool in turn (rotated each
 * round, so drift of a shared machine spreads over all), one pass over the set
 * repeated until the pass lasts `minMs`; µs per record = median over rounds.
 * A tool is {name, run(record) -> verdict (true = valid) or undefined, kind:
 * "suraksha" | "peer" | "cost"}. A suraksha variant must give suraksha's verdict
 * on every record, a peer on every record shape decides (`semantic` records
 * excluded); a cost row has no verdict. Returns one row per (set, tool).
 */
export function measure({ sets, tools, verdict, now, rounds = 9, minMs = 40 }) {
  const rows = [];
  for (const set of sets) {
    const recs = set.records;
    const truth = [];
    for (const r of recs) truth.push(verdict(r));
    const info = [];
    for (const tool of tools) {
      let agrees = null;
      if (tool.kind !== "cost") {
        agrees = true;
        for (let i = 0; i < recs.length; i++) {
          if (!(tool.kind === "peer" && recs[i].semantic) && tool.run(recs[i]) !== truth[i]) agrees = false;
        }
      }
      // Warm up (JIT, wasm tier-up) and find how many passes fill minMs.
      const reps = passesFor(tool, recs, now, minMs);
      info.push({ tool, agrees, reps, times: [] });
    }
    for (let round = 0; round < rounds; round++) {
      for (let j = 0; j < info.length; j++) {
        const it = info[(j + round) % info.length];
        it.times.push((timed(it.tool, recs, it.reps, now) * 1000) / (it.reps * recs.length));
      }
    }
    let invalid = 0;
    let semantic = 0;
    for (let i = 0; i < recs.length; i++) {
      if (!truth[i]) invalid++;
      if (recs[i].semantic) semantic++;
    }
    for (const it of info) {
      const sorted = it.times.slice().sort((a, b) => a - b);
      rows.push({
        set: set.name,
        records: recs.length,
        invalid,
        semantic_only: semantic,
        tool: it.tool.name,
        kind: it.tool.kind,
        us_per_record: sorted[Math.floor(sorted.length / 2)],
        us_min: sorted[0],
        agrees: it.agrees,
      });
    }
  }
  return rows;
}

/** Milliseconds for `reps` passes of `tool` over `recs`. */
function timed(tool, recs, reps, now) {
  const t = now();
  for (let k = 0; k < reps; k++) for (let i = 0; i < recs.length; i++) tool.run(recs[i]);
  return now() - t;
}

/** How many passes over `recs` last at least `minMs` (running them warms the tool up). */
function passesFor(tool, recs, now, minMs) {
  let reps = 1;
  for (;;) {
    const ms = timed(tool, recs, reps, now);
    if (ms >= minMs) return reps;
    reps = Math.min(reps * 2, Math.ceil((reps * minMs) / Math.max(ms, 0.05)) + 1);
  }
}

/** suraksha's verdict on a record, checking on the way that the set is what it
 * claims to be: valid records valid without a warning, each broken one rejected, by a structural
 * code unless it is marked semantic-only (else the bench stops). */
export function checkedVerdict(validate, today) {
  return (r) => {
    const res = validate("case", r.value, { today });
    const valid = res.type === "success" && res.report.valid;
    const clean = valid && res.report.diagnostics.length === 0;
    const structural = res.type === "success" && res.report.diagnostics.some((d) => STRUCTURAL.has(d.code));
    if (r.label === "valid" ? !clean : valid || structural === Boolean(r.semantic)) {
      throw new Error(`record "${r.label}" is not what the bench needs: ${JSON.stringify(res)}`);
    }
    return valid;
  };
}

/** The tools, given the package's `validate` and ajv's compiled validator. */
export function tools(validate, ajvValidate, today) {
  const opts = { today };
  const ok = (res) => res.type === "success" && res.report.valid;
  return [
    { name: "suraksha validate(object)", kind: "suraksha", run: (r) => ok(validate("case", r.value, opts)) },
    { name: "ajv (schema, shape only)", kind: "peer", run: (r) => ajvValidate(r.value) },
    { name: "suraksha validate(JSON text)", kind: "suraksha", run: (r) => ok(validate("case", r.text, opts)) },
    { name: "JSON.parse + ajv", kind: "peer", run: (r) => ajvValidate(JSON.parse(r.text)) },
    { name: "JSON.stringify(object) alone", kind: "cost", run: (r) => void JSON.stringify(r.value) },
    // The same small report each time: what a call costs whatever the record,
    // with the options converted and checked, and without options.
    { name: "suraksha validate of `null` (fixed cost a call)", kind: "cost", run: () => void validate("case", "null", opts) },
    { name: "suraksha validate of `null`, no options", kind: "cost", run: () => void validate("case", "null") },
  ];
}
