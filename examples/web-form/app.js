// Case intake and VCPC meeting forms that validate as the user types, with the
// suraksha WebAssembly package (./pkg is the browser build, bindings-wasm/pkg/web).
// The rules live in the package: this file only builds a record from the form,
// asks `validate`, and puts each diagnostic at the field its JSON Pointer names.
import init, { validate, functionality } from "./pkg/suraksha_wasm.js";

const UI = {
  en: {
    title: "Child protection forms", tabCase: "Case intake", tabVcpc: "VCPC meeting",
    loading: "Loading the checker…", caseSection: "Case", caseId: "Case id", identifiedAt: "Identified on",
    childSection: "Child", childId: "Child id (never a name)", dob: "Date of birth",
    age: "Age in years (if no date of birth)", sex: "Sex", school: "Schooling",
    concernSection: "Concern", concern: "What is the concern?", plannedDate: "Planned marriage date (if known)",
    consentSection: "Consent", consentServices: "Child / guardian agreed to services",
    consentShare: "Agreed to sharing with other organisations", committee: "Committee",
    meetingSection: "Meeting", meetingDate: "Meeting date", attendees: "Members present",
    minutes: "Minutes written in the minutes book", children: "Other children who took part",
    footer: "Checked on this phone; nothing is sent anywhere.", choose: "— choose —",
    online: "online", offline: "offline – still works", ok: "All correct – ready to save",
    okWarnings: "Correct, with notes", problems: (n) => `${n} problem(s) to fix`, other: "Language",
    score: (s, b) => `Functionality score ${s.toFixed(0)}/100 (${b})`,
    bands: { functional: "functional", semi_functional: "semi-functional", non_functional: "non-functional" },
    roles: {}, offices: { chair: "chair", member_secretary: "member secretary" },
  },
  hi: {
    title: "बाल संरक्षण फ़ॉर्म", tabCase: "केस दर्ज करें", tabVcpc: "वीसीपीसी बैठक",
    loading: "जाँच लोड हो रही है…", caseSection: "केस", caseId: "केस आईडी", identifiedAt: "पहचान की तिथि",
    childSection: "बच्चा", childId: "बच्चे की आईडी (नाम कभी नहीं)", dob: "जन्म तिथि",
    age: "आयु (वर्ष में, यदि जन्म तिथि पता न हो)", sex: "लिंग", school: "पढ़ाई",
    concernSection: "चिंता", concern: "चिंता क्या है?", plannedDate: "विवाह की तय तिथि (यदि पता हो)",
    consentSection: "सहमति", consentServices: "बच्चे / अभिभावक ने सेवाओं के लिए सहमति दी",
    consentShare: "अन्य संस्थाओं से जानकारी साझा करने की सहमति", committee: "समिति",
    meetingSection: "बैठक", meetingDate: "बैठक की तिथि", attendees: "उपस्थित सदस्य",
    minutes: "कार्यवाही रजिस्टर में लिखी गई", children: "भाग लेने वाले अन्य बच्चे",
    footer: "जाँच इसी फ़ोन पर होती है; कुछ भी कहीं नहीं भेजा जाता।", choose: "— चुनें —",
    online: "ऑनलाइन", offline: "ऑफ़लाइन – फिर भी चलता है", ok: "सब सही है – सहेजने के लिए तैयार",
    okWarnings: "सही है, कुछ सूचनाओं के साथ", problems: (n) => `${n} समस्या ठीक करें`, other: "भाषा",
    score: (s, b) => `कार्यक्षमता अंक ${s.toFixed(0)}/100 (${b})`,
    bands: { functional: "कार्यशील", semi_functional: "आंशिक रूप से कार्यशील", non_functional: "अकार्यशील" },
    roles: {
      sarpanch: "सरपंच", anganwadi_worker: "आंगनवाड़ी कार्यकर्ता", ward_member: "वार्ड सदस्य", teacher: "शिक्षक",
      asha: "आशा", shg_member: "स्वयं सहायता समूह सदस्य", child: "बाल सदस्य",
    },
    offices: { chair: "अध्यक्ष", member_secretary: "सदस्य सचिव" },
  },
};

