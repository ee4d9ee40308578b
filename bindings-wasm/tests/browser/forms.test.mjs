// The offline forms on a 360 × 740 phone, in English and Hindi: a case, a
// committee with its meetings, and a DNA village record are filled, checked,
// saved (IndexedDB), found again after an offline reload, reopened and
// exported; the DNA export is read by `suraksha report`. Screenshots of each
// form go to tests/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { get } from "node:http";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEVANAGARI, at, checkAndSave, exported, press, reloadOffline, repo, saveOk, shot, tab, withPhone } from "./helpers.mjs";

async function fillCase(form, childId) {
  await at(form, "/child/id").fill(childId);
  await at(form, "/identified_at").fill("2026-11-20T09:00");
  await at(form, "/child/age_years").fill("16");
  await at(form, "/child/sex").selectOption("female");
  await at(form, "/child/school_status").selectOption("dropped_out");
  await at(form, "/concerns/0/kind").selectOption("imminent_child_marriage");
  await at(form, "/concerns/0/planned_date").fill("2026-12-10");
}

async function fixCase(form) {
  // The marriage prohibition officer, and the CWC (a child at risk of marriage needs care and protection).
  await at(form, "/referrals/0/to").selectOption("child_marriage_prohibition_officer");
  await at(form, "/referrals/0/at").fill("2026-11-20T11:00");
  await form.locator("button[data-add='/referrals']").click();
  await at(form, "/referrals/1/to").selectOption("cwc");
  await at(form, "/referrals/1/at").fill("2026-11-20T15:00");
  await at(form, "/consent/consent_for_services").check();
  await at(form, "/consent/disclosure_other_orgs").check();
}

