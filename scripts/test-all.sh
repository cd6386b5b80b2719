#!/usr/bin/env bash
# Sets up what the end-to-end tests need (a Python venv with pytest-lsp) and runs the
# whole suite: the Rust tests, then the third-party LSP client tests against the binary.
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
