// Unit tests of the status bar texts.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { statusView, parseStatus, thousands } from "../../src/status";

test("status texts for each state", () => {
  const cases: Array<[Parameters<typeof statusView>[0], string]> = [
    [{ kind: "starting" }, "$(sync~spin) dateline"],
    [{ kind: "indexing", message: "Indexing 250/1,000 files", percentage: 25 }, "$(sync~spin) dateline: Indexing 250/1,000 files (25%)"],
    [{ kind: "indexing" }, "$(sync~spin) dateline: Indexing"],
    [{ kind: "idle", articles: 6, undatedClaims: 1 }, "$(calendar) 6 articles, 1 undated claim"],
    [{ kind: "idle", articles: 1, undatedClaims: 12345 }, "$(calendar) 1 article, 12,345 undated claims"],
    [
      { kind: "idle", articles: 250000, undatedClaims: 7, claimsInOpenArticlesOnly: true },
      "$(calendar) 250,000 articles, 7 undated claims in open articles",
    ],
    [{ kind: "stopped" }, "$(debug-stop) dateline"],
    [{ kind: "missing", message: "not found" }, "$(error) dateline"],
  ];
  for (const [state, text] of cases) assert.equal(statusView(state).text, text);
  assert.equal(statusView({ kind: "missing", message: "x" }).alert, true);
});

test("thousands separators", () => {
  assert.deepEqual([0, 999, 1000, 1234567].map(thousands), ["0", "999", "1,000", "1,234,567"]);
});

test("dateline/status results are read defensively", () => {
  assert.deepEqual(parseStatus({ articles: 6, undatedClaims: 3 }), {
    articles: 6,
    undatedClaims: 3,
    claimsInOpenArticlesOnly: false,
  });
  assert.deepEqual(parseStatus({ articles: 6, undatedClaims: 3, claimsInOpenArticlesOnly: true }), {
    articles: 6,
    undatedClaims: 3,
    claimsInOpenArticlesOnly: true,
  });
  assert.equal(parseStatus(null), undefined);
  assert.equal(parseStatus({ articles: "6", undatedClaims: 3 }), undefined);
  assert.equal(parseStatus([]), undefined);
});
