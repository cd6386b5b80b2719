// Workbench end-to-end test of the VS Code extension: code-server (the VS Code workbench,
// served on 127.0.0.1 only) with the extension installed from a platform .vsix, driven by
// headless Chromium through puppeteer-core. code-server runs with no `dateline` on PATH
// and no `dateline.server.path` setting, so the server must be the one the .vsix carries
// (the test checks that the running server is that file). Checks a warning squiggle, a
// hover card, a claim card and a references list on a seed article; then the README's
// quick start in an empty folder (the corpus started from the command palette, the
// bundled `dateline` in VS Code's terminal, diagnostics of an article added there); and
// saves screenshots.
//
// Environment: VSIX (a platform .vsix with server/dateline inside), WORKSPACE (a scratch
// corpus), ARTICLE (file name in it), SCREENSHOTS (output dir), CHROMIUM (browser binary).
// Run with Node 24 on Linux (the running server is found through /proc).
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import puppeteer from "puppeteer-core";

const here = path.dirname(new URL(import.meta.url).pathname);
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const VSIX = env("VSIX");
const WORKSPACE = env("WORKSPACE");
const ARTICLE = env("ARTICLE");
const SCREENSHOTS = env("SCREENSHOTS");
const CHROMIUM = env("CHROMIUM");
const HOVER_WORD = process.env.HOVER_WORD ?? "Lukashenka";
// A word of a claim sentence of ARTICLE that is no actor, date or cue.
const CLAIM_WORD = process.env.CLAIM_WORD ?? "generals";
const CODE_SERVER = path.join(here, "node_modules", "code-server", "out", "node", "entry.js");

fs.mkdirSync(SCREENSHOTS, { recursive: true });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-workbench-"));
const userData = path.join(scratch, "user-data");
const extensions = path.join(scratch, "extensions");
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.mkdirSync(path.join(userData, "Machine"), { recursive: true });
// code-server is a remote setup: machine-scoped settings such as dateline.server.path are
// read from the remote ("Machine") settings. Left empty on purpose: the extension must
// find the server it carries.
fs.writeFileSync(path.join(userData, "Machine", "settings.json"), "{}\n");

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
// PATH without any folder that holds a `dateline`, as on a machine without the CLI.
const pathFolders = (process.env.PATH ?? "").split(path.delimiter);
const withDateline = pathFolders.filter((dir) => dir !== "" && isExecutableFile(path.join(dir, "dateline")));
if (withDateline.length > 0) console.log(`left out of PATH, as they hold a dateline: ${withDateline.join(", ")}`);
const pathWithoutDateline = pathFolders.filter((dir) => !withDateline.includes(dir)).join(path.delimiter);
const codeServerEnv = { ...process.env, HOME: scratch, PATH: pathWithoutDateline };
fs.writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify(
    {
      "dateline.trace.server": "messages",
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.welcomePage.walkthroughs.openOnInstall": false,
      "workbench.colorTheme": "Default Dark Modern",
      "security.workspace.trust.enabled": false,
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "extensions.ignoreRecommendations": true,
      "editor.hover.delay": 200,
      "editor.minimap.enabled": false,
      "window.commandCenter": false,
      "chat.disableAIFeatures": true,
      "workbench.secondarySideBar.defaultVisibility": "hidden",
    },
    null,
    2,
  ),
);
const config = path.join(scratch, "config.yaml");

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const port = await freePort();
fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const common = ["--config", config, "--user-data-dir", userData, "--extensions-dir", extensions];

// Install from the .vsix exactly as a user would.
const installLog = execFileSync(process.execPath, [CODE_SERVER, ...common, "--install-extension", VSIX], {
  encoding: "utf8",
  env: codeServerEnv,
});
process.stdout.write(installLog);
// Where the installed extension keeps its server (extensions/dateline.dateline-VERSION/server).
const installed = fs.readdirSync(extensions).filter((name) => name.startsWith("dateline.dateline-"));
if (installed.length !== 1) throw new Error(`expected one installed dateline extension in ${extensions}, found ${installed}`);
const bundledServer = fs.realpathSync(path.join(extensions, installed[0], "server", "dateline"));

/** The executables of the running `dateline lsp` processes (Linux: from /proc). */
function runningServers() {
  const servers = [];
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args[1] === "lsp") servers.push(fs.readlinkSync(`/proc/${pid}/exe`));
    } catch {
      // gone, or not ours to read
    }
  }
  return servers;
}

