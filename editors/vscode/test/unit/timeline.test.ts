// Unit tests of the timeline data and page.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { isMethodNotFound, normalizeTimeline, renderTimelineHtml, escapeHtml } from "../../src/timeline";

test("method-not-found is recognised by code or message", () => {
  assert.equal(isMethodNotFound({ code: -32601, message: "Method not found" }), true);
  assert.equal(isMethodNotFound({ code: -32603, message: "Unhandled method dateline/timeline: method not found" }), true);
  assert.equal(isMethodNotFound({ code: -32603, message: "internal error" }), false);
  assert.equal(isMethodNotFound(undefined), false);
});

test("rows are read leniently and sorted by date, stable for equal dates", () => {
  const rows = normalizeTimeline({
    claims: [
      { date: "2022-10-10", text: "Lukashenka announced a joint group.", actors: [{ id: "lukashenka", name: "Aliaksandr Lukashenka" }], source: "Euromaidan Press", uri: "file:///c/a.article", range: { start: { line: 8, character: 0 }, end: { line: 8, character: 5 } } },
      { date: { value: "2022-09-21" }, claim: "Putin announced a partial mobilization.", actor: "putin", article: "jpost" },
      { date: "2022-10-10", sentence: "Second on the same day.", location: { uri: "file:///c/b.article", range: { start: { line: 2, character: 4 } } } },
      { date: "autumn 2022", start: "2022-09-01", text: "Vague but placed by its start." },
      42,
    ],
  });
  assert.deepEqual(
    rows.map((row) => [row.date, row.text, row.actors.join("|"), row.source, row.uri ?? "", row.line ?? -1]),
    [
      ["autumn 2022", "Vague but placed by its start.", "", "", "", -1],
      ["2022-09-21", "Putin announced a partial mobilization.", "putin", "jpost", "", -1],
      ["2022-10-10", "Lukashenka announced a joint group.", "Aliaksandr Lukashenka", "Euromaidan Press", "file:///c/a.article", 8],
      ["2022-10-10", "Second on the same day.", "", "", "file:///c/b.article", 2],
    ],
  );
  assert.deepEqual(normalizeTimeline(null), []);
  assert.deepEqual(normalizeTimeline("nope"), []);
});

test("the page escapes text and carries the nonce", () => {
  const html = renderTimelineHtml(
    [{ date: "2022", start: "2022-01-01", text: "<script>alert(1)</script> & co", actors: [], source: "A \"B\"", uri: "file:///x" }],
    { nonce: "abc123", cspSource: "vscode-resource:" },
  );
  assert.ok(!html.includes("<script>alert"));
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  assert.ok(html.includes("script-src 'nonce-abc123'"));
  assert.ok(html.includes('data-index="0"'));
  assert.ok(renderTimelineHtml([], { nonce: "n", cspSource: "s" }).includes("No dated claims match."));
  assert.equal(escapeHtml(`'"`), "&#39;&quot;");
});
