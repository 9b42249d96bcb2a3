#!/usr/bin/env bash
# Fuzzes the WAV parser, decoder and resampler with libFuzzer + ASan/UBSan
# for a bounded time (FUZZ_SECONDS, default 60). Fails on any crash, leak or
# sanitizer report. Installs Debian's clang if no clang with libFuzzer exists.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
work=fuzz/corpus-run
mkdir -p "$work/corpus" "$work/crashes"

fuzz_clang=""
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' > "$probe/p.c"
for candidate in ${CC:-} /opt/swift/usr/bin/clang clang $(ls /usr/bin/clang-[0-9]* 2>/dev/null || true); do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -fsanitize=fuzzer,address "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
        fuzz_clang=$candidate
        break
    fi
done
if [ -z "$fuzz_clang" ]; then
    echo "fuzz.sh: no clang with libFuzzer; installing Debian's clang"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang >/dev/null
    fuzz_clang=clang
fi
echo "fuzz.sh: using $fuzz_clang"

"$fuzz_clang" -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I CSupport/CWave/include -I CSupport/CResample/include \
    CSupport/CWave/*.c CSupport/CResample/resample.c fuzz/wave_fuzz.c -lm -o "$work/wave_fuzz" \
    2> >(grep -v "Cannot export local symbol" >&2)

python3 fuzz/make_seeds.py "$work/corpus"
log="$work/last-run.log"
set +e
"$work/wave_fuzz" "$work/corpus" -dict=fuzz/wave.dict -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/crashes/" >"$log" 2>&1
status=$?
set -e
grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb" "$log" || true
grep -E "^#[0-9]+.*(DONE|cov:)" "$log" | tail -1 || true
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: FAILED (exit $status); see $log and $work/crashes/"
    grep -E "ERROR|SUMMARY" "$log" | head -5
    exit 1
fi
echo "fuzz.sh: ${seconds}s without a finding"