const serverLog = fs.openSync(path.join(SCREENSHOTS, "code-server.log"), "w");
const codeServer = spawn(
  process.execPath,
  [
    CODE_SERVER,
    ...common,
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--auth",
    "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    WORKSPACE,
  ],
  { stdio: ["ignore", serverLog, serverLog], env: codeServerEnv, detached: true },
);

async function waitForPort() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("code-server did not start within 60 s");
}

const browserData = path.join(scratch, "chromium");
let browser;
after(async () => {
  if (browser) await browser.close().catch(() => {});
  const exited = new Promise((resolve) => {
    if (codeServer.exitCode !== null || codeServer.signalCode !== null) resolve();
    codeServer.once("exit", resolve);
  });
  try {
    process.kill(-codeServer.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await Promise.race([exited, sleep(5000)]);
  // The terminal's shell and the servers may still write (history, caches) as they end.
  fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function shot(page, name) {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
  return file;
}

/** The centre of the first on-screen occurrence of `word` in the editor's text. */
async function wordCentre(page, word) {
  return page.evaluate((word) => {
    for (const line of document.querySelectorAll(".monaco-editor .view-lines .view-line")) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, word);
}

/**
 * The text of the hover shown over `point` once it matches `pattern` (a RegExp source).
 * The pointer is moved there again a few times: the editor now and then misses a single
 * move (no hover at all for 20 s, the server never asked), and a person would move again.
 */
async function hoverAt(page, point, pattern) {
  let missed;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(10, 10);
    await sleep(200);
    await page.mouse.move(point.x, point.y);
    try {
      return await hoverMatching(page, pattern, 10_000);
    } catch (error) {
      missed = error;
    }
  }
  throw missed;
}

/** The text of the visible hover once it matches `pattern` (a RegExp source). */
async function hoverMatching(page, pattern, timeout = 20_000) {
  const handle = await page.waitForFunction(
    (source) => {
      const hover = [...document.querySelectorAll(".monaco-hover")].find(
        (element) => element.offsetParent !== null && !element.classList.contains("hidden"),
      );
      const text = hover?.textContent ?? "";
      return new RegExp(source).test(text) ? text : undefined;
    },
    { timeout },
    pattern,
  );
  return handle.jsonValue();
}

/** Opens `name` with Quick Open; retried because the file index may not be ready yet. */
async function openWithQuickOpen(page, name) {
  let opened = false;
  for (let attempt = 0; attempt < 5 && !opened; attempt++) {
    await page.keyboard.press("Escape");
    await page.keyboard.down("Control");
    await page.keyboard.press("KeyP");
    await page.keyboard.up("Control");
    await page.waitForSelector(".quick-input-widget input", { visible: true, timeout: 10_000 }).catch(() => {});
    await page.keyboard.type(name);
    const listed = await page
      .waitForFunction(
        (name) =>
          [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((row) =>
            (row.textContent ?? "").includes(name),
          ),
        { timeout: 10_000 },
        name,
      )
      .then(() => true)
      .catch(() => false);
    if (!listed) continue;
    await page.keyboard.press("Enter");
    opened = await waitForTab(page, name);
  }
  if (!opened) await shot(page, "workbench-failure-open");
  assert.ok(opened, `Quick Open opened ${name}`);
}

/** Whether an editor tab named `name` appears within 10 s. */
async function waitForTab(page, name) {
  return page
    .waitForFunction(
      (name) => [...document.querySelectorAll(".tabs-container .tab")].some((tab) => (tab.textContent ?? "").includes(name)),
      { timeout: 10_000 },
      name,
    )
    .then(() => true)
    .catch(() => false);
}

/** Waits until `file` exists and is not empty; its text, or undefined after `ms`. */
async function waitForFile(file, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (text !== "") return text;
    await sleep(300);
  }
  return undefined;
}

async function openWorkbench(folder) {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.log(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, {
    waitUntil: "domcontentloaded",
  });
  await page.waitForSelector(".monaco-workbench", { timeout: 90_000 });
  await page.waitForSelector(".statusbar", { timeout: 60_000 });
  await sleep(2000);
  return page;
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { visible: true });
  await page.keyboard.type(title);
  await sleep(500);
  await page.keyboard.press("Enter");
}

test("the platform .vsix carries an executable server, and no dateline is on PATH", () => {
  assert.ok(isExecutableFile(bundledServer), `${bundledServer} is an executable file`);
  assert.ok(
    !pathWithoutDateline.split(path.delimiter).some((dir) => dir !== "" && isExecutableFile(path.join(dir, "dateline"))),
    "code-server's PATH holds no dateline",
  );
});

test("the workbench shows a squiggle, a hover card and references", { timeout: 240_000 }, async () => {
  await waitForPort();
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${browserData}`,
      "--window-size=1400,900",
    ],
    defaultViewport: { width: 1400, height: 900 },
  });
  const page = await openWorkbench(WORKSPACE);

  await openWithQuickOpen(page, ARTICLE);
  await page.waitForSelector(".monaco-editor .view-lines", { visible: true, timeout: 30_000 });

  // The language server's warning (an undated claim) as a squiggle.
  try {
    await page.waitForSelector(".monaco-editor .squiggly-warning", { timeout: 60_000 });
  } catch (error) {
    await shot(page, "workbench-failure-squiggle");
    throw error;
  }
  // The diagnostics come from the server inside the extension, not from one found elsewhere.
  const servers = runningServers();
  console.log(`running servers: ${servers.join(", ")}`);
  assert.ok(servers.includes(bundledServer), `the server running is the bundled ${bundledServer}`);
  const statusText = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll(".statusbar-item")]
          .map((item) => item.textContent ?? "")
          .find((text) => /\d+ articles?,/.test(text)),
      { timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => undefined);
  if (!statusText) {
    const items = await page.evaluate(() =>
      [...document.querySelectorAll(".statusbar-item")].map((item) => item.textContent ?? ""),
    );
    console.log(`status bar items: ${JSON.stringify(items)}`);
    await shot(page, "workbench-failure-status");
  }
  console.log(`status bar: ${statusText ?? "(no counts)"}`);
  assert.ok(statusText, "the status bar shows the corpus counts");
  await shot(page, "workbench-squiggle");

  // A hover card over an actor mention.
  const centre = await wordCentre(page, HOVER_WORD);
  assert.ok(centre, `${HOVER_WORD} is visible in the editor`);
  let hoverText;
  try {
    // The problem part of a hover can come before the server's card: wait for the card.
    hoverText = await hoverAt(page, centre, `(person|organization|state|mentions?)[^]*${HOVER_WORD}|${HOVER_WORD}[^]*(person|organization|state|mentions?)`);
  } catch (error) {
    await shot(page, "workbench-failure-hover");
    throw error;
  }
  console.log(`hover: ${hoverText.slice(0, 200)}`);
  assert.match(hoverText, new RegExp(HOVER_WORD));
  await sleep(300);
  await shot(page, "workbench-hover");

  // The claim card over a word of a claim sentence that names no actor or date.
  await page.mouse.move(10, 10);
  await page.keyboard.press("Escape");
  await sleep(500);
  const claimCentre = await wordCentre(page, CLAIM_WORD);
  assert.ok(claimCentre, `${CLAIM_WORD} is visible in the editor`);
  let claimText;
  try {
    claimText = await hoverAt(page, claimCentre, "Claim[^]*Asserted by");
  } catch (error) {
    await shot(page, "workbench-failure-claim-card");
    throw error;
  }
  console.log(`claim card: ${claimText.slice(0, 200)}`);
  assert.match(claimText, /Undated|Dated/);
  await shot(page, "workbench-claim-card");
  await page.mouse.move(centre.x, centre.y);
  await sleep(300);

  // The references of the mention, in the peek view.
  await page.mouse.click(centre.x, centre.y);
  await page.keyboard.press("Escape");
  await page.keyboard.down("Shift");
  await page.keyboard.press("F12");
  await page.keyboard.up("Shift");
  let references;
  try {
    const handle = await page.waitForFunction(
      () => {
        const rows = document.querySelectorAll(".peekview-widget .ref-tree .monaco-list-row");
        return rows.length > 1 ? [...rows].map((row) => row.textContent ?? "") : undefined;
      },
      { timeout: 30_000 },
    );
    references = await handle.jsonValue();
  } catch (error) {
    await shot(page, "workbench-failure-references");
    throw error;
  }
  console.log(`references: ${references.length} rows: ${references.slice(0, 6).join(" | ")}`);
  assert.ok(references.some((row) => /\.article/.test(row)), "the references list names article files");
  await sleep(500);
  await shot(page, "workbench-references");
  await page.keyboard.press("Escape");

  // Workspace diagnostics reach files that were never opened: the Problems panel lists them.
  await page.keyboard.down("Control");
  await page.keyboard.down("Shift");
  await page.keyboard.press("KeyM");
  await page.keyboard.up("Shift");
  await page.keyboard.up("Control");
  const unopened = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll(".markers-panel .monaco-list-row")]
          .map((row) => (row.textContent ?? "").trim())
          .find((text) => text.startsWith("000_d3301de9df92c926.article")),
      { timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => undefined);
  console.log(`problems of an unopened file: ${unopened}`);
  await sleep(500);
  await shot(page, unopened ? "workbench-problems" : "workbench-failure-problems");
  assert.ok(unopened, "workspace diagnostics reach an unopened article in the Problems panel");

  // The timeline command answers either with the webview or with a friendly message.
  await runCommand(page, "dateline: Show timeline");
  const timeline = await page
    .waitForFunction(
      () => {
        const toast = [...document.querySelectorAll(".notifications-toasts .notification-list-item-message")]
          .map((element) => element.textContent ?? "")
          .find((text) => /timeline/i.test(text));
        if (toast) return `message: ${toast}`;
        const tab = [...document.querySelectorAll(".tabs-container .tab")].find((element) =>
          /dateline timeline/.test(element.textContent ?? ""),
        );
        return tab ? "webview" : undefined;
      },
      { timeout: 20_000 },
    )
    .then((handle) => handle.jsonValue());
  console.log(`timeline: ${timeline}`);
  if (timeline === "webview") {
    // The page lives in nested iframes; wait until one of them shows the table.
    let rows;
    const deadline = Date.now() + 30_000;
    while (rows === undefined && Date.now() < deadline) {
      for (const frame of page.frames()) {
        const count = await frame
          .evaluate(() =>
            document.querySelector("h1")?.textContent === "dateline timeline"
              ? document.querySelectorAll("tbody tr").length
              : undefined,
          )
          .catch(() => undefined);
        if (count !== undefined) rows = count;
      }
      if (rows === undefined) await sleep(500);
    }
    console.log(`timeline rows: ${rows}`);
    assert.ok(rows !== undefined && rows > 0, "the timeline webview lists dated claims");
  }
  await sleep(1000);
  await shot(page, "workbench-timeline");
});

// The README's quick start with nothing installed but the .vsix: open an empty folder,
// start a corpus from the command palette, then in VS Code's terminal the `dateline`
// command is the bundled one; a saved page imported there gets its diagnostics.
test("quick start: a new corpus, the bundled dateline in the terminal, diagnostics", { timeout: 150_000 }, async () => {
  assert.ok(browser, "the workbench test started the browser");
  const corpus = path.join(scratch, "new-corpus");
  fs.mkdirSync(corpus);
  const page = await openWorkbench(corpus);
  await runCommand(page, "dateline: Start a corpus in this folder");
  const made = await waitForFile(path.join(corpus, "dateline.toml"), 30_000);
  if (!made) await shot(page, "workbench-failure-init");
  assert.ok(made, "the command wrote dateline.toml");
  for (const name of ["actors.toml", "example.article", ".vscode/extensions.json"]) {
    assert.ok(fs.existsSync(path.join(corpus, name)), `the command wrote ${name}`);
  }
  assert.ok(await waitForTab(page, "example.article"), "the command opened example.article");

  await runCommand(page, "Terminal: Create New Terminal");
  await page.waitForSelector(".terminal-wrapper .xterm", { visible: true, timeout: 30_000 });
  await sleep(2000);
  // A saved news page (one of the import tests' own pages) brought in with `dateline import`.
  const savedPage = path.join(here, "..", "import", "jsonld.html");
  const imported = "2024-03-15-reservists-called-to-training-near-the-border.article";
  await page.keyboard.type(`command -v dateline > which-dateline.txt; dateline import '${savedPage}' > import-report.txt\n`);
  const which = await waitForFile(path.join(corpus, "which-dateline.txt"), 30_000);
  if (!which) await shot(page, "workbench-failure-terminal");
  console.log(`dateline in the terminal: ${which?.trim()}`);
  assert.ok(which, "the terminal ran the command line");
  assert.equal(fs.realpathSync(which.trim()), bundledServer, "the terminal's dateline is the bundled one");
  const report = await waitForFile(path.join(corpus, "import-report.txt"), 30_000);
  console.log(`dateline import said: ${report?.trim()}`);
  assert.ok(await waitForFile(path.join(corpus, imported), 10_000), "dateline import wrote the article");

  await openWithQuickOpen(page, imported);
  try {
    await page.waitForSelector(".monaco-editor .squiggly-warning", { timeout: 60_000 });
  } catch (error) {
    await shot(page, "workbench-failure-quickstart-squiggle");
    throw error;
  }
  await shot(page, "workbench-quickstart");
});
