// The district report on a 360 × 740 phone and on paper, in English and Hindi:
// one column, no page-wide sideways scroll, chart text never below 11 px, and
// a print rendering with every section (the village table included).
// Screenshots (phone and print) and a PDF go to tests/out/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { DEVANAGARI, PHONE, out, repo } from "./helpers.mjs";

test("the report reads on a phone and on paper, in English and Hindi", async () => {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const locale of ["en", "hi"]) {
      const dir = join(out, `report-${locale}`);
      execFileSync("cargo", ["run", "-q", "-p", "suraksha", "--", "--locale", locale, "demo", "--out", dir], { cwd: repo, stdio: "pipe" });
      const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(join(dir, "report.html")).href);
      // One column, nothing wider than the phone except inside a scroller.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), "the page scrolls sideways");
      const columns = await page.locator(".grid").first().evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(" ").length);
      assert.equal(columns, 1);
      // Every chart text at 11 px or more as drawn.
      const small = await page.locator("svg").evaluateAll((svgs) => svgs.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")]
          .map((t) => [t.textContent, Number(t.getAttribute("font-size")) * scale])
          .filter(([, px]) => px < 10.95);
      }));
      assert.deepEqual(small, [], "chart text below 11 px");
      const text = await page.locator("main").innerText();
      assert.doesNotMatch(text, /\b[a-z0-9]+_[a-z0-9_]+\b/, "an internal id is shown");
      if (locale === "hi") assert.match(await page.locator("h2").first().innerText(), DEVANAGARI);
      await page.screenshot({ path: join(out, `report-phone-${locale}.png`), fullPage: true });
      // On paper: every section, the village table included, nothing folded.
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      assert.equal(await page.locator("details").count(), 0);
      assert.ok(await page.locator("table").first().isVisible());
      await page.screenshot({ path: join(out, `report-print-${locale}.png`), fullPage: true });
      await page.pdf({ path: join(out, `report-${locale}.pdf`), format: "A4", printBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
