#!/usr/bin/env bash
# Ring buffer throughput against memcpy on the same buffer and chunk sizes.
# A ring pass copies each byte twice (in, then out), so 0.5x memcpy is the
# ceiling for "ring 1T/memcpy". RING_BENCH_MIB sets the bytes moved per cell.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=${CC:-gcc}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$CC" -std=gnu11 -O2 -pthread -I CSupport/CRingBuffer/include \
    CSupport/CRingBuffer/ring_buffer.c bench/ring_throughput.c -o "$out/ring_throughput"
echo "ring throughput ($(nproc) cores; $(uname -m)), $( "$CC" --version | head -1 )"
timeout 300 "$out/ring_throughput" "${RING_BENCH_MIB:-1024}"
