// Unit tests of the settings mirrored to the server.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { serverSettings, Inspected, ServerKey } from "../../src/settings";

function from(table: Partial<Record<ServerKey, Inspected>>) {
  return (key: ServerKey) => table[key];
}

test("only settings the user set are sent; defaults are left to the server", () => {
  assert.deepEqual(serverSettings(from({})), {});
  assert.deepEqual(serverSettings(from({ dateScope: {} })), {});
});

test("the most specific scope wins: folder over workspace over user", () => {
  const settings = serverSettings(
    from({
      dateScope: { globalValue: "sentence", workspaceValue: "article", workspaceFolderValue: "paragraph" },
      actorActions: { globalValue: false },
      extraCues: { globalValue: ["alleged"], workspaceValue: ["insisted"] },
    }),
  );
  assert.deepEqual(settings, { dateScope: "paragraph", actorActions: false, extraCues: ["insisted"] });
});

test("null means unset and values of the wrong type are dropped", () => {
  const cases: Array<[ServerKey, unknown, boolean]> = [
    ["cues", null, false],
    ["cues", ["said"], true],
    ["cues", "said", false],
    ["registries", ["actors.toml", "more/actors.toml"], true],
    ["include", [1], false],
    ["dateScope", "week", false],
    ["dateScope", "article", true],
    ["actorActions", "yes", false],
    ["actorActions", true, true],
    ["events", "no", false],
    ["events", false, true],
  ];
  for (const [key, value, kept] of cases) {
    const settings = serverSettings(from({ [key]: { globalValue: value } }));
    assert.equal(key in settings, kept, `${key} = ${JSON.stringify(value)}`);
  }
});
