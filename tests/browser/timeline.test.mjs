// Drives headless Chromium over the pages that `dateline timeline --format html` wrote
// (see scripts/browser-test.sh, which sets the environment) and saves screenshots.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/browser-test.sh`);
  return value;
};
const SEEDS_HTML = env("TIMELINE_HTML");
const SEEDS_JSON = JSON.parse(readFileSync(env("TIMELINE_JSON"), "utf8"));
const LARGE_HTML = process.env.TIMELINE_LARGE_HTML;
const LARGE_COUNT = Number(process.env.TIMELINE_LARGE_COUNT || 0);
const SHOTS = env("SCREENSHOTS");
mkdirSync(SHOTS, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), "dateline-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`,
  ],
});
test.after(async () => {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
});

// A page on `file`, with every console error, page error and non-file request recorded.
async function open(file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 950, deviceScaleFactor: 1 });
  const problems = [];
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.dateline !== undefined);
  return { page, problems };
}
const settle = (page) => page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => done()), 150)));
const shot = (page, name) => page.screenshot({ path: join(SHOTS, name), fullPage: false });

test("the seed timeline: marks, zoom, filters, selection", async (t) => {
  const { page, problems } = await open(SEEDS_HTML);
  await settle(page);

  await t.test("one mark per claim of the JSON output", async () => {
    assert.ok(SEEDS_JSON.length > 10, "the seeds have dated claims");
    assert.equal(await page.evaluate(() => window.dateline.markCount()), SEEDS_JSON.length);
    assert.equal(await page.$eval("#marks", (c) => Number(c.dataset.marks)), SEEDS_JSON.length);
    const listed = await page.$eval("#list-count", (el) => el.textContent);
    assert.match(listed, new RegExp(`^${SEEDS_JSON.length} of ${SEEDS_JSON.length} `));
    await shot(page, "timeline-overview.png");
  });

  await t.test("the wheel zooms and the tick labels follow", async () => {
    const before = await page.evaluate(() => window.dateline.ticks());
    const box = await (await page.$("#marks")).boundingBox();
    await page.mouse.move(box.x + box.width * 0.12, box.y + 30);
    for (let i = 0; i < 8; i++) await page.mouse.wheel({ deltaY: -400 });
    await settle(page);
    const after = await page.evaluate(() => window.dateline.ticks());
    assert.notDeepEqual(after, before, "zooming in changes the ticks");
    const band = await page.evaluate(() => window.dateline.band());
    assert.ok(band.some((label) => /^[A-Z][a-z]+ \d{4}$/.test(label)), `a month band when zoomed in: ${band}`);
    await shot(page, "timeline-zoomed.png");

    const view = await page.evaluate(() => window.dateline.view());
    // Measured again: the controls above the canvas may wrap differently once the range
    // label changes with the zoom.
    const now = await (await page.$("#marks")).boundingBox();
    const middle = now.y + Math.min(now.height / 2, 60);
    await page.mouse.move(now.x + 600, middle);
    await page.mouse.down();
    await page.mouse.move(now.x + 300, middle, { steps: 6 });
    await page.mouse.up();
    await settle(page);
    assert.notDeepEqual(await page.evaluate(() => window.dateline.view()), view, "dragging pans");

    await page.click("#zoom-fit");
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.dateline.ticks()), before, "Fit brings back the first view");
  });

  await t.test("the actor filter keeps the claims that mention the actor", async () => {
    const expected = SEEDS_JSON.filter((entry) => entry.actors.includes("putin")).length;
    assert.ok(expected > 0 && expected < SEEDS_JSON.length);
    await page.select("#actor", "putin");
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), expected);
    await shot(page, "timeline-actor-putin.png");
    await page.select("#actor", "");
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), SEEDS_JSON.length);
  });

  await t.test("the speaker filter keeps the claims that speaker asserts", async () => {
    const speaker = "Aliaksandr Lukashenka";
    const expected = SEEDS_JSON.filter((entry) => entry.attribution === speaker).length;
    assert.ok(expected > 0 && expected < SEEDS_JSON.length);
    await page.select("#speaker", speaker);
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), expected);
    await page.select("#speaker", "");
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), SEEDS_JSON.length);
  });

  await t.test("a source chip hides and shows its source", async () => {
    const chip = await page.$(".legend .chip");
    const source = await chip.evaluate((b) => b.dataset.source);
    const ofSource = SEEDS_JSON.filter((entry) => (entry.source || "(no source)") === source).length;
    await chip.click();
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), SEEDS_JSON.length - ofSource);
    assert.equal(await chip.evaluate((b) => b.getAttribute("aria-pressed")), "false");
    await chip.click();
    await settle(page);
    assert.equal(await page.evaluate(() => window.dateline.markCount()), SEEDS_JSON.length);
  });

  await t.test("clicking a mark shows its claim", async () => {
    const n = SEEDS_JSON.findIndex((entry) => entry.date.includes("/"));
    const point = await page.evaluate((n) => window.dateline.markPoint(n), Math.max(n, 0));
    await page.mouse.move(point.x, point.y);
    await settle(page);
    assert.equal(await page.$eval("#tooltip", (el) => getComputedStyle(el).display), "block", "hover shows a tooltip");
    await page.mouse.click(point.x, point.y);
    await page.waitForSelector("#detail-text");
    assert.equal(await page.$eval("#detail-text", (el) => el.textContent), point.text);
    await shot(page, "timeline-selected.png");
  });

  await t.test("the keyboard steps through the marks", async () => {
    await page.focus("#marks");
    await page.keyboard.press("Home");
    await settle(page);
    assert.equal(await page.$eval("#detail-text", (el) => el.textContent), SEEDS_JSON[0].text);
    await page.keyboard.press("ArrowRight");
    await settle(page);
    assert.equal(await page.$eval("#detail-text", (el) => el.textContent), SEEDS_JSON[1].text);
    await page.keyboard.press("End");
    await settle(page);
    assert.equal(await page.$eval("#detail-text", (el) => el.textContent), SEEDS_JSON.at(-1).text);
  });

  await t.test("a claim in the list selects its mark", async () => {
    await page.click("#zoom-fit");
    await settle(page);
    const third = await page.$("#claims li:nth-child(3) .claim");
    const index = Number(await third.evaluate((b) => b.dataset.i));
    await third.click();
    await settle(page);
    assert.equal(await page.$eval("#detail-text", (el) => el.textContent), SEEDS_JSON[index].text);
    assert.equal(await third.evaluate((b) => b.getAttribute("aria-current")), "true");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shot(page, "timeline-list.png");
  });

  await t.test("no console errors, no requests", () => {
    assert.deepEqual(problems, []);
  });
});

test("ten thousand claims stay fast", { skip: !LARGE_HTML && "no large corpus" }, async () => {
  const started = Date.now();
  const { page, problems } = await open(LARGE_HTML);
  await settle(page);
  const loaded = Date.now() - started;
  assert.equal(await page.evaluate(() => window.dateline.markCount()), LARGE_COUNT);
  await shot(page, "timeline-large.png");
  const box = await (await page.$("#marks")).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  // Each wheel step repacks the lanes and redraws: time a burst of them.
  const zoomStart = Date.now();
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel({ deltaY: -300 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  }
  const perStep = (Date.now() - zoomStart) / 10;
  await settle(page);
  await shot(page, "timeline-large-zoomed.png");
  console.log(`# large corpus: ${LARGE_COUNT} claims, page ready in ${loaded} ms, ${perStep.toFixed(1)} ms a zoom step`);
  assert.ok(loaded < 8000, `loads in under 8 s (${loaded} ms)`);
  assert.ok(perStep < 250, `a zoom step under 250 ms (${perStep} ms)`);
  assert.deepEqual(problems, []);
});
