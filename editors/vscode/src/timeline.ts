// The timeline webview's data and HTML. The `dateline/timeline` request may not exist in
// the server yet: `isMethodNotFound` tells that case apart. Pure: unit-tested with node.

export const TIMELINE_METHOD = "dateline/timeline";

export interface TimelineParams {
  actor?: string;
  source?: string;
  from?: string;
  to?: string;
}

/** One dated claim, as shown; the server's field names are read leniently. */
export interface TimelineRow {
  date: string;
  /** Sort key: the start of the date's span when the server gives one, else the date. */
  start: string;
  text: string;
  actors: string[];
  source: string;
  uri?: string;
  line?: number;
  character?: number;
}

/** JSON-RPC "method not found" (-32601), as the language client reports it. */
export function isMethodNotFound(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === -32601 || (typeof message === "string" && /method not found/i.test(message));
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function actorsOf(entry: Record<string, unknown>): string[] {
  const raw = entry.actors ?? entry.actor;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .map((item) =>
      typeof item === "object" && item !== null
        ? asString((item as Record<string, unknown>).name) ?? asString((item as Record<string, unknown>).id)
        : asString(item),
    )
    .filter((name): name is string => name !== undefined);
}

/** Turns the request's result (a list, or an object with one) into rows sorted by start date. */
export function normalizeTimeline(result: unknown): TimelineRow[] {
  let list: unknown = result;
  if (!Array.isArray(list) && typeof list === "object" && list !== null) {
    const object = list as Record<string, unknown>;
    list = object.claims ?? object.entries ?? object.items ?? [];
  }
  if (!Array.isArray(list)) return [];
  const rows: TimelineRow[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null) continue;
    const entry = item as Record<string, unknown>;
    const dateField = entry.date;
    const date =
      asString(dateField) ??
      (typeof dateField === "object" && dateField !== null
        ? asString((dateField as Record<string, unknown>).value) ??
          asString((dateField as Record<string, unknown>).start)
        : undefined) ??
      "";
    const location = (entry.location ?? {}) as Record<string, unknown>;
    const range = (entry.range ?? location.range) as
      | { start?: { line?: unknown; character?: unknown } }
      | undefined;
    const line = range?.start?.line;
    const character = range?.start?.character;
    rows.push({
      date,
      start: asString(entry.start) ?? date,
      text: asString(entry.text) ?? asString(entry.claim) ?? asString(entry.sentence) ?? "",
      actors: actorsOf(entry),
      source: asString(entry.source) ?? asString(entry.article) ?? "",
      uri: asString(entry.uri) ?? asString(location.uri),
      line: typeof line === "number" ? line : undefined,
      character: typeof character === "number" ? character : undefined,
    });
  }
  // Stable sort: equal dates keep the server's order.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.start < b.row.start ? -1 : a.row.start > b.row.start ? 1 : a.index - b.index))
    .map(({ row }) => row);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * The webview page. Rows with a location post `{command: "open", index}` to the extension;
 * the content security policy allows only the page's own inline script (by nonce) and style.
 */
export function renderTimelineHtml(
  rows: TimelineRow[],
  options: { nonce: string; cspSource: string; title?: string },
): string {
  const body =
    rows.length === 0
      ? `<p class="empty">No dated claims match.</p>`
      : `<table>
<thead><tr><th>Date</th><th>Claim</th><th>Actors</th><th>Source</th></tr></thead>
<tbody>
${rows
  .map(
    (row, index) =>
      `<tr${row.uri ? ` class="link" data-index="${index}" tabindex="0"` : ""}><td class="date">${escapeHtml(
        row.date,
      )}</td><td>${escapeHtml(row.text)}</td><td>${escapeHtml(row.actors.join(", "))}</td><td>${escapeHtml(
        row.source,
      )}</td></tr>`,
  )
  .join("\n")}
</tbody>
</table>`;
  const title = escapeHtml(options.title ?? "dateline timeline");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.cspSource} 'unsafe-inline'; script-src 'nonce-${options.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td:nth-child(2) { width: 60%; }
tr.link { cursor: pointer; }
tr.link:hover, tr.link:focus { background: var(--vscode-list-hoverBackground); }
</style>
</head>
<body>
<h1>${title}</h1>
${body}
<script nonce="${options.nonce}">
const vscode = acquireVsCodeApi();
for (const row of document.querySelectorAll("tr.link")) {
  const open = () => vscode.postMessage({ command: "open", index: Number(row.dataset.index) });
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
}
</script>
</body>
</html>`;
}