test("case: blank is not problems; check, save, reload offline, reopen and export, in English and Hindi", async () => {
  await withPhone(async (page, { context, errors }) => {
    const form = page.locator("form#case");
    const status = form.locator(".status");
    // A blank form is a form to fill, not a list of problems.
    assert.equal(await status.getAttribute("data-result"), "blank");
    assert.equal(await form.locator(".problems li").count(), 0);
    assert.equal(await form.locator(".msg").count(), 0);
    assert.doesNotMatch(await status.innerText(), /problem/i);
    await shot(page, "case-blank-en");

    // Every label is words from the catalogue, never a key.
    for (const text of await form.locator("label > span").allInnerTexts()) assert.doesNotMatch(text, /_|^\s*$/, text);
    for (const text of await at(form, "/concerns/0/kind").locator("option").allInnerTexts()) assert.doesNotMatch(text, /_/);

    // A value out of range shows at its field as soon as it is typed.
    await at(form, "/child/age_years").fill("150");
    const ageMsg = form.locator("label:has([data-path='/child/age_years']) .msg");
    await ageMsg.first().waitFor();
    assert.equal(await ageMsg.first().getAttribute("data-code"), "out_of_range");
    assert.equal(await ageMsg.first().locator("code").count(), 0); // a number, not a quoted user value

    await fillCase(form, "BIS-0001");
    // Check & save lists every problem, each linked to its field.
    assert.equal(await checkAndSave(form), "failure");
    const problems = form.locator(".problems li");
    assert.ok((await problems.count()) >= 1);
    for (const text of await problems.allInnerTexts()) assert.doesNotMatch(text, /[a-z]+_[a-z]+|\{/, text);
    const link = form.locator(".problems li a").first();
    const target = (await link.getAttribute("href")).slice(1);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), target);
    await shot(page, "case-problems-en");

    await fixCase(form);
    await saveOk(form);
    // What the law requires next (from the package, when it returns actions) sits above the problems.
    if (await form.locator(".actions").count()) {
      const order = await form.locator(".result > *").evaluateAll((els) => els.map((e) => e.className));
      assert.ok(order.indexOf("actions") < order.indexOf("problems") || !order.includes("problems"));
    }
    await assert.doesNotReject(form.locator(".risk").waitFor());
    await shot(page, "case-en");
    const firstId = await at(form, "/id").inputValue();

    // Hindi: labels, choices and messages in Devanagari; a second case saved.
    await page.locator("#lang").click();
    assert.match(await page.locator("h1").innerText(), DEVANAGARI);
    assert.match(await form.locator("label:has([data-path='/child/sex']) > span").innerText(), DEVANAGARI);
    assert.match(await at(form, "/child/sex").locator("option[value=female]").innerText(), DEVANAGARI);
    await press(form, "button.new");
    assert.equal(await form.locator(".status").getAttribute("data-result"), "blank");
    await fillCase(form, "BIS-0002");
    await at(form, "/child/age_years").fill("150");
    await checkAndSave(form);
    for (const text of await form.locator(".problems li").allInnerTexts()) {
      assert.match(text, DEVANAGARI);
      assert.doesNotMatch(text, /[a-z]+_[a-z]+/, text);
    }
    await shot(page, "case-problems-hi");
    await at(form, "/child/age_years").fill("16");
    await fixCase(form);
    await saveOk(form);
    await shot(page, "case-hi");
    const secondId = await at(form, "/id").inputValue();
    // An unsaved edit (a draft) survives the reload too.
    await at(form, "/child/id").fill("BIS-0002-DRAFT");
    await page.waitForTimeout(400);

    // Offline reload: the saved cases and the draft are still on the phone.
    await reloadOffline(page, context);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.equal(await at(form, "/child/id").inputValue(), "BIS-0002-DRAFT");
    const saved = await tab(page, "saved");
    const cases = saved.locator("[data-kind=case] li");
    assert.deepEqual((await cases.evaluateAll((li) => li.map((l) => l.dataset.id))).sort(), [firstId, secondId].sort());
    await shot(page, "saved-hi");

    // Reopen the first case: the form shows it again.
    await saved.locator(`[data-kind=case] li[data-id="${firstId}"] button.open`).click();
    assert.equal(await page.locator("#tab-case").getAttribute("aria-selected"), "true");
    assert.equal(await at(form, "/child/id").inputValue(), "BIS-0001");
    assert.equal(await at(form, "/concerns/0/kind").inputValue(), "imminent_child_marriage");

    // Export, offline: JSON the CLI reads, and CSV for a spreadsheet.
    await tab(page, "saved");
    const json = await exported(page, saved.locator("[data-kind=case] .export-json"));
    const records = JSON.parse(json.text);
    assert.equal(records.length, 2);
    assert.ok(records.every((r) => r.child.sex === "female" && r.concerns[0].kind === "imminent_child_marriage"));
    const dir = mkdtempSync(join(tmpdir(), "suraksha-export-"));
    writeFileSync(join(dir, "case.json"), JSON.stringify(records[0]));
    execFileSync("cargo", ["run", "-q", "-p", "suraksha", "--", "validate", "case", join(dir, "case.json"), "--today", "2026-11-23"], { cwd: repo });
    const csv = await exported(page, saved.locator("[data-kind=case] .export-csv"));
    const [header, ...rows] = csv.text.trim().split(/\r\n/);
    assert.ok(header.split(",").includes("child.sex"), header);
    assert.equal(rows.length, 2);
    assert.deepEqual(errors, []);
  });
});

