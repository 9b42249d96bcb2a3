#!/usr/bin/env python3
"""10 s of 16 kHz speech-in-noise for the cost measurements: a flite
sentence, silence, repeated, with white noise at 10 dB SNR."""
import subprocess
import sys
import tempfile
import wave

import numpy as np

out = sys.argv[1]
with tempfile.NamedTemporaryFile(suffix=".wav") as tmp:
    subprocess.run(["flite", "-voice", "slt", "-t", "Turn on the kitchen lights please.", "-o", tmp.name], check=True)
    with wave.open(tmp.name) as w:
        speech = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float64)
piece = np.concatenate([speech, np.zeros(8000)])
signal = np.tile(piece, int(np.ceil(160000 / len(piece))))[:160000]
rng = np.random.default_rng(5)
noise = rng.standard_normal(len(signal)) * np.sqrt((speech ** 2).mean() / 10)
np.clip(np.round(signal + noise), -32768, 32767).astype(np.int16).tofile(out)
