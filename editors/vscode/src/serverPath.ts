// Finding the `dateline` executable: the `dateline.server.path` setting, else `PATH`.
// Pure apart from the injected `isExecutable`, so it is unit-tested with node.
import * as path from "node:path";

export type Resolution =
  | { kind: "found"; path: string; from: "setting" | "PATH" }
  | { kind: "missing"; message: string };

export interface Environment {
  /** The configured `dateline.server.path` (may be empty). */
  setting: string;
  /** The `PATH` variable. */
  pathVariable: string | undefined;
  platform: NodeJS.Platform;
  homeDir: string;
  /** First workspace folder, for a relative setting and `${workspaceFolder}`. */
  workspaceFolder: string | undefined;
  isExecutable: (file: string) => boolean;
}

/** Expands `~` and `${workspaceFolder}` and makes a relative path absolute. */
export function expandSetting(setting: string, env: Environment): string {
  let value = setting.trim();
  if (value === "~" || value.startsWith("~/")) {
    value = path.join(env.homeDir, value.slice(1));
  }
  if (env.workspaceFolder) {
    value = value.split("${workspaceFolder}").join(env.workspaceFolder);
    if (!path.isAbsolute(value) && (value.includes("/") || value.includes("\\"))) {
      value = path.join(env.workspaceFolder, value);
    }
  }
  return value;
}

export function resolveServer(env: Environment): Resolution {
  const exe = env.platform === "win32" ? "dateline.exe" : "dateline";
  const setting = env.setting.trim();
  if (setting !== "") {
    const expanded = expandSetting(setting, env);
    if (path.isAbsolute(expanded)) {
      if (env.isExecutable(expanded)) return { kind: "found", path: expanded, from: "setting" };
      return {
        kind: "missing",
        message: `The dateline server was not found at "${expanded}" (setting dateline.server.path).`,
      };
    }
    // A bare name in the setting is looked up on PATH like the default.
    const onPath = searchPath(expanded, env);
    if (onPath) return { kind: "found", path: onPath, from: "setting" };
    return {
      kind: "missing",
      message: `The dateline server "${expanded}" (setting dateline.server.path) was not found on PATH.`,
    };
  }
  const onPath = searchPath(exe, env);
  if (onPath) return { kind: "found", path: onPath, from: "PATH" };
  return {
    kind: "missing",
    message:
      "The dateline language server was not found on PATH. Install it (cargo install --path . in the dateline repository) or set dateline.server.path.",
  };
}

function searchPath(name: string, env: Environment): string | undefined {
  const separator = env.platform === "win32" ? ";" : ":";
  for (const dir of (env.pathVariable ?? "").split(separator)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (env.isExecutable(candidate)) return candidate;
  }
  return undefined;
}