test("committee and meetings: members on the phone, meeting history, quorum from real data", async () => {
  await withPhone(async (page, { context, errors }) => {
    const vcpc = await tab(page, "vcpc");
    await at(vcpc, "/id").fill("VCPC-BIS-RATHOS");
    await at(vcpc, "/composition_profile").selectOption("icps_generic");
    await at(vcpc, "/formation/date").fill("2025-11-20");
    await at(vcpc, "/formation/gram_sabha_resolution/reference").fill("GS/2025/17");
    await at(vcpc, "/formation/gram_sabha_resolution/date").fill("2025-11-15");
    const place = [["state", "Bihar", 10], ["district", "Madhubani", 220], ["block", "Bisfi", 1208], ["gram_panchayat", "Rathos", 95012], ["village", "Rathos", 221734]];
    for (const [level, name, code] of place) {
      await at(vcpc, `/geography/${level}/name`).fill(name);
      await at(vcpc, `/geography/${level}/lgd_code`).fill(String(code));
    }
    const members = [
      ["m1", "sarpanch", "chair", "female", 44], ["m2", "anganwadi_worker", "member_secretary", "female", 38],
      ["m3", "ward_member", "", "male", 51], ["m4", "teacher", "", "male", 35], ["m5", "asha", "", "female", 33],
      ["m6", "shg_member", "", "female", 29], ["m7", "child", "", "female", 14], ["m8", "child", "", "male", 15],
    ];
    for (const [i, [id, role, office, sex, age]] of members.entries()) {
      if (i > 0) await vcpc.locator("button[data-add='/members']").click();
      await at(vcpc, `/members/${i}/id`).fill(id);
      await at(vcpc, `/members/${i}/role`).selectOption(role);
      if (office) await at(vcpc, `/members/${i}/office`).selectOption(office);
      await at(vcpc, `/members/${i}/sex`).selectOption(sex);
      await at(vcpc, `/members/${i}/age`).fill(String(age));
    }
    await saveOk(vcpc);
    await shot(page, "committee-en");

    const meeting = await tab(page, "meeting");
    assert.equal(await page.locator("#committee-pick").inputValue(), "VCPC-BIS-RATHOS");
    // The members come from the saved committee, not from the code.
    assert.equal(await meeting.locator("#attendees input").count(), 8);
    // A meeting two members attend has no quorum, and never shows green.
    await at(meeting, "/meetings/#/date").fill("2026-10-20");
    for (const id of ["m1", "m2"]) await meeting.locator(`#attendees input[value=${id}]`).check();
    await at(meeting, "/meetings/#/minutes_recorded").check();
    await saveOk(meeting);
    assert.equal(await meeting.locator(".history li").count(), 1);
    // A saved meeting's attendance does not carry over into the next one.
    assert.equal(await meeting.locator("#attendees input:checked").count(), 0);
    assert.equal(await meeting.locator(".history li").first().getAttribute("data-quorum"), "not_met");
    assert.doesNotMatch(await meeting.locator(".history li").first().getAttribute("class"), /\bok\b/);

    // A second meeting with quorum and its minutes.
    await at(meeting, "/meetings/#/date").fill("2026-11-20");
    for (const id of ["m1", "m2", "m3", "m5", "m7"]) await meeting.locator(`#attendees input[value=${id}]`).check();
    await at(meeting, "/meetings/#/minutes_recorded").check();
    await at(meeting, "/meetings/#/agenda").fill("dropout in ward 3\nmarriage season plan");
    await at(meeting, "/meetings/#/decisions").fill("home visits by the AWW and the teacher");
    await at(meeting, "/meetings/#/cases_reviewed").fill("CASE-2026-0412");
    await at(meeting, "/meetings/#/action_points").fill("ASHA to visit two families by 30 Nov");
    await at(meeting, "/meetings/#/next_date").fill("2026-12-18");
    // Before saving, the summary of this meeting: quorum met, and the index from the record.
    await meeting.locator(".quorum").waitFor();
    assert.equal(await meeting.locator(".quorum").getAttribute("data-quorum"), "met");
    assert.match(await meeting.locator(".score").innerText(), /\/100/);
    await saveOk(meeting);
    const history = meeting.locator(".history li");
    assert.equal(await history.count(), 2);
    assert.equal(await history.first().getAttribute("data-quorum"), "met"); // newest first
    await shot(page, "meeting-en");

    // Hindi.
    await page.locator("#lang").click();
    // The saved meeting's verdict survives the switch, now in Hindi.
    assert.equal(await meeting.locator(".status").getAttribute("data-result"), "success");
    assert.match(await meeting.locator(".status").innerText(), DEVANAGARI);
    assert.equal(await meeting.locator(".quorum").getAttribute("data-quorum"), "met");
    assert.match(await meeting.locator("label:has([data-path='/meetings/#/agenda']) > span").innerText(), DEVANAGARI);
    assert.match(await meeting.locator("#attendees label").first().innerText(), DEVANAGARI);
    await shot(page, "meeting-hi");
    await tab(page, "vcpc");
    // The state order's name is in Hindi too.
    assert.match(await at(vcpc, "/composition_profile").locator("option:checked").innerText(), DEVANAGARI);
    await shot(page, "committee-hi");

    // Offline: the committee and its history are still there; edit a member, export.
    await reloadOffline(page, context);
    await tab(page, "meeting");
    assert.equal(await meeting.locator(".history li").count(), 2);
    const saved = await tab(page, "saved");
    await saved.locator("[data-kind=vcpc] li[data-id='VCPC-BIS-RATHOS'] button.open").click();
    assert.equal(await at(vcpc, "/members/7/id").inputValue(), "m8");
    await at(vcpc, "/members/7/age").fill("16");
    await saveOk(vcpc);
    await tab(page, "saved");
    const json = await exported(page, saved.locator("[data-kind=vcpc] .export-json"));
    const [committee] = JSON.parse(json.text);
    assert.equal(committee.members[7].age, 16);
    assert.equal(committee.meetings.length, 2, "editing the committee keeps its meetings");
    assert.deepEqual(committee.meetings[1].agenda, ["dropout in ward 3", "marriage season plan"]);
    const dir = mkdtempSync(join(tmpdir(), "suraksha-export-"));
    writeFileSync(join(dir, "vcpc.json"), JSON.stringify(committee));
    execFileSync("cargo", ["run", "-q", "-p", "suraksha", "--", "validate", "vcpc", join(dir, "vcpc.json"), "--today", "2026-11-23"], { cwd: repo });
    assert.deepEqual(errors, []);
  });
});

