// The offline forms: a case, the committee, its meetings and the District Need
// Assessment village tool. Every rule lives in the suraksha WebAssembly package
// (./pkg is bindings-wasm/pkg/web): this file builds a record from the form,
// asks `validate`, puts each diagnostic at the field its JSON Pointer names, and
// keeps records on the phone (IndexedDB, store.js). Field labels and choices
// come from the package's labelled JSON Schemas, in English or Hindi.
import init, { validate, schema as schemaOf, profile as profileOf, triage, functionality } from "./pkg/suraksha_wasm.js";
import { UI } from "./ui.js";
import { openStore } from "./store.js";
import { download, toCsv } from "./export.js";

const params = new URLSearchParams(location.search);
const today = params.get("today"); // a fixed date for tests and demos; the phone's own date otherwise
let locale = params.get("lang") || localStorage.getItem("suraksha.locale") || "en";
let store;
let profile;
const schemas = {};
const $ = (sel, el = document) => el.querySelector(sel);
const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];
const t = () => UI[locale];
const options = () => (today ? { locale, today } : { locale });
const FORMS = ["case", "vcpc", "meeting", "dna"];
const LEVELS = ["state", "district", "block", "gram_panchayat", "village"];
/** Per form: the record it was opened from (fields the form does not show are kept), pressed Check once, fields touched. */
const state = Object.fromEntries(FORMS.map((f) => [f, { base: {}, checked: false, touched: new Set(), map: [] }]));

// ---------- the labelled schemas ----------