// Choices of the selects: schema enum values with Hindi labels (English is the value in words).
const ENUMS = {
  sex: { female: "लड़की / महिला", male: "लड़का / पुरुष", other: "अन्य" },
  school: {
    attending: "नियमित पढ़ रहा/रही है", irregular: "अनियमित", dropped_out: "पढ़ाई छोड़ दी",
    never_enrolled: "कभी दाखिला नहीं", not_of_school_age: "स्कूल की उम्र नहीं",
  },
  concern: {
    imminent_child_marriage: "होने वाला बाल विवाह", child_marriage: "बाल विवाह", child_labour: "बाल श्रम",
    school_dropout: "पढ़ाई छूटना", sexual_offence: "यौन अपराध", domestic_violence: "घरेलू हिंसा",
    corporal_punishment: "शारीरिक दंड", unsafe_migration: "असुरक्षित पलायन", birth_not_registered: "जन्म पंजीकृत नहीं",
    missing_or_runaway: "लापता या घर से भागा", abused_or_exploited: "शोषण या दुर्व्यवहार",
    abusive_caregiver: "हिंसक देखभालकर्ता", unfit_guardian: "अयोग्य अभिभावक",
    no_home_or_subsistence: "बिना घर या जीविका के", working_begging_or_street: "काम, भीख या सड़क पर",
    ill_or_disabled_without_care: "बीमार या दिव्यांग, बिना देखभाल",
    orphaned_abandoned_or_surrendered: "अनाथ, परित्यक्त या सौंपा गया",
    drug_abuse_or_trafficking_risk: "नशा या तस्करी का जोखिम", unconscionable_gains: "अनुचित लाभ के लिए शोषण",
    conflict_or_calamity: "संघर्ष या आपदा से प्रभावित", in_conflict_with_law: "विधि से संघर्षरत बच्चा",
  },
};

// The committee whose meeting is recorded (in the field app it comes from the phone's store).
const COMMITTEE = {
  id: "VCPC-BIS-RATHOS",
  geography: {
    state: { lgd_code: 10, name: "Bihar" }, district: { lgd_code: 220, name: "Madhubani" },
    block: { lgd_code: 1208, name: "Bisfi" }, gram_panchayat: { lgd_code: 95012, name: "Rathos" },
    village: { lgd_code: 221734, name: "Rathos" },
  },
  composition_profile: "icps_generic",
  formation: { date: "2025-11-20", gram_sabha_resolution: { reference: "GS/2025/17", date: "2025-11-15" } },
  members: [
    { id: "m1", role: "sarpanch", office: "chair", sex: "female", age: 44 },
    { id: "m2", role: "anganwadi_worker", office: "member_secretary", sex: "female", age: 38 },
    { id: "m3", role: "ward_member", sex: "male", age: 51 },
    { id: "m4", role: "teacher", sex: "male", age: 35 },
    { id: "m5", role: "asha", sex: "female", age: 33 },
    { id: "m6", role: "shg_member", sex: "female", age: 29 },
    { id: "m7", role: "child", sex: "female", age: 14 },
    { id: "m8", role: "child", sex: "male", age: 15 },
  ],
};

const params = new URLSearchParams(location.search);
const today = params.get("today"); // fixed date for tests and demos; the phone's date otherwise
let locale = params.get("lang") || localStorage.getItem("suraksha.locale") || "en";
const touched = { case: new Set(), vcpc: new Set() };
const $ = (sel, el = document) => el.querySelector(sel);
const words = (v) => v.charAt(0).toUpperCase() + v.slice(1).replaceAll("_", " ");

function options() {
  return today ? { locale, today } : { locale };
}