async function fillVillage(dna, code, name) {
  await at(dna, "/date").fill("2026-10-14");
  const place = [["state", "Bihar", 10], ["district", "Madhubani", 223], ["block", "Bisfi", 2301], ["gram_panchayat", name, code - 100000], ["village", name, code]];
  for (const [level, n, c] of place) {
    await at(dna, `/geography/${level}/name`).fill(n);
    await at(dna, `/geography/${level}/lgd_code`).fill(String(c));
  }
  const bands = { adult: [["female", 18, 40, 6], ["male", 20, 60, 5]], children: [["female", 10, 17, 6], ["male", 10, 17, 5]] };
  for (const [group, rows] of Object.entries(bands)) {
    for (const [i, [sex, from, to, count]] of rows.entries()) {
      if (i > 0) await dna.locator(`button[data-add='/groups/${group}/participants']`).click();
      const base = `/groups/${group}/participants/${i}`;
      await at(dna, `${base}/sex`).selectOption(sex);
      await at(dna, `${base}/age_from`).fill(String(from));
      await at(dna, `${base}/age_to`).fill(String(to));
      await at(dna, `${base}/count`).fill(String(count));
    }
  }
  const ratings = { child_marriage: [3, 40, 4, 50], child_labour: [2, 10, 3, 18], dropout: [2, 12, 2, 15] };
  for (const [theme, [a, ae, c, ce]] of Object.entries(ratings)) {
    const box = dna.locator(`.theme[data-theme=${theme}]`);
    await box.locator("[data-group=adult_group] select").selectOption(String(a));
    await box.locator("[data-group=adult_group] input").fill(String(ae));
    await box.locator("[data-group=children_group] select").selectOption(String(c));
    await box.locator("[data-group=children_group] input").fill(String(ce));
  }
  for (const role of ["teacher", "aww", "asha"]) {
    const box = dna.locator(`.interview[data-role=${role}]`);
    await box.evaluate((d) => { d.open = true; });
    const row = box.locator(".pair[data-theme=child_marriage]");
    await row.locator("select").selectOption("2");
    if (role !== "teacher") await row.locator("input[type=checkbox]").check();
  }
}

