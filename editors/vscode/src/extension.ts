// The VS Code side of dateline: starts `dateline lsp` (the server found by serverPath.ts), mirrors the `dateline.*` settings,
// shows indexing progress and corpus counts in the status bar, and the timeline webview.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
  WorkDoneProgressEnd,
  DidChangeConfigurationNotification,
} from "vscode-languageclient/node";
import { Resolution, bundledServerPath, resolveServer } from "./serverPath";
import { serverSettings, ServerKey } from "./settings";
import { ServerState, statusView, parseStatus } from "./status";
import {
  TIMELINE_METHOD,
  TimelineParams,
  TimelineRow,
  isMethodNotFound,
  normalizeTimeline,
  renderTimelineHtml,
} from "./timeline";

const STATUS_METHOD = "dateline/status";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let indexing = false;
let countsTimer: NodeJS.Timeout | undefined;

function setState(state: ServerState): void {
  const view = statusView(state);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.alert
    ? new vscode.ThemeColor("statusBarItem.errorBackground")
    : undefined;
  statusItem.command =
    state.kind === "missing"
      ? { title: "Open settings", command: "workbench.action.openSettings", arguments: ["dateline.server.path"] }
      : state.kind === "stopped"
        ? "dateline.restartServer"
        : "workbench.actions.view.problems";
  statusItem.show();
}

/** Asks the server for the corpus counts and shows them (unless it is indexing). */
async function refreshCounts(): Promise<void> {
  const current = client;
  if (!current || current.state !== State.Running || indexing) return;
  try {
    const counts = parseStatus(await current.sendRequest(STATUS_METHOD, {}));
    if (counts && !indexing && current === client) setState({ kind: "idle", ...counts });
  } catch (error) {
    output.appendLine(`dateline/status failed: ${String(error)}`);
  }
}

function scheduleCounts(): void {
  if (countsTimer) clearTimeout(countsTimer);
  countsTimer = setTimeout(() => void refreshCounts(), 400);
}

function onProgress(value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void {
  if (value.kind === "end") {
    indexing = false;
    scheduleCounts();
    return;
  }
  indexing = true;
  setState({
    kind: "indexing",
    message: value.message ?? (value.kind === "begin" ? value.title : undefined),
    percentage: value.percentage,
  });
}

function sectionFor(scopeUri: string | undefined): Record<string, unknown> {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const configuration = vscode.workspace.getConfiguration("dateline", scope);
  return serverSettings((key: ServerKey) => configuration.inspect(key));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findServer(context: vscode.ExtensionContext): Resolution {
  return resolveServer({
    setting: vscode.workspace.getConfiguration("dateline").get<string>("server.path") ?? "",
    extensionDir: context.extensionPath,
    pathVariable: process.env.PATH,
    platform: process.platform,
    homeDir: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    isExecutable,
    isFile,
  });
}

/**
 * Puts the folder of the bundled server at the end of the PATH of VS Code's terminals, so
 * that `dateline init`, `dateline import` and `dateline check` work there for a user who
 * installed nothing but the platform .vsix. At the end: a `dateline` the user installed
 * otherwise still comes first.
 */
function offerBundledCommand(context: vscode.ExtensionContext): void {
  const collection = context.environmentVariableCollection;
  const bundled = bundledServerPath(context.extensionPath, process.platform);
  if (!isExecutable(bundled)) {
    collection.clear();
    return;
  }
  collection.description = "Adds the dateline command bundled with the extension to the end of PATH.";
  collection.append("PATH", path.delimiter + path.dirname(bundled));
}

/** `dateline init` in the first workspace folder, with the server the extension uses. */
async function startCorpus(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== "file") {
    void vscode.window.showWarningMessage("dateline: open a folder first; the corpus is started in it.");
    return;
  }
  const resolution = findServer(context);
  if (resolution.kind === "missing") {
    void vscode.window.showErrorMessage(resolution.message);
    return;
  }
  try {
    const { stdout } = await promisify(execFile)(resolution.path, ["init", folder.uri.fsPath]);
    output.append(stdout);
  } catch (error) {
    // init writes nothing when any of its files exists, and says which on stderr.
    const stderr = (error as { stderr?: string }).stderr?.trim();
    void vscode.window.showErrorMessage(`dateline init: ${stderr || String(error)}`);
    return;
  }
  const example = vscode.Uri.joinPath(folder.uri, "example.article");
  await vscode.window.showTextDocument(example);
  void vscode.window.showInformationMessage(
    "dateline: started a corpus here (dateline.toml, actors.toml, example.article). Add articles, or import a saved page with `dateline import page.html` in a terminal.",
  );
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const resolution = findServer(context);
  if (resolution.kind === "missing") {
    setState({ kind: "missing", message: resolution.message });
    output.appendLine(resolution.message);
    void vscode.window.showErrorMessage(resolution.message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "dateline.server.path");
      }
    });
    return;
  }
  output.appendLine(`Starting ${resolution.path} lsp (found via ${resolution.from})`);
  const serverOptions: ServerOptions = {
    command: resolution.path,
    args: ["lsp"],
    options: { env: process.env },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "article" },
      { scheme: "file", pattern: "**/actors.toml" },
      { scheme: "file", pattern: "**/dateline.toml" },
    ],
    outputChannel: output,
    diagnosticCollectionName: "dateline",
    middleware: {
      workspace: {
        configuration: (params, token, next) => {
          // Answer the `dateline` section from the settings the user set; leave others alone.
          if (!params.items.some((item) => item.section === "dateline")) {
            return next(params, token);
          }
          return params.items.map((item) =>
            item.section === "dateline" ? sectionFor(item.scopeUri) : null,
          );
        },
      },
      handleWorkDoneProgress: (_token, params, next) => {
        onProgress(params);
        next(_token, params);
      },
    },
  };
  const created = new LanguageClient("dateline", "dateline", serverOptions, clientOptions);
  client = created;
  created.onDidChangeState((event) => {
    if (created !== client) return;
    if (event.newState === State.Stopped) setState({ kind: "stopped" });
    if (event.newState === State.Starting) setState({ kind: "starting" });
  });
  setState({ kind: "starting" });
  indexing = false;
  try {
    await created.start();
  } catch (error) {
    output.appendLine(`The dateline server failed to start: ${String(error)}`);
    setState({ kind: "stopped" });
    void vscode.window.showErrorMessage(`dateline: the server failed to start (${String(error)}).`, "Show Output").then(
      (choice) => choice && output.show(),
    );
    return;
  }
  if (!indexing) setState({ kind: "ready" });
  scheduleCounts();
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop(2000);
    } catch (error) {
      output.appendLine(`Stopping the server: ${String(error)}`);
    }
  }
}

