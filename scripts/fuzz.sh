#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) for a bounded time each, seeded from seeds/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [--stress] [--dev]
#
# --dev builds the targets without optimisation: much quicker to build, slower to run; CI
# uses it for a short smoke run.
# SECONDS_PER_TARGET defaults to 60. --stress (or DATELINE_STRESS=1) also runs the
# hostile inputs and a 60 s soak in release mode.
# Installs cargo-fuzz when missing; skips with a message (exit 0) when fuzzing is
# impossible here. Exits 1 when a target finds a crash: the input is in
# fuzz/artifacts/<target>/ (replay it with `cargo +nightly fuzz run <target> <file>`).
set -u

cd "$(dirname "$0")/.."

budget=60
stress="${DATELINE_STRESS:-0}"
dev=0
for arg in "$@"; do
    case "$arg" in
        --stress) stress=1 ;;
        --dev) dev=1 ;;
        *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [--stress] [--dev]" >&2; exit 2 ;;
        *) budget="$arg" ;;
    esac
done

skip() {
    echo "fuzz.sh: skipped: $*" >&2
    exit 0
}

command -v cargo >/dev/null 2>&1 || skip "cargo is not installed"

# libFuzzer needs a nightly compiler (or a stable one told to accept nightly flags).
toolchain=()
if command -v rustup >/dev/null 2>&1 && rustup toolchain list | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    echo "fuzz.sh: no nightly toolchain; using the default one with RUSTC_BOOTSTRAP=1" >&2
    export RUSTC_BOOTSTRAP=1
fi

if ! cargo "${toolchain[@]}" fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked >/dev/null 2>&1 || cargo install cargo-fuzz >/dev/null 2>&1 \
        || skip "cargo-fuzz is not installed and could not be installed"
fi

# No sanitizer (safe Rust: panics and overflows are what we look for, and debug assertions
# catch the overflows); twice as many executions per second as with AddressSanitizer.
flags=(--sanitizer none --debug-assertions)
[ "$dev" = 1 ] && flags+=(--dev)

if ! cargo "${toolchain[@]}" fuzz build "${flags[@]}" >/dev/null 2>fuzz/build.log; then
    tail -20 fuzz/build.log >&2
    skip "the fuzz targets do not build with this toolchain (see fuzz/build.log)"
fi

seed() {
    local target="$1"
    shift
    mkdir -p "fuzz/corpus/$target"
    if [ -z "$(ls -A "fuzz/corpus/$target")" ]; then
        cp "$@" "fuzz/corpus/$target/"
    fi
}
seed article seeds/*.article
seed temporal seeds/*.article
seed registry seeds/actors.toml
seed lsp seeds/*.article seeds/actors.toml

failed=()
# First the inputs that once crashed (fuzz/regressions/<target>/): each must now pass.
for target in article registry temporal lsp; do
    if [ -d "fuzz/regressions/$target" ] && [ -n "$(ls -A "fuzz/regressions/$target")" ]; then
        if ! cargo "${toolchain[@]}" fuzz run "${flags[@]}" "$target" fuzz/regressions/"$target"/* \
            >"fuzz/$target-regressions.log" 2>&1; then
            echo "fuzz.sh: $target: a past crash is back; see fuzz/$target-regressions.log" >&2
            failed+=("$target regressions")
        fi
    fi
done

for target in article registry temporal lsp; do
    echo "fuzz.sh: $target for ${budget}s" >&2
    log="fuzz/$target.log"
    if cargo "${toolchain[@]}" fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$budget" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$log" | sed "s/^/fuzz.sh: $target: /" >&2
    else
        echo "fuzz.sh: $target FAILED; see $log and fuzz/artifacts/$target/" >&2
        tail -30 "$log" >&2
        failed+=("$target")
    fi
done

if [ "$stress" = 1 ]; then
    echo "fuzz.sh: the hostile inputs and a 60 s soak, in release" >&2
    cargo test --release --test hostile || failed+=("hostile")
    DATELINE_SOAK_SECS=30 cargo test --release --test soak -- --nocapture || failed+=("soak")
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failures: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: no crashes" >&2