test("DNA village tool: focus groups and interviews, saved offline, exported for `suraksha report`", async () => {
  await withPhone(async (page, { context, errors }) => {
    const dna = await tab(page, "dna");
    assert.equal(await dna.locator(".status").getAttribute("data-result"), "blank");
    assert.equal(await dna.locator(".theme").count(), 9); // the profile's themes
    await fillVillage(dna, 211310, "Rathos");
    // Each focus group has its own notes.
    await dna.locator(".theme[data-theme=child_marriage] label.children_group input").fill("children say the school bus stopped");
    await saveOk(dna);
    await shot(page, "dna-en");

    await page.locator("#lang").click();
    assert.match(await dna.locator(".theme[data-theme=child_marriage] h3").innerText(), DEVANAGARI);
    assert.match(await dna.locator(".theme[data-theme=child_marriage] select option[value='4']").first().innerText(), DEVANAGARI);
    await press(dna, "button.new");
    await fillVillage(dna, 211311, "Kusmaul");
    // A children's group with an adult in it is refused, in Hindi, at its field.
    await at(dna, "/groups/children/participants/0/age_to").fill("25");
    assert.equal(await checkAndSave(dna), "failure");
    const msg = dna.locator("label:has([data-path='/groups/children/participants/0/age_to']) .msg, .row:has([data-path='/groups/children/participants/0/age_to']) .msg");
    assert.match(await dna.locator(".problems").innerText(), DEVANAGARI);
    await shot(page, "dna-problems-hi");
    assert.ok((await msg.count()) + (await dna.locator(".problems li a").count()) > 0);
    await at(dna, "/groups/children/participants/0/age_to").fill("17");
    await saveOk(dna);
    await shot(page, "dna-hi");

    await reloadOffline(page, context);
    const saved = await tab(page, "saved");
    assert.equal(await saved.locator("[data-kind=dna_village] li").count(), 2);
    const first = await saved.locator("[data-kind=dna_village] li").last().getAttribute("data-id");
    await saved.locator(`[data-kind=dna_village] li[data-id="${first}"] button.open`).click();
    assert.equal(await dna.locator(".theme[data-theme=child_marriage] [data-group=adult_group] select").inputValue(), "3");
    assert.equal(await at(dna, "/geography/village/name").inputValue(), "Rathos");

    // The export is the dataset `suraksha report` reads.
    await tab(page, "saved");
    const file = await exported(page, saved.locator("[data-kind=dna_village] .export-json"));
    assert.equal(file.name, "dna-villages.json");
    assert.equal(JSON.parse(file.text).villages.length, 2);
    const rathos = JSON.parse(file.text).villages.find((v) => v.geography.village.name === "Rathos");
    assert.ok(rathos.findings.some((f) => f.children_group?.notes === "children say the school bus stopped"));
    const dir = mkdtempSync(join(tmpdir(), "suraksha-dna-"));
    writeFileSync(join(dir, file.name), file.text);
    execFileSync("cargo", ["run", "-q", "-p", "suraksha", "--", "report", join(repo, "examples/district/roster.csv"), join(dir, file.name),
      "--district", "Madhubani", "--out", join(dir, "out")], { cwd: repo, stdio: "pipe" });
    const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8"));
    assert.ok(report.baseline.villages.length >= 2);
    assert.deepEqual(errors, []);
  });
});

test("keyboard, touch targets and the compressed .wasm", async () => {
  await withPhone(async (page, { server }) => {
    // Tabs: arrow keys move between them, Tab enters the panel.
    await page.locator("#tab-case").focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.locator("#tab-vcpc").getAttribute("aria-selected"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.id), "tab-vcpc");
    await page.keyboard.press("End");
    assert.equal(await page.locator("#tab-saved").getAttribute("aria-selected"), "true");
    await page.keyboard.press("Home");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/id");
    // Tab order follows the page: identified on comes after the case id.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/identified_at");

    // Touch targets at least 48 px high on every visible control of every form.
    for (const name of ["case", "vcpc", "meeting", "dna"]) {
      await tab(page, name);
      await page.locator(`#${name} details.interview summary`).evaluateAll((s) => s.forEach((x) => x.click()));
      const small = await page.locator(`#${name}, nav, header`).evaluateAll((roots) => roots.flatMap((root) =>
        [...root.querySelectorAll("button, select, input:not([type=checkbox]):not([type=hidden]), textarea, label.check, summary")]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el.dataset.path ?? el.id ?? el.textContent, el.getBoundingClientRect().height])
          .filter(([, h]) => h < 47.5)));
      assert.deepEqual(small, [], `${name}: small targets`);
    }

    // The .wasm is sent compressed to a browser that accepts it.
    const { headers, body } = await new Promise((ok, fail) => {
      get(`${server.url}pkg/suraksha_wasm_bg.wasm`, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", fail);
    });
    assert.equal(headers["content-encoding"], "br");
    const raw = readFileSync(join(repo, "bindings-wasm/pkg/web/suraksha_wasm_bg.wasm"));
    assert.ok(body.length < raw.length / 2, `${body.length} of ${raw.length} bytes`);
  });
});
