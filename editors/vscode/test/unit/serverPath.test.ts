// Unit tests of finding the server executable: each step of the order setting → bundled
// server → PATH → message, and the setting's expansions.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { resolveServer, Environment, bundledServerPath } from "../../src/serverPath";

const EXTENSION = "/home/ana/.vscode/extensions/dateline.dateline-0.1.0-linux-x64";
const BUNDLED = `${EXTENSION}/server/dateline`;

/** An environment where `executables` may be run and `files` exist without the bit. */
function env(overrides: Partial<Environment>, executables: string[], files: string[] = []): Environment {
  return {
    setting: "",
    extensionDir: EXTENSION,
    pathVariable: "/usr/local/bin:/opt/dateline/bin",
    platform: "linux",
    homeDir: "/home/ana",
    workspaceFolder: "/home/ana/corpus",
    isExecutable: (file) => executables.includes(file),
    isFile: (file) => executables.includes(file) || files.includes(file),
    ...overrides,
  };
}

test("the bundled server is server/dateline[.exe] in the extension's folder", () => {
  assert.equal(bundledServerPath("/ext", "linux"), "/ext/server/dateline");
  assert.equal(bundledServerPath("/ext", "darwin"), "/ext/server/dateline");
  assert.match(bundledServerPath("/ext", "win32"), /server[\\/]dateline\.exe$/);
});

test("1. the setting comes before the bundled server and PATH", () => {
  const result = resolveServer(
    env({ setting: "/srv/dateline" }, ["/srv/dateline", BUNDLED, "/usr/local/bin/dateline"]),
  );
  assert.deepEqual(result, { kind: "found", path: "/srv/dateline", from: "setting" });
});

test("a setting that names nothing is reported, not replaced by the bundled server", () => {
  const result = resolveServer(env({ setting: "/srv/dateline" }, [BUNDLED, "/usr/local/bin/dateline"]));
  assert.equal(result.kind, "missing");
  assert.match(result.kind === "missing" ? result.message : "", /\/srv\/dateline.*dateline\.server\.path/);
});

test("2. without a setting, the bundled server comes before PATH", () => {
  const result = resolveServer(env({}, [BUNDLED, "/usr/local/bin/dateline"]));
  assert.deepEqual(result, { kind: "found", path: BUNDLED, from: "bundled" });
});

test("a blank setting counts as no setting", () => {
  const result = resolveServer(env({ setting: "   " }, [BUNDLED]));
  assert.deepEqual(result, { kind: "found", path: BUNDLED, from: "bundled" });
});

test("3. without a setting or a bundled server, PATH is searched in order", () => {
  const result = resolveServer(env({}, ["/opt/dateline/bin/dateline", "/usr/local/bin/dateline"]));
  assert.deepEqual(result, { kind: "found", path: "/usr/local/bin/dateline", from: "PATH" });
  assert.deepEqual(resolveServer(env({ extensionDir: undefined }, ["/opt/dateline/bin/dateline"])), {
    kind: "found",
    path: "/opt/dateline/bin/dateline",
    from: "PATH",
  });
});

test("a bundled server without its executable bit is passed over for PATH", () => {
  const result = resolveServer(env({}, ["/opt/dateline/bin/dateline"], [BUNDLED]));
  assert.deepEqual(result, { kind: "found", path: "/opt/dateline/bin/dateline", from: "PATH" });
});

test("4. nothing found: one message naming the three ways to get a server", () => {
  const result = resolveServer(env({}, []));
  assert.equal(result.kind, "missing");
  const message = result.kind === "missing" ? result.message : "";
  assert.match(message, /not found/);
  assert.match(message, /\.vsix for your platform/);
  assert.match(message, /cargo install dateline --locked/);
  assert.match(message, /dateline\.server\.path/);
});

test("a bundled server that cannot be run is named in the message", () => {
  const result = resolveServer(env({}, [], [BUNDLED]));
  assert.equal(result.kind, "missing");
  const message = result.kind === "missing" ? result.message : "";
  assert.ok(message.includes(BUNDLED), message);
  assert.match(message, /not executable/);
});

test("the setting: absolute, ~, ${workspaceFolder}, relative, bare name", () => {
  const cases: Array<[string, string[], string | undefined]> = [
    ["/srv/dateline", ["/srv/dateline"], "/srv/dateline"],
    ["/srv/dateline", ["/usr/local/bin/dateline"], undefined],
    ["~/bin/dateline", ["/home/ana/bin/dateline"], "/home/ana/bin/dateline"],
    ["${workspaceFolder}/target/debug/dateline", ["/home/ana/corpus/target/debug/dateline"], "/home/ana/corpus/target/debug/dateline"],
    ["target/debug/dateline", ["/home/ana/corpus/target/debug/dateline"], "/home/ana/corpus/target/debug/dateline"],
    ["dateline-dev", ["/usr/local/bin/dateline-dev"], "/usr/local/bin/dateline-dev"],
  ];
  for (const [setting, executables, expected] of cases) {
    const result = resolveServer(env({ setting }, executables));
    assert.equal(result.kind === "found" ? result.path : undefined, expected, setting);
    if (result.kind === "found") assert.equal(result.from, "setting");
  }
});

test("windows looks for dateline.exe with ; separators", () => {
  const result = resolveServer(
    env({ platform: "win32", pathVariable: "/a;/b", extensionDir: undefined }, ["/b/dateline.exe"]),
  );
  assert.equal(result.kind === "found" ? result.path : undefined, "/b/dateline.exe");
});
