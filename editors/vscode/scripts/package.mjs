// `npm run package`: the universal dateline.vsix, without a server (it uses the
// `dateline.server.path` setting or `dateline` on PATH). `npm run package -- --target T`
// (linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64): a platform .vsix,
// dateline-T-VERSION.vsix, carrying the server binary built for T as server/dateline[.exe].
//
// The binary is `--server FILE`, else $DATELINE_SERVER_BINARY, else the repository's
// target/<rust target>/release/dateline, else (for the host's own target only)
// target/release/dateline. Its header must say it was built for T, and the .vsix must
// store it as executable: either failing stops the packaging.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TARGETS, hostTarget, targetOfExecutable, zipModes } from "./serverBinary.mjs";

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = path.resolve(extensionDir, "..", "..");
const serverDir = path.join(extensionDir, "server");

function stop(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      target: { type: "string" },
      server: { type: "string" },
      out: { type: "string" },
    },
  }));
} catch (error) {
  stop(`${error.message}\nusage: npm run package [-- --target TARGET [--server FILE] [--out FILE.vsix]]`);
}

/** The server binary to bundle for `target`, or a stop saying how to provide one. */
function findServer(target) {
  const given = options.server ?? process.env.DATELINE_SERVER_BINARY;
  if (given) return path.resolve(given);
  const { rust, executable } = TARGETS[target];
  const candidates = [path.join(repositoryRoot, "target", rust, "release", executable)];
  if (target === hostTarget()) candidates.push(path.join(repositoryRoot, "target", "release", executable));
  const found = candidates.find((file) => fs.existsSync(file));
  if (found) return found;
  stop(
    `no dateline binary for ${target}: looked for ${candidates.join(" and ")}.\n` +
      `Build it (cargo build --release --locked --target ${rust}) or name it with --server FILE or DATELINE_SERVER_BINARY.`,
  );
}

function checkBuiltFor(binary, target) {
  let head;
  try {
    const handle = fs.openSync(binary, "r");
    head = Buffer.alloc(4096);
    head = head.subarray(0, fs.readSync(handle, head, 0, head.length, 0));
    fs.closeSync(handle);
  } catch (error) {
    stop(`cannot read the server binary ${binary}: ${error.message}`);
  }
  const builtFor = targetOfExecutable(head);
  if (builtFor !== target) {
    stop(`${binary} is ${builtFor ? `a ${builtFor} executable` : "no executable of a released platform"}, not a ${target} one`);
  }
}

function vsce(args) {
  const cli = path.join(extensionDir, "node_modules", "@vscode", "vsce", "vsce");
  const result = spawnSync(
    process.execPath,
    [cli, "package", "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", ...args],
    { cwd: extensionDir, stdio: "inherit" },
  );
  if (result.error) stop(`vsce could not run: ${result.error.message} (npm ci first)`);
  if (result.status !== 0) stop(`vsce package failed (exit ${result.status})`);
}

const target = options.target;
if (target === undefined) {
  vsce(["--out", path.resolve(options.out ?? path.join(extensionDir, "dateline.vsix"))]);
  process.exit(0);
}
if (!(target in TARGETS)) {
  stop(`dateline is not released for the VS Code target "${target}"; the targets are ${Object.keys(TARGETS).join(", ")}`);
}

const binary = findServer(target);
checkBuiltFor(binary, target);
const { version } = JSON.parse(fs.readFileSync(path.join(extensionDir, "package.json"), "utf8"));
const out = path.resolve(options.out ?? path.join(extensionDir, `dateline-${target}-${version}.vsix`));
const bundled = `server/${TARGETS[target].executable}`;

// server/ holds this target's binary only (never another platform's left from an earlier
// run), and only a platform package lets it in: the committed .vscodeignore keeps it out.
fs.rmSync(serverDir, { recursive: true, force: true });
fs.mkdirSync(serverDir);
fs.copyFileSync(binary, path.join(extensionDir, bundled));
// The executable bit is what the zip records and what VS Code restores when it unpacks.
fs.chmodSync(path.join(extensionDir, bundled), 0o755);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-vsix-"));
const ignoreFile = path.join(scratch, ".vscodeignore");
fs.writeFileSync(
  ignoreFile,
  `${fs.readFileSync(path.join(extensionDir, ".vscodeignore"), "utf8").trimEnd()}\n!${bundled}\n`,
);
try {
  vsce(["--target", target, "--ignoreFile", ignoreFile, "--out", out]);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(serverDir, { recursive: true, force: true });
}

const mode = zipModes(fs.readFileSync(out)).get(`extension/${bundled}`);
if (mode === undefined) stop(`${out} does not hold extension/${bundled} with a Unix mode`);
if ((mode & 0o111) === 0 && target !== "win32-x64") {
  stop(`${out} stores extension/${bundled} without its executable bit (mode ${mode.toString(8)})`);
}
console.log(`${out}: ${target}, with ${binary} as extension/${bundled}`);
