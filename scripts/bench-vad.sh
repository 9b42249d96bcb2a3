#!/usr/bin/env bash
# VAD benchmark: frame-level precision/recall/F1 of Hearth's detector (each
# mode) against WebRTC's (best mode per condition) on a flite corpus, clean
# and in white/pink noise at 10 and 5 dB SNR; then instructions per 10 ms
# frame at 16 kHz for both (callgrind, counting only inside the per-frame
# call) and nanoseconds per frame.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in flite python3 valgrind; do
    command -v "$tool" >/dev/null || { echo "bench-vad: $tool is required (make deps)"; exit 1; }
done
python3 -c "import numpy" 2>/dev/null || python3 -m pip install --quiet numpy
# WebRTC's VAD is the yardstick only: installed here, never used by Hearth.
python3 -c "import webrtcvad" 2>/dev/null || python3 -m pip install --quiet webrtcvad

CC=${CC:-gcc}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
V=CSupport/CVoiceActivity
"$CC" -std=gnu11 -O2 -I$V/include -I$V $V/*.c bench/vad_frames.c -o "$out/vad_frames"
"$CC" -std=gnu11 -O2 -g -I$V/include -I$V $V/*.c bench/vad_cost.c -o "$out/vad_cost"

timeout 900 python3 bench/vad_eval.py --driver "$out/vad_frames" --set "${VAD_BENCH_SET:-test}"

echo
echo "Cost per 10 ms frame at 16 kHz (10 s of speech in noise, mode 2)"
python3 bench/make_cost_signal.py "$out/cost.raw"
count_instructions() { # prints the Ir total collected inside function $1
    local function=$1; shift
    valgrind --tool=callgrind --toggle-collect="$function" --callgrind-out-file="$out/cg.out" "$@" >/dev/null 2>&1
    awk '/^summary:|^totals:/ {print $2; exit}' "$out/cg.out"
}
ours=$(count_instructions hearth_vad_process "$out/vad_cost" "$out/cost.raw" 16000 10 1)
# The interpreter itself, not a wrapper script (pyenv shims are bash).
python=$(python3 -c 'import sys; print(sys.executable)')
theirs=$(count_instructions 'WebRtcVad_Process' "$python" bench/webrtc_cost.py "$out/cost.raw" 16000 10 1)
frames=$("$out/vad_cost" "$out/cost.raw" 16000 10 1 | awk '{print $2}')
ours_ns=$("$out/vad_cost" "$out/cost.raw" 16000 10 200 | awk '{print $6}')
theirs_ns=$(python3 bench/webrtc_cost.py "$out/cost.raw" 16000 10 20 | awk '{print $6}')
printf "%-10s %22s %18s\n" "detector" "instructions/frame" "ns/frame"
printf "%-10s %22d %18s\n" "hearth" $((ours / frames)) "$ours_ns"
printf "%-10s %22d %18s\n" "webrtc" $((theirs / frames)) "$theirs_ns (via Python)"
if [ $((ours / frames)) -gt $((theirs / frames)) ]; then
    echo "bench-vad: Hearth's VAD costs more instructions per frame than WebRTC's"
    exit 1
fi
