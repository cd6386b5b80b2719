// Unit tests of finding the server executable.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { resolveServer, Environment } from "../../src/serverPath";

function env(overrides: Partial<Environment>, executables: string[]): Environment {
  return {
    setting: "",
    pathVariable: "/usr/local/bin:/opt/dateline/bin",
    platform: "linux",
    homeDir: "/home/ana",
    workspaceFolder: "/home/ana/corpus",
    isExecutable: (file) => executables.includes(file),
    ...overrides,
  };
}

test("found on PATH when the setting is empty", () => {
  assert.deepEqual(resolveServer(env({}, ["/opt/dateline/bin/dateline"])), {
    kind: "found",
    path: "/opt/dateline/bin/dateline",
    from: "PATH",
  });
});

test("missing from PATH names the setting", () => {
  const result = resolveServer(env({}, []));
  assert.equal(result.kind, "missing");
  assert.match(result.kind === "missing" ? result.message : "", /dateline\.server\.path/);
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
    env({ platform: "win32", pathVariable: "/a;/b" }, ["/b/dateline.exe"]),
  );
  assert.equal(result.kind === "found" ? result.path : undefined, "/b/dateline.exe");
});
