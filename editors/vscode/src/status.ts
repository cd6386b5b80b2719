// The text of the status bar item for each state of the server. Pure: unit-tested with node.

export type ServerState =
  | { kind: "starting" }
  | { kind: "indexing"; message?: string; percentage?: number }
  | { kind: "idle"; articles: number; undatedClaims: number }
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
    case "idle":
      return {
        text: `$(calendar) ${plural(state.articles, "article", "articles")}, ${plural(
          state.undatedClaims,
          "undated claim",
          "undated claims",
        )}`,
        tooltip: "dateline: corpus counts (click for the Problems panel)",
        alert: false,
      };
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
export function parseStatus(result: unknown): { articles: number; undatedClaims: number } | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const { articles, undatedClaims } = result as Record<string, unknown>;
  if (typeof articles !== "number" || typeof undatedClaims !== "number") return undefined;
  return { articles, undatedClaims };
}
