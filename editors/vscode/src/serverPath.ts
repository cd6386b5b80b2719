// Finding the `dateline` executable, in order: the `dateline.server.path` setting, the
// server bundled in a platform .vsix (`server/dateline[.exe]` in the extension's folder),
// `dateline` on `PATH`; else one message saying what to do. Pure apart from the injected
// file checks, so it is unit-tested with node.
import * as path from "node:path";

export type Source = "setting" | "bundled" | "PATH";

export type Resolution =
  | { kind: "found"; path: string; from: Source }
  | { kind: "missing"; message: string };

export interface Environment {
  /** The configured `dateline.server.path` (may be empty). */
  setting: string;
  /** The extension's own folder, where a platform .vsix keeps `server/dateline[.exe]`. */
  extensionDir: string | undefined;
  /** The `PATH` variable. */
  pathVariable: string | undefined;
  platform: NodeJS.Platform;
  homeDir: string;
  /** First workspace folder, for a relative setting and `${workspaceFolder}`. */
  workspaceFolder: string | undefined;
  /** A regular file that may be run (on Windows: a regular file). */
  isExecutable: (file: string) => boolean;
  /** A regular file, executable or not. */
  isFile: (file: string) => boolean;
}

/** The executable's file name on a platform. */
export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "dateline.exe" : "dateline";
}

/** Where a platform .vsix puts the server, relative to the extension's folder. */
export function bundledServerPath(extensionDir: string, platform: NodeJS.Platform): string {
  return path.join(extensionDir, "server", executableName(platform));
}

/** What to do when no server is found: said once, in the notification and the status bar. */
export const HOW_TO_INSTALL =
  "Install the dateline extension's .vsix for your platform (e.g. dateline-linux-x64-<version>.vsix from the dateline releases; it carries the server), " +
  "or put the dateline command on PATH (the dateline archive for your platform from the same releases, or `cargo install dateline --locked`), " +
  "or set dateline.server.path to the executable.";

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
  // A setting the user wrote is obeyed or reported: falling back silently to another
  // server would hide a typo behind a different version.
  const setting = env.setting.trim();
  if (setting !== "") {
    const expanded = expandSetting(setting, env);
    if (path.isAbsolute(expanded)) {
      if (env.isExecutable(expanded)) return { kind: "found", path: expanded, from: "setting" };
      return {
        kind: "missing",
        message: `The dateline server was not found at "${expanded}" (setting dateline.server.path). Correct the setting, or clear it to use the bundled server or dateline on PATH.`,
      };
    }
    // A bare name in the setting is looked up on PATH like the default.
    const onPath = searchPath(expanded, env);
    if (onPath) return { kind: "found", path: onPath, from: "setting" };
    return {
      kind: "missing",
      message: `The dateline server "${expanded}" (setting dateline.server.path) was not found on PATH. Correct the setting, or clear it to use the bundled server or dateline on PATH.`,
    };
  }
  let unusableBundle: string | undefined;
  if (env.extensionDir) {
    const bundled = bundledServerPath(env.extensionDir, env.platform);
    if (env.isExecutable(bundled)) return { kind: "found", path: bundled, from: "bundled" };
    // Unpacked without its executable bit: PATH may still have one, and if not the
    // message names this file rather than claiming there is no server at all.
    if (env.isFile(bundled)) unusableBundle = bundled;
  }
  const onPath = searchPath(executableName(env.platform), env);
  if (onPath) return { kind: "found", path: onPath, from: "PATH" };
  if (unusableBundle) {
    return {
      kind: "missing",
      message: `The dateline server bundled with the extension (${unusableBundle}) is not executable, and there is no dateline on PATH. Make it executable (chmod +x), or reinstall the extension. ${HOW_TO_INSTALL}`,
    };
  }
  return {
    kind: "missing",
    message: `The dateline language server was not found: this extension carries none, and dateline is not on PATH. ${HOW_TO_INSTALL}`,
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
