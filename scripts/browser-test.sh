#!/usr/bin/env bash
# Tests the page of `dateline timeline --format html` in a real browser: installs Debian's
# Chromium when missing and puppeteer-core into tests/browser/node_modules, writes the
# pages (the seeds, and a generated corpus of ~10,000 claims) with the `dateline` binary
# (DATELINE_BIN, or target/debug/dateline built here), then drives headless Chromium over
# them. Screenshots go to target/screenshots/. Says first what it needs, and stops with
# exit 1 naming what it could not install.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

echo "browser-test needs:"
needs_browser_test
needs_installing
echo

chromium_bin=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium_bin" ]; then
  apt_install chromium
  [ -x "$chromium_bin" ] || fail "no Chromium at $chromium_bin (set CHROMIUM to its path)"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
require_node 18 # node --test with --test-reporter

if [ ! -d tests/browser/node_modules/puppeteer-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) \
    || fail "npm ci in tests/browser failed (is the npm registry reachable?)"
fi

use_dateline_bin
bin=$DATELINE_BIN
out=$PWD/target/browser
rm -rf "$out"
mkdir -p "$out" target/screenshots

# The seeds, copied so that nothing is written next to them.
cp -r seeds "$out/seeds"
"$bin" timeline "$out/seeds" --format html --output "$out/timeline.html"
"$bin" timeline "$out/seeds" --format json --output "$out/timeline.json"

# A large corpus: 200 articles of 50 dated reported sentences each, spread over ten years.
large=$out/large
mkdir -p "$large"
cp seeds/actors.toml "$large/"
node - "$large" <<'EOF'
const fs = require("fs");
const dir = process.argv[2];
const months = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const sources = ["Our House", "Euromaidan Press", "Meduza", "Reuters", "Zerkalo", "Nasha Niva", "BBC"];
const who = ["Lukashenka", "Putin", "the Ministry of Defence", "Zelensky", "NATO", "Viasna"];
let seed = 7;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
for (let a = 0; a < 200; a++) {
  const year = 2014 + rand(10);
  const lines = [`Title: Generated article ${a}`, `Source: ${sources[a % sources.length]}`,
    `Date: ${year + 1}-01-15`, `Id: gen-${a}`, ""];
  for (let s = 0; s < 50; s++) {
    const m = rand(12), d = 1 + rand(28), kind = rand(10);
    const when = kind === 0 ? `between ${months[m]} and ${months[(m + 2) % 12]} ${year}`
      : kind === 1 ? `in ${months[m]} ${year}` : `on ${d} ${months[m]} ${year}`;
    lines.push(`${who[rand(who.length)]} said ${when} that event number ${a * 50 + s} took place.`);
  }
  fs.writeFileSync(`${dir}/gen-${String(a).padStart(3, "0")}.article`, lines.join("\n") + "\n");
}
EOF
"$bin" timeline "$large" --format html --output "$out/large.html"
large_count=$("$bin" timeline "$large" | wc -l)

export TIMELINE_HTML=$out/timeline.html TIMELINE_JSON=$out/timeline.json
export TIMELINE_LARGE_HTML=$out/large.html TIMELINE_LARGE_COUNT=$large_count
export SCREENSHOTS=$PWD/target/screenshots CHROMIUM=$chromium_bin
node --test --test-reporter=spec tests/browser/timeline.test.mjs
