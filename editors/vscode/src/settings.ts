// The `dateline.*` settings that are mirrored to the server through
// `workspace/configuration`. Pure: no `vscode` import, so it is unit-tested with node.

/** The keys of the server's `dateline` configuration section (camelCase, as the server reads them). */
export const SERVER_KEYS = [
  "cues",
  "extraCues",
  "ignoreCues",
  "dateScope",
  "events",
  "actorActions",
  "registries",
  "include",
] as const;

export type ServerKey = (typeof SERVER_KEYS)[number];

/** What `WorkspaceConfiguration.inspect` returns, reduced to what is used here. */
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

const DATE_SCOPES = ["sentence", "paragraph", "article"];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** Whether a value has the type the server expects for `key`. */
export function isValid(key: ServerKey, value: unknown): boolean {
  switch (key) {
    case "dateScope":
      return typeof value === "string" && DATE_SCOPES.includes(value);
    case "events":
    case "actorActions":
      return typeof value === "boolean";
    default:
      return isStringArray(value);
  }
}

/**
 * The object sent as the `dateline` section. Only settings the user actually set (in the
 * user, workspace or folder settings; the most specific wins) are sent, so that the server's
 * own defaults and `dateline.toml` apply to everything else. `null` means "not set", and a
 * value of the wrong type is dropped rather than sent, because the server reads the section
 * as one object and would otherwise ignore all of it.
 */
export function serverSettings(
  inspect: (key: ServerKey) => Inspected | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const inspected = inspect(key);
    if (!inspected) continue;
    const candidates = [
      inspected.workspaceFolderValue,
      inspected.workspaceValue,
      inspected.globalValue,
    ];
    const value = candidates.find((candidate) => candidate !== undefined && candidate !== null);
    if (value !== undefined && isValid(key, value)) {
      out[key] = value;
    }
  }
  return out;
}