/** Form values to a record: empty fields are left out, so the checker reports them as missing. */
function caseRecord(f) {
  const v = (n) => f.elements[n].value.trim();
  const num = (n) => (v(n) === "" ? undefined : Number(v(n)));
  const at = v("identified_at");
  return prune({
    id: v("case_id"),
    child: { id: v("child_id"), date_of_birth: v("dob"), age_years: num("age"), sex: v("sex"), school_status: v("school") },
    concerns: [{ kind: v("concern"), planned_date: v("planned") }],
    // datetime-local has no offset: the field staff are in India (IST).
    identified_at: at && `${at.length === 16 ? at + ":00" : at}+05:30`,
    status: "identified",
    consent: {
      consent_for_services: f.elements.consent_services.checked,
      disclosure_other_orgs: f.elements.consent_share.checked,
    },
  });
}

function meetingRecord(f) {
  const children = f.elements.namedItem("children_present").value.trim();
  const meeting = prune({
    date: f.elements.namedItem("date").value,
    attendees: [...f.querySelectorAll("#attendees input:checked")].map((i) => i.value),
    minutes_recorded: f.elements.namedItem("minutes").checked,
    children_present: children === "" ? undefined : Number(children),
  });
  return { ...COMMITTEE, meetings: [meeting] };
}

function prune(o) {
  for (const [k, v] of Object.entries(o)) {
    if (v === "" || v === undefined) delete o[k];
    else if (Array.isArray(v)) v.forEach((x) => x && typeof x === "object" && prune(x));
    else if (v && typeof v === "object") prune(v);
  }
  return o;
}

/** The field showing a diagnostic: the longest data-path that is the path or a parent of it. */
function fieldFor(form, path) {
  let best = null;
  for (const el of form.querySelectorAll("[data-path]")) {
    const p = el.dataset.path;
    if (p && (path === p || path.startsWith(p + "/")) && (!best || p.length > best.dataset.path.length)) best = el;
  }
  return best;
}

/** A diagnostic's message; the values it quotes in `backticks` are shown as code (built as nodes, never HTML). */
function message(d) {
  const p = document.createElement("p");
  p.className = `msg ${d.severity}`;
  p.dataset.code = d.code;
  d.message.split("`").forEach((part, i) => {
    if (i % 2 === 0) p.append(part);
    else p.append(Object.assign(document.createElement("code"), { textContent: part }));
  });
  return p;
}

function check(form, showAll = false) {
  const name = form.getAttribute("id");
  const record = name === "case" ? caseRecord(form) : meetingRecord(form);
  const result = validate(name, record, options());
  const diagnostics = result.type === "success" ? result.report.diagnostics : result.diagnostics;
  form.querySelectorAll(".msg").forEach((m) => m.remove());
  form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  const status = $(".status", form);
  status.replaceChildren();
  let hidden = 0;
  for (const d of diagnostics) {
    const field = fieldFor(form, d.path);
    if (field && !showAll && !touched[name].has(field.dataset.path)) {
      hidden++;
      continue;
    }
    const host = field ? field.closest("label, .field") ?? field : status;
    host.append(message(d));
    if (field && d.severity === "error") field.setAttribute("aria-invalid", "true");
  }
  const t = UI[locale];
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  // Success means validation ran; the record is fine only when its report is valid.
  const ok = result.type === "success" && result.report.valid;
  status.className = `status ${ok ? "ok" : "bad"}`;
  status.dataset.result = ok ? "success" : "failure";
  status.dataset.codes = diagnostics.map((d) => `${d.code}@${d.path}`).join(" "); // for tests and support
  const head = document.createElement("strong");
  head.textContent = ok ? (diagnostics.length ? t.okWarnings : t.ok) : t.problems(errors);
  status.prepend(head);
  if (name === "vcpc" && ok) {
    const f = functionality(record, options());
    if (f.type === "success") {
      const s = document.createElement("p");
      s.className = "msg score";
      s.textContent = t.score(f.functionality.score, t.bands[f.functionality.band] ?? f.functionality.band);
      status.append(s);
    }
  }
  return hidden;
}

