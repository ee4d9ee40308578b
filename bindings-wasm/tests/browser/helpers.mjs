// Shared set-up of the browser tests: Debian's Chromium (headless, driven by
// playwright-core) as a 360 × 740 phone with a persistent profile, so IndexedDB
// and the service worker survive a reload; screenshots go to tests/out/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export const out = fileURLToPath(new URL("../out/", import.meta.url));
export const repo = fileURLToPath(new URL("../../../", import.meta.url));
export const DEVANAGARI = /[\u0900-\u097F]/;
export const PHONE = { width: 360, height: 740 };

/** A phone browser on the web form; `run(page, ctx)` is the test body. */
export async function withPhone(run, { lang = "en" } = {}) {
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "suraksha-chromium-"));
  const server = await serve(0);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
      "--disable-component-update", "--disable-sync"],
    viewport: PHONE,
    deviceScaleFactor: 1,
    hasTouch: true,
    acceptDownloads: true,
    serviceWorkers: "allow",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(`${server.url}?today=2026-11-23&lang=${lang}`);
    await page.waitForSelector("body[data-ready=true]");
    await run(page, { context, server, errors });
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });

/** Wait until the service worker controls the page, then reload with no network. */
export async function reloadOffline(page, context) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
}

/** Click an export button and return the downloaded file's name and text. */
export async function exported(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

export const at = (form, path) => form.locator(`[data-path="${path}"]`);

export async function tab(page, name) {
  await page.locator(`#tab-${name}`).click();
  return page.locator(`#${name}`);
}

/** Wait until the form has finished saving or clearing (the app sets aria-busy meanwhile). */
export async function settled(form) {
  await form.page().waitForFunction((el) => !el.hasAttribute("aria-busy"), await form.elementHandle());
}

/** Click a button of the form and wait until the form has settled. */
export async function press(form, selector) {
  await form.locator(selector).click();
  await settled(form);
}

/** Check & save, then wait for the verdict and everything the save redraws. */
export async function checkAndSave(form) {
  await press(form, "button.primary");
  return form.locator(".status").getAttribute("data-result");
}

/** Check & save and require no errors (the codes found are in the failure message). */
export async function saveOk(form) {
  const result = await checkAndSave(form);
  const codes = await form.locator(".status").getAttribute("data-codes");
  if (result !== "success") throw new Error(`expected success, found errors: ${codes}`);
  return codes;
}
