#!/usr/bin/env bash
# Benchmarks dateline on a generated corpus and prints a table (Markdown) of the results
# against the targets of BENCHMARKS.md.
#
#   scripts/bench.sh           10,000 articles + a 5 MB and a 20 kB article, 5,000 actors
#   scripts/bench.sh --quick   500 articles + a 500 kB and a 20 kB article, 500 actors
#                              (a smoke test: numbers are not comparable to the targets)
#   scripts/bench.sh --100k    100,000 articles + a 5 MB and a 20 kB article, 5,000 actors
#                              (issue 22's scale: about 490 MB on disk; one run of each
#                              measurement, fewer server requests, no divan stages)
#
# Needs ripgrep (`rg`) for the reference figure and GNU time (`/usr/bin/time`) for peak
# memory; without them those cells say "n/a". Tests never run this: it measures time.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
scale=10k
case "${1:-}" in
  --quick) quick=1 ;;
  --100k) scale=100k ;;
  "") ;;
  *) echo "usage: scripts/bench.sh [--quick | --100k]" >&2; exit 2 ;;
esac
check_target="< 2 s"
index_target="< 2 s"
rss_target=""

if [ "$quick" = 1 ]; then
  corpus=target/bench-corpus-quick
  gen_args=(--articles 500 --actors 500 --large-bytes 500000 --small-bytes 20000)
  runs=1
  requests=100
  edits=10
  divan_args=(--sample-count 3 --sample-size 1)
elif [ "$scale" = 100k ]; then
  corpus=target/bench-corpus-100k
  gen_args=(--articles 100000 --actors 5000 --large-bytes 5000000 --small-bytes 20000)
  runs=1
  # 1,000 hovers, definitions and completions, as at 10k: the p99 of 100 is the second
  # slowest of them, one stray wake-up of a thread away from the target (references and
  # hovers in the 5 MB article stay at 200).
  requests=1000
  edits=20
  divan_args=()
  # Issue 22's targets at this scale.
  check_target="≤ 3× rg -o"
  index_target="≤ 10 s (cold start)"
  rss_target="≤ 2× the corpus"
else
  corpus=target/bench-corpus
  gen_args=(--articles 10000 --actors 5000 --large-bytes 5000000 --small-bytes 20000)
  runs=3
  requests=1000
  edits=100
  divan_args=(--sample-count 10 --sample-size 1)
fi

echo "== building (release)" >&2
cargo build --release --locked --bin dateline --example gen_corpus >&2
cargo bench --locked --no-run --bench lsp --bench analysis >&2