function fillSelect(select) {
  const labels = ENUMS[select.dataset.enum];
  const keep = select.value;
  select.replaceChildren(new Option(UI[locale].choose, ""));
  for (const [value, hi] of Object.entries(labels)) select.append(new Option(locale === "hi" ? hi : words(value), value));
  select.value = keep;
}

function fillAttendees() {
  const box = $("#attendees");
  const checked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
  const t = UI[locale];
  box.replaceChildren(...COMMITTEE.members.map((m) => {
    const label = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "checkbox", value: m.id, checked: checked.has(m.id) });
    const role = t.roles[m.role] ?? words(m.role);
    const office = m.office ? ` (${t.offices[m.office] ?? m.office})` : "";
    label.append(input, `${m.id} · ${role}${office}`);
    return label;
  }));
  $("#committee").textContent = `${COMMITTEE.id} · ${COMMITTEE.geography.village.name}, ${COMMITTEE.geography.district.name}`;
}

function applyLocale() {
  const t = UI[locale];
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t[el.dataset.t];
  const other = locale === "en" ? "hi" : "en";
  $("#lang").textContent = other === "hi" ? "हिन्दी" : "English";
  $("#lang").lang = other;
  document.querySelectorAll("select[data-enum]").forEach(fillSelect);
  fillAttendees();
  showNetwork();
  document.querySelectorAll("form").forEach((f) => check(f));
}

// Drafts stay on the phone (localStorage) so an interrupted entry survives a
// reload or a dead battery; records hold pseudonymous ids only, never names.
const draftKey = (form) => `suraksha.draft.${form.getAttribute("id")}`;

function saveDraft(form) {
  const values = { attendees: [...form.querySelectorAll("#attendees input:checked")].map((i) => i.value) };
  for (const el of form.elements) if (el.name) values[el.name] = el.type === "checkbox" ? el.checked : el.value;
  localStorage.setItem(draftKey(form), JSON.stringify(values));
}

function restoreDraft(form) {
  let values = null;
  try {
    values = JSON.parse(localStorage.getItem(draftKey(form)) ?? "null");
  } catch {
    return; // a damaged draft is dropped, not fatal
  }
  if (!values || typeof values !== "object") return;
  for (const el of form.elements) {
    if (!el.name || !(el.name in values)) continue;
    if (el.type === "checkbox") el.checked = Boolean(values[el.name]);
    else el.value = String(values[el.name]);
    if (el.value && el.type !== "checkbox") touched[form.getAttribute("id")].add(el.dataset.path);
  }
  const present = new Set(Array.isArray(values.attendees) ? values.attendees : []);
  for (const box of form.querySelectorAll("#attendees input")) box.checked = present.has(box.value);
}

function showNetwork() {
  $("#net").textContent = navigator.onLine ? UI[locale].online : UI[locale].offline;
}

async function main() {
  await init();
  $("#loading").hidden = true;
  for (const form of document.querySelectorAll("form")) {
    const mark = (e) => {
      const host = e.target.closest("[data-path]");
      if (host) touched[form.getAttribute("id")].add(host.dataset.path);
      check(form);
      saveDraft(form);
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      check(form, true);
    });
  }
  $("#lang").addEventListener("click", () => {
    locale = locale === "en" ? "hi" : "en";
    localStorage.setItem("suraksha.locale", locale);
    applyLocale();
  });
  for (const tab of document.querySelectorAll("[role=tab]")) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll("[role=tab]")) {
        const on = other === tab;
        other.setAttribute("aria-selected", String(on));
        document.getElementById(other.id.replace("tab-", "")).hidden = !on;
      }
    });
  }
  addEventListener("online", showNetwork);
  addEventListener("offline", showNetwork);
  applyLocale();
  for (const form of document.querySelectorAll("form")) {
    restoreDraft(form);
    check(form);
  }
  document.body.dataset.ready = "true";
}

if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
main();
