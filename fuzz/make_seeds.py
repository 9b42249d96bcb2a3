#!/usr/bin/env python3
"""Writes a small seed corpus of valid WAV variants for the fuzzer."""
import os
import struct
import sys

GUID_TAIL = bytes([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71])


def chunk(cid, body):
    return cid + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def fmt(tag, channels, rate, bits, extensible_sub=None):
    align = channels * bits // 8
    body = struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)
    if extensible_sub is not None:
        body += struct.pack("<HHIH", 22, bits, 3, extensible_sub) + GUID_TAIL
    return chunk(b"fmt ", body)


def riff(*chunks):
    body = b"WAVE" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def main(directory):
    os.makedirs(directory, exist_ok=True)
    seeds = {
        "pcm16_mono": riff(fmt(1, 1, 16000, 16), chunk(b"data", bytes(range(64)))),
        "pcm8_stereo": riff(fmt(1, 2, 8000, 8), chunk(b"data", bytes(range(30)))),
        "pcm24_list": riff(chunk(b"LIST", b"INFOodd"), fmt(1, 1, 44100, 24), chunk(b"data", bytes(48))),
        "pcm32": riff(fmt(1, 1, 48000, 32), chunk(b"fact", b"\x04\0\0\0"), chunk(b"data", bytes(32))),
        "float32": riff(fmt(3, 2, 22050, 32), chunk(b"data", struct.pack("<4f", 0.5, -0.5, 1.5, float("nan")))),
        "extensible": riff(fmt(0xFFFE, 2, 32000, 24, extensible_sub=1), chunk(b"data", bytes(36))),
    }
    for name, data in seeds.items():
        with open(os.path.join(directory, name + ".wav"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv[1])