function deref(root, n) {
  while (n && n.$ref) n = root.$defs[n.$ref.split("/").pop()];
  return n;
}
/** A node without its `null` alternative (optional values are `T or null`). */
function solid(root, n) {
  n = deref(root, n);
  const alt = n?.anyOf?.find((b) => b.type !== "null");
  return alt ? deref(root, alt) : n;
}
/** The schema of `path` in `kind`: {prop: the property (title), node: its value schema}. */
function at(kind, path) {
  const root = schemas[kind];
  let node = root;
  let prop = null;
  for (const seg of path.split("/").filter(Boolean)) {
    node = solid(root, node);
    if (/^(\d+|#)$/.test(seg)) node = node?.items;
    else node = prop = node?.properties?.[seg];
  }
  return { prop, node: solid(root, node) };
}
const titleOf = (x) => (x ? (locale === "hi" ? x["x-title-hi"] ?? x.title : x.title) : undefined);
const label = (kind, path) => titleOf(at(kind, path).prop) ?? path.split("/").pop();
const choices = (kind, path) => (at(kind, path).node?.oneOf ?? []).filter((b) => typeof b.const === "string").map((b) => [b.const, titleOf(b)]);

// ---------- building a form ----------

function kindOf(form) {
  return form.dataset.kind;
}

function fillSelect(select, pairs, empty = t().choose) {
  const keep = select.value;
  select.replaceChildren(new Option(empty, ""), ...pairs.map(([v, text]) => new Option(text, v)));
  select.value = keep;
}

let uid = 0;
function control(kind, path, type) {
  let el;
  if (type === "enum") {
    el = document.createElement("select");
    el.dataset.enum = "";
  } else {
    el = document.createElement("input");
    if (type === "int" || type === "num") {
      el.type = "number";
      el.inputMode = type === "int" ? "numeric" : "decimal";
      if (type === "num") el.step = "any";
    }
    if (type === "date") el.type = "date";
    if (type === "datetime") el.type = "datetime-local";
  }
  el.dataset.path = path;
  if (type !== "enum" && type !== "text") el.dataset.type = type;
  return el;
}

function labelled(text, el, cls) {
  const l = document.createElement("label");
  if (cls) l.className = cls;
  const span = Object.assign(document.createElement("span"), { textContent: text });
  if (el.type === "checkbox") l.append(el, span);
  else l.append(span, el);
  return l;
}

/** Repeating rows (members, participants): their fields, by list path. */
const ROWS = {
  "/referrals": [["to", "enum"], ["at", "datetime"]],
  "/members": [["id", "text"], ["role", "enum"], ["office", "enum"], ["sex", "enum"], ["age", "int"]],
  "/groups/adult/participants": [["sex", "enum"], ["age_from", "int"], ["age_to", "int"], ["count", "int"]],
  "/groups/children/participants": [["sex", "enum"], ["age_from", "int"], ["age_to", "int"], ["count", "int"]],
};

function renderRows(form, list, values) {
  const box = $(`[data-rows="${list}"]`, form);
  const kind = kindOf(form);
  box.replaceChildren();
  values.forEach((v, i) => {
    const row = document.createElement("div");
    row.className = "row";
    for (const [name, type] of ROWS[list]) {
      const path = `${list}/${i}/${name}`;
      const el = control(kind, path, type);
      row.append(labelled(label(kind, path), el));
    }
    const remove = Object.assign(document.createElement("button"), { type: "button", className: "remove", textContent: t().remove });
    remove.addEventListener("click", () => {
      const all = readRows(form, list);
      all.splice(i, 1);
      renderRows(form, list, all);
      localise(form);
      onEdit(form);
    });
    row.append(remove);
    box.append(row);
  });
  localise(form);
  for (const [i, v] of values.entries()) for (const [k, x] of Object.entries(v ?? {})) setValue(form, `${list}/${i}/${k}`, x);
}

function readRows(form, list) {
  const arr = getAt(collect(form).raw, list) ?? [];
  const n = $$(`[data-rows="${list}"] .row`, form).length;
  return Array.from({ length: n }, (_, i) => arr[i] ?? {});
}

function buildPlace(form) {
  const box = $("fieldset.place", form);
  const kind = kindOf(form);
  for (const level of LEVELS) {
    const name = control(kind, `/geography/${level}/name`, "text");
    const code = control(kind, `/geography/${level}/lgd_code`, "int");
    const row = document.createElement("div");
    row.className = "pair";
    row.dataset.level = level;
    row.append(labelled("", name), labelled("", code));
    box.append(row);
  }
}

function placeLabels(form) {
  const kind = kindOf(form);
  for (const row of $$(".pair", form)) {
    const level = label(kind, `/geography/${row.dataset.level}`);
    const [name, code] = $$("label > span", row);
    name.textContent = `${level}: ${label(kind, `/geography/${row.dataset.level}/name`)}`;
    code.textContent = `${level}: ${label(kind, `/geography/${row.dataset.level}/lgd_code`)}`;
  }
}

/** The DNA themes and interviews, from the rule profile (the theme list is data). */
function buildDna(form) {
  const themes = Object.entries(profile.dna.themes);
  const findings = $("#findings", form);
  findings.replaceChildren();
  themes.forEach(([id], i) => {
    const box = document.createElement("div");
    box.className = "theme";
    box.dataset.theme = id;
    box.append(Object.assign(document.createElement("h3"), { className: "theme-title" }));
    const hidden = Object.assign(document.createElement("input"), { type: "hidden", value: id });
    hidden.dataset.path = `/findings/${i}/theme`;
    box.append(hidden);
    for (const g of ["adult_group", "children_group"]) {
      const grid = document.createElement("div");
      grid.className = "pair";
      const sev = control("dna_village", `/findings/${i}/${g}/severity`, "int");
      const sevSel = document.createElement("select");
      sevSel.dataset.path = sev.dataset.path;
      sevSel.dataset.type = "int";
      sevSel.dataset.scale = "";
      const est = control("dna_village", `/findings/${i}/${g}/estimate`, "num");
      grid.append(labelled("", sevSel), labelled("", est));
      grid.dataset.group = g;
      box.append(grid, labelled("", control("dna_village", `/findings/${i}/${g}/notes`, "text"), `notes ${g}`));
    }
    findings.append(box);
  });
  const interviews = $("#interviews", form);
  interviews.replaceChildren();
  profile.dna.required_duty_bearers.forEach((role, k) => {
    const box = document.createElement("details");
    box.className = "interview";
    box.dataset.role = role;
    box.append(document.createElement("summary"));
    const hidden = Object.assign(document.createElement("input"), { type: "hidden", value: role });
    hidden.dataset.path = `/interviews/${k}/role`;
    box.append(hidden, labelled("", control("dna_village", `/interviews/${k}/date`, "date"), "date"));
    themes.forEach(([id], i) => {
      const row = document.createElement("div");
      row.className = "pair";
      row.dataset.theme = id;
      const theme = Object.assign(document.createElement("input"), { type: "hidden", value: id });
      theme.dataset.path = `/interviews/${k}/evidence/${i}/theme`;
      const sev = document.createElement("select");
      sev.dataset.path = `/interviews/${k}/evidence/${i}/severity`;
      sev.dataset.type = "int";
      sev.dataset.scale = "";
      const agrees = Object.assign(document.createElement("input"), { type: "checkbox" });
      agrees.dataset.path = `/interviews/${k}/evidence/${i}/agrees_with_groups`;
      agrees.dataset.type = "bool";
      row.append(theme, labelled("", sev), labelled("", agrees, "check"));
      box.append(row);
    });
    interviews.append(box);
  });
}

function dnaLabels(form) {
  const th = (id) => profile.dna.themes[id][locale === "hi" ? "title_hi" : "title_en"];
  const est = (id) => profile.dna.themes[id][locale === "hi" ? "estimate_hi" : "estimate_en"];
  for (const box of $$(".theme", form)) {
    const id = box.dataset.theme;
    $(".theme-title", box).textContent = th(id);
    for (const grid of $$("[data-group]", box)) {
      const who = grid.dataset.group === "adult_group" ? t().adults : t().children;
      const [sev, e] = $$("label > span", grid);
      sev.textContent = `${who}: ${label("dna_village", "/findings/0/adult_group/severity")}`;
      e.textContent = `${who}: ${t().estimate} (${est(id)})`;
    }
    $(".notes.adult_group > span", box).textContent = `${t().adults}: ${t().notes}`;
    $(".notes.children_group > span", box).textContent = `${t().children}: ${t().notes}`;
  }
  for (const box of $$(".interview", form)) {
    $("summary", box).textContent = t()[box.dataset.role] ?? box.dataset.role;
    $(".date > span", box).textContent = label("dna_village", "/interviews/0/date");
    for (const row of $$(".pair", box)) {
      const [sev, agrees] = $$("label > span", row);
      sev.textContent = `${th(row.dataset.theme)}: ${label("dna_village", "/interviews/0/evidence/0/severity")}`;
      agrees.textContent = t().agrees;
    }
  }
  const scale = profile.dna.severity.map((s) => [String(s.value), `${s.value} – ${locale === "hi" ? s.hi : s.en}`]);
  for (const sel of $$("select[data-scale]", form)) fillSelect(sel, scale);
}

/** Labels and choices in the current language. */
function localise(form) {
  const kind = kindOf(form);
  for (const el of $$("[data-label]", form)) el.textContent = label(kind, el.dataset.label);
  for (const sel of $$("select[data-enum]", form)) {
    const path = sel.dataset.path.replace(/\/\d+\//g, "/0/");
    fillSelect(sel, choices(kind, path), sel.dataset.path.endsWith("/office") ? t().none : t().choose);
  }
  for (const sel of $$("select[data-source=profiles]", form)) {
    fillSelect(sel, profile.composition_profiles.map((p) => [p.id, locale === "hi" && p.name_hi ? p.name_hi : p.name]));
  }
  for (const row of $$(".row", form)) {
    for (const l of $$("label", row)) {
      const el = $("[data-path]", l);
      $("span", l).textContent = label(kind, el.dataset.path);
    }
    $(".remove", row).textContent = t().remove;
  }
  if ($("fieldset.place", form)) placeLabels(form);
  if (form.getAttribute("id") === "dna") dnaLabels(form);
}

// ---------- reading and filling values ----------

function getAt(obj, path) {
  return path.split("/").filter(Boolean).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setAt(obj, path, value) {
  const segs = path.split("/").filter(Boolean);
  let o = obj;
  segs.forEach((k, i) => {
    if (i === segs.length - 1) o[k] = value;
    else o = o[k] ??= /^\d+$/.test(segs[i + 1]) ? [] : {};
  });
}

/** The pointer a control writes to; `#` is the new meeting's index. */
function pathOf(form, el) {
  return el.dataset.path.replace("#", String(meetingIndex(form)));
}
function meetingIndex(form) {
  return form.getAttribute("id") === "meeting" ? (state.meeting.base.meetings ?? []).length : 0;
}

function valueOf(el) {
  const v = el.value.trim();
  switch (el.dataset.type) {
    case "bool": return el.checked;
    case "flag": return el.checked ? true : undefined;
    case "int": case "num": return v === "" ? undefined : Number(v);
    // datetime-local has no offset: field staff are in India (IST).
    case "datetime": return v === "" ? undefined : `${v.length === 16 ? `${v}:00` : v}+05:30`;
    case "lines": { const l = v.split("\n").map((s) => s.trim()).filter(Boolean); return l.length ? l : undefined; }
    case "list": { const l = v.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean); return l.length ? l : undefined; }
    default: return v === "" ? undefined : v;
  }
}

/** The form's values as a record: `raw` keeps every row, `record` drops empty rows (and `map` says how indices moved). */
function collect(form) {
  const raw = {};
  for (const el of $$("[data-path]", form)) {
    if (el.classList.contains("field")) continue;
    const path = pathOf(form, el);
    if (el.dataset.type === "set") continue;
    const v = valueOf(el);
    if (v !== undefined) setAt(raw, path, v);
  }
  if (form.getAttribute("id") === "meeting") {
    setAt(raw, `/meetings/${meetingIndex(form)}/attendees`, $$("#attendees input:checked", form).map((i) => i.value));
  }
  return { raw, ...prune(form, structuredClone(raw)) };
}

const isEmpty = (v) => v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0);

function prune(form, r) {
  const map = [];
  const dense = (arr) => (arr ?? []).filter((x) => x != null);
  if (form.getAttribute("id") === "case") {
    r.concerns = dense(r.concerns);
  }
  if (form.getAttribute("id") === "dna") {
    const findings = [];
    dense(r.findings).forEach((f, i) => {
      if (f.adult_group || f.children_group) {
        map.push([`/findings/${findings.length}`, `/findings/${i}`]);
        findings.push(f);
      }
    });
    r.findings = findings;
    const interviews = [];
    dense(r.interviews).forEach((iv, k) => {
      const evidence = [];
      (iv.evidence ?? []).forEach((e, i) => {
        if (e && e.severity !== undefined) {
          map.push([`/interviews/${interviews.length}/evidence/${evidence.length}`, `/interviews/${k}/evidence/${i}`]);
          evidence.push(e);
        }
      });
      if (evidence.length || iv.date) {
        map.push([`/interviews/${interviews.length}`, `/interviews/${k}`]);
        interviews.push({ ...iv, evidence });
      }
    });
    r.interviews = interviews;
  }
  if (r.geography) for (const level of LEVELS) if (isEmpty(r.geography[level])) delete r.geography[level];
  // Empty rows are dropped; a diagnostic on a later row is shown at the row it came from.
  for (const list of Object.keys(ROWS)) {
    const arr = getAt(r, list);
    if (!Array.isArray(arr)) continue;
    const kept = [];
    arr.forEach((x, i) => {
      if (isEmpty(x)) return;
      if (kept.length !== i) map.push([`${list}/${kept.length}`, `${list}/${i}`]);
      kept.push(x);
    });
    setAt(r, list, kept);
  }
  if (form.getAttribute("id") === "case" && !r.referrals?.length) delete r.referrals;
  const base = state[form.getAttribute("id")].base;
  const record = form.getAttribute("id") === "meeting"
    ? { ...base, meetings: [...(base.meetings ?? []), r.meetings?.[meetingIndex(form)] ?? {}] }
    : merge(base, r, managed(form), PARTIAL[form.getAttribute("id")] ?? []);
  if (form.getAttribute("id") === "case" && !record.status) record.status = "identified";
  return { record, map };
}

/** Lists of which a form shows only the first item (the others are kept as they were). */
const PARTIAL = { case: ["/concerns"] };

/** Every path the form has a control for, and their parents (indices as `#`). */
function managed(form) {
  const paths = new Set();
  for (const el of $$("[data-path]", form)) {
    const segs = el.dataset.path.replace(/\/\d+(?=\/|$)/g, "/#").split("/").filter(Boolean);
    segs.forEach((_, i) => paths.add(`/${segs.slice(0, i + 1).join("/")}`));
  }
  return paths;
}

const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);

/** The form's values over the record it was opened from: a field the form shows
 * and left empty is removed; fields it does not show are kept. */
function merge(base, r, paths, partial, path = "") {
  if (Array.isArray(base) && Array.isArray(r) && partial.includes(path)) {
    return Array.from({ length: Math.max(base.length, r.length) }, (_, i) => (i < r.length ? merge(base[i], r[i], paths, partial, `${path}/#`) : base[i]));
  }
  if (isObject(base) && isObject(r)) {
    const out = {};
    for (const k of new Set([...Object.keys(base), ...Object.keys(r)])) {
      const p = `${path}/${k}`;
      if (k in r) out[k] = merge(base[k], r[k], paths, partial, p);
      else if (!paths.has(p)) out[k] = base[k];
    }
    return out;
  }
  return r === undefined ? base : r;
}

function setValue(form, path, v) {
  const el = $$("[data-path]", form).find((e) => pathOf(form, e) === path);
  if (!el || v === undefined || v === null) return;
  if (el.classList.contains("field")) {
    const on = new Set(v);
    for (const box of $$("input[type=checkbox]", el)) box.checked = on.has(box.value);
    return;
  }
  if (el.type === "checkbox") el.checked = Boolean(v);
  else if (el.dataset.type === "datetime") el.value = String(v).slice(0, 16);
  else if (Array.isArray(v)) el.value = v.join(el.dataset.type === "lines" ? "\n" : ", ");
  else el.value = String(v);
}

function walk(obj, path, out) {
  if (obj && typeof obj === "object" && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) walk(v, `${path}/${k}`, out);
  else if (Array.isArray(obj) && obj.some((x) => x && typeof x === "object")) obj.forEach((v, i) => walk(v, `${path}/${i}`, out));
  else out.push([path, obj]);
  return out;
}

/** Put a record (or a draft's raw values) into the form. */
function fill(form, values) {
  for (const el of $$("[data-path]", form)) {
    if (el.type === "checkbox") el.checked = false;
    else if (el.type !== "hidden" && !el.classList.contains("field")) el.value = el.dataset.type === "int" && el.defaultValue ? el.defaultValue : "";
  }
  for (const list of Object.keys(ROWS)) if ($(`[data-rows="${list}"]`, form)) renderRows(form, list, getAt(values, list) ?? [{}]);
  for (const [path, v] of walk(values, "", [])) setValue(form, path, v);
}

/** A saved DNA record back into the form's fixed theme and interview order. */
function dnaRaw(record) {
  const themes = Object.keys(profile.dna.themes);
  const raw = structuredClone(record);
  raw.findings = themes.map((id) => record.findings?.find((f) => f.theme === id) ?? { theme: id });
  raw.interviews = profile.dna.required_duty_bearers.map((role) => {
    const iv = record.interviews?.find((x) => x.role === role) ?? { role, evidence: [] };
    return { ...iv, evidence: themes.map((id) => iv.evidence.find((e) => e.theme === id) ?? { theme: id }) };
  });
  return raw;
}

// ---------- checking and showing ----------

/** The package's answer as a report, whichever way it is wrapped. */
function reportOf(result) {
  if (result?.report) return { valid: result.report.valid ?? result.type === "success", ...result.report };
  return { valid: false, diagnostics: result?.diagnostics ?? [] };
}

function translate(map, path) {
  for (const [now, was] of map) if (path === now || path.startsWith(`${now}/`)) return was + path.slice(now.length);
  return path;
}

/** The control a diagnostic belongs to: the field its path names or the
 * nearest one above it; for a whole list or group (`/referrals`), its first field. */
function fieldFor(form, path) {
  let best = null;
  const visible = $$("[data-path]", form).filter((el) => el.type !== "hidden");
  for (const el of visible) {
    const p = pathOf(form, el);
    if ((path === p || path.startsWith(`${p}/`)) && (!best || p.length > pathOf(form, best).length)) best = el;
  }
  return best ?? (path ? visible.find((el) => pathOf(form, el).startsWith(`${path}/`)) ?? null : null);
}

function message(d) {
  const p = document.createElement("p");
  p.className = `msg ${d.severity}`;
  p.dataset.code = d.code;
  d.message.split("`").forEach((part, i) => p.append(i % 2 ? Object.assign(document.createElement("code"), { textContent: part }) : part));
  return p;
}

function controlId(el) {
  if (!el.id) el.id = `f${++uid}`;
  return el.id;
}

/** Validate the form's record and show the result; `final` after Check & save. */
function check(form, final = false) {
  const s = state[form.getAttribute("id")];
  const { record, map } = collect(form);
  s.map = map;
  const kind = kindOf(form);
  const report = reportOf(validate(kind, record, options()));
  const diags = report.diagnostics.map((d) => ({ ...d, path: translate(map, d.path) }));
  const errors = diags.filter((d) => d.severity === "error");
  $$(".msg", form).forEach((m) => m.remove());
  $$("[aria-invalid]", form).forEach((el) => el.removeAttribute("aria-invalid"));
  const result = $(".result", form);
  result.replaceChildren();
  const show = s.checked || final;
  const problems = document.createElement("ul");
  problems.className = "problems";
  for (const d of diags) {
    let field = fieldFor(form, d.path);
    if (form.getAttribute("id") === "meeting" && field === null && !d.path.startsWith(`/meetings/${meetingIndex(form)}`)) field = null;
    const touched = field && s.touched.has(field.dataset.path);
    if (!show && !touched) continue;
    if (field) {
      const host = field.closest("label, .field") ?? field;
      host.append(message(d));
      if (d.severity === "error") field.setAttribute("aria-invalid", "true");
    }
    if (show) {
      const li = document.createElement("li");
      li.className = d.severity;
      if (field) {
        const a = Object.assign(document.createElement("a"), { href: `#${controlId(field)}` });
        a.textContent = fieldName(form, field);
        a.addEventListener("click", (e) => { e.preventDefault(); field.focus(); field.scrollIntoView({ block: "center" }); });
        li.append(a, ": ");
      }
      li.append(...message(d).childNodes);
      li.dataset.code = d.code;
      problems.append(li);
    }
  }
  if (form.getAttribute("id") === "case") result.append(...actionBox(record, report));
  const status = document.createElement("p");
  status.className = "status";
  status.dataset.result = !show ? "blank" : errors.length ? "failure" : "success";
  status.dataset.codes = diags.map((d) => `${d.code}@${d.path}`).join(" ");
  if (!show) status.textContent = t().blank;
  else if (errors.length) { status.classList.add("bad"); status.textContent = t().savedProblems(errors.length); }
  else { status.classList.add(diags.length ? "notes" : "ok"); status.textContent = diags.length ? t().savedNotes : t().savedOk; }
  result.append(status);
  if (form.getAttribute("id") === "meeting") {
    if (s.saved && !s.touched.size) {
      // Nothing typed since the last save: show that meeting's verdict, not a blank form's.
      status.dataset.result = "success";
      status.className = `status ${s.saved.diags.length ? "notes" : "ok"}`;
      status.textContent = s.saved.diags.length ? t().savedNotes : t().savedOk;
      result.append(...meetingSummary(s.saved.record, s.saved.diags));
      return { record, report, errors };
    }
    result.append(...meetingSummary(record, diags));
  }
  if (show && problems.children.length) result.append(problems);
  return { record, report, errors };
}

function fieldName(form, el) {
  const host = el.closest("label, .field");
  return $("span", host)?.textContent ?? el.dataset.path;
}

/** What the law requires next (returned by the package's triage and validation), above any problems. */
function actionBox(record, report) {
  const out = [];
  const tri = report.valid ? triage(record, options()) : null;
  const actions = [...(report.actions ?? []), ...(tri?.triage?.actions ?? tri?.actions ?? [])];
  const seen = new Set();
  const items = actions.filter((a) => !a.done).filter((a) => {
    const key = JSON.stringify(a);
    return !seen.has(key) && seen.add(key);
  });
  if (items.length) {
    const box = document.createElement("section");
    box.className = "actions";
    box.setAttribute("role", "alert");
    box.append(Object.assign(document.createElement("h2"), { textContent: t().actions }));
    const ul = document.createElement("ul");
    for (const a of items) {
      const li = document.createElement("li");
      li.textContent = a.message ?? a.text ?? a.action ?? "";
      const due = a.due ?? a.due_at ?? a.by;
      if (due) li.append(" ", Object.assign(document.createElement("strong"), { textContent: `${t().due} ${formatDue(due)}` }));
      ul.append(li);
    }
    box.append(ul);
    out.push(box);
  }
  if (tri?.triage) {
    const level = choices("case", "/risk_level").find(([v]) => v === tri.triage.level)?.[1] ?? tri.triage.level;
    const p = Object.assign(document.createElement("p"), { className: `risk ${tri.triage.level}`, textContent: t().risk(level) });
    const why = document.createElement("ul");
    for (const r of tri.triage.reasons) why.append(Object.assign(document.createElement("li"), { textContent: r.reason }));
    out.push(p, why);
  }
  return out;
}

function formatDue(text) {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  return d.toLocaleString(locale === "hi" ? "hi-IN" : "en-IN", { timeZone: "Asia/Kolkata", dateStyle: "medium", timeStyle: String(text).length > 10 ? "short" : undefined });
}

/** Quorum of the meeting being entered and the committee's index, from the checked record. */
function meetingSummary(vcpc, diags) {
  const out = [];
  const n = (vcpc.meetings ?? []).length - 1;
  const m = vcpc.meetings?.[n];
  if (!m || !m.date) return out;
  const members = (vcpc.members ?? []).length;
  const present = new Set(m.attendees ?? []).size;
  const miss = diags.find((d) => d.code === "quorum_not_met" && d.path.startsWith(`/meetings/${n}/`));
  const q = document.createElement("p");
  q.className = `quorum ${miss ? "bad" : "ok"}`;
  q.dataset.quorum = miss ? "not_met" : "met";
  q.textContent = miss ? t().quorumNo(present, members, miss.params.required) : t().quorumOk(present, members);
  out.push(q);
  const f = functionality(vcpc, options());
  if (f?.functionality) {
    const s = document.createElement("p");
    const band = f.functionality.band;
    s.className = `score ${band === "functional" && !miss ? "ok" : "notes"}`;
    s.dataset.band = band;
    s.textContent = t().score(f.functionality.score, t().bands[band] ?? band);
    out.push(s);
  }
  return out;
}

function renderHistory() {
  const vcpc = state.meeting.base;
  const list = $("#history");
  list.replaceChildren();
  if (!vcpc.id) return;
  const diags = reportOf(validate("vcpc", vcpc, options())).diagnostics;
  (vcpc.meetings ?? []).map((m, i) => [m, i]).sort((a, b) => b[0].date.localeCompare(a[0].date)).forEach(([m, i]) => {
    const li = document.createElement("li");
    const noQuorum = diags.some((d) => d.code === "quorum_not_met" && d.path.startsWith(`/meetings/${i}/`));
    li.className = noQuorum ? "bad" : "ok";
    li.dataset.quorum = noQuorum ? "not_met" : "met";
    const present = (m.attendees ?? []).length;
    const members = (vcpc.members ?? []).length;
    const parts = [
      formatDue(m.date),
      `${present}/${members} ${t().present}`,
      noQuorum ? t().quorumNo(present, members, "").replace(/,[^,]*$/, "") : "✓",
      m.minutes_recorded ? t().minutesYes : t().minutesNo,
    ];
    if (m.next_date) parts.push(`${t().next}: ${formatDue(m.next_date)}`);
    li.textContent = parts.join(" · ");
    for (const key of ["agenda", "decisions", "action_points"]) {
      if (m[key]?.length) li.append(Object.assign(document.createElement("div"), { className: "sub", textContent: `${label("vcpc", `/meetings/0/${key}`)}: ${m[key].join("; ")}` }));
    }
    list.append(li);
  });
}

// ---------- the committee picker of the meeting form ----------

async function refreshCommittees(selectId) {
  const committees = await store.list("vcpc");
  const pick = $("#committee-pick");
  const keep = selectId ?? pick.value;
  pick.replaceChildren(...committees.map((c) => new Option(`${c.id} · ${c.record.geography?.village?.name ?? ""}`, c.id)));
  $("#no-committee").hidden = committees.length > 0;
  if (committees.some((c) => c.id === keep)) pick.value = keep;
  const chosen = committees.find((c) => c.id === pick.value);
  // Another committee has other members: its ticks start empty.
  const same = state.meeting.base?.id === chosen?.id;
  state.meeting.base = chosen ? chosen.record : {};
  renderAttendees(same);
  renderHistory();
}

/** The committee's members as ticks; `keep` says which stay ticked (none for a new meeting). */
function renderAttendees(keep = true) {
  const box = $("#attendees");
  const checked = new Set(keep ? $$("input:checked", box).map((i) => i.value) : []);
  const kind = "vcpc";
  box.replaceChildren(...(state.meeting.base.members ?? []).map((m) => {
    const input = Object.assign(document.createElement("input"), { type: "checkbox", value: m.id, checked: checked.has(m.id) });
    const role = choices(kind, "/members/0/role").find(([v]) => v === m.role)?.[1] ?? m.role;
    const office = m.office ? ` (${choices(kind, "/members/0/office").find(([v]) => v === m.office)?.[1] ?? m.office})` : "";
    return labelled(`${m.id} · ${role}${office}`, input, "check");
  }));
}

// ---------- saving, drafts, the saved list ----------

const KIND_OF_FORM = { case: "case", vcpc: "vcpc", meeting: "vcpc", dna: "dna_village" };

function newId(form) {
  const d = (today ?? new Date().toISOString().slice(0, 10)).replaceAll("-", "");
  const rand = Math.random().toString(36).slice(2, 6).toUpperCase();
  return form.getAttribute("id") === "case" ? `CASE-${d}-${rand}` : form.getAttribute("id") === "dna" ? `DNA-V-${d}-${rand}` : "";
}

async function checkAndSave(form) {
  const s = state[form.getAttribute("id")];
  s.checked = true;
  const { record, report, errors } = check(form, true);
  const kind = KIND_OF_FORM[form.getAttribute("id")];
  if (form.getAttribute("id") === "meeting") {
    // A meeting joins the committee's history only when it is correct; otherwise it stays a draft.
    if (!errors.length && state.meeting.base.id) {
      await store.put(kind, record, report.valid, 0);
      await store.saveDraft(form.getAttribute("id"), null);
      s.checked = false;
      s.touched = new Set();
      await refreshCommittees(record.id);
      renderAttendees(false);
      fill(form, {});
      // The saved meeting's verdict stays in view, in either language, until the next one is typed.
      s.saved = { record, diags: report.diagnostics ?? [] };
      check(form);
    }
  } else if (record.id) {
    await store.put(kind, record, report.valid, errors.length);
    state[form.getAttribute("id")].base = record;
    if (form.getAttribute("id") === "vcpc") await refreshCommittees();
  }
  await renderSaved();
  return errors.length;
}

let draftTimer = null;
function onEdit(form) {
  if (form.getAttribute("id") === "meeting") state.meeting.saved = null;
  check(form);
  clearTimeout(draftTimer);
  const { raw } = collect(form);
  const base = state[form.getAttribute("id")].base;
  draftTimer = setTimeout(() => store.saveDraft(form.getAttribute("id"), { raw, base: form.getAttribute("id") === "meeting" ? { id: base.id } : base }), 150);
}

async function renderSaved() {
  const box = $("#saved-lists");
  box.replaceChildren();
  for (const [kind, title, formId] of [["case", "savedCase", "case"], ["vcpc", "savedVcpc", "vcpc"], ["dna_village", "savedDna", "dna"]]) {
    const entries = await store.list(kind);
    const sec = document.createElement("section");
    sec.className = "saved-kind";
    sec.dataset.kind = kind;
    sec.append(Object.assign(document.createElement("h2"), { textContent: t()[title] }));
    if (!entries.length) sec.append(Object.assign(document.createElement("p"), { textContent: t().nothingSaved }));
    const ul = document.createElement("ul");
    for (const e of entries) {
      const li = document.createElement("li");
      li.dataset.id = e.id;
      const state = e.valid ? t().valid : t().fix(e.problems ?? 1);
      const extra = kind === "vcpc" ? ` · ${t().meetings((e.record.meetings ?? []).length)}` : "";
      li.append(Object.assign(document.createElement("span"), { textContent: `${e.id} · ${state}${extra} · ${t().savedAt} ${formatDue(e.savedAt)}` }));
      const open = Object.assign(document.createElement("button"), { type: "button", className: "open", textContent: t().open });
      open.addEventListener("click", () => reopen(formId, e.record));
      li.append(open);
      ul.append(li);
    }
    sec.append(ul);
    if (entries.length) {
      const bar = document.createElement("div");
      bar.className = "buttons";
      const records = entries.map((e) => e.record);
      const json = Object.assign(document.createElement("button"), { type: "button", className: "export-json", textContent: kind === "dna_village" ? t().exportDna : t().exportJson });
      // The DNA dataset is the shape `suraksha report ROSTER dna-villages.json` reads.
      json.addEventListener("click", () => kind === "dna_village"
        ? download("dna-villages.json", JSON.stringify({ villages: records }, null, 2), "application/json")
        : download(`suraksha-${kind}.json`, JSON.stringify(records, null, 2), "application/json"));
      const csv = Object.assign(document.createElement("button"), { type: "button", className: "export-csv", textContent: t().exportCsv });
      csv.addEventListener("click", () => download(`suraksha-${kind}.csv`, toCsv(records), "text/csv"));
      bar.append(json, csv);
      sec.append(bar);
    }
    box.append(sec);
  }
}

function reopen(formId, record) {
  const form = document.getElementById(formId);
  state[formId] = { base: record, checked: true, touched: new Set(), map: [] };
  fill(form, formId === "dna" ? dnaRaw(record) : record);
  selectTab(`tab-${formId}`);
  check(form, true);
}

/** Mark the form busy while saving or clearing reaches the store, so screen readers (and tests) wait for the result. */
async function busy(form, work) {
  form.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    form.removeAttribute("aria-busy");
  }
}

