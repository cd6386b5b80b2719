// Tests of the packaging scripts: which platform an executable was built for, the modes a
// zip stores, and scripts/package.mjs making a platform .vsix with the server inside (and
// refusing a binary of another platform) and a universal one without it.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { TARGETS, hostTarget, targetOfExecutable, zipModes } from "../../scripts/serverBinary.mjs";

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The first bytes of a 64-bit ELF executable for `machine`. */
function elf(machine) {
  const bytes = Buffer.alloc(64);
  bytes.write("\x7fELF", 0, "latin1");
  bytes[4] = 2; // 64-bit
  bytes[5] = 1; // little-endian
  bytes.writeUInt16LE(2, 16); // an executable
  bytes.writeUInt16LE(machine, 18);
  return bytes;
}
function machO(cpu) {
  const bytes = Buffer.alloc(32);
  bytes.writeUInt32LE(0xfeedfacf, 0);
  bytes.writeUInt32LE(cpu, 4);
  return bytes;
}
function pe(machine) {
  const bytes = Buffer.alloc(0x100);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  bytes.writeUInt16LE(machine, 0x84);
  return bytes;
}

test("an executable's header says which target it was built for", () => {
  assert.equal(targetOfExecutable(elf(0x3e)), "linux-x64");
  assert.equal(targetOfExecutable(elf(0xb7)), "linux-arm64");
  assert.equal(targetOfExecutable(machO(0x01000007)), "darwin-x64");
  assert.equal(targetOfExecutable(machO(0x0100000c)), "darwin-arm64");
  assert.equal(targetOfExecutable(pe(0x8664)), "win32-x64");
  assert.equal(targetOfExecutable(pe(0xaa64)), undefined, "Windows on Arm is not released");
  assert.equal(targetOfExecutable(elf(0x28)), undefined, "32-bit Arm is not released");
  assert.equal(targetOfExecutable(Buffer.from("#!/bin/sh\necho dateline\n")), undefined);
  assert.equal(targetOfExecutable(Buffer.alloc(0)), undefined);
  assert.equal(targetOfExecutable(Buffer.from("MZ")), undefined, "a truncated header is refused, not read past");
});

test("the node running this test is recognised as the host's target", () => {
  const host = hostTarget();
  if (host === undefined) return; // a host dateline is not released for has nothing to match
  const head = Buffer.alloc(4096);
  const handle = fs.openSync(process.execPath, "r");
  const read = fs.readSync(handle, head, 0, head.length, 0);
  fs.closeSync(handle);
  assert.equal(targetOfExecutable(head.subarray(0, read)), host);
});

test("every target names its Rust target and executable", () => {
  assert.deepEqual(Object.keys(TARGETS), ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"]);
  assert.equal(TARGETS["win32-x64"].executable, "dateline.exe");
  assert.equal(hostTarget("linux", "x64"), "linux-x64");
  assert.equal(hostTarget("win32", "arm64"), undefined);
});

test("zip modes are read from the central directory, as vsce's zip writer stores them", async () => {
  // yazl is the writer vsce packs with: resolved from vsce itself, not from our manifest.
  const yazl = createRequire(createRequire(import.meta.url).resolve("@vscode/vsce/package.json"))("yazl");
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from("binary"), "extension/server/dateline", { mode: 0o100755 });
  zip.addBuffer(Buffer.from("{}"), "extension/package.json", { mode: 0o100644, compress: true });
  zip.end({ comment: "a comment before which the end record must still be found" });
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  const modes = zipModes(Buffer.concat(chunks));
  assert.equal(modes.get("extension/server/dateline"), 0o100755);
  assert.equal(modes.get("extension/package.json"), 0o100644);
  assert.throws(() => zipModes(Buffer.from("not a zip")), /not a zip/);
});

function runPackage(args, env = {}) {
  return spawnSync(process.execPath, [path.join(extensionDir, "scripts", "package.mjs"), ...args], {
    cwd: extensionDir,
    encoding: "utf8",
    env: { ...process.env, DATELINE_SERVER_BINARY: "", ...env },
  });
}

test("package.mjs: a platform .vsix carries the binary as an executable server/dateline", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-package-test-"));
  try {
    const server = path.join(scratch, "dateline-built-for-arm");
    fs.writeFileSync(server, elf(0xb7), { mode: 0o644 }); // not executable here: packaging sets the bit
    const out = path.join(scratch, "platform.vsix");
    const made = runPackage(["--target", "linux-arm64", "--out", out], { DATELINE_SERVER_BINARY: server });
    assert.equal(made.status, 0, made.stderr);
    const modes = zipModes(fs.readFileSync(out));
    assert.equal(modes.get("extension/server/dateline") & 0o777, 0o755);
    assert.ok(modes.has("extension/dist/extension.js"));
    assert.ok(!fs.existsSync(path.join(extensionDir, "server")), "server/ is removed after packaging");

    // The same binary for another target is refused, naming both.
    const refused = runPackage(["--target", "darwin-arm64", "--server", server, "--out", out]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /linux-arm64 executable, not a darwin-arm64 one/);

    // The universal package carries no server, even with a binary left in server/.
    fs.mkdirSync(path.join(extensionDir, "server"));
    fs.writeFileSync(path.join(extensionDir, "server", "dateline"), elf(0x3e));
    const universal = path.join(scratch, "universal.vsix");
    const plain = runPackage(["--out", universal]);
    assert.equal(plain.status, 0, plain.stderr);
    const universalFiles = [...zipModes(fs.readFileSync(universal)).keys()];
    assert.ok(universalFiles.includes("extension/dist/extension.js"));
    assert.ok(!universalFiles.some((name) => name.includes("server/")), universalFiles.join(", "));
  } finally {
    fs.rmSync(path.join(extensionDir, "server"), { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
