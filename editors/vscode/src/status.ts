// The text of the status bar item for each state of the server. Pure: unit-tested with node.

export type ServerState =
  | { kind: "starting" }
  | { kind: "indexing"; message?: string; percentage?: number }
  | { kind: "idle"; articles: number; undatedClaims: number; claimsInOpenArticlesOnly?: boolean }
  | { kind: "ready" }
  | { kind: "stopped" }
  | { kind: "missing"; message: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** Whether the item should look like a warning/error. */
  alert: boolean;
}

/** 1234567 → "1,234,567" whatever the host's locale. */
export function thousands(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function plural(count: number, one: string, many: string): string {
  return `${thousands(count)} ${count === 1 ? one : many}`;
}

export function statusView(state: ServerState): StatusView {
  switch (state.kind) {
    case "starting":
      return { text: "$(sync~spin) dateline", tooltip: "dateline: starting the server", alert: false };
    case "indexing": {
      const detail = state.message ?? "Indexing";
      const percent = state.percentage !== undefined ? ` (${Math.round(state.percentage)}%)` : "";
      return {
        text: `$(sync~spin) dateline: ${detail}${percent}`,
        tooltip: "dateline: indexing the workspace",
        alert: false,
      };
    }
    case "idle": {
      const undated = plural(state.undatedClaims, "undated claim", "undated claims");
      if (state.claimsInOpenArticlesOnly) {
        // Past `[server] claims-limit-mb`: the count is of the open articles, and says so.
        return {
          text: `$(calendar) ${plural(state.articles, "article", "articles")}, ${undated} in open articles`,
          tooltip:
            "dateline: the corpus is past `[server] claims-limit-mb` in dateline.toml: claims are analysed in open articles only (references and hover cover every article). Click for the Problems panel.",
          alert: false,
        };
      }
      return {
        text: `$(calendar) ${plural(state.articles, "article", "articles")}, ${undated}`,
        tooltip: "dateline: corpus counts (click for the Problems panel)",
        alert: false,
      };
    }
    case "ready":
      return { text: "$(calendar) dateline", tooltip: "dateline: ready", alert: false };
    case "stopped":
      return {
        text: "$(debug-stop) dateline",
        tooltip: "dateline: the server stopped (run “dateline: Restart server”)",
        alert: true,
      };
    case "missing":
      return { text: "$(error) dateline", tooltip: `${state.message} Click to open the settings.`, alert: true };
  }
}

/** Reads a `dateline/status` result defensively; undefined when it is not one. */
export function parseStatus(
  result: unknown,
): { articles: number; undatedClaims: number; claimsInOpenArticlesOnly: boolean } | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const { articles, undatedClaims, claimsInOpenArticlesOnly } = result as Record<string, unknown>;
  if (typeof articles !== "number" || typeof undatedClaims !== "number") return undefined;
  // Absent from servers before the limit: their counts are of every article.
  return { articles, undatedClaims, claimsInOpenArticlesOnly: claimsInOpenArticlesOnly === true };
}
