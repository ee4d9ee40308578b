// The web form in Debian's Chromium (headless, driven by playwright-core):
// invalid input shows the message at its field, fixing it shows success,
// Hindi switches the page and the messages, and after going offline a reload
// still validates (service worker). Screenshots go to tests/out/ (git-ignored).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const out = fileURLToPath(new URL("../out/", import.meta.url));
const DEVANAGARI = /[\u0900-\u097F]/;

test("web form validates as the user types, in English and Hindi, offline too", async () => {
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "suraksha-chromium-"));
  const server = await serve(0);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
      "--no-first-run", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 390, height: 844 }, // a phone
    serviceWorkers: "allow",
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}?today=2026-11-23&lang=en`);
    await page.waitForSelector("body[data-ready=true]");

    const form = page.locator("form#case");
    const msgAt = (name) => form.locator(`label:has([name=${name}]) .msg`);
    const status = form.locator(".status");

    await form.locator("[name=child_id]").fill("BIS-0001");
    await form.locator("[name=sex]").selectOption("female");
    await form.locator("[name=school]").selectOption("dropped_out");
    await form.locator("[name=concern]").selectOption("school_dropout");
    await form.locator("[name=identified_at]").fill("2026-11-20T09:00");
    await form.locator("[name=age]").fill("150");
    await assert.doesNotReject(msgAt("age").first().waitFor());
    assert.equal(await msgAt("age").first().getAttribute("data-code"), "out_of_range");
    assert.match(await msgAt("age").first().innerText(), /150|120/);
    // Quoted values are shown as code, never as raw backticks.
    assert.equal(await msgAt("age").first().locator("code").innerText(), "0–120");
    assert.ok(!(await msgAt("age").first().innerText()).includes("`"));
    assert.equal(await form.locator("[name=age]").getAttribute("aria-invalid"), "true");
    assert.equal(await status.getAttribute("data-result"), "failure");
    await page.screenshot({ path: join(out, "case-invalid-en.png"), fullPage: true });

    await form.locator("[name=age]").fill("12");
    await page.waitForFunction(() => document.querySelector("form#case .status").dataset.result === "success");
    assert.equal(await msgAt("age").count(), 0);

    // Hindi: page text and the core's messages.
    await page.locator("#lang").click();
    assert.match(await page.locator("h1").innerText(), DEVANAGARI);
    await form.locator("[name=age]").fill("150");
    await msgAt("age").first().waitFor();
    assert.match(await msgAt("age").first().innerText(), DEVANAGARI);
    await page.screenshot({ path: join(out, "case-invalid-hi.png"), fullPage: true });
    await form.locator("[name=age]").fill("12");
    await page.waitForFunction(() => document.querySelector("form#case .status").dataset.result === "success");

    // The VCPC meeting form: a meeting in the future is refused at its date field.
    await page.locator("#tab-vcpc").click();
    const vcpc = page.locator("form#vcpc");
    await vcpc.locator("[name=date]").fill("2026-12-30");
    const dateMsg = vcpc.locator("label:has([name=date]) .msg.error");
    await dateMsg.first().waitFor();
    assert.equal(await dateMsg.first().getAttribute("data-code"), "date_in_future");
    await vcpc.locator("[name=date]").fill("2026-11-20");
    for (const id of ["m1", "m2", "m3", "m5", "m7"]) await vcpc.locator(`#attendees input[value=${id}]`).check();
    await vcpc.locator("[name=minutes]").check();
    await page.waitForFunction(() => document.querySelector("form#vcpc .status").dataset.result === "success");
    assert.match(await vcpc.locator(".status .score").innerText(), /100/);
    await page.screenshot({ path: join(out, "vcpc-hi.png"), fullPage: true });

    // Offline: once the service worker controls the page, a reload needs no network.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    // The draft typed before going offline survived the reload.
    assert.equal(await form.locator("[name=child_id]").inputValue(), "BIS-0001");
    await form.locator("[name=age]").fill("150");
    await msgAt("age").first().waitFor();
    assert.equal(await msgAt("age").first().getAttribute("data-code"), "out_of_range");
    await page.screenshot({ path: join(out, "case-offline.png"), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
