#!/usr/bin/env python3
"""WebRTC's VAD over the same frames as bench/vad_cost.c: prints frames and,
with timing, nanoseconds per frame (including the Python call overhead,
so only the callgrind count is a like-for-like comparison)."""
import sys
import time

import webrtcvad

path, rate, frame_ms, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
raw = open(path, "rb").read()
vad = webrtcvad.Vad(2)
n = rate * frame_ms // 1000 * 2
frames = [raw[i:i + n] for i in range(0, len(raw) - n + 1, n)]
start = time.perf_counter_ns()
speech = 0
for _ in range(repeat):
    for f in frames:
        speech += vad.is_speech(f, rate)
elapsed = time.perf_counter_ns() - start
print(f"frames {len(frames) * repeat} speech {speech} ns_per_frame {elapsed / (len(frames) * repeat):.1f}")
