#!/usr/bin/env bash
# Runs the two-thread ring stress driver under ThreadSanitizer; any race
# report, byte out of order or leftover fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

# GCC first: the Swift toolchain's TSan runtime expects libdispatch at link time.
CC=${CC:-}
if [ -z "$CC" ]; then
    for candidate in gcc clang /opt/swift/usr/bin/clang; do
        if command -v "$candidate" >/dev/null 2>&1; then CC=$candidate; break; fi
    done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$CC" -std=c11 -O1 -g -fsanitize=thread -pthread -Wall -Wextra \
    -I CSupport/CRingBuffer/include \
    CSupport/CRingBuffer/ring_buffer.c bench/ring_stress.c -o "$out/ring_stress"

export TSAN_OPTIONS="halt_on_error=1 exitcode=66 report_signal_unsafe=1"
# A tiny ring forces a wrap on nearly every call; a larger one exercises
# long two-segment regions. Sizes are bounded so the run takes seconds.
for capacity in 64 4096 65536; do
    timeout 300 "$out/ring_stress" $((32 << 20)) "$capacity"
done
echo "test-ring-tsan: passed"