async function showTimeline(context: vscode.ExtensionContext): Promise<void> {
  const current = client;
  if (!current || current.state !== State.Running) {
    void vscode.window.showWarningMessage("dateline: the server is not running.");
    return;
  }
  const params: TimelineParams = {};
  let result: unknown;
  try {
    result = await current.sendRequest(TIMELINE_METHOD, params);
  } catch (error) {
    if (isMethodNotFound(error)) {
      void vscode.window.showInformationMessage(
        "dateline: this version of the server has no timeline yet (dateline/timeline). Update dateline to use it.",
      );
    } else {
      void vscode.window.showErrorMessage(`dateline: the timeline request failed: ${String(error)}`);
    }
    return;
  }
  const rows: TimelineRow[] = normalizeTimeline(result);
  const panel = vscode.window.createWebviewPanel("datelineTimeline", "dateline timeline", vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = renderTimelineHtml(rows, {
    nonce: crypto.randomBytes(16).toString("hex"),
    cspSource: panel.webview.cspSource,
  });
  panel.webview.onDidReceiveMessage(
    async (message: { command?: string; index?: number }) => {
      const row = message.command === "open" && typeof message.index === "number" ? rows[message.index] : undefined;
      if (!row?.uri) return;
      const position = new vscode.Position(row.line ?? 0, row.character ?? 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(row.uri), {
        selection: new vscode.Range(position, position),
        viewColumn: vscode.ViewColumn.One,
      });
    },
    undefined,
    context.subscriptions,
  );
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("dateline");
  statusItem = vscode.window.createStatusBarItem("dateline.status", vscode.StatusBarAlignment.Left, 10);
  statusItem.name = "dateline";
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand("dateline.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("dateline.showTimeline", () => showTimeline(context)),
    vscode.commands.registerCommand("dateline.showOutput", () => output.show()),
    vscode.commands.registerCommand("dateline.initCorpus", () => startCorpus(context)),
    // The server's code lenses on registry entries ("N mentions in M articles") carry only
    // where the entry is: the references are asked for when the lens is clicked, through
    // the server's reference provider, and shown in VS Code's references peek.
    vscode.commands.registerCommand(
      "dateline.showReferences",
      async (uri: string, position: { line: number; character: number }) => {
        if (!client) {
          return;
        }
        const convert = client.protocol2CodeConverter;
        const target = convert.asUri(uri);
        const at = convert.asPosition(position);
        const locations = await vscode.commands.executeCommand<vscode.Location[]>(
          "vscode.executeReferenceProvider",
          target,
          at,
        );
        await vscode.commands.executeCommand(
          "editor.action.showReferences",
          target,
          at,
          locations ?? [],
        );
      },
    ),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("dateline.server.path")) {
        await stopClient();
        await startClient(context);
        return;
      }
      if (event.affectsConfiguration("dateline") && client?.state === State.Running) {
        // `settings: null` makes the server pull the section again through
        // `workspace/configuration`, which answers per folder from the user's settings.
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        scheduleCounts();
      }
    }),
    vscode.languages.onDidChangeDiagnostics(() => scheduleCounts()),
    { dispose: () => countsTimer && clearTimeout(countsTimer) },
  );
  offerBundledCommand(context);
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