echo "== generating $corpus" >&2
./target/release/examples/gen_corpus --out "$corpus" "${gen_args[@]}" >&2
mb=$(find "$corpus" -name '*.article' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
articles=$(find "$corpus" -name '*.article' | wc -l)

have_time=0
[ -x /usr/bin/time ] && have_time=1
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
warm_target="≤ 0.3 s"
[ "$scale" = 100k ] && warm_target="≤ 2 s"

# Best wall time (s) and the peak RSS (MB) of that run, over $runs runs after a warm-up
# run that fills the page cache for both tools alike.
measure() {
  local best="" rss="n/a" out
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    if [ "$have_time" = 1 ]; then
      /usr/bin/time -f '%e %M' -o "$timing" "$@" >/dev/null 2>&1 || true
      out=$(tail -1 "$timing")
    else
      local start end
      start=$(date +%s.%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s.%N)
      out="$(echo "$end - $start" | bc) 0"
    fi
    local wall=${out% *} kb=${out#* }
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
      best=$wall
      [ "$have_time" = 1 ] && rss=$(awk -v k="$kb" 'BEGIN {printf "%.0f", k / 1024}')
    fi
  done
  echo "$best $rss"
}

echo "== dateline check" >&2
read -r check_s check_rss < <(measure ./target/release/dateline check "$corpus")
echo "== dateline check --cache (warm: measure's first run writes the cache)" >&2
cache_home=$(mktemp -d)
trap 'rm -f "$timing"; rm -rf "$cache_home"' EXIT
read -r check_warm_s check_warm_rss < <(measure env XDG_CACHE_HOME="$cache_home" ./target/release/dateline check --cache "$corpus")
if command -v rg >/dev/null; then
  echo "== rg -F -f aliases.txt" >&2
  read -r rg_s _ < <(measure rg -F -f "$corpus/aliases.txt" -c --glob '*.article' "$corpus")
  echo "== rg -o -F -f aliases.txt" >&2
  read -r rgo_s rgo_rss < <(measure rg -o -F -f "$corpus/aliases.txt" --glob '*.article' "$corpus")
else
  rg_s="n/a"
  rgo_s="n/a"
  rgo_rss="n/a"
fi

echo "== language server" >&2
# The cache files `check --cache` just wrote (450 MB at 100k) are written out to disk first:
# their writeback in the background landed in the server's timings.
sync
lsp_out=$(DATELINE_BENCH_CORPUS="$PWD/$corpus" DATELINE_BENCH_REQUESTS=$requests \
  DATELINE_BENCH_EDITS=$edits DATELINE_TEST_PATIENCE_S=1800 cargo bench --locked --bench lsp 2>/dev/null | grep -E '^[a-z_0-9]+ ' || true)
lsp() { echo "$lsp_out" | awk -v k="$1" '$1 == k {print $2}'; }

if [ "${#divan_args[@]}" -gt 0 ]; then
  echo "== analysis (divan)" >&2
  analysis_out=$(DATELINE_BENCH_CORPUS="$PWD/$corpus" cargo bench --locked --bench analysis -- \
    "${divan_args[@]}" 2>&1 | grep -vE '^\s*(Running|Finished|Compiling)' || true)
else
  analysis_out="(not run at this scale: the stages read the first 2 MB of articles alike)"
fi

ratio=$(awk -v a="$check_s" -v b="$rg_s" 'BEGIN {if (b + 0 > 0) printf "%.1f×", a / b; else print "n/a"}')
mbps=$(awk -v a="$check_s" -v m="$mb" 'BEGIN {if (a + 0 > 0) printf "%.1f", m / a; else print "n/a"}')
ratio_o=$(awk -v a="$check_s" -v b="$rgo_s" 'BEGIN {if (b + 0 > 0) printf "%.1f×", a / b; else print "n/a"}')
server_ratio=$(awk -v r="$(lsp server_peak_rss_mb)" -v m="$mb" 'BEGIN {if (r + 0 > 0) printf "%.1f×", r * 1.048576 / m; else print "n/a"}')
rss_ratio=$(awk -v r="$check_rss" -v m="$mb" 'BEGIN {if (r + 0 > 0) printf "%.1f×", r / m; else print "n/a"}')

cat <<EOF

## dateline benchmarks ($( [ "$quick" = 1 ] && echo "quick: smoke test only" || echo "full, $scale" ))

Corpus: $articles article files, $mb MB ($corpus). Machine: $(nproc) cores, $(uname -sr).

| measure | result | target |
|---|---|---|
| \`dateline check\` wall time | ${check_s} s | ${check_target} |
| \`dateline check\` throughput | ${mbps} MB/s | |
| \`rg -F -f aliases.txt -c\` wall time | ${rg_s} s | |
| **dateline / rg** | **${ratio}** | ≤ 3× |
| \`rg -o -F -f aliases.txt\` wall time, peak RSS | ${rgo_s} s, ${rgo_rss} MB | |
| dateline / \`rg -o\` | ${ratio_o} | |
| \`dateline check\` peak RSS | ${check_rss} MB (${rss_ratio} the corpus) | < 3× |
| \`dateline check --cache\`, warm: wall time, peak RSS | ${check_warm_s} s, ${check_warm_rss} MB | |
| server: \`initialized\` → indexing \`\$/progress\` end | $(lsp index_s) s | ${index_target} |
| server: process start → first references answer on the top actor ($(lsp first_references_count) locations) | $(lsp first_references_s) s | |
| server RSS once indexed (after that answer), and its peak so far | $(lsp indexed_rss_mb) / $(lsp indexed_peak_rss_mb) MB | |
| server: hover on an open file during indexing | $(lsp hover_during_indexing_ms) ms (answered before the end: $(lsp hover_during_indexing_answered_first)) | answered |
| hover p50 / p99 | $(lsp hover_p50_ms) / $(lsp hover_p99_ms) ms | p99 < 5 ms |
| hover in the 5 MB article p50 / p99 | $(lsp hover_large_p50_ms) / $(lsp hover_large_p99_ms) ms | p99 < 5 ms |
| definition p50 / p99 | $(lsp definition_p50_ms) / $(lsp definition_p99_ms) ms | p99 < 5 ms |
| completion p50 / p99 | $(lsp completion_p50_ms) / $(lsp completion_p99_ms) ms | p99 < 5 ms |
| references ($(lsp references_count) locations) p50 / p99, to the answer's last byte | $(lsp references_p50_ms) / $(lsp references_p99_ms) ms | p99 < 20 ms |
| — the same, parsed by the test client | $(lsp references_parsed_p50_ms) / $(lsp references_parsed_p99_ms) ms | |
| typing, 20 kB article: didChange → diagnostics' last byte − debounce, p50 / p99 | $(lsp typing_small_p50_ms) / $(lsp typing_small_p99_ms) ms | p99 < 20 ms |
| — the same, parsed by the test client | $(lsp typing_small_parsed_p50_ms) / $(lsp typing_small_parsed_p99_ms) ms | |
| typing, large article: didChange → diagnostics' last byte − debounce, p50 / p99 | $(lsp typing_large_p50_ms) / $(lsp typing_large_p99_ms) ms | p99 < 100 ms |
| — the same, parsed by the test client | $(lsp typing_large_parsed_p50_ms) / $(lsp typing_large_parsed_p99_ms) ms | |
| code lenses of the whole registry (one per actor; 5 requests) p50 / p99, and the answer's size | $(lsp code_lens_p50_ms) / $(lsp code_lens_p99_ms) ms, $(lsp code_lens_kb) kB | |
| server peak RSS (end of the run: both test articles open, the references answers made) | $(lsp server_peak_rss_mb) MB (${server_ratio} the corpus) | ${rss_target} |
| warm start (unchanged corpus, the cache a first server wrote; $(lsp cache_mb) MB): \`initialized\` → indexing end, process start → indexing end | $(lsp warm_index_s) s, $(lsp warm_start_s) s | ${warm_target} |
| server RSS after a warm start | $(lsp warm_rss_mb) MB | |

Analysis alone, in process (divan; throughput in bytes of article text):

\`\`\`
$analysis_out
\`\`\`
EOF
