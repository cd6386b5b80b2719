#!/usr/bin/env bash
# Sets up what the end-to-end tests need and runs the whole suite: the Rust tests, the
# third-party LSP client tests (pytest-lsp) against the binary, the HTML timeline in
# headless Chromium, then the editor integrations (the VS Code extension's tests, a real
# VS Code workbench, headless Neovim). DATELINE_QUICK=1 leaves out the browser and editor
# tests for a quicker local run.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked
cargo test --locked

venv=target/e2e-venv
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pytest-lsp==1.0.1
fi
DATELINE_BIN="$PWD/target/debug/dateline" "$venv/bin/python" -m pytest tests/e2e -q -p no:cacheprovider

if [ -z "${DATELINE_QUICK:-}" ]; then
  scripts/browser-test.sh   # the HTML timeline in headless Chromium
  scripts/editors-test.sh   # VS Code extension, VS Code workbench, Neovim
fi