async function fresh(form) {
  const s = state[form.getAttribute("id")];
  s.checked = false;
  s.touched = new Set();
  if (form.getAttribute("id") !== "meeting") s.base = {};
  fill(form, { id: newId(form) });
  await store.saveDraft(form.getAttribute("id"), null);
  check(form);
}

// ---------- tabs, language, network ----------

function selectTab(id) {
  for (const tab of $$("[role=tab]")) {
    const on = tab.id === id;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
  }
}

function tabKeys(e) {
  const tabs = $$("[role=tab]");
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  tab.focus();
  selectTab(tab.id);
}

function applyLocale() {
  document.documentElement.lang = locale;
  for (const el of $$("[data-t]")) el.textContent = t()[el.dataset.t];
  $("#lang").textContent = t().lang;
  $("#lang").lang = locale === "en" ? "hi" : "en";
  for (const id of FORMS) localise(document.getElementById(id));
  renderAttendees();
  renderHistory();
  showNetwork();
  for (const id of FORMS) check(document.getElementById(id));
  renderSaved();
}

function showNetwork() {
  $("#net").textContent = navigator.onLine ? t().online : t().offline;
}

async function main() {
  await init();
  store = await openStore();
  profile = profileOf(options()).profile;
  for (const kind of ["case", "vcpc", "dna_village"]) schemas[kind] = schemaOf(kind).schema;
  for (const form of $$("form")) if ($("fieldset.place", form)) buildPlace(form);
  buildDna($("#dna"));
  $("#loading").hidden = true;
  for (const id of FORMS) {
    const form = document.getElementById(id);
    const mark = (e) => {
      const host = e.target.closest("[data-path]");
      if (host) state[id].touched.add(host.dataset.path);
      onEdit(form);
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", (e) => { e.preventDefault(); busy(form, () => checkAndSave(form)); });
    $(".new", form).addEventListener("click", () => busy(form, () => fresh(form)));
    for (const add of $$("[data-add]", form)) {
      add.addEventListener("click", () => {
        const list = add.dataset.add;
        renderRows(form, list, [...readRows(form, list), {}]);
        $(`[data-rows="${list}"] .row:last-child [data-path]`, form)?.focus();
        onEdit(form);
      });
    }
  }
  $("#committee-pick").addEventListener("change", async () => { await refreshCommittees(); check($("#meeting")); });
  $("#lang").addEventListener("click", () => {
    locale = locale === "en" ? "hi" : "en";
    localStorage.setItem("suraksha.locale", locale);
    applyLocale();
  });
  for (const tab of $$("[role=tab]")) tab.addEventListener("click", () => selectTab(tab.id));
  $("[role=tablist]").addEventListener("keydown", tabKeys);
  addEventListener("online", showNetwork);
  addEventListener("offline", showNetwork);
  for (const id of FORMS) localise(document.getElementById(id));
  // Restore drafts (nothing typed is lost on a reload or a dead battery).
  for (const id of FORMS) {
    if (id === "meeting") continue;
    const form = document.getElementById(id);
    const draft = await store.loadDraft(id);
    if (id !== "meeting") state[id].base = draft?.base ?? {};
    fill(form, draft?.raw ?? { id: newId(form) });
    if (draft?.raw) for (const [path] of walk(draft.raw, "", [])) state[id].touched.add(path);
  }
  const draftMeeting = await store.loadDraft("meeting");
  await refreshCommittees(draftMeeting?.base?.id);
  fill($("#meeting"), draftMeeting?.raw ?? {});
  applyLocale();
  document.body.dataset.ready = "true";
}

if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
main();
